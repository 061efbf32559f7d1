/* vankho-fts-rank.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The relevance a search is sorted by: FTS5's bm25 without its document
 * length term (Okapi BM25 with b = 0, "BM15").
 *
 * bm25() reads each match's length from the %_docsize table, a statement
 * stepped once per matching row. Searches here are often common words
 * matching most of the archive, and every match is ranked because the list
 * shows them all: at 100 000 articles that lookup was most of a search
 * ('cong', 98 022 matches: bm25 156 ms; this function 19 ms, the sort
 * aside). Term frequency still saturates (k1 = 1.2), so a long article
 * that names a word often does not bury one that names it in its title.
 *
 *   vankho_rank(articles_fts, title_weight, body_weight [, counts])
 *
 * returns minus the score, as bm25() does, so that ORDER BY puts the best
 * first. A search run in parts on several connections at once passes each
 * part the same VankhoFtsPhraseCounts (sqlite3_bind_pointer()), so that
 * each phrase is counted once, by whichever part gets to it first.
 * vankho_rank_hits() scores the same and collects the rows itself (see
 * rank_hits_function()).
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "vankho-fts-postings.h"
#include "vankho-fts-rank.h"
#include "vankho-fts-tokenizer.h"

#define K1 1.2
/* title, body */
#define N_WEIGHTS 2

/* Per query: what its arguments say, read once rather than at every row
 * (sqlite3_value_pointer() compares type names), the table's columns and
 * each phrase's inverse document frequency. */
typedef struct
{
  double               weights[N_WEIGHTS];
  VankhoFtsRankedHits *hits;
  gboolean             idf_later;  /* see rank_hits_function() */
  int                  n_columns;
  int                  n_phrases;
  double               idf[];
} RankData;

typedef struct
{
  sqlite3_int64 n_hits;
  sqlite3_int64 half;   /* rows in the table, halved */
} PhraseCount;

struct _VankhoFtsPhraseCounts
{
  GMutex         lock;
  GCond          counted;
  int            n_phrases;   /* 0 until a part first asks */
  int            next;        /* the first phrase no part has taken */
  int            n_counted;
  int            rc;          /* the first error of any part */
  sqlite3_int64 *n_hits;
  gboolean      *known;       /* not to count: see vankho_fts_phrase_counts_set_known() */
};

/**
 * vankho_fts_phrase_counts_new:
 *
 * Returns: (transfer full): counts to share between the parts of one
 *   search; free with vankho_fts_phrase_counts_free() once they are done
 */
VankhoFtsPhraseCounts *
vankho_fts_phrase_counts_new (void)
{
  VankhoFtsPhraseCounts *counts = g_new0 (VankhoFtsPhraseCounts, 1);

  g_mutex_init (&counts->lock);
  g_cond_init (&counts->counted);

  return counts;
}

void
vankho_fts_phrase_counts_free (VankhoFtsPhraseCounts *counts)
{
  g_mutex_clear (&counts->lock);
  g_cond_clear (&counts->counted);
  g_free (counts->n_hits);
  g_free (counts->known);
  g_free (counts);
}

/**
 * vankho_fts_phrase_idf:
 * @n_hits: how many of the @n_rows hold the phrase
 *
 * As bm25(): a phrase in half the rows or more would weigh negatively or
 * nothing; it weighs very little instead.
 *
 * Returns: the phrase's weight in a score
 */
double
vankho_fts_phrase_idf (sqlite3_int64 n_rows,
                       sqlite3_int64 n_hits)
{
  double idf = log ((n_rows - n_hits + 0.5) / (n_hits + 0.5));

  return n_hits > n_rows / 2 || idf <= 0.0 ? 1e-6 : idf;
}

/**
 * vankho_fts_phrase_counts_set_known:
 * @n_with_phrase: for each of the @n_phrases, how many hits of the search
 *   hold it
 *
 * Marks the phrases whose count the hits already settle, before the
 * others are counted: a phrase in more than half of the @n_rows is in
 * more than half of the table too, and weighs the least whatever its
 * count; a phrase in no hit weighs nothing in any. Common words match
 * most of the archive, and counting each took a pass over half its
 * matches.
 *
 * Returns: whether any phrase is still to count
 */
gboolean
vankho_fts_phrase_counts_set_known (VankhoFtsPhraseCounts *counts,
                                    int                    n_phrases,
                                    sqlite3_int64          n_rows,
                                    const sqlite3_int64   *n_with_phrase)
{
  gboolean any_left = FALSE;

  g_return_val_if_fail (counts->n_phrases == 0, FALSE);

  counts->n_phrases = n_phrases;
  counts->n_hits = g_new0 (sqlite3_int64, n_phrases);
  counts->known = g_new0 (gboolean, n_phrases);
  for (int i = 0; i < n_phrases; i++)
    {
      counts->known[i] = n_with_phrase[i] == 0 || n_with_phrase[i] > n_rows / 2;
      counts->n_hits[i] = n_with_phrase[i];
      any_left |= !counts->known[i];
    }

  return any_left;
}

/**
 * vankho_fts_phrase_counts_get_idf:
 * @idf: (out caller-allocates): the inverse document frequency of each
 *   phrase, as many as were counted
 *
 * Once every phrase is counted or known, the weights
 * vankho_fts_ranked_hits_score() needs.
 */
void
vankho_fts_phrase_counts_get_idf (VankhoFtsPhraseCounts *counts,
                                  sqlite3_int64          n_rows,
                                  double                *idf)
{
  for (int i = 0; i < counts->n_phrases; i++)
    idf[i] = vankho_fts_phrase_idf (n_rows, counts->n_hits[i]);
}

/* Counting stops past half the rows: from there on the idf is the same,
 * and common words, which match nearly every row, were counted in full
 * (all the counting was 5 ms of a 40 ms three-word search). */
static int
count_row (const Fts5ExtensionApi *api,
           Fts5Context            *fts,
           void                   *user_data)
{
  PhraseCount *count = user_data;

  return ++count->n_hits > count->half ? SQLITE_DONE : SQLITE_OK;
}

static int
count_phrase (const Fts5ExtensionApi *api,
              Fts5Context            *fts,
              int                     phrase,
              sqlite3_int64           n_rows,
              sqlite3_int64          *n_hits)
{
  PhraseCount count = { 0, n_rows / 2 };
  int rc;

  rc = api->xQueryPhrase (fts, phrase, &count, count_row);
  *n_hits = count.n_hits;

  return rc;
}

/* Counts the phrases the other parts have not taken, then waits for
 * theirs. A part only waits for phrases being counted, never for one that
 * waits itself. */
static int
count_phrases_shared (const Fts5ExtensionApi *api,
                      Fts5Context            *fts,
                      VankhoFtsPhraseCounts  *counts,
                      int                     n_phrases,
                      sqlite3_int64           n_rows,
                      sqlite3_int64          *n_hits)
{
  int rc;

  g_mutex_lock (&counts->lock);
  if (counts->n_phrases == 0)
    {
      counts->n_phrases = n_phrases;
      counts->n_hits = g_new0 (sqlite3_int64, n_phrases);
    }
  if (counts->n_phrases != n_phrases)
    {
      g_mutex_unlock (&counts->lock);
      g_critical ("Phrase counts shared by two different searches");
      return SQLITE_MISUSE;
    }

  while (counts->next < n_phrases)
    {
      int phrase = counts->next++;
      sqlite3_int64 n = 0;

      if (counts->known != NULL && counts->known[phrase])
        {
          counts->n_counted++;
          continue;
        }

      g_mutex_unlock (&counts->lock);
      rc = count_phrase (api, fts, phrase, n_rows, &n);
      g_mutex_lock (&counts->lock);

      counts->n_hits[phrase] = n;
      if (rc != SQLITE_OK && counts->rc == SQLITE_OK)
        counts->rc = rc;
      counts->n_counted++;
      g_cond_broadcast (&counts->counted);
    }
  while (counts->n_counted < n_phrases)
    g_cond_wait (&counts->counted, &counts->lock);

  memcpy (n_hits, counts->n_hits, sizeof (sqlite3_int64) * n_phrases);
  rc = counts->rc;
  g_mutex_unlock (&counts->lock);

  return rc;
}

static RankData *
get_rank_data (const Fts5ExtensionApi *api,
               Fts5Context            *fts,
               int                     n_values,
               sqlite3_value         **values,
               gboolean                idf_later,
               int                    *rc)
{
  g_autofree sqlite3_int64 *n_hits = NULL;
  RankData *data = api->xGetAuxdata (fts, 0);
  VankhoFtsPhraseCounts *shared = NULL;
  sqlite3_int64 n_rows = 0;
  int n_phrases;

  if (data != NULL)
    return data;

  if (n_values > N_WEIGHTS)
    shared = sqlite3_value_pointer (values[N_WEIGHTS], VANKHO_FTS_PHRASE_COUNTS_TYPE);

  n_phrases = api->xPhraseCount (fts);
  data = sqlite3_malloc64 (sizeof (RankData) + sizeof (double) * (n_phrases > 0 ? n_phrases : 1));
  if (data == NULL)
    {
      *rc = SQLITE_NOMEM;
      return NULL;
    }
  for (int column = 0; column < N_WEIGHTS; column++)
    data->weights[column] = column < n_values ? sqlite3_value_double (values[column]) : 1.0;
  data->hits = n_values > N_WEIGHTS + 1 ? sqlite3_value_pointer (values[N_WEIGHTS + 1], VANKHO_FTS_RANKED_HITS_TYPE) : NULL;
  data->n_columns = api->xColumnCount (fts);
  data->n_phrases = n_phrases;
  data->idf_later = idf_later && n_phrases > 1 && data->hits != NULL;

  /* With one phrase the idf scales every score alike and cannot change the
   * order: skip the pass over its matches that counting them costs. */
  if (n_phrases == 1)
    data->idf[0] = 1.0;
  else
    *rc = api->xRowCount (fts, &n_rows);

  if (data->idf_later && *rc == SQLITE_OK)
    {
      VankhoFtsRankedHits *sink = data->hits;

      sink->n_phrases = n_phrases;
      sink->n_rows = n_rows;
      g_free (sink->n_with_phrase);
      sink->n_with_phrase = g_new0 (sqlite3_int64, n_phrases);
      g_array_set_size (sink->freqs, 0);
    }
  else if (n_phrases > 1 && *rc == SQLITE_OK)
    {
      n_hits = g_new0 (sqlite3_int64, n_phrases);
      if (shared != NULL)
        *rc = count_phrases_shared (api, fts, shared, n_phrases, n_rows, n_hits);
      for (int i = 0; shared == NULL && *rc == SQLITE_OK && i < n_phrases; i++)
        *rc = count_phrase (api, fts, i, n_rows, &n_hits[i]);
    }

  for (int i = 0; n_phrases > 1 && !data->idf_later && *rc == SQLITE_OK && i < n_phrases; i++)
    data->idf[i] = vankho_fts_phrase_idf (n_rows, n_hits[i]);

  if (*rc == SQLITE_OK)
    *rc = api->xSetAuxdata (fts, data, sqlite3_free);
  else
    sqlite3_free (data);

  return *rc == SQLITE_OK ? data : NULL;
}

/* Skips the varint at @p: its last byte has the high bit clear. */
static inline const unsigned char *
skip_varint (const unsigned char *p,
             const unsigned char *end)
{
  while (p < end && (*p & 0x80) != 0)
    p++;
  return p < end ? p + 1 : end;
}

/* The weighted frequency of @phrase in the current row, in @freq.
 *
 * The phrase's position list is read in place, past its first position:
 * xPhraseNext() is a call per mention, and xInst() first merges every
 * phrase's instances into one sorted array. In FTS5's position list (its
 * file format, detail=full) each position is one varint, at least 2, and
 * a change of column is the varint 1 followed by the column's number. So
 * the positions of the last column are its remaining varints, counted by
 * their last bytes (a common word in a long article costs a pass over
 * bytes), and a column before it ends at the first varint that is 1.
 * /library/search/ranking-score checks it against FTS5's own reading.
 */
static inline int
phrase_freq (const Fts5ExtensionApi *api,
             Fts5Context            *fts,
             const RankData         *data,
             int                     phrase,
             double                 *freq)
{
  const double *weights = data->weights;
  const unsigned char *p, *end;
  Fts5PhraseIter iter;
  int column, offset;
  int rc;

  *freq = 0.0;

  rc = api->xPhraseFirst (fts, phrase, &iter, &column, &offset);
  if (rc != SQLITE_OK || column < 0)
    return rc;

  p = iter.a;
  end = iter.b;
  for (;;)
    {
      double weight = column < N_WEIGHTS ? weights[column] : 1.0;
      sqlite3_int64 n = 1;   /* the column's first position, read */
      unsigned int next_column = 0;

      if (column == data->n_columns - 1)
        {
          *freq += (n + vankho_fts_count_varints (p, end)) * weight;
          break;
        }

      while (p < end && *p != 0x01)
        {
          p = skip_varint (p, end);
          n++;
        }
      *freq += n * weight;
      if (p >= end)
        break;

      /* The next column's number, then its first position. */
      for (p++; p < end; p++)
        {
          next_column = (next_column << 7) | (*p & 0x7f);
          if ((*p & 0x80) == 0)
            break;
        }
      if (p >= end || (int) next_column <= column)
        return SQLITE_CORRUPT_VTAB;
      column = next_column;
      p = skip_varint (p + 1, end);
    }

  return SQLITE_OK;
}

/**
 * vankho_fts_phrase_score:
 * @freq: the phrase's weighted frequency in a row
 *
 * Returns: a phrase's part of a row's score: BM25 without the length
 *   term, the frequency saturating (k1 = 1.2)
 */
double
vankho_fts_phrase_score (double idf,
                         double freq)
{
  return idf * freq * (K1 + 1.0) / (freq + K1);
}

/* Minus the score of the current row, as bm25() gives it, in @rank. */
static int
score_row (const Fts5ExtensionApi *api,
           Fts5Context            *fts,
           const RankData         *data,
           double                 *rank)
{
  double score = 0.0;
  int rc = SQLITE_OK;

  for (int i = 0; rc == SQLITE_OK && i < data->n_phrases; i++)
    {
      double freq;

      rc = phrase_freq (api, fts, data, i, &freq);
      score += vankho_fts_phrase_score (data->idf[i], freq);
    }

  *rank = -score;
  return rc;
}

static void
rank_function (const Fts5ExtensionApi *api,
               Fts5Context            *fts,
               sqlite3_context        *context,
               int                     n_values,
               sqlite3_value         **values)
{
  RankData *data;
  double rank = 0.0;
  int rc = SQLITE_OK;

  data = get_rank_data (api, fts, n_values, values, FALSE, &rc);
  if (data != NULL)
    rc = score_row (api, fts, data, &rank);
  if (rc == SQLITE_OK)
    sqlite3_result_double (context, rank);
  else
    sqlite3_result_error_code (context, rc);
}

/* Whether @id is among the @n ascending @ids. */
static gboolean
contains_id (const gint64 *ids,
             guint         n,
             gint64        id)
{
  guint low = 0, high = n;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (ids[middle] < id)
        low = middle + 1;
      else
        high = middle;
    }

  return low < n && ids[low] == id;
}

/* vankho_rank_hits(articles_fts, title_weight, body_weight, counts, hits)
 * ranks the row as vankho_rank() does and appends it to @hits (a
 * VankhoFtsRankedHits), leaving out the rows whose id is excluded. A
 * search that lists every match ranks most of the archive: handing each
 * row back through sqlite3_step() and two sqlite3_column_*() calls, each
 * taking the connection's mutex, cost more instructions than the score
 * itself. The statement returns one row, a count: see build_id_query() for
 * where the call stands in it, so that only the rows every other term lets
 * through are ranked. It returns 0 for every row, so that as a term of a
 * WHERE clause it leaves the count nothing to step (4 % of a common
 * word's search); the sink's count is the one that matters. */
static void
rank_hits_function (const Fts5ExtensionApi *api,
                    Fts5Context            *fts,
                    sqlite3_context        *context,
                    int                     n_values,
                    sqlite3_value         **values)
{
  VankhoFtsRankedHits *sink;
  VankhoFtsRankedHit *hit;
  RankData *data;
  gint64 id;
  double rank = 0.0;
  int rc = SQLITE_OK;

  data = get_rank_data (api, fts, n_values, values, TRUE, &rc);
  if (data == NULL)
    {
      sqlite3_result_error_code (context, rc);
      return;
    }
  sink = data->hits;
  if (sink == NULL)
    {
      sqlite3_result_error (context, VANKHO_FTS_RANK_HITS_NAME "() needs somewhere to put its hits", -1);
      return;
    }

  id = api->xRowid (fts);
  sqlite3_result_int (context, 0);
  if (contains_id (sink->excluded, sink->n_excluded, id))
    return;

  if (data->idf_later)
    {
      double *freqs;

      /* Scored once the phrases are counted, if they must be: see
       * vankho_fts_phrase_counts_set_known(). */
      if ((sink->n_hits + 1) * data->n_phrases > sink->freqs->len)
        g_array_set_size (sink->freqs, MAX (1024, sink->freqs->len * 2) + data->n_phrases);
      freqs = &g_array_index (sink->freqs, double, sink->n_hits * data->n_phrases);
      for (int i = 0; rc == SQLITE_OK && i < data->n_phrases; i++)
        {
          rc = phrase_freq (api, fts, data, i, &freqs[i]);
          sink->n_with_phrase[i] += freqs[i] > 0.0;
        }
    }
  else
    {
      rc = score_row (api, fts, data, &rank);
    }
  if (rc != SQLITE_OK)
    {
      sqlite3_result_error_code (context, rc);
      return;
    }

  /* Grown by doubling, not a call per row. A hit whose score waits for
   * the counts is given its key by vankho_fts_ranked_hits_score(). */
  if (sink->n_hits == sink->hits->len)
    g_array_set_size (sink->hits, MAX (1024, sink->hits->len * 2));
  hit = &g_array_index (sink->hits, VankhoFtsRankedHit, sink->n_hits++);
  hit->key = vankho_fts_rank_key (rank);
  hit->id = id;
}

/**
 * vankho_fts_ranked_hits_score:
 * @idf: each phrase's weight (see vankho_fts_phrase_counts_get_idf())
 *
 * Gives the hits vankho_rank_hits() left unscored, in a search of more
 * than one phrase, their keys: the same scores as vankho_rank().
 */
void
vankho_fts_ranked_hits_score (VankhoFtsRankedHits *sink,
                              const double        *idf)
{
  const double *freqs = (const double *) sink->freqs->data;

  for (guint k = 0; k < sink->n_hits; k++, freqs += sink->n_phrases)
    {
      double score = 0.0;

      for (int i = 0; i < sink->n_phrases; i++)
        score += vankho_fts_phrase_score (idf[i], freqs[i]);
      g_array_index (sink->hits, VankhoFtsRankedHit, k).key = vankho_fts_rank_key (-score);
    }
}

/**
 * vankho_fts_rank_key:
 *
 * Returns: @rank's bits as an unsigned integer of the same order, for a
 *   radix sort: negative doubles in reverse, then the positive ones
 */
guint64
vankho_fts_rank_key (double rank)
{
  const guint64 sign = G_GUINT64_CONSTANT (1) << 63;
  guint64 bits;

  memcpy (&bits, &rank, sizeof bits);
  return (bits & sign) != 0 ? ~bits : bits | sign;
}

/**
 * vankho_fts_rank_register:
 *
 * Makes vankho_rank() and vankho_rank_hits() available to FTS5 tables on
 * @db.
 */
int
vankho_fts_rank_register (sqlite3 *db)
{
  fts5_api *api;

  g_return_val_if_fail (db != NULL, SQLITE_MISUSE);

  api = vankho_fts_get_api (db);
  if (api == NULL)
    return SQLITE_ERROR;

  if (api->xCreateFunction (api, VANKHO_FTS_RANK_NAME, NULL, rank_function, NULL) != SQLITE_OK)
    return SQLITE_ERROR;

  return api->xCreateFunction (api, VANKHO_FTS_RANK_HITS_NAME, NULL, rank_hits_function, NULL);
}
