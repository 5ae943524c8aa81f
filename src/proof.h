/* proof.h — a proof reader's findings, from the display list alone.
 *
 * What an editor checks on a page before it goes: overset text, widows and
 * orphans, loose lines, hyphen ladders, missing and low-resolution photos,
 * headlines that do not fit. Each finding names the article file and line.
 *
 * The figures follow ../shared/tools/pdfquality's definitions, computed
 * from what galley knows instead of read back from a PDF:
 * - body lines: text within 5 % of the body size; a column segment is a
 *   story's body lines in one column of one page;
 * - a loose line: a full justified body line of at least 4 words whose
 *   mean word space exceeds 0.5 em;
 * - a ladder: 3 or more hyphenated body lines in a row in a segment;
 * - at a column or page break inside a paragraph: an orphan when the
 *   column ends on the paragraph's first line, a widow when the next
 *   column starts with its last. */
#ifndef GALLEY_PROOF_H
#define GALLEY_PROOF_H

#include <stdbool.h>

#include "displaylist.h"
#include "model.h"

/* Photos below this many pixels per inch at their printed size print soft
 * on newsprint (a 85-100 lpi screen wants about twice its ruling). */
#define PROOF_MIN_PHOTO_PPI 150.0
#define PROOF_LOOSE_GAP_EM 0.5
#define PROOF_MIN_WORDS 4
#define PROOF_LADDER_RUN 3

typedef enum {
  PROOF_OVERSET, PROOF_MISSING_IMAGE, PROOF_HEADLINE_TOO_LONG,   /* errors */
  PROOF_WIDOW, PROOF_ORPHAN, PROOF_LOOSE_LINE, PROOF_LADDER, PROOF_LOW_RES_PHOTO,
  PROOF_KIND_COUNT
} ProofKind;

typedef struct {
  ProofKind kind;
  const char *file;   /* the article's path (borrowed from the article) */
  int line;           /* 1-based, 0 when unknown */
  int page;           /* 0-based, -1 when not placed */
  int x, y;           /* where on the page (Pango units; y a baseline) */
  char *message;      /* what is wrong, with the text concerned */
} ProofFinding;

typedef struct {
  GArray *findings;   /* ProofFinding, in page order */
  int pages;
  int body_lines, hyphenated_lines;
  int measured_lines, loose_lines;   /* loose_pct = 100 * loose / measured */
  int counts[PROOF_KIND_COUNT];
  int errors;         /* overset, missing photos, headlines that do not fit */
} ProofReport;

/* Reads the display list of articles set in layout. Caller frees. */
ProofReport *proof_run(const DisplayList *list, const Layout *layout, Article *const *articles,
                       unsigned count);
void proof_report_free(ProofReport *report);
/* Removes every finding of one kind (a check the caller knows better). */
void proof_report_drop(ProofReport *report, ProofKind kind);

const char *proof_kind_name(ProofKind kind);   /* "widow", "loose-line" ... */
bool proof_kind_is_error(ProofKind kind);
double proof_loose_pct(const ProofReport *report);   /* -1 when no line was measured */

/* The report as JSON (caller frees). */
char *proof_report_json(const ProofReport *report);

#endif
