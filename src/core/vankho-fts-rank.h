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
#define VANKHO_FTS_PHRASE_COUNTS_TYPE "vankho_fts_phrase_counts"

typedef struct _VankhoFtsPhraseCounts VankhoFtsPhraseCounts;

int                    vankho_fts_rank_register       (sqlite3               *db);
VankhoFtsPhraseCounts *vankho_fts_phrase_counts_new   (void);
void                   vankho_fts_phrase_counts_free  (VankhoFtsPhraseCounts *counts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VankhoFtsPhraseCounts, vankho_fts_phrase_counts_free)

G_END_DECLS
