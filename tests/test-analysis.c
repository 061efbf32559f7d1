/* test-analysis.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Extraction as the flows run it: stored on import, replayed by reindex,
 * and never over the user's corrections.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "vankho-analysis.h"
#include "vankho-export.h"
#include "vankho-importer.h"
#include "vankho-library-documents.h"
#include "vankho-library.h"

static const char article_text[] =
  " date 2023-08\n"
  "Đảng ủy Công an tỉnh Kon Tum sơ kết 1 năm thực hiện Nghị quyết số 12-NQ/TW\n\n"
  "Sáng 30/8, Đảng ủy Công an tỉnh Kon Tum tổ chức Hội nghị sơ kết 1 năm thực hiện "
  "Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị về đẩy mạnh xây dựng lực lượng "
  "Công an nhân dân. Thực hiện Nghị quyết 12, Công an tỉnh Kon Tum đã bố trí Công an "
  "chính quy về các xã.\n\nMinh Khoa";

typedef struct
{
  char          *dir;
  VankhoLibrary *library;
  gint64         id;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VankhoImporter) importer = NULL;
  g_autofree char *db = NULL;
  g_autofree char *file = NULL;
  const char *paths[2] = { NULL, NULL };

  fixture->dir = g_dir_make_tmp ("vankho-analysis-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (fixture->dir, "library.db", NULL);
  file = g_build_filename (fixture->dir, "kon-tum.txt", NULL);
  g_assert_true (g_file_set_contents (file, article_text, -1, NULL));

  fixture->library = vankho_library_open (db, &error);
  g_assert_no_error (error);

  importer = vankho_importer_new (fixture->library);
  paths[0] = file;
  g_assert_true (vankho_importer_import_paths (importer, paths, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vankho_importer_get_n_added (importer), ==, 1);
  fixture->id = 1;
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *names[] = { "library.db", "library.db-wal", "library.db-shm", "kon-tum.txt" };

  g_clear_object (&fixture->library);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static const VankhoPlace *
find_place (VankhoExtraction *extraction,
            const char       *code)
{
  GPtrArray *places = vankho_extraction_get_places (extraction);

  for (guint i = 0; i < places->len; i++)
    if (g_str_equal (((VankhoPlace *) g_ptr_array_index (places, i))->code, code))
      return g_ptr_array_index (places, i);
  return NULL;
}

static void
test_stored_on_import (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VankhoExtraction) stored = vankho_library_load_extraction (fixture->library, fixture->id, &error);
  g_autoptr(VankhoArticle) article = vankho_library_get_article (fixture->library, fixture->id, &error);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(VankhoExtraction) fresh = NULL;
  g_autofree char *published = vankho_article_dup_published_iso (article);
  GPtrArray *fresh_citations;
  GPtrArray *citations;
  const VankhoPlace *kon_tum;

  g_assert_no_error (error);
  g_assert_cmpstr (published, ==, "2023-08-30");

  kon_tum = find_place (stored, "VN-28");
  g_assert_nonnull (kon_tum);
  g_assert_cmpint (kon_tum->role, ==, VANKHO_PLACE_ROLE_PRIMARY);
  g_assert_cmpstr (kon_tum->name, ==, "Kon Tum");

  /* Full and short mentions resolve to the one document. */
  citations = vankho_extraction_get_citations (stored);
  g_assert_cmpuint (citations->len, >=, 2);
  for (guint i = 0; i < citations->len; i++)
    {
      const VankhoCitation *citation = g_ptr_array_index (citations, i);

      g_assert_cmpstr (citation->key, ==, "nq:12-nq/tw");
      g_assert_cmpuint (citation->offset + citation->length, <=, strlen (vankho_article_get_body (article)));
      g_assert_true (strncmp (vankho_article_get_body (article) + citation->offset,
                              citation->mention, citation->length) == 0);
    }

  /* Each sentence, kept as offsets, reads back as the extractor cut it. */
  fresh = vankho_analysis_run (article);
  fresh_citations = vankho_extraction_get_citations (fresh);
  g_assert_cmpuint (fresh_citations->len, ==, citations->len);
  for (guint i = 0; i < citations->len; i++)
    {
      const VankhoCitation *citation = g_ptr_array_index (citations, i);
      guint j;

      for (j = 0; j < fresh_citations->len; j++)
        if (((VankhoCitation *) g_ptr_array_index (fresh_citations, j))->offset == citation->offset)
          break;
      g_assert_cmpuint (j, <, fresh_citations->len);
      g_assert_nonnull (citation->sentence);
      g_assert_cmpstr (citation->sentence, ==, ((VankhoCitation *) g_ptr_array_index (fresh_citations, j))->sentence);
    }

  documents = vankho_library_find_documents (fixture->library, NULL, VANKHO_DOCUMENT_GROUP_NONE,
                                             VANKHO_DOCUMENT_SORT_COUNT, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < documents->len; i++)
    {
      const VankhoDocumentSummary *doc = g_ptr_array_index (documents, i);

      if (g_str_equal (doc->key, "nq:12-nq/tw"))
        {
          g_assert_cmpint (doc->n_articles, ==, 1);
          g_assert_cmpstr (doc->issuer, ==, "Bộ Chính trị");
          g_assert_cmpstr (doc->issued, ==, "2022-03-16");
        }
      else if (g_str_equal (doc->key, "nq:12-nq/duca"))
        g_assert_cmpint (doc->n_articles, ==, 0);
    }
  g_assert_cmpuint (documents->len, >=, 8);

  /* The province filter finds it. */
  {
    g_autoptr(GArray) ids = vankho_library_query_article_ids (fixture->library,
                                                              &(VankhoArticleQuery) { .province = "VN-28" },
                                                              0, NULL, NULL, NULL);
    g_assert_cmpuint (ids->len, ==, 1);
  }
}

static void
test_reindex_keeps_corrections (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VankhoExtraction) after = NULL;
  g_autoptr(VankhoArticle) article = NULL;
  g_autofree char *published = NULL;
  VankhoDate user_date;
  guint n_done = 0;

  vankho_date_set (&user_date, 2023, 9, 1);
  g_assert_true (vankho_library_set_published (fixture->library, fixture->id, &user_date, &error));
  g_assert_true (vankho_library_set_place (fixture->library, fixture->id, "VN-28", "excluded", &error));
  g_assert_true (vankho_library_set_place (fixture->library, fixture->id, "VN-30", "mentioned", &error));
  g_assert_no_error (error);

  g_assert_true (vankho_analysis_reindex (fixture->library, NULL, NULL, NULL, &n_done, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_done, ==, 1);

  article = vankho_library_get_article (fixture->library, fixture->id, &error);
  published = vankho_article_dup_published_iso (article);
  g_assert_cmpstr (published, ==, "2023-09-01");

  after = vankho_library_load_extraction (fixture->library, fixture->id, &error);
  g_assert_null (find_place (after, "VN-28"));
  g_assert_nonnull (find_place (after, "VN-30"));
  g_assert_cmpuint (vankho_extraction_get_citations (after)->len, >=, 2);

  /* Handing the date back to extraction restores it. */
  user_date.precision = VANKHO_DATE_PRECISION_UNKNOWN;
  g_assert_true (vankho_library_set_published (fixture->library, fixture->id, &user_date, &error));
  g_assert_true (vankho_analysis_reindex (fixture->library, NULL, NULL, NULL, NULL, &error));
  g_clear_object (&article);
  g_clear_pointer (&published, g_free);
  article = vankho_library_get_article (fixture->library, fixture->id, &error);
  published = vankho_article_dup_published_iso (article);
  g_assert_cmpstr (published, ==, "2023-08-30");
}

static void
test_reindex_cancelled (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (vankho_analysis_reindex (fixture->library, cancellable, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (vankho_library_count_articles (fixture->library, NULL), ==, 1);
}

static char *
export_to_string (VankhoLibrary            *library,
                  const VankhoArticleQuery *query,
                  VankhoExportFormat        format,
                  guint                    *n)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  char nul = 0;

  g_assert_true (vankho_export_articles (library, query, format, out, n, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write (out, &nul, 1, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *none = NULL;
  g_autofree char *article = NULL;
  JsonObject *first;
  guint n = 0;

  csv = export_to_string (fixture->library, NULL, VANKHO_EXPORT_CSV, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF\"id\",\"title\""));
  g_assert_nonnull (strstr (csv, "\"Kon Tum\""));
  g_assert_nonnull (strstr (csv, "\"12-NQ/TW\""));
  g_assert_nonnull (strstr (csv, "\"2023-08-30\",\"day\""));

  json = export_to_string (fixture->library, NULL, VANKHO_EXPORT_JSON, &n);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  first = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "published"), ==, "2023-08-30");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (first, "citations")), >=, 2);

  markdown = export_to_string (fixture->library, NULL, VANKHO_EXPORT_MARKDOWN, &n);
  g_assert_nonnull (strstr (markdown, "## Đảng ủy Công an tỉnh Kon Tum"));

  /* The filter decides what goes out. */
  none = export_to_string (fixture->library, &(VankhoArticleQuery) { .province = "VN-30" },
                           VANKHO_EXPORT_CSV, &n);
  g_assert_cmpuint (n, ==, 0);

  /* A document's citing articles and its implementation table. */
  {
    gint64 document = vankho_library_lookup_document (fixture->library, "nq:12-nq/tw");
    g_autoptr(GOutputStream) citations = g_memory_output_stream_new_resizable ();
    g_autoptr(GOutputStream) table = g_memory_output_stream_new_resizable ();
    g_autofree char *citations_text = NULL;
    g_autofree char *table_text = NULL;

    g_assert_cmpint (document, >, 0);
    g_assert_true (vankho_export_citations (fixture->library, document, citations, &error));
    g_assert_true (vankho_export_implementation (fixture->library, document, table, &error));
    g_assert_no_error (error);
    g_output_stream_write (citations, "", 1, NULL, NULL);
    g_output_stream_write (table, "", 1, NULL, NULL);
    g_output_stream_close (citations, NULL, NULL);
    g_output_stream_close (table, NULL, NULL);
    citations_text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (citations));
    table_text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (table));

    g_assert_nonnull (strstr (citations_text, "\"Nghị quyết 12-NQ/TW\",\"1\""));
    g_assert_nonnull (strstr (citations_text, "\"Kon Tum\",\"so_ket 1 năm"));
    g_assert_nonnull (strstr (table_text, "\"VN-28\",\"Kon Tum\",\"so_ket\",\"1 năm\",\"2023-08-30\""));
  }

  article = vankho_export_article (fixture->library, fixture->id, VANKHO_EXPORT_MARKDOWN, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (article, "# Đảng ủy Công an tỉnh Kon Tum"));
  g_assert_nonnull (strstr (article, "Minh Khoa"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/analysis/stored-on-import", test_stored_on_import);
  ADD ("/analysis/reindex-keeps-corrections", test_reindex_keeps_corrections);
  ADD ("/analysis/reindex-cancelled", test_reindex_cancelled);
  ADD ("/analysis/export", test_export);
#undef ADD

  return g_test_run ();
}
