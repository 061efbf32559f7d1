/* vankho-article-row.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One row of the article list: title, date at its precision, outlet, and the
 * search snippet with the matched words in bold.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vankho-article-row.h"
#include "vankho-extractor.h"
#include "vankho-format.h"
#include "vankho-text.h"

struct _VankhoArticleRow
{
  GtkWidget      parent_instance;

  VankhoArticle *article;

  GtkWidget     *box;
  GtkLabel      *title_label;
  GtkLabel      *meta_label;
  GtkLabel      *snippet_label;
  GtkWidget     *sample_label;
  GtkWidget     *unread_dot;
  GtkWidget     *star_image;
  gulong         notify_handler;
};

G_DEFINE_FINAL_TYPE (VankhoArticleRow, vankho_article_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vankho_article_row_update (VankhoArticleRow *self)
{
  g_autofree char *date = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *snippet = NULL;
  const char *outlet;
  const char *province;

  if (self->article == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->meta_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->snippet_label), FALSE);
      gtk_widget_set_visible (self->sample_label, FALSE);
      gtk_widget_set_visible (self->unread_dot, FALSE);
      gtk_widget_set_visible (self->star_image, FALSE);
      return;
    }

  date = vankho_format_date (vankho_article_get_published (self->article));
  outlet = vankho_article_get_outlet (self->article);
  province = vankho_article_get_province (self->article);
  if (province != NULL)
    {
      VankhoGazetteer *gazetteer = vankho_extractor_get_gazetteer (vankho_extractor_get_default ());
      const char *name = vankho_gazetteer_lookup_code (gazetteer, province);

      province = name ? name : province;
    }

  {
    const char * const *tags = vankho_article_get_tags (self->article);
    const char *parts[4] = { date, outlet, province, NULL };
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    g_auto(GStrv) present = NULL;

    for (guint i = 0; i < 3; i++)
      if (parts[i] != NULL)
        g_strv_builder_add (builder, parts[i]);
    for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
      {
        g_autofree char *tag = g_strconcat ("#", tags[i], NULL);
        g_strv_builder_add (builder, tag);
      }
    if (vankho_article_get_n_versions (self->article) > 1)
      {
        guint n = vankho_article_get_n_versions (self->article);
        g_autofree char *versions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u version",
                                                                  "%u versions", n), n);
        g_strv_builder_add (builder, versions);
      }
    present = g_strv_builder_end (builder);
    meta = g_strjoinv (" · ", present);
  }

  gtk_label_set_label (self->title_label, vankho_article_get_title (self->article));
  gtk_label_set_label (self->meta_label, meta);
  gtk_widget_set_visible (self->sample_label, vankho_article_get_is_sample (self->article));
  gtk_widget_set_visible (self->unread_dot, !vankho_article_get_is_read (self->article));
  gtk_widget_set_visible (self->star_image, vankho_article_get_is_starred (self->article));

  snippet = vankho_text_format_snippet (vankho_article_get_snippet (self->article),
                                        "<b>", "</b>", TRUE);
  gtk_label_set_markup (self->snippet_label, snippet ? snippet : "");
  gtk_widget_set_visible (GTK_WIDGET (self->snippet_label), snippet != NULL);
}

static void
vankho_article_row_dispose (GObject *object)
{
  VankhoArticleRow *self = (VankhoArticleRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VANKHO_TYPE_ARTICLE_ROW);
  g_clear_signal_handler (&self->notify_handler, self->article);
  g_clear_object (&self->article);

  G_OBJECT_CLASS (vankho_article_row_parent_class)->dispose (object);
}

static void
vankho_article_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VankhoArticleRow *self = VANKHO_ARTICLE_ROW (object);

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
vankho_article_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VankhoArticleRow *self = VANKHO_ARTICLE_ROW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      vankho_article_row_set_article (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vankho_article_row_class_init (VankhoArticleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vankho_article_row_dispose;
  object_class->get_property = vankho_article_row_get_property;
  object_class->set_property = vankho_article_row_set_property;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, VANKHO_TYPE_ARTICLE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vankho-article-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VankhoArticleRow, box);
  gtk_widget_class_bind_template_child (widget_class, VankhoArticleRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, VankhoArticleRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, VankhoArticleRow, snippet_label);
  gtk_widget_class_bind_template_child (widget_class, VankhoArticleRow, sample_label);
  gtk_widget_class_bind_template_child (widget_class, VankhoArticleRow, unread_dot);
  gtk_widget_class_bind_template_child (widget_class, VankhoArticleRow, star_image);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vankho_article_row_init (VankhoArticleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vankho_article_row_new (void)
{
  return g_object_new (VANKHO_TYPE_ARTICLE_ROW, NULL);
}

VankhoArticle *
vankho_article_row_get_article (VankhoArticleRow *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE_ROW (self), NULL);

  return self->article;
}

void
vankho_article_row_set_article (VankhoArticleRow *self,
                                VankhoArticle    *article)
{
  g_return_if_fail (VANKHO_IS_ARTICLE_ROW (self));
  g_return_if_fail (!article || VANKHO_IS_ARTICLE (article));

  if (self->article == article)
    return;

  /* Starring in the reader updates the row while it is shown. */
  g_clear_signal_handler (&self->notify_handler, self->article);
  if (g_set_object (&self->article, article))
    {
      if (article != NULL)
        self->notify_handler = g_signal_connect_swapped (article, "notify",
                                                         G_CALLBACK (vankho_article_row_update), self);
      vankho_article_row_update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
    }
}
