/* cli_preview.c — galley preview: PNG or SVG per page, a contact sheet, or
 * the pages drawn in the terminal (--term). */
#include "cli.h"

#include <string.h>
#include <unistd.h>

#include "output.h"
#include "pictures.h"
#include "termview.h"

#define DEFAULT_DPI 100.0
#define DEFAULT_SHEET_DPI 24.0

typedef enum { PICTURE_PNG, PICTURE_SVG } PictureFormat;

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

static gboolean write_or_report(const char *name, GBytes *bytes, GError *error)
{
  gboolean ok = bytes && output_write(name, bytes, &error);
  if (bytes)
    g_bytes_unref(bytes);
  if (!ok) {
    cli_print_error(error);
    g_error_free(error);
  }
  return ok;
}

static gboolean write_pages(const DisplayList *list, const Options *options, const gboolean *wanted,
                            PictureFormat format, Overlay *overlay)
{
  int count = display_list_page_count(list), chosen = 0;
  for (int p = 0; p < count; p++)
    chosen += wanted[p] ? 1 : 0;
  if (chosen > 1 && strcmp(options->output, "-") == 0) {
    fprintf(stderr, "galley: error: -o - writes one picture to standard output; choose a page "
                    "with --pages N, or use --sheet\n");
    return FALSE;
  }
  for (int p = 0; p < count; p++) {
    if (!wanted[p])
      continue;
    cli_progress(options, "drawing page %d of %d", p + 1, count);
    GError *error = NULL;
    GBytes *bytes = format == PICTURE_SVG ? pictures_svg(list, p, overlay, &error)
                    : pictures_png(list, p, options->dpi > 0 ? options->dpi : DEFAULT_DPI,
                                   overlay, &error);
    char *name = page_file_name(options->output, p + 1, chosen > 1);
    gboolean ok = write_or_report(name, bytes, error);
    g_free(name);
    if (!ok)
      return FALSE;
  }
  return TRUE;
}

static gboolean write_sheet(const DisplayList *list, const Options *options, const Job *job,
                            const gboolean *wanted, Overlay *overlay)
{
  cli_progress(options, "drawing the contact sheet");
  GError *error = NULL;
  GBytes *bytes = pictures_sheet(list, wanted, options->dpi > 0 ? options->dpi : DEFAULT_SHEET_DPI,
                                 fonts_font_map(job->fonts), overlay, &error);
  return write_or_report(options->output, bytes, error);
}

/* ---- the terminal ------------------------------------------------------------------ */

static gboolean parse_size(const char *text, TermSize *size)
{
  int cols = 0, rows = 0;
  char tail = 0;
  if (!text)
    return TRUE;
  if (sscanf(text, "%dx%d%c", &cols, &rows, &tail) != 2 || cols < 4 || rows < 3 || cols > 2000 ||
      rows > 2000)
    return FALSE;
  size->columns = cols;
  size->rows = rows;
  return TRUE;
}

static gboolean parse_graphics(const char *text, TermGraphics *graphics, gboolean *detect)
{
  *detect = !text || strcmp(text, "auto") == 0;
  if (*detect || strcmp(text, "blocks") == 0)
    *graphics = TERM_BLOCKS;
  else if (strcmp(text, "kitty") == 0)
    *graphics = TERM_KITTY;
  else if (strcmp(text, "sixel") == 0)
    *graphics = TERM_SIXEL;
  else
    return FALSE;
  return TRUE;
}

/* Each page fitted to the terminal, under a line naming it. */
static gboolean draw_in_terminal(const DisplayList *list, const Options *options,
                                 const gboolean *wanted, Overlay *overlay)
{
  TermSize size = termview_size(STDOUT_FILENO);
  TermGraphics graphics;
  gboolean detect;
  parse_graphics(options->graphics, &graphics, &detect);   /* checked before */
  parse_size(options->size, &size);
  if (detect && isatty(STDOUT_FILENO))
    graphics = termview_detect();
  int width, height, count = display_list_page_count(list);
  /* a line for the label and one for the prompt after */
  termview_pixels(graphics, &size, size.columns, MAX(1, size.rows - 2), &width, &height);
  cli_progress_done(options);
  for (int p = 0; p < count; p++) {
    if (!wanted[p])
      continue;
    printf("Page %d of %d\n", p + 1, count);
    cairo_surface_t *image = pictures_raster(list, p, width, height, overlay);
    termview_write(stdout, image, graphics, &size);
    cairo_surface_destroy(image);
  }
  return TRUE;
}

static gboolean pages_wanted(const gboolean *wanted, int count)
{
  for (int p = 0; p < count; p++)
    if (wanted[p])
      return TRUE;
  return FALSE;
}

/* ---- the command ----------------------------------------------------------------------- */

static gboolean choose_format(const Options *options, PictureFormat *format)
{
  const char *name = options->format;
  if (!name)
    name = options->output && g_str_has_suffix(options->output, ".svg") ? "svg" : "png";
  if (strcmp(name, "png") == 0)
    *format = PICTURE_PNG;
  else if (strcmp(name, "svg") == 0)
    *format = PICTURE_SVG;
  else {
    fprintf(stderr, "galley: error: --format takes png or svg, not '%s'\n", name);
    return FALSE;
  }
  if (options->sheet && *format != PICTURE_PNG) {
    fprintf(stderr, "galley: error: a contact sheet (--sheet) is a PNG\n");
    return FALSE;
  }
  return TRUE;
}

/* Usage errors are reported before any work is done. */
static gboolean check_options(const Options *options, PictureFormat *format)
{
  TermGraphics graphics;
  gboolean detect;
  TermSize size = { 0 };
  if (!options->term && !options->output) {
    fprintf(stderr, "galley: error: say where the pictures go with -o out/page-%%d.png (or "
                    "-o out/page-%%d.svg, or --term to draw them here)\n");
    return FALSE;
  }
  if (options->dpi != 0 && (options->dpi < 10 || options->dpi > 1200)) {
    fprintf(stderr, "galley: error: --dpi must be between 10 and 1200\n");
    return FALSE;
  }
  if (!cli_parse_pages(options->pages, 0, NULL, NULL)) {
    fprintf(stderr, "galley: error: --pages takes page numbers and ranges such as 1-3,5\n");
    return FALSE;
  }
  if (!parse_graphics(options->graphics, &graphics, &detect)) {
    fprintf(stderr, "galley: error: --graphics takes auto, blocks, kitty or sixel, not '%s'\n",
            options->graphics);
    return FALSE;
  }
  if (!parse_size(options->size, &size)) {
    fprintf(stderr, "galley: error: --size takes COLUMNSxROWS such as 100x40, not '%s'\n",
            options->size);
    return FALSE;
  }
  return options->term || choose_format(options, format);
}

static gboolean draw(const DisplayList *list, const Options *options, const Job *job,
                     const gboolean *wanted, PictureFormat format)
{
  Overlay *overlay = options->overlay ? cli_overlay_new(job, list) : NULL;
  gboolean ok = options->term ? draw_in_terminal(list, options, wanted, overlay)
                : options->sheet ? write_sheet(list, options, job, wanted, overlay)
                : write_pages(list, options, wanted, format, overlay);
  overlay_free(overlay);
  return ok;
}

int cli_preview_run(const Options *options)
{
  PictureFormat format = PICTURE_PNG;
  if (!check_options(options, &format))
    return EXIT_BAD_INPUT;
  Job job = { 0 };
  int status = EXIT_BAD_INPUT;
  DisplayList *list = cli_job_load(&job, options) ? cli_job_compose(&job, options) : NULL;
  if (list) {
    int count = display_list_page_count(list);
    gboolean *wanted = g_new0(gboolean, count);
    int highest = 0;
    cli_parse_pages(options->pages, count, wanted, &highest);
    if (highest > count && !pages_wanted(wanted, count)) {
      fprintf(stderr, "galley: error: the articles make %d page%s; there is no page %d to draw\n",
              count, count == 1 ? "" : "s", highest);
    } else if (draw(list, options, &job, wanted, format) &&
               cli_write_dump(list, options->dump_boxes)) {
      if (highest > count && !options->quiet)
        fprintf(stderr, "galley: warning: the articles make %d page%s; pages after %d were "
                        "not drawn\n", count, count == 1 ? "" : "s", count);
      cli_report(options, &job, list, options->term ? "the terminal" : options->output);
      status = cli_edition_status(options, &job);
    }
    cli_progress_done(options);
    g_free(wanted);
    display_list_free(list);
  }
  cli_job_clear(&job);
  return status;
}
