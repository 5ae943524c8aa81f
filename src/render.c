/* render.c — display list to cairo surfaces.
 *
 * Text is drawn line by line with pango_cairo_show_layout_line(), which
 * emits each glyph run with its text (cairo_show_text_glyphs on surfaces
 * that support it), so a PDF's text extracts in logical order, right-to-left
 * and CJK included. Units: the display list is in Pango units; cairo works
 * in points (PDF) or points scaled to pixels (PNG). Photos are downsampled to
 * at most GALLEY_MAX_IMAGE_PPI at their printed size before embedding. */
#include "render.h"

#include "typeset.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "diag.h"
#include "drawextra.h"
#include "extracthint.h"
#include "galley_limits.h"

static double points(int units)
{
  return units / (double)PANGO_SCALE;
}

/* Draws a run's glyphs as one cluster carrying `utf8` (len bytes, maybe
 * none), so a PDF reader extracts exactly that text for them. A
 * right-to-left run so carries its logical text: readers otherwise extract
 * its glyphs in visual order, letter by letter. */
static void draw_run_as(cairo_t *cr, const char *utf8, int len, PangoGlyphItem *run, double x,
                        double y)
{
  PangoGlyphString *glyphs = run->glyphs;
  cairo_glyph_t *cairo_glyphs = g_new(cairo_glyph_t, (gsize)MAX(1, glyphs->num_glyphs));
  int count = 0, advance = 0;
  for (int i = 0; i < glyphs->num_glyphs; i++) {
    PangoGlyphInfo *info = &glyphs->glyphs[i];
    if (!(info->glyph & PANGO_GLYPH_UNKNOWN_FLAG) && info->glyph != PANGO_GLYPH_EMPTY) {
      cairo_glyphs[count].index = info->glyph;
      cairo_glyphs[count].x = x + points(advance + info->geometry.x_offset);
      cairo_glyphs[count].y = y + points(info->geometry.y_offset);
      count++;
    }
    advance += info->geometry.width;
  }
  cairo_scaled_font_t *font = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(run->item->analysis.font));
  if (font && count > 0) {
    cairo_set_scaled_font(cr, font);
    cairo_text_cluster_t cluster = { len, count };
    bool backward = run->item->analysis.level & 1;
    cairo_show_text_glyphs(cr, utf8, len, cairo_glyphs, count, &cluster, 1,
                           backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : 0);
  }
  g_free(cairo_glyphs);
}

/* Draws a left-to-right run whose first `silent` bytes of text (the rest of
 * a drop cap's word) carry no text of their own. Returns its advance. */
static int draw_run_with_silent_start(cairo_t *cr, const char *text, PangoGlyphItem *run, int silent,
                                      double x, double y)
{
  int width = pango_glyph_string_get_width(run->glyphs);
  int in_run = silent - run->item->offset;
  if (in_run <= 0) {
    cairo_move_to(cr, x, y);
    pango_cairo_show_glyph_item(cr, text, run);
  } else if (in_run >= run->item->length) {
    draw_run_as(cr, "", 0, run, x, y);
  } else {
    PangoGlyphItem *rest = pango_glyph_item_copy(run);
    PangoGlyphItem *start = pango_glyph_item_split(rest, text, in_run);
    draw_run_as(cr, "", 0, start, x, y);
    cairo_move_to(cr, x + points(pango_glyph_string_get_width(start->glyphs)), y);
    pango_cairo_show_glyph_item(cr, text, rest);
    pango_glyph_item_free(start);
    pango_glyph_item_free(rest);
  }
  return width;
}

static int draw_layout_line(cairo_t *cr, PangoLayout *layout, double x, double y)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly(layout, 0);
  const char *text = pango_layout_get_text(layout);
  int advance = 0;
  for (GSList *l = line->runs; l; l = l->next) {
    PangoGlyphItem *run = l->data;
    cairo_move_to(cr, x + points(advance), y);
    pango_cairo_show_glyph_item(cr, text, run);
    advance += pango_glyph_string_get_width(run->glyphs);
  }
  return advance;
}

/* A view of the part of a run inside bytes [start, end), which the
 * composer breaks only at cluster boundaries. The glyphs are borrowed from
 * the run, not copied: a paragraph shaped as one long run is drawn line by
 * line, and copying or splitting the whole run for each line would cost
 * time in the square of the paragraph's length. */
typedef struct {
  PangoItem item;
  PangoGlyphString glyphs;
  PangoGlyphItem part;
} RunView;

static bool view_run_part(RunView *view, const PangoGlyphItem *run, const char *text, int start, int end)
{
  const PangoGlyphString *all = run->glyphs;
  int offset = run->item->offset, first, last;
  start = MAX(start, offset);
  end = MIN(end, offset + run->item->length);
  typeset_glyph_span(run, start, end, &first, &last);
  if (first >= last)
    return false;
  *view = (RunView){ .item = *run->item };
  view->item.offset = start;
  view->item.length = end - start;
  view->item.num_chars = (int)g_utf8_strlen(text + start, end - start);
  view->glyphs.num_glyphs = last - first;
  view->glyphs.space = view->glyphs.num_glyphs;   /* what pango_glyph_string_copy() copies */
  view->glyphs.glyphs = all->glyphs + first;
  view->glyphs.log_clusters = g_new(int, view->glyphs.num_glyphs);
  for (int g = 0; g < view->glyphs.num_glyphs; g++)
    view->glyphs.log_clusters[g] = all->log_clusters[first + g] - (start - offset);
  view->part = (PangoGlyphItem){ .item = &view->item, .glyphs = &view->glyphs };
  return true;
}

static void view_clear(RunView *view)
{
  g_free(view->glyphs.log_clusters);
}

/* A line the composer set as a range of its paragraph's one shaped line,
 * and the hyphen after it. */
static void draw_text_range(cairo_t *cr, const Box *box)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly(box->layout, box->line_index);
  const char *text = pango_layout_get_text(box->layout);
  int start = box->start_index, end = box->start_index + box->length;
  int silent = typeset_silent_prefix(box->layout);
  double x = points(box->x), y = points(box->y);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_save(cr);
  if (box->expansion) {
    cairo_translate(cr, x, 0);
    cairo_scale(cr, 1.0 + box->expansion / 1000.0, 1.0);
    x = 0;
  }
  int advance = 0;
  for (GSList *l = line->runs; l; l = l->next) {
    PangoGlyphItem *run = l->data;
    if (run->item->offset + run->item->length <= start || run->item->offset >= end)
      continue;
    RunView view;
    if (!view_run_part(&view, run, text, start, end))
      continue;
    advance += draw_run_with_silent_start(cr, text, &view.part, silent, x + points(advance), y);
    view_clear(&view);
  }
  if (box->hyphen)
    draw_layout_line(cr, box->hyphen, x + points(advance), y);
  cairo_restore(cr);
}

static void draw_text(cairo_t *cr, const Box *box)
{
  if (box->partial || box->hyphen) {
    draw_text_range(cr, box);
    return;
  }
  PangoLayoutLine *line = pango_layout_get_line_readonly(box->layout, box->line_index);
  const char *text = pango_layout_get_text(box->layout);
  const char *actual = typeset_actual_text(box->layout);
  int silent = typeset_silent_prefix(box->layout);
  cairo_set_source_rgb(cr, 0, 0, 0);
  /* the line is drawn from its own origin: its logical x was folded into box->x */
  PangoRectangle logical;
  pango_layout_line_get_extents(line, NULL, &logical);
  double x = points(box->x - logical.x), y = points(box->y);
  cairo_save(cr);
  if (box->expansion) {   /* advances were set for the unexpanded width */
    cairo_translate(cr, x, 0);
    cairo_scale(cr, 1.0 + box->expansion / 1000.0, 1.0);
    x = 0;
  }
  int advance = 0;
  for (GSList *l = line->runs; l; l = l->next) {
    PangoGlyphItem *run = l->data;
    int width = pango_glyph_string_get_width(run->glyphs);
    double run_x = x + points(advance);
    if (actual)   /* one glyph standing for a word (a drop cap) */
      draw_run_as(cr, l == line->runs ? actual : "", l == line->runs ? (int)strlen(actual) : 0, run,
                  run_x, y);
    else if (run->item->analysis.level & 1)
      draw_run_as(cr, text + run->item->offset, run->item->length, run, run_x, y);
    else
      draw_run_with_silent_start(cr, text, run, silent, run_x, y);
    advance += width;
  }
  cairo_restore(cr);
}

static void draw_rule(cairo_t *cr, const Box *box)
{
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, points(box->rule_width));
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to(cr, points(box->x), points(box->y));
  cairo_line_to(cr, points(box->x + box->width), points(box->y + box->height));
  cairo_stroke(cr);
}

static void draw_placeholder(cairo_t *cr, const Box *box)
{
  double x = points(box->x), y = points(box->y), w = points(box->width), h = points(box->height);
  cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
  cairo_rectangle(cr, x, y, w, h);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
  cairo_set_line_width(cr, 0.5);
  cairo_rectangle(cr, x, y, w, h);
  cairo_move_to(cr, x, y);
  cairo_line_to(cr, x + w, y + h);
  cairo_move_to(cr, x + w, y);
  cairo_line_to(cr, x, y + h);
  cairo_stroke(cr);
}

/* Copies RGB(A) pixels into an opaque cairo image surface, transparent
 * pixels composited onto white: a photo lies on white paper, and a PDF
 * without soft masks is one PDF/X-1a (no transparency) keeps as it is,
 * where Ghostscript would otherwise flatten the whole page to an image. */
static cairo_surface_t *surface_from_image(const Image *image)
{
  int width = image_width(image), height = image_height(image), stride;
  bool alpha;
  const guint8 *pixels = image_pixels(image, &stride, &alpha);
  cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
  cairo_surface_flush(surface);
  guint8 *out = cairo_image_surface_get_data(surface);
  int out_stride = cairo_image_surface_get_stride(surface);
  int channels = alpha ? 4 : 3;
  for (int y = 0; y < height; y++) {
    const guint8 *src = pixels + (gsize)y * stride;
    guint32 *dst = (guint32 *)(out + (gsize)y * out_stride);
    for (int x = 0; x < width; x++, src += channels) {
      guint32 a = alpha ? src[3] : 255, white = 255 - a;
      guint32 r = (src[0] * a + 255 * white) / 255, g = (src[1] * a + 255 * white) / 255;
      guint32 b = (src[2] * a + 255 * white) / 255;
      dst[x] = (255u << 24) | (r << 16) | (g << 8) | b;
    }
  }
  cairo_surface_mark_dirty(surface);
  return surface;
}

/* How the page is being painted: the resolution photos need, and the
 * bleed photos touching the trim run into (0 when there is none). */
typedef struct {
  cairo_t *cr;
  double device_scale;
  double bleed;
  double page_width, page_height;   /* the trim, points */
  cairo_scaled_font_t *hint_font;   /* PDF: draws the hints of extracthint.h; NULL: none */
} Painter;

/* A photo's rectangle, grown by the bleed on each side that touches the
 * trim (within half a point), so no white shows when the cut wanders. */
static void bleed_rect(const Painter *painter, const Box *box, double r[4])
{
  double x = points(box->x), y = points(box->y), w = points(box->width), h = points(box->height);
  double b = painter->bleed, near = 0.5;
  double x0 = x <= near ? x - b : x, y0 = y <= near ? y - b : y;
  double x1 = x + w >= painter->page_width - near ? x + w + b : x + w;
  double y1 = y + h >= painter->page_height - near ? y + h + b : y + h;
  r[0] = x0, r[1] = y0, r[2] = x1 - x0, r[3] = y1 - y0;
}

static void draw_image(const Painter *painter, const Box *box)
{
  cairo_t *cr = painter->cr;
  double area[4];
  bleed_rect(painter, box, area);
  if (painter->hint_font)
    extracthint_photo(cr, painter->hint_font, points(box->x), points(box->y), points(box->width),
                      points(box->height));
  double w = area[2], h = area[3];
  double ppi = MIN(GALLEY_MAX_IMAGE_PPI, 72.0 * painter->device_scale * 2);
  int max_w = MAX(1, (int)(w / 72.0 * ppi)), max_h = MAX(1, (int)(h / 72.0 * ppi));
  Image *fitted = image_fit(box->image, max_w, max_h);
  cairo_surface_t *surface = surface_from_image(fitted);
  /* the photo covers the grown rectangle, centred, its aspect kept */
  double scale = MAX(w / image_width(fitted), h / image_height(fitted));
  cairo_save(cr);
  cairo_rectangle(cr, area[0], area[1], w, h);
  cairo_clip(cr);
  cairo_translate(cr, area[0] + (w - image_width(fitted) * scale) / 2,
                  area[1] + (h - image_height(fitted) * scale) / 2);
  cairo_scale(cr, scale, scale);
  cairo_set_source_surface(cr, surface, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_rectangle(cr, 0, 0, image_width(fitted), image_height(fitted));
  cairo_fill(cr);
  cairo_restore(cr);
  cairo_surface_destroy(surface);
  image_unref(fitted);
}

static void draw_box(const Painter *painter, const Box *box)
{
  switch (box->kind) {
  case BOX_TEXT: draw_text(painter->cr, box); break;
  case BOX_RULE: draw_rule(painter->cr, box); break;
  case BOX_IMAGE: draw_image(painter, box); break;
  case BOX_PLACEHOLDER: draw_placeholder(painter->cr, box); break;
  default: drawextra_box(painter->cr, box); break;
  }
}

/* Boxes are stored page by page in order; first_box keeps the scan linear. */
static unsigned page_start(const DisplayList *list, int page, unsigned first_box)
{
  unsigned i = first_box, n = display_list_box_count(list);
  while (i < n && display_list_box(list, i)->page < page)
    i++;
  return i;
}

static unsigned draw_page(const Painter *painter, const DisplayList *list, int page,
                          unsigned first_box)
{
  unsigned i = page_start(list, page, first_box), n = display_list_box_count(list);
  for (; i < n && display_list_box(list, i)->page == page; i++)
    draw_box(painter, display_list_box(list, i));
  return i;
}

/* ---- tagged PDF ---------------------------------------------------------------- */

static const char *structure_role(const Box *box)
{
  if (box->kind != BOX_TEXT)
    return "Figure";
  switch (box->style) {
  case STYLE_HEADLINE: return "H1";
  case STYLE_DECK: return "H2";
  case STYLE_CROSSHEAD: return "H3";
  case STYLE_CAPTION: case STYLE_CREDIT: return "Caption";
  default: return "P";
  }
}

/* The open structure elements while a page is drawn: the story (Art) and
 * the paragraph (one PangoLayout, or one photo) inside it. */
typedef struct {
  cairo_t *cr;
  int story;                /* -1: none open */
  const void *paragraph;    /* the open paragraph's layout or image; NULL: none */
  const char *role;
} Tagger;

static void close_paragraph(Tagger *t)
{
  if (t->paragraph)
    cairo_tag_end(t->cr, t->role);
  t->paragraph = NULL;
}

static void close_story(Tagger *t)
{
  close_paragraph(t);
  if (t->story >= 0)
    cairo_tag_end(t->cr, "Art");
  t->story = -1;
}

static void open_tags(Tagger *t, const Box *box)
{
  if (box->story != t->story) {
    close_story(t);
    cairo_tag_begin(t->cr, "Art", NULL);
    t->story = box->story;
  }
  const void *paragraph = box->kind == BOX_TEXT ? (const void *)box->layout : (const void *)box;
  if (paragraph != t->paragraph) {
    close_paragraph(t);
    t->role = structure_role(box);
    cairo_tag_begin(t->cr, t->role, NULL);
    t->paragraph = paragraph;
  }
}

/* Stories first, each whole and in the order placed (column by column),
 * each paragraph one structure element; page furniture (folio, rules)
 * after them, outside the structure. Elements do not cross pages. */
static void draw_page_tagged(const Painter *painter, const DisplayList *list, int page,
                             unsigned first)
{
  unsigned n = display_list_box_count(list);
  Tagger tagger = { painter->cr, -1, NULL, NULL };
  for (unsigned i = first; i < n && display_list_box(list, i)->page == page; i++) {
    const Box *box = display_list_box(list, i);
    if (box->story < 0)
      continue;
    open_tags(&tagger, box);
    draw_box(painter, box);
  }
  close_story(&tagger);
  unsigned end = first;
  while (end < n && display_list_box(list, end)->page == page)
    end++;
  if (painter->hint_font)   /* under the rules drawn next */
    extracthint_story_breaks(painter->cr, painter->hint_font, list, first, end);
  if (painter->hint_font)
    extracthint_column_breaks(painter->cr, painter->hint_font, list, first, end);
  if (painter->hint_font)
    extracthint_table_rows(painter->cr, painter->hint_font, list, first, end);
  for (unsigned i = first; i < end; i++)
    if (display_list_box(list, i)->story < 0)
      draw_box(painter, display_list_box(list, i));
}

/* ---- navigation ---------------------------------------------------------------- */

static char *number(double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  return g_strdup(g_ascii_formatd(buffer, sizeof buffer, "%.2f", value));
}

/* cairo's attribute strings quote with ' and escape it and \ with \. */
static char *quoted(const char *text)
{
  GString *out = g_string_new("'");
  for (const char *p = text; *p; p++) {
    if (*p == '\'' || *p == '\\')
      g_string_append_c(out, '\\');
    g_string_append_c(out, *p);
  }
  g_string_append_c(out, '\'');
  return g_string_free(out, FALSE);
}

static void draw_destinations(cairo_t *cr, const PdfNav *nav, int page, double offset)
{
  for (unsigned i = 0; i < pdfnav_dest_count(nav); i++) {
    const PdfNavDest *dest = pdfnav_dest(nav, i);
    if (dest->page != page)
      continue;
    char *name = quoted(dest->name), *x = number(dest->x + offset), *y = number(dest->y + offset);
    char *attributes = g_strdup_printf("name=%s x=%s y=%s", name, x, y);
    cairo_tag_begin(cr, CAIRO_TAG_DEST, attributes);
    cairo_tag_end(cr, CAIRO_TAG_DEST);
    g_free(attributes);
    g_free(name);
    g_free(x);
    g_free(y);
  }
}

static void draw_links(cairo_t *cr, const PdfNav *nav, int page, double offset)
{
  for (unsigned i = 0; i < pdfnav_link_count(nav); i++) {
    const PdfNavLink *link = pdfnav_link(nav, i);
    if (link->page != page)
      continue;
    /* a file link is a GoToR action: the viewer opens that PDF itself */
    char *dest = quoted(link->file ? link->file : link->dest);
    char *x = number(link->x + offset), *y = number(link->y + offset);
    char *w = number(link->width), *h = number(link->height);
    /* no page for a file: cairo 1.16 refuses one in a tagged PDF (pdfboxes sets it) */
    char *attributes = g_strdup_printf(link->file ? "rect=[%s %s %s %s] file=%s"
                                                  : "rect=[%s %s %s %s] dest=%s", x, y, w, h, dest);
    cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes);
    cairo_tag_end(cr, CAIRO_TAG_LINK);
    g_free(attributes);
    g_free(dest);
    g_free(x);
    g_free(y);
    g_free(w);
    g_free(h);
  }
}

/* Outline entries point at a page and a height on it; cairo wants
 * parents added before their children, as pdfnav keeps them. */
static void add_outline(cairo_surface_t *surface, const PdfNav *nav, double offset)
{
  unsigned count = pdfnav_entry_count(nav);
  int *ids = g_new(int, MAX(count, 1));
  for (unsigned i = 0; i < count; i++) {
    const PdfNavEntry *entry = pdfnav_entry(nav, i);
    char *y = number(entry->y + offset), *x = number(offset);
    char *link = g_strdup_printf("page=%d pos=[%s %s]", entry->page + 1, x, y);
    int parent = entry->parent >= 0 ? ids[entry->parent] : CAIRO_PDF_OUTLINE_ROOT;
    ids[i] = cairo_pdf_surface_add_outline(surface, parent, entry->title, link, 0);
    g_free(link);
    g_free(x);
    g_free(y);
  }
  g_free(ids);
}

/* Any text box's Pango context carries galley's fonts, for the slug. */
static PangoContext *pages_context(const DisplayList *list)
{
  for (unsigned i = 0; i < display_list_box_count(list); i++)
    if (display_list_box(list, i)->kind == BOX_TEXT && display_list_box(list, i)->layout)
      return pango_layout_get_context(display_list_box(list, i)->layout);
  return NULL;
}

static cairo_status_t append_bytes(void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append(closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void set_pdf_metadata(cairo_surface_t *surface, const RenderMetadata *metadata)
{
  if (metadata->title)
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, metadata->title);
  if (metadata->author)
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, metadata->author);
  if (metadata->creator)
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, metadata->creator);
  if (metadata->subject)
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, metadata->subject);
  if (metadata->keywords)
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, metadata->keywords);
  if (metadata->creation_time >= 0) {
    GDateTime *time = g_date_time_new_from_unix_utc(metadata->creation_time);
    if (time) {
      char *iso = g_date_time_format(time, "%Y-%m-%dT%H:%M:%SZ");
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, iso);
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, iso);
      g_free(iso);
      g_date_time_unref(time);
    }
  }
}

/* The sheet's paper, painted white before anything else. cairo 1.16 finds
 * what a PDF page must rasterise by adding every drawing operation's
 * extents to a region: with a region of hundreds of lines' rectangles,
 * each addition costs in proportion to it, 14 % of drawing a page. Once a
 * first operation covers the sheet, every later one lies inside it and is
 * added at once. White is the paper's own colour: no ink, no change to
 * how a page looks or prints. */
static void paint_paper(cairo_t *cr, const PrintSheet *sheet)
{
  cairo_save(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, 0, 0, printmarks_sheet_width(sheet), printmarks_sheet_height(sheet));
  cairo_fill(cr);
  cairo_restore(cr);
}

static void draw_pdf_page(cairo_t *cr, const DisplayList *list, int page, unsigned first,
                          const RenderPdfOptions *options, const PdfNav *nav, const PrintSheet *sheet,
                          cairo_scaled_font_t *hint_font)
{
  /* labels are written by pdfboxes: cairo 1.16 drops them */
  const char *label = nav ? pdfnav_page_label(nav, page) : NULL;
  paint_paper(cr, sheet);
  if (sheet->marks) {
    char *page_label = label ? g_strdup(label) : g_strdup_printf("%d", page + 1);
    char *slug = printmarks_slug(options->publication, options->edition, page_label,
                                 options->slug_time);
    printmarks_draw(cr, sheet, slug, pages_context(list));
    g_free(slug);
    g_free(page_label);
  }
  Painter painter = { cr, 1.0, sheet->bleed, sheet->trim_width, sheet->trim_height, hint_font };
  cairo_save(cr);
  cairo_translate(cr, sheet->offset, sheet->offset);
  draw_page_tagged(&painter, list, page, first);
  if (options->overlay)
    options->overlay(cr, page, options->overlay_data);
  cairo_restore(cr);
  if (nav) {
    draw_destinations(cr, nav, page, sheet->offset);
    draw_links(cr, nav, page, sheet->offset);
  }
}

struct RenderPdf {
  RenderPdfOptions options;
  PrintSheet sheet;
  GByteArray *bytes;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_scaled_font_t *hint_font;   /* extracthint.h; NULL until a page has text, or none wanted */
};

static cairo_scaled_font_t *hint_font(RenderPdf *pdf, const DisplayList *list)
{
  if (!pdf->hint_font)
    pdf->hint_font = pdf->options.hints_without_actualtext ? extracthint_font_without_actualtext(list)
                                                           : extracthint_font(list);
  return pdf->hint_font;
}

RenderPdf *render_pdf_begin(int page_width, int page_height, const RenderPdfOptions *options)
{
  static const RenderPdfOptions none = { NULL, NULL, NULL, NULL, -1, NULL, NULL, false };
  RenderPdf *pdf = g_new0(RenderPdf, 1);
  pdf->options = options ? *options : none;
  if (options && options->sheet)
    pdf->sheet = *options->sheet;
  else
    printmarks_sheet(&pdf->sheet, points(page_width), points(page_height), 0, false);
  pdf->bytes = g_byte_array_new();
  pdf->surface = cairo_pdf_surface_create_for_stream(append_bytes, pdf->bytes,
                                                     printmarks_sheet_width(&pdf->sheet),
                                                     printmarks_sheet_height(&pdf->sheet));
  pdf->cr = cairo_create(pdf->surface);
  return pdf;
}

void render_pdf_page(RenderPdf *pdf, const DisplayList *list, int page, unsigned first,
                     const PdfNav *nav)
{
  draw_pdf_page(pdf->cr, list, page, page_start(list, page, first), &pdf->options, nav, &pdf->sheet,
                hint_font(pdf, list));
  cairo_show_page(pdf->cr);
}

GBytes *render_pdf_end(RenderPdf *pdf, const RenderMetadata *metadata, const PdfNav *nav,
                       GError **error)
{
  set_pdf_metadata(pdf->surface, metadata);
  if (nav)
    add_outline(pdf->surface, nav, pdf->sheet.offset);
  if (pdf->hint_font)
    cairo_scaled_font_destroy(pdf->hint_font);
  cairo_destroy(pdf->cr);
  cairo_surface_finish(pdf->surface);
  cairo_status_t status = cairo_surface_status(pdf->surface);
  cairo_surface_destroy(pdf->surface);
  GByteArray *bytes = pdf->bytes;
  g_free(pdf);
  if (status != CAIRO_STATUS_SUCCESS) {
    diag_set_error(error, GALLEY_ERROR_OUTPUT, NULL, 0, 0, "cairo could not make the PDF: %s",
                   cairo_status_to_string(status));
    g_byte_array_unref(bytes);
    return NULL;
  }
  return g_byte_array_free_to_bytes(bytes);
}

GBytes *render_pdf(const DisplayList *list, const RenderMetadata *metadata,
                   const RenderPdfOptions *options, GError **error)
{
  RenderPdf *pdf = render_pdf_begin(display_list_page_width(list), display_list_page_height(list),
                                    options);
  const PdfNav *nav = options ? options->nav : NULL;
  unsigned next_box = 0;
  for (int page = 0; page < display_list_page_count(list); page++) {
    next_box = page_start(list, page, next_box);
    draw_pdf_page(pdf->cr, list, page, next_box, &pdf->options, nav, &pdf->sheet,
                  hint_font(pdf, list));
    cairo_show_page(pdf->cr);
  }
  return render_pdf_end(pdf, metadata, nav, error);
}

void render_draw_page(cairo_t *cr, const DisplayList *list, int page, double device_scale)
{
  Painter painter = { cr, device_scale, 0, points(display_list_page_width(list)),
                      points(display_list_page_height(list)), NULL };
  draw_page(&painter, list, page, 0);
}

GBytes *render_png(const DisplayList *list, int page, double dpi, GError **error)
{
  double scale = dpi / 72.0;
  int width = (int)(points(display_list_page_width(list)) * scale + 0.5);
  int height = (int)(points(display_list_page_height(list)) * scale + 0.5);
  cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, MAX(1, width), MAX(1, height));
  cairo_t *cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, scale, scale);
  Painter painter = { cr, scale, 0, points(display_list_page_width(list)),
                      points(display_list_page_height(list)), NULL };
  draw_page(&painter, list, page, 0);
  cairo_destroy(cr);
  GByteArray *bytes = g_byte_array_new();
  cairo_status_t status = cairo_surface_write_to_png_stream(surface, append_bytes, bytes);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    diag_set_error(error, GALLEY_ERROR_OUTPUT, NULL, 0, 0, "cairo could not make the PNG: %s",
                   cairo_status_to_string(status));
    g_byte_array_unref(bytes);
    return NULL;
  }
  return g_byte_array_free_to_bytes(bytes);
}
