/* test-fts-postings.c: the index reader against FTS5 itself
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* vankho-fts-postings.c reads FTS5's leaves itself, and a search relies
 * on it giving what FTS5 gives: the same rows, and in each the same
 * number of positions in each column. These tests build FTS5 tables the
 * way time builds them (rows added, replaced, changed and deleted;
 * segments flushed, merged in steps, merged whole; leaves from 32 bytes
 * to FTS5's default) and compare every word and many prefixes with what
 * FTS5 reports through its own API.
 */

#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "vankho-fts-postings.h"
#include "vankho-fts-tokenizer.h"

static void
exec (sqlite3    *db,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* count_in_column(t, column): how many of the row's matches are in
 * @column, as FTS5 reports them. */
static void
count_in_column (const Fts5ExtensionApi *api,
                 Fts5Context            *fts,
                 sqlite3_context        *context,
                 int                     n_values,
                 sqlite3_value         **values)
{
  int column = sqlite3_value_int (values[0]);
  int n_inst = 0, n = 0;

  api->xInstCount (fts, &n_inst);
  for (int i = 0; i < n_inst; i++)
    {
      int phrase, inst_column, offset;

      api->xInst (fts, i, &phrase, &inst_column, &offset);
      n += inst_column == column;
    }
  sqlite3_result_int (context, n);
}

static sqlite3 *
open_table (const char *options)
{
  g_autofree char *create = g_strdup_printf ("CREATE VIRTUAL TABLE t USING fts5 (a, b%s%s)",
                                             options != NULL ? ", " : "", options != NULL ? options : "");
  sqlite3 *db = NULL;
  fts5_api *api;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  api = vankho_fts_get_api (db);
  g_assert_nonnull (api);
  g_assert_cmpint (api->xCreateFunction (api, "count_in_column", NULL, count_in_column, NULL), ==, SQLITE_OK);
  exec (db, create);

  return db;
}

/* Reads @token as the reader reads it, as "id(a,b) …". */
static char *
read_postings (sqlite3    *db,
               const char *token,
               gboolean    prefix,
               int        *rc)
{
  g_autoptr(VankhoFtsPostingsReader) reader = vankho_fts_postings_reader_new (db, "t");
  g_autoptr(GArray) postings = g_array_new (FALSE, FALSE, sizeof (VankhoFtsPosting));
  GString *out = g_string_new (NULL);

  *rc = vankho_fts_postings_reader_begin (reader);
  if (*rc == SQLITE_OK)
    *rc = vankho_fts_postings_reader_read (reader, token, prefix, postings, NULL);
  vankho_fts_postings_reader_end (reader);

  for (guint i = 0; i < postings->len; i++)
    {
      const VankhoFtsPosting *posting = &g_array_index (postings, VankhoFtsPosting, i);

      g_string_append_printf (out, "%" G_GINT64_FORMAT "(%u,%u) ", posting->id, posting->n[0], posting->n[1]);
    }

  return g_string_free (out, FALSE);
}

/* The same through FTS5. */
static char *
query_postings (sqlite3    *db,
                const char *token,
                gboolean    prefix)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rowid, count_in_column (t, 0), count_in_column (t, 1)"
                                          " FROM t WHERE t MATCH '\"%s\"%s' ORDER BY rowid",
                                          token, prefix ? " *" : "");
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%" G_GINT64_FORMAT "(%d,%d) ", (gint64) sqlite3_column_int64 (stmt, 0),
                            sqlite3_column_int (stmt, 1), sqlite3_column_int (stmt, 2));
  sqlite3_finalize (stmt);

  return g_string_free (out, FALSE);
}

static void
assert_reads_as_fts5 (sqlite3    *db,
                      const char *token,
                      gboolean    prefix)
{
  g_autofree char *expected = query_postings (db, token, prefix);
  g_autofree char *read = NULL;
  int rc;

  read = read_postings (db, token, prefix, &rc);
  if (rc != SQLITE_OK || g_strcmp0 (read, expected) != 0)
    g_error ("'%s'%s: read (rc %d) %s, FTS5 has %s", token, prefix ? "*" : "", rc, read, expected);
}

typedef struct
{
  GRand     *rand;
  GPtrArray *words;
} Vocabulary;

static char *
make_text (Vocabulary *vocabulary,
           guint       n_words)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    g_string_append_printf (text, "%s ", (char *) g_ptr_array_index (vocabulary->words,
                                                                      g_rand_int_range (vocabulary->rand, 0,
                                                                                        vocabulary->words->len)));

  return g_string_free (text, FALSE);
}

static void
check_every_word (sqlite3    *db,
                  Vocabulary *vocabulary)
{
  static const char *prefixes[] = { "a", "b", "ab", "ba", "c", "aa", "bb", "x", "abc", "q" };

  for (guint i = 0; i < vocabulary->words->len; i++)
    assert_reads_as_fts5 (db, g_ptr_array_index (vocabulary->words, i), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    assert_reads_as_fts5 (db, prefixes[i], TRUE);
}

/* One table's life, from @data's seed: words of 1 to 59 letters (so that
 * terms, too, run past small leaves), rows of up to 400 words, ids close
 * together or far apart and negative, changes in transactions and out,
 * FTS5's merges of every kind. Checked every 37 changes and at the end. */
static void
test_random_life (gconstpointer data)
{
  static const guint page_sizes[] = { 32, 40, 64, 100, 250, 1000, 4050 };
  guint seed = GPOINTER_TO_UINT (data);
  Vocabulary vocabulary = { g_rand_new_with_seed (seed), g_ptr_array_new_with_free_func (g_free) };
  GRand *rand = vocabulary.rand;
  guint page_size = page_sizes[seed % G_N_ELEMENTS (page_sizes)];
  gint64 max_id = g_rand_boolean (rand) ? 300 : G_GINT64_CONSTANT (100000000000);
  gboolean long_rows = g_rand_int_range (rand, 0, 3) == 0;
  guint n_changes = 200 + g_rand_int_range (rand, 0, 400);
  guint n_words = 5 + g_rand_int_range (rand, 0, 40);
  sqlite3 *db = open_table (NULL);
  char *sql;

  for (guint i = 0; i < n_words; i++)
    {
      guint len = g_rand_int_range (rand, 1, g_rand_boolean (rand) ? 6 : page_size >= 100 ? 60 : 25);
      GString *word = g_string_new (NULL);

      for (guint j = 0; j < len; j++)
        g_string_append_c (word, "abcxq"[g_rand_int_range (rand, 0, j < 3 ? 2 : 5)]);
      g_ptr_array_add (vocabulary.words, g_string_free (word, FALSE));
    }

  sql = sqlite3_mprintf ("INSERT INTO t (t, rank) VALUES ('pgsz', %u);"
                         "INSERT INTO t (t, rank) VALUES ('automerge', %d);"
                         "INSERT INTO t (t, rank) VALUES ('crisismerge', %d);"
                         "INSERT INTO t (t, rank) VALUES ('usermerge', %d)",
                         page_size, g_rand_boolean (rand) ? 0 : g_rand_int_range (rand, 2, 8),
                         g_rand_int_range (rand, 2, 20), g_rand_int_range (rand, 2, 6));
  exec (db, sql);
  sqlite3_free (sql);

  for (guint change = 0; change < n_changes; change++)
    {
      guint kind = g_rand_int_range (rand, 0, 100);
      gboolean in_transaction = g_rand_int_range (rand, 0, 4) == 0;
      guint n = in_transaction ? g_rand_int_range (rand, 1, 10) : 1;

      if (in_transaction)
        exec (db, "BEGIN");
      for (guint i = 0; i < n; i++)
        {
          gint64 id = (gint64) (g_rand_double (rand) * max_id) - (g_rand_int_range (rand, 0, 10) == 0 ? max_id / 2 : 0);

          if (kind < 60)
            {
              g_autofree char *a = make_text (&vocabulary, g_rand_int_range (rand, 0, 4));
              g_autofree char *b = make_text (&vocabulary, g_rand_int_range (rand, 0, long_rows ? 400 : 30));

              sql = sqlite3_mprintf ("INSERT OR REPLACE INTO t (rowid, a, b) VALUES (%lld, %Q, %Q)",
                                     (long long) id, a, b);
            }
          else if (kind < 75)
            sql = sqlite3_mprintf ("DELETE FROM t WHERE rowid IN (SELECT rowid FROM t ORDER BY random () LIMIT %d)",
                                   g_rand_int_range (rand, 1, 4));
          else if (kind < 88)
            {
              g_autofree char *b = make_text (&vocabulary, g_rand_int_range (rand, 0, 20));

              sql = sqlite3_mprintf ("UPDATE t SET b = %Q WHERE rowid IN (SELECT rowid FROM t ORDER BY random () LIMIT 2)", b);
            }
          else if (kind < 95)
            sql = sqlite3_mprintf ("INSERT INTO t (t, rank) VALUES ('merge', %d)",
                                   (g_rand_boolean (rand) ? 1 : -1) * g_rand_int_range (rand, 1, 6));
          else if (kind < 96)
            sql = sqlite3_mprintf ("INSERT INTO t (t) VALUES ('optimize')");
          else
            sql = sqlite3_mprintf ("SELECT 1");
          exec (db, sql);
          sqlite3_free (sql);
        }
      if (in_transaction)
        exec (db, "COMMIT");

      if (change % 37 == 0)
        check_every_word (db, &vocabulary);
    }
  check_every_word (db, &vocabulary);
  exec (db, "INSERT INTO t (t) VALUES ('integrity-check')");

  sqlite3_close (db);
  g_ptr_array_unref (vocabulary.words);
  g_rand_free (vocabulary.rand);
}

/* Ids at both ends of the range: one that a merge took for "no more
 * rows" was dropped, and a prefix spanning them wrapped the span of its
 * sums and wrote out of bounds. */
static void
test_extreme_ids (void)
{
  sqlite3 *db = open_table (NULL);

  exec (db, "INSERT INTO t (t, rank) VALUES ('automerge', 0);"
            "INSERT INTO t (rowid, a, b) VALUES (1, 'x', 'y'), (9223372036854775807, 'x abd', 'y');"
            "INSERT INTO t (rowid, a, b) VALUES (2, 'x', 'y');"
            "INSERT INTO t (rowid, a, b) VALUES (-9223372036854775808, 'abc', 'y')");
  assert_reads_as_fts5 (db, "x", FALSE);
  assert_reads_as_fts5 (db, "ab", TRUE);
  sqlite3_close (db);
}

/* A new table, and one emptied: nothing to read, and nothing wrong. */
static void
test_empty (void)
{
  sqlite3 *db = open_table (NULL);

  assert_reads_as_fts5 (db, "x", FALSE);
  exec (db, "INSERT INTO t (a, b) VALUES ('x', 'y'); DELETE FROM t; INSERT INTO t (t) VALUES ('optimize')");
  assert_reads_as_fts5 (db, "x", FALSE);
  assert_reads_as_fts5 (db, "", TRUE);
  sqlite3_close (db);
}

/* Options that change the leaves, however FTS5 lets them be written, are
 * declined; the others are read. */
static void
test_options (void)
{
  static const struct { const char *options; int rc; } tables[] = {
    { "detail=column", SQLITE_NOTFOUND },
    { "DETAIL=column", SQLITE_NOTFOUND },
    { "deta=none", SQLITE_NOTFOUND },
    { "d = none", SQLITE_NOTFOUND },
    { "detail=full", SQLITE_NOTFOUND },   /* the same leaves, but not said as we read it */
    { "tokenize='unicode61 remove_diacritics 2'", SQLITE_OK },
    { "prefix='2 3'", SQLITE_OK },
    { "content=''", SQLITE_OK },
    { "columnsize=0", SQLITE_OK },
    { "\"c=d\"", SQLITE_NOTFOUND },   /* a third column */
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      sqlite3 *db = open_table (tables[i].options);
      g_autofree char *read = NULL;
      int rc;

      exec (db, "INSERT INTO t (rowid, a, b) VALUES (1, 'x x x', 'y x'), (2, 'y', 'x x')");
      read = read_postings (db, "x", FALSE, &rc);
      g_assert_cmpint (rc, ==, tables[i].rc);
      if (rc == SQLITE_OK)
        g_assert_cmpstr (read, ==, "1(3,1) 2(0,2) ");
      sqlite3_close (db);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint seed = 1; seed <= 14; seed++)
    {
      g_autofree char *path = g_strdup_printf ("/fts-postings/random-life/%u", seed);

      g_test_add_data_func (path, GUINT_TO_POINTER (seed), test_random_life);
    }
  g_test_add_func ("/fts-postings/extreme-ids", test_extreme_ids);
  g_test_add_func ("/fts-postings/empty", test_empty);
  g_test_add_func ("/fts-postings/options", test_options);

  return g_test_run ();
}
