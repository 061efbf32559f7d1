/* vankho-citation-extractor.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vankho-catalogue.h"
#include "vankho-extract-text.h"
#include "vankho-extraction.h"
#include "vankho-gazetteer.h"

G_BEGIN_DECLS

/* Where a citation's trailing date and issuer end, for the event rules. */
typedef struct
{
  gsize fold_start;
  gsize fold_end;     /* end of the mention */
  gsize tail_end;     /* end of its date and issuer */
} VankhoCitationSpan;

void vankho_citation_extractor_run (VankhoCatalogue         *catalogue,
                                    VankhoGazetteer         *gazetteer,
                                    const VankhoExtractText *body,
                                    const char              *province_code,
                                    VankhoExtraction        *result,
                                    GArray                  *spans);

G_END_DECLS
