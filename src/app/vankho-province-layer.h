/* vankho-province-layer.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "vankho-boundaries.h"

G_BEGIN_DECLS

/* Most classes of a choropleth: more are hard to tell apart. */
#define VANKHO_PROVINCE_LAYER_MAX_CLASSES 5

#define VANKHO_TYPE_PROVINCE_LAYER (vankho_province_layer_get_type ())

G_DECLARE_FINAL_TYPE (VankhoProvinceLayer, vankho_province_layer, VANKHO, PROVINCE_LAYER, ShumateLayer)

VankhoProvinceLayer      *vankho_province_layer_new            (ShumateViewport     *viewport);
VankhoBoundaries         *vankho_province_layer_get_boundaries (VankhoProvinceLayer *self);
void                      vankho_province_layer_set_boundaries (VankhoProvinceLayer *self,
                                                                VankhoBoundaries    *boundaries);
void                      vankho_province_layer_set_classes    (VankhoProvinceLayer *self,
                                                                GHashTable          *classes,
                                                                guint                n_classes);
guint                     vankho_province_layer_get_n_classes  (VankhoProvinceLayer *self);
guint                     vankho_province_layer_get_class      (VankhoProvinceLayer *self,
                                                                const char          *code);
void                      vankho_province_layer_get_class_color (VankhoProvinceLayer *self,
                                                                guint                klass,
                                                                GdkRGBA             *color);
const char               *vankho_province_layer_get_selected   (VankhoProvinceLayer *self);
void                      vankho_province_layer_set_selected   (VankhoProvinceLayer *self,
                                                                const char          *code);
void                      vankho_province_layer_set_hovered    (VankhoProvinceLayer *self,
                                                                const char          *code);
const VankhoBoundaryUnit *vankho_province_layer_unit_at        (VankhoProvinceLayer *self,
                                                                double               x,
                                                                double               y);

G_END_DECLS
