/* edition_compose.h — lays out an edition: pages from page kinds, stories
 * in slots, nameplate, folios, page labels, ads, jumps, automatic placement
 * and overset.
 *
 * Order of work, page by page: stories and ads named in slots; then the
 * continuations of stories that jumped (to this page when named, else to
 * the first later page with a free slot), largest free slot first; then
 * `auto` slots, largest first, get the pool's stories by priority (1 = the
 * lead). What is left (stories and continuations) is flowed onto inside
 * pages added at the end, unless the edition says `add_pages: false`; what
 * then has no place is overset: reported, marked in the PDF, and the build
 * exits with status 3. */
#ifndef GALLEY_EDITION_COMPOSE_H
#define GALLEY_EDITION_COMPOSE_H

#include "diag.h"
#include "displaylist.h"
#include "edition.h"
#include "fonts.h"
#include "pdfnav.h"

typedef struct {
  GString *decisions;       /* one line per placement decision (for --verbose) */
  GString *overset;         /* one line per overset story */
  unsigned overset_stories;
} EditionReport;

void edition_report_init(EditionReport *report);
void edition_report_clear(EditionReport *report);

/* NULL with error when artwork (an ad, a logo) cannot be used; the error
 * names the edition file's line. */
DisplayList *edition_compose(const Edition *edition, Fonts *fonts, DiagLog *log,
                             EditionReport *report, GError **error);

/* The PDF's navigation for a composed edition: page labels (A1..), an
 * outline of sections, pages and the stories that start on them (with a
 * destination "story-N" at each head), and the jumps' links and named
 * destinations. Caller frees. */
PdfNav *edition_nav(const Edition *edition, const DisplayList *list);

#endif
