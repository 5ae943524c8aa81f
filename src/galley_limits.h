/* galley_limits.h — every hard limit of galley in one place, each with its reason.
 *
 * Inputs beyond these are refused with a clear error rather than allowed to
 * exhaust memory or time. Keep them generous: they exist to stop hostile
 * input, not to constrain real newspapers. */
#ifndef GALLEY_GALLEY_LIMITS_H
#define GALLEY_GALLEY_LIMITS_H

/* An article or layout file larger than this is almost certainly not one. */
#define GALLEY_MAX_INPUT_BYTES (64u * 1024u * 1024u)

/* The text of all the articles of one run: memory grows with the text set
 * (about 75 bytes per byte of body text, README "Limits"), so this bounds a
 * run near 5 GB. */
#define GALLEY_MAX_RUN_TEXT_BYTES (64u * 1024u * 1024u)

/* Threads one run sets stories on (-j): each holds its own fonts. */
#define GALLEY_MAX_THREADS 64

/* YAML nesting deeper than this is refused: real layouts nest 3 levels. */
#define GALLEY_MAX_YAML_DEPTH 32

/* YAML nodes per document; a layout has a few hundred. */
#define GALLEY_MAX_YAML_NODES 100000

/* Markdown container nesting (quotes in lists in quotes...). */
#define GALLEY_MAX_BLOCK_DEPTH 16

/* Pages in one output document. */
#define GALLEY_MAX_PAGES 10000

/* Decoded image size; larger images are treated as unreadable (decompression bombs). */
#define GALLEY_MAX_IMAGE_PIXELS (100u * 1000u * 1000u)

/* Columns in a layout: beyond 24 a page stops being a newspaper page. */
#define GALLEY_MAX_COLUMNS 24

/* Columns narrower than this many ems of the body size cannot hold words. */
#define GALLEY_MIN_COLUMN_EMS 3.0

/* Photos are embedded at no more than this resolution at their printed size. */
#define GALLEY_MAX_IMAGE_PPI 300.0

#endif
