/* diag.c — error construction and the warning log.
 *
 * All errors are made by diag_set_error() so the location prefix has one
 * format everywhere. The warning log keeps insertion order and folds exact
 * repeats through a hash table keyed by the formatted text. */
#include "diag.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

#include "galley_limits.h"

G_DEFINE_QUARK(galley-error-quark, galley_error)

struct DiagLog {
  GPtrArray *messages;   /* owned strings, in order of first appearance */
  GHashTable *repeats;   /* message -> count (borrowed key) */
  GPtrArray *notes;      /* owned strings, for --verbose */
  GPtrArray *faults;     /* owned strings, distinct, in order */
};

static char *format_location(const char *file, int line, int col)
{
  if (!file)
    return g_strdup("");
  if (line > 0 && col > 0)
    return g_strdup_printf("%s:%d:%d: ", file, line, col);
  if (line > 0)
    return g_strdup_printf("%s:%d: ", file, line);
  return g_strdup_printf("%s: ", file);
}

void diag_set_error(GError **error, GalleyErrorCode code, const char *file,
                    int line, int col, const char *fmt, ...)
{
  if (!error)
    return;
  va_list args;
  va_start(args, fmt);
  char *message = g_strdup_vprintf(fmt, args);
  va_end(args);
  char *where = format_location(file, line, col);
  g_set_error(error, GALLEY_ERROR, code, "%s%s", where, message);
  g_free(where);
  g_free(message);
}

const char *diag_file_error_reason(const GError *file_error)
{
  if (file_error->domain != G_FILE_ERROR)
    return file_error->message;
  switch (file_error->code) {
  case G_FILE_ERROR_NOENT: return "no such file; check the path";
  case G_FILE_ERROR_ACCES: return "permission denied";
  case G_FILE_ERROR_ISDIR: return "is a folder, not a file";
  case G_FILE_ERROR_NOSPC: return "no space left on the device";
  case G_FILE_ERROR_ROFS: return "the file system is read-only";
  case G_FILE_ERROR_NOTDIR: return "a folder in the path is not a folder";
  default: return file_error->message;
  }
}

static gboolean read_failed(const char *path, const char *what, int errno_value, GError **error)
{
  GError *local = g_error_new_literal(G_FILE_ERROR, g_file_error_from_errno(errno_value),
                                      g_strerror(errno_value));
  diag_set_error(error, GALLEY_ERROR_INPUT, path, 0, 0, "cannot read the %s: %s", what,
                 diag_file_error_reason(local));
  g_error_free(local);
  return FALSE;
}

/* Reads at most one byte more than the input limit, so that a huge file or
 * an endless device (/dev/zero) is refused before it exhausts memory. */
gboolean diag_read_file(const char *path, const char *what, char **data, gsize *len,
                        GError **error)
{
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return read_failed(path, what, errno, error);
  GByteArray *bytes = g_byte_array_new();
  guint8 chunk[65536];
  ssize_t n = 0;
  while (bytes->len <= GALLEY_MAX_INPUT_BYTES &&
         ((n = read(fd, chunk, sizeof chunk)) > 0 || (n < 0 && errno == EINTR)))
    if (n > 0)
      g_byte_array_append(bytes, chunk, (guint)n);
  int read_errno = errno;
  close(fd);
  if (n < 0) {
    g_byte_array_free(bytes, TRUE);
    return read_failed(path, what, read_errno, error);
  }
  if (bytes->len > GALLEY_MAX_INPUT_BYTES) {
    g_byte_array_free(bytes, TRUE);
    diag_set_error(error, GALLEY_ERROR_LIMIT, path, 0, 0,
                   "the %s is larger than %u bytes, galley's limit for one file; split it",
                   what, GALLEY_MAX_INPUT_BYTES);
    return FALSE;
  }
  *len = bytes->len;
  g_byte_array_append(bytes, (const guint8 *)"", 1);   /* callers may treat it as a string */
  *data = (char *)g_byte_array_free(bytes, FALSE);
  return TRUE;
}

DiagLog *diag_log_new(void)
{
  DiagLog *log = g_new0(DiagLog, 1);
  log->messages = g_ptr_array_new_with_free_func(g_free);
  log->repeats = g_hash_table_new(g_str_hash, g_str_equal);
  log->notes = g_ptr_array_new_with_free_func(g_free);
  log->faults = g_ptr_array_new_with_free_func(g_free);
  return log;
}

void diag_log_free(DiagLog *log)
{
  if (!log)
    return;
  g_hash_table_destroy(log->repeats);
  g_ptr_array_free(log->messages, TRUE);
  g_ptr_array_free(log->notes, TRUE);
  g_ptr_array_free(log->faults, TRUE);
  g_free(log);
}

/* "file:line:col: " and the formatted text (caller frees). */
static char *located_message(const char *file, int line, int col, const char *fmt, va_list args)
{
  char *body = g_strdup_vprintf(fmt, args);
  char *where = format_location(file, line, col);
  char *message = g_strconcat(where, body, NULL);
  g_free(where);
  g_free(body);
  return message;
}

/* Records a warning seen count times; takes message. */
static void add_warning(DiagLog *log, char *message, unsigned count)
{
  gpointer first_copy, known;
  if (g_hash_table_lookup_extended(log->repeats, message, &first_copy, &known)) {
    /* the key stays the first copy; this one is not needed */
    g_hash_table_insert(log->repeats, first_copy, GUINT_TO_POINTER(GPOINTER_TO_UINT(known) + count));
    g_free(message);
    return;
  }
  g_ptr_array_add(log->messages, message);
  g_hash_table_insert(log->repeats, message, GUINT_TO_POINTER(count));
}

void diag_warn(DiagLog *log, const char *file, int line, int col,
               const char *fmt, ...)
{
  va_list args;
  va_start(args, fmt);
  char *message = located_message(file, line, col, fmt, args);
  va_end(args);
  add_warning(log, message, 1);
}

void diag_log_append(DiagLog *log, const DiagLog *other)
{
  for (unsigned i = 0; i < other->messages->len; i++) {
    const char *message = g_ptr_array_index(other->messages, i);
    add_warning(log, g_strdup(message), GPOINTER_TO_UINT(g_hash_table_lookup(other->repeats, message)));
  }
  for (unsigned i = 0; i < other->notes->len; i++)
    g_ptr_array_add(log->notes, g_strdup(g_ptr_array_index(other->notes, i)));
  for (unsigned i = 0; i < other->faults->len; i++)
    diag_fault(log, NULL, 0, 0, "%s", (const char *)g_ptr_array_index(other->faults, i));
}

unsigned diag_log_count(const DiagLog *log)
{
  return log->messages->len;
}

const char *diag_log_message(const DiagLog *log, unsigned i)
{
  return g_ptr_array_index(log->messages, i);
}

void diag_log_print(const DiagLog *log)
{
  for (unsigned i = 0; i < log->messages->len; i++) {
    const char *message = g_ptr_array_index(log->messages, i);
    unsigned count = GPOINTER_TO_UINT(g_hash_table_lookup(log->repeats, message));
    if (count > 1)
      fprintf(stderr, "galley: warning: %s (repeated %u times)\n", message, count);
    else
      fprintf(stderr, "galley: warning: %s\n", message);
  }
}

void diag_note(DiagLog *log, const char *file, int line, int col, const char *fmt, ...)
{
  va_list args;
  va_start(args, fmt);
  g_ptr_array_add(log->notes, located_message(file, line, col, fmt, args));
  va_end(args);
}

unsigned diag_log_note_count(const DiagLog *log)
{
  return log->notes->len;
}

const char *diag_log_note(const DiagLog *log, unsigned i)
{
  return g_ptr_array_index(log->notes, i);
}

void diag_log_print_notes(const DiagLog *log)
{
  for (unsigned i = 0; i < log->notes->len; i++)
    fprintf(stderr, "galley: note: %s\n", (const char *)g_ptr_array_index(log->notes, i));
}

void diag_fault(DiagLog *log, const char *file, int line, int col, const char *fmt, ...)
{
  va_list args;
  va_start(args, fmt);
  char *message = located_message(file, line, col, fmt, args);
  va_end(args);
  for (unsigned i = 0; i < log->faults->len; i++)
    if (g_str_equal(g_ptr_array_index(log->faults, i), message)) {
      g_free(message);
      return;
    }
  g_ptr_array_add(log->faults, message);
}

unsigned diag_log_fault_count(const DiagLog *log)
{
  return log->faults->len;
}

const char *diag_log_fault(const DiagLog *log, unsigned i)
{
  return g_ptr_array_index(log->faults, i);
}

gboolean diag_check_utf8(const char *path, const char *data, size_t len, GError **error)
{
  const char *end = NULL;
  if (g_utf8_validate_len(data, len, &end))
    return true;
  int line = 1, col = 1;
  for (const char *p = data; p < end; p++) {
    if (*p == '\n') {
      line++;
      col = 1;
    } else if (((unsigned char)*p & 0xC0) != 0x80) {
      col++;
    }
  }
  if (end < data + len && *end == '\0')
    diag_set_error(error, GALLEY_ERROR_INPUT, path, line, col,
                   "contains a NUL byte; save the file as UTF-8 text");
  else
    diag_set_error(error, GALLEY_ERROR_INPUT, path, line, col,
                   "invalid UTF-8 (byte 0x%02X); save the file as UTF-8",
                   (unsigned)(unsigned char)*end);
  return false;
}
