/* fuzz-importer.c: decoding and splitting of an imported text file
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "fuzz-common.h"

#include "vankho-importer.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(VankhoArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_init ();
  if (size > FUZZ_MAX_INPUT)
    return 0;

  /* The importer reads files whole, with no terminator of their own. */
  article = vankho_importer_parse_text ((const char *) data, size, &error);
  g_assert ((article == NULL) != (error == NULL));

  if (article != NULL)
    {
      const char *title = vankho_article_get_title (article);
      const char *body = vankho_article_get_body (article);

      g_assert (title == NULL || g_utf8_validate (title, -1, NULL));
      g_assert (body == NULL || g_utf8_validate (body, -1, NULL));
    }

  return 0;
}
