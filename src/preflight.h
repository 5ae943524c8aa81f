/* preflight.h — what a printer checks before a page goes to plate.
 *
 * Fonts: every face drawn on a page is embedded in the PDF, so a face
 * whose licence forbids embedding (OpenType OS/2 fsType "restricted
 * licence" or "bitmap embedding only") is refused. Photos: one whose
 * effective resolution at its printed size is below the minimum would
 * print soft or blocky, and is warned about, naming its article and file. */
#ifndef GALLEY_PREFLIGHT_H
#define GALLEY_PREFLIGHT_H

#include <stdbool.h>

#include "diag.h"
#include "displaylist.h"
#include "model.h"

/* False with error naming the first face that may not be embedded. */
bool preflight_fonts(const DisplayList *list, GError **error);
/* The same for one page, before it is drawn, whose boxes come in a run
 * from box first (as the continuous flow adds them). */
bool preflight_page_fonts(const DisplayList *list, int page, unsigned first, GError **error);

/* Warns (in log) about each photo below min_ppi; articles indexed by
 * box->story. Returns how many were found. */
unsigned preflight_photos(const DisplayList *list, Article *const *articles, unsigned count,
                          double min_ppi, DiagLog *log);

/* The fsType field of a face's OS/2 table, 0 (installable) without one. */
unsigned preflight_font_fstype(PangoFont *font);

#endif
