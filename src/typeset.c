/* typeset.c — Pango layouts from styles and rich text.
 *
 * One PangoContext serves the whole run; its font options turn hinting off
 * so metrics are the same for PDF and PNG output, and glyph positions are not
 * rounded, so justified spacing is exact. Font descriptions are made once per
 * style. Every layout wraps WORD_CHAR: a word wider than its column is broken
 * between characters rather than allowed past the column edge. */
#include "typeset.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "hyphenate.h"
#include "linebreak.h"

struct Typesetter {
  PangoContext *context;
  const Layout *layout;
  PangoFontDescription *fonts[STYLE_COUNT];
};

static PangoFontDescription *style_font(const Style *style)
{
  PangoFontDescription *desc = pango_font_description_new();
  /* set_family, not a parsed string: "Nimbus Roman" would lose "Roman" */
  pango_font_description_set_family(desc, style->family ? style->family : "serif");
  pango_font_description_set_weight(desc, (PangoWeight)style->weight);
  pango_font_description_set_style(desc, style->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_font_description_set_absolute_size(desc, style->size);
  return desc;
}

Typesetter *typesetter_new(PangoFontMap *map, const Layout *layout)
{
  Typesetter *ts = g_new0(Typesetter, 1);
  ts->layout = layout;
  ts->context = pango_font_map_create_context(map);
  pango_cairo_context_set_resolution(ts->context, 72.0);
  cairo_font_options_t *options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(ts->context, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(ts->context, FALSE);
  for (int i = 0; i < STYLE_COUNT; i++)
    ts->fonts[i] = style_font(&layout->styles[i]);
  return ts;
}

void typesetter_free(Typesetter *ts)
{
  if (!ts)
    return;
  for (int i = 0; i < STYLE_COUNT; i++)
    pango_font_description_free(ts->fonts[i]);
  g_object_unref(ts->context);
  g_free(ts);
}

int typeset_leading(const Typesetter *ts, StyleId style)
{
  return ts->layout->styles[style].leading;
}

static void add_attr(PangoAttrList *list, PangoAttribute *attr, unsigned start, unsigned end)
{
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert(list, attr);
}

static void add_inline_attrs(PangoAttrList *list, const RichText *text, unsigned shift,
                             const Style *style)
{
  for (unsigned i = 0; text && i < text->runs->len; i++) {
    const InlineRun *run = &g_array_index(text->runs, InlineRun, i);
    unsigned s = run->start + shift, e = run->end + shift;
    if (run->flags & INLINE_EM)
      add_attr(list, pango_attr_style_new(style->italic ? PANGO_STYLE_NORMAL : PANGO_STYLE_ITALIC), s, e);
    if (run->flags & INLINE_STRONG)
      add_attr(list, pango_attr_weight_new(PANGO_WEIGHT_BOLD), s, e);
    if (run->flags & INLINE_STRIKE)
      add_attr(list, pango_attr_strikethrough_new(TRUE), s, e);
    if (run->flags & INLINE_CODE) {
      add_attr(list, pango_attr_family_new("monospace"), s, e);
      add_attr(list, pango_attr_size_new_absolute(style->size * 9 / 10), s, e);
    }
  }
}

static PangoAlignment pango_alignment(Alignment align)
{
  switch (align) {
  case ALIGN_CENTER: return PANGO_ALIGN_CENTER;
  case ALIGN_RIGHT: return PANGO_ALIGN_RIGHT;
  default: return PANGO_ALIGN_LEFT;
  }
}

static PangoAttrList *base_attrs(const TypesetRequest *request, const Style *style)
{
  PangoAttrList *attrs = pango_attr_list_new();
  const char *language = request->language ? request->language : style->language;
  if (language)
    add_attr(attrs, pango_attr_language_new(pango_language_from_string(language)), 0,
             PANGO_ATTR_INDEX_TO_TEXT_END);
  if (style->letter_spacing)
    add_attr(attrs, pango_attr_letter_spacing_new(style->letter_spacing), 0,
             PANGO_ATTR_INDEX_TO_TEXT_END);
  if (style->uppercase)
    add_attr(attrs, pango_attr_text_transform_new(PANGO_TEXT_TRANSFORM_UPPERCASE), 0,
             PANGO_ATTR_INDEX_TO_TEXT_END);
  return attrs;
}

static PangoLayout *new_layout(Typesetter *ts, const TypesetRequest *request)
{
  const Style *style = &ts->layout->styles[request->style];
  PangoLayout *layout = pango_layout_new(ts->context);
  if (request->size > 0) {
    PangoFontDescription *sized = pango_font_description_copy_static(ts->fonts[request->style]);
    pango_font_description_set_absolute_size(sized, request->size);
    pango_layout_set_font_description(layout, sized);
    pango_font_description_free(sized);
  } else {
    pango_layout_set_font_description(layout, ts->fonts[request->style]);
  }
  pango_layout_set_width(layout, request->width > 0 ? request->width : -1);
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  Alignment align = request->override_align ? request->align : style->align;
  pango_layout_set_alignment(layout, pango_alignment(align));
  /* an explicit alignment (folios, table cells) is meant literally */
  pango_layout_set_auto_dir(layout, !request->override_align);
  pango_layout_set_justify(layout, align == ALIGN_JUSTIFY);
  if (request->indent_first_line)
    pango_layout_set_indent(layout, style->indent);
  return layout;
}

PangoLayout *typeset_rich(Typesetter *ts, const TypesetRequest *request, const RichText *text)
{
  const Style *style = &ts->layout->styles[request->style];
  PangoLayout *layout = new_layout(ts, request);
  PangoAttrList *attrs = base_attrs(request, style);
  add_inline_attrs(attrs, text, 0, style);
  pango_layout_set_text(layout, text->text->str, (int)text->text->len);
  pango_layout_set_attributes(layout, attrs);
  pango_attr_list_unref(attrs);
  return layout;
}

PangoLayout *typeset_plain(Typesetter *ts, const TypesetRequest *request, const char *text)
{
  const Style *style = &ts->layout->styles[request->style];
  PangoLayout *layout = new_layout(ts, request);
  PangoAttrList *attrs = base_attrs(request, style);
  pango_layout_set_text(layout, text, -1);
  pango_layout_set_attributes(layout, attrs);
  pango_attr_list_unref(attrs);
  return layout;
}

void typeset_measure(Typesetter *ts, const TypesetRequest *request, const RichText *text,
                     int *natural_width, int *widest_word)
{
  TypesetRequest unwrapped = *request;
  unwrapped.width = -1;
  PangoLayout *layout = typeset_rich(ts, &unwrapped, text);
  PangoRectangle logical;
  pango_layout_get_extents(layout, NULL, &logical);
  *natural_width = logical.width;
  /* one word per line: as narrow as possible without breaking words */
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD);
  pango_layout_set_width(layout, 1);
  pango_layout_get_extents(layout, NULL, &logical);
  *widest_word = logical.width;
  g_object_unref(layout);
}

GArray *typeset_lines(PangoLayout *layout)
{
  GArray *lines = g_array_new(FALSE, FALSE, sizeof(TypesetLine));
  PangoLayoutIter *iter = pango_layout_get_iter(layout);
  do {
    PangoRectangle ink, logical;
    pango_layout_iter_get_line_extents(iter, &ink, &logical);
    int baseline = pango_layout_iter_get_baseline(iter);
    PangoLayoutLine *line = pango_layout_iter_get_line_readonly(iter);
    TypesetLine info = {
      .x = logical.x, .width = logical.width,
      .ascent = baseline - logical.y, .descent = logical.y + logical.height - baseline,
      .ink_ascent = MAX(0, baseline - ink.y), .ink_descent = MAX(0, ink.y + ink.height - baseline),
      .start_index = line->start_index, .length = line->length,
    };
    g_array_append_val(lines, info);
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
  return lines;
}

gunichar typeset_first_unknown_char(PangoLayout *layout)
{
  if (pango_layout_get_unknown_glyphs_count(layout) == 0)
    return 0;
  gunichar found = 0;
  PangoLayoutIter *iter = pango_layout_get_iter(layout);
  do {
    PangoLayoutRun *run = pango_layout_iter_get_run_readonly(iter);
    for (int g = 0; run && !found && g < run->glyphs->num_glyphs; g++) {
      PangoGlyph glyph = run->glyphs->glyphs[g].glyph;
      if ((glyph & PANGO_GLYPH_UNKNOWN_FLAG) && glyph != PANGO_GLYPH_EMPTY)
        found = glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;
    }
  } while (!found && pango_layout_iter_next_run(iter));
  pango_layout_iter_free(iter);
  return found;
}

/* ---- paragraphs -------------------------------------------------------------- */

/* A paragraph set a line longer or shorter to balance columns must not
 * show it: no line looser than this badness (spaces about 1.7 times their
 * stretch), where a paragraph set for itself may go to TeX's 2000. */
#define SET_ANEW_TOLERANCE 500
#define HYPHEN_PENALTY 50
#define COMPOUND_BREAK_PENALTY 500
#define ADDRESS_BREAK_PENALTY 100
#define LONG_WORD_BREAK_PENALTY 1000
/* Rivers (linebreak.h): spaces line up when they share 0.35 em of white,
 * as only loose lines' spaces can; measured on the bench's 40 articles
 * (make bench-quality), this takes the rivers out of loose paragraphs
 * and sets fewer loose lines, not more. */
#define RIVER_DEMERITS 10000
#define RIVER_OVERLAP_PER_MILLE 350
/* A last line shorter than 1.5 indents is a stub the next paragraph's
 * indent reaches past. */
#define SHORT_LAST_INDENTS_PERCENT 150
#define SHORT_LAST_DEMERITS 5000

static void clear_set_line(gpointer data)
{
  SetLine *line = data;
  g_clear_object(&line->layout);
}

static GArray *set_lines_new(void)
{
  GArray *lines = g_array_new(FALSE, TRUE, sizeof(SetLine));
  g_array_set_clear_func(lines, clear_set_line);
  return lines;
}

/* The text as printed: a dateline lead-in, in capitals and bold, then a
 * dash, before the paragraph's own text. */
static RichText *text_with_lead_in(const TypesetRequest *request, const RichText *text,
                                   unsigned *shift)
{
  RichText *full = rich_text_new();
  *shift = 0;
  if (request->lead_in && *request->lead_in) {
    char *upper = g_utf8_strup(request->lead_in, -1);
    rich_text_append(full, upper, -1, INLINE_STRONG);
    rich_text_append(full, " — ", -1, 0);
    g_free(upper);
    *shift = (unsigned)full->text->len;
  }
  g_string_append_len(full->text, text->text->str, (gssize)text->text->len);
  for (unsigned i = 0; i < text->runs->len; i++) {
    InlineRun run = g_array_index(text->runs, InlineRun, i);
    run.start += *shift;
    run.end += *shift;
    g_array_append_val(full->runs, run);
  }
  return full;
}

/* Pango's own breaking: every line of one layout. */
static GArray *lines_from_layout(PangoLayout *layout)
{
  GArray *lines = set_lines_new();
  GArray *metrics = typeset_lines(layout);
  const char *text = pango_layout_get_text(layout);
  for (unsigned i = 0; i < metrics->len; i++) {
    SetLine line = { g_object_ref(layout), (int)i, g_array_index(metrics, TypesetLine, i), false };
    const TypesetLine *m = &line.metrics;
    if (m->length > 0 && i + 1 < metrics->len) {
      const char *last = g_utf8_find_prev_char(text, text + m->start_index + m->length);
      gunichar c = last ? g_utf8_get_char(last) : 0;
      line.hyphenated = c == '-' || c == 0x2010 || c == 0xAD;
    }
    g_array_append_val(lines, line);
  }
  g_array_unref(metrics);
  g_object_unref(layout);
  return lines;
}

/* Shaped facts about a paragraph set on one line: per character, its
 * advance, its byte offset and Pango's break attributes. */
typedef struct {
  const char *text;
  int chars;
  int *advance;
  int *byte_of;            /* chars + 1 entries */
  const PangoLogAttr *attrs;   /* chars + 1 entries */
  int hyphen_width;
} Measure;

typedef enum { MEASURED, LEAVE_TO_PANGO, RIGHT_TO_LEFT, UNSPACED_SCRIPT } MeasureResult;

/* Measures a paragraph for the composer, or says why Pango should set it:
 * right-to-left runs, or scripts that do not space their words (Chinese,
 * Japanese, Thai...). */
static MeasureResult measure_paragraph(PangoLayout *layout, Measure *m)
{
  if (pango_layout_get_line_count(layout) != 1)
    return LEAVE_TO_PANGO;
  m->text = pango_layout_get_text(layout);
  m->chars = g_utf8_strlen(m->text, -1);
  int n_attrs = 0;
  m->attrs = pango_layout_get_log_attrs_readonly(layout, &n_attrs);
  m->advance = g_new0(int, m->chars + 1);
  m->byte_of = g_new0(int, m->chars + 1);
  int c = 0;
  for (const char *p = m->text; *p; p = g_utf8_next_char(p)) {
    gunichar u = g_utf8_get_char(p);
    GUnicodeScript script = g_unichar_get_script(u);
    if (script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
        script == G_UNICODE_SCRIPT_KATAKANA || script == G_UNICODE_SCRIPT_HANGUL ||
        script == G_UNICODE_SCRIPT_THAI)
      return UNSPACED_SCRIPT;
    m->byte_of[c++] = (int)(p - m->text);
  }
  m->byte_of[m->chars] = (int)strlen(m->text);
  PangoLayoutLine *line = pango_layout_get_line_readonly(layout, 0);
  int first = 0;   /* left-to-right runs come in text order */
  for (GSList *l = line->runs; l; l = l->next) {
    PangoGlyphItem *run = l->data;
    if (run->item->analysis.level & 1)
      return RIGHT_TO_LEFT;
    while (first < m->chars && m->byte_of[first] < run->item->offset)
      first++;
    pango_glyph_item_get_logical_widths(run, m->text, m->advance + first);
  }
  return MEASURED;
}

static void measure_clear(Measure *m)
{
  g_free(m->advance);
  g_free(m->byte_of);
}

/* What each break item stands for in the text, in characters. */
typedef struct {
  int start, end;      /* glue: the spaces; penalty: start == end, the break point */
  bool hyphen;         /* a hyphenation point: a hyphen is added when broken here */
} ItemSpan;

typedef struct {
  GArray *items;       /* BreakItem */
  GArray *spans;       /* ItemSpan */
  int box_start;
  int box_width;
  int word_width;      /* since the last space: what letter spacing and expansion may bend */
} ItemList;

static void push_item(ItemList *list, BreakItem item, ItemSpan span)
{
  g_array_append_val(list->items, item);
  g_array_append_val(list->spans, span);
}

static void flush_box(ItemList *list, int here)
{
  if (here > list->box_start) {
    BreakItem box = { .kind = BREAK_BOX, .width = list->box_width };
    push_item(list, box, (ItemSpan){ list->box_start, here, false });
  }
  list->box_start = here;
  list->word_width += list->box_width;
  list->box_width = 0;
}

/* How far a character at a line's end may hang into the margin, in
 * thousandths of its width: about half of microtype's defaults for Latin
 * text, so hanging lines still end within 1 pt of the column edge, where a
 * reader (and pdfquality) sees one edge, not two. */
static int protrusion_factor(gunichar u)
{
  switch (u) {
  case '-': case 0x2010: case 0x2011: case '.': case ',': case 0x2019: case 0x201D: case '"':
  case '\'':
    return 300;
  case ':': case ';':
    return 200;
  case 0x2013: case 0x2014:
    return 150;
  case '!': case '?':
    return 100;
  default:
    return 0;
  }
}

/* How far an opening mark may hang left of a line's start, in thousandths
 * of its width (microtype's defaults, halved like the right side's). */
static int left_protrusion_factor(gunichar u)
{
  switch (u) {
  case 0x201C: case 0x2018: case '"': case '\'': case 0x201E: case 0x00AB:
    return 300;
  case '(': case '[':
    return 100;
  default:
    return 0;
  }
}

static int protrusion_after(const Measure *m, int c)
{
  if (c >= m->chars)
    return 0;
  gunichar u = g_utf8_get_char(m->text + m->byte_of[c]);
  return (int)((gint64)m->advance[c] * left_protrusion_factor(u) / 1000);
}

static int protrusion_before(const Measure *m, int c)
{
  if (c <= 0)
    return 0;
  gunichar u = g_utf8_get_char(m->text + m->byte_of[c - 1]);
  return (int)((gint64)m->advance[c - 1] * protrusion_factor(u) / 1000);
}

static bool is_break_space(const Measure *m, int c)
{
  gunichar u = g_utf8_get_char(m->text + m->byte_of[c]);
  return m->attrs[c].is_white && u != 0x00A0 && u != 0x202F && u != 0x2007 &&
         m->attrs[c + 1].is_line_break;
}

/* Width of the unbreakable stretch of text around character c. */
static int word_width_at(const Measure *m, int c, int *word_end)
{
  int start = c, end = c + 1, width = 0;
  while (start > 0 && !m->attrs[start].is_line_break && !m->attrs[start - 1].is_white)
    start--;
  while (end < m->chars && !m->attrs[end].is_line_break && !m->attrs[end].is_white)
    end++;
  for (int k = start; k < end; k++)
    width += m->advance[k];
  *word_end = end;
  return width;
}

/* Boxes for word pieces, glue for spaces, penalties where Pango allows a
 * break inside a word (after a hyphen or slash) and at hyphenation points.
 * In an emergency, words wider than the line may break between any two
 * characters. */
typedef struct {
  int tolerance;
  int hyphen_level;        /* 0 none, 1 ordinary points, 2 names too */
  int stretch_factor;      /* spaces may stretch this many times the layout's word_stretch */
  bool break_at_hyphens;   /* after a compound's own hyphen */
  bool emergency;          /* long words break anywhere, overfull lines allowed */
} Pass;

/* A space, carrying the flexibility of the word before it too: its
 * letter spacing and glyph expansion. */
static BreakItem space_glue(const Justification *j, const Pass *pass, int space, int word)
{
  gint64 letters = (gint64)word * (j->letter_spacing + j->expansion) / 1000;
  return (BreakItem){ .kind = BREAK_GLUE, .width = space,
                      .stretch = (int)((gint64)space * j->word_stretch * pass->stretch_factor / 100 + letters),
                      .shrink = (int)((gint64)space * j->word_shrink / 100 + letters) };
}

static ItemList build_items(const Measure *m, const guint8 *hyphen_at, const Justification *j,
                            const Pass *pass, int long_word_limit)
{
  ItemList list = { g_array_new(FALSE, FALSE, sizeof(BreakItem)),
                    g_array_new(FALSE, FALSE, sizeof(ItemSpan)), 0, 0, 0 };
  int long_word_end = -1;
  for (int c = 0; c < m->chars; c++) {
    if (is_break_space(m, c)) {
      flush_box(&list, c);
      BreakItem glue = space_glue(j, pass, m->advance[c], list.word_width);
      if (j->protrusion) {
        glue.protrusion = protrusion_before(m, c);
        glue.hang_next = protrusion_after(m, c + 1);
      }
      push_item(&list, glue, (ItemSpan){ c, c + 1, false });
      list.box_start = c + 1;
      list.word_width = 0;
      continue;
    }
    bool after_space = c > 0 && m->attrs[c - 1].is_white;
    if (c > list.box_start && !after_space) {
      gunichar previous = g_utf8_get_char(m->text + m->byte_of[c - 1]);
      bool hyphen = previous == '-' || previous == 0x2010;
      bool point = !m->attrs[c].is_line_break && hyphen_at[c] && hyphen_at[c] <= pass->hyphen_level;
      int penalty = -1;
      if (m->attrs[c].is_line_break && (!hyphen || pass->break_at_hyphens))
        penalty = hyphen ? COMPOUND_BREAK_PENALTY : ADDRESS_BREAK_PENALTY;
      else if (point)
        penalty = HYPHEN_PENALTY;
      else if (c < long_word_end)
        penalty = LONG_WORD_BREAK_PENALTY;
      if (penalty >= 0) {
        flush_box(&list, c);
        BreakItem item = { .kind = BREAK_PENALTY, .penalty = penalty, .flagged = hyphen || point,
                           .width = point ? m->hyphen_width : 0 };
        if (j->protrusion)
          item.protrusion = point ? m->hyphen_width * protrusion_factor('-') / 1000
                                  : protrusion_before(m, c);
        push_item(&list, item, (ItemSpan){ c, c, point });
      }
    }
    if (long_word_limit > 0 && c >= long_word_end) {
      int end;
      if (word_width_at(m, c, &end) > long_word_limit)
        long_word_end = end;
    }
    list.box_width += m->advance[c];
  }
  flush_box(&list, m->chars);
  BreakItem fill = { .kind = BREAK_GLUE, .stretch = BREAK_FILL };
  push_item(&list, fill, (ItemSpan){ m->chars, m->chars, false });
  BreakItem end = { .kind = BREAK_PENALTY, .penalty = -BREAK_INFINITY };
  push_item(&list, end, (ItemSpan){ m->chars, m->chars, false });
  return list;
}

static void item_list_clear(ItemList *list)
{
  g_array_unref(list->items);
  g_array_unref(list->spans);
}

typedef struct {
  int natural;     /* sum of advances */
  int spaces;      /* space glyphs */
  int space_width; /* their advances */
  int letters;     /* cluster starts that are not spaces, less the last */
} LineCounts;

static bool is_space_glyph(const char *text, const PangoGlyphItem *run, int g)
{
  return text[run->item->offset + run->glyphs->log_clusters[g]] == ' ';
}

/* The first glyph of the run lying at or past byte in reading order:
 * clusters run in text order one way or the other, so those glyphs are a
 * suffix of the run. */
static int first_glyph_past(const PangoGlyphItem *run, int byte, bool right_to_left)
{
  int lo = 0, hi = run->glyphs->num_glyphs;
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    int cluster = run->item->offset + run->glyphs->log_clusters[mid];
    bool past = right_to_left ? cluster < byte : cluster >= byte;
    if (past)
      hi = mid;
    else
      lo = mid + 1;
  }
  return lo;
}

void typeset_glyph_span(const PangoGlyphItem *run, int start, int end, int *first, int *last)
{
  bool right_to_left = run->item->analysis.level & 1;
  if (right_to_left) {
    *first = first_glyph_past(run, end, true);
    *last = first_glyph_past(run, start, true);
  } else {
    *first = first_glyph_past(run, start, false);
    *last = first_glyph_past(run, end, false);
  }
}

/* The glyphs of line whose text lies in bytes [start, end). */
static LineCounts count_range(PangoLayoutLine *line, const char *text, int start, int end)
{
  LineCounts counts = { 0 };
  for (GSList *l = line->runs; l; l = l->next) {
    PangoGlyphItem *run = l->data;
    int first, last;
    typeset_glyph_span(run, start, end, &first, &last);
    for (int g = first; g < last; g++) {
      PangoGlyphInfo *info = &run->glyphs->glyphs[g];
      counts.natural += info->geometry.width;
      if (is_space_glyph(text, run, g)) {
        counts.spaces++;
        counts.space_width += info->geometry.width;
      } else if (info->attr.is_cluster_start) {
        counts.letters++;
      }
    }
  }
  counts.letters = MAX(0, counts.letters - 1);
  return counts;
}

/* Adds `total` to the advances of the chosen glyphs of bytes [start, end),
 * spread evenly. */
static void spread_over_glyphs(PangoLayoutLine *line, const char *text, int start, int end,
                               bool spaces, int count, int total)
{
  if (count <= 0 || total == 0)
    return;
  int seen = 0, given = 0;
  for (GSList *l = line->runs; l; l = l->next) {
    PangoGlyphItem *run = l->data;
    int first, last;
    typeset_glyph_span(run, start, end, &first, &last);
    for (int g = first; g < last && seen < count; g++) {
      PangoGlyphInfo *info = &run->glyphs->glyphs[g];
      bool chosen = spaces ? is_space_glyph(text, run, g)
                           : !is_space_glyph(text, run, g) && info->attr.is_cluster_start;
      if (!chosen)
        continue;
      seen++;
      int share = (int)((gint64)total * seen / count) - given;
      given += share;
      info->geometry.width = MAX(0, info->geometry.width + share);
    }
  }
}

static GQuark expansion_quark(void)
{
  return g_quark_from_static_string("galley-expansion");
}

/* What justification decided for one line of a layout, by the byte where
 * the line starts: its glyph expansion and the hyphen drawn after it. */
typedef struct {
  int expansion;
  int end;               /* where the expanded line ends */
  PangoLayout *hyphen;   /* owned, NULL when none is added */
} LineExtras;

static void line_extras_free(gpointer data)
{
  LineExtras *extras = data;
  g_clear_object(&extras->hyphen);
  g_free(extras);
}

static LineExtras *line_extras(PangoLayout *layout, int start_index, bool create)
{
  GHashTable *table = g_object_get_qdata(G_OBJECT(layout), expansion_quark());
  if (!table && create) {
    table = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, line_extras_free);
    g_object_set_qdata_full(G_OBJECT(layout), expansion_quark(), table,
                            (GDestroyNotify)g_hash_table_unref);
  }
  if (!table)
    return NULL;
  gpointer key = GINT_TO_POINTER(start_index + 1);
  LineExtras *extras = g_hash_table_lookup(table, key);
  if (!extras && create) {
    extras = g_new0(LineExtras, 1);
    g_hash_table_insert(table, key, extras);
  }
  return extras;
}

struct TypesetFontHold {
  GHashTable *fonts;          /* PangoFont*, referenced */
  GHashTable *drawn;          /* DrawnKey -> DrawnFont; NULL: not warming */
  cairo_surface_t *probe_surface;
  cairo_t *probe;             /* a PDF page nothing is drawn on, asked for its fonts */
};

/* Which glyphs of a cairo font are loaded already, in pages of bits made
 * when first needed: asking cairo again for each glyph of each line would
 * cost more than the loading saves. */
#define WARMED_PAGE_BITS 4096
#define WARMED_PAGES (65536 / WARMED_PAGE_BITS)

/* A Pango font at a glyph expansion, and the cairo font PDF drawing makes
 * of it, with the glyphs loaded into that so far. */
typedef struct {
  PangoFont *font;   /* held in TypesetFontHold.fonts */
  int expansion;
} DrawnKey;

typedef struct {
  DrawnKey key;
  cairo_scaled_font_t *font;   /* referenced */
  guint64 *pages[WARMED_PAGES];
} DrawnFont;

static guint drawn_key_hash(gconstpointer key)
{
  const DrawnKey *k = key;
  return g_direct_hash(k->font) ^ (guint)k->expansion;
}

static gboolean drawn_key_equal(gconstpointer a, gconstpointer b)
{
  const DrawnKey *x = a, *y = b;
  return x->font == y->font && x->expansion == y->expansion;
}

static void drawn_font_free(gpointer data)
{
  DrawnFont *drawn = data;
  for (int i = 0; i < WARMED_PAGES; i++)
    g_free(drawn->pages[i]);
  cairo_scaled_font_destroy(drawn->font);
  g_free(drawn);
}

/* True the first time a glyph is asked about. */
static bool first_sight(DrawnFont *drawn, PangoGlyph glyph)
{
  guint64 **page = &drawn->pages[(glyph / WARMED_PAGE_BITS) % WARMED_PAGES];
  if (!*page)
    *page = g_new0(guint64, WARMED_PAGE_BITS / 64);
  unsigned bit = glyph % WARMED_PAGE_BITS;
  guint64 mask = G_GUINT64_CONSTANT(1) << (bit % 64);
  if ((*page)[bit / 64] & mask)
    return false;
  (*page)[bit / 64] |= mask;
  return true;
}

TypesetFontHold *typeset_font_hold_new(bool warm_glyphs)
{
  TypesetFontHold *hold = g_new0(TypesetFontHold, 1);
  hold->fonts = g_hash_table_new_full(g_direct_hash, g_direct_equal, g_object_unref, NULL);
  if (warm_glyphs) {
    hold->drawn = g_hash_table_new_full(drawn_key_hash, drawn_key_equal, NULL, drawn_font_free);
    hold->probe_surface = cairo_pdf_surface_create_for_stream(NULL, NULL, 1, 1);
    hold->probe = cairo_create(hold->probe_surface);
  }
  return hold;
}

void typeset_font_hold_free(TypesetFontHold *hold)
{
  if (!hold)
    return;
  if (hold->probe) {
    cairo_destroy(hold->probe);
    cairo_surface_destroy(hold->probe_surface);
    g_hash_table_destroy(hold->drawn);
  }
  g_hash_table_destroy(hold->fonts);
  g_free(hold);
}

#define WARM_CHUNK 128

/* The cairo font render.c draws font with at an expansion: pango's cairo
 * font set on a PDF page, scaled by the line's expansion. It is the one
 * drawing will look up (cairo keeps one per font, size, transform and
 * options), so the metrics loaded into it here are found there. */
static DrawnFont *drawn_font(TypesetFontHold *hold, PangoFont *font, int expansion)
{
  DrawnKey key = { font, expansion };
  DrawnFont *drawn = g_hash_table_lookup(hold->drawn, &key);
  if (drawn)
    return drawn;
  cairo_t *cr = hold->probe;
  cairo_save(cr);
  if (expansion)
    cairo_scale(cr, 1.0 + expansion / 1000.0, 1.0);
  cairo_set_scaled_font(cr, pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font)));
  drawn = g_new0(DrawnFont, 1);
  drawn->key = key;
  drawn->font = cairo_scaled_font_reference(cairo_get_scaled_font(cr));
  cairo_restore(cr);
  g_hash_table_insert(hold->drawn, &drawn->key, drawn);
  return drawn;
}

/* Loads glyphs [first, last) of a run into the cairo font drawing them. */
static void warm_glyphs(TypesetFontHold *hold, const PangoGlyphItem *run, int first, int last,
                        int expansion)
{
  PangoFont *font = run->item->analysis.font;
  if (!font || first >= last)
    return;
  DrawnFont *drawn = drawn_font(hold, font, expansion);
  cairo_glyph_t chunk[WARM_CHUNK];
  int n = 0;
  for (int g = first; g < last; g++) {
    PangoGlyph glyph = run->glyphs->glyphs[g].glyph;
    if (glyph == PANGO_GLYPH_EMPTY || (glyph & PANGO_GLYPH_UNKNOWN_FLAG) ||
        !first_sight(drawn, glyph))
      continue;   /* not drawn from the font, or loaded already */
    chunk[n++] = (cairo_glyph_t){ .index = glyph };
    if (n == WARM_CHUNK) {
      cairo_text_extents_t extents;
      cairo_scaled_font_glyph_extents(drawn->font, chunk, n, &extents);
      n = 0;
    }
  }
  if (n > 0) {
    cairo_text_extents_t extents;
    cairo_scaled_font_glyph_extents(drawn->font, chunk, n, &extents);
  }
}

static void warm_layout(TypesetFontHold *hold, PangoLayout *layout, int expansion)
{
  for (GSList *l = pango_layout_get_lines_readonly(layout); l; l = l->next)
    for (GSList *r = ((PangoLayoutLine *)l->data)->runs; r; r = r->next) {
      const PangoGlyphItem *run = r->data;
      warm_glyphs(hold, run, 0, run->glyphs->num_glyphs, expansion);
    }
}

/* Lines justification expanded are drawn with fonts of their own. */
static void warm_expanded_lines(TypesetFontHold *hold, PangoLayout *layout, GHashTable *table)
{
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init(&iter, table);
  while (g_hash_table_iter_next(&iter, &key, &value)) {
    const LineExtras *extras = value;
    int start = GPOINTER_TO_INT(key) - 1;
    for (GSList *l = pango_layout_get_lines_readonly(layout); l && extras->expansion; l = l->next)
      for (GSList *r = ((PangoLayoutLine *)l->data)->runs; r; r = r->next) {
        int first, last;
        typeset_glyph_span(r->data, start, extras->end, &first, &last);
        warm_glyphs(hold, r->data, first, last, extras->expansion);
      }
    if (extras->hyphen)
      warm_layout(hold, extras->hyphen, extras->expansion);
  }
}

static void hold_layout_fonts(TypesetFontHold *hold, PangoLayout *layout)
{
  for (GSList *l = pango_layout_get_lines_readonly(layout); l; l = l->next)
    for (GSList *r = ((PangoLayoutLine *)l->data)->runs; r; r = r->next) {
      PangoFont *font = ((PangoGlyphItem *)r->data)->item->analysis.font;
      if (!font || g_hash_table_contains(hold->fonts, font))
        continue;
      pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));   /* made now, only read later */
      g_hash_table_add(hold->fonts, g_object_ref(font));
    }
}

void typeset_font_hold_add(TypesetFontHold *hold, PangoLayout *layout)
{
  hold_layout_fonts(hold, layout);
  GHashTable *table = g_object_get_qdata(G_OBJECT(layout), expansion_quark());
  if (hold->probe)
    warm_layout(hold, layout, 0);
  if (!table)
    return;
  GHashTableIter iter;
  gpointer value;
  g_hash_table_iter_init(&iter, table);
  while (g_hash_table_iter_next(&iter, NULL, &value))
    if (((LineExtras *)value)->hyphen)
      hold_layout_fonts(hold, ((LineExtras *)value)->hyphen);
  if (hold->probe)
    warm_expanded_lines(hold, layout, table);
}

int typeset_line_expansion(PangoLayout *layout, int start_index)
{
  LineExtras *extras = line_extras(layout, start_index, false);
  return extras ? extras->expansion : 0;
}

PangoLayout *typeset_line_hyphen(PangoLayout *layout, int start_index)
{
  LineExtras *extras = line_extras(layout, start_index, false);
  return extras ? extras->hyphen : NULL;
}

void typeset_set_actual_text(PangoLayout *layout, const char *text)
{
  g_object_set_data_full(G_OBJECT(layout), "galley-actual-text", g_strdup(text), g_free);
}

const char *typeset_actual_text(PangoLayout *layout)
{
  return g_object_get_data(G_OBJECT(layout), "galley-actual-text");
}

void typeset_set_silent_prefix(PangoLayout *layout, int bytes)
{
  g_object_set_data(G_OBJECT(layout), "galley-silent-prefix", GINT_TO_POINTER(bytes));
}

int typeset_silent_prefix(PangoLayout *layout)
{
  return GPOINTER_TO_INT(g_object_get_data(G_OBJECT(layout), "galley-silent-prefix"));
}

/* The glyph expansion, in thousandths, that takes as much of `extra` as
 * the layout allows, in 0.1 % steps (each step is a scaled font in the
 * PDF). */
static int expansion_for(const Justification *j, gint64 extra, gint64 word_width)
{
  if (j->expansion <= 0 || word_width <= 0)
    return 0;
  double exact = (double)extra * 1000.0 / (double)word_width;
  int per_mille = (int)(exact + (exact >= 0 ? 0.5 : -0.5));
  return CLAMP(per_mille, -j->expansion, j->expansion);
}

/* Makes a one-line layout exactly `target` wide by changing glyph advances,
 * as Pango's own justification does. Glyph expansion takes the difference
 * first, then letter spacing, each up to the layout's limit
 * (Justification), and the spaces the rest: even word spaces are what the
 * eye judges, and 2 % on letters is invisible. Expansion is recorded on the layout
 * (typeset_line_expansion) and applied when drawing, so the advances are
 * set for target / (1 + expansion). Without `stretch`, only a line too
 * wide is touched. Done before anything asks the layout for its extents. */
static bool justify_range(PangoLayout *layout, PangoLayoutLine *line, int start, int end,
                          int added, const Justification *j, int target, bool stretch)
{
  const char *text = pango_layout_get_text(layout);
  LineCounts counts = count_range(line, text, start, end);
  counts.natural += added;   /* a hyphen drawn after the range */
  gint64 extra = target - counts.natural;
  if (counts.spaces == 0 || (!stretch && extra >= 0))
    return false;
  gint64 word_width = counts.natural - counts.space_width;
  int expansion = expansion_for(j, extra, word_width);
  if (expansion != 0) {
    LineExtras *extras = line_extras(layout, start, true);
    extras->expansion = expansion;
    extras->end = end;
    extra = (gint64)target * 1000 / (1000 + expansion) - counts.natural;
  }
  gint64 letter_flex = word_width * j->letter_spacing / 1000;
  gint64 to_letters = CLAMP(extra, -letter_flex, letter_flex);
  spread_over_glyphs(line, text, start, end, false, counts.letters, (int)to_letters);
  spread_over_glyphs(line, text, start, end, true, counts.spaces, (int)(extra - to_letters));
  return true;
}

static bool justify_line(PangoLayout *layout, int line_index, const Justification *j, int target,
                         bool stretch)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly(layout, line_index);
  return justify_range(layout, line, line->start_index, line->start_index + line->length, 0, j,
                       target, stretch);
}

static unsigned flags_at(const RichText *text, unsigned byte)
{
  for (unsigned i = 0; i < text->runs->len; i++) {
    const InlineRun *run = &g_array_index(text->runs, InlineRun, i);
    if (byte >= run->start && byte < run->end)
      return run->flags;
  }
  return 0;
}

/* Sets characters [start, end) as one line, a hyphen added when the line
 * was broken inside a word, justified to target unless it ends the
 * paragraph. */
static SetLine set_one_line(Typesetter *ts, const TypesetRequest *request, const RichText *full,
                            const Measure *m, int start, int end, bool hyphen, int x, int target,
                            bool justify)
{
  RichText piece;
  rich_text_slice(full, (unsigned)m->byte_of[start], (unsigned)m->byte_of[end], &piece);
  if (hyphen)
    rich_text_append(&piece, "-", 1, end > 0 ? flags_at(full, (unsigned)m->byte_of[end - 1]) : 0);
  TypesetRequest line_request = *request;
  line_request.width = -1;
  line_request.indent_first_line = false;
  line_request.lead_in = NULL;
  line_request.override_align = true;
  line_request.align = ALIGN_LEFT;
  PangoLayout *layout = typeset_rich(ts, &line_request, &piece);
  rich_text_clear(&piece);
  /* a last line is not spread, but may have been chosen to shrink */
  bool justified = justify_line(layout, 0, &ts->layout->justification, target, justify);
  GArray *metrics = typeset_lines(layout);
  SetLine line = { layout, 0, g_array_index(metrics, TypesetLine, 0), false };
  line.metrics.x += x;
  if (justified)   /* Pango's cached extents predate the new spacing */
    line.metrics.width = target;
  g_array_unref(metrics);
  return line;
}

/* Runs the composer in passes, each allowing more, until the paragraph
 * sets: without hyphenation at TeX's pretolerance; with it; with TeX's
 * \emergencystretch (looser spaces, so one very loose line is not as good
 * as any other); breaking names and compounds too; and at last anything,
 * long words broken between letters. */
static GArray *choose_breaks(const Layout *layout, const TypesetRequest *request, const Measure *m,
                             const guint8 *hyphen_at, int first_width, ItemList *chosen)
{
  int other_width = request->width, lines = request->lines;
  static const Pass passes[] = {
    { 100, 0, 1, false, false }, { 200, 1, 1, false, false }, { 400, 1, 1, false, false },
    { 2000, 2, 1, false, false }, { 10000, 2, 3, true, true },
  };
  for (size_t p = 0; p < G_N_ELEMENTS(passes); p++) {
    if (lines > 0 && (passes[p].emergency || passes[p].hyphen_level == 0))
      continue;   /* a paragraph made longer or shorter must still set well */
    ItemList list = build_items(m, hyphen_at, &layout->justification, &passes[p],
                                passes[p].emergency ? other_width : 0);
    BreakParams params;
    linebreak_default_params(&params, first_width, other_width);
    params.max_hyphen_run = layout->hyphenation.max_consecutive;
    params.tolerance = lines > 0 ? MIN(passes[p].tolerance, SET_ANEW_TOLERANCE) : passes[p].tolerance;
    params.allow_overfull = passes[p].emergency;
    params.lines = lines;
    params.narrow_lines = request->hang_lines;
    params.narrow_width = request->width - request->hang_width;
    const Style *style = &layout->styles[request->style];
    params.river_demerits = RIVER_DEMERITS;
    params.river_overlap = (request->size ? request->size : style->size) * RIVER_OVERLAP_PER_MILLE / 1000;
    params.short_last_width = style->indent * SHORT_LAST_INDENTS_PERCENT / 100;
    params.short_last_demerits = SHORT_LAST_DEMERITS;
    GArray *breaks = linebreak_total_fit((const BreakItem *)list.items->data, list.items->len, &params);
    if (breaks) {
      *chosen = list;
      return breaks;
    }
    item_list_clear(&list);
  }
  return NULL;
}

/* A line the composer chose: characters [start, end) of the paragraph. */
typedef struct {
  int start, end;
  bool hyphen;     /* broken inside a word: a hyphen is added */
  int x, target;   /* where it starts and how wide it is set */
  bool justify;    /* spread to the target (not the last line) */
} LineRange;

/* Marks the bytes of the shaped paragraph where a cluster starts: a line
 * may begin or end there, but not inside a ligature such as "ffi". */
static guint8 *cluster_starts(PangoLayoutLine *line, const Measure *m)
{
  int bytes = m->byte_of[m->chars];
  guint8 *boundary = g_new0(guint8, (gsize)bytes + 1);
  boundary[bytes] = 1;
  for (GSList *l = line->runs; l; l = l->next) {
    PangoGlyphItem *run = l->data;
    for (int g = 0; g < run->glyphs->num_glyphs; g++)
      if (run->glyphs->glyphs[g].attr.is_cluster_start)
        boundary[run->item->offset + run->glyphs->log_clusters[g]] = 1;
  }
  return boundary;
}

/* A hyphen in the face of the character before it, shaped once per line. */
static PangoLayout *hyphen_layout(Typesetter *ts, const TypesetRequest *request, unsigned flags)
{
  RichText hyphen;
  rich_text_init(&hyphen);
  rich_text_append(&hyphen, "-", 1, flags);
  TypesetRequest one = *request;
  one.width = -1;
  one.indent_first_line = false;
  one.lead_in = NULL;
  PangoLayout *layout = typeset_rich(ts, &one, &hyphen);
  rich_text_clear(&hyphen);
  return layout;
}

/* Sets the chosen lines as ranges of the paragraph already shaped on one
 * line (`whole`): nothing is shaped again, each range's glyphs are spread
 * to its target, and a hyphen is drawn after a range that breaks a word.
 * A line that begins or ends inside a ligature is shaped anew on its own. */
static GArray *set_lines_in_place(Typesetter *ts, const TypesetRequest *request, const RichText *full,
                                  PangoLayout *whole, const Measure *m, const GArray *ranges)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly(whole, 0);
  guint8 *boundary = cluster_starts(line, m);
  GArray *metrics = typeset_lines(whole);
  TypesetLine shape = g_array_index(metrics, TypesetLine, 0);
  g_array_unref(metrics);
  GArray *lines = set_lines_new();
  for (unsigned i = 0; i < ranges->len; i++) {
    const LineRange *r = &g_array_index(ranges, LineRange, i);
    int start = m->byte_of[r->start], end = m->byte_of[r->end], added = 0;
    if (!boundary[start] || !boundary[end]) {
      SetLine apart = set_one_line(ts, request, full, m, r->start, r->end, r->hyphen, r->x, r->target,
                                   r->justify);
      g_array_append_val(lines, apart);
      continue;
    }
    if (r->hyphen) {
      unsigned flags = r->end > 0 ? flags_at(full, (unsigned)m->byte_of[r->end - 1]) : 0;
      LineExtras *extras = line_extras(whole, start, true);
      extras->hyphen = hyphen_layout(ts, request, flags);
      pango_layout_get_size(extras->hyphen, &added, NULL);
    }
    bool justified = justify_range(whole, line, start, end, added, &ts->layout->justification,
                                   r->target, r->justify);
    SetLine set = { g_object_ref(whole), 0, shape, false };
    set.metrics.start_index = start;
    set.metrics.length = end - start;
    set.metrics.x = r->x;
    set.metrics.width = justified ? r->target : count_range(line, m->text, start, end).natural + added;
    g_array_append_val(lines, set);
  }
  g_free(boundary);
  return lines;
}

static GArray *compose_lines(Typesetter *ts, const TypesetRequest *request, const RichText *full,
                             PangoLayout *whole, const Measure *m, const GArray *breaks,
                             const ItemList *list)
{
  const Style *style = &ts->layout->styles[request->style];
  int indent = request->indent_first_line ? style->indent : 0;
  GArray *ranges = g_array_new(FALSE, FALSE, sizeof(LineRange));
  int start = 0, hang_left = 0;
  for (unsigned i = 0; i < breaks->len; i++) {
    unsigned b = g_array_index(breaks, unsigned, i);
    const ItemSpan *span = &g_array_index(list->spans, ItemSpan, b);
    bool last = i + 1 == breaks->len;
    int end = span->start;
    while (end > start && m->attrs[end - 1].is_white)
      end--;
    int x = (int)i < request->hang_lines ? request->hang_width : i == 0 ? indent : 0;
    int hang = last ? 0 : g_array_index(list->items, BreakItem, b).protrusion;
    LineRange range = { start, end, span->hyphen, x - hang_left, request->width - x + hang + hang_left,
                        !last };
    if (start < end || !last || ranges->len == 0)   /* not a last line of trailing spaces only */
      g_array_append_val(ranges, range);
    hang_left = g_array_index(list->items, BreakItem, b).hang_next;
    start = span->end;
    while (start < m->chars && m->attrs[start].is_white)
      start++;
  }
  GArray *lines = set_lines_in_place(ts, request, full, whole, m, ranges);
  for (unsigned i = 0; i < lines->len; i++) {
    const LineRange *r = &g_array_index(ranges, LineRange, i);
    SetLine *line = &g_array_index(lines, SetLine, i);
    gunichar final = r->end > 0 ? g_utf8_get_char(m->text + m->byte_of[r->end - 1]) : 0;
    line->hyphenated = r->hyphen || (r->justify && (final == '-' || final == 0x2010));
  }
  g_array_unref(ranges);
  return lines;
}

const char *typeset_fallback_reason(TypesetFallback fallback)
{
  switch (fallback) {
  case TYPESET_FALLBACK_NONE: return "set by the composer";
  case TYPESET_FALLBACK_RIGHT_TO_LEFT: return "right-to-left or bidirectional text";
  case TYPESET_FALLBACK_UNSPACED: return "a script that does not space its words";
  case TYPESET_FALLBACK_LINE_BREAKS: return "the text breaks its own lines";
  case TYPESET_FALLBACK_NO_BREAKS: return "the composer found no breaks";
  }
  return "unknown";
}

static TypesetFallback fallback_for(MeasureResult measured)
{
  return measured == RIGHT_TO_LEFT ? TYPESET_FALLBACK_RIGHT_TO_LEFT
         : measured == UNSPACED_SCRIPT ? TYPESET_FALLBACK_UNSPACED
         : measured == LEAVE_TO_PANGO ? TYPESET_FALLBACK_LINE_BREAKS : TYPESET_FALLBACK_NO_BREAKS;
}

GArray *typeset_paragraph(Typesetter *ts, const TypesetRequest *request, const RichText *text,
                          const GArray *hyphen_points)
{
  TypesetFallback fallback = TYPESET_FALLBACK_NONE;
  const Style *style = &ts->layout->styles[request->style];
  unsigned shift;
  RichText *full = text_with_lead_in(request, text, &shift);
  TypesetRequest plain = *request;
  plain.lead_in = NULL;
  Alignment align = request->override_align ? request->align : style->align;
  GArray *lines = NULL;
  if (align == ALIGN_JUSTIFY && request->width > 0) {
    TypesetRequest one_line = plain;
    one_line.width = -1;
    one_line.indent_first_line = false;
    PangoLayout *whole = typeset_rich(ts, &one_line, full);
    Measure m = { 0 };
    MeasureResult measured = measure_paragraph(whole, &m);
    fallback = fallback_for(measured);
    /* Pango would justify an unspaced script by spacing out every letter,
     * Latin words inside it too; since it may break between any two
     * characters, its lines are full enough set flush left. */
    if (measured == UNSPACED_SCRIPT) {
      plain.override_align = true;
      plain.align = ALIGN_LEFT;
    }
    if (measured == MEASURED) {
      PangoLayout *hyphen = typeset_plain(ts, &one_line, "-");
      pango_layout_get_size(hyphen, &m.hyphen_width, NULL);
      g_object_unref(hyphen);
      guint8 *hyphen_at = g_new0(guint8, m.chars + 1);
      /* points come in text order: walk the characters alongside them */
      int c = 0;
      for (unsigned i = 0; hyphen_points && i < hyphen_points->len; i++) {
        const HyphenPoint *point = &g_array_index(hyphen_points, HyphenPoint, i);
        int byte = (int)(point->offset + shift);
        while (c < m.chars && m.byte_of[c] < byte)
          c++;
        if (m.byte_of[c] == byte)
          hyphen_at[c] = point->last_resort ? 2 : 1;
      }
      int indent = request->indent_first_line ? style->indent : 0;
      ItemList list;
      GArray *breaks = choose_breaks(ts->layout, request, &m, hyphen_at, request->width - indent, &list);
      if (breaks) {
        lines = compose_lines(ts, request, full, whole, &m, breaks, &list);
        fallback = TYPESET_FALLBACK_NONE;
        g_array_unref(breaks);
        item_list_clear(&list);
      }
      g_free(hyphen_at);
    }
    measure_clear(&m);
    g_object_unref(whole);
  }
  if (!lines && request->lines == 0)
    lines = lines_from_layout(typeset_rich(ts, &plain, full));
  if (request->fallback)
    *request->fallback = fallback;
  rich_text_free(full);
  return lines;
}
