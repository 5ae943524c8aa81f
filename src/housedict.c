/* housedict.c — reads a house dictionary of hyphenations.
 *
 * Each entry is keyed by its letters lowercased, so one entry serves
 * "newspaper", "Newspaper" and "NEWSPAPER"; its break points are counted in
 * characters, which lowercasing keeps, not bytes, which it may not. */
#include "housedict.h"

#include <string.h>

#include "diag.h"

typedef struct {
  GArray *breaks;   /* int: characters before each break */
  int line;         /* where it was listed, for the duplicate error */
} Entry;

struct HouseDict {
  GHashTable *words;   /* lowercased word -> Entry* */
};

static void entry_free(gpointer data)
{
  Entry *entry = data;
  g_array_unref(entry->breaks);
  g_free(entry);
}

void housedict_free(HouseDict *dict)
{
  if (!dict)
    return;
  g_hash_table_destroy(dict->words);
  g_free(dict);
}

unsigned housedict_size(const HouseDict *dict)
{
  return g_hash_table_size(dict->words);
}

bool housedict_lookup(const HouseDict *dict, const char *word, size_t len, const GArray **breaks)
{
  char *key = g_utf8_strdown(word, (gssize)len);
  const Entry *entry = g_hash_table_lookup(dict->words, key);
  g_free(key);
  if (entry)
    *breaks = entry->breaks;
  return entry != NULL;
}

typedef struct {
  const char *path;
  int line;
  const char *line_start;
  HouseDict *dict;
  GError **error;
} Parser;

static int column_of(const Parser *p, const char *at)
{
  return (int)g_utf8_strlen(p->line_start, at - p->line_start) + 1;
}

static bool is_space(char c)
{
  return c == ' ' || c == '\t' || c == '\r';
}

/* Checks one entry, from its first character to its end, and splits it into
 * its letters and break points. */
static bool read_entry(Parser *p, const char *start, const char *end, GString *letters,
                       GArray *breaks)
{
  int chars = 0;
  for (const char *s = start; s < end; s = g_utf8_next_char(s)) {
    gunichar c = g_utf8_get_char(s);
    if (c == '-') {
      const char *next = s + 1;
      if (s == start || next == end || *next == '-') {
        diag_set_error(p->error, GALLEY_ERROR_INPUT, p->path, p->line, column_of(p, s),
                       "a break point needs a letter on each side; write the word with single "
                       "hyphens between its parts, such as news-pa-per");
        return false;
      }
      g_array_append_val(breaks, chars);
      continue;
    }
    if (!g_unichar_isalpha(c) && !g_unichar_ismark(c)) {
      char utf8[8] = { 0 };
      g_unichar_to_utf8(c, utf8);
      diag_set_error(p->error, GALLEY_ERROR_INPUT, p->path, p->line, column_of(p, s),
                     "'%s' cannot be part of a word here: an entry is letters with hyphens at "
                     "its break points, such as news-pa-per",
                     g_unichar_isprint(c) ? utf8 : "?");
      return false;
    }
    g_string_append_len(letters, s, g_utf8_next_char(s) - s);
    chars++;
  }
  return true;
}

/* Adds the entry unless the same word is already listed with other points. */
static bool add_entry(Parser *p, const char *start, GString *letters, GArray *breaks)
{
  char *key = g_utf8_strdown(letters->str, (gssize)letters->len);
  const Entry *listed = g_hash_table_lookup(p->dict->words, key);
  if (listed) {
    bool same = listed->breaks->len == breaks->len &&
                (breaks->len == 0 || !memcmp(listed->breaks->data, breaks->data, breaks->len * sizeof(int)));
    g_free(key);
    if (same)
      return true;
    diag_set_error(p->error, GALLEY_ERROR_INPUT, p->path, p->line, column_of(p, start),
                   "'%s' is already listed on line %d with other break points; keep one of the two",
                   letters->str, listed->line);
    return false;
  }
  Entry *entry = g_new0(Entry, 1);
  entry->breaks = g_array_ref(breaks);
  entry->line = p->line;
  g_hash_table_insert(p->dict->words, key, entry);
  return true;
}

/* One line: blank, a comment, or one entry with an optional comment after it. */
static bool read_line(Parser *p, const char *line, const char *end)
{
  p->line_start = line;
  const char *comment = memchr(line, '#', (size_t)(end - line));
  if (comment)
    end = comment;
  const char *start = line;
  while (start < end && is_space(*start))
    start++;
  const char *stop = start;
  while (stop < end && !is_space(*stop))
    stop++;
  if (stop == start)
    return true;
  const char *rest = stop;
  while (rest < end && is_space(*rest))
    rest++;
  if (rest < end) {
    while (is_space(end[-1]))
      end--;
    diag_set_error(p->error, GALLEY_ERROR_INPUT, p->path, p->line, column_of(p, rest),
                   "one word a line: put '%.*s' on a line of its own", (int)(end - rest), rest);
    return false;
  }
  GString *letters = g_string_new(NULL);
  GArray *breaks = g_array_new(FALSE, FALSE, sizeof(int));
  bool ok = read_entry(p, start, stop, letters, breaks) && add_entry(p, start, letters, breaks);
  g_array_unref(breaks);
  g_string_free(letters, TRUE);
  return ok;
}

HouseDict *housedict_read_buffer(const char *path, const char *data, size_t len, GError **error)
{
  if (!diag_check_utf8(path, data, len, error))
    return NULL;
  HouseDict *dict = g_new0(HouseDict, 1);
  dict->words = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, entry_free);
  Parser p = { path, 0, data, dict, error };
  const char *end = data + len;
  const char *line = data;
  if (len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3))   /* a byte-order mark some editors write */
    line += 3;
  bool ok = true;
  while (ok && line < end) {
    const char *newline = memchr(line, '\n', (size_t)(end - line));
    const char *line_end = newline ? newline : end;
    p.line++;
    ok = read_line(&p, line, line_end);
    line = line_end + 1;
  }
  if (!ok) {
    housedict_free(dict);
    return NULL;
  }
  return dict;
}

HouseDict *housedict_read_file(const char *path, GError **error)
{
  char *data = NULL;
  gsize len = 0;
  if (!diag_read_file(path, "hyphenation exceptions", &data, &len, error))
    return NULL;
  HouseDict *dict = housedict_read_buffer(path, data, len, error);
  g_free(data);
  return dict;
}
