/* pictures.c — page previews: PNG, SVG, contact sheet, terminal raster. */
#include "pictures.h"

#include <cairo-svg.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "diag.h"
#include "render.h"

#define SHEET_GAP 16          /* pixels between thumbnails */
#define SHEET_LABEL 18        /* pixels under each for its label */
#define SHEET_MAX_ACROSS 6

static double page_points(int units)
{
  return units / (double)PANGO_SCALE;
}

static cairo_status_t append_bytes(void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append(closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Draws a page at scale (pixels per point) with its top-left at (x, y). */
static void draw_scaled_page(cairo_t *cr, const DisplayList *list, int page, double scale,
                             double x, double y, Overlay *overlay)
{
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_scale(cr, scale, scale);
  cairo_rectangle(cr, 0, 0, page_points(display_list_page_width(list)),
                  page_points(display_list_page_height(list)));
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_fill(cr);
  render_draw_page(cr, list, page, scale);
  if (overlay)
    overlay_draw(cr, page, overlay);
  cairo_restore(cr);
}

static GBytes *finish_png(cairo_surface_t *surface, GError **error)
{
  GByteArray *bytes = g_byte_array_new();
  cairo_status_t status = cairo_surface_write_to_png_stream(surface, append_bytes, bytes);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    diag_set_error(error, GALLEY_ERROR_OUTPUT, NULL, 0, 0, "cairo could not make the PNG: %s",
                   cairo_status_to_string(status));
    g_byte_array_unref(bytes);
    return NULL;
  }
  return g_byte_array_free_to_bytes(bytes);
}

static int pixels(int units, double scale)
{
  return MAX(1, (int)(page_points(units) * scale + 0.5));
}

GBytes *pictures_png(const DisplayList *list, int page, double dpi, Overlay *overlay,
                     GError **error)
{
  double scale = dpi / 72.0;
  cairo_surface_t *surface = cairo_image_surface_create(
    CAIRO_FORMAT_RGB24, pixels(display_list_page_width(list), scale),
    pixels(display_list_page_height(list), scale));
  cairo_t *cr = cairo_create(surface);
  draw_scaled_page(cr, list, page, scale, 0, 0, overlay);
  cairo_destroy(cr);
  return finish_png(surface, error);
}

GBytes *pictures_svg(const DisplayList *list, int page, Overlay *overlay, GError **error)
{
  GByteArray *bytes = g_byte_array_new();
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream(
    append_bytes, bytes, page_points(display_list_page_width(list)),
    page_points(display_list_page_height(list)));
  cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
  cairo_t *cr = cairo_create(surface);
  draw_scaled_page(cr, list, page, 1.0, 0, 0, overlay);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    diag_set_error(error, GALLEY_ERROR_OUTPUT, NULL, 0, 0, "cairo could not make the SVG: %s",
                   cairo_status_to_string(status));
    g_byte_array_unref(bytes);
    return NULL;
  }
  return g_byte_array_free_to_bytes(bytes);
}

static void draw_sheet_label(cairo_t *cr, PangoFontMap *fonts, double x, double y, double width,
                             const char *text)
{
  PangoContext *context = pango_font_map_create_context(fonts);
  pango_cairo_update_context(cr, context);
  PangoLayout *layout = pango_layout_new(context);
  PangoFontDescription *font = pango_font_description_from_string("DejaVu Sans");
  pango_font_description_set_absolute_size(font, 11 * PANGO_SCALE);
  pango_layout_set_font_description(layout, font);
  pango_layout_set_text(layout, text, -1);
  pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
  pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
  cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
  pango_font_description_free(font);
  g_object_unref(layout);
  g_object_unref(context);
}

GBytes *pictures_sheet(const DisplayList *list, const gboolean *wanted, double dpi,
                       PangoFontMap *fonts, Overlay *overlay, GError **error)
{
  int count = display_list_page_count(list), chosen = 0;
  for (int p = 0; p < count; p++)
    chosen += wanted[p] ? 1 : 0;
  double scale = dpi / 72.0;
  int w = pixels(display_list_page_width(list), scale), h = pixels(display_list_page_height(list), scale);
  int across = MIN(MAX(chosen, 1), SHEET_MAX_ACROSS), rows = MAX(1, (chosen + across - 1) / across);
  cairo_surface_t *surface = cairo_image_surface_create(
    CAIRO_FORMAT_RGB24, SHEET_GAP + across * (w + SHEET_GAP),
    SHEET_GAP + rows * (h + SHEET_LABEL + SHEET_GAP));
  cairo_t *cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 0.82, 0.82, 0.80);
  cairo_paint(cr);
  for (int p = 0, k = 0; p < count; p++) {
    if (!wanted[p])
      continue;
    double x = SHEET_GAP + (k % across) * (w + SHEET_GAP);
    double y = SHEET_GAP + (k / across) * (h + SHEET_LABEL + SHEET_GAP);
    cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);   /* a shadow */
    cairo_rectangle(cr, x + 2, y + 2, w, h);
    cairo_fill(cr);
    draw_scaled_page(cr, list, p, scale, x, y, overlay);
    char *label = g_strdup_printf("Page %d", p + 1);
    draw_sheet_label(cr, fonts, x, y + h + 2, w, label);
    g_free(label);
    k++;
  }
  cairo_destroy(cr);
  return finish_png(surface, error);
}

cairo_surface_t *pictures_raster(const DisplayList *list, int page, int width, int height,
                                 Overlay *overlay)
{
  double pw = page_points(display_list_page_width(list));
  double ph = page_points(display_list_page_height(list));
  double scale = MIN(width / pw, height / ph);
  cairo_surface_t *surface = cairo_image_surface_create(
    CAIRO_FORMAT_RGB24, MAX(1, (int)floor(pw * scale)), MAX(1, (int)floor(ph * scale)));
  cairo_t *cr = cairo_create(surface);
  draw_scaled_page(cr, list, page, scale, 0, 0, overlay);
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  return surface;
}
