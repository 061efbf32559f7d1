/* bench-extract.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Prints how long extraction of a 5 000-word article takes:
 *
 *   extract_5000_words <ms> ms
 *
 * The article is built from sentences the way provincial news writes
 * them: datelines, provinces, districts, documents cited in full and short.
 */

#include "config.h"

#include <locale.h>

#include "vankho-extractor.h"

#define ROUNDS 50

static const char * const sentences[] = {
  "Sáng 27/02/2023, Ban Thường vụ Tỉnh ủy Nghệ An tổ chức phiên họp thường kỳ tháng 2/2023.",
  "Đồng chí Thái Thanh Quý, Bí thư Tỉnh ủy, chủ trì phiên họp; dự có đại diện Công an tỉnh.",
  "Thực hiện Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị, Đảng ủy Công an tỉnh đã tập trung lãnh đạo.",
  "Công an huyện Krông Pa và Công an thị xã Sơn Tây chủ động phối hợp với các lực lượng trên địa bàn.",
  "Hội nghị sơ kết 2 năm thực hiện Nghị quyết số 12 ngày 25/7/2022 của Đảng ủy Công an Trung ương và Chỉ thị số 11 ngày 28/10/2022 của Bộ trưởng Bộ Công an.",
  "Lực lượng tham gia bảo vệ ANTT ở cơ sở hỗ trợ tích cực, hiệu quả trong công tác nắm tình hình, quản lý địa bàn.",
  "Triển khai thi hành Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở, Công an tỉnh đã hướng dẫn các đơn vị.",
  "Đến nay, trên địa bàn tỉnh có 123 mô hình phòng, chống tội phạm; 2.341 tổ chức quần chúng tham gia bảo đảm an ninh trật tự.",
  "Đồng chí Trương Thị Mai đánh giá cao nỗ lực của lực lượng CAND và các địa phương trong thực hiện Quy định số 90-QĐ/TW.",
  "Phát biểu chỉ đạo, đồng chí Chủ tịch UBND tỉnh đề nghị tiếp tục quán triệt Nghị quyết 12 của Bộ Chính trị.",
};

int
main (int   argc,
      char *argv[])
{
  GString *body = g_string_new (NULL);
  VankhoExtractor *extractor;
  VankhoExtractInput input = { 0, };
  guint words = 0;
  gint64 start;
  double ms;

  setlocale (LC_ALL, "");
  /* Figures are read by scripts: a decimal point in every locale. */
  setlocale (LC_NUMERIC, "C");

  for (guint i = 0; words < 5000; i++)
    {
      const char *s = sentences[i % G_N_ELEMENTS (sentences)];
      g_auto(GStrv) w = g_strsplit (s, " ", -1);

      words += g_strv_length (w);
      g_string_append (body, s);
      g_string_append (body, i % 4 == 3 ? "\n\n" : " ");
    }

  extractor = vankho_extractor_get_default ();
  input.body = body->str;
  vankho_date_set (&input.header_date, 2023, 2, 0);

  /* Warm up: the reference data is loaded once, on first use. */
  g_object_unref (vankho_extractor_run (extractor, &input));

  start = g_get_monotonic_time ();
  for (guint i = 0; i < ROUNDS; i++)
    g_object_unref (vankho_extractor_run (extractor, &input));
  ms = (g_get_monotonic_time () - start) / 1000.0 / ROUNDS;

  g_print ("extract_5000_words %.2f ms\n", ms);

  g_string_free (body, TRUE);
  return ms < 5.0 ? 0 : 1;
}
