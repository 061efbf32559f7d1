/* vankho-filter-bar.h
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

#define VANKHO_TYPE_FILTER_BAR (vankho_filter_bar_get_type ())

G_DECLARE_FINAL_TYPE (VankhoFilterBar, vankho_filter_bar, VANKHO, FILTER_BAR, GtkWidget)

void vankho_filter_bar_set_filter (VankhoFilterBar     *self,
                                   VankhoLibrary       *library,
                                   VankhoArticleFilter *filter);

G_END_DECLS
