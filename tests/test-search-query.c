/* test-search-query.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vankho-search-query.h"

static void
assert_query (const char *text,
              const char *match,
              const char *exclude)
{
  g_autoptr(VankhoSearchQuery) query = vankho_search_query_parse (text);

  g_assert_cmpstr (vankho_search_query_get_match (query), ==, match);
  g_assert_cmpstr (vankho_search_query_get_exclude (query), ==, exclude);
}

static void
test_words (void)
{
  assert_query ("dang uy", "\"dang\" AND \"uy\"", NULL);
  assert_query ("Đảng ủy", "\"dang\" AND \"uy\"", NULL);
  assert_query ("ĐẢNG UỶ", "\"dang\" AND \"uy\"", NULL);
  /* Repeated words, however they are written, are asked for once. */
  assert_query ("tổ tô TỔ", "\"to\"", NULL);
  assert_query ("dang uy dang", "\"dang\" AND \"uy\"", NULL);
}

static void
test_symbols (void)
{
  assert_query ("12-NQ/TW", "\"12 nq tw\"", NULL);
  assert_query ("11/CT-BCA", "\"11 ct bca\"", NULL);
  assert_query ("30/2023/QH15", "\"30 2023 qh15\"", NULL);
  assert_query ("nghị quyết 12-NQ/ĐUCA", "\"nghi\" AND \"quyet\" AND \"12 nq duca\"", NULL);
}

static void
test_operators (void)
{
  assert_query ("\"công an xã\" gia", "\"cong an xa\" AND \"gia\"", NULL);
  assert_query ("công*", "\"cong\" *", NULL);
  assert_query ("gia OR lai", "(\"gia\" OR \"lai\")", NULL);
  assert_query ("gia | lai kon", "(\"gia\" OR \"lai\") AND \"kon\"", NULL);
  assert_query ("gia -lai", "\"gia\"", "\"lai\"");
  assert_query ("gia NOT lai", "\"gia\"", "\"lai\"");
  assert_query ("-lai", NULL, "\"lai\"");
  assert_query ("gia -\"kon tum\"", "\"gia\"", "\"kon tum\"");
  assert_query ("gia AND lai", "\"gia\" AND \"lai\"", NULL);
}

static void
test_hostile (void)
{
  /* Unbalanced quotes fall back to plain words. */
  assert_query ("\"dang uy", "\"dang\" AND \"uy\"", NULL);
  /* FTS5 syntax characters are only separators. */
  assert_query ("a:b (c) {d} ^e NEAR(f)", "\"a b\" AND \"c\" AND \"d\" AND \"e\" AND \"near f\"", NULL);
  assert_query ("***", NULL, NULL);
  assert_query ("OR OR", NULL, NULL);
  assert_query ("-", NULL, NULL);
  assert_query ("", NULL, NULL);
  assert_query (NULL, NULL, NULL);
  assert_query ("\xff\xfe", NULL, NULL);
}

static void
test_plain_fallback (void)
{
  g_autoptr(VankhoSearchQuery) query = vankho_search_query_parse ("\"a b\" OR c -d");

  g_assert_cmpstr (vankho_search_query_get_plain (query), ==, "\"a\" \"b\" \"c\"");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search-query/words", test_words);
  g_test_add_func ("/search-query/symbols", test_symbols);
  g_test_add_func ("/search-query/operators", test_operators);
  g_test_add_func ("/search-query/hostile", test_hostile);
  g_test_add_func ("/search-query/plain-fallback", test_plain_fallback);

  return g_test_run ();
}
