/* vankho-text.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * VankhoTokenFunc:
 * @token: the folded token, not nul-terminated
 * @token_len: length of @token in bytes
 * @start: byte offset of the token's first character in the original text
 * @end: byte offset just past the token's last character in the original text
 * @user_data: data given to vankho_text_foreach_token()
 *
 * Returns: %FALSE to stop the iteration
 */
typedef gboolean (*VankhoTokenFunc) (const char *token,
                                     gsize       token_len,
                                     gsize       start,
                                     gsize       end,
                                     gpointer    user_data);

gunichar  vankho_text_fold_char     (gunichar         c);
char     *vankho_text_fold          (const char      *text,
                                     gssize           len);
char     *vankho_text_fold_with_map (const char      *text,
                                     gssize           len,
                                     gsize          **offsets);
void      vankho_text_foreach_token (const char      *text,
                                     gsize            len,
                                     VankhoTokenFunc  func,
                                     gpointer         user_data);
char     *vankho_text_normalize     (const char      *text,
                                     gssize           len);
char     *vankho_text_shorten       (const char      *text,
                                     guint            max_chars);

G_END_DECLS

G_BEGIN_DECLS

/* Where FTS5 puts a match in a snippet. Stored text never holds control
 * characters (vankho_text_normalize() drops them), so these cannot clash.
 */
#define VANKHO_SNIPPET_OPEN  "\x02"
#define VANKHO_SNIPPET_CLOSE "\x03"

char     *vankho_text_format_snippet (const char *snippet,
                                      const char *open,
                                      const char *close,
                                      gboolean    escape_markup);

G_END_DECLS
