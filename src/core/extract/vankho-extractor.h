/* vankho-extractor.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vankho-catalogue.h"
#include "vankho-date.h"
#include "vankho-extraction.h"
#include "vankho-gazetteer.h"

G_BEGIN_DECLS

typedef struct
{
  const char *title;        /* nullable */
  const char *body;         /* NFC text, paragraphs separated by "\n\n" */
  VankhoDate  header_date;  /* the seeds' ' date YYYY-MM' line; precision UNKNOWN if none */
  VankhoDate  feed_date;    /* from a feed entry; UNKNOWN if none */
  const char *url;          /* nullable: article or feed link, outlet evidence */
  const char *byline;       /* nullable */
} VankhoExtractInput;

#define VANKHO_TYPE_EXTRACTOR (vankho_extractor_get_type ())

G_DECLARE_FINAL_TYPE (VankhoExtractor, vankho_extractor, VANKHO, EXTRACTOR, GObject)

VankhoExtractor  *vankho_extractor_get_default   (void);
VankhoExtractor  *vankho_extractor_new           (VankhoGazetteer          *gazetteer,
                                                  VankhoCatalogue          *catalogue,
                                                  GBytes                   *events);
VankhoGazetteer  *vankho_extractor_get_gazetteer (VankhoExtractor          *self);
VankhoCatalogue  *vankho_extractor_get_catalogue (VankhoExtractor          *self);
VankhoExtraction *vankho_extractor_run           (VankhoExtractor          *self,
                                                  const VankhoExtractInput *input);

G_END_DECLS
