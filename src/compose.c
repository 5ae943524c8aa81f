/* compose.c — runs typesetting and flow over a list of articles, and
 * records the document's metadata (title, authors) in the display list. */
#include "compose.h"

#include <string.h>

#include "flow.h"
#include "galley_limits.h"
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

static size_t article_text_bytes(const Article *article)
{
  size_t bytes = strlen(article->headline);
  for (unsigned i = 0; i < article->blocks->len; i++) {
    const Block *block = g_ptr_array_index(article->blocks, i);
    if (block->kind != BLOCK_TABLE) {
      bytes += block->content.text->len;
      continue;
    }
    for (unsigned c = 0; c < block->table_cells->len; c++)
      bytes += ((const RichText *)g_ptr_array_index(block->table_cells, c))->text->len;
  }
  return bytes;
}

bool compose_check_size(Article *const *articles, unsigned count, GError **error)
{
  size_t total = 0;
  for (unsigned i = 0; i < count; i++) {
    total += article_text_bytes(articles[i]);
    if (total > GALLEY_MAX_RUN_TEXT_BYTES) {
      diag_set_error(error, GALLEY_ERROR_LIMIT, articles[i]->path, 0, 0,
                     "with this article the run holds more than %u bytes of text, galley's "
                     "limit for one run; build the articles in several runs",
                     GALLEY_MAX_RUN_TEXT_BYTES);
      return false;
    }
  }
  return true;
}

const char *compose_publication(const Layout *layout, Article *const *articles, unsigned count)
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

static int priority_rank(const Article *article)
{
  return article->priority > 0 ? article->priority : G_MAXINT;
}

/* Articles with a `priority:` come first, most important (1) first; the
 * rest keep the order they were given in. */
static gint by_priority(gconstpointer a, gconstpointer b, gpointer data)
{
  Article *const *articles = data;
  int x = priority_rank(articles[*(const unsigned *)a]);
  int y = priority_rank(articles[*(const unsigned *)b]);
  return x < y ? -1 : x > y;
}

/* The next story to place: the first waiting one, unless it does not fit
 * in the space left on the page and a later one of the same priority does
 * (a hole at a page foot is filled, as an editor would fill it). */
static unsigned next_story(const Flow *flow, GPtrArray *waiting)
{
  const Story *first = g_ptr_array_index(waiting, 0);
  if (flow_story_fits(flow, first))
    return 0;
  for (unsigned k = 1; k < waiting->len; k++) {
    const Story *later = g_ptr_array_index(waiting, k);
    if (priority_rank(later->article) != priority_rank(first->article))
      break;
    if (flow_story_fits(flow, later))
      return k;
  }
  return 0;
}

/* The layout's house rules (README: "Hyphenation"). */
static Hyphenator *hyphenator_for(const Layout *layout)
{
  const Hyphenation *h = &layout->hyphenation;
  HyphenRules rules = { .min_word = h->min_word, .min_left = h->min_left,
                        .min_right = h->min_right, .capitalized = h->capitalized,
                        .last_word = h->last_word, .exceptions = h->exceptions };
  Hyphenator *hyphenator = hyphenator_new(NULL);
  hyphenator_set_rules(hyphenator, &rules);
  return hyphenator;
}

DisplayList *compose_continuous(const Layout *layout, Fonts *fonts, Article *const *articles,
                                unsigned count, DiagLog *log)
{
  GArray *order = g_array_sized_new(FALSE, FALSE, sizeof(unsigned), count);
  for (unsigned i = 0; i < count; i++)
    g_array_append_val(order, i);
  g_array_sort_with_data(order, by_priority, (gpointer)articles);   /* stable */
  Typesetter *ts = typesetter_new(fonts_font_map(fonts), layout);
  Hyphenator *hyphenator = hyphenator_for(layout);
  const char *publication = compose_publication(layout, articles, count);
  Flow *flow = flow_new(layout, ts, publication);
  GPtrArray *waiting = g_ptr_array_new_with_free_func((GDestroyNotify)story_free);
  for (unsigned k = 0; k < count; k++) {
    unsigned i = g_array_index(order, unsigned, k);
    /* boxes name the story by its place among the inputs */
    g_ptr_array_add(waiting, story_build(ts, hyphenator, layout, articles[i], (int)i, log));
  }
  while (waiting->len > 0) {
    unsigned k = next_story(flow, waiting);
    flow_place_story(flow, g_ptr_array_index(waiting, k));
    g_ptr_array_remove_index(waiting, k);
  }
  g_ptr_array_free(waiting, TRUE);
  DisplayList *list = flow_finish(flow);
  char *authors = collect_authors(articles, count);
  display_list_set_metadata(list, count == 1 ? articles[0]->headline : publication, authors);
  g_free(authors);
  hyphenator_free(hyphenator);
  typesetter_free(ts);
  g_array_free(order, TRUE);
  return list;
}
