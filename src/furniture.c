/* furniture.c — furniture words and long dates by language. */
#include "furniture.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

static const FurnitureWords words_en = { "Continued on Page %s", "Continued from Page %s", "Vol.", "No.", "Page" };
static const FurnitureWords words_de = { "Fortsetzung auf Seite %s", "Fortsetzung von Seite %s", "Jahrgang", "Nr.", "Seite" };
static const FurnitureWords words_fr = { "Suite en page %s", "Suite de la page %s", "Vol.", "N\u00b0", "Page" };
static const FurnitureWords words_es = { "Contin\u00faa en la p\u00e1gina %s", "Viene de la p\u00e1gina %s", "A\u00f1o", "N.\u00ba", "P\u00e1gina" };

static const char *language_code(const char *language)
{
  return language ? language : "en";
}

const FurnitureWords *furniture_words(const char *language)
{
  const char *lang = language_code(language);
  if (g_str_has_prefix(lang, "de"))
    return &words_de;
  if (g_str_has_prefix(lang, "fr"))
    return &words_fr;
  if (g_str_has_prefix(lang, "es"))
    return &words_es;
  return &words_en;
}

static const char *const months[4][12] = {
  { "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December" },
  { "Januar", "Februar", "M\u00e4rz", "April", "Mai", "Juni", "Juli", "August", "September",
    "Oktober", "November", "Dezember" },
  { "janvier", "f\u00e9vrier", "mars", "avril", "mai", "juin", "juillet", "ao\u00fbt", "septembre",
    "octobre", "novembre", "d\u00e9cembre" },
  { "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "octubre", "noviembre", "diciembre" },
};

/* Monday first, as GDateWeekday counts (1 = Monday). */
static const char *const weekdays[4][7] = {
  { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" },
  { "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag" },
  { "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche" },
  { "lunes", "martes", "mi\u00e9rcoles", "jueves", "viernes", "s\u00e1bado", "domingo" },
};

char *furniture_date(const char *iso, const char *language)
{
  int y, m, d;
  char tail;
  if (!iso || sscanf(iso, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || !g_date_valid_dmy(
        (GDateDay)d, (GDateMonth)m, (GDateYear)y))
    return g_strdup(iso ? iso : "");
  GDate *date = g_date_new_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y);
  int wd = (int)g_date_get_weekday(date) - 1;
  g_date_free(date);
  const char *lang = language_code(language);
  if (g_str_has_prefix(lang, "de"))
    return g_strdup_printf("%s, %d. %s %d", weekdays[1][wd], d, months[1][m - 1], y);
  if (g_str_has_prefix(lang, "fr"))
    return g_strdup_printf("%s %d %s %d", weekdays[2][wd], d, months[2][m - 1], y);
  if (g_str_has_prefix(lang, "es"))
    return g_strdup_printf("%s, %d de %s de %d", weekdays[3][wd], d, months[3][m - 1], y);
  return g_strdup_printf("%s, %s %d, %d", weekdays[0][wd], months[0][m - 1], d, y);
}
