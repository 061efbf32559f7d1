/* vankho-format.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "vankho-date.h"

G_BEGIN_DECLS

char *vankho_format_date (const VankhoDate *date);

G_END_DECLS
