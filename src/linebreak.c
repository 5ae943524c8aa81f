/* linebreak.c — the Knuth–Plass algorithm.
 *
 * One pass over the items keeps a list of active breakpoints, each the best
 * way found so far to end a line there in one of four fitness classes
 * (tight, decent, loose, very loose). At every legal break, each active
 * node is tried as the start of a line ending here; lines that would have
 * to shrink beyond their shrinkability deactivate their node. The cheapest
 * candidate per fitness class becomes a new active node. All nodes live in
 * one GArray (indices, not pointers, so the array may grow) and a second
 * array lists the active ones; the result is read back through the
 * `previous` links of the best final node.
 *
 * Sums are 64-bit: the fill glue's stretch would overflow an int total. */
#include "linebreak.h"

#include <math.h>

typedef struct {
  unsigned position;       /* item index of the break; G_MAXUINT for the start */
  int line;                /* lines ended so far */
  int fitness;
  int hyphen_run;          /* hyphenated lines in a row ending here */
  gint64 width, stretch, shrink;   /* sums up to after the break */
  double demerits;
  int previous;            /* node index, -1 for the start */
} Node;

typedef struct {
  gint64 width, stretch, shrink;
} Sums;

#define OVERFULL_DEMERITS 1e12

void linebreak_default_params(BreakParams *params, int first_width, int other_width)
{
  *params = (BreakParams){
    .first_width = first_width, .other_width = other_width, .tolerance = 200,
    .line_penalty = 10, .hyphen_demerits = 3000, .final_hyphen_demerits = 5000,
    .fitness_demerits = 100, .max_hyphen_run = 2, .allow_overfull = false,
  };
}

static bool is_legal_break(const BreakItem *items, unsigned i)
{
  if (items[i].kind == BREAK_PENALTY)
    return items[i].penalty < BREAK_INFINITY;
  return items[i].kind == BREAK_GLUE && i > 0 && items[i - 1].kind == BREAK_BOX;
}

/* Totals after a break: glue and penalties that follow it vanish at the
 * start of the next line, up to the first box or forced break. */
static Sums sums_after_break(const BreakItem *items, unsigned count, const Sums *prefix,
                             unsigned position)
{
  unsigned k = position;
  while (k < count && items[k].kind != BREAK_BOX &&
         !(k > position && items[k].kind == BREAK_PENALTY && items[k].penalty <= -BREAK_INFINITY))
    k++;
  return prefix[k];
}

static int fitness_class(double ratio)
{
  if (ratio < -0.5)
    return 0;
  if (ratio <= 0.5)
    return 1;
  if (ratio <= 1.0)
    return 2;
  return 3;
}

/* The adjustment ratio of a line from node a to break b: below -1 when the
 * line cannot shrink enough (overfull), infinite when it cannot stretch. */
static double adjustment_ratio(const BreakItem *items, const Sums *prefix, const Node *a,
                               unsigned b, int line_width)
{
  gint64 width = prefix[b].width - a->width - items[b].protrusion;
  if (a->position != G_MAXUINT)   /* an opening quote may hang at the line's start */
    width -= items[a->position].hang_next;
  if (items[b].kind == BREAK_PENALTY)
    width += items[b].width;
  if (width < line_width) {
    gint64 stretch = prefix[b].stretch - a->stretch;
    return stretch > 0 ? (double)(line_width - width) / (double)stretch : INFINITY;
  }
  if (width == line_width)
    return 0;
  gint64 shrink = prefix[b].shrink - a->shrink;
  return shrink > 0 ? (double)(line_width - width) / (double)shrink : -INFINITY;
}

static double line_demerits(const BreakParams *params, const BreakItem *items, unsigned b,
                            double badness, const Node *a, bool last_line)
{
  double d = params->line_penalty + badness;
  d *= d;
  int penalty = items[b].kind == BREAK_PENALTY ? items[b].penalty : 0;
  if (penalty > 0)
    d += (double)penalty * penalty;
  else if (penalty > -BREAK_INFINITY)
    d -= (double)penalty * penalty;
  bool flagged = items[b].kind == BREAK_PENALTY && items[b].flagged;
  if (flagged && a->hyphen_run > 0)
    d += params->hyphen_demerits;
  if (last_line && a->hyphen_run > 0)
    d += params->final_hyphen_demerits;
  return d;
}

/* The cheapest way found to end a line at the current break, per fitness
 * class and (when a line count is asked for) per line count. */
typedef struct {
  int fitness;
  int line;            /* lines ended by the new node; 0 when counts are not kept apart */
  double demerits;
  int from;            /* node index */
} Candidate;

static void offer_candidate(GArray *best, Candidate offer)
{
  for (unsigned i = 0; i < best->len; i++) {
    Candidate *c = &g_array_index(best, Candidate, i);
    if (c->fitness == offer.fitness && c->line == offer.line) {
      if (offer.demerits < c->demerits)
        *c = offer;
      return;
    }
  }
  g_array_append_val(best, offer);
}

static void add_break_nodes(GArray *nodes, const GArray *best, const BreakItem *items,
                            unsigned count, const Sums *prefix, unsigned b)
{
  Sums after = sums_after_break(items, count, prefix, b);
  bool flagged = items[b].kind == BREAK_PENALTY && items[b].flagged;
  for (unsigned i = 0; i < best->len; i++) {
    const Candidate *c = &g_array_index(best, Candidate, i);
    const Node *from = &g_array_index(nodes, Node, c->from);
    Node node = { .position = b, .line = from->line + 1, .fitness = c->fitness,
                  .hyphen_run = flagged ? from->hyphen_run + 1 : 0,
                  .width = after.width, .stretch = after.stretch, .shrink = after.shrink,
                  .demerits = c->demerits, .previous = c->from };
    g_array_append_val(nodes, node);
  }
}

/* TeX's badness, capped at BREAK_INFINITY; in an emergency pass the cap
 * is lifted, so that among lines all too loose the least loose still wins
 * instead of all costing the same. */
static double badness_of(double ratio, bool emergency)
{
  if (isinf(ratio))
    return emergency ? 100.0 * BREAK_INFINITY : BREAK_INFINITY;   /* nothing to stretch */
  double badness = 100.0 * fabs(ratio * ratio * ratio);
  return emergency ? badness : MIN((double)BREAK_INFINITY, badness);
}

/* Tries every active node as the start of a line ending at break b; nodes
 * that can no longer start a feasible line leave the active list. */
static void try_break(GArray *nodes, GArray *active, GArray *best, const BreakItem *items,
                      unsigned count, const Sums *prefix, unsigned b, const BreakParams *params,
                      int max_protrusion)
{
  g_array_set_size(best, 0);
  bool forced = items[b].kind == BREAK_PENALTY && items[b].penalty <= -BREAK_INFINITY;
  bool flagged = items[b].kind == BREAK_PENALTY && items[b].flagged;
  unsigned kept = 0;
  for (unsigned k = 0; k < active->len; k++) {
    int n = g_array_index(active, int, k);
    const Node *a = &g_array_index(nodes, Node, n);
    int width = a->line < params->narrow_lines ? params->narrow_width
              : a->line == 0 ? params->first_width : params->other_width;
    double ratio = adjustment_ratio(items, prefix, a, b, width);
    bool overfull = ratio < -1;
    /* a longer line from a would be more overfull, unless it may hang further */
    bool hopeless = adjustment_ratio(items, prefix, a, b, width + max_protrusion) < -1;
    if (!hopeless && !forced)
      g_array_index(active, int, kept++) = n;
    if ((overfull && !params->allow_overfull) || (flagged && a->hyphen_run >= params->max_hyphen_run))
      continue;
    double badness = overfull ? BREAK_INFINITY : badness_of(ratio, params->allow_overfull);
    if (badness > params->tolerance && !params->allow_overfull)
      continue;
    int fit = fitness_class(isinf(ratio) ? 1.0 : MAX(ratio, -1.0));
    double d = a->demerits + line_demerits(params, items, b, badness, a, forced);
    if (overfull)   /* in an emergency, any loose line is better than one too long */
      d += OVERFULL_DEMERITS * (1.0 - ratio);
    if (a->previous >= 0 && abs(fit - a->fitness) > 1)
      d += params->fitness_demerits;
    offer_candidate(best, (Candidate){ fit, params->lines ? a->line + 1 : 0, d, n });
  }
  g_array_set_size(active, kept);
  unsigned first_new = nodes->len;
  add_break_nodes(nodes, best, items, count, prefix, b);
  for (unsigned n = first_new; n < nodes->len; n++) {
    int index = (int)n;
    g_array_append_val(active, index);
  }
}

static Sums *prefix_sums(const BreakItem *items, unsigned count)
{
  Sums *prefix = g_new0(Sums, count + 1);
  for (unsigned i = 0; i < count; i++) {
    prefix[i + 1] = prefix[i];
    if (items[i].kind == BREAK_BOX || items[i].kind == BREAK_GLUE)
      prefix[i + 1].width += items[i].width;
    if (items[i].kind == BREAK_GLUE) {
      prefix[i + 1].stretch += items[i].stretch;
      prefix[i + 1].shrink += items[i].shrink;
    }
  }
  return prefix;
}

/* The cheapest final node with `line` lines (any count when line < 0). */
static int best_final_node(const GArray *nodes, unsigned last_item, int line)
{
  int best = -1;
  for (unsigned n = 0; n < nodes->len; n++) {
    const Node *node = &g_array_index(nodes, Node, n);
    if (node->position == last_item && (line < 0 || node->line == line) &&
        (best < 0 || node->demerits < g_array_index(nodes, Node, best).demerits))
      best = (int)n;
  }
  return best;
}

static GArray *read_breaks(const GArray *nodes, unsigned last_item, int lines)
{
  int best = best_final_node(nodes, last_item, lines > 0 ? lines : -1);
  if (best < 0)
    return NULL;
  GArray *breaks = g_array_new(FALSE, FALSE, sizeof(unsigned));
  for (int n = best; n >= 0 && g_array_index(nodes, Node, n).previous >= 0;
       n = g_array_index(nodes, Node, n).previous)
    g_array_prepend_val(breaks, g_array_index(nodes, Node, n).position);
  return breaks;
}

GArray *linebreak_total_fit(const BreakItem *items, unsigned count, const BreakParams *params)
{
  if (count == 0)
    return NULL;
  Sums *prefix = prefix_sums(items, count);
  GArray *nodes = g_array_new(FALSE, TRUE, sizeof(Node));
  GArray *active = g_array_new(FALSE, FALSE, sizeof(int));
  Node start = { .position = G_MAXUINT, .previous = -1, .fitness = 1 };
  g_array_append_val(nodes, start);
  int first = 0;
  g_array_append_val(active, first);
  int max_protrusion = 0;
  for (unsigned i = 0; i < count; i++)
    max_protrusion = MAX(max_protrusion, items[i].protrusion);
  GArray *best = g_array_new(FALSE, FALSE, sizeof(Candidate));
  for (unsigned b = 0; b < count && active->len > 0; b++)
    if (is_legal_break(items, b))
      try_break(nodes, active, best, items, count, prefix, b, params, max_protrusion);
  g_array_free(best, TRUE);
  GArray *breaks = read_breaks(nodes, count - 1, params->lines);
  g_array_free(active, TRUE);
  g_array_free(nodes, TRUE);
  g_free(prefix);
  return breaks;
}
