/* vankho-boundaries.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * VankhoEra:
 * @VANKHO_ERA_2008: the 63 provincial-level units in force from 1/8/2008 to
 *   30/6/2025, identified by their ISO 3166-2:VN codes
 * @VANKHO_ERA_2025: the 34 units from 1/7/2025, identified by the code of
 *   the member whose name they keep
 */
typedef enum
{
  VANKHO_ERA_2008,
  VANKHO_ERA_2025,
} VankhoEra;

#define VANKHO_TYPE_ERA (vankho_era_get_type ())
GType vankho_era_get_type (void) G_GNUC_CONST;

/**
 * VankhoGeoPoint:
 * @lat: latitude in degrees north
 * @lon: longitude in degrees east
 */
typedef struct
{
  double lat;
  double lon;
} VankhoGeoPoint;

/**
 * VankhoGeoLabel:
 * @name: the Vietnamese name ("Quần đảo Hoàng Sa")
 * @english: the English name ("Paracel Islands")
 * @point: where to draw it
 *
 * A label drawn beside a unit's own, for parts of it far from the rest
 * (the archipelagos of Đà Nẵng and Khánh Hòa).
 */
typedef struct
{
  const char     *name;
  const char     *english;
  VankhoGeoPoint  point;
} VankhoGeoLabel;

/* Owned by the VankhoBoundaries it came from, valid as long as it lives. */
typedef struct _VankhoBoundaryUnit VankhoBoundaryUnit;

#define VANKHO_BOUNDARIES_ERROR (vankho_boundaries_error_quark ())

typedef enum
{
  VANKHO_BOUNDARIES_ERROR_INVALID_DATA,
} VankhoBoundariesError;

GQuark vankho_boundaries_error_quark (void);

#define VANKHO_TYPE_BOUNDARIES (vankho_boundaries_get_type ())

G_DECLARE_FINAL_TYPE (VankhoBoundaries, vankho_boundaries, VANKHO, BOUNDARIES, GObject)

VankhoBoundaries         *vankho_boundaries_get_default       (VankhoEra           era);
VankhoBoundaries         *vankho_boundaries_new_from_bytes    (GBytes             *bytes,
                                                               GError            **error);
VankhoBoundaries         *vankho_boundaries_new_from_resource (const char         *path,
                                                               GError            **error);
VankhoEra                 vankho_boundaries_get_era           (VankhoBoundaries   *self);
guint                     vankho_boundaries_get_n_units       (VankhoBoundaries   *self);
const VankhoBoundaryUnit *vankho_boundaries_get_unit          (VankhoBoundaries   *self,
                                                               guint               index);
const VankhoBoundaryUnit *vankho_boundaries_lookup            (VankhoBoundaries   *self,
                                                               const char         *code);
const VankhoBoundaryUnit *vankho_boundaries_unit_for_code     (VankhoBoundaries   *self,
                                                               const char         *old_code);
const char               *vankho_boundaries_hit_test          (VankhoBoundaries   *self,
                                                               double              lat,
                                                               double              lon);
const VankhoBoundaryUnit *vankho_boundaries_hit_test_unit     (VankhoBoundaries   *self,
                                                               double              lat,
                                                               double              lon);
void                      vankho_boundaries_get_bounds        (VankhoBoundaries   *self,
                                                               VankhoGeoPoint     *south_west,
                                                               VankhoGeoPoint     *north_east);

const char               *vankho_boundary_unit_get_code       (const VankhoBoundaryUnit *unit);
const char               *vankho_boundary_unit_get_name       (const VankhoBoundaryUnit *unit);
const char               *vankho_boundary_unit_get_region     (const VankhoBoundaryUnit *unit);
VankhoGeoPoint            vankho_boundary_unit_get_label_point (const VankhoBoundaryUnit *unit);
void                      vankho_boundary_unit_get_bounds     (const VankhoBoundaryUnit *unit,
                                                               VankhoGeoPoint           *south_west,
                                                               VankhoGeoPoint           *north_east);
const char * const       *vankho_boundary_unit_get_members    (const VankhoBoundaryUnit *unit);
const VankhoGeoLabel     *vankho_boundary_unit_get_extra_labels (const VankhoBoundaryUnit *unit,
                                                                 guint                    *n_labels);
guint                     vankho_boundary_unit_get_n_polygons (const VankhoBoundaryUnit *unit);
guint                     vankho_boundary_unit_get_n_rings    (const VankhoBoundaryUnit *unit,
                                                               guint                     polygon);
const VankhoGeoPoint     *vankho_boundary_unit_get_ring       (const VankhoBoundaryUnit *unit,
                                                               guint                     polygon,
                                                               guint                     ring,
                                                               guint                    *n_points);
gboolean                  vankho_boundary_unit_contains       (const VankhoBoundaryUnit *unit,
                                                               double                    lat,
                                                               double                    lon);

G_END_DECLS
