/* vankho-html-text.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vankho-html-text.h"
#include "vankho-markup-guard.h"
#include "vankho-text.h"

/* HTML to plain text for the archive: what a reader would see, in
 * paragraphs separated by a blank line. libxml2's HTML parser copes with
 * the tag soup feeds carry and decodes every named entity; we only walk
 * its tree. The walk is iterative because the HTML parser has no depth
 * limit, and a hostile page can nest a hundred thousand elements. Markup
 * with an element of thousands of attributes, which libxml2 2.9 reads in
 * quadratic time, is refused before it is parsed (vankho-markup-guard.c).
 */

enum
{
  TAG_BLOCK = 1 << 0,   /* paragraph break before and after */
  TAG_LINE  = 1 << 1,   /* line break (br, tr) */
  TAG_DROP  = 1 << 2,   /* never text a reader sees */
  TAG_PRE   = 1 << 3,   /* whitespace is significant */
  TAG_CELL  = 1 << 4,   /* a space between cells */
  TAG_BR    = 1 << 5,   /* two in a row are a paragraph break */
};

/* Not here: embed. It has no content, but libxml2 2.9 lets its end tag be
 * left out and puts the text after it inside it. */

typedef struct
{
  const char *name;
  guint       flags;
} TagInfo;

static const TagInfo tags[] = {
  { "address", TAG_BLOCK }, { "article", TAG_BLOCK }, { "aside", TAG_BLOCK },
  { "blockquote", TAG_BLOCK }, { "body", TAG_BLOCK }, { "caption", TAG_BLOCK },
  { "center", TAG_BLOCK }, { "dd", TAG_BLOCK }, { "details", TAG_BLOCK },
  { "dialog", TAG_BLOCK }, { "dir", TAG_BLOCK }, { "div", TAG_BLOCK },
  { "dl", TAG_BLOCK }, { "dt", TAG_BLOCK }, { "fieldset", TAG_BLOCK },
  { "figcaption", TAG_BLOCK }, { "figure", TAG_BLOCK }, { "footer", TAG_BLOCK },
  { "h1", TAG_BLOCK }, { "h2", TAG_BLOCK }, { "h3", TAG_BLOCK },
  { "h4", TAG_BLOCK }, { "h5", TAG_BLOCK }, { "h6", TAG_BLOCK },
  { "header", TAG_BLOCK }, { "hgroup", TAG_BLOCK }, { "hr", TAG_BLOCK },
  { "html", TAG_BLOCK }, { "legend", TAG_BLOCK }, { "li", TAG_BLOCK },
  { "main", TAG_BLOCK }, { "menu", TAG_BLOCK }, { "ol", TAG_BLOCK },
  { "p", TAG_BLOCK }, { "section", TAG_BLOCK }, { "summary", TAG_BLOCK },
  { "table", TAG_BLOCK }, { "tbody", TAG_BLOCK }, { "tfoot", TAG_BLOCK },
  { "thead", TAG_BLOCK }, { "ul", TAG_BLOCK },
  { "pre", TAG_BLOCK | TAG_PRE }, { "listing", TAG_BLOCK | TAG_PRE },
  { "xmp", TAG_BLOCK | TAG_PRE }, { "plaintext", TAG_BLOCK | TAG_PRE },
  { "br", TAG_LINE | TAG_BR }, { "tr", TAG_LINE },
  { "td", TAG_CELL }, { "th", TAG_CELL },
  { "script", TAG_DROP }, { "style", TAG_DROP }, { "nav", TAG_DROP },
  { "noscript", TAG_DROP }, { "template", TAG_DROP }, { "head", TAG_DROP },
  { "title", TAG_DROP }, { "iframe", TAG_DROP }, { "object", TAG_DROP },
  { "applet", TAG_DROP }, { "svg", TAG_DROP },
  { "math", TAG_DROP }, { "canvas", TAG_DROP }, { "button", TAG_DROP },
  { "select", TAG_DROP }, { "textarea", TAG_DROP }, { "input", TAG_DROP },
  { "audio", TAG_DROP }, { "video", TAG_DROP }, { "map", TAG_DROP },
  { "frameset", TAG_DROP }, { "frame", TAG_DROP }, { "form", TAG_DROP },
};

static GHashTable *
tag_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
        g_hash_table_insert (t, (gpointer) tags[i].name, GUINT_TO_POINTER (tags[i].flags));
      g_once_init_leave (&table, t);
    }

  return table;
}

static guint
tag_flags (const xmlChar *name)
{
  if (name == NULL)
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (tag_table (), name));
}

gboolean
vankho_html_is_block (const xmlChar *name)
{
  return (tag_flags (name) & (TAG_BLOCK | TAG_LINE)) != 0;
}

gboolean
vankho_html_is_dropped (const xmlChar *name)
{
  return (tag_flags (name) & TAG_DROP) != 0;
}

typedef struct
{
  GString *out;
  guint    pending_break;  /* 0, 1 = line, 2 = paragraph */
  gboolean pending_space;
  guint    pre_depth;
  gboolean needs_nfc;      /* wrote a character NFC might change */
} TextWriter;

static inline void
writer_break (TextWriter *w,
              guint       kind)
{
  if (kind > w->pending_break)
    w->pending_break = kind;
  w->pending_space = FALSE;
}

/* vankho_text_normalize() is right for any text but slow: NFC through
 * UCS-4 costs more than parsing the HTML. Text made only of characters
 * that stay NFC whatever follows them (no combining marks: ASCII, Latin-1
 * to IPA, the precomposed Vietnamese letters of U+1E00–U+1EFF, common
 * punctuation) is cleaned here by the same rules in one pass; anything
 * else goes the slow way. Keep in step with vankho_text_normalize().
 */
static inline gboolean
nfc_stable (gunichar c)
{
  return (c >= 0xA0 && c < 0x300) ||
         (c >= 0x1E00 && c <= 0x1EFF) ||
         (c >= 0x2010 && c <= 0x2027) ||
         (c >= 0x2030 && c <= 0x205E) ||
         (c >= 0x20A0 && c <= 0x20C0) ||
         c == 0x2122;
}

static inline gboolean
is_html_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* What writer_text_len() does with a character outside ASCII. */
typedef enum
{
  CHAR_KEPT,
  CHAR_SPACE,
  CHAR_BREAK,
  CHAR_DROPPED,
} CharRole;

static inline CharRole
char_role (gunichar u)
{
  if (u == 0xA0 || u == 0x202F || (u >= 0x2000 && u <= 0x200A) || u == 0x3000)
    return CHAR_SPACE;
  if (u == 0x2028 || u == 0x2029)
    return CHAR_BREAK;
  if (u == 0xAD || (u >= 0x200B && u <= 0x200D) || u == 0x2060 || u == 0xFEFF ||
      (u >= 0x80 && u < 0xA0))
    return CHAR_DROPPED;
  return CHAR_KEPT;
}

/* Writes @text with the whitespace of HTML collapsed and, as it goes, the
 * rules of vankho_text_normalize(): other spaces are spaces, invisible
 * characters go, and a character NFC might change is noted for
 * writer_finish(). */
static void
writer_text_len (TextWriter *w,
                 const char *text,
                 gsize       len)
{
  const char *end = text + len;
  const char *p = text;

  while (p < end)
    {
      const char *run = p;
      guchar c = *p;

      if (is_html_space (c) || c == '\v')
        {
          if (w->pre_depth > 0 && c == '\n')
            writer_break (w, 1);
          else if (w->pending_break == 0)
            w->pending_space = TRUE;
          p++;
          continue;
        }

      if (c < 0x20 || c == 0x7F)
        {
          p++;
          continue;
        }

      if (c >= 0x80)
        {
          gunichar u = g_utf8_get_char (p);

          p = MIN (g_utf8_next_char (p), end);
          switch (char_role (u))
            {
            case CHAR_SPACE:
              if (w->pending_break == 0)
                w->pending_space = TRUE;
              continue;
            case CHAR_BREAK:
              writer_break (w, 1);
              continue;
            case CHAR_DROPPED:
              continue;
            case CHAR_KEPT:
            default:
              if (!nfc_stable (u))
                w->needs_nfc = TRUE;
              break;
            }
        }
      else
        p++;

      if (w->pending_break > 0)
        {
          if (w->out->len > 0)
            g_string_append (w->out, w->pending_break > 1 ? "\n\n" : "\n");
          w->pending_break = 0;
          w->pending_space = FALSE;
        }
      else if (w->pending_space)
        {
          if (w->out->len > 0)
            g_string_append_c (w->out, ' ');
          w->pending_space = FALSE;
        }

      /* The rest of the word at once: visible ASCII and the characters
       * kept as they are. Vietnamese has one outside ASCII in most words,
       * and an append each was a tenth of parsing a feed. */
      while (p < end)
        {
          if (*p > 0x20 && *p < 0x7F)
            {
              p++;
            }
          else if ((guchar) *p >= 0x80)
            {
              gunichar u = g_utf8_get_char (p);

              if (char_role (u) != CHAR_KEPT)
                break;
              if (!nfc_stable (u))
                w->needs_nfc = TRUE;
              p = MIN (g_utf8_next_char (p), end);
            }
          else
            {
              break;
            }
        }
      g_string_append_len (w->out, run, p - run);
    }
}

/* The text written, NFC. */
static char *
writer_finish (TextWriter *w)
{
  GString *out = w->out;

  w->out = NULL;
  if (w->needs_nfc)
    {
      char *text = vankho_text_normalize (out->str, out->len);

      g_string_free (out, TRUE);
      return text;
    }
  return g_string_free (out, FALSE);
}

static void
writer_text (TextWriter *w,
             const char *text)
{
  writer_text_len (w, text, strlen (text));
}

static void
writer_enter (TextWriter *w,
              guint       flags)
{
  if (flags & TAG_BLOCK)
    writer_break (w, 2);
  else if (flags & TAG_LINE)
    /* 'Đoạn một.<br><br>Đoạn hai.': paragraphs, as many sites write them. */
    writer_break (w, (flags & TAG_BR) && w->pending_break == 1 ? 2 : 1);
  else if ((flags & TAG_CELL) && w->pending_break == 0)
    w->pending_space = TRUE;
  if (flags & TAG_PRE)
    w->pre_depth++;
}

static void
writer_leave (TextWriter *w,
              guint       flags)
{
  if (flags & TAG_BLOCK)
    writer_break (w, 2);
  else if ((flags & TAG_CELL) && w->pending_break == 0)
    w->pending_space = TRUE;
  if ((flags & TAG_PRE) && w->pre_depth > 0)
    w->pre_depth--;
}

static void
walk (TextWriter          *w,
      xmlNode             *root,
      VankhoHtmlSkipFunc   skip,
      gpointer             user_data,
      char               **first_image)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      gboolean descend = FALSE;

      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          if (node->content != NULL)
            writer_text (w, (const char *) node->content);
        }
      else if (node->type == XML_ELEMENT_NODE)
        {
          guint flags = tag_flags (node->name);

          if (first_image != NULL && *first_image == NULL &&
              xmlStrcmp (node->name, BAD_CAST "img") == 0)
            {
              xmlChar *src = xmlGetProp (node, BAD_CAST "src");

              if (src != NULL && *src != '\0')
                *first_image = g_strdup ((const char *) src);
              xmlFree (src);
            }

          if (!(flags & TAG_DROP) && (skip == NULL || node == root || !skip (node, user_data)))
            {
              writer_enter (w, flags);
              descend = node->children != NULL;
              if (!descend)
                writer_leave (w, flags);
            }
        }
      else if (node->type == XML_DOCUMENT_NODE || node->type == XML_HTML_DOCUMENT_NODE)
        descend = node->children != NULL;

      if (descend)
        {
          node = node->children;
          continue;
        }

      /* Climb until there is a next sibling, leaving elements on the way. */
      while (node != NULL && node != root && node->next == NULL)
        {
          node = node->parent;
          if (node != NULL && node->type == XML_ELEMENT_NODE)
            writer_leave (w, tag_flags (node->name));
        }
      if (node == NULL || node == root)
        break;
      node = node->next;
    }
}

/**
 * vankho_html_parse:
 * @html: UTF-8 HTML
 * @len: its length in bytes
 *
 * Parses HTML the one safe way: no network, no noise, recovering, and
 * nothing with an element of more than %VANKHO_MARKUP_MAX_ATTRIBUTES
 * attributes.
 *
 * Returns: (transfer full) (nullable): the document, %NULL if refused
 */
htmlDocPtr
vankho_html_parse (const char *html,
                   gsize       len)
{
  g_autofree char *safe = NULL;

  if (!vankho_markup_guard_check_html (html, len, &safe, &len) || len > G_MAXINT)
    return NULL;
  /* The text is UTF-8 already: a <meta charset> must not switch it. */
  return htmlReadMemory (safe != NULL ? safe : html, (int) len, NULL, "UTF-8",
                         VANKHO_HTML_PARSE_OPTIONS | HTML_PARSE_IGNORE_ENC);
}

/**
 * vankho_html_node_to_text:
 * @node: an element or document of a parsed HTML page
 * @skip: (nullable): leaves out elements for which it returns %TRUE
 * @user_data: data for @skip
 *
 * Returns: (transfer full): the text under @node, normalised
 */
char *
vankho_html_node_to_text (xmlNode            *node,
                          VankhoHtmlSkipFunc  skip,
                          gpointer            user_data)
{
  TextWriter w = { 0 };

  w.out = g_string_new (NULL);
  walk (&w, node, skip, user_data, NULL);
  return writer_finish (&w);
}

/* Feed entries are turned into text by the thousand: there the parser's
 * events are written out as they come, without building a tree (half the
 * time of a feed's parse went to building and freeing one per entry).
 * Same rules as walk(): libxml2's HTML parser closes what the markup left
 * open, so every start has its end. */
typedef struct
{
  TextWriter   w;
  guint        drop_depth;  /* inside an element never shown */
  char       **first_image;
} SaxText;

static void
sax_start_element (void           *ctx,
                   const xmlChar  *name,
                   const xmlChar **attrs)
{
  SaxText *sax = ((htmlParserCtxtPtr) ctx)->_private;
  guint flags = tag_flags (name);

  if (sax->drop_depth > 0 || (flags & TAG_DROP))
    {
      sax->drop_depth++;
      return;
    }

  if (sax->first_image != NULL && *sax->first_image == NULL && attrs != NULL &&
      xmlStrcmp (name, BAD_CAST "img") == 0)
    for (guint i = 0; attrs[i] != NULL; i += 2)
      if (xmlStrcmp (attrs[i], BAD_CAST "src") == 0 && attrs[i + 1] != NULL && *attrs[i + 1] != '\0')
        {
          *sax->first_image = g_strdup ((const char *) attrs[i + 1]);
          break;
        }

  writer_enter (&sax->w, flags);
}

static void
sax_end_element (void          *ctx,
                 const xmlChar *name)
{
  SaxText *sax = ((htmlParserCtxtPtr) ctx)->_private;

  if (sax->drop_depth > 0)
    sax->drop_depth--;
  else
    writer_leave (&sax->w, tag_flags (name));
}

static void
sax_characters (void          *ctx,
                const xmlChar *text,
                int            len)
{
  SaxText *sax = ((htmlParserCtxtPtr) ctx)->_private;

  if (sax->drop_depth == 0 && len > 0)
    writer_text_len (&sax->w, (const char *) text, len);
}

/* A parser context for the text of feed entries, one per thread, reused:
 * setting one up cost as much as parsing a short entry. Renewed now and
 * then, since its dictionary of names only grows. */
#define SAX_CONTEXT_USES 1000

typedef struct
{
  htmlParserCtxtPtr ctxt;
  guint             uses;
} SaxContext;

static void
sax_context_free (gpointer data)
{
  SaxContext *context = data;

  if (context->ctxt != NULL)
    htmlFreeParserCtxt (context->ctxt);
  g_free (context);
}

static GPrivate sax_context = G_PRIVATE_INIT (sax_context_free);

static htmlParserCtxtPtr
sax_context_get (void)
{
  SaxContext *context = g_private_get (&sax_context);

  if (context == NULL)
    {
      context = g_new0 (SaxContext, 1);
      g_private_set (&sax_context, context);
    }

  if (context->ctxt != NULL && ++context->uses > SAX_CONTEXT_USES)
    g_clear_pointer (&context->ctxt, htmlFreeParserCtxt);

  if (context->ctxt == NULL)
    {
      htmlParserCtxtPtr ctxt = htmlNewParserCtxt ();

      if (ctxt == NULL)
        return NULL;

      /* Only these events; no tree. The options set before the handlers,
       * as they may install libxml2's own. */
      htmlCtxtUseOptions (ctxt, VANKHO_HTML_PARSE_OPTIONS | HTML_PARSE_IGNORE_ENC);
      memset (ctxt->sax, 0, sizeof (htmlSAXHandler));
      ctxt->sax->initialized = 1;
      ctxt->sax->startElement = sax_start_element;
      ctxt->sax->endElement = sax_end_element;
      ctxt->sax->characters = sax_characters;
      ctxt->sax->ignorableWhitespace = sax_characters;
      ctxt->sax->cdataBlock = sax_characters;
      context->ctxt = ctxt;
      context->uses = 0;
    }

  return context->ctxt;
}

/* Writes the text of @html into @sax; FALSE if the parser could not start. */
static gboolean
sax_html_to_text (const char *html,
                  gsize       len,
                  SaxText    *sax)
{
  htmlParserCtxtPtr ctxt;
  htmlDocPtr doc;

  if (len > G_MAXINT || (ctxt = sax_context_get ()) == NULL)
    return FALSE;

  ctxt->_private = sax;
  /* The text is UTF-8 already: a <meta charset> must not switch it. */
  doc = htmlCtxtReadMemory (ctxt, html, (int) len, NULL, "UTF-8",
                            VANKHO_HTML_PARSE_OPTIONS | HTML_PARSE_IGNORE_ENC);
  if (doc != NULL)
    xmlFreeDoc (doc);
  ctxt->_private = NULL;

  return TRUE;
}

static gboolean
has_markup (const char *text,
            gsize       len)
{
  return memchr (text, '<', len) != NULL || memchr (text, '&', len) != NULL;
}

/**
 * vankho_plain_text_clean:
 * @text: UTF-8 plain text
 * @len: its length, or -1
 *
 * Cleans text that is not markup: blank lines stay paragraph breaks,
 * other runs of whitespace become one space, NFC.
 *
 * Returns: (transfer full): the text
 */
char *
vankho_plain_text_clean (const char *text,
                         gssize      len)
{
  TextWriter w = { 0 };
  const char *p, *end;

  if (len < 0)
    len = strlen (text);
  end = text + len;
  w.out = g_string_sized_new (len + 1);

  /* The writer's rules, with a blank line for a paragraph break. */
  for (p = text; p < end;)
    {
      const char *run = p;
      guint newlines = 0;

      if (is_html_space (*p) || *p == '\v')
        {
          for (; p < end && (is_html_space (*p) || *p == '\v'); p++)
            newlines += *p == '\n';
          if (newlines > 1)
            writer_break (&w, 2);
          else if (w.pending_break == 0)
            w.pending_space = TRUE;
          continue;
        }

      while (p < end && !is_html_space (*p) && *p != '\v')
        p++;
      writer_text_len (&w, run, p - run);
    }

  return writer_finish (&w);
}

/**
 * vankho_html_to_text_full:
 * @html: UTF-8 HTML, a fragment or a page
 * @len: its length in bytes, or -1 if nul-terminated
 * @first_image: (out) (optional) (nullable): the first image's src, as written
 *
 * Returns: (transfer full): plain text in paragraphs separated by "\n\n"
 */
char *
vankho_html_to_text_full (const char  *html,
                          gssize       len,
                          char       **first_image)
{
  g_return_val_if_fail (html != NULL, NULL);

  if (len < 0)
    len = strlen (html);

  /* Callers pass text from libxml2, always UTF-8; anything else is mended
   * rather than refused. */
  if (!g_utf8_validate_len (html, len, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (html, len);

      return vankho_html_fragment_to_text (valid, strlen (valid), first_image);
    }

  return vankho_html_fragment_to_text (html, len, first_image);
}

/**
 * vankho_html_fragment_to_text:
 * @html: HTML in valid UTF-8, as libxml2 gives it
 * @len: its length in bytes
 * @first_image: (out) (optional) (nullable): the first image's src, as written
 *
 * vankho_html_to_text_full() for text known to be valid UTF-8: the feed
 * parser's entries, thousands a feed.
 *
 * Returns: (transfer full): plain text in paragraphs separated by "\n\n";
 *   empty for markup with an element of more than
 *   %VANKHO_MARKUP_MAX_ATTRIBUTES attributes
 */
char *
vankho_html_fragment_to_text (const char  *html,
                              gsize        len,
                              char       **first_image)
{
  SaxText sax = { { 0 } };
  g_autofree char *safe = NULL;

  g_return_val_if_fail (html != NULL, NULL);

  if (first_image != NULL)
    *first_image = NULL;

  /* Most feed titles and many summaries hold no markup at all. */
  if (!has_markup (html, len))
    return vankho_plain_text_clean (html, len);

  /* Hostile markup: no text, rather than the markup shown as text. */
  if (!vankho_markup_guard_check_html (html, len, &safe, &len))
    return g_strdup ("");
  if (safe != NULL)
    html = safe;

  sax.w.out = g_string_sized_new (len + 1);
  sax.first_image = first_image;
  if (!sax_html_to_text (html, len, &sax))
    {
      g_string_free (sax.w.out, TRUE);
      return vankho_plain_text_clean (html, len);
    }

  return writer_finish (&sax.w);
}

/**
 * vankho_html_to_text:
 * @html: UTF-8 HTML, a fragment or a page
 * @len: its length in bytes, or -1 if nul-terminated
 *
 * Turns HTML into the plain text a reader would see: entities decoded,
 * scripts, styles, navigation and forms dropped, block elements made
 * paragraphs separated by a blank line, line breaks kept, NFC.
 *
 * Returns: (transfer full): the text
 */
char *
vankho_html_to_text (const char *html,
                     gssize      len)
{
  return vankho_html_to_text_full (html, len, NULL);
}
