/* preflight.c — font embedding licences (OS/2 fsType through HarfBuzz)
 * and photo resolution. */
#include "preflight.h"

#include <hb.h>
#include <math.h>

#define FSTYPE_RESTRICTED 0x0002     /* may not be embedded ... */
#define FSTYPE_PERMISSIONS 0x000e    /* ... unless a looser bit is also set */
#define FSTYPE_BITMAP_ONLY 0x0200    /* outlines may not be embedded */

unsigned preflight_font_fstype(PangoFont *font)
{
  hb_font_t *hb = pango_font_get_hb_font(font);
  if (!hb)
    return 0;
  hb_blob_t *os2 = hb_face_reference_table(hb_font_get_face(hb), HB_TAG('O', 'S', '/', '2'));
  unsigned length = 0;
  const unsigned char *data = (const unsigned char *)hb_blob_get_data(os2, &length);
  unsigned fstype = length >= 10 ? (unsigned)(data[8] << 8 | data[9]) : 0;
  hb_blob_destroy(os2);
  return fstype;
}

static bool embedding_forbidden(unsigned fstype)
{
  return (fstype & FSTYPE_PERMISSIONS) == FSTYPE_RESTRICTED || (fstype & FSTYPE_BITMAP_ONLY);
}

static bool check_font(PangoFont *font, GError **error)
{
  unsigned fstype = preflight_font_fstype(font);
  if (!embedding_forbidden(fstype))
    return true;
  PangoFontDescription *description = pango_font_describe(font);
  pango_font_description_unset_fields(description, PANGO_FONT_MASK_SIZE);
  char *name = pango_font_description_to_string(description);
  diag_set_error(error, GALLEY_ERROR_FONT, NULL, 0, 0,
                 "the font '%s' may not be embedded in a PDF (its licence flags, OS/2 fsType "
                 "0x%04x, say %s); choose another font for the style that uses it",
                 name, fstype, fstype & FSTYPE_BITMAP_ONLY ? "bitmap embedding only"
                                                             : "restricted licence");
  g_free(name);
  pango_font_description_free(description);
  return false;
}

/* Checks the fonts of the text boxes from `first` on, of one page (or
 * every page's for -1). */
static bool check_box_fonts(const DisplayList *list, int page, unsigned first, GError **error)
{
  GHashTable *seen = g_hash_table_new(g_direct_hash, g_direct_equal);
  bool ok = true;
  for (unsigned i = first; ok && i < display_list_box_count(list); i++) {
    const Box *box = display_list_box(list, i);
    if (page >= 0 && box->page > page)
      break;
    if (box->kind != BOX_TEXT || !box->layout || (page >= 0 && box->page != page))
      continue;
    PangoLayoutLine *line = pango_layout_get_line_readonly(box->layout, box->line_index);
    for (GSList *run = line->runs; ok && run; run = run->next) {
      PangoFont *font = ((PangoGlyphItem *)run->data)->item->analysis.font;
      if (font && g_hash_table_add(seen, font))
        ok = check_font(font, error);
    }
  }
  g_hash_table_destroy(seen);
  return ok;
}

bool preflight_fonts(const DisplayList *list, GError **error)
{
  return check_box_fonts(list, -1, 0, error);
}

bool preflight_page_fonts(const DisplayList *list, int page, unsigned first, GError **error)
{
  return check_box_fonts(list, page, first, error);
}

unsigned preflight_photos(const DisplayList *list, Article *const *articles, unsigned count,
                          double min_ppi, DiagLog *log)
{
  unsigned found = 0;
  for (unsigned i = 0; i < display_list_box_count(list); i++) {
    const Box *box = display_list_box(list, i);
    if (box->kind != BOX_IMAGE || box->width <= 0 || box->height <= 0)
      continue;
    double inches_w = box->width / (double)PANGO_SCALE / 72.0;
    double inches_h = box->height / (double)PANGO_SCALE / 72.0;
    double ppi = MIN(image_width(box->image) / inches_w, image_height(box->image) / inches_h);
    if (ppi >= min_ppi)
      continue;
    found++;
    const Article *article = box->story >= 0 && (unsigned)box->story < count ? articles[box->story] : NULL;
    diag_warn(log, article ? article->path : NULL, article ? article->image_line : 0, 0,
              "the photo %s prints at %.0f ppi, below the minimum of %g: %d x %d pixels "
              "over %.1f x %.1f cm; use a larger original or print it smaller",
              article && article->image ? article->image : "(unnamed)", floor(ppi), min_ppi,
              image_width(box->image), image_height(box->image), inches_w * 2.54, inches_h * 2.54);
  }
  return found;
}
