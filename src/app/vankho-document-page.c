/* vankho-document-page.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The right side of the Resolutions view: one document, its full
 * designation, a timeline of the articles citing it, the implementation
 * table (provinces down, events across, the earliest article in each
 * cell), the citing articles with their sentence, and the documents cited
 * with it. Everything is read in one worker thread on the library's reader
 * connection, so that a much-cited document never blocks the window.
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "vankho-document-chooser.h"
#include "vankho-document-page.h"
#include "vankho-export.h"
#include "vankho-document-row.h"
#include "vankho-format.h"
#include "vankho-text.h"
#include "vankho-timeline.h"

/* The newest this many citing articles are listed; the month filter and
 * the Articles view reach the rest. */
#define CITING_LIMIT 200
#define RELATED_LIMIT 8

struct _VankhoDocumentPage
{
  GtkWidget              parent_instance;

  VankhoLibrary         *library;
  gint64                 document_id;
  char                  *month;
  VankhoDocumentDetails *details;
  GCancellable          *cancellable;
  gboolean               loading;

  GtkStack              *stack;
  GtkScrolledWindow     *scroller;
  GtkLabel              *kind_label;
  GtkLabel              *designation_label;
  GtkLabel              *meta_label;
  VankhoTimeline        *timeline;
  GtkLabel              *table_empty_label;
  GtkWidget             *table_scroller;
  GtkGrid               *table_grid;
  GtkLabel              *citing_heading;
  GtkWidget             *month_button;
  AdwButtonContent      *month_content;
  GtkListBox            *citing_list;
  GtkLabel              *citing_more_label;
  GtkWidget             *related_heading;
  GtkListBox            *related_list;
};

G_DEFINE_FINAL_TYPE (VankhoDocumentPage, vankho_document_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_MONTH,
  PROP_LOADING,
  N_PROPS
};

enum {
  SHOW_ARTICLE,
  SHOW_DOCUMENT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What one load brings back from the worker thread. */
typedef struct
{
  gint64                 document_id;
  char                  *month;
  VankhoDocumentDetails *details;
  GArray                *months;
  GPtrArray             *cells;
  GPtrArray             *citing;
  GPtrArray             *related;
} PageData;

static void
page_data_free (PageData *data)
{
  g_free (data->month);
  g_clear_pointer (&data->details, vankho_document_details_free);
  g_clear_pointer (&data->months, g_array_unref);
  g_clear_pointer (&data->cells, g_ptr_array_unref);
  g_clear_pointer (&data->citing, g_ptr_array_unref);
  g_clear_pointer (&data->related, g_ptr_array_unref);
  g_free (data);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  VankhoLibrary *library = source_object;
  PageData *data = task_data;
  GError *error = NULL;

  if ((data->details = vankho_library_get_document (library, data->document_id, &error)) == NULL ||
      (data->months = vankho_library_count_citations_by_month (library, data->document_id, &error)) == NULL ||
      (data->cells = vankho_library_get_implementation (library, data->document_id, &error)) == NULL ||
      (data->citing = vankho_library_list_citing_articles (library, data->document_id, data->month,
                                                           CITING_LIMIT, &error)) == NULL ||
      (data->related = vankho_library_list_related_documents (library, data->document_id,
                                                              RELATED_LIMIT, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
remove_children (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else if (GTK_IS_GRID (container))
        gtk_grid_remove (GTK_GRID (container), child);
      else
        gtk_widget_unparent (child);
    }
}

static void
show_toast (VankhoDocumentPage *self,
            const char         *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

/* '1 năm' is 12, '6 tháng' 6: reviews sort by how long they look back. */
static guint
period_months (const char *period,
               guint      *count,
               gboolean   *years)
{
  g_autofree char *folded = NULL;
  guint64 n;
  char *end = NULL;

  *count = 0;
  *years = FALSE;
  if (period == NULL)
    return 0;

  n = g_ascii_strtoull (period, &end, 10);
  if (end == period)
    return G_MAXUINT;

  folded = vankho_text_fold (end, -1);
  *count = n;
  *years = strstr (folded, "nam") != NULL;
  return *years ? n * 12 : n;
}

static char *
event_label (const char *kind,
             const char *period)
{
  const char *name = vankho_format_event_kind (kind);
  guint count;
  gboolean years;

  if (period_months (period, &count, &years) == 0)
    return g_strdup (name);

  if (count == 0)
    return g_strdup_printf ("%s (%s)", name, period);

  if (years)
    /* Translators: an event and its period: 'Interim review, 1 year' */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u year", "%s, %u years", count), name, count);
  else
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u month", "%s, %u months", count), name, count);
}

static int
compare_columns (gconstpointer a,
                 gconstpointer b)
{
  const VankhoImplementationCell *x = *(VankhoImplementationCell * const *) a;
  const VankhoImplementationCell *y = *(VankhoImplementationCell * const *) b;
  guint rx = vankho_format_event_kind_rank (x->kind), ry = vankho_format_event_kind_rank (y->kind);
  guint c;
  gboolean years;

  if (rx != ry)
    return rx < ry ? -1 : 1;
  if (!g_str_equal (x->kind, y->kind))
    return g_strcmp0 (x->kind, y->kind);

  rx = period_months (x->period, &c, &years);
  ry = period_months (y->period, &c, &years);
  return (rx > ry) - (rx < ry);
}

static int
compare_provinces (gconstpointer a,
                   gconstpointer b)
{
  const VankhoImplementationCell *x = *(VankhoImplementationCell * const *) a;
  const VankhoImplementationCell *y = *(VankhoImplementationCell * const *) b;

  if ((x->province_name == NULL) != (y->province_name == NULL))
    return x->province_name == NULL ? 1 : -1;
  if (x->province_name == NULL)
    return 0;
  return g_utf8_collate (x->province_name, y->province_name);
}

static char *
column_key (const VankhoImplementationCell *cell)
{
  return g_strdup_printf ("%s\x1f%s", cell->kind, cell->period ? cell->period : "");
}

static void
cell_clicked_cb (GtkButton          *button,
                 VankhoDocumentPage *self)
{
  gint64 *article_id = g_object_get_data (G_OBJECT (button), "article-id");

  g_signal_emit (self, signals[SHOW_ARTICLE], 0, *article_id);
}

static void
fill_table (VankhoDocumentPage *self,
            GPtrArray          *cells)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  g_autoptr(GPtrArray) provinces = g_ptr_array_new ();
  g_autoptr(GHashTable) column_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) row_index = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *corner;

  remove_children (GTK_WIDGET (self->table_grid));

  gtk_widget_set_visible (GTK_WIDGET (self->table_empty_label), cells->len == 0);
  gtk_widget_set_visible (self->table_scroller, cells->len > 0);
  if (cells->len == 0)
    return;

  for (guint i = 0; i < cells->len; i++)
    {
      VankhoImplementationCell *cell = g_ptr_array_index (cells, i);
      char *key = column_key (cell);
      const char *province = cell->province ? cell->province : "";

      if (!g_hash_table_contains (column_index, key))
        {
          g_hash_table_insert (column_index, key, NULL);
          g_ptr_array_add (columns, cell);
        }
      else
        g_free (key);

      if (!g_hash_table_contains (row_index, province))
        {
          g_hash_table_insert (row_index, (char *) province, NULL);
          g_ptr_array_add (provinces, cell);
        }
    }

  g_ptr_array_sort (columns, compare_columns);
  g_ptr_array_sort (provinces, compare_provinces);

  corner = gtk_label_new (_("Province"));
  gtk_label_set_xalign (GTK_LABEL (corner), 0);
  gtk_label_set_yalign (GTK_LABEL (corner), 1);
  gtk_widget_add_css_class (corner, "caption-heading");
  gtk_grid_attach (self->table_grid, corner, 0, 0, 1, 1);

  for (guint c = 0; c < columns->len; c++)
    {
      VankhoImplementationCell *cell = g_ptr_array_index (columns, c);
      g_autofree char *label = event_label (cell->kind, cell->period);
      GtkWidget *header = gtk_label_new (label);

      g_hash_table_insert (column_index, column_key (cell), GUINT_TO_POINTER (c + 1));
      gtk_label_set_wrap (GTK_LABEL (header), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (header), 12);
      gtk_label_set_justify (GTK_LABEL (header), GTK_JUSTIFY_CENTER);
      gtk_label_set_yalign (GTK_LABEL (header), 1);
      gtk_widget_set_margin_start (header, 6);
      gtk_widget_set_margin_end (header, 6);
      gtk_widget_add_css_class (header, "caption-heading");
      gtk_grid_attach (self->table_grid, header, c + 1, 0, 1, 1);
    }

  for (guint r = 0; r < provinces->len; r++)
    {
      VankhoImplementationCell *cell = g_ptr_array_index (provinces, r);
      const char *name = cell->province_name ? cell->province_name :
                         cell->province ? cell->province : _("No province");
      GtkWidget *label = gtk_label_new (name);

      g_hash_table_insert (row_index, cell->province ? cell->province : "", GUINT_TO_POINTER (r + 1));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_end (label, 12);
      if (cell->province == NULL)
        gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->table_grid, label, 0, r + 1, 1, 1);

      /* An empty cell says so quietly, so that the gaps read as gaps. */
      for (guint c = 0; c < columns->len; c++)
        {
          GtkWidget *dash = gtk_label_new ("–");

          gtk_widget_add_css_class (dash, "dim-label");
          gtk_grid_attach (self->table_grid, dash, c + 1, r + 1, 1, 1);
        }
    }

  for (guint i = 0; i < cells->len; i++)
    {
      VankhoImplementationCell *cell = g_ptr_array_index (cells, i);
      g_autofree char *key = column_key (cell);
      guint column = GPOINTER_TO_UINT (g_hash_table_lookup (column_index, key));
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (row_index, cell->province ? cell->province : ""));
      g_autofree char *date = vankho_document_format_issued (cell->earliest);
      g_autofree char *event = event_label (cell->kind, cell->period);
      g_autofree char *tooltip = NULL;
      GtkWidget *button;
      GtkWidget *old;
      gint64 *article_id;

      tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%s · %s: first reported %s, in %'" PRId64 " article",
                                              "%s · %s: first reported %s, in %'" PRId64 " articles",
                                              cell->n_articles),
                                 cell->province_name ? cell->province_name : _("No province"),
                                 event, date ? date : _("Undated"), cell->n_articles);

      button = gtk_button_new_with_label (date ? date : _("Undated"));
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "numeric");
      gtk_widget_set_tooltip_text (button, tooltip);
      article_id = g_new (gint64, 1);
      *article_id = cell->article_id;
      g_object_set_data_full (G_OBJECT (button), "article-id", article_id, g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (cell_clicked_cb), self);

      old = gtk_grid_get_child_at (self->table_grid, column, row);
      if (old != NULL)
        gtk_grid_remove (self->table_grid, old);
      gtk_grid_attach (self->table_grid, button, column, row, 1, 1);
    }
}

static char *
sentence_markup (const char *sentence,
                 const char *mention)
{
  const char *at;
  g_autofree char *before = NULL;
  g_autofree char *bold = NULL;
  g_autofree char *after = NULL;

  if (sentence == NULL)
    return g_strdup ("");

  at = mention ? strstr (sentence, mention) : NULL;
  if (at == NULL)
    return g_markup_escape_text (sentence, -1);

  before = g_markup_escape_text (sentence, at - sentence);
  bold = g_markup_escape_text (mention, -1);
  after = g_markup_escape_text (at + strlen (mention), -1);
  return g_strdup_printf ("%s<b>%s</b>%s", before, bold, after);
}

static GtkWidget *
citing_row_new (const VankhoCitingArticle *article)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) reject = NULL;
  g_autoptr(GMenuItem) move = NULL;
  g_autoptr(GPtrArray) meta = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *meta_text = NULL;
  g_autofree char *markup = NULL;
  GtkWidget *row, *box, *text, *title, *meta_label, *sentence, *menu_button;
  char *date = vankho_document_format_issued (article->published);
  gint64 *article_id;

  g_ptr_array_add (meta, date ? date : g_strdup (_("Undated")));
  if (article->province_name != NULL)
    g_ptr_array_add (meta, g_strdup (article->province_name));
  if (article->outlet != NULL)
    g_ptr_array_add (meta, g_strdup (article->outlet));
  if (article->n_mentions > 1)
    g_ptr_array_add (meta, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " mention",
                                                         "%" PRId64 " mentions", article->n_mentions),
                                            article->n_mentions));
  g_ptr_array_add (meta, NULL);
  meta_text = g_strjoinv (" · ", (char **) meta->pdata);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);

  title = gtk_label_new (article->title);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (text), title);

  meta_label = gtk_label_new (meta_text);
  gtk_label_set_xalign (GTK_LABEL (meta_label), 0);
  gtk_label_set_wrap (GTK_LABEL (meta_label), TRUE);
  gtk_widget_add_css_class (meta_label, "caption");
  gtk_widget_add_css_class (meta_label, "dim-label");
  gtk_box_append (GTK_BOX (text), meta_label);

  markup = sentence_markup (article->sentence, article->mention);
  sentence = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (sentence), markup);
  gtk_label_set_xalign (GTK_LABEL (sentence), 0);
  gtk_label_set_wrap (GTK_LABEL (sentence), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (sentence), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (sentence), 4);
  gtk_label_set_ellipsize (GTK_LABEL (sentence), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (text), sentence);

  reject = g_menu_item_new (_("Not a Citation of This Document"), NULL);
  g_menu_item_set_action_and_target (reject, "page.reject-citation", "x", article->citation_id);
  move = g_menu_item_new (_("Attach to Another Document…"), NULL);
  g_menu_item_set_action_and_target (move, "page.move-citation", "x", article->citation_id);
  g_menu_append_item (menu, move);
  g_menu_append_item (menu, reject);

  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (menu_button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (menu_button, _("Correct This Citation"));
  /* A tooltip is only the description: icon-only buttons need a label too. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Correct This Citation"), -1);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_box_append (GTK_BOX (box), menu_button);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  article_id = g_new (gint64, 1);
  *article_id = article->article_id;
  g_object_set_data_full (G_OBJECT (row), "article-id", article_id, g_free);

  return row;
}

static void
fill_citing (VankhoDocumentPage *self,
             PageData           *data)
{
  g_autofree char *heading = NULL;
  gint64 total = self->details->n_articles;

  remove_children (GTK_WIDGET (self->citing_list));
  for (guint i = 0; i < data->citing->len; i++)
    gtk_list_box_append (self->citing_list, citing_row_new (g_ptr_array_index (data->citing, i)));

  gtk_widget_set_visible (GTK_WIDGET (self->citing_list), data->citing->len > 0);

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " Citing Article",
                                          "%" PRId64 " Citing Articles", total), total);
  gtk_label_set_label (self->citing_heading, heading);

  gtk_widget_set_visible (self->month_button, data->month != NULL);
  if (data->month != NULL)
    {
      VankhoDate date = { 0 };
      g_autofree char *label = NULL;

      vankho_date_parse_iso (&date, data->month);
      label = vankho_format_date (&date);
      adw_button_content_set_label (self->month_content, label);
    }

  if (data->month == NULL && data->citing->len < total)
    {
      g_autofree char *more = g_strdup_printf (_("The newest %u are listed; choose a month above, or see "
                                                 "them all in the Articles view"), data->citing->len);
      gtk_label_set_label (self->citing_more_label, more);
      gtk_widget_set_visible (GTK_WIDGET (self->citing_more_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->citing_more_label), FALSE);
}

static void
fill_related (VankhoDocumentPage *self,
              GPtrArray          *related)
{
  remove_children (GTK_WIDGET (self->related_list));

  for (guint i = 0; i < related->len; i++)
    {
      const VankhoDocumentSummary *summary = g_ptr_array_index (related, i);
      GtkWidget *row = vankho_document_row_new (summary);
      g_autofree char *tooltip = NULL;

      tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Cited together in %'" PRId64 " article",
                                              "Cited together in %'" PRId64 " articles",
                                              summary->n_articles), summary->n_articles);
      gtk_widget_set_tooltip_text (row, tooltip);
      gtk_list_box_append (self->related_list, row);
    }

  gtk_widget_set_visible (self->related_heading, related->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->related_list), related->len > 0);
}

static void
fill (VankhoDocumentPage *self,
      PageData           *data)
{
  VankhoDocumentDetails *details = self->details;
  g_autofree char *designation = vankho_document_details_dup_designation (details);
  g_autofree char *kind = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *first = vankho_document_format_issued (details->first);
  g_autofree char *latest = vankho_document_format_issued (details->latest);
  GString *meta = g_string_new (NULL);
  g_autofree char *meta_text = NULL;

  kind = details->issuer ? g_strdup_printf ("%s · %s", details->kind, details->issuer) : g_strdup (details->kind);
  gtk_label_set_label (self->kind_label, kind);
  gtk_label_set_label (self->designation_label, designation);

  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Cited in %'" PRId64 " article",
                                         "Cited in %'" PRId64 " articles", details->n_articles),
                            details->n_articles);
  g_string_append (meta, counts);
  if (first != NULL && latest != NULL && g_strcmp0 (details->first, details->latest) != 0)
    /* Translators: the first and the latest citing article's dates */
    g_string_append_printf (meta, _(", from %s to %s"), first, latest);
  else if (first != NULL)
    g_string_append_printf (meta, _(", on %s"), first);
  if (details->n_merged > 0)
    g_string_append_printf (meta, g_dngettext (GETTEXT_PACKAGE, " · %" PRId64 " entry merged into it",
                                               " · %" PRId64 " entries merged into it",
                                               details->n_merged), details->n_merged);
  if (g_strcmp0 (details->origin, "user") == 0)
    g_string_append_printf (meta, " · %s", _("Corrected by you"));
  meta_text = g_string_free (meta, FALSE);
  gtk_label_set_label (self->meta_label, meta_text);

  vankho_timeline_set_months (self->timeline, data->months);
  vankho_timeline_set_selected (self->timeline, data->month);
  gtk_widget_set_visible (GTK_WIDGET (self->timeline), data->months->len > 0);

  fill_table (self, data->cells);
  fill_citing (self, data);
  fill_related (self, data->related);

  gtk_stack_set_visible_child_name (self->stack, "document");
}

static void
set_loading (VankhoDocumentPage *self,
             gboolean            loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(VankhoDocumentPage) self = user_data;
  g_autoptr(GError) error = NULL;
  PageData *data = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_loading (self, FALSE);
          show_toast (self, error->message);
        }
      return;
    }

  /* Only the latest load is shown. */
  if (data->document_id != self->document_id || g_strcmp0 (data->month, self->month) != 0)
    return;

  g_clear_pointer (&self->details, vankho_document_details_free);
  self->details = g_steal_pointer (&data->details);
  fill (self, data);

  set_loading (self, FALSE);
}

/**
 * vankho_document_page_reload:
 *
 * Reads the document again, in a worker thread; the page keeps showing
 * what it shows until the new facts are in.
 */
void
vankho_document_page_reload (VankhoDocumentPage *self)
{
  g_autoptr(GTask) task = NULL;
  PageData *data;

  g_return_if_fail (VANKHO_IS_DOCUMENT_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->library == NULL || self->document_id <= 0)
    {
      g_clear_pointer (&self->details, vankho_document_details_free);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      set_loading (self, FALSE);
      return;
    }

  self->cancellable = g_cancellable_new ();
  data = g_new0 (PageData, 1);
  data->document_id = self->document_id;
  data->month = g_strdup (self->month);

  task = g_task_new (self->library, self->cancellable, load_cb, g_object_ref (self));
  g_task_set_source_tag (task, vankho_document_page_reload);
  g_task_set_task_data (task, data, (GDestroyNotify) page_data_free);
  set_loading (self, TRUE);
  g_task_run_in_thread (task, load_in_thread);
}

static void
month_activated_cb (VankhoDocumentPage *self,
                    const char         *month)
{
  /* Clicking the chosen month again shows them all. */
  vankho_document_page_set_month (self, g_strcmp0 (month, self->month) == 0 ? NULL : month);
}

static void
clear_month_cb (VankhoDocumentPage *self)
{
  vankho_document_page_set_month (self, NULL);
}

static void
citing_activated_cb (VankhoDocumentPage *self,
                     GtkListBoxRow      *row)
{
  gint64 *article_id = g_object_get_data (G_OBJECT (row), "article-id");

  if (article_id != NULL)
    g_signal_emit (self, signals[SHOW_ARTICLE], 0, *article_id);
}

static void
related_activated_cb (VankhoDocumentPage *self,
                      GtkListBoxRow      *row)
{
  g_signal_emit (self, signals[SHOW_DOCUMENT], 0, vankho_document_row_get_id (VANKHO_DOCUMENT_ROW (row)));
}

static void
reject_citation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  VankhoDocumentPage *self = VANKHO_DOCUMENT_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!vankho_library_reject_citation (self->library, g_variant_get_int64 (parameter), TRUE, &error))
    {
      show_toast (self, error->message);
      return;
    }

  show_toast (self, _("The mention no longer counts as a citation of this document"));
  vankho_library_articles_changed (self->library);
}

static void
citation_target_chosen_cb (VankhoDocumentPage *self,
                           gint64              document_id,
                           VankhoDocumentChooser *chooser)
{
  gint64 citation_id = vankho_document_chooser_get_context (chooser);
  g_autoptr(GError) error = NULL;

  if (!vankho_library_move_citation (self->library, citation_id, document_id, &error))
    {
      show_toast (self, error->message);
      return;
    }

  show_toast (self, _("The mention is attached to the other document"));
  vankho_library_articles_changed (self->library);
}

static void
move_citation_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VankhoDocumentPage *self = VANKHO_DOCUMENT_PAGE (widget);
  VankhoDocumentChooser *chooser;

  chooser = vankho_document_chooser_new (self->library, self->document_id,
                                         _("Attach to Another Document"),
                                         _("Choose the document this mention really cites"),
                                         _("_Attach"));
  vankho_document_chooser_set_context (chooser, g_variant_get_int64 (parameter));
  g_signal_connect_object (chooser, "chosen", G_CALLBACK (citation_target_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (chooser), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (chooser));
}

static void
vankho_document_page_dispose (GObject *object)
{
  VankhoDocumentPage *self = (VankhoDocumentPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VANKHO_TYPE_DOCUMENT_PAGE);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (vankho_document_page_parent_class)->dispose (object);
}

static void
vankho_document_page_finalize (GObject *object)
{
  VankhoDocumentPage *self = (VankhoDocumentPage *)object;

  g_clear_pointer (&self->details, vankho_document_details_free);
  g_free (self->month);

  G_OBJECT_CLASS (vankho_document_page_parent_class)->finalize (object);
}

static void
vankho_document_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VankhoDocumentPage *self = VANKHO_DOCUMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_int64 (value, self->document_id);
      break;

    case PROP_MONTH:
      g_value_set_string (value, self->month);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vankho_document_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  VankhoDocumentPage *self = VANKHO_DOCUMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      vankho_document_page_set_document (self, g_value_get_int64 (value));
      break;

    case PROP_MONTH:
      vankho_document_page_set_month (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
export_response_cb (GtkNativeDialog    *chooser,
                    int                 response,
                    VankhoDocumentPage *self)
{
  gboolean table = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "table"));

  if (response == GTK_RESPONSE_ACCEPT && self->library != NULL && self->document_id > 0)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GFileOutputStream) out = NULL;
      g_autoptr(GError) error = NULL;

      out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
      if (out == NULL ||
          !(table ? vankho_export_implementation (self->library, self->document_id, G_OUTPUT_STREAM (out), &error)
                  : vankho_export_citations (self->library, self->document_id, G_OUTPUT_STREAM (out), &error)) ||
          !g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error))
        {
          GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

          if (overlay != NULL)
            adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VankhoDocumentPage *self = VANKHO_DOCUMENT_PAGE (widget);
  gboolean table = g_str_equal (action_name, "page.export-table");
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (table ? _("Export the Implementation Table")
                                               : _("Export the Citing Articles"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     table ? "implementation.csv" : "citations.csv");
  g_object_set_data (G_OBJECT (chooser), "table", GINT_TO_POINTER (table));
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
vankho_document_page_class_init (VankhoDocumentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vankho_document_page_dispose;
  object_class->finalize = vankho_document_page_finalize;
  object_class->get_property = vankho_document_page_get_property;
  object_class->set_property = vankho_document_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_int64 ("document", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MONTH] =
    g_param_spec_string ("month", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VankhoDocumentPage::show-article:
   * @article_id: the article to open
   */
  signals[SHOW_ARTICLE] =
    g_signal_new ("show-article", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * VankhoDocumentPage::show-document:
   * @document_id: a related document the user chose
   */
  signals[SHOW_DOCUMENT] =
    g_signal_new ("show-document", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "page.reject-citation", "x", reject_citation_action);
  gtk_widget_class_install_action (widget_class, "page.move-citation", "x", move_citation_action);
  gtk_widget_class_install_action (widget_class, "page.export-citations", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "page.export-table", NULL, export_action);

  g_type_ensure (VANKHO_TYPE_TIMELINE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vankho-document-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VankhoDocumentPage, stack);
  gtk_widget_class_bind_template_child (widget_class, VankhoDocumentPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, VankhoDocumentPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, VankhoDocumentPage, designation_label);
  gtk_widget_class_bind_template_child (widget_class, VankhoDocumentPage, meta_label);
  gtk_widget_class_bind_template_child (widget_class, VankhoDocumentPage, timeline);
  gtk_widget_class_bind_template_child (widget_class, VankhoDocumentPage, table_empty_label);
  gtk_widget_class_bind_template_child (widget_class, VankhoDocumentPage, table_scroller);
  gtk_widget_class_bind_template_child (widget_class, VankhoDocumentPage, table_grid);
  gtk_widget_class_bind_template_child (widget_class, VankhoDocumentPage, citing_heading);
  gtk_widget_class_bind_template_child (widget_class, VankhoDocumentPage, month_button);
  gtk_widget_class_bind_template_child (widget_class, VankhoDocumentPage, month_content);
  gtk_widget_class_bind_template_child (widget_class, VankhoDocumentPage, citing_list);
  gtk_widget_class_bind_template_child (widget_class, VankhoDocumentPage, citing_more_label);
  gtk_widget_class_bind_template_child (widget_class, VankhoDocumentPage, related_heading);
  gtk_widget_class_bind_template_child (widget_class, VankhoDocumentPage, related_list);
  gtk_widget_class_bind_template_callback (widget_class, month_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_month_cb);
  gtk_widget_class_bind_template_callback (widget_class, citing_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, related_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vankho_document_page_init (VankhoDocumentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
vankho_document_page_set_library (VankhoDocumentPage *self,
                                  VankhoLibrary      *library)
{
  g_return_if_fail (VANKHO_IS_DOCUMENT_PAGE (self));

  if (g_set_object (&self->library, library))
    vankho_document_page_reload (self);
}

gint64
vankho_document_page_get_document (VankhoDocumentPage *self)
{
  g_return_val_if_fail (VANKHO_IS_DOCUMENT_PAGE (self), 0);

  return self->document_id;
}

void
vankho_document_page_set_document (VankhoDocumentPage *self,
                                   gint64              document_id)
{
  g_return_if_fail (VANKHO_IS_DOCUMENT_PAGE (self));

  if (self->document_id == document_id)
    return;

  self->document_id = document_id;
  g_clear_pointer (&self->month, g_free);
  vankho_document_page_reload (self);

  /* A new document starts at its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTH]);
}

/**
 * vankho_document_page_get_details:
 *
 * Returns: (nullable): the document shown, once loaded
 */
const VankhoDocumentDetails *
vankho_document_page_get_details (VankhoDocumentPage *self)
{
  g_return_val_if_fail (VANKHO_IS_DOCUMENT_PAGE (self), NULL);

  return self->details;
}

const char *
vankho_document_page_get_month (VankhoDocumentPage *self)
{
  g_return_val_if_fail (VANKHO_IS_DOCUMENT_PAGE (self), NULL);

  return self->month;
}

/**
 * vankho_document_page_set_month:
 * @month: (nullable): "2023-08" to list only that month's citing articles
 */
void
vankho_document_page_set_month (VankhoDocumentPage *self,
                                const char         *month)
{
  g_return_if_fail (VANKHO_IS_DOCUMENT_PAGE (self));

  if (g_strcmp0 (self->month, month) == 0)
    return;

  g_free (self->month);
  self->month = g_strdup (month);
  vankho_document_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTH]);
}

gboolean
vankho_document_page_get_loading (VankhoDocumentPage *self)
{
  g_return_val_if_fail (VANKHO_IS_DOCUMENT_PAGE (self), FALSE);

  return self->loading;
}
