/* article.c — splits front matter from body, reads the front matter's
 * known keys, and hands the body to the Markdown reader.
 *
 * The front matter ends at the first line that is exactly "---" or "..."
 * (trailing blanks allowed). Line numbers given to the YAML and Markdown
 * readers are offsets into the whole file so their messages point at the
 * right line. */
#include "article.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "galley_limits.h"
#include "markdown.h"
#include "yamldoc.h"

/* Length of the line starting at p, without its line ending. */
static size_t line_length(const char *p, const char *end)
{
  const char *q = p;
  while (q < end && *q != '\n')
    q++;
  return (size_t)(q - p);
}

static bool is_fence(const char *p, size_t n, bool closing)
{
  while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
    n--;
  if (n != 3)
    return false;
  return memcmp(p, "---", 3) == 0 || (closing && memcmp(p, "...", 3) == 0);
}

typedef struct {
  const char *yaml;
  size_t yaml_len;
  const char *body;
  size_t body_len;
  int body_line;   /* 1-based line where the body starts */
} Parts;

static bool split_front_matter(const char *path, const char *data, size_t len,
                               Parts *parts, GError **error)
{
  const char *end = data + len;
  size_t first = line_length(data, end);
  if (!is_fence(data, first, false)) {
    diag_set_error(error, GALLEY_ERROR_INPUT, path, 1, 1,
                   "no front matter: an article starts with a line '---', then "
                   "'headline: ...', then '---' (see ARTICLE-FORMAT.md)");
    return false;
  }
  const char *p = data + first + (data + first < end ? 1 : 0);
  int line = 2;
  parts->yaml = p;
  while (p < end) {
    size_t n = line_length(p, end);
    if (is_fence(p, n, true)) {
      parts->yaml_len = (size_t)(p - parts->yaml);
      parts->body = p + n + (p + n < end ? 1 : 0);
      parts->body_len = (size_t)(end - parts->body);
      parts->body_line = line + 1;
      return true;
    }
    p += n + (p + n < end ? 1 : 0);
    line++;
  }
  diag_set_error(error, GALLEY_ERROR_INPUT, path, 1, 1,
                 "the front matter block opened here is never closed; "
                 "add a line '---' after the last key");
  return false;
}

typedef struct {
  const char *key;
  size_t offset;
} FieldKey;

#define FIELD(name) { #name, offsetof(Article, name) }
static const FieldKey text_fields[] = {
  FIELD(headline), FIELD(deck), FIELD(byline), FIELD(date), FIELD(section),
  FIELD(source), FIELD(dateline), FIELD(language), FIELD(caption), FIELD(credit), FIELD(pullquote),
};
#undef FIELD

/* A front-matter value for a text field: a scalar, or a list of scalars
 * (several bylines) joined with " and ". */
static char *field_text(const char *path, const YamlNode *value, const char *key,
                        GError **error)
{
  if (value->kind == YAML_SCALAR)
    return yamldoc_is_null(value) ? NULL : g_strstrip(g_strdup(value->scalar));
  if (value->kind == YAML_SEQUENCE) {
    GString *joined = g_string_new(NULL);
    for (unsigned i = 0; i < value->values->len; i++) {
      const YamlNode *item = g_ptr_array_index(value->values, i);
      if (item->kind != YAML_SCALAR)
        break;
      if (joined->len)
        g_string_append(joined, i + 1 == value->values->len ? " and " : ", ");
      g_string_append(joined, item->scalar);
    }
    return g_string_free(joined, joined->len == 0);
  }
  diag_set_error(error, GALLEY_ERROR_INPUT, path, value->line, value->column,
                 "'%s' must be text, not a mapping", key);
  return NULL;
}

static char *resolve_image(const char *article_path, const char *image)
{
  if (g_path_is_absolute(image))
    return g_strdup(image);
  char *dir = g_path_get_dirname(article_path);
  char *full = g_build_filename(dir, image, NULL);
  g_free(dir);
  return full;
}

/* `dropcap: true`, `false`, or a number of lines from 2 to 6. */
static bool read_dropcap(Article *article, const YamlNode *value, GError **error)
{
  if (!value || yamldoc_is_null(value))
    return true;
  const char *s = value->kind == YAML_SCALAR ? value->scalar : "";
  char *end = NULL;
  long lines = strtol(s, &end, 10);
  if (!g_ascii_strcasecmp(s, "true") || !g_ascii_strcasecmp(s, "yes"))
    article->dropcap = 1;
  else if (!g_ascii_strcasecmp(s, "false") || !g_ascii_strcasecmp(s, "no"))
    article->dropcap = -1;
  else if (end != s && *end == '\0' && lines >= 2 && lines <= 6)
    article->dropcap = (int)lines;
  else {
    diag_set_error(error, GALLEY_ERROR_INPUT, article->path, value->line, value->column,
                   "'dropcap' must be true, false or a number of lines from 2 to 6");
    return false;
  }
  return true;
}

/* One coordinate of `focus:`: a fraction (0.3) or a percentage (30%). */
static bool focus_value(const char *text, double *out)
{
  char *end = NULL;
  double v = g_ascii_strtod(text, &end);
  if (end == text)
    return false;
  if (*end == '%') {
    v /= 100;
    end++;
  }
  *out = v;
  return *end == '\0' && v >= 0 && v <= 1;
}

/* `focus: 30% 20%`, `focus: 0.3, 0.2` or `focus: [0.3, 0.2]`: the point of
 * the photo (from its left and top) that cropping keeps in view. */
static bool read_focus(Article *article, const YamlNode *value, GError **error)
{
  char **parts = NULL;
  if (value->kind == YAML_SCALAR)
    parts = g_strsplit_set(value->scalar, " ,", -1);
  else if (value->kind == YAML_SEQUENCE && value->values->len == 2) {
    parts = g_new0(char *, 3);
    for (int i = 0; i < 2; i++) {
      const YamlNode *item = g_ptr_array_index(value->values, i);
      parts[i] = g_strdup(item->kind == YAML_SCALAR ? item->scalar : "");
    }
  }
  double xy[2];
  int n = 0;
  bool ok = parts != NULL;
  for (int i = 0; ok && parts[i]; i++) {
    if (!*parts[i])
      continue;
    ok = n < 2 && focus_value(parts[i], &xy[n]);
    n++;
  }
  g_strfreev(parts);
  if (!ok || n != 2) {
    diag_set_error(error, GALLEY_ERROR_INPUT, article->path, value->line, value->column,
                   "'focus' is the point of the photo to keep when it is cropped, from its left "
                   "and top: two fractions or percentages such as 'focus: 30%% 20%%'");
    return false;
  }
  article->focus_x = xy[0];
  article->focus_y = xy[1];
  return true;
}

static bool read_front_matter(Article *article, const YamlNode *root, GError **error)
{
  if (root->kind != YAML_MAPPING) {
    diag_set_error(error, GALLEY_ERROR_INPUT, article->path, root->line, root->column,
                   "the front matter must be 'key: value' lines");
    return false;
  }
  for (size_t i = 0; i < G_N_ELEMENTS(text_fields); i++) {
    const YamlNode *value = yamldoc_lookup(root, text_fields[i].key);
    if (!value)
      continue;
    GError *local = NULL;
    char *text = field_text(article->path, value, text_fields[i].key, &local);
    if (local) {
      g_propagate_error(error, local);
      return false;
    }
    *(char **)((char *)article + text_fields[i].offset) = text;
  }
  const YamlNode *image = yamldoc_lookup(root, "image");
  if (image && image->kind == YAML_SCALAR && !yamldoc_is_null(image)) {
    article->image = resolve_image(article->path, image->scalar);
    article->image_line = image->line;
  }
  if (!read_dropcap(article, yamldoc_lookup(root, "dropcap"), error))
    return false;
  const YamlNode *focus = yamldoc_lookup(root, "focus");
  if (focus && !read_focus(article, focus, error))
    return false;
  const YamlNode *priority = yamldoc_lookup(root, "priority");
  if (priority && priority->kind == YAML_SCALAR)
    article->priority = atoi(priority->scalar);
  if (!article->headline || !*article->headline) {
    const YamlNode *at = yamldoc_lookup(root, "headline");
    diag_set_error(error, GALLEY_ERROR_INPUT, article->path, at ? at->line : 2, at ? at->column : 1,
                   "the article has no headline; add 'headline: ...' to the front matter");
    return false;
  }
  return true;
}

Article *article_read_buffer(const char *path, const char *data, size_t len, GError **error)
{
  if (len > GALLEY_MAX_INPUT_BYTES) {
    diag_set_error(error, GALLEY_ERROR_LIMIT, path, 0, 0,
                   "is %zu bytes; articles are limited to %u bytes", len,
                   GALLEY_MAX_INPUT_BYTES);
    return NULL;
  }
  if (!diag_check_utf8(path, data, len, error))
    return NULL;
  if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
    data += 3;
    len -= 3;
  }
  bool blank = true;
  for (size_t i = 0; i < len && blank; i++)
    blank = g_ascii_isspace(data[i]);
  if (blank) {
    diag_set_error(error, GALLEY_ERROR_INPUT, path, 0, 0,
                   "the file is empty; an article needs front matter and a body");
    return NULL;
  }
  Parts parts;
  if (!split_front_matter(path, data, len, &parts, error))
    return NULL;
  YamlNode *root = yamldoc_parse(parts.yaml, parts.yaml_len, path, 1, error);
  if (!root)
    return NULL;
  Article *article = article_new(path);
  article->body_first_line = parts.body_line;
  bool ok = read_front_matter(article, root, error) &&
            markdown_read_body(article, parts.body, parts.body_len, parts.body_line, error);
  yamldoc_free(root);
  if (ok && article->blocks->len == 0) {
    diag_set_error(error, GALLEY_ERROR_INPUT, path, parts.body_line, 0,
                   "the article has no body text; write its paragraphs after the closing '---'");
    ok = false;
  }
  if (!ok) {
    article_free(article);
    return NULL;
  }
  return article;
}

Article *article_read_file(const char *path, GError **error)
{
  char *data = NULL;
  gsize len = 0;
  if (!diag_read_file(path, "article", &data, &len, error))
    return NULL;
  Article *article = article_read_buffer(path, data, len, error);
  g_free(data);
  return article;
}
