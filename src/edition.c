/* edition.c — reads an edition file: publication data, sections, the
 * layout and its page kinds, the pages and what each slot holds, and every
 * article named (in slots or in the `stories:` pool).
 *
 * Sections: scalars and paths; sections; slots; pages; stories; top level. */
#include "edition.h"

#include <glob.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "galley_limits.h"
#include "importer.h"
#include "layout.h"
#include "yamldoc.h"

typedef struct {
  Edition *ed;
  char *dir;                 /* the edition file's folder */
  GHashTable *article_by_path;   /* resolved path -> index + 1 */
  DiagLog *log;
  GError **error;
} Reader;

bool edition_is_path(const char *path)
{
  return g_str_has_suffix(path, ".yaml") || g_str_has_suffix(path, ".yml");
}

static bool fail(Reader *r, const YamlNode *at, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

static bool fail(Reader *r, const YamlNode *at, const char *fmt, ...)
{
  va_list args;
  va_start(args, fmt);
  char *message = g_strdup_vprintf(fmt, args);
  va_end(args);
  diag_set_error(r->error, GALLEY_ERROR_INPUT, r->ed->path, at ? at->line : 0, at ? at->column : 0,
                 "%s", message);
  g_free(message);
  return false;
}

/* ---- scalars and paths ------------------------------------------------------------ */

static bool read_text(Reader *r, const YamlNode *v, const char *key, char **out)
{
  if (v->kind != YAML_SCALAR)
    return fail(r, v, "'%s' takes a single value", key);
  g_free(*out);
  *out = g_strdup(v->scalar);
  return true;
}

static char *resolve(const Reader *r, const char *path)
{
  return g_path_is_absolute(path) ? g_strdup(path) : g_build_filename(r->dir, path, NULL);
}

/* ---- stories -------------------------------------------------------------------------- */

static Article *load_article(const char *path, DiagLog *log, GError **error)
{
  if (!importer_is_text_path(path))
    return article_read_file(path, error);
  ImportOptions options = { .date_order = DATE_ORDER_AUTO };
  ImportReport report = { 0 };
  Article *article = importer_read_file(path, &options, &report, log, error);
  importer_report_clear(&report);
  return article;
}

/* The article's index, reading it the first time it is named. The error
 * names the edition's line when the file cannot be read. */
static int add_article(Reader *r, const YamlNode *at, const char *name)
{
  char *path = resolve(r, name);
  if (g_str_has_prefix(name, r->dir) && name[strlen(r->dir)] == '/') {   /* from a glob */
    g_free(path);
    path = g_strdup(name);
  }
  gpointer known = g_hash_table_lookup(r->article_by_path, path);
  if (known) {
    g_free(path);
    return GPOINTER_TO_INT(known) - 1;
  }
  GError *local = NULL;
  Article *article = load_article(path, r->log, &local);
  if (!article) {
    bool missing = !g_file_test(path, G_FILE_TEST_EXISTS);
    if (missing)
      fail(r, at, "story file '%s' not found (looked for %s; paths are relative to the edition file)",
           name, path);
    else
      fail(r, at, "cannot use story '%s': %s", name, local->message);
    g_clear_error(&local);
    g_free(path);
    return -1;
  }
  g_ptr_array_add(r->ed->articles, article);
  int index = (int)r->ed->articles->len - 1;
  g_hash_table_insert(r->article_by_path, path, GINT_TO_POINTER(index + 1));
  return index;
}

/* `stories:` a list of files or glob patterns, in the order given. */
static bool read_pool(Reader *r, const YamlNode *v)
{
  if (v->kind != YAML_SEQUENCE)
    return fail(r, v, "'stories' is a list of article files (patterns such as news/*.md work)");
  for (unsigned i = 0; i < v->values->len; i++) {
    const YamlNode *item = g_ptr_array_index(v->values, i);
    if (item->kind != YAML_SCALAR)
      return fail(r, item, "each story is a file name");
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    if (strpbrk(item->scalar, "*?[")) {
      char *pattern = resolve(r, item->scalar);
      glob_t found;
      if (glob(pattern, 0, NULL, &found) != 0) {
        g_free(pattern);
        g_ptr_array_free(names, TRUE);
        return fail(r, item, "no story file matches '%s'", item->scalar);
      }
      for (size_t k = 0; k < found.gl_pathc; k++)
        g_ptr_array_add(names, g_strdup(found.gl_pathv[k]));
      globfree(&found);
      g_free(pattern);
    } else
      g_ptr_array_add(names, g_strdup(item->scalar));
    for (unsigned k = 0; k < names->len; k++) {
      int index = add_article(r, item, g_ptr_array_index(names, k));
      if (index < 0) {
        g_ptr_array_free(names, TRUE);
        return false;
      }
      g_array_append_val(r->ed->pool, index);
    }
    g_ptr_array_free(names, TRUE);
  }
  return true;
}

/* ---- sections ----------------------------------------------------------------------- */

static bool read_sections(Reader *r, const YamlNode *v)
{
  if (v->kind != YAML_SEQUENCE)
    return fail(r, v, "'sections' is a list such as [{name: A, title: News}, {name: B, title: Local}]");
  for (unsigned i = 0; i < v->values->len; i++) {
    const YamlNode *item = g_ptr_array_index(v->values, i);
    EditionSection *section = g_new0(EditionSection, 1);
    g_ptr_array_add(r->ed->sections, section);
    if (item->kind == YAML_SCALAR) {
      section->name = g_strdup(item->scalar);
      continue;
    }
    const YamlNode *name = item->kind == YAML_MAPPING ? yamldoc_lookup(item, "name") : NULL;
    const YamlNode *title = item->kind == YAML_MAPPING ? yamldoc_lookup(item, "title") : NULL;
    if (!name || name->kind != YAML_SCALAR)
      return fail(r, item, "a section needs a name (the letter of its page labels): {name: A, title: News}");
    section->name = g_strdup(name->scalar);
    if (title && !read_text(r, title, "title", &section->title))
      return false;
  }
  return true;
}

static int find_section(const Edition *ed, const char *name)
{
  for (unsigned i = 0; i < ed->sections->len; i++)
    if (!strcmp(((EditionSection *)g_ptr_array_index(ed->sections, i))->name, name))
      return (int)i;
  return -1;
}

/* ---- slots ---------------------------------------------------------------------------- */

static int page_rows(const Edition *ed, const EditionPage *page)
{
  return pagekind_text_lines(ed->layout) - page->kind->nameplate_lines;
}

static EditionSlot *find_slot(EditionPage *page, const char *name)
{
  for (unsigned i = 0; i < page->slots->len; i++) {
    EditionSlot *s = &g_array_index(page->slots, EditionSlot, i);
    if (!strcmp(s->slot.name, name))
      return s;
  }
  return NULL;
}

/* focus: "30% 20%" or "0.3, 0.2": the point of the slot's photo that
 * cropping keeps, from its left and top. */
static bool read_focus(Reader *r, const YamlNode *v, EditionSlot *slot)
{
  char **parts = v->kind == YAML_SCALAR ? g_strsplit_set(v->scalar, " ,", -1) : NULL;
  double xy[2];
  int n = 0;
  bool ok = parts != NULL;
  for (int i = 0; ok && parts[i]; i++) {
    if (!*parts[i])
      continue;
    char *end = NULL;
    double value = g_ascii_strtod(parts[i], &end);
    if (*end == '%') {
      value /= 100;
      end++;
    }
    ok = n < 2 && end != parts[i] && !*end && value >= 0 && value <= 1;
    if (ok)
      xy[n++] = value;
  }
  g_strfreev(parts);
  if (!ok || n != 2)
    return fail(r, v, "'focus' is the point of the photo to keep when cropping, from its left and "
                      "top: two fractions or percentages such as 'focus: 30%% 20%%'");
  slot->focus_x = xy[0];
  slot->focus_y = xy[1];
  return true;
}

/* inset: {image: FILE, caption, credit, column, line, lines} or {quote: TEXT,
 * column, line}; line counts from the column's first text line (1: its head). */
static bool read_inset(Reader *r, const YamlNode *v, EditionSlot *slot)
{
  if (v->kind != YAML_MAPPING)
    return fail(r, v, "'inset' is {image: head.jpg, column: 3, lines: 12, caption: ...} or "
                      "{quote: \"...\", column: 2}");
  slot->inset_line = v->line;
  slot->inset_column = 1;
  for (unsigned i = 0; i < v->keys->len; i++) {
    const YamlNode *k = g_ptr_array_index(v->keys, i), *x = g_ptr_array_index(v->values, i);
    const char *key = k->scalar;
    if (x->kind != YAML_SCALAR)
      return fail(r, x, "'%s' takes one value", key);
    if (!strcmp(key, "column") || !strcmp(key, "lines") || !strcmp(key, "line")) {
      char *end = NULL;
      long n = strtol(x->scalar, &end, 10);
      if (*end || n < 1 || n > 200)
        return fail(r, x, "'%s' is a whole number from 1, not '%s'", key, x->scalar);
      *(key[0] == 'c' ? &slot->inset_column : !strcmp(key, "line") ? &slot->inset_at : &slot->inset_lines) =
        (int)n - (!strcmp(key, "line") ? 1 : 0);
    } else if (!strcmp(key, "image"))
      slot->inset_image = resolve(r, x->scalar);
    else if (!strcmp(key, "quote"))
      slot->inset_quote = g_strdup(x->scalar);
    else if (!strcmp(key, "caption"))
      slot->inset_caption = g_strdup(x->scalar);
    else if (!strcmp(key, "credit"))
      slot->inset_credit = g_strdup(x->scalar);
    else
      return fail(r, k, "unknown inset key '%s'; use image, quote, caption, credit, column, line or lines", key);
  }
  if (!slot->inset_image == !slot->inset_quote)
    return fail(r, v, "an inset holds either an image or a quote");
  return true;
}

/* Content keys of a slot: story, ad, page (of a PDF ad), keyline, jump. */
static bool read_content_key(Reader *r, const YamlNode *key, const YamlNode *v, EditionSlot *slot,
                             bool *has_content, const YamlNode **jump)
{
  const char *k = key->scalar;
  if (!strcmp(k, "story") || !strcmp(k, "ad")) {
    if (*has_content)
      return fail(r, key, "slot '%s' already holds a story or an ad; a slot holds one", slot->slot.name);
    *has_content = true;
    if (v->kind != YAML_SCALAR)
      return fail(r, v, "'%s' takes one file name; a slot holds one story", k);
    slot->line = v->line;
    slot->column = v->column;
    if (k[0] == 'a') {
      slot->fill = FILL_AD;
      slot->ad = resolve(r, v->scalar);
      if (!g_file_test(slot->ad, G_FILE_TEST_IS_REGULAR))
        return fail(r, v, "ad artwork '%s' not found (looked for %s)", v->scalar, slot->ad);
      return true;
    }
    if (!strcmp(v->scalar, "auto"))
      return true;
    slot->fill = FILL_STORY;
    slot->article = add_article(r, v, v->scalar);
    return slot->article >= 0;
  }
  if (!strcmp(k, "keyline")) {
    if (v->kind != YAML_SCALAR || (strcmp(v->scalar, "true") && strcmp(v->scalar, "false")))
      return fail(r, v, "'keyline' is true or false");
    slot->keyline = v->scalar[0] == 't';
    return true;
  }
  if (!strcmp(k, "page")) {
    char *end = NULL;
    long n = v->kind == YAML_SCALAR ? strtol(v->scalar, &end, 10) : 0;
    if (v->kind != YAML_SCALAR || *end || n < 1 || n > 100000)
      return fail(r, v, "'page' is the page of a PDF ad, from 1");
    slot->ad_page = (int)n;
    return true;
  }
  if (!strcmp(k, "image") || !strcmp(k, "caption") || !strcmp(k, "credit")) {
    if (v->kind != YAML_SCALAR)
      return fail(r, v, "'%s' takes one value", k);
    char **target = k[0] == 'i' ? &slot->image : k[1] == 'a' ? &slot->caption : &slot->credit;
    g_free(*target);
    *target = k[0] == 'i' ? resolve(r, v->scalar) : g_strdup(v->scalar);
    if (k[0] == 'i')
      slot->image_line = v->line;
    return true;
  }
  if (!strcmp(k, "inset"))
    return read_inset(r, v, slot);
  if (!strcmp(k, "focus"))
    return read_focus(r, v, slot);
  if (!strcmp(k, "jump")) {
    if (v->kind != YAML_SCALAR)
      return fail(r, v, "'jump' names a page label such as A6");
    *jump = v;
    return true;
  }
  return fail(r, key, "unknown slot key '%s'; use story, ad, page, keyline, jump, image, caption, "
                      "credit, focus, inset, or the slot "
                      "geometry keys column, span, line, lines, headline, photo, text_columns, "
                      "gutter, box, fit", k);
}

/* A slot entry: `name: file.md`, `name: auto`, or a mapping of content and
 * geometry keys. A name the kind does not have defines a new slot. Jump
 * targets are kept as nodes and checked when every page is known. */
static bool read_slot(Reader *r, EditionPage *page, const YamlNode *name, const YamlNode *v,
                      GPtrArray *jumps)
{
  EditionSlot *slot = find_slot(page, name->scalar);
  if (!slot) {
    EditionSlot fresh = { .slot = { .name = g_strdup(name->scalar), .gutter = -1 }, .jump_page = -1,
                          .focus_x = 0.5, .focus_y = 0.5 };
    g_array_append_val(page->slots, fresh);
    slot = &g_array_index(page->slots, EditionSlot, page->slots->len - 1);
  } else if (slot->line > 0)
    return fail(r, name, "slot '%s' is given twice on this page (first on line %d); a slot holds "
                         "one story", name->scalar, slot->line);
  slot->line = name->line;
  slot->column = name->column;
  if (v->kind == YAML_SEQUENCE)
    return fail(r, v, "slot '%s' lists several stories; a slot holds one story (give the others "
                      "their own slots, or put them in 'stories:' for auto placement)", name->scalar);
  if (v->kind == YAML_SCALAR) {
    if (!strcmp(v->scalar, "auto"))
      return true;
    slot->fill = FILL_STORY;
    slot->article = add_article(r, v, v->scalar);
    return slot->article >= 0;
  }
  bool has_content = false, moved = false;
  const YamlNode *jump = NULL;
  for (unsigned i = 0; i < v->keys->len; i++) {
    const YamlNode *key = g_ptr_array_index(v->keys, i), *value = g_ptr_array_index(v->values, i);
    int done = pagekind_read_slot_key(r->ed->path, r->ed->layout, page_rows(r->ed, page), key, value,
                                      &slot->slot, r->error);
    if (done < 0)
      return false;
    if (done > 0) {
      moved = true;
      continue;
    }
    if (!read_content_key(r, key, value, slot, &has_content, &jump))
      return false;
  }
  if (moved) {   /* geometry given here: errors point here */
    slot->slot.file = r->ed->path;
    slot->slot.line = name->line;
    slot->slot.column = name->column;
  }
  if (jump) {
    g_ptr_array_add(jumps, (gpointer)jump);
    g_ptr_array_add(jumps, slot->slot.name);
    g_ptr_array_add(jumps, GINT_TO_POINTER((int)(page - &g_array_index(r->ed->pages, EditionPage, 0)) + 1));
  }
  return true;
}

/* ---- pages ------------------------------------------------------------------------------ */

static void page_clear(gpointer data)
{
  EditionPage *page = data;
  g_free(page->kind_name);
  g_free(page->label);
  if (page->slots)
    g_array_free(page->slots, TRUE);
}

static void edition_slot_clear(gpointer data)
{
  EditionSlot *slot = data;
  slot_clear(&slot->slot);
  g_free(slot->ad);
  g_free(slot->image);
  g_free(slot->caption);
  g_free(slot->credit);
  g_free(slot->inset_image);
  g_free(slot->inset_quote);
  g_free(slot->inset_caption);
  g_free(slot->inset_credit);
}

static bool read_page(Reader *r, const YamlNode *v, int *section, GPtrArray *jumps)
{
  Edition *ed = r->ed;
  if (v->kind != YAML_MAPPING)
    return fail(r, v, "a page is a mapping such as {kind: front, slots: {lead: story.md}}");
  EditionPage fresh = { .line = v->line, .column = v->column, .section = *section };
  fresh.slots = g_array_new(FALSE, TRUE, sizeof(EditionSlot));
  g_array_set_clear_func(fresh.slots, edition_slot_clear);
  g_array_append_val(ed->pages, fresh);
  EditionPage *page = &g_array_index(ed->pages, EditionPage, ed->pages->len - 1);
  const YamlNode *kind = yamldoc_lookup(v, "kind");
  if (!kind || kind->kind != YAML_SCALAR)
    return fail(r, v, "the page needs a 'kind:' (a page kind of the layout)");
  page->kind_name = g_strdup(kind->scalar);
  page->kind = pagekinds_find(ed->kinds, kind->scalar);
  if (!page->kind) {
    char *names = pagekinds_names(ed->kinds);
    fail(r, kind, "unknown page kind '%s'; the layout %s has: %s", kind->scalar, ed->layout->path, names);
    g_free(names);
    return false;
  }
  for (unsigned i = 0; i < page->kind->slots->len; i++) {
    EditionSlot slot = { .jump_page = -1, .focus_x = 0.5, .focus_y = 0.5 };
    slot_copy(&slot.slot, &g_array_index(page->kind->slots, Slot, i));
    g_array_append_val(page->slots, slot);
  }
  for (unsigned i = 0; i < v->keys->len; i++) {
    const YamlNode *key = g_ptr_array_index(v->keys, i), *value = g_ptr_array_index(v->values, i);
    if (!strcmp(key->scalar, "kind"))
      continue;
    if (!strcmp(key->scalar, "section")) {
      if (value->kind != YAML_SCALAR || (page->section = find_section(ed, value->scalar)) < 0)
        return fail(r, value, "unknown section '%s'; list it under 'sections:'",
                    value->kind == YAML_SCALAR ? value->scalar : "?");
      *section = page->section;
    } else if (!strcmp(key->scalar, "slots")) {
      if (value->kind != YAML_MAPPING)
        return fail(r, value, "'slots' maps slot names to a story file, auto, or {ad: file}");
      for (unsigned k = 0; k < value->keys->len; k++)
        if (!read_slot(r, page, g_ptr_array_index(value->keys, k), g_ptr_array_index(value->values, k), jumps))
          return false;
    } else
      return fail(r, key, "unknown page key '%s'; use kind, section or slots", key->scalar);
  }
  GArray *plain = g_array_new(FALSE, FALSE, sizeof(Slot));
  for (unsigned i = 0; i < page->slots->len; i++) {
    EditionSlot *s = &g_array_index(page->slots, EditionSlot, i);
    if (!s->slot.file) {   /* a new slot with no geometry */
      s->slot.file = ed->path;
      s->slot.line = s->line;
      s->slot.column = s->column;
    }
    g_array_append_val(plain, s->slot);
  }
  bool ok = pagekind_finish_slots(plain, ed->layout, page_rows(ed, page), r->error);
  for (unsigned i = 0; ok && i < page->slots->len; i++)
    g_array_index(page->slots, EditionSlot, i).slot = g_array_index(plain, Slot, i);
  g_array_free(plain, TRUE);
  return ok;
}

static void label_pages(Edition *ed)
{
  int counts[64] = { 0 };
  for (unsigned i = 0; i < ed->pages->len; i++) {
    EditionPage *page = &g_array_index(ed->pages, EditionPage, i);
    if (page->section < 0) {
      page->label = g_strdup_printf("%u", i + 1);
      continue;
    }
    const EditionSection *s = g_ptr_array_index(ed->sections, page->section);
    page->label = g_strdup_printf("%s%d", s->name, ++counts[MIN(page->section, 63)]);
  }
}

int edition_find_page(const Edition *edition, const char *label)
{
  for (unsigned i = 0; i < edition->pages->len; i++)
    if (!strcmp(g_array_index(edition->pages, EditionPage, i).label, label))
      return (int)i;
  return -1;
}

/* jumps holds (node, slot name, page index + 1) triples. */
static bool resolve_jumps(Reader *r, GPtrArray *jumps)
{
  for (unsigned i = 0; i + 2 < jumps->len; i += 3) {
    const YamlNode *v = g_ptr_array_index(jumps, i);
    const char *name = g_ptr_array_index(jumps, i + 1);
    int from = GPOINTER_TO_INT(g_ptr_array_index(jumps, i + 2)) - 1;
    int target = edition_find_page(r->ed, v->scalar);
    if (target < 0)
      return fail(r, v, "jump to page '%s', which this edition does not have (pages %s to %s)",
                  v->scalar, g_array_index(r->ed->pages, EditionPage, 0).label,
                  g_array_index(r->ed->pages, EditionPage, r->ed->pages->len - 1).label);
    if (target <= from)
      return fail(r, v, "jump to page '%s', which is not after this page; a story continues on a "
                        "later page", v->scalar);
    EditionPage *page = &g_array_index(r->ed->pages, EditionPage, from);
    find_slot(page, name)->jump_page = target;
  }
  return true;
}

static bool read_pages(Reader *r, const YamlNode *v)
{
  if (v->kind != YAML_SEQUENCE || v->values->len == 0)
    return fail(r, v, "'pages' is a list of pages, each {kind: ..., slots: {...}}");
  if (v->values->len > GALLEY_MAX_PAGES)
    return fail(r, g_ptr_array_index(v->values, GALLEY_MAX_PAGES), "page %d: an edition has at most %d "
                "pages, galley's limit for one document; split it into several editions",
                GALLEY_MAX_PAGES + 1, GALLEY_MAX_PAGES);
  int section = r->ed->sections->len ? 0 : -1;
  GPtrArray *jumps = g_ptr_array_new();
  bool ok = true;
  for (unsigned i = 0; ok && i < v->values->len; i++)
    ok = read_page(r, g_ptr_array_index(v->values, i), &section, jumps);
  if (ok) {
    label_pages(r->ed);
    ok = resolve_jumps(r, jumps);
  }
  g_ptr_array_free(jumps, TRUE);
  return ok;
}

/* ---- top level ------------------------------------------------------------------------------ */

static bool read_layout(Reader *r, const YamlNode *root, const char *layouts_dir, const char *override)
{
  const YamlNode *v = yamldoc_lookup(root, "layout");
  if (!override && v && v->kind != YAML_SCALAR)
    return fail(r, v, "'layout' names a layout file or a shipped layout (tabloid, broadsheet, ...)");
  const char *name = override ? override : v ? v->scalar : "tabloid";
  char *path = override ? g_strdup(name) : resolve(r, name);
  if (!g_file_test(path, G_FILE_TEST_EXISTS) && !strchr(name, '/')) {
    g_free(path);
    char *file = g_strconcat(name, g_str_has_suffix(name, ".yaml") ? "" : ".yaml", NULL);
    path = g_build_filename(layouts_dir, file, NULL);
    g_free(file);
  }
  GError *local = NULL;
  r->ed->layout = layout_read_file(path, &local);
  g_free(path);
  if (!r->ed->layout) {
    fail(r, v, "%s", local->message);
    g_error_free(local);
    return false;
  }
  r->ed->kinds = pagekinds_read(r->ed->layout, r->error);
  return r->ed->kinds != NULL;
}

static bool read_nameplate(Reader *r, const YamlNode *v)
{
  if (v->kind != YAML_MAPPING)
    return fail(r, v, "'nameplate' is a mapping: {logo: logo.svg, left_ear: ..., right_ear: ..., tagline: ...}");
  for (unsigned i = 0; i < v->keys->len; i++) {
    const YamlNode *k = g_ptr_array_index(v->keys, i), *x = g_ptr_array_index(v->values, i);
    bool ok;
    if (!strcmp(k->scalar, "logo")) {
      ok = read_text(r, x, "logo", &r->ed->logo);
      if (ok) {
        char *path = resolve(r, r->ed->logo);
        g_free(r->ed->logo);
        r->ed->logo = path;
        if (!g_file_test(path, G_FILE_TEST_IS_REGULAR))
          return fail(r, x, "nameplate logo '%s' not found", x->scalar);
      }
    } else if (!strcmp(k->scalar, "left_ear"))
      ok = read_text(r, x, "left_ear", &r->ed->ear_left);
    else if (!strcmp(k->scalar, "right_ear"))
      ok = read_text(r, x, "right_ear", &r->ed->ear_right);
    else if (!strcmp(k->scalar, "tagline"))
      ok = read_text(r, x, "tagline", &r->ed->tagline);
    else
      return fail(r, k, "unknown nameplate key '%s'; use logo, left_ear, right_ear or tagline", k->scalar);
    if (!ok)
      return false;
  }
  return true;
}

static bool read_top(Reader *r, const YamlNode *root)
{
  Edition *ed = r->ed;
  static const char *const text_keys[] = { "publication", "date", "language", "volume", "number",
                                           "price", "edition", NULL };
  char **targets[] = { &ed->publication, &ed->date, &ed->language, &ed->volume, &ed->number,
                       &ed->price, &ed->edition_name };
  for (unsigned i = 0; i < root->keys->len; i++) {
    const YamlNode *k = g_ptr_array_index(root->keys, i), *v = g_ptr_array_index(root->values, i);
    size_t t = 0;
    while (text_keys[t] && strcmp(text_keys[t], k->scalar))
      t++;
    bool ok = true;
    if (text_keys[t])
      ok = read_text(r, v, k->scalar, targets[t]);
    else if (!strcmp(k->scalar, "sections"))
      ok = read_sections(r, v);
    else if (!strcmp(k->scalar, "nameplate"))
      ok = read_nameplate(r, v);
    else if (!strcmp(k->scalar, "stories"))
      ok = read_pool(r, v);
    else if (!strcmp(k->scalar, "add_pages")) {
      ok = v->kind == YAML_SCALAR && (!strcmp(v->scalar, "true") || !strcmp(v->scalar, "false"));
      if (!ok)
        return fail(r, v, "'add_pages' is true or false");
      ed->add_pages = v->scalar[0] == 't';
    }
    else if (strcmp(k->scalar, "layout") && strcmp(k->scalar, "pages"))
      return fail(r, k, "unknown edition key '%s'; use publication, date, language, volume, number, "
                        "price, edition, nameplate, sections, layout, stories, add_pages or pages", k->scalar);
    if (!ok)
      return false;
  }
  if (!ed->publication)
    return fail(r, root, "the edition needs a 'publication:' name for its nameplate and folios");
  const YamlNode *pages = yamldoc_lookup(root, "pages");
  if (!pages)
    return fail(r, root, "the edition has no 'pages:'");
  return read_pages(r, pages);
}

static Edition *edition_new(const char *path)
{
  Edition *ed = g_new0(Edition, 1);
  ed->path = g_strdup(path);
  ed->sections = g_ptr_array_new();
  ed->pages = g_array_new(FALSE, TRUE, sizeof(EditionPage));
  g_array_set_clear_func(ed->pages, page_clear);
  ed->articles = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
  ed->pool = g_array_new(FALSE, FALSE, sizeof(int));
  ed->add_pages = true;
  return ed;
}

Edition *edition_read_file(const char *path, const char *layouts_dir, const char *layout_override,
                           DiagLog *log, GError **error)
{
  char *data = NULL;
  gsize len = 0;
  if (!diag_read_file(path, "edition", &data, &len, error))
    return NULL;
  Edition *ed = edition_read_buffer(path, data, len, layouts_dir, layout_override, log, error);
  g_free(data);
  return ed;
}

Edition *edition_read_buffer(const char *path, const char *data, size_t len, const char *layouts_dir,
                             const char *layout_override, DiagLog *log, GError **error)
{
  YamlNode *root = NULL;
  if (diag_check_utf8(path, data, len, error))
    root = yamldoc_parse(data, len, path, 0, error);
  if (!root)
    return NULL;
  Edition *ed = edition_new(path);
  Reader r = { ed, g_path_get_dirname(path), g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
               log, error };
  bool ok;
  if (root->kind != YAML_MAPPING)
    ok = fail(&r, root, "an edition is a mapping with publication:, date:, pages: ...");
  else
    ok = read_layout(&r, root, layouts_dir, layout_override) && read_top(&r, root);
  if (ok && !ed->language)
    ed->language = g_strdup("en");
  yamldoc_free(root);
  g_hash_table_destroy(r.article_by_path);
  g_free(r.dir);
  if (!ok) {
    edition_free(ed);
    return NULL;
  }
  return ed;
}

void edition_free(Edition *ed)
{
  if (!ed)
    return;
  g_array_free(ed->pages, TRUE);
  for (unsigned i = 0; i < ed->sections->len; i++) {
    EditionSection *s = g_ptr_array_index(ed->sections, i);
    g_free(s->name);
    g_free(s->title);
    g_free(s);
  }
  g_ptr_array_free(ed->sections, TRUE);
  g_ptr_array_free(ed->articles, TRUE);
  g_array_free(ed->pool, TRUE);
  pagekinds_free(ed->kinds);
  layout_free(ed->layout);
  char **fields[] = { &ed->path, &ed->publication, &ed->date, &ed->language, &ed->volume, &ed->number,
                      &ed->price, &ed->edition_name, &ed->logo, &ed->ear_left, &ed->ear_right,
                      &ed->tagline };
  for (size_t i = 0; i < G_N_ELEMENTS(fields); i++)
    g_free(*fields[i]);
  g_free(ed);
}
