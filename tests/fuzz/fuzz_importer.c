/* fuzz_importer.c — the plain-text importer, and its round trip.
 *
 * Any bytes either give an article or an error. An imported article,
 * written in the article format (importer_to_markdown), must read back with
 * the article reader: the importer never writes a file galley refuses. The
 * input's length picks the options, so every option is exercised. */
#include <string.h>

#include "article.h"
#include "fuzz.h"
#include "hyphenate.h"
#include "importer.h"

/* Loads the hyphenation dictionaries the importer may ask for (to rejoin
 * words hyphenated at line ends) before the first input: loading German
 * takes seconds under ASan, which would be charged to that input as a
 * timeout. They stay loaded for the process (src/hyphenate.c). */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc;
  (void)argv;
  static const char *const languages[] = { "en", "de", "fr", "es" };
  Hyphenator *hyphenator = hyphenator_new(NULL);
  for (unsigned i = 0; i < G_N_ELEMENTS(languages); i++)
    (void)hyphenator_supports(hyphenator, languages[i]);
  hyphenator_free(hyphenator);
  return 0;
}

static void check_round_trip(const Article *article)
{
  char *markdown = importer_to_markdown(article, NULL);
  GError *error = NULL;
  Article *again = article_read_buffer("fuzz/imported.md", markdown, strlen(markdown), &error);
  if (!again)
    fprintf(stderr, "fuzz: the imported article does not read back: %s\n--- written:\n%s---\n",
            error->message, markdown);
  FUZZ_ASSERT(again != NULL, "importer_to_markdown wrote an article the reader refuses");
  article_free(again);
  g_free(markdown);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  ImportOptions options = { .date_order = (DateOrder)(size % 3), .keep_all = (size / 3) % 2 };
  ImportReport report = { 0 };
  DiagLog *log = diag_log_new();
  GError *error = NULL;
  Article *article = importer_read_buffer("fuzz/import.txt", (const char *)data, size, &options,
                                          &report, log, &error);
  if (article) {
    FUZZ_ASSERT(error == NULL, "an article and an error both returned");
    FUZZ_ASSERT(report.summary != NULL, "an import without a summary");
    check_round_trip(article);
    article_free(article);
  } else {
    FUZZ_ASSERT(error != NULL, "no article and no error");
    g_error_free(error);
  }
  for (unsigned i = 0; i < diag_log_count(log); i++)
    FUZZ_ASSERT(diag_log_message(log, i) != NULL, "a warning without a message");
  importer_report_clear(&report);
  diag_log_free(log);
  return 0;
}
