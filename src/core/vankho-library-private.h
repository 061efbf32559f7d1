/* vankho-library-private.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "vankho-library.h"
#include "vankho-fts-snippet.h"

G_BEGIN_DECLS

/* The most processors a search is shared out between. */
#define SEARCH_PARTS_MAX 4

/* A connection a ranked search runs a part on, and that part's hits, the
 * buffer to sort them in and their phrases' frequencies. */
typedef struct
{
  sqlite3 *db;
  GArray  *hits;
  GArray  *spare;
  GArray  *freqs;
} SearchHelper;

/* Shared by the files that make up VankhoLibrary; nothing else may touch
 * the connections.
 */
struct _VankhoLibrary
{
  GObject   parent_instance;

  char     *path;
  sqlite3  *db;       /* writes, and reads on the main thread */
  sqlite3  *reader;   /* long reads from worker threads, under reader_lock */
  GMutex    reader_lock;
  /* A ranked search's hits and the radix sort's second buffer, kept from
   * one search to the next under reader_lock: fresh memory costs a page
   * fault every 4 kB, 8 % of a common word's search. */
  GArray   *ranked_hits;
  GArray   *ranked_spare;
  GArray   *ranked_freqs;
  /* A search read from the index itself, under reader_lock likewise:
   * its reader of the index and each word's rows (see search_index()). */
  gboolean   search_index;       /* FALSE, for tests, to search through FTS5 */
  guint      n_index_searches;   /* for tests: how many were read from the index */
  struct _VankhoFtsPostingsReader *postings_readers[SEARCH_PARTS_MAX];   /* on reader, made on first use */
  GPtrArray *word_postings;      /* GArray of VankhoFtsPosting */
  /* The connections a large ranked search is split across besides the
   * reader, opened when first needed, and how it is split: see
   * run_ranked_query(). Under reader_lock. */
  GArray   *search_helpers;     /* SearchHelper */
  guint     search_parts_max;
  gint64    search_part_rows;

  /* Checkpoints of the write-ahead log, on a thread of their own with a
   * connection of their own: see wal_written_cb(). */
  GThreadPool *checkpointer;
  sqlite3     *checkpoint_db;
  gint         checkpoint_queued;

  /* What the list runs once a row: preparing costs more than running, and
   * scrolling binds a thousand rows. Under row_lock, since the connection
   * may be used from any thread.
   */
  sqlite3_stmt *summary_stmt;
  sqlite3_stmt *snippet_stmt;
  sqlite3_stmt *snippet_text_stmt;
  VankhoFtsSnippet *own_snippet;   /* for prefixes: see vankho-fts-snippet.c */
  GMutex        row_lock;

  /* Statements on db that run once an article or a citation, kept
   * prepared: SQL → sqlite3_stmt. See vankho_library_prepare_kept(). */
  GHashTable   *kept;

  /* Articles added in the open transaction, indexed for search just before
   * it commits: see vankho_library_add_article(). */
  GArray       *unindexed;
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* A citation c's sentence, cut from the body of its article a by its
 * offsets in bytes; citations stored before schema 10 kept a copy. */
#define VANKHO_CITATION_SENTENCE \
  "coalesce (c.sentence, CAST (substr (CAST (a.body AS BLOB)," \
  " c.sentence_offset + 1, c.sentence_length) AS TEXT))"

void          vankho_library_set_sqlite_error (GError        **error,
                                               sqlite3        *db,
                                               const char     *path);
gboolean      vankho_library_exec             (VankhoLibrary  *self,
                                               sqlite3        *db,
                                               const char     *sql,
                                               GError        **error);
sqlite3_stmt *vankho_library_prepare          (VankhoLibrary  *self,
                                               sqlite3        *db,
                                               const char     *sql,
                                               GError        **error);
sqlite3_stmt *vankho_library_prepare_kept     (VankhoLibrary  *self,
                                               const char     *sql,
                                               GError        **error);
int           vankho_library_register_functions (sqlite3     *db);
gboolean      vankho_library_seed_catalogue   (VankhoLibrary  *self,
                                               GError        **error);
void          vankho_library_set_search_index (VankhoLibrary  *self,
                                               gboolean        search_index);
void          vankho_library_set_search_split (VankhoLibrary  *self,
                                               guint           parts_max,
                                               gint64          part_rows);

G_END_DECLS
