/* hyphenate.h — hyphenation points from libhyphen and Debian's hyphen-*
 * dictionaries. Only this module includes libhyphen.
 *
 * Points are marked in the text itself as soft hyphens (U+00AD): Pango
 * breaks there when it must and then draws a real hyphen; unbroken soft
 * hyphens are invisible. House rules (HyphenRules, from the layout's
 * `hyphenation:`; README: "Hyphenation") say which words may break and
 * where; a house dictionary (housedict.h) overrides the patterns word by
 * word. Words touching digits, slashes or '@' are never hyphenated. */
#ifndef GALLEY_HYPHENATE_H
#define GALLEY_HYPHENATE_H

#include "housedict.h"
#include "model.h"

typedef struct Hyphenator Hyphenator;

/* dictionary_dir: where hyph_LL_CC.dic files live (NULL: /usr/share/hyphen). */
Hyphenator *hyphenator_new(const char *dictionary_dir);
void hyphenator_free(Hyphenator *hyphenator);

/* Loads the dictionaries of languages (NULL-terminated) on a thread of its
 * own, into the store every Hyphenator shares: a run that knows its
 * languages early gets them loaded while it reads fonts and articles,
 * instead of on the first setting thread while the others wait (English
 * takes 8 ms, German over a second). A Hyphenator asking for a dictionary
 * being loaded waits for it. finish waits for the thread and frees. */
typedef struct HyphenPreload HyphenPreload;
HyphenPreload *hyphenator_preload_start(const char *dictionary_dir, const char *const *languages);
void hyphenator_preload_finish(HyphenPreload *preload);

/* The house rules. Defaults (hyphenator_default_rules) are the layout's:
 * min_word 6, min_left 2, min_right 3, names and last words not broken. */
typedef struct {
  int min_word;         /* letters; a word one letter shorter breaks only as a last resort */
  int min_left, min_right;   /* letters kept before and after a break */
  bool capitalized;     /* false: capitalised words (names) break only as a last resort */
  bool last_word;       /* false: a paragraph's last word never breaks */
  GHashTable *exceptions;    /* language tag ("en", "de-ch") -> HouseDict*, borrowed; or NULL */
} HyphenRules;

void hyphenator_default_rules(HyphenRules *rules);

/* Rules for every later call; rules->exceptions must outlive their use. */
void hyphenator_set_rules(Hyphenator *hyphenator, const HyphenRules *rules);

/* True when a dictionary for the language (ISO 639-1, "en", "de-CH") exists. */
bool hyphenator_supports(Hyphenator *hyphenator, const char *language);

/* A place where a line may break with a hyphen. Points in capitalised
 * words (names, unless the rules allow them) and in words one letter
 * shorter than min_word are for the composer's last resort only: a very
 * loose line is worse. */
typedef struct {
  size_t offset;       /* bytes into the text */
  bool last_resort;
} HyphenPoint;

/* The hyphenation points of text, in order. Empty for a language with
 * neither a dictionary nor house exceptions. Caller frees (g_array_unref). */
GArray *hyphenator_points(Hyphenator *hyphenator, const char *language, const RichText *text);

/* Inserts soft hyphens into text at the permitted points, keeping its
 * inline runs on the same characters. Does nothing for an unsupported
 * language. */
void hyphenator_mark(Hyphenator *hyphenator, const char *language, RichText *text);

/* Inserts zero-width spaces where a long web address may break. */
void hyphenator_mark_address_breaks(RichText *text);

#endif
