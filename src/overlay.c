/* overlay.c — guides over pages: columns, baseline grid, frames, marks. */
#include "overlay.h"

#include <math.h>
#include <pango/pangocairo.h>

typedef struct {
  int page, x, y, width, height;
  char *name;
} Frame;

typedef struct {
  int page, x, y;
  char *label;
  bool error;
} Mark;

struct Overlay {
  const Layout *layout;
  const DisplayList *list;
  PangoFontMap *fonts;
  GArray *frames;   /* Frame */
  GArray *marks;    /* Mark */
};

/* non-photo blue, and magenta for marks */
#define GUIDE_RGB 0.36, 0.68, 0.89
#define MARK_RGB 0.90, 0.0, 0.55

static double points(int units)
{
  return units / (double)PANGO_SCALE;
}

static void frame_clear(gpointer data)
{
  g_free(((Frame *)data)->name);
}

static void mark_clear(gpointer data)
{
  g_free(((Mark *)data)->label);
}

Overlay *overlay_new(const Layout *layout, const DisplayList *list, PangoFontMap *fonts)
{
  Overlay *overlay = g_new0(Overlay, 1);
  overlay->fonts = fonts;
  overlay->layout = layout;
  overlay->list = list;
  overlay->frames = g_array_new(FALSE, TRUE, sizeof(Frame));
  g_array_set_clear_func(overlay->frames, frame_clear);
  overlay->marks = g_array_new(FALSE, TRUE, sizeof(Mark));
  g_array_set_clear_func(overlay->marks, mark_clear);
  return overlay;
}

void overlay_free(Overlay *overlay)
{
  if (!overlay)
    return;
  g_array_free(overlay->frames, TRUE);
  g_array_free(overlay->marks, TRUE);
  g_free(overlay);
}

void overlay_add_frame(Overlay *overlay, int page, int x, int y, int width, int height,
                       const char *name)
{
  Frame frame = { page, x, y, width, height, g_strdup(name) };
  g_array_append_val(overlay->frames, frame);
}

void overlay_add_mark(Overlay *overlay, int page, int x, int y, const char *label, bool error)
{
  Mark mark = { page, x, y, g_strdup(label), error };
  g_array_append_val(overlay->marks, mark);
}

/* The box's extent on the page; a text box's y is its baseline, and its
 * ascent is taken as four fifths of its height. */
static void box_extent(const Box *box, int *x0, int *y0, int *x1, int *y1)
{
  *x0 = box->x;
  *x1 = box->x + box->width;
  if (box->kind == BOX_TEXT) {
    *y0 = box->y - box->height * 4 / 5;
    *y1 = box->y + box->height / 5;
  } else {
    *y0 = MIN(box->y, box->y + box->height);
    *y1 = MAX(box->y, box->y + box->height);
  }
}

typedef struct {
  int page, story, x0, y0, x1, y1;
} Extent;

static void grow(GArray *extents, const Box *box)
{
  int x0, y0, x1, y1;
  box_extent(box, &x0, &y0, &x1, &y1);
  for (guint i = 0; i < extents->len; i++) {
    Extent *e = &g_array_index(extents, Extent, i);
    if (e->page == box->page && e->story == box->story) {
      e->x0 = MIN(e->x0, x0), e->y0 = MIN(e->y0, y0);
      e->x1 = MAX(e->x1, x1), e->y1 = MAX(e->y1, y1);
      return;
    }
  }
  Extent e = { box->page, box->story, x0, y0, x1, y1 };
  g_array_append_val(extents, e);
}

void overlay_add_story_frames(Overlay *overlay, const char *const *names, unsigned count)
{
  GArray *extents = g_array_new(FALSE, FALSE, sizeof(Extent));
  for (unsigned i = 0; i < display_list_box_count(overlay->list); i++) {
    const Box *box = display_list_box(overlay->list, i);
    if (box->story >= 0 && box->kind != BOX_RULE)
      grow(extents, box);
  }
  for (guint i = 0; i < extents->len; i++) {
    const Extent *e = &g_array_index(extents, Extent, i);
    char *fallback = g_strdup_printf("story %d", e->story + 1);
    const char *name = (unsigned)e->story < count && names[e->story] ? names[e->story] : fallback;
    overlay_add_frame(overlay, e->page, e->x0, e->y0, e->x1 - e->x0, e->y1 - e->y0, name);
    g_free(fallback);
  }
  g_array_free(extents, TRUE);
}

/* ---- drawing ------------------------------------------------------------------ */

static void draw_label(cairo_t *cr, PangoFontMap *fonts, double x, double y, const char *text,
                       double size)
{
  PangoContext *context = pango_font_map_create_context(fonts);
  pango_cairo_update_context(cr, context);
  PangoLayout *layout = pango_layout_new(context);
  PangoFontDescription *font = pango_font_description_from_string("DejaVu Sans");
  pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
  pango_layout_set_font_description(layout, font);
  pango_layout_set_text(layout, text, -1);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
  pango_font_description_free(font);
  g_object_unref(layout);
  g_object_unref(context);
}

static void draw_columns(cairo_t *cr, const Layout *layout)
{
  double top = points(layout->margin_top);
  double height = points(layout->page_height - layout->margin_top - layout->margin_bottom);
  cairo_set_line_width(cr, 0.5);
  cairo_rectangle(cr, points(layout->margin_left), top, points(layout_live_width(layout)), height);
  cairo_stroke(cr);
  cairo_set_line_width(cr, 0.3);
  for (int c = 0; c < layout->columns; c++)
    cairo_rectangle(cr, points(layout_column_x(layout, c)), top,
                    points(layout_column_width(layout)), height);
  cairo_stroke(cr);
}

/* The grid's phase is read from the body lines placed on the page, so the
 * lines drawn are the ones the text sits on. */
static bool grid_phase(const DisplayList *list, int page, int pitch, int *phase)
{
  for (unsigned i = 0; i < display_list_box_count(list); i++) {
    const Box *box = display_list_box(list, i);
    if (box->page == page && box->kind == BOX_TEXT && box->style == STYLE_BODY) {
      *phase = box->y % pitch;
      return true;
    }
  }
  return false;
}

static void draw_grid(cairo_t *cr, const Layout *layout, const DisplayList *list, int page)
{
  int pitch = layout->baseline, phase;
  if (pitch <= 0 || !grid_phase(list, page, pitch, &phase))
    return;
  double x0 = points(layout->margin_left), x1 = x0 + points(layout_live_width(layout));
  int bottom = layout->page_height - layout->margin_bottom;
  cairo_set_line_width(cr, 0.15);
  for (int y = phase; y <= bottom; y += pitch) {
    if (y < layout->margin_top)
      continue;
    cairo_move_to(cr, x0, points(y));
    cairo_line_to(cr, x1, points(y));
  }
  cairo_stroke(cr);
}

static void draw_frames(cairo_t *cr, const Overlay *overlay, int page)
{
  static const double dash[] = { 3, 2 };
  cairo_set_line_width(cr, 0.8);
  for (guint i = 0; i < overlay->frames->len; i++) {
    const Frame *f = &g_array_index(overlay->frames, Frame, i);
    if (f->page != page)
      continue;
    cairo_set_dash(cr, dash, 2, 0);
    cairo_rectangle(cr, points(f->x), points(f->y), points(f->width), points(f->height));
    cairo_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0);
    draw_label(cr, overlay->fonts, points(f->x) + 1, points(f->y) + 1, f->name, 6);
  }
}

static void draw_marks(cairo_t *cr, const Overlay *overlay, int page)
{
  cairo_set_source_rgb(cr, MARK_RGB);
  cairo_set_line_width(cr, 0.8);
  for (guint i = 0; i < overlay->marks->len; i++) {
    const Mark *m = &g_array_index(overlay->marks, Mark, i);
    if (m->page != page)
      continue;
    double x = points(m->x) - 4, y = points(m->y) - 3;
    cairo_new_sub_path(cr);
    cairo_arc(cr, x, y, m->error ? 3 : 2, 0, 2 * M_PI);
    if (m->error)
      cairo_fill(cr);
    else
      cairo_stroke(cr);
    if (m->label && *m->label)
      draw_label(cr, overlay->fonts, x - 2, y + 3, m->label, 5);
  }
}

void overlay_draw(cairo_t *cr, int page, void *data)
{
  const Overlay *overlay = data;
  cairo_save(cr);
  cairo_set_source_rgb(cr, GUIDE_RGB);
  draw_columns(cr, overlay->layout);
  draw_grid(cr, overlay->layout, overlay->list, page);
  draw_frames(cr, overlay, page);
  draw_marks(cr, overlay, page);
  cairo_restore(cr);
}
