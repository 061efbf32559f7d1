/* vankho-library-places.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* VankhoLibrary, continued: the archive seen by province, for the map and
 * `vankho-cli places`.
 *
 * Counts follow the shared filter exactly because they start from the ids
 * vankho_library_query_article_ids() finds for it; those go into a TEMP
 * table of the reader connection (nothing is written to the library) and
 * the counts are one indexed GROUP BY over places joined to it. With no
 * filter at all the ids are not needed and the counts read the places
 * index alone. The mapping of the 63 provinces to the 34 units of 2025 is
 * a second TEMP table, so that an article about two members of one unit is
 * counted once for it (count DISTINCT), in SQL.
 *
 * The reads run on the reader connection under its lock, callable from a
 * worker thread.
 */

#define G_LOG_DOMAIN "vankho-library"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vankho-library-places.h"
#include "vankho-library-private.h"

/* A document and the entries merged into it. */
#define FAMILY "(SELECT id FROM documents WHERE id = ?1 OR merged_into = ?1)"

#define IN_IDS " AND p.article_id IN (SELECT id FROM temp.vankho_places_ids)"

/* The first day the 34 units were in force. */
#define ERA_2025_START "2025-07-01"

struct _VankhoPlaceCounts
{
  gatomicrefcount  ref_count;
  gint64           n_articles;   /* matching the query */
  gint64           n_placed;     /* of them, with a primary province */
  char            *newest;
  char            *oldest;
  GHashTable      *counts[2];    /* unit code → count, GINT_TO_POINTER */
  GHashTable      *earliest[2];  /* unit code → ISO date; event mode only */
  gint64           max[2];
};

G_DEFINE_BOXED_TYPE (VankhoPlaceCounts, vankho_place_counts,
                     vankho_place_counts_ref, vankho_place_counts_unref)

static VankhoPlaceCounts *
vankho_place_counts_new (void)
{
  VankhoPlaceCounts *counts = g_new0 (VankhoPlaceCounts, 1);

  g_atomic_ref_count_init (&counts->ref_count);
  for (guint era = 0; era < 2; era++)
    {
      counts->counts[era] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      counts->earliest[era] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    }

  return counts;
}

VankhoPlaceCounts *
vankho_place_counts_ref (VankhoPlaceCounts *counts)
{
  g_return_val_if_fail (counts != NULL, NULL);

  g_atomic_ref_count_inc (&counts->ref_count);
  return counts;
}

void
vankho_place_counts_unref (VankhoPlaceCounts *counts)
{
  g_return_if_fail (counts != NULL);

  if (!g_atomic_ref_count_dec (&counts->ref_count))
    return;

  for (guint era = 0; era < 2; era++)
    {
      g_hash_table_unref (counts->counts[era]);
      g_hash_table_unref (counts->earliest[era]);
    }
  g_free (counts->newest);
  g_free (counts->oldest);
  g_free (counts);
}

/**
 * vankho_place_counts_get_n_articles:
 *
 * Returns: how many articles matched, with a province or not
 */
gint64
vankho_place_counts_get_n_articles (const VankhoPlaceCounts *counts)
{
  g_return_val_if_fail (counts != NULL, 0);

  return counts->n_articles;
}

/**
 * vankho_place_counts_get_n_placed:
 *
 * Returns: how many of the articles have a primary province; the share
 *   of a province is its count over this
 */
gint64
vankho_place_counts_get_n_placed (const VankhoPlaceCounts *counts)
{
  g_return_val_if_fail (counts != NULL, 0);

  return counts->n_placed;
}

/**
 * vankho_place_counts_get_newest:
 *
 * Returns: (nullable): the date of the newest matching article
 */
const char *
vankho_place_counts_get_newest (const VankhoPlaceCounts *counts)
{
  g_return_val_if_fail (counts != NULL, NULL);

  return counts->newest;
}

/**
 * vankho_place_counts_get_oldest:
 *
 * Returns: (nullable): the date of the oldest matching article
 */
const char *
vankho_place_counts_get_oldest (const VankhoPlaceCounts *counts)
{
  g_return_val_if_fail (counts != NULL, NULL);

  return counts->oldest;
}

/**
 * vankho_place_counts_get:
 * @era: which units @code is one of
 * @code: a 63-era ISO code, or the id of a 2025 unit
 *
 * Returns: the number of articles about the unit
 */
gint64
vankho_place_counts_get (const VankhoPlaceCounts *counts,
                         VankhoEra                era,
                         const char              *code)
{
  g_return_val_if_fail (counts != NULL, 0);
  g_return_val_if_fail (era == VANKHO_ERA_2008 || era == VANKHO_ERA_2025, 0);

  if (code == NULL)
    return 0;

  return GPOINTER_TO_INT (g_hash_table_lookup (counts->counts[era], code));
}

/**
 * vankho_place_counts_get_max:
 *
 * Returns: the largest count of a unit of @era
 */
gint64
vankho_place_counts_get_max (const VankhoPlaceCounts *counts,
                             VankhoEra                era)
{
  g_return_val_if_fail (counts != NULL, 0);
  g_return_val_if_fail (era == VANKHO_ERA_2008 || era == VANKHO_ERA_2025, 0);

  return counts->max[era];
}

/**
 * vankho_place_counts_get_earliest:
 *
 * For counts from vankho_library_earliest_event_places().
 *
 * Returns: (nullable): the earliest date of the event in the unit
 */
const char *
vankho_place_counts_get_earliest (const VankhoPlaceCounts *counts,
                                  VankhoEra                era,
                                  const char              *code)
{
  g_return_val_if_fail (counts != NULL, NULL);
  g_return_val_if_fail (era == VANKHO_ERA_2008 || era == VANKHO_ERA_2025, NULL);

  if (code == NULL)
    return NULL;

  return g_hash_table_lookup (counts->earliest[era], code);
}

static int
compare_codes (const void *a,
               const void *b)
{
  /* qsort hands pointers to the elements. */
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/**
 * vankho_place_counts_dup_codes:
 *
 * Returns: (transfer full): the codes of the units of @era that have at
 *   least one article, sorted
 */
GStrv
vankho_place_counts_dup_codes (const VankhoPlaceCounts *counts,
                               VankhoEra                era)
{
  GStrv codes;

  g_return_val_if_fail (counts != NULL, NULL);
  g_return_val_if_fail (era == VANKHO_ERA_2008 || era == VANKHO_ERA_2025, NULL);

  codes = (GStrv) g_hash_table_get_keys_as_array (counts->counts[era], NULL);
  for (guint i = 0; codes[i] != NULL; i++)
    codes[i] = g_strdup (codes[i]);
  qsort (codes, g_strv_length (codes), sizeof (char *), compare_codes);

  return codes;
}

/**
 * vankho_place_counts_suggest_era:
 *
 * The era a map of these articles should open in: the 34 units as soon as
 * one article is dated on or after 1/7/2025, the 63 provinces otherwise.
 */
VankhoEra
vankho_place_counts_suggest_era (const VankhoPlaceCounts *counts)
{
  g_return_val_if_fail (counts != NULL, VANKHO_ERA_2008);

  /* ISO dates compare as text; a date known only to the year 2025 stays
   * in the old era, as most of that year was. */
  if (counts->newest != NULL && strcmp (counts->newest, ERA_2025_START) >= 0)
    return VANKHO_ERA_2025;
  if (counts->newest != NULL && strlen (counts->newest) == 7 && strcmp (counts->newest, "2025-07") >= 0)
    return VANKHO_ERA_2025;

  return VANKHO_ERA_2008;
}

void
vankho_place_event_free (VankhoPlaceEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->kind);
  g_free (event->period);
  g_free (event);
}

static int
check_cancelled (void *user_data)
{
  return g_cancellable_is_cancelled (user_data);
}

static gboolean
step_error (VankhoLibrary  *self,
            int             rc,
            GCancellable   *cancellable,
            GError        **error)
{
  if (rc == SQLITE_INTERRUPT && g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  vankho_library_set_sqlite_error (error, self->reader, self->path);
  return FALSE;
}

/* Any statement may be the one the progress handler interrupts: the
 * caller should see that it cancelled, not an SQLite error. */
static void
propagate_error (GError       **error,
                 GError        *local_error,
                 GCancellable  *cancellable)
{
  if (g_cancellable_is_cancelled (cancellable) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_error_free (local_error);
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return;
    }

  g_propagate_error (error, local_error);
}

/* The TEMP tables live as long as the reader connection, empty between
 * calls; the unit map is filled once. Called under the reader lock.
 */
static gboolean
ensure_temp_tables (VankhoLibrary  *self,
                    GError        **error)
{
  g_autoptr(sqlite3_stmt) count = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  VankhoBoundaries *provinces;
  VankhoBoundaries *units;

  if (!vankho_library_exec (self, self->reader,
                            "CREATE TEMP TABLE IF NOT EXISTS vankho_places_ids (id INTEGER PRIMARY KEY);"
                            "CREATE TEMP TABLE IF NOT EXISTS vankho_places_units ("
                            "  province TEXT PRIMARY KEY, unit TEXT NOT NULL) WITHOUT ROWID;", error))
    return FALSE;

  count = vankho_library_prepare (self, self->reader, "SELECT count(*) FROM temp.vankho_places_units", error);
  if (count == NULL)
    return FALSE;
  if (sqlite3_step (count) == SQLITE_ROW && sqlite3_column_int (count, 0) > 0)
    return TRUE;

  insert = vankho_library_prepare (self, self->reader,
                                   "INSERT INTO temp.vankho_places_units (province, unit) VALUES (?, ?)", error);
  if (insert == NULL)
    return FALSE;

  provinces = vankho_boundaries_get_default (VANKHO_ERA_2008);
  units = vankho_boundaries_get_default (VANKHO_ERA_2025);
  for (guint i = 0; i < vankho_boundaries_get_n_units (provinces); i++)
    {
      const char *code = vankho_boundary_unit_get_code (vankho_boundaries_get_unit (provinces, i));
      const VankhoBoundaryUnit *unit = vankho_boundaries_unit_for_code (units, code);

      if (unit == NULL)
        continue;

      sqlite3_reset (insert);
      sqlite3_bind_text (insert, 1, code, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 2, vankho_boundary_unit_get_code (unit), -1, SQLITE_STATIC);
      if (sqlite3_step (insert) != SQLITE_DONE)
        {
          vankho_library_set_sqlite_error (error, self->reader, self->path);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
fill_ids (VankhoLibrary  *self,
          GArray         *ids,
          GError        **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (!vankho_library_exec (self, self->reader, "DELETE FROM temp.vankho_places_ids", error))
    return FALSE;

  insert = vankho_library_prepare (self, self->reader,
                                   "INSERT OR IGNORE INTO temp.vankho_places_ids (id) VALUES (?)", error);
  if (insert == NULL)
    return FALSE;

  /* One transaction on the TEMP database: the library is not written. */
  if (!vankho_library_exec (self, self->reader, "SAVEPOINT vankho_places", error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, g_array_index (ids, gint64, i));
      if (sqlite3_step (insert) != SQLITE_DONE)
        {
          vankho_library_set_sqlite_error (error, self->reader, self->path);
          vankho_library_exec (self, self->reader, "ROLLBACK TO vankho_places; RELEASE vankho_places", NULL);
          return FALSE;
        }
    }

  return vankho_library_exec (self, self->reader, "RELEASE vankho_places", error);
}

/* Runs @sql, whose rows are (code, count[, date]), into the tables of @era. */
static gboolean
read_counts (VankhoLibrary      *self,
             VankhoPlaceCounts  *counts,
             VankhoEra           era,
             const char         *sql,
             gint64              document_id,
             const char         *kind,
             const char         *period,
             GCancellable       *cancellable,
             GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = vankho_library_prepare (self, self->reader, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  if (document_id > 0)
    sqlite3_bind_int64 (stmt, 1, document_id);
  if (kind != NULL)
    sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  if (period != NULL)
    sqlite3_bind_text (stmt, 3, period, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);
      gint64 n = sqlite3_column_int64 (stmt, 1);

      if (code == NULL)
        continue;

      g_hash_table_insert (counts->counts[era], g_strdup (code), GINT_TO_POINTER ((int) n));
      counts->max[era] = MAX (counts->max[era], n);
      if (sqlite3_column_count (stmt) > 2 && sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        g_hash_table_insert (counts->earliest[era], g_strdup (code),
                             g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
    }

  if (rc != SQLITE_DONE)
    return step_error (self, rc, cancellable, error);

  return TRUE;
}

static gboolean
read_totals (VankhoLibrary      *self,
             VankhoPlaceCounts  *counts,
             gboolean            filtered,
             GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = vankho_library_prepare (self, self->reader,
                                 filtered
                                 ? "SELECT count(*), min(a.published), max(a.published),"
                                   "  (SELECT count(DISTINCT p.article_id) FROM places p"
                                   "   WHERE p.role = 'primary'" IN_IDS ")"
                                   " FROM articles a WHERE a.id IN (SELECT id FROM temp.vankho_places_ids)"
                                 : "SELECT count(*), min(a.published), max(a.published),"
                                   "  (SELECT count(DISTINCT p.article_id) FROM places p"
                                   "   WHERE p.role = 'primary')"
                                   " FROM articles a", error);
  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      vankho_library_set_sqlite_error (error, self->reader, self->path);
      return FALSE;
    }

  counts->n_articles = sqlite3_column_int64 (stmt, 0);
  counts->oldest = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  counts->newest = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  counts->n_placed = sqlite3_column_int64 (stmt, 3);

  return TRUE;
}

static gboolean
query_is_empty (const VankhoArticleQuery *query)
{
  return (query->text == NULL || *query->text == '\0') &&
         query->document_id <= 0 &&
         query->date_from == NULL && query->date_to == NULL &&
         query->source_id <= 0 && query->outlet == NULL && query->tag == NULL &&
         !query->unread_only && !query->starred_only;
}

/**
 * vankho_library_count_places:
 * @query: (nullable): which articles; %NULL for all of them
 * @cancellable: (nullable): stops a long count
 *
 * Counts the articles matching @query by primary province, for the 63
 * provinces and for the 34 units of 2025. The province of @query is left
 * out: a map of one province's articles would show nothing but that
 * province (and the provinces they also name); the map shows the selected
 * province by highlighting it instead.
 *
 * Returns: (transfer full): the counts, or %NULL with @error set
 */
VankhoPlaceCounts *
vankho_library_count_places (VankhoLibrary             *self,
                             const VankhoArticleQuery  *query,
                             GCancellable              *cancellable,
                             GError                   **error)
{
  g_autoptr(VankhoPlaceCounts) counts = vankho_place_counts_new ();
  g_autoptr(VankhoArticleQuery) copy = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  GError *local_error = NULL;
  gboolean filtered;
  gboolean ok;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  copy = query != NULL ? vankho_article_query_copy (query) : vankho_article_query_new ();
  g_clear_pointer (&copy->province, g_free);
  /* Relevance needs the rank of every match, which counting never uses. */
  copy->sort = VANKHO_ARTICLE_SORT_NEWEST;
  filtered = !query_is_empty (copy);

  if (filtered)
    {
      /* Takes the reader lock itself, which is not recursive. */
      ids = vankho_library_query_article_ids (self, copy, 0, NULL, cancellable, &local_error);
      if (ids == NULL)
        {
          propagate_error (error, local_error, cancellable);
          return NULL;
        }
    }

  locker = g_mutex_locker_new (&self->reader_lock);
  if (cancellable != NULL)
    sqlite3_progress_handler (self->reader, 1000, check_cancelled, cancellable);

  ok = ensure_temp_tables (self, &local_error) &&
       (!filtered || fill_ids (self, ids, &local_error)) &&
       read_totals (self, counts, filtered, &local_error) &&
       read_counts (self, counts, VANKHO_ERA_2008,
                    filtered
                    ? "SELECT p.province, count(DISTINCT p.article_id) FROM places p"
                      " WHERE p.role = 'primary'" IN_IDS " GROUP BY p.province"
                    : "SELECT p.province, count(DISTINCT p.article_id) FROM places p"
                      " WHERE p.role = 'primary' GROUP BY p.province",
                    0, NULL, NULL, cancellable, &local_error) &&
       read_counts (self, counts, VANKHO_ERA_2025,
                    filtered
                    ? "SELECT u.unit, count(DISTINCT p.article_id) FROM places p"
                      " JOIN temp.vankho_places_units u ON u.province = p.province"
                      " WHERE p.role = 'primary'" IN_IDS " GROUP BY u.unit"
                    : "SELECT u.unit, count(DISTINCT p.article_id) FROM places p"
                      " JOIN temp.vankho_places_units u ON u.province = p.province"
                      " WHERE p.role = 'primary' GROUP BY u.unit",
                    0, NULL, NULL, cancellable, &local_error);

  /* Leave the TEMP table empty rather than holding 100 000 ids. */
  if (filtered)
    vankho_library_exec (self, self->reader, "DELETE FROM temp.vankho_places_ids", NULL);
  sqlite3_progress_handler (self->reader, 0, NULL, NULL);

  if (!ok)
    {
      propagate_error (error, local_error, cancellable);
      return NULL;
    }

  return g_steal_pointer (&counts);
}

/**
 * vankho_library_count_places_citing:
 * @document_id: a document; an entry merged into it counts for it
 *
 * Counts the articles citing a document by primary province, as
 * vankho_library_count_places() does.
 *
 * Returns: (transfer full): the counts, or %NULL with @error set
 */
VankhoPlaceCounts *
vankho_library_count_places_citing (VankhoLibrary  *self,
                                    gint64          document_id,
                                    GCancellable   *cancellable,
                                    GError        **error)
{
  g_autoptr(VankhoArticleQuery) query = vankho_article_query_new ();

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (document_id > 0, NULL);

  query->document_id = document_id;

  return vankho_library_count_places (self, query, cancellable, error);
}

/**
 * vankho_library_earliest_event_places:
 * @document_id: a document; an entry merged into it counts for it
 * @kind: an event kind ("so_ket")
 * @period: (nullable): its period ("1 năm"); %NULL for the events of
 *   @kind that name none
 *
 * When each province first reported the event: for each primary province
 * of the articles reporting it (while they still cite the document), the
 * earliest date of the event (the article's date when the event has none
 * of its own), and the number of such articles. For a unit of 2025, the
 * earliest over its members.
 *
 * Returns: (transfer full): counts with dates, or %NULL with @error set
 */
VankhoPlaceCounts *
vankho_library_earliest_event_places (VankhoLibrary  *self,
                                      gint64          document_id,
                                      const char     *kind,
                                      const char     *period,
                                      GCancellable   *cancellable,
                                      GError        **error)
{
  g_autoptr(VankhoPlaceCounts) counts = vankho_place_counts_new ();
  g_autoptr(GMutexLocker) locker = NULL;
  GError *local_error = NULL;
  gboolean ok;

#define EVENT_FROM \
  " FROM events e JOIN articles a ON a.id = e.article_id" \
  " JOIN places p ON p.article_id = e.article_id AND p.role = 'primary'"
#define EVENT_WHERE \
  " WHERE e.document_id IN " FAMILY " AND e.kind = ?2 AND e.period IS ?3" \
  "  AND EXISTS (SELECT 1 FROM citations c WHERE c.article_id = e.article_id" \
  "    AND c.document_id IN " FAMILY " AND NOT c.rejected)"

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  locker = g_mutex_locker_new (&self->reader_lock);
  if (cancellable != NULL)
    sqlite3_progress_handler (self->reader, 1000, check_cancelled, cancellable);

  ok = ensure_temp_tables (self, &local_error) &&
       read_counts (self, counts, VANKHO_ERA_2008,
                    "SELECT p.province, count(DISTINCT e.article_id),"
                    "  min (coalesce (e.happened, a.published))"
                    EVENT_FROM EVENT_WHERE " GROUP BY p.province",
                    document_id, kind, period, cancellable, &local_error) &&
       read_counts (self, counts, VANKHO_ERA_2025,
                    "SELECT u.unit, count(DISTINCT e.article_id),"
                    "  min (coalesce (e.happened, a.published))"
                    EVENT_FROM
                    " JOIN temp.vankho_places_units u ON u.province = p.province"
                    EVENT_WHERE " GROUP BY u.unit",
                    document_id, kind, period, cancellable, &local_error);

  sqlite3_progress_handler (self->reader, 0, NULL, NULL);

#undef EVENT_FROM
#undef EVENT_WHERE

  if (!ok)
    {
      propagate_error (error, local_error, cancellable);
      return NULL;
    }

  return g_steal_pointer (&counts);
}

/**
 * vankho_library_list_place_events:
 * @document_id: a document
 *
 * The events the articles citing a document report, to choose one to map.
 *
 * Returns: (transfer full) (element-type VankhoPlaceEvent): the events,
 *   most reported first
 */
GPtrArray *
vankho_library_list_place_events (VankhoLibrary  *self,
                                  gint64          document_id,
                                  GError        **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) vankho_place_event_free);
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), NULL);

  locker = g_mutex_locker_new (&self->reader_lock);
  stmt = vankho_library_prepare (self, self->reader,
                                 "SELECT e.kind, e.period, count(DISTINCT e.article_id) FROM events e"
                                 " WHERE e.document_id IN " FAMILY
                                 "  AND EXISTS (SELECT 1 FROM citations c WHERE c.article_id = e.article_id"
                                 "    AND c.document_id IN " FAMILY " AND NOT c.rejected)"
                                 " GROUP BY e.kind, e.period"
                                 " ORDER BY count(DISTINCT e.article_id) DESC, e.kind, e.period", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VankhoPlaceEvent *event = g_new0 (VankhoPlaceEvent, 1);

      event->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      event->period = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      event->n_articles = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (events, event);
    }

  if (rc != SQLITE_DONE)
    {
      vankho_library_set_sqlite_error (error, self->reader, self->path);
      return NULL;
    }

  return g_steal_pointer (&events);
}
