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
#include "vankho-window.h"

/* One application per process: GApplication registers only once. */
static VankhoApplication *app;

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

/* The button is there and shown, not only built. */
static gboolean
button_shown (GtkWidget  *widget,
              const char *text)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL &&
      strstr (gtk_button_get_label (GTK_BUTTON (widget)), text) != NULL)
    return gtk_widget_is_visible (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (button_shown (child, text))
      return TRUE;

  return FALSE;
}

static void
settle (void)
{
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_damaged_library (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vankho-error-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *backup = g_build_filename (backups, "library-2026-01-01.db", NULL);
  g_autofree char *after = NULL;
  g_autoptr(VankhoLibrary) library = NULL;
  GtkWidget *window;
  const char garbage[] = "SQLite format 3 but not really";

  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));
  g_mkdir_with_parents (backups, 0700);
  g_assert_true (g_file_set_contents (backup, "x", -1, NULL));

  library = vankho_library_open (path, &error);
  g_assert_null (library);

  window = vankho_library_error_window_new (GTK_APPLICATION (app), path, error);
  gtk_window_present (GTK_WINDOW (window));
  settle ();

  g_assert_true (shows (window, "library.db"));
  g_assert_true (button_shown (window, "Open Another Library"));
  /* A backup exists, so restoring is offered. */
  g_assert_true (button_shown (window, "Restore From Backup"));

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, garbage);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (backup);
  g_rmdir (backups);
  g_unlink (path);
  g_rmdir (dir);
}

/* What the app does at start with a library it cannot open: its window is
 * the error page, saying what happened; restoring is offered only when
 * there is a backup; the file is not written.
 */
static void
test_app_opens_error_page (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *dir = g_dir_make_tmp ("vankho-error-ui-XXXXXX", NULL);
  g_autofree char *good_path = g_build_filename (dir, "good.db", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *backup = g_build_filename (backups, "library-2026-01-01.db", NULL);
  g_autofree char *good = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  struct { const char *name; const char *says; } cases[] = {
    { "text.db", "not an SQLite database" },
    { "truncated.db", "truncated or damaged" },
    { "schema.db", "damaged" },
    { "newer.db", "newer version" },
  };

  {
    g_autoptr(VankhoLibrary) library = vankho_library_open (good_path, &error);
    g_assert_no_error (error);
  }
  g_assert_true (g_file_get_contents (good_path, &good, &len, NULL));
  g_assert_cmpuint (len, >, 8192);

  /* Every other one with a backup beside it. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);
      g_autofree char *contents = g_memdup2 (good, len);
      g_autofree char *after = NULL;
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      gboolean with_backup = i % 2 == 1;
      gsize n = len;
      gsize after_len;
      GtkWindow *window;

      if (with_backup)
        {
          g_mkdir_with_parents (backups, 0700);
          g_assert_true (g_file_set_contents (backup, good, len, NULL));
        }
      else
        g_unlink (backup);

      if (i == 0)
        n = strlen (strcpy (contents, "Đây không phải thư viện\n"));
      else if (i == 1)
        n = len / 2 + 100;
      else if (i == 2)
        for (gsize j = 100; j < 4096; j++)
          contents[j] = (char) (j * 37 + 11);
      else
        memcpy (contents + 60, "\0\0\0\x63", 4);  /* user_version 99 */
      g_assert_true (g_file_set_contents (path, contents, n, NULL));

      g_settings_set_string (settings, "library-path", path);
      g_application_activate (G_APPLICATION (app));
      settle ();

      window = gtk_application_get_active_window (GTK_APPLICATION (app));
      g_assert_true (VANKHO_IS_LIBRARY_ERROR_WINDOW (window));
      g_assert_true (shows (GTK_WIDGET (window), cases[i].name));
      g_assert_true (shows (GTK_WIDGET (window), cases[i].says));
      g_assert_true (button_shown (GTK_WIDGET (window), "Open Another Library"));
      g_assert_cmpint (button_shown (GTK_WIDGET (window), "Restore From Backup"), ==, with_backup);

      gtk_window_destroy (window);
      settle ();

      g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
      g_assert_cmpmem (contents, n, after, after_len);
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
      g_unlink (path);
    }

  /* A library that opens: the main window, and today's backup taken in
   * the background, beside the older one. */
  g_settings_set_string (settings, "library-path", good_path);
  g_application_activate (G_APPLICATION (app));
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *name = g_date_time_format (now, "library-%Y-%m-%d.db");
    g_autofree char *today = g_build_filename (backups, name, NULL);
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    g_auto(GStrv) listed = NULL;
    GtkWindow *window;

    while (!g_file_test (today, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (10 * 1000);
    window = gtk_application_get_active_window (GTK_APPLICATION (app));
    g_assert_true (VANKHO_IS_WINDOW (window));
    g_assert_true (g_file_test (today, G_FILE_TEST_EXISTS));
    /* Let the backup's thread close its connection. */
    g_usleep (200 * 1000);
    settle ();
    listed = vankho_library_list_backups (backups);
    g_assert_cmpuint (g_strv_length (listed), ==, 2);
    g_assert_cmpstr (listed[0], ==, today);

    gtk_window_destroy (window);
    settle ();
    g_unlink (today);
  }

  g_settings_reset (settings, "library-path");
  g_unlink (backup);
  g_rmdir (backups);
  g_unlink (good_path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = vankho_application_new ();
  if (!g_application_register (G_APPLICATION (app), NULL, NULL))
    g_error ("Could not register the application");

  g_test_add_func ("/ui/library-error-window/damaged", test_damaged_library);
  g_test_add_func ("/ui/library-error-window/app-start", test_app_opens_error_page);

  return g_test_run ();
}
