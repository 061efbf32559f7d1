/* bench-import.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Imports a corpus written by gen-corpus into a new library and prints, each
 * beside its floor measured in the same run on the same files:
 *
 *   import_rate <n> articles/s           the importer: decode, parse, extract, index
 *   import_rate_floor <n> articles/s     bare FTS5 insert (unicode61 remove_diacritics 2)
 *   import_ratio <n> %                   ours / floor
 *   size_library <n> bytes/article       the library file after import
 *   size_raw_text <n> bytes/article      the files imported
 *   size_floor <n> bytes/article         the bare FTS5 database
 *   size_ratio <n> x                     library / raw text
 *
 *   bench-import CORPUS_DIR LIBRARY
 *
 * Leaves LIBRARY and LIBRARY.bare.db behind for bench-search and bench-list.
 */

#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "vankho-importer.h"
#include "vankho-library.h"

#define FLOOR_BATCH 200

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
collect (const char *dir,
         GPtrArray  *paths)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect (path, paths);
      else
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

static void
remove_db (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static guint64
db_size (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;
  guint64 size = 0;

  if (g_stat (path, &st) == 0)
    size += st.st_size;
  if (g_stat (wal, &st) == 0)
    size += st.st_size;
  return size;
}

static void
check (sqlite3 *db, int rc)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    g_error ("bare FTS5: %s", sqlite3_errmsg (db));
}

/* The floor: what SQLite does alone with the same texts, same journal
 * settings and batch size as the library, no parsing beyond the title line.
 */
static double
import_floor (GPtrArray  *paths,
              const char *db_path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 start;

  remove_db (db_path);
  check (db, sqlite3_open (db_path, &db));
  check (db, sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                               "CREATE VIRTUAL TABLE bare USING fts5 (title, body,"
                               "  tokenize = 'unicode61 remove_diacritics 2');", NULL, NULL, NULL));
  check (db, sqlite3_prepare_v2 (db, "INSERT INTO bare (title, body) VALUES (?1, ?2)", -1, &stmt, NULL));

  start = g_get_monotonic_time ();
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *contents = NULL;
      const char *title;
      const char *body;
      const char *eol;
      gsize len;

      if (!g_file_get_contents (paths->pdata[i], &contents, &len, NULL))
        continue;

      if (i % FLOOR_BATCH == 0)
        check (db, sqlite3_exec (db, "BEGIN", NULL, NULL, NULL));

      title = contents;
      if (g_str_has_prefix (title, " date ") && (eol = strchr (title, '\n')) != NULL)
        title = eol + 1;
      eol = strchr (title, '\n');
      body = eol ? eol + 1 : "";

      sqlite3_bind_text (stmt, 1, title, eol ? eol - title : -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, body, -1, SQLITE_STATIC);
      check (db, sqlite3_step (stmt));
      sqlite3_reset (stmt);

      if ((i + 1) % FLOOR_BATCH == 0 || i + 1 == paths->len)
        check (db, sqlite3_exec (db, "COMMIT", NULL, NULL, NULL));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(VankhoImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bare_path = NULL;
  const char *corpus_paths[2] = { NULL, NULL };
  guint64 raw_bytes = 0;
  double floor_s;
  double ours_s;
  gint64 start;
  guint n_added;
  guint n;

  setlocale (LC_ALL, "");
  /* Figures are read by scripts: a decimal point in every locale. */
  setlocale (LC_NUMERIC, "C");

  if (argc != 3)
    {
      g_printerr ("usage: bench-import CORPUS_DIR LIBRARY\n");
      return 2;
    }

  collect (argv[1], paths);
  n = paths->len;
  if (n == 0)
    {
      g_printerr ("bench-import: no files in %s\n", argv[1]);
      return 1;
    }

  /* Read every file once so both runs find them in the page cache. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (g_file_get_contents (paths->pdata[i], &contents, &len, NULL))
        raw_bytes += len;
    }

  bare_path = g_strconcat (argv[2], ".bare.db", NULL);
  floor_s = import_floor (paths, bare_path);

  remove_db (argv[2]);
  library = vankho_library_open (argv[2], &error);
  if (library == NULL)
    g_error ("%s", error->message);
  importer = vankho_importer_new (library);
  corpus_paths[0] = argv[1];

  start = g_get_monotonic_time ();
  if (!vankho_importer_import_paths (importer, corpus_paths, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  ours_s = (g_get_monotonic_time () - start) / 1e6;

  n_added = vankho_importer_get_n_added (importer);
  if (n_added + vankho_importer_get_n_duplicates (importer) != n)
    g_printerr ("bench-import: %u of %u files failed\n",
                n - n_added - vankho_importer_get_n_duplicates (importer), n);

  /* Closing the last connection checkpoints the WAL into the file. */
  g_clear_object (&importer);
  g_clear_object (&library);

  g_print ("import_rate %.0f articles/s\n", n / ours_s);
  g_print ("import_rate_floor %.0f articles/s\n", n / floor_s);
  g_print ("import_ratio %.1f %%\n", 100.0 * floor_s / ours_s);
  g_print ("import_duplicates %u articles\n", n - n_added);
  g_print ("size_library %.0f bytes/article\n", (double) db_size (argv[2]) / n);
  g_print ("size_raw_text %.0f bytes/article\n", (double) raw_bytes / n);
  g_print ("size_floor %.0f bytes/article\n", (double) db_size (bare_path) / n);
  g_print ("size_ratio %.2f x\n", (double) db_size (argv[2]) / raw_bytes);

  return 0;
}
