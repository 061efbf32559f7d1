/* vankho-feeds-dialog.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Manage Feeds: subscribe by a feed's or a site's address, see how each
 * feed's last sync went in words, turn feeds off, remove them (their
 * articles stay unless the user says otherwise), and move the list in and
 * out as OPML.
 */

#define G_LOG_DOMAIN "vankho-feeds-dialog"

#include "config.h"

#include <inttypes.h>

#include <string.h>
#include <glib/gi18n.h>

#include "vankho-feed-probe.h"
#include "vankho-feeds-dialog.h"
#include "vankho-library-feeds.h"
#include "vankho-opml.h"

struct _VankhoFeedsDialog
{
  AdwWindow        parent_instance;

  VankhoLibrary   *library;
  GCancellable    *cancellable;

  AdwToastOverlay *toast_overlay;
  GtkEntry        *url_entry;
  GtkButton       *add_button;
  GtkSpinner      *add_spinner;
  GtkListBox      *feed_list;
  GtkStack        *list_stack;
};

G_DEFINE_FINAL_TYPE (VankhoFeedsDialog, vankho_feeds_dialog, ADW_TYPE_WINDOW)

static void
toast (VankhoFeedsDialog *self,
       const char        *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* How the last sync went, in words. */
static char *
describe_status (const VankhoFeedSource *feed)
{
  g_autoptr(GDateTime) checked = NULL;
  g_autofree char *when = NULL;

  if (!feed->enabled)
    return g_strdup (feed->last_error ? feed->last_error : _("Turned off"));

  if (feed->last_checked == 0)
    return g_strdup (_("Not synced yet"));

  checked = g_date_time_new_from_unix_local (feed->last_checked);
  /* Translators: a date and time, as strftime */
  when = g_date_time_format (checked, _("%d/%m/%Y %H:%M"));

  if (feed->last_error != NULL)
    return g_strdup_printf (_("Failed at %s: %s"), when, feed->last_error);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Synced at %s · %d new · %'" PRId64 " article",
                                       "Synced at %s · %d new · %'" PRId64 " articles",
                                       feed->n_articles),
                          when, feed->new_items, feed->n_articles);
}

static void
remove_response_cb (AdwMessageDialog  *dialog,
                    const char        *response,
                    VankhoFeedsDialog *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "feed-id"));
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "cancel"))
    return;

  if (!vankho_library_remove_feed (self->library, id, !g_str_equal (response, "delete"), &error))
    toast (self, error->message);

  vankho_feeds_dialog_refresh (self);
}

static void
remove_clicked_cb (GtkButton         *button,
                   VankhoFeedsDialog *self)
{
  const char *title = g_object_get_data (G_OBJECT (button), "feed-title");
  g_autofree char *body = g_strdup_printf (_("“%s” will no longer be synced. Its articles stay in the "
                                             "library unless you delete them too."), title);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Remove Feed?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete Articles Too"),
                                    "keep", _("_Remove, Keep Articles"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "feed-id", g_object_get_data (G_OBJECT (button), "feed-id"));
  g_signal_connect (dialog, "response", G_CALLBACK (remove_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
enabled_changed_cb (GtkSwitch         *toggle,
                    GParamSpec        *pspec,
                    VankhoFeedsDialog *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toggle), "feed-id"));
  g_autoptr(VankhoFeedSource) feed = NULL;
  g_autoptr(GError) error = NULL;

  feed = vankho_library_get_feed (self->library, id, &error);
  if (feed == NULL)
    {
      toast (self, error->message);
      return;
    }

  feed->enabled = gtk_switch_get_active (toggle);
  /* Turning a feed back on forgets its failures. */
  if (feed->enabled)
    {
      feed->failures = 0;
      feed->next_check = 0;
    }
  if (!vankho_library_save_feed_status (self->library, feed, &error))
    toast (self, error->message);
}

/**
 * vankho_feeds_dialog_refresh:
 *
 * Reads the feeds and their status again.
 */
void
vankho_feeds_dialog_refresh (VankhoFeedsDialog *self)
{
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->feed_list))) != NULL)
    gtk_list_box_remove (self->feed_list, child);

  feeds = vankho_library_list_feeds (self->library, &error);
  if (feeds == NULL)
    {
      toast (self, error->message);
      return;
    }

  for (guint i = 0; i < feeds->len; i++)
    {
      const VankhoFeedSource *feed = g_ptr_array_index (feeds, i);
      g_autofree char *status = describe_status (feed);
      g_autofree char *subtitle = NULL;
      g_autofree char *tooltip = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *escaped_url = g_markup_escape_text (feed->url, -1);
      g_autofree char *escaped_status = g_markup_escape_text (status, -1);

      subtitle = g_strdup_printf ("%s\n%s", escaped_url, escaped_status);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), feed->title ? feed->title : feed->url);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      if (feed->last_error != NULL)
        gtk_widget_add_css_class (row, "feed-failed");

      gtk_switch_set_active (GTK_SWITCH (toggle), feed->enabled);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      tooltip = g_strdup_printf (_("Sync “%s”"), feed->title ? feed->title : feed->url);
      gtk_widget_set_tooltip_text (toggle, tooltip);
      g_object_set_data (G_OBJECT (toggle), "feed-id", GSIZE_TO_POINTER (feed->id));
      g_signal_connect (toggle, "notify::active", G_CALLBACK (enabled_changed_cb), self);

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (remove, _("Remove Feed"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Feed"), -1);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data (G_OBJECT (remove), "feed-id", GSIZE_TO_POINTER (feed->id));
      g_object_set_data_full (G_OBJECT (remove), "feed-title",
                              g_strdup (feed->title ? feed->title : feed->url), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->feed_list, row);
    }

  gtk_stack_set_visible_child_name (self->list_stack, feeds->len > 0 ? "feeds" : "empty");
}

static void
set_busy (VankhoFeedsDialog *self,
          gboolean           busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->url_entry), !busy);
  gtk_spinner_set_spinning (self->add_spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->add_spinner), busy);
}

static void
probe_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(VankhoFeedsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *feed_url = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;

  if (!vankho_feed_probe_finish (result, &feed_url, &title, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_busy (self, FALSE);
          toast (self, error->message);
        }
      return;
    }

  set_busy (self, FALSE);

  if (vankho_library_add_feed (self->library, feed_url, title, &error) == 0)
    {
      toast (self, error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->url_entry), "");
  message = g_strdup_printf (_("Added “%s”; Sync Now fetches its articles"), title ? title : feed_url);
  toast (self, message);
  vankho_feeds_dialog_refresh (self);
}

static void
add_cb (VankhoFeedsDialog *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_entry));

  if (*url == '\0')
    return;

  set_busy (self, TRUE);
  vankho_feed_probe_async (url, self->cancellable, probe_done_cb, g_object_ref (self));
}

static void
import_opml_response_cb (GtkNativeDialog   *chooser,
                         int                response,
                         VankhoFeedsDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) feeds = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *message = NULL;
      gsize len = 0;
      guint added = 0;

      if (!g_file_load_contents (file, NULL, &contents, &len, NULL, &error) ||
          (feeds = vankho_opml_parse (contents, len, &error)) == NULL)
        toast (self, error->message);
      else
        {
          for (guint i = 0; i < feeds->len; i++)
            {
              const VankhoOpmlFeed *feed = g_ptr_array_index (feeds, i);
              if (vankho_library_add_feed (self->library, feed->url, feed->title, NULL) > 0)
                added++;
            }
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u feed", "Added %u feeds", added),
                                     added);
          toast (self, message);
          vankho_feeds_dialog_refresh (self);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_opml_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Feeds From OPML"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  g_signal_connect (chooser, "response", G_CALLBACK (import_opml_response_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_opml_response_cb (GtkNativeDialog   *chooser,
                         int                response,
                         VankhoFeedsDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) feeds = vankho_library_list_feeds (self->library, NULL);
      g_autoptr(GPtrArray) opml = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      for (guint i = 0; feeds && i < feeds->len; i++)
        {
          const VankhoFeedSource *source = g_ptr_array_index (feeds, i);
          VankhoOpmlFeed *feed = g_new0 (VankhoOpmlFeed, 1);

          /* Borrowed: the array frees only the struct. */
          feed->url = source->url;
          feed->title = source->title;
          g_ptr_array_add (opml, feed);
        }

      text = vankho_opml_write (opml);
      if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE,
                                    NULL, NULL, &error))
        toast (self, error->message);
      else
        toast (self, _("Feeds exported"));
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_opml_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Feeds as OPML"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "vankho-feeds.opml");
  g_signal_connect (chooser, "response", G_CALLBACK (export_opml_response_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
sync_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.sync", NULL);
}

static void
vankho_feeds_dialog_dispose (GObject *object)
{
  VankhoFeedsDialog *self = (VankhoFeedsDialog *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (vankho_feeds_dialog_parent_class)->dispose (object);
}

static void
vankho_feeds_dialog_class_init (VankhoFeedsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vankho_feeds_dialog_dispose;

  gtk_widget_class_install_action (widget_class, "feeds.import-opml", NULL, import_opml_action);
  gtk_widget_class_install_action (widget_class, "feeds.export-opml", NULL, export_opml_action);
  gtk_widget_class_install_action (widget_class, "feeds.sync", NULL, sync_now_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vankho-feeds-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VankhoFeedsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VankhoFeedsDialog, url_entry);
  gtk_widget_class_bind_template_child (widget_class, VankhoFeedsDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, VankhoFeedsDialog, add_spinner);
  gtk_widget_class_bind_template_child (widget_class, VankhoFeedsDialog, feed_list);
  gtk_widget_class_bind_template_child (widget_class, VankhoFeedsDialog, list_stack);
  gtk_widget_class_bind_template_callback (widget_class, add_cb);
}

static void
vankho_feeds_dialog_init (VankhoFeedsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

GtkWidget *
vankho_feeds_dialog_new (GtkWindow     *parent,
                         VankhoLibrary *library)
{
  VankhoFeedsDialog *self;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (library), NULL);

  self = g_object_new (VANKHO_TYPE_FEEDS_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->library = g_object_ref (library);

  /* A sync that ends while the dialog is open shows in its rows. */
  g_signal_connect_object (library, "articles-changed", G_CALLBACK (vankho_feeds_dialog_refresh),
                           self, G_CONNECT_SWAPPED);
  vankho_feeds_dialog_refresh (self);

  return GTK_WIDGET (self);
}
