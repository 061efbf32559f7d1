/* vankho-fts-postings.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reads which rows of an FTS5 table hold a word, and how often in each
 * column, straight from the table's index.
 *
 * A search here is often a common word that matches most of the archive,
 * and the list ranks every match. Through FTS5 each match costs a step of
 * its iterator, a call of the rank function and SQLite's program around
 * it: about 1 200 instructions, so that a word in 900 000 of a million
 * articles took 80–190 ms however the work was split. Reading the word's
 * list of rows here costs a few bytes each.
 *
 * The format read is FTS5's file format (fts5_index.c describes it), which
 * SQLite keeps readable from one release to the next: the index is a set
 * of segments, each a run of leaves in the %_data table; a leaf holds
 * terms in order, each followed by its doclist (rowids, then each row's
 * positions, column by column), and a doclist may run on over the leaves
 * that follow. A newer segment's entry for a row overrides an older one's,
 * and an entry with no positions deletes the row. Anything outside what is
 * read here (another format version, contentless_delete, detail other than
 * full, a third column) makes the reader decline, and the caller searches
 * through FTS5 instead; so does anything that does not parse.
 */

#include "config.h"

#include <string.h>

#include "vankho-fts-postings.h"

#define AVERAGES_ID 1
#define STRUCTURE_ID 10
/* A leaf's id in %_data: the segment's id above 31 bits of page number,
 * 5 of doclist index height and one doclist index flag. */
#define SEGMENT_ID_SHIFT 37
/* The version of the format read here (FTS5_CURRENT_VERSION). */
#define FORMAT_VERSION 4
/* Terms of the main index start with this byte; prefix indexes use others. */
#define MAIN_INDEX '0'
/* Zeros after each record, so that a varint cut short stops on them. */
#define PADDING 16
#define CHECK_CANCEL_EVERY 256

typedef struct
{
  int id;
  int first;   /* its first and last leaf */
  int last;
} Segment;

typedef struct
{
  guint8 *data;
  gsize   alloc;
  int     n;
  int     pgno;
  int     rowid_at;   /* where the first rowid is, if before any term; else 0 */
  int     leaf_end;   /* where the footer, the terms' offsets, starts */
  GArray *terms;      /* int: where each term on the leaf starts */
} Leaf;

/* A term's entries in one segment: @n_postings of the reader's postings
 * from @start, for the caller's @word; @postings points at them once
 * they are all read (see vankho_fts_postings_merge()). */
typedef struct
{
  GBytes                 *term;
  int                     segment;   /* the segment's place, oldest first */
  guint                   word;
  guint                   start;
  guint                   n_postings;
  const VankhoFtsPosting *postings;
} Run;

struct _VankhoFtsPostingsReader
{
  sqlite3       *db;
  char          *table;
  char          *data_table;
  sqlite3_blob  *blob;
  sqlite3_stmt  *find_leaf;
  Segment       *segments;   /* oldest first */
  int            n_segments;
  sqlite3_int64  n_rows;
  gboolean       began;      /* a read transaction, for one snapshot */
  Leaf           leaf;
  guint          n_loaded;
  GArray        *all;           /* VankhoFtsPosting: every run's, end to end */
  guint          n_all;         /* of them in use */
  GArray        *terms;         /* VankhoFtsPosting: each term's rows, for a prefix */
  GArray        *sums;          /* VankhoFtsPosting: by id, for a prefix */
  GArray        *runs;          /* Run: what vankho_fts_postings_reader_collect() read */
  GBytes        *structure;     /* the record read at vankho_fts_postings_reader_begin() */
  GCancellable  *cancellable;   /* of the read under way */
};

/* SQLite's varint: big-endian groups of seven bits, the ninth byte whole. */
static inline const guint8 *
read_varint (const guint8 *p,
             const guint8 *end,
             guint64      *value)
{
  guint64 v = 0;

  for (int i = 0; i < 8; i++)
    {
      if (p >= end)
        return NULL;
      v = (v << 7) | (*p & 0x7f);
      if ((*p++ & 0x80) == 0)
        {
          *value = v;
          return p;
        }
    }
  if (p >= end)
    return NULL;
  *value = (v << 8) | *p++;
  return p;
}

static int
read_record (VankhoFtsPostingsReader *reader,
             sqlite3_int64            id,
             Leaf                    *leaf)
{
  int rc;
  int n;

  if (reader->blob == NULL)
    rc = sqlite3_blob_open (reader->db, "main", reader->data_table, "block", id, 0, &reader->blob);
  else
    rc = sqlite3_blob_reopen (reader->blob, id);
  if (rc != SQLITE_OK)
    return rc;

  n = sqlite3_blob_bytes (reader->blob);
  if (leaf->alloc < (gsize) n + PADDING)
    {
      leaf->alloc = MAX ((gsize) n + PADDING, leaf->alloc * 2);
      leaf->data = g_realloc (leaf->data, leaf->alloc);
    }
  rc = sqlite3_blob_read (reader->blob, leaf->data, n, 0);
  memset (leaf->data + n, 0, PADDING);
  leaf->n = n;

  return rc;
}

static int
load_leaf (VankhoFtsPostingsReader *reader,
           const Segment           *segment,
           int                      pgno,
           Leaf                    *leaf)
{
  const guint8 *p, *end;
  int offset = 0;
  int rc;

  rc = read_record (reader, ((sqlite3_int64) segment->id << SEGMENT_ID_SHIFT) + pgno, leaf);
  if (rc != SQLITE_OK)
    return rc;
  if (leaf->n < 4)
    return SQLITE_CORRUPT_VTAB;

  leaf->pgno = pgno;
  leaf->rowid_at = (leaf->data[0] << 8) | leaf->data[1];
  leaf->leaf_end = (leaf->data[2] << 8) | leaf->data[3];
  if (leaf->leaf_end < 4 || leaf->leaf_end > leaf->n ||
      (leaf->rowid_at != 0 && (leaf->rowid_at < 4 || leaf->rowid_at >= leaf->leaf_end)))
    return SQLITE_CORRUPT_VTAB;

  /* The footer: the first term's offset, then the distance to each next. */
  g_array_set_size (leaf->terms, 0);
  p = leaf->data + leaf->leaf_end;
  end = leaf->data + leaf->n;
  while (p < end)
    {
      guint64 delta;

      p = read_varint (p, end, &delta);
      if (p == NULL || (leaf->terms->len > 0 && delta == 0) || delta >= (guint64) leaf->leaf_end)
        return SQLITE_CORRUPT_VTAB;
      offset += (int) delta;
      if (offset < 4 || offset >= leaf->leaf_end)
        return SQLITE_CORRUPT_VTAB;
      g_array_append_val (leaf->terms, offset);
    }

  if ((++reader->n_loaded % CHECK_CANCEL_EVERY) == 0 && g_cancellable_is_cancelled (reader->cancellable))
    return SQLITE_INTERRUPT;

  return SQLITE_OK;
}

/* Whether every option in @sql, the table's CREATE VIRTUAL TABLE, is
 * one that leaves the leaves as read here: detail=full (the default), no
 * contentless_delete, no tokendata. FTS5 reads an option's name in any
 * case and from its first letters ('DETAIL', 'd'), so any option outside
 * these, written exactly so, is taken to change them. */
static gboolean
has_known_options (const char *sql)
{
  static const char * const known[] = { "content", "content_rowid", "tokenize", "prefix", "columnsize" };
  const char *p = sql != NULL ? strchr (sql, '(') : NULL;
  const char *arg;
  char quote = 0;
  int depth = 0;
  gboolean has_equals = FALSE;

  if (p == NULL)
    return FALSE;

  for (arg = ++p; *p != '\0'; p++)
    {
      if (quote != 0)
        {
          if (*p == quote)
            quote = 0;
          continue;
        }
      if (*p == '\'' || *p == '"' || *p == '`')
        quote = *p;
      else if (*p == '[')
        quote = ']';
      else if (*p == '(')
        depth++;
      else if (*p == '=' && depth == 0)
        has_equals = TRUE;
      else if ((*p == ',' || *p == ')') && depth == 0)
        {
          if (has_equals)
            {
              g_autofree char *name = g_strndup (arg, strchr (arg, '=') - arg);
              gboolean is_known = FALSE;

              g_strstrip (name);
              for (guint i = 0; !is_known && i < G_N_ELEMENTS (known); i++)
                is_known = strcmp (name, known[i]) == 0;
              if (!is_known)
                return FALSE;
            }
          if (*p == ')')
            return TRUE;
          arg = p + 1;
          has_equals = FALSE;
        }
      else if (*p == ')')
        depth--;
    }

  return FALSE;
}

/* Whether the table is one this reader knows how to read: its options
 * and its settings. */
static int
check_table (VankhoFtsPostingsReader *reader,
             const char              *table)
{
  static const char * const settings[] = {
    "automerge", "crisismerge", "deletemerge", "hashsize", "pgsz", "rank", "usermerge",
  };
  sqlite3_stmt *stmt = NULL;
  char *sql;
  int rc;

  rc = sqlite3_prepare_v2 (reader->db, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt) == SQLITE_ROW && has_known_options ((const char *) sqlite3_column_text (stmt, 0))
       ? SQLITE_OK : SQLITE_NOTFOUND;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return rc;

  sql = sqlite3_mprintf ("SELECT k, v FROM \"%w_config\"", table);
  rc = sqlite3_prepare_v2 (reader->db, sql, -1, &stmt, NULL);
  sqlite3_free (sql);
  if (rc != SQLITE_OK)
    return rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      gboolean known = g_strcmp0 (key, "version") == 0 && sqlite3_column_int (stmt, 1) == FORMAT_VERSION;

      for (guint i = 0; !known && i < G_N_ELEMENTS (settings); i++)
        known = g_strcmp0 (key, settings[i]) == 0;
      if (!known)
        break;
    }
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE ? SQLITE_OK : rc == SQLITE_ROW ? SQLITE_NOTFOUND : rc;
}

/* The number of rows, and the columns: one total of tokens each. */
static int
read_averages (VankhoFtsPostingsReader *reader)
{
  const guint8 *p, *end;
  guint64 n_rows, total;
  int n_columns = 0;
  int rc;

  rc = read_record (reader, AVERAGES_ID, &reader->leaf);
  if (rc != SQLITE_OK)
    return rc;

  /* A new or emptied table's record is empty: no rows. */
  if (reader->leaf.n == 0)
    {
      reader->n_rows = 0;
      return SQLITE_OK;
    }

  p = reader->leaf.data;
  end = p + reader->leaf.n;
  p = read_varint (p, end, &n_rows);
  if (p == NULL)
    return SQLITE_CORRUPT_VTAB;
  while (p < end && (p = read_varint (p, end, &total)) != NULL)
    n_columns++;
  if (p == NULL)
    return SQLITE_CORRUPT_VTAB;
  if (n_columns != VANKHO_FTS_POSTING_COLUMNS)
    return SQLITE_NOTFOUND;

  reader->n_rows = (sqlite3_int64) n_rows;
  return SQLITE_OK;
}

/* The segments, oldest first: the last level is the oldest, and each
 * level lists its own oldest first. A merge under way has moved what it
 * merged out of its inputs, so a term is in one or the other. */
static int
read_structure (VankhoFtsPostingsReader *reader)
{
  g_autoptr(GArray) levels = g_array_new (FALSE, FALSE, sizeof (GArray *));
  const guint8 *p, *end;
  guint64 n_levels, n_segments, writes;
  int rc;

  rc = read_record (reader, STRUCTURE_ID, &reader->leaf);
  if (rc != SQLITE_OK)
    return rc;
  /* The cookie and three varints at least; read past them, the record's
   * padding is zeros. */
  if (reader->leaf.n < 7)
    return SQLITE_CORRUPT_VTAB;

  g_clear_pointer (&reader->structure, g_bytes_unref);
  reader->structure = g_bytes_new (reader->leaf.data, reader->leaf.n);

  p = reader->leaf.data + 4;   /* past the configuration cookie */
  end = reader->leaf.data + reader->leaf.n;
  if (memcmp (p, "\xff\x00\x00\x01", 4) == 0)
    return SQLITE_NOTFOUND;   /* the second form, contentless_delete's */

  if ((p = read_varint (p, end, &n_levels)) == NULL ||
      (p = read_varint (p, end, &n_segments)) == NULL ||
      (p = read_varint (p, end, &writes)) == NULL ||
      n_levels > 2000 || n_segments > 65535)   /* FTS5's own limits in reading it */
    return SQLITE_CORRUPT_VTAB;

  reader->segments = g_new0 (Segment, n_segments);
  for (guint64 level = 0; p != NULL && level < n_levels; level++)
    {
      GArray *segments = g_array_new (FALSE, FALSE, sizeof (Segment));
      guint64 n_merging, n;

      g_array_append_val (levels, segments);
      if ((p = read_varint (p, end, &n_merging)) == NULL ||
          (p = read_varint (p, end, &n)) == NULL ||
          n > n_segments)
        break;
      for (guint64 i = 0; p != NULL && i < n; i++)
        {
          guint64 id, first, last;
          Segment segment;

          if ((p = read_varint (p, end, &id)) == NULL ||
              (p = read_varint (p, end, &first)) == NULL ||
              (p = read_varint (p, end, &last)) == NULL)
            break;
          /* Leaf numbers have 31 bits. */
          if (id == 0 || id > 65535 || first > G_MAXINT32 / 2 || last > G_MAXINT32 / 2)
            {
              p = NULL;
              break;
            }
          segment.id = (int) id;
          segment.first = (int) first;
          segment.last = (int) last;
          g_array_append_val (segments, segment);
        }
    }

  for (guint i = levels->len; i-- > 0;)
    {
      GArray *segments = g_array_index (levels, GArray *, i);

      for (guint j = 0; j < segments->len; j++)
        {
          Segment *segment = &g_array_index (segments, Segment, j);

          if (reader->n_segments < (int) n_segments && segment->id > 0 && segment->id <= 65535)
            reader->segments[reader->n_segments] = *segment;
          reader->n_segments++;
        }
      g_array_unref (segments);
    }

  if (p == NULL || levels->len != n_levels || reader->n_segments != (int) n_segments)
    return SQLITE_CORRUPT_VTAB;
  for (int i = 0; i < reader->n_segments; i++)
    if (reader->segments[i].id <= 0 || reader->segments[i].first > reader->segments[i].last + 1)
      return SQLITE_CORRUPT_VTAB;

  return SQLITE_OK;
}

/**
 * vankho_fts_postings_reader_new:
 * @db: the connection to read on
 * @table: the FTS5 table's name
 *
 * Returns: (transfer full): a reader of @table's index on @db, to keep:
 *   its buffers serve one read after another (fresh memory costs a page
 *   fault every 4 kB)
 */
VankhoFtsPostingsReader *
vankho_fts_postings_reader_new (sqlite3    *db,
                                const char *table)
{
  VankhoFtsPostingsReader *reader = g_new0 (VankhoFtsPostingsReader, 1);

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (table != NULL, NULL);

  reader->db = db;
  reader->table = g_strdup (table);
  reader->data_table = g_strdup_printf ("%s_data", table);
  reader->leaf.terms = g_array_new (FALSE, FALSE, sizeof (int));
  reader->all = g_array_new (FALSE, FALSE, sizeof (VankhoFtsPosting));
  reader->terms = g_array_new (FALSE, FALSE, sizeof (VankhoFtsPosting));
  reader->sums = g_array_new (FALSE, FALSE, sizeof (VankhoFtsPosting));
  reader->runs = g_array_new (FALSE, FALSE, sizeof (Run));

  return reader;
}

/**
 * vankho_fts_postings_reader_begin:
 *
 * Starts reading: in a read transaction of its own if the connection is
 * not in one already, so that every list read until
 * vankho_fts_postings_reader_end() comes from the same state of the index.
 *
 * Returns: %SQLITE_OK; %SQLITE_NOTFOUND if the table is not in a form read
 *   here; or the error that stopped it. Call
 *   vankho_fts_postings_reader_end() either way.
 */
int
vankho_fts_postings_reader_begin (VankhoFtsPostingsReader *reader)
{
  int rc;

  g_return_val_if_fail (reader != NULL, SQLITE_MISUSE);
  g_return_val_if_fail (!reader->began, SQLITE_MISUSE);

  if (sqlite3_get_autocommit (reader->db) &&
      sqlite3_exec (reader->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK)
    reader->began = TRUE;

  rc = check_table (reader, reader->table);
  if (rc == SQLITE_OK)
    rc = read_averages (reader);
  if (rc == SQLITE_OK)
    rc = read_structure (reader);
  if (rc != SQLITE_OK || reader->find_leaf != NULL)
    return rc;

  {
    char *sql = sqlite3_mprintf ("SELECT pgno FROM \"%w_idx\" WHERE segid = ? AND term <= ?"
                                 " ORDER BY term DESC LIMIT 1", reader->table);

    rc = sqlite3_prepare_v2 (reader->db, sql, -1, &reader->find_leaf, NULL);
    sqlite3_free (sql);
  }

  return rc;
}

/**
 * vankho_fts_postings_reader_end:
 *
 * Ends what vankho_fts_postings_reader_begin() started.
 */
void
vankho_fts_postings_reader_end (VankhoFtsPostingsReader *reader)
{
  g_return_if_fail (reader != NULL);

  vankho_fts_postings_reader_clear (reader);
  g_clear_pointer (&reader->blob, sqlite3_blob_close);
  if (reader->find_leaf != NULL)
    sqlite3_reset (reader->find_leaf);
  if (reader->began)
    sqlite3_exec (reader->db, "COMMIT", NULL, NULL, NULL);
  reader->began = FALSE;
  g_clear_pointer (&reader->structure, g_bytes_unref);
  g_clear_pointer (&reader->segments, g_free);
  reader->n_segments = 0;
}

void
vankho_fts_postings_reader_free (VankhoFtsPostingsReader *reader)
{
  if (reader == NULL)
    return;

  vankho_fts_postings_reader_end (reader);
  g_clear_pointer (&reader->find_leaf, sqlite3_finalize);
  g_free (reader->table);
  g_free (reader->data_table);
  g_free (reader->leaf.data);
  g_array_unref (reader->leaf.terms);
  g_array_unref (reader->all);
  g_array_unref (reader->terms);
  g_array_unref (reader->sums);
  g_array_unref (reader->runs);
  g_free (reader);
}

/**
 * vankho_fts_postings_reader_get_n_rows:
 *
 * Returns: the number of rows in the table, as FTS5's xRowCount() gives it
 */
sqlite3_int64
vankho_fts_postings_reader_get_n_rows (VankhoFtsPostingsReader *reader)
{
  return reader->n_rows;
}

/* Counts the positions in [@p, @end), a piece of a position list: each
 * is a varint of at least 2, and a change of column is the byte 1, then
 * the column's number. The pieces of one list may lie on two leaves. */
typedef struct
{
  guint    column;
  guint    column_number;
  gboolean at_start;         /* of a varint */
  gboolean in_column_number;
} PositionState;

static inline void
count_positions (const guint8     *p,
                 const guint8     *end,
                 PositionState    *state,
                 VankhoFtsPosting *posting)
{
  for (; p < end; p++)
    {
      if (state->in_column_number)
        {
          state->column_number = (state->column_number << 7) | (*p & 0x7f);
          if ((*p & 0x80) == 0)
            {
              state->column = state->column_number;
              state->column_number = 0;
              state->in_column_number = FALSE;
            }
          continue;
        }
      if (state->at_start && *p == 0x01)
        {
          state->in_column_number = TRUE;
          continue;
        }
      state->at_start = (*p & 0x80) == 0;
      if (state->at_start && state->column < VANKHO_FTS_POSTING_COLUMNS)
        posting->n[state->column]++;
    }
}

/* count_positions() for a whole position list on one leaf, quicker: the
 * first column's positions are the varints before the byte 1, and the
 * second's, the last, all those after its number. */
static inline gboolean
count_on_leaf (const guint8     *p,
               const guint8     *end,
               VankhoFtsPosting *posting)
{
  while (p < end && *p != 0x01)
    {
      while (p < end && (*p & 0x80) != 0)
        p++;
      if (p++ == end)
        return FALSE;
      posting->n[0]++;
    }
  if (p == end)
    return TRUE;

  /* The second column, numbered 1. */
  if (end - p < 2 || p[1] != 0x01)
    return FALSE;
  posting->n[1] = vankho_fts_count_varints (p + 2, end);

  return (end[-1] & 0x80) == 0;
}

/* Where the term after @k on @leaf starts, or -1 if @k is the last. */
static inline int
next_term_at (const Leaf *leaf,
              guint       k)
{
  return k + 1 < leaf->terms->len ? g_array_index (leaf->terms, int, k + 1) : -1;
}

/* Room for one more posting at the end of every run's: a call per row
 * to g_array_append_val() cost a tenth of a common word's read. */
static inline VankhoFtsPosting *
add_posting (VankhoFtsPostingsReader *reader)
{
  if (reader->n_all == reader->all->len)
    g_array_set_size (reader->all, MAX (4096, reader->all->len * 2));
  return &g_array_index (reader->all, VankhoFtsPosting, reader->n_all++);
}

/* Decodes the doclist at *@pos on @leaf into the reader's postings, following it
 * onto the next leaves of @segment while they go on with it; @term_end is
 * where the next term on @leaf starts (-1: none). Leaves @leaf and *@pos
 * where the doclist ends. */
static int
read_doclist (VankhoFtsPostingsReader *reader,
              const Segment           *segment,
              Leaf                    *leaf,
              int                     *pos_inout,
              int                      term_end)
{
  int pos = *pos_inout;
  gint64 id = 0;
  gboolean absolute = TRUE;   /* the doclist's first rowid, and a leaf's */
  int rc;

  /* A term may end its leaf, its first rowid starting the next one: a
   * leaf is written out once full, between the term and the rowid. */
  if (pos == leaf->leaf_end)
    {
      if (leaf->pgno >= segment->last)
        return SQLITE_CORRUPT_VTAB;
      rc = load_leaf (reader, segment, leaf->pgno + 1, leaf);
      if (rc != SQLITE_OK)
        return rc;
      if (leaf->rowid_at != 4)
        return SQLITE_CORRUPT_VTAB;
      pos = 4;
      term_end = leaf->terms->len > 0 ? g_array_index (leaf->terms, int, 0) : -1;
    }

  for (;;)
    {
      VankhoFtsPosting posting = { 0 };
      PositionState state = { 0, 0, TRUE, FALSE };
      const guint8 *p, *end = leaf->data + leaf->leaf_end;
      guint64 value, size;
      guint64 left;

      if ((p = read_varint (leaf->data + pos, end, &value)) == NULL ||
          (p = read_varint (p, end, &size)) == NULL)
        return SQLITE_CORRUPT_VTAB;
      id = absolute ? (gint64) value : (gint64) ((guint64) id + value);
      posting.id = id;
      pos = p - leaf->data;

      /* The positions: most lists lie on one leaf and are counted by
       * count_on_leaf(); the others run on into the next leaves. */
      left = size >> 1;
      if (left <= (guint64) (leaf->leaf_end - pos))
        {
          if (!count_on_leaf (leaf->data + pos, leaf->data + pos + left, &posting))
            return SQLITE_CORRUPT_VTAB;
          pos += left;
          left = 0;
        }
      for (; left > 0;)
        {
          guint64 here = MIN (left, (guint64) (leaf->leaf_end - pos));

          if (here == 0)
            {
              if (leaf->pgno >= segment->last)
                return SQLITE_CORRUPT_VTAB;
              rc = load_leaf (reader, segment, leaf->pgno + 1, leaf);
              if (rc != SQLITE_OK)
                return rc;
              pos = 4;
              term_end = leaf->terms->len > 0 ? g_array_index (leaf->terms, int, 0) : -1;
              continue;
            }
          count_positions (leaf->data + pos, leaf->data + pos + here, &state, &posting);
          pos += here;
          left -= here;
        }
      if (state.in_column_number || !state.at_start || state.column >= VANKHO_FTS_POSTING_COLUMNS)
        return SQLITE_CORRUPT_VTAB;
      *add_posting (reader) = posting;

      if (pos == term_end)
        break;
      if (term_end >= 0 && pos > term_end)
        return SQLITE_CORRUPT_VTAB;
      if (pos < leaf->leaf_end)
        {
          /* The first rowid on a leaf the doclist ran on to is whole. */
          absolute = pos == leaf->rowid_at;
          continue;
        }

      /* At the leaf's end: the doclist goes on if the next leaf starts
       * with a rowid rather than a term. */
      if (leaf->pgno >= segment->last)
        break;
      rc = load_leaf (reader, segment, leaf->pgno + 1, leaf);
      if (rc != SQLITE_OK)
        return rc;
      pos = 4;
      term_end = leaf->terms->len > 0 ? g_array_index (leaf->terms, int, 0) : -1;
      if (leaf->rowid_at != 4)
        {
          if (term_end != 4)
            return SQLITE_CORRUPT_VTAB;
          break;
        }
      absolute = TRUE;
    }

  *pos_inout = pos;
  return SQLITE_OK;
}

/* Reads the term at the @k-th offset of @leaf into @term: the first on a
 * leaf is whole, each other shares a prefix with the one before it. */
static int
read_term (const Leaf *leaf,
           guint       k,
           GByteArray *term,
           int        *doclist_at)
{
  const guint8 *p = leaf->data + g_array_index (leaf->terms, int, k);
  const guint8 *end = leaf->data + leaf->leaf_end;
  guint64 keep = 0, n_new;

  if (k > 0 && (p = read_varint (p, end, &keep)) == NULL)
    return SQLITE_CORRUPT_VTAB;
  if ((p = read_varint (p, end, &n_new)) == NULL || keep > term->len || n_new > (guint64) (end - p))
    return SQLITE_CORRUPT_VTAB;

  g_byte_array_set_size (term, keep);
  g_byte_array_append (term, p, n_new);
  *doclist_at = (p + n_new) - leaf->data;

  return SQLITE_OK;
}

/* Below 0 if @term comes before what is looked for, 0 if it is it (or
 * starts with it, for a prefix), above 0 once past it. */
static int
compare_term (const GByteArray *term,
              const guint8     *key,
              gsize             key_len,
              gboolean          prefix)
{
  int cmp = memcmp (term->data, key, MIN (term->len, key_len));

  if (cmp != 0)
    return cmp;
  if (term->len < key_len)
    return -1;
  return term->len == key_len || prefix ? 0 : 1;
}

/* Appends a Run to the reader's for each term of @segment that is @key,
 * or starts with it. */
static int
read_segment (VankhoFtsPostingsReader *reader,
              int                      index,
              const guint8            *key,
              gsize                    key_len,
              gboolean                 prefix,
              guint                    word)
{
  const Segment *segment = &reader->segments[index];
  Leaf *leaf = &reader->leaf;
  g_autoptr(GByteArray) term = g_byte_array_new ();
  int pgno = segment->first;
  int rc;

  /* An input of a merge under way that the merge has emptied. */
  if (segment->first == 0)
    return SQLITE_OK;

  /* The last leaf whose first term is not past the key. */
  sqlite3_reset (reader->find_leaf);
  sqlite3_bind_int (reader->find_leaf, 1, segment->id);
  sqlite3_bind_blob (reader->find_leaf, 2, key, key_len, SQLITE_STATIC);
  rc = sqlite3_step (reader->find_leaf);
  if (rc == SQLITE_ROW)
    pgno = MAX (pgno, (int) (sqlite3_column_int64 (reader->find_leaf, 0) >> 1));
  else if (rc != SQLITE_DONE)
    return rc;
  sqlite3_reset (reader->find_leaf);
  if (pgno > segment->last)
    return SQLITE_OK;

  rc = load_leaf (reader, segment, pgno, leaf);
  for (guint k = 0; rc == SQLITE_OK;)
    {
      Run run;
      int pos, cmp;

      if (k >= leaf->terms->len)
        {
          if (leaf->pgno >= segment->last)
            break;
          rc = load_leaf (reader, segment, leaf->pgno + 1, leaf);
          k = 0;
          continue;
        }

      rc = read_term (leaf, k, term, &pos);
      if (rc != SQLITE_OK)
        break;
      cmp = compare_term (term, key, key_len, prefix);
      if (cmp > 0)
        break;
      if (cmp < 0)
        {
          k++;
          continue;
        }

      run.term = g_bytes_new (term->data, term->len);
      run.segment = index;
      run.word = word;
      run.start = reader->n_all;
      run.postings = NULL;
      {
        int at_pgno = leaf->pgno;

        rc = read_doclist (reader, segment, leaf, &pos, next_term_at (leaf, k));
        run.n_postings = reader->n_all - run.start;
        g_array_append_val (reader->runs, run);
        if (rc != SQLITE_OK || !prefix)
          break;
        if (leaf->pgno == at_pgno)
          {
            k++;
            continue;
          }
      }

      /* The doclist ran on to other leaves: go on from the term after it,
       * if there is one here. */
      for (k = 0; k < leaf->terms->len && g_array_index (leaf->terms, int, k) < pos; k++)
        ;
      if (k < leaf->terms->len && g_array_index (leaf->terms, int, k) != pos)
        rc = SQLITE_CORRUPT_VTAB;
    }

  return rc;
}

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  const Run *x = a, *y = b;
  int cmp = g_bytes_compare (x->term, y->term);

  return cmp != 0 ? cmp : x->segment - y->segment;
}

static inline gboolean
holds_word (const VankhoFtsPosting *posting)
{
  return posting->n[0] + posting->n[1] > 0;
}

/* Room for @n more postings at the end of @postings; returns where
 * they go, and the caller sets the array's length once they are in. */
static VankhoFtsPosting *
reserve_postings (GArray *postings,
                  guint   n)
{
  guint len = postings->len;

  g_array_set_size (postings, len + n);
  return &g_array_index (postings, VankhoFtsPosting, len);
}

/* Appends the rows of one term, from its @n_runs runs (oldest first), to
 * @out: where a row is in several, the newest run's entry is the row's,
 * and an entry without positions says the row no longer holds the term. */
static void
merge_term (const Run *runs,
            guint      n_runs,
            GArray    *out)
{
  g_autofree guint *next = g_new0 (guint, n_runs);
  guint total = 0;
  VankhoFtsPosting *to;
  gboolean ordered = TRUE;
  gint64 last = G_MININT64;

  /* Articles are added in id order, so a term's runs nearly always follow
   * one another; then they are taken whole. */
  for (guint i = 0; i < n_runs; i++)
    {
      const VankhoFtsPosting *run = runs[i].postings;

      total += runs[i].n_postings;
      if (!ordered || runs[i].n_postings == 0)
        continue;
      ordered = run[0].id > last;
      last = run[runs[i].n_postings - 1].id;
    }
  to = reserve_postings (out, total);

  if (ordered)
    {
      for (guint i = 0; i < n_runs; i++)
        {
          const VankhoFtsPosting *run = runs[i].postings;

          for (guint j = 0; j < runs[i].n_postings; j++)
            if (holds_word (&run[j]))
              *to++ = run[j];
        }
      g_array_set_size (out, to - (VankhoFtsPosting *) out->data);
      return;
    }

  for (;;)
    {
      const VankhoFtsPosting *newest = NULL;
      gboolean any = FALSE;
      gint64 id = G_MAXINT64;

      for (guint i = 0; i < n_runs; i++)
        if (next[i] < runs[i].n_postings)
          {
            id = MIN (id, runs[i].postings[next[i]].id);
            any = TRUE;
          }
      if (!any)
        break;

      for (guint i = 0; i < n_runs; i++)
        if (next[i] < runs[i].n_postings && runs[i].postings[next[i]].id == id)
          newest = &runs[i].postings[next[i]++];
      if (holds_word (newest))
        *to++ = *newest;
    }
  g_array_set_size (out, to - (VankhoFtsPosting *) out->data);
}

static int
compare_posting_ids (gconstpointer a,
                     gconstpointer b)
{
  const VankhoFtsPosting *x = a, *y = b;

  return (x->id > y->id) - (x->id < y->id);
}

/* The rows of several terms, one list in id order with each row's counts
 * summed, as FTS5 merges a prefix's terms into one phrase. FTS5 takes the
 * union of their positions: the same count as long as no two tokens share
 * a position, which the 'vankho' tokenizer never gives (it emits no
 * FTS5_TOKEN_COLOCATED). */
static void
sum_terms (GArray *terms,
           GArray *postings)
{
  VankhoFtsPosting *all = (VankhoFtsPosting *) terms->data;
  guint n = 0;

  g_array_sort (terms, compare_posting_ids);
  for (guint i = 0; i < terms->len; i++)
    {
      if (n > 0 && all[n - 1].id == all[i].id)
        {
          for (int c = 0; c < VANKHO_FTS_POSTING_COLUMNS; c++)
            all[n - 1].n[c] += all[i].n[c];
          continue;
        }
      all[n++] = all[i];
    }
  g_array_append_vals (postings, all, n);
}

/* The same, by adding each row's counts into an array by id, when the
 * ids are close enough together for it: a prefix of a common syllable
 * spans most rows many times over. */
static gboolean
sum_terms_dense (GArray *terms,
                 GArray *kept_sums,
                 GArray *postings)
{
  const VankhoFtsPosting *all = (const VankhoFtsPosting *) terms->data;
  VankhoFtsPosting *sums;
  VankhoFtsPosting *to;
  gint64 low = G_MAXINT64, high = G_MININT64;
  guint64 range;

  for (guint i = 0; i < terms->len; i++)
    {
      low = MIN (low, all[i].id);
      high = MAX (high, all[i].id);
    }
  if (terms->len == 0)
    return TRUE;
  /* The span first: ids from G_MININT64 to G_MAXINT64 would wrap. */
  range = (guint64) high - (guint64) low;
  if (range >= (guint64) terms->len * 4)
    return FALSE;
  range++;

  g_array_set_size (kept_sums, range);
  sums = (VankhoFtsPosting *) kept_sums->data;
  memset (sums, 0, range * sizeof *sums);
  for (guint i = 0; i < terms->len; i++)
    {
      VankhoFtsPosting *sum = &sums[all[i].id - low];

      for (int c = 0; c < VANKHO_FTS_POSTING_COLUMNS; c++)
        sum->n[c] += all[i].n[c];
    }
  to = reserve_postings (postings, terms->len);
  for (guint64 i = 0; i < range; i++)
    if (holds_word (&sums[i]))
      {
        sums[i].id = low + (gint64) i;
        *to++ = sums[i];
      }
  g_array_set_size (postings, to - (VankhoFtsPosting *) postings->data);

  return TRUE;
}

/**
 * vankho_fts_postings_reader_reads_same:
 *
 * Returns: whether @reader and @other, begun each on a connection of its
 *   own, read the same state of the index: the same structure record,
 *   which every write to the index changes (a new segment, a merge, and
 *   with each new segment a higher count of leaves written)
 */
gboolean
vankho_fts_postings_reader_reads_same (VankhoFtsPostingsReader *reader,
                                       VankhoFtsPostingsReader *other)
{
  return reader->structure != NULL && other->structure != NULL &&
         g_bytes_equal (reader->structure, other->structure);
}

/**
 * vankho_fts_postings_reader_get_n_segments:
 *
 * Returns: how many segments the index has, once begun: the units
 *   vankho_fts_postings_reader_collect() reads
 */
int
vankho_fts_postings_reader_get_n_segments (VankhoFtsPostingsReader *reader)
{
  return reader->n_segments;
}

/**
 * vankho_fts_postings_reader_collect:
 * @word: the caller's number for @token, for vankho_fts_postings_merge()
 * @token: a word as the table's tokenizer gives it
 * @prefix: whether to read every word that starts with @token
 * @segment: which segment to read it in, from 0
 *
 * Reads @token's entries in one segment of the index, and keeps them
 * until vankho_fts_postings_reader_clear(). Several readers, each on a
 * connection of its own and reading the same state of the index (see
 * vankho_fts_postings_reader_reads_same()), may collect the segments of
 * one search on threads of their own.
 *
 * Returns: %SQLITE_OK, %SQLITE_INTERRUPT if @cancellable was cancelled,
 *   %SQLITE_CORRUPT_VTAB if the index does not parse, or the error that
 *   stopped it
 */
int
vankho_fts_postings_reader_collect (VankhoFtsPostingsReader *reader,
                                    guint                    word,
                                    const char              *token,
                                    gboolean                 prefix,
                                    int                      segment,
                                    GCancellable            *cancellable)
{
  g_autofree guint8 *key = NULL;
  gsize key_len;
  int rc;

  g_return_val_if_fail (reader != NULL, SQLITE_MISUSE);
  g_return_val_if_fail (token != NULL, SQLITE_MISUSE);
  g_return_val_if_fail (segment >= 0 && segment < reader->n_segments, SQLITE_MISUSE);

  key_len = strlen (token) + 1;
  key = g_malloc (key_len);
  key[0] = MAIN_INDEX;
  memcpy (key + 1, token, key_len - 1);

  reader->cancellable = cancellable;
  rc = read_segment (reader, segment, key, key_len, prefix, word);
  reader->cancellable = NULL;
  if (rc == SQLITE_OK && g_cancellable_is_cancelled (cancellable))
    rc = SQLITE_INTERRUPT;

  return rc;
}

/**
 * vankho_fts_postings_reader_clear:
 *
 * Forgets what vankho_fts_postings_reader_collect() read.
 */
void
vankho_fts_postings_reader_clear (VankhoFtsPostingsReader *reader)
{
  for (guint i = 0; i < reader->runs->len; i++)
    g_bytes_unref (g_array_index (reader->runs, Run, i).term);
  g_array_set_size (reader->runs, 0);
  reader->n_all = 0;
}

/**
 * vankho_fts_postings_merge:
 * @readers: (array length=n_readers): the readers that collected @word
 * @scratch: one of them, whose buffers the merge may use
 * @postings: (element-type VankhoFtsPosting): where to append @word's
 *   rows, in ascending id order
 *
 * Puts together what the @readers collected of @word, segment by
 * segment: each term's rows, the newest segment's entry for a row
 * overriding older ones; then, for a prefix, the counts of all its terms
 * summed for each row, as FTS5 merges them into one phrase. Readers may
 * merge different words at once, each with its own @scratch.
 */
void
vankho_fts_postings_merge (VankhoFtsPostingsReader * const *readers,
                           guint                            n_readers,
                           guint                            word,
                           VankhoFtsPostingsReader         *scratch,
                           GArray                          *postings)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  GArray *terms = NULL;
  guint n_terms = 0;

  for (guint r = 0; r < n_readers; r++)
    for (guint i = 0; i < readers[r]->runs->len; i++)
      {
        Run run = g_array_index (readers[r]->runs, Run, i);

        if (run.word != word)
          continue;
        run.postings = &g_array_index (readers[r]->all, VankhoFtsPosting, run.start);
        g_array_append_val (runs, run);
      }

  /* Each term's runs together, oldest first. */
  g_array_sort (runs, compare_runs);
  for (guint i = 0; i < runs->len; i++)
    n_terms += i == 0 || !g_bytes_equal (g_array_index (runs, Run, i - 1).term,
                                         g_array_index (runs, Run, i).term);
  if (n_terms > 1)
    {
      terms = scratch->terms;
      g_array_set_size (terms, 0);
    }

  for (guint i = 0; i < runs->len;)
    {
      const Run *first = &g_array_index (runs, Run, i);
      guint n = 1;

      while (i + n < runs->len && g_bytes_equal (first->term, g_array_index (runs, Run, i + n).term))
        n++;
      merge_term (first, n, terms != NULL ? terms : postings);
      i += n;
    }

  if (terms != NULL && !sum_terms_dense (terms, scratch->sums, postings))
    sum_terms (terms, postings);
}

/**
 * vankho_fts_postings_reader_read:
 * @token: a word as the table's tokenizer gives it
 * @prefix: whether to read every word that starts with @token
 * @postings: (element-type VankhoFtsPosting): where to append the rows,
 *   in ascending id order
 *
 * Reads which rows hold @token (or, with @prefix, any word that starts
 * with it; its counts then summed) and how many times in each column:
 * vankho_fts_postings_reader_collect() on each segment, then
 * vankho_fts_postings_merge().
 *
 * Returns: as vankho_fts_postings_reader_collect()
 */
int
vankho_fts_postings_reader_read (VankhoFtsPostingsReader *reader,
                                 const char              *token,
                                 gboolean                 prefix,
                                 GArray                  *postings,
                                 GCancellable            *cancellable)
{
  int rc = SQLITE_OK;

  g_return_val_if_fail (reader != NULL, SQLITE_MISUSE);
  g_return_val_if_fail (token != NULL, SQLITE_MISUSE);

  vankho_fts_postings_reader_clear (reader);
  for (int i = 0; rc == SQLITE_OK && i < reader->n_segments; i++)
    rc = vankho_fts_postings_reader_collect (reader, 0, token, prefix, i, cancellable);
  if (rc == SQLITE_OK)
    vankho_fts_postings_merge (&reader, 1, 0, reader, postings);
  vankho_fts_postings_reader_clear (reader);

  return rc;
}
