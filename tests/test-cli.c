/* test-cli.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Runs vankho-cli as a user would and checks its output, its JSON and its
 * exit codes (0 success, 1 user error, 2 internal failure).
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

static const char *cli_path;
static char *work_dir;
static char *library_path;

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

static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *arg;
  va_list args;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) cli_path);
  g_ptr_array_add (argv, "--library");
  g_ptr_array_add (argv, library_path);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  env = g_environ_setenv (env, "LANGUAGE", "en", TRUE);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static void
reset_library (void)
{
  g_autofree char *wal = g_strconcat (library_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (library_path, "-shm", NULL);

  g_unlink (library_path);
  g_unlink (wal);
  g_unlink (shm);
}

static char *
write_fixture (const char *name,
               const char *contents,
               gssize      len)
{
  char *path = g_build_filename (work_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  return path;
}

static void
test_help (void)
{
  const char *commands[] = { "import", "list", "search", "show", "stats", "extract", "reindex", "documents",
                             "feed", "sync", "parse-feed" };
  g_auto(Run) run = { 0 };

  run_cli (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (run.out, commands[i]));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) sub = { 0 };

      run_cli (&sub, commands[i], "--help", NULL);
      g_assert_cmpint (sub.status, ==, 0);
      g_assert_nonnull (strstr (sub.out, "--library"));
      g_assert_nonnull (strstr (sub.out, commands[i]));
    }
}

static void
test_user_errors (void)
{
  g_auto(Run) no_command = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) bad_id = { 0 };
  g_auto(Run) missing_id = { 0 };
  g_auto(Run) no_paths = { 0 };
  g_auto(Run) bad_option = { 0 };
  g_auto(Run) bad_limit = { 0 };

  reset_library ();

  run_cli (&no_command, NULL);
  g_assert_cmpint (no_command.status, ==, 1);

  run_cli (&unknown, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));

  run_cli (&bad_id, "show", "abc", NULL);
  g_assert_cmpint (bad_id.status, ==, 1);
  g_assert_nonnull (strstr (bad_id.err, "abc"));

  run_cli (&missing_id, "show", "424242", NULL);
  g_assert_cmpint (missing_id.status, ==, 1);
  g_assert_nonnull (strstr (missing_id.err, "424242"));
  /* One line, no trace. */
  g_assert_cmpint (strchr (missing_id.err, '\n') - missing_id.err + 1, ==, strlen (missing_id.err));

  run_cli (&no_paths, "import", NULL);
  g_assert_cmpint (no_paths.status, ==, 1);

  run_cli (&bad_option, "list", "--frob", NULL);
  g_assert_cmpint (bad_option.status, ==, 1);

  run_cli (&bad_limit, "list", "--limit", "-3", NULL);
  g_assert_cmpint (bad_limit.status, ==, 1);
}

static void
test_not_a_library (void)
{
  g_autofree char *saved = g_strdup (library_path);
  g_autofree char *contents = NULL;
  g_auto(Run) run = { 0 };

  g_free (library_path);
  library_path = write_fixture ("notes.db", "Ghi chú, không phải thư viện.\n", -1);

  run_cli (&run, "stats", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "notes.db"));
  g_assert_true (g_file_get_contents (library_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "Ghi chú, không phải thư viện.\n");

  g_free (library_path);
  library_path = g_steal_pointer (&saved);
}

/* A library cut short, with its list of tables garbled, or from a newer
 * version: exit 1 with a message naming it, and the file left byte for byte
 * (RELIABILITY.md, 5).
 */
static void
test_damaged_library (void)
{
  g_autofree char *saved = g_strdup (library_path);
  g_autofree char *good = NULL;
  g_auto(Run) import = { 0 };
  const char *names[] = { "truncated.db", "schema.db", "newer.db", "late.db" };
  gsize len;

  reset_library ();
  run_cli (&import, "import", "--samples", NULL);
  g_assert_cmpint (import.status, ==, 0);
  {
    g_auto(Run) check = { 0 };

    run_cli (&check, "check", NULL);
    g_assert_cmpint (check.status, ==, 0);
    g_assert_nonnull (strstr (check.out, "sound"));
  }
  g_assert_true (g_file_get_contents (library_path, &good, &len, NULL));
  g_assert_cmpuint (len, >, 8192);

  /* A check reads: no library is made where there is none, and no backup
   * named like a missing file is restored (opening either would create
   * an empty library). */
  {
    g_autofree char *missing = g_build_filename (work_dir, "typo.db", NULL);
    g_autofree char *real = g_strdup (library_path);
    g_auto(Run) check = { 0 };
    g_auto(Run) restore = { 0 };

    g_free (library_path);
    library_path = g_strdup (missing);
    run_cli (&check, "check", NULL);
    g_assert_cmpint (check.status, ==, 1);
    g_assert_nonnull (strstr (check.err, "typo.db"));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

    g_free (library_path);
    library_path = g_strdup (real);
    run_cli (&restore, "restore", missing, NULL);
    g_assert_cmpint (restore.status, ==, 1);
    g_assert_nonnull (strstr (restore.err, "typo.db"));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *contents = g_memdup2 (good, len);
      g_autofree char *wal = NULL;
      g_autofree char *after = NULL;
      g_auto(Run) stats = { 0 };
      g_auto(Run) write = { 0 };
      gsize n = len;
      gsize after_len;

      if (i == 0)
        n = len / 2 + 100;
      else if (i == 1)
        for (gsize j = 100; j < 4096; j++)
          contents[j] = (char) (j * 37 + 11);
      else if (i == 2)
        memcpy (contents + 60, "\0\0\0\x63", 4);  /* user_version 99, big-endian */
      else
        for (gsize j = len - 4096; j < len; j++)
          contents[j] = (char) (j * 37 + 11);

      g_free (library_path);
      library_path = write_fixture (names[i], contents, n);
      wal = g_strconcat (library_path, "-wal", NULL);

      /* The last page is read by no listing: only the check sees it. */
      run_cli (&stats, i == 3 ? "check" : "stats", NULL);
      g_assert_cmpint (stats.status, ==, 1);
      g_assert_nonnull (strstr (stats.err, names[i]));
      g_test_message ("%s", stats.err);
      if (i == 2)
        g_assert_nonnull (strstr (stats.err, "newer version"));
      if (i == 3)
        g_assert_nonnull (strstr (stats.err, "damaged"));

      /* Commands that would write: refused the same way. */
      run_cli (&write, "import", "--samples", NULL);
      g_assert_cmpint (write.status, ==, 1);
      g_assert_nonnull (strstr (write.err, names[i]));
      {
        g_auto(Run) reindex = { 0 };

        run_cli (&reindex, "reindex", NULL);
        g_assert_cmpint (reindex.status, ==, 1);
        g_assert_nonnull (strstr (reindex.err, names[i]));
      }

      g_assert_true (g_file_get_contents (library_path, &after, &after_len, NULL));
      g_assert_cmpmem (contents, n, after, after_len);
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    }

  g_free (library_path);
  library_path = g_steal_pointer (&saved);
}

static char *
file_contents (const char *path,
               gsize      *len)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, len, NULL));
  return contents;
}

static void
test_backup_restore (void)
{
  g_autofree char *backups = g_build_filename (work_dir, "backups", NULL);
  g_autofree char *copy = g_build_filename (work_dir, "copy.db", NULL);
  g_autofree char *bogus = write_fixture ("bogus.db", "Không phải bản sao lưu.\n", -1);
  g_autofree char *one = write_fixture ("one.txt", "Công an tỉnh Kon Tum sơ kết\n\nNội dung sau khi sao lưu.", -1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "library-%Y-%m-%d.db");
  g_autofree char *daily = g_build_filename (backups, stamp, NULL);
  g_autofree char *daily_before = NULL;
  g_autofree char *daily_after = NULL;
  g_autofree char *library_before = NULL;
  g_autofree char *library_after = NULL;
  g_autofree char *kept = NULL;
  g_auto(Run) import = { 0 };
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };
  g_auto(Run) to_file = { 0 };
  g_auto(Run) more = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) restore = { 0 };
  g_auto(Run) stats = { 0 };
  gsize daily_before_len, daily_after_len, library_before_len, library_after_len;
  const char *as;

  reset_library ();
  run_cli (&import, "import", "--samples", NULL);
  g_assert_cmpint (import.status, ==, 0);

  /* Without a file: today's copy in backups/ beside the library. */
  run_cli (&first, "backup", NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.out, daily));
  daily_before = file_contents (daily, &daily_before_len);

  run_cli (&to_file, "backup", copy, NULL);
  g_assert_cmpint (to_file.status, ==, 0);
  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));

  /* Once a day: the second run names today's copy and leaves it alone. */
  run_cli (&more, "import", one, NULL);
  g_assert_cmpint (more.status, ==, 0);
  run_cli (&second, "backup", NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_nonnull (strstr (second.out, daily));
  daily_after = file_contents (daily, &daily_after_len);
  g_assert_cmpmem (daily_before, daily_before_len, daily_after, daily_after_len);

  /* Not a backup: exit 1, the library untouched. */
  library_before = file_contents (library_path, &library_before_len);
  run_cli (&refused, "restore", bogus, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "bogus.db"));
  library_after = file_contents (library_path, &library_after_len);
  g_assert_cmpmem (library_before, library_before_len, library_after, library_after_len);

  run_cli (&restore, "restore", copy, NULL);
  g_assert_cmpint (restore.status, ==, 0);
  as = strstr (restore.out, "kept as ");
  g_assert_nonnull (as);
  kept = g_strstrip (g_strdup (as + strlen ("kept as ")));
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));

  run_cli (&stats, "stats", NULL);
  g_assert_cmpint (stats.status, ==, 0);
  g_assert_nonnull (strstr (stats.out, "Articles: 10\n"));

  g_unlink (daily);
  g_rmdir (backups);
}

static void
test_import_search_show (void)
{
  g_autofree char *good = write_fixture ("good.txt",
                                         " date 2023-08\nĐảng uỷ Công an tỉnh Kon Tum sơ kết Nghị quyết 12-NQ/TW\n\n"
                                         "Sáng 30/8, Đảng uỷ Công an tỉnh Kon Tum sơ kết 1 năm thực hiện Nghị quyết số "
                                         "12-NQ/TW ngày 16/3/2022 của Bộ Chính trị.\n\nĐoạn hai.", -1);
  g_autofree char *other = write_fixture ("other.txt",
                                          "Công an xã học tập Nghị quyết 12-NQ/ĐUCA của Đảng ủy Công an Trung ương\n\n"
                                          "Nội dung về Đảng ủy và Chỉ thị 11/CT-BCA.", -1);
  g_autofree char *bad = write_fixture ("bad.txt", "Caf\xe9\n", -1);
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };
  g_auto(Run) search = { 0 };
  g_auto(Run) symbol = { 0 };
  g_auto(Run) show = { 0 };
  g_auto(Run) stats = { 0 };
  g_auto(Run) list = { 0 };
  g_autoptr(JsonNode) results = NULL;
  g_autoptr(JsonNode) article = NULL;
  g_autoptr(JsonNode) counts = NULL;
  g_autofree char *id = NULL;
  JsonObject *object;
  JsonArray *array;

  reset_library ();

  run_cli (&first, "import", good, other, bad, NULL);
  /* A file failed: named with its reason, the others imported, exit 1. */
  g_assert_cmpint (first.status, ==, 1);
  g_assert_nonnull (strstr (first.out, "Added 2 articles"));
  g_assert_nonnull (strstr (first.err, "bad.txt"));
  g_assert_nonnull (strstr (first.err, "UTF-8"));

  run_cli (&second, "import", good, other, NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_nonnull (strstr (second.out, "Added 0 articles, 2 already in the library"));

  run_cli (&search, "search", "--json", "dang uy", NULL);
  g_assert_cmpint (search.status, ==, 0);
  results = parse_json (search.out);
  array = json_node_get_array (results);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  object = json_array_get_object_element (array, 0);
  g_assert_true (json_object_has_member (object, "id"));
  g_assert_true (json_object_has_member (object, "title"));
  g_assert_true (json_object_has_member (object, "published"));
  g_assert_nonnull (strstr (json_object_get_string_member (object, "snippet"), "["));

  run_cli (&symbol, "search", "--json", "12-NQ/TW", NULL);
  g_assert_cmpint (symbol.status, ==, 0);
  {
    g_autoptr(JsonNode) hits = parse_json (symbol.out);
    JsonArray *hits_array = json_node_get_array (hits);

    g_assert_cmpuint (json_array_get_length (hits_array), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (hits_array, 0), "title"),
                     ==, "Đảng uỷ Công an tỉnh Kon Tum sơ kết Nghị quyết 12-NQ/TW");
    id = g_strdup_printf ("%" G_GINT64_FORMAT,
                          json_object_get_int_member (json_array_get_object_element (hits_array, 0), "id"));
  }

  run_cli (&show, "show", "--json", id, NULL);
  g_assert_cmpint (show.status, ==, 0);
  article = parse_json (show.out);
  object = json_node_get_object (article);
  /* 'Sáng 30/8' with the year of the ' date 2023-08' line. */
  g_assert_cmpstr (json_object_get_string_member (object, "published_precision"), ==, "day");
  g_assert_cmpstr (json_object_get_string_member (object, "published"), ==, "2023-08-30");
  g_assert_true (json_object_has_member (object, "outlet"));
  g_assert_true (json_object_has_member (object, "url"));
  g_assert_nonnull (strstr (json_object_get_string_member (object, "body"), "\n\nĐoạn hai."));

  run_cli (&stats, "stats", "--json", NULL);
  g_assert_cmpint (stats.status, ==, 0);
  counts = parse_json (stats.out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (counts), "articles"), ==, 2);

  run_cli (&list, "list", "--limit", "1", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "2023-08-30"));
  g_assert_null (strstr (list.out, "Công an xã học tập"));
}

static void
test_extract_documents_reindex (void)
{
  g_autofree char *file = write_fixture ("dong-thap.txt",
                                         "ĐTO - Chiều ngày 14/01/2024, Đảng ủy Công an tỉnh tổ chức hội nghị"
                                         " quán triệt Chỉ thị số 11/CT-BCA ngày 28/10/2022 của Bộ trưởng"
                                         " Bộ Công an về xây dựng Công an xã.", -1);
  g_auto(Run) extract = { 0 };
  g_auto(Run) import = { 0 };
  g_auto(Run) documents = { 0 };
  g_auto(Run) reindex = { 0 };
  g_autoptr(JsonNode) found = NULL;
  g_autoptr(JsonNode) listed = NULL;
  JsonObject *object;
  JsonArray *citations;
  JsonArray *array;
  gboolean seen = FALSE;

  reset_library ();

  run_cli (&extract, "extract", "--json", file, NULL);
  g_assert_cmpint (extract.status, ==, 0);
  found = parse_json (extract.out);
  object = json_node_get_object (found);
  g_assert_cmpstr (json_object_get_string_member (object, "published"), ==, "2024-01-14");
  g_assert_cmpstr (json_object_get_string_member (object, "published_precision"), ==, "day");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (object, "provinces"), 0), "code"), ==, "VN-45");
  citations = json_object_get_array_member (object, "citations");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (citations, 0), "symbol"),
                   ==, "11/CT-BCA");
  g_assert_true (json_object_has_member (object, "events"));
  /* extract stores nothing */
  g_assert_false (g_file_test (library_path, G_FILE_TEST_EXISTS));

  run_cli (&import, "import", file, NULL);
  g_assert_cmpint (import.status, ==, 0);

  run_cli (&documents, "documents", "--json", NULL);
  g_assert_cmpint (documents.status, ==, 0);
  listed = parse_json (documents.out);
  array = json_node_get_array (listed);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *doc = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (doc, "symbol"), "11/CT-BCA") == 0)
        {
          g_assert_cmpint (json_object_get_int_member (doc, "articles"), ==, 1);
          seen = TRUE;
        }
    }
  g_assert_true (seen);

  run_cli (&reindex, "reindex", NULL);
  g_assert_cmpint (reindex.status, ==, 0);
  g_assert_nonnull (strstr (reindex.out, "1 article"));
}

static void
test_feeds (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "feeds", "fixtures", "rss20.xml", NULL);
  g_autofree char *not_feed = g_test_build_filename (G_TEST_DIST, "feeds", "fixtures", "not-a-feed.html", NULL);
  g_autofree char *opml = write_fixture ("feeds.opml",
                                         "<opml version=\"2.0\"><body><outline text=\"Tin\">"
                                         "<outline text=\"Báo A\" xmlUrl=\"https://a.example.vn/rss\"/>"
                                         "<outline text=\"Xấu\" xmlUrl=\"file:///etc/passwd\"/>"
                                         "</outline></body></opml>", -1);
  g_auto(Run) parse = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) add = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) scheme = { 0 };
  g_auto(Run) import = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) remove = { 0 };
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(JsonNode) feeds = NULL;
  JsonObject *object;

  reset_library ();

  run_cli (&parse, "parse-feed", "--json", fixture, NULL);
  g_assert_cmpint (parse.status, ==, 0);
  parsed = parse_json (parse.out);
  object = json_node_get_object (parsed);
  g_assert_true (json_object_has_member (json_object_get_object_member (object, "feed"), "title"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "entries")), >, 0);

  run_cli (&bad, "parse-feed", not_feed, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "not-a-feed.html"));

  run_cli (&add, "feed", "add", "https://congan.example.vn/rss", NULL);
  g_assert_cmpint (add.status, ==, 0);
  run_cli (&again, "feed", "add", "https://congan.example.vn/rss", NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "already"));
  run_cli (&scheme, "feed", "add", "file:///etc/passwd", NULL);
  g_assert_cmpint (scheme.status, ==, 1);

  run_cli (&import, "feed", "import-opml", opml, NULL);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_nonnull (strstr (import.out, "Added 1 feed"));

  run_cli (&list, "feed", "list", "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  feeds = parse_json (list.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (feeds)), ==, 2);

  run_cli (&export, "feed", "export-opml", NULL);
  g_assert_nonnull (strstr (export.out, "xmlUrl=\"https://a.example.vn/rss\""));

  run_cli (&remove, "feed", "remove", "1", NULL);
  g_assert_cmpint (remove.status, ==, 0);
}

static void
test_seeds (void)
{
  const char *shared = g_getenv ("VANKHO_SHARED_DIR");
  g_autofree char *seeds = shared ? g_build_filename (shared, "seeds", NULL) : NULL;
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };
  g_auto(Run) search = { 0 };
  g_autoptr(JsonNode) results = NULL;

  if (seeds == NULL || !g_file_test (seeds, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/seeds is not here (set VANKHO_SHARED_DIR); skipping the seed articles");
      return;
    }

  reset_library ();

  run_cli (&first, "import", seeds, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.out, "Added 5 articles"));

  run_cli (&second, "import", seeds, NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_nonnull (strstr (second.out, "Added 0 articles"));

  run_cli (&search, "search", "--json", "dang uy", NULL);
  results = parse_json (search.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (results)), ==, 5);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  cli_path = g_getenv ("VANKHO_CLI");
  g_assert_nonnull (cli_path);
  work_dir = g_dir_make_tmp ("vankho-cli-XXXXXX", &error);
  g_assert_no_error (error);
  library_path = g_build_filename (work_dir, "library.db", NULL);

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/user-errors", test_user_errors);
  g_test_add_func ("/cli/not-a-library", test_not_a_library);
  g_test_add_func ("/cli/damaged-library", test_damaged_library);
  g_test_add_func ("/cli/backup-restore", test_backup_restore);
  g_test_add_func ("/cli/import-search-show", test_import_search_show);
  g_test_add_func ("/cli/extract-documents-reindex", test_extract_documents_reindex);
  g_test_add_func ("/cli/feeds", test_feeds);
  g_test_add_func ("/cli/seeds", test_seeds);

  status = g_test_run ();

  reset_library ();
  {
    g_autoptr(GDir) dir = g_dir_open (work_dir, 0, NULL);
    const char *name;

    while (dir && (name = g_dir_read_name (dir)))
      {
        g_autofree char *path = g_build_filename (work_dir, name, NULL);
        g_unlink (path);
      }
  }
  g_rmdir (work_dir);

  return status;
}
