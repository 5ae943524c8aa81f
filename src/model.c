/* model.c — construction and destruction of the document model, and the
 * few derived figures (column geometry, word counts) every layer needs. */
#include "model.h"

#include <string.h>

static const char *const style_names[STYLE_COUNT] = {
  "kicker", "headline", "deck", "byline", "date", "dateline", "body", "crosshead",
  "quote", "list", "table", "caption", "credit", "folio", "pullquote", "dropcap"
};

const char *style_name(StyleId id)
{
  return id < STYLE_COUNT ? style_names[id] : "?";
}

StyleId style_from_name(const char *name)
{
  for (int i = 0; i < STYLE_COUNT; i++)
    if (strcmp(style_names[i], name) == 0)
      return (StyleId)i;
  return STYLE_COUNT;
}

void rich_text_init(RichText *rich)
{
  rich->text = g_string_new(NULL);
  rich->runs = g_array_new(FALSE, FALSE, sizeof(InlineRun));
}

void rich_text_clear(RichText *rich)
{
  if (rich->text)
    g_string_free(rich->text, TRUE);
  if (rich->runs)
    g_array_free(rich->runs, TRUE);
  rich->text = NULL;
  rich->runs = NULL;
}

RichText *rich_text_new(void)
{
  RichText *rich = g_new0(RichText, 1);
  rich_text_init(rich);
  return rich;
}

void rich_text_free(RichText *rich)
{
  if (!rich)
    return;
  rich_text_clear(rich);
  g_free(rich);
}

void rich_text_slice(const RichText *src, unsigned start, unsigned end, RichText *dest)
{
  rich_text_init(dest);
  g_string_append_len(dest->text, src->text->str + start, (gssize)(end - start));
  for (unsigned i = 0; i < src->runs->len; i++) {
    const InlineRun *run = &g_array_index(src->runs, InlineRun, i);
    if (run->end <= start || run->start >= end)
      continue;
    InlineRun clipped = { MAX(run->start, start) - start, MIN(run->end, end) - start, run->flags };
    g_array_append_val(dest->runs, clipped);
  }
}

/* Appends text; adjacent appends with the same flags extend one run. */
void rich_text_append(RichText *rich, const char *text, gssize len, unsigned flags)
{
  unsigned start = (unsigned)rich->text->len;
  g_string_append_len(rich->text, text, len);
  unsigned end = (unsigned)rich->text->len;
  if (flags == 0 || end == start)
    return;
  if (rich->runs->len > 0) {
    InlineRun *last = &g_array_index(rich->runs, InlineRun, rich->runs->len - 1);
    if (last->end == start && last->flags == flags) {
      last->end = end;
      return;
    }
  }
  InlineRun run = { start, end, flags };
  g_array_append_val(rich->runs, run);
}

Block *block_new(BlockKind kind, int source_line)
{
  Block *block = g_new0(Block, 1);
  block->kind = kind;
  block->source_line = source_line;
  if (kind == BLOCK_TABLE)
    block->table_cells = g_ptr_array_new_with_free_func((GDestroyNotify)rich_text_free);
  else
    rich_text_init(&block->content);
  return block;
}

void block_free(Block *block)
{
  if (!block)
    return;
  rich_text_clear(&block->content);
  if (block->table_cells)
    g_ptr_array_free(block->table_cells, TRUE);
  g_free(block->marker);
  g_free(block);
}

Article *article_new(const char *path)
{
  Article *article = g_new0(Article, 1);
  article->path = g_strdup(path);
  article->focus_x = article->focus_y = 0.5;
  article->blocks = g_ptr_array_new_with_free_func((GDestroyNotify)block_free);
  return article;
}

void article_free(Article *article)
{
  if (!article)
    return;
  g_ptr_array_free(article->blocks, TRUE);
  char **fields[] = { &article->path, &article->headline, &article->deck,
                      &article->byline, &article->date, &article->section,
                      &article->source, &article->dateline, &article->language,
                      &article->image, &article->caption, &article->credit,
                      &article->pullquote };
  for (size_t i = 0; i < G_N_ELEMENTS(fields); i++)
    g_free(*fields[i]);
  g_free(article);
}

void article_add_block(Article *article, Block *block)
{
  g_ptr_array_add(article->blocks, block);
}

static unsigned count_words(const char *text)
{
  unsigned words = 0;
  bool in_word = false;
  for (const char *p = text; p && *p; p++) {
    bool space = g_ascii_isspace(*p);
    if (!space && !in_word)
      words++;
    in_word = !space;
  }
  return words;
}

unsigned article_word_count(const Article *article)
{
  unsigned words = count_words(article->headline) + count_words(article->deck)
                 + count_words(article->byline) + count_words(article->caption)
                 + (article->pullquote_in_body ? count_words(article->pullquote) : 0);
  for (unsigned i = 0; i < article->blocks->len; i++) {
    const Block *block = g_ptr_array_index(article->blocks, i);
    if (block->kind == BLOCK_TABLE) {
      for (unsigned c = 0; c < block->table_cells->len; c++) {
        const RichText *cell = g_ptr_array_index(block->table_cells, c);
        words += count_words(cell->text->str);
      }
    } else if (block->content.text) {
      words += count_words(block->content.text->str);
    }
  }
  return words;
}

Layout *layout_new(void)
{
  return g_new0(Layout, 1);
}

void layout_free(Layout *layout)
{
  if (!layout)
    return;
  for (int i = 0; i < STYLE_COUNT; i++) {
    g_free(layout->styles[i].family);
    g_free(layout->styles[i].language);
  }
  g_free(layout->path);
  g_free(layout->name);
  g_free(layout->publication);
  if (layout->hyphenation.exceptions)
    g_hash_table_destroy(layout->hyphenation.exceptions);
  if (layout->read_files)
    g_ptr_array_free(layout->read_files, TRUE);
  g_free(layout->print.edition);
  g_free(layout);
}

int layout_live_width(const Layout *layout)
{
  return layout->page_width - layout->margin_left - layout->margin_right;
}

int layout_live_height(const Layout *layout)
{
  return layout->page_height - layout->margin_top - layout->margin_bottom;
}

int layout_column_width(const Layout *layout)
{
  int columns = layout->columns > 0 ? layout->columns : 1;
  return (layout_live_width(layout) - (columns - 1) * layout->gutter) / columns;
}

int layout_column_x(const Layout *layout, int column)
{
  return layout->margin_left + column * (layout_column_width(layout) + layout->gutter);
}
