/* vankho-fts-rank.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define VANKHO_FTS_RANK_NAME "vankho_rank"

int vankho_fts_rank_register (sqlite3 *db);

G_END_DECLS
