/* test-extract-places.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "extract-test-util.h"

typedef struct
{
  const char *body;
  const char *url;
  const char *places;   /* every province, primary marked '*'; "-" for none */
} PlaceCase;

static void
check_cases (const PlaceCase *cases,
             gsize            n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(VankhoExtraction) result = extract_test_run (cases[i].body, NULL, NULL, NULL,
                                                             cases[i].url, NULL);
      g_autofree char *places = extract_test_all_places (result);

      if (g_strcmp0 (places, cases[i].places) != 0)
        g_test_message ("case %" G_GSIZE_FORMAT ": «%s»", i, cases[i].body);
      g_assert_cmpstr (places, ==, cases[i].places);
      extract_test_check_offsets (result, cases[i].body);
    }
}

static void
test_cues (void)
{
  static const PlaceCase cases[] = {
    { "Sáng 31/8, Đảng ủy Công an tỉnh Gia Lai tổ chức hội nghị sơ kết.", NULL, "VN-30*" },
    { "Chiều 2/3, Công an tỉnh Bắc Kạn ra quân bảo đảm an ninh.", NULL, "VN-53*" },
    { "Ban Thường vụ Tỉnh ủy Nghệ An họp phiên thường kỳ tháng 2.", NULL, "VN-22*" },
    { "Công an TP. Hồ Chí Minh triển khai cao điểm tấn công trấn áp tội phạm.", NULL, "VN-SG*" },
    { "Công an TP.HCM triển khai cao điểm.", NULL, "VN-SG*" },
    { "Công an tỉnh Bà Rịa - Vũng Tàu tổ chức hội nghị.", NULL, "VN-43*" },
    { "Công an tỉnh Bà Rịa – Vũng Tàu tổ chức hội nghị.", NULL, "VN-43*" },
    { "Công an tỉnh Thừa Thiên Huế tổ chức hội nghị.", NULL, "VN-26*" },
    { "UBND tỉnh Thanh Hoá ban hành kế hoạch.", NULL, "VN-21*" },
    { "UBND tỉnh Thanh Hóa ban hành kế hoạch.", NULL, "VN-21*" },
    { "Tỉnh uỷ Hoà Bình ban hành chỉ thị.", NULL, "VN-14*" },
    { "Công an tỉnh Đắk Lắk tổ chức hội nghị.", NULL, "VN-33*" },
    { "Công an thành phố Hà Nội tổ chức hội nghị.", NULL, "VN-HN*" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_traps (void)
{
  static const PlaceCase cases[] = {
    /* Province names inside people's names. */
    { "Đồng chí Nguyễn Gia Lai, Phó Trưởng phòng, phát biểu.", NULL, "-" },
    { "Thượng tá Trần Hà Nam được trao bằng khen.", NULL, "-" },
    { "Ông Hà Nam cho biết sẽ tiếp tục cố gắng.", NULL, "-" },
    { "Chị Hà Nam, cán bộ Công an xã, chia sẻ kinh nghiệm.", NULL, "-" },
    { "Bà Nguyễn Thị Long An nhận giấy khen.", NULL, "-" },
    /* Neighbours that fold alike. */
    { "Công an tỉnh Hà Nam tổ chức hội nghị sơ kết.", NULL, "VN-63*" },
    { "Công an thành phố Hà Nội tổ chức hội nghị sơ kết.", NULL, "VN-HN*" },
    { "Công an tỉnh Bình Định tổ chức hội nghị.", NULL, "VN-31*" },
    { "Công an tỉnh Bình Dương tổ chức hội nghị.", NULL, "VN-57*" },
    { "Công an tỉnh Quảng Nam tổ chức hội nghị.", NULL, "VN-27*" },
    { "Công an tỉnh Quảng Ngãi tổ chức hội nghị.", NULL, "VN-29*" },
    { "Công an tỉnh Nam Định tổ chức hội nghị.", NULL, "VN-67*" },
    { "Công an tỉnh Long An tổ chức hội nghị.", NULL, "VN-41*" },
    /* 'Công an' is not 'Long An'; 'hòa bình' is peace. */
    { "Lực lượng Công an luôn giữ gìn hòa bình, ổn định.", NULL, "-" },
    { "Công an nhân dân giữ vững an ninh.", NULL, "-" },
    /* 'Thái Bình Dương' is the Pacific, not Thái Bình or Bình Dương. */
    { "Hợp tác an ninh khu vực Châu Á - Thái Bình Dương được tăng cường.", NULL, "-" },
    /* Uncle Hồ is not the city. */
    { "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.", NULL, "-" },
    { "Đoàn Thanh niên Cộng sản Hồ Chí Minh phát động phong trào.", NULL, "-" },
    /* 'Phù Yên' is a district of Sơn La, not Phú Yên. */
    { "Công an huyện Phù Yên ra quân trấn áp tội phạm.", NULL, "VN-05*" },
    { "Công an tỉnh Phú Yên ra quân trấn áp tội phạm.", NULL, "VN-32*" },
    /* 'huyện Quảng Ninh' is in Quảng Bình. */
    { "Công an huyện Quảng Ninh tổ chức hội nghị.", NULL, "VN-24*" },
    /* 'Quân khu' is not a district ('quận'). */
    { "Bộ Tư lệnh Quân khu 4 phối hợp diễn tập.", NULL, "-" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_districts (void)
{
  static const PlaceCase cases[] = {
    { "Công an huyện Krông Pa tổ chức ra quân.", NULL, "VN-30*" },
    /* Two units are called Sơn Tây; only one is a thị xã. */
    { "Công an thị xã Sơn Tây triển khai nhiệm vụ.", NULL, "VN-HN*" },
    { "Công an huyện Sơn Tây triển khai nhiệm vụ.", NULL, "VN-29*" },
    /* Châu Thành is in ten provinces: no evidence alone. */
    { "Công an huyện Châu Thành triển khai nhiệm vụ.", NULL, "-" },
    /* … but with its province named, it is that one. */
    { "Công an huyện Châu Thành, tỉnh Trà Vinh triển khai nhiệm vụ.", NULL, "VN-51*" },
    { "Đồng chí Phan Đức Đồng, Bí thư Thành ủy Vinh phát biểu.", NULL, "VN-22*" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_outlets (void)
{
  static const PlaceCase cases[] = {
    { "ĐTO - Sáng ngày 27/9, Công an tỉnh tổ chức hội nghị.", NULL, "VN-45*" },
    { "BBK - Sáng 20/3, tại Hà Nội, Bộ Công an tổ chức hội nghị trực tuyến.\n\nTại điểm cầu Công an tỉnh Bắc Kạn, lãnh đạo tỉnh dự.", NULL, "VN-53* VN-HN" },
    { "(Congan.nghean.gov.vn)-Sáng 27/02/2023, Ban Thường vụ Tỉnh ủy họp.", NULL, "VN-22*" },
    { "(Baonghean.vn) - Chiều 3/3, Công an tỉnh họp.", NULL, "VN-22*" },
    { "Công an tỉnh tổ chức hội nghị.", "https://baogialai.com.vn/hoi-nghi-post123.html", "VN-30*" },
    { "Công an tỉnh tổ chức hội nghị.", "https://congan.nghean.gov.vn/tin-tuc/123", "VN-22*" },
    { "Công an tỉnh tổ chức hội nghị.", "https://dongthap.gov.vn/a", "VN-45*" },
    /* National outlets say nothing about a province. */
    { "(ANTV) - Sáng 20/3, Bộ Công an tổ chức hội nghị.", NULL, "-" },
    { "Bộ Công an tổ chức hội nghị.", "https://cand.com.vn/a", "-" },
    { "Bộ Công an tổ chức hội nghị.", "https://congan.com.vn/a", "-" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_primary (void)
{
  static const PlaceCase cases[] = {
    /* Nothing but 'Công an tỉnh': no province. */
    { "Chiều ngày 14/01, Đảng uỷ Công an tỉnh tổ chức Hội nghị trực tuyến giao ban.", NULL, "-" },
    /* A list of provinces in a national article: mentioned, none primary. */
    { "Bộ Công an biểu dương Công an các tỉnh Hà Giang, Lào Cai, Yên Bái, Sơn La.", NULL, "VN-03 VN-02 VN-06 VN-05" },
    /* A dateline that opens with its province; from the capital, only
     * where national news was filed. */
    { "ĐẮK LẮK - Sáng 5/3, Công an tỉnh tổ chức hội nghị.", NULL, "VN-33*" },
    { "HÀ NỘI - Sáng 5/3, Bộ Công an tổ chức hội nghị toàn quốc.", NULL, "VN-HN" },
    /* A spelling seen in the news. */
    { "Sáng 5/3, Công an tỉnh Đăk Lăk tổ chức hội nghị.", NULL, "VN-33*" },
    /* From 2025, wards and communes bear former provinces' names. */
    { "Sáng 12/4/2025, tại phường Bắc Giang, tỉnh Bắc Ninh, Công an tỉnh tổ chức hội nghị.", NULL, "VN-56*" },
    { "Sáng 12/4/2025, tại phường Hải Dương, TP Hải Phòng, Công an thành phố tổ chức hội nghị.", NULL, "VN-HP*" },
    /* A name never read bare, after its cue in a list, is still a place. */
    { "Công an tỉnh Bình Dương và Công an TP. Hồ Chí Minh phối hợp tuần tra.", NULL, "VN-57* VN-SG" },
    { "Công an tỉnh Gia Lai học tập và làm theo tư tưởng Hồ Chí Minh.", NULL, "VN-30*" },
    /* One bare name in passing is not what the article is about. */
    { "Bộ Công an tổ chức hội nghị tại Hà Nội.", NULL, "VN-HN" },
    /* A dominant province with a passing mention of another. */
    { "Công an tỉnh Gia Lai tổ chức hội nghị. Tỉnh ủy Gia Lai chỉ đạo. Đoàn công tác của Công an tỉnh Kon Tum dự.", NULL, "VN-30* VN-28" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* A headline that opens with its province: 'Đồng Nai: Ra mắt…'. */
static void
test_headline_province (void)
{
  static const struct { const char *title; const char *places; } cases[] = {
    { "Đồng Nai: Ra mắt mô hình tổ an toàn tại phường Trấn Biên", "VN-39* VN-58" },
    { "Gia Lai - Sơ kết 3 năm thực hiện Nghị quyết 12", "VN-30* VN-58" },
    /* Named elsewhere in it, it is only mentioned. */
    { "Ra mắt mô hình tổ an toàn tại Đồng Nai", "VN-58 VN-39" },
  };
  const char *body = "Sáng 2/10, Công an phường ra mắt mô hình. Kinh nghiệm từ các xã thuộc "
                     "khu vực Bình Phước cũ được nghiên cứu áp dụng.";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(VankhoExtraction) result = extract_test_run (body, NULL, NULL, cases[i].title, NULL, NULL);
      g_autofree char *places = extract_test_all_places (result);

      g_assert_cmpstr (places, ==, cases[i].places);
    }
}

/* The writer's unit in the byline: the province's own police writing. */
static void
test_byline_unit (void)
{
  const char *body = "Sáng 16/3, Đảng ủy Công an tỉnh tổ chức hội nghị. Công tác phối hợp với "
                     "Công an tỉnh bạn Lai Châu được duy trì.";
  g_autoptr(VankhoExtraction) unit = extract_test_run (body, NULL, NULL, NULL, NULL,
                                                       "Thanh Hương (Công an tỉnh Điện Biên)");
  g_autoptr(VankhoExtraction) none = extract_test_run (body, NULL, NULL, NULL, NULL, "Thanh Hương");
  g_autofree char *with_unit = extract_test_all_places (unit);
  g_autofree char *without = extract_test_all_places (none);

  g_assert_cmpstr (with_unit, ==, "VN-71* VN-01");
  g_assert_cmpstr (without, ==, "VN-01");
}

/* From 1/7/2025 a former province beside the unit that took it in is
 * only mentioned; before, two police forces together are both primary. */
static void
test_former_province (void)
{
  const char *body = "Công an tỉnh Khánh Hòa và Công an tỉnh Ninh Thuận tổng kết công tác phối hợp. "
                     "Đảng ủy Công an tỉnh Khánh Hòa và Đảng ủy Công an tỉnh Ninh Thuận chỉ đạo.";
  g_autoptr(VankhoExtraction) after = extract_test_run (body, "2025-09", NULL, NULL, NULL, NULL);
  g_autoptr(VankhoExtraction) before = extract_test_run (body, "2024-09", NULL, NULL, NULL, NULL);
  g_autofree char *places_after = extract_test_all_places (after);
  g_autofree char *places_before = extract_test_all_places (before);

  g_assert_cmpstr (places_after, ==, "VN-34* VN-36");
  g_assert_cmpstr (places_before, ==, "VN-34* VN-36*");
}

static void
test_evidence (void)
{
  const char *body = "BBK - Sáng 20/3, tại Hà Nội, hội nghị diễn ra.";
  g_autoptr(VankhoExtraction) result = extract_test_run (body, NULL, NULL, NULL, NULL, NULL);
  GPtrArray *places = vankho_extraction_get_places (result);
  const VankhoPlace *bk = g_ptr_array_index (places, 0);
  const VankhoPlace *hn = g_ptr_array_index (places, 1);

  g_assert_cmpuint (places->len, ==, 2);
  g_assert_cmpstr (bk->code, ==, "VN-53");
  g_assert_cmpstr (bk->name, ==, "Bắc Kạn");
  g_assert_cmpstr (bk->evidence, ==, "byline");
  g_assert_cmpint (bk->offset, ==, 0);
  g_assert_cmpuint (bk->length, ==, 3);
  g_assert_cmpstr (hn->evidence, ==, "text");
  g_assert_cmpint (hn->role, ==, VANKHO_PLACE_ROLE_MENTIONED);
  g_assert_cmpint (strncmp (body + hn->offset, "Hà Nội", hn->length), ==, 0);
}

static void
test_gazetteer (void)
{
  VankhoGazetteer *gaz = vankho_extractor_get_gazetteer (vankho_extractor_get_default ());
  const VankhoUnit *unit;
  guint n_members = 0;

  g_assert_cmpuint (vankho_gazetteer_get_n_provinces (gaz), ==, 63);
  g_assert_cmpuint (vankho_gazetteer_get_n_units (gaz), ==, 34);
  g_assert_cmpuint (vankho_gazetteer_get_n_districts (gaz), ==, 696);
  g_assert_cmpstr (vankho_gazetteer_lookup_code (gaz, "VN-30"), ==, "Gia Lai");
  g_assert_null (vankho_gazetteer_lookup_code (gaz, "VN-99"));

  unit = vankho_gazetteer_unit_for_code (gaz, "VN-31");
  g_assert_nonnull (unit);
  g_assert_cmpstr (unit->name, ==, "Gia Lai");

  /* Every 2008-era province belongs to exactly one 2025 unit. */
  for (guint i = 0; i < vankho_gazetteer_get_n_units (gaz); i++)
    for (const char * const *m = vankho_gazetteer_get_nth_unit (gaz, i)->members; *m; m++)
      n_members++;
  g_assert_cmpuint (n_members, ==, 63);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/extract/places/cues", test_cues);
  g_test_add_func ("/extract/places/traps", test_traps);
  g_test_add_func ("/extract/places/districts", test_districts);
  g_test_add_func ("/extract/places/outlets", test_outlets);
  g_test_add_func ("/extract/places/primary", test_primary);
  g_test_add_func ("/extract/places/headline-province", test_headline_province);
  g_test_add_func ("/extract/places/byline-unit", test_byline_unit);
  g_test_add_func ("/extract/places/former-province", test_former_province);
  g_test_add_func ("/extract/places/evidence", test_evidence);
  g_test_add_func ("/extract/places/gazetteer", test_gazetteer);

  return g_test_run ();
}
