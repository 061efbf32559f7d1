/* vankho-library.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The archive: one SQLite file. Two connections: the main one, for writes and
 * the row-by-row reads of the views, and a reader that long queries run on
 * from a worker thread (WAL lets it read while the main one writes). Both
 * are opened serialized, so either may be used from any thread.
 */

#define G_LOG_DOMAIN "vankho-library"

#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "vankho-fts-postings.h"
#include "vankho-fts-rank.h"
#include "vankho-fts-snippet.h"
#include "vankho-fts-tokenizer.h"
#include "vankho-library-private.h"
#include "vankho-library-schema.h"
#include "vankho-search-query.h"
#include "vankho-text.h"

G_STATIC_ASSERT (G_N_ELEMENTS (vankho_library_migrations) == VANKHO_LIBRARY_SCHEMA_VERSION);


G_DEFINE_FINAL_TYPE (VankhoLibrary, vankho_library, G_TYPE_OBJECT)

enum {
  ARTICLES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define SUMMARY_COLUMNS \
  "id, title, outlet, url, published, published_precision, is_sample, byline, file_path," \
  " is_read, is_starred, source_date," \
  " (SELECT province FROM places WHERE article_id = articles.id AND role = 'primary'" \
  "  ORDER BY origin = 'auto', id LIMIT 1)," \
  " (SELECT group_concat (t.name, char (31)) FROM article_tags at" \
  "  JOIN tags t ON t.id = at.tag_id WHERE at.article_id = articles.id)," \
  " (SELECT count (*) FROM articles v WHERE v.version_of = articles.id)"
#define N_SUMMARY_COLUMNS 15

G_DEFINE_QUARK (vankho-library-error-quark, vankho_library_error)

void
vankho_library_set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  const char  *path)
{
  int code = sqlite3_errcode (db);
  g_autofree char *name = g_filename_display_name (path);

  switch (code & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_BUSY,
                   _("The library “%s” is in use by another program; close it and try again"),
                   name);
      break;

    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY,
                   _("“%s” is damaged or is not a Văn Khố library (%s)"),
                   name, sqlite3_errmsg (db));
      break;

    case SQLITE_FULL:
      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_FULL,
                   _("The disk holding the library “%s” is full; nothing was written. "
                     "Free some space and try again"),
                   name);
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_OPEN,
                   _("Cannot open the library “%s”: %s"), name, sqlite3_errmsg (db));
      break;

    default:
      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_FAILED,
                   _("Library “%s”: %s"), name, sqlite3_errmsg (db));
      break;
    }
}

gboolean
vankho_library_exec (VankhoLibrary  *self,
          sqlite3        *db,
          const char     *sql,
          GError        **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      vankho_library_set_sqlite_error (error, db, self->path);
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
vankho_library_prepare (VankhoLibrary  *self,
         sqlite3        *db,
         const char     *sql,
         GError        **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      vankho_library_set_sqlite_error (error, db, self->path);
      return NULL;
    }

  return stmt;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/**
 * vankho_library_prepare_kept:
 * @sql: a statement for the writing connection
 *
 * Like vankho_library_prepare() on the writing connection, but the
 * statement is kept for the next call with the same @sql, reset and its
 * bindings cleared. Storing an article runs a dozen statements, and with
 * the triggers on citations preparing them cost more than running them
 * (a third of a sync's time). Use from the thread that writes, never for
 * the same @sql twice at once, and reset a query left before its end.
 *
 * Returns: (transfer none) (nullable): the statement, owned by @self
 */
sqlite3_stmt *
vankho_library_prepare_kept (VankhoLibrary  *self,
                             const char     *sql,
                             GError        **error)
{
  sqlite3_stmt *stmt;

  if (self->kept == NULL)
    self->kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);

  stmt = g_hash_table_lookup (self->kept, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      vankho_library_set_sqlite_error (error, self->db, self->path);
      return NULL;
    }

  g_hash_table_insert (self->kept, g_strdup (sql), stmt);
  return stmt;
}

/* Adds the search index rows of the articles @ids, in one statement: FTS5
 * writes a segment at each statement savepoint, and an INSERT … SELECT
 * opens one. */
static gboolean
index_articles (VankhoLibrary  *self,
                const gint64   *ids,
                guint           n_ids,
                GError        **error)
{
  g_autoptr(GString) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (n_ids == 0)
    return TRUE;

  stmt = vankho_library_prepare_kept (self,
                                      "INSERT INTO articles_fts (rowid, title, body)"
                                      " SELECT id, title, body FROM articles"
                                      " WHERE id IN (SELECT value FROM json_each (?1))", error);
  if (stmt == NULL)
    return FALSE;

  list = g_string_new ("[");
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (list, ']');

  sqlite3_bind_text (stmt, 1, list->str, list->len, SQLITE_STATIC);
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

/* A ranked search runs in as many parts as there are processors, up to
 * SEARCH_PARTS_MAX (vankho-library-private.h), and no part has fewer ids
 * than this: see run_ranked_query(). */
#define SEARCH_PART_ROWS 4096
/* A part's bounds, in the statement build_id_query() writes. */
#define SEARCH_PART_FROM " AND articles_fts.rowid >= :first"
#define SEARCH_PART_TO " AND articles_fts.rowid <= :last"

/* A ranked search's hit: see run_ranked_query(). */
typedef VankhoFtsRankedHit RankedId;

static void
vankho_library_finalize (GObject *object)
{
  VankhoLibrary *self = (VankhoLibrary *)object;

  /* Finalize the kept statements first: a connection with statements
   * left open does not close. */
  g_clear_pointer (&self->kept, g_hash_table_unref);
  g_clear_pointer (&self->summary_stmt, sqlite3_finalize);
  g_clear_pointer (&self->snippet_stmt, sqlite3_finalize);
  g_clear_pointer (&self->snippet_text_stmt, sqlite3_finalize);
  g_clear_pointer (&self->own_snippet, vankho_fts_snippet_free);
  if (self->checkpointer != NULL)
    g_thread_pool_free (g_steal_pointer (&self->checkpointer), FALSE, TRUE);
  g_clear_pointer (&self->checkpoint_db, sqlite3_close);
  /* Their statements first: a connection with one open does not close. */
  for (guint i = 0; i < SEARCH_PARTS_MAX; i++)
    g_clear_pointer (&self->postings_readers[i], vankho_fts_postings_reader_free);
  for (guint i = 0; i < self->search_helpers->len; i++)
    {
      SearchHelper *helper = &g_array_index (self->search_helpers, SearchHelper, i);

      sqlite3_close (helper->db);
      g_array_unref (helper->hits);
      g_array_unref (helper->spare);
      g_array_unref (helper->freqs);
    }
  g_array_unref (self->search_helpers);
  g_clear_pointer (&self->reader, sqlite3_close);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_mutex_clear (&self->reader_lock);
  g_clear_pointer (&self->ranked_hits, g_array_unref);
  g_clear_pointer (&self->ranked_spare, g_array_unref);
  g_clear_pointer (&self->ranked_freqs, g_array_unref);
  g_clear_pointer (&self->word_postings, g_ptr_array_unref);
  g_mutex_clear (&self->row_lock);
  g_array_unref (self->unindexed);

  G_OBJECT_CLASS (vankho_library_parent_class)->finalize (object);
}

static void
vankho_library_class_init (VankhoLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vankho_library_finalize;

  /**
   * VankhoLibrary::articles-changed:
   *
   * Emitted after articles were added, removed or changed, once per batch.
   */
  signals[ARTICLES_CHANGED] =
    g_signal_new ("articles-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
vankho_library_init (VankhoLibrary *self)
{
  g_mutex_init (&self->reader_lock);
  self->ranked_hits = g_array_new (FALSE, FALSE, sizeof (RankedId));
  self->ranked_spare = g_array_new (FALSE, FALSE, sizeof (RankedId));
  self->ranked_freqs = g_array_new (FALSE, FALSE, sizeof (double));
  self->word_postings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->search_helpers = g_array_new (FALSE, FALSE, sizeof (SearchHelper));
  self->search_parts_max = CLAMP (g_get_num_processors (), 1, SEARCH_PARTS_MAX);
  self->search_part_rows = SEARCH_PART_ROWS;
  self->search_index = TRUE;
  g_mutex_init (&self->row_lock);
  self->unindexed = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/**
 * vankho_library_get_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/vankho/library.db`
 */
char *
vankho_library_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "vankho", "library.db", NULL);
}

/* Looks at the file before SQLite does, so that a file that is not ours is
 * refused without SQLite writing anything next to it, and a truncated copy
 * is caught before it is half-read.
 */
static gboolean
check_existing_file (const char  *path,
                     gboolean    *exists,
                     GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autofree char *name = g_filename_display_name (path);
  guchar header[100];
  GStatBuf st;
  FILE *file;
  gsize n;

  *exists = FALSE;

  if (g_stat (path, &st) != 0)
    {
      if (errno == ENOENT)
        return TRUE;
      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_OPEN,
                   _("Cannot open the library “%s”: %s"), name, g_strerror (errno));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY,
                   _("“%s” is not a Văn Khố library (not a regular file)"), name);
      return FALSE;
    }

  if (st.st_size == 0)
    return TRUE;

  *exists = TRUE;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_OPEN,
                   _("Cannot open the library “%s”: %s"), name, g_strerror (errno));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY,
                   _("“%s” is not a Văn Khố library (not an SQLite database)"), name);
      return FALSE;
    }

  /* A write-ahead log still to be replayed can make the file look short
   * (a checkpoint cut off by a crash): SQLite recovers that itself.
   */
  {
    g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
    GStatBuf wal_st;

    if (g_stat (wal_path, &wal_st) == 0 && wal_st.st_size > 0)
      return TRUE;
  }

  {
    guint32 page_size = (header[16] << 8) | header[17];
    guint32 page_count = ((guint32) header[28] << 24) | (header[29] << 16) | (header[30] << 8) | header[31];
    gboolean count_valid = memcmp (header + 24, header + 92, 4) == 0;

    if (page_size == 1)
      page_size = 65536;

    if (page_size < 512 || (page_size & (page_size - 1)) != 0 ||
        st.st_size % page_size != 0 ||
        (count_valid && page_count > 0 && (guint64) st.st_size < (guint64) page_size * page_count))
      {
        g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY,
                     _("The library “%s” is truncated or damaged; restore it from a backup"), name);
        return FALSE;
      }
  }

  return TRUE;
}

static sqlite3 *
open_connection (VankhoLibrary  *self,
                 gboolean        create,
                 GError        **error)
{
  sqlite3 *db = NULL;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX;

  if (create)
    flags |= SQLITE_OPEN_CREATE;

  if (sqlite3_open_v2 (self->path, &db, flags, NULL) != SQLITE_OK)
    {
      vankho_library_set_sqlite_error (error, db, self->path);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, 2000);

  /* The default page cache (2 MB) holds less than the id index of a
   * library of 100 000 articles and the FTS5 doclists of a common word;
   * this is an upper bound, not an allocation.
   */
  sqlite3_exec (db, "PRAGMA cache_size = -16384", NULL, NULL, NULL);

  if (vankho_fts_tokenizer_register (db) != SQLITE_OK ||
      vankho_fts_rank_register (db) != SQLITE_OK ||
      vankho_library_register_functions (db) != SQLITE_OK)
    {
      vankho_library_set_sqlite_error (error, db, self->path);
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

static gboolean
read_int (VankhoLibrary  *self,
          sqlite3        *db,
          const char     *sql,
          gint64         *value,
          GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = vankho_library_prepare (self, db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      vankho_library_set_sqlite_error (error, db, self->path);
      return FALSE;
    }

  *value = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

static gboolean
backup_before_migrating (VankhoLibrary  *self,
                         gint64          version,
                         GError        **error)
{
  g_autofree char *backup_path = NULL;
  sqlite3_backup *backup;
  sqlite3 *dest = NULL;
  int rc;

  backup_path = g_strdup_printf ("%s.v%" G_GINT64_FORMAT ".bak", self->path, version);
  for (guint i = 2; g_file_test (backup_path, G_FILE_TEST_EXISTS); i++)
    {
      g_free (backup_path);
      backup_path = g_strdup_printf ("%s.v%" G_GINT64_FORMAT "-%u.bak", self->path, version, i);
    }

  rc = sqlite3_open_v2 (backup_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (dest);
    }

  if (rc != SQLITE_OK)
    {
      vankho_library_set_sqlite_error (error, dest, backup_path);
      sqlite3_close (dest);
      g_unlink (backup_path);
      return FALSE;
    }

  sqlite3_close (dest);
  g_debug ("Saved a copy of the library before migrating: %s", backup_path);
  return TRUE;
}

static gboolean
migrate (VankhoLibrary  *self,
         gint64          version,
         GError        **error)
{
  if (version > 0 && !backup_before_migrating (self, version, error))
    return FALSE;

  for (gint64 v = version; v < VANKHO_LIBRARY_SCHEMA_VERSION; v++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, v + 1);

      if (!vankho_library_exec (self, self->db, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!vankho_library_exec (self, self->db, vankho_library_migrations[v], error) ||
          !vankho_library_exec (self, self->db, set_version, error) ||
          !vankho_library_exec (self, self->db, "COMMIT", error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          g_prefix_error (error, _("Could not update the library to version %d: "), (int) v + 1);
          return FALSE;
        }
    }

  return TRUE;
}

/* SQLite's own threshold, in pages of the log. */
#define CHECKPOINT_PAGES 1000
/* A log the background checkpoints could not empty, because the writer
 * kept writing, is checkpointed by the writer after all once this long, so
 * that the next transaction starts the log again and it stops growing.
 * At 8 000 pages that was 7.5 % of the importing thread's time at 100 000
 * articles; at 32 000 the log peaks at 150 MB during such an import. */
#define CHECKPOINT_PAGES_MAX (32 * CHECKPOINT_PAGES)

static void
checkpoint_func (gpointer data,
                 gpointer user_data)
{
  VankhoLibrary *self = data;

  if (self->checkpoint_db == NULL)
    self->checkpoint_db = open_connection (self, FALSE, NULL);
  if (self->checkpoint_db != NULL)
    sqlite3_wal_checkpoint_v2 (self->checkpoint_db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);

  g_atomic_int_set (&self->checkpoint_queued, FALSE);
}

/* Called after each commit on the writing connection. SQLite's default
 * copies the log into the database here, in the thread that commits, once
 * the log holds 1 000 pages: at 100 000 articles that was a fifth of the
 * importing thread's time. A passive checkpoint on another connection
 * copies the pages while the next batch is being written; what it left is
 * little by the time the log is long enough for the writer to finish it.
 */
static int
wal_written_cb (void       *user_data,
                sqlite3    *db,
                const char *name,
                int         n_pages)
{
  VankhoLibrary *self = user_data;

  if (n_pages >= CHECKPOINT_PAGES_MAX)
    sqlite3_wal_checkpoint_v2 (db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  else if (n_pages >= CHECKPOINT_PAGES &&
           g_atomic_int_compare_and_exchange (&self->checkpoint_queued, FALSE, TRUE))
    g_thread_pool_push (self->checkpointer, self, NULL);

  return SQLITE_OK;
}

static gboolean
open_library (VankhoLibrary  *self,
              GError        **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *name = g_filename_display_name (self->path);
  gboolean exists;
  gint64 version = 0;
  gint64 n_objects = 0;

  if (!check_existing_file (self->path, &exists, error))
    return FALSE;

  if (!exists && g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_OPEN,
                   _("Cannot create the folder for the library “%s”: %s"),
                   name, g_strerror (errno));
      return FALSE;
    }

  self->db = open_connection (self, !exists, error);
  if (self->db == NULL)
    return FALSE;

  /* Read before writing anything: a newer or foreign file stays untouched. */
  if (!read_int (self, self->db, "PRAGMA user_version", &version, error) ||
      !read_int (self, self->db, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  if (version > VANKHO_LIBRARY_SCHEMA_VERSION)
    {
      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_TOO_NEW,
                   _("The library “%s” was made by a newer version of Văn Khố (format %d; "
                     "this version reads up to %d). Update Văn Khố to open it."),
                   name, (int) version, VANKHO_LIBRARY_SCHEMA_VERSION);
      return FALSE;
    }

  if (version == 0 && n_objects > 0)
    {
      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY,
                   _("“%s” is an SQLite database of another program, not a Văn Khố library"),
                   name);
      return FALSE;
    }

  if (!vankho_library_exec (self, self->db, "PRAGMA journal_mode = WAL", error) ||
      !vankho_library_exec (self, self->db, "PRAGMA synchronous = NORMAL", error) ||
      !vankho_library_exec (self, self->db, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  if (version < VANKHO_LIBRARY_SCHEMA_VERSION && !migrate (self, version, error))
    return FALSE;

  if (!vankho_library_seed_catalogue (self, error))
    return FALSE;

  self->reader = open_connection (self, FALSE, error);
  if (self->reader == NULL)
    return FALSE;

  self->checkpointer = g_thread_pool_new (checkpoint_func, NULL, 1, FALSE, NULL);
  sqlite3_wal_hook (self->db, wal_written_cb, self);

  sqlite3_busy_timeout (self->db, 5000);

  return TRUE;
}

/**
 * vankho_library_open:
 * @path: (type filename): the library file; created if missing
 * @error: return location for a #VANKHO_LIBRARY_ERROR
 *
 * Opens a library, creating or updating it as needed. A file that is not a
 * Văn Khố library, a damaged one or one made by a newer version is refused
 * and left as it was.
 *
 * Returns: (transfer full) (nullable): the library
 */
VankhoLibrary *
vankho_library_open (const char  *path,
                     GError     **error)
{
  g_autoptr(VankhoLibrary) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (VANKHO_TYPE_LIBRARY, NULL);
  self->path = g_canonicalize_filename (path, NULL);

  if (!open_library (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
vankho_library_get_path (VankhoLibrary *self)
{
  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), NULL);

  return self->path;
}

/**
 * vankho_library_begin:
 *
 * Starts a write transaction on the main connection. Pair with
 * vankho_library_commit() or vankho_library_rollback().
 */
gboolean
vankho_library_begin (VankhoLibrary  *self,
                      GError        **error)
{
  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), FALSE);

  return vankho_library_exec (self, self->db, "BEGIN IMMEDIATE", error);
}

/**
 * vankho_library_set_bulk_writing:
 * @bulk: whether many articles are about to be written
 *
 * Gives the writing connection a larger page cache for an import, and
 * takes it back after. An import inserts into a dozen indexes with
 * scattered keys (hashes, documents, provinces): at 100 000 articles their
 * leaves no longer fit in 16 MB (import 1 327 and 1 476 -> 1 475 and
 * 1 506 articles/s with 64 MB). Kept all the time, the same cache filled
 * with the rows the list binds on that connection (34 -> 86 MB after
 * 10 000 rows).
 */
void
vankho_library_set_bulk_writing (VankhoLibrary *self,
                                 gboolean       bulk)
{
  g_return_if_fail (VANKHO_IS_LIBRARY (self));

  vankho_library_exec (self, self->db, bulk ? "PRAGMA cache_size = -65536" : "PRAGMA cache_size = -16384", NULL);
}

gboolean
vankho_library_commit (VankhoLibrary  *self,
                       GError        **error)
{
  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), FALSE);

  if (!index_articles (self, (const gint64 *) (gpointer) self->unindexed->data, self->unindexed->len, error) ||
      !vankho_library_exec (self, self->db, "COMMIT", error))
    {
      vankho_library_rollback (self);
      return FALSE;
    }

  g_array_set_size (self->unindexed, 0);
  return TRUE;
}

void
vankho_library_rollback (VankhoLibrary *self)
{
  g_return_if_fail (VANKHO_IS_LIBRARY (self));

  g_array_set_size (self->unindexed, 0);
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/**
 * vankho_library_articles_changed:
 *
 * Tells views that the articles changed; call once after a batch.
 */
void
vankho_library_articles_changed (VankhoLibrary *self)
{
  g_return_if_fail (VANKHO_IS_LIBRARY (self));

  g_signal_emit (self, signals[ARTICLES_CHANGED], 0);
}

static const char *
source_kind_to_string (VankhoSourceKind kind)
{
  switch (kind)
    {
    case VANKHO_SOURCE_KIND_SAMPLE:
      return "sample";
    case VANKHO_SOURCE_KIND_FEED:
      return "feed";
    case VANKHO_SOURCE_KIND_IMPORT:
    default:
      return "import";
    }
}

/**
 * vankho_library_ensure_source:
 * @kind: %VANKHO_SOURCE_KIND_IMPORT or %VANKHO_SOURCE_KIND_SAMPLE
 * @title: the source's name
 *
 * Finds or adds a local source (one without a URL).
 *
 * Returns: the source's id, or 0 on error
 */
gint64
vankho_library_ensure_source (VankhoLibrary     *self,
                              VankhoSourceKind   kind,
                              const char        *title,
                              GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), 0);
  g_return_val_if_fail (title != NULL, 0);

  stmt = vankho_library_prepare (self, self->db,
                  "INSERT INTO sources (kind, title) VALUES (?1, ?2)"
                  " ON CONFLICT (kind, title) WHERE url IS NULL DO UPDATE SET kind = kind"
                  " RETURNING id", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, source_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      vankho_library_set_sqlite_error (error, self->db, self->path);
      return 0;
    }

  return sqlite3_column_int64 (stmt, 0);
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
 * vankho_library_add_article:
 * @article: the article; its id is set on success
 * @source_id: where it came from, or 0
 * @duplicate: (out) (optional): set to %TRUE when the same text is stored
 *   already, in which case nothing is added
 *
 * Adds @article. Call inside vankho_library_begin()/commit() for batches.
 *
 * Returns: %FALSE on error
 */
gboolean
vankho_library_add_article (VankhoLibrary  *self,
                            VankhoArticle  *article,
                            gint64          source_id,
                            gboolean       *duplicate,
                            GError        **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *hash = NULL;
  g_autofree char *published = NULL;
  g_autofree char *source_date = NULL;
  const VankhoDate *date;
  const char *body;
  gboolean alone;
  gint64 id;
  int rc;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (VANKHO_IS_ARTICLE (article), FALSE);

  if (duplicate != NULL)
    *duplicate = FALSE;

  body = vankho_article_get_body (article);
  g_return_val_if_fail (body != NULL, FALSE);

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body, -1);
  date = vankho_article_get_published (article);
  published = vankho_date_to_iso (date);
  source_date = vankho_date_to_iso (vankho_article_get_source_date (article));

  /* Alone, the article and its index row are one transaction; in a batch
   * the caller's transaction makes them one, and rolls back on error. */
  alone = sqlite3_get_autocommit (self->db);
  if (alone && !vankho_library_exec (self, self->db, "SAVEPOINT add_article", error))
    return FALSE;

  stmt = vankho_library_prepare_kept (self,
                  "INSERT INTO articles (source_id, title, byline, outlet, url, file_path,"
                  "  published, published_precision, body, content_hash, is_sample, source_date)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
                  " ON CONFLICT (content_hash) DO NOTHING", error);
  if (stmt == NULL)
    goto failed;

  if (source_id > 0)
    sqlite3_bind_int64 (stmt, 1, source_id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, vankho_article_get_title (article), -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 3, vankho_article_get_byline (article));
  bind_text_or_null (stmt, 4, vankho_article_get_outlet (article));
  bind_text_or_null (stmt, 5, vankho_article_get_url (article));
  bind_text_or_null (stmt, 6, vankho_article_get_file_path (article));
  bind_text_or_null (stmt, 7, published);
  sqlite3_bind_text (stmt, 8, vankho_date_precision_to_string (date->precision), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, body, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 11, vankho_article_get_is_sample (article));
  bind_text_or_null (stmt, 12, source_date);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  if (sqlite3_changes (self->db) == 0)
    {
      /* Not to keep a copy of the body until the next article. */
      sqlite3_clear_bindings (stmt);
      if (duplicate != NULL)
        *duplicate = TRUE;
      return !alone || vankho_library_exec (self, self->db, "RELEASE add_article", error);
    }

  id = sqlite3_last_insert_rowid (self->db);
  sqlite3_clear_bindings (stmt);

  /* In a batch, the search index gets the articles when the batch commits.
   * FTS5 writes out what it holds at every statement savepoint, and the
   * triggers of the extraction's statements open one per statement: each
   * article indexed as it came became an index segment of its own. */
  if (!alone)
    g_array_append_val (self->unindexed, id);
  else if (!index_articles (self, &id, 1, error) ||
           !vankho_library_exec (self, self->db, "RELEASE add_article", error))
    goto failed;

  vankho_article_set_id (article, id);
  return TRUE;

failed:
  if (error != NULL && *error == NULL)
    vankho_library_set_sqlite_error (error, self->db, self->path);
  if (alone)
    {
      sqlite3_exec (self->db, "ROLLBACK TO add_article", NULL, NULL, NULL);
      sqlite3_exec (self->db, "RELEASE add_article", NULL, NULL, NULL);
    }
  return FALSE;
}

static VankhoArticle *
article_from_summary_row (sqlite3_stmt *stmt)
{
  VankhoArticle *article = vankho_article_new ();
  VankhoDate date = { 0 };

  vankho_article_set_id (article, sqlite3_column_int64 (stmt, 0));
  vankho_article_set_title (article, (const char *) sqlite3_column_text (stmt, 1));
  vankho_article_set_outlet (article, (const char *) sqlite3_column_text (stmt, 2));
  vankho_article_set_url (article, (const char *) sqlite3_column_text (stmt, 3));
  if (vankho_date_parse_iso (&date, (const char *) sqlite3_column_text (stmt, 4)))
    vankho_article_set_published (article, &date);
  vankho_article_set_is_sample (article, sqlite3_column_int (stmt, 6));
  vankho_article_set_byline (article, (const char *) sqlite3_column_text (stmt, 7));
  vankho_article_set_file_path (article, (const char *) sqlite3_column_text (stmt, 8));
  vankho_article_set_is_read (article, sqlite3_column_int (stmt, 9));
  vankho_article_set_is_starred (article, sqlite3_column_int (stmt, 10));
  date = (VankhoDate) { 0 };
  if (vankho_date_parse_iso (&date, (const char *) sqlite3_column_text (stmt, 11)))
    vankho_article_set_source_date (article, &date);
  vankho_article_set_province (article, (const char *) sqlite3_column_text (stmt, 12));
  if (sqlite3_column_type (stmt, 13) != SQLITE_NULL)
    {
      /* Unit separators: a tag may hold any other character. */
      g_auto(GStrv) tags = g_strsplit ((const char *) sqlite3_column_text (stmt, 13), "\x1f", -1);
      vankho_article_set_tags (article, (const char * const *) tags);
    }
  vankho_article_set_n_versions (article, 1 + sqlite3_column_int (stmt, 14));

  return article;
}

/* Runs @sql with @id bound to ?1 (when not 0) and returns the first column
 * of every row.
 */
static GStrv
list_strings (VankhoLibrary  *self,
              const char     *sql,
              gint64          id,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = vankho_library_prepare (self, self->db, sql, error);
  g_autoptr(GStrvBuilder) builder = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);

  builder = g_strv_builder_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));

  if (rc != SQLITE_DONE)
    {
      vankho_library_set_sqlite_error (error, self->db, self->path);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

static VankhoArticle *
load_article (VankhoLibrary  *self,
              gint64          id,
              gboolean        with_body,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean kept = FALSE;
  sqlite3_stmt *run;
  VankhoArticle *article;
  int rc;

  if (with_body)
    {
      stmt = vankho_library_prepare (self, self->db,
                                     "SELECT " SUMMARY_COLUMNS ", body, note, feed_text FROM articles WHERE id = ?1",
                                     error);
      if (stmt == NULL)
        return NULL;
      run = stmt;
    }
  else
    {
      g_mutex_lock (&self->row_lock);
      if (self->summary_stmt == NULL &&
          sqlite3_prepare_v3 (self->db, "SELECT " SUMMARY_COLUMNS " FROM articles WHERE id = ?1", -1,
                              SQLITE_PREPARE_PERSISTENT, &self->summary_stmt, NULL) != SQLITE_OK)
        {
          vankho_library_set_sqlite_error (error, self->db, self->path);
          g_mutex_unlock (&self->row_lock);
          return NULL;
        }
      run = self->summary_stmt;
      kept = TRUE;
    }

  sqlite3_bind_int64 (run, 1, id);
  rc = sqlite3_step (run);
  if (rc == SQLITE_DONE)
    g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_FOUND,
                 _("No article with id %" PRId64 " in the library"), id);
  else if (rc != SQLITE_ROW)
    vankho_library_set_sqlite_error (error, self->db, self->path);

  article = rc == SQLITE_ROW ? article_from_summary_row (run) : NULL;

  if (kept)
    {
      sqlite3_reset (run);
      g_mutex_unlock (&self->row_lock);
    }

  if (article == NULL)
    return NULL;

  if (with_body)
    {
      g_auto(GStrv) tags = NULL;

      vankho_article_set_body (article, (const char *) sqlite3_column_text (stmt, N_SUMMARY_COLUMNS));
      vankho_article_set_note (article, (const char *) sqlite3_column_text (stmt, N_SUMMARY_COLUMNS + 1));
      vankho_article_set_feed_text (article, (const char *) sqlite3_column_text (stmt, N_SUMMARY_COLUMNS + 2));

      tags = list_strings (self, "SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id"
                                 " WHERE at.article_id = ?1 ORDER BY t.name", id, error);
      if (tags == NULL)
        {
          g_object_unref (article);
          return NULL;
        }
      vankho_article_set_tags (article, (const char * const *) tags);
    }

  return article;
}

/**
 * vankho_library_get_article:
 * @id: the article's id
 *
 * Returns: (transfer full) (nullable): the whole article, body included
 */
VankhoArticle *
vankho_library_get_article (VankhoLibrary  *self,
                            gint64          id,
                            GError        **error)
{
  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), NULL);

  return load_article (self, id, TRUE, error);
}

/* The snippet of @match in the article @id, from the library's index.
 * Under row_lock. A snippet that cannot be made is left out: the row
 * still shows. */
static void
make_snippet (VankhoLibrary *self,
              VankhoArticle *article,
              gint64         id,
              const char    *match)
{
  if (self->snippet_stmt == NULL &&
      sqlite3_prepare_v3 (self->db,
                          "SELECT snippet (articles_fts, " VANKHO_FTS_SNIPPET_ARGS ")"
                          " FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid = ?2", -1,
                          SQLITE_PREPARE_PERSISTENT, &self->snippet_stmt, NULL) != SQLITE_OK)
    {
      g_warning ("Cannot make snippets: %s", sqlite3_errmsg (self->db));
      return;
    }

  sqlite3_bind_text (self->snippet_stmt, 1, match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (self->snippet_stmt, 2, id);
  if (sqlite3_step (self->snippet_stmt) == SQLITE_ROW)
    vankho_article_set_snippet (article, (const char *) sqlite3_column_text (self->snippet_stmt, 0));
  sqlite3_reset (self->snippet_stmt);
  sqlite3_clear_bindings (self->snippet_stmt);
}

/* The same snippet, from an index of the article alone: see
 * vankho-fts-snippet.c. Under row_lock. */
static void
make_own_snippet (VankhoLibrary *self,
                  VankhoArticle *article,
                  gint64         id,
                  const char    *match)
{
  g_autofree char *snippet = NULL;
  int rc;

  if (self->snippet_text_stmt == NULL &&
      sqlite3_prepare_v3 (self->db, "SELECT title, body FROM articles WHERE id = ?1", -1,
                          SQLITE_PREPARE_PERSISTENT, &self->snippet_text_stmt, NULL) != SQLITE_OK)
    {
      g_warning ("Cannot make snippets: %s", sqlite3_errmsg (self->db));
      return;
    }
  if (self->own_snippet == NULL)
    self->own_snippet = vankho_fts_snippet_new ();

  sqlite3_bind_int64 (self->snippet_text_stmt, 1, id);
  if (sqlite3_step (self->snippet_text_stmt) == SQLITE_ROW)
    {
      rc = vankho_fts_snippet_make (self->own_snippet,
                                    (const char *) sqlite3_column_text (self->snippet_text_stmt, 0),
                                    (const char *) sqlite3_column_text (self->snippet_text_stmt, 1),
                                    match, &snippet);
      if (rc != SQLITE_OK)
        g_debug ("No snippet of “%s” for article %" G_GINT64_FORMAT ": %s", match, id, sqlite3_errstr (rc));
    }
  sqlite3_reset (self->snippet_text_stmt);

  vankho_article_set_snippet (article, snippet);
}

/**
 * vankho_library_get_article_summary:
 * @id: the article's id
 * @match: (nullable): the FTS5 expression of the current search, to make a
 *   snippet from
 *
 * Loads what a list row shows: no body, but a snippet of the matching words
 * when @match is given.
 *
 * Returns: (transfer full) (nullable): the article
 */
VankhoArticle *
vankho_library_get_article_summary (VankhoLibrary  *self,
                                    gint64          id,
                                    const char     *match,
                                    GError        **error)
{
  g_autoptr(VankhoArticle) article = NULL;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), NULL);

  article = load_article (self, id, FALSE, error);
  if (article == NULL || match == NULL)
    return g_steal_pointer (&article);

  g_mutex_lock (&self->row_lock);
  if (vankho_fts_snippet_needs_own_row (match))
    make_own_snippet (self, article, id, match);
  else
    make_snippet (self, article, id, match);
  g_mutex_unlock (&self->row_lock);

  return g_steal_pointer (&article);
}

static int
check_cancelled (void *user_data)
{
  return g_cancellable_is_cancelled (user_data);
}

typedef struct
{
  gboolean    is_text;
  const char *text;
  gint64      number;
} Param;

static void
add_text_param (GArray     *params,
                const char *text)
{
  Param param = { TRUE, text, 0 };
  g_array_append_val (params, param);
}

static void
add_int_param (GArray *params,
               gint64  number)
{
  Param param = { FALSE, NULL, number };
  g_array_append_val (params, param);
}

static int
compare_ids_ascending (gconstpointer a,
                       gconstpointer b)
{
  const gint64 *x = a, *y = b;

  return (*x > *y) - (*x < *y);
}

static int
compare_hit_ids (const void *a,
                 const void *b)
{
  const RankedId *x = a, *y = b;

  return (x->id > y->id) - (x->id < y->id);
}

/* The sort's digits: six passes of 11 bits rather than eight of 8, over
 * counts that still fit the processor's second-level cache. */
#define RADIX_BITS 11
#define RADIX_SIZE (1 << RADIX_BITS)
#define RADIX_PASSES ((64 + RADIX_BITS - 1) / RADIX_BITS)
#define RADIX_DIGIT(key, pass) (((key) >> ((pass) * RADIX_BITS)) & (RADIX_SIZE - 1))

/* A search of one word has few distinct scores: the score depends on
 * how often the article names the word, and in which column. Up to this
 * many, the hits are sorted in one pass by their key's place among them. */
#define FEW_KEYS_MAX 1024
#define FEW_KEYS_SLOTS (4 * FEW_KEYS_MAX)

static int
compare_keys (const void *a,
              const void *b)
{
  const guint64 *x = a, *y = b;

  return (*x > *y) - (*x < *y);
}

typedef struct
{
  guint64 key;
  guint   count;   /* then the place of the key's first hit */
  gboolean used;
} KeySlot;

static inline KeySlot *
find_key_slot (KeySlot *slots,
               guint64  key)
{
  guint i = (guint) ((key * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)) >> 52) & (FEW_KEYS_SLOTS - 1);

  while (slots[i].used && slots[i].key != key)
    i = (i + 1) & (FEW_KEYS_SLOTS - 1);
  return &slots[i];
}

/* Sorts @hits, in ascending id order, into @spare by key, the ids of a
 * key in descending order (read backwards, placed forwards); FALSE, and
 * nothing moved, when they have more than FEW_KEYS_MAX keys. */
static gboolean
sort_few_keys (const RankedId *hits,
               RankedId       *spare,
               guint           n)
{
  g_autofree KeySlot *slots = g_new0 (KeySlot, FEW_KEYS_SLOTS);
  guint64 keys[FEW_KEYS_MAX];
  guint n_keys = 0;
  guint offset = 0;

  for (guint i = 0; i < n; i++)
    {
      KeySlot *slot = find_key_slot (slots, hits[i].key);

      if (!slot->used)
        {
          if (n_keys == FEW_KEYS_MAX)
            return FALSE;
          slot->used = TRUE;
          slot->key = hits[i].key;
          keys[n_keys++] = hits[i].key;
        }
      slot->count++;
    }

  qsort (keys, n_keys, sizeof (guint64), compare_keys);
  for (guint k = 0; k < n_keys; k++)
    {
      KeySlot *slot = find_key_slot (slots, keys[k]);
      guint here = slot->count;

      slot->count = offset;
      offset += here;
    }

  for (guint i = n; i-- > 0;)
    spare[find_key_slot (slots, hits[i].key)->count++] = hits[i];

  return TRUE;
}

/* Best first. Without bm25's length term many articles tie (each naming
 * the word once, in the body): the later added, usually the newer, first.
 * With few distinct keys one pass does (sort_few_keys()); otherwise a
 * stable radix sort on the key over the ids in descending order: qsort()
 * was a sixth of a common word's search. Returns @hits or @spare, whichever
 * holds the result. */
static RankedId *
sort_ranked_ids (RankedId *hits,
                 RankedId *spare,
                 guint     n)
{
  g_autofree guint *counts = NULL;
  gboolean ascending = TRUE;

  /* FTS5 gives rowids in ascending order: the first pass that moves
   * anything reads them backwards. Any other order is sorted first. */
  for (guint i = 1; ascending && i < n; i++)
    ascending = hits[i - 1].id < hits[i].id;
  if (!ascending)
    {
      qsort (hits, n, sizeof (RankedId), compare_hit_ids);
      ascending = TRUE;
    }

  /* A radix pass costs a pass over the hits: with few keys one does. */
  if (n > FEW_KEYS_MAX && sort_few_keys (hits, spare, n))
    return spare;

  counts = g_new0 (guint, RADIX_PASSES * RADIX_SIZE);

  for (guint i = 0; i < n; i++)
    for (guint pass = 0; pass < RADIX_PASSES; pass++)
      counts[pass * RADIX_SIZE + RADIX_DIGIT (hits[i].key, pass)]++;

  for (guint pass = 0; pass < RADIX_PASSES; pass++)
    {
      guint *count = counts + pass * RADIX_SIZE;
      guint offset = 0;
      RankedId *swap;

      /* A digit every key shares leaves the order as it is. */
      if (count[RADIX_DIGIT (hits[0].key, pass)] == n)
        continue;

      for (guint digit = 0; digit < RADIX_SIZE; digit++)
        {
          guint here = count[digit];

          count[digit] = offset;
          offset += here;
        }
      if (ascending)
        {
          for (guint i = n; i-- > 0;)
            spare[count[RADIX_DIGIT (hits[i].key, pass)]++] = hits[i];
          ascending = FALSE;
        }
      else
        {
          for (guint i = 0; i < n; i++)
            spare[count[RADIX_DIGIT (hits[i].key, pass)]++] = hits[i];
        }

      swap = hits;
      hits = spare;
      spare = swap;
    }

  /* Every key the same: the ids' order alone. */
  if (ascending)
    {
      for (guint i = 0; i < n / 2; i++)
        {
          RankedId swap = hits[i];

          hits[i] = hits[n - 1 - i];
          hits[n - 1 - i] = swap;
        }
    }

  return hits;
}

/* Binds @params to the statement's '?' parameters in order; the named
 * ones (':first') are bound by name, and SQLite numbers them among the
 * others in the order they appear. */
static void
bind_params (sqlite3_stmt *stmt,
             GArray       *params)
{
  int n = sqlite3_bind_parameter_count (stmt);
  guint next = 0;

  for (int i = 1; i <= n && next < params->len; i++)
    {
      const Param *param;

      if (sqlite3_bind_parameter_name (stmt, i) != NULL)
        continue;

      param = &g_array_index (params, Param, next++);
      if (param->is_text)
        sqlite3_bind_text (stmt, i, param->text, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, i, param->number);
    }
}

/* Sets @error for a statement that stopped with @rc on @db. */
static void
set_step_error (VankhoLibrary  *self,
                sqlite3        *db,
                int             rc,
                GCancellable   *cancellable,
                GError        **error)
{
  if (rc == SQLITE_INTERRUPT && g_cancellable_set_error_if_cancelled (cancellable, error))
    return;

  vankho_library_set_sqlite_error (error, db, self->path);
}

/* A part of a ranked search: the hits whose ids lie in [first, last],
 * found on @db, in ascending id order as FTS5 gives them.
 */
typedef struct
{
  VankhoLibrary         *self;
  sqlite3               *db;
  const char            *sql;
  GArray                *params;
  gint64                 first;
  gint64                 last;
  GCancellable          *cancellable;
  VankhoFtsPhraseCounts *counts;
  const char            *match;   /* the FTS5 expression */
  VankhoFtsRankedHits    sink;    /* what vankho_rank_hits() collects; its hits are RankedId */
  GArray                *spare;   /* for sorting them */
  const double          *idf;     /* see score_ranked_hits() */
  const RankedId        *sorted;
  guint                  next;    /* the first not yet merged */
  GError                *error;
} SearchPart;

static void
sort_ranked_hits (SearchPart *part)
{
  GArray *hits = part->sink.hits;

  g_array_set_size (part->spare, hits->len);
  if (hits->len > 0)
    part->sorted = sort_ranked_ids ((RankedId *) hits->data, (RankedId *) part->spare->data, hits->len);
}

static gpointer
collect_ranked_hits (gpointer data)
{
  SearchPart *part = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new (part->sql);
  int rc;

  /* An open end is left out: FTS5 is given the bounds, but SQLite checks
   * every match against them again, asking FTS5 for its rowid each time
   * (a tenth of a common word's search). */
  if (part->first == G_MININT64)
    g_string_replace (sql, SEARCH_PART_FROM, "", 1);
  if (part->last == G_MAXINT64)
    g_string_replace (sql, SEARCH_PART_TO, "", 1);

  stmt = vankho_library_prepare (part->self, part->db, sql->str, &part->error);
  if (stmt == NULL)
    return NULL;

  bind_params (stmt, part->params);
  if (part->first != G_MININT64)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":first"), part->first);
  if (part->last != G_MAXINT64)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":last"), part->last);
  sqlite3_bind_pointer (stmt, sqlite3_bind_parameter_index (stmt, ":counts"),
                        part->counts, VANKHO_FTS_PHRASE_COUNTS_TYPE, NULL);
  sqlite3_bind_pointer (stmt, sqlite3_bind_parameter_index (stmt, ":hits"),
                        &part->sink, VANKHO_FTS_RANKED_HITS_TYPE, NULL);
  /* Ranked ids are limited once sorted. */
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_count (stmt), -1);

  /* One row: vankho_rank_hits() has put the hits in the sink. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  g_array_set_size (part->sink.hits, part->sink.n_hits);

  if (rc != SQLITE_DONE)
    {
      set_step_error (part->self, part->db, rc, part->cancellable, &part->error);
      return NULL;
    }

  /* Scored as they came, unless the phrases' counts were left for after
   * (see score_ranked_hits()). */
  if (part->sink.n_phrases <= 1)
    sort_ranked_hits (part);

  return NULL;
}

/* Counts, on the part's connection, the phrases of the search no other
 * part has taken (see vankho_fts_phrase_counts_set_known()): vankho_rank()
 * counts them on the search's first row. */
static gpointer
count_ranked_phrases (gpointer data)
{
  SearchPart *part = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = vankho_library_prepare (part->self, part->db,
                                 "SELECT " VANKHO_FTS_RANK_NAME " (articles_fts, 4.0, 1.0, :counts)"
                                 " FROM articles_fts WHERE articles_fts MATCH :match LIMIT 1",
                                 &part->error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_pointer (stmt, sqlite3_bind_parameter_index (stmt, ":counts"),
                        part->counts, VANKHO_FTS_PHRASE_COUNTS_TYPE, NULL);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":match"), part->match, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    set_step_error (part->self, part->db, rc, part->cancellable, &part->error);

  return NULL;
}

static gpointer
score_ranked_hits (gpointer data)
{
  SearchPart *part = data;

  vankho_fts_ranked_hits_score (&part->sink, part->idf);
  sort_ranked_hits (part);

  return NULL;
}

/* Runs @func on each part, the first here and the others on threads of
 * their own, and returns the first part's error, if any. */
static gboolean
run_search_parts (SearchPart   *parts,
                  guint         n_parts,
                  GThreadFunc   func,
                  GCancellable *cancellable,
                  GError      **error)
{
  GThread *threads[SEARCH_PARTS_MAX] = { NULL };
  GError *part_error = NULL;

  for (guint i = 1; i < n_parts; i++)
    {
      if (cancellable != NULL)
        sqlite3_progress_handler (parts[i].db, 1000, check_cancelled, cancellable);
      /* Without a thread the part runs here, after the first. */
      threads[i] = g_thread_try_new ("vankho-search", func, &parts[i], NULL);
    }
  func (&parts[0]);
  for (guint i = 1; i < n_parts; i++)
    {
      if (threads[i] != NULL)
        g_thread_join (threads[i]);
      else
        func (&parts[i]);
      sqlite3_progress_handler (parts[i].db, 0, NULL, NULL);
    }

  for (guint i = 0; i < n_parts; i++)
    {
      if (part_error == NULL)
        part_error = g_steal_pointer (&parts[i].error);
      g_clear_error (&parts[i].error);
    }
  if (part_error != NULL)
    {
      g_propagate_error (error, part_error);
      return FALSE;
    }

  return TRUE;
}

/* Scores the hits of a search of several phrases, which
 * vankho_rank_hits() left for when the phrases' counts are known: most of
 * them are settled by the hits (a common word in more than half the
 * archive), and only the others are counted, shared between the parts. */
static gboolean
score_ranked_parts (SearchPart             *parts,
                    guint                   n_parts,
                    VankhoFtsPhraseCounts  *counts,
                    GCancellable           *cancellable,
                    GError                **error)
{
  g_autofree sqlite3_int64 *n_with_phrase = NULL;
  g_autofree double *idf = NULL;
  sqlite3_int64 n_rows = 0;
  int n_phrases = 0;

  for (guint i = 0; i < n_parts; i++)
    if (parts[i].sink.n_phrases > 1)
      {
        n_phrases = parts[i].sink.n_phrases;
        n_rows = parts[i].sink.n_rows;
      }
  if (n_phrases == 0)
    return TRUE;

  n_with_phrase = g_new0 (sqlite3_int64, n_phrases);
  for (guint i = 0; i < n_parts; i++)
    for (int j = 0; parts[i].sink.n_with_phrase != NULL && j < n_phrases; j++)
      n_with_phrase[j] += parts[i].sink.n_with_phrase[j];

  if (vankho_fts_phrase_counts_set_known (counts, n_phrases, n_rows, n_with_phrase) &&
      !run_search_parts (parts, n_parts, count_ranked_phrases, cancellable, error))
    return FALSE;

  idf = g_new (double, n_phrases);
  vankho_fts_phrase_counts_get_idf (counts, n_rows, idf);
  for (guint i = 0; i < n_parts; i++)
    parts[i].idf = idf;

  return run_search_parts (parts, n_parts, score_ranked_hits, cancellable, error);
}

/* Whether @a comes before @b in sort_ranked_ids()' order. */
static inline gboolean
ranks_before (const RankedId *a,
              const RankedId *b)
{
  return a->key < b->key || (a->key == b->key && a->id > b->id);
}

/* Opens the connections for @n_parts parts of a search, all but the
 * first, unless they are open; returns how many parts there can be.
 * Called under reader_lock. */
static guint
open_search_helpers (VankhoLibrary *self,
                     guint          n_parts)
{
  while (self->search_helpers->len + 1 < n_parts)
    {
      SearchHelper helper = { open_connection (self, FALSE, NULL), NULL, NULL, NULL };

      if (helper.db == NULL)
        break;
      helper.hits = g_array_new (FALSE, FALSE, sizeof (RankedId));
      helper.spare = g_array_new (FALSE, FALSE, sizeof (RankedId));
      helper.freqs = g_array_new (FALSE, FALSE, sizeof (double));
      g_array_append_val (self->search_helpers, helper);
    }

  return CLAMP (n_parts, 1, self->search_helpers->len + 1);
}

/* How many parts a ranked search over the ids from @first to @last is
 * split into, and the connections for all but the first, opened on first
 * use. Called under reader_lock.
 */
static guint
prepare_search_parts (VankhoLibrary *self,
                      gint64         first,
                      gint64         last)
{
  guint n_parts = self->search_parts_max;

  if (self->search_part_rows > 0)
    n_parts = (guint) MIN ((gint64) n_parts, (last - first + 1) / self->search_part_rows);

  return open_search_helpers (self, n_parts);
}

/* For tests: whether a search of words alone is read from the index
 * (see search_index()) or run through FTS5. */
void
vankho_library_set_search_index (VankhoLibrary *self,
                                 gboolean       search_index)
{
  g_return_if_fail (VANKHO_IS_LIBRARY (self));

  g_mutex_lock (&self->reader_lock);
  self->search_index = search_index;
  g_mutex_unlock (&self->reader_lock);
}

/* For tests: split ranked searches into up to @parts_max parts of at
 * least @part_rows ids each (0: any number). */
void
vankho_library_set_search_split (VankhoLibrary *self,
                                 guint          parts_max,
                                 gint64         part_rows)
{
  g_return_if_fail (VANKHO_IS_LIBRARY (self));
  g_return_if_fail (parts_max >= 1 && parts_max <= SEARCH_PARTS_MAX);

  g_mutex_lock (&self->reader_lock);
  self->search_parts_max = parts_max;
  self->search_part_rows = part_rows;
  g_mutex_unlock (&self->reader_lock);
}

/* Steps @stmt, prepared on the reader, and returns the ids in its first
 * column, in the order it gives them. */
static GArray *
collect_ids (VankhoLibrary  *self,
             sqlite3_stmt   *stmt,
             GError        **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      vankho_library_set_sqlite_error (error, self->reader, self->path);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* The ids of the articles that are versions of another, ascending: a
 * ranked search leaves them out as it ranks (see rank_hits_function()). */
static GArray *
read_version_ids (VankhoLibrary  *self,
                  GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GArray *ids;

  /* Sorted here: asked for in order, SQLite scans the whole table rather
   * than the small partial index articles_versions. */
  stmt = vankho_library_prepare (self, self->reader,
                                 "SELECT id FROM articles WHERE version_of IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;

  ids = collect_ids (self, stmt, error);
  if (ids != NULL)
    g_array_sort (ids, compare_ids_ascending);

  return ids;
}

/* Runs a ranked search and sorts its hits. A search built with an id range
 * (see build_id_query()) is split by id across the processors, each part
 * on a connection and a thread of its own: a common word matches most of
 * the archive, and FTS5 walks its matches and the rank reads each one's
 * positions on one core. The parts share the phrases' counts over the
 * whole index (each counted by one of them), so the scores are those of
 * one search; each part sorts its hits and the sorted parts are merged.
 */
static GArray *
run_ranked_query (VankhoLibrary  *self,
                  const char     *sql,
                  GArray         *params,
                  const char     *match,
                  guint           limit,
                  GCancellable   *cancellable,
                  GError        **error)
{
  SearchPart parts[SEARCH_PARTS_MAX] = { { 0 } };
  g_autoptr(VankhoFtsPhraseCounts) counts = vankho_fts_phrase_counts_new ();
  g_autoptr(GArray) versions = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 first = 0, last = -1;
  guint n_parts = 1;
  guint n_hits = 0;
  gboolean ok;
  guint n;

  if (strstr (sql, ":first") != NULL &&
      (!read_int (self, self->reader, "SELECT min(id) FROM articles", &first, error) ||
       !read_int (self, self->reader, "SELECT max(id) FROM articles", &last, error)))
    return NULL;
  if (last >= first)
    n_parts = prepare_search_parts (self, first, last);

  versions = read_version_ids (self, error);
  if (versions == NULL)
    return NULL;

  for (guint i = 0; i < n_parts; i++)
    {
      SearchPart *part = &parts[i];
      SearchHelper *helper = i > 0 ? &g_array_index (self->search_helpers, SearchHelper, i - 1) : NULL;

      part->self = self;
      part->db = helper != NULL ? helper->db : self->reader;
      part->sql = sql;
      part->params = params;
      part->match = match;
      /* The outer parts are open-ended, so that the parts together are
       * the whole search whatever was added or removed meanwhile. */
      part->first = i == 0 ? G_MININT64 : first + (last - first + 1) * i / n_parts;
      part->last = i == n_parts - 1 ? G_MAXINT64 : first + (last - first + 1) * (i + 1) / n_parts - 1;
      part->cancellable = cancellable;
      part->counts = counts;
      part->spare = helper != NULL ? helper->spare : self->ranked_spare;
      part->sink.hits = helper != NULL ? helper->hits : self->ranked_hits;
      part->sink.freqs = helper != NULL ? helper->freqs : self->ranked_freqs;
      part->sink.excluded = (const gint64 *) versions->data;
      part->sink.n_excluded = versions->len;
    }

  ok = run_search_parts (parts, n_parts, collect_ranked_hits, cancellable, error) &&
       score_ranked_parts (parts, n_parts, counts, cancellable, error);
  for (guint i = 0; i < n_parts; i++)
    g_clear_pointer (&parts[i].sink.n_with_phrase, g_free);
  if (!ok)
    return NULL;

  for (guint i = 0; i < n_parts; i++)
    n_hits += parts[i].sink.hits->len;
  n = limit > 0 ? MIN (limit, n_hits) : n_hits;

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_array_set_size (ids, n);
  for (guint k = 0; k < n; k++)
    {
      SearchPart *best = NULL;

      for (guint i = 0; i < n_parts; i++)
        {
          SearchPart *part = &parts[i];

          if (part->next < part->sink.hits->len &&
              (best == NULL || ranks_before (&part->sorted[part->next], &best->sorted[best->next])))
            best = part;
        }
      g_array_index (ids, gint64, k) = best->sorted[best->next++].id;
    }

  return g_steal_pointer (&ids);
}

/* The most words a search read from the index may have. */
#define INDEX_SEARCH_WORDS_MAX 16

static gboolean
is_one_token (const char *token,
              gsize       token_len,
              gsize       start,
              gsize       end,
              gpointer    user_data)
{
  const char **word = user_data;

  *word = strlen (*word) == token_len && memcmp (*word, token, token_len) == 0 ? NULL : "";
  return FALSE;
}

/* Splits @match into its words if it is words alone, '"w1" AND "w2" *':
 * each a single token as the tokenizer gives it, a prefix or not. Phrases,
 * alternatives and exclusions are left to FTS5. */
static gboolean
split_word_match (const char *match,
                  GPtrArray  *words,
                  gboolean   *prefixes)
{
  g_auto(GStrv) parts = g_strsplit (match, " AND ", -1);

  if (g_strv_length (parts) > INDEX_SEARCH_WORDS_MAX)
    return FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = parts[i];
      gsize len = strlen (part);
      g_autofree char *word = NULL;
      const char *check;

      prefixes[i] = g_str_has_suffix (part, "\" *");
      if (prefixes[i])
        len -= 2;
      if (len < 3 || part[0] != '"' || part[len - 1] != '"')
        return FALSE;
      word = g_strndup (part + 1, len - 2);
      if (strpbrk (word, "\" ") != NULL)
        return FALSE;

      /* A word the tokenizer would read as another, or as several, is not
       * one token. */
      check = word;
      vankho_text_foreach_token (word, strlen (word), is_one_token, &check);
      if (check != NULL)
        return FALSE;

      g_ptr_array_add (words, g_steal_pointer (&word));
    }

  return words->len > 0;
}

/* One of the readers of a search's words, each on a connection and a
 * thread of its own (on one connection, they waited on its mutex more
 * than they read). They take units of work in turn from @next: first
 * each word in each segment, the largest (oldest) segments first, then
 * each word to merge. */
typedef struct
{
  VankhoFtsPostingsReader         *reader;
  VankhoFtsPostingsReader * const *readers;   /* all of the search's */
  guint                            n_readers;
  GPtrArray                       *words;
  const gboolean                  *prefixes;
  GPtrArray                       *postings;
  int                              n_segments;
  gint                            *next;
  GCancellable                    *cancellable;
  int                              rc;
} WordReader;

static gpointer
collect_words (gpointer data)
{
  WordReader *reading = data;
  guint n_words = reading->words->len;
  int unit;

  while (reading->rc == SQLITE_OK &&
         (unit = g_atomic_int_add (reading->next, 1)) < (int) n_words * reading->n_segments)
    {
      guint word = unit % n_words;

      reading->rc = vankho_fts_postings_reader_collect (reading->reader, word,
                                                        g_ptr_array_index (reading->words, word),
                                                        reading->prefixes[word], unit / n_words,
                                                        reading->cancellable);
    }

  return NULL;
}

static gpointer
merge_words (gpointer data)
{
  WordReader *reading = data;
  int word;

  while ((word = g_atomic_int_add (reading->next, 1)) < (int) reading->words->len)
    {
      GArray *postings = g_ptr_array_index (reading->postings, word);

      g_array_set_size (postings, 0);
      vankho_fts_postings_merge (reading->readers, reading->n_readers, word, reading->reader, postings);
    }

  return NULL;
}

/* Runs @func for each of the @n_readers, the first here. */
static void
run_word_readers (WordReader  *readers,
                  guint        n_readers,
                  GThreadFunc  func)
{
  GThread *threads[SEARCH_PARTS_MAX] = { NULL };

  for (guint i = 1; i < n_readers; i++)
    threads[i] = g_thread_try_new ("vankho-search", func, &readers[i], NULL);
  func (&readers[0]);
  /* Without a thread the reader's share is left to the others. */
  for (guint i = 1; i < n_readers; i++)
    if (threads[i] != NULL)
      g_thread_join (threads[i]);
}

/* Reads each word's rows into the library's kept arrays, the work shared
 * out between the processors. Returns the number of rows in the index,
 * or -1 and the first error in @rc. */
static sqlite3_int64
read_word_postings (VankhoLibrary  *self,
                    GPtrArray      *words,
                    const gboolean *prefixes,
                    GCancellable   *cancellable,
                    int            *rc)
{
  WordReader readers[SEARCH_PARTS_MAX];
  guint n_readers;
  sqlite3_int64 n_rows = -1;
  int n_segments;
  gint next = 0;

  while (self->word_postings->len < words->len)
    g_ptr_array_add (self->word_postings, g_array_new (FALSE, FALSE, sizeof (VankhoFtsPosting)));
  if (self->postings_readers[0] == NULL)
    self->postings_readers[0] = vankho_fts_postings_reader_new (self->reader, "articles_fts");

  *rc = vankho_fts_postings_reader_begin (self->postings_readers[0]);
  n_segments = vankho_fts_postings_reader_get_n_segments (self->postings_readers[0]);
  n_readers = *rc != SQLITE_OK ? 1 :
    open_search_helpers (self, MIN (self->search_parts_max, (guint) MAX (1, (int) words->len * n_segments)));
  for (guint i = 1; *rc == SQLITE_OK && i < n_readers; i++)
    {
      VankhoFtsPostingsReader **reader = &self->postings_readers[i];
      int helper_rc;

      if (*reader == NULL)
        *reader = vankho_fts_postings_reader_new (g_array_index (self->search_helpers, SearchHelper, i - 1).db,
                                                  "articles_fts");
      /* A helper that cannot read, or that reads what a write has
       * changed meanwhile, is left out: the others share its work. */
      helper_rc = vankho_fts_postings_reader_begin (*reader);
      if (helper_rc != SQLITE_OK ||
          !vankho_fts_postings_reader_reads_same (*reader, self->postings_readers[0]))
        {
          for (guint j = i + 1; j-- > 1;)
            vankho_fts_postings_reader_end (self->postings_readers[j]);
          n_readers = 1;
        }
    }

  for (guint i = 0; i < n_readers; i++)
    readers[i] = (WordReader) {
      self->postings_readers[i], self->postings_readers, n_readers, words, prefixes,
      self->word_postings, n_segments, &next, cancellable, SQLITE_OK,
    };

  if (*rc == SQLITE_OK)
    {
      n_rows = vankho_fts_postings_reader_get_n_rows (self->postings_readers[0]);
      run_word_readers (readers, n_readers, collect_words);
      for (guint i = 0; *rc == SQLITE_OK && i < n_readers; i++)
        *rc = readers[i].rc;
    }
  if (*rc == SQLITE_OK)
    {
      next = 0;
      run_word_readers (readers, n_readers, merge_words);
    }

  for (guint i = n_readers; i-- > 0;)
    vankho_fts_postings_reader_end (self->postings_readers[i]);

  return *rc == SQLITE_OK ? n_rows : -1;
}

/* The ids, ascending, of the articles in @query's province, citing its
 * document and bearing its tag, whichever it asks for: NULL with no
 * error if it asks for none. The same terms as append_filter_terms(). */
static GArray *
read_filter_ids (VankhoLibrary            *self,
                 const VankhoArticleQuery *query,
                 const char               *tag_key,
                 GError                  **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (query->province != NULL)
    g_string_append (sql, "SELECT article_id FROM places WHERE province = ?1 AND role != 'excluded'");
  if (query->document_id > 0)
    g_string_append_printf (sql, "%sSELECT c.article_id FROM citations c"
                                 " WHERE c.document_id IN (SELECT ?2 UNION SELECT id FROM documents"
                                 "   WHERE merged_into = ?2) AND NOT c.rejected",
                            sql->len > 0 ? " INTERSECT " : "");
  if (tag_key != NULL)
    g_string_append_printf (sql, "%sSELECT at.article_id FROM article_tags at"
                                 " JOIN tags t ON t.id = at.tag_id WHERE t.key = ?3",
                            sql->len > 0 ? " INTERSECT " : "");
  if (sql->len == 0)
    return NULL;
  /* An id may come twice (a province named as primary and mentioned):
   * search_index() walks past repeats. */
  g_string_append (sql, " ORDER BY 1");

  stmt = vankho_library_prepare (self, self->reader, sql->str, error);
  if (stmt == NULL)
    return NULL;
  /* By number: a parameter the statement does not use is out of its
   * range, or unused, and binding it does nothing. */
  sqlite3_bind_text (stmt, 1, query->province, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, query->document_id);
  sqlite3_bind_text (stmt, 3, tag_key, -1, SQLITE_STATIC);

  return collect_ids (self, stmt, error);
}

/* A search of words alone over the whole archive, ranked, read from the
 * index itself (vankho-fts-postings.c) rather than through FTS5's
 * iterator and a function call per match: each word's rows in id order,
 * the rows that hold them all scored as vankho_rank() scores them, then
 * sorted as run_ranked_query() sorts. At a million articles a common word
 * took 80–190 ms through FTS5, most of it FTS5's walk of its matches and
 * SQLite's program around each.
 *
 * Returns NULL without an error when the search or the index is not one
 * read here; the caller then searches through FTS5, which also reports
 * an index that does not parse.
 */
static GArray *
search_index (VankhoLibrary            *self,
              const VankhoArticleQuery *query,
              const char               *match,
              const char               *tag_key,
              guint                     limit,
              GCancellable             *cancellable,
              GError                  **error)
{
  /* The title weighs 4, as in the index's rank, bm25(4.0, 1.0). */
  static const double weights[VANKHO_FTS_POSTING_COLUMNS] = { 4.0, 1.0 };
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) versions = NULL;
  g_autoptr(GArray) filtered = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) filter_error = NULL;
  gboolean prefixes[INDEX_SEARCH_WORDS_MAX];
  const VankhoFtsPosting *lists[INDEX_SEARCH_WORDS_MAX];
  guint lengths[INDEX_SEARCH_WORDS_MAX];
  guint next[INDEX_SEARCH_WORDS_MAX] = { 0 };
  double idf[INDEX_SEARCH_WORDS_MAX];
  const gint64 *excluded;
  guint n_excluded, next_excluded = 0;
  guint next_filtered = 0;
  guint shortest = 0;
  RankedId *hits;
  const RankedId *sorted;
  guint n_hits = 0;
  sqlite3_int64 n_rows;
  guint n;
  int rc;

  if (!split_word_match (match, words, prefixes))
    return NULL;

  versions = read_version_ids (self, error);
  if (versions == NULL)
    return NULL;
  excluded = (const gint64 *) versions->data;
  n_excluded = versions->len;

  filtered = read_filter_ids (self, query, tag_key, &filter_error);
  if (filter_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&filter_error));
      return NULL;
    }

  n_rows = read_word_postings (self, words, prefixes, cancellable, &rc);
  if (rc == SQLITE_INTERRUPT || g_cancellable_is_cancelled (cancellable))
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return NULL;
    }
  if (rc != SQLITE_OK)
    {
      g_debug ("Searching “%s” through FTS5: its index was not read (%s)", match, sqlite3_errstr (rc));
      return NULL;
    }

  for (guint i = 0; i < words->len; i++)
    {
      GArray *postings = g_ptr_array_index (self->word_postings, i);

      lists[i] = (const VankhoFtsPosting *) postings->data;
      lengths[i] = postings->len;
      /* With one word the idf scales every score alike: as vankho_rank(). */
      idf[i] = words->len == 1 ? 1.0 :
        vankho_fts_phrase_idf (n_rows, postings->len);
      if (lengths[i] < lengths[shortest])
        shortest = i;
    }

  /* The rows that hold every word, in id order, walked from the rarest. */
  g_array_set_size (self->ranked_hits, lengths[shortest]);
  hits = (RankedId *) self->ranked_hits->data;
  for (guint k = 0; k < lengths[shortest]; k++)
    {
      gint64 id = lists[shortest][k].id;
      double score = 0.0;
      gboolean all = TRUE;

      for (guint i = 0; all && i < words->len; i++)
        {
          while (next[i] < lengths[i] && lists[i][next[i]].id < id)
            next[i]++;
          all = next[i] < lengths[i] && lists[i][next[i]].id == id;
        }
      if (!all)
        continue;
      if (filtered != NULL)
        {
          const gint64 *in = (const gint64 *) filtered->data;

          while (next_filtered < filtered->len && in[next_filtered] < id)
            next_filtered++;
          if (next_filtered == filtered->len || in[next_filtered] != id)
            continue;
        }
      while (next_excluded < n_excluded && excluded[next_excluded] < id)
        next_excluded++;
      if (next_excluded < n_excluded && excluded[next_excluded] == id)
        continue;

      /* As phrase_freq() and score_row() add them up, to the same bits. */
      for (guint i = 0; i < words->len; i++)
        {
          const VankhoFtsPosting *posting = &lists[i][next[i]];
          double freq = 0.0;

          for (guint c = 0; c < VANKHO_FTS_POSTING_COLUMNS; c++)
            freq += posting->n[c] * weights[c];
          score += vankho_fts_phrase_score (idf[i], freq);
        }

      hits[n_hits].key = vankho_fts_rank_key (-score);
      hits[n_hits].id = id;
      n_hits++;
    }

  g_array_set_size (self->ranked_spare, n_hits);
  sorted = n_hits > 0 ? sort_ranked_ids (hits, (RankedId *) self->ranked_spare->data, n_hits) : hits;

  n = limit > 0 ? MIN (limit, n_hits) : n_hits;
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_array_set_size (ids, n);
  for (guint k = 0; k < n; k++)
    g_array_index (ids, gint64, k) = sorted[k].id;
  self->n_index_searches++;

  return g_steal_pointer (&ids);
}

static GArray *
run_id_query (VankhoLibrary  *self,
              const char     *sql,
              GArray         *params,
              const char     *match,
              gboolean        ranked,
              guint           limit,
              GCancellable   *cancellable,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = NULL;
  int rc;

  if (ranked)
    return run_ranked_query (self, sql, params, match, limit, cancellable, error);

  stmt = vankho_library_prepare (self, self->reader, sql, error);
  if (stmt == NULL)
    return NULL;

  bind_params (stmt, params);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_count (stmt), limit > 0 ? (gint64) limit : -1);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      set_step_error (self, self->reader, rc, cancellable, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Appends the terms that every way of listing shares: @id is the article's
 * id and @date its date, in whatever table the query reads them from
 * (articles, or the copy a place or a citation carries); @by_place and
 * @by_citation leave out the filter the query is already driven by, and
 * @ranked the versions, which vankho_rank_hits() leaves out.
 */
static void
append_filter_terms (GString                  *sql,
                     const VankhoArticleQuery *query,
                     const char               *id,
                     const char               *date,
                     const char               *exclude,
                     const char               *tag_key,
                     gboolean                  by_place,
                     gboolean                  by_citation,
                     gboolean                  ranked,
                     GArray                   *params)
{
  /* A story shows once, however many versions of it came in. Asked of the
   * small partial index articles_versions rather than as 'a.version_of IS
   * NULL': that column comes after the body in the row, so reading it walks
   * the body's overflow pages, for every candidate row. This way the date
   * order is answered from an index alone and a search never reads the
   * articles it ranks.
   */
  if (!ranked)
    g_string_append_printf (sql, " AND %s NOT IN (SELECT id FROM articles WHERE version_of IS NOT NULL)", id);

  if (exclude != NULL)
    {
      g_string_append_printf (sql, " AND %s NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", id);
      add_text_param (params, exclude);
    }
  if (query->province != NULL && !by_place)
    {
      g_string_append_printf (sql, " AND %s IN (SELECT article_id FROM places WHERE province = ?"
                                   " AND role != 'excluded')", id);
      add_text_param (params, query->province);
    }
  if (query->document_id > 0 && !by_citation)
    {
      /* A document merged into another brings its citations along. Written
       * as a list of document ids so that citations_by_document_date is
       * used; an OR across the join made SQLite scan every citation. */
      g_string_append_printf (sql, " AND %s IN (SELECT c.article_id FROM citations c"
                                   " WHERE c.document_id IN (SELECT ? UNION SELECT id FROM documents"
                                   "   WHERE merged_into = ?) AND NOT c.rejected)", id);
      add_int_param (params, query->document_id);
      add_int_param (params, query->document_id);
    }
  /* A date known to the month compares with the month of each bound. The
   * first term of each pair is looser and can use the date index (every
   * date has at least its year, and a prefix sorts before the whole), so
   * the exact test runs on the range only.
   */
  if (query->date_from != NULL)
    {
      g_string_append_printf (sql, " AND %s >= substr (?, 1, 4)"
                                   " AND %s >= substr (?, 1, length (%s))", date, date, date);
      add_text_param (params, query->date_from);
      add_text_param (params, query->date_from);
    }
  if (query->date_to != NULL)
    {
      g_string_append_printf (sql, " AND %s <= ?"
                                   " AND %s <= substr (?, 1, length (%s))", date, date, date);
      add_text_param (params, query->date_to);
      add_text_param (params, query->date_to);
    }
  if (query->source_id > 0)
    {
      g_string_append (sql, " AND a.source_id = ?");
      add_int_param (params, query->source_id);
    }
  if (query->outlet != NULL)
    {
      g_string_append (sql, " AND a.outlet = ?");
      add_text_param (params, query->outlet);
    }
  if (tag_key != NULL)
    {
      g_string_append_printf (sql, " AND %s IN (SELECT at.article_id FROM article_tags at"
                                   " JOIN tags t ON t.id = at.tag_id WHERE t.key = ?)", id);
      add_text_param (params, tag_key);
    }
  if (query->unread_only)
    g_string_append (sql, " AND a.is_read = 0");
  if (query->starred_only)
    g_string_append (sql, " AND a.is_starred = 1");
}

/* Without a search, a province or a document filter lists from the places
 * or the citations, which carry their article's date (schemas 7 and 5):
 * places_by_province_date and citations_by_document_date give the ids in
 * date order, so neither a sort nor a look-up of each article's date, which
 * was most of the time (at 100 000 articles, 13 000 and 44 000 random
 * reads in a 1.2 GB file). An article's places, or its citations of one
 * entry, share its date, so they are neighbours in the index: DISTINCT and
 * UNION drop them as they come, without a sort. Not for the filters that
 * need the article's row (see build_id_query()).
 */
static char *
build_indexed_query (const VankhoArticleQuery *query,
                     VankhoArticleSort         sort,
                     const char               *exclude,
                     const char               *tag_key,
                     GArray                   *params)
{
  GString *sql = g_string_new (NULL);

  if (query->province != NULL)
    {
      g_string_append (sql, "SELECT DISTINCT p.article_id, p.published FROM places p"
                            " WHERE p.province = ? AND p.role != 'excluded'");
      add_text_param (params, query->province);
      append_filter_terms (sql, query, "p.article_id", "p.published", exclude, tag_key, TRUE, FALSE, FALSE, params);

      if (sort == VANKHO_ARTICLE_SORT_OLDEST)
        g_string_append (sql, " ORDER BY p.published IS NULL, p.published, p.article_id");
      else
        g_string_append (sql, " ORDER BY p.published DESC, p.article_id DESC");
      g_string_append (sql, " LIMIT ?");

      return g_string_free (sql, FALSE);
    }

  /* A document merged into another brings its citations along: the
   * entry's own and its merged entries' are two arms, each in date order,
   * that UNION merges; 'IN (the family)' made SQLite sort them all. */
  if (sort == VANKHO_ARTICLE_SORT_OLDEST)
    g_string_append (sql, "SELECT article_id FROM (");
  for (guint arm = 0; arm < 2; arm++)
    {
      if (arm > 0)
        g_string_append (sql, " UNION ");
      if (arm == 0)
        g_string_append (sql, "SELECT c.article_id, c.published FROM citations c"
                              " WHERE c.document_id = ? AND NOT c.rejected");
      else
        g_string_append (sql, "SELECT c.article_id, c.published FROM citations c"
                              " WHERE c.document_id IN (SELECT id FROM documents WHERE merged_into = ?)"
                              " AND NOT c.rejected");
      add_int_param (params, query->document_id);
      append_filter_terms (sql, query, "c.article_id", "c.published", exclude, tag_key, FALSE, TRUE, FALSE, params);
    }

  if (sort == VANKHO_ARTICLE_SORT_OLDEST)
    g_string_append (sql, ") ORDER BY published IS NULL, published, article_id");
  else
    g_string_append (sql, " ORDER BY 2 DESC, 1 DESC");
  g_string_append (sql, " LIMIT ?");

  return g_string_free (sql, FALSE);
}

/* Builds the SELECT for @query with @match as the FTS5 expression (or none)
 * and @exclude for a search that only excludes. Every value is a bound
 * parameter, in @params.
 */
static char *
build_id_query (const VankhoArticleQuery *query,
                const char               *match,
                const char               *exclude,
                const char               *tag_key,
                GArray                   *params,
                gboolean                 *ranked,
                gboolean                 *index_only)
{
  GString *sql;
  VankhoArticleSort sort = query->sort;
  gboolean row_filters;
  gboolean needs_row;
  gboolean filtered;
  gsize terms_at;
  const char *id;

  if (sort == VANKHO_ARTICLE_SORT_AUTO)
    sort = match != NULL ? VANKHO_ARTICLE_SORT_RELEVANCE : VANKHO_ARTICLE_SORT_NEWEST;
  if (sort == VANKHO_ARTICLE_SORT_RELEVANCE && match == NULL)
    sort = VANKHO_ARTICLE_SORT_NEWEST;
  *ranked = sort == VANKHO_ARTICLE_SORT_RELEVANCE;
  *index_only = FALSE;

  /* These read the article's row. is_read and is_starred come after the
   * body, so reading them walks its overflow pages: listing by date from
   * the articles (articles_unread covers the unread ones) stays faster
   * than joining each place or citation to its article (12-NQ/TW unread:
   * 65 ms against 510). */
  row_filters = query->source_id > 0 || query->outlet != NULL ||
                query->unread_only || query->starred_only;

  if (match == NULL && !row_filters && (query->province != NULL || query->document_id > 0))
    return build_indexed_query (query, sort, exclude, tag_key, params);

  /* A search filtered only by what other tables know (places, citations,
   * tags, versions) and ranked by relevance is answered from the index
   * alone: joining the articles costs a b-tree seek, a random page, per
   * match, and a common word matches most of the archive.
   */
  needs_row = match == NULL || sort != VANKHO_ARTICLE_SORT_RELEVANCE ||
              query->date_from != NULL || query->date_to != NULL || row_filters;
  /* The unary plus keeps 'rowid IN (the places of a province)' from
   * becoming an FTS5 constraint: FTS5 then ran the whole MATCH once per
   * listed id (a common word and a province at 100 000 articles: 45 s
   * instead of 0.6). */
  id = needs_row ? "a.id" : "+articles_fts.rowid";

  sql = g_string_new (NULL);
  if (match != NULL)
    {
      g_string_append (sql, " FROM articles_fts");
      if (needs_row)
        g_string_append (sql, " JOIN articles a ON a.id = articles_fts.rowid");
      g_string_append (sql, " WHERE articles_fts MATCH ?");
      add_text_param (params, match);
    }
  else
    g_string_append (sql, " FROM articles a WHERE 1");

  terms_at = sql->len;
  append_filter_terms (sql, query, id, "a.published", exclude, tag_key, FALSE, FALSE, *ranked, params);
  filtered = needs_row || sql->len > terms_at;

  /* Bound by run_ranked_query(), which may split the search by id. */
  if (*ranked && !needs_row)
    g_string_append (sql, SEARCH_PART_FROM SEARCH_PART_TO);

  /* Ranked by relevance, vankho_rank_hits() collects each id with its rank
   * and run_id_query() sorts them: SQLite's sorter took as long as ranking
   * itself (a common word at 100 000 articles: 25 ms of 49). The statement
   * returns one row, a count the function's 0 keeps from counting
   * anything. With nothing but the index to ask, every row FTS5 gives is a
   * hit, and the function is a term of the WHERE clause;
   * otherwise it must only see the rows every other term lets through, so
   * it is the select list of a subquery, which LIMIT keeps SQLite from
   * folding into the count (FTS5's functions cannot run inside an
   * aggregate): a co-routine, five steps more per row. Title weighing 4 is
   * the index's stored rank, bm25(4.0, 1.0); see vankho-fts-rank.c. */
#define RANK_HITS VANKHO_FTS_RANK_HITS_NAME " (articles_fts, 4.0, 1.0, :counts, :hits)"
  /* Ranked, and asking nothing of the articles' rows: search_index() may
   * answer it from the index and the tables beside it. */
  *index_only = *ranked && !needs_row;
  if (*ranked && !filtered)
    {
      g_string_prepend (sql, "SELECT count (*)");
      g_string_append (sql, " AND " RANK_HITS " LIMIT ?");
      return g_string_free (sql, FALSE);
    }
  if (*ranked)
    g_string_prepend (sql, "SELECT count (hit) FROM (SELECT " RANK_HITS " AS hit");
  else
    g_string_prepend (sql, "SELECT a.id");
#undef RANK_HITS

  switch (sort)
    {
    case VANKHO_ARTICLE_SORT_RELEVANCE:
      /* run_id_query() sorts by the rank selected above. */
      break;
    case VANKHO_ARTICLE_SORT_OLDEST:
      g_string_append (sql, " ORDER BY a.published IS NULL, a.published, a.id");
      break;
    case VANKHO_ARTICLE_SORT_NEWEST:
    case VANKHO_ARTICLE_SORT_AUTO:
    default:
      g_string_append (sql, " ORDER BY a.published DESC, a.id DESC");
      break;
    }

  g_string_append (sql, " LIMIT ?");
  if (*ranked)
    g_string_append (sql, ")");

  return g_string_free (sql, FALSE);
}

/**
 * vankho_library_query_article_ids:
 * @query: (nullable): what to find; %NULL for every article
 * @limit: most ids to return, 0 for all
 * @match_used: (out) (optional) (transfer full): the FTS5 expression that ran,
 *   for snippets; %NULL when nothing was searched
 * @cancellable: (nullable): stops a long query
 *
 * Finds articles: by relevance (bm25, title weighing more) when searching,
 * newest first otherwise, unless @query says another order. Runs on the
 * reader connection and may be called from a worker thread. A search that
 * FTS5 cannot run falls back to all its words, so typing never produces an
 * error.
 *
 * Returns: (transfer full) (element-type gint64): the ids, in order
 */
GArray *
vankho_library_query_article_ids (VankhoLibrary            *self,
                                  const VankhoArticleQuery *query,
                                  guint                     limit,
                                  char                    **match_used,
                                  GCancellable             *cancellable,
                                  GError                  **error)
{
  static const VankhoArticleQuery everything = { 0 };
  g_autoptr(VankhoSearchQuery) parsed = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) params = g_array_new (FALSE, FALSE, sizeof (Param));
  g_autofree char *match = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *tag_key = NULL;
  const char *exclude = NULL;
  gboolean ranked = FALSE;
  gboolean index_only = FALSE;
  GArray *ids = NULL;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), NULL);

  if (match_used != NULL)
    *match_used = NULL;
  if (query == NULL)
    query = &everything;

  parsed = vankho_search_query_parse (query->text);
  if (vankho_search_query_get_match (parsed) != NULL && vankho_search_query_get_exclude (parsed) != NULL)
    match = g_strdup_printf ("(%s) NOT (%s)", vankho_search_query_get_match (parsed),
                             vankho_search_query_get_exclude (parsed));
  else if (vankho_search_query_get_match (parsed) != NULL)
    match = g_strdup (vankho_search_query_get_match (parsed));
  else
    exclude = vankho_search_query_get_exclude (parsed);

  locker = g_mutex_locker_new (&self->reader_lock);
  if (cancellable != NULL)
    sqlite3_progress_handler (self->reader, 1000, check_cancelled, cancellable);

  tag_key = query->tag ? vankho_text_fold (query->tag, -1) : NULL;
  sql = build_id_query (query, match, exclude, tag_key, params, &ranked, &index_only);
  if (index_only && self->search_index)
    ids = search_index (self, query, match, tag_key, limit, cancellable, &local_error);
  if (ids == NULL && local_error == NULL)
    ids = run_id_query (self, sql, params, match, ranked, limit, cancellable, &local_error);

  if (ids == NULL && match != NULL &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("Search “%s” failed (%s); searching its words instead", match, local_error->message);
      g_clear_error (&local_error);
      g_free (match);
      g_free (sql);
      g_array_set_size (params, 0);
      match = g_strdup (vankho_search_query_get_plain (parsed));
      sql = build_id_query (query, match, NULL, tag_key, params, &ranked, &index_only);
      ids = run_id_query (self, sql, params, match, ranked, limit, cancellable, &local_error);
    }

  sqlite3_progress_handler (self->reader, 0, NULL, NULL);

  if (ids == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (match_used != NULL)
    *match_used = g_steal_pointer (&match);

  return ids;
}

/**
 * vankho_library_count_articles:
 *
 * Returns: the number of articles, or -1 on error
 */
gint64
vankho_library_count_articles (VankhoLibrary  *self,
                               GError        **error)
{
  gint64 n = 0;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), -1);

  if (!read_int (self, self->db, "SELECT count(*) FROM articles", &n, error))
    return -1;

  return n;
}

/**
 * vankho_library_get_stats:
 * @stats: (out caller-allocates): filled in; clear with
 *   vankho_library_stats_clear()
 */
gboolean
vankho_library_get_stats (VankhoLibrary       *self,
                          VankhoLibraryStats  *stats,
                          GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  memset (stats, 0, sizeof *stats);

  stmt = vankho_library_prepare (self, self->db,
                  "SELECT (SELECT count(*) FROM articles),"
                  "       (SELECT count(*) FROM articles WHERE is_sample),"
                  "       (SELECT count(*) FROM sources),"
                  "       (SELECT count(*) FROM documents),"
                  "       (SELECT count(*) FROM citations),"
                  "       (SELECT count(*) FROM places),"
                  "       (SELECT min(published) FROM articles),"
                  "       (SELECT max(published) FROM articles)", error);
  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      vankho_library_set_sqlite_error (error, self->db, self->path);
      return FALSE;
    }

  stats->articles = sqlite3_column_int64 (stmt, 0);
  stats->samples = sqlite3_column_int64 (stmt, 1);
  stats->sources = sqlite3_column_int64 (stmt, 2);
  stats->documents = sqlite3_column_int64 (stmt, 3);
  stats->citations = sqlite3_column_int64 (stmt, 4);
  stats->places = sqlite3_column_int64 (stmt, 5);
  stats->oldest = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  stats->newest = g_strdup ((const char *) sqlite3_column_text (stmt, 7));

  return TRUE;
}

void
vankho_library_stats_clear (VankhoLibraryStats *stats)
{
  g_clear_pointer (&stats->oldest, g_free);
  g_clear_pointer (&stats->newest, g_free);
}

/* Runs an UPDATE of article @id prepared in @stmt; no row changed means no
 * such article.
 */
static gboolean
run_article_update (VankhoLibrary  *self,
                    sqlite3_stmt   *stmt,
                    gint64          id,
                    GError        **error)
{
  sqlite3_bind_int64 (stmt, 1, id);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      vankho_library_set_sqlite_error (error, self->db, self->path);
      return FALSE;
    }

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_FOUND,
                   _("No article with id %" PRId64 " in the library"), id);
      return FALSE;
    }

  return TRUE;
}

/* @sql updates article ?1 with the value ?2. */
static gboolean
update_article_flag (VankhoLibrary  *self,
                     const char     *sql,
                     gint64          id,
                     gboolean        value,
                     GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = vankho_library_prepare (self, self->db, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 2, !!value);
  return run_article_update (self, stmt, id, error);
}

/* @sql updates article ?1 with the text ?2; %NULL stores SQL NULL. */
static gboolean
update_article_text (VankhoLibrary  *self,
                     const char     *sql,
                     gint64          id,
                     const char     *text,
                     GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = vankho_library_prepare (self, self->db, sql, error);

  if (stmt == NULL)
    return FALSE;

  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  return run_article_update (self, stmt, id, error);
}

gboolean
vankho_library_set_read (VankhoLibrary  *self,
                         gint64          id,
                         gboolean        read,
                         GError        **error)
{
  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), FALSE);

  return update_article_flag (self, "UPDATE articles SET is_read = ?2 WHERE id = ?1", id, read, error);
}

gboolean
vankho_library_set_starred (VankhoLibrary  *self,
                            gint64          id,
                            gboolean        starred,
                            GError        **error)
{
  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), FALSE);

  return update_article_flag (self, "UPDATE articles SET is_starred = ?2 WHERE id = ?1", id, starred, error);
}

/**
 * vankho_library_set_note:
 * @note: (nullable): the user's note; %NULL or blank removes it
 */
gboolean
vankho_library_set_note (VankhoLibrary  *self,
                         gint64          id,
                         const char     *note,
                         GError        **error)
{
  g_autofree char *trimmed = note ? g_strstrip (g_strdup (note)) : NULL;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), FALSE);

  if (trimmed != NULL && *trimmed == '\0')
    g_clear_pointer (&trimmed, g_free);

  return update_article_text (self, "UPDATE articles SET note = ?2 WHERE id = ?1", id, trimmed, error);
}

static char *
clean_tag (const char *tag)
{
  g_autofree char *normalized = NULL;

  if (tag == NULL)
    return NULL;

  normalized = vankho_text_normalize (tag, -1);
  if (normalized == NULL || *normalized == '\0' || strchr (normalized, '\n') != NULL)
    return NULL;

  return g_steal_pointer (&normalized);
}

static gboolean
run_tag_statement (VankhoLibrary  *self,
                   const char     *sql,
                   gint64          id,
                   const char     *name,
                   const char     *key,
                   GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = vankho_library_prepare (self, self->db, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, key, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      vankho_library_set_sqlite_error (error, self->db, self->path);
      return FALSE;
    }

  return TRUE;
}

/**
 * vankho_library_add_tag:
 * @tag: a tag; case and tone marks do not make another tag
 */
gboolean
vankho_library_add_tag (VankhoLibrary  *self,
                        gint64          id,
                        const char     *tag,
                        GError        **error)
{
  g_autofree char *clean = clean_tag (tag);
  g_autofree char *key = NULL;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), FALSE);

  if (clean == NULL)
    {
      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_INVALID,
                   _("A tag must be one line of text"));
      return FALSE;
    }
  key = vankho_text_fold (clean, -1);

  if (!vankho_library_begin (self, error))
    return FALSE;

  /* The article must exist before a tag is made for it. */
  if (!update_article_text (self, "UPDATE articles SET id = id WHERE id = ?1 AND ?2 IS NULL", id, NULL, error) ||
      !run_tag_statement (self, "INSERT INTO tags (name, key) VALUES (?2, ?3)"
                                " ON CONFLICT (key) DO NOTHING", id, clean, key, error) ||
      !run_tag_statement (self, "INSERT INTO article_tags (article_id, tag_id)"
                                " SELECT ?1, id FROM tags WHERE key = ?3 AND ?2 = ?2"
                                " ON CONFLICT DO NOTHING", id, clean, key, error))
    {
      vankho_library_rollback (self);
      return FALSE;
    }

  return vankho_library_commit (self, error);
}

gboolean
vankho_library_remove_tag (VankhoLibrary  *self,
                           gint64          id,
                           const char     *tag,
                           GError        **error)
{
  g_autofree char *clean = clean_tag (tag);
  g_autofree char *key = NULL;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), FALSE);

  if (clean == NULL)
    return TRUE;
  key = vankho_text_fold (clean, -1);

  /* A tag no article carries any more goes too. */
  return run_tag_statement (self, "DELETE FROM article_tags WHERE article_id = ?1 AND ?2 = ?2"
                                  " AND tag_id = (SELECT id FROM tags WHERE key = ?3)",
                            id, clean, key, error) &&
         run_tag_statement (self, "DELETE FROM tags WHERE key = ?3 AND ?1 = ?1 AND ?2 = ?2"
                                  " AND NOT EXISTS (SELECT 1 FROM article_tags WHERE tag_id = tags.id)",
                            id, clean, key, error);
}

/**
 * vankho_library_list_tags:
 *
 * Returns: (transfer full): every tag in use, sorted
 */
GStrv
vankho_library_list_tags (VankhoLibrary  *self,
                          GError        **error)
{
  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), NULL);

  return list_strings (self, "SELECT name FROM tags ORDER BY name", 0, error);
}

/**
 * vankho_library_list_outlets:
 *
 * Returns: (transfer full): the outlets the articles name, sorted
 */
GStrv
vankho_library_list_outlets (VankhoLibrary  *self,
                             GError        **error)
{
  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), NULL);

  return list_strings (self, "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL"
                             " ORDER BY outlet", 0, error);
}
