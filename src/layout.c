/* layout.c — reads a layout YAML file into a Layout.
 *
 * Structure: defaults are set first (layout_set_defaults), then each known
 * top-level key is applied by a small handler from a table, then styles are
 * read key by key, then the finished geometry is validated as a whole. */
#include "layout.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "galley_limits.h"
#include "housedict.h"
#include "yamldoc.h"

#define PT(x) ((int)lround((x) * PANGO_SCALE_DOUBLE))
#define PANGO_SCALE_DOUBLE 1024.0

/* ---- lengths ------------------------------------------------------------- */

bool layout_parse_length(const char *text, int *units)
{
  char *end = NULL;
  double value = g_ascii_strtod(text, &end);
  if (end == text || !isfinite(value))
    return false;
  while (*end == ' ')
    end++;
  double points;
  if (*end == '\0' || strcmp(end, "pt") == 0)
    points = value;
  else if (strcmp(end, "mm") == 0)
    points = value * 72.0 / 25.4;
  else if (strcmp(end, "cm") == 0)
    points = value * 72.0 / 2.54;
  else if (strcmp(end, "in") == 0)
    points = value * 72.0;
  else if (strcmp(end, "pc") == 0)
    points = value * 12.0;
  else if (*end == 'p' && g_ascii_isdigit(end[1])) {
    char *rest = NULL;
    double extra = g_ascii_strtod(end + 1, &rest);
    if (*rest != '\0')
      return false;
    points = value * 12.0 + extra;
  } else
    return false;
  if (fabs(points) > 100000.0)
    return false;
  *units = PT(points);
  return true;
}

/* ---- did you mean -------------------------------------------------------- */

static unsigned edit_distance(const char *a, const char *b)
{
  size_t la = strlen(a), lb = strlen(b);
  if (la > 64 || lb > 64)
    return 99;
  unsigned row[65];
  for (size_t j = 0; j <= lb; j++)
    row[j] = (unsigned)j;
  for (size_t i = 1; i <= la; i++) {
    unsigned diagonal = row[0];
    row[0] = (unsigned)i;
    for (size_t j = 1; j <= lb; j++) {
      unsigned above = row[j];
      unsigned cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = MIN(MIN(row[j] + 1, row[j - 1] + 1), diagonal + cost);
      diagonal = above;
    }
  }
  return row[lb];
}

static void unknown_key_error(GError **error, const char *path, const YamlNode *key,
                              const char *what, const char *const *known)
{
  const char *best = NULL;
  unsigned best_distance = 3;
  for (size_t i = 0; known[i]; i++) {
    unsigned d = edit_distance(key->scalar, known[i]);
    if (d < best_distance) {
      best_distance = d;
      best = known[i];
    }
  }
  if (best)
    diag_set_error(error, GALLEY_ERROR_INPUT, path, key->line, key->column,
                   "unknown %s '%s' (did you mean '%s'?)", what, key->scalar, best);
  else
    diag_set_error(error, GALLEY_ERROR_INPUT, path, key->line, key->column,
                   "unknown %s '%s'", what, key->scalar);
}

/* ---- value readers --------------------------------------------------------- */

typedef struct {
  const char *path;
  Layout *layout;
  GError **error;
  int body_exceptions_line, body_exceptions_column;   /* `exceptions: FILE`, for its error */
} Reader;

static bool want_scalar(Reader *r, const YamlNode *value, const char *key)
{
  if (value->kind == YAML_SCALAR)
    return true;
  diag_set_error(r->error, GALLEY_ERROR_INPUT, r->path, value->line, value->column,
                 "'%s' takes a single value", key);
  return false;
}

static bool read_length(Reader *r, const YamlNode *value, const char *key, int *out)
{
  if (!want_scalar(r, value, key))
    return false;
  if (layout_parse_length(value->scalar, out))
    return true;
  diag_set_error(r->error, GALLEY_ERROR_INPUT, r->path, value->line, value->column,
                 "'%s' is not a length: write it as 12pt, 4.2mm, 0.5in or 1p6", value->scalar);
  return false;
}

static bool read_int(Reader *r, const YamlNode *value, const char *key, int min, int max,
                     int *out)
{
  if (!want_scalar(r, value, key))
    return false;
  char *end = NULL;
  long n = strtol(value->scalar, &end, 10);
  if (end != value->scalar && *end == '\0' && n >= min && n <= max) {
    *out = (int)n;
    return true;
  }
  diag_set_error(r->error, GALLEY_ERROR_INPUT, r->path, value->line, value->column,
                 "'%s' must be a whole number from %d to %d, not '%s'", key, min, max,
                 value->scalar);
  return false;
}

static bool read_bool(Reader *r, const YamlNode *value, const char *key, bool *out)
{
  if (!want_scalar(r, value, key))
    return false;
  const char *s = value->scalar;
  if (!g_ascii_strcasecmp(s, "true") || !g_ascii_strcasecmp(s, "yes") || !strcmp(s, "on")) {
    *out = true;
    return true;
  }
  if (!g_ascii_strcasecmp(s, "false") || !g_ascii_strcasecmp(s, "no") || !strcmp(s, "off")) {
    *out = false;
    return true;
  }
  diag_set_error(r->error, GALLEY_ERROR_INPUT, r->path, value->line, value->column,
                 "'%s' must be true or false, not '%s'", key, s);
  return false;
}

static bool read_string(Reader *r, const YamlNode *value, const char *key, char **out)
{
  if (!want_scalar(r, value, key))
    return false;
  g_free(*out);
  *out = g_strdup(value->scalar);
  return true;
}

/* "all" or a count of columns. */
static bool read_span(Reader *r, const YamlNode *value, const char *key, int *out)
{
  if (value->kind == YAML_SCALAR && strcmp(value->scalar, "all") == 0) {
    *out = 0;
    return true;
  }
  return read_int(r, value, key, 1, GALLEY_MAX_COLUMNS, out);
}

/* ---- page ------------------------------------------------------------------ */

typedef struct { const char *name; double width_pt, height_pt; } PageSize;

static const PageSize page_sizes[] = {
  { "tabloid", 792, 1224 },               /* 11 x 17 in */
  { "broadsheet", 864, 1638 },            /* 12 x 22.75 in, US since 2007 */
  { "berliner", 892.913, 1332.283 },      /* 315 x 470 mm */
  { "a3", 841.890, 1190.551 },
  { "a4", 595.276, 841.890 },
  { "letter", 612, 792 },
};

static bool read_page(Reader *r, const YamlNode *value)
{
  if (value->kind == YAML_SCALAR) {
    for (size_t i = 0; i < G_N_ELEMENTS(page_sizes); i++)
      if (g_ascii_strcasecmp(value->scalar, page_sizes[i].name) == 0) {
        r->layout->page_width = PT(page_sizes[i].width_pt);
        r->layout->page_height = PT(page_sizes[i].height_pt);
        return true;
      }
    diag_set_error(r->error, GALLEY_ERROR_INPUT, r->path, value->line, value->column,
                   "unknown page size '%s': use tabloid, broadsheet, berliner, a3, a4, "
                   "letter, or {width: 279.4mm, height: 431.8mm}", value->scalar);
    return false;
  }
  static const char *const keys[] = { "width", "height", NULL };
  for (unsigned i = 0; value->kind == YAML_MAPPING && i < value->keys->len; i++) {
    const YamlNode *key = g_ptr_array_index(value->keys, i);
    const YamlNode *v = g_ptr_array_index(value->values, i);
    if (strcmp(key->scalar, "width") == 0) {
      if (!read_length(r, v, "width", &r->layout->page_width))
        return false;
    } else if (strcmp(key->scalar, "height") == 0) {
      if (!read_length(r, v, "height", &r->layout->page_height))
        return false;
    } else {
      unknown_key_error(r->error, r->path, key, "page key", keys);
      return false;
    }
  }
  if (value->kind == YAML_SEQUENCE) {
    diag_set_error(r->error, GALLEY_ERROR_INPUT, r->path, value->line, value->column,
                   "'page' is a size name or {width: ..., height: ...}");
    return false;
  }
  return true;
}

static bool read_margins(Reader *r, const YamlNode *value)
{
  Layout *l = r->layout;
  if (value->kind == YAML_SCALAR) {
    int all;
    if (!read_length(r, value, "margins", &all))
      return false;
    l->margin_top = l->margin_bottom = l->margin_left = l->margin_right = all;
    return true;
  }
  static const char *const keys[] = { "top", "bottom", "left", "right", "inside", "outside", NULL };
  int *targets[] = { &l->margin_top, &l->margin_bottom, &l->margin_left, &l->margin_right,
                     &l->margin_left, &l->margin_right };
  for (unsigned i = 0; value->kind == YAML_MAPPING && i < value->keys->len; i++) {
    const YamlNode *key = g_ptr_array_index(value->keys, i);
    size_t k = 0;
    while (keys[k] && strcmp(keys[k], key->scalar) != 0)
      k++;
    if (!keys[k]) {
      unknown_key_error(r->error, r->path, key, "margin", keys);
      return false;
    }
    if (!read_length(r, g_ptr_array_index(value->values, i), keys[k], targets[k]))
      return false;
  }
  return value->kind != YAML_SEQUENCE;
}

/* "2%" or "0.5%", as per mille of the whole, from 0 to max. */
static bool read_per_mille(Reader *r, const YamlNode *value, const char *key, int max, int *out)
{
  if (!want_scalar(r, value, key))
    return false;
  char *end = NULL;
  double percent = g_ascii_strtod(value->scalar, &end);
  if (end != value->scalar && !strcmp(end, "%") && percent >= 0 && percent * 10 <= max + 1e-9) {
    *out = (int)(percent * 10 + 0.5);
    return true;
  }
  diag_set_error(r->error, GALLEY_ERROR_INPUT, r->path, value->line, value->column,
                 "'%s' must be a percentage from 0%% to %g%%, such as 1.5%%, not '%s'", key,
                 max / 10.0, value->scalar);
  return false;
}

typedef bool (*KeyReader)(Reader *r, const YamlNode *key, const YamlNode *value);

/* Reads a mapping key by key; unknown keys are errors that list the known. */
static bool read_mapping(Reader *r, const YamlNode *value, const char *what,
                         const char *const *keys, KeyReader read_key)
{
  if (value->kind != YAML_MAPPING) {
    diag_set_error(r->error, GALLEY_ERROR_INPUT, r->path, value->line, value->column,
                   "'%s' takes keys such as '%s: ...'", what, keys[0]);
    return false;
  }
  for (unsigned i = 0; i < value->keys->len; i++) {
    const YamlNode *key = g_ptr_array_index(value->keys, i);
    size_t k = 0;
    while (keys[k] && strcmp(keys[k], key->scalar) != 0)
      k++;
    if (!keys[k]) {
      unknown_key_error(r->error, r->path, key, what, keys);
      return false;
    }
    if (!read_key(r, key, g_ptr_array_index(value->values, i)))
      return false;
  }
  return true;
}

static const char *const justification_keys[] = {
  "word_stretch", "word_shrink", "letter_spacing", "expansion", "protrusion", NULL
};

static bool read_justification_key(Reader *r, const YamlNode *key, const YamlNode *value)
{
  Justification *j = &r->layout->justification;
  const char *k = key->scalar;
  int per_mille = 0;
  if (!strcmp(k, "protrusion"))
    return read_bool(r, value, k, &j->protrusion);
  /* microtype's own limit: past 2 % letters visibly change */
  int max = !strcmp(k, "letter_spacing") || !strcmp(k, "expansion") ? 20 : 2000;
  if (!read_per_mille(r, value, k, max, &per_mille))
    return false;
  if (!strcmp(k, "word_stretch")) j->word_stretch = per_mille / 10;
  else if (!strcmp(k, "word_shrink")) j->word_shrink = MIN(per_mille / 10, 90);
  else if (!strcmp(k, "letter_spacing")) j->letter_spacing = per_mille;
  else j->expansion = per_mille;
  return true;
}

/* ---- hyphenation ------------------------------------------------------------ */

/* "en", "de_CH", "pt-BR": two or three letters, then subtags. */
static bool is_language_tag(const char *tag)
{
  size_t letters = 0;
  while (g_ascii_isalpha(tag[letters]))
    letters++;
  if (letters < 2 || letters > 3)
    return false;
  for (const char *p = tag + letters; *p; p++)
    if (!g_ascii_isalnum(*p) && !((*p == '-' || *p == '_') && g_ascii_isalnum(p[1])))
      return false;
  return true;
}

/* Reads the house dictionary a value names, relative to the layout like
 * every path in it, for language ("" for the body style's, settled once
 * the styles are read). */
static bool read_house_dictionary(Reader *r, const char *language, const YamlNode *value)
{
  if (!want_scalar(r, value, "exceptions"))
    return false;
  char *dir = g_path_get_dirname(r->path);
  char *path = g_path_is_absolute(value->scalar) || !strcmp(dir, ".")
                 ? g_strdup(value->scalar) : g_build_filename(dir, value->scalar, NULL);
  g_free(dir);
  HouseDict *house = NULL;
  if (!g_file_test(path, G_FILE_TEST_IS_REGULAR))
    diag_set_error(r->error, GALLEY_ERROR_INPUT, r->path, value->line, value->column,
                   "the hyphenation exceptions file %s does not exist; check the path (relative "
                   "to the layout's folder)", path);
  else
    house = housedict_read_file(path, r->error);
  if (house) {   /* an archive rebuilds what was set with a dictionary that changed */
    if (!r->layout->read_files)
      r->layout->read_files = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(r->layout->read_files, g_strdup(path));
  }
  g_free(path);
  if (!house)
    return false;
  Hyphenation *h = &r->layout->hyphenation;
  if (!h->exceptions)
    h->exceptions = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify)housedict_free);
  char *tag = g_strdelimit(g_ascii_strdown(language, -1), "_", '-');
  g_hash_table_replace(h->exceptions, tag, house);
  return true;
}

/* `exceptions: FILE` (the body style's language) or `{en: FILE, de: FILE}`. */
static bool read_exceptions(Reader *r, const YamlNode *value)
{
  if (value->kind == YAML_SCALAR) {
    r->body_exceptions_line = value->line;
    r->body_exceptions_column = value->column;
    return read_house_dictionary(r, "", value);
  }
  if (value->kind != YAML_MAPPING) {
    diag_set_error(r->error, GALLEY_ERROR_INPUT, r->path, value->line, value->column,
                   "'exceptions' takes a file name, or languages and their files such as "
                   "{en: house-en.txt, de: house-de.txt}");
    return false;
  }
  for (unsigned i = 0; i < value->keys->len; i++) {
    const YamlNode *key = g_ptr_array_index(value->keys, i);
    if (!is_language_tag(key->scalar)) {
      diag_set_error(r->error, GALLEY_ERROR_INPUT, r->path, key->line, key->column,
                     "'%s' is not a language code; write one such as en, de or pt-BR",
                     key->scalar);
      return false;
    }
    if (!read_house_dictionary(r, key->scalar, g_ptr_array_index(value->values, i)))
      return false;
  }
  return true;
}

/* The single-file form's dictionary belongs to the body style's language. */
static bool settle_body_exceptions(Reader *r)
{
  GHashTable *exceptions = r->layout->hyphenation.exceptions;
  gpointer key = NULL, house = NULL;
  if (!exceptions || !g_hash_table_steal_extended(exceptions, "", &key, &house))
    return true;
  g_free(key);
  const char *language = r->layout->styles[STYLE_BODY].language;
  if (!language) {
    housedict_free(house);
    diag_set_error(r->error, GALLEY_ERROR_INPUT, r->path, r->body_exceptions_line,
                   r->body_exceptions_column,
                   "one exceptions file is for the body style's language, but the body style "
                   "names none; give it 'language:' or write exceptions: {en: FILE}");
    return false;
  }
  g_hash_table_replace(exceptions, g_strdelimit(g_ascii_strdown(language, -1), "_", '-'), house);
  return true;
}

static const char *const hyphenation_keys[] = {
  "min_word", "min_left", "min_right", "max_consecutive", "capitalized", "last_word",
  "exceptions", NULL
};

static bool read_hyphenation_key(Reader *r, const YamlNode *key, const YamlNode *value)
{
  Hyphenation *h = &r->layout->hyphenation;
  const char *k = key->scalar;
  if (!strcmp(k, "min_word")) return read_int(r, value, k, 2, 40, &h->min_word);
  if (!strcmp(k, "min_left")) return read_int(r, value, k, 1, 10, &h->min_left);
  if (!strcmp(k, "min_right")) return read_int(r, value, k, 1, 10, &h->min_right);
  if (!strcmp(k, "max_consecutive")) return read_int(r, value, k, 1, 10, &h->max_consecutive);
  if (!strcmp(k, "capitalized")) return read_bool(r, value, k, &h->capitalized);
  if (!strcmp(k, "last_word")) return read_bool(r, value, k, &h->last_word);
  return read_exceptions(r, value);
}

/* ---- styles ---------------------------------------------------------------- */

static bool read_weight(Reader *r, const YamlNode *value, Style *style)
{
  static const struct { const char *name; int weight; } names[] = {
    { "thin", 100 }, { "light", 300 }, { "regular", 400 }, { "normal", 400 },
    { "medium", 500 }, { "semibold", 600 }, { "bold", 700 }, { "heavy", 800 }, { "black", 900 },
  };
  if (!want_scalar(r, value, "weight"))
    return false;
  for (size_t i = 0; i < G_N_ELEMENTS(names); i++)
    if (g_ascii_strcasecmp(value->scalar, names[i].name) == 0) {
      style->weight = names[i].weight;
      return true;
    }
  return read_int(r, value, "weight", 100, 1000, &style->weight);
}

static bool read_align(Reader *r, const YamlNode *value, Style *style)
{
  static const char *const names[] = { "left", "center", "right", "justify", NULL };
  if (!want_scalar(r, value, "align"))
    return false;
  for (int i = 0; names[i]; i++)
    if (strcmp(value->scalar, names[i]) == 0) {
      style->align = (Alignment)i;
      return true;
    }
  diag_set_error(r->error, GALLEY_ERROR_INPUT, r->path, value->line, value->column,
                 "'align' is left, center, right or justify, not '%s'", value->scalar);
  return false;
}

static bool read_font_style(Reader *r, const YamlNode *value, Style *style)
{
  if (!want_scalar(r, value, "style"))
    return false;
  if (strcmp(value->scalar, "italic") == 0 || strcmp(value->scalar, "normal") == 0) {
    style->italic = value->scalar[0] == 'i';
    return true;
  }
  diag_set_error(r->error, GALLEY_ERROR_INPUT, r->path, value->line, value->column,
                 "'style' is normal or italic, not '%s'", value->scalar);
  return false;
}

static bool read_case(Reader *r, const YamlNode *value, Style *style)
{
  if (!want_scalar(r, value, "case"))
    return false;
  if (strcmp(value->scalar, "upper") == 0 || strcmp(value->scalar, "normal") == 0) {
    style->uppercase = value->scalar[0] == 'u';
    return true;
  }
  diag_set_error(r->error, GALLEY_ERROR_INPUT, r->path, value->line, value->column,
                 "'case' is normal or upper, not '%s'", value->scalar);
  return false;
}

static const char *const style_keys[] = {
  "font", "weight", "style", "size", "leading", "align", "indent", "space_before",
  "space_after", "letter_spacing", "language", "case", NULL
};

static bool read_style_key(Reader *r, const YamlNode *key, const YamlNode *value, Style *style)
{
  const char *k = key->scalar;
  if (!strcmp(k, "font")) return read_string(r, value, k, &style->family);
  if (!strcmp(k, "weight")) return read_weight(r, value, style);
  if (!strcmp(k, "style")) return read_font_style(r, value, style);
  if (!strcmp(k, "size")) return read_length(r, value, k, &style->size);
  if (!strcmp(k, "leading")) return read_length(r, value, k, &style->leading);
  if (!strcmp(k, "align")) return read_align(r, value, style);
  if (!strcmp(k, "indent")) return read_length(r, value, k, &style->indent);
  if (!strcmp(k, "space_before")) return read_length(r, value, k, &style->space_before);
  if (!strcmp(k, "space_after")) return read_length(r, value, k, &style->space_after);
  if (!strcmp(k, "letter_spacing")) return read_length(r, value, k, &style->letter_spacing);
  if (!strcmp(k, "language")) return read_string(r, value, k, &style->language);
  if (!strcmp(k, "case")) return read_case(r, value, style);
  unknown_key_error(r->error, r->path, key, "style key", style_keys);
  return false;
}

static bool read_style(Reader *r, const YamlNode *key, const YamlNode *value)
{
  StyleId id = style_from_name(key->scalar);
  if (id == STYLE_COUNT) {
    const char *names[STYLE_COUNT + 1];
    for (int i = 0; i < STYLE_COUNT; i++)
      names[i] = style_name((StyleId)i);
    names[STYLE_COUNT] = NULL;
    unknown_key_error(r->error, r->path, key, "style", names);
    return false;
  }
  if (value->kind != YAML_MAPPING) {
    diag_set_error(r->error, GALLEY_ERROR_INPUT, r->path, value->line, value->column,
                   "style '%s' must be a mapping such as {font: TeX Gyre Schola, size: 9pt}",
                   key->scalar);
    return false;
  }
  Style *style = &r->layout->styles[id];
  style->source_line = key->line;
  for (unsigned i = 0; i < value->keys->len; i++)
    if (!read_style_key(r, g_ptr_array_index(value->keys, i),
                        g_ptr_array_index(value->values, i), style))
      return false;
  if (style->size <= 0 || style->size > PT(1000)) {
    diag_set_error(r->error, GALLEY_ERROR_INPUT, r->path, key->line, key->column,
                   "style '%s' needs a size between 0 and 1000pt", key->scalar);
    return false;
  }
  return true;
}

static bool read_styles(Reader *r, const YamlNode *value)
{
  if (value->kind != YAML_MAPPING) {
    diag_set_error(r->error, GALLEY_ERROR_INPUT, r->path, value->line, value->column,
                   "'styles' must map style names to their settings");
    return false;
  }
  for (unsigned i = 0; i < value->keys->len; i++)
    if (!read_style(r, g_ptr_array_index(value->keys, i), g_ptr_array_index(value->values, i)))
      return false;
  return true;
}

/* ---- print ------------------------------------------------------------------ */

static bool read_pdfx(Reader *r, const YamlNode *value, PdfxColour *out)
{
  static const char *const names[] = { "none", "gray", "cmyk", NULL };
  if (!want_scalar(r, value, "pdfx"))
    return false;
  for (int i = 0; names[i]; i++)
    if (strcmp(value->scalar, names[i]) == 0) {
      *out = (PdfxColour)i;
      return true;
    }
  diag_set_error(r->error, GALLEY_ERROR_INPUT, r->path, value->line, value->column,
                 "'pdfx' is none, gray or cmyk, not '%s'", value->scalar);
  return false;
}

static bool read_ppi(Reader *r, const YamlNode *value, double *out)
{
  if (!want_scalar(r, value, "min_photo_ppi"))
    return false;
  char *end = NULL;
  double ppi = g_ascii_strtod(value->scalar, &end);
  if (end != value->scalar && *end == '\0' && ppi >= 0 && ppi <= 10000) {
    *out = ppi;
    return true;
  }
  diag_set_error(r->error, GALLEY_ERROR_INPUT, r->path, value->line, value->column,
                 "'min_photo_ppi' is a resolution from 0 to 10000, not '%s'", value->scalar);
  return false;
}

/* A `print:` block turns print marks on; its keys adjust them. */
static bool read_print(Reader *r, const YamlNode *value)
{
  static const char *const keys[] = { "marks", "bleed", "min_photo_ppi", "edition", "pdfx", NULL };
  PrintSettings *p = &r->layout->print;
  if (value->kind != YAML_MAPPING) {
    diag_set_error(r->error, GALLEY_ERROR_INPUT, r->path, value->line, value->column,
                   "'print' is a mapping such as {bleed: 3mm, pdfx: gray}");
    return false;
  }
  p->marks = true;
  for (unsigned i = 0; i < value->keys->len; i++) {
    const YamlNode *key = g_ptr_array_index(value->keys, i);
    const YamlNode *v = g_ptr_array_index(value->values, i);
    const char *k = key->scalar;
    bool ok;
    if (!strcmp(k, "marks")) ok = read_bool(r, v, k, &p->marks);
    else if (!strcmp(k, "bleed")) ok = read_length(r, v, k, &p->bleed);
    else if (!strcmp(k, "min_photo_ppi")) ok = read_ppi(r, v, &p->min_photo_ppi);
    else if (!strcmp(k, "edition")) ok = read_string(r, v, k, &p->edition);
    else if (!strcmp(k, "pdfx")) ok = read_pdfx(r, v, &p->pdfx);
    else {
      unknown_key_error(r->error, r->path, key, "print key", keys);
      ok = false;
    }
    if (!ok)
      return false;
  }
  if (p->bleed < 0 || p->bleed > PT(72)) {
    diag_set_error(r->error, GALLEY_ERROR_INPUT, r->path, value->line, 0,
                   "'bleed' must be between 0 and 1in");
    return false;
  }
  return true;
}

/* ---- defaults ------------------------------------------------------------- */

static void set_style(Style *style, const char *family, int weight, bool italic, double size,
                      double leading, Alignment align)
{
  g_free(style->family);
  style->family = g_strdup(family);
  style->weight = weight;
  style->italic = italic;
  style->size = PT(size);
  style->leading = PT(leading);
  style->align = align;
}

/* The tabloid's styles from NEWSPAPER-DESIGN.md; layouts override them. */
static void layout_set_defaults(Layout *l)
{
  const char *serif = "TeX Gyre Schola", *sans = "TeX Gyre Heros", *cond = "TeX Gyre Heros Cn";
  l->page_width = PT(792);
  l->page_height = PT(1224);
  l->margin_top = l->margin_left = l->margin_right = PT(36);
  l->margin_bottom = PT(33);
  l->columns = 5;
  l->gutter = PT(12);
  l->baseline = PT(10.5);
  l->column_rules = true;
  l->rule_width = PT(0.5);
  l->photo_columns = 3;
  l->photo_max_height = PT(400);
  l->story_gap = 2;
  l->folio = true;
  l->headline_max_lines = 3;
  l->headline_min_size = PT(24);
  l->widow_lines = l->orphan_lines = 2;
  l->justification = (Justification){ .word_stretch = 50, .word_shrink = 33, .letter_spacing = 20,
                                      .expansion = 20, .protrusion = true };
  l->hyphenation = (Hyphenation){ .min_word = 6, .min_left = 2, .min_right = 3,
                                  .max_consecutive = 2 };
  l->print.bleed = PT(3 * 72.0 / 25.4);
  l->print.min_photo_ppi = 150;
  Style *s = l->styles;
  set_style(&s[STYLE_KICKER], sans, 700, false, 9, 10.5, ALIGN_LEFT);
  s[STYLE_KICKER].uppercase = true;
  s[STYLE_KICKER].space_after = PT(2);
  set_style(&s[STYLE_HEADLINE], cond, 700, false, 48, 50, ALIGN_LEFT);
  set_style(&s[STYLE_DECK], serif, 400, true, 20, 23, ALIGN_LEFT);
  set_style(&s[STYLE_BYLINE], sans, 700, false, 8.5, 10.5, ALIGN_LEFT);
  s[STYLE_BYLINE].uppercase = true;
  set_style(&s[STYLE_DATE], sans, 400, false, 7.5, 10.5, ALIGN_LEFT);
  set_style(&s[STYLE_DATELINE], serif, 700, false, 9, 10.5, ALIGN_LEFT);
  s[STYLE_DATELINE].uppercase = true;
  set_style(&s[STYLE_BODY], serif, 400, false, 9, 10.5, ALIGN_JUSTIFY);
  s[STYLE_BODY].indent = PT(9);
  set_style(&s[STYLE_CROSSHEAD], sans, 700, false, 9.5, 10.5, ALIGN_LEFT);
  s[STYLE_CROSSHEAD].space_before = PT(10.5);
  set_style(&s[STYLE_QUOTE], serif, 400, true, 9, 10.5, ALIGN_LEFT);
  s[STYLE_QUOTE].indent = PT(9);
  set_style(&s[STYLE_LIST], serif, 400, false, 9, 10.5, ALIGN_LEFT);
  s[STYLE_LIST].indent = PT(10);
  set_style(&s[STYLE_TABLE], sans, 400, false, 7.5, 10.5, ALIGN_LEFT);
  set_style(&s[STYLE_CAPTION], sans, 400, false, 8.5, 10, ALIGN_LEFT);
  set_style(&s[STYLE_CREDIT], sans, 400, false, 6.5, 8, ALIGN_RIGHT);
  s[STYLE_CREDIT].uppercase = true;
  set_style(&s[STYLE_FOLIO], sans, 400, false, 8, 10.5, ALIGN_LEFT);
  /* NEWSPAPER-DESIGN.md: Schola Italic 16/18 between 0.5 pt rules, 2 columns at most */
  set_style(&s[STYLE_PULLQUOTE], serif, 400, true, 16, 18, ALIGN_LEFT);
  set_style(&s[STYLE_DROPCAP], serif, 700, false, 9, 10.5, ALIGN_LEFT);
}

/* ---- top level ---------------------------------------------------------------- */

static const char *const top_keys[] = {
  "name", "page", "margins", "columns", "gutter", "baseline", "column_rules", "rule_width",
  "headline_columns", "headline_max_lines", "headline_min_size", "photo_columns", "photo_max_height", "story_gap", "folio",
  "publication", "dropcap", "widows", "orphans", "justification", "hyphenation", "styles",
  "print", "page_kinds", NULL
};

static bool read_top_key(Reader *r, const YamlNode *key, const YamlNode *value)
{
  Layout *l = r->layout;
  const char *k = key->scalar;
  if (!strcmp(k, "name")) return read_string(r, value, k, &l->name);
  if (!strcmp(k, "page")) return read_page(r, value);
  if (!strcmp(k, "margins")) return read_margins(r, value);
  if (!strcmp(k, "columns")) return read_int(r, value, k, 1, GALLEY_MAX_COLUMNS, &l->columns);
  if (!strcmp(k, "gutter")) return read_length(r, value, k, &l->gutter);
  if (!strcmp(k, "baseline")) return read_length(r, value, k, &l->baseline);
  if (!strcmp(k, "column_rules")) return read_bool(r, value, k, &l->column_rules);
  if (!strcmp(k, "rule_width")) return read_length(r, value, k, &l->rule_width);
  if (!strcmp(k, "headline_columns")) return read_span(r, value, k, &l->headline_columns);
  if (!strcmp(k, "headline_max_lines")) return read_int(r, value, k, 1, 20, &l->headline_max_lines);
  if (!strcmp(k, "headline_min_size")) return read_length(r, value, k, &l->headline_min_size);
  if (!strcmp(k, "photo_columns")) return read_span(r, value, k, &l->photo_columns);
  if (!strcmp(k, "photo_max_height")) return read_length(r, value, k, &l->photo_max_height);
  if (!strcmp(k, "story_gap")) return read_int(r, value, k, 0, 20, &l->story_gap);
  if (!strcmp(k, "folio")) return read_bool(r, value, k, &l->folio);
  if (!strcmp(k, "publication")) return read_string(r, value, k, &l->publication);
  if (!strcmp(k, "dropcap")) return read_int(r, value, k, 0, 6, &l->dropcap_lines);
  if (!strcmp(k, "widows")) return read_int(r, value, k, 1, 5, &l->widow_lines);
  if (!strcmp(k, "orphans")) return read_int(r, value, k, 1, 5, &l->orphan_lines);
  if (!strcmp(k, "justification"))
    return read_mapping(r, value, k, justification_keys, read_justification_key);
  if (!strcmp(k, "hyphenation"))
    return read_mapping(r, value, k, hyphenation_keys, read_hyphenation_key);
  if (!strcmp(k, "styles")) return read_styles(r, value);
  if (!strcmp(k, "print")) return read_print(r, value);
  if (!strcmp(k, "page_kinds")) return true;   /* read by pagekind.c for editions */
  unknown_key_error(r->error, r->path, key, "layout key", top_keys);
  return false;
}

static bool geometry_error(Reader *r, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static bool geometry_error(Reader *r, const char *fmt, ...)
{
  va_list args;
  va_start(args, fmt);
  char *message = g_strdup_vprintf(fmt, args);
  va_end(args);
  diag_set_error(r->error, GALLEY_ERROR_INPUT, r->path, 0, 0, "%s", message);
  g_free(message);
  return false;
}

static bool check_geometry(Reader *r)
{
  const Layout *l = r->layout;
  double scale = PANGO_SCALE_DOUBLE;
  if (l->page_width <= 0 || l->page_height <= 0)
    return geometry_error(r, "the page size %.1f x %.1fpt is empty", l->page_width / scale,
                          l->page_height / scale);
  if (l->margin_top < 0 || l->margin_bottom < 0 || l->margin_left < 0 || l->margin_right < 0)
    return geometry_error(r, "margins cannot be negative");
  if (layout_live_width(l) <= 0 || layout_live_height(l) < 4 * l->baseline)
    return geometry_error(r, "the margins leave no room on the %.1f x %.1fpt page; make them smaller",
                          l->page_width / scale, l->page_height / scale);
  if (l->baseline <= 0)
    return geometry_error(r, "the baseline grid must be a positive length");
  if (l->gutter < 0)
    return geometry_error(r, "the gutter cannot be negative");
  double min_column = GALLEY_MIN_COLUMN_EMS * l->styles[STYLE_BODY].size;
  if (layout_column_width(l) < min_column)
    return geometry_error(r, "columns are %.1fpt wide, narrower than 3 ems of body text (%.1fpt); "
                          "use fewer columns or a smaller gutter",
                          layout_column_width(l) / scale, min_column / scale);
  return true;
}

/* Body lines sit on the grid, so the body's leading is the grid pitch. */
static void tie_body_to_grid(Layout *l)
{
  l->styles[STYLE_BODY].leading = l->baseline;
  if (l->headline_columns > l->columns)
    l->headline_columns = 0;
  if (l->photo_columns > l->columns)
    l->photo_columns = 0;
}

Layout *layout_read_buffer(const char *path, const char *data, size_t len, GError **error)
{
  if (!diag_check_utf8(path, data, len, error))
    return NULL;
  YamlNode *root = yamldoc_parse(data, len, path, 0, error);
  if (!root)
    return NULL;
  Layout *layout = layout_new();
  layout->path = g_strdup(path);
  layout_set_defaults(layout);
  Reader r = { path, layout, error, 0, 0 };
  bool ok = true;
  if (root->kind != YAML_MAPPING) {
    diag_set_error(error, GALLEY_ERROR_INPUT, path, root->line, root->column,
                   "a layout is a mapping of keys such as 'page:' and 'columns:'");
    ok = false;
  }
  for (unsigned i = 0; ok && i < root->keys->len; i++)
    ok = read_top_key(&r, g_ptr_array_index(root->keys, i), g_ptr_array_index(root->values, i));
  yamldoc_free(root);
  if (ok) {
    tie_body_to_grid(layout);
    ok = check_geometry(&r) && settle_body_exceptions(&r);
  }
  if (!ok) {
    layout_free(layout);
    return NULL;
  }
  if (!layout->name)
    layout->name = g_path_get_basename(path);
  return layout;
}

Layout *layout_read_file(const char *path, GError **error)
{
  char *data = NULL;
  gsize len = 0;
  if (!diag_read_file(path, "layout", &data, &len, error))
    return NULL;
  Layout *layout = layout_read_buffer(path, data, len, error);
  g_free(data);
  return layout;
}
