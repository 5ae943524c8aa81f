/* cli_import.c — galley import: plain text to the article format. */
#include "cli.h"

#include <errno.h>
#include <string.h>

#include "output.h"

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
    cli_print_error(error);
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

int cli_import_run(const Options *options)
{
  ImportOptions import;
  if (!cli_import_options(options, &import))
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
    Article *article = cli_import_text(options->inputs[i], &import, options->quiet, log, &error);
    if (!article) {
      cli_print_error(error);
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
