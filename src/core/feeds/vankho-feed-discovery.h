/* vankho-feed-discovery.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GStrv vankho_feed_discover_links (const char *html,
                                  gsize       len,
                                  const char *base_url);

G_END_DECLS
