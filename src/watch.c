/* watch.c — inotify on the folders of the watched files. */
#include "watch.h"

#include <errno.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "diag.h"

struct Watch {
  int fd;
  GHashTable *folders;   /* watch descriptor -> folder */
  GHashTable *files;     /* canonical path set */
};

#define EVENTS (IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ATTRIB)

Watch *watch_new(GError **error)
{
  int fd = inotify_init1(IN_CLOEXEC);
  if (fd < 0) {
    diag_set_error(error, GALLEY_ERROR_INPUT, NULL, 0, 0, "cannot watch files (inotify): %s",
                   g_strerror(errno));
    return NULL;
  }
  Watch *watch = g_new0(Watch, 1);
  watch->fd = fd;
  watch->folders = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
  watch->files = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  return watch;
}

void watch_free(Watch *watch)
{
  if (!watch)
    return;
  close(watch->fd);
  g_hash_table_destroy(watch->folders);
  g_hash_table_destroy(watch->files);
  g_free(watch);
}

static char *canonical(const char *path)
{
  return g_canonicalize_filename(path, NULL);
}

bool watch_set_files(Watch *watch, GPtrArray *paths, GError **error)
{
  GHashTableIter iter;
  gpointer old;
  g_hash_table_iter_init(&iter, watch->folders);
  while (g_hash_table_iter_next(&iter, &old, NULL))
    inotify_rm_watch(watch->fd, GPOINTER_TO_INT(old));
  g_hash_table_remove_all(watch->folders);
  g_hash_table_remove_all(watch->files);
  guint watched = 0;
  for (guint i = 0; i < paths->len; i++) {
    char *file = canonical(g_ptr_array_index(paths, i));
    char *folder = g_path_get_dirname(file);
    /* a photo in a folder that does not exist yet cannot be watched; the
     * build has already warned about it */
    int wd = inotify_add_watch(watch->fd, folder, EVENTS);
    if (wd < 0) {
      g_free(folder);
      g_free(file);
      continue;
    }
    watched++;
    g_hash_table_replace(watch->folders, GINT_TO_POINTER(wd), folder);
    g_hash_table_add(watch->files, file);
  }
  if (watched == 0)
    diag_set_error(error, GALLEY_ERROR_INPUT, NULL, 0, 0,
                   "none of the files can be watched (their folders are missing)");
  return watched > 0;
}

/* Reads pending events; returns the first watched file among them. */
static char *read_events(Watch *watch)
{
  char buffer[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
  ssize_t n = read(watch->fd, buffer, sizeof buffer);
  char *changed = NULL;
  for (char *p = buffer; n > 0 && p < buffer + n;) {
    const struct inotify_event *event = (const struct inotify_event *)(void *)p;
    const char *folder = g_hash_table_lookup(watch->folders, GINT_TO_POINTER(event->wd));
    if (folder && event->len > 0 && !changed) {
      char *path = g_build_filename(folder, event->name, NULL);
      if (g_hash_table_contains(watch->files, path))
        changed = path;
      else
        g_free(path);
    }
    p += sizeof(struct inotify_event) + event->len;
  }
  return changed;
}

char *watch_wait(Watch *watch, int quiet_ms)
{
  struct pollfd pfd = { watch->fd, POLLIN, 0 };
  char *changed = NULL;
  while (!changed) {
    if (poll(&pfd, 1, -1) < 0)
      return NULL;   /* a signal: stop watching */
    changed = read_events(watch);
  }
  while (poll(&pfd, 1, quiet_ms) > 0) {   /* let the save finish */
    char *more = read_events(watch);
    g_free(more);
  }
  return changed;
}
