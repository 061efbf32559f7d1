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
#define VANKHO_FTS_RANK_HITS_NAME "vankho_rank_hits"
#define VANKHO_FTS_PHRASE_COUNTS_TYPE "vankho_fts_phrase_counts"
#define VANKHO_FTS_RANKED_HITS_TYPE "vankho_fts_ranked_hits"

typedef struct _VankhoFtsPhraseCounts VankhoFtsPhraseCounts;

/* A row vankho_rank_hits() ranked: @key orders as the score does, the best
 * lowest (see vankho_fts_rank_key()). */
typedef struct
{
  guint64 key;
  gint64  id;
} VankhoFtsRankedHit;

/* Where vankho_rank_hits() puts the rows it ranks, bound to it with
 * sqlite3_bind_pointer(). The first @n_hits of @hits are the hits, in the
 * order the rows came; @hits may be longer. Rows whose id is in @excluded
 * (ascending) are left out.
 *
 * A search of more than one phrase leaves the keys to
 * vankho_fts_ranked_hits_score(): @freqs then holds each hit's weighted
 * frequencies, @n_phrases a hit, and @n_with_phrase how many hits hold
 * each phrase, in a table of @n_rows. Free @n_with_phrase with g_free(). */
typedef struct
{
  GArray        *hits;        /* VankhoFtsRankedHit */
  guint          n_hits;
  const gint64  *excluded;
  guint          n_excluded;
  GArray        *freqs;       /* double */
  int            n_phrases;
  sqlite3_int64  n_rows;
  sqlite3_int64 *n_with_phrase;
} VankhoFtsRankedHits;

int                    vankho_fts_rank_register       (sqlite3               *db);
guint64                vankho_fts_rank_key            (double                 rank);
double                 vankho_fts_phrase_idf          (sqlite3_int64          n_rows,
                                                       sqlite3_int64          n_hits);
double                 vankho_fts_phrase_score        (double                 idf,
                                                       double                 freq);
VankhoFtsPhraseCounts *vankho_fts_phrase_counts_new   (void);
void                   vankho_fts_phrase_counts_free  (VankhoFtsPhraseCounts *counts);
gboolean               vankho_fts_phrase_counts_set_known (VankhoFtsPhraseCounts *counts,
                                                           int                    n_phrases,
                                                           sqlite3_int64          n_rows,
                                                           const sqlite3_int64   *n_with_phrase);
void                   vankho_fts_phrase_counts_get_idf   (VankhoFtsPhraseCounts *counts,
                                                           sqlite3_int64          n_rows,
                                                           double                *idf);
void                   vankho_fts_ranked_hits_score   (VankhoFtsRankedHits   *sink,
                                                       const double          *idf);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VankhoFtsPhraseCounts, vankho_fts_phrase_counts_free)

G_END_DECLS
