/* fuzz.h — what every libFuzzer target shares: one entry point per target,
 * and the rule that a target aborts (so libFuzzer saves the input) when an
 * invariant it checks does not hold.
 *
 * A target is one file, tests/fuzz/fuzz_NAME.c, defining
 * LLVMFuzzerTestOneInput (and LLVMFuzzerInitialize if it needs set-up), plus
 * a seed corpus in tests/fuzz/NAME/. `make fuzz` builds every such file;
 * `make fuzz-smoke` runs every target that has a seed folder. Targets run
 * from the repository's root (they read layouts/ and fonts/). */
#ifndef GALLEY_FUZZ_H
#define GALLEY_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* An invariant broken: say which, and abort so libFuzzer keeps the input. */
#define FUZZ_ASSERT(condition, what)                                              \
  do {                                                                            \
    if (!(condition)) {                                                           \
      fprintf(stderr, "fuzz: %s:%d: %s (%s)\n", __FILE__, __LINE__, what, #condition); \
      abort();                                                                    \
    }                                                                             \
  } while (0)

#endif
