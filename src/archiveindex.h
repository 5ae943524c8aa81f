/* archiveindex.h — the index page(s) of an archive (`galley archive`):
 * every article's headline, byline, date, section, pages and file, each
 * entry a link to the article's own PDF.
 *
 * Set with the archive layout's styles and typesetter, in its columns,
 * oldest article first under a heading per month; composition only, like
 * compose.h: the caller makes the PDF with pdfdoc_make() and the returned
 * navigation. */
#ifndef GALLEY_ARCHIVEINDEX_H
#define GALLEY_ARCHIVEINDEX_H

#include "displaylist.h"
#include "fonts.h"
#include "model.h"
#include "pdfnav.h"

typedef struct {
  const Article *article;
  const char *file;     /* the article's PDF, relative to the index ("NAME.pdf") */
  int pages;
} ArchiveIndexEntry;

/* Sets the index. *nav receives its navigation: an outline entry per page
 * with the entries' headlines nested below, and a link from each entry to
 * its file. Caller owns both. */
DisplayList *archive_index_compose(const Layout *layout, Fonts *fonts,
                                   const ArchiveIndexEntry *entries, unsigned count,
                                   const char *title, PdfNav **nav);

#endif
