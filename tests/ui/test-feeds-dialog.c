/* test-feeds-dialog.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Manage Feeds under a display: the feeds and their status in words, and
 * a clear message for an address that is not one.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "vankho-feeds-dialog.h"
#include "vankho-library-feeds.h"

static gboolean
label_shows (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (label_shows (child, text))
      return TRUE;

  return FALSE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for_label (GtkWidget  *root,
                const char *text)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, timeout_cb, &timed_out);

  while (!label_shows (root, text) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
test_lists_feeds (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vankho-feeds-ui-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(VankhoLibrary) library = vankho_library_open (path, &error);
  g_autoptr(VankhoFeedSource) feed = NULL;
  GtkWidget *dialog;
  gint64 id;

  g_assert_no_error (error);
  id = vankho_library_add_feed (library, "https://congan.example.vn/rss/tin-tuc.xml", "Công an tỉnh (thử)", &error);
  g_assert_no_error (error);
  vankho_library_add_feed (library, "https://bao.example.vn/rss.xml", "Báo thử", &error);
  g_assert_no_error (error);

  /* As a sync leaves a failing feed. */
  feed = vankho_library_get_feed (library, id, &error);
  feed->last_checked = 1700000000;
  feed->last_status = 404;
  feed->last_error = g_strdup ("HTTP 404: Not Found");
  g_assert_true (vankho_library_save_feed_status (library, feed, &error));

  dialog = vankho_feeds_dialog_new (NULL, library);
  gtk_window_present (GTK_WINDOW (dialog));

  wait_for_label (dialog, "Công an tỉnh (thử)");
  wait_for_label (dialog, "Báo thử");
  wait_for_label (dialog, "HTTP 404: Not Found");
  wait_for_label (dialog, "Not synced yet");

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&library);
  {
    const char *names[] = { "library.db", "library.db-wal", "library.db-shm" };
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *file = g_build_filename (dir, names[i], NULL);
        g_unlink (file);
      }
    g_rmdir (dir);
  }
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/feeds-dialog/lists-feeds", test_lists_feeds);

  return g_test_run ();
}
