/* typeset.h — sets one paragraph (or headline, caption...) with Pango.
 *
 * Composition's only door to Pango's shaping and line breaking. A style from
 * the layout becomes a PangoFontDescription and attributes; inline emphasis
 * becomes attributes over byte ranges. Lines are then read back with their
 * metrics in Pango units, ready to be placed by the flow. Nothing is drawn. */
#ifndef GALLEY_TYPESET_H
#define GALLEY_TYPESET_H

#include <pango/pango.h>

#include "model.h"

typedef struct Typesetter Typesetter;

/* Borrows map and layout for the typesetter's lifetime. */
Typesetter *typesetter_new(PangoFontMap *map, const Layout *layout);
void typesetter_free(Typesetter *ts);

/* Why Pango, not the composer, broke a justified paragraph's lines. */
typedef enum {
  TYPESET_FALLBACK_NONE,            /* composed, or not justified (Pango's by design) */
  TYPESET_FALLBACK_RIGHT_TO_LEFT,   /* right-to-left or bidirectional text */
  TYPESET_FALLBACK_UNSPACED,        /* a script that does not space its words (CJK, Thai) */
  TYPESET_FALLBACK_LINE_BREAKS,     /* the text breaks its own lines */
  TYPESET_FALLBACK_NO_BREAKS        /* no pass of the composer found breaks */
} TypesetFallback;

/* "right-to-left text" and so on, for messages. */
const char *typeset_fallback_reason(TypesetFallback fallback);

typedef struct {
  StyleId style;
  int width;                /* Pango units; the measure */
  const char *language;     /* ISO 639-1 or NULL for the style's/none */
  bool indent_first_line;   /* apply the style's first-line indent */
  const char *lead_in;      /* typeset_paragraph: dateline run in before the text, or NULL */
  Alignment align;          /* used when override_align is set */
  bool override_align;
  int size;                 /* Pango units; 0 = the style's size */
  int lines;                /* typeset_paragraph: exactly this many lines (TeX's \looseness), 0: best */
  int hang_lines, hang_width;   /* typeset_paragraph: the first lines set this much narrower,
                                   to the right of a drop cap */
  TypesetFallback *fallback;    /* typeset_paragraph sets it when not NULL */
} TypesetRequest;

/* Sets rich text. Caller owns the returned layout (g_object_unref). */
PangoLayout *typeset_rich(Typesetter *ts, const TypesetRequest *request, const RichText *text);

/* Sets plain text in one style. */
PangoLayout *typeset_plain(Typesetter *ts, const TypesetRequest *request, const char *text);

typedef struct {
  int x, width;          /* logical extents relative to the layout's left edge */
  int ascent, descent;   /* logical, from the baseline, both positive */
  int ink_ascent, ink_descent;   /* how far the glyphs really reach */
  int start_index, length;   /* bytes of the layout's text */
} TypesetLine;

/* Every line's metrics. Caller owns the array (g_array_unref). */
GArray *typeset_lines(PangoLayout *layout);

/* The widths of text set on one line, and of its widest word (Pango units). */
void typeset_measure(Typesetter *ts, const TypesetRequest *request, const RichText *text,
                     int *natural_width, int *widest_word);

/* One line of a set paragraph: a line of a layout, or a range of one
 * (metrics.start_index and length). */
typedef struct {
  PangoLayout *layout;   /* owned reference */
  int line_index;
  TypesetLine metrics;   /* x includes the first line's indent */
  bool hyphenated;       /* ends with a hyphen, added or the word's own */
} SetLine;

/* A set line may be a range of bytes of a layout's line (SetLine.metrics
 * start_index and length): the composer sets a paragraph's lines as ranges
 * of the paragraph shaped once. For the line or range starting at byte
 * start_index: its glyph expansion in thousandths (0: none; drawn scaled
 * horizontally by 1 + expansion / 1000), and the hyphen layout drawn after
 * it (NULL: none; the layout keeps it). */
int typeset_line_expansion(PangoLayout *layout, int start_index);
PangoLayout *typeset_line_hyphen(PangoLayout *layout, int start_index);

/* The glyphs [*first, *last) of a run whose text lies in bytes [start,
 * end): one span, found by bisection rather than by looking at every glyph
 * of a paragraph's run for each of its lines. */
void typeset_glyph_span(const PangoGlyphItem *run, int start, int end, int *first, int *last);

/* The fonts layouts draw with, held for drawing on another thread. A
 * layout set on one thread may be drawn on another while the first goes on
 * shaping with the same fonts: each font's cairo font is made when the
 * layout is added, so drawing only reads it, and no font is finalized
 * under the other thread (storypool.c, pdfdoc.c).
 *
 * With warm_glyphs, adding a layout also loads the metrics of its glyphs
 * into the cairo fonts a PDF page draws them with (a line's glyph
 * expansion makes a font of its own), and holds those too. Loading a
 * glyph parses its outline; done on the setting threads, it is off the
 * drawing thread, which every page waits for. */
typedef struct TypesetFontHold TypesetFontHold;
TypesetFontHold *typeset_font_hold_new(bool warm_glyphs);
void typeset_font_hold_add(TypesetFontHold *hold, PangoLayout *layout);
void typeset_font_hold_free(TypesetFontHold *hold);

/* Text a reader's copy-and-paste should get for a layout drawn as other
 * glyphs (a drop cap drawn "T" reads "The"); NULL when the layout's own. */
void typeset_set_actual_text(PangoLayout *layout, const char *text);
const char *typeset_actual_text(PangoLayout *layout);
/* Bytes at the start of a one-line layout whose glyphs carry no text (the
 * rest of a drop cap's word, read with the drop cap). */
void typeset_set_silent_prefix(PangoLayout *layout, int bytes);
int typeset_silent_prefix(PangoLayout *layout);

/* Sets a paragraph into lines of request->width. Justified text in scripts
 * that space their words goes through the total-fit composer (linebreak.h),
 * which may break at the HyphenPoints (hyphenate.h) given (NULL: none)
 * and draws every line with its own word spacing, flush to both edges.
 * Other text is broken by Pango. With request->lines, the composer sets
 * the paragraph in exactly that many lines, as TeX's \looseness asks, or
 * NULL is returned when it cannot within its tolerances. Caller owns the array (g_array_unref releases the
 * layouts). */
GArray *typeset_paragraph(Typesetter *ts, const TypesetRequest *request, const RichText *text,
                          const GArray *hyphen_points);

/* The first character no font could draw, or 0. */
gunichar typeset_first_unknown_char(PangoLayout *layout);

/* The style's leading in Pango units (baseline to baseline). */
int typeset_leading(const Typesetter *ts, StyleId style);

#endif
