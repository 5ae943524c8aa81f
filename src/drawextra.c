/* drawextra.c — tints, artwork and overset marks. Link and destination
 * boxes are not drawn here: they are data for the PDF's navigation
 * (pdfnav.h), which render.c writes. */
#include "drawextra.h"

#include "artwork.h"

static double points(int units)
{
  return units / (double)PANGO_SCALE;
}

static void draw_fill(cairo_t *cr, const Box *box)
{
  double grey = 1.0 - box->tint;
  cairo_set_source_rgb(cr, grey, grey, grey);
  cairo_rectangle(cr, points(box->x), points(box->y), points(box->width), points(box->height));
  cairo_fill(cr);
}

/* A red square with a plus, as layout programs flag overset text. */
static void draw_mark(cairo_t *cr, const Box *box)
{
  double x = points(box->x), y = points(box->y), w = points(box->width), h = points(box->height);
  cairo_set_source_rgb(cr, 0.85, 0, 0);
  cairo_set_line_width(cr, 1.0);
  cairo_rectangle(cr, x, y, w, h);
  cairo_move_to(cr, x + w / 2, y + h * 0.2);
  cairo_line_to(cr, x + w / 2, y + h * 0.8);
  cairo_move_to(cr, x + w * 0.2, y + h / 2);
  cairo_line_to(cr, x + w * 0.8, y + h / 2);
  cairo_stroke(cr);
}

void drawextra_box(cairo_t *cr, const Box *box)
{
  switch (box->kind) {
  case BOX_FILL: draw_fill(cr, box); break;
  case BOX_ARTWORK:
    artwork_draw(box->artwork, cr, points(box->x), points(box->y), points(box->width),
                 points(box->height), box->cover, box->focus_x, box->focus_y);
    break;
  case BOX_MARK: draw_mark(cr, box); break;
  default: break;
  }
}
