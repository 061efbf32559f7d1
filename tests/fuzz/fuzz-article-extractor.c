/* fuzz-article-extractor.c: main-content extraction of a web page
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "fuzz-common.h"

#include "vankho-article-extractor.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(VankhoExtractedPage) page = NULL;

  fuzz_init ();
  if (size > FUZZ_MAX_INPUT)
    return 0;

  page = vankho_article_extractor_extract ((const char *) data, size,
                                           "https://vnexpress.net/thoi-su/bai-viet-123.html");
  if (page != NULL)
    {
      if (page->title != NULL)
        g_assert (g_utf8_validate (page->title, -1, NULL));
      if (page->byline != NULL)
        g_assert (g_utf8_validate (page->byline, -1, NULL));
      if (page->text != NULL)
        g_assert (g_utf8_validate (page->text, -1, NULL));
    }

  return 0;
}
