/* pdfdoc.c — the PDF pipeline: preflight, cairo, libqpdf, Ghostscript. */
#include "pdfdoc.h"

#include <string.h>

#include "compose.h"
#include "galley_limits.h"
#include "layout.h"
#include "pdfboxes.h"
#include "pdfx.h"
#include "preflight.h"
#include "printmarks.h"
#include "render.h"
#include "typeset.h"
#include "xmp.h"

gboolean pdfdoc_print_options(PrintSettings *settings, gboolean print, const char *bleed,
                              const char *pdfx, double min_ppi, const char *edition,
                              GError **error)
{
  if (print || bleed)
    settings->marks = true;
  if (bleed && (!layout_parse_length(bleed, &settings->bleed) || settings->bleed < 0 ||
                settings->bleed > 72 * PANGO_SCALE)) {
    diag_set_error(error, GALLEY_ERROR_INPUT, NULL, 0, 0,
                   "--bleed takes a length from 0 to 1in such as 3mm or 0.125in, not '%s'", bleed);
    return FALSE;
  }
  if (pdfx) {
    static const char *const names[] = { "none", "gray", "cmyk" };
    int found = -1;
    for (int i = 0; i < 3; i++)
      if (strcmp(pdfx, names[i]) == 0)
        found = i;
    if (found < 0) {
      diag_set_error(error, GALLEY_ERROR_INPUT, NULL, 0, 0,
                     "--pdfx takes gray or cmyk, not '%s'", pdfx);
      return FALSE;
    }
    settings->pdfx = (PdfxColour)found;
  }
  if (min_ppi >= 0)
    settings->min_photo_ppi = min_ppi;
  if (edition)
    settings->edition = (char *)edition;   /* borrowed, like the layout's */
  return TRUE;
}

/* Distinct values of one article field, in order (strings borrowed). */
static GPtrArray *distinct(Article *const *articles, unsigned count, size_t field)
{
  GPtrArray *values = g_ptr_array_new();
  for (unsigned i = 0; i < count; i++) {
    const char *value = *(char *const *)((const char *)articles[i] + field);
    gboolean seen = FALSE;
    for (guint k = 0; value && !seen && k < values->len; k++)
      seen = g_str_equal(values->pdata[k], value);
    if (value && *value && !seen)
      g_ptr_array_add(values, (gpointer)value);
  }
  g_ptr_array_add(values, NULL);
  return values;
}

typedef struct {
  GPtrArray *authors, *sections, *keywords;
  char *subject, *keywords_text;
} DocFields;

/* Subject: the sections; keywords: the sections and the publications. */
static void doc_fields(DocFields *f, Article *const *articles, unsigned count,
                       const char *publication)
{
  f->authors = distinct(articles, count, G_STRUCT_OFFSET(Article, byline));
  f->sections = distinct(articles, count, G_STRUCT_OFFSET(Article, section));
  f->keywords = distinct(articles, count, G_STRUCT_OFFSET(Article, section));
  g_ptr_array_remove_index(f->keywords, f->keywords->len - 1);
  if (publication)
    g_ptr_array_add(f->keywords, (gpointer)publication);
  g_ptr_array_add(f->keywords, NULL);
  f->subject = f->sections->len > 1 ? g_strjoinv(", ", (char **)f->sections->pdata) : NULL;
  f->keywords_text = f->keywords->len > 1 ? g_strjoinv(", ", (char **)f->keywords->pdata) : NULL;
}

static void doc_fields_clear(DocFields *f)
{
  g_ptr_array_free(f->authors, TRUE);
  g_ptr_array_free(f->sections, TRUE);
  g_ptr_array_free(f->keywords, TRUE);
  g_free(f->subject);
  g_free(f->keywords_text);
}

static GBytes *render(const DisplayList *list, const PdfDocOptions *o, const PdfNav *nav,
                      const PrintSheet *sheet, const DocFields *fields, const char *publication,
                      GError **error)
{
  RenderMetadata metadata = { display_list_title(list), display_list_author(list), o->creator,
                              o->creation_time, fields->subject, fields->keywords_text };
  RenderPdfOptions options = { nav, sheet, publication, o->print.edition, o->creation_time,
                               o->overlay, o->overlay_data, o->print.pdfx != PDFX_NONE };
  return render_pdf(list, &metadata, &options, error);
}

/* Ghostscript's PDF/X goes through libqpdf again for the boxes, labels,
 * a deterministic /ID and the XMP Ghostscript drops (with the PDF/X
 * version; XMP needs PDF 1.4, on which PDF/X-1a:2003 is based). */
static GBytes *to_pdfx(GBytes *boxed, const DisplayList *list, const PdfDocOptions *o,
                       PdfBoxes *boxes, XmpFields *xmp, GError **error)
{
  GBytes *pdfx = pdfx_convert(boxed, o->print.pdfx, display_list_title(list), o->creation_time,
                              error);
  if (!pdfx)
    return NULL;
  xmp->pdfx_version = PDFX_VERSION;
  char *packet = xmp_packet(xmp);
  boxes->xmp = packet;
  boxes->min_version = "1.4";
  GBytes *result = pdfboxes_apply(pdfx, boxes, error);
  g_free(packet);
  g_bytes_unref(pdfx);
  return result;
}

/* Boxes, page labels and XMP by libqpdf; then PDF/X when asked for. */
static GBytes *finish(GBytes *pdf, const DisplayList *list, const PdfDocOptions *o,
                      const PdfNav *nav, const PrintSheet *sheet, const DocFields *fields,
                      GError **error)
{
  XmpFields xmp = { display_list_title(list), (const char *const *)fields->authors->pdata,
                    fields->subject, (const char *const *)fields->keywords->pdata, o->creator,
                    o->creation_time, NULL };
  char *packet = xmp_packet(&xmp);
  const char **labels = g_new0(const char *, pdfnav_page_count(nav) + 1);
  for (int p = 0; p < pdfnav_page_count(nav); p++)
    labels[p] = pdfnav_page_label(nav, p);
  PdfBoxes boxes;
  printmarks_boxes(sheet, &boxes);
  boxes.xmp = packet;
  boxes.page_labels = labels;
  boxes.min_version = NULL;
  GBytes *result = pdfboxes_apply(pdf, &boxes, error);
  if (result && o->print.pdfx != PDFX_NONE) {
    GBytes *boxed = result;
    result = to_pdfx(boxed, list, o, &boxes, &xmp, error);
    g_bytes_unref(boxed);
  }
  g_free(labels);
  g_free(packet);
  return result;
}

GBytes *pdfdoc_make(const DisplayList *list, Article *const *articles, unsigned count,
                    const PdfDocOptions *o, DiagLog *log, GError **error)
{
  if (!preflight_fonts(list, error))
    return NULL;
  preflight_photos(list, articles, count, o->print.min_photo_ppi, log);
  const char *publication = compose_publication(o->layout, articles, count);
  PdfNav *own_nav = o->nav ? NULL : pdfnav_for_flow(list, articles, count);
  PrintSheet sheet;
  printmarks_sheet(&sheet, display_list_page_width(list) / (double)PANGO_SCALE,
                   display_list_page_height(list) / (double)PANGO_SCALE,
                   o->print.bleed / (double)PANGO_SCALE, o->print.marks);
  DocFields fields;
  doc_fields(&fields, articles, count, publication);
  const PdfNav *nav = o->nav ? o->nav : own_nav;
  GBytes *pdf = render(list, o, nav, &sheet, &fields, publication, error);
  GBytes *result = pdf ? finish(pdf, list, o, nav, &sheet, &fields, error) : NULL;
  if (pdf)
    g_bytes_unref(pdf);
  doc_fields_clear(&fields);
  pdfnav_free(own_nav);
  return result;
}

/* ---- a page at a time ------------------------------------------------------------- */

/* Pages waiting for the drawing thread: enough to keep it busy, few enough
 * that their glyphs are not held long. */
#define PAGES_QUEUED_AT_MOST 3

typedef struct {
  DisplayList *list;   /* the page alone; NULL: no more pages */
  int page;
  PdfNav *nav;         /* the destinations on it */
} PageToDraw;

struct PdfDocStream {
  PdfDocOptions options;
  Article *const *articles;
  unsigned count;
  const char *publication;
  PrintSheet sheet;
  RenderPdf *pdf;
  unsigned next_box;   /* where the next page's boxes begin */
  bool *story_seen;    /* stories whose destination is made (count entries) */
  GError *error;       /* the first failure, the drawing's: later pages are not drawn */
  GError *fonts_error; /* a font that may not be embedded, found before a page is queued */
  bool past_limit;     /* a page past GALLEY_MAX_PAGES came: the document will be refused */
  /* drawing on its own thread (NULL: on the caller's) */
  GThread *drawer;
  GMutex lock;
  GCond changed;
  GQueue queue;        /* PageToDraw*, guarded by lock */
  TypesetFontHold *fonts;   /* what the queued pages draw with, held until finish */
};

static void draw_page(PdfDocStream *s, const DisplayList *list, int page, unsigned first,
                      const PdfNav *nav, bool checked)
{
  if (s->error || (!checked && !preflight_page_fonts(list, page, first, &s->error)))
    return;
  render_pdf_page(s->pdf, list, page, first, nav);
}

static PageToDraw *next_page_to_draw(PdfDocStream *s)
{
  g_mutex_lock(&s->lock);
  while (g_queue_is_empty(&s->queue))
    g_cond_wait(&s->changed, &s->lock);
  PageToDraw *job = g_queue_pop_head(&s->queue);
  g_cond_broadcast(&s->changed);
  g_mutex_unlock(&s->lock);
  return job;
}

static gpointer draw_pages(gpointer data)
{
  PdfDocStream *s = data;
  for (;;) {
    PageToDraw *job = next_page_to_draw(s);
    bool more = job->list != NULL;
    if (more)
      draw_page(s, job->list, job->page, 0, job->nav, true);
    pdfnav_free(job->nav);
    display_list_free(job->list);
    g_free(job);
    if (!more)
      return NULL;
  }
}

static void queue_page(PdfDocStream *s, PageToDraw *job)
{
  g_mutex_lock(&s->lock);
  while (job->list && g_queue_get_length(&s->queue) >= PAGES_QUEUED_AT_MOST)
    g_cond_wait(&s->changed, &s->lock);
  g_queue_push_tail(&s->queue, job);
  g_cond_broadcast(&s->changed);
  g_mutex_unlock(&s->lock);
}

PdfDocStream *pdfdoc_stream_new(const PdfDocOptions *o, Article *const *articles, unsigned count,
                                bool own_thread)
{
  PdfDocStream *s = g_new0(PdfDocStream, 1);
  s->options = *o;
  s->articles = articles;
  s->count = count;
  s->publication = compose_publication(o->layout, articles, count);
  s->story_seen = g_new0(bool, MAX(count, 1));
  printmarks_sheet(&s->sheet, o->layout->page_width / (double)PANGO_SCALE,
                   o->layout->page_height / (double)PANGO_SCALE,
                   o->print.bleed / (double)PANGO_SCALE, o->print.marks);
  RenderPdfOptions render = { NULL, &s->sheet, s->publication, o->print.edition, o->creation_time,
                              NULL, NULL, o->print.pdfx != PDFX_NONE };
  s->pdf = render_pdf_begin(o->layout->page_width, o->layout->page_height, &render);
  /* the slug of print marks is shaped with the pages' own Pango context,
   * which is not the drawing thread's to use */
  if (own_thread && !o->print.marks) {
    g_mutex_init(&s->lock);
    g_cond_init(&s->changed);
    g_queue_init(&s->queue);
    s->fonts = typeset_font_hold_new(false);
    s->drawer = g_thread_new("galley-drawer", draw_pages, s);
  }
  return s;
}

/* The fonts of the page's lines: their cairo fonts made here, on the
 * thread that may go on shaping with them, and held while the page waits. */
static void hold_page_fonts(PdfDocStream *s, const DisplayList *list, int page, unsigned first)
{
  const PangoLayout *previous = NULL;   /* a paragraph's lines follow one another */
  for (unsigned i = first; i < display_list_box_count(list); i++) {
    const Box *box = display_list_box(list, i);
    if (box->page > page)
      break;
    if (box->page == page && box->kind == BOX_TEXT && box->layout && box->layout != previous)
      typeset_font_hold_add(s->fonts, box->layout);
    if (box->kind == BOX_TEXT)
      previous = box->layout;
  }
}

void pdfdoc_stream_page(DisplayList *list, int page, void *stream)
{
  PdfDocStream *s = stream;
  unsigned first = s->next_box;
  while (s->next_box < display_list_box_count(list) && display_list_box(list, s->next_box)->page <= page)
    s->next_box++;
  s->past_limit = s->past_limit || page >= GALLEY_MAX_PAGES;
  if (s->past_limit)   /* draw no more: the document will be refused */
    return;
  /* the stories' destinations on this page: their heads are placed by now */
  PdfNav *nav = pdfnav_flow_page_dests(list, page, first, s->count, s->story_seen);
  if (!s->drawer) {
    draw_page(s, list, page, first, nav, false);
    pdfnav_free(nav);
    return;
  }
  /* checked here, not on the drawing thread, which is the one waited for */
  if (s->fonts_error || !preflight_page_fonts(list, page, first, &s->fonts_error)) {
    pdfnav_free(nav);
    return;
  }
  hold_page_fonts(s, list, page, first);
  PageToDraw *job = g_new(PageToDraw, 1);
  *job = (PageToDraw){ display_list_copy_page(list, page, first), page, nav };
  queue_page(s, job);
}

/* Waits for the drawing thread to draw every page queued. */
static void stop_drawing(PdfDocStream *s)
{
  if (!s->drawer)
    return;
  queue_page(s, g_new0(PageToDraw, 1));
  g_thread_join(s->drawer);
  typeset_font_hold_free(s->fonts);
  g_mutex_clear(&s->lock);
  g_cond_clear(&s->changed);
}

GBytes *pdfdoc_stream_finish(PdfDocStream *s, const DisplayList *list, DiagLog *log,
                             GError **error)
{
  (void)pdfboxes_load_library(NULL);   /* while the last pages are drawn; an error is said below */
  stop_drawing(s);
  if (s->fonts_error && !s->error)
    s->error = g_steal_pointer(&s->fonts_error);
  g_clear_error(&s->fonts_error);
  if (s->past_limit && !s->error)
    diag_set_error(&s->error, GALLEY_ERROR_LIMIT, NULL, 0, 0, "more than %d pages, galley's limit "
                   "for one document; build the articles in several runs", GALLEY_MAX_PAGES);
  GBytes *result = NULL;
  DocFields fields;
  doc_fields(&fields, s->articles, s->count, s->publication);
  PdfNav *nav = pdfnav_for_flow(list, s->articles, s->count);
  RenderMetadata metadata = { display_list_title(list), display_list_author(list),
                              s->options.creator, s->options.creation_time, fields.subject,
                              fields.keywords_text };
  GBytes *pdf = render_pdf_end(s->pdf, &metadata, nav, s->error ? NULL : error);
  if (s->error)
    g_propagate_error(error, s->error);
  else if (pdf) {
    preflight_photos(list, s->articles, s->count, s->options.print.min_photo_ppi, log);
    result = finish(pdf, list, &s->options, nav, &s->sheet, &fields, error);
  }
  if (pdf)
    g_bytes_unref(pdf);
  pdfnav_free(nav);
  doc_fields_clear(&fields);
  g_free(s->story_seen);
  g_free(s);
  return result;
}
