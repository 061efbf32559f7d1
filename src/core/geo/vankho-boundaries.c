/* vankho-boundaries.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "vankho-boundaries.h"

#define GEO_RESOURCE_PATH RESOURCE_PREFIX "/geo/"

typedef struct
{
  VankhoGeoPoint *points;
  guint           n_points;
} Ring;

typedef struct
{
  Ring           *rings;     /* the outer ring first, then holes */
  guint           n_rings;
  VankhoGeoPoint  south_west;
  VankhoGeoPoint  north_east;
} Polygon;

struct _VankhoBoundaryUnit
{
  const char      *code;
  const char      *name;
  const char      *region;
  VankhoGeoPoint   label;
  VankhoGeoPoint   south_west;
  VankhoGeoPoint   north_east;
  const char     **members;  /* NULL-terminated; strings in the chunk */
  VankhoGeoLabel  *labels;
  guint            n_labels;
  Polygon         *polygons;
  guint            n_polygons;
};

struct _VankhoBoundaries
{
  GObject             parent_instance;

  VankhoEra           era;
  GStringChunk       *strings;
  VankhoBoundaryUnit *units;
  guint               n_units;
  GHashTable         *by_code;    /* unit code → unit */
  GHashTable         *by_member;  /* 2008-era code → unit */
  VankhoGeoPoint      south_west;
  VankhoGeoPoint      north_east;
};

G_DEFINE_FINAL_TYPE (VankhoBoundaries, vankho_boundaries, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (VankhoEra, vankho_era,
  G_DEFINE_ENUM_VALUE (VANKHO_ERA_2008, "2008"),
  G_DEFINE_ENUM_VALUE (VANKHO_ERA_2025, "2025"))

G_DEFINE_QUARK (vankho-boundaries-error-quark, vankho_boundaries_error)

static void
unit_clear (VankhoBoundaryUnit *unit)
{
  for (guint p = 0; p < unit->n_polygons; p++)
    {
      for (guint r = 0; r < unit->polygons[p].n_rings; r++)
        g_free (unit->polygons[p].rings[r].points);
      g_free (unit->polygons[p].rings);
    }
  g_free (unit->polygons);
  g_free (unit->labels);
  g_free (unit->members);
}

static void
vankho_boundaries_finalize (GObject *object)
{
  VankhoBoundaries *self = (VankhoBoundaries *)object;

  for (guint i = 0; i < self->n_units; i++)
    unit_clear (&self->units[i]);
  g_clear_pointer (&self->units, g_free);
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->by_member, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (vankho_boundaries_parent_class)->finalize (object);
}

static void
vankho_boundaries_class_init (VankhoBoundariesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vankho_boundaries_finalize;
}

static void
vankho_boundaries_init (VankhoBoundaries *self)
{
  self->strings = g_string_chunk_new (1024);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->by_member = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Parsing */

static void
bounds_init (VankhoGeoPoint *south_west,
             VankhoGeoPoint *north_east)
{
  south_west->lat = south_west->lon = G_MAXDOUBLE;
  north_east->lat = north_east->lon = -G_MAXDOUBLE;
}

static void
bounds_extend (VankhoGeoPoint       *south_west,
               VankhoGeoPoint       *north_east,
               const VankhoGeoPoint *point)
{
  south_west->lat = MIN (south_west->lat, point->lat);
  south_west->lon = MIN (south_west->lon, point->lon);
  north_east->lat = MAX (north_east->lat, point->lat);
  north_east->lon = MAX (north_east->lon, point->lon);
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_DOUBLE || type == G_TYPE_INT64;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* A [lon, lat] pair, the GeoJSON order the data file uses. */
static gboolean
parse_lon_lat (JsonArray      *array,
               VankhoGeoPoint *point)
{
  if (array == NULL || json_array_get_length (array) != 2
      || !node_is_number (json_array_get_element (array, 0))
      || !node_is_number (json_array_get_element (array, 1)))
    return FALSE;
  point->lon = json_array_get_double_element (array, 0);
  point->lat = json_array_get_double_element (array, 1);
  return point->lat >= -90 && point->lat <= 90 && point->lon >= -180 && point->lon <= 180;
}

static gboolean
invalid (GError    **error,
         const char *code,
         const char *what)
{
  g_set_error (error, VANKHO_BOUNDARIES_ERROR, VANKHO_BOUNDARIES_ERROR_INVALID_DATA,
               /* Translators: the first %s is a province code, the second what is wrong */
               _("Boundary data, unit '%s': %s"), code ? code : "?", what);
  return FALSE;
}

/* A ring is a flat array lon, lat, lon, lat…: half the size of pairs to
 * parse, and the app reads 100 000 of them at start of the map view. */
static gboolean
parse_ring (JsonArray  *array,
            Ring       *ring,
            const char *code,
            GError    **error)
{
  guint length = array ? json_array_get_length (array) : 0;

  if (length < 6 || length % 2 != 0)
    return invalid (error, code, _("a ring needs at least three points"));

  ring->n_points = length / 2;
  ring->points = g_new (VankhoGeoPoint, ring->n_points);
  for (guint i = 0; i < ring->n_points; i++)
    {
      JsonNode *lon = json_array_get_element (array, 2 * i);
      JsonNode *lat = json_array_get_element (array, 2 * i + 1);

      if (!node_is_number (lon) || !node_is_number (lat))
        return invalid (error, code, _("a coordinate is not a number"));
      ring->points[i].lon = json_node_get_double (lon);
      ring->points[i].lat = json_node_get_double (lat);
    }
  return TRUE;
}

static gboolean
parse_unit (VankhoBoundaries   *self,
            JsonObject         *object,
            VankhoBoundaryUnit *unit,
            GError            **error)
{
  const char *code = member_string (object, "code");
  const char *name = member_string (object, "name");
  const char *region = member_string (object, "region");
  JsonArray *polygons = member_array (object, "polygons");
  JsonArray *members = member_array (object, "members");
  JsonArray *labels = member_array (object, "labels");

  if (code == NULL || name == NULL || region == NULL)
    return invalid (error, code, _("missing code, name or region"));
  unit->code = g_string_chunk_insert_const (self->strings, code);
  unit->name = g_string_chunk_insert_const (self->strings, name);
  unit->region = g_string_chunk_insert_const (self->strings, region);

  if (!parse_lon_lat (member_array (object, "label"), &unit->label))
    return invalid (error, code, _("missing or bad label point"));

  /* Members: a 2025 unit lists its 2008-era provinces; a 2008 unit is its
   * own only member, so that callers need not care about the era. */
  if (members != NULL)
    {
      guint n = json_array_get_length (members);

      if (n == 0)
        return invalid (error, code, _("no members"));
      unit->members = g_new0 (const char *, n + 1);
      for (guint i = 0; i < n; i++)
        {
          JsonNode *node = json_array_get_element (members, i);
          const char *member = JSON_NODE_HOLDS_VALUE (node)
                               && json_node_get_value_type (node) == G_TYPE_STRING
                               ? json_node_get_string (node) : NULL;

          if (member == NULL)
            return invalid (error, code, _("a member is not a string"));
          unit->members[i] = g_string_chunk_insert_const (self->strings, member);
        }
    }
  else
    {
      unit->members = g_new0 (const char *, 2);
      unit->members[0] = unit->code;
    }

  if (labels != NULL)
    {
      unit->n_labels = json_array_get_length (labels);
      unit->labels = g_new0 (VankhoGeoLabel, unit->n_labels);
      for (guint i = 0; i < unit->n_labels; i++)
        {
          JsonNode *node = json_array_get_element (labels, i);
          JsonObject *label = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
          const char *label_name = label ? member_string (label, "name") : NULL;
          const char *english = label ? member_string (label, "english") : NULL;

          if (label_name == NULL
              || !parse_lon_lat (member_array (label, "label"), &unit->labels[i].point))
            return invalid (error, code, _("bad extra label"));
          unit->labels[i].name = g_string_chunk_insert_const (self->strings, label_name);
          unit->labels[i].english = g_string_chunk_insert_const (self->strings,
                                                                 english ? english : label_name);
        }
    }

  if (polygons == NULL || json_array_get_length (polygons) == 0)
    return invalid (error, code, _("no polygons"));
  unit->n_polygons = json_array_get_length (polygons);
  unit->polygons = g_new0 (Polygon, unit->n_polygons);
  bounds_init (&unit->south_west, &unit->north_east);
  for (guint p = 0; p < unit->n_polygons; p++)
    {
      JsonNode *node = json_array_get_element (polygons, p);
      JsonArray *rings = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
      Polygon *polygon = &unit->polygons[p];

      if (rings == NULL || json_array_get_length (rings) == 0)
        return invalid (error, code, _("a polygon has no rings"));
      polygon->n_rings = json_array_get_length (rings);
      polygon->rings = g_new0 (Ring, polygon->n_rings);
      bounds_init (&polygon->south_west, &polygon->north_east);
      for (guint r = 0; r < polygon->n_rings; r++)
        {
          JsonNode *ring_node = json_array_get_element (rings, r);
          JsonArray *ring = JSON_NODE_HOLDS_ARRAY (ring_node) ? json_node_get_array (ring_node) : NULL;

          if (!parse_ring (ring, &polygon->rings[r], code, error))
            return FALSE;
          for (guint i = 0; i < polygon->rings[r].n_points; i++)
            bounds_extend (&polygon->south_west, &polygon->north_east,
                           &polygon->rings[r].points[i]);
        }
      bounds_extend (&unit->south_west, &unit->north_east, &polygon->south_west);
      bounds_extend (&unit->south_west, &unit->north_east, &polygon->north_east);
    }

  return TRUE;
}

/**
 * vankho_boundaries_new_from_bytes:
 * @bytes: a boundary file as written by tools/build-boundaries
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the boundaries, or %NULL with @error
 *   set if @bytes is not a valid boundary file
 */
VankhoBoundaries *
vankho_boundaries_new_from_bytes (GBytes  *bytes,
                                  GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(VankhoBoundaries) self = NULL;
  JsonObject *root;
  JsonArray *units;
  JsonNode *era;
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (!json_parser_load_from_data (parser, data, size, error))
    return NULL;

  /* An empty document parses, to no root at all. */
  root = json_parser_get_root (parser) != NULL && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
         ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  units = root ? member_array (root, "units") : NULL;
  era = root ? json_object_get_member (root, "era") : NULL;
  if (units == NULL || !node_is_number (era)
      || (json_node_get_int (era) != 2008 && json_node_get_int (era) != 2025))
    {
      g_set_error_literal (error, VANKHO_BOUNDARIES_ERROR, VANKHO_BOUNDARIES_ERROR_INVALID_DATA,
                           _("Boundary data: not a boundary file (no era or units)"));
      return NULL;
    }

  self = g_object_new (VANKHO_TYPE_BOUNDARIES, NULL);
  self->era = json_node_get_int (era) == 2008 ? VANKHO_ERA_2008 : VANKHO_ERA_2025;
  self->n_units = json_array_get_length (units);
  self->units = g_new0 (VankhoBoundaryUnit, self->n_units);
  bounds_init (&self->south_west, &self->north_east);

  for (guint i = 0; i < self->n_units; i++)
    {
      JsonNode *node = json_array_get_element (units, i);
      VankhoBoundaryUnit *unit = &self->units[i];

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          invalid (error, NULL, _("not an object"));
          return NULL;
        }
      if (!parse_unit (self, json_node_get_object (node), unit, error))
        return NULL;
      if (g_hash_table_contains (self->by_code, unit->code))
        {
          invalid (error, unit->code, _("listed twice"));
          return NULL;
        }
      g_hash_table_insert (self->by_code, (gpointer) unit->code, unit);
      for (guint m = 0; unit->members[m] != NULL; m++)
        {
          if (g_hash_table_contains (self->by_member, unit->members[m]))
            {
              invalid (error, unit->members[m], _("member of two units"));
              return NULL;
            }
          g_hash_table_insert (self->by_member, (gpointer) unit->members[m], unit);
        }
      bounds_extend (&self->south_west, &self->north_east, &unit->south_west);
      bounds_extend (&self->south_west, &self->north_east, &unit->north_east);
    }

  return g_steal_pointer (&self);
}

/**
 * vankho_boundaries_new_from_resource:
 * @path: a GResource path
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the boundaries, or %NULL with @error set
 */
VankhoBoundaries *
vankho_boundaries_new_from_resource (const char  *path,
                                     GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  return vankho_boundaries_new_from_bytes (bytes, error);
}

/**
 * vankho_boundaries_get_default:
 * @era: which units
 *
 * The boundaries built into the program, loaded on first use and shared.
 * Safe to call from any thread.
 *
 * Returns: (transfer none): the boundaries of @era
 */
VankhoBoundaries *
vankho_boundaries_get_default (VankhoEra era)
{
  static VankhoBoundaries *defaults[2];
  static const char * const paths[2] = {
    GEO_RESOURCE_PATH "provinces-63.json",
    GEO_RESOURCE_PATH "provinces-34.json",
  };

  g_return_val_if_fail (era == VANKHO_ERA_2008 || era == VANKHO_ERA_2025, NULL);

  if (g_once_init_enter (&defaults[era]))
    {
      g_autoptr(GError) error = NULL;
      VankhoBoundaries *boundaries = vankho_boundaries_new_from_resource (paths[era], &error);

      /* The data is compiled into the program and checked by its tests:
       * failing here means a broken build, not bad user input. */
      if (boundaries == NULL)
        g_error ("%s: %s", paths[era], error->message);
      g_once_init_leave (&defaults[era], boundaries);
    }

  return defaults[era];
}

VankhoEra
vankho_boundaries_get_era (VankhoBoundaries *self)
{
  g_return_val_if_fail (VANKHO_IS_BOUNDARIES (self), VANKHO_ERA_2008);

  return self->era;
}

guint
vankho_boundaries_get_n_units (VankhoBoundaries *self)
{
  g_return_val_if_fail (VANKHO_IS_BOUNDARIES (self), 0);

  return self->n_units;
}

/**
 * vankho_boundaries_get_unit:
 * @self: a #VankhoBoundaries
 * @index: from 0 to vankho_boundaries_get_n_units() - 1
 *
 * Units come in the order of the data file (the order of the gazetteer).
 *
 * Returns: (transfer none): the unit
 */
const VankhoBoundaryUnit *
vankho_boundaries_get_unit (VankhoBoundaries *self,
                            guint             index)
{
  g_return_val_if_fail (VANKHO_IS_BOUNDARIES (self), NULL);
  g_return_val_if_fail (index < self->n_units, NULL);

  return &self->units[index];
}

/**
 * vankho_boundaries_lookup:
 * @self: a #VankhoBoundaries
 * @code: a unit code of the era of @self
 *
 * Returns: (transfer none) (nullable): the unit with that code
 */
const VankhoBoundaryUnit *
vankho_boundaries_lookup (VankhoBoundaries *self,
                          const char       *code)
{
  g_return_val_if_fail (VANKHO_IS_BOUNDARIES (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return g_hash_table_lookup (self->by_code, code);
}

/**
 * vankho_boundaries_unit_for_code:
 * @self: a #VankhoBoundaries
 * @old_code: the ISO 3166-2 code of one of the 63 provinces (2008 era), as
 *   the library stores places
 *
 * In the 2025 era, the unit that province was merged into; in the 2008
 * era, the province itself.
 *
 * Returns: (transfer none) (nullable): the unit, or %NULL for an unknown code
 */
const VankhoBoundaryUnit *
vankho_boundaries_unit_for_code (VankhoBoundaries *self,
                                 const char       *old_code)
{
  g_return_val_if_fail (VANKHO_IS_BOUNDARIES (self), NULL);
  g_return_val_if_fail (old_code != NULL, NULL);

  return g_hash_table_lookup (self->by_member, old_code);
}

static gboolean
ring_contains (const Ring *ring,
               double      lat,
               double      lon)
{
  gboolean inside = FALSE;

  for (guint i = 0, j = ring->n_points - 1; i < ring->n_points; j = i++)
    {
      const VankhoGeoPoint *a = &ring->points[i];
      const VankhoGeoPoint *b = &ring->points[j];

      if ((a->lat > lat) != (b->lat > lat)
          && lon < (b->lon - a->lon) * (lat - a->lat) / (b->lat - a->lat) + a->lon)
        inside = !inside;
    }

  return inside;
}

/**
 * vankho_boundary_unit_contains:
 * @unit: a unit
 * @lat: latitude in degrees
 * @lon: longitude in degrees
 *
 * Point in polygon with the even-odd rule over all the unit's rings, so
 * holes and islands need no special case.
 *
 * Returns: whether the point is inside the unit
 */
gboolean
vankho_boundary_unit_contains (const VankhoBoundaryUnit *unit,
                               double                    lat,
                               double                    lon)
{
  gboolean inside = FALSE;

  g_return_val_if_fail (unit != NULL, FALSE);

  if (lat < unit->south_west.lat || lat > unit->north_east.lat
      || lon < unit->south_west.lon || lon > unit->north_east.lon)
    return FALSE;

  for (guint p = 0; p < unit->n_polygons; p++)
    {
      const Polygon *polygon = &unit->polygons[p];

      if (lat < polygon->south_west.lat || lat > polygon->north_east.lat
          || lon < polygon->south_west.lon || lon > polygon->north_east.lon)
        continue;
      for (guint r = 0; r < polygon->n_rings; r++)
        if (ring_contains (&polygon->rings[r], lat, lon))
          inside = !inside;
    }

  return inside;
}

/**
 * vankho_boundaries_hit_test_unit:
 * @self: a #VankhoBoundaries
 * @lat: latitude in degrees
 * @lon: longitude in degrees
 *
 * Returns: (transfer none) (nullable): the unit under the point, or %NULL
 *   (the sea, another country)
 */
const VankhoBoundaryUnit *
vankho_boundaries_hit_test_unit (VankhoBoundaries *self,
                                 double            lat,
                                 double            lon)
{
  g_return_val_if_fail (VANKHO_IS_BOUNDARIES (self), NULL);

  if (lat < self->south_west.lat || lat > self->north_east.lat
      || lon < self->south_west.lon || lon > self->north_east.lon)
    return NULL;

  for (guint i = 0; i < self->n_units; i++)
    if (vankho_boundary_unit_contains (&self->units[i], lat, lon))
      return &self->units[i];

  return NULL;
}

/**
 * vankho_boundaries_hit_test:
 * @self: a #VankhoBoundaries
 * @lat: latitude in degrees
 * @lon: longitude in degrees
 *
 * Returns: (transfer none) (nullable): the code of the unit under the point,
 *   or %NULL (the sea, another country)
 */
const char *
vankho_boundaries_hit_test (VankhoBoundaries *self,
                            double            lat,
                            double            lon)
{
  const VankhoBoundaryUnit *unit = vankho_boundaries_hit_test_unit (self, lat, lon);

  return unit ? unit->code : NULL;
}

/**
 * vankho_boundaries_get_bounds:
 * @self: a #VankhoBoundaries
 * @south_west: (out) (optional): the south-west corner of all units
 * @north_east: (out) (optional): the north-east corner
 *
 * The box includes the archipelagos, out to about 114.6°E.
 */
void
vankho_boundaries_get_bounds (VankhoBoundaries *self,
                              VankhoGeoPoint   *south_west,
                              VankhoGeoPoint   *north_east)
{
  g_return_if_fail (VANKHO_IS_BOUNDARIES (self));

  if (south_west)
    *south_west = self->south_west;
  if (north_east)
    *north_east = self->north_east;
}

/* Units */

const char *
vankho_boundary_unit_get_code (const VankhoBoundaryUnit *unit)
{
  g_return_val_if_fail (unit != NULL, NULL);

  return unit->code;
}

/* The name in Vietnamese with its diacritics ("Thừa Thiên Huế"). */
const char *
vankho_boundary_unit_get_name (const VankhoBoundaryUnit *unit)
{
  g_return_val_if_fail (unit != NULL, NULL);

  return unit->name;
}

/* One of TDMNPB, ĐBSH, BTB-DHMT, TN, ĐNB, ĐBSCL; for a 2025 unit, the
 * region of the member whose name it keeps (some mergers span two). */
const char *
vankho_boundary_unit_get_region (const VankhoBoundaryUnit *unit)
{
  g_return_val_if_fail (unit != NULL, NULL);

  return unit->region;
}

/* Where the name goes: the pole of inaccessibility of the mainland part,
 * which is inside the unit even when its capital is on the coast. */
VankhoGeoPoint
vankho_boundary_unit_get_label_point (const VankhoBoundaryUnit *unit)
{
  VankhoGeoPoint none = { 0, 0 };

  g_return_val_if_fail (unit != NULL, none);

  return unit->label;
}

/**
 * vankho_boundary_unit_get_bounds:
 * @unit: a unit
 * @south_west: (out) (optional): the south-west corner
 * @north_east: (out) (optional): the north-east corner
 *
 * The box of all the unit's polygons, islands included.
 */
void
vankho_boundary_unit_get_bounds (const VankhoBoundaryUnit *unit,
                                 VankhoGeoPoint           *south_west,
                                 VankhoGeoPoint           *north_east)
{
  g_return_if_fail (unit != NULL);

  if (south_west)
    *south_west = unit->south_west;
  if (north_east)
    *north_east = unit->north_east;
}

/**
 * vankho_boundary_unit_get_members:
 * @unit: a unit
 *
 * Returns: (transfer none) (array zero-terminated=1): the 2008-era codes of
 *   the provinces the unit is made of; a 2008-era unit's own code
 */
const char * const *
vankho_boundary_unit_get_members (const VankhoBoundaryUnit *unit)
{
  g_return_val_if_fail (unit != NULL, NULL);

  return (const char * const *) unit->members;
}

/**
 * vankho_boundary_unit_get_extra_labels:
 * @unit: a unit
 * @n_labels: (out): the number of labels
 *
 * Returns: (transfer none) (array length=n_labels) (nullable): the labels of
 *   far parts of the unit (the Hoàng Sa and Trường Sa archipelagos)
 */
const VankhoGeoLabel *
vankho_boundary_unit_get_extra_labels (const VankhoBoundaryUnit *unit,
                                       guint                    *n_labels)
{
  g_return_val_if_fail (unit != NULL, NULL);
  g_return_val_if_fail (n_labels != NULL, NULL);

  *n_labels = unit->n_labels;
  return unit->labels;
}

guint
vankho_boundary_unit_get_n_polygons (const VankhoBoundaryUnit *unit)
{
  g_return_val_if_fail (unit != NULL, 0);

  return unit->n_polygons;
}

/* The outer ring is ring 0, holes follow. */
guint
vankho_boundary_unit_get_n_rings (const VankhoBoundaryUnit *unit,
                                  guint                     polygon)
{
  g_return_val_if_fail (unit != NULL, 0);
  g_return_val_if_fail (polygon < unit->n_polygons, 0);

  return unit->polygons[polygon].n_rings;
}

/**
 * vankho_boundary_unit_get_ring:
 * @unit: a unit
 * @polygon: index of the polygon
 * @ring: index of the ring in it (0 is the outer ring)
 * @n_points: (out): the number of points
 *
 * The ring is closed implicitly: its last point is not a copy of the first.
 *
 * Returns: (transfer none) (array length=n_points): the points
 */
const VankhoGeoPoint *
vankho_boundary_unit_get_ring (const VankhoBoundaryUnit *unit,
                               guint                     polygon,
                               guint                     ring,
                               guint                    *n_points)
{
  g_return_val_if_fail (unit != NULL, NULL);
  g_return_val_if_fail (polygon < unit->n_polygons, NULL);
  g_return_val_if_fail (ring < unit->polygons[polygon].n_rings, NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  *n_points = unit->polygons[polygon].rings[ring].n_points;
  return unit->polygons[polygon].rings[ring].points;
}
