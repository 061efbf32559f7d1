/* vankho-place-extractor.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vankho-extract-text.h"
#include "vankho-extraction.h"
#include "vankho-gazetteer.h"

G_BEGIN_DECLS

int  vankho_place_extractor_match_province (VankhoGazetteer         *gazetteer,
                                            const VankhoExtractText *text,
                                            gsize                    pos,
                                            gsize                   *end);
void vankho_place_extractor_run            (VankhoGazetteer         *gazetteer,
                                            const VankhoExtractText *body,
                                            const VankhoExtractText *title,
                                            const char              *url,
                                            const char              *byline,
                                            VankhoExtraction        *result);

G_END_DECLS
