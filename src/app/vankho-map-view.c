/* vankho-map-view.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Map view: the provinces coloured by how many of the filtered
 * articles concern each (or by when each first reported an event of the
 * filter's document), with a legend, and the provinces ranked beside the
 * map, below it when narrow.
 *
 * Nothing is fetched: the map has no base layer, only ours over a plain
 * sea. libshumate still needs a map source to project with; it is given
 * one as the viewport's reference and never asked for a tile.
 *
 * The counts leave the filter's province out (vankho-library-places.c):
 * the selected province is highlighted, not the only one coloured. So a
 * change of the filter's province alone does not count again.
 */

#define G_LOG_DOMAIN "vankho-map-view"

#include "config.h"

#include <inttypes.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <shumate/shumate.h>

#include "vankho-format.h"
#include "vankho-library-places.h"
#include "vankho-map-view.h"
#include "vankho-province-layer.h"

typedef enum
{
  MODE_COUNT,
  MODE_EARLIEST,
} Mode;

/* Narrower than this, the ranking goes under the map. */
#define NARROW_WIDTH 720

struct _VankhoMapView
{
  GtkWidget            parent_instance;

  VankhoLibrary       *library;
  VankhoArticleFilter *filter;
  ShumateMapSource    *reference;
  VankhoProvinceLayer *layer;
  ShumateMapLayer     *base_layer;   /* OpenStreetMap tiles, only when asked for */
  gboolean             count_pending; /* asked for while not shown */
  gboolean             display_pending; /* likewise */
  GSettings           *settings;
  VankhoPlaceCounts   *counts;        /* articles per unit */
  VankhoPlaceCounts   *all_counts;    /* for a merged unit's tooltip in date mode */
  VankhoArticleQuery  *counted;       /* what counts holds, province left out */
  GCancellable        *cancellable;
  GPtrArray           *events;        /* VankhoPlaceEvent of the filter's document */
  VankhoEra            era;
  Mode                 mode;
  gint64               events_document;
  gint64               breaks[VANKHO_PROVINCE_LAYER_MAX_CLASSES];
  guint                n_breaks;
  gboolean             era_chosen;    /* by the user: no longer follows the dates */
  gboolean             fitted;
  gboolean             narrow;
  gboolean             loading;
  gboolean             updating_buttons;
  guint                relayout_id;
  guint                fit_id;

  GtkWidget           *overlay;
  GtkBox              *main_box;
  GtkWidget           *separator;
  GtkWidget           *side_box;
  GtkToggleButton     *era_2008_button;
  GtkToggleButton     *era_2025_button;
  GtkDropDown         *mode_dropdown;
  GtkDropDown         *event_dropdown;
  GtkLabel            *status_label;
  ShumateSimpleMap    *map;
  GtkLabel            *legend_title;
  GtkBox              *legend_classes;
  GtkLabel            *legend_note;
  GtkToggleButton     *group_button;
  GtkListBox          *ranking;
};

G_DEFINE_FINAL_TYPE (VankhoMapView, vankho_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_FILTER,
  PROP_ERA,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The six socio-economic regions, in the order of the country, north to
 * south. */
static const struct
{
  const char *code;
  const char *name;
} regions[] = {
  { "TDMNPB", N_("Northern Midlands and Mountains") },
  { "ĐBSH", N_("Red River Delta") },
  { "BTB-DHMT", N_("North Central and Central Coast") },
  { "TN", N_("Central Highlands") },
  { "ĐNB", N_("Southeast") },
  { "ĐBSCL", N_("Mekong River Delta") },
};

static guint
region_rank (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    if (g_strcmp0 (regions[i].code, code) == 0)
      return i;

  return G_N_ELEMENTS (regions);
}

static const char *
region_name (const char *code)
{
  guint rank = region_rank (code);

  return rank < G_N_ELEMENTS (regions) ? _(regions[rank].name) : _("Other");
}

static char *
event_label (const VankhoPlaceEvent *event)
{
  const char *label = vankho_format_event_kind (event->kind);

  if (event->period != NULL)
    return g_strdup_printf ("%s (%s)", label, event->period);

  return g_strdup (label);
}

static VankhoBoundaries *
get_boundaries (VankhoMapView *self)
{
  return vankho_boundaries_get_default (self->era);
}

static gint64
unit_count (VankhoMapView *self,
            const char    *code)
{
  return self->counts != NULL ? vankho_place_counts_get (self->counts, self->era, code) : 0;
}

static const char *
unit_earliest (VankhoMapView *self,
               const char    *code)
{
  return self->counts != NULL ? vankho_place_counts_get_earliest (self->counts, self->era, code) : NULL;
}

/* Classes */

/* The r for which r⁵ = @max, by bisection (the app does not link libm). */
static double
class_ratio (double max)
{
  double low = 1, high = max;

  for (guint i = 0; i < 60; i++)
    {
      double mid = (low + high) / 2;
      double power = 1;

      for (guint k = 0; k < VANKHO_PROVINCE_LAYER_MAX_CLASSES; k++)
        power *= mid;
      if (power < max)
        low = mid;
      else
        high = mid;
    }

  return low;
}

/* Lower bounds of the classes of counts up to @max: one class per count
 * while there are few, then bounds growing geometrically, as news
 * gathers in a few provinces (Hà Nội, TP HCM) and thins out elsewhere.
 */
static void
compute_breaks (VankhoMapView *self,
                gint64         max)
{
  double ratio, bound_value;

  self->n_breaks = 0;

  if (max <= 0)
    return;

  if (max <= VANKHO_PROVINCE_LAYER_MAX_CLASSES)
    {
      for (gint64 i = 1; i <= max; i++)
        self->breaks[self->n_breaks++] = i;
      return;
    }

  ratio = class_ratio ((double) max);
  bound_value = 1;
  self->breaks[self->n_breaks++] = 1;
  for (guint i = 1; i < VANKHO_PROVINCE_LAYER_MAX_CLASSES; i++)
    {
      gint64 bound;

      bound_value *= ratio;
      bound = (gint64) (bound_value + 0.5);

      bound = MAX (bound, self->breaks[self->n_breaks - 1] + 1);
      if (bound > max)
        break;
      self->breaks[self->n_breaks++] = bound;
    }
}

static guint
count_class (VankhoMapView *self,
             gint64         count)
{
  guint klass = 0;

  for (guint i = 0; i < self->n_breaks && count >= self->breaks[i]; i++)
    klass = i + 1;

  return klass;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Dates: the distinct earliest dates in up to five groups of about equal
 * size; the earliest group gets the strongest colour. Returns the dates,
 * sorted, for the legend.
 */
static GPtrArray *
date_classes (VankhoMapView *self,
              GHashTable    *classes,
              guint         *n_classes)
{
  VankhoBoundaries *boundaries = get_boundaries (self);
  g_autoptr(GPtrArray) dates = g_ptr_array_new ();
  guint n;

  for (guint i = 0; i < vankho_boundaries_get_n_units (boundaries); i++)
    {
      const char *date = unit_earliest (self, vankho_boundary_unit_get_code (vankho_boundaries_get_unit (boundaries, i)));

      if (date != NULL && !g_ptr_array_find_with_equal_func (dates, date, g_str_equal, NULL))
        g_ptr_array_add (dates, (gpointer) date);
    }
  g_ptr_array_sort (dates, compare_strings);

  n = MIN (dates->len, VANKHO_PROVINCE_LAYER_MAX_CLASSES);
  *n_classes = n;
  for (guint i = 0; i < vankho_boundaries_get_n_units (boundaries); i++)
    {
      const char *code = vankho_boundary_unit_get_code (vankho_boundaries_get_unit (boundaries, i));
      const char *date = unit_earliest (self, code);
      guint rank;

      if (date == NULL || !g_ptr_array_find_with_equal_func (dates, date, g_str_equal, &rank))
        continue;
      g_hash_table_insert (classes, (gpointer) code, GUINT_TO_POINTER (n - rank * n / dates->len));
    }

  return g_steal_pointer (&dates);
}

/* Legend */

/* A small square texture rather than a drawing area: the GL renderer of
 * GTK 4.8 may reuse the pixels of one cairo node for another of its size. */
static GtkWidget *
swatch_new (VankhoMapView *self,
            guint          klass)
{
  enum { SIZE = 14 };
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guchar *pixels = g_malloc (SIZE * SIZE * 4);
  GtkWidget *image;
  GdkRGBA color;

  vankho_province_layer_get_class_color (self->layer, klass, &color);
  for (guint y = 0; y < SIZE; y++)
    for (guint x = 0; x < SIZE; x++)
      {
        guchar *pixel = pixels + 4 * (y * SIZE + x);
        /* A grey edge keeps the palest class apart from the card. */
        gboolean edge = x == 0 || y == 0 || x == SIZE - 1 || y == SIZE - 1;

        pixel[0] = edge ? 128 : (guchar) (color.red * 255 + 0.5);
        pixel[1] = edge ? 128 : (guchar) (color.green * 255 + 0.5);
        pixel[2] = edge ? 128 : (guchar) (color.blue * 255 + 0.5);
        pixel[3] = edge ? 160 : 255;
      }
  bytes = g_bytes_new_take (pixels, SIZE * SIZE * 4);
  texture = gdk_memory_texture_new (SIZE, SIZE, GDK_MEMORY_R8G8B8A8, bytes, SIZE * 4);

  image = gtk_image_new_from_paintable (GDK_PAINTABLE (texture));
  gtk_image_set_pixel_size (GTK_IMAGE (image), SIZE);
  gtk_widget_set_valign (image, GTK_ALIGN_CENTER);

  return image;
}

static void
legend_add (VankhoMapView *self,
            guint          klass,
            const char    *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), swatch_new (self, klass));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (self->legend_classes, box);
}

static void
update_legend (VankhoMapView *self,
               GPtrArray     *dates)
{
  GtkWidget *child;
  guint n_classes = vankho_province_layer_get_n_classes (self->layer);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->legend_classes))) != NULL)
    gtk_box_remove (self->legend_classes, child);

  if (self->mode == MODE_EARLIEST)
    {
      gtk_label_set_label (self->legend_title, _("First Reported"));
      /* Strongest first: the earliest. */
      for (guint klass = n_classes; klass >= 1; klass--)
        {
          guint first = (n_classes - klass) * dates->len / n_classes;
          guint last = (n_classes - klass + 1) * dates->len / n_classes - 1;
          g_autofree char *text = NULL;

          if (first == last)
            text = g_strdup (g_ptr_array_index (dates, first));
          else
            text = g_strdup_printf ("%s – %s", (char *) g_ptr_array_index (dates, first),
                                    (char *) g_ptr_array_index (dates, last));
          legend_add (self, klass, text);
        }
      legend_add (self, 0, _("Not reported"));
      gtk_label_set_label (self->legend_note, _("By the main province of the articles reporting it"));
      return;
    }

  gtk_label_set_label (self->legend_title, _("Articles"));
  for (guint i = 0; i < self->n_breaks; i++)
    {
      gint64 low = self->breaks[i];
      gint64 high = i + 1 < self->n_breaks ? self->breaks[i + 1] - 1
                                           : vankho_place_counts_get_max (self->counts, self->era);
      g_autofree char *text = NULL;

      if (low == high)
        text = g_strdup_printf ("%" G_GINT64_FORMAT, low);
      else
        text = g_strdup_printf ("%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT, low, high);
      legend_add (self, i + 1, text);
    }
  legend_add (self, 0, _("None"));
  gtk_label_set_label (self->legend_note, _("Each article counts for its main provinces"));
}

/* Ranking */

typedef struct
{
  const VankhoBoundaryUnit *unit;
  gint64                    count;
  const char               *earliest;
} Rank;

static int
compare_ranks (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  VankhoMapView *self = user_data;
  const Rank *ra = a;
  const Rank *rb = b;

  if (gtk_toggle_button_get_active (self->group_button))
    {
      guint ga = region_rank (vankho_boundary_unit_get_region (ra->unit));
      guint gb = region_rank (vankho_boundary_unit_get_region (rb->unit));

      if (ga != gb)
        return ga < gb ? -1 : 1;
    }

  if (self->mode == MODE_EARLIEST && g_strcmp0 (ra->earliest, rb->earliest) != 0)
    {
      /* Those that reported it first, those that never did last. */
      if (ra->earliest == NULL || rb->earliest == NULL)
        return ra->earliest == NULL ? 1 : -1;
      return strcmp (ra->earliest, rb->earliest);
    }

  if (ra->count != rb->count)
    return ra->count > rb->count ? -1 : 1;

  return g_utf8_collate (vankho_boundary_unit_get_name (ra->unit), vankho_boundary_unit_get_name (rb->unit));
}

static void
ranking_header_func (GtkListBoxRow *row,
                     GtkListBoxRow *before,
                     gpointer       user_data)
{
  VankhoMapView *self = user_data;
  const char *region = g_object_get_data (G_OBJECT (row), "region");
  GtkWidget *header;

  if (!gtk_toggle_button_get_active (self->group_button) ||
      (before != NULL && g_strcmp0 (region, g_object_get_data (G_OBJECT (before), "region")) == 0))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (region_name (region));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, before != NULL ? 12 : 6);
  gtk_widget_set_margin_bottom (header, 3);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_list_box_row_set_header (row, header);
}

static void
select_ranking_row (VankhoMapView *self)
{
  const char *selected = vankho_province_layer_get_selected (self->layer);
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->ranking));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) &&
          g_strcmp0 (g_object_get_data (G_OBJECT (child), "code"), selected) == 0)
        {
          gtk_list_box_select_row (self->ranking, GTK_LIST_BOX_ROW (child));
          return;
        }
    }
  gtk_list_box_unselect_all (self->ranking);
}

static void
update_ranking (VankhoMapView *self)
{
  VankhoBoundaries *boundaries = get_boundaries (self);
  g_autoptr(GArray) ranks = g_array_new (FALSE, FALSE, sizeof (Rank));
  gint64 placed = self->counts != NULL ? vankho_place_counts_get_n_placed (self->counts) : 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->ranking))) != NULL)
    gtk_list_box_remove (self->ranking, child);

  for (guint i = 0; i < vankho_boundaries_get_n_units (boundaries); i++)
    {
      Rank rank;

      rank.unit = vankho_boundaries_get_unit (boundaries, i);
      rank.count = unit_count (self, vankho_boundary_unit_get_code (rank.unit));
      rank.earliest = unit_earliest (self, vankho_boundary_unit_get_code (rank.unit));
      /* A province with nothing to show is in the legend's grey, not a row. */
      if (rank.count > 0)
        g_array_append_val (ranks, rank);
    }
  g_array_sort_with_data (ranks, compare_ranks, self);

  for (guint i = 0; i < ranks->len; i++)
    {
      const Rank *rank = &g_array_index (ranks, Rank, i);
      const char *code = vankho_boundary_unit_get_code (rank->unit);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *name = gtk_label_new (vankho_boundary_unit_get_name (rank->unit));
      GtkWidget *value;
      g_autofree char *text = NULL;
      g_autofree char *description = NULL;

      if (self->mode == MODE_EARLIEST)
        text = g_strdup (rank->earliest);
      else
        text = g_strdup_printf ("%" G_GINT64_FORMAT, rank->count);
      value = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_widget_add_css_class (value, "dim-label");
      gtk_widget_add_css_class (value, "numeric");
      gtk_box_append (GTK_BOX (box), swatch_new (self, vankho_province_layer_get_class (self->layer, code)));
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), value);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

      if (self->mode == MODE_EARLIEST)
        description = g_strdup_printf (_("%s: first reported %s"), vankho_boundary_unit_get_name (rank->unit), text);
      else
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %'" PRId64 " article",
                                                    "%s: %'" PRId64 " articles", rank->count),
                                       vankho_boundary_unit_get_name (rank->unit), rank->count);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
      if (placed > 0 && self->mode == MODE_COUNT)
        {
          g_autofree char *tooltip = g_strdup_printf (_("%.0f%% of the articles with a province"),
                                                      100.0 * rank->count / placed);
          gtk_widget_set_tooltip_text (row, tooltip);
        }

      g_object_set_data_full (G_OBJECT (row), "code", g_strdup (code), g_free);
      g_object_set_data_full (G_OBJECT (row), "region", g_strdup (vankho_boundary_unit_get_region (rank->unit)), g_free);
      gtk_list_box_append (self->ranking, row);
    }

  if (ranks->len == 0)
    {
      GtkWidget *label = gtk_label_new (self->mode == MODE_EARLIEST ? _("No province reported it")
                                                                    : _("No articles with a province"));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 24);
      gtk_list_box_set_placeholder (self->ranking, label);
    }

  select_ranking_row (self);
}

/* Showing the counts */

static void
update_status (VankhoMapView *self)
{
  g_autofree char *text = NULL;

  if (self->counts == NULL)
    {
      gtk_label_set_label (self->status_label, "");
      return;
    }

  if (self->mode == MODE_EARLIEST)
    {
      g_auto(GStrv) codes = vankho_place_counts_dup_codes (self->counts, self->era);
      guint n = g_strv_length (codes);

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reported in %u province", "Reported in %u provinces", n), n);
    }
  else
    {
      gint64 n = vankho_place_counts_get_n_articles (self->counts);
      gint64 placed = vankho_place_counts_get_n_placed (self->counts);

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%'" PRId64 " article, %'" PRId64 " with a province",
                                           "%'" PRId64 " articles, %'" PRId64 " with a province", n),
                              n, placed);
    }

  gtk_label_set_label (self->status_label, text);
}

static void
update_selection (VankhoMapView *self)
{
  const char *province = vankho_article_filter_get_province (self->filter);
  const VankhoBoundaryUnit *unit = province != NULL ? vankho_boundaries_unit_for_code (get_boundaries (self), province) : NULL;

  vankho_province_layer_set_selected (self->layer, unit != NULL ? vankho_boundary_unit_get_code (unit) : NULL);
  select_ranking_row (self);
}

static void
update_display (VankhoMapView *self)
{
  g_autoptr(GHashTable) classes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) dates = NULL;
  VankhoBoundaries *boundaries;
  guint n_classes = 0;

  /* Drawn when shown: reading the boundaries, the legend and the ranking's
   * rows took 13 ms of the window's first frame, with the map not shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->display_pending = TRUE;
      return;
    }
  self->display_pending = FALSE;

  boundaries = get_boundaries (self);
  if (vankho_province_layer_get_boundaries (self->layer) != boundaries)
    vankho_province_layer_set_boundaries (self->layer, boundaries);

  if (self->counts != NULL && self->mode == MODE_EARLIEST)
    dates = date_classes (self, classes, &n_classes);
  else if (self->counts != NULL)
    {
      compute_breaks (self, vankho_place_counts_get_max (self->counts, self->era));
      n_classes = self->n_breaks;
      for (guint i = 0; i < vankho_boundaries_get_n_units (boundaries); i++)
        {
          const char *code = vankho_boundary_unit_get_code (vankho_boundaries_get_unit (boundaries, i));
          guint klass = count_class (self, unit_count (self, code));

          if (klass > 0)
            g_hash_table_insert (classes, (gpointer) code, GUINT_TO_POINTER (klass));
        }
    }

  vankho_province_layer_set_classes (self->layer, classes, n_classes);
  update_selection (self);
  update_legend (self, dates);
  update_ranking (self);
  update_status (self);
}

static void
set_era (VankhoMapView *self,
         VankhoEra      era)
{
  if (self->era == era)
    return;

  self->era = era;
  self->updating_buttons = TRUE;
  gtk_toggle_button_set_active (era == VANKHO_ERA_2008 ? self->era_2008_button : self->era_2025_button, TRUE);
  self->updating_buttons = FALSE;
  update_display (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERA]);
}

static void
set_loading (VankhoMapView *self,
             gboolean       loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Counting in a worker thread */

typedef struct
{
  VankhoLibrary      *library;
  VankhoArticleQuery *query;
  Mode                mode;
  char               *kind;
  char               *period;
} CountJob;

typedef struct
{
  VankhoPlaceCounts *counts;
  VankhoPlaceCounts *all_counts;
} CountResult;

static void
count_job_free (CountJob *job)
{
  g_clear_object (&job->library);
  g_clear_pointer (&job->query, vankho_article_query_free);
  g_free (job->kind);
  g_free (job->period);
  g_free (job);
}

static void
count_result_free (CountResult *result)
{
  g_clear_pointer (&result->counts, vankho_place_counts_unref);
  g_clear_pointer (&result->all_counts, vankho_place_counts_unref);
  g_free (result);
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CountJob *job = task_data;
  CountResult *result = g_new0 (CountResult, 1);
  GError *error = NULL;

  result->all_counts = vankho_library_count_places (job->library, job->query, cancellable, &error);
  if (result->all_counts != NULL && job->mode == MODE_EARLIEST)
    result->counts = vankho_library_earliest_event_places (job->library, job->query->document_id,
                                                           job->kind, job->period, cancellable, &error);
  else if (result->all_counts != NULL)
    result->counts = vankho_place_counts_ref (result->all_counts);

  if (result->counts == NULL)
    {
      count_result_free (result);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, result, (GDestroyNotify) count_result_free);
}

static void
count_done_cb (GObject      *object,
               GAsyncResult *async_result,
               gpointer      user_data)
{
  g_autoptr(VankhoMapView) self = user_data;
  g_autoptr(GError) error = NULL;
  CountResult *result = g_task_propagate_pointer (G_TASK (async_result), &error);

  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Could not count the articles by province: %s", error->message);
          set_loading (self, FALSE);
        }
      return;
    }

  g_clear_pointer (&self->counts, vankho_place_counts_unref);
  g_clear_pointer (&self->all_counts, vankho_place_counts_unref);
  self->counts = g_steal_pointer (&result->counts);
  self->all_counts = g_steal_pointer (&result->all_counts);
  count_result_free (result);

  /* Until the user picks an era, the articles' dates pick it. */
  if (!self->era_chosen && self->era != vankho_place_counts_suggest_era (self->all_counts))
    set_era (self, vankho_place_counts_suggest_era (self->all_counts));
  else
    update_display (self);

  set_loading (self, FALSE);
}

static const VankhoPlaceEvent *
selected_event (VankhoMapView *self)
{
  guint position = gtk_drop_down_get_selected (self->event_dropdown);

  if (self->events == NULL || position == GTK_INVALID_LIST_POSITION || position >= self->events->len)
    return NULL;

  return g_ptr_array_index (self->events, position);
}

static gboolean
same_query (const VankhoArticleQuery *a,
            const VankhoArticleQuery *b)
{
  return a != NULL && b != NULL &&
         g_strcmp0 (a->text, b->text) == 0 && a->document_id == b->document_id &&
         g_strcmp0 (a->date_from, b->date_from) == 0 && g_strcmp0 (a->date_to, b->date_to) == 0 &&
         a->source_id == b->source_id && g_strcmp0 (a->outlet, b->outlet) == 0 &&
         g_strcmp0 (a->tag, b->tag) == 0 && a->unread_only == b->unread_only &&
         a->starred_only == b->starred_only;
}

static void
count (VankhoMapView *self)
{
  g_autoptr(GTask) task = NULL;
  const VankhoPlaceEvent *event;
  CountJob *job;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  /* Counting a large library takes a core for a while: not before the
   * window's first frame, nor while another view is shown.
   */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->count_pending = TRUE;
      return;
    }
  self->count_pending = FALSE;

  event = selected_event (self);
  self->cancellable = g_cancellable_new ();

  job = g_new0 (CountJob, 1);
  job->library = g_object_ref (self->library);
  job->query = vankho_article_filter_dup_query (self->filter);
  job->mode = self->mode == MODE_EARLIEST && event != NULL && job->query->document_id > 0
              ? MODE_EARLIEST : MODE_COUNT;
  if (job->mode == MODE_EARLIEST)
    {
      job->kind = g_strdup (event->kind);
      job->period = g_strdup (event->period);
    }

  g_clear_pointer (&self->counted, vankho_article_query_free);
  self->counted = vankho_article_query_copy (job->query);

  set_loading (self, TRUE);
  task = g_task_new (NULL, self->cancellable, count_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, count);
  g_task_set_task_data (task, job, (GDestroyNotify) count_job_free);
  g_task_run_in_thread (task, count_thread);
}

/* Events of the filter's document, for the date mode */

static void
update_events (VankhoMapView *self)
{
  gint64 document = vankho_article_filter_get_document (self->filter);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint best = 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->mode_dropdown), document > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->mode_dropdown),
                               document > 0 ? _("What the colours show")
                                            : _("Select a document to colour by its events"));
  if (document <= 0 && self->mode == MODE_EARLIEST)
    gtk_drop_down_set_selected (self->mode_dropdown, MODE_COUNT);

  if (document == self->events_document)
    return;

  self->events_document = document;
  g_clear_pointer (&self->events, g_ptr_array_unref);
  /* A short indexed read of one document's events. */
  if (document > 0)
    self->events = vankho_library_list_place_events (self->library, document, &error);
  if (error != NULL)
    g_warning ("Could not list the events of document %" G_GINT64_FORMAT ": %s", document, error->message);

  for (guint i = 0; self->events != NULL && i < self->events->len; i++)
    {
      const VankhoPlaceEvent *event = g_ptr_array_index (self->events, i);
      g_autofree char *label = event_label (event);

      /* The 1-year review is what trackers look for first. */
      if (g_str_equal (event->kind, "so_ket") && g_strcmp0 (event->period, "1 năm") == 0)
        best = i;
      gtk_string_list_append (labels, label);
    }

  gtk_drop_down_set_model (self->event_dropdown, G_LIST_MODEL (labels));
  if (self->events != NULL && self->events->len > 0)
    gtk_drop_down_set_selected (self->event_dropdown, best);
}

static void
filter_changed_cb (VankhoMapView *self)
{
  g_autoptr(VankhoArticleQuery) query = vankho_article_filter_dup_query (self->filter);

  update_events (self);

  /* Only the province changed: the counts stand, the highlight moves. */
  if (same_query (query, self->counted))
    {
      update_selection (self);
      return;
    }

  count (self);
}

static void
articles_changed_cb (VankhoMapView *self)
{
  self->events_document = -1;
  update_events (self);
  count (self);
}

/* Moving the map */

static void
go_to_bounds (VankhoMapView  *self,
              VankhoGeoPoint  south_west,
              VankhoGeoPoint  north_east,
              gboolean        animate)
{
  ShumateMap *map = shumate_simple_map_get_map (self->map);
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  double width = gtk_widget_get_width (GTK_WIDGET (map));
  double height = gtk_widget_get_height (GTK_WIDGET (map));
  double x0, x1, y0, y1, low, high, lat, lon;

  if (width <= 0 || height <= 0)
    return;

  x0 = shumate_map_source_get_x (self->reference, 0, south_west.lon);
  x1 = shumate_map_source_get_x (self->reference, 0, north_east.lon);
  y0 = shumate_map_source_get_y (self->reference, 0, north_east.lat);
  y1 = shumate_map_source_get_y (self->reference, 0, south_west.lat);

  /* The largest zoom at which the box fits the map, less a margin; each
   * zoom level doubles the size. */
  low = shumate_viewport_get_min_zoom_level (viewport);
  high = shumate_viewport_get_max_zoom_level (viewport);
  for (guint i = 0; i < 30; i++)
    {
      double mid = (low + high) / 2;
      double scale = (shumate_map_source_get_x (self->reference, mid, 180) -
                      shumate_map_source_get_x (self->reference, mid, -180)) /
                     (shumate_map_source_get_x (self->reference, 0, 180) -
                      shumate_map_source_get_x (self->reference, 0, -180));

      if ((x1 - x0) * scale <= width * 0.9 && (y1 - y0) * scale <= height * 0.9)
        low = mid;
      else
        high = mid;
    }

  /* The middle of the box as drawn, which is not the middle latitude. */
  lat = shumate_map_source_get_latitude (self->reference, 0, (y0 + y1) / 2);
  lon = (south_west.lon + north_east.lon) / 2;
  if (animate)
    shumate_map_go_to_full (map, lat, lon, low);
  else
    {
      shumate_viewport_set_zoom_level (viewport, low);
      shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);
    }
}

static void
fit_country (VankhoMapView *self,
             gboolean       animate)
{
  VankhoGeoPoint south_west, north_east;

  vankho_boundaries_get_bounds (get_boundaries (self), &south_west, &north_east);
  go_to_bounds (self, south_west, north_east, animate);
}

static void
zoom_to_unit (VankhoMapView            *self,
              const VankhoBoundaryUnit *unit)
{
  VankhoGeoPoint south_west, north_east;

  vankho_boundary_unit_get_bounds (unit, &south_west, &north_east);
  go_to_bounds (self, south_west, north_east, TRUE);
}

/* Choosing a province */

/* The filter takes a province of 2008. A unit of 2025 sets its member
 * with the most articles (the one whose name it keeps, on a tie): the
 * member the user most likely means, and the list shows its articles.
 */
static const char *
filter_code_for_unit (VankhoMapView            *self,
                      const VankhoBoundaryUnit *unit)
{
  const char * const *members = vankho_boundary_unit_get_members (unit);
  const char *best = vankho_boundary_unit_get_code (unit);
  gint64 most = -1;

  if (self->era == VANKHO_ERA_2008 || members == NULL || self->all_counts == NULL)
    return best;

  for (guint i = 0; members[i] != NULL; i++)
    {
      gint64 n = vankho_place_counts_get (self->all_counts, VANKHO_ERA_2008, members[i]);

      if (n > most || (n == most && g_str_equal (members[i], vankho_boundary_unit_get_code (unit))))
        {
          most = n;
          best = members[i];
        }
    }

  return best;
}

static void
select_unit (VankhoMapView            *self,
             const VankhoBoundaryUnit *unit)
{
  const char *code = vankho_boundary_unit_get_code (unit);

  /* A second click on the selected province clears the selection. */
  if (g_strcmp0 (vankho_province_layer_get_selected (self->layer), code) == 0)
    vankho_article_filter_set_province (self->filter, NULL);
  else
    vankho_article_filter_set_province (self->filter, filter_code_for_unit (self, unit));
}

static void
click_released_cb (VankhoMapView   *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  const VankhoBoundaryUnit *unit = vankho_province_layer_unit_at (self->layer, x, y);

  if (unit == NULL)
    return;

  if (n_press == 1)
    select_unit (self, unit);
  else if (n_press == 2)
    zoom_to_unit (self, unit);
}

static void
motion_cb (VankhoMapView            *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  const VankhoBoundaryUnit *unit = vankho_province_layer_unit_at (self->layer, x, y);

  vankho_province_layer_set_hovered (self->layer, unit != NULL ? vankho_boundary_unit_get_code (unit) : NULL);
}

static void
leave_cb (VankhoMapView *self)
{
  vankho_province_layer_set_hovered (self->layer, NULL);
}

static gboolean
query_tooltip_cb (VankhoMapView *self,
                  int            x,
                  int            y,
                  gboolean       keyboard,
                  GtkTooltip    *tooltip)
{
  const VankhoBoundaryUnit *unit = vankho_province_layer_unit_at (self->layer, x, y);
  const char * const *members;
  const char *code;
  g_autoptr(GString) markup = NULL;
  gint64 n, placed;

  if (unit == NULL || self->counts == NULL)
    return FALSE;

  code = vankho_boundary_unit_get_code (unit);
  markup = g_string_new (NULL);
  g_string_append_printf (markup, "<b>%s</b>", vankho_boundary_unit_get_name (unit));

  n = vankho_place_counts_get (self->all_counts, self->era, code);
  placed = vankho_place_counts_get_n_placed (self->all_counts);
  if (self->mode == MODE_EARLIEST && self->events != NULL)
    {
      const char *earliest = unit_earliest (self, code);

      g_string_append_c (markup, '\n');
      if (earliest != NULL)
        g_string_append_printf (markup, _("First reported %s"), earliest);
      else
        g_string_append (markup, _("Not reported"));
    }

  g_string_append_c (markup, '\n');
  if (n == 0)
    g_string_append (markup, _("No articles"));
  else
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'" PRId64 " article",
                                                             "%'" PRId64 " articles", n), n);

      /* TRANSLATORS: an article count, then its share of the articles that have a province */
      g_string_append_printf (markup, _("%s (%.0f%%)"), count, placed > 0 ? 100.0 * n / placed : 0.0);
    }

  members = vankho_boundary_unit_get_members (unit);
  if (self->era == VANKHO_ERA_2025 && members != NULL && members[0] != NULL && members[1] != NULL)
    {
      VankhoBoundaries *provinces = vankho_boundaries_get_default (VANKHO_ERA_2008);

      g_string_append_printf (markup, "\n\n<small>%s</small>", _("Formerly"));
      for (guint i = 0; members[i] != NULL; i++)
        {
          const VankhoBoundaryUnit *member = vankho_boundaries_lookup (provinces, members[i]);
          g_autofree char *name = g_markup_escape_text (member != NULL ? vankho_boundary_unit_get_name (member)
                                                                         : members[i], -1);

          g_string_append_printf (markup, "\n<small>%s: %" G_GINT64_FORMAT "</small>", name,
                                  vankho_place_counts_get (self->all_counts, VANKHO_ERA_2008, members[i]));
        }
    }

  gtk_tooltip_set_markup (tooltip, markup->str);
  return TRUE;
}

static void
pan (VankhoMapView *self,
     double         dx,
     double         dy)
{
  ShumateMap *map = shumate_simple_map_get_map (self->map);
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  double width = gtk_widget_get_width (GTK_WIDGET (map));
  double height = gtk_widget_get_height (GTK_WIDGET (map));
  double lat, lon;

  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (map),
                                              width / 2 + dx * width / 8, height / 2 + dy * height / 8,
                                              &lat, &lon);
  shumate_map_center_on (map, lat, lon);
}

static gboolean
key_pressed_cb (VankhoMapView         *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  ShumateMap *map = shumate_simple_map_get_map (self->map);

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      pan (self, -1, 0);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      pan (self, 1, 0);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      pan (self, 0, -1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      pan (self, 0, 1);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      shumate_map_zoom_in (map);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      shumate_map_zoom_out (map);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_0:
      fit_country (self, TRUE);
      return TRUE;
    default:
      return FALSE;
    }
}

/* Template callbacks */

static void
era_toggled_cb (VankhoMapView   *self,
                GtkToggleButton *button)
{
  if (self->updating_buttons || !gtk_toggle_button_get_active (button))
    return;

  self->era_chosen = TRUE;
  set_era (self, button == self->era_2025_button ? VANKHO_ERA_2025 : VANKHO_ERA_2008);
}

static void
mode_changed_cb (VankhoMapView *self)
{
  Mode mode = gtk_drop_down_get_selected (self->mode_dropdown) == MODE_EARLIEST ? MODE_EARLIEST : MODE_COUNT;

  gtk_widget_set_visible (GTK_WIDGET (self->event_dropdown), mode == MODE_EARLIEST);
  if (self->mode == mode)
    return;

  self->mode = mode;
  count (self);
}

static void
event_changed_cb (VankhoMapView *self)
{
  if (self->mode == MODE_EARLIEST)
    count (self);
}

static void
group_toggled_cb (VankhoMapView *self)
{
  update_ranking (self);
}

static void
ranking_activated_cb (VankhoMapView *self,
                      GtkListBoxRow *row)
{
  const char *code = g_object_get_data (G_OBJECT (row), "code");
  const VankhoBoundaryUnit *unit = code != NULL ? vankho_boundaries_lookup (get_boundaries (self), code) : NULL;

  if (unit == NULL)
    return;

  if (g_strcmp0 (vankho_province_layer_get_selected (self->layer), code) != 0)
    select_unit (self, unit);
  zoom_to_unit (self, unit);
}

static gboolean
relayout_cb (gpointer user_data)
{
  VankhoMapView *self = user_data;

  self->relayout_id = 0;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->main_box),
                                  self->narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->separator),
                                  self->narrow ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_size_request (self->side_box, self->narrow ? -1 : 240, self->narrow ? 200 : -1);
  /* Narrow, the legend keeps to its classes to leave the map visible. */
  gtk_widget_set_visible (GTK_WIDGET (self->legend_note), !self->narrow);
  /* The map changes shape: fit the country again once it has. */
  self->fitted = FALSE;

  return G_SOURCE_REMOVE;
}

/* GTK 4.8 has no breakpoints: an empty drawing area over the view reports
 * its size, and the layout changes after this allocation, not in it. */
static void
size_probe_resize_cb (VankhoMapView  *self,
                      int             width,
                      int             height,
                      GtkDrawingArea *area)
{
  gboolean narrow = width < NARROW_WIDTH;

  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      g_clear_handle_id (&self->relayout_id, g_source_remove);
      self->relayout_id = g_idle_add (relayout_cb, self);
    }
}

static gboolean
fit_cb (gpointer user_data)
{
  VankhoMapView *self = user_data;

  self->fit_id = 0;
  self->fitted = TRUE;
  fit_country (self, FALSE);

  return G_SOURCE_REMOVE;
}

/* The country is fitted once the map has its size, and left to the user
 * from then on (until the layout changes). */
static void
map_probe_resize_cb (VankhoMapView  *self,
                     int             width,
                     int             height,
                     GtkDrawingArea *area)
{
  /* Not while the map is being allocated: moving it allocates it again. */
  if (!self->fitted && width > 0 && height > 0 && self->fit_id == 0)
    self->fit_id = g_idle_add (fit_cb, self);
}

static void
dark_changed_cb (VankhoMapView *self)
{
  /* The layer redraws itself (it was told first); the swatches are ours. */
  update_display (self);
}

/* Off by default: nothing leaves the machine unless the user asks. Tiles
 * that fail to load leave the sea plain; no error is shown.
 */
static void
base_map_changed_cb (VankhoMapView *self)
{
  gboolean wanted = g_settings_get_boolean (self->settings, "map-online-base-map");
  ShumateMap *map = shumate_simple_map_get_map (self->map);
  ShumateLicense *license = shumate_simple_map_get_license (self->map);

  if (wanted == (self->base_layer != NULL))
    return;

  if (wanted)
    {
      ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);

      self->base_layer = g_object_ref_sink (shumate_map_layer_new (self->reference, viewport));
      shumate_map_insert_layer_behind (map, SHUMATE_LAYER (self->base_layer), SHUMATE_LAYER (self->layer));
      shumate_license_append_map_source (license, self->reference);
    }
  else
    {
      shumate_map_remove_layer (map, SHUMATE_LAYER (self->base_layer));
      shumate_license_remove_map_source (license, self->reference);
      g_clear_object (&self->base_layer);
    }
}

/* GObject */

static void
vankho_map_view_constructed (GObject *object)
{
  VankhoMapView *self = VANKHO_MAP_VIEW (object);
  ShumateViewport *viewport;
  ShumateMap *map;
  GtkEventController *controller;
  GtkGesture *click;

  G_OBJECT_CLASS (vankho_map_view_parent_class)->constructed (object);

  g_assert (VANKHO_IS_LIBRARY (self->library));
  g_assert (VANKHO_IS_ARTICLE_FILTER (self->filter));

  /* The projection only: no layer ever asks this source for a tile. */
  self->reference = SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full_from_url (
      SHUMATE_MAP_SOURCE_OSM_MAPNIK, "OpenStreetMap",
      "© OpenStreetMap contributors", "https://www.openstreetmap.org/copyright",
      3, 12, 256, SHUMATE_MAP_PROJECTION_MERCATOR,
      "https://tile.openstreetmap.org/#Z#/#X#/#Y#.png"));
  g_object_ref_sink (self->reference);

  viewport = shumate_simple_map_get_viewport (self->map);
  shumate_viewport_set_reference_map_source (viewport, self->reference);
  shumate_viewport_set_min_zoom_level (viewport, 3);
  shumate_viewport_set_max_zoom_level (viewport, 12);
  map = shumate_simple_map_get_map (self->map);
  /* Ours zooms to the province clicked. */
  shumate_map_set_zoom_on_double_click (map, FALSE);

  self->layer = vankho_province_layer_new (viewport);
  g_object_ref_sink (self->layer);
  shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (self->layer));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->layer), TRUE);
  g_signal_connect_object (self->layer, "query-tooltip", G_CALLBACK (query_tooltip_cb), self, G_CONNECT_SWAPPED);

  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "released", G_CALLBACK (click_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->layer), GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->layer), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->map), controller);

  g_signal_connect_object (self->layer, "notify::selected", G_CALLBACK (select_ranking_row), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library, "articles-changed", G_CALLBACK (articles_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_box_set_header_func (self->ranking, ranking_header_func, self, NULL);

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::map-online-base-map",
                           G_CALLBACK (base_map_changed_cb), self, G_CONNECT_SWAPPED);
  base_map_changed_cb (self);

  self->events_document = -1;
  update_events (self);
  update_display (self);
  count (self);
}

static void
vankho_map_view_dispose (GObject *object)
{
  VankhoMapView *self = VANKHO_MAP_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->relayout_id, g_source_remove);
  g_clear_handle_id (&self->fit_id, g_source_remove);

  /* Nothing may reach the template's children once they are gone. */
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  if (self->ranking != NULL)
    gtk_list_box_set_header_func (self->ranking, NULL, NULL, NULL);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), VANKHO_TYPE_MAP_VIEW);

  g_clear_object (&self->base_layer);
  g_clear_object (&self->layer);
  g_clear_object (&self->reference);
  g_clear_object (&self->library);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->counts, vankho_place_counts_unref);
  g_clear_pointer (&self->all_counts, vankho_place_counts_unref);
  g_clear_pointer (&self->counted, vankho_article_query_free);
  g_clear_pointer (&self->events, g_ptr_array_unref);

  G_OBJECT_CLASS (vankho_map_view_parent_class)->dispose (object);
}

static void
vankho_map_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VankhoMapView *self = VANKHO_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;

    case PROP_ERA:
      g_value_set_enum (value, self->era);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vankho_map_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  VankhoMapView *self = VANKHO_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_FILTER:
      self->filter = g_value_dup_object (value);
      break;

    case PROP_ERA:
      vankho_map_view_set_era (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vankho_map_view_map (GtkWidget *widget)
{
  VankhoMapView *self = VANKHO_MAP_VIEW (widget);

  GTK_WIDGET_CLASS (vankho_map_view_parent_class)->map (widget);

  if (self->display_pending)
    update_display (self);
  if (self->count_pending)
    count (self);
}

static void
vankho_map_view_class_init (VankhoMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vankho_map_view_constructed;
  widget_class->map = vankho_map_view_map;
  object_class->dispose = vankho_map_view_dispose;
  object_class->get_property = vankho_map_view_get_property;
  object_class->set_property = vankho_map_view_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         VANKHO_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL,
                         VANKHO_TYPE_ARTICLE_FILTER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ERA] =
    g_param_spec_enum ("era", NULL, NULL,
                       VANKHO_TYPE_ERA, VANKHO_ERA_2008,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SHUMATE_TYPE_SIMPLE_MAP);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vankho/Vankho/ui/vankho-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VankhoMapView, overlay);
  gtk_widget_class_bind_template_child (widget_class, VankhoMapView, main_box);
  gtk_widget_class_bind_template_child (widget_class, VankhoMapView, separator);
  gtk_widget_class_bind_template_child (widget_class, VankhoMapView, side_box);
  gtk_widget_class_bind_template_child (widget_class, VankhoMapView, era_2008_button);
  gtk_widget_class_bind_template_child (widget_class, VankhoMapView, era_2025_button);
  gtk_widget_class_bind_template_child (widget_class, VankhoMapView, mode_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VankhoMapView, event_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VankhoMapView, status_label);
  gtk_widget_class_bind_template_child (widget_class, VankhoMapView, map);
  gtk_widget_class_bind_template_child (widget_class, VankhoMapView, legend_title);
  gtk_widget_class_bind_template_child (widget_class, VankhoMapView, legend_classes);
  gtk_widget_class_bind_template_child (widget_class, VankhoMapView, legend_note);
  gtk_widget_class_bind_template_child (widget_class, VankhoMapView, group_button);
  gtk_widget_class_bind_template_child (widget_class, VankhoMapView, ranking);
  gtk_widget_class_bind_template_callback (widget_class, era_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, event_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, group_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, ranking_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, size_probe_resize_cb);
  gtk_widget_class_bind_template_callback (widget_class, map_probe_resize_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "vankho-map-view");
}

static void
vankho_map_view_init (VankhoMapView *self)
{
  self->era = VANKHO_ERA_2008;
  self->narrow = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vankho_map_view_new:
 * @library: the library to count in
 * @filter: the shared filter: its articles are mapped, and a click on a
 *   province sets its province
 *
 * Returns: (transfer floating): a new map view
 */
GtkWidget *
vankho_map_view_new (VankhoLibrary       *library,
                     VankhoArticleFilter *filter)
{
  g_return_val_if_fail (VANKHO_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (VANKHO_IS_ARTICLE_FILTER (filter), NULL);

  return g_object_new (VANKHO_TYPE_MAP_VIEW,
                       "library", library,
                       "filter", filter,
                       NULL);
}

/**
 * vankho_map_view_focus_province:
 * @code: an ISO 3166-2 code of the 63-province era
 *
 * Highlights the province (its unit of 2025 in that era) and zooms to
 * it; the filter is left as it is.
 */
void
vankho_map_view_focus_province (VankhoMapView *self,
                                const char    *code)
{
  const VankhoBoundaryUnit *unit;

  g_return_if_fail (VANKHO_IS_MAP_VIEW (self));
  g_return_if_fail (code != NULL);

  unit = vankho_boundaries_unit_for_code (get_boundaries (self), code);
  if (unit == NULL)
    return;

  vankho_province_layer_set_selected (self->layer, vankho_boundary_unit_get_code (unit));
  zoom_to_unit (self, unit);
}

VankhoEra
vankho_map_view_get_era (VankhoMapView *self)
{
  g_return_val_if_fail (VANKHO_IS_MAP_VIEW (self), VANKHO_ERA_2008);

  return self->era;
}

/**
 * vankho_map_view_set_era:
 *
 * Shows the units of @era; from then on the era no longer follows the
 * dates of the articles.
 */
void
vankho_map_view_set_era (VankhoMapView *self,
                         VankhoEra      era)
{
  g_return_if_fail (VANKHO_IS_MAP_VIEW (self));

  self->era_chosen = TRUE;
  set_era (self, era);
}

/**
 * vankho_map_view_get_loading:
 *
 * Returns: whether the counts are being worked out
 */
gboolean
vankho_map_view_get_loading (VankhoMapView *self)
{
  g_return_val_if_fail (VANKHO_IS_MAP_VIEW (self), FALSE);

  return self->loading;
}
