/* test-library.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "vankho-article-list-model.h"
#include "vankho-fts-postings.h"
#include "vankho-fts-rank.h"
#include "vankho-fts-snippet.h"
#include "vankho-fts-tokenizer.h"
#include "vankho-library-private.h"
#include "vankho-library-schema.h"
#include "vankho-library.h"
#include "vankho-text.h"

typedef struct
{
  char          *dir;
  char          *path;
  VankhoLibrary *library;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("vankho-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->library = vankho_library_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle && (name = g_dir_read_name (handle)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->library);
  remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
add (VankhoLibrary *library,
     const char    *title,
     const char    *body)
{
  g_autoptr(VankhoArticle) article = vankho_article_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *clean = vankho_text_normalize (body, -1);
  gboolean duplicate = TRUE;

  vankho_article_set_title (article, title);
  vankho_article_set_body (article, clean);
  g_assert_true (vankho_library_add_article (library, article, 0, &duplicate, &error));
  g_assert_no_error (error);
  g_assert_false (duplicate);

  return vankho_article_get_id (article);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The ids a query finds, sorted, as "1,3,4". */
static char *
search (VankhoLibrary *library,
        const char    *query)
{
  g_autoptr(GError) error = NULL;
  VankhoArticleQuery article_query = { .text = (char *) query };
  g_autoptr(GArray) ids = vankho_library_query_article_ids (library, &article_query, 0, NULL, NULL, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  g_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));

  return g_string_free (out, FALSE);
}

#define assert_search(library, query, expected) \
  G_STMT_START { \
    g_autofree char *found_ = search (library, query); \
    g_assert_cmpstr (found_, ==, expected); \
  } G_STMT_END

static gint64
pragma_int (const char *path,
            const char *pragma)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_assert_cmpint (pragma_int (fixture->path, "PRAGMA user_version"), ==, VANKHO_LIBRARY_SCHEMA_VERSION);
  g_assert_cmpint (pragma_int (fixture->path, "SELECT count(*) FROM sqlite_schema WHERE name IN "
                                              "('sources', 'articles', 'articles_fts', 'places', "
                                              "'documents', 'citations', 'events')"), ==, 7);
  g_assert_cmpint (vankho_library_count_articles (fixture->library, NULL), ==, 0);
}

static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VankhoLibrary) again = NULL;

  add (fixture->library, "Một", "Công an tỉnh Gia Lai");
  g_clear_object (&fixture->library);

  again = vankho_library_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vankho_library_count_articles (again, NULL), ==, 1);
  assert_search (again, "gia lai", "1");
}

static void
test_dedupe (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(VankhoArticle) article = vankho_article_new ();
  g_autoptr(GError) error = NULL;
  gboolean duplicate = FALSE;

  add (fixture->library, "Một", "Công an tỉnh Gia Lai");

  vankho_article_set_title (article, "Another title");
  vankho_article_set_body (article, "Công an tỉnh Gia Lai");
  g_assert_true (vankho_library_add_article (fixture->library, article, 0, &duplicate, &error));
  g_assert_no_error (error);
  g_assert_true (duplicate);
  g_assert_cmpint (vankho_library_count_articles (fixture->library, NULL), ==, 1);
}

static void
test_search_folding (Fixture       *fixture,
                     gconstpointer  data)
{
  add (fixture->library, "Bài 1", "Đảng uỷ Công an tỉnh họp.");
  add (fixture->library, "Bài 2", "Đảng ủy Công an tỉnh họp.");
  /* NFD input, stored as NFC */
  add (fixture->library, "Bài 3", "\xc4\x90" "a\xcc\x89ng u\xcc\x89y khối.");
  add (fixture->library, "Bài 4", "Công an xã hoà bình.");
  add (fixture->library, "Bài 5", "ĐẢNG UỶ và hòa bình.");

  assert_search (fixture->library, "dang uy", "1,2,3,5");
  assert_search (fixture->library, "Đảng ủy", "1,2,3,5");
  assert_search (fixture->library, "ĐẢNG UỶ", "1,2,3,5");
  assert_search (fixture->library, "Đảng uỷ", "1,2,3,5");
  assert_search (fixture->library, "hoà bình", "4,5");
  assert_search (fixture->library, "hoa binh", "4,5");
  /* Ð (eth) typed for Đ */
  assert_search (fixture->library, "\xc3\x90\xe1\xba\xa3ng", "1,2,3,5");
}

static void
test_search_syntax (Fixture       *fixture,
                    gconstpointer  data)
{
  add (fixture->library, "A", "Công an xã Ia Pếch triển khai kế hoạch.");
  add (fixture->library, "B", "Xã có công an chính quy.");
  add (fixture->library, "C", "Triển khai nghị quyết tại Gia Lai.");

  assert_search (fixture->library, "\"công an xã\"", "1");
  assert_search (fixture->library, "cong an", "1,2");
  assert_search (fixture->library, "trien*", "1,3");
  assert_search (fixture->library, "pếch OR lai", "1,3");
  assert_search (fixture->library, "triển khai -gia", "1");
  assert_search (fixture->library, "triển khai NOT gia", "1");
  assert_search (fixture->library, "-gia", "1,2");
  /* Broken syntax never fails: it searches the words. */
  assert_search (fixture->library, "\"công an", "1,2");
  assert_search (fixture->library, "công) an(", "1,2");
  assert_search (fixture->library, "NEAR(công an", "");
  assert_search (fixture->library, "*", "1,2,3");
  assert_search (fixture->library, "\"\"", "1,2,3");
}

static void
test_search_symbols (Fixture       *fixture,
                     gconstpointer  data)
{
  add (fixture->library, "TW", "Thực hiện Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị.");
  add (fixture->library, "ĐUCA", "Thực hiện Nghị quyết số 12-NQ/ĐUCA ngày 25/7/2022.");
  add (fixture->library, "Scattered",
       "Có 12 đồng chí. NQ là viết tắt. TW là Trung ương. Chỉ thị 11 của BCA, CT tỉnh.");
  add (fixture->library, "CT", "Chỉ thị số 11/CT-BCA ngày 28/10/2022 và Luật số 30/2023/QH15.");

  assert_search (fixture->library, "12-NQ/TW", "1");
  assert_search (fixture->library, "12-nq/tw", "1");
  assert_search (fixture->library, "12-NQ/ĐUCA", "2");
  assert_search (fixture->library, "12-NQ/DUCA", "2");
  assert_search (fixture->library, "11/CT-BCA", "4");
  assert_search (fixture->library, "30/2023/QH15", "4");
  assert_search (fixture->library, "nghị quyết 12", "1,2");
}

static void
test_snippet (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(VankhoArticle) article = NULL;
  g_autofree char *match = NULL;
  g_autofree char *marked = NULL;

  add (fixture->library, "Hội nghị", "Sáng nay, Đảng uỷ Công an tỉnh Gia Lai tổ chức hội nghị sơ kết.");

  ids = vankho_library_query_article_ids (fixture->library, &(VankhoArticleQuery) { .text = "dang uy" },
                                          10, &match, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_nonnull (match);

  article = vankho_library_get_article_summary (fixture->library, g_array_index (ids, gint64, 0),
                                                match, &error);
  g_assert_no_error (error);
  marked = vankho_text_format_snippet (vankho_article_get_snippet (article), "[", "]", FALSE);
  /* The words are marked as written, tone marks and all. */
  g_assert_nonnull (strstr (marked, "[Đảng uỷ]"));
}

/* A prefix's snippet is made from an index of the article alone, since
 * the library's merges every word the prefix begins for each row: the
 * snippet must be the one the library's index gives.
 */
static void
test_snippet_prefix (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char *title = "Hội nghị sơ kết";
  static const char *body = "Sáng nay, Đảng uỷ Công an tỉnh Gia Lai tổ chức hội nghị sơ kết "
                            "công tác năm; đồng chí Bí thư Đảng uỷ quyết định khen thưởng.";
  static const char *matches[] = {
    "\"dang\" *", "\"cong\" * AND \"gia\"", "\"quyet dinh\"",
    "(\"to\" * OR \"so\" *) AND \"hoi\"", "\"dang uy\" *",
  };
  g_autoptr(VankhoFtsSnippet) own = vankho_fts_snippet_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(VankhoArticle) article = NULL;
  g_autofree char *match = NULL;
  g_autofree char *marked = NULL;
  g_autofree char *none = NULL;
  sqlite3 *db = NULL;
  gint64 id;

  id = add (fixture->library, title, body);
  add (fixture->library, "Tin khác", "Không nhắc gì đến điều ấy.");

  g_assert_true (vankho_fts_snippet_needs_own_row ("\"dang\" *"));
  g_assert_true (vankho_fts_snippet_needs_own_row ("\"a\" AND \"dang\"*"));
  g_assert_false (vankho_fts_snippet_needs_own_row ("\"dang uy\" AND \"a*b\""));
  g_assert_false (vankho_fts_snippet_needs_own_row (NULL));

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (vankho_fts_tokenizer_register (db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT snippet (articles_fts, " VANKHO_FTS_SNIPPET_ARGS ")"
                                       " FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid = ?2",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (matches); i++)
    {
      g_autofree char *snippet = NULL;

      sqlite3_bind_text (stmt, 1, matches[i], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, id);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (vankho_fts_snippet_make (own, title, body, matches[i], &snippet), ==, SQLITE_OK);
      g_assert_nonnull (strchr (snippet, '\x02'));
      g_assert_cmpstr (snippet, ==, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);

  /* An article the search is not in has no snippet. */
  g_assert_cmpint (vankho_fts_snippet_make (own, "Tin khác", "Không nhắc gì.", "\"dang\" *", &none), ==, SQLITE_OK);
  g_assert_null (none);

  ids = vankho_library_query_article_ids (fixture->library, &(VankhoArticleQuery) { .text = "quyế*" },
                                          10, &match, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  article = vankho_library_get_article_summary (fixture->library, id, match, &error);
  g_assert_no_error (error);
  marked = vankho_text_format_snippet (vankho_article_get_snippet (article), "[", "]", FALSE);
  g_assert_nonnull (strstr (marked, "[quyết]"));
}

static void
test_ranking (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;

  add (fixture->library, "Tin khác", "Một lần nhắc đến Gia Lai, còn lại nói chuyện khác hẳn, rất dài dòng.");
  add (fixture->library, "Gia Lai sơ kết", "Gia Lai, Gia Lai, Gia Lai.");

  ids = vankho_library_query_article_ids (fixture->library, &(VankhoArticleQuery) { .text = "gia lai" },
                                          0, NULL, NULL, NULL);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 2);
}

/* A word few articles have weighs more than one they all have: the first
 * names 'công an' five times and Kon Tum once, the second Kon Tum twice;
 * counted alike, the first would win.
 */
static void
test_ranking_rare_words (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;

  add (fixture->library, "Tin một",
       "Công an, công an, công an, công an, công an tỉnh Kon Tum.");
  add (fixture->library, "Tin hai", "Kon Tum: công an tỉnh Kon Tum.");
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *body = g_strdup_printf ("Công an tỉnh bạn, tin số %u.", i);

      add (fixture->library, "Tin khác", body);
    }

  ids = vankho_library_query_article_ids (fixture->library,
                                          &(VankhoArticleQuery) { .text = "cong an kon tum" },
                                          0, NULL, NULL, NULL);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, 1);
  g_clear_pointer (&ids, g_array_unref);

  /* A limit keeps the best, not the first found. */
  ids = vankho_library_query_article_ids (fixture->library,
                                          &(VankhoArticleQuery) { .text = "cong an kon tum" },
                                          1, NULL, NULL, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 2);
}

/* The score of one word is its saturated frequency, title mentions
 * weighing 4: (4t + b) · 2.2 / (4t + b + 1.2). The body's mentions are
 * counted from the bytes of their position list; far apart, their gaps
 * take two bytes each.
 */
static void
test_ranking_score (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct { const char *title; guint n_body; guint gap; } articles[] = {
    { "Gia Lai", 0, 0 },
    { "Tin", 1, 0 },
    { "Gia Lai", 3, 1 },
    { "Tin", 40, 2 },
    { "Tin Gia Lai", 25, 300 },
    { "Tin", 200, 150 },
    /* Several in the title; positions far enough in for two-byte varints. */
    { "Gia Lai, Gia Lai và Gia Lai", 2, 0 },
    { NULL, 5, 130 },
  };
  g_autoptr(GString) long_title = g_string_new ("Tin");
  sqlite3_stmt *stmt = NULL;

  for (guint w = 0; w < 140; w++)
    g_string_append (long_title, w == 2 || w == 135 ? " Gia Lai" : " chữ");

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      g_autoptr(GString) body = g_string_new ("Mở đầu");

      for (guint n = 0; n < articles[i].n_body; n++)
        {
          for (guint w = 0; w < articles[i].gap; w++)
            g_string_append (body, " chữ");
          g_string_append (body, " Gia Lai,");
        }
      g_string_append (body, " hết.");
      add (fixture->library, articles[i].title ?: long_title->str, body->str);
    }

  g_assert_cmpint (sqlite3_prepare_v2 (fixture->library->db,
                                       "SELECT rowid, " VANKHO_FTS_RANK_NAME " (articles_fts, 4.0, 1.0)"
                                       " FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rowid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint q = 0; q < 2; q++)
    {
      guint i = 0;

      sqlite3_bind_text (stmt, 1, q == 0 ? "gia" : "\"gia lai\"", -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *title = articles[i].title ?: long_title->str;
          guint in_title = 0;
          double freq;

          for (const char *at = strstr (title, "Gia"); at != NULL; at = strstr (at + 1, "Gia"))
            in_title++;
          freq = 4.0 * in_title + articles[i].n_body;

          g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, i + 1);
          g_assert_cmpfloat_with_epsilon (sqlite3_column_double (stmt, 1),
                                          -freq * 2.2 / (freq + 1.2), 1e-9);
          i++;
        }
      g_assert_cmpuint (i, ==, G_N_ELEMENTS (articles));
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
}

/* A ranked search over many articles runs in parts, by id, on several
 * connections at once (run_ranked_query()): split three ways it finds the
 * same ids in the same order as in one piece, ties and limits included.
 * The words' frequencies differ from one third of the ids to the next: the
 * parts must rank with the counts of the whole index.
 */
/* A search of words alone is read from the index itself
 * (vankho-fts-postings.c): it must give the ids FTS5 gives, in the same
 * order, whatever shape the index is in. Here: a segment for each
 * article added (automerge off; FTS5 still merges a level that grows
 * past crisismerge), then rows changed and deleted, so that a
 * newer segment's entry overrides an older one's; leaves of @data bytes,
 * so that at 64 terms, doclists and position lists run on over several
 * leaves ('không' 1 500 times in an article does at 4 050 too); prefixes
 * of many words; versions left out; a limit; one reader, and three
 * sharing the segments out; a province, a tag, a document cited.
 */
static void
test_search_index_read (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char *queries[] = {
    "gia", "kon", "gia kon", "lai", "khong", "gia khong", "g*", "ko*", "kh*", "c*", "ch*",
    "gia k*", "hết lai", "cong chinh", "zzz", "gia zzz*", "k*",
  };
  static const char *extra[] = { "công", "chính", "con", "chiến", "cơ", "kỳ", "khu", "kết", "gió" };
  sqlite3 *db = fixture->library->db;
  g_autofree char *page_size = g_strdup_printf ("INSERT INTO articles_fts (articles_fts, rank) VALUES ('pgsz', %u);"
                                                "INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 0)",
                                                GPOINTER_TO_UINT (data));
  g_autoptr(GString) khong = g_string_new (NULL);
  guint searches;

  g_assert_cmpint (sqlite3_exec (db, page_size, NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < 1500; i++)
    g_string_append (khong, "không ");

  for (guint n = 0; n < 720; n++)
    {
      g_autoptr(GString) body = g_string_new (NULL);

      for (guint j = 0; j < 1 + n % 9; j++)
        g_string_append (body, "gia và ");
      for (guint j = 0; j < 1 + (n * 7) % 5; j++)
        g_string_append_printf (body, "kon %s ", extra[(n + j) % G_N_ELEMENTS (extra)]);
      g_string_append (body, n % 3 == 0 ? "lai" : "hết");
      g_string_append_printf (body, " (bài %u)", n);
      if (n % 97 == 0)
        g_string_append (body, khong->str);

      add (fixture->library, n % 5 == 0 ? "Gia Lai" : "Tin", body->str);
    }

  /* Changed and deleted after, and some versions of others. */
  g_assert_cmpint (sqlite3_exec (db,
                                 "UPDATE articles SET body = 'lai công khu ' || body WHERE id % 17 = 3;"
                                 "UPDATE articles SET body = 'gió' WHERE id % 29 = 8;"
                                 "UPDATE articles SET version_of = id - 1 WHERE id % 23 = 5;"
                                 "DELETE FROM articles WHERE id % 19 = 4 AND id % 23 != 4",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  /* Places and tags for the filters: a province named twice in some, and
   * struck out ('excluded') in others. */
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO places (article_id, province, role, evidence)"
                                 "  SELECT id, 'VN-22', 'primary', 'text' FROM articles WHERE id % 3 = 0;"
                                 "INSERT INTO places (article_id, province, role, evidence)"
                                 "  SELECT id, 'VN-22', 'mentioned', 'text' FROM articles WHERE id % 6 = 0;"
                                 "INSERT INTO places (article_id, province, role, evidence)"
                                 "  SELECT id, 'VN-22', 'excluded', 'user' FROM articles WHERE id % 7 = 1",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  for (gint64 id = 1; id <= 720; id += 4)
    if (id % 19 != 4 || id % 23 == 4)
      g_assert_true (vankho_library_add_tag (fixture->library, id, "Theo dõi", NULL));
  /* And citations of a document, some of them of another merged into it,
   * some rejected. */
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO documents (id, canonical_key, kind) VALUES (901, 'test:a', 'nq');"
                                 "INSERT INTO documents (id, canonical_key, kind, merged_into) VALUES (902, 'test:b', 'nq', 901);"
                                 "INSERT INTO citations (article_id, document_id, mention, mention_offset, mention_length, rejected)"
                                 "  SELECT id, 901, 'NQ', 0, 2, id % 16 = 1 FROM articles WHERE id % 4 = 1;"
                                 "INSERT INTO citations (article_id, document_id, mention, mention_offset, mention_length)"
                                 "  SELECT id, 902, 'NQ', 0, 2 FROM articles WHERE id % 8 = 3",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  searches = fixture->library->n_index_searches;
  for (guint q = 0; q < G_N_ELEMENTS (queries) * 6; q++)
    for (guint limit = 0; limit <= 7; limit += 7)
      {
        /* Each query alone and in a province; under a tag, citing the
         * document, and each of those in the province too. */
        guint filters = q / G_N_ELEMENTS (queries);
        VankhoArticleQuery query = {
          .text = (char *) queries[q % G_N_ELEMENTS (queries)],
          .province = filters % 2 == 1 ? "VN-22" : NULL,
          .tag = filters / 2 == 1 ? "theo dõi" : NULL,
          .document_id = filters / 2 == 2 ? 901 : 0,
        };
        g_autoptr(GArray) read = NULL;
        g_autoptr(GArray) shared = NULL;
        g_autoptr(GArray) through_fts = NULL;
        g_autoptr(GError) error = NULL;

        /* By one reader, and by three sharing the segments out. */
        vankho_library_set_search_index (fixture->library, TRUE);
        vankho_library_set_search_split (fixture->library, 1, 0);
        read = vankho_library_query_article_ids (fixture->library, &query, limit, NULL, NULL, &error);
        g_assert_no_error (error);
        vankho_library_set_search_split (fixture->library, 3, 1);
        shared = vankho_library_query_article_ids (fixture->library, &query, limit, NULL, NULL, &error);
        g_assert_no_error (error);
        searches += 2;
        g_assert_cmpuint (fixture->library->n_index_searches, ==, searches);

        vankho_library_set_search_index (fixture->library, FALSE);
        through_fts = vankho_library_query_article_ids (fixture->library, &query, limit, NULL, NULL, &error);
        g_assert_no_error (error);

        if (filters == 0 &&
            !g_str_has_prefix (query.text, "zzz") && !g_str_has_suffix (query.text, "zzz*"))
          g_assert_cmpuint (read->len, >, 0);
        g_assert_cmpmem (read->data, read->len * sizeof (gint64),
                         through_fts->data, through_fts->len * sizeof (gint64));
        g_assert_cmpmem (shared->data, shared->len * sizeof (gint64),
                         through_fts->data, through_fts->len * sizeof (gint64));
      }

  /* Searches the reader leaves to FTS5. */
  for (guint q = 0; q < 3; q++)
    {
      static const char *others[] = { "\"gia va\"", "gia -lai", "gia OR zzz" };
      VankhoArticleQuery query = { .text = (char *) others[q] };
      g_autoptr(GArray) ids = NULL;

      vankho_library_set_search_index (fixture->library, TRUE);
      ids = vankho_library_query_article_ids (fixture->library, &query, 0, NULL, NULL, NULL);
      g_assert_nonnull (ids);
      g_assert_cmpuint (fixture->library->n_index_searches, ==, searches);
    }
}

/* The readers' statements are on the library's connections: closing the
 * library must still close every one of them, or the last never
 * checkpoints its log and a restore finds the library in use. */
static void
test_search_index_closes (Fixture       *fixture,
                          gconstpointer  data)
{
  VankhoArticleQuery query = { .text = "gia kon" };
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *body = g_strdup_printf ("gia kon tum, bài %u", i);

      add (fixture->library, "Gia Lai", body);
    }
  vankho_library_set_search_split (fixture->library, 3, 1);
  ids = vankho_library_query_article_ids (fixture->library, &query, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 20);
  g_assert_cmpuint (fixture->library->n_index_searches, ==, 1);

  g_clear_object (&fixture->library);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* A structure record the first reader refuses once it has counted its
 * segments: the search goes through FTS5, and no reader that did not
 * begin is ended (that was a critical, fatal in the tests). */
static void
test_search_index_first_fails (Fixture       *fixture,
                               gconstpointer  data)
{
  VankhoArticleQuery query = { .text = "gia kon" };
  g_autoptr(GArray) ids = NULL;

  add (fixture->library, "Tin", "gia kon tum");
  add (fixture->library, "Tin", "gia lai kon");
  /* One level, one segment, its first leaf 5 and its last 1. */
  g_assert_cmpint (sqlite3_exec (fixture->library->db,
                                 "UPDATE articles_fts_data SET block = substr (block, 1, 4)"
                                 "  || x'010101' || x'0001' || x'010501' || zeroblob (8) WHERE id = 10",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  vankho_library_set_search_split (fixture->library, 3, 1);
  ids = vankho_library_query_article_ids (fixture->library, &query, 0, NULL, NULL, NULL);
  g_assert_cmpuint (fixture->library->n_index_searches, ==, 0);
}

/* Tables the reader does not read: it declines, and the search goes
 * through FTS5. */
static void
test_search_index_declines (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char *tables[] = {
    "CREATE VIRTUAL TABLE other USING fts5 (a, b, detail=column)",
    "CREATE VIRTUAL TABLE other USING fts5 (a, b, c)",
    "CREATE VIRTUAL TABLE other USING fts5 (a)",
  };
  sqlite3 *db = fixture->library->db;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr(VankhoFtsPostingsReader) reader = NULL;

      g_assert_cmpint (sqlite3_exec (db, tables[i], NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "INSERT INTO other (a) VALUES ('gia lai')", NULL, NULL, NULL), ==, SQLITE_OK);
      reader = vankho_fts_postings_reader_new (db, "other");
      g_assert_cmpint (vankho_fts_postings_reader_begin (reader), ==, SQLITE_NOTFOUND);
      vankho_fts_postings_reader_end (reader);
      g_assert_cmpint (sqlite3_exec (db, "DROP TABLE other", NULL, NULL, NULL), ==, SQLITE_OK);
    }

  /* A leaf that does not parse is an error, not a crash. */
  {
    g_autoptr(VankhoFtsPostingsReader) reader = NULL;
    g_autoptr(GArray) postings = g_array_new (FALSE, FALSE, sizeof (VankhoFtsPosting));

    add (fixture->library, "Gia Lai", "gia gia gia lai");
    g_assert_cmpint (sqlite3_exec (db,
                                   "UPDATE articles_fts_data SET block = x'0004ffffffffffffffffffffffff' WHERE id > 10",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    reader = vankho_fts_postings_reader_new (db, "articles_fts");
    g_assert_cmpint (vankho_fts_postings_reader_begin (reader), ==, SQLITE_OK);
    g_assert_cmpint (vankho_fts_postings_reader_read (reader, "gia", TRUE, postings, NULL), ==, SQLITE_CORRUPT_VTAB);
    vankho_fts_postings_reader_end (reader);
  }
}

static void
test_search_split (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char *words[] = { "công an", "Kon Tum", "Gia Lai", "tỉnh", "Đảng uỷ", "xã", "hiếm" };
  static const char *queries[] = { "cong an", "kon tum gia lai", "tinh xa", "\"cong an tinh\"",
                                   "dang uy hiem", "gia*", "cong an -kon", "xa OR hiem" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GPtrArray) all_hits = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  sqlite3_stmt *by_rank = NULL;

  /* The split is FTS5's: a search of words alone is otherwise read from
   * the index (see test_search_index_read()). */
  vankho_library_set_search_index (fixture->library, FALSE);

  for (guint i = 0; i < 90; i++)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      guint n_words = g_rand_int_range (rand, 3, 30);

      for (guint j = 0; j < n_words; j++)
        {
          /* Kon Tum is common in the first third, Gia Lai in the last. */
          guint word = g_rand_int_range (rand, 0, G_N_ELEMENTS (words));

          if (word == 1 && i >= 60)
            word = 2;
          else if (word == 2 && i < 30 && g_rand_boolean (rand))
            word = 1;
          g_string_append_printf (body, "%s %s, ", words[word], j % 4 == 0 ? "và" : "");
        }
      add (fixture->library, i % 7 == 0 ? "Công an Kon Tum" : "Tin", body->str);
    }

  g_assert_cmpint (sqlite3_prepare_v2 (fixture->library->db,
                                       "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1"
                                       " ORDER BY " VANKHO_FTS_RANK_NAME " (articles_fts, 4.0, 1.0), rowid DESC",
                                       -1, &by_rank, NULL), ==, SQLITE_OK);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      VankhoArticleQuery query = { .text = (char *) queries[q] };
      g_autoptr(GArray) before = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *match = NULL;
      guint i = 0;

      vankho_library_set_search_split (fixture->library, 1, 0);
      before = vankho_library_query_article_ids (fixture->library, &query, 0, &match, NULL, &error);
      g_assert_no_error (error);

      /* The order vankho_rank() gives, whose phrases are all counted: a
       * search counts only those its hits do not settle. */
      sqlite3_bind_text (by_rank, 1, match, -1, SQLITE_STATIC);
      while (sqlite3_step (by_rank) == SQLITE_ROW)
        {
          g_assert_cmpuint (i, <, before->len);
          g_assert_cmpint (sqlite3_column_int64 (by_rank, 0), ==, g_array_index (before, gint64, i));
          i++;
        }
      g_assert_cmpuint (i, ==, before->len);
      sqlite3_reset (by_rank);

      g_ptr_array_add (all_hits, g_steal_pointer (&before));
    }
  sqlite3_finalize (by_rank);

  /* Every eleventh a version of the one before: a search leaves versions
   * out, whichever part they fall in, and ranks the rest as before. */
  g_assert_cmpint (sqlite3_exec (fixture->library->db,
                                 "UPDATE articles SET version_of = id - 1 WHERE id % 11 = 5",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    for (guint limit = 0; limit <= 5; limit += 5)
      {
        VankhoArticleQuery query = { .text = (char *) queries[q] };
        GArray *before = all_hits->pdata[q];
        g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (gint64));
        g_autoptr(GArray) whole = NULL;
        g_autoptr(GArray) split = NULL;
        g_autoptr(GError) error = NULL;

        for (guint i = 0; i < before->len && (limit == 0 || expected->len < limit); i++)
          if (g_array_index (before, gint64, i) % 11 != 5)
            g_array_append_val (expected, g_array_index (before, gint64, i));

        vankho_library_set_search_split (fixture->library, 1, 0);
        whole = vankho_library_query_article_ids (fixture->library, &query, limit, NULL, NULL, &error);
        g_assert_no_error (error);
        vankho_library_set_search_split (fixture->library, 3, 1);
        split = vankho_library_query_article_ids (fixture->library, &query, limit, NULL, NULL, &error);
        g_assert_no_error (error);

        g_assert_cmpuint (whole->len, >, 0);
        g_assert_cmpmem (whole->data, whole->len * sizeof (gint64), expected->data, expected->len * sizeof (gint64));
        g_assert_cmpmem (split->data, split->len * sizeof (gint64), whole->data, whole->len * sizeof (gint64));
      }

  /* The parts ran on connections of their own. */
  g_assert_cmpuint (fixture->library->search_helpers->len, ==, 2);
}

/* The hits of a search are sorted by key in one pass when they have few
 * distinct keys (a word's score depends on how often an article names it
 * and where) and by radix passes otherwise: both orders must be the one
 * vankho_rank() gives, ties by id, newest first. Enough articles for
 * either: 4 096, naming 'gia' and 'kon' 1 to 64 times each, in every
 * combination ('gia kon' has over 2 000 distinct scores), and a third of
 * them 'lai'.
 */
static void
test_search_sort_many (Fixture       *fixture,
                       gconstpointer  data)
{
  static const struct { const char *text; guint n_hits; } queries[] = {
    { "gia", 4096 }, { "gia kon", 4096 }, { "kon lai", 1366 }, { "gia kon lai", 1366 },
  };
  sqlite3_stmt *by_rank = NULL;

  g_assert_cmpint (sqlite3_exec (fixture->library->db,
                                 "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 4095)"
                                 " INSERT INTO articles (title, body, content_hash)"
                                 " SELECT CASE WHEN i % 5 = 0 THEN 'Gia' ELSE 'Tin' END,"
                                 "  replace (hex (zeroblob (1 + i % 64)), '00', 'gia và ')"
                                 "  || replace (hex (zeroblob (1 + i / 64)), '00', 'kon và ')"
                                 "  || CASE WHEN i % 3 = 0 THEN 'lai' ELSE 'hết' END,"
                                 "  'hash-' || i FROM n;"
                                 /* Indexed as the library indexes what it adds. */
                                 "INSERT INTO articles_fts (rowid, title, body) SELECT id, title, body FROM articles",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (fixture->library->db,
                                       "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1"
                                       " ORDER BY " VANKHO_FTS_RANK_NAME " (articles_fts, 4.0, 1.0), rowid DESC",
                                       -1, &by_rank, NULL), ==, SQLITE_OK);

  /* Through FTS5 in one part or two, and read from the index. */
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    for (guint parts = 1; parts <= 3; parts++)
      {
        VankhoArticleQuery query = { .text = (char *) queries[q].text };
        g_autoptr(GArray) ids = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree char *match = NULL;
        guint i = 0;

        vankho_library_set_search_index (fixture->library, parts == 3);
        vankho_library_set_search_split (fixture->library, MIN (parts, 2), 1);
        ids = vankho_library_query_article_ids (fixture->library, &query, 0, &match, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (ids->len, ==, queries[q].n_hits);

        sqlite3_bind_text (by_rank, 1, match, -1, SQLITE_STATIC);
        while (sqlite3_step (by_rank) == SQLITE_ROW)
          g_assert_cmpint (sqlite3_column_int64 (by_rank, 0), ==, g_array_index (ids, gint64, i++));
        g_assert_cmpuint (i, ==, ids->len);
        sqlite3_reset (by_rank);
      }
  sqlite3_finalize (by_rank);
}

static void
test_newest_first (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *dates[] = { "2023-08", "2024-09-27", NULL, "2022" };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(VankhoArticle) article = vankho_article_new ();
      g_autofree char *body = g_strdup_printf ("Bài số %u", i);
      VankhoDate date = { 0 };

      if (dates[i])
        g_assert_true (vankho_date_parse_iso (&date, dates[i]));
      vankho_article_set_title (article, body);
      vankho_article_set_body (article, body);
      vankho_article_set_published (article, &date);
      g_assert_true (vankho_library_add_article (fixture->library, article, 0, NULL, NULL));
    }

  {
    g_autoptr(GArray) ids = vankho_library_query_article_ids (fixture->library, NULL, 0, NULL, NULL, NULL);
    gint64 expected[] = { 2, 1, 4, 3 };

    g_assert_cmpuint (ids->len, ==, 4);
    for (guint i = 0; i < 4; i++)
      g_assert_cmpint (g_array_index (ids, gint64, i), ==, expected[i]);
  }
}

static void
quit_when_loaded (GObject    *model,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  if (!vankho_article_list_model_get_loading (VANKHO_ARTICLE_LIST_MODEL (model)))
    g_main_loop_quit (user_data);
}

static void
wait_loaded (VankhoArticleListModel *model)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  gulong handler;

  if (!vankho_article_list_model_get_loading (model))
    return;

  handler = g_signal_connect (model, "notify::loading", G_CALLBACK (quit_when_loaded), loop);
  g_main_loop_run (loop);
  g_signal_handler_disconnect (model, handler);
}

static GThread *main_thread;

static void
record_items_changed (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GString    *changes)
{
  /* Models are the main thread's: never changed from a worker. */
  g_assert_true (g_thread_self () == main_thread);
  g_string_append_printf (changes, "%u-%u+%u ", position, removed, added);
}

static void
test_list_model (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(VankhoArticleFilter) filter = vankho_article_filter_new ();
  g_autoptr(VankhoArticleListModel) model = NULL;
  g_autoptr(VankhoArticle) first = NULL;
  g_autoptr(VankhoArticle) plain = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);

  for (guint i = 0; i < 1200; i++)
    {
      g_autofree char *body = g_strdup_printf ("Bài %u về Công an %s.", i, i % 3 ? "xã" : "tỉnh");
      add (fixture->library, "Tiêu đề", body);
    }

  model = vankho_article_list_model_new (fixture->library, filter);
  g_signal_connect (model, "items-changed", G_CALLBACK (record_items_changed), changes);
  /* The main thread busy, not iterating: the worker's first page waits. */
  g_usleep (300 * 1000);
  g_assert_cmpstr (changes->str, ==, "");
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == VANKHO_TYPE_ARTICLE);
  wait_loaded (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1200);

  /* The first rows came on their own while the rest loaded, then the rest
   * was added after them. */
  /* On a loaded machine the whole list may come before the first page was
   * shown; then the first page is dropped, never shown after it. */
  if (g_strcmp0 (changes->str, "0-0+1200 ") != 0)
    g_assert_cmpstr (changes->str, ==, "0-0+100 100-0+1100 ");
  g_signal_handlers_disconnect_by_func (model, record_items_changed, changes);
  for (guint i = 1; i < 1200; i++)
    {
      g_autoptr(VankhoArticle) newer = g_list_model_get_item (G_LIST_MODEL (model), i - 1);
      g_autoptr(VankhoArticle) older = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (vankho_article_get_id (newer), >, vankho_article_get_id (older));
    }

  /* Every row can be fetched, more than the model keeps at once. */
  for (guint i = 0; i < 1200; i++)
    {
      g_autoptr(VankhoArticle) row = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_assert_cmpstr (vankho_article_get_title (row), ==, "Tiêu đề");
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 1200));

  vankho_article_filter_set_query (filter, "tinh");
  wait_loaded (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 400);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_nonnull (strstr (vankho_article_get_snippet (first), "\x02tỉnh\x03"));

  /* A new article shows without being asked. */
  vankho_article_filter_set_query (filter, "   ");
  wait_loaded (model);
  /* Without the search, no row keeps its marks. */
  plain = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_null (strchr (vankho_article_get_snippet (plain) ?: "", '\x02'));
  add (fixture->library, "Mới", "Bài mới");
  vankho_library_articles_changed (fixture->library);
  wait_loaded (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1201);
}

/* Bad library files: refused with a clear error and left byte for byte. */

static char *
write_file (const char *dir,
            const char *name,
            const char *contents,
            gsize       len)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  return path;
}

static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VankhoLibrary) library = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  gsize before_len = 0;
  gsize after_len = 0;

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  library = vankho_library_open (path, &error);
  g_assert_null (library);
  g_assert_error (error, VANKHO_LIBRARY_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "“"));

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* Pages filled with what no page holds. */
static void
damage (const char *path,
        gsize       offset,
        gsize       len)
{
  g_autofree char *contents = NULL;
  gsize size;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_assert_cmpuint (offset + len, <=, size);
  for (gsize i = 0; i < len; i++)
    contents[offset + i] = (char) (i * 37 + 11);
  g_assert_true (g_file_set_contents (path, contents, size, NULL));
}

static void
fill_library (Fixture *fixture)
{
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *filler = g_strnfill (2000, 'x');
      g_autofree char *body = g_strdup_printf ("Nội dung dài %u %s", i, filler);
      add (fixture->library, "Bài", body);
    }
}

static void
test_refuse_not_sqlite (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *text = write_file (fixture->dir, "text.db", "Đây không phải thư viện\n", -1);
  g_autofree char *binary = write_file (fixture->dir, "binary.db", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);

  assert_refused (text, VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY);
  assert_refused (binary, VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY);
}

static void
test_refuse_truncated (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_autofree char *truncated = NULL;
  gsize len;

  fill_library (fixture);
  g_clear_object (&fixture->library);

  g_assert_true (g_file_get_contents (fixture->path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 8192);
  /* Cut mid-page, and cut at a page boundary. */
  truncated = write_file (fixture->dir, "truncated.db", contents, len / 2 + 100);
  assert_refused (truncated, VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY);
  g_free (truncated);
  truncated = write_file (fixture->dir, "truncated-page.db", contents, (len / 2) & ~(gsize) 4095);
  assert_refused (truncated, VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY);
}

static void
test_refuse_damaged (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *schema = g_build_filename (fixture->dir, "schema.db", NULL);
  g_autofree char *pages = g_build_filename (fixture->dir, "pages.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (pages, "-wal", NULL);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *partial = g_strconcat (copy, ".partial", NULL);
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  gsize len, before_len, after_len;
  gint64 root;

  fill_library (fixture);
  g_clear_object (&fixture->library);
  root = pragma_int (fixture->path, "SELECT rootpage FROM sqlite_schema WHERE name = 'articles'");
  g_assert_cmpint (root, >, 1);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &len, NULL));

  /* The header intact, the list of tables after it garbled. */
  g_assert_true (g_file_set_contents (schema, contents, len, NULL));
  damage (schema, 100, 4096 - 100);
  assert_refused (schema, VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY);

  /* The articles' first page garbled: the header and the schema are fine. */
  g_assert_true (g_file_set_contents (pages, contents, len, NULL));
  damage (pages, (root - 1) * 4096, 4096);
  g_assert_true (g_file_get_contents (pages, &before, &before_len, NULL));
  library = vankho_library_open (pages, &error);
  if (library == NULL)
    g_assert_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY);
  else
    {
      g_autoptr(VankhoArticle) article = NULL;

      /* Opening reads the header and the schema only (RELIABILITY.md, 5);
       * the check reads the rest.
       */
      g_assert_false (vankho_library_check (library, NULL, &error));
      g_assert_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY);
      g_clear_error (&error);

      article = vankho_library_get_article (library, 1, &error);
      g_assert_null (article);
      g_assert_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY);
      g_test_message ("%s", error->message);
      g_clear_error (&error);

      /* No backup of it: a damaged copy would push a good one out. */
      g_assert_false (vankho_library_backup (library, copy, &error));
      g_assert_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY);
      g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
      g_clear_object (&library);
    }

  /* Never written, either way. */
  g_assert_true (g_file_get_contents (pages, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* Damage no read of the list meets (the last page of the file, an index's
 * or the search index's) is found by the check alone; a sound library
 * passes it, and a cancelled check says so rather than "damaged".
 */
static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *late = g_build_filename (fixture->dir, "late.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  gsize len, before_len, after_len;

  fill_library (fixture);
  g_assert_true (vankho_library_check (fixture->library, NULL, &error));
  g_assert_no_error (error);

  g_cancellable_cancel (cancellable);
  g_assert_false (vankho_library_check (fixture->library, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_clear_object (&fixture->library);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &len, NULL));
  g_assert_cmpint (len, >, 8 * 4096);
  g_assert_true (g_file_set_contents (late, contents, len, NULL));
  damage (late, len - 4096, 4096);
  g_assert_true (g_file_get_contents (late, &before, &before_len, NULL));

  library = vankho_library_open (late, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vankho_library_count_articles (library, NULL), >, 0);
  g_assert_false (vankho_library_check (library, NULL, &error));
  g_assert_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY);
  g_clear_object (&library);

  g_assert_true (g_file_get_contents (late, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_refuse_newer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "newer.db", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE articles (id INTEGER PRIMARY KEY, future TEXT);"
                                     "PRAGMA user_version = 99;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (path, VANKHO_LIBRARY_ERROR_TOO_NEW);
}

static void
test_refuse_foreign (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "other.db", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE contacts (name TEXT);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (path, VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY);
}

static void
test_refuse_locked (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VankhoLibrary) second = NULL;
  sqlite3 *holder = NULL;

  add (fixture->library, "Bài", "Nội dung");
  g_clear_object (&fixture->library);

  /* Another program holds the file exclusively. */
  g_assert_cmpint (sqlite3_open (fixture->path, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;"
                                         "INSERT INTO sources (kind, title) VALUES ('import', 'lock');", NULL, NULL, NULL),
                   ==, SQLITE_OK);

  second = vankho_library_open (fixture->path, &error);
  g_assert_null (second);
  g_assert_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_BUSY);

  sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (holder);
}

static char *
filtered (VankhoLibrary      *library,
          VankhoArticleQuery *query)
{
  g_autoptr(GArray) ids = vankho_library_query_article_ids (library, query, 0, NULL, NULL, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));

  return g_string_free (out, FALSE);
}

#define assert_filtered(library, query, expected) \
  G_STMT_START { \
    g_autofree char *found_ = filtered (library, query); \
    g_assert_cmpstr (found_, ==, expected); \
  } G_STMT_END

static void
test_migrate_keeps_copy (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "old.db", NULL);
  g_autofree char *backup = g_strconcat (path, ".v1.bak", NULL);
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VankhoArticle) article = NULL;
  sqlite3 *db = NULL;

  /* A library as version 1 left it. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (vankho_fts_tokenizer_register (db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, vankho_library_migrations[0], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO articles (title, body, content_hash, published)"
                                     " VALUES ('Cũ', 'Đảng uỷ cũ', 'h1', '2023-08-31');"
                                     "INSERT INTO documents (id, canonical_key, kind) VALUES (7, 'nq:cu', 'Nghị quyết');"
                                     "INSERT INTO citations (article_id, document_id, mention, mention_offset, mention_length)"
                                     " VALUES (1, 7, 'cũ', 0, 2);"
                                     "INSERT INTO places (article_id, province, role, evidence)"
                                     " VALUES (1, 'VN-30', 'primary', 'text'), (1, 'VN-45', 'excluded', 'user');"
                                     "PRAGMA user_version = 1;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  library = vankho_library_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pragma_int (path, "PRAGMA user_version"), ==, VANKHO_LIBRARY_SCHEMA_VERSION);
  /* Schema 5 gave the old citation its article's date. */
  g_assert_cmpint (pragma_int (path, "SELECT count (*) FROM citations WHERE published = '2023-08-31'"), ==, 1);
  /* Schema 6 counted it for its document. */
  g_assert_cmpint (pragma_int (path, "SELECT n_articles FROM document_stats WHERE document_id = 7"), ==, 1);
  g_assert_cmpint (pragma_int (path, "SELECT count (*) FROM document_articles"), ==, 1);
  /* Schema 7 gave its places the date, and lists them from it. */
  g_assert_cmpint (pragma_int (path, "SELECT count (*) FROM places WHERE published = '2023-08-31'"), ==, 2);
  assert_filtered (library, (&(VankhoArticleQuery) { .province = "VN-30" }), "1");
  assert_filtered (library, (&(VankhoArticleQuery) { .province = "VN-45" }), "");
  assert_filtered (library, (&(VankhoArticleQuery) { .document_id = 7, .date_from = "2023-08-01" }), "1");

  /* The copy is the old library, whole. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpint (pragma_int (backup, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (pragma_int (backup, "SELECT count(*) FROM articles"), ==, 1);

  assert_search (library, "dang uy", "1");
  g_assert_true (vankho_library_add_tag (library, 1, "cũ", &error));
  g_assert_no_error (error);
  article = vankho_library_get_article (library, 1, &error);
  g_assert_cmpstr (vankho_article_get_tags (article)[0], ==, "cũ");

  g_unlink (backup);
}

static void
test_user_state (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VankhoArticle) article = NULL;
  g_autoptr(VankhoLibrary) again = NULL;
  g_auto(GStrv) tags = NULL;
  gint64 id = add (fixture->library, "Bài", "Nội dung");

  g_assert_true (vankho_library_set_read (fixture->library, id, TRUE, &error));
  g_assert_true (vankho_library_set_starred (fixture->library, id, TRUE, &error));
  g_assert_true (vankho_library_set_note (fixture->library, id, "  Ghi chú của tôi  ", &error));
  g_assert_true (vankho_library_add_tag (fixture->library, id, "Sơ kết", &error));
  g_assert_true (vankho_library_add_tag (fixture->library, id, "sơ kết", &error));
  g_assert_true (vankho_library_add_tag (fixture->library, id, "Gia Lai", &error));
  g_assert_no_error (error);
  g_assert_false (vankho_library_add_tag (fixture->library, id, " ", &error));
  g_clear_error (&error);
  g_assert_false (vankho_library_set_starred (fixture->library, 999, TRUE, &error));
  g_assert_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Kept across a restart. */
  g_clear_object (&fixture->library);
  again = vankho_library_open (fixture->path, &error);
  g_assert_no_error (error);
  article = vankho_library_get_article (again, id, &error);
  g_assert_true (vankho_article_get_is_read (article));
  g_assert_true (vankho_article_get_is_starred (article));
  g_assert_cmpstr (vankho_article_get_note (article), ==, "Ghi chú của tôi");
  g_assert_cmpuint (g_strv_length ((char **) vankho_article_get_tags (article)), ==, 2);

  g_assert_true (vankho_library_remove_tag (again, id, "Gia Lai", &error));
  tags = vankho_library_list_tags (again, &error);
  g_assert_cmpuint (g_strv_length (tags), ==, 1);
  g_assert_cmpstr (tags[0], ==, "Sơ kết");
  fixture->library = g_steal_pointer (&again);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  const char *dates[] = { "2023-08-31", "2023-08", "2024-01-15", "2022" };
  sqlite3 *db = NULL;
  g_autofree char *wal_path = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(VankhoArticle) article = vankho_article_new ();
      g_autofree char *body = g_strdup_printf ("Bài %u Công an tỉnh", i + 1);
      VankhoDate date = { 0 };

      g_assert_true (vankho_date_parse_iso (&date, dates[i]));
      vankho_article_set_title (article, body);
      vankho_article_set_body (article, body);
      vankho_article_set_published (article, &date);
      vankho_article_set_outlet (article, i % 2 ? "BBK" : "ĐTO");
      g_assert_true (vankho_library_add_article (fixture->library, article, 0, NULL, NULL));
    }

  vankho_library_set_starred (fixture->library, 3, TRUE, NULL);
  vankho_library_set_read (fixture->library, 1, TRUE, NULL);
  vankho_library_add_tag (fixture->library, 2, "xem lại", NULL);

  /* Places and citations as extraction stores them. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO places (article_id, province, role, evidence) VALUES"
                                 " (1, 'VN-30', 'primary', 'text'), (3, 'VN-30', 'mentioned', 'text'),"
                                 " (2, 'VN-45', 'primary', 'byline');"
                                 "INSERT INTO documents (id, canonical_key, kind) VALUES"
                                 " (1001, 'nq:test-1', 'Nghị quyết'), (1002, 'nq:test-2', 'Nghị quyết');"
                                 "UPDATE documents SET merged_into = 1001 WHERE id = 1002;"
                                 "INSERT INTO citations (article_id, document_id, mention, mention_offset, mention_length)"
                                 " VALUES (1, 1001, 'x', 0, 1), (4, 1002, 'y', 0, 1), (2, 1001, 'z', 0, 1);"
                                 "UPDATE citations SET rejected = 1 WHERE article_id = 2;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_filtered (fixture->library, (&(VankhoArticleQuery) { 0 }), "3,1,2,4");
  assert_filtered (fixture->library, (&(VankhoArticleQuery) { .sort = VANKHO_ARTICLE_SORT_OLDEST }), "4,2,1,3");
  assert_filtered (fixture->library, (&(VankhoArticleQuery) { .province = "VN-30" }), "3,1");
  assert_filtered (fixture->library, (&(VankhoArticleQuery) { .document_id = 1001 }), "1,4");
  assert_filtered (fixture->library, (&(VankhoArticleQuery) { .date_from = "2023-08-01", .date_to = "2023-12-31" }), "1,2");
  assert_filtered (fixture->library, (&(VankhoArticleQuery) { .date_from = "2024-01-01" }), "3");
  assert_filtered (fixture->library, (&(VankhoArticleQuery) { .date_to = "2022-12-31" }), "4");
  assert_filtered (fixture->library, (&(VankhoArticleQuery) { .outlet = "BBK" }), "2,4");
  assert_filtered (fixture->library, (&(VankhoArticleQuery) { .tag = "XEM LẠI" }), "2");
  assert_filtered (fixture->library, (&(VankhoArticleQuery) { .unread_only = TRUE }), "3,2,4");
  assert_filtered (fixture->library, (&(VankhoArticleQuery) { .starred_only = TRUE }), "3");
  assert_filtered (fixture->library, (&(VankhoArticleQuery) { .text = "bai 2 OR bai 3", .province = "VN-30" }), "3");
  assert_filtered (fixture->library, (&(VankhoArticleQuery) { .text = "-\"bai 1\"", .outlet = "ĐTO" }), "3");
}

/* The ids of @query as the plain SQL on the articles says, which the list
 * answered until schema 7: a province counts unless every one of its places
 * is 'excluded', a document brings the entries merged into it, a rejected
 * citation does not count, a version never shows.
 */
static GArray *
reference_ids (sqlite3                  *db,
               const VankhoArticleQuery *query,
               guint                     limit)
{
  g_autoptr(GString) sql = g_string_new ("SELECT a.id FROM articles a WHERE a.version_of IS NULL");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  if (query->province != NULL)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM places p WHERE p.article_id = a.id"
                          "  AND p.province = :province AND p.role != 'excluded')");
  if (query->document_id > 0)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM citations c JOIN documents d ON d.id = c.document_id"
                          "  WHERE c.article_id = a.id AND NOT c.rejected"
                          "  AND (d.id = :document OR d.merged_into = :document))");
  if (query->date_from != NULL)
    g_string_append (sql, " AND a.published >= substr (:from, 1, length (a.published))");
  if (query->date_to != NULL)
    g_string_append (sql, " AND a.published <= substr (:to, 1, length (a.published))");
  if (query->outlet != NULL)
    g_string_append (sql, " AND a.outlet = :outlet");
  if (query->tag != NULL)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM article_tags at JOIN tags t ON t.id = at.tag_id"
                          "  WHERE at.article_id = a.id AND t.name = :tag)");
  if (query->unread_only)
    g_string_append (sql, " AND NOT a.is_read");
  if (query->starred_only)
    g_string_append (sql, " AND a.is_starred");
  if (query->sort == VANKHO_ARTICLE_SORT_OLDEST)
    g_string_append (sql, " ORDER BY a.published IS NULL, a.published, a.id");
  else
    g_string_append (sql, " ORDER BY a.published DESC, a.id DESC");
  g_string_append (sql, " LIMIT :limit");

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
#define BIND_TEXT(name, value) \
  if ((value) != NULL) sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, name), value, -1, SQLITE_STATIC)
  BIND_TEXT (":province", query->province);
  BIND_TEXT (":from", query->date_from);
  BIND_TEXT (":to", query->date_to);
  BIND_TEXT (":outlet", query->outlet);
  BIND_TEXT (":tag", query->tag);
#undef BIND_TEXT
  if (query->document_id > 0)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":document"), query->document_id);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit > 0 ? (gint64) limit : -1);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  g_assert_cmpint (sqlite3_errcode (db), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  return g_steal_pointer (&ids);
}

static const char *
random_date (void)
{
  static const char * const dates[] = {
    NULL, "2021", "2022", "2022-03", "2022-03-01", "2022-03-15", "2022-11",
    "2023", "2023-08", "2023-08-31", "2023-09-01", "2024-01-15",
  };

  return dates[g_test_rand_int_range (0, G_N_ELEMENTS (dates))];
}

static const char *
random_pick (const char * const *values,
             guint               n_values)
{
  return values[g_test_rand_int_range (0, n_values)];
}

/* Places, citations and the user's changes, at random: what the filters
 * have to agree with the reference on. */
static void
shuffle_filter_data (VankhoLibrary *library,
                     sqlite3       *db,
                     guint          n_articles,
                     gboolean       first)
{
  static const char * const provinces[] = { "VN-30", "VN-45", "VN-22" };
  static const char * const roles[] = { "primary", "mentioned", "excluded" };

  for (gint64 id = 1; id <= n_articles; id++)
    {
      guint n_places = g_test_rand_int_range (0, first ? 4 : 2);
      guint n_citations = g_test_rand_int_range (0, first ? 4 : 2);

      for (guint i = 0; i < n_places; i++)
        {
          g_autofree char *sql =
            g_strdup_printf ("INSERT INTO places (article_id, province, role, evidence)"
                             " VALUES (%" G_GINT64_FORMAT ", '%s', '%s', 'text')",
                             id, random_pick (provinces, G_N_ELEMENTS (provinces)),
                             random_pick (roles, G_N_ELEMENTS (roles)));
          g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
        }
      for (guint i = 0; i < n_citations; i++)
        {
          g_autofree char *sql =
            g_strdup_printf ("INSERT INTO citations (article_id, document_id, mention, mention_offset,"
                             "  mention_length, rejected) VALUES (%" G_GINT64_FORMAT ", %d, 'x', %u, 1, %d)",
                             id, g_test_rand_int_range (1001, 1005), i, g_test_rand_int_range (0, 5) == 0);
          g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
        }

      /* The user's corrections, through the library and behind its back. */
      switch (g_test_rand_int_range (0, 8))
        {
        case 0:
          {
            const char *iso = random_date ();
            VankhoDate date = { 0 };

            if (iso != NULL)
              g_assert_true (vankho_date_parse_iso (&date, iso));
            g_assert_true (vankho_library_set_published (library, id, &date, NULL));
          }
          break;
        case 1:
          {
            const char *iso = random_date ();
            g_autofree char *sql =
              g_strdup_printf ("UPDATE articles SET published = %s%s%s WHERE id = %" G_GINT64_FORMAT,
                               iso ? "'" : "", iso ? iso : "NULL", iso ? "'" : "", id);
            g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
          }
          break;
        case 2:
          g_assert_true (vankho_library_set_place (library, id, random_pick (provinces, G_N_ELEMENTS (provinces)),
                                                   random_pick (roles, G_N_ELEMENTS (roles)), NULL));
          break;
        case 3:
          {
            g_autofree char *sql =
              g_strdup_printf ("UPDATE citations SET rejected = NOT rejected WHERE id IN"
                               " (SELECT id FROM citations WHERE article_id = %" G_GINT64_FORMAT " LIMIT 1)", id);
            g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
          }
          break;
        case 4:
          if (id > 1)
            {
              /* A version of an earlier story, or one no longer. */
              g_autofree char *sql =
                g_strdup_printf ("UPDATE articles SET version_of = CASE WHEN version_of IS NULL"
                                 " THEN %d END WHERE id = %" G_GINT64_FORMAT,
                                 g_test_rand_int_range (1, id), id);
              g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
            }
          break;
        case 5:
          g_assert_true (vankho_library_set_read (library, id, g_test_rand_bit (), NULL));
          break;
        default:
          break;
        }
    }

  /* Merged families: two entries into one, or another way round. */
  g_assert_cmpint (sqlite3_exec (db, first
                                 ? "UPDATE documents SET merged_into = 1001 WHERE id IN (1002, 1003)"
                                 : "UPDATE documents SET merged_into = NULL;"
                                   "UPDATE documents SET merged_into = 1004 WHERE id = 1001",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
assert_same_ids (GArray                   *found,
                 GArray                   *expected,
                 const VankhoArticleQuery *query,
                 guint                     limit)
{
  if (found->len != expected->len ||
      (found->len > 0 && memcmp (found->data, expected->data, found->len * sizeof (gint64)) != 0))
    {
      g_autoptr(GString) message = g_string_new (NULL);

      g_string_append_printf (message, "province %s document %" G_GINT64_FORMAT " from %s to %s outlet %s"
                              " tag %s unread %d sort %d limit %u: %u ids, expected %u;",
                              query->province, query->document_id, query->date_from, query->date_to,
                              query->outlet, query->tag, query->unread_only, query->sort, limit,
                              found->len, expected->len);
      for (guint i = 0; i < MAX (found->len, expected->len); i++)
        g_string_append_printf (message, " %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                                i < found->len ? g_array_index (found, gint64, i) : 0,
                                i < expected->len ? g_array_index (expected, gint64, i) : 0);
      g_error ("%s", message->str);
    }
}

/* The province and document filters list from the dates their places and
 * citations carry (schema 7): the same ids in the same order as the plain
 * query on the articles, whatever was corrected since.
 */
static void
test_filters_kept_dates (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const provinces[] = { "VN-30", "VN-45", "VN-22", "VN-01" };
  static const gint64 documents[] = { 1001, 1002, 1003, 1004, 1005 };
  static const char * const bounds[] = { NULL, "2022-03-01", "2022-03-31", "2023-08-31", "2023-12-31" };
  const guint n_articles = 60;
  sqlite3 *db = NULL;
  guint n_checked = 0;

  for (guint i = 0; i < n_articles; i++)
    {
      g_autoptr(VankhoArticle) article = vankho_article_new ();
      g_autofree char *body = g_strdup_printf ("Bài %u về Công an tỉnh", i + 1);
      const char *iso = random_date ();
      VankhoDate date = { 0 };

      vankho_article_set_title (article, body);
      vankho_article_set_body (article, body);
      if (iso != NULL && vankho_date_parse_iso (&date, iso))
        vankho_article_set_published (article, &date);
      vankho_article_set_outlet (article, i % 3 ? "BBK" : "ĐTO");
      g_assert_true (vankho_library_add_article (fixture->library, article, 0, NULL, NULL));
      if (g_test_rand_int_range (0, 4) == 0)
        vankho_library_add_tag (fixture->library, i + 1, "xem lại", NULL);
    }

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO documents (id, canonical_key, kind) VALUES"
                                     " (1001, 'nq:t-1', 'Nghị quyết'), (1002, 'nq:t-2', 'Nghị quyết'),"
                                     " (1003, 'nq:t-3', 'Nghị quyết'), (1004, 'nq:t-4', 'Nghị quyết'),"
                                     " (1005, 'nq:t-5', 'Nghị quyết')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  for (guint round = 0; round < 3; round++)
    {
      shuffle_filter_data (fixture->library, db, n_articles, round == 0);

      for (guint q = 0; q < 200; q++)
        {
          VankhoArticleQuery query = { 0 };
          guint limit = g_test_rand_bit () ? 0 : 5;
          g_autoptr(GArray) found = NULL;
          g_autoptr(GArray) expected = NULL;
          g_autoptr(GError) error = NULL;

          switch (q % 3)
            {
            case 0:
              query.province = (char *) random_pick (provinces, G_N_ELEMENTS (provinces));
              break;
            case 1:
              query.document_id = documents[g_test_rand_int_range (0, G_N_ELEMENTS (documents))];
              break;
            default:
              query.province = (char *) random_pick (provinces, G_N_ELEMENTS (provinces));
              query.document_id = documents[g_test_rand_int_range (0, G_N_ELEMENTS (documents))];
              break;
            }
          if (g_test_rand_int_range (0, 3) == 0)
            {
              query.date_from = (char *) random_pick (bounds, G_N_ELEMENTS (bounds));
              query.date_to = (char *) random_pick (bounds, G_N_ELEMENTS (bounds));
            }
          if (g_test_rand_int_range (0, 6) == 0)
            query.outlet = (char *) "ĐTO";
          if (g_test_rand_int_range (0, 6) == 0)
            query.tag = (char *) "xem lại";
          if (g_test_rand_int_range (0, 6) == 0)
            query.unread_only = TRUE;
          query.sort = g_test_rand_bit () ? VANKHO_ARTICLE_SORT_OLDEST : VANKHO_ARTICLE_SORT_AUTO;

          found = vankho_library_query_article_ids (fixture->library, &query, limit, NULL, NULL, &error);
          g_assert_no_error (error);
          expected = reference_ids (db, &query, limit);
          assert_same_ids (found, expected, &query, limit);
          n_checked += expected->len > 0;
        }
    }

  /* Not all empty: the data gave the filters something to find. */
  g_assert_cmpuint (n_checked, >, 300);
  sqlite3_close (db);
}

static void
test_backup_restore (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *backup_dir = g_build_filename (fixture->dir, "backups", NULL);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *bogus = g_build_filename (fixture->dir, "bogus.db", NULL);
  g_autofree char *made = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VankhoLibrary) restored = NULL;
  g_auto(GStrv) backups = NULL;
  const char *old_names[] = { "library-2020-01-01.db", "library-2020-01-02.db", "library-2020-01-03.db" };

  add (fixture->library, "Trước sao lưu", "Nội dung trước khi sao lưu");

  /* While the library is open and in use. */
  g_assert_true (vankho_library_backup (fixture->library, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pragma_int (copy, "SELECT count(*) FROM articles"), ==, 1);

  /* Never over the library or its live log, which holds commits. */
  {
    g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
    const char *targets[] = { fixture->path, wal };

    for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
      {
        g_assert_false (vankho_library_backup (fixture->library, targets[i], &error));
        g_assert_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_INVALID);
        g_clear_error (&error);
      }
    g_assert_cmpint (vankho_library_count_articles (fixture->library, NULL), ==, 1);
  }

  /* At most one a day; the last 3 kept. */
  g_mkdir_with_parents (backup_dir, 0700);
  for (guint i = 0; i < G_N_ELEMENTS (old_names); i++)
    {
      g_autofree char *old = g_build_filename (backup_dir, old_names[i], NULL);
      g_assert_true (g_file_set_contents (old, "old", -1, NULL));
    }
  g_assert_true (vankho_library_auto_backup (fixture->library, backup_dir, 3, &made, &error));
  g_assert_nonnull (made);
  g_clear_pointer (&made, g_free);
  g_assert_true (vankho_library_auto_backup (fixture->library, backup_dir, 3, &made, &error));
  g_assert_null (made);
  backups = vankho_library_list_backups (backup_dir);
  g_assert_cmpuint (g_strv_length (backups), ==, 3);
  g_assert_false (g_str_has_suffix (backups[2], "2020-01-01.db"));

  /* Restore: a file that is no library is refused and nothing moves. */
  add (fixture->library, "Sau sao lưu", "Nội dung sau khi sao lưu");
  g_clear_object (&fixture->library);
  g_assert_true (g_file_set_contents (bogus, "not a library", -1, NULL));
  g_assert_false (vankho_library_restore (fixture->path, bogus, NULL, &error));
  g_assert_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY);
  g_clear_error (&error);
  g_assert_cmpint (pragma_int (fixture->path, "SELECT count(*) FROM articles"), ==, 2);

  g_assert_true (vankho_library_restore (fixture->path, copy, &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_cmpint (pragma_int (kept, "SELECT count(*) FROM articles"), ==, 2);

  restored = vankho_library_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vankho_library_count_articles (restored, NULL), ==, 1);
  assert_search (restored, "truoc sao luu", "1");

  for (guint i = 0; backups[i]; i++)
    g_unlink (backups[i]);
  g_rmdir (backup_dir);
  g_unlink (kept);
  fixture->library = g_steal_pointer (&restored);
}

/* Automatic backups: one a day, the last 3 kept, nothing else in the folder
 * touched.
 */
static void
test_backup_rotation (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "backups", NULL);
  g_autofree char *made = NULL;
  g_autofree char *today = NULL;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) backups = NULL;
  gsize first_len, again_len;
  const char *old_days[] = { "library-2020-01-01.db", "library-2020-01-02.db",
                             "library-2020-01-03.db", "library-2020-01-04.db" };
  const char *others[] = { "library.db.v6.bak", "my-copy.db", "library-2020-01-05.db.partial", "notes.txt" };

  add (fixture->library, "Bài một", "Nội dung một");

  /* The first one, into a folder not there yet: fewer than 3 to keep. */
  g_assert_true (vankho_library_auto_backup (fixture->library, dir, 3, &made, &error));
  g_assert_no_error (error);
  g_assert_nonnull (made);
  backups = vankho_library_list_backups (dir);
  g_assert_cmpuint (g_strv_length (backups), ==, 1);
  g_assert_cmpstr (backups[0], ==, made);
  g_assert_cmpint (pragma_int (made, "SELECT count(*) FROM articles"), ==, 1);
  g_assert_true (g_file_get_contents (made, &first, &first_len, NULL));
  today = g_steal_pointer (&made);

  /* The same day again: none taken, today's left as it was. */
  add (fixture->library, "Bài hai", "Nội dung hai");
  g_assert_true (vankho_library_auto_backup (fixture->library, dir, 3, &made, &error));
  g_assert_no_error (error);
  g_assert_null (made);
  g_assert_true (g_file_get_contents (today, &again, &again_len, NULL));
  g_assert_cmpmem (first, first_len, again, again_len);

  /* Four earlier days, and files that are not automatic backups. */
  for (guint i = 0; i < G_N_ELEMENTS (old_days); i++)
    {
      g_autofree char *path = g_build_filename (dir, old_days[i], NULL);
      g_assert_true (vankho_library_backup (fixture->library, path, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *path = g_build_filename (dir, others[i], NULL);
      g_assert_true (g_file_set_contents (path, "x", -1, NULL));
    }

  g_assert_true (vankho_library_auto_backup (fixture->library, dir, 3, &made, &error));
  g_assert_no_error (error);
  g_assert_null (made);
  g_clear_pointer (&backups, g_strfreev);
  backups = vankho_library_list_backups (dir);
  g_assert_cmpuint (g_strv_length (backups), ==, 3);
  g_assert_cmpstr (backups[0], ==, today);
  g_assert_true (g_str_has_suffix (backups[1], "library-2020-01-04.db"));
  g_assert_true (g_str_has_suffix (backups[2], "library-2020-01-03.db"));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *path = g_build_filename (dir, others[i], NULL);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  /* Keeping 0 keeps today's all the same. */
  g_assert_true (vankho_library_auto_backup (fixture->library, dir, 0, NULL, &error));
  g_clear_pointer (&backups, g_strfreev);
  backups = vankho_library_list_backups (dir);
  g_assert_cmpuint (g_strv_length (backups), ==, 1);
  g_assert_cmpstr (backups[0], ==, today);

  remove_tree (dir);
}

/* A library damaged past its schema opens (see /library/refuse/damaged);
 * its automatic backup must then fail and leave the good ones.
 */
static void
test_backup_damaged (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "backups", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) backups = NULL;
  g_autofree char *made = NULL;
  g_autofree char *before = NULL;
  const char *old_days[] = { "library-2020-01-01.db", "library-2020-01-02.db", "library-2020-01-03.db" };
  gsize before_len;
  gint64 root;

  fill_library (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (old_days); i++)
    {
      g_autofree char *path = g_build_filename (dir, old_days[i], NULL);
      g_assert_true (vankho_library_backup (fixture->library, path, &error));
      g_assert_no_error (error);
    }
  g_clear_object (&fixture->library);

  root = pragma_int (fixture->path, "SELECT rootpage FROM sqlite_schema WHERE name = 'articles'");
  damage (fixture->path, (root - 1) * 4096, 4096);
  fixture->library = vankho_library_open (fixture->path, &error);
  if (fixture->library == NULL)
    {
      /* Refused at once: the app shows its error page and backs up nothing. */
      g_assert_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY);
      remove_tree (dir);
      return;
    }

  backups = vankho_library_list_backups (dir);
  g_assert_true (g_file_get_contents (backups[0], &before, &before_len, NULL));
  g_clear_pointer (&backups, g_strfreev);

  g_assert_false (vankho_library_auto_backup (fixture->library, dir, 3, &made, &error));
  g_assert_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY);
  g_test_message ("%s", error->message);
  g_assert_null (made);

  backups = vankho_library_list_backups (dir);
  g_assert_cmpuint (g_strv_length (backups), ==, 3);
  g_assert_true (g_str_has_suffix (backups[0], "library-2020-01-03.db"));
  g_assert_true (g_str_has_suffix (backups[2], "library-2020-01-01.db"));
  {
    g_autofree char *after = NULL;
    gsize after_len;

    g_assert_true (g_file_get_contents (backups[0], &after, &after_len, NULL));
    g_assert_cmpmem (before, before_len, after, after_len);
    g_assert_cmpint (pragma_int (backups[0], "SELECT count(*) FROM articles"), ==, 200);
  }

  remove_tree (dir);
}

/* The library a restore replaces is kept whole, with the commits that were
 * still in its write-ahead log after a crash.
 */
static void
test_restore_keeps_log (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *kept_wal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VankhoLibrary) restored = NULL;
  const char *insert = "INSERT INTO sources (kind, title) VALUES ('import', 'chỉ trong nhật ký')";
  const char *count = "SELECT count(*) FROM sources WHERE title = 'chỉ trong nhật ký'";
  sqlite3 *db = NULL;
  GStatBuf st;

  add (fixture->library, "Trước sao lưu", "Nội dung trước khi sao lưu");
  g_assert_true (vankho_library_backup (fixture->library, copy, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->library);

  /* A writer that died after its commit: the commit is in the log only. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, insert, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 0);

  g_assert_true (vankho_library_restore (fixture->path, copy, &kept, &error));
  g_assert_no_error (error);
  kept_wal = g_strconcat (kept, "-wal", NULL);
  g_assert_true (g_file_test (kept_wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* Read through a connection that may replay the log. */
  g_assert_cmpint (sqlite3_open (kept, &db), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, count, -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);

  /* The log did not stay behind to be replayed into the restored copy. */
  restored = vankho_library_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vankho_library_count_articles (restored, NULL), ==, 1);
  g_clear_object (&restored);
  g_assert_cmpint (pragma_int (fixture->path, count), ==, 0);
}

/* Backups that cannot be restored: nothing moves, nothing is written. */
static void
test_restore_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *good = g_build_filename (fixture->dir, "good.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *library_before = NULL;
  g_autoptr(GError) error = NULL;
  gsize len, library_len;
  gint64 root;
  struct { const char *name; int code; } cases[] = {
    { "newer.db", VANKHO_LIBRARY_ERROR_TOO_NEW },
    { "truncated.db", VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY },
    { "damaged.db", VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY },
    { "text.db", VANKHO_LIBRARY_ERROR_NOT_A_LIBRARY },
  };

  fill_library (fixture);
  g_assert_true (vankho_library_backup (fixture->library, good, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->library);
  g_assert_true (g_file_get_contents (good, &contents, &len, NULL));
  g_assert_true (g_file_get_contents (fixture->path, &library_before, &library_len, NULL));
  root = pragma_int (good, "SELECT rootpage FROM sqlite_schema WHERE name = 'articles'");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, cases[i].name, NULL);
      g_autofree char *backup_before = NULL;
      g_autofree char *backup_after = NULL;
      g_autofree char *library_after = NULL;
      g_autofree char *kept = NULL;
      gsize backup_before_len, backup_after_len, library_after_len;

      if (i == 3)
        g_assert_true (g_file_set_contents (path, "Đây không phải thư viện\n", -1, NULL));
      else
        g_assert_true (g_file_set_contents (path, contents, i == 1 ? len / 2 + 100 : len, NULL));
      if (i == 0)
        {
          /* user_version, big-endian, at byte 60 of the header */
          const char version[4] = { 0, 0, 0, 99 };
          g_autofree char *newer = NULL;

          g_assert_true (g_file_get_contents (path, &newer, NULL, NULL));
          memcpy (newer + 60, version, 4);
          g_assert_true (g_file_set_contents (path, newer, len, NULL));
        }
      if (i == 2)
        damage (path, (root - 1) * 4096, 4096);
      g_assert_true (g_file_get_contents (path, &backup_before, &backup_before_len, NULL));

      g_assert_false (vankho_library_restore (fixture->path, path, &kept, &error));
      g_assert_error (error, VANKHO_LIBRARY_ERROR, cases[i].code);
      g_test_message ("%s: %s", cases[i].name, error->message);
      g_clear_error (&error);
      g_assert_null (kept);

      g_assert_true (g_file_get_contents (fixture->path, &library_after, &library_after_len, NULL));
      g_assert_cmpmem (library_before, library_len, library_after, library_after_len);
      g_assert_true (g_file_get_contents (path, &backup_after, &backup_after_len, NULL));
      g_assert_cmpmem (backup_before, backup_before_len, backup_after, backup_after_len);
    }

  /* Nothing was moved aside. */
  {
    g_autoptr(GDir) handle = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (handle)) != NULL)
      g_assert_null (strstr (name, "before-restore"));
  }
}

/* The log is copied into the database by a checkpoint on another thread,
 * while the library stays open and nothing else writes (SQLite's default,
 * in the committing thread, is replaced: see wal_written_cb()). */
static void
test_checkpoint_in_background (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GString) filler = g_string_new (NULL);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  GStatBuf before, after, log;
  gint64 deadline;

  g_assert_cmpint (g_stat (fixture->path, &before), ==, 0);

  for (guint i = 0; i < 800; i++)
    g_string_append_printf (filler, "Công an tỉnh triển khai nghị quyết, đợt %u. ", i);

  /* 6 MB in batches of 1 MB: more than the 1 000 pages of the log
   * (4 MB) that start a checkpoint. */
  for (guint batch = 0; batch < 6; batch++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (vankho_library_begin (fixture->library, &error));
      for (guint i = 0; i < 30; i++)
        {
          g_autofree char *title = g_strdup_printf ("Bài %u.%u", batch, i);
          g_autofree char *body = g_strdup_printf ("%s %s", title, filler->str);

          add (fixture->library, title, body);
        }
      g_assert_true (vankho_library_commit (fixture->library, &error));
      g_assert_no_error (error);
    }

  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  do
    {
      g_usleep (20 * 1000);
      g_assert_cmpint (g_stat (fixture->path, &after), ==, 0);
    }
  while (after.st_size < before.st_size + 4 * 1024 * 1024 && g_get_monotonic_time () < deadline);

  g_assert_cmpint (after.st_size, >=, before.st_size + 4 * 1024 * 1024);
  g_assert_cmpint (g_stat (wal, &log), ==, 0);
  assert_search (fixture->library, "\"Bai 5.29\"", "180");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/library/create", test_create);
  ADD ("/library/reopen", test_reopen);
  ADD ("/library/dedupe", test_dedupe);
  ADD ("/library/search/folding", test_search_folding);
  ADD ("/library/search/syntax", test_search_syntax);
  ADD ("/library/search/symbols", test_search_symbols);
  ADD ("/library/search/snippet", test_snippet);
  ADD ("/library/search/snippet-prefix", test_snippet_prefix);
  ADD ("/library/search/ranking", test_ranking);
  ADD ("/library/search/ranking-rare-words", test_ranking_rare_words);
  ADD ("/library/search/ranking-score", test_ranking_score);
  ADD ("/library/search/sort-many", test_search_sort_many);
  ADD ("/library/search/split", test_search_split);
  g_test_add ("/library/search/index-read/small-leaves", Fixture, GUINT_TO_POINTER (64),
              fixture_setup, test_search_index_read, fixture_teardown);
  g_test_add ("/library/search/index-read/default-leaves", Fixture, GUINT_TO_POINTER (4050),
              fixture_setup, test_search_index_read, fixture_teardown);
  ADD ("/library/search/index-declines", test_search_index_declines);
  ADD ("/library/search/index-closes", test_search_index_closes);
  ADD ("/library/search/index-first-fails", test_search_index_first_fails);
  ADD ("/library/list/newest-first", test_newest_first);
  ADD ("/library/list/model", test_list_model);
  ADD ("/library/refuse/not-sqlite", test_refuse_not_sqlite);
  ADD ("/library/refuse/truncated", test_refuse_truncated);
  ADD ("/library/refuse/damaged", test_refuse_damaged);
  ADD ("/library/check", test_check);
  ADD ("/library/checkpoint-in-background", test_checkpoint_in_background);
  ADD ("/library/refuse/newer", test_refuse_newer);
  ADD ("/library/refuse/foreign", test_refuse_foreign);
  ADD ("/library/refuse/locked", test_refuse_locked);
  ADD ("/library/migrate/keeps-copy", test_migrate_keeps_copy);
  ADD ("/library/user-state", test_user_state);
  ADD ("/library/filters", test_filters);
  ADD ("/library/filters/kept-dates", test_filters_kept_dates);
  ADD ("/library/backup-restore", test_backup_restore);
  ADD ("/library/backup/rotation", test_backup_rotation);
  ADD ("/library/backup/damaged", test_backup_damaged);
  ADD ("/library/restore/keeps-log", test_restore_keeps_log);
  ADD ("/library/restore/refused", test_restore_refused);
#undef ADD

  return g_test_run ();
}
