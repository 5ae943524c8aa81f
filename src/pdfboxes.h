/* pdfboxes.h — the page boxes cairo cannot write, set with libqpdf.
 *
 * cairo writes a MediaBox only. Printers need the TrimBox (the finished
 * page) and the BleedBox (how far backgrounds and photos run past it), and
 * an archive wants XMP metadata. This module rewrites the PDF cairo made
 * through libqpdf's object API (no hand-written PDF) and writes it with a
 * deterministic /ID, so the same input gives the same bytes. Page labels
 * are written here too: cairo 1.16's cairo_pdf_surface_set_page_label()
 * leaves the /PageLabels number tree empty. */
#ifndef GALLEY_PDFBOXES_H
#define GALLEY_PDFBOXES_H

#include <glib.h>
#include <stdbool.h>

/* A rectangle in PDF user space: points, origin bottom left. */
typedef struct {
  double x0, y0, x1, y1;
} PdfRect;

typedef struct {
  PdfRect media, bleed, trim;
  const char *xmp;   /* an XMP packet for the catalog's /Metadata, or NULL */
  const char *const *page_labels;   /* one per page ("1", "A3"), or NULL */
  const char *min_version;   /* the least PDF version the file declares ("1.4"), or NULL */
} PdfBoxes;

/* Every page gets the boxes (galley's pages share one size) and its label:
 * a number as a decimal label, anything else ("A3") as the label's text. Returns the
 * new PDF; NULL with error when libqpdf cannot read or write it. */
GBytes *pdfboxes_apply(GBytes *pdf, const PdfBoxes *boxes, GError **error);

/* The number of pages of a PDF file (one galley wrote, for an archive's
 * index); -1 with error when libqpdf cannot read it. */
int pdfboxes_page_count(const char *path, GError **error);

/* Loads libqpdf now (it is loaded on first use otherwise): a caller with
 * time to spare, waiting for the last pages to be drawn, saves it from the
 * end of the run. False with error naming the package when it cannot. */
bool pdfboxes_load_library(GError **error);

/* The same boxes around a page of width x height points with no marks. */
void pdfboxes_plain(PdfBoxes *boxes, double width, double height);

#endif
