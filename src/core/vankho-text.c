/* vankho-text.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vankho-text.h"

/* Longest token we index; longer runs (a wall of digits) are cut so that one
 * hostile file cannot blow up the index.
 */
#define MAX_TOKEN_BYTES 128

/* Characters that are invisible inside a word: they must neither split a
 * token nor show up in it.
 */
static inline gboolean
is_ignorable (gunichar c)
{
  return c == 0x00AD      /* soft hyphen */
      || c == 0x200B      /* zero-width space */
      || c == 0x200C
      || c == 0x200D
      || c == 0x2060
      || c == 0xFEFF;
}

static inline gboolean
is_mark (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_NON_SPACING_MARK
      || type == G_UNICODE_SPACING_MARK
      || type == G_UNICODE_ENCLOSING_MARK;
}

static gunichar
fold_char_slow (gunichar c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  switch (c)
    {
    /* đ is a letter of its own: Unicode does not decompose it to d. Ð (eth)
     * and Ɖ (African D) are typed for it often enough to fold them too.
     */
    case 0x0110: case 0x0111:
    case 0x00D0: case 0x00F0:
    case 0x0189: case 0x0256:
      return 'd';
    default:
      break;
    }

  if (is_mark (c) || is_ignorable (c))
    return 0;

  n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  if (n > 0)
    c = decomposed[0];

  return g_unichar_tolower (c);
}

/* Latin, Latin Extended and the Vietnamese block all sit below U+2000: a
 * table makes folding them a lookup.
 */
#define FOLD_TABLE_SIZE 0x2000
static gunichar fold_table[FOLD_TABLE_SIZE];

static gpointer
init_fold_table (gpointer data)
{
  for (gunichar c = 0; c < FOLD_TABLE_SIZE; c++)
    fold_table[c] = fold_char_slow (c);
  return NULL;
}

/**
 * vankho_text_fold_char:
 * @c: a character
 *
 * Folds @c for matching: lower case, tone and vowel marks removed, đ to d.
 *
 * Returns: the folded character, or 0 when @c is a mark that folds away
 */
gunichar
vankho_text_fold_char (gunichar c)
{
  static GOnce once = G_ONCE_INIT;

  if (c < 0x80)
    return g_ascii_tolower (c);

  g_once (&once, init_fold_table, NULL);

  if (c < FOLD_TABLE_SIZE)
    return fold_table[c];

  if (c >= 0x200B && c <= 0x2060 && is_ignorable (c))
    return 0;

  return fold_char_slow (c);
}

/**
 * vankho_text_fold_with_map:
 * @text: UTF-8 text
 * @len: length of @text, or -1 if nul-terminated
 * @offsets: (out) (optional): for each byte of the result, the byte offset of
 *   the original character it came from; one extra entry holds the length
 *
 * Folds @text for matching. The result has the same characters in the same
 * order, minus marks, so a match in it maps back to the original through
 * @offsets.
 *
 * Returns: (transfer full): the folded text
 */
char *
vankho_text_fold_with_map (const char  *text,
                           gssize       len,
                           gsize      **offsets)
{
  GString *out;
  GArray *map = NULL;
  const char *p;
  const char *end;

  g_return_val_if_fail (text != NULL, NULL);

  if (len < 0)
    len = strlen (text);

  out = g_string_sized_new (len + 1);
  if (offsets != NULL)
    map = g_array_sized_new (FALSE, FALSE, sizeof (gsize), len + 1);

  end = text + len;
  for (p = text; p < end; )
    {
      gunichar c;
      const char *next;
      gunichar folded;

      /* ASCII folds to itself, lower case (NUL to nothing). */
      if ((guchar) *p < 0x80)
        {
          if (*p != '\0')
            {
              gsize offset = p - text;

              g_string_append_c (out, g_ascii_tolower (*p));
              if (map != NULL)
                g_array_append_val (map, offset);
            }
          p++;
          continue;
        }

      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Invalid byte: keep the positions right and move on. */
          folded = '?';
          next = p + 1;
        }
      else
        {
          folded = vankho_text_fold_char (c);
          next = g_utf8_next_char (p);
        }

      if (folded != 0)
        {
          gsize before = out->len;
          gsize offset = p - text;

          g_string_append_unichar (out, folded);
          if (map != NULL)
            for (gsize i = before; i < out->len; i++)
              g_array_append_val (map, offset);
        }

      p = next;
    }

  if (map != NULL)
    {
      gsize total = len;

      g_array_append_val (map, total);
      *offsets = (gsize *) (void *) g_array_free (map, FALSE);
    }

  return g_string_free (out, FALSE);
}

/**
 * vankho_text_fold:
 * @text: UTF-8 text
 * @len: length of @text, or -1 if nul-terminated
 *
 * Returns: (transfer full): @text folded for matching
 */
char *
vankho_text_fold (const char *text,
                  gssize      len)
{
  return vankho_text_fold_with_map (text, len, NULL);
}

static inline gboolean
is_token_char (gunichar c)
{
  return g_unichar_isalnum (c) || is_mark (c);
}

/**
 * vankho_text_foreach_token:
 * @text: UTF-8 text
 * @len: length of @text in bytes
 * @func: called for each token
 * @user_data: data for @func
 *
 * Splits @text into words (runs of letters, digits and marks), folds each and
 * hands it to @func with its position in @text. This is the tokenizer of the
 * full-text index and of search queries, so both see the same words.
 */
void
vankho_text_foreach_token (const char      *text,
                           gsize            len,
                           VankhoTokenFunc  func,
                           gpointer         user_data)
{
  char token[MAX_TOKEN_BYTES + 8];
  gsize token_len = 0;
  gsize start = 0;
  gsize last_end = 0;
  gboolean in_token = FALSE;
  const char *end = text + len;
  const char *p = text;

  g_return_if_fail (text != NULL || len == 0);
  g_return_if_fail (func != NULL);

  while (p < end)
    {
      const char *next;
      gboolean token_char;
      gunichar folded;

      /* Most bytes of Vietnamese text are ASCII, classified and folded
       * without decoding: 74 -> 189 MB/s on the bench corpus. */
      if ((guchar) *p < 0x80)
        {
          next = p + 1;
          token_char = g_ascii_isalnum (*p);
          folded = (guchar) g_ascii_tolower (*p);
        }
      else
        {
          gunichar c = g_utf8_get_char_validated (p, end - p);

          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              c = ' ';
              next = p + 1;
            }
          else
            next = g_utf8_next_char (p);

          if (is_ignorable (c))
            {
              p = next;
              continue;
            }

          token_char = is_token_char (c);
          folded = token_char ? vankho_text_fold_char (c) : 0;
        }

      if (token_char)
        {
          if (!in_token)
            {
              in_token = TRUE;
              token_len = 0;
              start = p - text;
            }

          if (folded != 0 && token_len < MAX_TOKEN_BYTES)
            token_len += g_unichar_to_utf8 (folded, token + token_len);

          last_end = next - text;
        }
      else if (in_token)
        {
          in_token = FALSE;
          /* A token of marks only (a stray combining accent) folds to nothing. */
          if (token_len > 0 && !func (token, token_len, start, last_end, user_data))
            return;
        }

      p = next;
    }

  if (in_token && token_len > 0)
    func (token, token_len, start, last_end, user_data);
}

static inline gboolean
is_space_like (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\f' || c == '\v'
      || c == 0x00A0 || c == 0x202F || c == 0x2007
      || (c >= 0x2000 && c <= 0x200A) || c == 0x3000;
}

/* Whether @text is surely NFC already, without normalizing it: every
 * character is one that NFC leaves alone whatever surrounds it, and none is
 * a combining mark that could join the one before. Vietnamese typed with
 * precomposed letters (U+00C0–U+01B0, U+1EA0–U+1EF9) passes, so the common
 * case skips g_utf8_normalize(), which decodes the whole text to UCS-4 and
 * back. Anything else answers FALSE and is normalized as before.
 */
static gboolean
is_surely_nfc (const char *text,
               gssize      len)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = len < 0 ? NULL : p + len;

  /* Invalid text takes the old path, which refuses it. */
  if (!g_utf8_validate (text, len, NULL))
    return FALSE;

  while (end ? p < end : *p != '\0')
    {
      gunichar c;

      if (*p < 0x80)
        {
          p++;
          continue;
        }

      c = g_utf8_get_char ((const char *) p);
      /* Latin-1, Latin Extended-A and -B, IPA: no singleton decompositions
       * and no combining class below U+0300. */
      if (c < 0x0300)
        ;
      /* Latin Extended Additional, where Vietnamese letters with a tone
       * mark live; all are their own NFC. */
      else if (c >= 0x1E00 && c < 0x1F00)
        ;
      /* General punctuation (quotes, dashes, ellipsis, odd spaces) and
       * currency (₫); U+2000 and U+2001 do change under NFC. */
      else if ((c >= 0x2002 && c < 0x2070) || (c >= 0x20A0 && c < 0x20C0))
        ;
      else
        return FALSE;

      p += g_utf8_skip[*p];
    }

  return TRUE;
}

/**
 * vankho_text_normalize:
 * @text: valid UTF-8 text
 * @len: length of @text, or -1 if nul-terminated
 *
 * Cleans text for storage: NFC, line breaks unified, no-break and other
 * spaces made plain, invisible characters and control characters removed,
 * runs of spaces collapsed, lines trimmed, and paragraphs kept as single
 * blank lines.
 *
 * Returns: (transfer full): the cleaned text
 */
char *
vankho_text_normalize (const char *text,
                       gssize      len)
{
  g_autofree char *nfc = NULL;
  GString *out;
  gboolean pending_space = FALSE;
  guint pending_newlines = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (is_surely_nfc (text, len))
    nfc = len < 0 ? g_strdup (text) : g_strndup (text, len);
  else
    nfc = g_utf8_normalize (text, len, G_NORMALIZE_NFC);
  if (nfc == NULL)
    return NULL;

  out = g_string_sized_new (strlen (nfc) + 1);

  for (const char *p = nfc, *next; *p; p = next)
    {
      gunichar c;

      /* ASCII, most of the text, without decoding. */
      if ((guchar) *p < 0x80)
        {
          c = (guchar) *p;
          next = p + 1;
        }
      else
        {
          c = g_utf8_get_char (p);
          next = g_utf8_next_char (p);
        }

      if (c == '\r')
        {
          if (p[1] == '\n')
            continue;
          c = '\n';
        }

      if (c == '\n' || c == 0x2028 || c == 0x2029)
        {
          pending_space = FALSE;
          if (out->len > 0)
            pending_newlines++;
          continue;
        }

      if (is_space_like (c))
        {
          pending_space = TRUE;
          continue;
        }

      if (is_ignorable (c) || (g_unichar_iscntrl (c)))
        continue;

      if (pending_newlines > 0)
        {
          g_string_append (out, pending_newlines > 1 ? "\n\n" : "\n");
          pending_newlines = 0;
        }
      else if (pending_space && out->len > 0)
        g_string_append_c (out, ' ');

      pending_space = FALSE;
      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * vankho_text_shorten:
 * @text: UTF-8 text
 * @max_chars: most characters to keep
 *
 * Shortens @text at a word boundary, adding an ellipsis when it cut.
 *
 * Returns: (transfer full): the shortened text
 */
char *
vankho_text_shorten (const char *text,
                     guint       max_chars)
{
  g_autofree char *head = NULL;
  const char *cut;
  const char *space = NULL;
  guint n = 0;

  g_return_val_if_fail (text != NULL, NULL);

  for (cut = text; *cut && n < max_chars; cut = g_utf8_next_char (cut), n++)
    if (*cut == ' ')
      space = cut;

  if (*cut == '\0')
    return g_strdup (text);

  /* Prefer a word boundary unless it would throw away most of the text. */
  if (space != NULL && g_utf8_pointer_to_offset (text, space) > max_chars / 2)
    cut = space;

  while (cut > text && (cut[-1] == ' ' || cut[-1] == ',' || cut[-1] == ';'))
    cut--;

  head = g_strndup (text, cut - text);
  return g_strconcat (head, "…", NULL);
}

/**
 * vankho_text_format_snippet:
 * @snippet: a snippet from the library, matches between
 *   %VANKHO_SNIPPET_OPEN and %VANKHO_SNIPPET_CLOSE
 * @open: what to put before each match
 * @close: what to put after each match
 * @escape_markup: whether to escape the rest for Pango/HTML markup
 *
 * Returns: (transfer full): the snippet with its matches marked
 */
char *
vankho_text_format_snippet (const char *snippet,
                            const char *open,
                            const char *close,
                            gboolean    escape_markup)
{
  GString *out;
  const char *run = snippet;

  g_return_val_if_fail (open != NULL && close != NULL, NULL);

  if (snippet == NULL)
    return NULL;

  out = g_string_new (NULL);

  for (const char *p = snippet; ; p++)
    {
      if (*p == '\x02' || *p == '\x03' || *p == '\0')
        {
          if (escape_markup)
            {
              g_autofree char *escaped = g_markup_escape_text (run, p - run);
              g_string_append (out, escaped);
            }
          else
            g_string_append_len (out, run, p - run);

          if (*p == '\0')
            break;

          /* 'Đảng' and 'uỷ' matched one by one read better as one mark. */
          if (*p == '\x03' && p[1] == ' ' && p[2] == '\x02')
            {
              g_string_append_c (out, ' ');
              p += 2;
              run = p + 1;
              continue;
            }

          g_string_append (out, *p == '\x02' ? open : close);
          run = p + 1;
        }
    }

  return g_string_free (out, FALSE);
}
