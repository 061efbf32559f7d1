/* fuzz-text.c: folding, normalizing and tokenizing
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "fuzz-common.h"

#include "vankho-text.h"

static gboolean
check_token (const char *token,
             gsize       token_len,
             gsize       start,
             gsize       end,
             gpointer    user_data)
{
  gsize text_len = GPOINTER_TO_SIZE (user_data);

  g_assert_cmpuint (token_len, >, 0);
  g_assert_cmpuint (start, <, end);
  g_assert_cmpuint (end, <=, text_len);
  g_assert (g_utf8_validate_len (token, token_len, NULL));
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *mapped = NULL;
  g_autofree gsize *offsets = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *shortened = NULL;
  g_autofree char *snippet = NULL;

  fuzz_init ();
  if (size > FUZZ_MAX_INPUT)
    return 0;

  /* The tokenizer is the FTS tokenizer: it sees whatever bytes are stored,
   * valid or not, and must cope.
   */
  vankho_text_foreach_token ((const char *) data, size, check_token, GSIZE_TO_POINTER (size));

  /* The rest is only ever given valid UTF-8. */
  text = fuzz_strndup (data, size);
  if (!g_utf8_validate (text, -1, NULL))
    return 0;

  folded = vankho_text_fold (text, -1);
  g_assert (folded != NULL && g_utf8_validate (folded, -1, NULL));

  mapped = vankho_text_fold_with_map (text, -1, &offsets);
  g_assert_cmpstr (mapped, ==, folded);
  for (gsize i = 0; mapped[i] != '\0'; i++)
    g_assert_cmpuint (offsets[i], <, strlen (text));

  normal = vankho_text_normalize (text, -1);
  if (normal != NULL)
    g_assert (g_utf8_validate (normal, -1, NULL));

  shortened = vankho_text_shorten (text, size % 64);
  g_assert (shortened != NULL && g_utf8_validate (shortened, -1, NULL));

  snippet = vankho_text_format_snippet (text, "<b>", "</b>", size & 1);
  g_assert (snippet == NULL || g_utf8_validate (snippet, -1, NULL));

  return 0;
}
