/* test_edition.c — the edition reader, page kinds and furniture words. */
#include <glib/gstdio.h>
#include <pango/pango.h>

#include "check.h"
#include "diag.h"
#include "edition.h"
#include "furniture.h"
#include "layout.h"
#include "pagekind.h"

TEST(furniture_dates_in_four_languages)
{
  const char *cases[][3] = {
    { "2026-06-24", "en", "Wednesday, June 24, 2026" },
    { "2026-06-24", "de", "Mittwoch, 24. Juni 2026" },
    { "2026-06-24", "fr", "mercredi 24 juin 2026" },
    { "2026-06-24", "es", "miércoles, 24 de junio de 2026" },
    { "2026-02-30", "en", "2026-02-30" },      /* not a date: printed as written */
    { "Midsummer", "de", "Midsummer" },
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    char *date = furniture_date(cases[i][0], cases[i][1]);
    CHECK_STR(date, cases[i][2]);
    g_free(date);
  }
  CHECK_STR(furniture_words("de")->continued_on, "Fortsetzung auf Seite %s");
  CHECK_STR(furniture_words("es-MX")->continued_from, "Viene de la página %s");
  CHECK_STR(furniture_words("it")->continued_on, "Continued on Page %s");
}

TEST(shipped_layouts_have_the_page_kinds)
{
  const char *names[] = { "tabloid", "broadsheet", "berliner", "newsletter-a4", "newsletter-letter",
                          "bench-tabloid" };
  const char *kinds[] = { "front", "inside", "inside-ad", "section-front", "opinion" };
  for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
    char *path = g_strdup_printf("layouts/%s.yaml", names[i]);
    GError *error = NULL;
    Layout *layout = layout_read_file(path, &error);
    PageKinds *page_kinds = layout ? pagekinds_read(layout, &error) : NULL;
    if (error)
      fprintf(stderr, "  %s\n", error->message);
    CHECK(page_kinds != NULL);
    for (size_t k = 0; page_kinds && k < G_N_ELEMENTS(kinds); k++) {
      const PageKind *kind = pagekinds_find(page_kinds, kinds[k]);
      CHECK(kind != NULL);
      if (kind)
        CHECK(kind->slots->len >= 2);
    }
    g_clear_error(&error);
    pagekinds_free(page_kinds);
    layout_free(layout);
    g_free(path);
  }
}

/* Fractions and "rest" resolve against the rows below the nameplate. */
TEST(slot_lines_as_counts_fractions_and_rest)
{
  GError *error = NULL;
  Layout *layout = layout_read_file("layouts/tabloid.yaml", &error);
  CHECK(layout != NULL);
  if (!layout)
    return;
  PageKinds *kinds = pagekinds_read(layout, &error);
  const PageKind *front = kinds ? pagekinds_find(kinds, "front") : NULL;
  CHECK(front != NULL);
  if (front) {
    int rows = pagekind_text_lines(layout) - front->nameplate_lines;
    CHECK_INT(pagekind_text_lines(layout), 108);   /* 110 lines less the folio's two */
    const Slot *lead = &g_array_index(front->slots, Slot, 0), *second = &g_array_index(front->slots, Slot, 2);
    CHECK_STR(lead->name, "lead");
    CHECK_INT(lead->first_line, 0);
    CHECK_INT(lead->lines, (rows * 60 + 50) / 100);          /* 60% */
    CHECK_INT(second->first_line, lead->lines);               /* line: 60% is an offset */
    CHECK_INT(second->first_line + second->lines, rows);      /* lines: rest */
    CHECK_INT(lead->head_max, 60 * PANGO_SCALE);
    CHECK_INT(lead->head_min, 40 * PANGO_SCALE);
  }
  pagekinds_free(kinds);
  layout_free(layout);
}

static char *write_edition(const char *text)
{
  char *path = g_build_filename(g_get_tmp_dir(), "galley-test-edition.yaml", NULL);
  g_file_set_contents(path, text, -1, NULL);
  return path;
}

TEST(edition_is_read_with_labels_and_jumps)
{
  char *cwd = g_get_current_dir();
  char *text = g_strdup_printf(
    "publication: The Test\ndate: 2026-06-24\nlanguage: de\nlayout: %s/layouts/tabloid.yaml\n"
    "sections: [{name: A, title: News}, B]\nstories: [%s/samples/oligo-news/council-budget.md]\n"
    "pages:\n  - kind: front\n    slots: {lead: {story: %s/samples/oligo-news/without-missiles.md, jump: B1}}\n"
    "  - {kind: inside}\n  - {kind: inside, section: B}\n", cwd, cwd, cwd);
  char *path = write_edition(text);
  DiagLog *log = diag_log_new();
  GError *error = NULL;
  Edition *ed = edition_read_file(path, "layouts", NULL, log, &error);
  if (error)
    fprintf(stderr, "  %s\n", error->message);
  CHECK(ed != NULL);
  if (ed) {
    CHECK_INT(ed->pages->len, 3);
    CHECK_STR(g_array_index(ed->pages, EditionPage, 0).label, "A1");
    CHECK_STR(g_array_index(ed->pages, EditionPage, 1).label, "A2");
    CHECK_STR(g_array_index(ed->pages, EditionPage, 2).label, "B1");
    CHECK_INT(edition_find_page(ed, "B1"), 2);
    CHECK_INT(ed->articles->len, 2);
    CHECK_INT(ed->pool->len, 1);
    CHECK_STR(ed->language, "de");
    const EditionPage *front = &g_array_index(ed->pages, EditionPage, 0);
    const EditionSlot *lead = NULL;
    for (unsigned i = 0; i < front->slots->len; i++)
      if (!strcmp(g_array_index(front->slots, EditionSlot, i).slot.name, "lead"))
        lead = &g_array_index(front->slots, EditionSlot, i);
    CHECK(lead != NULL);
    if (lead) {
      CHECK_INT(lead->fill, FILL_STORY);
      CHECK_INT(lead->jump_page, 2);
    }
    CHECK(ed->add_pages);
  }
  edition_free(ed);
  g_clear_error(&error);
  diag_log_free(log);
  g_unlink(path);
  g_free(path);
  g_free(text);
  g_free(cwd);
}

TEST(edition_errors_name_the_place)
{
  const char *cases[][2] = {
    { "publication: T\npages:\n  - kind: back\n", ":3:11: unknown page kind 'back'; the layout" },
    { "publication: T\npages:\n  - kind: inside\n    slots: {top: {span: 9}}\n",
      ":4:13: slot 'top' (column 1, span 9, line 1, 54 lines) runs off the page: its columns go "
      "past the last column; the page has 5 columns and 108 lines" },
    { "publication: T\npages: []\n", ":2:8: 'pages' is a list of pages" },
    { "publication: T\nadd_pages: maybe\npages: []\n", ":2:12: 'add_pages' is true or false" },
    { "publication: T\npages:\n  - kind: inside\n    slots: {top: {inset: {quote: Hi, image: x.png}}}\n",
      ":4:26: an inset holds either an image or a quote" },
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    char *path = write_edition(cases[i][0]);
    DiagLog *log = diag_log_new();
    GError *error = NULL;
    Edition *ed = edition_read_file(path, "layouts", NULL, log, &error);
    CHECK(ed == NULL);
    CHECK(error != NULL);
    if (error && !strstr(error->message, cases[i][1])) {
      fprintf(stderr, "  case %zu: \"%s\" lacks \"%s\"\n", i, error->message, cases[i][1]);
      check_failures_in_test++;
    }
    edition_free(ed);
    g_clear_error(&error);
    diag_log_free(log);
    g_unlink(path);
    g_free(path);
  }
}

RUN_TESTS("edition",
  T(furniture_dates_in_four_languages), T(shipped_layouts_have_the_page_kinds),
  T(slot_lines_as_counts_fractions_and_rest), T(edition_is_read_with_labels_and_jumps),
  T(edition_errors_name_the_place))
