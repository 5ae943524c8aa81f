/* image.c — the gdk-pixbuf adapter. */
#include "image.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "diag.h"
#include "galley_limits.h"

struct Image {
  gint refs;
  GdkPixbuf *pixbuf;
  bool reoriented;   /* turned or flipped by the file's EXIF orientation */
};

static Image *image_wrap(GdkPixbuf *pixbuf)
{
  Image *image = g_new0(Image, 1);
  image->refs = 1;
  image->pixbuf = pixbuf;
  return image;
}

Image *image_load(const char *path, GError **error)
{
  int width = 0, height = 0;
  if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
    diag_set_error(error, GALLEY_ERROR_INPUT, path, 0, 0, "image not found; check the path (it is relative to the file that names it)");
    return NULL;
  }
  if (!gdk_pixbuf_get_file_info(path, &width, &height)) {
    diag_set_error(error, GALLEY_ERROR_INPUT, path, 0, 0,
                   "not an image galley can read; use PNG or JPEG");
    return NULL;
  }
  if (width <= 0 || height <= 0 ||
      (guint64)width * (guint64)height > GALLEY_MAX_IMAGE_PIXELS) {
    diag_set_error(error, GALLEY_ERROR_LIMIT, path, 0, 0,
                   "declares %d x %d pixels, more than the %u-pixel limit; scale it down",
                   width, height, GALLEY_MAX_IMAGE_PIXELS);
    return NULL;
  }
  GError *local = NULL;
  GdkPixbuf *pixbuf = gdk_pixbuf_new_from_file(path, &local);
  if (!pixbuf) {
    diag_set_error(error, GALLEY_ERROR_INPUT, path, 0, 0,
                   "cannot decode the image (%s); it is damaged or cut short: save or export it again",
                   local ? local->message : "unknown error");
    g_clear_error(&local);
    return NULL;
  }
  GdkPixbuf *oriented = gdk_pixbuf_apply_embedded_orientation(pixbuf);
  bool turned = oriented != pixbuf;
  g_object_unref(pixbuf);
  Image *image = image_wrap(oriented);
  image->reoriented = turned;
  return image;
}

Image *image_ref(Image *image)
{
  if (image)
    g_atomic_int_inc(&image->refs);
  return image;
}

void image_unref(Image *image)
{
  if (image && g_atomic_int_dec_and_test(&image->refs)) {
    g_object_unref(image->pixbuf);
    g_free(image);
  }
}

bool image_reoriented(const Image *image)
{
  return image->reoriented;
}

int image_width(const Image *image)
{
  return gdk_pixbuf_get_width(image->pixbuf);
}

int image_height(const Image *image)
{
  return gdk_pixbuf_get_height(image->pixbuf);
}

Image *image_fit(Image *image, int max_width, int max_height)
{
  int w = image_width(image), h = image_height(image);
  if (w <= max_width && h <= max_height)
    return image_ref(image);
  double scale = MIN((double)max_width / w, (double)max_height / h);
  int nw = MAX(1, (int)(w * scale + 0.5)), nh = MAX(1, (int)(h * scale + 0.5));
  return image_wrap(gdk_pixbuf_scale_simple(image->pixbuf, nw, nh, GDK_INTERP_BILINEAR));
}

const guint8 *image_pixels(const Image *image, int *stride, bool *has_alpha)
{
  *stride = gdk_pixbuf_get_rowstride(image->pixbuf);
  *has_alpha = gdk_pixbuf_get_has_alpha(image->pixbuf);
  return gdk_pixbuf_read_pixels(image->pixbuf);
}
