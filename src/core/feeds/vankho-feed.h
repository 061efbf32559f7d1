/* vankho-feed.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The text fields a feed or an entry can carry. Not every field applies
 * to both: a feed has no summary, an entry no subtitle. */
typedef enum
{
  VANKHO_FEED_FIELD_TITLE,
  VANKHO_FEED_FIELD_LINK,
  VANKHO_FEED_FIELD_SUBTITLE,
  VANKHO_FEED_FIELD_LANGUAGE,
  VANKHO_FEED_FIELD_ID,
  VANKHO_FEED_FIELD_AUTHOR,
  VANKHO_FEED_FIELD_AUTHOR_NAME,
  VANKHO_FEED_FIELD_SUMMARY,
  VANKHO_FEED_FIELD_CONTENT,
  VANKHO_FEED_FIELD_ENCLOSURE_URL,
  VANKHO_FEED_FIELD_ENCLOSURE_TYPE,
  VANKHO_FEED_FIELD_IMAGE_URL,
  VANKHO_FEED_FIELD_FORMAT,
  VANKHO_FEED_FIELD_WARNING,
  VANKHO_FEED_N_FIELDS
} VankhoFeedField;

#define VANKHO_TYPE_FEED_ENTRY (vankho_feed_entry_get_type ())

G_DECLARE_FINAL_TYPE (VankhoFeedEntry, vankho_feed_entry, VANKHO, FEED_ENTRY, GObject)

#define VANKHO_TYPE_FEED (vankho_feed_get_type ())

G_DECLARE_FINAL_TYPE (VankhoFeed, vankho_feed, VANKHO, FEED, GObject)

VankhoFeedEntry *vankho_feed_entry_new                (void);
const char      *vankho_feed_entry_get_title          (VankhoFeedEntry *self);
const char      *vankho_feed_entry_get_link           (VankhoFeedEntry *self);
const char      *vankho_feed_entry_get_id             (VankhoFeedEntry *self);
const char      *vankho_feed_entry_get_author         (VankhoFeedEntry *self);
const char      *vankho_feed_entry_get_author_name    (VankhoFeedEntry *self);
const char      *vankho_feed_entry_get_summary        (VankhoFeedEntry *self);
const char      *vankho_feed_entry_get_content        (VankhoFeedEntry *self);
const char      *vankho_feed_entry_get_text           (VankhoFeedEntry *self);
const char      *vankho_feed_entry_get_enclosure_url  (VankhoFeedEntry *self);
const char      *vankho_feed_entry_get_enclosure_type (VankhoFeedEntry *self);
const char      *vankho_feed_entry_get_image_url      (VankhoFeedEntry *self);
const char      *vankho_feed_entry_get_language       (VankhoFeedEntry *self);
GDateTime       *vankho_feed_entry_get_published      (VankhoFeedEntry *self);
GDateTime       *vankho_feed_entry_get_updated        (VankhoFeedEntry *self);
GDateTime       *vankho_feed_entry_get_date           (VankhoFeedEntry *self);
const char      *vankho_feed_entry_get_field          (VankhoFeedEntry *self,
                                                       VankhoFeedField  field);

VankhoFeed      *vankho_feed_new                      (void);
const char      *vankho_feed_get_title                (VankhoFeed      *self);
const char      *vankho_feed_get_link                 (VankhoFeed      *self);
const char      *vankho_feed_get_subtitle             (VankhoFeed      *self);
const char      *vankho_feed_get_language             (VankhoFeed      *self);
const char      *vankho_feed_get_author               (VankhoFeed      *self);
const char      *vankho_feed_get_image_url            (VankhoFeed      *self);
const char      *vankho_feed_get_format               (VankhoFeed      *self);
const char      *vankho_feed_get_warning              (VankhoFeed      *self);
GDateTime       *vankho_feed_get_updated              (VankhoFeed      *self);
guint            vankho_feed_get_n_entries            (VankhoFeed      *self);
VankhoFeedEntry *vankho_feed_get_entry                (VankhoFeed      *self,
                                                       guint            position);
GPtrArray       *vankho_feed_get_entries              (VankhoFeed      *self);
const char      *vankho_feed_get_field                (VankhoFeed      *self,
                                                       VankhoFeedField  field);

JsonNode        *vankho_feed_to_json                  (VankhoFeed      *feed);

/* For the parser, which builds the objects. */
void             vankho_feed_entry_take_field         (VankhoFeedEntry *self,
                                                       VankhoFeedField  field,
                                                       char            *value);
void             vankho_feed_entry_set_published      (VankhoFeedEntry *self,
                                                       GDateTime       *published);
void             vankho_feed_entry_set_updated        (VankhoFeedEntry *self,
                                                       GDateTime       *updated);
void             vankho_feed_take_field               (VankhoFeed      *self,
                                                       VankhoFeedField  field,
                                                       char            *value);
void             vankho_feed_set_updated              (VankhoFeed      *self,
                                                       GDateTime       *updated);
void             vankho_feed_add_entry                (VankhoFeed      *self,
                                                       VankhoFeedEntry *entry);

G_END_DECLS
