/* vankho-application.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vankho-library.h"

G_BEGIN_DECLS

#define VANKHO_TYPE_APPLICATION (vankho_application_get_type ())

G_DECLARE_FINAL_TYPE (VankhoApplication, vankho_application, VANKHO, APPLICATION, AdwApplication)

VankhoApplication *vankho_application_new             (void);
void               vankho_application_restore_library (VankhoApplication *self,
                                                       VankhoLibrary     *library,
                                                       const char        *backup_path);

G_END_DECLS
