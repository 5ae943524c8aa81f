/* output.h — writing results without ever leaving a partial file.
 *
 * A regular file (or a new one) is written to a temporary file beside it
 * and renamed into place only when complete. A target that exists and is
 * not a regular file (a device, a FIFO) and "-" (standard output) are
 * written directly, never renamed over. */
#ifndef GALLEY_OUTPUT_H
#define GALLEY_OUTPUT_H

#include <glib.h>

gboolean output_write(const char *path, GBytes *bytes, GError **error);

#endif
