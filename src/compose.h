/* compose.h — composition's entry point: articles and a layout in, a
 * display list out. Typesetting and flow happen here; nothing is drawn. */
#ifndef GALLEY_COMPOSE_H
#define GALLEY_COMPOSE_H

#include "diag.h"
#include "displaylist.h"
#include "fonts.h"
#include "model.h"

/* Checks that every style's family is installed; the error names the
 * layout file, the style's line and the Debian package to install. */
bool compose_check_fonts(const Layout *layout, Fonts *fonts, GError **error);

/* Refuses a run whose articles hold more than GALLEY_MAX_RUN_TEXT_BYTES of
 * text in all, naming the article that goes past it. */
bool compose_check_size(Article *const *articles, unsigned count, GError **error);

/* Sets the articles one after another (continuous flow): those with a
 * priority first, most important first, the rest in the order given, except
 * that a story too big for the space left on a page waits while a later one
 * of the same priority fills it. Stories are set in type on `threads`
 * threads (0: one per core); the result does not depend on how many.
 * Warnings go to log. Caller owns the result. */
DisplayList *compose_continuous(const Layout *layout, Fonts *fonts, Article *const *articles,
                                unsigned count, unsigned threads, DiagLog *log);

/* The same, passing each page on as soon as it is finished (done may draw
 * it); after done returns the page gives up its glyphs (displaylist.h:
 * display_list_release_pages), so a long run holds only a few pages' worth.
 * done is called on the calling thread. */
typedef void (*ComposePageDone)(DisplayList *list, int page, void *data);
DisplayList *compose_continuous_streamed(const Layout *layout, Fonts *fonts,
                                         Article *const *articles, unsigned count, unsigned threads,
                                         ComposePageDone done, void *data, DiagLog *log);

/* The languages the articles' text is set in (an article's own, else its
 * styles'), each once, in order of first use: what a run will hyphenate.
 * NULL-terminated; caller frees (g_strfreev). */
char **compose_languages(const Layout *layout, Article *const *articles, unsigned count);

/* The publication's name: the layout's, else the first article source, else
 * the layout's name (borrowed). */
const char *compose_publication(const Layout *layout, Article *const *articles, unsigned count);

#endif
