/* test-reliability.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A full disk, another program holding the library, and the CLI writing
 * while the app has the library open (issue 11, item 4; see
 * tests/RELIABILITY.md). A full disk is made with PRAGMA max_page_count on
 * the library's writing connection, reached through the private header.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "vankho-article-list-model.h"
#include "vankho-fts-tokenizer.h"
#include "vankho-importer.h"
#include "vankho-library-private.h"
#include "vankho-library.h"

typedef struct
{
  char          *dir;
  char          *path;
  VankhoLibrary *library;
} Fixture;

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir && (name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("vankho-reliability-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->library = vankho_library_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->library);
  remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* A folder of @n articles in the seeds' format, each naming a province and
 * citing a resolution, so that extraction stores places and citations.
 * @paragraphs sets their size; @tag keeps their texts apart from other
 * folders'. */
static char *
make_folder (Fixture    *fixture,
             const char *tag,
             guint       n,
             guint       paragraphs)
{
  char *folder = g_build_filename (fixture->dir, tag, NULL);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *name = g_strdup_printf ("bai-%02u.txt", i);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_string_append_printf (text, " date 2023-08\n"
                              "Công an tỉnh Kon Tum sơ kết Nghị quyết 12, %s, bài %u\n\n"
                              "Sáng 30/8, Đảng uỷ Công an tỉnh Kon Tum sơ kết 1 năm thực hiện Nghị quyết số "
                              "12-NQ/TW ngày 16/3/2022 của Bộ Chính trị về đẩy mạnh xây dựng lực lượng "
                              "Công an nhân dân (%s, bài %u).\n\n", tag, i, tag, i);
      for (guint p = 0; p < paragraphs; p++)
        g_string_append_printf (text, "Đoạn %u của bài %u (%s): theo Nghị quyết số 12-NQ/TW, lực lượng "
                                "Công an xã bám cơ sở, nắm tình hình an ninh trật tự ở địa bàn, giải "
                                "quyết các vụ việc ngay từ khi mới phát sinh.\n\n", p, i, tag);
      g_string_append (text, "Ngọc Ánh");
      g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
    }

  return folder;
}

static gboolean
import_folder (VankhoLibrary   *library,
               const char      *folder,
               VankhoImporter **out,
               GError         **error)
{
  g_autoptr(VankhoImporter) importer = vankho_importer_new (library);
  const char *paths[] = { folder, NULL };
  gboolean ok;

  ok = vankho_importer_import_paths (importer, paths, NULL, NULL, NULL, error);
  g_assert_cmpuint (vankho_importer_get_failures (importer)->len, ==, 0);
  if (out != NULL)
    *out = g_steal_pointer (&importer);

  return ok;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (vankho_fts_tokenizer_register (db), ==, SQLITE_OK);

  return db;
}

/* What the library holds, as another program sees the file: compared
 * before and after a failed write. */
static char *
describe_library (const char *path)
{
  sqlite3 *db = open_raw (path);
  char *description;

  description = g_strdup_printf ("articles %" G_GINT64_FORMAT ", index %" G_GINT64_FORMAT
                                 ", places %" G_GINT64_FORMAT ", citations %" G_GINT64_FORMAT
                                 ", events %" G_GINT64_FORMAT ", documents %" G_GINT64_FORMAT
                                 ", sources %" G_GINT64_FORMAT,
                                 query_int (db, "SELECT count(*) FROM articles"),
                                 query_int (db, "SELECT count(*) FROM articles_fts_docsize"),
                                 query_int (db, "SELECT count(*) FROM places"),
                                 query_int (db, "SELECT count(*) FROM citations"),
                                 query_int (db, "SELECT count(*) FROM events"),
                                 query_int (db, "SELECT count(*) FROM documents"),
                                 query_int (db, "SELECT count(*) FROM sources"));
  sqlite3_close (db);

  return description;
}

/* The file is sound and every article whole: its search index row and,
 * when @extracted (every article came through the importer), its places
 * and citations. */
static void
check_library (const char *path,
               gboolean    extracted)
{
  sqlite3 *db = open_raw (path);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  g_clear_pointer (&stmt, sqlite3_finalize);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The index matches the text it was made from. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM articles_fts_docsize"), ==,
                   query_int (db, "SELECT count(*) FROM articles"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM articles"
                                  " WHERE id NOT IN (SELECT id FROM articles_fts_docsize)"), ==, 0);

  if (extracted)
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM articles a"
                                    " WHERE NOT EXISTS (SELECT 1 FROM places WHERE article_id = a.id)"
                                    "    OR NOT EXISTS (SELECT 1 FROM citations WHERE article_id = a.id)"), ==, 0);

  sqlite3_close (db);
}

static gint64
set_max_page_count (VankhoLibrary *library,
                    gint64         n)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, n);

  return query_int (library->db, sql);
}

/* A full disk: said so in our words, naming the library. */
static void
assert_full_error (const GError *error)
{
  g_assert_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "library.db"));
  g_assert_nonnull (strstr (error->message, "full"));
}

/* The statement that last met a full disk, from SQLite's log. */
static char *full_statement;

static void
log_sqlite (void       *data,
            int         code,
            const char *message)
{
  if ((code & 0xff) == SQLITE_FULL)
    {
      g_free (full_statement);
      full_statement = g_strdup (message);
    }
}

static void
test_full_import (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *first = make_folder (fixture, "first", 3, 2);
  g_autofree char *second = make_folder (fixture, "second", 6, 30);
  g_autofree char *third = make_folder (fixture, "third", 2, 2);
  g_autofree char *before = NULL;
  g_autoptr(VankhoImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  guint n_article = 0;
  guint n_extraction = 0;
  guint n_index = 0;
  gint64 max_page_count;
  gint64 page_count;
  gint64 extra;

  g_assert_true (import_folder (fixture->library, first, NULL, &error));
  g_assert_no_error (error);
  before = describe_library (fixture->path);
  max_page_count = query_int (fixture->library->db, "PRAGMA max_page_count");
  page_count = query_int (fixture->library->db, "PRAGMA page_count");

  /* One more page of room each time until the import fits: the disk fills
   * at every point of it in turn, an article, its places or citations, or
   * the search index at commit. */
  for (extra = 0; extra < 1000; extra += 2)
    {
      g_autoptr(VankhoImporter) full = NULL;
      g_autoptr(GError) full_error = NULL;
      g_autofree char *now = NULL;

      g_assert_cmpint (set_max_page_count (fixture->library, page_count + extra), ==, page_count + extra);
      g_clear_pointer (&full_statement, g_free);
      if (import_folder (fixture->library, second, &full, &full_error))
        {
          importer = g_steal_pointer (&full);
          break;
        }

      assert_full_error (full_error);
      g_assert_nonnull (full_statement);
      g_test_message ("room for %" G_GINT64_FORMAT " pages: %s; %.60s…", extra, full_error->message, full_statement);
      if (strstr (full_statement, "INSERT INTO articles (") != NULL)
        n_article++;
      else if (strstr (full_statement, "articles_fts") != NULL || strstr (full_statement, "COMMIT") != NULL)
        n_index++;
      else
        n_extraction++;

      /* Rolled back, no transaction left open, and the count says so. */
      g_assert_true (sqlite3_get_autocommit (fixture->library->db));
      g_assert_cmpuint (vankho_importer_get_n_added (full), ==, 0);
      g_assert_cmpint (vankho_library_count_articles (fixture->library, NULL), ==, 3);
      now = describe_library (fixture->path);
      g_assert_cmpstr (now, ==, before);
      check_library (fixture->path, TRUE);
    }
  g_test_message ("failed %u times on an article, %u on its extraction, %u on the index",
                  n_article, n_extraction, n_index);
  g_assert_cmpuint (n_article, >, 0);
  g_assert_cmpuint (n_extraction, >, 0);
  g_assert_cmpuint (n_index, >, 0);

  /* Once there was room, the same import went through whole. */
  g_assert_nonnull (importer);
  g_assert_cmpuint (vankho_importer_get_n_added (importer), ==, 6);
  g_assert_cmpint (vankho_library_count_articles (fixture->library, NULL), ==, 9);
  check_library (fixture->path, TRUE);

  /* And with the disk's space back, the library goes on. */
  g_assert_cmpint (set_max_page_count (fixture->library, max_page_count), ==, max_page_count);
  g_assert_true (import_folder (fixture->library, third, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vankho_library_count_articles (fixture->library, NULL), ==, 11);
  check_library (fixture->path, TRUE);
}

static gboolean
add_article (VankhoLibrary  *library,
             const char     *title,
             const char     *body,
             GError        **error)
{
  g_autoptr(VankhoArticle) article = vankho_article_new ();
  gboolean duplicate = TRUE;
  gboolean ok;

  vankho_article_set_title (article, title);
  vankho_article_set_body (article, body);
  ok = vankho_library_add_article (library, article, 0, &duplicate, error);
  g_assert_false (duplicate);
  g_assert_cmpint (vankho_article_get_id (article) > 0, ==, ok);

  return ok;
}

static void
test_full_add_article (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *before = NULL;
  VankhoArticleQuery query = { .text = (char *) "nắm tình hình" };
  guint n_article = 0;
  guint n_index = 0;
  gint64 max_page_count;
  gint64 page_count;
  gint64 extra;

  g_assert_true (add_article (fixture->library, "Bài ngắn về Công an xã", "Nội dung ngắn.", &error));
  g_assert_no_error (error);
  /* Many different words: its index row needs pages of its own. */
  for (guint p = 0; p < 100; p++)
    g_string_append_printf (body, "Đoạn %u: tổ công tác KH%05u, KV%05u và TT%05u nắm tình hình an ninh trật tự.\n\n",
                            p, p, p + 1000, p + 2000);

  before = describe_library (fixture->path);
  max_page_count = query_int (fixture->library->db, "PRAGMA max_page_count");
  page_count = query_int (fixture->library->db, "PRAGMA page_count");

  /* Outside a transaction the article and its index row are one write:
   * the disk fills on either. */
  g_assert_true (sqlite3_get_autocommit (fixture->library->db));
  for (extra = 0; extra < 100; extra++)
    {
      g_autoptr(GError) full_error = NULL;
      g_autofree char *now = NULL;

      g_assert_cmpint (set_max_page_count (fixture->library, page_count + extra), ==, page_count + extra);
      g_clear_pointer (&full_statement, g_free);
      if (add_article (fixture->library, "Một bài dài về Công an xã", body->str, &full_error))
        break;

      assert_full_error (full_error);
      g_assert_nonnull (full_statement);
      g_test_message ("room for %" G_GINT64_FORMAT " pages: %s; %.60s…", extra, full_error->message, full_statement);
      if (strstr (full_statement, "INSERT INTO articles (") != NULL)
        n_article++;
      else if (strstr (full_statement, "articles_fts") != NULL)
        n_index++;

      g_assert_true (sqlite3_get_autocommit (fixture->library->db));
      g_assert_cmpint (vankho_library_count_articles (fixture->library, NULL), ==, 1);
      now = describe_library (fixture->path);
      g_assert_cmpstr (now, ==, before);
      check_library (fixture->path, FALSE);
    }
  g_assert_cmpuint (n_article, >, 0);
  g_assert_cmpuint (n_index, >, 0);

  /* Once there was room, it was stored with its index row. */
  g_assert_cmpint (vankho_library_count_articles (fixture->library, NULL), ==, 2);
  ids = vankho_library_query_article_ids (fixture->library, &query, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  check_library (fixture->path, FALSE);

  /* And with the disk's space back, the library goes on. */
  g_assert_cmpint (set_max_page_count (fixture->library, max_page_count), ==, max_page_count);
  g_string_prepend (body, "Bài sau. ");
  g_assert_true (add_article (fixture->library, "Bài sau về Công an xã", body->str, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vankho_library_count_articles (fixture->library, NULL), ==, 3);
  check_library (fixture->path, FALSE);
}

/* Another program holding the library: an import waits as long as the busy
 * timeout, then fails with a clear error and writes nothing. */
static void
test_locked_import (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *first = make_folder (fixture, "first", 3, 2);
  g_autofree char *second = make_folder (fixture, "second", 4, 5);
  g_autofree char *before = NULL;
  g_autofree char *now = NULL;
  g_autoptr(VankhoImporter) locked = NULL;
  g_autoptr(VankhoImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *holder = NULL;
  gint64 timeout_ms;
  gint64 start;
  gint64 waited_ms;

  g_assert_true (import_folder (fixture->library, first, NULL, &error));
  g_assert_no_error (error);
  before = describe_library (fixture->path);
  timeout_ms = query_int (fixture->library->db, "PRAGMA busy_timeout");
  g_assert_cmpint (timeout_ms, >, 0);

  holder = open_raw (fixture->path);
  g_assert_cmpint (sqlite3_exec (holder, "BEGIN IMMEDIATE;"
                                         "INSERT INTO sources (kind, title) VALUES ('import', 'Chương trình khác')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  g_assert_false (import_folder (fixture->library, second, &locked, &error));
  waited_ms = (g_get_monotonic_time () - start) / 1000;
  g_test_message ("failed after %" G_GINT64_FORMAT " ms (busy timeout %" G_GINT64_FORMAT " ms): %s",
                  waited_ms, timeout_ms, error->message);
  g_assert_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "in use by another program"));
  g_clear_error (&error);
  /* It waited for the other program before giving up. */
  g_assert_cmpint (waited_ms, >=, timeout_ms * 9 / 10);
  g_assert_true (sqlite3_get_autocommit (fixture->library->db));
  g_assert_cmpuint (vankho_importer_get_n_added (locked), ==, 0);
  now = describe_library (fixture->path);
  g_assert_cmpstr (now, ==, before);

  /* The other program commits: the import goes through, beside its row. */
  g_assert_cmpint (sqlite3_exec (holder, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (holder);
  check_library (fixture->path, TRUE);
  g_assert_true (import_folder (fixture->library, second, &importer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vankho_importer_get_n_added (importer), ==, 4);
  g_assert_cmpint (vankho_library_count_articles (fixture->library, NULL), ==, 7);
  g_assert_cmpint (query_int (fixture->library->db, "SELECT count(*) FROM sources WHERE title = 'Chương trình khác'"), ==, 1);
  check_library (fixture->path, TRUE);
}

typedef struct
{
  sqlite3 *holder;
  guint    locked_at;
} Grab;

/* Takes the lock as soon as the importer lets go of it: between two of its
 * batches, whatever their size. */
static void
grab_between_batches (guint       done,
                      guint       total,
                      const char *path,
                      gpointer    user_data)
{
  Grab *grab = user_data;

  if (grab->locked_at == 0 && sqlite3_exec (grab->holder, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK)
    grab->locked_at = done;
}

/* Another program takes the library in the middle of a long import: the
 * batches committed stay, the rest is not written, the count says so. */
static void
test_locked_between_batches (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *folder = make_folder (fixture, "folder", 250, 0);
  g_autoptr(VankhoImporter) locked = vankho_importer_new (fixture->library);
  g_autoptr(VankhoImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { folder, NULL };
  Grab grab = { open_raw (fixture->path), 0 };

  g_assert_false (vankho_importer_import_paths (locked, paths, NULL, grab_between_batches, &grab, &error));
  g_test_message ("locked after %u files: %s", grab.locked_at, error->message);
  g_assert_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_cmpuint (grab.locked_at, >, 0);
  g_assert_cmpuint (grab.locked_at, <, 250);
  g_assert_true (sqlite3_get_autocommit (fixture->library->db));
  g_assert_cmpuint (vankho_importer_get_n_added (locked), ==, grab.locked_at);
  g_assert_cmpint (vankho_library_count_articles (fixture->library, NULL), ==, grab.locked_at);

  g_assert_cmpint (sqlite3_exec (grab.holder, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (grab.holder);
  check_library (fixture->path, TRUE);

  /* Again: what was missing is added, nothing twice. */
  g_assert_true (import_folder (fixture->library, folder, &importer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vankho_importer_get_n_added (importer), ==, 250 - grab.locked_at);
  g_assert_cmpuint (vankho_importer_get_n_duplicates (importer), ==, grab.locked_at);
  g_assert_cmpint (vankho_library_count_articles (fixture->library, NULL), ==, 250);
  check_library (fixture->path, TRUE);
}

static gpointer
commit_later (gpointer data)
{
  sqlite3 *holder = data;

  g_usleep (500 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (sqlite3_exec (holder, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);

  return NULL;
}

/* A lock shorter than the busy timeout is waited out. */
static void
test_locked_briefly (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *folder = make_folder (fixture, "folder", 4, 5);
  g_autoptr(VankhoImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GThread) thread = NULL;
  sqlite3 *holder = open_raw (fixture->path);
  gint64 start;

  g_assert_cmpint (sqlite3_exec (holder, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  thread = g_thread_new ("commit-later", commit_later, holder);

  start = g_get_monotonic_time ();
  g_assert_true (import_folder (fixture->library, folder, &importer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 400 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpuint (vankho_importer_get_n_added (importer), ==, 4);

  g_thread_join (g_steal_pointer (&thread));
  sqlite3_close (holder);
  check_library (fixture->path, TRUE);
}

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* vankho-cli --library PATH COMMAND ARGUMENT, as a separate process. */
static void
run_cli (Run        *run,
         const char *library_path,
         const char *command,
         const char *argument)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("VANKHO_CLI");

  g_assert_nonnull (cli);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "en", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, cli, "--library", library_path,
                                         command, argument, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static void
quit_when_loaded (GObject    *model,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  if (!vankho_article_list_model_get_loading (VANKHO_ARTICLE_LIST_MODEL (model)))
    g_main_loop_quit (user_data);
}

static void
wait_loaded (VankhoArticleListModel *model)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  gulong handler;

  if (!vankho_article_list_model_get_loading (model))
    return;

  handler = g_signal_connect (model, "notify::loading", G_CALLBACK (quit_when_loaded), loop);
  g_main_loop_run (loop);
  g_signal_handler_disconnect (model, handler);
}

/* The CLI imports while the app has the library open, as the app opens it
 * and with its list showing: the app then sees the new articles (WAL), and
 * can still write. */
static void
test_cli_while_open (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *first = make_folder (fixture, "first", 3, 2);
  g_autofree char *second = make_folder (fixture, "second", 8, 5);
  g_autofree char *third = make_folder (fixture, "third", 2, 2);
  g_autoptr(VankhoArticleFilter) filter = vankho_article_filter_new ();
  g_autoptr(VankhoArticleListModel) model = NULL;
  g_autoptr(VankhoArticle) top = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  VankhoArticleQuery query = { .text = (char *) "second" };

  g_assert_true (import_folder (fixture->library, first, NULL, &error));
  g_assert_no_error (error);
  model = vankho_article_list_model_new (fixture->library, filter);
  wait_loaded (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  /* A row read, as the list does when it shows. */
  top = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_nonnull (top);

  run_cli (&run, fixture->path, "import", second);
  g_test_message ("vankho-cli: %s%s", run.out, run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Added 8 articles"));

  /* The still open library sees them, on both its connections. */
  g_assert_cmpint (vankho_library_count_articles (fixture->library, &error), ==, 11);
  g_assert_no_error (error);
  ids = vankho_library_query_article_ids (fixture->library, &query, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 8);
  vankho_article_list_model_reload (model);
  wait_loaded (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 11);

  /* And it writes after the CLI did. */
  g_assert_true (import_folder (fixture->library, third, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vankho_library_count_articles (fixture->library, NULL), ==, 13);
  check_library (fixture->path, TRUE);
}

/* The CLI against a library another program holds: a clear error, exit 1,
 * nothing written. */
static void
test_cli_locked (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *folder = make_folder (fixture, "folder", 2, 2);
  g_autofree char *before = describe_library (fixture->path);
  g_autofree char *now = NULL;
  g_auto(Run) locked = { 0 };
  g_auto(Run) run = { 0 };
  sqlite3 *holder = open_raw (fixture->path);

  g_assert_cmpint (sqlite3_exec (holder, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  run_cli (&locked, fixture->path, "import", folder);
  g_test_message ("vankho-cli: %s%s", locked.out, locked.err);
  g_assert_cmpint (locked.status, ==, 1);
  g_assert_nonnull (strstr (locked.err, "in use by another program"));
  g_assert_null (strstr (locked.out, "Added 2"));
  now = describe_library (fixture->path);
  g_assert_cmpstr (now, ==, before);

  g_assert_cmpint (sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (holder);
  run_cli (&run, fixture->path, "import", folder);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Added 2 articles"));
  g_assert_cmpint (vankho_library_count_articles (fixture->library, NULL), ==, 2);
  check_library (fixture->path, TRUE);
}

/* vankho-cli restore while the app has the library open: refused, the
 * library as it was and still the app's; once it is closed, restored. A
 * library moved aside while open would take the app's later writes with
 * it, lost from the restored one.
 */
static void
test_cli_restore_while_open (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *first = make_folder (fixture, "first", 3, 2);
  g_autofree char *second = make_folder (fixture, "second", 2, 2);
  g_autofree char *backup = g_build_filename (fixture->dir, "backup.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) refused = { 0 };
  g_auto(Run) restored = { 0 };

  g_assert_true (import_folder (fixture->library, first, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (vankho_library_backup (fixture->library, backup, &error));
  g_assert_no_error (error);
  g_assert_true (import_folder (fixture->library, second, NULL, &error));
  g_assert_no_error (error);
  before = describe_library (fixture->path);

  run_cli (&refused, fixture->path, "restore", backup);
  g_test_message ("vankho-cli: %s%s", refused.out, refused.err);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "is open in Văn Khố or another program"));
  now = describe_library (fixture->path);
  g_assert_cmpstr (now, ==, before);

  /* The app goes on writing to the library it has. */
  g_assert_cmpint (vankho_library_count_articles (fixture->library, NULL), ==, 5);
  g_clear_object (&fixture->library);

  run_cli (&restored, fixture->path, "restore", backup);
  g_assert_cmpint (restored.status, ==, 0);
  fixture->library = vankho_library_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vankho_library_count_articles (fixture->library, NULL), ==, 3);
  check_library (fixture->path, TRUE);
}

int
main (int    argc,
      char **argv)
{
  /* Before any connection: it tells which statement met the full disk. */
  sqlite3_config (SQLITE_CONFIG_LOG, log_sqlite, NULL);
  /* The messages checked are the English ones. */
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/reliability/full/import", test_full_import);
  ADD ("/reliability/full/add-article", test_full_add_article);
  ADD ("/reliability/locked/import", test_locked_import);
  ADD ("/reliability/locked/between-batches", test_locked_between_batches);
  ADD ("/reliability/locked/briefly", test_locked_briefly);
  ADD ("/reliability/cli/while-open", test_cli_while_open);
  ADD ("/reliability/cli/locked", test_cli_locked);
  ADD ("/reliability/cli/restore-while-open", test_cli_restore_while_open);
#undef ADD

  return g_test_run ();
}
