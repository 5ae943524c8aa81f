/* fonts.h — galley's own font configuration. Only this module talks to
 * fontconfig.
 *
 * Output must not change with whatever fonts a machine happens to have, so
 * galley never reads the system's fonts.conf. It loads fonts/fonts.conf from
 * its data folder, which names the Debian font packages' folders and the
 * fonts/ folder itself (a user's own font files are picked up there). */
#ifndef GALLEY_FONTS_H
#define GALLEY_FONTS_H

#include <pango/pango.h>
#include <stdbool.h>

typedef struct Fonts Fonts;

/* Loads fonts_dir/fonts.conf. Caller owns the result (fonts_free). */
Fonts *fonts_new(const char *fonts_dir, GError **error);
void fonts_free(Fonts *fonts);

/* A Pango font map using galley's configuration (borrowed). */
PangoFontMap *fonts_font_map(Fonts *fonts);

/* Another font map on the same configuration, for composing thread
 * number `thread` (borrowed; made on first use, from one thread only).
 * Pango's font maps and the fonts they hand out are not for sharing
 * between threads; what a thread sets keeps pointing at its map's fonts,
 * so the maps live as long as fonts does. */
PangoFontMap *fonts_thread_font_map(Fonts *fonts, unsigned thread);

/* True when the family is installed in galley's configuration. */
bool fonts_has_family(Fonts *fonts, const char *family);

/* The Debian package known to provide a family, or NULL. */
const char *fonts_package_for_family(const char *family);

/* Every family galley sees, sorted; caller frees with g_strfreev. */
char **fonts_list_families(Fonts *fonts);

/* The folders a family's files are in, distinct, joined with ", ", and
 * how many faces it has (galley fonts). Caller frees. */
char *fonts_family_source(Fonts *fonts, const char *family, int *faces);

#endif
