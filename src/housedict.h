/* housedict.h — a house dictionary: the words a paper hyphenates its own
 * way (README: "Hyphenation").
 *
 * One word a line with hyphens at its break points ("news-pa-per"); a word
 * with no hyphen is never hyphenated; '#' starts a comment; UTF-8. An entry
 * matches its word in any capitalisation, and only that form: plurals and
 * other forms are listed on lines of their own. */
#ifndef GALLEY_HOUSEDICT_H
#define GALLEY_HOUSEDICT_H

#include <glib.h>
#include <stdbool.h>

typedef struct HouseDict HouseDict;

/* Reads a house dictionary. On a bad line sets error to
 * "PATH:LINE:COL: what is wrong; what to do" and returns NULL. */
HouseDict *housedict_read_file(const char *path, GError **error);
HouseDict *housedict_read_buffer(const char *path, const char *data, size_t len, GError **error);
void housedict_free(HouseDict *dict);

unsigned housedict_size(const HouseDict *dict);

/* When the word (len bytes of UTF-8, as written) is listed, returns true and
 * sets *breaks to its break points, as counts of the characters before each
 * (borrowed; empty: never hyphenate). */
bool housedict_lookup(const HouseDict *dict, const char *word, size_t len, const GArray **breaks);

#endif
