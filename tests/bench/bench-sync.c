/* bench-sync.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Sync of 200 feeds × 50 items from a local server, as the app runs it: in a
 * worker thread while the main loop goes on. Prints the time of the sync and
 * the longest the main loop went without running (target: 10 s, 50 ms).
 *
 *   _build/tests/bench/bench-sync
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "vankho-feed-sync.h"
#include "vankho-library-feeds.h"

#define N_FEEDS 200
#define N_ITEMS 50

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  g_autoptr(GString) feed = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>");
  guint n = 0;

  if (sscanf (path, "/feed/%u.xml", &n) != 1)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  g_string_append_printf (feed, "<title>Báo thử %u</title><link>http://example.vn/%u</link>", n, n);
  for (guint i = 0; i < N_ITEMS; i++)
    {
      g_string_append_printf (feed,
                              "<item><title>Tin %u.%u: Công an tỉnh quán triệt Nghị quyết 12-NQ/TW</title>"
                              "<link>http://example.vn/%u/bai-%u</link><guid>%u-%u</guid>"
                              "<pubDate>Thu, 31 Aug 2023 08:00:00 +0700</pubDate><description>",
                              n, i, n, i, n, i);
      /* Long enough that no page is fetched for the full text. */
      for (guint k = 0; k < 8; k++)
        g_string_append_printf (feed, "Sáng %u/8, Đảng ủy Công an tỉnh Gia Lai tổ chức hội nghị sơ kết %u năm "
                                      "thực hiện Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị (bài %u.%u). ",
                                1 + k, k, n, i);
      g_string_append (feed, "</description></item>\n");
    }
  g_string_append (feed, "</channel></rss>\n");

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_COPY, feed->str, feed->len);
}

typedef struct
{
  char     *path;
  gboolean  done;
  guint     n_new;
} Run;

static gpointer
sync_thread (gpointer data)
{
  Run *run = data;
  g_autoptr(VankhoFeedSync) sync = vankho_feed_sync_new (run->path);
  g_autoptr(GError) error = NULL;

  if (!vankho_feed_sync_run (sync, 0, TRUE, NULL, NULL, NULL, &error))
    g_printerr ("bench-sync: %s\n", error->message);
  run->n_new = vankho_feed_sync_get_n_new (sync);
  g_atomic_int_set (&run->done, TRUE);
  g_main_context_wakeup (NULL);

  return NULL;
}

static gint64 last_tick;
static gint64 max_gap;

static gboolean
tick_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  max_gap = MAX (max_gap, now - last_tick);
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VankhoLibrary) library = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vankho-bench-sync-XXXXXX", NULL);
  g_autofree char *base = NULL;
  GSList *uris;
  Run run = { 0 };
  GThread *thread;
  gint64 start;
  guint tick;

  soup_server_add_handler (server, NULL, server_cb, NULL, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    {
      g_printerr ("bench-sync: %s\n", error->message);
      return 1;
    }
  uris = soup_server_get_uris (server);
  base = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  run.path = g_build_filename (dir, "library.db", NULL);
  library = vankho_library_open (run.path, &error);
  for (guint i = 0; library != NULL && i < N_FEEDS; i++)
    {
      g_autofree char *url = g_strdup_printf ("%sfeed/%u.xml", base, i);
      vankho_library_add_feed (library, url, NULL, NULL);
    }

  start = g_get_monotonic_time ();
  last_tick = start;
  tick = g_timeout_add (10, tick_cb, NULL);
  thread = g_thread_new ("sync", sync_thread, &run);
  while (!g_atomic_int_get (&run.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
  g_source_remove (tick);

  printf ("sync_200_feeds %.2f s\n", (g_get_monotonic_time () - start) / 1e6);
  printf ("sync_new_articles %u articles\n", run.n_new);
  printf ("sync_main_loop_max_gap %.1f ms\n", max_gap / 1000.0);

  g_clear_object (&library);
  {
    const char *names[] = { "library.db", "library.db-wal", "library.db-shm" };
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *file = g_build_filename (dir, names[i], NULL);
        g_unlink (file);
      }
    g_rmdir (dir);
  }
  g_free (run.path);

  return 0;
}
