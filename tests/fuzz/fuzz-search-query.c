/* fuzz-search-query.c: vankho_search_query_parse() on any typed text
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "fuzz-common.h"

#include "vankho-search-query.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autoptr(VankhoSearchQuery) query = NULL;

  fuzz_init ();
  if (size > 16 * 1024)
    return 0;

  text = fuzz_strndup (data, size);
  query = vankho_search_query_parse (text);
  if (query != NULL && !vankho_search_query_is_empty (query))
    {
      const char *match = vankho_search_query_get_match (query);
      const char *exclude = vankho_search_query_get_exclude (query);
      const char *plain = vankho_search_query_get_plain (query);

      g_assert (match == NULL || g_utf8_validate (match, -1, NULL));
      g_assert (exclude == NULL || g_utf8_validate (exclude, -1, NULL));
      g_assert (plain == NULL || g_utf8_validate (plain, -1, NULL));
    }

  return 0;
}
