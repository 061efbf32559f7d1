/* vankho-document-row.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One row of the document list: kind and symbol, short title, issuer and
 * date issued, and how many articles cite it.
 */

#include "config.h"

#include <inttypes.h>

#include <string.h>
#include <glib/gi18n.h>

#include "vankho-document-row.h"
#include "vankho-format.h"

struct _VankhoDocumentRow
{
  GtkListBoxRow  parent_instance;

  gint64         id;
  char          *kind;
  char          *issuer;
  char          *name;
  gint64         n_articles;

  GtkLabel      *name_label;
  GtkLabel      *title_label;
  GtkLabel      *meta_label;
  GtkLabel      *count_label;
};

G_DEFINE_FINAL_TYPE (VankhoDocumentRow, vankho_document_row, GTK_TYPE_LIST_BOX_ROW)

/**
 * vankho_document_dup_name:
 * @key: (nullable): the canonical key, for entries known by nothing else
 *
 * Returns: (transfer full): how lists name a document: 'Nghị quyết
 *   12-NQ/TW', 'Quy chế 426'
 */
char *
vankho_document_dup_name (const char *kind,
                          const char *number,
                          const char *symbol,
                          const char *key)
{
  const char *colon;

  if (symbol != NULL)
    return g_strdup_printf ("%s %s", kind, symbol);
  if (number != NULL)
    return g_strdup_printf ("%s %s", kind, number);

  /* 'nq:tw4-khoa-xii': what the extractor knew it by. */
  colon = key ? strchr (key, ':') : NULL;
  if (colon != NULL && colon[1] != '\0')
    return g_strdup_printf ("%s (%s)", kind, colon + 1);

  return g_strdup (kind);
}

/**
 * vankho_document_format_issued:
 * @iso: (nullable): a date at its precision
 *
 * Returns: (transfer full) (nullable): the date for display, or %NULL
 */
char *
vankho_document_format_issued (const char *iso)
{
  VankhoDate date = { 0 };

  if (iso == NULL || !vankho_date_parse_iso (&date, iso))
    return NULL;

  return vankho_format_date (&date);
}

static void
vankho_document_row_dispose (GObject *object)
{
  VankhoDocumentRow *self = (VankhoDocumentRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VANKHO_TYPE_DOCUMENT_ROW);

  G_OBJECT_CLASS (vankho_document_row_parent_class)->dispose (object);
}

static void
vankho_document_row_finalize (GObject *object)
{
  VankhoDocumentRow *self = (VankhoDocumentRow *)object;

  g_free (self->kind);
  g_free (self->issuer);
  g_free (self->name);

  G_OBJECT_CLASS (vankho_document_row_parent_class)->finalize (object);
}

static void
vankho_document_row_class_init (VankhoDocumentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vankho_document_row_dispose;
  object_class->finalize = vankho_document_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vankho-document-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VankhoDocumentRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, VankhoDocumentRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, VankhoDocumentRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, VankhoDocumentRow, count_label);
}

static void
vankho_document_row_init (VankhoDocumentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vankho_document_row_new:
 * @summary: the document; copied
 */
GtkWidget *
vankho_document_row_new (const VankhoDocumentSummary *summary)
{
  VankhoDocumentRow *self;
  g_autofree char *issued = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *count = NULL;
  g_autofree char *tooltip = NULL;

  g_return_val_if_fail (summary != NULL, NULL);

  self = g_object_new (VANKHO_TYPE_DOCUMENT_ROW, NULL);
  self->id = summary->id;
  self->kind = g_strdup (summary->kind);
  self->issuer = g_strdup (summary->issuer);
  self->name = vankho_document_dup_name (summary->kind, summary->number, summary->symbol, summary->key);
  self->n_articles = summary->n_articles;

  issued = vankho_document_format_issued (summary->issued);
  if (summary->issuer != NULL && issued != NULL)
    meta = g_strdup_printf ("%s · %s", summary->issuer, issued);
  else
    meta = g_strdup (summary->issuer ? summary->issuer : issued);

  count = g_strdup_printf ("%" G_GINT64_FORMAT, summary->n_articles);
  tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Cited in %'" PRId64 " article",
                                          "Cited in %'" PRId64 " articles", summary->n_articles),
                             summary->n_articles);

  gtk_label_set_label (self->name_label, self->name);
  gtk_label_set_label (self->title_label, summary->title ? summary->title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), summary->title != NULL);
  gtk_label_set_label (self->meta_label, meta ? meta : "");
  gtk_widget_set_visible (GTK_WIDGET (self->meta_label), meta != NULL);
  gtk_label_set_label (self->count_label, count);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->count_label), tooltip);

  return GTK_WIDGET (self);
}

gint64
vankho_document_row_get_id (VankhoDocumentRow *self)
{
  g_return_val_if_fail (VANKHO_IS_DOCUMENT_ROW (self), 0);

  return self->id;
}

const char *
vankho_document_row_get_kind (VankhoDocumentRow *self)
{
  g_return_val_if_fail (VANKHO_IS_DOCUMENT_ROW (self), NULL);

  return self->kind;
}

const char *
vankho_document_row_get_issuer (VankhoDocumentRow *self)
{
  g_return_val_if_fail (VANKHO_IS_DOCUMENT_ROW (self), NULL);

  return self->issuer;
}

const char *
vankho_document_row_get_name (VankhoDocumentRow *self)
{
  g_return_val_if_fail (VANKHO_IS_DOCUMENT_ROW (self), NULL);

  return self->name;
}

gint64
vankho_document_row_get_n_articles (VankhoDocumentRow *self)
{
  g_return_val_if_fail (VANKHO_IS_DOCUMENT_ROW (self), 0);

  return self->n_articles;
}
