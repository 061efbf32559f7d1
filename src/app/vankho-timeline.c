/* vankho-timeline.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A small bar chart of citing articles per month, every month from the
 * first to the last shown (a quiet month is a gap, not left out, so that
 * time reads evenly). Hovering a bar tells its month and count; clicking
 * it emits VankhoTimeline::month-activated.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vankho-format.h"
#include "vankho-library-documents.h"
#include "vankho-timeline.h"

#define AXIS_HEIGHT 18.0
#define TOP_PAD 16.0
#define BAR_GAP 2.0

struct _VankhoTimeline
{
  GtkWidget  parent_instance;

  guint     *counts;     /* one per month from first_month */
  guint      n_months;
  guint      first_month;  /* year * 12 + month - 1 */
  guint      max_count;
  int        hovered;    /* month index, or -1 */
  char      *selected;   /* "2023-08", or NULL */
};

G_DEFINE_FINAL_TYPE (VankhoTimeline, vankho_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

enum {
  MONTH_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
month_key (guint month_index)
{
  return g_strdup_printf ("%04u-%02u", month_index / 12, month_index % 12 + 1);
}

static char *
month_label (guint month_index)
{
  VankhoDate date = { 0 };

  vankho_date_set (&date, month_index / 12, month_index % 12 + 1, 0);
  return vankho_format_date (&date);
}

/* Which month a point over the widget falls in, or -1. */
static int
index_at (VankhoTimeline *self,
          double          x)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int index;

  if (self->n_months == 0 || width <= 0 || x < 0)
    return -1;

  index = (int) (x * self->n_months / width);
  return index < (int) self->n_months ? index : -1;
}

static int
selected_index (VankhoTimeline *self)
{
  guint year, month;

  if (self->selected == NULL || sscanf (self->selected, "%u-%u", &year, &month) != 2)
    return -1;

  return (int) (year * 12 + month - 1) - (int) self->first_month;
}

static void
vankho_timeline_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  VankhoTimeline *self = VANKHO_TIMELINE (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double chart_height = height - AXIS_HEIGHT - TOP_PAD;
  double slot;
  int selected = selected_index (self);
  GdkRGBA fg, accent;
  cairo_t *cr;

  if (self->n_months == 0 || width <= 0 || chart_height <= 0)
    return;

  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &accent))
    accent = (GdkRGBA) { 0.21, 0.52, 0.89, 1.0 };

  slot = (double) width / self->n_months;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The baseline, and a tick at each January with its year. */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.25);
  cairo_rectangle (cr, 0, TOP_PAD + chart_height, width, 1);
  cairo_fill (cr);

  for (guint i = 0; i < self->n_months; i++)
    {
      guint month_index = self->first_month + i;
      g_autoptr(PangoLayout) layout = NULL;
      g_autofree char *year = NULL;
      int text_width, text_height;

      if (month_index % 12 != 0 && i != 0)
        continue;

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.35);
      cairo_rectangle (cr, floor (i * slot), TOP_PAD + chart_height, 1, 4);
      cairo_fill (cr);

      /* The first month's year only if the next January is not too close. */
      if (month_index % 12 != 0 && (12 - month_index % 12) * slot < 40)
        continue;

      year = g_strdup_printf ("%u", month_index / 12);
      layout = gtk_widget_create_pango_layout (widget, year);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      if (floor (i * slot) + 3 + text_width > width)
        continue;
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.6);
      cairo_move_to (cr, floor (i * slot) + 3, height - text_height);
      pango_cairo_show_layout (cr, layout);
    }

  for (guint i = 0; i < self->n_months; i++)
    {
      double bar_height, x, bar_width;
      double alpha = 0.75;

      if (self->counts[i] == 0)
        continue;

      bar_height = MAX (2.0, chart_height * self->counts[i] / self->max_count);
      bar_width = MAX (1.0, slot - (slot > 4 * BAR_GAP ? BAR_GAP : 0));
      x = i * slot + (slot - bar_width) / 2;

      if (selected >= 0 && (int) i != selected)
        alpha = 0.35;
      if ((int) i == selected || (int) i == self->hovered)
        alpha = 1.0;

      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, alpha);
      cairo_rectangle (cr, x, TOP_PAD + chart_height - bar_height, bar_width, bar_height);
      cairo_fill (cr);
    }

  /* The scale: how many articles the tallest bar stands for. */
  {
    g_autofree char *text = g_strdup_printf ("%u", self->max_count);
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);

    cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.6);
    cairo_move_to (cr, 0, 0);
    pango_cairo_show_layout (cr, layout);
  }

  cairo_destroy (cr);
}

static void
vankho_timeline_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 480;
    }
  else
    {
      *minimum = 96;
      *natural = 112;
    }
}

static gboolean
vankho_timeline_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_mode,
                               GtkTooltip *tooltip)
{
  VankhoTimeline *self = VANKHO_TIMELINE (widget);
  g_autofree char *month = NULL;
  g_autofree char *text = NULL;
  int index = index_at (self, x);

  if (index < 0)
    return FALSE;

  month = month_label (self->first_month + index);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u article", "%s: %u articles",
                                       self->counts[index]),
                          month, self->counts[index]);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
set_hovered (VankhoTimeline *self,
             int             index)
{
  if (self->hovered == index)
    return;

  self->hovered = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (VankhoTimeline *self,
           double          x,
           double          y)
{
  set_hovered (self, index_at (self, x));
}

static void
leave_cb (VankhoTimeline *self)
{
  set_hovered (self, -1);
}

static void
released_cb (VankhoTimeline *self,
             int             n_press,
             double          x,
             double          y)
{
  int index = index_at (self, x);
  g_autofree char *month = NULL;

  if (index < 0 || self->counts[index] == 0)
    return;

  month = month_key (self->first_month + index);
  g_signal_emit (self, signals[MONTH_ACTIVATED], 0, month);
}

static void
vankho_timeline_finalize (GObject *object)
{
  VankhoTimeline *self = (VankhoTimeline *)object;

  g_clear_pointer (&self->counts, g_free);
  g_clear_pointer (&self->selected, g_free);

  G_OBJECT_CLASS (vankho_timeline_parent_class)->finalize (object);
}

static void
vankho_timeline_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VankhoTimeline *self = VANKHO_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_string (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vankho_timeline_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  VankhoTimeline *self = VANKHO_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      vankho_timeline_set_selected (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vankho_timeline_class_init (VankhoTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vankho_timeline_finalize;
  object_class->get_property = vankho_timeline_get_property;
  object_class->set_property = vankho_timeline_set_property;

  widget_class->snapshot = vankho_timeline_snapshot;
  widget_class->measure = vankho_timeline_measure;
  widget_class->query_tooltip = vankho_timeline_query_tooltip;

  /**
   * VankhoTimeline:selected:
   *
   * The month shown as chosen ("2023-08"), or %NULL.
   */
  properties[PROP_SELECTED] =
    g_param_spec_string ("selected", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VankhoTimeline::month-activated:
   * @month: the month clicked, "2023-08"
   */
  signals[MONTH_ACTIVATED] =
    g_signal_new ("month-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
vankho_timeline_init (VankhoTimeline *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->hovered = -1;

  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect_swapped (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
}

GtkWidget *
vankho_timeline_new (void)
{
  return g_object_new (VANKHO_TYPE_TIMELINE, NULL);
}

/**
 * vankho_timeline_set_months:
 * @months: (nullable) (element-type VankhoMonthCount): counts, oldest first,
 *   as vankho_library_count_citations_by_month() gives them
 */
void
vankho_timeline_set_months (VankhoTimeline *self,
                            GArray         *months)
{
  g_return_if_fail (VANKHO_IS_TIMELINE (self));

  g_clear_pointer (&self->counts, g_free);
  self->n_months = 0;
  self->max_count = 0;
  self->hovered = -1;

  if (months != NULL && months->len > 0)
    {
      const VankhoMonthCount *first = &g_array_index (months, VankhoMonthCount, 0);
      const VankhoMonthCount *last = &g_array_index (months, VankhoMonthCount, months->len - 1);

      self->first_month = first->year * 12 + first->month - 1;
      self->n_months = last->year * 12 + last->month - 1 - self->first_month + 1;
      self->counts = g_new0 (guint, self->n_months);

      for (guint i = 0; i < months->len; i++)
        {
          const VankhoMonthCount *month = &g_array_index (months, VankhoMonthCount, i);
          guint index = month->year * 12 + month->month - 1 - self->first_month;

          self->counts[index] = month->n_articles;
          self->max_count = MAX (self->max_count, month->n_articles);
        }
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
vankho_timeline_get_n_months (VankhoTimeline *self)
{
  g_return_val_if_fail (VANKHO_IS_TIMELINE (self), 0);

  return self->n_months;
}

const char *
vankho_timeline_get_selected (VankhoTimeline *self)
{
  g_return_val_if_fail (VANKHO_IS_TIMELINE (self), NULL);

  return self->selected;
}

void
vankho_timeline_set_selected (VankhoTimeline *self,
                              const char     *month)
{
  g_return_if_fail (VANKHO_IS_TIMELINE (self));

  if (g_strcmp0 (self->selected, month) == 0)
    return;

  g_free (self->selected);
  self->selected = g_strdup (month);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * vankho_timeline_dup_month_at:
 * @x: a horizontal position in the widget
 * @n_articles: (out) (optional): the month's count
 *
 * Returns: (transfer full) (nullable): the month under @x, "2023-08"
 */
char *
vankho_timeline_dup_month_at (VankhoTimeline *self,
                              double          x,
                              guint          *n_articles)
{
  int index;

  g_return_val_if_fail (VANKHO_IS_TIMELINE (self), NULL);

  index = index_at (self, x);
  if (index < 0)
    return NULL;

  if (n_articles != NULL)
    *n_articles = self->counts[index];
  return month_key (self->first_month + index);
}
