/* test_hyphenate.c — hyphenation: each language's own dictionary (German,
 * French, English), the layout's house rules (minimums, capitalised words,
 * the last word), house dictionaries overriding the patterns and their
 * errors, and whole articles set in German and French whose every
 * hyphenated line breaks where that language's dictionary allows.
 * Points are shown as "-" (ordinary) and "=" (the composer's last resort). */
#include "article.h"
#include "check.h"
#include "compose.h"
#include "fonts.h"
#include "housedict.h"
#include "hyphenate.h"
#include "layout.h"

#include <glib/gstdio.h>

/* text with its hyphenation points marked */
static char *marked(Hyphenator *h, const char *language, const char *text)
{
  RichText rich;
  rich_text_init(&rich);
  rich_text_append(&rich, text, -1, 0);
  GArray *points = hyphenator_points(h, language, &rich);
  GString *out = g_string_new(NULL);
  size_t previous = 0;
  for (unsigned i = 0; i < points->len; i++) {
    const HyphenPoint *point = &g_array_index(points, HyphenPoint, i);
    g_string_append_len(out, text + previous, (gssize)(point->offset - previous));
    g_string_append_c(out, point->last_resort ? '=' : '-');
    previous = point->offset;
  }
  g_string_append(out, text + previous);
  g_array_unref(points);
  rich_text_clear(&rich);
  return g_string_free(out, FALSE);
}

#define CHECK_MARKED(h, language, text, expected)                                    \
  do {                                                                               \
    char *got_ = marked(h, language, text);                                          \
    CHECK_STR(got_, expected);                                                       \
    g_free(got_);                                                                    \
  } while (0)

static HouseDict *house(const char *text, GError **error)
{
  return housedict_read_buffer("house.txt", text, strlen(text), error);
}

/* ---- dictionaries ------------------------------------------------------------------ */

TEST(german_words_break_at_german_points)
{
  Hyphenator *h = hyphenator_new(NULL);
  /* German nouns are capitalised but are not names: ordinary points; the
   * dictionary is ISO 8859-1, so ü and ß must be converted to match */
  CHECK_MARKED(h, "de", "Die Bürgermeisterwahl im Zeitungsverlag an der Straßenbahnhaltestelle endet.",
               "Die Bür-ger-meis-ter-wahl im Zei-tungs-ver-lag an der Stra-ßen-bahn-hal-te-stelle en=det.");
  /* the English patterns break the same word elsewhere */
  CHECK_MARKED(h, "en", "im Zeitungsverlag endet", "im Zeitungsver=lag en=det");
  hyphenator_free(h);
}

TEST(french_words_break_at_french_points)
{
  Hyphenator *h = hyphenator_new(NULL);
  /* the French dictionary is UTF-8: é is one character, not two bytes */
  CHECK_MARKED(h, "fr", "Le développement du gouvernement après la réélection continue.",
               "Le dé-ve-lop-pe-ment du gou-ver-ne-ment après la ré-élec-tion conti=nue.");
  CHECK_MARKED(h, "en", "the development continues", "the de-vel-op-ment con=tin=ues");
  hyphenator_free(h);
}

TEST(unknown_language_has_no_points)
{
  Hyphenator *h = hyphenator_new(NULL);
  CHECK_MARKED(h, "xx", "information information", "information information");
  CHECK(!hyphenator_supports(h, "xx"));
  CHECK(hyphenator_supports(h, "de-CH"));
  hyphenator_free(h);
}

/* ---- house rules ----------------------------------------------------------------- */

TEST(default_rules_are_the_layouts)
{
  HyphenRules rules;
  hyphenator_default_rules(&rules);
  Layout *layout = layout_read_buffer("page.yaml", "name: defaults\n", 15, NULL);
  CHECK(layout != NULL);
  if (!layout)
    return;
  CHECK_INT(rules.min_word, layout->hyphenation.min_word);
  CHECK_INT(rules.min_left, layout->hyphenation.min_left);
  CHECK_INT(rules.min_right, layout->hyphenation.min_right);
  CHECK_INT(rules.capitalized, layout->hyphenation.capitalized);
  CHECK_INT(rules.last_word, layout->hyphenation.last_word);
  CHECK_INT(rules.min_word, 6);
  CHECK(!rules.capitalized && !rules.last_word);
  layout_free(layout);
}

TEST(minimum_word_length)
{
  Hyphenator *h = hyphenator_new(NULL);
  HyphenRules rules;
  hyphenator_default_rules(&rules);
  /* six letters and up: ordinary; five: last resort; four: never */
  CHECK_MARKED(h, "en", "tables table also done", "ta-bles ta=ble also done");
  rules.min_word = 8;
  hyphenator_set_rules(h, &rules);
  CHECK_MARKED(h, "en", "council tables information done", "coun=cil tables in-for-ma-tion done");
  rules.min_word = 12;
  hyphenator_set_rules(h, &rules);
  CHECK_MARKED(h, "en", "council information done", "council in=for=ma=tion done");
  hyphenator_free(h);
}

TEST(minimum_letters_left_and_right)
{
  Hyphenator *h = hyphenator_new(NULL);
  HyphenRules rules;
  hyphenator_default_rules(&rules);
  CHECK_MARKED(h, "en", "information associated done", "in-for-ma-tion as-so-ci-ated done");
  rules.min_left = 3;
  hyphenator_set_rules(h, &rules);
  CHECK_MARKED(h, "en", "information associated done", "infor-ma-tion asso-ci-ated done");
  rules.min_left = 2;
  rules.min_right = 5;
  hyphenator_set_rules(h, &rules);
  CHECK_MARKED(h, "en", "information associated done", "in-for-mation as-so-ciated done");
  hyphenator_free(h);
}

TEST(capitalised_words_only_as_last_resort)
{
  Hyphenator *h = hyphenator_new(NULL);
  CHECK_MARKED(h, "en", "Washington council met", "Wash=ing=ton coun-cil met");
  /* soft hyphens go only where an ordinary point is */
  RichText text;
  rich_text_init(&text);
  rich_text_append(&text, "Washington council met", -1, 0);
  hyphenator_mark(h, "en", &text);
  CHECK_STR(text.text->str, "Washington coun\xc2\xad" "cil met");
  rich_text_clear(&text);
  HyphenRules rules;
  hyphenator_default_rules(&rules);
  rules.capitalized = true;
  hyphenator_set_rules(h, &rules);
  CHECK_MARKED(h, "en", "Washington council met", "Wash-ing-ton coun-cil met");
  hyphenator_free(h);
}

/* A paragraph's last word breaks only as a last resort ('=' points): the
 * composer uses them only when the alternative is a gaping line. */
TEST(last_word_is_hyphenated_only_as_a_last_resort)
{
  Hyphenator *h = hyphenator_new(NULL);
  CHECK_MARKED(h, "en", "information information", "in-for-ma-tion in=for=ma=tion");
  CHECK_MARKED(h, "en", "information information.", "in-for-ma-tion in=for=ma=tion.");
  CHECK_MARKED(h, "de", "Bürgermeisterwahl", "Bür=ger=meis=ter=wahl");
  HyphenRules rules;
  hyphenator_default_rules(&rules);
  rules.last_word = true;
  hyphenator_set_rules(h, &rules);
  CHECK_MARKED(h, "en", "information information.", "in-for-ma-tion in-for-ma-tion.");
  hyphenator_free(h);
}

/* ---- house dictionaries -------------------------------------------------------------- */

TEST(house_dictionary_overrides_the_patterns)
{
  GError *error = NULL;
  HouseDict *en = house("# English house words\n"
                        "co-ro-na-vi-rus   # the patterns say coro-n-avirus\n"
                        "\n"
                        "  content\n"
                        "Oli-go\n", &error);
  HouseDict *de = house("Bahn-hof-stra-ße\n", &error);
  CHECK(en && de && !error);
  if (!en || !de)
    return;
  CHECK_INT(housedict_size(en), 3);
  Hyphenator *h = hyphenator_new(NULL);
  CHECK_MARKED(h, "en", "coronavirus content contents done", "coro-n-avirus con-tent con-tents done");
  CHECK_MARKED(h, "de", "Bahnhofstraße heute", "Bahn-hofs-traße heute");
  GHashTable *exceptions = g_hash_table_new(g_str_hash, g_str_equal);
  g_hash_table_insert(exceptions, "en", en);
  g_hash_table_insert(exceptions, "de", de);
  HyphenRules rules;
  hyphenator_default_rules(&rules);
  rules.exceptions = exceptions;
  hyphenator_set_rules(h, &rules);
  /* any capitalisation matches (capitals still make it a last resort);
   * other forms ("contents") keep the patterns */
  CHECK_MARKED(h, "en", "coronavirus CORONAVIRUS content contents done",
               "co-ro-na-vi-rus CO=RO=NA=VI=RUS content con-tents done");
  CHECK_MARKED(h, "en", "Coronavirus done", "Co=ro=na=vi=rus done");
  CHECK_MARKED(h, "en-GB", "coronavirus done", "co-ro-na-vi-rus done");
  /* the minimums still apply: "stra-ße" leaves two letters */
  CHECK_MARKED(h, "de", "Bahnhofstraße heute", "Bahn-hof-straße heute");
  CHECK_MARKED(h, "de-CH", "Bahnhofstraße heute", "Bahn-hof-straße heute");
  /* another language's house words do not apply */
  CHECK_MARKED(h, "fr", "coronavirus fin", "co-ro-na-vi-rus fin");
  hyphenator_free(h);
  g_hash_table_destroy(exceptions);
  housedict_free(en);
  housedict_free(de);
}

TEST(house_dictionary_errors_name_line_and_column)
{
  static const struct { const char *text, *message; } cases[] = {
    { "news-pa-per\nnews--paper\n",
      "house.txt:2:5: a break point needs a letter on each side; write the word with single "
      "hyphens between its parts, such as news-pa-per" },
    { "-news\n", "house.txt:1:1: a break point needs a letter on each side" },
    { "# ok\n   paper-\n", "house.txt:2:9: a break point needs a letter on each side" },
    { "news-pa-per2\n",
      "house.txt:1:12: '2' cannot be part of a word here: an entry is letters with hyphens at "
      "its break points, such as news-pa-per" },
    { "Straße\nnews_paper\n", "house.txt:2:5: '_' cannot be part of a word here" },
    { "news-pa-per magazine # two\n",
      "house.txt:1:13: one word a line: put 'magazine' on a line of its own" },
    { "news-pa-per\npaper\nNews-paper\n",
      "house.txt:3:1: 'Newspaper' is already listed on line 1 with other break points; keep one "
      "of the two" },
    { "good\nbad \377\n", "house.txt:2:5: invalid UTF-8 (byte 0xFF); save the file as UTF-8" },
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    GError *error = NULL;
    HouseDict *dict = house(cases[i].text, &error);
    CHECK(dict == NULL);
    CHECK(error && g_str_has_prefix(error->message, cases[i].message));
    if (error && !g_str_has_prefix(error->message, cases[i].message))
      fprintf(stderr, "  got: %s\n  expected: %s\n", error->message, cases[i].message);
    g_clear_error(&error);
    housedict_free(dict);
  }
  /* repeats that agree, a byte-order mark, CRLF and comments are fine */
  GError *error = NULL;
  HouseDict *dict = house("\xef\xbb\xbfnews-pa-per\r\nNEWS-PA-PER\r\n#\r\n\r\n", &error);
  CHECK(dict && !error);
  CHECK(dict && housedict_size(dict) == 1);
  const GArray *breaks = NULL;
  CHECK(dict && housedict_lookup(dict, "Newspaper", 9, &breaks) && breaks->len == 2);
  housedict_free(dict);
  g_clear_error(&error);
}

/* ---- the layout's hyphenation block ------------------------------------------------ */

typedef struct {
  char *dir;
} Scratch;

static char *scratch_write(Scratch *s, const char *name, const char *text)
{
  char *path = g_build_filename(s->dir, name, NULL);
  g_file_set_contents(path, text, -1, NULL);
  return path;
}

static void scratch_clear(Scratch *s)
{
  GDir *dir = g_dir_open(s->dir, 0, NULL);
  const char *name;
  while (dir && (name = g_dir_read_name(dir))) {
    char *path = g_build_filename(s->dir, name, NULL);
    g_remove(path);
    g_free(path);
  }
  if (dir)
    g_dir_close(dir);
  g_rmdir(s->dir);
  g_free(s->dir);
}

static Layout *read_layout(Scratch *s, const char *text, GError **error)
{
  char *path = scratch_write(s, "page.yaml", text);
  Layout *layout = layout_read_file(path, error);
  g_free(path);
  return layout;
}

TEST(layout_names_house_dictionaries)
{
  Scratch s = { g_dir_make_tmp("galley-hyph-XXXXXX", NULL) };
  g_free(scratch_write(&s, "en.txt", "news-pa-per\npub-li-ca-tion\n"));
  g_free(scratch_write(&s, "de.txt", "Bahn-hof-stra-ße\n"));
  GError *error = NULL;
  Layout *one = read_layout(&s, "hyphenation:\n  exceptions: en.txt\n  min_word: 7\n"
                                "  capitalized: true\n  last_word: yes\n"
                                "styles:\n  body: {language: en-GB}\n", &error);
  CHECK(one && !error);
  if (one) {
    GHashTable *ex = one->hyphenation.exceptions;
    CHECK(ex && g_hash_table_size(ex) == 1);
    HouseDict *en = ex ? g_hash_table_lookup(ex, "en-gb") : NULL;
    CHECK(en && housedict_size(en) == 2);
    CHECK_INT(one->hyphenation.min_word, 7);
    CHECK(one->hyphenation.capitalized && one->hyphenation.last_word);
  }
  layout_free(one);
  Layout *two = read_layout(&s, "hyphenation:\n  exceptions: {en: en.txt, de_DE: de.txt}\n", &error);
  CHECK(two && !error);
  if (two) {
    GHashTable *ex = two->hyphenation.exceptions;
    CHECK(ex && g_hash_table_size(ex) == 2);
    CHECK(ex && g_hash_table_lookup(ex, "en") && g_hash_table_lookup(ex, "de-de"));
  }
  layout_free(two);
  g_clear_error(&error);
  scratch_clear(&s);
}

TEST(layout_exception_errors)
{
  Scratch s = { g_dir_make_tmp("galley-hyph-XXXXXX", NULL) };
  g_free(scratch_write(&s, "en.txt", "news-pa-per\n\nnews paper\n"));
  g_free(scratch_write(&s, "good.txt", "news-pa-per\n"));
  char *bad_line = g_strdup_printf("%s/en.txt:3:6: one word a line: put 'paper' on a line of its own", s.dir);
  char *missing = g_strdup_printf("%s/page.yaml:2:20: the hyphenation exceptions file %s/none.txt "
                                  "does not exist; check the path (relative to the layout's folder)",
                                  s.dir, s.dir);
  char *no_language = g_strdup_printf("%s/page.yaml:2:15: one exceptions file is for the body style's "
                                      "language, but the body style names none", s.dir);
  char *bad_tag = g_strdup_printf("%s/page.yaml:2:16: 'english' is not a language code", s.dir);
  const struct { const char *layout, *message; } cases[] = {
    { "hyphenation:\n  exceptions: {en: en.txt}\n", bad_line },
    { "hyphenation:\n  exceptions: {en: none.txt}\n", missing },
    { "hyphenation:\n  exceptions: good.txt\n", no_language },
    { "hyphenation:\n  exceptions: {english: en.txt}\n", bad_tag },
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    GError *error = NULL;
    Layout *layout = read_layout(&s, cases[i].layout, &error);
    CHECK(layout == NULL);
    CHECK(error && g_str_has_prefix(error->message, cases[i].message));
    if (error && !g_str_has_prefix(error->message, cases[i].message))
      fprintf(stderr, "  got: %s\n  expected: %s\n", error->message, cases[i].message);
    g_clear_error(&error);
    layout_free(layout);
  }
  g_free(bad_line);
  g_free(missing);
  g_free(no_language);
  g_free(bad_tag);
  scratch_clear(&s);
}

TEST(shipped_english_layouts_use_the_house_dictionary)
{
  static const char *const names[] = { "tabloid", "broadsheet", "berliner", "newsletter-a4",
                                       "newsletter-letter" };
  for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
    char *path = g_strdup_printf("layouts/%s.yaml", names[i]);
    GError *error = NULL;
    Layout *layout = layout_read_file(path, &error);
    CHECK(layout != NULL);
    HouseDict *en = layout && layout->hyphenation.exceptions
                      ? g_hash_table_lookup(layout->hyphenation.exceptions, "en") : NULL;
    const GArray *breaks = NULL;
    CHECK(en && housedict_lookup(en, "Oligo", 5, &breaks) && breaks->len == 0);
    CHECK(en && housedict_lookup(en, "newspapers", 10, &breaks) && breaks->len == 2);
    layout_free(layout);
    g_clear_error(&error);
    g_free(path);
  }
}

/* ---- whole articles ------------------------------------------------------------------ */

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
  if (!fonts)
    check_failures_in_test++;
  return fonts;
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

static DisplayList *compose_one(const Layout *layout, Article *article, DiagLog *log)
{
  Fonts *fonts = test_fonts();
  if (!fonts || !article)
    return NULL;
  return compose_continuous(layout, fonts, &article, 1, 1, log);
}

/* The body lines of the display list, in order. */
static GPtrArray *body_lines(const DisplayList *list)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func(g_free);
  for (unsigned i = 0; list && i < display_list_box_count(list); i++) {
    const Box *box = display_list_box(list, i);
    if (box->kind == BOX_TEXT && box->style == STYLE_BODY)
      g_ptr_array_add(lines, display_list_box_text(box));
  }
  return lines;
}

static const char *last_word(const char *line)
{
  const char *space = strrchr(line, ' ');
  return space ? space + 1 : line;
}

/* Counts the lines hyphenated inside a word (not at a compound's own
 * hyphen, which the source has) and checks each break is one of the
 * language's dictionary points under the default rules. */
static int dictionary_breaks(const GPtrArray *lines, const char *source, const char *language)
{
  Hyphenator *h = hyphenator_new(NULL);
  int count = 0;
  for (unsigned i = 0; i + 1 < lines->len; i++) {
    const char *line = g_ptr_array_index(lines, i);
    if (!g_str_has_suffix(line, "-"))
      continue;
    const char *left = last_word(line);
    size_t left_len = strlen(left) - 1;
    const char *next = g_ptr_array_index(lines, i + 1);
    size_t right_len = 0;
    while (next[right_len] && g_unichar_isalpha(g_utf8_get_char(next + right_len)))
      right_len = (size_t)(g_utf8_next_char(next + right_len) - next);
    char *as_written = g_strdup_printf("%.*s-%.*s", (int)left_len, left, (int)right_len, next);
    if (strstr(source, as_written)) {
      g_free(as_written);
      continue;
    }
    char *word = g_strdup_printf("%.*s%.*s end", (int)left_len, left, (int)right_len, next);
    RichText text;
    rich_text_init(&text);
    rich_text_append(&text, word, -1, 0);
    GArray *points = hyphenator_points(h, language, &text);
    bool at_point = false;
    for (unsigned k = 0; k < points->len; k++)
      at_point |= g_array_index(points, HyphenPoint, k).offset == left_len;
    if (!at_point)
      fprintf(stderr, "  %s breaks \"%s\" after %zu bytes, not at a dictionary point\n",
              language, word, left_len);
    CHECK(at_point);
    count++;
    g_array_unref(points);
    rich_text_clear(&text);
    g_free(word);
    g_free(as_written);
  }
  hyphenator_free(h);
  return count;
}

static const char german[] =
  "---\nheadline: Bürgermeisterwahl\nlanguage: de\n---\n\n"
  "Die Bürgermeisterwahl in der Landeshauptstadt hat die Verkehrsplanung der Stadtverwaltung "
  "erneut in den Mittelpunkt gerückt. Die Straßenbahnhaltestellen am Hauptbahnhof sollen bis "
  "zum Sommer barrierefrei umgebaut werden, teilte die Verkehrsgesellschaft mit.\n\n"
  "Der Gemeinderat verabschiedete außerdem die Haushaltsplanung für das kommende Jahr. "
  "Die Oppositionsfraktionen kritisierten die Investitionsentscheidungen als unzureichend "
  "und forderten eine Überarbeitung der Finanzierungsvereinbarungen mit dem Bundesland.\n";

static const char french[] =
  "---\nheadline: Élection municipale\nlanguage: fr\n---\n\n"
  "Le développement des transports publics reste la principale préoccupation des électeurs, "
  "selon une consultation organisée par la municipalité avant la réélection du maire. "
  "Les administrations concernées promettent une amélioration considérable du réseau.\n\n"
  "Le gouvernement régional accompagnera financièrement la modernisation des infrastructures "
  "ferroviaires, indépendamment des négociations budgétaires actuellement engagées.\n";

static int hyphenated_article_lines(const char *source, const char *language, const Layout *layout)
{
  DiagLog *log = diag_log_new();
  Article *article = parse(source);
  DisplayList *list = compose_one(layout, article, log);
  CHECK(list != NULL);
  GPtrArray *lines = body_lines(list);
  CHECK(lines->len > 8);
  int count = dictionary_breaks(lines, source, language);
  CHECK_INT(diag_log_note_count(log), 0);   /* every paragraph composed */
  g_ptr_array_free(lines, TRUE);
  if (list)
    display_list_free(list);
  article_free(article);
  diag_log_free(log);
  return count;
}

TEST(german_and_french_articles_hyphenate_with_their_dictionaries)
{
  Layout *layout = layout_read_file("layouts/tabloid.yaml", NULL);
  CHECK(layout != NULL);
  if (!layout)
    return;
  CHECK(hyphenated_article_lines(german, "de", layout) >= 2);
  CHECK(hyphenated_article_lines(french, "fr", layout) >= 1);
  layout_free(layout);
}

TEST(layout_rules_reach_the_composer)
{
  Layout *layout = layout_read_file("layouts/tabloid.yaml", NULL);
  CHECK(layout != NULL);
  if (!layout)
    return;
  layout->hyphenation.min_word = 40;   /* no word is that long: nothing hyphenates */
  CHECK_INT(hyphenated_article_lines(german, "de", layout), 0);
  layout_free(layout);
}

/* Dictionaries loading on their own thread while a Hyphenator asks for the
 * same ones: it waits for them and breaks as before; a language with no
 * dictionary is passed over. */
TEST(preloaded_dictionaries_break_the_same)
{
  const char *languages[] = { "fr", "de", "xx", NULL };
  HyphenPreload *preload = hyphenator_preload_start(NULL, languages);
  Hyphenator *h = hyphenator_new(NULL);
  CHECK_MARKED(h, "de", "Die Bürgermeisterwahl endet.", "Die Bür-ger-meis-ter-wahl en=det.");
  CHECK(!hyphenator_supports(h, "xx"));
  hyphenator_preload_finish(preload);
  CHECK(hyphenator_supports(h, "fr"));
  hyphenator_free(h);
  hyphenator_preload_finish(NULL);   /* none started: nothing to wait for */
}

/* Points are cached a word at a time in bytes; a word too long for that
 * is worked out every time, and breaks the same way each time. */
TEST(very_long_word_breaks_the_same_twice)
{
  Hyphenator *h = hyphenator_new(NULL);
  GString *word = g_string_new(NULL);
  for (int i = 0; i < 20; i++)
    g_string_append(word, "zeitungsverlag");   /* 280 letters */
  CHECK(word->len > 255);
  char *first = marked(h, "de", word->str);
  char *second = marked(h, "de", word->str);
  CHECK(strpbrk(first, "-=") != NULL);
  CHECK_STR(second, first);
  g_free(first);
  g_free(second);
  g_string_free(word, TRUE);
  hyphenator_free(h);
}

TEST(right_to_left_paragraph_is_noted_once)
{
  Layout *layout = layout_read_file("layouts/tabloid.yaml", NULL);
  CHECK(layout != NULL);
  if (!layout)
    return;
  DiagLog *log = diag_log_new();
  Article *article = parse("---\nheadline: Arabic\nlanguage: ar\n---\n\n"
                           "A paragraph in English first.\n\n"
                           "مرحبا بالعالم، هذه فقرة عربية طويلة بما يكفي لتنكسر على عدة أسطر.\n\n"
                           "وهذه فقرة ثانية.\n");
  DisplayList *list = compose_one(layout, article, log);
  CHECK_INT(diag_log_note_count(log), 1);
  CHECK_INT(diag_log_count(log), 0);   /* a note, not a warning */
  if (diag_log_note_count(log) == 1)
    CHECK_STR(diag_log_note(log, 0),
              "test.md:8: 2 justified paragraphs set with Pango's own line breaking instead of "
              "the paragraph composer (right-to-left or bidirectional text; the first is here)");
  if (list)
    display_list_free(list);
  article_free(article);
  diag_log_free(log);
  layout_free(layout);
}

RUN_TESTS("hyphenate",
  T(german_words_break_at_german_points),
  T(french_words_break_at_french_points),
  T(unknown_language_has_no_points),
  T(default_rules_are_the_layouts),
  T(minimum_word_length),
  T(minimum_letters_left_and_right),
  T(capitalised_words_only_as_last_resort),
  T(last_word_is_hyphenated_only_as_a_last_resort),
  T(house_dictionary_overrides_the_patterns),
  T(house_dictionary_errors_name_line_and_column),
  T(layout_names_house_dictionaries),
  T(layout_exception_errors),
  T(shipped_english_layouts_use_the_house_dictionary),
  T(german_and_french_articles_hyphenate_with_their_dictionaries),
  T(layout_rules_reach_the_composer),
  T(right_to_left_paragraph_is_noted_once),
  T(preloaded_dictionaries_break_the_same),
  T(very_long_word_breaks_the_same_twice))
