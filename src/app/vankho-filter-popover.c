/* vankho-filter-popover.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The filters of the article list: province, document, dates, outlet, tag,
 * unread, starred and the order. It writes straight into the shared filter
 * and follows it when another view changes it.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vankho-extractor.h"
#include "vankho-filter-popover.h"
#include "vankho-library-documents.h"

typedef enum
{
  DATES_ANY,
  DATES_LAST_30_DAYS,
  DATES_THIS_YEAR,
  DATES_LAST_YEAR,
  DATES_CUSTOM,
} DatePreset;

struct _VankhoFilterPopover
{
  GtkPopover           parent_instance;

  VankhoLibrary       *library;
  VankhoArticleFilter *filter;
  GCancellable        *cancellable;

  /* What each dropdown row stands for; row 0 is "all". */
  GPtrArray           *province_codes;
  GArray              *document_ids;
  GPtrArray           *tags;
  GPtrArray           *outlets;
  gboolean             syncing;

  GtkDropDown         *province_dropdown;
  GtkDropDown         *document_dropdown;
  GtkDropDown         *dates_dropdown;
  GtkWidget           *custom_dates_box;
  GtkEntry            *date_from_entry;
  GtkEntry            *date_to_entry;
  GtkDropDown         *outlet_dropdown;
  GtkDropDown         *tag_dropdown;
  GtkSwitch           *unread_switch;
  GtkSwitch           *starred_switch;
  GtkDropDown         *sort_dropdown;
};

G_DEFINE_FINAL_TYPE (VankhoFilterPopover, vankho_filter_popover, GTK_TYPE_POPOVER)

static guint
index_of_string (GPtrArray  *values,
                 const char *value)
{
  if (value != NULL)
    for (guint i = 1; i < values->len; i++)
      if (g_strcmp0 (g_ptr_array_index (values, i), value) == 0)
        return i;
  return 0;
}

static void
fill_dropdown (GtkDropDown *dropdown,
               GPtrArray   *labels)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (model, g_ptr_array_index (labels, i));

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
}

/* The choices depend on the archive: read them each time the popover opens. */
static void
documents_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(VankhoFilterPopover) self = user_data;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gint64 current;
  guint selected = 0;

  documents = vankho_library_find_documents_finish (VANKHO_LIBRARY (object), result, &error);
  if (documents == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list the documents: %s", error->message);
      return;
    }
  if (self->filter == NULL)
    return;

  current = vankho_article_filter_get_document (self->filter);
  g_array_set_size (self->document_ids, 0);
  g_ptr_array_add (labels, g_strdup (_("All documents")));
  g_array_append_val (self->document_ids, (gint64) { 0 });
  for (guint i = 0; i < documents->len; i++)
    {
      const VankhoDocumentSummary *doc = g_ptr_array_index (documents, i);

      if (doc->n_articles == 0)
        continue;
      if (doc->id == current)
        selected = self->document_ids->len;
      g_ptr_array_add (labels, g_strdup_printf ("%s %s", doc->kind, doc->symbol ? doc->symbol : doc->key));
      g_array_append_val (self->document_ids, doc->id);
    }

  self->syncing = TRUE;
  fill_dropdown (self->document_dropdown, labels);
  gtk_drop_down_set_selected (self->document_dropdown, selected);
  self->syncing = FALSE;
}

static void
reload_choices (VankhoFilterPopover *self)
{
  VankhoGazetteer *gazetteer = vankho_extractor_get_gazetteer (vankho_extractor_get_default ());
  g_autoptr(GPtrArray) labels = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) outlets = NULL;
  guint n;

  self->syncing = TRUE;

  /* Provinces, by name. */
  labels = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_set_size (self->province_codes, 0);
  g_ptr_array_add (labels, g_strdup (_("All provinces")));
  g_ptr_array_add (self->province_codes, NULL);
  n = vankho_gazetteer_get_n_provinces (gazetteer);
  for (guint i = 0; i < n; i++)
    {
      const VankhoProvince *province = vankho_gazetteer_get_nth_province (gazetteer, i);

      g_ptr_array_add (labels, g_strdup (province->name));
      g_ptr_array_add (self->province_codes, g_strdup (province->code));
    }
  fill_dropdown (self->province_dropdown, labels);

  /* Documents that articles cite: the list takes longer than a frame on a
   * large library; documents_loaded_cb fills it in. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  vankho_library_find_documents_async (self->library, NULL, VANKHO_DOCUMENT_GROUP_NONE,
                                       VANKHO_DOCUMENT_SORT_COUNT, self->cancellable,
                                       documents_loaded_cb, g_object_ref (self));

  g_clear_pointer (&labels, g_ptr_array_unref);
  labels = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_set_size (self->outlets, 0);
  g_ptr_array_add (labels, g_strdup (_("All outlets")));
  g_ptr_array_add (self->outlets, NULL);
  outlets = vankho_library_list_outlets (self->library, NULL);
  for (guint i = 0; outlets && outlets[i]; i++)
    {
      g_ptr_array_add (labels, g_strdup (outlets[i]));
      g_ptr_array_add (self->outlets, g_strdup (outlets[i]));
    }
  fill_dropdown (self->outlet_dropdown, labels);

  g_clear_pointer (&labels, g_ptr_array_unref);
  labels = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_set_size (self->tags, 0);
  g_ptr_array_add (labels, g_strdup (_("All tags")));
  g_ptr_array_add (self->tags, NULL);
  tags = vankho_library_list_tags (self->library, NULL);
  for (guint i = 0; tags && tags[i]; i++)
    {
      g_ptr_array_add (labels, g_strdup (tags[i]));
      g_ptr_array_add (self->tags, g_strdup (tags[i]));
    }
  fill_dropdown (self->tag_dropdown, labels);

  self->syncing = FALSE;
}

/* Shows the filter as it is now. */
static void
sync_from_filter (VankhoFilterPopover *self)
{
  gint64 document = vankho_article_filter_get_document (self->filter);
  const char *from = vankho_article_filter_get_date_from (self->filter);
  const char *to = vankho_article_filter_get_date_to (self->filter);
  guint document_index = 0;

  self->syncing = TRUE;

  gtk_drop_down_set_selected (self->province_dropdown,
                              index_of_string (self->province_codes,
                                               vankho_article_filter_get_province (self->filter)));
  for (guint i = 1; i < self->document_ids->len; i++)
    if (g_array_index (self->document_ids, gint64, i) == document)
      document_index = i;
  gtk_drop_down_set_selected (self->document_dropdown, document_index);
  gtk_drop_down_set_selected (self->outlet_dropdown,
                              index_of_string (self->outlets, vankho_article_filter_get_outlet (self->filter)));
  gtk_drop_down_set_selected (self->tag_dropdown,
                              index_of_string (self->tags, vankho_article_filter_get_tag (self->filter)));
  gtk_switch_set_active (self->unread_switch, vankho_article_filter_get_unread_only (self->filter));
  gtk_switch_set_active (self->starred_switch, vankho_article_filter_get_starred_only (self->filter));
  gtk_drop_down_set_selected (self->sort_dropdown, vankho_article_filter_get_sort (self->filter));

  if (from == NULL && to == NULL)
    gtk_drop_down_set_selected (self->dates_dropdown, DATES_ANY);
  else if (gtk_drop_down_get_selected (self->dates_dropdown) == DATES_ANY)
    gtk_drop_down_set_selected (self->dates_dropdown, DATES_CUSTOM);
  gtk_editable_set_text (GTK_EDITABLE (self->date_from_entry), from ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_to_entry), to ? to : "");
  gtk_widget_set_visible (self->custom_dates_box,
                          gtk_drop_down_get_selected (self->dates_dropdown) == DATES_CUSTOM);

  self->syncing = FALSE;
}

static void
popover_show_cb (VankhoFilterPopover *self)
{
  reload_choices (self);
  sync_from_filter (self);
}

static void
choice_changed_cb (VankhoFilterPopover *self)
{
  guint province;
  guint document;
  guint outlet;
  guint tag;

  if (self->syncing)
    return;

  province = gtk_drop_down_get_selected (self->province_dropdown);
  document = gtk_drop_down_get_selected (self->document_dropdown);
  outlet = gtk_drop_down_get_selected (self->outlet_dropdown);
  tag = gtk_drop_down_get_selected (self->tag_dropdown);

  vankho_article_filter_set_province (self->filter, province < self->province_codes->len
                                      ? g_ptr_array_index (self->province_codes, province) : NULL);
  vankho_article_filter_set_document (self->filter, document < self->document_ids->len
                                      ? g_array_index (self->document_ids, gint64, document) : 0);
  vankho_article_filter_set_outlet (self->filter, outlet < self->outlets->len
                                    ? g_ptr_array_index (self->outlets, outlet) : NULL);
  vankho_article_filter_set_tag (self->filter, tag < self->tags->len
                                 ? g_ptr_array_index (self->tags, tag) : NULL);
  vankho_article_filter_set_unread_only (self->filter, gtk_switch_get_active (self->unread_switch));
  vankho_article_filter_set_starred_only (self->filter, gtk_switch_get_active (self->starred_switch));
  vankho_article_filter_set_sort (self->filter, gtk_drop_down_get_selected (self->sort_dropdown));
}

static char *
date_text (GDateTime *date)
{
  return g_date_time_format (date, "%Y-%m-%d");
}

static void
dates_changed_cb (VankhoFilterPopover *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  DatePreset preset;

  if (self->syncing)
    return;

  preset = gtk_drop_down_get_selected (self->dates_dropdown);
  gtk_widget_set_visible (self->custom_dates_box, preset == DATES_CUSTOM);

  switch (preset)
    {
    case DATES_LAST_30_DAYS:
      {
        g_autoptr(GDateTime) start = g_date_time_add_days (now, -30);
        from = date_text (start);
        to = date_text (now);
      }
      break;

    case DATES_THIS_YEAR:
      from = g_strdup_printf ("%04d-01-01", g_date_time_get_year (now));
      to = g_strdup_printf ("%04d-12-31", g_date_time_get_year (now));
      break;

    case DATES_LAST_YEAR:
      from = g_strdup_printf ("%04d-01-01", g_date_time_get_year (now) - 1);
      to = g_strdup_printf ("%04d-12-31", g_date_time_get_year (now) - 1);
      break;

    case DATES_CUSTOM:
      return;

    case DATES_ANY:
    default:
      break;
    }

  vankho_article_filter_set_dates (self->filter, from, to);
}

static gboolean
read_date_entry (GtkEntry  *entry,
                 char     **iso)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  VankhoDate date;

  *iso = NULL;
  if (*text == '\0')
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      return TRUE;
    }

  if (!vankho_date_parse_iso (&date, text))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return FALSE;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  *iso = vankho_date_to_iso (&date);
  return TRUE;
}

static void
custom_dates_changed_cb (VankhoFilterPopover *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (self->syncing)
    return;

  /* A half-typed date is not applied; the entry shows it is not one yet. */
  if (read_date_entry (self->date_from_entry, &from) & read_date_entry (self->date_to_entry, &to))
    vankho_article_filter_set_dates (self->filter, from, to);
}

static void
vankho_filter_popover_dispose (GObject *object)
{
  VankhoFilterPopover *self = (VankhoFilterPopover *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (vankho_filter_popover_parent_class)->dispose (object);
}

static void
vankho_filter_popover_finalize (GObject *object)
{
  VankhoFilterPopover *self = (VankhoFilterPopover *)object;

  g_clear_pointer (&self->province_codes, g_ptr_array_unref);
  g_clear_pointer (&self->document_ids, g_array_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->outlets, g_ptr_array_unref);

  G_OBJECT_CLASS (vankho_filter_popover_parent_class)->finalize (object);
}

static void
vankho_filter_popover_class_init (VankhoFilterPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vankho_filter_popover_dispose;
  object_class->finalize = vankho_filter_popover_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vankho-filter-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, VankhoFilterPopover, province_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VankhoFilterPopover, document_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VankhoFilterPopover, dates_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VankhoFilterPopover, custom_dates_box);
  gtk_widget_class_bind_template_child (widget_class, VankhoFilterPopover, date_from_entry);
  gtk_widget_class_bind_template_child (widget_class, VankhoFilterPopover, date_to_entry);
  gtk_widget_class_bind_template_child (widget_class, VankhoFilterPopover, outlet_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VankhoFilterPopover, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VankhoFilterPopover, unread_switch);
  gtk_widget_class_bind_template_child (widget_class, VankhoFilterPopover, starred_switch);
  gtk_widget_class_bind_template_child (widget_class, VankhoFilterPopover, sort_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, dates_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, custom_dates_changed_cb);
}

static void
vankho_filter_popover_init (VankhoFilterPopover *self)
{
  self->province_codes = g_ptr_array_new_with_free_func (g_free);
  self->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->tags = g_ptr_array_new_with_free_func (g_free);
  self->outlets = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vankho_filter_popover_new (VankhoLibrary       *library,
                           VankhoArticleFilter *filter)
{
  VankhoFilterPopover *self;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (VANKHO_IS_ARTICLE_FILTER (filter), NULL);

  self = g_object_new (VANKHO_TYPE_FILTER_POPOVER, NULL);
  self->library = g_object_ref (library);
  self->filter = g_object_ref (filter);

  g_signal_connect_object (filter, "changed", G_CALLBACK (sync_from_filter), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}
