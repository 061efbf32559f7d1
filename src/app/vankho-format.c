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

/* Event kinds as users read them; the order is the order things happen. */
static const struct
{
  const char *kind;
  const char *label;
} event_kinds[] = {
  { "ban_hanh", N_("Issued a plan") },
  { "quan_triet", N_("Disseminated") },
  { "trien_khai", N_("Rolled out") },
  { "phat_dong", N_("Launched") },
  { "giao_ban", N_("Briefing") },
  { "kiem_tra", N_("Inspection") },
  { "giam_sat", N_("Supervision") },
  { "danh_gia", N_("Assessment") },
  { "so_ket", N_("Interim review") },
  { "tong_ket", N_("Final review") },
};

/**
 * vankho_format_event_kind_rank:
 * @kind: an event kind as extraction stores it ("so_ket")
 *
 * Returns: where @kind comes in the life of a document, kinds this build
 *   does not know last
 */
guint
vankho_format_event_kind_rank (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (event_kinds); i++)
    if (g_strcmp0 (kind, event_kinds[i].kind) == 0)
      return i;
  return G_N_ELEMENTS (event_kinds);
}

/**
 * vankho_format_event_kind:
 * @kind: an event kind as extraction stores it ("so_ket")
 *
 * Returns: the kind's translated name, or @kind itself when unknown
 */
const char *
vankho_format_event_kind (const char *kind)
{
  guint rank = vankho_format_event_kind_rank (kind);

  return rank < G_N_ELEMENTS (event_kinds) ? _(event_kinds[rank].label) : kind;
}
