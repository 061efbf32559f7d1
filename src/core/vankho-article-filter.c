/* vankho-article-filter.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the user is looking at: the one filter every view reads and may set.
 * Views watch its properties; the article list model turns it into a query.
 */

#include "config.h"

#include "vankho-article-filter.h"

struct _VankhoArticleFilter
{
  GObject  parent_instance;

  char    *query;
};

G_DEFINE_FINAL_TYPE (VankhoArticleFilter, vankho_article_filter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_QUERY,
  PROP_EMPTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vankho_article_filter_finalize (GObject *object)
{
  VankhoArticleFilter *self = (VankhoArticleFilter *)object;

  g_clear_pointer (&self->query, g_free);

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
      g_value_set_string (value, self->query);
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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vankho_article_filter_class_init (VankhoArticleFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vankho_article_filter_finalize;
  object_class->get_property = vankho_article_filter_get_property;
  object_class->set_property = vankho_article_filter_set_property;

  /* The search as typed; NULL or blank for none. */
  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
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

  return self->query;
}

void
vankho_article_filter_set_query (VankhoArticleFilter *self,
                                 const char          *query)
{
  g_autofree char *stripped = NULL;
  gboolean was_empty;

  g_return_if_fail (VANKHO_IS_ARTICLE_FILTER (self));

  /* Blank is no query: the list must not reload for a typed space. */
  if (query != NULL)
    {
      stripped = g_strstrip (g_strdup (query));
      if (*stripped == '\0')
        g_clear_pointer (&stripped, g_free);
    }

  if (g_strcmp0 (self->query, stripped) == 0)
    return;

  was_empty = vankho_article_filter_is_empty (self);
  g_free (self->query);
  self->query = g_steal_pointer (&stripped);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
  if (was_empty != vankho_article_filter_is_empty (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
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

  return self->query == NULL;
}

/**
 * vankho_article_filter_clear:
 *
 * Resets every part of the filter.
 */
void
vankho_article_filter_clear (VankhoArticleFilter *self)
{
  g_return_if_fail (VANKHO_IS_ARTICLE_FILTER (self));

  vankho_article_filter_set_query (self, NULL);
}
