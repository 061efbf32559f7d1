/* vankho-chip-box.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VANKHO_TYPE_CHIP_BOX (vankho_chip_box_get_type ())

G_DECLARE_FINAL_TYPE (VankhoChipBox, vankho_chip_box, VANKHO, CHIP_BOX, GtkWidget)

GtkWidget *vankho_chip_box_new        (void);
void       vankho_chip_box_append     (VankhoChipBox *self,
                                       GtkWidget     *chip);
void       vankho_chip_box_remove_all (VankhoChipBox *self);

G_END_DECLS
