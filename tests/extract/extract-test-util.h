/* extract-test-util.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vankho-article.h"
#include "vankho-extractor.h"

G_BEGIN_DECLS

/* An article file as the seeds store it (an optional ' date YYYY-MM' header
 * glued to the first line, then the text), read as an import reads it:
 * title, body and byline split by vankho_importer_parse_text().
 */
typedef struct
{
  VankhoArticle      *article;
  VankhoExtractInput  input;
} ExtractTestArticle;

ExtractTestArticle *extract_test_article_load  (const char          *path,
                                                GError             **error);
void                extract_test_article_free  (ExtractTestArticle  *article);

/* One line of an expectations file: file, date, primary codes, citation keys. */
typedef struct
{
  char  *file;
  char  *date;        /* ISO, "-" for none */
  GStrv  primary;     /* codes */
  GStrv  citations;   /* keys */
  char  *url;         /* nullable */
} ExtractTestExpected;

GPtrArray          *extract_test_expected_load (const char          *path,
                                                GError             **error);
char               *extract_test_shared_dir    (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExtractTestArticle, extract_test_article_free)

G_END_DECLS

G_BEGIN_DECLS

VankhoExtraction *extract_test_run             (const char *body,
                                                const char *header_iso,
                                                const char *feed_iso,
                                                const char *title,
                                                const char *url,
                                                const char *byline);
char             *extract_test_published       (VankhoExtraction *result);
char             *extract_test_primary         (VankhoExtraction *result);
char             *extract_test_all_places      (VankhoExtraction *result);
char             *extract_test_keys            (VankhoExtraction *result);
void              extract_test_check_offsets   (VankhoExtraction *result,
                                                const char       *body);

G_END_DECLS
