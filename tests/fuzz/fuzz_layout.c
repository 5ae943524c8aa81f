/* fuzz_layout.c — the layout reader (YAML page templates).
 *
 * Any bytes either give a layout whose geometry holds (columns inside the
 * page, at least one column) or an error naming the file. */
#include <string.h>

#include "fuzz.h"
#include "layout.h"

static void check_geometry(const Layout *layout)
{
  FUZZ_ASSERT(layout->columns >= 1, "a layout without columns was accepted");
  FUZZ_ASSERT(layout_live_width(layout) > 0 && layout_live_height(layout) > 0,
              "a layout without a live area was accepted");
  FUZZ_ASSERT(layout_column_width(layout) > 0, "a layout with columns of no width was accepted");
  int last = layout->columns - 1;
  FUZZ_ASSERT(layout_column_x(layout, last) + layout_column_width(layout) <=
                  layout->page_width - layout->margin_right + layout->columns,
              "the last column runs past the right margin");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  GError *error = NULL;
  Layout *layout = layout_read_buffer("fuzz/layout.yaml", (const char *)data, size, &error);
  if (layout) {
    FUZZ_ASSERT(error == NULL, "a layout and an error both returned");
    check_geometry(layout);
    layout_free(layout);
  } else {
    FUZZ_ASSERT(error != NULL, "no layout and no error");
    FUZZ_ASSERT(strncmp(error->message, "fuzz/layout.yaml", 16) == 0, "the error does not name the file");
    g_error_free(error);
  }
  return 0;
}
