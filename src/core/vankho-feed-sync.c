/* vankho-feed-sync.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Sync: fetch every due feed over libsoup, parse it, fetch the full page of
 * entries that carry only a summary, extract, and store — each feed in one
 * transaction on a library connection of its own. vankho_feed_sync_run()
 * blocks: call it from a worker thread. It runs its own main context, where
 * libsoup keeps at most 6 connections, 2 per host.
 *
 * Politeness and safety: conditional GET (ETag, Last-Modified), at most 5
 * redirects to http: or https: only, a cap on each response and on its
 * time (vankho-http-fetch.c), Retry-After honoured, failing feeds backed
 * off, 410 turns a feed off.
 */

#define G_LOG_DOMAIN "vankho-feed-sync"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "vankho-analysis.h"
#include "vankho-article-extractor.h"
#include "vankho-feed-parser.h"
#include "vankho-feed-sync.h"
#include "vankho-http-fetch.h"
#include "vankho-library-feeds.h"
#include "vankho-text.h"
#include "vankho-url.h"

#define FULL_TEXT_BELOW_CHARS 600
#define MAX_BACKOFF_SECONDS (24 * 3600)

struct _VankhoFeedSync
{
  GObject                     parent_instance;

  char                       *library_path;
  guint                       io_timeout;
  guint                       total_timeout;
  gsize                       max_size;

  GPtrArray                  *results;
  guint                       n_new;

  /* While running */
  VankhoLibrary              *library;
  SoupSession                *session;
  GMainContext               *context;
  GCancellable               *cancellable;
  guint                       pending;
  guint                       total;
  guint                       done;
  VankhoFeedSyncProgressFunc  progress;
  gpointer                    progress_data;
};

G_DEFINE_FINAL_TYPE (VankhoFeedSync, vankho_feed_sync, G_TYPE_OBJECT)

static void
result_free (VankhoFeedSyncResult *result)
{
  g_free (result->title);
  g_free (result->error);
  g_free (result);
}

/* One HTTP fetch, with the sync's limits (vankho-http-fetch.c). */
static void
fetch_start (VankhoFeedSync      *self,
             const char          *url,
             const char          *etag,
             const char          *last_modified,
             VankhoHttpFetchDone  done,
             gpointer             done_data)
{
  vankho_http_fetch_start (self->session, url, etag, last_modified, self->total_timeout,
                           self->max_size, self->cancellable, done, done_data);
}

/* One feed: its fetch, then the pages of short entries, then the store. */
typedef struct
{
  VankhoFeedSync       *sync;
  VankhoFeedSource     *source;
  VankhoFeedSyncResult *result;
  VankhoFeed           *feed;
  GPtrArray            *entries;     /* new VankhoFeedEntry, in feed order */
  GHashTable           *page_texts;  /* entry → text of its page */
  guint                 pending_pages;
} FeedJob;

static void
feed_job_free (FeedJob *job)
{
  vankho_feed_source_free (job->source);
  g_clear_object (&job->feed);
  g_clear_pointer (&job->entries, g_ptr_array_unref);
  g_clear_pointer (&job->page_texts, g_hash_table_unref);
  g_free (job);
}

static void
job_done (FeedJob *job)
{
  VankhoFeedSync *self = job->sync;
  GError *error = NULL;

  job->source->last_checked = g_get_real_time () / G_USEC_PER_SEC;
  job->source->new_items = job->result->new_items;

  if (job->result->error == NULL)
    {
      job->source->failures = 0;
      job->source->next_check = 0;
      g_clear_pointer (&job->source->last_error, g_free);
    }
  else
    {
      job->source->last_error = g_strdup (job->result->error);
      /* Back off a failing feed: 10 min, 20, 40… up to a day, unless the
       * server said when to come back.
       */
      if (job->source->next_check <= job->source->last_checked)
        {
          gint64 delay = MIN ((gint64) 600 << MIN (job->source->failures, 10), MAX_BACKOFF_SECONDS);
          job->source->next_check = job->source->last_checked + delay;
        }
      job->source->failures++;
    }

  job->result->status = job->source->last_status;
  if (job->result->title == NULL)
    job->result->title = g_strdup (job->source->title ? job->source->title : job->source->url);

  if (!vankho_library_save_feed_status (self->library, job->source, &error))
    {
      g_warning ("Could not save the status of feed %s: %s", job->source->url, error->message);
      g_clear_error (&error);
    }

  self->n_new += job->result->new_items;
  g_ptr_array_add (self->results, job->result);
  self->done++;
  if (self->progress != NULL)
    self->progress (self->done, self->total, job->result, self->progress_data);

  self->pending--;
  feed_job_free (job);
  g_main_context_wakeup (self->context);
}

static void
job_fail (FeedJob    *job,
          const char *message)
{
  g_free (job->result->error);
  job->result->error = g_strdup (message);
  job_done (job);
}

static char *
date_in_vietnam (GDateTime *date)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) local = NULL;

  if (date == NULL)
    return NULL;

  local = g_date_time_to_timezone (date, zone);
  return g_date_time_format (local, "%Y-%m-%d");
}

static gboolean
store_entry (FeedJob          *job,
             VankhoFeedEntry  *entry,
             gboolean         *added,
             GError          **error)
{
  VankhoFeedSync *self = job->sync;
  g_autoptr(VankhoArticle) article = vankho_article_new ();
  g_autoptr(VankhoExtraction) extraction = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *feed_text = NULL;
  g_autofree char *url_key = vankho_url_normalize (vankho_feed_entry_get_link (entry));
  /* A javascript:, data: or file: link is never offered to open. */
  g_autofree char *url = vankho_url_dup_web (vankho_feed_entry_get_link (entry));
  g_autofree char *title_key = NULL;
  g_autofree char *day = date_in_vietnam (vankho_feed_entry_get_date (entry));
  const char *page_text = g_hash_table_lookup (job->page_texts, entry);
  const char *guid = vankho_feed_entry_get_id (entry) ? vankho_feed_entry_get_id (entry)
                                                      : vankho_feed_entry_get_link (entry);
  const VankhoDate *published;
  VankhoDate source_date = { 0 };
  gboolean duplicate = FALSE;
  gint64 version_of;

  *added = FALSE;

  feed_text = vankho_text_normalize (vankho_feed_entry_get_text (entry) ? vankho_feed_entry_get_text (entry) : "", -1);
  body = page_text ? vankho_text_normalize (page_text, -1) : g_strdup (feed_text);
  title = vankho_text_normalize (vankho_feed_entry_get_title (entry) ? vankho_feed_entry_get_title (entry) : "", -1);

  if ((body == NULL || *body == '\0') && (title == NULL || *title == '\0'))
    return TRUE;
  if (body == NULL || *body == '\0')
    {
      g_free (body);
      body = g_strdup (title);
    }
  if (title == NULL || *title == '\0')
    {
      g_free (title);
      title = vankho_text_shorten (body, 160);
    }

  vankho_date_parse_iso (&source_date, day);

  vankho_article_set_title (article, title);
  vankho_article_set_body (article, body);
  vankho_article_set_url (article, url);
  vankho_article_set_byline (article, vankho_feed_entry_get_author_name (entry));
  vankho_article_set_outlet (article, job->source->title);
  vankho_article_set_source_date (article, &source_date);
  vankho_article_set_published (article, &source_date);

  extraction = vankho_analysis_run (article);
  published = vankho_extraction_get_published (extraction);
  /* The feed's own date wins over a date read in the text. */
  if (source_date.precision == VANKHO_DATE_PRECISION_UNKNOWN && published->precision != VANKHO_DATE_PRECISION_UNKNOWN)
    vankho_article_set_published (article, published);

  if (!vankho_library_add_article (self->library, article, job->source->id, &duplicate, error))
    return FALSE;
  if (duplicate)
    return TRUE;

  title_key = vankho_text_fold (title, -1);
  {
    g_autofree char *iso = vankho_article_dup_published_iso (article);
    version_of = vankho_library_find_version_of (self->library, title_key, iso);
  }

  if (!vankho_library_set_feed_fields (self->library, vankho_article_get_id (article), guid, url_key,
                                       title_key, version_of, page_text ? feed_text : NULL, error) ||
      !vankho_library_store_extraction (self->library, vankho_article_get_id (article), extraction, error))
    return FALSE;

  *added = TRUE;
  return TRUE;
}

static void
job_store (FeedJob *job)
{
  VankhoFeedSync *self = job->sync;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  if (!vankho_library_begin (self->library, &error))
    {
      job_fail (job, error->message);
      return;
    }

  for (guint i = 0; i < job->entries->len; i++)
    {
      gboolean added = FALSE;

      if (!store_entry (job, g_ptr_array_index (job->entries, i), &added, &error))
        {
          vankho_library_rollback (self->library);
          job_fail (job, error->message);
          return;
        }
      n_added += added;
    }

  if (!vankho_library_commit (self->library, &error))
    {
      job_fail (job, error->message);
      return;
    }

  job->result->new_items = n_added;
  job_done (job);
}

static void
page_fetched_cb (VankhoHttpFetch *fetch,
                 GError          *error,
                 gpointer         user_data)
{
  VankhoFeedEntry *entry = user_data;
  FeedJob *job = g_object_get_data (G_OBJECT (entry), "vankho-job");

  if (error == NULL && SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (vankho_http_fetch_get_message (fetch))))
    {
      g_autoptr(VankhoExtractedPage) page = NULL;
      g_autoptr(GBytes) body = vankho_http_fetch_steal_body (fetch);
      const char *feed_text = vankho_feed_entry_get_text (entry);
      gsize feed_len = feed_text ? strlen (feed_text) : 0;

      page = vankho_article_extractor_extract (g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                               vankho_http_fetch_get_url (fetch));
      /* A poor extraction (boilerplate, or shorter than what the feed gave)
       * leaves the feed's text in place.
       */
      if (page != NULL && page->text != NULL && strlen (page->text) >= MAX (feed_len, 200))
        g_hash_table_insert (job->page_texts, entry, g_strdup (page->text));
    }
  else if (error != NULL)
    g_debug ("Page %s: %s", vankho_http_fetch_get_url (fetch), error->message);

  g_clear_error (&error);

  if (--job->pending_pages == 0)
    job_store (job);
}

static gboolean
wants_full_text (FeedJob         *job,
                 VankhoFeedEntry *entry)
{
  const char *text = vankho_feed_entry_get_text (entry);

  if (!vankho_url_is_web (vankho_feed_entry_get_link (entry)))
    return FALSE;

  switch (job->source->fetch_full)
    {
    case VANKHO_FETCH_FULL_ON:
      return TRUE;
    case VANKHO_FETCH_FULL_AUTO:
      return text == NULL || g_utf8_strlen (text, -1) < FULL_TEXT_BELOW_CHARS;
    case VANKHO_FETCH_FULL_OFF:
    default:
      return FALSE;
    }
}

static gint64
parse_retry_after (const char *value)
{
  g_autoptr(GDateTime) date = NULL;
  guint64 seconds;

  if (value == NULL)
    return 0;
  if (g_ascii_string_to_unsigned (value, 10, 0, 7 * 24 * 3600, &seconds, NULL))
    return g_get_real_time () / G_USEC_PER_SEC + seconds;

  date = soup_date_time_new_from_http_string (value);
  return date ? g_date_time_to_unix (date) : 0;
}

static void
feed_fetched_cb (VankhoHttpFetch *fetch,
                 GError          *error,
                 gpointer         user_data)
{
  FeedJob *job = user_data;
  VankhoFeedSync *self = job->sync;
  SoupMessage *message = vankho_http_fetch_get_message (fetch);
  const char *url = vankho_http_fetch_get_url (fetch);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) parse_error = NULL;
  SoupMessageHeaders *headers;
  const char *charset = NULL;
  guint status;

  if (error != NULL)
    {
      job->source->last_status = message ? soup_message_get_status (message) : 0;
      job_fail (job, error->message);
      g_error_free (error);
      return;
    }

  status = soup_message_get_status (message);
  headers = soup_message_get_response_headers (message);
  job->source->last_status = status;

  if (vankho_http_fetch_get_moved_permanently (fetch) && g_strcmp0 (url, job->source->url) != 0)
    {
      g_free (job->source->url);
      job->source->url = g_strdup (url);
    }

  if (status == SOUP_STATUS_NOT_MODIFIED)
    {
      job_done (job);
      return;
    }

  if (status == SOUP_STATUS_GONE)
    {
      job->source->enabled = FALSE;
      job_fail (job, _("The feed is gone (HTTP 410); it was turned off"));
      return;
    }

  if (status == 429 /* Too Many Requests */ || status == SOUP_STATUS_SERVICE_UNAVAILABLE)
    {
      g_autofree char *text = NULL;

      job->source->next_check = parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"));
      text = g_strdup_printf (_("The server is busy (HTTP %u); trying again later"), status);
      job_fail (job, text);
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_autofree char *text = g_strdup_printf (_("HTTP %u: %s"), status,
                                               soup_message_get_reason_phrase (message));
      job_fail (job, text);
      return;
    }

  {
    g_autoptr(GHashTable) params = NULL;

    if (soup_message_headers_get_content_type (headers, &params) != NULL && params != NULL)
      charset = g_hash_table_lookup (params, "charset");

    bytes = vankho_http_fetch_steal_body (fetch);
    job->feed = vankho_feed_parse_full (bytes, url, charset, self->max_size, &parse_error);
  }

  if (job->feed == NULL)
    {
      job_fail (job, parse_error->message);
      return;
    }

  g_free (job->source->etag);
  job->source->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  g_free (job->source->last_modified);
  job->source->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
  if (vankho_feed_get_title (job->feed) != NULL)
    {
      g_free (job->source->title);
      job->source->title = g_strdup (vankho_feed_get_title (job->feed));
    }
  if (vankho_url_is_web (vankho_feed_get_link (job->feed)))
    {
      g_free (job->source->site_url);
      job->source->site_url = vankho_url_dup_web (vankho_feed_get_link (job->feed));
    }
  job->result->title = g_strdup (job->source->title);

  /* New entries only: by GUID, then by address. */
  job->entries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < vankho_feed_get_n_entries (job->feed); i++)
    {
      VankhoFeedEntry *entry = vankho_feed_get_entry (job->feed, i);
      const char *guid = vankho_feed_entry_get_id (entry) ? vankho_feed_entry_get_id (entry)
                                                          : vankho_feed_entry_get_link (entry);
      g_autofree char *url_key = vankho_url_normalize (vankho_feed_entry_get_link (entry));

      if (vankho_library_find_article_by_guid (self->library, job->source->id, guid) != 0 ||
          vankho_library_find_article_by_url (self->library, url_key) != 0)
        continue;

      g_ptr_array_add (job->entries, g_object_ref (entry));
    }

  job->page_texts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint i = 0; i < job->entries->len; i++)
    {
      VankhoFeedEntry *entry = g_ptr_array_index (job->entries, i);

      if (!wants_full_text (job, entry))
        continue;

      g_object_set_data (G_OBJECT (entry), "vankho-job", job);
      job->pending_pages++;
      fetch_start (self, vankho_feed_entry_get_link (entry), NULL, NULL, page_fetched_cb, entry);
    }

  if (job->pending_pages == 0)
    job_store (job);
}

static void
vankho_feed_sync_finalize (GObject *object)
{
  VankhoFeedSync *self = (VankhoFeedSync *)object;

  g_clear_pointer (&self->library_path, g_free);
  g_clear_pointer (&self->results, g_ptr_array_unref);

  G_OBJECT_CLASS (vankho_feed_sync_parent_class)->finalize (object);
}

static void
vankho_feed_sync_class_init (VankhoFeedSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vankho_feed_sync_finalize;
}

static void
vankho_feed_sync_init (VankhoFeedSync *self)
{
  self->io_timeout = 15;
  self->total_timeout = 60;
  self->max_size = VANKHO_FEED_MAX_SIZE;
  self->results = g_ptr_array_new_with_free_func ((GDestroyNotify) result_free);
}

/**
 * vankho_feed_sync_new:
 * @library_path: the library to sync into; the sync opens its own connection
 */
VankhoFeedSync *
vankho_feed_sync_new (const char *library_path)
{
  VankhoFeedSync *self;

  g_return_val_if_fail (library_path != NULL, NULL);

  self = g_object_new (VANKHO_TYPE_FEED_SYNC, NULL);
  self->library_path = g_strdup (library_path);

  return self;
}

/**
 * vankho_feed_sync_set_limits:
 * @io_timeout_seconds: connecting and each wait for data (default 15)
 * @total_timeout_seconds: one whole response (default 60)
 * @max_response_size: bytes read at most from one response (default 20 MB)
 */
void
vankho_feed_sync_set_limits (VankhoFeedSync *self,
                             guint           io_timeout_seconds,
                             guint           total_timeout_seconds,
                             gsize           max_response_size)
{
  g_return_if_fail (VANKHO_IS_FEED_SYNC (self));

  self->io_timeout = MAX (io_timeout_seconds, 1);
  self->total_timeout = MAX (total_timeout_seconds, 1);
  self->max_size = MAX (max_response_size, 1024);
}

/**
 * vankho_feed_sync_run:
 * @feed_id: one feed, or 0 for every enabled feed that is due
 * @force: sync even feeds that are not due or are backing off
 * @cancellable: (nullable): stops the sync; finished feeds stay stored
 * @progress: (nullable) (scope call): called after each feed, in this thread
 *
 * Syncs. Blocks until done: run it in a worker thread. One feed's failure
 * is recorded with that feed and the others go on; @error is set only when
 * the library cannot be used or the sync was cancelled.
 */
gboolean
vankho_feed_sync_run (VankhoFeedSync              *self,
                      gint64                       feed_id,
                      gboolean                     force,
                      GCancellable                *cancellable,
                      VankhoFeedSyncProgressFunc   progress,
                      gpointer                     user_data,
                      GError                     **error)
{
  g_autoptr(GPtrArray) feeds = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *user_agent = NULL;

  g_return_val_if_fail (VANKHO_IS_FEED_SYNC (self), FALSE);

  self->library = vankho_library_open (self->library_path, error);
  if (self->library == NULL)
    return FALSE;

  feeds = vankho_library_list_feeds (self->library, error);
  if (feeds == NULL)
    {
      g_clear_object (&self->library);
      return FALSE;
    }

  self->context = g_main_context_new ();
  g_main_context_push_thread_default (self->context);

  user_agent = g_strdup_printf ("VanKho/%s (news archive; +https://github.com/vankho/vankho)", PACKAGE_VERSION);
  self->session = soup_session_new_with_options ("max-conns", 6,
                                                 "max-conns-per-host", 2,
                                                 "timeout", self->io_timeout,
                                                 "idle-timeout", 30,
                                                 "user-agent", user_agent,
                                                 NULL);
  self->cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  self->progress = progress;
  self->progress_data = user_data;
  self->pending = 0;
  self->done = 0;

  for (guint i = 0; i < feeds->len; i++)
    {
      VankhoFeedSource *source = g_ptr_array_index (feeds, i);
      FeedJob *job;

      if (feed_id != 0 ? source->id != feed_id
                       : (!source->enabled || (!force && source->next_check > now) ||
                          (!force && source->last_checked + source->interval_minutes * 60 > now)))
        continue;

      job = g_new0 (FeedJob, 1);
      job->sync = self;
      job->source = g_steal_pointer (&g_ptr_array_index (feeds, i));
      job->result = g_new0 (VankhoFeedSyncResult, 1);
      job->result->feed_id = job->source->id;
      self->pending++;
      self->total++;

      fetch_start (self, job->source->url, job->source->etag, job->source->last_modified,
                   feed_fetched_cb, job);
    }

  while (self->pending > 0)
    g_main_context_iteration (self->context, TRUE);

  /* Let libsoup close its connections before the context goes. */
  g_clear_object (&self->session);
  while (g_main_context_iteration (self->context, FALSE))
    ;

  g_main_context_pop_thread_default (self->context);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_object (&self->library);
  self->progress = NULL;

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    {
      g_clear_object (&self->cancellable);
      return FALSE;
    }

  g_clear_object (&self->cancellable);
  return TRUE;
}

/**
 * vankho_feed_sync_get_results:
 *
 * Returns: (transfer none) (element-type VankhoFeedSyncResult): one per feed
 */
GPtrArray *
vankho_feed_sync_get_results (VankhoFeedSync *self)
{
  g_return_val_if_fail (VANKHO_IS_FEED_SYNC (self), NULL);

  return self->results;
}

guint
vankho_feed_sync_get_n_new (VankhoFeedSync *self)
{
  g_return_val_if_fail (VANKHO_IS_FEED_SYNC (self), 0);

  return self->n_new;
}
