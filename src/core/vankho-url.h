/* vankho-url.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  vankho_url_is_web       (const char *url);
char     *vankho_url_dup_web      (const char *url);
char     *vankho_url_normalize    (const char *url);

G_END_DECLS
