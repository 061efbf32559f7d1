/* vankho-http-fetch.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One HTTP GET with the limits a hostile server calls for, shared by the
 * sync and the feed probe: redirects followed by hand so that they can be
 * counted (VANKHO_HTTP_FETCH_MAX_REDIRECTS) and kept to http: and https:,
 * the body read in chunks up to a cap that counts decompressed bytes (a
 * gzip bomb stops at the cap), and a time limit on the whole answer, since
 * the session's own timeout is per wait and a trickle never waits long.
 * The time limit runs in the thread-default main context of the caller.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vankho-http-fetch.h"
#include "vankho-url.h"

#define READ_CHUNK 65536

struct _VankhoHttpFetch
{
  SoupSession         *session;
  char                *url;
  char                *etag;
  char                *last_modified;
  guint                total_timeout;
  gsize                max_size;
  guint                redirects;
  gboolean             moved_permanently;
  SoupMessage         *message;
  GInputStream        *stream;
  GByteArray          *body;
  GCancellable        *parent;        /* the caller's */
  GCancellable        *cancellable;   /* the caller's, or the time limit */
  GSource             *timeout;
  gulong               cancel_handler;
  VankhoHttpFetchDone  done;
  gpointer             done_data;
};

static void fetch_send (VankhoHttpFetch *fetch);

static void
fetch_free (VankhoHttpFetch *fetch)
{
  if (fetch->cancel_handler != 0)
    g_cancellable_disconnect (fetch->parent, fetch->cancel_handler);
  if (fetch->timeout != NULL)
    {
      g_source_destroy (fetch->timeout);
      g_source_unref (fetch->timeout);
    }
  g_object_unref (fetch->session);
  g_free (fetch->url);
  g_free (fetch->etag);
  g_free (fetch->last_modified);
  g_clear_object (&fetch->message);
  g_clear_object (&fetch->stream);
  g_clear_pointer (&fetch->body, g_byte_array_unref);
  g_clear_object (&fetch->parent);
  g_clear_object (&fetch->cancellable);
  g_free (fetch);
}

static void
fetch_finish (VankhoHttpFetch *fetch,
              GError          *error)
{
  fetch->done (fetch, error, fetch->done_data);
  fetch_free (fetch);
}

static gboolean
fetch_timeout_cb (gpointer user_data)
{
  VankhoHttpFetch *fetch = user_data;

  g_cancellable_cancel (fetch->cancellable);

  return G_SOURCE_REMOVE;
}

static void
parent_cancelled_cb (GCancellable    *parent,
                     VankhoHttpFetch *fetch)
{
  g_cancellable_cancel (fetch->cancellable);
}

/* The time limit of a whole response reads as a timeout, not as "cancelled". */
static GError *
fetch_error (VankhoHttpFetch *fetch,
             GError          *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      (fetch->parent == NULL || !g_cancellable_is_cancelled (fetch->parent)))
    {
      g_clear_error (&error);
      return g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                          _("No complete answer within %u seconds"), fetch->total_timeout);
    }

  return error;
}

static GError *
too_large (VankhoHttpFetch *fetch)
{
  return g_error_new (G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                      _("The answer is larger than %zu KB; not read"), fetch->max_size / 1024);
}

static void
fetch_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  VankhoHttpFetch *fetch = user_data;
  g_autoptr(GBytes) chunk = NULL;
  GError *error = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      fetch_finish (fetch, fetch_error (fetch, error));
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      fetch_finish (fetch, NULL);
      return;
    }

  /* The stream is decoded already: the cap is on what a gzip bomb becomes. */
  g_byte_array_append (fetch->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  if (fetch->body->len > fetch->max_size)
    {
      fetch_finish (fetch, too_large (fetch));
      return;
    }

  g_input_stream_read_bytes_async (fetch->stream, READ_CHUNK, G_PRIORITY_DEFAULT, fetch->cancellable,
                                   fetch_read_cb, fetch);
}

static void
fetch_sent_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  VankhoHttpFetch *fetch = user_data;
  SoupMessageHeaders *headers;
  GError *error = NULL;
  guint status;

  fetch->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (fetch->stream == NULL)
    {
      fetch_finish (fetch, fetch_error (fetch, error));
      return;
    }

  status = soup_message_get_status (fetch->message);
  headers = soup_message_get_response_headers (fetch->message);
  if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED)
    {
      const char *location = soup_message_headers_get_one (headers, "Location");
      g_autoptr(GUri) base = g_uri_parse (fetch->url, G_URI_FLAGS_NONE, NULL);
      g_autoptr(GUri) target = NULL;

      if (location != NULL && base != NULL)
        target = g_uri_parse_relative (base, location, G_URI_FLAGS_NONE, NULL);

      if (target == NULL || fetch->redirects >= VANKHO_HTTP_FETCH_MAX_REDIRECTS)
        {
          fetch_finish (fetch, g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                                            target ? _("More than %d redirections") : _("A redirection without a valid address"),
                                            VANKHO_HTTP_FETCH_MAX_REDIRECTS));
          return;
        }

      g_free (fetch->url);
      fetch->url = g_uri_to_string (target);
      if (!vankho_url_is_web (fetch->url))
        {
          fetch_finish (fetch, g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                            _("Redirected to “%s”, which is not a web address"), fetch->url));
          return;
        }

      /* Only a chain of permanent moves changes the stored address. */
      fetch->moved_permanently = (fetch->redirects == 0 || fetch->moved_permanently) &&
                                 (status == SOUP_STATUS_MOVED_PERMANENTLY ||
                                  status == SOUP_STATUS_PERMANENT_REDIRECT);
      fetch->redirects++;
      g_clear_object (&fetch->stream);
      g_clear_object (&fetch->message);
      fetch_send (fetch);
      return;
    }

  /* A declared length over the cap is refused before a byte is read. */
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > (goffset) fetch->max_size)
    {
      fetch_finish (fetch, too_large (fetch));
      return;
    }

  fetch->body = g_byte_array_new ();
  g_input_stream_read_bytes_async (fetch->stream, READ_CHUNK, G_PRIORITY_DEFAULT, fetch->cancellable,
                                   fetch_read_cb, fetch);
}

static void
fetch_send (VankhoHttpFetch *fetch)
{
  SoupMessageHeaders *headers;

  fetch->message = soup_message_new (SOUP_METHOD_GET, fetch->url);
  if (fetch->message == NULL)
    {
      fetch_finish (fetch, g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                        _("“%s” is not a valid address"), fetch->url));
      return;
    }

  soup_message_add_flags (fetch->message, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (fetch->message);
  if (fetch->etag != NULL)
    soup_message_headers_replace (headers, "If-None-Match", fetch->etag);
  if (fetch->last_modified != NULL)
    soup_message_headers_replace (headers, "If-Modified-Since", fetch->last_modified);

  soup_session_send_async (fetch->session, fetch->message, G_PRIORITY_DEFAULT,
                           fetch->cancellable, fetch_sent_cb, fetch);
}

/**
 * vankho_http_fetch_start:
 * @session: the session to send with; its "timeout" bounds each wait
 * @url: an http: or https: address
 * @etag: (nullable): for If-None-Match
 * @last_modified: (nullable): for If-Modified-Since
 * @total_timeout_seconds: the time the whole answer may take
 * @max_size: the most bytes read from the body, once decompressed
 * @cancellable: (nullable): stops the fetch
 * @done: (scope async): called once, in the thread-default main context
 * @user_data: data for @done
 *
 * GETs @url. @done gets the fetch, whose message has the final status and
 * headers and whose body is complete, or an error: a time out, an answer
 * over @max_size, a redirect too many or to another scheme, or the
 * network's.
 */
void
vankho_http_fetch_start (SoupSession         *session,
                         const char          *url,
                         const char          *etag,
                         const char          *last_modified,
                         guint                total_timeout_seconds,
                         gsize                max_size,
                         GCancellable        *cancellable,
                         VankhoHttpFetchDone  done,
                         gpointer             user_data)
{
  VankhoHttpFetch *fetch;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (url != NULL);
  g_return_if_fail (done != NULL);

  fetch = g_new0 (VankhoHttpFetch, 1);
  fetch->session = g_object_ref (session);
  fetch->url = g_strdup (url);
  fetch->etag = g_strdup (etag);
  fetch->last_modified = g_strdup (last_modified);
  fetch->total_timeout = MAX (total_timeout_seconds, 1);
  fetch->max_size = max_size;
  fetch->done = done;
  fetch->done_data = user_data;
  fetch->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      fetch->parent = g_object_ref (cancellable);
      fetch->cancel_handler = g_cancellable_connect (cancellable, G_CALLBACK (parent_cancelled_cb),
                                                     fetch, NULL);
    }

  fetch->timeout = g_timeout_source_new_seconds (fetch->total_timeout);
  g_source_set_callback (fetch->timeout, fetch_timeout_cb, fetch, NULL);
  g_source_attach (fetch->timeout, g_main_context_get_thread_default ());

  fetch_send (fetch);
}

/**
 * vankho_http_fetch_get_url:
 *
 * Returns: the address last fetched, after the redirects
 */
const char *
vankho_http_fetch_get_url (VankhoHttpFetch *fetch)
{
  return fetch->url;
}

/**
 * vankho_http_fetch_get_message:
 *
 * Returns: (transfer none) (nullable): the last request and its answer
 */
SoupMessage *
vankho_http_fetch_get_message (VankhoHttpFetch *fetch)
{
  return fetch->message;
}

/**
 * vankho_http_fetch_get_moved_permanently:
 *
 * Returns: whether every redirect was a permanent one (301, 308)
 */
gboolean
vankho_http_fetch_get_moved_permanently (VankhoHttpFetch *fetch)
{
  return fetch->moved_permanently;
}

/**
 * vankho_http_fetch_steal_body:
 *
 * Returns: (transfer full): the body read, empty if there was none
 */
GBytes *
vankho_http_fetch_steal_body (VankhoHttpFetch *fetch)
{
  if (fetch->body == NULL)
    return g_bytes_new (NULL, 0);

  return g_byte_array_free_to_bytes (g_steal_pointer (&fetch->body));
}
