/* vectorlibs.h — poppler-glib (PDF) and librsvg (SVG), loaded when an ad or
 * a logo first needs them.
 *
 * Most runs draw no PDF or SVG artwork, and linking the two libraries (and
 * what they pull in: poppler's C++, the Rust of librsvg, gnutls...) at start
 * doubled galley's start-up time and added 7 MB to every run. GModule loads
 * them by their Debian sonames instead, on first use, once per process. */
#ifndef GALLEY_VECTORLIBS_H
#define GALLEY_VECTORLIBS_H

#include <librsvg/rsvg.h>
#include <poppler.h>

typedef struct {
  PopplerDocument *(*document_new_from_bytes)(GBytes *bytes, const char *password, GError **error);
  int (*document_get_n_pages)(PopplerDocument *document);
  PopplerPage *(*document_get_page)(PopplerDocument *document, int index);
  void (*page_get_size)(PopplerPage *page, double *width, double *height);
  void (*page_render_for_printing)(PopplerPage *page, cairo_t *cr);
} PopplerApi;

typedef struct {
  RsvgHandle *(*handle_new_from_file)(const char *path, GError **error);
  void (*handle_set_dpi)(RsvgHandle *handle, double dpi);
  gboolean (*handle_get_intrinsic_size_in_pixels)(RsvgHandle *handle, double *width, double *height);
  gboolean (*handle_get_geometry_for_layer)(RsvgHandle *handle, const char *id,
                                            const RsvgRectangle *viewport, RsvgRectangle *ink,
                                            RsvgRectangle *logical, GError **error);
  gboolean (*handle_render_document)(RsvgHandle *handle, cairo_t *cr,
                                     const RsvgRectangle *viewport, GError **error);
} RsvgApi;

/* The library's functions, or NULL and error saying which Debian package
 * to install. Thread-safe; the library stays loaded. */
const PopplerApi *vectorlibs_poppler(GError **error);
const RsvgApi *vectorlibs_rsvg(GError **error);

#endif
