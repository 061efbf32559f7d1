/* fuzz-extractor.c: the date, province, citation and event extractors
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "fuzz-common.h"

#include "vankho-extractor.h"
#include "vankho-text.h"

/* The extractors see article bodies: imported or fetched, then normalized.
 * The first line, if short, stands in for the title and the last byte picks
 * the dates and URL, so the fuzzer can reach every input field.
 */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static VankhoExtractor *extractor;
  g_autofree char *raw = NULL;
  g_autofree char *body = NULL;
  g_autofree char *title = NULL;
  g_autoptr(VankhoExtraction) extraction = NULL;
  g_autoptr(JsonNode) json = NULL;
  VankhoExtractInput input = { 0 };
  guint8 flags = 0;
  const char *newline;

  fuzz_init ();
  if (size > 64 * 1024)
    return 0;
  if (extractor == NULL)
    extractor = vankho_extractor_get_default ();

  if (size > 0)
    flags = data[--size];

  raw = fuzz_strndup (data, size);
  if (!g_utf8_validate (raw, -1, NULL))
    return 0;
  body = vankho_text_normalize (raw, -1);
  if (body == NULL)
    return 0;

  newline = strchr (body, '\n');
  if ((flags & 1) && newline != NULL && newline - body < 200)
    title = g_strndup (body, newline - body);

  input.title = title;
  input.body = body;
  if (flags & 2)
    vankho_date_set (&input.header_date, 2023, 1 + (flags >> 4) % 12, 0);
  if (flags & 4)
    vankho_date_set (&input.feed_date, 2024, 1 + (flags >> 4) % 12, 1 + (flags >> 3) % 28);
  if (flags & 8)
    input.url = "https://baoquangninh.vn/thoi-su/bai-viet.html";
  if (flags & 16)
    input.byline = "Minh Hà (Quảng Ninh)";

  extraction = vankho_extractor_run (extractor, &input);
  g_assert (extraction != NULL);

  /* Offsets must point into the body they came from. */
  for (guint i = 0; i < vankho_extraction_get_places (extraction)->len; i++)
    {
      VankhoPlace *place = g_ptr_array_index (vankho_extraction_get_places (extraction), i);

      if (place->offset >= 0)
        g_assert_cmpuint (place->offset + place->length, <=, strlen (body));
    }
  for (guint i = 0; i < vankho_extraction_get_citations (extraction)->len; i++)
    {
      VankhoCitation *citation = g_ptr_array_index (vankho_extraction_get_citations (extraction), i);

      g_assert_cmpuint (citation->offset + citation->length, <=, strlen (body));
      g_assert (g_utf8_validate (citation->mention, -1, NULL));
    }

  json = vankho_extraction_to_json (extraction);
  g_assert (json != NULL);

  return 0;
}
