/* vankho-library-places.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vankho-boundaries.h"
#include "vankho-library.h"

G_BEGIN_DECLS

/* How many articles concern each province, in both eras at once, so that
 * the map can switch eras without asking again. An article counts for its
 * primary provinces only, and once per unit: an article about Hà Giang and
 * Tuyên Quang is one article for Tuyên Quang of 2025.
 */
typedef struct _VankhoPlaceCounts VankhoPlaceCounts;

/* An event reported by the articles citing a document ("so_ket", "1 năm"). */
typedef struct
{
  char   *kind;
  char   *period;       /* nullable */
  gint64  n_articles;
} VankhoPlaceEvent;

#define VANKHO_TYPE_PLACE_COUNTS (vankho_place_counts_get_type ())

GType              vankho_place_counts_get_type        (void) G_GNUC_CONST;
VankhoPlaceCounts *vankho_place_counts_ref             (VankhoPlaceCounts        *counts);
void               vankho_place_counts_unref           (VankhoPlaceCounts        *counts);
gint64             vankho_place_counts_get_n_articles  (const VankhoPlaceCounts  *counts);
gint64             vankho_place_counts_get_n_placed    (const VankhoPlaceCounts  *counts);
const char        *vankho_place_counts_get_newest      (const VankhoPlaceCounts  *counts);
const char        *vankho_place_counts_get_oldest      (const VankhoPlaceCounts  *counts);
gint64             vankho_place_counts_get             (const VankhoPlaceCounts  *counts,
                                                        VankhoEra                 era,
                                                        const char               *code);
gint64             vankho_place_counts_get_max         (const VankhoPlaceCounts  *counts,
                                                        VankhoEra                 era);
const char        *vankho_place_counts_get_earliest    (const VankhoPlaceCounts  *counts,
                                                        VankhoEra                 era,
                                                        const char               *code);
GStrv              vankho_place_counts_dup_codes       (const VankhoPlaceCounts  *counts,
                                                        VankhoEra                 era);
VankhoEra          vankho_place_counts_suggest_era     (const VankhoPlaceCounts  *counts);

void               vankho_place_event_free             (VankhoPlaceEvent         *event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VankhoPlaceCounts, vankho_place_counts_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VankhoPlaceEvent, vankho_place_event_free)

/* Reads: on the reader connection, callable from a worker thread. */
VankhoPlaceCounts *vankho_library_count_places         (VankhoLibrary            *self,
                                                        const VankhoArticleQuery *query,
                                                        GCancellable             *cancellable,
                                                        GError                  **error);
VankhoPlaceCounts *vankho_library_count_places_citing  (VankhoLibrary            *self,
                                                        gint64                    document_id,
                                                        GCancellable             *cancellable,
                                                        GError                  **error);
VankhoPlaceCounts *vankho_library_earliest_event_places (VankhoLibrary           *self,
                                                        gint64                    document_id,
                                                        const char               *kind,
                                                        const char               *period,
                                                        GCancellable             *cancellable,
                                                        GError                  **error);
GPtrArray         *vankho_library_list_place_events    (VankhoLibrary            *self,
                                                        gint64                    document_id,
                                                        GError                  **error);

G_END_DECLS
