/* bench-search.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Search latency on a library made by bench-import, beside bare FTS5 MATCH
 * of the same queries on the same texts (LIBRARY.bare.db, unicode61
 * remove_diacritics 2):
 *
 *   search_p50 <ms> ms          search_p50_floor <ms> ms
 *   search_p95 <ms> ms          search_p95_floor <ms> ms
 *   search_ratio_p95 <n> x      ours / floor
 *   search_hits_mean <n> articles
 *
 *   bench-search [--print-queries] LIBRARY [N_QUERIES]
 *
 * 300 queries are drawn, with a fixed seed, from the texts themselves: one
 * to three words typed without tone marks ('dang uy'), "phrases" and
 * prefixes ('chinh*'). Ours is what the list does when the user types: every
 * matching id, best first (vankho_rank(): bm25 without the length term,
 * title weighing 4), on the reader connection. The floor ranks the bare
 * table by FTS5's own bm25(4.0, 1.0), what the library did before. Each
 * query runs once to warm the cache, then is timed.
 */

#include "config.h"

#include <locale.h>
#include <sqlite3.h>

#include "vankho-library.h"
#include "vankho-text.h"

typedef struct { guint64 s; } Rng;

static guint64
rng_next (Rng *rng)
{
  guint64 z = (rng->s += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

typedef struct
{
  char *ours;   /* as the user types it, folded */
  char *bare;   /* the same as an FTS5 expression for unicode61 */
} Query;

static void
query_free (Query *query)
{
  g_free (query->ours);
  g_free (query->bare);
  g_free (query);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, MIN (values->len - 1, (guint) (p * values->len)));
}

/* The words of @text as written, lower case (what unicode61 sees, less its
 * own folding) and folded (what our users type).
 */
static GPtrArray *
split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *start = NULL;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          if (start == NULL)
            start = p;
          continue;
        }
      if (start != NULL)
        {
          g_ptr_array_add (words, g_utf8_strdown (start, p - start));
          start = NULL;
        }
      if (c == 0)
        break;
    }

  return words;
}

static GPtrArray *
make_queries (sqlite3 *bare,
              guint    n)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func ((GDestroyNotify) query_free);
  sqlite3_stmt *max = NULL;
  sqlite3_stmt *get = NULL;
  gint64 n_rows = 0;
  Rng rng = { 42 };

  sqlite3_prepare_v2 (bare, "SELECT max(rowid) FROM bare", -1, &max, NULL);
  if (sqlite3_step (max) == SQLITE_ROW)
    n_rows = sqlite3_column_int64 (max, 0);
  sqlite3_finalize (max);
  if (n_rows == 0)
    g_error ("bench-search: the bare table is empty");

  sqlite3_prepare_v2 (bare, "SELECT body FROM bare WHERE rowid = ?1", -1, &get, NULL);

  while (queries->len < n)
    {
      g_autoptr(GPtrArray) words = NULL;
      GString *ours = g_string_new (NULL);
      GString *bare_expr = g_string_new (NULL);
      guint kind = rng_next (&rng) % 20;
      guint n_words = 1 + rng_next (&rng) % 3;
      guint at;
      Query *q;

      sqlite3_bind_int64 (get, 1, 1 + rng_next (&rng) % n_rows);
      if (sqlite3_step (get) != SQLITE_ROW)
        {
          sqlite3_reset (get);
          continue;
        }
      words = split_words ((const char *) sqlite3_column_text (get, 0));
      sqlite3_reset (get);
      if (words->len < 10)
        continue;
      at = rng_next (&rng) % (words->len - 3);

      if (kind < 2)
        {
          /* A prefix: the first letters of a word without đ, which unicode61
           * would not fold. */
          const char *w = words->pdata[at];
          g_autofree char *folded = vankho_text_fold (w, -1);
          g_autofree char *prefix = NULL;

          if (strlen (folded) < 4 || strstr (w, "đ") != NULL || !g_str_is_ascii (folded))
            goto skip;
          prefix = g_strndup (folded, 3 + rng_next (&rng) % 2);
          g_string_append_printf (ours, "%s*", prefix);
          g_string_append_printf (bare_expr, "\"%s\"*", prefix);
        }
      else if (kind < 5 && n_words > 1)
        {
          /* A phrase. */
          g_string_append_c (ours, '"');
          g_string_append_c (bare_expr, '"');
          for (guint i = 0; i < n_words; i++)
            {
              g_autofree char *folded = vankho_text_fold (words->pdata[at + i], -1);

              g_string_append_printf (ours, "%s%s", i ? " " : "", folded);
              g_string_append_printf (bare_expr, "%s%s", i ? " " : "", (char *) words->pdata[at + i]);
            }
          g_string_append_c (ours, '"');
          g_string_append_c (bare_expr, '"');
        }
      else
        {
          /* Words, all of which must match, anywhere. */
          for (guint i = 0; i < n_words; i++)
            {
              const char *w = words->pdata[at + i * 7 % (words->len - at)];
              g_autofree char *folded = vankho_text_fold (w, -1);

              g_string_append_printf (ours, "%s%s", i ? " " : "", folded);
              g_string_append_printf (bare_expr, "%s\"%s\"", i ? " " : "", w);
            }
        }

      q = g_new0 (Query, 1);
      q->ours = g_string_free (ours, FALSE);
      q->bare = g_string_free (bare_expr, FALSE);
      g_ptr_array_add (queries, q);
      continue;

skip:
      g_string_free (ours, TRUE);
      g_string_free (bare_expr, TRUE);
    }

  sqlite3_finalize (get);
  return queries;
}

static double
run_ours (VankhoLibrary *library,
          const Query   *q,
          guint         *n_hits)
{
  VankhoArticleQuery query = { 0 };
  g_autoptr(GError) error = NULL;
  GArray *ids;
  gint64 start = g_get_monotonic_time ();

  query.text = q->ours;
  ids = vankho_library_query_article_ids (library, &query, 0, NULL, NULL, &error);
  if (ids == NULL)
    g_error ("search “%s”: %s", q->ours, error->message);
  *n_hits = ids->len;
  g_array_unref (ids);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
run_floor (sqlite3      *bare,
           sqlite3_stmt *stmt,
           const Query  *q)
{
  gint64 start = g_get_monotonic_time ();
  int rc;

  sqlite3_bind_text (stmt, 1, q->bare, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    (void) sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    g_error ("bare “%s”: %s", q->bare, sqlite3_errmsg (bare));
  sqlite3_reset (stmt);

  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *bare_path = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *bare = NULL;
  guint64 hits = 0;
  guint n = 300;
  gboolean print_queries = FALSE;
  double p95, p95_floor;

  setlocale (LC_ALL, "");
  /* Figures are read by scripts: a decimal point in every locale. */
  setlocale (LC_NUMERIC, "C");

  /* The queries alone, one a line, for bench-recoll.py to time them. */
  if (argc > 1 && g_str_equal (argv[1], "--print-queries"))
    {
      print_queries = TRUE;
      argv++;
      argc--;
    }
  if (argc < 2)
    {
      g_printerr ("usage: bench-search [--print-queries] LIBRARY [N_QUERIES]\n");
      return 2;
    }
  if (argc > 2)
    n = MAX (1, atoi (argv[2]));

  bare_path = g_strconcat (argv[1], ".bare.db", NULL);
  if (sqlite3_open_v2 (bare_path, &bare, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("%s: %s", bare_path, sqlite3_errmsg (bare));
  queries = make_queries (bare, n);
  if (print_queries)
    {
      for (guint i = 0; i < queries->len; i++)
        g_print ("%s\n", ((const Query *) queries->pdata[i])->ours);
      sqlite3_close (bare);
      return 0;
    }
  if (sqlite3_prepare_v2 (bare, "SELECT rowid FROM bare WHERE bare MATCH ?1"
                                " ORDER BY bm25 (bare, 4.0, 1.0)", -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (bare));

  library = vankho_library_open (argv[1], &error);
  if (library == NULL)
    g_error ("%s", error->message);

  /* Warm both caches with every query, then time them, interleaved. */
  for (guint i = 0; i < queries->len; i++)
    {
      const Query *q = queries->pdata[i];
      guint n_hits;

      run_ours (library, q, &n_hits);
      run_floor (bare, stmt, q);
    }

  for (guint i = 0; i < queries->len; i++)
    {
      const Query *q = queries->pdata[i];
      guint n_hits = 0;
      double t;

      t = run_ours (library, q, &n_hits);
      g_array_append_val (ours, t);
      hits += n_hits;
      t = run_floor (bare, stmt, q);
      g_array_append_val (floor, t);

      if (g_getenv ("BENCH_VERBOSE") != NULL)
        g_printerr ("%8.2f %8.2f %7u  %s  |  %s\n", g_array_index (ours, double, i),
                    t, n_hits, q->ours, q->bare);
    }

  p95 = percentile (ours, 0.95);
  p95_floor = percentile (floor, 0.95);
  g_print ("search_p50 %.2f ms\n", percentile (ours, 0.50));
  g_print ("search_p50_floor %.2f ms\n", percentile (floor, 0.50));
  g_print ("search_p95 %.2f ms\n", p95);
  g_print ("search_p95_floor %.2f ms\n", p95_floor);
  g_print ("search_ratio_p95 %.2f x\n", p95 / MAX (p95_floor, 0.001));
  g_print ("search_hits_mean %.0f articles\n", (double) hits / queries->len);

  sqlite3_finalize (stmt);
  sqlite3_close (bare);
  return 0;
}
