/* edition.h — the edition file reader.
 *
 * An edition is YAML: the publication, date, language, volume and number,
 * price, edition name, nameplate (logo, ears), sections, the layout, a pool
 * of `stories:` for automatic placement, and the pages, each naming its page
 * kind (from the layout's page_kinds) and, per slot, a story file, an ad,
 * or `auto`. Paths are relative to the edition file. Every error names the
 * edition file's line and column. The reader loads the layout, its page
 * kinds and every article, so composition starts from checked data. */
#ifndef GALLEY_EDITION_H
#define GALLEY_EDITION_H

#include "diag.h"
#include "model.h"
#include "pagekind.h"

typedef enum { FILL_AUTO, FILL_STORY, FILL_AD } SlotFill;

typedef struct {
  Slot slot;          /* geometry: the kind's, or the page's own */
  SlotFill fill;
  int article;        /* FILL_STORY: index into Edition.articles */
  char *ad;           /* FILL_AD: artwork path (PNG, JPEG, PDF, SVG) */
  int ad_page;        /* FILL_AD: page of a PDF, 1-based */
  bool keyline;       /* FILL_AD: a rule around the artwork */
  int jump_page;      /* page where the story continues; -1: first with room */
  char *image;        /* FILL_STORY: a photo for the story (the photo desk's), resolved */
  char *caption, *credit;   /* ... with its caption and credit */
  double focus_x, focus_y;  /* ... and the point its crop keeps (0.5, 0.5: centre) */
  int image_line;
  /* an inset in the story's columns: a photo (head shot) or a pull quote */
  char *inset_image, *inset_quote, *inset_caption, *inset_credit;
  int inset_column;   /* 1-based text column; 0: no inset */
  int inset_lines;    /* depth of an inset photo in grid lines; 0: from its aspect */
  int inset_at;       /* grid lines below the column's first text line; 0: at its head */
  int inset_line;
  int line, column;   /* where the slot's content was given */
} EditionSlot;

typedef struct {
  char *kind_name;
  const PageKind *kind;   /* borrowed from Edition.kinds */
  int section;            /* index into Edition.sections, -1 without sections */
  char *label;            /* "A1", or "1" without sections */
  GArray *slots;          /* EditionSlot */
  int line, column;
} EditionPage;

typedef struct {
  char *name;    /* the letter in page labels: "A" */
  char *title;   /* "News"; NULL when none */
} EditionSection;

typedef struct {
  char *path;
  char *publication, *date, *language;
  char *volume, *number, *price, *edition_name;
  char *logo;                 /* nameplate artwork, resolved; NULL: the name in type */
  char *ear_left, *ear_right; /* text in the nameplate's ears */
  char *tagline;
  bool add_pages;             /* flow what has no slot onto pages added at the end */
  Layout *layout;             /* owned */
  PageKinds *kinds;           /* owned */
  GPtrArray *sections;        /* EditionSection* */
  GArray *pages;              /* EditionPage */
  GPtrArray *articles;        /* Article*, owned: slot stories and the pool */
  GArray *pool;               /* int: articles for `auto` slots, in the order given */
} Edition;

/* True when path names an edition file (.yaml or .yml) rather than an article. */
bool edition_is_path(const char *path);

/* Reads an edition. layouts_dir is where shipped layouts live (for
 * `layout: tabloid`); layout_override, when not NULL, replaces the edition's
 * layout (a path or a shipped name). Warnings go to log. */
Edition *edition_read_file(const char *path, const char *layouts_dir, const char *layout_override,
                           DiagLog *log, GError **error);
/* The same from bytes in memory; path names them in messages and its folder
 * is where the edition's relative paths start. */
Edition *edition_read_buffer(const char *path, const char *data, size_t len, const char *layouts_dir,
                             const char *layout_override, DiagLog *log, GError **error);
void edition_free(Edition *edition);

/* Index of the page with this label ("A3"), or -1. */
int edition_find_page(const Edition *edition, const char *label);

#endif
