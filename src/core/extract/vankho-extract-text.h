/* vankho-extract-text.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The text every extractor reads: the original UTF-8 and a folded copy with
 * one ASCII byte per character (lower case, no tone or vowel marks, đ → d,
 * every kind of space → ' ', dashes → '-', curly quotes → '"'), with a map
 * from each folded byte back to the original byte offset and a flag saying
 * whether the original character was upper case.
 */
typedef struct
{
  const char *text;      /* original, not owned */
  gsize       len;
  char       *fold;      /* nul-terminated ASCII */
  gsize       fold_len;
  gsize      *map;       /* fold_len + 1 entries */
  guint8     *upper;     /* fold_len entries */
} VankhoExtractText;

VankhoExtractText *vankho_extract_text_new        (const char              *text,
                                                    gsize                    len);
void               vankho_extract_text_free       (VankhoExtractText       *self);

static inline gboolean
vankho_extract_is_alnum (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static inline gboolean
vankho_extract_is_digit (char c)
{
  return c >= '0' && c <= '9';
}

gboolean  vankho_extract_text_word_start   (const VankhoExtractText *self,
                                            gsize                    pos);
gsize     vankho_extract_text_word_end     (const VankhoExtractText *self,
                                            gsize                    pos);
gsize     vankho_extract_text_skip_blank   (const VankhoExtractText *self,
                                            gsize                    pos);
gboolean  vankho_extract_text_match        (const VankhoExtractText *self,
                                            gsize                    pos,
                                            const char              *phrase,
                                            gsize                   *end);
gboolean  vankho_extract_text_match_back   (const VankhoExtractText *self,
                                            gsize                    pos,
                                            const char              *phrase,
                                            gsize                   *start);
gboolean  vankho_extract_text_prev_word    (const VankhoExtractText *self,
                                            gsize                    pos,
                                            gsize                   *start,
                                            gsize                   *end);
gboolean  vankho_extract_text_is_capital   (const VankhoExtractText *self,
                                            gsize                    start,
                                            gsize                    end);
gboolean  vankho_extract_text_is_all_caps  (const VankhoExtractText *self,
                                            gsize                    start,
                                            gsize                    end);
gboolean  vankho_extract_text_read_number  (const VankhoExtractText *self,
                                            gsize                    pos,
                                            guint                    max_digits,
                                            guint                   *value,
                                            gsize                   *end);
void      vankho_extract_text_orig_span    (const VankhoExtractText *self,
                                            gsize                    start,
                                            gsize                    end,
                                            gsize                   *orig_start,
                                            gsize                   *orig_len);
char     *vankho_extract_text_orig_dup     (const VankhoExtractText *self,
                                            gsize                    start,
                                            gsize                    end);
void      vankho_extract_text_sentence     (const VankhoExtractText *self,
                                            gsize                    pos,
                                            gsize                   *start,
                                            gsize                   *end);
gsize     vankho_extract_text_line_start   (const VankhoExtractText *self,
                                            gsize                    pos);

char     *vankho_extract_canonical         (const char              *text,
                                            gssize                   len);
gboolean  vankho_extract_same_spelling     (const char              *written,
                                            gssize                   written_len,
                                            const char              *name);
char     *vankho_extract_fold_phrase       (const char              *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VankhoExtractText, vankho_extract_text_free)

G_END_DECLS
