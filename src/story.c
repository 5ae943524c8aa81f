/* story.c — turns an Article into a Story: every element typeset, the body
 * cut into one-row items with the keep rules that prevent widows, orphans
 * and crossheads stranded at a column foot.
 *
 * Sections: head block; photo; body blocks (paragraph, crosshead, quote,
 * list, code, rule, table); keep rules. */
#include "story.h"

#include <string.h>

#define MIN_PHOTO_WIDTH (36 * PANGO_SCALE)

typedef struct {
  Typesetter *ts;
  Hyphenator *hyphenator;
  const Layout *layout;
  const Article *article;
  DiagLog *log;
  Story *story;
  int column_width;
  bool next_paragraph_indented;
  bool after_crosshead;      /* the next line must not be parted from the crosshead's
                                second line below it */
  struct {                   /* justified paragraphs Pango broke, for --verbose */
    unsigned count;
    int first_line;
    TypesetFallback first_reason;
  } fallbacks;
} Builder;

int story_span_width(const Layout *layout, int columns)
{
  if (columns <= 0 || columns > layout->columns)
    columns = layout->columns;
  return columns * layout_column_width(layout) + (columns - 1) * layout->gutter;
}

/* Keeps the layout alive for the story's lifetime; warns once about any
 * character no font can draw. */
static PangoLayout *keep_layout(Builder *b, PangoLayout *layout, int source_line)
{
  g_ptr_array_add(b->story->layouts, layout);
  g_object_set_data(G_OBJECT(layout), "galley-source-line", GINT_TO_POINTER(source_line));
  gunichar missing = typeset_first_unknown_char(layout);
  if (missing && b->log) {   /* no log: a paragraph set anew, already reported */
    char utf8[8] = { 0 };
    g_unichar_to_utf8(missing, utf8);
    diag_warn(b->log, b->article->path, source_line, 0,
              "no configured font can draw U+%04X '%s'; it prints as an empty box. "
              "Add a font that has it to fonts/",
              missing, g_unichar_isprint(missing) ? utf8 : "?");
  }
  return layout;
}

int story_layout_source_line(PangoLayout *layout)
{
  return GPOINTER_TO_INT(g_object_get_data(G_OBJECT(layout), "galley-source-line"));
}

/* ---- head block --------------------------------------------------------- */

static const char *const months_en[] = { "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December" };
static const char *const months_de[] = { "Januar", "Februar", "März", "April", "Mai", "Juni",
  "Juli", "August", "September", "Oktober", "November", "Dezember" };
static const char *const months_fr[] = { "janvier", "février", "mars", "avril", "mai", "juin",
  "juillet", "août", "septembre", "octobre", "novembre", "décembre" };
static const char *const months_es[] = { "enero", "febrero", "marzo", "abril", "mayo", "junio",
  "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre" };

/* "2026-06-24" as a reader of the article's language writes it; anything
 * that is not an ISO date is printed as written. */
static char *format_date(const char *iso, const char *language)
{
  int y, m, d;
  char tail;
  if (sscanf(iso, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
    return g_strdup(iso);
  const char *lang = language ? language : "en";
  if (g_str_has_prefix(lang, "de"))
    return g_strdup_printf("%d. %s %d", d, months_de[m - 1], y);
  if (g_str_has_prefix(lang, "fr"))
    return g_strdup_printf("%d %s %d", d, months_fr[m - 1], y);
  if (g_str_has_prefix(lang, "es"))
    return g_strdup_printf("%d de %s de %d", d, months_es[m - 1], y);
  if (g_str_has_prefix(lang, "en"))
    return g_strdup_printf("%s %d, %d", months_en[m - 1], d, y);
  return g_strdup(iso);
}

/* Baseline to baseline from one line to the next: the leading, or more
 * when the glyphs would come within a tenth of an em of each other. Right-
 * to-left lines (Arabic Naskh reaches far above and below Latin) get most
 * of the font's own line height. */
static int line_pitch(PangoLayout *layout, int index, const TypesetLine *above,
                      const TypesetLine *line, int leading)
{
  int size = pango_font_description_get_size(pango_layout_get_font_description(layout));
  int pitch = MAX(leading, above->ink_descent + line->ink_ascent + size / 10);
  PangoLayoutLine *layout_line = pango_layout_get_line_readonly(layout, index);
  if (layout_line && layout_line->resolved_dir == PANGO_DIRECTION_RTL)
    pitch = MAX(pitch, (above->descent + line->ascent) * 85 / 100);
  return pitch;
}

/* Lines of a head element or caption, line_pitch() apart. Returns the last
 * line's baseline. */
static int add_lines(GArray *pieces, PangoLayout *layout, StyleId style, int x,
                     int first_baseline, int leading)
{
  GArray *lines = typeset_lines(layout);
  int baseline = first_baseline;
  for (unsigned i = 0; i < lines->len; i++) {
    TypesetLine *line = &g_array_index(lines, TypesetLine, i);
    if (i > 0) {
      TypesetLine *above = &g_array_index(lines, TypesetLine, i - 1);
      baseline += line_pitch(layout, (int)i, above, line, leading);
    }
    LinePiece piece = { layout, (int)i, style, x + line->x, baseline, line->width, line->ascent,
                        line->descent, 0, 0 };
    g_array_append_val(pieces, piece);
  }
  g_array_unref(lines);
  return baseline;
}

/* The headline at the largest size, from the style's down to the layout's
 * minimum, at which it fits in the layout's maximum number of lines. */
static PangoLayout *set_headline(Builder *b, TypesetRequest *request, const char *text)
{
  const Style *style = &b->layout->styles[STYLE_HEADLINE];
  int step = MAX(PANGO_SCALE, style->size / 12);
  for (request->size = style->size;; request->size -= step) {
    PangoLayout *layout = typeset_plain(b->ts, request, text);
    if (pango_layout_get_line_count(layout) <= b->layout->headline_max_lines ||
        request->size - step < b->layout->headline_min_size)
      return layout;
    g_object_unref(layout);
  }
}

/* Sets a head element in as many lines as at full width, but balanced: at
 * the narrowest width that needs no more lines, so no line is left with a
 * single word under a full one. Right-to-left heads keep the full width
 * (they are aligned to the right edge of the span). */
static PangoLayout *balance_lines(Builder *b, TypesetRequest *request, const char *text,
                                  PangoLayout *layout)
{
  int lines = pango_layout_get_line_count(layout);
  PangoLayoutLine *first = pango_layout_get_line_readonly(layout, 0);
  if (lines < 2 || (first && first->resolved_dir == PANGO_DIRECTION_RTL))
    return layout;
  int full = request->width, low = full / 2, high = full;
  while (high - low > PANGO_SCALE) {
    request->width = (low + high) / 2;
    PangoLayout *trial = typeset_plain(b->ts, request, text);
    if (pango_layout_get_line_count(trial) <= lines)
      high = request->width;
    else
      low = request->width;
    g_object_unref(trial);
  }
  request->width = high;
  g_object_unref(layout);
  return typeset_plain(b->ts, request, text);
}

/* Where the head block has got to: the last baseline set, and what the
 * next element must clear below it. */
typedef struct {
  bool started;
  int baseline;
  int descent;
  int space_after;
} HeadCursor;

/* Stacks one head element under the previous one. The gap between the two
 * baselines is the new style's leading, or more when the previous line's
 * descenders and this line's ascenders would otherwise meet (a date under
 * a 48-point headline), plus the spaces after and before. */
static void stack_head_element(Builder *b, StyleId style, const char *text, HeadCursor *cursor)
{
  if (!text || !*text)
    return;
  const Style *s = &b->layout->styles[style];
  TypesetRequest request = { .style = style, .width = story_span_width(b->layout, b->story->head_columns),
                             .language = b->article->language };
  PangoLayout *set = style == STYLE_HEADLINE ? set_headline(b, &request, text)
                                             : typeset_plain(b->ts, &request, text);
  if (style == STYLE_HEADLINE || style == STYLE_DECK)
    set = balance_lines(b, &request, text, set);
  PangoLayout *layout = keep_layout(b, set, 1);
  int leading = request.size > 0 ? (int)((gint64)s->leading * request.size / s->size) : s->leading;
  GArray *lines = typeset_lines(layout);
  int first_ascent = g_array_index(lines, TypesetLine, 0).ascent;
  int first_baseline = first_ascent;
  if (cursor->started)
    first_baseline = cursor->baseline + cursor->space_after + s->space_before +
                     MAX(leading, cursor->descent + first_ascent);
  cursor->started = true;
  cursor->baseline = add_lines(b->story->head_pieces, layout, style, 0, first_baseline, leading);
  cursor->descent = g_array_index(lines, TypesetLine, lines->len - 1).descent;
  cursor->space_after = s->space_after;
  b->story->head_height = cursor->baseline + cursor->descent;
  g_array_unref(lines);
}

static void build_head(Builder *b)
{
  const Article *a = b->article;
  HeadCursor cursor = { 0 };
  stack_head_element(b, STYLE_KICKER, a->section, &cursor);
  unsigned headline_piece = b->story->head_pieces->len;
  stack_head_element(b, STYLE_HEADLINE, a->headline, &cursor);
  /* the headline's direction decides which way the columns run */
  const LinePiece *first = &g_array_index(b->story->head_pieces, LinePiece, headline_piece);
  PangoLayoutLine *line = pango_layout_get_line_readonly(first->layout, 0);
  b->story->right_to_left = line && line->resolved_dir == PANGO_DIRECTION_RTL;
  stack_head_element(b, STYLE_DECK, a->deck, &cursor);
  if (a->byline) {
    char *byline = g_str_has_prefix(a->byline, "By ") ? g_strdup(a->byline)
                                                      : g_strconcat("By ", a->byline, NULL);
    stack_head_element(b, STYLE_BYLINE, byline, &cursor);
    g_free(byline);
  }
  if (a->date) {
    char *date = format_date(a->date, a->language);
    stack_head_element(b, STYLE_DATE, date, &cursor);
    g_free(date);
  }
}

/* ---- photo -------------------------------------------------------------- */

static void load_photo(Builder *b, int *pixel_width, int *pixel_height)
{
  GError *error = NULL;
  Image *image = image_load(b->article->image, &error);
  if (!image) {
    diag_fault(b->log, b->article->path, b->article->image_line, 0, "photo %s", error->message);
    g_error_free(error);
    b->story->photo_placeholder = true;
    *pixel_width = 3;
    *pixel_height = 2;
    return;
  }
  b->story->photo = image;
  *pixel_width = image_width(image);
  *pixel_height = image_height(image);
}

static int rows_for(const Layout *layout, int units)
{
  return units <= 0 ? 0 : (units + layout->baseline - 1) / layout->baseline;
}

/* A pull quote: the article's `pullquote:` set in its style across two
 * columns (the middle ones where there are three or more), between rules,
 * in whole grid rows with a row of air above and below for the rules. */
static void build_pullquote(Builder *b)
{
  const char *text = b->article->pullquote;
  if (!text || !*text)
    return;
  Story *story = b->story;
  int columns = b->layout->columns;
  story->pullquote_columns = MIN(2, columns);
  story->pullquote_column = columns >= 3 ? 1 : 0;
  int width = story_span_width(b->layout, story->pullquote_columns);
  const Style *s = &b->layout->styles[STYLE_PULLQUOTE];
  TypesetRequest request = { .style = STYLE_PULLQUOTE, .width = width,
                             .language = b->article->language };
  PangoLayout *layout = keep_layout(b, typeset_plain(b->ts, &request, text), 1);
  GArray *lines = typeset_lines(layout);
  int pitch = b->layout->baseline;
  int first = pitch + g_array_index(lines, TypesetLine, 0).ascent;
  int last = add_lines(story->pullquote_pieces, layout, STYLE_PULLQUOTE, 0, first, s->leading);
  int descent = g_array_index(lines, TypesetLine, lines->len - 1).descent;
  g_array_unref(lines);
  story->pullquote_rows = rows_for(b->layout, last + descent + pitch / 2) + 1;
}

static void build_photo(Builder *b)
{
  if (!b->article->image)
    return;
  Story *story = b->story;
  int pixel_width, pixel_height;
  load_photo(b, &pixel_width, &pixel_height);
  story->photo_columns = b->layout->photo_columns > 0 ? b->layout->photo_columns : b->layout->columns;
  int span = story_span_width(b->layout, story->photo_columns);
  int max_height = MIN(b->layout->photo_max_height, layout_live_height(b->layout) / 2);
  double aspect = (double)pixel_height / pixel_width;
  int width = span, height = (int)(span * aspect);
  if (height > max_height) {   /* too tall: narrower, never squeezed */
    height = max_height;
    width = MAX(MIN_PHOTO_WIDTH, (int)(height / aspect));
    height = MIN(height, (int)(width * aspect));
  }
  story->photo_width = width;
  story->photo_height = height;
  int cursor = 0, gap = b->layout->baseline / 2;
  const char *texts[] = { b->article->caption, b->article->credit };
  StyleId styles[] = { STYLE_CAPTION, STYLE_CREDIT };
  for (int i = 0; i < 2; i++) {
    if (!texts[i] || !*texts[i])
      continue;
    const Style *s = &b->layout->styles[styles[i]];
    TypesetRequest request = { .style = styles[i], .width = width, .language = b->article->language };
    PangoLayout *layout = keep_layout(b, typeset_plain(b->ts, &request, texts[i]), 1);
    GArray *lines = typeset_lines(layout);
    int first = cursor == 0 ? gap + g_array_index(lines, TypesetLine, 0).ascent : cursor + s->leading;
    cursor = add_lines(story->photo_pieces, layout, styles[i], 0, first, s->leading);
    g_array_unref(lines);
  }
  story->photo_block_height = height + cursor + (cursor ? b->layout->baseline / 3 : 0);
}

/* ---- body --------------------------------------------------------------- */


static BodyItem *add_item(Builder *b, int space_before)
{
  BodyItem item = { .space_before = space_before, .first_piece = b->story->body_pieces->len };
  g_array_append_val(b->story->body_items, item);
  return &g_array_index(b->story->body_items, BodyItem, b->story->body_items->len - 1);
}

static void add_piece(Builder *b, PangoLayout *layout, int line_index, StyleId style, int x,
                      const TypesetLine *line)
{
  LinePiece piece = { layout, line_index, style, x + line->x, 0, line->width, line->ascent,
                      line->descent, line->start_index, line->length };
  g_array_append_val(b->story->body_pieces, piece);
  g_array_index(b->story->body_items, BodyItem, b->story->body_items->len - 1).piece_count++;
}

static void add_break_cost(BodyItem *item, int cost)
{
  item->break_cost += cost;
  item->keep_with_next = true;
}

/* Marks the keeps inside one block of n lines starting at item first: no
 * fewer than the layout's orphan lines at a column's foot, nor its widow
 * lines at a column's head, and a display block (crosshead) kept whole and
 * with what follows. */
static void keep_block_lines(Builder *b, unsigned first, unsigned n, bool keep_all)
{
  GArray *items = b->story->body_items;
  for (unsigned i = 0; i < n; i++) {
    BodyItem *item = &g_array_index(items, BodyItem, first + i);
    unsigned before = i + 1, after = n - 1 - i;   /* lines either side of a break after i */
    if (!keep_all && after > 0 &&
        (before < (unsigned)b->layout->orphan_lines || after < (unsigned)b->layout->widow_lines))
      add_break_cost(item, BREAK_COST_WIDOW_ORPHAN);
    if (keep_all)
      item->keep_with_next = item->keep_firmly = true;
  }
}

/* A list marker hangs outside the text: left of a left-to-right line,
 * right of a right-to-left one. */
static void add_marker(Builder *b, const SetLine *first, StyleId style, int x, const char *marker,
                       int source_line)
{
  TypesetRequest request = { .style = style, .width = -1 };
  PangoLayout *mark = keep_layout(b, typeset_plain(b->ts, &request, marker), source_line);
  GArray *mark_lines = typeset_lines(mark);
  TypesetLine *mark_line = &g_array_index(mark_lines, TypesetLine, 0);
  PangoLayoutLine *line = pango_layout_get_line_readonly(first->layout, first->line_index);
  int gap = b->layout->styles[style].size / 3;
  int mark_x = line && line->resolved_dir == PANGO_DIRECTION_RTL
                 ? x + first->metrics.x + first->metrics.width + gap - mark_line->x
                 : x - mark_line->width - gap;
  add_piece(b, mark, 0, style, mark_x, mark_line);
  g_array_unref(mark_lines);
}

/* Adds set lines as body items, one per line; the story keeps their
 * layouts. A list marker hangs left of the first line. */
static void add_set_lines(Builder *b, GArray *lines, StyleId style, int x, int space_before,
                          bool keep_all, bool own_keeps, const char *marker, int source_line)
{
  unsigned first = b->story->body_items->len;
  for (unsigned i = 0; i < lines->len; i++) {
    SetLine *line = &g_array_index(lines, SetLine, i);
    if (i == 0 || line->layout != g_array_index(lines, SetLine, i - 1).layout)
      keep_layout(b, g_object_ref(line->layout), source_line);
    add_item(b, i == 0 ? space_before : 0);
    add_piece(b, line->layout, line->line_index, style, x, &line->metrics);
    if (i == 0 && marker)
      add_marker(b, line, style, x, marker, source_line);
  }
  if (own_keeps)
    keep_block_lines(b, first, lines->len, keep_all);
  /* a word is not hyphenated across columns or pages */
  for (unsigned i = 0; i < lines->len; i++)
    if (g_array_index(lines, SetLine, i).hyphenated)
      add_break_cost(&g_array_index(b->story->body_items, BodyItem, first + i), BREAK_COST_HYPHEN);
  if (b->after_crosshead && lines->len > 1)   /* two lines at least under a crosshead */
    g_array_index(b->story->body_items, BodyItem, first).keep_with_next =
      g_array_index(b->story->body_items, BodyItem, first).keep_firmly = true;
  b->after_crosshead = false;
}

const char *story_text_language(const Article *article, const Layout *layout, StyleId style)
{
  return article->language ? article->language : layout->styles[style].language;
}

/* Counts a justified paragraph the composer could not set. */
static void count_fallback(Builder *b, TypesetFallback fallback, int source_line)
{
  if (fallback == TYPESET_FALLBACK_NONE)
    return;
  if (b->fallbacks.count++ == 0) {
    b->fallbacks.first_line = source_line;
    b->fallbacks.first_reason = fallback;
  }
}

/* Says once per story, for --verbose, which paragraphs Pango broke. */
static void note_fallbacks(const Builder *b)
{
  if (b->fallbacks.count == 0)
    return;
  diag_note(b->log, b->article->path, b->fallbacks.first_line, 0,
            "%u justified paragraph%s set with Pango's own line breaking instead of the "
            "paragraph composer (%s; the first is here)", b->fallbacks.count,
            b->fallbacks.count == 1 ? "" : "s", typeset_fallback_reason(b->fallbacks.first_reason));
}

/* Sets a block's text: web addresses may always break; justified text
 * may also hyphenate, in the article's language. A paragraph Pango breaks
 * is counted for the --verbose note at source_line (0: not counted, the
 * caller sets it again if so). */
static GArray *set_marked_lines(Builder *b, const TypesetRequest *request, const RichText *text,
                                RichText *marked, GArray **points, int source_line)
{
  const Style *style = &b->layout->styles[request->style];
  rich_text_slice(text, 0, (unsigned)text->text->len, marked);
  hyphenator_mark_address_breaks(marked);
  *points = NULL;
  if (style->align == ALIGN_JUSTIFY && !request->override_align)
    *points = hyphenator_points(b->hyphenator,
                                story_text_language(b->article, b->layout, request->style), marked);
  TypesetFallback fallback = TYPESET_FALLBACK_NONE;
  TypesetRequest asked = *request;
  asked.fallback = &fallback;
  GArray *lines = typeset_paragraph(b->ts, &asked, marked, *points);
  if (source_line > 0)
    count_fallback(b, fallback, source_line);
  return lines;
}

static GArray *set_paragraph_lines(Builder *b, const TypesetRequest *request, const RichText *text,
                                   int source_line)
{
  RichText marked;
  GArray *points;
  GArray *lines = set_marked_lines(b, request, text, &marked, &points, source_line);
  if (points)
    g_array_unref(points);
  rich_text_clear(&marked);
  return lines;
}

/* ---- paragraphs set a line longer or shorter -------------------------------------- */

struct StoryParagraph {
  unsigned first_item, item_count;
  RichText text;             /* as set: address breaks marked */
  GArray *points;            /* its hyphenation points, or NULL */
  TypesetRequest request;    /* borrows from the article, which outlives the story */
  int space_before;
  int source_line;
  bool after_crosshead;
};

static void story_paragraph_free(gpointer data)
{
  StoryParagraph *para = data;
  rich_text_clear(&para->text);
  if (para->points)
    g_array_unref(para->points);
  g_free(para);
}

unsigned story_paragraph_count(const Story *story)
{
  return story->paragraphs->len;
}

void story_paragraph_items(const Story *story, unsigned p, unsigned *first_item,
                           unsigned *item_count)
{
  const StoryParagraph *para = g_ptr_array_index(story->paragraphs, p);
  *first_item = para->first_item;
  *item_count = para->item_count;
}

GArray *story_paragraph_variant(Story *story, Typesetter *ts, const Layout *layout, unsigned p,
                                int looseness)
{
  StoryParagraph *para = g_ptr_array_index(story->paragraphs, p);
  TypesetRequest request = para->request;
  request.lines = (int)para->item_count + looseness;
  GArray *lines = typeset_paragraph(ts, &request, &para->text, para->points);
  if (!lines)
    return NULL;
  GArray *items = NULL;
  if ((int)lines->len == (int)para->item_count + looseness) {
    /* the builder appends to story->body_items: point it at the variant's */
    items = g_array_new(FALSE, FALSE, sizeof(BodyItem));
    GArray *body_items = story->body_items;
    story->body_items = items;
    Builder b = { ts, NULL, layout, story->article, NULL, story, layout_column_width(layout),
                  false, para->after_crosshead, { 0, 0, TYPESET_FALLBACK_NONE } };
    add_set_lines(&b, lines, STYLE_BODY, 0, para->space_before, false, true, NULL,
                  para->source_line);
    story->body_items = body_items;
  }
  g_array_unref(lines);
  return items;
}

#define LINE_SEPARATOR "\xe2\x80\xa8"

/* A hard line break ends a line without ending the paragraph. Each piece
 * between breaks is set on its own, so the line before a break is not
 * spread to the full measure; only the first piece is indented. */
/* ---- drop caps ------------------------------------------------------------------ */

/* Lines the story's drop cap spans: the article's say, else the layout's. */
static int dropcap_lines(const Builder *b)
{
  int asked = b->article->dropcap;
  if (asked < 0 || b->story->right_to_left || b->article->dateline)
    return 0;   /* a dateline leads the first paragraph instead */
  if (asked == 1)
    return b->layout->dropcap_lines > 1 ? b->layout->dropcap_lines : 3;
  return asked > 1 ? asked : b->layout->dropcap_lines;
}

/* Bytes of the text's first letter, with any opening quote before it. */
static unsigned dropcap_letter_bytes(const char *text)
{
  const char *p = text;
  while (*p && g_unichar_ispunct(g_utf8_get_char(p)))
    p = g_utf8_next_char(p);
  if (!*p || !g_unichar_isalnum(g_utf8_get_char(p)))
    return 0;
  return (unsigned)(g_utf8_next_char(p) - text);
}

/* How far a layout's glyphs rise above its baseline. */
static int ink_ascent(PangoLayout *layout)
{
  PangoRectangle ink;
  pango_layout_get_extents(layout, &ink, NULL);
  return pango_layout_get_baseline(layout) - ink.y;
}

/* The drop cap letter, sized so that its top aligns with the first line's
 * capitals and its foot sits on the baseline `lines` lines down. */
static PangoLayout *dropcap_layout(Builder *b, const char *letter, int lines)
{
  TypesetRequest request = { .style = STYLE_DROPCAP, .width = -1 };
  TypesetRequest body = { .style = STYLE_BODY, .width = -1 };
  PangoLayout *capital = typeset_plain(b->ts, &body, "H");
  PangoLayout *trial = typeset_plain(b->ts, &request, letter);
  int target = (lines - 1) * b->layout->baseline + ink_ascent(capital);
  int rise = MAX(1, ink_ascent(trial));
  request.size = (int)((gint64)b->layout->styles[STYLE_DROPCAP].size * target / rise);
  g_object_unref(capital);
  g_object_unref(trial);
  return typeset_plain(b->ts, &request, letter);
}

/* The first paragraph with a drop cap: its first letter `lines` lines tall
 * at the column's left, the first lines set narrower beside it. The cap
 * reads as its whole word (the rest of the word's glyphs carry no text).
 * Returns false, having added nothing, when the paragraph cannot take one. */
static bool add_dropcap_paragraph(Builder *b, const Block *block, int lines)
{
  const RichText *content = &block->content;
  const char *text = content->text->str;
  unsigned letter = dropcap_letter_bytes(text);
  if (letter == 0 || strstr(text, LINE_SEPARATOR))
    return false;
  char *cap_text = g_strndup(text, letter);
  PangoLayout *cap = dropcap_layout(b, cap_text, lines);
  g_free(cap_text);
  int cap_width;
  pango_layout_get_size(cap, &cap_width, NULL);
  unsigned rest = letter;
  while (rest < content->text->len && g_ascii_isspace(text[rest]))
    rest++;
  RichText after;
  rich_text_slice(content, rest, (unsigned)content->text->len, &after);
  TypesetRequest request = { .style = STYLE_BODY, .width = b->column_width,
                             .language = b->article->language, .hang_lines = lines,
                             .hang_width = cap_width + b->layout->baseline / 3 };
  GArray *set = set_paragraph_lines(b, &request, &after, 0);   /* Pango's: set again below */
  rich_text_clear(&after);
  if (set->len < (unsigned)lines ||
      g_array_index(set, SetLine, 0).metrics.x < request.hang_width) {   /* not the composer's */
    g_array_unref(set);
    g_object_unref(cap);
    return false;
  }
  unsigned word = rest == letter ? (unsigned)strcspn(text + rest, " \t\n") : 0;
  char *whole = g_strndup(text, rest + word);
  typeset_set_actual_text(cap, g_strstrip(whole));
  g_free(whole);
  typeset_set_silent_prefix(g_array_index(set, SetLine, 0).layout, (int)word);
  unsigned first = b->story->body_items->len;
  add_set_lines(b, set, STYLE_BODY, 0, 0, false, false, NULL, block->source_line);
  g_array_unref(set);
  keep_layout(b, cap, block->source_line);
  /* the cap belongs to the item of its last line: its foot is on that baseline */
  GArray *items = b->story->body_items;
  BodyItem *foot = &g_array_index(items, BodyItem, first + (unsigned)lines - 1);
  LinePiece piece = { cap, 0, STYLE_DROPCAP, 0, 0, cap_width, ink_ascent(cap), 0, 0, 0 };
  g_array_insert_val(b->story->body_pieces, foot->first_piece + foot->piece_count, piece);
  foot->piece_count++;
  for (unsigned i = first + (unsigned)lines; i < items->len; i++)
    g_array_index(items, BodyItem, i).first_piece++;
  for (unsigned i = first; i + 1 < first + (unsigned)lines; i++)   /* the cap's lines stay together */
    g_array_index(items, BodyItem, i).keep_with_next = g_array_index(items, BodyItem, i).keep_firmly = true;
  keep_block_lines(b, first, items->len - first, false);
  b->next_paragraph_indented = true;
  return true;
}

/* The dateline runs in at the head of the paragraph that carries it. */
static void add_paragraph(Builder *b, const Block *block, bool first_in_story, bool with_dateline)
{
  if (first_in_story && dropcap_lines(b) > 1 && add_dropcap_paragraph(b, block, dropcap_lines(b)))
    return;
  const RichText *content = &block->content;
  const Style *body = &b->layout->styles[STYLE_BODY];
  unsigned start = 0, len = (unsigned)content->text->len;
  unsigned first_item = b->story->body_items->len;
  while (start <= len) {
    const char *found = g_strstr_len(content->text->str + start, len - start, LINE_SEPARATOR);
    unsigned end = found ? (unsigned)(found - content->text->str) : len;
    RichText piece;
    rich_text_slice(content, start, end, &piece);
    TypesetRequest request = { .style = STYLE_BODY, .width = b->column_width,
                               .language = b->article->language,
                               .indent_first_line = start == 0 && b->next_paragraph_indented,
                               .lead_in = start == 0 && with_dateline ? b->article->dateline : NULL };
    StoryParagraph *para = g_new0(StoryParagraph, 1);
    para->after_crosshead = b->after_crosshead;
    GArray *lines = set_marked_lines(b, &request, &piece, &para->text, &para->points,
                                     block->source_line);
    rich_text_clear(&piece);
    int space_before = start == 0 ? rows_for(b->layout, body->space_before) : 0;
    para->first_item = b->story->body_items->len;
    add_set_lines(b, lines, STYLE_BODY, 0, space_before, false, false, NULL, block->source_line);
    if (start == 0 && !found && lines->len > 0) {   /* one piece: it may be set anew */
      para->request = request;
      para->item_count = lines->len;
      para->space_before = space_before;
      para->source_line = block->source_line;
      g_ptr_array_add(b->story->paragraphs, para);
    } else {
      story_paragraph_free(para);
    }
    g_array_unref(lines);
    if (!found)
      break;
    start = end + (unsigned)strlen(LINE_SEPARATOR);
  }
  keep_block_lines(b, first_item, b->story->body_items->len - first_item, false);
  b->next_paragraph_indented = true;
}

static void add_crosshead(Builder *b, const Block *block)
{
  const Style *s = &b->layout->styles[STYLE_CROSSHEAD];
  TypesetRequest request = { .style = STYLE_CROSSHEAD, .width = b->column_width,
                             .language = b->article->language };
  GArray *lines = typeset_paragraph(b->ts, &request, &block->content, NULL);
  add_set_lines(b, lines, STYLE_CROSSHEAD, 0, rows_for(b->layout, s->space_before), true, true, NULL,
                block->source_line);
  g_array_unref(lines);
  b->after_crosshead = true;
  b->next_paragraph_indented = false;
}

/* Quotes and list items are set narrower, inset by their style's indent per
 * nesting level; a list marker hangs in the inset. */
static void add_inset_block(Builder *b, const Block *block, StyleId style)
{
  const Style *s = &b->layout->styles[style];
  int depth = MAX(1, block->level);
  int inset = MIN(depth * MAX(s->indent, s->size), b->column_width / 3);
  TypesetRequest request = { .style = style, .width = b->column_width - (style == STYLE_QUOTE ? 2 : 1) * inset,
                             .language = b->article->language };
  GArray *lines = set_paragraph_lines(b, &request, &block->content, block->source_line);
  add_set_lines(b, lines, style, inset, rows_for(b->layout, s->space_before), false, true, block->marker,
                block->source_line);
  g_array_unref(lines);
  b->next_paragraph_indented = false;
}

static void add_code(Builder *b, const Block *block)
{
  RichText code;
  rich_text_init(&code);
  rich_text_append(&code, block->content.text->str, (gssize)block->content.text->len, INLINE_CODE);
  TypesetRequest request = { .style = STYLE_LIST, .width = b->column_width,
                             .override_align = true, .align = ALIGN_LEFT };
  GArray *lines = typeset_paragraph(b->ts, &request, &code, NULL);
  rich_text_clear(&code);
  add_set_lines(b, lines, STYLE_LIST, 0, 0, false, true, NULL, block->source_line);
  g_array_unref(lines);
  b->next_paragraph_indented = false;
}

static void add_rule_row(Builder *b)
{
  add_item(b, 0)->rule = ITEM_RULE_MIDDLE;
  b->next_paragraph_indented = false;
}

/* ---- tables ------------------------------------------------------------- */

static bool looks_numeric(const char *text)
{
  bool digit = false;
  for (const char *p = text; *p; p++) {
    if (g_ascii_isdigit(*p))
      digit = true;
    else if (!strchr(" .,:+-%$€£()/", *p))
      return false;
  }
  return digit;
}

typedef struct {
  unsigned columns;
  int gap;
  int widths[64];
  int offsets[64];
} TableGeometry;

static TypesetRequest cell_request(const Builder *b, int width, bool header, const RichText *cell)
{
  bool numeric = !header && looks_numeric(cell->text->str);
  TypesetRequest request = { .style = STYLE_TABLE, .width = width, .override_align = true,
                             .align = numeric ? ALIGN_RIGHT : ALIGN_LEFT,
                             .language = b->article->language };
  return request;
}

/* Column widths from the cells: every column gets at least its widest word,
 * and what is left goes to the columns whose text would otherwise wrap, in
 * proportion to how much more they want. Only when even the widest words
 * do not fit are columns squeezed (and long words broken). */
static void measure_table(Builder *b, const Block *table, TableGeometry *geometry)
{
  unsigned columns = table->table_columns, rows = table->table_cells->len / columns;
  geometry->columns = columns;
  geometry->gap = b->layout->styles[STYLE_TABLE].size * 2 / 3;
  int available = b->column_width - (int)(columns - 1) * geometry->gap;
  gint64 natural[64] = { 0 }, least[64] = { 0 }, sum_natural = 0, sum_least = 0;
  for (unsigned c = 0; c < columns; c++) {
    for (unsigned r = 0; r < rows; r++) {
      const RichText *cell = g_ptr_array_index(table->table_cells, r * columns + c);
      TypesetRequest request = cell_request(b, -1, r < table->table_header_rows, cell);
      int width, word;
      typeset_measure(b->ts, &request, cell, &width, &word);
      natural[c] = MAX(natural[c], width + PANGO_SCALE);
      least[c] = MAX(least[c], word + PANGO_SCALE);
    }
    sum_natural += natural[c];
    sum_least += least[c];
  }
  for (unsigned c = 0; c < columns; c++) {
    gint64 width;
    if (sum_natural <= available)
      width = natural[c] + (available - sum_natural) * natural[c] / MAX(1, sum_natural);
    else if (sum_least <= available)
      width = least[c] + (available - sum_least) * (natural[c] - least[c]) / MAX(1, sum_natural - sum_least);
    else
      width = available * least[c] / MAX(1, sum_least);
    geometry->widths[c] = (int)width;
    geometry->offsets[c] = c == 0 ? 0 : geometry->offsets[c - 1] + geometry->widths[c - 1] + geometry->gap;
  }
}

/* Sets one table row: cells side by side, the row as tall as its tallest
 * cell, each line of the row one body item. */
static void add_table_row(Builder *b, const Block *table, const TableGeometry *geometry,
                          unsigned row, bool header)
{
  unsigned columns = geometry->columns;
  PangoLayout *cells[64];
  GArray *lines[64];
  unsigned tallest = 1;
  for (unsigned c = 0; c < columns; c++) {
    RichText *cell = g_ptr_array_index(table->table_cells, row * columns + c);
    TypesetRequest request = cell_request(b, geometry->widths[c], header, cell);
    RichText text;
    rich_text_slice(cell, 0, (unsigned)cell->text->len, &text);
    if (header) {   /* a header cell is bold throughout */
      InlineRun bold = { 0, (unsigned)text.text->len, INLINE_STRONG };
      g_array_set_size(text.runs, 0);
      g_array_append_val(text.runs, bold);
    }
    cells[c] = keep_layout(b, typeset_rich(b->ts, &request, &text), table->source_line);
    rich_text_clear(&text);
    lines[c] = typeset_lines(cells[c]);
    tallest = MAX(tallest, lines[c]->len);
  }
  for (unsigned l = 0; l < tallest; l++) {
    BodyItem *item = add_item(b, 0);
    item->keep_with_next = item->keep_firmly = l + 1 < tallest;
    if (header && l + 1 == tallest)
      item->rule = ITEM_RULE_BELOW;
    for (unsigned c = 0; c < columns; c++)
      if (l < lines[c]->len)
        add_piece(b, cells[c], (int)l, STYLE_TABLE, geometry->offsets[c],
                  &g_array_index(lines[c], TypesetLine, l));
  }
  for (unsigned c = 0; c < columns; c++)
    g_array_unref(lines[c]);
}

static void add_table(Builder *b, const Block *table)
{
  unsigned columns = table->table_columns;
  if (columns == 0 || columns > 64)
    return;
  TableGeometry geometry;
  measure_table(b, table, &geometry);
  unsigned rows = table->table_cells->len / columns;
  BodyItem *top = add_item(b, 0);
  top->rule = ITEM_RULE_MIDDLE;
  top->keep_with_next = top->keep_firmly = true;
  for (unsigned r = 0; r < rows; r++)
    add_table_row(b, table, &geometry, r, r < table->table_header_rows);
  add_item(b, 0)->rule = ITEM_RULE_ABOVE;
  b->next_paragraph_indented = false;
}

static bool has_paragraph(const GPtrArray *blocks)
{
  for (unsigned i = 0; i < blocks->len; i++)
    if (((const Block *)g_ptr_array_index(blocks, i))->kind == BLOCK_PARAGRAPH)
      return true;
  return false;
}

/* The dateline runs in before the first paragraph, wherever that comes; a
 * body without paragraphs opens with one holding the dateline alone. */
static void build_body(Builder *b)
{
  const GPtrArray *blocks = b->article->blocks;
  bool dateline_pending = b->article->dateline && *b->article->dateline;
  if (dateline_pending && !has_paragraph(blocks)) {
    Block *alone = block_new(BLOCK_PARAGRAPH, b->article->body_first_line);
    add_paragraph(b, alone, false, true);
    block_free(alone);
    dateline_pending = false;
  }
  for (unsigned i = 0; i < blocks->len; i++) {
    const Block *block = g_ptr_array_index(blocks, i);
    switch (block->kind) {
    case BLOCK_PARAGRAPH:
      add_paragraph(b, block, i == 0, dateline_pending);
      dateline_pending = false;
      break;
    case BLOCK_CROSSHEAD: add_crosshead(b, block); break;
    case BLOCK_QUOTE: add_inset_block(b, block, STYLE_QUOTE); break;
    case BLOCK_LIST_ITEM: add_inset_block(b, block, STYLE_LIST); break;
    case BLOCK_CODE: add_code(b, block); break;
    case BLOCK_RULE: add_rule_row(b); break;
    case BLOCK_TABLE: add_table(b, block); break;
    }
  }
}

Story *story_build(Typesetter *ts, Hyphenator *hyphenator, const Layout *layout,
                   const Article *article, int index, DiagLog *log)
{
  Story *story = g_new0(Story, 1);
  story->index = index;
  story->article = article;
  story->layouts = g_ptr_array_new_with_free_func(g_object_unref);
  story->head_pieces = g_array_new(FALSE, FALSE, sizeof(LinePiece));
  story->photo_pieces = g_array_new(FALSE, FALSE, sizeof(LinePiece));
  story->pullquote_pieces = g_array_new(FALSE, FALSE, sizeof(LinePiece));
  story->body_pieces = g_array_new(FALSE, FALSE, sizeof(LinePiece));
  story->body_items = g_array_new(FALSE, FALSE, sizeof(BodyItem));
  story->paragraphs = g_ptr_array_new_with_free_func(story_paragraph_free);
  story->head_columns = layout->headline_columns > 0 ? layout->headline_columns : layout->columns;
  Builder b = { ts, hyphenator, layout, article, log, story, layout_column_width(layout), false, false,
                { 0, 0, TYPESET_FALLBACK_NONE } };
  build_head(&b);
  build_photo(&b);
  build_pullquote(&b);
  build_body(&b);
  note_fallbacks(&b);
  return story;
}

void story_free(Story *story)
{
  if (!story)
    return;
  g_array_unref(story->body_items);
  g_ptr_array_free(story->paragraphs, TRUE);
  g_array_unref(story->body_pieces);
  g_array_unref(story->photo_pieces);
  g_array_unref(story->pullquote_pieces);
  g_array_unref(story->head_pieces);
  g_ptr_array_free(story->layouts, TRUE);
  image_unref(story->photo);
  g_free(story);
}
