/* test-fuzz-regressions.c: inputs the fuzzers (tests/fuzz/) found trouble
 * with, each kept as a test once fixed.
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "vankho-feed-parser.h"
#include "vankho-fts-postings.h"

/* fuzz-feed-parser, first input: an empty body has no data pointer, and the
 * parser did arithmetic on it (UBSan: applying zero offset to null pointer).
 */
static void
test_feed_empty_bytes (void)
{
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(VankhoFeed) feed = NULL;

  feed = vankho_feed_parse (empty, "https://example.vn/rss", &error);
  g_assert_null (feed);
  g_assert_error (error, VANKHO_FEED_ERROR, VANKHO_FEED_ERROR_EMPTY);
}

/* fuzz-feed-parser: an xml:base of "https://atom.exa;;;mple.vn/tin/" made
 * GLib's g_uri_resolve_relative() fail an assertion (a critical, fatal in
 * the tests) for every relative link under it.
 */
static void
test_feed_hostile_base (void)
{
  g_autofree char *up = vankho_feed_resolve_url ("https://atom.exa;;;mple.vn/tin/", "../");
  g_autofree char *page = vankho_feed_resolve_url ("https://a;b/tin/", "bai-1.html");
  g_autofree char *fine = vankho_feed_resolve_url ("https://atom.example.vn/tin/", "bai-1.html");

  g_assert_cmpstr (up, ==, "../");
  g_assert_cmpstr (page, ==, "bai-1.html");
  g_assert_cmpstr (fine, ==, "https://atom.example.vn/tin/bai-1.html");
}

/* fuzz-feed-parser: a link whose text (a processing instruction and a
 * line break inside it) the relaxed URI parser read as a host and a path
 * without its '/' made g_uri_to_string() fail the same assertion. The
 * input is kept in the fuzz corpus. */
static void
test_feed_link_read_as_host (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", "feed-parser",
                                                 "regression-link-scheme.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VankhoFeed) feed = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  bytes = g_bytes_new (contents, len);
  feed = vankho_feed_parse (bytes, "http://x.vn/rss", &error);
  g_assert_no_error (error);
  g_assert_nonnull (feed);
}

/* fuzz-fts-postings: a structure record whose first level lists more
 * segments than it holds, then a second level. Reading went on past the
 * end of the record, from a null pointer. */
static void
test_fts_structure_cut_short (void)
{
  g_autoptr(VankhoFtsPostingsReader) reader = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE VIRTUAL TABLE t USING fts5 (title, body);"
                                 "INSERT INTO t (title, body) VALUES ('Gia Lai', 'gia lai');"
                                 /* cookie; 2 levels, 5 segments, writes 0; level 0: no merge, 5 */
                                 "UPDATE t_data SET block = x'00000000020500' || x'0005' WHERE id = 10",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  reader = vankho_fts_postings_reader_new (db, "t");
  g_assert_cmpint (vankho_fts_postings_reader_begin (reader), ==, SQLITE_CORRUPT_VTAB);
  vankho_fts_postings_reader_end (reader);
  g_clear_pointer (&reader, vankho_fts_postings_reader_free);
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fuzz-regressions/feed/empty-bytes", test_feed_empty_bytes);
  g_test_add_func ("/fuzz-regressions/feed/hostile-base", test_feed_hostile_base);
  g_test_add_func ("/fuzz-regressions/feed/link-read-as-host", test_feed_link_read_as_host);
  g_test_add_func ("/fuzz-regressions/fts/structure-cut-short", test_fts_structure_cut_short);

  return g_test_run ();
}
