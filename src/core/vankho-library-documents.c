/* vankho-library-documents.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* VankhoLibrary, continued: the documents the archive cites, seen from the
 * document's side (who cites it, when, where, what they reported doing with
 * it), and the user's corrections of them.
 *
 * An entry merged into another counts for it everywhere: every read below
 * takes a document's "family", the entry and the entries merged into it.
 * Merges are kept one level deep (merging an entry that others were merged
 * into moves them along), so the family is one indexed lookup.
 *
 * The reads run on the reader connection under its lock, so the views can
 * call them from a worker thread; the corrections write on the main one.
 */

#define G_LOG_DOMAIN "vankho-library"

#include "config.h"

#include <inttypes.h>

#include <string.h>
#include <glib/gi18n.h>

#include "vankho-extractor.h"
#include "vankho-library-documents.h"
#include "vankho-library-private.h"
#include "vankho-text.h"

#define FAMILY "(SELECT id FROM documents WHERE id = ?1 OR merged_into = ?1)"

/* The CTE 'family_counts' (doc, n, latest): for every entry that others
 * were merged into, the number of articles citing it or them and the
 * newest one's date. Other entries read theirs from document_stats, kept
 * by triggers (vankho-library-schema.h); a family is counted here because
 * an article citing two of its entries counts once.
 */
#define FAMILY_COUNTS \
  "WITH family AS MATERIALIZED (" \
  "  SELECT id, merged_into AS head FROM documents WHERE merged_into IS NOT NULL" \
  "  UNION SELECT merged_into, merged_into FROM documents WHERE merged_into IS NOT NULL)," \
  " family_counts AS MATERIALIZED (" \
  "  SELECT f.head AS doc, count (DISTINCT c.article_id) AS n, max (c.published) AS latest" \
  "  FROM family f JOIN citations c ON c.document_id = f.id" \
  "  WHERE NOT c.rejected GROUP BY f.head)"

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* A summary from a row of id, key, kind, number, symbol, issuer, issued,
 * title and count (columns 0–8), and the newest citation's date at
 * @latest_column (-1 for none). One block for the summary and its strings:
 * the list holds tens of thousands, and 250 000 small allocations were a
 * third of its time.
 */
static VankhoDocumentSummary *
summary_new_from_row (sqlite3_stmt *stmt,
                      int           latest_column)
{
  const int columns[] = { 1, 2, 3, 4, 5, 6, 7, latest_column };
  const char *texts[G_N_ELEMENTS (columns)];
  gsize lengths[G_N_ELEMENTS (columns)];
  gsize size = sizeof (VankhoDocumentSummary);
  VankhoDocumentSummary *summary;
  char **fields[G_N_ELEMENTS (columns)];
  char *next;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      texts[i] = columns[i] < 0 ? NULL : (const char *) sqlite3_column_text (stmt, columns[i]);
      lengths[i] = texts[i] != NULL ? (gsize) sqlite3_column_bytes (stmt, columns[i]) : 0;
      if (texts[i] != NULL)
        size += lengths[i] + 1;
    }

  summary = g_malloc0 (size);
  summary->id = sqlite3_column_int64 (stmt, 0);
  summary->n_articles = sqlite3_column_int64 (stmt, 8);

  fields[0] = &summary->key;
  fields[1] = &summary->kind;
  fields[2] = &summary->number;
  fields[3] = &summary->symbol;
  fields[4] = &summary->issuer;
  fields[5] = &summary->issued;
  fields[6] = &summary->title;
  fields[7] = &summary->latest;

  next = (char *) (summary + 1);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      if (texts[i] == NULL)
        continue;

      memcpy (next, texts[i], lengths[i]);
      next[lengths[i]] = '\0';
      *fields[i] = next;
      next += lengths[i] + 1;
    }

  return summary;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           column,
                   const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

static const char *
province_name (const char *code)
{
  VankhoGazetteer *gazetteer;

  if (code == NULL)
    return NULL;

  gazetteer = vankho_extractor_get_gazetteer (vankho_extractor_get_default ());
  return vankho_gazetteer_lookup_code (gazetteer, code);
}

static int
check_cancelled (void *user_data)
{
  return g_cancellable_is_cancelled (user_data);
}

void
vankho_document_summary_free (VankhoDocumentSummary *summary)
{
  /* One block with its strings: see summary_new_from_row(). */
  g_free (summary);
}

void
vankho_document_details_free (VankhoDocumentDetails *details)
{
  if (details == NULL)
    return;

  g_free (details->key);
  g_free (details->kind);
  g_free (details->number);
  g_free (details->symbol);
  g_free (details->issuer);
  g_free (details->issued);
  g_free (details->title);
  g_free (details->origin);
  g_free (details->first);
  g_free (details->latest);
  g_free (details);
}

void
vankho_citing_article_free (VankhoCitingArticle *article)
{
  if (article == NULL)
    return;

  g_free (article->title);
  g_free (article->published);
  g_free (article->outlet);
  g_free (article->province);
  g_free (article->province_name);
  g_free (article->sentence);
  g_free (article->mention);
  g_free (article);
}

void
vankho_implementation_cell_free (VankhoImplementationCell *cell)
{
  if (cell == NULL)
    return;

  g_free (cell->province);
  g_free (cell->province_name);
  g_free (cell->kind);
  g_free (cell->period);
  g_free (cell->earliest);
  g_free (cell);
}

void
vankho_document_merge_free (VankhoDocumentMerge *merge)
{
  if (merge == NULL)
    return;

  g_clear_pointer (&merge->children, g_array_unref);
  g_free (merge);
}

/* A date as Vietnamese writes it in a document's designation. */
static char *
designation_date (const char *iso)
{
  VankhoDate date = { 0 };

  if (!vankho_date_parse_iso (&date, iso))
    return NULL;

  switch (date.precision)
    {
    case VANKHO_DATE_PRECISION_DAY:
      return g_strdup_printf ("ngày %u/%u/%u", date.day, date.month, date.year);
    case VANKHO_DATE_PRECISION_MONTH:
      return g_strdup_printf ("tháng %u/%u", date.month, date.year);
    case VANKHO_DATE_PRECISION_YEAR:
      return g_strdup_printf ("năm %u", date.year);
    case VANKHO_DATE_PRECISION_UNKNOWN:
    default:
      return NULL;
    }
}

/**
 * vankho_document_details_dup_designation:
 *
 * The document's full name as Vietnamese writes it, whatever the interface
 * language: 'Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị về đẩy
 * mạnh…'. A law's title holds its kind: 'Luật Lực lượng … số 30/2023/QH15'.
 *
 * Returns: (transfer full): the designation
 */
char *
vankho_document_details_dup_designation (const VankhoDocumentDetails *details)
{
  GString *out = g_string_new (NULL);
  g_autofree char *date = designation_date (details->issued);
  const char *title = details->title;
  const char *number = details->symbol ? details->symbol : details->number;
  gboolean title_first = title != NULL && details->kind != NULL &&
                         g_str_has_prefix (title, details->kind);

  g_string_append (out, title_first ? title : details->kind);
  if (number != NULL)
    g_string_append_printf (out, " số %s", number);
  if (date != NULL)
    g_string_append_printf (out, " %s", date);
  if (details->issuer != NULL)
    g_string_append_printf (out, " của %s", details->issuer);

  if (title != NULL && !title_first)
    {
      /* 'Về đẩy mạnh…' continues the sentence: 'của Bộ Chính trị về đẩy mạnh…' */
      gunichar first = g_utf8_get_char (title);
      char buf[6];
      int len = g_unichar_to_utf8 (g_unichar_tolower (first), buf);

      g_string_append_c (out, ' ');
      g_string_append_len (out, buf, len);
      g_string_append (out, g_utf8_next_char (title));
    }

  return g_string_free (out, FALSE);
}

/* The order the issue and users know them in; others follow by name. */
static const char * const kind_order[] = {
  "Nghị quyết", "Chỉ thị", "Quyết định", "Quy định", "Quy chế", "Kết luận", "Luật",
  "Nghị định", "Thông tư", "Kế hoạch", "Đề án", "Hướng dẫn",
};

static const char * const issuer_order[] = {
  "Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương", "Đảng ủy Công an Trung ương",
  "Bộ Công an", "Bộ trưởng Bộ Công an", "Quốc hội", "Ủy ban Thường vụ Quốc hội",
  "Chính phủ", "Thủ tướng Chính phủ",
};

/**
 * vankho_document_group_key:
 *
 * Returns: (nullable): the heading @summary is listed under in @group
 */
const char *
vankho_document_group_key (const VankhoDocumentSummary *summary,
                           VankhoDocumentGroup          group)
{
  switch (group)
    {
    case VANKHO_DOCUMENT_GROUP_KIND:
      return summary->kind;
    case VANKHO_DOCUMENT_GROUP_ISSUER:
      return summary->issuer;
    case VANKHO_DOCUMENT_GROUP_NONE:
    default:
      return NULL;
    }
}

static guint
rank_of (const char         *value,
         const char * const *order,
         guint               n_order)
{
  if (value == NULL)
    return n_order + 1;

  for (guint i = 0; i < n_order; i++)
    if (g_str_equal (value, order[i]))
      return i;

  return n_order;
}

/* What a document is sorted by, worked out once per document rather than
 * once per comparison: 30 000 documents make half a million comparisons. */
typedef struct
{
  VankhoDocumentSummary *summary;
  guint                  rank;    /* of its heading in the known order */
  const char            *heading; /* collation key of a heading not in it */
} SortEntry;

/* Later dates first, unknown ones last, as SQLite's DESC does. */
static int
compare_dates_desc (const char *x,
                    const char *y)
{
  if (x == NULL || y == NULL)
    return (x == NULL) - (y == NULL);
  return -strcmp (x, y);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const SortEntry *ex = a;
  const SortEntry *ey = b;
  const VankhoDocumentSummary *x = ex->summary;
  const VankhoDocumentSummary *y = ey->summary;
  VankhoDocumentSort sort = GPOINTER_TO_INT (user_data);
  int cmp;

  if (ex->rank != ey->rank)
    return ex->rank < ey->rank ? -1 : 1;
  if (ex->heading != ey->heading && (cmp = strcmp (ex->heading, ey->heading)) != 0)
    return cmp;

  switch (sort)
    {
    case VANKHO_DOCUMENT_SORT_ISSUED:
      cmp = compare_dates_desc (x->issued, y->issued);
      break;
    case VANKHO_DOCUMENT_SORT_LATEST:
      cmp = compare_dates_desc (x->latest, y->latest);
      break;
    case VANKHO_DOCUMENT_SORT_COUNT:
    default:
      cmp = 0;
      break;
    }
  if (cmp == 0 && x->n_articles != y->n_articles)
    cmp = x->n_articles > y->n_articles ? -1 : 1;
  if (cmp == 0 && sort == VANKHO_DOCUMENT_SORT_COUNT)
    cmp = compare_dates_desc (x->issued, y->issued);
  if (cmp == 0)
    cmp = strcmp (x->key, y->key);
  return cmp;
}

/* Sorts @documents by heading of @group (known ones in their order, the
 * others by name, none last), then by @sort. */
static void
sort_documents (GPtrArray           *documents,
                VankhoDocumentGroup  group,
                VankhoDocumentSort   sort)
{
  g_autoptr(GHashTable) headings = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  const char * const *order = group == VANKHO_DOCUMENT_GROUP_KIND ? kind_order : issuer_order;
  guint n_order = group == VANKHO_DOCUMENT_GROUP_KIND ? G_N_ELEMENTS (kind_order) : G_N_ELEMENTS (issuer_order);
  g_autofree SortEntry *entries = g_new0 (SortEntry, documents->len);

  for (guint i = 0; i < documents->len; i++)
    {
      SortEntry *entry = &entries[i];
      const char *heading;

      entry->summary = g_ptr_array_index (documents, i);
      if (group == VANKHO_DOCUMENT_GROUP_NONE)
        continue;

      heading = vankho_document_group_key (entry->summary, group);
      entry->rank = rank_of (heading, order, n_order);
      if (entry->rank != n_order)
        continue;

      entry->heading = g_hash_table_lookup (headings, heading);
      if (entry->heading == NULL)
        {
          char *key = g_utf8_collate_key (heading, -1);

          g_hash_table_insert (headings, (char *) heading, key);
          entry->heading = key;
        }
    }

  g_qsort_with_data (entries, documents->len, sizeof (SortEntry), compare_entries, GINT_TO_POINTER (sort));

  for (guint i = 0; i < documents->len; i++)
    documents->pdata[i] = entries[i].summary;
}

/* Every folded word of @words appears in the folded fields of @summary. */
static gboolean
summary_matches (const VankhoDocumentSummary *summary,
                 char                       **words)
{
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  text = g_strjoin (" ", summary->kind ?: "", summary->number ?: "", summary->symbol ?: "",
                    summary->issuer ?: "", summary->title ?: "", NULL);
  folded = vankho_text_fold (text, -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (folded, words[i]) == NULL)
      return FALSE;

  return TRUE;
}

/**
 * vankho_library_find_documents:
 * @search: (nullable): words to find in the kind, number, symbol, issuer or
 *   title, folded like the article search ('dang uy' finds 'Đảng ủy')
 * @group: how the list is grouped: grouped lists come group by group, in
 *   the usual order of kinds or issuers, sorted within each group
 * @sort: the order within a group
 * @cancellable: (nullable): stops the query
 *
 * Lists the documents the archive cites or the catalogue holds (entries
 * merged into another left out; their citations count for it), with the
 * number of citing articles and the newest one's date. Rejected citations
 * do not count.
 *
 * Returns: (transfer full) (element-type VankhoDocumentSummary): the
 *   documents
 */
GPtrArray *
vankho_library_find_documents (VankhoLibrary        *self,
                               const char           *search,
                               VankhoDocumentGroup   group,
                               VankhoDocumentSort    sort,
                               GCancellable         *cancellable,
                               GError              **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify) vankho_document_summary_free);
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(GStrv) words = NULL;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), NULL);

  if (search != NULL && *search != '\0')
    {
      g_autofree char *folded = vankho_text_fold (search, -1);
      words = g_strsplit_set (g_strstrip (folded), " \t", -1);
    }

  locker = g_mutex_locker_new (&self->reader_lock);
  if (cancellable != NULL)
    sqlite3_progress_handler (self->reader, 1000, check_cancelled, cancellable);

  /* Sorted here, by keys worked out once: see sort_documents(). */
  stmt = vankho_library_prepare (self, self->reader,
                                 FAMILY_COUNTS
                                 " SELECT d.id, d.canonical_key, d.kind, d.number, d.symbol, d.issuer,"
                                 "  d.issued, d.title, coalesce (fc.n, s.n_articles, 0) AS n,"
                                 "  CASE WHEN fc.doc IS NULL THEN s.latest ELSE fc.latest END"
                                 " FROM documents d LEFT JOIN document_stats s ON s.document_id = d.id"
                                 "  LEFT JOIN family_counts fc ON fc.doc = d.id"
                                 " WHERE d.merged_into IS NULL", error);
  if (stmt == NULL)
    goto out;

  ok = TRUE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VankhoDocumentSummary *summary = summary_new_from_row (stmt, 9);

      /* Folding here costs little (30 000 documents: the whole list takes
       * ~30 ms with a search) and keeps no folded copy to keep true. */
      if (words != NULL && !summary_matches (summary, words))
        vankho_document_summary_free (summary);
      else
        g_ptr_array_add (documents, summary);
    }

  if (rc == SQLITE_INTERRUPT && cancellable != NULL)
    ok = !g_cancellable_set_error_if_cancelled (cancellable, error);
  else if (rc != SQLITE_DONE)
    {
      vankho_library_set_sqlite_error (error, self->reader, self->path);
      ok = FALSE;
    }
  else
    sort_documents (documents, group, sort);

out:
  sqlite3_progress_handler (self->reader, 0, NULL, NULL);

  return ok ? g_steal_pointer (&documents) : NULL;
}

typedef struct
{
  char                *search;
  VankhoDocumentGroup  group;
  VankhoDocumentSort   sort;
} FindDocuments;

static void
find_documents_free (FindDocuments *find)
{
  g_free (find->search);
  g_free (find);
}

static void
find_documents_in_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  FindDocuments *find = task_data;
  GError *error = NULL;
  GPtrArray *documents;

  documents = vankho_library_find_documents (source_object, find->search, find->group, find->sort,
                                             cancellable, &error);
  if (documents == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, documents, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * vankho_library_find_documents_async:
 *
 * Runs vankho_library_find_documents() on a worker thread: at 100 000
 * articles the list takes longer than a frame.
 */
void
vankho_library_find_documents_async (VankhoLibrary       *self,
                                     const char          *search,
                                     VankhoDocumentGroup  group,
                                     VankhoDocumentSort   sort,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  FindDocuments *find;

  g_return_if_fail (VANKHO_IS_LIBRARY (self));

  find = g_new0 (FindDocuments, 1);
  find->search = g_strdup (search);
  find->group = group;
  find->sort = sort;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vankho_library_find_documents_async);
  g_task_set_task_data (task, find, (GDestroyNotify) find_documents_free);
  g_task_run_in_thread (task, find_documents_in_thread);
}

/**
 * vankho_library_find_documents_finish:
 *
 * Returns: (transfer full) (element-type VankhoDocumentSummary): the
 *   documents, or %NULL with @error set
 */
GPtrArray *
vankho_library_find_documents_finish (VankhoLibrary  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * vankho_library_get_document:
 *
 * Returns: (transfer full) (nullable): the document, with its counts
 */
VankhoDocumentDetails *
vankho_library_get_document (VankhoLibrary  *self,
                             gint64          document_id,
                             GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  VankhoDocumentDetails *details;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), NULL);

  locker = g_mutex_locker_new (&self->reader_lock);
  stmt = vankho_library_prepare (self, self->reader,
                                 "SELECT d.id, d.canonical_key, d.kind, d.number, d.symbol, d.issuer,"
                                 "  d.issued, d.title, d.origin, d.merged_into,"
                                 "  (SELECT count (*) FROM documents WHERE merged_into = ?1),"
                                 "  s.n_articles, s.n_citations, s.first, s.latest"
                                 " FROM documents d, (SELECT count (DISTINCT c.article_id) AS n_articles,"
                                 "    count (*) AS n_citations, min (c.published) AS first,"
                                 "    max (c.published) AS latest"
                                 "  FROM citations c"
                                 "  WHERE c.document_id IN " FAMILY " AND NOT c.rejected) s"
                                 " WHERE d.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, document_id);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      break;

    case SQLITE_DONE:
      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_FOUND,
                   _("No document with id %" PRId64 " in the library"), document_id);
      return NULL;

    default:
      vankho_library_set_sqlite_error (error, self->reader, self->path);
      return NULL;
    }

  details = g_new0 (VankhoDocumentDetails, 1);
  details->id = sqlite3_column_int64 (stmt, 0);
  details->key = column_dup (stmt, 1);
  details->kind = column_dup (stmt, 2);
  details->number = column_dup (stmt, 3);
  details->symbol = column_dup (stmt, 4);
  details->issuer = column_dup (stmt, 5);
  details->issued = column_dup (stmt, 6);
  details->title = column_dup (stmt, 7);
  details->origin = column_dup (stmt, 8);
  details->merged_into = sqlite3_column_int64 (stmt, 9);
  details->n_merged = sqlite3_column_int64 (stmt, 10);
  details->n_articles = sqlite3_column_int64 (stmt, 11);
  details->n_citations = sqlite3_column_int64 (stmt, 12);
  details->first = column_dup (stmt, 13);
  details->latest = column_dup (stmt, 14);

  return details;
}

/**
 * vankho_library_list_citing_articles:
 * @month: (nullable): only articles of this month, "2023-08"
 * @limit: most articles to return, 0 for all
 *
 * Lists the articles citing the document (or an entry merged into it),
 * newest first, each with the sentence of its first citation.
 *
 * Returns: (transfer full) (element-type VankhoCitingArticle): the articles
 */
GPtrArray *
vankho_library_list_citing_articles (VankhoLibrary  *self,
                                     gint64          document_id,
                                     const char     *month,
                                     guint           limit,
                                     GError        **error)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func ((GDestroyNotify) vankho_citing_article_free);
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), NULL);

  locker = g_mutex_locker_new (&self->reader_lock);
  /* The page of articles comes from the citations' covering index alone;
   * only its rows then read articles and sentences. min () makes the bare
   * columns those of the article's first mention. */
  stmt = vankho_library_prepare (self, self->reader,
                                 "WITH page AS (SELECT c.article_id AS id FROM citations c"
                                 "  WHERE c.document_id IN " FAMILY " AND NOT c.rejected"
                                 "    AND (?2 IS NULL OR substr (c.published, 1, 7) = ?2)"
                                 "  GROUP BY c.article_id"
                                 "  ORDER BY c.published IS NULL, c.published DESC, c.article_id DESC"
                                 "  LIMIT ?3)"
                                 " SELECT a.id, c.id, c.document_id, a.title, a.published, a.outlet,"
                                 "  (SELECT p.province FROM places p WHERE p.article_id = a.id"
                                 "    AND p.role = 'primary' ORDER BY p.id LIMIT 1),"
                                 "  " VANKHO_CITATION_SENTENCE ", c.mention, min (c.mention_offset), count (*)"
                                 " FROM page JOIN citations c ON c.article_id = page.id"
                                 " JOIN articles a ON a.id = page.id"
                                 " WHERE c.document_id IN " FAMILY " AND NOT c.rejected"
                                 " GROUP BY a.id"
                                 " ORDER BY a.published IS NULL, a.published DESC, a.id DESC"
                                 " LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, document_id);
  bind_text_or_null (stmt, 2, month);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64) limit : -1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VankhoCitingArticle *article = g_new0 (VankhoCitingArticle, 1);

      article->article_id = sqlite3_column_int64 (stmt, 0);
      article->citation_id = sqlite3_column_int64 (stmt, 1);
      article->document_id = sqlite3_column_int64 (stmt, 2);
      article->title = column_dup (stmt, 3);
      article->published = column_dup (stmt, 4);
      article->outlet = column_dup (stmt, 5);
      article->province = column_dup (stmt, 6);
      article->province_name = g_strdup (province_name (article->province));
      article->sentence = column_dup (stmt, 7);
      article->mention = column_dup (stmt, 8);
      article->n_mentions = sqlite3_column_int64 (stmt, 10);
      g_ptr_array_add (articles, article);
    }

  if (rc != SQLITE_DONE)
    {
      vankho_library_set_sqlite_error (error, self->reader, self->path);
      return NULL;
    }

  return g_steal_pointer (&articles);
}

/**
 * vankho_library_count_citations_by_month:
 *
 * Counts the articles citing the document month by month, for those whose
 * month is known; months without any are left out.
 *
 * Returns: (transfer full) (element-type VankhoMonthCount): the months, oldest
 *   first
 */
GArray *
vankho_library_count_citations_by_month (VankhoLibrary  *self,
                                         gint64          document_id,
                                         GError        **error)
{
  g_autoptr(GArray) months = g_array_new (FALSE, FALSE, sizeof (VankhoMonthCount));
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), NULL);

  locker = g_mutex_locker_new (&self->reader_lock);
  stmt = vankho_library_prepare (self, self->reader,
                                 "SELECT substr (c.published, 1, 7) AS month, count (DISTINCT c.article_id)"
                                 " FROM citations c"
                                 " WHERE c.document_id IN " FAMILY " AND NOT c.rejected"
                                 "  AND length (c.published) >= 7"
                                 " GROUP BY month ORDER BY month", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VankhoDate date = { 0 };
      VankhoMonthCount count = { 0 };

      if (!vankho_date_parse_iso (&date, (const char *) sqlite3_column_text (stmt, 0)))
        continue;

      count.year = date.year;
      count.month = date.month;
      count.n_articles = sqlite3_column_int (stmt, 1);
      g_array_append_val (months, count);
    }

  if (rc != SQLITE_DONE)
    {
      vankho_library_set_sqlite_error (error, self->reader, self->path);
      return NULL;
    }

  return g_steal_pointer (&months);
}

/**
 * vankho_library_get_implementation:
 *
 * The implementation table of a document: for each primary province of
 * the articles that cite it and each event reported (kind and period:
 * 'sơ kết' '1 năm' and 'sơ kết' '2 năm' are two columns), the earliest
 * such article. An event counts only while the article still cites the
 * document (a rejected citation takes its events along).
 *
 * Returns: (transfer full) (element-type VankhoImplementationCell): the
 *   cells, by province code (articles without a province last), then kind
 */
/* An article that cites a document (live citations only), and its date
 * ("2023-08-15" at most: ISO 8601 at its precision; empty if unknown). */
typedef struct
{
  gint64  article_id;
  char    published[12];
} CitingArticle;

/* Orders article ids, or CitingArticles by theirs (their first member). */
static int
compare_article_ids (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The articles citing @document_id or an entry merged into it, by id, each
 * once; read in one pass of the citations' covering index. Call with the
 * reader locked. */
static GArray *
read_citing_articles (VankhoLibrary  *self,
                      gint64          document_id,
                      GError        **error)
{
  g_autoptr(GArray) citing = g_array_new (FALSE, FALSE, sizeof (CitingArticle));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean sorted = TRUE;
  guint n = 0;
  int rc;

  stmt = vankho_library_prepare (self, self->reader,
                                 "SELECT article_id, published FROM citations"
                                 " WHERE document_id IN " FAMILY " AND NOT rejected", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CitingArticle article = { sqlite3_column_int64 (stmt, 0), "" };
      CitingArticle *last = citing->len > 0 ? &g_array_index (citing, CitingArticle, citing->len - 1) : NULL;
      const char *published;

      /* Each entry's citations come by article; a merged family's do not. */
      if (last != NULL && last->article_id == article.article_id)
        continue;
      if (last != NULL && last->article_id > article.article_id)
        sorted = FALSE;

      published = (const char *) sqlite3_column_text (stmt, 1);
      if (published != NULL)
        g_strlcpy (article.published, published, sizeof article.published);
      g_array_append_val (citing, article);
    }

  if (rc != SQLITE_DONE)
    {
      vankho_library_set_sqlite_error (error, self->reader, self->path);
      return NULL;
    }

  if (!sorted)
    {
      g_array_sort (citing, compare_article_ids);
      for (guint i = 0; i < citing->len; i++)
        {
          CitingArticle *article = &g_array_index (citing, CitingArticle, i);

          if (n == 0 || g_array_index (citing, CitingArticle, n - 1).article_id != article->article_id)
            g_array_index (citing, CitingArticle, n++) = *article;
        }
      g_array_set_size (citing, n);
    }

  return g_steal_pointer (&citing);
}

/* One event row of the implementation table: which cell, which article. */
typedef struct
{
  VankhoImplementationCell *cell;
  gint64                    article_id;
} CellArticle;

static int
compare_cell_articles (gconstpointer a,
                       gconstpointer b)
{
  const CellArticle *x = a;
  const CellArticle *y = b;

  if (x->cell != y->cell)
    return x->cell < y->cell ? -1 : 1;
  return (x->article_id > y->article_id) - (x->article_id < y->article_id);
}

/* Provinces by code, articles without one last; then kind, then period
 * (none first). */
static int
compare_cells (gconstpointer a,
               gconstpointer b)
{
  const VankhoImplementationCell *x = *(VankhoImplementationCell * const *) a;
  const VankhoImplementationCell *y = *(VankhoImplementationCell * const *) b;
  int cmp;

  if (x->province == NULL || y->province == NULL)
    cmp = (x->province == NULL) - (y->province == NULL);
  else
    cmp = strcmp (x->province, y->province);
  if (cmp == 0)
    cmp = strcmp (x->kind, y->kind);
  if (cmp == 0 && x->period != y->period)
    cmp = x->period == NULL ? -1 : y->period == NULL ? 1 : strcmp (x->period, y->period);
  return cmp;
}

GPtrArray *
vankho_library_get_implementation (VankhoLibrary  *self,
                                   gint64          document_id,
                                   GError        **error)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify) vankho_implementation_cell_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (CellArticle));
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GArray) citing = NULL;
  VankhoImplementationCell *cell = NULL;
  int rc;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), NULL);

  locker = g_mutex_locker_new (&self->reader_lock);
  citing = read_citing_articles (self, document_id, error);
  if (citing == NULL)
    return NULL;

  /* Events and their articles' provinces come from indexes; whether the
   * article still cites the document is looked up in @citing, and the rows
   * are grouped here: at 20 000 events, a third of the time SQLite took
   * with a lookup per event and GROUP BY with count (DISTINCT). */
  stmt = vankho_library_prepare (self, self->reader,
                                 "SELECT p.province, e.kind, e.period, e.article_id, e.happened"
                                 " FROM events e"
                                 " LEFT JOIN places p ON p.article_id = e.article_id AND p.role = 'primary'"
                                 " WHERE e.document_id IN " FAMILY, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *province = (const char *) sqlite3_column_text (stmt, 0);
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);
      const char *period = (const char *) sqlite3_column_text (stmt, 2);
      gint64 article_id = sqlite3_column_int64 (stmt, 3);
      const char *date = (const char *) sqlite3_column_text (stmt, 4);
      const CitingArticle *live;
      CellArticle row;

      live = bsearch (&article_id, citing->data, citing->len, sizeof (CitingArticle), compare_article_ids);
      if (live == NULL)
        continue;
      if (date == NULL && live->published[0] != '\0')
        date = live->published;

      /* Rows come in (kind, period) order: the cell is often the last. */
      if (cell == NULL || g_strcmp0 (cell->province, province) != 0 ||
          g_strcmp0 (cell->kind, kind) != 0 || g_strcmp0 (cell->period, period) != 0)
        {
          g_string_assign (key, province ?: "");
          g_string_append_c (key, '\x1f');
          g_string_append (key, kind ?: "");
          g_string_append_c (key, '\x1f');
          g_string_append (key, period ?: "\x1f");
          cell = g_hash_table_lookup (by_key, key->str);
        }

      if (cell == NULL)
        {
          cell = g_new0 (VankhoImplementationCell, 1);
          cell->province = g_strdup (province);
          cell->province_name = g_strdup (province_name (province));
          cell->kind = g_strdup (kind);
          cell->period = g_strdup (period);
          cell->earliest = g_strdup (date);
          cell->article_id = article_id;
          g_ptr_array_add (cells, cell);
          g_hash_table_insert (by_key, g_strdup (key->str), cell);
        }
      else if (date != NULL && (cell->earliest == NULL || strcmp (date, cell->earliest) < 0))
        {
          g_free (cell->earliest);
          cell->earliest = g_strdup (date);
          cell->article_id = article_id;
        }

      row.cell = cell;
      row.article_id = article_id;
      g_array_append_val (rows, row);
    }

  if (rc != SQLITE_DONE)
    {
      vankho_library_set_sqlite_error (error, self->reader, self->path);
      return NULL;
    }

  /* An article reporting the same event twice counts once. */
  g_array_sort (rows, compare_cell_articles);
  for (guint i = 0; i < rows->len; i++)
    {
      const CellArticle *row = &g_array_index (rows, CellArticle, i);

      if (i == 0 || row->cell != g_array_index (rows, CellArticle, i - 1).cell ||
          row->article_id != g_array_index (rows, CellArticle, i - 1).article_id)
        row->cell->n_articles++;
    }

  g_ptr_array_sort (cells, compare_cells);

  return g_steal_pointer (&cells);
}

/* A set of article ids, one bit each, handed to SQL as a pointer. */
#define ARTICLE_SET_TYPE "vankho-article-set"

typedef struct
{
  guint8 *bits;
  gint64  n_bits;
} ArticleSet;

/* vankho_in_set (set, article_id): whether the article is in the set.
 * Counting shared articles in SQL with this is half the cost of stepping
 * through every row from C. */
static void
in_set_function (sqlite3_context  *context,
                 int               argc,
                 sqlite3_value   **argv)
{
  const ArticleSet *set = sqlite3_value_pointer (argv[0], ARTICLE_SET_TYPE);
  gint64 id = sqlite3_value_int64 (argv[1]);

  sqlite3_result_int (context, set != NULL && id >= 0 && id < set->n_bits &&
                               (set->bits[id / 8] & (1u << (id % 8))) != 0);
}

int
vankho_library_register_functions (sqlite3 *db)
{
  return sqlite3_create_function (db, "vankho_in_set", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                  NULL, in_set_function, NULL, NULL);
}

/* A document that may share articles with another: an entry and those
 * merged into it. */
typedef struct
{
  gint64   head;
  gint64   bound;   /* its entries' citing articles: at most this many shared */
  gint64   shared;
  GArray  *merged;  /* gint64 ids of the cited entries merged into it, or NULL */
  gboolean cited;   /* the head itself is cited */
} Candidate;

static void
candidate_clear (gpointer data)
{
  Candidate *candidate = data;

  g_clear_pointer (&candidate->merged, g_array_unref);
}

static void
candidate_free (gpointer data)
{
  candidate_clear (data);
  g_free (data);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a;
  const Candidate *y = b;

  if (x->bound != y->bound)
    return x->bound > y->bound ? -1 : 1;
  return (x->head > y->head) - (x->head < y->head);
}

static int
compare_related (gconstpointer a,
                 gconstpointer b)
{
  const VankhoDocumentSummary *x = *(VankhoDocumentSummary * const *) a;
  const VankhoDocumentSummary *y = *(VankhoDocumentSummary * const *) b;
  int cmp;

  if (x->n_articles != y->n_articles)
    return x->n_articles > y->n_articles ? -1 : 1;
  cmp = compare_dates_desc (x->issued, y->issued);
  return cmp != 0 ? cmp : strcmp (x->key, y->key);
}

/* Appends the articles citing entry @id to @ids, in article order. */
static gboolean
read_entry_articles (VankhoLibrary  *self,
                     sqlite3_stmt   *stmt,
                     gint64          id,
                     GArray         *ids,
                     GError        **error)
{
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 article_id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, article_id);
    }

  if (rc != SQLITE_DONE)
    {
      vankho_library_set_sqlite_error (error, self->reader, self->path);
      return FALSE;
    }
  return TRUE;
}

/* How many of @citing (sorted by article, and as @set) the candidate's
 * entries cite: an entry's count is one query of document_articles; a
 * family's articles are gathered, sorted and merged against @citing, since
 * an article citing two of its entries counts once. */
static gboolean
count_shared (VankhoLibrary     *self,
              sqlite3_stmt      *stmt,
              sqlite3_stmt      *count,
              GArray            *citing,
              const ArticleSet  *set,
              Candidate         *candidate,
              GError           **error)
{
  const CitingArticle *articles = (const CitingArticle *) (gpointer) citing->data;
  g_autoptr(GArray) ids = NULL;
  gint64 last = -1;
  guint i = 0;

  candidate->shared = 0;

  if (candidate->merged != NULL)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      if (candidate->cited && !read_entry_articles (self, stmt, candidate->head, ids, error))
        return FALSE;
      for (guint m = 0; m < candidate->merged->len; m++)
        if (!read_entry_articles (self, stmt, g_array_index (candidate->merged, gint64, m), ids, error))
          return FALSE;

      g_array_sort (ids, compare_article_ids);
      for (guint k = 0; k < ids->len; k++)
        {
          gint64 id = g_array_index (ids, gint64, k);

          if (id == last)
            continue;
          last = id;
          while (i < citing->len && articles[i].article_id < id)
            i++;
          if (i < citing->len && articles[i].article_id == id)
            candidate->shared++;
        }
      return TRUE;
    }

  sqlite3_reset (count);
  sqlite3_bind_int64 (count, 1, candidate->head);
  sqlite3_bind_pointer (count, 2, (gpointer) set, ARTICLE_SET_TYPE, NULL);
  if (sqlite3_step (count) != SQLITE_ROW)
    {
      vankho_library_set_sqlite_error (error, self->reader, self->path);
      return FALSE;
    }

  candidate->shared = sqlite3_column_int64 (count, 0);
  return TRUE;
}

/**
 * vankho_library_list_related_documents:
 * @limit: most documents to return, 0 for all
 *
 * The documents cited in the same articles as this one, most shared
 * articles first; n_articles of each is the number of shared articles.
 *
 * Returns: (transfer full) (element-type VankhoDocumentSummary): the documents
 */
GPtrArray *
vankho_library_list_related_documents (VankhoLibrary  *self,
                                       gint64          document_id,
                                       guint           limit,
                                       GError        **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify) vankho_document_summary_free);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GHashTable) members = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) families = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, candidate_free);
  GHashTableIter iter;
  gpointer value;
  g_autoptr(GArray) best = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) entry = NULL;
  g_autoptr(sqlite3_stmt) count = NULL;
  g_autoptr(GArray) citing = NULL;
  g_autofree guint8 *bits = NULL;
  ArticleSet set = { NULL, 0 };
  gint64 threshold = 1;
  int rc;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), NULL);

  g_array_set_clear_func (candidates, candidate_clear);

  locker = g_mutex_locker_new (&self->reader_lock);
  citing = read_citing_articles (self, document_id, error);
  if (citing == NULL)
    return NULL;
  if (citing->len == 0)
    return g_steal_pointer (&documents);

  set.n_bits = g_array_index (citing, CitingArticle, citing->len - 1).article_id + 1;
  set.bits = bits = g_malloc0 (set.n_bits / 8 + 1);
  for (guint i = 0; i < citing->len; i++)
    {
      gint64 id = g_array_index (citing, CitingArticle, i).article_id;

      set.bits[id / 8] |= 1u << (id % 8);
    }

  /* Every cited entry, by family, with document_stats' counts as an upper
   * bound of what it can share: taken most cited first, the search stops
   * once no family left can reach the @limit-th best. Counting shared
   * articles for all of them in one SQL join took 270 ms for a document
   * cited by 44 000 of 100 000 articles. Families first: they are few. */
  stmt = vankho_library_prepare (self, self->reader,
                                 "SELECT d.id, d.merged_into, coalesce (s.n_articles, 0)"
                                 " FROM documents d LEFT JOIN document_stats s ON s.document_id = d.id"
                                 " WHERE d.merged_into IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 head = sqlite3_column_int64 (stmt, 1);
      Candidate *family = g_hash_table_lookup (families, &head);

      g_hash_table_add (members, g_memdup2 (&id, sizeof id));
      if (head == document_id)
        continue;
      if (family == NULL)
        {
          family = g_new0 (Candidate, 1);
          family->head = head;
          family->merged = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (families, &family->head, family);
        }
      g_array_append_val (family->merged, id);
      family->bound += sqlite3_column_int64 (stmt, 2);
    }

  if (rc != SQLITE_DONE)
    {
      vankho_library_set_sqlite_error (error, self->reader, self->path);
      return NULL;
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = vankho_library_prepare (self, self->reader,
                                 "SELECT document_id, n_articles FROM document_stats WHERE n_articles > 0", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Candidate candidate = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), 0, NULL, TRUE };
      Candidate *family;

      if (candidate.head == document_id || g_hash_table_contains (members, &candidate.head))
        continue;

      family = g_hash_table_lookup (families, &candidate.head);
      if (family != NULL)
        {
          family->cited = TRUE;
          family->bound += candidate.bound;
          continue;
        }
      g_array_append_val (candidates, candidate);
    }

  if (rc != SQLITE_DONE)
    {
      vankho_library_set_sqlite_error (error, self->reader, self->path);
      return NULL;
    }

  /* The families, cited or not under their own entry. */
  g_hash_table_iter_init (&iter, families);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Candidate *family = value;

      g_array_append_val (candidates, *family);
      /* The array owns the merged ids now. */
      family->merged = NULL;
    }

  g_array_sort (candidates, compare_candidates);

  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = vankho_library_prepare (self, self->reader,
                                 "SELECT article_id FROM document_articles WHERE document_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  count = vankho_library_prepare (self, self->reader,
                                  "SELECT count (*) FROM document_articles"
                                  " WHERE document_id = ?1 AND vankho_in_set (?2, article_id)", error);
  if (count == NULL)
    return NULL;

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);

      if (candidate->bound < threshold)
        break;
      if (!count_shared (self, stmt, count, citing, &set, candidate, error))
        return NULL;
      if (candidate->shared < threshold)
        continue;

      /* @best: the @limit highest counts so far, highest first. Ties with
       * the last one stay in: the order among them is by date. */
      if (limit > 0)
        {
          guint at = 0;

          while (at < best->len && g_array_index (best, gint64, at) >= candidate->shared)
            at++;
          g_array_insert_val (best, at, candidate->shared);
          if (best->len > limit)
            g_array_set_size (best, limit);
          if (best->len == limit)
            threshold = g_array_index (best, gint64, limit - 1);
        }
    }

  entry = vankho_library_prepare (self, self->reader,
                                  "SELECT id, canonical_key, kind, number, symbol, issuer, issued, title, ?2"
                                  " FROM documents WHERE id = ?1", error);
  if (entry == NULL)
    return NULL;

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);

      /* Those not counted were cut off by their bound. */
      if (candidate->bound < threshold || candidate->shared < threshold)
        continue;

      sqlite3_reset (entry);
      sqlite3_bind_int64 (entry, 1, candidate->head);
      sqlite3_bind_int64 (entry, 2, candidate->shared);
      rc = sqlite3_step (entry);
      if (rc == SQLITE_ROW)
        g_ptr_array_add (documents, summary_new_from_row (entry, -1));
      else if (rc != SQLITE_DONE)
        {
          vankho_library_set_sqlite_error (error, self->reader, self->path);
          return NULL;
        }
    }

  g_ptr_array_sort (documents, compare_related);
  if (limit > 0 && documents->len > limit)
    g_ptr_array_set_size (documents, limit);

  return g_steal_pointer (&documents);
}

/* Runs one write that must change a row; says which document or citation
 * is missing otherwise. */
static gboolean
run_update (VankhoLibrary  *self,
            sqlite3_stmt   *stmt,
            gboolean        is_citation,
            gint64          id,
            GError        **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      vankho_library_set_sqlite_error (error, self->db, self->path);
      return FALSE;
    }

  if (sqlite3_changes (self->db) == 0)
    {
      if (is_citation)
        g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_FOUND,
                     _("No citation with id %" PRId64 " in the library"), id);
      else
        g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_FOUND,
                     _("No document with id %" PRId64 " in the library"), id);
      return FALSE;
    }

  return TRUE;
}

/**
 * vankho_library_update_document:
 * @title: (nullable): the title; %NULL or empty for none
 * @issuer: (nullable): who issued it; %NULL or empty for unknown
 * @issued: (nullable): when; %NULL for unknown
 *
 * Sets a document's title, issuer and date as the user's correction: the
 * entry becomes the user's, and what later citations or re-extraction find
 * no longer changes it.
 */
gboolean
vankho_library_update_document (VankhoLibrary     *self,
                                gint64             document_id,
                                const char        *title,
                                const char        *issuer,
                                const VankhoDate  *issued,
                                GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *iso = NULL;
  VankhoDatePrecision precision = VANKHO_DATE_PRECISION_UNKNOWN;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), FALSE);

  stmt = vankho_library_prepare (self, self->db,
                                 "UPDATE documents SET title = ?2, issuer = ?3, issued = ?4,"
                                 "  issued_precision = ?5, origin = 'user' WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  if (issued != NULL)
    {
      iso = vankho_date_to_iso (issued);
      precision = iso != NULL ? issued->precision : VANKHO_DATE_PRECISION_UNKNOWN;
    }

  sqlite3_bind_int64 (stmt, 1, document_id);
  bind_text_or_null (stmt, 2, title);
  bind_text_or_null (stmt, 3, issuer);
  bind_text_or_null (stmt, 4, iso);
  sqlite3_bind_text (stmt, 5, vankho_date_precision_to_string (precision), -1, SQLITE_STATIC);

  return run_update (self, stmt, FALSE, document_id, error);
}

static gboolean
lookup_merged_into (VankhoLibrary  *self,
                    gint64          document_id,
                    gint64         *merged_into,
                    GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = vankho_library_prepare (self, self->db,
                                 "SELECT coalesce (merged_into, 0) FROM documents WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, document_id);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      *merged_into = sqlite3_column_int64 (stmt, 0);
      return TRUE;

    case SQLITE_DONE:
      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_FOUND,
                   _("No document with id %" PRId64 " in the library"), document_id);
      return FALSE;

    default:
      vankho_library_set_sqlite_error (error, self->db, self->path);
      return FALSE;
    }
}

/**
 * vankho_library_merge_documents:
 * @source_id: the entry that is the same document as @target_id
 * @target_id: the entry to keep
 *
 * Records that two entries are one document: @source_id is merged into
 * @target_id (or into what @target_id was merged into), and its citations,
 * events and the entries merged into it count for the target from now on.
 * Nothing is deleted; re-extraction keeps the merge.
 *
 * Returns: (transfer full) (nullable): what changed, for
 *   vankho_library_unmerge_documents()
 */
VankhoDocumentMerge *
vankho_library_merge_documents (VankhoLibrary  *self,
                                gint64          source_id,
                                gint64          target_id,
                                GError        **error)
{
  g_autoptr(VankhoDocumentMerge) merge = NULL;
  g_autoptr(sqlite3_stmt) children = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  gint64 source_parent = 0;
  gint64 target_parent = 0;
  int rc;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), NULL);

  if (!vankho_library_begin (self, error))
    return NULL;

  if (!lookup_merged_into (self, source_id, &source_parent, error) ||
      !lookup_merged_into (self, target_id, &target_parent, error))
    goto fail;

  if (target_parent != 0)
    target_id = target_parent;

  if (source_parent != 0 || source_id == target_id)
    {
      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_FAILED,
                   _("The document is already merged into that entry"));
      goto fail;
    }

  merge = g_new0 (VankhoDocumentMerge, 1);
  merge->source_id = source_id;
  merge->target_id = target_id;
  merge->children = g_array_new (FALSE, FALSE, sizeof (gint64));

  children = vankho_library_prepare (self, self->db,
                                     "SELECT id FROM documents WHERE merged_into = ?1 ORDER BY id", error);
  update = vankho_library_prepare (self, self->db,
                                   "UPDATE documents SET merged_into = ?2"
                                   " WHERE id = ?1 OR merged_into = ?1", error);
  if (children == NULL || update == NULL)
    goto fail;

  sqlite3_bind_int64 (children, 1, source_id);
  while ((rc = sqlite3_step (children)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (children, 0);
      g_array_append_val (merge->children, id);
    }
  if (rc != SQLITE_DONE)
    {
      vankho_library_set_sqlite_error (error, self->db, self->path);
      goto fail;
    }

  sqlite3_bind_int64 (update, 1, source_id);
  sqlite3_bind_int64 (update, 2, target_id);
  if (!run_update (self, update, FALSE, source_id, error) ||
      !vankho_library_commit (self, error))
    goto fail;

  return g_steal_pointer (&merge);

fail:
  vankho_library_rollback (self);
  return NULL;
}

/**
 * vankho_library_unmerge_documents:
 * @merge: what vankho_library_merge_documents() returned
 *
 * Undoes a merge: the source is its own entry again, with the entries that
 * were merged into it. Entries merged into the target since then stay.
 */
gboolean
vankho_library_unmerge_documents (VankhoLibrary              *self,
                                  const VankhoDocumentMerge  *merge,
                                  GError                    **error)
{
  g_autoptr(sqlite3_stmt) source = NULL;
  g_autoptr(sqlite3_stmt) child = NULL;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (merge != NULL, FALSE);

  if (!vankho_library_begin (self, error))
    return FALSE;

  source = vankho_library_prepare (self, self->db,
                                   "UPDATE documents SET merged_into = NULL"
                                   " WHERE id = ?1 AND merged_into = ?2", error);
  child = vankho_library_prepare (self, self->db,
                                  "UPDATE documents SET merged_into = ?2"
                                  " WHERE id = ?1 AND merged_into = ?3", error);
  if (source == NULL || child == NULL)
    goto fail;

  sqlite3_bind_int64 (source, 1, merge->source_id);
  sqlite3_bind_int64 (source, 2, merge->target_id);
  if (!run_update (self, source, FALSE, merge->source_id, error))
    goto fail;

  for (guint i = 0; i < merge->children->len; i++)
    {
      sqlite3_bind_int64 (child, 1, g_array_index (merge->children, gint64, i));
      sqlite3_bind_int64 (child, 2, merge->source_id);
      sqlite3_bind_int64 (child, 3, merge->target_id);
      if (sqlite3_step (child) != SQLITE_DONE)
        {
          vankho_library_set_sqlite_error (error, self->db, self->path);
          goto fail;
        }
      sqlite3_reset (child);
    }

  return vankho_library_commit (self, error);

fail:
  vankho_library_rollback (self);
  return FALSE;
}

/**
 * vankho_library_move_citation:
 * @document_id: the document the mention really refers to
 *
 * Detaches a mention from the document it was resolved to and attaches it
 * to @document_id, as the user's correction that re-extraction keeps.
 */
gboolean
vankho_library_move_citation (VankhoLibrary  *self,
                              gint64          citation_id,
                              gint64          document_id,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 merged_into = 0;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), FALSE);

  if (!lookup_merged_into (self, document_id, &merged_into, error))
    return FALSE;

  stmt = vankho_library_prepare (self, self->db,
                                 "UPDATE citations SET document_id = ?2, origin = 'user', rejected = 0"
                                 " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, citation_id);
  sqlite3_bind_int64 (stmt, 2, merged_into != 0 ? merged_into : document_id);

  return run_update (self, stmt, TRUE, citation_id, error);
}

/**
 * vankho_library_reject_citation:
 * @rejected: %TRUE to mark the mention as not citing its document, %FALSE
 *   to take that back
 *
 * Marks a mention as wrong: it stays stored but no longer counts anywhere.
 * Re-extraction keeps the user's word.
 */
gboolean
vankho_library_reject_citation (VankhoLibrary  *self,
                                gint64          citation_id,
                                gboolean        rejected,
                                GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), FALSE);

  stmt = vankho_library_prepare (self, self->db,
                                 "UPDATE citations SET rejected = ?2, origin = 'user' WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, citation_id);
  sqlite3_bind_int (stmt, 2, !!rejected);

  return run_update (self, stmt, TRUE, citation_id, error);
}
