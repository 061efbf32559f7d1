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

#include "vankho-feed-sync.h"
#include "vankho-library-feeds.h"

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
  fixture->library = vankho_library_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *names[] = { "library.db", "library.db-wal", "library.db-shm" };

  g_clear_object (&fixture->library);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/sync/store-and-conditional", test_sync_and_conditional);
  ADD ("/sync/errors-recorded", test_errors_recorded);
#undef ADD

  return g_test_run ();
}
