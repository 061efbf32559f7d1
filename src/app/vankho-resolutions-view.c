/* vankho-resolutions-view.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Resolutions view: every document the archive cites on one side,
 * searchable, sorted and grouped; the chosen document's page on the other;
 * folded into one column with a back button when narrow. Choosing a
 * document makes it the shared filter's document, so the Articles and Map
 * views narrow to it too.
 *
 * The list is a GtkListBox rather than a list view, as GTK 4.8's list views
 * have no section headers for the grouping; it builds a widget per row, so
 * it shows the first MAX_LISTED documents of the sort and says how to find
 * the rest. A large archive cites tens of thousands (31 155 in the
 * benchmark's 100 000 articles): built whole, they took 20 s and 1 GB.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "vankho-document-chooser.h"
#include "vankho-document-editor.h"
#include "vankho-document-page.h"
#include "vankho-document-row.h"
#include "vankho-library-documents.h"
#include "vankho-resolutions-view.h"

#define MAX_LISTED 300

struct _VankhoResolutionsView
{
  GtkWidget            parent_instance;

  VankhoLibrary       *library;
  VankhoArticleFilter *filter;
  GCancellable        *cancellable;
  gboolean             reload_pending;  /* asked for while not shown */
  char                *search;
  int                  sort;
  int                  group;
  gint64               selected_id;
  VankhoDocumentMerge *last_merge;
  gboolean             loading;
  gboolean             filling;

  AdwToastOverlay     *toast_overlay;
  AdwLeaflet          *leaflet;
  AdwWindowTitle      *list_title;
  AdwWindowTitle      *page_title;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkStack            *list_stack;
  GtkListBox          *document_list;
  GtkLabel            *more_label;
  VankhoDocumentPage  *page;
};

G_DEFINE_FINAL_TYPE (VankhoResolutionsView, vankho_resolutions_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_FILTER,
  PROP_SORT,
  PROP_GROUP,
  PROP_LOADING,
  N_PROPS
};

enum {
  SHOW_ARTICLE,
  SHOW_ON_MAP,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_loading (VankhoResolutionsView *self,
             gboolean               loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
show_toast (VankhoResolutionsView *self,
            const char            *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static GtkListBoxRow *
find_row (VankhoResolutionsView *self,
          gint64                 document_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->document_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (VANKHO_IS_DOCUMENT_ROW (child) &&
        vankho_document_row_get_id (VANKHO_DOCUMENT_ROW (child)) == document_id)
      return GTK_LIST_BOX_ROW (child);

  return NULL;
}

/* A document's name as the list shows it, whether or not it is among the
 * rows listed. */
static char *
dup_document_name (VankhoResolutionsView *self,
                   gint64                 document_id)
{
  GtkListBoxRow *row = find_row (self, document_id);
  g_autoptr(VankhoDocumentDetails) details = NULL;

  if (row != NULL)
    return g_strdup (vankho_document_row_get_name (VANKHO_DOCUMENT_ROW (row)));

  details = vankho_library_get_document (self->library, document_id, NULL);
  if (details == NULL)
    return g_strdup ("");

  return vankho_document_dup_name (details->kind, details->number, details->symbol, details->key);
}

static void
update_page_title (VankhoResolutionsView *self)
{
  GtkListBoxRow *row = self->selected_id > 0 ? find_row (self, self->selected_id) : NULL;
  const VankhoDocumentDetails *details = vankho_document_page_get_details (self->page);
  g_autofree char *name = NULL;

  if (row != NULL)
    name = g_strdup (vankho_document_row_get_name (VANKHO_DOCUMENT_ROW (row)));
  else if (details != NULL && details->id == self->selected_id)
    name = vankho_document_dup_name (details->kind, details->number, details->symbol, details->key);

  adw_window_title_set_title (self->page_title, name ? name : "");
  adw_window_title_set_subtitle (self->page_title, details && details->id == self->selected_id
                                                   ? details->issuer : NULL);
}

static void
update_actions (VankhoResolutionsView *self)
{
  gboolean selected = self->selected_id > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resolutions.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resolutions.merge", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resolutions.show-on-map", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resolutions.undo-merge", self->last_merge != NULL);
}

static void
find_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(VankhoResolutionsView) self = user_data;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  GtkListBoxRow *selected;
  GtkWidget *child;

  documents = vankho_library_find_documents_finish (VANKHO_LIBRARY (object), result, &error);
  if (documents == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          show_toast (self, error->message);
          set_loading (self, FALSE);
        }
      return;
    }

  /* Refilling is not the user choosing: keep the selection as it was. */
  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->document_list))) != NULL)
    gtk_list_box_remove (self->document_list, child);
  for (guint i = 0; i < MIN (documents->len, MAX_LISTED); i++)
    gtk_list_box_append (self->document_list, vankho_document_row_new (g_ptr_array_index (documents, i)));

  if (documents->len > MAX_LISTED)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "The first %'u of %'u document are listed; search to find the others",
                                                            "The first %'u of %'u documents are listed; search to find the others",
                                                            documents->len),
                                               MAX_LISTED, documents->len);

      gtk_label_set_label (self->more_label, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), documents->len > MAX_LISTED);

  selected = self->selected_id > 0 ? find_row (self, self->selected_id) : NULL;
  if (selected != NULL)
    gtk_list_box_select_row (self->document_list, selected);
  self->filling = FALSE;

  if (documents->len > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else if (self->search != NULL && *self->search != '\0')
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "empty");

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u document", "%'u documents", documents->len),
                              documents->len);
  adw_window_title_set_subtitle (self->list_title, subtitle);
  update_page_title (self);

  set_loading (self, FALSE);
}

static void
reload_list (VankhoResolutionsView *self)
{

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->library == NULL)
    return;

  /* Not before the window's first frame, nor while another view is shown:
   * the list of a large archive takes a core for a while.
   */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->reload_pending = TRUE;
      return;
    }
  self->reload_pending = FALSE;

  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  vankho_library_find_documents_async (self->library, self->search, self->group, self->sort,
                                       self->cancellable, find_cb, g_object_ref (self));
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  VankhoResolutionsView *self = user_data;
  const char *key = NULL;
  const char *before_key = NULL;
  GtkWidget *header;

  if (self->group == VANKHO_DOCUMENT_GROUP_NONE)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  key = self->group == VANKHO_DOCUMENT_GROUP_KIND
        ? vankho_document_row_get_kind (VANKHO_DOCUMENT_ROW (row))
        : vankho_document_row_get_issuer (VANKHO_DOCUMENT_ROW (row));
  if (before != NULL)
    before_key = self->group == VANKHO_DOCUMENT_GROUP_KIND
                 ? vankho_document_row_get_kind (VANKHO_DOCUMENT_ROW (before))
                 : vankho_document_row_get_issuer (VANKHO_DOCUMENT_ROW (before));

  if (before != NULL && g_strcmp0 (key, before_key) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (key ? key : _("Issuer unknown"));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_ellipsize (GTK_LABEL (header), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, before != NULL ? 18 : 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_list_box_row_set_header (row, header);
}

static void
show_document (VankhoResolutionsView *self,
               gint64                 document_id)
{
  if (self->selected_id == document_id)
    return;

  self->selected_id = document_id;
  vankho_document_page_set_document (self->page, document_id);
  if (self->filter != NULL)
    vankho_article_filter_set_document (self->filter, document_id);
  update_page_title (self);
  update_actions (self);
}

static void
row_selected_cb (VankhoResolutionsView *self,
                 GtkListBoxRow         *row)
{
  if (self->filling || row == NULL)
    return;

  show_document (self, vankho_document_row_get_id (VANKHO_DOCUMENT_ROW (row)));
}

static void
row_activated_cb (VankhoResolutionsView *self,
                  GtkListBoxRow         *row)
{
  show_document (self, vankho_document_row_get_id (VANKHO_DOCUMENT_ROW (row)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
search_changed_cb (VankhoResolutionsView *self)
{
  vankho_resolutions_view_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
stop_search_cb (VankhoResolutionsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
back_clicked_cb (VankhoResolutionsView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
page_show_article_cb (VankhoResolutionsView *self,
                      gint64                 article_id)
{
  g_signal_emit (self, signals[SHOW_ARTICLE], 0, article_id);
}

static void
page_show_document_cb (VankhoResolutionsView *self,
                       gint64                 document_id)
{
  vankho_resolutions_view_select_document (self, document_id);
}

static void
page_loaded_cb (VankhoResolutionsView *self)
{
  if (!vankho_document_page_get_loading (self->page))
    update_page_title (self);
}

static void
articles_changed_cb (VankhoResolutionsView *self)
{
  reload_list (self);
  vankho_document_page_reload (self->page);
}

static void
filter_document_cb (VankhoResolutionsView *self)
{
  gint64 document_id = vankho_article_filter_get_document (self->filter);

  if (document_id == self->selected_id)
    return;

  /* Cleared elsewhere (the filter bar): nothing is chosen here either. */
  if (document_id == 0)
    {
      gtk_list_box_unselect_all (self->document_list);
      show_document (self, 0);
      return;
    }

  vankho_resolutions_view_select_document (self, document_id);
}

static void
show_on_map_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VankhoResolutionsView *self = VANKHO_RESOLUTIONS_VIEW (widget);

  if (self->selected_id > 0)
    g_signal_emit (self, signals[SHOW_ON_MAP], 0, self->selected_id);
}

static void
editor_saved_cb (VankhoResolutionsView *self)
{
  show_toast (self, _("Document corrected"));
  vankho_library_articles_changed (self->library);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VankhoResolutionsView *self = VANKHO_RESOLUTIONS_VIEW (widget);
  const VankhoDocumentDetails *details = vankho_document_page_get_details (self->page);
  VankhoDocumentEditor *editor;

  if (details == NULL || details->id != self->selected_id)
    return;

  editor = vankho_document_editor_new (self->library, details);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "failed", G_CALLBACK (show_toast), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
undo_merge_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VankhoResolutionsView *self = VANKHO_RESOLUTIONS_VIEW (widget);
  g_autoptr(VankhoDocumentMerge) merge = g_steal_pointer (&self->last_merge);
  g_autoptr(GError) error = NULL;

  gtk_widget_action_set_enabled (widget, "resolutions.undo-merge", FALSE);
  if (merge == NULL)
    return;

  if (!vankho_library_unmerge_documents (self->library, merge, &error))
    {
      show_toast (self, error->message);
      return;
    }

  vankho_library_articles_changed (self->library);
  vankho_resolutions_view_select_document (self, merge->source_id);
}

static void
merge_chosen_cb (VankhoResolutionsView *self,
                 gint64                 target_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *source_name = dup_document_name (self, self->selected_id);
  g_autofree char *target_name = dup_document_name (self, target_id);
  VankhoDocumentMerge *merge;
  AdwToast *toast;

  merge = vankho_library_merge_documents (self->library, self->selected_id, target_id, &error);
  if (merge == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  /* Translators: 'Merged Nghị quyết 12 into Nghị quyết 12-NQ/TW' */
  message = g_strdup_printf (_("Merged %s into %s"), source_name, target_name);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "resolutions.undo-merge");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  /* Only the latest merge can be undone, as only its toast is shown. */
  g_clear_pointer (&self->last_merge, vankho_document_merge_free);
  self->last_merge = merge;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resolutions.undo-merge", TRUE);

  vankho_library_articles_changed (self->library);
  vankho_resolutions_view_select_document (self, merge->target_id);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VankhoResolutionsView *self = VANKHO_RESOLUTIONS_VIEW (widget);
  VankhoDocumentChooser *chooser;
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;

  if (self->selected_id <= 0)
    return;

  name = dup_document_name (self, self->selected_id);
  body = g_strdup_printf (_("Choose the entry that is the same document as %s. Its citations will count "
                            "for that entry; nothing is deleted, and the merge can be undone."),
                          name);
  chooser = vankho_document_chooser_new (self->library, self->selected_id,
                                         _("Merge Into Another Entry"), body, _("_Merge"));
  g_signal_connect_object (chooser, "chosen", G_CALLBACK (merge_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (chooser), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (chooser));
}

static void
vankho_resolutions_view_constructed (GObject *object)
{
  VankhoResolutionsView *self = (VankhoResolutionsView *)object;

  G_OBJECT_CLASS (vankho_resolutions_view_parent_class)->constructed (object);

  g_assert (VANKHO_IS_LIBRARY (self->library));

  if (self->filter == NULL)
    self->filter = vankho_article_filter_new ();

  g_signal_connect_object (self->library, "articles-changed",
                           G_CALLBACK (articles_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter, "notify::document",
                           G_CALLBACK (filter_document_cb), self, G_CONNECT_SWAPPED);

  vankho_document_page_set_library (self->page, self->library);
  reload_list (self);

  if (vankho_article_filter_get_document (self->filter) > 0)
    filter_document_cb (self);
}

static void
vankho_resolutions_view_dispose (GObject *object)
{
  VankhoResolutionsView *self = (VankhoResolutionsView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VANKHO_TYPE_RESOLUTIONS_VIEW);
  g_clear_object (&self->filter);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (vankho_resolutions_view_parent_class)->dispose (object);
}

static void
vankho_resolutions_view_finalize (GObject *object)
{
  VankhoResolutionsView *self = (VankhoResolutionsView *)object;

  g_free (self->search);
  g_clear_pointer (&self->last_merge, vankho_document_merge_free);

  G_OBJECT_CLASS (vankho_resolutions_view_parent_class)->finalize (object);
}

static void
vankho_resolutions_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  VankhoResolutionsView *self = VANKHO_RESOLUTIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;

    case PROP_SORT:
      g_value_set_int (value, self->sort);
      break;

    case PROP_GROUP:
      g_value_set_int (value, self->group);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vankho_resolutions_view_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  VankhoResolutionsView *self = VANKHO_RESOLUTIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_FILTER:
      self->filter = g_value_dup_object (value);
      break;

    case PROP_SORT:
      if (self->sort != g_value_get_int (value))
        {
          self->sort = g_value_get_int (value);
          reload_list (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_GROUP:
      if (self->group != g_value_get_int (value))
        {
          self->group = g_value_get_int (value);
          reload_list (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vankho_resolutions_view_map (GtkWidget *widget)
{
  VankhoResolutionsView *self = VANKHO_RESOLUTIONS_VIEW (widget);

  GTK_WIDGET_CLASS (vankho_resolutions_view_parent_class)->map (widget);

  if (self->reload_pending)
    reload_list (self);
}

static void
vankho_resolutions_view_class_init (VankhoResolutionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vankho_resolutions_view_constructed;
  widget_class->map = vankho_resolutions_view_map;
  object_class->dispose = vankho_resolutions_view_dispose;
  object_class->finalize = vankho_resolutions_view_finalize;
  object_class->get_property = vankho_resolutions_view_get_property;
  object_class->set_property = vankho_resolutions_view_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, VANKHO_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, VANKHO_TYPE_ARTICLE_FILTER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* VankhoDocumentSort and VankhoDocumentGroup, as ints for the menus'
   * property actions. */
  properties[PROP_SORT] =
    g_param_spec_int ("sort", NULL, NULL, VANKHO_DOCUMENT_SORT_COUNT, VANKHO_DOCUMENT_SORT_LATEST,
                      VANKHO_DOCUMENT_SORT_COUNT,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_GROUP] =
    g_param_spec_int ("group", NULL, NULL, VANKHO_DOCUMENT_GROUP_NONE, VANKHO_DOCUMENT_GROUP_ISSUER,
                      VANKHO_DOCUMENT_GROUP_NONE,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VankhoResolutionsView::show-article:
   * @article_id: the article to open in the Articles view
   */
  signals[SHOW_ARTICLE] =
    g_signal_new ("show-article", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * VankhoResolutionsView::show-on-map:
   * @document_id: the document to show the provinces of
   */
  signals[SHOW_ON_MAP] =
    g_signal_new ("show-on-map", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_property_action (widget_class, "resolutions.sort", "sort");
  gtk_widget_class_install_property_action (widget_class, "resolutions.group", "group");
  gtk_widget_class_install_action (widget_class, "resolutions.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "resolutions.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "resolutions.show-on-map", NULL, show_on_map_action);
  gtk_widget_class_install_action (widget_class, "resolutions.undo-merge", NULL, undo_merge_action);

  g_type_ensure (VANKHO_TYPE_DOCUMENT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vankho-resolutions-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VankhoResolutionsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VankhoResolutionsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, VankhoResolutionsView, list_title);
  gtk_widget_class_bind_template_child (widget_class, VankhoResolutionsView, page_title);
  gtk_widget_class_bind_template_child (widget_class, VankhoResolutionsView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, VankhoResolutionsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VankhoResolutionsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, VankhoResolutionsView, document_list);
  gtk_widget_class_bind_template_child (widget_class, VankhoResolutionsView, more_label);
  gtk_widget_class_bind_template_child (widget_class, VankhoResolutionsView, page);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_show_article_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_show_document_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vankho_resolutions_view_init (VankhoResolutionsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_header_func (self->document_list, header_func, self, NULL);
  g_signal_connect_object (self->page, "notify::loading", G_CALLBACK (page_loaded_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

/**
 * vankho_resolutions_view_new:
 * @filter: (nullable): the filter the views share; the view's own if %NULL
 */
GtkWidget *
vankho_resolutions_view_new (VankhoLibrary       *library,
                             VankhoArticleFilter *filter)
{
  g_return_val_if_fail (VANKHO_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (!filter || VANKHO_IS_ARTICLE_FILTER (filter), NULL);

  return g_object_new (VANKHO_TYPE_RESOLUTIONS_VIEW,
                       "library", library,
                       "filter", filter,
                       NULL);
}

VankhoLibrary *
vankho_resolutions_view_get_library (VankhoResolutionsView *self)
{
  g_return_val_if_fail (VANKHO_IS_RESOLUTIONS_VIEW (self), NULL);

  return self->library;
}

VankhoArticleFilter *
vankho_resolutions_view_get_filter (VankhoResolutionsView *self)
{
  g_return_val_if_fail (VANKHO_IS_RESOLUTIONS_VIEW (self), NULL);

  return self->filter;
}

/**
 * vankho_resolutions_view_select_document:
 * @document_id: a document, or 0 for none
 *
 * Shows a document's page (and, when folded, goes to it), as if the user
 * had chosen it in the list.
 */
void
vankho_resolutions_view_select_document (VankhoResolutionsView *self,
                                         gint64                 document_id)
{
  GtkListBoxRow *row;

  g_return_if_fail (VANKHO_IS_RESOLUTIONS_VIEW (self));

  row = document_id > 0 ? find_row (self, document_id) : NULL;
  self->filling = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->document_list, row);
  else
    gtk_list_box_unselect_all (self->document_list);
  self->filling = FALSE;

  show_document (self, document_id);
  if (document_id > 0)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

gint64
vankho_resolutions_view_get_selected_document (VankhoResolutionsView *self)
{
  g_return_val_if_fail (VANKHO_IS_RESOLUTIONS_VIEW (self), 0);

  return self->selected_id;
}

/**
 * vankho_resolutions_view_get_page:
 *
 * Returns: (transfer none): the document page
 */
VankhoDocumentPage *
vankho_resolutions_view_get_page (VankhoResolutionsView *self)
{
  g_return_val_if_fail (VANKHO_IS_RESOLUTIONS_VIEW (self), NULL);

  return self->page;
}

/* Whether the document list is being read. */
gboolean
vankho_resolutions_view_get_loading (VankhoResolutionsView *self)
{
  g_return_val_if_fail (VANKHO_IS_RESOLUTIONS_VIEW (self), FALSE);

  return self->loading;
}

/**
 * vankho_resolutions_view_set_search:
 * @search: (nullable): words to find in the documents, folded
 */
void
vankho_resolutions_view_set_search (VankhoResolutionsView *self,
                                    const char            *search)
{
  g_return_if_fail (VANKHO_IS_RESOLUTIONS_VIEW (self));

  if (g_strcmp0 (self->search, search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);
  reload_list (self);
}
