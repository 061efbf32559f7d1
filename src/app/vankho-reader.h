/* vankho-reader.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vankho-article.h"
#include "vankho-extraction.h"
#include "vankho-library.h"

G_BEGIN_DECLS

#define VANKHO_TYPE_READER (vankho_reader_get_type ())

G_DECLARE_FINAL_TYPE (VankhoReader, vankho_reader, VANKHO, READER, GtkWidget)

void           vankho_reader_set_library (VankhoReader     *self,
                                          VankhoLibrary    *library);
VankhoArticle *vankho_reader_get_article (VankhoReader     *self);
void           vankho_reader_set_article (VankhoReader     *self,
                                          VankhoArticle    *article,
                                          VankhoExtraction *extraction);
char          *vankho_reader_dup_text    (VankhoReader     *self);
guint          vankho_reader_count_links (VankhoReader     *self,
                                          const char       *kind);

G_END_DECLS
