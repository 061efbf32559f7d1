/* vankho-export.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vankho-library.h"

G_BEGIN_DECLS

typedef enum
{
  VANKHO_EXPORT_CSV,
  VANKHO_EXPORT_JSON,
  VANKHO_EXPORT_MARKDOWN,
  VANKHO_EXPORT_TEXT,
} VankhoExportFormat;

gboolean  vankho_export_format_from_name (const char                *name,
                                          VankhoExportFormat        *format);
gboolean  vankho_export_articles         (VankhoLibrary             *library,
                                          const VankhoArticleQuery  *query,
                                          VankhoExportFormat         format,
                                          GOutputStream             *out,
                                          guint                     *n_written,
                                          GCancellable              *cancellable,
                                          GError                   **error);
char     *vankho_export_article          (VankhoLibrary             *library,
                                          gint64                     id,
                                          VankhoExportFormat         format,
                                          GError                   **error);

gboolean  vankho_export_citations        (VankhoLibrary             *library,
                                          gint64                     document_id,
                                          GOutputStream             *out,
                                          GError                   **error);
gboolean  vankho_export_implementation   (VankhoLibrary             *library,
                                          gint64                     document_id,
                                          GOutputStream             *out,
                                          GError                   **error);

G_END_DECLS
