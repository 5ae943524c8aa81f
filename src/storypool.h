/* storypool.h — sets a run's stories in type on worker threads while the
 * flow places them in order.
 *
 * Setting a story (shaping, hyphenating and breaking its paragraphs) needs
 * nothing from the stories before it, so workers set them ahead of the
 * flow, each thread with its own Pango context, font map and hyphenator.
 * A story is the same whichever thread set it: output does not depend on
 * the number of threads. */
#ifndef GALLEY_STORYPOOL_H
#define GALLEY_STORYPOOL_H

#include "diag.h"
#include "fonts.h"
#include "model.h"
#include "story.h"

typedef struct StoryPool StoryPool;

/* Starts setting articles[order[0]], articles[order[1]], ... on `threads`
 * threads (0: one per core, at most 4; 1: no thread, each story is set when first
 * asked for). Story k names its article by its index in articles. */
StoryPool *story_pool_new(const Layout *layout, Fonts *fonts, Article *const *articles,
                          const unsigned *order, unsigned count, unsigned threads);

/* Story k of the order, waiting until it is set (borrowed until taken). */
Story *story_pool_get(StoryPool *pool, unsigned k);

/* Story k, which the caller now owns (story_free). */
Story *story_pool_take(StoryPool *pool, unsigned k);

/* Waits for the workers, appends every story's warnings to log in the
 * order of the stories, frees what was not taken. */
void story_pool_finish(StoryPool *pool, DiagLog *log);

/* The layout's house rules for hyphenation (README: "Hyphenation"). */
Hyphenator *story_pool_hyphenator(const Layout *layout);

#endif
