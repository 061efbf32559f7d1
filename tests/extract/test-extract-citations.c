/* test-extract-citations.c
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
  const char *keys;   /* distinct keys in order, "-" for none */
} CiteCase;

static void
check_cases (const CiteCase *cases,
             gsize           n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(VankhoExtraction) result = extract_test_run (cases[i].body, NULL, NULL, NULL,
                                                             cases[i].url, NULL);
      g_autofree char *keys = extract_test_keys (result);

      if (g_strcmp0 (keys, cases[i].keys) != 0)
        g_test_message ("case %" G_GSIZE_FORMAT ": «%s»", i, cases[i].body);
      g_assert_cmpstr (keys, ==, cases[i].keys);
      extract_test_check_offsets (result, cases[i].body);
    }
}

static void
test_symbols (void)
{
  static const CiteCase cases[] = {
    { "Thực hiện Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị.", NULL, "nq:12-nq/tw" },
    { "Quán triệt Chỉ thị số 11/CT-BCA của Bộ trưởng Bộ Công an.", NULL, "ct:11/ct-bca" },
    { "Quán triệt Quyết định số 90-QĐ/TW ngày 06/12/2022 của Ban Bí thư.", NULL, "qd:90-qd/tw" },
    { "Kế hoạch số 118-KH/ĐUCA triển khai nghị quyết.", NULL, "kh:118-kh/duca" },
    { "Nghị quyết số 16-NQ/ĐUCA về công tác chính trị.", NULL, "nq:16-nq/duca" },
    /* 'Ð' (U+00D0) typed for 'Đ'. */
    { "Nghị quyết số 16-NQ/ÐUCA về công tác chính trị.", NULL, "nq:16-nq/duca" },
    { "Luật số 30/2023/QH15 có hiệu lực từ ngày 1/7/2024.", NULL, "luat:30/2023/qh15" },
    { "Nghị định số 15/2024/NĐ-CP của Chính phủ.", NULL, "nd:15/2024/nd-cp" },
    { "Chỉ thị số 03/CT-BCA-X11 về xây dựng Công an cấp huyện.", NULL, "ct:3/ct-bca-x11" },
    /* '12/NQ-TW', a common misspelling of 12-NQ/TW. */
    { "Tiếp tục thực hiện Nghị quyết 12/NQ-TW của Bộ Chính trị.", NULL, "nq:12-nq/tw" },
    /* Spaces, or a line break, typed around a symbol's separators. */
    { "Tiếp tục thực hiện Nghị quyết số 12- NQ/TW của Bộ Chính trị.", NULL, "nq:12-nq/tw" },
    { "Tiếp tục thực hiện Nghị quyết số 12 - NQ /TW của Bộ Chính trị.", NULL, "nq:12-nq/tw" },
    { "Quán triệt Quyết định số 90-QĐ/ TW của Ban Bí thư.", NULL, "qd:90-qd/tw" },
    { "Tiếp tục thực hiện Nghị quyết số 12-\nNQ/TW của Bộ Chính trị.", NULL, "nq:12-nq/tw" },
    /* Numbers sharing the issuer after the last; without one, only the first. */
    { "Quán triệt các Nghị quyết số 12, 16 và 18 của Đảng ủy Công an Trung ương.", NULL,
      "nq:12-nq/duca nq:16-nq/duca nq:18-nq/duca" },
    { "Thực hiện các Nghị quyết số 12, 3 năm qua lực lượng đã trưởng thành.", NULL, "nq:12" },
    /* A resolution of the National Assembly is not a law. */
    { "Thực hiện Nghị quyết số 202/2025/QH15 về sắp xếp đơn vị hành chính.", NULL, "nq:202/2025/qh15" },
    /* Joint documents: every issuer. */
    { "Thực hiện Thông tư liên tịch số 02/2016/TTLT-BCA-BQP-BTC.", NULL, "ttlt:2/2016/ttlt-bca-bqp-btc" },
    { "Thực hiện Nghị quyết liên tịch số 01/2014/NQLT-BCA-UBTWMTTQVN.", NULL, "nqlt:1/2014/nqlt-bca-ubtwmttqvn" },
    /* One kind, several symbols. */
    { "Quán triệt các Nghị quyết số 12-NQ/TW và 18-NQ/TW của Trung ương.", NULL, "nq:12-nq/tw nq:18-nq/tw" },
    { "Quán triệt các Nghị quyết 18-NQ/TW, 19-NQ/TW; số 12-NQ/ĐUCA.", NULL, "nq:18-nq/tw nq:19-nq/tw nq:12-nq/duca" },
    { "Thực hiện Nghị quyết số 12-NQ/TW và 5 năm xây dựng lực lượng, 1.103 cán bộ.", NULL, "nq:12-nq/tw" },
    /* 'TƯ' and 'T.Ư' are Trung ương, not a provincial committee's 'TU'. */
    { "Công an tỉnh Hà Tĩnh thực hiện Nghị quyết số 12-NQ/TƯ của Bộ Chính trị.", NULL, "nq:12-nq/tw" },
    { "Công an tỉnh Hà Tĩnh thực hiện Nghị quyết số 12-NQ/T.Ư của Bộ Chính trị.", NULL, "nq:12-nq/tw" },
    /* …but not a paragraph break, nor a range. */
    { "Tiếp tục thực hiện Nghị quyết số 18-\n\nNQ/TW là tên một mục.", NULL, "nq:18" },
    { "Nghị quyết số 12 - 15 năm thực hiện.", NULL, "nq:12" },
    /* Quyết định and Quy định with one symbol are one document. */
    { "Quán triệt Quyết định số 90-QĐ/TW. Tuyên truyền Quy định số 90-QĐ/TW.", NULL, "qd:90-qd/tw" },
    /* Provincial documents carry their province. */
    { "Công an tỉnh Gia Lai thực hiện Nghị quyết số 12-NQ/TU của Tỉnh ủy.", NULL, "nq:12-nq/tu@vn-30" },
    { "Công an tỉnh Nghệ An thực hiện Nghị quyết số 12-NQ/TU của Tỉnh ủy.", NULL, "nq:12-nq/tu@vn-22" },
    { "Quyết định số 1234/QĐ-UBND của UBND tỉnh Long An.", NULL, "qd:1234/qd-ubnd@vn-41" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_short_mentions (void)
{
  static const CiteCase cases[] = {
    /* Number with issuer: the catalogue decides. */
    { "Thực hiện Nghị quyết số 12 của Bộ Chính trị, Công an tỉnh đã triển khai.", NULL, "nq:12-nq/tw" },
    { "Sơ kết 1 năm thực hiện Nghị quyết số 12, ngày 16/3/2022 của Bộ Chính trị.", NULL, "nq:12-nq/tw" },
    { "Sơ kết 2 năm thực hiện Nghị quyết số 12 ngày 25/7/2022 của Đảng ủy Công an Trung ương.", NULL, "nq:12-nq/duca" },
    { "Chỉ thị số 11 ngày 28/10/2022 của Bộ trưởng Bộ Công an.", NULL, "ct:11/ct-bca" },
    /* Without an issuer, the subject tells the two Resolutions 12 apart. */
    { "Quán triệt Nghị quyết 12 về tiếp tục đẩy mạnh xây dựng Công an xã, thị trấn đáp ứng yêu cầu.", NULL, "nq:12-nq/duca" },
    { "Quán triệt Nghị quyết 12 về đẩy mạnh xây dựng lực lượng Công an nhân dân thật sự trong sạch.", NULL, "nq:12-nq/tw" },
    { "Quán triệt Nghị quyết 12 về công tác cán bộ.", NULL, "nq:12" },
    /* The same number, two documents, one article: never merged. */
    { "Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị và Nghị quyết số 12 ngày 25/7/2022 của Đảng ủy Công an Trung ương.", NULL, "nq:12-nq/tw nq:12-nq/duca" },
    /* Short mentions take the full citation of the article. */
    { "Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị. Hai năm qua, Nghị quyết 12 đã đi vào cuộc sống.", NULL, "nq:12-nq/tw" },
    { "Nghị quyết số 12 ngày 25/7/2022 của Đảng ủy Công an Trung ương. Thực hiện Nghị quyết số 12, Công an xã được tăng cường.", NULL, "nq:12-nq/duca" },
    { "NQ 12 đi vào cuộc sống. Nghị quyết số 12-NQ/TW của Bộ Chính trị là quan trọng.", NULL, "nq:12-nq/tw" },
    /* A number-only document of a provincial committee. */
    { "Thực hiện Quy chế phối hợp số 426 của Ban Thường vụ Tỉnh uỷ Gia Lai.", NULL, "qc:426-qc/tu@vn-30" },
    /* 'uỷ' and 'ủy' alike. */
    { "Thực hiện Quy chế phối hợp số 426 của Ban Thường vụ Tỉnh ủy Gia Lai.", NULL, "qc:426-qc/tu@vn-30" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_named (void)
{
  static const CiteCase cases[] = {
    { "Triển khai thi hành Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở.", NULL, "luat:30/2023/qh15" },
    { "Triển khai thi hành Luật Lực lượng tham gia bảo vệ an ninh, trật tự (ANTT) ở cơ sở.", NULL, "luat:30/2023/qh15" },
    { "Triển khai thi hành Luật Lực lượng tham gia bảo vệ ANTT ở cơ sở.", NULL, "luat:30/2023/qh15" },
    { "Tuyên truyền Luật Cư trú năm 2020 đến người dân.", NULL, "luat:cu-tru-2020" },
    { "Tuyên truyền Luật Phòng, chống ma túy và các văn bản hướng dẫn.", NULL, "luat:phong-chong-ma-tuy" },
    /* A law's number after its name names it, and then its name does too. */
    { "Phổ biến Luật Công an nhân dân số 37/2018/QH14 và Luật Công an nhân dân năm 2018.", NULL, "luat:37/2018/qh14" },
    { "Phổ biến Luật Công an nhân dân; sau đó Luật Công an nhân dân số 37/2018/QH14.", NULL, "luat:37/2018/qh14" },
    { "Tuyên truyền Luật Phòng, chống ma túy số 73/2021/QH14.", NULL, "luat:73/2021/qh14" },
    /* …but not another document's number. */
    { "Tuyên truyền Luật Căn cước và Nghị định số 70/2024/NĐ-CP.", NULL, "luat:can-cuoc nd:70/2024/nd-cp" },
    /* Lawyers, law firms and quantities are not documents. */
    { "Văn phòng Luật sư số 3 và Công ty Luật số 7 tư vấn; Đoàn Luật sư số 2 hỗ trợ.", NULL, "-" },
    { "Tham gia Đề án 1 triệu héc-ta lúa và Chương trình 1 triệu căn hộ.", NULL, "-" },
    /* A project is known by its number, with or without its zero. */
    { "Triển khai Đề án 06 của Chính phủ; Đề án số 6 tiếp tục.", NULL, "da:6" },
    /* A lawyer is not a law. */
    { "Luật sư Nguyễn Văn A tham gia bào chữa.", NULL, "-" },
    { "Nghị quyết Đại hội XIII của Đảng đã xác định.", NULL, "nq:dai-hoi-xiii" },
    { "Quán triệt Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng.", NULL, "nq:dai-hoi-xiii" },
    { "Thực hiện Nghị quyết Trung ương 4 khóa XII về xây dựng Đảng.", NULL, "nq:tw4-khoa-xii" },
    { "Thực hiện Nghị quyết Trung ương 4 các khoá XI, XII, XIII.", NULL, "nq:tw4-khoa-xi nq:tw4-khoa-xii nq:tw4-khoa-xiii" },
    /* Generic words without a number are not citations. */
    { "Các nghị quyết của Trung ương về xây dựng Đảng; ban hành chỉ thị, kế hoạch.", NULL, "-" },
    { "Ban Thường vụ Tỉnh ủy cho ý kiến ban hành Chỉ thị của Ban Thường vụ Tỉnh ủy.", NULL, "-" },
    { "Đại hội Đảng bộ tỉnh lần thứ XVII; Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII.", NULL, "-" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_fields (void)
{
  const char *body = "Sáng 20/3, hội nghị quán triệt Quyết định số 90-QĐ/TW ngày 06/12/2022 của Ban Bí thư; "
                     "đánh giá kết quả 01 năm thực hiện Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị.";
  g_autoptr(VankhoExtraction) result = extract_test_run (body, "2023-03", NULL, NULL, NULL, NULL);
  GPtrArray *citations = vankho_extraction_get_citations (result);
  const VankhoCitation *c;
  g_autofree char *date = NULL;

  g_assert_cmpuint (citations->len, ==, 2);
  c = g_ptr_array_index (citations, 0);
  g_assert_cmpstr (c->key, ==, "qd:90-qd/tw");
  g_assert_cmpstr (c->kind, ==, "Quyết định");
  g_assert_cmpstr (c->number, ==, "90");
  g_assert_cmpstr (c->symbol, ==, "90-QĐ/TW");
  g_assert_cmpstr (c->issuer, ==, "Ban Bí thư");
  date = vankho_date_to_iso (&c->date);
  g_assert_cmpstr (date, ==, "2022-12-06");
  g_assert_cmpstr (c->mention, ==, "Quyết định số 90-QĐ/TW");
  g_assert_cmpint (strncmp (body + c->offset, "Quyết định số 90-QĐ/TW", c->length), ==, 0);
  g_assert_nonnull (strstr (c->sentence, "Ban Bí thư"));
  g_assert_cmpfloat (c->confidence, >=, 0.9);

  c = g_ptr_array_index (citations, 1);
  g_assert_cmpstr (c->issuer, ==, "Bộ Chính trị");
}

typedef struct
{
  const char *body;
  const char *events;   /* "kind/period/document;…" */
} EventCase;

/* A document's date: not the next clause's, and the catalogue's over a
 * slip of the article's; a date in brackets with 'ngày'. */
static void
test_dates (void)
{
  static const struct { const char *body; const char *key; const char *date; } cases[] = {
    { "Quán triệt Chỉ thị số 11/CT-BCA của Bộ trưởng Bộ Công an, ngày 5/11/2024, Đoàn kiểm tra làm việc.",
      "ct:11/ct-bca", "2022-10-28" },
    { "Thực hiện Nghị quyết số 12-NQ/TW ngày 12/3/2022 của Bộ Chính trị.", "nq:12-nq/tw", "2022-03-16" },
    { "Sơ kết Nghị quyết 12 (ngày 25/7/2022) của Đảng ủy Công an Trung ương.", "nq:12-nq/duca", "2022-07-25" },
    { "Triển khai Kế hoạch số 45-KH/ĐUCA ngày 2/4/2024, Công an tỉnh đã chỉ đạo.", "kh:45-kh/duca", "2024-04-02" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(VankhoExtraction) result = extract_test_run (cases[i].body, "2025-03", NULL, NULL, NULL, NULL);
      GPtrArray *citations = vankho_extraction_get_citations (result);
      const VankhoCitation *c;
      g_autofree char *date = NULL;

      g_assert_cmpuint (citations->len, >=, 1);
      c = g_ptr_array_index (citations, 0);
      g_assert_cmpstr (c->key, ==, cases[i].key);
      date = vankho_date_to_iso (&c->date);
      g_assert_cmpstr (date, ==, cases[i].date);
    }
}

static void
test_events (void)
{
  static const EventCase cases[] = {
    { "Hội nghị sơ kết 1 năm thực hiện Nghị quyết số 12-NQ/TW của Bộ Chính trị.",
      "so_ket/1 năm/nq:12-nq/tw" },
    { "Hội nghị sơ kết 2 năm thực hiện Nghị quyết số 12 ngày 25/7/2022 của Đảng ủy Công an Trung ương và Chỉ thị số 11 ngày 28/10/2022 của Bộ trưởng Bộ Công an.",
      "so_ket/2 năm/nq:12-nq/duca;so_ket/2 năm/ct:11/ct-bca" },
    { "Hội nghị quán triệt Quyết định số 90-QĐ/TW; đánh giá kết quả 01 năm thực hiện Nghị quyết số 12-NQ/TW.",
      "quan_triet/-/qd:90-qd/tw;so_ket/1 năm/nq:12-nq/tw" },
    { "Hội nghị tổng kết 10 năm thực hiện Chỉ thị số 03/CT-BCA-X11.", "tong_ket/10 năm/ct:3/ct-bca-x11" },
    { "Tỉnh ủy ban hành Nghị quyết số 05-NQ/TU. Công an tỉnh Gia Lai triển khai.", "ban_hanh/-/nq:5-nq/tu@vn-30" },
    { "Công an tỉnh phát động phong trào thi đua thực hiện Nghị quyết số 12-NQ/TW.", "phat_dong/-/nq:12-nq/tw" },
    /* 'Nghị quyết này': the last resolution cited, and what is done to it. */
    { "Năm 2022, Bộ Chính trị ban hành Nghị quyết số 12-NQ/TW. Công an tỉnh quán triệt sâu sắc Nghị quyết này.",
      "ban_hanh/-/nq:12-nq/tw;quan_triet/-/nq:12-nq/tw" },
    { "Công an tỉnh quán triệt sâu sắc Nghị quyết này.", "-" },
    /* A subject between two documents joined by 'và': one event for both. */
    { "Hội nghị sơ kết 3 năm thực hiện Nghị quyết số 12-NQ/TW của Bộ Chính trị về đẩy mạnh xây dựng lực lượng "
      "Công an nhân dân và Kế hoạch số 118-KH/ĐUCA.",
      "so_ket/3 năm/nq:12-nq/tw;so_ket/3 năm/kh:118-kh/duca" },
    /* …but not across a clause. */
    { "Hội nghị quán triệt Nghị quyết số 12-NQ/TW về công tác cán bộ; tiếp đó là công tác khác và Kế hoạch 118-KH/ĐUCA.",
      "quan_triet/-/nq:12-nq/tw" },
    /* A document with nothing done to it. */
    { "Theo Nghị quyết số 12-NQ/TW, lực lượng Công an được kiện toàn.", "-" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(VankhoExtraction) result = extract_test_run (cases[i].body, NULL, NULL, NULL, NULL, NULL);
      GPtrArray *events = vankho_extraction_get_events (result);
      GString *got = g_string_new (NULL);
      g_autofree char *str = NULL;

      for (guint k = 0; k < events->len; k++)
        {
          const VankhoEvent *e = g_ptr_array_index (events, k);

          g_string_append_printf (got, "%s%s/%s/%s", k > 0 ? ";" : "", e->kind,
                                  e->period ? e->period : "-", e->document);
        }
      if (got->len == 0)
        g_string_append (got, "-");
      str = g_string_free (got, FALSE);
      if (g_strcmp0 (str, cases[i].events) != 0)
        g_test_message ("case %" G_GSIZE_FORMAT ": «%s»", i, cases[i].body);
      g_assert_cmpstr (str, ==, cases[i].events);
    }
}

/* A sentence longer than the reach is cut at words: 'ết đề ra' stood
 * for 'kết đề ra' in a citing sentence of the seeds. */
static void
test_long_sentence (void)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(VankhoExtraction) result = NULL;
  const VankhoCitation *c;
  const char *start;
  gsize end;

  for (guint i = 0; i < 80; i++)
    g_string_append (body, "xây dựng kết quả ");
  g_string_append (body, "theo tinh thần Nghị quyết số 12-NQ/TW ");
  for (guint i = 0; i < 80; i++)
    g_string_append (body, "đề ra nhiệm vụ ");
  g_string_append (body, "mới.");

  result = extract_test_run (body->str, "2023-03", NULL, NULL, NULL, NULL);
  g_assert_cmpuint (vankho_extraction_get_citations (result)->len, ==, 1);
  c = g_ptr_array_index (vankho_extraction_get_citations (result), 0);
  g_assert_nonnull (strstr (c->sentence, "Nghị quyết số 12-NQ/TW"));
  g_assert_cmpuint (strlen (c->sentence), <, body->len);

  start = strstr (body->str, c->sentence);
  g_assert_nonnull (start);
  end = (start - body->str) + strlen (c->sentence);
  g_assert_true (start == body->str || start[-1] == ' ');
  g_assert_true (end == body->len || body->str[end] == ' ');
}

static void
test_catalogue (void)
{
  VankhoCatalogue *cat = vankho_extractor_get_catalogue (vankho_extractor_get_default ());
  const VankhoDocument *doc = vankho_catalogue_lookup (cat, "nq:12-nq/duca");

  g_assert_nonnull (doc);
  g_assert_cmpstr (doc->symbol, ==, "12-NQ/ĐUCA");
  g_assert_cmpstr (doc->issuer, ==, "Đảng ủy Công an Trung ương");
  g_assert_cmpuint (doc->date.year, ==, 2022);
  g_assert_cmpuint (doc->date.month, ==, 7);
  g_assert_cmpuint (doc->date.day, ==, 25);
  g_assert_nonnull (vankho_catalogue_lookup (cat, "nq:12-nq/tw"));
  g_assert_null (vankho_catalogue_lookup (cat, "nq:999-nq/tw"));
}

static void
test_json (void)
{
  g_autoptr(VankhoExtraction) result = extract_test_run (
    "BBK - Sáng 20/3, hội nghị quán triệt Quyết định số 90-QĐ/TW.", "2023-03", NULL, NULL, NULL, NULL);
  g_autoptr(JsonNode) node = vankho_extraction_to_json (result);
  JsonObject *obj = json_node_get_object (node);
  JsonObject *place, *cite;

  g_assert_cmpstr (json_object_get_string_member (obj, "published"), ==, "2023-03-20");
  g_assert_cmpstr (json_object_get_string_member (obj, "published_precision"), ==, "day");
  place = json_array_get_object_element (json_object_get_array_member (obj, "provinces"), 0);
  g_assert_cmpstr (json_object_get_string_member (place, "code"), ==, "VN-53");
  g_assert_cmpstr (json_object_get_string_member (place, "role"), ==, "primary");
  g_assert_cmpstr (json_object_get_string_member (place, "evidence"), ==, "byline");
  cite = json_array_get_object_element (json_object_get_array_member (obj, "citations"), 0);
  g_assert_cmpstr (json_object_get_string_member (cite, "key"), ==, "qd:90-qd/tw");
  g_assert_cmpstr (json_object_get_string_member (cite, "symbol"), ==, "90-QĐ/TW");
  g_assert_true (json_object_has_member (cite, "offset"));
  g_assert_true (json_object_has_member (cite, "length"));
  g_assert_true (json_object_has_member (obj, "events"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/extract/citations/symbols", test_symbols);
  g_test_add_func ("/extract/citations/short-mentions", test_short_mentions);
  g_test_add_func ("/extract/citations/named", test_named);
  g_test_add_func ("/extract/citations/fields", test_fields);
  g_test_add_func ("/extract/citations/dates", test_dates);
  g_test_add_func ("/extract/citations/long-sentence", test_long_sentence);
  g_test_add_func ("/extract/citations/catalogue", test_catalogue);
  g_test_add_func ("/extract/events/kinds", test_events);
  g_test_add_func ("/extract/json", test_json);

  return g_test_run ();
}
