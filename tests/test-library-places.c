/* test-library-places.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Articles per province for the map and `vankho-cli places`: on a library
 * built here with known places (both eras, the filter's semantics, roles,
 * an article about two members of one 2025 unit), and the acceptance facts
 * of issue 7 on the five seeds when ../shared is here.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "vankho-importer.h"
#include "vankho-library-documents.h"
#include "vankho-library-places.h"
#include "vankho-library.h"

typedef struct
{
  char          *dir;
  VankhoLibrary *library;
  gint64         ids[6];
} Fixture;

/* title, date, then places as "code:role" */
static const struct
{
  const char *title;
  const char *published;
  const char *places[3];
} articles[] = {
  { "Hà Giang và Tuyên Quang phối hợp", "2024-05-01", { "VN-03:primary", "VN-07:primary", NULL } },
  { "Gia Lai sơ kết", "2023-08-31", { "VN-30:primary", "VN-22:mentioned", NULL } },
  { "Gia Lai sau sáp nhập", "2025-08-01", { "VN-30:primary", NULL } },
  { "Bắc Kạn quán triệt", "2023-03-20", { "VN-53:primary", NULL } },
  { "Không nêu tỉnh", "2024-01-15", { NULL } },
  { "Không phải Gia Lai", "2024-02-02", { "VN-30:excluded", NULL } },
};

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 source;

  fixture->dir = g_dir_make_tmp ("vankho-places-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->library = vankho_library_open (path, &error);
  g_assert_no_error (error);

  source = vankho_library_ensure_source (fixture->library, VANKHO_SOURCE_KIND_IMPORT, "test", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      g_autoptr(VankhoArticle) article = vankho_article_new ();
      g_autofree char *body = g_strdup_printf ("%s. Nội dung %u.", articles[i].title, i);
      VankhoDate date;
      gboolean duplicate = FALSE;

      vankho_article_set_title (article, articles[i].title);
      vankho_article_set_body (article, body);
      g_assert_true (vankho_date_parse_iso (&date, articles[i].published));
      vankho_article_set_published (article, &date);
      g_assert_true (vankho_library_add_article (fixture->library, article, source, &duplicate, &error));
      g_assert_no_error (error);
      g_assert_false (duplicate);
      fixture->ids[i] = vankho_article_get_id (article);
      g_assert_cmpint (fixture->ids[i], >, 0);

      for (guint j = 0; articles[i].places[j] != NULL; j++)
        {
          g_auto(GStrv) parts = g_strsplit (articles[i].places[j], ":", 2);

          g_assert_true (vankho_library_set_place (fixture->library, fixture->ids[i],
                                                   parts[0], parts[1], &error));
          g_assert_no_error (error);
        }
    }
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

static VankhoPlaceCounts *
count (VankhoLibrary            *library,
       const VankhoArticleQuery *query)
{
  g_autoptr(GError) error = NULL;
  VankhoPlaceCounts *counts = vankho_library_count_places (library, query, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (counts);
  return counts;
}

static void
test_all (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(VankhoPlaceCounts) counts = count (fixture->library, NULL);
  g_auto(GStrv) codes = NULL;
  g_auto(GStrv) units = NULL;

  g_assert_cmpint (vankho_place_counts_get_n_articles (counts), ==, 6);
  /* Only primary provinces count: not the mention, not the exclusion. */
  g_assert_cmpint (vankho_place_counts_get_n_placed (counts), ==, 4);
  g_assert_cmpstr (vankho_place_counts_get_oldest (counts), ==, "2023-03-20");
  g_assert_cmpstr (vankho_place_counts_get_newest (counts), ==, "2025-08-01");

  /* 63 provinces */
  g_assert_cmpint (vankho_place_counts_get (counts, VANKHO_ERA_2008, "VN-30"), ==, 2);
  g_assert_cmpint (vankho_place_counts_get (counts, VANKHO_ERA_2008, "VN-03"), ==, 1);
  g_assert_cmpint (vankho_place_counts_get (counts, VANKHO_ERA_2008, "VN-07"), ==, 1);
  g_assert_cmpint (vankho_place_counts_get (counts, VANKHO_ERA_2008, "VN-53"), ==, 1);
  g_assert_cmpint (vankho_place_counts_get (counts, VANKHO_ERA_2008, "VN-22"), ==, 0);
  g_assert_cmpint (vankho_place_counts_get (counts, VANKHO_ERA_2008, "VN-69"), ==, 0);
  g_assert_cmpint (vankho_place_counts_get_max (counts, VANKHO_ERA_2008), ==, 2);
  codes = vankho_place_counts_dup_codes (counts, VANKHO_ERA_2008);
  g_assert_cmpstrv (codes, ((const char * const[]) { "VN-03", "VN-07", "VN-30", "VN-53", NULL }));

  /* 34 units: Hà Giang and Tuyên Quang are one unit, and the article
   * about both counts once for it; Bắc Kạn counts for Thái Nguyên. */
  g_assert_cmpint (vankho_place_counts_get (counts, VANKHO_ERA_2025, "VN-07"), ==, 1);
  g_assert_cmpint (vankho_place_counts_get (counts, VANKHO_ERA_2025, "VN-03"), ==, 0);
  g_assert_cmpint (vankho_place_counts_get (counts, VANKHO_ERA_2025, "VN-69"), ==, 1);
  g_assert_cmpint (vankho_place_counts_get (counts, VANKHO_ERA_2025, "VN-30"), ==, 2);
  units = vankho_place_counts_dup_codes (counts, VANKHO_ERA_2025);
  g_assert_cmpstrv (units, ((const char * const[]) { "VN-07", "VN-30", "VN-69", NULL }));

  /* An article of August 2025: the map opens on the 34 units. */
  g_assert_cmpint (vankho_place_counts_suggest_era (counts), ==, VANKHO_ERA_2025);
}

static void
test_filtered (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(VankhoArticleQuery) query = vankho_article_query_new ();
  g_autoptr(VankhoPlaceCounts) before = NULL;
  g_autoptr(VankhoPlaceCounts) with_province = NULL;
  g_autoptr(VankhoPlaceCounts) searched = NULL;
  g_autoptr(VankhoPlaceCounts) starred = NULL;
  g_autoptr(GError) error = NULL;

  /* Dates: the same semantics as the article list. */
  query->date_to = g_strdup ("2025-06-30");
  before = count (fixture->library, query);
  g_assert_cmpint (vankho_place_counts_get_n_articles (before), ==, 5);
  g_assert_cmpint (vankho_place_counts_get_n_placed (before), ==, 3);
  g_assert_cmpint (vankho_place_counts_get (before, VANKHO_ERA_2008, "VN-30"), ==, 1);
  g_assert_cmpint (vankho_place_counts_get (before, VANKHO_ERA_2025, "VN-30"), ==, 1);
  g_assert_cmpint (vankho_place_counts_get (before, VANKHO_ERA_2025, "VN-07"), ==, 1);
  g_assert_cmpint (vankho_place_counts_suggest_era (before), ==, VANKHO_ERA_2008);

  /* The filter's province does not narrow the map: it is highlighted. */
  query->province = g_strdup ("VN-03");
  with_province = count (fixture->library, query);
  g_assert_cmpint (vankho_place_counts_get_n_articles (with_province), ==, 5);
  g_assert_cmpint (vankho_place_counts_get (with_province, VANKHO_ERA_2008, "VN-30"), ==, 1);
  g_clear_pointer (&query->province, g_free);
  g_clear_pointer (&query->date_to, g_free);

  /* A search, folded as everywhere: "gia lai" finds 'Gia Lai' in three
   * articles, one of which excludes the province. */
  query->text = g_strdup ("gia lai");
  searched = count (fixture->library, query);
  g_assert_cmpint (vankho_place_counts_get_n_articles (searched), ==, 3);
  g_assert_cmpint (vankho_place_counts_get (searched, VANKHO_ERA_2008, "VN-30"), ==, 2);
  g_assert_cmpint (vankho_place_counts_get (searched, VANKHO_ERA_2008, "VN-53"), ==, 0);
  g_clear_pointer (&query->text, g_free);

  /* Nothing matches: every count is 0, and nothing is left over from the
   * previous call in the reader's TEMP table. */
  g_assert_true (vankho_library_set_starred (fixture->library, fixture->ids[3], TRUE, &error));
  g_assert_no_error (error);
  query->starred_only = TRUE;
  starred = count (fixture->library, query);
  g_assert_cmpint (vankho_place_counts_get_n_articles (starred), ==, 1);
  g_assert_cmpint (vankho_place_counts_get (starred, VANKHO_ERA_2008, "VN-53"), ==, 1);
  g_assert_cmpint (vankho_place_counts_get (starred, VANKHO_ERA_2008, "VN-30"), ==, 0);
  g_assert_cmpint (vankho_place_counts_get (starred, VANKHO_ERA_2025, "VN-69"), ==, 1);
  g_assert_cmpint (vankho_place_counts_get_max (starred, VANKHO_ERA_2025), ==, 1);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(VankhoArticleQuery) query = vankho_article_query_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VankhoPlaceCounts) counts = NULL;

  query->text = g_strdup ("gia");
  g_cancellable_cancel (cancellable);
  counts = vankho_library_count_places (fixture->library, query, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (counts);
}

/* Every unit of 2025 counts no more than its members together, and no
 * less than the largest of them, on the sample library.
 */
static void
test_samples_aggregate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vankho-places-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(VankhoLibrary) library = vankho_library_open (path, &error);
  g_autoptr(VankhoImporter) importer = vankho_importer_new (library);
  g_autoptr(VankhoPlaceCounts) counts = NULL;
  VankhoBoundaries *units = vankho_boundaries_get_default (VANKHO_ERA_2025);
  gint64 total = 0;

  g_assert_true (vankho_importer_import_samples (importer, NULL, &error));
  g_assert_no_error (error);
  counts = count (library, NULL);
  g_assert_cmpint (vankho_place_counts_get_n_articles (counts), ==, 10);

  for (guint i = 0; i < vankho_boundaries_get_n_units (units); i++)
    {
      const VankhoBoundaryUnit *unit = vankho_boundaries_get_unit (units, i);
      const char * const *members = vankho_boundary_unit_get_members (unit);
      gint64 n = vankho_place_counts_get (counts, VANKHO_ERA_2025, vankho_boundary_unit_get_code (unit));
      gint64 sum = 0, most = 0;

      for (guint j = 0; members[j] != NULL; j++)
        {
          gint64 m = vankho_place_counts_get (counts, VANKHO_ERA_2008, members[j]);

          sum += m;
          most = MAX (most, m);
        }
      g_assert_cmpint (n, <=, sum);
      g_assert_cmpint (n, >=, most);
      total += n;
    }
  g_assert_cmpint (total, >=, vankho_place_counts_get_n_placed (counts));

  g_clear_object (&library);
  for (guint i = 0; i < 3; i++)
    {
      static const char * const suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
}

static gint64
document_id (VankhoLibrary *library,
             const char    *symbol)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = vankho_library_find_documents (library, NULL, VANKHO_DOCUMENT_GROUP_NONE,
                                                                  VANKHO_DOCUMENT_SORT_COUNT, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < documents->len; i++)
    {
      const VankhoDocumentSummary *summary = g_ptr_array_index (documents, i);

      if (g_strcmp0 (summary->symbol, symbol) == 0)
        return summary->id;
    }
  g_assert_not_reached ();
}

/* The acceptance facts of issue 7, on ../shared/seeds. */
static void
test_seeds (void)
{
  const char *shared = g_getenv ("VANKHO_SHARED_DIR");
  g_autofree char *seeds = shared ? g_build_filename (shared, "seeds", NULL) : NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(VankhoImporter) importer = NULL;
  g_autoptr(VankhoPlaceCounts) counts = NULL;
  g_autoptr(VankhoPlaceCounts) citing = NULL;
  g_autoptr(VankhoPlaceCounts) reviews = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = NULL;
  g_auto(GStrv) units = NULL;
  const char *paths[2] = { NULL, NULL };
  gboolean found = FALSE;
  gint64 id;

  if (seeds == NULL || !g_file_test (seeds, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/seeds is not here (set VANKHO_SHARED_DIR)");
      return;
    }

  dir = g_dir_make_tmp ("vankho-places-XXXXXX", &error);
  path = g_build_filename (dir, "library.db", NULL);
  library = vankho_library_open (path, &error);
  g_assert_no_error (error);
  importer = vankho_importer_new (library);
  paths[0] = seeds;
  g_assert_true (vankho_importer_import_paths (importer, paths, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  counts = count (library, NULL);
  g_assert_cmpint (vankho_place_counts_get_n_articles (counts), ==, 5);
  /* Gia Lai, Nghệ An, Đồng Tháp and Bắc Kạn, one article each. */
  codes = vankho_place_counts_dup_codes (counts, VANKHO_ERA_2008);
  g_assert_cmpstrv (codes, ((const char * const[]) { "VN-22", "VN-30", "VN-45", "VN-53", NULL }));
  for (guint i = 0; codes[i] != NULL; i++)
    g_assert_cmpint (vankho_place_counts_get (counts, VANKHO_ERA_2008, codes[i]), ==, 1);
  /* From 1/7/2025: Gia Lai, Nghệ An, Đồng Tháp and Thái Nguyên. */
  units = vankho_place_counts_dup_codes (counts, VANKHO_ERA_2025);
  g_assert_cmpstrv (units, ((const char * const[]) { "VN-22", "VN-30", "VN-45", "VN-69", NULL }));
  for (guint i = 0; units[i] != NULL; i++)
    g_assert_cmpint (vankho_place_counts_get (counts, VANKHO_ERA_2025, units[i]), ==, 1);
  g_assert_cmpint (vankho_place_counts_suggest_era (counts), ==, VANKHO_ERA_2008);

  /* 12-NQ/TW is cited from Gia Lai, Nghệ An and Bắc Kạn. */
  id = document_id (library, "12-NQ/TW");
  citing = vankho_library_count_places_citing (library, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vankho_place_counts_get_n_articles (citing), ==, 3);
  g_assert_cmpint (vankho_place_counts_get (citing, VANKHO_ERA_2008, "VN-30"), ==, 1);
  g_assert_cmpint (vankho_place_counts_get (citing, VANKHO_ERA_2008, "VN-22"), ==, 1);
  g_assert_cmpint (vankho_place_counts_get (citing, VANKHO_ERA_2008, "VN-53"), ==, 1);
  g_assert_cmpint (vankho_place_counts_get (citing, VANKHO_ERA_2008, "VN-45"), ==, 0);

  /* Gia Lai held its 1-year review of it in August 2023. */
  events = vankho_library_list_place_events (library, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      const VankhoPlaceEvent *event = g_ptr_array_index (events, i);

      found |= g_str_equal (event->kind, "so_ket") && g_strcmp0 (event->period, "1 năm") == 0;
    }
  g_assert_true (found);
  reviews = vankho_library_earliest_event_places (library, id, "so_ket", "1 năm", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (vankho_place_counts_get_earliest (reviews, VANKHO_ERA_2008, "VN-30"), "2023-08"));
  g_assert_true (g_str_has_prefix (vankho_place_counts_get_earliest (reviews, VANKHO_ERA_2025, "VN-30"), "2023-08"));
  g_assert_null (vankho_place_counts_get_earliest (reviews, VANKHO_ERA_2008, "VN-45"));

  g_clear_object (&library);
  for (guint i = 0; i < 3; i++)
    {
      static const char * const suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/library-places/all", Fixture, NULL, fixture_setup, test_all, fixture_teardown);
  g_test_add ("/library-places/filtered", Fixture, NULL, fixture_setup, test_filtered, fixture_teardown);
  g_test_add ("/library-places/cancelled", Fixture, NULL, fixture_setup, test_cancelled, fixture_teardown);
  g_test_add_func ("/library-places/samples-aggregate", test_samples_aggregate);
  g_test_add_func ("/library-places/seeds", test_seeds);

  return g_test_run ();
}
