/* vankho-filter-popover.h
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

#define VANKHO_TYPE_FILTER_POPOVER (vankho_filter_popover_get_type ())

G_DECLARE_FINAL_TYPE (VankhoFilterPopover, vankho_filter_popover, VANKHO, FILTER_POPOVER, GtkPopover)

GtkWidget *vankho_filter_popover_new (VankhoLibrary       *library,
                                      VankhoArticleFilter *filter);

G_END_DECLS
