/* edition_compose.c — an edition's pages: furniture, slots, jumps, overflow.
 *
 * Sections: set-up (typesetters, furniture styles); furniture (folio,
 * nameplate, section flag); slot geometry and rules; stories in slots;
 * continuations and jumps; ads; automatic placement; added pages; jump
 * lines and links; overset. */
#include "edition_compose.h"

#include <string.h>

#include "artwork.h"
#include "flow.h"
#include "furniture.h"
#include "hyphenate.h"
#include "slotset.h"
#include "story.h"
#include "typeset.h"

#define PT(x) ((int)((x) * PANGO_SCALE))
#define FOLIO_LINES 2

typedef struct {
  int page;                  /* where the jump line goes */
  int x, baseline, width;
  int from_page;
  int to_page;               /* where the story continues; -1: nowhere (overset) */
  int to_x, to_y;            /* the continuation's head */
  int story;                 /* article index */
  int back_x, back_y, back_width, back_height;   /* the "Continued from" line */
  PangoLayout *back_line;    /* that line's layout, to find it after a flow */
  unsigned words_left;       /* overset: words that found no place */
  char *slot_name;
} Jump;

typedef struct {
  int article;
  const Story *story;        /* whose items are left */
  unsigned from;
  int from_page;
  int target;                /* page index, -1: the first with room */
  unsigned jump;             /* index into Composer.jumps */
} Pending;

typedef struct {
  const Edition *ed;
  const Layout *layout;
  PangoFontMap *map;
  Layout furniture;          /* the page layout's styles, restyled for furniture */
  Typesetter *ts, *fts;
  Hyphenator *hyphenator;
  DiagLog *log;
  DisplayList *list;
  GPtrArray *stories;        /* Story*, alive until the end */
  GPtrArray *frames;         /* SlotFrame* */
  GPtrArray *copies;         /* Article* shallow copies without image (g_free) */
  GPtrArray *artworks;       /* Artwork* photos, by article (NULL: none or missing) */
  GArray *pending;           /* Pending */
  GArray *jumps;             /* Jump */
  GArray *pool;              /* int article, by priority */
  bool *placed;
  EditionReport *report;
  GError **error;
} Composer;

void edition_report_init(EditionReport *report)
{
  report->decisions = g_string_new(NULL);
  report->overset = g_string_new(NULL);
  report->overset_stories = 0;
}

void edition_report_clear(EditionReport *report)
{
  if (report->decisions)
    g_string_free(report->decisions, TRUE);
  if (report->overset)
    g_string_free(report->overset, TRUE);
  report->decisions = report->overset = NULL;
}

static void decide(Composer *c, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static void decide(Composer *c, const char *fmt, ...)
{
  va_list args;
  va_start(args, fmt);
  g_string_append_vprintf(c->report->decisions, fmt, args);
  va_end(args);
  g_string_append_c(c->report->decisions, '\n');
}

static const char *label_of(const Composer *c, int page)
{
  const char *label = display_list_page_label(c->list, page);
  return label ? label : "?";
}

static const Article *article_at(const Composer *c, int index)
{
  return g_ptr_array_index(c->ed->articles, index);
}

/* ---- set-up ------------------------------------------------------------------------------ */

/* Furniture styles, from the layout's own families: the nameplate in the
 * body face, bold (headline slot); jump lines in the folio face, italic
 * (deck slot); the section flag in the headline face (kicker slot). */
static void restyle_furniture(Composer *c)
{
  Layout *f = &c->furniture;
  *f = *c->layout;
  const Style *body = &c->layout->styles[STYLE_BODY], *folio = &c->layout->styles[STYLE_FOLIO];
  Style *name = &f->styles[STYLE_HEADLINE];
  name->family = body->family;
  name->weight = 700;
  name->italic = false;
  name->letter_spacing = 0;
  Style *jump = &f->styles[STYLE_DECK];
  *jump = *folio;
  jump->italic = true;
  jump->size = PT(8);
  jump->leading = PT(10);
  Style *flag = &f->styles[STYLE_KICKER];
  *flag = c->layout->styles[STYLE_HEADLINE];
  flag->uppercase = false;
  Style *dateline = &f->styles[STYLE_DATE];
  *dateline = *folio;
}

/* ---- typesetting helpers ------------------------------------------------------------------ */

/* Sets one line (or more) and places it; align within [x, x + width]. Returns the
 * first line's metrics in *first when asked. */
static void put_text(Composer *c, Typesetter *ts, int page, int story, StyleId style,
                             const char *text, int size, int x, int width, Alignment align,
                             int baseline, TypesetLine *first)
{
  TypesetRequest request = { .style = style, .width = width, .override_align = true, .align = align,
                             .size = size, .language = c->ed->language };
  PangoLayout *layout = typeset_plain(ts, &request, text);
  GArray *lines = typeset_lines(layout);
  int leading = size ? size * 6 / 5 : c->furniture.styles[style].leading;
  for (unsigned i = 0; i < lines->len; i++) {
    const TypesetLine *line = &g_array_index(lines, TypesetLine, i);
    display_list_add_text(c->list, page, story, style, layout, (int)i, x + line->x,
                          baseline + (int)i * leading, line->width, line->ascent, line->descent);
  }
  if (first)
    *first = g_array_index(lines, TypesetLine, 0);
  g_array_unref(lines);
  g_object_unref(layout);
}

static void rule(Composer *c, int page, int x0, int y0, int x1, int y1, int width)
{
  display_list_add_rule(c->list, page, x0, y0, x1, y1, width);
}

/* ---- furniture ------------------------------------------------------------------------------ */

static const char *section_title(const Composer *c, const EditionPage *page)
{
  if (page->section < 0)
    return NULL;
  const EditionSection *s = g_ptr_array_index(c->ed->sections, page->section);
  return s->title ? s->title : s->name;
}

/* Page label on the outside edge (right on odd pages), publication, date
 * and section on the other. */
static void place_folio(Composer *c, int page, const char *section)
{
  const Layout *l = c->layout;
  char *date = furniture_date(c->ed->date, c->ed->language);
  char *line = g_strdup_printf("%s  \u00b7  %s%s%s", c->ed->publication, date, section ? "  \u00b7  " : "",
                               section ? section : "");
  bool right_hand = page % 2 == 0;
  int baseline = l->margin_top + l->baseline - l->baseline / 4, width = layout_live_width(l);
  put_text(c, c->fts, page, -1, STYLE_FOLIO, label_of(c, page), 0, l->margin_left, width,
           right_hand ? ALIGN_RIGHT : ALIGN_LEFT, baseline, NULL);
  put_text(c, c->fts, page, -1, STYLE_FOLIO, line, 0, l->margin_left, width,
           right_hand ? ALIGN_LEFT : ALIGN_RIGHT, baseline, NULL);
  int y = l->margin_top + l->baseline;
  rule(c, page, l->margin_left, y, l->margin_left + width, y, l->rule_width);
  g_free(line);
  g_free(date);
}

static int text_top(const Composer *c)
{
  return c->layout->margin_top + FOLIO_LINES * c->layout->baseline;
}

static void place_ear(Composer *c, int page, const char *text, int x, int top, int width, int height)
{
  const Layout *l = c->layout;
  TypesetLine first;
  int pad = PT(4);
  put_text(c, c->fts, page, -1, STYLE_CAPTION, text, 0, x + pad, width - 2 * pad, ALIGN_CENTER,
           top + pad + l->styles[STYLE_CAPTION].size, &first);
  rule(c, page, x, top, x + width, top, l->rule_width);
  rule(c, page, x, top + height, x + width, top + height, l->rule_width);
  rule(c, page, x, top, x, top + height, l->rule_width);
  rule(c, page, x + width, top, x + width, top + height, l->rule_width);
}

/* The largest size (down from the name block's height) at which the
 * publication's name fits on one line in width. */
static int nameplate_size(Composer *c, const char *name, int width, int height)
{
  int size = height * 3 / 4;
  for (; size > PT(18); size -= PT(2)) {
    TypesetRequest request = { .style = STYLE_HEADLINE, .width = -1, .size = size };
    PangoLayout *layout = typeset_plain(c->fts, &request, name);
    PangoRectangle logical;
    pango_layout_get_extents(layout, NULL, &logical);
    g_object_unref(layout);
    if (logical.width <= width)
      break;
  }
  return size;
}

static void place_date_line(Composer *c, int page, int top)
{
  const Layout *l = c->layout;
  const FurnitureWords *w = furniture_words(c->ed->language);
  int x = l->margin_left, width = layout_live_width(l), pitch = l->baseline;
  rule(c, page, x, top, x + width, top, l->rule_width);
  rule(c, page, x, top + pitch + pitch / 2, x + width, top + pitch + pitch / 2, l->rule_width);
  int baseline = top + pitch;
  GString *left = g_string_new(NULL);
  if (c->ed->volume)
    g_string_append_printf(left, "%s %s", w->volume, c->ed->volume);
  if (c->ed->number)
    g_string_append_printf(left, "%s%s %s", left->len ? ", " : "", w->number, c->ed->number);
  GString *right = g_string_new(c->ed->edition_name ? c->ed->edition_name : "");
  if (c->ed->price)
    g_string_append_printf(right, "%s%s", right->len ? "  \u00b7  " : "", c->ed->price);
  char *date = furniture_date(c->ed->date, c->ed->language);
  if (left->len)
    put_text(c, c->fts, page, -1, STYLE_DATE, left->str, 0, x, width, ALIGN_LEFT, baseline, NULL);
  if (*date)
    put_text(c, c->fts, page, -1, STYLE_DATE, date, 0, x, width, ALIGN_CENTER, baseline, NULL);
  if (right->len)
    put_text(c, c->fts, page, -1, STYLE_DATE, right->str, 0, x, width, ALIGN_RIGHT, baseline, NULL);
  g_free(date);
  g_string_free(left, TRUE);
  g_string_free(right, TRUE);
}

/* Front page: the publication's name (or logo) between its ears, an
 * optional tagline, and the date line between two rules. */
static bool place_nameplate(Composer *c, int page, int lines)
{
  const Layout *l = c->layout;
  const Edition *ed = c->ed;
  int pitch = l->baseline, top = text_top(c), x = l->margin_left, width = layout_live_width(l);
  int date_top = top + (lines - 2) * pitch;
  int name_height = date_top - top - (ed->tagline ? pitch * 3 / 2 : 0) - pitch / 2;
  int ear_width = layout_column_width(l);
  bool ears = ed->ear_left || ed->ear_right;
  int name_x = x + (ears ? ear_width + l->gutter : 0), name_width = width - (ears ? 2 * (ear_width + l->gutter) : 0);
  if (ed->ear_left)
    place_ear(c, page, ed->ear_left, x, top + pitch / 2, ear_width, name_height - pitch / 2);
  if (ed->ear_right)
    place_ear(c, page, ed->ear_right, x + width - ear_width, top + pitch / 2, ear_width, name_height - pitch / 2);
  if (ed->logo) {
    GError *local = NULL;
    Artwork *logo = artwork_load(ed->logo, 1, &local);
    if (!logo) {
      diag_set_error(c->error, GALLEY_ERROR_INPUT, ed->path, 0, 0, "nameplate logo: %s", local->message);
      g_error_free(local);
      return false;
    }
    display_list_add_artwork(c->list, page, -1, logo, name_x, top, name_width, name_height, false, 0.5, 0.5);
    artwork_unref(logo);
  } else {
    int size = nameplate_size(c, ed->publication, name_width, name_height);
    int baseline = top + (name_height + size * 7 / 10) / 2;
    put_text(c, c->fts, page, -1, STYLE_HEADLINE, ed->publication, size, name_x, name_width,
             ALIGN_CENTER, baseline, NULL);
  }
  if (ed->tagline)
    put_text(c, c->fts, page, -1, STYLE_DECK, ed->tagline, 0, name_x, name_width, ALIGN_CENTER,
             date_top - pitch / 2, NULL);
  place_date_line(c, page, date_top);
  return true;
}

/* Section fronts and opinion pages: the section's name as a flag. */
static void place_section_flag(Composer *c, int page, const EditionPage *p, int lines)
{
  const Layout *l = c->layout;
  int pitch = l->baseline, top = text_top(c), x = l->margin_left, width = layout_live_width(l);
  const char *title = section_title(c, p);
  char *kind = g_strdup(p->kind_name);
  kind[0] = g_ascii_toupper(kind[0]);
  if (strcmp(p->kind_name, "section-front") != 0 || !title)
    title = kind;
  int bottom = top + (lines - 1) * pitch;
  int size = MIN(PT(40), (lines - 2) * pitch);
  put_text(c, c->fts, page, -1, STYLE_KICKER, title, size, x, width, ALIGN_LEFT, bottom - pitch / 2, NULL);
  put_text(c, c->fts, page, -1, STYLE_FOLIO, c->ed->publication, 0, x, width, ALIGN_RIGHT,
           bottom - pitch / 2, NULL);
  rule(c, page, x, bottom, x + width, bottom, PT(1.5));
  g_free(kind);
}

/* ---- slot geometry and rules ------------------------------------------------------------------ */

typedef struct {
  int x, top, width, rows;   /* content: below the cutoff row when the slot is not at the top */
  int slot_top, slot_bottom;
} SlotBox;

static SlotBox slot_box(const Composer *c, const EditionPage *page, const Slot *s)
{
  const Layout *l = c->layout;
  int pitch = l->baseline;
  int area_top = text_top(c) + page->kind->nameplate_lines * pitch;
  SlotBox b;
  b.slot_top = area_top + s->first_line * pitch;
  b.slot_bottom = b.slot_top + s->lines * pitch;
  b.x = layout_column_x(l, s->first_column);
  b.width = story_span_width(l, s->span);
  bool cut = s->first_line > 0;
  b.top = b.slot_top + (cut ? pitch : 0);
  b.rows = s->lines - (cut ? 1 : 0);
  return b;
}

/* A cutoff rule over every slot below another; the gutter between slots
 * side by side, with a column rule when the layout has them. */
static void place_slot_rules(Composer *c, int page, const EditionPage *p)
{
  const Layout *l = c->layout;
  for (unsigned i = 0; i < p->slots->len; i++) {
    const Slot *s = &g_array_index(p->slots, EditionSlot, i).slot;
    SlotBox b = slot_box(c, p, s);
    if (s->first_line > 0)
      display_list_add_cutoff_rule(c->list, page, b.x, b.x + b.width, b.slot_top + l->baseline / 2, l->rule_width);
    for (unsigned j = 0; (l->column_rules || l->gutter > 0) && j < p->slots->len; j++) {
      const Slot *t = &g_array_index(p->slots, EditionSlot, j).slot;
      if (t->first_column != s->first_column + s->span)
        continue;
      SlotBox tb = slot_box(c, p, t);
      int y0 = MAX(b.slot_top, tb.slot_top), y1 = MIN(b.slot_bottom, tb.slot_bottom);
      if (y1 <= y0)
        continue;
      if (y0 > text_top(c) + p->kind->nameplate_lines * l->baseline)
        y0 += l->baseline;
      int x = tb.x - l->gutter / 2;
      if (l->column_rules)
        rule(c, page, x, y0, x, y1 - l->baseline / 4, l->rule_width);
      if (l->gutter > 0)
        display_list_add_gutter(c->list, page, x, y0, y1 - l->baseline / 4,
                                l->column_rules ? l->rule_width : 0);
    }
  }
}

static void region(Composer *c, int page, int story, const char *name, int x, int y, int width, int height)
{
  Box *box = display_list_add_box(c->list, BOX_REGION, page, story, x, y, width, height);
  box->name = g_strdup(name);
}

/* ---- stories in slots ---------------------------------------------------------------------------- */

static SlotFrame *frame_for(Composer *c, const EditionPage *page, const Slot *s)
{
  SlotBox b = slot_box(c, page, s);
  SlotFrame *frame = slotframe_new(c->layout, c->map, s, b.x, b.top, b.width, b.rows);
  g_ptr_array_add(c->frames, frame);
  return frame;
}

/* The article without its photo: the slot places photos itself (cropped to
 * its photo area) and the story keeps only head and body. */
static const Article *without_photo(Composer *c, int index)
{
  Article *copy = g_memdup2(article_at(c, index), sizeof(Article));
  copy->image = NULL;
  g_ptr_array_add(c->copies, copy);
  return copy;
}

/* The story's photo: the one the edition gives the slot, else the
 * article's. A photo that cannot be read is a fault naming the file and
 * line that named it; the caller prints a placeholder. */
static Artwork *photo_for(Composer *c, const EditionSlot *es, int index, const char **path)
{
  const Article *a = article_at(c, index);
  *path = es->image ? es->image : a->image;
  if (!*path)
    return NULL;
  GError *local = NULL;
  Artwork *art = artwork_load(*path, 1, &local);
  if (!art) {
    diag_fault(c->log, es->image ? c->ed->path : a->path, es->image ? es->image_line : a->image_line,
               0, "photo %s", local->message);
    g_error_free(local);
    return NULL;
  }
  g_ptr_array_add(c->artworks, art);
  return art;
}

static void box_tint(Composer *c, int page, const SlotBox *b)
{
  const Layout *l = c->layout;
  int bottom = b->top + b->rows * l->baseline - l->baseline / 4;
  Box *fill = display_list_add_box(c->list, BOX_FILL, page, -1, b->x, b->top, b->width, bottom - b->top);
  fill->tint = 0.1;
  rule(c, page, b->x, b->top, b->x + b->width, b->top, l->rule_width);
  rule(c, page, b->x, bottom, b->x + b->width, bottom, l->rule_width);
  rule(c, page, b->x, b->top, b->x, bottom, l->rule_width);
  rule(c, page, b->x + b->width, b->top, b->x + b->width, bottom, l->rule_width);
}

static bool on_page_grid(const Slot *slot);

static void after_placing(Composer *c, int page, const EditionSlot *es, int article, const Story *story,
                          const SlotResult *r, int target)
{
  bool can_jump = on_page_grid(&es->slot);
  unsigned items = story->body_items->len;
  if (r->fit_report)
    decide(c, "%s slot '%s': copy-fit %s: %s", label_of(c, page), es->slot.name,
           article_at(c, article)->path, r->fit_report);
  if (r->next >= items)
    return;
  Jump jump = { .page = page, .x = r->jump_x, .baseline = r->jump_baseline, .width = r->jump_width,
                .from_page = page, .to_page = -1, .story = article,
                .slot_name = g_strdup(es->slot.name) };
  if (!can_jump) {   /* its lines are set to another measure than the page's columns */
    jump.words_left = slotset_count_words(story, r->next, items);
    g_array_append_val(c->jumps, jump);
    decide(c, "%s slot '%s': %s does not fit and cannot jump from a box or bastard measure: overset",
           label_of(c, page), es->slot.name, article_at(c, article)->path);
    return;
  }
  g_array_append_val(c->jumps, jump);
  Pending p = { article, story, r->next, page, target, c->jumps->len - 1 };
  g_array_append_val(c->pending, p);
  decide(c, "%s slot '%s': %s does not fit (%u of %u words set); it jumps%s%s", label_of(c, page),
         es->slot.name, article_at(c, article)->path,
         slotset_count_words(story, 0, r->next), slotset_count_words(story, 0, items),
         target >= 0 ? " to " : " to the first page with room",
         target >= 0 ? g_array_index(c->ed->pages, EditionPage, target).label : "");
}

#define TRACKING_STEPS 4   /* copy-fitting: tracking changes by up to 4 x 0.5 % of an em */

/* Builds the story for its slot. With `fit: true`, when leading and photo
 * depth alone cannot make it fill the slot, tracking is tightened (a story
 * too long) or loosened (too short) by half a percent of an em at a time. */
static Story *build_fitted(Composer *c, int page, const EditionSlot *es, SlotFrame *frame, int article,
                           const SlotPhoto *photo, const SlotInset *inset)
{
  const Article *copy = without_photo(c, article);
  Story *story = story_build(slotframe_typesetter(frame), c->hyphenator, slotframe_layout(frame), copy,
                             article, c->log);
  if (es->slot.fit && !slotset_fills(frame, story, photo, inset)) {
    int direction = slotset_fits(frame, story, photo, NULL) ? 1 : -1;
    int em = slotframe_layout(frame)->styles[STYLE_BODY].size;
    for (int step = 1; step <= TRACKING_STEPS; step++) {
      int tracking = direction * step * em / 200;
      slotframe_set_tracking(frame, tracking);
      Story *trial = story_build(slotframe_typesetter(frame), c->hyphenator, slotframe_layout(frame),
                                 copy, article, c->log);
      if (slotset_fills(frame, trial, photo, inset)) {
        story_free(story);
        story = trial;
        decide(c, "%s slot '%s': copy-fit %s: tracking %+.2fpt", label_of(c, page), es->slot.name,
               article_at(c, article)->path, tracking / (double)PANGO_SCALE);
        break;
      }
      story_free(trial);
      slotframe_set_tracking(frame, 0);
    }
  }
  g_ptr_array_add(c->stories, story);
  return story;
}

static void place_story(Composer *c, int page, const EditionPage *p, const EditionSlot *es, int article)
{
  SlotFrame *frame = frame_for(c, p, &es->slot);
  SlotBox b = slot_box(c, p, &es->slot);
  if (es->slot.box)
    box_tint(c, page, &b);
  const Article *a = article_at(c, article);
  const char *path = NULL;
  SlotPhoto photo = { photo_for(c, es, article, &path), NULL, es->image ? es->caption : a->caption,
                      es->image ? es->credit : a->credit, es->image ? es->focus_x : a->focus_x,
                      es->image ? es->focus_y : a->focus_y };
  if (!photo.artwork && path) {
    char *name = g_path_get_basename(path);
    g_ptr_array_add(c->copies, name);
    photo.missing = name;
  }
  region(c, page, article, es->slot.name, b.x, b.slot_top, b.width, b.slot_bottom - b.slot_top);
  SlotInset inset = { .column = es->inset_column - 1, .line = es->inset_at, .caption = es->inset_caption,
                      .credit = es->inset_credit, .lines = es->inset_lines, .quote = es->inset_quote };
  if (es->inset_image) {
    GError *local = NULL;
    inset.artwork = artwork_load(es->inset_image, 1, &local);
    if (!inset.artwork) {
      diag_fault(c->log, c->ed->path, es->inset_line, 0, "inset photo %s", local->message);
      g_error_free(local);
      char *name = g_path_get_basename(es->inset_image);
      g_ptr_array_add(c->copies, name);
      inset.missing = name;
    } else
      g_ptr_array_add(c->artworks, inset.artwork);
  }
  const SlotInset *has_inset = es->inset_column > 0 ? &inset : NULL;
  Story *story = build_fitted(c, page, es, frame, article, path ? &photo : NULL, has_inset);
  SlotResult r = slotset_place(frame, c->list, page, story, path ? &photo : NULL, has_inset, true);
  c->placed[article] = true;
  after_placing(c, page, es, article, story, &r, es->jump_page);
  g_free(r.fit_report);
}

/* ---- continuations ---------------------------------------------------------------------------------- */

static void add_piece(GArray *pieces, PangoLayout *layout, StyleId style, int baseline)
{
  GArray *lines = typeset_lines(layout);
  for (unsigned i = 0; i < lines->len; i++) {
    const TypesetLine *line = &g_array_index(lines, TypesetLine, i);
    LinePiece piece = { layout, (int)i, style, line->x, baseline, line->width, line->ascent, line->descent,
                        0, 0 };
    g_array_append_val(pieces, piece);
    if (i + 1 < lines->len)
      baseline += line->ascent + line->descent;
  }
  g_array_unref(lines);
}

/* The jump head: the story's headline at head_size, then "Continued from
 * Page A1"; jump learns where that line is, relative to the head. */
static void jump_head(Composer *c, Story *s, const Pending *p, int width, int head_size, Typesetter *ts,
                      Jump *jump)
{
  const Article *article = p->story->article;
  TypesetRequest head = { .style = STYLE_HEADLINE, .width = width, .size = head_size,
                          .language = article->language };
  PangoLayout *headline = typeset_plain(ts, &head, article->headline);
  g_ptr_array_add(s->layouts, headline);
  GArray *lines = typeset_lines(headline);
  int baseline = g_array_index(lines, TypesetLine, 0).ascent;
  for (unsigned i = 0; i < lines->len; i++) {
    const TypesetLine *line = &g_array_index(lines, TypesetLine, i);
    LinePiece piece = { headline, (int)i, STYLE_HEADLINE, line->x, baseline, line->width, line->ascent,
                        line->descent, 0, 0 };
    g_array_append_val(s->head_pieces, piece);
    if (i + 1 < lines->len)
      baseline += head_size * 21 / 20;
  }
  baseline += g_array_index(lines, TypesetLine, lines->len - 1).descent + c->furniture.styles[STYLE_DECK].leading;
  g_array_unref(lines);
  char *text = g_strdup_printf(furniture_words(c->ed->language)->continued_from, label_of(c, p->from_page));
  TypesetRequest back = { .style = STYLE_DECK, .width = width, .language = c->ed->language };
  PangoLayout *line = typeset_plain(c->fts, &back, text);
  g_free(text);
  g_ptr_array_add(s->layouts, line);
  add_piece(s->head_pieces, line, STYLE_DECK, baseline);
  const LinePiece *first = &g_array_index(s->head_pieces, LinePiece, s->head_pieces->len - 1);
  jump->back_line = line;
  jump->back_x = first->x;
  jump->back_y = baseline - first->ascent;
  jump->back_width = first->width;
  jump->back_height = first->ascent + first->descent;
  s->head_height = baseline + first->descent;
}

/* The rest of a story, under a jump head. Body lines are shared with the
 * story (they were set for the page's column width). */
static Story *continuation(Composer *c, const Pending *p, int width, int head_size, Typesetter *ts,
                           Jump *jump)
{
  const Story *from = p->story;
  Story *s = g_new0(Story, 1);
  s->index = from->index;
  s->article = from->article;
  s->right_to_left = from->right_to_left;
  s->layouts = g_ptr_array_new_with_free_func(g_object_unref);
  s->head_pieces = g_array_new(FALSE, FALSE, sizeof(LinePiece));
  s->photo_pieces = g_array_new(FALSE, FALSE, sizeof(LinePiece));
  s->pullquote_pieces = g_array_new(FALSE, FALSE, sizeof(LinePiece));   /* the quote stays with the start */
  s->paragraphs = g_ptr_array_new();
  s->body_pieces = g_array_ref(from->body_pieces);
  s->body_items = g_array_new(FALSE, FALSE, sizeof(BodyItem));
  g_array_append_vals(s->body_items, &g_array_index(from->body_items, BodyItem, p->from),
                      from->body_items->len - p->from);
  if (s->body_items->len)
    g_array_index(s->body_items, BodyItem, 0).space_before = 0;
  jump_head(c, s, p, width, head_size, ts, jump);
  return s;
}

static void place_continuation(Composer *c, int page, const EditionPage *ep, const EditionSlot *es,
                               unsigned pending_index)
{
  Pending p = g_array_index(c->pending, Pending, pending_index);
  g_array_remove_index(c->pending, pending_index);
  SlotFrame *frame = frame_for(c, ep, &es->slot);
  SlotBox b = slot_box(c, ep, &es->slot);
  Jump *jump = &g_array_index(c->jumps, Jump, p.jump);
  int head_size = MIN(es->slot.head_min, PT(30));
  Story *s = continuation(c, &p, layout_live_width(slotframe_layout(frame)), head_size,
                          slotframe_typesetter(frame), jump);
  g_ptr_array_add(c->stories, s);
  region(c, page, p.article, es->slot.name, b.x, b.slot_top, b.width, b.slot_bottom - b.slot_top);
  SlotResult r = slotset_place(frame, c->list, page, s, NULL, NULL, true);
  jump = &g_array_index(c->jumps, Jump, p.jump);
  jump->to_page = page;
  jump->to_x = r.head_x;
  jump->to_y = r.head_y;
  jump->back_x += r.head_x;
  jump->back_y += r.head_y;
  decide(c, "%s slot '%s': continues %s from %s", label_of(c, page), es->slot.name,
         article_at(c, p.article)->path, label_of(c, p.from_page));
  after_placing(c, page, es, p.article, s, &r, -1);
  g_free(r.fit_report);
}

/* ---- ads -------------------------------------------------------------------------------------------- */

static bool place_ad(Composer *c, int page, const EditionPage *p, const EditionSlot *es)
{
  GError *local = NULL;
  Artwork *art = artwork_load(es->ad, es->ad_page, &local);
  if (!art) {
    diag_set_error(c->error, GALLEY_ERROR_INPUT, c->ed->path, es->line, es->column, "cannot use the ad: %s",
                   local->message);
    g_error_free(local);
    return false;
  }
  SlotBox b = slot_box(c, p, &es->slot);
  int height = b.rows * c->layout->baseline - c->layout->baseline / 4;
  double scale = MIN(b.width / artwork_width(art), height / artwork_height(art));
  int w = (int)(artwork_width(art) * scale), h = (int)(artwork_height(art) * scale);
  int x = b.x + (b.width - w) / 2, y = b.top + (height - h) / 2;
  region(c, page, -1, es->slot.name, b.x, b.slot_top, b.width, b.slot_bottom - b.slot_top);
  display_list_add_artwork(c->list, page, -1, art, x, y, w, h, false, 0.5, 0.5);
  if (es->keyline) {
    int k = c->layout->rule_width;
    rule(c, page, x, y, x + w, y, k);
    rule(c, page, x, y + h, x + w, y + h, k);
    rule(c, page, x, y, x, y + h, k);
    rule(c, page, x + w, y, x + w, y + h, k);
  }
  decide(c, "%s slot '%s': ad %s", label_of(c, page), es->slot.name, es->ad);
  artwork_unref(art);
  return true;
}

/* ---- automatic placement ------------------------------------------------------------------------------ */

static int rank(const Article *a)
{
  return a->priority > 0 ? a->priority : G_MAXINT;
}

static gint by_priority(gconstpointer x, gconstpointer y, gpointer data)
{
  Composer *c = data;
  int a = rank(article_at(c, *(const int *)x)), b = rank(article_at(c, *(const int *)y));
  return a < b ? -1 : a > b;
}

static gint by_area(gconstpointer x, gconstpointer y)
{
  const EditionSlot *a = *(EditionSlot *const *)x, *b = *(EditionSlot *const *)y;
  int area_a = a->slot.span * a->slot.lines, area_b = b->slot.span * b->slot.lines;
  return area_a > area_b ? -1 : area_a < area_b;
}

/* The first waiting continuation for this page: one sent here by name, or
 * one sent to the first page with room from an earlier page. */
static int pending_for(const Composer *c, int page)
{
  for (unsigned i = 0; i < c->pending->len; i++) {
    const Pending *p = &g_array_index(c->pending, Pending, i);
    if (p->target == page || (p->target < 0 && p->from_page < page) ||
        (p->target >= 0 && p->target < page))
      return (int)i;
  }
  return -1;
}

static bool on_page_grid(const Slot *slot)
{
  return !slot->box && !slot->text_columns;
}

/* Body rows a slot holds after a jump head (about five rows). */
static int continuation_room(const Composer *c, const EditionPage *p, const Slot *slot)
{
  SlotBox b = slot_box(c, p, slot);
  return (b.rows - 6) * slot->span;
}

/* For a continuation: the smallest free slot on the page grid that holds
 * the rest, else the largest. free_slots is sorted largest first. */
static int slot_for_continuation(const Composer *c, const EditionPage *p, GPtrArray *free_slots,
                                 const Pending *waiting)
{
  int need = (int)(waiting->story->body_items->len - waiting->from), chosen = -1;
  for (int k = (int)free_slots->len - 1; k >= 0; k--) {
    const EditionSlot *es = g_ptr_array_index(free_slots, k);
    if (!on_page_grid(&es->slot))
      continue;
    if (chosen < 0 || continuation_room(c, p, &es->slot) >= need)
      chosen = k;
    if (continuation_room(c, p, &es->slot) >= need)
      break;
  }
  return chosen;
}

#define CANDIDATES 4          /* waiting stories of the same priority tried for a slot */
#define CANDIDATES_MUST_FIT 40 /* ... for a slot its story cannot jump from */

/* The waiting story for a slot: among the first few of the same priority
 * as the first waiting one, the one that fits whole leaving the fewest rows
 * empty (no holes in the page), else the first. A slot its story cannot
 * jump from (a box, a bastard measure, the last page when no pages may be
 * added) takes only a story that fits whole, from any priority: -1 when
 * none of the next 40 does. */
static int pool_story_for(Composer *c, int page, const EditionPage *p, const EditionSlot *es)
{
  bool last_page = page + 1 >= (int)c->ed->pages->len && !c->ed->add_pages;
  bool must_fit = !on_page_grid(&es->slot) || last_page;
  int first_rank = rank(article_at(c, g_array_index(c->pool, int, 0)));
  int best = -1, best_left = G_MAXINT;
  SlotBox b = slot_box(c, p, &es->slot);
  SlotFrame *frame = slotframe_new(c->layout, c->map, &es->slot, b.x, b.top, b.width, b.rows);
  for (unsigned k = 0; k < c->pool->len && k < (must_fit ? CANDIDATES_MUST_FIT : CANDIDATES); k++) {
    int article = g_array_index(c->pool, int, k);
    const Article *a = article_at(c, article);
    if (!must_fit && rank(a) != first_rank)
      break;
    if (c->placed[article] || (a->image && !on_page_grid(&es->slot)))
      continue;   /* photos go in slots on the page grid */
    Story *story = story_build(slotframe_typesetter(frame), c->hyphenator, slotframe_layout(frame),
                               without_photo(c, article), article, c->log);
    SlotPhoto approximate = { 0 };   /* a 3:2 photo stands in for the real one */
    int left = 0;
    bool fits = slotset_fits(frame, story, a->image ? &approximate : NULL, &left);
    story_free(story);
    if (fits && left < best_left) {
      best = (int)k;
      best_left = left;
    }
  }
  slotframe_free(frame);
  return best >= 0 || must_fit ? best : 0;
}

static void fill_free_slots(Composer *c, int page, const EditionPage *p)
{
  GPtrArray *free_slots = g_ptr_array_new();
  for (unsigned i = 0; i < p->slots->len; i++) {
    EditionSlot *es = &g_array_index(p->slots, EditionSlot, i);
    if (es->fill == FILL_AUTO)
      g_ptr_array_add(free_slots, es);
  }
  g_ptr_array_sort(free_slots, by_area);
  while (free_slots->len) {
    int waiting = pending_for(c, page);
    int k = waiting >= 0 ? slot_for_continuation(c, p, free_slots, &g_array_index(c->pending, Pending, waiting)) : -1;
    if (k >= 0) {
      place_continuation(c, page, p, g_ptr_array_index(free_slots, k), (unsigned)waiting);
      g_ptr_array_remove_index(free_slots, (unsigned)k);
      continue;
    }
    const EditionSlot *es = g_ptr_array_index(free_slots, 0);
    g_ptr_array_remove_index(free_slots, 0);
    while (c->pool->len && c->placed[g_array_index(c->pool, int, 0)])
      g_array_remove_index(c->pool, 0);
    if (!c->pool->len) {
      decide(c, "%s slot '%s': left empty, no story waiting", label_of(c, page), es->slot.name);
      continue;
    }
    int fitting = pool_story_for(c, page, p, es);
    if (fitting < 0) {
      decide(c, "%s slot '%s': left empty, no waiting story fits it whole and it cannot jump",
             label_of(c, page), es->slot.name);
      continue;
    }
    unsigned chosen = (unsigned)fitting;
    int article = g_array_index(c->pool, int, chosen);
    g_array_remove_index(c->pool, chosen);
    const Article *a = article_at(c, article);
    char *priority = a->priority > 0 ? g_strdup_printf("priority %d", a->priority) : g_strdup("no priority");
    decide(c, "%s slot '%s' (%d columns x %d lines): auto -> %s (%s)", label_of(c, page), es->slot.name,
           es->slot.span, es->slot.lines, a->path, priority);
    g_free(priority);
    place_story(c, page, p, es, article);
  }
  g_ptr_array_free(free_slots, TRUE);
}

/* ---- pages ---------------------------------------------------------------------------------------------- */

static bool compose_page(Composer *c, int index)
{
  const EditionPage *p = &g_array_index(c->ed->pages, EditionPage, index);
  int page = display_list_add_page(c->list);
  display_list_set_page_label(c->list, page, p->label);
  place_folio(c, page, section_title(c, p));
  if (p->kind->nameplate_lines > 0) {
    if (!strcmp(p->kind_name, "front")) {
      if (!place_nameplate(c, page, p->kind->nameplate_lines))
        return false;
    } else
      place_section_flag(c, page, p, p->kind->nameplate_lines);
  }
  place_slot_rules(c, page, p);
  for (unsigned i = 0; i < p->slots->len; i++) {
    const EditionSlot *es = &g_array_index(p->slots, EditionSlot, i);
    if (es->fill == FILL_STORY) {
      decide(c, "%s slot '%s': %s (named in the edition)", p->label, es->slot.name,
             article_at(c, es->article)->path);
      place_story(c, page, p, es, es->article);
    } else if (es->fill == FILL_AD && !place_ad(c, page, p, es))
      return false;
  }
  fill_free_slots(c, page, p);
  return true;
}

/* ---- pages added at the end ------------------------------------------------------------------------------- */

/* Label for an added page: the last section's letter, counting on. */
static char *added_label(const Composer *c, int page)
{
  const Edition *ed = c->ed;
  const EditionPage *last = &g_array_index(ed->pages, EditionPage, ed->pages->len - 1);
  if (last->section < 0)
    return g_strdup_printf("%d", page + 1);
  const EditionSection *s = g_ptr_array_index(ed->sections, last->section);
  int count = 0;
  for (unsigned i = 0; i < ed->pages->len; i++)
    count += g_array_index(ed->pages, EditionPage, i).section == last->section;
  return g_strdup_printf("%s%d", s->name, count + page - (int)ed->pages->len + 1);
}

/* The first box of a story at or after page first: where a continuation
 * that was flowed starts. */
static const Box *first_box_of(const Composer *c, int story, int first, PangoLayout *layout)
{
  for (unsigned i = 0; i < display_list_box_count(c->list); i++) {
    const Box *b = display_list_box(c->list, i);
    if (b->page >= first && b->story == story && b->kind == BOX_TEXT && (!layout || b->layout == layout))
      return b;
  }
  return NULL;
}

/* Waiting continuations first, then the stories that found no slot, in
 * continuous flow. Returns the jumps whose continuations were flowed. */
static GArray *flow_leftovers(Composer *c, Flow *flow, const Layout *flow_layout)
{
  const Layout *l = c->layout;
  GArray *conts = g_array_new(FALSE, FALSE, sizeof(unsigned));
  while (c->pending->len) {
    Pending p = g_array_index(c->pending, Pending, 0);
    g_array_remove_index(c->pending, 0);
    Jump *jump = &g_array_index(c->jumps, Jump, p.jump);
    int columns = MIN(3, l->columns);
    Story *s = continuation(c, &p, story_span_width(l, columns), PT(24), c->ts, jump);
    s->head_columns = columns;
    g_ptr_array_add(c->stories, s);
    flow_place_story(flow, s);
    g_array_append_val(conts, p.jump);
  }
  for (unsigned i = 0; i < c->pool->len; i++) {
    int article = g_array_index(c->pool, int, i);
    if (c->placed[article])
      continue;
    Story *s = story_build(c->ts, c->hyphenator, flow_layout, article_at(c, article), article, c->log);
    g_ptr_array_add(c->stories, s);
    flow_place_story(flow, s);
    c->placed[article] = true;
  }
  return conts;
}

static void furnish_added_pages(Composer *c, int first)
{
  const Layout *l = c->layout;
  for (int page = first; page < display_list_page_count(c->list); page++) {
    char *label = added_label(c, page);
    display_list_set_page_label(c->list, page, label);
    g_free(label);
    place_folio(c, page, NULL);
    region(c, page, -2, "flow", l->margin_left, text_top(c), layout_live_width(l),
           l->page_height - l->margin_bottom - text_top(c));
    decide(c, "%s: added for stories that had no slot", label_of(c, page));
  }
}

/* Where the flow put each continuation: its head, and its "Continued from" line. */
static void locate_flowed_continuations(Composer *c, GArray *conts, int first)
{
  for (unsigned k = 0; k < conts->len; k++) {
    Jump *jump = &g_array_index(c->jumps, Jump, g_array_index(conts, unsigned, k));
    const Box *head = first_box_of(c, jump->story, first, NULL);
    const Box *back = first_box_of(c, jump->story, first, jump->back_line);
    if (!head || !back)
      continue;
    jump->to_page = head->page;
    jump->to_x = head->x;
    jump->to_y = head->y - head->height;
    jump->back_x = back->x;
    jump->back_y = back->y - back->height * 3 / 4;
    decide(c, "%s: continues %s from %s", label_of(c, head->page), article_at(c, jump->story)->path,
           label_of(c, jump->from_page));
  }
}

/* Pages added at the end for what had no slot: the page layout without its
 * folio (drawn here, with the labels), in continuous flow. */
static void flow_rest(Composer *c)
{
  Layout flow_layout = *c->layout;
  flow_layout.margin_top += FOLIO_LINES * c->layout->baseline;
  flow_layout.folio = false;
  Flow *flow = flow_new(&flow_layout, c->ts, c->ed->publication);
  GArray *conts = flow_leftovers(c, flow, &flow_layout);
  DisplayList *extra = flow_finish(flow);
  int first = display_list_page_count(c->list);
  display_list_append(c->list, extra);
  display_list_free(extra);
  furnish_added_pages(c, first);
  locate_flowed_continuations(c, conts, first);
  g_array_free(conts, TRUE);
}

/* ---- jump lines, links, overset ------------------------------------------------------------------------------ */

static void add_link(Composer *c, int page, int x, int y, int w, int h, const char *dest)
{
  Box *box = display_list_add_box(c->list, BOX_LINK, page, -1, x, y, w, h);
  box->name = g_strdup(dest);
}

static void add_dest(Composer *c, int page, int x, int y, const char *name)
{
  Box *box = display_list_add_box(c->list, BOX_DEST, page, -1, x, y, 0, 0);
  box->name = g_strdup(name);
}

/* A red mark at the foot of the slot, and a line in the report. */
static void overset(Composer *c, Jump *jump)
{
  int size = PT(8);
  display_list_add_box(c->list, BOX_MARK, jump->page, jump->story, jump->x + jump->width - size,
                       jump->baseline - size, size, size);
  const Article *a = article_at(c, jump->story);
  g_string_append_printf(c->report->overset, "%s: \"%s\" on page %s, slot '%s': %u words overset\n",
                         a->path, a->headline, label_of(c, jump->page), jump->slot_name, jump->words_left);
  c->report->overset_stories++;
}

static void place_jump_lines(Composer *c)
{
  const FurnitureWords *w = furniture_words(c->ed->language);
  for (unsigned i = 0; i < c->jumps->len; i++) {
    Jump *jump = &g_array_index(c->jumps, Jump, i);
    if (jump->to_page < 0) {
      overset(c, jump);
      continue;
    }
    char *text = g_strdup_printf(w->continued_on, label_of(c, jump->to_page));
    TypesetLine line;
    put_text(c, c->fts, jump->page, jump->story, STYLE_DECK, text, 0, jump->x, jump->width,
             ALIGN_RIGHT, jump->baseline, &line);
    g_free(text);
    char *out = g_strdup_printf("jump-%u-on", i), *in = g_strdup_printf("jump-%u-from", i);
    int x = jump->x + line.x;
    add_link(c, jump->page, x, jump->baseline - line.ascent, line.width, line.ascent + line.descent, in);
    add_dest(c, jump->page, x, jump->baseline - line.ascent - PT(12), out);
    add_dest(c, jump->to_page, jump->to_x, MAX(0, jump->to_y - PT(12)), in);
    add_link(c, jump->to_page, jump->back_x, jump->back_y, jump->back_width, jump->back_height, out);
    g_free(out);
    g_free(in);
  }
}

/* Continuations that found no page: the words they hold are overset. */
static void strand_pending(Composer *c)
{
  for (unsigned i = 0; i < c->pending->len; i++) {
    const Pending *p = &g_array_index(c->pending, Pending, i);
    Jump *jump = &g_array_index(c->jumps, Jump, p->jump);
    jump->words_left = slotset_count_words(p->story, p->from, p->story->body_items->len);
  }
  g_array_set_size(c->pending, 0);
  for (unsigned i = 0; i < c->pool->len; i++) {
    int article = g_array_index(c->pool, int, i);
    if (c->placed[article])
      continue;
    const Article *a = article_at(c, article);
    g_string_append_printf(c->report->overset, "%s: \"%s\" has no slot: %u words overset\n", a->path,
                           a->headline, article_word_count(a));
    c->report->overset_stories++;
  }
}

/* Distinct bylines of the edition's stories, in order, for the PDF's metadata. */
static char *edition_authors(const Edition *ed)
{
  GString *authors = g_string_new(NULL);
  GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
  for (unsigned i = 0; i < ed->articles->len; i++) {
    const char *byline = ((const Article *)g_ptr_array_index(ed->articles, i))->byline;
    if (!byline || !g_hash_table_add(seen, (gpointer)byline))
      continue;
    g_string_append_printf(authors, "%s%s", authors->len ? "; " : "", byline);
  }
  g_hash_table_destroy(seen);
  return g_string_free(authors, authors->len == 0);
}

/* ---- navigation ------------------------------------------------------------------------ */

static double pt(int units)
{
  return units / (double)PANGO_SCALE;
}

/* An outline entry for each section where it starts, then its pages. */
static int section_entry(PdfNav *nav, const Edition *ed, int page, int *section)
{
  int index = page < (int)ed->pages->len ? g_array_index(ed->pages, EditionPage, page).section : *section;
  if (index < 0 || index == *section)
    return -1;
  *section = index;
  const EditionSection *s = g_ptr_array_index(ed->sections, index);
  char *title = s->title ? g_strdup_printf("%s %s", s->name, s->title) : g_strdup(s->name);
  int entry = pdfnav_add_entry(nav, -1, title, page, 0);
  g_free(title);
  return entry;
}

PdfNav *edition_nav(const Edition *ed, const DisplayList *list)
{
  int pages = display_list_page_count(list);
  PdfNav *nav = pdfnav_new(pages);
  for (int p = 0; p < pages; p++)
    if (display_list_page_label(list, p))
      pdfnav_set_page_label(nav, p, display_list_page_label(list, p));
  bool *started = g_new0(bool, ed->articles->len + 1);
  int section = -1, section_parent = -1, page_parent = -1, page = -1;
  for (unsigned i = 0; i < display_list_box_count(list); i++) {
    const Box *box = display_list_box(list, i);
    while (page < box->page) {
      page++;
      int entry = section_entry(nav, ed, page, &section);
      section_parent = entry >= 0 ? entry : section_parent;
      char *title = g_strdup_printf("Page %s", pdfnav_page_label(nav, page));
      page_parent = pdfnav_add_entry(nav, section_parent, title, page, 0);
      g_free(title);
    }
    if (box->kind == BOX_DEST)
      pdfnav_add_dest(nav, box->name, box->page, pt(box->x), pt(box->y));
    else if (box->kind == BOX_LINK)
      pdfnav_add_link(nav, box->page, pt(box->x), pt(box->y), pt(box->width), pt(box->height), box->name);
    else if (box->kind == BOX_TEXT && box->story >= 0 && (unsigned)box->story < ed->articles->len &&
             !started[box->story]) {
      started[box->story] = true;
      double top = pt(box->y - box->height);
      const Article *a = g_ptr_array_index(ed->articles, box->story);
      pdfnav_add_entry(nav, page_parent, a->headline, box->page, top);
      char *dest = pdfnav_story_dest(box->story);
      pdfnav_add_dest(nav, dest, box->page, pt(box->x), top);
      g_free(dest);
    }
  }
  g_free(started);
  return nav;
}

/* ---- entry point ------------------------------------------------------------------------------------------ */

static void composer_clear(Composer *c)
{
  g_ptr_array_free(c->frames, TRUE);
  g_ptr_array_free(c->copies, TRUE);
  g_ptr_array_free(c->artworks, TRUE);
  g_ptr_array_free(c->stories, TRUE);
  for (unsigned i = 0; i < c->jumps->len; i++)
    g_free(g_array_index(c->jumps, Jump, i).slot_name);
  g_array_free(c->jumps, TRUE);
  g_array_free(c->pending, TRUE);
  g_array_free(c->pool, TRUE);
  g_free(c->placed);
  typesetter_free(c->fts);
  typesetter_free(c->ts);
  hyphenator_free(c->hyphenator);
}

DisplayList *edition_compose(const Edition *ed, Fonts *fonts, DiagLog *log, EditionReport *report,
                             GError **error)
{
  Composer c = { .ed = ed, .layout = ed->layout, .map = fonts_font_map(fonts), .log = log,
                 .report = report, .error = error };
  restyle_furniture(&c);
  c.ts = typesetter_new(c.map, c.layout);
  c.fts = typesetter_new(c.map, &c.furniture);
  c.hyphenator = hyphenator_new(NULL);
  c.list = display_list_new(c.layout->page_width, c.layout->page_height);
  c.stories = g_ptr_array_new_with_free_func((GDestroyNotify)story_free);
  c.frames = g_ptr_array_new_with_free_func((GDestroyNotify)slotframe_free);
  c.copies = g_ptr_array_new_with_free_func(g_free);
  c.artworks = g_ptr_array_new_with_free_func((GDestroyNotify)artwork_unref);
  c.pending = g_array_new(FALSE, FALSE, sizeof(Pending));
  c.jumps = g_array_new(FALSE, TRUE, sizeof(Jump));
  c.pool = g_array_copy(ed->pool);
  g_array_sort_with_data(c.pool, by_priority, &c);
  c.placed = g_new0(bool, ed->articles->len + 1);
  bool ok = true;
  for (unsigned i = 0; ok && i < ed->pages->len; i++)
    ok = compose_page(&c, (int)i);
  if (ok) {
    bool rest = c.pending->len > 0;
    for (unsigned i = 0; i < c.pool->len; i++)
      rest = rest || !c.placed[g_array_index(c.pool, int, i)];
    if (rest && ed->add_pages)
      flow_rest(&c);
    strand_pending(&c);
    place_jump_lines(&c);
    display_list_sort_pages(c.list);
    char *authors = edition_authors(ed);
    display_list_set_metadata(c.list, ed->publication, authors);
    g_free(authors);
  }
  composer_clear(&c);
  if (!ok) {
    display_list_free(c.list);
    return NULL;
  }
  return c.list;
}
