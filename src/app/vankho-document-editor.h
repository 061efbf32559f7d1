/* vankho-document-editor.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vankho-library-documents.h"

G_BEGIN_DECLS

#define VANKHO_TYPE_DOCUMENT_EDITOR (vankho_document_editor_get_type ())

G_DECLARE_FINAL_TYPE (VankhoDocumentEditor, vankho_document_editor, VANKHO, DOCUMENT_EDITOR, AdwMessageDialog)

VankhoDocumentEditor *vankho_document_editor_new        (VankhoLibrary               *library,
                                                         const VankhoDocumentDetails *details);
gboolean              vankho_document_parse_date        (const char                  *text,
                                                         VankhoDate                  *date);

G_END_DECLS
