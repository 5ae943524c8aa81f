/* compose.c — runs typesetting and flow over a list of articles, and
 * records the document's metadata (title, authors) in the display list. */
#include "compose.h"

#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "flow.h"
#include "galley_limits.h"
#include "story.h"
#include "storypool.h"
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

static void add_language(GPtrArray *languages, const char *language)
{
  if (!language || !*language)
    return;
  for (unsigned i = 0; i < languages->len; i++)
    if (strcmp(g_ptr_array_index(languages, i), language) == 0)
      return;
  g_ptr_array_add(languages, g_strdup(language));
}

char **compose_languages(const Layout *layout, Article *const *articles, unsigned count)
{
  GPtrArray *languages = g_ptr_array_new();
  for (unsigned i = 0; i < count; i++)
    for (int s = 0; s < STYLE_COUNT; s++)
      add_language(languages, story_text_language(articles[i], layout, (StyleId)s));
  g_ptr_array_add(languages, NULL);
  return (char **)g_ptr_array_free(languages, FALSE);
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

/* How far down the waiting stories a story to fill a hole is looked for:
 * an editor fills a hole with one of the next few stories, not with one
 * from the end of the run, and the stories further on need not be set yet. */
#define FILL_WINDOW 8

/* The next story to place: the first waiting one, unless it does not fit
 * in the space left on the page and a later one of the same priority does
 * (a hole at a page foot is filled, as an editor would fill it). waiting
 * holds places in the pool's order. */
static unsigned next_story(const Flow *flow, StoryPool *pool, GArray *waiting)
{
  /* before the first page, or on an empty one, the next story goes
   * first: waiting for later ones to be set would only delay it */
  if (!flow_has_hole_to_fill(flow))
    return 0;
  const Story *first = story_pool_get(pool, g_array_index(waiting, unsigned, 0));
  if (flow_story_fits(flow, first))
    return 0;
  for (unsigned k = 1; k < waiting->len && k < FILL_WINDOW; k++) {
    const Story *later = story_pool_get(pool, g_array_index(waiting, unsigned, k));
    if (priority_rank(later->article) != priority_rank(first->article))
      break;
    if (flow_story_fits(flow, later))
      return k;
  }
  return 0;
}

#define TRIM_EVERY_PAGES 4

typedef struct {
  ComposePageDone done;
  void *data;
} PageSink;

/* A page is passed on as soon as it is finished, then gives up its glyphs. */
static void pass_page_on(DisplayList *list, int page, void *data)
{
  PageSink *sink = data;
  sink->done(list, page, sink->data);
  display_list_release_pages(list, page);
#ifdef __GLIBC__
  /* what the pages and their stories freed goes back to the system, from
   * every thread's arena: otherwise a long run's peak grows with its
   * length. Not after every page: it locks each arena in turn. */
  if (page % TRIM_EVERY_PAGES == TRIM_EVERY_PAGES - 1)
    malloc_trim(0);
#endif
}

DisplayList *compose_continuous(const Layout *layout, Fonts *fonts, Article *const *articles,
                                unsigned count, unsigned threads, DiagLog *log)
{
  return compose_continuous_streamed(layout, fonts, articles, count, threads, NULL, NULL, log);
}

DisplayList *compose_continuous_streamed(const Layout *layout, Fonts *fonts,
                                         Article *const *articles, unsigned count, unsigned threads,
                                         ComposePageDone done, void *data, DiagLog *log)
{
  GArray *order = g_array_sized_new(FALSE, FALSE, sizeof(unsigned), count);
  for (unsigned i = 0; i < count; i++)
    g_array_append_val(order, i);
  g_array_sort_with_data(order, by_priority, (gpointer)articles);   /* stable */
  StoryPool *pool = story_pool_new(layout, fonts, articles, (const unsigned *)(void *)order->data,
                                   count, threads);
  Typesetter *ts = typesetter_new(fonts_font_map(fonts), layout);
  const char *publication = compose_publication(layout, articles, count);
  Flow *flow = flow_new(layout, ts, publication);
  PageSink sink = { done, data };
  if (done)
    flow_on_page_done(flow, pass_page_on, &sink);
  GArray *waiting = g_array_sized_new(FALSE, FALSE, sizeof(unsigned), count);
  for (unsigned k = 0; k < count; k++)
    g_array_append_val(waiting, k);
  while (waiting->len > 0) {
    unsigned w = next_story(flow, pool, waiting);
    Story *story = story_pool_take(pool, g_array_index(waiting, unsigned, w));
    flow_place_story(flow, story);
    story_free(story);
    g_array_remove_index(waiting, w);
  }
  g_array_free(waiting, TRUE);
  story_pool_finish(pool, log);
  DisplayList *list = flow_finish(flow);
  char *authors = collect_authors(articles, count);
  display_list_set_metadata(list, count == 1 ? articles[0]->headline : publication, authors);
  g_free(authors);
  typesetter_free(ts);
  g_array_free(order, TRUE);
  return list;
}
