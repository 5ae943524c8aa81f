/* cli.h — what galley's subcommands share: their options, loading a job
 * (layout, fonts, articles), composing it, and saying what happened.
 *
 * main.c parses the command line into one Options and calls a command's
 * run function (cli_*.c). A new option is a field here and an entry in
 * main.c's tables; commands read only the fields they use. */
#ifndef GALLEY_CLI_H
#define GALLEY_CLI_H

#include <glib.h>
#include <stdio.h>

#include "diag.h"
#include "edition.h"
#include "edition_compose.h"
#include "displaylist.h"
#include "fonts.h"
#include "hyphenate.h"
#include "importer.h"
#include "model.h"
#include "overlay.h"

#ifndef GALLEY_VERSION
#define GALLEY_VERSION "0.1.0"
#endif

#define EXIT_FINDINGS 1     /* galley check: the proof found errors */
#define EXIT_BAD_INPUT 2    /* bad input, usage error or unwritable output */
#define EXIT_OVERSET 3      /* an edition was written, but a story did not fit */

typedef struct {
  char *layout;
  char *output;
  char *dump_boxes;
  double dpi;
  char *pages;
  char *format;         /* preview: png or svg */
  gboolean sheet;       /* preview: one contact sheet */
  gboolean term;        /* preview: draw in the terminal */
  char *graphics;       /* preview --term: auto, blocks, kitty, sixel */
  char *size;           /* preview --term: COLSxROWS instead of the terminal's */
  gboolean overlay;     /* build, preview: columns, grid, frames, marks */
  gboolean watch;       /* build: rebuild on change */
  gboolean print;             /* build: print marks and bleed */
  gboolean pdfx, pdfx_cmyk;   /* build: PDF/X in gray or CMYK */
  char *bleed, *edition;
  double min_photo_ppi;       /* < 0: the layout's */
  gboolean placeholder_images;  /* build, preview: a photo that cannot be read is a placeholder */
  gboolean json;        /* check, fonts, layouts */
  int jobs;             /* archive: workers; 0: one per core */
  gboolean plan, index_only, force;   /* archive */
  char *date_order;
  gboolean keep_all;
  gboolean quiet, verbose;
  char **inputs;
} Options;

typedef struct {
  char *data_dir;
  char *layout_path;
  Layout *layout;        /* an edition's own when one was given */
  Fonts *fonts;
  GPtrArray *articles;   /* Article*; an edition's own when one was given */
  DiagLog *log;
  Edition *edition;      /* an edition file was given instead of articles */
  EditionReport edition_report;
  HyphenPreload *hyphen_preload;   /* the articles' dictionaries, loading while fonts are read */
} Job;

/* galley's data folder: $GALLEY_DATADIR, else the build tree the binary
 * sits in, else the installed folder. Caller frees. */
char *cli_data_dir(void);

/* A layout is a path, or the name of a shipped layout ("tabloid"). */
char *cli_resolve_layout(const char *data_dir, const char *layout);

void cli_print_error(const GError *error);

/* --date-order and --keep-all as the importer takes them; FALSE (reported)
 * for a bad --date-order. */
gboolean cli_import_options(const Options *options, ImportOptions *import);

/* Imports a plain-text article, saying in one line (unless quiet) what was found. */
Article *cli_import_text(const char *path, const ImportOptions *import, gboolean quiet,
                         DiagLog *log, GError **error);

/* Reads layout, fonts and articles ("-" is standard input); reports every
 * failure before giving up. */
gboolean cli_job_load(Job *job, const Options *options);
void cli_job_clear(Job *job);
/* The pages, or NULL (reported). A photo that cannot be read is an error,
 * so nothing is written, unless options->placeholder_images: then a
 * warning, and a grey placeholder crossed out in its place. */
DisplayList *cli_job_compose(Job *job, const Options *options);
/* What cli_job_compose checks on the pages composed (the page limit, photos
 * that cannot be read), for pages composed otherwise; FALSE (reported):
 * write nothing. */
gboolean cli_job_accept(const Job *job, const Options *options, const DisplayList *list);

/* After a job is written: with -v, the edition's placement decisions; its
 * overset stories (even with -q: text that is not printed). Returns the
 * exit status: EXIT_OVERSET when a story did not fit. */
int cli_edition_status(const Options *options, const Job *job);

/* Every file a job was made from: articles, their photos, the layout. */
GPtrArray *cli_job_sources(const Job *job);

/* SOURCE_DATE_EPOCH, else now. */
gint64 cli_creation_time(void);

/* Writes --dump-boxes when asked; FALSE (reported) when it cannot. */
gboolean cli_write_dump(const DisplayList *list, const char *path);

/* Warnings (unless -q) and, with -v, what was made. */
void cli_report(const Options *options, const Job *job, const DisplayList *list, const char *what);

/* Parses "1-3,5" into wanted[count] (1-based pages); count 0 and wanted
 * NULL only checks the syntax. No spec wants every page. *highest (may be
 * NULL) is the highest page asked for. */
gboolean cli_parse_pages(const char *spec, int count, gboolean *wanted, int *highest);

/* A progress line on stderr, rewritten in place, only when stderr is a
 * terminal and -q is not given; cli_progress_done clears it. */
void cli_progress(const Options *options, const char *format, ...) G_GNUC_PRINTF(2, 3);
void cli_progress_done(const Options *options);

/* The overlay for --overlay: columns, grid, a frame per story named after
 * its file, and a mark at each proof finding. Caller frees. */
Overlay *cli_overlay_new(const Job *job, const DisplayList *list);

/* The commands. */
int cli_build_run(const Options *options);
int cli_preview_run(const Options *options);
int cli_import_run(const Options *options);
int cli_check_run(const Options *options);
int cli_fonts_run(const Options *options);
int cli_layouts_run(const Options *options);
int cli_new_run(const Options *options);
int cli_archive_run(const Options *options);

#endif
