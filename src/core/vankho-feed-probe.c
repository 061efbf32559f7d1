/* vankho-feed-probe.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Before subscribing: is the address a feed, or a site that names one?
 * The address is the user's but the answer is the server's: it is fetched
 * with the sync's limits (vankho-http-fetch.c), a time for the whole probe
 * and a cap on what is read, and a page goes through the attribute guard
 * before its links are looked for.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "vankho-feed-discovery.h"
#include "vankho-feed-parser.h"
#include "vankho-feed-probe.h"
#include "vankho-http-fetch.h"
#include "vankho-markup-guard.h"
#include "vankho-url.h"

/* A page this large is no feed and no home page. */
#define PROBE_MAX_SIZE (5 * 1024 * 1024)
/* The user waits for the answer: the whole probe, both fetches if the
 * page names a feed, takes no longer than this. */
#define PROBE_TIMEOUT_SECONDS 30
/* Connecting, and each wait for data. */
#define PROBE_IO_TIMEOUT_SECONDS 15

typedef struct
{
  char        *url;
  char        *feed_url;
  char        *title;
  guint        hops;
  gsize        max_size;
  gint64       deadline;   /* monotonic */
  SoupSession *session;
} Probe;

static void
probe_free (Probe *probe)
{
  g_free (probe->url);
  g_free (probe->feed_url);
  g_free (probe->title);
  g_clear_object (&probe->session);
  g_free (probe);
}

static void probe_fetch (GTask *task);

static void
probe_fetched_cb (VankhoHttpFetch *fetch,
                  GError          *error,
                  gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;
  Probe *probe = g_task_get_task_data (task);
  SoupMessage *message = vankho_http_fetch_get_message (fetch);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(VankhoFeed) feed = NULL;
  g_autofree char *safe = NULL;
  g_auto(GStrv) links = NULL;
  const char *html;
  gsize len;
  guint status;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    {
      g_error_free (error);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                               _("“%s” is too large to be a feed"), probe->url);
      return;
    }
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  status = soup_message_get_status (message);
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, _("“%s” answered HTTP %u: %s"),
                               probe->url, status, soup_message_get_reason_phrase (message));
      return;
    }

  body = vankho_http_fetch_steal_body (fetch);
  feed = vankho_feed_parse_full (body, vankho_http_fetch_get_url (fetch), NULL, probe->max_size, NULL);
  if (feed != NULL)
    {
      probe->feed_url = g_strdup (probe->url);
      probe->title = g_strdup (vankho_feed_get_title (feed));
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* A page: follow the first feed it names, once. */
  html = g_bytes_get_data (body, &len);
  if (html == NULL)
    html = "";
  if (!vankho_markup_guard_check_html (html, len, &safe, &len))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               /* TRANSLATORS: %s is an address, %d a number, 1000 */
                               _("“%s” is not read: one of its elements has more than %d attributes"),
                               probe->url, VANKHO_MARKUP_MAX_ATTRIBUTES);
      return;
    }
  links = vankho_feed_discover_links (safe != NULL ? safe : html, len, vankho_http_fetch_get_url (fetch));
  if (links[0] == NULL || probe->hops > 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("No feed at “%s”, and the page names none"), probe->url);
      return;
    }

  g_free (probe->url);
  probe->url = g_strdup (links[0]);
  probe->hops++;
  probe_fetch (g_steal_pointer (&task));
}

static void
probe_fetch (GTask *task)
{
  Probe *probe = g_task_get_task_data (task);
  gint64 left = probe->deadline - g_get_monotonic_time ();

  if (!vankho_url_is_web (probe->url))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("“%s” is not a web address (http: or https:)"), probe->url);
      g_object_unref (task);
      return;
    }

  /* What is left of the probe's time, in whole seconds. */
  vankho_http_fetch_start (probe->session, probe->url, NULL, NULL,
                           MAX ((left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC, 1),
                           probe->max_size, g_task_get_cancellable (task), probe_fetched_cb, task);
}

/**
 * vankho_feed_probe_full_async:
 * @url: what the user typed: a feed's or a site's http(s) address
 * @timeout_seconds: the time the whole probe may take
 * @max_size: the most bytes read from an answer, once decompressed
 *
 * vankho_feed_probe_async() with limits of the caller's choosing (tests).
 */
void
vankho_feed_probe_full_async (const char          *url,
                              guint                timeout_seconds,
                              gsize                max_size,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Probe *probe = g_new0 (Probe, 1);

  g_task_set_source_tag (task, vankho_feed_probe_async);
  probe->url = g_strstrip (g_strdup (url ? url : ""));
  timeout_seconds = MAX (timeout_seconds, 1);
  probe->max_size = MAX (max_size, 1024);
  probe->deadline = g_get_monotonic_time () + (gint64) timeout_seconds * G_USEC_PER_SEC;
  probe->session = soup_session_new_with_options ("timeout", MIN (PROBE_IO_TIMEOUT_SECONDS, timeout_seconds),
                                                  "user-agent", "VanKho/" PACKAGE_VERSION,
                                                  NULL);
  g_task_set_task_data (task, probe, (GDestroyNotify) probe_free);

  probe_fetch (task);
}

/**
 * vankho_feed_probe_async:
 * @url: what the user typed: a feed's or a site's http(s) address
 *
 * Finds the feed at @url, or the first feed its page names: within 30
 * seconds in all, reading at most 5 MB of an answer, following at most 5
 * redirects.
 */
void
vankho_feed_probe_async (const char          *url,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  vankho_feed_probe_full_async (url, PROBE_TIMEOUT_SECONDS, PROBE_MAX_SIZE,
                                cancellable, callback, user_data);
}

/**
 * vankho_feed_probe_finish:
 * @feed_url: (out) (transfer full): the feed's address
 * @title: (out) (transfer full) (nullable): its title
 */
gboolean
vankho_feed_probe_finish (GAsyncResult  *result,
                          char         **feed_url,
                          char         **title,
                          GError       **error)
{
  Probe *probe = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  *feed_url = g_strdup (probe->feed_url);
  *title = g_strdup (probe->title);
  return TRUE;
}
