/* vankho-cli-places.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `vankho-cli places`: each province's article count, the numbers the map
 * colours by, for the 63 provinces or the 34 units of 2025.
 */

#include "config.h"

#include <inttypes.h>

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "vankho-boundaries.h"
#include "vankho-cli-json.h"
#include "vankho-cli-places.h"
#include "vankho-library-places.h"

typedef struct
{
  const VankhoBoundaryUnit *unit;
  gint64                    count;
} Row;

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *row_a = a;
  const Row *row_b = b;

  /* Most articles first, then by code, so the output is stable. */
  if (row_a->count != row_b->count)
    return row_a->count > row_b->count ? -1 : 1;

  return strcmp (vankho_boundary_unit_get_code (row_a->unit), vankho_boundary_unit_get_code (row_b->unit));
}

int
vankho_cli_command_places (int              argc,
                           char           **argv,
                           VankhoLibrary *(*open_library) (GError **error))
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(VankhoPlaceCounts) counts = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *era_name = NULL;
  gboolean json = FALSE;
  VankhoBoundaries *boundaries;
  VankhoEra era;
  const GOptionEntry entries[] = {
    { "era", 0, 0, G_OPTION_ARG_STRING, &era_name,
      N_("2008 for the 63 provinces (until 30/6/2025), 2025 for the 34 units (from 1/7/2025)"), N_("ERA") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Count the articles of each province. An article counts for the "
                                  "provinces it is mainly about, once for each."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("vankho-cli: %s\n", error->message);
      return 1;
    }
  if (argc > 1)
    {
      g_printerr ("vankho-cli: %s\n", _("places: takes no arguments"));
      return 1;
    }

  if (era_name == NULL || g_str_equal (era_name, "2008") || g_str_equal (era_name, "63"))
    era = VANKHO_ERA_2008;
  else if (g_str_equal (era_name, "2025") || g_str_equal (era_name, "34"))
    era = VANKHO_ERA_2025;
  else
    {
      g_printerr ("vankho-cli: ");
      g_printerr (_("--era must be 2008 or 2025, not “%s”"), era_name);
      g_printerr ("\n");
      return 1;
    }

  library = open_library (&error);
  if (library == NULL)
    {
      g_printerr ("vankho-cli: %s\n", error->message);
      return 1;
    }

  counts = vankho_library_count_places (library, NULL, NULL, &error);
  if (counts == NULL)
    {
      g_printerr ("vankho-cli: %s\n", error->message);
      return 2;
    }

  boundaries = vankho_boundaries_get_default (era);
  rows = g_array_new (FALSE, FALSE, sizeof (Row));
  for (guint i = 0; i < vankho_boundaries_get_n_units (boundaries); i++)
    {
      Row row;

      row.unit = vankho_boundaries_get_unit (boundaries, i);
      row.count = vankho_place_counts_get (counts, era, vankho_boundary_unit_get_code (row.unit));
      g_array_append_val (rows, row);
    }
  g_array_sort (rows, compare_rows);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "era");
      json_builder_add_int_value (builder, era == VANKHO_ERA_2008 ? 2008 : 2025);
      json_builder_set_member_name (builder, "articles");
      json_builder_add_int_value (builder, vankho_place_counts_get_n_articles (counts));
      json_builder_set_member_name (builder, "placed");
      json_builder_add_int_value (builder, vankho_place_counts_get_n_placed (counts));
      json_builder_set_member_name (builder, "provinces");
      json_builder_begin_array (builder);
      for (guint i = 0; i < rows->len; i++)
        {
          const Row *row = &g_array_index (rows, Row, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "code");
          json_builder_add_string_value (builder, vankho_boundary_unit_get_code (row->unit));
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, vankho_boundary_unit_get_name (row->unit));
          json_builder_set_member_name (builder, "count");
          json_builder_add_int_value (builder, row->count);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      vankho_cli_json_print (root);
      return 0;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      const char *name = vankho_boundary_unit_get_name (row->unit);
      /* Pad by characters, not bytes: the names are Vietnamese. */
      glong pad = MAX (0, 20 - g_utf8_strlen (name, -1));

      g_print ("%-6s %s%*s %6" G_GINT64_FORMAT "\n",
               vankho_boundary_unit_get_code (row->unit), name, (int) pad, "", row->count);
    }
  g_print ("\n");
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "%" PRId64 " article, %" PRId64 " with a province",
                        "%" PRId64 " articles, %" PRId64 " with a province",
                        vankho_place_counts_get_n_articles (counts)),
           vankho_place_counts_get_n_articles (counts), vankho_place_counts_get_n_placed (counts));
  g_print ("\n");

  return 0;
}
