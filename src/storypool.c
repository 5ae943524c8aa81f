/* storypool.c — stories set in type on worker threads, handed to the flow
 * in order (storypool.h). */
#include "storypool.h"

#include "typeset.h"

#include <sys/resource.h>
#include <unistd.h>

/* What one thread sets stories with: nothing in it is shared. */
/* Stories set ahead of the first one not yet taken: enough to keep the
 * threads busy, few enough that a long run's shaped text is not all held
 * at once. A dozen ordinary stories, fewer long ones: shaped text takes
 * some 150 bytes a word, and a run of minutes and reports would otherwise
 * hold a dozen of them. The next story may always begin. */
#define LOOKAHEAD 12
#define WORDS_AHEAD 8000

#define DEFAULT_THREADS_AT_MOST 4

#define SETTER_NICENESS 5

typedef struct {
  StoryPool *pool;
  Typesetter *ts;
  Hyphenator *hyphenator;
  TypesetFontHold *fonts;   /* held until the pool finishes */
} Setter;

typedef struct {
  Story *story;
  DiagLog *log;    /* the story's warnings, until story_pool_finish */
  bool set, taken;
} Slot;

struct StoryPool {
  const Layout *layout;
  Article *const *articles;
  unsigned *order;
  unsigned count;
  guint64 *words_before;   /* [k]: the words of the stories before k, in pool order */
  Slot *slots;
  Setter *setters;
  unsigned setter_count;
  GThread **threads;    /* NULL: stories are set when asked for */
  GMutex lock;          /* guards next, first_untaken, wanted, stop and each slot's `set` */
  GCond story_set;
  GCond room;           /* the flow took a story or wants a later one */
  unsigned next;        /* the next story nobody has begun */
  unsigned first_untaken;
  unsigned wanted;      /* one past the furthest story asked for */
  bool stop;
};

Hyphenator *story_pool_hyphenator(const Layout *layout)
{
  const Hyphenation *h = &layout->hyphenation;
  HyphenRules rules = { .min_word = h->min_word, .min_left = h->min_left,
                        .min_right = h->min_right, .capitalized = h->capitalized,
                        .last_word = h->last_word, .exceptions = h->exceptions };
  Hyphenator *hyphenator = hyphenator_new(NULL);
  hyphenator_set_rules(hyphenator, &rules);
  return hyphenator;
}

/* Sets story k into its slot, which only this call writes. */
static void set_story(Setter *setter, unsigned k)
{
  StoryPool *pool = setter->pool;
  Slot *slot = &pool->slots[k];
  unsigned article = pool->order[k];
  slot->log = diag_log_new();
  /* boxes name the story by its place among the inputs */
  slot->story = story_build(setter->ts, setter->hyphenator, pool->layout, pool->articles[article],
                            (int)article, slot->log);
  for (unsigned i = 0; i < slot->story->layouts->len; i++)
    typeset_font_hold_add(setter->fonts, g_ptr_array_index(slot->story->layouts, i));
}

static bool may_begin(const StoryPool *pool, unsigned k)
{
  unsigned first = pool->first_untaken;
  bool near = k < first + LOOKAHEAD &&
              pool->words_before[k] - pool->words_before[first] < WORDS_AHEAD;
  return near || k == first || k < pool->wanted;
}

/* The next story nobody has begun, or count when there is none (or the
 * pool is stopping). */
static unsigned claim_story(StoryPool *pool)
{
  g_mutex_lock(&pool->lock);
  while (!pool->stop && pool->next < pool->count && !may_begin(pool, pool->next))
    g_cond_wait(&pool->room, &pool->lock);
  unsigned k = pool->stop ? pool->count : pool->next;
  if (k < pool->count)
    pool->next++;
  g_mutex_unlock(&pool->lock);
  return k;
}

static gpointer set_stories(gpointer data)
{
  Setter *setter = data;
  StoryPool *pool = setter->pool;
  /* ahead of the flow, setting can wait a little when the cores are
   * busy; drawing the pages, which nothing runs ahead of, should not */
  setpriority(PRIO_PROCESS, (id_t)gettid(), SETTER_NICENESS);
  for (unsigned k = claim_story(pool); k < pool->count; k = claim_story(pool)) {
    set_story(setter, k);
    g_mutex_lock(&pool->lock);
    pool->slots[k].set = true;
    g_cond_broadcast(&pool->story_set);
    g_mutex_unlock(&pool->lock);
  }
  return NULL;
}

StoryPool *story_pool_new(const Layout *layout, Fonts *fonts, Article *const *articles,
                          const unsigned *order, unsigned count, unsigned threads)
{
  StoryPool *pool = g_new0(StoryPool, 1);
  pool->layout = layout;
  pool->articles = articles;
  pool->order = g_memdup2(order, sizeof *order * MAX(count, 1));
  pool->count = count;
  pool->slots = g_new0(Slot, MAX(count, 1));
  pool->words_before = g_new0(guint64, count + 1);
  for (unsigned k = 0; k < count; k++)
    pool->words_before[k + 1] = pool->words_before[k] + article_word_count(articles[order[k]]);
  g_mutex_init(&pool->lock);
  g_cond_init(&pool->story_set);
  g_cond_init(&pool->room);
  if (threads == 0)   /* beyond a few, the drawing on the flow's thread is what waits */
    threads = MIN(g_get_num_processors(), DEFAULT_THREADS_AT_MOST);
  threads = MAX(1, MIN(threads, MAX(count, 1)));
  pool->setter_count = threads;
  pool->setters = g_new0(Setter, threads);
  for (unsigned i = 0; i < threads; i++)
    pool->setters[i] = (Setter){ pool, typesetter_new(fonts_thread_font_map(fonts, i), layout),
                                 story_pool_hyphenator(layout),
                                 typeset_font_hold_new(threads > 1) };
  if (threads > 1) {
    pool->threads = g_new0(GThread *, threads);
    for (unsigned i = 0; i < threads; i++)
      pool->threads[i] = g_thread_new("galley-setter", set_stories, &pool->setters[i]);
  }
  return pool;
}

Story *story_pool_get(StoryPool *pool, unsigned k)
{
  g_return_val_if_fail(k < pool->count && !pool->slots[k].taken, NULL);
  if (!pool->threads) {
    while (pool->next <= k)
      set_story(&pool->setters[0], pool->next++);
    return pool->slots[k].story;
  }
  g_mutex_lock(&pool->lock);
  if (k >= pool->wanted) {
    pool->wanted = k + 1;
    g_cond_broadcast(&pool->room);
  }
  while (!pool->slots[k].set)
    g_cond_wait(&pool->story_set, &pool->lock);
  g_mutex_unlock(&pool->lock);
  return pool->slots[k].story;
}

Story *story_pool_take(StoryPool *pool, unsigned k)
{
  Story *story = story_pool_get(pool, k);
  g_mutex_lock(&pool->lock);
  pool->slots[k].taken = true;
  while (pool->first_untaken < pool->count && pool->slots[pool->first_untaken].taken)
    pool->first_untaken++;
  g_cond_broadcast(&pool->room);
  g_mutex_unlock(&pool->lock);
  return story;
}

void story_pool_finish(StoryPool *pool, DiagLog *log)
{
  if (pool->threads) {
    g_mutex_lock(&pool->lock);
    pool->stop = true;
    g_cond_broadcast(&pool->room);
    g_mutex_unlock(&pool->lock);
    for (unsigned i = 0; i < pool->setter_count; i++)
      g_thread_join(pool->threads[i]);
  }
  for (unsigned k = 0; k < pool->count; k++) {
    Slot *slot = &pool->slots[k];
    if (slot->log) {
      diag_log_append(log, slot->log);
      diag_log_free(slot->log);
    }
    if (!slot->taken && slot->story)
      story_free(slot->story);
  }
  for (unsigned i = 0; i < pool->setter_count; i++) {
    typesetter_free(pool->setters[i].ts);
    hyphenator_free(pool->setters[i].hyphenator);
    typeset_font_hold_free(pool->setters[i].fonts);
  }
  g_free(pool->setters);
  g_free(pool->threads);
  g_mutex_clear(&pool->lock);
  g_cond_clear(&pool->story_set);
  g_cond_clear(&pool->room);
  g_free(pool->slots);
  g_free(pool->order);
  g_free(pool->words_before);
  g_free(pool);
}
