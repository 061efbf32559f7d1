/* test-map-view.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Map view on the sample library under a display (Xvfb in `make
 * test`), with no network: it draws the provinces coloured by their
 * counts, a click on a province sets the shared filter (and so the
 * article list), the era switch changes the units, and it saves PNGs of
 * the whole country, the Mekong delta and a narrow window to look at.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <shumate/shumate.h>

#include "vankho-importer.h"
#include "vankho-library-places.h"
#include "vankho-map-view.h"
#include "vankho-province-layer.h"

#include "ui-test-utils.h"

typedef struct
{
  char                *dir;
  VankhoLibrary       *library;
  VankhoArticleFilter *filter;
  GtkWindow           *window;
  VankhoMapView       *view;
} Fixture;

static void
open_window (Fixture *fixture,
             int      width,
             int      height)
{
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->view = VANKHO_MAP_VIEW (vankho_map_view_new (fixture->library, fixture->filter));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_set_default_size (fixture->window, width, height);
  gtk_window_present (fixture->window);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VankhoImporter) importer = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("vankho-map-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->library = vankho_library_open (path, &error);
  g_assert_no_error (error);
  importer = vankho_importer_new (fixture->library);
  g_assert_true (vankho_importer_import_samples (importer, NULL, &error));
  g_assert_no_error (error);

  fixture->filter = vankho_article_filter_new ();
  open_window (fixture, 1100, 700);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->filter);
  g_clear_object (&fixture->library);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static VankhoProvinceLayer *
get_layer (Fixture *fixture)
{
  GtkWidget *layer = find_widget (GTK_WIDGET (fixture->view), VANKHO_TYPE_PROVINCE_LAYER);

  g_assert_nonnull (layer);
  return VANKHO_PROVINCE_LAYER (layer);
}

static gboolean
counted (Fixture *fixture)
{
  return !vankho_map_view_get_loading (fixture->view) &&
         gtk_widget_get_width (GTK_WIDGET (get_layer (fixture))) > 0;
}

static guint
n_coloured (VankhoProvinceLayer *layer)
{
  VankhoBoundaries *boundaries = vankho_province_layer_get_boundaries (layer);
  guint n = 0;

  for (guint i = 0; i < vankho_boundaries_get_n_units (boundaries); i++)
    n += vankho_province_layer_get_class (layer, vankho_boundary_unit_get_code (vankho_boundaries_get_unit (boundaries, i))) > 0;

  return n;
}

/* The map draws the provinces from the boundaries compiled in, with no
 * network: no base map layer, only ours.
 */
static void
test_renders (Fixture       *fixture,
              gconstpointer  data)
{
  VankhoProvinceLayer *layer;
  ShumateSimpleMap *map;
  g_autoptr(VankhoPlaceCounts) counts = NULL;
  g_autoptr(GError) error = NULL;
  const char *code;
  guint n_layers = 0;

  spin_until (counted, fixture);
  ui_test_settle ();

  layer = get_layer (fixture);
  map = SHUMATE_SIMPLE_MAP (find_widget (GTK_WIDGET (fixture->view), SHUMATE_TYPE_SIMPLE_MAP));
  /* Only our layer: nothing that fetches tiles. */
  g_assert_null (find_widget (GTK_WIDGET (map), SHUMATE_TYPE_MAP_LAYER));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (shumate_simple_map_get_map (map)));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_layers += SHUMATE_IS_LAYER (child);
  g_assert_cmpuint (n_layers, ==, 1);

  /* The samples are dated before July 2025: the 63 provinces. */
  g_assert_cmpint (vankho_map_view_get_era (fixture->view), ==, VANKHO_ERA_2008);
  g_assert_cmpuint (vankho_boundaries_get_n_units (vankho_province_layer_get_boundaries (layer)), ==, 63);

  /* Every province with articles is coloured, and only those. */
  counts = vankho_library_count_places (fixture->library, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_coloured (layer), >, 0);
  for (guint i = 0; i < 63; i++)
    {
      code = vankho_boundary_unit_get_code (vankho_boundaries_get_unit (vankho_province_layer_get_boundaries (layer), i));
      g_assert_cmpint (vankho_province_layer_get_class (layer, code) > 0, ==,
                       vankho_place_counts_get (counts, VANKHO_ERA_2008, code) > 0);
    }
  g_assert_cmpuint (vankho_province_layer_get_n_classes (layer), >=, 1);

  ui_test_render_png (GTK_WIDGET (fixture->window), "map-country.png");
}

static void
emit_click (VankhoProvinceLayer *layer,
            int                  n_press,
            double               x,
            double               y)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (layer));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        {
          g_signal_emit_by_name (controller, "released", n_press, x, y);
          return;
        }
    }
  g_assert_not_reached ();
}

/* Where a unit's name is drawn, in the layer's coordinates. */
static void
unit_point (VankhoProvinceLayer      *layer,
            const VankhoBoundaryUnit *unit,
            double                   *x,
            double                   *y)
{
  VankhoGeoPoint point = vankho_boundary_unit_get_label_point (unit);

  shumate_viewport_location_to_widget_coords (shumate_layer_get_viewport (SHUMATE_LAYER (layer)),
                                              GTK_WIDGET (layer), point.lat, point.lon, x, y);
}

static void
test_click_filters (Fixture       *fixture,
                    gconstpointer  data)
{
  VankhoProvinceLayer *layer;
  VankhoBoundaries *boundaries;
  const VankhoBoundaryUnit *unit;
  g_autoptr(VankhoArticleQuery) query = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  double x, y;

  spin_until (counted, fixture);
  ui_test_settle ();
  layer = get_layer (fixture);
  boundaries = vankho_province_layer_get_boundaries (layer);

  /* Quảng Nam has a sample article; its label point hit-tests to it. */
  unit = vankho_boundaries_lookup (boundaries, "VN-27");
  g_assert_nonnull (unit);
  unit_point (layer, unit, &x, &y);
  g_assert_true (x > 0 && x < gtk_widget_get_width (GTK_WIDGET (layer)));
  g_assert_true (y > 0 && y < gtk_widget_get_height (GTK_WIDGET (layer)));
  g_assert_true (vankho_province_layer_unit_at (layer, x, y) == unit);
  /* The sea off the coast is no province. */
  g_assert_null (vankho_province_layer_unit_at (layer, 2, 2));

  emit_click (layer, 1, x, y);
  g_assert_cmpstr (vankho_article_filter_get_province (fixture->filter), ==, "VN-27");
  g_assert_cmpstr (vankho_province_layer_get_selected (layer), ==, "VN-27");

  /* The article list follows the filter: only Quảng Nam's articles. */
  query = vankho_article_filter_dup_query (fixture->filter);
  ids = vankho_library_query_article_ids (fixture->library, query, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >=, 1);
  g_assert_cmpuint (ids->len, <, vankho_library_count_articles (fixture->library, NULL));

  /* A click on the selected province clears it. */
  emit_click (layer, 1, x, y);
  g_assert_null (vankho_article_filter_get_province (fixture->filter));

  /* From another view: the map highlights what the filter says. */
  vankho_article_filter_set_province (fixture->filter, "VN-22");
  g_assert_cmpstr (vankho_province_layer_get_selected (layer), ==, "VN-22");
}

static void
test_eras (Fixture       *fixture,
           gconstpointer  data)
{
  VankhoProvinceLayer *layer;
  VankhoBoundaries *boundaries;
  const VankhoBoundaryUnit *unit;
  double x, y;

  spin_until (counted, fixture);
  ui_test_settle ();
  layer = get_layer (fixture);
  g_assert_cmpuint (vankho_boundaries_get_n_units (vankho_province_layer_get_boundaries (layer)), ==, 63);

  vankho_map_view_set_era (fixture->view, VANKHO_ERA_2025);
  ui_test_settle ();
  boundaries = vankho_province_layer_get_boundaries (layer);
  g_assert_cmpuint (vankho_boundaries_get_n_units (boundaries), ==, 34);
  /* Bắc Kạn's sample article colours Thái Nguyên of 2025. */
  g_assert_cmpuint (vankho_province_layer_get_class (layer, "VN-69"), >, 0);
  g_assert_cmpuint (vankho_province_layer_get_class (layer, "VN-53"), ==, 0);
  ui_test_render_png (GTK_WIDGET (fixture->window), "map-country-34.png");

  /* A click on a merged unit selects its member with most articles:
   * Thái Nguyên of 2025 is Bắc Kạn's and Thái Nguyên's. */
  unit = vankho_boundaries_lookup (boundaries, "VN-69");
  unit_point (layer, unit, &x, &y);
  emit_click (layer, 1, x, y);
  g_assert_nonnull (vankho_article_filter_get_province (fixture->filter));
  g_assert_true (g_strv_contains (vankho_boundary_unit_get_members (unit),
                                  vankho_article_filter_get_province (fixture->filter)));
  g_assert_cmpstr (vankho_province_layer_get_selected (layer), ==, "VN-69");

  vankho_map_view_set_era (fixture->view, VANKHO_ERA_2008);
  ui_test_settle ();
  g_assert_cmpuint (vankho_boundaries_get_n_units (vankho_province_layer_get_boundaries (layer)), ==, 63);
}

static gboolean
window_narrow (Fixture *fixture)
{
  return gtk_widget_get_width (GTK_WIDGET (fixture->view)) < 600 && counted (fixture);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  ShumateSimpleMap *map;
  ShumateViewport *viewport;
  GtkWidget *main_box;

  spin_until (counted, fixture);
  ui_test_settle ();

  /* The Mekong delta, close enough for every name. */
  map = SHUMATE_SIMPLE_MAP (find_widget (GTK_WIDGET (fixture->view), SHUMATE_TYPE_SIMPLE_MAP));
  viewport = shumate_simple_map_get_viewport (map);
  shumate_viewport_set_zoom_level (viewport, 7.6);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), 9.9, 105.7);
  vankho_article_filter_set_province (fixture->filter, "VN-CT");
  ui_test_settle ();
  ui_test_render_png (GTK_WIDGET (fixture->window), "map-mekong.png");

  open_window (fixture, 420, 800);
  spin_until (window_narrow, fixture);
  ui_test_settle ();
  /* Narrow, the ranking goes under the map. */
  main_box = find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_BOX);
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (main_box)), ==, GTK_ORIENTATION_VERTICAL);
  ui_test_render_png (GTK_WIDGET (fixture->window), "map-narrow.png");
}

/* The online base map is off unless asked for, and goes away again. */
static void
test_base_map_setting (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWidget *map;

  spin_until (counted, fixture);
  map = find_widget (GTK_WIDGET (fixture->view), SHUMATE_TYPE_SIMPLE_MAP);
  g_assert_null (find_widget (map, SHUMATE_TYPE_MAP_LAYER));

  g_settings_set_boolean (settings, "map-online-base-map", TRUE);
  g_assert_nonnull (find_widget (map, SHUMATE_TYPE_MAP_LAYER));

  g_settings_set_boolean (settings, "map-online-base-map", FALSE);
  g_assert_null (find_widget (map, SHUMATE_TYPE_MAP_LAYER));
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/map/renders", Fixture, NULL, fixture_setup, test_renders, fixture_teardown);
  g_test_add ("/ui/map/click-filters", Fixture, NULL, fixture_setup, test_click_filters, fixture_teardown);
  g_test_add ("/ui/map/eras", Fixture, NULL, fixture_setup, test_eras, fixture_teardown);
  g_test_add ("/ui/map/base-map-setting", Fixture, NULL, fixture_setup, test_base_map_setting, fixture_teardown);
  g_test_add ("/ui/map/screenshots", Fixture, NULL, fixture_setup, test_screenshots, fixture_teardown);

  return g_test_run ();
}
