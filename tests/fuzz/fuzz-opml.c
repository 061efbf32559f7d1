/* fuzz-opml.c: vankho_opml_parse(), and writing back what was read
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "fuzz-common.h"

#include "vankho-opml.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_init ();
  if (size > FUZZ_MAX_INPUT)
    return 0;

  feeds = vankho_opml_parse ((const char *) data, size, &error);
  g_assert ((feeds == NULL) != (error == NULL));

  if (feeds != NULL)
    {
      g_autofree char *written = vankho_opml_write (feeds);
      g_autoptr(GPtrArray) again = NULL;
      g_autoptr(GError) again_error = NULL;

      /* What we write, we must read back to the same list. */
      g_assert (written != NULL);
      again = vankho_opml_parse (written, strlen (written), &again_error);
      if (feeds->len > 0)
        {
          g_assert_no_error (again_error);
          g_assert_cmpuint (again->len, ==, feeds->len);
        }
    }

  return 0;
}
