/* render.h — draws a display list with cairo: PDF, PNG.
 *
 * Rendering decides nothing about placement: it draws each box where the
 * display list says. Output goes to memory; the caller writes it to disk
 * atomically (see output.h). */
#ifndef GALLEY_RENDER_H
#define GALLEY_RENDER_H

#include <cairo.h>
#include <glib.h>
#include <stdbool.h>

#include "displaylist.h"
#include "pdfnav.h"
#include "printmarks.h"

typedef struct {
  const char *title;
  const char *author;
  const char *creator;        /* "galley VERSION" */
  gint64 creation_time;       /* seconds since the epoch; < 0 to omit */
  const char *subject;        /* the sections; NULL to omit */
  const char *keywords;       /* NULL to omit */
} RenderMetadata;

/* Draws over a page (galley build --overlay; see overlay.h): user space in
 * points from the page's top-left corner. */
typedef void (*RenderOverlay)(cairo_t *cr, int page, void *data);

typedef struct {
  const PdfNav *nav;          /* page labels, outline, destinations, links; NULL: none */
  const PrintSheet *sheet;    /* bleed and marks around the page; NULL: the page alone */
  const char *publication;    /* for the slug line */
  const char *edition;
  gint64 slug_time;           /* the build time on the slug; < 0 omits it */
  RenderOverlay overlay;      /* NULL: none */
  void *overlay_data;
  bool hints_without_actualtext;   /* the hints of extracthint.h in their form without
                                      /ActualText (PDF/X: Ghostscript drops it) */
} RenderPdfOptions;

/* The whole document as PDF bytes, tagged (headline H1, deck H2,
 * crossheads H3, paragraphs P, photos Figure, each story an Art element)
 * and drawn story by story, column by column. options may be NULL.
 * Caller owns the result. */
GBytes *render_pdf(const DisplayList *list, const RenderMetadata *metadata,
                   const RenderPdfOptions *options, GError **error);

/* The same, a page at a time, for pages drawn as soon as composition has
 * finished them: begin, each page in order (its boxes from box `first` on,
 * its destinations and links from nav, which may be NULL), then end, which
 * adds the metadata and the outline from nav and gives the bytes (NULL and
 * error when cairo fails). */
typedef struct RenderPdf RenderPdf;
RenderPdf *render_pdf_begin(int page_width, int page_height, const RenderPdfOptions *options);
void render_pdf_page(RenderPdf *pdf, const DisplayList *list, int page, unsigned first,
                     const PdfNav *nav);
GBytes *render_pdf_end(RenderPdf *pdf, const RenderMetadata *metadata, const PdfNav *nav,
                       GError **error);

/* One page (0-based) as PNG bytes at dpi. Caller owns the result. */
GBytes *render_png(const DisplayList *list, int page, double dpi, GError **error);

/* Draws one page's boxes on cr, whose user space is points from the page's
 * top-left corner; device_scale is device pixels per point (1 for vector
 * surfaces), which sets the resolution photos are drawn at. For previews. */
void render_draw_page(cairo_t *cr, const DisplayList *list, int page, double device_scale);

#endif
