/* test-library-documents.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The queries behind the Resolutions view and the user's corrections, on a
 * library made of our sample articles (imported, so extraction runs), and
 * the acceptance facts of issue 6 on the five seeds when ../shared is here.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "vankho-analysis.h"
#include "vankho-importer.h"
#include "vankho-library-documents.h"
#include "vankho-library.h"

typedef struct
{
  char          *dir;
  VankhoLibrary *library;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(VankhoImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("vankho-documents-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->library = vankho_library_open (path, &error);
  g_assert_no_error (error);

  importer = vankho_importer_new (fixture->library);
  g_assert_true (vankho_importer_import_samples (importer, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vankho_importer_get_n_added (importer), ==, 10);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_clear_object (&fixture->library);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static GPtrArray *
find (VankhoLibrary       *library,
      const char          *search,
      VankhoDocumentGroup  group,
      VankhoDocumentSort   sort)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *documents = vankho_library_find_documents (library, search, group, sort, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (documents);
  return documents;
}

static const VankhoDocumentSummary *
find_symbol (GPtrArray  *documents,
             const char *symbol)
{
  for (guint i = 0; i < documents->len; i++)
    {
      const VankhoDocumentSummary *summary = g_ptr_array_index (documents, i);

      if (g_strcmp0 (summary->symbol, symbol) == 0)
        return summary;
    }
  return NULL;
}

static gint64
document_id (VankhoLibrary *library,
             const char    *symbol)
{
  g_autoptr(GPtrArray) documents = find (library, NULL, VANKHO_DOCUMENT_GROUP_NONE, VANKHO_DOCUMENT_SORT_COUNT);
  const VankhoDocumentSummary *summary = find_symbol (documents, symbol);

  g_assert_nonnull (summary);
  return summary->id;
}

static gint64
n_articles (VankhoLibrary *library,
            gint64         id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VankhoDocumentDetails) details = vankho_library_get_document (library, id, &error);

  g_assert_no_error (error);
  return details->n_articles;
}

/* The whole list as "symbol:count" lines, to compare before and after. */
static char *
list_snapshot (VankhoLibrary *library)
{
  g_autoptr(GPtrArray) documents = find (library, NULL, VANKHO_DOCUMENT_GROUP_NONE, VANKHO_DOCUMENT_SORT_COUNT);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < documents->len; i++)
    {
      const VankhoDocumentSummary *summary = g_ptr_array_index (documents, i);

      g_string_append_printf (out, "%s:%" G_GINT64_FORMAT ":%s\n", summary->key, summary->n_articles,
                              summary->latest ?: "-");
    }
  return g_string_free (out, FALSE);
}

static const VankhoImplementationCell *
find_cell (GPtrArray  *cells,
           const char *province,
           const char *kind,
           const char *period)
{
  for (guint i = 0; i < cells->len; i++)
    {
      const VankhoImplementationCell *cell = g_ptr_array_index (cells, i);

      if (g_strcmp0 (cell->province, province) == 0 && g_str_equal (cell->kind, kind) &&
          g_strcmp0 (cell->period, period) == 0)
        return cell;
    }
  return NULL;
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) all = find (fixture->library, NULL, VANKHO_DOCUMENT_GROUP_NONE, VANKHO_DOCUMENT_SORT_COUNT);
  g_autoptr(GPtrArray) by_kind = NULL;
  g_autoptr(GPtrArray) by_issued = NULL;
  g_autoptr(GPtrArray) by_latest = NULL;
  g_autoptr(GPtrArray) found = NULL;
  const VankhoDocumentSummary *first = g_ptr_array_index (all, 0);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  /* 12-NQ/TW is the most cited: Lào Cai, Thái Nguyên, Hải Phòng, Cần Thơ,
   * Đắk Lắk, Bình Dương ('12/NQ-TW') and An Giang. */
  g_assert_cmpstr (first->symbol, ==, "12-NQ/TW");
  g_assert_cmpint (first->n_articles, ==, 7);
  g_assert_cmpstr (first->latest, ==, "2025-01-10");
  for (guint i = 1; i < all->len; i++)
    g_assert_cmpint (((VankhoDocumentSummary *) g_ptr_array_index (all, i - 1))->n_articles, >=,
                     ((VankhoDocumentSummary *) g_ptr_array_index (all, i))->n_articles);
  /* The catalogue's entries are listed even when nothing cites them. */
  g_assert_nonnull (find_symbol (all, "03/CT-BCA-X11"));
  g_assert_cmpint (find_symbol (all, "03/CT-BCA-X11")->n_articles, ==, 0);

  /* Grouped by kind: each kind in one run, resolutions first. */
  by_kind = find (fixture->library, NULL, VANKHO_DOCUMENT_GROUP_KIND, VANKHO_DOCUMENT_SORT_COUNT);
  g_assert_cmpuint (by_kind->len, ==, all->len);
  g_assert_cmpstr (((VankhoDocumentSummary *) g_ptr_array_index (by_kind, 0))->kind, ==, "Nghị quyết");
  for (guint i = 0; i < by_kind->len; i++)
    {
      const VankhoDocumentSummary *summary = g_ptr_array_index (by_kind, i);

      if (i > 0 && g_str_equal (summary->kind, ((VankhoDocumentSummary *) g_ptr_array_index (by_kind, i - 1))->kind))
        continue;
      g_assert_false (g_hash_table_contains (seen, summary->kind));
      g_hash_table_add (seen, summary->kind);
    }

  by_issued = find (fixture->library, NULL, VANKHO_DOCUMENT_GROUP_NONE, VANKHO_DOCUMENT_SORT_ISSUED);
  g_assert_cmpstr (((VankhoDocumentSummary *) g_ptr_array_index (by_issued, 0))->symbol, ==, "30/2023/QH15");
  by_latest = find (fixture->library, NULL, VANKHO_DOCUMENT_GROUP_NONE, VANKHO_DOCUMENT_SORT_LATEST);
  for (guint i = 1; i < by_latest->len; i++)
    {
      const char *a = ((VankhoDocumentSummary *) g_ptr_array_index (by_latest, i - 1))->latest;
      const char *b = ((VankhoDocumentSummary *) g_ptr_array_index (by_latest, i))->latest;

      g_assert_true (b == NULL || (a != NULL && strcmp (a, b) >= 0));
    }

  /* Folded search: tone marks, đ and case do not matter. */
  found = find (fixture->library, "dang uy cong an", VANKHO_DOCUMENT_GROUP_NONE, VANKHO_DOCUMENT_SORT_COUNT);
  g_assert_nonnull (find_symbol (found, "12-NQ/ĐUCA"));
  g_assert_nonnull (find_symbol (found, "118-KH/ĐUCA"));
  g_assert_null (find_symbol (found, "12-NQ/TW"));
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Kế hoạch 118's title names 12-NQ/TW: found too. */
  found = find (fixture->library, "12-NQ", VANKHO_DOCUMENT_GROUP_NONE, VANKHO_DOCUMENT_SORT_COUNT);
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_nonnull (find_symbol (found, "118-KH/ĐUCA"));
  g_assert_nonnull (find_symbol (found, "12-NQ/TW"));
  g_assert_nonnull (find_symbol (found, "12-NQ/ĐUCA"));
  g_clear_pointer (&found, g_ptr_array_unref);

  found = find (fixture->library, "LUẬT lực lượng", VANKHO_DOCUMENT_GROUP_NONE, VANKHO_DOCUMENT_SORT_COUNT);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((VankhoDocumentSummary *) g_ptr_array_index (found, 0))->symbol, ==, "30/2023/QH15");
  g_clear_pointer (&found, g_ptr_array_unref);

  found = find (fixture->library, "khongcotu", VANKHO_DOCUMENT_GROUP_NONE, VANKHO_DOCUMENT_SORT_COUNT);
  g_assert_cmpuint (found->len, ==, 0);
}

/* Citations keep a copy of their article's date for the list; a corrected
 * date must reach it. */
/* The list's counts (document_stats, kept by triggers) and the related
 * documents (counted against those counts' bounds) agree with what the
 * page counts from the citations themselves. */
static void
assert_counts_kept (VankhoLibrary *library)
{
  g_autoptr(GPtrArray) documents = find (library, NULL, VANKHO_DOCUMENT_GROUP_NONE, VANKHO_DOCUMENT_SORT_COUNT);
  g_autoptr(GHashTable) citing = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                        (GDestroyNotify) g_hash_table_unref);

  for (guint i = 0; i < documents->len; i++)
    {
      VankhoDocumentSummary *summary = g_ptr_array_index (documents, i);
      g_autoptr(VankhoDocumentDetails) details = NULL;
      g_autoptr(GPtrArray) articles = NULL;
      g_autoptr(GError) error = NULL;
      GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

      details = vankho_library_get_document (library, summary->id, &error);
      g_assert_no_error (error);
      g_assert_cmpint (summary->n_articles, ==, details->n_articles);
      g_assert_cmpstr (summary->latest, ==, details->latest);

      articles = vankho_library_list_citing_articles (library, summary->id, NULL, 0, &error);
      g_assert_no_error (error);
      for (guint k = 0; k < articles->len; k++)
        {
          VankhoCitingArticle *article = g_ptr_array_index (articles, k);

          g_hash_table_add (ids, g_memdup2 (&article->article_id, sizeof (gint64)));
        }
      /* Keyed by the summaries, which outlive this loop. */
      g_hash_table_insert (citing, &summary->id, ids);
    }

  for (guint i = 0; i < documents->len; i++)
    {
      VankhoDocumentSummary *summary = g_ptr_array_index (documents, i);
      GHashTable *mine = g_hash_table_lookup (citing, &summary->id);
      g_autoptr(GPtrArray) related = NULL;
      g_autoptr(GError) error = NULL;
      guint n_expected = 0;

      related = vankho_library_list_related_documents (library, summary->id, 0, &error);
      g_assert_no_error (error);

      for (guint k = 0; k < documents->len; k++)
        {
          VankhoDocumentSummary *other = g_ptr_array_index (documents, k);
          GHashTable *theirs = g_hash_table_lookup (citing, &other->id);
          GHashTableIter iter;
          gpointer id;
          gint64 shared = 0;
          const VankhoDocumentSummary *found = NULL;

          if (other == summary)
            continue;

          g_hash_table_iter_init (&iter, mine);
          while (g_hash_table_iter_next (&iter, &id, NULL))
            shared += g_hash_table_contains (theirs, id);

          for (guint r = 0; r < related->len; r++)
            if (((VankhoDocumentSummary *) g_ptr_array_index (related, r))->id == other->id)
              found = g_ptr_array_index (related, r);

          if (shared == 0)
            g_assert_null (found);
          else
            {
              g_assert_nonnull (found);
              g_assert_cmpint (found->n_articles, ==, shared);
              n_expected++;
            }
        }
      g_assert_cmpuint (related->len, ==, n_expected);

      /* A limit keeps the first ones. */
      if (related->len > 2)
        {
          g_autoptr(GPtrArray) first = vankho_library_list_related_documents (library, summary->id, 2, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (first->len, ==, 2);
          for (guint r = 0; r < 2; r++)
            g_assert_cmpint (((VankhoDocumentSummary *) g_ptr_array_index (first, r))->id, ==,
                             ((VankhoDocumentSummary *) g_ptr_array_index (related, r))->id);
        }
    }
}

/* Corrections, merges, new dates and re-extraction in a random order,
 * checking after each that the kept counts did not drift. */
static void
test_counts_kept (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) documents = find (fixture->library, NULL, VANKHO_DOCUMENT_GROUP_NONE, VANKHO_DOCUMENT_SORT_COUNT);
  g_autoptr(GPtrArray) merges = g_ptr_array_new_with_free_func ((GDestroyNotify) vankho_document_merge_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  assert_counts_kept (fixture->library);

  for (guint i = 0; i < documents->len; i++)
    g_array_append_val (ids, ((VankhoDocumentSummary *) g_ptr_array_index (documents, i))->id);

  for (guint step = 0; step < 24; step++)
    {
      gint64 doc = g_array_index (ids, gint64, g_test_rand_int_range (0, ids->len));
      gint64 other = g_array_index (ids, gint64, g_test_rand_int_range (0, ids->len));
      g_autoptr(GPtrArray) articles = vankho_library_list_citing_articles (fixture->library, doc, NULL, 0, &error);
      const VankhoCitingArticle *article = NULL;

      g_assert_no_error (error);
      if (articles->len > 0)
        article = g_ptr_array_index (articles, g_test_rand_int_range (0, articles->len));

      switch (step % 6)
        {
        case 0:
          if (article != NULL)
            g_assert_true (vankho_library_reject_citation (fixture->library, article->citation_id, TRUE, &error));
          break;
        case 1:
          if (article != NULL)
            g_assert_true (vankho_library_move_citation (fixture->library, article->citation_id, other, &error));
          break;
        case 2:
          if (doc != other)
            {
              VankhoDocumentMerge *merge = vankho_library_merge_documents (fixture->library, doc, other, NULL);

              /* Refused when either is merged already: fine. */
              if (merge != NULL)
                g_ptr_array_add (merges, merge);
            }
          break;
        case 3:
          if (article != NULL)
            {
              VankhoDate date = { 0 };

              g_assert_true (vankho_date_parse_iso (&date, step % 4 == 0 ? "2027-05-06" : "2019-01"));
              g_assert_true (vankho_library_set_published (fixture->library, article->article_id, &date, &error));
            }
          break;
        case 4:
          if (merges->len > 0)
            {
              g_assert_true (vankho_library_unmerge_documents (fixture->library,
                                                               g_ptr_array_index (merges, merges->len - 1),
                                                               &error));
              g_ptr_array_remove_index (merges, merges->len - 1);
            }
          break;
        case 5:
          g_assert_true (vankho_analysis_reindex (fixture->library, NULL, NULL, NULL, NULL, &error));
          break;
        }
      g_assert_no_error (error);

      assert_counts_kept (fixture->library);
    }
}

static void
test_latest_follows_date (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) before = find (fixture->library, NULL, VANKHO_DOCUMENT_GROUP_NONE, VANKHO_DOCUMENT_SORT_COUNT);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  const VankhoDocumentSummary *summary = find_symbol (before, "12-NQ/TW");
  const VankhoCitingArticle *oldest;
  VankhoDate date = { 0 };

  g_assert_cmpstr (summary->latest, ==, "2025-01-10");
  articles = vankho_library_list_citing_articles (fixture->library, summary->id, NULL, 0, &error);
  g_assert_no_error (error);
  oldest = g_ptr_array_index (articles, articles->len - 1);

  g_assert_true (vankho_date_parse_iso (&date, "2026-02-03"));
  g_assert_true (vankho_library_set_published (fixture->library, oldest->article_id, &date, &error));
  g_assert_no_error (error);

  after = find (fixture->library, NULL, VANKHO_DOCUMENT_GROUP_NONE, VANKHO_DOCUMENT_SORT_LATEST);
  g_assert_cmpstr (find_symbol (after, "12-NQ/TW")->latest, ==, "2026-02-03");
  g_assert_cmpstr (((VankhoDocumentSummary *) g_ptr_array_index (after, 0))->symbol, ==, "12-NQ/TW");
}

static void
test_document_page (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 id = document_id (fixture->library, "12-NQ/TW");
  g_autoptr(VankhoDocumentDetails) details = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GPtrArray) august = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GPtrArray) related = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *designation = NULL;
  const VankhoImplementationCell *cell;
  guint total = 0;

  details = vankho_library_get_document (fixture->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (details->kind, ==, "Nghị quyết");
  g_assert_cmpstr (details->issuer, ==, "Bộ Chính trị");
  g_assert_cmpstr (details->issued, ==, "2022-03-16");
  g_assert_cmpint (details->n_articles, ==, 7);
  g_assert_cmpint (details->n_citations, >, 7);
  g_assert_cmpstr (details->first, ==, "2022-06-14");
  g_assert_cmpstr (details->latest, ==, "2025-01-10");
  designation = vankho_document_details_dup_designation (details);
  g_assert_true (g_str_has_prefix (designation, "Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị về đẩy mạnh"));

  g_assert_null (vankho_library_get_document (fixture->library, 9999, &error));
  g_assert_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Citing articles: newest first, with the citing sentence. */
  articles = vankho_library_list_citing_articles (fixture->library, id, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 7);
  for (guint i = 0; i < articles->len; i++)
    {
      const VankhoCitingArticle *article = g_ptr_array_index (articles, i);

      g_assert_nonnull (article->sentence);
      g_assert_nonnull (strstr (article->sentence, article->mention));
      if (i > 0)
        g_assert_cmpstr (((VankhoCitingArticle *) g_ptr_array_index (articles, i - 1))->published, >=,
                         article->published);
    }
  g_assert_cmpstr (((VankhoCitingArticle *) g_ptr_array_index (articles, 0))->province_name, ==, "An Giang");
  g_assert_cmpstr (((VankhoCitingArticle *) g_ptr_array_index (articles, 6))->province, ==, "VN-02");

  august = vankho_library_list_citing_articles (fixture->library, id, "2023-04", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (august->len, ==, 1);
  g_assert_cmpstr (((VankhoCitingArticle *) g_ptr_array_index (august, 0))->province_name, ==, "Hải Phòng");

  /* The timeline counts each citing article once, in its month. */
  months = vankho_library_count_citations_by_month (fixture->library, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < months->len; i++)
    {
      const VankhoMonthCount *month = &g_array_index (months, VankhoMonthCount, i);

      total += month->n_articles;
      if (i > 0)
        g_assert_cmpuint (month->year * 12 + month->month, >,
                          g_array_index (months, VankhoMonthCount, i - 1).year * 12 +
                          g_array_index (months, VankhoMonthCount, i - 1).month);
    }
  g_assert_cmpuint (total, ==, 7);
  g_assert_cmpuint (g_array_index (months, VankhoMonthCount, 0).year, ==, 2022);
  g_assert_cmpuint (g_array_index (months, VankhoMonthCount, 0).month, ==, 6);

  /* The implementation table: Hải Phòng's 1-year review in April 2023,
   * Đắk Lắk's 2-year review in March 2024, Lào Cai's dissemination. */
  cells = vankho_library_get_implementation (fixture->library, id, &error);
  g_assert_no_error (error);
  cell = find_cell (cells, "VN-HP", "so_ket", "1 năm");
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell->earliest, ==, "2023-04-11");
  g_assert_cmpstr (cell->province_name, ==, "Hải Phòng");
  cell = find_cell (cells, "VN-33", "so_ket", "2 năm");
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell->earliest, ==, "2024-03-19");
  cell = find_cell (cells, "VN-02", "quan_triet", NULL);
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell->earliest, ==, "2022-06-14");
  g_assert_null (find_cell (cells, "VN-HP", "so_ket", "2 năm"));

  /* Related: Kế hoạch 118 (Lào Cai, Đắk Lắk) and 12-NQ/ĐUCA. */
  related = vankho_library_list_related_documents (fixture->library, id, 10, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_symbol (related, "118-KH/ĐUCA"));
  g_assert_cmpint (find_symbol (related, "118-KH/ĐUCA")->n_articles, ==, 2);
  g_assert_nonnull (find_symbol (related, "12-NQ/ĐUCA"));
  g_assert_null (find_symbol (related, "12-NQ/TW"));
}

static void
test_merge_unmerge (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 tw = document_id (fixture->library, "12-NQ/TW");
  gint64 duca = document_id (fixture->library, "12-NQ/ĐUCA");
  gint64 kh = document_id (fixture->library, "118-KH/ĐUCA");
  g_autofree char *before = list_snapshot (fixture->library);
  g_autofree char *after = NULL;
  g_autoptr(VankhoDocumentMerge) merge = NULL;
  g_autoptr(VankhoDocumentMerge) second = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_tw = n_articles (fixture->library, tw);
  gint64 n_duca = n_articles (fixture->library, duca);
  gint64 n_kh = n_articles (fixture->library, kh);
  VankhoArticleQuery query = { .document_id = tw };
  g_autoptr(GArray) ids = NULL;

  /* Merge 118 into ĐUCA, then ĐUCA into TW: 118 comes along. */
  second = vankho_library_merge_documents (fixture->library, kh, duca, &error);
  g_assert_no_error (error);
  merge = vankho_library_merge_documents (fixture->library, duca, tw, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (merge->children->len, ==, 1);

  g_assert_cmpint (n_articles (fixture->library, tw), >, n_tw);
  g_assert_cmpint (n_articles (fixture->library, tw), <=, n_tw + n_duca + n_kh);
  list = find (fixture->library, NULL, VANKHO_DOCUMENT_GROUP_NONE, VANKHO_DOCUMENT_SORT_COUNT);
  g_assert_null (find_symbol (list, "12-NQ/ĐUCA"));
  g_assert_null (find_symbol (list, "118-KH/ĐUCA"));
  g_assert_cmpint (find_symbol (list, "12-NQ/TW")->n_articles, ==, n_articles (fixture->library, tw));

  /* The merged entries' citations, events and articles count for TW. */
  articles = vankho_library_list_citing_articles (fixture->library, tw, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (articles->len, ==, n_articles (fixture->library, tw));
  ids = vankho_library_query_article_ids (fixture->library, &query, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, articles->len);
  cells = vankho_library_get_implementation (fixture->library, tw, &error);
  g_assert_no_error (error);
  /* Thanh Hóa's 1-year review was of 12-NQ/ĐUCA. */
  g_assert_nonnull (find_cell (cells, "VN-21", "so_ket", "1 năm"));

  /* Merging into itself or twice is refused, and changes nothing. */
  g_assert_null (vankho_library_merge_documents (fixture->library, duca, tw, &error));
  g_assert_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_null (vankho_library_merge_documents (fixture->library, tw, tw, &error));
  g_clear_error (&error);

  /* A merge survives re-extraction. */
  g_assert_true (vankho_analysis_reindex (fixture->library, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = find (fixture->library, NULL, VANKHO_DOCUMENT_GROUP_NONE, VANKHO_DOCUMENT_SORT_COUNT);
  g_assert_null (find_symbol (list, "12-NQ/ĐUCA"));

  /* Undo, in the reverse order: everything is as before. */
  g_assert_true (vankho_library_unmerge_documents (fixture->library, merge, &error));
  g_assert_no_error (error);
  g_assert_true (vankho_library_unmerge_documents (fixture->library, second, &error));
  g_assert_no_error (error);
  after = list_snapshot (fixture->library);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (n_articles (fixture->library, duca), ==, n_duca);
}

static void
test_reject_and_move (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 tw = document_id (fixture->library, "12-NQ/TW");
  gint64 duca = document_id (fixture->library, "12-NQ/ĐUCA");
  gint64 qd = document_id (fixture->library, "90-QĐ/TW");
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GError) error = NULL;
  const VankhoCitingArticle *bd = NULL;
  const VankhoCitingArticle *hp = NULL;
  gint64 n_tw = n_articles (fixture->library, tw);
  gint64 n_duca = n_articles (fixture->library, duca);
  gint64 n_qd = n_articles (fixture->library, qd);

  articles = vankho_library_list_citing_articles (fixture->library, tw, NULL, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < articles->len; i++)
    {
      const VankhoCitingArticle *article = g_ptr_array_index (articles, i);

      if (g_strcmp0 (article->province, "VN-57") == 0)
        bd = article;
      if (g_strcmp0 (article->province, "VN-HP") == 0)
        hp = article;
    }
  /* Bình Dương cites 12/NQ-TW once; Hải Phòng cites it twice. */
  g_assert_nonnull (bd);
  g_assert_cmpint (bd->n_mentions, ==, 1);
  g_assert_nonnull (hp);
  g_assert_cmpint (hp->n_mentions, ==, 2);

  /* Wrong citation: out of the counts, the list, the article filter. */
  g_assert_true (vankho_library_reject_citation (fixture->library, bd->citation_id, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_articles (fixture->library, tw), ==, n_tw - 1);

  /* Hải Phòng's first mention really is 90-QĐ/TW (say): the article
   * still cites 12-NQ/TW by its second one, and now 90-QĐ/TW too. */
  g_assert_true (vankho_library_move_citation (fixture->library, hp->citation_id, qd, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_articles (fixture->library, tw), ==, n_tw - 1);
  g_assert_cmpint (n_articles (fixture->library, qd), ==, n_qd);   /* it cited 90-QĐ/TW already */

  g_assert_false (vankho_library_move_citation (fixture->library, hp->citation_id, 9999, &error));
  g_assert_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (vankho_library_reject_citation (fixture->library, 99999, TRUE, &error));
  g_assert_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Re-extraction keeps both corrections. */
  g_assert_true (vankho_analysis_reindex (fixture->library, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_articles (fixture->library, tw), ==, n_tw - 1);
  after = vankho_library_list_citing_articles (fixture->library, tw, NULL, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpstr (((VankhoCitingArticle *) g_ptr_array_index (after, i))->province, !=, "VN-57");

  /* The rejected article's events are gone from the table too. */
  cells = vankho_library_get_implementation (fixture->library, tw, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cells->len; i++)
    g_assert_cmpstr (((VankhoImplementationCell *) g_ptr_array_index (cells, i))->province, !=, "VN-57");

  /* Moving Bình Dương's mention to ĐUCA brings it back, for ĐUCA. */
  g_assert_true (vankho_library_move_citation (fixture->library, bd->citation_id, duca, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_articles (fixture->library, duca), ==, n_duca);  /* it cited ĐUCA already */
  g_assert_true (vankho_library_reject_citation (fixture->library, bd->citation_id, FALSE, &error));
  g_assert_no_error (error);
}

static void
test_edit_survives_reindex (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(VankhoDocumentDetails) details = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  VankhoDate date = { 0 };
  const VankhoDocumentSummary *summary;
  gint64 id;

  /* A catalogue entry: re-extraction would otherwise leave it alone too,
   * but citations fill the gaps of entries that are not the user's. */
  list = find (fixture->library, NULL, VANKHO_DOCUMENT_GROUP_NONE, VANKHO_DOCUMENT_SORT_COUNT);
  summary = find_symbol (list, "12-NQ/ĐUCA");
  id = summary->id;

  vankho_date_set (&date, 2022, 7, 0);
  g_assert_true (vankho_library_update_document (fixture->library, id, "Về thí điểm Công an xã kiểu mẫu",
                                                 "Đảng uỷ Công an Trung ương", &date, &error));
  g_assert_no_error (error);

  g_assert_true (vankho_analysis_reindex (fixture->library, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  details = vankho_library_get_document (fixture->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (details->title, ==, "Về thí điểm Công an xã kiểu mẫu");
  g_assert_cmpstr (details->issuer, ==, "Đảng uỷ Công an Trung ương");
  g_assert_cmpstr (details->issued, ==, "2022-07");
  g_assert_cmpstr (details->origin, ==, "user");
  g_assert_cmpint (details->n_articles, >, 0);
  g_clear_pointer (&details, vankho_document_details_free);

  /* Found by the new words; the date can be cleared. */
  g_clear_pointer (&list, g_ptr_array_unref);
  list = find (fixture->library, "THI DIEM kieu mau", VANKHO_DOCUMENT_GROUP_NONE, VANKHO_DOCUMENT_SORT_COUNT);
  g_assert_cmpuint (list->len, ==, 1);

  g_assert_true (vankho_library_update_document (fixture->library, id, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  details = vankho_library_get_document (fixture->library, id, &error);
  g_assert_null (details->issued);
  g_assert_null (details->title);

  g_assert_false (vankho_library_update_document (fixture->library, 9999, "x", NULL, NULL, &error));
  g_assert_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_FOUND);
}

/* The acceptance facts of issue 6, on ../shared/seeds. */
static void
test_seeds (void)
{
  const char *shared = g_getenv ("VANKHO_SHARED_DIR");
  g_autofree char *seeds = shared ? g_build_filename (shared, "seeds", NULL) : NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(VankhoImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  const char *paths[2] = { NULL, NULL };
  const VankhoImplementationCell *cell;
  gint64 id;

  if (seeds == NULL || !g_file_test (seeds, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/seeds is not here (set VANKHO_SHARED_DIR)");
      return;
    }

  dir = g_dir_make_tmp ("vankho-documents-XXXXXX", &error);
  path = g_build_filename (dir, "library.db", NULL);
  library = vankho_library_open (path, &error);
  g_assert_no_error (error);
  importer = vankho_importer_new (library);
  paths[0] = seeds;
  g_assert_true (vankho_importer_import_paths (importer, paths, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* 12-NQ/TW: Gia Lai, Nghệ An, Bắc Kạn; Gia Lai's 1-year review in 8/2023. */
  id = document_id (library, "12-NQ/TW");
  articles = vankho_library_list_citing_articles (library, id, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 3);
  /* Newest first: Gia Lai (31/8), Bắc Kạn (20/3), Nghệ An (27/2/2023). */
  g_assert_cmpstr (((VankhoCitingArticle *) g_ptr_array_index (articles, 0))->province_name, ==, "Gia Lai");
  g_assert_cmpstr (((VankhoCitingArticle *) g_ptr_array_index (articles, 1))->province_name, ==, "Bắc Kạn");
  g_assert_cmpstr (((VankhoCitingArticle *) g_ptr_array_index (articles, 2))->province_name, ==, "Nghệ An");
  cells = vankho_library_get_implementation (library, id, &error);
  g_assert_no_error (error);
  cell = find_cell (cells, "VN-30", "so_ket", "1 năm");
  g_assert_nonnull (cell);
  g_assert_true (g_str_has_prefix (cell->earliest, "2023-08"));
  g_clear_pointer (&cells, g_ptr_array_unref);
  g_clear_pointer (&articles, g_ptr_array_unref);

  /* 12-NQ/ĐUCA: Đồng Tháp, 2-year review, 9/2024. */
  id = document_id (library, "12-NQ/ĐUCA");
  g_assert_cmpint (n_articles (library, id), ==, 1);
  cells = vankho_library_get_implementation (library, id, &error);
  g_assert_no_error (error);
  cell = find_cell (cells, "VN-45", "so_ket", "2 năm");
  g_assert_nonnull (cell);
  g_assert_true (g_str_has_prefix (cell->earliest, "2024-09"));
  g_clear_pointer (&cells, g_ptr_array_unref);

  /* 90-QĐ/TW: Bắc Kạn. */
  id = document_id (library, "90-QĐ/TW");
  articles = vankho_library_list_citing_articles (library, id, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  g_assert_cmpstr (((VankhoCitingArticle *) g_ptr_array_index (articles, 0))->province, ==, "VN-53");

  g_clear_object (&library);
  {
    g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
    const char *name;

    while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (dir);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/library-documents/list", Fixture, NULL, fixture_setup, test_list, fixture_teardown);
  g_test_add ("/library-documents/latest-follows-date", Fixture, NULL, fixture_setup,
              test_latest_follows_date, fixture_teardown);
  g_test_add ("/library-documents/page", Fixture, NULL, fixture_setup, test_document_page, fixture_teardown);
  g_test_add ("/library-documents/merge-unmerge", Fixture, NULL, fixture_setup, test_merge_unmerge,
              fixture_teardown);
  g_test_add ("/library-documents/reject-and-move", Fixture, NULL, fixture_setup, test_reject_and_move,
              fixture_teardown);
  g_test_add ("/library-documents/edit-survives-reindex", Fixture, NULL, fixture_setup,
              test_edit_survives_reindex, fixture_teardown);
  g_test_add ("/library-documents/counts-kept", Fixture, NULL, fixture_setup, test_counts_kept,
              fixture_teardown);
  g_test_add_func ("/library-documents/seeds", test_seeds);

  return g_test_run ();
}
