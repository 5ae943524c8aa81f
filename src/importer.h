/* importer.h — reads an article that arrived as scraped plain text.
 *
 * Text copied from a website or a wire has no markup, only conventions: a
 * masthead line, the headline (sometimes with its deck run into it), a
 * byline with a date, the body, and the site's furniture ("Latest Videos",
 * "Share this article") around it. The importer recognises these with the
 * rules listed in README.md ("Importing plain text") and builds an Article
 * as the article reader would.
 *
 * Nothing disappears unseen: every input line ends up in the article or in
 * the list of removed lines that the report's summary gives (and that
 * --keep-all turns off). */
#ifndef GALLEY_IMPORTER_H
#define GALLEY_IMPORTER_H

#include <stdbool.h>

#include "diag.h"
#include "model.h"

/* How to read an all-numeric date such as 6/1/2015 whose order the text
 * itself does not settle. */
typedef enum { DATE_ORDER_AUTO, DATE_ORDER_DMY, DATE_ORDER_MDY } DateOrder;

typedef struct {
  DateOrder date_order;
  bool keep_all;        /* keep web furniture in the body instead of removing it */
} ImportOptions;

/* What became of one input line. */
typedef enum {
  IMPORT_LINE_BLANK,
  IMPORT_LINE_SOURCE,     /* the masthead: `source` */
  IMPORT_LINE_HEADLINE,   /* the headline (and deck, when split from it) */
  IMPORT_LINE_DECK,
  IMPORT_LINE_BYLINE,     /* a byline, with or without a date */
  IMPORT_LINE_DATE,       /* a line holding only a date */
  IMPORT_LINE_BODY,       /* part of a body block (dateline included) */
  IMPORT_LINE_REMOVED     /* web furniture, listed in the summary */
} ImportLineUse;

/* What the importer found, for the one line printed per imported file and
 * for tests. */
typedef struct {
  char *summary;       /* "source \"The Oligo News\", headline \"...\", ...;
                          removed 1 line: 15 \"Latest Videos\"" (no path) */
  GArray *line_use;    /* ImportLineUse for each input line; [0] is line 1 */
} ImportReport;

/* Frees what the report holds (not the report itself); accepts an
 * all-zero report. */
void importer_report_clear(ImportReport *report);

/* Imports len bytes of plain text. path names the input in messages and
 * locates an image the text mentions ("image 6d2ca9.png" beside it).
 * Warnings (an ambiguous date, a missing image, a guessed headline) go to
 * log; report, when not NULL, receives the summary and the line uses.
 * Returns NULL with error ("FILE:LINE:COL: ..." or the byte offset of
 * invalid UTF-8) for input that is not text or holds no article.
 * Caller owns the result (article_free) and clears the report. */
Article *importer_read_buffer(const char *path, const char *data, size_t len,
                              const ImportOptions *options, ImportReport *report,
                              DiagLog *log, GError **error);

/* Reads path and imports it as importer_read_buffer does. */
Article *importer_read_file(const char *path, const ImportOptions *options,
                            ImportReport *report, DiagLog *log, GError **error);

/* True when path names a plain-text article (it ends in ".txt"). */
bool importer_is_text_path(const char *path);

/* The article in the article format (../shared/ARTICLE-FORMAT.md): front
 * matter with the fields that are set, YAML values quoted where YAML would
 * misread them, then the body with Markdown escaped where a paragraph would
 * otherwise be read as markup. The image path is written relative to
 * markdown_dir, the folder the result will be saved in (NULL: the current
 * folder). Caller owns the result (g_free). */
char *importer_to_markdown(const Article *article, const char *markdown_dir);

#endif
