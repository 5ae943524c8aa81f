/* compose.c — runs typesetting and flow over a list of articles, and
 * records the document's metadata (title, authors) in the display list. */
#include "compose.h"

#include <string.h>

#include "flow.h"
#include "hyphenate.h"
#include "story.h"
#include "typeset.h"

bool compose_check_fonts(const Layout *layout, Fonts *fonts, GError **error)
{
  for (int i = 0; i < STYLE_COUNT; i++) {
    const Style *style = &layout->styles[i];
    if (fonts_has_family(fonts, style->family))
      continue;
    const char *package = fonts_package_for_family(style->family);
    char *hint = package ? g_strdup_printf("install the Debian package %s", package)
                         : g_strdup("use a family listed by 'fc-list : family', or put its font files in fonts/");
    diag_set_error(error, GALLEY_ERROR_FONT, layout->path, style->source_line, 0,
                   "style '%s' uses font family '%s', which is not installed; %s",
                   style_name((StyleId)i), style->family, hint);
    g_free(hint);
    return false;
  }
  return true;
}

static const char *choose_publication(const Layout *layout, Article *const *articles, unsigned count)
{
  if (layout->publication)
    return layout->publication;
  for (unsigned i = 0; i < count; i++)
    if (articles[i]->source)
      return articles[i]->source;
  return layout->name;
}

/* Distinct bylines in order, joined with "; ". */
static char *collect_authors(Article *const *articles, unsigned count)
{
  GString *authors = g_string_new(NULL);
  GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
  for (unsigned i = 0; i < count; i++) {
    const char *byline = articles[i]->byline;
    if (!byline || g_hash_table_contains(seen, byline))
      continue;
    g_hash_table_add(seen, (gpointer)byline);
    g_string_append_printf(authors, "%s%s", authors->len ? "; " : "", byline);
  }
  g_hash_table_destroy(seen);
  return g_string_free(authors, authors->len == 0);
}

/* Articles with a `priority:` come first, most important (1) first; the
 * rest keep the order they were given in. */
static gint by_priority(gconstpointer a, gconstpointer b, gpointer data)
{
  Article *const *articles = data;
  const Article *x = articles[*(const unsigned *)a], *y = articles[*(const unsigned *)b];
  int px = x->priority > 0 ? x->priority : G_MAXINT, py = y->priority > 0 ? y->priority : G_MAXINT;
  return px < py ? -1 : px > py;
}

DisplayList *compose_continuous(const Layout *layout, Fonts *fonts, Article *const *articles,
                                unsigned count, DiagLog *log)
{
  GArray *order = g_array_sized_new(FALSE, FALSE, sizeof(unsigned), count);
  for (unsigned i = 0; i < count; i++)
    g_array_append_val(order, i);
  g_array_sort_with_data(order, by_priority, (gpointer)articles);   /* stable */
  Typesetter *ts = typesetter_new(fonts_font_map(fonts), layout);
  Hyphenator *hyphenator = hyphenator_new(NULL);
  const char *publication = choose_publication(layout, articles, count);
  Flow *flow = flow_new(layout, ts, publication);
  for (unsigned k = 0; k < count; k++) {
    unsigned i = g_array_index(order, unsigned, k);
    /* boxes name the story by its place among the inputs */
    Story *story = story_build(ts, hyphenator, layout, articles[i], (int)i, log);
    flow_place_story(flow, story);
    story_free(story);
  }
  DisplayList *list = flow_finish(flow);
  char *authors = collect_authors(articles, count);
  display_list_set_metadata(list, count == 1 ? articles[0]->headline : publication, authors);
  g_free(authors);
  hyphenator_free(hyphenator);
  typesetter_free(ts);
  g_array_free(order, TRUE);
  return list;
}
