/* vankho-article-row.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vankho-article.h"

G_BEGIN_DECLS

#define VANKHO_TYPE_ARTICLE_ROW (vankho_article_row_get_type ())

G_DECLARE_FINAL_TYPE (VankhoArticleRow, vankho_article_row, VANKHO, ARTICLE_ROW, GtkWidget)

GtkWidget     *vankho_article_row_new         (void);
VankhoArticle *vankho_article_row_get_article (VankhoArticleRow *self);
void           vankho_article_row_set_article (VankhoArticleRow *self,
                                               VankhoArticle    *article);

G_END_DECLS
