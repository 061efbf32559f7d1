/* vankho-article-query.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vankho-article-query.h"

VankhoArticleQuery *
vankho_article_query_new (void)
{
  return g_new0 (VankhoArticleQuery, 1);
}

VankhoArticleQuery *
vankho_article_query_copy (const VankhoArticleQuery *query)
{
  VankhoArticleQuery *copy;

  g_return_val_if_fail (query != NULL, NULL);

  copy = g_memdup2 (query, sizeof *query);
  copy->text = g_strdup (query->text);
  copy->province = g_strdup (query->province);
  copy->date_from = g_strdup (query->date_from);
  copy->date_to = g_strdup (query->date_to);
  copy->outlet = g_strdup (query->outlet);
  copy->tag = g_strdup (query->tag);

  return copy;
}

void
vankho_article_query_free (VankhoArticleQuery *query)
{
  if (query == NULL)
    return;

  g_free (query->text);
  g_free (query->province);
  g_free (query->date_from);
  g_free (query->date_to);
  g_free (query->outlet);
  g_free (query->tag);
  g_free (query);
}
