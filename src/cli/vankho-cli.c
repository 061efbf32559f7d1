/* vankho-cli.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* vankho-cli: the archive from a terminal. Everything goes through src/core,
 * like the app. Exit codes: 0 success, 1 the user's input was wrong (bad
 * arguments, a file or library that cannot be used), 2 an internal failure.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <unistd.h>
#include <string.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>

#include "vankho-analysis.h"
#include "vankho-cli-common.h"
#include "vankho-cli-feeds.h"
#include "vankho-cli-places.h"
#include "vankho-cli-json.h"
#include "vankho-export.h"
#include "vankho-extractor.h"
#include "vankho-importer.h"
#include "vankho-library-documents.h"
#include "vankho-library.h"
#include "vankho-text.h"

typedef struct
{
  const char *name;
  const char *parameters;
  const char *summary;
  int (*run) (int argc, char **argv);
} Command;

static char *library_path;

static const GOptionEntry library_entries[] = {
  { "library", 'L', 0, G_OPTION_ARG_FILENAME, &library_path,
    N_("Use the library at PATH instead of the default one"), N_("PATH") },
  { NULL }
};

int
vankho_cli_report_error (const GError *error)
{
  gboolean internal;

  internal = (error->domain == VANKHO_LIBRARY_ERROR &&
              error->code == VANKHO_LIBRARY_ERROR_FAILED);

  g_printerr ("vankho-cli: %s\n", error->message);

  return internal ? EXIT_INTERNAL_ERROR : EXIT_USER_ERROR;
}

int
vankho_cli_usage_error (const char *message)
{
  g_printerr ("vankho-cli: %s\n", message);
  return EXIT_USER_ERROR;
}

GOptionContext *
vankho_cli_command_context_new (const char         *parameters,
                     const char         *summary,
                     const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, library_entries, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

gboolean
vankho_cli_parse_command (GOptionContext   *context,
               int              *argc,
               char           ***argv,
               int              *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = vankho_cli_usage_error (error->message);
      return FALSE;
    }

  return TRUE;
}

char *
vankho_cli_dup_library_path (void)
{
  return library_path ? g_strdup (library_path) : vankho_library_get_default_path ();
}

VankhoLibrary *
vankho_cli_open_library (GError **error)
{
  g_autofree char *path = vankho_cli_dup_library_path ();

  return vankho_library_open (path, error);
}

/* The commands that write read the whole library first: opening reads only
 * its header and list of tables, and a damaged library must not be written
 * to (about 4 s for 100 000 articles).
 */
VankhoLibrary *
vankho_cli_open_library_to_write (GError **error)
{
  g_autofree char *path = vankho_cli_dup_library_path ();

  /* Before opening, which may write (a migration); a new library has
   * nothing to check. */
  if (g_file_test (path, G_FILE_TEST_EXISTS) && !vankho_library_check_file (path, NULL, error))
    return NULL;

  return vankho_library_open (path, error);
}

static gboolean
parse_limit (int     limit,
             int    *status)
{
  if (limit < 0)
    {
      *status = vankho_cli_usage_error (_("--limit must be 0 (no limit) or more"));
      return FALSE;
    }
  return TRUE;
}

/* import */

static gboolean import_samples;
static gboolean import_quiet;

static const GOptionEntry import_entries[] = {
  { "samples", 0, 0, G_OPTION_ARG_NONE, &import_samples,
    N_("Add the sample articles that come with Văn Khố"), NULL },
  { "quiet", 'q', 0, G_OPTION_ARG_NONE, &import_quiet,
    N_("Print only the summary and the failures"), NULL },
  { NULL }
};

static void
import_progress_cb (guint       done,
                    guint       total,
                    const char *path,
                    gpointer    user_data)
{
  /* Only a terminal gets the running count; logs get the summary. */
  g_printerr ("\r");
  g_printerr (_("Importing %u of %u…"), done, total);
  if (done == total)
    g_printerr ("\n");
}

static int
command_import (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(VankhoImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *failures;
  gboolean ok = TRUE;
  int status = EXIT_OK;

  context = vankho_cli_command_context_new (_("PATH…"),
                                 _("Import text files, or every file in folders, into the library.\n"
                                   "Files are UTF-8 text; an optional first line ' date YYYY-MM'\n"
                                   "gives the month the article was published. The same text\n"
                                   "is never imported twice."),
                                 import_entries);
  if (!vankho_cli_parse_command (context, &argc, &argv, &status))
    return status;

  if (argc < 2 && !import_samples)
    return vankho_cli_usage_error (_("import: give at least one file or folder (or --samples)"));

  library = vankho_cli_open_library_to_write (&error);
  if (library == NULL)
    return vankho_cli_report_error (error);

  importer = vankho_importer_new (library);

  if (import_samples)
    ok = vankho_importer_import_samples (importer, NULL, &error);

  if (ok && argc >= 2)
    ok = vankho_importer_import_paths (importer, (const char * const *) argv + 1, NULL,
                                       (!import_quiet && isatty (STDERR_FILENO)) ? import_progress_cb : NULL,
                                       NULL, &error);

  failures = vankho_importer_get_failures (importer);
  for (guint i = 0; i < failures->len; i++)
    {
      VankhoImportFailure *failure = g_ptr_array_index (failures, i);
      g_autofree char *name = g_filename_display_name (failure->path);

      g_printerr (_("Skipped “%s”: %s\n"), name, failure->reason);
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Added %u article", "Added %u articles",
                        vankho_importer_get_n_added (importer)),
           vankho_importer_get_n_added (importer));
  g_print (", ");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u already in the library", "%u already in the library",
                        vankho_importer_get_n_duplicates (importer)),
           vankho_importer_get_n_duplicates (importer));
  g_print (", ");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u failed", "%u failed", failures->len), failures->len);
  g_print (".\n");

  if (!ok)
    return vankho_cli_report_error (error);

  return failures->len > 0 ? EXIT_USER_ERROR : EXIT_OK;
}

/* list and search */

static int list_limit = 50;
gboolean output_json;

static const GOptionEntry list_entries[] = {
  { "limit", 'n', 0, G_OPTION_ARG_INT, &list_limit,
    N_("Show at most N articles (0 for all)"), "N" },
  { "json", 0, 0, G_OPTION_ARG_NONE, &output_json,
    N_("Print JSON (see README.md)"), NULL },
  { NULL }
};

static const GOptionEntry json_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &output_json,
    N_("Print JSON (see README.md)"), NULL },
  { NULL }
};

static void
print_article_line (VankhoArticle *article,
                    gboolean       color)
{
  g_autofree char *published = vankho_article_dup_published_iso (article);
  const char *snippet = vankho_article_get_snippet (article);

  g_print ("%6" G_GINT64_FORMAT "  %-10s  %s\n",
           vankho_article_get_id (article),
           published ? published : "—",
           vankho_article_get_title (article));

  if (snippet != NULL)
    {
      g_autofree char *marked = vankho_text_format_snippet (snippet,
                                                            color ? "\033[1m" : "[",
                                                            color ? "\033[0m" : "]",
                                                            FALSE);
      g_print ("        %s\n", marked);
    }
}

static int
print_articles (VankhoLibrary *library,
                const char    *query)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *match = NULL;
  gboolean color = isatty (STDOUT_FILENO);
  VankhoArticleQuery article_query = { .text = (char *) query };

  ids = vankho_library_query_article_ids (library, &article_query, list_limit, &match, NULL, &error);
  if (ids == NULL)
    return vankho_cli_report_error (error);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(VankhoArticle) article = NULL;

      article = vankho_library_get_article_summary (library, g_array_index (ids, gint64, i),
                                                    match, &error);
      if (article == NULL)
        return vankho_cli_report_error (error);

      if (output_json)
        json_array_add_element (array, vankho_cli_json_article (article, FALSE));
      else
        print_article_line (article, color);
    }

  if (output_json)
    {
      g_autoptr(JsonNode) root = json_node_init_array (json_node_alloc (), array);
      vankho_cli_json_print (root);
    }
  else if (ids->len == 0)
    g_printerr (query ? _("No article matches “%s”.\n") : _("The library has no articles.\n"),
                query);

  return EXIT_OK;
}

static int
command_list (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  context = vankho_cli_command_context_new (NULL, _("List the articles, newest first."), list_entries);
  if (!vankho_cli_parse_command (context, &argc, &argv, &status) || !parse_limit (list_limit, &status))
    return status;
  if (argc > 1)
    return vankho_cli_usage_error (_("list: unexpected argument; did you mean “search”?"));

  library = vankho_cli_open_library (&error);
  if (library == NULL)
    return vankho_cli_report_error (error);

  return print_articles (library, NULL);
}

static int
command_search (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  int status = EXIT_OK;

  context = vankho_cli_command_context_new (_("QUERY"),
                                 _("Search the articles, best match first. Case, tone marks and đ\n"
                                   "do not matter: 'dang uy' finds 'Đảng ủy' and 'Đảng uỷ'.\n"
                                   "All words must match; \"a phrase\", prefix*, OR, -word (NOT).\n"
                                   "A document symbol such as 12-NQ/TW matches as written."),
                                 list_entries);
  if (!vankho_cli_parse_command (context, &argc, &argv, &status) || !parse_limit (list_limit, &status))
    return status;
  if (argc < 2)
    return vankho_cli_usage_error (_("search: give the words to search for"));

  query = g_strjoinv (" ", argv + 1);

  library = vankho_cli_open_library (&error);
  if (library == NULL)
    return vankho_cli_report_error (error);

  return print_articles (library, query);
}

/* show */

static int
command_show (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(VankhoArticle) article = NULL;
  g_autoptr(VankhoExtraction) extraction = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *published = NULL;
  GPtrArray *places;
  GPtrArray *citations;
  gint64 id;
  guint64 value;
  int status = EXIT_OK;

  context = vankho_cli_command_context_new (_("ID"), _("Show one article, with its text."), json_entries);
  if (!vankho_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return vankho_cli_usage_error (_("show: give one article id (see “vankho-cli list”)"));

  if (!g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &value, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not an article id"), argv[1]);
      return vankho_cli_usage_error (message);
    }
  id = (gint64) value;

  library = vankho_cli_open_library (&error);
  if (library == NULL)
    return vankho_cli_report_error (error);

  article = vankho_library_get_article (library, id, &error);
  if (article == NULL)
    return vankho_cli_report_error (error);

  extraction = vankho_library_load_extraction (library, id, &error);
  if (extraction == NULL)
    return vankho_cli_report_error (error);

  if (output_json)
    {
      g_autoptr(JsonNode) node = vankho_cli_json_article (article, TRUE);
      g_autoptr(JsonNode) found = vankho_extraction_to_json (extraction);
      JsonObject *object = json_node_get_object (node);
      JsonObject *found_object = json_node_get_object (found);
      const char *members[] = { "provinces", "citations", "events" };

      /* 'published' stays the article's own; the rest comes from extraction. */
      for (guint i = 0; i < G_N_ELEMENTS (members); i++)
        if (json_object_has_member (found_object, members[i]))
          json_object_set_member (object, members[i],
                                  json_node_copy (json_object_get_member (found_object, members[i])));

      vankho_cli_json_print (node);
      return EXIT_OK;
    }

  published = vankho_article_dup_published_iso (article);
  g_print ("%s\n", vankho_article_get_title (article));
  g_print ("%s: %s\n", _("Published"), published ? published : _("unknown"));
  if (vankho_article_get_outlet (article))
    g_print ("%s: %s\n", _("Outlet"), vankho_article_get_outlet (article));
  if (vankho_article_get_url (article))
    g_print ("%s: %s\n", _("Address"), vankho_article_get_url (article));

  places = vankho_extraction_get_places (extraction);
  for (guint i = 0; i < places->len; i++)
    {
      const VankhoPlace *place = g_ptr_array_index (places, i);

      g_print ("%s: %s (%s)\n",
               place->role == VANKHO_PLACE_ROLE_PRIMARY ? _("Province") : _("Also mentions"),
               place->name ? place->name : place->code, place->code);
    }

  citations = vankho_extraction_get_citations (extraction);
  for (guint i = 0; i < citations->len; i++)
    {
      const VankhoCitation *citation = g_ptr_array_index (citations, i);
      gboolean seen = FALSE;

      /* Once per document, however often the article names it. */
      for (guint j = 0; j < i && !seen; j++)
        seen = g_str_equal (((const VankhoCitation *) g_ptr_array_index (citations, j))->key, citation->key);
      if (!seen)
        g_print ("%s: %s %s\n", _("Cites"), citation->kind,
                 citation->symbol ? citation->symbol : citation->mention);
    }

  g_print ("\n%s\n", vankho_article_get_body (article));

  return EXIT_OK;
}

/* stats */

static int
command_stats (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  VankhoLibraryStats stats;
  int status = EXIT_OK;

  context = vankho_cli_command_context_new (NULL, _("Count what the library holds."), json_entries);
  if (!vankho_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vankho_cli_usage_error (_("stats: takes no arguments"));

  library = vankho_cli_open_library (&error);
  if (library == NULL)
    return vankho_cli_report_error (error);

  if (!vankho_library_get_stats (library, &stats, &error))
    return vankho_cli_report_error (error);

  if (output_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "library");
      json_builder_add_string_value (builder, vankho_library_get_path (library));
      json_builder_set_member_name (builder, "articles");
      json_builder_add_int_value (builder, stats.articles);
      json_builder_set_member_name (builder, "samples");
      json_builder_add_int_value (builder, stats.samples);
      json_builder_set_member_name (builder, "sources");
      json_builder_add_int_value (builder, stats.sources);
      json_builder_set_member_name (builder, "documents");
      json_builder_add_int_value (builder, stats.documents);
      json_builder_set_member_name (builder, "citations");
      json_builder_add_int_value (builder, stats.citations);
      json_builder_set_member_name (builder, "places");
      json_builder_add_int_value (builder, stats.places);
      json_builder_set_member_name (builder, "oldest");
      if (stats.oldest)
        json_builder_add_string_value (builder, stats.oldest);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "newest");
      if (stats.newest)
        json_builder_add_string_value (builder, stats.newest);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      vankho_cli_json_print (root);
    }
  else
    {
      g_print ("%s: %s\n", _("Library"), vankho_library_get_path (library));
      g_print ("%s: %" G_GINT64_FORMAT "\n", _("Articles"), stats.articles);
      g_print ("%s: %" G_GINT64_FORMAT "\n", _("Sample articles"), stats.samples);
      g_print ("%s: %" G_GINT64_FORMAT "\n", _("Documents"), stats.documents);
      g_print ("%s: %" G_GINT64_FORMAT "\n", _("Citations"), stats.citations);
      if (stats.oldest != NULL)
        g_print ("%s: %s – %s\n", _("Published"), stats.oldest, stats.newest);
    }

  vankho_library_stats_clear (&stats);

  return EXIT_OK;
}


/* extract */

static char *extract_url;

static const GOptionEntry extract_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &output_json,
    N_("Print JSON (see README.md)"), NULL },
  { "url", 0, 0, G_OPTION_ARG_STRING, &extract_url,
    N_("The article’s address, as a feed entry’s link would give it"), N_("URL") },
  { NULL }
};

static void
print_extraction (const char       *path,
                  VankhoExtraction *extraction)
{
  g_autofree char *published = vankho_date_to_iso (vankho_extraction_get_published (extraction));
  GPtrArray *places = vankho_extraction_get_places (extraction);
  GPtrArray *citations = vankho_extraction_get_citations (extraction);
  GPtrArray *events = vankho_extraction_get_events (extraction);

  g_print ("%s\n", path);
  g_print ("  %s: %s\n", _("Published"), published ? published : _("unknown"));
  for (guint i = 0; i < places->len; i++)
    {
      const VankhoPlace *place = g_ptr_array_index (places, i);
      g_print ("  %s: %s (%s, %s)\n",
               place->role == VANKHO_PLACE_ROLE_PRIMARY ? _("Province") : _("Also mentions"),
               place->name, place->code, place->evidence);
    }
  for (guint i = 0; i < citations->len; i++)
    {
      const VankhoCitation *citation = g_ptr_array_index (citations, i);
      g_print ("  %s: %s — “%s”\n", _("Cites"), citation->key, citation->mention);
    }
  for (guint i = 0; i < events->len; i++)
    {
      const VankhoEvent *event = g_ptr_array_index (events, i);
      g_print ("  %s: %s%s%s — %s\n", _("Event"), event->kind,
               event->period ? " " : "", event->period ? event->period : "",
               event->document ? event->document : "—");
    }
}

static int
command_extract (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  int status = EXIT_OK;

  context = vankho_cli_command_context_new (_("FILE…"),
                                 _("Show what Văn Khố finds in text files — date, provinces, cited\n"
                                   "documents, events — without storing anything."),
                                 extract_entries);
  if (!vankho_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return vankho_cli_usage_error (_("extract: give at least one file"));

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(VankhoArticle) article = NULL;
      g_autoptr(VankhoExtraction) extraction = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *name = g_filename_display_name (argv[i]);
      gsize len = 0;

      if (!g_file_get_contents (argv[i], &contents, &len, &error) ||
          len > VANKHO_IMPORT_MAX_FILE_SIZE ||
          (article = vankho_importer_parse_text (contents, len, &error)) == NULL)
        {
          g_printerr ("vankho-cli: “%s”: %s\n", name,
                      error ? error->message : _("larger than 20 MB"));
          status = EXIT_USER_ERROR;
          continue;
        }

      vankho_article_set_url (article, extract_url);
      extraction = vankho_analysis_run (article);

      if (output_json)
        {
          JsonNode *node = vankho_extraction_to_json (extraction);

          json_object_set_string_member (json_node_get_object (node), "file", argv[i]);
          json_array_add_element (array, node);
        }
      else
        print_extraction (name, extraction);
    }

  if (output_json)
    {
      g_autoptr(JsonNode) root = NULL;

      /* One file, one object; several, an array of them. */
      if (json_array_get_length (array) == 1 && argc == 2)
        root = json_node_copy (json_array_get_element (array, 0));
      else
        root = json_node_init_array (json_node_alloc (), array);
      vankho_cli_json_print (root);
    }

  return status;
}

/* reindex */

static void
reindex_progress_cb (guint    done,
                     guint    total,
                     gpointer user_data)
{
  g_printerr ("\r");
  g_printerr (_("Extracting %u of %u…"), done, total);
  if (done == total)
    g_printerr ("\n");
}

static int
command_reindex (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  guint n_done = 0;
  int status = EXIT_OK;

  context = vankho_cli_command_context_new (NULL,
                                 _("Run extraction again over every article of the library. Corrections\n"
                                   "made by the user are kept."),
                                 NULL);
  if (!vankho_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vankho_cli_usage_error (_("reindex: takes no arguments"));

  library = vankho_cli_open_library_to_write (&error);
  if (library == NULL)
    return vankho_cli_report_error (error);

  if (!vankho_analysis_reindex (library, NULL, isatty (STDERR_FILENO) ? reindex_progress_cb : NULL,
                                NULL, &n_done, &error))
    return vankho_cli_report_error (error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Extracted %u article again.\n",
                        "Extracted %u articles again.\n", n_done), n_done);
  return EXIT_OK;
}

/* documents */

static int
command_documents (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  int status = EXIT_OK;

  context = vankho_cli_command_context_new (NULL,
                                 _("List the documents the archive cites or the catalogue holds, with\n"
                                   "the number of articles citing each, most cited first."),
                                 json_entries);
  if (!vankho_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vankho_cli_usage_error (_("documents: takes no arguments"));

  library = vankho_cli_open_library (&error);
  if (library == NULL)
    return vankho_cli_report_error (error);

  documents = vankho_library_find_documents (library, NULL, VANKHO_DOCUMENT_GROUP_NONE,
                                             VANKHO_DOCUMENT_SORT_COUNT, NULL, &error);
  if (documents == NULL)
    return vankho_cli_report_error (error);

  for (guint i = 0; i < documents->len; i++)
    {
      const VankhoDocumentSummary *doc = g_ptr_array_index (documents, i);

      if (output_json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, doc->id);
#define ADD_STRING(name, value) \
          json_builder_set_member_name (builder, name); \
          if (value) json_builder_add_string_value (builder, value); \
          else json_builder_add_null_value (builder);
          ADD_STRING ("key", doc->key);
          ADD_STRING ("kind", doc->kind);
          ADD_STRING ("number", doc->number);
          ADD_STRING ("symbol", doc->symbol);
          ADD_STRING ("issuer", doc->issuer);
          ADD_STRING ("date", doc->issued);
          ADD_STRING ("title", doc->title);
          ADD_STRING ("latest_citation", doc->latest);
#undef ADD_STRING
          json_builder_set_member_name (builder, "articles");
          json_builder_add_int_value (builder, doc->n_articles);
          json_builder_end_object (builder);
          json_array_add_element (array, json_builder_get_root (builder));
        }
      else
        {
          const char *name = doc->symbol ? doc->symbol : doc->key;
          glong width = g_utf8_strlen (name, -1);

          /* Padded by characters: 'Đ' is two bytes. */
          g_print ("%5" G_GINT64_FORMAT "  %s%*s %s%s%s\n", doc->n_articles, name,
                   (int) MAX (0, 16 - width), "", doc->kind,
                   doc->issuer ? " — " : "", doc->issuer ? doc->issuer : "");
        }
    }

  if (output_json)
    {
      g_autoptr(JsonNode) root = json_node_init_array (json_node_alloc (), array);
      vankho_cli_json_print (root);
    }

  return EXIT_OK;
}


/* backup and restore */

static int
command_check (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  int status = EXIT_OK;

  context = vankho_cli_command_context_new (NULL,
                                            _("Read the whole library and say whether it is damaged. Nothing is\n"
                                              "written. import, reindex and sync run this check first."),
                                            NULL);
  if (!vankho_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vankho_cli_usage_error (_("check: takes no arguments"));

  /* Only read: not opened as a library, which could migrate it. */
  path = vankho_cli_dup_library_path ();
  if (!vankho_library_check_file (path, NULL, &error))
    return vankho_cli_report_error (error);

  name = g_filename_display_name (path);
  g_print (_("The library “%s” is sound.\n"), name);
  return EXIT_OK;
}

static int
command_backup (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int status = EXIT_OK;

  context = vankho_cli_command_context_new (_("[FILE]"),
                                            _("Write a consistent copy of the library, even while it is in use.\n"
                                              "Without FILE, the copy goes to the backups folder beside the library,\n"
                                              "named by the date; the last 3 are kept."),
                                            NULL);
  if (!vankho_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc > 2)
    return vankho_cli_usage_error (_("backup: give at most one file"));

  library = vankho_cli_open_library (&error);
  if (library == NULL)
    return vankho_cli_report_error (error);

  if (argc == 2)
    {
      if (!vankho_library_backup (library, argv[1], &error))
        return vankho_cli_report_error (error);
      path = g_strdup (argv[1]);
    }
  else
    {
      g_autofree char *dir = vankho_library_get_backup_dir (vankho_library_get_path (library));
      g_auto(GStrv) backups = NULL;

      if (!vankho_library_auto_backup (library, dir, 3, &path, &error))
        return vankho_cli_report_error (error);
      if (path == NULL)
        {
          backups = vankho_library_list_backups (dir);
          path = g_strdup (backups[0]);
        }
    }

  g_print (_("Backed up to %s\n"), path);
  return EXIT_OK;
}

static int
command_restore (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *library_path = NULL;
  g_autofree char *kept = NULL;
  int status = EXIT_OK;

  context = vankho_cli_command_context_new (_("BACKUP"),
                                            _("Replace the library by a backup. The backup is checked first; the\n"
                                              "library it replaces is kept beside it. Close Văn Khố first."),
                                            NULL);
  if (!vankho_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return vankho_cli_usage_error (_("restore: give the backup file to restore"));

  library_path = vankho_cli_dup_library_path ();
  if (!vankho_library_restore (library_path, argv[1], &kept, &error))
    return vankho_cli_report_error (error);

  if (kept != NULL)
    g_print (_("Restored; the previous library is kept as %s\n"), kept);
  else
    g_print (_("Restored.\n"));
  return EXIT_OK;
}


/* export */

static char *export_format;
static char *export_search;
static char *export_province;
static gint64 export_document;
static char *export_from;
static char *export_to;
static gboolean export_starred;
static gboolean export_unread;
static gint64 export_article;
static gint64 export_citations;
static gint64 export_implementation;

static const GOptionEntry export_entries[] = {
  { "format", 'f', 0, G_OPTION_ARG_STRING, &export_format, N_("csv, json, markdown (or text, for one article)"), N_("FORMAT") },
  { "search", 0, 0, G_OPTION_ARG_STRING, &export_search, N_("Only articles matching this search"), N_("QUERY") },
  { "province", 0, 0, G_OPTION_ARG_STRING, &export_province, N_("Only articles about this province (VN-30)"), N_("CODE") },
  { "document", 0, 0, G_OPTION_ARG_INT64, &export_document, N_("Only articles citing this document (see “documents --json”)"), N_("ID") },
  { "from", 0, 0, G_OPTION_ARG_STRING, &export_from, N_("Only articles published on or after this date"), N_("YYYY-MM-DD") },
  { "to", 0, 0, G_OPTION_ARG_STRING, &export_to, N_("Only articles published on or before this date"), N_("YYYY-MM-DD") },
  { "starred", 0, 0, G_OPTION_ARG_NONE, &export_starred, N_("Only starred articles"), NULL },
  { "unread", 0, 0, G_OPTION_ARG_NONE, &export_unread, N_("Only unread articles"), NULL },
  { "article", 0, 0, G_OPTION_ARG_INT64, &export_article, N_("One whole article, as markdown or text"), N_("ID") },
  { "citations", 0, 0, G_OPTION_ARG_INT64, &export_citations,
    N_("The articles citing a document, as CSV: date, province, events, sentence"), N_("ID") },
  { "implementation", 0, 0, G_OPTION_ARG_INT64, &export_implementation,
    N_("A document’s implementation table (province, event, earliest date), as CSV"), N_("ID") },
  { NULL }
};

static int
command_export (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  VankhoExportFormat format = VANKHO_EXPORT_CSV;
  VankhoDate date;
  guint n = 0;
  int status = EXIT_OK;

  context = vankho_cli_command_context_new (_("[FILE]"),
                                            _("Write the articles a filter selects as CSV, JSON or Markdown, or one\n"
                                              "article as Markdown or text, to FILE or to the standard output."),
                                            export_entries);
  if (!vankho_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc > 2)
    return vankho_cli_usage_error (_("export: give at most one output file"));
  if (export_format != NULL && !vankho_export_format_from_name (export_format, &format))
    {
      g_autofree char *message = g_strdup_printf (_("export: unknown format “%s”; use csv, json, markdown or text"),
                                                  export_format);
      return vankho_cli_usage_error (message);
    }
  if ((export_from != NULL && !vankho_date_parse_iso (&date, export_from)) ||
      (export_to != NULL && !vankho_date_parse_iso (&date, export_to)))
    return vankho_cli_usage_error (_("export: dates are written YYYY-MM-DD, YYYY-MM or YYYY"));

  library = vankho_cli_open_library (&error);
  if (library == NULL)
    return vankho_cli_report_error (error);

  if (argc == 2)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);

      out = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error));
      if (out == NULL)
        return vankho_cli_report_error (error);
    }
  else
    out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

  if (export_citations > 0 || export_implementation > 0)
    {
      gboolean ok = export_citations > 0
                    ? vankho_export_citations (library, export_citations, out, &error)
                    : vankho_export_implementation (library, export_implementation, out, &error);

      if (!ok)
        return vankho_cli_report_error (error);
    }
  else if (export_article > 0)
    {
      g_autofree char *text = vankho_export_article (library, export_article,
                                                     format == VANKHO_EXPORT_TEXT ? VANKHO_EXPORT_TEXT
                                                                                  : VANKHO_EXPORT_MARKDOWN,
                                                     &error);

      if (text == NULL || !g_output_stream_write_all (out, text, strlen (text), NULL, NULL, &error))
        return vankho_cli_report_error (error);
    }
  else
    {
      VankhoArticleQuery query = {
        .text = export_search,
        .province = export_province,
        .document_id = export_document,
        .date_from = export_from,
        .date_to = export_to,
        .starred_only = export_starred,
        .unread_only = export_unread,
      };

      if (!vankho_export_articles (library, &query, format, out, &n, NULL, &error))
        return vankho_cli_report_error (error);
      if (argc == 2)
        g_printerr (g_dngettext (GETTEXT_PACKAGE, "Exported %u article.\n", "Exported %u articles.\n", n), n);
    }

  if (!g_output_stream_close (out, NULL, &error))
    return vankho_cli_report_error (error);

  return EXIT_OK;
}

static int
command_places (int    argc,
                char **argv)
{
  return vankho_cli_command_places (argc, argv, vankho_cli_open_library);
}

static const Command commands[] = {
  { "import", N_("PATH…"), N_("Import text files and folders"), command_import },
  { "list", NULL, N_("List articles, newest first"), command_list },
  { "search", N_("QUERY"), N_("Search articles"), command_search },
  { "show", N_("ID"), N_("Show one article"), command_show },
  { "stats", NULL, N_("Count what the library holds"), command_stats },
  { "extract", N_("FILE…"), N_("Show what extraction finds in files"), command_extract },
  { "reindex", NULL, N_("Run extraction again over the library"), command_reindex },
  { "documents", NULL, N_("List the cited documents"), command_documents },
  { "places", NULL, N_("Count articles by province"), command_places },
  { "export", N_("[FILE]"), N_("Export articles as CSV, JSON or Markdown"), command_export },
  { "feed", N_("add|list|remove|import-opml|export-opml"), N_("Manage subscribed feeds"), vankho_cli_command_feed },
  { "sync", NULL, N_("Fetch new articles from the feeds"), vankho_cli_command_sync },
  { "parse-feed", N_("FILE"), N_("Show a feed file as Văn Khố reads it"), vankho_cli_command_parse_feed },
  { "check", NULL, N_("Look for damage in the library"), command_check },
  { "backup", N_("[FILE]"), N_("Copy the library safely"), command_backup },
  { "restore", N_("BACKUP"), N_("Replace the library by a backup"), command_restore },
};

static char *
commands_description (void)
{
  GString *text = g_string_new (_("Commands:"));

  g_string_append_c (text, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("%s %s", commands[i].name,
                                                commands[i].parameters ? _(commands[i].parameters) : "");
      glong width = g_utf8_strlen (usage, -1);

      /* Padded by characters, not bytes: Vietnamese takes several a letter. */
      g_string_append_printf (text, "  %s", usage);
      if (width < 22)
        g_string_append_printf (text, "%*s", (int) (22 - width), "");
      else
        g_string_append (text, "\n                        ");
      g_string_append_printf (text, " %s\n", _(commands[i].summary));
    }
  g_string_append_c (text, '\n');
  g_string_append (text, _("“vankho-cli COMMAND --help” tells more about each command."));

  return g_string_free (text, FALSE);
}

static void
setup_locale (void)
{
  const char *localedir = g_getenv ("VANKHO_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gboolean show_version = FALSE;
  const GOptionEntry main_entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &show_version, N_("Print the version and exit"), NULL },
    { NULL }
  };
  int status;

  setup_locale ();
  g_set_prgname ("vankho-cli");

  context = g_option_context_new (_("COMMAND [ARGUMENTS…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Văn Khố: an archive of news on how resolutions on the "
                                           "People's Public Security force are carried out."));
  description = commands_description ();
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, library_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, main_entries, GETTEXT_PACKAGE);
  /* Stop at the command: what follows belongs to it. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return vankho_cli_usage_error (error->message);

  if (show_version)
    {
      g_print ("vankho-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
      return EXIT_USER_ERROR;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (argv[1], commands[i].name) == 0)
        {
          g_autofree char *prgname = g_strdup_printf ("vankho-cli %s", commands[i].name);

          g_set_prgname (prgname);
          status = commands[i].run (argc - 1, argv + 1);
          g_clear_pointer (&library_path, g_free);
          return status;
        }
    }

  {
    g_autofree char *message = g_strdup_printf (_("unknown command “%s”; see “vankho-cli --help”"),
                                                argv[1]);
    return vankho_cli_usage_error (message);
  }
}
