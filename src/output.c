/* output.c — atomic writes through g_file_set_contents_full(). */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"

static gboolean write_all(int fd, const char *path, const guint8 *data, gsize len, GError **error)
{
  while (len > 0) {
    ssize_t n = write(fd, data, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      diag_set_error(error, GALLEY_ERROR_OUTPUT, path, 0, 0, "cannot write: %s",
                     g_strerror(n < 0 ? errno : ENOSPC));
      return FALSE;
    }
    data += n;
    len -= (gsize)n;
  }
  return TRUE;
}

static gboolean write_stream(const char *path, GBytes *bytes, GError **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data(bytes, &len);
  if (strcmp(path, "-") == 0)
    return write_all(STDOUT_FILENO, "standard output", data, len, error);
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) {
    diag_set_error(error, GALLEY_ERROR_OUTPUT, path, 0, 0, "cannot open for writing: %s",
                   g_strerror(errno));
    return FALSE;
  }
  gboolean ok = write_all(fd, path, data, len, error);
  if (close(fd) != 0 && ok) {
    diag_set_error(error, GALLEY_ERROR_OUTPUT, path, 0, 0, "cannot write: %s", g_strerror(errno));
    ok = FALSE;
  }
  return ok;
}

gboolean output_write(const char *path, GBytes *bytes, GError **error)
{
  struct stat st;
  if (strcmp(path, "-") == 0 || (stat(path, &st) == 0 && !S_ISREG(st.st_mode)))
    return write_stream(path, bytes, error);
  gsize len;
  const char *data = g_bytes_get_data(bytes, &len);
  GError *local = NULL;
  if (!g_file_set_contents_full(path, data, (gssize)len, G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local)) {
    diag_set_error(error, GALLEY_ERROR_OUTPUT, path, 0, 0, "cannot write the output: %s",
                   diag_file_error_reason(local));
    g_error_free(local);
    return FALSE;
  }
  return TRUE;
}
