/* pdfboxes.c — MediaBox, BleedBox, TrimBox and XMP through libqpdf's C API.
 *
 * qpdf_data owns every object handle; qpdf_cleanup frees them all, so the
 * handles below are never released one by one. libqpdf is loaded when a
 * PDF is first finished (lazylibs.h); each entry point checks it is. */
#include "pdfboxes.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "lazylibs.h"

/* libqpdf's functions, once an entry point has loaded them */
static const QpdfApi *qpdf(void)
{
  return lazylibs_qpdf(NULL);
}

bool pdfboxes_load_library(GError **error)
{
  return lazylibs_qpdf(error) != NULL;
}

void pdfboxes_plain(PdfBoxes *boxes, double width, double height)
{
  PdfRect page = { 0, 0, width, height };
  boxes->media = boxes->bleed = boxes->trim = page;
  boxes->xmp = NULL;
  boxes->page_labels = NULL;
  boxes->min_version = NULL;
}

static qpdf_oh new_rect(qpdf_data q, const PdfRect *r)
{
  qpdf_oh array = qpdf()->oh_new_array(q);
  const double values[] = { r->x0, r->y0, r->x1, r->y1 };
  for (int i = 0; i < 4; i++)
    qpdf()->oh_append_item(q, array, qpdf()->oh_new_real_from_double(q, values[i], 3));
  return array;
}

static void set_page_boxes(qpdf_data q, const PdfBoxes *boxes)
{
  int pages = qpdf()->get_num_pages(q);
  for (int i = 0; i < pages; i++) {
    qpdf_oh page = qpdf()->get_page_n(q, (size_t)i);
    qpdf()->oh_replace_key(q, page, "/MediaBox", new_rect(q, &boxes->media));
    qpdf()->oh_replace_key(q, page, "/BleedBox", new_rect(q, &boxes->bleed));
    qpdf()->oh_replace_key(q, page, "/TrimBox", new_rect(q, &boxes->trim));
  }
}

static void set_xmp(qpdf_data q, const char *xmp)
{
  qpdf_oh stream = qpdf()->oh_new_stream(q);
  qpdf()->oh_replace_stream_data(q, stream, (const unsigned char *)xmp, strlen(xmp),
                              qpdf()->oh_new_null(q), qpdf()->oh_new_null(q));
  qpdf_oh dict = qpdf()->oh_get_dict(q, stream);
  qpdf()->oh_replace_key(q, dict, "/Type", qpdf()->oh_new_name(q, "/Metadata"));
  qpdf()->oh_replace_key(q, dict, "/Subtype", qpdf()->oh_new_name(q, "/XML"));
  qpdf()->oh_replace_key(q, qpdf()->get_root(q), "/Metadata", stream);
}

static qpdf_oh label_dict(qpdf_data q, const char *label)
{
  qpdf_oh dict = qpdf()->oh_new_dictionary(q);
  char *end = NULL;
  long number = strtol(label, &end, 10);
  if (*label >= '1' && *label <= '9' && *end == '\0' && number < G_MAXINT) {
    qpdf()->oh_replace_key(q, dict, "/S", qpdf()->oh_new_name(q, "/D"));
    qpdf()->oh_replace_key(q, dict, "/St", qpdf()->oh_new_integer(q, number));
  } else {
    qpdf()->oh_replace_key(q, dict, "/P", qpdf()->oh_new_unicode_string(q, label));
  }
  return dict;
}

static void set_page_labels(qpdf_data q, const char *const *labels)
{
  qpdf_oh nums = qpdf()->oh_new_array(q);
  int pages = qpdf()->get_num_pages(q);
  for (int i = 0; i < pages && labels[i]; i++) {
    qpdf()->oh_append_item(q, nums, qpdf()->oh_new_integer(q, i));
    qpdf()->oh_append_item(q, nums, label_dict(q, labels[i]));
  }
  qpdf_oh tree = qpdf()->oh_new_dictionary(q);
  qpdf()->oh_replace_key(q, tree, "/Nums", nums);
  qpdf()->oh_replace_key(q, qpdf()->get_root(q), "/PageLabels", tree);
}

/* cairo 1.16 writes a link to another file (GoToR, an archive's index)
 * with the destination [0 null null 0], which is not one (it lacks /XYZ),
 * and refuses a page for it in a tagged PDF: make it the first page, whole. */
static void fix_remote_links(qpdf_data q)
{
  int pages = qpdf()->get_num_pages(q);
  for (int i = 0; i < pages; i++) {
    qpdf_oh annots = qpdf()->oh_get_key(q, qpdf()->get_page_n(q, (size_t)i), "/Annots");
    int count = qpdf()->oh_is_array(q, annots) ? qpdf()->oh_get_array_n_items(q, annots) : 0;
    for (int k = 0; k < count; k++) {
      qpdf_oh action = qpdf()->oh_get_key(q, qpdf()->oh_get_array_item(q, annots, k), "/A");
      if (!qpdf()->oh_is_dictionary(q, action) ||
          !qpdf()->oh_is_name_and_equals(q, qpdf()->oh_get_key(q, action, "/S"), "/GoToR"))
        continue;
      qpdf_oh dest = qpdf()->oh_new_array(q);
      qpdf()->oh_append_item(q, dest, qpdf()->oh_new_integer(q, 0));
      qpdf()->oh_append_item(q, dest, qpdf()->oh_new_name(q, "/Fit"));
      qpdf()->oh_replace_key(q, action, "/D", dest);
    }
  }
}

static gboolean failed(qpdf_data q, GError **error)
{
  if (!qpdf()->has_error(q))
    return FALSE;
  qpdf_error e = qpdf()->get_error(q);
  diag_set_error(error, GALLEY_ERROR_OUTPUT, NULL, 0, 0, "libqpdf could not finish the PDF: %s",
                 qpdf()->get_error_full_text(q, e));
  return TRUE;
}

GBytes *pdfboxes_apply(GBytes *pdf, const PdfBoxes *boxes, GError **error)
{
  if (!pdfboxes_load_library(error))
    return NULL;
  qpdf_data q = qpdf()->init();
  qpdf()->silence_errors(q);
  qpdf()->set_suppress_warnings(q, QPDF_TRUE);
  gsize len;
  const char *data = g_bytes_get_data(pdf, &len);
  GBytes *result = NULL;
  qpdf()->read_memory(q, "galley's PDF", data, len, NULL);
  if (!failed(q, error)) {
    set_page_boxes(q, boxes);
    fix_remote_links(q);
    if (boxes->xmp)
      set_xmp(q, boxes->xmp);
    if (boxes->page_labels)
      set_page_labels(q, boxes->page_labels);
    /* the /ID becomes a hash of the content: an old one (Ghostscript's
     * comes from the clock) would be carried over */
    qpdf()->oh_remove_key(q, qpdf()->get_trailer(q), "/ID");
    qpdf()->init_write_memory(q);
    qpdf()->set_deterministic_ID(q, QPDF_TRUE);
    if (boxes->min_version)
      qpdf()->set_minimum_pdf_version(q, boxes->min_version);
    /* object streams make the file smaller, but need PDF 1.5: PDF/X-1a is 1.3 */
    gboolean modern = g_strcmp0(qpdf()->get_pdf_version(q), "1.5") >= 0;
    qpdf()->set_object_stream_mode(q, modern ? qpdf_o_generate : qpdf_o_preserve);
    qpdf()->set_compress_streams(q, QPDF_TRUE);
    qpdf()->write(q);
    if (!failed(q, error))
      result = g_bytes_new(qpdf()->get_buffer(q), qpdf()->get_buffer_length(q));
  }
  qpdf()->cleanup(&q);
  return result;
}

int pdfboxes_page_count(const char *path, GError **error)
{
  if (!pdfboxes_load_library(error))
    return -1;
  qpdf_data q = qpdf()->init();
  qpdf()->silence_errors(q);
  qpdf()->set_suppress_warnings(q, QPDF_TRUE);
  int pages = -1;
  qpdf()->read(q, path, NULL);
  if (qpdf()->has_error(q))
    diag_set_error(error, GALLEY_ERROR_INPUT, path, 0, 0, "cannot read the PDF: %s",
                   qpdf()->get_error_full_text(q, qpdf()->get_error(q)));
  else
    pages = qpdf()->get_num_pages(q);
  qpdf()->cleanup(&q);
  return pages;
}
