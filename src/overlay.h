/* overlay.h — layout guides drawn over pages, in a non-printing colour:
 * the live area and columns, the baseline grid, frames with their names
 * and marks where something is wrong (overset text, a widow).
 *
 * Frames are named rectangles. Today they are the outlines of the stories,
 * taken from the display list (overlay_add_story_frames); a layout's slots
 * can be added the same way with overlay_add_frame. The colour is
 * "non-photo blue" (marks in magenta): a guide to look at, not to print. */
#ifndef GALLEY_OVERLAY_H
#define GALLEY_OVERLAY_H

#include <cairo.h>
#include <stdbool.h>

#include "displaylist.h"
#include "model.h"

typedef struct Overlay Overlay;

/* Borrows layout, list and the font map (galley's own, for the labels)
 * for the overlay's lifetime. */
Overlay *overlay_new(const Layout *layout, const DisplayList *list, PangoFontMap *fonts);
void overlay_free(Overlay *overlay);

/* A named rectangle on page (0-based), in Pango units from the page's top-left. */
void overlay_add_frame(Overlay *overlay, int page, int x, int y, int width, int height,
                       const char *name);

/* One frame per story and page around everything the story put there;
 * names[story] labels it (NULL: "story N"). */
void overlay_add_story_frames(Overlay *overlay, const char *const *names, unsigned count);

/* A mark at (x, y), the left end of a line's baseline, with a short label
 * (NULL or "": none). */
void overlay_add_mark(Overlay *overlay, int page, int x, int y, const char *label, bool error);

/* Draws page's guides on cr (user space in points); the signature is
 * RenderMetadata.overlay's, data being the Overlay. */
void overlay_draw(cairo_t *cr, int page, void *data);

#endif
