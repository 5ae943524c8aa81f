/* vectorlibs.c — poppler-glib and librsvg loaded on first use (vectorlibs.h). */
#include "vectorlibs.h"

#include <gmodule.h>
#include <stdbool.h>

#include "diag.h"

#ifndef GALLEY_POPPLER_GLIB_SONAME
#define GALLEY_POPPLER_GLIB_SONAME "libpoppler-glib.so.8"
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

const PopplerApi *vectorlibs_poppler(GError **error)
{
  static PopplerApi api;
  static gsize state;   /* 0 not tried, 1 loaded, 2 failed */
  static GError *failure;
  if (g_once_init_enter(&state)) {
    const Symbol symbols[] = {
      { "poppler_document_new_from_bytes", (gpointer *)&api.document_new_from_bytes },
      { "poppler_document_get_n_pages", (gpointer *)&api.document_get_n_pages },
      { "poppler_document_get_page", (gpointer *)&api.document_get_page },
      { "poppler_page_get_size", (gpointer *)&api.page_get_size },
      { "poppler_page_render_for_printing", (gpointer *)&api.page_render_for_printing },
    };
    bool ok = load_library(GALLEY_POPPLER_GLIB_SONAME, "libpoppler-glib8", symbols,
                           G_N_ELEMENTS(symbols), &failure);
    g_once_init_leave(&state, ok ? 1 : 2);
  }
  if (state == 1)
    return &api;
  g_propagate_error(error, g_error_copy(failure));
  return NULL;
}

const RsvgApi *vectorlibs_rsvg(GError **error)
{
  static RsvgApi api;
  static gsize state;
  static GError *failure;
  if (g_once_init_enter(&state)) {
    const Symbol symbols[] = {
      { "rsvg_handle_new_from_file", (gpointer *)&api.handle_new_from_file },
      { "rsvg_handle_set_dpi", (gpointer *)&api.handle_set_dpi },
      { "rsvg_handle_get_intrinsic_size_in_pixels", (gpointer *)&api.handle_get_intrinsic_size_in_pixels },
      { "rsvg_handle_get_geometry_for_layer", (gpointer *)&api.handle_get_geometry_for_layer },
      { "rsvg_handle_render_document", (gpointer *)&api.handle_render_document },
    };
    bool ok = load_library(GALLEY_RSVG_SONAME, "librsvg2-2", symbols, G_N_ELEMENTS(symbols),
                           &failure);
    g_once_init_leave(&state, ok ? 1 : 2);
  }
  if (state == 1)
    return &api;
  g_propagate_error(error, g_error_copy(failure));
  return NULL;
}
