/* vankho-document-chooser.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Asks for one document, searched like the document list: the entry to
 * merge another into, or the document a mention really cites.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vankho-document-chooser.h"
#include "vankho-document-row.h"
#include "vankho-library-documents.h"

#define MAX_LISTED 300

struct _VankhoDocumentChooser
{
  AdwMessageDialog  parent_instance;

  VankhoLibrary    *library;
  gint64            exclude_id;
  gint64            context;
  GCancellable     *cancellable;

  GtkSearchEntry   *search_entry;
  GtkListBox       *list;
};

G_DEFINE_FINAL_TYPE (VankhoDocumentChooser, vankho_document_chooser, ADW_TYPE_MESSAGE_DIALOG)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
find_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(VankhoDocumentChooser) self = user_data;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  documents = vankho_library_find_documents_finish (VANKHO_LIBRARY (object), result, &error);
  if (documents == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), error->message);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  /* A widget per row: the most cited few hundred, as the search narrows
   * them; a large archive cites tens of thousands.
   */
  for (guint i = 0, n = 0; i < documents->len && n < MAX_LISTED; i++)
    {
      const VankhoDocumentSummary *summary = g_ptr_array_index (documents, i);

      if (summary->id != self->exclude_id)
        {
          gtk_list_box_append (self->list, vankho_document_row_new (summary));
          n++;
        }
    }
}

static void
search (VankhoDocumentChooser *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  vankho_library_find_documents_async (self->library, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                       VANKHO_DOCUMENT_GROUP_NONE, VANKHO_DOCUMENT_SORT_COUNT,
                                       self->cancellable, find_cb, g_object_ref (self));
}

static void
search_changed_cb (VankhoDocumentChooser *self)
{
  search (self);
}

static void
row_selected_cb (VankhoDocumentChooser *self,
                 GtkListBoxRow         *row)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "choose", row != NULL);
}

static void
row_activated_cb (VankhoDocumentChooser *self,
                  GtkListBoxRow         *row)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "choose");
}

static void
response_cb (VankhoDocumentChooser *self,
             const char            *response)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  if (g_str_equal (response, "choose") && row != NULL)
    g_signal_emit (self, signals[CHOSEN], 0, vankho_document_row_get_id (VANKHO_DOCUMENT_ROW (row)));
}

static void
vankho_document_chooser_dispose (GObject *object)
{
  VankhoDocumentChooser *self = (VankhoDocumentChooser *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);

  /* The list unselects its rows as the dialog is destroyed, after the
   * dialog's responses are gone: stop listening first. */
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), VANKHO_TYPE_DOCUMENT_CHOOSER);

  G_OBJECT_CLASS (vankho_document_chooser_parent_class)->dispose (object);
}

static void
vankho_document_chooser_class_init (VankhoDocumentChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vankho_document_chooser_dispose;

  /**
   * VankhoDocumentChooser::chosen:
   * @document_id: the document the user chose
   */
  signals[CHOSEN] =
    g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vankho-document-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, VankhoDocumentChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VankhoDocumentChooser, list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, response_cb);
}

static void
vankho_document_chooser_init (VankhoDocumentChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vankho_document_chooser_new:
 * @exclude_id: a document not to offer (the one being corrected), or 0
 * @choose_label: the label of the button that chooses, with a mnemonic
 */
VankhoDocumentChooser *
vankho_document_chooser_new (VankhoLibrary *library,
                             gint64         exclude_id,
                             const char    *heading,
                             const char    *body,
                             const char    *choose_label)
{
  VankhoDocumentChooser *self;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (library), NULL);

  self = g_object_new (VANKHO_TYPE_DOCUMENT_CHOOSER,
                       "heading", heading,
                       "body", body,
                       NULL);
  self->library = g_object_ref (library);
  self->exclude_id = exclude_id;
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "choose", choose_label);
  search (self);

  return self;
}

/* Whatever the caller wants to remember with the question: the citation
 * being moved. */
gint64
vankho_document_chooser_get_context (VankhoDocumentChooser *self)
{
  g_return_val_if_fail (VANKHO_IS_DOCUMENT_CHOOSER (self), 0);

  return self->context;
}

void
vankho_document_chooser_set_context (VankhoDocumentChooser *self,
                                     gint64                 context)
{
  g_return_if_fail (VANKHO_IS_DOCUMENT_CHOOSER (self));

  self->context = context;
}

void
vankho_document_chooser_set_search (VankhoDocumentChooser *self,
                                    const char            *text)
{
  g_return_if_fail (VANKHO_IS_DOCUMENT_CHOOSER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
}

guint
vankho_document_chooser_get_n_documents (VankhoDocumentChooser *self)
{
  guint n = 0;

  g_return_val_if_fail (VANKHO_IS_DOCUMENT_CHOOSER (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += VANKHO_IS_DOCUMENT_ROW (child);

  return n;
}

/**
 * vankho_document_chooser_choose:
 *
 * Selects @document_id among the rows and answers with it, as a click
 * would; for tests and keyboard flows.
 *
 * Returns: %TRUE if the document was listed
 */
gboolean
vankho_document_chooser_choose (VankhoDocumentChooser *self,
                                gint64                 document_id)
{
  g_return_val_if_fail (VANKHO_IS_DOCUMENT_CHOOSER (self), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (VANKHO_IS_DOCUMENT_ROW (child) &&
          vankho_document_row_get_id (VANKHO_DOCUMENT_ROW (child)) == document_id)
        {
          gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (child));
          adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "choose");
          return TRUE;
        }
    }

  return FALSE;
}
