/* main.c — the galley command line: a table of subcommands, each with a
 * GOptionEntry table from which its --help is generated.
 *
 * Exit status: 0 success; 2 bad input, usage error or unwritable output.
 * A failing article does not stop the others from being read and reported;
 * no output is written unless every input was read. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "compose.h"
#include "diag.h"
#include "fonts.h"
#include "importer.h"
#include "layout.h"
#include "output.h"
#include "pdfdoc.h"
#include "render.h"

#ifndef GALLEY_VERSION
#define GALLEY_VERSION "0.1.0"
#endif
#ifndef GALLEY_DATADIR
#define GALLEY_DATADIR "/usr/local/share/galley"
#endif

#define EXIT_BAD_INPUT 2

typedef struct {
  char *layout;
  char *output;
  char *dump_boxes;
  double dpi;
  char *pages;
  char *date_order;
  gboolean keep_all;
  gboolean quiet, verbose;
  gboolean print;             /* build: print marks and bleed */
  gboolean pdfx, pdfx_cmyk;   /* build: PDF/X in gray or CMYK */
  char *bleed, *edition;
  double min_photo_ppi;       /* < 0: the layout's */
  char **inputs;
} Options;

/* ---- where galley's data lives ------------------------------------------------ */

/* GALLEY_DATADIR from the environment, else the folder of the executable
 * when it holds layouts/ (a build tree), else the installed data folder. */
static char *find_data_dir(void)
{
  const char *env = g_getenv("GALLEY_DATADIR");
  if (env && *env)
    return g_strdup(env);
  char *exe = g_file_read_link("/proc/self/exe", NULL);
  if (exe) {
    char *dir = g_path_get_dirname(exe);
    g_free(exe);
    for (int up = 0; up < 3; up++) {
      char *layouts = g_build_filename(dir, "layouts", NULL);
      gboolean found = g_file_test(layouts, G_FILE_TEST_IS_DIR);
      g_free(layouts);
      if (found)
        return dir;
      char *parent = g_path_get_dirname(dir);
      g_free(dir);
      dir = parent;
    }
    g_free(dir);
  }
  return g_strdup(GALLEY_DATADIR);
}

/* A layout is a path, or the name of a shipped layout ("tabloid"). */
static char *resolve_layout(const char *data_dir, const char *layout)
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

static void print_error(const GError *error)
{
  fprintf(stderr, "galley: error: %s\n", error->message);
}

/* ---- reading the inputs ---------------------------------------------------------- */

typedef struct {
  char *data_dir;
  Layout *layout;
  Fonts *fonts;
  GPtrArray *articles;   /* Article* */
  DiagLog *log;
} Job;

static void job_clear(Job *job)
{
  if (job->articles)
    g_ptr_array_free(job->articles, TRUE);
  layout_free(job->layout);
  fonts_free(job->fonts);
  diag_log_free(job->log);
  g_free(job->data_dir);
}

/* --date-order and --keep-all as the importer takes them. */
static gboolean import_options(const Options *options, ImportOptions *import)
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
static Article *import_text(const char *path, const ImportOptions *import, gboolean quiet,
                            DiagLog *log, GError **error)
{
  ImportReport report = { 0 };
  Article *article = importer_read_file(path, import, &report, log, error);
  if (article && !quiet)
    fprintf(stderr, "galley: imported %s: %s\n", path, report.summary);
  importer_report_clear(&report);
  return article;
}

/* An article file, or plain text (.txt) through the importer. */
static Article *read_article(const char *path, const Options *options, DiagLog *log,
                             GError **error)
{
  if (!importer_is_text_path(path))
    return article_read_file(path, error);
  ImportOptions import;
  import_options(options, &import);   /* checked before reading */
  return import_text(path, &import, options->quiet, log, error);
}

static gboolean read_articles(Job *job, const Options *options)
{
  gboolean ok = TRUE;
  char **inputs = options->inputs;
  job->articles = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
  for (int i = 0; inputs && inputs[i]; i++) {
    GError *error = NULL;
    Article *article = read_article(inputs[i], options, job->log, &error);
    if (!article) {
      print_error(error);
      g_error_free(error);
      ok = FALSE;
      continue;
    }
    g_ptr_array_add(job->articles, article);
  }
  return ok;
}

/* Reads layout, fonts and articles; reports every failure before giving up. */
static gboolean job_load(Job *job, const Options *options)
{
  job->data_dir = find_data_dir();
  job->log = diag_log_new();
  if (!options->inputs || !options->inputs[0]) {
    fprintf(stderr, "galley: error: no article files given; try 'galley build --help'\n");
    return FALSE;
  }
  ImportOptions import;
  if (!import_options(options, &import))
    return FALSE;
  GError *error = NULL;
  char *layout_path = resolve_layout(job->data_dir, options->layout);
  job->layout = layout_read_file(layout_path, &error);
  g_free(layout_path);
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
    print_error(error);
    g_error_free(error);
  }
  gboolean articles_ok = read_articles(job, options);
  if (articles_ok && !compose_check_size((Article *const *)job->articles->pdata, job->articles->len, &error)) {
    print_error(error);
    g_clear_error(&error);
    articles_ok = FALSE;
  }
  return job->layout && job->fonts && articles_ok;
}

static gint64 creation_time(void)
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

static DisplayList *job_compose(Job *job)
{
  return compose_continuous(job->layout, job->fonts, (Article *const *)job->articles->pdata,
                            job->articles->len, job->log);
}

static gboolean write_dump(const DisplayList *list, const char *path)
{
  if (!path)
    return TRUE;
  char *json = display_list_to_json(list);
  GBytes *bytes = g_bytes_new_take(json, strlen(json));
  GError *error = NULL;
  gboolean ok = output_write(path, bytes, &error);
  g_bytes_unref(bytes);
  if (!ok) {
    print_error(error);
    g_error_free(error);
  }
  return ok;
}

static void report(const Options *options, const Job *job, const DisplayList *list, const char *what)
{
  if (!options->quiet)
    diag_log_print(job->log);
  if (options->verbose)
    diag_log_print_notes(job->log);
  if (options->verbose)
    fprintf(stderr, "galley: %u article%s, %d page%s -> %s\n", job->articles->len,
            job->articles->len == 1 ? "" : "s", display_list_page_count(list),
            display_list_page_count(list) == 1 ? "" : "s", what);
}

/* ---- build -------------------------------------------------------------------------- */

static int run_build(const Options *options)
{
  Job job = { 0 };
  int status = EXIT_BAD_INPUT;
  if (!options->output) {
    fprintf(stderr, "galley: error: say where the PDF goes with -o FILE.pdf\n");
    return EXIT_BAD_INPUT;
  }
  if (job_load(&job, options)) {
    DisplayList *list = job_compose(&job);
    char *creator = g_strdup_printf("galley %s", GALLEY_VERSION);
    PdfDocOptions doc = { job.layout, job.layout->print, creator, creation_time(), NULL };
    GError *error = NULL;
    GBytes *pdf = NULL;
    const char *pdfx = options->pdfx_cmyk ? "cmyk" : options->pdfx ? "gray" : NULL;
    if (pdfdoc_print_options(&doc.print, options->print, options->bleed, pdfx,
                             options->min_photo_ppi, options->edition, &error))
      pdf = pdfdoc_make(list, (Article *const *)job.articles->pdata, job.articles->len, &doc,
                        job.log, &error);
    if (pdf && output_write(options->output, pdf, &error) && write_dump(list, options->dump_boxes)) {
      status = EXIT_SUCCESS;
      report(options, &job, list, options->output);
    }
    if (error) {
      print_error(error);
      g_error_free(error);
    }
    if (pdf)
      g_bytes_unref(pdf);
    g_free(creator);
    display_list_free(list);
  }
  job_clear(&job);
  return status;
}

/* ---- preview ---------------------------------------------------------------------- */

/* Parses "1-3,5" into a bitmap of pages (1-based) up to count; with count 0
 * (wanted NULL) it only checks the syntax. */
static gboolean parse_pages(const char *spec, int count, gboolean *wanted)
{
  if (!spec) {
    for (int i = 0; i < count; i++)
      wanted[i] = TRUE;
    return TRUE;
  }
  char **parts = g_strsplit(spec, ",", -1);
  gboolean ok = TRUE;
  for (int i = 0; ok && parts[i]; i++) {
    int first = 0, last = 0;
    char tail = 0;
    if (sscanf(parts[i], "%d-%d%c", &first, &last, &tail) == 2) {
    } else if (sscanf(parts[i], "%d%c", &first, &tail) == 1) {
      last = first;
    } else {
      ok = FALSE;
      break;
    }
    if (first < 1 || last < first) {
      ok = FALSE;
      break;
    }
    for (int p = first; p <= last && p <= count; p++)
      wanted[p - 1] = TRUE;
  }
  g_strfreev(parts);
  return ok;
}

/* "out/page-%d.png" with the page number; without %d, page N > 1 gets "-N". */
static char *page_file_name(const char *pattern, int page, gboolean several)
{
  const char *mark = strstr(pattern, "%d");
  if (mark)
    return g_strdup_printf("%.*s%d%s", (int)(mark - pattern), pattern, page, mark + 2);
  if (!several)
    return g_strdup(pattern);
  const char *dot = strrchr(pattern, '.');
  if (!dot)
    return g_strdup_printf("%s-%d", pattern, page);
  return g_strdup_printf("%.*s-%d%s", (int)(dot - pattern), pattern, page, dot);
}

static gboolean write_pngs(const DisplayList *list, const Options *options, const gboolean *wanted)
{
  int count = display_list_page_count(list), chosen = 0;
  for (int p = 0; p < count; p++)
    chosen += wanted[p] ? 1 : 0;
  for (int p = 0; p < count; p++) {
    if (!wanted[p])
      continue;
    GError *error = NULL;
    GBytes *png = render_png(list, p, options->dpi, &error);
    char *name = page_file_name(options->output, p + 1, chosen > 1);
    gboolean ok = png && output_write(name, png, &error);
    g_free(name);
    if (png)
      g_bytes_unref(png);
    if (!ok) {
      print_error(error);
      g_error_free(error);
      return FALSE;
    }
  }
  return TRUE;
}

static int run_preview(const Options *options)
{
  if (!options->output) {
    fprintf(stderr, "galley: error: say where the pictures go with -o out/page-%%d.png\n");
    return EXIT_BAD_INPUT;
  }
  if (options->dpi < 10 || options->dpi > 1200) {
    fprintf(stderr, "galley: error: --dpi must be between 10 and 1200\n");
    return EXIT_BAD_INPUT;
  }
  /* a bad page list is reported before any work is done */
  if (!parse_pages(options->pages, 0, NULL)) {
    fprintf(stderr, "galley: error: --pages takes page numbers and ranges such as 1-3,5\n");
    return EXIT_BAD_INPUT;
  }
  Job job = { 0 };
  int status = EXIT_BAD_INPUT;
  if (job_load(&job, options)) {
    DisplayList *list = job_compose(&job);
    int count = display_list_page_count(list);
    gboolean *wanted = g_new0(gboolean, count);
    if (!parse_pages(options->pages, count, wanted))
      fprintf(stderr, "galley: error: --pages takes page numbers and ranges such as 1-3,5\n");
    else if (write_pngs(list, options, wanted) && write_dump(list, options->dump_boxes)) {
      status = EXIT_SUCCESS;
      report(options, &job, list, options->output);
    }
    g_free(wanted);
    display_list_free(list);
  }
  job_clear(&job);
  return status;
}

/* ---- import ------------------------------------------------------------------------ */

/* Where the article made from input goes: standard output without -o; the
 * folder -o names (NAME.txt -> DIR/NAME.md); or the file -o names. */
static char *import_target(const char *output, const char *input, gboolean to_folder)
{
  if (!output)
    return g_strdup("-");
  if (!to_folder)
    return g_strdup(output);
  char *base = g_path_get_basename(input);
  if (importer_is_text_path(base))
    base[strlen(base) - 4] = '\0';
  char *name = g_strconcat(base, ".md", NULL);
  char *path = g_build_filename(output, name, NULL);
  g_free(name);
  g_free(base);
  return path;
}

/* Two inputs with the same name would overwrite each other's article. */
static gboolean targets_distinct(const Options *options, gboolean to_folder)
{
  GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  gboolean ok = TRUE;
  for (int i = 0; ok && options->inputs[i]; i++) {
    char *target = import_target(options->output, options->inputs[i], to_folder);
    if (g_hash_table_contains(seen, target)) {
      fprintf(stderr, "galley: error: two inputs would both be written to %s; import them "
                      "into different folders\n", target);
      ok = FALSE;
    }
    g_hash_table_add(seen, target);
  }
  g_hash_table_destroy(seen);
  return ok;
}

static gboolean write_import(const Options *options, const char *input, const Article *article,
                             gboolean to_folder)
{
  char *target = import_target(options->output, input, to_folder);
  char *dir = to_folder ? g_strdup(options->output)
                        : options->output ? g_path_get_dirname(options->output) : g_strdup(".");
  char *markdown = importer_to_markdown(article, dir);
  GBytes *bytes = g_bytes_new_take(markdown, strlen(markdown));
  GError *error = NULL;
  gboolean ok = output_write(target, bytes, &error);
  if (!ok) {
    print_error(error);
    g_error_free(error);
  } else if (options->verbose && options->output) {
    fprintf(stderr, "galley: wrote %s\n", target);
  }
  g_bytes_unref(bytes);
  g_free(dir);
  g_free(target);
  return ok;
}

/* Writes every article, or none when one input could not be read. */
static gboolean write_imports(const Options *options, GPtrArray *articles, gboolean to_folder)
{
  if (to_folder && g_mkdir_with_parents(options->output, 0777) != 0) {
    fprintf(stderr, "galley: error: %s: cannot make the folder: %s\n", options->output,
            g_strerror(errno));
    return FALSE;
  }
  for (guint i = 0; i < articles->len; i++)
    if (!write_import(options, options->inputs[i], g_ptr_array_index(articles, i), to_folder))
      return FALSE;
  return TRUE;
}

static int run_import(const Options *options)
{
  ImportOptions import;
  if (!import_options(options, &import))
    return EXIT_BAD_INPUT;
  guint count = options->inputs ? g_strv_length(options->inputs) : 0;
  gboolean to_folder = options->output && (g_str_has_suffix(options->output, "/") ||
                                           g_file_test(options->output, G_FILE_TEST_IS_DIR));
  if (count == 0) {
    fprintf(stderr, "galley: error: no text files given; try 'galley import --help'\n");
    return EXIT_BAD_INPUT;
  }
  if (count > 1 && !to_folder) {
    fprintf(stderr, "galley: error: %u text files give %u articles; say which folder they go "
                    "in with -o DIR/\n", count, count);
    return EXIT_BAD_INPUT;
  }
  if (!targets_distinct(options, to_folder))
    return EXIT_BAD_INPUT;
  DiagLog *log = diag_log_new();
  GPtrArray *articles = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
  gboolean ok = TRUE;
  for (guint i = 0; i < count; i++) {
    GError *error = NULL;
    Article *article = import_text(options->inputs[i], &import, options->quiet, log, &error);
    if (!article) {
      print_error(error);
      g_error_free(error);
      ok = FALSE;
    }
    g_ptr_array_add(articles, article);
  }
  ok = ok && write_imports(options, articles, to_folder);
  if (!options->quiet)
    diag_log_print(log);
  g_ptr_array_free(articles, TRUE);
  diag_log_free(log);
  return ok ? EXIT_SUCCESS : EXIT_BAD_INPUT;
}

/* ---- the command table -------------------------------------------------------------- */

typedef struct {
  const char *name;
  const char *summary;
  int (*run)(const Options *options);
  const GOptionEntry *entries;
} Command;

static Options opts = { .dpi = 100, .min_photo_ppi = -1 };

static const GOptionEntry build_entries[] = {
  { "layout", 'l', 0, G_OPTION_ARG_FILENAME, &opts.layout, "Page layout: a YAML file or a shipped name (default: tabloid)", "LAYOUT" },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opts.output, "Write the PDF here (required)", "FILE.pdf" },
  { "dump-boxes", 0, 0, G_OPTION_ARG_FILENAME, &opts.dump_boxes, "Also write the display list as JSON", "FILE.json" },
  { "print", 0, 0, G_OPTION_ARG_NONE, &opts.print, "Print-ready: bleed, crop and registration marks, slug line", NULL },
  { "bleed", 0, 0, G_OPTION_ARG_STRING, &opts.bleed, "Bleed beyond the trim; implies --print (default: 3mm)", "LENGTH" },
  { "edition", 0, 0, G_OPTION_ARG_STRING, &opts.edition, "Edition named on the slug line", "NAME" },
  { "pdfx", 0, 0, G_OPTION_ARG_NONE, &opts.pdfx, "PDF/X-1a for newsprint through Ghostscript, in grayscale", NULL },
  { "pdfx-cmyk", 0, 0, G_OPTION_ARG_NONE, &opts.pdfx_cmyk, "PDF/X-1a in CMYK, text and rules on the black plate only", NULL },
  { "min-photo-ppi", 0, 0, G_OPTION_ARG_DOUBLE, &opts.min_photo_ppi, "Warn about photos below this resolution (default: 150)", "PPI" },
  { "date-order", 0, 0, G_OPTION_ARG_STRING, &opts.date_order, "Plain-text articles: read dates such as 6/1/2015 as dmy or mdy (default: from the text, else dmy)", "ORDER" },
  { "keep-all", 0, 0, G_OPTION_ARG_NONE, &opts.keep_all, "Plain-text articles: keep web furniture (\"Latest Videos\", \"Share this\")", NULL },
  { "quiet", 'q', 0, G_OPTION_ARG_NONE, &opts.quiet, "Print errors only", NULL },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opts.verbose, "Say what was built", NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opts.inputs, NULL, "ARTICLE.md|ARTICLE.txt..." },
  { NULL, 0, 0, 0, NULL, NULL, NULL }
};

static const GOptionEntry preview_entries[] = {
  { "layout", 'l', 0, G_OPTION_ARG_FILENAME, &opts.layout, "Page layout: a YAML file or a shipped name (default: tabloid)", "LAYOUT" },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opts.output, "PNG file name; %d becomes the page number (required)", "page-%d.png" },
  { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &opts.dpi, "Resolution in dots per inch (default: 100)", "DPI" },
  { "pages", 0, 0, G_OPTION_ARG_STRING, &opts.pages, "Pages to draw, such as 1-3,5 (default: all)", "LIST" },
  { "page", 0, 0, G_OPTION_ARG_STRING, &opts.pages, "Alias of --pages", "N" },
  { "dump-boxes", 0, 0, G_OPTION_ARG_FILENAME, &opts.dump_boxes, "Also write the display list as JSON", "FILE.json" },
  { "date-order", 0, 0, G_OPTION_ARG_STRING, &opts.date_order, "Plain-text articles: read dates such as 6/1/2015 as dmy or mdy (default: from the text, else dmy)", "ORDER" },
  { "keep-all", 0, 0, G_OPTION_ARG_NONE, &opts.keep_all, "Plain-text articles: keep web furniture (\"Latest Videos\", \"Share this\")", NULL },
  { "quiet", 'q', 0, G_OPTION_ARG_NONE, &opts.quiet, "Print errors only", NULL },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opts.verbose, "Say what was drawn", NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opts.inputs, NULL, "ARTICLE.md|ARTICLE.txt..." },
  { NULL, 0, 0, 0, NULL, NULL, NULL }
};

static const GOptionEntry import_entries[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opts.output, "Write the article here; a folder (DIR/) for several files (default: standard output)", "DIR/" },
  { "date-order", 0, 0, G_OPTION_ARG_STRING, &opts.date_order, "Read dates such as 6/1/2015 as dmy or mdy (default: from the text, else dmy)", "ORDER" },
  { "keep-all", 0, 0, G_OPTION_ARG_NONE, &opts.keep_all, "Keep web furniture (\"Latest Videos\", \"Share this\") in the body", NULL },
  { "quiet", 'q', 0, G_OPTION_ARG_NONE, &opts.quiet, "Print errors only, not what was detected", NULL },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opts.verbose, "Also say which files were written", NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opts.inputs, NULL, "FILE.txt..." },
  { NULL, 0, 0, 0, NULL, NULL, NULL }
};

static const Command commands[] = {
  { "build", "lay articles out and write a PDF", run_build, build_entries },
  { "preview", "lay articles out and write PNG pictures of the pages", run_preview, preview_entries },
  { "import", "turn scraped plain-text articles into the article format", run_import, import_entries },
};

static void print_usage(FILE *out)
{
  fprintf(out, "Usage: galley COMMAND [OPTIONS] ARTICLE.md...\n\n"
               "galley lays out newspaper pages from Markdown articles and YAML page layouts.\n"
               "Plain-text articles (.txt) are imported on the way in.\n\n"
               "Commands:\n");
  for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
    fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
  fprintf(out, "\nOptions:\n  --help     show this help; 'galley COMMAND --help' for a command's options\n"
               "  --version  show galley's version\n\n"
               "Examples:\n"
               "  galley build --layout tabloid -o out/story.pdf samples/oligo-news/*.md\n"
               "  galley preview --layout tabloid --dpi 100 -o out/page-%%d.png samples/oligo-news/*.md\n"
               "  galley import samples/oligo-news/oligo-news-without-missiles.txt\n"
               "  galley import -o articles/ raw/*.txt\n\n"
               "Exit status: 0 success; 2 bad input, usage error or unwritable output.\n");
}

static int run_command(const Command *command, int argc, char **argv)
{
  char *parameter = g_strdup_printf("- %s", command->summary);
  GOptionContext *context = g_option_context_new(parameter);
  g_free(parameter);
  g_option_context_add_main_entries(context, command->entries, NULL);
  g_option_context_set_description(context, "Exit status: 0 success; 2 bad input, usage error or unwritable output.");
  char *prgname = g_strdup_printf("galley %s", command->name);
  g_set_prgname(prgname);
  g_free(prgname);
  GError *error = NULL;
  int status;
  if (!g_option_context_parse(context, &argc, &argv, &error)) {
    fprintf(stderr, "galley: error: %s; try 'galley %s --help'\n", error->message, command->name);
    g_error_free(error);
    status = EXIT_BAD_INPUT;
  } else {
    status = command->run(&opts);
  }
  g_option_context_free(context);
  g_free(opts.layout);
  g_free(opts.output);
  g_free(opts.dump_boxes);
  g_free(opts.pages);
  g_free(opts.date_order);
  g_free(opts.bleed);
  g_free(opts.edition);
  g_strfreev(opts.inputs);
  return status;
}

int main(int argc, char **argv)
{
  if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
      strcmp(argv[1], "help") == 0) {
    print_usage(argc < 2 ? stderr : stdout);
    return argc < 2 ? EXIT_BAD_INPUT : EXIT_SUCCESS;
  }
  if (strcmp(argv[1], "--version") == 0) {
    printf("galley %s\n", GALLEY_VERSION);
    return EXIT_SUCCESS;
  }
  for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
    if (strcmp(argv[1], commands[i].name) == 0)
      return run_command(&commands[i], argc - 1, argv + 1);
  fprintf(stderr, "galley: error: unknown command '%s'; try 'galley --help'\n", argv[1]);
  return EXIT_BAD_INPUT;
}
