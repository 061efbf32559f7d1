/* vankho-reader.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shows one article: title, date, outlet and byline, and the body with its
 * paragraphs, selectable for copying.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vankho-format.h"
#include "vankho-reader.h"

struct _VankhoReader
{
  GtkWidget      parent_instance;

  VankhoArticle *article;

  GtkStack      *stack;
  GtkLabel      *title_label;
  GtkLabel      *meta_label;
  GtkTextView   *body_view;
  GtkWidget     *original_button;
  GtkScrolledWindow *scroller;
};

G_DEFINE_FINAL_TYPE (VankhoReader, vankho_reader, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vankho_reader_update (VankhoReader *self)
{
  g_autoptr(GPtrArray) meta = NULL;
  g_autofree char *date = NULL;
  g_autofree char *meta_text = NULL;
  GtkAdjustment *vadjustment;
  const char *url;

  if (self->article == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), "", 0);
      return;
    }

  meta = g_ptr_array_new ();
  date = vankho_format_date (vankho_article_get_published (self->article));
  g_ptr_array_add (meta, date);
  if (vankho_article_get_outlet (self->article))
    g_ptr_array_add (meta, (char *) vankho_article_get_outlet (self->article));
  if (vankho_article_get_byline (self->article))
    g_ptr_array_add (meta, (char *) vankho_article_get_byline (self->article));
  if (vankho_article_get_is_sample (self->article))
    g_ptr_array_add (meta, (char *) C_("article is a sample", "Sample"));
  g_ptr_array_add (meta, NULL);
  meta_text = g_strjoinv (" · ", (char **) meta->pdata);

  gtk_label_set_label (self->title_label, vankho_article_get_title (self->article));
  gtk_label_set_label (self->meta_label, meta_text);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view),
                            vankho_article_get_body (self->article) ?: "", -1);

  url = vankho_article_get_url (self->article);
  gtk_widget_set_visible (self->original_button, url != NULL);
  gtk_widget_set_tooltip_text (self->original_button, url);

  vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gtk_adjustment_set_value (vadjustment, 0);

  gtk_stack_set_visible_child_name (self->stack, "article");
}

static void
open_original_cb (VankhoReader *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->article != NULL && vankho_article_get_url (self->article) != NULL)
    gtk_show_uri (GTK_WINDOW (root), vankho_article_get_url (self->article), GDK_CURRENT_TIME);
}

static void
vankho_reader_dispose (GObject *object)
{
  VankhoReader *self = (VankhoReader *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VANKHO_TYPE_READER);
  g_clear_object (&self->article);

  G_OBJECT_CLASS (vankho_reader_parent_class)->dispose (object);
}

static void
vankho_reader_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VankhoReader *self = VANKHO_READER (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vankho_reader_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VankhoReader *self = VANKHO_READER (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      vankho_reader_set_article (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vankho_reader_class_init (VankhoReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vankho_reader_dispose;
  object_class->get_property = vankho_reader_get_property;
  object_class->set_property = vankho_reader_set_property;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, VANKHO_TYPE_ARTICLE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vankho-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, VankhoReader, stack);
  gtk_widget_class_bind_template_child (widget_class, VankhoReader, title_label);
  gtk_widget_class_bind_template_child (widget_class, VankhoReader, meta_label);
  gtk_widget_class_bind_template_child (widget_class, VankhoReader, body_view);
  gtk_widget_class_bind_template_child (widget_class, VankhoReader, original_button);
  gtk_widget_class_bind_template_child (widget_class, VankhoReader, scroller);
  gtk_widget_class_bind_template_callback (widget_class, open_original_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vankho_reader_init (VankhoReader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

VankhoArticle *
vankho_reader_get_article (VankhoReader *self)
{
  g_return_val_if_fail (VANKHO_IS_READER (self), NULL);

  return self->article;
}

/**
 * vankho_reader_set_article:
 * @article: (nullable): a whole article, body loaded
 */
void
vankho_reader_set_article (VankhoReader  *self,
                           VankhoArticle *article)
{
  g_return_if_fail (VANKHO_IS_READER (self));
  g_return_if_fail (!article || VANKHO_IS_ARTICLE (article));

  if (g_set_object (&self->article, article))
    {
      vankho_reader_update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
    }
}

/**
 * vankho_reader_dup_text:
 *
 * Returns: (transfer full): the body text on display
 */
char *
vankho_reader_dup_text (VankhoReader *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (VANKHO_IS_READER (self), NULL);

  buffer = gtk_text_view_get_buffer (self->body_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
