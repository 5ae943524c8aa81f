/* printmarks.h — the printer's sheet around a page: bleed, crop marks,
 * registration marks and the slug line.
 *
 * The finished page (trim) sits centred on a larger sheet (the MediaBox).
 * Around it run the bleed, then the marks: crop marks at the corners,
 * starting beyond the bleed so they never print on a trimmed page;
 * registration targets at the middle of each side; the slug line (what
 * page this is, of what, built when) under the page. All marks are drawn
 * in black, so a grayscale or K-only plate carries them. */
#ifndef GALLEY_PRINTMARKS_H
#define GALLEY_PRINTMARKS_H

#include <cairo.h>
#include <pango/pango.h>
#include <glib.h>
#include <stdbool.h>

#include "pdfboxes.h"

typedef struct {
  double trim_width, trim_height;   /* the finished page, points */
  double bleed;                     /* points beyond the trim */
  double offset;                    /* from the sheet's edge to the trim */
  bool marks;
} PrintSheet;

/* Without marks the sheet is the page itself and bleed is 0. */
void printmarks_sheet(PrintSheet *sheet, double width, double height, double bleed, bool marks);
double printmarks_sheet_width(const PrintSheet *sheet);
double printmarks_sheet_height(const PrintSheet *sheet);

/* MediaBox (the sheet), BleedBox and TrimBox in PDF coordinates. */
void printmarks_boxes(const PrintSheet *sheet, PdfBoxes *boxes);

/* Draws the marks and the slug (may be NULL) on the sheet, in sheet
 * coordinates (the caller has not yet moved the origin to the trim). The
 * slug is set with context's fonts. */
void printmarks_draw(cairo_t *cr, const PrintSheet *sheet, const char *slug, PangoContext *context);

/* "Publication · Edition · Page 3 · 2026-06-24 05:30 UTC"; NULL parts are
 * left out; time < 0 omits the time. Caller frees. */
char *printmarks_slug(const char *publication, const char *edition, const char *page_label,
                      gint64 time);

#endif
