/* artwork.h — supplied artwork: ads, logos and edition photos from files.
 *
 * PNG and JPEG through image.h (gdk-pixbuf); a JPEG keeps its file's bytes so
 * the PDF embeds it as JPEG (cairo mime data) at its own size and quality.
 * A page of a PDF through poppler-glib and SVG through librsvg are drawn as
 * vectors. Drawing either fits the artwork inside a box without distortion
 * (ads, logos) or covers the box, cropped around a focal point (photos).
 * Only this module includes poppler and librsvg. */
#ifndef GALLEY_ARTWORK_H
#define GALLEY_ARTWORK_H

#include <cairo.h>
#include <glib.h>
#include <stdbool.h>

typedef struct Artwork Artwork;

/* Loads path by its content (PDF, SVG, else PNG/JPEG). page is the PDF page,
 * from 1. NULL with an error naming the file when it cannot be used. */
Artwork *artwork_load(const char *path, int page, GError **error);
Artwork *artwork_ref(Artwork *artwork);
void artwork_unref(Artwork *artwork);

/* Natural size: pixels for raster images, points for PDF and SVG. */
double artwork_width(const Artwork *artwork);
double artwork_height(const Artwork *artwork);
bool artwork_is_vector(const Artwork *artwork);
/* True when a JPEG's bytes are embedded as they are (not re-encoded). */
bool artwork_embeds_jpeg(const Artwork *artwork);

/* Draws into the rectangle (points): fitted inside and centred, or, with
 * cover, scaled to fill it and cropped so the focal point (0..1 of width
 * and height; 0.5, 0.5 is the centre) stays as central as the edges allow. */
void artwork_draw(const Artwork *artwork, cairo_t *cr, double x, double y, double width,
                  double height, bool cover, double focus_x, double focus_y);

#endif
