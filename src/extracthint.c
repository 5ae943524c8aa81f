/* extracthint.c — see extracthint.h. */
#include "extracthint.h"

#include <pango/pangocairo.h>

/* Small enough for the glyph to hide under a rule's stroke, and far from
 * every text size, so that pdftotext joins the separator to no block:
 * it joins lines whose sizes differ by 5 % at most. */
#define HINT_SIZE 1.0

static cairo_scaled_font_t *sized(cairo_font_face_t *face, double points)
{
  cairo_matrix_t size, ctm;
  cairo_matrix_init_scale(&size, points, points);
  cairo_matrix_init_identity(&ctm);
  cairo_font_options_t *options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);   /* at 1 pt they round to 0 */
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_scaled_font_t *scaled = cairo_scaled_font_create(face, &size, &ctm, options);
  cairo_font_options_destroy(options);
  return scaled;
}

cairo_scaled_font_t *extracthint_font(const DisplayList *list)
{
  for (unsigned i = 0; i < display_list_box_count(list); i++) {
    const Box *box = display_list_box(list, i);
    if (box->kind != BOX_TEXT || !box->layout)   /* a page already drawn has let go of it */
      continue;
    PangoLayoutLine *line = pango_layout_get_line_readonly(box->layout, box->line_index);
    if (!line || !line->runs)
      continue;
    PangoFont *font = ((PangoGlyphItem *)line->runs->data)->item->analysis.font;
    cairo_font_face_t *face = cairo_scaled_font_get_font_face(pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font)));
    return sized(face, HINT_SIZE);
  }
  return NULL;
}

static bool glyph_of(cairo_scaled_font_t *font, const char *utf8, cairo_glyph_t *out)
{
  cairo_glyph_t *glyphs = NULL;
  int count = 0;
  cairo_status_t status = cairo_scaled_font_text_to_glyphs(font, 0, 0, utf8, -1, &glyphs, &count,
                                                           NULL, NULL, NULL);
  bool found = status == CAIRO_STATUS_SUCCESS && count == 1 && glyphs[0].index != 0;
  if (found)
    *out = glyphs[0];
  cairo_glyph_free(glyphs);
  return found;
}

static void show_pair(cairo_t *cr, cairo_scaled_font_t *font, const cairo_glyph_t glyphs[2])
{
  cairo_save(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_scaled_font(cr, font);
  cairo_text_cluster_t cluster = { 2, 2 };
  cairo_show_text_glyphs(cr, "  ", 2, glyphs, 2, &cluster, 1, 0);
  cairo_restore(cr);
}

/* Two glyphs, a space at the rule's start and a full stop at its end, as
 * one cluster: cairo writes a cluster of several glyphs as /ActualText, and
 * pdftotext places that text over the span of its glyphs. The full stop
 * gives the cluster ink, without which cairo would drop it; it sits centred
 * on the rule. */
static void story_break(cairo_t *cr, cairo_scaled_font_t *font, double x0, double x1, double y,
                        double stroke)
{
  cairo_glyph_t glyphs[2];
  if (!font || !glyph_of(font, " ", &glyphs[0]) || !glyph_of(font, ".", &glyphs[1]))
    return;
  cairo_text_extents_t ink;
  cairo_scaled_font_glyph_extents(font, &glyphs[1], 1, &ink);
  if (ink.width > stroke || ink.height > stroke || ink.width <= 0)
    return;   /* it would show */
  glyphs[0].x = x0;
  glyphs[0].y = y;
  glyphs[1].x = x1 - ink.x_advance;
  glyphs[1].y = y - ink.y_bearing - ink.height / 2;
  /* the stop's ink must lie under the stroke, also at the rule's end */
  if (glyphs[1].x + ink.x_bearing < x0 || glyphs[1].x + ink.x_bearing + ink.width > x1)
    return;
  show_pair(cr, font, glyphs);
}

/* The same pair of glyphs across a photo, at the size that makes the
 * word as tall as the photo: pdftotext then
 * sees something beside the text next to the photo, which otherwise spreads
 * its block sideways over the photo and reads it before the columns below
 * the photo. The full stop lies on the photo, drawn after it covers it. */
void extracthint_photo(cairo_t *cr, cairo_scaled_font_t *font, double x, double y, double width,
                       double height)
{
  if (!font)
    return;
  cairo_font_extents_t unit;
  cairo_scaled_font_extents(font, &unit);
  if (unit.ascent + unit.descent <= 0)
    return;
  double points = height / (unit.ascent + unit.descent) * HINT_SIZE;
  cairo_scaled_font_t *big = sized(cairo_scaled_font_get_font_face(font), points);
  cairo_glyph_t glyphs[2];
  cairo_text_extents_t ink;
  if (glyph_of(big, " ", &glyphs[0]) && glyph_of(big, ".", &glyphs[1])) {
    cairo_scaled_font_glyph_extents(big, &glyphs[1], 1, &ink);
    double baseline = y + unit.ascent / HINT_SIZE * points;
    glyphs[0].x = x;
    glyphs[0].y = baseline;
    glyphs[1].x = x + width - ink.x_advance;
    glyphs[1].y = baseline;
    bool covered = glyphs[1].x + ink.x_bearing >= x && glyphs[1].x + ink.x_bearing + ink.width <= x + width
                   && baseline + ink.y_bearing >= y && baseline + ink.y_bearing + ink.height <= y + height;
    if (covered)
      show_pair(cr, big, glyphs);
  }
  cairo_scaled_font_destroy(big);
}

/* A cutoff rule that another on the same line continues, across the
 * gutter between two slots side by side: one separator spans both, or the
 * two would be two blocks in a row over the slots' heads, the top of a
 * table to pdftotext. */
static bool continued(const Box *rule, const Box *next)
{
  return next->cutoff && next->y == rule->y && next->x > rule->x
         && next->x - (rule->x + rule->width) < 24 * PANGO_SCALE;
}

void extracthint_story_breaks(cairo_t *cr, cairo_scaled_font_t *font, const DisplayList *list,
                              unsigned first, unsigned end)
{
  for (unsigned i = first; i < end; i++) {
    const Box *rule = display_list_box(list, i);
    if (rule->kind != BOX_RULE || !rule->cutoff)
      continue;
    bool starts = true;   /* no rule ends just before it on its line */
    for (unsigned j = first; j < end && starts; j++)
      starts = !continued(display_list_box(list, j), rule);
    if (!starts)
      continue;
    const Box *last = rule;
    for (bool more = true; more;) {
      more = false;
      for (unsigned j = first; j < end && !more; j++)
        if (continued(last, display_list_box(list, j)))
          last = display_list_box(list, j), more = true;
    }
    story_break(cr, font, rule->x / (double)PANGO_SCALE,
                            (last->x + last->width) / (double)PANGO_SCALE, rule->y / (double)PANGO_SCALE,
                            MIN(rule->rule_width, last->rule_width) / (double)PANGO_SCALE);
  }
}
