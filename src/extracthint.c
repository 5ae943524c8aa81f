/* extracthint.c — see extracthint.h. */
#include "extracthint.h"

#include <cairo-ft.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>

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

/* The font of the first line of text in the list; NULL when none. */
static PangoFont *first_font(const DisplayList *list)
{
  for (unsigned i = 0; i < display_list_box_count(list); i++) {
    const Box *box = display_list_box(list, i);
    if (box->kind != BOX_TEXT || !box->layout)   /* a page already drawn has let go of it */
      continue;
    PangoLayoutLine *line = pango_layout_get_line_readonly(box->layout, box->line_index);
    if (line && line->runs)
      return ((PangoGlyphItem *)line->runs->data)->item->analysis.font;
  }
  return NULL;
}

cairo_scaled_font_t *extracthint_font(const DisplayList *list)
{
  PangoFont *font = first_font(list);
  if (!font)
    return NULL;
  cairo_font_face_t *face = cairo_scaled_font_get_font_face(pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font)));
  return sized(face, HINT_SIZE);
}

/* ---- hints without /ActualText ------------------------------------------------
 *
 * cairo's ToUnicode map gives a glyph the text of its first one-glyph
 * cluster, unless the font's cmap already names its character. So the
 * hints take a glyph the cmap does not reach, in a face loaded again from
 * the font's file: cairo keys font subsets by face, so the text's glyphs
 * never share its subset, and the glyph maps to two spaces there, as the
 * /ActualText of the other hints does (poppler drops one white-space
 * character alone, not two). The subset is a CID font (the glyph has no
 * WinAnsi character), whose ToUnicode Ghostscript carries over; it rewrites
 * WinAnsi subsets as simple fonts read through their glyph names.
 * Ghostscript 10.00 swaps the bytes of each UTF-16 unit of a ToUnicode
 * entry of several units: the two spaces become two en quads (U+2000),
 * white space too. */

typedef struct {
  FT_Library library;
  FT_Face face;
  unsigned long glyph;   /* the hint glyph */
} OwnFace;

static const cairo_user_data_key_t own_face_key;

static void own_face_free(void *data)
{
  OwnFace *own = data;
  if (own->face)
    FT_Done_Face(own->face);
  FT_Done_FreeType(own->library);
  g_free(own);
}

/* Of the glyphs no character maps to, the flattest with ink inside its
 * advance (it must hide under a rule at 1 pt); 0 when there is none. */
static unsigned long unmapped_glyph(FT_Face ft, cairo_font_face_t *face)
{
  char *mapped = g_malloc0((gsize)ft->num_glyphs);
  FT_UInt index = 0;
  for (FT_ULong c = FT_Get_First_Char(ft, &index); index != 0; c = FT_Get_Next_Char(ft, c, &index))
    if (index < (FT_UInt)ft->num_glyphs)
      mapped[index] = 1;
  cairo_scaled_font_t *unit = sized(face, 1.0);
  unsigned long best = 0;
  double flattest = G_MAXDOUBLE;
  for (long g = 1; g < ft->num_glyphs; g++) {   /* glyph 0 is .notdef, which cairo never maps */
    if (mapped[g])
      continue;
    cairo_glyph_t glyph = { (unsigned long)g, 0, 0 };
    cairo_text_extents_t ink;
    cairo_scaled_font_glyph_extents(unit, &glyph, 1, &ink);
    bool inside = ink.width > 0 && ink.height > 0 && ink.x_bearing >= 0
                  && ink.x_bearing + ink.width <= ink.x_advance;
    if (inside && ink.height < flattest)
      flattest = ink.height, best = (unsigned long)g;
  }
  cairo_scaled_font_destroy(unit);
  g_free(mapped);
  return best;
}

/* font's file as a face of its own, with its hint glyph; NULL when the
 * font has no file or no such glyph. */
static cairo_font_face_t *own_face(PangoFont *font)
{
  FcChar8 *file = NULL;
  int index = 0;
  if (!PANGO_IS_FC_FONT(font))
    return NULL;
  FcPattern *pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
  if (FcPatternGetString(pattern, FC_FILE, 0, &file) != FcResultMatch)
    return NULL;
  FcPatternGetInteger(pattern, FC_INDEX, 0, &index);
  OwnFace *own = g_new0(OwnFace, 1);
  if (FT_Init_FreeType(&own->library)) {
    g_free(own);
    return NULL;
  }
  if (FT_New_Face(own->library, (const char *)file, index, &own->face)) {
    own->face = NULL;
    own_face_free(own);
    return NULL;
  }
  cairo_font_face_t *face = cairo_ft_font_face_create_for_ft_face(own->face, 0);
  if (cairo_font_face_set_user_data(face, &own_face_key, own, own_face_free)) {
    cairo_font_face_destroy(face);
    own_face_free(own);
    return NULL;
  }
  own->glyph = unmapped_glyph(own->face, face);
  if (own->glyph == 0) {
    cairo_font_face_destroy(face);
    return NULL;
  }
  return face;
}

cairo_scaled_font_t *extracthint_font_without_actualtext(const DisplayList *list)
{
  PangoFont *font = first_font(list);
  cairo_font_face_t *face = font ? own_face(font) : NULL;
  if (!face)
    return NULL;
  cairo_scaled_font_t *scaled = sized(face, HINT_SIZE);
  cairo_font_face_destroy(face);
  return scaled;
}

static const OwnFace *own_face_of(cairo_scaled_font_t *font)
{
  return cairo_font_face_get_user_data(cairo_scaled_font_get_font_face(font), &own_face_key);
}

/* font stretched sideways so that glyph's advance is width points. */
static cairo_scaled_font_t *stretched(cairo_scaled_font_t *font, const cairo_glyph_t *glyph,
                                      double width)
{
  cairo_text_extents_t ink;
  cairo_scaled_font_glyph_extents(font, glyph, 1, &ink);
  cairo_matrix_t size, ctm, stretch;
  cairo_scaled_font_get_font_matrix(font, &size);
  cairo_matrix_init_scale(&stretch, width / ink.x_advance, 1);
  cairo_matrix_multiply(&size, &stretch, &size);
  cairo_scaled_font_get_ctm(font, &ctm);
  cairo_font_options_t *options = cairo_font_options_create();
  cairo_scaled_font_get_font_options(font, options);
  cairo_scaled_font_t *wide = cairo_scaled_font_create(cairo_scaled_font_get_font_face(font), &size,
                                                       &ctm, options);
  cairo_font_options_destroy(options);
  return wide;
}

/* Draws glyph (placed) in wide, mapped to two spaces, when its ink lies
 * within x0..x1 and top..bottom, where a rule or a photo covers it. */
static void show_hidden(cairo_t *cr, cairo_scaled_font_t *wide, const cairo_glyph_t *glyph,
                        double x0, double x1, double top, double bottom)
{
  cairo_text_extents_t ink;
  cairo_scaled_font_glyph_extents(wide, glyph, 1, &ink);   /* bearings from the glyph's origin */
  double left = glyph->x + ink.x_bearing, upper = glyph->y + ink.y_bearing;
  if (left < x0 || left + ink.width > x1 || upper < top || upper + ink.height > bottom)
    return;
  cairo_text_cluster_t cluster = { 2, 1 };   /* two spaces, one glyph: no /ActualText */
  cairo_save(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_scaled_font(cr, wide);
  cairo_show_text_glyphs(cr, "  ", 2, glyph, 1, &cluster, 1, 0);
  cairo_restore(cr);
}

/* A cutoff rule's hint: the glyph from x0 to x1, its ink centred on the
 * rule's stroke. */
static void own_rule_hint(cairo_t *cr, cairo_scaled_font_t *font, double x0, double x1, double y,
                          double stroke)
{
  cairo_glyph_t glyph = { own_face_of(font)->glyph, 0, 0 };
  if (x1 <= x0)
    return;
  cairo_scaled_font_t *wide = stretched(font, &glyph, x1 - x0);
  cairo_text_extents_t ink;
  cairo_scaled_font_glyph_extents(wide, &glyph, 1, &ink);
  glyph.x = x0;
  glyph.y = y - ink.y_bearing - ink.height / 2;
  show_hidden(cr, wide, &glyph, x0, x1, y - stroke / 2, y + stroke / 2);
  cairo_scaled_font_destroy(wide);
}

/* A photo's hint: the glyph of big (as tall as the photo) across it, on
 * baseline. */
static void own_photo_hint(cairo_t *cr, cairo_scaled_font_t *big, double x, double y, double width,
                           double height, double baseline)
{
  cairo_glyph_t glyph = { own_face_of(big)->glyph, 0, 0 };
  cairo_scaled_font_t *wide = stretched(big, &glyph, width);
  glyph.x = x;
  glyph.y = baseline;
  show_hidden(cr, wide, &glyph, x, x + width, y, y + height);
  cairo_scaled_font_destroy(wide);
}

/* ---- */

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

/* White: a renderer may place a thin rule a pixel off from a glyph under it
 * (at 72 to 300 dpi a black stop showed beside its rule in a few pixels);
 * white ink on the paper changes none, whatever the resolution. */
static void show_pair(cairo_t *cr, cairo_scaled_font_t *font, const cairo_glyph_t glyphs[2])
{
  cairo_save(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
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
  if (font && own_face_of(font)) {
    own_rule_hint(cr, font, x0, x1, y, stroke);
    return;
  }
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
  if (own_face_of(big))
    own_photo_hint(cr, big, x, y, width, height, y + unit.ascent / HINT_SIZE * points);
  else if (glyph_of(big, " ", &glyphs[0]) && glyph_of(big, ".", &glyphs[1])) {
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
