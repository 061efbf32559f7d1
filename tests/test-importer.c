/* test-importer.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#ifdef __linux__
#include <sys/resource.h>
#endif

#include "vankho-importer.h"
#include "vankho-library-private.h"
#include "vankho-library.h"

typedef struct
{
  char          *dir;
  char          *files;
  VankhoLibrary *library;
} Fixture;

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_chmod (path, 0700);
      while (dir && (name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;

  fixture->dir = g_dir_make_tmp ("vankho-import-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->files = g_build_filename (fixture->dir, "files", NULL);
  g_mkdir (fixture->files, 0700);
  db = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->library = vankho_library_open (db, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->library);
  remove_tree (fixture->dir);
  g_free (fixture->files);
  g_free (fixture->dir);
}

static char *
put (Fixture    *fixture,
     const char *name,
     const char *contents,
     gssize      len)
{
  char *path = g_build_filename (fixture->files, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  return path;
}

static VankhoArticle *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  VankhoArticle *article = vankho_importer_parse_text (text, strlen (text), &error);

  g_assert_no_error (error);
  return article;
}

static void
test_parse_header_and_headline (void)
{
  g_autoptr(VankhoArticle) a = parse (" date 2023-03 BBK - Sáng 20/3, tại Hà Nội, hội nghị diễn ra.\n\n"
                                      "Đoạn hai.\n\nMinh Trung");
  g_autoptr(VankhoArticle) b = parse ("TIN TỨC SỰ KIỆN\nThống nhất ban hành Chỉ thị về Công an xã\n"
                                      "(Congan.nghean.gov.vn)-Sáng 27/02/2023, Ban Thường vụ họp.");
  g_autoptr(VankhoArticle) c = parse ("Tiếp tục đẩy mạnh xây dựng lực lượng Công an xã\n\n"
                                      "Cập nhật ngày: 27/09/2024 11:41:48\n\nNội dung.");
  const VankhoDate *date = vankho_article_get_published (a);

  g_assert_cmpint (date->precision, ==, VANKHO_DATE_PRECISION_MONTH);
  g_assert_cmpint (date->year, ==, 2023);
  g_assert_cmpint (date->month, ==, 3);
  /* No headline line: the first sentence, shortened. */
  g_assert_cmpstr (vankho_article_get_title (a), ==, "Sáng 20/3, tại Hà Nội, hội nghị diễn ra");
  g_assert_true (g_str_has_prefix (vankho_article_get_body (a), "BBK - Sáng 20/3"));
  g_assert_cmpstr (vankho_article_get_outlet (a), ==, "BBK");
  g_assert_cmpstr (vankho_article_get_byline (a), ==, "Minh Trung");

  /* The section label above the headline is page furniture. */
  g_assert_cmpstr (vankho_article_get_title (b), ==, "Thống nhất ban hành Chỉ thị về Công an xã");
  g_assert_true (g_str_has_prefix (vankho_article_get_body (b), "(Congan.nghean.gov.vn)-Sáng"));
  g_assert_cmpstr (vankho_article_get_outlet (b), ==, "Congan.nghean.gov.vn");
  g_assert_cmpint (vankho_article_get_published (b)->precision, ==, VANKHO_DATE_PRECISION_UNKNOWN);

  g_assert_cmpstr (vankho_article_get_title (c), ==, "Tiếp tục đẩy mạnh xây dựng lực lượng Công an xã");
  g_assert_true (g_str_has_prefix (vankho_article_get_body (c), "Cập nhật ngày"));
}

/* A site clock or an update time above the headline is not the headline;
 * it stays at the head of the body, for the date extractor. */
static void
test_parse_date_above_headline (void)
{
  g_autoptr(VankhoArticle) a = parse ("Thứ Năm, 02/10/2025 - 14:30\n"
                                      "Đồng Nai: Ra mắt mô hình Tổ an toàn tại phường Trấn Biên\n"
                                      "BBK - Sáng 2/10, Công an phường ra mắt mô hình.");
  g_autoptr(VankhoArticle) b = parse ("Cập nhật ngày: 17/06/2024 16:05:12\n\n"
                                      "Công an tỉnh Cao Bằng quán triệt các nghị quyết chuyên đề\n\n"
                                      "Sáng 17/6, Đảng uỷ Công an tỉnh tổ chức hội nghị.");
  /* No headline: the title is the first sentence after the clock. */
  g_autoptr(VankhoArticle) d = parse ("Thứ Năm, 02/10/2025 - 14:30\n\n"
                                      "Sáng 2/10, Công an phường ra mắt mô hình. Câu sau.");
  /* A headline with a date in it is still the headline. */
  g_autoptr(VankhoArticle) c = parse ("Sơ kết Nghị quyết 12 ngày 16/3/2022 của Bộ Chính trị tại tỉnh Điện Biên\n"
                                      "Nội dung.");

  g_assert_cmpstr (vankho_article_get_title (a), ==, "Đồng Nai: Ra mắt mô hình Tổ an toàn tại phường Trấn Biên");
  g_assert_cmpstr (vankho_article_get_body (a), ==,
                   "Thứ Năm, 02/10/2025 - 14:30\n\nBBK - Sáng 2/10, Công an phường ra mắt mô hình.");
  g_assert_cmpstr (vankho_article_get_outlet (a), ==, "BBK");
  g_assert_cmpstr (vankho_article_get_title (b), ==, "Công an tỉnh Cao Bằng quán triệt các nghị quyết chuyên đề");
  g_assert_true (g_str_has_prefix (vankho_article_get_body (b), "Cập nhật ngày: 17/06/2024 16:05:12\n\nSáng 17/6"));
  g_assert_cmpstr (vankho_article_get_title (c), ==,
                   "Sơ kết Nghị quyết 12 ngày 16/3/2022 của Bộ Chính trị tại tỉnh Điện Biên");
  g_assert_cmpstr (vankho_article_get_title (d), ==, "Sáng 2/10, Công an phường ra mắt mô hình");
  g_assert_cmpstr (vankho_article_get_body (d), ==,
                   "Thứ Năm, 02/10/2025 - 14:30\n\nSáng 2/10, Công an phường ra mắt mô hình. Câu sau.");
}

static void
test_parse_bylines (void)
{
  static const struct { const char *last_line; const char *byline; const char *outlet; } cases[] = {
    { "Hữu Nghĩa – Kim Ngân", "Hữu Nghĩa – Kim Ngân" },
    { "Thanh Hương (Công an tỉnh Điện Biên)", "Thanh Hương (Công an tỉnh Điện Biên)" },
    { "Đại úy Lê Văn Hùng (Công an huyện Kỳ Anh)", "Đại úy Lê Văn Hùng (Công an huyện Kỳ Anh)" },
    { "Bài, ảnh: Minh Anh", "Minh Anh" },
    { "Bài và ảnh: Hoàng Anh", "Hoàng Anh" },
    /* Sentences are not bylines. */
    { "Hội nghị kết thúc trong không khí phấn khởi (ảnh)", NULL },
    { "Bài:", NULL },
    /* An outlet named at the end, the byline above it. */
    { "Đại úy Lê Văn Hùng (Công an huyện Kỳ Anh)\nBáo Hà Tĩnh", "Đại úy Lê Văn Hùng (Công an huyện Kỳ Anh)", "Báo Hà Tĩnh" },
    { "Minh Thư\n\n(Theo TTXVN)", "Minh Thư", "TTXVN" },
    { "Nguồn: Công an tỉnh Quảng Ninh", NULL, "Công an tỉnh Quảng Ninh" },
    { "Theo báo cáo, tình hình ổn định", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("Công an tỉnh sơ kết công tác năm\n\nSáng 5/3, hội nghị diễn ra.\n\n%s",
                                               cases[i].last_line);
      g_autoptr(VankhoArticle) article = parse (text);

      g_assert_cmpstr (vankho_article_get_byline (article), ==, cases[i].byline);
      g_assert_cmpstr (vankho_article_get_outlet (article), ==, cases[i].outlet);
    }
}

static void
test_parse_long_first_sentence (void)
{
  g_autoptr(GString) text = g_string_new ("Sáng nay (31.8), Đảng uỷ Công an tỉnh Gia Lai tổ chức Hội nghị");

  for (guint i = 0; i < 40; i++)
    g_string_append (text, " sơ kết thực hiện");
  g_string_append (text, ". Câu sau.");

  {
    g_autoptr(VankhoArticle) article = parse (text->str);
    const char *title = vankho_article_get_title (article);

    g_assert_true (g_str_has_prefix (title, "Sáng nay (31.8), Đảng uỷ Công an tỉnh Gia Lai"));
    g_assert_true (g_str_has_suffix (title, "…"));
    g_assert_cmpint (g_utf8_strlen (title, -1), <=, 161);
  }
}

static void
test_parse_abbreviation (void)
{
  g_autoptr(VankhoArticle) article = parse ("Ngày 5/6, tại TP. Hồ Chí Minh, hội nghị khai mạc. Câu hai dài hơn.");

  g_assert_cmpstr (vankho_article_get_title (article), ==, "Ngày 5/6, tại TP. Hồ Chí Minh, hội nghị khai mạc");
}

static void
test_parse_encodings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VankhoArticle) bom = parse ("\xEF\xBB\xBF" "Đảng uỷ họp bàn về công tác năm mới\n\nNội dung.");
  g_autoptr(VankhoArticle) nfd = parse ("Đa\xcc\x89ng u\xcc\x89y ho\xcc\xa3p ba\xcc\x80n vi\xc3\xaa\xcc\xa3" "c\n\nNội dung.");
  /* 'Đảng' in UTF-16LE with its byte order mark */
  const char utf16[] = "\xFF\xFE\x10\x01\xA3\x1E\x6E\x00\x67\x00";
  g_autoptr(VankhoArticle) wide = vankho_importer_parse_text (utf16, sizeof utf16 - 1, &error);
  g_autoptr(VankhoArticle) latin = NULL;

  g_assert_cmpstr (vankho_article_get_title (bom), ==, "Đảng uỷ họp bàn về công tác năm mới");
  g_assert_true (g_utf8_validate (vankho_article_get_title (nfd), -1, NULL));
  g_assert_cmpstr (vankho_article_get_title (nfd), ==, "Đảng ủy họp bàn việc");
  g_assert_no_error (error);
  g_assert_cmpstr (vankho_article_get_body (wide), ==, "Đảng");

  latin = vankho_importer_parse_text ("Caf\xe9 \xe0 Hu\xea", 10, &error);
  g_assert_null (latin);
  g_assert_error (error, VANKHO_IMPORT_ERROR, VANKHO_IMPORT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "offset 3"));
}

static void
test_parse_nbsp_and_spaces (void)
{
  g_autoptr(VankhoArticle) article = parse ("Tiêu\xc2\xa0đề  bài   viết ở đây\n\n\n\n Đoạn\xc2\xa0một. \r\n\r\nĐoạn hai.");

  g_assert_cmpstr (vankho_article_get_title (article), ==, "Tiêu đề bài viết ở đây");
  g_assert_cmpstr (vankho_article_get_body (article), ==, "Đoạn một.\n\nĐoạn hai.");
}

static guint
count_failures_matching (VankhoImporter *importer,
                         const char     *name,
                         const char     *reason_part)
{
  GPtrArray *failures = vankho_importer_get_failures (importer);
  guint n = 0;

  for (guint i = 0; i < failures->len; i++)
    {
      VankhoImportFailure *failure = g_ptr_array_index (failures, i);

      g_test_message ("%s: %s", failure->path, failure->reason);
      if (g_str_has_suffix (failure->path, name) && strstr (failure->reason, reason_part))
        n++;
    }

  return n;
}

/* The writing connection's page cache, in kB. */
static gint64
writer_cache_kb (VankhoLibrary *library)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (library->db, "PRAGMA cache_size", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return -sqlite3_column_int64 (stmt, 0);
}

static void
test_import_mixed_folder (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(VankhoImporter) importer = vankho_importer_new (fixture->library);
  g_autoptr(VankhoImporter) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_build_filename (fixture->files, "big.txt", NULL);
  g_autofree char *dangling = g_build_filename (fixture->files, "gone.txt", NULL);
  g_autofree char *nested = g_build_filename (fixture->files, "sub", NULL);
  const char *paths[] = { fixture->files, NULL };
  FILE *file;

  g_free (put (fixture, "a.txt", " date 2023-08 Sáng nay (31.8), Đảng uỷ Công an tỉnh Gia Lai họp.", -1));
  g_free (put (fixture, "b.txt", "Tiêu đề bài hai về Công an xã\n\nNội dung bài hai.", -1));
  g_free (put (fixture, "empty.txt", "", 0));
  g_free (put (fixture, "blank.txt", " \n\n\t \xc2\xa0\n", -1));
  g_free (put (fixture, "image.png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  g_free (put (fixture, "latin1.txt", "Caf\xe9 \xe0 Hu\xea", -1));
  g_free (put (fixture, ".hidden.txt", "Không được nhập tệp ẩn này.", -1));
  g_mkdir (nested, 0700);
  g_free (put (fixture, "sub/c.txt", "Tiêu đề bài ba trong thư mục con\n\nNội dung bài ba.", -1));

  /* Over 20 MB, without writing 20 MB. */
  file = g_fopen (big, "w");
  g_assert_nonnull (file);
  g_assert_cmpint (ftruncate (fileno (file), VANKHO_IMPORT_MAX_FILE_SIZE + 1), ==, 0);
  fclose (file);

  g_assert_cmpint (symlink ("/nonexistent/vankho-test", dangling), ==, 0);

  g_assert_true (vankho_importer_import_paths (importer, paths, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (vankho_importer_get_n_added (importer), ==, 3);
  g_assert_cmpuint (vankho_importer_get_n_duplicates (importer), ==, 0);
  g_assert_cmpuint (count_failures_matching (importer, "empty.txt", "no text"), ==, 1);
  g_assert_cmpuint (count_failures_matching (importer, "blank.txt", "no text"), ==, 1);
  g_assert_cmpuint (count_failures_matching (importer, "image.png", "binary"), ==, 1);
  g_assert_cmpuint (count_failures_matching (importer, "latin1.txt", "UTF-8"), ==, 1);
  g_assert_cmpuint (count_failures_matching (importer, "big.txt", "20 MB"), ==, 1);
  g_assert_cmpuint (count_failures_matching (importer, "gone.txt", ""), ==, 1);
  g_assert_cmpuint (vankho_importer_get_failures (importer)->len, ==, 6);
  g_assert_cmpint (vankho_library_count_articles (fixture->library, NULL), ==, 3);
  /* The import's larger cache is given back: the list binds its rows on
   * the same connection and would fill it. */
  g_assert_cmpint (writer_cache_kb (fixture->library), ==, 16384);

  /* Twice: nothing new, and it says so. */
  again = vankho_importer_new (fixture->library);
  g_assert_true (vankho_importer_import_paths (again, paths, NULL, NULL, NULL, &error));
  g_assert_cmpuint (vankho_importer_get_n_added (again), ==, 0);
  g_assert_cmpuint (vankho_importer_get_n_duplicates (again), ==, 3);
  g_assert_cmpint (vankho_library_count_articles (fixture->library, NULL), ==, 3);
}

static void
test_import_unreadable (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(VankhoImporter) importer = vankho_importer_new (fixture->library);
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = put (fixture, "secret.txt", "Tiêu đề của bài bí mật\n\nNội dung.", -1);
  g_autofree char *good = put (fixture, "good.txt", "Tiêu đề của bài đọc được\n\nNội dung khác.", -1);
  const char *paths[] = { secret, good, NULL };

  if (geteuid () == 0)
    {
      g_test_skip ("root reads every file; the dangling link in /import/mixed-folder covers this");
      return;
    }

  g_chmod (secret, 0000);
  g_assert_true (vankho_importer_import_paths (importer, paths, NULL, NULL, NULL, &error));
  g_assert_cmpuint (vankho_importer_get_n_added (importer), ==, 1);
  g_assert_cmpuint (count_failures_matching (importer, "secret.txt", ""), ==, 1);
}

static void
test_import_keeps_existing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(VankhoImporter) first = vankho_importer_new (fixture->library);
  g_autoptr(VankhoImporter) second = vankho_importer_new (fixture->library);
  g_autoptr(VankhoArticle) before = NULL;
  g_autoptr(VankhoArticle) after = NULL;
  g_autofree char *one = put (fixture, "one.txt", "Bài thứ nhất về Công an tỉnh\n\nNội dung một.", -1);
  g_autofree char *bad = put (fixture, "bad.txt", "\xff\xfe\xfd garbage \x80", -1);
  const char *first_paths[] = { one, NULL };
  const char *second_paths[] = { bad, one, NULL };

  g_assert_true (vankho_importer_import_paths (first, first_paths, NULL, NULL, NULL, NULL));
  before = vankho_library_get_article (fixture->library, 1, NULL);

  g_assert_true (vankho_importer_import_paths (second, second_paths, NULL, NULL, NULL, NULL));
  after = vankho_library_get_article (fixture->library, 1, NULL);

  g_assert_cmpstr (vankho_article_get_title (before), ==, vankho_article_get_title (after));
  g_assert_cmpstr (vankho_article_get_body (before), ==, vankho_article_get_body (after));
  g_assert_cmpint (vankho_library_count_articles (fixture->library, NULL), ==, 1);
}

#ifdef __linux__
typedef struct
{
  int      writer_nice;
  int      highest_nice;   /* of any thread, seen during the import */
  gboolean writer_kept;
} Priorities;

static void
record_priorities (guint       done,
                   guint       total,
                   const char *path,
                   gpointer    user_data)
{
  Priorities *priorities = user_data;
  g_autoptr(GDir) tasks = g_dir_open ("/proc/self/task", 0, NULL);
  const char *name;

  /* Progress is reported on the thread that writes. */
  if (getpriority (PRIO_PROCESS, 0) != priorities->writer_nice)
    priorities->writer_kept = FALSE;

  while (tasks && (name = g_dir_read_name (tasks)))
    priorities->highest_nice = MAX (priorities->highest_nice,
                                    getpriority (PRIO_PROCESS, (id_t) g_ascii_strtoull (name, NULL, 10)));
}
#endif

/* The thread that writes is the import's bottleneck; the threads that read
 * and parse give way to it, and it keeps its own priority. */
static void
test_import_workers_give_way (Fixture       *fixture,
                              gconstpointer  data)
{
#ifdef __linux__
  g_autoptr(VankhoImporter) importer = vankho_importer_new (fixture->library);
  g_autoptr(GError) error = NULL;
  Priorities priorities = { getpriority (PRIO_PROCESS, 0), getpriority (PRIO_PROCESS, 0), TRUE };
  const char *paths[] = { fixture->files, NULL };

  if (priorities.writer_nice > 9)
    {
      g_test_skip ("already running at the lowest priorities");
      return;
    }

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("%02u.txt", i);
      g_autofree char *text = g_strdup_printf ("Bài số %u về Công an xã\n\nNội dung bài số %u.", i, i);

      g_free (put (fixture, name, text, -1));
    }

  g_assert_true (vankho_importer_import_paths (importer, paths, NULL, record_priorities,
                                              &priorities, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vankho_importer_get_n_added (importer), ==, 40);
  g_assert_true (priorities.writer_kept);
  g_assert_cmpint (getpriority (PRIO_PROCESS, 0), ==, priorities.writer_nice);
  g_assert_cmpint (priorities.highest_nice, ==, priorities.writer_nice + 10);
#else
  g_test_skip ("thread priorities are only set on Linux");
#endif
}

static void
test_import_samples (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(VankhoImporter) importer = vankho_importer_new (fixture->library);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  g_assert_true (vankho_importer_import_samples (importer, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vankho_importer_get_n_added (importer), >=, 8);
  g_assert_cmpuint (vankho_importer_get_n_added (importer), <=, 12);

  ids = vankho_library_query_article_ids (fixture->library, NULL, 0, NULL, NULL, NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(VankhoArticle) article = vankho_library_get_article (fixture->library,
                                                                     g_array_index (ids, gint64, i), NULL);
      g_assert_true (vankho_article_get_is_sample (article));
      g_assert_cmpint (vankho_article_get_published (article)->precision, >=, VANKHO_DATE_PRECISION_MONTH);
      g_assert_cmpuint (strlen (vankho_article_get_title (article)), >, 10);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/parse/header-and-headline", test_parse_header_and_headline);
  g_test_add_func ("/import/parse/date-above-headline", test_parse_date_above_headline);
  g_test_add_func ("/import/parse/bylines", test_parse_bylines);
  g_test_add_func ("/import/parse/long-first-sentence", test_parse_long_first_sentence);
  g_test_add_func ("/import/parse/abbreviation", test_parse_abbreviation);
  g_test_add_func ("/import/parse/encodings", test_parse_encodings);
  g_test_add_func ("/import/parse/spaces", test_parse_nbsp_and_spaces);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/import/mixed-folder", test_import_mixed_folder);
  ADD ("/import/unreadable", test_import_unreadable);
  ADD ("/import/keeps-existing", test_import_keeps_existing);
  ADD ("/import/workers-give-way", test_import_workers_give_way);
  ADD ("/import/samples", test_import_samples);
#undef ADD

  return g_test_run ();
}
