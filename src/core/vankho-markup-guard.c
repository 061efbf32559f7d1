/* vankho-markup-guard.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libxml2 2.9 checks each attribute of an element against every one before
 * it, in its XML parser and in its HTML parser alike: one element with
 * 200 000 attributes holds a parse for minutes. A linear pass over the
 * text refuses markup with an element of more than
 * VANKHO_MARKUP_MAX_ATTRIBUTES before libxml2 sees it.
 *
 * The pass must never count fewer attributes than libxml2 will read, so it
 * keeps to libxml2's own rules, and is generous where they are unclear:
 *
 * XML. libxml2 ends a start tag at any '<', even inside a quoted value (an
 * error it recovers from by reading the '<' as new markup). So every '<'
 * starts afresh, and names are counted in every start tag, including
 * those inside comments, CDATA and declarations: only hostile text has a
 * thousand there. Markup that never appears in the text, the replacement
 * text of an entity (where "&#60;" is '<') and the defaults of an
 * ATTLIST, is checked as the parser reads the declarations:
 * vankho_markup_guard_read_xml().
 *
 * HTML. libxml2 reads a '<' inside a quoted value, a comment or a script
 * as text, and a misreading of those could hide a real tag inside what
 * the pass took for a value. Instead of guessing, the pass writes every
 * "<x" it does not itself read as a start tag (inside tags, comments,
 * scripts and styles) as "&lt;x": libxml2 can then start a tag only where
 * the pass did, and it reads that tag's attributes exactly as the pass
 * counts them. A reader sees no difference: "&lt;" in a value is '<', and
 * comments and scripts are never shown.
 */

#include "config.h"

#include <string.h>
#include <libxml/SAX2.h>

#include "vankho-markup-guard.h"

/* libxml2's HTML parser cuts a name at 100 bytes (HTML_PARSER_BUFFER_SIZE)
 * and reads the rest as more attributes. */
#define HTML_NAME_MAX 100

/* A default that an ATTLIST declares is added to every element of that
 * name, each checked against all before it. Feeds and OPML never declare
 * one; a few dozen cost nothing. */
#define MAX_DTD_DEFAULTS 32

typedef struct
{
  const char *text;
  const char *end;
  guint       limit;
  guint       most;     /* attributes on the busiest element so far */
  guint       namespaces;  /* XML: declarations so far */
  GString    *safe;     /* HTML: the text with '<' escaped, once one is */
  const char *copied;   /* HTML: how much of the text @safe holds */
} Scan;

static void
scan_init (Scan       *s,
           const char *text,
           gsize       len)
{
  memset (s, 0, sizeof *s);
  s->text = text;
  s->end = text + len;
  s->limit = VANKHO_MARKUP_MAX_ATTRIBUTES;
  s->copied = text;
}

static inline gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* FALSE once an element has too many. */
static inline gboolean
scan_count (Scan  *s,
            guint  n)
{
  s->most = MAX (s->most, n);
  return n <= s->limit;
}

/* ---------------------------------------------------------------- */
/* XML                                                                */
/* ---------------------------------------------------------------- */

/* A superset of XML's NameStartChar: any non-ASCII byte may start one. */
static inline gboolean
xml_name_start (char c)
{
  return g_ascii_isalpha (c) || c == '_' || c == ':' || (guchar) c >= 0x80;
}

static inline gboolean
xml_delimiter (char c)
{
  return is_blank (c) || c == '=' || c == '>' || c == '<' || c == '/' || c == '"' || c == '\'';
}

static gboolean
xml_scan (Scan *s)
{
  const char *p = s->text;
  const char *end = s->end;

  while (p < end && (p = memchr (p, '<', end - p)) != NULL)
    {
      guint n = 0;

      if (++p >= end || !xml_name_start (*p))
        continue;
      while (p < end && !xml_delimiter (*p))
        p++;

      while (p < end && *p != '>' && *p != '<')
        {
          if (*p == '=')
            {
              for (p++; p < end && is_blank (*p); p++)
                ;
              if (p < end && (*p == '"' || *p == '\''))
                {
                  char quote = *p++;

                  while (p < end && *p != quote && *p != '<')
                    p++;
                  if (p < end && *p == quote)
                    p++;
                }
            }
          else if (xml_delimiter (*p))
            p++;
          else
            {
              const char *name = p;

              while (p < end && !xml_delimiter (*p))
                p++;
              if (!scan_count (s, ++n))
                return FALSE;
              /* libxml2 2.9 looks each prefixed name up through every
               * declaration in scope, one by one: their number multiplies
               * the time of every attribute after them. */
              if (((p - name == 5 && memcmp (name, "xmlns", 5) == 0) ||
                   (p - name > 6 && memcmp (name, "xmlns:", 6) == 0)) &&
                  ++s->namespaces > VANKHO_MARKUP_MAX_NAMESPACES)
                return FALSE;
            }
        }
    }

  return TRUE;
}

/* ---------------------------------------------------------------- */
/* HTML                                                               */
/* ---------------------------------------------------------------- */

/* htmlParseHTMLName()'s rules, for elements and attributes alike. */
static inline gboolean
html_name_start (char c)
{
  return g_ascii_isalpha (c) || c == '_' || c == ':' || c == '.';
}

static inline gboolean
html_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == ':' || c == '.' || c == '-';
}

/* Writes the '<' at @p as "&lt;" if a tag could start there. */
static void
html_escape (Scan       *s,
             const char *p)
{
  if (p + 1 >= s->end || !html_name_start (p[1]))
    return;

  if (s->safe == NULL)
    s->safe = g_string_sized_new ((s->end - s->text) + 256);
  g_string_append_len (s->safe, s->copied, p - s->copied);
  g_string_append (s->safe, "&lt;");
  s->copied = p + 1;
}

/* Up to (not past) @stop, escaping every '<' on the way. */
static const char *
html_escape_until (Scan       *s,
                   const char *p,
                   const char *stop)
{
  while (p < stop && (p = memchr (p, '<', stop - p)) != NULL)
    html_escape (s, p++);

  return stop;
}

/* What follows an attribute's name at @p: blanks, then '=' and a value,
 * if there is one. */
static const char *
html_value (Scan       *s,
            const char *p)
{
  const char *end = s->end;

  while (p < end && is_blank (*p))
    p++;
  if (p >= end || *p != '=')
    return p;

  for (p++; p < end && is_blank (*p); p++)
    ;
  if (p < end && (*p == '"' || *p == '\''))
    {
      const char *close = memchr (p + 1, *p, end - p - 1);

      p = html_escape_until (s, p + 1, close != NULL ? close : end);
      return p < end ? p + 1 : p;
    }

  /* Unquoted: up to a blank or '>'. */
  for (; p < end && !is_blank (*p) && *p != '>'; p++)
    if (*p == '<')
      html_escape (s, p);

  return p;
}

/* A name at @p, as htmlParseHTMLName() reads it: at most 100 bytes. */
static const char *
html_name (const char *p,
           const char *end)
{
  const char *stop = p + MIN (end - p, HTML_NAME_MAX);

  while (p < stop && html_name_char (*p))
    p++;

  return p;
}

/* A start tag, '<' then a name start at @p, read the way
 * htmlParseStartTag() reads it. Returns where it ends, or NULL if it has
 * too many attributes; @raw is the length of its name when its content is
 * raw text (script, style), else 0.
 */
static const char *
html_tag (Scan       *s,
          const char *p,
          gsize      *raw)
{
  const char *end = s->end;
  const char *tag = ++p;
  gsize tag_len;
  guint n = 0;

  /* A name longer than 100 bytes goes on as attributes, 100 bytes each,
   * as long as each piece starts as a name does. */
  p = html_name (p, end);
  tag_len = p - tag;
  *raw = 0;

  for (;;)
    {
      while (p < end && is_blank (*p))
        p++;
      if (p >= end)
        break;

      if (*p == '>')
        {
          if ((tag_len == 6 && g_ascii_strncasecmp (tag, "script", 6) == 0) ||
              (tag_len == 5 && g_ascii_strncasecmp (tag, "style", 5) == 0))
            *raw = tag_len;
          return p + 1;
        }
      if (*p == '/' && p + 1 < end && p[1] == '>')
        return p + 2;

      if (html_name_start (*p))
        {
          if (!scan_count (s, ++n))
            return NULL;
          p = html_name (p, end);
          if (p < end && html_name_char (*p))
            continue;
          p = html_value (s, p);
        }
      else
        {
          /* Not a name: libxml2 drops it up to a blank or the tag's end. */
          for (; p < end && !is_blank (*p) && *p != '>'; p++)
            {
              if (*p == '/' && p + 1 < end && p[1] == '>')
                break;
              if (*p == '<')
                html_escape (s, p);
            }
        }
    }

  /* No end: libxml2 reads no further markup either. */
  return end;
}

/* The raw text of a script or style, up to its end tag. */
static const char *
html_raw (Scan       *s,
          const char *p,
          const char *tag,
          gsize       tag_len)
{
  const char *end = s->end;
  const char *stop = p;

  while (stop < end && (stop = memchr (stop, '<', end - stop)) != NULL)
    {
      if (stop + 2 + tag_len <= end && stop[1] == '/' &&
          g_ascii_strncasecmp (stop + 2, tag, tag_len) == 0)
        break;
      stop++;
    }

  return html_escape_until (s, p, stop != NULL ? stop : end);
}

/* A comment, from after its "<!--" to after its "-->" (or "--!>"). */
static const char *
html_comment (Scan       *s,
              const char *p)
{
  const char *end = s->end;
  const char *close = p;

  while (close < end && (close = memchr (close, '-', end - close)) != NULL)
    {
      if (close + 3 <= end && close[1] == '-' && close[2] == '>')
        return html_escape_until (s, p, close) + 3;
      if (close + 4 <= end && close[1] == '-' && close[2] == '!' && close[3] == '>')
        return html_escape_until (s, p, close) + 4;
      close++;
    }

  return html_escape_until (s, p, end);
}

static gboolean
html_scan (Scan *s)
{
  const char *p = s->text;
  const char *end = s->end;

  while (p < end && (p = memchr (p, '<', end - p)) != NULL)
    {
      if (p + 1 < end && html_name_start (p[1]))
        {
          const char *tag = p + 1;
          gsize raw;

          p = html_tag (s, p, &raw);
          if (p == NULL)
            return FALSE;
          if (raw > 0)
            p = html_raw (s, p, tag, raw);
        }
      else if (p + 4 <= end && memcmp (p, "<!--", 4) == 0)
        p = html_comment (s, p + 4);
      else
        p++;
    }

  return TRUE;
}

/* ---------------------------------------------------------------- */
/* Public                                                             */
/* ---------------------------------------------------------------- */

/**
 * vankho_markup_guard_check_xml:
 * @xml: an XML document or fragment, in UTF-8
 * @len: its length in bytes
 *
 * Whether libxml2 may parse @xml (as UTF-8) in reasonable time: no element
 * has more than %VANKHO_MARKUP_MAX_ATTRIBUTES attributes. The declarations
 * of a DTD are checked by vankho_markup_guard_read_xml() only.
 *
 * Returns: %FALSE if an element has too many
 */
gboolean
vankho_markup_guard_check_xml (const char *xml,
                               gsize       len)
{
  Scan s;

  g_return_val_if_fail (xml != NULL || len == 0, FALSE);

  scan_init (&s, xml, len);
  return xml_scan (&s);
}

/**
 * vankho_markup_guard_check_html:
 * @html: HTML in UTF-8
 * @len: its length in bytes
 * @safe_html: (out) (transfer full) (nullable): what to parse instead of
 *   @html, or %NULL if @html itself is safe
 * @safe_len: (out): the length of what to parse
 *
 * Whether libxml2's HTML parser may parse @html in reasonable time: no
 * element has more than %VANKHO_MARKUP_MAX_ATTRIBUTES attributes. This
 * holds only for the text in @safe_html when it is set: there, a '<' the
 * parser could have read as a tag hidden from this check is "&lt;".
 *
 * Returns: %FALSE if an element has too many
 */
gboolean
vankho_markup_guard_check_html (const char  *html,
                                gsize        len,
                                char       **safe_html,
                                gsize       *safe_len)
{
  Scan s;

  g_return_val_if_fail (html != NULL || len == 0, FALSE);
  g_return_val_if_fail (safe_html != NULL, FALSE);
  g_return_val_if_fail (safe_len != NULL, FALSE);

  *safe_html = NULL;
  *safe_len = len;

  scan_init (&s, html, len);
  if (!html_scan (&s))
    {
      if (s.safe != NULL)
        g_string_free (s.safe, TRUE);
      return FALSE;
    }

  if (s.safe != NULL)
    {
      g_string_append_len (s.safe, s.copied, s.end - s.copied);
      *safe_len = s.safe->len;
      *safe_html = g_string_free (s.safe, FALSE);
    }

  return TRUE;
}

/* The declarations of a DTD, checked as libxml2 reads them. */
typedef struct
{
  gpointer              saved_private;
  entityDeclSAXFunc     entity_decl;
  attributeDeclSAXFunc  attribute_decl;
  guint                 n_defaults;
  gboolean              refused;
} DtdGuard;

static void
dtd_refuse (xmlParserCtxtPtr  ctxt,
            DtdGuard         *guard)
{
  guard->refused = TRUE;
  xmlStopParser (ctxt);
}

/* An entity's replacement text, character references already decoded, is
 * parsed as markup where the entity is used. */
static void
guard_entity_decl (void          *ctx,
                   const xmlChar *name,
                   int            type,
                   const xmlChar *public_id,
                   const xmlChar *system_id,
                   xmlChar       *content)
{
  xmlParserCtxtPtr ctxt = ctx;
  DtdGuard *guard = ctxt->_private;

  if (content != NULL &&
      !vankho_markup_guard_check_xml ((const char *) content, strlen ((const char *) content)))
    {
      dtd_refuse (ctxt, guard);
      return;
    }

  if (guard->entity_decl != NULL)
    guard->entity_decl (ctx, name, type, public_id, system_id, content);
}

static void
guard_attribute_decl (void                 *ctx,
                      const xmlChar        *elem,
                      const xmlChar        *fullname,
                      int                   type,
                      int                   def,
                      const xmlChar        *default_value,
                      xmlEnumerationPtr     tree)
{
  xmlParserCtxtPtr ctxt = ctx;
  DtdGuard *guard = ctxt->_private;

  if (guard->attribute_decl != NULL)
    guard->attribute_decl (ctx, elem, fullname, type, def, default_value, tree);
  else if (tree != NULL)
    xmlFreeEnumeration (tree);

  /* libxml2 recorded the default before telling us. */
  if (default_value != NULL && (def == XML_ATTRIBUTE_NONE || def == XML_ATTRIBUTE_FIXED) &&
      ++guard->n_defaults > MAX_DTD_DEFAULTS)
    dtd_refuse (ctxt, guard);
}

/**
 * vankho_markup_guard_read_xml:
 * @ctxt: a parser context
 * @xml: the document in UTF-8
 * @len: its length in bytes
 * @url: (nullable): the document's address
 * @options: xmlParserOption flags; the encoding is always UTF-8
 * @refused: (out): whether the document was refused
 *
 * xmlCtxtReadMemory() on a document that vankho_markup_guard_check_xml()
 * accepts, and whose DTD neither declares an entity that does not
 * (checked in its replacement text) nor more than a few attribute
 * defaults. A refused document is stopped where that shows.
 *
 * Returns: (transfer full) (nullable): the document, %NULL if refused or
 *   if libxml2 found none
 */
xmlDocPtr
vankho_markup_guard_read_xml (xmlParserCtxtPtr  ctxt,
                              const char       *xml,
                              gsize             len,
                              const char       *url,
                              int               options,
                              gboolean         *refused)
{
  DtdGuard guard = { 0 };
  xmlDocPtr doc;

  g_return_val_if_fail (ctxt != NULL && ctxt->sax != NULL, NULL);
  g_return_val_if_fail (refused != NULL, NULL);

  *refused = FALSE;
  if (len > G_MAXINT || !vankho_markup_guard_check_xml (xml, len))
    {
      *refused = TRUE;
      return NULL;
    }

  guard.saved_private = ctxt->_private;
  guard.entity_decl = ctxt->sax->entityDecl;
  guard.attribute_decl = ctxt->sax->attributeDecl;
  ctxt->_private = &guard;
  ctxt->sax->entityDecl = guard_entity_decl;
  ctxt->sax->attributeDecl = guard_attribute_decl;

  doc = xmlCtxtReadMemory (ctxt, xml, (int) len, url, "UTF-8", options | XML_PARSE_IGNORE_ENC);

  ctxt->sax->entityDecl = guard.entity_decl;
  ctxt->sax->attributeDecl = guard.attribute_decl;
  ctxt->_private = guard.saved_private;

  if (guard.refused)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      *refused = TRUE;
    }

  return doc;
}
