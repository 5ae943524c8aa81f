/* cli_build.c — galley build: the PDF, once or on every change (--watch). */
#include "cli.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "compose.h"
#include "output.h"
#include "pdfdoc.h"
#include "pdfnav.h"
#include "proof.h"
#include "render.h"
#include "watch.h"

typedef struct {
  int pages, overset, warnings;
  gboolean ok;
  int status;   /* when ok: EXIT_SUCCESS, or EXIT_OVERSET for an edition */
} BuildResult;

/* The document's options from the layout and the command line; FALSE
 * (error) for bad print options. Caller frees doc->creator. */
static gboolean doc_options(const Options *options, const Job *job, PdfDocOptions *doc,
                            GError **error)
{
  *doc = (PdfDocOptions){ job->layout, job->layout->print, g_strdup_printf("galley %s", GALLEY_VERSION),
                          cli_creation_time(), NULL, NULL, NULL };
  const char *pdfx = options->pdfx_cmyk ? "cmyk" : options->pdfx ? "gray" : NULL;
  return pdfdoc_print_options(&doc->print, options->print, options->bleed, pdfx,
                              options->min_photo_ppi, options->edition, error);
}

static GBytes *make_pdf(const Options *options, const Job *job, const DisplayList *list,
                        Overlay *overlay, GError **error)
{
  PdfDocOptions doc;
  PdfNav *nav = job->edition ? edition_nav(job->edition, list) : NULL;
  GBytes *pdf = NULL;
  if (doc_options(options, job, &doc, error)) {
    doc.nav = nav;
    doc.overlay = overlay ? overlay_draw : NULL;
    doc.overlay_data = overlay;
    pdf = pdfdoc_make(list, (Article *const *)job->articles->pdata, job->articles->len, &doc,
                      job->log, error);
  }
  pdfnav_free(nav);
  g_free((char *)doc.creator);
  return pdf;
}

/* The continuous flow draws each page as soon as it is finished, while
 * the next stories are set, and the page then lets go of its glyphs: a long
 * run takes the memory of a few pages, not of the whole run. Not for
 * editions, overlays, box dumps or --watch, which read the finished pages. */
static gboolean can_draw_while_composing(const Options *options, const Job *job)
{
  return !job->edition && !options->overlay && !options->dump_boxes && !options->watch;
}

static DisplayList *compose_and_draw(const Options *options, Job *job, GBytes **pdf,
                                     GError **error)
{
  PdfDocOptions doc;
  *pdf = NULL;
  if (!doc_options(options, job, &doc, error)) {
    g_free((char *)doc.creator);
    return NULL;
  }
  Article *const *articles = (Article *const *)job->articles->pdata;
  unsigned count = job->articles->len;
  cli_progress(options, "setting %u article%s in type and drawing the pages", count,
               count == 1 ? "" : "s");
  PdfDocStream *stream = pdfdoc_stream_new(&doc, articles, count, options->jobs != 1);
  DisplayList *list = compose_continuous_streamed(job->layout, job->fonts, articles, count,
                                                  (unsigned)MAX(options->jobs, 0),
                                                  pdfdoc_stream_page, stream, job->log);
  *pdf = pdfdoc_stream_finish(stream, list, job->log, error);
  g_free((char *)doc.creator);
  return list;
}

/* Writes pdf (made already, or now from the finished pages when NULL). */
static gboolean write_pdf(const Options *options, const Job *job, const DisplayList *list,
                          GBytes *pdf)
{
  Overlay *overlay = options->overlay ? cli_overlay_new(job, list) : NULL;
  GError *error = NULL;
  if (!pdf) {
    cli_progress(options, "drawing %d page%s", display_list_page_count(list),
                 display_list_page_count(list) == 1 ? "" : "s");
    pdf = make_pdf(options, job, list, overlay, &error);
  } else {
    g_bytes_ref(pdf);
  }
  gboolean ok = pdf && output_write(options->output, pdf, &error);
  if (error) {
    cli_progress_done(options);
    cli_print_error(error);
    g_error_free(error);
  }
  if (pdf)
    g_bytes_unref(pdf);
  overlay_free(overlay);
  return ok;
}

static BuildResult build_once(const Options *options, Job *job)
{
  BuildResult result = { 0 };
  if (!cli_job_load(job, options)) {
    cli_progress_done(options);
    return result;
  }
  GBytes *drawn = NULL;
  GError *error = NULL;
  gboolean streamed = can_draw_while_composing(options, job);
  DisplayList *list = streamed ? compose_and_draw(options, job, &drawn, &error)
                               : cli_job_compose(job, options);
  if (streamed && list && !cli_job_accept(job, options, list)) {
    g_clear_error(&error);   /* the stream's refusal of too many pages: said above, with the count */
    g_clear_pointer(&drawn, g_bytes_unref);
    g_clear_pointer(&list, display_list_free);
  }
  if (!list || (error && !drawn)) {
    cli_progress_done(options);
    if (error)
      cli_print_error(error);
    g_clear_error(&error);
    display_list_free(list);
    return result;
  }
  result.pages = display_list_page_count(list);
  result.warnings = (int)diag_log_count(job->log);
  if (options->watch) {
    ProofReport *proof = proof_run(list, job->layout, (Article *const *)job->articles->pdata,
                                   job->articles->len);
    result.overset = proof->counts[PROOF_OVERSET];
    proof_report_free(proof);
  }
  result.ok = write_pdf(options, job, list, drawn) && cli_write_dump(list, options->dump_boxes);
  if (drawn)
    g_bytes_unref(drawn);
  if (result.ok && !options->watch)
    cli_report(options, job, list, options->output);
  if (result.ok)
    result.status = cli_edition_status(options, job);
  cli_progress_done(options);
  display_list_free(list);
  return result;
}

/* ---- watch ---------------------------------------------------------------------- */

static volatile sig_atomic_t stop_watching;

static void on_signal(int signo)
{
  (void)signo;
  stop_watching = 1;
}

static void catch_signals(void)
{
  struct sigaction action = { 0 };
  action.sa_handler = on_signal;   /* no SA_RESTART: the wait returns */
  sigaction(SIGINT, &action, NULL);
  sigaction(SIGTERM, &action, NULL);
}

/* One line per build: when, what, pages, overset, warnings, time taken. */
static void print_summary(const Options *options, const BuildResult *result, double seconds)
{
  GDateTime *now = g_date_time_new_now_local();
  char *clock = g_date_time_format(now, "%H:%M:%S");
  if (result->ok)
    printf("%s built %s: %d page%s, %d overset, %d warning%s, %.2f s\n", clock, options->output,
           result->pages, result->pages == 1 ? "" : "s", result->overset, result->warnings,
           result->warnings == 1 ? "" : "s", seconds);
  else
    printf("%s failed: %s kept as it was (errors above), %.2f s\n", clock, options->output, seconds);
  fflush(stdout);
  g_free(clock);
  g_date_time_unref(now);
}

/* The files to watch: those the last build read, else those named. */
static GPtrArray *watched_files(const Options *options, const Job *job)
{
  GPtrArray *paths = cli_job_sources(job);
  for (int i = 0; options->inputs && options->inputs[i]; i++)
    if (strcmp(options->inputs[i], "-") != 0)
      g_ptr_array_add(paths, g_strdup(options->inputs[i]));
  if (!job->layout_path) {
    char *dir = cli_data_dir();
    g_ptr_array_add(paths, cli_resolve_layout(dir, options->layout));
    g_free(dir);
  }
  return paths;
}

static gboolean watch_build(const Options *options, Watch *watch)
{
  Job job = { 0 };
  gint64 start = g_get_monotonic_time();
  BuildResult result = build_once(options, &job);
  print_summary(options, &result, (g_get_monotonic_time() - start) / 1e6);
  if (options->verbose)
    diag_log_print(job.log);
  GPtrArray *paths = watched_files(options, &job);
  GError *error = NULL;
  gboolean ok = watch_set_files(watch, paths, &error);
  if (!ok) {
    cli_print_error(error);
    g_error_free(error);
  }
  g_ptr_array_free(paths, TRUE);
  cli_job_clear(&job);
  return ok;
}

static int run_watch(const Options *options)
{
  GError *error = NULL;
  Watch *watch = watch_new(&error);
  if (!watch) {
    cli_print_error(error);
    g_error_free(error);
    return EXIT_BAD_INPUT;
  }
  catch_signals();
  if (!options->quiet)
    fprintf(stderr, "galley: watching the articles, their photos and the layout; Ctrl-C stops\n");
  gboolean ok = watch_build(options, watch);
  while (ok && !stop_watching) {
    char *changed = watch_wait(watch, 150);
    if (!changed || stop_watching) {
      g_free(changed);
      break;
    }
    if (options->verbose)
      fprintf(stderr, "galley: %s changed\n", changed);
    g_free(changed);
    ok = watch_build(options, watch);
  }
  watch_free(watch);
  return ok ? EXIT_SUCCESS : EXIT_BAD_INPUT;
}

int cli_build_run(const Options *options)
{
  if (!options->output) {
    fprintf(stderr, "galley: error: say where the PDF goes with -o FILE.pdf (or -o - for "
                    "standard output)\n");
    return EXIT_BAD_INPUT;
  }
  if (options->watch && strcmp(options->output, "-") == 0) {
    fprintf(stderr, "galley: error: --watch rebuilds a file; give one with -o FILE.pdf\n");
    return EXIT_BAD_INPUT;
  }
  if (options->watch)
    return run_watch(options);
  if (strcmp(options->output, "-") == 0 && isatty(STDOUT_FILENO)) {
    fprintf(stderr, "galley: error: -o - writes the PDF to standard output, which is a "
                    "terminal; redirect it (> out.pdf) or pipe it\n");
    return EXIT_BAD_INPUT;
  }
  Job job = { 0 };
  BuildResult result = build_once(options, &job);
  cli_job_clear(&job);
  return result.ok ? result.status : EXIT_BAD_INPUT;
}
