/* vankho-preferences-window.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vankho-preferences-window.h"

struct _VankhoPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwActionRow         *library_row;
  GtkSwitch            *mark_read_switch;
  GtkSpinButton        *sync_interval_spin;
  GtkSwitch            *notify_switch;
  GtkSwitch            *base_map_switch;
};

G_DEFINE_FINAL_TYPE (VankhoPreferencesWindow, vankho_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
change_library_cb (VankhoPreferencesWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  /* The main window owns the library; it opens the other one. */
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.open-library", NULL);
  gtk_window_close (GTK_WINDOW (self));
}

static void
vankho_preferences_window_dispose (GObject *object)
{
  VankhoPreferencesWindow *self = (VankhoPreferencesWindow *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vankho_preferences_window_parent_class)->dispose (object);
}

static void
vankho_preferences_window_class_init (VankhoPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vankho_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/vankho-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VankhoPreferencesWindow, library_row);
  gtk_widget_class_bind_template_child (widget_class, VankhoPreferencesWindow, mark_read_switch);
  gtk_widget_class_bind_template_child (widget_class, VankhoPreferencesWindow, sync_interval_spin);
  gtk_widget_class_bind_template_child (widget_class, VankhoPreferencesWindow, notify_switch);
  gtk_widget_class_bind_template_child (widget_class, VankhoPreferencesWindow, base_map_switch);
  gtk_widget_class_bind_template_callback (widget_class, change_library_cb);
}

static void
vankho_preferences_window_init (VankhoPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "mark-read-on-open", self->mark_read_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sync-interval", self->sync_interval_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notify-new-articles", self->notify_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "map-online-base-map", self->base_map_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

GtkWidget *
vankho_preferences_window_new (GtkWindow     *parent,
                               VankhoLibrary *library)
{
  VankhoPreferencesWindow *self;
  g_autofree char *path = NULL;

  self = g_object_new (VANKHO_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);

  if (library != NULL)
    {
      path = g_filename_display_name (vankho_library_get_path (library));
      adw_action_row_set_subtitle (self->library_row, path);
    }

  return GTK_WIDGET (self);
}
