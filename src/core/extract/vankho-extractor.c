/* vankho-extractor.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The façade: runs the date, place, citation and event extractors over one
 * article. Pure: text and reference data in, results out. An extractor
 * holds only read-only reference data, so one can serve many threads.
 */

#include "config.h"

#include <string.h>

#include "vankho-citation-extractor.h"
#include "vankho-date-extractor.h"
#include "vankho-event-extractor.h"
#include "vankho-extract-text.h"
#include "vankho-extract-tsv.h"
#include "vankho-extractor.h"
#include "vankho-place-extractor.h"

struct _VankhoExtractor
{
  GObject          parent_instance;

  VankhoGazetteer *gazetteer;
  VankhoCatalogue *catalogue;
  GPtrArray       *event_words;
};

G_DEFINE_FINAL_TYPE (VankhoExtractor, vankho_extractor, G_TYPE_OBJECT)

static void
vankho_extractor_dispose (GObject *object)
{
  VankhoExtractor *self = (VankhoExtractor *)object;

  g_clear_object (&self->gazetteer);
  g_clear_object (&self->catalogue);

  G_OBJECT_CLASS (vankho_extractor_parent_class)->dispose (object);
}

static void
vankho_extractor_finalize (GObject *object)
{
  VankhoExtractor *self = (VankhoExtractor *)object;

  g_clear_pointer (&self->event_words, g_ptr_array_unref);

  G_OBJECT_CLASS (vankho_extractor_parent_class)->finalize (object);
}

static void
vankho_extractor_class_init (VankhoExtractorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vankho_extractor_dispose;
  object_class->finalize = vankho_extractor_finalize;
}

static void
vankho_extractor_init (VankhoExtractor *self)
{
}

/**
 * vankho_extractor_new:
 * @events: the contents of events.tsv
 *
 * Returns: (transfer full): an extractor over the given reference data
 */
VankhoExtractor *
vankho_extractor_new (VankhoGazetteer *gazetteer,
                      VankhoCatalogue *catalogue,
                      GBytes          *events)
{
  VankhoExtractor *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (VANKHO_IS_GAZETTEER (gazetteer), NULL);
  g_return_val_if_fail (VANKHO_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (events != NULL, NULL);

  self = g_object_new (VANKHO_TYPE_EXTRACTOR, NULL);
  self->gazetteer = g_object_ref (gazetteer);
  self->catalogue = g_object_ref (catalogue);
  self->event_words = vankho_event_extractor_load (events, &error);
  if (self->event_words == NULL)
    {
      g_critical ("Cannot read the event phrases: %s", error->message);
      self->event_words = g_ptr_array_new ();
    }

  return self;
}

static gpointer
load_default (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VankhoGazetteer) gazetteer = NULL;
  g_autoptr(VankhoCatalogue) catalogue = NULL;
  g_autoptr(GBytes) events = NULL;

  /* The data is compiled into the program: failing to read it is a
   * packaging bug, not a user error.
   */
  if (!(gazetteer = vankho_gazetteer_new_from_resource (&error))
      || !(catalogue = vankho_catalogue_new_from_resource (&error))
      || !(events = vankho_extract_tsv_load_resource ("events.tsv", &error)))
    g_error ("Cannot load the extraction data: %s", error->message);

  return vankho_extractor_new (gazetteer, catalogue, events);
}

/**
 * vankho_extractor_get_default:
 *
 * The extractor over the data shipped in the GResource, loaded once.
 * Thread-safe.
 *
 * Returns: (transfer none): the default extractor
 */
VankhoExtractor *
vankho_extractor_get_default (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, load_default, NULL);
  return once.retval;
}

/**
 * vankho_extractor_get_gazetteer:
 *
 * Returns: (transfer none): the gazetteer, for lookups in the UI
 */
VankhoGazetteer *
vankho_extractor_get_gazetteer (VankhoExtractor *self)
{
  g_return_val_if_fail (VANKHO_IS_EXTRACTOR (self), NULL);
  return self->gazetteer;
}

/**
 * vankho_extractor_get_catalogue:
 *
 * Returns: (transfer none): the document catalogue
 */
VankhoCatalogue *
vankho_extractor_get_catalogue (VankhoExtractor *self)
{
  g_return_val_if_fail (VANKHO_IS_EXTRACTOR (self), NULL);
  return self->catalogue;
}

static int
compare_place_roles (gconstpointer a,
                     gconstpointer b)
{
  const VankhoPlace *pa = *(const VankhoPlace * const *) a;
  const VankhoPlace *pb = *(const VankhoPlace * const *) b;

  return (int) pa->role - (int) pb->role;
}

/* From 1/7/2025 a former province named beside the unit that took it in
 * ('Bắc Kạn', 'Ninh Thuận (cũ)' in an article of the new Thái Nguyên or
 * Khánh Hòa) is that unit's past, not a second subject.
 */
static void
demote_former_provinces (VankhoGazetteer   *gaz,
                         VankhoExtraction  *result,
                         const VankhoDate  *published)
{
  GPtrArray *places = vankho_extraction_get_places (result);
  gboolean demoted = FALSE;

  if (published->precision == VANKHO_DATE_PRECISION_UNKNOWN
      || published->year * 100 + published->month < 202507)
    return;

  for (guint i = 0; i < places->len; i++)
    {
      VankhoPlace *place = g_ptr_array_index (places, i);
      const VankhoProvince *province = vankho_gazetteer_get_province (gaz, place->code);

      if (place->role != VANKHO_PLACE_ROLE_PRIMARY || province == NULL
          || province->unit2025 == NULL || strcmp (province->unit2025, place->code) == 0)
        continue;
      for (guint k = 0; k < places->len; k++)
        {
          const VankhoPlace *unit = g_ptr_array_index (places, k);

          if (unit->role == VANKHO_PLACE_ROLE_PRIMARY && strcmp (unit->code, province->unit2025) == 0)
            {
              place->role = VANKHO_PLACE_ROLE_MENTIONED;
              demoted = TRUE;
              break;
            }
        }
    }

  /* Primary places come first; g_ptr_array_sort() is stable. */
  if (demoted)
    g_ptr_array_sort (places, compare_place_roles);
}

/**
 * vankho_extractor_run:
 * @input: the article
 *
 * Finds the article's publication date, provinces, cited documents and the
 * events it reports. Offsets are bytes into @input's body. Never fails:
 * bad input gives fewer results.
 *
 * Returns: (transfer full): the results
 */
VankhoExtraction *
vankho_extractor_run (VankhoExtractor          *self,
                      const VankhoExtractInput *input)
{
  g_autoptr(VankhoExtraction) result = NULL;
  g_autoptr(VankhoExtractText) body = NULL;
  g_autoptr(VankhoExtractText) title = NULL;
  g_autoptr(GArray) spans = NULL;
  const VankhoPlace *primary;
  VankhoDateGuess guess;
  const char *text;

  g_return_val_if_fail (VANKHO_IS_EXTRACTOR (self), NULL);
  g_return_val_if_fail (input != NULL, NULL);

  result = vankho_extraction_new ();
  text = input->body != NULL ? input->body : "";
  body = vankho_extract_text_new (text, strlen (text));
  if (input->title != NULL && input->title[0] != '\0')
    title = vankho_extract_text_new (input->title, strlen (input->title));

  vankho_date_extractor_run (body, &input->header_date, &input->feed_date, &guess);
  vankho_extraction_set_published (result, &guess.date, guess.confidence, guess.inferred);

  vankho_place_extractor_run (self->gazetteer, body, title, input->url, input->byline, result);
  demote_former_provinces (self->gazetteer, result, &guess.date);
  primary = vankho_extraction_get_primary_place (result);

  spans = g_array_new (FALSE, FALSE, sizeof (VankhoCitationSpan));
  vankho_citation_extractor_run (self->catalogue, self->gazetteer, body,
                                 primary != NULL ? primary->code : NULL, result, spans);
  vankho_event_extractor_run (self->event_words, body, spans, result);

  return g_steal_pointer (&result);
}
