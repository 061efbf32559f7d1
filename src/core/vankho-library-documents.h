/* vankho-library-documents.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vankho-library.h"

G_BEGIN_DECLS

typedef enum
{
  VANKHO_DOCUMENT_SORT_COUNT,     /* most citing articles first */
  VANKHO_DOCUMENT_SORT_ISSUED,    /* newest document first */
  VANKHO_DOCUMENT_SORT_LATEST,    /* most recently cited first */
} VankhoDocumentSort;

typedef enum
{
  VANKHO_DOCUMENT_GROUP_NONE,
  VANKHO_DOCUMENT_GROUP_KIND,
  VANKHO_DOCUMENT_GROUP_ISSUER,
} VankhoDocumentGroup;

/* One document as its page shows it. */
typedef struct
{
  gint64  id;
  char   *key;
  char   *kind;
  char   *number;
  char   *symbol;
  char   *issuer;
  char   *issued;         /* ISO 8601 at its precision, or NULL */
  char   *title;
  char   *origin;         /* "catalogue", "auto" or "user" */
  gint64  merged_into;    /* 0 unless merged into another entry */
  gint64  n_articles;     /* citing it or an entry merged into it */
  gint64  n_citations;
  gint64  n_merged;       /* entries merged into it */
  char   *first;          /* the oldest citing article's date */
  char   *latest;         /* the newest */
} VankhoDocumentDetails;

/* An article citing a document, with its first citing sentence. */
typedef struct
{
  gint64  article_id;
  gint64  citation_id;    /* the first citation of the document in it */
  gint64  document_id;    /* the entry it resolved to (may be merged) */
  char   *title;
  char   *published;      /* ISO 8601 at its precision, or NULL */
  char   *outlet;
  char   *province;       /* ISO 3166-2 of its primary province, or NULL */
  char   *province_name;
  char   *sentence;
  char   *mention;
  gint64  n_mentions;     /* citations of the document in the article */
} VankhoCitingArticle;

typedef struct
{
  guint16 year;
  guint8  month;
  guint   n_articles;
} VankhoMonthCount;

/* One cell of the implementation table: the earliest article in which
 * @province reported the event @kind (with its @period) of a document.
 */
typedef struct
{
  char   *province;       /* ISO 3166-2, or NULL: no province found */
  char   *province_name;
  char   *kind;           /* "so_ket", "quan_triet"… */
  char   *period;         /* "1 năm", or NULL */
  char   *earliest;       /* ISO 8601 at its precision, or NULL */
  gint64  article_id;     /* the earliest article */
  gint64  n_articles;
} VankhoImplementationCell;

/* What a merge changed, so that it can be undone exactly. */
typedef struct
{
  gint64  source_id;
  gint64  target_id;
  GArray *children;       /* (element-type gint64) entries that were merged into the source */
} VankhoDocumentMerge;

void                   vankho_document_summary_free         (VankhoDocumentSummary     *summary);
void                   vankho_document_details_free         (VankhoDocumentDetails     *details);
char                  *vankho_document_details_dup_designation (const VankhoDocumentDetails *details);
void                   vankho_citing_article_free           (VankhoCitingArticle       *article);
void                   vankho_implementation_cell_free      (VankhoImplementationCell  *cell);
void                   vankho_document_merge_free           (VankhoDocumentMerge       *merge);
const char            *vankho_document_group_key            (const VankhoDocumentSummary *summary,
                                                             VankhoDocumentGroup        group);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VankhoDocumentDetails, vankho_document_details_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VankhoDocumentMerge, vankho_document_merge_free)

/* Reads: on the reader connection, callable from a worker thread. */
GPtrArray             *vankho_library_find_documents        (VankhoLibrary             *self,
                                                             const char                *search,
                                                             VankhoDocumentGroup        group,
                                                             VankhoDocumentSort         sort,
                                                             GCancellable              *cancellable,
                                                             GError                   **error);
void                   vankho_library_find_documents_async  (VankhoLibrary             *self,
                                                             const char                *search,
                                                             VankhoDocumentGroup        group,
                                                             VankhoDocumentSort         sort,
                                                             GCancellable              *cancellable,
                                                             GAsyncReadyCallback        callback,
                                                             gpointer                   user_data);
GPtrArray             *vankho_library_find_documents_finish (VankhoLibrary             *self,
                                                             GAsyncResult              *result,
                                                             GError                   **error);
VankhoDocumentDetails *vankho_library_get_document          (VankhoLibrary             *self,
                                                             gint64                     document_id,
                                                             GError                   **error);
GPtrArray             *vankho_library_list_citing_articles  (VankhoLibrary             *self,
                                                             gint64                     document_id,
                                                             const char                *month,
                                                             guint                      limit,
                                                             GError                   **error);
GArray                *vankho_library_count_citations_by_month (VankhoLibrary          *self,
                                                             gint64                     document_id,
                                                             GError                   **error);
GPtrArray             *vankho_library_get_implementation    (VankhoLibrary             *self,
                                                             gint64                     document_id,
                                                             GError                   **error);
GPtrArray             *vankho_library_list_related_documents (VankhoLibrary            *self,
                                                             gint64                     document_id,
                                                             guint                      limit,
                                                             GError                   **error);

/* Corrections: on the main connection, from the main thread. */
gboolean               vankho_library_update_document       (VankhoLibrary             *self,
                                                             gint64                     document_id,
                                                             const char                *title,
                                                             const char                *issuer,
                                                             const VankhoDate          *issued,
                                                             GError                   **error);
VankhoDocumentMerge   *vankho_library_merge_documents       (VankhoLibrary             *self,
                                                             gint64                     source_id,
                                                             gint64                     target_id,
                                                             GError                   **error);
gboolean               vankho_library_unmerge_documents     (VankhoLibrary             *self,
                                                             const VankhoDocumentMerge *merge,
                                                             GError                   **error);
gboolean               vankho_library_move_citation         (VankhoLibrary             *self,
                                                             gint64                     citation_id,
                                                             gint64                     document_id,
                                                             GError                   **error);
gboolean               vankho_library_reject_citation       (VankhoLibrary             *self,
                                                             gint64                     citation_id,
                                                             gboolean                   rejected,
                                                             GError                   **error);

G_END_DECLS
