/* vankho-fts-snippet.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Snippets of one article, made from an index of that article alone.
 *
 * A list row's snippet is FTS5's snippet() of the search on the article's
 * row. Asked of the library's index, a prefix ('quye*', 'c*') makes FTS5
 * merge the postings of every word it begins, over the whole archive, for
 * each row: at 100 000 articles 'c*' took 11 s for 20 rows, on the main
 * thread. Here the article is indexed alone, in memory, with the same
 * tokenizer, and the snippet is the same one.
 */

#include "config.h"

#include <string.h>

#include "vankho-fts-snippet.h"
#include "vankho-fts-tokenizer.h"

struct _VankhoFtsSnippet
{
  sqlite3      *db;
  sqlite3_stmt *clear;
  sqlite3_stmt *store;
  sqlite3_stmt *index;
  sqlite3_stmt *select;
  int           rc;     /* of opening it: NOT_OPENED until first use */
};

/* No SQLite result code is negative. */
#define NOT_OPENED -1

/* The text is the external content, so that clearing the index
 * ('delete-all') does not tokenize the last article again to unindex it. */
static const char schema[] =
  "CREATE TABLE article (id INTEGER PRIMARY KEY, title TEXT, body TEXT);"
  "CREATE VIRTUAL TABLE article_fts USING fts5 ("
  "  title, body, content='article', content_rowid='id', tokenize='vankho');";

static int
prepare (sqlite3       *db,
         const char    *sql,
         sqlite3_stmt **stmt)
{
  return sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL);
}

static int
open_index (VankhoFtsSnippet *self)
{
  int rc;

  rc = sqlite3_open_v2 (":memory:", &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    rc = vankho_fts_tokenizer_register (self->db);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->db, schema, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = prepare (self->db, "INSERT INTO article_fts (article_fts) VALUES ('delete-all')", &self->clear);
  if (rc == SQLITE_OK)
    rc = prepare (self->db, "REPLACE INTO article (id, title, body) VALUES (1, ?1, ?2)", &self->store);
  if (rc == SQLITE_OK)
    rc = prepare (self->db, "INSERT INTO article_fts (rowid, title, body) VALUES (1, ?1, ?2)", &self->index);
  if (rc == SQLITE_OK)
    rc = prepare (self->db,
                  "SELECT snippet (article_fts, " VANKHO_FTS_SNIPPET_ARGS ")"
                  " FROM article_fts WHERE article_fts MATCH ?1", &self->select);

  return rc;
}

/**
 * vankho_fts_snippet_new:
 *
 * Returns: (transfer full): an empty index, opened on first use. Use it
 *   from one thread at a time.
 */
VankhoFtsSnippet *
vankho_fts_snippet_new (void)
{
  VankhoFtsSnippet *self = g_new0 (VankhoFtsSnippet, 1);

  self->rc = NOT_OPENED;

  return self;
}

void
vankho_fts_snippet_free (VankhoFtsSnippet *self)
{
  g_clear_pointer (&self->clear, sqlite3_finalize);
  g_clear_pointer (&self->store, sqlite3_finalize);
  g_clear_pointer (&self->index, sqlite3_finalize);
  g_clear_pointer (&self->select, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
  g_free (self);
}

/**
 * vankho_fts_snippet_needs_own_row:
 * @match: an FTS5 expression
 *
 * Returns: whether a snippet of @match costs less from the article's own
 *   index than from the library's: when it has a prefix, a star outside
 *   the quotes.
 */
gboolean
vankho_fts_snippet_needs_own_row (const char *match)
{
  gboolean quoted = FALSE;

  for (const char *p = match; p != NULL && *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == '*' && !quoted)
        return TRUE;
    }

  return FALSE;
}

/* Runs @stmt, a statement without rows, and resets it. */
static int
run (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/**
 * vankho_fts_snippet_make:
 * @title: (nullable): the article's title
 * @body: (nullable): its body
 * @match: the search, an FTS5 expression
 * @snippet: (out) (transfer full): the snippet, or %NULL when @match is
 *   not in the article
 *
 * Makes the snippet the library's index would give for @match on this
 * article.
 *
 * Returns: an SQLite result code
 */
int
vankho_fts_snippet_make (VankhoFtsSnippet  *self,
                         const char        *title,
                         const char        *body,
                         const char        *match,
                         char             **snippet)
{
  int rc;

  *snippet = NULL;

  if (self->rc == NOT_OPENED)
    self->rc = open_index (self);
  if (self->rc != SQLITE_OK)
    return self->rc;

  rc = run (self->clear);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (self->store, 1, title, -1, SQLITE_STATIC);
      sqlite3_bind_text (self->store, 2, body, -1, SQLITE_STATIC);
      rc = run (self->store);
    }
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (self->index, 1, title, -1, SQLITE_STATIC);
      sqlite3_bind_text (self->index, 2, body, -1, SQLITE_STATIC);
      rc = run (self->index);
    }
  if (rc != SQLITE_OK)
    return rc;

  sqlite3_bind_text (self->select, 1, match, -1, SQLITE_STATIC);
  rc = sqlite3_step (self->select);
  if (rc == SQLITE_ROW)
    *snippet = g_strdup ((const char *) sqlite3_column_text (self->select, 0));
  sqlite3_reset (self->select);
  sqlite3_clear_bindings (self->select);

  return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}
