/* vankho-date-extractor.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vankho-date.h"
#include "vankho-extract-text.h"

G_BEGIN_DECLS

typedef struct
{
  VankhoDate date;
  double     confidence;
  gboolean   inferred;
} VankhoDateGuess;

gboolean vankho_date_extractor_parse  (const VankhoExtractText *text,
                                       gsize                    pos,
                                       gboolean                 allow_dots,
                                       guint                   *day,
                                       guint                   *month,
                                       guint                   *year,
                                       gsize                   *end);
void     vankho_date_extractor_run    (const VankhoExtractText *text,
                                       const VankhoDate        *header_date,
                                       const VankhoDate        *feed_date,
                                       VankhoDateGuess         *guess);

G_END_DECLS
