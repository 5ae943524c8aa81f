/* test_compose.c — composition checked on the display list, no PDF:
 * every line inside its column and the live area, no two lines overlapping,
 * body baselines on one grid, every character of the body placed once,
 * balanced columns, long words broken inside the column, and the same input
 * giving the same boxes. Fonts come from the repository's fonts/ folder. */
#include "article.h"
#include "check.h"
#include "compose.h"
#include "fonts.h"
#include "layout.h"
#include "typeset.h"

#include <limits.h>

#define TOLERANCE (PANGO_SCALE / 2)

static Fonts *test_fonts(void)
{
  static Fonts *fonts;
  if (!fonts) {
    GError *error = NULL;
    fonts = fonts_new("fonts", &error);
    if (!fonts)
      fprintf(stderr, "  %s\n", error->message);
    g_clear_error(&error);
  }
  if (!fonts)   /* a test without fonts proves nothing: it fails */
    check_failures_in_test++;
  return fonts;
}

static Layout *test_layout(const char *name)
{
  char *path = g_strdup_printf("layouts/%s.yaml", name);
  GError *error = NULL;
  Layout *layout = layout_read_file(path, &error);
  g_clear_error(&error);
  g_free(path);
  return layout;
}

static Article *parse(const char *text)
{
  GError *error = NULL;
  Article *article = article_read_buffer("test.md", text, strlen(text), &error);
  if (!article)
    fprintf(stderr, "  %s\n", error->message);
  g_clear_error(&error);
  return article;
}

static DisplayList *compose_on_threads(const Layout *layout, GPtrArray *articles, unsigned threads)
{
  DiagLog *log = diag_log_new();
  DisplayList *list = compose_continuous(layout, test_fonts(), (Article *const *)articles->pdata,
                                         articles->len, threads, log);
  diag_log_free(log);
  return list;
}

static DisplayList *compose(const Layout *layout, GPtrArray *articles)
{
  return compose_on_threads(layout, articles, 1);
}

static GPtrArray *read_samples(void)
{
  GPtrArray *articles = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
  GDir *dir = g_dir_open("samples/oligo-news", 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
  const char *name;
  while (dir && (name = g_dir_read_name(dir)))
    if (g_str_has_suffix(name, ".md"))
      g_ptr_array_add(names, g_build_filename("samples/oligo-news", name, NULL));
  if (dir)
    g_dir_close(dir);
  g_ptr_array_sort(names, (GCompareFunc)g_strcmp0);
  for (unsigned i = 0; i < names->len; i++) {
    Article *a = article_read_file(g_ptr_array_index(names, i), NULL);
    if (a)
      g_ptr_array_add(articles, a);
  }
  g_ptr_array_free(names, TRUE);
  return articles;
}

/* A long article made of numbered paragraphs of plain words. */
static char *long_article(int paragraphs)
{
  GString *text = g_string_new("---\nheadline: A long story of many plain paragraphs\nbyline: Tess Ter\n---\n\n");
  for (int p = 0; p < paragraphs; p++) {
    g_string_append_printf(text, "Paragraph %d begins here and carries on with ordinary words about "
                                 "the council, the harbour and the weather, so that it fills several "
                                 "lines of a narrow newspaper column before it stops.\n\n", p + 1);
  }
  return g_string_free(text, FALSE);
}

/* ---- invariants ---------------------------------------------------------------- */

/* Margin protrusion lets a line-end hyphen or punctuation mark hang into
 * the gutter by at most 70 % of its width: under 0.3 em. */
static int hang_allowed(const Layout *layout, const Box *box)
{
  char *text = display_list_box_text(box);
  const char *end = text + strlen(text);
  gunichar last = end > text ? g_utf8_get_char(g_utf8_prev_char(end)) : 0;
  bool hangs = last && (strchr("-.,;:!?\"'", (int)last) != NULL || last == 0x2019 ||
                        last == 0x201D);
  g_free(text);
  return hangs ? layout->styles[STYLE_BODY].size * 3 / 10 : 0;
}

/* ... and an opening quote or bracket into the gutter on the left. */
static int left_hang_allowed(const Layout *layout, const Box *box)
{
  char *text = display_list_box_text(box);
  gunichar first = g_utf8_get_char(text);
  g_free(text);
  bool hangs = first && (strchr("\"'([", (int)first) != NULL || first == 0x201C || first == 0x2018 ||
                         first == 0x201E || first == 0xAB);
  return hangs ? layout->styles[STYLE_BODY].size * 3 / 10 : 0;
}

static bool inside_some_column(const Layout *layout, const Box *box)
{
  int hang = hang_allowed(layout, box), left_hang = left_hang_allowed(layout, box);
  for (int c = 0; c < layout->columns; c++) {
    int left = layout_column_x(layout, c), right = left + layout_column_width(layout);
    if (box->x >= left - left_hang - TOLERANCE && box->x + box->width <= right + hang + TOLERANCE)
      return true;
  }
  return false;
}

static void check_inside(const Layout *layout, const DisplayList *list)
{
  int live_right = layout->page_width - layout->margin_right;
  int live_bottom = layout->page_height - layout->margin_bottom;
  for (unsigned i = 0; i < display_list_box_count(list); i++) {
    const Box *box = display_list_box(list, i);
    if (box->kind != BOX_TEXT)
      continue;
    CHECK(box->x >= layout->margin_left - left_hang_allowed(layout, box) - TOLERANCE);
    CHECK(box->x + box->width <= live_right + hang_allowed(layout, box) + TOLERANCE);
    CHECK(box->y - box->height / 2 >= layout->margin_top);
    CHECK(box->y <= live_bottom);
    if (box->style == STYLE_BODY && !inside_some_column(layout, box)) {
      char *text = display_list_box_text(box);
      fprintf(stderr, "  line outside its column: \"%s\"\n", text);
      g_free(text);
      CHECK(false);
    }
  }
}

static int font_size(const Box *box)
{
  return pango_font_description_get_size(pango_layout_get_font_description(box->layout));
}

/* Nominal glyph boxes (from 0.75 em above the baseline to 0.2 em below it,
 * as pdfquality draws them) of two text boxes on one page must not meet. */
/* A drop cap is a capital: nothing of it reaches below its baseline. */
static int box_descent(const Box *box)
{
  return box->style == STYLE_DROPCAP ? 0 : font_size(box) / 5;
}

static bool boxes_overlap(const Box *a, const Box *b)
{
  int a_top = a->y - font_size(a) * 3 / 4, a_bottom = a->y + box_descent(a);
  int b_top = b->y - font_size(b) * 3 / 4, b_bottom = b->y + box_descent(b);
  return a->page == b->page && a->x < b->x + b->width - TOLERANCE && b->x < a->x + a->width - TOLERANCE &&
         a_top < b_bottom && b_top < a_bottom;
}

static void check_no_overlaps(const DisplayList *list)
{
  unsigned n = display_list_box_count(list), overlaps = 0;
  for (unsigned i = 0; i < n; i++) {
    const Box *a = display_list_box(list, i);
    if (a->kind != BOX_TEXT)
      continue;
    for (unsigned j = i + 1; j < n; j++) {
      const Box *b = display_list_box(list, j);
      if (b->kind == BOX_TEXT && boxes_overlap(a, b) && overlaps++ < 3) {
        char *ta = display_list_box_text(a), *tb = display_list_box_text(b);
        fprintf(stderr, "  overlap: \"%s\" / \"%s\"\n", ta, tb);
        g_free(ta);
        g_free(tb);
      }
    }
  }
  CHECK_INT(overlaps, 0);
}

/* Body lines, and the crossheads, quotes, lists and tables among them,
 * all sit on one baseline grid. */
static void check_body_on_grid(const Layout *layout, const DisplayList *list)
{
  int phase = -1;
  for (unsigned i = 0; i < display_list_box_count(list); i++) {
    const Box *box = display_list_box(list, i);
    if (box->kind != BOX_TEXT ||
        (box->style != STYLE_BODY && box->style != STYLE_CROSSHEAD && box->style != STYLE_QUOTE &&
         box->style != STYLE_LIST && box->style != STYLE_TABLE))
      continue;
    int offset = box->y % layout->baseline;
    if (phase < 0)
      phase = offset;
    CHECK_INT(offset, phase);
  }
  CHECK(phase >= 0);
}

/* The body's characters, without spaces, the break marks galley adds and
 * hyphens (galley adds one at each hyphenated line end). */
static void append_visible(GString *out, const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (!g_unichar_isspace(c) && c != 0xAD && c != 0x200B && c != 0x2028 && c != '-')
      g_string_append_unichar(out, c);
  }
}

static void check_every_character_placed(const Article *article, const DisplayList *list, int story)
{
  GString *source = g_string_new(NULL), *placed = g_string_new(NULL);
  if (article->dateline) {   /* printed run-in, in capitals, before the first paragraph */
    char *upper = g_utf8_strup(article->dateline, -1);
    append_visible(source, upper);
    append_visible(source, "—");
    g_free(upper);
  }
  for (unsigned i = 0; i < article->blocks->len; i++) {
    const Block *block = g_ptr_array_index(article->blocks, i);
    if (block->kind == BLOCK_PARAGRAPH)
      append_visible(source, block->content.text->str);
  }
  for (unsigned i = 0; i < display_list_box_count(list); i++) {
    const Box *box = display_list_box(list, i);
    if (box->kind == BOX_TEXT && box->story == story && box->style == STYLE_BODY) {
      char *text = display_list_box_text(box);
      append_visible(placed, text);
      g_free(text);
    }
  }
  CHECK_INT(placed->len, source->len);
  CHECK(strcmp(placed->str, source->str) == 0);
  g_string_free(source, TRUE);
  g_string_free(placed, TRUE);
}

TEST(samples_keep_every_invariant)
{
  const char *layouts[] = { "tabloid", "broadsheet", "berliner", "newsletter-a4", "newsletter-letter" };
  GPtrArray *articles = read_samples();
  CHECK(articles->len >= 3);
  for (size_t l = 0; l < G_N_ELEMENTS(layouts); l++) {
    Layout *layout = test_layout(layouts[l]);
    CHECK(layout != NULL);
    if (!layout || !test_fonts())
      continue;
    DisplayList *list = compose(layout, articles);
    check_inside(layout, list);
    check_no_overlaps(list);
    check_body_on_grid(layout, list);
    for (unsigned i = 0; i < articles->len; i++)
      check_every_character_placed(g_ptr_array_index(articles, i), list, (int)i);
    display_list_free(list);
    layout_free(layout);
  }
  g_ptr_array_free(articles, TRUE);
}

TEST(long_story_flows_over_pages_and_keeps_its_text)
{
  Layout *layout = test_layout("newsletter-a4");
  char *text = long_article(90);
  Article *article = parse(text);
  CHECK(layout && article);
  if (layout && article && test_fonts()) {
    GPtrArray *articles = g_ptr_array_new();
    g_ptr_array_add(articles, article);
    DisplayList *list = compose(layout, articles);
    CHECK(display_list_page_count(list) >= 3);
    check_inside(layout, list);
    check_no_overlaps(list);
    check_every_character_placed(article, list, 0);
    display_list_free(list);
    g_ptr_array_free(articles, TRUE);
  }
  article_free(article);
  layout_free(layout);
  g_free(text);
}

/* The last body baseline of each column of a one-page story. */
static void column_bottoms(const Layout *layout, const DisplayList *list, int *bottoms)
{
  for (int c = 0; c < layout->columns; c++)
    bottoms[c] = -1;
  for (unsigned i = 0; i < display_list_box_count(list); i++) {
    const Box *box = display_list_box(list, i);
    if (box->kind != BOX_TEXT || box->style != STYLE_BODY)
      continue;
    for (int c = 0; c < layout->columns; c++)
      if (box->x >= layout_column_x(layout, c) - TOLERANCE &&
          box->x < layout_column_x(layout, c) + layout_column_width(layout))
        bottoms[c] = MAX(bottoms[c], box->y);
  }
}

/* Feet within one row; two when that is the only way to avoid a widow or
 * an orphan (flow.c, balance_segment). */
TEST(finished_story_columns_end_together)
{
  Layout *layout = test_layout("tabloid");
  for (int paragraphs = 3; paragraphs <= 12 && layout && test_fonts(); paragraphs += 3) {
    char *text = long_article(paragraphs);
    Article *article = parse(text);
    GPtrArray *articles = g_ptr_array_new();
    g_ptr_array_add(articles, article);
    DisplayList *list = compose(layout, articles);
    CHECK_INT(display_list_page_count(list), 1);
    int bottoms[24], low = G_MAXINT, high = 0;
    column_bottoms(layout, list, bottoms);
    for (int c = 0; c < layout->columns; c++) {
      CHECK(bottoms[c] > 0);
      low = MIN(low, bottoms[c]);
      high = MAX(high, bottoms[c]);
    }
    if (high - low > 2 * layout->baseline) {
      fprintf(stderr, "  %d paragraphs: column bottoms", paragraphs);
      for (int c = 0; c < layout->columns; c++)
        fprintf(stderr, " %.1f", bottoms[c] / (double)PANGO_SCALE);
      fprintf(stderr, "\n");
    }
    CHECK(high - low <= 2 * layout->baseline);
    display_list_free(list);
    g_ptr_array_free(articles, TRUE);
    article_free(article);
    g_free(text);
  }
  layout_free(layout);
}

TEST(word_wider_than_column_is_broken_inside_it)
{
  GString *text = g_string_new("---\nheadline: Long word\n---\n\nStart ");
  for (int i = 0; i < 300; i++)
    g_string_append_c(text, "abcdefghij"[i % 10]);
  g_string_append(text, " end.\n");
  Layout *layout = test_layout("tabloid");
  Article *article = parse(text->str);
  if (layout && article && test_fonts()) {
    GPtrArray *articles = g_ptr_array_new();
    g_ptr_array_add(articles, article);
    DisplayList *list = compose(layout, articles);
    check_inside(layout, list);
    check_every_character_placed(article, list, 0);
    display_list_free(list);
    g_ptr_array_free(articles, TRUE);
  }
  article_free(article);
  layout_free(layout);
  g_string_free(text, TRUE);
}

TEST(same_input_gives_same_boxes)
{
  Layout *layout = test_layout("tabloid");
  GPtrArray *articles = read_samples();
  if (layout && test_fonts()) {
    DisplayList *first = compose(layout, articles), *second = compose(layout, articles);
    char *a = display_list_to_json(first), *b = display_list_to_json(second);
    CHECK(strcmp(a, b) == 0);
    g_free(a);
    g_free(b);
    display_list_free(first);
    display_list_free(second);
  }
  g_ptr_array_free(articles, TRUE);
  layout_free(layout);
}

/* Stories are set on worker threads ahead of the flow (storypool.h): the
 * boxes, their text and their order must not depend on how many. */
TEST(threads_give_the_same_boxes)
{
  Layout *layout = test_layout("tabloid");
  GPtrArray *articles = read_samples();
  GPtrArray *run = g_ptr_array_new();   /* borrowed: the samples twice, more stories than threads */
  for (unsigned i = 0; i < 2 * articles->len; i++)
    g_ptr_array_add(run, g_ptr_array_index(articles, i % articles->len));
  if (layout && test_fonts() && run->len > 4) {
    DisplayList *one = compose_on_threads(layout, run, 1);
    char *expected = display_list_to_json(one);
    CHECK(display_list_page_count(one) > 1);
    for (unsigned threads = 2; threads <= 4; threads += 2) {
      DisplayList *list = compose_on_threads(layout, run, threads);
      char *json = display_list_to_json(list);
      CHECK(strcmp(expected, json) == 0);
      g_free(json);
      display_list_free(list);
    }
    g_free(expected);
    display_list_free(one);
  } else {
    CHECK(!"the tabloid layout, fonts and the samples load");
  }
  g_ptr_array_free(run, TRUE);
  g_ptr_array_free(articles, TRUE);
  layout_free(layout);
}

TEST(more_text_never_means_fewer_pages)
{
  Layout *layout = test_layout("newsletter-letter");
  int previous = 0;
  for (int paragraphs = 5; paragraphs <= 80 && layout && test_fonts(); paragraphs += 15) {
    char *text = long_article(paragraphs);
    Article *article = parse(text);
    GPtrArray *articles = g_ptr_array_new();
    g_ptr_array_add(articles, article);
    DisplayList *list = compose(layout, articles);
    CHECK(display_list_page_count(list) >= previous);
    previous = display_list_page_count(list);
    display_list_free(list);
    g_ptr_array_free(articles, TRUE);
    article_free(article);
    g_free(text);
  }
  CHECK(previous >= 2);
  layout_free(layout);
}

/* Page and vertical position of each story's first headline line. */
static void headline_positions(const DisplayList *list, int stories, int *page, int *baseline)
{
  for (int i = 0; i < stories; i++)
    page[i] = -1;
  for (unsigned i = 0; i < display_list_box_count(list); i++) {
    const Box *box = display_list_box(list, i);
    if (box->kind == BOX_TEXT && box->style == STYLE_HEADLINE && box->story >= 0 &&
        box->story < stories && page[box->story] < 0) {
      page[box->story] = box->page;
      baseline[box->story] = box->y;
    }
  }
}

static char *story_text(const char *head, const char *extra, int paragraphs)
{
  GString *text = g_string_new(NULL);
  g_string_append_printf(text, "---\nheadline: %s\n%s---\n\n", head, extra);
  for (int p = 0; p < paragraphs; p++)
    g_string_append(text, "Paragraph begins here and carries on with ordinary words about the "
                          "council, the harbour and the weather, so that it fills several lines "
                          "of a narrow newspaper column before it stops.\n\n");
  return g_string_free(text, FALSE);
}

TEST(priority_leads_then_given_order)
{
  Layout *layout = test_layout("tabloid");
  GPtrArray *articles = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
  const char *extras[] = { "", "priority: 2\n", "priority: 1\n" };
  for (int i = 0; i < 3; i++) {
    char *text = story_text("A story", extras[i], 2);
    g_ptr_array_add(articles, parse(text));
    g_free(text);
  }
  if (layout && test_fonts()) {
    DisplayList *list = compose(layout, articles);
    int page[3], baseline[3];
    headline_positions(list, 3, page, baseline);
    CHECK(page[0] == 0 && page[1] == 0 && page[2] == 0);
    CHECK(baseline[2] < baseline[1]);   /* priority 1 leads */
    CHECK(baseline[1] < baseline[0]);   /* then 2, then the unprioritised */
    display_list_free(list);
  }
  g_ptr_array_free(articles, TRUE);
  layout_free(layout);
}

/* A story whose photo does not fit in the space left waits; a later story
 * that fits fills the space, and the waiting one opens the next page. */
TEST(hole_at_page_foot_is_filled_by_a_later_story)
{
  Layout *layout = test_layout("newsletter-letter");
  GPtrArray *articles = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
  char *texts[] = { story_text("The first story fills most of the page", "", 14),
                    story_text("The second story has a big photo", "image: nowhere.png\n", 3),
                    story_text("A short third story", "", 2) };
  for (int i = 0; i < 3; i++) {
    g_ptr_array_add(articles, parse(texts[i]));
    g_free(texts[i]);
  }
  if (layout && test_fonts()) {
    DisplayList *list = compose(layout, articles);
    int page[3], baseline[3];
    headline_positions(list, 3, page, baseline);
    CHECK_INT(page[0], 0);
    CHECK_INT(page[2], 0);
    CHECK_INT(page[1], 1);
    CHECK(baseline[2] > baseline[0]);
    display_list_free(list);
  }
  g_ptr_array_free(articles, TRUE);
  layout_free(layout);
}

/* A story longer than a page still opens the run: no later story is
 * looked for before the first page holds anything. */
TEST(long_first_story_leads_the_first_page)
{
  Layout *layout = test_layout("newsletter-letter");
  GPtrArray *articles = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
  char *texts[] = { story_text("A story longer than a page", "", 40),
                    story_text("A short second story", "", 1) };
  for (int i = 0; i < 2; i++) {
    g_ptr_array_add(articles, parse(texts[i]));
    g_free(texts[i]);
  }
  if (layout && test_fonts()) {
    DisplayList *list = compose_on_threads(layout, articles, 2);
    int page[2], baseline[2];
    headline_positions(list, 2, page, baseline);
    CHECK_INT(page[0], 0);
    CHECK(page[1] > 0);
    display_list_free(list);
  }
  g_ptr_array_free(articles, TRUE);
  layout_free(layout);
}

/* What a run will hyphenate: each article's language, else its styles'. */
TEST(languages_are_the_articles_else_the_styles)
{
  Layout *layout = test_layout("tabloid");   /* body: language en */
  const char *texts[] = { "---\nheadline: A\nlanguage: de\n---\n\nText.\n",
                          "---\nheadline: B\n---\n\nText.\n",
                          "---\nheadline: C\nlanguage: de\n---\n\nText.\n",
                          "---\nheadline: D\nlanguage: fr\n---\n\nText.\n" };
  Article *articles[4];
  for (int i = 0; i < 4; i++)
    articles[i] = parse(texts[i]);
  if (layout && articles[0] && articles[1] && articles[2] && articles[3]) {
    char **languages = compose_languages(layout, articles, 4);
    char *joined = g_strjoinv(" ", languages);
    CHECK_STR(joined, "de en fr");
    g_free(joined);
    g_strfreev(languages);
  }
  for (int i = 0; i < 4; i++)
    article_free(articles[i]);
  layout_free(layout);
}

/* A photo that cannot be read is a fault, not a warning: the command makes
 * it an error (nothing written) or, with --placeholder-images, a warning.
 * Composition places a placeholder either way and names the article's line
 * and the photo once, however often the same fault recurs. */
TEST(unreadable_photo_is_a_fault_with_a_placeholder)
{
  Layout *layout = test_layout("tabloid");
  GPtrArray *articles = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
  char *text = story_text("A story waiting for its photo", "image: nowhere.png\n", 3);
  g_ptr_array_add(articles, parse(text));
  g_ptr_array_add(articles, parse(text));   /* the same fault twice */
  g_free(text);
  if (layout && test_fonts()) {
    DiagLog *log = diag_log_new();
    /* two threads: each story's faults come back from its thread's log */
    DisplayList *list = compose_continuous(layout, test_fonts(), (Article *const *)articles->pdata,
                                           articles->len, 2, log);
    CHECK_INT(diag_log_fault_count(log), 1);
    if (diag_log_fault_count(log) == 1)
      CHECK(g_str_has_prefix(diag_log_fault(log, 0), "test.md:3: photo ") &&
            strstr(diag_log_fault(log, 0), "nowhere.png: image not found"));
    for (unsigned i = 0; i < diag_log_count(log); i++)
      CHECK(!strstr(diag_log_message(log, i), "nowhere.png"));
    int placeholders = 0;
    for (unsigned i = 0; i < display_list_box_count(list); i++)
      placeholders += display_list_box(list, i)->kind == BOX_PLACEHOLDER;
    CHECK_INT(placeholders, 2);
    display_list_free(list);
    diag_log_free(log);
  }
  g_ptr_array_free(articles, TRUE);
  layout_free(layout);
}

TEST(unknown_font_family_names_the_package)
{
  const char *text = "styles:\n  deck: {font: TeX Gyre Nonesuch, size: 20pt}\n";
  Layout *layout = layout_read_buffer("page.yaml", text, strlen(text), NULL);
  GError *error = NULL;
  CHECK(layout && test_fonts());
  if (layout && test_fonts()) {
    CHECK(!compose_check_fonts(layout, test_fonts(), &error));
    CHECK_STR(error ? error->message : NULL,
              "page.yaml:2: style 'deck' uses font family 'TeX Gyre Nonesuch', which is not "
              "installed; install the Debian package fonts-texgyre");
  }
  g_clear_error(&error);
  layout_free(layout);
}

static char *article_with(const char *front_matter, int paragraphs)
{
  GString *text = g_string_new("---\nheadline: A story set with extras\n");
  g_string_append_printf(text, "%s\n---\n\n", front_matter);
  for (int p = 0; p < paragraphs; p++)
    g_string_append_printf(text, "The council met again on Tuesday %d and spoke at length about the "
                                 "harbour, the weather and the bridge, so that the paragraph fills "
                                 "several lines of a narrow newspaper column.\n\n", p + 1);
  return g_string_free(text, FALSE);
}

static GArray *boxes_of_style(const DisplayList *list, StyleId style)
{
  GArray *found = g_array_new(FALSE, FALSE, sizeof(const Box *));
  for (unsigned i = 0; i < display_list_box_count(list); i++) {
    const Box *box = display_list_box(list, i);
    if (box->kind == BOX_TEXT && box->style == style)
      g_array_append_val(found, box);
  }
  return found;
}

TEST(drop_cap_spans_its_lines_and_reads_as_its_word)
{
  Layout *layout = test_layout("tabloid");
  char *text = article_with("dropcap: 3", 6);
  Article *article = parse(text);
  CHECK(layout && article && test_fonts());
  if (layout && article && test_fonts()) {
    GPtrArray *articles = g_ptr_array_new();
    g_ptr_array_add(articles, article);
    DisplayList *list = compose(layout, articles);
    GArray *caps = boxes_of_style(list, STYLE_DROPCAP), *body = boxes_of_style(list, STYLE_BODY);
    CHECK_INT(caps->len, 1);
    if (caps->len == 1 && body->len > 4) {
      const Box *cap = g_array_index(caps, const Box *, 0);
      const Box *lines[4];
      for (int i = 0; i < 4; i++)
        lines[i] = g_array_index(body, const Box *, i);
      CHECK_STR(typeset_actual_text(cap->layout), "The");
      char *first = display_list_box_text(lines[0]);
      CHECK(g_str_has_prefix(first, "he council"));
      g_free(first);
      CHECK_INT(typeset_silent_prefix(lines[0]->layout), 2);
      CHECK_INT(cap->y, lines[2]->y);   /* its foot on the third line's baseline */
      for (int i = 0; i < 3; i++)
        CHECK(lines[i]->x >= cap->x + cap->width);
      CHECK(lines[3]->x < cap->x + cap->width);   /* the fourth line runs full width */
      CHECK(cap->height > 2 * layout->baseline);
    }
    check_no_overlaps(list);
    check_body_on_grid(layout, list);
    g_array_unref(caps);
    g_array_unref(body);
    display_list_free(list);
    g_ptr_array_free(articles, TRUE);
  }
  article_free(article);
  g_free(text);
  layout_free(layout);
}

TEST(pull_quote_sits_in_two_columns_between_rules_with_text_around)
{
  Layout *layout = test_layout("tabloid");
  char *text = article_with("pullquote: 'We spoke at length about the harbour'", 14);
  Article *article = parse(text);
  CHECK(layout && article && test_fonts());
  if (layout && article && test_fonts()) {
    GPtrArray *articles = g_ptr_array_new();
    g_ptr_array_add(articles, article);
    DisplayList *list = compose(layout, articles);
    GArray *quote = boxes_of_style(list, STYLE_PULLQUOTE);
    CHECK(quote->len >= 1);
    int left = layout_column_x(layout, 1), right = layout_column_x(layout, 2) + layout_column_width(layout);
    int top = G_MAXINT, bottom = 0, rules = 0, above = 0, below = 0;
    for (unsigned i = 0; i < quote->len; i++) {
      const Box *box = g_array_index(quote, const Box *, i);
      CHECK(box->x >= left && box->x + box->width <= right);
      top = MIN(top, box->y - box->height);
      bottom = MAX(bottom, box->y);
    }
    for (unsigned i = 0; i < display_list_box_count(list); i++) {
      const Box *box = display_list_box(list, i);
      if (box->kind == BOX_RULE && box->height == 0 && box->x == left && box->x + box->width == right &&
          (box->y < top || box->y > bottom))
        rules++;
      if (box->kind == BOX_TEXT && box->style == STYLE_BODY && box->x >= left && box->x < right) {
        above += box->y < top;
        below += box->y > bottom;
        CHECK(box->y < top || box->y - box->height > bottom);   /* nothing runs through it */
      }
    }
    CHECK_INT(rules, 2);
    CHECK(above >= 2 * 3 && below >= 2 * 2);   /* text above and below it in both columns */
    check_no_overlaps(list);
    check_every_character_placed(article, list, 0);
    g_array_unref(quote);
    display_list_free(list);
    g_ptr_array_free(articles, TRUE);
  }
  article_free(article);
  g_free(text);
  layout_free(layout);
}

RUN_TESTS("compose",
  T(drop_cap_spans_its_lines_and_reads_as_its_word),
  T(pull_quote_sits_in_two_columns_between_rules_with_text_around),
  T(samples_keep_every_invariant), T(long_story_flows_over_pages_and_keeps_its_text),
  T(finished_story_columns_end_together), T(word_wider_than_column_is_broken_inside_it),
  T(same_input_gives_same_boxes), T(threads_give_the_same_boxes), T(more_text_never_means_fewer_pages),
  T(priority_leads_then_given_order), T(hole_at_page_foot_is_filled_by_a_later_story),
  T(unreadable_photo_is_a_fault_with_a_placeholder), T(unknown_font_family_names_the_package),
  T(long_first_story_leads_the_first_page), T(languages_are_the_articles_else_the_styles))
