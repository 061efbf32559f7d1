/* fuzz-fts-postings.c: vankho_fts_postings_reader_read() on an FTS5 index
 * one of whose records is hostile
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A library file may be damaged or made to harm, and the reader parses
 * its index's records itself. The input's first byte picks a record of a
 * small index (structure, averages, leaves of 64 bytes), the rest takes
 * its place; the reader then reads words and prefixes from it. Any result
 * code will do, as long as nothing is read out of bounds.
 */

#include "fuzz-common.h"

#include <sqlite3.h>

#include "vankho-fts-postings.h"

#define N_ROWS 40

static const char *words[] = { "gia", "lai", "kon", "tum", "cong", "chinh", "khong" };

static sqlite3 *
make_index (void)
{
  sqlite3 *db = NULL;

  if (sqlite3_open (":memory:", &db) != SQLITE_OK ||
      sqlite3_exec (db,
                    "CREATE VIRTUAL TABLE t USING fts5 (title, body);"
                    "INSERT INTO t (t, rank) VALUES ('pgsz', 64);",
                    NULL, NULL, NULL) != SQLITE_OK)
    abort ();

  for (guint i = 0; i < N_ROWS; i++)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      char *sql;

      for (guint j = 0; j < 1 + i % 7; j++)
        g_string_append_printf (body, "%s %s ", words[(i + j) % G_N_ELEMENTS (words)], words[j % 3]);
      sql = sqlite3_mprintf ("INSERT INTO t (title, body) VALUES (%Q, %Q)",
                             words[i % G_N_ELEMENTS (words)], body->str);
      if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
        abort ();
      sqlite3_free (sql);
    }

  return db;
}

/* The index, built once: each input gets a copy of its own. */
static sqlite3 *
copy_index (void)
{
  static unsigned char *image;
  static sqlite3_int64 image_size;
  unsigned char *copy;
  sqlite3 *db = NULL;

  if (image == NULL)
    {
      sqlite3 *made = make_index ();

      image = sqlite3_serialize (made, "main", &image_size, 0);
      sqlite3_close (made);
      if (image == NULL)
        abort ();
    }

  copy = sqlite3_malloc64 (image_size);
  memcpy (copy, image, image_size);
  if (sqlite3_open (":memory:", &db) != SQLITE_OK ||
      sqlite3_deserialize (db, "main", copy, image_size, image_size,
                           SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE) != SQLITE_OK)
    abort ();

  return db;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(VankhoFtsPostingsReader) reader = NULL;
  g_autoptr(GArray) postings = g_array_new (FALSE, FALSE, sizeof (VankhoFtsPosting));
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;

  fuzz_init ();
  if (size < 1 || size > 4096)
    return 0;

  db = copy_index ();
  if (sqlite3_prepare_v2 (db,
                          "UPDATE t_data SET block = ?1 WHERE id = (SELECT id FROM t_data ORDER BY id"
                          " LIMIT 1 OFFSET ?2 % (SELECT count (*) FROM t_data))",
                          -1, &stmt, NULL) != SQLITE_OK)
    abort ();
  sqlite3_bind_blob (stmt, 1, data + 1, size - 1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, data[0]);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  reader = vankho_fts_postings_reader_new (db, "t");
  if (vankho_fts_postings_reader_begin (reader) == SQLITE_OK)
    {
      for (guint i = 0; i < G_N_ELEMENTS (words); i++)
        {
          vankho_fts_postings_reader_read (reader, words[i], FALSE, postings, NULL);
          vankho_fts_postings_reader_read (reader, words[i], TRUE, postings, NULL);
        }
      vankho_fts_postings_reader_read (reader, "", TRUE, postings, NULL);
    }
  vankho_fts_postings_reader_end (reader);
  g_clear_pointer (&reader, vankho_fts_postings_reader_free);
  sqlite3_close (db);

  return 0;
}
