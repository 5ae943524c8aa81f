/* artwork.c — loading and drawing supplied artwork (raster, PDF, SVG). */
#include "artwork.h"

#include <string.h>

#include "diag.h"
#include "galley_limits.h"
#include "image.h"
#include "lazylibs.h"

typedef enum { ART_RASTER, ART_PDF, ART_SVG } ArtKind;

struct Artwork {
  gint refs;
  ArtKind kind;
  Image *image;            /* raster */
  GBytes *jpeg;            /* raster from a JPEG file: its bytes */
  const PopplerApi *poppler;
  PopplerDocument *document;
  PopplerPage *page;       /* pdf */
  const RsvgApi *rsvg;
  RsvgHandle *svg;         /* svg */
  double width, height;
};

static bool has_prefix(const char *data, gsize len, const char *prefix)
{
  gsize n = strlen(prefix);
  return len >= n && memcmp(data, prefix, n) == 0;
}

static bool load_pdf(Artwork *art, const char *path, const char *data, gsize len, int page,
                     GError **error)
{
  GError *local = NULL;
  art->poppler = lazylibs_poppler(&local);
  if (!art->poppler) {
    diag_set_error(error, GALLEY_ERROR_INPUT, path, 0, 0, "cannot read the PDF: %s", local->message);
    g_error_free(local);
    return false;
  }
  GBytes *bytes = g_bytes_new(data, len);
  art->document = art->poppler->document_new_from_bytes(bytes, NULL, &local);
  g_bytes_unref(bytes);
  if (!art->document) {
    diag_set_error(error, GALLEY_ERROR_INPUT, path, 0, 0, "cannot read the PDF: %s",
                   local ? local->message : "not a PDF");
    g_clear_error(&local);
    return false;
  }
  int pages = art->poppler->document_get_n_pages(art->document);
  if (page < 1 || page > pages) {
    diag_set_error(error, GALLEY_ERROR_INPUT, path, 0, 0, "the PDF has %d page%s, not a page %d",
                   pages, pages == 1 ? "" : "s", page);
    return false;
  }
  art->page = art->poppler->document_get_page(art->document, page - 1);
  art->poppler->page_get_size(art->page, &art->width, &art->height);
  return art->width > 0 && art->height > 0;
}

static bool load_svg(Artwork *art, const char *path, GError **error)
{
  GError *local = NULL;
  art->rsvg = lazylibs_rsvg(&local);
  if (!art->rsvg) {
    diag_set_error(error, GALLEY_ERROR_INPUT, path, 0, 0, "cannot read the SVG: %s", local->message);
    g_error_free(local);
    return false;
  }
  art->svg = art->rsvg->handle_new_from_file(path, &local);
  if (!art->svg) {
    diag_set_error(error, GALLEY_ERROR_INPUT, path, 0, 0, "cannot read the SVG: %s",
                   local ? local->message : "unknown error");
    g_clear_error(&local);
    return false;
  }
  art->rsvg->handle_set_dpi(art->svg, 72.0);
  if (!art->rsvg->handle_get_intrinsic_size_in_pixels(art->svg, &art->width, &art->height)) {
    RsvgRectangle ink, logical;
    art->rsvg->handle_get_geometry_for_layer(art->svg, NULL, &(RsvgRectangle){ 0, 0, 1000, 1000 }, &ink,
                                       &logical, NULL);
    art->width = logical.width;
    art->height = logical.height;
  }
  if (art->width <= 0 || art->height <= 0) {
    diag_set_error(error, GALLEY_ERROR_INPUT, path, 0, 0,
                   "the SVG has no size; give its <svg> element width and height or a viewBox");
    return false;
  }
  return true;
}

/* Components of a JPEG's frame (its SOF segment), 0 when not found. */
static int jpeg_components(const guint8 *data, gsize len)
{
  gsize i = 2;
  while (i + 9 < len && data[i] == 0xff) {
    guint8 marker = data[i + 1];
    gsize segment = ((gsize)data[i + 2] << 8) | data[i + 3];
    bool frame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
    if (frame)
      return data[i + 9];
    if (marker == 0xd9 || marker == 0xda)
      break;
    i += 2 + segment;
  }
  return 0;
}

static bool load_raster(Artwork *art, const char *path, const char *data, gsize len, GError **error)
{
  art->image = image_load(path, error);
  if (!art->image)
    return false;
  art->width = image_width(art->image);
  art->height = image_height(art->image);
  /* cairo 1.16 embeds a CMYK JPEG without the /Decode array that Adobe's
   * inverted CMYK needs, so viewers would show it as a negative; a JPEG
   * turned by its EXIF orientation would print on its side. Those are
   * embedded as the decoded (correct) pixels instead. */
  if (has_prefix(data, len, "\xff\xd8\xff") && jpeg_components((const guint8 *)data, len) != 4 &&
      !image_reoriented(art->image))
    art->jpeg = g_bytes_new(data, len);
  return true;
}

Artwork *artwork_load(const char *path, int page, GError **error)
{
  char *data = NULL;
  gsize len = 0;
  if (!diag_read_file(path, "artwork", &data, &len, error))
    return NULL;
  Artwork *art = g_new0(Artwork, 1);
  art->refs = 1;
  bool ok;
  char *head = g_strndup(data, MIN(len, 512));
  if (has_prefix(data, len, "%PDF")) {
    art->kind = ART_PDF;
    ok = load_pdf(art, path, data, len, page > 0 ? page : 1, error);
  } else if (strstr(head, "<svg") || g_str_has_suffix(path, ".svg")) {
    art->kind = ART_SVG;
    ok = load_svg(art, path, error);
  } else
    ok = load_raster(art, path, data, len, error);
  g_free(head);
  g_free(data);
  if (!ok) {
    artwork_unref(art);
    return NULL;
  }
  return art;
}

Artwork *artwork_ref(Artwork *artwork)
{
  if (artwork)
    g_atomic_int_inc(&artwork->refs);
  return artwork;
}

void artwork_unref(Artwork *art)
{
  if (!art || !g_atomic_int_dec_and_test(&art->refs))
    return;
  image_unref(art->image);
  if (art->jpeg)
    g_bytes_unref(art->jpeg);
  if (art->page)
    g_object_unref(art->page);
  if (art->document)
    g_object_unref(art->document);
  if (art->svg)
    g_object_unref(art->svg);
  g_free(art);
}

double artwork_width(const Artwork *artwork) { return artwork->width; }
double artwork_height(const Artwork *artwork) { return artwork->height; }
bool artwork_is_vector(const Artwork *artwork) { return artwork->kind != ART_RASTER; }
bool artwork_embeds_jpeg(const Artwork *artwork) { return artwork->jpeg != NULL; }

/* ---- drawing ---------------------------------------------------------------------- */

/* Pixels in an opaque cairo surface: an alpha channel is composited onto
 * white first (as render.c does for photos), so the PDF needs no soft mask
 * and PDF/X keeps the page. */
static cairo_surface_t *surface_from_image(const Image *image)
{
  int width = image_width(image), height = image_height(image), stride;
  bool alpha;
  const guint8 *pixels = image_pixels(image, &stride, &alpha);
  cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
  cairo_surface_flush(surface);
  guint8 *out = cairo_image_surface_get_data(surface);
  int out_stride = cairo_image_surface_get_stride(surface);
  int channels = alpha ? 4 : 3;
  for (int y = 0; y < height; y++) {
    const guint8 *src = pixels + (gsize)y * stride;
    guint32 *dst = (guint32 *)(out + (gsize)y * out_stride);
    for (int x = 0; x < width; x++, src += channels) {
      guint32 a = alpha ? src[3] : 255, white = 255 * (255 - a);
      guint32 r = (src[0] * a + white) / 255, g = (src[1] * a + white) / 255, b = (src[2] * a + white) / 255;
      dst[x] = (r << 16) | (g << 8) | b;
    }
  }
  cairo_surface_mark_dirty(surface);
  return surface;
}

/* A JPEG keeps its bytes (mime data: cairo's PDF writer embeds them as they
 * are); other images are downsampled to the print resolution first. */
static void draw_raster(const Artwork *art, cairo_t *cr, double scale, double draw_w, double draw_h)
{
  Image *source;
  double ppi = GALLEY_MAX_IMAGE_PPI;
  if (art->jpeg)
    source = image_ref(art->image);
  else
    source = image_fit(art->image, MAX(1, (int)(draw_w / 72.0 * ppi)), MAX(1, (int)(draw_h / 72.0 * ppi)));
  cairo_surface_t *surface = surface_from_image(source);
  if (art->jpeg)
    cairo_surface_set_mime_data(surface, CAIRO_MIME_TYPE_JPEG, g_bytes_get_data(art->jpeg, NULL),
                                g_bytes_get_size(art->jpeg), (cairo_destroy_func_t)g_bytes_unref,
                                g_bytes_ref(art->jpeg));
  double s = scale * art->width / image_width(source);
  cairo_scale(cr, s, s);
  cairo_set_source_surface(cr, surface, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_paint(cr);
  cairo_surface_destroy(surface);
  image_unref(source);
}

void artwork_draw(const Artwork *art, cairo_t *cr, double x, double y, double width, double height,
                  bool cover, double focus_x, double focus_y)
{
  double sx = width / art->width, sy = height / art->height;
  double scale = cover ? MAX(sx, sy) : MIN(sx, sy);
  double draw_w = art->width * scale, draw_h = art->height * scale;
  double ox, oy;
  if (cover) {   /* the focal point as near the middle as the edges allow */
    ox = CLAMP(width / 2 - focus_x * draw_w, width - draw_w, 0);
    oy = CLAMP(height / 2 - focus_y * draw_h, height - draw_h, 0);
  } else {
    ox = (width - draw_w) / 2;
    oy = (height - draw_h) / 2;
  }
  cairo_save(cr);
  cairo_rectangle(cr, x, y, width, height);
  cairo_clip(cr);
  cairo_translate(cr, x + ox, y + oy);
  if (art->kind == ART_RASTER) {
    draw_raster(art, cr, scale, draw_w, draw_h);
  } else if (art->kind == ART_PDF) {
    cairo_scale(cr, scale, scale);
    art->poppler->page_render_for_printing(art->page, cr);
  } else {
    RsvgRectangle viewport = { 0, 0, draw_w, draw_h };
    art->rsvg->handle_render_document(art->svg, cr, &viewport, NULL);
  }
  cairo_restore(cr);
}
