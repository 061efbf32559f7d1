/* vankho-date.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How much of a date is known. Ordered: a higher value knows more. */
typedef enum
{
  VANKHO_DATE_PRECISION_UNKNOWN,
  VANKHO_DATE_PRECISION_YEAR,
  VANKHO_DATE_PRECISION_MONTH,
  VANKHO_DATE_PRECISION_DAY,
} VankhoDatePrecision;

typedef struct
{
  guint16             year;
  guint8              month;
  guint8              day;
  VankhoDatePrecision precision;
} VankhoDate;

gboolean             vankho_date_set            (VankhoDate          *date,
                                                 guint                year,
                                                 guint                month,
                                                 guint                day);
gboolean             vankho_date_parse_iso      (VankhoDate          *date,
                                                 const char          *iso);
char                *vankho_date_to_iso         (const VankhoDate    *date);
int                  vankho_date_compare        (const VankhoDate    *a,
                                                 const VankhoDate    *b);
const char          *vankho_date_precision_to_string   (VankhoDatePrecision  precision);
VankhoDatePrecision  vankho_date_precision_from_string (const char          *str);

G_END_DECLS
