/* test_pdfdoc.c — the PDF pipeline read back with libqpdf: page boxes,
 * page labels (the flow's numbers, and an edition's own through pdfnav),
 * the outline nested page > story, a link to a story's destination, XMP,
 * preflight, and byte-identical output. Fonts from the repository's fonts/. */
#include <qpdf/qpdf-c.h>

#include "article.h"
#include "check.h"
#include "compose.h"
#include "fonts.h"
#include "layout.h"
#include "pdfboxes.h"
#include "pdfdoc.h"
#include "pdfnav.h"
#include "preflight.h"
#include "printmarks.h"
#include "xmp.h"

typedef struct {
  Fonts *fonts;
  Layout *layout;
  GPtrArray *articles;
  DisplayList *list;
} Doc;

static bool doc_open(Doc *doc, const char *layout_name)
{
  GError *error = NULL;
  doc->fonts = fonts_new("fonts", &error);
  char *path = g_strdup_printf("layouts/%s.yaml", layout_name);
  doc->layout = layout_read_file(path, &error);
  g_free(path);
  g_clear_error(&error);
  doc->articles = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
  const char *names[] = { "without-missiles.md", "council-budget.md", "harbour-bridge.md" };
  for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
    char *file = g_build_filename("samples/oligo-news", names[i], NULL);
    Article *article = article_read_file(file, NULL);
    if (article)
      g_ptr_array_add(doc->articles, article);
    g_free(file);
  }
  if (!doc->fonts || !doc->layout || doc->articles->len != 3) {
    check_failures_in_test++;   /* without its inputs a test proves nothing */
    return false;
  }
  DiagLog *log = diag_log_new();
  doc->list = compose_continuous(doc->layout, doc->fonts, (Article *const *)doc->articles->pdata,
                                 doc->articles->len, 1, log);
  diag_log_free(log);
  return true;
}

static void doc_close(Doc *doc)
{
  display_list_free(doc->list);
  g_ptr_array_free(doc->articles, TRUE);
  layout_free(doc->layout);
  fonts_free(doc->fonts);
}

static GBytes *doc_pdf(Doc *doc, bool marks, const PdfNav *nav)
{
  PdfDocOptions options = { doc->layout, doc->layout->print, "galley test", 1782302400, nav,
                            NULL, NULL };
  options.print.marks = marks;
  DiagLog *log = diag_log_new();
  GError *error = NULL;
  GBytes *pdf = pdfdoc_make(doc->list, (Article *const *)doc->articles->pdata, doc->articles->len,
                            &options, log, &error);
  if (!pdf)
    fprintf(stderr, "  %s\n", error->message);
  g_clear_error(&error);
  diag_log_free(log);
  return pdf;
}

static qpdf_data read_pdf(GBytes *pdf)
{
  qpdf_data q = qpdf_init();
  qpdf_silence_errors(q);
  gsize len;
  const char *data = g_bytes_get_data(pdf, &len);
  qpdf_read_memory(q, "test", data, len, NULL);
  CHECK(!qpdf_has_error(q));
  return q;
}

/* The unparsed value of key in the page's dictionary (or the catalog's, page -1). */
static char *unparse(qpdf_data q, int page, const char *key)
{
  qpdf_oh dict = page < 0 ? qpdf_get_root(q) : qpdf_get_page_n(q, (size_t)page);
  return g_strdup(qpdf_oh_unparse_resolved(q, qpdf_oh_get_key(q, dict, key)));
}

TEST(flow_navigation_nests_stories_under_their_first_page)
{
  Doc doc = { 0 };
  if (!doc_open(&doc, "newsletter-a4"))
    return;
  PdfNav *nav = pdfnav_for_flow(doc.list, (Article *const *)doc.articles->pdata, doc.articles->len);
  int pages = display_list_page_count(doc.list);
  CHECK(pages >= 2);
  CHECK_INT(pdfnav_entry_count(nav), pages + 3);
  CHECK_INT(pdfnav_dest_count(nav), 3);
  CHECK_STR(pdfnav_page_label(nav, 1), "2");
  int stories = 0;
  for (unsigned i = 0; i < pdfnav_entry_count(nav); i++) {
    const PdfNavEntry *entry = pdfnav_entry(nav, i);
    if (entry->parent < 0)
      continue;
    stories++;
    CHECK_INT(pdfnav_entry(nav, (unsigned)entry->parent)->page, entry->page);
  }
  CHECK_INT(stories, 3);
  CHECK_STR(pdfnav_entry(nav, 1)->title, "Without Missiles We Would Be Like Gaza");
  pdfnav_free(nav);
  doc_close(&doc);
}

TEST(print_sheet_boxes_and_labels_are_in_the_pdf)
{
  Doc doc = { 0 };
  if (!doc_open(&doc, "newsletter-a4"))
    return;
  GBytes *pdf = doc_pdf(&doc, true, NULL);
  CHECK(pdf);
  if (pdf) {
    qpdf_data q = read_pdf(pdf);
    CHECK_INT(qpdf_get_num_pages(q), display_list_page_count(doc.list));
    char *trim = unparse(q, 1, "/TrimBox"), *bleed = unparse(q, 1, "/BleedBox");
    char *media = unparse(q, 1, "/MediaBox"), *labels = unparse(q, -1, "/PageLabels");
    /* A4 is 595.276 x 841.89 pt; 3 mm is 8.504 pt, and the marks take 24 pt */
    CHECK_STR(trim, "[ 32.504 32.504 627.78 874.394 ]");
    CHECK_STR(bleed, "[ 24 24 636.284 882.897 ]");
    CHECK_STR(media, "[ 0 0 660.284 906.897 ]");
    CHECK(strstr(labels, "1 << /S /D /St 2 >>") != NULL);
    g_free(trim), g_free(bleed), g_free(media), g_free(labels);
    qpdf_cleanup(&q);
    GBytes *again = doc_pdf(&doc, true, NULL);
    CHECK(again && g_bytes_equal(pdf, again));
    if (again)
      g_bytes_unref(again);
    g_bytes_unref(pdf);
  }
  doc_close(&doc);
}

/* What an edition with sections and jumps does: its own labels, a section
 * entry, a jump line linking to the story's continuation. */
TEST(edition_navigation_labels_and_links)
{
  Doc doc = { 0 };
  if (!doc_open(&doc, "newsletter-a4"))
    return;
  int pages = display_list_page_count(doc.list);
  PdfNav *nav = pdfnav_new(pages);
  for (int p = 0; p < pages; p++) {
    char *label = g_strdup_printf("A%d", p + 1);
    pdfnav_set_page_label(nav, p, label);
    g_free(label);
  }
  int section = pdfnav_add_entry(nav, -1, "Section A", 0, 0);
  pdfnav_add_entry(nav, section, "A story", 1, 100);
  pdfnav_add_dest(nav, "story-1-continued", 1, 40, 100);
  pdfnav_add_link(nav, 0, 40, 700, 120, 12, "story-1-continued");
  GBytes *pdf = doc_pdf(&doc, false, nav);
  CHECK(pdf);
  if (pdf) {
    qpdf_data q = read_pdf(pdf);
    qpdf_oh list = qpdf_oh_get_key(q, qpdf_get_page_n(q, 0), "/Annots");
    char *labels = unparse(q, -1, "/PageLabels");
    char *annots = g_strdup(qpdf_oh_unparse_resolved(q, qpdf_oh_get_array_item(q, list, 0)));
    char *outlines = unparse(q, -1, "/Outlines"), *trim = unparse(q, 0, "/TrimBox");
    CHECK(strstr(labels, "0 << /P (A1) >>") != NULL);
    CHECK(strstr(annots, "/Subtype /Link") != NULL);
    CHECK(strstr(annots, "/Dest") != NULL);
    CHECK(strstr(outlines, "/Count") != NULL);
    CHECK_STR(trim, "[ 0 0 595.276 841.89 ]");
    g_free(labels), g_free(annots), g_free(outlines), g_free(trim);
    qpdf_cleanup(&q);
    g_bytes_unref(pdf);
  }
  pdfnav_free(nav);
  doc_close(&doc);
}

TEST(xmp_is_escaped_and_dated)
{
  const char *authors[] = { "Ruth <Ellery> & Co", NULL };
  XmpFields fields = { "Tom & Jerry", authors, "World", NULL, "galley", 0, NULL };
  char *xmp = xmp_packet(&fields);
  CHECK(strstr(xmp, "<rdf:li xml:lang=\"x-default\">Tom &amp; Jerry</rdf:li>") != NULL);
  CHECK(strstr(xmp, "<rdf:li>Ruth &lt;Ellery&gt; &amp; Co</rdf:li>") != NULL);
  CHECK(strstr(xmp, "<xmp:CreateDate>1970-01-01T00:00:00Z</xmp:CreateDate>") != NULL);
  CHECK(strstr(xmp, "pdf:Keywords") == NULL);
  CHECK(strstr(xmp, "GTS_PDFXVersion") == NULL);
  g_free(xmp);
}

TEST(xmp_of_pdfx_says_its_version_and_trapping)
{
  XmpFields fields = { "Tom", NULL, NULL, NULL, "galley", 0, "PDF/X-1a:2003" };
  char *xmp = xmp_packet(&fields);
  CHECK(strstr(xmp, "<pdfxid:GTS_PDFXVersion>PDF/X-1a:2003</pdfxid:GTS_PDFXVersion>") != NULL);
  CHECK(strstr(xmp, "<pdf:Trapped>False</pdf:Trapped>") != NULL);
  CHECK(strstr(xmp, "xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\"") != NULL);
  g_free(xmp);
}

TEST(slug_names_what_it_knows)
{
  char *full = printmarks_slug("The Oligo News", "Late", "A3", 1782302400);
  char *bare = printmarks_slug(NULL, NULL, "7", -1);
  CHECK_STR(full, "The Oligo News \xc2\xb7 Late \xc2\xb7 Page A3 \xc2\xb7 2026-06-24 12:00 UTC");
  CHECK_STR(bare, "Page 7");
  g_free(full);
  g_free(bare);
}

TEST(preflight_passes_shipped_fonts_and_measures_photos)
{
  Doc doc = { 0 };
  if (!doc_open(&doc, "newsletter-a4"))
    return;
  GError *error = NULL;
  CHECK(preflight_fonts(doc.list, &error));
  g_clear_error(&error);
  DiagLog *log = diag_log_new();
  /* harbour.png: 1200 px over a photo about 7.6 in wide on A4, so ~157 ppi */
  CHECK_INT(preflight_photos(doc.list, (Article *const *)doc.articles->pdata, doc.articles->len,
                             100, log), 0);
  CHECK_INT(preflight_photos(doc.list, (Article *const *)doc.articles->pdata, doc.articles->len,
                             600, log), 1);
  CHECK_INT(diag_log_count(log), 1);
  CHECK(diag_log_count(log) == 1 && strstr(diag_log_message(log, 0), "harbour.png prints at "));
  diag_log_free(log);
  doc_close(&doc);
}

RUN_TESTS("pdfdoc",
  T(flow_navigation_nests_stories_under_their_first_page),
  T(print_sheet_boxes_and_labels_are_in_the_pdf), T(edition_navigation_labels_and_links),
  T(xmp_is_escaped_and_dated), T(xmp_of_pdfx_says_its_version_and_trapping),
  T(slug_names_what_it_knows),
  T(preflight_passes_shipped_fonts_and_measures_photos))
