/* displaylist.c — storage and JSON serialisation of the display list.
 *
 * Boxes live in one GArray in the order they were added, which is reading
 * order: a story's headline, then its columns top to bottom, left to right.
 * The JSON dump writes points with two decimals so it is stable to diff. */
#include "displaylist.h"

#include "typeset.h"

#include <string.h>

#include "artwork.h"

struct DisplayList {
  int page_width, page_height;
  int pages;
  GArray *boxes;   /* Box */
  GPtrArray *labels;   /* char*, page labels, NULL entries allowed */
  char *title, *author;
  unsigned released;   /* boxes before this one have given up their layouts */
};

static void box_clear(gpointer data)
{
  Box *box = data;
  if (box->layout)
    g_object_unref(box->layout);
  g_free(box->text);
  image_unref(box->image);
  artwork_unref(box->artwork);
  g_free(box->name);
}

DisplayList *display_list_new(int page_width, int page_height)
{
  DisplayList *list = g_new0(DisplayList, 1);
  list->page_width = page_width;
  list->page_height = page_height;
  list->boxes = g_array_new(FALSE, TRUE, sizeof(Box));
  g_array_set_clear_func(list->boxes, box_clear);
  list->labels = g_ptr_array_new_with_free_func(g_free);
  return list;
}

void display_list_free(DisplayList *list)
{
  if (!list)
    return;
  g_array_free(list->boxes, TRUE);
  g_ptr_array_free(list->labels, TRUE);
  g_free(list->title);
  g_free(list->author);
  g_free(list);
}

int display_list_add_page(DisplayList *list)
{
  return list->pages++;
}

int display_list_page_count(const DisplayList *list) { return list->pages; }
int display_list_page_width(const DisplayList *list) { return list->page_width; }
int display_list_page_height(const DisplayList *list) { return list->page_height; }

void display_list_add_text_range(DisplayList *list, int page, int story, StyleId style,
                                 PangoLayout *layout, int line_index, int start_index, int length,
                                 int x, int baseline, int width, int ascent, int descent)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly(layout, line_index);
  if (length <= 0) {
    start_index = line->start_index;
    length = line->length;
  }
  Box box = { .kind = BOX_TEXT, .page = page, .x = x, .y = baseline, .width = width,
              .height = ascent + descent, .style = style, .story = story,
              .layout = g_object_ref(layout), .line_index = line_index,
              .expansion = typeset_line_expansion(layout, start_index),
              .start_index = start_index, .length = length,
              .partial = start_index != line->start_index || length != line->length,
              .hyphen = typeset_line_hyphen(layout, start_index) };
  g_array_append_val(list->boxes, box);
}

void display_list_add_text(DisplayList *list, int page, int story, StyleId style,
                           PangoLayout *layout, int line_index, int x, int baseline,
                           int width, int ascent, int descent)
{
  display_list_add_text_range(list, page, story, style, layout, line_index, 0, -1, x, baseline,
                              width, ascent, descent);
}

void display_list_add_rule(DisplayList *list, int page, int x0, int y0, int x1, int y1,
                           int stroke)
{
  Box box = { .kind = BOX_RULE, .page = page, .x = x0, .y = y0, .width = x1 - x0,
              .height = y1 - y0, .story = -1, .rule_width = stroke };
  g_array_append_val(list->boxes, box);
}

void display_list_add_cutoff_rule(DisplayList *list, int page, int x0, int x1, int y, int stroke)
{
  display_list_add_rule(list, page, x0, y, x1, y, stroke);
  g_array_index(list->boxes, Box, list->boxes->len - 1).cutoff = true;
}

void display_list_add_gutter(DisplayList *list, int page, int x, int y0, int y1, int stroke)
{
  Box box = { .kind = BOX_GUTTER, .page = page, .x = x, .y = y0, .height = y1 - y0, .story = -1,
              .rule_width = stroke };
  g_array_append_val(list->boxes, box);
}

void display_list_add_image(DisplayList *list, int page, int story, Image *image,
                            int x, int y, int width, int height)
{
  Box box = { .kind = image ? BOX_IMAGE : BOX_PLACEHOLDER, .page = page, .x = x, .y = y,
              .width = width, .height = height, .story = story, .image = image_ref(image) };
  g_array_append_val(list->boxes, box);
}

Box *display_list_add_box(DisplayList *list, BoxKind kind, int page, int story, int x, int y,
                          int width, int height)
{
  Box box = { .kind = kind, .page = page, .x = x, .y = y, .width = width, .height = height,
              .story = story };
  g_array_append_val(list->boxes, box);
  return &g_array_index(list->boxes, Box, list->boxes->len - 1);
}

void display_list_add_artwork(DisplayList *list, int page, int story, struct Artwork *artwork,
                              int x, int y, int width, int height, bool cover, double focus_x,
                              double focus_y)
{
  Box *box = display_list_add_box(list, BOX_ARTWORK, page, story, x, y, width, height);
  box->artwork = artwork_ref(artwork);
  box->cover = cover;
  box->focus_x = focus_x;
  box->focus_y = focus_y;
}

void display_list_set_page_label(DisplayList *list, int page, const char *label)
{
  while ((int)list->labels->len <= page)
    g_ptr_array_add(list->labels, NULL);
  g_free(g_ptr_array_index(list->labels, page));
  g_ptr_array_index(list->labels, page) = g_strdup(label);
}

const char *display_list_page_label(const DisplayList *list, int page)
{
  return page >= 0 && page < (int)list->labels->len ? g_ptr_array_index(list->labels, page) : NULL;
}

void display_list_sort_pages(DisplayList *list)
{
  GArray *sorted = g_array_sized_new(FALSE, TRUE, sizeof(Box), list->boxes->len);
  g_array_set_clear_func(sorted, box_clear);
  for (int page = 0; page < list->pages; page++)
    for (unsigned i = 0; i < list->boxes->len; i++)
      if (g_array_index(list->boxes, Box, i).page == page)
        g_array_append_val(sorted, g_array_index(list->boxes, Box, i));
  g_array_set_clear_func(list->boxes, NULL);   /* the boxes moved */
  g_array_free(list->boxes, TRUE);
  list->boxes = sorted;
}

void display_list_append(DisplayList *list, DisplayList *src)
{
  for (unsigned i = 0; i < src->boxes->len; i++) {
    Box box = g_array_index(src->boxes, Box, i);
    box.page += list->pages;
    g_array_append_val(list->boxes, box);
  }
  g_array_set_clear_func(src->boxes, NULL);
  g_array_set_size(src->boxes, 0);
  g_array_set_clear_func(src->boxes, box_clear);
  list->pages += src->pages;
  src->pages = 0;
}

unsigned display_list_box_count(const DisplayList *list)
{
  return list->boxes->len;
}

const Box *display_list_box(const DisplayList *list, unsigned index)
{
  return &g_array_index(list->boxes, Box, index);
}

char *display_list_box_text(const Box *box)
{
  if (box->kind != BOX_TEXT)
    return g_strdup("");
  if (!box->layout)
    return g_strdup(box->text);
  const char *text = pango_layout_get_text(box->layout);
  char *range = g_strndup(text + box->start_index, (gsize)box->length);
  if (!box->hyphen)
    return range;
  char *hyphenated = g_strconcat(range, pango_layout_get_text(box->hyphen), NULL);
  g_free(range);
  return hyphenated;
}

DisplayList *display_list_copy_page(const DisplayList *list, int page, unsigned first)
{
  DisplayList *copy = display_list_new(list->page_width, list->page_height);
  copy->pages = page + 1;
  for (unsigned i = first; i < list->boxes->len; i++) {
    Box box = g_array_index(list->boxes, Box, i);
    if (box.page > page)
      break;
    if (box.page < page)
      continue;
    if (box.layout)
      g_object_ref(box.layout);
    if (box.image)
      image_ref(box.image);
    if (box.artwork)
      artwork_ref(box.artwork);
    box.name = g_strdup(box.name);
    box.text = g_strdup(box.text);
    g_array_append_val(copy->boxes, box);
  }
  return copy;
}

void display_list_release_pages(DisplayList *list, int last_page)
{
  for (; list->released < list->boxes->len; list->released++) {
    Box *box = &g_array_index(list->boxes, Box, list->released);
    if (box->page > last_page)
      break;
    if (box->kind != BOX_TEXT || !box->layout)
      continue;
    box->text = display_list_box_text(box);
    g_object_unref(box->layout);
    box->layout = NULL;
    box->hyphen = NULL;
  }
}

void display_list_set_metadata(DisplayList *list, const char *title, const char *author)
{
  g_free(list->title);
  g_free(list->author);
  list->title = g_strdup(title);
  list->author = g_strdup(author);
}

const char *display_list_title(const DisplayList *list) { return list->title; }
const char *display_list_author(const DisplayList *list) { return list->author; }

static void append_json_string(GString *out, const char *text)
{
  g_string_append_c(out, '"');
  for (const char *p = text; *p; p++) {
    unsigned char c = (unsigned char)*p;
    if (c == '"' || c == '\\')
      g_string_append_printf(out, "\\%c", c);
    else if (c < 0x20)
      g_string_append_printf(out, "\\u%04x", c);
    else
      g_string_append_c(out, (char)c);
  }
  g_string_append_c(out, '"');
}

static void append_points(GString *out, const char *name, int units)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd(buf, sizeof buf, "%.2f", units / (double)PANGO_SCALE);
  g_string_append_printf(out, "\"%s\": %s", name, buf);
}

static const char *const box_kinds[] = { "text", "rule", "image", "placeholder", "fill", "artwork",
                                         "link", "dest", "mark", "region", "gutter" };

static void append_box(GString *out, const Box *box)
{
  g_string_append_printf(out, "{\"kind\": \"%s\", ", box_kinds[box->kind]);
  append_points(out, "x", box->x);
  g_string_append(out, ", ");
  append_points(out, box->kind == BOX_TEXT ? "baseline" : "y", box->y);
  g_string_append(out, ", ");
  append_points(out, "width", box->width);
  g_string_append(out, ", ");
  append_points(out, "height", box->height);
  if (box->kind == BOX_TEXT) {
    g_string_append_printf(out, ", \"style\": \"%s\", \"story\": %d, \"text\": ",
                           style_name(box->style), box->story);
    char *text = display_list_box_text(box);
    append_json_string(out, text);
    g_free(text);
    if (box->expansion)
      g_string_append_printf(out, ", \"expansion\": %d", box->expansion);
    const char *actual = typeset_actual_text(box->layout);
    if (actual) {   /* what a reader extracts for the box: a drop cap's word */
      g_string_append(out, ", \"actual_text\": ");
      append_json_string(out, actual);
    }
    if (typeset_silent_prefix(box->layout) > 0)
      g_string_append_printf(out, ", \"silent_bytes\": %d", typeset_silent_prefix(box->layout));
  } else if (box->kind == BOX_RULE || box->kind == BOX_GUTTER) {
    g_string_append(out, ", ");
    append_points(out, "stroke", box->rule_width);
  } else {
    g_string_append_printf(out, ", \"story\": %d", box->story);
  }
  if (box->kind == BOX_ARTWORK && box->cover) {
    char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd(x, sizeof x, "%.2f", box->focus_x);
    g_ascii_formatd(y, sizeof y, "%.2f", box->focus_y);
    g_string_append_printf(out, ", \"cropped\": true, \"focus\": [%s, %s]", x, y);
  }
  if (box->name) {
    g_string_append(out, ", \"name\": ");
    append_json_string(out, box->name);
  }
  g_string_append(out, "}");
}

char *display_list_to_json(const DisplayList *list)
{
  GString *out = g_string_new("{\n  ");
  append_points(out, "page_width", list->page_width);
  g_string_append(out, ",\n  ");
  append_points(out, "page_height", list->page_height);
  g_string_append(out, ",\n  \"pages\": [");
  for (int page = 0; page < list->pages; page++) {
    g_string_append_printf(out, "%s\n    {\"page\": %d, ", page ? "," : "", page + 1);
    if (display_list_page_label(list, page)) {
      g_string_append(out, "\"label\": ");
      append_json_string(out, display_list_page_label(list, page));
      g_string_append(out, ", ");
    }
    g_string_append(out, "\"boxes\": [");
    bool first = true;
    for (unsigned i = 0; i < list->boxes->len; i++) {
      const Box *box = display_list_box(list, i);
      if (box->page != page)
        continue;
      g_string_append(out, first ? "\n      " : ",\n      ");
      append_box(out, box);
      first = false;
    }
    g_string_append(out, "\n    ]}");
  }
  g_string_append(out, "\n  ]\n}\n");
  return g_string_free(out, FALSE);
}
