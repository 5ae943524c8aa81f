/* watch.h — waiting for files to change (Linux inotify).
 *
 * The folders holding the files are watched, not the files: editors save
 * by writing a new file and renaming it over the old one, which replaces
 * the inode a file watch would follow. */
#ifndef GALLEY_WATCH_H
#define GALLEY_WATCH_H

#include <glib.h>
#include <stdbool.h>

typedef struct Watch Watch;

Watch *watch_new(GError **error);
void watch_free(Watch *watch);

/* Watches these files (replacing any earlier set); files whose folder is
 * missing are skipped. FALSE when none can be watched. */
bool watch_set_files(Watch *watch, GPtrArray *paths, GError **error);

/* Waits for a change to one of the files; then waits until the folder has
 * been quiet for quiet_ms, so one save gives one rebuild. Returns the path
 * that changed (caller frees), or NULL when interrupted by a signal. */
char *watch_wait(Watch *watch, int quiet_ms);

#endif
