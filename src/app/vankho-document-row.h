/* vankho-document-row.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vankho-library-documents.h"

G_BEGIN_DECLS

#define VANKHO_TYPE_DOCUMENT_ROW (vankho_document_row_get_type ())

G_DECLARE_FINAL_TYPE (VankhoDocumentRow, vankho_document_row, VANKHO, DOCUMENT_ROW, GtkListBoxRow)

GtkWidget  *vankho_document_row_new           (const VankhoDocumentSummary *summary);
gint64      vankho_document_row_get_id        (VankhoDocumentRow           *self);
const char *vankho_document_row_get_kind      (VankhoDocumentRow           *self);
const char *vankho_document_row_get_issuer    (VankhoDocumentRow           *self);
const char *vankho_document_row_get_name      (VankhoDocumentRow           *self);
gint64      vankho_document_row_get_n_articles (VankhoDocumentRow          *self);
char       *vankho_document_dup_name          (const char                  *kind,
                                               const char                  *number,
                                               const char                  *symbol,
                                               const char                  *key);
char       *vankho_document_format_issued     (const char                  *iso);

G_END_DECLS
