/* proof.c — proof findings from the display list.
 *
 * The widow, orphan, ladder and loose-line figures port the column
 * analysis of ../shared/tools/pdfquality (its README, "Columns, paragraphs
 * and reading order") onto the display list: lines are chained into column
 * segments by geometry, segments grouped into strips sharing their edges,
 * segments linked in drawing order, paragraph starts marked by indent, gap
 * or size. Working from the same definitions on the boxes galley drew, a
 * report agrees with pdfquality run on the PDF; galley adds what only it
 * knows: the article file and line of each finding. */
#include "proof.h"

#include <math.h>
#include <string.h>

#include "image.h"
#include "story.h"

#define LOOSE_EM PROOF_LOOSE_GAP_EM
#define RIGHT_EDGE_TOL 1.0
#define PROTRUSION_EM 0.3
#define JUSTIFIED_SHARE 0.5
#define EDGE_TOL 1.0
#define INDENT_MIN_EM 0.5
#define PARA_GAP 1.3
#define DISPLAY_REL 0.05
#define SAME_SIZE 0.02
#define CHAIN_MAX_EM 2.5

typedef struct {
  const Box *box;
  int order;            /* drawing order: the box's index */
  double x0, x1, base, em;
  int nwords;
  bool hyph;
  double joined_gap;    /* pt between pieces joined into this line (a list marker) */
  int joined;           /* how many pieces were joined */
  int seg, pos, strip;  /* indices; -1 when none */
  bool display, full, start;
} Line;

typedef struct {
  int page;
  GArray *lines;        /* int: indices into the line table */
  int strip, succ, pred;
  bool heading_before;
} Seg;

typedef struct {
  int page;
  double L, R, em, pitch, key_L, key_Rm, key_Rx;
  bool justified, has_pitch;
  int nlines;
} Strip;

typedef struct {
  const DisplayList *list;
  const Layout *layout;
  Article *const *articles;
  unsigned count;
  GArray *lines;   /* Line */
  GArray *segs;    /* Seg */
  GArray *strips;  /* Strip */
  ProofReport *report;
} Proof;

static double pt(int units)
{
  return units / (double)PANGO_SCALE;
}

#define LINE(p, i) (&g_array_index((p)->lines, Line, (i)))
#define SEG(p, i) (&g_array_index((p)->segs, Seg, (i)))
#define STRIP(p, i) (&g_array_index((p)->strips, Strip, (i)))
#define SEG_LINE(p, s, k) LINE(p, g_array_index(SEG(p, s)->lines, int, (k)))

/* ---- lines ------------------------------------------------------------------ */

static bool is_hyphen(gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0xAD;
}

/* pdfquality's test: the last word ends in a hyphen after a letter. */
static bool ends_hyphenated(const char *text)
{
  glong n = g_utf8_strlen(text, -1);
  if (n < 2)
    return false;
  const char *last = g_utf8_offset_to_pointer(text, n - 1);
  const char *before = g_utf8_prev_char(last);
  return is_hyphen(g_utf8_get_char(last)) && g_unichar_isalpha(g_utf8_get_char(before));
}

static int count_words(const char *text)
{
  int words = 0;
  bool in_word = false;
  for (const char *p = text; *p; p = g_utf8_next_char(p)) {
    bool space = g_unichar_isspace(g_utf8_get_char(p));
    words += !space && !in_word;
    in_word = !space;
  }
  return words;
}

/* The line's size as pdfquality reads it: its most common font size,
 * weighted by the characters set in it (inline code may be smaller). */
static double line_em(const Box *box, double style_em)
{
  PangoLayoutLine *pl = pango_layout_get_line_readonly(box->layout, box->line_index);
  const char *text = pango_layout_get_text(box->layout);
  double best = style_em;
  int best_weight = 0;
  GHashTable *weights = g_hash_table_new(g_direct_hash, g_direct_equal);
  for (GSList *l = pl ? pl->runs : NULL; l; l = l->next) {
    PangoGlyphItem *run = l->data;
    PangoFontDescription *desc = pango_font_describe_with_absolute_size(run->item->analysis.font);
    int key = (int)lround(pango_font_description_get_size(desc) * 10.0 / PANGO_SCALE);
    pango_font_description_free(desc);
    int chars = 0;
    const char *from = text + MAX(run->item->offset, box->start_index);
    const char *to = text + MIN(run->item->offset + run->item->length,
                                box->start_index + box->length);
    for (const char *p = from; p < to; p = g_utf8_next_char(p))
      chars += !g_unichar_isspace(g_utf8_get_char(p));
    if (chars == 0)
      continue;
    int weight = GPOINTER_TO_INT(g_hash_table_lookup(weights, GINT_TO_POINTER(key))) + chars;
    g_hash_table_insert(weights, GINT_TO_POINTER(key), GINT_TO_POINTER(weight));
    if (weight > best_weight)
      best_weight = weight, best = key / 10.0;
  }
  g_hash_table_destroy(weights);
  return best;
}

static Line make_line(const Proof *proof, unsigned index)
{
  const Box *box = display_list_box(proof->list, index);
  char *text = display_list_box_text(box);
  Line line = { box, (int)index, pt(box->x), pt(box->x + box->width), pt(box->y),
                line_em(box, pt(proof->layout->styles[box->style].size)), count_words(text),
                ends_hyphenated(text), 0, 0, -1, 0, -1, false, false, false };
  g_free(text);
  return line;
}

/* The mean space between the line's words, in ems: word boxes run from a
 * word's first glyph to the end of its last glyph's advance. */
static double mean_gap_em(const Line *line)
{
  PangoLayoutLine *pl = pango_layout_get_line_readonly(line->box->layout, line->box->line_index);
  const char *text = pango_layout_get_text(line->box->layout);
  double gaps = 0, pen = 0, word_end = -1;
  int count = 0;
  bool in_space = false;
  int start = line->box->start_index, end = line->box->start_index + line->box->length;
  for (GSList *l = pl->runs; l; l = l->next) {
    PangoGlyphItem *run = l->data;
    for (int g = 0; g < run->glyphs->num_glyphs; g++) {
      PangoGlyphInfo *info = &run->glyphs->glyphs[g];
      int byte = run->item->offset + run->glyphs->log_clusters[g];
      if (byte < start || byte >= end)   /* the box draws a range of a shared line */
        continue;
      gunichar c = g_utf8_get_char(text + byte);
      if (g_unichar_isspace(c)) {
        in_space = true;
      } else {
        if (in_space && word_end >= 0) {
          gaps += pen + info->geometry.x_offset - word_end;
          count++;
        }
        in_space = false;
        /* the PDF places each glyph, but a word box ends at the font's own
         * advance: justification's letter spacing is white space */
        PangoRectangle logical;
        pango_font_get_glyph_extents(run->item->analysis.font, info->glyph, NULL, &logical);
        word_end = pen + info->geometry.x_offset + MIN(logical.width, info->geometry.width);
      }
      pen += info->geometry.width;
    }
  }
  /* an expanded line is drawn scaled horizontally, its spaces with it */
  gaps = gaps * (1.0 + line->box->expansion / 1000.0) / PANGO_SCALE + line->joined_gap;
  count += line->joined;
  return count ? gaps / count / line->em : 0;
}

/* pdftotext reads pieces drawn on one baseline close together as one
 * line: a list marker and its item's first line. */
static bool join_piece(Line *line, const Line *piece)
{
  if (line->box->page != piece->box->page || fabs(line->base - piece->base) > 0.5 ||
      fabs(line->em - piece->em) > SAME_SIZE * line->em)
    return false;
  double gap = piece->x0 >= line->x1 ? piece->x0 - line->x1 : line->x0 - piece->x1;
  if (gap < 0 || gap > line->em)
    return false;
  if (piece->x0 >= line->x1)
    line->hyph = piece->hyph;
  line->x0 = MIN(line->x0, piece->x0);
  line->x1 = MAX(line->x1, piece->x1);
  line->nwords += piece->nwords;
  line->joined_gap += gap;
  line->joined++;
  return true;
}

/* ---- column segments (pdfquality's segment_page) ------------------------------- */

static double overlap(const Line *a, const Line *b)
{
  return MIN(a->x1, b->x1) - MAX(a->x0, b->x0);
}

static gint by_base(gconstpointer a, gconstpointer b, gpointer data)
{
  const Line *x = LINE((Proof *)data, *(const int *)a), *y = LINE((Proof *)data, *(const int *)b);
  if (x->base != y->base)
    return x->base < y->base ? -1 : 1;
  return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

/* The unique nearest overlapping line in direction dir (+1 below, -1 above). */
static int nearest(Proof *proof, const int *order, int n, int i, int dir, double maxem)
{
  const Line *a = LINE(proof, order[i]);
  double lim = a->base + dir * CHAIN_MAX_EM * MAX(a->em, maxem);
  int first = -1;
  for (int j = i + dir; j >= 0 && j < n; j += dir) {
    const Line *b = LINE(proof, order[j]);
    if (dir > 0 ? b->base > lim : b->base < lim)
      break;
    double dist = fabs(b->base - a->base);
    if (dist >= 0.5 * MIN(a->em, b->em) && overlap(a, b) > 0) {
      if (first >= 0)
        return -1;   /* a fork: no link */
      first = j;
      lim = b->base + dir * 0.6 * MIN(a->em, b->em);
    }
  }
  return first;
}

static void segment_page(Proof *proof, GArray *page_lines, int page)
{
  int n = (int)page_lines->len;
  if (n == 0)
    return;
  g_array_sort_with_data(page_lines, by_base, proof);
  const int *order = (const int *)(void *)page_lines->data;
  double maxem = 0;
  for (int i = 0; i < n; i++)
    maxem = MAX(maxem, LINE(proof, order[i])->em);
  int *below = g_new(int, n), *link = g_new(int, n);
  bool *has_up = g_new0(bool, n);
  for (int i = 0; i < n; i++)
    below[i] = nearest(proof, order, n, i, +1, maxem);
  for (int i = 0; i < n; i++) {
    link[i] = -1;
    int j = below[i];
    if (j >= 0 && nearest(proof, order, n, j, -1, maxem) == i) {
      const Line *a = LINE(proof, order[i]), *b = LINE(proof, order[j]);
      if (b->base - a->base <= CHAIN_MAX_EM * MAX(a->em, b->em)) {
        link[i] = j;
        has_up[j] = true;
      }
    }
  }
  for (int i = 0; i < n; i++) {
    if (has_up[i])
      continue;
    Seg seg = { page, g_array_new(FALSE, FALSE, sizeof(int)), -1, -1, -1, false };
    int segno = (int)proof->segs->len;
    for (int j = i; j >= 0; j = link[j]) {
      Line *line = LINE(proof, order[j]);
      line->seg = segno;
      line->pos = (int)seg.lines->len;
      g_array_append_val(seg.lines, order[j]);
    }
    g_array_append_val(proof->segs, seg);
  }
  g_free(below);
  g_free(link);
  g_free(has_up);
}

/* ---- strips (pdfquality's build_strips) ------------------------------------------ */

static gint compare_doubles(gconstpointer a, gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* The median of the most populated window [v, v + tol]. */
static double edge_mode(GArray *values, double tol, bool prefer_high)
{
  if (values->len == 0)
    return 0;
  g_array_sort(values, compare_doubles);
  const double *v = (const double *)(void *)values->data;
  int n = (int)values->len, best_count = 0, best_i = 0, best_j = 0, j = 0;
  double best_key = 0;
  for (int i = 0; i < n; i++) {
    while (v[i] - v[j] > tol)
      j++;
    int count = i - j + 1;
    double key = prefer_high ? v[i] : -v[i];
    if (count > best_count || (count == best_count && key > best_key)) {
      best_count = count, best_key = key, best_i = i, best_j = j;
    }
  }
  int m = best_i - best_j + 1;
  return m % 2 ? v[best_j + m / 2] : (v[best_j + m / 2 - 1] + v[best_j + m / 2]) / 2;
}

/* The most common size, weighted by words. */
static double mode_em(Proof *proof, const int *idx, int n)
{
  GHashTable *weights = g_hash_table_new(g_direct_hash, g_direct_equal);
  int best_key = 0, best_weight = -1;
  for (int i = 0; i < n; i++) {
    const Line *line = LINE(proof, idx[i]);
    int key = (int)lround(line->em * 10);
    int w = GPOINTER_TO_INT(g_hash_table_lookup(weights, GINT_TO_POINTER(key))) + line->nwords;
    g_hash_table_insert(weights, GINT_TO_POINTER(key), GINT_TO_POINTER(w));
    if (w > best_weight || (w == best_weight && key > best_key))
      best_weight = w, best_key = key;
  }
  g_hash_table_destroy(weights);
  return best_key / 10.0;
}

typedef enum { EDGE_LEFT, EDGE_RIGHT_MULTI, EDGE_RIGHT_MAX } Edge;

static double edge_of(Proof *proof, const int *idx, int n, double em, bool body_only, Edge edge)
{
  GArray *values = g_array_new(FALSE, FALSE, sizeof(double));
  double max = -1e9;
  for (int pass = 0; pass < 2 && values->len == 0; pass++) {
    for (int i = 0; i < n; i++) {
      const Line *line = LINE(proof, idx[i]);
      if (body_only ? line->display : fabs(line->em - em) > DISPLAY_REL * em)
        continue;
      double v = edge == EDGE_LEFT ? line->x0 : line->x1;
      max = MAX(max, line->x1);
      if (edge == EDGE_RIGHT_MULTI && pass == 0 && line->nwords < 2)
        continue;
      g_array_append_val(values, v);
    }
    if (edge != EDGE_RIGHT_MULTI)
      break;
  }
  double result = edge == EDGE_RIGHT_MAX ? max : edge_mode(values, EDGE_TOL, edge != EDGE_LEFT);
  g_array_free(values, TRUE);
  return result;
}

static GArray *strip_lines(Proof *proof, int strip)
{
  GArray *idx = g_array_new(FALSE, FALSE, sizeof(int));
  for (guint s = 0; s < proof->segs->len; s++)
    if (SEG(proof, s)->strip == strip)
      g_array_append_vals(idx, SEG(proof, s)->lines->data, SEG(proof, s)->lines->len);
  return idx;
}

static void finish_strip(Proof *proof, int s)
{
  Strip *st = STRIP(proof, s);
  GArray *idx = strip_lines(proof, s);
  const int *ix = (const int *)(void *)idx->data;
  int n = (int)idx->len, multi = 0, full = 0;
  st->em = mode_em(proof, ix, n);
  for (int i = 0; i < n; i++) {
    Line *line = LINE(proof, ix[i]);
    line->strip = s;
    line->display = fabs(line->em - st->em) > DISPLAY_REL * st->em;
    st->nlines += !line->display;
  }
  st->L = edge_of(proof, ix, n, st->em, true, EDGE_LEFT);
  double Rm = edge_of(proof, ix, n, st->em, true, EDGE_RIGHT_MULTI);
  double Rmax = edge_of(proof, ix, n, st->em, true, EDGE_RIGHT_MAX);
  for (int i = 0; i < n; i++) {
    Line *line = LINE(proof, ix[i]);
    if (line->display)
      continue;
    line->full = Rm - RIGHT_EDGE_TOL <= line->x1 && line->x1 <= Rm + PROTRUSION_EM * line->em;
    multi += line->nwords >= 2;
    full += line->nwords >= 2 && line->full;
  }
  st->justified = full >= 3 && full >= JUSTIFIED_SHARE * multi;
  st->R = st->justified ? Rm : Rmax;
  GArray *pitches = g_array_new(FALSE, FALSE, sizeof(double));
  for (guint g = 0; g < proof->segs->len; g++) {
    const Seg *seg = SEG(proof, g);
    const Line *prev = NULL;
    for (guint k = 0; seg->strip == s && k < seg->lines->len; k++) {
      const Line *line = SEG_LINE(proof, g, k);
      if (line->display) {
        prev = NULL;
        continue;
      }
      if (prev && fabs(line->em - prev->em) <= SAME_SIZE * line->em) {
        double d = line->base - prev->base;
        g_array_append_val(pitches, d);
      }
      prev = line;
    }
  }
  if (pitches->len) {
    g_array_sort(pitches, compare_doubles);
    const double *v = (const double *)(void *)pitches->data;
    guint m = pitches->len;
    st->pitch = m % 2 ? v[m / 2] : (v[m / 2 - 1] + v[m / 2]) / 2;
    st->has_pitch = true;
  }
  g_array_free(pitches, TRUE);
  g_array_free(idx, TRUE);
}

typedef struct {
  double L, Rm, Rx, top;
  int seg;
} SegKey;

static gint by_left_then_top(gconstpointer a, gconstpointer b)
{
  const SegKey *x = a, *y = b;
  if (x->L != y->L)
    return x->L < y->L ? -1 : 1;
  return x->top < y->top ? -1 : x->top > y->top;
}

static void build_strips(Proof *proof, guint first_seg)
{
  GArray *keys = g_array_new(FALSE, FALSE, sizeof(SegKey));
  guint first_strip = proof->strips->len;
  for (guint s = first_seg; s < proof->segs->len; s++) {
    const Seg *seg = SEG(proof, s);
    const int *ix = (const int *)(void *)seg->lines->data;
    int n = (int)seg->lines->len;
    double em = mode_em(proof, ix, n);
    SegKey key = { edge_of(proof, ix, n, em, false, EDGE_LEFT),
                   edge_of(proof, ix, n, em, false, EDGE_RIGHT_MULTI),
                   edge_of(proof, ix, n, em, false, EDGE_RIGHT_MAX), LINE(proof, ix[0])->base, (int)s };
    g_array_append_val(keys, key);
  }
  g_array_sort(keys, by_left_then_top);
  for (guint k = 0; k < keys->len; k++) {
    const SegKey *key = &g_array_index(keys, SegKey, k);
    double width = MAX(key->Rx - key->L, 1.0);
    int home = -1;
    for (guint t = first_strip; t < proof->strips->len && home < 0; t++) {
      const Strip *st = STRIP(proof, t);
      if (fabs(st->key_L - key->L) <= EDGE_TOL &&
          (fabs(st->key_Rm - key->Rm) <= EDGE_TOL || fabs(st->key_Rx - key->Rx) <= 0.1 * width))
        home = (int)t;
    }
    if (home < 0) {
      Strip st = { .page = SEG(proof, key->seg)->page, .key_L = key->L, .key_Rm = key->Rm,
                   .key_Rx = key->Rx };
      g_array_append_val(proof->strips, st);
      home = (int)proof->strips->len - 1;
    }
    SEG(proof, key->seg)->strip = home;
  }
  g_array_free(keys, TRUE);
  for (guint t = first_strip; t < proof->strips->len; t++)
    finish_strip(proof, (int)t);
}

static bool is_column(const Proof *proof, int strip)
{
  return strip >= 0 && STRIP(proof, strip)->nlines >= 3;
}

/* ---- continuation and paragraph starts ------------------------------------------ */

static gint by_drawing_order(gconstpointer a, gconstpointer b, gpointer data)
{
  const Line *x = LINE((Proof *)data, *(const int *)a), *y = LINE((Proof *)data, *(const int *)b);
  if (x->box->page != y->box->page)
    return x->box->page < y->box->page ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static void link_segments(Proof *proof)
{
  guint n = proof->lines->len;
  int *seq = g_new(int, n), *where = g_new(int, n);
  for (guint i = 0; i < n; i++)
    seq[i] = (int)i;
  g_qsort_with_data(seq, (gint)n, sizeof(int), by_drawing_order, proof);
  for (guint i = 0; i < n; i++)
    where[seq[i]] = (int)i;
  for (guint s = 0; s < proof->segs->len; s++) {
    Seg *seg = SEG(proof, s);
    const Line *last = SEG_LINE(proof, s, seg->lines->len - 1);
    if (last->display || !is_column(proof, last->strip))
      continue;
    bool heading = false;
    double width = STRIP(proof, last->strip)->R - STRIP(proof, last->strip)->L;
    for (guint i = (guint)where[g_array_index(seg->lines, int, seg->lines->len - 1)] + 1, steps = 0;
         i < n && steps < 400; i++, steps++) {
      const Line *m = LINE(proof, seq[i]);
      if (m->seg == (int)s)
        continue;
      if (m->em > (1 + DISPLAY_REL) * last->em) {
        heading = true;
        continue;
      }
      if (fabs(m->em - last->em) > SAME_SIZE * last->em || m->display || !is_column(proof, m->strip))
        continue;
      const Strip *ms = STRIP(proof, m->strip);
      if (fabs((ms->R - ms->L) - width) > last->em)
        continue;
      if (m->pos == 0 && SEG(proof, m->seg)->pred < 0) {
        seg->succ = m->seg;
        SEG(proof, m->seg)->pred = (int)s;
        SEG(proof, m->seg)->heading_before = heading;
      }
      break;
    }
  }
  g_free(seq);
  g_free(where);
}

/* 1: the line ends its paragraph; 0: it continues; -1: cannot tell. */
static int ends_by_shape(const Proof *proof, const Line *line)
{
  if (line->display)
    return 1;
  if (line->hyph)
    return 0;
  const Strip *st = line->strip >= 0 ? STRIP(proof, line->strip) : NULL;
  if (st && st->justified)
    return !(line->x1 >= st->R - RIGHT_EDGE_TOL);
  return -1;
}

static bool starts_paragraph(const Proof *proof, const Seg *seg, const Line *line, const Line *prev)
{
  const Strip *st = STRIP(proof, seg->strip);
  bool indented = line->x0 - st->L >= INDENT_MIN_EM * line->em;
  if (line->display)
    return true;
  if (!prev) {
    if (seg->pred < 0 || seg->heading_before)
      return true;
    const Seg *p = SEG(proof, seg->pred);
    const Line *pl = LINE(proof, g_array_index(p->lines, int, p->lines->len - 1));
    return indented || pl->display || ends_by_shape(proof, pl) == 1;
  }
  if (prev->display || fabs(line->em - prev->em) > DISPLAY_REL * line->em)
    return true;
  if (st->has_pitch && line->base - prev->base > PARA_GAP * st->pitch)
    return true;
  if (indented)
    return !(fabs(prev->x0 - line->x0) <= EDGE_TOL && st->justified && prev->full);
  return false;
}

static void mark_starts(Proof *proof)
{
  for (guint s = 0; s < proof->segs->len; s++) {
    const Seg *seg = SEG(proof, s);
    Line *prev = NULL;
    for (guint k = 0; k < seg->lines->len; k++) {
      Line *line = SEG_LINE(proof, s, k);
      line->start = starts_paragraph(proof, seg, line, prev);
      prev = line;
    }
  }
}

/* ---- findings --------------------------------------------------------------------- */

static const char *const kind_names[PROOF_KIND_COUNT] = {
  "overset", "missing-image", "headline-too-long", "widow", "orphan", "loose-line", "ladder",
  "low-res-photo",
};

const char *proof_kind_name(ProofKind kind)
{
  return kind < PROOF_KIND_COUNT ? kind_names[kind] : "?";
}

bool proof_kind_is_error(ProofKind kind)
{
  return kind == PROOF_OVERSET || kind == PROOF_MISSING_IMAGE || kind == PROOF_HEADLINE_TOO_LONG;
}

static void add_finding(Proof *proof, ProofKind kind, const Box *box, int line, char *message)
{
  const Article *article = box && box->story >= 0 && (unsigned)box->story < proof->count
                             ? proof->articles[box->story] : NULL;
  if (box && box->kind == BOX_TEXT && line == 0)
    line = story_layout_source_line(box->layout);
  ProofFinding f = { kind, article ? article->path : NULL, line, box ? box->page : -1,
                     box ? box->x : 0, box ? box->y : 0, message };
  g_array_append_val(proof->report->findings, f);
  proof->report->counts[kind]++;
  proof->report->errors += proof_kind_is_error(kind);
}

static char *quoted_text(const Box *box)
{
  char *text = display_list_box_text(box);
  glong n = g_utf8_strlen(text, -1);
  if (n > 40) {
    char *cut = g_utf8_substring(text, 0, 37);
    g_free(text);
    text = g_strconcat(cut, "...", NULL);
    g_free(cut);
  }
  return text;
}

static void add_line_finding(Proof *proof, ProofKind kind, const Line *line, const char *what)
{
  char *text = quoted_text(line->box);
  add_finding(proof, kind, line->box, 0,
              g_strdup_printf("%s on page %d: \"%s\"", what, line->box->page + 1, text));
  g_free(text);
}

static void find_loose_lines(Proof *proof)
{
  for (guint s = 0; s < proof->segs->len; s++) {
    const Seg *seg = SEG(proof, s);
    if (!STRIP(proof, seg->strip)->justified || !is_column(proof, seg->strip))
      continue;
    for (guint k = 0; k < seg->lines->len; k++) {
      const Line *line = SEG_LINE(proof, s, k);
      if (line->display || line->nwords < PROOF_MIN_WORDS || !line->full)
        continue;
      proof->report->measured_lines++;
      double gap = mean_gap_em(line);
      if (gap <= LOOSE_EM)
        continue;
      proof->report->loose_lines++;
      char *what = g_strdup_printf("loose line (word spaces %.2f em)", gap);
      add_line_finding(proof, PROOF_LOOSE_LINE, line, what);
      g_free(what);
    }
  }
}

static void end_run(Proof *proof, const Line *first, int *run)
{
  if (*run >= PROOF_LADDER_RUN) {
    char *what = g_strdup_printf("%d hyphenated lines in a row", *run);
    add_line_finding(proof, PROOF_LADDER, first, what);
    g_free(what);
  }
  *run = 0;
}

static void find_ladders(Proof *proof)
{
  for (guint s = 0; s < proof->segs->len; s++) {
    const Seg *seg = SEG(proof, s);
    if (!is_column(proof, seg->strip))
      continue;
    int run = 0;
    const Line *first = NULL;
    for (guint k = 0; k < seg->lines->len; k++) {
      const Line *line = SEG_LINE(proof, s, k);
      if (!line->display) {
        proof->report->body_lines++;
        proof->report->hyphenated_lines += line->hyph;
      }
      if (!line->display && line->hyph) {
        first = run == 0 ? line : first;
        run++;
      } else if (!(line->display && run == 0)) {
        end_run(proof, first, &run);
      }
    }
    end_run(proof, first, &run);
  }
}

static void find_widows_orphans(Proof *proof)
{
  for (guint s = 0; s < proof->segs->len; s++) {
    const Seg *seg = SEG(proof, s);
    if (seg->succ < 0)
      continue;
    const Seg *next = SEG(proof, seg->succ);
    const Line *last = SEG_LINE(proof, s, seg->lines->len - 1);
    const Line *first = SEG_LINE(proof, seg->succ, 0);
    if (last->display || first->display || first->start)
      continue;
    if (last->start)
      add_line_finding(proof, PROOF_ORPHAN, last, "orphan: a paragraph's first line ends the column");
    bool ends_here = next->lines->len >= 2 ? SEG_LINE(proof, seg->succ, 1)->start
                     : next->succ < 0 || SEG_LINE(proof, next->succ, 0)->start;
    if (ends_here)
      add_line_finding(proof, PROOF_WIDOW, first, "widow: a paragraph's last line starts the column");
  }
}

/* Lines below the live area: text that did not fit where it was placed. */
static void find_overset(Proof *proof)
{
  int bottom = proof->layout->page_height - proof->layout->margin_bottom + PANGO_SCALE;
  for (guint i = 0; i < proof->lines->len; i++) {
    const Line *line = LINE(proof, i);
    if (line->box->story >= 0 && line->box->y > bottom)
      add_line_finding(proof, PROOF_OVERSET, line, "overset: text below the live area");
  }
}

static void find_photo_problems(Proof *proof)
{
  for (unsigned i = 0; i < display_list_box_count(proof->list); i++) {
    const Box *box = display_list_box(proof->list, i);
    const Article *article = box->story >= 0 && (unsigned)box->story < proof->count
                               ? proof->articles[box->story] : NULL;
    if (!article)
      continue;
    if (box->kind == BOX_PLACEHOLDER) {
      add_finding(proof, PROOF_MISSING_IMAGE, box, article->image_line,
                  g_strdup_printf("photo %s cannot be read; a grey box stands in for it",
                                  article->image ? article->image : "(none)"));
    } else if (box->kind == BOX_IMAGE && box->width > 0) {
      double ppi = image_width(box->image) / (pt(box->width) / 72.0);
      if (ppi < PROOF_MIN_PHOTO_PPI)
        add_finding(proof, PROOF_LOW_RES_PHOTO, box, article->image_line,
                    g_strdup_printf("photo %s is %.0f ppi at its printed size (%.0f pt wide); "
                                    "%.0f ppi or more prints sharp", article->image, ppi,
                                    pt(box->width), PROOF_MIN_PHOTO_PPI));
    }
  }
}

/* A headline that needed more lines than the layout allows at its smallest
 * size, counted where it first appears (an edition repeats a story's head
 * over its continuation as a jump head). */
static void find_long_headlines(Proof *proof)
{
  int *lines = g_new0(int, proof->count + 1);
  const Box **first = g_new0(const Box *, proof->count + 1);
  for (unsigned i = 0; i < display_list_box_count(proof->list); i++) {
    const Box *box = display_list_box(proof->list, i);
    if (box->kind != BOX_TEXT || box->style != STYLE_HEADLINE || box->story < 0 ||
        (unsigned)box->story >= proof->count)
      continue;
    first[box->story] = first[box->story] ? first[box->story] : box;
    if (box->page == first[box->story]->page)
      lines[box->story]++;
  }
  int max = proof->layout->headline_max_lines;
  for (unsigned s = 0; s < proof->count; s++)
    if (max > 0 && lines[s] > max)
      add_finding(proof, PROOF_HEADLINE_TOO_LONG, first[s], 0,
                  g_strdup_printf("the headline takes %d lines, more than the layout's %d even at "
                                  "its smallest size; shorten it", lines[s], max));
  g_free(lines);
  g_free(first);
}

static gint by_page(gconstpointer a, gconstpointer b)
{
  const ProofFinding *x = a, *y = b;
  if (x->page != y->page)
    return x->page < y->page ? -1 : 1;
  return x->y < y->y ? -1 : x->y > y->y;
}

static void finding_clear(gpointer data)
{
  g_free(((ProofFinding *)data)->message);
}

static void analyse_pages(Proof *proof)
{
  int pages = display_list_page_count(proof->list);
  for (int page = 0; page < pages; page++) {
    GArray *page_lines = g_array_new(FALSE, FALSE, sizeof(int));
    for (guint i = 0; i < proof->lines->len; i++)
      if (LINE(proof, i)->box->page == page) {
        int index = (int)i;
        g_array_append_val(page_lines, index);
      }
    guint first_seg = proof->segs->len;
    segment_page(proof, page_lines, page);
    build_strips(proof, first_seg);
    g_array_free(page_lines, TRUE);
  }
  link_segments(proof);
  mark_starts(proof);
}

ProofReport *proof_run(const DisplayList *list, const Layout *layout, Article *const *articles,
                       unsigned count)
{
  ProofReport *report = g_new0(ProofReport, 1);
  report->findings = g_array_new(FALSE, TRUE, sizeof(ProofFinding));
  g_array_set_clear_func(report->findings, finding_clear);
  report->pages = display_list_page_count(list);
  Proof proof = { list, layout, articles, count, g_array_new(FALSE, FALSE, sizeof(Line)),
                  g_array_new(FALSE, FALSE, sizeof(Seg)), g_array_new(FALSE, TRUE, sizeof(Strip)),
                  report };
  for (unsigned i = 0; i < display_list_box_count(list); i++) {
    if (display_list_box(list, i)->kind != BOX_TEXT)
      continue;
    Line line = make_line(&proof, i);
    Line *last = proof.lines->len ? LINE(&proof, proof.lines->len - 1) : NULL;
    if (!last || !join_piece(last, &line))
      g_array_append_val(proof.lines, line);
  }
  analyse_pages(&proof);
  find_overset(&proof);
  find_photo_problems(&proof);
  find_long_headlines(&proof);
  find_widows_orphans(&proof);
  find_ladders(&proof);
  find_loose_lines(&proof);
  g_array_sort(report->findings, by_page);
  for (guint s = 0; s < proof.segs->len; s++)
    g_array_free(SEG(&proof, s)->lines, TRUE);
  g_array_free(proof.segs, TRUE);
  g_array_free(proof.strips, TRUE);
  g_array_free(proof.lines, TRUE);
  return report;
}

void proof_report_drop(ProofReport *report, ProofKind kind)
{
  for (unsigned i = report->findings->len; i-- > 0;)
    if (g_array_index(report->findings, ProofFinding, i).kind == kind)
      g_array_remove_index(report->findings, i);   /* the clear func frees its message */
  report->errors -= proof_kind_is_error(kind) ? report->counts[kind] : 0;
  report->counts[kind] = 0;
}

void proof_report_free(ProofReport *report)
{
  if (!report)
    return;
  g_array_free(report->findings, TRUE);
  g_free(report);
}

double proof_loose_pct(const ProofReport *report)
{
  return report->measured_lines ? 100.0 * report->loose_lines / report->measured_lines : -1;
}

static void json_string(GString *out, const char *s)
{
  g_string_append_c(out, '"');
  for (const char *p = s ? s : ""; *p; p++) {
    unsigned char c = (unsigned char)*p;
    if (c == '"' || c == '\\')
      g_string_append_printf(out, "\\%c", c);
    else if (c < 0x20)
      g_string_append_printf(out, "\\u%04x", c);
    else
      g_string_append_c(out, (char)c);
  }
  g_string_append_c(out, '"');
}

char *proof_report_json(const ProofReport *report)
{
  GString *out = g_string_new("{\n");
  g_string_append_printf(out, "  \"pages\": %d,\n  \"errors\": %d,\n", report->pages, report->errors);
  g_string_append(out, "  \"counts\": {");
  for (int k = 0; k < PROOF_KIND_COUNT; k++)
    g_string_append_printf(out, "%s\"%s\": %d", k ? ", " : "", kind_names[k], report->counts[k]);
  g_string_append_printf(out, "},\n  \"body_lines\": %d,\n  \"hyphenated_lines\": %d,\n"
                         "  \"measured_lines\": %d,\n  \"loose_lines\": %d,\n",
                         report->body_lines, report->hyphenated_lines, report->measured_lines,
                         report->loose_lines);
  double pct = proof_loose_pct(report);
  if (pct < 0)
    g_string_append(out, "  \"loose_pct\": null,\n");
  else
    g_string_append_printf(out, "  \"loose_pct\": %.3f,\n", pct);
  g_string_append(out, "  \"findings\": [");
  for (guint i = 0; i < report->findings->len; i++) {
    const ProofFinding *f = &g_array_index(report->findings, ProofFinding, i);
    g_string_append_printf(out, "%s\n    {\"kind\": \"%s\", \"error\": %s, \"file\": ", i ? "," : "",
                           kind_names[f->kind], proof_kind_is_error(f->kind) ? "true" : "false");
    json_string(out, f->file);
    g_string_append_printf(out, ", \"line\": %d, \"page\": %d, \"x\": %.2f, \"y\": %.2f, \"message\": ",
                           f->line, f->page + 1, pt(f->x), pt(f->y));
    json_string(out, f->message);
    g_string_append_c(out, '}');
  }
  g_string_append(out, report->findings->len ? "\n  ]\n}\n" : "]\n}\n");
  return g_string_free(out, FALSE);
}
