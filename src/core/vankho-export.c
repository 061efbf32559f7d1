/* vankho-export.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The articles the filter selects, out as CSV (for a spreadsheet), JSON
 * (for scripts; the fields of `vankho-cli list --json` plus provinces and
 * documents) or Markdown (for reading); one article as Markdown or plain
 * text. Rows are written as they are read, so the archive never sits in
 * memory.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "vankho-export.h"
#include "vankho-library-documents.h"

gboolean
vankho_export_format_from_name (const char         *name,
                                VankhoExportFormat *format)
{
  static const struct { const char *name; VankhoExportFormat format; } names[] = {
    { "csv", VANKHO_EXPORT_CSV },
    { "json", VANKHO_EXPORT_JSON },
    { "markdown", VANKHO_EXPORT_MARKDOWN },
    { "md", VANKHO_EXPORT_MARKDOWN },
    { "text", VANKHO_EXPORT_TEXT },
    { "txt", VANKHO_EXPORT_TEXT },
  };

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i].name) == 0)
      {
        *format = names[i].format;
        return TRUE;
      }

  return FALSE;
}

/* RFC 4180: quote every field, double the quotes inside. */
static void
append_csv_field (GString    *out,
                  const char *value,
                  gboolean    last)
{
  g_string_append_c (out, '"');
  for (const char *p = value ? value : ""; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append (out, last ? "\"\r\n" : "\",");
}

static char *
join_places (VankhoExtraction *extraction)
{
  GPtrArray *places = vankho_extraction_get_places (extraction);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < places->len; i++)
    {
      const VankhoPlace *place = g_ptr_array_index (places, i);

      if (place->role != VANKHO_PLACE_ROLE_PRIMARY)
        continue;
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append (out, place->name ? place->name : place->code);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
join_documents (VankhoExtraction *extraction)
{
  GPtrArray *citations = vankho_extraction_get_citations (extraction);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < citations->len; i++)
    {
      const VankhoCitation *citation = g_ptr_array_index (citations, i);
      const char *name = citation->symbol ? citation->symbol : citation->mention;

      if (!g_hash_table_add (seen, (gpointer) name))
        continue;
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append (out, name);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
append_markdown (GString          *out,
                 VankhoArticle    *article,
                 VankhoExtraction *extraction,
                 gboolean          with_body)
{
  g_autofree char *published = vankho_article_dup_published_iso (article);
  g_autofree char *places = join_places (extraction);
  g_autofree char *documents = join_documents (extraction);

  g_string_append_printf (out, "## %s\n\n", vankho_article_get_title (article));
  g_string_append_printf (out, "- %s: %s\n", _("Published"), published ? published : _("unknown"));
  if (vankho_article_get_outlet (article))
    g_string_append_printf (out, "- %s: %s\n", _("Outlet"), vankho_article_get_outlet (article));
  if (*places)
    g_string_append_printf (out, "- %s: %s\n", _("Provinces"), places);
  if (*documents)
    g_string_append_printf (out, "- %s: %s\n", _("Cites"), documents);
  if (vankho_article_get_url (article))
    g_string_append_printf (out, "- <%s>\n", vankho_article_get_url (article));
  g_string_append_c (out, '\n');

  if (with_body && vankho_article_get_body (article) != NULL)
    g_string_append_printf (out, "%s\n\n", vankho_article_get_body (article));
}

static JsonNode *
article_json (VankhoArticle    *article,
              VankhoExtraction *extraction)
{
  g_autoptr(JsonNode) found = vankho_extraction_to_json (extraction);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *published = vankho_article_dup_published_iso (article);
  JsonObject *object;
  JsonObject *found_object = json_node_get_object (found);
  JsonNode *root;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, vankho_article_get_id (article));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, vankho_article_get_title (article));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  object = json_node_get_object (root);

#define SET_STRING(name, value) \
  if (value) json_object_set_string_member (object, name, value); else json_object_set_null_member (object, name)
  SET_STRING ("published", published);
  json_object_set_string_member (object, "published_precision",
                                 vankho_date_precision_to_string (vankho_article_get_published (article)->precision));
  SET_STRING ("outlet", vankho_article_get_outlet (article));
  SET_STRING ("url", vankho_article_get_url (article));
#undef SET_STRING
  json_object_set_member (object, "provinces", json_node_copy (json_object_get_member (found_object, "provinces")));
  json_object_set_member (object, "citations", json_node_copy (json_object_get_member (found_object, "citations")));
  json_object_set_string_member (object, "body", vankho_article_get_body (article));

  return root;
}

static gboolean
write_string (GOutputStream  *out,
              GString        *text,
              GCancellable   *cancellable,
              GError        **error)
{
  gboolean ok = g_output_stream_write_all (out, text->str, text->len, NULL, cancellable, error);

  g_string_truncate (text, 0);
  return ok;
}

/**
 * vankho_export_articles:
 * @query: (nullable): which articles, in which order; %NULL for all
 * @out: where to write
 * @n_written: (out) (optional): how many articles were written
 *
 * Writes the articles @query selects in @format (CSV, JSON or Markdown).
 */
gboolean
vankho_export_articles (VankhoLibrary             *library,
                        const VankhoArticleQuery  *query,
                        VankhoExportFormat         format,
                        GOutputStream             *out,
                        guint                     *n_written,
                        GCancellable              *cancellable,
                        GError                   **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_return_val_if_fail (VANKHO_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if (n_written != NULL)
    *n_written = 0;

  ids = vankho_library_query_article_ids (library, query, 0, NULL, cancellable, error);
  if (ids == NULL)
    return FALSE;

  switch (format)
    {
    case VANKHO_EXPORT_CSV:
      /* A byte order mark: spreadsheets then read the Vietnamese as UTF-8. */
      g_string_append (text, "\xEF\xBB\xBF");
      append_csv_field (text, "id", FALSE);
      append_csv_field (text, "title", FALSE);
      append_csv_field (text, "published", FALSE);
      append_csv_field (text, "precision", FALSE);
      append_csv_field (text, "outlet", FALSE);
      append_csv_field (text, "provinces", FALSE);
      append_csv_field (text, "documents", FALSE);
      append_csv_field (text, "url", TRUE);
      break;
    case VANKHO_EXPORT_JSON:
      g_string_append (text, "[\n");
      break;
    case VANKHO_EXPORT_MARKDOWN:
    case VANKHO_EXPORT_TEXT:
    default:
      g_string_append_printf (text, "# %s\n\n", _("Articles from Văn Khố"));
      break;
    }

  json_generator_set_pretty (generator, TRUE);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(VankhoArticle) article = vankho_library_get_article (library, id, error);
      g_autoptr(VankhoExtraction) extraction = NULL;

      if (article == NULL ||
          (extraction = vankho_library_load_extraction (library, id, error)) == NULL)
        return FALSE;

      switch (format)
        {
        case VANKHO_EXPORT_CSV:
          {
            g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
            g_autofree char *published = vankho_article_dup_published_iso (article);
            g_autofree char *places = join_places (extraction);
            g_autofree char *documents = join_documents (extraction);

            append_csv_field (text, id_text, FALSE);
            append_csv_field (text, vankho_article_get_title (article), FALSE);
            append_csv_field (text, published, FALSE);
            append_csv_field (text, vankho_date_precision_to_string (vankho_article_get_published (article)->precision), FALSE);
            append_csv_field (text, vankho_article_get_outlet (article), FALSE);
            append_csv_field (text, places, FALSE);
            append_csv_field (text, documents, FALSE);
            append_csv_field (text, vankho_article_get_url (article), TRUE);
          }
          break;

        case VANKHO_EXPORT_JSON:
          {
            g_autoptr(JsonNode) node = article_json (article, extraction);
            g_autofree char *json = NULL;

            json_generator_set_root (generator, node);
            json = json_generator_to_data (generator, NULL);
            g_string_append_printf (text, "%s%s", i > 0 ? ",\n" : "", json);
          }
          break;

        case VANKHO_EXPORT_MARKDOWN:
        case VANKHO_EXPORT_TEXT:
        default:
          append_markdown (text, article, extraction, FALSE);
          break;
        }

      if (text->len > 64 * 1024 && !write_string (out, text, cancellable, error))
        return FALSE;
      if (n_written != NULL)
        *n_written = i + 1;
    }

  if (format == VANKHO_EXPORT_JSON)
    g_string_append (text, "\n]\n");

  return write_string (out, text, cancellable, error);
}

/**
 * vankho_export_article:
 * @format: %VANKHO_EXPORT_MARKDOWN or %VANKHO_EXPORT_TEXT
 *
 * Returns: (transfer full) (nullable): the whole article, ready to save
 */
char *
vankho_export_article (VankhoLibrary       *library,
                       gint64               id,
                       VankhoExportFormat   format,
                       GError             **error)
{
  g_autoptr(VankhoArticle) article = NULL;
  g_autoptr(VankhoExtraction) extraction = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (VANKHO_IS_LIBRARY (library), NULL);

  article = vankho_library_get_article (library, id, error);
  if (article == NULL || (extraction = vankho_library_load_extraction (library, id, error)) == NULL)
    return NULL;

  if (format == VANKHO_EXPORT_MARKDOWN)
    {
      append_markdown (text, article, extraction, TRUE);
      /* The article's own title is the document's title. */
      g_string_erase (text, 0, 1);
    }
  else
    {
      g_autofree char *published = vankho_article_dup_published_iso (article);

      g_string_append_printf (text, "%s\n", vankho_article_get_title (article));
      if (published != NULL)
        g_string_append_printf (text, "%s\n", published);
      if (vankho_article_get_outlet (article) != NULL)
        g_string_append_printf (text, "%s\n", vankho_article_get_outlet (article));
      if (vankho_article_get_url (article) != NULL)
        g_string_append_printf (text, "%s\n", vankho_article_get_url (article));
      g_string_append_printf (text, "\n%s\n", vankho_article_get_body (article));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The events an article reports about a document, as 'so_ket 1 năm; …'. */
static char *
events_of (VankhoExtraction *extraction,
           const char       *document_key)
{
  GPtrArray *events = vankho_extraction_get_events (extraction);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < events->len; i++)
    {
      const VankhoEvent *event = g_ptr_array_index (events, i);

      if (g_strcmp0 (event->document, document_key) != 0)
        continue;
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append (out, event->kind);
      if (event->period != NULL)
        g_string_append_printf (out, " %s", event->period);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * vankho_export_citations:
 * @document_id: a document
 *
 * Writes, as CSV, every article citing the document: document, article,
 * date, province, events reported, citing sentence.
 */
gboolean
vankho_export_citations (VankhoLibrary  *library,
                         gint64          document_id,
                         GOutputStream  *out,
                         GError        **error)
{
  g_autoptr(VankhoDocumentDetails) details = NULL;
  g_autoptr(GPtrArray) citing = NULL;
  g_autoptr(GString) text = g_string_new ("\xEF\xBB\xBF");
  g_autofree char *designation = NULL;

  details = vankho_library_get_document (library, document_id, error);
  if (details == NULL)
    return FALSE;
  citing = vankho_library_list_citing_articles (library, document_id, NULL, 0, error);
  if (citing == NULL)
    return FALSE;

  designation = g_strdup_printf ("%s %s", details->kind, details->symbol ? details->symbol : details->key);
  append_csv_field (text, "document", FALSE);
  append_csv_field (text, "article_id", FALSE);
  append_csv_field (text, "title", FALSE);
  append_csv_field (text, "date", FALSE);
  append_csv_field (text, "province", FALSE);
  append_csv_field (text, "events", FALSE);
  append_csv_field (text, "sentence", TRUE);

  for (guint i = 0; i < citing->len; i++)
    {
      const VankhoCitingArticle *article = g_ptr_array_index (citing, i);
      g_autoptr(VankhoExtraction) extraction = vankho_library_load_extraction (library, article->article_id, error);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, article->article_id);
      g_autofree char *events = NULL;

      if (extraction == NULL)
        return FALSE;
      events = events_of (extraction, details->key);

      append_csv_field (text, designation, FALSE);
      append_csv_field (text, id, FALSE);
      append_csv_field (text, article->title, FALSE);
      append_csv_field (text, article->published, FALSE);
      append_csv_field (text, article->province_name, FALSE);
      append_csv_field (text, events, FALSE);
      append_csv_field (text, article->sentence, TRUE);
    }

  return write_string (out, text, NULL, error);
}

/**
 * vankho_export_implementation:
 * @document_id: a document
 *
 * Writes, as CSV, the implementation table: for each province and event,
 * the earliest date, the article that reported it and how many did.
 */
gboolean
vankho_export_implementation (VankhoLibrary  *library,
                              gint64          document_id,
                              GOutputStream  *out,
                              GError        **error)
{
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GString) text = g_string_new ("\xEF\xBB\xBF");

  cells = vankho_library_get_implementation (library, document_id, error);
  if (cells == NULL)
    return FALSE;

  append_csv_field (text, "province_code", FALSE);
  append_csv_field (text, "province", FALSE);
  append_csv_field (text, "event", FALSE);
  append_csv_field (text, "period", FALSE);
  append_csv_field (text, "earliest", FALSE);
  append_csv_field (text, "article_id", FALSE);
  append_csv_field (text, "articles", TRUE);

  for (guint i = 0; i < cells->len; i++)
    {
      const VankhoImplementationCell *cell = g_ptr_array_index (cells, i);
      g_autofree char *article = g_strdup_printf ("%" G_GINT64_FORMAT, cell->article_id);
      g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, cell->n_articles);

      append_csv_field (text, cell->province, FALSE);
      append_csv_field (text, cell->province_name, FALSE);
      append_csv_field (text, cell->kind, FALSE);
      append_csv_field (text, cell->period, FALSE);
      append_csv_field (text, cell->earliest, FALSE);
      append_csv_field (text, article, FALSE);
      append_csv_field (text, n, TRUE);
    }

  return write_string (out, text, NULL, error);
}
