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
 * Sums are 64-bit: the fill glue's stretch would overflow an int total.
 *
 * Rivers: with params->river_demerits, every node keeps where the word
 * spaces of its line fall (as set, stretched or shrunk), and a line whose
 * spaces line up with the spaces of the line above it, through the node it
 * starts from, costs more; more again when the space above lines up with
 * one on the line above that. The lines above are those of the best way to
 * the node, as the fitness classes are. */
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
  unsigned gaps, gap_count;   /* its line's word spaces in the Gap array (rivers only) */
} Node;

/* A word space of a set line, from the line's left edge (Pango units). */
typedef struct {
  double left, right;
} Gap;

/* The spaces of the nodes' lines; only spaces at least river_overlap wide
 * are kept, since no narrower one can share that much with another. */
typedef struct {
  GArray *gaps;             /* Gap */
  double widest, stretch, shrink;   /* the most any space of the paragraph has */
} Rivers;

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
  double ratio;        /* the line's adjustment ratio */
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

/* The demerits a candidate must beat to be kept (INFINITY: none yet). */
static double best_so_far(const GArray *best, int fitness, int line)
{
  for (unsigned i = 0; i < best->len; i++) {
    const Candidate *c = &g_array_index(best, Candidate, i);
    if (c->fitness == fitness && c->line == line)
      return c->demerits;
  }
  return INFINITY;
}

static int line_width_after(const BreakParams *params, const Node *a)
{
  return a->line < params->narrow_lines ? params->narrow_width
         : a->line == 0 ? params->first_width : params->other_width;
}

static double flex(gint64 stretch, gint64 shrink, double ratio)
{
  return ratio >= 0 ? ratio * (double)stretch : ratio * (double)shrink;
}

/* Appends to `out` the word spaces of the line from node a to break b set
 * with `ratio`, measured from the column's left edge: a narrower line (an
 * indent, a drop cap) is set flush right. */
static void line_gaps(const BreakParams *params, const BreakItem *items, const Sums *prefix,
                      const Node *a, unsigned b, double ratio, GArray *out)
{
  if (params->river_overlap <= 0)
    return;
  double x = params->other_width - line_width_after(params, a);
  unsigned first = a->position == G_MAXUINT ? 1 : a->position + 1;
  for (unsigned k = first; k < b; k++) {
    /* a last line's fill is no word space: the white after a paragraph's
     * end is not seen as a river */
    if (items[k].kind != BREAK_GLUE || items[k - 1].kind != BREAK_BOX || items[k].stretch >= BREAK_FILL)
      continue;
    double left = x + (double)(prefix[k].width - a->width) +
                  flex(prefix[k].stretch - a->stretch, prefix[k].shrink - a->shrink, ratio);
    Gap gap = { left, left + items[k].width + flex(items[k].stretch, items[k].shrink, ratio) };
    if (gap.right - gap.left >= params->river_overlap)
      g_array_append_val(out, gap);
  }
}

/* False when no space of a line set with this ratio can be wide enough. */
static bool may_line_up(const BreakParams *params, const Rivers *rivers, double ratio)
{
  return !isinf(ratio) &&
         rivers->widest + flex((gint64)rivers->stretch, (gint64)rivers->shrink, ratio) >= params->river_overlap;
}

static const Gap *node_gaps(const GArray *gaps, const GArray *nodes, int n, unsigned *count)
{
  *count = 0;
  if (n < 0)
    return NULL;
  const Node *node = &g_array_index(nodes, Node, n);
  *count = node->gap_count;
  return node->gap_count ? &g_array_index(gaps, Gap, node->gaps) : NULL;
}

/* How much the spaces of a line (`line`) line up with those of the line
 * above and of the line above that (all sorted by x): for each space
 * sharing at least params->river_overlap with one above, the white they
 * share in units of river_overlap (a wide channel is seen more than a
 * narrow one), three times that when the line above that shares it too. */
static double river_units(const BreakParams *params, const Gap *line, unsigned count,
                          const Gap *above, unsigned above_count, const Gap *above2,
                          unsigned above2_count)
{
  double units = 0, need = params->river_overlap;
  for (unsigned i = 0; i < count; i++)
    for (unsigned j = 0; j < above_count && above[j].left < line[i].right; j++) {
      Gap shared = { MAX(line[i].left, above[j].left), MIN(line[i].right, above[j].right) };
      if (shared.right - shared.left < need)
        continue;
      double width = (shared.right - shared.left) / need;
      units += width;
      for (unsigned k = 0; k < above2_count && above2[k].left < shared.right; k++)
        if (MIN(shared.right, above2[k].right) - MAX(shared.left, above2[k].left) >= need)
          units += 2.0 * width;
    }
  return units;
}

/* The river units of the line from node a to break b. */
static double line_river_units(const BreakParams *params, const BreakItem *items,
                               const Sums *prefix, const GArray *nodes, int a, unsigned b,
                               double ratio, GArray *gaps)
{
  if (g_array_index(nodes, Node, a).gap_count == 0)
    return 0;
  unsigned above_count, above2_count, mark = gaps->len;
  const Node *from = &g_array_index(nodes, Node, a);
  line_gaps(params, items, prefix, from, b, ratio, gaps);
  const Gap *above = node_gaps(gaps, nodes, a, &above_count);
  const Gap *above2 = node_gaps(gaps, nodes, from->previous, &above2_count);
  double units = river_units(params, &g_array_index(gaps, Gap, mark), gaps->len - mark,
                             above, above_count, above2, above2_count);
  g_array_set_size(gaps, mark);
  return units;
}

static void add_break_nodes(GArray *nodes, const GArray *best, const BreakItem *items,
                            unsigned count, const Sums *prefix, unsigned b,
                            const BreakParams *params, Rivers *rivers)
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
    if (params->river_demerits > 0 && may_line_up(params, rivers, c->ratio)) {
      node.gaps = rivers->gaps->len;
      line_gaps(params, items, prefix, from, b, c->ratio, rivers->gaps);
      node.gap_count = rivers->gaps->len - node.gaps;
    }
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
                      int max_protrusion, Rivers *rivers)
{
  g_array_set_size(best, 0);
  bool forced = items[b].kind == BREAK_PENALTY && items[b].penalty <= -BREAK_INFINITY;
  bool flagged = items[b].kind == BREAK_PENALTY && items[b].flagged;
  unsigned kept = 0;
  for (unsigned k = 0; k < active->len; k++) {
    int n = g_array_index(active, int, k);
    const Node *a = &g_array_index(nodes, Node, n);
    int width = line_width_after(params, a);
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
    if (forced && a->position != G_MAXUINT && prefix[b].width - a->width < params->short_last_width)
      d += params->short_last_demerits;
    int line = params->lines ? a->line + 1 : 0;
    /* Rivers only add, so a line already beaten need not be measured. A
     * river costs the more the worse its line already is: loose lines
     * make the wide spaces that rivers are seen in, and a decent line is
     * not traded for a loose one to dodge one. */
    if (params->river_demerits > 0 && a->gap_count > 0 && may_line_up(params, rivers, ratio) &&
        d < best_so_far(best, fit, line))
      d += line_river_units(params, items, prefix, nodes, n, b, ratio, rivers->gaps) *
           (params->river_demerits + (d - a->demerits));
    offer_candidate(best, (Candidate){ fit, line, d, n, ratio });
  }
  g_array_set_size(active, kept);
  unsigned first_new = nodes->len;
  add_break_nodes(nodes, best, items, count, prefix, b, params, rivers);
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
  Rivers rivers = { g_array_new(FALSE, FALSE, sizeof(Gap)), 0, 0, 0 };
  for (unsigned i = 0; i < count; i++)
    if (items[i].kind == BREAK_GLUE && items[i].stretch < BREAK_FILL) {
      rivers.widest = MAX(rivers.widest, items[i].width);
      rivers.stretch = MAX(rivers.stretch, items[i].stretch);
      rivers.shrink = MAX(rivers.shrink, items[i].shrink);
    }
  for (unsigned b = 0; b < count && active->len > 0; b++)
    if (is_legal_break(items, b))
      try_break(nodes, active, best, items, count, prefix, b, params, max_protrusion, &rivers);
  g_array_free(rivers.gaps, TRUE);
  g_array_free(best, TRUE);
  GArray *breaks = read_breaks(nodes, count - 1, params->lines);
  g_array_free(active, TRUE);
  g_array_free(nodes, TRUE);
  g_free(prefix);
  return breaks;
}
