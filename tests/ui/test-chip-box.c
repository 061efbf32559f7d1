/* test-chip-box.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The filter bar's chips: each as wide as it asks, side by side, a new
 * row when the next does not fit, mirrored right to left. */

#include "config.h"

#include <gtk/gtk.h>

#include "ui-test-utils.h"
#include "vankho-chip-box.h"

static void
assert_at (GtkWidget *chip,
           GtkWidget *box,
           float      x,
           float      y)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (chip, box, &bounds));
  g_assert_cmpfloat (bounds.origin.x, ==, x);
  g_assert_cmpfloat (bounds.origin.y, ==, y);
  g_assert_cmpfloat (bounds.size.width, ==, 100);
}

static void
test_layout (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = vankho_chip_box_new ();
  GtkWidget *chips[3];
  float width;

  gtk_window_set_default_size (GTK_WINDOW (window), 250, 200);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_window_set_child (GTK_WINDOW (window), box);
  for (guint i = 0; i < G_N_ELEMENTS (chips); i++)
    {
      chips[i] = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_widget_set_size_request (chips[i], 100, 20);
      vankho_chip_box_append (VANKHO_CHIP_BOX (box), chips[i]);
    }
  gtk_window_present (GTK_WINDOW (window));
  ui_test_settle ();

  width = gtk_widget_get_width (box);
  g_assert_cmpfloat (width, >=, 206);
  g_assert_cmpfloat (width, <, 312);
  assert_at (chips[0], box, 0, 0);
  assert_at (chips[1], box, 106, 0);
  assert_at (chips[2], box, 0, 26);
  g_assert_cmpint (gtk_widget_get_height (box), ==, 46);

  /* A hidden chip takes no room. */
  gtk_widget_set_visible (chips[1], FALSE);
  ui_test_settle ();
  assert_at (chips[2], box, 106, 0);
  g_assert_cmpint (gtk_widget_get_height (box), ==, 20);
  gtk_widget_set_visible (chips[1], TRUE);

  gtk_widget_set_direction (box, GTK_TEXT_DIR_RTL);
  ui_test_settle ();
  assert_at (chips[0], box, width - 100, 0);
  assert_at (chips[1], box, width - 206, 0);
  assert_at (chips[2], box, width - 100, 26);

  vankho_chip_box_remove_all (VANKHO_CHIP_BOX (box));
  g_assert_null (gtk_widget_get_first_child (box));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/chip-box/layout", test_layout);

  return g_test_run ();
}
