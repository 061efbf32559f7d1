/* vankho-filter-bar.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The active filter under the header bar, one removable chip per part, so
 * that the user always sees why the views show what they show.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vankho-chip-box.h"
#include "vankho-extractor.h"
#include "vankho-filter-bar.h"

struct _VankhoFilterBar
{
  GtkWidget            parent_instance;

  VankhoLibrary       *library;
  VankhoArticleFilter *filter;

  GtkRevealer         *revealer;
  VankhoChipBox       *chips;
};

G_DEFINE_FINAL_TYPE (VankhoFilterBar, vankho_filter_bar, GTK_TYPE_WIDGET)

typedef void (*ClearFunc) (VankhoArticleFilter *filter);

static void clear_query    (VankhoArticleFilter *filter) { vankho_article_filter_set_query (filter, NULL); }
static void clear_province (VankhoArticleFilter *filter) { vankho_article_filter_set_province (filter, NULL); }
static void clear_document (VankhoArticleFilter *filter) { vankho_article_filter_set_document (filter, 0); }
static void clear_dates    (VankhoArticleFilter *filter) { vankho_article_filter_set_dates (filter, NULL, NULL); }
static void clear_source   (VankhoArticleFilter *filter) { vankho_article_filter_set_source (filter, 0); }
static void clear_outlet   (VankhoArticleFilter *filter) { vankho_article_filter_set_outlet (filter, NULL); }
static void clear_tag      (VankhoArticleFilter *filter) { vankho_article_filter_set_tag (filter, NULL); }
static void clear_unread   (VankhoArticleFilter *filter) { vankho_article_filter_set_unread_only (filter, FALSE); }
static void clear_starred  (VankhoArticleFilter *filter) { vankho_article_filter_set_starred_only (filter, FALSE); }

static void
chip_clicked_cb (GtkButton       *button,
                 VankhoFilterBar *self)
{
  ClearFunc clear = g_object_get_data (G_OBJECT (button), "clear");

  clear (self->filter);
}

static void
add_chip (VankhoFilterBar *self,
          const char      *label,
          ClearFunc        clear)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *text = gtk_label_new (label);
  g_autofree char *tooltip = g_strdup_printf (_("Remove “%s” from the filter"), label);

  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 32);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "filter-chip");
  g_object_set_data (G_OBJECT (button), "clear", clear);
  g_signal_connect (button, "clicked", G_CALLBACK (chip_clicked_cb), self);

  vankho_chip_box_append (self->chips, button);
}

static void
rebuild (VankhoFilterBar *self)
{
  VankhoArticleFilter *filter = self->filter;

  vankho_chip_box_remove_all (self->chips);

  if (vankho_article_filter_get_query (filter) != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Search: %s"), vankho_article_filter_get_query (filter));
      add_chip (self, label, clear_query);
    }

  if (vankho_article_filter_get_province (filter) != NULL)
    {
      VankhoGazetteer *gazetteer = vankho_extractor_get_gazetteer (vankho_extractor_get_default ());
      const char *code = vankho_article_filter_get_province (filter);
      const char *name = vankho_gazetteer_lookup_code (gazetteer, code);
      g_autofree char *label = g_strdup_printf (_("Province: %s"), name ? name : code);

      add_chip (self, label, clear_province);
    }

  if (vankho_article_filter_get_document (filter) != 0)
    {
      g_autofree char *document = vankho_library_dup_document_label (self->library,
                                                                     vankho_article_filter_get_document (filter));
      g_autofree char *label = g_strdup_printf (_("Document: %s"), document ? document : "?");

      add_chip (self, label, clear_document);
    }

  if (vankho_article_filter_get_date_from (filter) || vankho_article_filter_get_date_to (filter))
    {
      const char *from = vankho_article_filter_get_date_from (filter);
      const char *to = vankho_article_filter_get_date_to (filter);
      g_autofree char *label = NULL;

      if (from && to)
        label = g_strdup_printf (_("From %s to %s"), from, to);
      else if (from)
        label = g_strdup_printf (_("From %s"), from);
      else
        label = g_strdup_printf (_("Until %s"), to);
      add_chip (self, label, clear_dates);
    }

  if (vankho_article_filter_get_source (filter) != 0)
    add_chip (self, _("One source"), clear_source);

  if (vankho_article_filter_get_outlet (filter) != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Outlet: %s"), vankho_article_filter_get_outlet (filter));
      add_chip (self, label, clear_outlet);
    }

  if (vankho_article_filter_get_tag (filter) != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Tag: %s"), vankho_article_filter_get_tag (filter));
      add_chip (self, label, clear_tag);
    }

  if (vankho_article_filter_get_unread_only (filter))
    add_chip (self, _("Unread"), clear_unread);

  if (vankho_article_filter_get_starred_only (filter))
    add_chip (self, _("Starred"), clear_starred);

  gtk_revealer_set_reveal_child (self->revealer, !vankho_article_filter_is_empty (filter));
}

static void
clear_all_cb (VankhoFilterBar *self)
{
  vankho_article_filter_clear (self->filter);
}

static void
vankho_filter_bar_dispose (GObject *object)
{
  VankhoFilterBar *self = (VankhoFilterBar *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VANKHO_TYPE_FILTER_BAR);
  g_clear_object (&self->filter);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (vankho_filter_bar_parent_class)->dispose (object);
}

static void
vankho_filter_bar_class_init (VankhoFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vankho_filter_bar_dispose;

  g_type_ensure (VANKHO_TYPE_CHIP_BOX);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vankho-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, VankhoFilterBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, VankhoFilterBar, chips);
  gtk_widget_class_bind_template_callback (widget_class, clear_all_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vankho_filter_bar_init (VankhoFilterBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vankho_filter_bar_set_filter:
 *
 * Shows @filter, naming its documents from @library.
 */
void
vankho_filter_bar_set_filter (VankhoFilterBar     *self,
                              VankhoLibrary       *library,
                              VankhoArticleFilter *filter)
{
  g_return_if_fail (VANKHO_IS_FILTER_BAR (self));
  g_return_if_fail (VANKHO_IS_ARTICLE_FILTER (filter));

  g_set_object (&self->library, library);
  if (g_set_object (&self->filter, filter))
    g_signal_connect_object (filter, "changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);

  rebuild (self);
}
