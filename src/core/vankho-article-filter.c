/* vankho-article-filter.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the user is looking at: the one filter every view reads and may set
 * (a search, a province, a document, dates, a source, a tag, unread or
 * starred). Views watch its properties; "changed" fires once per change for
 * those that only need to reload.
 */

#include "config.h"

#include "vankho-article-filter.h"

struct _VankhoArticleFilter
{
  GObject            parent_instance;

  VankhoArticleQuery query;
};

G_DEFINE_FINAL_TYPE (VankhoArticleFilter, vankho_article_filter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_QUERY,
  PROP_PROVINCE,
  PROP_DOCUMENT,
  PROP_DATE_FROM,
  PROP_DATE_TO,
  PROP_SOURCE,
  PROP_OUTLET,
  PROP_TAG,
  PROP_UNREAD_ONLY,
  PROP_STARRED_ONLY,
  PROP_SORT,
  PROP_EMPTY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Blank text is no value: a typed space must not reload the list. */
static char *
dup_trimmed (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);

  return copy;
}

static void
changed (VankhoArticleFilter *self,
         guint                prop_id,
         gboolean             was_empty)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  if (was_empty != vankho_article_filter_is_empty (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
set_text_field (VankhoArticleFilter  *self,
                char                **field,
                const char           *value,
                guint                 prop_id)
{
  g_autofree char *trimmed = dup_trimmed (value);
  gboolean was_empty;

  if (g_strcmp0 (*field, trimmed) == 0)
    return;

  was_empty = vankho_article_filter_is_empty (self);
  g_free (*field);
  *field = g_steal_pointer (&trimmed);
  changed (self, prop_id, was_empty);
}

static void
set_int_field (VankhoArticleFilter *self,
               gint64              *field,
               gint64               value,
               guint                prop_id)
{
  gboolean was_empty;

  if (*field == value)
    return;

  was_empty = vankho_article_filter_is_empty (self);
  *field = value;
  changed (self, prop_id, was_empty);
}

static void
set_bool_field (VankhoArticleFilter *self,
                gboolean            *field,
                gboolean             value,
                guint                prop_id)
{
  gboolean was_empty;

  value = !!value;
  if (*field == value)
    return;

  was_empty = vankho_article_filter_is_empty (self);
  *field = value;
  changed (self, prop_id, was_empty);
}

static void
vankho_article_filter_finalize (GObject *object)
{
  VankhoArticleFilter *self = (VankhoArticleFilter *)object;

  g_clear_pointer (&self->query.text, g_free);
  g_clear_pointer (&self->query.province, g_free);
  g_clear_pointer (&self->query.date_from, g_free);
  g_clear_pointer (&self->query.date_to, g_free);
  g_clear_pointer (&self->query.outlet, g_free);
  g_clear_pointer (&self->query.tag, g_free);

  G_OBJECT_CLASS (vankho_article_filter_parent_class)->finalize (object);
}

static void
vankho_article_filter_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  VankhoArticleFilter *self = VANKHO_ARTICLE_FILTER (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      g_value_set_string (value, self->query.text);
      break;
    case PROP_PROVINCE:
      g_value_set_string (value, self->query.province);
      break;
    case PROP_DOCUMENT:
      g_value_set_int64 (value, self->query.document_id);
      break;
    case PROP_DATE_FROM:
      g_value_set_string (value, self->query.date_from);
      break;
    case PROP_DATE_TO:
      g_value_set_string (value, self->query.date_to);
      break;
    case PROP_SOURCE:
      g_value_set_int64 (value, self->query.source_id);
      break;
    case PROP_OUTLET:
      g_value_set_string (value, self->query.outlet);
      break;
    case PROP_TAG:
      g_value_set_string (value, self->query.tag);
      break;
    case PROP_UNREAD_ONLY:
      g_value_set_boolean (value, self->query.unread_only);
      break;
    case PROP_STARRED_ONLY:
      g_value_set_boolean (value, self->query.starred_only);
      break;
    case PROP_SORT:
      g_value_set_int (value, self->query.sort);
      break;
    case PROP_EMPTY:
      g_value_set_boolean (value, vankho_article_filter_is_empty (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vankho_article_filter_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  VankhoArticleFilter *self = VANKHO_ARTICLE_FILTER (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      vankho_article_filter_set_query (self, g_value_get_string (value));
      break;
    case PROP_PROVINCE:
      vankho_article_filter_set_province (self, g_value_get_string (value));
      break;
    case PROP_DOCUMENT:
      vankho_article_filter_set_document (self, g_value_get_int64 (value));
      break;
    case PROP_DATE_FROM:
      vankho_article_filter_set_dates (self, g_value_get_string (value), self->query.date_to);
      break;
    case PROP_DATE_TO:
      vankho_article_filter_set_dates (self, self->query.date_from, g_value_get_string (value));
      break;
    case PROP_SOURCE:
      vankho_article_filter_set_source (self, g_value_get_int64 (value));
      break;
    case PROP_OUTLET:
      vankho_article_filter_set_outlet (self, g_value_get_string (value));
      break;
    case PROP_TAG:
      vankho_article_filter_set_tag (self, g_value_get_string (value));
      break;
    case PROP_UNREAD_ONLY:
      vankho_article_filter_set_unread_only (self, g_value_get_boolean (value));
      break;
    case PROP_STARRED_ONLY:
      vankho_article_filter_set_starred_only (self, g_value_get_boolean (value));
      break;
    case PROP_SORT:
      vankho_article_filter_set_sort (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vankho_article_filter_class_init (VankhoArticleFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vankho_article_filter_finalize;
  object_class->get_property = vankho_article_filter_get_property;
  object_class->set_property = vankho_article_filter_set_property;

  properties[PROP_QUERY] = g_param_spec_string ("query", NULL, NULL, NULL, rw);
  properties[PROP_PROVINCE] = g_param_spec_string ("province", NULL, NULL, NULL, rw);
  properties[PROP_DOCUMENT] = g_param_spec_int64 ("document", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_DATE_FROM] = g_param_spec_string ("date-from", NULL, NULL, NULL, rw);
  properties[PROP_DATE_TO] = g_param_spec_string ("date-to", NULL, NULL, NULL, rw);
  properties[PROP_SOURCE] = g_param_spec_int64 ("source", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_OUTLET] = g_param_spec_string ("outlet", NULL, NULL, NULL, rw);
  properties[PROP_TAG] = g_param_spec_string ("tag", NULL, NULL, NULL, rw);
  properties[PROP_UNREAD_ONLY] = g_param_spec_boolean ("unread-only", NULL, NULL, FALSE, rw);
  properties[PROP_STARRED_ONLY] = g_param_spec_boolean ("starred-only", NULL, NULL, FALSE, rw);
  properties[PROP_SORT] = g_param_spec_int ("sort", NULL, NULL, VANKHO_ARTICLE_SORT_AUTO,
                                            VANKHO_ARTICLE_SORT_RELEVANCE, VANKHO_ARTICLE_SORT_AUTO, rw);
  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VankhoArticleFilter::changed:
   *
   * Emitted once after any part of the filter changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
vankho_article_filter_init (VankhoArticleFilter *self)
{
}

VankhoArticleFilter *
vankho_article_filter_new (void)
{
  return g_object_new (VANKHO_TYPE_ARTICLE_FILTER, NULL);
}

const char *
vankho_article_filter_get_query (VankhoArticleFilter *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE_FILTER (self), NULL);
  return self->query.text;
}

void
vankho_article_filter_set_query (VankhoArticleFilter *self,
                                 const char          *query)
{
  g_return_if_fail (VANKHO_IS_ARTICLE_FILTER (self));
  set_text_field (self, &self->query.text, query, PROP_QUERY);
}

const char *
vankho_article_filter_get_province (VankhoArticleFilter *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE_FILTER (self), NULL);
  return self->query.province;
}

/**
 * vankho_article_filter_set_province:
 * @province: (nullable): an ISO 3166-2 code of the 63-province era
 */
void
vankho_article_filter_set_province (VankhoArticleFilter *self,
                                    const char          *province)
{
  g_return_if_fail (VANKHO_IS_ARTICLE_FILTER (self));
  set_text_field (self, &self->query.province, province, PROP_PROVINCE);
}

gint64
vankho_article_filter_get_document (VankhoArticleFilter *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE_FILTER (self), 0);
  return self->query.document_id;
}

void
vankho_article_filter_set_document (VankhoArticleFilter *self,
                                    gint64               document_id)
{
  g_return_if_fail (VANKHO_IS_ARTICLE_FILTER (self));
  set_int_field (self, &self->query.document_id, MAX (document_id, 0), PROP_DOCUMENT);
}

const char *
vankho_article_filter_get_date_from (VankhoArticleFilter *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE_FILTER (self), NULL);
  return self->query.date_from;
}

const char *
vankho_article_filter_get_date_to (VankhoArticleFilter *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE_FILTER (self), NULL);
  return self->query.date_to;
}

/**
 * vankho_article_filter_set_dates:
 * @date_from: (nullable): first day, ISO 8601
 * @date_to: (nullable): last day, ISO 8601
 */
void
vankho_article_filter_set_dates (VankhoArticleFilter *self,
                                 const char          *date_from,
                                 const char          *date_to)
{
  g_autofree char *from = g_strdup (date_from);
  g_autofree char *to = g_strdup (date_to);

  g_return_if_fail (VANKHO_IS_ARTICLE_FILTER (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_text_field (self, &self->query.date_from, from, PROP_DATE_FROM);
  set_text_field (self, &self->query.date_to, to, PROP_DATE_TO);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
vankho_article_filter_get_source (VankhoArticleFilter *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE_FILTER (self), 0);
  return self->query.source_id;
}

void
vankho_article_filter_set_source (VankhoArticleFilter *self,
                                  gint64               source_id)
{
  g_return_if_fail (VANKHO_IS_ARTICLE_FILTER (self));
  set_int_field (self, &self->query.source_id, MAX (source_id, 0), PROP_SOURCE);
}

const char *
vankho_article_filter_get_outlet (VankhoArticleFilter *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE_FILTER (self), NULL);
  return self->query.outlet;
}

void
vankho_article_filter_set_outlet (VankhoArticleFilter *self,
                                  const char          *outlet)
{
  g_return_if_fail (VANKHO_IS_ARTICLE_FILTER (self));
  set_text_field (self, &self->query.outlet, outlet, PROP_OUTLET);
}

const char *
vankho_article_filter_get_tag (VankhoArticleFilter *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE_FILTER (self), NULL);
  return self->query.tag;
}

void
vankho_article_filter_set_tag (VankhoArticleFilter *self,
                               const char          *tag)
{
  g_return_if_fail (VANKHO_IS_ARTICLE_FILTER (self));
  set_text_field (self, &self->query.tag, tag, PROP_TAG);
}

gboolean
vankho_article_filter_get_unread_only (VankhoArticleFilter *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE_FILTER (self), FALSE);
  return self->query.unread_only;
}

void
vankho_article_filter_set_unread_only (VankhoArticleFilter *self,
                                       gboolean             unread_only)
{
  g_return_if_fail (VANKHO_IS_ARTICLE_FILTER (self));
  set_bool_field (self, &self->query.unread_only, unread_only, PROP_UNREAD_ONLY);
}

gboolean
vankho_article_filter_get_starred_only (VankhoArticleFilter *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE_FILTER (self), FALSE);
  return self->query.starred_only;
}

void
vankho_article_filter_set_starred_only (VankhoArticleFilter *self,
                                        gboolean             starred_only)
{
  g_return_if_fail (VANKHO_IS_ARTICLE_FILTER (self));
  set_bool_field (self, &self->query.starred_only, starred_only, PROP_STARRED_ONLY);
}

VankhoArticleSort
vankho_article_filter_get_sort (VankhoArticleFilter *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE_FILTER (self), VANKHO_ARTICLE_SORT_AUTO);
  return self->query.sort;
}

/* The order is not a filter: changing it leaves "empty" alone. */
void
vankho_article_filter_set_sort (VankhoArticleFilter *self,
                                VankhoArticleSort    sort)
{
  g_return_if_fail (VANKHO_IS_ARTICLE_FILTER (self));

  if (self->query.sort == sort)
    return;

  self->query.sort = sort;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * vankho_article_filter_is_empty:
 *
 * Returns: %TRUE when the filter lets every article through
 */
gboolean
vankho_article_filter_is_empty (VankhoArticleFilter *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE_FILTER (self), TRUE);

  return self->query.text == NULL
      && self->query.province == NULL
      && self->query.document_id == 0
      && self->query.date_from == NULL
      && self->query.date_to == NULL
      && self->query.source_id == 0
      && self->query.outlet == NULL
      && self->query.tag == NULL
      && !self->query.unread_only
      && !self->query.starred_only;
}

/**
 * vankho_article_filter_clear:
 *
 * Resets every part of the filter; the sort order stays.
 */
void
vankho_article_filter_clear (VankhoArticleFilter *self)
{
  g_return_if_fail (VANKHO_IS_ARTICLE_FILTER (self));

  if (vankho_article_filter_is_empty (self))
    return;

  g_clear_pointer (&self->query.text, g_free);
  g_clear_pointer (&self->query.province, g_free);
  g_clear_pointer (&self->query.date_from, g_free);
  g_clear_pointer (&self->query.date_to, g_free);
  g_clear_pointer (&self->query.outlet, g_free);
  g_clear_pointer (&self->query.tag, g_free);
  self->query.document_id = 0;
  self->query.source_id = 0;
  self->query.unread_only = FALSE;
  self->query.starred_only = FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_QUERY; i <= PROP_STARRED_ONLY; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * vankho_article_filter_dup_query:
 *
 * Returns: (transfer full): a copy of the filter for a query
 */
VankhoArticleQuery *
vankho_article_filter_dup_query (VankhoArticleFilter *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE_FILTER (self), NULL);

  return vankho_article_query_copy (&self->query);
}
