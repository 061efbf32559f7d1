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
  { "Đoạn một.<br /><br />Đoạn hai.<br><br><br><br>Đoạn ba.", "Đoạn một.\n\nĐoạn hai.\n\nĐoạn ba." },
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
  { "trước<embed src=\"https://evil.example/\"> sau", "trước sau" },
  { "<SCRIPT type=text/javascript>alert(1)</SCRIPT>hoa", "hoa" },
  { "<script>document.write('<p>giả</p>')</script>thật", "thật" },
  { "<script>alert(1)", "" },
  { "<svg><script>alert(1)</script></svg><noscript>x</noscript>", "" },
  { "<style>p{background:url(javascript:alert(1))}</style><p style=\"x:expression(alert(1))\">kiểu</p>", "kiểu" },
  { "<!--<script>alert(1)</script>-->còn", "còn" },
  /* Escaped markup is text: shown as written, never parsed again. */
  { "&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>" },
  /* The attribute guard escapes a '<' it does not read as a tag; the text
   * is the same (vankho-markup-guard.c). */
  { "<p title=\"a <b>c</b>\" data-x=<i>giữ</p>", "giữ" },
  { "<script>if (a<b) x = \"<p title='\";</script><p>sau</p>", "sau" },
  { "<style>a<b{}</style><!-- <a href=\" --><p>còn</p><!-- x --!><p>nữa</p>", "còn\n\nnữa" },
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

/* How much slower than a plain build this run is: VANKHO_TIMEOUT_FACTOR,
 * set by make test-asan. */
static gint64
timeout_factor (void)
{
  const char *factor = g_getenv ("VANKHO_TIMEOUT_FACTOR");
  gint64 value = factor != NULL ? g_ascii_strtoll (factor, NULL, 10) : 1;

  return CLAMP (value, 1, 100);
}

/* One element with @n attributes, written " a0=\"0\"", " a0" or, with no
 * blank between them, "a0=''", after @before; then a paragraph. */
static char *
element_with_attributes (const char *before,
                         guint       n,
                         const char *kind)
{
  g_autoptr(GString) html = g_string_new (before);

  g_string_append (html, "<p ");
  for (guint i = 0; i < n; i++)
    if (g_str_equal (kind, "quoted"))
      g_string_append_printf (html, " a%u=\"%u\"", i, i);
    else if (g_str_equal (kind, "bare"))
      g_string_append_printf (html, " a%u", i);
    else
      g_string_append_printf (html, "a%u=''", i);
  g_string_append (html, ">xin chào</p>");

  return g_string_free (g_steal_pointer (&html), FALSE);
}

static gint64
time_to_text (const char  *html,
              char       **text)
{
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;

  *text = vankho_html_to_text (html, -1);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("%zu bytes: %.3f s", strlen (html), elapsed / (double) G_USEC_PER_SEC);

  return elapsed;
}

/* libxml2 2.9's HTML parser checks each attribute of an element against
 * all before it: 200 000 took 49 s. Such markup gives no text; a page
 * with it is no article. Also where a careless reading would lose sight
 * of the element: after a comment, a script or a value that holds a
 * quote of the other kind, or a '>'.
 */
static void
test_many_attributes (void)
{
  const char *kinds[] = { "quoted", "bare", "packed" };
  const char *before[] = {
    "",
    "<!-- <b title=\" -->",
    "<script>var s = \"<b title='\";</script>",
    "<i title=\">\"></i>",
    "<b \"x=\"></b>",
    "<bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb-=\"></b>",
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint b = 0; b < G_N_ELEMENTS (before); b++)
      {
        g_autofree char *hostile = element_with_attributes (before[b], 200000, kinds[k]);
        g_autofree char *text = NULL;

        g_assert_cmpint (time_to_text (hostile, &text), <, 2 * G_USEC_PER_SEC * timeout_factor ());
        g_assert_cmpstr (text, ==, "");
      }

  /* A name of 2 MB: libxml2 reads it as 20 000 attributes of 100 bytes. */
  {
    g_autoptr(GString) html = g_string_new ("<p ");
    g_autofree char *text = NULL;

    for (guint i = 0; i < 200000; i++)
      g_string_append_printf (html, "%c%09u", 'a' + i % 26, i);
    g_string_append (html, ">xin chào</p>");
    g_assert_cmpint (time_to_text (html->str, &text), <, 2 * G_USEC_PER_SEC * timeout_factor ());
    g_assert_cmpstr (text, ==, "");
  }

  for (guint b = 0; b < G_N_ELEMENTS (before); b++)
    {
      g_autofree char *allowed = element_with_attributes (before[b], 1000, "quoted");
      g_autofree char *text = NULL;

      time_to_text (allowed, &text);
      g_assert_true (g_str_has_suffix (text, "xin chào"));
    }
}

static void
test_extract_many_attributes (void)
{
  g_autofree char *hostile = element_with_attributes ("<html><body><article>", 200000, "quoted");
  g_autofree char *allowed = element_with_attributes ("<html><body><article>", 1000, "quoted");
  g_autoptr(VankhoExtractedPage) page = NULL;
  gint64 start = g_get_monotonic_time ();

  page = vankho_article_extractor_extract (hostile, strlen (hostile), NULL);
  g_test_message ("%zu bytes: %.3f s", strlen (hostile), (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC * timeout_factor ());
  g_assert_null (page);

  page = vankho_article_extractor_extract (allowed, strlen (allowed), NULL);
  g_assert_nonnull (page);
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
  g_test_add_func ("/feeds/html-text/many-attributes", test_many_attributes);
  g_test_add_func ("/feeds/extractor/cand", test_extract_cand);
  g_test_add_func ("/feeds/extractor/province", test_extract_province);
  g_test_add_func ("/feeds/extractor/nothing", test_extract_nothing);
  g_test_add_func ("/feeds/extractor/many-attributes", test_extract_many_attributes);
  return g_test_run ();
}
