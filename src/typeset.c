/* typeset.c — Pango layouts from styles and rich text.
 *
 * One PangoContext serves the whole run; its font options turn hinting off
 * so metrics are the same for PDF and PNG output, and glyph positions are not
 * rounded, so justified spacing is exact. Font descriptions are made once per
 * style. Every layout wraps WORD_CHAR: a word wider than its column is broken
 * between characters rather than allowed past the column edge. */
#include "typeset.h"

#include <pango/pangocairo.h>
#include <string.h>

struct Typesetter {
  PangoContext *context;
  const Layout *layout;
  PangoFontDescription *fonts[STYLE_COUNT];
};

static PangoFontDescription *style_font(const Style *style)
{
  PangoFontDescription *desc = pango_font_description_new();
  /* set_family, not a parsed string: "Nimbus Roman" would lose "Roman" */
  pango_font_description_set_family(desc, style->family ? style->family : "serif");
  pango_font_description_set_weight(desc, (PangoWeight)style->weight);
  pango_font_description_set_style(desc, style->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_font_description_set_absolute_size(desc, style->size);
  return desc;
}

Typesetter *typesetter_new(PangoFontMap *map, const Layout *layout)
{
  Typesetter *ts = g_new0(Typesetter, 1);
  ts->layout = layout;
  ts->context = pango_font_map_create_context(map);
  pango_cairo_context_set_resolution(ts->context, 72.0);
  cairo_font_options_t *options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(ts->context, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(ts->context, FALSE);
  for (int i = 0; i < STYLE_COUNT; i++)
    ts->fonts[i] = style_font(&layout->styles[i]);
  return ts;
}

void typesetter_free(Typesetter *ts)
{
  if (!ts)
    return;
  for (int i = 0; i < STYLE_COUNT; i++)
    pango_font_description_free(ts->fonts[i]);
  g_object_unref(ts->context);
  g_free(ts);
}

int typeset_leading(const Typesetter *ts, StyleId style)
{
  return ts->layout->styles[style].leading;
}

static void add_attr(PangoAttrList *list, PangoAttribute *attr, unsigned start, unsigned end)
{
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert(list, attr);
}

static void add_inline_attrs(PangoAttrList *list, const RichText *text, unsigned shift,
                             const Style *style)
{
  for (unsigned i = 0; text && i < text->runs->len; i++) {
    const InlineRun *run = &g_array_index(text->runs, InlineRun, i);
    unsigned s = run->start + shift, e = run->end + shift;
    if (run->flags & INLINE_EM)
      add_attr(list, pango_attr_style_new(style->italic ? PANGO_STYLE_NORMAL : PANGO_STYLE_ITALIC), s, e);
    if (run->flags & INLINE_STRONG)
      add_attr(list, pango_attr_weight_new(PANGO_WEIGHT_BOLD), s, e);
    if (run->flags & INLINE_STRIKE)
      add_attr(list, pango_attr_strikethrough_new(TRUE), s, e);
    if (run->flags & INLINE_CODE) {
      add_attr(list, pango_attr_family_new("monospace"), s, e);
      add_attr(list, pango_attr_size_new_absolute(style->size * 9 / 10), s, e);
    }
  }
}

static PangoAlignment pango_alignment(Alignment align)
{
  switch (align) {
  case ALIGN_CENTER: return PANGO_ALIGN_CENTER;
  case ALIGN_RIGHT: return PANGO_ALIGN_RIGHT;
  default: return PANGO_ALIGN_LEFT;
  }
}

static PangoAttrList *base_attrs(const TypesetRequest *request, const Style *style)
{
  PangoAttrList *attrs = pango_attr_list_new();
  const char *language = request->language ? request->language : style->language;
  if (language)
    add_attr(attrs, pango_attr_language_new(pango_language_from_string(language)), 0,
             PANGO_ATTR_INDEX_TO_TEXT_END);
  if (style->letter_spacing)
    add_attr(attrs, pango_attr_letter_spacing_new(style->letter_spacing), 0,
             PANGO_ATTR_INDEX_TO_TEXT_END);
  if (style->uppercase)
    add_attr(attrs, pango_attr_text_transform_new(PANGO_TEXT_TRANSFORM_UPPERCASE), 0,
             PANGO_ATTR_INDEX_TO_TEXT_END);
  return attrs;
}

static PangoLayout *new_layout(Typesetter *ts, const TypesetRequest *request)
{
  const Style *style = &ts->layout->styles[request->style];
  PangoLayout *layout = pango_layout_new(ts->context);
  pango_layout_set_font_description(layout, ts->fonts[request->style]);
  pango_layout_set_width(layout, request->width > 0 ? request->width : -1);
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  Alignment align = request->override_align ? request->align : style->align;
  pango_layout_set_alignment(layout, pango_alignment(align));
  pango_layout_set_justify(layout, align == ALIGN_JUSTIFY);
  if (request->indent_first_line)
    pango_layout_set_indent(layout, style->indent);
  return layout;
}

PangoLayout *typeset_rich(Typesetter *ts, const TypesetRequest *request, const RichText *text)
{
  const Style *style = &ts->layout->styles[request->style];
  PangoLayout *layout = new_layout(ts, request);
  PangoAttrList *attrs = base_attrs(request, style);
  GString *full = g_string_new(NULL);
  if (request->lead_in && *request->lead_in) {
    const Style *dateline = &ts->layout->styles[STYLE_DATELINE];
    g_string_append(full, request->lead_in);
    unsigned end = (unsigned)full->len;
    g_string_append(full, " — ");
    add_attr(attrs, pango_attr_weight_new((PangoWeight)dateline->weight), 0, end);
    if (dateline->uppercase)
      add_attr(attrs, pango_attr_text_transform_new(PANGO_TEXT_TRANSFORM_UPPERCASE), 0, end);
  }
  unsigned shift = (unsigned)full->len;
  g_string_append_len(full, text->text->str, (gssize)text->text->len);
  add_inline_attrs(attrs, text, shift, style);
  pango_layout_set_text(layout, full->str, (int)full->len);
  pango_layout_set_attributes(layout, attrs);
  pango_attr_list_unref(attrs);
  g_string_free(full, TRUE);
  return layout;
}

PangoLayout *typeset_plain(Typesetter *ts, const TypesetRequest *request, const char *text)
{
  const Style *style = &ts->layout->styles[request->style];
  PangoLayout *layout = new_layout(ts, request);
  PangoAttrList *attrs = base_attrs(request, style);
  pango_layout_set_text(layout, text, -1);
  pango_layout_set_attributes(layout, attrs);
  pango_attr_list_unref(attrs);
  return layout;
}

GArray *typeset_lines(PangoLayout *layout)
{
  GArray *lines = g_array_new(FALSE, FALSE, sizeof(TypesetLine));
  PangoLayoutIter *iter = pango_layout_get_iter(layout);
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, NULL, &logical);
    int baseline = pango_layout_iter_get_baseline(iter);
    PangoLayoutLine *line = pango_layout_iter_get_line_readonly(iter);
    TypesetLine info = {
      .x = logical.x, .width = logical.width,
      .ascent = baseline - logical.y, .descent = logical.y + logical.height - baseline,
      .start_index = line->start_index, .length = line->length,
    };
    g_array_append_val(lines, info);
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
  return lines;
}

gunichar typeset_first_unknown_char(PangoLayout *layout)
{
  if (pango_layout_get_unknown_glyphs_count(layout) == 0)
    return 0;
  gunichar found = 0;
  PangoLayoutIter *iter = pango_layout_get_iter(layout);
  do {
    PangoLayoutRun *run = pango_layout_iter_get_run_readonly(iter);
    for (int g = 0; run && !found && g < run->glyphs->num_glyphs; g++) {
      PangoGlyph glyph = run->glyphs->glyphs[g].glyph;
      if ((glyph & PANGO_GLYPH_UNKNOWN_FLAG) && glyph != PANGO_GLYPH_EMPTY)
        found = glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;
    }
  } while (!found && pango_layout_iter_next_run(iter));
  pango_layout_iter_free(iter);
  return found;
}
