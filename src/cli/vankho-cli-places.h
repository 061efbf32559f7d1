/* vankho-cli-places.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vankho-library.h"

G_BEGIN_DECLS

int vankho_cli_command_places (int              argc,
                               char           **argv,
                               VankhoLibrary *(*open_library) (GError **error));

G_END_DECLS
