/* pdfnav.c — page labels, outline entries, destinations and links as
 * plain lists, and the continuous flow's navigation built from the
 * display list. */
#include "pdfnav.h"

struct PdfNav {
  GPtrArray *labels;   /* char*, one per page */
  GArray *entries;     /* PdfNavEntry */
  GArray *dests;       /* PdfNavDest */
  GArray *links;       /* PdfNavLink */
};

static void clear_entry(gpointer p) { g_free(((PdfNavEntry *)p)->title); }
static void clear_dest(gpointer p) { g_free(((PdfNavDest *)p)->name); }
static void clear_link(gpointer p)
{
  g_free(((PdfNavLink *)p)->dest);
  g_free(((PdfNavLink *)p)->file);
}

PdfNav *pdfnav_new(int pages)
{
  PdfNav *nav = g_new0(PdfNav, 1);
  nav->labels = g_ptr_array_new_with_free_func(g_free);
  for (int p = 0; p < pages; p++)
    g_ptr_array_add(nav->labels, g_strdup_printf("%d", p + 1));
  nav->entries = g_array_new(FALSE, TRUE, sizeof(PdfNavEntry));
  g_array_set_clear_func(nav->entries, clear_entry);
  nav->dests = g_array_new(FALSE, TRUE, sizeof(PdfNavDest));
  g_array_set_clear_func(nav->dests, clear_dest);
  nav->links = g_array_new(FALSE, TRUE, sizeof(PdfNavLink));
  g_array_set_clear_func(nav->links, clear_link);
  return nav;
}

void pdfnav_free(PdfNav *nav)
{
  if (!nav)
    return;
  g_ptr_array_free(nav->labels, TRUE);
  g_array_free(nav->entries, TRUE);
  g_array_free(nav->dests, TRUE);
  g_array_free(nav->links, TRUE);
  g_free(nav);
}

void pdfnav_set_page_label(PdfNav *nav, int page, const char *label)
{
  g_return_if_fail(page >= 0 && (guint)page < nav->labels->len);
  g_free(nav->labels->pdata[page]);
  nav->labels->pdata[page] = g_strdup(label);
}

const char *pdfnav_page_label(const PdfNav *nav, int page)
{
  return page >= 0 && (guint)page < nav->labels->len ? nav->labels->pdata[page] : NULL;
}

int pdfnav_page_count(const PdfNav *nav) { return (int)nav->labels->len; }

int pdfnav_add_entry(PdfNav *nav, int parent, const char *title, int page, double y)
{
  g_return_val_if_fail(parent < (int)nav->entries->len, -1);
  PdfNavEntry entry = { g_strdup(title), parent, page, y };
  g_array_append_val(nav->entries, entry);
  return (int)nav->entries->len - 1;
}

void pdfnav_add_dest(PdfNav *nav, const char *name, int page, double x, double y)
{
  PdfNavDest dest = { g_strdup(name), page, x, y };
  g_array_append_val(nav->dests, dest);
}

void pdfnav_add_link(PdfNav *nav, int page, double x, double y, double width, double height,
                     const char *dest)
{
  PdfNavLink link = { page, x, y, width, height, g_strdup(dest), NULL };
  g_array_append_val(nav->links, link);
}

void pdfnav_add_file_link(PdfNav *nav, int page, double x, double y, double width, double height,
                          const char *file)
{
  PdfNavLink link = { page, x, y, width, height, NULL, g_strdup(file) };
  g_array_append_val(nav->links, link);
}

unsigned pdfnav_entry_count(const PdfNav *nav) { return nav->entries->len; }
const PdfNavEntry *pdfnav_entry(const PdfNav *nav, unsigned i) { return &g_array_index(nav->entries, PdfNavEntry, i); }
unsigned pdfnav_dest_count(const PdfNav *nav) { return nav->dests->len; }
const PdfNavDest *pdfnav_dest(const PdfNav *nav, unsigned i) { return &g_array_index(nav->dests, PdfNavDest, i); }
unsigned pdfnav_link_count(const PdfNav *nav) { return nav->links->len; }
const PdfNavLink *pdfnav_link(const PdfNav *nav, unsigned i) { return &g_array_index(nav->links, PdfNavLink, i); }

char *pdfnav_story_dest(int story)
{
  return g_strdup_printf("story-%d", story + 1);
}

/* Where story first appears: its first box (the kicker or headline). */
static void story_heads(const DisplayList *list, unsigned count, unsigned *first_box)
{
  for (unsigned s = 0; s < count; s++)
    first_box[s] = G_MAXUINT;
  for (unsigned i = 0; i < display_list_box_count(list); i++) {
    const Box *box = display_list_box(list, i);
    if (box->story >= 0 && (unsigned)box->story < count && first_box[box->story] == G_MAXUINT)
      first_box[box->story] = i;
  }
}

static double top_of(const Box *box)
{
  /* a text box's y is its baseline; its height is ascent plus descent */
  double y = box->kind == BOX_TEXT ? box->y - box->height : box->y;
  return MAX(0, y / (double)PANGO_SCALE);
}

static int add_page_entry(PdfNav *nav, int page)
{
  char *title = g_strdup_printf("Page %s", pdfnav_page_label(nav, page));
  int entry = pdfnav_add_entry(nav, -1, title, page, 0);
  g_free(title);
  return entry;
}

PdfNav *pdfnav_flow_page_dests(const DisplayList *list, int page, unsigned first, unsigned count,
                                bool *seen)
{
  PdfNav *nav = pdfnav_new(0);
  for (unsigned i = first; i < display_list_box_count(list); i++) {
    const Box *box = display_list_box(list, i);
    if (box->page > page)
      break;
    if (box->page < page || box->story < 0 || (unsigned)box->story >= count || seen[box->story])
      continue;
    seen[box->story] = true;
    char *dest = pdfnav_story_dest(box->story);
    pdfnav_add_dest(nav, dest, box->page, box->x / (double)PANGO_SCALE, top_of(box));
    g_free(dest);
  }
  return nav;
}

PdfNav *pdfnav_for_flow(const DisplayList *list, Article *const *articles, unsigned count)
{
  int pages = display_list_page_count(list);
  PdfNav *nav = pdfnav_new(pages);
  unsigned *first_box = g_new(unsigned, MAX(count, 1));
  story_heads(list, count, first_box);
  int next_page = 0, page_entry = -1;
  /* boxes come page by page, stories in the order placed: reading order */
  for (unsigned i = 0; i < display_list_box_count(list); i++) {
    const Box *box = display_list_box(list, i);
    while (next_page <= box->page && next_page < pages)
      page_entry = add_page_entry(nav, next_page++);
    if (box->story < 0 || (unsigned)box->story >= count || first_box[box->story] != i)
      continue;
    double y = top_of(box);
    pdfnav_add_entry(nav, page_entry, articles[box->story]->headline, box->page, y);
    char *dest = pdfnav_story_dest(box->story);
    pdfnav_add_dest(nav, dest, box->page, box->x / (double)PANGO_SCALE, y);
    g_free(dest);
  }
  while (next_page < pages)
    add_page_entry(nav, next_page++);
  g_free(first_box);
  return nav;
}
