/* vankho-opml.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *url;
  char *title;
} VankhoOpmlFeed;

GPtrArray *vankho_opml_parse (const char  *data,
                              gsize        len,
                              GError     **error);
char      *vankho_opml_write (GPtrArray   *feeds);

G_END_DECLS
