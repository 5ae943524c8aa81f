/* pagekind.h — page kinds: named grids of story slots, read from a layout.
 *
 * A layout's `page_kinds:` maps a kind's name (front, inside, ...) to the
 * lines its nameplate takes (front pages) and its slots. A slot is a
 * rectangle on the page grid: a first column and a span of columns, a first
 * grid line and a depth in grid lines (or a fraction of the text area, "1/2",
 * "40%", or "rest"). Lines are counted from the top of the text area, below
 * the folio and the nameplate. Per slot: the headline size (fixed, or a
 * range in which the largest size that fits its lines is taken), a photo
 * area, a different number of text columns (bastard measure), a box (fact
 * box), and copy-fitting.
 *
 * The edition reader uses the same slot keys to add or move slots on one
 * page, so both files report errors the same way (file:line:col). */
#ifndef GALLEY_PAGEKIND_H
#define GALLEY_PAGEKIND_H

#include <stdbool.h>

#include "model.h"
#include "yamldoc.h"

typedef struct {
  char *name;
  const char *file;       /* where the slot was defined (borrowed) */
  int line, column;       /* of its key there, for errors */
  int first_column, span; /* 0-based first column, columns taken */
  int first_line, lines;  /* 0-based first grid line, lines taken */
  int head_min, head_max; /* Pango units; equal for a fixed size */
  int head_lines;         /* most headline lines */
  int photo_span;         /* columns the photo takes; 0 = the slot's */
  int photo_lines;        /* photo depth in grid lines; 0 = from its aspect */
  int text_columns;       /* columns the text is set in; 0 = span (page grid) */
  int gutter;             /* gutter for text_columns; -1 = the layout's */
  bool box;               /* boxed: tint, rules, inset */
  bool fit;               /* copy-fit the story to the slot */
} Slot;

typedef struct {
  char *name;
  int line, column;
  int nameplate_lines;    /* lines reserved for the nameplate (front pages) */
  GArray *slots;          /* Slot */
} PageKind;

typedef struct PageKinds PageKinds;

/* Grid lines in the text area of a page of this layout: the live area below
 * the folio line. */
int pagekind_text_lines(const Layout *layout);

/* Reads `page_kinds:` from the layout's file (layout->path); a layout
 * without them cannot lay out editions (an error says so). */
PageKinds *pagekinds_read(const Layout *layout, GError **error);
void pagekinds_free(PageKinds *kinds);

const PageKind *pagekinds_find(const PageKinds *kinds, const char *name);
/* Names of all kinds, comma separated, for error messages (caller frees). */
char *pagekinds_names(const PageKinds *kinds);

/* Reads one slot key (column, span, line, lines, headline, photo,
 * text_columns, gutter, box, fit) into slot. Returns 1 when the key was a
 * slot key and was read, 0 when it is not a slot key, -1 on error.
 * rows is the depth of the area slots live in (for fractions and "rest"). */
int pagekind_read_slot_key(const char *file, const Layout *layout, int rows,
                           const YamlNode *key, const YamlNode *value, Slot *slot, GError **error);

/* Checks that a slot lies within the page's columns and rows; the error
 * names the slot's definition. */
bool pagekind_check_slot(const Slot *slot, const Layout *layout, int rows, GError **error);

/* Resolves "rest" depths, fills headline defaults, checks that every slot
 * is on the page and that no two overlap. rows: as for read_slot_key. */
bool pagekind_finish_slots(GArray *slots, const Layout *layout, int rows, GError **error);

/* Default headline sizes for a span when a slot names none: the design
 * table's 20/26/32/38/48 pt by columns, scaled from the layout's headline. */
void pagekind_default_head(const Layout *layout, int span, int *min, int *max, int *lines);

void slot_copy(Slot *dest, const Slot *src);
void slot_clear(Slot *slot);

#endif
