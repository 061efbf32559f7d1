/* vankho-article-filter.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vankho-article-query.h"

G_BEGIN_DECLS

#define VANKHO_TYPE_ARTICLE_FILTER (vankho_article_filter_get_type ())

G_DECLARE_FINAL_TYPE (VankhoArticleFilter, vankho_article_filter, VANKHO, ARTICLE_FILTER, GObject)

VankhoArticleFilter *vankho_article_filter_new          (void);
const char          *vankho_article_filter_get_query    (VankhoArticleFilter *self);
void                 vankho_article_filter_set_query    (VankhoArticleFilter *self,
                                                         const char          *query);
const char          *vankho_article_filter_get_province (VankhoArticleFilter *self);
void                 vankho_article_filter_set_province (VankhoArticleFilter *self,
                                                         const char          *province);
gint64               vankho_article_filter_get_document (VankhoArticleFilter *self);
void                 vankho_article_filter_set_document (VankhoArticleFilter *self,
                                                         gint64               document_id);
const char          *vankho_article_filter_get_date_from (VankhoArticleFilter *self);
const char          *vankho_article_filter_get_date_to  (VankhoArticleFilter *self);
void                 vankho_article_filter_set_dates    (VankhoArticleFilter *self,
                                                         const char          *date_from,
                                                         const char          *date_to);
gint64               vankho_article_filter_get_source   (VankhoArticleFilter *self);
void                 vankho_article_filter_set_source   (VankhoArticleFilter *self,
                                                         gint64               source_id);
const char          *vankho_article_filter_get_outlet   (VankhoArticleFilter *self);
void                 vankho_article_filter_set_outlet   (VankhoArticleFilter *self,
                                                         const char          *outlet);
const char          *vankho_article_filter_get_tag      (VankhoArticleFilter *self);
void                 vankho_article_filter_set_tag      (VankhoArticleFilter *self,
                                                         const char          *tag);
gboolean             vankho_article_filter_get_unread_only  (VankhoArticleFilter *self);
void                 vankho_article_filter_set_unread_only  (VankhoArticleFilter *self,
                                                             gboolean             unread_only);
gboolean             vankho_article_filter_get_starred_only (VankhoArticleFilter *self);
void                 vankho_article_filter_set_starred_only (VankhoArticleFilter *self,
                                                             gboolean             starred_only);
VankhoArticleSort    vankho_article_filter_get_sort     (VankhoArticleFilter *self);
void                 vankho_article_filter_set_sort     (VankhoArticleFilter *self,
                                                         VankhoArticleSort    sort);
gboolean             vankho_article_filter_is_empty     (VankhoArticleFilter *self);
void                 vankho_article_filter_clear        (VankhoArticleFilter *self);
VankhoArticleQuery  *vankho_article_filter_dup_query    (VankhoArticleFilter *self);

G_END_DECLS
