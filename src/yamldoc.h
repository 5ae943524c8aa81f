/* yamldoc.h — a small YAML tree with source positions, built with libfyaml.
 *
 * Only this module includes libfyaml. The readers walk a YamlNode tree in
 * which every node knows its 1-based line and column, so their errors can
 * point at the offending key. Aliases, anchors-with-references and nesting
 * deeper than GALLEY_MAX_YAML_DEPTH are refused while parsing, so an
 * alias-expanding "billion laughs" document costs nothing. */
#ifndef GALLEY_YAMLDOC_H
#define GALLEY_YAMLDOC_H

#include <glib.h>
#include <stdbool.h>

typedef enum { YAML_SCALAR, YAML_MAPPING, YAML_SEQUENCE } YamlKind;

typedef struct YamlNode YamlNode;
struct YamlNode {
  YamlKind kind;
  int line, column;     /* 1-based */
  char *scalar;         /* YAML_SCALAR: the value, NUL-terminated */
  bool quoted;          /* scalar was quoted: never a null */
  /* YAML_MAPPING: keys[i] -> values[i]; YAML_SEQUENCE: items in values */
  GPtrArray *keys;      /* YamlNode* (scalars) */
  GPtrArray *values;    /* YamlNode* */
};

/* Parses one YAML document. text need not be NUL-terminated.
 * line_offset is added to every line (for front matter after "---").
 * Returns NULL and sets error ("FILE:LINE:COL: ...") on failure.
 * An empty document gives an empty mapping. Caller owns the result. */
YamlNode *yamldoc_parse(const char *text, size_t len, const char *file,
                        int line_offset, GError **error);

void yamldoc_free(YamlNode *node);

/* The value for key in a mapping, or NULL (borrowed). */
YamlNode *yamldoc_lookup(const YamlNode *mapping, const char *key);

/* True for a scalar that YAML reads as null ("", "~", "null"), unquoted. */
bool yamldoc_is_null(const YamlNode *node);

#endif
