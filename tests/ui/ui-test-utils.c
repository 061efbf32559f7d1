/* ui-test-utils.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the UI tests share: waiting for the main loop without sleeping
 * blind, finding what is on screen, and saving a picture of it.
 */

#include "config.h"

#include <string.h>

#include "ui-test-utils.h"

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* How much slower than a plain build this run is: VANKHO_TIMEOUT_FACTOR,
 * set by make test-asan and make test-valgrind-ui. */
static guint
timeout_factor (void)
{
  const char *factor = g_getenv ("VANKHO_TIMEOUT_FACTOR");
  guint64 value = factor != NULL ? g_ascii_strtoull (factor, NULL, 10) : 1;

  return CLAMP (value, 1, 100);
}

/**
 * ui_test_spin_until:
 *
 * Runs the main loop until @done says so; fails after ten seconds (times
 * the timeout factor), so that a hang is a failure.
 */
void
ui_test_spin_until (UiTestPredicate done,
                    gpointer        data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10 * timeout_factor (), timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (id);
}

/**
 * ui_test_settle:
 *
 * Lets transitions end, rows bind and a frame draw.
 */
void
ui_test_settle (void)
{
  gint64 until = g_get_monotonic_time () + 300 * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

/**
 * ui_test_find_mapped:
 *
 * Returns: (transfer container): the mapped widgets of @type under @root
 */
GPtrArray *
ui_test_find_mapped (GtkWidget *root,
                     GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_widgets (root, type, found);
  return found;
}

/**
 * ui_test_label_shows:
 *
 * Returns: whether a mapped label under @root contains @text
 */
gboolean
ui_test_label_shows (GtkWidget  *root,
                     const char *text)
{
  g_autoptr(GPtrArray) labels = ui_test_find_mapped (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_label (g_ptr_array_index (labels, i)), text) != NULL)
      return TRUE;

  return FALSE;
}

/**
 * ui_test_render_png:
 * @name: a file name, written under $G_TEST_BUILDDIR/screenshots
 *
 * Saves what @widget shows, as the user would see it.
 */
void
ui_test_render_png (GtkWidget  *widget,
                    const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "screenshots", NULL);
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  /* Until the widget has drawn once, there is nothing to take. */
  for (guint i = 0; i < 100 * timeout_factor () && node == NULL; i++)
    {
      g_autoptr(GtkSnapshot) attempt = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (attempt), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&attempt));
      if (node == NULL)
        ui_test_settle ();
    }
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}
