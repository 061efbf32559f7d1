/* vankho-feed-probe.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Before subscribing: is the address a feed, or a site that names one? */

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "vankho-feed-discovery.h"
#include "vankho-feed-parser.h"
#include "vankho-feed-probe.h"
#include "vankho-url.h"

#define PROBE_MAX_SIZE (5 * 1024 * 1024)

typedef struct
{
  char *url;
  char *feed_url;
  char *title;
  guint hops;
} Probe;

static void
probe_free (Probe *probe)
{
  g_free (probe->url);
  g_free (probe->feed_url);
  g_free (probe->title);
  g_free (probe);
}

static void probe_fetch (GTask *task);

static void
got_headers_cb (SoupMessage *message,
                GTask       *task)
{
  goffset length = soup_message_headers_get_content_length (soup_message_get_response_headers (message));

  /* A page this large is no feed and no home page. */
  if (length > PROBE_MAX_SIZE)
    g_cancellable_cancel (g_task_get_cancellable (task));
}

static void
probe_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Probe *probe = g_task_get_task_data (task);
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(VankhoFeed) feed = NULL;
  g_auto(GStrv) links = NULL;
  GError *error = NULL;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL)
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

  if (g_bytes_get_size (body) > PROBE_MAX_SIZE)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                               _("“%s” is too large to be a feed"), probe->url);
      return;
    }

  feed = vankho_feed_parse (body, probe->url, NULL);
  if (feed != NULL)
    {
      probe->feed_url = g_strdup (probe->url);
      probe->title = g_strdup (vankho_feed_get_title (feed));
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* A page: follow the first feed it names, once. */
  links = vankho_feed_discover_links (g_bytes_get_data (body, NULL), g_bytes_get_size (body), probe->url);
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
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) message = NULL;

  message = soup_message_new (SOUP_METHOD_GET, probe->url);
  if (message == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("“%s” is not a valid address"), probe->url);
      g_object_unref (task);
      return;
    }

  session = soup_session_new_with_options ("timeout", 15, "user-agent", "VanKho/" PACKAGE_VERSION, NULL);
  g_signal_connect (message, "got-headers", G_CALLBACK (got_headers_cb), task);
  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                                    probe_read_cb, task);
}

/**
 * vankho_feed_probe_async:
 * @url: what the user typed: a feed's or a site's http(s) address
 *
 * Finds the feed at @url, or the first feed its page names.
 */
void
vankho_feed_probe_async (const char          *url,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Probe *probe = g_new0 (Probe, 1);

  g_task_set_source_tag (task, vankho_feed_probe_async);
  probe->url = g_strstrip (g_strdup (url ? url : ""));
  g_task_set_task_data (task, probe, (GDestroyNotify) probe_free);

  if (!vankho_url_is_web (probe->url))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("“%s” is not a web address (http: or https:)"), probe->url);
      g_object_unref (task);
      return;
    }

  probe_fetch (task);
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
