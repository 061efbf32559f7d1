/* vankho-date.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vankho-date.h"

/**
 * vankho_date_set:
 * @date: the date to fill
 * @year: a year from 1 to 9999
 * @month: 1–12, or 0 when only the year is known
 * @day: 1–31, or 0 when only the month is known
 *
 * Sets @date with the precision its parts give, after checking that they make
 * a real date (no 31/02, no month 13).
 *
 * Returns: %TRUE if the parts made a valid date; @date is untouched otherwise
 */
gboolean
vankho_date_set (VankhoDate *date,
                 guint       year,
                 guint       month,
                 guint       day)
{
  VankhoDatePrecision precision;

  g_return_val_if_fail (date != NULL, FALSE);

  if (year < 1 || year > 9999 || month > 12 || (month == 0 && day != 0))
    return FALSE;

  if (day != 0)
    {
      if (!g_date_valid_dmy (day, month, year))
        return FALSE;
      precision = VANKHO_DATE_PRECISION_DAY;
    }
  else if (month != 0)
    precision = VANKHO_DATE_PRECISION_MONTH;
  else
    precision = VANKHO_DATE_PRECISION_YEAR;

  date->year = year;
  date->month = month;
  date->day = day;
  date->precision = precision;

  return TRUE;
}

/**
 * vankho_date_parse_iso:
 * @date: the date to fill
 * @iso: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'
 *
 * Returns: %TRUE if @iso was a valid date at one of those precisions
 */
gboolean
vankho_date_parse_iso (VankhoDate *date,
                       const char *iso)
{
  guint year = 0;
  guint month = 0;
  guint day = 0;
  gsize len;

  g_return_val_if_fail (date != NULL, FALSE);

  if (iso == NULL)
    return FALSE;

  len = strlen (iso);
  for (gsize i = 0; i < len; i++)
    {
      gboolean dash_here = (i == 4 || i == 7);

      if (dash_here ? iso[i] != '-' : !g_ascii_isdigit (iso[i]))
        return FALSE;
    }

  if (len != 4 && len != 7 && len != 10)
    return FALSE;

  year = g_ascii_strtoull (iso, NULL, 10);
  if (len >= 7)
    month = g_ascii_strtoull (iso + 5, NULL, 10);
  if (len == 10)
    day = g_ascii_strtoull (iso + 8, NULL, 10);

  if (len >= 7 && month == 0)
    return FALSE;
  if (len == 10 && day == 0)
    return FALSE;

  return vankho_date_set (date, year, month, day);
}

/**
 * vankho_date_to_iso:
 * @date: a date
 *
 * Returns: (transfer full) (nullable): the date as ISO 8601 at its own
 *   precision ('2023', '2023-08', '2023-08-31'), or %NULL if unknown
 */
char *
vankho_date_to_iso (const VankhoDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  switch (date->precision)
    {
    case VANKHO_DATE_PRECISION_DAY:
      return g_strdup_printf ("%04u-%02u-%02u", date->year, date->month, date->day);
    case VANKHO_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%04u-%02u", date->year, date->month);
    case VANKHO_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%04u", date->year);
    case VANKHO_DATE_PRECISION_UNKNOWN:
    default:
      return NULL;
    }
}

/**
 * vankho_date_compare:
 *
 * Orders by year, month, day; a date known only to the month sorts before
 * the days of that month. Unknown dates sort first.
 */
int
vankho_date_compare (const VankhoDate *a,
                     const VankhoDate *b)
{
  if (a->precision == VANKHO_DATE_PRECISION_UNKNOWN || b->precision == VANKHO_DATE_PRECISION_UNKNOWN)
    return (a->precision != VANKHO_DATE_PRECISION_UNKNOWN) - (b->precision != VANKHO_DATE_PRECISION_UNKNOWN);
  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;
  if (a->month != b->month)
    return a->month < b->month ? -1 : 1;
  if (a->day != b->day)
    return a->day < b->day ? -1 : 1;
  return 0;
}

const char *
vankho_date_precision_to_string (VankhoDatePrecision precision)
{
  switch (precision)
    {
    case VANKHO_DATE_PRECISION_DAY:
      return "day";
    case VANKHO_DATE_PRECISION_MONTH:
      return "month";
    case VANKHO_DATE_PRECISION_YEAR:
      return "year";
    case VANKHO_DATE_PRECISION_UNKNOWN:
    default:
      return "unknown";
    }
}

VankhoDatePrecision
vankho_date_precision_from_string (const char *str)
{
  if (g_strcmp0 (str, "day") == 0)
    return VANKHO_DATE_PRECISION_DAY;
  if (g_strcmp0 (str, "month") == 0)
    return VANKHO_DATE_PRECISION_MONTH;
  if (g_strcmp0 (str, "year") == 0)
    return VANKHO_DATE_PRECISION_YEAR;
  return VANKHO_DATE_PRECISION_UNKNOWN;
}
