/* vankho-event-extractor.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What an article reports doing with a document: 'Hội nghị sơ kết 1 năm
 * thực hiện Nghị quyết số 12', 'quán triệt Quyết định số 90-QĐ/TW'. An
 * event phrase applies to the citations that follow it in the same clause;
 * citations joined by 'và' or a comma share it ('sơ kết 2 năm thực hiện
 * Nghị quyết số 12 … và Chỉ thị số 11'). The event's date is the article's.
 */

#include "config.h"

#include <string.h>

#include "vankho-event-extractor.h"
#include "vankho-extract-tsv.h"

/* How far before a citation its event phrase may stand (folded bytes). */
#define EVENT_REACH 120

static void
event_word_free (gpointer data)
{
  VankhoEventWord *w = data;

  g_free (w->phrase);
  g_free (w->kind);
  g_free (w);
}

static gboolean
parse_event (char     **f,
             guint      line,
             gpointer   user_data,
             GError   **error)
{
  VankhoEventWord *w = g_new0 (VankhoEventWord, 1);

  w->phrase = vankho_extract_fold_phrase (f[0]);
  w->kind = g_strdup (f[1]);
  g_ptr_array_add (user_data, w);
  return TRUE;
}

/**
 * vankho_event_extractor_load:
 *
 * Returns: (transfer full) (element-type VankhoEventWord) (nullable): the
 *   event phrases of events.tsv
 */
GPtrArray *
vankho_event_extractor_load (GBytes  *events,
                             GError **error)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (event_word_free);

  if (!vankho_extract_tsv_parse (events, "events.tsv", 2, parse_event, words, error))
    return NULL;
  return g_steal_pointer (&words);
}

/* '1 năm', '01 năm', '6 tháng' after the phrase ('đánh giá kết quả 01 năm'). */
static char *
parse_period (const VankhoExtractText *t,
              gsize                    pos)
{
  gsize p = vankho_extract_text_skip_blank (t, pos);
  gsize e;
  guint n;

  if (vankho_extract_text_match (t, p, "ket qua", &e))
    p = vankho_extract_text_skip_blank (t, e);
  if (vankho_extract_text_match (t, p, "giua nhiem ky", NULL))
    return g_strdup ("giữa nhiệm kỳ");
  if (!vankho_extract_text_read_number (t, p, 2, &n, &p) || n == 0)
    return NULL;
  p = vankho_extract_text_skip_blank (t, p);
  if (vankho_extract_text_match (t, p, "nam", NULL))
    return g_strdup_printf ("%u năm", n);
  if (vankho_extract_text_match (t, p, "thang", NULL))
    return g_strdup_printf ("%u tháng", n);
  return NULL;
}

static gboolean
ends_clause (char c)
{
  return c == ';' || c == '.' || c == '\n' || c == ':' || c == '!' || c == '?';
}

static void
add_event (VankhoExtraction *result,
           const char       *kind,
           const char       *period,
           const char       *document)
{
  GPtrArray *events = vankho_extraction_get_events (result);
  VankhoEvent *event;

  for (guint i = 0; i < events->len; i++)
    {
      const VankhoEvent *e = g_ptr_array_index (events, i);

      if (g_strcmp0 (e->kind, kind) == 0 && g_strcmp0 (e->period, period) == 0
          && g_strcmp0 (e->document, document) == 0)
        return;
    }

  event = vankho_extraction_add_event (result);
  event->kind = g_intern_string (kind);
  event->period = g_strdup (period);
  event->document = g_strdup (document);
  event->date = *vankho_extraction_get_published (result);
}

/**
 * vankho_event_extractor_run:
 * @spans: (element-type VankhoCitationSpan): one per citation of @result
 */
void
vankho_event_extractor_run (GPtrArray               *event_words,
                            const VankhoExtractText *t,
                            GArray                  *spans,
                            VankhoExtraction        *result)
{
  GPtrArray *citations = vankho_extraction_get_citations (result);
  g_autoptr(GPtrArray) previous = NULL;

  for (guint i = 0; i < spans->len && i < citations->len; i++)
    {
      const VankhoCitationSpan *span = &g_array_index (spans, VankhoCitationSpan, i);
      const VankhoCitation *citation = g_ptr_array_index (citations, i);
      gsize from = span->fold_start > EVENT_REACH ? span->fold_start - EVENT_REACH : 0;
      g_autoptr(GPtrArray) found = g_ptr_array_new ();
      gboolean chained = FALSE;

      /* Do not reach back past the previous citation or the clause. */
      if (i > 0)
        {
          const VankhoCitationSpan *prev = &g_array_index (spans, VankhoCitationSpan, i - 1);

          if (prev->tail_end <= span->fold_start && prev->tail_end > from)
            {
              gsize p = prev->tail_end;

              from = prev->tail_end;
              while (p < span->fold_start && (t->fold[p] == ' ' || t->fold[p] == ','))
                p++;
              if (p == span->fold_start
                  || (vankho_extract_text_match (t, p, "va", &p)
                      && vankho_extract_text_skip_blank (t, p) == span->fold_start))
                chained = TRUE;
              else if (vankho_extract_text_match_back (t, span->fold_start, "va", NULL))
                {
                  /* '… Nghị quyết số 12-NQ/TW của Bộ Chính trị về đẩy mạnh
                   * xây dựng lực lượng … và Kế hoạch số 118-KH/ĐUCA': the
                   * subject in between, in the same clause. */
                  chained = TRUE;
                  for (gsize k = prev->tail_end; k < span->fold_start && chained; k++)
                    chained = !ends_clause (t->fold[k]);
                }
            }
        }
      for (gsize k = span->fold_start; k > from; k--)
        if (ends_clause (t->fold[k - 1]))
          {
            from = k;
            break;
          }

      for (gsize p = from; p < span->fold_start; p++)
        {
          if (!vankho_extract_text_word_start (t, p))
            continue;
          for (guint w = 0; w < event_words->len; w++)
            {
              const VankhoEventWord *ew = g_ptr_array_index (event_words, w);
              gsize e;
              g_autofree char *period = NULL;
              const char *kind = ew->kind;

              if (ew->phrase[0] != t->fold[p] || !vankho_extract_text_match (t, p, ew->phrase, &e))
                continue;

              period = parse_period (t, e);
              if (strcmp (kind, "danh_gia") == 0)
                {
                  /* 'đánh giá 01 năm thực hiện' is an interim review. */
                  if (period == NULL)
                    break;
                  kind = "so_ket";
                }
              add_event (result, kind, period, citation->key);
              g_ptr_array_add (found, (gpointer) g_intern_string (kind));
              g_ptr_array_add (found, (gpointer) g_intern_string (period));
              break;
            }
        }

      if (found->len == 0 && chained && previous != NULL)
        for (guint k = 0; k + 1 < previous->len; k += 2)
          add_event (result, g_ptr_array_index (previous, k), g_ptr_array_index (previous, k + 1),
                     citation->key);

      if (found->len > 0 || !chained)
        {
          /* Kinds and periods are interned strings: nothing to free. */
          g_clear_pointer (&previous, g_ptr_array_unref);
          previous = g_steal_pointer (&found);
        }
    }
}
