/* vankho-catalogue.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vankho-date.h"

G_BEGIN_DECLS

/* A well-known document. */
typedef struct
{
  const char         *key;          /* "nq:12-nq/tw" */
  const char         *kind;         /* "Nghị quyết" */
  const char         *prefix;       /* "nq" */
  const char         *number;       /* "12" */
  const char         *symbol;       /* "12-NQ/TW" */
  const char         *issuer_code;  /* "TW" */
  const char         *issuer;       /* "Bộ Chính trị" */
  const char         *title;
  VankhoDate          date;
  const char * const *names;        /* folded names it is cited by, or NULL */
} VankhoDocument;

/* A kind of document and how it is written. */
typedef struct
{
  const char *kind;       /* "Nghị quyết" */
  const char *letters;    /* "NQ" */
  const char *prefix;     /* "nq" */
} VankhoDocumentKind;

/* Who issues documents, as written after 'của'. */
typedef struct
{
  const char *phrase;     /* folded words */
  const char *code;       /* "TW", "ĐUCA", "TU" */
  const char *display;
  gboolean    party;
  gboolean    local;
} VankhoIssuer;

#define VANKHO_TYPE_CATALOGUE (vankho_catalogue_get_type ())

G_DECLARE_FINAL_TYPE (VankhoCatalogue, vankho_catalogue, VANKHO, CATALOGUE, GObject)

VankhoCatalogue          *vankho_catalogue_new_from_resource  (GError          **error);
VankhoCatalogue          *vankho_catalogue_new_from_data      (GBytes           *documents,
                                                               GBytes           *issuers,
                                                               GBytes           *kinds,
                                                               GError          **error);

const VankhoDocument     *vankho_catalogue_lookup             (VankhoCatalogue  *self,
                                                               const char       *key);
guint                     vankho_catalogue_get_n_documents    (VankhoCatalogue  *self);
const VankhoDocument     *vankho_catalogue_get_nth_document   (VankhoCatalogue  *self,
                                                               guint             index);
const VankhoDocument     *vankho_catalogue_find               (VankhoCatalogue  *self,
                                                               const char       *prefix,
                                                               const char       *number,
                                                               const char       *issuer_code,
                                                               const VankhoDate *date,
                                                               gboolean         *ambiguous);

/* For the extractors. */
GPtrArray                *vankho_catalogue_get_kind_words     (VankhoCatalogue  *self,
                                                               char              first);
const VankhoDocumentKind *vankho_catalogue_kind_for_letters   (VankhoCatalogue  *self,
                                                               const char       *folded_letters);
const VankhoDocumentKind *vankho_catalogue_kind_for_prefix    (VankhoCatalogue  *self,
                                                               const char       *prefix);
GPtrArray                *vankho_catalogue_get_issuers        (VankhoCatalogue  *self);
const VankhoIssuer       *vankho_catalogue_issuer_for_code    (VankhoCatalogue  *self,
                                                               const char       *folded_code);

/* A kind word as the extractors match it: folded words and its kind. */
typedef struct
{
  const char               *phrase;
  const VankhoDocumentKind *kind;
} VankhoKindWord;

G_END_DECLS
