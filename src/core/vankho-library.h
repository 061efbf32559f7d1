/* vankho-library.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vankho-article.h"

G_BEGIN_DECLS

#define VANKHO_LIBRARY_ERROR (vankho_library_error_quark ())

typedef enum
{
  VANKHO_LIBRARY_ERROR_OPEN,           /* cannot create or open the file */
  VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY,  /* not SQLite, truncated, or someone else's database */
  VANKHO_LIBRARY_ERROR_TOO_NEW,        /* made by a newer Văn Khố */
  VANKHO_LIBRARY_ERROR_BUSY,           /* locked by another program */
  VANKHO_LIBRARY_ERROR_NOT_FOUND,      /* no such article */
  VANKHO_LIBRARY_ERROR_FAILED,         /* anything else SQLite reports */
} VankhoLibraryError;

typedef enum
{
  VANKHO_SOURCE_KIND_IMPORT,
  VANKHO_SOURCE_KIND_SAMPLE,
  VANKHO_SOURCE_KIND_FEED,
} VankhoSourceKind;

typedef struct
{
  gint64 articles;
  gint64 samples;
  gint64 sources;
  gint64 documents;
  gint64 citations;
  gint64 places;
  char  *oldest;
  char  *newest;
} VankhoLibraryStats;

#define VANKHO_LIBRARY_SCHEMA_VERSION 1

#define VANKHO_TYPE_LIBRARY (vankho_library_get_type ())

G_DECLARE_FINAL_TYPE (VankhoLibrary, vankho_library, VANKHO, LIBRARY, GObject)

GQuark         vankho_library_error_quark         (void);
char          *vankho_library_get_default_path    (void);
VankhoLibrary *vankho_library_open                (const char          *path,
                                                   GError             **error);
const char    *vankho_library_get_path            (VankhoLibrary       *self);
gboolean       vankho_library_begin               (VankhoLibrary       *self,
                                                   GError             **error);
gboolean       vankho_library_commit              (VankhoLibrary       *self,
                                                   GError             **error);
void           vankho_library_rollback            (VankhoLibrary       *self);
gint64         vankho_library_ensure_source       (VankhoLibrary       *self,
                                                   VankhoSourceKind     kind,
                                                   const char          *title,
                                                   GError             **error);
gboolean       vankho_library_add_article         (VankhoLibrary       *self,
                                                   VankhoArticle       *article,
                                                   gint64               source_id,
                                                   gboolean            *duplicate,
                                                   GError             **error);
VankhoArticle *vankho_library_get_article         (VankhoLibrary       *self,
                                                   gint64               id,
                                                   GError             **error);
VankhoArticle *vankho_library_get_article_summary (VankhoLibrary       *self,
                                                   gint64               id,
                                                   const char          *match,
                                                   GError             **error);
GArray        *vankho_library_query_article_ids   (VankhoLibrary       *self,
                                                   const char          *query,
                                                   guint                limit,
                                                   char               **match_used,
                                                   GCancellable        *cancellable,
                                                   GError             **error);
gint64         vankho_library_count_articles      (VankhoLibrary       *self,
                                                   GError             **error);
gboolean       vankho_library_get_stats           (VankhoLibrary       *self,
                                                   VankhoLibraryStats  *stats,
                                                   GError             **error);
void           vankho_library_stats_clear         (VankhoLibraryStats  *stats);
void           vankho_library_articles_changed    (VankhoLibrary       *self);

G_END_DECLS
