/* archive.h — `galley archive`: one PDF per article, DIR/NAME.pdf, in a
 * single-story layout, and DIR/index.pdf listing them with links.
 *
 * Incremental: DIR/.galley-archive (a GKeyFile) records, per article, a
 * SHA-256 of everything its PDF is made from (galley's version, the
 * article's bytes, its photo's, the layout's and the dictionaries it
 * names, fonts.conf, SOURCE_DATE_EPOCH) and of the PDF written; an article
 * whose record still matches is not built again. Articles are built by
 * worker processes, each `galley build` on one article, at most `jobs` at
 * a time; --plan prints those very commands instead, for GNU parallel or a
 * batch scheduler, and --index-only then makes the index. */
#ifndef GALLEY_ARCHIVE_H
#define GALLEY_ARCHIVE_H

#include <glib.h>

typedef struct {
  const char *galley;        /* the executable the workers run */
  const char *data_dir;      /* galley's data folder (fonts/fonts.conf) */
  const char *layout_path;   /* resolved: a file */
  const char *output_dir;    /* DIR */
  char **articles;           /* NULL-terminated */
  int jobs;                  /* at most this many workers; 0: one per core */
  gboolean plan;             /* print the commands, build nothing */
  gboolean index_only;       /* build the index from PDFs already built */
  gboolean force;            /* rebuild every article */
  gboolean quiet, verbose;
} ArchiveOptions;

/* Runs the archive; returns the exit status (0, or 2 when an article or
 * the index could not be made; the others are still built). */
int archive_run(const ArchiveOptions *options);

#endif
