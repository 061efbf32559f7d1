/* vankho-article-filter.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VANKHO_TYPE_ARTICLE_FILTER (vankho_article_filter_get_type ())

G_DECLARE_FINAL_TYPE (VankhoArticleFilter, vankho_article_filter, VANKHO, ARTICLE_FILTER, GObject)

VankhoArticleFilter *vankho_article_filter_new       (void);
const char          *vankho_article_filter_get_query (VankhoArticleFilter *self);
void                 vankho_article_filter_set_query (VankhoArticleFilter *self,
                                                      const char          *query);
gboolean             vankho_article_filter_is_empty  (VankhoArticleFilter *self);
void                 vankho_article_filter_clear     (VankhoArticleFilter *self);

G_END_DECLS
