/* fuzz-feed-parser.c: vankho_feed_parse() on arbitrary bytes
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "fuzz-common.h"

#include "vankho-feed-parser.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(VankhoFeed) feed = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_init ();
  if (size > FUZZ_MAX_INPUT)
    return 0;

  /* Feed bytes come straight from the network: no terminator, any encoding. */
  bytes = g_bytes_new (data, size);
  feed = vankho_feed_parse (bytes, "https://example.vn/rss/tin-moi.rss", &error);
  g_assert ((feed == NULL) != (error == NULL));

  return 0;
}
