/* hyphenate.c — libhyphen adapter.
 *
 * Dictionaries are loaded once per language and cached. Words are found as
 * runs of letters; each candidate is lowercased (the patterns are lowercase)
 * and hyphenated with hnj_hyphen_hyphenate2, whose vector marks a permitted
 * break after byte i with an odd value. Inline runs are remapped through an
 * offset table, since each inserted soft hyphen shifts later bytes by two. */
#include "hyphenate.h"

#include <hyphen.h>
#include <string.h>

#define MIN_WORD_CHARS 6
#define LEFT_MIN 2
#define RIGHT_MIN 3
#define SOFT_HYPHEN "\xc2\xad"

struct Hyphenator {
  char *dictionary_dir;
  GHashTable *dictionaries;   /* language -> HyphenDict* (NULL value: none) */
};

static void free_dictionary(gpointer dict)
{
  if (dict)
    hnj_hyphen_free(dict);
}

Hyphenator *hyphenator_new(const char *dictionary_dir)
{
  Hyphenator *h = g_new0(Hyphenator, 1);
  h->dictionary_dir = g_strdup(dictionary_dir ? dictionary_dir : "/usr/share/hyphen");
  h->dictionaries = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, free_dictionary);
  return h;
}

void hyphenator_free(Hyphenator *h)
{
  if (!h)
    return;
  g_hash_table_destroy(h->dictionaries);
  g_free(h->dictionary_dir);
  g_free(h);
}

/* "en" -> hyph_en_US.dic; "de-CH" -> hyph_de_CH.dic; else hyph_LL.dic. */
static HyphenDict *load_dictionary(const Hyphenator *h, const char *language)
{
  static const struct { const char *language; const char *file; } defaults[] = {
    { "en", "hyph_en_US.dic" }, { "de", "hyph_de_DE.dic" }, { "fr", "hyph_fr.dic" },
    { "es", "hyph_es_ES.dic" }, { "it", "hyph_it_IT.dic" }, { "nl", "hyph_nl_NL.dic" },
    { "pt", "hyph_pt_PT.dic" },
  };
  char *candidates[3] = { NULL, NULL, NULL };
  char *normal = g_strdelimit(g_strdup(language), "-", '_');
  candidates[0] = g_strdup_printf("hyph_%s.dic", normal);
  for (size_t i = 0; i < G_N_ELEMENTS(defaults); i++)
    if (strcmp(normal, defaults[i].language) == 0)
      candidates[1] = g_strdup(defaults[i].file);
  g_free(normal);
  HyphenDict *dict = NULL;
  for (int i = 0; i < 2 && !dict; i++) {
    if (!candidates[i])
      continue;
    char *path = g_build_filename(h->dictionary_dir, candidates[i], NULL);
    if (g_file_test(path, G_FILE_TEST_IS_REGULAR))
      dict = hnj_hyphen_load(path);
    g_free(path);
  }
  g_free(candidates[0]);
  g_free(candidates[1]);
  return dict;
}

static HyphenDict *dictionary_for(Hyphenator *h, const char *language)
{
  if (!language || !*language)
    return NULL;
  gpointer dict;
  if (g_hash_table_lookup_extended(h->dictionaries, language, NULL, &dict))
    return dict;
  dict = load_dictionary(h, language);
  g_hash_table_insert(h->dictionaries, g_strdup(language), dict);
  return dict;
}

bool hyphenator_supports(Hyphenator *h, const char *language)
{
  return dictionary_for(h, language) != NULL;
}

/* Appends word to out, with soft hyphens where the dictionary allows. */
static void append_hyphenated(HyphenDict *dict, const char *word, size_t len, GString *out)
{
  char *lower = g_utf8_strdown(word, (gssize)len);
  if (strlen(lower) != len) {   /* case mapping changed the length: leave it whole */
    g_string_append_len(out, word, (gssize)len);
    g_free(lower);
    return;
  }
  char *hyphens = g_malloc0(len + 5);
  char **rep = NULL;
  int *pos = NULL, *cut = NULL;
  int failed = hnj_hyphen_hyphenate2(dict, lower, (int)len, hyphens, NULL, &rep, &pos, &cut);
  long chars_left = 0, chars_total = g_utf8_strlen(word, (gssize)len);
  for (size_t i = 0; i < len; i++) {
    g_string_append_c(out, word[i]);
    bool char_end = i + 1 == len || ((unsigned char)word[i + 1] & 0xC0) != 0x80;
    if (!char_end)
      continue;
    chars_left++;
    /* replacement hyphenation (rep) changes spelling: not used */
    if (!failed && !rep && (hyphens[i] & 1) && chars_left >= LEFT_MIN &&
        chars_total - chars_left >= RIGHT_MIN)
      g_string_append(out, SOFT_HYPHEN);
  }
  if (rep) {
    for (size_t i = 0; i < len; i++)
      g_free(rep[i]);
    g_free(rep);
  }
  g_free(pos);
  g_free(cut);
  g_free(hyphens);
  g_free(lower);
}

static bool hyphenatable(const char *word, size_t len, const char *before, const char *after)
{
  if (g_utf8_strlen(word, (gssize)len) < MIN_WORD_CHARS)
    return false;
  if (g_unichar_isupper(g_utf8_get_char(word)))
    return false;
  /* next to digits, slashes or @: a number, address or code, not a word */
  if ((before && strchr("0123456789/@._", *before)) || (after && *after && strchr("0123456789/@_", *after)))
    return false;
  return true;
}

static bool is_word_char(gunichar c)
{
  return g_unichar_isalpha(c) || g_unichar_ismark(c);
}

/* A word that an emphasis run starts or ends inside is left whole, so
 * runs never need to point between a letter and its soft hyphen. */
static bool run_edge_inside(const RichText *text, size_t start, size_t end)
{
  for (unsigned r = 0; r < text->runs->len; r++) {
    const InlineRun *run = &g_array_index(text->runs, InlineRun, r);
    if ((run->start > start && run->start < end) || (run->end > start && run->end < end))
      return true;
  }
  return false;
}

/* Maps an old byte offset to its new one through the insertion table. */
static unsigned remap(const GArray *shift, unsigned offset)
{
  return offset + g_array_index(shift, unsigned, offset);
}

void hyphenator_mark(Hyphenator *h, const char *language, RichText *text)
{
  HyphenDict *dict = dictionary_for(h, language);
  if (!dict || text->text->len == 0)
    return;
  const char *src = text->text->str;
  size_t len = text->text->len;
  GString *out = g_string_sized_new(len + len / 4);
  GArray *shift = g_array_sized_new(FALSE, TRUE, sizeof(unsigned), (guint)len + 1);
  g_array_set_size(shift, (guint)len + 1);
  /* the paragraph's last word stays whole */
  const char *last_word = src + len;
  for (const char *p = src + len; p > src;) {
    const char *prev = g_utf8_prev_char(p);
    if (is_word_char(g_utf8_get_char(prev)))
      last_word = prev;
    else if (last_word < src + len)
      break;
    p = prev;
  }
  size_t i = 0;
  while (i < len) {
    g_array_index(shift, unsigned, i) = (unsigned)(out->len - i);
    gunichar c = g_utf8_get_char(src + i);
    if (!is_word_char(c)) {
      size_t n = (size_t)(g_utf8_next_char(src + i) - (src + i));
      for (size_t k = 1; k < n; k++)
        g_array_index(shift, unsigned, i + k) = (unsigned)(out->len - i);
      g_string_append_len(out, src + i, (gssize)n);
      i += n;
      continue;
    }
    size_t start = i;
    while (i < len && is_word_char(g_utf8_get_char(src + i)))
      i = (size_t)(g_utf8_next_char(src + i) - src);
    const char *before = start > 0 ? src + start - 1 : NULL;
    const char *after = i < len ? src + i : NULL;
    size_t out_start = out->len;
    if (src + start < last_word && hyphenatable(src + start, i - start, before, after) &&
        !run_edge_inside(text, start, i))
      append_hyphenated(dict, src + start, i - start, out);
    else
      g_string_append_len(out, src + start, (gssize)(i - start));
    /* no run edge falls inside a hyphenated word, so these are never used for one */
    for (size_t k = start + 1; k < i; k++)
      g_array_index(shift, unsigned, k) = (unsigned)(out_start - start);
  }
  g_array_index(shift, unsigned, len) = (unsigned)(out->len - len);
  for (unsigned r = 0; r < text->runs->len; r++) {
    InlineRun *run = &g_array_index(text->runs, InlineRun, r);
    run->start = remap(shift, run->start);
    run->end = remap(shift, run->end);
  }
  g_string_free(text->text, TRUE);
  text->text = out;
  g_array_free(shift, TRUE);
}
