/* test_archiveindex.c — an archive's index on the display list: oldest
 * first under month headings, undated last; a file link per entry over its
 * lines; lines inside the page's live area and never overlapping; more
 * entries than a page holds go on to further pages and columns. Fonts and
 * layout from the repository. */
#include "archiveindex.h"
#include "article.h"
#include "check.h"
#include "fonts.h"
#include "layout.h"

typedef struct {
  Fonts *fonts;
  Layout *layout;
  GPtrArray *articles;
  GArray *entries;    /* ArchiveIndexEntry */
  GPtrArray *files;
} Index;

/* count articles dated backwards from 2026-12 (every fifth undated). */
static bool index_open(Index *x, unsigned count)
{
  GError *error = NULL;
  x->fonts = fonts_new("fonts", &error);
  g_clear_error(&error);
  x->layout = layout_read_file("layouts/archive.yaml", &error);
  g_clear_error(&error);
  x->articles = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
  x->files = g_ptr_array_new_with_free_func(g_free);
  x->entries = g_array_new(FALSE, TRUE, sizeof(ArchiveIndexEntry));
  for (unsigned i = 0; i < count; i++) {
    char *text = g_strdup_printf("---\nheadline: Story number %u of the archive\nbyline: A. Writer\n"
                                 "%s\n---\n\nText.\n", i,
                                 i % 5 == 4 ? "" : "date: 2026-%02u-%02u");
    char *dated = g_strdup_printf(text, 12 - i % 12, 1 + i % 28);
    Article *article = article_read_buffer("story.md", dated, strlen(dated), &error);
    g_clear_error(&error);
    g_free(dated);
    g_free(text);
    if (!article)
      continue;
    g_ptr_array_add(x->articles, article);
    char *file = g_strdup_printf("story-%u.pdf", i);
    g_ptr_array_add(x->files, file);
    ArchiveIndexEntry entry = { article, file, 1 + (int)i % 3 };
    g_array_append_val(x->entries, entry);
  }
  if (!x->fonts || !x->layout || x->entries->len != count) {
    check_failures_in_test++;   /* without its inputs a test proves nothing */
    return false;
  }
  return true;
}

static void index_close(Index *x)
{
  g_array_free(x->entries, TRUE);
  g_ptr_array_free(x->files, TRUE);
  g_ptr_array_free(x->articles, TRUE);
  layout_free(x->layout);
  fonts_free(x->fonts);
}

static DisplayList *compose(Index *x, PdfNav **nav)
{
  return archive_index_compose(x->layout, x->fonts, (ArchiveIndexEntry *)x->entries->data,
                               x->entries->len, "Archive", nav);
}

/* The nested outline entries (one per article) in order, as "YYYY-MM-DD"
 * dates looked up by headline ("" for undated). */
static GPtrArray *outline_dates(const Index *x, const PdfNav *nav)
{
  GPtrArray *dates = g_ptr_array_new();
  for (unsigned i = 0; i < pdfnav_entry_count(nav); i++) {
    const PdfNavEntry *e = pdfnav_entry(nav, i);
    if (e->parent < 0)
      continue;
    for (guint k = 0; k < x->articles->len; k++) {
      const Article *a = g_ptr_array_index(x->articles, k);
      if (strcmp(a->headline, e->title) == 0)
        g_ptr_array_add(dates, a->date ? a->date : "");
    }
  }
  return dates;
}

TEST(entries_run_oldest_first_undated_last)
{
  Index x;
  if (!index_open(&x, 20))
    return;
  PdfNav *nav = NULL;
  DisplayList *list = compose(&x, &nav);
  GPtrArray *dates = outline_dates(&x, nav);
  CHECK_INT(dates->len, 20);
  for (guint i = 1; i < dates->len; i++) {
    const char *before = g_ptr_array_index(dates, i - 1), *after = g_ptr_array_index(dates, i);
    CHECK(*after == '\0' || (*before != '\0' && strcmp(before, after) <= 0));
  }
  CHECK(*(const char *)g_ptr_array_index(dates, dates->len - 1) == '\0');
  g_ptr_array_free(dates, TRUE);
  display_list_free(list);
  pdfnav_free(nav);
  index_close(&x);
}

TEST(every_entry_links_to_its_file_over_its_lines)
{
  Index x;
  if (!index_open(&x, 12))
    return;
  PdfNav *nav = NULL;
  DisplayList *list = compose(&x, &nav);
  CHECK_INT(pdfnav_link_count(nav), 12);
  GHashTable *files = g_hash_table_new(g_str_hash, g_str_equal);
  for (unsigned i = 0; i < pdfnav_link_count(nav); i++) {
    const PdfNavLink *link = pdfnav_link(nav, i);
    CHECK(link->file && !link->dest);
    if (!link->file)
      continue;
    g_hash_table_add(files, link->file);
    /* the entry's headline is drawn inside its link */
    bool covered = false;
    for (unsigned b = 0; b < display_list_box_count(list); b++) {
      const Box *box = display_list_box(list, b);
      double y = box->y / (double)PANGO_SCALE, x0 = box->x / (double)PANGO_SCALE;
      if (box->kind == BOX_TEXT && box->style == STYLE_CROSSHEAD && box->page == link->page &&
          y > link->y && y < link->y + link->height && x0 >= link->x - 0.01 &&
          x0 < link->x + link->width)
        covered = true;
    }
    CHECK(covered);
  }
  CHECK_INT(g_hash_table_size(files), 12);
  g_hash_table_destroy(files);
  display_list_free(list);
  pdfnav_free(nav);
  index_close(&x);
}

/* A line's capitals and descenders, as test_compose measures them. */
static int line_top(const Layout *l, const Box *box)
{
  return box->y - l->styles[box->style].size * 3 / 4;
}

static int line_bottom(const Layout *l, const Box *box)
{
  return box->y + l->styles[box->style].size / 4;
}

static bool overlap(const Layout *l, const Box *a, const Box *b)
{
  return a->page == b->page && a->x < b->x + b->width && b->x < a->x + a->width &&
         line_top(l, a) < line_bottom(l, b) && line_top(l, b) < line_bottom(l, a);
}

TEST(long_index_fills_columns_and_pages_inside_the_live_area)
{
  Index x;
  if (!index_open(&x, 120))
    return;
  PdfNav *nav = NULL;
  DisplayList *list = compose(&x, &nav);
  const Layout *l = x.layout;
  CHECK(display_list_page_count(list) >= 2);
  CHECK_INT(pdfnav_page_count(nav), display_list_page_count(list));
  bool second_column = false;
  unsigned n = display_list_box_count(list);
  for (unsigned i = 0; i < n; i++) {
    const Box *a = display_list_box(list, i);
    if (a->kind != BOX_TEXT)
      continue;
    CHECK(a->x >= l->margin_left && a->x + a->width <= l->page_width - l->margin_right + PANGO_SCALE);
    CHECK(line_top(l, a) >= l->margin_top && line_bottom(l, a) <= l->page_height - l->margin_bottom);
    second_column |= a->x >= layout_column_x(l, 1);
    for (unsigned k = i + 1; k < n; k++) {
      const Box *b = display_list_box(list, k);
      if (b->kind == BOX_TEXT && overlap(l, a, b)) {
        fprintf(stderr, "  overlap on page %d at y %d and %d\n", a->page, a->y, b->y);
        check_failures_in_test++;
      }
    }
  }
  CHECK(second_column);
  display_list_free(list);
  pdfnav_free(nav);
  index_close(&x);
}

RUN_TESTS("archiveindex",
  T(entries_run_oldest_first_undated_last), T(every_entry_links_to_its_file_over_its_lines),
  T(long_index_fills_columns_and_pages_inside_the_live_area))
