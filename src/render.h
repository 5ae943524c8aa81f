/* render.h — draws a display list with cairo: PDF, PNG.
 *
 * Rendering decides nothing about placement: it draws each box where the
 * display list says. Output goes to memory; the caller writes it to disk
 * atomically (see output.h). */
#ifndef GALLEY_RENDER_H
#define GALLEY_RENDER_H

#include <glib.h>

#include "displaylist.h"

typedef struct {
  const char *title;
  const char *author;
  const char *creator;        /* "galley VERSION" */
  gint64 creation_time;       /* seconds since the epoch; < 0 to omit */
} RenderMetadata;

/* The whole document as PDF bytes. Caller owns the result. */
GBytes *render_pdf(const DisplayList *list, const RenderMetadata *metadata, GError **error);

/* One page (0-based) as PNG bytes at dpi. Caller owns the result. */
GBytes *render_png(const DisplayList *list, int page, double dpi, GError **error);

#endif
