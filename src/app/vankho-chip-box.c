/* vankho-chip-box.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Chips side by side, each as wide as its words, wrapping onto a new row
 * when the next does not fit, left to right (right to left in a
 * right-to-left locale). GtkFlowBox lays its children out in columns and
 * shares the spare width between them, which set the filter's chips far
 * apart on a wide window.
 */

#include "config.h"

#include "vankho-chip-box.h"

#define SPACING 6

struct _VankhoChipBox
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (VankhoChipBox, vankho_chip_box, GTK_TYPE_WIDGET)

static int
chip_width (GtkWidget *chip,
            int        available)
{
  int minimum, natural;

  gtk_widget_measure (chip, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  return MAX (minimum, MIN (natural, available));
}

/* Lays the chips out in @width, allocating them when @allocate, and
 * returns the height the rows take. */
static int
lay_out (VankhoChipBox *self,
         int            width,
         gboolean       allocate)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  GtkWidget *row_start = gtk_widget_get_first_child (GTK_WIDGET (self));
  int y = 0;

  while (row_start != NULL)
    {
      GtkWidget *row_end = row_start;
      GtkWidget *chip;
      int row_width = 0, row_height = 0, x = 0;

      /* The row: at least one chip, then as many as fit. */
      for (chip = row_start; chip != NULL; chip = gtk_widget_get_next_sibling (chip))
        {
          int chip_w, chip_h;

          if (!gtk_widget_should_layout (chip))
            {
              row_end = gtk_widget_get_next_sibling (chip);
              continue;
            }
          chip_w = chip_width (chip, width);
          if (row_width > 0 && row_width + SPACING + chip_w > width)
            break;
          gtk_widget_measure (chip, GTK_ORIENTATION_VERTICAL, chip_w, &chip_h, NULL, NULL, NULL);
          row_width += (row_width > 0 ? SPACING : 0) + chip_w;
          row_height = MAX (row_height, chip_h);
          row_end = gtk_widget_get_next_sibling (chip);
        }

      for (chip = row_start; allocate && chip != row_end; chip = gtk_widget_get_next_sibling (chip))
        {
          int chip_w;

          if (!gtk_widget_should_layout (chip))
            continue;
          chip_w = chip_width (chip, width);
          gtk_widget_size_allocate (chip,
                                    &(GtkAllocation) { rtl ? width - x - chip_w : x, y, chip_w, row_height },
                                    -1);
          x += chip_w + SPACING;
        }

      y += row_height;
      row_start = row_end;
      if (row_start != NULL)
        y += SPACING;
    }

  return y;
}

static void
vankho_chip_box_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  VankhoChipBox *self = VANKHO_CHIP_BOX (widget);

  *minimum = *natural = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* As narrow as the widest chip's minimum; naturally, one row. */
      for (GtkWidget *chip = gtk_widget_get_first_child (widget); chip != NULL;
           chip = gtk_widget_get_next_sibling (chip))
        {
          int chip_min, chip_nat;

          if (!gtk_widget_should_layout (chip))
            continue;
          gtk_widget_measure (chip, orientation, -1, &chip_min, &chip_nat, NULL, NULL);
          *minimum = MAX (*minimum, chip_min);
          *natural += (*natural > 0 ? SPACING : 0) + chip_nat;
        }
    }
  else if (for_size >= 0)
    {
      *minimum = *natural = lay_out (self, for_size, FALSE);
    }
  else
    {
      int min_width, nat_width;

      /* The rows at the narrowest. */
      vankho_chip_box_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &nat_width, NULL, NULL);
      *minimum = *natural = lay_out (self, min_width, FALSE);
    }
}

static GtkSizeRequestMode
vankho_chip_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
vankho_chip_box_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  lay_out (VANKHO_CHIP_BOX (widget), width, TRUE);
}

static void
vankho_chip_box_dispose (GObject *object)
{
  vankho_chip_box_remove_all (VANKHO_CHIP_BOX (object));

  G_OBJECT_CLASS (vankho_chip_box_parent_class)->dispose (object);
}

static void
vankho_chip_box_class_init (VankhoChipBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vankho_chip_box_dispose;

  widget_class->measure = vankho_chip_box_measure;
  widget_class->get_request_mode = vankho_chip_box_get_request_mode;
  widget_class->size_allocate = vankho_chip_box_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "chipbox");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
vankho_chip_box_init (VankhoChipBox *self)
{
}

GtkWidget *
vankho_chip_box_new (void)
{
  return g_object_new (VANKHO_TYPE_CHIP_BOX, NULL);
}

/**
 * vankho_chip_box_append:
 * @chip: (transfer floating): a widget, usually a button
 *
 * Adds @chip after the others.
 */
void
vankho_chip_box_append (VankhoChipBox *self,
                        GtkWidget     *chip)
{
  g_return_if_fail (VANKHO_IS_CHIP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (chip));

  gtk_widget_set_parent (chip, GTK_WIDGET (self));
}

void
vankho_chip_box_remove_all (VankhoChipBox *self)
{
  GtkWidget *chip;

  g_return_if_fail (VANKHO_IS_CHIP_BOX (self));

  while ((chip = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (chip);
}
