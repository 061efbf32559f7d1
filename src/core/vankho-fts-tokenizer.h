/* vankho-fts-tokenizer.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define VANKHO_FTS_TOKENIZER_NAME "vankho"

fts5_api *vankho_fts_get_api            (sqlite3 *db);
int       vankho_fts_tokenizer_register (sqlite3 *db);

G_END_DECLS
