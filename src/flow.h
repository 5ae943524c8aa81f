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
#include "galley_limits.h"
#include "story.h"
#include "typeset.h"

typedef struct Flow Flow;

/* Borrows layout and ts until flow_finish. */
Flow *flow_new(const Layout *layout, Typesetter *ts, const char *publication);

/* Called with each page as soon as nothing more will be added to it (the
 * last one from flow_finish), so that it can be drawn while the flow goes
 * on. */
typedef void (*FlowPageDone)(DisplayList *list, int page, void *data);
void flow_on_page_done(Flow *flow, FlowPageDone done, void *data);

/* True when the story can start on the current page: its head, photo and
 * a few body lines fit in the space left. */
bool flow_story_fits(const Flow *flow, const Story *story);

/* True when the current page has room a later story could fill: a page
 * is open and something is on it already. */
bool flow_has_hole_to_fill(const Flow *flow);

/* Places a story after the previous one (on a new page unless it fits). The story must outlive the flow's
 * display list only as far as its layouts go: boxes keep references. */
void flow_place_story(Flow *flow, Story *story);

/* Frames: one story's body in one rectangle of a page (an edition's slot).
 * frame is a layout whose margins give the rectangle, with its own columns,
 * gutter and baseline pitch; columns give each column's first grid
 * row (below a head or photo) and an optional hole for an inset, rows the rectangle's depth in rows. The body
 * from item `from` is balanced when the rest fits, else the columns are
 * filled to the foot. No page is added. Both return the first item not
 * placed. measure draws nothing; lowest_foot gets the foot row of the
 * shortest column. */
typedef struct {
  int top[GALLEY_MAX_COLUMNS];        /* first grid row of each column */
  int hole_at[GALLEY_MAX_COLUMNS];    /* an inset in the column: rows below its top ... */
  int hole_rows[GALLEY_MAX_COLUMNS];  /* ... and rows it takes (0: none); text runs around it */
} FlowColumns;

unsigned flow_frame_measure(const Layout *frame, const Story *story, unsigned from,
                            const FlowColumns *columns, int rows, int *lowest_foot);
unsigned flow_fill_frame(DisplayList *list, int page, const Layout *frame, const Story *story,
                         unsigned from, const FlowColumns *columns, int rows, int *column_bottom);

/* Returns the display list (caller owns) and frees the flow. */
DisplayList *flow_finish(Flow *flow);

#endif
