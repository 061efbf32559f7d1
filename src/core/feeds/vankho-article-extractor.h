/* vankho-article-extractor.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * VankhoExtractedPage:
 * @title: (nullable): the article's headline
 * @byline: (nullable): the author or outlet as the page names it
 * @date: (nullable): the publication date as the page writes it
 * @published: (nullable): @date parsed, in UTC
 * @text: (nullable): the article's text, paragraphs separated by "\n\n";
 *   %NULL when no content block was found
 *
 * What vankho_article_extractor_extract() found on a news page.
 */
typedef struct
{
  char      *title;
  char      *byline;
  char      *date;
  GDateTime *published;
  char      *text;
} VankhoExtractedPage;

#define VANKHO_TYPE_EXTRACTED_PAGE (vankho_extracted_page_get_type ())

GType                vankho_extracted_page_get_type   (void) G_GNUC_CONST;
VankhoExtractedPage *vankho_extracted_page_copy       (const VankhoExtractedPage *page);
void                 vankho_extracted_page_free       (VankhoExtractedPage       *page);

VankhoExtractedPage *vankho_article_extractor_extract (const char                *html,
                                                       gsize                      len,
                                                       const char                *url);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VankhoExtractedPage, vankho_extracted_page_free)

G_END_DECLS
