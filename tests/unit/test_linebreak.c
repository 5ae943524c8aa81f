/* test_linebreak.c — the total-fit line breaker on paragraphs whose best
 * breaks are known: checked against an exhaustive search of every way to
 * break them, against greedy filling, with looseness, the cap on hyphens
 * in a row and margin protrusion; and the composer over Pango, which must
 * never set a line wider than its measure, over many random paragraphs. */
#include "check.h"
#include "fonts.h"
#include "hyphenate.h"
#include "layout.h"
#include "linebreak.h"
#include "typeset.h"

#include <math.h>

#define SPACE 300
#define STRETCH 150
#define SHRINK 100

/* Items for words of the given widths: box, glue, box, ..., fill, end. */
static GArray *paragraph(const int *widths, int count)
{
  GArray *items = g_array_new(FALSE, TRUE, sizeof(BreakItem));
  for (int i = 0; i < count; i++) {
    BreakItem box = { .kind = BREAK_BOX, .width = widths[i] };
    g_array_append_val(items, box);
    if (i + 1 < count) {
      BreakItem glue = { .kind = BREAK_GLUE, .width = SPACE, .stretch = STRETCH, .shrink = SHRINK };
      g_array_append_val(items, glue);
    }
  }
  BreakItem fill = { .kind = BREAK_GLUE, .stretch = BREAK_FILL };
  BreakItem end = { .kind = BREAK_PENALTY, .penalty = -BREAK_INFINITY };
  g_array_append_val(items, fill);
  g_array_append_val(items, end);
  return items;
}

static double badness(double ratio)
{
  return fmin(100.0 * fabs(ratio * ratio * ratio), BREAK_INFINITY);
}

static int fitness(double ratio)
{
  return ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1.0 ? 2 : 3;
}

/* TeX's demerits of breaking words [0, count) after the words in `ends`
 * (word indices, the last being count - 1), or INFINITY when a line is
 * overfull or worse than the tolerance. */
static double demerits_of(const int *widths, int count, const int *ends, int lines,
                          const BreakParams *params)
{
  double total = 0;
  int start = 0, previous_fit = -1;
  for (int l = 0; l < lines; l++) {
    int natural = 0, spaces = ends[l] - start;
    for (int w = start; w <= ends[l]; w++)
      natural += widths[w];
    natural += spaces * SPACE;
    bool last = ends[l] == count - 1;
    double ratio;
    if (last && natural <= params->other_width)
      ratio = 0;
    else if (natural <= params->other_width)
      ratio = spaces ? (double)(params->other_width - natural) / (spaces * STRETCH) : INFINITY;
    else
      ratio = spaces ? (double)(params->other_width - natural) / (spaces * SHRINK) : -INFINITY;
    if (ratio < -1)
      return INFINITY;
    double bad = isinf(ratio) ? BREAK_INFINITY : badness(ratio);
    if (bad > params->tolerance)
      return INFINITY;
    double d = (params->line_penalty + bad) * (params->line_penalty + bad);
    int fit = fitness(isinf(ratio) ? 1.0 : ratio);
    if (previous_fit >= 0 && abs(fit - previous_fit) > 1)
      d += params->fitness_demerits;
    total += d;
    previous_fit = fit;
    start = ends[l] + 1;
  }
  return total;
}

/* The least demerits over every way of breaking: 2^(count-1) choices. */
static double best_by_search(const int *widths, int count, const BreakParams *params)
{
  double best = INFINITY;
  for (unsigned mask = 0; mask < (1u << (count - 1)); mask++) {
    int ends[32], lines = 0;
    for (int w = 0; w < count - 1; w++)
      if (mask & (1u << w))
        ends[lines++] = w;
    ends[lines++] = count - 1;
    best = fmin(best, demerits_of(widths, count, ends, lines, params));
  }
  return best;
}

/* Word indices ending each line of the composer's breaks. */
static int breaks_to_ends(const GArray *breaks, int *ends)
{
  for (unsigned i = 0; i < breaks->len; i++) {
    unsigned item = g_array_index(breaks, unsigned, i);
    ends[i] = (int)(item / 2);   /* glue k follows word k; the final penalty ends the last */
    if (i + 1 == breaks->len)
      ends[i] = -1;
  }
  return (int)breaks->len;
}

static GArray *break_words(const int *widths, int count, const BreakParams *params)
{
  GArray *items = paragraph(widths, count);
  GArray *breaks = linebreak_total_fit((const BreakItem *)items->data, items->len, params);
  g_array_unref(items);
  return breaks;
}

TEST(total_fit_finds_the_least_demerits_of_every_breaking)
{
  GRand *rand = g_rand_new_with_seed(7);
  for (int trial = 0; trial < 200; trial++) {
    int count = g_rand_int_range(rand, 4, 15), widths[16];
    for (int w = 0; w < count; w++)
      widths[w] = g_rand_int_range(rand, 600, 3000);
    BreakParams params;
    linebreak_default_params(&params, 6000, 6000);
    params.tolerance = 10000;
    double expected = best_by_search(widths, count, &params);
    GArray *breaks = break_words(widths, count, &params);
    if (isinf(expected)) {
      CHECK(breaks == NULL);
    } else if (!breaks) {
      CHECK(breaks != NULL);
    } else {
      int ends[32];
      int lines = breaks_to_ends(breaks, ends);
      ends[lines - 1] = count - 1;
      double found = demerits_of(widths, count, ends, lines, &params);
      if (fabs(found - expected) > 1e-6 * expected)
        fprintf(stderr, "  trial %d: demerits %.0f, best %.0f\n", trial, found, expected);
      CHECK(fabs(found - expected) <= 1e-6 * expected);
    }
    if (breaks)
      g_array_unref(breaks);
  }
  g_rand_free(rand);
}

/* Greedy filling: each line takes as many words as fit at natural width. */
static int greedy_ends(const int *widths, int count, int measure, int *ends)
{
  int lines = 0, width = -SPACE;
  for (int w = 0; w < count; w++) {
    if (width + SPACE + widths[w] > measure && width > 0) {
      ends[lines++] = w - 1;
      width = -SPACE;
    }
    width += SPACE + widths[w];
  }
  ends[lines++] = count - 1;
  return lines;
}

/* Total fit never costs more than greedy filling, and over many
 * paragraphs often costs less: it evens out the loose lines greedy
 * filling leaves behind. */
TEST(total_fit_evens_lines_greedy_filling_would_not)
{
  GRand *rand = g_rand_new_with_seed(11);
  int better = 0;
  for (int trial = 0; trial < 200; trial++) {
    int count = g_rand_int_range(rand, 6, 15), widths[16], ends[32];
    for (int w = 0; w < count; w++)
      widths[w] = g_rand_int_range(rand, 600, 2500);
    BreakParams params;
    linebreak_default_params(&params, 6000, 6000);
    params.tolerance = 10000;
    double greedy = demerits_of(widths, count, ends, greedy_ends(widths, count, 6000, ends), &params);
    GArray *breaks = break_words(widths, count, &params);
    if (!breaks)
      continue;
    int lines = breaks_to_ends(breaks, ends);
    ends[lines - 1] = count - 1;
    double found = demerits_of(widths, count, ends, lines, &params);
    CHECK(found <= greedy + 1e-6);
    better += found < greedy - 1e-6;
    g_array_unref(breaks);
  }
  CHECK(better >= 20);
  g_rand_free(rand);
}

TEST(looseness_sets_a_line_more_or_fewer)
{
  int widths[30];
  for (int w = 0; w < 30; w++)
    widths[w] = 900 + (w * 337) % 900;
  BreakParams params;
  linebreak_default_params(&params, 9000, 9000);
  params.tolerance = 10000;
  GArray *best = break_words(widths, 30, &params);
  CHECK(best != NULL);
  int best_lines = best ? (int)best->len : 10;
  params.lines = best_lines + 1;
  GArray *longer = break_words(widths, 30, &params);
  params.lines = best_lines - 1;
  GArray *shorter = break_words(widths, 30, &params);
  CHECK(longer != NULL);
  if (best && longer)
    CHECK_INT(longer->len, best->len + 1);
  if (best && shorter)   /* may be impossible within the tolerance; never another count */
    CHECK_INT(shorter->len, best->len - 1);
  params.lines = 40;   /* more lines than words: impossible */
  GArray *impossible = break_words(widths, 30, &params);
  CHECK(impossible == NULL);
  if (best)
    g_array_unref(best);
  if (longer)
    g_array_unref(longer);
  if (shorter)
    g_array_unref(shorter);
}

/* Words of two halves with a hyphenation point between them, so that
 * every line could end hyphenated. */
TEST(never_more_hyphenated_lines_in_a_row_than_allowed)
{
  GArray *items = g_array_new(FALSE, TRUE, sizeof(BreakItem));
  for (int w = 0; w < 40; w++) {
    BreakItem half = { .kind = BREAK_BOX, .width = 700 + (w * 131) % 500 };
    BreakItem hyphen = { .kind = BREAK_PENALTY, .penalty = 50, .flagged = true, .width = 200 };
    BreakItem glue = { .kind = BREAK_GLUE, .width = SPACE, .stretch = STRETCH, .shrink = SHRINK };
    g_array_append_val(items, half);
    g_array_append_val(items, hyphen);
    g_array_append_val(items, half);
    g_array_append_val(items, glue);
  }
  BreakItem fill = { .kind = BREAK_GLUE, .stretch = BREAK_FILL };
  BreakItem end = { .kind = BREAK_PENALTY, .penalty = -BREAK_INFINITY };
  g_array_append_val(items, fill);
  g_array_append_val(items, end);
  const BreakItem *all = (const BreakItem *)items->data;
  for (int cap = 1; cap <= 3; cap++) {
    BreakParams params;
    linebreak_default_params(&params, 5300, 5300);
    params.tolerance = 10000;
    params.hyphen_demerits = 0;   /* nothing but the cap stops a ladder */
    params.max_hyphen_run = cap;
    GArray *breaks = linebreak_total_fit(all, items->len, &params);
    CHECK(breaks != NULL);
    int run = 0, longest = 0;
    for (unsigned i = 0; breaks && i < breaks->len; i++) {
      const BreakItem *at = &all[g_array_index(breaks, unsigned, i)];
      run = at->kind == BREAK_PENALTY && at->flagged ? run + 1 : 0;
      longest = MAX(longest, run);
    }
    CHECK(longest <= cap);
    if (breaks)
      g_array_unref(breaks);
  }
  g_array_unref(items);
}

/* A line 200 units too wide fits exactly when its last character may hang
 * 200 into the margin, and cannot be set otherwise. */
TEST(protrusion_lets_a_line_end_hang)
{
  int widths[] = { 2000, 2000, 1850 };
  for (int hang = 0; hang <= 200; hang += 200) {
    GArray *items = paragraph(widths, 3);
    g_array_index(items, BreakItem, 3).protrusion = hang;   /* the glue after word 1 */
    for (unsigned i = 0; i < items->len; i++)   /* rigid spaces: only the hang can help */
      if (g_array_index(items, BreakItem, i).kind == BREAK_GLUE &&
          g_array_index(items, BreakItem, i).stretch != BREAK_FILL)
        g_array_index(items, BreakItem, i).stretch = g_array_index(items, BreakItem, i).shrink = 0;
    BreakParams params;
    linebreak_default_params(&params, 4100, 4100);
    params.tolerance = 10000;
    GArray *breaks = linebreak_total_fit((const BreakItem *)items->data, items->len, &params);
    if (hang) {
      CHECK(breaks != NULL && breaks->len == 2 && g_array_index(breaks, unsigned, 0) == 3);
    } else {
      CHECK(breaks == NULL || g_array_index(breaks, unsigned, 0) != 3);
    }
    if (breaks)
      g_array_unref(breaks);
    g_array_unref(items);
  }
}

/* Where the spaces of each line fall as set (each line stretched or shrunk
 * to the measure, the last at its natural width), and how many of them
 * share at least `overlap` with a space on the line above. */
static int aligned_spaces(const int *widths, const int *ends, int lines, int measure, int overlap)
{
  double above[16][2], here[16][2];
  int above_count = 0, aligned = 0, start = 0;
  for (int l = 0; l < lines; l++) {
    int natural = 0, spaces = ends[l] - start, here_count = 0;
    for (int w = start; w <= ends[l]; w++)
      natural += widths[w] + (w < ends[l] ? SPACE : 0);
    double ratio = l + 1 == lines && natural <= measure ? 0
                 : natural <= measure ? (double)(measure - natural) / (spaces * STRETCH)
                 : (double)(measure - natural) / (spaces * SHRINK);
    double x = 0, flex = ratio >= 0 ? ratio * STRETCH : ratio * SHRINK;
    for (int w = start; w < ends[l] && here_count < 16; w++) {
      x += widths[w];
      here[here_count][0] = x;
      x += SPACE + flex;
      here[here_count++][1] = x;
    }
    for (int i = 0; i < here_count; i++)
      for (int j = 0; j < above_count; j++)
        aligned += MIN(here[i][1], above[j][1]) - MAX(here[i][0], above[j][0]) >= overlap;
    memcpy(above, here, sizeof here);
    above_count = here_count;
    start = ends[l] + 1;
  }
  return aligned;
}

/* Over many paragraphs, river demerits leave fewer spaces lined up with a
 * space on the line above, and every line still within the tolerance. */
TEST(river_demerits_break_up_lined_up_spaces)
{
  GRand *rand = g_rand_new_with_seed(23);
  int without = 0, with = 0;
  for (int trial = 0; trial < 300; trial++) {
    int count = g_rand_int_range(rand, 30, 60), widths[64], ends[64];
    for (int w = 0; w < count; w++)
      widths[w] = g_rand_int_range(rand, 300, 1500);
    BreakParams params;
    linebreak_default_params(&params, 6000, 6000);
    params.tolerance = 200;
    params.river_overlap = SPACE * 9 / 10;   /* spaces nearly in line */
    for (int rivers = 0; rivers <= 1; rivers++) {
      params.river_demerits = rivers ? 10000 : 0;
      GArray *breaks = break_words(widths, count, &params);
      if (!breaks)
        continue;
      int lines = breaks_to_ends(breaks, ends);
      ends[lines - 1] = count - 1;
      CHECK(!isinf(demerits_of(widths, count, ends, lines, &params)));
      *(rivers ? &with : &without) += aligned_spaces(widths, ends, lines, 6000, params.river_overlap);
      g_array_unref(breaks);
    }
  }
  fprintf(stderr, "  spaces lined up: %d without river demerits, %d with\n", without, with);
  CHECK(without >= 50);
  CHECK(with * 20 <= without * 19);   /* at this tolerance, few breakings have another choice */
  g_rand_free(rand);
}

/* Over many paragraphs ending in a short word, a last line narrower than
 * short_last_width (a stub) is set less often when it costs demerits. */
TEST(a_stub_last_line_costs_demerits)
{
  GRand *rand = g_rand_new_with_seed(31);
  int stubs[2] = { 0, 0 };
  for (int trial = 0; trial < 300; trial++) {
    int count = g_rand_int_range(rand, 8, 20), widths[32], ends[32];
    for (int w = 0; w < count; w++)
      widths[w] = g_rand_int_range(rand, 300, 1500);
    widths[count - 1] = 400;
    BreakParams params;
    linebreak_default_params(&params, 6000, 6000);
    params.tolerance = 200;
    params.short_last_width = 1000;
    for (int penalty = 0; penalty <= 1; penalty++) {
      params.short_last_demerits = penalty ? 20000 : 0;
      GArray *breaks = break_words(widths, count, &params);
      if (!breaks)
        continue;
      int lines = breaks_to_ends(breaks, ends);
      int last = lines >= 2 ? ends[lines - 2] + 1 : 0, natural = 0;
      for (int w = last; w < count; w++)
        natural += widths[w] + (w > last ? SPACE : 0);
      stubs[penalty] += lines >= 2 && natural < params.short_last_width;
      g_array_unref(breaks);
    }
  }
  fprintf(stderr, "  stub last lines: %d without their demerits, %d with\n", stubs[0], stubs[1]);
  CHECK(stubs[0] >= 20);
  CHECK(stubs[1] * 4 <= stubs[0] * 3);
  g_rand_free(rand);
}

static const char *const vocabulary[] = {
  "the", "of", "newspaper", "columns", "justification", "a", "composition", "editor",
  "Parliament", "extraordinarily", "in", "is", "international", "by", "council", "harbour",
  "reconstruction", "and", "to", "photographers", "well-known", "2026", "“quoted”", "it,",
  "responsibilities.", "telecommunications", "x", "on", "www.example.org/a/long/path",
};

static RichText random_paragraph(GRand *rand, int words)
{
  RichText text;
  rich_text_init(&text);
  for (int w = 0; w < words; w++) {
    const char *word = vocabulary[g_rand_int_range(rand, 0, G_N_ELEMENTS(vocabulary))];
    if (w)
      rich_text_append(&text, " ", 1, 0);
    rich_text_append(&text, word, -1, g_rand_int_range(rand, 0, 8) == 0 ? INLINE_EM : 0);
  }
  return text;
}

/* Over many random paragraphs and measures from 6 to 30 ems, no line is
 * wider than its measure (a hanging hyphen or mark aside: under 0.3 em). */
TEST(no_line_is_ever_overfull)
{
  GError *error = NULL;
  Fonts *fonts = fonts_new("fonts", &error);
  Layout *layout = layout_read_file("layouts/tabloid.yaml", &error);
  CHECK(fonts && layout);
  g_clear_error(&error);
  if (!fonts || !layout) {
    fonts_free(fonts);
    layout_free(layout);
    return;
  }
  Typesetter *ts = typesetter_new(fonts_font_map(fonts), layout);
  Hyphenator *hyphenator = hyphenator_new(NULL);
  GRand *rand = g_rand_new_with_seed(2026);
  int em = layout->styles[STYLE_BODY].size, overfull = 0, lines_seen = 0;
  for (int trial = 0; trial < 300; trial++) {
    RichText text = random_paragraph(rand, g_rand_int_range(rand, 1, 60));
    TypesetRequest request = { .style = STYLE_BODY, .width = em * g_rand_int_range(rand, 6, 31),
                               .indent_first_line = trial % 2 == 0 };
    GArray *points = hyphenator_points(hyphenator, "en", &text);
    GArray *lines = typeset_paragraph(ts, &request, &text, points);
    for (unsigned i = 0; i < lines->len; i++) {
      const SetLine *line = &g_array_index(lines, SetLine, i);
      lines_seen++;
      gunichar opening = g_utf8_get_char(pango_layout_get_text(line->layout) + line->metrics.start_index);
      int left_hang = opening == 0x201C ? em * 3 / 10 : 0;   /* a hanging opening quote */
      if (line->metrics.x < -left_hang || line->metrics.x + line->metrics.width > request.width + em * 3 / 10) {
        if (overfull++ < 5)
          fprintf(stderr, "  overfull line %u of trial %d at measure %d\n", i, trial, request.width);
      }
    }
    g_array_unref(lines);
    g_array_unref(points);
    rich_text_clear(&text);
  }
  CHECK_INT(overfull, 0);
  CHECK(lines_seen > 1000);
  g_rand_free(rand);
  hyphenator_free(hyphenator);
  typesetter_free(ts);
  layout_free(layout);
  fonts_free(fonts);
}

RUN_TESTS("linebreak",
  T(total_fit_finds_the_least_demerits_of_every_breaking),
  T(total_fit_evens_lines_greedy_filling_would_not), T(looseness_sets_a_line_more_or_fewer),
  T(never_more_hyphenated_lines_in_a_row_than_allowed), T(protrusion_lets_a_line_end_hang),
  T(no_line_is_ever_overfull), T(river_demerits_break_up_lined_up_spaces),
  T(a_stub_last_line_costs_demerits))
