/* check.h — the smallest test harness that does the job.
 *
 * TEST(name) defines a test; CHECK* record failures with file and line and
 * carry on; main() comes from RUN_TESTS(...), which prints one line per
 * failure and a closing "N passed, N failed" line read by tests/run.sh. */
#ifndef GALLEY_CHECK_H
#define GALLEY_CHECK_H

#include <glib.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static int check_failures_in_test;
static bool check_skipped_test;

/* A test that cannot run here (../shared absent) says why and is counted
 * as skipped, not passed. */
#define SKIP(...)                                                                    \
  do {                                                                               \
    fprintf(stderr, "  skip: " __VA_ARGS__);                                         \
    fprintf(stderr, "\n");                                                           \
    check_skipped_test = true;                                                       \
  } while (0)

#define TEST(name) static void name(void)

#define CHECK(cond)                                                                  \
  do {                                                                               \
    if (!(cond)) {                                                                   \
      fprintf(stderr, "  %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond);     \
      check_failures_in_test++;                                                      \
    }                                                                                \
  } while (0)

#define CHECK_INT(actual, expected)                                                  \
  do {                                                                               \
    long long a_ = (long long)(actual), e_ = (long long)(expected);                  \
    if (a_ != e_) {                                                                  \
      fprintf(stderr, "  %s:%d: %s is %lld, expected %lld\n", __FILE__, __LINE__,    \
              #actual, a_, e_);                                                      \
      check_failures_in_test++;                                                      \
    }                                                                                \
  } while (0)

#define CHECK_STR(actual, expected)                                                  \
  do {                                                                               \
    const char *a_ = (actual), *e_ = (expected);                                     \
    if (!a_ || !e_ || strcmp(a_, e_) != 0) {                                         \
      fprintf(stderr, "  %s:%d: %s is\n    \"%s\"\n  expected\n    \"%s\"\n",        \
              __FILE__, __LINE__, #actual, a_ ? a_ : "(null)", e_ ? e_ : "(null)");  \
      check_failures_in_test++;                                                      \
    }                                                                                \
  } while (0)

typedef struct {
  const char *name;
  void (*run)(void);
} TestCase;

static int run_test_cases(const char *suite, const TestCase *cases, size_t count)
{
  int passed = 0, failed = 0, skipped = 0;
  for (size_t i = 0; i < count; i++) {
    check_failures_in_test = 0;
    check_skipped_test = false;
    cases[i].run();
    if (check_failures_in_test == 0 && check_skipped_test) {
      skipped++;
    } else if (check_failures_in_test == 0) {
      passed++;
    } else {
      failed++;
      fprintf(stderr, "FAIL %s: %s\n", suite, cases[i].name);
    }
  }
  if (skipped)
    printf("%s: %d passed, %d failed, %d skipped\n", suite, passed, failed, skipped);
  else
    printf("%s: %d passed, %d failed\n", suite, passed, failed);
  fflush(stdout);   /* LeakSanitizer ends the process without flushing */
  return failed ? 1 : 0;
}

#define T(name) { #name, name }
#define RUN_TESTS(suite, ...)                                                        \
  int main(void)                                                                     \
  {                                                                                  \
    static const TestCase cases_[] = { __VA_ARGS__ };                                \
    return run_test_cases(suite, cases_, G_N_ELEMENTS(cases_));                      \
  }

#endif
