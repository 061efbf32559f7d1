/* vankho-catalogue.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Canonical keys of documents, stable across runs and versions:
 *
 *   <prefix>:<symbol folded>[@<province code folded>]
 *
 * prefix comes from the kind letters of the symbol (nq, ct, qd, kl, kh, hd,
 * da, ctr, tb, qc, nd, tt, luat); the symbol is folded (lower case, đ → d,
 * no spaces) in its canonical shape: Party documents NUMBER-KIND/ISSUER
 * ('nq:12-nq/tw'), State documents NUMBER/KIND-ISSUER ('ct:11/ct-bca') or
 * NUMBER/YEAR/KIND-ISSUER, laws NUMBER/YEAR/QHnn ('luat:30/2023/qh15').
 * Documents of bodies every province has (Tỉnh ủy, UBND tỉnh…) carry the
 * province: 'nq:12-nq/tu@vn-30'. A document cited by number and issuer
 * only gets the symbol it would have. Laws cited by name only:
 * 'luat:<folded name, words joined by '-'>'. Unnumbered Party resolutions:
 * 'nq:dai-hoi-xiii', 'nq:tw4-khoa-xii'.
 */

#include "config.h"

#include <string.h>

#include "vankho-extract-text.h"
#include "vankho-extract-tsv.h"
#include "vankho-catalogue.h"

struct _VankhoCatalogue
{
  GObject       parent_instance;

  GStringChunk *strings;
  GPtrArray    *documents;   /* VankhoDocument */
  GHashTable   *by_key;
  GPtrArray    *kinds;       /* VankhoDocumentKind */
  GPtrArray    *kind_words;  /* VankhoKindWord, longest first */
  /* The same, by first byte: the citation extractor asks at every word. */
  GPtrArray    *kind_words_by_byte[256];
  GPtrArray    *issuers;     /* VankhoIssuer, longest first */
};

G_DEFINE_FINAL_TYPE (VankhoCatalogue, vankho_catalogue, G_TYPE_OBJECT)

static void
document_free (gpointer data)
{
  VankhoDocument *doc = data;

  g_free ((gpointer) doc->names);
  g_free (doc);
}

static void
vankho_catalogue_finalize (GObject *object)
{
  VankhoCatalogue *self = (VankhoCatalogue *)object;

  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);
  g_clear_pointer (&self->kind_words, g_ptr_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->kind_words_by_byte); i++)
    g_clear_pointer (&self->kind_words_by_byte[i], g_ptr_array_unref);
  g_clear_pointer (&self->issuers, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (vankho_catalogue_parent_class)->finalize (object);
}

static void
vankho_catalogue_class_init (VankhoCatalogueClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vankho_catalogue_finalize;
}

static void
vankho_catalogue_init (VankhoCatalogue *self)
{
  self->strings = g_string_chunk_new (2048);
  self->documents = g_ptr_array_new_with_free_func (document_free);
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->kinds = g_ptr_array_new_with_free_func (g_free);
  self->kind_words = g_ptr_array_new_with_free_func (g_free);
  self->issuers = g_ptr_array_new_with_free_func (g_free);
}

static const char *
intern (VankhoCatalogue *self,
        const char      *str)
{
  return g_string_chunk_insert_const (self->strings, str);
}

static const char *
intern_folded (VankhoCatalogue *self,
               const char      *str)
{
  g_autofree char *folded = vankho_extract_fold_phrase (str);

  return intern (self, folded);
}

static const char *
nullable (VankhoCatalogue *self,
          const char      *str)
{
  return str[0] != '\0' ? intern (self, str) : NULL;
}

static gboolean
parse_kind (char     **f,
            guint      line,
            gpointer   user_data,
            GError   **error)
{
  VankhoCatalogue *self = user_data;
  VankhoDocumentKind *kind = g_new0 (VankhoDocumentKind, 1);
  g_auto(GStrv) words = g_strsplit (f[3], ";", -1);

  kind->kind = intern (self, f[0]);
  kind->letters = intern_folded (self, f[1]);
  kind->prefix = intern (self, f[2]);
  g_ptr_array_add (self->kinds, kind);

  for (guint i = 0; words[i] != NULL; i++)
    {
      VankhoKindWord *word;

      if (g_strstrip (words[i])[0] == '\0')
        continue;
      word = g_new0 (VankhoKindWord, 1);
      word->phrase = intern_folded (self, words[i]);
      word->kind = kind;
      g_ptr_array_add (self->kind_words, word);
    }

  return TRUE;
}

static gboolean
parse_issuer (char     **f,
              guint      line,
              gpointer   user_data,
              GError   **error)
{
  VankhoCatalogue *self = user_data;
  VankhoIssuer *issuer = g_new0 (VankhoIssuer, 1);

  issuer->phrase = intern_folded (self, f[0]);
  issuer->code = intern (self, f[1]);
  issuer->party = g_strcmp0 (f[2], "1") == 0;
  issuer->local = g_strcmp0 (f[3], "1") == 0;
  issuer->display = intern (self, f[4]);
  g_ptr_array_add (self->issuers, issuer);
  return TRUE;
}

static gboolean
parse_document (char     **f,
                guint      line,
                gpointer   user_data,
                GError   **error)
{
  VankhoCatalogue *self = user_data;
  g_autofree VankhoDocument *doc = g_new0 (VankhoDocument, 1);
  const VankhoDocumentKind *kind = NULL;
  const char *colon = strchr (f[0], ':');
  g_auto(GStrv) names = NULL;
  GPtrArray *folded_names;

  if (colon == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "bad key '%s'", f[0]);
      return FALSE;
    }

  for (guint i = 0; i < self->kinds->len && kind == NULL; i++)
    {
      const VankhoDocumentKind *k = g_ptr_array_index (self->kinds, i);

      if (g_strcmp0 (k->kind, f[1]) == 0)
        kind = k;
    }
  if (kind == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "unknown kind '%s'", f[1]);
      return FALSE;
    }

  doc->key = intern (self, f[0]);
  doc->kind = kind->kind;
  doc->prefix = kind->prefix;
  doc->number = nullable (self, f[2]);
  doc->symbol = nullable (self, f[3]);
  doc->issuer_code = nullable (self, f[4]);
  doc->issuer = nullable (self, f[5]);
  if (f[6][0] != '\0' && !vankho_date_parse_iso (&doc->date, f[6]))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "bad date '%s'", f[6]);
      return FALSE;
    }
  doc->title = nullable (self, f[7]);

  names = g_strsplit (f[8], ";", -1);
  folded_names = g_ptr_array_new ();
  for (guint i = 0; names[i] != NULL; i++)
    if (g_strstrip (names[i])[0] != '\0')
      g_ptr_array_add (folded_names, (gpointer) intern_folded (self, names[i]));
  g_ptr_array_add (folded_names, NULL);
  doc->names = (const char * const *) g_ptr_array_free (folded_names, FALSE);

  g_hash_table_insert (self->by_key, (gpointer) doc->key, doc);
  g_ptr_array_add (self->documents, g_steal_pointer (&doc));
  return TRUE;
}

static int
compare_phrase_len (gconstpointer a,
                    gconstpointer b)
{
  /* Both VankhoKindWord and VankhoIssuer start with the phrase. */
  const char *pa = **(const char * const * const *) a;
  const char *pb = **(const char * const * const *) b;

  return (int) strlen (pb) - (int) strlen (pa);
}

/**
 * vankho_catalogue_new_from_data:
 *
 * Returns: (transfer full) (nullable): the catalogue, or %NULL with @error set
 */
VankhoCatalogue *
vankho_catalogue_new_from_data (GBytes  *documents,
                                GBytes  *issuers,
                                GBytes  *kinds,
                                GError **error)
{
  g_autoptr(VankhoCatalogue) self = g_object_new (VANKHO_TYPE_CATALOGUE, NULL);

  if (!vankho_extract_tsv_parse (kinds, "kinds.tsv", 4, parse_kind, self, error)
      || !vankho_extract_tsv_parse (issuers, "issuers.tsv", 5, parse_issuer, self, error)
      || !vankho_extract_tsv_parse (documents, "documents.tsv", 9, parse_document, self, error))
    return NULL;

  g_ptr_array_sort (self->kind_words, compare_phrase_len);
  g_ptr_array_sort (self->issuers, compare_phrase_len);

  for (guint i = 0; i < self->kind_words->len; i++)
    {
      VankhoKindWord *word = g_ptr_array_index (self->kind_words, i);
      GPtrArray **bucket = &self->kind_words_by_byte[(guchar) word->phrase[0]];

      if (*bucket == NULL)
        *bucket = g_ptr_array_new ();
      g_ptr_array_add (*bucket, word);
    }

  return g_steal_pointer (&self);
}

/**
 * vankho_catalogue_new_from_resource:
 *
 * Returns: (transfer full) (nullable): the catalogue shipped in the GResource
 */
VankhoCatalogue *
vankho_catalogue_new_from_resource (GError **error)
{
  g_autoptr(GBytes) documents = NULL;
  g_autoptr(GBytes) issuers = NULL;
  g_autoptr(GBytes) kinds = NULL;

  if (!(documents = vankho_extract_tsv_load_resource ("documents.tsv", error))
      || !(issuers = vankho_extract_tsv_load_resource ("issuers.tsv", error))
      || !(kinds = vankho_extract_tsv_load_resource ("kinds.tsv", error)))
    return NULL;

  return vankho_catalogue_new_from_data (documents, issuers, kinds, error);
}

/**
 * vankho_catalogue_lookup:
 * @key: a canonical key ("nq:12-nq/tw")
 *
 * Returns: (nullable): the catalogued document with @key
 */
const VankhoDocument *
vankho_catalogue_lookup (VankhoCatalogue *self,
                         const char      *key)
{
  g_return_val_if_fail (VANKHO_IS_CATALOGUE (self), NULL);

  return key != NULL ? g_hash_table_lookup (self->by_key, key) : NULL;
}

guint
vankho_catalogue_get_n_documents (VankhoCatalogue *self)
{
  g_return_val_if_fail (VANKHO_IS_CATALOGUE (self), 0);
  return self->documents->len;
}

const VankhoDocument *
vankho_catalogue_get_nth_document (VankhoCatalogue *self,
                                   guint            index)
{
  g_return_val_if_fail (VANKHO_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (index < self->documents->len, NULL);
  return g_ptr_array_index (self->documents, index);
}

static gboolean
code_equal (const char *a,
            const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  fa = vankho_extract_fold_phrase (a);
  fb = vankho_extract_fold_phrase (b);
  return g_strcmp0 (fa, fb) == 0;
}

/**
 * vankho_catalogue_find:
 * @prefix: the kind prefix ("nq")
 * @number: the number as written, leading zeros allowed
 * @issuer_code: (nullable): the issuer's code ("TW", "ĐUCA")
 * @date: (nullable): the document's date, if the mention gives one
 * @ambiguous: (out) (optional): set when several documents fit equally
 *
 * Finds the catalogued document a short mention ('Nghị quyết số 12 ngày
 * 25/7/2022 của Đảng ủy Công an Trung ương') means. Issuer and date decide:
 * a mention that contradicts either is never matched.
 *
 * Returns: (nullable): the document, or %NULL when none or several fit
 */
const VankhoDocument *
vankho_catalogue_find (VankhoCatalogue  *self,
                       const char       *prefix,
                       const char       *number,
                       const char       *issuer_code,
                       const VankhoDate *date,
                       gboolean         *ambiguous)
{
  const VankhoDocument *found = NULL;
  guint n_found = 0;
  guint64 want;

  g_return_val_if_fail (VANKHO_IS_CATALOGUE (self), NULL);

  if (ambiguous != NULL)
    *ambiguous = FALSE;
  if (number == NULL || prefix == NULL)
    return NULL;

  want = g_ascii_strtoull (number, NULL, 10);

  for (guint i = 0; i < self->documents->len; i++)
    {
      const VankhoDocument *doc = g_ptr_array_index (self->documents, i);

      if (g_strcmp0 (doc->prefix, prefix) != 0 || doc->number == NULL
          || g_ascii_strtoull (doc->number, NULL, 10) != want)
        continue;
      if (issuer_code != NULL && !code_equal (issuer_code, doc->issuer_code))
        continue;
      if (date != NULL && date->precision == VANKHO_DATE_PRECISION_DAY
          && doc->date.precision == VANKHO_DATE_PRECISION_DAY
          && vankho_date_compare (date, &doc->date) != 0)
        continue;

      found = doc;
      n_found++;
    }

  if (n_found > 1)
    {
      if (ambiguous != NULL)
        *ambiguous = TRUE;
      return NULL;
    }

  return found;
}

/**
 * vankho_catalogue_get_kind_words:
 * @first: the first byte of the folded words wanted
 *
 * Returns: (transfer none) (nullable) (element-type VankhoKindWord): the
 *   words naming a kind of document that start with @first, longest first
 */
GPtrArray *
vankho_catalogue_get_kind_words (VankhoCatalogue *self,
                                 char             first)
{
  return self->kind_words_by_byte[(guchar) first];
}

const VankhoDocumentKind *
vankho_catalogue_kind_for_letters (VankhoCatalogue *self,
                                   const char      *folded_letters)
{
  for (guint i = 0; i < self->kinds->len; i++)
    {
      const VankhoDocumentKind *k = g_ptr_array_index (self->kinds, i);

      if (k->letters[0] != '\0' && g_strcmp0 (k->letters, folded_letters) == 0)
        return k;
    }
  return NULL;
}

const VankhoDocumentKind *
vankho_catalogue_kind_for_prefix (VankhoCatalogue *self,
                                  const char      *prefix)
{
  for (guint i = 0; i < self->kinds->len; i++)
    {
      const VankhoDocumentKind *k = g_ptr_array_index (self->kinds, i);

      if (g_strcmp0 (k->prefix, prefix) == 0)
        return k;
    }
  return NULL;
}

/**
 * vankho_catalogue_get_issuers:
 *
 * Returns: (transfer none) (element-type VankhoIssuer): longest phrase first
 */
GPtrArray *
vankho_catalogue_get_issuers (VankhoCatalogue *self)
{
  return self->issuers;
}

/**
 * vankho_catalogue_issuer_for_code:
 * @folded_code: an issuer code folded ("duca")
 *
 * Returns: (nullable): the first issuer listed with that code
 */
const VankhoIssuer *
vankho_catalogue_issuer_for_code (VankhoCatalogue *self,
                                  const char      *folded_code)
{
  const VankhoIssuer *best = NULL;

  /* The list is sorted longest phrase first; the shortest phrase of a code
   * is its plainest name ('Tỉnh ủy' rather than 'Ban Thường vụ Tỉnh ủy').
   */
  for (guint i = 0; i < self->issuers->len; i++)
    {
      const VankhoIssuer *issuer = g_ptr_array_index (self->issuers, i);

      if (code_equal (issuer->code, folded_code))
        best = issuer;
    }
  return best;
}
