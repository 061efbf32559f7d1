/* bench-documents.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The queries behind the Resolutions view, on a large library: prints
 * 'name value ms', the median of 5 runs after a warm-up. Target: each under
 * 50 ms at 100 000 articles.
 *
 *   _build/tests/bench/bench-documents _build/bench/library-100000.db
 */

#include "config.h"

#include <stdio.h>

#include "vankho-library-documents.h"

#define RUNS 5

/* Only the figures whose name contains this, to profile one query. */
static const char *only;

typedef gboolean (*Query) (VankhoLibrary *library, gint64 document_id);

static gboolean
find_all (VankhoLibrary *library,
          gint64         document_id)
{
  g_autoptr(GPtrArray) found = vankho_library_find_documents (library, NULL, VANKHO_DOCUMENT_GROUP_KIND,
                                                              VANKHO_DOCUMENT_SORT_COUNT, NULL, NULL);
  return found != NULL;
}

static gboolean
find_search (VankhoLibrary *library,
             gint64         document_id)
{
  g_autoptr(GPtrArray) found = vankho_library_find_documents (library, "nghi quyet 12", VANKHO_DOCUMENT_GROUP_NONE,
                                                              VANKHO_DOCUMENT_SORT_LATEST, NULL, NULL);
  return found != NULL;
}

static gboolean
details (VankhoLibrary *library,
         gint64         document_id)
{
  g_autoptr(VankhoDocumentDetails) found = vankho_library_get_document (library, document_id, NULL);
  return found != NULL;
}

static gboolean
citing (VankhoLibrary *library,
        gint64         document_id)
{
  g_autoptr(GPtrArray) found = vankho_library_list_citing_articles (library, document_id, NULL, 200, NULL);
  return found != NULL;
}

static gboolean
timeline (VankhoLibrary *library,
          gint64         document_id)
{
  g_autoptr(GArray) found = vankho_library_count_citations_by_month (library, document_id, NULL);
  return found != NULL;
}

static gboolean
implementation (VankhoLibrary *library,
                gint64         document_id)
{
  g_autoptr(GPtrArray) found = vankho_library_get_implementation (library, document_id, NULL);
  return found != NULL;
}

static gboolean
related (VankhoLibrary *library,
         gint64         document_id)
{
  g_autoptr(GPtrArray) found = vankho_library_list_related_documents (library, document_id, 10, NULL);
  return found != NULL;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
measure (const char    *name,
         Query          query,
         VankhoLibrary *library,
         gint64         document_id)
{
  double times[RUNS];

  if (only != NULL && strstr (name, only) == NULL)
    return;

  if (!query (library, document_id))
    {
      g_printerr ("bench-documents: %s failed\n", name);
      exit (1);
    }

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      query (library, document_id);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  qsort (times, RUNS, sizeof times[0], compare_doubles);
  printf ("%s %.1f ms\n", name, times[RUNS / 2]);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  gint64 document_id;

  if (argc != 2 && argc != 3)
    {
      g_printerr ("usage: bench-documents LIBRARY [NAME]\n");
      return 1;
    }

  only = argv[2];
  library = vankho_library_open (argv[1], &error);
  if (library == NULL)
    {
      g_printerr ("bench-documents: %s\n", error->message);
      return 1;
    }

  /* The most cited document of the archive: the hardest page. */
  document_id = vankho_library_lookup_document (library, "nq:12-nq/tw");

  printf ("# %" G_GINT64_FORMAT " articles\n", vankho_library_count_articles (library, NULL));
  measure ("documents_list", find_all, library, document_id);
  measure ("documents_search", find_search, library, document_id);
  measure ("document_details", details, library, document_id);
  measure ("document_citing_200", citing, library, document_id);
  measure ("document_timeline", timeline, library, document_id);
  measure ("document_implementation", implementation, library, document_id);
  measure ("document_related", related, library, document_id);

  return 0;
}
