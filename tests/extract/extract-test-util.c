/* extract-test-util.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "extract-test-util.h"
#include "vankho-importer.h"

ExtractTestArticle *
extract_test_article_load (const char  *path,
                           GError     **error)
{
  g_autoptr(ExtractTestArticle) article = g_new0 (ExtractTestArticle, 1);
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;
  article->article = vankho_importer_parse_text (contents, len, error);
  if (article->article == NULL)
    return NULL;

  /* As vankho_analysis_run() gives them to the extractor. */
  article->input.title = vankho_article_get_title (article->article);
  article->input.body = vankho_article_get_body (article->article);
  article->input.header_date = *vankho_article_get_source_date (article->article);
  article->input.byline = vankho_article_get_byline (article->article);
  return g_steal_pointer (&article);
}

void
extract_test_article_free (ExtractTestArticle *article)
{
  if (article == NULL)
    return;
  g_clear_object (&article->article);
  g_free ((char *) article->input.url);
  g_free (article);
}

static void
expected_free (gpointer data)
{
  ExtractTestExpected *e = data;

  g_free (e->file);
  g_free (e->date);
  g_strfreev (e->primary);
  g_strfreev (e->citations);
  g_free (e->url);
  g_free (e);
}

static GStrv
split_list (const char *field)
{
  g_auto(GStrv) parts = g_strsplit (field, " ", -1);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0' && strcmp (parts[i], "-") != 0)
      g_ptr_array_add (out, g_strdup (parts[i]));
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (out, FALSE);
}

/* file \t date \t primary codes \t citation keys [\t url] */
GPtrArray *
extract_test_expected_load (const char  *path,
                            GError     **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *list;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;

  list = g_ptr_array_new_with_free_func (expected_free);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      ExtractTestExpected *e;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (f) < 4)
        continue;

      e = g_new0 (ExtractTestExpected, 1);
      e->file = g_strdup (f[0]);
      e->date = g_strdup (f[1]);
      e->primary = split_list (f[2]);
      e->citations = split_list (f[3]);
      e->url = f[4] != NULL && f[4][0] != '\0' && strcmp (f[4], "-") != 0 ? g_strdup (f[4]) : NULL;
      g_ptr_array_add (list, e);
    }

  return list;
}

/* ../shared beside the source tree: VANKHO_SHARED_DIR, set by meson. */
char *
extract_test_shared_dir (void)
{
  const char *dir = g_getenv ("VANKHO_SHARED_DIR");
  g_autofree char *seeds = NULL;

  if (dir == NULL || dir[0] == '\0')
    return NULL;
  seeds = g_build_filename (dir, "seeds", NULL);
  if (!g_file_test (seeds, G_FILE_TEST_IS_DIR))
    return NULL;
  return g_strdup (dir);
}

/* Runs the default extractor over one text. */
VankhoExtraction *
extract_test_run (const char *body,
                  const char *header_iso,
                  const char *feed_iso,
                  const char *title,
                  const char *url,
                  const char *byline)
{
  VankhoExtractInput input = { 0, };

  input.body = body;
  input.title = title;
  input.url = url;
  input.byline = byline;
  if (header_iso != NULL)
    g_assert_true (vankho_date_parse_iso (&input.header_date, header_iso));
  if (feed_iso != NULL)
    g_assert_true (vankho_date_parse_iso (&input.feed_date, feed_iso));

  return vankho_extractor_run (vankho_extractor_get_default (), &input);
}

char *
extract_test_published (VankhoExtraction *result)
{
  char *iso = vankho_date_to_iso (vankho_extraction_get_published (result));

  return iso != NULL ? iso : g_strdup ("-");
}

static char *
join_places (VankhoExtraction *result,
             gboolean          primary_only)
{
  GPtrArray *places = vankho_extraction_get_places (result);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < places->len; i++)
    {
      const VankhoPlace *place = g_ptr_array_index (places, i);

      if (primary_only && place->role != VANKHO_PLACE_ROLE_PRIMARY)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, place->code);
      if (!primary_only && place->role == VANKHO_PLACE_ROLE_PRIMARY)
        g_string_append_c (out, '*');
    }

  if (out->len == 0)
    g_string_append_c (out, '-');
  return g_string_free (out, FALSE);
}

/* "VN-30" or "-": the primary provinces, space-separated. */
char *
extract_test_primary (VankhoExtraction *result)
{
  return join_places (result, TRUE);
}

/* Every province, primary ones marked with '*'. */
char *
extract_test_all_places (VankhoExtraction *result)
{
  return join_places (result, FALSE);
}

/* The distinct citation keys in order of first mention, or "-". */
char *
extract_test_keys (VankhoExtraction *result)
{
  GPtrArray *citations = vankho_extraction_get_citations (result);
  GString *out = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < citations->len; i++)
    {
      const VankhoCitation *c = g_ptr_array_index (citations, i);

      if (!g_hash_table_add (seen, c->key))
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, c->key);
    }

  if (out->len == 0)
    g_string_append_c (out, '-');
  return g_string_free (out, FALSE);
}

/* Every offset lies in @body, on character boundaries, and the mention is
 * the text at that offset.
 */
void
extract_test_check_offsets (VankhoExtraction *result,
                            const char       *body)
{
  gsize len = strlen (body);
  GPtrArray *citations = vankho_extraction_get_citations (result);
  GPtrArray *places = vankho_extraction_get_places (result);

  for (guint i = 0; i < citations->len; i++)
    {
      const VankhoCitation *c = g_ptr_array_index (citations, i);

      g_assert_cmpuint (c->offset, <=, len);
      g_assert_cmpuint (c->offset + c->length, <=, len);
      g_assert_cmpint (strncmp (body + c->offset, c->mention, c->length), ==, 0);
    }

  for (guint i = 0; i < places->len; i++)
    {
      const VankhoPlace *p = g_ptr_array_index (places, i);

      if (p->offset < 0)
        continue;
      g_assert_cmpuint ((gsize) p->offset, <=, len);
      g_assert_cmpuint (p->offset + p->length, <=, len);
    }
}
