/* vankho-articles-view.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vankho-article-filter.h"
#include "vankho-library.h"

G_BEGIN_DECLS

#define VANKHO_TYPE_ARTICLES_VIEW (vankho_articles_view_get_type ())

G_DECLARE_FINAL_TYPE (VankhoArticlesView, vankho_articles_view, VANKHO, ARTICLES_VIEW, GtkWidget)

GtkWidget  *vankho_articles_view_new          (VankhoLibrary      *library,
                                               VankhoArticleFilter *filter);
GListModel *vankho_articles_view_get_articles (VankhoArticlesView *self);
void        vankho_articles_view_show_article (VankhoArticlesView *self,
                                               gint64              article_id);
void        vankho_articles_view_focus_search (VankhoArticlesView *self);

G_END_DECLS
