/* vankho-importer.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vankho-article.h"
#include "vankho-library.h"

G_BEGIN_DECLS

#define VANKHO_IMPORT_ERROR (vankho_import_error_quark ())

typedef enum
{
  VANKHO_IMPORT_ERROR_TOO_LARGE,
  VANKHO_IMPORT_ERROR_EMPTY,
  VANKHO_IMPORT_ERROR_BINARY,
  VANKHO_IMPORT_ERROR_ENCODING,
  VANKHO_IMPORT_ERROR_UNREADABLE,
} VankhoImportError;

/* Files larger than this are refused: no news article comes near it. */
#define VANKHO_IMPORT_MAX_FILE_SIZE (20 * 1024 * 1024)

typedef struct
{
  char *path;
  char *reason;
} VankhoImportFailure;

typedef void (*VankhoImportProgressFunc) (guint       done,
                                          guint       total,
                                          const char *path,
                                          gpointer    user_data);

#define VANKHO_TYPE_IMPORTER (vankho_importer_get_type ())

G_DECLARE_FINAL_TYPE (VankhoImporter, vankho_importer, VANKHO, IMPORTER, GObject)

GQuark          vankho_import_error_quark       (void);
VankhoArticle  *vankho_importer_parse_text      (const char               *data,
                                                 gsize                     len,
                                                 GError                  **error);
VankhoImporter *vankho_importer_new             (VankhoLibrary            *library);
gboolean        vankho_importer_import_paths    (VankhoImporter           *self,
                                                 const char * const       *paths,
                                                 GCancellable             *cancellable,
                                                 VankhoImportProgressFunc  progress,
                                                 gpointer                  user_data,
                                                 GError                  **error);
gboolean        vankho_importer_import_samples  (VankhoImporter           *self,
                                                 GCancellable             *cancellable,
                                                 GError                  **error);
guint           vankho_importer_get_n_added     (VankhoImporter           *self);
guint           vankho_importer_get_n_duplicates (VankhoImporter          *self);
GPtrArray      *vankho_importer_get_failures    (VankhoImporter           *self);

G_END_DECLS
