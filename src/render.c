/* render.c — display list to cairo surfaces.
 *
 * Text is drawn line by line with pango_cairo_show_layout_line(), which
 * emits each glyph run with its text (cairo_show_text_glyphs on surfaces
 * that support it), so a PDF's text extracts in logical order, right-to-left
 * and CJK included. Units: the display list is in Pango units; cairo works
 * in points (PDF) or points scaled to pixels (PNG). Photos are downsampled to
 * at most GALLEY_MAX_IMAGE_PPI at their printed size before embedding. */
#include "render.h"

#include "typeset.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "diag.h"
#include "galley_limits.h"

static double points(int units)
{
  return units / (double)PANGO_SCALE;
}

/* Draws a run's glyphs as one cluster carrying `utf8` (len bytes, maybe
 * none), so a PDF reader extracts exactly that text for them. A
 * right-to-left run so carries its logical text: readers otherwise extract
 * its glyphs in visual order, letter by letter. */
static void draw_run_as(cairo_t *cr, const char *utf8, int len, PangoGlyphItem *run, double x,
                        double y)
{
  PangoGlyphString *glyphs = run->glyphs;
  cairo_glyph_t *cairo_glyphs = g_new(cairo_glyph_t, (gsize)MAX(1, glyphs->num_glyphs));
  int count = 0, advance = 0;
  for (int i = 0; i < glyphs->num_glyphs; i++) {
    PangoGlyphInfo *info = &glyphs->glyphs[i];
    if (!(info->glyph & PANGO_GLYPH_UNKNOWN_FLAG) && info->glyph != PANGO_GLYPH_EMPTY) {
      cairo_glyphs[count].index = info->glyph;
      cairo_glyphs[count].x = x + points(advance + info->geometry.x_offset);
      cairo_glyphs[count].y = y + points(info->geometry.y_offset);
      count++;
    }
    advance += info->geometry.width;
  }
  cairo_scaled_font_t *font = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(run->item->analysis.font));
  if (font && count > 0) {
    cairo_set_scaled_font(cr, font);
    cairo_text_cluster_t cluster = { len, count };
    bool backward = run->item->analysis.level & 1;
    cairo_show_text_glyphs(cr, utf8, len, cairo_glyphs, count, &cluster, 1,
                           backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : 0);
  }
  g_free(cairo_glyphs);
}

/* Draws a left-to-right run whose first `silent` bytes of text (the rest of
 * a drop cap's word) carry no text of their own. Returns its advance. */
static int draw_run_with_silent_start(cairo_t *cr, const char *text, PangoGlyphItem *run, int silent,
                                      double x, double y)
{
  int width = pango_glyph_string_get_width(run->glyphs);
  int in_run = silent - run->item->offset;
  if (in_run <= 0) {
    cairo_move_to(cr, x, y);
    pango_cairo_show_glyph_item(cr, text, run);
  } else if (in_run >= run->item->length) {
    draw_run_as(cr, "", 0, run, x, y);
  } else {
    PangoGlyphItem *rest = pango_glyph_item_copy(run);
    PangoGlyphItem *start = pango_glyph_item_split(rest, text, in_run);
    draw_run_as(cr, "", 0, start, x, y);
    cairo_move_to(cr, x + points(pango_glyph_string_get_width(start->glyphs)), y);
    pango_cairo_show_glyph_item(cr, text, rest);
    pango_glyph_item_free(start);
    pango_glyph_item_free(rest);
  }
  return width;
}

static int draw_layout_line(cairo_t *cr, PangoLayout *layout, double x, double y)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly(layout, 0);
  const char *text = pango_layout_get_text(layout);
  int advance = 0;
  for (GSList *l = line->runs; l; l = l->next) {
    PangoGlyphItem *run = l->data;
    cairo_move_to(cr, x + points(advance), y);
    pango_cairo_show_glyph_item(cr, text, run);
    advance += pango_glyph_string_get_width(run->glyphs);
  }
  return advance;
}

/* The part of a run inside bytes [start, end): a copy, split at cluster
 * boundaries (the composer breaks only there). */
static PangoGlyphItem *run_part(const PangoGlyphItem *run, const char *text, int start, int end)
{
  PangoGlyphItem *part = pango_glyph_item_copy((PangoGlyphItem *)run);
  int run_start = part->item->offset;
  if (start > run_start)
    pango_glyph_item_free(pango_glyph_item_split(part, text, start - run_start));
  if (end < part->item->offset + part->item->length) {
    PangoGlyphItem *inside = pango_glyph_item_split(part, text, end - part->item->offset);
    pango_glyph_item_free(part);
    part = inside;
  }
  return part;
}

/* A line the composer set as a range of its paragraph's one shaped line,
 * and the hyphen after it. */
static void draw_text_range(cairo_t *cr, const Box *box)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly(box->layout, box->line_index);
  const char *text = pango_layout_get_text(box->layout);
  int start = box->start_index, end = box->start_index + box->length;
  int silent = typeset_silent_prefix(box->layout);
  double x = points(box->x), y = points(box->y);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_save(cr);
  if (box->expansion) {
    cairo_translate(cr, x, 0);
    cairo_scale(cr, 1.0 + box->expansion / 1000.0, 1.0);
    x = 0;
  }
  int advance = 0;
  for (GSList *l = line->runs; l; l = l->next) {
    PangoGlyphItem *run = l->data;
    if (run->item->offset + run->item->length <= start || run->item->offset >= end)
      continue;
    PangoGlyphItem *part = run_part(run, text, start, end);
    advance += draw_run_with_silent_start(cr, text, part, silent, x + points(advance), y);
    pango_glyph_item_free(part);
  }
  if (box->hyphen)
    draw_layout_line(cr, box->hyphen, x + points(advance), y);
  cairo_restore(cr);
}

static void draw_text(cairo_t *cr, const Box *box)
{
  if (box->partial || box->hyphen) {
    draw_text_range(cr, box);
    return;
  }
  PangoLayoutLine *line = pango_layout_get_line_readonly(box->layout, box->line_index);
  const char *text = pango_layout_get_text(box->layout);
  const char *actual = typeset_actual_text(box->layout);
  int silent = typeset_silent_prefix(box->layout);
  cairo_set_source_rgb(cr, 0, 0, 0);
  /* the line is drawn from its own origin: its logical x was folded into box->x */
  PangoRectangle logical;
  pango_layout_line_get_extents(line, NULL, &logical);
  double x = points(box->x - logical.x), y = points(box->y);
  cairo_save(cr);
  if (box->expansion) {   /* advances were set for the unexpanded width */
    cairo_translate(cr, x, 0);
    cairo_scale(cr, 1.0 + box->expansion / 1000.0, 1.0);
    x = 0;
  }
  int advance = 0;
  for (GSList *l = line->runs; l; l = l->next) {
    PangoGlyphItem *run = l->data;
    int width = pango_glyph_string_get_width(run->glyphs);
    double run_x = x + points(advance);
    if (actual)   /* one glyph standing for a word (a drop cap) */
      draw_run_as(cr, l == line->runs ? actual : "", l == line->runs ? (int)strlen(actual) : 0, run,
                  run_x, y);
    else if (run->item->analysis.level & 1)
      draw_run_as(cr, text + run->item->offset, run->item->length, run, run_x, y);
    else
      draw_run_with_silent_start(cr, text, run, silent, run_x, y);
    advance += width;
  }
  cairo_restore(cr);
}

static void draw_rule(cairo_t *cr, const Box *box)
{
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, points(box->rule_width));
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to(cr, points(box->x), points(box->y));
  cairo_line_to(cr, points(box->x + box->width), points(box->y + box->height));
  cairo_stroke(cr);
}

static void draw_placeholder(cairo_t *cr, const Box *box)
{
  double x = points(box->x), y = points(box->y), w = points(box->width), h = points(box->height);
  cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
  cairo_rectangle(cr, x, y, w, h);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
  cairo_set_line_width(cr, 0.5);
  cairo_rectangle(cr, x, y, w, h);
  cairo_move_to(cr, x, y);
  cairo_line_to(cr, x + w, y + h);
  cairo_move_to(cr, x + w, y);
  cairo_line_to(cr, x, y + h);
  cairo_stroke(cr);
}

/* Copies RGB(A) pixels into a cairo image surface (premultiplied ARGB). */
static cairo_surface_t *surface_from_image(const Image *image)
{
  int width = image_width(image), height = image_height(image), stride;
  bool alpha;
  const guint8 *pixels = image_pixels(image, &stride, &alpha);
  cairo_surface_t *surface = cairo_image_surface_create(alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                                                        width, height);
  cairo_surface_flush(surface);
  guint8 *out = cairo_image_surface_get_data(surface);
  int out_stride = cairo_image_surface_get_stride(surface);
  int channels = alpha ? 4 : 3;
  for (int y = 0; y < height; y++) {
    const guint8 *src = pixels + (gsize)y * stride;
    guint32 *dst = (guint32 *)(out + (gsize)y * out_stride);
    for (int x = 0; x < width; x++, src += channels) {
      guint32 a = alpha ? src[3] : 255;
      guint32 r = src[0] * a / 255, g = src[1] * a / 255, b = src[2] * a / 255;
      dst[x] = (a << 24) | (r << 16) | (g << 8) | b;
    }
  }
  cairo_surface_mark_dirty(surface);
  return surface;
}

static void draw_image(cairo_t *cr, const Box *box, double device_scale)
{
  double w = points(box->width), h = points(box->height);
  double ppi = MIN(GALLEY_MAX_IMAGE_PPI, 72.0 * device_scale * 2);
  int max_w = MAX(1, (int)(w / 72.0 * ppi)), max_h = MAX(1, (int)(h / 72.0 * ppi));
  Image *fitted = image_fit(box->image, max_w, max_h);
  cairo_surface_t *surface = surface_from_image(fitted);
  cairo_save(cr);
  cairo_translate(cr, points(box->x), points(box->y));
  cairo_scale(cr, w / image_width(fitted), h / image_height(fitted));
  cairo_set_source_surface(cr, surface, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_rectangle(cr, 0, 0, image_width(fitted), image_height(fitted));
  cairo_fill(cr);
  cairo_restore(cr);
  cairo_surface_destroy(surface);
  image_unref(fitted);
}

static void draw_box(cairo_t *cr, const Box *box, double device_scale)
{
  switch (box->kind) {
  case BOX_TEXT: draw_text(cr, box); break;
  case BOX_RULE: draw_rule(cr, box); break;
  case BOX_IMAGE: draw_image(cr, box, device_scale); break;
  case BOX_PLACEHOLDER: draw_placeholder(cr, box); break;
  }
}

/* Boxes are stored page by page in order; first_box keeps the scan linear. */
static unsigned draw_page(cairo_t *cr, const DisplayList *list, int page, unsigned first_box,
                          double device_scale)
{
  unsigned i = first_box, n = display_list_box_count(list);
  while (i < n && display_list_box(list, i)->page < page)
    i++;
  for (; i < n; i++) {
    const Box *box = display_list_box(list, i);
    if (box->page != page)
      break;
    draw_box(cr, box, device_scale);
  }
  return i;
}

static cairo_status_t append_bytes(void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append(closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void set_pdf_metadata(cairo_surface_t *surface, const RenderMetadata *metadata)
{
  if (metadata->title)
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, metadata->title);
  if (metadata->author)
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, metadata->author);
  if (metadata->creator)
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, metadata->creator);
  if (metadata->creation_time >= 0) {
    GDateTime *time = g_date_time_new_from_unix_utc(metadata->creation_time);
    if (time) {
      char *iso = g_date_time_format(time, "%Y-%m-%dT%H:%M:%SZ");
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, iso);
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, iso);
      g_free(iso);
      g_date_time_unref(time);
    }
  }
}

GBytes *render_pdf(const DisplayList *list, const RenderMetadata *metadata, GError **error)
{
  GByteArray *bytes = g_byte_array_new();
  double width = points(display_list_page_width(list));
  double height = points(display_list_page_height(list));
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(append_bytes, bytes, width, height);
  set_pdf_metadata(surface, metadata);
  cairo_t *cr = cairo_create(surface);
  unsigned next_box = 0;
  for (int page = 0; page < display_list_page_count(list); page++) {
    next_box = draw_page(cr, list, page, next_box, 1.0);
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    diag_set_error(error, GALLEY_ERROR_OUTPUT, NULL, 0, 0, "cairo could not make the PDF: %s",
                   cairo_status_to_string(status));
    g_byte_array_unref(bytes);
    return NULL;
  }
  return g_byte_array_free_to_bytes(bytes);
}

GBytes *render_png(const DisplayList *list, int page, double dpi, GError **error)
{
  double scale = dpi / 72.0;
  int width = (int)(points(display_list_page_width(list)) * scale + 0.5);
  int height = (int)(points(display_list_page_height(list)) * scale + 0.5);
  cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, MAX(1, width), MAX(1, height));
  cairo_t *cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, scale, scale);
  draw_page(cr, list, page, 0, scale);
  cairo_destroy(cr);
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
