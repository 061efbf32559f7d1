/* test-feed-date.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "feeds/vankho-feed-date.h"

static const struct
{
  const char *text;
  const char *utc;   /* NULL: must not parse */
} cases[] = {
  /* RFC 822 and its variants */
  { "Thu, 31 Aug 2023 08:00:00 +0700", "2023-08-31T01:00:00Z" },
  { "31 Aug 2023 08:00:00 +0700", "2023-08-31T01:00:00Z" },
  { "Thu, 31 Aug 23 08:00:00 +0700", "2023-08-31T01:00:00Z" },
  { "Thu, 31 Aug 99 08:00:00 GMT", "1999-08-31T08:00:00Z" },
  { "Thu, 31 Aug 2023 08:00 GMT", "2023-08-31T08:00:00Z" },
  { "Thu, 31 Aug 2023 08:00:00 UT", "2023-08-31T08:00:00Z" },
  { "Thu, 31 Aug 2023 08:00:00 EST", "2023-08-31T13:00:00Z" },
  { "Thu, 31 Aug 2023 08:00:00 EDT", "2023-08-31T12:00:00Z" },
  { "Thu, 31 Aug 2023 08:00:00 CST", "2023-08-31T14:00:00Z" },
  { "Thu, 31 Aug 2023 08:00:00 PDT", "2023-08-31T15:00:00Z" },
  { "Thu, 31 Aug 2023 08:00:00 Z", "2023-08-31T08:00:00Z" },
  { "Thu, 31 Aug 2023 08:00:00 A", "2023-08-31T09:00:00Z" },
  { "Thu, 31 Aug 2023 08:00:00 N", "2023-08-31T07:00:00Z" },
  { "Thu, 31 Aug 2023 08:00:00 GMT+7", "2023-08-31T01:00:00Z" },
  /* Thứ Hai written T2, not the military zone T. */
  { "T2, 05/02/2024 10:30", "2024-02-05T03:30:00Z" },
  /* A zone's name after the offset says no more. */
  { "Mon, 05 Feb 2024 10:30:00 +0700 GMT", "2024-02-05T03:30:00Z" },
  { "Thu, 31 Aug 2023 08:00:00 GMT+07:00", "2023-08-31T01:00:00Z" },
  { "Thu, 31 Aug 2023 08:00:00 -05:00", "2023-08-31T13:00:00Z" },
  { "Thu, 31 Aug 2023 08:00:00 ICT", "2023-08-31T01:00:00Z" },
  { "Thu, 31 Aug 2023 08:00:00", "2023-08-31T08:00:00Z" },
  { "Thursday, 31 August 2023 08:00:00 +0700", "2023-08-31T01:00:00Z" },
  { "thu, 31 aug 2023 08:00:00 gmt", "2023-08-31T08:00:00Z" },
  { "Thu,31 Aug 2023 08:00:00 GMT", "2023-08-31T08:00:00Z" },
  { "Thu, 31 Aug 2023 8:00 PM +0700", "2023-08-31T13:00:00Z" },
  { "Sun Jan  4 16:29:06 PST 2004", "2004-01-05T00:29:06Z" },
  { "Mon, 31 Aug 2023", "2023-08-31T00:00:00Z" },
  /* ISO 8601 / W3CDTF */
  { "2023-08-31T08:00:00+07:00", "2023-08-31T01:00:00Z" },
  { "2023-08-31T08:00:00.123456Z", "2023-08-31T08:00:00Z" },
  { "2023-08-31T08:00+07:00", "2023-08-31T01:00:00Z" },
  { "2023-08-31T08:00:00-0500", "2023-08-31T13:00:00Z" },
  { "2023-08-31 08:00:00", "2023-08-31T08:00:00Z" },
  { "2023-08-31", "2023-08-31T00:00:00Z" },
  { "2023-08", "2023-08-01T00:00:00Z" },
  { "2023", "2023-01-01T00:00:00Z" },
  { "20230831T080000Z", "2023-08-31T08:00:00Z" },
  { "2004-07-08 23:56:58.0", "2004-07-08T23:56:58Z" },
  { "2023-08-31T24:00:00Z", "2023-09-01T00:00:00Z" },
  /* Vietnamese sites: UTC+7 when no zone */
  { "31/08/2023 08:00", "2023-08-31T01:00:00Z" },
  { "31/8/2023 8:00", "2023-08-31T01:00:00Z" },
  { "31/08/2023", "2023-08-30T17:00:00Z" },
  { "08:00 31/08/2023", "2023-08-31T01:00:00Z" },
  { "31-08-2023 08:00:15", "2023-08-31T01:00:15Z" },
  { "31.08.2023 - 08:00", "2023-08-31T01:00:00Z" },
  { "Thứ năm, 31/8/2023, 08:00 (GMT+7)", "2023-08-31T01:00:00Z" },
  { "Thứ Năm, 31/08/2023 08:00 (GMT+7)", "2023-08-31T01:00:00Z" },
  { "Cập nhật lúc 14:05, 05/09/2023", "2023-09-05T07:05:00Z" },
  { "31/08/2023 08:00 GMT", "2023-08-31T08:00:00Z" },
  /* not dates */
  { "", NULL },
  { "garbage", NULL },
  { "12 kittens", NULL },
  { "Thu, 31 Feb 2023 08:00:00 GMT", NULL },
  { "32/08/2023 08:00", NULL },
  { "2023-13-01", NULL },
  { "2023-08-31T25:00:00Z", NULL },
  { "Thu, 31 Aug 2023 08:61:00 GMT", NULL },
};

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) dt = vankho_feed_date_parse (cases[i].text);
      g_autofree char *got = dt ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : NULL;

      if (g_strcmp0 (got, cases[i].utc) != 0)
        g_test_message ("'%s': got %s, expected %s", cases[i].text, got, cases[i].utc);
      g_assert_cmpstr (got, ==, cases[i].utc);
    }
}

static void
test_utc_and_null (void)
{
  g_autoptr(GDateTime) dt = vankho_feed_date_parse ("2023-08-31T08:00:00.5+07:00");

  g_assert_null (vankho_feed_date_parse (NULL));
  g_assert_nonnull (dt);
  g_assert_cmpint (g_date_time_get_utc_offset (dt), ==, 0);
  g_assert_cmpint (g_date_time_get_microsecond (dt), ==, 500000);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/feeds/date/cases", test_cases);
  g_test_add_func ("/feeds/date/utc", test_utc_and_null);
  return g_test_run ();
}
