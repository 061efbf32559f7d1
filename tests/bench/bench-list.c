/* bench-list.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The list and its filters on a library made by bench-import, each beside
 * the plain SQL that answers the same question on the same file:
 *
 *   list_first_100 <ms> ms        open the library, the lazy model lists the
 *                                 ids newest first, the first 100 rows load
 *   list_bind_1000 <ms> ms        1 000 more rows bound, as when scrolling
 *   list_rss_10000_rows <MB> MB   peak RSS after 10 000 rows were bound
 *   filter_province <ms> ms       count + first page (50 rows), one province
 *   filter_document <ms> ms       the same for the articles citing 12-NQ/TW
 *   filter_dates <ms> ms          the same for the first half of 2023
 *
 * Each has a '_floor' line. Figures are medians of 5 runs after one warm-up.
 *
 *   bench-list LIBRARY
 */

#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <sys/resource.h>

#include "vankho-article-list-model.h"
#include "vankho-library.h"

#define RUNS 5
#define PAGE 50

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), (int (*) (const void *, const void *)) compare_doubles);
  return values[n / 2];
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* What a row of the list reads when it is bound. */
static void
bind_row (GListModel *model,
          guint       position)
{
  g_autoptr(VankhoArticle) article = g_list_model_get_item (model, position);

  if (article == NULL)
    g_error ("no row %u", position);
  (void) vankho_article_get_title (article);
  (void) vankho_article_get_outlet (article);
  (void) vankho_article_get_published (article);
  (void) vankho_article_get_province (article);
}

static void
wait_loaded (VankhoArticleListModel *model)
{
  while (vankho_article_list_model_get_loading (model))
    g_main_context_iteration (NULL, TRUE);
}

static double
list_first_100 (const char *path,
                guint      *n_items)
{
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(VankhoArticleFilter) filter = NULL;
  g_autoptr(VankhoArticleListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  double start = now_ms ();
  double t;

  library = vankho_library_open (path, &error);
  if (library == NULL)
    g_error ("%s", error->message);
  filter = vankho_article_filter_new ();
  model = vankho_article_list_model_new (library, filter);
  /* What the window waits for: the first rows, not the whole list. */
  while (vankho_article_list_model_get_loading (model) && g_list_model_get_n_items (G_LIST_MODEL (model)) < 100)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < MIN (100, g_list_model_get_n_items (G_LIST_MODEL (model))); i++)
    bind_row (G_LIST_MODEL (model), i);
  t = now_ms () - start;

  wait_loaded (model);
  *n_items = g_list_model_get_n_items (G_LIST_MODEL (model));

  return t;
}

static double
floor_first_100 (const char *path)
{
  double start = now_ms ();
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  sqlite3_prepare_v2 (db, "SELECT id, title, outlet, published FROM articles"
                          " ORDER BY published DESC, id DESC LIMIT 100", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    (void) sqlite3_column_text (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return now_ms () - start;
}

static double
floor_bind (sqlite3 *db,
            GArray  *ids,
            guint    from,
            guint    n)
{
  double start = now_ms ();
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (db, "SELECT id, title, outlet, published FROM articles WHERE id = ?1",
                      -1, &stmt, NULL);
  for (guint i = 0; i < n; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, (from + i) % ids->len));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        (void) sqlite3_column_text (stmt, 1);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  return now_ms () - start;
}

/* The list shows the count and the first page: what the model does. */
static double
filter_ours (VankhoLibrary            *library,
             const VankhoArticleQuery *query,
             guint                    *count)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  double start = now_ms ();

  ids = vankho_library_query_article_ids (library, query, 0, NULL, NULL, &error);
  if (ids == NULL)
    g_error ("%s", error->message);
  *count = ids->len;
  for (guint i = 0; i < MIN (PAGE, ids->len); i++)
    {
      g_autoptr(VankhoArticle) article =
        vankho_library_get_article_summary (library, g_array_index (ids, gint64, i), NULL, &error);
      if (article == NULL)
        g_error ("%s", error->message);
    }

  return now_ms () - start;
}

static double
filter_floor (sqlite3    *db,
              const char *where,
              const char *a,
              const char *b)
{
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM articles WHERE %s", where);
  g_autofree char *page_sql = g_strdup_printf ("SELECT id, title, outlet, published FROM articles"
                                               " WHERE %s ORDER BY published DESC, id DESC LIMIT %d",
                                               where, PAGE);
  double start = now_ms ();
  const char *sqls[] = { count_sql, page_sql };

  for (guint i = 0; i < 2; i++)
    {
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (db, sqls[i], -1, &stmt, NULL) != SQLITE_OK)
        g_error ("%s", sqlite3_errmsg (db));
      sqlite3_bind_text (stmt, 1, a, -1, SQLITE_STATIC);
      if (b != NULL)
        sqlite3_bind_text (stmt, 2, b, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        (void) sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
    }

  return now_ms () - start;
}

typedef struct
{
  const char         *name;
  VankhoArticleQuery  query;
  const char         *where;
  const char         *a;
  const char         *b;
} Filter;

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(VankhoArticleFilter) filter = NULL;
  g_autoptr(VankhoArticleListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *province = NULL;
  g_autofree char *document = NULL;
  double ours[RUNS], floor[RUNS];
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  struct rusage usage;
  guint n_items = 0;
  guint n;

  setlocale (LC_ALL, "");
  /* Figures are read by scripts: a decimal point in every locale. */
  setlocale (LC_NUMERIC, "C");

  if (argc != 2)
    {
      g_printerr ("usage: bench-list LIBRARY\n");
      return 2;
    }

  /* Open + first 100 rows: a warm-up, then RUNS times. */
  list_first_100 (argv[1], &n_items);
  floor_first_100 (argv[1]);
  for (guint r = 0; r < RUNS; r++)
    {
      ours[r] = list_first_100 (argv[1], &n_items);
      floor[r] = floor_first_100 (argv[1]);
    }
  g_print ("list_first_100 %.2f ms\n", median (ours, RUNS));
  g_print ("list_first_100_floor %.2f ms\n", median (floor, RUNS));
  g_print ("list_rows %u articles\n", n_items);

  library = vankho_library_open (argv[1], &error);
  if (library == NULL)
    g_error ("%s", error->message);
  sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READONLY, NULL);

  filter = vankho_article_filter_new ();
  model = vankho_article_list_model_new (library, filter);
  wait_loaded (model);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  if (n == 0)
    g_error ("empty library");
  ids = vankho_library_query_article_ids (library, NULL, 0, NULL, NULL, &error);

  /* Bind 1 000 rows further down each time, so none is cached. */
  for (guint r = 0; r < RUNS; r++)
    {
      guint from = 100 + r * 1000;
      double start = now_ms ();

      for (guint i = 0; i < 1000; i++)
        bind_row (G_LIST_MODEL (model), (from + i) % n);
      ours[r] = now_ms () - start;
      floor[r] = floor_bind (db, ids, from, 1000);
    }
  g_print ("list_bind_1000 %.2f ms\n", median (ours, RUNS));
  g_print ("list_bind_1000_floor %.2f ms\n", median (floor, RUNS));

  for (guint i = 0; i < 10000; i++)
    bind_row (G_LIST_MODEL (model), i % n);
  getrusage (RUSAGE_SELF, &usage);
  g_print ("list_rss_10000_rows %.1f MB\n", usage.ru_maxrss / 1024.0);

  /* The filters: the province most articles are about, the most cited
   * document, and a half year. */
  sqlite3_prepare_v2 (db, "SELECT province FROM places WHERE role = 'primary'"
                          " GROUP BY province ORDER BY count(*) DESC LIMIT 1", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    province = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  document = g_strdup_printf ("%" G_GINT64_FORMAT,
                              vankho_library_lookup_document (library, "nq:12-nq/tw"));

  {
    Filter filters[] = {
      { "filter_province", { .province = province },
        "id IN (SELECT article_id FROM places WHERE province = ?1 AND role != 'excluded')", province, NULL },
      { "filter_document", { .document_id = g_ascii_strtoll (document, NULL, 10) },
        "id IN (SELECT article_id FROM citations WHERE document_id = ?1)", document, NULL },
      { "filter_dates", { .date_from = (char *) "2023-01-01", .date_to = (char *) "2023-06-30" },
        "published BETWEEN ?1 AND ?2", "2023-01-01", "2023-06-30~" },
    };

    for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
      {
        guint count = 0;

        if (filters[f].a == NULL)
          continue;
        filter_ours (library, &filters[f].query, &count);
        filter_floor (db, filters[f].where, filters[f].a, filters[f].b);
        for (guint r = 0; r < RUNS; r++)
          {
            ours[r] = filter_ours (library, &filters[f].query, &count);
            floor[r] = filter_floor (db, filters[f].where, filters[f].a, filters[f].b);
          }
        g_print ("%s %.2f ms\n", filters[f].name, median (ours, RUNS));
        g_print ("%s_floor %.2f ms\n", filters[f].name, median (floor, RUNS));
        g_print ("%s_count %u articles\n", filters[f].name, count);
      }
  }

  sqlite3_close (db);
  return 0;
}
