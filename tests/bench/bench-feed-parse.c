/* bench-feed-parse.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "feeds/vankho-feed-parser.h"

/* Parse throughput of a 10 MB RSS 2.0 feed shaped like a Vietnamese news
 * site's: CDATA HTML descriptions, content:encoded, RFC 822 dates.
 * Prints 'feed_parse_throughput <MB/s> MB/s' (target: ≥ 50 MB/s); the
 * best of a few runs, since the first one warms the allocator.
 */

#define TARGET_SIZE (10 * 1024 * 1024)
#define N_RUNS      5

static GBytes *
make_feed (guint *n_items)
{
  GString *s = g_string_sized_new (TARGET_SIZE + 64 * 1024);
  guint i = 0;

  g_string_append (s,
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n"
    "<title>Báo Công an nhân dân</title><link>https://cand.example.vn/</link>\n"
    "<description>Tin tức</description><language>vi</language>\n"
    "<lastBuildDate>Thu, 31 Aug 2023 08:00:00 +0700</lastBuildDate>\n");

  while (s->len < TARGET_SIZE)
    {
      g_string_append_printf (s,
        "<item>\n<title><![CDATA[Công an tỉnh Gia Lai sơ kết 1 năm thực hiện Nghị quyết 12-NQ/TW (%u)]]></title>\n"
        "<link>https://cand.example.vn/tin/bai-%u.html</link>\n"
        "<guid isPermaLink=\"false\">cand-%u</guid>\n"
        "<pubDate>Thu, %02u Aug 2023 %02u:%02u:00 +0700</pubDate>\n"
        "<dc:creator>Hoàng Anh</dc:creator>\n"
        "<description><![CDATA[<a href=\"/tin/bai-%u.html\"><img src=\"/img/%u.jpg\"></a>"
        "Sáng nay (31.8), Đảng uỷ Công an tỉnh tổ chức Hội nghị sơ kết 1 năm thực hiện "
        "Nghị quyết số 12, ngày 16/3/2022 của Bộ Chính trị.]]></description>\n"
        "<content:encoded><![CDATA[<p>Thực hiện Nghị quyết số 12 của Bộ Chính trị, Đảng ủy "
        "Công an tỉnh đã tập trung lãnh đạo, chủ động triển khai hiệu quả 4 nhiệm vụ trọng tâm "
        "về đào tạo, bồi dưỡng, giáo dục chính trị tư tưởng, xây dựng đội ngũ cán bộ.</p>"
        "<p>Công an tỉnh đã bố trí 100%% Công an chính quy với tổng số 1.103 cán bộ, "
        "chiến sỹ, đạt tỷ lệ trung bình 5,62 Công an chính quy/xã.</p>"
        "<p><strong>Hoàng Anh</strong></p>]]></content:encoded>\n"
        "</item>\n",
        i, i, i, 1 + i % 28, i % 24, i % 60, i, i);
      i++;
    }

  g_string_append (s, "</channel>\n</rss>\n");
  *n_items = i;
  return g_string_free_to_bytes (s);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GBytes) data = NULL;
  double best = G_MAXDOUBLE;
  guint n_items = 0;
  gsize size;

  data = make_feed (&n_items);
  size = g_bytes_get_size (data);

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VankhoFeed) feed = NULL;
      gint64 start = g_get_monotonic_time ();
      double seconds;

      feed = vankho_feed_parse (data, "https://cand.example.vn/rss/home.rss", &error);
      seconds = (g_get_monotonic_time () - start) / 1e6;

      if (feed == NULL)
        {
          g_printerr ("parse failed: %s\n", error->message);
          return 1;
        }
      if (vankho_feed_get_n_entries (feed) != n_items)
        {
          g_printerr ("parsed %u entries, expected %u\n",
                      vankho_feed_get_n_entries (feed), n_items);
          return 1;
        }
      best = MIN (best, seconds);
    }

  g_printerr ("%u items, %.1f MB, best of %d runs: %.3f s\n",
              n_items, size / 1048576.0, N_RUNS, best);
  printf ("feed_parse_throughput %.1f MB/s\n", size / 1048576.0 / best);
  return 0;
}
