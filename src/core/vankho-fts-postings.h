/* vankho-fts-postings.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>
#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The columns a posting counts positions in: a table of more is not read
 * here. */
#define VANKHO_FTS_POSTING_COLUMNS 2

/* A row that holds a word: how many times, in each column. */
typedef struct
{
  gint64  id;
  guint32 n[VANKHO_FTS_POSTING_COLUMNS];
} VankhoFtsPosting;

typedef struct _VankhoFtsPostingsReader VankhoFtsPostingsReader;

/* The varints in [@p, @end), as FTS5 writes positions: one ends at each
 * byte whose high bit is clear. Eight bytes at a time. */
static inline guint
vankho_fts_count_varints (const guint8 *p,
                          const guint8 *end)
{
  guint n = 0;

  for (; end - p >= 8; p += 8)
    {
      guint64 word;

      memcpy (&word, p, sizeof word);
      /* A 1 in each byte whose high bit is clear, summed by the multiply
       * into the top byte: without -mpopcnt, __builtin_popcountll() is a
       * call into libgcc. */
      word = (~word >> 7) & G_GUINT64_CONSTANT (0x0101010101010101);
      n += (word * G_GUINT64_CONSTANT (0x0101010101010101)) >> 56;
    }
  for (; p < end; p++)
    n += (*p & 0x80) == 0;

  return n;
}

VankhoFtsPostingsReader *vankho_fts_postings_reader_new   (sqlite3                 *db,
                                                            const char              *table);
void          vankho_fts_postings_reader_free      (VankhoFtsPostingsReader  *reader);
int           vankho_fts_postings_reader_begin     (VankhoFtsPostingsReader  *reader);
void          vankho_fts_postings_reader_end       (VankhoFtsPostingsReader  *reader);
sqlite3_int64 vankho_fts_postings_reader_get_n_rows (VankhoFtsPostingsReader *reader);
gboolean      vankho_fts_postings_reader_reads_same (VankhoFtsPostingsReader *reader,
                                                    VankhoFtsPostingsReader *other);
int           vankho_fts_postings_reader_get_n_segments (VankhoFtsPostingsReader *reader);
int           vankho_fts_postings_reader_collect   (VankhoFtsPostingsReader  *reader,
                                                    guint                     word,
                                                    const char               *token,
                                                    gboolean                  prefix,
                                                    int                       segment,
                                                    GCancellable             *cancellable);
void          vankho_fts_postings_reader_clear     (VankhoFtsPostingsReader  *reader);
void          vankho_fts_postings_merge            (VankhoFtsPostingsReader * const *readers,
                                                    guint                     n_readers,
                                                    guint                     word,
                                                    VankhoFtsPostingsReader  *scratch,
                                                    GArray                   *postings);
int           vankho_fts_postings_reader_read      (VankhoFtsPostingsReader  *reader,
                                                    const char               *token,
                                                    gboolean                  prefix,
                                                    GArray                   *postings,
                                                    GCancellable             *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VankhoFtsPostingsReader, vankho_fts_postings_reader_free)

G_END_DECLS
