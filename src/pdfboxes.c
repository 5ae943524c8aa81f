/* pdfboxes.c — MediaBox, BleedBox, TrimBox and XMP through libqpdf's C API.
 *
 * qpdf_data owns every object handle; qpdf_cleanup frees them all, so the
 * handles below are never released one by one. */
#include "pdfboxes.h"

#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

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
  qpdf_oh array = qpdf_oh_new_array(q);
  const double values[] = { r->x0, r->y0, r->x1, r->y1 };
  for (int i = 0; i < 4; i++)
    qpdf_oh_append_item(q, array, qpdf_oh_new_real_from_double(q, values[i], 3));
  return array;
}

static void set_page_boxes(qpdf_data q, const PdfBoxes *boxes)
{
  int pages = qpdf_get_num_pages(q);
  for (int i = 0; i < pages; i++) {
    qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
    qpdf_oh_replace_key(q, page, "/MediaBox", new_rect(q, &boxes->media));
    qpdf_oh_replace_key(q, page, "/BleedBox", new_rect(q, &boxes->bleed));
    qpdf_oh_replace_key(q, page, "/TrimBox", new_rect(q, &boxes->trim));
  }
}

static void set_xmp(qpdf_data q, const char *xmp)
{
  qpdf_oh stream = qpdf_oh_new_stream(q);
  qpdf_oh_replace_stream_data(q, stream, (const unsigned char *)xmp, strlen(xmp),
                              qpdf_oh_new_null(q), qpdf_oh_new_null(q));
  qpdf_oh dict = qpdf_oh_get_dict(q, stream);
  qpdf_oh_replace_key(q, dict, "/Type", qpdf_oh_new_name(q, "/Metadata"));
  qpdf_oh_replace_key(q, dict, "/Subtype", qpdf_oh_new_name(q, "/XML"));
  qpdf_oh_replace_key(q, qpdf_get_root(q), "/Metadata", stream);
}

static qpdf_oh label_dict(qpdf_data q, const char *label)
{
  qpdf_oh dict = qpdf_oh_new_dictionary(q);
  char *end = NULL;
  long number = strtol(label, &end, 10);
  if (*label >= '1' && *label <= '9' && *end == '\0' && number < G_MAXINT) {
    qpdf_oh_replace_key(q, dict, "/S", qpdf_oh_new_name(q, "/D"));
    qpdf_oh_replace_key(q, dict, "/St", qpdf_oh_new_integer(q, number));
  } else {
    qpdf_oh_replace_key(q, dict, "/P", qpdf_oh_new_unicode_string(q, label));
  }
  return dict;
}

static void set_page_labels(qpdf_data q, const char *const *labels)
{
  qpdf_oh nums = qpdf_oh_new_array(q);
  int pages = qpdf_get_num_pages(q);
  for (int i = 0; i < pages && labels[i]; i++) {
    qpdf_oh_append_item(q, nums, qpdf_oh_new_integer(q, i));
    qpdf_oh_append_item(q, nums, label_dict(q, labels[i]));
  }
  qpdf_oh tree = qpdf_oh_new_dictionary(q);
  qpdf_oh_replace_key(q, tree, "/Nums", nums);
  qpdf_oh_replace_key(q, qpdf_get_root(q), "/PageLabels", tree);
}

/* cairo 1.16 writes a link to another file (GoToR, an archive's index)
 * with the destination [0 null null 0], which is not one (it lacks /XYZ),
 * and refuses a page for it in a tagged PDF: make it the first page, whole. */
static void fix_remote_links(qpdf_data q)
{
  int pages = qpdf_get_num_pages(q);
  for (int i = 0; i < pages; i++) {
    qpdf_oh annots = qpdf_oh_get_key(q, qpdf_get_page_n(q, (size_t)i), "/Annots");
    int count = qpdf_oh_is_array(q, annots) ? qpdf_oh_get_array_n_items(q, annots) : 0;
    for (int k = 0; k < count; k++) {
      qpdf_oh action = qpdf_oh_get_key(q, qpdf_oh_get_array_item(q, annots, k), "/A");
      if (!qpdf_oh_is_dictionary(q, action) ||
          !qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, action, "/S"), "/GoToR"))
        continue;
      qpdf_oh dest = qpdf_oh_new_array(q);
      qpdf_oh_append_item(q, dest, qpdf_oh_new_integer(q, 0));
      qpdf_oh_append_item(q, dest, qpdf_oh_new_name(q, "/Fit"));
      qpdf_oh_replace_key(q, action, "/D", dest);
    }
  }
}

static gboolean failed(qpdf_data q, GError **error)
{
  if (!qpdf_has_error(q))
    return FALSE;
  qpdf_error e = qpdf_get_error(q);
  diag_set_error(error, GALLEY_ERROR_OUTPUT, NULL, 0, 0, "libqpdf could not finish the PDF: %s",
                 qpdf_get_error_full_text(q, e));
  return TRUE;
}

GBytes *pdfboxes_apply(GBytes *pdf, const PdfBoxes *boxes, GError **error)
{
  qpdf_data q = qpdf_init();
  qpdf_silence_errors(q);
  qpdf_set_suppress_warnings(q, QPDF_TRUE);
  gsize len;
  const char *data = g_bytes_get_data(pdf, &len);
  GBytes *result = NULL;
  qpdf_read_memory(q, "galley's PDF", data, len, NULL);
  if (!failed(q, error)) {
    set_page_boxes(q, boxes);
    fix_remote_links(q);
    if (boxes->xmp)
      set_xmp(q, boxes->xmp);
    if (boxes->page_labels)
      set_page_labels(q, boxes->page_labels);
    /* the /ID becomes a hash of the content: an old one (Ghostscript's
     * comes from the clock) would be carried over */
    qpdf_oh_remove_key(q, qpdf_get_trailer(q), "/ID");
    qpdf_init_write_memory(q);
    qpdf_set_deterministic_ID(q, QPDF_TRUE);
    if (boxes->min_version)
      qpdf_set_minimum_pdf_version(q, boxes->min_version);
    /* object streams make the file smaller, but need PDF 1.5: PDF/X-1a is 1.3 */
    gboolean modern = g_strcmp0(qpdf_get_pdf_version(q), "1.5") >= 0;
    qpdf_set_object_stream_mode(q, modern ? qpdf_o_generate : qpdf_o_preserve);
    qpdf_set_compress_streams(q, QPDF_TRUE);
    qpdf_write(q);
    if (!failed(q, error))
      result = g_bytes_new(qpdf_get_buffer(q), qpdf_get_buffer_length(q));
  }
  qpdf_cleanup(&q);
  return result;
}

int pdfboxes_page_count(const char *path, GError **error)
{
  qpdf_data q = qpdf_init();
  qpdf_silence_errors(q);
  qpdf_set_suppress_warnings(q, QPDF_TRUE);
  int pages = -1;
  qpdf_read(q, path, NULL);
  if (qpdf_has_error(q))
    diag_set_error(error, GALLEY_ERROR_INPUT, path, 0, 0, "cannot read the PDF: %s",
                   qpdf_get_error_full_text(q, qpdf_get_error(q)));
  else
    pages = qpdf_get_num_pages(q);
  qpdf_cleanup(&q);
  return pages;
}
