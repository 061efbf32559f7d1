/* vankho-window.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vankho-application.h"
#include "vankho-articles-view.h"
#include "vankho-article-filter.h"
#include "vankho-library.h"

G_BEGIN_DECLS

#define VANKHO_TYPE_WINDOW (vankho_window_get_type ())

G_DECLARE_FINAL_TYPE (VankhoWindow, vankho_window, VANKHO, WINDOW, AdwApplicationWindow)

VankhoWindow        *vankho_window_new        (VankhoApplication *application,
                                               VankhoLibrary     *library);
VankhoLibrary       *vankho_window_get_library (VankhoWindow     *self);
VankhoArticleFilter *vankho_window_get_filter  (VankhoWindow     *self);
GListModel          *vankho_window_get_articles (VankhoWindow    *self);
VankhoArticlesView  *vankho_window_get_articles_view (VankhoWindow *self);
void                 vankho_window_import      (VankhoWindow       *self,
                                                const char * const *paths);
void                 vankho_window_sync        (VankhoWindow       *self,
                                                gboolean            forced);
void                 vankho_window_back_up     (VankhoWindow       *self,
                                                const char         *path);
void                 vankho_window_add_toast   (VankhoWindow       *self,
                                                const char         *message);
void                 vankho_window_add_view    (VankhoWindow       *self,
                                                GtkWidget          *view,
                                                const char         *name,
                                                const char         *title,
                                                const char         *icon_name);

G_END_DECLS
