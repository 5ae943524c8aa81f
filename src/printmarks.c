/* printmarks.c — crop and registration marks and the slug line, drawn
 * with cairo. Sizes follow common prepress practice: 0.25 pt hairlines,
 * crop marks 15 pt long starting 3 pt beyond the bleed. */
#include "printmarks.h"

#include <math.h>
#include <pango/pangocairo.h>

#define MARK_GAP 3.0        /* between the bleed and the start of a mark */
#define MARK_LENGTH 15.0
#define MARK_LINE 0.25
#define TARGET_RADIUS 5.0
#define SLUG_SIZE 6.0
/* room beyond the bleed: gap, mark, and a little white at the sheet edge */
#define MARK_ZONE (MARK_GAP + MARK_LENGTH + 6.0)

void printmarks_sheet(PrintSheet *sheet, double width, double height, double bleed, bool marks)
{
  sheet->trim_width = width;
  sheet->trim_height = height;
  sheet->marks = marks;
  sheet->bleed = marks ? bleed : 0;
  sheet->offset = marks ? bleed + MARK_ZONE : 0;
}

double printmarks_sheet_width(const PrintSheet *sheet)
{
  return sheet->trim_width + 2 * sheet->offset;
}

double printmarks_sheet_height(const PrintSheet *sheet)
{
  return sheet->trim_height + 2 * sheet->offset;
}

void printmarks_boxes(const PrintSheet *sheet, PdfBoxes *boxes)
{
  double w = printmarks_sheet_width(sheet), h = printmarks_sheet_height(sheet);
  double o = sheet->offset, b = sheet->bleed;
  /* the sheet is symmetric, so PDF's upward y changes nothing */
  boxes->media = (PdfRect){ 0, 0, w, h };
  boxes->trim = (PdfRect){ o, o, w - o, h - o };
  boxes->bleed = (PdfRect){ o - b, o - b, w - o + b, h - o + b };
}

static void line(cairo_t *cr, double x0, double y0, double x1, double y1)
{
  cairo_move_to(cr, x0, y0);
  cairo_line_to(cr, x1, y1);
}

/* Two marks at each corner, in line with the trim edges. */
static void crop_marks(cairo_t *cr, const PrintSheet *s)
{
  double o = s->offset, start = s->bleed + MARK_GAP, end = start + MARK_LENGTH;
  double left = o, right = o + s->trim_width, top = o, bottom = o + s->trim_height;
  double xs[2] = { left, right }, ys[2] = { top, bottom }, dir[2] = { -1, 1 };
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 2; j++) {
      line(cr, xs[i] + dir[i] * start, ys[j], xs[i] + dir[i] * end, ys[j]);
      line(cr, xs[i], ys[j] + dir[j] * start, xs[i], ys[j] + dir[j] * end);
    }
  cairo_stroke(cr);
}

static void target(cairo_t *cr, double x, double y)
{
  cairo_new_sub_path(cr);
  cairo_arc(cr, x, y, TARGET_RADIUS, 0, 2 * M_PI);
  cairo_new_sub_path(cr);
  cairo_arc(cr, x, y, TARGET_RADIUS / 2, 0, 2 * M_PI);
  line(cr, x - TARGET_RADIUS * 1.6, y, x + TARGET_RADIUS * 1.6, y);
  line(cr, x, y - TARGET_RADIUS * 1.6, x, y + TARGET_RADIUS * 1.6);
  cairo_stroke(cr);
}

/* Registration targets centred on each side, in the middle of the mark zone. */
static void registration_marks(cairo_t *cr, const PrintSheet *s)
{
  double o = s->offset, mid = s->bleed + MARK_GAP + MARK_LENGTH / 2;
  double cx = o + s->trim_width / 2, cy = o + s->trim_height / 2;
  target(cr, cx, o - mid);
  target(cr, cx, o + s->trim_height + mid);
  target(cr, o - mid, cy);
  target(cr, o + s->trim_width + mid, cy);
}

/* The slug runs under the page's left half, between the crop mark and the
 * bottom registration target, set through the pages' own Pango context so
 * it uses galley's fonts, never whatever the machine has. */
static void slug_line(cairo_t *cr, const PrintSheet *s, const char *slug, PangoContext *context)
{
  double x = s->offset + MARK_LENGTH;
  double y = s->offset + s->trim_height + s->bleed + MARK_GAP;
  PangoLayout *layout = pango_layout_new(context);
  PangoFontDescription *font = pango_font_description_from_string("TeX Gyre Heros");
  pango_font_description_set_size(font, (int)(SLUG_SIZE * PANGO_SCALE));
  pango_layout_set_font_description(layout, font);
  pango_layout_set_text(layout, slug, -1);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
  pango_font_description_free(font);
  g_object_unref(layout);
}

void printmarks_draw(cairo_t *cr, const PrintSheet *sheet, const char *slug, PangoContext *context)
{
  if (!sheet->marks)
    return;
  cairo_save(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, MARK_LINE);
  crop_marks(cr, sheet);
  registration_marks(cr, sheet);
  if (slug && *slug && context)
    slug_line(cr, sheet, slug, context);
  cairo_restore(cr);
}

char *printmarks_slug(const char *publication, const char *edition, const char *page_label,
                      gint64 time)
{
  GString *slug = g_string_new(NULL);
  const char *sep = " \u00b7 ";
  if (publication)
    g_string_append(slug, publication);
  if (edition)
    g_string_append_printf(slug, "%s%s", slug->len ? sep : "", edition);
  if (page_label)
    g_string_append_printf(slug, "%sPage %s", slug->len ? sep : "", page_label);
  GDateTime *when = time >= 0 ? g_date_time_new_from_unix_utc(time) : NULL;
  if (when) {
    char *text = g_date_time_format(when, "%Y-%m-%d %H:%M UTC");
    g_string_append_printf(slug, "%s%s", slug->len ? sep : "", text);
    g_free(text);
    g_date_time_unref(when);
  }
  return g_string_free(slug, FALSE);
}
