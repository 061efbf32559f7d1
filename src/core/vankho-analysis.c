/* vankho-analysis.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The extract step of every flow (import, sync, reindex): run the pure
 * extractors on an article and store what they find with it.
 */

#define G_LOG_DOMAIN "vankho-analysis"

#include "config.h"

#include "vankho-analysis.h"
#include "vankho-extractor.h"

#define REINDEX_BATCH 200

/**
 * vankho_analysis_run:
 * @article: an article with its body
 *
 * Returns: (transfer full): what the extractors find in @article
 */
VankhoExtraction *
vankho_analysis_run (VankhoArticle *article)
{
  VankhoExtractInput input = { 0 };

  g_return_val_if_fail (VANKHO_IS_ARTICLE (article), NULL);

  input.title = vankho_article_get_title (article);
  input.body = vankho_article_get_body (article) ? vankho_article_get_body (article) : "";
  input.header_date = *vankho_article_get_source_date (article);
  input.url = vankho_article_get_url (article);
  input.byline = vankho_article_get_byline (article);

  return vankho_extractor_run (vankho_extractor_get_default (), &input);
}

/**
 * vankho_analysis_store:
 * @article: a stored article (its id set) with its body
 *
 * Extracts and stores, replacing an earlier extraction but not the user's
 * corrections. Call inside a transaction.
 */
gboolean
vankho_analysis_store (VankhoLibrary  *library,
                       VankhoArticle  *article,
                       GError        **error)
{
  g_autoptr(VankhoExtraction) extraction = vankho_analysis_run (article);

  g_return_val_if_fail (vankho_article_get_id (article) > 0, FALSE);

  return vankho_library_store_extraction (library, vankho_article_get_id (article), extraction, error);
}

/**
 * vankho_analysis_reindex:
 * @cancellable: (nullable): stops between batches; finished batches stay
 * @progress: (nullable) (scope call): called after each article
 * @n_done: (out) (optional): articles extracted again
 *
 * Runs extraction again over every article of @library, in batches of one
 * transaction each.
 */
gboolean
vankho_analysis_reindex (VankhoLibrary              *library,
                         GCancellable               *cancellable,
                         VankhoReindexProgressFunc   progress,
                         gpointer                    user_data,
                         guint                      *n_done,
                         GError                    **error)
{
  g_autoptr(GArray) ids = NULL;
  gboolean in_batch = FALSE;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (library), FALSE);

  if (n_done != NULL)
    *n_done = 0;

  ids = vankho_library_query_article_ids (library, NULL, 0, NULL, cancellable, error);
  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(VankhoArticle) article = NULL;

      if (!in_batch)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
              !vankho_library_begin (library, error))
            return FALSE;
          in_batch = TRUE;
        }

      article = vankho_library_get_article (library, g_array_index (ids, gint64, i), error);
      if (article == NULL || !vankho_analysis_store (library, article, error))
        {
          vankho_library_rollback (library);
          return FALSE;
        }

      if ((i + 1) % REINDEX_BATCH == 0 || i + 1 == ids->len)
        {
          in_batch = FALSE;
          if (!vankho_library_commit (library, error))
            return FALSE;
          if (n_done != NULL)
            *n_done = i + 1;
        }

      if (progress != NULL)
        progress (i + 1, ids->len, user_data);
    }

  if (ids->len > 0)
    vankho_library_articles_changed (library);

  return TRUE;
}
