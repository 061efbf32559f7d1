/* vankho-articles-view.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Articles view: the list that the shared filter selects, with its
 * search, filters and count, beside the reader; one column with a back
 * button when narrow.
 */

#define G_LOG_DOMAIN "vankho-articles-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vankho-article-list-model.h"
#include "vankho-article-row.h"
#include "vankho-articles-view.h"
#include "vankho-filter-popover.h"
#include "vankho-reader.h"

/* What a list 1 100 px tall shows (a row is at least 55 px): see
 * vankho_articles_view_constructed(). Each row laid out before the first
 * frame costs about 2 ms; a taller list gets its other rows a
 * frame later. */
#define FIRST_FRAME_ROWS 20

struct _VankhoArticlesView
{
  GtkWidget               parent_instance;

  VankhoLibrary          *library;
  VankhoArticleFilter    *filter;
  VankhoArticleListModel *articles;
  GtkSliceListModel      *shown;
  GtkSingleSelection     *selection;
  GSettings              *settings;
  gint64                  pending_article;
  gboolean                setting_entry;

  AdwLeaflet             *leaflet;
  GtkSearchBar           *search_bar;
  GtkSearchEntry         *search_entry;
  GtkMenuButton          *filter_button;
  GtkLabel               *count_label;
  GtkStack               *list_stack;
  GtkListView            *list_view;
  VankhoReader           *reader;
};

G_DEFINE_FINAL_TYPE (VankhoArticlesView, vankho_articles_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SHOW_PROVINCE,
  SHOW_DOCUMENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
reader_show_province_cb (VankhoArticlesView *self,
                         const char         *province)
{
  g_signal_emit (self, signals[SHOW_PROVINCE], 0, province);
}

static void
reader_show_document_cb (VankhoArticlesView *self,
                         gint64              document_id)
{
  g_signal_emit (self, signals[SHOW_DOCUMENT], 0, document_id);
}

static void
update_list_page (VankhoArticlesView *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->articles));
  gboolean loading = vankho_article_list_model_get_loading (self->articles);
  g_autofree char *count = NULL;
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
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u article", "%'u articles", n_items), n_items);
      gtk_label_set_label (self->count_label, count);
    }

  /* An article asked for before the list had it: select it now. */
  if (!loading && self->pending_article != 0)
    {
      gint64 id = self->pending_article;

      self->pending_article = 0;
      vankho_articles_view_show_article (self, id);
    }
}

static void
open_article (VankhoArticlesView *self,
              gint64              id)
{
  g_autoptr(VankhoArticle) article = NULL;
  g_autoptr(VankhoExtraction) extraction = NULL;
  g_autoptr(GError) error = NULL;

  article = vankho_library_get_article (self->library, id, &error);
  if (article != NULL)
    extraction = vankho_library_load_extraction (self->library, id, &error);
  if (article == NULL || extraction == NULL)
    {
      g_warning ("Could not open article %" G_GINT64_FORMAT ": %s", id, error->message);
      return;
    }

  if (!vankho_article_get_is_read (article) &&
      g_settings_get_boolean (self->settings, "mark-read-on-open") &&
      vankho_library_set_read (self->library, id, TRUE, NULL))
    vankho_article_set_is_read (article, TRUE);

  vankho_reader_set_article (self->reader, article, extraction);
}

static void
selection_changed_cb (VankhoArticlesView *self)
{
  VankhoArticle *summary = gtk_single_selection_get_selected_item (self->selection);

  if (summary == NULL)
    {
      vankho_reader_set_article (self->reader, NULL, NULL);
      return;
    }

  open_article (self, vankho_article_get_id (summary));
  /* The row shows the article as read now. */
  vankho_article_set_is_read (summary, TRUE);
  /* Narrow, the reader takes the place of the list. */
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
list_activate_cb (VankhoArticlesView *self,
                  guint               position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
search_changed_cb (VankhoArticlesView *self)
{
  if (self->setting_entry)
    return;

  vankho_article_filter_set_query (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
stop_search_cb (VankhoArticlesView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* Another view may change the query: keep the entry in step. */
static void
filter_query_changed_cb (VankhoArticlesView *self)
{
  /* A copy: setting the entry's text may set the filter's query again. */
  g_autofree char *query = g_strdup (vankho_article_filter_get_query (self->filter));
  const char *shown = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (shown));

  /* Setting the text passes through an empty entry, which the search
   * entry reports at once: that is not the user clearing the search.
   */
  if (g_strcmp0 (query ? query : "", stripped) != 0)
    {
      self->setting_entry = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query ? query : "");
      self->setting_entry = FALSE;
    }
  if (query != NULL)
    gtk_search_bar_set_search_mode (self->search_bar, TRUE);
}

static void
back_clicked_cb (VankhoArticlesView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
move_selection (VankhoArticlesView *self,
                int                 delta)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint next;

  if (n == 0)
    return;

  if (selected == GTK_INVALID_LIST_POSITION)
    next = delta > 0 ? 0 : n - 1;
  else if (delta < 0 && selected == 0)
    return;
  else
    next = MIN (selected + delta, n - 1);

  gtk_single_selection_set_selected (self->selection, next);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", next);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move_selection (VANKHO_ARTICLES_VIEW (widget), 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  move_selection (VANKHO_ARTICLES_VIEW (widget), -1);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  vankho_articles_view_focus_search (VANKHO_ARTICLES_VIEW (widget));
}

static void
filters_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VankhoArticlesView *self = VANKHO_ARTICLES_VIEW (widget);

  gtk_menu_button_popup (self->filter_button);
}

static void
reader_article_changed_cb (VankhoArticlesView *self)
{
  VankhoArticle *shown = vankho_reader_get_article (self->reader);
  VankhoArticle *row = gtk_single_selection_get_selected_item (self->selection);

  /* Star and read state changed in the reader show in the row at once. */
  if (shown != NULL && row != NULL && vankho_article_get_id (row) == vankho_article_get_id (shown))
    {
      vankho_article_set_is_starred (row, vankho_article_get_is_starred (shown));
      vankho_article_set_is_read (row, vankho_article_get_is_read (shown));
    }
}

static gboolean
show_all_rows_cb (gpointer user_data)
{
  VankhoArticlesView *self = user_data;

  gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
  return G_SOURCE_REMOVE;
}

/* The other rows once the frame is out, not within it. */
static void
first_paint_cb (GdkFrameClock      *clock,
                VankhoArticlesView *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, show_all_rows_cb, g_object_ref (self), g_object_unref);
}

static void
vankho_articles_view_map (GtkWidget *widget)
{
  VankhoArticlesView *self = VANKHO_ARTICLES_VIEW (widget);

  GTK_WIDGET_CLASS (vankho_articles_view_parent_class)->map (widget);

  if (gtk_slice_list_model_get_size (self->shown) != G_MAXUINT)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (first_paint_cb), self, 0);
}

/* Made when first opened: its template was 9 ms of the window's first
 * frame. GTK calls this at every opening. */
static void
create_filter_popover (GtkMenuButton *button,
                       gpointer       user_data)
{
  VankhoArticlesView *self = user_data;

  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_popover (button, vankho_filter_popover_new (self->library, self->filter));
}

static void
vankho_articles_view_constructed (GObject *object)
{
  VankhoArticlesView *self = (VankhoArticlesView *)object;

  G_OBJECT_CLASS (vankho_articles_view_parent_class)->constructed (object);

  g_assert (VANKHO_IS_LIBRARY (self->library));
  g_assert (VANKHO_IS_ARTICLE_FILTER (self->filter));

  self->articles = vankho_article_list_model_new (self->library, self->filter);
  /* GTK 4.8's list view makes and measures a row for each item of a
   * model this short before its first frame, not only for those in view:
   * until it has been drawn once it is shown the first rows alone. */
  self->shown = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->articles)), 0, FIRST_FRAME_ROWS);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->articles, "items-changed",
                           G_CALLBACK (update_list_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->articles, "notify::loading",
                           G_CALLBACK (update_list_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter, "notify::query",
                           G_CALLBACK (filter_query_changed_cb), self, G_CONNECT_SWAPPED);

  vankho_reader_set_library (self->reader, self->library);
  g_signal_connect_object (self->reader, "article-changed",
                           G_CALLBACK (reader_article_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "show-province",
                           G_CALLBACK (reader_show_province_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "show-document",
                           G_CALLBACK (reader_show_document_cb), self, G_CONNECT_SWAPPED);

  gtk_menu_button_set_create_popup_func (self->filter_button, create_filter_popover, self, NULL);

  update_list_page (self);
}

static void
vankho_articles_view_dispose (GObject *object)
{
  VankhoArticlesView *self = (VankhoArticlesView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VANKHO_TYPE_ARTICLES_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_object (&self->articles);
  g_clear_object (&self->filter);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vankho_articles_view_parent_class)->dispose (object);
}

static void
vankho_articles_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VankhoArticlesView *self = VANKHO_ARTICLES_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vankho_articles_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  VankhoArticlesView *self = VANKHO_ARTICLES_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_FILTER:
      self->filter = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vankho_articles_view_class_init (VankhoArticlesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vankho_articles_view_constructed;
  object_class->dispose = vankho_articles_view_dispose;
  object_class->get_property = vankho_articles_view_get_property;
  object_class->set_property = vankho_articles_view_set_property;

  widget_class->map = vankho_articles_view_map;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, VANKHO_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, VANKHO_TYPE_ARTICLE_FILTER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VankhoArticlesView::show-province:
   * @province: an ISO 3166-2 code
   *
   * The user followed a province's link in the reader.
   */
  signals[SHOW_PROVINCE] =
    g_signal_new ("show-province", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * VankhoArticlesView::show-document:
   * @document_id: the document
   *
   * The user followed a cited document's link in the reader.
   */
  signals[SHOW_DOCUMENT] =
    g_signal_new ("show-document", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "articles.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "articles.filters", NULL, filters_action);
  gtk_widget_class_install_action (widget_class, "articles.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "articles.previous", NULL, previous_action);

  /* Reading keys: only where typing does not go to an entry. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, 0, "articles.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, 0, "articles.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, 0, "reader.star", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, 0, "reader.toggle-read", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "reader.page-down", NULL);

  g_type_ensure (VANKHO_TYPE_ARTICLE_ROW);
  g_type_ensure (VANKHO_TYPE_READER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vankho-articles-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VankhoArticlesView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, VankhoArticlesView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, VankhoArticlesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VankhoArticlesView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, VankhoArticlesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, VankhoArticlesView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, VankhoArticlesView, list_view);
  gtk_widget_class_bind_template_child (widget_class, VankhoArticlesView, reader);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vankho_articles_view_init (VankhoArticlesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
}

GtkWidget *
vankho_articles_view_new (VankhoLibrary       *library,
                          VankhoArticleFilter *filter)
{
  return g_object_new (VANKHO_TYPE_ARTICLES_VIEW,
                       "library", library,
                       "filter", filter,
                       NULL);
}

/**
 * vankho_articles_view_get_articles:
 *
 * Returns: (transfer none): the articles the list shows
 */
GListModel *
vankho_articles_view_get_articles (VankhoArticlesView *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLES_VIEW (self), NULL);

  return G_LIST_MODEL (self->articles);
}

/**
 * vankho_articles_view_show_article:
 * @article_id: an article
 *
 * Selects and opens the article; if the filter hides it, it opens in the
 * reader all the same.
 */
void
vankho_articles_view_show_article (VankhoArticlesView *self,
                                   gint64              article_id)
{
  guint n;

  g_return_if_fail (VANKHO_IS_ARTICLES_VIEW (self));

  if (vankho_article_list_model_get_loading (self->articles))
    {
      self->pending_article = article_id;
      return;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n && i < 2000; i++)
    {
      g_autoptr(VankhoArticle) row = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (vankho_article_get_id (row) == article_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
          return;
        }
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  open_article (self, article_id);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

void
vankho_articles_view_focus_search (VankhoArticlesView *self)
{
  g_return_if_fail (VANKHO_IS_ARTICLES_VIEW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
