/* vankho-date-extractor.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* When was the article published? Vietnamese news says it in a dateline at
 * the head of the first paragraph ('Sáng 27/02/2023, …', 'Chiều ngày 14/01,
 * …', 'Sáng nay (31.8), …', 'BBK - Sáng 20/3, tại Hà Nội, …'), often without
 * the year, and in page furniture ('Cập nhật ngày: 27/09/2024 11:41:48').
 * Only the head of the text is read: dates further on belong to cited
 * documents, plans and reviews. A site clock ('Thứ Bảy, 19/07/2025' alone on
 * a line, no time) is the day the page was saved: not the publication date,
 * but the year of a dateline that leaves it out.
 */

#include "config.h"

#include <string.h>

#include "vankho-date-extractor.h"

/* How much of the head is searched for the dateline and page furniture. */
#define LEAD_BYTES 1600
#define LEAD_LINES 10

static const char * const time_words[] = {
  "sang", "trua", "chieu", "toi", "dem", "khuya", "rang sang", "dem qua",
  "toi qua", "sang qua", "hom nay", "hom qua", NULL,
};

static const char * const weekdays[] = {
  "thu hai", "thu ba", "thu tu", "thu nam", "thu sau", "thu bay", "chu nhat",
  "cn", "t2", "t3", "t4", "t5", "t6", "t7", NULL,
};

static const char * const meta_labels[] = {
  "cap nhat ngay", "ngay cap nhat", "cap nhat luc", "cap nhat", "ngay dang",
  "dang ngay", "dang luc", "ngay xuat ban", "xuat ban", "thoi gian dang",
  "ngay dang tai", "posted", NULL,
};

static gboolean
match_any (const VankhoExtractText *t,
           gsize                    pos,
           const char * const      *list,
           gsize                   *end)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (vankho_extract_text_match (t, pos, list[i], end))
      return TRUE;
  return FALSE;
}

static gboolean
valid_day_month (guint day,
                 guint month)
{
  /* Without a year, 29/02 is a real day in some year. */
  return month >= 1 && month <= 12 && day >= 1 && g_date_valid_dmy (day, month, 2024);
}

/**
 * vankho_date_extractor_parse:
 * @allow_dots: accept '31.8' without a year (only where a date is expected:
 *   '1.103' is a number elsewhere)
 * @year: (out): the year, or 0 when not written
 *
 * Reads 'd/m', 'd/m/yyyy', 'd-m-yyyy', 'd.m.yyyy' or 'ngày d tháng m năm
 * yyyy' (without its 'ngày') at @pos.
 */
gboolean
vankho_date_extractor_parse (const VankhoExtractText *t,
                             gsize                    pos,
                             gboolean                 allow_dots,
                             guint                   *day,
                             guint                   *month,
                             guint                   *year,
                             gsize                   *end)
{
  guint d, m, y = 0;
  gsize p, q;
  char sep;

  if (!vankho_extract_text_read_number (t, pos, 2, &d, &p))
    return FALSE;

  /* 'ngày 27 tháng 2 năm 2023' */
  q = vankho_extract_text_skip_blank (t, p);
  if (q > p && vankho_extract_text_match (t, q, "thang", &q))
    {
      q = vankho_extract_text_skip_blank (t, q);
      if (!vankho_extract_text_read_number (t, q, 2, &m, &q))
        return FALSE;
      p = q;
      q = vankho_extract_text_skip_blank (t, q);
      if (vankho_extract_text_match (t, q, "nam", &q))
        {
          q = vankho_extract_text_skip_blank (t, q);
          if (vankho_extract_text_read_number (t, q, 4, &y, &q) && y >= 1000)
            p = q;
          else
            y = 0;
        }
      goto check;
    }

  if (p >= t->fold_len)
    return FALSE;
  sep = t->fold[p];
  if (sep != '/' && sep != '-' && sep != '.')
    return FALSE;
  if (!vankho_extract_text_read_number (t, p + 1, 2, &m, &q))
    return FALSE;
  p = q;

  if (p + 1 < t->fold_len && t->fold[p] == sep && vankho_extract_is_digit (t->fold[p + 1]))
    {
      if (!vankho_extract_text_read_number (t, p + 1, 4, &y, &q) || q - (p + 1) != 4)
        return FALSE;
      p = q;
    }
  else if (sep == '.' && !allow_dots)
    return FALSE;

  /* '1/2/3/4…' or '27/02/2023abc' is not a date. */
  if (p < t->fold_len
      && (vankho_extract_is_alnum (t->fold[p])
          || ((t->fold[p] == '/' || t->fold[p] == '-')
              && p + 1 < t->fold_len && vankho_extract_is_digit (t->fold[p + 1]))))
    return FALSE;

check:
  if (y != 0 && (y < 1945 || y > 2100))
    return FALSE;
  if (!valid_day_month (d, m))
    return FALSE;
  if (y != 0 && !g_date_valid_dmy (d, m, y))
    return FALSE;

  *day = d;
  *month = m;
  *year = y;
  *end = p;
  return TRUE;
}

/* A time of day right after a date: '27/09/2024 11:41:48', '14/11/2022 - 17:08'. */
static gboolean
followed_by_time (const VankhoExtractText *t,
                  gsize                    pos)
{
  guint h, m;
  gsize p = pos;
  guint steps = 0;

  while (p < t->fold_len && steps < 4 && (t->fold[p] == ' ' || t->fold[p] == '-'
                                          || t->fold[p] == '|' || t->fold[p] == ','))
    {
      p++;
      steps++;
    }
  if (p == pos)
    return FALSE;
  if (!vankho_extract_text_read_number (t, p, 2, &h, &p))
    return FALSE;
  if (p >= t->fold_len || (t->fold[p] != ':' && t->fold[p] != 'h'))
    return FALSE;
  if (!vankho_extract_text_read_number (t, p + 1, 2, &m, &p))
    return FALSE;
  return h < 24 && m < 60;
}

typedef struct
{
  gboolean found;
  guint    day, month, year;
} Found;

/* A word with a dot, or at most three words opening with a capital:
 * 'CAND.com.vn', 'Vietnamplus', 'Quảng Ninh (TTXVN)'. */
static gboolean
names_outlet (const VankhoExtractText *t,
              gsize                    start,
              gsize                    end)
{
  guint words = 0;

  while (end > start && t->fold[end - 1] == ' ')
    end--;
  if (end == start || !t->upper[start])
    return FALSE;
  for (gsize p = start; p < end; p++)
    {
      if (t->fold[p] == '.')
        return TRUE;
      if (p == start || t->fold[p - 1] == ' ')
        words++;
    }
  return words <= 3;
}

/* Skips an outlet's byline at the head of a paragraph: 'BBK - ',
 * '(Congan.nghean.gov.vn)-', 'HÀ NỘI - '.
 */
static gsize
skip_byline (const VankhoExtractText *t,
             gsize                    pos)
{
  gsize p = pos;
  gsize limit = MIN (t->fold_len, pos + 48);

  if (p < t->fold_len && t->fold[p] == '(')
    {
      while (p < limit && t->fold[p] != ')' && t->fold[p] != '\n')
        p++;
      if (p >= limit || t->fold[p] != ')')
        return pos;
      p++;
    }
  else
    {
      while (p < limit && t->fold[p] != '\n' && t->fold[p] != '-'
             && t->fold[p] != ',' && !vankho_extract_is_digit (t->fold[p]))
        p++;
      /* A byline is upper case ('ĐTO', 'BDK.VN', 'HÀ NỘI') or an outlet's
       * name or address ('CAND.com.vn', 'Vietnamplus'). */
      if (p >= limit || t->fold[p] != '-' || p == pos
          || !(vankho_extract_text_is_all_caps (t, pos, p) || names_outlet (t, pos, p)))
        return pos;
    }

  p = vankho_extract_text_skip_blank (t, p);
  if (p < t->fold_len && t->fold[p] == '-')
    {
      p++;
      return vankho_extract_text_skip_blank (t, p);
    }

  /* '(ANTV) Sáng 20/3' without a dash. */
  return t->fold[pos] == '(' ? p : pos;
}

/* 'Ngày 16/3/2022, Bộ Chính trị ban hành Nghị quyết số 12-NQ/TW …': a
 * lead that recalls when a document was issued, before the news itself
 * ('Sáng 16/3, Đảng uỷ Công an tỉnh tổ chức hội nghị sơ kết …'). Looks for
 * 'ban hành' in the clause after the date at @pos.
 */
static gboolean
issues_document (const VankhoExtractText *t,
                 gsize                    pos)
{
  gsize end = MIN (t->fold_len, pos + 80);

  for (gsize p = pos; p < end && t->fold[p] != '.' && t->fold[p] != '\n'; p++)
    if (t->fold[p] == 'b' && vankho_extract_text_match (t, p, "ban hanh", NULL))
      return TRUE;
  return FALSE;
}

/* Before 'ngày' at @pos: a place ('Đà Nẵng, ngày 5/6/2024 -') or a time
 * ('8h30 ngày 5/3'). Returns where 'ngày' starts, or @pos. */
static gsize
skip_place_or_time (const VankhoExtractText *t,
                    gsize                    pos)
{
  gsize p = pos;
  gsize limit = MIN (t->fold_len, pos + 40);
  guint h;

  if (vankho_extract_text_read_number (t, p, 2, &h, &p) && h < 24 && p < t->fold_len
      && (t->fold[p] == 'h' || t->fold[p] == ':'))
    {
      p++;
      while (p < t->fold_len && vankho_extract_is_digit (t->fold[p]))
        p++;
      p = vankho_extract_text_skip_blank (t, p);
      return vankho_extract_text_match (t, p, "ngay", NULL) ? p : pos;
    }

  if (pos >= t->fold_len || !t->upper[pos])
    return pos;
  for (p = pos; p < limit && t->fold[p] != ',' && t->fold[p] != '\n'; p++)
    if (vankho_extract_is_digit (t->fold[p]) || (p > pos && t->fold[p - 1] == ' ' && !t->upper[p]))
      return pos;
  if (p >= limit || t->fold[p] != ',')
    return pos;
  p = vankho_extract_text_skip_blank (t, p + 1);
  return vankho_extract_text_match (t, p, "ngay", NULL) ? p : pos;
}

/* A dateline or a page-furniture date on the line starting at @pos. */
static void
parse_line (const VankhoExtractText *t,
            gsize                    pos,
            Found                   *dateline,
            Found                   *issued,
            Found                   *meta,
            Found                   *meta_weak,
            Found                   *clock)
{
  gsize p = skip_byline (t, vankho_extract_text_skip_blank (t, pos));
  gsize q;
  gboolean time_word = FALSE;
  gboolean ngay = FALSE;
  gboolean weekday = FALSE;
  gboolean label = FALSE;
  gboolean paren = FALSE;
  guint d, m, y;

  if (match_any (t, p, meta_labels, &q))
    {
      label = TRUE;
      p = q;
      while (p < t->fold_len && (t->fold[p] == ':' || t->fold[p] == ' '))
        p++;
    }

  if (match_any (t, p, weekdays, &q))
    {
      weekday = TRUE;
      p = q;
      while (p < t->fold_len && (t->fold[p] == ',' || t->fold[p] == ' '))
        p++;
    }

  if (!label && match_any (t, p, time_words, &q))
    {
      time_word = TRUE;
      p = vankho_extract_text_skip_blank (t, q);
      if (vankho_extract_text_match (t, p, "hom nay", &q)
          || vankho_extract_text_match (t, p, "nay", &q)
          || vankho_extract_text_match (t, p, "qua", &q))
        p = vankho_extract_text_skip_blank (t, q);
      if (match_any (t, p, weekdays, &q))
        {
          p = q;
          while (p < t->fold_len && (t->fold[p] == ',' || t->fold[p] == ' '))
            p++;
        }
    }

  if (!label && !time_word)
    p = skip_place_or_time (t, p);

  if (vankho_extract_text_match (t, p, "ngay", &q))
    {
      ngay = TRUE;
      p = vankho_extract_text_skip_blank (t, q);
      if (p < t->fold_len && t->fold[p] == ':')
        p = vankho_extract_text_skip_blank (t, p + 1);
    }

  if (p < t->fold_len && t->fold[p] == '(')
    {
      paren = TRUE;
      p++;
    }

  if (p >= t->fold_len || !vankho_extract_is_digit (t->fold[p]))
    return;
  if (!vankho_date_extractor_parse (t, p, time_word || paren, &d, &m, &y, &q))
    return;
  if (paren)
    {
      if (q >= t->fold_len || t->fold[q] != ')')
        return;
      q++;
    }

  if (label && y != 0)
    {
      if (!meta->found)
        *meta = (Found) { TRUE, d, m, y };
      return;
    }

  if (y != 0 && !time_word && !ngay && followed_by_time (t, q))
    {
      /* '14/11/2022 - 17:08', 'Thứ Hai, 27/02/2023 14:30 (GMT+7)': the
       * time of posting. The last such line before the text wins.
       */
      *meta_weak = (Found) { TRUE, d, m, y };
      return;
    }

  if (weekday && !time_word)
    {
      /* The site clock: the day the page was saved, not published, but
       * no earlier than it. */
      if (y != 0 && !clock->found)
        *clock = (Found) { TRUE, d, m, y };
      return;
    }

  if (time_word || ngay)
    {
      /* A dateline is followed by a comma or the place: 'Sáng 20/3, tại…'. */
      q = vankho_extract_text_skip_blank (t, q);
      if (q < t->fold_len && (t->fold[q] == ',' || t->fold[q] == ':'
                              || vankho_extract_text_match (t, q, "tai", NULL)
                              || vankho_extract_text_match (t, q, "vua qua", NULL)
                              /* 'Đà Nẵng, ngày 5/6/2024 - Công an…' */
                              || (t->fold[q] == '-' && q + 2 < t->fold_len && t->fold[q + 1] == ' '
                                  && t->upper[q + 2])))
        {
          if (y != 0 && issues_document (t, q))
            {
              if (!issued->found)
                *issued = (Found) { TRUE, d, m, y };
            }
          else if (!dateline->found)
            *dateline = (Found) { TRUE, d, m, y };
        }
    }
}

/* The year of 'd/m' given a later date it cannot be after (the time the
 * page was updated, the feed entry, the month the archive took it).
 */
static guint
year_before (guint day,
             guint month,
             guint ref_year,
             guint ref_month,
             guint ref_day)
{
  if (month > ref_month || (month == ref_month && ref_day != 0 && day > ref_day + 1))
    return ref_year - 1;
  return ref_year;
}

/* Years the text speaks of as its present: 'năm 2021' in a review,
 * 'năm 2022' in a plan, but not 'đến năm 2030', 'nhiệm kỳ 2021 – 2026'.
 */
static guint
context_year (const VankhoExtractText *t,
              guint                    month)
{
  static const char * const future[] = {
    "den", "truoc", "toi", "sau", "tam nhin", "giai doan", "nhiem ky",
    "muc tieu", "vao", "het", NULL,
  };
  guint best = 0;
  gboolean seen[200] = { FALSE, };

  for (gsize i = 0; i + 8 < t->fold_len; i++)
    {
      gsize p, ws, we;
      guint y;
      gboolean skip = FALSE;

      if (t->fold[i] != 'n' || !vankho_extract_text_match (t, i, "nam", &p))
        continue;
      p = vankho_extract_text_skip_blank (t, p);
      if (!vankho_extract_text_read_number (t, p, 4, &y, &p) || y < 1990 || y > 2099)
        continue;
      /* 'năm 2021 – 2026' is a range */
      while (p < t->fold_len && t->fold[p] == ' ')
        p++;
      if (p < t->fold_len && t->fold[p] == '-')
        continue;

      if (vankho_extract_text_prev_word (t, i, &ws, &we))
        for (guint k = 0; future[k] != NULL; k++)
          if (vankho_extract_text_match_back (t, i, future[k], NULL))
            skip = TRUE;
      if (skip)
        continue;

      seen[y - 1900] = TRUE;
      best = MAX (best, y);
    }

  /* Held late in the year, a text that reviews Y and plans Y+1 is from Y. */
  if (best != 0 && month >= 10 && seen[best - 1 - 1900])
    return best - 1;

  return best;
}

/**
 * vankho_date_extractor_run:
 * @header_date: the archive's ' date YYYY-MM' header (precision unknown if none)
 * @feed_date: the feed entry's date (precision unknown if none)
 *
 * Guesses the publication date. The text's own dateline wins; a year it
 * leaves out comes from page furniture, the feed, the site's clock, the
 * header or the text's context, each less sure.
 */
void
vankho_date_extractor_run (const VankhoExtractText *t,
                           const VankhoDate        *header_date,
                           const VankhoDate        *feed_date,
                           VankhoDateGuess         *guess)
{
  Found dateline = { FALSE, };
  Found issued = { FALSE, };
  Found meta = { FALSE, };
  Found meta_weak = { FALSE, };
  Found clock = { FALSE, };
  gsize pos = 0;
  guint lines = 0;
  gboolean have_header = header_date != NULL && header_date->precision >= VANKHO_DATE_PRECISION_MONTH;
  gboolean have_feed = feed_date != NULL && feed_date->precision >= VANKHO_DATE_PRECISION_MONTH;

  memset (guess, 0, sizeof *guess);

  while (pos < t->fold_len && pos < LEAD_BYTES && lines < LEAD_LINES)
    {
      gsize eol = pos;

      parse_line (t, pos, &dateline, &issued, &meta, &meta_weak, &clock);
      if (dateline.found)
        break;

      while (eol < t->fold_len && t->fold[eol] != '\n')
        eol++;
      if (eol - pos > 0 && t->fold[pos] != '\n')
        lines++;
      pos = eol + 1;
    }

  if (!meta.found)
    meta = meta_weak;
  /* Without a dateline of its own, the news is the document's issue. */
  if (!dateline.found)
    dateline = issued;

  if (dateline.found && dateline.year != 0)
    {
      vankho_date_set (&guess->date, dateline.year, dateline.month, dateline.day);
      guess->confidence = 0.95;
      return;
    }

  if (dateline.found)
    {
      guint y = 0;

      if (meta.found)
        {
          y = year_before (dateline.day, dateline.month, meta.year, meta.month, meta.day);
          guess->confidence = 0.9;
        }
      else if (have_feed)
        {
          y = year_before (dateline.day, dateline.month, feed_date->year, feed_date->month,
                           feed_date->precision == VANKHO_DATE_PRECISION_DAY ? feed_date->day : 0);
          guess->confidence = 0.85;
          guess->inferred = TRUE;
        }
      else if (clock.found)
        {
          y = year_before (dateline.day, dateline.month, clock.year, clock.month, clock.day);
          guess->confidence = 0.85;
          guess->inferred = TRUE;
        }
      else if (have_header)
        {
          y = year_before (dateline.day, dateline.month, header_date->year, header_date->month, 0);
          guess->confidence = dateline.month == header_date->month ? 0.85 : 0.65;
          guess->inferred = TRUE;
        }
      else if ((y = context_year (t, dateline.month)) != 0)
        {
          guess->confidence = 0.5;
          guess->inferred = TRUE;
        }

      if (y != 0 && vankho_date_set (&guess->date, y, dateline.month, dateline.day))
        return;

      memset (guess, 0, sizeof *guess);
    }

  if (meta.found && vankho_date_set (&guess->date, meta.year, meta.month, meta.day))
    {
      guess->confidence = 0.8;
      return;
    }

  if (have_feed)
    {
      guess->date = *feed_date;
      guess->confidence = 0.8;
      guess->inferred = TRUE;
      return;
    }

  if (have_header)
    {
      vankho_date_set (&guess->date, header_date->year, header_date->month, 0);
      guess->confidence = 0.6;
      guess->inferred = TRUE;
      return;
    }
}
