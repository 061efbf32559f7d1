/* fuzz-html-text.c: vankho_html_to_text() and vankho_plain_text_clean()
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "fuzz-common.h"

#include "vankho-html-text.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autofree char *text_full = NULL;
  g_autofree char *image = NULL;
  g_autofree char *clean = NULL;

  fuzz_init ();
  if (size > FUZZ_MAX_INPUT)
    return 0;

  /* Not NUL-terminated on purpose: the length must be honoured. */
  text = vankho_html_to_text ((const char *) data, size);
  if (text != NULL)
    g_assert (g_utf8_validate (text, -1, NULL));

  text_full = vankho_html_to_text_full ((const char *) data, size, &image);
  if (image != NULL)
    g_assert (g_utf8_validate (image, -1, NULL));

  if (g_utf8_validate_len ((const char *) data, size, NULL))
    {
      clean = vankho_plain_text_clean ((const char *) data, size);
      if (clean != NULL)
        g_assert (g_utf8_validate (clean, -1, NULL));
    }

  return 0;
}
