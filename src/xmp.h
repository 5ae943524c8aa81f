/* xmp.h — the document's XMP metadata packet (Dublin Core, XMP basic,
 * Adobe PDF schema), matching what the Info dictionary says, so archives
 * that read only XMP see the same title, authors, subject and dates. */
#ifndef GALLEY_XMP_H
#define GALLEY_XMP_H

#include <glib.h>

typedef struct {
  const char *title;
  const char *const *authors;   /* NULL-terminated; may be NULL */
  const char *subject;
  const char *const *keywords;  /* NULL-terminated; may be NULL */
  const char *creator_tool;
  gint64 time;                  /* creation and modification; < 0 omits them */
  const char *pdfx_version;     /* "PDF/X-1a:2003", with /Trapped /False, as the Info
                                   dictionary of a PDF/X file says; NULL omits it */
} XmpFields;

/* The packet as UTF-8 XML (caller frees). */
char *xmp_packet(const XmpFields *fields);

#endif
