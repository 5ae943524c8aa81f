/* extracthint.c — see extracthint.h. */
#include "extracthint.h"

#include <math.h>
#include <stdlib.h>

#include <cairo-ft.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>

/* Small enough for the glyph to hide under a rule's stroke, and far from
 * every text size, so that pdftotext joins the separator to no block:
 * it joins lines whose sizes differ by 5 % at most. */
#define HINT_SIZE 1.0

/* The face at `wide` points across and `high` points up. */
static cairo_scaled_font_t *sized_xy(cairo_font_face_t *face, double wide, double high)
{
  cairo_matrix_t size, ctm;
  cairo_matrix_init_scale(&size, wide, high);
  cairo_matrix_init_identity(&ctm);
  cairo_font_options_t *options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);   /* at 1 pt they round to 0 */
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_scaled_font_t *scaled = cairo_scaled_font_create(face, &size, &ctm, options);
  cairo_font_options_destroy(options);
  return scaled;
}

static cairo_scaled_font_t *sized(cairo_font_face_t *face, double points)
{
  return sized_xy(face, points, points);
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

/* ---- gutters ---------------------------------------------------------------------
 *
 * How pdftotext (poppler's TextOutputDev) grows a block: it takes a word
 * on one of the block's lines when the word's size is within 60 % of the
 * size of the word that started the block and it lies within 0.7 of that
 * size beside the block (maxBlockFontSizeDelta2, minColSpacing1, 0.3
 * before poppler 21); within 20 % and one size away
 * (maxBlockFontSizeDelta3, minColSpacing2); a line above or below within
 * 5 % and 1.5 sizes (maxBlockFontSizeDelta1, maxLineSpacingDelta). So
 * sizes JOIN_RATIO apart never share a block, and sizes SIDE_RATIO apart
 * only within LINE_REACH of the larger size. (The ratios carry a margin.)
 * A gutter's hint must share a block with nothing: a text line or a photo
 * hint joined to it would stretch across the columns it is to separate. */
#define JOIN_RATIO 2.6
#define SIDE_RATIO 1.3
#define LINE_REACH 0.7
/* Words stacked closer than 1.5 sizes make one block, as tall as the gutter. */
#define STACK_PITCH 1.4
/* The hints of two gutters side by side stay smaller than the distance
 * between them, so neither reaches the other. */
#define SIDE_REACH 0.9
/* At most this many words down a gutter: pdftotext prints each as a line
 * of white space. */
#define MOST_WORDS 12

static bool is_gutter(const Box *box)
{
  return box->kind == BOX_GUTTER && box->height > 0;
}

/* A text box's font size in points: that of its largest run, or, once the
 * page has let go of its layout, its height (ascent and descent, more
 * than the size). */
static double text_size(const Box *box)
{
  double size = 0;
  PangoLayoutLine *line = box->layout ? pango_layout_get_line_readonly(box->layout, box->line_index) : NULL;
  for (GSList *run = line ? line->runs : NULL; run; run = run->next) {
    PangoFontDescription *described = pango_font_describe(((PangoGlyphItem *)run->data)->item->analysis.font);
    size = MAX(size, pango_font_description_get_size(described) / (double)PANGO_SCALE);
    pango_font_description_free(described);
  }
  return size > 0 ? size : box->height / (double)PANGO_SCALE;
}

/* What pdftotext sees of a box: a line of text, or a photo's hint
 * (extracthint_photo); its extent across, its baseline and its size (0:
 * nothing). */
typedef struct {
  double left, right, base, size;
} Seen;

/* The words down a gutter: at x, their baselines from base0 to base1. */
typedef struct {
  double x, base0, base1, size;
} Column;

static Seen seen(const Box *box, double ascent, double descent)
{
  Seen s = { box->x / (double)PANGO_SCALE, (box->x + box->width) / (double)PANGO_SCALE,
             box->y / (double)PANGO_SCALE, 0 };
  if (box->kind == BOX_TEXT)
    s.size = text_size(box);
  else if (box->kind == BOX_IMAGE) {
    s.size = box->height / (double)PANGO_SCALE / (ascent + descent);
    s.base += ascent * s.size;
  }
  return s;
}

/* Whether one of pdftotext's blocks could take both the column's words and
 * what it sees of a box: baselines within half a size (a line of the block;
 * a text block's lines are up to 1.5 sizes apart, so a baseline between
 * two is up to 0.75 from one), and within reach across. */
static bool could_join(const Column *column, const Seen *other)
{
  double larger = MAX(column->size, other->size), ratio = larger / MIN(column->size, other->size);
  double reach = ratio < SIDE_RATIO ? larger : ratio < JOIN_RATIO ? LINE_REACH * larger : 0;
  return reach > 0 && other->left - reach < column->x && column->x < other->right + reach
         && other->base > column->base0 - 0.75 * larger && other->base < column->base1 + 0.75 * larger;
}

static Column column_of(const Box *gutter, double size, double ascent, double descent)
{
  Column c = { gutter->x / (double)PANGO_SCALE, gutter->y / (double)PANGO_SCALE + ascent * size,
               (gutter->y + gutter->height) / (double)PANGO_SCALE - descent * size, size };
  return c;
}

static bool apart(const GArray *near, const Column *column)
{
  for (unsigned i = 0; i < near->len; i++)
    if (could_join(column, &g_array_index(near, Seen, i)))
      return false;
  return true;
}

/* The largest size, up to `most`, for words down the gutter that join
 * nothing near it: `most` itself, or JOIN_RATIO below the size of
 * something near; 0 when none is `least` or more. */
static double apart_size(const GArray *near, const Box *gutter, double most, double least,
                         double ascent, double descent)
{
  Column column = column_of(gutter, most, ascent, descent);
  if (apart(near, &column))
    return most;
  double best = 0;
  for (unsigned i = 0; i < near->len; i++) {
    double size = g_array_index(near, Seen, i).size / JOIN_RATIO * 0.999;
    column = column_of(gutter, size, ascent, descent);
    if (size > best && size < most && size >= least && apart(near, &column))
      best = size;
  }
  return best;
}

/* The size of the words down a gutter: as large as its length allows (one
 * word, if it can), at most SIDE_REACH of the way to the next gutter
 * beside it, and apart from every text and photo near it; 0 when no size
 * will do, and the gutter goes without. */
static double column_hint_size(const DisplayList *list, unsigned first, unsigned end,
                               const Box *gutter, double ascent, double descent)
{
  double length = gutter->height / (double)PANGO_SCALE, most = length / (ascent + descent);
  for (unsigned i = first; i < end; i++) {
    const Box *other = display_list_box(list, i);
    if (is_gutter(other) && other->x != gutter->x && other->y < gutter->y + gutter->height
        && gutter->y < other->y + other->height)
      most = MIN(most, SIDE_REACH * abs(other->x - gutter->x) / (double)PANGO_SCALE);
  }
  /* above the story breaks' size, and few enough words (see extracthint_column_breaks) */
  double least = MAX(JOIN_RATIO * HINT_SIZE,
                     length / (MIN(ascent + descent, STACK_PITCH) * (MOST_WORDS - 1)));
  GArray *near = g_array_new(false, false, sizeof(Seen));
  Column widest = column_of(gutter, 0, ascent, descent);   /* baselines down the whole gutter */
  widest.size = most;
  for (unsigned i = first; i < end; i++) {
    Seen other = seen(display_list_box(list, i), ascent, descent);
    Seen as_large = other;
    as_large.size = MAX(other.size, most);   /* the farthest any size up to `most` reaches */
    if (other.size > 0 && could_join(&widest, &as_large))
      g_array_append_val(near, other);
  }
  double size = most >= least ? apart_size(near, gutter, most, least, ascent, descent) : 0;
  g_array_free(near, true);
  return size;
}

/* Whether nothing drawn before the hints (the stories' boxes; page
 * furniture comes after) lies over the rectangle: white ink there changes
 * no pixel. */
static bool uncovered(const DisplayList *list, unsigned first, unsigned end, double x0, double y0,
                      double x1, double y1)
{
  for (unsigned i = first; i < end; i++) {
    const Box *box = display_list_box(list, i);
    if (box->story < 0 || box->kind == BOX_LINK || box->kind == BOX_DEST || box->kind == BOX_REGION)
      continue;
    double top = (box->kind == BOX_TEXT ? box->y - box->height : box->y) / (double)PANGO_SCALE;
    double left = box->x / (double)PANGO_SCALE;
    if (left < x1 && x0 < left + box->width / (double)PANGO_SCALE && top < y1
        && y0 < top + box->height / (double)PANGO_SCALE)
      return false;
  }
  return true;
}

/* The same word in the form without /ActualText: the hint glyph `size`
 * high, stretched to `hairline`, hidden under the rule's stroke (the
 * PDF/X file's text is black: Ghostscript's -dBlackText). */
static void own_column_word(cairo_t *cr, cairo_scaled_font_t *font, double x, double top, double size,
                            double hairline, double stroke)
{
  cairo_font_extents_t unit;
  cairo_scaled_font_extents(font, &unit);
  cairo_scaled_font_t *big = sized(cairo_scaled_font_get_font_face(font), size);
  cairo_glyph_t glyph = { own_face_of(font)->glyph, 0, 0 };
  cairo_scaled_font_t *wide = stretched(big, &glyph, hairline);
  glyph.x = x - hairline / 2;
  glyph.y = top + unit.ascent / HINT_SIZE * size;
  show_hidden(cr, wide, &glyph, x - stroke / 2, x + stroke / 2, top,
              top + (unit.ascent + unit.descent) / HINT_SIZE * size);
  cairo_scaled_font_destroy(wide);
  cairo_scaled_font_destroy(big);
}

/* One word `size` high along the gutter from top, its ink a full stop
 * `hairline` wide centred on x, in the middle of the word; `stroke`: the
 * gutter's rule, 0 for none. */
static void column_word(cairo_t *cr, cairo_scaled_font_t *font, const DisplayList *list,
                        unsigned first, unsigned end, double x, double top, double size, double hairline,
                        double stroke)
{
  if (own_face_of(font)) {   /* black, so only under a rule */
    if (stroke > 0)
      own_column_word(cr, font, x, top, size, hairline, stroke);
    return;
  }
  cairo_glyph_t glyphs[2];
  cairo_text_extents_t ink;
  cairo_font_extents_t unit;
  if (!glyph_of(font, " ", &glyphs[0]) || !glyph_of(font, ".", &glyphs[1]))
    return;
  cairo_scaled_font_glyph_extents(font, &glyphs[1], 1, &ink);
  cairo_scaled_font_extents(font, &unit);
  if (ink.width <= 0)
    return;
  cairo_scaled_font_t *tall = sized_xy(cairo_scaled_font_get_font_face(font),
                                       hairline / ink.width * HINT_SIZE, size);
  cairo_scaled_font_glyph_extents(tall, &glyphs[1], 1, &ink);
  double high = (unit.ascent + unit.descent) / HINT_SIZE * size;
  glyphs[1].x = x - ink.x_bearing - ink.width / 2;
  glyphs[1].y = top + high / 2 - ink.y_bearing - ink.height / 2;
  glyphs[0].x = glyphs[1].x;
  glyphs[0].y = top + unit.ascent / HINT_SIZE * size;
  double left = glyphs[1].x + ink.x_bearing, inked = glyphs[1].y + ink.y_bearing;
  if (ink.height <= high && uncovered(list, first, end, left, inked, left + ink.width, inked + ink.height))
    show_pair(cr, tall, glyphs);
  cairo_scaled_font_destroy(tall);
}

void extracthint_column_breaks(cairo_t *cr, cairo_scaled_font_t *font, const DisplayList *list,
                               unsigned first, unsigned end)
{
  cairo_font_extents_t unit;
  if (!font)
    return;
  cairo_scaled_font_extents(font, &unit);
  double ascent = unit.ascent / HINT_SIZE, descent = unit.descent / HINT_SIZE;   /* per point of size */
  if (ascent + descent <= 0)
    return;
  for (unsigned i = first; i < end; i++) {
    const Box *gutter = display_list_box(list, i);
    double size = is_gutter(gutter) ? column_hint_size(list, first, end, gutter, ascent, descent) : 0;
    if (size <= 0)
      continue;
    /* words of one size, stacked close enough to make one block */
    double length = gutter->height / (double)PANGO_SCALE, high = size * (ascent + descent);
    double pitch = MIN(high, STACK_PITCH * size);
    int words = 1 + (int)ceil((length - high) / pitch - 1e-9);
    /* under the rule, a quarter of its stroke; without one, a hairline */
    double stroke = gutter->rule_width / (double)PANGO_SCALE;
    double hairline = (stroke > 0 ? stroke : 0.5) / 4;
    for (int k = 0; k < words; k++)
      column_word(cr, font, list, first, end, gutter->x / (double)PANGO_SCALE,
                  gutter->y / (double)PANGO_SCALE + (words > 1 ? (length - high) * k / (words - 1) : 0),
                  size, hairline, stroke);
  }
}

/* ---- table rows -----------------------------------------------------------------
 *
 * pdftotext reads the cells of a table as blocks, one per column, so it
 * gives the table column after column. A word that reads as white space
 * across the gap between two cells of a row, at the cells' size, makes the
 * row one line of one block: the table comes out row after row. Its full
 * stop lies in the gap, white on the paper. */
static const Box *next_cell(const DisplayList *list, unsigned first, unsigned end, const Box *cell)
{
  const Box *next = NULL;
  for (unsigned i = first; i < end; i++) {
    const Box *box = display_list_box(list, i);
    if (box->kind == BOX_TEXT && box->style == STYLE_TABLE && box->story == cell->story
        && box->y == cell->y && box->x > cell->x && (!next || box->x < next->x))
      next = box;
  }
  return next;
}

static void bridge(cairo_t *cr, cairo_scaled_font_t *font, const DisplayList *list, unsigned first,
                   unsigned end, const Box *cell, const Box *next)
{
  double size = MIN(text_size(cell), text_size(next)), baseline = cell->y / (double)PANGO_SCALE;
  double x0 = (cell->x + cell->width) / (double)PANGO_SCALE, x1 = next->x / (double)PANGO_SCALE;
  if (x1 - x0 < LINE_REACH * size)
    return;   /* pdftotext joins them already */
  cairo_scaled_font_t *sized_font = sized(cairo_scaled_font_get_font_face(font), size);
  cairo_glyph_t glyphs[2];
  cairo_text_extents_t ink;
  if (glyph_of(sized_font, " ", &glyphs[0]) && glyph_of(sized_font, ".", &glyphs[1])) {
    cairo_scaled_font_glyph_extents(sized_font, &glyphs[1], 1, &ink);
    glyphs[0].x = x0;
    glyphs[0].y = glyphs[1].y = baseline;
    glyphs[1].x = x1 - ink.x_advance;
    double left = glyphs[1].x + ink.x_bearing, top = baseline + ink.y_bearing;
    if (left > x0 && uncovered(list, first, end, left, top, left + ink.width, top + ink.height))
      show_pair(cr, sized_font, glyphs);
  }
  cairo_scaled_font_destroy(sized_font);
}

void extracthint_table_rows(cairo_t *cr, cairo_scaled_font_t *font, const DisplayList *list,
                            unsigned first, unsigned end)
{
  if (!font || own_face_of(font))   /* that form's glyph comes out black, and nothing hides it */
    return;
  for (unsigned i = first; i < end; i++) {
    const Box *cell = display_list_box(list, i);
    const Box *next = cell->kind == BOX_TEXT && cell->style == STYLE_TABLE ? next_cell(list, first, end, cell) : NULL;
    if (next)
      bridge(cr, font, list, first, end, cell, next);
  }
}
