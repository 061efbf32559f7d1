/* vankho-library-backup.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* VankhoLibrary, continued: backups. A backup is taken with SQLite's online
 * backup API, so it is consistent even while the app writes; a restore
 * first checks that the backup is a library this version can open, and
 * keeps the library it replaces.
 */

#define G_LOG_DOMAIN "vankho-library"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vankho-library-private.h"

#define BACKUP_PREFIX "library-"
#define BACKUP_SUFFIX ".db"

/* Reads every page of @db (`PRAGMA quick_check`), so damage past the list
 * of tables, which opening never reads, is found. @name is the file the
 * user knows.
 */
static gboolean
quick_check (sqlite3       *db,
             const char    *name,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *result = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check (1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    result = (const char *) sqlite3_column_text (stmt, 0);

  if (g_strcmp0 (result, "ok") == 0)
    return TRUE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  g_debug ("quick_check of %s: %s", name, result ? result : sqlite3_errmsg (db));
  if (rc != SQLITE_ROW && (rc & 0xff) != SQLITE_CORRUPT && (rc & 0xff) != SQLITE_NOTADB &&
      (rc & 0xff) != SQLITE_IOERR)
    {
      /* Busy or out of memory: nothing is known about the file. */
      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_FAILED,
                   _("Library “%s”: %s"), name, sqlite3_errmsg (db));
      return FALSE;
    }

  /* The words SQLite uses when a read meets the damage. */
  g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY,
               _("“%s” is damaged or is not a Văn Khố library (%s)"),
               name, sqlite3_errstr (SQLITE_CORRUPT));
  return FALSE;
}

static gboolean
check_copy (sqlite3     *copy,
            sqlite3     *from,
            GError     **error)
{
  g_autofree char *name = g_filename_display_name (sqlite3_db_filename (from, "main"));

  return quick_check (copy, name, NULL, error);
}

static gboolean
copy_database (sqlite3     *from,
               const char  *to_path,
               GError     **error)
{
  g_autofree char *partial = g_strconcat (to_path, ".partial", NULL);
  sqlite3_backup *backup;
  sqlite3 *to = NULL;
  int rc;

  /* Written aside and renamed: a crash never leaves half a backup under
   * the backup's name.
   */
  g_unlink (partial);
  rc = sqlite3_open_v2 (partial, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (to, "main", from, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (to);
      else
        {
          do
            {
              rc = sqlite3_backup_step (backup, 256);
              if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                g_usleep (20 * 1000);
            }
          while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
    }

  if (rc != SQLITE_OK)
    {
      vankho_library_set_sqlite_error (error, to ? to : from, to_path);
      sqlite3_close (to);
      g_unlink (partial);
      return FALSE;
    }

  /* The backup API copies pages as they are: a library damaged past its
   * first page copies without complaint, and a damaged copy must not push
   * a good one out of the rotation.
   */
  if (!check_copy (to, from, error))
    {
      sqlite3_close (to);
      g_unlink (partial);
      return FALSE;
    }

  sqlite3_close (to);

  if (g_rename (partial, to_path) != 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (to_path);

      g_unlink (partial);
      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_OPEN,
                   _("Cannot write the backup “%s”: %s"), name, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;
  g_autofree char *ca = g_canonicalize_filename (a, NULL);
  g_autofree char *cb = g_canonicalize_filename (b, NULL);

  if (g_strcmp0 (ca, cb) == 0)
    return TRUE;

  /* Another name for it: a link, or a folder reached two ways. */
  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* The library's log and index: a copy renamed over the live log would
 * lose the commits in it. */
static gboolean
is_companion (const char *path,
              const char *library_path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *companion = g_strconcat (library_path, suffixes[i], NULL);

      if (same_file (path, companion))
        return TRUE;
    }

  return FALSE;
}

/**
 * vankho_library_backup:
 * @path: (type filename): where to write the copy; replaced if it exists
 *
 * Writes a consistent copy of the library, even while it is in use.
 */
gboolean
vankho_library_backup (VankhoLibrary  *self,
                       const char     *path,
                       GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The copy is renamed over its destination at the end: never over the
   * library itself.
   */
  if (same_file (path, self->path) || is_companion (path, self->path))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_INVALID,
                   _("“%s” is the library itself; choose another file for the backup"), name);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  g_mkdir_with_parents (dir, 0700);

  /* The reader connection, so the main one stays free for the user. */
  locker = g_mutex_locker_new (&self->reader_lock);
  return copy_database (self->reader, path, error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * vankho_library_list_backups:
 * @dir: (type filename): the backup folder
 *
 * Returns: (transfer full): the automatic backups in @dir, newest first
 */
GStrv
vankho_library_list_backups (const char *dir)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, BACKUP_PREFIX) && g_str_has_suffix (name, BACKUP_SUFFIX))
      g_ptr_array_add (names, g_strdup (name));

  /* library-YYYY-MM-DD.db sorts by date. */
  g_ptr_array_sort (names, compare_names);
  for (guint i = names->len; i > 0; i--)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i - 1), NULL);
      g_strv_builder_add (builder, path);
    }

  return g_strv_builder_end (builder);
}

/**
 * vankho_library_auto_backup:
 * @dir: (type filename): the backup folder
 * @keep: how many backups to keep
 * @made: (out) (optional) (transfer full): the new backup's path, or %NULL
 *   if today's exists already
 *
 * Takes at most one backup a day, named by the date, and removes the
 * oldest beyond @keep.
 */
gboolean
vankho_library_auto_backup (VankhoLibrary  *self,
                            const char     *dir,
                            guint           keep,
                            char          **made,
                            GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strconcat (BACKUP_PREFIX, stamp, BACKUP_SUFFIX, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_auto(GStrv) backups = NULL;
  guint n_backups;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), FALSE);

  if (made != NULL)
    *made = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!vankho_library_backup (self, path, error))
        return FALSE;
      if (made != NULL)
        *made = g_strdup (path);
    }

  /* Not past the end when fewer than @keep exist. */
  backups = vankho_library_list_backups (dir);
  n_backups = g_strv_length (backups);
  for (guint i = MAX (keep, 1); i < n_backups; i++)
    g_unlink (backups[i]);

  return TRUE;
}

/* Every connection to a library in WAL mode holds a shared lock on it for
 * as long as it is open, so an exclusive lock is refused exactly when
 * someone (this process included) has it open. Anything but "busy" means no
 * one does: a damaged file is restored over all the same.
 */
static gboolean
library_in_use (const char *path)
{
  sqlite3 *db = NULL;
  int rc;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  /* Closing must not fold a crash's log into the file: it is kept apart. */
  if (rc == SQLITE_OK)
    rc = sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; ROLLBACK;",
                       NULL, NULL, NULL);
  sqlite3_close (db);

  return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
}

/**
 * vankho_library_restore:
 * @library_path: (type filename): the library to replace; nothing may have
 *   it open
 * @backup_path: (type filename): the backup to restore
 * @kept: (out) (optional) (transfer full): where the replaced library was
 *   kept
 *
 * Replaces a library by a backup, after checking that the backup opens as a
 * library of this version (and so would not lose anything). The library it
 * replaces is kept beside it.
 */
gboolean
vankho_library_restore (const char  *library_path,
                        const char  *backup_path,
                        char       **kept,
                        GError     **error)
{
  g_autoptr(VankhoLibrary) backup = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *aside_wal = NULL;
  g_autofree char *wal = g_strconcat (library_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (library_path, "-shm", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  g_return_val_if_fail (library_path != NULL && backup_path != NULL, FALSE);

  if (kept != NULL)
    *kept = NULL;

  /* Moved aside while open, the library would go on taking the writes of
   * whoever has it, and they would be lost from the restored one.
   */
  if (library_in_use (library_path))
    {
      g_autofree char *name = g_filename_display_name (library_path);

      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_BUSY,
                   _("Not restored: the library “%s” is open in Văn Khố or another program; "
                     "close it and try again"), name);
      return FALSE;
    }

  /* Opening a missing file would create an empty library, and restore it. */
  if (!g_file_test (backup_path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *name = g_filename_display_name (backup_path);

      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_FOUND,
                   _("Not restored: there is no file “%s”"), name);
      return FALSE;
    }

  backup = vankho_library_open (backup_path, error);
  if (backup == NULL)
    {
      g_prefix_error (error, _("Not restored: "));
      return FALSE;
    }

  if (g_file_test (library_path, G_FILE_TEST_EXISTS))
    {
      aside = g_strdup_printf ("%s.before-restore-%s", library_path, stamp);
      if (g_rename (library_path, aside) != 0)
        {
          int saved = errno;
          g_autofree char *name = g_filename_display_name (library_path);

          g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_OPEN,
                       _("Cannot move the library “%s” aside: %s"), name, g_strerror (saved));
          return FALSE;
        }
      /* A log left by a crash holds the last commits: it goes with the
       * library it belongs to, which replays it when opened.
       */
      aside_wal = g_strconcat (aside, "-wal", NULL);
      if (g_file_test (wal, G_FILE_TEST_EXISTS) && g_rename (wal, aside_wal) != 0)
        g_unlink (wal);
      g_unlink (shm);
    }

  if (!vankho_library_backup (backup, library_path, error))
    {
      /* Put the old library back where it was. */
      if (aside != NULL)
        {
          g_rename (aside_wal, wal);
          g_rename (aside, library_path);
        }
      g_prefix_error (error, _("Not restored: "));
      return FALSE;
    }

  if (kept != NULL)
    *kept = g_steal_pointer (&aside);

  return TRUE;
}

/**
 * vankho_library_get_backup_dir:
 * @library_path: (type filename): a library
 *
 * Returns: (transfer full) (type filename): the folder of its automatic
 *   backups: 'backups' beside it
 */
char *
vankho_library_get_backup_dir (const char *library_path)
{
  g_autofree char *dir = g_path_get_dirname (library_path);

  return g_build_filename (dir, "backups", NULL);
}

static int
check_progress_cb (gpointer user_data)
{
  return g_cancellable_is_cancelled (user_data);
}

/**
 * vankho_library_check:
 * @cancellable: (nullable): stops the check
 *
 * Reads the whole library to find damage that opening it does not see (a
 * page of a table garbled on the disk). It takes a connection of its own,
 * read-only, so it may run in a thread while the library is in use; it
 * takes a few seconds for a library of 100 000 articles.
 *
 * Returns: %FALSE with %VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY if the library
 *   is damaged
 */
gboolean
vankho_library_check (VankhoLibrary  *self,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), FALSE);

  return vankho_library_check_file (self->path, cancellable, error);
}

/**
 * vankho_library_check_file:
 * @path: (type filename): a library, not opened
 * @cancellable: (nullable): stops the check
 *
 * vankho_library_check() on a file before it is opened as a library, which
 * may write to it (a migration, the catalogue): the file is only read.
 *
 * Returns: %FALSE with %VANKHO_LIBRARY_ERROR_NOT_FOUND if there is no such
 *   file, %VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY if it is damaged
 */
gboolean
vankho_library_check_file (const char    *path,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  name = g_filename_display_name (path);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_FOUND,
                   _("There is no library “%s”"), name);
      return FALSE;
    }

  /* With no log beside it, nobody has the file open and it is whole:
   * read it as immutable, so that not even a log or an index file is
   * created beside it. Otherwise read through its log.
   */
  wal = g_strconcat (path, "-wal", NULL);
  if (!g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);
      g_autofree char *file_uri = g_filename_to_uri (absolute, NULL, NULL);

      if (file_uri != NULL)
        uri = g_strconcat (file_uri, "?immutable=1", NULL);
    }

  if (sqlite3_open_v2 (uri != NULL ? uri : path, &db,
                       SQLITE_OPEN_READONLY | (uri != NULL ? SQLITE_OPEN_URI : 0), NULL) != SQLITE_OK)
    {
      vankho_library_set_sqlite_error (error, db, path);
      sqlite3_close (db);
      return FALSE;
    }

  sqlite3_busy_timeout (db, 5000);
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 10000, check_progress_cb, cancellable);
  ok = quick_check (db, name, cancellable, error);
  sqlite3_close (db);

  return ok;
}
