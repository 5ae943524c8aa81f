/* cli_info.c — galley fonts, galley layouts, galley new: what galley can
 * use, and a folder to start from. */
#include "cli.h"

#include "pagekind.h"

#include <errno.h>
#include <string.h>

#include "layout.h"
#include "output.h"

/* ---- fonts -------------------------------------------------------------------------- */

int cli_fonts_run(const Options *options)
{
  char *data_dir = cli_data_dir();
  char *fonts_dir = g_build_filename(data_dir, "fonts", NULL);
  GError *error = NULL;
  Fonts *fonts = fonts_new(fonts_dir, &error);
  g_free(fonts_dir);
  g_free(data_dir);
  if (!fonts) {
    cli_print_error(error);
    g_error_free(error);
    return EXIT_BAD_INPUT;
  }
  char **families = fonts_list_families(fonts);
  for (int i = 0; families[i]; i++) {
    if (i > 0 && strcmp(families[i], families[i - 1]) == 0)
      continue;   /* a font that names several families is listed once per name */
    int faces = 0;
    char *source = fonts_family_source(fonts, families[i], &faces);
    const char *package = fonts_package_for_family(families[i]);
    if (options->json)
      printf("%s{\"family\": \"%s\", \"faces\": %d, \"package\": %s%s%s, \"folders\": \"%s\"}",
             i ? ",\n " : "[", families[i], faces, package ? "\"" : "", package ? package : "null",
             package ? "\"" : "", source);
    else if (options->verbose && package)
      printf("%-32s %2d face%s  %s  (Debian package %s)\n", families[i], faces,
             faces == 1 ? " " : "s", source, package);
    else if (options->verbose)
      printf("%-32s %2d face%s  %s\n", families[i], faces, faces == 1 ? " " : "s", source);
    else
      printf("%-32s %s\n", families[i], source);
    g_free(source);
  }
  if (options->json)
    printf("%s]\n", families[0] ? "" : "[");
  g_strfreev(families);
  fonts_free(fonts);
  return EXIT_SUCCESS;
}

/* ---- layouts -------------------------------------------------------------------------- */

static char *layout_summary(const Layout *layout)
{
  double pt = PANGO_SCALE;
  return g_strdup_printf("%.0f x %.0f pt, %d columns of %.1f pt, %.1f pt gutters, %.1f pt grid",
                         layout->page_width / pt, layout->page_height / pt, layout->columns,
                         layout_column_width(layout) / pt, layout->gutter / pt,
                         layout->baseline / pt);
}

/* The layout's page kinds (front, inside...) for edition files; a layout
 * without them sets pages by continuous flow only. Caller frees. */
static char *page_kinds(const Layout *layout)
{
  GError *error = NULL;
  PageKinds *kinds = pagekinds_read(layout, &error);
  if (!kinds) {   /* why is for the edition that names it */
    g_clear_error(&error);
    return g_strdup("none (continuous flow and archives only)");
  }
  char *names = pagekinds_names(kinds);
  pagekinds_free(kinds);
  return names;
}

static char **layout_files(const char *data_dir, const Options *options)
{
  if (options->inputs && options->inputs[0])
    return g_strdupv(options->inputs);
  char *folder = g_build_filename(data_dir, "layouts", NULL);
  GPtrArray *files = g_ptr_array_new();
  GDir *dir = g_dir_open(folder, 0, NULL);
  for (const char *name; dir && (name = g_dir_read_name(dir));)
    if (g_str_has_suffix(name, ".yaml"))
      g_ptr_array_add(files, g_build_filename(folder, name, NULL));
  if (dir)
    g_dir_close(dir);
  g_free(folder);
  g_ptr_array_add(files, NULL);
  return (char **)g_ptr_array_free(files, FALSE);
}

static gint compare_paths(gconstpointer a, gconstpointer b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int cli_layouts_run(const Options *options)
{
  char *data_dir = cli_data_dir();
  char **files = layout_files(data_dir, options);
  qsort(files, g_strv_length(files), sizeof(char *), compare_paths);
  int status = EXIT_SUCCESS;
  if (!files[0]) {
    fprintf(stderr, "galley: error: no layouts in %s/layouts; reinstall galley or set "
                    "GALLEY_DATADIR\n", data_dir);
    status = EXIT_BAD_INPUT;
  }
  for (int i = 0; files[i]; i++) {
    GError *error = NULL;
    Layout *layout = layout_read_file(files[i], &error);
    if (!layout) {
      cli_print_error(error);
      g_error_free(error);
      status = EXIT_BAD_INPUT;
      continue;
    }
    char *name = g_path_get_basename(files[i]);
    if (g_str_has_suffix(name, ".yaml"))
      name[strlen(name) - 5] = '\0';
    char *summary = layout_summary(layout);
    char *kinds = page_kinds(layout);
    printf("%-18s %s\n%-18s page kinds: %s\n", name, summary, "", kinds);
    g_free(kinds);
    if (options->verbose)
      printf("%-18s %s\n", "", files[i]);
    g_free(summary);
    g_free(name);
    layout_free(layout);
  }
  g_strfreev(files);
  g_free(data_dir);
  return status;
}

/* ---- new ------------------------------------------------------------------------------ */

static const char sample_article[] =
  "---\n"
  "headline: Your first story goes here\n"
  "deck: Replace this article with your own, or add more beside it\n"
  "byline: Your Name\n"
  "date: 2026-01-01\n"
  "section: News\n"
  "---\n"
  "\n"
  "Every article is a Markdown file with a front matter block on top: the\n"
  "headline, a deck, the byline and the date. galley sets the headline across\n"
  "the columns, the body in justified columns on the baseline grid, and adds\n"
  "pages as the stories need them.\n"
  "\n"
  "Write paragraphs as plain text with a blank line between them. *Emphasis*,\n"
  "**bold** and [links](https://example.org) work as in any Markdown.\n"
  "\n"
  "## A crosshead\n"
  "\n"
  "Crossheads break up a long story. Run `galley check` to proof the pages\n"
  "without writing a PDF, and `galley preview --term` to look at them here.\n";

static char *edition_text(const char *layout_file)
{
  return g_strdup_printf(
    "# edition.yaml: what goes in this edition. Paths are relative to this file.\n"
    "# README, \"Editions\": page kinds, slots, sections, jumps, ads.\n"
    "publication: My Paper\n"
    "date: 2026-01-01\n"
    "layout: %s\n"
    "\n"
    "# Stories for `auto` slots, placed by priority, the lead in the biggest slot.\n"
    "stories:\n"
    "  - articles/*.md\n"
    "\n"
    "pages:\n"
    "  - kind: front\n"
    "\n"
    "# Build it:\n"
    "#   galley build -o edition.pdf edition.yaml\n"
    "# Or set the articles one after another, without pages planned:\n"
    "#   galley build --layout %s -o stories.pdf articles/*.md\n"
    "# Look at it in the terminal:\n"
    "#   galley preview --term edition.yaml\n",
    layout_file, layout_file);
}

static gboolean write_text(const char *path, const char *text)
{
  GBytes *bytes = g_bytes_new(text, strlen(text));
  GError *error = NULL;
  gboolean ok = output_write(path, bytes, &error);
  g_bytes_unref(bytes);
  if (!ok) {
    cli_print_error(error);
    g_error_free(error);
  }
  return ok;
}

/* A layout names its house dictionaries (*.txt) relative to its folder:
 * they are copied beside the copy of the layout. */
static gboolean copy_house_dictionaries(const char *layout_path, const char *dir)
{
  char *folder = g_path_get_dirname(layout_path);
  GDir *listing = g_dir_open(folder, 0, NULL);
  gboolean ok = TRUE;
  for (const char *name; ok && listing && (name = g_dir_read_name(listing));) {
    if (!g_str_has_suffix(name, ".txt"))
      continue;
    char *from = g_build_filename(folder, name, NULL), *to = g_build_filename(dir, name, NULL);
    char *text = NULL;
    gsize len = 0;
    GError *error = NULL;
    ok = diag_read_file(from, "house dictionary", &text, &len, &error) && write_text(to, text);
    if (error) {
      cli_print_error(error);
      g_error_free(error);
    }
    g_free(text);
    g_free(from);
    g_free(to);
  }
  if (listing)
    g_dir_close(listing);
  g_free(folder);
  return ok;
}

static gboolean scaffold(const char *dir, const char *layout_path)
{
  char *layout_name = g_path_get_basename(layout_path);
  char *layout_text = NULL;
  gsize len = 0;
  GError *error = NULL;
  gboolean ok = diag_read_file(layout_path, "layout", &layout_text, &len, &error);
  char *articles = g_build_filename(dir, "articles", NULL);
  if (ok && g_mkdir_with_parents(articles, 0777) != 0) {
    fprintf(stderr, "galley: error: %s: cannot make the folder: %s\n", articles, g_strerror(errno));
    ok = FALSE;
  }
  char *layout_copy = g_build_filename(dir, layout_name, NULL);
  char *article = g_build_filename(articles, "first-story.md", NULL);
  char *edition = g_build_filename(dir, "edition.yaml", NULL);
  char *edition_yaml = edition_text(layout_name);
  ok = ok && write_text(layout_copy, layout_text) && copy_house_dictionaries(layout_path, dir) &&
       write_text(article, sample_article) && write_text(edition, edition_yaml);
  if (error) {
    cli_print_error(error);
    g_error_free(error);
  }
  g_free(edition_yaml);
  g_free(edition);
  g_free(article);
  g_free(layout_copy);
  g_free(articles);
  g_free(layout_text);
  g_free(layout_name);
  return ok;
}

int cli_new_run(const Options *options)
{
  if (!options->inputs || !options->inputs[0] || options->inputs[1]) {
    fprintf(stderr, "galley: error: name one folder to make, such as 'galley new my-paper'\n");
    return EXIT_BAD_INPUT;
  }
  const char *dir = options->inputs[0];
  GDir *existing = g_dir_open(dir, 0, NULL);
  gboolean occupied = existing && g_dir_read_name(existing) != NULL;
  if (existing)
    g_dir_close(existing);
  if (occupied || (g_file_test(dir, G_FILE_TEST_EXISTS) && !g_file_test(dir, G_FILE_TEST_IS_DIR))) {
    fprintf(stderr, "galley: error: %s already exists and is not empty; choose a new folder\n", dir);
    return EXIT_BAD_INPUT;
  }
  char *data_dir = cli_data_dir();
  char *layout_path = cli_resolve_layout(data_dir, options->layout);
  gboolean ok = scaffold(dir, layout_path);
  if (ok && !options->quiet) {
    char *layout_name = g_path_get_basename(layout_path);
    printf("Made %s: edition.yaml, %s and articles/first-story.md. Build it:\n"
           "  cd %s && galley build -o edition.pdf edition.yaml\n",
           dir, layout_name, dir);
    g_free(layout_name);
  }
  g_free(layout_path);
  g_free(data_dir);
  return ok ? EXIT_SUCCESS : EXIT_BAD_INPUT;
}
