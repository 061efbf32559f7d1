/* vankho-window.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The main window: the article list with its search on one side, the reader
 * on the other; folded into one column with a back button when narrow.
 */

#define G_LOG_DOMAIN "vankho-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vankho-article-list-model.h"
#include "vankho-article-row.h"
#include "vankho-importer.h"
#include "vankho-reader.h"
#include "vankho-window.h"

struct _VankhoWindow
{
  AdwApplicationWindow    parent_instance;

  VankhoLibrary          *library;
  VankhoArticleFilter    *filter;
  VankhoArticleListModel *articles;
  GtkSingleSelection     *selection;
  GSettings              *settings;

  AdwToastOverlay        *toast_overlay;
  AdwLeaflet             *leaflet;
  AdwWindowTitle         *list_title;
  GtkSearchBar           *search_bar;
  GtkSearchEntry         *search_entry;
  GtkStack               *list_stack;
  GtkListView            *list_view;
  AdwStatusPage          *no_results_page;
  VankhoReader           *reader;
};

G_DEFINE_FINAL_TYPE (VankhoWindow, vankho_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LIBRARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_list_page (VankhoWindow *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->articles));
  gboolean loading = vankho_article_list_model_get_loading (self->articles);
  g_autofree char *subtitle = NULL;
  const char *page;

  if (n_items > 0)
    page = "list";
  else if (loading)
    page = gtk_stack_get_visible_child_name (self->list_stack);
  else if (vankho_article_filter_is_empty (self->filter))
    page = "empty";
  else
    page = "no-results";

  gtk_stack_set_visible_child_name (self->list_stack, page);

  if (!loading)
    {
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n_items),
                                  n_items);
      adw_window_title_set_subtitle (self->list_title, subtitle);
    }
}

static void
selection_changed_cb (VankhoWindow *self)
{
  VankhoArticle *summary = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(VankhoArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  if (summary == NULL)
    {
      vankho_reader_set_article (self->reader, NULL);
      return;
    }

  article = vankho_library_get_article (self->library, vankho_article_get_id (summary), &error);
  if (article == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  vankho_reader_set_article (self->reader, article);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
list_activate_cb (VankhoWindow *self,
                  guint         position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
search_changed_cb (VankhoWindow *self)
{
  vankho_article_filter_set_query (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
stop_search_cb (VankhoWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  vankho_article_filter_clear (self->filter);
}

static void
back_clicked_cb (VankhoWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VankhoWindow *self = VANKHO_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

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
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  n_added = vankho_importer_get_n_added (importer);
  if (n_added > 0)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u sample article",
                                            "Added %u sample articles", n_added), n_added);
  else
    message = g_strdup (_("The sample articles are already in the library"));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
vankho_window_constructed (GObject *object)
{
  VankhoWindow *self = (VankhoWindow *)object;

  G_OBJECT_CLASS (vankho_window_parent_class)->constructed (object);

  g_assert (VANKHO_IS_LIBRARY (self->library));

  self->articles = vankho_article_list_model_new (self->library, self->filter);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->articles)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->articles, "items-changed",
                           G_CALLBACK (update_list_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->articles, "notify::loading",
                           G_CALLBACK (update_list_page), self, G_CONNECT_SWAPPED);

  update_list_page (self);
}

static void
vankho_window_dispose (GObject *object)
{
  VankhoWindow *self = (VankhoWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VANKHO_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->articles);
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
  gtk_widget_class_install_action (widget_class, "win.load-samples", NULL, load_samples_action);

  g_type_ensure (VANKHO_TYPE_ARTICLE_ROW);
  g_type_ensure (VANKHO_TYPE_READER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vankho-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VankhoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VankhoWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, VankhoWindow, list_title);
  gtk_widget_class_bind_template_child (widget_class, VankhoWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, VankhoWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VankhoWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, VankhoWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, VankhoWindow, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, VankhoWindow, reader);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
}

static void
vankho_window_init (VankhoWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = vankho_article_filter_new ();

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
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

  return G_LIST_MODEL (self->articles);
}
