/* vankho-event-extractor.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vankho-citation-extractor.h"

G_BEGIN_DECLS

typedef struct
{
  char *phrase;   /* folded */
  char *kind;
} VankhoEventWord;

GPtrArray *vankho_event_extractor_load (GBytes                  *events,
                                        GError                 **error);
void       vankho_event_extractor_run  (GPtrArray               *event_words,
                                        const VankhoExtractText *body,
                                        GArray                  *spans,
                                        VankhoExtraction        *result);

G_END_DECLS
