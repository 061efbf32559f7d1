/* vankho-map-view.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vankho-article-filter.h"
#include "vankho-boundaries.h"
#include "vankho-library.h"

G_BEGIN_DECLS

#define VANKHO_TYPE_MAP_VIEW (vankho_map_view_get_type ())

G_DECLARE_FINAL_TYPE (VankhoMapView, vankho_map_view, VANKHO, MAP_VIEW, GtkWidget)

GtkWidget *vankho_map_view_new            (VankhoLibrary       *library,
                                           VankhoArticleFilter *filter);
void       vankho_map_view_focus_province (VankhoMapView       *self,
                                           const char          *code);
VankhoEra  vankho_map_view_get_era        (VankhoMapView       *self);
void       vankho_map_view_set_era        (VankhoMapView       *self,
                                           VankhoEra            era);
gboolean   vankho_map_view_get_loading    (VankhoMapView       *self);

G_END_DECLS
