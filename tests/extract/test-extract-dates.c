/* test-extract-dates.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "extract-test-util.h"

typedef struct
{
  const char *body;
  const char *header;     /* ' date YYYY-MM' */
  const char *feed;
  const char *published;  /* "-" for none */
} DateCase;

static void
check_cases (const DateCase *cases,
             gsize           n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(VankhoExtraction) result = extract_test_run (cases[i].body, cases[i].header,
                                                             cases[i].feed, NULL, NULL, NULL);
      g_autofree char *published = extract_test_published (result);

      if (g_strcmp0 (published, cases[i].published) != 0)
        g_test_message ("case %" G_GSIZE_FORMAT ": «%s»", i, cases[i].body);
      g_assert_cmpstr (published, ==, cases[i].published);
    }
}

static void
test_datelines (void)
{
  static const DateCase cases[] = {
    { "Sáng 27/02/2023, Ban Thường vụ Tỉnh ủy họp.", NULL, NULL, "2023-02-27" },
    { "Chiều 5-6-2021, tại trụ sở Công an tỉnh đã diễn ra hội nghị.", NULL, NULL, "2021-06-05" },
    { "Tối 9.10.2019, lực lượng chức năng đã kiểm tra.", NULL, NULL, "2019-10-09" },
    { "Ngày 20/3/2024, tại Hà Nội, Bộ Công an tổ chức hội nghị.", NULL, NULL, "2024-03-20" },
    { "Sáng ngày 3 tháng 4 năm 2018, Đảng ủy Công an tỉnh họp.", NULL, NULL, "2018-04-03" },
    { "Trưa 1/1/2020, Công an huyện tổ chức ra quân.", NULL, NULL, "2020-01-01" },
    { "Đêm 31/12/2022, lực lượng Công an đã tuần tra.", NULL, NULL, "2022-12-31" },
    { "BBK - Sáng 20/3, tại Hà Nội, Bộ trưởng chủ trì.", "2023-03", NULL, "2023-03-20" },
    { "(ANTV) - Chiều 14/11/2022, Bộ Công an tổ chức hội nghị.", NULL, NULL, "2022-11-14" },
    { "(Congan.nghean.gov.vn)-Sáng 27/02/2023, Ban Thường vụ Tỉnh ủy Nghệ An họp.", NULL, NULL, "2023-02-27" },
    { "HÀ NỘI - Sáng 2/9/2025, lễ diễu binh diễn ra.", NULL, NULL, "2025-09-02" },
    { "Sáng nay (31.8), Đảng uỷ Công an tỉnh tổ chức hội nghị.", "2023-08", NULL, "2023-08-31" },
    { "Chiều nay (5/6), Công an tỉnh sơ kết.", NULL, "2021-06-05", "2021-06-05" },
    { "Sáng Thứ Hai, 27/02/2023, Tỉnh ủy họp.", NULL, NULL, "2023-02-27" },
    /* A place, a time or an outlet's name before the date. */
    { "Đà Nẵng, ngày 5/6/2024 - Công an thành phố tổ chức hội nghị.", NULL, NULL, "2024-06-05" },
    { "8h30 ngày 5/3, Công an tỉnh họp.", "2025-03", NULL, "2025-03-05" },
    { "Hôm nay 14.3, Công an tỉnh họp.", "2025-03", NULL, "2025-03-14" },
    { "CAND.com.vn - Sáng thứ Hai (3/3), Công an tỉnh họp.", "2025-03", NULL, "2025-03-03" },
    { "Vietnamplus - Chiều 12/4/2024, Công an tỉnh họp.", NULL, NULL, "2024-04-12" },
    /* …but not a range. */
    { "Từ ngày 5/6 - 10/6, Công an tỉnh ra quân.", "2024-06", NULL, "2024-06" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_page_furniture (void)
{
  static const DateCase cases[] = {
    /* 'Cập nhật ngày' gives the year that the dateline leaves out. */
    { "Tiêu đề\n\nCập nhật ngày: 27/09/2024 11:41:48\n\nĐTO - Sáng ngày 27/9, Công an tỉnh họp.", NULL, NULL, "2024-09-27" },
    /* Updated early in January about the last days of December. */
    { "Cập nhật ngày: 02/01/2024 08:00:00\n\nSáng 30/12, Công an tỉnh tổng kết năm.", NULL, NULL, "2023-12-30" },
    { "14/11/2022 - 17:08\n\nBộ Công an vừa tổ chức hội nghị giao ban.", NULL, NULL, "2022-11-14" },
    { "Thứ Hai, 27/02/2023 14:30 (GMT+7)\n\nBan Thường vụ Tỉnh ủy họp phiên thường kỳ.", NULL, NULL, "2023-02-27" },
    /* The site clock is the day the page was saved, not the article's. */
    { "Thứ Bảy, 19/07/2025\n\nTin tức\n\nSáng 14/3/2023, Công an tỉnh sơ kết.", NULL, NULL, "2023-03-14" },
    { "Thứ Bảy, 19/07/2025\n\nCông an tỉnh sơ kết công tác.", NULL, NULL, "-" },
    { "Ngày đăng: 05/05/2021\n\nCông an tỉnh tổ chức hội nghị.", NULL, NULL, "2021-05-05" },
    /* …but it gives the year a dateline leaves out. */
    { "Thứ Hai, 08/09/2025\n\nChiều nay (31/8), Công an tỉnh Thái Nguyên tổ chức hội nghị.", NULL, NULL, "2025-08-31" },
    { "Thứ Hai, 05/01/2026\n\nSáng 30/12, Công an tỉnh tổng kết; triển khai nhiệm vụ năm 2026.", NULL, NULL, "2025-12-30" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_year_inference (void)
{
  static const DateCase cases[] = {
    /* From the header month. */
    { "Sáng 20/3, tại Hà Nội, hội nghị diễn ra.", "2023-03", NULL, "2023-03-20" },
    { "Sáng 28/2, Công an tỉnh họp.", "2023-03", NULL, "2023-02-28" },
    /* An archive month of January and a dateline of December: last year. */
    { "Chiều 30/12, Công an tỉnh tổng kết.", "2024-01", NULL, "2023-12-30" },
    /* From the feed's date. */
    { "Sáng 14/1, Đảng ủy Công an tỉnh giao ban.", NULL, "2022-01-15", "2022-01-14" },
    /* From the text: reviews 2021, plans 2022. */
    { "Chiều ngày 14/01, Đảng uỷ Công an tỉnh tổ chức Hội nghị giao ban năm 2021 và triển khai nhiệm vụ năm 2022.\n\nNhiệm kỳ 2021 – 2026, phấn đấu đến năm 2030 hoàn thành.", NULL, NULL, "2022-01-14" },
    /* Held in December: reviews 2021 and plans 2022 → 2021. */
    { "Sáng 28/12, Công an tỉnh tổng kết công tác năm 2021, triển khai nhiệm vụ năm 2022.", NULL, NULL, "2021-12-28" },
    /* No year anywhere: nothing. */
    { "Sáng 14/01, Công an tỉnh họp.", NULL, NULL, "-" },
    /* Only a header: its month. */
    { "Công an tỉnh vừa tổ chức hội nghị.", "2023-08", NULL, "2023-08" },
    { "Công an tỉnh vừa tổ chức hội nghị.", NULL, "2024-05-02", "2024-05-02" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_not_publication (void)
{
  static const DateCase cases[] = {
    /* Dates of documents and plans are not the publication date. */
    { "Thực hiện Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị, Công an tỉnh đã triển khai.", NULL, NULL, "-" },
    { "Công an tỉnh phát động phong trào từ ngày 19/8/2024 đến hết ngày 19/8/2025.", NULL, NULL, "-" },
    { "Đến năm 2030, xây dựng lực lượng Công an chính quy.", NULL, NULL, "-" },
    { "Theo Nghị quyết số 12 ngày 25/7/2022, Công an xã được tăng cường.", "2024-09", NULL, "2024-09" },
    /* A lead that recalls a document's issue, then the news. */
    { "Ngày 16/3/2022, Bộ Chính trị ban hành Nghị quyết số 12-NQ/TW về xây dựng lực lượng.\n\n"
      "Sáng 16/3, Đảng ủy Công an tỉnh sơ kết 3 năm; trong năm 2025 tiếp tục quán triệt.", NULL, NULL, "2025-03-16" },
    /* Without news of its own, the issue is the news. */
    { "Ngày 27/2/2023, Đảng ủy Công an tỉnh ban hành Kế hoạch số 118-KH/ĐUCA.", NULL, NULL, "2023-02-27" },
    /* Invalid dates are no dates. */
    { "Sáng 31/02/2023, Công an tỉnh họp.", NULL, NULL, "-" },
    { "Sáng 99/99, Công an tỉnh họp.", NULL, NULL, "-" },
    { "Sáng 30/13/2023, Công an tỉnh họp.", NULL, NULL, "-" },
    { "Sáng 29/02/2023, Công an tỉnh họp.", NULL, NULL, "-" },
    { "Sáng 29/02/2024, Công an tỉnh họp.", NULL, NULL, "2024-02-29" },
    /* Numbers with thousands separators are not dates. */
    { "Công an tỉnh có 1.103 cán bộ, 2.341 tổ chức quần chúng.", NULL, NULL, "-" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_confidence (void)
{
  g_autoptr(VankhoExtraction) full = extract_test_run ("Sáng 27/02/2023, Tỉnh ủy họp.", NULL, NULL, NULL, NULL, NULL);
  g_autoptr(VankhoExtraction) header = extract_test_run ("Sáng 20/3, Tỉnh ủy họp.", "2023-03", NULL, NULL, NULL, NULL);
  g_autoptr(VankhoExtraction) context = extract_test_run ("Chiều ngày 14/01, Tỉnh ủy tổng kết năm 2021, triển khai nhiệm vụ năm 2022.", NULL, NULL, NULL, NULL, NULL);

  g_assert_false (vankho_extraction_get_published_inferred (full));
  g_assert_true (vankho_extraction_get_published_inferred (header));
  g_assert_true (vankho_extraction_get_published_inferred (context));
  g_assert_cmpfloat (vankho_extraction_get_published_confidence (full), >,
                     vankho_extraction_get_published_confidence (header));
  g_assert_cmpfloat (vankho_extraction_get_published_confidence (header), >,
                     vankho_extraction_get_published_confidence (context));
  g_assert_cmpint (vankho_extraction_get_published (context)->precision, ==, VANKHO_DATE_PRECISION_DAY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/extract/dates/datelines", test_datelines);
  g_test_add_func ("/extract/dates/page-furniture", test_page_furniture);
  g_test_add_func ("/extract/dates/year-inference", test_year_inference);
  g_test_add_func ("/extract/dates/not-publication", test_not_publication);
  g_test_add_func ("/extract/dates/confidence", test_confidence);

  return g_test_run ();
}
