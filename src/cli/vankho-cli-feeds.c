/* vankho-cli-feeds.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* vankho-cli feed …, sync and parse-feed. */

#include "config.h"

#include <inttypes.h>

#include <stdio.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "vankho-cli-common.h"
#include "vankho-cli-feeds.h"
#include "vankho-cli-json.h"
#include "vankho-feed-parser.h"
#include "vankho-feed-sync.h"
#include "vankho-library-feeds.h"
#include "vankho-opml.h"

static gboolean delete_articles;

static const GOptionEntry feed_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &output_json, N_("Print JSON (see README.md)"), NULL },
  { "delete-articles", 0, 0, G_OPTION_ARG_NONE, &delete_articles,
    N_("feed remove: delete the feed’s articles too (they are kept otherwise)"), NULL },
  { NULL }
};

static JsonNode *
feed_to_json (const VankhoFeedSource *feed)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
#define STRING(name, value) \
  json_builder_set_member_name (builder, name); \
  if (value) json_builder_add_string_value (builder, value); else json_builder_add_null_value (builder);
#define INT(name, value) \
  json_builder_set_member_name (builder, name); json_builder_add_int_value (builder, value);
  INT ("id", feed->id);
  STRING ("url", feed->url);
  STRING ("title", feed->title);
  STRING ("site", feed->site_url);
  json_builder_set_member_name (builder, "enabled");
  json_builder_add_boolean_value (builder, feed->enabled);
  INT ("last_checked", feed->last_checked);
  INT ("last_status", feed->last_status);
  STRING ("last_error", feed->last_error);
  INT ("new_items", feed->new_items);
  INT ("articles", feed->n_articles);
#undef STRING
#undef INT
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static int
feed_list (VankhoLibrary *library)
{
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(GError) error = NULL;

  feeds = vankho_library_list_feeds (library, &error);
  if (feeds == NULL)
    return vankho_cli_report_error (error);

  for (guint i = 0; i < feeds->len; i++)
    {
      const VankhoFeedSource *feed = g_ptr_array_index (feeds, i);

      if (output_json)
        json_array_add_element (array, feed_to_json (feed));
      else
        g_print ("%4" G_GINT64_FORMAT "  %s%s\n      %s — %s\n", feed->id, feed->title ? feed->title : feed->url,
                 feed->enabled ? "" : _(" (off)"), feed->url,
                 feed->last_error ? feed->last_error
                                  : feed->last_checked ? _("working") : _("not synced yet"));
    }

  if (output_json)
    {
      g_autoptr(JsonNode) root = json_node_init_array (json_node_alloc (), array);
      vankho_cli_json_print (root);
    }
  else if (feeds->len == 0)
    g_printerr ("%s\n", _("No feeds yet; add one with “vankho-cli feed add URL”."));

  return EXIT_OK;
}

static int
feed_import_opml (VankhoLibrary *library,
                  const char    *path)
{
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;
  guint added = 0;

  if (!g_file_get_contents (path, &contents, &len, &error) ||
      (feeds = vankho_opml_parse (contents, len, &error)) == NULL)
    {
      g_autofree char *name = g_filename_display_name (path);
      g_prefix_error (&error, "“%s”: ", name);
      return vankho_cli_report_error (error);
    }

  for (guint i = 0; i < feeds->len; i++)
    {
      const VankhoOpmlFeed *feed = g_ptr_array_index (feeds, i);
      g_autoptr(GError) add_error = NULL;

      if (vankho_library_add_feed (library, feed->url, feed->title, &add_error) > 0)
        added++;
      else
        g_printerr ("%s\n", add_error->message);
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Added %u feed.\n", "Added %u feeds.\n", added), added);
  return EXIT_OK;
}

static int
feed_export_opml (VankhoLibrary *library)
{
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GPtrArray) opml = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  feeds = vankho_library_list_feeds (library, &error);
  if (feeds == NULL)
    return vankho_cli_report_error (error);

  for (guint i = 0; i < feeds->len; i++)
    {
      const VankhoFeedSource *source = g_ptr_array_index (feeds, i);
      VankhoOpmlFeed *feed = g_new0 (VankhoOpmlFeed, 1);

      /* Borrowed: the array frees only the struct. */
      feed->url = source->url;
      feed->title = source->title;
      g_ptr_array_add (opml, feed);
    }

  text = vankho_opml_write (opml);
  fputs (text, stdout);

  return EXIT_OK;
}

int
vankho_cli_command_feed (int    argc,
                         char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  const char *action;
  int status = EXIT_OK;

  context = vankho_cli_command_context_new (_("ACTION [ARGUMENT]"),
                                            _("Manage the subscribed feeds:\n"
                                              "  add URL            subscribe to a feed\n"
                                              "  list               the feeds and how their last sync went\n"
                                              "  remove ID          unsubscribe (the articles stay)\n"
                                              "  import-opml FILE   subscribe to the feeds of an OPML file\n"
                                              "  export-opml        print the feeds as OPML"),
                                            feed_entries);
  if (!vankho_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return vankho_cli_usage_error (_("feed: say what to do: add, list, remove, import-opml or export-opml"));

  action = argv[1];
  library = vankho_cli_open_library (&error);
  if (library == NULL)
    return vankho_cli_report_error (error);

  if (g_str_equal (action, "add") && argc == 3)
    {
      gint64 id = vankho_library_add_feed (library, argv[2], NULL, &error);

      if (id == 0)
        return vankho_cli_report_error (error);
      g_print (_("Added feed %" PRId64 "; “vankho-cli sync” fetches it.\n"), id);
      return EXIT_OK;
    }
  if (g_str_equal (action, "list") && argc == 2)
    return feed_list (library);
  if (g_str_equal (action, "remove") && argc == 3)
    {
      guint64 id;

      if (!g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXINT64, &id, NULL))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a feed id"), argv[2]);
          return vankho_cli_usage_error (message);
        }
      if (!vankho_library_remove_feed (library, id, !delete_articles, &error))
        return vankho_cli_report_error (error);
      return EXIT_OK;
    }
  if (g_str_equal (action, "import-opml") && argc == 3)
    return feed_import_opml (library, argv[2]);
  if (g_str_equal (action, "export-opml") && argc == 2)
    return feed_export_opml (library);

  {
    g_autofree char *message = g_strdup_printf (_("feed: cannot “%s” with these arguments; see "
                                                  "“vankho-cli feed --help”"), action);
    return vankho_cli_usage_error (message);
  }
}

static gint64 sync_feed_id;

static const GOptionEntry sync_entries[] = {
  { "feed", 0, 0, G_OPTION_ARG_INT64, &sync_feed_id, N_("Sync only the feed with this id"), N_("ID") },
  { NULL }
};

static void
sync_progress_cb (guint                       done,
                  guint                       total,
                  const VankhoFeedSyncResult *result,
                  gpointer                    user_data)
{
  g_autofree char *outcome = NULL;

  if (result->error != NULL)
    outcome = g_strdup (result->error);
  else
    outcome = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new article", "%u new articles",
                                            result->new_items), result->new_items);

  g_printerr ("[%u/%u] %s: %s\n", done, total, result->title, outcome);
}

int
vankho_cli_command_sync (int    argc,
                         char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VankhoLibrary) library = NULL;
  g_autoptr(VankhoFeedSync) sync = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *results;
  guint failed = 0;
  int status = EXIT_OK;

  context = vankho_cli_command_context_new (NULL, _("Fetch new articles from every enabled feed."), sync_entries);
  if (!vankho_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vankho_cli_usage_error (_("sync: takes no arguments"));

  /* Check the library before the network. */
  library = vankho_cli_open_library_to_write (&error);
  if (library == NULL)
    return vankho_cli_report_error (error);

  sync = vankho_feed_sync_new (vankho_library_get_path (library));
  if (!vankho_feed_sync_run (sync, sync_feed_id, TRUE, NULL,
                             isatty (STDERR_FILENO) ? sync_progress_cb : NULL, NULL, &error))
    return vankho_cli_report_error (error);

  results = vankho_feed_sync_get_results (sync);
  for (guint i = 0; i < results->len; i++)
    {
      const VankhoFeedSyncResult *result = g_ptr_array_index (results, i);

      if (result->error != NULL)
        {
          failed++;
          if (!isatty (STDERR_FILENO))
            g_printerr ("%s: %s\n", result->title, result->error);
        }
    }

  g_print (_("Synced %u feeds: %u new articles, %u failed.\n"), results->len,
           vankho_feed_sync_get_n_new (sync), failed);

  return failed > 0 ? EXIT_USER_ERROR : EXIT_OK;
}

static char *parse_base_url;

static const GOptionEntry parse_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &output_json, N_("Print JSON (the default)"), NULL },
  { "base", 0, 0, G_OPTION_ARG_STRING, &parse_base_url, N_("Resolve relative links against URL"), N_("URL") },
  { NULL }
};

int
vankho_cli_command_parse_feed (int    argc,
                               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VankhoFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize len = 0;
  int status = EXIT_OK;

  context = vankho_cli_command_context_new (_("FILE"),
                                            _("Parse an RSS, RDF or Atom file and print what Văn Khố reads in it,\n"
                                              "as JSON, without storing anything."), parse_entries);
  if (!vankho_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return vankho_cli_usage_error (_("parse-feed: give one feed file"));

  name = g_filename_display_name (argv[1]);
  if (!g_file_get_contents (argv[1], &contents, &len, &error))
    return vankho_cli_report_error (error);

  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  feed = vankho_feed_parse (bytes, parse_base_url, &error);
  if (feed == NULL)
    {
      g_printerr ("vankho-cli: “%s”: %s\n", name, error->message);
      return EXIT_USER_ERROR;
    }

  root = vankho_feed_to_json (feed);
  vankho_cli_json_print (root);

  return EXIT_OK;
}
