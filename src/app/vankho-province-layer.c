/* vankho-province-layer.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The provinces as a choropleth over a ShumateMap: each unit filled with
 * the colour of its class, outlined, named where its name fits, the
 * selected one drawn over the others; and the sea, since no base map is
 * drawn under it unless the user asked for one.
 *
 * Drawing must keep up with panning (16 ms a frame). The outlines are
 * projected to Web Mercator once, when the boundaries are set, in units of
 * the whole world (0–1); a frame only scales and shifts them, skips units
 * outside the view and points closer than a pixel to the last one drawn.
 */

#define G_LOG_DOMAIN "vankho-province-layer"

#include "config.h"

#include <adwaita.h>

#include "vankho-province-layer.h"

typedef struct
{
  double *xy;          /* x0, y0, x1, y1… in world units */
  guint   n_points;
  double  x0, y0, x1, y1;
} Ring;

typedef struct
{
  const VankhoBoundaryUnit *unit;
  Ring                     *rings;  /* all rings of all polygons: even-odd fill */
  guint                     n_rings;
  double                    x0, y0, x1, y1;
  double                    main_width;   /* of its largest ring: Đà Nẵng's
                                           * islands make its box the sea's */
  double                    main_area;
  double                    label_x, label_y;
} Shape;

struct _VankhoProvinceLayer
{
  ShumateLayer      parent_instance;

  VankhoBoundaries *boundaries;
  Shape            *shapes;
  guint             n_shapes;
  GHashTable       *classes;      /* code → class, GUINT_TO_POINTER */
  guint             n_classes;
  char             *selected;
  char             *hovered;
  GHashTable       *layouts;      /* name → PangoLayout */
  gboolean          dark;

  /* Where the archipelagos were labelled in the last frame, to hit them:
   * their islands are a pixel wide at the scale of the country. */
  GArray           *extra_hits;

  GHashTable       *tiles;        /* packed (x, y) → GdkTexture */
  double            tiles_scale;  /* the zoom they were drawn at */
};

#define TILE_SIZE 256

typedef struct
{
  graphene_rect_t           rect;
  const VankhoBoundaryUnit *unit;
} ExtraHit;

G_DEFINE_FINAL_TYPE (VankhoProvinceLayer, vankho_province_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_BOUNDARIES,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sequential palettes, low to high. Light: ColorBrewer YlGnBu, pale to
 * dark on a pale sea. Dark: viridis without its darkest end, dim to
 * bright on a dark sea; in both the low classes stay apart from the grey
 * of provinces with no articles.
 */
static const char * const light_palette[VANKHO_PROVINCE_LAYER_MAX_CLASSES] = {
  "#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494",
};
static const char * const dark_palette[VANKHO_PROVINCE_LAYER_MAX_CLASSES] = {
  "#4b2a7d", "#3e5a8f", "#2a8a8a", "#5ec962", "#fde725",
};

#define LIGHT_SEA      "#d5e4ef"
#define DARK_SEA       "#17212b"
#define LIGHT_NO_DATA  "#d2cec7"
#define DARK_NO_DATA   "#4d4d55"
#define LIGHT_ACCENT   "#1c71d8"
#define DARK_ACCENT    "#78aeed"
#define LIGHT_SEA_TEXT "#3d5a73"
#define DARK_SEA_TEXT  "#9fb7cc"

/* The projection of the viewport's map source (Web Mercator) at zoom 0,
 * in units of the world's width instead of pixels. */
static void
world_coords (ShumateMapSource *source,
              double            lat,
              double            lon,
              double           *x,
              double           *y)
{
  double size = shumate_map_source_get_tile_size (source);

  *x = shumate_map_source_get_x (source, 0, lon) / size;
  *y = shumate_map_source_get_y (source, 0, lat) / size;
}

static ShumateMapSource *
get_reference (VankhoProvinceLayer *self)
{
  return shumate_viewport_get_reference_map_source (shumate_layer_get_viewport (SHUMATE_LAYER (self)));
}

static void
shapes_clear (VankhoProvinceLayer *self)
{
  for (guint i = 0; i < self->n_shapes; i++)
    {
      for (guint r = 0; r < self->shapes[i].n_rings; r++)
        g_free (self->shapes[i].rings[r].xy);
      g_free (self->shapes[i].rings);
    }
  g_clear_pointer (&self->shapes, g_free);
  self->n_shapes = 0;
}

static void invalidate_tiles (VankhoProvinceLayer *self);

static void
shapes_build (VankhoProvinceLayer *self)
{
  ShumateMapSource *source = get_reference (self);

  shapes_clear (self);
  invalidate_tiles (self);

  /* Without a map source there is no projection yet: built when drawn. */
  if (self->boundaries == NULL || source == NULL)
    return;

  self->n_shapes = vankho_boundaries_get_n_units (self->boundaries);
  self->shapes = g_new0 (Shape, self->n_shapes);

  for (guint i = 0; i < self->n_shapes; i++)
    {
      const VankhoBoundaryUnit *unit = vankho_boundaries_get_unit (self->boundaries, i);
      Shape *shape = &self->shapes[i];
      VankhoGeoPoint label = vankho_boundary_unit_get_label_point (unit);
      guint n_polygons = vankho_boundary_unit_get_n_polygons (unit);
      guint r = 0;

      shape->unit = unit;
      shape->x0 = shape->y0 = G_MAXDOUBLE;
      shape->x1 = shape->y1 = -G_MAXDOUBLE;
      for (guint p = 0; p < n_polygons; p++)
        shape->n_rings += vankho_boundary_unit_get_n_rings (unit, p);
      shape->rings = g_new0 (Ring, shape->n_rings);

      for (guint p = 0; p < n_polygons; p++)
        for (guint k = 0; k < vankho_boundary_unit_get_n_rings (unit, p); k++, r++)
          {
            Ring *ring = &shape->rings[r];
            const VankhoGeoPoint *points = vankho_boundary_unit_get_ring (unit, p, k, &ring->n_points);

            ring->xy = g_new (double, 2 * ring->n_points);
            ring->x0 = ring->y0 = G_MAXDOUBLE;
            ring->x1 = ring->y1 = -G_MAXDOUBLE;
            for (guint j = 0; j < ring->n_points; j++)
              {
                double x, y;

                world_coords (source, points[j].lat, points[j].lon, &x, &y);
                ring->xy[2 * j] = x;
                ring->xy[2 * j + 1] = y;
                ring->x0 = MIN (ring->x0, x);
                ring->x1 = MAX (ring->x1, x);
                ring->y0 = MIN (ring->y0, y);
                ring->y1 = MAX (ring->y1, y);
              }
            if ((ring->x1 - ring->x0) * (ring->y1 - ring->y0) > shape->main_area)
              {
                shape->main_area = (ring->x1 - ring->x0) * (ring->y1 - ring->y0);
                shape->main_width = ring->x1 - ring->x0;
              }
            shape->x0 = MIN (shape->x0, ring->x0);
            shape->x1 = MAX (shape->x1, ring->x1);
            shape->y0 = MIN (shape->y0, ring->y0);
            shape->y1 = MAX (shape->y1, ring->y1);
          }

      world_coords (source, label.lat, label.lon, &shape->label_x, &shape->label_y);
    }
}

static void
parse_color (const char *spec,
             GdkRGBA    *color)
{
  gboolean ok = gdk_rgba_parse (color, spec);

  g_assert (ok);
}

/**
 * vankho_province_layer_get_class_color:
 * @klass: 0 for no articles, or 1 to the number of classes
 *
 * The fill of a class in the current style, for the legend.
 */
void
vankho_province_layer_get_class_color (VankhoProvinceLayer *self,
                                       guint                klass,
                                       GdkRGBA             *color)
{
  const char * const *palette;
  guint index;

  g_return_if_fail (VANKHO_IS_PROVINCE_LAYER (self));
  g_return_if_fail (color != NULL);

  palette = self->dark ? dark_palette : light_palette;

  if (klass == 0 || self->n_classes == 0)
    {
      parse_color (self->dark ? DARK_NO_DATA : LIGHT_NO_DATA, color);
      return;
    }

  /* Spread fewer classes over the whole ramp, so that two classes are
   * the palest and the darkest, not two pale ones. */
  klass = MIN (klass, self->n_classes);
  if (self->n_classes == 1)
    index = VANKHO_PROVINCE_LAYER_MAX_CLASSES / 2;
  else
    index = (guint) ((double) (klass - 1) * (VANKHO_PROVINCE_LAYER_MAX_CLASSES - 1) / (self->n_classes - 1) + 0.5);

  parse_color (palette[index], color);
}

static void
set_source_color (cairo_t       *cr,
                  const GdkRGBA *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static gboolean
is_light (const GdkRGBA *color)
{
  return 0.2126 * color->red + 0.7152 * color->green + 0.0722 * color->blue > 0.5;
}

/* The affine map from world units to widget pixels for this frame. */
typedef struct
{
  double scale;
  double dx;
  double dy;
  double width;
  double height;
  double rotation;
} Frame;

static gboolean
frame_init (VankhoProvinceLayer *self,
            Frame               *frame)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  ShumateMapSource *source = shumate_viewport_get_reference_map_source (viewport);
  double zoom = shumate_viewport_get_zoom_level (viewport);
  double cx, cy;

  frame->width = gtk_widget_get_width (GTK_WIDGET (self));
  frame->height = gtk_widget_get_height (GTK_WIDGET (self));
  if (frame->width <= 0 || frame->height <= 0 || source == NULL)
    return FALSE;

  if (self->shapes == NULL && self->boundaries != NULL)
    shapes_build (self);

  world_coords (source,
                shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), &cx, &cy);
  /* The world's width in pixels at this (fractional) zoom. */
  frame->scale = shumate_map_source_get_x (source, zoom, 180) - shumate_map_source_get_x (source, zoom, -180);
  frame->dx = frame->width / 2 - cx * frame->scale;
  frame->dy = frame->height / 2 - cy * frame->scale;
  frame->rotation = shumate_viewport_get_rotation (viewport);

  return TRUE;
}

static gboolean
frame_sees (const Frame *frame,
            double       x0,
            double       y0,
            double       x1,
            double       y1)
{
  /* Turned, the view's corners reach further: draw everything. */
  if (frame->rotation != 0)
    return TRUE;

  return x1 * frame->scale + frame->dx >= -2 && x0 * frame->scale + frame->dx <= frame->width + 2 &&
         y1 * frame->scale + frame->dy >= -2 && y0 * frame->scale + frame->dy <= frame->height + 2;
}

static void
append_shape (cairo_t     *cr,
              const Frame *frame,
              const Shape *shape)
{
  for (guint r = 0; r < shape->n_rings; r++)
    {
      const Ring *ring = &shape->rings[r];
      double last_x, last_y;

      if (!frame_sees (frame, ring->x0, ring->y0, ring->x1, ring->y1))
        continue;

      /* An island smaller than a pixel would vanish: draw a dot. */
      if ((ring->x1 - ring->x0) * frame->scale < 2 && (ring->y1 - ring->y0) * frame->scale < 2)
        {
          double x = (ring->x0 + ring->x1) / 2 * frame->scale + frame->dx;
          double y = (ring->y0 + ring->y1) / 2 * frame->scale + frame->dy;

          cairo_new_sub_path (cr);
          cairo_arc (cr, x, y, 1.3, 0, 2 * G_PI);
          cairo_close_path (cr);
          continue;
        }

      last_x = ring->xy[0] * frame->scale + frame->dx;
      last_y = ring->xy[1] * frame->scale + frame->dy;
      cairo_move_to (cr, last_x, last_y);
      for (guint j = 1; j < ring->n_points; j++)
        {
          double x = ring->xy[2 * j] * frame->scale + frame->dx;
          double y = ring->xy[2 * j + 1] * frame->scale + frame->dy;

          if (ABS (x - last_x) < 0.7 && ABS (y - last_y) < 0.7 && j + 1 < ring->n_points)
            continue;
          cairo_line_to (cr, x, y);
          last_x = x;
          last_y = y;
        }
      cairo_close_path (cr);
    }
}

static const Shape *
find_shape (VankhoProvinceLayer *self,
            const char          *code)
{
  if (code == NULL)
    return NULL;

  for (guint i = 0; i < self->n_shapes; i++)
    if (g_str_equal (vankho_boundary_unit_get_code (self->shapes[i].unit), code))
      return &self->shapes[i];

  return NULL;
}

static PangoLayout *
get_layout (VankhoProvinceLayer *self,
            const char          *text,
            gboolean             italic)
{
  g_autofree char *key = g_strdup_printf ("%c%s", italic ? 'i' : 'r', text);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);

  if (layout == NULL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
      pango_attr_list_insert (attrs, pango_attr_weight_new (italic ? PANGO_WEIGHT_NORMAL : PANGO_WEIGHT_SEMIBOLD));
      if (italic)
        pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);
    }

  return layout;
}

static gboolean
collides (GArray                *placed,
          const graphene_rect_t *rect)
{
  for (guint i = 0; i < placed->len; i++)
    if (graphene_rect_intersection (&g_array_index (placed, graphene_rect_t, i), rect, NULL))
      return TRUE;

  return FALSE;
}

static void
draw_label (GtkSnapshot   *snapshot,
            PangoLayout   *layout,
            double         x,
            double         y,
            const GdkRGBA *color,
            const GdkRGBA *halo)
{
  /* A one-pixel halo in the fill's contrast keeps names readable over
   * outlines and the islands. */
  static const graphene_point_t offsets[] = { { -1, 0 }, { 1, 0 }, { 0, -1 }, { 0, 1 } };

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + offsets[i].x, y + offsets[i].y));
      gtk_snapshot_append_layout (snapshot, layout, halo);
      gtk_snapshot_restore (snapshot);
    }
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot_labels (VankhoProvinceLayer *self,
                 GtkSnapshot         *snapshot,
                 const Frame         *frame)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  g_autofree guint *order = g_new (guint, self->n_shapes);
  const Shape *selected = find_shape (self, self->selected);
  GdkRGBA sea_text, sea;
  guint n = 0;

  parse_color (self->dark ? DARK_SEA_TEXT : LIGHT_SEA_TEXT, &sea_text);
  parse_color (self->dark ? DARK_SEA : LIGHT_SEA, &sea);
  g_array_set_size (self->extra_hits, 0);

  /* The archipelagos first, always: they are part of the country. */
  for (guint i = 0; i < self->n_shapes; i++)
    {
      guint n_labels = 0;
      const VankhoGeoLabel *labels = vankho_boundary_unit_get_extra_labels (self->shapes[i].unit, &n_labels);

      for (guint k = 0; k < n_labels; k++)
        {
          PangoLayout *layout = get_layout (self, labels[k].name, TRUE);
          double x, y;
          int w, h;
          ExtraHit hit;

          world_coords (get_reference (self), labels[k].point.lat, labels[k].point.lon, &x, &y);
          pango_layout_get_pixel_size (layout, &w, &h);
          x = x * frame->scale + frame->dx - w / 2.0;
          y = y * frame->scale + frame->dy - h / 2.0;
          hit.rect = GRAPHENE_RECT_INIT (x, y, w, h);
          hit.unit = self->shapes[i].unit;
          g_array_append_val (self->extra_hits, hit);
          g_array_append_val (placed, hit.rect);
          draw_label (snapshot, layout, x, y, &sea_text, &sea);
        }
    }

  /* The selected unit's name wins, then the biggest units'. */
  if (selected != NULL)
    order[n++] = selected - self->shapes;
  for (guint i = 0; i < self->n_shapes; i++)
    if (&self->shapes[i] != selected)
      order[n++] = i;
  for (guint i = (selected != NULL); i + 1 < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        const Shape *a = &self->shapes[order[i]];
        const Shape *b = &self->shapes[order[j]];

        if (b->main_area > a->main_area)
          {
            guint t = order[i];
            order[i] = order[j];
            order[j] = t;
          }
      }

  for (guint i = 0; i < n; i++)
    {
      const Shape *shape = &self->shapes[order[i]];
      const char *code = vankho_boundary_unit_get_code (shape->unit);
      PangoLayout *layout = get_layout (self, vankho_boundary_unit_get_name (shape->unit), FALSE);
      double width = shape->main_width * frame->scale;
      double x = shape->label_x * frame->scale + frame->dx;
      double y = shape->label_y * frame->scale + frame->dy;
      graphene_rect_t rect;
      GdkRGBA fill, text, halo;
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      /* A name far wider than its province would cover its neighbours. */
      if (width < w * 0.9 && shape != selected)
        continue;
      if (x + w / 2.0 < 0 || x - w / 2.0 > frame->width || y + h / 2.0 < 0 || y - h / 2.0 > frame->height)
        continue;

      rect = GRAPHENE_RECT_INIT (x - w / 2.0 - 2, y - h / 2.0 - 1, w + 4, h + 2);
      if (collides (placed, &rect))
        continue;
      g_array_append_val (placed, rect);

      vankho_province_layer_get_class_color (self, vankho_province_layer_get_class (self, code), &fill);
      if (is_light (&fill))
        {
          parse_color ("rgba(0,0,0,0.85)", &text);
          halo = fill;
          halo.alpha = 0.8;
        }
      else
        {
          parse_color ("#ffffff", &text);
          halo = fill;
          halo.alpha = 0.8;
        }
      draw_label (snapshot, layout, x - w / 2.0, y - h / 2.0, &text, &halo);
    }
}

static void
draw_fills (VankhoProvinceLayer *self,
            cairo_t             *cr,
            const Frame         *frame)
{
  GdkRGBA outline, color;

  parse_color (self->dark ? "rgba(230,230,235,0.4)" : "rgba(40,40,50,0.45)", &outline);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 0.8);

  for (guint i = 0; i < self->n_shapes; i++)
    {
      const Shape *shape = &self->shapes[i];

      if (!frame_sees (frame, shape->x0, shape->y0, shape->x1, shape->y1))
        continue;

      append_shape (cr, frame, shape);
      vankho_province_layer_get_class_color (self,
                                             vankho_province_layer_get_class (self, vankho_boundary_unit_get_code (shape->unit)),
                                             &color);
      set_source_color (cr, &color);
      cairo_fill_preserve (cr);
      set_source_color (cr, &outline);
      cairo_stroke (cr);
    }
}

static gint64
floor_to_int (double value)
{
  gint64 i = (gint64) value;

  return value < i ? i - 1 : i;
}

static void
invalidate_tiles (VankhoProvinceLayer *self)
{
  g_hash_table_remove_all (self->tiles);
}

/* One tile of fills and outlines, TILE_SIZE pixels square, at the frame's
 * zoom; (tx, ty) counts tiles from the world's top left corner. */
static GdkTexture *
get_tile (VankhoProvinceLayer *self,
          const Frame         *frame,
          gint64               tx,
          gint64               ty)
{
  gint64 key = (tx << 32) ^ (ty & 0xffffffff);
  GdkTexture *texture = g_hash_table_lookup (self->tiles, &key);
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GBytes) bytes = NULL;
  Frame tile = *frame;

  if (texture != NULL)
    return texture;

  /* Panning far at one zoom: forget the tiles left behind. */
  if (g_hash_table_size (self->tiles) > 400)
    invalidate_tiles (self);

  tile.dx = -(double) tx * TILE_SIZE;
  tile.dy = -(double) ty * TILE_SIZE;
  tile.width = tile.height = TILE_SIZE;
  tile.rotation = 0;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, TILE_SIZE, TILE_SIZE);
  cr = cairo_create (surface);
  draw_fills (self, cr, &tile);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* ARGB32 is GDK_MEMORY_DEFAULT, byte for byte. */
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       cairo_image_surface_get_stride (surface) * TILE_SIZE);
  texture = gdk_memory_texture_new (TILE_SIZE, TILE_SIZE, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);

  g_hash_table_insert (self->tiles, g_memdup2 (&key, sizeof key), texture);

  return texture;
}

/* Draws @shape's outline alone, in a cairo node no bigger than it. */
static void
snapshot_outline (VankhoProvinceLayer *self,
                  GtkSnapshot         *snapshot,
                  const Frame         *frame,
                  const Shape         *shape,
                  const GdkRGBA       *halo,
                  const GdkRGBA       *color,
                  double               width)
{
  double x0 = MAX (0, shape->x0 * frame->scale + frame->dx - width);
  double y0 = MAX (0, shape->y0 * frame->scale + frame->dy - width);
  double x1 = MIN (frame->width, shape->x1 * frame->scale + frame->dx + width);
  double y1 = MIN (frame->height, shape->y1 * frame->scale + frame->dy + width);
  cairo_t *cr;

  if (frame->rotation != 0)
    {
      x0 = y0 = 0;
      x1 = frame->width;
      y1 = frame->height;
    }
  if (x1 <= x0 || y1 <= y0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0));
  if (frame->rotation != 0)
    {
      cairo_translate (cr, frame->width / 2, frame->height / 2);
      cairo_rotate (cr, frame->rotation);
      cairo_translate (cr, -frame->width / 2, -frame->height / 2);
    }
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  append_shape (cr, frame, shape);
  if (halo != NULL)
    {
      set_source_color (cr, halo);
      cairo_set_line_width (cr, width + 2);
      cairo_stroke_preserve (cr);
    }
  set_source_color (cr, color);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
vankho_province_layer_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  VankhoProvinceLayer *self = VANKHO_PROVINCE_LAYER (widget);
  const Shape *shape;
  GdkRGBA sea, accent, hover;
  Frame frame;

  if (!gtk_widget_get_visible (widget) || !frame_init (self, &frame))
    return;

  parse_color (self->dark ? DARK_SEA : LIGHT_SEA, &sea);
  parse_color (self->dark ? DARK_ACCENT : LIGHT_ACCENT, &accent);
  parse_color (self->dark ? "rgba(255,255,255,0.75)" : "rgba(0,0,0,0.75)", &hover);

  gtk_snapshot_append_color (snapshot, &sea, &GRAPHENE_RECT_INIT (0, 0, frame.width, frame.height));

  if (frame.rotation != 0)
    {
      /* Turned (a touch gesture): draw directly, the tiles are upright. */
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, frame.width, frame.height));

      cairo_translate (cr, frame.width / 2, frame.height / 2);
      cairo_rotate (cr, frame.rotation);
      cairo_translate (cr, -frame.width / 2, -frame.height / 2);
      draw_fills (self, cr, &frame);
      cairo_destroy (cr);
    }
  else
    {
      /* Filling the provinces is most of a frame's work: keep it in
       * tiles, so that panning only fills the tiles coming into view. */
      double left = -frame.dx;
      double top = -frame.dy;
      /* Whole pixels, so that the tiles are not resampled. */
      double dx = (double) floor_to_int (frame.dx + 0.5);
      double dy = (double) floor_to_int (frame.dy + 0.5);

      if (frame.scale != self->tiles_scale)
        {
          invalidate_tiles (self);
          self->tiles_scale = frame.scale;
        }

      for (gint64 ty = floor_to_int (top / TILE_SIZE); ty <= floor_to_int ((top + frame.height) / TILE_SIZE); ty++)
        for (gint64 tx = floor_to_int (left / TILE_SIZE); tx <= floor_to_int ((left + frame.width) / TILE_SIZE); tx++)
          {
            Frame rounded = frame;

            rounded.dx = dx;
            rounded.dy = dy;
            gtk_snapshot_append_texture (snapshot, get_tile (self, &rounded, tx, ty),
                                         &GRAPHENE_RECT_INIT (tx * TILE_SIZE + dx, ty * TILE_SIZE + dy,
                                                              TILE_SIZE, TILE_SIZE));
          }
    }

  shape = find_shape (self, self->hovered);
  if (shape != NULL && g_strcmp0 (self->hovered, self->selected) != 0)
    snapshot_outline (self, snapshot, &frame, shape, NULL, &hover, 2);

  /* A halo of the sea's colour keeps the outline clear of any fill. */
  shape = find_shape (self, self->selected);
  if (shape != NULL)
    snapshot_outline (self, snapshot, &frame, shape, &sea, &accent, 3);

  snapshot_labels (self, snapshot, &frame);
}

static void
viewport_changed_cb (VankhoProvinceLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
dark_changed_cb (VankhoProvinceLayer *self,
                 GParamSpec          *pspec,
                 AdwStyleManager     *style_manager)
{
  self->dark = adw_style_manager_get_dark (style_manager);
  invalidate_tiles (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
vankho_province_layer_constructed (GObject *object)
{
  VankhoProvinceLayer *self = VANKHO_PROVINCE_LAYER (object);
  ShumateViewport *viewport;
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  G_OBJECT_CLASS (vankho_province_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_signal_connect_object (viewport, "notify::latitude", G_CALLBACK (viewport_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::longitude", G_CALLBACK (viewport_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::zoom-level", G_CALLBACK (viewport_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::rotation", G_CALLBACK (viewport_changed_cb), self, G_CONNECT_SWAPPED);

  self->dark = adw_style_manager_get_dark (style_manager);
  g_signal_connect_object (style_manager, "notify::dark", G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
vankho_province_layer_css_changed (GtkWidget         *widget,
                                   GtkCssStyleChange *change)
{
  VankhoProvinceLayer *self = VANKHO_PROVINCE_LAYER (widget);

  GTK_WIDGET_CLASS (vankho_province_layer_parent_class)->css_changed (widget, change);

  /* The font may have changed: lay the names out again. */
  g_hash_table_remove_all (self->layouts);
}

static void
vankho_province_layer_dispose (GObject *object)
{
  VankhoProvinceLayer *self = VANKHO_PROVINCE_LAYER (object);

  shapes_clear (self);
  g_clear_object (&self->boundaries);

  G_OBJECT_CLASS (vankho_province_layer_parent_class)->dispose (object);
}

static void
vankho_province_layer_finalize (GObject *object)
{
  VankhoProvinceLayer *self = VANKHO_PROVINCE_LAYER (object);

  g_clear_pointer (&self->classes, g_hash_table_unref);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_clear_pointer (&self->extra_hits, g_array_unref);
  g_clear_pointer (&self->tiles, g_hash_table_unref);
  g_free (self->selected);
  g_free (self->hovered);

  G_OBJECT_CLASS (vankho_province_layer_parent_class)->finalize (object);
}

static void
vankho_province_layer_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  VankhoProvinceLayer *self = VANKHO_PROVINCE_LAYER (object);

  switch (prop_id)
    {
    case PROP_BOUNDARIES:
      g_value_set_object (value, self->boundaries);
      break;

    case PROP_SELECTED:
      g_value_set_string (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vankho_province_layer_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  VankhoProvinceLayer *self = VANKHO_PROVINCE_LAYER (object);

  switch (prop_id)
    {
    case PROP_BOUNDARIES:
      vankho_province_layer_set_boundaries (self, g_value_get_object (value));
      break;

    case PROP_SELECTED:
      vankho_province_layer_set_selected (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vankho_province_layer_class_init (VankhoProvinceLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vankho_province_layer_constructed;
  object_class->dispose = vankho_province_layer_dispose;
  object_class->finalize = vankho_province_layer_finalize;
  object_class->get_property = vankho_province_layer_get_property;
  object_class->set_property = vankho_province_layer_set_property;

  widget_class->snapshot = vankho_province_layer_snapshot;
  widget_class->css_changed = vankho_province_layer_css_changed;

  properties[PROP_BOUNDARIES] =
    g_param_spec_object ("boundaries", NULL, NULL,
                         VANKHO_TYPE_BOUNDARIES,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SELECTED] =
    g_param_spec_string ("selected", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "vankho-province-layer");
}

static void
vankho_province_layer_init (VankhoProvinceLayer *self)
{
  self->classes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->extra_hits = g_array_new (FALSE, FALSE, sizeof (ExtraHit));
  self->tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

VankhoProvinceLayer *
vankho_province_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (VANKHO_TYPE_PROVINCE_LAYER,
                       "viewport", viewport,
                       NULL);
}

/**
 * vankho_province_layer_get_boundaries:
 *
 * Returns: (transfer none) (nullable): the units drawn
 */
VankhoBoundaries *
vankho_province_layer_get_boundaries (VankhoProvinceLayer *self)
{
  g_return_val_if_fail (VANKHO_IS_PROVINCE_LAYER (self), NULL);

  return self->boundaries;
}

/**
 * vankho_province_layer_set_boundaries:
 *
 * Draws the units of @boundaries (an era); the classes, selection and
 * hover are by code of that era and are cleared.
 */
void
vankho_province_layer_set_boundaries (VankhoProvinceLayer *self,
                                      VankhoBoundaries    *boundaries)
{
  g_return_if_fail (VANKHO_IS_PROVINCE_LAYER (self));
  g_return_if_fail (boundaries == NULL || VANKHO_IS_BOUNDARIES (boundaries));

  if (!g_set_object (&self->boundaries, boundaries))
    return;

  shapes_build (self);
  g_hash_table_remove_all (self->classes);
  self->n_classes = 0;
  g_clear_pointer (&self->hovered, g_free);
  vankho_province_layer_set_selected (self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOUNDARIES]);
}

/**
 * vankho_province_layer_set_classes:
 * @classes: (element-type utf8 guint): unit code → class, 1 to @n_classes;
 *   a unit not in it has no articles
 * @n_classes: how many classes, at most %VANKHO_PROVINCE_LAYER_MAX_CLASSES
 */
void
vankho_province_layer_set_classes (VankhoProvinceLayer *self,
                                   GHashTable          *classes,
                                   guint                n_classes)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (VANKHO_IS_PROVINCE_LAYER (self));
  g_return_if_fail (n_classes <= VANKHO_PROVINCE_LAYER_MAX_CLASSES);

  g_hash_table_remove_all (self->classes);
  if (classes != NULL)
    {
      g_hash_table_iter_init (&iter, classes);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (self->classes, g_strdup (key), value);
    }
  self->n_classes = n_classes;
  invalidate_tiles (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
vankho_province_layer_get_n_classes (VankhoProvinceLayer *self)
{
  g_return_val_if_fail (VANKHO_IS_PROVINCE_LAYER (self), 0);

  return self->n_classes;
}

/**
 * vankho_province_layer_get_class:
 *
 * Returns: the class of a unit, 0 when it has no articles
 */
guint
vankho_province_layer_get_class (VankhoProvinceLayer *self,
                                 const char          *code)
{
  g_return_val_if_fail (VANKHO_IS_PROVINCE_LAYER (self), 0);

  if (code == NULL)
    return 0;

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->classes, code));
}

/**
 * vankho_province_layer_get_selected:
 *
 * Returns: (nullable): the code of the highlighted unit
 */
const char *
vankho_province_layer_get_selected (VankhoProvinceLayer *self)
{
  g_return_val_if_fail (VANKHO_IS_PROVINCE_LAYER (self), NULL);

  return self->selected;
}

void
vankho_province_layer_set_selected (VankhoProvinceLayer *self,
                                    const char          *code)
{
  g_return_if_fail (VANKHO_IS_PROVINCE_LAYER (self));

  if (g_strcmp0 (self->selected, code) == 0)
    return;

  g_free (self->selected);
  self->selected = g_strdup (code);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * vankho_province_layer_set_hovered:
 * @code: (nullable): the unit under the pointer
 */
void
vankho_province_layer_set_hovered (VankhoProvinceLayer *self,
                                   const char          *code)
{
  g_return_if_fail (VANKHO_IS_PROVINCE_LAYER (self));

  if (g_strcmp0 (self->hovered, code) == 0)
    return;

  g_free (self->hovered);
  self->hovered = g_strdup (code);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * vankho_province_layer_unit_at:
 * @x: widget coordinate
 * @y: widget coordinate
 *
 * Returns: (nullable): the unit drawn at (@x, @y); the label of an
 *   archipelago counts for its unit
 */
const VankhoBoundaryUnit *
vankho_province_layer_unit_at (VankhoProvinceLayer *self,
                               double               x,
                               double               y)
{
  ShumateViewport *viewport;
  double lat, lon;

  g_return_val_if_fail (VANKHO_IS_PROVINCE_LAYER (self), NULL);

  if (self->boundaries == NULL)
    return NULL;

  for (guint i = 0; i < self->extra_hits->len; i++)
    {
      const ExtraHit *hit = &g_array_index (self->extra_hits, ExtraHit, i);

      if (graphene_rect_contains_point (&hit->rect, &GRAPHENE_POINT_INIT (x, y)))
        return hit->unit;
    }

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  if (shumate_viewport_get_reference_map_source (viewport) == NULL)
    return NULL;

  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self), x, y, &lat, &lon);

  return vankho_boundaries_hit_test_unit (self->boundaries, lat, lon);
}
