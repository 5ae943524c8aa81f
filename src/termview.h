/* termview.h — pictures in a terminal.
 *
 * The portable way is Unicode half blocks (U+2580) in 24-bit colour: each
 * character cell shows two pixels, one above the other, so it works in any
 * modern terminal and over SSH. The kitty and sixel graphics protocols show
 * the page at full resolution, but only a terminal that answers the
 * matching query (kitty's graphics query; a DA1 reply listing 4 for sixel)
 * gets them: a terminal that does not would print garbage. */
#ifndef GALLEY_TERMVIEW_H
#define GALLEY_TERMVIEW_H

#include <cairo.h>
#include <stdbool.h>
#include <stdio.h>

typedef enum { TERM_BLOCKS, TERM_KITTY, TERM_SIXEL } TermGraphics;

typedef struct {
  int columns, rows;            /* character cells */
  int cell_width, cell_height;  /* pixels per cell, 0 when unknown */
} TermSize;

/* The terminal's size from fd, else standard error or /dev/tty, else
 * $COLUMNS/$LINES, else 80x24. */
TermSize termview_size(int fd);

/* Asks the terminal on /dev/tty what it can show; TERM_BLOCKS when it
 * does not answer within a moment or is not a terminal. */
TermGraphics termview_detect(void);

/* The pixel size a picture may have to fill cols x rows cells. */
void termview_pixels(TermGraphics graphics, const TermSize *size, int cols, int rows,
                     int *width, int *height);

/* Writes an RGB24 image surface to out: half blocks, or a graphics
 * protocol image occupying the cells its pixels need. */
void termview_write(FILE *out, cairo_surface_t *image, TermGraphics graphics, const TermSize *size);

#endif
