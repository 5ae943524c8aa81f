/* pagekind.c — reads page kinds (grids of slots) from a layout file.
 *
 * The layout reader (layout.c) accepts `page_kinds:` and leaves it to this
 * module, which parses the layout file's tree again: a layout without
 * editions never pays for it. Sections: values (counts, lengths, grid
 * lines); slot keys; kinds. */
#include "pagekind.h"

#include <math.h>
#include <pango/pango.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "galley_limits.h"
#include "layout.h"

struct PageKinds {
  char *file;
  GArray *kinds;   /* PageKind */
};

#define FOLIO_LINES 2   /* the folio line and the space under its rule */

int pagekind_text_lines(const Layout *layout)
{
  return layout_live_height(layout) / layout->baseline - FOLIO_LINES;
}

void slot_clear(Slot *slot)
{
  g_free(slot->name);
  slot->name = NULL;
}

void slot_copy(Slot *dest, const Slot *src)
{
  *dest = *src;
  dest->name = g_strdup(src->name);
}

static void kind_clear(gpointer data)
{
  PageKind *kind = data;
  g_free(kind->name);
  if (kind->slots)
    g_array_free(kind->slots, TRUE);
}

/* ---- values -------------------------------------------------------------------- */

static bool value_error(GError **error, const char *file, const YamlNode *v, const char *fmt,
                        const char *key)
{
  diag_set_error(error, GALLEY_ERROR_INPUT, file, v->line, v->column, fmt, key,
                 v->kind == YAML_SCALAR ? v->scalar : "a list or mapping");
  return false;
}

static bool read_count(const char *file, const YamlNode *v, const char *key, int min, int max,
                       int *out, GError **error)
{
  char *end = NULL;
  long n = v->kind == YAML_SCALAR ? strtol(v->scalar, &end, 10) : 0;
  if (v->kind != YAML_SCALAR || end == v->scalar || *end || n < min || n > max) {
    diag_set_error(error, GALLEY_ERROR_INPUT, file, v->line, v->column,
                   "'%s' must be a whole number from %d to %d, not '%s'", key, min, max,
                   v->kind == YAML_SCALAR ? v->scalar : "a list or mapping");
    return false;
  }
  *out = (int)n;
  return true;
}

static bool read_len(const char *file, const YamlNode *v, const char *key, int *out, GError **error)
{
  if (v->kind == YAML_SCALAR && layout_parse_length(v->scalar, out) && *out >= 0)
    return true;
  return value_error(error, file, v, "'%s' is not a length such as 12pt or 4mm: '%s'", key);
}

static bool read_flag(const char *file, const YamlNode *v, const char *key, bool *out, GError **error)
{
  if (v->kind == YAML_SCALAR && (!strcmp(v->scalar, "true") || !strcmp(v->scalar, "false"))) {
    *out = v->scalar[0] == 't';
    return true;
  }
  return value_error(error, file, v, "'%s' must be true or false, not '%s'", key);
}

/* Grid lines: a count, a fraction of rows ("1/2", "40%"), or "rest" (to the
 * foot; only for depths, given as -1). */
static bool read_lines(const char *file, const YamlNode *v, const char *key, int rows,
                       bool allow_rest, int *out, GError **error)
{
  if (v->kind != YAML_SCALAR)
    return value_error(error, file, v, "'%s' is a number of grid lines, a fraction such as 1/2 or "
                                       "40%%, or rest; not '%s'", key);
  const char *s = v->scalar;
  if (allow_rest && !strcmp(s, "rest")) {
    *out = -1;
    return true;
  }
  char *end = NULL;
  double a = g_ascii_strtod(s, &end);
  double fraction = -1;
  if (end != s && *end == '%' && end[1] == '\0')
    fraction = a / 100.0;
  else if (end != s && *end == '/') {
    char *end2 = NULL;
    double b = g_ascii_strtod(end + 1, &end2);
    if (end2 != end + 1 && *end2 == '\0' && b > 0)
      fraction = a / b;
  } else if (end != s && *end == '\0' && a == floor(a) && a >= 0 && a <= 100000) {
    *out = (int)a;
    return true;
  }
  if (fraction >= 0 && fraction <= 1) {
    *out = (int)lround(fraction * rows);
    return true;
  }
  return value_error(error, file, v, "'%s' is a number of grid lines, a fraction such as 1/2 or "
                                     "40%%, or rest; not '%s'", key);
}

/* ---- slot keys ------------------------------------------------------------------- */

static bool read_headline(const char *file, const YamlNode *v, Slot *slot, GError **error)
{
  if (v->kind == YAML_SCALAR && !strcmp(v->scalar, "auto")) {
    slot->head_min = slot->head_max = 0;
    return true;
  }
  if (v->kind == YAML_SCALAR) {
    if (!read_len(file, v, "headline", &slot->head_max, error))
      return false;
    slot->head_min = slot->head_max;
    return true;
  }
  if (v->kind != YAML_MAPPING)
    return value_error(error, file, v, "'%s' is a size, auto, or {min: 30pt, max: 60pt, lines: 2}; "
                                       "not '%s'", "headline");
  for (unsigned i = 0; i < v->keys->len; i++) {
    const YamlNode *k = g_ptr_array_index(v->keys, i), *x = g_ptr_array_index(v->values, i);
    bool ok;
    if (!strcmp(k->scalar, "size"))
      ok = read_headline(file, x, slot, error);
    else if (!strcmp(k->scalar, "min"))
      ok = read_len(file, x, "min", &slot->head_min, error);
    else if (!strcmp(k->scalar, "max"))
      ok = read_len(file, x, "max", &slot->head_max, error);
    else if (!strcmp(k->scalar, "lines"))
      ok = read_count(file, x, "lines", 1, 8, &slot->head_lines, error);
    else {
      diag_set_error(error, GALLEY_ERROR_INPUT, file, k->line, k->column,
                     "unknown headline key '%s'; use size, min, max or lines", k->scalar);
      return false;
    }
    if (!ok)
      return false;
  }
  if (slot->head_min > slot->head_max) {
    diag_set_error(error, GALLEY_ERROR_INPUT, file, v->line, v->column,
                   "the headline's min is larger than its max");
    return false;
  }
  return true;
}

static bool read_photo(const char *file, const Layout *layout, int rows, const YamlNode *v,
                       Slot *slot, GError **error)
{
  if (v->kind != YAML_MAPPING)
    return value_error(error, file, v, "'%s' is a mapping such as {span: 3, lines: 20}, not '%s'",
                       "photo");
  for (unsigned i = 0; i < v->keys->len; i++) {
    const YamlNode *k = g_ptr_array_index(v->keys, i), *x = g_ptr_array_index(v->values, i);
    bool ok;
    if (!strcmp(k->scalar, "span"))
      ok = read_count(file, x, "span", 1, layout->columns, &slot->photo_span, error);
    else if (!strcmp(k->scalar, "lines"))
      ok = read_lines(file, x, "lines", rows, false, &slot->photo_lines, error);
    else {
      diag_set_error(error, GALLEY_ERROR_INPUT, file, k->line, k->column,
                     "unknown photo key '%s'; use span or lines", k->scalar);
      return false;
    }
    if (!ok)
      return false;
  }
  return true;
}

int pagekind_read_slot_key(const char *file, const Layout *layout, int rows,
                           const YamlNode *key, const YamlNode *value, Slot *slot, GError **error)
{
  const char *k = key->scalar;
  bool ok;
  int n = 0;
  if (!strcmp(k, "column")) {
    ok = read_count(file, value, k, 1, layout->columns, &n, error);
    slot->first_column = n - 1;
  } else if (!strcmp(k, "span")) {
    if (value->kind == YAML_SCALAR && !strcmp(value->scalar, "all")) {
      slot->span = layout->columns;
      ok = true;
    } else
      ok = read_count(file, value, k, 1, GALLEY_MAX_COLUMNS, &slot->span, error);
  } else if (!strcmp(k, "line")) {
    ok = read_lines(file, value, k, rows, false, &n, error);
    /* a count is 1-based ("line: 1" is the top); a fraction is an offset */
    bool fraction = value->kind == YAML_SCALAR && strpbrk(value->scalar, "/%");
    slot->first_line = fraction ? n : n - 1;
    if (ok && slot->first_line < 0)
      return value_error(error, file, value, "'%s' counts from 1, not '%s'", k) ? 1 : -1;
  } else if (!strcmp(k, "lines"))
    ok = read_lines(file, value, k, rows, true, &slot->lines, error);
  else if (!strcmp(k, "headline"))
    ok = read_headline(file, value, slot, error);
  else if (!strcmp(k, "photo"))
    ok = read_photo(file, layout, rows, value, slot, error);
  else if (!strcmp(k, "text_columns"))
    ok = read_count(file, value, k, 1, GALLEY_MAX_COLUMNS, &slot->text_columns, error);
  else if (!strcmp(k, "gutter"))
    ok = read_len(file, value, k, &slot->gutter, error);
  else if (!strcmp(k, "box"))
    ok = read_flag(file, value, k, &slot->box, error);
  else if (!strcmp(k, "fit"))
    ok = read_flag(file, value, k, &slot->fit, error);
  else
    return 0;
  return ok ? 1 : -1;
}

bool pagekind_check_slot(const Slot *slot, const Layout *layout, int rows, GError **error)
{
  const char *what = NULL;
  if (slot->span <= 0 || slot->lines == 0)
    what = "has no size: give it span and lines";
  else if (slot->first_column + slot->span > layout->columns)
    what = "runs off the page: its columns go past the last column";
  else if (slot->first_line + slot->lines > rows)
    what = "runs off the page: its lines go past the foot of the text area";
  else if (slot->lines < 4)
    what = "is less than 4 grid lines deep";
  if (!what)
    return true;
  diag_set_error(error, GALLEY_ERROR_INPUT, slot->file, slot->line, slot->column,
                 "slot '%s' (column %d, span %d, line %d, %d lines) %s; the page has %d columns "
                 "and %d lines",
                 slot->name, slot->first_column + 1, slot->span, slot->first_line + 1, slot->lines,
                 what, layout->columns, rows);
  return false;
}

void pagekind_default_head(const Layout *layout, int span, int *min, int *max, int *lines)
{
  static const double by_span[] = { 20, 20, 26, 32, 38, 48, 54 };
  double points = by_span[MIN(span, 6)];
  /* scaled to the layout's own headline (48 pt in the tabloid) */
  double scale = layout->styles[STYLE_HEADLINE].size / (48.0 * PANGO_SCALE);
  scale = CLAMP(scale, 0.5, 1.2);
  *max = (int)(points * scale * PANGO_SCALE);
  *min = MAX(*max * 2 / 3, 14 * PANGO_SCALE);
  *lines = span <= 1 ? 4 : span == 2 ? 3 : 2;
}

/* ---- kinds ----------------------------------------------------------------------- */

static bool slots_overlap(const Slot *a, const Slot *b)
{
  return a->first_column < b->first_column + b->span && b->first_column < a->first_column + a->span &&
         a->first_line < b->first_line + b->lines && b->first_line < a->first_line + a->lines;
}

bool pagekind_finish_slots(GArray *slots, const Layout *layout, int rows, GError **error)
{
  for (unsigned i = 0; i < slots->len; i++) {
    Slot *s = &g_array_index(slots, Slot, i);
    if (s->lines < 0)
      s->lines = rows - s->first_line;
    if (s->head_max == 0) {
      int lines;
      pagekind_default_head(layout, s->span, &s->head_min, &s->head_max, &lines);
      if (s->head_lines == 0)
        s->head_lines = lines;
    }
    if (s->head_lines == 0)
      s->head_lines = s->span <= 1 ? 4 : s->span == 2 ? 3 : 2;
    if (!pagekind_check_slot(s, layout, rows, error))
      return false;
    for (unsigned j = 0; j < i; j++) {
      const Slot *t = &g_array_index(slots, Slot, j);
      if (slots_overlap(s, t)) {
        diag_set_error(error, GALLEY_ERROR_INPUT, s->file, s->line, s->column,
                       "slot '%s' overlaps slot '%s' (line %d); move one of them", s->name,
                       t->name, t->line);
        return false;
      }
    }
  }
  return true;
}

static bool read_kind_slots(PageKinds *kinds, const Layout *layout, PageKind *kind,
                            const YamlNode *v, GError **error)
{
  const char *file = kinds->file;
  int rows = pagekind_text_lines(layout) - kind->nameplate_lines;
  if (v->kind != YAML_MAPPING) {
    diag_set_error(error, GALLEY_ERROR_INPUT, file, v->line, v->column,
                   "'slots' maps slot names to {column, span, line, lines, ...}");
    return false;
  }
  for (unsigned i = 0; i < v->keys->len; i++) {
    const YamlNode *name = g_ptr_array_index(v->keys, i), *spec = g_ptr_array_index(v->values, i);
    Slot slot = { .name = g_strdup(name->scalar), .file = file, .line = name->line,
                  .column = name->column, .gutter = -1 };
    g_array_append_val(kind->slots, slot);
    Slot *s = &g_array_index(kind->slots, Slot, kind->slots->len - 1);
    if (spec->kind != YAML_MAPPING) {
      diag_set_error(error, GALLEY_ERROR_INPUT, file, spec->line, spec->column,
                     "slot '%s' must be a mapping such as {column: 1, span: 4, line: 1, lines: 40}",
                     name->scalar);
      return false;
    }
    for (unsigned j = 0; j < spec->keys->len; j++) {
      const YamlNode *k = g_ptr_array_index(spec->keys, j);
      int r = pagekind_read_slot_key(file, layout, rows, k, g_ptr_array_index(spec->values, j), s, error);
      if (r < 0)
        return false;
      if (r == 0) {
        diag_set_error(error, GALLEY_ERROR_INPUT, file, k->line, k->column,
                       "unknown slot key '%s'; use column, span, line, lines, headline, photo, "
                       "text_columns, gutter, box or fit", k->scalar);
        return false;
      }
    }
  }
  return pagekind_finish_slots(kind->slots, layout, rows, error);
}

static bool read_kind(PageKinds *kinds, const Layout *layout, const YamlNode *name,
                      const YamlNode *v, GError **error)
{
  PageKind kind = { .name = g_strdup(name->scalar), .line = name->line, .column = name->column };
  kind.slots = g_array_new(FALSE, TRUE, sizeof(Slot));
  g_array_set_clear_func(kind.slots, (GDestroyNotify)slot_clear);
  g_array_append_val(kinds->kinds, kind);
  PageKind *k = &g_array_index(kinds->kinds, PageKind, kinds->kinds->len - 1);
  if (v->kind != YAML_MAPPING) {
    diag_set_error(error, GALLEY_ERROR_INPUT, kinds->file, v->line, v->column,
                   "page kind '%s' must be a mapping with 'slots:'", name->scalar);
    return false;
  }
  const YamlNode *nameplate = yamldoc_lookup(v, "nameplate");
  if (nameplate && !read_count(kinds->file, nameplate, "nameplate", 4, 60, &k->nameplate_lines, error))
    return false;
  for (unsigned i = 0; i < v->keys->len; i++) {
    const YamlNode *key = g_ptr_array_index(v->keys, i);
    if (strcmp(key->scalar, "nameplate") && strcmp(key->scalar, "slots")) {
      diag_set_error(error, GALLEY_ERROR_INPUT, kinds->file, key->line, key->column,
                     "unknown page kind key '%s'; use nameplate or slots", key->scalar);
      return false;
    }
  }
  const YamlNode *slots = yamldoc_lookup(v, "slots");
  if (!slots) {
    diag_set_error(error, GALLEY_ERROR_INPUT, kinds->file, name->line, name->column,
                   "page kind '%s' has no 'slots:'", name->scalar);
    return false;
  }
  return read_kind_slots(kinds, layout, k, slots, error);
}

PageKinds *pagekinds_read(const Layout *layout, GError **error)
{
  char *data = NULL;
  gsize len = 0;
  if (!diag_read_file(layout->path, "layout", &data, &len, error))
    return NULL;
  YamlNode *root = yamldoc_parse(data, len, layout->path, 0, error);
  g_free(data);
  if (!root)
    return NULL;
  PageKinds *kinds = g_new0(PageKinds, 1);
  kinds->file = g_strdup(layout->path);
  kinds->kinds = g_array_new(FALSE, TRUE, sizeof(PageKind));
  g_array_set_clear_func(kinds->kinds, kind_clear);
  const YamlNode *v = root->kind == YAML_MAPPING ? yamldoc_lookup(root, "page_kinds") : NULL;
  bool ok = true;
  if (!v || v->kind != YAML_MAPPING) {
    diag_set_error(error, GALLEY_ERROR_INPUT, layout->path, v ? v->line : 0, v ? v->column : 0,
                   "the layout has no 'page_kinds:' mapping; editions need page kinds such as "
                   "front and inside (see layouts/tabloid.yaml)");
    ok = false;
  }
  for (unsigned i = 0; ok && i < v->keys->len; i++)
    ok = read_kind(kinds, layout, g_ptr_array_index(v->keys, i), g_ptr_array_index(v->values, i), error);
  yamldoc_free(root);
  if (!ok) {
    pagekinds_free(kinds);
    return NULL;
  }
  return kinds;
}

void pagekinds_free(PageKinds *kinds)
{
  if (!kinds)
    return;
  g_array_free(kinds->kinds, TRUE);
  g_free(kinds->file);
  g_free(kinds);
}

const PageKind *pagekinds_find(const PageKinds *kinds, const char *name)
{
  for (unsigned i = 0; i < kinds->kinds->len; i++) {
    const PageKind *kind = &g_array_index(kinds->kinds, PageKind, i);
    if (!strcmp(kind->name, name))
      return kind;
  }
  return NULL;
}

char *pagekinds_names(const PageKinds *kinds)
{
  GString *names = g_string_new(NULL);
  for (unsigned i = 0; i < kinds->kinds->len; i++)
    g_string_append_printf(names, "%s%s", i ? ", " : "", g_array_index(kinds->kinds, PageKind, i).name);
  return g_string_free(names, FALSE);
}
