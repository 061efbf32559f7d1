/* vankho-library-extraction.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* VankhoLibrary, continued: what extraction found in each article (places,
 * documents, citations, events), stored and read back. Rows the user made
 * (origin 'user') are never replaced by a new extraction.
 */

#define G_LOG_DOMAIN "vankho-library"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "vankho-extractor.h"
#include "vankho-library-private.h"

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

static void
bind_date (sqlite3_stmt     *stmt,
           int               column,
           const VankhoDate *date)
{
  g_autofree char *iso = vankho_date_to_iso (date);

  bind_text_or_null (stmt, column, iso);
  sqlite3_bind_text (stmt, column + 1, vankho_date_precision_to_string (date->precision), -1,
                     SQLITE_STATIC);
}

static gboolean
step_done (VankhoLibrary  *self,
           sqlite3_stmt   *stmt,
           GError        **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      vankho_library_set_sqlite_error (error, self->db, self->path);
      return FALSE;
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return TRUE;
}

/**
 * vankho_library_seed_catalogue:
 *
 * Adds the documents of the shipped catalogue that the library lacks, so
 * that they are listed before any article cites them.
 */
gboolean
vankho_library_seed_catalogue (VankhoLibrary  *self,
                               GError        **error)
{
  VankhoCatalogue *catalogue = vankho_extractor_get_catalogue (vankho_extractor_get_default ());
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n = vankho_catalogue_get_n_documents (catalogue);

  stmt = vankho_library_prepare (self, self->db,
                                 "INSERT INTO documents (canonical_key, kind, number, symbol, issuer,"
                                 "  issued, issued_precision, title, origin)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'catalogue')"
                                 " ON CONFLICT (canonical_key) DO NOTHING", error);
  if (stmt == NULL || !vankho_library_exec (self, self->db, "SAVEPOINT seed", error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const VankhoDocument *doc = vankho_catalogue_get_nth_document (catalogue, i);

      sqlite3_bind_text (stmt, 1, doc->key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, doc->kind, -1, SQLITE_TRANSIENT);
      bind_text_or_null (stmt, 3, doc->number);
      bind_text_or_null (stmt, 4, doc->symbol);
      bind_text_or_null (stmt, 5, doc->issuer);
      bind_date (stmt, 6, &doc->date);
      bind_text_or_null (stmt, 8, doc->title);

      if (!step_done (self, stmt, error))
        {
          vankho_library_exec (self, self->db, "ROLLBACK TO seed", NULL);
          vankho_library_exec (self, self->db, "RELEASE seed", NULL);
          return FALSE;
        }
    }

  return vankho_library_exec (self, self->db, "RELEASE seed", error);
}

/* Steps @stmt, which returns an id or nothing, and resets it: 0 when it
 * returned nothing or failed (@error set). */
static gint64
step_id (VankhoLibrary  *self,
         sqlite3_stmt   *stmt,
         GError        **error)
{
  gint64 id = 0;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    vankho_library_set_sqlite_error (error, self->db, self->path);
  sqlite3_reset (stmt);

  return id;
}

/* Finds or adds the document a citation resolved to; a document known only
 * from the archive gains the facts later citations give. A citation that
 * adds nothing leaves the row alone: rewriting it, and its symbol in
 * documents_by_symbol, at every citation of a known document made the
 * import write pages it did not change.
 */
static gint64
ensure_document (VankhoLibrary         *self,
                 const VankhoCitation  *citation,
                 GError               **error)
{
  g_autofree char *issued = vankho_date_to_iso (&citation->date);
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  /* Most citations name a document already known with everything they
   * could add: one indexed read then, instead of an upsert that updates
   * nothing and a read after it. */
  stmt = vankho_library_prepare_kept (self,
                                      "SELECT id FROM documents WHERE canonical_key = ?1"
                                      " AND (origin != 'auto' OR"
                                      "  ((symbol IS NOT NULL OR ?2 IS NULL) AND (issuer IS NOT NULL OR ?3 IS NULL)"
                                      "   AND (title IS NOT NULL OR ?4 IS NULL) AND (issued IS NOT NULL OR ?5 IS NULL)))",
                                      error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, citation->key, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 2, citation->symbol);
  bind_text_or_null (stmt, 3, citation->issuer);
  bind_text_or_null (stmt, 4, citation->title);
  bind_text_or_null (stmt, 5, issued);
  id = step_id (self, stmt, &local_error);

  if (id == 0 && local_error == NULL)
    {
      stmt = vankho_library_prepare_kept (self,
                                          "INSERT INTO documents (canonical_key, kind, number, symbol, issuer,"
                                          "  issued, issued_precision, title, origin)"
                                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'auto')"
                                          " ON CONFLICT (canonical_key) DO UPDATE SET"
                                          "  symbol = coalesce (symbol, excluded.symbol),"
                                          "  issuer = coalesce (issuer, excluded.issuer),"
                                          "  title = coalesce (title, excluded.title),"
                                          "  issued = coalesce (issued, excluded.issued),"
                                          "  issued_precision = CASE WHEN issued IS NULL"
                                          "    THEN excluded.issued_precision ELSE issued_precision END"
                                          "  WHERE origin = 'auto' AND"
                                          "   ((symbol IS NULL AND excluded.symbol IS NOT NULL) OR"
                                          "    (issuer IS NULL AND excluded.issuer IS NOT NULL) OR"
                                          "    (title IS NULL AND excluded.title IS NOT NULL) OR"
                                          "    (issued IS NULL AND excluded.issued IS NOT NULL))"
                                          " RETURNING id", error);
      if (stmt == NULL)
        return 0;

      sqlite3_bind_text (stmt, 1, citation->key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, citation->kind, -1, SQLITE_TRANSIENT);
      bind_text_or_null (stmt, 3, citation->number);
      bind_text_or_null (stmt, 4, citation->symbol);
      bind_text_or_null (stmt, 5, citation->issuer);
      bind_date (stmt, 6, &citation->date);
      bind_text_or_null (stmt, 8, citation->title);

      /* No entry yet, or one this citation adds a fact to (the read above
       * returns any other): inserted or updated, it comes back. */
      id = step_id (self, stmt, &local_error);
      if (id == 0 && local_error == NULL)
        vankho_library_set_sqlite_error (&local_error, self->db, self->path);
    }

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return id;
}

/* The insert of an article's place; store_places() adds the
 * look for the user's own row when the article is not new. */
#define INSERT_PLACE \
  "INSERT INTO places (article_id, province, role, evidence, evidence_offset, evidence_length," \
  "  origin, published)" \
  " SELECT ?1, ?2, ?3, ?4, ?5, ?6, 'auto', (SELECT published FROM articles WHERE id = ?1)"

static gboolean
store_places (VankhoLibrary     *self,
              gint64             article_id,
              gboolean           fresh,
              VankhoExtraction  *extraction,
              GError           **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *places = vankho_extraction_get_places (extraction);

  /* A province the user placed or removed keeps the user's say. The date
   * given here spares places_published_insert an update of the row, and
   * of its index, after each insert. */
  stmt = vankho_library_prepare_kept (self, fresh ? INSERT_PLACE :
                                      INSERT_PLACE " WHERE NOT EXISTS"
                                      " (SELECT 1 FROM places WHERE article_id = ?1 AND province = ?2"
                                      "  AND origin = 'user')", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < places->len; i++)
    {
      const VankhoPlace *place = g_ptr_array_index (places, i);

      sqlite3_bind_int64 (stmt, 1, article_id);
      sqlite3_bind_text (stmt, 2, place->code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, place->role == VANKHO_PLACE_ROLE_PRIMARY ? "primary" : "mentioned",
                         -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, place->evidence, -1, SQLITE_STATIC);
      if (place->offset >= 0)
        {
          sqlite3_bind_int64 (stmt, 5, place->offset);
          sqlite3_bind_int64 (stmt, 6, place->length);
        }

      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* The insert of an article's citation; store_citations() adds the
 * look for the user's own row when the article is not new. */
#define INSERT_CITATION \
  "INSERT INTO citations (article_id, document_id, mention, mention_offset, mention_length," \
  "  sentence_offset, sentence_length, confidence, origin, published)" \
  " SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'auto', (SELECT published FROM articles WHERE id = ?1)"

static gboolean
store_citations (VankhoLibrary     *self,
                 gint64             article_id,
                 gboolean           fresh,
                 VankhoExtraction  *extraction,
                 GHashTable        *document_ids,
                 GError           **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *citations = vankho_extraction_get_citations (extraction);

  /* A mention the user re-attached or rejected stays as the user left it. */
  stmt = vankho_library_prepare_kept (self, fresh ? INSERT_CITATION :
                                      INSERT_CITATION " WHERE NOT EXISTS"
                                      " (SELECT 1 FROM citations WHERE article_id = ?1"
                                      "  AND mention_offset = ?4 AND origin = 'user')", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < citations->len; i++)
    {
      const VankhoCitation *citation = g_ptr_array_index (citations, i);
      gint64 document_id = GPOINTER_TO_SIZE (g_hash_table_lookup (document_ids, citation->key));

      if (document_id == 0)
        {
          document_id = ensure_document (self, citation, error);
          if (document_id == 0)
            return FALSE;
          g_hash_table_insert (document_ids, citation->key, GSIZE_TO_POINTER (document_id));
        }

      sqlite3_bind_int64 (stmt, 1, article_id);
      sqlite3_bind_int64 (stmt, 2, document_id);
      sqlite3_bind_text (stmt, 3, citation->mention, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, citation->offset);
      sqlite3_bind_int64 (stmt, 5, citation->length);
      sqlite3_bind_int64 (stmt, 6, citation->sentence_offset);
      sqlite3_bind_int64 (stmt, 7, citation->sentence_length);
      sqlite3_bind_double (stmt, 8, citation->confidence);

      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
store_events (VankhoLibrary     *self,
              gint64             article_id,
              VankhoExtraction  *extraction,
              GHashTable        *document_ids,
              GError           **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *events = vankho_extraction_get_events (extraction);

  stmt = vankho_library_prepare_kept (self,
                                      "INSERT INTO events (article_id, document_id, kind, period, happened, origin)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, 'auto')", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < events->len; i++)
    {
      const VankhoEvent *event = g_ptr_array_index (events, i);
      gint64 document_id = 0;
      g_autofree char *happened = vankho_date_to_iso (&event->date);

      if (event->document != NULL)
        document_id = GPOINTER_TO_SIZE (g_hash_table_lookup (document_ids, event->document));

      sqlite3_bind_int64 (stmt, 1, article_id);
      if (document_id > 0)
        sqlite3_bind_int64 (stmt, 2, document_id);
      sqlite3_bind_text (stmt, 3, event->kind, -1, SQLITE_STATIC);
      bind_text_or_null (stmt, 4, event->period);
      bind_text_or_null (stmt, 5, happened);

      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * vankho_library_store_extraction:
 * @article_id: the article the extraction was run on
 * @extraction: what it found
 *
 * Replaces what an earlier extraction stored for the article (its 'auto'
 * rows) with @extraction, and its publication date unless the user set it.
 * Call inside a transaction.
 */
gboolean
vankho_library_store_extraction (VankhoLibrary     *self,
                                 gint64             article_id,
                                 VankhoExtraction  *extraction,
                                 GError           **error)
{
  g_autoptr(GHashTable) document_ids = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;
  const VankhoDate *published;
  g_autofree char *iso = NULL;
  gboolean fresh;
  static const char * const clear[] = {
    "DELETE FROM places WHERE article_id = ?1 AND origin = 'auto'",
    "DELETE FROM citations WHERE article_id = ?1 AND origin = 'auto'",
    "DELETE FROM events WHERE article_id = ?1 AND origin = 'auto'",
  };

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (VANKHO_IS_EXTRACTION (extraction), FALSE);

  /* An article added in the open transaction has nothing stored about it
   * yet, by the user or otherwise: nothing to clear, and its rows go in
   * without looking for the user's. That look was a scan of the article's
   * citations so far at each citation, 4.2 million row reads for 741 199
   * citations at 100 000 articles. */
  fresh = self->unindexed->len > 0 &&
          g_array_index (self->unindexed, gint64, self->unindexed->len - 1) == article_id;

  for (guint i = 0; !fresh && i < G_N_ELEMENTS (clear); i++)
    {
      sqlite3_stmt *del = vankho_library_prepare_kept (self, clear[i], error);

      if (del == NULL)
        return FALSE;
      sqlite3_bind_int64 (del, 1, article_id);
      if (!step_done (self, del, error))
        return FALSE;
    }

  /* The date first: the places and citations stored next copy it as they
   * are inserted. Set after them, it was copied again into each, through
   * the triggers that follow it and the indexes on it (import of 10 000
   * articles: 1 004 -> 1 127 articles/s). */
  published = vankho_extraction_get_published (extraction);
  if (published->precision != VANKHO_DATE_PRECISION_UNKNOWN)
    {
      stmt = vankho_library_prepare_kept (self,
                                          "UPDATE articles SET published = ?2, published_precision = ?3"
                                          " WHERE id = ?1 AND published_origin = 'auto'", error);
      if (stmt == NULL)
        return FALSE;

      iso = vankho_date_to_iso (published);
      sqlite3_bind_int64 (stmt, 1, article_id);
      sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, vankho_date_precision_to_string (published->precision), -1, SQLITE_STATIC);

      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return store_places (self, article_id, fresh, extraction, error) &&
         store_citations (self, article_id, fresh, extraction, document_ids, error) &&
         store_events (self, article_id, extraction, document_ids, error);
}

/**
 * vankho_library_load_extraction:
 * @article_id: an article
 *
 * Reads back what is stored about an article: its date, places, citations
 * (not those the user rejected) and events, as a #VankhoExtraction.
 *
 * Returns: (transfer full) (nullable): the stored extraction
 */
VankhoExtraction *
vankho_library_load_extraction (VankhoLibrary  *self,
                                gint64          article_id,
                                GError        **error)
{
  VankhoGazetteer *gazetteer = vankho_extractor_get_gazetteer (vankho_extractor_get_default ());
  g_autoptr(VankhoExtraction) extraction = vankho_extraction_new ();
  g_autoptr(sqlite3_stmt) places = NULL;
  g_autoptr(sqlite3_stmt) citations = NULL;
  g_autoptr(sqlite3_stmt) events = NULL;
  g_autoptr(sqlite3_stmt) article = NULL;
  VankhoDate date = { 0 };
  int rc;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), NULL);

  article = vankho_library_prepare (self, self->db, "SELECT published FROM articles WHERE id = ?1", error);
  places = vankho_library_prepare (self, self->db,
                                   "SELECT province, role, evidence, evidence_offset, evidence_length"
                                   " FROM places WHERE article_id = ?1 AND role != 'excluded'"
                                   " ORDER BY role = 'mentioned', evidence_offset", error);
  citations = vankho_library_prepare (self, self->db,
                                      "SELECT d.canonical_key, d.kind, d.number, d.symbol, d.issuer,"
                                      "  d.issued, d.title, c.mention, c.mention_offset,"
                                      "  c.mention_length, " VANKHO_CITATION_SENTENCE ", c.confidence"
                                      " FROM citations c JOIN documents d ON d.id = c.document_id"
                                      " JOIN articles a ON a.id = c.article_id"
                                      " WHERE c.article_id = ?1 AND NOT c.rejected"
                                      " ORDER BY c.mention_offset", error);
  events = vankho_library_prepare (self, self->db,
                                   "SELECT e.kind, e.period, d.canonical_key, e.happened"
                                   " FROM events e LEFT JOIN documents d ON d.id = e.document_id"
                                   " WHERE e.article_id = ?1 ORDER BY e.id", error);
  if (article == NULL || places == NULL || citations == NULL || events == NULL)
    return NULL;

  sqlite3_bind_int64 (article, 1, article_id);
  if (sqlite3_step (article) != SQLITE_ROW)
    {
      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_FOUND,
                   _("No article with id %" PRId64 " in the library"), article_id);
      return NULL;
    }
  if (vankho_date_parse_iso (&date, (const char *) sqlite3_column_text (article, 0)))
    vankho_extraction_set_published (extraction, &date, 1.0, FALSE);

  sqlite3_bind_int64 (places, 1, article_id);
  while ((rc = sqlite3_step (places)) == SQLITE_ROW)
    {
      VankhoPlace *place = vankho_extraction_add_place (extraction);
      const char *code = (const char *) sqlite3_column_text (places, 0);

      place->code = g_strdup (code);
      place->name = g_strdup (vankho_gazetteer_lookup_code (gazetteer, code));
      place->role = g_str_equal (sqlite3_column_text (places, 1), "primary")
                    ? VANKHO_PLACE_ROLE_PRIMARY : VANKHO_PLACE_ROLE_MENTIONED;
      place->evidence = g_intern_string ((const char *) sqlite3_column_text (places, 2));
      place->offset = sqlite3_column_type (places, 3) == SQLITE_NULL ? -1 : sqlite3_column_int64 (places, 3);
      place->length = sqlite3_column_int64 (places, 4);
    }
  if (rc != SQLITE_DONE)
    goto failed;

  sqlite3_bind_int64 (citations, 1, article_id);
  while ((rc = sqlite3_step (citations)) == SQLITE_ROW)
    {
      VankhoCitation *citation = vankho_extraction_add_citation (extraction);

      citation->key = g_strdup ((const char *) sqlite3_column_text (citations, 0));
      citation->kind = g_strdup ((const char *) sqlite3_column_text (citations, 1));
      citation->number = g_strdup ((const char *) sqlite3_column_text (citations, 2));
      citation->symbol = g_strdup ((const char *) sqlite3_column_text (citations, 3));
      citation->issuer = g_strdup ((const char *) sqlite3_column_text (citations, 4));
      vankho_date_parse_iso (&citation->date, (const char *) sqlite3_column_text (citations, 5));
      citation->title = g_strdup ((const char *) sqlite3_column_text (citations, 6));
      citation->mention = g_strdup ((const char *) sqlite3_column_text (citations, 7));
      citation->offset = sqlite3_column_int64 (citations, 8);
      citation->length = sqlite3_column_int64 (citations, 9);
      citation->sentence = g_strdup ((const char *) sqlite3_column_text (citations, 10));
      citation->confidence = sqlite3_column_double (citations, 11);
    }
  if (rc != SQLITE_DONE)
    goto failed;

  sqlite3_bind_int64 (events, 1, article_id);
  while ((rc = sqlite3_step (events)) == SQLITE_ROW)
    {
      VankhoEvent *event = vankho_extraction_add_event (extraction);

      event->kind = g_intern_string ((const char *) sqlite3_column_text (events, 0));
      event->period = g_strdup ((const char *) sqlite3_column_text (events, 1));
      event->document = g_strdup ((const char *) sqlite3_column_text (events, 2));
      vankho_date_parse_iso (&event->date, (const char *) sqlite3_column_text (events, 3));
    }
  if (rc != SQLITE_DONE)
    goto failed;

  return g_steal_pointer (&extraction);

failed:
  vankho_library_set_sqlite_error (error, self->db, self->path);
  return NULL;
}

/**
 * vankho_library_set_published:
 * @date: the date the user gives; precision %VANKHO_DATE_PRECISION_UNKNOWN
 *   hands the date back to extraction
 *
 * Sets an article's publication date as the user's correction, which
 * re-extraction keeps.
 */
gboolean
vankho_library_set_published (VankhoLibrary     *self,
                              gint64             article_id,
                              const VankhoDate  *date,
                              GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *iso = NULL;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  stmt = vankho_library_prepare (self, self->db,
                                 "UPDATE articles SET published = coalesce (?2, published),"
                                 "  published_precision = CASE WHEN ?2 IS NULL"
                                 "    THEN published_precision ELSE ?3 END,"
                                 "  published_origin = CASE WHEN ?2 IS NULL THEN 'auto' ELSE 'user' END"
                                 " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  iso = vankho_date_to_iso (date);
  sqlite3_bind_int64 (stmt, 1, article_id);
  bind_text_or_null (stmt, 2, iso);
  sqlite3_bind_text (stmt, 3, vankho_date_precision_to_string (date->precision), -1, SQLITE_STATIC);

  if (!step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, VANKHO_LIBRARY_ERROR, VANKHO_LIBRARY_ERROR_NOT_FOUND,
                   _("No article with id %" PRId64 " in the library"), article_id);
      return FALSE;
    }

  return TRUE;
}

/**
 * vankho_library_set_place:
 * @province: an ISO 3166-2 code of the 63-province era
 * @role: "primary", "mentioned", or "excluded" to say the article is not
 *   about @province
 *
 * Records the user's word on a province of an article; re-extraction keeps
 * it.
 */
gboolean
vankho_library_set_place (VankhoLibrary  *self,
                          gint64          article_id,
                          const char     *province,
                          const char     *role,
                          GError        **error)
{
  static const char * const statements[] = {
    "DELETE FROM places WHERE article_id = ?1 AND province = ?2",
    "INSERT INTO places (article_id, province, role, evidence, origin)"
    " VALUES (?1, ?2, ?3, 'user', 'user')",
  };

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (province != NULL && role != NULL, FALSE);

  if (!vankho_library_begin (self, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = vankho_library_prepare (self, self->db, statements[i], error);

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, article_id);
      sqlite3_bind_text (stmt, 2, province, -1, SQLITE_TRANSIENT);
      if (i == 1)
        sqlite3_bind_text (stmt, 3, role, -1, SQLITE_TRANSIENT);
      if (!step_done (self, stmt, error))
        goto fail;
    }

  return vankho_library_commit (self, error);

fail:
  vankho_library_rollback (self);
  return FALSE;
}

/**
 * vankho_library_dup_document_label:
 * @document_id: a document
 *
 * Returns: (transfer full) (nullable): how the interface names it:
 *   'Nghị quyết 12-NQ/TW', or %NULL if there is no such document
 */
char *
vankho_library_dup_document_label (VankhoLibrary *self,
                                   gint64         document_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), NULL);

  stmt = vankho_library_prepare (self, self->db,
                                 "SELECT kind || ' ' || coalesce (symbol, number, title, canonical_key)"
                                 " FROM documents WHERE id = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, document_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/**
 * vankho_library_lookup_document:
 * @key: a canonical key ('nq:12-nq/tw')
 *
 * Returns: the document's id (the one it was merged into, if so), or 0
 */
gint64
vankho_library_lookup_document (VankhoLibrary *self,
                                const char    *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (self), 0);

  stmt = vankho_library_prepare (self, self->db,
                                 "SELECT coalesce (merged_into, id) FROM documents WHERE canonical_key = ?1",
                                 NULL);
  if (stmt == NULL || key == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return sqlite3_column_int64 (stmt, 0);
}
