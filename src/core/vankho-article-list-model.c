/* vankho-article-list-model.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The articles that pass the filter, as a GListModel. A worker thread finds
 * the ids in order (newest first, or by relevance when searching); rows are
 * built from the library only when a view asks for them, and only a bounded
 * number are kept, so 100 000 articles cost 800 KB of ids and the rows on
 * screen.
 */

#define G_LOG_DOMAIN "vankho-article-list-model"

#include "config.h"

#include <string.h>

#include "vankho-article-list-model.h"

#define MAX_CACHED_ROWS 512

/* Listing every id of a large archive takes a while (100 000: ~30 ms);
 * without a search, the first rows come from a query of their own so
 * that the list shows before that. GTK 4.8's list view makes a row for
 * each of them before the first frame: 200 cost ~100 ms more than 100. */
#define FIRST_PAGE 100

struct _VankhoArticleListModel
{
  GObject              parent_instance;

  VankhoLibrary       *library;
  VankhoArticleFilter *filter;
  GArray              *ids;
  char                *match;
  GHashTable          *rows;
  GCancellable        *cancellable;
  guint                reload_source;
  guint                n_first_page;  /* ids shown from the first page only */
  guint                loading : 1;
  guint                complete : 1;  /* the query of cancellable is done */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VankhoArticleListModel, vankho_article_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_FILTER,
  PROP_LOADING,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GArray *ids;
  char   *match;
} QueryResult;

typedef struct
{
  VankhoLibrary      *library;
  VankhoArticleQuery *query;
} QueryData;

/* The first page of ids, on its way to the main thread. */
typedef struct
{
  VankhoArticleListModel *self;
  GCancellable           *cancellable;
  GArray                 *ids;
} FirstPage;

static void
first_page_free (FirstPage *page)
{
  g_object_unref (page->self);
  g_object_unref (page->cancellable);
  g_array_unref (page->ids);
  g_free (page);
}

static gboolean
first_page_cb (gpointer user_data)
{
  FirstPage *page = user_data;
  VankhoArticleListModel *self = page->self;
  guint old_n = self->ids->len;

  /* A newer query, or this one done already. */
  if (page->cancellable != self->cancellable || self->complete)
    return G_SOURCE_REMOVE;

  g_array_unref (self->ids);
  self->ids = g_array_ref (page->ids);
  self->n_first_page = self->ids->len;
  g_clear_pointer (&self->match, g_free);
  g_hash_table_remove_all (self->rows);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->ids->len);
  if (old_n != self->ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  return G_SOURCE_REMOVE;
}

static void
query_data_free (QueryData *data)
{
  g_clear_object (&data->library);
  g_clear_pointer (&data->query, vankho_article_query_free);
  g_free (data);
}

static void
query_result_free (QueryResult *result)
{
  g_clear_pointer (&result->ids, g_array_unref);
  g_clear_pointer (&result->match, g_free);
  g_free (result);
}

static GType
vankho_article_list_model_get_item_type (GListModel *model)
{
  return VANKHO_TYPE_ARTICLE;
}

static guint
vankho_article_list_model_get_n_items (GListModel *model)
{
  VankhoArticleListModel *self = VANKHO_ARTICLE_LIST_MODEL (model);

  return self->ids->len;
}

static gpointer
vankho_article_list_model_get_item (GListModel *model,
                                    guint       position)
{
  VankhoArticleListModel *self = VANKHO_ARTICLE_LIST_MODEL (model);
  g_autoptr(GError) error = NULL;
  VankhoArticle *article;

  if (position >= self->ids->len)
    return NULL;

  article = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (position));
  if (article != NULL)
    return g_object_ref (article);

  article = vankho_library_get_article_summary (self->library,
                                                g_array_index (self->ids, gint64, position),
                                                self->match, &error);
  if (article == NULL)
    {
      /* Deleted since the ids were read: show an empty row, not a hole. */
      g_debug ("Row %u: %s", position, error->message);
      article = vankho_article_new ();
    }

  /* Rows scrolled past are cheap to load again; keep memory bounded. */
  if (g_hash_table_size (self->rows) >= MAX_CACHED_ROWS)
    g_hash_table_remove_all (self->rows);
  g_hash_table_insert (self->rows, GUINT_TO_POINTER (position), g_object_ref (article));

  return article;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = vankho_article_list_model_get_item_type;
  iface->get_n_items = vankho_article_list_model_get_n_items;
  iface->get_item = vankho_article_list_model_get_item;
}

static void
set_loading (VankhoArticleListModel *self,
             gboolean                loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  QueryData *data = task_data;
  g_autoptr(GError) error = NULL;
  QueryResult *result = g_new0 (QueryResult, 1);

  if (data->query->text == NULL || *data->query->text == '\0')
    {
      GArray *first = vankho_library_query_article_ids (data->library, data->query, FIRST_PAGE,
                                                        NULL, cancellable, NULL);

      /* A short list is the whole list: no second query. */
      if (first != NULL && first->len < FIRST_PAGE)
        {
          result->ids = first;
          g_task_return_pointer (task, result, (GDestroyNotify) query_result_free);
          return;
        }

      if (first != NULL)
        {
          FirstPage *page = g_new0 (FirstPage, 1);

          page->self = g_object_ref (source_object);
          page->cancellable = g_object_ref (cancellable);
          page->ids = first;
          GSource *source = g_idle_source_new ();

          /* Always queued: g_main_context_invoke() would run it here, in
           * this thread, whenever the main thread is not iterating. */
          g_source_set_priority (source, G_PRIORITY_DEFAULT);
          g_source_set_callback (source, first_page_cb, page, (GDestroyNotify) first_page_free);
          g_source_attach (source, g_task_get_context (task));
          g_source_unref (source);
        }
    }

  result->ids = vankho_library_query_article_ids (data->library, data->query, 0,
                                                  &result->match, cancellable, &error);
  if (result->ids == NULL)
    {
      query_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, result, (GDestroyNotify) query_result_free);
}

static void
query_done_cb (GObject      *object,
               GAsyncResult *res,
               gpointer      user_data)
{
  VankhoArticleListModel *self = VANKHO_ARTICLE_LIST_MODEL (object);
  g_autoptr(GError) error = NULL;
  QueryResult *result;
  guint old_n;

  result = g_task_propagate_pointer (G_TASK (res), &error);
  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Could not list the articles: %s", error->message);
          set_loading (self, FALSE);
        }
      return;
    }

  old_n = self->ids->len;
  self->complete = TRUE;

  /* The first page is shown and the whole list begins with it (nothing
   * changed in between): only the rest is new. */
  if (self->n_first_page > 0 && self->n_first_page == old_n && result->ids->len >= old_n &&
      memcmp (result->ids->data, self->ids->data, old_n * sizeof (gint64)) == 0)
    {
      g_array_unref (self->ids);
      self->ids = g_steal_pointer (&result->ids);
      self->n_first_page = 0;
      query_result_free (result);

      set_loading (self, FALSE);
      g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, self->ids->len - old_n);
      if (old_n != self->ids->len)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
      return;
    }

  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&result->ids);
  self->n_first_page = 0;
  g_free (self->match);
  self->match = g_steal_pointer (&result->match);
  g_hash_table_remove_all (self->rows);
  query_result_free (result);

  set_loading (self, FALSE);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->ids->len);
  if (old_n != self->ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * vankho_article_list_model_reload:
 *
 * Runs the filter's query again in a worker thread; a reload still running
 * is cancelled. The model changes when the new ids are in.
 */
void
vankho_article_list_model_reload (VankhoArticleListModel *self)
{
  g_autoptr(GTask) task = NULL;
  QueryData *data;

  g_return_if_fail (VANKHO_IS_ARTICLE_LIST_MODEL (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->complete = FALSE;

  task = g_task_new (self, self->cancellable, query_done_cb, NULL);
  g_task_set_source_tag (task, vankho_article_list_model_reload);
  data = g_new0 (QueryData, 1);
  data->library = g_object_ref (self->library);
  data->query = vankho_article_filter_dup_query (self->filter);
  g_task_set_task_data (task, data, (GDestroyNotify) query_data_free);
  g_task_set_return_on_cancel (task, FALSE);

  set_loading (self, TRUE);
  g_task_run_in_thread (task, query_thread);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  VankhoArticleListModel *self = user_data;

  self->reload_source = 0;
  vankho_article_list_model_reload (self);

  return G_SOURCE_REMOVE;
}

/* Several parts of the filter often change at once (a preset sets two
 * dates): reload once, after them all.
 */
static void
schedule_reload (VankhoArticleListModel *self)
{
  set_loading (self, TRUE);
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle_cb, self);
}

static void
vankho_article_list_model_constructed (GObject *object)
{
  VankhoArticleListModel *self = (VankhoArticleListModel *)object;

  G_OBJECT_CLASS (vankho_article_list_model_parent_class)->constructed (object);

  g_assert (VANKHO_IS_LIBRARY (self->library));
  g_assert (VANKHO_IS_ARTICLE_FILTER (self->filter));

  g_signal_connect_object (self->filter, "changed", G_CALLBACK (schedule_reload),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library, "articles-changed", G_CALLBACK (schedule_reload),
                           self, G_CONNECT_SWAPPED);

  vankho_article_list_model_reload (self);
}

static void
vankho_article_list_model_dispose (GObject *object)
{
  VankhoArticleListModel *self = (VankhoArticleListModel *)object;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->filter);
  g_clear_object (&self->library);
  g_hash_table_remove_all (self->rows);

  G_OBJECT_CLASS (vankho_article_list_model_parent_class)->dispose (object);
}

static void
vankho_article_list_model_finalize (GObject *object)
{
  VankhoArticleListModel *self = (VankhoArticleListModel *)object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->match, g_free);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (vankho_article_list_model_parent_class)->finalize (object);
}

static void
vankho_article_list_model_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  VankhoArticleListModel *self = VANKHO_ARTICLE_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vankho_article_list_model_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  VankhoArticleListModel *self = VANKHO_ARTICLE_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_FILTER:
      self->filter = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vankho_article_list_model_class_init (VankhoArticleListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = vankho_article_list_model_constructed;
  object_class->dispose = vankho_article_list_model_dispose;
  object_class->finalize = vankho_article_list_model_finalize;
  object_class->get_property = vankho_article_list_model_get_property;
  object_class->set_property = vankho_article_list_model_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, VANKHO_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, VANKHO_TYPE_ARTICLE_FILTER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vankho_article_list_model_init (VankhoArticleListModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->rows = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

VankhoArticleListModel *
vankho_article_list_model_new (VankhoLibrary       *library,
                               VankhoArticleFilter *filter)
{
  g_return_val_if_fail (VANKHO_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (VANKHO_IS_ARTICLE_FILTER (filter), NULL);

  return g_object_new (VANKHO_TYPE_ARTICLE_LIST_MODEL,
                       "library", library,
                       "filter", filter,
                       NULL);
}

VankhoLibrary *
vankho_article_list_model_get_library (VankhoArticleListModel *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE_LIST_MODEL (self), NULL);

  return self->library;
}

VankhoArticleFilter *
vankho_article_list_model_get_filter (VankhoArticleListModel *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE_LIST_MODEL (self), NULL);

  return self->filter;
}

gboolean
vankho_article_list_model_get_loading (VankhoArticleListModel *self)
{
  g_return_val_if_fail (VANKHO_IS_ARTICLE_LIST_MODEL (self), FALSE);

  return self->loading;
}
