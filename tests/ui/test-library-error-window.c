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

#include "ui-test-utils.h"
#include "vankho-application.h"
#include "vankho-importer.h"
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

static gboolean
shows_error_page (gpointer data)
{
  return VANKHO_IS_LIBRARY_ERROR_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static char *
make_sample_library (const char *dir,
                     const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(VankhoImporter) importer = NULL;
  g_autoptr(GError) error = NULL;

  library = vankho_library_open (path, &error);
  g_assert_no_error (error);
  importer = vankho_importer_new (library);
  g_assert_true (vankho_importer_import_samples (importer, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

/* A library that opens but is damaged further in (its last page garbled):
 * the main window comes first, the check in the background finds the
 * damage and the error page replaces it; the file is not written.
 */
static void
test_damage_found_after_opening (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *dir = g_dir_make_tmp ("vankho-error-ui-XXXXXX", NULL);
  g_autofree char *path = make_sample_library (dir, "library.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize len, after_len;
  GtkWindow *window;

  g_assert_true (g_file_get_contents (path, &before, &len, NULL));
  g_assert_cmpuint (len, >, 8 * 4096);
  for (gsize i = len - 4096; i < len; i++)
    before[i] = (char) (i * 31 + 7);
  g_assert_true (g_file_set_contents (path, before, len, NULL));

  g_settings_set_string (settings, "library-path", path);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (VANKHO_IS_WINDOW (window));

  spin_until (shows_error_page, NULL);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (shows (GTK_WIDGET (window), "library.db"));
  g_assert_true (shows (GTK_WIDGET (window), "damaged"));
  g_assert_true (button_shown (GTK_WIDGET (window), "Open Another Library"));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  gtk_window_destroy (window);
  ui_test_settle ();

  /* No day's copy of a damaged library either. */
  {
    g_autofree char *backups = g_build_filename (dir, "backups", NULL);
    g_auto(GStrv) listed = vankho_library_list_backups (backups);

    g_assert_cmpuint (g_strv_length (listed), ==, 0);
    g_rmdir (backups);
  }

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, len, after, after_len);

  g_settings_reset (settings, "library-path");
  g_unlink (path);
  g_rmdir (dir);
}

typedef struct
{
  GtkWindow  *old;
  const char *path;
} Replaced;

static gboolean
file_exists (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
window_replaced (Replaced *replaced)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  return window != NULL && window != replaced->old && VANKHO_IS_WINDOW (window);
}

static gint64
count_articles (const char *path)
{
  g_autoptr(VankhoLibrary) library = vankho_library_open (path, NULL);

  g_assert_nonnull (library);
  return vankho_library_count_articles (library, NULL);
}

/* Back Up Library… and Restore From Backup… of the main window: the copy
 * is written in the background; a restore closes the window, replaces the
 * library once nothing has it open, keeps the replaced one beside it and
 * opens the restored one in a new window.
 */
static void
test_back_up_and_restore (void)
{
  g_autofree char *dir = g_dir_make_tmp ("vankho-error-ui-XXXXXX", NULL);
  g_autofree char *path = make_sample_library (dir, "library.db");
  g_autofree char *copy = g_build_filename (dir, "my copy.db", NULL);
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) handle = NULL;
  g_autofree char *kept = NULL;
  Replaced replaced = { NULL, path };
  VankhoArticle *article;
  const char *name;

  library = vankho_library_open (path, &error);
  g_assert_no_error (error);
  replaced.old = GTK_WINDOW (vankho_window_new (app, library));
  gtk_window_present (replaced.old);

  /* Onto the library itself: refused, the library as it was. */
  vankho_window_back_up (VANKHO_WINDOW (replaced.old), path);
  ui_test_settle ();
  g_assert_cmpint (count_articles (path), ==, 10);

  vankho_window_back_up (VANKHO_WINDOW (replaced.old), copy);
  spin_until (file_exists, copy);
  g_assert_cmpint (count_articles (copy), ==, 10);

  /* Something added after the backup, then the backup restored. */
  article = vankho_article_new ();
  vankho_article_set_title (article, "Sau bản sao lưu");
  vankho_article_set_body (article, "Bài viết thêm vào sau khi sao lưu thư viện.");
  g_assert_true (vankho_library_add_article (library, article,
                                             vankho_library_ensure_source (library, VANKHO_SOURCE_KIND_IMPORT,
                                                                           "test", NULL),
                                             NULL, &error));
  g_assert_no_error (error);
  g_object_unref (article);
  g_assert_cmpint (vankho_library_count_articles (library, NULL), ==, 11);
  g_clear_object (&library);

  vankho_application_restore_library (app, vankho_window_get_library (VANKHO_WINDOW (replaced.old)), copy);
  spin_until (window_replaced, &replaced);
  ui_test_settle ();
  g_assert_cmpint (vankho_library_count_articles (vankho_window_get_library (VANKHO_WINDOW (
                     gtk_application_get_active_window (GTK_APPLICATION (app)))), NULL), ==, 10);

  /* The replaced library, with the article added after the backup. */
  handle = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, "library.db.before-restore-") && !g_str_has_suffix (name, "-wal"))
      kept = g_build_filename (dir, name, NULL);
  g_assert_nonnull (kept);
  g_assert_cmpint (count_articles (kept), ==, 11);

  gtk_window_destroy (gtk_application_get_active_window (GTK_APPLICATION (app)));
  ui_test_settle ();
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
  g_test_add_func ("/ui/library-error-window/damage-after-opening", test_damage_found_after_opening);
  g_test_add_func ("/ui/library-error-window/back-up-and-restore", test_back_up_and_restore);

  return g_test_run ();
}
