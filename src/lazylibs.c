/* lazylibs.c — poppler-glib, librsvg and libqpdf loaded on first use (lazylibs.h). */
#include "lazylibs.h"

#include <gmodule.h>
#include <stdbool.h>

#include "diag.h"

#ifndef GALLEY_POPPLER_GLIB_SONAME
#define GALLEY_POPPLER_GLIB_SONAME "libpoppler-glib.so.8"
#endif
#ifndef GALLEY_QPDF_SONAME
#define GALLEY_QPDF_SONAME "libqpdf.so.29"
#endif
#ifndef GALLEY_RSVG_SONAME
#define GALLEY_RSVG_SONAME "librsvg-2.so.2"
#endif

typedef struct {
  const char *name;
  gpointer *slot;
} Symbol;

/* Opens soname and fills every slot; false (error) when any is missing. */
static bool load_library(const char *soname, const char *package, const Symbol *symbols,
                         size_t count, GError **error)
{
  GModule *module = g_module_open(soname, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  const char *missing = NULL;
  for (size_t i = 0; module && i < count && !missing; i++)
    if (!g_module_symbol(module, symbols[i].name, symbols[i].slot))
      missing = symbols[i].name;
  if (module && !missing) {
    g_module_make_resident(module);
    return true;
  }
  diag_set_error(error, GALLEY_ERROR_INPUT, NULL, 0, 0,
                 "%s could not be loaded (%s); install the Debian package %s", soname,
                 missing ? missing : g_module_error(), package);
  if (module)
    g_module_close(module);
  return false;
}

typedef struct {
  gsize state;   /* 0 not tried, 1 loaded, 2 failed */
  GError *failure;
} LoadOnce;

/* Loads the library the first time only; every later call says the same. */
static bool load_once(LoadOnce *once, const char *soname, const char *package,
                      const Symbol *symbols, size_t count, GError **error)
{
  if (g_once_init_enter(&once->state)) {
    bool ok = load_library(soname, package, symbols, count, &once->failure);
    g_once_init_leave(&once->state, ok ? 1 : 2);
  }
  if (once->state == 1)
    return true;
  g_propagate_error(error, g_error_copy(once->failure));
  return false;
}

const PopplerApi *lazylibs_poppler(GError **error)
{
  static PopplerApi api;
  static LoadOnce once;
  const Symbol symbols[] = {
    { "poppler_document_new_from_bytes", (gpointer *)&api.document_new_from_bytes },
    { "poppler_document_get_n_pages", (gpointer *)&api.document_get_n_pages },
    { "poppler_document_get_page", (gpointer *)&api.document_get_page },
    { "poppler_page_get_size", (gpointer *)&api.page_get_size },
    { "poppler_page_render_for_printing", (gpointer *)&api.page_render_for_printing },
  };
  return load_once(&once, GALLEY_POPPLER_GLIB_SONAME, "libpoppler-glib8", symbols, G_N_ELEMENTS(symbols), error) ? &api
                                                                                 : NULL;
}

const RsvgApi *lazylibs_rsvg(GError **error)
{
  static RsvgApi api;
  static LoadOnce once;
  const Symbol symbols[] = {
    { "rsvg_handle_new_from_file", (gpointer *)&api.handle_new_from_file },
    { "rsvg_handle_set_dpi", (gpointer *)&api.handle_set_dpi },
    { "rsvg_handle_get_intrinsic_size_in_pixels", (gpointer *)&api.handle_get_intrinsic_size_in_pixels },
    { "rsvg_handle_get_geometry_for_layer", (gpointer *)&api.handle_get_geometry_for_layer },
    { "rsvg_handle_render_document", (gpointer *)&api.handle_render_document },
  };
  return load_once(&once, GALLEY_RSVG_SONAME, "librsvg2-2", symbols, G_N_ELEMENTS(symbols), error) ? &api
                                                                                 : NULL;
}

const QpdfApi *lazylibs_qpdf(GError **error)
{
  static QpdfApi api;
  static LoadOnce once;
  const Symbol symbols[] = {
    { "qpdf_cleanup", (gpointer *)&api.cleanup },
    { "qpdf_get_buffer", (gpointer *)&api.get_buffer },
    { "qpdf_get_buffer_length", (gpointer *)&api.get_buffer_length },
    { "qpdf_get_error", (gpointer *)&api.get_error },
    { "qpdf_get_error_full_text", (gpointer *)&api.get_error_full_text },
    { "qpdf_get_num_pages", (gpointer *)&api.get_num_pages },
    { "qpdf_get_page_n", (gpointer *)&api.get_page_n },
    { "qpdf_get_pdf_version", (gpointer *)&api.get_pdf_version },
    { "qpdf_get_root", (gpointer *)&api.get_root },
    { "qpdf_get_trailer", (gpointer *)&api.get_trailer },
    { "qpdf_has_error", (gpointer *)&api.has_error },
    { "qpdf_init", (gpointer *)&api.init },
    { "qpdf_init_write_memory", (gpointer *)&api.init_write_memory },
    { "qpdf_oh_append_item", (gpointer *)&api.oh_append_item },
    { "qpdf_oh_get_array_item", (gpointer *)&api.oh_get_array_item },
    { "qpdf_oh_get_array_n_items", (gpointer *)&api.oh_get_array_n_items },
    { "qpdf_oh_get_dict", (gpointer *)&api.oh_get_dict },
    { "qpdf_oh_get_key", (gpointer *)&api.oh_get_key },
    { "qpdf_oh_is_array", (gpointer *)&api.oh_is_array },
    { "qpdf_oh_is_dictionary", (gpointer *)&api.oh_is_dictionary },
    { "qpdf_oh_is_name_and_equals", (gpointer *)&api.oh_is_name_and_equals },
    { "qpdf_oh_new_array", (gpointer *)&api.oh_new_array },
    { "qpdf_oh_new_dictionary", (gpointer *)&api.oh_new_dictionary },
    { "qpdf_oh_new_integer", (gpointer *)&api.oh_new_integer },
    { "qpdf_oh_new_name", (gpointer *)&api.oh_new_name },
    { "qpdf_oh_new_null", (gpointer *)&api.oh_new_null },
    { "qpdf_oh_new_real_from_double", (gpointer *)&api.oh_new_real_from_double },
    { "qpdf_oh_new_stream", (gpointer *)&api.oh_new_stream },
    { "qpdf_oh_new_unicode_string", (gpointer *)&api.oh_new_unicode_string },
    { "qpdf_oh_remove_key", (gpointer *)&api.oh_remove_key },
    { "qpdf_oh_replace_key", (gpointer *)&api.oh_replace_key },
    { "qpdf_oh_replace_stream_data", (gpointer *)&api.oh_replace_stream_data },
    { "qpdf_read", (gpointer *)&api.read },
    { "qpdf_read_memory", (gpointer *)&api.read_memory },
    { "qpdf_set_compress_streams", (gpointer *)&api.set_compress_streams },
    { "qpdf_set_deterministic_ID", (gpointer *)&api.set_deterministic_ID },
    { "qpdf_set_minimum_pdf_version", (gpointer *)&api.set_minimum_pdf_version },
    { "qpdf_set_object_stream_mode", (gpointer *)&api.set_object_stream_mode },
    { "qpdf_set_suppress_warnings", (gpointer *)&api.set_suppress_warnings },
    { "qpdf_silence_errors", (gpointer *)&api.silence_errors },
    { "qpdf_write", (gpointer *)&api.write },
  };
  return load_once(&once, GALLEY_QPDF_SONAME, "libqpdf29", symbols, G_N_ELEMENTS(symbols), error) ? &api
                                                                                 : NULL;
}
