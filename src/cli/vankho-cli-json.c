/* vankho-cli-json.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The JSON that vankho-cli prints. Its fields are documented in README.md and
 * scripts rely on them: add fields, never rename or drop one.
 */

#include "config.h"

#include <stdio.h>

#include "vankho-cli-json.h"
#include "vankho-text.h"

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
vankho_cli_json_article (VankhoArticle *article,
                         gboolean       with_body)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *published = vankho_article_dup_published_iso (article);
  const char *snippet = vankho_article_get_snippet (article);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, vankho_article_get_id (article));
  add_string_or_null (builder, "title", vankho_article_get_title (article));
  add_string_or_null (builder, "published", published);
  add_string_or_null (builder, "published_precision",
                      vankho_date_precision_to_string (vankho_article_get_published (article)->precision));
  add_string_or_null (builder, "outlet", vankho_article_get_outlet (article));
  add_string_or_null (builder, "byline", vankho_article_get_byline (article));
  add_string_or_null (builder, "url", vankho_article_get_url (article));
  add_string_or_null (builder, "file", vankho_article_get_file_path (article));
  json_builder_set_member_name (builder, "sample");
  json_builder_add_boolean_value (builder, vankho_article_get_is_sample (article));

  if (snippet != NULL)
    {
      g_autofree char *plain = vankho_text_format_snippet (snippet, "[", "]", FALSE);
      g_autofree char *html = vankho_text_format_snippet (snippet, "<mark>", "</mark>", TRUE);

      add_string_or_null (builder, "snippet", plain);
      add_string_or_null (builder, "snippet_html", html);
    }

  if (with_body)
    add_string_or_null (builder, "body", vankho_article_get_body (article));

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

void
vankho_cli_json_print (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);

  fputs (text, stdout);
  fputc ('\n', stdout);
}
