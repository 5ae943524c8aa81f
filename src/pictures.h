/* pictures.h — previews of pages: PNG and SVG files, a contact sheet of a
 * whole edition, and raster pages for the terminal.
 *
 * Built on render_draw_page; an overlay (overlay.h) is drawn over each page
 * when given. Output goes to memory; the caller writes it atomically. */
#ifndef GALLEY_PICTURES_H
#define GALLEY_PICTURES_H

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

#include "displaylist.h"
#include "overlay.h"

/* One page (0-based) as PNG at dpi. overlay may be NULL. */
GBytes *pictures_png(const DisplayList *list, int page, double dpi, Overlay *overlay,
                     GError **error);

/* One page as SVG, in points. */
GBytes *pictures_svg(const DisplayList *list, int page, Overlay *overlay, GError **error);

/* The wanted pages as thumbnails at dpi, in rows, each labelled with its
 * page number (set in fonts), in one PNG. */
GBytes *pictures_sheet(const DisplayList *list, const gboolean *wanted, double dpi,
                       PangoFontMap *fonts, Overlay *overlay, GError **error);

/* One page drawn to fit width x height pixels (aspect kept; the surface is
 * only as large as the page needs). Caller destroys the surface. */
cairo_surface_t *pictures_raster(const DisplayList *list, int page, int width, int height,
                                 Overlay *overlay);

#endif
