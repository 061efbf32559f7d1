/* vankho-extract-tsv.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vankho-extract-tsv.h"

#define EXTRACT_RESOURCE_PATH RESOURCE_PREFIX "/extract/"

/* From the GResource compiled by meson (c_name vankho_extract). Asking it
 * directly, rather than the global registry, keeps the linker from dropping
 * the data out of the static library.
 */
GResource *vankho_extract_get_resource (void);

/**
 * vankho_extract_tsv_load_resource:
 * @file: a file name under the extract data ('districts.tsv')
 *
 * Returns: (transfer full) (nullable): its bytes, or %NULL with @error set
 */
GBytes *
vankho_extract_tsv_load_resource (const char  *file,
                                  GError     **error)
{
  g_autofree char *path = g_strconcat (EXTRACT_RESOURCE_PATH, file, NULL);

  return g_resource_lookup_data (vankho_extract_get_resource (), path,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

/**
 * vankho_extract_tsv_parse:
 * @name: the file's name, for messages
 *
 * Splits @bytes into rows of tab-separated fields. Lines starting with '#'
 * are comments; the first other line is the header.
 */
gboolean
vankho_extract_tsv_parse (GBytes            *bytes,
                          const char        *name,
                          guint              n_fields,
                          VankhoTsvRowFunc   func,
                          gpointer           user_data,
                          GError           **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *copy = g_strndup (data, size);
  g_auto(GStrv) lines = NULL;
  gboolean header_seen = FALSE;

  if (!g_utf8_validate (copy, -1, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "'%s': not valid UTF-8", name);
      return FALSE;
    }

  lines = g_strsplit (copy, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char **padded = NULL;
      guint n;
      char *line = lines[i];
      gsize len = strlen (line);

      if (len > 0 && line[len - 1] == '\r')
        line[len - 1] = '\0';
      if (line[0] == '#' || line[0] == '\0')
        continue;
      if (!header_seen)
        {
          header_seen = TRUE;
          continue;
        }

      fields = g_strsplit (line, "\t", -1);
      n = g_strv_length (fields);
      padded = g_new0 (char *, MAX (n, n_fields) + 1);
      for (guint j = 0; j < MAX (n, n_fields); j++)
        padded[j] = j < n ? g_strstrip (fields[j]) : (char *) "";

      if (!func (padded, i + 1, user_data, error))
        {
          g_prefix_error (error, "'%s' line %u: ", name, i + 1);
          return FALSE;
        }
    }

  return TRUE;
}
