/* image.h — photos decoded with gdk-pixbuf. Only this module includes it.
 *
 * An Image is reference counted: the story that places it and the display
 * list that draws it both hold it. Images are checked for their declared
 * size before decoding, so a "decompression bomb" is refused cheaply. */
#ifndef GALLEY_IMAGE_H
#define GALLEY_IMAGE_H

#include <glib.h>
#include <stdbool.h>

typedef struct Image Image;

/* Decodes path, applying its EXIF orientation. NULL with error when the
 * file is missing, not an image, truncated, or larger than the limit. */
Image *image_load(const char *path, GError **error);
Image *image_ref(Image *image);
void image_unref(Image *image);

/* True when the file's EXIF orientation turned or flipped the pixels: its
 * bytes do not show the picture the right way up. */
bool image_reoriented(const Image *image);

int image_width(const Image *image);
int image_height(const Image *image);

/* A copy scaled so neither side exceeds max_width x max_height pixels
 * (aspect kept), or a new reference to image when it already fits. */
Image *image_fit(Image *image, int max_width, int max_height);

/* Pixels as 8-bit RGB or RGBA rows (borrowed). */
const guint8 *image_pixels(const Image *image, int *stride, bool *has_alpha);

#endif
