/* slotset.c — a story in a slot: frame geometry, head, photo, body, jump
 * room and copy-fitting.
 *
 * Vertical positions are grid rows of the frame from its top; the frame's
 * baseline is the page's pitch unless copy-fitting changed the leading. */
#include "slotset.h"

#include <math.h>
#include <string.h>

#include "flow.h"
#include "galley_limits.h"

#define BOX_INSET (6 * PANGO_SCALE)   /* fact box: text from the box edge */
#define MIN_BODY_ROWS 3
#define MIN_TEXT_UNDER_PHOTO 8        /* body rows a photo leaves in its slot */
#define MAX_PHOTO_SHARE 0.5           /* a photo from its aspect takes at most half the slot */
#define FIT_PHOTO_STEPS 4             /* copy-fitting: photo depth changes by up to 4 rows */
#define FIT_LEADING_PERMILLE 30       /* ... and leading by up to 3 % */

struct SlotFrame {
  const SlotInset *inset;   /* during slotset_place only */
  Layout layout;         /* shallow copy of the page layout: strings borrowed */
  Typesetter *ts;
  const Slot *slot;
  int top, height;       /* Pango units: the content rectangle's top and depth */
  int page_column_width;
  int page_pitch;
};

static int scale_by(int value, int num, int den)
{
  return (int)((gint64)value * num / den);
}

SlotFrame *slotframe_new(const Layout *page, PangoFontMap *map, const Slot *slot, int x, int top,
                         int width, int rows)
{
  SlotFrame *f = g_new0(SlotFrame, 1);
  f->slot = slot;
  f->layout = *page;
  Layout *l = &f->layout;
  int inset = slot->box ? BOX_INSET : 0;
  int head_top = top + (slot->box ? page->baseline / 2 : 0);
  if (slot->box) {   /* a fact box's own body: the caption's sans, ragged, a little smaller */
    Style *body = &l->styles[STYLE_BODY];
    body->family = page->styles[STYLE_CAPTION].family;
    body->weight = page->styles[STYLE_CAPTION].weight;
    body->size = body->size * 95 / 100;
    body->align = ALIGN_LEFT;
  }
  l->margin_left = x + inset;
  l->margin_right = page->page_width - (x + width) + inset;
  l->margin_top = head_top;
  l->margin_bottom = page->page_height - (top + rows * page->baseline);
  l->columns = slot->text_columns > 0 ? slot->text_columns : slot->span;
  if (slot->gutter >= 0)
    l->gutter = slot->gutter;
  l->folio = false;
  l->headline_columns = 0;
  l->photo_columns = 0;
  l->headline_max_lines = slot->head_lines;
  l->headline_min_size = slot->head_min;
  Style *head = &l->styles[STYLE_HEADLINE];
  head->leading = scale_by(head->leading, slot->head_max, head->size);
  head->size = slot->head_max;
  Style *deck = &l->styles[STYLE_DECK];
  int deck_size = CLAMP(slot->head_max * 45 / 100, 11 * PANGO_SCALE, deck->size);
  deck->leading = scale_by(deck->leading, deck_size, deck->size);
  deck->size = deck_size;
  f->top = head_top;
  f->height = top + rows * page->baseline - head_top;
  f->page_column_width = layout_column_width(page);
  f->page_pitch = page->baseline;
  f->ts = typesetter_new(map, l);
  return f;
}

void slotframe_free(SlotFrame *frame)
{
  if (!frame)
    return;
  typesetter_free(frame->ts);
  g_free(frame);
}

const Layout *slotframe_layout(const SlotFrame *frame) { return &frame->layout; }
Typesetter *slotframe_typesetter(SlotFrame *frame) { return frame->ts; }

bool slotframe_on_page_grid(const SlotFrame *frame, const Layout *page)
{
  return layout_column_width(&frame->layout) == layout_column_width(page) &&
         frame->layout.baseline == page->baseline;
}

/* ---- one pass over the slot --------------------------------------------------------- */

typedef struct {
  int photo_delta;       /* rows added to the photo's depth */
  int pitch;             /* the body's leading */
} Fit;

typedef struct {
  int rows;              /* rows in the frame at this pitch */
  int head_rows;
  int photo_rows;        /* photo with credit and caption */
  int image_height;      /* Pango units */
  int photo_width;
  FlowColumns columns;   /* each column's top row, and the inset's hole */
  int inset_column, inset_top, inset_rows, inset_image_height;   /* inset_rows 0: none */
  int quote_top;         /* the article's pull quote: its first row; -1 when not set */
} Plan;

static int rows_covering(int units, int pitch)
{
  return units <= 0 ? 0 : (units + pitch - 1) / pitch;
}

static int baseline_offset(const Layout *l)
{
  int size = l->styles[STYLE_BODY].size;
  return l->baseline - (l->baseline - size) / 2 - size * 22 / 100;
}

static PangoLayout *set_text(SlotFrame *f, StyleId style, const char *text, int width, GArray **lines)
{
  TypesetRequest request = { .style = style, .width = width };
  PangoLayout *layout = typeset_plain(f->ts, &request, text);
  *lines = typeset_lines(layout);
  return layout;
}

/* Depth of credit and caption under a photo of this width (Pango units). */
static int caption_depth(SlotFrame *f, const SlotPhoto *photo, int width)
{
  int depth = 0;
  const char *texts[] = { photo->credit, photo->caption };
  StyleId styles[] = { STYLE_CREDIT, STYLE_CAPTION };
  for (int i = 0; i < 2; i++) {
    if (!texts[i] || !*texts[i])
      continue;
    GArray *lines;
    PangoLayout *layout = set_text(f, styles[i], texts[i], width, &lines);
    depth += (int)lines->len * f->layout.styles[styles[i]].leading + PANGO_SCALE * 2;
    g_array_unref(lines);
    g_object_unref(layout);
  }
  return depth;
}

static void plan_photo(SlotFrame *f, const SlotPhoto *photo, const Fit *fit, Plan *plan)
{
  const Layout *l = &f->layout;
  const Slot *slot = f->slot;
  /* by default a photo leaves a column of text beside it in slots of three or more */
  int span = slot->photo_span > 0 ? MIN(slot->photo_span, slot->span)
                                  : slot->span >= 3 ? slot->span - 1 : slot->span;
  int live = layout_live_width(l);
  plan->photo_width = MIN(live, span * f->page_column_width + (span - 1) * f->layout.gutter);
  if (slot->text_columns > 0 && span >= slot->span)
    plan->photo_width = live;
  double aspect = photo->artwork ? artwork_height(photo->artwork) / artwork_width(photo->artwork) : 2.0 / 3.0;
  int rows = slot->photo_lines > 0 ? slot->photo_lines
                                   : (int)lround(plan->photo_width * aspect / fit->pitch);
  if (slot->photo_lines <= 0)
    rows = MIN(rows, (int)(plan->rows * MAX_PHOTO_SHARE));
  int caption_rows = rows_covering(caption_depth(f, photo, plan->photo_width), fit->pitch);
  /* never so deep that the story has no room to start under it */
  rows = MIN(rows, plan->rows - plan->head_rows - caption_rows - MIN_TEXT_UNDER_PHOTO);
  rows = MAX(4, rows + fit->photo_delta);
  plan->image_height = rows * fit->pitch - fit->pitch / 3;
  plan->photo_rows = rows + caption_rows;
}


static PangoLayout *set_quote(SlotFrame *f, const char *quote, int width, GArray **lines)
{
  TypesetRequest request = { .style = STYLE_PULLQUOTE, .width = width };
  PangoLayout *layout = typeset_plain(f->ts, &request, quote);
  *lines = typeset_lines(layout);
  return layout;
}

/* An inset takes whole rows at the head of its column: a pull quote between
 * two rules, or a photo with its credit and caption, and a row of space. */
static void plan_inset(SlotFrame *f, const Fit *fit, Plan *plan)
{
  const SlotInset *inset = f->inset;
  const Layout *l = &f->layout;
  if (!inset || inset->column < 0 || inset->column >= l->columns)
    return;
  int width = layout_column_width(l), depth;
  if (inset->quote) {
    GArray *lines;
    PangoLayout *layout = set_quote(f, inset->quote, width, &lines);
    depth = (int)lines->len * l->styles[STYLE_PULLQUOTE].leading + fit->pitch;
    g_array_unref(lines);
    g_object_unref(layout);
  } else {
    double aspect = inset->artwork ? artwork_height(inset->artwork) / artwork_width(inset->artwork) : 1.0;
    int rows = inset->lines > 0 ? inset->lines : (int)lround(width * aspect / fit->pitch);
    plan->inset_image_height = rows * fit->pitch - fit->pitch / 3;
    SlotPhoto words = { NULL, NULL, inset->caption, inset->credit, 0.5, 0.5 };
    depth = rows * fit->pitch + caption_depth(f, &words, width);
  }
  plan->inset_column = inset->column;
  int c = inset->column;
  plan->inset_rows = rows_covering(depth, fit->pitch) + 1;
  plan->inset_top = plan->columns.top[c] + inset->line;
  if (inset->line > 0) {   /* within the column: the text runs above and below it */
    plan->columns.hole_at[c] = inset->line;
    plan->columns.hole_rows[c] = plan->inset_rows;
  } else
    plan->columns.top[c] += plan->inset_rows;
}

#define QUOTE_AIR_ROWS 2   /* text lines a pull quote keeps above and below it */

/* The article's own pull quote (`pullquote:`, set by story.c across two
 * columns) in a hole midway down the text of its columns, or at their head
 * when the slot is too shallow for text above and below it. */
static void plan_article_quote(const SlotFrame *f, const Story *story, Plan *plan)
{
  plan->quote_top = -1;
  int rows = story->pullquote_rows, first = story->pullquote_column, span = story->pullquote_columns;
  if (rows == 0)
    return;
  int top = 0, columns = f->layout.columns;
  bool inset_there = false;
  for (int c = first; c < first + span && c < columns; c++) {
    top = MAX(top, plan->columns.top[c]);
    inset_there = inset_there || plan->columns.hole_rows[c];
  }
  int text_rows = (int)story->body_items->len / MAX(1, columns);
  int depth = MIN(plan->rows, top + text_rows + rows);
  int hole = top + MAX(QUOTE_AIR_ROWS, (depth - top - rows) / 2);
  if (hole + rows + QUOTE_AIR_ROWS > plan->rows || inset_there)
    hole = top;   /* at the columns' head */
  plan->quote_top = hole;
  for (int c = first; c < first + span; c++) {
    if (hole == top)
      plan->columns.top[c] = top + rows;
    else {
      plan->columns.hole_at[c] = hole - plan->columns.top[c];
      plan->columns.hole_rows[c] = rows;
    }
  }
}

static void plan_slot(SlotFrame *f, const Story *story, const SlotPhoto *photo, const Fit *fit, Plan *plan)
{
  memset(plan, 0, sizeof *plan);
  plan->rows = f->height / fit->pitch;
  if (story->head_pieces->len)
    plan->head_rows = rows_covering(story->head_height + f->page_pitch / 2, fit->pitch);
  if (photo)
    plan_photo(f, photo, fit, plan);
  const Layout *l = &f->layout;
  int photo_right = l->margin_left + plan->photo_width;
  for (int c = 0; c < l->columns; c++) {
    bool under_photo = photo && layout_column_x(l, c) < photo_right;
    plan->columns.top[c] = plan->head_rows + (under_photo ? plan->photo_rows : 0);
  }
  plan_inset(f, fit, plan);
  plan_article_quote(f, story, plan);
}

/* ---- drawing -------------------------------------------------------------------------- */

static void place_pieces(DisplayList *list, int page, int story, const GArray *pieces, int x, int top)
{
  for (unsigned i = 0; i < pieces->len; i++) {
    const LinePiece *p = &g_array_index(pieces, LinePiece, i);
    display_list_add_text(list, page, story, p->style, p->layout, p->line_index, x + p->x,
                          top + p->baseline, p->width, p->ascent, p->descent);
  }
}

static void place_lines(DisplayList *list, int page, int story, StyleId style, PangoLayout *layout,
                        GArray *lines, int x, int *baseline, int leading)
{
  for (unsigned i = 0; i < lines->len; i++) {
    const TypesetLine *line = &g_array_index(lines, TypesetLine, i);
    if (i > 0)
      *baseline += leading;
    display_list_add_text(list, page, story, style, layout, (int)i, x + line->x, *baseline,
                          line->width, line->ascent, line->descent);
  }
}

static void draw_photo(SlotFrame *f, DisplayList *list, int page, const Story *story,
                       const SlotPhoto *photo, const Plan *plan, int x, int y)
{
  const Layout *l = &f->layout;
  if (photo->artwork)
    display_list_add_artwork(list, page, story->index, photo->artwork, x, y, plan->photo_width,
                             plan->image_height, true, photo->focus_x, photo->focus_y);
  else {
    display_list_add_image(list, page, story->index, NULL, x, y, plan->photo_width, plan->image_height);
    GArray *lines;
    PangoLayout *name = set_text(f, STYLE_CAPTION, photo->missing, plan->photo_width, &lines);
    const TypesetLine *first = &g_array_index(lines, TypesetLine, 0);
    display_list_add_text(list, page, -1, STYLE_CAPTION, name, 0,
                          x + (plan->photo_width - first->width) / 2 - first->x,
                          y + plan->image_height / 2, first->width, first->ascent, first->descent);
    g_array_unref(lines);
    g_object_unref(name);
  }
  int baseline = y + plan->image_height;
  const char *texts[] = { photo->credit, photo->caption };
  StyleId styles[] = { STYLE_CREDIT, STYLE_CAPTION };
  for (int i = 0; i < 2; i++) {
    if (!texts[i] || !*texts[i])
      continue;
    GArray *lines;
    PangoLayout *layout = set_text(f, styles[i], texts[i], plan->photo_width, &lines);
    baseline += PANGO_SCALE * 2 + g_array_index(lines, TypesetLine, 0).ascent;
    place_lines(list, page, story->index, styles[i], layout, lines, x, &baseline,
                l->styles[styles[i]].leading);
    baseline += g_array_index(lines, TypesetLine, lines->len - 1).descent;
    g_array_unref(lines);
    g_object_unref(layout);
  }
}

static void place_photo(SlotFrame *f, DisplayList *list, int page, const Story *story,
                        const SlotPhoto *photo, const Plan *plan, const Fit *fit)
{
  draw_photo(f, list, page, story, photo, plan, f->layout.margin_left, f->top + plan->head_rows * fit->pitch);
}

static void place_inset(SlotFrame *f, DisplayList *list, int page, const Story *story, const Plan *plan,
                        const Fit *fit)
{
  const SlotInset *inset = f->inset;
  const Layout *l = &f->layout;
  int x = layout_column_x(l, plan->inset_column), width = layout_column_width(l);
  int y = f->top + plan->inset_top * fit->pitch;
  if (inset->quote) {
    GArray *lines;
    PangoLayout *layout = set_quote(f, inset->quote, width, &lines);
    int top = y + fit->pitch / 4;
    display_list_add_rule(list, page, x, top, x + width, top, l->rule_width);
    int baseline = top + fit->pitch / 4 + g_array_index(lines, TypesetLine, 0).ascent;
    place_lines(list, page, story->index, STYLE_PULLQUOTE, layout, lines, x, &baseline,
                l->styles[STYLE_PULLQUOTE].leading);
    int bottom = baseline + g_array_index(lines, TypesetLine, lines->len - 1).descent + fit->pitch / 4;
    display_list_add_rule(list, page, x, bottom, x + width, bottom, l->rule_width);
    g_array_unref(lines);
    g_object_unref(layout);
    return;
  }
  SlotPhoto photo = { inset->artwork, inset->missing, inset->caption, inset->credit, 0.5, 0.5 };
  Plan sub = { .photo_width = width, .image_height = plan->inset_image_height };
  draw_photo(f, list, page, story, &photo, &sub, x, y);
}

static void place_article_quote(SlotFrame *f, DisplayList *list, int page, const Story *story,
                                const Plan *plan, const Fit *fit)
{
  const Layout *l = &f->layout;
  int first = story->pullquote_column;
  int x = layout_column_x(l, first), width = story_span_width(l, story->pullquote_columns);
  int top = f->top + plan->quote_top * fit->pitch;
  int bottom = top + story->pullquote_rows * fit->pitch;
  display_list_add_rule(list, page, x, top + fit->pitch / 2, x + width, top + fit->pitch / 2, l->rule_width);
  place_pieces(list, page, story->index, story->pullquote_pieces, x, top);
  display_list_add_rule(list, page, x, bottom - fit->pitch / 2, x + width, bottom - fit->pitch / 2,
                        l->rule_width);
}

/* ---- copy-fitting ----------------------------------------------------------------------- */

typedef struct {
  unsigned next;
  int foot;      /* the shortest column's foot row */
  int rows;
} Trial;

static Trial measure(SlotFrame *f, const Story *story, const SlotPhoto *photo, const Fit *fit,
                     unsigned from)
{
  Plan plan;
  Layout saved = f->layout;
  f->layout.baseline = fit->pitch;
  plan_slot(f, story, photo, fit, &plan);
  Trial t = { 0, 0, plan.rows };
  t.next = flow_frame_measure(&f->layout, story, from, &plan.columns, plan.rows, &t.foot);
  f->layout = saved;
  return t;
}

static bool fills(const Trial *t, unsigned items)
{
  return t->next == items && t->foot >= t->rows - 1;
}

/* Nearest changes first: every leading step with the photo as it is, then
 * the photo a row deeper or shallower, and so on. The first that sets the
 * whole story with every column reaching the foot wins; else the one that
 * sets most. */
static Fit copy_fit(SlotFrame *f, const Story *story, const SlotPhoto *photo, unsigned from)
{
  Fit best = { 0, f->page_pitch };
  Trial best_trial = measure(f, story, photo, &best, from);
  unsigned items = story->body_items->len;
  if (fills(&best_trial, items))
    return best;
  int photo_steps = photo ? FIT_PHOTO_STEPS : 0;
  for (int p = 0; p <= photo_steps; p++)
    for (int sign_p = 1; sign_p >= -1; sign_p -= 2) {
      for (int permille = 0; permille <= FIT_LEADING_PERMILLE; permille += 5)
        for (int sign = -1; sign <= 1; sign += 2) {
          Fit fit = { sign_p * p, f->page_pitch + scale_by(f->page_pitch, sign * permille, 1000) };
          Trial t = measure(f, story, photo, &fit, from);
          if (fills(&t, items))
            return fit;
          bool better = t.next > best_trial.next ||
                        (t.next == items && best_trial.next == items && t.foot > best_trial.foot);
          if (better) {
            best = fit;
            best_trial = t;
          }
        }
      if (p == 0)
        break;
    }
  return best;
}

static char *describe_fit(const SlotFrame *f, const Fit *fit)
{
  if (fit->photo_delta == 0 && fit->pitch == f->page_pitch)
    return NULL;
  GString *s = g_string_new(NULL);
  if (fit->pitch != f->page_pitch)
    g_string_append_printf(s, "leading %.2f -> %.2fpt", f->page_pitch / (double)PANGO_SCALE,
                           fit->pitch / (double)PANGO_SCALE);
  if (fit->photo_delta)
    g_string_append_printf(s, "%sphoto %+d line%s", s->len ? ", " : "", fit->photo_delta,
                           abs(fit->photo_delta) == 1 ? "" : "s");
  return g_string_free(s, FALSE);
}

/* ---- placing ------------------------------------------------------------------------------ */

bool slotset_can_start(SlotFrame *f, const Story *story, bool with_photo)
{
  Fit fit = { 0, f->page_pitch };
  Plan plan;
  SlotPhoto none = { 0 };
  plan_slot(f, story, with_photo ? &none : NULL, &fit, &plan);
  int lowest = plan.rows;
  for (int c = 0; c < f->layout.columns; c++)
    lowest = MIN(lowest, plan.columns.top[c]);
  return lowest + MIN_BODY_ROWS <= plan.rows;
}

void slotframe_set_tracking(SlotFrame *frame, int letter_spacing)
{
  frame->layout.styles[STYLE_BODY].letter_spacing = letter_spacing;
}

bool slotset_fills(SlotFrame *f, const Story *story, const SlotPhoto *photo, const SlotInset *inset)
{
  f->inset = inset;
  Fit fit = copy_fit(f, story, photo, 0);
  Trial t = measure(f, story, photo, &fit, 0);
  f->inset = NULL;
  return fills(&t, story->body_items->len);
}

bool slotset_fits(SlotFrame *f, const Story *story, const SlotPhoto *photo, int *rows_left)
{
  Fit fit = { 0, f->page_pitch };
  Trial t = measure(f, story, photo, &fit, 0);
  if (rows_left)
    *rows_left = t.rows - t.foot;
  return t.next >= story->body_items->len;
}

SlotResult slotset_place(SlotFrame *f, DisplayList *list, int page, const Story *story,
                         const SlotPhoto *photo, const SlotInset *inset, bool may_jump)
{
  SlotResult result = { 0 };
  f->inset = inset;
  Fit fit = { 0, f->page_pitch };
  if (f->slot->fit) {
    fit = copy_fit(f, story, photo, 0);
    result.fit_report = describe_fit(f, &fit);
  }
  f->layout.baseline = fit.pitch;
  Plan plan;
  plan_slot(f, story, photo, &fit, &plan);
  unsigned items = story->body_items->len;
  int rows = plan.rows;
  if (may_jump && flow_frame_measure(&f->layout, story, 0, &plan.columns, rows, NULL) < items)
    rows--;   /* the foot row takes the jump line */
  const Layout *l = &f->layout;
  result.head_x = l->margin_left;
  result.head_y = f->top;
  place_pieces(list, page, story->index, story->head_pieces, l->margin_left, f->top);
  if (photo)
    place_photo(f, list, page, story, photo, &plan, &fit);
  if (plan.inset_rows)
    place_inset(f, list, page, story, &plan, &fit);
  if (plan.quote_top >= 0)
    place_article_quote(f, list, page, story, &plan, &fit);
  int bottom[GALLEY_MAX_COLUMNS];
  result.next = flow_fill_frame(list, page, l, story, 0, &plan.columns, MAX(rows, 0), bottom);
  result.rows_used = 0;
  for (int c = 0; c < l->columns; c++)
    result.rows_used = MAX(result.rows_used, bottom[c]);
  int last = l->columns - 1;
  result.jump_x = layout_column_x(l, last);
  result.jump_width = layout_column_width(l);
  result.jump_baseline = f->top + rows * fit.pitch + baseline_offset(l);
  f->layout.baseline = f->page_pitch;
  f->inset = NULL;
  return result;
}

unsigned slotset_count_words(const Story *story, unsigned from, unsigned to)
{
  unsigned words = 0;
  for (unsigned i = from; i < to && i < story->body_items->len; i++) {
    const BodyItem *item = &g_array_index(story->body_items, BodyItem, i);
    for (unsigned k = 0; k < item->piece_count; k++) {
      const LinePiece *p = &g_array_index(story->body_pieces, LinePiece, item->first_piece + k);
      PangoLayoutLine *line = pango_layout_get_line_readonly(p->layout, p->line_index);
      /* a piece is a range of its line when the composer set it (length > 0) */
      int start = p->length > 0 ? p->start_index : line->start_index;
      int length = p->length > 0 ? p->length : line->length;
      const char *text = pango_layout_get_text(p->layout) + start;
      bool in_word = false;
      for (int b = 0; b < length; b++) {
        bool space = g_ascii_isspace(text[b]);
        if (!space && !in_word)
          words++;
        in_word = !space;
      }
    }
  }
  return words;
}
