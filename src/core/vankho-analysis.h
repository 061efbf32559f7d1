/* vankho-analysis.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vankho-article.h"
#include "vankho-extraction.h"
#include "vankho-library.h"

G_BEGIN_DECLS

VankhoExtraction *vankho_analysis_run           (VankhoArticle  *article);
gboolean          vankho_analysis_store         (VankhoLibrary  *library,
                                                 VankhoArticle  *article,
                                                 GError        **error);

typedef void (*VankhoReindexProgressFunc) (guint    done,
                                           guint    total,
                                           gpointer user_data);

gboolean          vankho_analysis_reindex       (VankhoLibrary              *library,
                                                 GCancellable               *cancellable,
                                                 VankhoReindexProgressFunc   progress,
                                                 gpointer                    user_data,
                                                 guint                      *n_done,
                                                 GError                    **error);

G_END_DECLS
