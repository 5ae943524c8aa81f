/* article.h — the article reader: YAML front matter plus CommonMark body.
 *
 * Format: ../shared/ARTICLE-FORMAT.md. The file must be valid UTF-8 and
 * open with a front matter block between two "---" lines. `headline` is
 * required; unknown keys are ignored. Errors name FILE:LINE:COL. */
#ifndef GALLEY_ARTICLE_H
#define GALLEY_ARTICLE_H

#include "model.h"

/* Reads an article from path. Caller owns the result (article_free). */
Article *article_read_file(const char *path, GError **error);

/* Reads an article from memory; path is used for messages and to resolve
 * the image path. */
Article *article_read_buffer(const char *path, const char *data, size_t len,
                             GError **error);

#endif
