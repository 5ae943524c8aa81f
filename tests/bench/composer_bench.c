/* composer_bench.c — what galley's paragraph composer costs next to Pango's
 * own greedy breaking, on the same paragraphs (issue 4: at most 1.2 times).
 *
 *   composer_bench FONTS_DIR LAYOUT.yaml ARTICLE.md...
 *
 * Every body paragraph of the articles is set at the layout's column width
 * in its body style, as story.c sets it (hard line breaks split it, the
 * dateline runs in before the first one, web addresses may break, the first
 * paragraph and one after a crosshead are not indented), two ways:
 *   pango   one PangoLayout per paragraph, width + justify + wrap, its
 *           lines computed and walked (itemize, shape, break: Pango alone);
 *   galley  typeset_paragraph with the hyphenation points story.c gives it
 *           (shape, total-fit breaking, each line set with its own spacing).
 * Hyphenation points are found beforehand, as a third figure: they are
 * libhyphen's cost, not the composer's. A fourth, each paragraph shaped on
 * one unbroken line, is what shaping alone costs, inside both. Each figure is the median of RUNS
 * timed passes over all paragraphs (CPU time of the process) after one
 * warm-up pass; pango and galley passes alternate, so drift hits both.
 * Prints one JSON object. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "article.h"
#include "fonts.h"
#include "hyphenate.h"
#include "layout.h"
#include "typeset.h"

#define RUNS 5
#define LINE_SEPARATOR "\xe2\x80\xa8"

typedef struct {
  TypesetRequest request;
  RichText text;        /* as typeset_paragraph gets it: address breaks marked */
  RichText printed;     /* the same with the dateline run in, for Pango alone */
  GArray *points;       /* HyphenPoint */
  const char *language;
} Paragraph;

static double cpu_ms(void)
{
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double median(double *values, int n)
{
  qsort(values, (size_t)n, sizeof *values, by_value);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* The dateline as typeset.c runs it in: bold capitals and a dash. */
static void printed_text(const RichText *text, const char *lead_in, RichText *out)
{
  rich_text_init(out);
  unsigned shift = 0;
  if (lead_in && *lead_in) {
    char *upper = g_utf8_strup(lead_in, -1);
    rich_text_append(out, upper, -1, INLINE_STRONG);
    rich_text_append(out, " — ", -1, 0);
    g_free(upper);
    shift = (unsigned)out->text->len;
  }
  g_string_append_len(out->text, text->text->str, (gssize)text->text->len);
  for (unsigned i = 0; i < text->runs->len; i++) {
    InlineRun run = g_array_index(text->runs, InlineRun, i);
    run.start += shift;
    run.end += shift;
    g_array_append_val(out->runs, run);
  }
}

static void add_piece(GArray *paragraphs, const Layout *layout, const Article *article,
                      const RichText *content, unsigned start, unsigned end, bool indented,
                      bool lead_in)
{
  Paragraph p = { 0 };
  rich_text_slice(content, start, end, &p.text);
  hyphenator_mark_address_breaks(&p.text);
  p.language = article->language ? article->language : layout->styles[STYLE_BODY].language;
  p.request = (TypesetRequest){ .style = STYLE_BODY, .width = layout_column_width(layout),
                                .language = article->language, .indent_first_line = indented,
                                .lead_in = lead_in ? article->dateline : NULL };
  printed_text(&p.text, p.request.lead_in, &p.printed);
  g_array_append_val(paragraphs, p);
}

/* The body paragraphs of an article, split at hard line breaks. */
static void collect(GArray *paragraphs, const Layout *layout, const Article *article)
{
  bool indented = false, first = true;
  for (unsigned i = 0; i < article->blocks->len; i++) {
    const Block *block = g_ptr_array_index(article->blocks, i);
    if (block->kind != BLOCK_PARAGRAPH) {
      indented = block->kind != BLOCK_CROSSHEAD;
      continue;
    }
    const RichText *content = &block->content;
    unsigned start = 0, len = (unsigned)content->text->len;
    for (;;) {
      const char *found = g_strstr_len(content->text->str + start, len - start, LINE_SEPARATOR);
      unsigned end = found ? (unsigned)(found - content->text->str) : len;
      add_piece(paragraphs, layout, article, content, start, end, start == 0 && indented,
                start == 0 && first);
      if (!found)
        break;
      start = end + (unsigned)strlen(LINE_SEPARATOR);
    }
    indented = true;
    first = false;
  }
}

static long pango_pass(Typesetter *ts, GArray *paragraphs)
{
  long lines = 0;
  for (unsigned i = 0; i < paragraphs->len; i++) {
    Paragraph *p = &g_array_index(paragraphs, Paragraph, i);
    PangoLayout *layout = typeset_rich(ts, &p->request, &p->printed);
    lines += pango_layout_get_line_count(layout);
    PangoLayoutIter *iter = pango_layout_get_iter(layout);
    do
      lines += pango_layout_iter_get_baseline(iter) < 0;   /* never: keeps the walk */
    while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    g_object_unref(layout);
  }
  return lines;
}

static long shape_pass(Typesetter *ts, GArray *paragraphs)
{
  long lines = 0;
  for (unsigned i = 0; i < paragraphs->len; i++) {
    Paragraph *p = &g_array_index(paragraphs, Paragraph, i);
    TypesetRequest unbroken = p->request;
    unbroken.width = -1;
    PangoLayout *layout = typeset_rich(ts, &unbroken, &p->printed);
    lines += pango_layout_get_line_count(layout);
    g_object_unref(layout);
  }
  return lines;
}

static long galley_pass(Typesetter *ts, GArray *paragraphs)
{
  long lines = 0;
  for (unsigned i = 0; i < paragraphs->len; i++) {
    Paragraph *p = &g_array_index(paragraphs, Paragraph, i);
    GArray *set = typeset_paragraph(ts, &p->request, &p->text, p->points);
    lines += set->len;
    g_array_unref(set);
  }
  return lines;
}

static void hyphenate_pass(Hyphenator *hyphenator, GArray *paragraphs, bool keep)
{
  for (unsigned i = 0; i < paragraphs->len; i++) {
    Paragraph *p = &g_array_index(paragraphs, Paragraph, i);
    GArray *points = hyphenator_points(hyphenator, p->language, &p->text);
    if (keep && !p->points)
      p->points = points;
    else
      g_array_unref(points);
  }
}

static long count_words(GArray *paragraphs)
{
  long words = 0;
  for (unsigned i = 0; i < paragraphs->len; i++) {
    const char *s = g_array_index(paragraphs, Paragraph, i).printed.text->str;
    for (bool in_word = false; *s; s++) {
      bool space = g_ascii_isspace(*s);
      words += !space && !in_word;
      in_word = !space;
    }
  }
  return words;
}

static void print_times(const char *name, double *ms)
{
  printf("  \"%s_ms\": [", name);
  for (int r = 0; r < RUNS; r++)
    printf("%s%.2f", r ? ", " : "", ms[r]);
  printf("],\n");
}

static int run(Typesetter *ts, Hyphenator *hyphenator, GArray *paragraphs)
{
  double pango[RUNS], galley[RUNS], hyphenation[RUNS], shaping[RUNS];
  hyphenate_pass(hyphenator, paragraphs, true);
  long pango_lines = pango_pass(ts, paragraphs), galley_lines = galley_pass(ts, paragraphs);
  shape_pass(ts, paragraphs);
  for (int r = 0; r < RUNS; r++) {
    for (int k = 0; k < 2; k++) {
      double t0 = cpu_ms();
      if ((r + k) % 2 == 0)
        pango_pass(ts, paragraphs);
      else
        galley_pass(ts, paragraphs);
      double t = cpu_ms() - t0;
      *((r + k) % 2 == 0 ? &pango[r] : &galley[r]) = t;
    }
    double t0 = cpu_ms();
    hyphenate_pass(hyphenator, paragraphs, false);
    hyphenation[r] = cpu_ms() - t0;
    t0 = cpu_ms();
    shape_pass(ts, paragraphs);
    shaping[r] = cpu_ms() - t0;
  }
  printf("{\n  \"paragraphs\": %u,\n  \"words\": %ld,\n", paragraphs->len, count_words(paragraphs));
  printf("  \"pango_lines\": %ld,\n  \"galley_lines\": %ld,\n  \"runs\": %d,\n", pango_lines,
         galley_lines, RUNS);
  print_times("pango", pango);
  print_times("galley", galley);
  print_times("hyphenation", hyphenation);
  print_times("shaping", shaping);
  double mp = median(pango, RUNS), mg = median(galley, RUNS), mh = median(hyphenation, RUNS);
  printf("  \"shaping_median_ms\": %.2f,\n", median(shaping, RUNS));
  printf("  \"pango_median_ms\": %.2f,\n  \"galley_median_ms\": %.2f,\n", mp, mg);
  printf("  \"hyphenation_median_ms\": %.2f,\n", mh);
  printf("  \"ratio\": %.3f,\n  \"ratio_with_hyphenation\": %.3f\n}\n", mg / mp, (mg + mh) / mp);
  return pango_lines > 0 && galley_lines > 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
  if (argc < 4) {
    fprintf(stderr, "usage: composer_bench FONTS_DIR LAYOUT.yaml ARTICLE.md...\n");
    return 2;
  }
  GError *error = NULL;
  Layout *layout = layout_read_file(argv[2], &error);
  Fonts *fonts = layout ? fonts_new(argv[1], &error) : NULL;
  if (!fonts) {
    fprintf(stderr, "composer_bench: %s\n", error->message);
    return 2;
  }
  GArray *paragraphs = g_array_new(FALSE, TRUE, sizeof(Paragraph));
  GPtrArray *articles = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
  for (int i = 3; i < argc; i++) {
    Article *article = article_read_file(argv[i], &error);
    if (!article) {
      fprintf(stderr, "composer_bench: %s\n", error->message);
      return 2;
    }
    g_ptr_array_add(articles, article);
    collect(paragraphs, layout, article);
  }
  Typesetter *ts = typesetter_new(fonts_font_map(fonts), layout);
  Hyphenator *hyphenator = hyphenator_new(NULL);
  int status = run(ts, hyphenator, paragraphs);
  for (unsigned i = 0; i < paragraphs->len; i++) {
    Paragraph *p = &g_array_index(paragraphs, Paragraph, i);
    rich_text_clear(&p->text);
    rich_text_clear(&p->printed);
    if (p->points)
      g_array_unref(p->points);
  }
  g_array_free(paragraphs, TRUE);
  hyphenator_free(hyphenator);
  typesetter_free(ts);
  g_ptr_array_free(articles, TRUE);
  fonts_free(fonts);
  layout_free(layout);
  return status;
}
