/* test_readers.c — the article and layout readers: what they read from
 * good input, and the exact message each kind of bad input gets. */
#include "article.h"
#include "check.h"
#include "layout.h"

static Article *read_article(const char *text, char **message)
{
  GError *error = NULL;
  Article *article = article_read_buffer("story.md", text, strlen(text), &error);
  if (message)
    *message = error ? g_strdup(error->message) : NULL;
  g_clear_error(&error);
  return article;
}

static char *article_error(const char *text)
{
  char *message = NULL;
  Article *article = read_article(text, &message);
  CHECK(article == NULL);
  article_free(article);
  return message;
}

static const Block *block(const Article *article, unsigned i)
{
  return i < article->blocks->len ? g_ptr_array_index(article->blocks, i) : NULL;
}

TEST(front_matter_fields_are_read)
{
  Article *a = read_article("---\nheadline: Without Missiles\ndeck: Iran rejects curbs\n"
                            "byline: Raju Saha\ndate: 2026-06-24\nsection: World\n"
                            "source: The Oligo News\ndateline: TEHRAN\nlanguage: en\n"
                            "image: images/x.png\ncaption: A parade.\ncredit: Agency\n"
                            "licence: CC BY\norigin: somewhere\n---\n\nBody.\n", NULL);
  CHECK(a != NULL);
  if (!a)
    return;
  CHECK_STR(a->headline, "Without Missiles");
  CHECK_STR(a->deck, "Iran rejects curbs");
  CHECK_STR(a->byline, "Raju Saha");
  CHECK_STR(a->date, "2026-06-24");
  CHECK_STR(a->section, "World");
  CHECK_STR(a->source, "The Oligo News");
  CHECK_STR(a->dateline, "TEHRAN");
  CHECK_STR(a->language, "en");
  CHECK_STR(a->image, "./images/x.png");
  CHECK_STR(a->caption, "A parade.");
  CHECK_STR(a->credit, "Agency");
  CHECK_INT(a->image_line, 10);
  CHECK_INT(a->blocks->len, 1);
  article_free(a);
}

TEST(byline_list_is_joined)
{
  Article *a = read_article("---\nheadline: H\nbyline: [Ann Lee, Bo Chan, Cy Diaz]\n---\nText\n", NULL);
  CHECK(a && a->byline);
  if (a)
    CHECK_STR(a->byline, "Ann Lee, Bo Chan and Cy Diaz");
  article_free(a);
}

TEST(body_blocks_have_kinds_and_lines)
{
  Article *a = read_article("---\nheadline: H\n---\n\nFirst *em* and **strong** and `code`.\n\n"
                            "## Crosshead\n\n### Smaller\n\n> Quoted words.\n\n- one\n- two\n\n"
                            "3. three\n4. four\n\n---\n\n```\ncode block\n```\n", NULL);
  CHECK(a != NULL);
  if (!a)
    return;
  CHECK_INT(a->blocks->len, 10);
  CHECK_INT(block(a, 0)->kind, BLOCK_PARAGRAPH);
  CHECK_INT(block(a, 0)->source_line, 5);
  CHECK_STR(block(a, 0)->content.text->str, "First em and strong and code.");
  CHECK_INT(block(a, 0)->content.runs->len, 3);
  const InlineRun *em = &g_array_index(block(a, 0)->content.runs, InlineRun, 0);
  CHECK_INT(em->start, 6);
  CHECK_INT(em->end, 8);
  CHECK_INT(em->flags, INLINE_EM);
  CHECK_INT(g_array_index(block(a, 0)->content.runs, InlineRun, 1).flags, INLINE_STRONG);
  CHECK_INT(g_array_index(block(a, 0)->content.runs, InlineRun, 2).flags, INLINE_CODE);
  CHECK_INT(block(a, 1)->kind, BLOCK_CROSSHEAD);
  CHECK_INT(block(a, 1)->level, 2);
  CHECK_INT(block(a, 1)->source_line, 7);
  CHECK_INT(block(a, 2)->level, 3);
  CHECK_INT(block(a, 3)->kind, BLOCK_QUOTE);
  CHECK_STR(block(a, 3)->content.text->str, "Quoted words.");
  CHECK_INT(block(a, 4)->kind, BLOCK_LIST_ITEM);
  CHECK_STR(block(a, 4)->marker, "•");
  CHECK_STR(block(a, 6)->marker, "3.");
  CHECK_STR(block(a, 7)->marker, "4.");
  CHECK_INT(block(a, 8)->kind, BLOCK_RULE);
  CHECK_INT(block(a, 9)->kind, BLOCK_CODE);
  article_free(a);
}

TEST(code_block_kept_verbatim)
{
  Article *a = read_article("---\nheadline: H\n---\n\n```\nline one\n  line two\n```\n", NULL);
  CHECK(a && a->blocks->len == 1);
  if (a && a->blocks->len == 1) {
    CHECK_INT(block(a, 0)->kind, BLOCK_CODE);
    CHECK_STR(block(a, 0)->content.text->str, "line one\n  line two");
  }
  article_free(a);
}

TEST(table_is_read_as_rows_of_cells)
{
  Article *a = read_article("---\nheadline: H\n---\n\n| Club | Pts |\n|---|--:|\n| Rovers | 61 |\n"
                            "| Town | 58 |\n", NULL);
  CHECK(a && a->blocks->len == 1);
  if (!a || a->blocks->len != 1)
    return;
  const Block *t = block(a, 0);
  CHECK_INT(t->kind, BLOCK_TABLE);
  CHECK_INT(t->table_columns, 2);
  CHECK_INT(t->table_header_rows, 1);
  CHECK_INT(t->table_cells->len, 6);
  CHECK_STR(((RichText *)g_ptr_array_index(t->table_cells, 2))->text->str, "Rovers");
  CHECK_STR(((RichText *)g_ptr_array_index(t->table_cells, 5))->text->str, "58");
  article_free(a);
}

TEST(html_links_images_and_breaks_keep_their_text)
{
  Article *a = read_article("---\nheadline: H\n---\n\nA <b>bold</b> [link](http://x.org) and "
                            "![a photo of a cat](cat.png) end&amp;more&#x41;&bogus;\\\nnext line\n\n"
                            "<div>\nblock <i>html</i>\n</div>\n", NULL);
  CHECK(a != NULL);
  if (!a)
    return;
  CHECK_STR(block(a, 0)->content.text->str,
            "A bold link and a photo of a cat end&moreA&bogus;\xe2\x80\xa8next line");
  CHECK_INT(a->blocks->len, 2);
  if (a->blocks->len == 2)
    CHECK_STR(block(a, 1)->content.text->str, "block html");
  article_free(a);
}

TEST(escaped_numeric_references_print_their_character)
{
  Article *a = read_article("---\nheadline: H\n---\n\nThe risqu\\&#233; buyer, fish \\& chips, R\\&D.\n", NULL);
  CHECK(a != NULL);
  if (a)
    CHECK_STR(block(a, 0)->content.text->str, "The risqué buyer, fish & chips, R&D.");
  article_free(a);
}

/* A blockquote right after <!-- pullquote --> is the pull quote: its text
 * leaves the body; only the very next blockquote is marked, the front
 * matter's pull quote comes first, and a quote that is more than
 * paragraphs stays in the body. */
TEST(marked_blockquote_is_the_pull_quote)
{
  Article *a = read_article("---\nheadline: H\n---\n\nBefore.\n\n<!-- Pull Quote -->\n"
                            "> \"It is *safe*,\" she said\n>\n> at last.\n\nAfter.\n\n"
                            "> An ordinary quote.\n", NULL);
  CHECK(a != NULL);
  if (!a)
    return;
  CHECK_STR(a->pullquote, "\"It is safe,\" she said at last.");
  CHECK_INT(a->blocks->len, 3);
  if (a->blocks->len == 3) {
    CHECK_STR(block(a, 0)->content.text->str, "Before.");
    CHECK_STR(block(a, 1)->content.text->str, "After.");
    CHECK_INT(block(a, 2)->kind, BLOCK_QUOTE);
  }
  CHECK_INT(article_word_count(a), 1 + 1 + 7 + 1 + 3);   /* the pull quote's words too */
  article_free(a);
  a = read_article("---\nheadline: H\npullquote: From the front matter\n---\n\n<!-- pullquote -->\n"
                   "> Stays a quote.\n", NULL);
  CHECK(a != NULL);
  if (a) {
    CHECK_STR(a->pullquote, "From the front matter");
    CHECK(a->blocks->len == 1 && block(a, 0)->kind == BLOCK_QUOTE);
  }
  article_free(a);
  a = read_article("---\nheadline: H\n---\n\n<!-- pullquote -->\n\nA paragraph.\n\n> A quote.\n\n"
                   "<!-- pullquote -->\n> - a list\n> - in a quote\n", NULL);
  CHECK(a != NULL);
  if (a) {
    CHECK(a->pullquote == NULL);
    CHECK_INT(a->blocks->len, 4);   /* paragraph, quote, two list items */
  }
  article_free(a);
}

TEST(word_count_covers_printed_fields)
{
  Article *a = read_article("---\nheadline: Two words\ndeck: three more words\n---\n\nFour words in body.\n", NULL);
  CHECK(a != NULL);
  if (a)
    CHECK_INT(article_word_count(a), 9);
  article_free(a);
}

TEST(article_errors_name_place_and_remedy)
{
  char *m;
  m = article_error("");
  CHECK_STR(m, "story.md: the file is empty; an article needs front matter and a body");
  g_free(m);
  m = article_error("Just text\n");
  CHECK_STR(m, "story.md:1:1: no front matter: an article starts with a line '---', then "
               "'headline: ...', then '---' (see ARTICLE-FORMAT.md)");
  g_free(m);
  m = article_error("---\nheadline: H\nbody starts\n");
  CHECK_STR(m, "story.md:1:1: the front matter block opened here is never closed; "
               "add a line '---' after the last key");
  g_free(m);
  m = article_error("---\ndeck: D\n---\nText\n");
  CHECK_STR(m, "story.md:2:1: the article has no headline; add 'headline: ...' to the front matter");
  g_free(m);
  m = article_error("---\nheadline: H\n---\n\n");
  CHECK_STR(m, "story.md:4: the article has no body text; write its paragraphs after the closing '---'");
  g_free(m);
  m = article_error("---\nheadline: H\ndeck: [unclosed\n---\nText\n");
  CHECK_STR(m, "story.md:4:1: invalid YAML: flow sequence without a closing bracket");
  g_free(m);
  m = article_error("---\nheadline: {a: b}\n---\nText\n");
  CHECK_STR(m, "story.md:2:11: 'headline' must be text, not a mapping");
  g_free(m);
  m = article_error("---\nheadline: H\nheadline: G\n---\nText\n");
  CHECK_STR(m, "story.md:3:1: key 'headline' appears twice (first on line 2); keep one");
  g_free(m);
  m = article_error("---\nheadline: &a H\ndeck: *a\n---\nText\n");
  CHECK_STR(m, "story.md:3:7: YAML aliases (*name) are not supported; write the value out");
  g_free(m);
}

TEST(invalid_utf8_and_nul_are_located)
{
  char *m = article_error("---\nheadline: H\n---\n\nCaf\xe9 text\n");
  CHECK_STR(m, "story.md:5:4: invalid UTF-8 (byte 0xE9); save the file as UTF-8");
  g_free(m);
  const char with_nul[] = "---\nheadline: H\n---\nab\0cd\n";
  GError *error = NULL;
  Article *a = article_read_buffer("story.md", with_nul, sizeof with_nul - 1, &error);
  CHECK(a == NULL);
  CHECK_STR(error ? error->message : NULL, "story.md:4:3: contains a NUL byte; save the file as UTF-8 text");
  g_clear_error(&error);
  article_free(a);
}

TEST(missing_article_file)
{
  GError *error = NULL;
  Article *a = article_read_file("no/such/story.md", &error);
  CHECK(a == NULL);
  CHECK_STR(error ? error->message : NULL, "no/such/story.md: cannot read the article: no such file; check the path");
  g_clear_error(&error);
}

TEST(billion_laughs_is_refused_at_the_first_alias)
{
  GString *doc = g_string_new("---\nheadline: H\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol]\n");
  for (int i = 1; i < 10; i++)
    g_string_append_printf(doc, "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n", i, i,
                           i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
  g_string_append(doc, "---\nText\n");
  char *m = article_error(doc->str);
  CHECK(m && strstr(m, "YAML aliases (*name) are not supported"));
  g_free(m);
  g_string_free(doc, TRUE);
}

TEST(deep_nesting_is_refused)
{
  GString *doc = g_string_new("---\nheadline: H\nx: ");
  for (int i = 0; i < 200; i++)
    g_string_append_c(doc, '[');
  for (int i = 0; i < 200; i++)
    g_string_append_c(doc, ']');
  g_string_append(doc, "\n---\nText\n");
  char *m = article_error(doc->str);
  CHECK(m && strstr(m, "story.md:3:") && strstr(m, "nested deeper than 32 levels"));
  g_free(m);
  g_string_free(doc, TRUE);
}

/* ---- layouts ------------------------------------------------------------- */

static char *layout_error(const char *text)
{
  GError *error = NULL;
  Layout *layout = layout_read_buffer("page.yaml", text, strlen(text), &error);
  CHECK(layout == NULL);
  layout_free(layout);
  char *message = error ? g_strdup(error->message) : NULL;
  g_clear_error(&error);
  return message;
}

TEST(lengths_in_every_unit)
{
  int u = 0;
  CHECK(layout_parse_length("12pt", &u) && u == 12 * 1024);
  CHECK(layout_parse_length("12", &u) && u == 12 * 1024);
  CHECK(layout_parse_length("1in", &u) && u == 72 * 1024);
  CHECK(layout_parse_length("25.4mm", &u) && u == 72 * 1024);
  CHECK(layout_parse_length("2.54cm", &u) && u == 72 * 1024);
  CHECK(layout_parse_length("1p6", &u) && u == 18 * 1024);
  CHECK(layout_parse_length("2pc", &u) && u == 24 * 1024);
  CHECK(!layout_parse_length("12px", &u));
  CHECK(!layout_parse_length("wide", &u));
}

TEST(layout_values_are_read)
{
  const char *text = "page: {width: 11in, height: 17in}\nmargins: 36pt\ncolumns: 4\ngutter: 1p0\n"
                     "baseline: 11pt\nstyles:\n  body: {font: TeX Gyre Pagella, size: 10pt, align: justify}\n"
                     "  headline: {font: TeX Gyre Heros, weight: bold, size: 40pt, leading: 42pt}\n";
  GError *error = NULL;
  Layout *l = layout_read_buffer("page.yaml", text, strlen(text), &error);
  CHECK(l != NULL);
  if (!l) {
    g_clear_error(&error);
    return;
  }
  CHECK_INT(l->page_width, 792 * 1024);
  CHECK_INT(l->page_height, 1224 * 1024);
  CHECK_INT(l->margin_left, 36 * 1024);
  CHECK_INT(l->columns, 4);
  CHECK_INT(l->gutter, 12 * 1024);
  CHECK_INT(l->styles[STYLE_BODY].leading, 11 * 1024);   /* tied to the grid */
  CHECK_STR(l->styles[STYLE_BODY].family, "TeX Gyre Pagella");
  CHECK_INT(l->styles[STYLE_HEADLINE].weight, 700);
  CHECK_INT(layout_column_width(l), (720 - 36) * 1024 / 4);
  layout_free(l);
}

TEST(layout_errors_name_place_and_remedy)
{
  char *m;
  m = layout_error("colums: 5\n");
  CHECK_STR(m, "page.yaml:1:1: unknown layout key 'colums' (did you mean 'columns'?)");
  g_free(m);
  m = layout_error("page: quarto\n");
  CHECK_STR(m, "page.yaml:1:7: unknown page size 'quarto': use tabloid, broadsheet, berliner, a3, a4, "
               "letter, or {width: 279.4mm, height: 431.8mm}");
  g_free(m);
  m = layout_error("gutter: wide\n");
  CHECK_STR(m, "page.yaml:1:9: 'wide' is not a length: write it as 12pt, 4.2mm, 0.5in or 1p6");
  g_free(m);
  m = layout_error("columns: 0\n");
  CHECK_STR(m, "page.yaml:1:10: 'columns' must be a whole number from 1 to 24, not '0'");
  g_free(m);
  m = layout_error("columns: 24\n");
  CHECK_STR(m, "page.yaml: columns are 18.5pt wide, narrower than 3 ems of body text (27.0pt); "
               "use fewer columns or a smaller gutter");
  g_free(m);
  m = layout_error("page: a4\nmargins: {left: 400pt, right: 300pt}\n");
  CHECK_STR(m, "page.yaml: the margins leave no room on the 595.3 x 841.9pt page; make them smaller");
  g_free(m);
  m = layout_error("styles:\n  body: {font: X, colour: red}\n");
  CHECK_STR(m, "page.yaml:2:19: unknown style key 'colour'");
  g_free(m);
  m = layout_error("styles:\n  bdy: {size: 9pt}\n");
  CHECK_STR(m, "page.yaml:2:3: unknown style 'bdy' (did you mean 'body'?)");
  g_free(m);
  m = layout_error("styles:\n  body: {weight: heavyish}\n");
  CHECK_STR(m, "page.yaml:2:18: 'weight' must be a whole number from 100 to 1000, not 'heavyish'");
  g_free(m);
  m = layout_error("columns: [5\n");
  CHECK_STR(m, "page.yaml:2:1: invalid YAML: flow sequence without a closing bracket");
  g_free(m);
}

TEST(shipped_layouts_load)
{
  const char *names[] = { "tabloid", "broadsheet", "berliner", "newsletter-a4", "newsletter-letter" };
  for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
    char *path = g_strdup_printf("layouts/%s.yaml", names[i]);
    GError *error = NULL;
    Layout *l = layout_read_file(path, &error);
    if (!l)
      fprintf(stderr, "  %s\n", error ? error->message : "?");
    CHECK(l != NULL);
    /* whole body lines fill the text area */
    if (l)
      CHECK(layout_live_height(l) % l->baseline < 64);
    g_clear_error(&error);
    layout_free(l);
    g_free(path);
  }
}

RUN_TESTS("readers",
  T(front_matter_fields_are_read), T(byline_list_is_joined), T(body_blocks_have_kinds_and_lines),
  T(code_block_kept_verbatim), T(table_is_read_as_rows_of_cells),
  T(html_links_images_and_breaks_keep_their_text), T(escaped_numeric_references_print_their_character),
  T(word_count_covers_printed_fields), T(marked_blockquote_is_the_pull_quote),
  T(article_errors_name_place_and_remedy), T(invalid_utf8_and_nul_are_located),
  T(missing_article_file), T(billion_laughs_is_refused_at_the_first_alias),
  T(deep_nesting_is_refused), T(lengths_in_every_unit), T(layout_values_are_read),
  T(layout_errors_name_place_and_remedy), T(shipped_layouts_load))
