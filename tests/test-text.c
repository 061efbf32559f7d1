/* test-text.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vankho-text.h"

static void
assert_folds_to (const char *text,
                 const char *expected)
{
  g_autofree char *folded = vankho_text_fold (text, -1);

  g_assert_cmpstr (folded, ==, expected);
}

static void
test_fold_vietnamese (void)
{
  assert_folds_to ("Đảng ủy", "dang uy");
  assert_folds_to ("Đảng uỷ", "dang uy");
  assert_folds_to ("ĐẢNG UỶ", "dang uy");
  assert_folds_to ("hoà bình", "hoa binh");
  assert_folds_to ("hòa bình", "hoa binh");
  assert_folds_to ("Nghị quyết", "nghi quyet");
  assert_folds_to ("Bộ Công an", "bo cong an");
  assert_folds_to ("thuỷ lợi, thủy lợi", "thuy loi, thuy loi");
  assert_folds_to ("ươ ƯƠ ăâê ôơư", "uo uo aae oou");
  /* Ð (U+00D0, eth) is typed for Đ. */
  assert_folds_to ("\xc3\x90\xe1\xba\xa3ng", "dang");
}

static void
test_fold_nfd (void)
{
  /* 'Đảng ủy' decomposed: a + hook above, u + hook above. */
  assert_folds_to ("\xc4\x90" "a\xcc\x89ng u\xcc\x89y", "dang uy");
}

static void
test_fold_map (void)
{
  const char *text = "Đảng ủy Gia Lai";
  g_autofree gsize *offsets = NULL;
  g_autofree char *folded = vankho_text_fold_with_map (text, -1, &offsets);
  const char *hit = strstr (folded, "gia lai");

  g_assert_nonnull (hit);
  g_assert_cmpuint (offsets[hit - folded], ==, strstr (text, "Gia Lai") - text);
  g_assert_cmpuint (offsets[strlen (folded)], ==, strlen (text));
}

typedef struct
{
  GPtrArray *tokens;
  GArray    *starts;
} Tokens;

static gboolean
collect (const char *token,
         gsize       len,
         gsize       start,
         gsize       end,
         gpointer    user_data)
{
  Tokens *tokens = user_data;

  g_ptr_array_add (tokens->tokens, g_strndup (token, len));
  g_array_append_val (tokens->starts, start);
  return TRUE;
}

static void
test_tokens (void)
{
  /* NBSP, zero-width space inside a word, symbols, numbers. */
  const char *text = "Nghị\xc2\xa0quyết số 12-NQ/TW; Đả\xe2\x80\x8bng 1.103";
  Tokens tokens = { g_ptr_array_new_with_free_func (g_free), g_array_new (FALSE, FALSE, sizeof (gsize)) };
  const char *expected[] = { "nghi", "quyet", "so", "12", "nq", "tw", "dang", "1", "103" };

  vankho_text_foreach_token (text, strlen (text), collect, &tokens);

  g_assert_cmpuint (tokens.tokens->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_ptr_array_index (tokens.tokens, i), ==, expected[i]);
  g_assert_cmpuint (g_array_index (tokens.starts, gsize, 3), ==, strstr (text, "12-") - text);

  g_ptr_array_unref (tokens.tokens);
  g_array_unref (tokens.starts);
}

static void
test_tokens_hostile (void)
{
  /* A wall of digits and slashes, and invalid UTF-8: no crash, bounded tokens. */
  gsize len = 1024 * 1024;
  g_autofree char *text = g_malloc (len);
  Tokens tokens = { g_ptr_array_new_with_free_func (g_free), g_array_new (FALSE, FALSE, sizeof (gsize)) };

  for (gsize i = 0; i < len; i++)
    text[i] = (i % 7 == 6) ? (char) 0x2f : (i % 5000 == 0 ? (char) 0xff : (char) (0x30 + i % 10));

  vankho_text_foreach_token (text, len, collect, &tokens);
  g_assert_cmpuint (tokens.tokens->len, >, 1000);
  for (guint i = 0; i < tokens.tokens->len; i++)
    g_assert_cmpuint (strlen (g_ptr_array_index (tokens.tokens, i)), <=, 132);

  g_ptr_array_unref (tokens.tokens);
  g_array_unref (tokens.starts);
}

static void
test_normalize (void)
{
  g_autofree char *clean = NULL;

  clean = vankho_text_normalize ("  Đảng\xc2\xa0\xc2\xa0uỷ\r\n\r\n\r\n\r\nCông\xe2\x80\x8b an \t tỉnh  \n", -1);
  g_assert_cmpstr (clean, ==, "Đảng uỷ\n\nCông an tỉnh");

  g_free (clean);
  /* NFD in, NFC out. */
  clean = vankho_text_normalize ("u\xcc\x89y", -1);
  g_assert_cmpstr (clean, ==, "ủy");
}

static void
test_snippet_format (void)
{
  g_autofree char *markup = NULL;
  g_autofree char *plain = NULL;

  markup = vankho_text_format_snippet ("a <b> & \x02" "Đảng" "\x03 ủy", "<b>", "</b>", TRUE);
  g_assert_cmpstr (markup, ==, "a &lt;b&gt; &amp; <b>Đảng</b> ủy");
  plain = vankho_text_format_snippet ("\x02x\x03 \x02y\x03 z \x02w\x03", "[", "]", FALSE);
  g_assert_cmpstr (plain, ==, "[x y] z [w]");
}

static void
test_shorten (void)
{
  g_autofree char *short_text = vankho_text_shorten ("Đảng uỷ Công an tỉnh Gia Lai tổ chức", 20);

  g_assert_true (g_str_has_suffix (short_text, "…"));
  g_assert_cmpint (g_utf8_strlen (short_text, -1), <=, 21);
  g_assert_true (g_str_has_prefix (short_text, "Đảng uỷ Công an"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/fold/vietnamese", test_fold_vietnamese);
  g_test_add_func ("/text/fold/nfd", test_fold_nfd);
  g_test_add_func ("/text/fold/map", test_fold_map);
  g_test_add_func ("/text/tokens/basic", test_tokens);
  g_test_add_func ("/text/tokens/hostile", test_tokens_hostile);
  g_test_add_func ("/text/normalize", test_normalize);
  g_test_add_func ("/text/snippet", test_snippet_format);
  g_test_add_func ("/text/shorten", test_shorten);

  return g_test_run ();
}
