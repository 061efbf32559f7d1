/* vankho-feed-probe.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      vankho_feed_probe_async      (const char           *url,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
void      vankho_feed_probe_full_async (const char           *url,
                                        guint                 timeout_seconds,
                                        gsize                 max_size,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean  vankho_feed_probe_finish     (GAsyncResult         *result,
                                        char                **feed_url,
                                        char                **title,
                                        GError              **error);

G_END_DECLS
