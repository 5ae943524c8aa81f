/* slotset.h — one story set into one slot of an edition page.
 *
 * A slot frame is the slot's rectangle as a layout of its own: its margins
 * are the rectangle, its columns the slot's (or a bastard measure with its
 * own gutter), its headline sizes the slot's, with a typesetter for it. A
 * story built for the frame (story.h) is placed in it: head across the
 * slot, photo (cropped to its area) with credit and caption, and the body
 * in the frame's columns through flow.h's frame API. What does not fit is
 * left for a jump: the foot row is then kept free for the jump line. */
#ifndef GALLEY_SLOTSET_H
#define GALLEY_SLOTSET_H

#include "artwork.h"
#include "displaylist.h"
#include "hyphenate.h"
#include "pagekind.h"
#include "story.h"

typedef struct SlotFrame SlotFrame;

/* x, width: the slot on the page; top: its first grid row's top; rows: its
 * depth in rows (Pango units and grid rows of the page layout). */
SlotFrame *slotframe_new(const Layout *page, PangoFontMap *map, const Slot *slot, int x, int top,
                         int width, int rows);
void slotframe_free(SlotFrame *frame);
const Layout *slotframe_layout(const SlotFrame *frame);
Typesetter *slotframe_typesetter(SlotFrame *frame);
/* True when lines set for the page's columns fit this frame's columns (a
 * continuation, set for another slot, can go here). */
bool slotframe_on_page_grid(const SlotFrame *frame, const Layout *page);

typedef struct {
  Artwork *artwork;         /* NULL: a grey placeholder naming missing */
  const char *missing;      /* file name shown on the placeholder */
  const char *caption, *credit;
  double focus_x, focus_y;  /* the point kept in view when cropping (0..1) */
} SlotPhoto;

/* A photo (head shot) or pull quote in one of the story's text columns: at
 * its head (the column's text starts under it) or `line` rows down (the
 * text runs above and below it); the other columns run beside it. */
typedef struct {
  int column;               /* 0-based text column of the frame */
  int line;                 /* rows below the column's top; 0: at its head */
  Artwork *artwork;         /* a photo, or NULL with missing set: a placeholder */
  const char *missing;
  const char *caption, *credit;
  int lines;                /* photo depth in grid lines; 0: from its aspect */
  const char *quote;        /* a pull quote instead of a photo */
} SlotInset;

typedef struct {
  unsigned next;            /* first body item not placed */
  int rows_used;            /* deepest row reached */
  int jump_x, jump_baseline, jump_width;   /* the jump line's place, when next < items */
  int head_x, head_y;       /* the head's top left, for links to it */
  char *fit_report;         /* what copy-fitting changed, or NULL (caller frees) */
} SlotResult;

/* Rows a story needs at least: its head, its photo and three body lines. */
bool slotset_can_start(SlotFrame *frame, const Story *story, bool with_photo);

/* Copy-fitting's tracking: the body's letter spacing in this frame (Pango
 * units, may be negative). Stories built for the frame afterwards use it. */
void slotframe_set_tracking(SlotFrame *frame, int letter_spacing);

/* True when the slot's copy-fitting (leading, photo depth) can make the
 * whole story fill the slot, every column to its foot. */
bool slotset_fills(SlotFrame *frame, const Story *story, const SlotPhoto *photo, const SlotInset *inset);

/* True when the whole story fits the slot as it is; rows_left (may be
 * NULL) gets the rows its shortest column leaves empty. */
bool slotset_fits(SlotFrame *frame, const Story *story, const SlotPhoto *photo, int *rows_left);

/* Places story (built for this frame) on page of list. photo may be NULL.
 * With may_jump, a story that does not fit keeps the foot row for its jump
 * line. With the slot's `fit`, the leading (within 3 %) and the photo depth
 * (by whole rows, up to 4) are adjusted so the story fills the slot. */
SlotResult slotset_place(SlotFrame *frame, DisplayList *list, int page, const Story *story,
                         const SlotPhoto *photo, const SlotInset *inset, bool may_jump);

/* Words in body items [from, to) of a story. */
unsigned slotset_count_words(const Story *story, unsigned from, unsigned to);

#endif
