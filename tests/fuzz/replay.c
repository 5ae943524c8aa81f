/* replay.c — runs a fuzz target's entry point over files, without libFuzzer,
 * so `make check` (gcc, and SANITIZE=1 for ASan, UBSan and leaks) replays
 * every seed and every regression input of tests/fuzz/ on each run.
 *
 * Usage: replay-NAME FILE-OR-FOLDER... Prints "fuzz-NAME: N passed, 0
 * failed"; an input that breaks an invariant aborts (FUZZ_ASSERT), and the
 * missing result line fails the suite in tests/run.sh. */
#include <glib.h>
#include <string.h>

#include "fuzz.h"

#ifndef FUZZ_NAME
#define FUZZ_NAME "target"
#endif

/* Targets that need no set-up do not define it. */
__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

static unsigned replay_file(const char *path)
{
  char *data = NULL;
  gsize len = 0;
  GError *error = NULL;
  if (!g_file_get_contents(path, &data, &len, &error)) {
    fprintf(stderr, "FAIL fuzz-%s: %s\n", FUZZ_NAME, error->message);
    g_error_free(error);
    return 1;
  }
  /* an exact-size copy, so ASan sees a read past the input's end */
  uint8_t *copy = g_memdup2(data, len);
  LLVMFuzzerTestOneInput(copy, len);
  g_free(copy);
  g_free(data);
  return 0;
}

static gint compare_paths(gconstpointer a, gconstpointer b)
{
  return g_strcmp0(*(char *const *)a, *(char *const *)b);
}

static void replay(const char *path, unsigned *passed, unsigned *failed)
{
  if (!g_file_test(path, G_FILE_TEST_IS_DIR)) {
    unsigned bad = replay_file(path);
    *failed += bad;
    *passed += 1 - bad;
    return;
  }
  GDir *dir = g_dir_open(path, 0, NULL);
  const char *name;
  GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
  while (dir && (name = g_dir_read_name(dir)))
    g_ptr_array_add(names, g_build_filename(path, name, NULL));
  if (dir)
    g_dir_close(dir);
  g_ptr_array_sort(names, compare_paths);
  for (unsigned i = 0; i < names->len; i++)
    replay(g_ptr_array_index(names, i), passed, failed);
  g_ptr_array_free(names, TRUE);
}

int main(int argc, char **argv)
{
  if (LLVMFuzzerInitialize)
    LLVMFuzzerInitialize(&argc, &argv);
  unsigned passed = 0, failed = 0;
  for (int i = 1; i < argc; i++)
    if (g_file_test(argv[i], G_FILE_TEST_EXISTS))
      replay(argv[i], &passed, &failed);
  printf("fuzz-%s: %u passed, %u failed\n", FUZZ_NAME, passed, failed);
  return failed ? 1 : 0;
}
