/* vankho-fts-tokenizer.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An FTS5 tokenizer that folds Vietnamese: case, tone marks, vowel marks and
 * đ/Đ do not matter, and 'uỷ'/'ủy' index as the same word. unicode61 with
 * remove_diacritics comes close but keeps đ, so we fold ourselves with the
 * same code the rest of the program matches with (vankho-text.c). Offsets
 * handed to FTS5 point into the original text, so snippet() and highlight()
 * mark the words as written.
 */

#include "config.h"

#include "vankho-fts-tokenizer.h"
#include "vankho-text.h"

typedef struct
{
  void *fts_ctx;
  int (*fts_token) (void *ctx, int flags, const char *token, int n_token, int start, int end);
  int rc;
} TokenizeState;

static int
tokenizer_create (void          *user_data,
                  const char   **argv,
                  int            argc,
                  Fts5Tokenizer **out)
{
  /* Stateless: any non-NULL pointer will do. */
  *out = (Fts5Tokenizer *) user_data;
  return SQLITE_OK;
}

static void
tokenizer_delete (Fts5Tokenizer *tokenizer)
{
}

static gboolean
emit_token (const char *token,
            gsize       token_len,
            gsize       start,
            gsize       end,
            gpointer    user_data)
{
  TokenizeState *state = user_data;

  state->rc = state->fts_token (state->fts_ctx, 0, token, token_len, start, end);
  return state->rc == SQLITE_OK;
}

static int
tokenizer_tokenize (Fts5Tokenizer *tokenizer,
                    void          *ctx,
                    int            flags,
                    const char    *text,
                    int            n_text,
                    int (*token_cb) (void *, int, const char *, int, int, int))
{
  TokenizeState state = { ctx, token_cb, SQLITE_OK };

  if (text == NULL || n_text <= 0)
    return SQLITE_OK;

  vankho_text_foreach_token (text, n_text, emit_token, &state);

  return state.rc;
}

/**
 * vankho_fts_get_api:
 *
 * Returns: (nullable): FTS5's interface on @db, for registering tokenizers
 *   and functions
 */
fts5_api *
vankho_fts_get_api (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  fts5_api *api = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;

  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return api;
}

/**
 * vankho_fts_tokenizer_register:
 * @db: a connection
 *
 * Makes the 'vankho' tokenizer known to @db. Every connection that reads or
 * writes the article index must call this first.
 *
 * Returns: an SQLite result code
 */
int
vankho_fts_tokenizer_register (sqlite3 *db)
{
  static fts5_tokenizer tokenizer = {
    tokenizer_create,
    tokenizer_delete,
    tokenizer_tokenize,
  };
  static int dummy_instance;
  fts5_api *api;

  g_return_val_if_fail (db != NULL, SQLITE_MISUSE);

  api = vankho_fts_get_api (db);
  if (api == NULL)
    return SQLITE_ERROR;

  return api->xCreateTokenizer (api, VANKHO_FTS_TOKENIZER_NAME, &dummy_instance, &tokenizer, NULL);
}
