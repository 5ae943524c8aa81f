/* fuzz_article.c — the article reader (front matter YAML + Markdown body).
 *
 * Any bytes either give an article with a headline or an error whose
 * message names the file; never a crash, a leak or a hang. */
#include <string.h>

#include "article.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  GError *error = NULL;
  Article *article = article_read_buffer("fuzz/article.md", (const char *)data, size, &error);
  if (article) {
    FUZZ_ASSERT(article->headline && *article->headline, "an article without a headline was accepted");
    FUZZ_ASSERT(error == NULL, "an article and an error both returned");
    (void)article_word_count(article);
    article_free(article);
  } else {
    FUZZ_ASSERT(error != NULL, "no article and no error");
    FUZZ_ASSERT(strncmp(error->message, "fuzz/article.md", 15) == 0, "the error does not name the file");
    g_error_free(error);
  }
  return 0;
}
