/* vankho-extraction.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "vankho-date.h"

G_BEGIN_DECLS

typedef enum
{
  VANKHO_PLACE_ROLE_PRIMARY,
  VANKHO_PLACE_ROLE_MENTIONED,
} VankhoPlaceRole;

/* A province an article is about or mentions. offset is -1 when the
 * evidence is not in the body (the URL, the byline field, the title).
 */
typedef struct
{
  char            *code;        /* ISO 3166-2 of the 63-province era */
  char            *name;
  VankhoPlaceRole  role;
  const char      *evidence;    /* "text", "byline", "domain", "district" */
  gssize           offset;      /* bytes into the body, or -1 */
  gsize            length;
  double           score;
} VankhoPlace;

/* One mention of a document. */
typedef struct
{
  char       *key;
  char       *kind;             /* "Nghị quyết" */
  char       *number;           /* nullable: unnumbered resolutions, laws by name */
  char       *symbol;           /* nullable */
  char       *issuer;           /* nullable */
  VankhoDate  date;
  char       *title;            /* nullable: from the catalogue */
  char       *mention;          /* as written */
  gsize       offset;           /* bytes into the body */
  gsize       length;
  char       *sentence;
  gsize       sentence_offset;  /* bytes into the body */
  gsize       sentence_length;
  double      confidence;
} VankhoCitation;

/* What the article reports about a document. */
typedef struct
{
  const char *kind;             /* "so_ket", "quan_triet"… */
  char       *period;           /* nullable: "1 năm" */
  char       *document;         /* a citation key */
  VankhoDate  date;
} VankhoEvent;

#define VANKHO_TYPE_EXTRACTION (vankho_extraction_get_type ())

G_DECLARE_FINAL_TYPE (VankhoExtraction, vankho_extraction, VANKHO, EXTRACTION, GObject)

VankhoExtraction *vankho_extraction_new                  (void);

const VankhoDate *vankho_extraction_get_published        (VankhoExtraction *self);
double            vankho_extraction_get_published_confidence (VankhoExtraction *self);
gboolean          vankho_extraction_get_published_inferred   (VankhoExtraction *self);
void              vankho_extraction_set_published        (VankhoExtraction *self,
                                                          const VankhoDate *date,
                                                          double            confidence,
                                                          gboolean          inferred);

GPtrArray        *vankho_extraction_get_places           (VankhoExtraction *self);
GPtrArray        *vankho_extraction_get_citations        (VankhoExtraction *self);
GPtrArray        *vankho_extraction_get_events           (VankhoExtraction *self);
const VankhoPlace *vankho_extraction_get_primary_place   (VankhoExtraction *self);

VankhoPlace      *vankho_extraction_add_place            (VankhoExtraction *self);
VankhoCitation   *vankho_extraction_add_citation         (VankhoExtraction *self);
VankhoEvent      *vankho_extraction_add_event            (VankhoExtraction *self);

JsonNode         *vankho_extraction_to_json              (VankhoExtraction *self);

G_END_DECLS
