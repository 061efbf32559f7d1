/* vankho-search-query.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _VankhoSearchQuery VankhoSearchQuery;

VankhoSearchQuery *vankho_search_query_parse       (const char        *text);
void               vankho_search_query_free        (VankhoSearchQuery *self);
gboolean           vankho_search_query_is_empty    (const VankhoSearchQuery *self);
const char        *vankho_search_query_get_match   (const VankhoSearchQuery *self);
const char        *vankho_search_query_get_exclude (const VankhoSearchQuery *self);
const char        *vankho_search_query_get_plain   (const VankhoSearchQuery *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VankhoSearchQuery, vankho_search_query_free)

G_END_DECLS
