/* vankho-library-error-window.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* When the library cannot be opened — damaged, truncated, not a library,
 * from a newer version, locked — say what happened and offer the ways
 * out: another library, or a backup. The file itself is never written.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vankho-application.h"
#include "vankho-library.h"
#include "vankho-library-error-window.h"
#include "vankho-window.h"

struct _VankhoLibraryErrorWindow
{
  AdwApplicationWindow  parent_instance;

  char                 *library_path;

  AdwStatusPage        *status_page;
  GtkWidget            *restore_button;
  AdwToastOverlay      *toast_overlay;
};

G_DEFINE_FINAL_TYPE (VankhoLibraryErrorWindow, vankho_library_error_window, ADW_TYPE_APPLICATION_WINDOW)

static void
open_library (VankhoLibraryErrorWindow *self,
              const char               *path)
{
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  library = vankho_library_open (path, &error);
  if (library == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  gtk_window_present (GTK_WINDOW (vankho_window_new (VANKHO_APPLICATION (app), library)));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
open_response_cb (GtkNativeDialog          *chooser,
                  int                       response,
                  VankhoLibraryErrorWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        {
          g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

          g_settings_set_string (settings, "library-path", path);
          open_library (self, path);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
open_other_cb (VankhoLibraryErrorWindow *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open or Create a Library"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "library.db");
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
restore_response_cb (GtkNativeDialog          *chooser,
                     int                       response,
                     VankhoLibraryErrorWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *backup = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      g_autofree char *kept = NULL;

      if (backup == NULL || !vankho_library_restore (self->library_path, backup, &kept, &error))
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (error ? error->message : _("That is not a local file")));
      else
        open_library (self, self->library_path);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
restore_cb (VankhoLibraryErrorWindow *self)
{
  g_autofree char *dir = vankho_library_get_backup_dir (self->library_path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Restore From Backup"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Restore"), _("_Cancel"));
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (restore_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
quit_cb (VankhoLibraryErrorWindow *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
vankho_library_error_window_finalize (GObject *object)
{
  VankhoLibraryErrorWindow *self = (VankhoLibraryErrorWindow *)object;

  g_clear_pointer (&self->library_path, g_free);

  G_OBJECT_CLASS (vankho_library_error_window_parent_class)->finalize (object);
}

static void
vankho_library_error_window_class_init (VankhoLibraryErrorWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vankho_library_error_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/vankho-library-error-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VankhoLibraryErrorWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, VankhoLibraryErrorWindow, restore_button);
  gtk_widget_class_bind_template_child (widget_class, VankhoLibraryErrorWindow, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, open_other_cb);
  gtk_widget_class_bind_template_callback (widget_class, restore_cb);
  gtk_widget_class_bind_template_callback (widget_class, quit_cb);
}

static void
vankho_library_error_window_init (VankhoLibraryErrorWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vankho_library_error_window_new:
 * @library_path: the library that did not open
 * @error: why
 */
GtkWidget *
vankho_library_error_window_new (GtkApplication *application,
                                 const char     *library_path,
                                 const GError   *error)
{
  VankhoLibraryErrorWindow *self;
  g_autofree char *dir = NULL;
  g_auto(GStrv) backups = NULL;

  self = g_object_new (VANKHO_TYPE_LIBRARY_ERROR_WINDOW, "application", application, NULL);
  self->library_path = g_strdup (library_path);

  adw_status_page_set_description (self->status_page, error->message);

  dir = vankho_library_get_backup_dir (library_path);
  backups = vankho_library_list_backups (dir);
  gtk_widget_set_visible (self->restore_button, backups[0] != NULL);

  return GTK_WIDGET (self);
}
