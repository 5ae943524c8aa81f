/* diag.h — diagnostics: errors and warnings that carry where they happened.
 *
 * Every user-facing error is a GError in GALLEY_ERROR whose message already
 * reads "FILE:LINE:COL: what is wrong; what to do" (LINE and COL omitted when
 * unknown). Warnings are collected in a DiagLog, de-duplicated, and printed
 * once at the end of a run, so a long build does not drown its own output. */
#ifndef GALLEY_DIAG_H
#define GALLEY_DIAG_H

#include <glib.h>

#define GALLEY_ERROR (galley_error_quark())
GQuark galley_error_quark(void);

typedef enum {
  GALLEY_ERROR_INPUT,    /* a file the user gave is malformed or missing */
  GALLEY_ERROR_OUTPUT,   /* the output cannot be written */
  GALLEY_ERROR_FONT,     /* a font family cannot be found */
  GALLEY_ERROR_LIMIT     /* input beyond a documented limit */
} GalleyErrorCode;

/* Sets *error to "FILE:LINE:COL: message". line/col are 1-based; 0 omits them. */
void diag_set_error(GError **error, GalleyErrorCode code, const char *file,
                    int line, int col, const char *fmt, ...) G_GNUC_PRINTF(6, 7);

/* Reads a whole input file. On failure sets error to
 * "PATH: cannot read the WHAT: reason" and returns FALSE. Caller frees data. */
gboolean diag_read_file(const char *path, const char *what, char **data, gsize *len,
                        GError **error);

/* A short reason for a GFileError ("no such file", "permission denied"),
 * without the path GLib puts in its own message. */
const char *diag_file_error_reason(const GError *file_error);

/* Validates UTF-8; on failure sets error naming the line and column of the
 * first bad byte (or NUL). Shared by every reader. */
gboolean diag_check_utf8(const char *path, const char *data, size_t len, GError **error);

typedef struct DiagLog DiagLog;

DiagLog *diag_log_new(void);
void diag_log_free(DiagLog *log);

/* Records a warning; identical messages are folded and counted. */
void diag_warn(DiagLog *log, const char *file, int line, int col,
               const char *fmt, ...) G_GNUC_PRINTF(5, 6);

unsigned diag_log_count(const DiagLog *log);

/* Adds other's warnings (with their counts), notes and faults after log's own, as
 * if they had been recorded in log: work done on other threads keeps the
 * order it would have had in one. */
void diag_log_append(DiagLog *log, const DiagLog *other);

/* The i-th distinct warning, already formatted with its location (borrowed). */
const char *diag_log_message(const DiagLog *log, unsigned i);

/* Writes every warning to stderr as "galley: warning: ...", once each. */
void diag_log_print(const DiagLog *log);

/* Records a note: not a fault, but what --verbose says galley did (such as
 * a paragraph left to Pango's line breaking). Kept in order, not folded. */
void diag_note(DiagLog *log, const char *file, int line, int col,
               const char *fmt, ...) G_GNUC_PRINTF(5, 6);

unsigned diag_log_note_count(const DiagLog *log);
const char *diag_log_note(const DiagLog *log, unsigned i);

/* Writes every note to stderr as "galley: note: ...". */
void diag_log_print_notes(const DiagLog *log);

/* Records a fault: an input that composition went past with a stand-in (a
 * photo that cannot be read: a placeholder), which the command then turns
 * into an error (nothing written) or, when the user asked to proof with
 * stand-ins, a warning. Kept in order; identical faults once. */
void diag_fault(DiagLog *log, const char *file, int line, int col,
                const char *fmt, ...) G_GNUC_PRINTF(5, 6);

unsigned diag_log_fault_count(const DiagLog *log);
const char *diag_log_fault(const DiagLog *log, unsigned i);

#endif
