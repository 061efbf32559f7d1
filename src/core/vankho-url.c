/* vankho-url.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Addresses of articles, made comparable: the same story reached through a
 * share link or a campaign link is the same story.
 */

#include "config.h"

#include <string.h>

#include "vankho-url.h"

/**
 * vankho_url_is_web:
 * @url: (nullable): an address
 *
 * Returns: %TRUE for an absolute http: or https: address; feeds may name
 *   nothing else (no file:, no data:)
 */
gboolean
vankho_url_is_web (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (url == NULL)
    return FALSE;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  return g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0;
}

/**
 * vankho_url_dup_web:
 * @url: (nullable): an address read from the network
 *
 * What may be kept as an article's address and offered to open: an
 * absolute http: or https: address, with its host written as DNS sees it
 * (an internationalised host in punycode, so that a look-alike such as
 * Cyrillic "аррӏе.com" shows as "xn--80ak6aa92e.com").
 *
 * Returns: (transfer full) (nullable): the address, or %NULL if it is not
 *   a web address (javascript:, data:, file:…)
 */
char *
vankho_url_dup_web (const char *url)
{
  g_autoptr(GUri) uri = NULL;

  if (!vankho_url_is_web (url))
    return NULL;

  /* ENCODED: the path and query keep their escapes as written. */
  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  return uri != NULL ? g_uri_to_string (uri) : NULL;
}

static gboolean
is_tracking_parameter (const char *name)
{
  static const char * const exact[] = {
    "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
    "_ga", "zarsrc", "zaloapp", "ref", "ref_src", NULL
  };

  if (g_str_has_prefix (name, "utm_"))
    return TRUE;

  for (guint i = 0; exact[i]; i++)
    if (g_ascii_strcasecmp (name, exact[i]) == 0)
      return TRUE;

  return FALSE;
}

/**
 * vankho_url_normalize:
 * @url: (nullable): an address
 *
 * Drops the fragment and tracking parameters (utm_*, fbclid, zarsrc…),
 * lowers the scheme and host, drops the default port, 'www.' and a trailing
 * slash, and treats http and https alike.
 *
 * Returns: (transfer full) (nullable): the key to compare addresses by, or
 *   %NULL if @url is not a web address
 */
char *
vankho_url_normalize (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GString) key = NULL;
  g_autofree char *host = NULL;
  const char *path;
  const char *query;
  int port;

  if (!vankho_url_is_web (url))
    return NULL;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  port = g_uri_get_port (uri);
  path = g_uri_get_path (uri);
  query = g_uri_get_query (uri);

  key = g_string_new (g_str_has_prefix (host, "www.") ? host + 4 : host);
  if (port > 0 && port != 80 && port != 443)
    g_string_append_printf (key, ":%d", port);

  if (path == NULL || *path == '\0')
    path = "/";
  g_string_append (key, path);
  while (key->len > 1 && key->str[key->len - 1] == '/')
    g_string_truncate (key, key->len - 1);

  if (query != NULL && *query != '\0')
    {
      g_auto(GStrv) parts = g_strsplit (query, "&", -1);
      g_autoptr(GPtrArray) kept = g_ptr_array_new ();

      for (guint i = 0; parts[i]; i++)
        {
          g_autofree char *name = g_strndup (parts[i], strcspn (parts[i], "="));

          if (*parts[i] != '\0' && !is_tracking_parameter (name))
            g_ptr_array_add (kept, parts[i]);
        }

      for (guint i = 0; i < kept->len; i++)
        g_string_append_printf (key, "%c%s", i == 0 ? '?' : '&', (char *) g_ptr_array_index (kept, i));
    }

  return g_string_free (g_steal_pointer (&key), FALSE);
}
