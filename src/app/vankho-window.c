/* vankho-window.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The main window: a header bar with the view switcher, the active filter
 * under it, and the views. Imports run here, in a worker thread with their
 * own library connection, with progress and a way to stop them.
 */

#define G_LOG_DOMAIN "vankho-window"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vankho-articles-view.h"
#include "vankho-export.h"
#include "vankho-feed-sync.h"
#include "vankho-feeds-dialog.h"
#include "vankho-filter-bar.h"
#include "vankho-importer.h"
#include "vankho-map-view.h"
#include "vankho-resolutions-view.h"
#include "vankho-window.h"

struct _VankhoWindow
{
  AdwApplicationWindow  parent_instance;

  VankhoLibrary        *library;
  VankhoArticleFilter  *filter;
  GSettings            *settings;
  GCancellable         *import_cancellable;
  GCancellable         *sync_cancellable;
  guint                 sync_timer;

  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  VankhoFilterBar      *filter_bar;
  GtkRevealer          *import_revealer;
  GtkProgressBar       *import_progress;
  GtkLabel             *import_label;
  VankhoArticlesView   *articles_view;
  /* Built when first shown or linked to; until then their pages hold
   * these empty bins. */
  AdwBin               *resolutions_page;
  AdwBin               *map_page;
  VankhoResolutionsView *resolutions_view;
  VankhoMapView        *map_view;
};

G_DEFINE_FINAL_TYPE (VankhoWindow, vankho_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LIBRARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toast (VankhoWindow *self,
       const char   *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/**
 * vankho_window_add_toast:
 *
 * Says @message in the window for a few seconds.
 */
void
vankho_window_add_toast (VankhoWindow *self,
                         const char   *message)
{
  g_return_if_fail (VANKHO_IS_WINDOW (self));

  toast (self, message);
}

/* Import */

typedef struct
{
  char      *library_path;
  GStrv      paths;
  guint      n_added;
  guint      n_duplicates;
  GPtrArray *failures;     /* char *, "name: reason" */
  GWeakRef   window;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->library_path);
  g_strfreev (job->paths);
  g_clear_pointer (&job->failures, g_ptr_array_unref);
  g_weak_ref_clear (&job->window);
  g_free (job);
}

typedef struct
{
  VankhoWindow *window;   /* owned; NULL if it closed */
  guint         done;
  guint         total;
} ImportProgress;

static gboolean
import_progress_idle_cb (gpointer user_data)
{
  ImportProgress *progress = user_data;
  VankhoWindow *self = progress->window;

  if (self != NULL && progress->total > 0 && self->import_cancellable != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Importing %u of %u…"), progress->done, progress->total);

      gtk_progress_bar_set_fraction (self->import_progress, (double) progress->done / progress->total);
      gtk_label_set_label (self->import_label, text);
    }

  g_clear_object (&progress->window);
  g_free (progress);

  return G_SOURCE_REMOVE;
}

/* Called in the worker thread: the widgets are updated from the main one. */
static void
import_progress_cb (guint       done,
                    guint       total,
                    const char *path,
                    gpointer    user_data)
{
  ImportJob *job = user_data;
  ImportProgress *progress = g_new0 (ImportProgress, 1);

  progress->window = g_weak_ref_get (&job->window);
  progress->done = done;
  progress->total = total;
  g_idle_add (import_progress_idle_cb, progress);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(VankhoImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *failures;
  gboolean ok;

  /* Its own connection: the window keeps reading while this writes. */
  library = vankho_library_open (job->library_path, &error);
  if (library == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  importer = vankho_importer_new (library);
  ok = vankho_importer_import_paths (importer, (const char * const *) job->paths, cancellable,
                                     import_progress_cb, job, &error);

  job->n_added = vankho_importer_get_n_added (importer);
  job->n_duplicates = vankho_importer_get_n_duplicates (importer);
  failures = vankho_importer_get_failures (importer);
  job->failures = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < failures->len; i++)
    {
      VankhoImportFailure *failure = g_ptr_array_index (failures, i);
      g_autofree char *name = g_filename_display_basename (failure->path);

      g_ptr_array_add (job->failures, g_strdup_printf ("%s: %s", name, failure->reason));
    }

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
show_import_details (VankhoWindow *self,
                     GPtrArray    *failures)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_ptr_array_add (failures, NULL);
  body = g_strjoinv ("\n", (char **) failures->pdata);
  g_ptr_array_remove_index (failures, failures->len - 1);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Files Not Imported"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
details_clicked_cb (AdwToast  *toast_,
                    GPtrArray *failures)
{
  GtkWindow *window = g_object_get_data (G_OBJECT (toast_), "window");

  if (window != NULL)
    show_import_details (VANKHO_WINDOW (window), failures);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  VankhoWindow *self = VANKHO_WINDOW (object);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *added = NULL;
  g_autofree char *duplicates = NULL;
  g_autofree char *failed = NULL;
  g_autofree char *message = NULL;
  AdwToast *result_toast;

  g_clear_object (&self->import_cancellable);
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      toast (self, error->message);
      return;
    }

  if (job->n_added > 0)
    vankho_library_articles_changed (self->library);

  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u added", "%u added", job->n_added), job->n_added);
  duplicates = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u already in the library",
                                             "%u already in the library", job->n_duplicates),
                                job->n_duplicates);
  failed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u failed", "%u failed", job->failures->len),
                            job->failures->len);
  message = g_strdup_printf ("%s%s, %s, %s", error ? _("Stopped: ") : "", added, duplicates, failed);

  result_toast = adw_toast_new (message);
  adw_toast_set_timeout (result_toast, job->failures->len > 0 ? 0 : 5);
  if (job->failures->len > 0)
    {
      adw_toast_set_button_label (result_toast, _("_Details"));
      g_object_set_data (G_OBJECT (result_toast), "window", self);
      g_signal_connect_data (result_toast, "button-clicked", G_CALLBACK (details_clicked_cb),
                             g_ptr_array_ref (job->failures), (GClosureNotify) (void (*) (void)) g_ptr_array_unref, 0);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, result_toast);
}

/**
 * vankho_window_import:
 * @paths: files and folders
 *
 * Imports in the background; the window shows the progress and a Stop
 * button, then a toast with the result.
 */
void
vankho_window_import (VankhoWindow       *self,
                      const char * const *paths)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (VANKHO_IS_WINDOW (self));

  if (self->import_cancellable != NULL || self->sync_cancellable != NULL)
    {
      toast (self, _("Wait for the running import or sync to finish"));
      return;
    }

  job = g_new0 (ImportJob, 1);
  job->library_path = g_strdup (vankho_library_get_path (self->library));
  job->paths = g_strdupv ((char **) paths);
  g_weak_ref_init (&job->window, self);

  self->import_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->import_cancellable, import_done_cb, NULL);
  g_task_set_source_tag (task, vankho_window_import);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);

  gtk_progress_bar_set_fraction (self->import_progress, 0);
  gtk_label_set_label (self->import_label, _("Importing…"));
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);

  g_task_run_in_thread (task, import_thread);
}

static void
stop_import_cb (VankhoWindow *self)
{
  g_cancellable_cancel (self->import_cancellable);
  g_cancellable_cancel (self->sync_cancellable);
}

/* Sync */

typedef struct
{
  VankhoWindow *window;   /* owned; NULL if it closed */
  guint         done;
  guint         total;
  char         *title;
} SyncProgress;

static gboolean
sync_progress_idle_cb (gpointer user_data)
{
  SyncProgress *progress = user_data;
  VankhoWindow *self = progress->window;

  if (self != NULL && self->sync_cancellable != NULL && progress->total > 0)
    {
      g_autofree char *text = g_strdup_printf (_("Syncing feeds: %u of %u…"), progress->done, progress->total);

      gtk_progress_bar_set_fraction (self->import_progress, (double) progress->done / progress->total);
      gtk_label_set_label (self->import_label, text);
    }

  g_clear_object (&progress->window);
  g_free (progress->title);
  g_free (progress);

  return G_SOURCE_REMOVE;
}

static void
sync_progress_cb (guint                       done,
                  guint                       total,
                  const VankhoFeedSyncResult *result,
                  gpointer                    user_data)
{
  GWeakRef *window_ref = user_data;
  SyncProgress *progress = g_new0 (SyncProgress, 1);

  progress->window = g_weak_ref_get (window_ref);
  progress->done = done;
  progress->total = total;
  g_idle_add (sync_progress_idle_cb, progress);
}

static void
sync_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  VankhoFeedSync *sync = task_data;
  GWeakRef window_ref;
  g_autoptr(GError) error = NULL;
  gboolean forced = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "forced"));

  g_weak_ref_init (&window_ref, source_object);
  if (!vankho_feed_sync_run (sync, 0, forced, cancellable, sync_progress_cb, &window_ref, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
  g_weak_ref_clear (&window_ref);
}

static void
sync_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  VankhoWindow *self = VANKHO_WINDOW (object);
  VankhoFeedSync *sync = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GPtrArray *results = vankho_feed_sync_get_results (sync);
  guint n_new = vankho_feed_sync_get_n_new (sync);
  guint failed = 0;

  g_clear_object (&self->sync_cancellable);
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  if (n_new > 0)
    vankho_library_articles_changed (self->library);

  for (guint i = 0; i < results->len; i++)
    if (((VankhoFeedSyncResult *) g_ptr_array_index (results, i))->error != NULL)
      failed++;

  /* A background sync that found nothing says nothing. */
  if (results->len == 0 || (n_new == 0 && failed == 0 && !g_object_get_data (G_OBJECT (result), "forced")))
    return;

  if (failed > 0)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new articles; %u feed failed (see Manage Feeds)",
                                            "%u new articles; %u feeds failed (see Manage Feeds)", failed),
                               n_new, failed);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new article", "%u new articles", n_new), n_new);
  toast (self, message);

  if (n_new > 0 && !gtk_window_is_active (GTK_WINDOW (self)) &&
      g_settings_get_boolean (self->settings, "notify-new-articles"))
    {
      g_autoptr(GNotification) notification = g_notification_new (_("New articles"));
      GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

      g_notification_set_body (notification, message);
      g_application_send_notification (app, "new-articles", notification);
    }
}

/**
 * vankho_window_sync:
 * @forced: sync every feed now, not only those due
 *
 * Syncs the feeds in the background, with progress and Stop in the window.
 */
void
vankho_window_sync (VankhoWindow *self,
                    gboolean      forced)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (VANKHO_IS_WINDOW (self));

  if (self->sync_cancellable != NULL || self->import_cancellable != NULL)
    {
      if (forced)
        toast (self, _("Wait for the running import or sync to finish"));
      return;
    }

  self->sync_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->sync_cancellable, sync_done_cb, NULL);
  g_task_set_source_tag (task, vankho_window_sync);
  g_task_set_task_data (task, vankho_feed_sync_new (vankho_library_get_path (self->library)), g_object_unref);
  g_object_set_data (G_OBJECT (task), "forced", GINT_TO_POINTER (forced));

  if (forced)
    {
      gtk_progress_bar_set_fraction (self->import_progress, 0);
      gtk_label_set_label (self->import_label, _("Syncing feeds…"));
      gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
    }

  g_task_run_in_thread (task, sync_thread);
}

static void
sync_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  vankho_window_sync (VANKHO_WINDOW (widget), TRUE);
}

static gboolean
sync_timer_cb (gpointer user_data)
{
  VankhoWindow *self = user_data;

  /* Feeds backing off after errors are skipped by the sync itself. */
  vankho_window_sync (self, FALSE);
  return G_SOURCE_CONTINUE;
}

static void
sync_interval_changed_cb (VankhoWindow *self)
{
  guint minutes = g_settings_get_uint (self->settings, "sync-interval");

  g_clear_handle_id (&self->sync_timer, g_source_remove);
  if (minutes > 0)
    self->sync_timer = g_timeout_add_seconds (minutes * 60, sync_timer_cb, self);
}

static void
manage_feeds_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VankhoWindow *self = VANKHO_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (vankho_feeds_dialog_new (GTK_WINDOW (self), self->library)));
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    VankhoWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) paths = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);

          if (path != NULL)
            g_strv_builder_add (builder, path);
        }

      paths = g_strv_builder_end (builder);
      if (paths[0] != NULL)
        vankho_window_import (self, (const char * const *) paths);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_import (VankhoWindow         *self,
               GtkFileChooserAction  action,
               const char           *title)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) text_filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    {
      gtk_file_filter_set_name (text_filter, _("Text files"));
      gtk_file_filter_add_mime_type (text_filter, "text/plain");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), text_filter);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose_import (VANKHO_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Files"));
}

static void
import_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose_import (VANKHO_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("Import Folders"));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         VankhoWindow  *self)
{
  GSList *files = g_value_get_boxed (value);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);

      if (path != NULL)
        g_strv_builder_add (builder, path);
    }

  paths = g_strv_builder_end (builder);
  if (paths[0] == NULL)
    return FALSE;

  vankho_window_import (self, (const char * const *) paths);
  return TRUE;
}

/* Export */

typedef struct
{
  char               *library_path;
  VankhoArticleQuery *query;
  VankhoExportFormat  format;
  GFile              *file;
  guint               n_written;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->library_path);
  g_clear_pointer (&job->query, vankho_article_query_free);
  g_clear_object (&job->file);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  GError *error = NULL;

  library = vankho_library_open (job->library_path, &error);
  if (library != NULL)
    out = g_file_replace (job->file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, &error);
  if (out == NULL ||
      !vankho_export_articles (library, job->query, job->format, G_OUTPUT_STREAM (out), &job->n_written,
                               cancellable, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  VankhoWindow *self = VANKHO_WINDOW (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      toast (self, error->message);
      return;
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u article", "Exported %u articles",
                                          job->n_written), job->n_written);
  toast (self, message);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    VankhoWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GTask) task = NULL;
      g_autofree char *name = NULL;
      const char *extension;
      ExportJob *job = g_new0 (ExportJob, 1);

      job->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      job->library_path = g_strdup (vankho_library_get_path (self->library));
      job->query = vankho_article_filter_dup_query (self->filter);
      name = g_file_get_basename (job->file);
      extension = strrchr (name, '.');
      /* The name's extension says the format; CSV when it says none. */
      if (extension == NULL || !vankho_export_format_from_name (extension + 1, &job->format) ||
          job->format == VANKHO_EXPORT_TEXT)
        job->format = VANKHO_EXPORT_CSV;

      task = g_task_new (self, NULL, export_done_cb, NULL);
      g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
      g_task_run_in_thread (task, export_thread);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VankhoWindow *self = VANKHO_WINDOW (widget);
  GtkFileChooserNative *chooser;
  struct { const char *name; const char *pattern; } filters[] = {
    { N_("CSV (spreadsheets)"), "*.csv" },
    { N_("JSON"), "*.json" },
    { N_("Markdown"), "*.md" },
  };

  chooser = gtk_file_chooser_native_new (_("Export the Listed Articles"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "vankho-articles.csv");
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(filters[i].name));
      gtk_file_filter_add_pattern (filter, filters[i].pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Samples and libraries */

static void
load_samples_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VankhoWindow *self = VANKHO_WINDOW (widget);
  g_autoptr(VankhoImporter) importer = vankho_importer_new (self->library);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_added;

  if (!vankho_importer_import_samples (importer, NULL, &error))
    {
      toast (self, error->message);
      return;
    }

  n_added = vankho_importer_get_n_added (importer);
  if (n_added > 0)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u sample article",
                                            "Added %u sample articles", n_added), n_added);
  else
    message = g_strdup (_("The sample articles are already in the library"));

  toast (self, message);
}

static void
open_library_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          VankhoWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(VankhoLibrary) library = NULL;
      g_autoptr(GError) error = NULL;

      library = path ? vankho_library_open (path, &error) : NULL;
      if (library == NULL)
        toast (self, error ? error->message : _("That is not a local file"));
      else
        {
          GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
          VankhoWindow *window = vankho_window_new (VANKHO_APPLICATION (app), library);

          g_settings_set_string (self->settings, "library-path", vankho_library_get_path (library));
          gtk_window_present (GTK_WINDOW (window));
          gtk_window_destroy (GTK_WINDOW (self));
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_library_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VankhoWindow *self = VANKHO_WINDOW (widget);
  GtkFileChooserNative *chooser;

  /* SAVE lets the user name a new library as well as pick an old one. */
  chooser = gtk_file_chooser_native_new (_("Open or Create a Library"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "library.db");
  g_signal_connect (chooser, "response", G_CALLBACK (open_library_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Backups */

typedef struct
{
  char    *library_path;
  char    *path;
  GWeakRef window;
} BackupJob;

static void
backup_job_free (BackupJob *job)
{
  g_free (job->library_path);
  g_free (job->path);
  g_weak_ref_clear (&job->window);
  g_free (job);
}

/* A library of its own: the copy of a large library takes seconds, and the
 * window's reads must not wait for it.
 */
static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BackupJob *job = task_data;
  g_autoptr(VankhoLibrary) library = NULL;
  GError *error = NULL;

  library = vankho_library_open (job->library_path, &error);
  if (library != NULL)
    vankho_library_backup (library, job->path, &error);

  /* Closed before the toast: a restore right after must find it free. */
  g_clear_object (&library);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
backup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  BackupJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(VankhoWindow) self = g_weak_ref_get (&job->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *name = g_filename_display_name (job->path);

      message = g_strdup_printf (_("Library backed up to “%s”"), name);
    }
  else
    message = g_strdup (error->message);

  if (self != NULL)
    toast (self, message);
}

/**
 * vankho_window_back_up:
 * @path: (type filename): where to write the copy
 *
 * Copies the library to @path in the background and says when it is done.
 */
void
vankho_window_back_up (VankhoWindow *self,
                       const char   *path)
{
  g_autoptr(GTask) task = NULL;
  BackupJob *job;

  g_return_if_fail (VANKHO_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  job = g_new0 (BackupJob, 1);
  job->library_path = g_strdup (vankho_library_get_path (self->library));
  job->path = g_strdup (path);
  g_weak_ref_init (&job->window, self);
  task = g_task_new (NULL, NULL, backup_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) backup_job_free);

  toast (self, _("Backing up the library…"));
  g_task_run_in_thread (task, backup_thread);
}

static void
back_up_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     VankhoWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        toast (self, _("That is not a local file"));
      else
        vankho_window_back_up (self, path);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
back_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VankhoWindow *self = VANKHO_WINDOW (widget);
  g_autofree char *dir = vankho_library_get_backup_dir (vankho_library_get_path (self->library));
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* Not named like the daily copies, which are rotated away. */
  g_autofree char *name = g_date_time_format (now, "vankho-%Y-%m-%d.db");
  GtkFileChooserNative *chooser;

  g_mkdir_with_parents (dir, 0700);
  chooser = gtk_file_chooser_native_new (_("Back Up Library"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Back Up"), _("_Cancel"));
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (back_up_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
restore_confirm_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    VankhoWindow     *self)
{
  const char *backup = g_object_get_data (G_OBJECT (dialog), "backup-path");
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (g_strcmp0 (response, "restore") == 0)
    vankho_application_restore_library (VANKHO_APPLICATION (app), self->library, backup);
}

static void
restore_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     VankhoWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *name = g_file_get_basename (file);
      GtkWidget *dialog;

      if (path == NULL)
        toast (self, _("That is not a local file"));
      else
        {
          dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore From Backup?"), NULL);
          adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                          _("The library will be replaced by “%s”. What was added or "
                                            "changed since that backup will not be in it; the library "
                                            "it replaces is kept beside it."),
                                          name);
          adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                            "cancel", _("_Cancel"),
                                            "restore", _("_Restore"),
                                            NULL);
          adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                                      ADW_RESPONSE_DESTRUCTIVE);
          adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
          adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
          g_object_set_data_full (G_OBJECT (dialog), "backup-path", g_steal_pointer (&path), g_free);
          g_signal_connect (dialog, "response", G_CALLBACK (restore_confirm_cb), self);
          gtk_window_present (GTK_WINDOW (dialog));
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VankhoWindow *self = VANKHO_WINDOW (widget);
  g_autofree char *dir = vankho_library_get_backup_dir (vankho_library_get_path (self->library));
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Restore From Backup"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Restore"), _("_Cancel"));
  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_filter_set_name (filter, _("Văn Khố libraries"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (restore_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Views and filter */

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VankhoWindow *self = VANKHO_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VankhoWindow *self = VANKHO_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "articles");
  vankho_articles_view_focus_search (self->articles_view);
}

static void
filters_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VankhoWindow *self = VANKHO_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "articles");
  gtk_widget_activate_action (GTK_WIDGET (self->articles_view), "articles.filters", NULL);
}

static void
clear_filter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  vankho_article_filter_clear (VANKHO_WINDOW (widget)->filter);
}

static void
show_article_cb (VankhoWindow *self,
                 gint64        article_id)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "articles");
  vankho_articles_view_show_article (self->articles_view, article_id);
}

static void
show_on_map_cb (VankhoWindow *self,
                gint64        document_id)
{
  vankho_article_filter_set_document (self->filter, document_id);
  adw_view_stack_set_visible_child_name (self->view_stack, "map");
}

static VankhoResolutionsView *
ensure_resolutions_view (VankhoWindow *self)
{
  if (self->resolutions_view == NULL)
    {
      self->resolutions_view = VANKHO_RESOLUTIONS_VIEW (vankho_resolutions_view_new (self->library, self->filter));
      g_signal_connect_object (self->resolutions_view, "show-article",
                               G_CALLBACK (show_article_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->resolutions_view, "show-on-map",
                               G_CALLBACK (show_on_map_cb), self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->resolutions_page, GTK_WIDGET (self->resolutions_view));
    }

  return self->resolutions_view;
}

static VankhoMapView *
ensure_map_view (VankhoWindow *self)
{
  if (self->map_view == NULL)
    {
      self->map_view = VANKHO_MAP_VIEW (vankho_map_view_new (self->library, self->filter));
      adw_bin_set_child (self->map_page, GTK_WIDGET (self->map_view));
    }

  return self->map_view;
}

/* Builds the view shown, if it was not yet. */
static void
ensure_visible_view (VankhoWindow *self)
{
  GtkWidget *page = adw_view_stack_get_visible_child (self->view_stack);

  if (page == GTK_WIDGET (self->resolutions_page))
    ensure_resolutions_view (self);
  else if (page == GTK_WIDGET (self->map_page))
    ensure_map_view (self);
}

static void
show_province_cb (VankhoWindow *self,
                  const char   *province)
{
  vankho_article_filter_set_province (self->filter, province);
  vankho_map_view_focus_province (ensure_map_view (self), province);
  adw_view_stack_set_visible_child_name (self->view_stack, "map");
}

static void
show_document_cb (VankhoWindow *self,
                  gint64        document_id)
{
  vankho_resolutions_view_select_document (ensure_resolutions_view (self), document_id);
  adw_view_stack_set_visible_child_name (self->view_stack, "resolutions");
}

static void
visible_view_changed_cb (VankhoWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  ensure_visible_view (self);
  if (name != NULL)
    g_settings_set_string (self->settings, "last-view", name);
}

/**
 * vankho_window_add_view:
 * @view: a view widget
 * @name: "articles", "resolutions" or "map"
 * @title: its title in the view switcher
 * @icon_name: its icon
 *
 * Adds a view to the switcher.
 */
void
vankho_window_add_view (VankhoWindow *self,
                        GtkWidget    *view,
                        const char   *name,
                        const char   *title,
                        const char   *icon_name)
{
  AdwViewStackPage *page;

  g_return_if_fail (VANKHO_IS_WINDOW (self));

  page = adw_view_stack_add_titled (self->view_stack, view, name, title);
  adw_view_stack_page_set_icon_name (page, icon_name);
  adw_view_stack_page_set_use_underline (page, TRUE);
}

static void
vankho_window_constructed (GObject *object)
{
  VankhoWindow *self = (VankhoWindow *)object;
  g_autofree char *last_view = NULL;

  G_OBJECT_CLASS (vankho_window_parent_class)->constructed (object);

  g_assert (VANKHO_IS_LIBRARY (self->library));

  self->articles_view = VANKHO_ARTICLES_VIEW (vankho_articles_view_new (self->library, self->filter));
  vankho_window_add_view (self, GTK_WIDGET (self->articles_view), "articles", _("_Articles"),
                          "view-list-symbolic");

  /* Links in the reader act on the whole window. */
  g_signal_connect_object (self->articles_view, "show-province",
                           G_CALLBACK (show_province_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->articles_view, "show-document",
                           G_CALLBACK (show_document_cb), self, G_CONNECT_SWAPPED);

  /* The other views wait until they are shown: built, and measured by the
   * stack, before the first frame, they made it 40-100 ms later. */
  self->resolutions_page = ADW_BIN (adw_bin_new ());
  vankho_window_add_view (self, GTK_WIDGET (self->resolutions_page), "resolutions", _("_Resolutions"),
                          "vankho-resolutions-symbolic");
  self->map_page = ADW_BIN (adw_bin_new ());
  vankho_window_add_view (self, GTK_WIDGET (self->map_page), "map", _("_Map"), "mark-location-symbolic");

  vankho_filter_bar_set_filter (self->filter_bar, self->library, self->filter);

  last_view = g_settings_get_string (self->settings, "last-view");
  if (adw_view_stack_get_child_by_name (self->view_stack, last_view) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, last_view);
  ensure_visible_view (self);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (visible_view_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->settings, "changed::sync-interval",
                           G_CALLBACK (sync_interval_changed_cb), self, G_CONNECT_SWAPPED);
  sync_interval_changed_cb (self);
}

static void
vankho_window_dispose (GObject *object)
{
  VankhoWindow *self = (VankhoWindow *)object;

  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  g_cancellable_cancel (self->sync_cancellable);
  g_clear_object (&self->sync_cancellable);
  g_clear_handle_id (&self->sync_timer, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), VANKHO_TYPE_WINDOW);

  g_clear_object (&self->filter);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vankho_window_parent_class)->dispose (object);
}

static void
vankho_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VankhoWindow *self = VANKHO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vankho_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VankhoWindow *self = VANKHO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vankho_window_class_init (VankhoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vankho_window_constructed;
  object_class->dispose = vankho_window_dispose;
  object_class->get_property = vankho_window_get_property;
  object_class->set_property = vankho_window_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, VANKHO_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.filters", NULL, filters_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filter", NULL, clear_filter_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL, import_folder_action);
  gtk_widget_class_install_action (widget_class, "win.load-samples", NULL, load_samples_action);
  gtk_widget_class_install_action (widget_class, "win.open-library", NULL, open_library_action);
  gtk_widget_class_install_action (widget_class, "win.back-up", NULL, back_up_action);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "win.sync", NULL, sync_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.manage-feeds", NULL, manage_feeds_action);

  g_type_ensure (VANKHO_TYPE_FILTER_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vankho-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VankhoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VankhoWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, VankhoWindow, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, VankhoWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, VankhoWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, VankhoWindow, import_label);
  gtk_widget_class_bind_template_callback (widget_class, stop_import_cb);
}

static void
vankho_window_init (VankhoWindow *self)
{
  GtkDropTarget *drop;
  GtkEventController *keys;
  GtkShortcut *escape;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = vankho_article_filter_new ();

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  /* Escape clears the filter once nothing nearer (a popover, the search)
   * took it.
   */
  keys = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_BUBBLE);
  escape = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                             gtk_named_action_new ("win.clear-filter"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), escape);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

VankhoWindow *
vankho_window_new (VankhoApplication *application,
                   VankhoLibrary     *library)
{
  g_return_val_if_fail (VANKHO_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (VANKHO_IS_LIBRARY (library), NULL);

  return g_object_new (VANKHO_TYPE_WINDOW,
                       "application", application,
                       "library", library,
                       NULL);
}

VankhoLibrary *
vankho_window_get_library (VankhoWindow *self)
{
  g_return_val_if_fail (VANKHO_IS_WINDOW (self), NULL);

  return self->library;
}

VankhoArticleFilter *
vankho_window_get_filter (VankhoWindow *self)
{
  g_return_val_if_fail (VANKHO_IS_WINDOW (self), NULL);

  return self->filter;
}

/**
 * vankho_window_get_articles:
 *
 * Returns: (transfer none): the articles the list shows
 */
GListModel *
vankho_window_get_articles (VankhoWindow *self)
{
  g_return_val_if_fail (VANKHO_IS_WINDOW (self), NULL);

  return vankho_articles_view_get_articles (self->articles_view);
}

/**
 * vankho_window_get_articles_view:
 *
 * Returns: (transfer none): the Articles view
 */
VankhoArticlesView *
vankho_window_get_articles_view (VankhoWindow *self)
{
  g_return_val_if_fail (VANKHO_IS_WINDOW (self), NULL);

  return self->articles_view;
}
