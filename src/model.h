/* model.h — galley's document model: articles and layouts as plain data.
 *
 * The readers fill these structures; composition reads them. Nothing here
 * knows about YAML, Markdown, Pango or cairo. Geometry is kept in Pango units
 * (1/1024 pt, int) so composition never converts; sizes a user wrote in a
 * layout file are converted once, by the layout reader.
 *
 * Ownership: an Article owns every string and block in it (article_free);
 * a Layout owns its styles and strings (layout_free). */
#ifndef GALLEY_MODEL_H
#define GALLEY_MODEL_H

#include <glib.h>
#include <stdbool.h>

/* ---- Articles ---------------------------------------------------------- */

typedef enum {
  INLINE_EM = 1 << 0,
  INLINE_STRONG = 1 << 1,
  INLINE_CODE = 1 << 2,
  INLINE_STRIKE = 1 << 3
} InlineFlags;

/* A stretch of a RichText's bytes [start, end) carrying style flags. */
typedef struct {
  unsigned start, end;
  unsigned flags;
} InlineRun;

/* Text with inline emphasis: UTF-8 text plus runs over byte ranges. */
typedef struct {
  GString *text;
  GArray *runs;   /* InlineRun, sorted, non-overlapping */
} RichText;

typedef enum {
  BLOCK_PARAGRAPH,
  BLOCK_CROSSHEAD,   /* ## and ### (and # inside a body) */
  BLOCK_QUOTE,       /* a paragraph inside a blockquote */
  BLOCK_LIST_ITEM,   /* one paragraph of a list item */
  BLOCK_CODE,        /* preformatted lines, kept as they are */
  BLOCK_RULE,        /* a thematic break */
  BLOCK_TABLE        /* rows x cells of RichText */
} BlockKind;

typedef struct {
  BlockKind kind;
  int level;          /* crosshead: heading level; list/quote: nesting depth */
  char *marker;       /* list item: "•" or "3."; NULL for continuation paragraphs */
  RichText content;   /* unused for BLOCK_TABLE and BLOCK_RULE */
  int source_line;    /* 1-based line in the article file, 0 if unknown */
  /* tables only */
  unsigned table_columns;
  unsigned table_header_rows;
  GPtrArray *table_cells;   /* RichText*, row-major, rows * table_columns */
} Block;

typedef struct {
  char *path;         /* as the user named it */
  char *headline;     /* required */
  char *deck, *byline, *date, *section, *source, *dateline, *language;
  char *image;        /* resolved relative to the article's folder */
  char *caption, *credit;
  char *pullquote;    /* a line of the story set large across two columns */
  bool pullquote_in_body;   /* it is a marked blockquote of the body, whose words it carries */
  int dropcap;        /* front matter: 0 not said, -1 none, 1 yes (the layout's height), N lines */
  int priority;
  int image_line;     /* where `image:` was written, for warnings */
  double focus_x, focus_y;   /* `focus:` the photo's point kept when cropping, 0..1 (0.5: centre) */
  int body_first_line;
  GPtrArray *blocks;  /* Block*, owned */
} Article;

Article *article_new(const char *path);
void article_free(Article *article);
void article_add_block(Article *article, Block *block);

Block *block_new(BlockKind kind, int source_line);
void block_free(Block *block);

void rich_text_init(RichText *rich);
void rich_text_clear(RichText *rich);
void rich_text_append(RichText *rich, const char *text, gssize len, unsigned flags);
RichText *rich_text_new(void);
void rich_text_free(RichText *rich);
/* Copies bytes [start, end) of src into dest (initialised), runs clipped. */
void rich_text_slice(const RichText *src, unsigned start, unsigned end, RichText *dest);

/* Number of whitespace-separated words in the article's printed fields. */
unsigned article_word_count(const Article *article);

/* ---- Layouts ------------------------------------------------------------ */

typedef enum {
  STYLE_KICKER, STYLE_HEADLINE, STYLE_DECK, STYLE_BYLINE, STYLE_DATE, STYLE_DATELINE,
  STYLE_BODY, STYLE_CROSSHEAD, STYLE_QUOTE, STYLE_LIST, STYLE_TABLE,
  STYLE_CAPTION, STYLE_CREDIT, STYLE_FOLIO, STYLE_PULLQUOTE, STYLE_DROPCAP,
  STYLE_COUNT
} StyleId;

typedef enum { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT, ALIGN_JUSTIFY } Alignment;

typedef struct {
  char *family;
  int weight;          /* CSS-like: 400 regular, 700 bold */
  bool italic;
  bool uppercase;      /* set in capitals (bylines, credits) */
  int size;            /* Pango units */
  int leading;         /* baseline to baseline, Pango units */
  Alignment align;
  int indent;          /* first-line indent, Pango units */
  int space_before, space_after;   /* Pango units */
  int letter_spacing;  /* Pango units, may be negative */
  char *language;      /* NULL: the article's */
  int source_line;     /* where the style was defined, for errors */
} Style;

const char *style_name(StyleId id);
/* Returns STYLE_COUNT when name is not a style. */
StyleId style_from_name(const char *name);

/* How far justification may bend the text, microtype-style; every layout
 * states its own (README: "Justification"). */
typedef struct {
  int word_stretch;     /* per cent of a space's width a space may grow */
  int word_shrink;      /* ... and shrink */
  int letter_spacing;   /* per mille of the words' width, either way */
  int expansion;        /* per mille glyph expansion, either way */
  bool protrusion;      /* hang line-end hyphens and punctuation into the margin */
} Justification;

/* House rules for hyphenation (README: "Hyphenation"). */
typedef struct {
  int min_word;         /* shorter words stay whole */
  int min_left, min_right;   /* letters kept before and after a break */
  int max_consecutive;  /* hyphenated lines in a row */
  bool capitalized;     /* hyphenate capitalised words (names) as readily as others */
  bool last_word;       /* hyphenate a paragraph's last word */
  GHashTable *exceptions;   /* language tag ("en", "pt-br") -> HouseDict (housedict.h), or NULL */
} Hyphenation;
/* Print production (a layout's `print:` block, `build --print`, `--pdfx`). */
typedef enum { PDFX_NONE, PDFX_GRAY, PDFX_CMYK } PdfxColour;

typedef struct {
  bool marks;             /* bleed, crop and registration marks, slug line */
  int bleed;              /* Pango units beyond the trim */
  double min_photo_ppi;   /* photos below this at their printed size are warned about */
  char *edition;          /* for the slug line; NULL omits it */
  PdfxColour pdfx;        /* PDF/X through Ghostscript, in gray or CMYK */
} PrintSettings;

typedef struct {
  char *path;
  char *name;
  int page_width, page_height;                        /* Pango units */
  int margin_top, margin_bottom, margin_left, margin_right;
  int columns;
  int gutter;
  int baseline;                                       /* grid pitch */
  bool column_rules;
  int rule_width;
  int headline_columns;   /* columns a headline spans; 0 = all */
  int photo_columns;      /* columns a story's photo spans; 0 = all */
  int photo_max_height;   /* tallest photo, Pango units */
  int headline_max_lines; /* a longer headline is set smaller ... */
  int headline_min_size;  /* ... but never below this, Pango units */
  int story_gap;          /* grid lines between one story and the next */
  bool folio;             /* print a folio line at the head of every page */
  char *publication;      /* for the folio when articles name none */
  int dropcap_lines;      /* drop caps this many lines tall; 0: only where an article asks */
  int widow_lines;        /* fewest lines of a paragraph at a column's head */
  int orphan_lines;       /* ... and at its foot */
  Justification justification;
  Hyphenation hyphenation;
  PrintSettings print;
  Style styles[STYLE_COUNT];
  GPtrArray *read_files;  /* char*: files read with the layout (house dictionaries), or NULL */
} Layout;

Layout *layout_new(void);
void layout_free(Layout *layout);

int layout_live_width(const Layout *layout);
int layout_live_height(const Layout *layout);
int layout_column_width(const Layout *layout);
/* Left edge of column i (0-based), from the page's left edge. */
int layout_column_x(const Layout *layout, int column);

#endif
