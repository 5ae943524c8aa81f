/* furniture.h — the words and dates on an edition's furniture (folios,
 * nameplate, jump lines) in the edition's language: English, German,
 * French and Spanish; other languages get English words. */
#ifndef GALLEY_FURNITURE_H
#define GALLEY_FURNITURE_H

typedef struct {
  const char *continued_on;     /* printf format taking the page label */
  const char *continued_from;
  const char *volume;           /* "Vol." */
  const char *number;           /* "No." */
  const char *page;             /* "Page" */
} FurnitureWords;

const FurnitureWords *furniture_words(const char *language);

/* "Wednesday, June 24, 2026" (en), "Mittwoch, 24. Juni 2026" (de),
 * "mercredi 24 juin 2026" (fr), "miércoles, 24 de junio de 2026" (es).
 * Anything that is not an ISO date is returned as written. Caller frees. */
char *furniture_date(const char *iso, const char *language);

#endif
