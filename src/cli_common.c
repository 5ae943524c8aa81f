/* cli_common.c — loading, composing and reporting, shared by the commands. */
#include "cli.h"

#include "galley_limits.h"

#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "compose.h"
#include "importer.h"
#include "layout.h"
#include "output.h"
#include "proof.h"

#ifndef GALLEY_DATADIR
#define GALLEY_DATADIR "/usr/local/share/galley"
#endif

static gboolean has_layouts(const char *dir)
{
  char *layouts = g_build_filename(dir, "layouts", NULL);
  gboolean found = g_file_test(layouts, G_FILE_TEST_IS_DIR);
  g_free(layouts);
  return found;
}

/* An installed galley (PREFIX/bin) finds PREFIX/share/galley wherever the
 * tree was copied to (DESTDIR, a relocated prefix); a galley in its build
 * tree finds the tree's layouts/ up to three folders above it. */
static char *data_dir_beside(const char *exe)
{
  char *dir = g_path_get_dirname(exe);
  char *share = g_build_filename(dir, "..", "share", "galley", NULL);
  if (has_layouts(share)) {
    g_free(dir);
    return share;
  }
  g_free(share);
  for (int up = 0; up < 3; up++) {
    if (has_layouts(dir))
      return dir;
    char *parent = g_path_get_dirname(dir);
    g_free(dir);
    dir = parent;
  }
  g_free(dir);
  return NULL;
}

char *cli_data_dir(void)
{
  const char *env = g_getenv("GALLEY_DATADIR");
  if (env && *env)
    return g_strdup(env);
  char *exe = g_file_read_link("/proc/self/exe", NULL);
  char *dir = exe ? data_dir_beside(exe) : NULL;
  g_free(exe);
  return dir ? dir : g_strdup(GALLEY_DATADIR);
}

char *cli_resolve_layout(const char *data_dir, const char *layout)
{
  if (!layout)
    layout = "tabloid";
  if (g_file_test(layout, G_FILE_TEST_EXISTS) || strchr(layout, '/'))
    return g_strdup(layout);
  char *file = g_strconcat(layout, g_str_has_suffix(layout, ".yaml") ? "" : ".yaml", NULL);
  char *path = g_build_filename(data_dir, "layouts", file, NULL);
  g_free(file);
  return path;
}

void cli_print_error(const GError *error)
{
  fprintf(stderr, "galley: error: %s\n", error->message);
}

/* ---- articles ----------------------------------------------------------------- */

/* --date-order and --keep-all as the importer takes them. */
gboolean cli_import_options(const Options *options, ImportOptions *import)
{
  import->keep_all = options->keep_all;
  import->date_order = DATE_ORDER_AUTO;
  if (!options->date_order || strcmp(options->date_order, "auto") == 0)
    return TRUE;
  if (strcmp(options->date_order, "dmy") == 0) {
    import->date_order = DATE_ORDER_DMY;
  } else if (strcmp(options->date_order, "mdy") == 0) {
    import->date_order = DATE_ORDER_MDY;
  } else {
    fprintf(stderr, "galley: error: --date-order takes dmy or mdy, not '%s'\n", options->date_order);
    return FALSE;
  }
  return TRUE;
}

/* Imports a plain-text article, saying in one line what was found. */
Article *cli_import_text(const char *path, const ImportOptions *import, gboolean quiet,
                            DiagLog *log, GError **error)
{
  ImportReport report = { 0 };
  Article *article = importer_read_file(path, import, &report, log, error);
  if (article && !quiet)
    fprintf(stderr, "galley: imported %s: %s\n", path, report.summary);
  importer_report_clear(&report);
  return article;
}

/* "-": an article on standard input, named <stdin> in messages; its photo
 * path is taken from the current folder. */
static Article *read_stdin_article(GError **error)
{
  GIOChannel *in = g_io_channel_unix_new(STDIN_FILENO);
  g_io_channel_set_encoding(in, NULL, NULL);
  char *data = NULL;
  gsize len = 0;
  GError *local = NULL;
  Article *article = NULL;
  if (g_io_channel_read_to_end(in, &data, &len, &local) == G_IO_STATUS_NORMAL) {
    article = article_read_buffer("<stdin>", data ? data : "", len, error);
  } else {
    diag_set_error(error, GALLEY_ERROR_INPUT, "<stdin>", 0, 0, "cannot read standard input: %s",
                   local ? local->message : "read error");
  }
  if (local)
    g_error_free(local);
  g_free(data);
  g_io_channel_unref(in);
  return article;
}

/* An article file, standard input, or plain text (.txt) through the importer. */
static Article *read_article(const char *path, const Options *options, DiagLog *log,
                             GError **error)
{
  if (strcmp(path, "-") == 0)
    return read_stdin_article(error);
  if (!importer_is_text_path(path))
    return article_read_file(path, error);
  ImportOptions import;
  cli_import_options(options, &import);   /* checked before reading */
  return cli_import_text(path, &import, options->quiet, log, error);
}

static gboolean read_articles(Job *job, const Options *options)
{
  gboolean ok = TRUE, stdin_read = FALSE;
  char **inputs = options->inputs;
  job->articles = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
  for (int i = 0; inputs && inputs[i]; i++) {
    if (strcmp(inputs[i], "-") == 0 && stdin_read) {
      fprintf(stderr, "galley: error: '-' (standard input) can be given only once\n");
      ok = FALSE;
      continue;
    }
    stdin_read = stdin_read || strcmp(inputs[i], "-") == 0;
    GError *error = NULL;
    Article *article = read_article(inputs[i], options, job->log, &error);
    if (!article) {
      cli_print_error(error);
      g_error_free(error);
      ok = FALSE;
      continue;
    }
    g_ptr_array_add(job->articles, article);
  }
  return ok;
}

/* ---- jobs ----------------------------------------------------------------------- */

void cli_job_clear(Job *job)
{
  hyphenator_preload_finish(job->hyphen_preload);
  if (job->edition) {   /* layout and articles are the edition's */
    job->layout = NULL;
    job->articles = NULL;
    edition_free(job->edition);
    edition_report_clear(&job->edition_report);
  }
  if (job->articles)
    g_ptr_array_free(job->articles, TRUE);
  layout_free(job->layout);
  fonts_free(job->fonts);
  diag_log_free(job->log);
  g_free(job->layout_path);
  g_free(job->data_dir);
  memset(job, 0, sizeof *job);
}

static void load_layout(Job *job, const Options *options)
{
  GError *error = NULL;
  job->layout_path = cli_resolve_layout(job->data_dir, options->layout);
  job->layout = layout_read_file(job->layout_path, &error);
  if (error) {
    cli_print_error(error);
    g_error_free(error);
  }
}

static void load_fonts(Job *job)
{
  GError *error = NULL;
  char *fonts_dir = g_build_filename(job->data_dir, "fonts", NULL);
  if (job->layout) {
    job->fonts = fonts_new(fonts_dir, &error);
    if (job->fonts && !compose_check_fonts(job->layout, job->fonts, &error)) {
      fonts_free(job->fonts);
      job->fonts = NULL;
    }
  }
  g_free(fonts_dir);
  if (error) {
    cli_print_error(error);
    g_error_free(error);
  }
}

/* Dictionaries load on a thread of their own while the fonts are read. */
static void start_hyphen_preload(Job *job)
{
  char **languages = compose_languages(job->layout, (Article *const *)job->articles->pdata,
                                       job->articles->len);
  job->hyphen_preload = hyphenator_preload_start(NULL, (const char *const *)languages);
  g_strfreev(languages);
}

/* An edition file: its layout, page kinds and articles come from it. */
static gboolean load_edition(Job *job, const Options *options)
{
  if (options->inputs[1]) {
    fprintf(stderr, "galley: error: give one edition file, or article files without an edition\n");
    return FALSE;
  }
  GError *error = NULL;
  char *layouts = g_build_filename(job->data_dir, "layouts", NULL);
  char *layout = options->layout ? cli_resolve_layout(job->data_dir, options->layout) : NULL;
  job->edition = edition_read_file(options->inputs[0], layouts, layout, job->log, &error);
  g_free(layouts);
  g_free(layout);
  edition_report_init(&job->edition_report);
  if (job->edition) {
    job->layout = job->edition->layout;
    job->articles = job->edition->articles;
    job->layout_path = g_strdup(job->edition->layout->path);
    start_hyphen_preload(job);
  }
  if (error) {
    cli_print_error(error);
    g_error_free(error);
  }
  if (job->edition)
    load_fonts(job);
  return job->edition && job->fonts;
}

int cli_edition_status(const Options *options, const Job *job)
{
  if (!job->edition)
    return EXIT_SUCCESS;
  if (options->verbose)
    fputs(job->edition_report.decisions->str, stderr);
  if (!job->edition_report.overset_stories)
    return EXIT_SUCCESS;
  char **lines = g_strsplit(job->edition_report.overset->str, "\n", -1);
  for (int i = 0; lines[i]; i++)
    if (*lines[i])
      fprintf(stderr, "galley: overset: %s\n", lines[i]);
  g_strfreev(lines);
  return EXIT_OVERSET;
}

gboolean cli_job_load(Job *job, const Options *options)
{
  job->data_dir = cli_data_dir();
  job->log = diag_log_new();
  if (options->jobs < 0 || options->jobs > GALLEY_MAX_THREADS) {
    fprintf(stderr, "galley: error: -j takes a number of threads from 1 to %d, not %d (without -j: "
                    "one per core)\n", GALLEY_MAX_THREADS, options->jobs);
    return FALSE;
  }
  if (options->inputs && options->inputs[0] && edition_is_path(options->inputs[0]))
    return load_edition(job, options);
  if (!options->inputs || !options->inputs[0]) {
    fprintf(stderr, "galley: error: no article files given; try 'galley %s --help'\n",
            g_get_prgname() && g_str_has_prefix(g_get_prgname(), "galley ")
              ? g_get_prgname() + 7 : "build");
    return FALSE;
  }
  ImportOptions import;
  if (!cli_import_options(options, &import))
    return FALSE;
  cli_progress(options, "reading %u article%s", g_strv_length(options->inputs),
               g_strv_length(options->inputs) == 1 ? "" : "s");
  load_layout(job, options);
  gboolean articles_ok = read_articles(job, options);
  if (job->layout && articles_ok)
    start_hyphen_preload(job);
  load_fonts(job);
  GError *error = NULL;
  if (articles_ok &&
      !compose_check_size((Article *const *)job->articles->pdata, job->articles->len, &error)) {
    cli_print_error(error);
    g_clear_error(&error);
    articles_ok = FALSE;
  }
  return job->layout && job->fonts && articles_ok;
}

static DisplayList *compose(Job *job, const Options *options)
{
  if (job->edition) {
    cli_progress(options, "laying out the edition's pages");
    GError *error = NULL;
    DisplayList *list = edition_compose(job->edition, job->fonts, job->log, &job->edition_report,
                                        &error);
    if (!list) {
      cli_print_error(error);
      g_error_free(error);
    }
    return list;
  }
  cli_progress(options, "setting %u article%s in type", job->articles->len,
               job->articles->len == 1 ? "" : "s");
  return compose_continuous(job->layout, job->fonts, (Article *const *)job->articles->pdata,
                            job->articles->len, (unsigned)MAX(options->jobs, 0), job->log);
}

/* Photos composition could not read (each has a placeholder): warnings when
 * the user proofs with placeholders, else errors. FALSE for errors. */
static gboolean accept_photo_faults(const Job *job, const Options *options)
{
  unsigned count = diag_log_fault_count(job->log);
  for (unsigned i = 0; i < count; i++) {
    const char *fault = diag_log_fault(job->log, i);
    if (options->placeholder_images)
      diag_warn(job->log, NULL, 0, 0, "%s; a grey placeholder, crossed out, is printed instead", fault);
    else
      fprintf(stderr, "galley: error: %s; or give --placeholder-images to proof the pages with a "
                      "placeholder in its place\n", fault);
  }
  return count == 0 || options->placeholder_images;
}

/* Checked on the composed pages, before anything is written: text too
 * long for one document is refused whole rather than cut short. */
static gboolean within_page_limit(const DisplayList *list)
{
  int pages = display_list_page_count(list);
  if (pages <= GALLEY_MAX_PAGES)
    return TRUE;
  fprintf(stderr, "galley: error: the pages run to %d, more than %d, galley's limit for one "
                  "document; build the articles in several runs\n", pages, GALLEY_MAX_PAGES);
  return FALSE;
}

gboolean cli_job_accept(const Job *job, const Options *options, const DisplayList *list)
{
  if (within_page_limit(list) && accept_photo_faults(job, options))
    return TRUE;
  cli_progress_done(options);
  return FALSE;
}

DisplayList *cli_job_compose(Job *job, const Options *options)
{
  DisplayList *list = compose(job, options);
  if (list && !cli_job_accept(job, options, list)) {
    display_list_free(list);
    return NULL;
  }
  return list;
}

GPtrArray *cli_job_sources(const Job *job)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func(g_free);
  if (job->layout_path)
    g_ptr_array_add(paths, g_strdup(job->layout_path));
  for (guint i = 0; job->articles && i < job->articles->len; i++) {
    const Article *article = g_ptr_array_index(job->articles, i);
    if (strcmp(article->path, "<stdin>") != 0)
      g_ptr_array_add(paths, g_strdup(article->path));
    if (article->image)
      g_ptr_array_add(paths, g_strdup(article->image));
  }
  return paths;
}

gint64 cli_creation_time(void)
{
  const char *epoch = g_getenv("SOURCE_DATE_EPOCH");
  if (epoch && *epoch) {
    char *end = NULL;
    gint64 seconds = g_ascii_strtoll(epoch, &end, 10);
    if (end && *end == '\0' && seconds >= 0)
      return seconds;
  }
  return g_get_real_time() / G_USEC_PER_SEC;
}

gboolean cli_write_dump(const DisplayList *list, const char *path)
{
  if (!path)
    return TRUE;
  char *json = display_list_to_json(list);
  GBytes *bytes = g_bytes_new_take(json, strlen(json));
  GError *error = NULL;
  gboolean ok = output_write(path, bytes, &error);
  g_bytes_unref(bytes);
  if (!ok) {
    cli_print_error(error);
    g_error_free(error);
  }
  return ok;
}

void cli_report(const Options *options, const Job *job, const DisplayList *list, const char *what)
{
  cli_progress_done(options);
  if (!options->quiet)
    diag_log_print(job->log);
  if (options->verbose)
    diag_log_print_notes(job->log);
  if (options->verbose)
    fprintf(stderr, "galley: %u article%s, %d page%s -> %s\n", job->articles->len,
            job->articles->len == 1 ? "" : "s", display_list_page_count(list),
            display_list_page_count(list) == 1 ? "" : "s",
            strcmp(what, "-") == 0 ? "standard output" : what);
}

/* ---- page lists ------------------------------------------------------------------- */

static gboolean parse_range(const char *part, int *first, int *last)
{
  char tail = 0;
  if (sscanf(part, "%d-%d%c", first, last, &tail) == 2)
    return *first >= 1 && *last >= *first;
  if (sscanf(part, "%d%c", first, &tail) == 1) {
    *last = *first;
    return *first >= 1;
  }
  return FALSE;
}

gboolean cli_parse_pages(const char *spec, int count, gboolean *wanted, int *highest)
{
  if (highest)
    *highest = count;
  if (!spec) {
    for (int i = 0; i < count; i++)
      wanted[i] = TRUE;
    return TRUE;
  }
  char **parts = g_strsplit(spec, ",", -1);
  gboolean ok = parts[0] != NULL;
  for (int i = 0; ok && parts[i]; i++) {
    int first = 0, last = 0;
    ok = parse_range(g_strstrip(parts[i]), &first, &last);
    if (ok && highest && (i == 0 || last > *highest))
      *highest = last;
    for (int p = first; ok && p <= last && p <= count; p++)
      wanted[p - 1] = TRUE;
  }
  g_strfreev(parts);
  return ok;
}

/* ---- progress ------------------------------------------------------------------------ */

static gboolean progress_shown;

void cli_progress(const Options *options, const char *format, ...)
{
  if (options->quiet || !isatty(STDERR_FILENO))
    return;
  va_list args;
  va_start(args, format);
  char *text = g_strdup_vprintf(format, args);
  va_end(args);
  fprintf(stderr, "\r\033[Kgalley: %s…", text);
  fflush(stderr);
  g_free(text);
  progress_shown = TRUE;
}

void cli_progress_done(const Options *options)
{
  (void)options;
  if (!progress_shown)
    return;
  fprintf(stderr, "\r\033[K");
  fflush(stderr);
  progress_shown = FALSE;
}

/* ---- overlay ------------------------------------------------------------------------ */

Overlay *cli_overlay_new(const Job *job, const DisplayList *list)
{
  Overlay *overlay = overlay_new(job->layout, list, fonts_font_map(job->fonts));
  unsigned count = job->articles->len;
  char **names = g_new0(char *, count + 1);
  for (unsigned i = 0; i < count; i++)
    names[i] = g_path_get_basename(((Article *)g_ptr_array_index(job->articles, i))->path);
  overlay_add_story_frames(overlay, (const char *const *)names, count);
  g_strfreev(names);
  ProofReport *report = proof_run(list, job->layout, (Article *const *)job->articles->pdata, count);
  for (guint i = 0; i < report->findings->len; i++) {
    const ProofFinding *f = &g_array_index(report->findings, ProofFinding, i);
    if (f->page >= 0)
      overlay_add_mark(overlay, f->page, f->x, f->y,   /* loose lines are many: no label */
                       f->kind == PROOF_LOOSE_LINE ? NULL : proof_kind_name(f->kind),
                       proof_kind_is_error(f->kind));
  }
  proof_report_free(report);
  return overlay;
}
