/* archiveindex.c — an archive's index, set in the layout's columns.
 *
 * Each entry is a block (headline, then byline, date, section, pages and
 * file on one line) kept whole in a column; a month's heading stays with
 * its first entry. Every line takes whole multiples of its style's leading,
 * so the columns keep an even rhythm. */
#include "archiveindex.h"

#include <string.h>

#include "typeset.h"

typedef struct {
  PangoLayout *layout;
  GArray *lines;   /* TypesetLine */
  StyleId style;
  int leading;
} Piece;

typedef struct {
  int page;
  double x, y, width, height;
  const char *file;
  const char *headline;
} PlacedEntry;

typedef struct {
  const Layout *layout;
  Typesetter *ts;
  DisplayList *list;
  const char *title;
  int page, column;
  int top, y, bottom;   /* the columns' top, the next free height, the foot */
  GArray *placed;       /* PlacedEntry */
} Setter;

static int style_leading(const Layout *layout, StyleId style)
{
  const Style *s = &layout->styles[style];
  return s->leading > 0 ? s->leading : s->size * 6 / 5;
}

static Piece piece_new(Setter *s, StyleId style, const char *text, int width)
{
  TypesetRequest request = { .style = style, .width = width, .override_align = true,
                             .align = ALIGN_LEFT };
  Piece piece = { typeset_plain(s->ts, &request, text), NULL, style,
                  style_leading(s->layout, style) };
  piece.lines = typeset_lines(piece.layout);
  return piece;
}

static void piece_clear(Piece *piece)
{
  g_array_unref(piece->lines);
  g_object_unref(piece->layout);
}

static int piece_height(const Piece *piece)
{
  return (int)piece->lines->len * piece->leading;
}

/* Each line centred in its leading, as the flow sets lines on its grid. */
static void piece_place(Setter *s, const Piece *piece, int story, int x, int top)
{
  for (guint i = 0; i < piece->lines->len; i++) {
    const TypesetLine *line = &g_array_index(piece->lines, TypesetLine, i);
    int baseline = top + (int)i * piece->leading +
                   (piece->leading - line->ascent - line->descent) / 2 + line->ascent;
    display_list_add_text(s->list, s->page, story, piece->style, piece->layout, (int)i,
                          x + line->x, baseline, line->width, line->ascent, line->descent);
  }
}

/* ---- pages and columns -------------------------------------------------------------- */

static void place_folio(Setter *s)
{
  const Layout *layout = s->layout;
  if (!layout->folio)
    return;
  char *number = g_strdup_printf("Index, page %d", s->page + 1);
  const char *texts[] = { s->title, number };
  for (int i = 0; i < 2; i++) {
    TypesetRequest request = { .style = STYLE_FOLIO, .width = layout_live_width(layout),
                               .override_align = true, .align = i ? ALIGN_RIGHT : ALIGN_LEFT };
    PangoLayout *folio = typeset_plain(s->ts, &request, texts[i]);
    GArray *lines = typeset_lines(folio);
    const TypesetLine *line = &g_array_index(lines, TypesetLine, 0);
    int baseline = layout->margin_top + layout->baseline - layout->baseline / 4;
    display_list_add_text(s->list, s->page, -1, STYLE_FOLIO, folio, 0,
                          layout->margin_left + line->x, baseline, line->width, line->ascent,
                          line->descent);
    g_array_unref(lines);
    g_object_unref(folio);
  }
  g_free(number);
  int rule_y = layout->margin_top + layout->baseline;
  display_list_add_rule(s->list, s->page, layout->margin_left, rule_y,
                        layout->margin_left + layout_live_width(layout), rule_y,
                        layout->rule_width);
}

static void new_page(Setter *s)
{
  if (s->page >= 0)
    place_folio(s);
  s->page = display_list_add_page(s->list);
  s->column = 0;
  s->top = s->layout->margin_top + (s->layout->folio ? 2 * s->layout->baseline : 0);
  s->y = s->top;
}

/* Moves on to the next column, or page, unless height fits below. */
static void make_room(Setter *s, int height)
{
  if (s->y + height <= s->bottom || s->y == s->top)
    return;
  if (s->column + 1 < s->layout->columns) {
    s->column++;
    s->y = s->top;
  } else {
    new_page(s);
  }
}

/* The title across the page, the count below, a rule under both. */
static void place_title(Setter *s, unsigned count, int pages)
{
  const Layout *layout = s->layout;
  int width = layout_live_width(layout);
  char *summary = g_strdup_printf("%u article%s, %d page%s", count, count == 1 ? "" : "s",
                                  pages, pages == 1 ? "" : "s");
  Piece title = piece_new(s, STYLE_HEADLINE, s->title, width);
  Piece sub = piece_new(s, STYLE_DECK, summary, width);
  piece_place(s, &title, (int)count, layout->margin_left, s->y);
  s->y += piece_height(&title) + layout->styles[STYLE_HEADLINE].space_after;
  piece_place(s, &sub, (int)count, layout->margin_left, s->y);
  s->y += piece_height(&sub) + layout->baseline / 2;
  display_list_add_rule(s->list, s->page, layout->margin_left, s->y,
                        layout->margin_left + width, s->y, layout->rule_width);
  s->y += layout->baseline;
  s->top = s->y;   /* the columns start below the title on this page */
  piece_clear(&title);
  piece_clear(&sub);
  g_free(summary);
}

/* ---- entries -------------------------------------------------------------------------- */

static const char *const month_names[] = { "January", "February", "March", "April", "May",
                                           "June", "July", "August", "September", "October",
                                           "November", "December" };

/* "2026-06-24" -> year 2026, month 6, day 24; FALSE when not such a date. */
static gboolean parse_date(const char *iso, int *year, int *month, int *day)
{
  char tail = 0;
  *day = 0;
  if (!iso || sscanf(iso, "%4d-%2d%c", year, month, &tail) < 2 || *month < 1 || *month > 12)
    return FALSE;
  if (sscanf(iso, "%4d-%2d-%2d", year, month, day) < 3)
    *day = 0;
  return TRUE;
}

/* "June 2026"; "Undated" for the entries without a date (last). */
static char *month_heading(const Article *article)
{
  int year, month, day;
  if (!parse_date(article->date, &year, &month, &day))
    return g_strdup("Undated");
  return g_strdup_printf("%s %d", month_names[month - 1], year);
}

/* A no-break space before the dot: a line may end after one, never start with it. */
#define SEPARATOR "\u00a0\u00b7 "

static char *entry_details(const ArchiveIndexEntry *entry)
{
  const Article *a = entry->article;
  GPtrArray *parts = g_ptr_array_new_with_free_func(g_free);
  if (a->byline && *a->byline)
    g_ptr_array_add(parts, g_strdup_printf("By %s", a->byline));
  int year, month, day;
  if (parse_date(a->date, &year, &month, &day) && day > 0)
    g_ptr_array_add(parts, g_strdup_printf("%d %s %d", day, month_names[month - 1], year));
  else if (a->date && *a->date)
    g_ptr_array_add(parts, g_strdup(a->date));
  if (a->section && *a->section)
    g_ptr_array_add(parts, g_strdup(a->section));
  g_ptr_array_add(parts, g_strdup_printf("%d\u00a0page%s", entry->pages,
                                         entry->pages == 1 ? "" : "s"));
  g_ptr_array_add(parts, NULL);
  char *text = g_strjoinv(SEPARATOR, (char **)parts->pdata);
  g_ptr_array_free(parts, TRUE);
  return text;
}

/* The details, then the file name: not broken at its hyphens when it
 * fits on a line, so it reads (and copies) as the file is named. */
static Piece details_piece(Setter *s, const ArchiveIndexEntry *entry, int width)
{
  char *details = entry_details(entry);
  char *text = g_strconcat(details, SEPARATOR, entry->file, NULL);
  Piece piece = piece_new(s, STYLE_DATE, text, width);
  Piece file = piece_new(s, STYLE_DATE, entry->file, -1);
  gboolean fits = g_array_index(file.lines, TypesetLine, 0).width <= width;
  piece_clear(&file);
  if (fits) {
    PangoAttrList *attrs = pango_attr_list_copy(pango_layout_get_attributes(piece.layout));
    PangoAttribute *whole = pango_attr_allow_breaks_new(FALSE);
    whole->start_index = (guint)(strlen(text) - strlen(entry->file));
    whole->end_index = (guint)strlen(text);
    pango_attr_list_insert(attrs, whole);
    pango_layout_set_attributes(piece.layout, attrs);
    pango_attr_list_unref(attrs);
    g_array_unref(piece.lines);
    piece.lines = typeset_lines(piece.layout);
  }
  g_free(text);
  g_free(details);
  return piece;
}

static int column_x(const Setter *s)
{
  return layout_column_x(s->layout, s->column);
}

/* A month's heading over a hairline, kept with the entry after it. */
static void place_heading(Setter *s, const char *heading, int entry_height)
{
  int width = layout_column_width(s->layout), gap = s->layout->baseline;
  char *upper = g_utf8_strup(heading, -1);
  Piece piece = piece_new(s, STYLE_KICKER, upper, width);
  int height = piece_height(&piece) + gap / 2;
  make_room(s, gap + height + entry_height);
  if (s->y > s->top)
    s->y += gap;
  piece_place(s, &piece, -1, column_x(s), s->y);
  s->y += piece_height(&piece);
  display_list_add_rule(s->list, s->page, column_x(s), s->y, column_x(s) + width, s->y,
                        s->layout->rule_width / 2);
  s->y += gap / 2;
  piece_clear(&piece);
  g_free(upper);
}

static void place_entry(Setter *s, const ArchiveIndexEntry *entry, int story,
                        const char *heading)
{
  int width = layout_column_width(s->layout);
  Piece head = piece_new(s, STYLE_CROSSHEAD, entry->article->headline, width);
  Piece info = details_piece(s, entry, width);
  int height = piece_height(&head) + piece_height(&info);
  int space = s->layout->baseline / 2;
  if (heading)
    place_heading(s, heading, height);
  make_room(s, height);
  piece_place(s, &head, story, column_x(s), s->y);
  piece_place(s, &info, story, column_x(s), s->y + piece_height(&head));
  PlacedEntry placed = { s->page, column_x(s) / (double)PANGO_SCALE, s->y / (double)PANGO_SCALE,
                         width / (double)PANGO_SCALE, height / (double)PANGO_SCALE, entry->file,
                         entry->article->headline };
  g_array_append_val(s->placed, placed);
  s->y += height + space;
  piece_clear(&head);
  piece_clear(&info);
}

/* Oldest first, undated last; then by headline and file, so the order
 * never depends on the order the files were given in. */
static gint by_date(gconstpointer a, gconstpointer b, gpointer unused)
{
  (void)unused;
  const ArchiveIndexEntry *x = a, *y = b;
  int ky[3], kx[3];
  gboolean dx = parse_date(x->article->date, &kx[0], &kx[1], &kx[2]);
  gboolean dy = parse_date(y->article->date, &ky[0], &ky[1], &ky[2]);
  if (dx != dy)
    return dx ? -1 : 1;
  for (int i = 0; dx && i < 3; i++)
    if (kx[i] != ky[i])
      return kx[i] < ky[i] ? -1 : 1;
  int c = strcmp(x->article->headline, y->article->headline);
  return c ? c : strcmp(x->file, y->file);
}

static PdfNav *index_nav(const Setter *s)
{
  int pages = display_list_page_count(s->list);
  PdfNav *nav = pdfnav_new(pages);
  int page_entry = -1, next_page = 0;
  for (guint i = 0; i <= s->placed->len; i++) {
    int page = i < s->placed->len ? g_array_index(s->placed, PlacedEntry, i).page : pages - 1;
    while (next_page <= page) {
      char *title = g_strdup_printf("Index, page %d", next_page + 1);
      page_entry = pdfnav_add_entry(nav, -1, title, next_page++, 0);
      g_free(title);
    }
    if (i == s->placed->len)
      break;
    const PlacedEntry *p = &g_array_index(s->placed, PlacedEntry, i);
    pdfnav_add_entry(nav, page_entry, p->headline, p->page, p->y);
    pdfnav_add_file_link(nav, p->page, p->x, p->y, p->width, p->height, p->file);
  }
  return nav;
}

DisplayList *archive_index_compose(const Layout *layout, Fonts *fonts,
                                   const ArchiveIndexEntry *entries, unsigned count,
                                   const char *title, PdfNav **nav)
{
  Setter s = { layout, typesetter_new(fonts_font_map(fonts), layout),
               display_list_new(layout->page_width, layout->page_height), title, -1, 0, 0, 0,
               layout->page_height - layout->margin_bottom,
               g_array_new(FALSE, FALSE, sizeof(PlacedEntry)) };
  int pages = 0;
  for (unsigned i = 0; i < count; i++)
    pages += entries[i].pages;
  ArchiveIndexEntry *sorted = g_memdup2(entries, sizeof *entries * MAX(count, 1));
  g_qsort_with_data(sorted, (gint)count, sizeof *sorted, by_date, NULL);
  entries = sorted;
  new_page(&s);
  place_title(&s, count, pages);
  char *month = NULL;
  for (unsigned i = 0; i < count; i++) {
    char *heading = month_heading(entries[i].article);
    gboolean changed = g_strcmp0(heading, month) != 0;
    place_entry(&s, &entries[i], (int)i, changed ? heading : NULL);
    g_free(month);
    month = heading;
  }
  g_free(month);
  g_free(sorted);
  place_folio(&s);
  display_list_set_metadata(s.list, title, NULL);
  *nav = index_nav(&s);
  g_array_free(s.placed, TRUE);
  typesetter_free(s.ts);
  return s.list;
}
