/* vankho-article.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One article of the archive, as the list and the reader see it. The body is
 * only loaded when a caller asks for the whole article; list rows carry the
 * search snippet instead.
 */

#include "config.h"

#include "vankho-article.h"

struct _VankhoArticle
{
  GObject     parent_instance;

  gint64      id;
  char       *title;
  char       *body;
  char       *outlet;
  char       *byline;
  char       *url;
  char       *file_path;
  char       *snippet;
  char       *note;
  char       *province;
  char       *feed_text;
  GStrv       tags;
  guint       n_versions;
  VankhoDate  published;
  VankhoDate  source_date;
  guint       is_sample : 1;
  guint       is_read : 1;
  guint       is_starred : 1;
};

G_DEFINE_FINAL_TYPE (VankhoArticle, vankho_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_BODY,
  PROP_OUTLET,
  PROP_BYLINE,
  PROP_URL,
  PROP_FILE_PATH,
  PROP_SNIPPET,
  PROP_PUBLISHED,
  PROP_IS_SAMPLE,
  PROP_IS_READ,
  PROP_IS_STARRED,
  PROP_NOTE,
  PROP_TAGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* g_set_str() is GLib 2.76; we support 2.74. */
static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
vankho_article_finalize (GObject *object)
{
  VankhoArticle *self = (VankhoArticle *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->outlet, g_free);
  g_clear_pointer (&self->byline, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->file_path, g_free);
  g_clear_pointer (&self->snippet, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->province, g_free);
  g_clear_pointer (&self->feed_text, g_free);
  g_clear_pointer (&self->tags, g_strfreev);

  G_OBJECT_CLASS (vankho_article_parent_class)->finalize (object);
}

static void
vankho_article_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VankhoArticle *self = VANKHO_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_OUTLET:
      g_value_set_string (value, self->outlet);
      break;

    case PROP_BYLINE:
      g_value_set_string (value, self->byline);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_FILE_PATH:
      g_value_set_string (value, self->file_path);
      break;

    case PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;

    case PROP_PUBLISHED:
      g_value_take_string (value, vankho_article_dup_published_iso (self));
      break;

    case PROP_IS_SAMPLE:
      g_value_set_boolean (value, self->is_sample);
      break;

    case PROP_IS_READ:
      g_value_set_boolean (value, self->is_read);
      break;

    case PROP_IS_STARRED:
      g_value_set_boolean (value, self->is_starred);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vankho_article_class_init (VankhoArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vankho_article_finalize;
  object_class->get_property = vankho_article_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_OUTLET] =
    g_param_spec_string ("outlet", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BYLINE] =
    g_param_spec_string ("byline", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILE_PATH] =
    g_param_spec_string ("file-path", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SNIPPET] =
    g_param_spec_string ("snippet", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* ISO 8601 at the date's own precision: '2023', '2023-08' or '2023-08-31'. */
  properties[PROP_PUBLISHED] =
    g_param_spec_string ("published", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_IS_SAMPLE] =
    g_param_spec_boolean ("is-sample", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_IS_READ] =
    g_param_spec_boolean ("is-read", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_IS_STARRED] =
    g_param_spec_boolean ("is-starred", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vankho_article_init (VankhoArticle *self)
{
}

VankhoArticle *
vankho_article_new (void)
{
  return g_object_new (VANKHO_TYPE_ARTICLE, NULL);
}

gint64
vankho_article_get_id (VankhoArticle *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE (self), 0);

  return self->id;
}

void
vankho_article_set_id (VankhoArticle *self,
                       gint64         id)
{
  g_return_if_fail (VANKHO_IS_ARTICLE (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
vankho_article_get_title (VankhoArticle *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE (self), NULL);

  return self->title;
}

void
vankho_article_set_title (VankhoArticle *self,
                          const char    *title)
{
  g_return_if_fail (VANKHO_IS_ARTICLE (self));

  if (set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
vankho_article_get_body (VankhoArticle *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE (self), NULL);

  return self->body;
}

void
vankho_article_set_body (VankhoArticle *self,
                         const char    *body)
{
  g_return_if_fail (VANKHO_IS_ARTICLE (self));

  if (set_string (&self->body, body))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

const char *
vankho_article_get_outlet (VankhoArticle *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE (self), NULL);

  return self->outlet;
}

void
vankho_article_set_outlet (VankhoArticle *self,
                           const char    *outlet)
{
  g_return_if_fail (VANKHO_IS_ARTICLE (self));

  if (set_string (&self->outlet, outlet))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTLET]);
}

const char *
vankho_article_get_byline (VankhoArticle *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE (self), NULL);

  return self->byline;
}

void
vankho_article_set_byline (VankhoArticle *self,
                           const char    *byline)
{
  g_return_if_fail (VANKHO_IS_ARTICLE (self));

  if (set_string (&self->byline, byline))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BYLINE]);
}

const char *
vankho_article_get_url (VankhoArticle *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE (self), NULL);

  return self->url;
}

void
vankho_article_set_url (VankhoArticle *self,
                        const char    *url)
{
  g_return_if_fail (VANKHO_IS_ARTICLE (self));

  if (set_string (&self->url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

const char *
vankho_article_get_file_path (VankhoArticle *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE (self), NULL);

  return self->file_path;
}

void
vankho_article_set_file_path (VankhoArticle *self,
                              const char    *file_path)
{
  g_return_if_fail (VANKHO_IS_ARTICLE (self));

  if (set_string (&self->file_path, file_path))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_PATH]);
}

const char *
vankho_article_get_snippet (VankhoArticle *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE (self), NULL);

  return self->snippet;
}

void
vankho_article_set_snippet (VankhoArticle *self,
                            const char    *snippet)
{
  g_return_if_fail (VANKHO_IS_ARTICLE (self));

  if (set_string (&self->snippet, snippet))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNIPPET]);
}

/**
 * vankho_article_get_published:
 *
 * Returns: (transfer none): the publication date; its precision says how
 *   much of it is known
 */
const VankhoDate *
vankho_article_get_published (VankhoArticle *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE (self), NULL);

  return &self->published;
}

void
vankho_article_set_published (VankhoArticle    *self,
                              const VankhoDate *published)
{
  g_return_if_fail (VANKHO_IS_ARTICLE (self));
  g_return_if_fail (published != NULL);

  if (vankho_date_compare (&self->published, published) != 0 ||
      self->published.precision != published->precision)
    {
      self->published = *published;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHED]);
    }
}

/**
 * vankho_article_dup_published_iso:
 *
 * Returns: (transfer full) (nullable): the publication date as ISO 8601 at its
 *   precision, or %NULL when unknown
 */
char *
vankho_article_dup_published_iso (VankhoArticle *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE (self), NULL);

  return vankho_date_to_iso (&self->published);
}

gboolean
vankho_article_get_is_sample (VankhoArticle *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE (self), FALSE);

  return self->is_sample;
}

void
vankho_article_set_is_sample (VankhoArticle *self,
                              gboolean       is_sample)
{
  g_return_if_fail (VANKHO_IS_ARTICLE (self));

  is_sample = !!is_sample;
  if (self->is_sample != is_sample)
    {
      self->is_sample = is_sample;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_SAMPLE]);
    }
}

gboolean
vankho_article_get_is_read (VankhoArticle *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE (self), FALSE);

  return self->is_read;
}

void
vankho_article_set_is_read (VankhoArticle *self,
                            gboolean       is_read)
{
  g_return_if_fail (VANKHO_IS_ARTICLE (self));

  is_read = !!is_read;
  if (self->is_read != is_read)
    {
      self->is_read = is_read;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_READ]);
    }
}

gboolean
vankho_article_get_is_starred (VankhoArticle *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE (self), FALSE);

  return self->is_starred;
}

void
vankho_article_set_is_starred (VankhoArticle *self,
                               gboolean       is_starred)
{
  g_return_if_fail (VANKHO_IS_ARTICLE (self));

  is_starred = !!is_starred;
  if (self->is_starred != is_starred)
    {
      self->is_starred = is_starred;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_STARRED]);
    }
}

const char *
vankho_article_get_note (VankhoArticle *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE (self), NULL);

  return self->note;
}

void
vankho_article_set_note (VankhoArticle *self,
                         const char    *note)
{
  g_return_if_fail (VANKHO_IS_ARTICLE (self));

  if (set_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/**
 * vankho_article_get_tags:
 *
 * Returns: (transfer none) (nullable): the user's tags, sorted
 */
const char * const *
vankho_article_get_tags (VankhoArticle *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE (self), NULL);

  return (const char * const *) self->tags;
}

void
vankho_article_set_tags (VankhoArticle      *self,
                         const char * const *tags)
{
  g_return_if_fail (VANKHO_IS_ARTICLE (self));

  if (self->tags == NULL && tags == NULL)
    return;
  if (self->tags != NULL && tags != NULL && g_strv_equal ((const char * const *) self->tags, tags))
    return;

  g_strfreev (self->tags);
  self->tags = g_strdupv ((char **) tags);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

/**
 * vankho_article_get_source_date:
 *
 * Returns: (transfer none): the date the source gave (a ' date YYYY-MM'
 *   line, a feed entry's date), from which extraction starts
 */
const VankhoDate *
vankho_article_get_source_date (VankhoArticle *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE (self), NULL);

  return &self->source_date;
}

void
vankho_article_set_source_date (VankhoArticle    *self,
                                const VankhoDate *source_date)
{
  g_return_if_fail (VANKHO_IS_ARTICLE (self));
  g_return_if_fail (source_date != NULL);

  self->source_date = *source_date;
}

/**
 * vankho_article_get_province:
 *
 * Returns: (nullable): the ISO 3166-2 code of the province the article is
 *   mainly about, if one is known
 */
const char *
vankho_article_get_province (VankhoArticle *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE (self), NULL);

  return self->province;
}

void
vankho_article_set_province (VankhoArticle *self,
                             const char    *province)
{
  g_return_if_fail (VANKHO_IS_ARTICLE (self));

  set_string (&self->province, province);
}

/**
 * vankho_article_get_feed_text:
 *
 * Returns: (nullable): the feed's own text, kept when the body was taken
 *   from the article's page
 */
const char *
vankho_article_get_feed_text (VankhoArticle *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE (self), NULL);

  return self->feed_text;
}

void
vankho_article_set_feed_text (VankhoArticle *self,
                              const char    *feed_text)
{
  g_return_if_fail (VANKHO_IS_ARTICLE (self));

  set_string (&self->feed_text, feed_text);
}

/**
 * vankho_article_get_n_versions:
 *
 * Returns: how many versions of the story the archive holds, this one
 *   included
 */
guint
vankho_article_get_n_versions (VankhoArticle *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE (self), 1);

  return MAX (self->n_versions, 1);
}

void
vankho_article_set_n_versions (VankhoArticle *self,
                               guint          n_versions)
{
  g_return_if_fail (VANKHO_IS_ARTICLE (self));

  self->n_versions = n_versions;
}
