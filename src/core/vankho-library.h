/* vankho-library.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vankho-article.h"
#include "vankho-article-query.h"
#include "vankho-extraction.h"

G_BEGIN_DECLS

#define VANKHO_LIBRARY_ERROR (vankho_library_error_quark ())

typedef enum
{
  VANKHO_LIBRARY_ERROR_OPEN,           /* cannot create or open the file */
  VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY,  /* not SQLite, truncated, or someone else's database */
  VANKHO_LIBRARY_ERROR_TOO_NEW,        /* made by a newer Văn Khố */
  VANKHO_LIBRARY_ERROR_BUSY,           /* locked by another program */
  VANKHO_LIBRARY_ERROR_NOT_FOUND,      /* no such article, feed or document */
  VANKHO_LIBRARY_ERROR_FAILED,         /* anything else SQLite reports */
  VANKHO_LIBRARY_ERROR_INVALID,        /* the caller's value cannot be stored (a bad address, a duplicate) */
  VANKHO_LIBRARY_ERROR_FULL,           /* no room left on the disk: nothing was written */
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

/* Read-only: the summary and its strings are one allocation, freed with
 * vankho_document_summary_free(). */
typedef struct
{
  gint64  id;
  char   *key;
  char   *kind;
  char   *number;
  char   *symbol;
  char   *issuer;
  char   *issued;       /* ISO 8601 at its precision, or NULL */
  char   *title;
  gint64  n_articles;   /* citing it */
  char   *latest;       /* the newest citing article's date */
} VankhoDocumentSummary;

#define VANKHO_LIBRARY_SCHEMA_VERSION 10

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
void           vankho_library_set_bulk_writing    (VankhoLibrary       *self,
                                                   gboolean             bulk);
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
                                                   const VankhoArticleQuery *query,
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
gboolean       vankho_library_set_read            (VankhoLibrary       *self,
                                                   gint64               id,
                                                   gboolean             read,
                                                   GError             **error);
gboolean       vankho_library_set_starred         (VankhoLibrary       *self,
                                                   gint64               id,
                                                   gboolean             starred,
                                                   GError             **error);
gboolean       vankho_library_set_note            (VankhoLibrary       *self,
                                                   gint64               id,
                                                   const char          *note,
                                                   GError             **error);
gboolean       vankho_library_add_tag             (VankhoLibrary       *self,
                                                   gint64               id,
                                                   const char          *tag,
                                                   GError             **error);
gboolean       vankho_library_remove_tag          (VankhoLibrary       *self,
                                                   gint64               id,
                                                   const char          *tag,
                                                   GError             **error);
GStrv          vankho_library_list_tags           (VankhoLibrary       *self,
                                                   GError             **error);
GStrv          vankho_library_list_outlets        (VankhoLibrary       *self,
                                                   GError             **error);
gboolean       vankho_library_store_extraction    (VankhoLibrary       *self,
                                                   gint64               article_id,
                                                   VankhoExtraction    *extraction,
                                                   GError             **error);
VankhoExtraction *vankho_library_load_extraction  (VankhoLibrary       *self,
                                                   gint64               article_id,
                                                   GError             **error);
gboolean       vankho_library_set_published       (VankhoLibrary       *self,
                                                   gint64               article_id,
                                                   const VankhoDate    *date,
                                                   GError             **error);
gint64         vankho_library_lookup_document     (VankhoLibrary       *self,
                                                   const char          *key);
char          *vankho_library_dup_document_label  (VankhoLibrary       *self,
                                                   gint64               document_id);
gboolean       vankho_library_set_place           (VankhoLibrary       *self,
                                                   gint64               article_id,
                                                   const char          *province,
                                                   const char          *role,
                                                   GError             **error);

gboolean       vankho_library_backup              (VankhoLibrary       *self,
                                                   const char          *path,
                                                   GError             **error);
gboolean       vankho_library_auto_backup         (VankhoLibrary       *self,
                                                   const char          *dir,
                                                   guint                keep,
                                                   char               **made,
                                                   GError             **error);
GStrv          vankho_library_list_backups        (const char          *dir);
gboolean       vankho_library_restore             (const char          *library_path,
                                                   const char          *backup_path,
                                                   char               **kept,
                                                   GError             **error);
char          *vankho_library_get_backup_dir      (const char          *library_path);
gboolean       vankho_library_check               (VankhoLibrary       *self,
                                                   GCancellable        *cancellable,
                                                   GError             **error);
gboolean       vankho_library_check_file          (const char          *path,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

G_END_DECLS
