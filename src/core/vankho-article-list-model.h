/* vankho-article-list-model.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vankho-article-filter.h"
#include "vankho-library.h"

G_BEGIN_DECLS

#define VANKHO_TYPE_ARTICLE_LIST_MODEL (vankho_article_list_model_get_type ())

G_DECLARE_FINAL_TYPE (VankhoArticleListModel, vankho_article_list_model, VANKHO, ARTICLE_LIST_MODEL, GObject)

VankhoArticleListModel *vankho_article_list_model_new         (VankhoLibrary          *library,
                                                               VankhoArticleFilter    *filter);
VankhoLibrary          *vankho_article_list_model_get_library (VankhoArticleListModel *self);
VankhoArticleFilter    *vankho_article_list_model_get_filter  (VankhoArticleListModel *self);
gboolean                vankho_article_list_model_get_loading (VankhoArticleListModel *self);
void                    vankho_article_list_model_reload      (VankhoArticleListModel *self);

G_END_DECLS
