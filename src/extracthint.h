/* extracthint.h — hints in a PDF for text extractors' reading order.
 *
 * pdftotext (poppler's TextOutputDev) orders a page's text by geometry
 * alone: it groups lines into blocks, and four blocks in a 2 x 2 grid whose
 * edges line up are a table to it, read row by row with the whole table
 * placed where its top row is. Two stories stacked in the columns beside a
 * headline narrower than the page are such a grid, so it read the lower
 * story's columns there before its own headline. A cutoff rule, the
 * separation a reader sees, is a graphic it ignores. galley therefore
 * gives every cutoff rule an invisible text twin: a word that extractors
 * read as white space (/ActualText of two spaces) reaching from one end of
 * the rule to the other. Its glyph, white, lies under the rule's stroke,
 * so nothing changes on the page.
 *
 * Columns side by side are the same trap across: lines on one baseline
 * grid, in slots side by side or in neighbouring columns, line up into
 * rows of a table, and a block with nothing beside it spreads over the
 * column next to it. What keeps two columns apart for pdftotext is a
 * block between them, as tall as they are: every gutter (BOX_GUTTER)
 * gets words that read as white space stacked down its length, a hairline
 * wide, white, under its column rule when it has one. */
#ifndef GALLEY_EXTRACTHINT_H
#define GALLEY_EXTRACTHINT_H

#include <cairo.h>

#include "displaylist.h"

/* The face the hints are drawn in, at the size they need: the face of the
 * first line of text in the list (NULL when there is none). Caller
 * destroys. */
cairo_scaled_font_t *extracthint_font(const DisplayList *list);

/* The same face loaded again as a face of its own, for hints that need
 * no /ActualText, which Ghostscript 10.00 drops (PDF/X): each hint is then
 * one glyph that no character maps to, stretched from one end of the hint
 * to the other and mapped to two spaces in its font subset's ToUnicode,
 * hidden under the rule or the photo like the others. NULL when the face
 * has no file or no such glyph. Caller destroys. */
cairo_scaled_font_t *extracthint_font_without_actualtext(const DisplayList *list);

/* The separators of the cutoff rules among boxes [first, end) of list
 * (one page's), collinear rules side by side joined; call before drawing
 * the rules. */
void extracthint_story_breaks(cairo_t *cr, cairo_scaled_font_t *font, const DisplayList *list,
                              unsigned first, unsigned end);

/* The hints of the gutters among boxes [first, end) of list (one page's):
 * words of a size pdftotext joins to no text, photo or other gutter's
 * words near them, stacked close enough to make one block per gutter. In
 * the form without /ActualText only gutters with a rule get them: that
 * form's glyphs come out black (see extracthint_font_without_actualtext). */
void extracthint_column_breaks(cairo_t *cr, cairo_scaled_font_t *font, const DisplayList *list,
                               unsigned first, unsigned end);

/* The hints of the tables' rows among boxes [first, end): a word that reads
 * as white space across each gap between two cells of a row, at their
 * size, so that pdftotext makes the row one line and reads the table row
 * after row, not column after column. None in the form without
 * /ActualText. */
void extracthint_table_rows(cairo_t *cr, cairo_scaled_font_t *font, const DisplayList *list,
                            unsigned first, unsigned end);

/* Draws the hint for a photo at (x, y), width x height points; call
 * before drawing the photo, which covers it. */
void extracthint_photo(cairo_t *cr, cairo_scaled_font_t *font, double x, double y, double width,
                       double height);

#endif
