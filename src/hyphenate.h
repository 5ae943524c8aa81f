/* hyphenate.h — hyphenation points from libhyphen and Debian's hyphen-*
 * dictionaries. Only this module includes libhyphen.
 *
 * Points are marked in the text itself as soft hyphens (U+00AD): Pango
 * breaks there when it must and then draws a real hyphen; unbroken soft
 * hyphens are invisible. House rules, from NEWSPAPER-DESIGN.md: words under
 * six letters, capitalised words (names), words touching digits and a
 * paragraph's last word are never hyphenated. */
#ifndef GALLEY_HYPHENATE_H
#define GALLEY_HYPHENATE_H

#include "model.h"

typedef struct Hyphenator Hyphenator;

/* dictionary_dir: where hyph_LL_CC.dic files live (NULL: /usr/share/hyphen). */
Hyphenator *hyphenator_new(const char *dictionary_dir);
void hyphenator_free(Hyphenator *hyphenator);

/* True when a dictionary for the language (ISO 639-1, "en", "de-CH") exists. */
bool hyphenator_supports(Hyphenator *hyphenator, const char *language);

/* A place where a line may break with a hyphen. Points in capitalised
 * words (names) and in five-letter words are for the last resort only:
 * a very loose line is worse. */
typedef struct {
  size_t offset;       /* bytes into the text */
  bool last_resort;
} HyphenPoint;

/* The hyphenation points of text, in order. Empty for an unsupported
 * language. Caller frees (g_array_unref). */
GArray *hyphenator_points(Hyphenator *hyphenator, const char *language, const RichText *text);

/* Inserts soft hyphens into text at the permitted points, keeping its
 * inline runs on the same characters. Does nothing for an unsupported
 * language. */
void hyphenator_mark(Hyphenator *hyphenator, const char *language, RichText *text);

/* Inserts zero-width spaces where a long web address may break. */
void hyphenator_mark_address_breaks(RichText *text);

#endif
