/* vankho-extract-text.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vankho-text.h"
#include "vankho-extract-text.h"

/* How far the sentence around a mention may reach on either side: enough for
 * a long Vietnamese sentence, bounded so that a text without punctuation
 * cannot make every citation carry the whole article.
 */
#define SENTENCE_REACH 400

/* Folded characters outside ASCII become one ASCII byte, so that the rules
 * never have to think about encodings: what matters is whether it is a
 * space, a dash, a quote or something that ends a word.
 */
static char
to_ascii (gunichar c)
{
  if (c < 0x80)
    {
      if (c == '\r')
        return '\n';
      if (c == '\t' || c == '\v' || c == '\f')
        return ' ';
      if (c < 0x20 && c != '\n')
        return ' ';
      return (char) c;
    }

  switch (c)
    {
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
      return ' ';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212:
      return '-';
    case 0x2018: case 0x2019: case 0x201A: case 0x2032:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB:
      return '"';
    case 0x2026:
      return '.';
    case 0x2028: case 0x2029: case 0x0085:
      return '\n';
    default:
      break;
    }

  if (c >= 0x2000 && c <= 0x200A)
    return ' ';

  /* Letters of other scripts: not a word we know, and not a separator
   * either, so '#' keeps them from gluing two words together.
   */
  return '#';
}

/**
 * vankho_extract_text_new:
 * @text: UTF-8 text (invalid bytes are tolerated)
 * @len: length of @text in bytes
 *
 * Returns: (transfer full): the folded view of @text; @text must outlive it
 */
VankhoExtractText *
vankho_extract_text_new (const char *text,
                         gsize       len)
{
  VankhoExtractText *self;
  g_autofree char *folded = NULL;
  g_autofree gsize *fmap = NULL;
  const char *p;
  gsize flen;
  gsize n = 0;

  self = g_new0 (VankhoExtractText, 1);
  self->text = text != NULL ? text : "";
  self->len = text != NULL ? len : 0;

  folded = vankho_text_fold_with_map (self->text, self->len, &fmap);
  flen = strlen (folded);

  /* Never more ASCII bytes than folded bytes. */
  self->fold = g_malloc (flen + 1);
  self->map = g_new (gsize, flen + 1);
  self->upper = g_malloc (flen + 1);

  for (p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);
      gsize orig = fmap[p - folded];
      gunichar oc;

      self->fold[n] = to_ascii (c);
      self->map[n] = orig;

      /* Most letters were ASCII before folding too. */
      if ((guchar) self->text[orig] < 0x80)
        oc = (guchar) self->text[orig];
      else
        oc = g_utf8_get_char_validated (self->text + orig, self->len - orig);
      self->upper[n] = (oc != (gunichar) -1 && oc != (gunichar) -2
                        && g_unichar_isupper (oc));
      n++;
    }

  self->fold[n] = '\0';
  self->map[n] = self->len;
  self->fold_len = n;

  return self;
}

void
vankho_extract_text_free (VankhoExtractText *self)
{
  if (self == NULL)
    return;

  g_free (self->fold);
  g_free (self->map);
  g_free (self->upper);
  g_free (self);
}

gboolean
vankho_extract_text_word_start (const VankhoExtractText *self,
                                gsize                    pos)
{
  return pos < self->fold_len
      && vankho_extract_is_alnum (self->fold[pos])
      && (pos == 0 || !vankho_extract_is_alnum (self->fold[pos - 1]));
}

gsize
vankho_extract_text_word_end (const VankhoExtractText *self,
                              gsize                    pos)
{
  while (pos < self->fold_len && vankho_extract_is_alnum (self->fold[pos]))
    pos++;
  return pos;
}

gsize
vankho_extract_text_skip_blank (const VankhoExtractText *self,
                                gsize                    pos)
{
  while (pos < self->fold_len && self->fold[pos] == ' ')
    pos++;
  return pos;
}

/* Between two words of one name: spaces and dashes ('Bà Rịa - Vũng Tàu',
 * 'TT-Huế'), or a dot after a short abbreviation ('TP.HCM', 'TP. Vinh').
 * Returns the position of the next word, or G_MAXSIZE.
 */
static gsize
skip_name_separator (const VankhoExtractText *self,
                     gsize                    pos,
                     gsize                    prev_word_len)
{
  gsize start = pos;
  gboolean dot = FALSE;

  while (pos < self->fold_len && pos - start < 6)
    {
      char c = self->fold[pos];

      if (c == ' ' || c == '-')
        pos++;
      else if (c == '.' && !dot && prev_word_len <= 2)
        {
          dot = TRUE;
          pos++;
        }
      else
        break;
    }

  if (pos == start || pos >= self->fold_len || !vankho_extract_is_alnum (self->fold[pos]))
    return G_MAXSIZE;

  return pos;
}

/**
 * vankho_extract_text_match:
 * @phrase: folded words separated by single spaces
 *
 * Whether the words of @phrase start at @pos, whole words, with name
 * separators between them.
 */
gboolean
vankho_extract_text_match (const VankhoExtractText *self,
                           gsize                    pos,
                           const char              *phrase,
                           gsize                   *end)
{
  const char *p = phrase;

  if (pos >= self->fold_len || !vankho_extract_text_word_start (self, pos))
    return FALSE;

  for (;;)
    {
      gsize word_start = pos;

      while (*p != '\0' && *p != ' ')
        {
          if (pos >= self->fold_len || self->fold[pos] != *p)
            return FALSE;
          pos++;
          p++;
        }

      if (pos < self->fold_len && vankho_extract_is_alnum (self->fold[pos]))
        return FALSE;

      if (*p == '\0')
        break;

      p++;
      pos = skip_name_separator (self, pos, pos - word_start);
      if (pos == G_MAXSIZE)
        return FALSE;
    }

  if (end != NULL)
    *end = pos;

  return TRUE;
}

/**
 * vankho_extract_text_prev_word:
 *
 * The word just before @pos, when only spaces (and dashes or an
 * abbreviation's dot) separate them: what a cue like 'tỉnh' or 'ông' needs.
 */
gboolean
vankho_extract_text_prev_word (const VankhoExtractText *self,
                               gsize                    pos,
                               gsize                   *start,
                               gsize                   *end)
{
  gsize p = pos;
  gsize steps = 0;
  gboolean dot = FALSE;

  while (p > 0 && steps < 6)
    {
      char c = self->fold[p - 1];

      if (c == ' ')
        p--;
      else if (c == '.' && !dot)
        {
          dot = TRUE;
          p--;
        }
      else
        break;
      steps++;
    }

  if (p == 0 || !vankho_extract_is_alnum (self->fold[p - 1]))
    return FALSE;

  *end = p;
  while (p > 0 && vankho_extract_is_alnum (self->fold[p - 1]))
    p--;
  *start = p;

  /* A dot is only a separator after an abbreviation ('TP. Vinh'). */
  if (dot && *end - *start > 2)
    return FALSE;

  return TRUE;
}

/**
 * vankho_extract_text_match_back:
 *
 * Whether @phrase ends just before @pos (with only blanks between).
 */
gboolean
vankho_extract_text_match_back (const VankhoExtractText *self,
                                gsize                    pos,
                                const char              *phrase,
                                gsize                   *start)
{
  gsize plen = strlen (phrase);
  const char *p = phrase + plen;

  while (p > phrase)
    {
      const char *word_begin = p;
      gsize ws, we;

      while (word_begin > phrase && word_begin[-1] != ' ')
        word_begin--;

      if (!vankho_extract_text_prev_word (self, pos, &ws, &we))
        return FALSE;
      if (we - ws != (gsize) (p - word_begin)
          || memcmp (self->fold + ws, word_begin, we - ws) != 0)
        return FALSE;

      pos = ws;
      p = word_begin > phrase ? word_begin - 1 : phrase;
    }

  if (start != NULL)
    *start = pos;

  return TRUE;
}

/* Whether each word in [start, end) begins with a capital letter. */
gboolean
vankho_extract_text_is_capital (const VankhoExtractText *self,
                                gsize                    start,
                                gsize                    end)
{
  for (gsize i = start; i < end && i < self->fold_len; i++)
    if (vankho_extract_text_word_start (self, i)
        && g_ascii_isalpha (self->fold[i]) && !self->upper[i])
      return FALSE;
  return TRUE;
}

gboolean
vankho_extract_text_is_all_caps (const VankhoExtractText *self,
                                 gsize                    start,
                                 gsize                    end)
{
  for (gsize i = start; i < end && i < self->fold_len; i++)
    if (g_ascii_isalpha (self->fold[i]) && !self->upper[i])
      return FALSE;
  return TRUE;
}

/**
 * vankho_extract_text_read_number:
 *
 * Reads a run of at most @max_digits digits at @pos; a longer run is not a
 * number for us (a wall of digits is not a day of the month).
 */
gboolean
vankho_extract_text_read_number (const VankhoExtractText *self,
                                 gsize                    pos,
                                 guint                    max_digits,
                                 guint                   *value,
                                 gsize                   *end)
{
  guint v = 0;
  guint n = 0;

  while (pos < self->fold_len && vankho_extract_is_digit (self->fold[pos]))
    {
      if (++n > max_digits)
        return FALSE;
      v = v * 10 + (self->fold[pos] - '0');
      pos++;
    }

  if (n == 0)
    return FALSE;

  *value = v;
  *end = pos;
  return TRUE;
}

void
vankho_extract_text_orig_span (const VankhoExtractText *self,
                               gsize                    start,
                               gsize                    end,
                               gsize                   *orig_start,
                               gsize                   *orig_len)
{
  gsize s, e;

  start = MIN (start, self->fold_len);
  end = CLAMP (end, start, self->fold_len);
  s = self->map[start];
  e = self->map[end];

  /* Marks and invisible characters after the last letter belong to the
   * next folded character's offset; trailing blanks never do, since they
   * are kept. Still, never hand out a span past the text.
   */
  s = MIN (s, self->len);
  e = CLAMP (e, s, self->len);

  *orig_start = s;
  *orig_len = e - s;
}

char *
vankho_extract_text_orig_dup (const VankhoExtractText *self,
                              gsize                    start,
                              gsize                    end)
{
  gsize s, l;

  vankho_extract_text_orig_span (self, start, end, &s, &l);
  return g_utf8_make_valid (self->text + s, l);
}

static gboolean
is_sentence_end (const VankhoExtractText *self,
                 gsize                    i)
{
  char c = self->fold[i];

  if (c == '\n')
    return TRUE;
  if (c != '.' && c != '!' && c != '?')
    return FALSE;
  if (i + 1 < self->fold_len && self->fold[i + 1] != ' ' && self->fold[i + 1] != '\n')
    return FALSE;

  /* 'TP. Hồ Chí Minh', 'TX. Sơn Tây': abbreviations do not end sentences. */
  if (c == '.' && i >= 2 && (i < 3 || !vankho_extract_is_alnum (self->fold[i - 3])))
    {
      const char *w = self->fold + i - 2;

      if (vankho_extract_is_alnum (w[0]) && vankho_extract_is_alnum (w[1])
          && (i == 2 || !vankho_extract_is_alnum (self->fold[i - 3])))
        {
          if (memcmp (w, "tp", 2) == 0 || memcmp (w, "tx", 2) == 0
              || memcmp (w, "tt", 2) == 0)
            return FALSE;
        }
    }

  return TRUE;
}

/**
 * vankho_extract_text_sentence:
 *
 * The folded bounds of the sentence around @pos, trimmed of blanks.
 */
void
vankho_extract_text_sentence (const VankhoExtractText *self,
                              gsize                    pos,
                              gsize                   *start,
                              gsize                   *end)
{
  gsize s = MIN (pos, self->fold_len);
  gsize e = s;

  while (s > 0 && pos - s < SENTENCE_REACH && !is_sentence_end (self, s - 1))
    s--;
  /* Cut short by the reach, it starts at a word, not inside one ('ết đề
   * ra' for 'kết đề ra'). */
  if (s > 0 && !is_sentence_end (self, s - 1))
    while (s < pos && self->fold[s - 1] != ' ' && self->fold[s - 1] != '\n')
      s++;
  while (e < self->fold_len && e - pos < SENTENCE_REACH && !is_sentence_end (self, e))
    e++;
  if (e < self->fold_len && !is_sentence_end (self, e))
    {
      gsize word_end = e;

      while (word_end > pos && self->fold[word_end] != ' ' && self->fold[word_end] != '\n')
        word_end--;
      if (word_end > pos)
        e = word_end;
    }
  else if (e < self->fold_len && self->fold[e] != '\n')
    e++;

  while (s < e && (self->fold[s] == ' ' || self->fold[s] == '\n'))
    s++;
  while (e > s && (self->fold[e - 1] == ' ' || self->fold[e - 1] == '\n'))
    e--;

  *start = s;
  *end = e;
}

gsize
vankho_extract_text_line_start (const VankhoExtractText *self,
                                gsize                    pos)
{
  pos = MIN (pos, self->fold_len);
  while (pos > 0 && self->fold[pos - 1] != '\n')
    pos--;
  return pos;
}

/* Tone marks move to the end of their syllable, so that 'hoà' and 'hòa',
 * 'uỷ' and 'ủy' read the same, while 'Phù' and 'Phú' stay apart.
 */
static char
tone_code (gunichar c)
{
  switch (c)
    {
    case 0x0300: return '1';
    case 0x0301: return '2';
    case 0x0303: return '3';
    case 0x0309: return '4';
    case 0x0323: return '5';
    default: return 0;
    }
}

static char
vowel_mark_code (gunichar c)
{
  switch (c)
    {
    case 0x0302: return '^';
    case 0x0306: return '(';
    case 0x031B: return '+';
    default: return 0;
    }
}

/**
 * vankho_extract_canonical:
 *
 * Returns: (transfer full): a spelling key of @text: lower case letters with
 *   their vowel marks, each syllable's tone at its end, đ as d, words
 *   separated by one space
 */
char *
vankho_extract_canonical (const char *text,
                          gssize      len)
{
  g_autofree char *valid = NULL;
  g_autofree char *nfd = NULL;
  GString *out;
  char tone = 0;
  gboolean in_word = FALSE;

  valid = g_utf8_make_valid (text, len);
  nfd = g_utf8_normalize (valid, -1, G_NORMALIZE_NFD);
  out = g_string_new (NULL);

  if (nfd == NULL)
    return g_string_free (out, FALSE);

  for (const char *p = nfd; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char t, v;

      if ((t = tone_code (c)) != 0)
        {
          tone = t;
          continue;
        }
      if ((v = vowel_mark_code (c)) != 0)
        {
          g_string_append_c (out, v);
          continue;
        }

      if (c == 0x0110 || c == 0x0111 || c == 0x00D0 || c == 0x00F0)
        c = 'd';

      if (g_unichar_isalnum (c))
        {
          g_string_append_unichar (out, g_unichar_tolower (c));
          in_word = TRUE;
          continue;
        }

      if (g_unichar_ismark (c))
        continue;

      if (in_word)
        {
          if (tone != 0)
            g_string_append_c (out, tone);
          g_string_append_c (out, ' ');
          tone = 0;
          in_word = FALSE;
        }
    }

  if (in_word && tone != 0)
    g_string_append_c (out, tone);

  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

static gboolean
has_marks (const char *canonical)
{
  for (const char *p = canonical; *p != '\0'; p++)
    if (strchr ("12345^(+", *p) != NULL)
      return TRUE;
  return FALSE;
}

/**
 * vankho_extract_same_spelling:
 *
 * Whether @written (already known to fold like @name) is spelled as @name
 * up to tone placement. Text written without any marks is taken as a match:
 * it cannot tell 'Phù' from 'Phú', and such text is rare in the press.
 */
gboolean
vankho_extract_same_spelling (const char *written,
                              gssize      written_len,
                              const char *name)
{
  g_autofree char *a = vankho_extract_canonical (written, written_len);
  g_autofree char *b = NULL;

  if (!has_marks (a))
    return TRUE;

  b = vankho_extract_canonical (name, -1);
  return g_strcmp0 (a, b) == 0;
}

/**
 * vankho_extract_fold_phrase:
 *
 * Returns: (transfer full): @text folded to ASCII words separated by single
 *   spaces, the form vankho_extract_text_match() takes
 */
char *
vankho_extract_fold_phrase (const char *text)
{
  g_autofree char *folded = vankho_text_fold (text, -1);
  GString *out = g_string_new (NULL);
  gboolean sep = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char a = to_ascii (c);

      if (vankho_extract_is_alnum (a))
        {
          if (sep && out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_c (out, a);
          sep = FALSE;
        }
      else
        sep = TRUE;
    }

  return g_string_free (out, FALSE);
}
