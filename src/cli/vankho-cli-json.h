/* vankho-cli-json.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "vankho-article.h"

G_BEGIN_DECLS

JsonNode *vankho_cli_json_article      (VankhoArticle *article,
                                        gboolean       with_body);
void      vankho_cli_json_print        (JsonNode      *node);

G_END_DECLS
