/* archive.c — `galley archive`: articles to DIR/NAME.pdf and DIR/index.pdf,
 * rebuilding only what changed, with worker processes or a printed plan.
 *
 * Each article is built by a separate `galley build` process: every run
 * of galley has one font map and typesetter, and a process per article
 * keeps the workers from sharing them. It also makes a plan's command and
 * a worker's the same command, so both give the same bytes. */
#include "archive.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "archiveindex.h"
#include "article.h"
#include "diag.h"
#include "importer.h"
#include "layout.h"
#include "output.h"
#include "pdfboxes.h"
#include "pdfdoc.h"

#ifndef GALLEY_VERSION
#define GALLEY_VERSION "0.1.0"
#endif

#define EXIT_BAD_INPUT 2
#define MANIFEST_NAME ".galley-archive"
#define INDEX_NAME "index.pdf"

typedef enum { ENTRY_FAILED, ENTRY_CURRENT, ENTRY_STALE, ENTRY_BUILT } EntryState;

typedef struct {
  const char *input;   /* as given */
  char *absolute;
  char *name;          /* the file's base name without .md or .txt */
  char *pdf;           /* DIR/NAME.pdf as the user named DIR, for messages */
  char *pdf_absolute;
  Article *article;
  char *inputs_hash;   /* SHA-256 of what the PDF is made from */
  char *pdf_hash;      /* SHA-256 of the PDF, once it is there */
  int pages;
  EntryState state;
} Entry;

typedef struct {
  const ArchiveOptions *o;
  char *dir;             /* absolute */
  Layout *layout;
  char *layout_absolute;
  char *common_hash;     /* galley, layout, dictionaries, fonts.conf, SOURCE_DATE_EPOCH */
  GPtrArray *entries;    /* Entry* */
  GKeyFile *manifest;
  gboolean failed;
  gboolean progress;     /* a progress line on a terminal */
} Archive;

static void entry_free(Entry *e)
{
  g_free(e->absolute);
  g_free(e->name);
  g_free(e->pdf);
  g_free(e->pdf_absolute);
  article_free(e->article);
  g_free(e->inputs_hash);
  g_free(e->pdf_hash);
  g_free(e);
}

static void print_error(const GError *error)
{
  fprintf(stderr, "galley: error: %s\n", error->message);
}

static void say(const Archive *a, const char *format, const char *what)
{
  if (a->o->verbose)
    fprintf(stderr, format, what);
}

/* ---- hashes -------------------------------------------------------------------------- */

/* Adds a file's bytes, or a marker that it could not be read, so a file
 * appearing or vanishing changes the hash too. */
static void hash_file(GChecksum *sum, const char *path)
{
  char *data = NULL;
  gsize len = 0;
  g_checksum_update(sum, (const guchar *)path, (gssize)strlen(path) + 1);
  if (g_file_get_contents(path, &data, &len, NULL)) {
    g_checksum_update(sum, (const guchar *)"file", 5);
    g_checksum_update(sum, (const guchar *)data, (gssize)len);
  } else {
    g_checksum_update(sum, (const guchar *)"none", 5);
  }
  g_free(data);
}

static void hash_text(GChecksum *sum, const char *text)
{
  text = text ? text : "";
  g_checksum_update(sum, (const guchar *)text, (gssize)strlen(text) + 1);
}

static char *file_sha256(const char *path)
{
  char *data = NULL;
  gsize len = 0;
  if (!g_file_get_contents(path, &data, &len, NULL))
    return NULL;
  char *hex = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)data, len);
  g_free(data);
  return hex;
}

/* What every article's PDF is made from besides the article itself. */
static char *common_hash(const Archive *a)
{
  GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
  hash_text(sum, "galley " GALLEY_VERSION);
  hash_text(sum, g_getenv("SOURCE_DATE_EPOCH"));
  /* the layout's path is a worker's argument; its bytes decide the pages */
  hash_text(sum, a->layout_absolute);
  hash_file(sum, a->layout_absolute);
  for (guint i = 0; a->layout->read_files && i < a->layout->read_files->len; i++)
    hash_file(sum, g_ptr_array_index(a->layout->read_files, i));
  char *fonts_conf = g_build_filename(a->o->data_dir, "fonts", "fonts.conf", NULL);
  hash_file(sum, fonts_conf);
  g_free(fonts_conf);
  char *hex = g_strdup(g_checksum_get_string(sum));
  g_checksum_free(sum);
  return hex;
}

static char *entry_hash(const Archive *a, const Entry *e)
{
  GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
  hash_text(sum, a->common_hash);
  hash_file(sum, e->absolute);
  if (e->article->image)
    hash_file(sum, e->article->image);
  char *hex = g_strdup(g_checksum_get_string(sum));
  g_checksum_free(sum);
  return hex;
}

/* ---- reading ------------------------------------------------------------------------- */

static char *article_name(const char *path)
{
  char *base = g_path_get_basename(path);
  if (g_str_has_suffix(base, ".md") || g_str_has_suffix(base, ".txt"))
    *strrchr(base, '.') = '\0';
  return base;
}

/* Plain text goes through the importer quietly: the worker says what it found. */
static Article *read_article(const char *path, GError **error)
{
  if (!importer_is_text_path(path))
    return article_read_file(path, error);
  ImportOptions import = { DATE_ORDER_AUTO, false };
  DiagLog *log = diag_log_new();
  Article *article = importer_read_file(path, &import, NULL, log, error);
  diag_log_free(log);
  return article;
}

static Entry *entry_new(const Archive *a, const char *input)
{
  Entry *e = g_new0(Entry, 1);
  e->input = input;
  e->absolute = g_canonicalize_filename(input, NULL);
  e->name = article_name(input);
  char *file = g_strconcat(e->name, ".pdf", NULL);
  e->pdf = g_build_filename(a->o->output_dir, file, NULL);
  e->pdf_absolute = g_build_filename(a->dir, file, NULL);
  g_free(file);
  e->pages = -1;
  return e;
}

/* Two articles named alike would overwrite each other's PDF, or the index. */
static gboolean names_distinct(Archive *a)
{
  GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
  gboolean ok = TRUE;
  for (guint i = 0; i < a->entries->len; i++) {
    Entry *e = g_ptr_array_index(a->entries, i);
    const char *other = g_hash_table_lookup(seen, e->name);
    if (strcmp(e->name, "index") == 0) {
      fprintf(stderr, "galley: error: %s: its PDF would be written over the archive's index "
                      "(%s); rename the article\n", e->input, INDEX_NAME);
      ok = FALSE;
    } else if (other) {
      fprintf(stderr, "galley: error: %s and %s would both be archived as %s; rename one of "
                      "them\n", other, e->input, e->pdf);
      ok = FALSE;
    }
    g_hash_table_insert(seen, e->name, (gpointer)e->input);
  }
  g_hash_table_destroy(seen);
  return ok;
}

/* An article that cannot be read is reported and left out; the rest go on. */
static void read_entries(Archive *a)
{
  for (guint i = 0; i < a->entries->len; i++) {
    Entry *e = g_ptr_array_index(a->entries, i);
    GError *error = NULL;
    e->article = read_article(e->input, &error);
    if (!e->article) {
      print_error(error);
      g_error_free(error);
      e->state = ENTRY_FAILED;
      a->failed = TRUE;
      continue;
    }
    e->inputs_hash = entry_hash(a, e);
    e->state = ENTRY_STALE;
  }
}

/* ---- the manifest -------------------------------------------------------------------- */

static char *manifest_path(const Archive *a)
{
  return g_build_filename(a->dir, MANIFEST_NAME, NULL);
}

/* A key file's group names cannot hold brackets or line ends. */
static char *group_name(const char *prefix, const char *name)
{
  char *group = g_strconcat(prefix, name, NULL);
  for (char *p = group; *p; p++)
    if (*p == '[' || *p == ']' || *p == '\n' || *p == '\r')
      *p = '_';
  return group;
}

static gboolean manifest_matches(const Archive *a, const char *group, const char *inputs_hash,
                                 const char *pdf_path, char **pdf_hash)
{
  char *recorded_inputs = g_key_file_get_string(a->manifest, group, "inputs", NULL);
  char *recorded_pdf = g_key_file_get_string(a->manifest, group, "pdf", NULL);
  gboolean match = FALSE;
  if (recorded_inputs && recorded_pdf && strcmp(recorded_inputs, inputs_hash) == 0) {
    *pdf_hash = file_sha256(pdf_path);   /* a PDF changed or removed since is built again */
    match = *pdf_hash && strcmp(*pdf_hash, recorded_pdf) == 0;
  }
  g_free(recorded_inputs);
  g_free(recorded_pdf);
  return match;
}

static void manifest_record(Archive *a, const char *group, const char *source,
                            const char *inputs_hash, const char *pdf_hash)
{
  if (source)
    g_key_file_set_string(a->manifest, group, "source", source);
  g_key_file_set_string(a->manifest, group, "inputs", inputs_hash);
  g_key_file_set_string(a->manifest, group, "pdf", pdf_hash);
}

static void load_manifest(Archive *a)
{
  a->manifest = g_key_file_new();
  char *path = manifest_path(a);
  GError *error = NULL;
  if (!g_key_file_load_from_file(a->manifest, path, G_KEY_FILE_NONE, &error)) {
    if (!g_error_matches(error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
      fprintf(stderr, "galley: warning: %s: cannot read the archive's record (%s); every "
                      "article is built again\n", path, error->message);
    g_error_free(error);
    g_key_file_free(a->manifest);
    a->manifest = g_key_file_new();
  }
  g_free(path);
}

static gboolean save_manifest(Archive *a)
{
  g_key_file_set_comment(a->manifest, NULL, NULL,
                         " galley archive: what each PDF was made from (SHA-256); "
                         "delete this file to rebuild everything", NULL);
  gsize len = 0;
  char *data = g_key_file_to_data(a->manifest, &len, NULL);
  GBytes *bytes = g_bytes_new_take(data, len);
  char *path = manifest_path(a);
  GError *error = NULL;
  gboolean ok = output_write(path, bytes, &error);
  if (!ok) {
    print_error(error);
    g_error_free(error);
  }
  g_free(path);
  g_bytes_unref(bytes);
  return ok;
}

/* Which PDFs are up to date; the others are built (all with --force). */
static void classify(Archive *a)
{
  for (guint i = 0; i < a->entries->len; i++) {
    Entry *e = g_ptr_array_index(a->entries, i);
    if (e->state != ENTRY_STALE || a->o->force)
      continue;
    char *group = group_name("article ", e->name);
    if (manifest_matches(a, group, e->inputs_hash, e->pdf_absolute, &e->pdf_hash))
      e->state = ENTRY_CURRENT;
    g_free(group);
  }
}

/* ---- commands ------------------------------------------------------------------------ */

/* The worker's command: galley build on one article, absolute paths. */
static char **build_argv(const Archive *a, const Entry *e, gboolean quiet)
{
  GPtrArray *argv = g_ptr_array_new();
  g_ptr_array_add(argv, g_strdup(a->o->galley));
  g_ptr_array_add(argv, g_strdup("build"));
  if (quiet)
    g_ptr_array_add(argv, g_strdup("-q"));
  g_ptr_array_add(argv, g_strdup("--layout"));
  g_ptr_array_add(argv, g_strdup(a->layout_absolute));
  g_ptr_array_add(argv, g_strdup("-o"));
  g_ptr_array_add(argv, g_strdup(e->pdf_absolute));
  g_ptr_array_add(argv, g_strdup("--"));
  g_ptr_array_add(argv, g_strdup(e->absolute));
  g_ptr_array_add(argv, NULL);
  return (char **)g_ptr_array_free(argv, FALSE);
}

/* Quoted for the shell only where needed, so a plan stays readable. */
static char *shell_word(const char *word)
{
  gboolean plain = *word != '\0';
  for (const char *p = word; *p; p++)
    if (!g_ascii_isalnum(*p) && !strchr("_-/.,:=@%+", *p))
      plain = FALSE;
  return plain ? g_strdup(word) : g_shell_quote(word);
}

/* The settings a command must carry to give the same bytes elsewhere. */
static void append_environment(GString *line)
{
  static const char *const names[] = { "SOURCE_DATE_EPOCH", "GALLEY_DATADIR" };
  gboolean any = FALSE;
  for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
    const char *value = g_getenv(names[i]);
    if (!value || !*value)
      continue;
    char *assignment = g_strdup_printf("%s=%s", names[i], value);
    char *quoted = shell_word(assignment);
    g_string_append_printf(line, "%s%s ", any ? "" : "env ", quoted);
    any = TRUE;
    g_free(quoted);
    g_free(assignment);
  }
}

static void print_command(char **argv)
{
  GString *line = g_string_new(NULL);
  append_environment(line);
  for (int i = 0; argv[i]; i++) {
    char *quoted = shell_word(argv[i]);
    g_string_append_printf(line, "%s%s", i ? " " : "", quoted);
    g_free(quoted);
  }
  printf("%s\n", line->str);
  g_string_free(line, TRUE);
}

/* The last command of a plan: the index, once every PDF is there. */
static char **index_argv(const Archive *a)
{
  GPtrArray *argv = g_ptr_array_new();
  g_ptr_array_add(argv, g_strdup(a->o->galley));
  g_ptr_array_add(argv, g_strdup("archive"));
  g_ptr_array_add(argv, g_strdup("--index-only"));
  g_ptr_array_add(argv, g_strdup("--layout"));
  g_ptr_array_add(argv, g_strdup(a->layout_absolute));
  g_ptr_array_add(argv, g_strdup("-o"));
  g_ptr_array_add(argv, g_strconcat(a->dir, "/", NULL));
  g_ptr_array_add(argv, g_strdup("--"));
  for (guint i = 0; i < a->entries->len; i++) {
    const Entry *e = g_ptr_array_index(a->entries, i);
    if (e->state != ENTRY_FAILED)
      g_ptr_array_add(argv, g_strdup(e->absolute));
  }
  g_ptr_array_add(argv, NULL);
  return (char **)g_ptr_array_free(argv, FALSE);
}

/* One command per article to build, then the index's, on standard output. */
static void print_plan(const Archive *a)
{
  for (guint i = 0; i < a->entries->len; i++) {
    const Entry *e = g_ptr_array_index(a->entries, i);
    if (e->state != ENTRY_STALE)
      continue;
    char **argv = build_argv(a, e, FALSE);
    print_command(argv);
    g_strfreev(argv);
  }
  char **argv = index_argv(a);
  print_command(argv);
  g_strfreev(argv);
}

/* ---- workers -------------------------------------------------------------------------- */

typedef struct {
  Entry *entry;
  GPid pid;
  int log;   /* the worker's stderr, a temporary file read when it ends */
} Worker;

static void clear_progress(const Archive *a)
{
  if (a->progress)
    fputs("\r\033[K", stderr);
}

static void show_progress(const Archive *a, unsigned done, unsigned total)
{
  if (!a->progress)
    return;
  fprintf(stderr, "\r\033[Kgalley: archive: %u of %u article%s built", done, total,
          total == 1 ? "" : "s");
  fflush(stderr);
}

static gboolean start_worker(const Archive *a, Entry *e, Worker *w)
{
  GError *error = NULL;
  char *log_name = NULL;
  w->entry = e;
  w->log = g_file_open_tmp("galley-archive-XXXXXX.log", &log_name, &error);
  if (w->log >= 0) {
    g_unlink(log_name);   /* the descriptor keeps it while it is needed */
    g_free(log_name);
    char **argv = build_argv(a, e, a->o->quiet);
    gboolean started = g_spawn_async_with_fds(NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                              NULL, &w->pid, -1, -1, w->log, &error);
    g_strfreev(argv);
    if (started)
      return TRUE;
    close(w->log);
  }
  fprintf(stderr, "galley: error: %s: cannot start a worker: %s\n", e->input, error->message);
  g_error_free(error);
  return FALSE;
}

/* Copies what the worker said to stderr in one piece, so the messages of
 * workers running side by side do not interleave. */
static void replay_log(const Archive *a, int fd)
{
  GString *text = g_string_new(NULL);
  char buffer[4096];
  ssize_t n;
  lseek(fd, 0, SEEK_SET);
  while ((n = read(fd, buffer, sizeof buffer)) > 0)
    g_string_append_len(text, buffer, n);
  close(fd);
  if (text->len > 0) {
    clear_progress(a);
    fputs(text->str, stderr);
  }
  g_string_free(text, TRUE);
}

static void finish_worker(Archive *a, Worker *w, int status)
{
  Entry *e = w->entry;
  replay_log(a, w->log);
  GError *error = NULL;
  if (g_spawn_check_wait_status(status, &error)) {
    e->pdf_hash = file_sha256(e->pdf_absolute);
    e->state = e->pdf_hash ? ENTRY_BUILT : ENTRY_FAILED;
    if (!e->pdf_hash)
      fprintf(stderr, "galley: error: %s: built, but it cannot be read back; check the folder\n",
              e->pdf);
  } else {
    clear_progress(a);
    fprintf(stderr, "galley: error: %s: not archived: galley build failed (%s)\n", e->input,
            error->message);
    g_error_free(error);
    e->state = ENTRY_FAILED;
  }
  if (e->state == ENTRY_FAILED)
    a->failed = TRUE;
  else
    say(a, "galley: built %s\n", e->pdf);
}

static Worker *find_worker(Worker *workers, int count, GPid pid)
{
  for (int i = 0; i < count; i++)
    if (workers[i].pid == pid)
      return &workers[i];
  return NULL;
}

/* Builds the stale articles, at most jobs at a time. */
static void run_workers(Archive *a, int jobs)
{
  GPtrArray *queue = g_ptr_array_new();
  for (guint i = 0; i < a->entries->len; i++) {
    Entry *e = g_ptr_array_index(a->entries, i);
    if (e->state == ENTRY_STALE)
      g_ptr_array_add(queue, e);
  }
  Worker *workers = g_new0(Worker, jobs);
  unsigned next = 0, done = 0;
  int running = 0;
  show_progress(a, 0, queue->len);
  while (next < queue->len || running > 0) {
    while (running < jobs && next < queue->len) {
      Entry *e = g_ptr_array_index(queue, next++);
      if (start_worker(a, e, &workers[running])) {
        running++;
      } else {
        e->state = ENTRY_FAILED;
        a->failed = TRUE;
        done++;
      }
    }
    if (running == 0)
      continue;
    int status = 0;
    GPid pid = waitpid(-1, &status, 0);
    if (pid < 0 && errno == EINTR)
      continue;
    Worker *w = pid > 0 ? find_worker(workers, running, pid) : NULL;
    if (!w)
      break;   /* no child of ours is left: cannot happen while running > 0 */
    finish_worker(a, w, status);
    g_spawn_close_pid(w->pid);
    *w = workers[--running];
    show_progress(a, ++done, queue->len);
  }
  if (queue->len > 0)
    clear_progress(a);
  g_free(workers);
  g_ptr_array_free(queue, TRUE);
}

/* --index-only: the PDFs were built by the plan's commands. One older than
 * its article was not built from it. */
static void accept_built(Archive *a)
{
  for (guint i = 0; i < a->entries->len; i++) {
    Entry *e = g_ptr_array_index(a->entries, i);
    if (e->state != ENTRY_STALE)
      continue;
    struct stat pdf, article;
    gboolean missing = stat(e->pdf_absolute, &pdf) != 0;
    if (missing || stat(e->absolute, &article) != 0 || pdf.st_mtime < article.st_mtime) {
      fprintf(stderr, "galley: error: %s is %s; run the plan's command for %s first\n", e->pdf,
              missing ? "missing" : "older than its article", e->input);
      e->state = ENTRY_FAILED;
      a->failed = TRUE;
      continue;
    }
    e->pdf_hash = file_sha256(e->pdf_absolute);
    e->state = e->pdf_hash ? ENTRY_BUILT : ENTRY_FAILED;
  }
}

/* ---- the index ----------------------------------------------------------------------- */

static gint64 creation_time(void)
{
  const char *epoch = g_getenv("SOURCE_DATE_EPOCH");
  char *end = NULL;
  gint64 seconds = epoch && *epoch ? g_ascii_strtoll(epoch, &end, 10) : -1;
  if (seconds >= 0 && end && *end == '\0')
    return seconds;
  return g_get_real_time() / G_USEC_PER_SEC;
}

static gint by_text(gconstpointer a, gconstpointer b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The index's own inputs: the layout and every listed PDF (its pages) with
 * the article it was made from (its headline, byline, date), by name. */
static char *index_hash(const Archive *a, GPtrArray *listed)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func(g_free);
  for (guint i = 0; i < listed->len; i++) {
    const Entry *e = g_ptr_array_index(listed, i);
    g_ptr_array_add(lines, g_strdup_printf("%s %s %s", e->name, e->inputs_hash, e->pdf_hash));
  }
  g_ptr_array_sort(lines, by_text);
  GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
  hash_text(sum, a->common_hash);
  for (guint i = 0; i < lines->len; i++)
    hash_text(sum, g_ptr_array_index(lines, i));
  char *hex = g_strdup(g_checksum_get_string(sum));
  g_checksum_free(sum);
  g_ptr_array_free(lines, TRUE);
  return hex;
}

static GBytes *make_index(const Archive *a, GPtrArray *listed, Fonts *fonts, GError **error)
{
  ArchiveIndexEntry *entries = g_new0(ArchiveIndexEntry, MAX(listed->len, 1));
  char **files = g_new0(char *, listed->len + 1);
  for (guint i = 0; i < listed->len; i++) {
    const Entry *e = g_ptr_array_index(listed, i);
    files[i] = g_strconcat(e->name, ".pdf", NULL);
    entries[i] = (ArchiveIndexEntry){ e->article, files[i], e->pages };
  }
  const char *publication = a->layout->publication;
  char *title = publication ? g_strdup_printf("%s: archive", publication) : g_strdup("Archive");
  PdfNav *nav = NULL;
  DisplayList *list = archive_index_compose(a->layout, fonts, entries, listed->len, title, &nav);
  PdfDocOptions doc = { a->layout, a->layout->print, "galley " GALLEY_VERSION, creation_time(),
                        nav, NULL, NULL };
  DiagLog *log = diag_log_new();
  GBytes *pdf = pdfdoc_make(list, NULL, 0, &doc, log, error);
  diag_log_free(log);
  display_list_free(list);
  pdfnav_free(nav);
  g_free(title);
  g_strfreev(files);
  g_free(entries);
  return pdf;
}

/* The PDFs' page counts, read back from the files. */
static GPtrArray *listed_entries(Archive *a)
{
  GPtrArray *listed = g_ptr_array_new();
  for (guint i = 0; i < a->entries->len; i++) {
    Entry *e = g_ptr_array_index(a->entries, i);
    if (e->state != ENTRY_CURRENT && e->state != ENTRY_BUILT)
      continue;
    GError *error = NULL;
    e->pages = pdfboxes_page_count(e->pdf_absolute, &error);
    if (e->pages < 0) {
      print_error(error);
      g_error_free(error);
      e->state = ENTRY_FAILED;
      a->failed = TRUE;
      continue;
    }
    g_ptr_array_add(listed, e);
  }
  return listed;
}

static gboolean write_index(Archive *a, Fonts *fonts, GPtrArray *listed, const char *hash,
                            const char *path, const char *shown)
{
  GError *error = NULL;
  GBytes *pdf = make_index(a, listed, fonts, &error);
  gboolean ok = pdf && output_write(path, pdf, &error);
  if (ok) {
    char *pdf_hash = g_compute_checksum_for_bytes(G_CHECKSUM_SHA256, pdf);
    manifest_record(a, "index", NULL, hash, pdf_hash);
    g_free(pdf_hash);
    say(a, "galley: built %s\n", shown);
  } else {
    print_error(error);
    g_error_free(error);
    g_key_file_remove_group(a->manifest, "index", NULL);
  }
  if (pdf)
    g_bytes_unref(pdf);
  return ok;
}

/* Rebuilt when an article, its PDF or the layout changed, or it is gone. */
static gboolean update_index(Archive *a)
{
  GPtrArray *listed = listed_entries(a);
  char *hash = index_hash(a, listed);
  char *path = g_build_filename(a->dir, INDEX_NAME, NULL);
  char *shown = g_build_filename(a->o->output_dir, INDEX_NAME, NULL);
  char *pdf_hash = NULL;
  gboolean ok = TRUE;
  if (!a->o->force && manifest_matches(a, "index", hash, path, &pdf_hash)) {
    say(a, "galley: up to date: %s\n", shown);
  } else {
    char *fonts_dir = g_build_filename(a->o->data_dir, "fonts", NULL);
    GError *error = NULL;
    Fonts *fonts = fonts_new(fonts_dir, &error);
    ok = fonts && write_index(a, fonts, listed, hash, path, shown);
    if (!fonts) {
      print_error(error);
      g_error_free(error);
    }
    fonts_free(fonts);
    g_free(fonts_dir);
  }
  g_free(pdf_hash);
  g_free(shown);
  g_free(path);
  g_free(hash);
  g_ptr_array_free(listed, TRUE);
  return ok;
}

/* ---- the run ------------------------------------------------------------------------- */

static void record_entries(Archive *a)
{
  for (guint i = 0; i < a->entries->len; i++) {
    Entry *e = g_ptr_array_index(a->entries, i);
    char *group = group_name("article ", e->name);
    if (e->state == ENTRY_CURRENT || e->state == ENTRY_BUILT)
      manifest_record(a, group, e->absolute, e->inputs_hash, e->pdf_hash);
    else   /* tried again next time */
      g_key_file_remove_group(a->manifest, group, NULL);
    if (e->state == ENTRY_CURRENT)
      say(a, "galley: up to date: %s\n", e->pdf);
    g_free(group);
  }
}

static void summary(const Archive *a)
{
  unsigned counts[4] = { 0 };
  for (guint i = 0; i < a->entries->len; i++)
    counts[((Entry *)g_ptr_array_index(a->entries, i))->state]++;
  if (a->o->verbose)
    fprintf(stderr, "galley: archive %s: %u article%s, %u built, %u up to date, %u failed\n",
            a->o->output_dir, a->entries->len, a->entries->len == 1 ? "" : "s",
            counts[ENTRY_BUILT], counts[ENTRY_CURRENT], counts[ENTRY_FAILED]);
}

static gboolean check_options(const ArchiveOptions *o)
{
  if (!o->output_dir) {
    fprintf(stderr, "galley: error: say which folder the archive goes in with -o DIR/\n");
    return FALSE;
  }
  if (!o->articles || !o->articles[0]) {
    fprintf(stderr, "galley: error: no article files given; try 'galley archive --help'\n");
    return FALSE;
  }
  if (o->jobs < 0) {
    fprintf(stderr, "galley: error: -j takes a number of workers, 1 or more\n");
    return FALSE;
  }
  if (o->plan && o->index_only) {
    fprintf(stderr, "galley: error: --plan and --index-only do not go together: the plan's last "
                    "command makes the index\n");
    return FALSE;
  }
  return TRUE;
}

/* Layout, output folder and articles; FALSE when nothing can be built. */
static gboolean archive_load(Archive *a)
{
  GError *error = NULL;
  a->layout = layout_read_file(a->o->layout_path, &error);
  if (!a->layout) {
    print_error(error);
    g_error_free(error);
    return FALSE;
  }
  a->layout_absolute = g_canonicalize_filename(a->o->layout_path, NULL);
  if (g_mkdir_with_parents(a->dir, 0777) != 0) {
    fprintf(stderr, "galley: error: %s: cannot make the folder: %s\n", a->o->output_dir,
            g_strerror(errno));
    return FALSE;
  }
  a->common_hash = common_hash(a);
  for (int i = 0; a->o->articles[i]; i++)
    g_ptr_array_add(a->entries, entry_new(a, a->o->articles[i]));
  if (!names_distinct(a))
    return FALSE;
  read_entries(a);
  load_manifest(a);
  classify(a);
  return TRUE;
}

static void archive_clear(Archive *a)
{
  g_ptr_array_free(a->entries, TRUE);
  if (a->manifest)
    g_key_file_free(a->manifest);
  layout_free(a->layout);
  g_free(a->layout_absolute);
  g_free(a->common_hash);
  g_free(a->dir);
}

int archive_run(const ArchiveOptions *o)
{
  if (!check_options(o))
    return EXIT_BAD_INPUT;
  Archive a = { o, g_canonicalize_filename(o->output_dir, NULL), NULL, NULL, NULL,
                g_ptr_array_new_with_free_func((GDestroyNotify)entry_free), NULL, FALSE,
                !o->quiet && !o->plan && isatty(STDERR_FILENO) };
  gboolean ok = archive_load(&a);
  if (ok && o->plan) {
    print_plan(&a);
  } else if (ok) {
    if (o->index_only)
      accept_built(&a);
    else
      run_workers(&a, o->jobs > 0 ? o->jobs : (int)g_get_num_processors());
    ok = update_index(&a);
    record_entries(&a);
    ok = save_manifest(&a) && ok;
    summary(&a);
  }
  int status = ok && !a.failed ? 0 : EXIT_BAD_INPUT;
  archive_clear(&a);
  return status;
}
