/* vankho-library-feeds.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vankho-library.h"

G_BEGIN_DECLS

typedef enum
{
  VANKHO_FETCH_FULL_OFF,
  VANKHO_FETCH_FULL_ON,
  VANKHO_FETCH_FULL_AUTO,  /* when the feed's text is short */
} VankhoFetchFull;

/* A subscribed feed and how its last sync went. */
typedef struct
{
  gint64           id;
  char            *url;
  char            *title;
  char            *site_url;
  char            *etag;
  char            *last_modified;
  int              interval_minutes;
  gint64           last_checked;    /* unix time, 0 if never */
  int              last_status;     /* HTTP status, 0 if none */
  char            *last_error;
  gboolean         enabled;
  int              failures;        /* in a row, for backoff */
  gint64           next_check;      /* unix time, 0 for now */
  int              new_items;       /* in the last sync */
  VankhoFetchFull  fetch_full;
  gint64           n_articles;
} VankhoFeedSource;

void              vankho_feed_source_free            (VankhoFeedSource *source);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VankhoFeedSource, vankho_feed_source_free)

gint64            vankho_library_add_feed            (VankhoLibrary     *self,
                                                      const char        *url,
                                                      const char        *title,
                                                      GError           **error);
GPtrArray        *vankho_library_list_feeds          (VankhoLibrary     *self,
                                                      GError           **error);
VankhoFeedSource *vankho_library_get_feed            (VankhoLibrary     *self,
                                                      gint64             id,
                                                      GError           **error);
gboolean          vankho_library_remove_feed         (VankhoLibrary     *self,
                                                      gint64             id,
                                                      gboolean           keep_articles,
                                                      GError           **error);
gboolean          vankho_library_save_feed_status    (VankhoLibrary     *self,
                                                      const VankhoFeedSource *source,
                                                      GError           **error);
gint64            vankho_library_find_article_by_guid (VankhoLibrary    *self,
                                                       gint64            source_id,
                                                       const char       *guid);
gint64            vankho_library_find_article_by_url (VankhoLibrary     *self,
                                                      const char        *url_key);
gint64            vankho_library_find_version_of     (VankhoLibrary     *self,
                                                      const char        *title_key,
                                                      const char        *published);
gboolean          vankho_library_set_feed_fields     (VankhoLibrary     *self,
                                                      gint64             article_id,
                                                      const char        *guid,
                                                      const char        *url_key,
                                                      const char        *title_key,
                                                      gint64             version_of,
                                                      const char        *feed_text,
                                                      GError           **error);

G_END_DECLS
