/* vankho-place-extractor.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Which provinces an article is about. Evidence, strongest first: the
 * outlet (a provincial paper's or police portal's domain or byline), a
 * province named with its cue ('tỉnh Gia Lai', 'Công an tỉnh Bắc Kạn',
 * 'Tỉnh ủy Nghệ An', 'TP. Hồ Chí Minh', 'điểm cầu Công an tỉnh X'), a
 * district named with its type ('huyện Krông Pa', 'thị xã Sơn Tây'), a
 * province's name alone. Names are proper names: a bare name must be
 * capitalised, must not continue or be continued by another capitalised
 * word ('Nguyễn Gia Lai', 'Thái Bình Dương') and must not follow a title
 * ('ông Hà Nam'). Names that fold alike but are spelled differently ('Phù
 * Yên', a district, and 'Phú Yên', a province) are told apart by spelling.
 * A wrong province is worse than none: a province is primary only when
 * the evidence clearly points at it.
 */

#include "config.h"

#include <string.h>

#include "vankho-place-extractor.h"

#define LEAD_BYTES 700

#define WEIGHT_OUTLET   6.0
#define WEIGHT_CUE      2.0
#define WEIGHT_BRIDGE   3.0
#define WEIGHT_DISTRICT 2.0
#define WEIGHT_BARE     1.0
#define PRIMARY_MIN     3.0

/* Words before a province's name that make it a province ('tỉnh', 'TP.')
 * or one of its bodies ('Tỉnh ủy', 'Công an').
 */
static const char * const province_cues[] = {
  "tinh", "thanh pho", "tp", "thu do", "tinh uy", "thanh uy", "cong an",
  "ubnd", "hdnd", "dang bo", "dia ban", "tai", "o", NULL,
};

/* Of those, the ones that alone make a mention evidence (a weak 'tại X'
 * or 'ở X' only lifts the name's capitalisation rules).
 */
static const char * const strong_cues[] = {
  "tinh", "thanh pho", "tp", "thu do", "tinh uy", "thanh uy", "cong an",
  "ubnd", "hdnd", "dang bo", NULL,
};

/* Before a person's name. */
static const char * const person_titles[] = {
  "ong", "ba", "anh", "chi", "em", "chau", "co", "chu", "bac", "cu", "thay",
  "ten", "vo", "chong", "con", "me", "bo", "chau", "tuong", "ta", "si",
  "dong chi", "doi tuong", "bi can", "nan nhan", "giam doc", "chu tich",
  "bi thu", "truong", "pho", NULL,
};

typedef struct
{
  const char *cue;
  const char *type;
} DistrictCue;

static const DistrictCue district_cues[] = {
  { "huyen uy", "Huyện" }, { "thi uy", "Thị xã" }, { "thanh uy", "Thành phố" },
  { "quan uy", "Quận" }, { "huyen", "Huyện" }, { "quan", "Quận" },
  { "thi xa", "Thị xã" }, { "tx", "Thị xã" }, { "thanh pho", "Thành phố" },
  { "tp", "Thành phố" }, { NULL, NULL },
};

typedef struct
{
  double      text_score;
  gboolean    outlet;
  const char *outlet_kind;   /* "byline" or "domain" */
  gssize      outlet_offset;
  gsize       outlet_length;
  gboolean    strong;        /* a cue or district mention, not only bare names */
  gboolean    district_only;
  gssize      first_offset;
  gsize       first_length;
  gboolean    in_text;
} Score;

static gboolean
match_back_any (const VankhoExtractText *t,
                gsize                    pos,
                const char * const      *list,
                const char             **which)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (vankho_extract_text_match_back (t, pos, list[i], NULL))
      {
        if (which != NULL)
          *which = list[i];
        return TRUE;
      }
  return FALSE;
}

static gboolean
spelled_as (const VankhoExtractText   *t,
            gsize                      start,
            gsize                      end,
            const VankhoGazetteerName *name)
{
  gsize s, l;

  vankho_extract_text_orig_span (t, start, end, &s, &l);
  return vankho_extract_same_spelling (t->text + s, l, name->spelling);
}

/* The longest name (province or district) starting at @pos. */
static const VankhoGazetteerName *
match_name (VankhoGazetteer         *gaz,
            const VankhoExtractText *t,
            gsize                    pos,
            gboolean                 districts,
            gsize                   *end)
{
  gsize wend = vankho_extract_text_word_end (t, pos);
  GPtrArray *names = vankho_gazetteer_names_for_word (gaz, t->fold + pos, wend - pos);

  if (names == NULL)
    return NULL;

  for (guint i = 0; i < names->len; i++)
    {
      const VankhoGazetteerName *name = g_ptr_array_index (names, i);
      gsize e;

      if ((name->district >= 0) != districts)
        continue;
      if (vankho_extract_text_match (t, pos, name->phrase, &e) && spelled_as (t, pos, e, name))
        {
          *end = e;
          return name;
        }
    }

  return NULL;
}

/**
 * vankho_place_extractor_match_province:
 *
 * Returns: the index of the province whose name starts at @pos, or -1
 */
int
vankho_place_extractor_match_province (VankhoGazetteer         *gaz,
                                       const VankhoExtractText *t,
                                       gsize                    pos,
                                       gsize                   *end)
{
  const VankhoGazetteerName *name;

  if (!vankho_extract_text_word_start (t, pos))
    return -1;
  name = match_name (gaz, t, pos, FALSE, end);
  return name != NULL ? (int) name->province : -1;
}

/* The next word, when only blanks separate it. */
static gboolean
next_word_capital (const VankhoExtractText *t,
                   gsize                    end)
{
  gsize p = end;

  while (p < t->fold_len && t->fold[p] == ' ')
    p++;
  if (p == end || p >= t->fold_len || !vankho_extract_is_alnum (t->fold[p]))
    return FALSE;
  return t->upper[p] && !vankho_extract_is_digit (t->fold[p]);
}

static void
note (Score                   *s,
      const VankhoExtractText *t,
      gboolean                 in_body,
      gsize                    start,
      gsize                    end)
{
  if (s->in_text)
    return;
  s->in_text = TRUE;
  if (in_body)
    vankho_extract_text_orig_span (t, start, end, (gsize *) &s->first_offset, &s->first_length);
  else
    s->first_offset = -1;
}

/* National news is filed from Hà Nội: 'HÀ NỘI - Sáng 5/3, Bộ Công an…'
 * says where, not what about. */
static gboolean
is_capital_city (VankhoGazetteer           *gaz,
                 const VankhoGazetteerName *name)
{
  return strcmp (vankho_gazetteer_get_nth_province (gaz, name->province)->code, "VN-HN") == 0;
}

/* Whether the name from @start to @end opens a line of @t (the headline,
 * or a paragraph near the top of the body: 'ĐẮK LẮK - Sáng 5/3, …') and a
 * colon or a dash follows it. */
static gboolean
opens_line (const VankhoExtractText *t,
            gsize                    start,
            gsize                    end)
{
  gsize p = vankho_extract_text_skip_blank (t, end);
  gsize line = start;

  while (line > 0 && t->fold[line - 1] == ' ')
    line--;
  return (line == 0 || t->fold[line - 1] == '\n')
         && p < t->fold_len && (t->fold[p] == ':' || t->fold[p] == '-');
}

/* Communes and wards, named after provinces since 2025. */
static const char * const ward_cues[] = {
  "phuong", "xa", "thi tran", "dac khu", NULL,
};

typedef struct
{
  double weight;
  guint  n;
  guint  candidates[8];
  gsize  start, end;
} Ambiguous;

/* Whether only list glue (',', 'và', 'Công an', 'tỉnh', 'thành phố')
 * stands between the previous province's name and @pos: 'Công an các
 * tỉnh Lào Cai, Yên Bái và Công an thành phố Hải Phòng'.
 */
static gboolean
continues_list (const VankhoExtractText *t,
                gsize                    last_end,
                gsize                    pos)
{
  static const char * const glue[] = { "va", "cong an", "tinh", "thanh pho", "tp", NULL };
  gsize p = last_end;

  if (last_end == G_MAXSIZE || pos < last_end || pos - last_end > 32)
    return FALSE;

  while (p < pos)
    {
      gsize e;
      gboolean matched = FALSE;

      if (t->fold[p] == ' ' || t->fold[p] == ',' || t->fold[p] == '.')
        {
          p++;
          continue;
        }
      for (guint i = 0; glue[i] != NULL && !matched; i++)
        if (vankho_extract_text_match (t, p, glue[i], &e))
          {
            p = e;
            matched = TRUE;
          }
      if (!matched)
        return FALSE;
    }

  return TRUE;
}

static void
scan_text (VankhoGazetteer         *gaz,
           const VankhoExtractText *t,
           gboolean                 in_body,
           double                   boost,
           Score                   *scores,
           GArray                  *ambiguous)
{
  gsize last_end = G_MAXSIZE;

  for (gsize pos = 0; pos < t->fold_len; pos++)
    {
      const VankhoGazetteerName *name;
      const char *cue = NULL;
      gsize end, ws, we;
      double weight;
      double lead = (!in_body || pos < LEAD_BYTES) ? boost : 1.0;

      if (!vankho_extract_text_word_start (t, pos) || vankho_extract_is_digit (t->fold[pos]))
        continue;

      /* Most words begin no name, and everything below needs one: looking
       * behind each word for a district's type first was a fifth of
       * extraction. */
      if (vankho_gazetteer_names_for_word (gaz, t->fold + pos, vankho_extract_text_word_end (t, pos) - pos) == NULL)
        continue;

      /* Districts, only with their type before them. */
      for (guint i = 0; district_cues[i].cue != NULL; i++)
        {
          gsize cue_start;

          if (!vankho_extract_text_match_back (t, pos, district_cues[i].cue, &cue_start))
            continue;

          /* 'quận' folds like 'quân' (army): make sure. */
          if (strcmp (district_cues[i].cue, "quan") == 0
              && !vankho_extract_same_spelling (t->text + t->map[cue_start],
                                                t->map[cue_start + 4] - t->map[cue_start],
                                                "quận"))
            continue;

          if ((name = match_name (gaz, t, pos, TRUE, &end)) != NULL)
            {
              Ambiguous amb = { 0, };
              GPtrArray *names = vankho_gazetteer_names_for_word (gaz, t->fold + pos,
                                                                  vankho_extract_text_word_end (t, pos) - pos);

              /* Every district with this name and type. */
              for (guint k = 0; k < names->len && amb.n < G_N_ELEMENTS (amb.candidates); k++)
                {
                  const VankhoGazetteerName *other = g_ptr_array_index (names, k);
                  const VankhoDistrict *d;

                  if (other->district < 0 || strcmp (other->phrase, name->phrase) != 0
                      || !spelled_as (t, pos, end, other))
                    continue;
                  d = vankho_gazetteer_get_nth_district (gaz, other->district);
                  if (strcmp (d->type, district_cues[i].type) != 0)
                    continue;
                  amb.candidates[amb.n++] = other->province;
                }

              amb.start = pos;
              amb.end = end;
              amb.weight = WEIGHT_DISTRICT * lead;
              if (amb.n == 1 || (amb.n > 1 && in_body))
                {
                  if (!in_body)
                    amb.start = amb.end = G_MAXSIZE;
                  g_array_append_val (ambiguous, amb);
                }
              pos = end - 1;
              goto next;
            }
          break;
        }

      if ((name = match_name (gaz, t, pos, FALSE, &end)) == NULL)
        continue;

      if (match_back_any (t, pos, province_cues, &cue))
        {
          gboolean strong = g_strv_contains (strong_cues, cue);
          gboolean listed = FALSE;

          /* 'các tỉnh Hà Giang, Lào Cai…': a list, each only mentioned. */
          if (strong && (vankho_extract_text_match_back (t, pos, "cac tinh", NULL)
                         || vankho_extract_text_match_back (t, pos, "cac thanh pho", NULL)
                         || vankho_extract_text_match_back (t, pos, "tinh thanh", NULL)
                         || vankho_extract_text_match_back (t, pos, "cac tinh thanh", NULL)
                         || continues_list (t, last_end, pos)))
            {
              strong = FALSE;
              listed = TRUE;
            }

          /* A name never read bare ('Hồ Chí Minh', a person's too) is
           * still a place after its cue in a list. */
          if (!strong && (!vankho_extract_text_is_capital (t, pos, end) || next_word_capital (t, end)
                          || (!name->bare && !listed)))
            goto skip;
          weight = strong ? WEIGHT_CUE : WEIGHT_BARE;

          /* 'điểm cầu Công an tỉnh X': the article's own province in a
           * national video conference.
           */
          if (strong && in_body)
            {
              gsize from = pos > 40 ? pos - 40 : 0;

              for (gsize k = from; k < pos; k++)
                if (t->fold[k] == 'd' && vankho_extract_text_match (t, k, "diem cau", NULL))
                  weight = WEIGHT_BRIDGE;
            }

          scores[name->province].text_score += weight * lead;
          scores[name->province].strong |= strong;
          note (&scores[name->province], t, in_body, pos, end);
          last_end = end;
          pos = end - 1;
          continue;
        }

      /* A bare name. */
      if (!name->bare || !vankho_extract_text_is_capital (t, pos, end) || next_word_capital (t, end))
        goto skip;
      /* 'phường Bắc Giang, tỉnh Bắc Ninh': from 2025 many wards and
       * communes bear a former province's name. */
      if (match_back_any (t, pos, ward_cues, NULL))
        goto skip;
      if (vankho_extract_text_prev_word (t, pos, &ws, &we))
        {
          if (match_back_any (t, pos, person_titles, NULL))
            goto skip;
          /* 'Nguyễn Gia Lai': part of a longer name. Abbreviations in
           * capitals ('ĐBQH Hà Nội') are not names.
           */
          if (t->upper[ws] && !vankho_extract_text_is_all_caps (t, ws, we))
            goto skip;
        }

      /* 'Đồng Nai: Ra mắt mô hình…', 'ĐẮK LẮK - Sáng 5/3': a headline
       * or a dateline that opens with its province names what the article
       * is about (a dateline from the capital, only where it was filed). */
      if ((!in_body || (pos < LEAD_BYTES && !is_capital_city (gaz, name))) && opens_line (t, pos, end))
        {
          scores[name->province].text_score += WEIGHT_CUE * lead;
          scores[name->province].strong = TRUE;
        }
      else
        scores[name->province].text_score += WEIGHT_BARE * lead;
      note (&scores[name->province], t, in_body, pos, end);
      last_end = end;

    skip:
      pos = end - 1;
    next:
      ;
    }
}

/* 'congan.nghean.gov.vn', 'https://baogialai.com.vn/…' → the host. */
static char *
host_of (const char *s)
{
  const char *p = s;
  const char *e;
  char *host;

  if (strstr (p, "://") != NULL)
    p = strstr (p, "://") + 3;
  e = p;
  while (*e != '\0' && *e != '/' && *e != ':' && *e != '?' && *e != '#'
         && *e != ')' && *e != ' ' && *e != '(')
    e++;
  host = g_ascii_strdown (p, e - p);
  if (g_str_has_prefix (host, "www."))
    memmove (host, host + 4, strlen (host + 4) + 1);
  if (strchr (host, '.') == NULL)
    g_clear_pointer (&host, g_free);
  return host;
}

static void
outlet_evidence (VankhoGazetteer *gaz,
                 Score           *scores,
                 const char      *code,
                 const char      *kind,
                 gssize           offset,
                 gsize            length)
{
  int index = vankho_gazetteer_province_index (gaz, code);

  if (index < 0 || scores[index].outlet)
    return;
  scores[index].outlet = TRUE;
  scores[index].outlet_kind = kind;
  scores[index].outlet_offset = offset;
  scores[index].outlet_length = length;
}

/* A byline token: 'ĐTO', 'BDK.VN', 'Baonghean.vn', 'Congan.nghean.gov.vn'. */
static void
token_evidence (VankhoGazetteer *gaz,
                Score           *scores,
                const char      *token,
                gssize           offset,
                gsize            length,
                gboolean         *national)
{
  const char *code;
  g_autofree char *host = NULL;
  gboolean nat = FALSE;

  code = vankho_gazetteer_lookup_abbr (gaz, token, &nat);
  if (code != NULL)
    {
      outlet_evidence (gaz, scores, code, "byline", offset, length);
      return;
    }
  if (nat)
    {
      *national = TRUE;
      return;
    }

  host = host_of (token);
  if (host != NULL && (code = vankho_gazetteer_lookup_host (gaz, host, &nat)) != NULL)
    outlet_evidence (gaz, scores, code, "domain", offset, length);
  if (nat)
    *national = TRUE;
}

/* The writer's unit in the byline: 'Thanh Hương (Công an tỉnh Điện Biên)'
 * writes for that province's police, as its portal would. */
static void
unit_evidence (VankhoGazetteer *gaz,
               Score           *scores,
               const char      *byline)
{
  static const char * const units[] = {
    "cong an tinh", "cong an thanh pho", "cong an tp", NULL,
  };
  g_autoptr(VankhoExtractText) t = vankho_extract_text_new (byline, strlen (byline));

  for (gsize pos = 0; pos < t->fold_len; pos++)
    {
      const VankhoGazetteerName *name;
      gsize end;

      if (!vankho_extract_text_word_start (t, pos)
          || !match_back_any (t, pos, units, NULL)
          || (name = match_name (gaz, t, pos, FALSE, &end)) == NULL)
        continue;
      outlet_evidence (gaz, scores, vankho_gazetteer_get_nth_province (gaz, name->province)->code,
                       "byline", -1, 0);
      return;
    }
}

/* Bylines at the head of the first lines: '(Congan.nghean.gov.vn)-',
 * 'ĐTO - ', 'BBK - ', '(ANTV) - '.
 */
static void
scan_bylines (VankhoGazetteer         *gaz,
              const VankhoExtractText *t,
              Score                   *scores,
              gboolean                *national)
{
  gsize pos = 0;
  guint lines = 0;

  while (pos < t->fold_len && pos < 1600 && lines < 10)
    {
      gsize p = vankho_extract_text_skip_blank (t, pos);
      gsize start, end = 0;
      gsize limit = MIN (t->fold_len, p + 40);
      gboolean ok = FALSE;

      if (p < t->fold_len && t->fold[p] == '(')
        {
          start = p + 1;
          end = start;
          while (end < limit && t->fold[end] != ')' && t->fold[end] != ' ' && t->fold[end] != '\n')
            end++;
          ok = end < limit && t->fold[end] == ')' && end > start;
        }
      else
        {
          start = p;
          end = start;
          while (end < limit && t->fold[end] != ' ' && t->fold[end] != '\n' && t->fold[end] != '-')
            end++;
          if (end > start)
            {
              gsize q = vankho_extract_text_skip_blank (t, end);

              ok = q < t->fold_len && t->fold[q] == '-' && q + 1 < t->fold_len
                   && (t->fold[q + 1] == ' ' || q > end)
                   && vankho_extract_text_is_all_caps (t, start, end);
            }
        }

      if (ok)
        {
          gsize s, l;
          g_autofree char *token = NULL;

          vankho_extract_text_orig_span (t, start, end, &s, &l);
          token = g_utf8_make_valid (t->text + s, l);
          token_evidence (gaz, scores, token, s, l, national);
        }

      while (pos < t->fold_len && t->fold[pos] != '\n')
        pos++;
      if (pos > p)
        lines++;
      pos++;
    }
}

typedef struct
{
  guint  index;
  double score;
  gssize offset;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a;
  const Ranked *rb = b;

  if (ra->score != rb->score)
    return (ra->score < rb->score) - (ra->score > rb->score);
  /* Equal evidence: in the order the text names them. */
  return (ra->offset > rb->offset) - (ra->offset < rb->offset);
}

/**
 * vankho_place_extractor_run:
 * @title: (nullable): the folded title
 * @url: (nullable): the article's or feed entry's link
 * @byline: (nullable): the byline field
 *
 * Adds the provinces of the article to @result, primary ones first.
 */
void
vankho_place_extractor_run (VankhoGazetteer         *gaz,
                            const VankhoExtractText *body,
                            const VankhoExtractText *title,
                            const char              *url,
                            const char              *byline,
                            VankhoExtraction        *result)
{
  guint n = vankho_gazetteer_get_n_provinces (gaz);
  g_autofree Score *scores = g_new0 (Score, n);
  g_autoptr(GArray) districts = g_array_new (FALSE, FALSE, sizeof (Ambiguous));
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  gboolean national = FALSE;
  gboolean any_outlet = FALSE;
  double top = 0.0;
  double second = 0.0;
  guint n_primary = 0;

  if (url != NULL && url[0] != '\0')
    {
      g_autofree char *host = host_of (url);
      const char *code;

      if (host != NULL && (code = vankho_gazetteer_lookup_host (gaz, host, &national)) != NULL)
        outlet_evidence (gaz, scores, code, "domain", -1, 0);
    }

  if (byline != NULL && byline[0] != '\0')
    {
      g_auto(GStrv) tokens = g_strsplit_set (byline, " ()-,;|", -1);

      for (guint i = 0; tokens[i] != NULL; i++)
        if (tokens[i][0] != '\0')
          token_evidence (gaz, scores, tokens[i], -1, 0, &national);
      unit_evidence (gaz, scores, byline);
    }

  scan_bylines (gaz, body, scores, &national);

  if (title != NULL)
    scan_text (gaz, title, FALSE, 1.5, scores, districts);
  scan_text (gaz, body, TRUE, 1.5, scores, districts);

  /* Districts: a unique one is evidence; a shared name only when one of
   * its provinces is named too.
   */
  for (guint i = 0; i < districts->len; i++)
    {
      const Ambiguous *amb = &g_array_index (districts, Ambiguous, i);
      int chosen = -1;

      if (amb->n == 1)
        chosen = amb->candidates[0];
      else
        for (guint k = 0; k < amb->n; k++)
          if (scores[amb->candidates[k]].in_text || scores[amb->candidates[k]].outlet)
            {
              if (chosen >= 0 && chosen != (int) amb->candidates[k])
                {
                  chosen = -1;
                  break;
                }
              chosen = amb->candidates[k];
            }

      if (chosen < 0)
        continue;

      if (!scores[chosen].in_text)
        scores[chosen].district_only = TRUE;
      scores[chosen].text_score += amb->weight;
      scores[chosen].strong = TRUE;
      if (amb->start != G_MAXSIZE)
        note (&scores[chosen], body, TRUE, amb->start, amb->end);
      else
        note (&scores[chosen], body, FALSE, 0, 0);
    }

  for (guint i = 0; i < n; i++)
    {
      if (scores[i].outlet)
        any_outlet = TRUE;
      if (scores[i].outlet || scores[i].text_score > 0)
        {
          Ranked r = { i, scores[i].text_score,
                       scores[i].in_text && scores[i].first_offset >= 0 ? scores[i].first_offset : G_MAXSSIZE };

          g_array_append_val (ranked, r);
        }
    }
  g_array_sort (ranked, compare_ranked);

  for (guint i = 0; i < ranked->len; i++)
    {
      const Ranked *r = &g_array_index (ranked, Ranked, i);

      if (scores[r->index].outlet)
        continue;
      if (r->score > top)
        {
          second = top;
          top = r->score;
        }
      else if (r->score > second)
        second = r->score;
    }

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < ranked->len; i++)
      {
        const Ranked *r = &g_array_index (ranked, Ranked, i);
        Score *s = &scores[r->index];
        const VankhoProvince *province = vankho_gazetteer_get_nth_province (gaz, r->index);
        gboolean primary;
        VankhoPlace *place;

        if (any_outlet)
          {
            /* The outlet's province; another one only when the text is
             * plainly about it (a provincial paper reporting a neighbour).
             */
            double outlet_text = 0.0;

            for (guint k = 0; k < n; k++)
              if (scores[k].outlet)
                outlet_text = MAX (outlet_text, scores[k].text_score);
            primary = s->outlet
                      || (s->strong && r->score >= 2 * PRIMARY_MIN
                          && r->score >= 2 * outlet_text + PRIMARY_MIN
                          && r->score == top && second * 2 <= top);
          }
        else
          primary = s->strong && r->score >= PRIMARY_MIN
                    && (r->score == top ? second * 2 <= top || second < PRIMARY_MIN
                                        : FALSE);

        if (!any_outlet && r->score == top && s->strong && r->score >= PRIMARY_MIN
            && second >= PRIMARY_MIN && second * 2 > top)
          {
            /* Two provinces with strong evidence (a cooperation agreement
             * between two police forces): both, when only two.
             */
            guint n_close = 0;

            for (guint k = 0; k < ranked->len; k++)
              if (g_array_index (ranked, Ranked, k).score * 2 > top)
                n_close++;
            primary = n_close == 2;
          }
        else if (!any_outlet && r->score != top && s->strong && r->score >= PRIMARY_MIN
                 && r->score * 2 > top && r->score == second)
          {
            guint n_close = 0;

            for (guint k = 0; k < ranked->len; k++)
              if (g_array_index (ranked, Ranked, k).score * 2 > top)
                n_close++;
            primary = n_close == 2;
          }

        if ((pass == 0) != primary)
          continue;

        place = vankho_extraction_add_place (result);
        place->code = g_strdup (province->code);
        place->name = g_strdup (province->name);
        place->role = primary ? VANKHO_PLACE_ROLE_PRIMARY : VANKHO_PLACE_ROLE_MENTIONED;
        place->score = r->score + (s->outlet ? WEIGHT_OUTLET : 0);
        if (s->outlet)
          {
            place->evidence = s->outlet_kind;
            place->offset = s->outlet_offset;
            place->length = s->outlet_length;
          }
        else
          {
            place->evidence = s->district_only ? "district" : "text";
            place->offset = s->first_offset;
            place->length = s->first_length;
          }
        if (primary)
          n_primary++;
      }

  (void) national;
  (void) n_primary;
}
