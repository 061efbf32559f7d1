/* extract-metrics.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Precision and recall of the extractor per field (publication date,
 * primary provinces, cited documents) over a directory of articles and its
 * expectations file:
 *
 *   extract-metrics EXPECTED.tsv DIR [EXPECTED.tsv DIR…]
 *   extract-metrics --json FILE [URL]     print what the extractor finds
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "extract-test-util.h"

typedef struct
{
  guint tp, fp, fn;
} Counts;

static void
count_sets (Counts             *c,
            const char * const *expected,
            GPtrArray          *found)
{
  for (guint i = 0; i < found->len; i++)
    {
      if (g_strv_contains (expected, g_ptr_array_index (found, i)))
        c->tp++;
      else
        c->fp++;
    }
  for (guint i = 0; expected[i] != NULL; i++)
    {
      gboolean seen = FALSE;

      for (guint k = 0; k < found->len && !seen; k++)
        seen = strcmp (g_ptr_array_index (found, k), expected[i]) == 0;
      if (!seen)
        c->fn++;
    }
}

static void
print_counts (const char   *set,
              const char   *field,
              const Counts *c)
{
  double p = c->tp + c->fp > 0 ? (double) c->tp / (c->tp + c->fp) : 1.0;
  double r = c->tp + c->fn > 0 ? (double) c->tp / (c->tp + c->fn) : 1.0;

  g_print ("%-10s %-18s precision %5.3f  recall %5.3f  (tp %u, fp %u, fn %u)\n",
           set, field, p, r, c->tp, c->fp, c->fn);
}

static int
dump (const char *path,
      const char *url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ExtractTestArticle) article = extract_test_article_load (path, &error);
  g_autoptr(VankhoExtraction) result = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;

  if (article == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  article->input.url = g_strdup (url);
  result = vankho_extractor_run (vankho_extractor_get_default (), &article->input);
  node = vankho_extraction_to_json (result);
  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  json = json_generator_to_data (generator, NULL);
  g_print ("%s\n", json);
  return 0;
}

static gboolean
measure (const char *expected_path,
         const char *dir,
         gboolean    verbose)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expected = extract_test_expected_load (expected_path, &error);
  g_autofree char *set = g_path_get_basename (dir);
  Counts dates = { 0, }, places = { 0, }, cites = { 0, };

  if (expected == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  for (guint i = 0; i < expected->len; i++)
    {
      const ExtractTestExpected *e = g_ptr_array_index (expected, i);
      g_autofree char *path = g_build_filename (dir, e->file, NULL);
      g_autoptr(ExtractTestArticle) article = extract_test_article_load (path, &error);
      g_autoptr(VankhoExtraction) result = NULL;
      g_autoptr(GPtrArray) found_places = g_ptr_array_new ();
      g_autoptr(GPtrArray) found_cites = g_ptr_array_new ();
      g_autofree char *date = NULL;
      GPtrArray *list;

      if (article == NULL)
        {
          g_printerr ("%s\n", error->message);
          return FALSE;
        }
      article->input.url = g_strdup (e->url);
      result = vankho_extractor_run (vankho_extractor_get_default (), &article->input);

      date = vankho_date_to_iso (vankho_extraction_get_published (result));
      if (date != NULL && strcmp (date, e->date) == 0)
        dates.tp++;
      else
        {
          if (date != NULL)
            dates.fp++;
          if (strcmp (e->date, "-") != 0)
            dates.fn++;
        }

      list = vankho_extraction_get_places (result);
      for (guint k = 0; k < list->len; k++)
        {
          const VankhoPlace *place = g_ptr_array_index (list, k);

          if (place->role == VANKHO_PLACE_ROLE_PRIMARY)
            g_ptr_array_add (found_places, place->code);
        }
      count_sets (&places, (const char * const *) e->primary, found_places);

      list = vankho_extraction_get_citations (result);
      for (guint k = 0; k < list->len; k++)
        {
          const VankhoCitation *c = g_ptr_array_index (list, k);
          gboolean dup = FALSE;

          for (guint j = 0; j < found_cites->len && !dup; j++)
            dup = strcmp (g_ptr_array_index (found_cites, j), c->key) == 0;
          if (!dup)
            g_ptr_array_add (found_cites, c->key);
        }
      count_sets (&cites, (const char * const *) e->citations, found_cites);

      if (verbose)
        {
          g_ptr_array_add (found_places, NULL);
          g_ptr_array_add (found_cites, NULL);
          g_print ("%s: date %s (want %s); primary [%s] (want [%s]); citations [%s] (want [%s])\n",
                   e->file, date ? date : "-", e->date,
                   g_strjoinv (" ", (GStrv) found_places->pdata),
                   g_strjoinv (" ", e->primary),
                   g_strjoinv (" ", (GStrv) found_cites->pdata),
                   g_strjoinv (" ", e->citations));
        }
    }

  print_counts (set, "date", &dates);
  print_counts (set, "primary province", &places);
  print_counts (set, "citations", &cites);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  gboolean verbose = g_getenv ("VERBOSE") != NULL;

  setlocale (LC_ALL, "");

  if (argc >= 3 && strcmp (argv[1], "--json") == 0)
    return dump (argv[2], argc > 3 ? argv[3] : NULL);

  if (argc < 3 || argc % 2 == 0)
    {
      g_printerr ("Usage: %s EXPECTED.tsv DIR [EXPECTED.tsv DIR…]\n"
                  "       %s --json FILE [URL]\n", argv[0], argv[0]);
      return 2;
    }

  for (int i = 1; i + 1 < argc; i += 2)
    if (!measure (argv[i], argv[i + 1], verbose))
      return 1;

  return 0;
}
