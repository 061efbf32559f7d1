/* vankho-library-feeds.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* VankhoLibrary, continued: subscribed feeds, their sync status, and the
 * lookups that keep a story from being stored twice.
 */

#define G_LOG_DOMAIN "vankho-library"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "vankho-library-feeds.h"
#include "vankho-library-private.h"
#include "vankho-url.h"

#define FEED_COLUMNS \
  "s.id, s.url, s.title, s.site_url, s.etag, s.last_modified, s.interval_minutes," \
  " coalesce (s.last_checked, 0), coalesce (s.last_status, 0), s.last_error, s.enabled," \
  " s.failures, coalesce (s.next_check, 0), s.new_items, s.fetch_full," \
  " (SELECT count (*) FROM articles a WHERE a.source_id = s.id)"

static const char * const fetch_full_names[] = { "off", "on", "auto" };

void
vankho_feed_source_free (VankhoFeedSource *source)
{
  if (source == NULL)
    return;

  g_free (source->url);
  g_free (source->title);
  g_free (source->site_url);
  g_free (source->etag);
  g_free (source->last_modified);
  g_free (source->last_error);
  g_free (source);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static VankhoFeedSource *
source_from_row (sqlite3_stmt *stmt)
{
  VankhoFeedSource *source = g_new0 (VankhoFeedSource, 1);
  const char *fetch_full = (const char *) sqlite3_column_text (stmt, 14);

  source->id = sqlite3_column_int64 (stmt, 0);
  source->url = dup_column (stmt, 1);
  source->title = dup_column (stmt, 2);
  source->site_url = dup_column (stmt, 3);
  source->etag = dup_column (stmt, 4);
  source->last_modified = dup_column (stmt, 5);
  source->interval_minutes = sqlite3_column_int (stmt, 6);
  source->last_checked = sqlite3_column_int64 (stmt, 7);
  source->last_status = sqlite3_column_int (stmt, 8);
  source->last_error = dup_column (stmt, 9);
  source->enabled = sqlite3_column_int (stmt, 10);
  source->failures = sqlite3_column_int (stmt, 11);
  source->next_check = sqlite3_column_int64 (stmt, 12);
  source->new_items = sqlite3_column_int (stmt, 13);
  source->fetch_full = VANKHO_FETCH_FULL_AUTO;
  for (guint i = 0; i < G_N_ELEMENTS (fetch_full_names); i++)
    if (g_strcmp0 (fetch_full, fetch_full_names[i]) == 0)
      source->fetch_full = i;
  source->n_articles = sqlite3_column_int64 (stmt, 15);

  return source;
}

/**
 * vankho_library_add_feed:
 * @url: the feed's http: or https: address
 * @title: (nullable): a name; the feed's own title replaces it at sync
 *
 * Returns: the new source's id, or 0 with @error set
 */
gint64
vankho_library_add_feed (VankhoLibrary  *self,
                         const char     *url,
                         const char     *title,
                         GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), 0);

  if (!vankho_url_is_web (url))
    {
      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_INVALID,
                   _("“%s” is not a web address (http: or https:)"), url ? url : "");
      return 0;
    }

  stmt = vankho_library_prepare (self, self->db,
                                 "INSERT INTO sources (kind, url, title) VALUES ('feed', ?1, ?2)"
                                 " ON CONFLICT (url) DO NOTHING RETURNING id", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, url, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, title ? title : url, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  if (rc == SQLITE_DONE)
    g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_INVALID,
                 _("The feed “%s” is already in the library"), url);
  else
    vankho_library_set_sqlite_error (error, self->db, self->path);

  return 0;
}

/**
 * vankho_library_list_feeds:
 *
 * Returns: (transfer full) (element-type VankhoFeedSource): the feeds, by title
 */
GPtrArray *
vankho_library_list_feeds (VankhoLibrary  *self,
                           GError        **error)
{
  g_autoptr(GPtrArray) feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) vankho_feed_source_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), NULL);

  stmt = vankho_library_prepare (self, self->db,
                                 "SELECT " FEED_COLUMNS " FROM sources s WHERE s.kind = 'feed'"
                                 " ORDER BY s.title COLLATE NOCASE, s.id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (feeds, source_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      vankho_library_set_sqlite_error (error, self->db, self->path);
      return NULL;
    }

  return g_steal_pointer (&feeds);
}

VankhoFeedSource *
vankho_library_get_feed (VankhoLibrary  *self,
                         gint64          id,
                         GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), NULL);

  stmt = vankho_library_prepare (self, self->db,
                                 "SELECT " FEED_COLUMNS " FROM sources s WHERE s.kind = 'feed' AND s.id = ?1",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_FOUND,
                   _("No feed with id %" PRId64 " in the library"), id);
      return NULL;
    }

  return source_from_row (stmt);
}

/**
 * vankho_library_remove_feed:
 * @keep_articles: whether its articles stay (they lose their source)
 */
gboolean
vankho_library_remove_feed (VankhoLibrary  *self,
                            gint64          id,
                            gboolean        keep_articles,
                            GError        **error)
{
  g_autoptr(sqlite3_stmt) articles = NULL;
  g_autoptr(sqlite3_stmt) source = NULL;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), FALSE);

  articles = vankho_library_prepare (self, self->db, "DELETE FROM articles WHERE source_id = ?1", error);
  source = vankho_library_prepare (self, self->db,
                                   "DELETE FROM sources WHERE id = ?1 AND kind = 'feed'", error);
  if (articles == NULL || source == NULL || !vankho_library_begin (self, error))
    return FALSE;

  sqlite3_bind_int64 (articles, 1, id);
  sqlite3_bind_int64 (source, 1, id);

  if ((!keep_articles && sqlite3_step (articles) != SQLITE_DONE) || sqlite3_step (source) != SQLITE_DONE)
    {
      vankho_library_set_sqlite_error (error, self->db, self->path);
      vankho_library_rollback (self);
      return FALSE;
    }

  if (sqlite3_changes (self->db) == 0)
    {
      vankho_library_rollback (self);
      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_FOUND,
                   _("No feed with id %" PRId64 " in the library"), id);
      return FALSE;
    }

  if (!vankho_library_commit (self, error))
    return FALSE;

  vankho_library_articles_changed (self);
  return TRUE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           column,
                   const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

/**
 * vankho_library_save_feed_status:
 * @source: the feed as the sync left it (its id, url, title, validators,
 *   status and error, failures, next check, new items, enabled)
 */
gboolean
vankho_library_save_feed_status (VankhoLibrary           *self,
                                 const VankhoFeedSource  *source,
                                 GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), FALSE);

  stmt = vankho_library_prepare (self, self->db,
                                 /* A feed moved to an address already subscribed keeps its own. */
                                 "UPDATE sources SET url = CASE WHEN EXISTS (SELECT 1 FROM sources o"
                                 "    WHERE o.url = ?2 AND o.id != ?1) THEN url ELSE ?2 END, title = ?3, site_url = ?4, etag = ?5,"
                                 "  last_modified = ?6, last_checked = ?7, last_status = ?8,"
                                 "  last_error = ?9, enabled = ?10, failures = ?11, next_check = ?12,"
                                 "  new_items = ?13, fetch_full = ?14, interval_minutes = ?15"
                                 " WHERE id = ?1 AND kind = 'feed'", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, source->id);
  sqlite3_bind_text (stmt, 2, source->url, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 3, source->title);
  bind_text_or_null (stmt, 4, source->site_url);
  bind_text_or_null (stmt, 5, source->etag);
  bind_text_or_null (stmt, 6, source->last_modified);
  sqlite3_bind_int64 (stmt, 7, source->last_checked);
  sqlite3_bind_int (stmt, 8, source->last_status);
  bind_text_or_null (stmt, 9, source->last_error);
  sqlite3_bind_int (stmt, 10, source->enabled);
  sqlite3_bind_int (stmt, 11, source->failures);
  if (source->next_check > 0)
    sqlite3_bind_int64 (stmt, 12, source->next_check);
  sqlite3_bind_int (stmt, 13, source->new_items);
  sqlite3_bind_text (stmt, 14, fetch_full_names[CLAMP (source->fetch_full, 0, 2)], -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 15, MAX (source->interval_minutes, 5));

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      vankho_library_set_sqlite_error (error, self->db, self->path);
      return FALSE;
    }

  return TRUE;
}

static gint64
find_one (VankhoLibrary *self,
          const char    *sql,
          gint64         number,
          const char    *text,
          const char    *text2)
{
  sqlite3_stmt *stmt = vankho_library_prepare_kept (self, sql, NULL);
  gint64 id;

  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, number);
  bind_text_or_null (stmt, 2, text);
  bind_text_or_null (stmt, 3, text2);

  id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return id;
}

gint64
vankho_library_find_article_by_guid (VankhoLibrary *self,
                                     gint64         source_id,
                                     const char    *guid)
{
  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), 0);

  if (guid == NULL)
    return 0;

  return find_one (self, "SELECT id FROM articles WHERE source_id = ?1 AND guid = ?2", source_id, guid, NULL);
}

gint64
vankho_library_find_article_by_url (VankhoLibrary *self,
                                    const char    *url_key)
{
  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), 0);

  if (url_key == NULL)
    return 0;

  return find_one (self, "SELECT id FROM articles WHERE url_key = ?2 AND ?1 = ?1", 0, url_key, NULL);
}

/**
 * vankho_library_find_version_of:
 * @title_key: the folded title
 * @published: (nullable): the new story's date, ISO 8601
 *
 * Finds the first story with the same title published within three days:
 * the new one is another version of it.
 *
 * Returns: its id, or 0
 */
gint64
vankho_library_find_version_of (VankhoLibrary *self,
                                const char    *title_key,
                                const char    *published)
{
  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), 0);

  if (title_key == NULL || published == NULL)
    return 0;

  return find_one (self,
                   "SELECT coalesce (version_of, id) FROM articles WHERE title_key = ?2 AND ?1 = ?1"
                   " AND published IS NOT NULL"
                   " AND abs (julianday (substr (published || '-01-01', 1, 10))"
                   "          - julianday (substr (?3 || '-01-01', 1, 10))) <= 3"
                   " ORDER BY id LIMIT 1", 0, title_key, published);
}

/**
 * vankho_library_set_feed_fields:
 *
 * Records what a feed said of a stored article: its GUID, address key,
 * title key, the story it is a version of, and the feed's own text when
 * the body came from the article's page.
 */
gboolean
vankho_library_set_feed_fields (VankhoLibrary  *self,
                                gint64          article_id,
                                const char     *guid,
                                const char     *url_key,
                                const char     *title_key,
                                gint64          version_of,
                                const char     *feed_text,
                                GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), FALSE);

  stmt = vankho_library_prepare_kept (self,
                                      "UPDATE articles SET guid = ?2, url_key = ?3, title_key = ?4,"
                                      "  version_of = ?5, feed_text = ?6 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, article_id);
  bind_text_or_null (stmt, 2, guid);
  bind_text_or_null (stmt, 3, url_key);
  bind_text_or_null (stmt, 4, title_key);
  if (version_of > 0 && version_of != article_id)
    sqlite3_bind_int64 (stmt, 5, version_of);
  bind_text_or_null (stmt, 6, feed_text);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      vankho_library_set_sqlite_error (error, self->db, self->path);
      return FALSE;
    }

  return TRUE;
}
