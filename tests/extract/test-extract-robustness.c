/* test-extract-robustness.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "extract-test-util.h"
#include "../test-timeout.h"

static void
test_nfd (void)
{
  const char *nfc = "Sáng 31/8/2023, Đảng uỷ Công an tỉnh Gia Lai sơ kết 1 năm thực hiện Nghị quyết số 12-NQ/TW của Bộ Chính trị.";
  g_autofree char *nfd = g_utf8_normalize (nfc, -1, G_NORMALIZE_NFD);
  g_autoptr(VankhoExtraction) a = extract_test_run (nfc, NULL, NULL, NULL, NULL, NULL);
  g_autoptr(VankhoExtraction) b = extract_test_run (nfd, NULL, NULL, NULL, NULL, NULL);
  g_autofree char *pa = extract_test_primary (a);
  g_autofree char *pb = extract_test_primary (b);
  g_autofree char *ka = extract_test_keys (a);
  g_autofree char *kb = extract_test_keys (b);
  g_autofree char *da = extract_test_published (a);
  g_autofree char *db = extract_test_published (b);

  g_assert_cmpstr (strcmp (nfc, nfd) != 0 ? "differ" : "same", ==, "differ");
  g_assert_cmpstr (pa, ==, "VN-30");
  g_assert_cmpstr (pb, ==, pa);
  g_assert_cmpstr (ka, ==, "nq:12-nq/tw");
  g_assert_cmpstr (kb, ==, ka);
  g_assert_cmpstr (db, ==, da);
  extract_test_check_offsets (b, nfd);
}

static void
test_spaces (void)
{
  /* NO-BREAK SPACE, zero-width space and an en dash where spaces and
   * hyphens belong.
   */
  const char *body = "Sáng\u00a027/9/2024,\u00a0Công an tỉnh\u00a0Bà Rịa\u00a0–\u00a0Vũng Tàu thực hiện Nghị\u200b quyết số\u00a012-NQ/TW.";
  g_autoptr(VankhoExtraction) result = extract_test_run (body, NULL, NULL, NULL, NULL, NULL);
  g_autofree char *primary = extract_test_primary (result);
  g_autofree char *keys = extract_test_keys (result);
  g_autofree char *date = extract_test_published (result);

  g_assert_cmpstr (date, ==, "2024-09-27");
  g_assert_cmpstr (primary, ==, "VN-43");
  g_assert_cmpstr (keys, ==, "nq:12-nq/tw");
  extract_test_check_offsets (result, body);
}

static void
test_eth (void)
{
  /* 'Ð' (U+00D0) typed for 'Đ' everywhere. */
  const char *body = "Sáng 20/3/2023, Ðảng ủy Công an tỉnh Ðồng Tháp quán triệt Nghị quyết số 16-NQ/ÐUCA.";
  g_autoptr(VankhoExtraction) result = extract_test_run (body, NULL, NULL, NULL, NULL, NULL);
  g_autofree char *primary = extract_test_primary (result);
  g_autofree char *keys = extract_test_keys (result);

  g_assert_cmpstr (primary, ==, "VN-45");
  g_assert_cmpstr (keys, ==, "nq:16-nq/duca");
  extract_test_check_offsets (result, body);
}

static void
test_empty (void)
{
  const char *bodies[] = { "", " ", "\n\n", "Sáng", "Nghị quyết số", "Nghị quyết số 12-", "12-NQ/",
                           "Luật", "Công an tỉnh", "tỉnh", "(", ")-", "Sáng nay (", "ngày 31/",
                           "Nghị quyết Trung ương", "\xff\xfe invalid \xc3", };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(VankhoExtraction) result = extract_test_run (bodies[i], NULL, NULL, NULL, NULL, NULL);

      g_assert_nonnull (result);
      extract_test_check_offsets (result, bodies[i]);
    }
}

static char *
repeat (const char *unit,
        gsize       size)
{
  GString *s = g_string_sized_new (size + strlen (unit));

  while (s->len < size)
    g_string_append (s, unit);

  return g_string_free (s, FALSE);
}

static gint64
time_extraction (const char *body)
{
  g_autoptr(VankhoExtraction) result = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;

  result = extract_test_run (body, NULL, NULL, NULL, NULL, NULL);
  elapsed = g_get_monotonic_time () - start;
  extract_test_check_offsets (result, body);

  return elapsed;
}

/* Runs of what the extractors look for, with nothing to find. Four times
 * the text takes about four times as long when the cut is linear and
 * sixteen when it is quadratic: the ratio tells them apart in any build,
 * plain or sanitized, however fast the machine. Tiny times are noise, so
 * the ratio is checked only when the smaller run takes a tenth of a second
 * (a quadratic cut takes far longer); 10 s a megabyte is the backstop.
 */
static void
test_hostile (void)
{
  static const char * const units[] = {
    "0123456789/", "1/2/", "12-NQ/", "Nghị quyết số 1", "31/02/2023 ", "99/99 ",
    "Sáng 1/", "ngày ", "tỉnh Gia", " Lai", "Luật Lực ", "(", ")", "-",
    "Nghị quyết số 1 và ", "Nghị quyết số 1 và Chỉ thị này ", "12-NQ/TW, ",
  };

  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    {
      g_autofree char *small = repeat (units[u], 256 * 1024);
      g_autofree char *large = repeat (units[u], 1024 * 1024);
      /* The smaller run twice: a scheduler's hiccup there would be
       * multiplied by eight. */
      gint64 small_time = MIN (time_extraction (small), time_extraction (small));
      gint64 large_time = time_extraction (large);

      g_test_message ("“%s” × 256 KB: %" G_GINT64_FORMAT " ms, × 1 MB: %" G_GINT64_FORMAT " ms",
                      units[u], small_time / 1000, large_time / 1000);
      if (small_time > G_USEC_PER_SEC / 10)
        g_assert_cmpint (large_time, <, 8 * small_time);
      g_assert_cmpint (large_time, <, 10 * G_USEC_PER_SEC * test_timeout_factor ());
    }
}

static void
test_ten_megabytes (void)
{
  GString *s = g_string_sized_new (10 * 1024 * 1024 + 16);
  g_autofree char *body = NULL;
  g_autoptr(VankhoExtraction) result = NULL;
  gint64 start;
  guint32 seed = 42;

  /* 10 MB of digits and slashes, no spaces at all. */
  while (s->len < 10 * 1024 * 1024)
    {
      seed = seed * 1103515245 + 12345;
      g_string_append_c (s, (seed >> 16) % 3 == 0 ? '/' : '0' + (seed >> 8) % 10);
    }
  body = g_string_free (s, FALSE);

  start = g_get_monotonic_time ();
  result = extract_test_run (body, NULL, NULL, NULL, NULL, NULL);
  g_test_message ("10 MB of digits and slashes: %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC * test_timeout_factor ());
  g_assert_cmpint (vankho_extraction_get_published (result)->precision, ==, VANKHO_DATE_PRECISION_UNKNOWN);
  g_assert_cmpuint (vankho_extraction_get_places (result)->len, ==, 0);
  extract_test_check_offsets (result, body);
}

static void
test_long_line (void)
{
  GString *s = g_string_new (NULL);
  g_autofree char *body = NULL;
  g_autoptr(VankhoExtraction) result = NULL;

  /* One long line without punctuation, citations all along. */
  for (guint i = 0; i < 20000; i++)
    g_string_append (s, "Nghị quyết số 12 của Bộ Chính trị và Công an tỉnh Gia Lai ");
  body = g_string_free (s, FALSE);

  result = extract_test_run (body, NULL, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (vankho_extraction_get_citations (result)->len, ==, 20000);
  extract_test_check_offsets (result, body);
}

static void
test_threads_func (gpointer data,
                   gpointer user_data)
{
  g_autoptr(VankhoExtraction) result = extract_test_run (
    "Sáng 31/8/2023, Công an tỉnh Gia Lai sơ kết Nghị quyết số 12-NQ/TW.", NULL, NULL, NULL, NULL, NULL);
  g_autofree char *keys = extract_test_keys (result);

  if (g_strcmp0 (keys, "nq:12-nq/tw") == 0)
    g_atomic_int_inc ((int *) user_data);
}

static void
test_threads (void)
{
  int ok = 0;
  GThreadPool *pool = g_thread_pool_new (test_threads_func, &ok, 8, FALSE, NULL);

  for (guint i = 0; i < 200; i++)
    g_thread_pool_push (pool, GUINT_TO_POINTER (i + 1), NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
  g_assert_cmpint (ok, ==, 200);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/extract/robustness/nfd", test_nfd);
  g_test_add_func ("/extract/robustness/spaces", test_spaces);
  g_test_add_func ("/extract/robustness/eth", test_eth);
  g_test_add_func ("/extract/robustness/empty", test_empty);
  g_test_add_func ("/extract/robustness/hostile", test_hostile);
  g_test_add_func ("/extract/robustness/ten-megabytes", test_ten_megabytes);
  g_test_add_func ("/extract/robustness/long-line", test_long_line);
  g_test_add_func ("/extract/robustness/threads", test_threads);

  return g_test_run ();
}
