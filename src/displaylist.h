/* displaylist.h — the output of composition: positioned boxes per page.
 *
 * Composition appends boxes; rendering draws them without deciding anything;
 * tests read them (or their JSON dump) without a PDF. Coordinates are Pango
 * units from the page's top-left corner, y downwards; a text box's y is its
 * baseline. A text box holds a reference to the PangoLayout its line came
 * from, so the shaped glyphs are drawn exactly as measured. */
#ifndef GALLEY_DISPLAYLIST_H
#define GALLEY_DISPLAYLIST_H

#include <pango/pango.h>

#include "image.h"
#include "model.h"

typedef enum {
  BOX_TEXT, BOX_RULE, BOX_IMAGE, BOX_PLACEHOLDER,
  BOX_FILL,      /* a grey tint (fact boxes): tint 0 white .. 1 black */
  BOX_ARTWORK,   /* an ad, a logo or a photo from its file (artwork.h) */
  BOX_LINK,      /* a link over x, y, width, height to the destination `name` */
  BOX_DEST,      /* the named destination `name` at x, y */
  BOX_MARK,      /* the overset mark: a red box with a plus */
  BOX_REGION,    /* not drawn: a slot's rectangle, `name`, for tests and tools */
  BOX_GUTTER     /* not drawn: a gutter between columns of text, x its middle, from y down
                    `height`; rule_width: the column rule's drawn there, 0 for none */
} BoxKind;

struct Artwork;

typedef struct {
  BoxKind kind;
  int page;                 /* 0-based */
  int x, y, width, height;  /* text: y is the baseline, height the ascent+descent */
  StyleId style;            /* text boxes */
  int story;                /* index of the article, -1 for page furniture */
  PangoLayout *layout;      /* text: owned reference */
  int line_index;           /* text: line within layout */
  int expansion;            /* text: glyph expansion in thousandths, drawn as a horizontal scale */
  int start_index, length;  /* text: the bytes of the layout's text drawn ... */
  bool partial;             /* ... when only part of the line is (typeset.h) */
  PangoLayout *hyphen;      /* text: drawn after it, NULL for none (the layout keeps it) */
  int rule_width;           /* rules: stroke width */
  bool cutoff;              /* rules: a cutoff between stories (see extracthint.h) */
  Image *image;             /* images: owned reference */
  struct Artwork *artwork;  /* artwork: owned reference */
  bool cover;               /* artwork: fill the box, cropped, rather than fit inside it */
  double focus_x, focus_y;  /* artwork: the point kept in view when cropping, 0..1 */
  double tint;              /* fills */
  char *name;               /* links, destinations, regions: owned */
  char *text;               /* text, once its layout is released: the line's text, owned */
} Box;

typedef struct DisplayList DisplayList;

DisplayList *display_list_new(int page_width, int page_height);
void display_list_free(DisplayList *list);

/* Starts a new page and returns its index. */
int display_list_add_page(DisplayList *list);
int display_list_page_count(const DisplayList *list);
int display_list_page_width(const DisplayList *list);
int display_list_page_height(const DisplayList *list);

void display_list_add_text(DisplayList *list, int page, int story, StyleId style,
                           PangoLayout *layout, int line_index, int x, int baseline,
                           int width, int ascent, int descent);
/* A range of bytes [start_index, start_index + length) of a layout's line,
 * as the composer sets lines (length 0: the whole line). */
void display_list_add_text_range(DisplayList *list, int page, int story, StyleId style,
                                 PangoLayout *layout, int line_index, int start_index, int length,
                                 int x, int baseline, int width, int ascent, int descent);
/* A rule from (x0,y0) to (x1,y1); horizontal or vertical. */
void display_list_add_rule(DisplayList *list, int page, int x0, int y0, int x1, int y1,
                           int stroke);
/* A horizontal cutoff rule between stories at y. */
void display_list_add_cutoff_rule(DisplayList *list, int page, int x0, int x1, int y, int stroke);
/* The gutter between two columns of text, at x from y0 to y1 (a BOX_GUTTER,
 * for extracthint.h); stroke: that of the column rule drawn there, 0 for none. */
void display_list_add_gutter(DisplayList *list, int page, int x, int y0, int y1, int stroke);
/* image NULL draws a grey placeholder. Takes a new reference. */
void display_list_add_image(DisplayList *list, int page, int story, Image *image,
                            int x, int y, int width, int height);

/* Edition furniture: tints, artwork, links, destinations, marks, regions.
 * Each returns the new box for its optional fields (valid until the next add). */
Box *display_list_add_box(DisplayList *list, BoxKind kind, int page, int story, int x, int y,
                          int width, int height);
void display_list_add_artwork(DisplayList *list, int page, int story, struct Artwork *artwork,
                              int x, int y, int width, int height, bool cover, double focus_x,
                              double focus_y);

/* PDF page labels ("A1"); NULL when the page has none. */
void display_list_set_page_label(DisplayList *list, int page, const char *label);
const char *display_list_page_label(const DisplayList *list, int page);

/* Reorders the boxes page by page, keeping their order within a page
 * (for boxes added to earlier pages after later ones, such as jump lines). */
void display_list_sort_pages(DisplayList *list);

/* Moves src's pages and boxes to the end of list; src is left empty. */
void display_list_append(DisplayList *list, DisplayList *src);

/* A new list holding page `page` alone (with its own references), whose
 * boxes come in a run from box first: a page to draw on another thread
 * while the flow goes on adding to list. */
DisplayList *display_list_copy_page(const DisplayList *list, int page, unsigned first);

/* Pages already drawn give up their shaped text, keeping each line's text
 * and place: text boxes of pages up to last_page lose their layout (NULL)
 * and hyphen, and display_list_box_text() reads the copy. Boxes must come
 * page by page, as the continuous flow adds them. A long run so never
 * holds more than a few pages of glyphs. */
void display_list_release_pages(DisplayList *list, int last_page);

unsigned display_list_box_count(const DisplayList *list);
const Box *display_list_box(const DisplayList *list, unsigned index);

/* The text of a text box's line (caller frees). */
char *display_list_box_text(const Box *box);

/* Stories: titles and authors, recorded for the PDF's metadata. */
void display_list_set_metadata(DisplayList *list, const char *title, const char *author);
const char *display_list_title(const DisplayList *list);
const char *display_list_author(const DisplayList *list);

/* The display list as JSON, for tests and tools (caller frees). */
char *display_list_to_json(const DisplayList *list);

#endif
