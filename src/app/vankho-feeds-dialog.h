/* vankho-feeds-dialog.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vankho-library.h"

G_BEGIN_DECLS

#define VANKHO_TYPE_FEEDS_DIALOG (vankho_feeds_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VankhoFeedsDialog, vankho_feeds_dialog, VANKHO, FEEDS_DIALOG, AdwWindow)

GtkWidget *vankho_feeds_dialog_new     (GtkWindow      *parent,
                                        VankhoLibrary  *library);
void       vankho_feeds_dialog_refresh (VankhoFeedsDialog *self);

G_END_DECLS
