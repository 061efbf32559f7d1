/* test-html-text.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

/* Set by meson; hand builds run from tests/feeds. */
#ifndef FEEDS_FIXTURES_DIR
#define FEEDS_FIXTURES_DIR "fixtures"
#endif

#include <string.h>

#include "feeds/vankho-html-text.h"
#include "feeds/vankho-article-extractor.h"

static const struct
{
  const char *html;
  const char *text;
} cases[] = {
  { "plain text", "plain text" },
  { "Đoạn một.\n\nĐoạn hai.", "Đoạn một.\n\nĐoạn hai." },
  { "<p>One</p><p>Two</p>", "One\n\nTwo" },
  { "<p>A&nbsp;&amp;&nbsp;B &eacute; &#7841; &#x1EA1; &hellip;</p>", "A & B é ạ ạ …" },
  { "<div>x<script>alert(1)</script><style>p{}</style>y</div>", "xy" },
  { "<nav><a href=/>Trang chủ</a></nav><p>Bài</p>", "Bài" },
  { "Line<br>break<br/>again", "Line\nbreak\nagain" },
  { "<p>  lots   of\n\n  space </p>", "lots of space" },
  { "<ul><li>một</li><li>hai</li></ul>", "một\n\nhai" },
  { "<h2>Tiêu đề</h2>Văn bản <b>đậm</b> và <i>nghiêng</i>", "Tiêu đề\n\nVăn bản đậm và nghiêng" },
  { "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc" },
  { "<pre>x\n  y</pre>", "x\ny" },
  { "<p>unclosed <b>bold<p>next", "unclosed bold\n\nnext" },
  { "<!-- comment --><p>kept</p>", "kept" },
  { "Vie\xcc\xa3\xcc\x82t", "Việt" },
  { "<p>Vie\xcc\xa3\xcc\x82t</p>", "Việt" },
  { "A\xc2\xa0" "B x\xe2\x80\x8b" "y soft\xc2\xadhyphen\xef\xbb\xbf", "A B xy softhyphen" },
  { "<p>Đảng uỷ\xe2\x80\x83" "Công an &mdash; \xe2\x82\xac 5</p>", "Đảng uỷ Công an — € 5" },
  { "<p>Ω \xe2\x84\xa6 e\xcc\x81</p>", "Ω Ω é" },
  { "", "" },
  /* Hostile markup: scripts, handlers and links are dropped, their text
   * kept as text (RELIABILITY.md, 6). */
  { "<p onclick=\"alert(1)\" onmouseover='alert(2)'>Xin chào</p>", "Xin chào" },
  { "<img src=x onerror=alert(1)>Ảnh", "Ảnh" },
  { "<body onload=alert(1)>thân</body>", "thân" },
  { "<a href=\"javascript:alert(1)\">bấm vào đây</a>", "bấm vào đây" },
  { "<a href=\"data:text/html,<script>alert(1)</script>\">dữ liệu</a>", "dữ liệu" },
  { "<iframe src=\"https://evil.example/\">khung</iframe>sau", "sau" },
  { "<SCRIPT type=text/javascript>alert(1)</SCRIPT>hoa", "hoa" },
  { "<script>document.write('<p>giả</p>')</script>thật", "thật" },
  { "<script>alert(1)", "" },
  { "<svg><script>alert(1)</script></svg><noscript>x</noscript>", "" },
  { "<style>p{background:url(javascript:alert(1))}</style><p style=\"x:expression(alert(1))\">kiểu</p>", "kiểu" },
  { "<!--<script>alert(1)</script>-->còn", "còn" },
  /* Escaped markup is text: shown as written, never parsed again. */
  { "&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>" },
};

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = vankho_html_to_text (cases[i].html, -1);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_first_image (void)
{
  g_autofree char *img = NULL;
  g_autofree char *text = vankho_html_to_text_full ("<p><img src=\"/a.jpg\">x<img src=\"/b.jpg\"></p>",
                                                    -1, &img);

  g_assert_cmpstr (text, ==, "x");
  g_assert_cmpstr (img, ==, "/a.jpg");
}

static VankhoExtractedPage *
extract_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (FEEDS_FIXTURES_DIR, name, NULL);
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return vankho_article_extractor_extract (data, len, "https://example.vn/bai.html");
}

static void
test_extract_cand (void)
{
  g_autoptr(VankhoExtractedPage) page = extract_fixture ("page-cand.html");

  g_assert_nonnull (page);
  g_assert_cmpstr (page->title, ==, "Công an Gia Lai sơ kết 1 năm thực hiện Nghị quyết 12-NQ/TW");
  g_assert_cmpstr (page->byline, ==, "Hoàng Anh");
  g_assert_cmpstr (page->date, ==, "2023-08-31T08:00:00+07:00");
  g_assert_nonnull (page->published);
  g_assert_nonnull (page->text);
  g_assert_true (g_str_has_prefix (page->text, "Sáng nay (31.8), Đảng uỷ Công an tỉnh Gia Lai"));
  g_assert_true (g_str_has_suffix (page->text, "chính quy, tinh nhuệ, hiện đại."));
  g_assert_nonnull (strstr (page->text, "5,62 Công an chính quy/xã"));
  g_assert_nonnull (strstr (page->text, "\n\n"));
  /* boilerplate left out */
  g_assert_null (strstr (page->text, "Tin liên quan"));
  g_assert_null (strstr (page->text, "Kon Tum"));
  g_assert_null (strstr (page->text, "Chia sẻ"));
  g_assert_null (strstr (page->text, "Bình luận"));
  g_assert_null (strstr (page->text, "cảm ơn tác giả"));
  g_assert_null (strstr (page->text, "Đọc nhiều"));
  g_assert_null (strstr (page->text, "Trang chủ"));
  g_assert_null (strstr (page->text, "Giấy phép"));
  g_assert_null (strstr (page->text, "Quảng cáo"));
}

static void
test_extract_province (void)
{
  g_autoptr(VankhoExtractedPage) page = extract_fixture ("page-province.html");
  g_autofree char *published = NULL;

  g_assert_nonnull (page);
  /* <title> without the site's name */
  g_assert_cmpstr (page->title, ==, "Đồng Tháp: Tổng kết Chỉ thị 11/CT-BCA");
  /* the bold, right-aligned last line */
  g_assert_cmpstr (page->byline, ==, "ĐTO");
  g_assert_cmpstr (page->date, ==, "Cập nhật lúc 14:05, 05/09/2023");
  published = g_date_time_format (page->published, "%FT%TZ");
  g_assert_cmpstr (published, ==, "2023-09-05T07:05:00Z");
  g_assert_true (g_str_has_prefix (page->text, "Ngày 5/9, Công an tỉnh Đồng Tháp"));
  g_assert_true (g_str_has_suffix (page->text, "thực hiện Chỉ thị."));
  g_assert_null (strstr (page->text, "Xem thêm"));
  g_assert_null (strstr (page->text, "Liên hệ"));
  g_assert_null (strstr (page->text, "Không hiển thị"));
}

static void
test_extract_nothing (void)
{
  g_autoptr(VankhoExtractedPage) page =
    vankho_article_extractor_extract ("<html><body><a href=/>x</a></body></html>", 41, NULL);

  g_assert_nonnull (page);
  g_assert_null (page->text);
  g_assert_null (vankho_article_extractor_extract ("", 0, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/feeds/html-text/cases", test_cases);
  g_test_add_func ("/feeds/html-text/first-image", test_first_image);
  g_test_add_func ("/feeds/extractor/cand", test_extract_cand);
  g_test_add_func ("/feeds/extractor/province", test_extract_province);
  g_test_add_func ("/feeds/extractor/nothing", test_extract_nothing);
  return g_test_run ();
}
