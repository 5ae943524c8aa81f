/* pdfnav.h — how a reader finds their way in a PDF: page labels, the
 * outline (bookmarks), named destinations and links.
 *
 * Composition decides what the navigation is; rendering only draws it.
 * pdfnav_for_flow() makes the continuous flow's: pages labelled 1..N, an
 * outline entry per page with the stories that start on it nested below,
 * and a destination "story-N" at each story's head. Editions with sections
 * and jumps build their own with the same calls: a section label per page
 * ("A3"), a section entry above its pages, a link from a jump line to the
 * destination of its continuation. Coordinates are points from the
 * finished page's top-left corner. */
#ifndef GALLEY_PDFNAV_H
#define GALLEY_PDFNAV_H

#include "displaylist.h"
#include "model.h"

typedef struct PdfNav PdfNav;

typedef struct {
  char *title;
  int parent;       /* index of the parent entry, -1 at the top */
  int page;         /* 0-based */
  double y;
} PdfNavEntry;

typedef struct {
  char *name;
  int page;
  double x, y;
} PdfNavDest;

typedef struct {
  int page;
  double x, y, width, height;
  char *dest;       /* a destination's name, or NULL ... */
  char *file;       /* ... for another PDF (a path relative to this one), opened at its first page */
} PdfNavLink;

PdfNav *pdfnav_new(int pages);
void pdfnav_free(PdfNav *nav);

/* Labels default to the page number ("1"). */
void pdfnav_set_page_label(PdfNav *nav, int page, const char *label);
const char *pdfnav_page_label(const PdfNav *nav, int page);
int pdfnav_page_count(const PdfNav *nav);

/* Entries must be added parents first; returns the new entry's index. */
int pdfnav_add_entry(PdfNav *nav, int parent, const char *title, int page, double y);
void pdfnav_add_dest(PdfNav *nav, const char *name, int page, double x, double y);
void pdfnav_add_link(PdfNav *nav, int page, double x, double y, double width, double height,
                     const char *dest);
/* A link to another PDF file (an archive's index to its articles). */
void pdfnav_add_file_link(PdfNav *nav, int page, double x, double y, double width, double height,
                          const char *file);

unsigned pdfnav_entry_count(const PdfNav *nav);
const PdfNavEntry *pdfnav_entry(const PdfNav *nav, unsigned i);
unsigned pdfnav_dest_count(const PdfNav *nav);
const PdfNavDest *pdfnav_dest(const PdfNav *nav, unsigned i);
unsigned pdfnav_link_count(const PdfNav *nav);
const PdfNavLink *pdfnav_link(const PdfNav *nav, unsigned i);

/* The name of story i's destination (caller frees). */
char *pdfnav_story_dest(int story);

/* The continuous flow's navigation; articles are indexed by box->story. */
PdfNav *pdfnav_for_flow(const DisplayList *list, Article *const *articles, unsigned count);

/* The same destinations for one page while the flow goes on, in time
 * proportional to the page: those of the stories whose first box is on
 * page `page` (its boxes from box first on). seen (count entries) marks the
 * stories met on earlier pages and is updated. No labels, no outline. */
PdfNav *pdfnav_flow_page_dests(const DisplayList *list, int page, unsigned first, unsigned count,
                                bool *seen);

#endif
