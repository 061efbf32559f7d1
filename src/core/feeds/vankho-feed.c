/* vankho-feed.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vankho-feed.h"

/* A parsed feed and its entries: plain values, no behaviour. Text fields
 * are already plain text (HTML turned into text, NFC) and URLs absolute,
 * so that callers never need to know which of RSS's or Atom's many
 * elements a value came from.
 */

struct _VankhoFeedEntry
{
  GObject    parent_instance;

  char      *fields[VANKHO_FEED_N_FIELDS];
  GDateTime *published;
  GDateTime *updated;
};

G_DEFINE_FINAL_TYPE (VankhoFeedEntry, vankho_feed_entry, G_TYPE_OBJECT)

struct _VankhoFeed
{
  GObject    parent_instance;

  char      *fields[VANKHO_FEED_N_FIELDS];
  GDateTime *updated;
  GPtrArray *entries;
};

G_DEFINE_FINAL_TYPE (VankhoFeed, vankho_feed, G_TYPE_OBJECT)

static void
vankho_feed_entry_finalize (GObject *object)
{
  VankhoFeedEntry *self = (VankhoFeedEntry *) object;

  for (guint i = 0; i < VANKHO_FEED_N_FIELDS; i++)
    g_free (self->fields[i]);
  g_clear_pointer (&self->published, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);

  G_OBJECT_CLASS (vankho_feed_entry_parent_class)->finalize (object);
}

static void
vankho_feed_entry_class_init (VankhoFeedEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vankho_feed_entry_finalize;
}

static void
vankho_feed_entry_init (VankhoFeedEntry *self)
{
}

VankhoFeedEntry *
vankho_feed_entry_new (void)
{
  return g_object_new (VANKHO_TYPE_FEED_ENTRY, NULL);
}

/**
 * vankho_feed_entry_get_field:
 * @self: an entry
 * @field: which text field
 *
 * Returns: (nullable): the field's value
 */
const char *
vankho_feed_entry_get_field (VankhoFeedEntry *self,
                             VankhoFeedField  field)
{
  g_return_val_if_fail (VANKHO_IS_FEED_ENTRY (self), NULL);
  g_return_val_if_fail (field < VANKHO_FEED_N_FIELDS, NULL);

  return self->fields[field];
}

void
vankho_feed_entry_take_field (VankhoFeedEntry *self,
                              VankhoFeedField  field,
                              char            *value)
{
  g_return_if_fail (VANKHO_IS_FEED_ENTRY (self));
  g_return_if_fail (field < VANKHO_FEED_N_FIELDS);

  g_free (self->fields[field]);
  self->fields[field] = value;
}

const char *
vankho_feed_entry_get_title (VankhoFeedEntry *self)
{
  return vankho_feed_entry_get_field (self, VANKHO_FEED_FIELD_TITLE);
}

const char *
vankho_feed_entry_get_link (VankhoFeedEntry *self)
{
  return vankho_feed_entry_get_field (self, VANKHO_FEED_FIELD_LINK);
}

const char *
vankho_feed_entry_get_id (VankhoFeedEntry *self)
{
  return vankho_feed_entry_get_field (self, VANKHO_FEED_FIELD_ID);
}

const char *
vankho_feed_entry_get_author (VankhoFeedEntry *self)
{
  return vankho_feed_entry_get_field (self, VANKHO_FEED_FIELD_AUTHOR);
}

/**
 * vankho_feed_entry_get_author_name:
 * @self: an entry
 *
 * The author's name alone, without the e-mail address that
 * vankho_feed_entry_get_author() keeps as feeds write it.
 *
 * Returns: (nullable): a name, or else an e-mail address
 */
const char *
vankho_feed_entry_get_author_name (VankhoFeedEntry *self)
{
  const char *name = vankho_feed_entry_get_field (self, VANKHO_FEED_FIELD_AUTHOR_NAME);

  return name != NULL ? name : vankho_feed_entry_get_author (self);
}

const char *
vankho_feed_entry_get_summary (VankhoFeedEntry *self)
{
  return vankho_feed_entry_get_field (self, VANKHO_FEED_FIELD_SUMMARY);
}

const char *
vankho_feed_entry_get_content (VankhoFeedEntry *self)
{
  return vankho_feed_entry_get_field (self, VANKHO_FEED_FIELD_CONTENT);
}

/**
 * vankho_feed_entry_get_text:
 * @self: an entry
 *
 * The entry's fullest text: its content, or else its summary.
 *
 * Returns: (nullable): plain text
 */
const char *
vankho_feed_entry_get_text (VankhoFeedEntry *self)
{
  const char *content = vankho_feed_entry_get_content (self);

  return content != NULL ? content : vankho_feed_entry_get_summary (self);
}

const char *
vankho_feed_entry_get_enclosure_url (VankhoFeedEntry *self)
{
  return vankho_feed_entry_get_field (self, VANKHO_FEED_FIELD_ENCLOSURE_URL);
}

const char *
vankho_feed_entry_get_enclosure_type (VankhoFeedEntry *self)
{
  return vankho_feed_entry_get_field (self, VANKHO_FEED_FIELD_ENCLOSURE_TYPE);
}

const char *
vankho_feed_entry_get_image_url (VankhoFeedEntry *self)
{
  return vankho_feed_entry_get_field (self, VANKHO_FEED_FIELD_IMAGE_URL);
}

const char *
vankho_feed_entry_get_language (VankhoFeedEntry *self)
{
  return vankho_feed_entry_get_field (self, VANKHO_FEED_FIELD_LANGUAGE);
}

/**
 * vankho_feed_entry_get_published:
 * @self: an entry
 *
 * Returns: (transfer none) (nullable): when the entry was first published, in UTC
 */
GDateTime *
vankho_feed_entry_get_published (VankhoFeedEntry *self)
{
  g_return_val_if_fail (VANKHO_IS_FEED_ENTRY (self), NULL);

  return self->published;
}

/**
 * vankho_feed_entry_get_updated:
 * @self: an entry
 *
 * Returns: (transfer none) (nullable): when the entry was last changed, in UTC
 */
GDateTime *
vankho_feed_entry_get_updated (VankhoFeedEntry *self)
{
  g_return_val_if_fail (VANKHO_IS_FEED_ENTRY (self), NULL);

  return self->updated;
}

/**
 * vankho_feed_entry_get_date:
 * @self: an entry
 *
 * The date to file the entry under: published, or else updated.
 *
 * Returns: (transfer none) (nullable): a date in UTC
 */
GDateTime *
vankho_feed_entry_get_date (VankhoFeedEntry *self)
{
  g_return_val_if_fail (VANKHO_IS_FEED_ENTRY (self), NULL);

  return self->published != NULL ? self->published : self->updated;
}

void
vankho_feed_entry_set_published (VankhoFeedEntry *self,
                                 GDateTime       *published)
{
  g_return_if_fail (VANKHO_IS_FEED_ENTRY (self));

  if (published != NULL)
    g_date_time_ref (published);
  g_clear_pointer (&self->published, g_date_time_unref);
  self->published = published;
}

void
vankho_feed_entry_set_updated (VankhoFeedEntry *self,
                               GDateTime       *updated)
{
  g_return_if_fail (VANKHO_IS_FEED_ENTRY (self));

  if (updated != NULL)
    g_date_time_ref (updated);
  g_clear_pointer (&self->updated, g_date_time_unref);
  self->updated = updated;
}

static void
vankho_feed_dispose (GObject *object)
{
  VankhoFeed *self = (VankhoFeed *) object;

  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (vankho_feed_parent_class)->dispose (object);
}

static void
vankho_feed_finalize (GObject *object)
{
  VankhoFeed *self = (VankhoFeed *) object;

  for (guint i = 0; i < VANKHO_FEED_N_FIELDS; i++)
    g_free (self->fields[i]);
  g_clear_pointer (&self->updated, g_date_time_unref);

  G_OBJECT_CLASS (vankho_feed_parent_class)->finalize (object);
}

static void
vankho_feed_class_init (VankhoFeedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vankho_feed_dispose;
  object_class->finalize = vankho_feed_finalize;
}

static void
vankho_feed_init (VankhoFeed *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
}

VankhoFeed *
vankho_feed_new (void)
{
  return g_object_new (VANKHO_TYPE_FEED, NULL);
}

/**
 * vankho_feed_get_field:
 * @self: a feed
 * @field: which text field
 *
 * Returns: (nullable): the field's value
 */
const char *
vankho_feed_get_field (VankhoFeed      *self,
                       VankhoFeedField  field)
{
  g_return_val_if_fail (VANKHO_IS_FEED (self), NULL);
  g_return_val_if_fail (field < VANKHO_FEED_N_FIELDS, NULL);

  return self->fields[field];
}

void
vankho_feed_take_field (VankhoFeed      *self,
                        VankhoFeedField  field,
                        char            *value)
{
  g_return_if_fail (VANKHO_IS_FEED (self));
  g_return_if_fail (field < VANKHO_FEED_N_FIELDS);

  g_free (self->fields[field]);
  self->fields[field] = value;
}

const char *
vankho_feed_get_title (VankhoFeed *self)
{
  return vankho_feed_get_field (self, VANKHO_FEED_FIELD_TITLE);
}

const char *
vankho_feed_get_link (VankhoFeed *self)
{
  return vankho_feed_get_field (self, VANKHO_FEED_FIELD_LINK);
}

const char *
vankho_feed_get_subtitle (VankhoFeed *self)
{
  return vankho_feed_get_field (self, VANKHO_FEED_FIELD_SUBTITLE);
}

const char *
vankho_feed_get_language (VankhoFeed *self)
{
  return vankho_feed_get_field (self, VANKHO_FEED_FIELD_LANGUAGE);
}

const char *
vankho_feed_get_author (VankhoFeed *self)
{
  return vankho_feed_get_field (self, VANKHO_FEED_FIELD_AUTHOR);
}

const char *
vankho_feed_get_image_url (VankhoFeed *self)
{
  return vankho_feed_get_field (self, VANKHO_FEED_FIELD_IMAGE_URL);
}

/**
 * vankho_feed_get_format:
 * @self: a feed
 *
 * Returns: (nullable): "rss20", "rss10", "rss090", "atom10", "atom03"…
 */
const char *
vankho_feed_get_format (VankhoFeed *self)
{
  return vankho_feed_get_field (self, VANKHO_FEED_FIELD_FORMAT);
}

/**
 * vankho_feed_get_warning:
 * @self: a feed
 *
 * Set when the document was not well-formed and the parser recovered
 * (what feedparser calls 'bozo'): the entries may be incomplete.
 *
 * Returns: (nullable): what was wrong, in words
 */
const char *
vankho_feed_get_warning (VankhoFeed *self)
{
  return vankho_feed_get_field (self, VANKHO_FEED_FIELD_WARNING);
}

/**
 * vankho_feed_get_updated:
 * @self: a feed
 *
 * Returns: (transfer none) (nullable): when the feed last changed, in UTC
 */
GDateTime *
vankho_feed_get_updated (VankhoFeed *self)
{
  g_return_val_if_fail (VANKHO_IS_FEED (self), NULL);

  return self->updated;
}

void
vankho_feed_set_updated (VankhoFeed *self,
                         GDateTime  *updated)
{
  g_return_if_fail (VANKHO_IS_FEED (self));

  if (updated != NULL)
    g_date_time_ref (updated);
  g_clear_pointer (&self->updated, g_date_time_unref);
  self->updated = updated;
}

guint
vankho_feed_get_n_entries (VankhoFeed *self)
{
  g_return_val_if_fail (VANKHO_IS_FEED (self), 0);

  return self->entries->len;
}

/**
 * vankho_feed_get_entry:
 * @self: a feed
 * @position: index of the entry, in document order
 *
 * Returns: (transfer none) (nullable): the entry
 */
VankhoFeedEntry *
vankho_feed_get_entry (VankhoFeed *self,
                       guint       position)
{
  g_return_val_if_fail (VANKHO_IS_FEED (self), NULL);

  if (position >= self->entries->len)
    return NULL;
  return g_ptr_array_index (self->entries, position);
}

/**
 * vankho_feed_get_entries:
 * @self: a feed
 *
 * Returns: (transfer none) (element-type VankhoFeedEntry): the entries
 */
GPtrArray *
vankho_feed_get_entries (VankhoFeed *self)
{
  g_return_val_if_fail (VANKHO_IS_FEED (self), NULL);

  return self->entries;
}

void
vankho_feed_add_entry (VankhoFeed      *self,
                       VankhoFeedEntry *entry)
{
  g_return_if_fail (VANKHO_IS_FEED (self));
  g_return_if_fail (VANKHO_IS_FEED_ENTRY (entry));

  g_ptr_array_add (self->entries, g_object_ref (entry));
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_date (JsonBuilder *builder,
          const char  *name,
          GDateTime   *value)
{
  g_autofree char *iso = NULL;

  /* Whole seconds and 'Z', as every consumer of ISO 8601 expects. */
  if (value != NULL)
    iso = g_date_time_format (value, "%Y-%m-%dT%H:%M:%SZ");
  add_string (builder, name, iso);
}

/**
 * vankho_feed_to_json:
 * @feed: a parsed feed
 *
 * The shape `vankho-cli parse-feed --json` prints:
 * `{"feed": {"title", "link", "subtitle", "language", "updated"},
 * "entries": [{"title", "link", "id", "published", "updated", "author",
 * "summary", "content"}]}`, dates in ISO 8601 UTC, null for what is missing.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
vankho_feed_to_json (VankhoFeed *feed)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (VANKHO_IS_FEED (feed), NULL);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "feed");
  json_builder_begin_object (builder);
  add_string (builder, "title", vankho_feed_get_title (feed));
  add_string (builder, "link", vankho_feed_get_link (feed));
  add_string (builder, "subtitle", vankho_feed_get_subtitle (feed));
  add_string (builder, "language", vankho_feed_get_language (feed));
  add_date (builder, "updated", vankho_feed_get_updated (feed));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < feed->entries->len; i++)
    {
      VankhoFeedEntry *entry = g_ptr_array_index (feed->entries, i);

      json_builder_begin_object (builder);
      add_string (builder, "title", vankho_feed_entry_get_title (entry));
      add_string (builder, "link", vankho_feed_entry_get_link (entry));
      add_string (builder, "id", vankho_feed_entry_get_id (entry));
      add_date (builder, "published", vankho_feed_entry_get_published (entry));
      add_date (builder, "updated", vankho_feed_entry_get_updated (entry));
      add_string (builder, "author", vankho_feed_entry_get_author (entry));
      add_string (builder, "summary", vankho_feed_entry_get_summary (entry));
      add_string (builder, "content", vankho_feed_entry_get_content (entry));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
