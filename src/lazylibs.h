/* lazylibs.h — libraries loaded when first needed: poppler-glib (PDF) and
 * librsvg (SVG) when an ad or a logo needs them, libqpdf when a PDF is
 * finished.
 *
 * Most runs draw no PDF or SVG artwork, and linking the two libraries (and
 * what they pull in: poppler's C++, the Rust of librsvg, gnutls...) at start
 * doubled galley's start-up time and added 7 MB to every run. libqpdf (with
 * C++ and gnutls, ten libraries) took 3 ms of every start, for a pass at the
 * very end, or none (check, preview). GModule loads them by their Debian
 * sonames instead, on first use, once per process. */
#ifndef GALLEY_LAZYLIBS_H
#define GALLEY_LAZYLIBS_H

#include <librsvg/rsvg.h>
#include <poppler.h>
#include <qpdf/qpdf-c.h>

typedef struct {
  PopplerDocument *(*document_new_from_bytes)(GBytes *bytes, const char *password, GError **error);
  int (*document_get_n_pages)(PopplerDocument *document);
  PopplerPage *(*document_get_page)(PopplerDocument *document, int index);
  void (*page_get_size)(PopplerPage *page, double *width, double *height);
  void (*page_render_for_printing)(PopplerPage *page, cairo_t *cr);
} PopplerApi;

typedef struct {
  RsvgHandle *(*handle_new_from_file)(const char *path, GError **error);
  void (*handle_set_dpi)(RsvgHandle *handle, double dpi);
  gboolean (*handle_get_intrinsic_size_in_pixels)(RsvgHandle *handle, double *width, double *height);
  gboolean (*handle_get_geometry_for_layer)(RsvgHandle *handle, const char *id,
                                            const RsvgRectangle *viewport, RsvgRectangle *ink,
                                            RsvgRectangle *logical, GError **error);
  gboolean (*handle_render_document)(RsvgHandle *handle, cairo_t *cr,
                                     const RsvgRectangle *viewport, GError **error);
} RsvgApi;

/* The functions of libqpdf's C API that pdfboxes.c calls, by their names
 * without "qpdf_". */
typedef struct {
  __typeof__(&qpdf_cleanup) cleanup;
  __typeof__(&qpdf_get_buffer) get_buffer;
  __typeof__(&qpdf_get_buffer_length) get_buffer_length;
  __typeof__(&qpdf_get_error) get_error;
  __typeof__(&qpdf_get_error_full_text) get_error_full_text;
  __typeof__(&qpdf_get_num_pages) get_num_pages;
  __typeof__(&qpdf_get_page_n) get_page_n;
  __typeof__(&qpdf_get_pdf_version) get_pdf_version;
  __typeof__(&qpdf_get_root) get_root;
  __typeof__(&qpdf_get_trailer) get_trailer;
  __typeof__(&qpdf_has_error) has_error;
  __typeof__(&qpdf_init) init;
  __typeof__(&qpdf_init_write_memory) init_write_memory;
  __typeof__(&qpdf_oh_append_item) oh_append_item;
  __typeof__(&qpdf_oh_get_array_item) oh_get_array_item;
  __typeof__(&qpdf_oh_get_array_n_items) oh_get_array_n_items;
  __typeof__(&qpdf_oh_get_dict) oh_get_dict;
  __typeof__(&qpdf_oh_get_key) oh_get_key;
  __typeof__(&qpdf_oh_is_array) oh_is_array;
  __typeof__(&qpdf_oh_is_dictionary) oh_is_dictionary;
  __typeof__(&qpdf_oh_is_name_and_equals) oh_is_name_and_equals;
  __typeof__(&qpdf_oh_new_array) oh_new_array;
  __typeof__(&qpdf_oh_new_dictionary) oh_new_dictionary;
  __typeof__(&qpdf_oh_new_integer) oh_new_integer;
  __typeof__(&qpdf_oh_new_name) oh_new_name;
  __typeof__(&qpdf_oh_new_null) oh_new_null;
  __typeof__(&qpdf_oh_new_real_from_double) oh_new_real_from_double;
  __typeof__(&qpdf_oh_new_stream) oh_new_stream;
  __typeof__(&qpdf_oh_new_unicode_string) oh_new_unicode_string;
  __typeof__(&qpdf_oh_remove_key) oh_remove_key;
  __typeof__(&qpdf_oh_replace_key) oh_replace_key;
  __typeof__(&qpdf_oh_replace_stream_data) oh_replace_stream_data;
  __typeof__(&qpdf_read) read;
  __typeof__(&qpdf_read_memory) read_memory;
  __typeof__(&qpdf_set_compress_streams) set_compress_streams;
  __typeof__(&qpdf_set_deterministic_ID) set_deterministic_ID;
  __typeof__(&qpdf_set_minimum_pdf_version) set_minimum_pdf_version;
  __typeof__(&qpdf_set_object_stream_mode) set_object_stream_mode;
  __typeof__(&qpdf_set_suppress_warnings) set_suppress_warnings;
  __typeof__(&qpdf_silence_errors) silence_errors;
  __typeof__(&qpdf_write) write;
} QpdfApi;

/* The library's functions, or NULL and error saying which Debian package
 * to install. Thread-safe; the library stays loaded. */
const PopplerApi *lazylibs_poppler(GError **error);
const RsvgApi *lazylibs_rsvg(GError **error);
const QpdfApi *lazylibs_qpdf(GError **error);

#endif
