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

char       *vankho_format_date            (const VankhoDate *date);
const char *vankho_format_event_kind      (const char       *kind);
guint       vankho_format_event_kind_rank (const char       *kind);

G_END_DECLS
