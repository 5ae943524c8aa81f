/* xmp.c — writes an XMP packet with GLib's markup escaping. */
#include "xmp.h"

static void simple(GString *out, const char *element, const char *value)
{
  if (!value)
    return;
  char *escaped = g_markup_escape_text(value, -1);
  g_string_append_printf(out, "   <%s>%s</%s>\n", element, escaped, element);
  g_free(escaped);
}

/* An rdf:Seq, rdf:Bag or language alternative of values. */
static void container(GString *out, const char *element, const char *kind,
                      const char *const *values, gboolean language)
{
  if (!values || !values[0])
    return;
  g_string_append_printf(out, "   <%s><rdf:%s>\n", element, kind);
  for (int i = 0; values[i]; i++) {
    char *escaped = g_markup_escape_text(values[i], -1);
    g_string_append_printf(out, "    <rdf:li%s>%s</rdf:li>\n",
                           language ? " xml:lang=\"x-default\"" : "", escaped);
    g_free(escaped);
  }
  g_string_append_printf(out, "   </rdf:%s></%s>\n", kind, element);
}

char *xmp_packet(const XmpFields *f)
{
  GString *out = g_string_new(
      "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "  <rdf:Description rdf:about=\"\"\n"
      "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
      "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
      "    xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\">\n"
      "   <dc:format>application/pdf</dc:format>\n");
  const char *title[] = { f->title, NULL }, *subject[] = { f->subject, NULL };
  container(out, "dc:title", "Alt", f->title ? title : NULL, TRUE);
  container(out, "dc:creator", "Seq", f->authors, FALSE);
  container(out, "dc:description", "Alt", f->subject ? subject : NULL, TRUE);
  container(out, "dc:subject", "Bag", f->keywords, FALSE);
  if (f->keywords && f->keywords[0]) {
    char *joined = g_strjoinv(", ", (char **)f->keywords);
    simple(out, "pdf:Keywords", joined);
    g_free(joined);
  }
  simple(out, "xmp:CreatorTool", f->creator_tool);
  if (f->pdfx_version) {
    simple(out, "pdfxid:GTS_PDFXVersion", f->pdfx_version);
    simple(out, "pdf:Trapped", "False");
  }
  GDateTime *when = f->time >= 0 ? g_date_time_new_from_unix_utc(f->time) : NULL;
  if (when) {
    char *iso = g_date_time_format(when, "%Y-%m-%dT%H:%M:%SZ");
    simple(out, "xmp:CreateDate", iso);
    simple(out, "xmp:ModifyDate", iso);
    simple(out, "xmp:MetadataDate", iso);
    g_free(iso);
    g_date_time_unref(when);
  }
  g_string_append(out, "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n"
                       "<?xpacket end=\"w\"?>\n");
  return g_string_free(out, FALSE);
}
