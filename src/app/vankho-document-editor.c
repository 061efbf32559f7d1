/* vankho-document-editor.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Corrects a document's title, issuer and date; the library keeps the
 * correction as the user's, through re-extraction.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vankho-document-editor.h"

struct _VankhoDocumentEditor
{
  AdwMessageDialog  parent_instance;

  VankhoLibrary    *library;
  gint64            document_id;

  AdwEntryRow      *title_row;
  AdwEntryRow      *issuer_row;
  AdwEntryRow      *date_row;
};

G_DEFINE_FINAL_TYPE (VankhoDocumentEditor, vankho_document_editor, ADW_TYPE_MESSAGE_DIALOG)

enum {
  SAVED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * vankho_document_parse_date:
 * @text: a date as Vietnamese writes it ('16/3/2022', '3/2022', '2022') or
 *   ISO 8601; empty for unknown
 *
 * Returns: %TRUE if @text is a date (or empty: @date is then unknown)
 */
gboolean
vankho_document_parse_date (const char *text,
                            VankhoDate *date)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *clean = NULL;
  guint values[3] = { 0 };
  guint n;

  *date = (VankhoDate) { 0 };

  clean = g_strstrip (g_strdup (text ? text : ""));
  if (*clean == '\0')
    return TRUE;

  if (vankho_date_parse_iso (date, clean))
    return TRUE;

  parts = g_strsplit_set (clean, "/.-", 4);
  n = g_strv_length (parts);
  if (n == 0 || n > 3)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));
      guint64 value;

      if (!g_ascii_string_to_unsigned (part, 10, 1, 9999, &value, NULL))
        return FALSE;
      values[i] = value;
    }

  /* Day first, as Vietnamese dates are written. */
  switch (n)
    {
    case 1:
      return vankho_date_set (date, values[0], 0, 0);
    case 2:
      return vankho_date_set (date, values[1], values[0], 0);
    default:
      return vankho_date_set (date, values[2], values[1], values[0]);
    }
}

static void
date_changed_cb (VankhoDocumentEditor *self)
{
  VankhoDate date;
  gboolean valid = vankho_document_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &date);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", valid);
}

static void
response_cb (VankhoDocumentEditor *self,
             const char           *response)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *issuer = NULL;
  VankhoDate date;

  if (!g_str_equal (response, "save"))
    return;

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  issuer = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->issuer_row))));
  if (!vankho_document_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &date))
    return;

  if (!vankho_library_update_document (self->library, self->document_id, title, issuer,
                                       date.precision != VANKHO_DATE_PRECISION_UNKNOWN ? &date : NULL,
                                       &error))
    {
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0);
}

static void
vankho_document_editor_dispose (GObject *object)
{
  VankhoDocumentEditor *self = (VankhoDocumentEditor *)object;

  g_clear_object (&self->library);

  G_OBJECT_CLASS (vankho_document_editor_parent_class)->dispose (object);
}

static void
vankho_document_editor_class_init (VankhoDocumentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vankho_document_editor_dispose;

  /**
   * VankhoDocumentEditor::saved:
   *
   * The correction is stored.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * VankhoDocumentEditor::failed:
   * @message: what went wrong, for the user
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vankho-document-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VankhoDocumentEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, VankhoDocumentEditor, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, VankhoDocumentEditor, date_row);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, response_cb);
}

static void
vankho_document_editor_init (VankhoDocumentEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

VankhoDocumentEditor *
vankho_document_editor_new (VankhoLibrary               *library,
                            const VankhoDocumentDetails *details)
{
  VankhoDocumentEditor *self;
  VankhoDate date = { 0 };
  g_autofree char *date_text = NULL;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (details != NULL, NULL);

  self = g_object_new (VANKHO_TYPE_DOCUMENT_EDITOR, NULL);
  self->library = g_object_ref (library);
  self->document_id = details->id;

  if (vankho_date_parse_iso (&date, details->issued))
    {
      if (date.precision == VANKHO_DATE_PRECISION_DAY)
        date_text = g_strdup_printf ("%u/%u/%u", date.day, date.month, date.year);
      else if (date.precision == VANKHO_DATE_PRECISION_MONTH)
        date_text = g_strdup_printf ("%u/%u", date.month, date.year);
      else
        date_text = g_strdup_printf ("%u", date.year);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), details->title ? details->title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->issuer_row), details->issuer ? details->issuer : "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date_text ? date_text : "");

  return self;
}
