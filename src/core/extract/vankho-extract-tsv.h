/* vankho-extract-tsv.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Called for each data row of a TSV file (comments and the header skipped),
 * with at least @n_fields fields (missing ones are "").
 */
typedef gboolean (*VankhoTsvRowFunc) (char       **fields,
                                      guint        line,
                                      gpointer     user_data,
                                      GError     **error);

gboolean  vankho_extract_tsv_parse         (GBytes            *bytes,
                                            const char        *name,
                                            guint              n_fields,
                                            VankhoTsvRowFunc   func,
                                            gpointer           user_data,
                                            GError           **error);
GBytes   *vankho_extract_tsv_load_resource (const char        *file,
                                            GError           **error);

G_END_DECLS
