/* vankho-extraction.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vankho-extraction.h"

struct _VankhoExtraction
{
  GObject     parent_instance;

  VankhoDate  published;
  double      published_confidence;
  gboolean    published_inferred;
  GPtrArray  *places;
  GPtrArray  *citations;
  GPtrArray  *events;
};

G_DEFINE_FINAL_TYPE (VankhoExtraction, vankho_extraction, G_TYPE_OBJECT)

static void
place_free (gpointer data)
{
  VankhoPlace *place = data;

  g_free (place->code);
  g_free (place->name);
  g_free (place);
}

static void
citation_free (gpointer data)
{
  VankhoCitation *citation = data;

  g_free (citation->key);
  g_free (citation->kind);
  g_free (citation->number);
  g_free (citation->symbol);
  g_free (citation->issuer);
  g_free (citation->title);
  g_free (citation->mention);
  g_free (citation->sentence);
  g_free (citation);
}

static void
event_free (gpointer data)
{
  VankhoEvent *event = data;

  g_free (event->period);
  g_free (event->document);
  g_free (event);
}

static void
vankho_extraction_finalize (GObject *object)
{
  VankhoExtraction *self = (VankhoExtraction *)object;

  g_clear_pointer (&self->places, g_ptr_array_unref);
  g_clear_pointer (&self->citations, g_ptr_array_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);

  G_OBJECT_CLASS (vankho_extraction_parent_class)->finalize (object);
}

static void
vankho_extraction_class_init (VankhoExtractionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vankho_extraction_finalize;
}

static void
vankho_extraction_init (VankhoExtraction *self)
{
  self->places = g_ptr_array_new_with_free_func (place_free);
  self->citations = g_ptr_array_new_with_free_func (citation_free);
  self->events = g_ptr_array_new_with_free_func (event_free);
}

VankhoExtraction *
vankho_extraction_new (void)
{
  return g_object_new (VANKHO_TYPE_EXTRACTION, NULL);
}

/**
 * vankho_extraction_get_published:
 *
 * Returns: (transfer none): the publication date; its precision is
 *   %VANKHO_DATE_PRECISION_UNKNOWN when nothing told it
 */
const VankhoDate *
vankho_extraction_get_published (VankhoExtraction *self)
{
  g_return_val_if_fail (VANKHO_IS_EXTRACTION (self), NULL);
  return &self->published;
}

/**
 * vankho_extraction_get_published_confidence:
 *
 * Returns: from 0 (a guess) to 1 (the article's own dateline with a year)
 */
double
vankho_extraction_get_published_confidence (VankhoExtraction *self)
{
  g_return_val_if_fail (VANKHO_IS_EXTRACTION (self), 0.0);
  return self->published_confidence;
}

/**
 * vankho_extraction_get_published_inferred:
 *
 * Returns: %TRUE when the year (or the whole date) was not written next to
 *   the day in the text but taken from the header, the feed or the context
 */
gboolean
vankho_extraction_get_published_inferred (VankhoExtraction *self)
{
  g_return_val_if_fail (VANKHO_IS_EXTRACTION (self), FALSE);
  return self->published_inferred;
}

void
vankho_extraction_set_published (VankhoExtraction *self,
                                 const VankhoDate *date,
                                 double            confidence,
                                 gboolean          inferred)
{
  g_return_if_fail (VANKHO_IS_EXTRACTION (self));
  g_return_if_fail (date != NULL);

  self->published = *date;
  self->published_confidence = CLAMP (confidence, 0.0, 1.0);
  self->published_inferred = inferred;
}

/**
 * vankho_extraction_get_places:
 *
 * Returns: (transfer none) (element-type VankhoPlace): primary places first
 */
GPtrArray *
vankho_extraction_get_places (VankhoExtraction *self)
{
  g_return_val_if_fail (VANKHO_IS_EXTRACTION (self), NULL);
  return self->places;
}

/**
 * vankho_extraction_get_citations:
 *
 * Returns: (transfer none) (element-type VankhoCitation): in text order
 */
GPtrArray *
vankho_extraction_get_citations (VankhoExtraction *self)
{
  g_return_val_if_fail (VANKHO_IS_EXTRACTION (self), NULL);
  return self->citations;
}

/**
 * vankho_extraction_get_events:
 *
 * Returns: (transfer none) (element-type VankhoEvent)
 */
GPtrArray *
vankho_extraction_get_events (VankhoExtraction *self)
{
  g_return_val_if_fail (VANKHO_IS_EXTRACTION (self), NULL);
  return self->events;
}

/**
 * vankho_extraction_get_primary_place:
 *
 * Returns: (nullable): the first primary place
 */
const VankhoPlace *
vankho_extraction_get_primary_place (VankhoExtraction *self)
{
  g_return_val_if_fail (VANKHO_IS_EXTRACTION (self), NULL);

  for (guint i = 0; i < self->places->len; i++)
    {
      const VankhoPlace *place = g_ptr_array_index (self->places, i);

      if (place->role == VANKHO_PLACE_ROLE_PRIMARY)
        return place;
    }
  return NULL;
}

VankhoPlace *
vankho_extraction_add_place (VankhoExtraction *self)
{
  VankhoPlace *place = g_new0 (VankhoPlace, 1);

  place->offset = -1;
  g_ptr_array_add (self->places, place);
  return place;
}

VankhoCitation *
vankho_extraction_add_citation (VankhoExtraction *self)
{
  VankhoCitation *citation = g_new0 (VankhoCitation, 1);

  g_ptr_array_add (self->citations, citation);
  return citation;
}

VankhoEvent *
vankho_extraction_add_event (VankhoExtraction *self)
{
  VankhoEvent *event = g_new0 (VankhoEvent, 1);

  g_ptr_array_add (self->events, event);
  return event;
}

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_date (JsonBuilder      *builder,
          const char       *member,
          const VankhoDate *date)
{
  g_autofree char *iso = vankho_date_to_iso (date);

  add_nullable_string (builder, member, iso);
}

/**
 * vankho_extraction_to_json:
 *
 * The object `vankho-cli extract --json` prints: published,
 * published_precision, provinces, citations, events.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
vankho_extraction_to_json (VankhoExtraction *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (VANKHO_IS_EXTRACTION (self), NULL);

  json_builder_begin_object (builder);

  add_date (builder, "published", &self->published);
  add_nullable_string (builder, "published_precision",
                       vankho_date_precision_to_string (self->published.precision));

  json_builder_set_member_name (builder, "provinces");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->places->len; i++)
    {
      const VankhoPlace *place = g_ptr_array_index (self->places, i);

      json_builder_begin_object (builder);
      add_nullable_string (builder, "code", place->code);
      add_nullable_string (builder, "name", place->name);
      add_nullable_string (builder, "role",
                           place->role == VANKHO_PLACE_ROLE_PRIMARY ? "primary" : "mentioned");
      add_nullable_string (builder, "evidence", place->evidence);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "citations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->citations->len; i++)
    {
      const VankhoCitation *citation = g_ptr_array_index (self->citations, i);

      json_builder_begin_object (builder);
      add_nullable_string (builder, "key", citation->key);
      add_nullable_string (builder, "kind", citation->kind);
      add_nullable_string (builder, "number", citation->number);
      add_nullable_string (builder, "symbol", citation->symbol);
      add_nullable_string (builder, "issuer", citation->issuer);
      add_date (builder, "date", &citation->date);
      add_nullable_string (builder, "mention", citation->mention);
      json_builder_set_member_name (builder, "offset");
      json_builder_add_int_value (builder, citation->offset);
      json_builder_set_member_name (builder, "length");
      json_builder_add_int_value (builder, citation->length);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->events->len; i++)
    {
      const VankhoEvent *event = g_ptr_array_index (self->events, i);

      json_builder_begin_object (builder);
      add_nullable_string (builder, "kind", event->kind);
      add_nullable_string (builder, "period", event->period);
      add_nullable_string (builder, "document", event->document);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
