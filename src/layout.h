/* layout.h — the layout (page template) reader.
 *
 * A layout file is YAML: page size, margins, columns, gutter, baseline grid,
 * rules, and named paragraph styles. Every style has a built-in default, so a
 * layout names only what it changes. Unknown keys are errors with a
 * suggestion, because a misspelt key silently ignored is a page set wrong.
 * Lengths accept pt, mm, cm, in, pc ("1p6" = 1 pica 6 points), bare numbers
 * are points. The reader checks the geometry (margins inside the page,
 * columns at least 3 ems of body text wide). */
#ifndef GALLEY_LAYOUT_H
#define GALLEY_LAYOUT_H

#include "model.h"

Layout *layout_read_file(const char *path, GError **error);
Layout *layout_read_buffer(const char *path, const char *data, size_t len, GError **error);

/* Parses a length such as "12pt", "3mm", "0.5in", "1p6" into Pango units.
 * Returns false when text is not a length. */
bool layout_parse_length(const char *text, int *units);

#endif
