/* markdown.c — md4c callbacks that build Article blocks.
 *
 * md4c reports a tree as enter/leave events. We keep a small context stack
 * (quote depth, open lists with their numbering, whether we are in a table
 * cell) and a "current block" that text is appended to. Tight list items
 * have no paragraph event, so a list item's block is created on first text.
 * Text pointers from md4c point into our buffer, which gives each block its
 * source line by binary search over the line starts.
 *
 * A blockquote right after an HTML comment `<!-- pullquote -->` is the
 * article's pull quote (unless the front matter names one): its text
 * leaves the body for Article.pullquote. Other renderers show it as the
 * quote it is and the comment not at all. */
#include "markdown.h"

#include <md4c.h>
#include <string.h>

#include "diag.h"
#include "galley_limits.h"

typedef struct {
  bool ordered;
  unsigned next_number;
  char delimiter;
} ListContext;

typedef struct {
  Article *article;
  const char *body;
  size_t body_len;
  int first_line;
  GArray *line_starts;        /* size_t offsets of each line start */
  Block *current;             /* block receiving text, borrowed */
  RichText *cell;             /* table cell receiving text, borrowed */
  int quote_depth;
  GArray *lists;              /* ListContext */
  bool item_has_block;        /* the open list item already made a block */
  unsigned span_flags;
  unsigned flag_depth[4];     /* nesting count per inline flag bit */
  int html_block;             /* inside an HTML block */
  bool in_table_head;
  unsigned table_row_cells;
  bool pending_ampersand;     /* an escaped '&' that may begin "#233;" */
  bool too_deep;              /* nesting past the limit: md4c 0.4.8 does not always
                                 stop when a callback says so, so we remember */
  bool pullquote_marked;      /* the block just read was a <!-- pullquote --> comment */
  int pullquote_from;         /* first block of the marked blockquote being read, or -1 */
} Reader;

static int line_of_pointer(const Reader *r, const char *p)
{
  if (p < r->body || p > r->body + r->body_len)
    return 0;
  size_t offset = (size_t)(p - r->body);
  unsigned lo = 0, hi = r->line_starts->len;
  while (hi - lo > 1) {
    unsigned mid = (lo + hi) / 2;
    if (g_array_index(r->line_starts, size_t, mid) <= offset)
      lo = mid;
    else
      hi = mid;
  }
  return r->first_line + (int)lo;
}

static void index_lines(Reader *r)
{
  r->line_starts = g_array_new(FALSE, FALSE, sizeof(size_t));
  size_t zero = 0;
  g_array_append_val(r->line_starts, zero);
  for (size_t i = 0; i < r->body_len; i++)
    if (r->body[i] == '\n') {
      size_t next = i + 1;
      g_array_append_val(r->line_starts, next);
    }
}

static char *list_marker(Reader *r)
{
  if (r->lists->len == 0)
    return NULL;
  ListContext *list = &g_array_index(r->lists, ListContext, r->lists->len - 1);
  if (!list->ordered)
    return g_strdup(r->lists->len > 1 ? "–" : "•");
  return g_strdup_printf("%u%c", list->next_number++, list->delimiter ? list->delimiter : '.');
}

static Block *start_block(Reader *r, BlockKind kind, int level)
{
  Block *block = block_new(kind, 0);
  block->level = level;
  article_add_block(r->article, block);
  r->current = block;
  return block;
}

/* The block text goes to when no paragraph is open (tight list items). */
static void ensure_block(Reader *r)
{
  if (r->current || r->cell)
    return;
  if (r->lists->len > 0) {
    Block *block = start_block(r, BLOCK_LIST_ITEM, (int)r->lists->len);
    if (!r->item_has_block)
      block->marker = list_marker(r);
    r->item_has_block = true;
    return;
  }
  start_block(r, r->quote_depth > 0 ? BLOCK_QUOTE : BLOCK_PARAGRAPH, r->quote_depth);
}

static void begin_paragraph(Reader *r)
{
  r->current = NULL;
  ensure_block(r);
}

static void begin_table_cell(Reader *r)
{
  Block *table = r->current;
  if (!table || table->kind != BLOCK_TABLE)
    return;
  r->cell = rich_text_new();
  g_ptr_array_add(table->table_cells, r->cell);
  r->table_row_cells++;
}

/* Pads short rows so the table stays rectangular. */
static void end_table_row(Reader *r)
{
  Block *table = r->current;
  if (!table || table->kind != BLOCK_TABLE)
    return;
  if (table->table_columns == 0)
    table->table_columns = r->table_row_cells;
  while (r->table_row_cells < table->table_columns) {
    g_ptr_array_add(table->table_cells, rich_text_new());
    r->table_row_cells++;
  }
  if (r->in_table_head)
    table->table_header_rows++;
  r->table_row_cells = 0;
}

static void flush_pending_ampersand(Reader *r)
{
  if (r->pending_ampersand && (r->current || r->cell))
    rich_text_append(r->cell ? r->cell : &r->current->content, "&", 1, r->span_flags);
  r->pending_ampersand = false;
}

static bool is_blank(const char *text, size_t len)
{
  for (size_t i = 0; i < len; i++)
    if (!g_ascii_isspace(text[i]))
      return false;
  return true;
}

/* "<!-- pullquote -->" (also "pull quote", "pull-quote", any case), alone
 * in its HTML block. */
static bool is_pullquote_marker(const char *text, size_t len)
{
  char *html = g_strstrip(g_strndup(text, len));
  size_t n = strlen(html);
  bool marker = false;
  if (n >= 7 && strncmp(html, "<!--", 4) == 0 && strcmp(html + n - 3, "-->") == 0) {
    GString *word = g_string_new(NULL);
    for (size_t i = 4; i < n - 3; i++)
      if (html[i] != ' ' && html[i] != '-' && html[i] != '\t')
        g_string_append_c(word, g_ascii_tolower(html[i]));
    marker = strcmp(word->str, "pullquote") == 0;
    g_string_free(word, TRUE);
  }
  g_free(html);
  return marker;
}

/* Moves the text of the marked blockquote's blocks (from `first` on) to
 * the article's pull quote, paragraphs joined by spaces. A quote holding
 * anything but paragraphs (a list, a table) stays in the body as it is. */
static void take_pullquote(Reader *r, unsigned first)
{
  GPtrArray *blocks = r->article->blocks;
  GString *quote = g_string_new(NULL);
  for (unsigned i = first; i < blocks->len; i++) {
    const Block *block = g_ptr_array_index(blocks, i);
    if (block->kind != BLOCK_QUOTE) {
      g_string_free(quote, TRUE);
      return;
    }
    char *text = g_strstrip(g_strdup(block->content.text->str));
    if (*text)
      g_string_append_printf(quote, "%s%s", quote->len ? " " : "", text);
    g_free(text);
  }
  if (quote->len == 0) {
    g_string_free(quote, TRUE);
    return;
  }
  r->article->pullquote = g_string_free(quote, FALSE);
  r->article->pullquote_in_body = true;
  g_ptr_array_remove_range(blocks, first, blocks->len - first);
}

static int enter_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
  Reader *r = userdata;
  flush_pending_ampersand(r);
  bool marked = r->pullquote_marked;   /* only the very next block is marked */
  r->pullquote_marked = false;
  switch (type) {
  case MD_BLOCK_QUOTE:
    if (r->quote_depth == 0 && marked && !r->article->pullquote)
      r->pullquote_from = (int)r->article->blocks->len;
    r->quote_depth++;
    r->current = NULL;
    break;
  case MD_BLOCK_UL:
  case MD_BLOCK_OL: {
    if (r->lists->len >= GALLEY_MAX_BLOCK_DEPTH) {
      r->too_deep = true;
      return 1;
    }
    ListContext list = { type == MD_BLOCK_OL, 1, '.' };
    if (type == MD_BLOCK_OL) {
      MD_BLOCK_OL_DETAIL *ol = detail;
      list.next_number = ol->start;
      list.delimiter = ol->mark_delimiter;
    }
    g_array_append_val(r->lists, list);
    r->current = NULL;
    break;
  }
  case MD_BLOCK_LI: r->item_has_block = false; r->current = NULL; break;
  case MD_BLOCK_HR: start_block(r, BLOCK_RULE, 0); r->current = NULL; break;
  case MD_BLOCK_H: start_block(r, BLOCK_CROSSHEAD, (int)((MD_BLOCK_H_DETAIL *)detail)->level); break;
  case MD_BLOCK_CODE: start_block(r, BLOCK_CODE, 0); break;
  case MD_BLOCK_HTML: r->html_block++; begin_paragraph(r); break;
  case MD_BLOCK_P: begin_paragraph(r); break;
  case MD_BLOCK_TABLE: start_block(r, BLOCK_TABLE, 0); break;
  case MD_BLOCK_THEAD: r->in_table_head = true; break;
  case MD_BLOCK_TBODY: r->in_table_head = false; break;
  case MD_BLOCK_TR: r->table_row_cells = 0; break;
  case MD_BLOCK_TH:
  case MD_BLOCK_TD: begin_table_cell(r); break;
  default: break;
  }
  return 0;
}

static int leave_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
  (void)detail;
  Reader *r = userdata;
  flush_pending_ampersand(r);
  switch (type) {
  case MD_BLOCK_QUOTE:
    r->quote_depth--;
    r->current = NULL;
    if (r->quote_depth == 0 && r->pullquote_from >= 0)
      take_pullquote(r, (unsigned)r->pullquote_from);
    r->pullquote_from = r->quote_depth > 0 ? r->pullquote_from : -1;
    break;
  case MD_BLOCK_UL:
  case MD_BLOCK_OL: g_array_set_size(r->lists, r->lists->len - 1); r->current = NULL; break;
  case MD_BLOCK_LI: r->current = NULL; break;
  case MD_BLOCK_HTML: r->html_block--; r->current = NULL; break;
  case MD_BLOCK_TH:
  case MD_BLOCK_TD: r->cell = NULL; break;
  case MD_BLOCK_TR: end_table_row(r); break;
  case MD_BLOCK_TABLE:
  case MD_BLOCK_H:
  case MD_BLOCK_CODE:
  case MD_BLOCK_P: r->current = NULL; break;
  default: break;
  }
  return 0;
}

static unsigned span_flag(MD_SPANTYPE type)
{
  switch (type) {
  case MD_SPAN_EM: return INLINE_EM;
  case MD_SPAN_STRONG: return INLINE_STRONG;
  case MD_SPAN_CODE: return INLINE_CODE;
  case MD_SPAN_DEL: return INLINE_STRIKE;
  default: return 0;
  }
}

/* Flags nest (***a*** opens two ems); a count per bit keeps them honest. */
static int enter_span(MD_SPANTYPE type, void *detail, void *userdata)
{
  (void)detail;
  Reader *r = userdata;
  flush_pending_ampersand(r);
  unsigned flag = span_flag(type);
  if (flag) {
    r->flag_depth[g_bit_nth_lsf(flag, -1)]++;
    r->span_flags |= flag;
  }
  return 0;
}

static int leave_span(MD_SPANTYPE type, void *detail, void *userdata)
{
  (void)detail;
  Reader *r = userdata;
  flush_pending_ampersand(r);
  unsigned flag = span_flag(type);
  if (flag) {
    int bit = g_bit_nth_lsf(flag, -1);
    if (r->flag_depth[bit] > 0 && --r->flag_depth[bit] == 0)
      r->span_flags &= ~flag;
  }
  return 0;
}

typedef struct { const char *name; const char *text; } Entity;

static const Entity named_entities[] = {
  { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" },
  { "nbsp", "\xc2\xa0" }, { "mdash", "—" }, { "ndash", "–" }, { "hellip", "…" },
  { "lsquo", "‘" }, { "rsquo", "’" }, { "ldquo", "“" }, { "rdquo", "”" },
  { "laquo", "«" }, { "raquo", "»" }, { "copy", "©" }, { "reg", "®" },
  { "trade", "™" }, { "deg", "°" }, { "euro", "€" }, { "pound", "£" },
  { "middot", "·" }, { "bull", "•" }, { "times", "×" }, { "shy", "\xc2\xad" },
};

/* Appends an entity's character; an unknown one stays as written, so no
 * text is ever lost to a typo. */
static void append_entity(RichText *rich, const char *text, size_t len, unsigned flags)
{
  char *name = g_strndup(text, len);
  char utf8[8];
  const char *out = NULL;
  if (len > 3 && name[1] == '#') {
    gunichar c = (name[2] == 'x' || name[2] == 'X')
                   ? (gunichar)g_ascii_strtoull(name + 3, NULL, 16)
                   : (gunichar)g_ascii_strtoull(name + 2, NULL, 10);
    if (c == 0 || !g_unichar_validate(c))
      c = 0xFFFD;
    utf8[g_unichar_to_utf8(c, utf8)] = '\0';
    out = utf8;
  } else if (len > 2) {
    for (size_t i = 0; i < G_N_ELEMENTS(named_entities); i++)
      if (strlen(named_entities[i].name) == len - 2 &&
          strncmp(named_entities[i].name, name + 1, len - 2) == 0)
        out = named_entities[i].text;
  }
  rich_text_append(rich, out ? out : text, out ? -1 : (gssize)len, flags);
  g_free(name);
}

/* Removes tags from a run of HTML, keeping the text between them. */
static void append_html_text(RichText *rich, const char *text, size_t len, unsigned flags)
{
  bool in_tag = false;
  size_t start = 0;
  for (size_t i = 0; i < len; i++) {
    if (!in_tag && text[i] == '<') {
      rich_text_append(rich, text + start, (gssize)(i - start), flags);
      in_tag = true;
    } else if (in_tag && text[i] == '>') {
      in_tag = false;
      start = i + 1;
    }
  }
  if (!in_tag)
    rich_text_append(rich, text + start, (gssize)(len - start), flags);
}

static bool is_break_tag(const char *text, size_t len)
{
  return len >= 3 && g_ascii_strncasecmp(text, "<br", 3) == 0;
}

/* Length of a numeric character reference body "#233;" or "#xE9;" at the
 * start of text, or 0. */
static size_t numeric_reference_length(const char *text, size_t len)
{
  size_t i = 1;
  if (len < 3 || text[0] != '#')
    return 0;
  bool hex = text[1] == 'x' || text[1] == 'X';
  i += hex ? 1 : 0;
  size_t digits = i;
  while (i < len && (hex ? g_ascii_isxdigit(text[i]) : g_ascii_isdigit(text[i])) && i - digits < 7)
    i++;
  return i > digits && i < len && text[i] == ';' ? i + 1 : 0;
}

/* Scraped copy often carries numeric references as text, escaped in the
 * Markdown ("risqu\&#233;"). A newspaper never wants "&#233;" printed, so
 * an escaped ampersand followed by a numeric reference prints its
 * character. Returns how many bytes of text were used. */
static size_t resolve_pending_ampersand(Reader *r, RichText *target, const char *text, size_t len,
                                        unsigned flags)
{
  if (!r->pending_ampersand)
    return 0;
  r->pending_ampersand = false;
  size_t reference = numeric_reference_length(text, len);
  if (reference == 0) {
    rich_text_append(target, "&", 1, flags);
    return 0;
  }
  char *entity = g_strdup_printf("&%.*s", (int)reference, text);
  append_entity(target, entity, strlen(entity), flags);
  g_free(entity);
  return reference;
}

static int on_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *userdata)
{
  Reader *r = userdata;
  ensure_block(r);
  RichText *target = r->cell ? r->cell : &r->current->content;
  if (type == MD_TEXT_NORMAL) {
    size_t used = resolve_pending_ampersand(r, target, text, size, r->span_flags);
    text += used;
    size -= (MD_SIZE)used;
    if (size == 1 && text[0] == '&' && !r->html_block) {
      r->pending_ampersand = true;
      return 0;
    }
  } else {
    resolve_pending_ampersand(r, target, "", 0, r->span_flags);
  }
  if (r->current && r->current->source_line == 0)
    r->current->source_line = line_of_pointer(r, text);
  unsigned flags = r->span_flags;
  switch (type) {
  case MD_TEXT_NULLCHAR: rich_text_append(target, "\xef\xbf\xbd", -1, flags); break;
  /* U+2028 breaks the line without ending the paragraph in Pango */
  case MD_TEXT_BR: rich_text_append(target, "\xe2\x80\xa8", -1, flags); break;
  case MD_TEXT_SOFTBR: rich_text_append(target, " ", 1, flags); break;
  case MD_TEXT_ENTITY: append_entity(target, text, size, flags); break;
  case MD_TEXT_HTML:
    if (r->html_block && target->text->len == 0) {   /* a block's leading newlines */
      while (size > 0 && (*text == '\n' || *text == ' ')) {
        text++;
        size--;
      }
    }
    if (r->html_block && is_pullquote_marker(text, size))
      r->pullquote_marked = true;
    else if (r->html_block && !is_blank(text, size))
      r->pullquote_marked = false;
    if (r->html_block)
      append_html_text(target, text, size, flags);
    else if (is_break_tag(text, size))
      rich_text_append(target, "\xe2\x80\xa8", -1, flags);
    break;
  default: rich_text_append(target, text, (gssize)size, flags); break;
  }
  return 0;
}

/* Drops blocks that ended up with no visible text (an HTML comment, say),
 * and trims trailing newlines md4c leaves in code and HTML blocks. */
static void tidy_blocks(Article *article, unsigned first_new)
{
  for (unsigned i = article->blocks->len; i-- > first_new;) {
    Block *block = g_ptr_array_index(article->blocks, i);
    if (block->kind == BLOCK_TABLE || block->kind == BLOCK_RULE)
      continue;
    GString *text = block->content.text;
    while (text->len > 0 && (text->str[text->len - 1] == '\n' || text->str[text->len - 1] == ' '))
      g_string_truncate(text, text->len - 1);
    for (unsigned k = 0; k < block->content.runs->len; k++) {
      InlineRun *run = &g_array_index(block->content.runs, InlineRun, k);
      run->end = MIN(run->end, (unsigned)text->len);
      run->start = MIN(run->start, run->end);
    }
    bool blank = true;
    for (gsize k = 0; k < text->len && blank; k++)
      blank = g_ascii_isspace(text->str[k]);
    if (blank)
      g_ptr_array_remove_index(article->blocks, i);
  }
}

bool markdown_read_body(Article *article, const char *body, size_t len,
                        int first_line, GError **error)
{
  Reader r = { .article = article, .body = body, .body_len = len, .first_line = first_line,
               .pullquote_from = -1 };
  index_lines(&r);
  r.lists = g_array_new(FALSE, FALSE, sizeof(ListContext));
  unsigned first_new = article->blocks->len;
  MD_PARSER parser = {
    .abi_version = 0,
    .flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS,
    .enter_block = enter_block,
    .leave_block = leave_block,
    .enter_span = enter_span,
    .leave_span = leave_span,
    .text = on_text,
  };
  int status = md_parse(body, (MD_SIZE)len, &parser, &r);
  g_array_free(r.lists, TRUE);
  g_array_free(r.line_starts, TRUE);
  if (status != 0 || r.too_deep) {
    diag_set_error(error, GALLEY_ERROR_LIMIT, article->path, first_line, 0,
                   "the body nests lists or quotes more than %d deep; flatten it",
                   GALLEY_MAX_BLOCK_DEPTH);
    return false;
  }
  tidy_blocks(article, first_new);
  return true;
}
