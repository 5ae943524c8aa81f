/* fuzz_edition.c — the edition file reader (publication, sections, pages,
 * slots, stories, ads, jumps).
 *
 * The input is read as an edition file in samples/oligo-news/, so its
 * relative paths find the sample's stories, wire copy, photos and ad, and
 * `layout:` the shipped layouts. Any bytes either give an edition whose
 * parts hold together (every page has a kind and a label of its own, every
 * slot lies on its page and overlaps no other, every story index and jump
 * is valid, every ad exists) or an error naming the edition file (or the
 * layout file it named); never a crash, a leak or a hang.
 *
 * An input naming an absolute path or a parent folder is skipped: it could
 * name a device that blocks (a FIFO, /dev/stdin) or glob a whole disk,
 * which says nothing about the reader. */
#include <string.h>

#include "edition.h"
#include "fuzz.h"
#include "yamldoc.h"

#define EDITION_PATH "samples/oligo-news/fuzz.yaml"

static bool names_outside(const YamlNode *node)
{
  if (node->kind == YAML_SCALAR)
    return node->scalar[0] == '/' || node->scalar[0] == '~' || strstr(node->scalar, "..");
  for (unsigned i = 0; node->keys && i < node->keys->len; i++)
    if (names_outside(g_ptr_array_index(node->keys, i)))
      return true;
  for (unsigned i = 0; i < node->values->len; i++)
    if (names_outside(g_ptr_array_index(node->values, i)))
      return true;
  return false;
}

/* True when the input stays inside the sample's folder (or does not parse,
 * which the reader must report). */
static bool stays_inside(const uint8_t *data, size_t size)
{
  YamlNode *root = yamldoc_parse((const char *)data, size, EDITION_PATH, 0, NULL);
  if (!root)
    return true;
  bool inside = !names_outside(root);
  yamldoc_free(root);
  return inside;
}

static bool overlap(const Slot *a, const Slot *b)
{
  return a->first_column < b->first_column + b->span && b->first_column < a->first_column + a->span &&
         a->first_line < b->first_line + b->lines && b->first_line < a->first_line + a->lines;
}

static void check_slot(const Edition *ed, unsigned page_index, const EditionPage *page,
                       const EditionSlot *es, int rows)
{
  const Slot *s = &es->slot;
  FUZZ_ASSERT(s->name && s->span >= 1 && s->lines >= 1, "a slot without a name or a size");
  FUZZ_ASSERT(s->first_column >= 0 && s->first_column + s->span <= ed->layout->columns,
              "a slot outside the page's columns");
  FUZZ_ASSERT(s->first_line >= 0 && s->first_line + s->lines <= rows, "a slot below the page's last line");
  if (es->fill == FILL_STORY)
    FUZZ_ASSERT(es->article >= 0 && (unsigned)es->article < ed->articles->len, "a slot's story index is wrong");
  if (es->fill == FILL_AD)
    FUZZ_ASSERT(es->ad && g_file_test(es->ad, G_FILE_TEST_IS_REGULAR), "an ad that is not a file");
  FUZZ_ASSERT(es->jump_page == -1 || (es->jump_page > (int)page_index && (unsigned)es->jump_page < ed->pages->len),
              "a jump to a page that is not later or does not exist");
  for (unsigned k = 0; k < page->slots->len; k++) {
    const EditionSlot *other = &g_array_index(page->slots, EditionSlot, k);
    FUZZ_ASSERT(other == es || !overlap(s, &other->slot), "two slots of a page overlap");
  }
}

static void check_edition(const Edition *ed)
{
  FUZZ_ASSERT(ed->layout && ed->kinds && ed->publication && ed->language, "an edition without its basics");
  FUZZ_ASSERT(ed->pages->len >= 1, "an edition without pages");
  for (unsigned i = 0; i < ed->pages->len; i++) {
    const EditionPage *page = &g_array_index(ed->pages, EditionPage, i);
    FUZZ_ASSERT(page->kind && page->label, "a page without a kind or a label");
    FUZZ_ASSERT(edition_find_page(ed, page->label) == (int)i, "two pages share a label");
    FUZZ_ASSERT(page->section < (int)ed->sections->len, "a page in a section that does not exist");
    int rows = pagekind_text_lines(ed->layout) - page->kind->nameplate_lines;
    for (unsigned k = 0; k < page->slots->len; k++)
      check_slot(ed, i, page, &g_array_index(page->slots, EditionSlot, k), rows);
  }
  for (unsigned i = 0; i < ed->pool->len; i++) {
    int index = g_array_index(ed->pool, int, i);
    FUZZ_ASSERT(index >= 0 && (unsigned)index < ed->articles->len, "a pool story index is wrong");
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (!stays_inside(data, size))
    return 0;
  GError *error = NULL;
  DiagLog *log = diag_log_new();
  Edition *ed = edition_read_buffer(EDITION_PATH, (const char *)data, size, "layouts", NULL, log, &error);
  if (ed) {
    FUZZ_ASSERT(error == NULL, "an edition and an error both returned");
    check_edition(ed);
    edition_free(ed);
  } else {
    FUZZ_ASSERT(error != NULL, "no edition and no error");
    FUZZ_ASSERT(g_str_has_prefix(error->message, EDITION_PATH) || g_str_has_prefix(error->message, "layouts/"),
                "the error names neither the edition nor its layout");
    g_error_free(error);
  }
  diag_log_free(log);
  return 0;
}
