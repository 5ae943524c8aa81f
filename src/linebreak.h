/* linebreak.h — total-fit line breaking (Knuth and Plass, "Breaking
 * Paragraphs into Lines", 1981), the algorithm of TeX.
 *
 * Pure arithmetic on boxes, glue and penalties in Pango units: no text, no
 * fonts, so it is tested on its own. The caller (typeset.c) measures shaped
 * text into items and sets the chosen lines. */
#ifndef GALLEY_LINEBREAK_H
#define GALLEY_LINEBREAK_H

#include <glib.h>
#include <stdbool.h>

#define BREAK_INFINITY 10000   /* a penalty this high forbids a break; minus it forces one */

typedef enum { BREAK_BOX, BREAK_GLUE, BREAK_PENALTY } BreakKind;

typedef struct {
  BreakKind kind;
  int width;             /* Pango units */
  int stretch, shrink;   /* glue only; BREAK_FILL stretch for the last line */
  int penalty;           /* penalty only */
  bool flagged;          /* penalty only: a hyphen */
  int protrusion;        /* glue, penalty: how far a line ending here may hang past the measure */
  int hang_next;         /* glue: how far the line after a break here may hang left of it */
} BreakItem;

#define BREAK_FILL (1 << 28)

typedef struct {
  int first_width, other_width;   /* measure of the first line and of the rest */
  int narrow_lines, narrow_width; /* the first narrow_lines lines have this measure (a drop cap) */
  int tolerance;           /* highest badness accepted (TeX's \tolerance) */
  int line_penalty;        /* added to every line's badness (TeX's \linepenalty) */
  int hyphen_demerits;     /* two hyphenated lines in a row (\doublehyphendemerits) */
  int final_hyphen_demerits;   /* the second-last line hyphenated (\finalhyphendemerits) */
  int fitness_demerits;    /* adjacent lines of very different tightness (\adjdemerits) */
  int max_hyphen_run;      /* never more hyphenated lines in a row than this */
  bool allow_overfull;     /* emergency: accept lines that cannot shrink enough */
  int lines;               /* exactly this many lines (as TeX's \looseness asks), 0: the best */
  int river_demerits;      /* a word space lined up with one on the line above costs this plus
                              its line's own demerits, per river_overlap of white they share;
                              three times that when the line above that shares it (0: rivers
                              are not looked for) */
  int river_overlap;       /* how much white two spaces must share to line up */
  int short_last_width;    /* a last line narrower than this (a stub, shorter than the next
                              paragraph's indent and more) ... */
  int short_last_demerits; /* ... costs this (0: allowed) */
} BreakParams;

void linebreak_default_params(BreakParams *params, int first_width, int other_width);

/* Chooses breaks minimising total demerits. Returns the indices of the
 * items at which lines end, the last being the final forced break, or NULL
 * when no set of breaks meets the tolerance. Caller frees (g_array_unref). */
/* With params->lines, ways to end a line in different line counts are kept
 * apart, and the result has exactly that many lines, or is NULL when no
 * feasible breaking has. */
GArray *linebreak_total_fit(const BreakItem *items, unsigned count, const BreakParams *params);

#endif
