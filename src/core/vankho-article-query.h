/* vankho-article-query.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  VANKHO_ARTICLE_SORT_AUTO,       /* relevance when searching, newest otherwise */
  VANKHO_ARTICLE_SORT_NEWEST,
  VANKHO_ARTICLE_SORT_OLDEST,
  VANKHO_ARTICLE_SORT_RELEVANCE,
} VankhoArticleSort;

/* What to list: a plain copy of a VankhoArticleFilter, safe to hand to a
 * worker thread. NULL or 0 fields do not filter.
 */
typedef struct
{
  char              *text;         /* a search as typed */
  char              *province;     /* ISO 3166-2 code of the 63-province era */
  gint64             document_id;
  char              *date_from;    /* ISO date, inclusive */
  char              *date_to;      /* ISO date, inclusive */
  gint64             source_id;
  char              *outlet;
  char              *tag;
  gboolean           unread_only;
  gboolean           starred_only;
  VankhoArticleSort  sort;
} VankhoArticleQuery;

VankhoArticleQuery *vankho_article_query_new  (void);
VankhoArticleQuery *vankho_article_query_copy (const VankhoArticleQuery *query);
void                vankho_article_query_free (VankhoArticleQuery       *query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VankhoArticleQuery, vankho_article_query_free)

G_END_DECLS
