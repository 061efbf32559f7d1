/* vankho-article.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vankho-date.h"

G_BEGIN_DECLS

#define VANKHO_TYPE_ARTICLE (vankho_article_get_type ())

G_DECLARE_FINAL_TYPE (VankhoArticle, vankho_article, VANKHO, ARTICLE, GObject)

VankhoArticle    *vankho_article_new            (void);
gint64            vankho_article_get_id         (VankhoArticle    *self);
void              vankho_article_set_id         (VankhoArticle    *self,
                                                 gint64            id);
const char       *vankho_article_get_title      (VankhoArticle    *self);
void              vankho_article_set_title      (VankhoArticle    *self,
                                                 const char       *title);
const char       *vankho_article_get_body       (VankhoArticle    *self);
void              vankho_article_set_body       (VankhoArticle    *self,
                                                 const char       *body);
const char       *vankho_article_get_outlet     (VankhoArticle    *self);
void              vankho_article_set_outlet     (VankhoArticle    *self,
                                                 const char       *outlet);
const char       *vankho_article_get_byline     (VankhoArticle    *self);
void              vankho_article_set_byline     (VankhoArticle    *self,
                                                 const char       *byline);
const char       *vankho_article_get_url        (VankhoArticle    *self);
void              vankho_article_set_url        (VankhoArticle    *self,
                                                 const char       *url);
const char       *vankho_article_get_file_path  (VankhoArticle    *self);
void              vankho_article_set_file_path  (VankhoArticle    *self,
                                                 const char       *file_path);
const VankhoDate *vankho_article_get_published  (VankhoArticle    *self);
void              vankho_article_set_published  (VankhoArticle    *self,
                                                 const VankhoDate *published);
char             *vankho_article_dup_published_iso (VankhoArticle *self);
const VankhoDate *vankho_article_get_source_date (VankhoArticle    *self);
void              vankho_article_set_source_date (VankhoArticle    *self,
                                                  const VankhoDate *source_date);
const char       *vankho_article_get_snippet    (VankhoArticle    *self);
void              vankho_article_set_snippet    (VankhoArticle    *self,
                                                 const char       *snippet);
gboolean          vankho_article_get_is_sample  (VankhoArticle    *self);
void              vankho_article_set_is_sample  (VankhoArticle    *self,
                                                 gboolean          is_sample);

gboolean          vankho_article_get_is_read    (VankhoArticle    *self);
void              vankho_article_set_is_read    (VankhoArticle    *self,
                                                 gboolean          is_read);
gboolean          vankho_article_get_is_starred (VankhoArticle    *self);
void              vankho_article_set_is_starred (VankhoArticle    *self,
                                                 gboolean          is_starred);
const char       *vankho_article_get_note       (VankhoArticle    *self);
void              vankho_article_set_note       (VankhoArticle    *self,
                                                 const char       *note);
const char       *vankho_article_get_province   (VankhoArticle    *self);
void              vankho_article_set_province   (VankhoArticle    *self,
                                                 const char       *province);
const char * const *vankho_article_get_tags     (VankhoArticle    *self);
void              vankho_article_set_tags       (VankhoArticle    *self,
                                                 const char * const *tags);

const char       *vankho_article_get_feed_text  (VankhoArticle    *self);
void              vankho_article_set_feed_text  (VankhoArticle    *self,
                                                 const char       *feed_text);
guint             vankho_article_get_n_versions (VankhoArticle    *self);
void              vankho_article_set_n_versions (VankhoArticle    *self,
                                                 guint             n_versions);

G_END_DECLS
