/* gen-corpus.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writes a synthetic archive of Vietnamese provincial security news for the
 * benchmarks:
 *
 *   gen-corpus --count 100000 --seed 1 --output DIR [--provinces provinces-63.tsv]
 *
 * DIR/NNN/NNNNNNN.txt, 1 000 files a folder, in the seeds' format: a
 * ' date YYYY-MM' line, a headline, then paragraphs opening with a dateline
 * ('Sáng 27/02/2023, Đảng uỷ Công an tỉnh Gia Lai…') and ending with a byline.
 * The same seed gives the same bytes on every machine: the generator has its
 * own PRNG and never reads the clock or the locale.
 *
 * What makes it look like the archive:
 * - lengths drawn from a log-normal (median 600 words, 300–8 000, long tail);
 *   --short gives ~150-word articles for the 1 000 000-article run;
 * - a few hundred real words and phrases of the domain, then a Zipf-ranked
 *   tail of made-up but well-formed syllables with tone marks, so the index
 *   has a realistic vocabulary (tens of thousands of terms, most of them rare);
 * - 'uỷ' and 'ủy' (and thuỷ/thủy, tuỳ/tùy) spelt both ways, per article;
 * - no-break spaces between 'số' and a number, and inside dates;
 * - the 63 provinces (from provinces-63.tsv), outlets' marks ('BBK - ');
 * - citations of real documents (12-NQ/TW, 12-NQ/ĐUCA, 11/CT-BCA, 90-QĐ/TW,
 *   30/2023/QH15…) in full and short forms, and local plans with numbers;
 * - 2 % exact duplicates of an earlier article (what a re-import looks like).
 */

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

/* splitmix64: tiny, good enough, and the same everywhere. */
typedef struct { guint64 s; } Rng;

static guint64
rng_next (Rng *rng)
{
  guint64 z = (rng->s += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static guint
rng_int (Rng *rng, guint n)
{
  return n ? (guint) (rng_next (rng) % n) : 0;
}

static double
rng_double (Rng *rng)
{
  return (rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

static double
rng_normal (Rng *rng)
{
  double u = rng_double (rng), v = rng_double (rng);

  return sqrt (-2.0 * log (u + 1e-300)) * cos (2.0 * G_PI * v);
}

/* ---- reference data ---------------------------------------------------- */

typedef struct { char *name; gboolean city; } Province;

static GPtrArray *provinces;

static const char * const fallback_provinces[] = {
  "Gia Lai", "Nghệ An", "Đồng Tháp", "Bắc Kạn", "Thanh Hóa", "Quảng Ninh", "Đắk Lắk",
  "Lâm Đồng", "Bình Định", "Hà Tĩnh", "Sơn La", "Kiên Giang", NULL
};

static void
load_provinces (const char *path)
{
  g_autofree char *contents = NULL;

  provinces = g_ptr_array_new ();
  if (path != NULL && g_file_get_contents (path, &contents, NULL, NULL))
    {
      g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

      for (guint i = 0; lines[i]; i++)
        {
          g_auto(GStrv) f = NULL;
          Province *p;

          if (lines[i][0] == '#' || lines[i][0] == '\0' || g_str_has_prefix (lines[i], "code\t"))
            continue;
          f = g_strsplit (lines[i], "\t", -1);
          if (g_strv_length (f) < 3)
            continue;
          p = g_new0 (Province, 1);
          p->name = g_strdup (f[1]);
          p->city = g_str_equal (f[2], "tp");
          g_ptr_array_add (provinces, p);
        }
    }

  if (provinces->len == 0)
    for (guint i = 0; fallback_provinces[i]; i++)
      {
        Province *p = g_new0 (Province, 1);
        p->name = g_strdup (fallback_provinces[i]);
        g_ptr_array_add (provinces, p);
      }
}

typedef struct { const char *full; const char *shorter; } Document;

static const Document documents[] = {
  { "Nghị quyết số@12-NQ/TW ngày 16/3/2022 của Bộ Chính trị", "Nghị quyết số@12 của Bộ Chính trị" },
  { "Nghị quyết số@12-NQ/ĐUCA ngày 25/7/2022 của Đảng ủy Công an Trung ương", "Nghị quyết số@12 ngày 25/7/2022 của Đảng ủy Công an Trung ương" },
  { "Chỉ thị số@11/CT-BCA ngày 28/10/2022 của Bộ trưởng Bộ Công an", "Chỉ thị số@11 của Bộ trưởng Bộ Công an" },
  { "Quyết định số@90-QĐ/TW ngày 6/12/2022 của Ban Bí thư", "Quyết định số@90-QĐ/TW" },
  { "Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở (Luật số@30/2023/QH15)", "Luật số@30/2023/QH15" },
  { "Kế hoạch số@118-KH/ĐUCA ngày 25/5/2022 của Đảng ủy Công an Trung ương", "Kế hoạch số@118-KH/ĐUCA" },
  { "Nghị quyết số@16-NQ/ĐUCA của Đảng ủy Công an Trung ương", "Nghị quyết số@16-NQ/ĐUCA" },
};

static const char * const outlets[] = { "BBK", "ĐTO", "(Baonghean.vn)", "(Congan.nghean.gov.vn)", "CAND", "BGL" };

static const char * const given_names[] = {
  "Ngọc Ánh", "Minh Trung", "Thanh Hương", "Quốc Bảo", "Hải Long", "Thu Trang", "Văn Hùng",
  "Đức Anh", "Phương Thảo", "Hoàng Nam", "Thùy Linh", "Mạnh Cường", "Bích Ngọc", "Tuấn Kiệt",
};

static const char * const surnames[] = {
  "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
};

static const char * const events[] = {
  "Hội nghị sơ kết 1 năm thực hiện", "Hội nghị sơ kết 2 năm thực hiện", "Hội nghị tổng kết 5 năm thực hiện",
  "Hội nghị quán triệt, triển khai", "Hội nghị giao ban công tác triển khai", "Hội nghị học tập, quán triệt",
};

static const char * const times_of_day[] = { "Sáng", "Chiều", "Sáng nay", "Chiều nay", "Ngày", "Sáng ngày", "Tối" };

/* What the archive's sentences are made of: frequent phrases of the domain.
 * '%U' is a 'uỷ' spelt the article's way, '%T' 'thuỷ', '%Y' 'tuỳ'.
 */
static const char * const phrases[] = {
  "công an", "lực lượng", "an ninh", "trật tự", "cơ sở", "xây dựng", "trong sạch", "vững mạnh",
  "chính quy", "tinh nhuệ", "hiện đại", "nhiệm vụ", "tình hình mới", "Đảng %U", "Tỉnh %U",
  "Ban Thường vụ", "cán bộ", "chiến sĩ", "chiến sỹ", "địa bàn", "phòng, chống tội phạm", "quần chúng",
  "Công an xã", "thị trấn", "chính quyền", "nhân dân", "phối hợp", "lãnh đạo", "chỉ đạo", "triển khai",
  "thực hiện", "kết quả", "đạt được", "hạn chế", "khó khăn", "giải pháp", "đồng bộ", "hiệu quả",
  "bảo đảm", "tuyệt đối", "an toàn", "giao thông", "ma túy", "ma tuý", "tín dụng đen", "lừa đảo",
  "không gian mạng", "cải cách hành chính", "căn cước", "định danh điện tử", "dữ liệu dân cư",
  "Đề án 06", "chuyển đổi số", "mô hình", "tự quản", "khu dân cư", "tổ an ninh", "bảo vệ",
  "đồng chí", "Bí thư", "Phó Bí thư", "Chủ tịch", "UBND tỉnh", "Giám đốc", "Phó Giám đốc",
  "Thượng tá", "Đại tá", "Trung tá", "Thiếu tướng", "Ủy viên", "Uỷ viên", "Hội đồng nhân dân",
  "Mặt trận Tổ quốc", "đoàn thể", "ban, ngành", "địa phương", "đơn vị", "huyện", "thị xã", "thành phố",
  "của", "và", "các", "trong", "với", "đã", "được", "cho", "những", "theo", "về", "để", "từ", "đến",
  "tại", "trên", "năm", "tháng", "người", "tiếp tục", "đẩy mạnh", "nâng cao", "chất lượng", "tăng cường",
  "công tác", "kiểm tra", "giám sát", "kỷ luật", "thủ tục", "hồ sơ", "trang thiết bị", "hạ tầng",
  "đào tạo", "bồi dưỡng", "giáo dục", "chính trị", "tư tưởng", "đội ngũ", "tổ chức", "bộ máy",
  "tinh gọn", "khen thưởng", "tập thể", "cá nhân", "thành tích", "xuất sắc", "phong trào",
  "Toàn dân bảo vệ an ninh Tổ quốc", "thủy lợi", "thuỷ lợi", "tùy theo", "tuỳ theo", "huỷ bỏ", "hủy bỏ",
  "Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở", "camera an ninh", "tuần tra", "kiểm soát",
};

/* Made-up syllables for the long tail: onset + rhyme + tone, composed with
 * combining marks and normalised to NFC like real text.
 */
static const char * const onsets[] = {
  "", "b", "c", "ch", "d", "đ", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng", "nh", "ph", "qu",
  "r", "s", "t", "th", "tr", "v", "x",
};
static const char * const rhymes[] = {
  "a", "ai", "an", "ang", "anh", "ao", "at", "ac", "ach", "ay", "âu", "ân", "âng", "ât", "ăn",
  "ăng", "ăt", "e", "en", "eo", "et", "ê", "ên", "ênh", "êt", "i", "in", "inh", "it", "iêu",
  "iên", "iêt", "o", "oi", "on", "ong", "ot", "oc", "oa", "oan", "oang", "ô", "ôi", "ôn", "ông",
  "ôt", "ơ", "ơi", "ơn", "ơt", "u", "ui", "un", "ung", "ut", "uc", "uân", "uy", "uyên", "ư",
  "ưa", "ưng", "ươc", "ương", "ươi", "ưu",
};
static const char * const tones[] = { "", "\xcc\x80", "\xcc\x81", "\xcc\x83", "\xcc\x89", "\xcc\xa3" };

#define N_TAIL 60000

static char **tail_words;
static double *tail_cdf;

static void
build_tail (Rng *rng)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  double total = 0;
  guint n = 0;

  tail_words = g_new0 (char *, N_TAIL);
  tail_cdf = g_new0 (double, N_TAIL);

  while (n < N_TAIL)
    {
      const char *onset = onsets[rng_int (rng, G_N_ELEMENTS (onsets))];
      const char *rhyme = rhymes[rng_int (rng, G_N_ELEMENTS (rhymes))];
      const char *tone = tones[rng_int (rng, G_N_ELEMENTS (tones))];
      const char *last = g_utf8_prev_char (rhyme + strlen (rhyme));
      const char *tone_at;
      GString *word = g_string_new (onset);
      char *nfc;

      /* The mark goes after the last vowel of the rhyme, or the first of
       * an open two-vowel rhyme ('ai', 'ao'): close enough to the rules. */
      tone_at = rhyme;
      for (const char *p = rhyme; *p; p = g_utf8_next_char (p))
        if (strchr ("cghmnpt", *p) == NULL)
          tone_at = p;
      if (last == tone_at && tone_at != rhyme && strchr ("cghmnpt", *last) == NULL &&
          g_utf8_strlen (rhyme, -1) == 2)
        tone_at = rhyme;
      tone_at = g_utf8_next_char (tone_at);
      g_string_append_len (word, rhyme, tone_at - rhyme);
      g_string_append (word, tone);
      g_string_append (word, tone_at);

      /* Two-syllable compounds make most of the rare words. */
      if (rng_int (rng, 3) == 0)
        {
          g_string_append_c (word, ' ');
          g_string_append (word, onsets[rng_int (rng, G_N_ELEMENTS (onsets))]);
          g_string_append (word, rhymes[rng_int (rng, G_N_ELEMENTS (rhymes))]);
        }

      nfc = g_utf8_normalize (word->str, -1, G_NORMALIZE_NFC);
      g_string_free (word, TRUE);
      if (g_hash_table_contains (seen, nfc))
        {
          g_free (nfc);
          continue;
        }
      g_hash_table_add (seen, nfc);
      tail_words[n] = nfc;
      total += 1.0 / pow (n + 10, 1.05);
      tail_cdf[n] = total;
      n++;
    }

  for (guint i = 0; i < N_TAIL; i++)
    tail_cdf[i] /= total;
}

static const char *
zipf_word (Rng *rng)
{
  double u = rng_double (rng);
  guint lo = 0, hi = N_TAIL - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (tail_cdf[mid] < u)
        lo = mid + 1;
      else
        hi = mid;
    }
  return tail_words[lo];
}

/* ---- articles ---------------------------------------------------------- */

typedef struct
{
  Rng         rng;
  GString    *out;
  const char *uy;       /* this article's spelling */
  const char *thuy;
  const char *tuy;
  Province   *province;
  int         year, month, day;
  guint       words;
} Article;

static void
append_phrase (Article    *a,
               const char *phrase)
{
  for (const char *p = phrase; *p; p++)
    {
      if (*p == '%' && p[1] == 'U')
        g_string_append (a->out, a->uy), p++;
      else if (*p == '%' && p[1] == 'T')
        g_string_append (a->out, a->thuy), p++;
      else if (*p == '%' && p[1] == 'Y')
        g_string_append (a->out, a->tuy), p++;
      else if (*p == '@')
        /* 'số 12': a no-break space, as pasted from the web. */
        g_string_append (a->out, rng_int (&a->rng, 3) == 0 ? "\xc2\xa0" : " ");
      else
        {
          if (*p == ' ')
            a->words++;
          g_string_append_c (a->out, *p);
        }
    }
  a->words++;
}

static void
append_province (Article *a, Province *p)
{
  g_string_append (a->out, p->city ? "thành phố " : "tỉnh ");
  g_string_append (a->out, p->name);
  a->words += 3;
}

static void
append_date (Article *a, int day, int month, int year)
{
  g_string_append_printf (a->out, rng_int (&a->rng, 2) ? "%d/%d/%d" : "%02d/%02d/%d", day, month, year);
  a->words++;
}

static void
append_document (Article *a)
{
  const Document *d = &documents[rng_int (&a->rng, G_N_ELEMENTS (documents))];

  if (rng_int (&a->rng, 8) == 0)
    {
      /* A local plan: many distinct documents, as in a real archive. */
      g_string_append_printf (a->out, "Kế hoạch số %u/KH-CAT ngày %d/%d/%d của Công an tỉnh",
                              1 + rng_int (&a->rng, 400), 1 + rng_int (&a->rng, 28),
                              1 + rng_int (&a->rng, 12), a->year);
      a->words += 9;
      return;
    }
  append_phrase (a, rng_int (&a->rng, 2) ? d->full : d->shorter);
}

static void
append_sentence (Article *a)
{
  guint kind = rng_int (&a->rng, 10);
  guint n = 8 + rng_int (&a->rng, 22);
  gboolean first = TRUE;

  if (kind == 0)
    {
      g_string_append (a->out, "Thực hiện ");
      a->words += 2;
      append_document (a);
      g_string_append_c (a->out, ',');
      first = FALSE;
    }
  else if (kind == 1)
    {
      g_string_append (a->out, "Công an ");
      append_province (a, rng_int (&a->rng, 4) ? a->province
                       : g_ptr_array_index (provinces, rng_int (&a->rng, provinces->len)));
      first = FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      const char *w;
      gsize at = a->out->len;

      if (!first)
        g_string_append_c (a->out, ' ');
      if (rng_int (&a->rng, 100) < 62)
        w = phrases[rng_int (&a->rng, G_N_ELEMENTS (phrases))];
      else
        w = zipf_word (&a->rng);
      append_phrase (a, w);

      if (first)
        {
          /* Sentences begin with a capital letter. */
          gunichar c = g_utf8_get_char (a->out->str + at);
          char buf[8];
          int len = g_unichar_to_utf8 (g_unichar_toupper (c), buf);

          g_string_erase (a->out, at, g_utf8_skip[(guchar) a->out->str[at]]);
          g_string_insert_len (a->out, at, buf, len);
          first = FALSE;
        }
      if (i + 1 < n && rng_int (&a->rng, 9) == 0)
        g_string_append_c (a->out, ',');
    }

  if (kind == 2)
    {
      g_string_append (a->out, " theo ");
      append_document (a);
    }
  else if (kind == 3)
    {
      g_string_append_printf (a->out, " với %u", 2 + rng_int (&a->rng, 3000));
      a->words += 2;
    }
  g_string_append (a->out, rng_int (&a->rng, 20) ? ". " : "; ");
}

static guint
pick_length (Rng *rng, gboolean short_articles)
{
  double words;

  if (short_articles)
    words = 150.0 * exp (0.25 * rng_normal (rng));
  else
    words = 600.0 * exp (0.75 * rng_normal (rng));

  return CLAMP ((guint) words, short_articles ? 60 : 300, 8000);
}

static void
write_article (Article  *a,
               gboolean  short_articles)
{
  guint target = pick_length (&a->rng, short_articles);
  const char *outlet = rng_int (&a->rng, 3) == 0 ? outlets[rng_int (&a->rng, G_N_ELEMENTS (outlets))] : NULL;
  guint paragraph = 0;

  g_string_append_printf (a->out, " date %04d-%02d\n", a->year, a->month);

  /* Headline: no final stop, so the importer takes it as the title. */
  g_string_append (a->out, events[rng_int (&a->rng, G_N_ELEMENTS (events))]);
  g_string_append_c (a->out, ' ');
  append_document (a);
  g_string_append (a->out, " tại ");
  append_province (a, a->province);
  g_string_append (a->out, "\n\n");

  /* Dateline: 'Sáng 27/02/2023, Đảng uỷ Công an tỉnh …' or 'Sáng nay (31.8), …'. */
  if (outlet != NULL)
    g_string_append_printf (a->out, "%s - ", outlet);
  if (rng_int (&a->rng, 4) == 0)
    g_string_append_printf (a->out, "%s (%d.%d), ", rng_int (&a->rng, 2) ? "Sáng nay" : "Chiều nay",
                            a->day, a->month);
  else
    {
      g_string_append (a->out, times_of_day[rng_int (&a->rng, G_N_ELEMENTS (times_of_day))]);
      g_string_append_c (a->out, ' ');
      append_date (a, a->day, a->month, a->year);
      g_string_append (a->out, ", ");
    }
  append_phrase (a, "Đảng %U Công an");
  g_string_append_c (a->out, ' ');
  append_province (a, a->province);
  g_string_append (a->out, " tổ chức ");
  g_string_append (a->out, events[rng_int (&a->rng, G_N_ELEMENTS (events))]);
  g_string_append_c (a->out, ' ');
  append_document (a);
  g_string_append (a->out, ". ");

  while (a->words < target)
    {
      append_sentence (a);
      if (++paragraph % (3 + rng_int (&a->rng, 4)) == 0)
        {
          while (a->out->len > 0 && a->out->str[a->out->len - 1] == ' ')
            g_string_truncate (a->out, a->out->len - 1);
          g_string_append (a->out, "\n\n");
          paragraph = 0;
        }
    }

  while (a->out->len > 0 && (a->out->str[a->out->len - 1] == ' ' || a->out->str[a->out->len - 1] == '\n'))
    g_string_truncate (a->out, a->out->len - 1);

  /* Byline. */
  g_string_append_printf (a->out, "\n\n%s", given_names[rng_int (&a->rng, G_N_ELEMENTS (given_names))]);
  if (rng_int (&a->rng, 2))
    g_string_append_printf (a->out, " – %s %s", surnames[rng_int (&a->rng, G_N_ELEMENTS (surnames))],
                            given_names[rng_int (&a->rng, G_N_ELEMENTS (given_names))]);
  g_string_append_c (a->out, '\n');
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *provinces_path = NULL;
  gint64 seed = 1;
  int count = 1000;
  gboolean short_articles = FALSE;
  GPtrArray *kept;     /* texts duplicates may copy, a bounded window */
  guint64 total_bytes = 0;
  guint n_duplicates = 0;
  Rng rng;
  GOptionEntry entries[] = {
    { "count", 'n', 0, G_OPTION_ARG_INT, &count, "Number of articles", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Seed", "S" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Folder to write to", "DIR" },
    { "provinces", 0, 0, G_OPTION_ARG_FILENAME, &provinces_path, "provinces-63.tsv", "FILE" },
    { "short", 0, 0, G_OPTION_ARG_NONE, &short_articles, "~150-word articles", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("- write a synthetic corpus of Vietnamese news");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (output == NULL || count <= 0)
    {
      g_printerr ("usage: gen-corpus --count N --seed S --output DIR\n");
      return 2;
    }

#ifdef PROVINCES_TSV
  if (provinces_path == NULL)
    provinces_path = g_strdup (PROVINCES_TSV);
#endif
  load_provinces (provinces_path);

  rng.s = (guint64) seed * G_GUINT64_CONSTANT (0x2545F4914F6CDD1D) + 1;
  build_tail (&rng);

  if (g_mkdir_with_parents (output, 0755) != 0)
    {
      g_printerr ("Cannot create %s\n", output);
      return 1;
    }

  kept = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < count; i++)
    {
      g_autofree char *dir = g_strdup_printf ("%s/%03d", output, i / 1000);
      g_autofree char *path = g_strdup_printf ("%s/%07d.txt", dir, i);
      Article a = { 0 };
      const char *text;
      gsize len;

      if (i % 1000 == 0 && g_mkdir_with_parents (dir, 0755) != 0)
        {
          g_printerr ("Cannot create %s\n", dir);
          return 1;
        }

      /* Each article has its own stream: article i is the same whatever N. */
      a.rng.s = rng.s ^ ((guint64) (i + 1) * G_GUINT64_CONSTANT (0xD1B54A32D192ED03));

      if (kept->len > 0 && rng_int (&a.rng, 100) < 2)
        {
          text = g_ptr_array_index (kept, rng_int (&a.rng, kept->len));
          len = strlen (text);
          n_duplicates++;
        }
      else
        {
          gboolean uy_first = rng_int (&a.rng, 2);

          a.out = g_string_sized_new (8192);
          a.uy = uy_first ? "uỷ" : "ủy";
          a.thuy = uy_first ? "thuỷ" : "thủy";
          a.tuy = uy_first ? "tuỳ" : "tùy";
          a.province = g_ptr_array_index (provinces, rng_int (&a.rng, provinces->len));
          a.year = 2018 + rng_int (&a.rng, 8);
          a.month = 1 + rng_int (&a.rng, a.year == 2025 ? 6 : 12);
          a.day = 1 + rng_int (&a.rng, 28);
          write_article (&a, short_articles);

          /* Keep a bounded window of recent texts for duplicates to copy. */
          if (kept->len < 256)
            g_ptr_array_add (kept, g_strdup (a.out->str));
          else
            {
              guint slot = rng_int (&a.rng, 256);
              g_free (kept->pdata[slot]);
              kept->pdata[slot] = g_strdup (a.out->str);
            }
          text = a.out->str;
          len = a.out->len;
        }

      /* No fsync: this is scratch data, and 100 000 syncs would dominate. */
      if (!g_file_set_contents_full (path, text, len, G_FILE_SET_CONTENTS_NONE, 0644, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      total_bytes += len;
      if (a.out != NULL)
        g_string_free (a.out, TRUE);
    }

  g_printerr ("gen-corpus: %d articles (%u duplicates), %" G_GUINT64_FORMAT " bytes in %s\n",
              count, n_duplicates, total_bytes, output);

  g_ptr_array_unref (kept);
  return 0;
}
