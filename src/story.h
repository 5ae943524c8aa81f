/* story.h — an article set in type, ready to be placed.
 *
 * A Story is the article's elements already broken into lines: the head
 * block (headline, deck, byline, date) across the headline's span, the
 * photo with caption and credit, and the body as a sequence of one-grid-row
 * items. Every body item takes exactly one row of the baseline grid (plus
 * optional whole rows of space before it, dropped at a column's head), so the
 * flow can place, split and balance them by counting rows. */
#ifndef GALLEY_STORY_H
#define GALLEY_STORY_H

#include <pango/pango.h>

#include "diag.h"
#include "hyphenate.h"
#include "image.h"
#include "model.h"
#include "typeset.h"

/* One line of type, positioned relative to the element that holds it. */
typedef struct {
  PangoLayout *layout;   /* borrowed from the story */
  int line_index;
  StyleId style;
  int x;                 /* from the element's left edge */
  int baseline;          /* head pieces: from the block's top; body pieces: unused */
  int width, ascent, descent;
  int start_index, length;   /* a range of the line's bytes (typeset.h); length 0: the whole line */
} LinePiece;

typedef enum { ITEM_RULE_NONE, ITEM_RULE_MIDDLE, ITEM_RULE_BELOW, ITEM_RULE_ABOVE } ItemRule;

/* What a column break after a body item costs (flow.c weighs them). */
#define BREAK_COST_HYPHEN 100          /* a word hyphenated across columns */
#define BREAK_COST_WIDOW_ORPHAN 2000   /* a paragraph's line alone at a column's head or foot */

typedef struct {
  int space_before;      /* whole grid rows, dropped at a column top */
  int break_cost;        /* of a column break after this item: BREAK_COST_* summed */
  bool keep_with_next;   /* avoid a column break after this item (break_cost > 0) */
  bool keep_firmly;      /* never break after this item (crosshead, table row) */
  ItemRule rule;
  unsigned first_piece, piece_count;   /* into Story.body_pieces */
} BodyItem;

typedef struct StoryParagraph StoryParagraph;

typedef struct {
  int index;             /* the article's position in the run */
  bool right_to_left;    /* columns run right to left (Arabic, Hebrew...) */
  const Article *article;    /* borrowed */
  GPtrArray *layouts;    /* PangoLayout*, owned: every piece points into one */
  GArray *head_pieces;   /* LinePiece; baselines from the head block's top */
  int head_height;       /* Pango units, to the last head line's descent */
  int head_columns;      /* columns the head spans */
  Image *photo;          /* NULL when none, or when it could not be read */
  bool photo_placeholder;    /* the article names a photo that could not be read */
  int photo_columns;
  int photo_width, photo_height;   /* Pango units, aspect kept */
  GArray *photo_pieces;  /* LinePiece: caption and credit, baselines from the photo's bottom */
  int photo_block_height;    /* photo + caption + credit, Pango units */
  GArray *pullquote_pieces;  /* LinePiece, baselines from the pull quote's top; empty: none */
  int pullquote_rows;        /* grid rows it takes, its rules' air included */
  int pullquote_column, pullquote_columns;   /* the columns it spans */
  GArray *body_pieces;   /* LinePiece */
  GArray *body_items;    /* BodyItem */
  GPtrArray *paragraphs; /* StoryParagraph: body paragraphs that may be set anew */
} Story;

/* Sets an article. Warnings (unreadable photo, characters no font has)
 * go to log. Caller owns the result. */
Story *story_build(Typesetter *ts, Hyphenator *hyphenator, const Layout *layout,
                   const Article *article, int index, DiagLog *log);
void story_free(Story *story);

/* The language a style's text of the article is hyphenated in: the
 * article's own, else the style's (NULL: none). */
const char *story_text_language(const Article *article, const Layout *layout, StyleId style);

/* Body paragraphs the flow may set a line longer or shorter to balance
 * columns (TeX's \looseness), numbered in story order. */
unsigned story_paragraph_count(const Story *story);
/* Where paragraph p's lines are in the story's own body_items. */
void story_paragraph_items(const Story *story, unsigned p, unsigned *first_item,
                           unsigned *item_count);
/* Paragraph p set in looseness lines more (or fewer) than it was set in,
 * as body items whose pieces are added to the story, with the same keeps;
 * NULL when it cannot be set so within the composer's tolerances. Caller
 * frees the array. */
GArray *story_paragraph_variant(Story *story, Typesetter *ts, const Layout *layout, unsigned p,
                                int looseness);

/* The article line a story's layout was set from, 0 when unknown: proof
 * reports (galley check) name it for a line found in the display list. */
int story_layout_source_line(PangoLayout *layout);

/* Width of a span of n columns (0 = all) in Pango units. */
int story_span_width(const Layout *layout, int columns);

#endif
