/* vankho-http-fetch.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* At most this many redirects, to http: or https: only. */
#define VANKHO_HTTP_FETCH_MAX_REDIRECTS 5

typedef struct _VankhoHttpFetch VankhoHttpFetch;

/**
 * VankhoHttpFetchDone:
 * @fetch: the finished fetch, freed when this returns
 * @error: (transfer full) (nullable): why it failed
 * @user_data: data given to vankho_http_fetch_start()
 */
typedef void (*VankhoHttpFetchDone) (VankhoHttpFetch *fetch,
                                     GError          *error,
                                     gpointer         user_data);

void         vankho_http_fetch_start                  (SoupSession         *session,
                                                       const char          *url,
                                                       const char          *etag,
                                                       const char          *last_modified,
                                                       guint                total_timeout_seconds,
                                                       gsize                max_size,
                                                       GCancellable        *cancellable,
                                                       VankhoHttpFetchDone  done,
                                                       gpointer             user_data);
const char  *vankho_http_fetch_get_url                (VankhoHttpFetch     *fetch);
SoupMessage *vankho_http_fetch_get_message            (VankhoHttpFetch     *fetch);
gboolean     vankho_http_fetch_get_moved_permanently  (VankhoHttpFetch     *fetch);
GBytes      *vankho_http_fetch_steal_body             (VankhoHttpFetch     *fetch);

G_END_DECLS
