/* hyphenate.c — libhyphen adapter.
 *
 * Dictionaries are loaded once per process and shared. Words are found as
 * runs of letters; each candidate is lowercased (the patterns are lowercase)
 * and hyphenated with hnj_hyphen_hyphenate2, whose vector marks a permitted
 * break after byte i with an odd value; a word in the house dictionary
 * takes its points from there instead. Break points are collected first,
 * then inserted in one pass that moves the inline runs with their text. */
#include "hyphenate.h"

#include <hyphen.h>
#include <string.h>

#define SOFT_HYPHEN "\xc2\xad"
#define ZERO_WIDTH_SPACE "\xe2\x80\x8b"

struct Hyphenator {
  char *dictionary_dir;
  GHashTable *dictionaries;   /* language -> HyphenDict* (NULL value: none), borrowed */
  GArray *word_caches;        /* WordCache, one per dictionary and house dictionary used */
  HyphenRules rules;
};

/* Each word's break points, worked out once: a run of a hundred thousand
 * words asks for twenty thousand different ones, on every setting thread.
 * An entry is one allocation, the word, its NUL, the number of points and
 * each point as a byte offset; the set is keyed by the word. */
typedef struct {
  HyphenDict *dict;
  const HouseDict *house;
  GHashTable *words;   /* packed entries, owned */
} WordCache;

static void word_cache_clear(gpointer data)
{
  g_hash_table_destroy(((WordCache *)data)->words);
}

void hyphenator_default_rules(HyphenRules *rules)
{
  *rules = (HyphenRules){ .min_word = 6, .min_left = 2, .min_right = 3 };
}

void hyphenator_set_rules(Hyphenator *h, const HyphenRules *rules)
{
  h->rules = *rules;
  g_array_set_size(h->word_caches, 0);   /* worked out under the old minimums */
}

/* Dictionaries by path, shared by every Hyphenator of the process and kept
 * until it ends: loading the German one takes over a second, and a process
 * that composes or imports many times (galley import of many files, the
 * tests, the fuzz targets) loads it once. They are read-only once loaded. */
static GHashTable *loaded_dictionaries;
G_LOCK_DEFINE_STATIC(loaded_dictionaries);

static HyphenDict *load_shared(const char *path)
{
  G_LOCK(loaded_dictionaries);
  if (!loaded_dictionaries)
    loaded_dictionaries = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  HyphenDict *dict = g_hash_table_lookup(loaded_dictionaries, path);
  if (!dict && (dict = hnj_hyphen_load(path)) != NULL)
    g_hash_table_insert(loaded_dictionaries, g_strdup(path), dict);
  G_UNLOCK(loaded_dictionaries);
  return dict;
}

Hyphenator *hyphenator_new(const char *dictionary_dir)
{
  Hyphenator *h = g_new0(Hyphenator, 1);
  h->dictionary_dir = g_strdup(dictionary_dir ? dictionary_dir : "/usr/share/hyphen");
  h->dictionaries = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  h->word_caches = g_array_new(FALSE, FALSE, sizeof(WordCache));
  g_array_set_clear_func(h->word_caches, word_cache_clear);
  hyphenator_default_rules(&h->rules);
  return h;
}

void hyphenator_free(Hyphenator *h)
{
  if (!h)
    return;
  g_array_unref(h->word_caches);
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
      dict = load_shared(path);
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

struct HyphenPreload {
  GThread *thread;
  char *dictionary_dir;
  char **languages;
};

static gpointer preload_dictionaries(gpointer data)
{
  HyphenPreload *preload = data;
  Hyphenator *h = hyphenator_new(preload->dictionary_dir);
  for (char **language = preload->languages; *language; language++)
    (void)dictionary_for(h, *language);
  hyphenator_free(h);
  return NULL;
}

HyphenPreload *hyphenator_preload_start(const char *dictionary_dir, const char *const *languages)
{
  HyphenPreload *preload = g_new0(HyphenPreload, 1);
  preload->dictionary_dir = g_strdup(dictionary_dir);
  preload->languages = g_strdupv((char **)languages);
  preload->thread = g_thread_new("galley-hyphen", preload_dictionaries, preload);
  return preload;
}

void hyphenator_preload_finish(HyphenPreload *preload)
{
  if (!preload)
    return;
  g_thread_join(preload->thread);
  g_strfreev(preload->languages);
  g_free(preload->dictionary_dir);
  g_free(preload);
}

bool hyphenator_supports(Hyphenator *h, const char *language)
{
  return dictionary_for(h, language) != NULL;
}

/* The house dictionary for "de-CH" is de-ch's, else de's. */
static const HouseDict *house_dictionary_for(const Hyphenator *h, const char *language)
{
  if (!h->rules.exceptions || !language || !*language)
    return NULL;
  char *tag = g_strdelimit(g_ascii_strdown(language, -1), "_", '-');
  const HouseDict *house = g_hash_table_lookup(h->rules.exceptions, tag);
  char *dash = strchr(tag, '-');
  if (!house && dash) {
    *dash = '\0';
    house = g_hash_table_lookup(h->rules.exceptions, tag);
  }
  g_free(tag);
  return house;
}

/* Keeps the break after chars_left of chars_total characters when the
 * minimums allow it. */
static void add_point(const HyphenRules *rules, GArray *points, size_t offset, long chars_left,
                      long chars_total)
{
  if (chars_left >= rules->min_left && chars_total - chars_left >= rules->min_right)
    g_array_append_val(points, offset);
}

/* The house dictionary's points, counted in characters, as byte offsets. */
static GArray *house_points(const HyphenRules *rules, const GArray *breaks, const char *word,
                            size_t len)
{
  GArray *points = g_array_new(FALSE, FALSE, sizeof(size_t));
  long chars_total = g_utf8_strlen(word, (gssize)len);
  for (unsigned i = 0; i < breaks->len; i++) {
    long chars_left = g_array_index(breaks, int, i);
    if (chars_left < chars_total) {
      const char *at = g_utf8_offset_to_pointer(word, chars_left);
      add_point(rules, points, (size_t)(at - word), chars_left, chars_total);
    }
  }
  return points;
}

/* The byte offsets inside word where the dictionary allows a break,
 * honouring the left and right minimums. libhyphen works in the
 * dictionary's own encoding (German's is ISO 8859-1, French's UTF-8) and
 * marks a break after character k with an odd hyphens[k]: for a UTF-8
 * dictionary it folds its per-byte vector into one entry a character. */
static GArray *dictionary_points(const HyphenRules *rules, HyphenDict *dict, const char *word,
                                size_t len)
{
  GArray *points = g_array_new(FALSE, FALSE, sizeof(size_t));
  char *lower = g_utf8_strdown(word, (gssize)len);
  char *encoded = dict->utf8 ? g_strdup(lower)
                             : g_convert(lower, -1, dict->cset, "UTF-8", NULL, NULL, NULL);
  long chars_total = g_utf8_strlen(word, (gssize)len);
  /* case mapping changed the length, or a letter the charset lacks: leave it whole */
  bool usable = encoded && strlen(lower) == len &&
                (dict->utf8 || (long)strlen(encoded) == chars_total);
  size_t n = usable ? strlen(encoded) : 0;
  char *hyphens = g_malloc0(n + 5);
  char **rep = NULL;
  int *pos = NULL, *cut = NULL;
  int failed = !usable || hnj_hyphen_hyphenate2(dict, encoded, (int)n, hyphens, NULL, &rep, &pos, &cut);
  const char *after = word;
  /* replacement hyphenation (rep) changes spelling: not used */
  for (long k = 0; !failed && !rep && k + 1 < chars_total; k++) {
    after = g_utf8_next_char(after);
    if (hyphens[k] & 1)
      add_point(rules, points, (size_t)(after - word), k + 1, chars_total);
  }
  if (rep) {
    for (size_t i = 0; i < n; i++)
      g_free(rep[i]);
    g_free(rep);
  }
  g_free(pos);
  g_free(cut);
  g_free(hyphens);
  g_free(encoded);
  g_free(lower);
  return points;
}

static GHashTable *word_cache(Hyphenator *h, HyphenDict *dict, const HouseDict *house)
{
  for (unsigned i = 0; i < h->word_caches->len; i++) {
    WordCache *cache = &g_array_index(h->word_caches, WordCache, i);
    if (cache->dict == dict && cache->house == house)
      return cache->words;
  }
  WordCache cache = { dict, house, g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL) };
  g_array_append_val(h->word_caches, cache);
  return cache.words;
}

/* Stores a word's points as a packed entry and returns it; NULL (nothing
 * stored) when there are more points or longer offsets than a byte holds. */
static const char *pack_entry(GHashTable *words, const char *word, size_t len, const GArray *points)
{
  if (points->len > G_MAXUINT8 || len > G_MAXUINT8)
    return NULL;
  char *entry = g_malloc(len + 2 + points->len);
  memcpy(entry, word, len);
  entry[len] = '\0';
  entry[len + 1] = (char)points->len;
  for (unsigned i = 0; i < points->len; i++)
    entry[len + 2 + i] = (char)g_array_index(points, size_t, i);
  g_hash_table_add(words, entry);
  return entry;
}

/* Adds the word's hyphenation points (at base in the text) to points.
 * News copy repeats its words, and libhyphen's pattern search is costly,
 * so each word's points are worked out once per dictionary. */
static void find_hyphen_points(Hyphenator *h, HyphenDict *dict, const HouseDict *house,
                               const char *word, size_t len, size_t base, bool last_resort,
                               GArray *points)
{
  GHashTable *words = word_cache(h, dict, house);
  char *key = g_strndup(word, len);
  const char *entry = g_hash_table_lookup(words, key);
  GArray *found = NULL;
  if (!entry) {
    const GArray *breaks = NULL;
    if (house && housedict_lookup(house, word, len, &breaks))
      found = house_points(&h->rules, breaks, word, len);
    else if (dict)
      found = dictionary_points(&h->rules, dict, word, len);
    else
      found = g_array_new(FALSE, FALSE, sizeof(size_t));
    entry = pack_entry(words, key, len, found);
  }
  g_free(key);
  if (entry) {
    const guint8 *offsets = (const guint8 *)entry + len + 2;
    for (unsigned i = 0; i < offsets[-1]; i++) {
      HyphenPoint point = { base + offsets[i], last_resort };
      g_array_append_val(points, point);
    }
  } else {
    for (unsigned i = 0; i < found->len; i++) {
      HyphenPoint point = { base + g_array_index(found, size_t, i), last_resort };
      g_array_append_val(points, point);
    }
  }
  if (found)
    g_array_unref(found);
}

static bool hyphenatable(const HyphenRules *rules, const char *word, size_t len,
                         const char *before, const char *after)
{
  if (g_utf8_strlen(word, (gssize)len) < rules->min_word - 1)
    return false;
  /* next to digits, slashes or @: a number, address or code, not a word */
  if ((before && strchr("0123456789/@._:", *before)) || (after && *after && strchr("0123456789/@_", *after)))
    return false;
  return true;
}

/* German and Luxembourgish capitalise every noun: there a capital does not
 * mark a name, and the capitalised rule would leave most words whole. */
static bool capitals_mark_names(const char *language)
{
  size_t primary = strcspn(language, "-_");
  return g_ascii_strncasecmp(language, "de", MAX(primary, 2)) != 0 &&
         g_ascii_strncasecmp(language, "lb", MAX(primary, 2)) != 0;
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

/* Inserts `insert` at each of the sorted byte offsets in points, moving
 * inline runs with the characters they cover. */
static void insert_at_points(RichText *text, const GArray *points, const char *insert)
{
  if (points->len == 0)
    return;
  size_t insert_len = strlen(insert);
  GString *out = g_string_sized_new(text->text->len + points->len * insert_len);
  size_t previous = 0;
  for (unsigned k = 0; k < points->len; k++) {
    size_t point = g_array_index(points, size_t, k);
    g_string_append_len(out, text->text->str + previous, (gssize)(point - previous));
    g_string_append(out, insert);
    previous = point;
  }
  g_string_append_len(out, text->text->str + previous, (gssize)(text->text->len - previous));
  for (unsigned r = 0; r < text->runs->len; r++) {
    InlineRun *run = &g_array_index(text->runs, InlineRun, r);
    unsigned before_start = 0, before_end = 0;
    for (unsigned k = 0; k < points->len; k++) {
      size_t point = g_array_index(points, size_t, k);
      before_start += point < run->start ? 1 : 0;
      before_end += point < run->end ? 1 : 0;
    }
    run->start += before_start * (unsigned)insert_len;
    run->end += before_end * (unsigned)insert_len;
  }
  g_string_free(text->text, TRUE);
  text->text = out;
}

/* Where the paragraph's last word starts: unless the rules allow it, it is
 * hyphenated only as a last resort (a broken last word leaves a line of a
 * few letters, but that is better than a gaping line before it). */
static size_t last_word_start(const char *src, size_t len)
{
  const char *start = src + len;
  for (const char *p = src + len; p > src;) {
    const char *prev = g_utf8_prev_char(p);
    if (is_word_char(g_utf8_get_char(prev)))
      start = prev;
    else if (start < src + len)
      break;
    p = prev;
  }
  return (size_t)(start - src);
}

GArray *hyphenator_points(Hyphenator *h, const char *language, const RichText *text)
{
  GArray *points = g_array_new(FALSE, FALSE, sizeof(HyphenPoint));
  HyphenDict *dict = dictionary_for(h, language);
  const HouseDict *house = house_dictionary_for(h, language);
  const HyphenRules *rules = &h->rules;
  if ((!dict && !house) || text->text->len == 0)
    return points;
  const char *src = text->text->str;
  size_t len = text->text->len, i = 0;
  size_t last = rules->last_word ? len : last_word_start(src, len);
  bool names_last = !rules->capitalized && capitals_mark_names(language);
  while (i < len) {
    if (!is_word_char(g_utf8_get_char(src + i))) {
      i = (size_t)(g_utf8_next_char(src + i) - src);
      continue;
    }
    size_t start = i;
    while (i < len && is_word_char(g_utf8_get_char(src + i)))
      i = (size_t)(g_utf8_next_char(src + i) - src);
    const char *before = start > 0 ? src + start - 1 : NULL;
    const char *after = i < len ? src + i : NULL;
    if (hyphenatable(rules, src + start, i - start, before, after) &&
        !run_edge_inside(text, start, i))
      find_hyphen_points(h, dict, house, src + start, i - start, start,
                         (names_last && g_unichar_isupper(g_utf8_get_char(src + start))) ||
                           g_utf8_strlen(src + start, (gssize)(i - start)) < rules->min_word ||
                           start >= last,
                         points);
  }
  return points;
}

void hyphenator_mark(Hyphenator *h, const char *language, RichText *text)
{
  GArray *points = hyphenator_points(h, language, text);
  GArray *offsets = g_array_new(FALSE, FALSE, sizeof(size_t));
  for (unsigned i = 0; i < points->len; i++)
    if (!g_array_index(points, HyphenPoint, i).last_resort)
      g_array_append_val(offsets, g_array_index(points, HyphenPoint, i).offset);
  insert_at_points(text, offsets, SOFT_HYPHEN);
  g_array_unref(offsets);
  g_array_unref(points);
}

/* Web addresses and paths have no spaces; without break points a long one
 * would be set letter-spaced on a line of its own. A zero-width space after
 * each '/' (and before each '.' after the host begins) lets the line break
 * there, as newspapers break addresses. */
void hyphenator_mark_address_breaks(RichText *text)
{
  const char *src = text->text->str;
  size_t len = text->text->len, i = 0;
  GArray *points = g_array_new(FALSE, FALSE, sizeof(size_t));
  while (i < len) {
    while (i < len && g_ascii_isspace(src[i]))
      i++;
    size_t start = i;
    while (i < len && !g_ascii_isspace(src[i]))
      i++;
    bool address = i - start >= 16 && (g_strstr_len(src + start, (gssize)(i - start), "://") ||
                                       g_strstr_len(src + start, (gssize)(i - start), "www."));
    for (size_t k = start + 1; address && k + 1 < i; k++) {
      if (src[k - 1] == '/' && src[k] != '/')
        g_array_append_val(points, k);
      else if ((src[k] == '.' || src[k] == '?' || src[k] == '&' || src[k] == '_') && src[k - 1] != '/')
        g_array_append_val(points, k);
    }
  }
  insert_at_points(text, points, ZERO_WIDTH_SPACE);
  g_array_free(points, TRUE);
}
