/* vankho-opml.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* OPML, the list of feeds other readers export and import. Parsed with the
 * same care as feeds: no network, no entity expansion, no DTD, and no
 * element with thousands of attributes (vankho-markup-guard.c).
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "vankho-feed-parser.h"
#include "vankho-markup-guard.h"
#include "vankho-opml.h"
#include "vankho-url.h"

static void
opml_feed_free (VankhoOpmlFeed *feed)
{
  g_free (feed->url);
  g_free (feed->title);
  g_free (feed);
}

static char *
dup_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static void
collect_outlines (xmlNode   *node,
                  GPtrArray *feeds,
                  guint      depth)
{
  /* Folders nest; a hostile file may nest them without end. */
  if (depth > 64)
    return;

  for (xmlNode *child = node; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (xmlStrcasecmp (child->name, (const xmlChar *) "outline") == 0)
        {
          g_autofree char *url = dup_attribute (child, "xmlUrl");

          if (vankho_url_is_web (url))
            {
              VankhoOpmlFeed *feed = g_new0 (VankhoOpmlFeed, 1);

              feed->url = g_steal_pointer (&url);
              feed->title = dup_attribute (child, "title");
              if (feed->title == NULL)
                feed->title = dup_attribute (child, "text");
              g_ptr_array_add (feeds, feed);
            }
        }

      collect_outlines (child->children, feeds, depth + 1);
    }
}

/**
 * vankho_opml_parse:
 *
 * Returns: (transfer full) (element-type VankhoOpmlFeed): the feeds with an
 *   http: or https: address
 */
GPtrArray *
vankho_opml_parse (const char  *data,
                   gsize        len,
                   GError     **error)
{
  g_autoptr(GPtrArray) feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) opml_feed_free);
  g_autofree char *copy = NULL;
  const char *text;
  gsize text_len;
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;
  xmlNode *root;
  gboolean refused;

  if (len > VANKHO_FEED_MAX_SIZE)
    {
      g_set_error (error, VANKHO_FEED_ERROR, VANKHO_FEED_ERROR_TOO_LARGE, _("The OPML file is too large"));
      return NULL;
    }

  /* In UTF-8, as libxml2 is told to read it: what it parses is what the
   * guard checked, whatever charset the file declares. */
  text = vankho_feed_document_to_utf8 (data, len, NULL, &copy, &text_len);
  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, VANKHO_FEED_ERROR, VANKHO_FEED_ERROR_MALFORMED, _("Out of memory"));
      return NULL;
    }
  doc = vankho_markup_guard_read_xml (ctxt, text, text_len, NULL,
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                      XML_PARSE_RECOVER, &refused);
  xmlFreeParserCtxt (ctxt);
  if (refused)
    {
      g_set_error (error, VANKHO_FEED_ERROR, VANKHO_FEED_ERROR_MALFORMED,
                   /* TRANSLATORS: %d are numbers, 1000 and 100 */
                   _("The OPML file is not read: it has an element with more than %d attributes, "
                     "or more than %d namespaces"),
                   VANKHO_MARKUP_MAX_ATTRIBUTES, VANKHO_MARKUP_MAX_NAMESPACES);
      return NULL;
    }
  root = doc ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL || xmlStrcasecmp (root->name, (const xmlChar *) "opml") != 0)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error (error, VANKHO_FEED_ERROR, VANKHO_FEED_ERROR_NOT_A_FEED, _("Not an OPML file"));
      return NULL;
    }

  collect_outlines (root->children, feeds, 0);
  xmlFreeDoc (doc);

  return g_steal_pointer (&feeds);
}

/**
 * vankho_opml_write:
 * @feeds: (element-type VankhoOpmlFeed): the feeds
 *
 * Returns: (transfer full): an OPML 2.0 document
 */
char *
vankho_opml_write (GPtrArray *feeds)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<opml version=\"2.0\">\n  <head><title>Văn Khố</title></head>\n  <body>\n");

  for (guint i = 0; i < feeds->len; i++)
    {
      const VankhoOpmlFeed *feed = g_ptr_array_index (feeds, i);
      g_autofree char *url = g_markup_escape_text (feed->url, -1);
      g_autofree char *title = g_markup_escape_text (feed->title ? feed->title : feed->url, -1);

      g_string_append_printf (out, "    <outline type=\"rss\" text=\"%s\" title=\"%s\" xmlUrl=\"%s\"/>\n",
                              title, title, url);
    }

  g_string_append (out, "  </body>\n</opml>\n");
  return g_string_free (out, FALSE);
}
