/* test-feed-parser.c
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
#include <glib/gstdio.h>

#include "feeds/vankho-feed-discovery.h"
#include "feeds/vankho-feed-parser.h"
#include "vankho-opml.h"

static VankhoFeed *
parse_fixture (const char  *name,
               const char  *base_url,
               GError     **error)
{
  g_autofree char *path = g_build_filename (FEEDS_FIXTURES_DIR, name, NULL);
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&data), len);
  return vankho_feed_parse (bytes, base_url, error);
}

static VankhoFeed *
parse_ok (const char *name,
          const char *base_url)
{
  g_autoptr(GError) error = NULL;
  VankhoFeed *feed = parse_fixture (name, base_url, &error);

  g_assert_no_error (error);
  g_assert_nonnull (feed);
  return feed;
}

static VankhoFeed *
parse_string (const char *xml)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  VankhoFeed *feed = vankho_feed_parse (bytes, NULL, &error);

  g_assert_no_error (error);
  return feed;
}

static void
assert_date (GDateTime  *dt,
             const char *expected)
{
  g_autofree char *iso = NULL;

  g_assert_nonnull (dt);
  iso = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
  g_assert_cmpstr (iso, ==, expected);
}

static void
test_rss20 (void)
{
  g_autoptr(VankhoFeed) feed = parse_ok ("rss20.xml", "https://feed.example.vn/rss/home.rss");
  VankhoFeedEntry *e;

  g_assert_cmpstr (vankho_feed_get_format (feed), ==, "rss20");
  g_assert_null (vankho_feed_get_warning (feed));
  /* image and textInput titles never name the feed */
  g_assert_cmpstr (vankho_feed_get_title (feed), ==, "Báo Công an & Tin tức");
  g_assert_cmpstr (vankho_feed_get_link (feed), ==, "https://cand.example.vn/");
  g_assert_cmpstr (vankho_feed_get_subtitle (feed), ==, "Tin mới nhất");
  g_assert_cmpstr (vankho_feed_get_language (feed), ==, "vi");
  g_assert_cmpstr (vankho_feed_get_image_url (feed), ==, "https://feed.example.vn/logo.png");
  assert_date (vankho_feed_get_updated (feed), "2023-08-31T01:00:00Z");
  g_assert_cmpuint (vankho_feed_get_n_entries (feed), ==, 3);

  e = vankho_feed_get_entry (feed, 0);
  g_assert_cmpstr (vankho_feed_entry_get_title (e), ==,
                   "Công an tỉnh Gia Lai sơ kết 1 năm thực hiện Nghị quyết 12-NQ/TW");
  /* relative link resolved against the feed URL, '&' kept */
  g_assert_cmpstr (vankho_feed_entry_get_link (e), ==,
                   "https://feed.example.vn/tin/gia-lai-123.html?a=1&b=2");
  g_assert_cmpstr (vankho_feed_entry_get_id (e), ==, "cand-123");
  assert_date (vankho_feed_entry_get_published (e), "2023-08-31T01:00:00Z");
  g_assert_null (vankho_feed_entry_get_updated (e));
  g_assert_cmpstr (vankho_feed_entry_get_author (e), ==, "Hoàng Anh");
  /* script and style dropped, &nbsp; a space, paragraphs kept */
  g_assert_cmpstr (vankho_feed_entry_get_summary (e), ==,
                   "Sáng nay (31.8), Đảng uỷ Công an tỉnh tổ chức Hội nghị.\n\nĐoạn hai.");
  /* content:encoded is the content; nav dropped */
  g_assert_cmpstr (vankho_feed_entry_get_content (e), ==, "Nội dung đầy đủ.\n\nĐoạn 2 & 3");
  g_assert_cmpstr (vankho_feed_entry_get_text (e), ==, vankho_feed_entry_get_content (e));
  g_assert_cmpstr (vankho_feed_entry_get_enclosure_url (e), ==, "https://cand.example.vn/img/big.jpg");
  g_assert_cmpstr (vankho_feed_entry_get_enclosure_type (e), ==, "image/jpeg");
  g_assert_cmpstr (vankho_feed_entry_get_image_url (e), ==, "https://cand.example.vn/img/big.jpg");

  e = vankho_feed_get_entry (feed, 1);
  /* double-escaped and numeric entities in a title */
  g_assert_cmpstr (vankho_feed_entry_get_title (e), ==, "Tiêu đề có \"ngoặc\" – và thực thể");
  /* a permalink guid is the link */
  g_assert_cmpstr (vankho_feed_entry_get_link (e), ==, "https://cand.example.vn/tin/456.html");
  g_assert_cmpstr (vankho_feed_entry_get_id (e), ==, "https://cand.example.vn/tin/456.html");
  g_assert_cmpstr (vankho_feed_entry_get_author (e), ==, "phongvien@cand.example.vn (Minh Châu)");
  g_assert_cmpstr (vankho_feed_entry_get_author_name (e), ==, "Minh Châu");
  g_assert_cmpstr (vankho_feed_entry_get_summary (e), ==, "Chỉ văn bản thường, AT&T");
  g_assert_null (vankho_feed_entry_get_content (e));
  g_assert_cmpstr (vankho_feed_entry_get_image_url (e), ==, "https://cand.example.vn/thumb/456.jpg");

  e = vankho_feed_get_entry (feed, 2);
  /* a guid that is not a URL never becomes the link */
  g_assert_null (vankho_feed_entry_get_link (e));
  g_assert_cmpstr (vankho_feed_entry_get_id (e), ==, "tag:cand.example.vn,2023:789");
  assert_date (vankho_feed_entry_get_date (e), "2023-08-31T15:30:00Z");
}

static void
test_rss091 (void)
{
  g_autoptr(VankhoFeed) feed = parse_ok ("rss091.xml", NULL);
  VankhoFeedEntry *e;

  g_assert_cmpstr (vankho_feed_get_format (feed), ==, "rss091");
  /* HTML entities of the Netscape DTD, which is never loaded */
  g_assert_cmpstr (vankho_feed_get_title (feed), ==, "Netscape édition");
  g_assert_cmpstr (vankho_feed_get_language (feed), ==, "en-us");
  g_assert_cmpuint (vankho_feed_get_n_entries (feed), ==, 2);
  e = vankho_feed_get_entry (feed, 0);
  g_assert_cmpstr (vankho_feed_entry_get_title (e), ==, "First © item");
  g_assert_cmpstr (vankho_feed_entry_get_summary (e), ==, "Café & crème brûlée");
}

static void
test_rss10 (void)
{
  g_autoptr(VankhoFeed) feed = parse_ok ("rss10.rdf", NULL);
  VankhoFeedEntry *e;

  g_assert_cmpstr (vankho_feed_get_format (feed), ==, "rss10");
  g_assert_cmpstr (vankho_feed_get_title (feed), ==, "RDF tin tức");
  g_assert_cmpstr (vankho_feed_get_subtitle (feed), ==, "RSS 1.0 feed");
  g_assert_cmpstr (vankho_feed_get_language (feed), ==, "vi");
  g_assert_cmpstr (vankho_feed_get_image_url (feed), ==, "http://example.vn/logo.png");
  assert_date (vankho_feed_get_updated (feed), "2023-08-31T01:00:00Z");
  g_assert_cmpuint (vankho_feed_get_n_entries (feed), ==, 2);

  e = vankho_feed_get_entry (feed, 0);
  g_assert_cmpstr (vankho_feed_entry_get_title (e), ==, "Bài A");
  g_assert_cmpstr (vankho_feed_entry_get_id (e), ==, "http://example.vn/a");
  g_assert_cmpstr (vankho_feed_entry_get_author (e), ==, "Phóng viên A");
  g_assert_cmpstr (vankho_feed_entry_get_content (e), ==, "Toàn văn A");
  /* dc:date is 'updated', as in feedparser */
  g_assert_null (vankho_feed_entry_get_published (e));
  assert_date (vankho_feed_entry_get_updated (e), "2023-08-31T00:30:00Z");

  e = vankho_feed_get_entry (feed, 1);
  g_assert_cmpstr (vankho_feed_entry_get_title (e), ==, "Bài B (dc:title)");
  assert_date (vankho_feed_entry_get_date (e), "2023-08-30T00:00:00Z");
}

static void
test_rss090 (void)
{
  g_autoptr(VankhoFeed) feed = parse_ok ("rss090.rdf", NULL);

  g_assert_cmpstr (vankho_feed_get_format (feed), ==, "rss090");
  g_assert_cmpstr (vankho_feed_get_title (feed), ==, "Mozilla Dot Org");
  g_assert_cmpuint (vankho_feed_get_n_entries (feed), ==, 2);
  g_assert_cmpstr (vankho_feed_entry_get_link (vankho_feed_get_entry (feed, 1)), ==,
                   "http://www.mozilla.org/bugs/");
}

static void
test_atom10 (void)
{
  g_autoptr(VankhoFeed) feed = parse_ok ("atom10.xml", "https://ignored.example/");
  VankhoFeedEntry *e;

  g_assert_cmpstr (vankho_feed_get_format (feed), ==, "atom10");
  /* type="text": markup is literal text */
  g_assert_cmpstr (vankho_feed_get_title (feed), ==, "Atom <tin>");
  g_assert_cmpstr (vankho_feed_get_subtitle (feed), ==, "Phụ đề HTML");
  /* rel=alternate text/html (by default) wins over self and atom+xml;
   * resolved against xml:base */
  g_assert_cmpstr (vankho_feed_get_link (feed), ==, "https://atom.example.vn/");
  g_assert_cmpstr (vankho_feed_get_language (feed), ==, "vi");
  assert_date (vankho_feed_get_updated (feed), "2023-08-31T01:00:00Z");
  g_assert_cmpuint (vankho_feed_get_n_entries (feed), ==, 3);

  e = vankho_feed_get_entry (feed, 0);
  g_assert_cmpstr (vankho_feed_entry_get_title (e), ==, "Nghị quyết 12-NQ/TW & Chỉ thị");
  g_assert_cmpstr (vankho_feed_entry_get_link (e), ==, "https://atom.example.vn/tin/bai-1.html");
  g_assert_cmpstr (vankho_feed_entry_get_enclosure_url (e), ==, "https://atom.example.vn/audio/1.mp3");
  g_assert_cmpstr (vankho_feed_entry_get_enclosure_type (e), ==, "audio/mpeg");
  g_assert_cmpstr (vankho_feed_entry_get_id (e), ==, "tag:atom.example.vn,2023:1");
  assert_date (vankho_feed_entry_get_published (e), "2023-08-31T01:00:00Z");
  assert_date (vankho_feed_entry_get_updated (e), "2023-08-31T09:15:30Z");
  g_assert_cmpstr (vankho_feed_entry_get_author (e), ==, "Minh Châu (mc@atom.example.vn)");
  g_assert_cmpstr (vankho_feed_entry_get_author_name (e), ==, "Minh Châu");
  g_assert_cmpstr (vankho_feed_entry_get_summary (e), ==, "Văn bản <b> thuần");
  g_assert_cmpstr (vankho_feed_entry_get_content (e), ==, "Đoạn một.\n\nĐoạn hai");
  /* the image is relative to the content's own xml:base */
  g_assert_cmpstr (vankho_feed_entry_get_image_url (e), ==, "https://cdn.example.vn/x/anh.jpg");

  e = vankho_feed_get_entry (feed, 1);
  /* the entry's xml:base; the source's title and dates never leak in */
  g_assert_cmpstr (vankho_feed_entry_get_title (e), ==, "Bài hai");
  g_assert_cmpstr (vankho_feed_entry_get_link (e), ==, "https://khac.example.vn/muc/bai-2.html");
  assert_date (vankho_feed_entry_get_updated (e), "2023-08-30T00:00:00Z");
  g_assert_cmpstr (vankho_feed_entry_get_content (e), ==, "Nội dung HTML\n\nĐoạn 2");
  /* the feed's author is inherited */
  g_assert_cmpstr (vankho_feed_entry_get_author_name (e), ==, "Ban biên tập");

  e = vankho_feed_get_entry (feed, 2);
  g_assert_cmpstr (vankho_feed_entry_get_title (e), ==, "Văn bản: <b> không phải thẻ");
  g_assert_cmpstr (vankho_feed_entry_get_content (e), ==, "Dòng một dòng tiếp.\n\nĐoạn hai.");
}

static void
test_atom03 (void)
{
  g_autoptr(VankhoFeed) feed = parse_ok ("atom03.xml", NULL);
  VankhoFeedEntry *e;

  g_assert_cmpstr (vankho_feed_get_format (feed), ==, "atom03");
  g_assert_cmpstr (vankho_feed_get_title (feed), ==, "Atom 0.3");
  g_assert_cmpstr (vankho_feed_get_subtitle (feed), ==, "An old feed");
  assert_date (vankho_feed_get_updated (feed), "2003-12-13T18:30:02Z");
  e = vankho_feed_get_entry (feed, 0);
  assert_date (vankho_feed_entry_get_published (e), "2003-12-13T12:29:29Z");
  g_assert_cmpstr (vankho_feed_entry_get_content (e), ==, "Escaped HTML");
  g_assert_cmpstr (vankho_feed_entry_get_summary (e), ==, "Some text.");
  /* base64 content is shown when it is text */
  g_assert_cmpstr (vankho_feed_entry_get_content (vankho_feed_get_entry (feed, 1)), ==, "Hello");
}

static void
test_entities (void)
{
  g_autoptr(VankhoFeed) feed = parse_ok ("entities.xml", NULL);
  VankhoFeedEntry *e;

  g_assert_cmpstr (vankho_feed_get_title (feed), ==, "Thực thể – entities");
  e = vankho_feed_get_entry (feed, 0);
  g_assert_cmpstr (vankho_feed_entry_get_title (e), ==, "A & B ạ ạ …");
  /* a bare '&' in a link survives */
  g_assert_cmpstr (vankho_feed_entry_get_link (e), ==, "http://e.example/?x=1&y=2");
  g_assert_cmpstr (vankho_feed_entry_get_summary (e), ==,
                   "<script> là văn bản\n\n© 2023 é\n\n— &unknownentity; end");
  e = vankho_feed_get_entry (feed, 1);
  g_assert_cmpstr (vankho_feed_entry_get_summary (e), ==, "Unescaped HTML in XML\n\nsecond");
  e = vankho_feed_get_entry (feed, 2);
  g_assert_cmpstr (vankho_feed_entry_get_title (e), ==, "Spaces and newlines");
  g_assert_cmpstr (vankho_feed_entry_get_summary (e), ==, "One\nline\nbreak");
}

static void
test_undeclared_prefix (void)
{
  g_autoptr(VankhoFeed) feed = parse_ok ("undeclared-prefix.xml", NULL);
  VankhoFeedEntry *e = vankho_feed_get_entry (feed, 0);

  g_assert_cmpstr (vankho_feed_entry_get_author (e), ==, "Người viết");
  g_assert_cmpstr (vankho_feed_entry_get_content (e), ==, "Toàn văn");
  assert_date (vankho_feed_entry_get_updated (e), "2023-08-31T10:00:00Z");
}

static void
test_encoding (gconstpointer data)
{
  const char *name = data;
  g_autoptr(VankhoFeed) feed = parse_ok (name, NULL);
  gboolean latin = strstr (name, "iso-8859-1") != NULL || strstr (name, "declared-utf8") != NULL;

  if (latin)
    {
      g_assert_cmpstr (vankho_feed_get_title (feed), ==, "Café Noël");
      g_assert_cmpuint (vankho_feed_get_n_entries (feed), ==, 1);
      g_assert_true (g_str_has_prefix (vankho_feed_entry_get_title (vankho_feed_get_entry (feed, 0)),
                                       "Déjà vu"));
      return;
    }

  g_assert_cmpstr (vankho_feed_get_title (feed), ==, "Tiếng Việt: Đảng uỷ Công an");
  g_assert_cmpuint (vankho_feed_get_n_entries (feed), ==, 2);
  if (strstr (name, "invalid") != NULL)
    {
      /* the bad bytes are replaced, the rest is kept */
      g_assert_true (g_str_has_prefix (vankho_feed_entry_get_title (vankho_feed_get_entry (feed, 0)), "Caf"));
      g_assert_true (g_str_has_suffix (vankho_feed_entry_get_title (vankho_feed_get_entry (feed, 0)), "Hà Nội ủy"));
    }
  else
    g_assert_cmpstr (vankho_feed_entry_get_title (vankho_feed_get_entry (feed, 0)), ==, "Café Hà Nội ủy");
  g_assert_cmpstr (vankho_feed_entry_get_summary (vankho_feed_get_entry (feed, 0)), ==, "Nghị quyết số 12");
  g_assert_cmpstr (vankho_feed_entry_get_title (vankho_feed_get_entry (feed, 1)), ==, "Hai");
}

static void
test_xxe (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vankho-feed-XXXXXX", &error);
  g_autofree char *secret = g_build_filename (dir, "secret.txt", NULL);
  g_autofree char *xml = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(VankhoFeed) feed = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *dump = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (secret, "SECRET-MARKER-7f3a", -1, NULL));
  xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                         "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file://%s\">"
                         "<!ENTITY %% pe SYSTEM \"file://%s\"> %%pe; <!ENTITY ok \"fine\">]>\n"
                         "<rss version=\"2.0\"><channel><title>T &xxe; &ok;</title>"
                         "<item><title>A &xxe;</title><description>&xxe; &ok;</description></item>"
                         "</channel></rss>", secret, secret);
  bytes = g_bytes_new (xml, strlen (xml));
  feed = vankho_feed_parse (bytes, NULL, &error);
  g_assert_no_error (error);
  json = vankho_feed_to_json (feed);
  dump = json_to_string (json, FALSE);
  g_assert_null (strstr (dump, "SECRET-MARKER"));
  /* internal entities still work */
  g_assert_cmpstr (vankho_feed_get_title (feed), ==, "T fine");
  g_assert_cmpuint (vankho_feed_get_n_entries (feed), ==, 1);

  g_clear_object (&feed);
  g_clear_pointer (&json, json_node_unref);
  g_clear_pointer (&dump, g_free);
  feed = parse_ok ("hostile-xxe.xml", NULL);
  json = vankho_feed_to_json (feed);
  dump = json_to_string (json, FALSE);
  g_assert_null (strstr (dump, "root:"));
  g_assert_cmpuint (vankho_feed_get_n_entries (feed), ==, 2);
  g_assert_cmpstr (vankho_feed_entry_get_title (vankho_feed_get_entry (feed, 0)), ==,
                   "Item an internal entity");

  g_unlink (secret);
  g_rmdir (dir);
}

static void
test_billion_laughs (void)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(VankhoFeed) feed = parse_ok ("hostile-billion-laughs.xml", NULL);

  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_assert_cmpstr (vankho_feed_get_title (feed), ==, "Laughs");
  for (guint i = 0; i < vankho_feed_get_n_entries (feed); i++)
    {
      const char *title = vankho_feed_entry_get_title (vankho_feed_get_entry (feed, i));

      g_assert_true (title == NULL || strlen (title) < 2 * 1024 * 1024);
    }
}

static char *
feed_dump (VankhoFeed *feed)
{
  g_autoptr(JsonNode) json = vankho_feed_to_json (feed);

  return json_to_string (json, FALSE);
}

/* External DTDs, from a file or over the network, are never loaded: what
 * they define stays undefined, and nothing connects (RELIABILITY.md, 6).
 */
static void
test_external_dtd (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vankho-feed-XXXXXX", &error);
  g_autofree char *dtd = g_build_filename (dir, "evil.dtd", NULL);
  g_autoptr(GSocket) listener = NULL;
  g_autoptr(GSocket) connection = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  guint port;
  g_autofree char *port_text = NULL;
  const char *doctypes[] = {
    "<!DOCTYPE rss SYSTEM \"file://@DTD@\">",
    "<!DOCTYPE rss SYSTEM \"http://127.0.0.1:@PORT@/evil.dtd\">",
    "<!DOCTYPE rss PUBLIC \"-//Evil//DTD RSS//EN\" \"http://127.0.0.1:@PORT@/public.dtd\">",
    "<!DOCTYPE rss [<!ENTITY % net SYSTEM \"http://127.0.0.1:@PORT@/pe.dtd\"> %net;"
    " <!ENTITY % local SYSTEM \"file://@DTD@\"> %local;]>",
  };

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (dtd, "<!ENTITY leak \"DTD-MARKER-91c2\">", -1, NULL));

  /* A port that would take a connection, if anything tried one. */
  listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (listener, address, TRUE, &error));
  g_assert_true (g_socket_listen (listener, &error));
  bound = g_socket_get_local_address (listener, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  port_text = g_strdup_printf ("%u", port);

  for (guint i = 0; i < G_N_ELEMENTS (doctypes); i++)
    {
      g_autoptr(GString) doctype = g_string_new (doctypes[i]);
      g_autofree char *xml = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(VankhoFeed) feed = NULL;
      g_autofree char *dump = NULL;

      g_string_replace (doctype, "@DTD@", dtd, 0);
      g_string_replace (doctype, "@PORT@", port_text, 0);
      xml = g_strconcat ("<?xml version=\"1.0\"?>\n", doctype->str, "\n"
                         "<rss version=\"2.0\"><channel><title>T &leak;</title>"
                         "<item><title>Một &leak;</title><description>&leak;</description></item>"
                         "</channel></rss>", NULL);
      bytes = g_bytes_new (xml, strlen (xml));
      feed = vankho_feed_parse (bytes, NULL, &error);
      g_assert_no_error (error);
      dump = feed_dump (feed);
      g_assert_null (strstr (dump, "DTD-MARKER"));
      g_assert_cmpuint (vankho_feed_get_n_entries (feed), ==, 1);
      g_assert_true (g_str_has_prefix (vankho_feed_entry_get_title (vankho_feed_get_entry (feed, 0)), "Một"));
    }

  g_socket_set_blocking (listener, FALSE);
  connection = g_socket_accept (listener, NULL, &error);
  g_assert_null (connection);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK);

  g_unlink (dtd);
  g_rmdir (dir);
}

/* One large entity used many times: 5 GB if expanded in full. */
static void
test_quadratic_blowup (void)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VankhoFeed) feed = NULL;
  gint64 start;
  const char *summary;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (xml, 'x');
  g_string_append (xml, "\">]><rss version=\"2.0\"><channel><title>T</title><item><title>Một</title><description>");
  for (guint i = 0; i < 50000; i++)
    g_string_append (xml, "&a;");
  g_string_append (xml, "</description></item><item><title>Hai</title></item></channel></rss>");
  bytes = g_string_free_to_bytes (g_steal_pointer (&xml));

  start = g_get_monotonic_time ();
  feed = vankho_feed_parse (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_assert_cmpuint (vankho_feed_get_n_entries (feed), ==, 2);
  summary = vankho_feed_entry_get_summary (vankho_feed_get_entry (feed, 0));
  g_assert_true (summary == NULL || strlen (summary) <= 2 * 1024 * 1024);
  g_assert_cmpstr (vankho_feed_entry_get_title (vankho_feed_get_entry (feed, 1)), ==, "Hai");
}

static GBytes *
feed_with_attribute (gsize length)
{
  g_autoptr(GString) xml = g_string_new ("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>"
                                         "<entry><title>Một</title><link href=\"https://example.vn/");

  for (gsize i = 0; i < length; i++)
    g_string_append_c (xml, 'a');
  g_string_append (xml, "\"/></entry><entry><title>Hai</title><link href=\"https://example.vn/2\"/></entry></feed>");

  return g_string_free_to_bytes (g_steal_pointer (&xml));
}

/* An attribute of 8 MB is read as any other; one over libxml2's 10 MB
 * limit stops the parse there, and what came before is kept.
 */
static void
test_huge_attribute (void)
{
  g_autoptr(GBytes) large = feed_with_attribute (8 * 1024 * 1024);
  g_autoptr(GBytes) huge = feed_with_attribute (12 * 1024 * 1024);
  g_autoptr(GError) error = NULL;
  g_autoptr(VankhoFeed) feed = NULL;
  gint64 start = g_get_monotonic_time ();

  feed = vankho_feed_parse (large, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vankho_feed_get_n_entries (feed), ==, 2);
  g_assert_cmpuint (strlen (vankho_feed_entry_get_link (vankho_feed_get_entry (feed, 0))), >, 8 * 1024 * 1024);
  g_assert_cmpstr (vankho_feed_entry_get_link (vankho_feed_get_entry (feed, 1)), ==, "https://example.vn/2");
  g_clear_object (&feed);

  feed = vankho_feed_parse (huge, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (vankho_feed_get_warning (feed));
  g_test_message ("%s", vankho_feed_get_warning (feed));
  g_assert_cmpuint (vankho_feed_get_n_entries (feed), >=, 1);
  g_assert_cmpstr (vankho_feed_entry_get_title (vankho_feed_get_entry (feed, 0)), ==, "Một");
  g_assert_null (vankho_feed_entry_get_link (vankho_feed_get_entry (feed, 0)));

  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
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

/* @n attributes " a0", " a1"…, each with "=" and its number in quotes
 * when @equals is set. */
static char *
many_attributes (guint       n,
                 const char *equals,
                 const char *quote)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (out, " a%u", i);
      if (equals != NULL)
        g_string_append_printf (out, "%s%s%u%s", equals, quote, i, quote);
    }

  return g_string_free (out, FALSE);
}

/* libxml2 reads CDATA a character at a time, so the parser takes long
 * sections out before it reads the document (clean_xml_text()): each must
 * come back whole and in its place, and what libxml2 would read otherwise
 * (sections in a DTD or a processing instruction, sections that touch, a
 * section that looks like one taken out) must be read as before.
 */
static void
test_cdata_taken_out (void)
{
#define LONG "Công an tỉnh Gia Lai sơ kết một năm thực hiện Nghị quyết số 12-NQ/TW của Bộ Chính trị"
  static const struct { const char *xml; const char *summary; const char *title; } cases[] = {
    /* An HTML summary, then two sections that touch: CDATA holding "]]>". */
    { "<rss version=\"2.0\"><channel><title>T</title><item><title>Tin</title><description><![CDATA[<p>" LONG
      "</p><p>Đoạn hai</p>]]></description></item><item><title>Hai</title><description><![CDATA[" LONG
      " ]]]]><![CDATA[> " LONG "]]></description></item></channel></rss>",
      LONG "\n\nĐoạn hai", "Tin" },
    /* A control character XML does not allow: a space, and the rest kept. */
    { "<rss version=\"2.0\"><channel><title>T</title><item><title>Tin</title><description><![CDATA[" LONG
      "\001 còn tiếp " LONG "]]></description></item></channel></rss>",
      LONG " còn tiếp " LONG, "Tin" },
    /* A title that is HTML, and text mixed with sections. */
    { "<rss version=\"2.0\"><channel><title>T</title><item><title><![CDATA[" LONG " <b>mới</b>]]></title>"
      "<description>Trước <![CDATA[<p>" LONG "</p>]]> sau</description></item></channel></rss>",
      "Trước\n\n" LONG "\n\nsau", LONG " mới" },
    /* A DTD and a processing instruction holding sections: not taken. */
    { "<!DOCTYPE rss [<!ENTITY e \"<![CDATA[" LONG "]]>\">]><rss version=\"2.0\"><channel><title>T</title>"
      "<?pi <![CDATA[" LONG " ?><item><title>Tin</title><description><![CDATA[" LONG
      "]]></description></item></channel></rss>",
      LONG, "Tin" },
    /* Short sections, one beginning as a taken one is written. */
    { "<rss version=\"2.0\"><channel><title>T</title><item><title><![CDATA[\xee\x80\x80" "0]]></title>"
      "<description><![CDATA[ngắn]]></description></item></channel></rss>",
      "ngắn", "\xee\x80\x80" "0" },
  };
#undef LONG

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(VankhoFeed) feed = parse_string (cases[i].xml);
      VankhoFeedEntry *e = vankho_feed_get_entry (feed, 0);

      g_assert_cmpstr (vankho_feed_entry_get_summary (e), ==, cases[i].summary);
      g_assert_cmpstr (vankho_feed_entry_get_title (e), ==, cases[i].title);
      if (i == 0)
        g_assert_cmpstr (vankho_feed_entry_get_summary (vankho_feed_get_entry (feed, 1)), ==,
                         "Công an tỉnh Gia Lai sơ kết một năm thực hiện Nghị quyết số 12-NQ/TW của Bộ Chính trị"
                         " ]]> Công an tỉnh Gia Lai sơ kết một năm thực hiện Nghị quyết số 12-NQ/TW của Bộ Chính trị");
    }

  /* A field read as it is, not cleaned after: no control character. */
  {
    g_autoptr(VankhoFeed) feed = parse_string ("<rss version=\"2.0\"><channel><title>T</title><item><title>Tin</title>"
                                               "<link><![CDATA[https://cand.example.vn/tin/cong-an-tinh-gia-lai-so-ket"
                                               "\001thuc-hien.html]]></link></item></channel></rss>");

    g_assert_cmpstr (vankho_feed_entry_get_link (vankho_feed_get_entry (feed, 0)), ==,
                     "https://cand.example.vn/tin/cong-an-tinh-gia-lai-so-ket thuc-hien.html");
  }
}

static VankhoFeed *
parse_timed (const char  *xml,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  gint64 start = g_get_monotonic_time ();
  VankhoFeed *feed = vankho_feed_parse (bytes, NULL, error);
  gint64 elapsed = g_get_monotonic_time () - start;

  g_test_message ("%zu bytes: %.3f s", strlen (xml), elapsed / (double) G_USEC_PER_SEC);
  /* libxml2 2.9 alone takes minutes on the hostile ones */
  g_assert_cmpint (elapsed, <, 2 * G_USEC_PER_SEC * timeout_factor ());

  return feed;
}

/* Many attributes on one element. libxml2 2.9 checks each one against all
 * the ones before it, in the XML and in the HTML parser: 200 000 on one
 * element took 128 s to parse (3 MB), 15 000 half a second. An element
 * with more than VANKHO_MARKUP_MAX_ATTRIBUTES is refused before libxml2
 * reads it: the feed, if it is in the feed's XML (CDATA included), the
 * text of an entry, if it is in that entry's escaped HTML.
 */
static void
test_many_attributes (void)
{
  g_autofree char *hostile = many_attributes (200000, "=", "\"");
  g_autofree char *bare = many_attributes (200000, NULL, NULL);
  g_autofree char *most = many_attributes (1000, "=", "\"");
  g_autofree char *too_many = many_attributes (1001, "=", "\"");
  const char *refused[] = { hostile, too_many };
  const char *escaped[] = { hostile, bare };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *in_xml = g_strdup_printf ("<rss version=\"2.0\"><channel><title>T</title><item%s>"
                                                 "<title>Một</title></item><item><title>Hai</title></item>"
                                                 "</channel></rss>", refused[i]);
      g_autofree char *in_cdata = g_strdup_printf ("<rss version=\"2.0\"><channel><title>T</title><item>"
                                                   "<title>Một</title><description><![CDATA[<p%s>xin chào</p>]]>"
                                                   "</description></item><item><title>Hai</title></item>"
                                                   "</channel></rss>", refused[i]);
      const char *docs[] = { in_xml, in_cdata };

      for (guint d = 0; d < G_N_ELEMENTS (docs); d++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(VankhoFeed) feed = parse_timed (docs[d], &error);

          g_assert_null (feed);
          g_assert_error (error, VANKHO_FEED_ERROR, VANKHO_FEED_ERROR_MALFORMED);
          g_assert_nonnull (strstr (error->message, "1000"));
        }
    }

  /* In escaped HTML, only that entry's text is lost. */
  for (guint i = 0; i < G_N_ELEMENTS (escaped); i++)
    {
      g_autoptr(GString) xml = g_string_new ("<rss version=\"2.0\"><channel><title>T</title><item>"
                                             "<title>Một</title><description>&lt;p");
      g_autoptr(GError) error = NULL;
      g_autoptr(VankhoFeed) feed = NULL;

      for (const char *p = escaped[i]; *p != '\0'; p++)
        if (*p == '"')
          g_string_append (xml, "&quot;");
        else
          g_string_append_c (xml, *p);
      g_string_append (xml, "&gt;xin chào&lt;/p&gt;</description></item><item><title>Hai</title>"
                            "<description>&lt;p&gt;tạm biệt&lt;/p&gt;</description></item></channel></rss>");

      feed = parse_timed (xml->str, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (vankho_feed_get_n_entries (feed), ==, 2);
      g_assert_cmpstr (vankho_feed_entry_get_title (vankho_feed_get_entry (feed, 0)), ==, "Một");
      g_assert_null (vankho_feed_entry_get_summary (vankho_feed_get_entry (feed, 0)));
      g_assert_cmpstr (vankho_feed_entry_get_summary (vankho_feed_get_entry (feed, 1)), ==, "tạm biệt");
    }

  /* 1 000 are allowed, and quick. */
  {
    g_autofree char *in_xml = g_strdup_printf ("<rss version=\"2.0\"><channel><title>T</title><item%s>"
                                               "<title>Một</title><description><![CDATA[<p%s>xin chào</p>]]>"
                                               "</description></item><item><title>Hai</title></item>"
                                               "</channel></rss>", most, most);
    g_autoptr(GError) error = NULL;
    g_autoptr(VankhoFeed) feed = parse_timed (in_xml, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (vankho_feed_get_n_entries (feed), ==, 2);
    g_assert_cmpstr (vankho_feed_entry_get_summary (vankho_feed_get_entry (feed, 0)), ==, "xin chào");
  }
}

/* The same markup out of sight of a scan of the text: in an entity's
 * replacement text, written with character references, and as defaults
 * an ATTLIST gives every element of a name.
 */
static void
test_many_attributes_dtd (void)
{
  g_autofree char *encoded = many_attributes (200000, "&#61;", "&#39;");
  g_autofree char *defaults = many_attributes (40, " CDATA ", "\"");
  g_autofree char *in_entity = g_strdup_printf ("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY e \"&#60;p%s&#62;x&#60;/p&#62;\">]>"
                                                "<rss version=\"2.0\"><channel><title>T</title><item><title>Một</title>"
                                                "<description>&e;</description></item></channel></rss>", encoded);
  g_autoptr(GString) in_attlist = g_string_new (NULL);
  const char *docs[2];
  g_autoptr(GError) error = NULL;
  g_autoptr(VankhoFeed) feed = NULL;

  /* 40 defaults on each of 20 000 items: 12 s at 1 000 defaults */
  g_string_printf (in_attlist, "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ATTLIST item%s>]>"
                               "<rss version=\"2.0\"><channel><title>T</title>", defaults);
  for (guint i = 0; i < 20000; i++)
    g_string_append (in_attlist, "<item><title>x</title></item>");
  g_string_append (in_attlist, "</channel></rss>");

  docs[0] = in_entity;
  docs[1] = in_attlist->str;
  for (guint d = 0; d < G_N_ELEMENTS (docs); d++)
    {
      feed = parse_timed (docs[d], &error);
      g_assert_null (feed);
      g_assert_error (error, VANKHO_FEED_ERROR, VANKHO_FEED_ERROR_MALFORMED);
      g_clear_error (&error);
    }

  /* A few declarations, as feeds in the wild carry them, are read. */
  feed = parse_timed ("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY nbsp \"&#160;\">"
                      "<!ENTITY tag \"&#60;b class='x'&#62;đậm&#60;/b&#62;\">"
                      "<!ATTLIST item lang CDATA \"vi\">]>"
                      "<rss version=\"2.0\"><channel><title>T</title><item><title>Một&nbsp;hai</title>"
                      "<description>&tag;</description></item></channel></rss>", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vankho_feed_get_n_entries (feed), ==, 1);
  g_assert_cmpstr (vankho_feed_entry_get_title (vankho_feed_get_entry (feed, 0)), ==, "Một hai");
}

/* OPML goes through the same guard; it is read as UTF-8 whatever it
 * declares, so the guard sees what libxml2 parses. */
static void
test_opml_many_attributes (void)
{
  g_autofree char *hostile = many_attributes (200000, "=", "\"");
  g_autofree char *most = many_attributes (999, "=", "\"");
  g_autofree char *refused = g_strdup_printf ("<opml version=\"2.0\"><body><outline%s xmlUrl=\"https://a.vn/rss\"/>"
                                              "</body></opml>", hostile);
  g_autofree char *allowed = g_strdup_printf ("<opml version=\"2.0\"><body><outline%s xmlUrl=\"https://a.vn/rss\"/>"
                                              "</body></opml>", most);
  const char utf16[] = "\xff\xfe<\0o\0p\0m\0l\0>\0<\0b\0o\0d\0y\0>\0<\0o\0u\0t\0l\0i\0n\0e\0 \0t\0e\0x\0t\0=\0\"\0"
                       "T\0\xd1\x1en\0\"\0 \0x\0m\0l\0U\0r\0l\0=\0\"\0h\0t\0t\0p\0s\0:\0/\0/\0b\0.\0v\0n\0/\0\"\0/\0>\0"
                       "<\0/\0b\0o\0d\0y\0>\0<\0/\0o\0p\0m\0l\0>\0";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  gint64 start = g_get_monotonic_time ();

  feeds = vankho_opml_parse (refused, strlen (refused), &error);
  g_test_message ("OPML, 200 000 attributes: %.3f s", (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC * timeout_factor ());
  g_assert_null (feeds);
  g_assert_error (error, VANKHO_FEED_ERROR, VANKHO_FEED_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "1000"));
  g_clear_error (&error);

  feeds = vankho_opml_parse (allowed, strlen (allowed), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feeds->len, ==, 1);
  g_clear_pointer (&feeds, g_ptr_array_unref);

  /* UTF-16 with a BOM, which libxml2 used to detect on its own */
  feeds = vankho_opml_parse (utf16, sizeof utf16 - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feeds->len, ==, 1);
  g_assert_cmpstr (((VankhoOpmlFeed *) g_ptr_array_index (feeds, 0))->url, ==, "https://b.vn/");
  g_assert_cmpstr (((VankhoOpmlFeed *) g_ptr_array_index (feeds, 0))->title, ==, "Tốn");
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                                         "<title>Deep</title><item><title>Before</title></item>"
                                         "<item><title>Deep one</title><description>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VankhoFeed) feed = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "<div>");
  g_string_append (xml, "x");
  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "</div>");
  g_string_append (xml, "</description></item><item><title>After</title></item></channel></rss>");

  bytes = g_string_free_to_bytes (g_steal_pointer (&xml));
  feed = vankho_feed_parse (bytes, NULL, &error);
  g_assert_no_error (error);
  /* the nesting limit stops the parse; what came before is kept */
  g_assert_nonnull (vankho_feed_get_warning (feed));
  g_assert_cmpuint (vankho_feed_get_n_entries (feed), >=, 1);
  g_assert_cmpstr (vankho_feed_entry_get_title (vankho_feed_get_entry (feed, 0)), ==, "Before");
}

static void
test_deep_html (void)
{
  /* The same, as escaped HTML: the HTML parser must cope too. */
  g_autoptr(GString) xml = g_string_new ("<rss version=\"2.0\"><channel><title>Deep</title>"
                                         "<item><title>One</title><description><![CDATA[");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VankhoFeed) feed = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "<div><b>");
  g_string_append (xml, "x]]></description></item><item><title>Two</title></item></channel></rss>");
  bytes = g_string_free_to_bytes (g_steal_pointer (&xml));
  feed = vankho_feed_parse (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vankho_feed_get_n_entries (feed), ==, 2);
  g_assert_cmpstr (vankho_feed_entry_get_title (vankho_feed_get_entry (feed, 1)), ==, "Two");
}

static void
test_truncated (void)
{
  g_autoptr(VankhoFeed) feed = parse_ok ("hostile-truncated.xml", NULL);

  g_assert_nonnull (vankho_feed_get_warning (feed));
  g_assert_true (strstr (vankho_feed_get_warning (feed), "line") != NULL);
  g_assert_cmpuint (vankho_feed_get_n_entries (feed), >=, 2);
  g_assert_cmpstr (vankho_feed_entry_get_title (vankho_feed_get_entry (feed, 0)), ==,
                   "Công an tỉnh Gia Lai sơ kết 1 năm thực hiện Nghị quyết 12-NQ/TW");
  g_assert_cmpstr (vankho_feed_entry_get_id (vankho_feed_get_entry (feed, 1)), ==,
                   "https://cand.example.vn/tin/456.html");
}

static void
test_errors (void)
{
  struct { const char *name; int code; } cases[] = {
    { "not-a-feed.html", VANKHO_FEED_ERROR_NOT_A_FEED },
    { "not-xml.txt", VANKHO_FEED_ERROR_MALFORMED },
    { "empty.xml", VANKHO_FEED_ERROR_EMPTY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VankhoFeed) feed = parse_fixture (cases[i].name, NULL, &error);

      g_assert_null (feed);
      g_assert_error (error, VANKHO_FEED_ERROR, cases[i].code);
      g_assert_nonnull (error->message);
    }
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  const char *xml = "<rss version=\"2.0\"><channel><title>x</title></channel></rss>";
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr(VankhoFeed) feed = vankho_feed_parse_full (bytes, NULL, NULL, 10, &error);

  g_assert_null (feed);
  g_assert_error (error, VANKHO_FEED_ERROR, VANKHO_FEED_ERROR_TOO_LARGE);
}

static void
test_json (void)
{
  g_autoptr(VankhoFeed) feed = parse_ok ("rss20.xml", "https://feed.example.vn/rss/home.rss");
  g_autoptr(JsonNode) node = vankho_feed_to_json (feed);
  JsonObject *root = json_node_get_object (node);
  JsonObject *f = json_object_get_object_member (root, "feed");
  JsonArray *entries = json_object_get_array_member (root, "entries");
  JsonObject *e0, *e2;
  const char * const feed_keys[] = { "title", "link", "subtitle", "language", "updated" };
  const char * const entry_keys[] = { "title", "link", "id", "published", "updated",
                                      "author", "summary", "content" };

  g_assert_cmpuint (json_object_get_size (root), ==, 2);
  g_assert_cmpuint (json_object_get_size (f), ==, G_N_ELEMENTS (feed_keys));
  for (guint i = 0; i < G_N_ELEMENTS (feed_keys); i++)
    g_assert_true (json_object_has_member (f, feed_keys[i]));
  g_assert_cmpstr (json_object_get_string_member (f, "updated"), ==, "2023-08-31T01:00:00Z");
  g_assert_cmpuint (json_array_get_length (entries), ==, 3);

  e0 = json_array_get_object_element (entries, 0);
  g_assert_cmpuint (json_object_get_size (e0), ==, G_N_ELEMENTS (entry_keys));
  for (guint i = 0; i < G_N_ELEMENTS (entry_keys); i++)
    g_assert_true (json_object_has_member (e0, entry_keys[i]));
  g_assert_cmpstr (json_object_get_string_member (e0, "published"), ==, "2023-08-31T01:00:00Z");
  g_assert_true (json_object_get_null_member (e0, "updated"));
  g_assert_cmpstr (json_object_get_string_member (e0, "content"), ==, "Nội dung đầy đủ.\n\nĐoạn 2 & 3");

  e2 = json_array_get_object_element (entries, 2);
  g_assert_true (json_object_get_null_member (e2, "link"));
  g_assert_true (json_object_get_null_member (e2, "summary"));
}

static void
test_nfc (void)
{
  /* 'Việt' written decomposed (e + combining dot below + circumflex) */
  g_autoptr(VankhoFeed) feed = parse_string ("<rss version=\"2.0\"><channel>"
                                             "<title>Vie\xcc\xa3\xcc\x82t</title></channel></rss>");

  g_assert_cmpstr (vankho_feed_get_title (feed), ==, "Việt");
}

static void
test_link_precedence (void)
{
  g_autoptr(VankhoFeed) feed = parse_string (
    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>"
    "<entry><title>e</title>"
    "<link rel=\"self\" href=\"http://x/self\"/>"
    "<link rel=\"alternate\" type=\"application/pdf\" href=\"http://x/pdf\"/>"
    "<link rel=\"alternate\" type=\"text/html\" href=\"http://x/html\"/>"
    "<content src=\"http://x/out-of-line\" type=\"text/html\"/>"
    "</entry></feed>");
  VankhoFeedEntry *e = vankho_feed_get_entry (feed, 0);

  g_assert_cmpstr (vankho_feed_entry_get_link (e), ==, "http://x/html");
  g_assert_null (vankho_feed_entry_get_content (e));
}

/* An Atom link that lost its href keeps its address as text: an
 * enclosure written so must not become the entry's link, before or after
 * the alternate one. */
static void
test_link_without_href (void)
{
  g_autoptr(VankhoFeed) feed = parse_string (
    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>"
    "<entry><link rel=\"enclosure\" type=\"audio/mpeg\">http://x/audio.mp3</link>"
    "<link rel=\"alternate\" href=\"http://x/page\"/></entry>"
    "<entry><link rel=\"alternate\" href=\"http://x/page\"/>"
    "<link rel=\"enclosure\">http://x/audio.mp3</link></entry>"
    "<entry><link>http://x/text-link</link></entry>"
    "</feed>");

  g_assert_cmpstr (vankho_feed_entry_get_link (vankho_feed_get_entry (feed, 0)), ==, "http://x/page");
  g_assert_cmpstr (vankho_feed_entry_get_link (vankho_feed_get_entry (feed, 1)), ==, "http://x/page");
  g_assert_cmpstr (vankho_feed_entry_get_link (vankho_feed_get_entry (feed, 2)), ==, "http://x/text-link");
}

/* HTML written straight in the XML with its <img> and <br> left open: in
 * XML they swallow every later entry, so the feed is read again with them
 * closed. */
static void
test_open_void_elements (void)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                                         "<rss version=\"2.0\"><channel><title>T</title>");
  g_autoptr(VankhoFeed) feed = NULL;

  for (guint i = 0; i < 4; i++)
    g_string_append_printf (xml, "<item><title>Tin %u</title>"
                                 "<description><a href=\"https://x.vn/%u\"><img src=\"https://x.vn/%u.jpg\"></a>"
                                 "Lời dẫn %u.<br>Đoạn hai&nbsp;tiếp</description>"
                                 "<pubDate>Mon, 05 Feb 2024 1%u:00:00 +0700</pubDate></item>",
                            i, i, i, i, i);
  g_string_append (xml, "</channel></rss>");
  feed = parse_string (xml->str);

  g_assert_cmpuint (vankho_feed_get_n_entries (feed), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      VankhoFeedEntry *e = vankho_feed_get_entry (feed, i);
      g_autofree char *title = g_strdup_printf ("Tin %u", i);
      g_autofree char *summary = g_strdup_printf ("Lời dẫn %u.\nĐoạn hai tiếp", i);
      g_autofree char *date = g_strdup_printf ("2024-02-05T0%u:00:00Z", 3 + i);

      g_assert_cmpstr (vankho_feed_entry_get_title (e), ==, title);
      g_assert_cmpstr (vankho_feed_entry_get_summary (e), ==, summary);
      assert_date (vankho_feed_entry_get_published (e), date);
    }
}

/* A CMS that escapes its CDATA once more: '&lt;![CDATA[…]]&gt;'. */
static void
test_escaped_cdata (void)
{
  g_autoptr(VankhoFeed) feed = parse_string (
    "<rss version=\"2.0\"><channel><title>T</title>"
    "<item><title>&lt;![CDATA[Khen thưởng Công an tỉnh]]&gt;</title>"
    "<description> &lt;![CDATA[&lt;p&gt;(Dân trí) - Công an tỉnh &lt;b&gt;Nghệ An&lt;/b&gt;.&lt;/p&gt;]]&gt; </description></item>"
    "</channel></rss>");
  VankhoFeedEntry *e = vankho_feed_get_entry (feed, 0);

  g_assert_cmpstr (vankho_feed_entry_get_title (e), ==, "Khen thưởng Công an tỉnh");
  g_assert_cmpstr (vankho_feed_entry_get_summary (e), ==, "(Dân trí) - Công an tỉnh Nghệ An.");
}

/* A '<' written raw where no markup can start is text, as a browser reads
 * it; libxml2 would drop it. */
static void
test_raw_less_than (void)
{
  g_autoptr(VankhoFeed) feed = parse_string (
    "<?xml version=\"1.0\"?><?pi a < b?><rss version=\"2.0\"><channel><title>T</title>"
    "<item><title>Giá < 100 nghìn</title>"
    "<description>Nhiệt độ < 20 độ C, b <= 5, 3<4 và <b>đậm</b></description></item>"
    "</channel></rss>");
  VankhoFeedEntry *e = vankho_feed_get_entry (feed, 0);

  g_assert_cmpstr (vankho_feed_entry_get_title (e), ==, "Giá < 100 nghìn");
  g_assert_cmpstr (vankho_feed_entry_get_summary (e), ==, "Nhiệt độ < 20 độ C, b <= 5, 3<4 và đậm");
}

/* Atom 1.0 content of another media type, and Atom 0.3's mode="base64",
 * are base64: shown when they decode to text, left out when binary. */
static void
test_base64 (void)
{
  g_autoptr(VankhoFeed) feed = parse_string (
    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>"
    /* "Tin <b>mới</b>" */
    "<entry><title type=\"application/octet-stream\">\n  VGluIDxiPm3hu5tpPC9iPg==\n</title>"
    /* four bytes that are not UTF-8 */
    "<summary type=\"image/png\">iVBORw==</summary></entry>"
    "</feed>");
  g_autoptr(VankhoFeed) feed03 = parse_string (
    "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>t</title>"
    "<entry><title>e</title>"
    "<summary type=\"text/plain\" mode=\"base64\">Q8O0bmcgYW4gdOG7iW5o</summary>"
    "</entry></feed>");
  VankhoFeedEntry *e = vankho_feed_get_entry (feed, 0);

  g_assert_cmpstr (vankho_feed_entry_get_title (e), ==, "Tin mới");
  g_assert_null (vankho_feed_entry_get_summary (e));
  g_assert_cmpstr (vankho_feed_entry_get_summary (vankho_feed_get_entry (feed03, 0)), ==, "Công an tỉnh");
}

/* Declarations in scope are searched one by one for every prefixed
 * attribute (libxml2 2.9): 40 elements of 999 declarations and 100 of 999
 * prefixed attributes, 1.8 MB, took 12.7 s. More than 100 declarations in
 * a document are refused; a feed's dozen are read.
 */
static void
test_many_namespaces (void)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:u=\"urn:u\"><channel>");
  g_autoptr(GString) fine = g_string_new ("<?xml version=\"1.0\"?><rss version=\"2.0\"");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(VankhoFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  for (guint d = 0; d < 40; d++)
    {
      g_string_append_printf (xml, "<e%u", d);
      for (guint i = 0; i < 999; i++)
        g_string_append_printf (xml, " xmlns:p%u_%u=\"u%u\"", d, i, i);
      g_string_append (xml, ">");
    }
  for (guint l = 0; l < 100; l++)
    {
      g_string_append (xml, "<item");
      for (guint i = 0; i < 999; i++)
        g_string_append_printf (xml, " u:a%u=\"\"", i);
      g_string_append (xml, "/>");
    }
  g_string_append (xml, "</channel></rss>");

  bytes = g_bytes_new (xml->str, xml->len);
  start = g_get_monotonic_time ();
  feed = vankho_feed_parse (bytes, "https://example.vn/rss", &error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_assert_null (feed);
  g_assert_nonnull (strstr (error->message, "namespaces"));
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_error (&error);

  /* Twenty declarations, as a podcast feed may have: read. */
  for (guint i = 0; i < 20; i++)
    g_string_append_printf (fine, " xmlns:n%u=\"urn:n%u\"", i, i);
  g_string_append (fine, "><channel><title>Tin</title><item><title>Một</title></item></channel></rss>");
  bytes = g_bytes_new (fine->str, fine->len);
  feed = vankho_feed_parse (bytes, "https://example.vn/rss", &error);
  g_assert_no_error (error);
  g_assert_nonnull (feed);
}

/* A page naming its feeds, read the checked way: decoded before libxml2
 * sees it (so a <meta charset> cannot make it read markup the attribute
 * check did not), and refused when an element has too many attributes.
 */
static void
test_discovery (void)
{
  const char *plain = "<html><head><title>Báo Công an</title>"
                      "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss/thoi-su.rss\">"
                      "</head><body></body></html>";
  /* windows-1258: 'Công an' with ô as 0xF4; the bytes are not UTF-8. */
  const char *legacy = "<html><head><meta charset=\"windows-1258\"><title>C\xf4ng an</title>"
                       "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"atom.xml\">"
                       "</head></html>";
  /* UTF-7 would turn +ADw- into '<': the link is hidden text in UTF-8. */
  const char *utf7 = "<html><head><meta charset=\"utf-7\"></head><body>"
                     "+ADw-link rel=+ACI-alternate+ACI- type=+ACI-application/rss+-xml+ACI- "
                     "href=+ACI-/hidden.rss+ACI-+AD4-</body></html>";
  g_auto(GStrv) found = NULL;
  g_autoptr(GString) many = g_string_new ("<html><head><link rel=\"alternate\" "
                                          "type=\"application/rss+xml\" href=\"/a.rss\"><p");
  gint64 start;

  found = vankho_feed_discover_links (plain, strlen (plain), "https://cand.com.vn/");
  g_assert_cmpuint (g_strv_length (found), ==, 1);
  g_assert_cmpstr (found[0], ==, "https://cand.com.vn/rss/thoi-su.rss");
  g_clear_pointer (&found, g_strfreev);

  found = vankho_feed_discover_links (legacy, strlen (legacy), "https://baomoi.example/tin/");
  g_assert_cmpuint (g_strv_length (found), ==, 1);
  g_assert_cmpstr (found[0], ==, "https://baomoi.example/tin/atom.xml");
  g_clear_pointer (&found, g_strfreev);

  found = vankho_feed_discover_links (utf7, strlen (utf7), "https://example.vn/");
  g_assert_cmpuint (g_strv_length (found), ==, 0);
  g_clear_pointer (&found, g_strfreev);

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (many, " a%u=\"\"", i);
  g_string_append (many, "></head></html>");
  start = g_get_monotonic_time ();
  found = vankho_feed_discover_links (many->str, many->len, "https://example.vn/");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_assert_cmpuint (g_strv_length (found), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  const char * const encodings[] = {
    "encoding-utf16le.xml", "encoding-utf16be.xml", "encoding-windows-1258.xml",
    "encoding-iso-8859-1.xml", "encoding-wrong-declared-latin1.xml",
    "encoding-wrong-declared-utf8.xml", "encoding-invalid-utf8.xml",
    "encoding-unknown.xml", "encoding-none-utf8-bom.xml",
  };

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feeds/parser/rss20", test_rss20);
  g_test_add_func ("/feeds/parser/rss091", test_rss091);
  g_test_add_func ("/feeds/parser/rss10", test_rss10);
  g_test_add_func ("/feeds/parser/rss090", test_rss090);
  g_test_add_func ("/feeds/parser/atom10", test_atom10);
  g_test_add_func ("/feeds/parser/atom03", test_atom03);
  g_test_add_func ("/feeds/parser/entities", test_entities);
  g_test_add_func ("/feeds/parser/undeclared-prefix", test_undeclared_prefix);
  g_test_add_func ("/feeds/parser/nfc", test_nfc);
  g_test_add_func ("/feeds/parser/link-precedence", test_link_precedence);
  g_test_add_func ("/feeds/parser/link-without-href", test_link_without_href);
  g_test_add_func ("/feeds/parser/base64", test_base64);
  g_test_add_func ("/feeds/parser/open-void-elements", test_open_void_elements);
  g_test_add_func ("/feeds/parser/raw-less-than", test_raw_less_than);
  g_test_add_func ("/feeds/parser/escaped-cdata", test_escaped_cdata);
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autofree char *path = g_strdup_printf ("/feeds/parser/encoding/%s", encodings[i]);

      g_test_add_data_func (path, encodings[i], test_encoding);
    }
  g_test_add_func ("/feeds/parser/hostile/xxe", test_xxe);
  g_test_add_func ("/feeds/parser/hostile/billion-laughs", test_billion_laughs);
  g_test_add_func ("/feeds/parser/hostile/external-dtd", test_external_dtd);
  g_test_add_func ("/feeds/parser/hostile/quadratic-blowup", test_quadratic_blowup);
  g_test_add_func ("/feeds/parser/hostile/huge-attribute", test_huge_attribute);
  g_test_add_func ("/feeds/parser/hostile/many-attributes", test_many_attributes);
  g_test_add_func ("/feeds/parser/hostile/many-namespaces", test_many_namespaces);
  g_test_add_func ("/feeds/discovery/checked", test_discovery);
  g_test_add_func ("/feeds/parser/hostile/many-attributes-dtd", test_many_attributes_dtd);
  g_test_add_func ("/feeds/opml/hostile/many-attributes", test_opml_many_attributes);
  g_test_add_func ("/feeds/parser/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/feeds/parser/hostile/deep-html", test_deep_html);
  g_test_add_func ("/feeds/parser/hostile/truncated", test_truncated);
  g_test_add_func ("/feeds/parser/cdata-taken-out", test_cdata_taken_out);
  g_test_add_func ("/feeds/parser/errors", test_errors);
  g_test_add_func ("/feeds/parser/too-large", test_too_large);
  g_test_add_func ("/feeds/parser/json", test_json);

  return g_test_run ();
}
