/* bench-map-layer.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How long the province layer takes to draw a frame while the map pans:
 * its snapshot, and the rendering of what it produced with the window's
 * renderer, at the scale of the whole country and zoomed to a region,
 * with every province coloured and named. Needs a display (Xvfb will do).
 * Prints, for each zoom Z, `map_layer_first_frame_zZ`,
 * `map_layer_snapshot_mean_zZ`, `map_layer_snapshot_worst_zZ` and
 * `map_layer_render_mean_zZ`, then `map_layer_snapshot_worst` over all
 * three, each `<ms> ms`; the target is under 16 ms. BENCH_VERBOSE=1 adds
 * every frame's snapshot. The snapshot fills the tiles coming into view
 * (vankho-province-layer.c), so its time includes that rasterizing.
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <adwaita.h>
#include <shumate/shumate.h>

#include "vankho-province-layer.h"

#define N_FRAMES 60

static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + 200 * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* The snapshot: our drawing, recorded. Its time is the frame's cost
 * to the main loop; *render_ms gets the time the window's renderer then
 * takes to turn it into pixels and read them back (the read-back, which
 * a real frame does not do, is most of it under Xvfb). */
static double
frame (GtkWidget *window,
       GtkWidget *layer,
       double    *render_ms)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (layer);
  int height = gtk_widget_get_height (layer);
  gint64 start = g_get_monotonic_time ();
  gint64 snapped;

  GTK_WIDGET_GET_CLASS (layer)->snapshot (layer, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  snapped = g_get_monotonic_time ();
  if (node != NULL && g_getenv ("BENCH_RASTER") != NULL)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cairo_t *cr = cairo_create (surface);

      gsk_render_node_draw (node, cr);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  else if (node != NULL)
    texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                           &GRAPHENE_RECT_INIT (0, 0, width, height));
  *render_ms = (g_get_monotonic_time () - snapped) / 1000.0;

  return (snapped - start) / 1000.0;
}

static double
pan (GtkWidget       *window,
     GtkWidget       *layer,
     ShumateViewport *viewport,
     double           zoom,
     double           lat,
     double           lon,
     double           step)
{
  double total = 0, worst = 0, render_total = 0;

  shumate_viewport_set_zoom_level (viewport, zoom);
  for (guint i = 0; i < N_FRAMES; i++)
    {
      double ms, render_ms;

      shumate_location_set_location (SHUMATE_LOCATION (viewport), lat - i * step / 2, lon + i * step);
      ms = frame (window, layer, &render_ms);
      if (g_getenv ("BENCH_VERBOSE") != NULL)
        g_printerr ("zoom %.1f frame %u: snapshot %.2f ms, render %.2f ms\n", zoom, i, ms, render_ms);
      render_total += render_ms;
      /* The first frame at a zoom fills every tile in view: that is a
       * zoom's cost, not a pan's. */
      if (i == 0)
        {
          g_print ("map_layer_first_frame_z%.1f %.2f ms\n", zoom, ms);
          continue;
        }
      total += ms;
      worst = MAX (worst, ms);
    }
  g_print ("map_layer_snapshot_mean_z%.1f %.2f ms\n", zoom, total / (N_FRAMES - 1));
  g_print ("map_layer_snapshot_worst_z%.1f %.2f ms\n", zoom, worst);
  g_print ("map_layer_render_mean_z%.1f %.2f ms\n", zoom, render_total / N_FRAMES);

  return worst;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GHashTable) classes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(ShumateMapSource) reference = NULL;
  VankhoBoundaries *boundaries = vankho_boundaries_get_default (VANKHO_ERA_2008);
  VankhoProvinceLayer *layer;
  ShumateSimpleMap *map;
  ShumateViewport *viewport;
  GtkWidget *window;
  double worst, ms;

  if (!gtk_init_check ())
    {
      g_printerr ("bench-map-layer: needs a display (try xvfb-run -a)\n");
      return 77;
    }
  adw_init ();
  /* GTK took the user's locale; figures are read by scripts: a decimal
   * point in every locale. */
  setlocale (LC_NUMERIC, "C");

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  map = shumate_simple_map_new ();
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (map));

  /* As the view does: a reference for the projection, no tiles. */
  reference = SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full_from_url (
      "bench", "bench", "", "", 3, 12, 256, SHUMATE_MAP_PROJECTION_MERCATOR, "http://localhost/#Z#/#X#/#Y#.png"));
  g_object_ref_sink (reference);
  viewport = shumate_simple_map_get_viewport (map);
  shumate_viewport_set_reference_map_source (viewport, reference);

  layer = vankho_province_layer_new (viewport);
  shumate_simple_map_add_overlay_layer (map, SHUMATE_LAYER (layer));
  vankho_province_layer_set_boundaries (layer, boundaries);
  for (guint i = 0; i < vankho_boundaries_get_n_units (boundaries); i++)
    g_hash_table_insert (classes, (gpointer) vankho_boundary_unit_get_code (vankho_boundaries_get_unit (boundaries, i)),
                         GUINT_TO_POINTER (1 + i % VANKHO_PROVINCE_LAYER_MAX_CLASSES));
  vankho_province_layer_set_classes (layer, classes, VANKHO_PROVINCE_LAYER_MAX_CLASSES);
  vankho_province_layer_set_selected (layer, "VN-CT");

  gtk_window_present (GTK_WINDOW (window));
  settle ();

  worst = pan (window, GTK_WIDGET (layer), viewport, 5.6, 16.0, 104.0, 0.2);
  ms = pan (window, GTK_WIDGET (layer), viewport, 7.5, 10.5, 104.5, 0.05);
  worst = MAX (worst, ms);
  ms = pan (window, GTK_WIDGET (layer), viewport, 9.0, 21.0, 105.3, 0.02);
  worst = MAX (worst, ms);
  g_print ("map_layer_snapshot_worst %.2f ms\n", worst);

  gtk_window_destroy (GTK_WINDOW (window));

  return worst < 16 ? EXIT_SUCCESS : EXIT_FAILURE;
}
