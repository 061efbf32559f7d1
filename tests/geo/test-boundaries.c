/* test-boundaries.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "vankho-boundaries.h"

/* How far a capital may lie outside its province: the gazetteer's
 * coordinates are good to about 0.05° and Natural Earth's coasts are coarse. */
#define CAPITAL_TOLERANCE_KM 10.0

/* The caps the map view's start-up budget allows (tools/build-boundaries
 * enforces the same). */
#define MAX_FILE_BYTES (200 * 1024)
#define MAX_TOTAL_BYTES (400 * 1024)

typedef struct
{
  char   *code;
  char   *name;
  char   *capital;
  double  lat;
  double  lon;
  char   *region;
  char   *unit2025;
} Province;

typedef struct
{
  char  *id;
  char  *name;
  char **members;
} Unit2025;

static GPtrArray *provinces;  /* Province, from data/geo/provinces-63.tsv */
static GPtrArray *units2025;  /* Unit2025, from data/geo/provinces-34.tsv */

static GPtrArray *
read_tsv (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "geo", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gboolean header = TRUE;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      if (header)
        {
          header = FALSE;
          continue;
        }
      g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
    }

  return rows;
}

static void
load_gazetteer (void)
{
  g_autoptr(GPtrArray) rows63 = read_tsv ("provinces-63.tsv");
  g_autoptr(GPtrArray) rows34 = read_tsv ("provinces-34.tsv");

  provinces = g_ptr_array_new ();
  for (guint i = 0; i < rows63->len; i++)
    {
      char **f = g_ptr_array_index (rows63, i);
      Province *p = g_new0 (Province, 1);

      g_assert_cmpuint (g_strv_length (f), ==, 8);
      p->code = g_strdup (f[0]);
      p->name = g_strdup (f[1]);
      p->capital = g_strdup (f[3]);
      p->lat = g_ascii_strtod (f[4], NULL);
      p->lon = g_ascii_strtod (f[5], NULL);
      p->region = g_strdup (f[6]);
      p->unit2025 = g_strdup (f[7]);
      g_ptr_array_add (provinces, p);
    }

  units2025 = g_ptr_array_new ();
  for (guint i = 0; i < rows34->len; i++)
    {
      char **f = g_ptr_array_index (rows34, i);
      Unit2025 *u = g_new0 (Unit2025, 1);

      g_assert_cmpuint (g_strv_length (f), ==, 4);
      u->id = g_strdup (f[0]);
      u->name = g_strdup (f[1]);
      u->members = g_strsplit (f[3], " ", -1);
      g_ptr_array_add (units2025, u);
    }

  /* The reference itself, before we check the data against it. */
  g_assert_cmpuint (provinces->len, ==, 63);
  g_assert_cmpuint (units2025->len, ==, 34);
}

/* Area in square degrees, with holes subtracted. */
static double
unit_area (const VankhoBoundaryUnit *unit)
{
  double total = 0;

  for (guint p = 0; p < vankho_boundary_unit_get_n_polygons (unit); p++)
    for (guint r = 0; r < vankho_boundary_unit_get_n_rings (unit, p); r++)
      {
        guint n;
        const VankhoGeoPoint *points = vankho_boundary_unit_get_ring (unit, p, r, &n);
        double area = 0;

        for (guint i = 0, j = n - 1; i < n; j = i++)
          area += points[j].lon * points[i].lat - points[i].lon * points[j].lat;
        total += (r == 0 ? 1 : -1) * fabs (area) / 2;
      }

  return total;
}

/* Distance from a point to a unit in km (0 inside), on a local flat
 * approximation: good to metres over the tens of km this checks. */
static double
distance_km (const VankhoBoundaryUnit *unit,
             double                    lat,
             double                    lon)
{
  const double ky = 110.57;
  double kx = 111.32 * cos (lat * G_PI / 180.0);
  double best = G_MAXDOUBLE;

  if (vankho_boundary_unit_contains (unit, lat, lon))
    return 0;

  for (guint p = 0; p < vankho_boundary_unit_get_n_polygons (unit); p++)
    for (guint r = 0; r < vankho_boundary_unit_get_n_rings (unit, p); r++)
      {
        guint n;
        const VankhoGeoPoint *points = vankho_boundary_unit_get_ring (unit, p, r, &n);

        for (guint i = 0, j = n - 1; i < n; j = i++)
          {
            double ax = (points[j].lon - lon) * kx;
            double ay = (points[j].lat - lat) * ky;
            double dx = (points[i].lon - lon) * kx - ax;
            double dy = (points[i].lat - lat) * ky - ay;
            double length2 = dx * dx + dy * dy;
            double t = length2 > 0 ? CLAMP (-(ax * dx + ay * dy) / length2, 0, 1) : 0;

            best = MIN (best, hypot (ax + t * dx, ay + t * dy));
          }
      }

  return best;
}

static void
test_units_2008 (void)
{
  VankhoBoundaries *boundaries = vankho_boundaries_get_default (VANKHO_ERA_2008);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpint (vankho_boundaries_get_era (boundaries), ==, VANKHO_ERA_2008);
  g_assert_cmpuint (vankho_boundaries_get_n_units (boundaries), ==, 63);

  for (guint i = 0; i < vankho_boundaries_get_n_units (boundaries); i++)
    {
      const VankhoBoundaryUnit *unit = vankho_boundaries_get_unit (boundaries, i);
      const char *code = vankho_boundary_unit_get_code (unit);
      const char * const *members = vankho_boundary_unit_get_members (unit);

      g_assert_false (g_hash_table_contains (seen, code));
      g_hash_table_add (seen, (gpointer) code);
      g_assert_cmpstr (members[0], ==, code);
      g_assert_null (members[1]);
      g_assert_cmpuint (vankho_boundary_unit_get_n_polygons (unit), >, 0);
    }

  /* Every province once, with its ISO code, its full Vietnamese name and
   * its region. */
  for (guint i = 0; i < provinces->len; i++)
    {
      Province *p = g_ptr_array_index (provinces, i);
      const VankhoBoundaryUnit *unit = vankho_boundaries_lookup (boundaries, p->code);

      g_assert_nonnull (unit);
      g_assert_cmpstr (vankho_boundary_unit_get_name (unit), ==, p->name);
      g_assert_cmpstr (vankho_boundary_unit_get_region (unit), ==, p->region);
      g_assert_true (vankho_boundaries_unit_for_code (boundaries, p->code) == unit);
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, provinces->len);

  g_assert_null (vankho_boundaries_lookup (boundaries, "VN-99"));
  g_assert_null (vankho_boundaries_unit_for_code (boundaries, "Đông Bắc"));
}

/* The hit-test at a capital: its own unit, or nothing/a neighbour only
 * where the capital is within the tolerance of its own outline. */
static void
check_capital (VankhoBoundaries *boundaries,
               Province         *p,
               const char       *expected)
{
  const VankhoBoundaryUnit *unit = vankho_boundaries_lookup (boundaries, expected);
  const char *hit = vankho_boundaries_hit_test (boundaries, p->lat, p->lon);

  g_assert_nonnull (unit);
  if (g_strcmp0 (hit, expected) != 0)
    {
      double distance = distance_km (unit, p->lat, p->lon);

      g_test_message ("%s (%s): hit-test gives %s, %.1f km from %s",
                      p->capital, p->code, hit ? hit : "nothing", distance, expected);
      g_assert_cmpfloat (distance, <=, CAPITAL_TOLERANCE_KM);
    }
}

static void
test_capitals_2008 (void)
{
  VankhoBoundaries *boundaries = vankho_boundaries_get_default (VANKHO_ERA_2008);
  guint exact = 0;

  for (guint i = 0; i < provinces->len; i++)
    {
      Province *p = g_ptr_array_index (provinces, i);
      const VankhoBoundaryUnit *unit = vankho_boundaries_lookup (boundaries, p->code);

      g_assert_cmpfloat (distance_km (unit, p->lat, p->lon),
                         <=, CAPITAL_TOLERANCE_KM);
      check_capital (boundaries, p, p->code);
      if (g_strcmp0 (vankho_boundaries_hit_test (boundaries, p->lat, p->lon), p->code) == 0)
        exact++;
    }

  /* Coarse coasts may leave a few seaside capitals just outside, never
   * many: more would mean the identification went wrong. */
  g_test_message ("%u of %u capitals inside their own province", exact, provinces->len);
  g_assert_cmpuint (exact, >=, provinces->len - 5);

  /* Natural Earth put Ninh Kiều in Hậu Giang; the converter moved the border. */
  g_assert_cmpstr (vankho_boundaries_hit_test (boundaries, 10.03, 105.78), ==, "VN-CT");
  g_assert_cmpstr (vankho_boundaries_hit_test (boundaries, 9.78, 105.47), ==, "VN-73");
}

static void
test_units_2025 (void)
{
  VankhoBoundaries *boundaries = vankho_boundaries_get_default (VANKHO_ERA_2025);
  VankhoBoundaries *old = vankho_boundaries_get_default (VANKHO_ERA_2008);
  g_autoptr(GHashTable) member_of = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpint (vankho_boundaries_get_era (boundaries), ==, VANKHO_ERA_2025);
  g_assert_cmpuint (vankho_boundaries_get_n_units (boundaries), ==, 34);

  for (guint i = 0; i < units2025->len; i++)
    {
      Unit2025 *u = g_ptr_array_index (units2025, i);
      const VankhoBoundaryUnit *unit = vankho_boundaries_lookup (boundaries, u->id);
      const char * const *members;
      double area = 0;

      g_assert_nonnull (unit);
      g_assert_cmpstr (vankho_boundary_unit_get_name (unit), ==, u->name);
      members = vankho_boundary_unit_get_members (unit);
      g_assert_cmpstrv (members, (const char * const *) u->members);

      for (guint m = 0; members[m] != NULL; m++)
        {
          /* Each of the 63 in exactly one of the 34. */
          g_assert_false (g_hash_table_contains (member_of, members[m]));
          g_hash_table_insert (member_of, (gpointer) members[m], (gpointer) u->id);
          g_assert_true (vankho_boundaries_unit_for_code (boundaries, members[m]) == unit);
          area += unit_area (vankho_boundaries_lookup (old, members[m]));
        }

      /* Dissolving loses nor adds land: the merged outline encloses what
       * its members did (to rounding). */
      g_assert_cmpfloat_with_epsilon (unit_area (unit), area, area * 0.001);
    }

  g_assert_cmpuint (g_hash_table_size (member_of), ==, 63);
  for (guint i = 0; i < provinces->len; i++)
    {
      Province *p = g_ptr_array_index (provinces, i);

      g_assert_cmpstr (g_hash_table_lookup (member_of, p->code), ==, p->unit2025);
    }
}

static void
test_hit_test_2025 (void)
{
  VankhoBoundaries *boundaries = vankho_boundaries_get_default (VANKHO_ERA_2025);

  for (guint i = 0; i < provinces->len; i++)
    check_capital (boundaries, g_ptr_array_index (provinces, i),
                   ((Province *) g_ptr_array_index (provinces, i))->unit2025);

  /* Inner borders are gone: Phủ Lý (Hà Nam) and Nam Định are both in
   * Ninh Bình now; a point between them too. */
  g_assert_cmpstr (vankho_boundaries_hit_test (boundaries, 20.54, 105.91), ==, "VN-18");
  g_assert_cmpstr (vankho_boundaries_hit_test (boundaries, 20.43, 106.17), ==, "VN-18");
}

static void
test_sea_and_abroad (void)
{
  static const struct { double lat, lon; const char *what; } points[] = {
    { 15.0, 112.0, "open sea between Quảng Ngãi and Hoàng Sa" },
    { 10.0, 107.5, "sea off Vũng Tàu" },
    { 19.0, 107.0, "Gulf of Tonkin" },
    { 12.0, 110.5, "sea off Khánh Hòa" },
    { 17.97, 102.60, "Vientiane, Laos" },
    { 11.56, 104.92, "Phnom Penh, Cambodia" },
    { 20.02, 110.35, "Haikou, Hainan" },
    { 0.0, 0.0, "far away" },
  };

  for (VankhoEra era = VANKHO_ERA_2008; era <= VANKHO_ERA_2025; era++)
    for (guint i = 0; i < G_N_ELEMENTS (points); i++)
      {
        const char *hit = vankho_boundaries_hit_test (vankho_boundaries_get_default (era),
                                                      points[i].lat, points[i].lon);

        if (hit != NULL)
          g_test_message ("%s: %s", points[i].what, hit);
        g_assert_null (hit);
      }
}

static void
test_archipelagos (void)
{
  static const struct { double lat, lon; const char *code; const char *label; } islands[] = {
    { 16.533, 111.608, "VN-DN", "Quần đảo Hoàng Sa" },   /* Hoàng Sa (Pattle) */
    { 16.834, 112.338, "VN-DN", "Quần đảo Hoàng Sa" },   /* Phú Lâm (Woody) */
    { 8.644, 111.920, "VN-34", "Quần đảo Trường Sa" },   /* Trường Sa Lớn */
    { 11.429, 114.331, "VN-34", "Quần đảo Trường Sa" },  /* Song Tử Tây */
  };

  for (VankhoEra era = VANKHO_ERA_2008; era <= VANKHO_ERA_2025; era++)
    {
      VankhoBoundaries *boundaries = vankho_boundaries_get_default (era);

      for (guint i = 0; i < G_N_ELEMENTS (islands); i++)
        {
          const VankhoBoundaryUnit *unit = vankho_boundaries_lookup (boundaries, islands[i].code);
          const VankhoGeoLabel *labels;
          guint n_labels;

          g_assert_cmpstr (vankho_boundaries_hit_test (boundaries, islands[i].lat, islands[i].lon),
                           ==, islands[i].code);
          labels = vankho_boundary_unit_get_extra_labels (unit, &n_labels);
          g_assert_cmpuint (n_labels, ==, 1);
          g_assert_cmpstr (labels[0].name, ==, islands[i].label);
          g_assert_nonnull (labels[0].english);
        }
    }
}

static void
test_label_points (void)
{
  for (VankhoEra era = VANKHO_ERA_2008; era <= VANKHO_ERA_2025; era++)
    {
      VankhoBoundaries *boundaries = vankho_boundaries_get_default (era);
      VankhoGeoPoint sw, ne;

      vankho_boundaries_get_bounds (boundaries, &sw, &ne);
      g_assert_cmpfloat (sw.lat, <, 8.5);
      g_assert_cmpfloat (ne.lat, >, 23.3);
      g_assert_cmpfloat (sw.lon, <, 102.2);
      g_assert_cmpfloat (ne.lon, >, 114.3);

      for (guint i = 0; i < vankho_boundaries_get_n_units (boundaries); i++)
        {
          const VankhoBoundaryUnit *unit = vankho_boundaries_get_unit (boundaries, i);
          VankhoGeoPoint label = vankho_boundary_unit_get_label_point (unit);
          VankhoGeoPoint usw, une;

          /* The name is drawn inside its own unit. */
          g_assert_cmpstr (vankho_boundaries_hit_test (boundaries, label.lat, label.lon),
                           ==, vankho_boundary_unit_get_code (unit));
          vankho_boundary_unit_get_bounds (unit, &usw, &une);
          g_assert_cmpfloat (usw.lat, <=, label.lat);
          g_assert_cmpfloat (une.lat, >=, label.lat);
        }
    }
}

static void
test_sizes (void)
{
  static const char * const paths[] = {
    "/io/github/vankho/Vankho/geo/provinces-63.json",
    "/io/github/vankho/Vankho/geo/provinces-34.json",
  };
  gsize total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize size = 0;

      g_resources_get_info (paths[i], G_RESOURCE_LOOKUP_FLAGS_NONE, &size, NULL, &error);
      g_assert_no_error (error);
      g_test_message ("%s: %" G_GSIZE_FORMAT " bytes", paths[i], size);
      g_assert_cmpuint (size, <=, MAX_FILE_BYTES);
      total += size;
    }
  g_assert_cmpuint (total, <=, MAX_TOTAL_BYTES);
}

static void
test_invalid_data (void)
{
  static const char * const bad[] = {
    "",
    "not json",
    "[]",
    "{\"era\":1999,\"units\":[]}",
    "{\"era\":2008,\"units\":[{\"code\":\"VN-01\"}]}",
    "{\"era\":2008,\"units\":[{\"code\":\"VN-01\",\"name\":\"Lai Châu\",\"region\":\"TDMNPB\","
      "\"label\":[103.4,22.4],\"polygons\":[[[103,22,104,22]]]}]}",
    "{\"era\":2008,\"units\":[{\"code\":\"VN-01\",\"name\":\"Lai Châu\",\"region\":\"TDMNPB\","
      "\"label\":[103.4,22.4],\"polygons\":[[[103,22,104,22,104,\"x\"]]]}]}",
    "{\"era\":2025,\"units\":[{\"code\":\"VN-01\",\"name\":\"Lai Châu\",\"region\":\"TDMNPB\","
      "\"label\":[103.4,22.4],\"members\":[{}],\"polygons\":[[[103,22,104,22,104,23]]]}]}",
    "{\"era\":2008,\"units\":[{\"code\":\"VN-01\",\"name\":\"Lai Châu\",\"region\":\"TDMNPB\","
      "\"label\":[103.4,22.4],\"polygons\":[[[103,22,104,22,104,23]]]},"
      "{\"code\":\"VN-01\",\"name\":\"Lai Châu\",\"region\":\"TDMNPB\","
      "\"label\":[103.4,22.4],\"polygons\":[[[103,22,104,22,104,23]]]}]}",
  };
  static const char good[] =
    "{\"era\":2025,\"units\":[{\"code\":\"VN-01\",\"name\":\"Lai Châu\",\"region\":\"TDMNPB\","
    "\"label\":[103.5,22.2],\"members\":[\"VN-01\"],\"polygons\":[[[103,22,104,22,104,23,103,23]]]}]}";
  g_autoptr(GBytes) good_bytes = g_bytes_new_static (good, sizeof good - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(VankhoBoundaries) boundaries = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) bad_error = NULL;
      g_autoptr(VankhoBoundaries) bad_boundaries = vankho_boundaries_new_from_bytes (bytes, &bad_error);

      g_assert_null (bad_boundaries);
      g_assert_nonnull (bad_error);
    }

  boundaries = vankho_boundaries_new_from_bytes (good_bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vankho_boundaries_get_era (boundaries), ==, VANKHO_ERA_2025);
  g_assert_cmpstr (vankho_boundaries_hit_test (boundaries, 22.5, 103.5), ==, "VN-01");
  g_assert_null (vankho_boundaries_hit_test (boundaries, 23.5, 103.5));
  g_assert_cmpfloat_with_epsilon (distance_km (vankho_boundaries_get_unit (boundaries, 0),
                                                                    22.5, 104.1),
                                  0.1 * 111.32 * cos (22.5 * G_PI / 180), 0.01);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  load_gazetteer ();

  g_test_add_func ("/geo/boundaries/units-2008", test_units_2008);
  g_test_add_func ("/geo/boundaries/capitals-2008", test_capitals_2008);
  g_test_add_func ("/geo/boundaries/units-2025", test_units_2025);
  g_test_add_func ("/geo/boundaries/hit-test-2025", test_hit_test_2025);
  g_test_add_func ("/geo/boundaries/sea-and-abroad", test_sea_and_abroad);
  g_test_add_func ("/geo/boundaries/archipelagos", test_archipelagos);
  g_test_add_func ("/geo/boundaries/label-points", test_label_points);
  g_test_add_func ("/geo/boundaries/sizes", test_sizes);
  g_test_add_func ("/geo/boundaries/invalid-data", test_invalid_data);

  return g_test_run ();
}
