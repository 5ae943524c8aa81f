/* test_importer.c — the plain-text importer: the user's article and the
 * corpus's raw files against their hand-made articles, field by field;
 * each rule on small inputs; the exact message for each kind of bad input;
 * and the accounting that every input line ends up in the article or in
 * the list of removed lines. */
#include "article.h"
#include "check.h"
#include "importer.h"

#include <glib/gstdio.h>

static const ImportOptions defaults = { DATE_ORDER_AUTO, false };

/* ---- helpers -------------------------------------------------------------------- */

typedef struct {
  Article *article;
  ImportReport report;
  DiagLog *log;
  char *error;
} Import;

static void import_run(Import *im, const char *path, const char *text, size_t len,
                       const ImportOptions *options)
{
  memset(im, 0, sizeof *im);
  im->log = diag_log_new();
  GError *error = NULL;
  im->article = importer_read_buffer(path, text, len, options ? options : &defaults,
                                     &im->report, im->log, &error);
  im->error = error ? g_strdup(error->message) : NULL;
  g_clear_error(&error);
}

static void import_text(Import *im, const char *text, const ImportOptions *options)
{
  import_run(im, "story.txt", text, strlen(text), options);
}

static void import_clear(Import *im)
{
  article_free(im->article);
  importer_report_clear(&im->report);
  diag_log_free(im->log);
  g_free(im->error);
}

static const Block *block(const Article *article, unsigned i)
{
  return i < article->blocks->len ? g_ptr_array_index(article->blocks, i) : NULL;
}

static const char *block_text(const Article *article, unsigned i)
{
  const Block *b = block(article, i);
  return b ? b->content.text->str : "(no block)";
}

static const char *warning(const Import *im, unsigned i)
{
  return i < diag_log_count(im->log) ? diag_log_message(im->log, i) : "(no warning)";
}

/* Runs of white space made one space, ends trimmed. */
static char *normalise(const char *text)
{
  if (!text)
    return NULL;
  char **words = g_strsplit_set(text, " \t\n\r", -1);
  GString *out = g_string_new(NULL);
  for (char **w = words; *w; w++)
    if (**w)
      g_string_append_printf(out, "%s%s", out->len ? " " : "", *w);
  g_strfreev(words);
  return g_string_free(out, FALSE);
}

static void check_field(const char *file, const char *name, const char *got, const char *want)
{
  char *g = normalise(got), *w = normalise(want);
  if (g_strcmp0(g, w) != 0) {
    fprintf(stderr, "  %s: %s is \"%s\", expected \"%s\"\n", file, name, g ? g : "(none)",
            w ? w : "(none)");
    check_failures_in_test++;
  }
  g_free(g);
  g_free(w);
}

/* headline, deck, byline, date, dateline, source and every body block
 * (kind and whitespace-normalised text). */
static void compare_articles(const char *file, const Article *got, const Article *want)
{
  check_field(file, "headline", got->headline, want->headline);
  check_field(file, "deck", got->deck, want->deck);
  check_field(file, "byline", got->byline, want->byline);
  check_field(file, "date", got->date, want->date);
  check_field(file, "dateline", got->dateline, want->dateline);
  check_field(file, "source", got->source, want->source);
  if (got->blocks->len != want->blocks->len) {
    fprintf(stderr, "  %s: %u body blocks, expected %u\n", file, got->blocks->len,
            want->blocks->len);
    check_failures_in_test++;
  }
  for (unsigned i = 0; i < MIN(got->blocks->len, want->blocks->len); i++) {
    char name[32];
    g_snprintf(name, sizeof name, "block %u", i + 1);
    check_field(file, name, block_text(got, i), block_text(want, i));
    if (block(got, i)->kind != block(want, i)->kind) {
      fprintf(stderr, "  %s: block %u is of kind %d, expected %d\n", file, i + 1,
              block(got, i)->kind, block(want, i)->kind);
      check_failures_in_test++;
    }
  }
}

static char *replace_all(const char *text, const char *from, const char *to)
{
  char **parts = g_strsplit(text, from, -1);
  char *joined = g_strjoinv(to, parts);
  g_strfreev(parts);
  return joined;
}

/* Every word of text (split at blanks) occurs in haystack. */
static bool words_in(const char *text, const char *haystack)
{
  char **words = g_strsplit(text, " ", -1);
  bool ok = true;
  for (char **w = words; *w && ok; w++)
    ok = !**w || strstr(haystack, *w) != NULL;
  g_strfreev(words);
  return ok;
}

static char *article_body_text(const Article *article)
{
  GString *out = g_string_new(article->dateline ? article->dateline : "");
  for (unsigned i = 0; i < article->blocks->len; i++)
    g_string_append_printf(out, " %s", block_text(article, i));
  return g_string_free(out, FALSE);
}

/* A body line's words are in the body; the halves of a word broken at the
 * line end are checked as the start and end of a body word. */
static bool body_has_line(const char *line, const char *body)
{
  char *copy = g_strdup(line);
  size_t n = strlen(copy);
  if (n > 1 && copy[n - 1] == '-')
    copy[n - 1] = '\0';
  bool ok = words_in(copy, body);
  g_free(copy);
  return ok;
}

/* Every input line ends up somewhere: the accounting the issue asks for. */
static void check_accounting(const char *file, const char *data, size_t len, const Import *im)
{
  const Article *a = im->article;
  char *body = article_body_text(a);
  char *heads = g_strdup_printf("%s %s", a->headline, a->deck ? a->deck : "");
  char *text = g_strndup(data, len);
  char **lines = g_strsplit_set(text, "\n", -1);
  unsigned number = 0;
  for (char **l = lines; *l; l++) {
    char *line = replace_all(*l, "\xc2\xa0", " ");
    char *clean = normalise(g_str_has_prefix(line, "\xef\xbb\xbf") ? line + 3 : line);
    ImportLineUse use = number < im->report.line_use->len ?
                        g_array_index(im->report.line_use, ImportLineUse, number) : IMPORT_LINE_BLANK;
    number++;
    char *mark = g_strdup_printf("%u \"", number);
    bool ok;
    switch (use) {
    case IMPORT_LINE_BLANK: ok = *clean == '\0'; break;
    case IMPORT_LINE_SOURCE: ok = a->source && g_ascii_strcasecmp(clean, a->source) == 0; break;
    case IMPORT_LINE_HEADLINE:
    case IMPORT_LINE_DECK: ok = words_in(clean, heads); break;
    case IMPORT_LINE_BYLINE:
      ok = a->byline && words_in(a->byline, clean) && (a->date || !strpbrk(clean, "0123456789"));
      break;
    case IMPORT_LINE_DATE: ok = a->date != NULL; break;
    case IMPORT_LINE_BODY: ok = body_has_line(clean, body); break;
    case IMPORT_LINE_REMOVED: ok = strstr(im->report.summary, mark) != NULL; break;
    default: ok = false; break;
    }
    if (!ok && !(l[1] == NULL && *clean == '\0')) {
      fprintf(stderr, "  %s:%u: line (use %d) not accounted for: \"%.60s\"\n", file, number,
              use, clean);
      check_failures_in_test++;
    }
    g_free(mark);
    g_free(clean);
    g_free(line);
  }
  g_strfreev(lines);
  g_free(text);
  g_free(heads);
  g_free(body);
}

static const char *shared_dir(void)
{
  const char *shared = g_getenv("SHARED");
  return shared && *shared ? shared : "../shared";
}

/* ---- the user's article ------------------------------------------------------------ */

#define OLIGO_RAW "samples/oligo-news/oligo-news-without-missiles.txt"

TEST(oligo_news_imports_as_the_hand_made_article)
{
  char *data = NULL;
  gsize len = 0;
  CHECK(g_file_get_contents(OLIGO_RAW, &data, &len, NULL));
  if (!data)
    return;
  Import im;
  import_run(&im, OLIGO_RAW, data, len, NULL);
  GError *error = NULL;
  Article *want = article_read_file("samples/oligo-news/without-missiles.md", &error);
  CHECK(im.article != NULL);
  CHECK(want != NULL);
  if (im.article && want) {
    compare_articles(OLIGO_RAW, im.article, want);
    CHECK_INT(im.article->blocks->len, 4);
    CHECK(im.article->image == NULL);
    CHECK_STR(im.report.summary,
              "source \"The Oligo News\", headline \"Without Missiles We Would Be Like Gaza\", "
              "deck \"Iran Rejects Missile Curbs In Any US Deal\" (split from the headline "
              "line), byline \"Raju Saha\", date 2026-06-24 (24/6/2026, read as day/month), "
              "4 paragraphs; removed 1 line: 15 \"Latest Videos\"");
    CHECK_INT(diag_log_count(im.log), 1);
    CHECK_STR(warning(&im, 0),
              OLIGO_RAW ":7: the text mentions the image 6d2ca9.png, which is not beside it "
              "(nor in images/); the article has no photo");
    check_accounting(OLIGO_RAW, data, len, &im);
  }
  g_clear_error(&error);
  article_free(want);
  import_clear(&im);
  g_free(data);
}

/* ---- the corpus's raw files ----------------------------------------------------------- */

typedef void (*RawCheck)(const char *raw, const char *data, size_t len, Import *im);

/* Imports every NAME.txt of ../shared/corpus/raw; false when it is absent. */
static bool for_each_raw_file(RawCheck check)
{
  char *dir = g_build_filename(shared_dir(), "corpus", "raw", NULL);
  GDir *folder = g_dir_open(dir, 0, NULL);
  if (!folder) {
    SKIP("%s not found: raw corpus imports not compared", dir);
    g_free(dir);
    return false;
  }
  GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
  for (const char *name; (name = g_dir_read_name(folder));)
    if (g_str_has_suffix(name, ".txt"))
      g_ptr_array_add(names, g_strdup(name));
  g_dir_close(folder);
  CHECK(names->len >= 5);
  for (unsigned i = 0; i < names->len; i++) {
    char *raw = g_build_filename(dir, g_ptr_array_index(names, i), NULL);
    char *data = NULL;
    gsize len = 0;
    CHECK(g_file_get_contents(raw, &data, &len, NULL));
    Import im;
    import_run(&im, raw, data ? data : "", len, NULL);
    if (!im.article)
      fprintf(stderr, "  %s: %s\n", raw, im.error);
    CHECK(im.article != NULL);
    if (im.article)
      check(raw, data, len, &im);
    import_clear(&im);
    g_free(data);
    g_free(raw);
  }
  g_ptr_array_free(names, TRUE);
  g_free(dir);
  return true;
}

static void compare_with_expected(const char *raw, const char *data, size_t len, Import *im)
{
  (void)data;
  (void)len;
  char *expected_path = g_strdup(raw);
  expected_path[strlen(expected_path) - 4] = '\0';
  char *path = g_strconcat(expected_path, ".expected.md", NULL);
  GError *error = NULL;
  Article *want = article_read_file(path, &error);
  CHECK(want != NULL);
  if (want)
    compare_articles(raw, im->article, want);
  g_clear_error(&error);
  article_free(want);
  g_free(path);
  g_free(expected_path);
}

TEST(corpus_raw_files_import_as_expected)
{
  for_each_raw_file(compare_with_expected);
}

static void account(const char *raw, const char *data, size_t len, Import *im)
{
  check_accounting(raw, data, len, im);
}

TEST(corpus_raw_files_lose_no_line)
{
  for_each_raw_file(account);
}

/* The article format written back and read by the article reader gives the
 * same article. */
static void round_trip(const char *raw, const char *data, size_t len, Import *im)
{
  (void)data;
  (void)len;
  char *markdown = importer_to_markdown(im->article, NULL);
  GError *error = NULL;
  Article *again = article_read_buffer("again.md", markdown, strlen(markdown), &error);
  if (error)
    fprintf(stderr, "  %s: %s\n", raw, error->message);
  CHECK(again != NULL);
  if (again)
    compare_articles(raw, again, im->article);
  g_clear_error(&error);
  article_free(again);
  g_free(markdown);
}

TEST(corpus_raw_imports_round_trip_through_the_article_format)
{
  for_each_raw_file(round_trip);
}

TEST(corpus_specifics)
{
  char *path = g_build_filename(shared_dir(), "corpus", "raw", "wikinews-hill.txt", NULL);
  char *data = NULL;
  gsize len = 0;
  if (!g_file_get_contents(path, &data, &len, NULL)) {
    SKIP("%s not found", path);
    g_free(path);
    return;
  }
  Import im;
  import_run(&im, path, data, len, NULL);
  CHECK(im.article != NULL);
  if (im.article) {
    CHECK_INT(block(im.article, 0)->kind, BLOCK_CROSSHEAD);
    CHECK_INT(block(im.article, 0)->level, 2);
    CHECK_STR(block_text(im.article, 0), "Interview");
    CHECK(g_str_has_prefix(block_text(im.article, 1), "William S. Saturn: What qualifications"));
    CHECK(g_str_has_prefix(block_text(im.article, 2), "Christopher Hill: My Presidential"));
    char *message = g_strdup_printf("%s:3: the date 6/1/2015 could be 6 January or June 1, "
                                    "2015; read as day/month (2015-01-06); pass --date-order "
                                    "mdy if the site writes the month first", path);
    CHECK_STR(warning(&im, 0), message);
    g_free(message);
  }
  import_clear(&im);
  g_free(data);
  g_free(path);
}

/* ---- header rules ------------------------------------------------------------------------ */

#define BODY "\n\nThe body of the story is one paragraph long enough to be a paragraph.\n"

TEST(byline_forms)
{
  static const struct { const char *line, *byline, *date, *source; } cases[] = {
    { "By Raju Saha 24/6/2026", "Raju Saha", "2026-06-24", NULL },
    { "By Ann Lee and Bo Chan, Reuters", "Ann Lee and Bo Chan", NULL, "Reuters" },
    { "Raju Saha | June 24, 2026", "Raju Saha", "2026-06-24", NULL },
    { "Posted 2026-06-24 by Raju Saha", "Raju Saha", "2026-06-24", NULL },
    { "Published on June 24, 2026 by Raju Saha", "Raju Saha", "2026-06-24", NULL },
    { "By Raju Saha, 24 June 2026", "Raju Saha", "2026-06-24", NULL },
    { "By Raju Saha on Wednesday, June 24, 2026", "Raju Saha", "2026-06-24", NULL },
    { "Von Benno Rougk 29.11.2001\xc2\xa0", "Benno Rougk", "2001-11-29", NULL },
    { "Von Benno Rougk am 29. November 2001", "Benno Rougk", "2001-11-29", NULL },
    { "Par Jean Dupont le 3 juin 2026", "Jean Dupont", "2026-06-03", NULL },
    { "Por Ana García, 5 de mayo de 2026", "Ana García", "2026-05-05", NULL },
    { "By William S. Saturn 13/1/2015", "William S. Saturn", "2015-01-13", NULL },
    { "By William S. Saturn 1/13/2015", "William S. Saturn", "2015-01-13", NULL },
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    char *text = g_strdup_printf("A headline for the story\n%s" BODY, cases[i].line);
    Import im;
    import_text(&im, text, NULL);
    CHECK(im.article != NULL);
    if (im.article) {
      check_field(cases[i].line, "byline", im.article->byline, cases[i].byline);
      check_field(cases[i].line, "date", im.article->date, cases[i].date);
      check_field(cases[i].line, "source", im.article->source, cases[i].source);
      check_field(cases[i].line, "deck", im.article->deck, NULL);
      CHECK_INT(g_array_index(im.report.line_use, ImportLineUse, 1), IMPORT_LINE_BYLINE);
    }
    import_clear(&im);
    g_free(text);
  }
}

TEST(date_lines)
{
  static const struct { const char *line, *date; } cases[] = {
    { "Friday, August 21, 2015", "2015-08-21" }, { "2015-08-21", "2015-08-21" },
    { "21 August 2015", "2015-08-21" }, { "August 21 2015", "2015-08-21" },
    { "21. August 2015", "2015-08-21" }, { "21 août 2015", "2015-08-21" },
    { "viernes, 21 de agosto de 2015", "2015-08-21" }, { "21.8.2015", "2015-08-21" },
    { "Published: 21 Aug 2015", "2015-08-21" }, { "21st August 2015", "2015-08-21" },
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    char *text = g_strdup_printf("A headline for the story\n%s" BODY, cases[i].line);
    Import im;
    import_text(&im, text, NULL);
    CHECK(im.article != NULL);
    if (im.article) {
      check_field(cases[i].line, "date", im.article->date, cases[i].date);
      CHECK_INT(g_array_index(im.report.line_use, ImportLineUse, 1), IMPORT_LINE_DATE);
    }
    import_clear(&im);
    g_free(text);
  }
}

TEST(ambiguous_dates_follow_evidence_option_or_default)
{
  const char *text = "A headline for the story\nBy Raju Saha 6/1/2015" BODY;
  Import im;
  import_text(&im, text, NULL);
  CHECK_STR(im.article->date, "2015-01-06");
  CHECK(strstr(im.report.summary, "(6/1/2015, ambiguous, read as day/month by default)"));
  CHECK_STR(warning(&im, 0), "story.txt:2: the date 6/1/2015 could be 6 January or June 1, "
                             "2015; read as day/month (2015-01-06); pass --date-order mdy if "
                             "the site writes the month first");
  import_clear(&im);

  ImportOptions mdy = { DATE_ORDER_MDY, false };
  import_text(&im, text, &mdy);
  CHECK_STR(im.article->date, "2015-06-01");
  CHECK(strstr(im.report.summary, "(6/1/2015, ambiguous, read as month/day as --date-order says)"));
  CHECK_INT(diag_log_count(im.log), 0);
  import_clear(&im);

  /* an unambiguous date elsewhere in the text settles the order, option or not */
  import_text(&im, "A headline for the story\nBy Raju Saha 6/1/2015\n\n"
                   "The deal signed on 12/25/2014 still holds, officials said today.\n", &mdy);
  CHECK_STR(im.article->date, "2015-06-01");
  import_clear(&im);
  import_text(&im, "A headline for the story\nBy Raju Saha 6/1/2015\n\n"
                   "The deal signed on 25/12/2014 still holds, officials said today.\n", &mdy);
  CHECK_STR(im.article->date, "2015-01-06");
  CHECK(strstr(im.report.summary, "read as day/month as other dates in the text are"));
  import_clear(&im);

  /* an impossible date is said, not invented */
  import_text(&im, "A headline for the story\nBy Raju Saha 31/2/2015" BODY, NULL);
  CHECK(im.article->date == NULL);
  CHECK_STR(warning(&im, 0), "story.txt:2: '31/2/2015' is not a real date; the article has no date");
  import_clear(&im);
}

TEST(run_together_title_is_split_only_when_clear)
{
  Import im;
  import_text(&im, "Without Missiles We Would Be Like Gaza Iran Rejects Missile Curbs In Any US Deal" BODY, NULL);
  CHECK_STR(im.article->headline, "Without Missiles We Would Be Like Gaza");
  CHECK_STR(im.article->deck, "Iran Rejects Missile Curbs In Any US Deal");
  CHECK_INT(g_array_index(im.report.line_use, ImportLineUse, 0), IMPORT_LINE_HEADLINE);
  import_clear(&im);

  /* sentence case: a long headline, not two */
  import_text(&im, "Wikinews interviews Christopher Hill, U.S. Republican Party presidential candidate" BODY, NULL);
  CHECK_STR(im.article->headline, "Wikinews interviews Christopher Hill, U.S. Republican Party presidential candidate");
  CHECK(im.article->deck == NULL);
  CHECK_INT(diag_log_count(im.log), 0);
  import_clear(&im);

  /* Title Case, long, and no single place to split: kept whole, and said */
  const char *whole = "The Long Road Home For The Families Of The Valley After The Great Flood Of The Year";
  char *text = g_strconcat(whole, BODY, NULL);
  import_text(&im, text, NULL);
  CHECK_STR(im.article->headline, whole);
  CHECK(im.article->deck == NULL);
  CHECK(strstr(im.report.summary, "(kept whole: unsure where a deck would begin)"));
  CHECK_STR(warning(&im, 0), "story.txt:1: the headline may run a deck into it, but where it "
                             "would begin is unclear; kept as one headline (put the deck on a "
                             "line of its own to separate them)");
  import_clear(&im);
  g_free(text);

  /* a second title line is the deck */
  import_text(&im, "Council approves bridge budget\nRepairs to start in spring after years of delay\n"
                   "By Ann Lee" BODY, NULL);
  CHECK_STR(im.article->headline, "Council approves bridge budget");
  CHECK_STR(im.article->deck, "Repairs to start in spring after years of delay");
  CHECK_STR(im.article->byline, "Ann Lee");
  import_clear(&im);
}

TEST(masthead_becomes_source)
{
  Import im;
  import_text(&im, "BBC NEWS\nDVD copy protection strengthened" BODY, NULL);
  CHECK_STR(im.article->source, "BBC News");
  CHECK_STR(im.article->headline, "DVD copy protection strengthened");
  import_clear(&im);
  /* a short first line that names no publication is the headline */
  import_text(&im, "Nagelprobe\nVon Benno Rougk 29.11.2001" BODY, NULL);
  CHECK(im.article->source == NULL);
  CHECK_STR(im.article->headline, "Nagelprobe");
  import_clear(&im);
}

TEST(datelines)
{
  static const struct { const char *paragraph, *dateline, *text; } cases[] = {
    { "TEHRAN - Iran rejected the curbs on Monday.", "TEHRAN", "Iran rejected the curbs on Monday." },
    { "WASHINGTON (AP) \xe2\x80\x94 The talks stalled.", "WASHINGTON (AP)", "The talks stalled." },
    { "NEW YORK, June 24 (Reuters) - Shares fell.", "NEW YORK, June 24 (Reuters)", "Shares fell." },
    { "NATO - the alliance - met on Monday.", NULL, "NATO - the alliance - met on Monday." },
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    char *text = g_strdup_printf("A headline for the story\n\n%s\n", cases[i].paragraph);
    Import im;
    import_text(&im, text, NULL);
    check_field(cases[i].paragraph, "dateline", im.article->dateline, cases[i].dateline);
    check_field(cases[i].paragraph, "paragraph", block_text(im.article, 0), cases[i].text);
    import_clear(&im);
    g_free(text);
  }
}

/* ---- body rules --------------------------------------------------------------------------- */

TEST(hard_wrapped_lines_are_rejoined)
{
  Import im;
  import_text(&im, "A headline for the story\n\n"
                   "The council voted on Tuesday to approve the budget for the\n"
                   "harbour bridge, ending years of negoti-\n"
                   "ations between the city and the port. The well-\n"
                   "known engineer who leads it said the e-\n"
                   "mail came late. Officials called the re-\n"
                   "pairs urgent.\n"
                   "A second paragraph starts after that short line.\n", NULL);
  CHECK_INT(im.article->blocks->len, 2);
  CHECK_STR(block_text(im.article, 0),
            "The council voted on Tuesday to approve the budget for the harbour bridge, ending "
            "years of negotiations between the city and the port. The well-known engineer who "
            "leads it said the e-mail came late. Officials called the repairs urgent.");
  CHECK_STR(block_text(im.article, 1), "A second paragraph starts after that short line.");
  CHECK(strstr(im.report.summary, "2 paragraphs, 2 line-end hyphens dropped"));
  import_clear(&im);
}

TEST(line_per_paragraph_text_keeps_its_paragraphs)
{
  Import im;
  import_text(&im, "A headline for the story\n\n"
                   "Interview\n"
                   "Ann Lee: Why did you run for office this year, after so long?\n"
                   "Bo Chan: Because the harbour needs a bridge that stays open.\n"
                   "- first point of the plan\n"
                   "- second point of the plan\n", NULL);
  CHECK_INT(im.article->blocks->len, 5);
  CHECK_INT(block(im.article, 0)->kind, BLOCK_CROSSHEAD);
  CHECK_STR(block_text(im.article, 1), "Ann Lee: Why did you run for office this year, after so long?");
  CHECK_STR(block_text(im.article, 2), "Bo Chan: Because the harbour needs a bridge that stays open.");
  CHECK_INT(block(im.article, 3)->kind, BLOCK_LIST_ITEM);
  CHECK_STR(block(im.article, 3)->marker, "•");
  CHECK_STR(block_text(im.article, 4), "second point of the plan");
  import_clear(&im);
}

TEST(web_furniture_is_removed_and_listed)
{
  const char *text = "Skip to main content\nHome | World | Middle East\n\n"
                     "The Daily Courier\nA headline for the story\n\n"
                     "Share this article\n\n"
                     "The first paragraph of the story, long enough to be one.\n\n"
                     "Advertisement\n\n"
                     "The second paragraph of the story, after an advertisement.\n\n"
                     "Related:\nBridge closures announced\nPort strike ends\n"
                     "We use cookies to improve your experience.\n";
  Import im;
  import_text(&im, text, NULL);
  CHECK_STR(im.article->source, "The Daily Courier");
  CHECK_INT(im.article->blocks->len, 2);
  CHECK(strstr(im.report.summary,
               "; removed 8 lines: 1 \"Skip to main content\", 2 \"Home | World | Middle East\", "
               "7 \"Share this article\", 11 \"Advertisement\", 15 \"Related:\", "
               "16 \"Bridge closures announced\", 17 \"Port strike ends\", "
               "18 \"We use cookies to improve your experience.\""));
  check_accounting("furniture", text, strlen(text), &im);
  import_clear(&im);

  ImportOptions keep = { DATE_ORDER_AUTO, true };
  import_text(&im, text, &keep);
  CHECK_STR(im.article->headline, "A headline for the story");
  CHECK_INT(im.article->blocks->len, 10);
  CHECK_STR(block_text(im.article, 0), "Skip to main content");
  CHECK_STR(block_text(im.article, 9), "We use cookies to improve your experience.");
  CHECK(g_str_has_suffix(im.report.summary, "; nothing removed (--keep-all)"));
  check_accounting("furniture, --keep-all", text, strlen(text), &im);
  import_clear(&im);
}

TEST(furniture_between_header_lines_is_removed)
{
  const char *text = "The Daily Courier\nAdvertisement\nTrump defends comments\n"
                     "Share this article\nBy Ann Lee 24/6/2026\nAdvertisement\n\n"
                     "The first paragraph of the story, long enough to be one.\n";
  Import im;
  import_text(&im, text, NULL);
  CHECK_STR(im.article->source, "The Daily Courier");
  CHECK_STR(im.article->headline, "Trump defends comments");
  CHECK(im.article->deck == NULL);
  CHECK_STR(im.article->byline, "Ann Lee");
  CHECK_INT(im.article->blocks->len, 1);
  CHECK(g_str_has_suffix(im.report.summary, "; removed 3 lines: 2 \"Advertisement\", "
                                            "4 \"Share this article\", 6 \"Advertisement\""));
  check_accounting("header furniture", text, strlen(text), &im);
  import_clear(&im);
}

TEST(a_last_sentence_about_privacy_is_not_furniture)
{
  Import im;
  import_text(&im, "A headline for the story\n\nThe company said so.\n\n"
                   "It will update its privacy policy next month.\n", NULL);
  CHECK_INT(im.article->blocks->len, 2);
  CHECK(g_str_has_suffix(im.report.summary, "; nothing removed"));
  import_clear(&im);
}

TEST(an_image_beside_the_text_becomes_the_photo)
{
  char *dir = g_dir_make_tmp("galley-import-XXXXXX", NULL);
  CHECK(dir != NULL);
  if (!dir)
    return;
  char *image = g_build_filename(dir, "6d2ca9.png", NULL);
  char *path = g_build_filename(dir, "story.txt", NULL);
  CHECK(g_file_set_contents(image, "not really a png", -1, NULL));
  const char *text = "A headline for the story\n\nAs seen in image 6d2ca9.png, the parade was long.\n";
  Import im;
  import_run(&im, path, text, strlen(text), NULL);
  CHECK_STR(im.article->image, image);
  CHECK_INT(diag_log_count(im.log), 0);
  CHECK(strstr(im.report.summary, "image \""));
  char *markdown = importer_to_markdown(im.article, dir);
  CHECK(strstr(markdown, "\nimage: 6d2ca9.png\n") != NULL);
  g_free(markdown);
  import_clear(&im);
  g_unlink(image);
  g_rmdir(dir);
  g_free(path);
  g_free(image);
  g_free(dir);
}

/* ---- the article format ---------------------------------------------------------------------- */

TEST(markdown_output_escapes_what_would_be_markup)
{
  const char *text = "Frank Messina: An interview with the 'Mets Poet'\n"
                     "By Raju Saha 24/6/2026\n\n"
                     "2004. The year it began.\n\n"
                     "# not a heading, and *not* emphasis, nor _this_ or `code`.\n\n"
                     "+ not a list item, because it is a sentence of the body text.\n\n"
                     "See [the link](http://example.com) and <b>tags</b> & &amp; entities.\n\n"
                     "[KPA] stays as it is, and so does $ 250,000.\n";
  Import im;
  import_text(&im, text, NULL);
  char *markdown = importer_to_markdown(im.article, NULL);
  CHECK(g_str_has_prefix(markdown, "---\nheadline: \"Frank Messina: An interview with the 'Mets Poet'\"\n"
                                   "byline: Raju Saha\ndate: 2026-06-24\n---\n\n2004\\. The year it began.\n"));
  CHECK(strstr(markdown, "\n[KPA] stays as it is, and so does $ 250,000.\n") != NULL);
  GError *error = NULL;
  Article *again = article_read_buffer("again.md", markdown, strlen(markdown), &error);
  CHECK(again != NULL);
  if (again)
    compare_articles("round trip", again, im.article);
  g_clear_error(&error);
  article_free(again);
  g_free(markdown);
  import_clear(&im);
}

TEST(yaml_values_that_yaml_would_misread_are_quoted)
{
  Article *article = article_new("x.txt");
  article->headline = g_strdup("Yes");
  article->deck = g_strdup("2026");
  article->byline = g_strdup("A \"quoted\" name # not a comment");
  article->source = g_strdup("- dash first");
  Block *b = block_new(BLOCK_PARAGRAPH, 0);
  rich_text_append(&b->content, "Text.", -1, 0);
  article_add_block(article, b);
  char *markdown = importer_to_markdown(article, NULL);
  CHECK_STR(markdown, "---\nheadline: \"Yes\"\ndeck: \"2026\"\n"
                      "byline: \"A \\\"quoted\\\" name # not a comment\"\n"
                      "source: \"- dash first\"\n---\n\nText.\n");
  GError *error = NULL;
  Article *again = article_read_buffer("again.md", markdown, strlen(markdown), &error);
  CHECK(again != NULL);
  if (again)
    compare_articles("quoted", again, article);
  g_clear_error(&error);
  article_free(again);
  g_free(markdown);
  article_free(article);
}

/* ---- bad input ----------------------------------------------------------------------------------- */

/* len 0: the length of text. */
static void check_refused(const char *text, size_t len, const char *message)
{
  Import im;
  import_run(&im, "story.txt", text, len ? len : strlen(text), NULL);
  CHECK(im.article == NULL);
  CHECK_STR(im.error, message);
  import_clear(&im);
}

TEST(bad_input_gets_a_clear_message)
{
  check_refused("", 0, "story.txt: the file is empty; there is no text to import");
  check_refused(" \n\t\n\xc2\xa0\n", 0, "story.txt: the file is empty; there is no text to import");
  check_refused("\xef\xbb\xbf\n", 0, "story.txt: the file is empty; there is no text to import");
  check_refused("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16,
                "story.txt: is not text (a NUL byte at byte offset 8); import reads plain text in UTF-8");
  check_refused("\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f text", 0,
                "story.txt: is not text (10 control characters in its first 15 bytes); import "
                "reads plain text in UTF-8");
  check_refused("A headline\n\nBad \xff byte.\n", 0,
                "story.txt:3:5: invalid UTF-8 at byte offset 16 (byte 0xFF); save the file as UTF-8 text");
  check_refused("Only a headline\n", 0,
                "story.txt: found a headline (\"Only a headline\") but no body text after it; an "
                "article needs paragraphs after its headline");
  check_refused("Latest Videos\nShare this article\n", 0,
                "story.txt: every line looks like web furniture (\"Latest Videos\"...); there is "
                "no article to import");
}

TEST(crlf_and_bom_are_read_as_text)
{
  const char *text = "\xef\xbb\xbf" "A headline for the story\r\nBy Ann Lee 24/6/2026\r\n\r\n"
                     "First paragraph of the body.\r\nSecond paragraph of the body.\r\n";
  Import im;
  import_text(&im, text, NULL);
  CHECK_STR(im.article->headline, "A headline for the story");
  CHECK_STR(im.article->byline, "Ann Lee");
  CHECK_INT(im.article->blocks->len, 2);
  CHECK_STR(block_text(im.article, 1), "Second paragraph of the body.");
  CHECK_INT(im.report.line_use->len, 5);
  import_clear(&im);
}

TEST(text_without_a_headline_uses_its_first_line)
{
  Import im;
  import_text(&im, "This first line is a sentence that ends with a full stop.\n\nThe body.\n", NULL);
  CHECK_STR(im.article->headline, "This first line is a sentence that ends with a full stop.");
  CHECK_STR(warning(&im, 0), "story.txt:1: no headline found; the first line is used as the "
                             "headline; put the headline on a line of its own");
  import_clear(&im);
}

TEST(a_five_megabyte_line_imports_whole)
{
  size_t len = 5u * 1024u * 1024u;
  char *text = g_malloc(len + 1);
  static const char words[] = "word text news story ";
  for (size_t i = 0; i < len; i++)
    text[i] = words[i % (sizeof words - 1)];
  text[len - 1] = '.';
  text[len] = '\0';
  gint64 start = g_get_monotonic_time();
  Import im;
  import_run(&im, "story.txt", text, len, NULL);
  CHECK(g_get_monotonic_time() - start < 10 * G_USEC_PER_SEC);
  CHECK(im.article != NULL);
  if (im.article) {
    CHECK_STR(im.article->headline, "word text news story word text news story word text…");
    CHECK_INT(im.article->blocks->len, 1);
    CHECK_INT(block(im.article, 0)->content.text->len, len);
    CHECK(g_str_has_prefix(warning(&im, 0), "story.txt:1: no headline found (the first line is "
                                             "5242880 characters long)"));
  }
  import_clear(&im);
  g_free(text);
}

/* Inputs in the shapes that could make a careless scan quadratic: five
 * megabytes of dates on one line, and eighty thousand short wrapped lines. */
TEST(large_inputs_import_in_linear_time)
{
  static const char *const units[] = { "On 12/5/2020 and 13/5/2020 ", "the text runs on, wrapped\n" };
  for (size_t u = 0; u < G_N_ELEMENTS(units); u++) {
    GString *text = g_string_new("A headline for the story\n\n");
    while (text->len < (u == 0 ? 5u : 2u) * 1024u * 1024u)
      g_string_append(text, units[u]);
    g_string_append(text, "end.\n");
    gint64 start = g_get_monotonic_time();
    Import im;
    import_run(&im, "story.txt", text->str, text->len, NULL);
    CHECK(g_get_monotonic_time() - start < 20 * G_USEC_PER_SEC);
    CHECK(im.article != NULL);
    if (im.article) {
      CHECK_STR(im.article->headline, "A headline for the story");
      CHECK_INT(im.article->blocks->len, 1);   /* one paragraph: one line, or all joined */
      CHECK(g_str_has_suffix(block_text(im.article, 0), "end."));
    }
    import_clear(&im);
    g_string_free(text, TRUE);
  }
}

TEST(text_paths)
{
  CHECK(importer_is_text_path("raw/story.txt"));
  CHECK(importer_is_text_path("STORY.TXT"));
  CHECK(!importer_is_text_path("story.md"));
  CHECK(!importer_is_text_path(".txt"));
}

RUN_TESTS("importer",
          T(oligo_news_imports_as_the_hand_made_article),
          T(corpus_raw_files_import_as_expected),
          T(corpus_raw_files_lose_no_line),
          T(corpus_raw_imports_round_trip_through_the_article_format),
          T(corpus_specifics),
          T(byline_forms),
          T(date_lines),
          T(ambiguous_dates_follow_evidence_option_or_default),
          T(run_together_title_is_split_only_when_clear),
          T(masthead_becomes_source),
          T(datelines),
          T(hard_wrapped_lines_are_rejoined),
          T(line_per_paragraph_text_keeps_its_paragraphs),
          T(web_furniture_is_removed_and_listed),
          T(furniture_between_header_lines_is_removed),
          T(a_last_sentence_about_privacy_is_not_furniture),
          T(an_image_beside_the_text_becomes_the_photo),
          T(markdown_output_escapes_what_would_be_markup),
          T(yaml_values_that_yaml_would_misread_are_quoted),
          T(bad_input_gets_a_clear_message),
          T(crlf_and_bom_are_read_as_text),
          T(text_without_a_headline_uses_its_first_line),
          T(a_five_megabyte_line_imports_whole),
          T(large_inputs_import_in_linear_time),
          T(text_paths))
