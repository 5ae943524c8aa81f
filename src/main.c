/* main.c — the galley command line: a table of subcommands, each with a
 * GOptionEntry table from which its --help is generated.
 *
 * Exit status: 0 success; 2 bad input, usage error or unwritable output.
 * A failing article does not stop the others from being read and reported;
 * no output is written unless every input was read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "compose.h"
#include "diag.h"
#include "fonts.h"
#include "layout.h"
#include "output.h"
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
  gboolean quiet, verbose;
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

static gboolean read_articles(Job *job, char **inputs)
{
  gboolean ok = TRUE;
  job->articles = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
  for (int i = 0; inputs && inputs[i]; i++) {
    GError *error = NULL;
    Article *article = article_read_file(inputs[i], &error);
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
  gboolean articles_ok = read_articles(job, options->inputs);
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
    RenderMetadata metadata = { display_list_title(list), display_list_author(list), creator,
                                creation_time() };
    GError *error = NULL;
    GBytes *pdf = render_pdf(list, &metadata, &error);
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

/* Parses "1-3,5" into a bitmap of pages (1-based) up to count. */
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

/* ---- the command table -------------------------------------------------------------- */

typedef struct {
  const char *name;
  const char *summary;
  int (*run)(const Options *options);
  const GOptionEntry *entries;
} Command;

static Options opts = { .dpi = 100 };

static const GOptionEntry build_entries[] = {
  { "layout", 'l', 0, G_OPTION_ARG_FILENAME, &opts.layout, "Page layout: a YAML file or a shipped name (default: tabloid)", "LAYOUT" },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opts.output, "Write the PDF here (required)", "FILE.pdf" },
  { "dump-boxes", 0, 0, G_OPTION_ARG_FILENAME, &opts.dump_boxes, "Also write the display list as JSON", "FILE.json" },
  { "quiet", 'q', 0, G_OPTION_ARG_NONE, &opts.quiet, "Print errors only", NULL },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opts.verbose, "Say what was built", NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opts.inputs, NULL, "ARTICLE.md..." },
  { NULL, 0, 0, 0, NULL, NULL, NULL }
};

static const GOptionEntry preview_entries[] = {
  { "layout", 'l', 0, G_OPTION_ARG_FILENAME, &opts.layout, "Page layout: a YAML file or a shipped name (default: tabloid)", "LAYOUT" },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opts.output, "PNG file name; %d becomes the page number (required)", "page-%d.png" },
  { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &opts.dpi, "Resolution in dots per inch (default: 100)", "DPI" },
  { "pages", 0, 0, G_OPTION_ARG_STRING, &opts.pages, "Pages to draw, such as 1-3,5 (default: all)", "LIST" },
  { "page", 0, 0, G_OPTION_ARG_STRING, &opts.pages, "Alias of --pages", "N" },
  { "dump-boxes", 0, 0, G_OPTION_ARG_FILENAME, &opts.dump_boxes, "Also write the display list as JSON", "FILE.json" },
  { "quiet", 'q', 0, G_OPTION_ARG_NONE, &opts.quiet, "Print errors only", NULL },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opts.verbose, "Say what was drawn", NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opts.inputs, NULL, "ARTICLE.md..." },
  { NULL, 0, 0, 0, NULL, NULL, NULL }
};

static const Command commands[] = {
  { "build", "lay articles out and write a PDF", run_build, build_entries },
  { "preview", "lay articles out and write PNG pictures of the pages", run_preview, preview_entries },
};

static void print_usage(FILE *out)
{
  fprintf(out, "Usage: galley COMMAND [OPTIONS] ARTICLE.md...\n\n"
               "galley lays out newspaper pages from Markdown articles and YAML page layouts.\n\n"
               "Commands:\n");
  for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
    fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
  fprintf(out, "\nOptions:\n  --help     show this help; 'galley COMMAND --help' for a command's options\n"
               "  --version  show galley's version\n\n"
               "Examples:\n"
               "  galley build --layout tabloid -o out/story.pdf samples/oligo-news/*.md\n"
               "  galley preview --layout tabloid --dpi 100 -o out/page-%%d.png samples/oligo-news/*.md\n\n"
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
