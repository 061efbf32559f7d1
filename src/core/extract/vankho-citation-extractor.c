/* vankho-citation-extractor.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Which documents an article cites. A citation starts with a kind ('Nghị
 * quyết', 'Chỉ thị', 'Quy chế phối hợp'…), then 'số' and a symbol
 * ('12-NQ/TW', '11/CT-BCA', '30/2023/QH15') or a bare number, then perhaps
 * 'ngày d/m/yyyy' and 'của' + issuer. Laws are also cited by name. Each
 * mention resolves to one document key (see vankho-catalogue.c): a full
 * symbol is the key; a number with an issuer or a date is looked up in
 * the catalogue or given the symbol it would have; a bare short mention
 * ('Nghị quyết 12') takes the key of the same kind and number cited in full
 * elsewhere in the article. Issuer and date keep 12-NQ/TW (Bộ Chính trị,
 * 16/3/2022) apart from 12-NQ/ĐUCA (Đảng ủy Công an Trung ương, 25/7/2022).
 */

#include "config.h"

#include <string.h>

#include "vankho-citation-extractor.h"
#include "vankho-date-extractor.h"
#include "vankho-place-extractor.h"

#define MAX_NAME_WORDS 16

/* Words that may stand between a kind and 'số': 'Quy chế phối hợp số 426',
 * 'Kế hoạch liên tịch số 01', 'Chương trình hành động số 20'.
 */
#define MAX_DESCRIPTOR_WORDS 3

/* Issuers of Party documents, for '12/NQ-TW', a common misspelling of
 * '12-NQ/TW'.
 */
static const char * const party_issuers[] = {
  "tw", "duca", "tu", "hu", "du", "duk", "ducat", "bcstw", NULL,
};

/* Issuers every province has: keys of their documents carry the province. */
static const char * const local_issuers[] = {
  "tu", "hu", "du", "ducat", "duk", "ubnd", "hdnd", "cat", "cah", "tx", "qu",
  "thu", "bcd", NULL,
};

/* Words that end a law's name when it is not in the catalogue. */
static const char * const law_stops[] = {
  "so", "va", "cua", "duoc", "da", "co", "de", "nham", "theo", "tai", "trong",
  "cho", "voi", "la", "nay", "moi", "ve", "thi", "tu", "den", "khi", "sau",
  "cac", "nhung", "dang", "se", "vua", "nam", "gom", "quy", "tren", NULL,
};

typedef struct
{
  gsize        start, end;        /* the mention, folded */
  gsize        tail_end;
  const char  *prefix;            /* of the kind */
  const char  *kind;              /* display */
  char        *number;            /* as written */
  char        *symbol;            /* canonical display, nullable */
  char        *symbol_key;        /* folded canonical, nullable */
  char        *issuer_code;       /* folded, nullable */
  const char  *issuer_display;
  gboolean     issuer_local;
  gboolean     issuer_party;
  int          issuer_province;   /* index, or -1 */
  VankhoDate   date;
  char        *key;               /* resolved */
  char        *fixed_key;         /* laws by name, unnumbered resolutions */
  char        *name_key;          /* a numbered law's key by its name */
  guint        same_as;           /* 'Nghị quyết này': 1 + that mention's index, or 0 */
  double       confidence;
  const VankhoDocument *doc;
} Mention;

/* How many mentions before and after a short one are searched for its
 * full citation. */
#define SHORT_REACH 256

static void
mention_clear (gpointer data)
{
  Mention *m = data;

  g_free (m->number);
  g_free (m->symbol);
  g_free (m->symbol_key);
  g_free (m->issuer_code);
  g_free (m->key);
  g_free (m->fixed_key);
  g_free (m->name_key);
}

static gboolean
is_alpha (char c)
{
  return c >= 'a' && c <= 'z';
}

static gsize
read_letters (const VankhoExtractText *t,
              gsize                    pos,
              gsize                    max)
{
  gsize p = pos;

  while (p < t->fold_len && p - pos <= max && vankho_extract_is_alnum (t->fold[p]))
    p++;
  if (p - pos > max || p == pos || !is_alpha (t->fold[pos]))
    return pos;
  return p;
}

/* The letters as the symbol should show them: upper case, 'Đ' for 'Ð',
 * 'TTg' and 'CTr' as the rules write them.
 */
static char *
display_letters (const VankhoExtractText *t,
                 gsize                    start,
                 gsize                    end)
{
  g_autofree char *orig = vankho_extract_text_orig_dup (t, start, end);
  g_autofree char *up = g_utf8_strup (orig, -1);
  GString *out = g_string_new (NULL);
  g_autofree char *folded = g_strndup (t->fold + start, end - start);

  if (strcmp (folded, "ttg") == 0)
    return g_strdup ("TTg");
  if (strcmp (folded, "ctr") == 0)
    return g_strdup ("CTr");

  for (const char *p = up; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x00D0)
        c = 0x0110;
      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* As display_letters(), each part between dashes: 'BQP-BTC'. */
static char *
display_segments (const VankhoExtractText *t,
                  gsize                    start,
                  gsize                    end)
{
  GString *out = g_string_new (NULL);

  for (gsize s = start; s < end;)
    {
      gsize e = s;
      g_autofree char *part = NULL;

      while (e < end && t->fold[e] != '-')
        e++;
      part = display_letters (t, s, e);
      g_string_append_printf (out, "%s%s", out->len > 0 ? "-" : "", part);
      s = e + 1;
    }

  return g_string_free (out, FALSE);
}

static char *
strip_zeros (const char *number)
{
  while (number[0] == '0' && number[1] != '\0')
    number++;
  return g_strdup (number);
}

/* A separator inside a symbol at @pos: @sep, with the spaces or the line
 * break that typing and copying put around it ('12- NQ/TW', '90-QĐ/
 * TW'). Sets @after to what follows it.
 */
static gboolean
read_separator (const VankhoExtractText *t,
                gsize                    pos,
                char                     sep,
                gsize                   *after)
{
  gsize p = pos;
  guint blanks = 0;
  gboolean newline = FALSE;

  for (guint side = 0; side < 2; side++)
    {
      for (; p < t->fold_len && (t->fold[p] == ' ' || t->fold[p] == '\n'); p++)
        {
          if (t->fold[p] == '\n' && newline)
            return FALSE;   /* a paragraph break */
          newline |= t->fold[p] == '\n';
          if (++blanks > 2)
            return FALSE;
        }
      if (side == 0)
        {
          if (p >= t->fold_len || t->fold[p] != sep)
            return FALSE;
          p++;
        }
    }

  *after = p;
  return TRUE;
}

/* After a citation ending at @pos, another symbol of a list: ', 18-NQ/TW',
 * ' và 18-NQ/TW', '; số 19-NQ/TW'. Sets @next to its first digit.
 */
static gboolean
next_in_list (const VankhoExtractText *t,
              gsize                    pos,
              gsize                   *next)
{
  gsize p = vankho_extract_text_skip_blank (t, pos);
  gsize e;
  gboolean joined = FALSE;

  if (p < t->fold_len && (t->fold[p] == ',' || t->fold[p] == ';'))
    {
      p = vankho_extract_text_skip_blank (t, p + 1);
      joined = TRUE;
    }
  if (vankho_extract_text_match (t, p, "va", &e))
    {
      p = vankho_extract_text_skip_blank (t, e);
      joined = TRUE;
    }
  if (!joined)
    return FALSE;
  if (vankho_extract_text_match (t, p, "so", &e))
    p = vankho_extract_text_skip_blank (t, e);
  if (p >= t->fold_len || !vankho_extract_is_digit (t->fold[p]))
    return FALSE;
  *next = p;
  return TRUE;
}

/* 'TƯ' and 'T.Ư' for Trung ương, where the symbol has 'TW': folded, the
 * first is 'tu', Tỉnh ủy's letters. Moves @end past 'T.Ư'.
 */
static gboolean
writes_central (const VankhoExtractText *t,
                gsize                    start,
                gsize                   *end)
{
  g_autofree char *orig = NULL;

  if (*end - start == 1 && t->fold[start] == 't' && start + 2 < t->fold_len
      && t->fold[start + 1] == '.' && t->fold[start + 2] == 'u'
      && (start + 3 >= t->fold_len || !vankho_extract_is_alnum (t->fold[start + 3])))
    {
      *end = start + 3;
      return TRUE;
    }
  if (*end - start != 2 || t->fold[start] != 't' || t->fold[start + 1] != 'u')
    return FALSE;
  orig = vankho_extract_text_orig_dup (t, start, *end);
  return strstr (orig, "Ư") != NULL || strstr (orig, "ư") != NULL;
}

/* Reads a symbol or a bare number at @pos into @m. */
static gboolean
parse_symbol (VankhoCatalogue         *cat,
              const VankhoExtractText *t,
              gsize                    pos,
              Mention                 *m,
              gsize                   *end)
{
  guint num, year = 0;
  gsize p, q, kind_s = 0, kind_e = 0, iss_s = 0, iss_e = 0, suf_s = 0, suf_e = 0;
  gsize num_end;
  gboolean party = FALSE, state = FALSE, law = FALSE, central = FALSE;
  g_autofree char *num_str = NULL;

  if (!vankho_extract_text_read_number (t, pos, 5, &num, &p))
    return FALSE;
  num_end = p;
  num_str = g_strndup (t->fold + pos, p - pos);

  if (read_separator (t, p, '-', &q) && q < t->fold_len && is_alpha (t->fold[q]))
    {
      /* 12-NQ/TW, 118-KH/ĐUCA, 90-QĐ/TW */
      kind_s = q;
      kind_e = read_letters (t, kind_s, 4);
      if (kind_e > kind_s && read_separator (t, kind_e, '/', &iss_s)
          && (iss_e = read_letters (t, iss_s, 8)) > iss_s)
        {
          party = TRUE;
          central = writes_central (t, iss_s, &iss_e);
          p = iss_e;
        }
      else
        kind_s = kind_e = iss_s = 0;
    }
  else if (p + 1 < t->fold_len && t->fold[p] == '/' && vankho_extract_is_alnum (t->fold[p + 1]))
    {
      guint y;

      if (vankho_extract_text_read_number (t, p + 1, 4, &y, &q) && q - (p + 1) == 4
          && q + 1 < t->fold_len && t->fold[q] == '/')
        {
          /* 30/2023/QH15, 15/2024/NĐ-CP */
          year = y;
          iss_s = q + 1;
          iss_e = read_letters (t, iss_s, 10);
          if (iss_e > iss_s && g_str_has_prefix (t->fold + iss_s, "qh"))
            {
              law = TRUE;
              p = iss_e;
            }
          else if (iss_e > iss_s && iss_e + 1 < t->fold_len && t->fold[iss_e] == '-')
            {
              kind_s = iss_s;
              kind_e = iss_e;
              iss_s = iss_e + 1;
              iss_e = read_letters (t, iss_s, 10);
              if (iss_e > iss_s)
                {
                  state = TRUE;
                  p = iss_e;
                }
            }
          else if (iss_e > iss_s && g_str_has_prefix (t->fold + iss_s, "ubtvqh"))
            {
              /* Resolutions of the NA Standing Committee: 1234/2023/UBTVQH15 */
              state = TRUE;
              p = iss_e;
            }
        }
      else if ((kind_e = read_letters (t, p + 1, 4)) > p + 1
               && kind_e + 1 < t->fold_len
               && (t->fold[kind_e] == '-' || t->fold[kind_e] == '/'))
        {
          /* 11/CT-BCA, 1234/QĐ-UBND, and 12/NQ-TW written for 12-NQ/TW */
          kind_s = p + 1;
          iss_s = kind_e + 1;
          iss_e = read_letters (t, iss_s, 8);
          if (iss_e > iss_s)
            {
              g_autofree char *iss = g_strndup (t->fold + iss_s, iss_e - iss_s);

              if (g_strv_contains (party_issuers, iss))
                party = TRUE;
              else
                state = TRUE;
              p = iss_e;
            }
        }
    }

  if (party || state)
    {
      /* Unit suffixes (03/CT-BCA-X11) and the other issuers of a joint
       * document (02/2016/TTLT-BCA-BQP-BTC), in capitals. */
      for (guint n = 0; n < 4 && p + 1 < t->fold_len && t->fold[p] == '-'
                        && vankho_extract_is_alnum (t->fold[p + 1]); n++)
        {
          gsize s = p + 1;
          gsize e = vankho_extract_text_word_end (t, s);

          if (e - s > 12 || (e - s > 6 && !vankho_extract_text_is_all_caps (t, s, e)))
            break;
          if (suf_s == 0)
            suf_s = s;
          suf_e = p = e;
        }
    }

  /* Whatever follows must end the symbol. */
  if ((party || state || law) && p < t->fold_len && vankho_extract_is_alnum (t->fold[p]))
    party = state = law = FALSE;

  if (party || state || law)
    {
      g_autofree char *kind_letters = kind_e > kind_s ? g_strndup (t->fold + kind_s, kind_e - kind_s) : NULL;
      g_autofree char *kind_disp = kind_e > kind_s ? display_letters (t, kind_s, kind_e) : NULL;
      g_autofree char *iss_disp = central ? g_strdup ("TW") : display_letters (t, iss_s, iss_e);
      g_autofree char *iss_fold = central ? g_strdup ("tw") : g_strndup (t->fold + iss_s, iss_e - iss_s);
      g_autofree char *suf_disp = suf_e > suf_s ? display_segments (t, suf_s, suf_e) : NULL;
      g_autofree char *num_key = strip_zeros (num_str);
      const VankhoDocumentKind *kind = NULL;
      GString *disp = g_string_new (NULL);
      GString *key = g_string_new (NULL);

      if (kind_letters != NULL)
        kind = vankho_catalogue_kind_for_letters (cat, kind_letters);

      if (law)
        {
          /* The National Assembly's resolutions have its symbols too:
           * 'Nghị quyết số 202/2025/QH15'. */
          const char *prefix = m->prefix != NULL && strcmp (m->prefix, "nq") == 0 ? "nq" : "luat";

          g_string_append_printf (disp, "%s/%u/%s", num_str, year, iss_disp);
          g_string_append_printf (key, "%s:%s/%u/%s", prefix, num_key, year, iss_fold);
          m->prefix = prefix;
        }
      else if (party)
        {
          g_string_append_printf (disp, "%s-%s/%s", num_str, kind_disp, iss_disp);
          g_string_append_printf (key, "%s:%s-%s/%s", kind ? kind->prefix : kind_letters,
                                  num_key, kind_letters, iss_fold);
        }
      else if (kind_letters != NULL)
        {
          if (year != 0)
            {
              g_string_append_printf (disp, "%s/%u/%s-%s", num_str, year, kind_disp, iss_disp);
              g_string_append_printf (key, "%s:%s/%u/%s-%s", kind ? kind->prefix : kind_letters,
                                      num_key, year, kind_letters, iss_fold);
            }
          else
            {
              g_string_append_printf (disp, "%s/%s-%s", num_str, kind_disp, iss_disp);
              g_string_append_printf (key, "%s:%s/%s-%s", kind ? kind->prefix : kind_letters,
                                      num_key, kind_letters, iss_fold);
            }
        }
      else
        {
          /* 1234/2023/UBTVQH15 */
          g_string_append_printf (disp, "%s/%u/%s", num_str, year, iss_disp);
          g_string_append_printf (key, "nq:%s/%u/%s", num_key, year, iss_fold);
          m->prefix = "nq";
        }

      if (suf_disp != NULL)
        {
          g_autofree char *suf_fold = g_strndup (t->fold + suf_s, suf_e - suf_s);

          g_string_append_printf (disp, "-%s", suf_disp);
          g_string_append_printf (key, "-%s", suf_fold);
        }

      if (kind != NULL)
        {
          /* 'Quy định số 90-QĐ/TW': the mention's word names the kind, the
           * letters (shared by Quyết định and Quy định) the key.
           */
          if (m->prefix == NULL || strcmp (m->prefix, kind->prefix) != 0)
            m->kind = kind->kind;
          m->prefix = kind->prefix;
        }
      else if (m->prefix == NULL && kind_letters != NULL)
        m->prefix = g_intern_string (kind_letters);

      if (year != 0 && m->date.precision == VANKHO_DATE_PRECISION_UNKNOWN)
        vankho_date_set (&m->date, year, 0, 0);

      g_free (m->issuer_code);
      m->issuer_code = g_steal_pointer (&iss_fold);
      m->issuer_party = party;
      m->issuer_local = g_strv_contains (local_issuers, m->issuer_code);
      m->symbol = g_string_free (disp, FALSE);
      m->symbol_key = g_string_free (key, FALSE);
      m->number = g_strdup (num_str);
      *end = p;
      return TRUE;
    }

  /* A bare number: '12', '426'. Not a date or a fraction. */
  if (num_end < t->fold_len && (t->fold[num_end] == '/' || t->fold[num_end] == '.'
                                || t->fold[num_end] == ',' || t->fold[num_end] == '-')
      && num_end + 1 < t->fold_len && vankho_extract_is_alnum (t->fold[num_end + 1]))
    return FALSE;
  /* Nor a quantity: 'Đề án 1 triệu héc-ta', 'Chương trình 1 triệu căn hộ'. */
  {
    static const char * const magnitudes[] = { "trieu", "nghin", "ngan", "ty", "tram", NULL };
    gsize w = vankho_extract_text_skip_blank (t, num_end);

    for (guint i = 0; magnitudes[i] != NULL; i++)
      if (vankho_extract_text_match (t, w, magnitudes[i], NULL))
        return FALSE;
  }

  m->number = g_strdup (num_str);
  *end = num_end;
  return TRUE;
}

/* 'của Ban Thường vụ Tỉnh ủy Gia Lai', 'của Bộ Chính trị'. */
static gboolean
parse_issuer (VankhoCatalogue         *cat,
              VankhoGazetteer         *gaz,
              const VankhoExtractText *t,
              gsize                    pos,
              Mention                 *m,
              gsize                   *end)
{
  GPtrArray *issuers = vankho_catalogue_get_issuers (cat);

  for (guint i = 0; i < issuers->len; i++)
    {
      const VankhoIssuer *issuer = g_ptr_array_index (issuers, i);
      g_autofree char *code = NULL;
      gsize e;

      if (!vankho_extract_text_match (t, pos, issuer->phrase, &e))
        continue;

      code = vankho_extract_fold_phrase (issuer->code);
      if (m->issuer_code != NULL && strcmp (m->issuer_code, code) != 0)
        {
          /* The symbol already says who; keep its issuer. */
          *end = e;
          return TRUE;
        }

      g_free (m->issuer_code);
      m->issuer_code = g_steal_pointer (&code);
      m->issuer_display = issuer->display;
      m->issuer_local = issuer->local;
      m->issuer_party = issuer->party;

      if (issuer->local)
        {
          gsize q = vankho_extract_text_skip_blank (t, e);
          gsize pe;
          int province;

          if (vankho_extract_text_match (t, q, "tinh", &pe)
              || vankho_extract_text_match (t, q, "thanh pho", &pe)
              || vankho_extract_text_match (t, q, "tp", &pe))
            q = vankho_extract_text_skip_blank (t, pe);
          while (q < t->fold_len && t->fold[q] == '.')
            q = vankho_extract_text_skip_blank (t, q + 1);
          province = vankho_place_extractor_match_province (gaz, t, q, &pe);
          if (province >= 0)
            {
              m->issuer_province = province;
              e = pe;
            }
        }

      *end = e;
      return TRUE;
    }

  return FALSE;
}

/* 'Chỉ thị số 11/CT-BCA của Bộ trưởng Bộ Công an, ngày 5/11/2024, Đoàn
 * kiểm tra…': a date set off by commas, a capital after it, opens the
 * next clause; it is that clause's date, not the document's. */
static gboolean
opens_clause (const VankhoExtractText *t,
              gsize                    pos)
{
  gsize p = vankho_extract_text_skip_blank (t, pos);

  if (p >= t->fold_len || t->fold[p] != ',')
    return FALSE;
  p = vankho_extract_text_skip_blank (t, p + 1);
  return p < t->fold_len && t->upper[p] && !vankho_extract_text_match (t, p, "cua", NULL);
}

/* After the number: ', ngày 16/3/2022 của Bộ Chính trị'. */
static gsize
parse_tail (VankhoCatalogue         *cat,
            VankhoGazetteer         *gaz,
            const VankhoExtractText *t,
            gsize                    pos,
            Mention                 *m)
{
  gsize p = pos;
  gsize tail = pos;

  for (guint round = 0; round < 2; round++)
    {
      gsize q = p;
      guint d, mo, y;
      gsize e;
      gboolean comma = FALSE;

      while (q < t->fold_len && q - p < 3 && (t->fold[q] == ' ' || t->fold[q] == ','))
        comma |= t->fold[q++] == ',';

      if (vankho_extract_text_match (t, q, "ngay", &e))
        {
          e = vankho_extract_text_skip_blank (t, e);
          if (vankho_date_extractor_parse (t, e, TRUE, &d, &mo, &y, &e) && y != 0
              && !(comma && opens_clause (t, e)))
            {
              vankho_date_set (&m->date, y, mo, d);
              p = tail = e;
              continue;
            }
        }
      else if (q < t->fold_len && t->fold[q] == '(' && q + 1 < t->fold_len)
        {
          gsize r = q + 1;

          /* '(16/3/2022)', '(ngày 25/7/2022)' */
          if (vankho_extract_text_match (t, r, "ngay", &e))
            r = vankho_extract_text_skip_blank (t, e);
          if (vankho_date_extractor_parse (t, r, FALSE, &d, &mo, &y, &e) && y != 0
              && e < t->fold_len && t->fold[e] == ')')
            {
              vankho_date_set (&m->date, y, mo, d);
              p = tail = e + 1;
              continue;
            }
        }

      if (vankho_extract_text_match (t, q, "cua", &e))
        {
          e = vankho_extract_text_skip_blank (t, e);
          if (parse_issuer (cat, gaz, t, e, m, &e))
            {
              p = tail = e;
              continue;
            }
        }
      break;
    }

  return tail;
}

/* 'các Nghị quyết số 12, 16 và 18 của Đảng ủy Công an Trung ương': the
 * issuer after the last number is every number's. Without one, the numbers
 * after the first may be anything ('các Nghị quyết số 12, 3 năm qua') and
 * are dropped.
 */
static void
share_list_issuer (VankhoCatalogue         *cat,
                   VankhoGazetteer         *gaz,
                   const VankhoExtractText *t,
                   GArray                  *mentions,
                   guint                    first)
{
  Mention *last = &g_array_index (mentions, Mention, mentions->len - 1);

  last->tail_end = parse_tail (cat, gaz, t, last->end, last);
  if (last->issuer_code == NULL)
    {
      g_array_remove_range (mentions, first + 1, mentions->len - first - 1);
      return;
    }

  for (guint k = first; k + 1 < mentions->len; k++)
    {
      Mention *o = &g_array_index (mentions, Mention, k);

      if (o->issuer_code != NULL)
        continue;
      o->issuer_code = g_strdup (last->issuer_code);
      o->issuer_display = last->issuer_display;
      o->issuer_local = last->issuer_local;
      o->issuer_party = last->issuer_party;
      o->issuer_province = last->issuer_province;
    }
}

/* Reads the words of a law's name from @pos as the catalogue compares
 * them: '(ANTT)' dropped, 'ANTT' spelled out, a doubled word ('an an')
 * once. Stops at the end of the clause.
 */
static guint
read_name_words (const VankhoExtractText *t,
                 gsize                    pos,
                 char                   **words,
                 gsize                   *ends,
                 guint                    max)
{
  guint n = 0;
  gsize p = pos;

  while (p < t->fold_len && n < max)
    {
      gsize e;
      char c = t->fold[p];

      if (c == ' ' || c == ',' || c == '-')
        {
          p++;
          continue;
        }
      if (c == '(')
        {
          gsize q = p + 1;

          while (q < t->fold_len && q - p < 16 && t->fold[q] != ')')
            q++;
          if (q < t->fold_len && t->fold[q] == ')')
            {
              p = q + 1;
              continue;
            }
          break;
        }
      if (!vankho_extract_is_alnum (c))
        break;

      e = vankho_extract_text_word_end (t, p);
      if (e - p == 4 && memcmp (t->fold + p, "antt", 4) == 0)
        {
          static const char * const expanded[] = { "an", "ninh", "trat", "tu" };

          for (guint k = 0; k < 4 && n < max; k++)
            {
              if (n > 0 && strcmp (words[n - 1], expanded[k]) == 0 && k == 0)
                continue;
              words[n] = g_strdup (expanded[k]);
              ends[n++] = e;
            }
        }
      else
        {
          g_autofree char *w = g_strndup (t->fold + p, e - p);

          if (n == 0 || strcmp (words[n - 1], w) != 0)
            {
              words[n] = g_steal_pointer (&w);
              ends[n++] = e;
            }
        }
      p = e;
    }

  return n;
}

static gboolean
match_law_name (VankhoCatalogue         *cat,
                const VankhoExtractText *t,
                gsize                    pos,
                Mention                 *m,
                gsize                   *end)
{
  char *words[MAX_NAME_WORDS * 2] = { NULL, };
  gsize ends[MAX_NAME_WORDS * 2];
  guint n = read_name_words (t, pos, words, ends, G_N_ELEMENTS (words));
  gboolean found = FALSE;

  for (guint i = 0; i < vankho_catalogue_get_n_documents (cat) && !found; i++)
    {
      const VankhoDocument *doc = vankho_catalogue_get_nth_document (cat, i);

      for (guint j = 0; doc->names != NULL && doc->names[j] != NULL && !found; j++)
        {
          g_auto(GStrv) name_words = NULL;
          g_autofree char *expanded = NULL;
          GString *norm = g_string_new (NULL);
          guint k;

          /* Normalise the catalogue's name the same way. */
          name_words = g_strsplit (doc->names[j], " ", -1);
          for (k = 0; name_words[k] != NULL; k++)
            {
              const char *w = name_words[k];

              if (norm->len > 0)
                g_string_append_c (norm, ' ');
              g_string_append (norm, strcmp (w, "antt") == 0 ? "an ninh trat tu" : w);
            }
          expanded = g_string_free (norm, FALSE);
          g_strfreev (name_words);
          name_words = g_strsplit (expanded, " ", -1);

          for (k = 0; name_words[k] != NULL && k < n; k++)
            if (strcmp (name_words[k], words[k]) != 0)
              break;

          if (name_words[k] == NULL && k > 0)
            {
              found = TRUE;
              *end = ends[k - 1];
              m->doc = doc;
              m->fixed_key = g_strdup (doc->key);
            }
        }
    }

  for (guint i = 0; i < n; i++)
    g_free (words[i]);

  return found;
}

/* 'Luật Công an nhân dân số 37/2018/QH14': a law's name, then its number,
 * which names it better. Sets @number to where the number starts. */
static gboolean
law_number_after_name (const VankhoExtractText *t,
                       gsize                    kind_end,
                       gsize                   *number)
{
  gsize p = vankho_extract_text_skip_blank (t, kind_end);

  for (guint n = 0; n < 12 && p < t->fold_len; n++)
    {
      gsize e = vankho_extract_text_word_end (t, p);
      g_autofree char *w = g_strndup (t->fold + p, e - p);

      if (e == p)
        return FALSE;
      if (n > 0 && strcmp (w, "so") == 0)
        {
          gsize q = vankho_extract_text_skip_blank (t, e);

          if (q < t->fold_len && vankho_extract_is_digit (t->fold[q]))
            {
              *number = q;
              return TRUE;
            }
          return FALSE;
        }
      if (g_strv_contains (law_stops, w) || vankho_extract_is_digit (w[0]))
        return FALSE;
      p = e;
      if (p < t->fold_len && t->fold[p] == ',')
        p++;
      if (p >= t->fold_len || t->fold[p] != ' ')
        return FALSE;
      p = vankho_extract_text_skip_blank (t, p);
    }

  return FALSE;
}

/* A law not in the catalogue: 'Luật Cư trú năm 2020', 'Luật Phòng, chống
 * ma túy'.
 */
static gboolean
match_other_law (const VankhoExtractText *t,
                 gsize                    pos,
                 gsize                    kind_end,
                 Mention                 *m,
                 gsize                   *end)
{
  gsize p = vankho_extract_text_skip_blank (t, kind_end);
  GString *key = g_string_new ("luat:");
  guint n = 0;
  gsize last = p;

  if (p >= t->fold_len || !is_alpha (t->fold[p]) || !t->upper[p])
    goto fail;

  while (p < t->fold_len && n < 10)
    {
      gsize e = vankho_extract_text_word_end (t, p);
      g_autofree char *w = g_strndup (t->fold + p, e - p);

      if (e == p)
        break;
      if (n == 0 && (strcmp (w, "su") == 0 || strcmp (w, "gia") == 0))
        goto fail;   /* 'Luật sư', 'Luật gia': people */

      if (strcmp (w, "nam") == 0)
        {
          guint y;
          gsize q = vankho_extract_text_skip_blank (t, e);

          /* 'Luật Cư trú năm 2020': the year belongs to the name. */
          if (n > 0 && vankho_extract_text_read_number (t, q, 4, &y, &q) && y > 1945 && y < 2100)
            {
              g_string_append_printf (key, "-%u", y);
              last = q;
            }
          break;
        }
      if (n > 0 && g_strv_contains (law_stops, w))
        break;
      if (vankho_extract_is_digit (w[0]))
        break;

      g_string_append_printf (key, "%s%s", n > 0 ? "-" : "", w);
      last = e;
      n++;

      p = e;
      if (p + 1 < t->fold_len && t->fold[p] == ',' && vankho_extract_text_match (t, vankho_extract_text_skip_blank (t, p + 1), "chong", NULL))
        p = vankho_extract_text_skip_blank (t, p + 1);
      else if (p < t->fold_len && t->fold[p] == ' ')
        p = vankho_extract_text_skip_blank (t, p);
      else
        break;
    }

  if (n == 0)
    goto fail;

  m->fixed_key = g_string_free (key, FALSE);
  *end = last;
  return TRUE;

fail:
  g_string_free (key, TRUE);
  return FALSE;
}

static gboolean
is_roman (const VankhoExtractText *t,
          gsize                    start,
          gsize                    end)
{
  if (end == start || end - start > 6)
    return FALSE;
  for (gsize i = start; i < end; i++)
    if (strchr ("ivxl", t->fold[i]) == NULL || !t->upper[i])
      return FALSE;
  return TRUE;
}

/* 'Nghị quyết Đại hội XIII', 'Nghị quyết Đại hội đại biểu toàn quốc lần
 * thứ XIII của Đảng', 'Nghị quyết Trung ương 4 khóa XII'.
 */
static gboolean
match_unnumbered (const VankhoExtractText *t,
                  gsize                    kind_end,
                  Mention                 *m,
                  gsize                   *end)
{
  gsize p = vankho_extract_text_skip_blank (t, kind_end);
  gsize e;

  if (vankho_extract_text_match (t, p, "dai hoi", &e))
    {
      for (guint i = 0; i < 7 && e < t->fold_len; i++)
        {
          gsize ws = vankho_extract_text_skip_blank (t, e);
          gsize we = vankho_extract_text_word_end (t, ws);

          if (we == ws)
            return FALSE;
          if (is_roman (t, ws, we))
            {
              g_autofree char *numeral = g_strndup (t->fold + ws, we - ws);

              m->fixed_key = g_strdup_printf ("nq:dai-hoi-%s", numeral);
              *end = we;
              return TRUE;
            }
          /* 'Đại hội Đảng bộ tỉnh': a provincial congress, not the Party's. */
          if (vankho_extract_text_match (t, ws, "dang bo", NULL))
            return FALSE;
          e = we;
        }
      return FALSE;
    }

  if (vankho_extract_text_match (t, p, "hoi nghi", &e))
    p = vankho_extract_text_skip_blank (t, e);

  if (vankho_extract_text_match (t, p, "trung uong", &e))
    {
      guint plenum;
      gsize q = vankho_extract_text_skip_blank (t, e);

      if (!vankho_extract_text_read_number (t, q, 2, &plenum, &q))
        return FALSE;
      q = vankho_extract_text_skip_blank (t, q);
      if (vankho_extract_text_match (t, q, "cac", &e))
        q = vankho_extract_text_skip_blank (t, e);
      if (vankho_extract_text_match (t, q, "khoa", &e))
        {
          gsize ws = vankho_extract_text_skip_blank (t, e);
          gsize we = vankho_extract_text_word_end (t, ws);

          if (is_roman (t, ws, we))
            {
              GString *keys = g_string_new (NULL);

              /* 'Nghị quyết Trung ương 4 các khóa XI, XII, XIII': one
               * resolution per term, joined by '|' until they are split.
               */
              for (guint n = 0; n < 6; n++)
                {
                  g_autofree char *numeral = g_strndup (t->fold + ws, we - ws);
                  gsize q2 = we;

                  g_string_append_printf (keys, "%snq:tw%u-khoa-%s", n > 0 ? "|" : "",
                                          plenum, numeral);
                  *end = we;

                  while (q2 < t->fold_len && q2 - we < 3 && (t->fold[q2] == ',' || t->fold[q2] == ' '))
                    q2++;
                  if (vankho_extract_text_match (t, q2, "va", &e))
                    q2 = vankho_extract_text_skip_blank (t, e);
                  ws = q2;
                  we = vankho_extract_text_word_end (t, ws);
                  if (!is_roman (t, ws, we))
                    break;
                }

              m->fixed_key = g_string_free (keys, FALSE);
              return TRUE;
            }
        }
    }

  return FALSE;
}

/* The key a number with an issuer would have as a symbol. */
static char *
implied_key (Mention *m)
{
  g_autofree char *num = strip_zeros (m->number);
  const char *letters = m->prefix;

  /* A project ('Đề án 06 của Chính phủ') is known by its number; the
   * decision that approved it has the symbol. */
  if (m->issuer_code == NULL || strcmp (m->prefix, "da") == 0)
    return NULL;

  if (strcmp (m->prefix, "luat") == 0 || strcmp (m->prefix, "nd") == 0
      || strcmp (m->prefix, "tt") == 0)
    {
      if (m->date.precision == VANKHO_DATE_PRECISION_UNKNOWN)
        return NULL;
      if (strcmp (m->prefix, "luat") == 0)
        return NULL;   /* the legislature's term is not known */
      return g_strdup_printf ("%s:%s/%u/%s-%s", m->prefix, num, m->date.year, letters,
                              m->issuer_code);
    }

  if (m->issuer_party)
    return g_strdup_printf ("%s:%s-%s/%s", m->prefix, num, letters, m->issuer_code);
  return g_strdup_printf ("%s:%s/%s-%s", m->prefix, num, letters, m->issuer_code);
}

/* 'Nghị quyết 12 về tiếp tục đẩy mạnh xây dựng Công an xã…': the subject
 * names which of the documents with this kind and number it is (the
 * Politburo's 12-NQ/TW or 12-NQ/ĐUCA). The catalogued one whose title
 * starts with the most of these words, four at least.
 */
static const VankhoDocument *
match_title (VankhoCatalogue         *cat,
             const VankhoExtractText *t,
             const Mention           *m)
{
  const VankhoDocument *best = NULL;
  guint best_words = 3;
  gsize about;

  if (m->number == NULL || m->tail_end == 0)
    return NULL;
  about = vankho_extract_text_skip_blank (t, m->tail_end);
  if (!vankho_extract_text_match (t, about, "ve", &about))
    return NULL;

  for (guint i = 0; i < vankho_catalogue_get_n_documents (cat); i++)
    {
      const VankhoDocument *doc = vankho_catalogue_get_nth_document (cat, i);
      g_autofree char *title = NULL;
      const char *w;
      gsize p = about;
      guint words = 0;

      if (doc->title == NULL || strcmp (doc->prefix, m->prefix) != 0
          || g_ascii_strtoull (doc->number, NULL, 10) != g_ascii_strtoull (m->number, NULL, 10))
        continue;
      title = vankho_extract_fold_phrase (doc->title);
      w = g_str_has_prefix (title, "ve ") ? title + 3 : title;

      /* Word by word, punctuation aside. */
      while (*w != '\0')
        {
          gsize wl = strcspn (w, " ,;.");
          gsize e;

          p = vankho_extract_text_skip_blank (t, p);
          if (wl == 0)
            {
              w++;
              continue;
            }
          e = vankho_extract_text_word_end (t, p);
          if (e - p != wl || memcmp (t->fold + p, w, wl) != 0)
            break;
          words++;
          w += wl;
          p = e;
          while (p < t->fold_len && (t->fold[p] == ',' || t->fold[p] == ';'))
            p++;
        }

      if (words > best_words)
        {
          best = doc;
          best_words = words;
        }
    }

  return best;
}

static void
resolve (VankhoCatalogue         *cat,
         VankhoGazetteer         *gaz,
         const VankhoExtractText *t,
         Mention                 *m,
         GArray                  *mentions,
         guint                    index,
         const char              *province_code)
{
  g_autofree char *base = NULL;
  const char *province = NULL;

  if (m->same_as > 0)
    {
      const Mention *that = &g_array_index (mentions, Mention, m->same_as - 1);

      m->key = g_strdup (that->key);
      m->doc = that->doc;
      m->number = g_strdup (that->number);
      m->symbol = g_strdup (that->symbol);
      m->issuer_code = g_strdup (that->issuer_code);
      m->issuer_display = that->issuer_display;
      m->date = that->date;
      m->confidence = that->confidence * 0.9;
      return;
    }

  if (m->issuer_province >= 0)
    province = vankho_gazetteer_get_nth_province (gaz, m->issuer_province)->code;
  else if (province_code != NULL)
    province = province_code;

  if (m->fixed_key != NULL)
    {
      m->key = g_strdup (m->fixed_key);
      m->confidence = m->doc != NULL ? 0.9 : 0.6;
      return;
    }

  if (m->symbol_key != NULL)
    {
      base = g_strdup (m->symbol_key);
      m->confidence = 0.95;
    }
  else
    {
      const VankhoDocument *doc;
      gboolean ambiguous = FALSE;

      doc = vankho_catalogue_find (cat, m->prefix, m->number, m->issuer_code,
                                   m->date.precision == VANKHO_DATE_PRECISION_DAY ? &m->date : NULL,
                                   &ambiguous);
      if (doc != NULL && (m->issuer_code != NULL || m->date.precision == VANKHO_DATE_PRECISION_DAY))
        {
          m->key = g_strdup (doc->key);
          m->doc = doc;
          m->confidence = 0.9;
          return;
        }

      if (m->issuer_code == NULL && (doc = match_title (cat, t, m)) != NULL)
        {
          m->key = g_strdup (doc->key);
          m->doc = doc;
          m->confidence = 0.85;
          return;
        }

      if ((base = implied_key (m)) != NULL)
        m->confidence = 0.75;
      else
        {
          /* A short mention: the same kind and number cited in full in
           * this article, the nearest before it, else the only one after.
           */
          const Mention *same = NULL;
          guint n_after = 0;

          /* Among the nearest SHORT_REACH mentions each way: a text of
           * thousands of bare numbers stays linear. */
          for (guint i = index; i-- > 0 && index - i <= SHORT_REACH;)
            {
              const Mention *o = &g_array_index (mentions, Mention, i);

              if (o->key != NULL && o->number != NULL && strcmp (o->prefix, m->prefix) == 0
                  && g_ascii_strtoull (o->number, NULL, 10) == g_ascii_strtoull (m->number, NULL, 10)
                  && (o->symbol_key != NULL || o->issuer_code != NULL || o->doc != NULL))
                {
                  same = o;
                  break;
                }
            }
          if (same == NULL)
            for (guint i = index + 1; i < mentions->len && i - index <= SHORT_REACH && n_after <= 1; i++)
              {
                const Mention *o = &g_array_index (mentions, Mention, i);

                if (o->number != NULL && strcmp (o->prefix, m->prefix) == 0
                    && g_ascii_strtoull (o->number, NULL, 10) == g_ascii_strtoull (m->number, NULL, 10)
                    && (o->symbol_key != NULL || o->issuer_code != NULL))
                  {
                    if (same == NULL)
                      same = o;
                    n_after++;
                  }
              }

          if (same != NULL && same->key != NULL && n_after <= 1)
            {
              m->key = g_strdup (same->key);
              m->doc = same->doc;
              m->confidence = 0.85;
              return;
            }

          if (same == NULL && (doc = vankho_catalogue_find (cat, m->prefix, m->number, NULL, NULL,
                                                            &ambiguous)) != NULL)
            {
              m->key = g_strdup (doc->key);
              m->doc = doc;
              m->confidence = 0.6;
              return;
            }

          {
            g_autofree char *number = strip_zeros (m->number);

            /* 'Đề án 06' and 'Đề án 6' are one. */
            m->key = g_strdup_printf ("%s:%s", m->prefix, number);
          }
          m->confidence = 0.4;
          return;
        }
    }

  if (m->issuer_local)
    {
      g_autofree char *folded = province != NULL ? g_ascii_strdown (province, -1) : g_strdup ("xx");

      m->key = g_strdup_printf ("%s@%s", base, folded);
    }
  else
    m->key = g_steal_pointer (&base);

  if (m->doc == NULL)
    m->doc = vankho_catalogue_lookup (cat, m->key);
}

/* 'Luật Công an nhân dân số 37/2018/QH14 … Luật Công an nhân dân (năm
 * 2018)': once numbered in the article, the name stands for the number. */
static void
resolve_law_names (GArray *mentions)
{
  g_autoptr(GPtrArray) numbered = g_ptr_array_new ();

  /* Few laws are numbered after their name: look at those only, so that a
   * text of thousands of mentions stays linear. */
  for (guint k = 0; k < mentions->len; k++)
    {
      const Mention *m = &g_array_index (mentions, Mention, k);

      if (m->name_key != NULL && m->key != NULL)
        g_ptr_array_add (numbered, (gpointer) m);
    }
  if (numbered->len == 0)
    return;

  for (guint i = 0; i < mentions->len; i++)
    {
      Mention *named = &g_array_index (mentions, Mention, i);

      if (named->fixed_key == NULL || !g_str_has_prefix (named->fixed_key, "luat:"))
        continue;
      for (guint k = 0; k < numbered->len && k < 16; k++)
        {
          const Mention *n = g_ptr_array_index (numbered, k);
          g_autofree char *with_year = g_strdup_printf ("%s-%u", n->name_key, n->date.year);

          if (strcmp (named->fixed_key, n->name_key) == 0
              || strcmp (named->fixed_key, with_year) == 0)
            {
              g_free (named->key);
              named->key = g_strdup (n->key);
              break;
            }
        }
    }
}

/* Resolves a short mention that came before its full citation. */
static void
resolve_forward (GArray *mentions)
{
  for (guint i = 0; i < mentions->len; i++)
    {
      Mention *m = &g_array_index (mentions, Mention, i);
      const Mention *full = NULL;
      guint n = 0;

      if (m->confidence > 0.4 || m->number == NULL)
        continue;

      for (guint j = i + 1; j < mentions->len && j - i <= SHORT_REACH && n <= 1; j++)
        {
          const Mention *o = &g_array_index (mentions, Mention, j);

          if (o->confidence > 0.4 && o->number != NULL && strcmp (o->prefix, m->prefix) == 0
              && g_ascii_strtoull (o->number, NULL, 10) == g_ascii_strtoull (m->number, NULL, 10))
            {
              if (full == NULL || strcmp (full->key, o->key) != 0)
                n++;
              full = o;
            }
        }

      if (n == 1)
        {
          g_free (m->key);
          m->key = g_strdup (full->key);
          m->doc = full->doc;
          m->confidence = 0.7;
        }
    }
}

/**
 * vankho_citation_extractor_run:
 * @province_code: (nullable): the article's primary province, for
 *   provincial documents that do not name theirs
 * @spans: (element-type VankhoCitationSpan): filled in the order of the
 *   citations added to @result
 */
void
vankho_citation_extractor_run (VankhoCatalogue         *cat,
                               VankhoGazetteer         *gaz,
                               const VankhoExtractText *t,
                               const char              *province_code,
                               VankhoExtraction        *result,
                               GArray                  *spans)
{
  g_autoptr(GArray) mentions = g_array_new (FALSE, TRUE, sizeof (Mention));

  g_array_set_clear_func (mentions, mention_clear);

  for (gsize pos = 0; pos < t->fold_len; pos++)
    {
      const VankhoKindWord *kw = NULL;
      GPtrArray *kind_words;
      /* Cleared only where a kind starts: clearing it at every byte was
       * most of this loop. */
      Mention m;
      gsize e = 0, p, end = 0;
      gboolean ok = FALSE;
      gboolean bare_list;
      guint first;

      if (!is_alpha (t->fold[pos])
          || (kind_words = vankho_catalogue_get_kind_words (cat, t->fold[pos])) == NULL
          || !vankho_extract_text_word_start (t, pos))
        continue;

      for (guint i = 0; i < kind_words->len; i++)
        {
          const VankhoKindWord *w = g_ptr_array_index (kind_words, i);

          if (vankho_extract_text_match (t, pos, w->phrase, &e))
            {
              /* 'NQ 12' in capitals; 'nq' in lower case is not a kind. */
              if (strlen (w->phrase) <= 2 && !vankho_extract_text_is_all_caps (t, pos, e))
                continue;
              kw = w;
              break;
            }
        }
      if (kw == NULL)
        continue;
      /* 'Luật sư', 'Luật gia', 'Công ty Luật', 'Văn phòng Luật sư số 3':
       * people and firms. */
      if (strcmp (kw->kind->prefix, "luat") == 0
          && (vankho_extract_text_match (t, vankho_extract_text_skip_blank (t, e), "su", NULL)
              || vankho_extract_text_match (t, vankho_extract_text_skip_blank (t, e), "gia", NULL)
              || vankho_extract_text_match_back (t, pos, "cong ty", NULL)))
        continue;

      m = (Mention) { 0, };
      m.start = pos;
      m.prefix = kw->kind->prefix;
      m.kind = kw->kind->kind;
      m.issuer_province = -1;

      p = vankho_extract_text_skip_blank (t, e);

      /* 'Nghị quyết này', 'Chỉ thị này': the last one of its kind cited,
       * among the last few (a text of thousands stays linear). */
      if (vankho_extract_text_match (t, p, "nay", &end) && mentions->len > 0)
        {
          for (guint k = mentions->len; k-- > 0 && mentions->len - k <= 32;)
            if (strcmp (g_array_index (mentions, Mention, k).prefix, m.prefix) == 0)
              {
                m.same_as = k + 1;
                break;
              }
          if (m.same_as > 0)
            {
              m.end = m.tail_end = end;
              g_array_append_val (mentions, m);
              pos = end - 1;
              continue;
            }
        }

      if (vankho_extract_text_match (t, p, "so", &end))
        p = vankho_extract_text_skip_blank (t, end);
      else if (!vankho_extract_is_digit (t->fold[p < t->fold_len ? p : 0]))
        {
          /* 'Quy chế phối hợp số 426': a few lower-case words, then 'số'. */
          gsize q = p;

          for (guint i = 0; i < MAX_DESCRIPTOR_WORDS && q < t->fold_len; i++)
            {
              gsize we = vankho_extract_text_word_end (t, q);

              if (we == q || t->upper[q] || vankho_extract_is_digit (t->fold[q]))
                break;
              q = vankho_extract_text_skip_blank (t, we);
              if (vankho_extract_text_match (t, q, "so", &end))
                {
                  gsize r = vankho_extract_text_skip_blank (t, end);

                  if (r < t->fold_len && vankho_extract_is_digit (t->fold[r]))
                    p = r;
                  break;
                }
            }
        }

      if (p < t->fold_len && vankho_extract_is_digit (t->fold[p]))
        ok = parse_symbol (cat, t, p, &m, &end);

      if (ok)
        m.end = end;
      else if (strcmp (m.prefix, "luat") == 0)
        {
          gsize q;

          g_clear_pointer (&m.number, g_free);
          if (law_number_after_name (t, e, &q) && parse_symbol (cat, t, q, &m, &end)
              && m.symbol_key != NULL && g_str_has_prefix (m.symbol_key, "luat:"))
            {
              Mention named = { 0, };
              gsize named_end;

              ok = TRUE;
              m.end = end;
              if (match_other_law (t, pos, e, &named, &named_end))
                m.name_key = g_steal_pointer (&named.fixed_key);
              mention_clear (&named);
            }
          else
            {
              g_clear_pointer (&m.number, g_free);
              if ((ok = match_law_name (cat, t, pos, &m, &end) || match_other_law (t, pos, e, &m, &end)))
                m.end = end;
            }
        }
      else if (strcmp (m.prefix, "nq") == 0)
        {
          g_clear_pointer (&m.number, g_free);
          if ((ok = match_unnumbered (t, e, &m, &end)))
            m.end = end;
        }

      if (!ok)
        {
          mention_clear (&m);
          continue;
        }

      m.tail_end = parse_tail (cat, gaz, t, m.end, &m);
      g_array_append_val (mentions, m);
      pos = m.end > pos ? m.end - 1 : pos;

      /* 'Nghị quyết số 12-NQ/TW và 18-NQ/TW', 'các Nghị quyết 18-NQ/TW,
       * 19-NQ/TW': one kind, several symbols, each a citation. */
      bare_list = m.symbol_key == NULL && m.number != NULL
                  && (vankho_extract_text_match_back (t, m.start, "cac", NULL)
                      || vankho_extract_text_match_back (t, m.start, "nhung", NULL));
      first = mentions->len - 1;
      for (guint n = 0; n < 16 && next_in_list (t, pos + 1, &p); n++)
        {
          Mention more = { 0, };

          more.start = p;
          more.prefix = kw->kind->prefix;
          more.kind = kw->kind->kind;
          more.issuer_province = -1;
          if (!parse_symbol (cat, t, p, &more, &end)
              || (more.symbol_key == NULL) != bare_list || more.number == NULL)
            {
              mention_clear (&more);
              break;
            }
          more.end = more.tail_end = end;
          if (!bare_list)
            more.tail_end = parse_tail (cat, gaz, t, more.end, &more);
          g_array_append_val (mentions, more);
          pos = end - 1;
        }
      if (bare_list && mentions->len > first + 1)
        share_list_issuer (cat, gaz, t, mentions, first);
    }

  for (guint i = 0; i < mentions->len; i++)
    resolve (cat, gaz, t, &g_array_index (mentions, Mention, i), mentions, i, province_code);
  resolve_forward (mentions);
  resolve_law_names (mentions);

  for (guint i = 0; i < mentions->len; i++)
    {
      const Mention *m = &g_array_index (mentions, Mention, i);
      g_auto(GStrv) keys = g_strsplit (m->key, "|", -1);

      for (guint k = 0; keys[k] != NULL; k++)
        {
          VankhoCitation *c = vankho_extraction_add_citation (result);
          VankhoCitationSpan span = { m->start, m->end, m->tail_end };
          gsize ss, se;

          c->key = g_strdup (keys[k]);
          c->kind = g_strdup (m->doc != NULL && m->kind == NULL ? m->doc->kind : m->kind);
          c->number = g_strdup (m->number != NULL ? m->number : (m->doc ? m->doc->number : NULL));
          c->symbol = g_strdup (m->doc != NULL && m->doc->symbol != NULL ? m->doc->symbol : m->symbol);
          if (m->issuer_display != NULL)
            c->issuer = g_strdup (m->issuer_display);
          else if (m->doc != NULL && m->doc->issuer != NULL)
            c->issuer = g_strdup (m->doc->issuer);
          else if (m->issuer_code != NULL)
            {
              const VankhoIssuer *issuer = vankho_catalogue_issuer_for_code (cat, m->issuer_code);

              c->issuer = g_strdup (issuer != NULL ? issuer->display : NULL);
            }
          /* The catalogue's date is a fact; the article's may be a slip. */
          c->date = m->doc != NULL && m->doc->date.precision != VANKHO_DATE_PRECISION_UNKNOWN
                    ? m->doc->date : m->date;
          c->title = g_strdup (m->doc != NULL ? m->doc->title : NULL);
          c->mention = vankho_extract_text_orig_dup (t, m->start, m->end);
          vankho_extract_text_orig_span (t, m->start, m->end, &c->offset, &c->length);
          vankho_extract_text_sentence (t, m->start, &ss, &se);
          c->sentence = vankho_extract_text_orig_dup (t, ss, se);
          vankho_extract_text_orig_span (t, ss, se, &c->sentence_offset, &c->sentence_length);
          c->confidence = m->confidence;

          if (spans != NULL)
            g_array_append_val (spans, span);
        }
    }
}
