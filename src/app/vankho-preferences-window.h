/* vankho-preferences-window.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vankho-library.h"

G_BEGIN_DECLS

#define VANKHO_TYPE_PREFERENCES_WINDOW (vankho_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (VankhoPreferencesWindow, vankho_preferences_window, VANKHO, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *vankho_preferences_window_new (GtkWindow     *parent,
                                          VankhoLibrary *library);

G_END_DECLS
