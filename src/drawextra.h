/* drawextra.h — draws the edition boxes of a display list: tints, artwork,
 * the overset mark. render.c hands every box kind it does not draw itself
 * to this module; links and destinations go to the PDF through pdfnav.h. */
#ifndef GALLEY_DRAWEXTRA_H
#define GALLEY_DRAWEXTRA_H

#include <cairo.h>

#include "displaylist.h"

void drawextra_box(cairo_t *cr, const Box *box);

#endif
