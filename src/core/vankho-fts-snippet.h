/* vankho-fts-snippet.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* What a list row's snippet is made with, after the table: the body, the
 * match marked with \002 and \003 (see vankho_text_format_snippet()), an
 * ellipsis where the text is cut, 24 tokens. */
#define VANKHO_FTS_SNIPPET_ARGS "1, char (2), char (3), '…', 24"

typedef struct _VankhoFtsSnippet VankhoFtsSnippet;

VankhoFtsSnippet *vankho_fts_snippet_new           (void);
void              vankho_fts_snippet_free          (VankhoFtsSnippet *self);
gboolean          vankho_fts_snippet_needs_own_row (const char       *match);
int               vankho_fts_snippet_make          (VankhoFtsSnippet *self,
                                                    const char       *title,
                                                    const char       *body,
                                                    const char       *match,
                                                    char            **snippet);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VankhoFtsSnippet, vankho_fts_snippet_free)

G_END_DECLS
