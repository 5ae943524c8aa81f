/* importer.c — scraped plain text to an Article.
 *
 * The input is checked (not binary, valid UTF-8, not empty), its line ends
 * normalised (CRLF, CR), a BOM dropped, and split into Lines, each trimmed
 * (no-break spaces included) with runs of blanks collapsed. Every line gets
 * a use (ImportLineUse); the invariant the tests check is that each
 * non-blank line ends up either in the article or in the removed list.
 *
 * Then, in order:
 *   1. web furniture at the top is removed (junk tables below);
 *   2. the header: masthead -> source, headline, deck (a second
 *      headline-like line, or a run-together title split where a new
 *      clause begins), byline and date lines;
 *   3. web furniture at the body's start and end, and ad markers anywhere;
 *   4. the body: blank-line-separated blocks, hard-wrapped lines rejoined
 *      (line-end hyphens dropped only where the joined word is known to be
 *      a word), line-per-paragraph blocks split, lone short lines made
 *      crossheads, bullets made list items, a dateline taken off the first
 *      paragraph, an image file the text mentions looked for beside it.
 *
 * The rules are tables (junk phrases, month and weekday names, byline
 * prefixes, masthead words, function words) so a newsroom can extend them
 * without touching the logic. README.md ("Importing plain text") lists them. */
#include "importer.h"

#include <stdio.h>
#include <string.h>

#include "galley_limits.h"
#include "hyphenate.h"

/* A line longer than this (characters) is never a headline, deck, byline,
 * masthead or piece of furniture: those are short. */
#define SHORT_LINE_CHARS 300
/* Headlines: beyond these it is a sentence of body text, not a title. */
#define HEADLINE_MAX_CHARS 200
#define HEADLINE_MAX_WORDS 30
/* Words kept from a first line too long to be a headline. */
#define GUESSED_HEADLINE_WORDS 10
/* Hard-wrapped text is wrapped at 60-80 characters; a block with a longer
 * line was not wrapped by hand, so each of its lines is a paragraph. */
#define WRAP_MAX_CHARS 100
/* Byline and date lines that may follow the headline. */
#define HEADER_MAX_BYLINE_LINES 4
/* Summary: longer values are shortened with an ellipsis. */
#define SUMMARY_VALUE_CHARS 70
/* Bytes of the input examined for control characters (binary files). */
#define BINARY_SNIFF_BYTES 8192

/* ==== Tables ============================================================= */

typedef enum {
  JUNK_NONE,
  JUNK_EDGE,       /* furniture at the start or end of the text */
  JUNK_HEADING,    /* "Related:", "Latest Videos": short lines after it go too */
  JUNK_ANYWHERE,   /* an ad marker, removed even between paragraphs */
  JUNK_FRAGMENT    /* as JUNK_EDGE, but only in a line that is not a sentence */
} JunkKind;

/* Whole-line patterns (g_pattern_match_simple on the case-folded line). */
static const struct {
  const char *pattern;
  JunkKind kind;
} junk_rules[] = {
  { "advertisement", JUNK_ANYWHERE }, { "advertisement *", JUNK_ANYWHERE },
  { "story continues below advertisement", JUNK_ANYWHERE },
  { "anzeige", JUNK_ANYWHERE }, { "publicité", JUNK_ANYWHERE }, { "publicidad", JUNK_ANYWHERE },
  { "latest videos", JUNK_HEADING }, { "neueste videos", JUNK_HEADING },
  { "dernières vidéos", JUNK_HEADING }, { "últimos vídeos", JUNK_HEADING },
  { "more from *", JUNK_HEADING }, { "more on this story", JUNK_HEADING },
  { "top stories", JUNK_HEADING }, { "recent news", JUNK_HEADING },
  { "related", JUNK_HEADING }, { "related:*", JUNK_HEADING }, { "related news", JUNK_HEADING },
  { "related articles", JUNK_HEADING }, { "related stories", JUNK_HEADING },
  { "related topics", JUNK_HEADING }, { "read more", JUNK_HEADING },
  { "read more:*", JUNK_HEADING },
  { "read next", JUNK_HEADING }, { "you may also like", JUNK_HEADING },
  { "most read", JUNK_HEADING }, { "most popular", JUNK_HEADING }, { "sources", JUNK_HEADING },
  { "mehr zum thema", JUNK_HEADING }, { "das könnte sie auch interessieren", JUNK_HEADING },
  { "lire aussi*", JUNK_HEADING }, { "à lire aussi*", JUNK_HEADING },
  { "lee también*", JUNK_HEADING }, { "te puede interesar", JUNK_HEADING },
  { "share", JUNK_EDGE }, { "share this", JUNK_EDGE }, { "share this:", JUNK_EDGE },
  { "share this article", JUNK_EDGE }, { "share this story", JUNK_EDGE },
  { "share on *", JUNK_EDGE },
  { "artikel teilen", JUNK_EDGE }, { "partager*", JUNK_EDGE }, { "compartir*", JUNK_EDGE },
  { "e-mail this to a friend*", JUNK_EDGE }, { "email this*", JUNK_EDGE },
  { "printable version", JUNK_EDGE }, { "print this*", JUNK_EDGE },
  { "bookmark with:*", JUNK_EDGE }, { "follow us*", JUNK_EDGE },
  { "skip to *content", JUNK_EDGE }, { "menu", JUNK_EDGE }, { "sign in", JUNK_EDGE },
  { "log in", JUNK_EDGE }, { "subscribe", JUNK_EDGE }, { "subscribe now*", JUNK_EDGE },
  { "subscribe to our*", JUNK_EDGE }, { "sign up", JUNK_EDGE }, { "sign up for our*", JUNK_EDGE },
  { "newsletter", JUNK_EDGE }, { "listen to this article*", JUNK_EDGE },
  { "* min read", JUNK_EDGE }, { "comments", JUNK_EDGE }, { "view comments", JUNK_EDGE },
  { "comments (*)", JUNK_EDGE }, { "kommentare", JUNK_EDGE }, { "kommentare (*)", JUNK_EDGE },
  { "leave a comment*", JUNK_EDGE }, { "have an opinion on this story?*", JUNK_EDGE },
  { "jetzt * testen*", JUNK_EDGE }, { "this page is archived*", JUNK_EDGE },
  { "categories:*", JUNK_EDGE }, { "tags:*", JUNK_EDGE },
  { "*use cookies*", JUNK_EDGE }, { "*accept*cookies*", JUNK_EDGE },
  { "© *", JUNK_EDGE }, { "©*", JUNK_EDGE }, { "copyright *", JUNK_EDGE },
  /* these only when the line is not a sentence ("... its privacy policy.") */
  { "*cookie settings*", JUNK_FRAGMENT }, { "*cookie policy*", JUNK_FRAGMENT },
  { "*cookie preferences*", JUNK_FRAGMENT }, { "*privacy policy*", JUNK_FRAGMENT },
  { "*terms of use*", JUNK_FRAGMENT }, { "*terms of service*", JUNK_FRAGMENT },
  { "*all rights reserved*", JUNK_FRAGMENT },
};

/* A line made only of these words is a row of social buttons. */
static const char *const social_words[] = {
  "facebook", "twitter", "x", "whatsapp", "e-mail", "email", "mail", "reddit", "linkedin",
  "pinterest", "print", "drucken", "imprimer", "imprimir", "telegram", "instagram", "youtube",
  "tiktok", "digg", "delicious", "flipboard", "messenger", "xing", "threads", "bluesky",
  "mastodon", "tumblr", "share", "teilen", "partager", "compartir", "copy", "link",
};

/* The last word of a masthead ("The Oligo News", "Märkische Allgemeine"). */
static const char *const masthead_words[] = {
  "news", "times", "post", "herald", "tribune", "journal", "gazette", "daily", "weekly",
  "chronicle", "observer", "guardian", "telegraph", "express", "mail", "standard", "courier",
  "review", "press", "star", "mirror", "record", "independent", "today", "wire", "reuters",
  "ap", "afp", "bbc", "cnn", "zeitung", "allgemeine", "rundschau", "kurier", "anzeiger",
  "tagblatt", "nachrichten", "spiegel", "stern", "welt", "monde", "figaro", "libération",
  "parisien", "républicain", "humanité", "país", "mundo", "diario", "periódico",
  "vanguardia", "nación", "clarín", "tiempo", "correo", "heraldo", "dépêche",
};

/* Press agencies: "By A and B, Reuters" credits the agency. */
static const char *const agencies[] = {
  "Reuters", "AP", "Associated Press", "AFP", "Agence France-Presse", "dpa", "DPA",
  "Bloomberg", "PA", "Press Association", "EFE", "ANSA", "Xinhua", "Kyodo", "Yonhap", "UPI",
};

/* Words that open a byline, and the language they tell of. */
static const struct {
  const char *prefix;
  const char *language;
} byline_prefixes[] = {
  { "by", "en" }, { "von", "de" }, { "par", "fr" }, { "por", "es" },
};

/* "Posted 2026-06-24 by Raju Saha": these open a date, then "by" names. */
static const char *const posted_words[] = {
  "posted", "published", "veröffentlicht", "publié", "publicado",
};

/* Words allowed between the capitalised words of a name. */
static const char *const name_connectors[] = {
  "and", "und", "et", "y", "e", "&", "de", "da", "del", "der", "van", "von", "du", "la", "le",
  "di", "bin", "al", "ten", "ter",
};

/* Words skipped before a date: "on June 24", "am 24. Juni", "le 24 juin". */
static const char *const date_connectors[] = {
  "on", "am", "le", "el", "den", "|", "-", "–", "—", "·", ",",
  "published", "updated", "posted",
  "published:", "updated:", "posted:", "date:", "stand:", "publié", "publicado",
};

typedef struct {
  const char *name;
  int month;
  const char *language;   /* NULL when several languages write it so */
} MonthName;

static const MonthName month_names[] = {
  { "january", 1, "en" }, { "february", 2, "en" }, { "march", 3, "en" }, { "april", 4, NULL },
  { "may", 5, "en" }, { "june", 6, "en" }, { "july", 7, "en" }, { "august", 8, NULL },
  { "september", 9, NULL }, { "october", 10, "en" }, { "november", 11, NULL },
  { "december", 12, "en" },
  { "januar", 1, "de" }, { "jänner", 1, "de" }, { "februar", 2, "de" }, { "märz", 3, "de" },
  { "mai", 5, NULL }, { "juni", 6, "de" }, { "juli", 7, "de" }, { "oktober", 10, "de" },
  { "dezember", 12, "de" },
  { "janvier", 1, "fr" }, { "février", 2, "fr" }, { "mars", 3, "fr" }, { "avril", 4, "fr" },
  { "juin", 6, "fr" }, { "juillet", 7, "fr" }, { "août", 8, "fr" }, { "septembre", 9, "fr" },
  { "octobre", 10, "fr" }, { "novembre", 11, "fr" }, { "décembre", 12, "fr" },
  { "enero", 1, "es" }, { "febrero", 2, "es" }, { "marzo", 3, "es" }, { "abril", 4, "es" },
  { "mayo", 5, "es" }, { "junio", 6, "es" }, { "julio", 7, "es" }, { "agosto", 8, "es" },
  { "septiembre", 9, "es" }, { "setiembre", 9, "es" }, { "octubre", 10, "es" },
  { "noviembre", 11, "es" }, { "diciembre", 12, "es" },
  { "jan", 1, NULL }, { "janv", 1, NULL }, { "ene", 1, NULL }, { "feb", 2, NULL },
  { "févr", 2, NULL }, { "fév", 2, NULL }, { "mar", 3, NULL }, { "mär", 3, NULL },
  { "mrz", 3, NULL }, { "apr", 4, NULL }, { "avr", 4, NULL }, { "abr", 4, NULL },
  { "jun", 6, NULL }, { "jul", 7, NULL }, { "juil", 7, NULL }, { "aug", 8, NULL },
  { "ago", 8, NULL }, { "sep", 9, NULL }, { "sept", 9, NULL }, { "set", 9, NULL },
  { "oct", 10, NULL }, { "okt", 10, NULL }, { "nov", 11, NULL }, { "dec", 12, NULL },
  { "dez", 12, NULL }, { "déc", 12, NULL }, { "dic", 12, NULL },
};

static const char *const weekday_names[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
  "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
  "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
  "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
};

/* Title-case headlines capitalise these too; a clause never ends on one. */
static const char *const function_words[] = {
  "a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "by", "from", "and", "or",
  "but", "as", "like", "into", "over", "under", "after", "before", "about", "against",
  "without", "than", "that", "this", "these", "those", "its", "their", "his", "her", "our",
  "my", "your", "is", "are", "was", "were", "be", "been", "being", "will", "would", "can",
  "could", "should", "shall", "may", "might", "must", "has", "have", "had", "do", "does",
  "did", "not", "no", "any", "all", "we", "they", "he", "she", "it", "i", "you", "us",
  "them", "if", "when", "while", "why", "how", "what", "who", "up", "out", "off", "via",
  "per", "amid", "despite", "between", "through", "toward", "towards", "so", "too",
};

/* Verbs a headline clause often starts with that no suffix rule finds. */
static const char *const headline_verbs[] = {
  "is", "are", "was", "were", "will", "would", "can", "could", "has", "have", "had", "says",
  "said", "must", "may", "might", "should", "do", "does", "did", "be", "to", "set", "hit",
  "cut", "quit", "win", "wins", "won", "lose", "loses", "lost", "vow", "vows", "urge", "urges",
};

/* Before a line-end hyphen these start compounds that keep their hyphen. */
static const char *const compound_prefixes[] = {
  "anti", "non", "self", "ex", "co", "pre", "post", "well", "high", "low", "long", "short",
  "full", "half", "all", "cross", "multi", "semi", "pro", "counter", "mid", "sub", "super",
  "vice", "e", "x", "u", "neo", "pan", "quasi", "inter", "intra", "ultra", "over", "under",
};

static const char *const image_extensions[] = {
  ".png", ".jpg", ".jpeg", ".gif", ".webp", ".tif", ".tiff",
};

static const char *const bullets[] = { "•", "-", "*", "·", "▪", "‣" };

/* ==== Small text helpers ================================================= */

static bool in_table(const char *const *table, size_t count, const char *word)
{
  for (size_t i = 0; i < count; i++)
    if (strcmp(table[i], word) == 0)
      return true;
  return false;
}
#define IN_TABLE(table, word) in_table(table, G_N_ELEMENTS(table), word)

/* Case-folded copy of a word with trailing ".,:;" removed. */
static char *fold_word(const char *word)
{
  char *folded = g_utf8_casefold(word, -1);
  size_t n = strlen(folded);
  while (n > 0 && strchr(".,:;", folded[n - 1]))
    folded[--n] = '\0';
  return folded;
}

static bool folded_in_table(const char *const *table, size_t count, const char *word)
{
  char *folded = fold_word(word);
  bool found = in_table(table, count, folded);
  g_free(folded);
  return found;
}
#define FOLDED_IN_TABLE(table, word) folded_in_table(table, G_N_ELEMENTS(table), word)

static gunichar first_char(const char *text)
{
  return *text ? g_utf8_get_char(text) : 0;
}

static gunichar last_char(const char *text)
{
  size_t n = strlen(text);
  return n ? g_utf8_get_char(g_utf8_prev_char(text + n)) : 0;
}

static bool starts_upper(const char *word)
{
  gunichar c = first_char(word);
  return g_unichar_isupper(c) || g_unichar_istitle(c);
}

static bool has_lowercase(const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char(p))
    if (g_unichar_islower(g_utf8_get_char(p)))
      return true;
  return false;
}

static unsigned count_words(const char *text)
{
  unsigned words = 0;
  bool in_word = false;
  for (const char *p = text; *p; p++) {
    bool space = *p == ' ';
    words += !space && !in_word;
    in_word = !space;
  }
  return words;
}

/* Sentence punctuation: a line ending so is not a title. */
static bool ends_sentence(const char *text)
{
  gunichar c = last_char(text);
  if (c == '"' || c == 0x201D || c == '\'' || c == 0x2019 || c == ')' || c == 0xBB) {
    size_t n = strlen(text);
    const char *before = g_utf8_prev_char(text + n);
    if (before == text)
      return false;
    char *head = g_strndup(text, (size_t)(before - text));
    bool result = ends_sentence(head);
    g_free(head);
    return result;
  }
  return c == '.' || c == 0x2026;
}

static bool ends_with_punctuation(const char *text)
{
  gunichar c = last_char(text);
  return c && (g_unichar_ispunct(c) && c != ')' && c != ']');
}

static char *shorten(const char *text, long max_chars)
{
  if (g_utf8_strlen(text, -1) <= max_chars)
    return g_strdup(text);
  const char *cut = g_utf8_offset_to_pointer(text, max_chars - 1);
  return g_strdup_printf("%.*s…", (int)(cut - text), text);
}

/* ==== Lines ============================================================== */

typedef struct {
  char *text;        /* trimmed, blanks collapsed, NUL-terminated; owned */
  long chars;
  unsigned words;
  int number;        /* 1-based line number in the file */
} Line;

static bool is_blank_char(gunichar c)
{
  return g_unichar_isspace(c) || c == 0x200B || c == 0xFEFF || c == 0x2060;
}

/* The line p[0..n) trimmed at both ends, inner runs of spaces and tabs made
 * one space. No-break spaces inside are kept: they join on purpose. */
static char *clean_line(const char *p, size_t n)
{
  const char *end = p + n;
  while (p < end && is_blank_char(g_utf8_get_char(p)))
    p = g_utf8_next_char(p);
  while (end > p) {
    const char *prev = g_utf8_prev_char(end);
    if (!is_blank_char(g_utf8_get_char(prev)))
      break;
    end = prev;
  }
  GString *out = g_string_sized_new((size_t)(end - p));
  bool space = false;
  for (const char *q = p; q < end; q++) {
    bool blank = *q == ' ' || *q == '\t' || *q == '\f' || *q == '\v';
    if (blank && !space)
      g_string_append_c(out, ' ');
    else if (!blank)
      g_string_append_c(out, *q);
    space = blank;
  }
  return g_string_free(out, FALSE);
}

/* Splits data at LF, CRLF or a lone CR into cleaned Lines. */
static GArray *split_lines(const char *data, size_t len)
{
  GArray *lines = g_array_new(FALSE, FALSE, sizeof(Line));
  size_t start = 0;
  int number = 1;
  for (size_t i = 0; i <= len; i++) {
    if (i < len && data[i] != '\n' && data[i] != '\r')
      continue;
    Line line = { clean_line(data + start, i - start), 0, 0, number++ };
    line.chars = g_utf8_strlen(line.text, -1);
    line.words = count_words(line.text);
    g_array_append_val(lines, line);
    if (i + 1 < len && data[i] == '\r' && data[i + 1] == '\n')
      i++;
    start = i + 1;
  }
  /* the line end of the last line does not open another */
  if (lines->len > 1 && g_array_index(lines, Line, lines->len - 1).text[0] == '\0' &&
      len > 0 && (data[len - 1] == '\n' || data[len - 1] == '\r')) {
    g_free(g_array_index(lines, Line, lines->len - 1).text);
    g_array_set_size(lines, lines->len - 1);
  }
  return lines;
}

static void free_lines(GArray *lines)
{
  for (unsigned i = 0; lines && i < lines->len; i++)
    g_free(g_array_index(lines, Line, i).text);
  if (lines)
    g_array_free(lines, TRUE);
}

/* ==== Checking the input ================================================= */

static void line_and_column(const char *data, size_t offset, int *line, int *col)
{
  *line = 1;
  *col = 1;
  for (size_t i = 0; i < offset; i++) {
    if (data[i] == '\n') {
      (*line)++;
      *col = 1;
    } else if (((unsigned char)data[i] & 0xC0) != 0x80) {
      (*col)++;
    }
  }
}

/* Binary data: a NUL byte, or many control characters near the start. */
static bool check_not_binary(const char *path, const char *data, size_t len, GError **error)
{
  const char *nul = memchr(data, '\0', len);
  if (nul) {
    diag_set_error(error, GALLEY_ERROR_INPUT, path, 0, 0,
                   "is not text (a NUL byte at byte offset %zu); import reads plain text in UTF-8",
                   (size_t)(nul - data));
    return false;
  }
  size_t sniff = MIN(len, (size_t)BINARY_SNIFF_BYTES), controls = 0;
  for (size_t i = 0; i < sniff; i++) {
    unsigned char c = (unsigned char)data[i];
    controls += c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f';
  }
  if (sniff > 0 && controls * 10 > sniff) {
    diag_set_error(error, GALLEY_ERROR_INPUT, path, 0, 0,
                   "is not text (%zu control characters in its first %zu bytes); "
                   "import reads plain text in UTF-8", controls, sniff);
    return false;
  }
  return true;
}

static bool check_utf8(const char *path, const char *data, size_t len, GError **error)
{
  const char *end = NULL;
  if (g_utf8_validate_len(data, len, &end))
    return true;
  size_t offset = (size_t)(end - data);
  int line, col;
  line_and_column(data, offset, &line, &col);
  diag_set_error(error, GALLEY_ERROR_INPUT, path, line, col,
                 "invalid UTF-8 at byte offset %zu (byte 0x%02X); save the file as UTF-8 text",
                 offset, (unsigned)(unsigned char)*end);
  return false;
}

static bool check_input(const char *path, const char *data, size_t len, GError **error)
{
  if (len > GALLEY_MAX_INPUT_BYTES) {
    diag_set_error(error, GALLEY_ERROR_LIMIT, path, 0, 0,
                   "is %zu bytes; articles are limited to %u bytes", len,
                   GALLEY_MAX_INPUT_BYTES);
    return false;
  }
  if (!check_not_binary(path, data, len, error) || !check_utf8(path, data, len, error))
    return false;
  bool blank = true;
  for (const char *p = data; p < data + len && blank; p = g_utf8_next_char(p))
    blank = is_blank_char(g_utf8_get_char(p));
  if (blank) {
    diag_set_error(error, GALLEY_ERROR_INPUT, path, 0, 0,
                   "the file is empty; there is no text to import");
    return false;
  }
  return true;
}

/* ==== Dates ============================================================== */

typedef struct {
  int year, month, day;
  int first, second;      /* N/N/YYYY: the two numbers as written */
  char separator;         /* '/', '-', '.' or 0 when the month is named */
  bool iso;
  const char *language;   /* from a month name only one language uses */
} DateParts;

/* A whole number of 1 to max_digits digits, with an optional suffix
 * ("24th", "1er", "24.") when allow_suffix. */
static bool parse_number(const char *text, int max_digits, bool allow_suffix, int *value)
{
  int digits = 0, n = 0;
  const char *p = text;
  for (; g_ascii_isdigit(*p) && digits <= max_digits; p++, digits++)
    n = n * 10 + (*p - '0');
  if (digits == 0 || digits > max_digits)
    return false;
  static const char *const suffixes[] = { "", ".", "st", "nd", "rd", "th", "er", "o", "º" };
  bool suffix_ok = *p == '\0';
  for (size_t i = 1; allow_suffix && !suffix_ok && i < G_N_ELEMENTS(suffixes); i++)
    suffix_ok = strcmp(p, suffixes[i]) == 0;
  *value = n;
  return suffix_ok;
}

static bool parse_year(const char *text, int *year)
{
  return strlen(text) == 4 && parse_number(text, 4, false, year) && *year >= 1800 &&
         *year <= 2200;
}

static const MonthName *find_month(const char *word)
{
  char *folded = fold_word(word);
  const MonthName *found = NULL;
  for (size_t i = 0; i < G_N_ELEMENTS(month_names) && !found; i++)
    if (strcmp(month_names[i].name, folded) == 0)
      found = &month_names[i];
  g_free(folded);
  return found;
}

/* "2026-06-24", "24/6/2026", "6-24-2026", "29.11.2001". */
static bool parse_numeric_date(const char *text, DateParts *d)
{
  int a = 0, b = 0, c = 0;
  char s1 = 0, s2 = 0, tail = 0;
  if (sscanf(text, "%4d-%2d-%2d%c", &a, &b, &c, &tail) == 3 && strlen(text) == 10) {
    *d = (DateParts){ .year = a, .month = b, .day = c, .separator = '-', .iso = true };
    return true;
  }
  if (sscanf(text, "%2d%c%2d%c%4d%c", &a, &s1, &b, &s2, &c, &tail) != 5 || s1 != s2 ||
      !strchr("/.-", s1) || c < 1800 || c > 2200 || !g_ascii_isdigit(text[strlen(text) - 1]))
    return false;
  *d = (DateParts){ .year = c, .first = a, .second = b, .separator = s1 };
  if (s1 == '.') {   /* 29.11.2001 is always day.month */
    d->day = a;
    d->month = b;
  }
  return true;
}

/* Day, month name and year in either order ("24 June 2026", "June 24, 2026",
 * "24. Juni 2026", "24 de junio de 2026"). */
static bool parse_named_date(char **tokens, unsigned n, DateParts *d)
{
  if (n != 3)
    return false;
  int day = 0, year = 0;
  bool day_first = find_month(tokens[1]) != NULL;   /* "24 June 2026" */
  const MonthName *month = find_month(tokens[day_first ? 1 : 0]);
  if (!month || !parse_number(tokens[day_first ? 0 : 1], 2, true, &day) ||
      !parse_year(tokens[2], &year))
    return false;
  *d = (DateParts){ .year = year, .month = month->month, .day = day, .language = month->language };
  return true;
}

static bool is_date_connector(const char *token)
{
  return FOLDED_IN_TABLE(date_connectors, token) || strcmp(token, ",") == 0;
}

static bool skippable_before_date(const char *token)
{
  return is_date_connector(token) || FOLDED_IN_TABLE(weekday_names, token);
}

/* tokens[0..n) make up exactly one date, after optional connectors and a
 * weekday ("Friday, August 21, 2015"). Commas after tokens are ignored;
 * "de" and "of" between the parts too. */
static bool parse_date_tokens(char **tokens, unsigned n, DateParts *d)
{
  unsigned i = 0;
  while (i < n && skippable_before_date(tokens[i]))
    i++;
  char *parts[3];
  unsigned count = 0;
  for (; i < n; i++) {
    if (strcmp(tokens[i], "de") == 0 || strcmp(tokens[i], "of") == 0 ||
        strcmp(tokens[i], "del") == 0)
      continue;
    if (count == 3)
      return false;
    parts[count++] = tokens[i];
  }
  if (count == 1)
    return parse_numeric_date(parts[0], d);
  char *clean[3];
  for (unsigned k = 0; k < count; k++) {
    size_t len = strlen(parts[k]);
    clean[k] = g_strndup(parts[k], len > 1 && parts[k][len - 1] == ',' ? len - 1 : len);
  }
  bool ok = parse_named_date(clean, count, d);
  for (unsigned k = 0; k < count; k++)
    g_free(clean[k]);
  return ok;
}

/* text split at each space (g_strsplit's result, made in one pass: the
 * text may be a 5 MB line). Free with g_strfreev. */
static char **split_words(const char *text, unsigned *count)
{
  GPtrArray *words = g_ptr_array_new();
  const char *start = text;
  for (const char *p = text;; p++) {
    if (*p != ' ' && *p != '\0')
      continue;
    g_ptr_array_add(words, g_strndup(start, (size_t)(p - start)));
    if (!*p)
      break;
    start = p + 1;
  }
  *count = words->len;
  g_ptr_array_add(words, NULL);
  return (char **)g_ptr_array_free(words, FALSE);
}

/* The first max words of text, copied. */
static char *first_words(const char *text, unsigned max)
{
  const char *p = text;
  for (unsigned words = 0; *p && words < max; words++) {
    while (*p == ' ')
      p++;
    while (*p && *p != ' ')
      p++;
  }
  return g_strndup(text, (size_t)(p - text));
}

static bool parse_date_text(const char *text, DateParts *d)
{
  unsigned n;
  char **tokens = split_words(text, &n);
  bool ok = n > 0 && n <= 8 && parse_date_tokens(tokens, n, d);
  g_strfreev(tokens);
  return ok;
}

/* The order N/N/YYYY dates follow in this text, from the ones whose first
 * or second number is above 12. */
static DateOrder numeric_date_evidence(const GArray *lines)
{
  unsigned dmy = 0, mdy = 0;
  for (unsigned i = 0; i < lines->len; i++) {
    const char *text = g_array_index(lines, Line, i).text;
    for (const char *p = text; *p; p++) {
      if (!g_ascii_isdigit(*p) || (p > text && g_ascii_isdigit(p[-1])))
        continue;
      char window[16];   /* sscanf measures its whole input: give it a few bytes */
      size_t n = strnlen(p, sizeof window - 1);
      memcpy(window, p, n);
      window[n] = '\0';
      int a, b, c;
      char s1, s2;
      if (sscanf(window, "%2d%c%2d%c%4d", &a, &s1, &b, &s2, &c) == 5 && s1 == s2 &&
          (s1 == '/' || s1 == '-') && c >= 1800) {
        dmy += a > 12 && b <= 12;
        mdy += b > 12 && a <= 12;
      }
    }
  }
  if (dmy > 0 && mdy == 0)
    return DATE_ORDER_DMY;
  if (mdy > 0 && dmy == 0)
    return DATE_ORDER_MDY;
  return DATE_ORDER_AUTO;
}

/* ==== The importer's state =============================================== */

typedef struct {
  const char *path;
  const ImportOptions *options;
  DiagLog *log;
  GArray *lines;            /* Line */
  ImportLineUse *use;       /* per line */
  bool *taken;              /* per line: already given a use or set aside */
  Article *article;
  const char *language;     /* guessed: from a byline prefix or a month name */
  DateOrder evidence;       /* from unambiguous N/N/YYYY dates in the text */
  GString *date_note;       /* "24/6/2026, read as day/month" */
  const char *deck_note;    /* how the deck was found */
  bool headline_unsure;     /* a run-together title left whole */
  bool headline_guessed;
  gint8 *junk;              /* per line: its JunkKind, -1 until worked out */
  GPtrArray *junk_patterns; /* GPatternSpec for each of junk_rules, made on demand */
  GArray *front_kept;       /* --keep-all: furniture lines from the top, for the body */
  GPtrArray *removed;       /* "15 \"Latest Videos\"" */
  unsigned hyphens_dropped;
  Hyphenator *hyphenator;   /* made when a line-end hyphen needs it */
  GHashTable *words;        /* case-folded words of the body, made on demand */
} Importer;

static Line *line_at(const Importer *im, unsigned i)
{
  return &g_array_index(im->lines, Line, i);
}

static bool is_blank(const Importer *im, unsigned i)
{
  return line_at(im, i)->text[0] == '\0';
}

static void set_use(Importer *im, unsigned i, ImportLineUse use)
{
  im->use[i] = use;
  im->taken[i] = true;
}

/* The first line at or after i with text that nothing has taken yet. */
static unsigned next_content(const Importer *im, unsigned i)
{
  while (i < im->lines->len && (is_blank(im, i) || im->taken[i]))
    i++;
  return i;
}

static void remove_line(Importer *im, unsigned i)
{
  const Line *line = line_at(im, i);
  char *text = shorten(line->text, 60);
  g_ptr_array_add(im->removed, g_strdup_printf("%d \"%s\"", line->number, text));
  g_free(text);
  set_use(im, i, IMPORT_LINE_REMOVED);
}

/* ==== Resolving dates ==================================================== */

static const char *order_name(DateOrder order)
{
  return order == DATE_ORDER_MDY ? "month/day" : "day/month";
}

static const char *const english_months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};

/* Settles which number of N/N/YYYY is the day: one above 12 settles it;
 * else other dates in the text, --date-order, the language, and at last
 * day/month (the order most of the world writes), with a warning. */
static void resolve_numeric(Importer *im, DateParts *d, const char *written, int line)
{
  DateOrder order;
  const char *why = NULL;
  if (d->first > 12 || d->second > 12 || d->first == d->second || d->first < 1 ||
      d->second < 1) {
    order = d->second > 12 ? DATE_ORDER_MDY : DATE_ORDER_DMY;
  } else if (im->evidence != DATE_ORDER_AUTO) {
    order = im->evidence;
    why = "as other dates in the text are";
  } else if (im->options->date_order != DATE_ORDER_AUTO) {
    order = im->options->date_order;
    why = "as --date-order says";
  } else if (im->language && strcmp(im->language, "en") != 0) {
    order = DATE_ORDER_DMY;
    why = "as the text's language writes dates";
  } else {
    order = DATE_ORDER_DMY;
    why = "by default";
  }
  d->day = order == DATE_ORDER_DMY ? d->first : d->second;
  d->month = order == DATE_ORDER_DMY ? d->second : d->first;
  g_string_printf(im->date_note, "%s, %sread as %s%s%s", written, why ? "ambiguous, " : "",
                  order_name(order), why ? " " : "", why ? why : "");
  if (why && strcmp(why, "by default") == 0)
    diag_warn(im->log, im->path, line, 0,
              "the date %s could be %d %s or %s %d, %d; read as day/month (%04d-%02d-%02d); "
              "pass --date-order mdy if the site writes the month first",
              written, d->first, english_months[d->second - 1], english_months[d->first - 1],
              d->second, d->year, d->year, d->month, d->day);
}

/* Stores the date in ISO 8601 when it is a real day. */
static bool accept_date(Importer *im, DateParts *d, const char *written, int line)
{
  if (im->article->date)
    return true;
  if (d->separator && !d->iso && d->separator != '.')
    resolve_numeric(im, d, written, line);
  else
    g_string_assign(im->date_note, written);
  if (d->month < 1 || d->month > 12 || d->day < 1 ||
      !g_date_valid_dmy((GDateDay)d->day, (GDateMonth)d->month, (GDateYear)d->year)) {
    diag_warn(im->log, im->path, line, 0, "'%s' is not a real date; the article has no date",
              written);
    g_string_truncate(im->date_note, 0);
    return false;
  }
  im->article->date = g_strdup_printf("%04d-%02d-%02d", d->year, d->month, d->day);
  if (d->language && !im->language)
    im->language = d->language;
  return true;
}

/* ==== Bylines ============================================================ */

typedef struct {
  char *names;            /* "Raju Saha", "A and B" */
  char *agency;           /* "Reuters" after a comma, or NULL */
  char *date_text;        /* the date as written, or NULL */
  DateParts date;
  const char *language;   /* told by the prefix ("Von": de) */
} Byline;

static void byline_clear(Byline *b)
{
  g_free(b->names);
  g_free(b->agency);
  g_free(b->date_text);
}

static char *join_words(char **words, unsigned from, unsigned to)
{
  GString *out = g_string_new(NULL);
  for (unsigned i = from; i < to; i++) {
    if (out->len)
      g_string_append_c(out, ' ');
    g_string_append(out, words[i]);
  }
  return g_string_free(out, FALSE);
}

/* Trailing separators between a name and its date: "Raju Saha," "A |". */
static void trim_separators(char *text)
{
  size_t n = strlen(text);
  while (n > 0) {
    const char *prev = g_utf8_prev_char(text + n);
    gunichar c = g_utf8_get_char(prev);
    if (c != ' ' && c != ',' && c != '|' && c != ';' && c != '-' && c != 0x2013 &&
        c != 0x2014 && c != 0xB7)
      break;
    n = (size_t)(prev - text);
  }
  text[n] = '\0';
}

/* People's names: capitalised words (initials too), joined by "and", "und"
 * or particles ("van", "de"); no sentence punctuation. */
static bool looks_like_names(const char *text)
{
  unsigned n;
  char **words = split_words(text, &n);
  bool ok = n >= 1 && n <= 12 && strlen(text) <= 100 && starts_upper(text) &&
            !strpbrk(text, ":?!;\"()[]") && !g_str_has_suffix(text, ".");
  for (unsigned i = 0; ok && i < n; i++) {
    char *word = g_strdup(words[i]);
    size_t len = strlen(word);
    if (len > 1 && word[len - 1] == ',')
      word[len - 1] = '\0';
    ok = starts_upper(word) || FOLDED_IN_TABLE(name_connectors, word);
    g_free(word);
  }
  g_strfreev(words);
  return ok;
}

/* Splits ", Reuters" off the names. */
static void split_agency(Byline *b)
{
  const char *comma = g_strrstr(b->names, ", ");
  if (!comma)
    return;
  for (size_t i = 0; i < G_N_ELEMENTS(agencies); i++)
    if (strcmp(comma + 2, agencies[i]) == 0) {
      b->agency = g_strdup(agencies[i]);
      b->names[comma - b->names] = '\0';
      return;
    }
}

/* words[from..n): names, then optionally a date ("Raju Saha 24/6/2026",
 * "Raju Saha, June 24, 2026", "Benno Rougk 29.11.2001"). */
static bool parse_names_and_date(char **words, unsigned from, unsigned n, Byline *b)
{
  unsigned date_at = n;
  for (unsigned k = from + 1; k < n && date_at == n; k++)
    if (parse_date_tokens(words + k, n - k, &b->date))
      date_at = k;
  b->names = join_words(words, from, date_at);
  trim_separators(b->names);
  if (date_at < n) {
    unsigned first = date_at;
    while (first < n && is_date_connector(words[first]))
      first++;
    b->date_text = join_words(words, first, n);
  }
  if (!looks_like_names(b->names))
    return false;
  split_agency(b);
  return true;
}

/* "Posted 2026-06-24 by Raju Saha". */
static bool parse_posted_byline(char **words, unsigned n, Byline *b)
{
  if (n < 4 || !FOLDED_IN_TABLE(posted_words, words[0]))
    return false;
  for (unsigned by = 2; by + 1 < n; by++) {
    char *folded = fold_word(words[by]);
    bool is_by = strcmp(folded, "by") == 0 || strcmp(folded, "von") == 0 ||
                 strcmp(folded, "par") == 0 || strcmp(folded, "por") == 0;
    g_free(folded);
    if (!is_by || !parse_date_tokens(words + 1, by - 1, &b->date))
      continue;
    unsigned first = 1;
    while (first < by && is_date_connector(words[first]))
      first++;
    b->date_text = join_words(words, first, by);
    b->names = join_words(words, by + 1, n);
    trim_separators(b->names);
    if (!looks_like_names(b->names))
      return false;
    split_agency(b);
    return true;
  }
  return false;
}

/* "By Raju Saha 24/6/2026", "Von Benno Rougk 29.11.2001", "Par ...". */
static bool parse_prefixed_byline(char **words, unsigned n, Byline *b)
{
  if (n < 2)
    return false;
  for (size_t i = 0; i < G_N_ELEMENTS(byline_prefixes); i++) {
    char *folded = fold_word(words[0]);
    bool match = strcmp(folded, byline_prefixes[i].prefix) == 0 && strlen(words[0]) ==
                 strlen(byline_prefixes[i].prefix);
    g_free(folded);
    if (match) {
      b->language = byline_prefixes[i].language;
      return parse_names_and_date(words, 1, n, b);
    }
  }
  return false;
}

/* "Raju Saha | June 24, 2026": names, a bar, a date. */
static bool parse_barred_byline(const char *text, Byline *b)
{
  const char *bar = strstr(text, " | ");
  if (!bar || strstr(bar + 3, " | "))
    return false;
  if (!parse_date_text(bar + 3, &b->date))
    return false;
  b->names = g_strndup(text, (size_t)(bar - text));
  b->date_text = g_strdup(bar + 3);
  if (!looks_like_names(b->names))
    return false;
  split_agency(b);
  return true;
}

/* Recognises a byline line. On failure b is cleared. */
static bool parse_byline(const char *text, long chars, Byline *b)
{
  memset(b, 0, sizeof *b);
  if (chars > 160)
    return false;
  unsigned n;
  char **words = split_words(text, &n);
  bool ok = parse_posted_byline(words, n, b);
  if (!ok) {
    byline_clear(b);
    memset(b, 0, sizeof *b);
    ok = parse_prefixed_byline(words, n, b);
  }
  if (!ok) {
    byline_clear(b);
    memset(b, 0, sizeof *b);
    ok = parse_barred_byline(text, b);
  }
  g_strfreev(words);
  if (!ok) {
    byline_clear(b);
    memset(b, 0, sizeof *b);
  }
  return ok;
}

static bool is_byline(const Line *line)
{
  Byline b;
  bool ok = parse_byline(line->text, line->chars, &b);
  byline_clear(&b);
  return ok;
}

static bool is_date_line(const Line *line)
{
  DateParts d;
  return line->chars <= 60 && parse_date_text(line->text, &d);
}

/* ==== Web furniture ====================================================== */

/* Every word is a social network or a share button. */
static bool is_social_word(const char *word, size_t n)
{
  while (n > 1 && strchr(",;:.", word[n - 1]))
    n--;
  if ((n == 1 && *word == '|') || (n == 2 && memcmp(word, "·", 2) == 0))
    return true;
  for (size_t i = 0; i < G_N_ELEMENTS(social_words); i++)
    if (strlen(social_words[i]) == n && memcmp(social_words[i], word, n) == 0)
      return true;
  return false;
}

/* Every word of the case-folded line is a social network or a share
 * button. (No allocation: this runs on every line.) */
static bool is_social_row(const char *folded)
{
  const char *p = folded;
  while (*p) {
    const char *end = strchr(p, ' ');
    size_t n = end ? (size_t)(end - p) : strlen(p);
    if (n > 0 && !is_social_word(p, n))
      return false;
    p += n + (end ? 1 : 0);
  }
  return *folded != '\0';
}

/* "Home | World | Business", "Home > World > Middle East": three or more
 * short items between bars or arrows. */
static bool is_navigation_row(const char *text)
{
  static const char *const separators[] = { " | ", " > ", " › ", " » " };
  for (size_t s = 0; s < G_N_ELEMENTS(separators); s++) {
    if (!strstr(text, separators[s]))
      continue;
    char **items = g_strsplit(text, separators[s], -1);
    unsigned n = g_strv_length(items);
    bool ok = n >= 3;
    for (unsigned i = 0; ok && i < n; i++)
      ok = items[i][0] != '\0' && count_words(items[i]) <= 4;
    g_strfreev(items);
    if (ok)
      return true;
  }
  return false;
}

static JunkKind classify_junk(const Line *line, GPtrArray *patterns)
{
  if (line->chars == 0 || line->chars > SHORT_LINE_CHARS)
    return JUNK_NONE;
  char *folded = g_utf8_casefold(line->text, -1);
  guint length = (guint)strlen(folded);
  JunkKind kind = JUNK_NONE;
  for (size_t i = 0; i < G_N_ELEMENTS(junk_rules) && kind == JUNK_NONE; i++)
    if (g_pattern_spec_match(g_ptr_array_index(patterns, i), length, folded, NULL))
      kind = junk_rules[i].kind;
  if (kind == JUNK_FRAGMENT)
    kind = ends_sentence(line->text) ? JUNK_NONE : JUNK_EDGE;
  if (kind == JUNK_NONE && (is_social_row(folded) || is_navigation_row(line->text)))
    kind = JUNK_EDGE;
  g_free(folded);
  return kind;
}

/* Line i's kind of furniture, worked out once per line. */
static JunkKind junk_kind(Importer *im, unsigned i)
{
  if (!im->junk_patterns) {
    im->junk_patterns = g_ptr_array_new_with_free_func((GDestroyNotify)g_pattern_spec_free);
    for (size_t k = 0; k < G_N_ELEMENTS(junk_rules); k++)
      g_ptr_array_add(im->junk_patterns, g_pattern_spec_new(junk_rules[k].pattern));
  }
  if (im->junk[i] < 0)
    im->junk[i] = (gint8)classify_junk(line_at(im, i), im->junk_patterns);
  return (JunkKind)im->junk[i];
}

/* A line of a "Related:" list: short, not a sentence. */
static bool is_list_entry(const Line *line)
{
  return line->words <= 14 && !ends_sentence(line->text);
}

/* Sets aside furniture from line i on, up to the first line of text.
 * Removed unless --keep-all, which keeps it for the body's start. */
static void take_leading_junk(Importer *im, unsigned i)
{
  for (i = next_content(im, i); i < im->lines->len; i = next_content(im, i + 1)) {
    if (junk_kind(im, i) == JUNK_NONE)
      return;
    if (im->options->keep_all) {
      g_array_append_val(im->front_kept, i);
      im->taken[i] = true;
    } else {
      remove_line(im, i);
    }
  }
}

/* Where the furniture at the end of the body starts (lines->len: none): the
 * first furniture line after which every line is furniture too, or a short
 * entry of a list that a furniture heading ("Related:") opened. */
static unsigned find_trailing_junk(Importer *im, unsigned from)
{
  unsigned start = im->lines->len;
  bool open = false, heading = false;
  for (unsigned i = from; i < im->lines->len; i++) {
    const Line *line = line_at(im, i);
    if (line->chars == 0 || im->taken[i])
      continue;
    JunkKind kind = junk_kind(im, i);
    if (kind != JUNK_NONE) {
      if (!open)
        start = i;
      heading = (open && heading) || kind == JUNK_HEADING;
      open = true;
    } else if (!(open && heading && is_list_entry(line))) {
      open = heading = false;
      start = im->lines->len;
    }
  }
  return start;
}

/* Furniture at the start and end of the body, and ad markers between
 * paragraphs; --keep-all leaves all of it in. */
static void remove_body_junk(Importer *im, unsigned from)
{
  if (im->options->keep_all)
    return;
  take_leading_junk(im, from);
  unsigned tail = find_trailing_junk(im, from);
  for (unsigned i = from; i < im->lines->len; i++) {
    if (is_blank(im, i) || im->taken[i])
      continue;
    if (i >= tail || junk_kind(im, i) == JUNK_ANYWHERE)
      remove_line(im, i);
  }
}

/* ==== The header: masthead, headline, deck, byline, date ================ */

/* "oligonews.com": one word ending in a lowercase top-level domain. */
static bool is_domain_name(const char *text)
{
  const char *dot = strrchr(text, '.');
  if (strchr(text, ' ') || !dot || dot == text)
    return false;
  for (const char *p = dot + 1; *p; p++)
    if (!g_ascii_islower(*p))
      return false;
  size_t tld = strlen(dot + 1);
  return tld >= 2 && tld <= 6;
}

/* Short, no sentence punctuation, ends on a masthead word ("News",
 * "Zeitung", "Wikinews") or is a site's domain name. */
static bool looks_like_masthead(const Line *line)
{
  if (line->words == 0 || line->words > 6 || line->chars > 60 ||
      ends_with_punctuation(line->text) || strchr(line->text, ':'))
    return false;
  if (is_domain_name(line->text))
    return true;
  const char *last = strrchr(line->text, ' ');
  char *folded = fold_word(last ? last + 1 : line->text);
  bool found = IN_TABLE(masthead_words, folded) || g_str_has_suffix(folded, "news");
  g_free(folded);
  return found;
}

/* A title: short, and not a sentence of body text. */
static bool looks_like_title(const Line *line)
{
  return line->words > 0 && line->words <= HEADLINE_MAX_WORDS &&
         line->chars <= HEADLINE_MAX_CHARS && !ends_sentence(line->text);
}

/* "BBC NEWS" -> "BBC News": a masthead in capitals gets title case; words
 * of three letters or fewer stay capitals (BBC, AP). */
static char *masthead_case(const char *text)
{
  if (has_lowercase(text))
    return g_strdup(text);
  static const char *const small[] = {
    "the", "of", "and", "for", "new", "day", "sun", "el", "la", "le", "der", "die", "das",
  };
  unsigned n;
  char **words = split_words(text, &n);
  GString *out = g_string_new(NULL);
  for (unsigned i = 0; i < n; i++) {
    char *lower = g_utf8_strdown(words[i], -1);
    if (out->len)
      g_string_append_c(out, ' ');
    if (g_utf8_strlen(words[i], -1) <= 3 && !IN_TABLE(small, lower)) {
      g_string_append(out, words[i]);
    } else {
      g_string_append_unichar(out, g_unichar_totitle(g_utf8_get_char(lower)));
      g_string_append(out, g_utf8_next_char(lower));
    }
    g_free(lower);
  }
  g_strfreev(words);
  return g_string_free(out, FALSE);
}

/* The first line of text from i on, furniture before it set aside. */
static unsigned skip_junk(Importer *im, unsigned i)
{
  take_leading_junk(im, i);
  return next_content(im, i);
}

/* The first line is a masthead when it looks like one and a title follows. */
static unsigned take_masthead(Importer *im, unsigned i)
{
  unsigned next = skip_junk(im, i + 1);
  if (i >= im->lines->len || next >= im->lines->len || !looks_like_masthead(line_at(im, i)) ||
      !looks_like_title(line_at(im, next)) || is_byline(line_at(im, next)) ||
      is_date_line(line_at(im, next)))
    return i;
  im->article->source = masthead_case(line_at(im, i)->text);
  set_use(im, i, IMPORT_LINE_SOURCE);
  return next;
}

/* Records a byline: names to `byline`, its date to `date`, an agency to
 * `source` when no masthead named one (else it stays in the byline). */
static void accept_byline(Importer *im, Byline *b, const Line *line)
{
  if (!im->article->byline) {
    if (b->agency && !im->article->source) {
      im->article->source = g_strdup(b->agency);
      im->article->byline = g_strdup(b->names);
    } else {
      im->article->byline = b->agency ? g_strdup_printf("%s, %s", b->names, b->agency)
                                      : g_strdup(b->names);
    }
  }
  if (b->language && !im->language)
    im->language = b->language;
  if (b->date_text)
    accept_date(im, &b->date, b->date_text, line->number);
}

/* Byline and date lines from i on (dated_only: bylines with a date);
 * returns the first line after them. */
static unsigned take_bylines(Importer *im, unsigned i, bool dated_only)
{
  for (int taken = 0; taken < HEADER_MAX_BYLINE_LINES && i < im->lines->len; taken++) {
    Line *line = line_at(im, i);
    Byline b;
    DateParts d;
    bool byline = !im->article->byline && parse_byline(line->text, line->chars, &b);
    if (byline && ((b.date_text && im->article->date) || (!b.date_text && dated_only))) {
      byline_clear(&b);
      byline = false;
    }
    if (byline) {
      accept_byline(im, &b, line);
      byline_clear(&b);
      set_use(im, i, IMPORT_LINE_BYLINE);
    } else if (!im->article->date && line->chars <= 60 && parse_date_text(line->text, &d)) {
      if (!accept_date(im, &d, line->text, line->number))
        return i;
      set_use(im, i, IMPORT_LINE_DATE);
    } else {
      return i;
    }
    i = skip_junk(im, i + 1);
  }
  return i;
}

/* ---- run-together titles ------------------------------------------------- */

static bool is_function_word(const char *word)
{
  return FOLDED_IN_TABLE(function_words, word);
}

/* A verb a headline clause starts with: "Rejects", "Warned", "Says". */
static bool looks_like_verb(const char *word)
{
  char *folded = fold_word(word);
  size_t n = strlen(folded);
  bool verb = IN_TABLE(headline_verbs, folded) ||
              (n >= 4 && folded[n - 1] == 's' && !g_str_has_suffix(folded, "ss") &&
               !g_str_has_suffix(folded, "us") && !g_str_has_suffix(folded, "is") &&
               !g_str_has_suffix(folded, "'s")) ||
              (n >= 5 && g_str_has_suffix(folded, "ed"));
  g_free(folded);
  return verb;
}

/* Title Case: nearly every word capitalised, function words included. */
static bool is_title_case(char **words, unsigned n)
{
  unsigned upper = 0, upper_function = 0;
  for (unsigned i = 0; i < n; i++) {
    bool up = starts_upper(words[i]) || !g_unichar_isalpha(first_char(words[i]));
    upper += up;
    upper_function += i > 0 && up && is_function_word(words[i]);
  }
  return upper * 10 >= n * 9 && upper_function > 0;
}

static bool contains_verb(char **words, unsigned from, unsigned to)
{
  for (unsigned i = from; i < to; i++) {
    char *folded = fold_word(words[i]);
    bool verb = IN_TABLE(headline_verbs, folded);
    g_free(folded);
    if (verb)
      return true;
  }
  return false;
}

/* Where a second title begins inside a Title Case line: a capitalised noun
 * and a verb ("Iran Rejects") right after a complete phrase (one with a
 * verb, not ending on a function word or a verb). Returns the word index,
 * or 0 when there is no single such place; *unsure says a long Title Case
 * line was left whole. */
static unsigned find_title_split(char **words, unsigned n, bool *unsure)
{
  *unsure = false;
  if (n < 8 || !is_title_case(words, n))
    return 0;
  unsigned found = 0, candidates = 0;
  for (unsigned k = 3; k + 3 <= n; k++) {
    if (!starts_upper(words[k]) || is_function_word(words[k]) || !looks_like_verb(words[k + 1]))
      continue;
    if (is_function_word(words[k - 1]) || looks_like_verb(words[k - 1]) ||
        ends_with_punctuation(words[k - 1]) || !contains_verb(words, 0, k))
      continue;
    found = k;
    candidates++;
  }
  if (candidates == 1)
    return found;
  *unsure = n >= 12;
  return 0;
}

/* Splits a run-together headline into headline and deck when there is one
 * clear place to. */
static void split_headline(Importer *im, const Line *line)
{
  unsigned n;
  char **words = split_words(im->article->headline, &n);
  bool unsure;
  unsigned k = find_title_split(words, n, &unsure);
  if (k > 0) {
    g_free(im->article->headline);
    im->article->headline = join_words(words, 0, k);
    im->article->deck = join_words(words, k, n);
    im->deck_note = "split from the headline line";
  } else if (unsure) {
    im->headline_unsure = true;
    diag_warn(im->log, im->path, line->number, 0,
              "the headline may run a deck into it, but where it would begin is unclear; "
              "kept as one headline (put the deck on a line of its own to separate them)");
  }
  g_strfreev(words);
}

/* ---- headline and deck ---------------------------------------------------- */

/* "... from reality. But are ...": a full stop ending a lowercase word,
 * then a capital. "U.S. Republican" and "Mr. Smith" are no such break. */
static bool has_sentence_break(const char *text)
{
  for (const char *p = strchr(text, '.'); p; p = strchr(p + 1, '.')) {
    if (p[1] != ' ' || !starts_upper(p + 2))
      continue;
    unsigned lower = 0;
    for (const char *q = p; q > text;) {
      q = g_utf8_prev_char(q);
      gunichar c = g_utf8_get_char(q);
      if (!g_unichar_isalpha(c))
        break;
      lower += g_unichar_islower(c);
    }
    if (lower >= 2)
      return true;
  }
  return false;
}

/* A deck: any short line that a byline or date line follows, or a second
 * title line with a blank line after it (a title line that the next line
 * continues is the first line of hard-wrapped body text). */
static bool looks_like_deck(Importer *im, unsigned i)
{
  const Line *line = line_at(im, i);
  if (line->words < 3 || line->words > 40 || line->chars > 300 || junk_kind(im, i) != JUNK_NONE ||
      is_byline(line) || is_date_line(line))
    return false;
  unsigned next = next_content(im, i + 1);
  if (next >= im->lines->len)
    return false;
  if (is_byline(line_at(im, next)) || is_date_line(line_at(im, next)))
    return true;
  return next > i + 1 && looks_like_title(line) && line->words <= 25 &&
         !has_sentence_break(line->text);
}

/* No title line: the first line is too long to be one. Its first words
 * become the headline and the whole line stays in the body. */
static void guess_headline(Importer *im, const Line *line)
{
  char *start = first_words(line->text, GUESSED_HEADLINE_WORDS);
  trim_separators(start);
  im->article->headline = g_strdup_printf("%s…", start);
  g_free(start);
  im->headline_guessed = true;
  diag_warn(im->log, im->path, line->number, 0,
            "no headline found (the first line is %ld characters long); its first words are "
            "used as the headline; put the headline on a line of its own", line->chars);
}

/* Headline, deck, byline and date lines from i; returns where the body
 * starts. */
static unsigned take_titles(Importer *im, unsigned i)
{
  Line *line = line_at(im, i);
  if (line->chars > HEADLINE_MAX_CHARS || line->words > HEADLINE_MAX_WORDS) {
    guess_headline(im, line);
    return i;
  }
  im->article->headline = g_strdup(line->text);
  set_use(im, i, IMPORT_LINE_HEADLINE);
  if (!looks_like_title(line)) {
    im->headline_guessed = true;
    diag_warn(im->log, im->path, line->number, 0,
              "no headline found; the first line is used as the headline; put the headline "
              "on a line of its own");
  }
  i = skip_junk(im, i + 1);
  if (i < im->lines->len && looks_like_deck(im, i)) {
    im->article->deck = g_strdup(line_at(im, i)->text);
    im->deck_note = "the line after the headline";
    set_use(im, i, IMPORT_LINE_DECK);
    i = skip_junk(im, i + 1);
  } else if (!im->headline_guessed) {
    split_headline(im, line);
  }
  return take_bylines(im, i, false);
}

/* The whole header; returns the first body line. */
static unsigned take_header(Importer *im)
{
  unsigned i = take_masthead(im, skip_junk(im, 0));
  i = take_bylines(im, i, true);   /* a dated byline above the headline */
  if (i >= im->lines->len)
    return i;
  return take_titles(im, i);
}

/* ==== The body =========================================================== */

typedef struct {
  GString *text;
  int first_line;       /* 1-based, for blocks and messages */
  unsigned lines;       /* input lines joined into it */
  bool bullet;
  BlockKind kind;
} Para;

static void para_clear(gpointer data)
{
  Para *p = data;
  g_string_free(p->text, TRUE);
}

/* The body's lines in order; NO_LINE separates blocks. */
#define NO_LINE G_MAXUINT

static GArray *collect_body(Importer *im, unsigned from)
{
  GArray *body = g_array_new(FALSE, FALSE, sizeof(unsigned));
  unsigned gap = NO_LINE;
  for (unsigned k = 0; k < im->front_kept->len; k++)
    g_array_append_val(body, g_array_index(im->front_kept, unsigned, k));
  g_array_append_val(body, gap);
  for (unsigned i = from; i < im->lines->len; i++) {
    if (is_blank(im, i) || im->use[i] == IMPORT_LINE_REMOVED) {
      g_array_append_val(body, gap);
    } else if (!im->taken[i]) {
      g_array_append_val(body, i);
    }
  }
  return body;
}

/* The block body[start..end) is hard-wrapped: several lines, none long,
 * and at least one breaking mid-sentence (text with one paragraph per line
 * ends each line with a full stop). */
static bool block_is_wrapped(const Importer *im, const GArray *body, unsigned start, unsigned end)
{
  if (end - start < 2)
    return false;
  bool mid_sentence = false;
  for (unsigned k = start; k < end; k++) {
    const Line *line = line_at(im, g_array_index(body, unsigned, k));
    if (line->chars > WRAP_MAX_CHARS)
      return false;
    mid_sentence = mid_sentence || (k + 1 < end && !ends_with_punctuation(line->text));
  }
  return mid_sentence;
}

static unsigned block_end(const GArray *body, unsigned start)
{
  while (start < body->len && g_array_index(body, unsigned, start) != NO_LINE)
    start++;
  return start;
}

/* The width the text was wrapped at: its longest line in wrapped blocks. */
static long wrap_width(const Importer *im, const GArray *body)
{
  long width = 0;
  for (unsigned start = 0; start < body->len;) {
    unsigned end = block_end(body, start);
    bool wrapped = block_is_wrapped(im, body, start, end);
    for (unsigned k = start; wrapped && k < end; k++)
      width = MAX(width, line_at(im, g_array_index(body, unsigned, k))->chars);
    start = end + 1;
  }
  return width;
}

/* "William S. Saturn: What ..." — up to four capitalised words and a colon. */
static bool starts_speaker_turn(const char *text)
{
  if (!memchr(text, ':', strnlen(text, 42)))   /* a speaker's name is short */
    return false;
  char *head = g_strndup(text, strnlen(text, 42));
  const char *colon = strstr(head, ": ");
  size_t length = colon ? (size_t)(colon - head) : 0;
  g_free(head);
  if (length == 0)
    return false;
  char *speaker = g_strndup(text, length);
  unsigned n;
  char **words = split_words(speaker, &n);
  bool ok = n <= 4;
  for (unsigned i = 0; ok && i < n; i++)
    ok = starts_upper(words[i]);
  g_strfreev(words);
  g_free(speaker);
  return ok;
}

/* Length of the bullet marker and its space at the start of text, or 0. */
static size_t bullet_length(const char *text)
{
  for (size_t i = 0; i < G_N_ELEMENTS(bullets); i++) {
    size_t n = strlen(bullets[i]);
    if (strncmp(text, bullets[i], n) == 0 && text[n] == ' ' && text[n + 1] != '\0')
      return n + 1;
  }
  return 0;
}

static long first_word_chars(const char *text)
{
  const char *space = strchr(text, ' ');
  return space ? g_utf8_strlen(text, space - text) : g_utf8_strlen(text, -1);
}

/* Ends in a letter and a hyphen: a word broken at the line end. */
static bool ends_in_broken_word(const char *text, size_t n)
{
  if (n < 2 || text[n - 1] != '-')
    return false;
  return g_unichar_isalpha(g_utf8_get_char(g_utf8_prev_char(text + n - 1)));
}

/* Does line next continue the paragraph that line prev ends? */
static bool continues_paragraph(const Line *prev, const Line *next, long width)
{
  if (bullet_length(next->text) || starts_speaker_turn(next->text))
    return false;
  if (ends_in_broken_word(prev->text, strlen(prev->text)) &&
      g_unichar_isalpha(first_char(next->text)))
    return true;
  /* the first word of next would have fitted on prev: the break was meant */
  return prev->chars + 1 + first_word_chars(next->text) > width;
}

/* ---- line-end hyphens ------------------------------------------------------ */

static bool is_word_char(gunichar c)
{
  return g_unichar_isalpha(c) || g_unichar_ismark(c);
}

/* Every word of the text, case-folded, hyphenated compounds whole. */
static GHashTable *collect_words(const Importer *im)
{
  GHashTable *words = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  for (unsigned i = 0; i < im->lines->len; i++) {
    const char *p = line_at(im, i)->text;
    while (*p) {
      while (*p && !is_word_char(g_utf8_get_char(p)))
        p = g_utf8_next_char(p);
      const char *start = p;
      while (*p && (is_word_char(g_utf8_get_char(p)) ||
                    (*p == '-' && p[1] && is_word_char(g_utf8_get_char(p + 1)))))
        p = g_utf8_next_char(p);
      if (p > start)
        g_hash_table_add(words, g_utf8_casefold(start, p - start));
    }
  }
  return words;
}

static bool text_has_word(Importer *im, const char *word)
{
  if (!im->words)
    im->words = collect_words(im);
  char *folded = g_utf8_casefold(word, -1);
  bool found = g_hash_table_contains(im->words, folded);
  g_free(folded);
  return found;
}

/* The hyphenation dictionary allows a break in joined after left_len bytes. */
static bool dictionary_breaks_at(Importer *im, const char *joined, size_t left_len)
{
  if (!im->hyphenator)
    im->hyphenator = hyphenator_new(NULL);
  RichText text;
  rich_text_init(&text);
  rich_text_append(&text, joined, -1, 0);
  rich_text_append(&text, " x", -1, 0);   /* a paragraph's last word gets no points */
  GArray *points = hyphenator_points(im->hyphenator, im->language ? im->language : "en", &text);
  bool found = false;
  for (unsigned i = 0; i < points->len && !found; i++)
    found = g_array_index(points, HyphenPoint, i).offset == left_len;
  g_array_unref(points);
  rich_text_clear(&text);
  return found;
}

/* "negoti-" + "ations": drop the hyphen only where the joined word is a
 * word: it occurs elsewhere in the text, or (both halves lowercase, the
 * first not a compound prefix such as "anti" or "well", and the hyphenated
 * form nowhere in the text) the language's hyphenation dictionary breaks
 * the joined word at exactly that place. Otherwise the hyphen stays. */
static bool drop_hyphen(Importer *im, const char *left, size_t left_len, const char *right,
                        size_t right_len)
{
  char *joined = g_strdup_printf("%.*s%.*s", (int)left_len, left, (int)right_len, right);
  char *hyphenated = g_strdup_printf("%.*s-%.*s", (int)left_len, left, (int)right_len, right);
  char *prefix = g_utf8_casefold(left, (gssize)left_len);
  bool drop;
  if (text_has_word(im, joined))
    drop = true;
  else if (text_has_word(im, hyphenated) || IN_TABLE(compound_prefixes, prefix) ||
           !g_unichar_islower(g_utf8_get_char(right)) ||
           !g_unichar_islower(g_utf8_get_char(g_utf8_prev_char(left + left_len))))
    drop = false;
  else
    drop = dictionary_breaks_at(im, joined, left_len);
  g_free(prefix);
  g_free(hyphenated);
  g_free(joined);
  return drop;
}

/* Appends line to the paragraph text, rejoining a word broken at the end
 * of the text so far. */
static void append_line(Importer *im, GString *text, const char *line)
{
  if (!ends_in_broken_word(text->str, text->len) || !is_word_char(first_char(line))) {
    g_string_append_c(text, ' ');
    g_string_append(text, line);
    return;
  }
  size_t hyphen = text->len - 1, start = hyphen;
  while (start > 0) {
    const char *prev = g_utf8_prev_char(text->str + start);
    if (!is_word_char(g_utf8_get_char(prev)))
      break;
    start = (size_t)(prev - text->str);
  }
  const char *end = line;
  while (*end && is_word_char(g_utf8_get_char(end)))
    end = g_utf8_next_char(end);
  if (drop_hyphen(im, text->str + start, hyphen - start, line, (size_t)(end - line))) {
    g_string_truncate(text, hyphen);
    im->hyphens_dropped++;
  }
  g_string_append(text, line);
}

/* ---- paragraphs ------------------------------------------------------------ */

static Para *start_para(GArray *paras, const Line *line)
{
  size_t bullet = bullet_length(line->text);
  Para p = { g_string_new(line->text + bullet), line->number, 1, bullet > 0,
             bullet > 0 ? BLOCK_LIST_ITEM : BLOCK_PARAGRAPH };
  g_array_append_val(paras, p);
  return &g_array_index(paras, Para, paras->len - 1);
}

/* Blocks of lines into paragraphs: in a hard-wrapped block lines join
 * until one ends short (the next word would have fitted on it); in any
 * other block each line is a paragraph. */
static GArray *make_paragraphs(Importer *im, const GArray *body)
{
  GArray *paras = g_array_new(FALSE, FALSE, sizeof(Para));
  g_array_set_clear_func(paras, para_clear);
  long width = wrap_width(im, body);
  for (unsigned start = 0; start < body->len;) {
    unsigned end = block_end(body, start);
    bool wrapped = block_is_wrapped(im, body, start, end);
    Para *para = NULL;
    const Line *prev = NULL;
    for (unsigned k = start; k < end; k++) {
      const Line *line = line_at(im, g_array_index(body, unsigned, k));
      set_use(im, g_array_index(body, unsigned, k), IMPORT_LINE_BODY);
      if (para && wrapped && continues_paragraph(prev, line, width)) {
        append_line(im, para->text, line->text);
        para->lines++;
      } else {
        para = start_para(paras, line);
      }
      prev = line;
    }
    start = end + 1;
  }
  return paras;
}

/* ---- crossheads, dateline, image ------------------------------------------- */

/* One short line, capitalised, no closing punctuation ("Interview"). */
static bool crosshead_like(const Para *p)
{
  unsigned words = count_words(p->text->str);
  gunichar first = first_char(p->text->str);
  return p->lines == 1 && !p->bullet && words >= 1 && words <= 6 &&
         g_utf8_strlen(p->text->str, -1) <= 60 && (starts_upper(p->text->str) ||
         g_unichar_isdigit(first)) && !ends_with_punctuation(p->text->str) &&
         !starts_speaker_turn(p->text->str);
}

/* A lone short line between paragraphs is a crosshead; several short lines
 * in a row are not (a list, a poem). */
static void mark_crossheads(GArray *paras)
{
  for (unsigned i = 0; i + 1 < paras->len; i++) {
    Para *p = &g_array_index(paras, Para, i);
    if (crosshead_like(p) && !crosshead_like(&g_array_index(paras, Para, i + 1)) &&
        (i == 0 || !crosshead_like(&g_array_index(paras, Para, i - 1))))
      p->kind = BLOCK_CROSSHEAD;
  }
}

/* "TEHRAN", "WASHINGTON (AP)", "NEW YORK, June 24 (Reuters)": a place in
 * capitals, then perhaps a date and an agency. */
static bool looks_like_dateline(const char *text, size_t len)
{
  size_t place = strcspn(text, ",(");
  if (place > len)
    place = len;
  unsigned letters = 0;
  for (const char *p = text; p < text + place; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (g_unichar_islower(c) || !(g_unichar_isalpha(c) || strchr(" .'-", (int)c)))
      return false;
    letters += g_unichar_isalpha(c);
  }
  return letters >= 4 && len - place <= 30;
}

static void take_dateline(Importer *im, Para *p)
{
  static const char *const dashes[] = { " - ", " -- ", " – ", " — " };
  /* a dateline is short: look at the paragraph's start only */
  char *head = g_strndup(p->text->str, strnlen(p->text->str, 72));
  for (size_t i = 0; i < G_N_ELEMENTS(dashes); i++) {
    const char *dash = strstr(head, dashes[i]);
    if (!dash || dash - head > 60 || !looks_like_dateline(head, (size_t)(dash - head)))
      continue;
    size_t rest = (size_t)(dash - head) + strlen(dashes[i]);
    const char *after = p->text->str + rest;
    if (starts_upper(after) || g_unichar_isdigit(first_char(after)) || *after == '"') {
      im->article->dateline = g_strndup(head, (size_t)(dash - head));
      g_string_erase(p->text, 0, (gssize)rest);
    }
    break;
  }
  g_free(head);
}

/* "image 6d2ca9.png" -> "6d2ca9.png" (trailing punctuation dropped). */
static char *image_name(const char *word)
{
  char *name = g_strdup(word);
  size_t n = strlen(name);
  while (n > 0 && strchr(".,;:!?)\"'", name[n - 1]))
    name[--n] = '\0';
  char *lower = g_ascii_strdown(name, -1);
  bool image = false;
  for (size_t i = 0; i < G_N_ELEMENTS(image_extensions) && !image; i++)
    image = g_str_has_suffix(lower, image_extensions[i]) && n > strlen(image_extensions[i]);
  g_free(lower);
  for (size_t i = 0; image && i < n; i++)
    image = g_ascii_isalnum(name[i]) || strchr("._-", name[i]);
  if (!image) {
    g_free(name);
    return NULL;
  }
  return name;
}

/* The named file beside the text, or in images/ beside it; NULL if neither. */
static char *find_image_file(const char *text_path, const char *name)
{
  char *dir = g_path_get_dirname(text_path);
  char *candidates[2] = { g_build_filename(dir, name, NULL),
                          g_build_filename(dir, "images", name, NULL) };
  g_free(dir);
  char *found = NULL;
  for (int i = 0; i < 2; i++) {
    if (!found && g_file_test(candidates[i], G_FILE_TEST_IS_REGULAR))
      found = candidates[i];
    else
      g_free(candidates[i]);
  }
  return found;
}

/* An image file the text mentions becomes the photo when it is there. */
static void find_image(Importer *im, const Para *p)
{
  for (const char *word = p->text->str; *word && !im->article->image;) {
    const char *end = word;
    bool dot = false;
    for (; *end && *end != ' '; end++)
      dot = dot || *end == '.';
    char *candidate = dot ? g_strndup(word, (size_t)(end - word)) : NULL;
    word = *end ? end + 1 : end;
    char *name = candidate ? image_name(candidate) : NULL;
    g_free(candidate);
    if (!name)
      continue;
    im->article->image = find_image_file(im->path, name);
    if (!im->article->image)
      diag_warn(im->log, im->path, p->first_line, 0,
                "the text mentions the image %s, which is not beside it (nor in images/); "
                "the article has no photo", name);
    else
      im->article->image_line = p->first_line;
    g_free(name);
  }
}

static void add_blocks(Importer *im, GArray *paras)
{
  mark_crossheads(paras);
  for (unsigned i = 0; i < paras->len; i++) {
    Para *p = &g_array_index(paras, Para, i);
    if (i == 0 && p->kind == BLOCK_PARAGRAPH)
      take_dateline(im, p);
    find_image(im, p);
    Block *block = block_new(p->kind, p->first_line);
    block->level = p->kind == BLOCK_CROSSHEAD ? 2 : p->kind == BLOCK_LIST_ITEM ? 1 : 0;
    if (p->kind == BLOCK_LIST_ITEM)
      block->marker = g_strdup("•");
    rich_text_append(&block->content, p->text->str, (gssize)p->text->len, 0);
    article_add_block(im->article, block);
  }
}

/* ==== The summary ======================================================== */

static void add_field(GString *out, const char *name, const char *value, const char *note)
{
  if (!value)
    return;
  char *shown = shorten(value, SUMMARY_VALUE_CHARS);
  g_string_append_printf(out, "%s%s \"%s\"", out->len ? ", " : "", name, shown);
  if (note)
    g_string_append_printf(out, " (%s)", note);
  g_free(shown);
}

static void count_blocks(const Article *article, unsigned counts[3])
{
  counts[0] = counts[1] = counts[2] = 0;
  for (unsigned i = 0; i < article->blocks->len; i++) {
    const Block *block = g_ptr_array_index(article->blocks, i);
    counts[block->kind == BLOCK_CROSSHEAD ? 1 : block->kind == BLOCK_LIST_ITEM ? 2 : 0]++;
  }
}

static void add_body_counts(GString *out, const Importer *im)
{
  static const char *const names[3][2] = {
    { "paragraph", "paragraphs" }, { "crosshead", "crossheads" }, { "list item", "list items" },
  };
  unsigned counts[3];
  count_blocks(im->article, counts);
  for (int k = 0; k < 3; k++)
    if (counts[k] || k == 0)
      g_string_append_printf(out, ", %u %s", counts[k], names[k][counts[k] != 1]);
  if (im->hyphens_dropped)
    g_string_append_printf(out, ", %u line-end hyphen%s dropped", im->hyphens_dropped,
                           im->hyphens_dropped == 1 ? "" : "s");
}

static void add_removed(GString *out, const Importer *im)
{
  if (im->options->keep_all) {
    g_string_append(out, "; nothing removed (--keep-all)");
    return;
  }
  if (im->removed->len == 0) {
    g_string_append(out, "; nothing removed");
    return;
  }
  g_string_append_printf(out, "; removed %u line%s: ", im->removed->len,
                         im->removed->len == 1 ? "" : "s");
  for (unsigned i = 0; i < im->removed->len; i++)
    g_string_append_printf(out, "%s%s", i ? ", " : "", (char *)g_ptr_array_index(im->removed, i));
}

/* source "The Oligo News", headline "...", deck "..." (split from the
 * headline line), byline "Raju Saha", date 2026-06-24 (24/6/2026, read as
 * day/month), 4 paragraphs; removed 1 line: 15 "Latest Videos" */
static char *make_summary(const Importer *im)
{
  const Article *a = im->article;
  GString *out = g_string_new(NULL);
  add_field(out, "source", a->source, NULL);
  add_field(out, "headline", a->headline,
            im->headline_guessed ? "guessed: no title line" :
            im->headline_unsure ? "kept whole: unsure where a deck would begin" : NULL);
  add_field(out, "deck", a->deck, im->deck_note);
  if (a->byline)
    add_field(out, "byline", a->byline, NULL);
  else
    g_string_append(out, ", no byline");
  if (a->date)
    g_string_append_printf(out, ", date %s (%s)", a->date, im->date_note->str);
  else
    g_string_append(out, ", no date");
  add_field(out, "dateline", a->dateline, NULL);
  add_field(out, "image", a->image, NULL);
  add_body_counts(out, im);
  add_removed(out, im);
  return g_string_free(out, FALSE);
}

/* ==== Entry points ======================================================= */

static void importer_init(Importer *im, const char *path, const ImportOptions *options,
                          DiagLog *log, GArray *lines)
{
  memset(im, 0, sizeof *im);
  im->path = path;
  im->options = options;
  im->log = log;
  im->lines = lines;
  im->use = g_new0(ImportLineUse, lines->len);
  im->taken = g_new0(bool, lines->len);
  im->junk = g_new(gint8, lines->len);
  memset(im->junk, -1, lines->len);
  im->article = article_new(path);
  im->date_note = g_string_new(NULL);
  im->front_kept = g_array_new(FALSE, FALSE, sizeof(unsigned));
  im->removed = g_ptr_array_new_with_free_func(g_free);
  im->evidence = numeric_date_evidence(lines);
}

static void importer_clear(Importer *im)
{
  article_free(im->article);
  g_free(im->use);
  g_free(im->taken);
  g_free(im->junk);
  if (im->junk_patterns)
    g_ptr_array_free(im->junk_patterns, TRUE);
  g_string_free(im->date_note, TRUE);
  g_array_free(im->front_kept, TRUE);
  g_ptr_array_free(im->removed, TRUE);
  hyphenator_free(im->hyphenator);
  if (im->words)
    g_hash_table_destroy(im->words);
  free_lines(im->lines);
}

/* A text with a headline but nothing after it, or only furniture. */
static bool check_has_body(const Importer *im, GError **error)
{
  if (!im->article->headline) {
    diag_set_error(error, GALLEY_ERROR_INPUT, im->path, 0, 0,
                   "every line looks like web furniture (\"%s\"...); there is no article "
                   "to import", next_content(im, 0) < im->lines->len ?
                   line_at(im, next_content(im, 0))->text : line_at(im, 0)->text);
    return false;
  }
  if (im->article->blocks->len > 0)
    return true;
  diag_set_error(error, GALLEY_ERROR_INPUT, im->path, 0, 0,
                 "found a headline (\"%s\") but no body text after it; an article needs "
                 "paragraphs after its headline", im->article->headline);
  return false;
}

static void fill_report(const Importer *im, ImportReport *report)
{
  if (!report)
    return;
  report->summary = make_summary(im);
  report->line_use = g_array_sized_new(FALSE, FALSE, sizeof(ImportLineUse), im->lines->len);
  g_array_append_vals(report->line_use, im->use, im->lines->len);
}

static bool import_lines(Importer *im, GError **error)
{
  unsigned body_start = take_header(im);
  remove_body_junk(im, body_start);
  GArray *body = collect_body(im, body_start);
  GArray *paras = make_paragraphs(im, body);
  add_blocks(im, paras);
  g_array_free(paras, TRUE);
  g_array_free(body, TRUE);
  return check_has_body(im, error);
}

Article *importer_read_buffer(const char *path, const char *data, size_t len,
                              const ImportOptions *options, ImportReport *report,
                              DiagLog *log, GError **error)
{
  static const ImportOptions defaults = { DATE_ORDER_AUTO, false };
  if (!check_input(path, data, len, error))
    return NULL;
  if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
    data += 3;
    len -= 3;
  }
  Importer im;
  importer_init(&im, path, options ? options : &defaults, log, split_lines(data, len));
  Article *article = NULL;
  if (import_lines(&im, error)) {
    fill_report(&im, report);
    article = im.article;
    im.article = NULL;
  }
  importer_clear(&im);
  return article;
}

Article *importer_read_file(const char *path, const ImportOptions *options,
                            ImportReport *report, DiagLog *log, GError **error)
{
  char *data = NULL;
  gsize len = 0;
  if (!diag_read_file(path, "text", &data, &len, error))
    return NULL;
  Article *article = importer_read_buffer(path, data, len, options, report, log, error);
  g_free(data);
  return article;
}

void importer_report_clear(ImportReport *report)
{
  if (!report)
    return;
  g_free(report->summary);
  if (report->line_use)
    g_array_free(report->line_use, TRUE);
  report->summary = NULL;
  report->line_use = NULL;
}

bool importer_is_text_path(const char *path)
{
  size_t n = strlen(path);
  return n > 4 && g_ascii_strcasecmp(path + n - 4, ".txt") == 0;
}

/* ==== Writing the article format ========================================= */

/* Plain YAML scalars that YAML would read as something else, or that a
 * ':' or '#' would cut short, are double-quoted; so are any with brackets,
 * which galley's reader counts before parsing (yamldoc.c) unless quoted. */
static bool yaml_needs_quotes(const char *value)
{
  static const char *const specials[] = { "true", "false", "yes", "no", "on", "off", "null",
                                          "~", "y", "n" };
  if (!*value || strchr("-?:,[]{}#&*!|>'\"%@` \t", value[0]) || strpbrk(value, "[]{}") ||
      strstr(value, ": ") ||
      strstr(value, " #") || g_str_has_suffix(value, ":") || g_str_has_suffix(value, " "))
    return true;
  for (const char *p = value; *p; p++)
    if ((unsigned char)*p < 0x20)
      return true;
  char *lower = g_ascii_strdown(value, -1);
  bool special = IN_TABLE(specials, lower);
  g_free(lower);
  char *end = NULL;
  g_ascii_strtod(value, &end);
  return special || (end && *end == '\0');
}

static void append_yaml_value(GString *out, const char *value)
{
  if (!yaml_needs_quotes(value)) {
    g_string_append(out, value);
    return;
  }
  g_string_append_c(out, '"');
  for (const char *p = value; *p; p++) {
    if (*p == '"' || *p == '\\')
      g_string_append_printf(out, "\\%c", *p);
    else if ((unsigned char)*p < 0x20)
      g_string_append_printf(out, "\\x%02X", (unsigned)(unsigned char)*p);
    else
      g_string_append_c(out, *p);
  }
  g_string_append_c(out, '"');
}

/* path relative to dir when both can be made absolute; else path. */
static char *relative_path(const char *path, const char *dir)
{
  char *abs_path = g_canonicalize_filename(path, NULL);
  char *abs_dir = g_canonicalize_filename(dir ? dir : ".", NULL);
  char **p = g_strsplit(abs_path, "/", -1), **d = g_strsplit(abs_dir, "/", -1);
  unsigned common = 0;
  while (p[common] && d[common] && strcmp(p[common], d[common]) == 0)
    common++;
  GString *out = g_string_new(NULL);
  for (unsigned i = common; d[i]; i++)
    if (*d[i])
      g_string_append(out, "../");
  for (unsigned i = common; p[i]; i++)
    g_string_append_printf(out, "%s%s", p[i], p[i + 1] ? "/" : "");
  g_strfreev(p);
  g_strfreev(d);
  g_free(abs_path);
  g_free(abs_dir);
  return g_string_free(out, FALSE);
}

static void append_front_matter(GString *out, const Article *a, const char *markdown_dir)
{
  const struct { const char *key; const char *value; } fields[] = {
    { "headline", a->headline }, { "deck", a->deck }, { "byline", a->byline },
    { "date", a->date }, { "section", a->section }, { "source", a->source },
    { "dateline", a->dateline }, { "language", a->language },
  };
  g_string_append(out, "---\n");
  for (size_t i = 0; i < G_N_ELEMENTS(fields); i++) {
    if (!fields[i].value)
      continue;
    g_string_append_printf(out, "%s: ", fields[i].key);
    append_yaml_value(out, fields[i].value);
    g_string_append_c(out, '\n');
  }
  if (a->priority > 0)
    g_string_append_printf(out, "priority: %d\n", a->priority);
  if (a->image) {
    char *image = relative_path(a->image, markdown_dir);
    g_string_append(out, "image: ");
    append_yaml_value(out, image);
    g_string_append_c(out, '\n');
    g_free(image);
  }
  const struct { const char *key; const char *value; } photo[] = {
    { "caption", a->caption }, { "credit", a->credit },
  };
  for (size_t i = 0; i < G_N_ELEMENTS(photo); i++)
    if (photo[i].value) {
      g_string_append_printf(out, "%s: ", photo[i].key);
      append_yaml_value(out, photo[i].value);
      g_string_append_c(out, '\n');
    }
  g_string_append(out, "---\n");
}

/* Text that Markdown must print as it is: emphasis and code characters,
 * '<' opening a tag, '&' opening an entity and ']' closing a link are
 * backslash-escaped, and so is whatever at the start would open a block
 * ("# ", "> ", "- ", "1. ", "2004. The"). Brackets alone stay: "[KPA]"
 * is no link without a definition, which the escaped ']' rules out. */
static void append_markdown_text(GString *out, const char *text, bool heading)
{
  const char *p = text;
  if (strchr("#>+-=", *p) && *p) {
    g_string_append_c(out, '\\');
  } else if (g_ascii_isdigit(*p)) {
    while (g_ascii_isdigit(*p))
      g_string_append_c(out, *p++);
    if (*p == '.' || *p == ')')
      g_string_append_c(out, '\\');
  }
  for (; *p; p++) {
    bool entity = *p == '&' && (p[1] == '#' || g_ascii_isalpha(p[1]));
    bool tag = *p == '<' && (g_ascii_isalpha(p[1]) || strchr("/!?", p[1]));
    bool link = *p == ']' && strchr("([:", p[1]) && p[1];   /* "[a](b)", "[a]: b" */
    if (strchr("\\`*_~", *p) || entity || tag || link || (heading && *p == '#'))
      g_string_append_c(out, '\\');
    g_string_append_c(out, *p);
  }
}

static void append_block(GString *out, const Block *block)
{
  const char *text = block->content.text ? block->content.text->str : "";
  switch (block->kind) {
  case BLOCK_CROSSHEAD:
    for (int i = 0; i < MAX(block->level, 1); i++)
      g_string_append_c(out, '#');
    g_string_append_c(out, ' ');
    append_markdown_text(out, text, true);
    break;
  case BLOCK_QUOTE:
    g_string_append(out, "> ");
    append_markdown_text(out, text, false);
    break;
  case BLOCK_LIST_ITEM:
    g_string_append(out, block->marker && g_ascii_isdigit(block->marker[0]) ? block->marker : "-");
    g_string_append_c(out, ' ');
    append_markdown_text(out, text, false);
    break;
  case BLOCK_CODE:
    g_string_append_printf(out, "~~~~\n%s\n~~~~", text);
    break;
  case BLOCK_RULE:
    g_string_append(out, "---");
    break;
  default:
    append_markdown_text(out, text, false);
    break;
  }
  g_string_append_c(out, '\n');
}

char *importer_to_markdown(const Article *article, const char *markdown_dir)
{
  GString *out = g_string_new(NULL);
  append_front_matter(out, article, markdown_dir);
  for (unsigned i = 0; i < article->blocks->len; i++) {
    const Block *block = g_ptr_array_index(article->blocks, i);
    if (block->kind == BLOCK_TABLE)
      continue;   /* the importer makes none */
    g_string_append_c(out, '\n');
    append_block(out, block);
  }
  return g_string_free(out, FALSE);
}
