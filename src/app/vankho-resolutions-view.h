/* vankho-resolutions-view.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vankho-article-filter.h"
#include "vankho-document-page.h"
#include "vankho-library.h"

G_BEGIN_DECLS

#define VANKHO_TYPE_RESOLUTIONS_VIEW (vankho_resolutions_view_get_type ())

G_DECLARE_FINAL_TYPE (VankhoResolutionsView, vankho_resolutions_view, VANKHO, RESOLUTIONS_VIEW, GtkWidget)

GtkWidget           *vankho_resolutions_view_new             (VankhoLibrary         *library,
                                                              VankhoArticleFilter   *filter);
VankhoLibrary       *vankho_resolutions_view_get_library     (VankhoResolutionsView *self);
VankhoArticleFilter *vankho_resolutions_view_get_filter      (VankhoResolutionsView *self);
void                 vankho_resolutions_view_select_document (VankhoResolutionsView *self,
                                                              gint64                 document_id);
gint64               vankho_resolutions_view_get_selected_document (VankhoResolutionsView *self);
VankhoDocumentPage  *vankho_resolutions_view_get_page        (VankhoResolutionsView *self);
gboolean             vankho_resolutions_view_get_loading     (VankhoResolutionsView *self);
void                 vankho_resolutions_view_set_search      (VankhoResolutionsView *self,
                                                              const char            *search);

G_END_DECLS
