/* pdfdoc.h — a display list to the PDF galley writes: checked (fonts'
 * embedding licences, photo resolution), rendered with navigation and
 * tags, boxed (MediaBox, BleedBox, TrimBox) with XMP metadata and a
 * deterministic /ID, and optionally turned into PDF/X by Ghostscript.
 * Every PDF galley writes goes through here. */
#ifndef GALLEY_PDFDOC_H
#define GALLEY_PDFDOC_H

#include "diag.h"
#include "displaylist.h"
#include "model.h"
#include "pdfnav.h"
#include "render.h"

typedef struct {
  const Layout *layout;
  PrintSettings print;        /* the layout's, with the command line's changes (borrowed strings) */
  const char *creator;        /* "galley VERSION" */
  gint64 creation_time;       /* SOURCE_DATE_EPOCH or now */
  const PdfNav *nav;          /* NULL: the continuous flow's */
  RenderOverlay overlay;      /* drawn over each page (--overlay); NULL: none */
  void *overlay_data;
} PdfDocOptions;

/* Applies the command line's print options to settings (from the layout):
 * print turns marks on, and so does bleed, a length ("3mm"); pdfx is none, gray or
 * cmyk; min_ppi < 0 and NULL strings change nothing. settings' strings
 * are borrowed (from the layout, or edition). */
gboolean pdfdoc_print_options(PrintSettings *settings, gboolean print, const char *bleed,
                              const char *pdfx, double min_ppi, const char *edition,
                              GError **error);

/* The finished PDF. Warnings (low-resolution photos) go to log. */
GBytes *pdfdoc_make(const DisplayList *list, Article *const *articles, unsigned count,
                    const PdfDocOptions *options, DiagLog *log, GError **error);

/* The same for the continuous flow, a page at a time while composition
 * goes on (compose_continuous_streamed): new, then pdfdoc_stream_page for
 * each page in order (a ComposePageDone; a failure is kept and reported by
 * finish), then finish, which frees the stream. options->nav and overlay
 * are not used: the flow's navigation is made from the pages. With
 * own_thread, pages are drawn on a thread of their own (a copy of each,
 * its fonts held) while the caller's goes on with the flow; the PDF is the
 * same byte for byte. Not with print marks, whose slug is shaped with the
 * pages' Pango context. */
typedef struct PdfDocStream PdfDocStream;
PdfDocStream *pdfdoc_stream_new(const PdfDocOptions *options, Article *const *articles,
                                unsigned count, bool own_thread);
void pdfdoc_stream_page(DisplayList *list, int page, void *stream);
GBytes *pdfdoc_stream_finish(PdfDocStream *stream, const DisplayList *list, DiagLog *log,
                             GError **error);

#endif
