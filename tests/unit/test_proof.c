/* test_proof.c — galley check's analysis on a display list built by hand,
 * where every widow, orphan and ladder is known: three columns of one
 * story, a hyphen ladder in the first, a widow at the top of the second and
 * an orphan at its foot. Also: a photo too small for its width, a missing
 * photo, a headline over the layout's lines. */
#include "check.h"
#include "displaylist.h"
#include "fonts.h"
#include "layout.h"
#include "proof.h"

#define PT PANGO_SCALE

static Fonts *fonts;
static PangoContext *context;
static Layout *layout;

static bool setup(void)
{
  if (!fonts) {
    GError *error = NULL;
    fonts = fonts_new("fonts", &error);
    layout = layout_read_file("layouts/tabloid.yaml", &error);
    g_clear_error(&error);
    if (fonts)
      context = pango_font_map_create_context(fonts_font_map(fonts));
  }
  if (!fonts || !layout)
    check_failures_in_test++;
  return fonts && layout;
}

/* One line of body text at (x, baseline), width in points. */
static void add_line(DisplayList *list, int column, int row, double indent, double width,
                     const char *text)
{
  PangoLayout *line = pango_layout_new(context);
  PangoFontDescription *font = pango_font_description_from_string("TeX Gyre Schola 9");
  pango_layout_set_font_description(line, font);
  pango_layout_set_text(line, text, -1);
  int x = layout_column_x(layout, column) + (int)(indent * PT);
  int baseline = 200 * PT + row * layout->baseline;
  display_list_add_text(list, 0, 0, STYLE_BODY, line, 0, x, baseline, (int)(width * PT), 7 * PT,
                        2 * PT);
  pango_font_description_free(font);
  g_object_unref(line);
}

#define FULL 134.4
#define SHORT 60.0

/* The report borrows the article's path: the article outlives it. */
static ProofReport *three_columns(Article *article)
{
  DisplayList *list = display_list_new(layout->page_width, layout->page_height);
  display_list_add_page(list);
  /* column 1: a paragraph with a ladder, then one that runs on */
  add_line(list, 0, 0, 9, FULL - 9, "Lorem ipsum dolor sit amet");
  add_line(list, 0, 1, 0, FULL, "consectetur adipiscing elit sed exam-");
  add_line(list, 0, 2, 0, FULL, "do eiusmod tempor incidi-");
  add_line(list, 0, 3, 0, FULL, "dunt ut labore et dolo-");
  add_line(list, 0, 4, 0, FULL, "re magna aliqua ut enim");
  add_line(list, 0, 5, 0, SHORT, "ad minim veniam.");
  add_line(list, 0, 6, 9, FULL - 9, "Quis nostrud exercitation ullamco");
  add_line(list, 0, 7, 0, FULL, "laboris nisi ut aliquip ex");
  /* column 2: that paragraph's last line alone at the top (a widow) ... */
  add_line(list, 1, 0, 0, SHORT, "ea commodo consequat.");
  add_line(list, 1, 1, 9, FULL - 9, "Duis aute irure dolor in");
  add_line(list, 1, 2, 0, FULL, "reprehenderit in voluptate velit");
  add_line(list, 1, 3, 0, SHORT, "esse cillum dolore.");
  /* ... and a paragraph's first line alone at its foot (an orphan) */
  add_line(list, 1, 4, 9, FULL - 9, "Eu fugiat nulla pariatur excepteur");
  add_line(list, 2, 0, 0, FULL, "sint occaecat cupidatat non");
  add_line(list, 2, 1, 0, FULL, "proident sunt in culpa qui");
  add_line(list, 2, 2, 0, SHORT, "officia deserunt.");
  ProofReport *report = proof_run(list, layout, &article, 1);
  display_list_free(list);
  return report;
}

static const ProofFinding *find(const ProofReport *report, ProofKind kind)
{
  for (guint i = 0; i < report->findings->len; i++)
    if (g_array_index(report->findings, ProofFinding, i).kind == kind)
      return &g_array_index(report->findings, ProofFinding, i);
  return NULL;
}

TEST(ladder_widow_orphan)
{
  if (!setup())
    return;
  Article *article = article_new("unit.md");
  ProofReport *report = three_columns(article);
  CHECK_INT(report->counts[PROOF_LADDER], 1);
  CHECK_INT(report->counts[PROOF_WIDOW], 1);
  CHECK_INT(report->counts[PROOF_ORPHAN], 1);
  CHECK_INT(report->errors, 0);
  CHECK_INT(report->body_lines, 16);
  CHECK_INT(report->hyphenated_lines, 3);
  const ProofFinding *ladder = find(report, PROOF_LADDER);
  const ProofFinding *widow = find(report, PROOF_WIDOW);
  const ProofFinding *orphan = find(report, PROOF_ORPHAN);
  if (ladder && widow && orphan) {
    CHECK_STR(ladder->file, "unit.md");
    CHECK_INT(ladder->y, 200 * PT + layout->baseline);   /* starts on the second line */
    CHECK(strstr(widow->message, "\"ea commodo consequat.\"") != NULL);
    CHECK(strstr(orphan->message, "\"Eu fugiat nulla pariatur excepteur\"") != NULL);
  }
  proof_report_free(report);
  article_free(article);
}

TEST(json_report)
{
  if (!setup())
    return;
  Article *article = article_new("unit.md");
  ProofReport *report = three_columns(article);
  char *json = proof_report_json(report);
  CHECK(strstr(json, "\"counts\": {\"overset\": 0, \"missing-image\": 0, \"headline-too-long\": 0, "
                     "\"widow\": 1, \"orphan\": 1, \"loose-line\": 0, \"ladder\": 1") != NULL);
  CHECK(strstr(json, "{\"kind\": \"widow\", \"error\": false, \"file\": \"unit.md\"") != NULL);
  g_free(json);
  proof_report_free(report);
  article_free(article);
}

TEST(headline_and_photos)
{
  if (!setup())
    return;
  DisplayList *list = display_list_new(layout->page_width, layout->page_height);
  display_list_add_page(list);
  for (int i = 0; i < layout->headline_max_lines + 1; i++) {
    PangoLayout *line = pango_layout_new(context);
    pango_layout_set_text(line, "Headline", -1);
    display_list_add_text(list, 0, 0, STYLE_HEADLINE, line, 0, 36 * PT, (100 + 50 * i) * PT,
                          200 * PT, 40 * PT, 10 * PT);
    g_object_unref(line);
  }
  display_list_add_image(list, 0, 0, NULL, 36 * PT, 300 * PT, 300 * PT, 200 * PT);
  Article *article = article_new("photo.md");
  article->image = g_strdup("lost.jpg");
  article->image_line = 4;
  ProofReport *report = proof_run(list, layout, &article, 1);
  CHECK_INT(report->counts[PROOF_HEADLINE_TOO_LONG], 1);
  CHECK_INT(report->counts[PROOF_MISSING_IMAGE], 1);
  CHECK_INT(report->errors, 2);
  const ProofFinding *missing = find(report, PROOF_MISSING_IMAGE);
  if (missing)
    CHECK_INT(missing->line, 4);
  proof_report_free(report);
  article_free(article);
  display_list_free(list);
}

RUN_TESTS("proof-analysis", T(ladder_widow_orphan), T(json_report), T(headline_and_photos))
