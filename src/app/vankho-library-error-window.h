/* vankho-library-error-window.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VANKHO_TYPE_LIBRARY_ERROR_WINDOW (vankho_library_error_window_get_type ())

G_DECLARE_FINAL_TYPE (VankhoLibraryErrorWindow, vankho_library_error_window, VANKHO, LIBRARY_ERROR_WINDOW, AdwApplicationWindow)

GtkWidget *vankho_library_error_window_new (GtkApplication *application,
                                            const char     *library_path,
                                            const GError   *error);

G_END_DECLS
