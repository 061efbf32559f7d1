/* test-extract-seeds.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Acceptance: the five real articles of ../shared/seeds, their date,
 * primary province and cited documents as seeds-expected.tsv says, and our
 * own fixtures as fixtures-expected.tsv says. Each file is read as an
 * import reads it (title, body and byline split), then extracted.
 */

#include "config.h"

#include <string.h>

#include "extract-test-util.h"

/* What extraction finds in the file at @path, against @e. */
static void
check_article (const ExtractTestExpected *e,
               const char                *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ExtractTestArticle) article = NULL;
  g_autoptr(VankhoExtraction) result = NULL;
  g_autofree char *date = NULL;
  g_autofree char *primary = NULL;
  g_autofree char *keys = NULL;
  g_autofree char *want_primary = NULL;
  g_auto(GStrv) found = NULL;

  article = extract_test_article_load (path, &error);
  g_assert_no_error (error);
  if (e->url != NULL)
    article->input.url = g_strdup (e->url);

  result = vankho_extractor_run (vankho_extractor_get_default (), &article->input);
  extract_test_check_offsets (result, article->input.body);

  date = extract_test_published (result);
  g_assert_cmpstr (date, ==, e->date);

  primary = extract_test_primary (result);
  want_primary = e->primary[0] != NULL ? g_strjoinv (" ", e->primary) : g_strdup ("-");
  g_assert_cmpstr (primary, ==, want_primary);

  /* The same set of documents, in any order. */
  keys = extract_test_keys (result);
  found = strcmp (keys, "-") == 0 ? g_new0 (char *, 1) : g_strsplit (keys, " ", -1);
  for (guint i = 0; e->citations[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) found, e->citations[i]))
      g_error ("%s: %s not found in [%s]", e->file, e->citations[i], keys);
  for (guint i = 0; found[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) e->citations, found[i]))
      g_error ("%s: %s found but not expected", e->file, found[i]);
}

static void
test_seed (gconstpointer data)
{
  const ExtractTestExpected *e = data;
  g_autofree char *shared = extract_test_shared_dir ();
  g_autofree char *path = NULL;

  if (shared == NULL)
    {
      g_test_skip ("../shared/seeds not found (set VANKHO_SHARED_DIR to the shared folder)");
      return;
    }

  path = g_build_filename (shared, "seeds", e->file, NULL);
  check_article (e, path);
}

/* Our own fixtures, in the repository: no ../shared needed. */
static void
test_fixture (gconstpointer data)
{
  const ExtractTestExpected *e = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", e->file, NULL);

  check_article (e, path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) fixtures = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *fixtures_path = NULL;

  g_test_init (&argc, &argv, NULL);

  path = g_test_build_filename (G_TEST_DIST, "seeds-expected.tsv", NULL);
  expected = extract_test_expected_load (path, &error);
  g_assert_no_error (error);
  fixtures_path = g_test_build_filename (G_TEST_DIST, "fixtures-expected.tsv", NULL);
  fixtures = extract_test_expected_load (fixtures_path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < expected->len; i++)
    {
      const ExtractTestExpected *e = g_ptr_array_index (expected, i);
      g_autofree char *name = g_strdup_printf ("/extract/seeds/%.3s", e->file);

      g_test_add_data_func (name, e, test_seed);
    }
  for (guint i = 0; i < fixtures->len; i++)
    {
      const ExtractTestExpected *e = g_ptr_array_index (fixtures, i);
      g_autofree char *name = g_strdup_printf ("/extract/fixtures/%.3s", e->file);

      g_test_add_data_func (name, e, test_fixture);
    }

  return g_test_run ();
}
