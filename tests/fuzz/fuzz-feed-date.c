/* fuzz-feed-date.c: vankho_feed_date_parse() on any date string of a feed
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "fuzz-common.h"

#include "vankho-feed-date.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) date = NULL;

  fuzz_init ();
  if (size > 4096)
    return 0;

  text = fuzz_strndup (data, size);
  date = vankho_feed_date_parse (text);
  (void) date;

  return 0;
}
