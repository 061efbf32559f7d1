/* test-feed-sync.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Sync against a libsoup server of our own on 127.0.0.1: never the internet.
 * The server runs in the main context; each sync runs in a thread, as the
 * app runs it.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "vankho-feed-probe.h"
#include "vankho-feed-sync.h"
#include "vankho-library-feeds.h"
#include "test-timeout.h"

typedef struct
{
  SoupServer    *server;
  char          *base;
  char          *dir;
  char          *path;
  VankhoLibrary *library;
  GHashTable    *hits;        /* path → count */
  char          *last_if_none_match;
  gboolean       feed_changed;
  char          *secret_path;   /* a local page a feed links to by file: */
  GPtrArray     *drips;         /* responses that never end */
} Fixture;

static const char feed_template[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<rss version=\"2.0\"><channel><title>Báo Thử</title><link>%s/</link>\n"
  "<item><title>Đảng ủy Công an tỉnh Gia Lai sơ kết Nghị quyết 12-NQ/TW</title>"
  "<link>%s/bai/1?utm_source=rss</link><guid>bai-1</guid>"
  "<pubDate>Thu, 31 Aug 2023 08:00:00 +0700</pubDate>"
  "<description>Sáng 31/8, Đảng ủy Công an tỉnh Gia Lai tổ chức hội nghị sơ kết 1 năm thực hiện "
  "Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị.</description></item>\n"
  "<item><title>Bài có trang đầy đủ</title><link>%s/page/2</link><guid>bai-2</guid>"
  "<pubDate>Fri, 01 Sep 2023 09:00:00 +0700</pubDate><description>Tóm tắt ngắn.</description></item>\n"
  "%s"
  "</channel></rss>\n";

static const char page_html[] =
  "<html><head><title>Bài có trang đầy đủ</title></head><body>"
  "<nav><a href='/'>Trang chủ</a> <a href='/x'>Thời sự</a></nav>"
  "<article><h1>Bài có trang đầy đủ</h1>"
  "<p>Chiều ngày 1/9, Công an tỉnh Kon Tum tổ chức hội nghị quán triệt Chỉ thị số 11/CT-BCA ngày "
  "28/10/2022 của Bộ trưởng Bộ Công an về xây dựng Công an xã, thị trấn vững mạnh toàn diện.</p>"
  "<p>Hội nghị đánh giá kết quả sau một năm thực hiện, chỉ ra những hạn chế và đề ra giải pháp "
  "cho thời gian tới, trong đó nhấn mạnh việc bố trí cán bộ, đầu tư trụ sở và trang thiết bị.</p>"
  "<p>Các đơn vị cam kết hoàn thành các chỉ tiêu đề ra trong năm, góp phần giữ vững an ninh trật tự "
  "trên địa bàn tỉnh và xây dựng lực lượng ngày càng chính quy, tinh nhuệ, hiện đại.</p>"
  "</article><footer>Bản quyền thuộc về báo thử</footer></body></html>";

static void
count_hit (Fixture    *fixture,
           const char *path)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (fixture->hits, path));

  g_hash_table_insert (fixture->hits, g_strdup (path), GUINT_TO_POINTER (n + 1));
}

static guint
hits (Fixture    *fixture,
      const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (fixture->hits, path));
}

static void
serve_feed (Fixture           *fixture,
            SoupServerMessage *msg)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char *etag = fixture->feed_changed ? "\"v2\"" : "\"v1\"";
  const char *if_none_match = soup_message_headers_get_one (request, "If-None-Match");
  g_autofree char *body = NULL;

  g_free (fixture->last_if_none_match);
  fixture->last_if_none_match = g_strdup (if_none_match);

  if (g_strcmp0 (if_none_match, etag) == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  body = g_strdup_printf (feed_template, fixture->base, fixture->base, fixture->base,
                          fixture->feed_changed
                          ? "<item><title>Bài mới thứ ba</title><link>/bai/3</link><guid>bai-3</guid>"
                            "<description>Nội dung bài thứ ba về Công an tỉnh Nghệ An, đủ dài để không "
                            "cần tải trang.</description></item>\n"
                            "<item><title>Bài 1 bản tin lại</title><link>/bai/1#binh-luan</link>"
                            "<guid>bai-1-khac</guid><description>Trùng địa chỉ.</description></item>\n"
                            "<item><title>Đảng ủy Công an tỉnh Gia Lai sơ kết Nghị quyết 12-NQ/TW</title>"
                            "<link>/bai/1-cap-nhat</link><guid>bai-1-v2</guid>"
                            "<pubDate>Thu, 31 Aug 2023 15:00:00 +0700</pubDate>"
                            "<description>Sáng 31/8, Đảng ủy Công an tỉnh Gia Lai tổ chức hội nghị sơ kết 1 năm "
                            "thực hiện Nghị quyết số 12-NQ/TW (bản cập nhật, thêm ý kiến chỉ đạo) của Bộ Chính trị."
                            "</description></item>\n"
                          : "");
  soup_message_headers_replace (response, "ETag", etag);
  soup_message_headers_replace (response, "Last-Modified", "Thu, 31 Aug 2023 02:00:00 GMT");
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/rss+xml; charset=utf-8", SOUP_MEMORY_COPY,
                                    body, strlen (body));
}

/* Hostile input (RELIABILITY.md, 6). */

static const char page_hostile_html[] =
  "<html><head><script>document.title = 'SCRIPT-MARKER'</script></head>"
  "<body onload=\"alert('HANDLER-MARKER')\"><article><h1>Trang có mã</h1>"
  "<p onclick=\"alert('HANDLER-MARKER')\">Chiều ngày 2/9, Công an tỉnh Kon Tum tổ chức hội nghị sơ kết "
  "việc thực hiện Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị trên địa bàn tỉnh.</p>"
  "<script>alert('SCRIPT-MARKER')</script><img src=x onerror=\"alert('HANDLER-MARKER')\">"
  "<p>Hội nghị đánh giá kết quả sau một năm thực hiện, chỉ ra những hạn chế và đề ra giải pháp "
  "cho thời gian tới, trong đó nhấn mạnh việc bố trí cán bộ, đầu tư trụ sở và trang thiết bị.</p>"
  "<p><a href=\"javascript:alert('LINK-MARKER')\">Xem thêm</a> về các đơn vị cam kết hoàn thành các "
  "chỉ tiêu đề ra trong năm, góp phần giữ vững an ninh trật tự trên địa bàn.</p>"
  "</article></body></html>";

static char *
hostile_feed (Fixture *fixture)
{
  g_autoptr(GString) long_text = g_string_new (NULL);

  /* Long enough not to need its page: nothing is fetched from the look-alike. */
  while (long_text->len < 1200)
    g_string_append (long_text, "Công an tỉnh Nghệ An triển khai Nghị quyết 12-NQ/TW. ");

  return g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rss version=\"2.0\"><channel><title>Báo Lạ</title><link>https://аррӏе.com/</link>\n"
    "<item><title>Bài có mã</title><link>javascript:alert(document.cookie)</link><guid>js</guid>"
    "<description>&lt;p onclick=\"alert('HANDLER-MARKER')\"&gt;Công an tỉnh Gia Lai họp"
    "&lt;script&gt;alert('SCRIPT-MARKER')&lt;/script&gt; &lt;a href=\"javascript:alert(1)\"&gt;bấm&lt;/a&gt;"
    "&lt;img src=x onerror=\"alert('HANDLER-MARKER')\"&gt;&lt;/p&gt;</description></item>\n"
    "<item><title>Bài trỏ tệp</title><link>file://%s</link><guid>file</guid>"
    "<description>Tóm tắt tệp.</description></item>\n"
    "<item><title>Bài dữ liệu</title><link>data:text/html,&lt;p&gt;DATA-MARKER&lt;/p&gt;</link><guid>data</guid>"
    "<description>Tóm tắt dữ liệu.</description></item>\n"
    "<item><title>Bài tên miền giả</title><link>https://аррӏе.com/tin/1</link><guid>idn</guid>"
    "<description>%s</description></item>\n"
    "<item><title>Trang có mã</title><link>%s/page/hostile</link><guid>page</guid>"
    "<description>Tóm tắt ngắn.</description></item>\n"
    "</channel></rss>\n",
    fixture->secret_path, long_text->str, fixture->base);
}

/* 16 MB of spaces, gzipped to some 16 KB. */
static GBytes *
gzip_bomb (void)
{
  static GBytes *bomb;

  if (bomb == NULL)
    {
      g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
      g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
      g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
      g_autofree char *spaces = g_strnfill (1024 * 1024, ' ');

      for (guint i = 0; i < 16; i++)
        g_assert_true (g_output_stream_write_all (out, spaces, 1024 * 1024, NULL, NULL, NULL));
      g_assert_true (g_output_stream_close (out, NULL, NULL));
      bomb = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
    }

  return g_bytes_ref (bomb);
}

/* A response that never ends: a chunk every @interval ms, for as long as
 * the client reads.
 */
typedef struct
{
  SoupServerMessage *msg;
  gsize              chunk;
  guint              source;
} Drip;

static void
drip_stop (Drip *drip)
{
  g_clear_handle_id (&drip->source, g_source_remove);
}

static void
drip_free (Drip *drip)
{
  drip_stop (drip);
  g_signal_handlers_disconnect_by_data (drip->msg, drip);
  g_object_unref (drip->msg);
  g_free (drip);
}

static gboolean
drip_cb (gpointer data)
{
  Drip *drip = data;
  SoupMessageBody *body = soup_server_message_get_response_body (drip->msg);

  soup_message_body_append_take (body, (guchar *) g_strnfill (drip->chunk, ' '), drip->chunk);
  soup_server_message_unpause (drip->msg);

  return G_SOURCE_CONTINUE;
}

static void
drip_start (Fixture           *fixture,
            SoupServerMessage *msg,
            gsize              chunk,
            guint              interval)
{
  static const char start[] = "<rss version=\"2.0\"><channel><title>Không bao giờ hết</title>";
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  Drip *drip = g_new0 (Drip, 1);

  drip->msg = g_object_ref (msg);
  drip->chunk = chunk;
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (response, "application/rss+xml", NULL);
  soup_message_body_set_accumulate (body, FALSE);
  soup_message_body_append (body, SOUP_MEMORY_STATIC, start, strlen (start));
  drip->source = g_timeout_add (interval, drip_cb, drip);
  g_signal_connect_swapped (msg, "finished", G_CALLBACK (drip_stop), drip);
  g_signal_connect_swapped (msg, "disconnected", G_CALLBACK (drip_stop), drip);
  g_ptr_array_add (fixture->drips, drip);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);

  count_hit (fixture, path);

  if (g_str_equal (path, "/feed.xml"))
    serve_feed (fixture, msg);
  else if (g_str_equal (path, "/page/2"))
    soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                      page_html, strlen (page_html)),
    soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  else if (g_str_equal (path, "/moved.xml"))
    {
      soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "/feed.xml?from=moved");
    }
  else if (g_str_equal (path, "/loop.xml"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/loop.xml");
  else if (g_str_equal (path, "/file.xml"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "file:///etc/passwd");
  else if (g_str_equal (path, "/error.xml"))
    soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
  else if (g_str_equal (path, "/gone.xml"))
    soup_server_message_set_status (msg, SOUP_STATUS_GONE, NULL);
  else if (g_str_equal (path, "/busy.xml"))
    {
      soup_message_headers_replace (response, "Retry-After", "3600");
      soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
    }
  else if (g_str_equal (path, "/big.xml"))
    {
      gsize len = 256 * 1024;
      char *big = g_malloc (len);

      memset (big, ' ', len);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_TAKE, big, len);
    }
  else if (g_str_equal (path, "/slow.xml"))
    {
      /* Answers never: the sync must give up on its own. */
      soup_server_message_pause (msg);
    }
  else if (g_str_equal (path, "/gzip.xml"))
    {
      g_autofree char *body = g_strdup_printf (feed_template, fixture->base, fixture->base, fixture->base, "");
      g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
      g_autoptr(GInputStream) plain = g_memory_input_stream_new_from_data (g_strdup (body), strlen (body), g_free);
      g_autoptr(GInputStream) zipped = g_converter_input_stream_new (plain, G_CONVERTER (compressor));
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr(GBytes) bytes = NULL;

      g_output_stream_splice (out, zipped, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, NULL);
      bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
      soup_message_headers_replace (response, "Content-Encoding", "gzip");
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }
  else if (g_str_equal (path, "/hostile.xml"))
    {
      char *body = hostile_feed (fixture);

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/rss+xml; charset=utf-8", SOUP_MEMORY_TAKE,
                                        body, strlen (body));
    }
  else if (g_str_equal (path, "/page/hostile"))
    soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                      page_hostile_html, strlen (page_hostile_html)),
    soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  else if (g_str_equal (path, "/bomb.xml"))
    {
      g_autoptr(GBytes) bomb = gzip_bomb ();

      soup_message_headers_replace (response, "Content-Encoding", "gzip");
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (bomb, NULL), g_bytes_get_size (bomb));
    }
  else if (g_str_equal (path, "/trickle.xml"))
    drip_start (fixture, msg, 1, 100);
  else if (g_str_equal (path, "/endless.xml"))
    drip_start (fixture, msg, 64 * 1024, 5);
  else if (g_str_equal (path, "/site.html"))
    {
      g_autofree char *html = g_strdup_printf ("<html><head><title>Báo Thử</title>"
                                               "<link rel=\"alternate\" type=\"application/rss+xml\" "
                                               "href=\"%s/feed.xml\"></head><body>Trang</body></html>",
                                               fixture->base);

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_COPY,
                                        html, strlen (html));
    }
  else if (g_str_equal (path, "/many.html"))
    {
      /* 200 000 attributes on one element before the feed's link */
      g_autoptr(GString) html = g_string_new ("<html><head><meta");

      for (guint i = 0; i < 200000; i++)
        g_string_append_printf (html, " a%u", i);
      g_string_append_printf (html, "><link rel=\"alternate\" type=\"application/rss+xml\" "
                                    "href=\"%s/feed.xml\"></head></html>", fixture->base);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_COPY, html->str, html->len);
    }
  else if (g_str_equal (path, "/js-redirect.xml"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "javascript:alert(1)");
  else if (g_str_equal (path, "/data-redirect.xml"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "data:application/rss+xml,<rss/>");
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;

  fixture->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, server_cb, fixture, NULL);
  g_assert_true (soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (fixture->server);
  {
    g_autofree char *uri = g_uri_to_string (uris->data);
    fixture->base = g_strndup (uri, strlen (uri) - (g_str_has_suffix (uri, "/") ? 1 : 0));
  }
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  fixture->dir = g_dir_make_tmp ("vankho-sync-XXXXXX", &error);
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->secret_path = g_build_filename (fixture->dir, "secret.html", NULL);
  fixture->drips = g_ptr_array_new_with_free_func ((GDestroyNotify) drip_free);
  fixture->library = vankho_library_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *names[] = { "library.db", "library.db-wal", "library.db-shm", "secret.html" };

  g_clear_object (&fixture->library);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  soup_server_disconnect (fixture->server);
  g_clear_pointer (&fixture->drips, g_ptr_array_unref);
  g_clear_object (&fixture->server);
  g_free (fixture->secret_path);
  g_hash_table_unref (fixture->hits);
  g_free (fixture->last_if_none_match);
  g_free (fixture->base);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
add_feed (Fixture    *fixture,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strconcat (fixture->base, path, NULL);
  gint64 id = vankho_library_add_feed (fixture->library, url, NULL, &error);

  g_assert_no_error (error);
  return id;
}

typedef struct
{
  VankhoFeedSync *sync;
  gboolean        ok;
  gboolean        finished;
  GError         *error;
} SyncRun;

static gpointer
sync_thread (gpointer data)
{
  SyncRun *run = data;

  run->ok = vankho_feed_sync_run (run->sync, 0, TRUE, NULL, NULL, NULL, &run->error);
  g_atomic_int_set (&run->finished, TRUE);
  g_main_context_wakeup (NULL);

  return NULL;
}

/* Syncs every feed while the main context serves them. */
static VankhoFeedSync *
sync_all (Fixture *fixture,
          guint    total_timeout)
{
  SyncRun run = { 0 };
  GThread *thread;

  run.sync = vankho_feed_sync_new (fixture->path);
  vankho_feed_sync_set_limits (run.sync, 5, total_timeout, 64 * 1024);
  thread = g_thread_new ("sync", sync_thread, &run);
  while (!g_atomic_int_get (&run.finished))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);

  g_assert_no_error (run.error);
  g_assert_true (run.ok);

  return run.sync;
}

static const VankhoFeedSyncResult *
result_for (VankhoFeedSync *sync,
            gint64          feed_id)
{
  GPtrArray *results = vankho_feed_sync_get_results (sync);

  for (guint i = 0; i < results->len; i++)
    if (((VankhoFeedSyncResult *) g_ptr_array_index (results, i))->feed_id == feed_id)
      return g_ptr_array_index (results, i);

  g_assert_not_reached ();
}

static void
test_sync_and_conditional (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(VankhoFeedSync) first = NULL;
  g_autoptr(VankhoFeedSync) second = NULL;
  g_autoptr(VankhoFeedSync) third = NULL;
  g_autoptr(VankhoFeedSource) source = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(VankhoArticle) page_article = NULL;
  gint64 id = add_feed (fixture, "/feed.xml");

  first = sync_all (fixture, 10);
  g_assert_cmpuint (result_for (first, id)->new_items, ==, 2);
  g_assert_null (result_for (first, id)->error);
  g_assert_cmpuint (hits (fixture, "/page/2"), ==, 1);

  source = vankho_library_get_feed (fixture->library, id, NULL);
  g_assert_cmpstr (source->title, ==, "Báo Thử");
  g_assert_cmpstr (source->etag, ==, "\"v1\"");
  g_assert_cmpint (source->last_status, ==, 200);

  /* The short entry got its page's text, the feed's text kept beside. */
  ids = vankho_library_query_article_ids (fixture->library, &(VankhoArticleQuery) { .text = "11/CT-BCA" },
                                          0, NULL, NULL, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  page_article = vankho_library_get_article (fixture->library, g_array_index (ids, gint64, 0), NULL);
  g_assert_nonnull (strstr (vankho_article_get_body (page_article), "Kon Tum"));
  g_assert_null (strstr (vankho_article_get_body (page_article), "Bản quyền"));
  g_assert_cmpstr (vankho_article_get_feed_text (page_article), ==, "Tóm tắt ngắn.");

  /* Unchanged: 304, nothing stored, the validator was sent. */
  second = sync_all (fixture, 10);
  g_assert_cmpstr (fixture->last_if_none_match, ==, "\"v1\"");
  g_assert_cmpint (result_for (second, id)->status, ==, 304);
  g_assert_cmpuint (result_for (second, id)->new_items, ==, 0);
  g_assert_cmpint (vankho_library_count_articles (fixture->library, NULL), ==, 2);

  /* Changed: one new story; the re-issue under a new GUID with the same
   * address is not stored again. */
  fixture->feed_changed = TRUE;
  third = sync_all (fixture, 10);
  g_assert_cmpuint (result_for (third, id)->new_items, ==, 2);
  g_assert_cmpint (vankho_library_count_articles (fixture->library, NULL), ==, 4);

  /* The re-issued story is kept as a version of the first, listed once. */
  {
    g_autoptr(GArray) listed = vankho_library_query_article_ids (fixture->library, NULL, 0, NULL, NULL, NULL);
    g_autoptr(GArray) gia_lai = vankho_library_query_article_ids (fixture->library,
                                                                  &(VankhoArticleQuery) { .text = "gia lai" },
                                                                  0, NULL, NULL, NULL);
    g_autoptr(VankhoArticle) first_story = NULL;

    g_assert_cmpuint (listed->len, ==, 3);
    g_assert_cmpuint (gia_lai->len, ==, 1);
    first_story = vankho_library_get_article_summary (fixture->library, g_array_index (gia_lai, gint64, 0),
                                                      NULL, NULL);
    g_assert_cmpuint (vankho_article_get_n_versions (first_story), ==, 2);
  }
}

static void
test_errors_recorded (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(VankhoFeedSync) sync = NULL;
  g_autoptr(VankhoFeedSource) gone_source = NULL;
  g_autoptr(VankhoFeedSource) busy_source = NULL;
  g_autoptr(VankhoFeedSource) moved_source = NULL;
  gint64 good = add_feed (fixture, "/feed.xml");
  gint64 missing = add_feed (fixture, "/missing.xml");
  gint64 error = add_feed (fixture, "/error.xml");
  gint64 gone = add_feed (fixture, "/gone.xml");
  gint64 busy = add_feed (fixture, "/busy.xml");
  gint64 loop = add_feed (fixture, "/loop.xml");
  gint64 file = add_feed (fixture, "/file.xml");
  gint64 big = add_feed (fixture, "/big.xml");
  gint64 slow = add_feed (fixture, "/slow.xml");
  gint64 moved = add_feed (fixture, "/moved.xml");
  gint64 gzip = add_feed (fixture, "/gzip.xml");
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  sync = sync_all (fixture, 2);

  g_assert_cmpuint (result_for (sync, good)->new_items, ==, 2);
  g_assert_cmpint (result_for (sync, missing)->status, ==, 404);
  g_assert_nonnull (result_for (sync, missing)->error);
  g_assert_cmpint (result_for (sync, error)->status, ==, 500);
  g_assert_nonnull (strstr (result_for (sync, loop)->error, "redirect"));
  g_assert_cmpuint (hits (fixture, "/loop.xml"), ==, 6);
  g_assert_nonnull (strstr (result_for (sync, file)->error, "file:"));
  g_assert_nonnull (strstr (result_for (sync, big)->error, "larger"));
  g_assert_nonnull (strstr (result_for (sync, slow)->error, "2 seconds"));
  g_assert_null (result_for (sync, gzip)->error);

  gone_source = vankho_library_get_feed (fixture->library, gone, NULL);
  g_assert_false (gone_source->enabled);
  g_assert_nonnull (strstr (gone_source->last_error, "410"));

  busy_source = vankho_library_get_feed (fixture->library, busy, NULL);
  g_assert_cmpint (busy_source->next_check, >=, now + 3500);
  g_assert_cmpint (busy_source->failures, ==, 1);

  /* A permanent move updates the stored address; the duplicates of the
   * good feed's stories are not stored twice. */
  moved_source = vankho_library_get_feed (fixture->library, moved, NULL);
  g_assert_true (g_str_has_suffix (moved_source->url, "/feed.xml?from=moved"));
  g_assert_cmpint (vankho_library_count_articles (fixture->library, NULL), ==, 2);
}

static VankhoArticle *
article_for_guid (Fixture    *fixture,
                  gint64      feed_id,
                  const char *guid)
{
  gint64 id = vankho_library_find_article_by_guid (fixture->library, feed_id, guid);
  g_autoptr(GError) error = NULL;
  VankhoArticle *article;

  g_assert_cmpint (id, >, 0);
  article = vankho_library_get_article (fixture->library, id, &error);
  g_assert_no_error (error);

  return article;
}

static void
assert_no_markers (VankhoArticle *article)
{
  const char *body = vankho_article_get_body (article);
  const char *markers[] = { "MARKER", "alert", "javascript", "onclick", "onerror", "<" };

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    if (strstr (body, markers[i]) != NULL)
      g_error ("“%s” in the stored text: %s", markers[i], body);
}

/* Gzip bomb, endless slow answer, redirects to javascript: and data:, and a
 * feed whose links and HTML are hostile.
 */
static void
test_hostile (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(VankhoFeedSync) sync = NULL;
  g_autoptr(GBytes) bomb_bytes = gzip_bomb ();
  g_autoptr(VankhoFeedSource) source = NULL;
  g_autoptr(VankhoArticle) js = NULL;
  g_autoptr(VankhoArticle) file = NULL;
  g_autoptr(VankhoArticle) data_link = NULL;
  g_autoptr(VankhoArticle) idn = NULL;
  g_autoptr(VankhoArticle) page = NULL;
  g_autofree char *page_url = NULL;
  gint64 bomb = add_feed (fixture, "/bomb.xml");
  gint64 js_redirect = add_feed (fixture, "/js-redirect.xml");
  gint64 data_redirect = add_feed (fixture, "/data-redirect.xml");
  gint64 hostile = add_feed (fixture, "/hostile.xml");
  gint64 trickle = add_feed (fixture, "/trickle.xml");
  gint64 start;

  /* A page the file: link names, worth taking if it were read. */
  g_assert_true (g_file_set_contents (fixture->secret_path, page_html, -1, NULL));

  start = g_get_monotonic_time ();
  sync = sync_all (fixture, 2);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);

  /* The cap (64 KB here) is on what is decompressed: the bomb's bytes on
   * the wire are well under it. */
  g_assert_cmpuint (g_bytes_get_size (bomb_bytes), <, 64 * 1024);
  g_assert_nonnull (strstr (result_for (sync, bomb)->error, "larger"));

  /* Headers, then a byte every 0.1 s: the time limit on the whole answer
   * ends it. */
  g_assert_nonnull (strstr (result_for (sync, trickle)->error, "2 seconds"));
  g_assert_cmpuint (hits (fixture, "/trickle.xml"), ==, 1);

  g_assert_nonnull (strstr (result_for (sync, js_redirect)->error, "not a web address"));
  g_assert_nonnull (strstr (result_for (sync, data_redirect)->error, "not a web address"));

  g_assert_null (result_for (sync, hostile)->error);
  g_assert_cmpuint (result_for (sync, hostile)->new_items, ==, 5);
  g_assert_cmpuint (hits (fixture, "/page/hostile"), ==, 1);

  /* javascript:, file: and data: links: not followed, not kept as the
   * address to open; the entry's text is. */
  js = article_for_guid (fixture, hostile, "js");
  g_assert_null (vankho_article_get_url (js));
  g_assert_nonnull (strstr (vankho_article_get_body (js), "Công an tỉnh Gia Lai họp"));
  g_assert_nonnull (strstr (vankho_article_get_body (js), "bấm"));
  assert_no_markers (js);

  file = article_for_guid (fixture, hostile, "file");
  g_assert_null (vankho_article_get_url (file));
  g_assert_cmpstr (vankho_article_get_body (file), ==, "Tóm tắt tệp.");
  data_link = article_for_guid (fixture, hostile, "data");
  g_assert_null (vankho_article_get_url (data_link));
  g_assert_cmpstr (vankho_article_get_body (data_link), ==, "Tóm tắt dữ liệu.");

  /* A look-alike host (Cyrillic аррӏе.com) is kept as DNS sees it. */
  idn = article_for_guid (fixture, hostile, "idn");
  g_assert_cmpstr (vankho_article_get_url (idn), ==, "https://xn--80ak6aa92e.com/tin/1");
  source = vankho_library_get_feed (fixture->library, hostile, NULL);
  g_assert_cmpstr (source->site_url, ==, "https://xn--80ak6aa92e.com/");

  /* A page with scripts and handlers: its text only. */
  page = article_for_guid (fixture, hostile, "page");
  page_url = g_strconcat (fixture->base, "/page/hostile", NULL);
  g_assert_cmpstr (vankho_article_get_url (page), ==, page_url);
  g_assert_nonnull (strstr (vankho_article_get_body (page), "Công an tỉnh Kon Tum"));
  g_assert_nonnull (strstr (vankho_article_get_body (page), "Xem thêm về các đơn vị"));
  assert_no_markers (page);
}

typedef struct
{
  gboolean  done;
  GError   *error;
  char     *feed_url;
} ProbeRun;

static void
probe_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  ProbeRun *run = user_data;
  g_autofree char *title = NULL;

  vankho_feed_probe_finish (result, &run->feed_url, &title, &run->error);
  run->done = TRUE;
}

static ProbeRun *
probe (Fixture    *fixture,
       const char *path,
       guint       seconds,
       gsize       max_size,
       gint64     *elapsed)
{
  g_autofree char *url = g_strconcat (fixture->base, path, NULL);
  ProbeRun *run = g_new0 (ProbeRun, 1);
  gint64 start = g_get_monotonic_time ();

  vankho_feed_probe_full_async (url, seconds, max_size, NULL, probe_done_cb, run);
  while (!run->done)
    g_main_context_iteration (NULL, TRUE);
  *elapsed = g_get_monotonic_time () - start;
  g_test_message ("%s: %.2f s: %s", path, *elapsed / (double) G_USEC_PER_SEC,
                  run->error != NULL ? run->error->message : run->feed_url);

  return run;
}

static void
probe_run_free (ProbeRun *run)
{
  g_clear_error (&run->error);
  g_free (run->feed_url);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProbeRun, probe_run_free)

/* Adding a feed probes its address first, with a session of its own, and
 * the limits of the sync (vankho-http-fetch.c): a time for the whole probe
 * (30 s; 2 s here), a cap on what is read of an answer, decompressed (5 MB;
 * 64 KB here but for the page of many attributes), at most 5 redirects to
 * http: and https:.
 */
static void
test_probe_hostile (Fixture       *fixture,
                    gconstpointer  data)
{
  const struct
  {
    const char *path;
    const char *error;
  } refused[] = {
    { "/loop.xml", "redirections" },                     /* a redirect loop */
    { "/file.xml", "not a web address" },
    { "/js-redirect.xml", "not a web address" },
    { "/bomb.xml", "too large" },                        /* 16 MB once gunzipped */
    { "/big.xml", "too large" },                         /* a length over the cap */
    { "/endless.xml", "too large" },                     /* 64 KB every 5 ms, no length */
    { "/trickle.xml", "2 seconds" },                     /* a byte every 0.1 s */
    { "/slow.xml", "2 seconds" },                        /* headers never come */
    { "/many.html", "1000 attributes" },
  };
  gint64 elapsed;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      gsize max_size = g_str_has_suffix (refused[i].path, ".html") ? 5 * 1024 * 1024 : 64 * 1024;
      /* 2 s for the answers that are slow on purpose; the others have the
       * app's 30 s, so that a loaded machine (make test-asan) cannot turn
       * their refusal into a time-out. */
      gboolean timed = g_str_equal (refused[i].error, "2 seconds");
      g_autoptr(ProbeRun) run = probe (fixture, refused[i].path, timed ? 2 : 30, max_size, &elapsed);

      g_assert_nonnull (run->error);
      g_assert_nonnull (strstr (run->error->message, refused[i].error));
      g_assert_null (run->feed_url);
      /* 2 s, and some for a loaded machine; before, the endless answers
       * were still being read after minutes */
      g_assert_cmpint (elapsed, <, 4 * G_USEC_PER_SEC * test_timeout_factor ());
    }
  g_assert_cmpuint (hits (fixture, "/loop.xml"), ==, 6);
  g_assert_cmpuint (hits (fixture, "/trickle.xml"), ==, 1);

  /* The app's limits: 5 MB of the bomb's 16 and of the endless answer */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *url = g_strconcat (fixture->base, i == 0 ? "/bomb.xml" : "/endless.xml", NULL);
      g_autoptr(ProbeRun) run = g_new0 (ProbeRun, 1);
      gint64 start = g_get_monotonic_time ();

      vankho_feed_probe_async (url, NULL, probe_done_cb, run);
      while (!run->done)
        g_main_context_iteration (NULL, TRUE);
      g_test_message ("%s, 5 MB: %.2f s", url, (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
      g_assert_nonnull (run->error);
      g_assert_nonnull (strstr (run->error->message, "too large"));
      g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC * test_timeout_factor ());
    }

  /* The endless answers were cut: the server soon sees the connection go. */
  for (gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC * test_timeout_factor ();;)
    {
      guint running = 0;

      for (guint i = 0; i < fixture->drips->len; i++)
        running += ((Drip *) g_ptr_array_index (fixture->drips, i))->source != 0;
      if (running == 0)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  /* What should work still does: a feed, and a page that names one. */
  {
    g_autoptr(ProbeRun) feed = probe (fixture, "/feed.xml", 30, 64 * 1024, &elapsed);
    g_autoptr(ProbeRun) site = probe (fixture, "/site.html", 30, 64 * 1024, &elapsed);
    g_autoptr(ProbeRun) moved = probe (fixture, "/moved.xml", 30, 64 * 1024, &elapsed);
    g_autofree char *feed_url = g_strconcat (fixture->base, "/feed.xml", NULL);

    g_assert_no_error (feed->error);
    g_assert_cmpstr (feed->feed_url, ==, feed_url);
    g_assert_no_error (site->error);
    g_assert_cmpstr (site->feed_url, ==, feed_url);
    g_assert_no_error (moved->error);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/sync/store-and-conditional", test_sync_and_conditional);
  ADD ("/sync/errors-recorded", test_errors_recorded);
  ADD ("/sync/hostile", test_hostile);
  ADD ("/probe/hostile", test_probe_hostile);
#undef ADD

  return g_test_run ();
}
