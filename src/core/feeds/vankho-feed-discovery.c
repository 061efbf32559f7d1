/* vankho-feed-discovery.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A site's home page names its feeds in <link rel="alternate"
 * type="application/rss+xml" href="…">: users paste the site, we find the
 * feed.
 */

#include "config.h"

#include <string.h>
#include <libxml/HTMLparser.h>

#include "vankho-feed-discovery.h"
#include "vankho-feed-parser.h"
#include "vankho-html-text.h"
#include "vankho-url.h"

static gboolean
is_feed_type (const char *type)
{
  return type != NULL &&
         (g_ascii_strcasecmp (type, "application/rss+xml") == 0 ||
          g_ascii_strcasecmp (type, "application/atom+xml") == 0 ||
          g_ascii_strcasecmp (type, "application/rdf+xml") == 0 ||
          g_ascii_strcasecmp (type, "application/xml") == 0 ||
          g_ascii_strcasecmp (type, "text/xml") == 0);
}

static void
collect_links (xmlNode         *node,
               const char      *base,
               GStrvBuilder    *builder,
               GHashTable      *seen,
               guint            depth)
{
  if (depth > 256)
    return;

  for (xmlNode *child = node; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (xmlStrcasecmp (child->name, (const xmlChar *) "link") == 0)
        {
          xmlChar *rel = xmlGetProp (child, (const xmlChar *) "rel");
          xmlChar *type = xmlGetProp (child, (const xmlChar *) "type");
          xmlChar *href = xmlGetProp (child, (const xmlChar *) "href");

          if (rel != NULL && href != NULL && is_feed_type ((const char *) type) &&
              strstr ((const char *) rel, "alternate") != NULL)
            {
              g_autofree char *url = vankho_feed_resolve_url (base, (const char *) href);

              if (vankho_url_is_web (url) && g_hash_table_add (seen, g_strdup (url)))
                g_strv_builder_add (builder, url);
            }

          xmlFree (rel);
          xmlFree (type);
          xmlFree (href);
        }

      collect_links (child->children, base, builder, seen, depth + 1);
    }
}

/**
 * vankho_feed_discover_links:
 * @html: a web page
 * @base_url: its address, to resolve relative links
 *
 * Returns: (transfer full): the feeds the page names, in page order (may be
 *   empty)
 */
GStrv
vankho_feed_discover_links (const char *html,
                            gsize       len,
                            const char *base_url)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *utf8 = NULL;
  gsize utf8_len;
  htmlDocPtr doc;

  if (html == NULL || len == 0 || len > VANKHO_FEED_MAX_SIZE)
    return g_strv_builder_end (builder);

  /* Decoded first and parsed the one checked way (vankho_html_parse()):
   * not by libxml2 on its own, which obeys the page's <meta charset>. */
  utf8 = vankho_feed_page_to_utf8 (html, len, &utf8_len);
  doc = vankho_html_parse (utf8, utf8_len);
  if (doc != NULL)
    {
      collect_links (xmlDocGetRootElement (doc), base_url, builder, seen, 0);
      xmlFreeDoc (doc);
    }

  return g_strv_builder_end (builder);
}
