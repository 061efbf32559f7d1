/* vankho-markup-guard.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/parser.h>

G_BEGIN_DECLS

/* The most attributes one element may have. Real markup stays far below:
 * a news page's busiest elements (an <img> with srcset and data-
 * attributes, an <svg>) carry a few dozen. libxml2 2.9 spends time in the
 * square of this number on each element; at 1 000 that is a millisecond.
 */
#define VANKHO_MARKUP_MAX_ATTRIBUTES 1000
/* Namespace declarations in one XML document: feeds declare a dozen. */
#define VANKHO_MARKUP_MAX_NAMESPACES 100

gboolean   vankho_markup_guard_check_xml  (const char        *xml,
                                           gsize              len);
gboolean   vankho_markup_guard_check_html (const char        *html,
                                           gsize              len,
                                           char             **safe_html,
                                           gsize             *safe_len);
xmlDocPtr  vankho_markup_guard_read_xml   (xmlParserCtxtPtr   ctxt,
                                           const char        *xml,
                                           gsize              len,
                                           const char        *url,
                                           int                options,
                                           gboolean          *refused);

G_END_DECLS
