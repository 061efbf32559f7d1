/* vankho-feed-parser.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vankho-feed.h"

G_BEGIN_DECLS

#define VANKHO_FEED_ERROR (vankho_feed_error_quark ())

typedef enum
{
  VANKHO_FEED_ERROR_EMPTY,       /* no bytes, or only whitespace */
  VANKHO_FEED_ERROR_TOO_LARGE,   /* over the size cap */
  VANKHO_FEED_ERROR_MALFORMED,   /* not XML, nothing could be recovered */
  VANKHO_FEED_ERROR_NOT_A_FEED,  /* XML or HTML, but not RSS, RDF or Atom */
} VankhoFeedError;

/* No feed comes near this; a bigger document is an attack or a mistake. */
#define VANKHO_FEED_MAX_SIZE (20 * 1024 * 1024)

GQuark      vankho_feed_error_quark   (void);
VankhoFeed *vankho_feed_parse         (GBytes      *data,
                                       const char  *base_url,
                                       GError     **error);
VankhoFeed *vankho_feed_parse_full    (GBytes      *data,
                                       const char  *base_url,
                                       const char  *http_charset,
                                       gsize        max_size,
                                       GError     **error);
char       *vankho_feed_decode_text   (const char  *data,
                                       gsize        len,
                                       const char  *charset,
                                       gsize       *out_len);
char       *vankho_feed_page_to_utf8  (const char  *html,
                                       gsize        len,
                                       gsize       *out_len);
const char *vankho_feed_document_to_utf8 (const char  *data,
                                          gsize        len,
                                          const char  *http_charset,
                                          char       **copy,
                                          gsize       *out_len);
char       *vankho_feed_resolve_url   (const char  *base,
                                       const char  *href);

G_END_DECLS
