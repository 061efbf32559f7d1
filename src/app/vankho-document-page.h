/* vankho-document-page.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vankho-library-documents.h"

G_BEGIN_DECLS

#define VANKHO_TYPE_DOCUMENT_PAGE (vankho_document_page_get_type ())

G_DECLARE_FINAL_TYPE (VankhoDocumentPage, vankho_document_page, VANKHO, DOCUMENT_PAGE, GtkWidget)

void                         vankho_document_page_set_library  (VankhoDocumentPage *self,
                                                                VankhoLibrary      *library);
gint64                       vankho_document_page_get_document (VankhoDocumentPage *self);
void                         vankho_document_page_set_document (VankhoDocumentPage *self,
                                                                gint64              document_id);
const VankhoDocumentDetails *vankho_document_page_get_details  (VankhoDocumentPage *self);
const char                  *vankho_document_page_get_month    (VankhoDocumentPage *self);
void                         vankho_document_page_set_month    (VankhoDocumentPage *self,
                                                                const char         *month);
void                         vankho_document_page_reload       (VankhoDocumentPage *self);
gboolean                     vankho_document_page_get_loading  (VankhoDocumentPage *self);

G_END_DECLS
