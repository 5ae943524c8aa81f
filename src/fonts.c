/* fonts.c — fontconfig configuration and the Pango font map built on it.
 *
 * FcConfigCreate() starts from nothing (no system configuration); our
 * fonts.conf adds the font folders and cache folders. Fontconfig's caches
 * make start-up cheap after the first run. */
#include "fonts.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <string.h>

#include "diag.h"

struct Fonts {
  FcConfig *config;
  PangoFontMap *font_map;
  GPtrArray *thread_font_maps;   /* PangoFontMap*, one per composing thread */
};

static PangoFontMap *font_map_for(FcConfig *config)
{
  PangoFontMap *map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
  return map;
}

Fonts *fonts_new(const char *fonts_dir, GError **error)
{
  /* fontconfig reads a relative path as relative to its own folder */
  char *relative = g_build_filename(fonts_dir, "fonts.conf", NULL);
  char *conf = g_canonicalize_filename(relative, NULL);
  g_free(relative);
  if (!g_file_test(conf, G_FILE_TEST_IS_REGULAR)) {
    diag_set_error(error, GALLEY_ERROR_FONT, conf, 0, 0,
                   "galley's font configuration is missing; reinstall galley or set "
                   "GALLEY_DATADIR to the folder holding fonts/ and layouts/");
    g_free(conf);
    return NULL;
  }
  FcConfig *config = FcConfigCreate();
  if (!FcConfigParseAndLoad(config, (const FcChar8 *)conf, FcTrue) ||
      !FcConfigBuildFonts(config)) {
    diag_set_error(error, GALLEY_ERROR_FONT, conf, 0, 0,
                   "fontconfig could not load this configuration; check its XML");
    FcConfigDestroy(config);
    g_free(conf);
    return NULL;
  }
  g_free(conf);
  /* The process's current configuration too: Pango's first font map
   * otherwise loads the system's on a thread of its own (FcInit, 9 ms of
   * CPU at every start) that galley never uses, and librsvg and poppler,
   * which take the current one, draw artwork text with galley's fonts. */
  FcConfigSetCurrent(config);
  Fonts *fonts = g_new0(Fonts, 1);
  fonts->config = config;
  fonts->font_map = font_map_for(config);
  fonts->thread_font_maps = g_ptr_array_new_with_free_func(g_object_unref);
  return fonts;
}

void fonts_free(Fonts *fonts)
{
  if (!fonts)
    return;
  g_ptr_array_free(fonts->thread_font_maps, TRUE);
  g_object_unref(fonts->font_map);
  FcConfigDestroy(fonts->config);
  g_free(fonts);
}

PangoFontMap *fonts_font_map(Fonts *fonts)
{
  return fonts->font_map;
}

PangoFontMap *fonts_thread_font_map(Fonts *fonts, unsigned thread)
{
  while (fonts->thread_font_maps->len <= thread)
    g_ptr_array_add(fonts->thread_font_maps, font_map_for(fonts->config));
  return g_ptr_array_index(fonts->thread_font_maps, thread);
}

bool fonts_has_family(Fonts *fonts, const char *family)
{
  FcPattern *pattern = FcPatternCreate();
  FcPatternAddString(pattern, FC_FAMILY, (const FcChar8 *)family);
  FcObjectSet *objects = FcObjectSetBuild(FC_FAMILY, NULL);
  FcFontSet *set = FcFontList(fonts->config, pattern, objects);
  bool found = set && set->nfont > 0;
  if (set)
    FcFontSetDestroy(set);
  FcObjectSetDestroy(objects);
  FcPatternDestroy(pattern);
  return found;
}

const char *fonts_package_for_family(const char *family)
{
  static const struct { const char *prefix; const char *package; } known[] = {
    { "TeX Gyre", "fonts-texgyre" }, { "DejaVu", "fonts-dejavu-core" },
    { "Noto Sans CJK", "fonts-noto-cjk" }, { "Noto Serif CJK", "fonts-noto-cjk" },
    { "Noto", "fonts-noto-core" }, { "Liberation", "fonts-liberation2" },
    { "PT ", "fonts-paratype" }, { "Charis SIL", "fonts-sil-charis" },
    { "Nimbus", "fonts-urw-base35" }, { "C059", "fonts-urw-base35" },
    { "P052", "fonts-urw-base35" }, { "Roboto", "fonts-roboto-unhinted" },
    { "EB Garamond", "fonts-ebgaramond" }, { "Linux Libertine", "fonts-linuxlibertine" },
  };
  for (size_t i = 0; i < G_N_ELEMENTS(known); i++)
    if (g_str_has_prefix(family, known[i].prefix))
      return known[i].package;
  return NULL;
}

static gint compare_names(gconstpointer a, gconstpointer b)
{
  return g_ascii_strcasecmp(*(char *const *)a, *(char *const *)b);
}

char **fonts_list_families(Fonts *fonts)
{
  FcPattern *pattern = FcPatternCreate();
  FcObjectSet *objects = FcObjectSetBuild(FC_FAMILY, NULL);
  FcFontSet *set = FcFontList(fonts->config, pattern, objects);
  GPtrArray *names = g_ptr_array_new();
  for (int i = 0; set && i < set->nfont; i++) {
    FcChar8 *family = NULL;
    if (FcPatternGetString(set->fonts[i], FC_FAMILY, 0, &family) == FcResultMatch)
      g_ptr_array_add(names, g_strdup((const char *)family));
  }
  g_ptr_array_sort(names, compare_names);   /* the array holds pointers to names */
  g_ptr_array_add(names, NULL);
  if (set)
    FcFontSetDestroy(set);
  FcObjectSetDestroy(objects);
  FcPatternDestroy(pattern);
  return (char **)g_ptr_array_free(names, FALSE);
}

char *fonts_family_source(Fonts *fonts, const char *family, int *faces)
{
  FcPattern *pattern = FcPatternCreate();
  FcPatternAddString(pattern, FC_FAMILY, (const FcChar8 *)family);
  FcObjectSet *objects = FcObjectSetBuild(FC_FILE, NULL);
  FcFontSet *set = FcFontList(fonts->config, pattern, objects);
  GString *folders = g_string_new(NULL);
  GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  *faces = set ? set->nfont : 0;
  for (int i = 0; set && i < set->nfont; i++) {
    FcChar8 *file = NULL;
    if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch)
      continue;
    char *folder = g_path_get_dirname((const char *)file);
    if (!g_hash_table_contains(seen, folder))
      g_string_append_printf(folders, "%s%s", folders->len ? ", " : "", folder);
    g_hash_table_add(seen, folder);
  }
  g_hash_table_destroy(seen);
  if (set)
    FcFontSetDestroy(set);
  FcObjectSetDestroy(objects);
  FcPatternDestroy(pattern);
  return g_string_free(folders, FALSE);
}
