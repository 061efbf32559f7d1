/* vankho-search-query.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Turns what a user types into an FTS5 expression. We never hand user text to
 * FTS5 as syntax: every word is re-tokenized with the index's own tokenizer
 * and quoted, so a stray quote, bracket or colon cannot make a query fail.
 *
 * Supported: words (all must match), "phrases", prefix*, OR (or |) between
 * terms, -word and NOT word. A word with inner punctuation, such as the
 * document symbols 12-NQ/TW or 30/2023/QH15, becomes the phrase of its parts,
 * so it matches the symbol as written and not its parts scattered around.
 */

#include "config.h"

#include <string.h>

#include "vankho-search-query.h"
#include "vankho-text.h"

struct _VankhoSearchQuery
{
  char *match;
  char *exclude;
  char *plain;
};

typedef struct
{
  GPtrArray *clauses;     /* GPtrArray of alternatives (char *), AND-ed */
  GPtrArray *negatives;   /* char *, OR-ed and excluded */
  GPtrArray *words;       /* plain folded words, for the fallback */
  gboolean   pending_or;
  gboolean   pending_not;
} Builder;

static gboolean
collect_token (const char *token,
               gsize       token_len,
               gsize       start,
               gsize       end,
               gpointer    user_data)
{
  GPtrArray *tokens = user_data;

  g_ptr_array_add (tokens, g_strndup (token, token_len));
  return TRUE;
}

/* Returns an FTS5 string for @text, "a b c" with an optional prefix star, or
 * NULL if @text has no word in it.
 */
static char *
build_term (Builder    *builder,
            const char *text,
            gsize       len,
            gboolean    prefix,
            gboolean    negated)
{
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  GString *term;

  vankho_text_foreach_token (text, len, collect_token, tokens);
  if (tokens->len == 0)
    return NULL;

  term = g_string_new ("\"");
  for (guint i = 0; i < tokens->len; i++)
    {
      if (i > 0)
        g_string_append_c (term, ' ');
      g_string_append (term, g_ptr_array_index (tokens, i));
      if (!negated)
        g_ptr_array_add (builder->words, g_strdup (g_ptr_array_index (tokens, i)));
    }
  g_string_append_c (term, '"');
  if (prefix)
    g_string_append (term, " *");

  return g_string_free (term, FALSE);
}

static void
add_term (Builder    *builder,
          const char *text,
          gsize       len,
          gboolean    negated,
          gboolean    prefix)
{
  char *term;

  negated = negated || builder->pending_not;
  builder->pending_not = FALSE;

  term = build_term (builder, text, len, prefix, negated);
  if (term == NULL)
    return;

  if (negated)
    {
      g_ptr_array_add (builder->negatives, term);
      builder->pending_or = FALSE;
      return;
    }

  if (builder->pending_or && builder->clauses->len > 0)
    {
      GPtrArray *last = g_ptr_array_index (builder->clauses, builder->clauses->len - 1);
      g_ptr_array_add (last, term);
    }
  else
    {
      GPtrArray *clause = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (clause, term);
      g_ptr_array_add (builder->clauses, clause);
    }

  builder->pending_or = FALSE;
}

static gboolean
is_quote (gunichar c)
{
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB;
}

static gboolean
quotes_balanced (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (is_quote (g_utf8_get_char (p)))
      n++;

  return n % 2 == 0;
}

static void
parse_into (Builder    *builder,
            const char *text)
{
  gboolean use_quotes = quotes_balanced (text);
  const char *p = text;

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      const char *start;
      gboolean negated = FALSE;
      gboolean prefix = FALSE;
      gsize len;

      if (g_unichar_isspace (c) || (!use_quotes && is_quote (c)))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      if (c == '-' && p[1] != '\0' && !g_ascii_isspace (p[1]))
        {
          negated = TRUE;
          p++;
          c = g_utf8_get_char (p);
        }

      if (use_quotes && is_quote (c))
        {
          /* "a phrase", kept together */
          start = g_utf8_next_char (p);
          for (p = start; *p && !is_quote (g_utf8_get_char (p)); p = g_utf8_next_char (p))
            ;
          len = p - start;
          if (*p)
            p = g_utf8_next_char (p);
          if (*p == '*')
            {
              prefix = TRUE;
              p++;
            }
          add_term (builder, start, len, negated, prefix);
          continue;
        }

      start = p;
      while (*p && !g_unichar_isspace (g_utf8_get_char (p))
             && !(use_quotes && is_quote (g_utf8_get_char (p))))
        p = g_utf8_next_char (p);
      len = p - start;

      if (!negated && ((len == 2 && strncmp (start, "OR", 2) == 0) ||
                       (len == 1 && *start == '|')))
        {
          builder->pending_or = TRUE;
          continue;
        }
      if (!negated && len == 3 && strncmp (start, "AND", 3) == 0)
        continue;
      if (!negated && len == 3 && strncmp (start, "NOT", 3) == 0)
        {
          builder->pending_not = TRUE;
          continue;
        }

      if (len > 1 && start[len - 1] == '*')
        {
          prefix = TRUE;
          len--;
        }

      add_term (builder, start, len, negated, prefix);
    }
}

static char *
join_clause (GPtrArray *alternatives)
{
  g_autofree char *joined = NULL;

  g_ptr_array_add (alternatives, NULL);
  joined = g_strjoinv (" OR ", (char **) alternatives->pdata);
  g_ptr_array_remove_index (alternatives, alternatives->len - 1);

  if (alternatives->len == 1)
    return g_steal_pointer (&joined);

  return g_strdup_printf ("(%s)", joined);
}

/**
 * vankho_search_query_parse:
 * @text: what the user typed
 *
 * Returns: (transfer full): the parsed query; never %NULL
 */
VankhoSearchQuery *
vankho_search_query_parse (const char *text)
{
  VankhoSearchQuery *self = g_new0 (VankhoSearchQuery, 1);
  Builder builder = { 0 };

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return self;

  builder.clauses = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  builder.negatives = g_ptr_array_new_with_free_func (g_free);
  builder.words = g_ptr_array_new_with_free_func (g_free);

  parse_into (&builder, text);

  if (builder.clauses->len > 0)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GString *match = g_string_new (NULL);

      /* A word typed twice is asked for once: it matches the same
       * articles, and each repeat would be counted and ranked again. */
      for (guint i = 0; i < builder.clauses->len; i++)
        {
          char *clause = join_clause (g_ptr_array_index (builder.clauses, i));

          if (!g_hash_table_add (seen, clause))
            continue;
          if (match->len > 0)
            g_string_append (match, " AND ");
          g_string_append (match, clause);
        }

      self->match = g_string_free (match, FALSE);
    }

  if (builder.negatives->len > 0)
    {
      g_ptr_array_add (builder.negatives, NULL);
      self->exclude = g_strjoinv (" OR ", (char **) builder.negatives->pdata);
    }

  if (builder.words->len > 0)
    {
      GString *plain = g_string_new (NULL);

      for (guint i = 0; i < builder.words->len; i++)
        g_string_append_printf (plain, "%s\"%s\"", i > 0 ? " " : "",
                                (char *) g_ptr_array_index (builder.words, i));
      self->plain = g_string_free (plain, FALSE);
    }

  g_ptr_array_unref (builder.clauses);
  g_ptr_array_unref (builder.negatives);
  g_ptr_array_unref (builder.words);

  return self;
}

void
vankho_search_query_free (VankhoSearchQuery *self)
{
  if (self == NULL)
    return;

  g_free (self->match);
  g_free (self->exclude);
  g_free (self->plain);
  g_free (self);
}

/**
 * vankho_search_query_is_empty:
 *
 * Returns: %TRUE if the text held no word to search for
 */
gboolean
vankho_search_query_is_empty (const VankhoSearchQuery *self)
{
  return self->match == NULL && self->exclude == NULL;
}

/**
 * vankho_search_query_get_match:
 *
 * Returns: (nullable): the FTS5 expression the articles must match, or %NULL
 *   if the query only excludes
 */
const char *
vankho_search_query_get_match (const VankhoSearchQuery *self)
{
  return self->match;
}

/**
 * vankho_search_query_get_exclude:
 *
 * Returns: (nullable): the FTS5 expression of the words the articles must not
 *   contain
 */
const char *
vankho_search_query_get_exclude (const VankhoSearchQuery *self)
{
  return self->exclude;
}

/**
 * vankho_search_query_get_plain:
 *
 * Returns: (nullable): every word the query looks for, each quoted, all
 *   required: the fallback when the full expression cannot run
 */
const char *
vankho_search_query_get_plain (const VankhoSearchQuery *self)
{
  return self->plain;
}
