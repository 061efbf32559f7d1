/* vankho-html-text.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/HTMLparser.h>

G_BEGIN_DECLS

/* The options every HTML parse in Văn Khố uses: never touch the network,
 * stay quiet, and make the best of broken markup. */
#define VANKHO_HTML_PARSE_OPTIONS \
  (HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER)

/**
 * VankhoHtmlSkipFunc:
 * @node: an element about to be entered
 * @user_data: data given with the function
 *
 * Returns: %TRUE to leave @node and everything under it out of the text
 */
typedef gboolean (*VankhoHtmlSkipFunc) (xmlNode  *node,
                                        gpointer  user_data);

char     *vankho_html_to_text          (const char         *html,
                                        gssize              len);
char     *vankho_html_to_text_full     (const char         *html,
                                        gssize              len,
                                        char              **first_image);
char     *vankho_html_fragment_to_text (const char         *html,
                                        gsize               len,
                                        char              **first_image);
char     *vankho_html_node_to_text     (xmlNode            *node,
                                        VankhoHtmlSkipFunc  skip,
                                        gpointer            user_data);
char     *vankho_plain_text_clean      (const char         *text,
                                        gssize              len);
gboolean  vankho_html_is_block         (const xmlChar      *name);
gboolean  vankho_html_is_dropped       (const xmlChar      *name);
htmlDocPtr vankho_html_parse           (const char         *html,
                                        gsize               len);

G_END_DECLS
