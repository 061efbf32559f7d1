/* vankho-format.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vankho-format.h"

/**
 * vankho_format_date:
 * @date: a date at any precision
 *
 * Formats @date at its own precision, the way the interface language writes
 * dates: no made-up day for an article known only to the month.
 *
 * Returns: (transfer full): the date for display
 */
char *
vankho_format_date (const VankhoDate *date)
{
  g_autoptr(GDateTime) datetime = NULL;

  switch (date->precision)
    {
    case VANKHO_DATE_PRECISION_DAY:
      datetime = g_date_time_new_local (date->year, date->month, date->day, 0, 0, 0);
      /* Translators: a full date, as strftime; Vietnamese writes 31/08/2023. */
      return g_date_time_format (datetime, _("%-d %b %Y"));

    case VANKHO_DATE_PRECISION_MONTH:
      datetime = g_date_time_new_local (date->year, date->month, 1, 0, 0, 0);
      /* Translators: a month and year, as strftime; Vietnamese writes tháng 8/2023. */
      return g_date_time_format (datetime, _("%b %Y"));

    case VANKHO_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%u", date->year);

    case VANKHO_DATE_PRECISION_UNKNOWN:
    default:
      return g_strdup (_("Undated"));
    }
}
