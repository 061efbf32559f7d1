/* vankho-document-chooser.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vankho-library.h"

G_BEGIN_DECLS

#define VANKHO_TYPE_DOCUMENT_CHOOSER (vankho_document_chooser_get_type ())

G_DECLARE_FINAL_TYPE (VankhoDocumentChooser, vankho_document_chooser, VANKHO, DOCUMENT_CHOOSER, AdwMessageDialog)

VankhoDocumentChooser *vankho_document_chooser_new         (VankhoLibrary         *library,
                                                            gint64                 exclude_id,
                                                            const char            *heading,
                                                            const char            *body,
                                                            const char            *choose_label);
gint64                 vankho_document_chooser_get_context (VankhoDocumentChooser *self);
void                   vankho_document_chooser_set_context (VankhoDocumentChooser *self,
                                                            gint64                 context);
void                   vankho_document_chooser_set_search  (VankhoDocumentChooser *self,
                                                            const char            *search);
guint                  vankho_document_chooser_get_n_documents (VankhoDocumentChooser *self);
gboolean               vankho_document_chooser_choose      (VankhoDocumentChooser *self,
                                                            gint64                 document_id);

G_END_DECLS
