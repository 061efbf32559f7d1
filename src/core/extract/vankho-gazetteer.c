/* vankho-gazetteer.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vankho-text.h"
#include "vankho-extract-text.h"
#include "vankho-extract-tsv.h"
#include "vankho-gazetteer.h"

struct _VankhoGazetteer
{
  GObject       parent_instance;

  GStringChunk *strings;
  GArray       *provinces;   /* VankhoProvince */
  GArray       *units;       /* VankhoUnit */
  GArray       *districts;   /* VankhoDistrict */
  GHashTable   *by_code;     /* code → index + 1 */
  GHashTable   *unit_by_id;  /* id → index + 1 */
  GHashTable   *names;       /* first folded word → GPtrArray of VankhoGazetteerName */
  GPtrArray    *all_names;
  GHashTable   *slugs;       /* 'gialai' → index + 1, for domains */
  GHashTable   *abbrs;       /* folded abbreviation → code or "-" */
  GHashTable   *hosts;       /* domain → code or "-" */
};

G_DEFINE_FINAL_TYPE (VankhoGazetteer, vankho_gazetteer, G_TYPE_OBJECT)

static void
name_free (gpointer data)
{
  VankhoGazetteerName *name = data;

  g_free (name->phrase);
  g_free (name->spelling);
  g_free (name);
}

static void
vankho_gazetteer_finalize (GObject *object)
{
  VankhoGazetteer *self = (VankhoGazetteer *)object;

  for (guint i = 0; i < self->units->len; i++)
    g_free ((gpointer) g_array_index (self->units, VankhoUnit, i).members);

  g_clear_pointer (&self->provinces, g_array_unref);
  g_clear_pointer (&self->units, g_array_unref);
  g_clear_pointer (&self->districts, g_array_unref);
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->unit_by_id, g_hash_table_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->all_names, g_ptr_array_unref);
  g_clear_pointer (&self->slugs, g_hash_table_unref);
  g_clear_pointer (&self->abbrs, g_hash_table_unref);
  g_clear_pointer (&self->hosts, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (vankho_gazetteer_parent_class)->finalize (object);
}

static void
vankho_gazetteer_class_init (VankhoGazetteerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vankho_gazetteer_finalize;
}

static void
vankho_gazetteer_init (VankhoGazetteer *self)
{
  self->strings = g_string_chunk_new (4096);
  self->provinces = g_array_new (FALSE, TRUE, sizeof (VankhoProvince));
  self->units = g_array_new (FALSE, TRUE, sizeof (VankhoUnit));
  self->districts = g_array_new (FALSE, TRUE, sizeof (VankhoDistrict));
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->unit_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_ptr_array_unref);
  self->all_names = g_ptr_array_new_with_free_func (name_free);
  self->slugs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->abbrs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->hosts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static const char *
intern (VankhoGazetteer *self,
        const char      *str)
{
  return g_string_chunk_insert_const (self->strings, str);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const VankhoGazetteerName *na = *(VankhoGazetteerName * const *) a;
  const VankhoGazetteerName *nb = *(VankhoGazetteerName * const *) b;
  int la = strlen (na->phrase);
  int lb = strlen (nb->phrase);

  /* Longest first, so 'Bà Rịa - Vũng Tàu' wins over 'Bà Rịa'; provinces
   * before districts of the same name.
   */
  if (la != lb)
    return lb - la;
  return (na->district >= 0) - (nb->district >= 0);
}

static void
add_name (VankhoGazetteer *self,
          const char      *spelling,
          guint            province,
          int              district,
          gboolean         bare)
{
  VankhoGazetteerName *name;
  GPtrArray *list;
  const char *space;
  g_autofree char *first = NULL;

  name = g_new0 (VankhoGazetteerName, 1);
  name->phrase = vankho_extract_fold_phrase (spelling);
  name->spelling = g_strdup (spelling);
  name->province = province;
  name->district = district;
  name->bare = bare;

  if (name->phrase[0] == '\0')
    {
      name_free (name);
      return;
    }

  space = strchr (name->phrase, ' ');
  first = space ? g_strndup (name->phrase, space - name->phrase) : g_strdup (name->phrase);

  list = g_hash_table_lookup (self->names, first);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (self->names, g_steal_pointer (&first), list);
    }

  g_ptr_array_add (list, name);
  g_ptr_array_add (self->all_names, name);
}

static void
add_slug (VankhoGazetteer *self,
          const char      *spelling,
          guint            province)
{
  g_autofree char *phrase = vankho_extract_fold_phrase (spelling);
  GString *slug = g_string_new (NULL);

  for (const char *p = phrase; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (slug, *p);

  if (slug->len >= 3)
    g_hash_table_replace (self->slugs, g_string_free (slug, FALSE),
                          GUINT_TO_POINTER (province + 1));
  else
    g_string_free (slug, TRUE);
}

static gboolean
parse_province (char     **f,
                guint      line,
                gpointer   user_data,
                GError   **error)
{
  VankhoGazetteer *self = user_data;
  VankhoProvince p = { 0, };
  guint index = self->provinces->len;
  g_auto(GStrv) aliases = NULL;

  if (!g_str_has_prefix (f[0], "VN-") || f[1][0] == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "bad province row '%s'", f[0]);
      return FALSE;
    }

  p.code = intern (self, f[0]);
  p.name = intern (self, f[1]);
  p.kind = intern (self, f[2]);
  p.english = intern (self, f[3]);
  p.capital = intern (self, f[4]);
  p.region = intern (self, f[5]);
  p.lat = g_ascii_strtod (f[6], NULL);
  p.lon = g_ascii_strtod (f[7], NULL);
  p.unit2025 = intern (self, f[8]);
  p.bare = g_strcmp0 (f[10], "0") != 0;

  g_array_append_val (self->provinces, p);
  g_hash_table_insert (self->by_code, (gpointer) p.code, GUINT_TO_POINTER (index + 1));

  add_name (self, p.name, index, -1, p.bare);
  add_slug (self, p.name, index);

  aliases = g_strsplit (f[9], ";", -1);
  for (guint i = 0; aliases[i] != NULL; i++)
    {
      g_strstrip (aliases[i]);
      if (aliases[i][0] == '\0')
        continue;
      add_name (self, aliases[i], index, -1, TRUE);
      add_slug (self, aliases[i], index);
    }

  return TRUE;
}

static gboolean
parse_unit (char     **f,
            guint      line,
            gpointer   user_data,
            GError   **error)
{
  VankhoGazetteer *self = user_data;
  VankhoUnit u = { 0, };
  g_auto(GStrv) members = g_strsplit_set (f[3], " ,", -1);
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; members[i] != NULL; i++)
    {
      if (members[i][0] == '\0')
        continue;
      if (!g_hash_table_contains (self->by_code, members[i]))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "unit '%s' has unknown member '%s'", f[0], members[i]);
          g_ptr_array_free (list, TRUE);
          return FALSE;
        }
      g_ptr_array_add (list, (gpointer) intern (self, members[i]));
    }
  g_ptr_array_add (list, NULL);

  u.id = intern (self, f[0]);
  u.name = intern (self, f[1]);
  u.kind = intern (self, f[2]);
  u.members = (const char * const *) g_ptr_array_free (list, FALSE);

  g_array_append_val (self->units, u);
  g_hash_table_insert (self->unit_by_id, (gpointer) u.id,
                       GUINT_TO_POINTER (self->units->len));
  return TRUE;
}

static gboolean
parse_district (char     **f,
                guint      line,
                gpointer   user_data,
                GError   **error)
{
  VankhoGazetteer *self = user_data;
  VankhoDistrict d = { 0, };
  gpointer index = g_hash_table_lookup (self->by_code, f[0]);

  if (index == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "unknown province '%s'", f[0]);
      return FALSE;
    }

  d.province = GPOINTER_TO_UINT (index) - 1;
  d.type = intern (self, f[1]);
  d.name = intern (self, f[2]);
  g_array_append_val (self->districts, d);

  add_name (self, d.name, d.province, self->districts->len - 1, FALSE);
  return TRUE;
}

static gboolean
parse_outlet (char     **f,
              guint      line,
              gpointer   user_data,
              GError   **error)
{
  VankhoGazetteer *self = user_data;
  const char *code;

  if (g_strcmp0 (f[2], "-") == 0)
    code = "-";
  else if (g_hash_table_contains (self->by_code, f[2]))
    code = intern (self, f[2]);
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "unknown province '%s'", f[2]);
      return FALSE;
    }

  if (g_strcmp0 (f[0], "abbr") == 0)
    g_hash_table_replace (self->abbrs, vankho_extract_fold_phrase (f[1]), (gpointer) code);
  else if (g_strcmp0 (f[0], "domain") == 0)
    g_hash_table_replace (self->hosts, g_ascii_strdown (f[1], -1), (gpointer) code);
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "unknown outlet kind '%s'", f[0]);
      return FALSE;
    }

  return TRUE;
}

/**
 * vankho_gazetteer_new_from_data:
 *
 * Builds a gazetteer from the four TSV files of data/extract/.
 *
 * Returns: (transfer full) (nullable): the gazetteer, or %NULL with @error set
 */
VankhoGazetteer *
vankho_gazetteer_new_from_data (GBytes  *provinces_63,
                                GBytes  *provinces_34,
                                GBytes  *districts,
                                GBytes  *outlets,
                                GError **error)
{
  g_autoptr(VankhoGazetteer) self = g_object_new (VANKHO_TYPE_GAZETTEER, NULL);
  GHashTableIter iter;
  gpointer value;

  if (!vankho_extract_tsv_parse (provinces_63, "provinces-63.tsv", 11, parse_province, self, error)
      || !vankho_extract_tsv_parse (provinces_34, "provinces-34.tsv", 4, parse_unit, self, error)
      || !vankho_extract_tsv_parse (districts, "districts.tsv", 4, parse_district, self, error)
      || !vankho_extract_tsv_parse (outlets, "outlets.tsv", 4, parse_outlet, self, error))
    return NULL;

  g_hash_table_iter_init (&iter, self->names);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_sort (value, compare_names);

  return g_steal_pointer (&self);
}

/**
 * vankho_gazetteer_new_from_resource:
 *
 * Returns: (transfer full) (nullable): the gazetteer shipped in the GResource
 */
VankhoGazetteer *
vankho_gazetteer_new_from_resource (GError **error)
{
  g_autoptr(GBytes) p63 = NULL;
  g_autoptr(GBytes) p34 = NULL;
  g_autoptr(GBytes) districts = NULL;
  g_autoptr(GBytes) outlets = NULL;

  if (!(p63 = vankho_extract_tsv_load_resource ("provinces-63.tsv", error))
      || !(p34 = vankho_extract_tsv_load_resource ("provinces-34.tsv", error))
      || !(districts = vankho_extract_tsv_load_resource ("districts.tsv", error))
      || !(outlets = vankho_extract_tsv_load_resource ("outlets.tsv", error)))
    return NULL;

  return vankho_gazetteer_new_from_data (p63, p34, districts, outlets, error);
}

int
vankho_gazetteer_province_index (VankhoGazetteer *self,
                                 const char      *code)
{
  g_return_val_if_fail (VANKHO_IS_GAZETTEER (self), -1);

  if (code == NULL)
    return -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (self->by_code, code)) - 1;
}

/**
 * vankho_gazetteer_get_province:
 * @code: an ISO 3166-2 code of the 63-province era ("VN-30")
 *
 * Returns: (nullable): the province, or %NULL if @code is unknown
 */
const VankhoProvince *
vankho_gazetteer_get_province (VankhoGazetteer *self,
                               const char      *code)
{
  int index = vankho_gazetteer_province_index (self, code);

  if (index < 0)
    return NULL;
  return &g_array_index (self->provinces, VankhoProvince, index);
}

/**
 * vankho_gazetteer_lookup_code:
 *
 * Returns: (nullable): the name of the province with @code ("Gia Lai")
 */
const char *
vankho_gazetteer_lookup_code (VankhoGazetteer *self,
                              const char      *code)
{
  const VankhoProvince *p = vankho_gazetteer_get_province (self, code);

  return p != NULL ? p->name : NULL;
}

guint
vankho_gazetteer_get_n_provinces (VankhoGazetteer *self)
{
  g_return_val_if_fail (VANKHO_IS_GAZETTEER (self), 0);
  return self->provinces->len;
}

const VankhoProvince *
vankho_gazetteer_get_nth_province (VankhoGazetteer *self,
                                   guint            index)
{
  g_return_val_if_fail (VANKHO_IS_GAZETTEER (self), NULL);
  g_return_val_if_fail (index < self->provinces->len, NULL);
  return &g_array_index (self->provinces, VankhoProvince, index);
}

guint
vankho_gazetteer_get_n_units (VankhoGazetteer *self)
{
  g_return_val_if_fail (VANKHO_IS_GAZETTEER (self), 0);
  return self->units->len;
}

const VankhoUnit *
vankho_gazetteer_get_nth_unit (VankhoGazetteer *self,
                               guint            index)
{
  g_return_val_if_fail (VANKHO_IS_GAZETTEER (self), NULL);
  g_return_val_if_fail (index < self->units->len, NULL);
  return &g_array_index (self->units, VankhoUnit, index);
}

/**
 * vankho_gazetteer_get_unit:
 * @id: the id of a unit of 1/7/2025 ("VN-30" for the new Gia Lai)
 *
 * Returns: (nullable): the unit
 */
const VankhoUnit *
vankho_gazetteer_get_unit (VankhoGazetteer *self,
                           const char      *id)
{
  guint index;

  g_return_val_if_fail (VANKHO_IS_GAZETTEER (self), NULL);

  if (id == NULL)
    return NULL;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->unit_by_id, id));
  return index > 0 ? &g_array_index (self->units, VankhoUnit, index - 1) : NULL;
}

/**
 * vankho_gazetteer_unit_for_code:
 * @code: a code of the 63-province era
 *
 * Returns: (nullable): the unit of 1/7/2025 that province became part of
 */
const VankhoUnit *
vankho_gazetteer_unit_for_code (VankhoGazetteer *self,
                                const char      *code)
{
  const VankhoProvince *p = vankho_gazetteer_get_province (self, code);

  return p != NULL ? vankho_gazetteer_get_unit (self, p->unit2025) : NULL;
}

guint
vankho_gazetteer_get_n_districts (VankhoGazetteer *self)
{
  g_return_val_if_fail (VANKHO_IS_GAZETTEER (self), 0);
  return self->districts->len;
}

const VankhoDistrict *
vankho_gazetteer_get_nth_district (VankhoGazetteer *self,
                                   guint            index)
{
  g_return_val_if_fail (VANKHO_IS_GAZETTEER (self), NULL);
  g_return_val_if_fail (index < self->districts->len, NULL);
  return &g_array_index (self->districts, VankhoDistrict, index);
}

/**
 * vankho_gazetteer_names_for_word:
 * @word: a folded word, not nul-terminated
 *
 * Returns: (transfer none) (nullable): the names whose first word is @word,
 *   longest first
 */
GPtrArray *
vankho_gazetteer_names_for_word (VankhoGazetteer *self,
                                 const char      *word,
                                 gsize            len)
{
  char key[32];

  if (len == 0 || len >= sizeof key)
    return NULL;

  memcpy (key, word, len);
  key[len] = '\0';
  return g_hash_table_lookup (self->names, key);
}

/**
 * vankho_gazetteer_lookup_abbr:
 * @abbr: a byline abbreviation as written ("ĐTO", "BDK.VN")
 * @national: (out): set to %TRUE for a national outlet
 *
 * Returns: (nullable): the province code the outlet speaks for
 */
const char *
vankho_gazetteer_lookup_abbr (VankhoGazetteer *self,
                              const char      *abbr,
                              gboolean        *national)
{
  g_autofree char *key = vankho_extract_fold_phrase (abbr);
  const char *code = g_hash_table_lookup (self->abbrs, key);

  *national = g_strcmp0 (code, "-") == 0;
  return *national ? NULL : code;
}

/**
 * vankho_gazetteer_lookup_host:
 * @host: a host name, lower case ("congan.nghean.gov.vn")
 * @national: (out): set to %TRUE for a national outlet
 *
 * Known outlets first; then the patterns provincial outlets follow:
 * 'bao' + province ('baogialai.com.vn'), 'congan.' + province + '.gov.vn',
 * province + '.gov.vn'.
 *
 * Returns: (nullable): the province code the host speaks for
 */
const char *
vankho_gazetteer_lookup_host (VankhoGazetteer *self,
                              const char      *host,
                              gboolean        *national)
{
  g_auto(GStrv) labels = NULL;
  gboolean gov;
  guint n;

  *national = FALSE;

  for (const char *h = host; h != NULL; h = strchr (h, '.') ? strchr (h, '.') + 1 : NULL)
    {
      const char *code = g_hash_table_lookup (self->hosts, h);

      if (code != NULL)
        {
          *national = g_strcmp0 (code, "-") == 0;
          return *national ? NULL : code;
        }
    }

  labels = g_strsplit (host, ".", -1);
  n = g_strv_length (labels);
  gov = g_str_has_suffix (host, ".gov.vn");

  for (guint i = 0; i + 1 < n; i++)
    {
      const char *label = labels[i];
      gpointer index = NULL;

      if (gov && i + 2 < n)
        index = g_hash_table_lookup (self->slugs, label);
      if (index == NULL && g_str_has_prefix (label, "bao"))
        index = g_hash_table_lookup (self->slugs, label + 3);
      if (index == NULL && g_str_has_prefix (label, "congan"))
        index = g_hash_table_lookup (self->slugs, label + 6);

      if (index != NULL)
        return g_array_index (self->provinces, VankhoProvince,
                              GPOINTER_TO_UINT (index) - 1).code;
    }

  return NULL;
}
