/* vankho-feed-sync.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How one feed's sync went. */
typedef struct
{
  gint64  feed_id;
  char   *title;
  guint   new_items;
  int     status;       /* HTTP status, 0 when the network failed */
  char   *error;        /* NULL on success */
} VankhoFeedSyncResult;

typedef void (*VankhoFeedSyncProgressFunc) (guint                       done,
                                            guint                       total,
                                            const VankhoFeedSyncResult *result,
                                            gpointer                    user_data);

#define VANKHO_TYPE_FEED_SYNC (vankho_feed_sync_get_type ())

G_DECLARE_FINAL_TYPE (VankhoFeedSync, vankho_feed_sync, VANKHO, FEED_SYNC, GObject)

VankhoFeedSync *vankho_feed_sync_new               (const char                 *library_path);
void            vankho_feed_sync_set_limits        (VankhoFeedSync             *self,
                                                    guint                       io_timeout_seconds,
                                                    guint                       total_timeout_seconds,
                                                    gsize                       max_response_size);
gboolean        vankho_feed_sync_run               (VankhoFeedSync             *self,
                                                    gint64                      feed_id,
                                                    gboolean                    force,
                                                    GCancellable               *cancellable,
                                                    VankhoFeedSyncProgressFunc  progress,
                                                    gpointer                    user_data,
                                                    GError                    **error);
GPtrArray      *vankho_feed_sync_get_results       (VankhoFeedSync             *self);
guint           vankho_feed_sync_get_n_new         (VankhoFeedSync             *self);

G_END_DECLS
