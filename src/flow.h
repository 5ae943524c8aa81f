/* flow.h — places stories on pages: continuous flow.
 *
 * Stories are placed one after another. Each story's head block spans its
 * columns, its photo sits under the head, and its body runs down the columns
 * on the baseline grid, from column to column and page to page ("place,
 * then continue": what does not fit on a page continues on the next). When
 * the rest of a story fits on the page its columns are balanced: they end on
 * the same grid row, or one row apart. Pages are added as needed, so nothing
 * is ever overset in this mode. */
#ifndef GALLEY_FLOW_H
#define GALLEY_FLOW_H

#include "diag.h"
#include "displaylist.h"
#include "story.h"
#include "typeset.h"

typedef struct Flow Flow;

/* Borrows layout and ts until flow_finish. */
Flow *flow_new(const Layout *layout, Typesetter *ts, const char *publication);

/* True when the story can start on the current page: its head, photo and
 * a few body lines fit in the space left. */
bool flow_story_fits(const Flow *flow, const Story *story);

/* Places a story after the previous one (on a new page unless it fits). The story must outlive the flow's
 * display list only as far as its layouts go: boxes keep references. */
void flow_place_story(Flow *flow, Story *story);

/* Returns the display list (caller owns) and frees the flow. */
DisplayList *flow_finish(Flow *flow);

#endif
