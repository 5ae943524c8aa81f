/* flow.c — continuous flow of stories into columns and pages.
 *
 * Vertical positions are counted in rows of the baseline grid, from the top
 * of the text area (the live area below the folio). Row r's baseline is at
 * grid_top + r * pitch + baseline_offset. Each story segment on a page has a
 * top row per column (below the head and photo where they span that column);
 * column_fill() puts body items into columns down to a bottom row, and
 * balance_segment() searches the lowest bottom row (and how many of the
 * right-hand columns may end a row earlier) that takes all remaining items. */
#include "flow.h"

#include <string.h>

#include "galley_limits.h"

#define MIN_BODY_ROWS 3    /* a story starts on a page only with this much body room */
#define BALANCE_WINDOW 4   /* rows below the first full fit tried for a better one */

struct Flow {
  const Layout *layout;
  Typesetter *ts;
  DisplayList *list;
  char *publication;
  int page;             /* current page, -1 before the first */
  int row;              /* next free row on the page */
  int rows_per_page;
  int grid_top;         /* Pango units from the page top */
  int pitch;
  int baseline_offset;  /* from a row's top to its baseline */
  FlowPageDone page_done;   /* NULL: none */
  void *page_done_data;
};

typedef struct {
  int top[GALLEY_MAX_COLUMNS];      /* first row of each column */
  int hole_top[GALLEY_MAX_COLUMNS], hole_rows[GALLEY_MAX_COLUMNS];   /* a pull quote's rows */
  int bottom[GALLEY_MAX_COLUMNS];   /* one past the last row used */
  unsigned start[GALLEY_MAX_COLUMNS], end[GALLEY_MAX_COLUMNS];   /* item ranges */
} Segment;

static int folio_rows(const Layout *layout)
{
  return layout->folio ? 2 : 0;
}

/* From a grid row's top to the baseline of body text set on it. */
static int baseline_offset_for(const Layout *layout)
{
  int size = layout->styles[STYLE_BODY].size;
  return layout->baseline - (layout->baseline - size) / 2 - size * 22 / 100;
}

Flow *flow_new(const Layout *layout, Typesetter *ts, const char *publication)
{
  Flow *flow = g_new0(Flow, 1);
  flow->layout = layout;
  flow->ts = ts;
  flow->list = display_list_new(layout->page_width, layout->page_height);
  flow->publication = g_strdup(publication ? publication : "");
  flow->page = -1;
  flow->pitch = layout->baseline;
  flow->grid_top = layout->margin_top + folio_rows(layout) * flow->pitch;
  flow->rows_per_page = (layout_live_height(layout) - folio_rows(layout) * flow->pitch) / flow->pitch;
  flow->baseline_offset = baseline_offset_for(layout);
  return flow;
}

static int row_top(const Flow *flow, int row)
{
  return flow->grid_top + row * flow->pitch;
}

static int row_baseline(const Flow *flow, int row)
{
  return row_top(flow, row) + flow->baseline_offset;
}

/* Left edge of a story's column c: stories in right-to-left scripts run
 * their columns from the right. */
static int story_column_x(const Flow *flow, const Story *story, int c)
{
  int column = story->right_to_left ? flow->layout->columns - 1 - c : c;
  return layout_column_x(flow->layout, column);
}

/* Left edge of an element spanning the story's first `columns` columns. */
static int story_span_x(const Flow *flow, const Story *story, int columns)
{
  const Layout *layout = flow->layout;
  if (!story->right_to_left)
    return layout->margin_left;
  return layout->margin_left + layout_live_width(layout) - story_span_width(layout, columns);
}

/* ---- pages and folios ------------------------------------------------------ */

static void place_folio_text(Flow *flow, const char *text, Alignment align)
{
  const Layout *layout = flow->layout;
  TypesetRequest request = { .style = STYLE_FOLIO, .width = layout_live_width(layout),
                             .override_align = true, .align = align };
  PangoLayout *folio = typeset_plain(flow->ts, &request, text);
  GArray *lines = typeset_lines(folio);
  TypesetLine *line = &g_array_index(lines, TypesetLine, 0);
  int baseline = layout->margin_top + flow->pitch - flow->pitch / 4;
  display_list_add_text(flow->list, flow->page, -1, STYLE_FOLIO, folio, 0,
                        layout->margin_left + line->x, baseline, line->width, line->ascent,
                        line->descent);
  g_array_unref(lines);
  g_object_unref(folio);   /* the display list holds its own reference */
}

/* The folio is drawn when its page is finished, so that a story's text
 * runs on unbroken in drawing order from one page to the next. */
static void finish_page(Flow *flow)
{
  const Layout *layout = flow->layout;
  if (flow->page < 0 || !layout->folio)
    return;
  char *number = g_strdup_printf("Page %d", flow->page + 1);
  place_folio_text(flow, flow->publication, ALIGN_LEFT);
  place_folio_text(flow, number, ALIGN_RIGHT);
  g_free(number);
  int rule_y = layout->margin_top + flow->pitch;
  display_list_add_rule(flow->list, flow->page, layout->margin_left, rule_y,
                        layout->margin_left + layout_live_width(layout), rule_y, layout->rule_width);
}

/* Nothing is added to a page once the next one starts. */
static void end_page(Flow *flow)
{
  finish_page(flow);
  if (flow->page >= 0 && flow->page_done)
    flow->page_done(flow->list, flow->page, flow->page_done_data);
}

static void start_page(Flow *flow)
{
  end_page(flow);
  flow->page = display_list_add_page(flow->list);
  flow->row = 0;
}

/* ---- head block and photo ---------------------------------------------------- */

static void place_pieces(Flow *flow, const Story *story, const GArray *pieces, int x, int top)
{
  for (unsigned i = 0; i < pieces->len; i++) {
    const LinePiece *p = &g_array_index(pieces, LinePiece, i);
    display_list_add_text(flow->list, flow->page, story->index, p->style, p->layout,
                          p->line_index, x + p->x, top + p->baseline, p->width, p->ascent,
                          p->descent);
  }
}

static int rows_covering(const Flow *flow, int units)
{
  return (units + flow->pitch - 1) / flow->pitch;
}

/* Places the head lines from the current row, continuing on a new page if
 * a head is taller than what is left (a very long headline is still printed
 * whole). Returns the first row below the head. */
static int place_head(Flow *flow, const Story *story)
{
  int top = row_top(flow, flow->row);
  int limit = row_top(flow, flow->rows_per_page);
  int shift = 0;
  const GArray *pieces = story->head_pieces;
  for (unsigned i = 0; i < pieces->len; i++) {
    const LinePiece *p = &g_array_index(pieces, LinePiece, i);
    if (top + p->baseline - shift + p->descent > limit && p->baseline - shift > p->ascent) {
      start_page(flow);
      top = row_top(flow, 0);
      shift = p->baseline - p->ascent;
    }
    display_list_add_text(flow->list, flow->page, story->index, p->style, p->layout,
                          p->line_index, story_span_x(flow, story, story->head_columns) + p->x,
                          top + p->baseline - shift, p->width, p->ascent, p->descent);
  }
  int height = story->head_height - shift + flow->pitch / 2;
  return (top - flow->grid_top) / flow->pitch + rows_covering(flow, height);
}

static int max_top(const Segment *seg, int first, int count)
{
  int top = 0;
  for (int c = first; c < first + count; c++)
    top = MAX(top, seg->top[c]);
  return top;
}

static void place_photo(Flow *flow, const Story *story, Segment *seg)
{
  if (!story->photo && !story->photo_placeholder)
    return;
  int columns = story->photo_columns;
  int row = max_top(seg, 0, columns);
  int rows = rows_covering(flow, story->photo_block_height + flow->pitch / 2);
  if (row + rows + MIN_BODY_ROWS > flow->rows_per_page && row > 0) {
    start_page(flow);
    for (int c = 0; c < flow->layout->columns; c++)
      seg->top[c] = 0;
    row = 0;
  }
  int x = story_span_x(flow, story, columns), y = row_top(flow, row);
  if (story->right_to_left)
    x += story_span_width(flow->layout, columns) - story->photo_width;
  display_list_add_image(flow->list, flow->page, story->index, story->photo, x, y,
                         story->photo_width, story->photo_height);
  place_pieces(flow, story, story->photo_pieces, x, y + story->photo_height);
  for (int c = 0; c < columns; c++)
    seg->top[c] = row + rows;
}

/* ---- body columns -------------------------------------------------------------- */

/* Rows of column c between its top and `bottom` that text may use: a pull
 * quote's hole is skipped, and needs two lines of text under it (-1 when
 * the bottom is too high for that). */
static int column_room(const Segment *seg, int c, int bottom)
{
  int room = bottom - seg->top[c];
  if (seg->hole_rows[c] == 0)
    return room;
  if (bottom < seg->hole_top[c] + seg->hole_rows[c] + 2)
    return -1;
  return room - seg->hole_rows[c];
}

/* The row an item placed at `row` of column c really takes: below the hole
 * when it would fall in it. */
static int skip_hole(const Segment *seg, int c, int row)
{
  if (seg->hole_rows[c] > 0 && row >= seg->hole_top[c] && row < seg->hole_top[c] + seg->hole_rows[c])
    return seg->hole_top[c] + seg->hole_rows[c];
  return row;
}

static bool keeps_with_next(const BodyItem *item, bool strict)
{
  return strict ? item->keep_with_next : item->keep_firmly;
}

/* Fills columns with items from `from`, each column c down to limit[c] rows
 * below its top. A break is not made after an item that keeps with the next
 * (strict: widow and orphan keeps too) unless the column would otherwise
 * hold nothing. Returns the index of the first item not placed. */
static unsigned column_fill(const GArray *items, unsigned from, int columns, Segment *seg,
                            const int *limit, bool strict)
{
  unsigned i = from, n = items->len;
  for (int c = 0; c < columns; c++) {
    unsigned start = i;
    int used = 0;
    while (i < n) {
      const BodyItem *item = &g_array_index(items, BodyItem, i);
      int need = 1 + (i > start ? item->space_before : 0);
      if (used + need > limit[c])
        break;
      used += need;
      i++;
    }
    if (i < n && i > start) {
      unsigned j = i;
      while (j > start && keeps_with_next(&g_array_index(items, BodyItem, j - 1), strict))
        j--;
      if (j > start)
        i = j;
    }
    seg->start[c] = start;
    seg->end[c] = i;
  }
  return i;
}

static unsigned fill_to(const Flow *flow, const GArray *items, unsigned from, Segment *seg,
                        int bottom, int short_columns, bool strict)
{
  int columns = flow->layout->columns;
  int limit[GALLEY_MAX_COLUMNS];
  for (int c = 0; c < columns; c++) {
    int rows = MAX(0, column_room(seg, c, bottom)) - (c >= columns - short_columns ? 1 : 0);
    limit[c] = MAX(0, rows);
  }
  return column_fill(items, from, columns, seg, limit, strict);
}

/* ---- balanced columns ------------------------------------------------------- */

/* Costs weighed when choosing column breaks (BodyItem.break_cost adds
 * widows, orphans and words hyphenated across columns). */
#define COST_SHORT_LEFT 1       /* per column left of the end that stops a row short */
#define COST_RAGGED_ROW 1200    /* per row a column stops above its neighbours' line */
#define COST_DEPTH_ROW 60       /* per row a story runs deeper than it could */
#define COST_PAGE_FACTOR 20     /* break costs weigh this much more at a page break */
#define MIN_LEG_ROWS 3          /* fewest lines worth a column of their own at a story's end */
#define MAX_VARIANT_TRIES 16    /* paragraphs set anew per segment, at most */
#define PAGE_FOOT_SLACK 2       /* rows a column may stop short at a page foot, at a cost */

/* One way found to end column c at item `end`. */
typedef struct {
  unsigned end;
  int cost;
  int from;   /* index into the previous column's ways, -1 for the first */
} ColumnWay;

typedef struct {
  const GArray *items;
  const Segment *seg;
  int columns, bottom;
  bool to_end;   /* the columns must take every remaining item */
} BalanceJob;

static int item_rows(const GArray *items, unsigned i, unsigned start)
{
  return 1 + (i > start ? g_array_index(items, BodyItem, i).space_before : 0);
}

/* Adds way (end, cost) for a column unless a cheaper one ends there. */
static void add_way(GArray *ways, unsigned end, int cost, int from)
{
  for (unsigned w = 0; w < ways->len; w++) {
    ColumnWay *way = &g_array_index(ways, ColumnWay, w);
    if (way->end == end) {
      if (cost < way->cost)
        *way = (ColumnWay){ end, cost, from };
      return;
    }
  }
  ColumnWay way = { end, cost, from };
  g_array_append_val(ways, way);
}

/* The ends column c may take from `start`: its foot on the bottom row or
 * one above it, or the story's end anywhere above (a ragged last column,
 * costed by how far it falls short). A break is never made after an item
 * kept firmly with the next. */
static void column_ways(const BalanceJob *job, int c, unsigned start, int cost, int from,
                        GArray *ways)
{
  unsigned n = job->items->len;
  int room = column_room(job->seg, c, job->bottom);
  if (room < 0)
    return;
  if (start == n || room <= 0) {   /* an empty column is as ragged as can be */
    add_way(ways, start, cost + COST_RAGGED_ROW * MAX(0, room - 1), from);
    return;
  }
  int used = 0;
  for (unsigned e = start; e < n;) {
    int need = item_rows(job->items, e, start);
    if (used + need > room)
      break;
    used += need;
    e++;
    const BodyItem *last = &g_array_index(job->items, BodyItem, e - 1);
    bool at_foot = used >= room - 1;
    /* at a page foot a column may stop a little short rather than split a word */
    bool near_foot = !job->to_end && used >= room - 1 - PAGE_FOOT_SLACK;
    if ((!at_foot && !near_foot && !(e == n && job->to_end)) || (e < n && last->keep_firmly))
      continue;
    /* at a page break a reader turns the page: no word is split there */
    bool page_break = !job->to_end && c == job->columns - 1;
    int way_cost = cost + (e < n ? last->break_cost * (page_break ? COST_PAGE_FACTOR : 1) : 0);
    if (used < room)
      way_cost += at_foot ? COST_SHORT_LEFT * (job->columns - c) : COST_RAGGED_ROW * (room - 1 - used);
    add_way(ways, e, way_cost, from);
  }
}

/* The cheapest column breaks for one bottom row (dynamic programming
 * over the columns: each column's possible ends from each way the one
 * before it could end). Returns the cost, G_MAXINT when there is none,
 * and fills seg's item ranges. */
static int best_breaks(const BalanceJob *job, unsigned from, Segment *seg)
{
  GArray *ways[GALLEY_MAX_COLUMNS] = { NULL };
  for (int c = 0; c < job->columns; c++) {
    ways[c] = g_array_new(FALSE, FALSE, sizeof(ColumnWay));
    if (c == 0) {
      column_ways(job, 0, from, 0, -1, ways[0]);
      continue;
    }
    for (unsigned w = 0; w < ways[c - 1]->len; w++) {
      const ColumnWay *prev = &g_array_index(ways[c - 1], ColumnWay, w);
      column_ways(job, c, prev->end, prev->cost, (int)w, ways[c]);
    }
  }
  int best = -1, cost = G_MAXINT;
  GArray *last = ways[job->columns - 1];
  for (unsigned w = 0; w < last->len; w++) {
    const ColumnWay *way = &g_array_index(last, ColumnWay, w);
    if ((!job->to_end || way->end == job->items->len) && way->cost < cost) {
      cost = way->cost;
      best = (int)w;
    }
  }
  for (int c = job->columns - 1; c >= 0 && best >= 0; c--) {
    const ColumnWay *way = &g_array_index(ways[c], ColumnWay, best);
    seg->end[c] = way->end;
    best = way->from;
  }
  for (int c = 0; c < job->columns; c++) {
    seg->start[c] = c == 0 ? from : seg->end[c - 1];
    g_array_free(ways[c], TRUE);
  }
  return cost;
}

/* Places the rest of a story in balanced columns: every column's foot on
 * one bottom row or the row above it, no break after an item kept firmly
 * with the next, and the fewest widows, orphans and words hyphenated
 * across columns; among equals, the shallowest. When the rest does not fit
 * on the page, the columns are filled to its foot. Returns the first item
 * not placed. */
static unsigned balance_segment(const Flow *flow, const GArray *items, unsigned from, Segment *seg,
                                int *cost_out)
{
  int columns = flow->layout->columns;
  int top_sum = 0, lowest_top = flow->rows_per_page;
  for (int c = 0; c < columns; c++) {
    top_sum += seg->top[c];
    lowest_top = MIN(lowest_top, seg->top[c]);
  }
  int remaining = (int)(items->len - from);
  /* a short ending is set in fewer, fuller legs, not a line or two per column */
  int legs = CLAMP(remaining / MIN_LEG_ROWS, 1, columns);
  int first = MAX(lowest_top + 1, (top_sum + remaining) / columns);
  Segment best_seg = *seg, trial = *seg;
  int best_cost = G_MAXINT, first_fit = -1;
  for (int bottom = first; bottom <= flow->rows_per_page; bottom++) {
    if (first_fit >= 0 && bottom > first_fit + BALANCE_WINDOW)
      break;
    BalanceJob job = { items, seg, legs, bottom, true };
    int cost = best_breaks(&job, from, &trial);
    if (cost == G_MAXINT)
      continue;
    for (int c = legs; c < columns; c++)
      trial.start[c] = trial.end[c] = items->len;
    first_fit = first_fit < 0 ? bottom : first_fit;
    cost += COST_DEPTH_ROW * (bottom - first_fit);
    if (cost < best_cost) {
      best_cost = cost;
      best_seg = trial;
    }
  }
  if (best_cost == G_MAXINT) {
    BalanceJob job = { items, seg, columns, flow->rows_per_page, false };
    best_cost = best_breaks(&job, from, &trial);
    best_seg = trial;
  }
  *cost_out = best_cost;
  if (best_cost == G_MAXINT)   /* firm keeps everywhere: fill as far as they allow */
    return fill_to(flow, items, from, seg, flow->rows_per_page, 0, false);
  *seg = best_seg;
  return seg->end[columns - 1];
}

static void place_item(Flow *flow, const Story *story, const BodyItem *item, int x, int row)
{
  const Layout *layout = flow->layout;
  int width = layout_column_width(layout);
  int rule_y = -1;
  if (item->rule == ITEM_RULE_MIDDLE)
    rule_y = row_top(flow, row) + flow->pitch / 2;
  else if (item->rule == ITEM_RULE_BELOW)
    rule_y = row_top(flow, row + 1) - flow->pitch / 8;
  else if (item->rule == ITEM_RULE_ABOVE)
    rule_y = row_top(flow, row) + flow->pitch / 8;
  if (rule_y >= 0)
    display_list_add_rule(flow->list, flow->page, x, rule_y, x + width, rule_y, layout->rule_width);
  for (unsigned k = 0; k < item->piece_count; k++) {
    const LinePiece *p = &g_array_index(story->body_pieces, LinePiece, item->first_piece + k);
    display_list_add_text_range(flow->list, flow->page, story->index, p->style, p->layout,
                                p->line_index, p->start_index, p->length, x + p->x,
                                row_baseline(flow, row), p->width, p->ascent, p->descent);
  }
}

/* Draws the columns' items and records where each column ends. */
static void place_columns(Flow *flow, const Story *story, const GArray *items, Segment *seg)
{
  const Layout *layout = flow->layout;
  for (int c = 0; c < layout->columns; c++) {
    int row = seg->top[c];
    int x = story_column_x(flow, story, c);
    for (unsigned i = seg->start[c]; i < seg->end[c]; i++) {
      const BodyItem *item = &g_array_index(items, BodyItem, i);
      if (i > seg->start[c])
        row += item->space_before;
      row = skip_hole(seg, c, row);
      place_item(flow, story, item, x, row);
      row++;
    }
    seg->bottom[c] = row;
  }
}

/* A gutter from y0 to y1, and its rule when the layout has column rules. */
static void place_gutter(Flow *flow, int x, int y0, int y1)
{
  const Layout *layout = flow->layout;
  if (layout->column_rules)
    display_list_add_rule(flow->list, flow->page, x, y0, x, y1, layout->rule_width);
  display_list_add_gutter(flow->list, flow->page, x, y0, y1, layout->column_rules ? layout->rule_width : 0);
}

/* The gutters between the story's columns that hold text, with their rules. */
static void place_column_rules(Flow *flow, const Story *story, const Segment *seg, int story_top)
{
  const Layout *layout = flow->layout;
  if (layout->gutter <= 0)
    return;
  for (int c = 0; c + 1 < layout->columns; c++) {
    if (seg->end[c + 1] == seg->start[c + 1])
      continue;
    int top = MAX(story_top, MIN(seg->top[c], seg->top[c + 1]));
    int bottom = MAX(seg->bottom[c], seg->bottom[c + 1]);
    int x = MAX(story_column_x(flow, story, c), story_column_x(flow, story, c + 1)) - layout->gutter / 2;
    int end = row_top(flow, bottom) - flow->pitch / 4;
    if (seg->hole_rows[c] > 0 && seg->hole_rows[c + 1] > 0) {   /* not through a pull quote */
      int hole = seg->hole_top[c];
      if (hole > top)
        place_gutter(flow, x, row_top(flow, top), row_top(flow, hole));
      top = hole + seg->hole_rows[c];
    }
    if (top < bottom)
      place_gutter(flow, x, row_top(flow, top), end);
  }
}

static int segment_bottom(const Segment *seg, int columns)
{
  int bottom = 0;
  for (int c = 0; c < columns; c++)
    bottom = MAX(bottom, MAX(seg->bottom[c], seg->top[c]));
  return bottom;
}

/* ---- paragraphs set a line longer or shorter ------------------------------------ */

/* A story's body as the flow sets it: its items, with paragraphs the
 * balancer chose to set a line longer or shorter spliced in. */
typedef struct {
  Story *story;
  GArray *items;     /* BodyItem, owned */
  int *counts;       /* each paragraph's lines now */
  unsigned tries;    /* paragraphs set anew for this segment so far */
} Body;

static Body body_new(Story *story)
{
  Body body = { story, g_array_copy(story->body_items), NULL, 0 };
  unsigned n = story_paragraph_count(story);
  body.counts = g_new0(int, MAX(1u, n));
  for (unsigned p = 0; p < n; p++) {
    unsigned first, count;
    story_paragraph_items(story, p, &first, &count);
    body.counts[p] = (int)count;
  }
  return body;
}

static void body_clear(Body *body)
{
  g_array_unref(body->items);
  g_free(body->counts);
}

/* Paragraph p's first item in body->items: paragraphs before it may have
 * changed length. */
static unsigned body_paragraph_start(const Body *body, unsigned p)
{
  unsigned first = 0, count = 0;
  int shift = 0;
  for (unsigned q = 0; q < p; q++) {
    story_paragraph_items(body->story, q, &first, &count);
    shift += body->counts[q] - (int)count;
  }
  story_paragraph_items(body->story, p, &first, &count);
  return (unsigned)((int)first + shift);
}

/* body->items with paragraph p's lines replaced by `variant`. */
static GArray *splice_variant(const Body *body, unsigned p, const GArray *variant)
{
  unsigned start = body_paragraph_start(body, p);
  GArray *items = g_array_sized_new(FALSE, FALSE, sizeof(BodyItem), body->items->len + 1);
  g_array_append_vals(items, body->items->data, start);
  g_array_append_vals(items, variant->data, variant->len);
  unsigned after = start + (unsigned)body->counts[p];
  g_array_append_vals(items, &g_array_index(body->items, BodyItem, after), body->items->len - after);
  return items;
}

/* When the columns cannot balance without a widow, an orphan or a ragged
 * foot, tries setting one paragraph of the segment a line longer or
 * shorter (from the last back, a few at most), as an editor would, and
 * keeps the first that costs less. Returns the first item not placed. */
static unsigned balance_with_variants(Flow *flow, Body *body, unsigned from, const Segment *tops,
                                      Segment *seg, unsigned next, int *cost)
{
  unsigned n = story_paragraph_count(body->story);
  for (unsigned k = n; k-- > 0 && *cost >= COST_RAGGED_ROW && body->tries < MAX_VARIANT_TRIES;) {
    unsigned start = body_paragraph_start(body, k);
    if (start < from)
      break;
    if (start >= next)
      continue;
    for (int looseness = 1; looseness >= -1 && *cost >= COST_RAGGED_ROW; looseness -= 2) {
      if (body->counts[k] + looseness < 1)
        continue;
      body->tries++;
      GArray *variant = story_paragraph_variant(body->story, flow->ts, flow->layout, k, looseness);
      if (!variant)
        continue;
      GArray *items = splice_variant(body, k, variant);
      Segment trial = *tops;
      int trial_cost;
      unsigned trial_next = balance_segment(flow, items, from, &trial, &trial_cost);
      if (trial_cost < *cost) {
        g_array_unref(body->items);
        body->items = items;
        body->counts[k] = (int)variant->len;
        *seg = trial;
        *cost = trial_cost;
        next = trial_next;
      } else {
        g_array_unref(items);
      }
      g_array_unref(variant);
    }
  }
  return next;
}

/* ---- pull quotes ------------------------------------------------------------ */

#define PULLQUOTE_MIN_ROWS_ABOVE 3   /* lines of text above a pull quote, at least */

/* Opens the pull quote's hole in its columns, about halfway down the
 * story's first columns (estimated from its length), or at their top when
 * the page has no room lower down. */
static void open_pullquote_hole(const Flow *flow, const Story *story, Segment *seg)
{
  int rows = story->pullquote_rows, first = story->pullquote_column;
  int span = story->pullquote_columns, columns = flow->layout->columns;
  if (rows == 0)
    return;
  int text_rows = 0, top_sum = 0;
  for (unsigned i = 0; i < story->body_items->len; i++)
    text_rows += 1 + (i > 0 ? g_array_index(story->body_items, BodyItem, i).space_before : 0);
  for (int c = 0; c < columns; c++)
    top_sum += seg->top[c];
  int depth = (top_sum + text_rows + span * rows + columns - 1) / columns;
  int top = max_top(seg, first, span);
  int bottom = MIN(flow->rows_per_page, MAX(depth, top + rows + 2 * PULLQUOTE_MIN_ROWS_ABOVE));
  int hole = top + MAX(PULLQUOTE_MIN_ROWS_ABOVE, (bottom - top - rows) / 2);
  if (hole + rows + 2 > flow->rows_per_page)
    hole = top;
  for (int c = first; c < first + span; c++) {
    seg->hole_top[c] = hole;
    seg->hole_rows[c] = rows;
  }
}

/* Draws the pull quote in its hole, between rules, once. */
static void place_pullquote(Flow *flow, const Story *story, Segment *seg)
{
  int first = story->pullquote_column;
  if (story->pullquote_rows == 0 || seg->hole_rows[first] == 0)
    return;
  const Layout *layout = flow->layout;
  int x = story_column_x(flow, story, first);
  if (story->right_to_left)
    x = story_column_x(flow, story, first + story->pullquote_columns - 1);
  int width = story_span_width(layout, story->pullquote_columns);
  int top = row_top(flow, seg->hole_top[first]), bottom = row_top(flow, seg->hole_top[first] + seg->hole_rows[first]);
  int rule_top = top + flow->pitch / 2, rule_bottom = bottom - flow->pitch / 2;
  display_list_add_rule(flow->list, flow->page, x, rule_top, x + width, rule_top, layout->rule_width);
  place_pieces(flow, story, story->pullquote_pieces, x, top);
  display_list_add_rule(flow->list, flow->page, x, rule_bottom, x + width, rule_bottom,
                        layout->rule_width);
  for (int c = first; c < first + story->pullquote_columns; c++)
    seg->hole_rows[c] = 0;
}

/* Runs the body down the columns of as many pages as it needs. */
static int place_body(Flow *flow, Story *story, Segment *seg, int story_top)
{
  Body body = body_new(story);
  int columns = flow->layout->columns;
  unsigned next = 0;
  for (;;) {
    int cost;
    Segment tops = *seg;
    unsigned from = next;
    next = balance_segment(flow, body.items, from, seg, &cost);
    body.tries = 0;
    if (cost >= COST_RAGGED_ROW && cost != G_MAXINT)
      next = balance_with_variants(flow, &body, from, &tops, seg, next, &cost);
    place_columns(flow, story, body.items, seg);
    place_column_rules(flow, story, seg, story_top);
    place_pullquote(flow, story, seg);
    if (next >= body.items->len)
      break;
    start_page(flow);
    story_top = 0;
    memset(seg->hole_rows, 0, sizeof seg->hole_rows);
    for (int c = 0; c < columns; c++)
      seg->top[c] = 0;
  }
  body_clear(&body);
  return segment_bottom(seg, columns);
}

static void place_cutoff_rule(Flow *flow, int row)
{
  const Layout *layout = flow->layout;
  int y = row_top(flow, row) - (flow->layout->story_gap * flow->pitch) / 2;
  display_list_add_cutoff_rule(flow->list, flow->page, layout->margin_left,
                               layout->margin_left + layout_live_width(layout), y, layout->rule_width);
}

/* Rows a story needs to start on a page: its head, its photo, and a few
 * lines of body, so neither head nor photo is left alone at a page foot. */
static int rows_to_start(const Flow *flow, const Story *story)
{
  int rows = rows_covering(flow, story->head_height + flow->pitch / 2) + MIN_BODY_ROWS;
  if (story->photo || story->photo_placeholder)
    rows += rows_covering(flow, story->photo_block_height + flow->pitch / 2);
  return rows;
}

/* What the story's first columns would cost if it started on this page:
 * the head and photo take their rows, the body is balanced or runs to the
 * page foot (balance_segment's costs). */
static int first_page_cost(const Flow *flow, const Story *story)
{
  int columns = flow->layout->columns;
  int below_head = flow->row + rows_covering(flow, story->head_height + flow->pitch / 2);
  Segment seg;
  memset(&seg, 0, sizeof seg);
  for (int c = 0; c < columns; c++)
    seg.top[c] = c < story->head_columns ? below_head : flow->row;
  if (story->photo || story->photo_placeholder) {
    int row = max_top(&seg, 0, story->photo_columns);
    for (int c = 0; c < story->photo_columns; c++)
      seg.top[c] = row + rows_covering(flow, story->photo_block_height + flow->pitch / 2);
  }
  int cost;
  balance_segment(flow, story->body_items, 0, &seg, &cost);
  return cost;
}

/* A story starts on this page when its head, photo and a few body lines
 * fit, and its first columns need not split a word or strand a line at
 * the page foot (a page that holds nothing yet takes it anyway). */
bool flow_story_fits(const Flow *flow, const Story *story)
{
  if (flow->page < 0 || flow->row + rows_to_start(flow, story) > flow->rows_per_page)
    return false;
  return flow->row == 0 || first_page_cost(flow, story) < BREAK_COST_HYPHEN * COST_PAGE_FACTOR;
}

bool flow_has_hole_to_fill(const Flow *flow)
{
  return flow->page >= 0 && flow->row > 0;
}

void flow_place_story(Flow *flow, Story *story)
{
  const Layout *layout = flow->layout;
  if (!flow_story_fits(flow, story))
    start_page(flow);
  else if (flow->row > 0)
    place_cutoff_rule(flow, flow->row);
  int story_top = flow->row;
  int below_head = place_head(flow, story);
  if (flow->page >= 0 && below_head >= flow->rows_per_page) {
    start_page(flow);
    below_head = 0;
  }
  Segment seg;
  memset(&seg, 0, sizeof seg);
  for (int c = 0; c < layout->columns; c++)
    seg.top[c] = c < story->head_columns ? below_head : flow->row;
  place_photo(flow, story, &seg);
  open_pullquote_hole(flow, story, &seg);
  int bottom = place_body(flow, story, &seg, MIN(story_top, flow->row));
  flow->row = bottom + layout->story_gap;
}

void flow_on_page_done(Flow *flow, FlowPageDone done, void *data)
{
  flow->page_done = done;
  flow->page_done_data = data;
}

DisplayList *flow_finish(Flow *flow)
{
  end_page(flow);
  DisplayList *list = flow->list;
  g_free(flow->publication);
  g_free(flow);
  return list;
}

/* ---- frames ---------------------------------------------------------------------- */

/* A flow over one rectangle (a slot) of an existing page: the frame's
 * margins are the rectangle, its baseline the grid pitch. */
static Flow frame_flow(DisplayList *list, int page, const Layout *frame, int rows)
{
  Flow flow = { .layout = frame, .list = list, .page = page, .rows_per_page = rows,
                .grid_top = frame->margin_top, .pitch = frame->baseline,
                .baseline_offset = baseline_offset_for(frame) };
  return flow;
}

static unsigned frame_segment(const Flow *flow, const Story *story, unsigned from,
                              const FlowColumns *columns, Segment *seg)
{
  memset(seg, 0, sizeof *seg);
  for (int c = 0; c < flow->layout->columns; c++) {
    seg->top[c] = columns->top[c];
    seg->hole_top[c] = columns->top[c] + columns->hole_at[c];
    seg->hole_rows[c] = columns->hole_rows[c];
  }
  int cost;
  return balance_segment(flow, story->body_items, from, seg, &cost);
}

/* The row below a column's last item, as place_columns() sets it. */
static int column_foot(const GArray *items, const Segment *seg, int c)
{
  int row = seg->top[c];
  for (unsigned i = seg->start[c]; i < seg->end[c]; i++) {
    if (i > seg->start[c])
      row += g_array_index(items, BodyItem, i).space_before;
    row = skip_hole(seg, c, row) + 1;
  }
  return row;
}

unsigned flow_frame_measure(const Layout *frame, const Story *story, unsigned from,
                            const FlowColumns *columns, int rows, int *lowest_foot)
{
  Flow flow = frame_flow(NULL, 0, frame, rows);
  Segment seg;
  unsigned next = frame_segment(&flow, story, from, columns, &seg);
  if (lowest_foot) {
    *lowest_foot = rows;
    for (int c = 0; c < frame->columns; c++)
      *lowest_foot = MIN(*lowest_foot, column_foot(story->body_items, &seg, c));
  }
  return next;
}

unsigned flow_fill_frame(DisplayList *list, int page, const Layout *frame, const Story *story,
                         unsigned from, const FlowColumns *columns, int rows, int *column_bottom)
{
  Flow flow = frame_flow(list, page, frame, rows);
  Segment seg;
  unsigned next = frame_segment(&flow, story, from, columns, &seg);
  place_columns(&flow, story, story->body_items, &seg);
  int top = rows;
  for (int c = 0; c < frame->columns; c++)
    top = MIN(top, seg.top[c]);
  place_column_rules(&flow, story, &seg, top);
  for (int c = 0; column_bottom && c < frame->columns; c++)
    column_bottom[c] = MAX(seg.bottom[c], seg.top[c]);
  return next;
}
