/* fuzz_pipeline.c — an article all the way to a display list: reader,
 * typesetting, line breaking, flow and the JSON dump; no PDF is drawn.
 *
 * The input's length picks one of the shipped layouts. Checked: every box
 * is on a page and inside it, the dump is written, and no text is lost:
 * the body lines hold every character of the dateline and the paragraphs,
 * in order (as tests/unit/test_compose.c checks for the samples), and the
 * lines of crossheads, quotes, lists, code and tables hold every character
 * of those blocks, markers included (compared as sorted characters: a
 * table's cells are placed side by side). */
#include <string.h>

#include "article.h"
#include "compose.h"
#include "fonts.h"
#include "fuzz.h"
#include "layout.h"

static const char *const layout_paths[] = {
  "layouts/newsletter-a4.yaml", "layouts/tabloid.yaml", "layouts/broadsheet.yaml",
  "layouts/berliner.yaml", "layouts/newsletter-letter.yaml",
};
#define LAYOUT_COUNT (sizeof layout_paths / sizeof layout_paths[0])

static Fonts *fonts;
static Layout *layouts[LAYOUT_COUNT];

/* Sets a word in each language with a hyphenation dictionary once, so that
 * loading the dictionaries (seconds under ASan) is not charged to the first
 * input that names the language, as a timeout. */
static void warm_up(void)
{
  static const char *const languages[] = { "en", "de", "fr", "es" };
  for (unsigned i = 0; i < G_N_ELEMENTS(languages); i++) {
    char *text = g_strdup_printf("---\nheadline: H\nlanguage: %s\n---\n\nInternationalisation.\n",
                                 languages[i]);
    Article *article = article_read_buffer("warm-up.md", text, strlen(text), NULL);
    DiagLog *log = diag_log_new();
    if (article)
      display_list_free(compose_continuous(layouts[0], fonts, &article, 1, 1, log));
    diag_log_free(log);
    article_free(article);
    g_free(text);
  }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc;
  (void)argv;
  GError *error = NULL;
  fonts = fonts_new("fonts", &error);
  for (unsigned i = 0; fonts && i < LAYOUT_COUNT; i++)
    if (!(layouts[i] = layout_read_file(layout_paths[i], &error)))
      break;
  if (error) {
    fprintf(stderr, "fuzz_pipeline: run from the repository's root: %s\n", error->message);
    exit(1);
  }
  warm_up();
  return 0;
}

static void check_boxes(const DisplayList *list)
{
  int width = display_list_page_width(list), height = display_list_page_height(list);
  int pages = display_list_page_count(list);
  FUZZ_ASSERT(pages >= 1, "a story set on no page");
  for (unsigned i = 0; i < display_list_box_count(list); i++) {
    const Box *box = display_list_box(list, i);
    FUZZ_ASSERT(box->page >= 0 && box->page < pages, "a box on a page that does not exist");
    FUZZ_ASSERT(box->x >= -PANGO_SCALE && box->x <= width && box->y <= height + PANGO_SCALE,
                "a box outside the page");
  }
  char *json = display_list_to_json(list);
  FUZZ_ASSERT(json && json[0] == '{', "the display list dump is not JSON");
  g_free(json);
}

/* Characters that are printed, without spaces, the break marks galley adds
 * and hyphens (galley adds one at each hyphenated line end). */
static void append_visible(GString *out, const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (!g_unichar_isspace(c) && c != 0xAD && c != 0x200B && c != 0x2028 && c != '-')
      g_string_append_unichar(out, c);
  }
}

static void check_body_text_kept(const Article *article, const DisplayList *list)
{
  GString *source = g_string_new(NULL), *placed = g_string_new(NULL);
  if (article->dateline) {   /* run in, in capitals, before the first paragraph */
    char *upper = g_utf8_strup(article->dateline, -1);
    append_visible(source, upper);
    append_visible(source, "\xe2\x80\x94");
    g_free(upper);
  }
  for (unsigned i = 0; i < article->blocks->len; i++) {
    const Block *block = g_ptr_array_index(article->blocks, i);
    if (block->kind == BLOCK_PARAGRAPH)
      append_visible(source, block->content.text->str);
  }
  for (unsigned i = 0; i < display_list_box_count(list); i++) {
    const Box *box = display_list_box(list, i);
    if (box->kind == BOX_TEXT && box->story == 0 && box->style == STYLE_BODY) {
      char *text = display_list_box_text(box);
      append_visible(placed, text);
      g_free(text);
    }
  }
  if (strcmp(placed->str, source->str) != 0)
    fprintf(stderr, "fuzz: body text\n  expected: %s\n  placed:   %s\n", source->str, placed->str);
  FUZZ_ASSERT(strcmp(placed->str, source->str) == 0, "body text lost, added or reordered");
  g_string_free(source, TRUE);
  g_string_free(placed, TRUE);
}

static gint compare_unichars(gconstpointer a, gconstpointer b)
{
  gunichar x = *(const gunichar *)a, y = *(const gunichar *)b;
  return x < y ? -1 : x > y;
}

/* The visible characters of text, sorted, as a string. */
static char *sorted_visible(const char *text)
{
  GString *visible = g_string_new(NULL);
  append_visible(visible, text);
  glong count = 0;
  gunichar *chars = g_utf8_to_ucs4_fast(visible->str, -1, &count);
  qsort(chars, (size_t)count, sizeof *chars, compare_unichars);
  char *sorted = g_ucs4_to_utf8(chars, count, NULL, NULL, NULL);
  g_free(chars);
  g_string_free(visible, TRUE);
  return sorted;
}

static void append_block_text(GString *out, const Block *block)
{
  if (block->marker)
    g_string_append(out, block->marker);
  if (block->kind != BLOCK_TABLE) {
    g_string_append(out, block->content.text->str);
    return;
  }
  for (unsigned c = 0; c < block->table_cells->len; c++)
    g_string_append(out, ((const RichText *)g_ptr_array_index(block->table_cells, c))->text->str);
}

static void check_other_blocks_kept(const Article *article, const DisplayList *list)
{
  GString *source = g_string_new(NULL), *placed = g_string_new(NULL);
  for (unsigned i = 0; i < article->blocks->len; i++) {
    const Block *block = g_ptr_array_index(article->blocks, i);
    if (block->kind != BLOCK_PARAGRAPH && block->kind != BLOCK_RULE)
      append_block_text(source, block);
  }
  for (unsigned i = 0; i < display_list_box_count(list); i++) {
    const Box *box = display_list_box(list, i);
    if (box->kind == BOX_TEXT && box->story == 0 &&
        (box->style == STYLE_CROSSHEAD || box->style == STYLE_QUOTE ||
         box->style == STYLE_LIST || box->style == STYLE_TABLE)) {
      char *text = display_list_box_text(box);
      g_string_append(placed, text);
      g_free(text);
    }
  }
  char *expected = sorted_visible(source->str), *got = sorted_visible(placed->str);
  if (strcmp(expected, got) != 0)
    fprintf(stderr, "fuzz: other blocks\n  expected: %s\n  placed:   %s\n", expected, got);
  FUZZ_ASSERT(strcmp(expected, got) == 0, "text of a crosshead, quote, list, code or table lost or added");
  g_free(expected);
  g_free(got);
  g_string_free(source, TRUE);
  g_string_free(placed, TRUE);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  GError *error = NULL;
  Article *article = article_read_buffer("fuzz/article.md", (const char *)data, size, &error);
  if (!article) {
    g_error_free(error);
    return 0;
  }
  DiagLog *log = diag_log_new();
  DisplayList *list = compose_continuous(layouts[size % LAYOUT_COUNT], fonts, &article, 1, 1, log);
  check_boxes(list);
  check_body_text_kept(article, list);
  check_other_blocks_kept(article, list);
  display_list_free(list);
  diag_log_free(log);
  article_free(article);
  return 0;
}
