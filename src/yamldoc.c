/* yamldoc.c — builds a YamlNode tree from libfyaml's event stream.
 *
 * The event API is used instead of libfyaml's document tree because events
 * carry marks (line, column) for every node, and because refusing aliases
 * and deep nesting as events arrive bounds time and memory on hostile input.
 * A stack of open collections is kept; a mapping alternates key, value. */
#include "yamldoc.h"

#include <libfyaml.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "galley_limits.h"

typedef struct {
  const char *file;
  int line_offset;
  GPtrArray *stack;     /* open YamlNode* collections */
  YamlNode *root;
  unsigned node_count;
  GError **error;
} Builder;

static YamlNode *node_new(YamlKind kind, const struct fy_mark *mark, int line_offset)
{
  YamlNode *node = g_new0(YamlNode, 1);
  node->kind = kind;
  node->line = (mark ? mark->line : 0) + 1 + line_offset;
  node->column = (mark ? mark->column : 0) + 1;
  if (kind != YAML_SCALAR) {
    node->keys = g_ptr_array_new_with_free_func((GDestroyNotify)yamldoc_free);
    node->values = g_ptr_array_new_with_free_func((GDestroyNotify)yamldoc_free);
  }
  return node;
}

void yamldoc_free(YamlNode *node)
{
  if (!node)
    return;
  g_free(node->scalar);
  if (node->keys)
    g_ptr_array_free(node->keys, TRUE);
  if (node->values)
    g_ptr_array_free(node->values, TRUE);
  g_free(node);
}

/* Attaches a finished node to the open collection, or makes it the root. */
static bool builder_attach(Builder *b, YamlNode *node)
{
  if (b->stack->len == 0) {
    yamldoc_free(b->root);
    b->root = node;
    return true;
  }
  YamlNode *parent = g_ptr_array_index(b->stack, b->stack->len - 1);
  if (parent->kind == YAML_SEQUENCE) {
    g_ptr_array_add(parent->values, node);
    return true;
  }
  if (parent->keys->len == parent->values->len) {
    if (node->kind != YAML_SCALAR) {
      diag_set_error(b->error, GALLEY_ERROR_INPUT, b->file, node->line, node->column,
                     "a mapping key must be a plain word; write 'key: value'");
      yamldoc_free(node);
      return false;
    }
    for (unsigned i = 0; i < parent->keys->len; i++) {
      YamlNode *key = g_ptr_array_index(parent->keys, i);
      if (strcmp(key->scalar, node->scalar) == 0) {
        diag_set_error(b->error, GALLEY_ERROR_INPUT, b->file, node->line, node->column,
                       "key '%s' appears twice (first on line %d); keep one",
                       node->scalar, key->line);
        yamldoc_free(node);
        return false;
      }
    }
    g_ptr_array_add(parent->keys, node);
  } else {
    g_ptr_array_add(parent->values, node);
  }
  return true;
}

static bool builder_open(Builder *b, YamlKind kind, struct fy_event *event)
{
  if (b->stack->len >= GALLEY_MAX_YAML_DEPTH) {
    const struct fy_mark *mark = fy_event_start_mark(event);
    diag_set_error(b->error, GALLEY_ERROR_LIMIT, b->file,
                   (mark ? mark->line : 0) + 1 + b->line_offset, mark ? mark->column + 1 : 0,
                   "YAML nested deeper than %d levels; flatten the document",
                   GALLEY_MAX_YAML_DEPTH);
    return false;
  }
  YamlNode *node = node_new(kind, fy_event_start_mark(event), b->line_offset);
  g_ptr_array_add(b->stack, node);
  return true;
}

static bool builder_close(Builder *b)
{
  YamlNode *node = g_ptr_array_steal_index(b->stack, b->stack->len - 1);
  return builder_attach(b, node);
}

static bool builder_scalar(Builder *b, struct fy_event *event)
{
  size_t len = 0;
  const char *text = fy_token_get_text(event->scalar.value, &len);
  if (text && memchr(text, '\0', len)) {   /* an escape such as "\0": the rest of the value would be lost */
    const struct fy_mark *mark = fy_event_start_mark(event);
    diag_set_error(b->error, GALLEY_ERROR_INPUT, b->file,
                   (mark ? mark->line : 0) + 1 + b->line_offset, mark ? mark->column + 1 : 0,
                   "a YAML value holds a NUL character (an escape such as \\0); remove it");
    return false;
  }
  YamlNode *node = node_new(YAML_SCALAR, fy_event_start_mark(event), b->line_offset);
  node->scalar = g_strndup(text ? text : "", len);
  enum fy_scalar_style style = fy_token_scalar_style(event->scalar.value);
  node->quoted = style != FYSS_PLAIN && style != FYSS_ANY;
  return builder_attach(b, node);
}

static bool builder_event(Builder *b, struct fy_event *event)
{
  if (++b->node_count > GALLEY_MAX_YAML_NODES) {
    diag_set_error(b->error, GALLEY_ERROR_LIMIT, b->file, 0, 0,
                   "more than %d YAML nodes; this is not a galley file",
                   GALLEY_MAX_YAML_NODES);
    return false;
  }
  const struct fy_mark *mark = fy_event_start_mark(event);
  switch (event->type) {
  case FYET_MAPPING_START: return builder_open(b, YAML_MAPPING, event);
  case FYET_SEQUENCE_START: return builder_open(b, YAML_SEQUENCE, event);
  case FYET_MAPPING_END:
  case FYET_SEQUENCE_END: return builder_close(b);
  case FYET_SCALAR: return builder_scalar(b, event);
  case FYET_ALIAS:   /* the mark is on the name; point at its '*' */
    diag_set_error(b->error, GALLEY_ERROR_INPUT, b->file,
                   (mark ? mark->line : 0) + 1 + b->line_offset, mark ? MAX(1, mark->column) : 0,
                   "YAML aliases (*name) are not supported; write the value out");
    return false;
  default: return true;
  }
}

/* The errors libfyaml does not collect it reports only as formatted text
 * ("<input>:LINE:COL: error: MESSAGE"); the first report is kept and read
 * back into a location and a message of ours. */
static void capture_first_report(struct fy_diag *diag, void *user, const char *buf, size_t len)
{
  (void)diag;
  GString *first = user;
  if (first->len == 0)
    g_string_append_len(first, buf, (gssize)len);
}

static struct fy_diag *capturing_diag_new(GString *first)
{
  struct fy_diag_cfg cfg;
  fy_diag_cfg_default(&cfg);
  cfg.fp = NULL;
  cfg.output_fn = capture_first_report;
  cfg.user = first;
  cfg.colorize = false;
  cfg.show_source = false;
  cfg.show_position = true;
  cfg.level = FYET_ERROR;
  struct fy_diag *diag = fy_diag_create(&cfg);
  /* Collected, errors are not formatted with their source line: libfyaml
   * 0.7 writes that past its buffer on a long line of tabs (a crash the
   * edition fuzz target found). */
  if (diag)
    fy_diag_set_collect_errors(diag, true);
  return diag;
}

static void report_parse_error(const char *report, const char *file, int line_offset,
                               GError **error)
{
  const char *marker = strstr(report, ": error: ");
  int line = 0, column = 0;
  if (marker) {
    const char *p = marker;
    while (p > report && g_ascii_isdigit(p[-1]))
      p--;
    column = atoi(p);
    if (p > report && p[-1] == ':') {
      const char *q = p - 1;
      while (q > report && g_ascii_isdigit(q[-1]))
        q--;
      line = atoi(q);
    }
    char *message = g_strstrip(g_strndup(marker + 9, strcspn(marker + 9, "\n")));
    diag_set_error(error, GALLEY_ERROR_INPUT, file, line > 0 ? line + line_offset : 0, column,
                   "invalid YAML: %s", message);
    g_free(message);
    return;
  }
  diag_set_error(error, GALLEY_ERROR_INPUT, file, 0, 0, "invalid YAML");
}

/* The last character before i on its line that is not a blank; '\n' when
 * there is none. */
static char previous_on_line(const char *text, size_t i)
{
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t'))
    i--;
  return i == 0 ? '\n' : text[i - 1];
}

/* Whether a bracket or quote at i begins a value rather than sitting inside
 * a plain scalar ("hou{{{", "it's"): in a flow collection after an
 * indicator; in block context after a blank that follows a line start,
 * "key:", "-" or "?". */
static bool begins_value(const char *text, size_t i, int depth)
{
  char before = previous_on_line(text, i);
  if (depth > 0)
    return strchr("[{,:\n", before) != NULL;
  bool blank_before = i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n';
  return blank_before && strchr(":-?\n", before) != NULL;
}

/* libfyaml reads a whole run of nested flow collections ("[[[[...") before
 * it reports the first, holding some 300 bytes for each: a 2 MB line of
 * brackets took 560 MB. Counting them first (outside quotes, comments and
 * plain scalars) refuses such a document at once. The same scan refuses
 * block explicit keys ("? key"), which no galley file needs: libfyaml
 * 0.7.12 crashes freeing its parser after "? x :\t:" (found by fuzzing). */
static bool check_flow_depth(const char *text, size_t len, const char *file, int line_offset,
                             GError **error)
{
  int depth = 0, line = 1, col = 0;
  char quote = 0;
  for (size_t i = 0; i < len; i++) {
    char c = text[i];
    col = c == '\n' ? 0 : col + 1;
    line += c == '\n';
    if (quote) {
      if (quote == '"' && c == '\\' && i + 1 < len && text[i + 1] != '\n')
        i++, col++;
      else if (c == quote)
        quote = 0;
    } else if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n')) {
      while (i + 1 < len && text[i + 1] != '\n')
        i++;
    } else if ((c == '"' || c == '\'') && begins_value(text, i, depth)) {
      quote = c;
    } else if ((c == '[' || c == '{') && (depth > 0 || begins_value(text, i, depth)) &&
               ++depth > GALLEY_MAX_YAML_DEPTH) {
      diag_set_error(error, GALLEY_ERROR_LIMIT, file, line + line_offset, col,
                     "YAML nested deeper than %d levels; flatten the document",
                     GALLEY_MAX_YAML_DEPTH);
      return false;
    } else if ((c == ']' || c == '}') && depth > 0) {
      depth--;
    } else if (c == '?' && depth == 0 && begins_value(text, i, depth) &&
               (i + 1 == len || strchr(" \t\r\n", text[i + 1]))) {
      diag_set_error(error, GALLEY_ERROR_INPUT, file, line + line_offset, col,
                     "'? ' starts a YAML explicit key, which galley does not read; write "
                     "'key: value' (and quote a value that begins with '?')");
      return false;
    }
  }
  return true;
}

YamlNode *yamldoc_parse(const char *text, size_t len, const char *file,
                        int line_offset, GError **error)
{
  /* The readers check first, with better positions; this is for any other
   * caller: libfyaml 0.8 loops for ever on a directive followed by invalid
   * UTF-8 ("%\x8f"). */
  if (!diag_check_utf8(file, text, len, error))
    return NULL;
  if (!check_flow_depth(text, len, file, line_offset, error))
    return NULL;
  GString *diagnostic = g_string_new(NULL);
  struct fy_diag *diag = capturing_diag_new(diagnostic);
  struct fy_parse_cfg cfg = { .flags = FYPCF_QUIET, .diag = diag };
  struct fy_parser *parser = fy_parser_create(&cfg);
  Builder b = { .file = file, .line_offset = line_offset,
                .stack = g_ptr_array_new_with_free_func((GDestroyNotify)yamldoc_free),
                .error = error };
  bool ok = parser && fy_parser_set_string(parser, text, len) == 0;
  bool seen_document = false;
  struct fy_event *event;
  while (ok && (event = fy_parser_parse(parser)) != NULL) {
    if (event->type == FYET_DOCUMENT_START && seen_document) {
      const struct fy_mark *mark = fy_event_start_mark(event);
      diag_set_error(error, GALLEY_ERROR_INPUT, file,
                     (mark ? mark->line : 0) + 1 + line_offset, 0,
                     "more than one YAML document; remove the second '---'");
      ok = false;
    }
    if (event->type == FYET_DOCUMENT_START)
      seen_document = true;
    if (ok)
      ok = builder_event(&b, event);
    fy_parser_event_free(parser, event);
  }
  if (ok && parser && fy_parser_get_stream_error(parser)) {
    void *iter = NULL;
    struct fy_diag_error *first = diag ? fy_diag_errors_iterate(diag, &iter) : NULL;
    if (first && first->msg)
      diag_set_error(error, GALLEY_ERROR_INPUT, file, first->line > 0 ? first->line + line_offset : 0,
                     MAX(first->column, 0), "invalid YAML: %s", first->msg);
    else   /* not every error is collected: some are only written */
      report_parse_error(diagnostic->str, file, line_offset, error);
    ok = false;
  }
  if (ok && !b.root)
    b.root = node_new(YAML_MAPPING, NULL, line_offset);
  if (!ok) {
    yamldoc_free(b.root);
    b.root = NULL;
  }
  g_ptr_array_free(b.stack, TRUE);
  if (parser)
    fy_parser_destroy(parser);
  if (diag)
    fy_diag_destroy(diag);   /* frees the collected errors too */
  g_string_free(diagnostic, TRUE);
  return b.root;
}

YamlNode *yamldoc_lookup(const YamlNode *mapping, const char *key)
{
  if (!mapping || mapping->kind != YAML_MAPPING)
    return NULL;
  for (unsigned i = 0; i < mapping->keys->len; i++) {
    YamlNode *k = g_ptr_array_index(mapping->keys, i);
    if (strcmp(k->scalar, key) == 0)
      return i < mapping->values->len ? g_ptr_array_index(mapping->values, i) : NULL;
  }
  return NULL;
}

bool yamldoc_is_null(const YamlNode *node)
{
  if (!node || node->kind != YAML_SCALAR || node->quoted)
    return false;
  return node->scalar[0] == '\0' || strcmp(node->scalar, "~") == 0 ||
         strcmp(node->scalar, "null") == 0 || strcmp(node->scalar, "Null") == 0 ||
         strcmp(node->scalar, "NULL") == 0;
}
