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

/* The CTE 'counts' (doc, n, latest): for every document that live
 * citations reach, itself or through entries merged into it, the number of
 * citing articles and the newest one's date. One pass over the citations.
 */
#define DOCUMENT_COUNTS \
  "WITH counts AS (" \
  "  SELECT coalesce (m.merged_into, m.id) AS doc," \
  "    count (DISTINCT c.article_id) AS n, max (c.published) AS latest" \
  "  FROM citations c JOIN documents m ON m.id = c.document_id" \
  "  WHERE NOT c.rejected GROUP BY doc)"

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
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
  if (summary == NULL)
    return;

  g_free (summary->key);
  g_free (summary->kind);
  g_free (summary->number);
  g_free (summary->symbol);
  g_free (summary->issuer);
  g_free (summary->issued);
  g_free (summary->title);
  g_free (summary->latest);
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

static int
compare_groups (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const VankhoDocumentSummary *x = *(VankhoDocumentSummary * const *) a;
  const VankhoDocumentSummary *y = *(VankhoDocumentSummary * const *) b;
  VankhoDocumentGroup group = GPOINTER_TO_INT (user_data);
  const char *kx = vankho_document_group_key (x, group);
  const char *ky = vankho_document_group_key (y, group);
  const char * const *order = group == VANKHO_DOCUMENT_GROUP_KIND ? kind_order : issuer_order;
  guint n_order = group == VANKHO_DOCUMENT_GROUP_KIND ? G_N_ELEMENTS (kind_order) : G_N_ELEMENTS (issuer_order);
  guint rx = rank_of (kx, order, n_order);
  guint ry = rank_of (ky, order, n_order);

  if (rx != ry)
    return rx < ry ? -1 : 1;
  if (rx == n_order)
    return g_utf8_collate (kx, ky);
  return 0;
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
  const char *order;
  g_autofree char *sql = NULL;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), NULL);

  if (search != NULL && *search != '\0')
    {
      g_autofree char *folded = vankho_text_fold (search, -1);
      words = g_strsplit_set (g_strstrip (folded), " \t", -1);
    }

  switch (sort)
    {
    case VANKHO_DOCUMENT_SORT_ISSUED:
      order = "issued IS NULL, issued DESC, n DESC, canonical_key";
      break;
    case VANKHO_DOCUMENT_SORT_LATEST:
      order = "latest IS NULL, latest DESC, n DESC, canonical_key";
      break;
    case VANKHO_DOCUMENT_SORT_COUNT:
    default:
      order = "n DESC, issued DESC, canonical_key";
      break;
    }

  /* One pass over the live citations for all documents. The cited ones
   * join their documents by key; the others are added after: a LEFT JOIN
   * on the counts made SQLite scan them once per document (30 s for
   * 30 000 documents). The sort order is a fixed string of ours.
   */
  sql = g_strconcat (DOCUMENT_COUNTS
                     ", listed AS ("
                     "  SELECT d.id, d.canonical_key, d.kind, d.number, d.symbol, d.issuer,"
                     "    d.issued, d.title, counts.n AS n, counts.latest AS latest"
                     "  FROM counts JOIN documents d ON d.id = counts.doc WHERE d.merged_into IS NULL"
                     "  UNION ALL"
                     "  SELECT d.id, d.canonical_key, d.kind, d.number, d.symbol, d.issuer,"
                     "    d.issued, d.title, 0, NULL"
                     "  FROM documents d WHERE d.merged_into IS NULL"
                     "    AND d.id NOT IN (SELECT doc FROM counts))"
                     " SELECT * FROM listed ORDER BY ", order, NULL);

  locker = g_mutex_locker_new (&self->reader_lock);
  if (cancellable != NULL)
    sqlite3_progress_handler (self->reader, 1000, check_cancelled, cancellable);

  stmt = vankho_library_prepare (self, self->reader, sql, error);
  if (stmt == NULL)
    goto out;

  ok = TRUE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VankhoDocumentSummary *summary = g_new0 (VankhoDocumentSummary, 1);

      summary->id = sqlite3_column_int64 (stmt, 0);
      summary->key = column_dup (stmt, 1);
      summary->kind = column_dup (stmt, 2);
      summary->number = column_dup (stmt, 3);
      summary->symbol = column_dup (stmt, 4);
      summary->issuer = column_dup (stmt, 5);
      summary->issued = column_dup (stmt, 6);
      summary->title = column_dup (stmt, 7);
      summary->n_articles = sqlite3_column_int64 (stmt, 8);
      summary->latest = column_dup (stmt, 9);

      /* The documents are a few hundred entries, not the archive: matching
       * their folded text here costs less than keeping a folded copy. */
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
  else if (group != VANKHO_DOCUMENT_GROUP_NONE)
    /* Stable: each group keeps the order of @sort. */
    g_ptr_array_sort_with_data (documents, compare_groups, GINT_TO_POINTER (group));

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
                                 "  c.sentence, c.mention, min (c.mention_offset), count (*)"
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
GPtrArray *
vankho_library_get_implementation (VankhoLibrary  *self,
                                   gint64          document_id,
                                   GError        **error)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify) vankho_implementation_cell_free);
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), NULL);

  locker = g_mutex_locker_new (&self->reader_lock);
  /* The citing articles and their dates come from the citations' covering
   * index, not from the articles. min () makes e.article_id that of the
   * earliest article. */
  stmt = vankho_library_prepare (self, self->reader,
                                 "WITH citing AS MATERIALIZED (SELECT c.article_id AS id,"
                                 "    max (c.published) AS published FROM citations c"
                                 "  WHERE c.document_id IN " FAMILY " AND NOT c.rejected"
                                 "  GROUP BY c.article_id)"
                                 " SELECT p.province, e.kind, e.period,"
                                 "  min (coalesce (e.happened, citing.published)), e.article_id,"
                                 "  count (DISTINCT e.article_id)"
                                 " FROM citing JOIN events e ON e.article_id = citing.id"
                                 " LEFT JOIN places p ON p.article_id = e.article_id AND p.role = 'primary'"
                                 " WHERE e.document_id IN " FAMILY
                                 " GROUP BY p.province, e.kind, e.period"
                                 " ORDER BY p.province IS NULL, p.province, e.kind, e.period", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VankhoImplementationCell *cell = g_new0 (VankhoImplementationCell, 1);

      cell->province = column_dup (stmt, 0);
      cell->province_name = g_strdup (province_name (cell->province));
      cell->kind = column_dup (stmt, 1);
      cell->period = column_dup (stmt, 2);
      cell->earliest = column_dup (stmt, 3);
      cell->article_id = sqlite3_column_int64 (stmt, 4);
      cell->n_articles = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (cells, cell);
    }

  if (rc != SQLITE_DONE)
    {
      vankho_library_set_sqlite_error (error, self->reader, self->path);
      return NULL;
    }

  return g_steal_pointer (&cells);
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
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), NULL);

  locker = g_mutex_locker_new (&self->reader_lock);
  stmt = vankho_library_prepare (self, self->reader,
                                 "WITH citing AS (SELECT DISTINCT article_id FROM citations"
                                 "    WHERE document_id IN " FAMILY " AND NOT rejected),"
                                 "  shared AS (SELECT coalesce (m.merged_into, m.id) AS doc,"
                                 "    count (DISTINCT c.article_id) AS n"
                                 "    FROM citing JOIN citations c ON c.article_id = citing.article_id"
                                 "    JOIN documents m ON m.id = c.document_id"
                                 "    WHERE NOT c.rejected GROUP BY doc)"
                                 " SELECT d.id, d.canonical_key, d.kind, d.number, d.symbol, d.issuer,"
                                 "  d.issued, d.title, shared.n"
                                 " FROM shared JOIN documents d ON d.id = shared.doc"
                                 " WHERE d.id != ?1"
                                 " ORDER BY shared.n DESC, d.issued DESC, d.canonical_key LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VankhoDocumentSummary *summary = g_new0 (VankhoDocumentSummary, 1);

      summary->id = sqlite3_column_int64 (stmt, 0);
      summary->key = column_dup (stmt, 1);
      summary->kind = column_dup (stmt, 2);
      summary->number = column_dup (stmt, 3);
      summary->symbol = column_dup (stmt, 4);
      summary->issuer = column_dup (stmt, 5);
      summary->issued = column_dup (stmt, 6);
      summary->title = column_dup (stmt, 7);
      summary->n_articles = sqlite3_column_int64 (stmt, 8);
      g_ptr_array_add (documents, summary);
    }

  if (rc != SQLITE_DONE)
    {
      vankho_library_set_sqlite_error (error, self->reader, self->path);
      return NULL;
    }

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
