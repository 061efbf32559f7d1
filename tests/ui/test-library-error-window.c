/* test-library-error-window.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A library that will not open gets a page that says why and offers the
 * ways out, and the file stays as it was.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "vankho-application.h"
#include "vankho-library.h"
#include "vankho-library-error-window.h"

static gboolean
shows (GtkWidget  *widget,
       const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  if (ADW_IS_STATUS_PAGE (widget) && adw_status_page_get_description (ADW_STATUS_PAGE (widget)) != NULL &&
      strstr (adw_status_page_get_description (ADW_STATUS_PAGE (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows (child, text))
      return TRUE;

  return FALSE;
}

static void
test_damaged_library (void)
{
  g_autoptr(VankhoApplication) app = vankho_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vankho-error-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *backup = g_build_filename (backups, "library-2026-01-01.db", NULL);
  g_autofree char *after = NULL;
  g_autoptr(VankhoLibrary) library = NULL;
  GtkWidget *window;
  const char garbage[] = "SQLite format 3 but not really";

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));
  g_mkdir_with_parents (backups, 0700);
  g_assert_true (g_file_set_contents (backup, "x", -1, NULL));

  library = vankho_library_open (path, &error);
  g_assert_null (library);

  window = vankho_library_error_window_new (GTK_APPLICATION (app), path, error);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  g_assert_true (shows (window, "library.db"));
  g_assert_true (shows (window, "Open Another Library"));
  /* A backup exists, so restoring is offered. */
  g_assert_true (shows (window, "Restore From Backup"));

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, garbage);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (backup);
  g_rmdir (backups);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/library-error-window/damaged", test_damaged_library);

  return g_test_run ();
}
