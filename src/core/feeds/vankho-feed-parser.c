/* vankho-feed-parser.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/entities.h>

#include "vankho-feed-parser.h"
#include "vankho-feed-date.h"
#include "vankho-html-text.h"
#include "vankho-markup-guard.h"

/* RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0 and 0.3, read the way the
 * Universal Feed Parser reads them, since that is what feed authors test
 * against.
 *
 * The document is first turned into clean UTF-8 by us, not by libxml2:
 * libxml2 2.9 switches to Latin-1 for the rest of a document at the first
 * invalid UTF-8 byte, and gives up on an unknown or wrong declaration,
 * while feeds in the wild carry both. The same pass turns HTML named
 * entities (&nbsp; &eacute;, undeclared in XML) into character
 * references and bare ampersands into &amp;, which a strict parser would
 * drop with the text around them.
 *
 * libxml2 then parses with RECOVER, NONET and without NOENT or DTDLOAD:
 * no external entity or DTD is ever read, internal entities are expanded
 * by us under a budget, and the default nesting limit (256) holds. A
 * document with an element of thousands of attributes, which libxml2 2.9
 * reads in quadratic time, is refused first (vankho-markup-guard.c).
 */

G_DEFINE_QUARK (vankho-feed-error-quark, vankho_feed_error)

#define MAX_ENTITY_EXPANSION (1024 * 1024)
#define MAX_ENTITY_DEPTH     8
#define MAX_TEXT_DEPTH       300
#define UNSET_RANK           G_MAXUINT8

typedef enum
{
  NS_CORE,        /* RSS (no namespace), RSS 1.0/0.90, Atom 1.0/0.3 */
  NS_DC,
  NS_DCTERMS,
  NS_CONTENT,
  NS_MEDIA,
  NS_ITUNES,
  NS_XHTML,
  NS_RDF,
  NS_OTHER,
} Namespace;

typedef enum
{
  FORMAT_RSS,
  FORMAT_RDF,
  FORMAT_ATOM10,
  FORMAT_ATOM03,
} Format;

typedef enum
{
  KIND_PLAIN,     /* text as written */
  KIND_HTML,      /* escaped or inline HTML */
  KIND_XHTML,     /* Atom's xhtml: a div of inline markup */
  KIND_GUESS,     /* RSS titles: text, unless it looks like HTML */
  KIND_BASE64,    /* base64: shown when it decodes to text */
} TextKind;

typedef struct
{
  xmlDocPtr  doc;
  GArray    *taken_out;   /* CDataSlice: see clean_xml_text() */
  Format     format;
  gsize      entity_budget;
  gboolean   entity_budget_hit;

  /* Ranks of the values set so far: lower wins, first of a rank wins. */
  guint8     feed_rank[VANKHO_FEED_N_FIELDS];
  guint8     entry_rank[VANKHO_FEED_N_FIELDS];
  guint8     feed_updated_rank;
  guint8     entry_published_rank;
  guint8     entry_updated_rank;
  GDateTime *feed_published;
  char      *feed_author;
  char      *feed_author_name;
} Ctx;

/* ---------------------------------------------------------------- */
/* Decoding to UTF-8                                                  */
/* ---------------------------------------------------------------- */

/* windows-1252's 0x80–0x9F; the other bytes are Latin-1. Undefined
 * positions become U+FFFD so that this decoding can never fail. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
  0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

static char *
decode_cp1252 (const char *data,
               gsize       len,
               gsize      *out_len)
{
  GString *out = g_string_sized_new (len + len / 8 + 1);

  for (gsize i = 0; i < len; i++)
    {
      guchar c = data[i];

      if (c < 0x80)
        g_string_append_c (out, c);
      else if (c < 0xA0)
        g_string_append_unichar (out, cp1252_high[c - 0x80]);
      else
        g_string_append_unichar (out, c);
    }

  *out_len = out->len;
  return g_string_free (out, FALSE);
}

/* Converts with iconv, putting U+FFFD for each byte the charset does not
 * define instead of failing. Returns NULL when iconv knows no such charset.
 */
static char *
convert_lossy (const char *data,
               gsize       len,
               const char *charset,
               gsize      *out_len,
               guint      *n_bad)
{
  GIConv cd;
  GString *out;
  char *in = (char *) data;
  gsize in_left = len;
  char buf[4096];

  cd = g_iconv_open ("UTF-8", charset);
  if (cd == (GIConv) -1)
    return NULL;

  out = g_string_sized_new (len + len / 4 + 1);
  *n_bad = 0;

  while (in_left > 0)
    {
      char *outp = buf;
      gsize out_left = sizeof buf;
      gsize r = g_iconv (cd, &in, &in_left, &outp, &out_left);

      g_string_append_len (out, buf, outp - buf);
      if (r == (gsize) -1)
        {
          if (errno == E2BIG)
            continue;
          if (errno == EILSEQ)
            {
              g_string_append (out, "\xef\xbf\xbd");
              (*n_bad)++;
              in++;
              in_left--;
              g_iconv (cd, NULL, NULL, NULL, NULL);
              continue;
            }
          /* EINVAL: a sequence cut short by the end of the data */
          g_string_append (out, "\xef\xbf\xbd");
          (*n_bad)++;
          break;
        }
    }

  g_iconv_close (cd);
  *out_len = out->len;
  return g_string_free (out, FALSE);
}

/* How many multi-byte sequences are valid UTF-8, and how many bytes are
 * not: text with the first and few of the second is UTF-8 with some
 * damage, text with none of the first is in a legacy charset. */
static void
count_utf8 (const char *data,
            gsize       len,
            gsize      *n_valid_multi,
            gsize      *n_invalid)
{
  const char *p = data;
  const char *end = data + len;

  *n_valid_multi = 0;
  *n_invalid = 0;

  while (p < end)
    {
      const char *bad;

      if (g_utf8_validate_len (p, end - p, &bad))
        bad = end;
      for (const char *q = p; q < bad; q++)
        if (((guchar) *q & 0xC0) == 0xC0)
          (*n_valid_multi)++;
      if (bad >= end)
        break;
      (*n_invalid)++;
      p = bad + 1;
    }
}

static gboolean
charset_is_utf8 (const char *charset)
{
  return g_ascii_strcasecmp (charset, "utf-8") == 0 ||
         g_ascii_strcasecmp (charset, "utf8") == 0 ||
         g_ascii_strcasecmp (charset, "us-ascii") == 0 ||
         g_ascii_strcasecmp (charset, "ascii") == 0;
}

static gboolean
charset_is_latin (const char *charset)
{
  return g_ascii_strcasecmp (charset, "iso-8859-1") == 0 ||
         g_ascii_strcasecmp (charset, "latin1") == 0 ||
         g_ascii_strcasecmp (charset, "iso8859-1") == 0 ||
         g_ascii_strcasecmp (charset, "windows-1252") == 0 ||
         g_ascii_strcasecmp (charset, "cp1252") == 0;
}

/**
 * vankho_feed_decode_text:
 * @data: bytes in some charset
 * @len: their length
 * @charset: (nullable): the declared charset, if any
 * @out_len: (out): length of the result
 *
 * Decodes text whose declared charset may be wrong and whose bytes may be
 * damaged, losing as little as possible: a declaration iconv knows is
 * used, with U+FFFD for bytes it does not define, except that valid UTF-8
 * declared as Latin-1 is taken as UTF-8 (a common CMS mistake); UTF-8
 * with a few bad bytes keeps the rest; text with no UTF-8 in it is read
 * as windows-1252.
 *
 * Returns: (transfer full): valid UTF-8, nul-terminated
 */
char *
vankho_feed_decode_text (const char *data,
                         gsize       len,
                         const char *charset,
                         gsize      *out_len)
{
  gsize n_multi, n_invalid;

  if (charset != NULL && !charset_is_utf8 (charset))
    {
      char *converted;
      guint n_bad = 0;

      if (charset_is_latin (charset) && g_utf8_validate_len (data, len, NULL))
        {
          count_utf8 (data, len, &n_multi, &n_invalid);
          if (n_multi > 0)
            goto utf8;
        }
      converted = convert_lossy (data, len, charset, out_len, &n_bad);
      if (converted != NULL && (n_bad == 0 || !g_utf8_validate_len (data, len, NULL)))
        return converted;
      g_free (converted);
    }

utf8:
  if (g_utf8_validate_len (data, len, NULL))
    {
      *out_len = len;
      return g_strndup (data, len);
    }

  count_utf8 (data, len, &n_multi, &n_invalid);
  if (n_multi > 0 && n_invalid <= n_multi)
    {
      char *valid = g_utf8_make_valid (data, len);

      *out_len = strlen (valid);
      return valid;
    }

  return decode_cp1252 (data, len, out_len);
}

/* The charset from a BOM, or from the bytes UTF-16 makes of '<?'. */
static const char *
sniff_bom (const guchar *d,
           gsize         len,
           gsize        *bom_len)
{
  *bom_len = 0;
  if (len >= 4 && d[0] == 0xFF && d[1] == 0xFE && d[2] == 0 && d[3] == 0)
    return (*bom_len = 4), "UTF-32LE";
  if (len >= 4 && d[0] == 0 && d[1] == 0 && d[2] == 0xFE && d[3] == 0xFF)
    return (*bom_len = 4), "UTF-32BE";
  if (len >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF)
    return (*bom_len = 3), "UTF-8";
  if (len >= 2 && d[0] == 0xFF && d[1] == 0xFE)
    return (*bom_len = 2), "UTF-16LE";
  if (len >= 2 && d[0] == 0xFE && d[1] == 0xFF)
    return (*bom_len = 2), "UTF-16BE";
  if (len >= 4 && d[0] == '<' && d[1] == 0 && d[2] == '?' && d[3] == 0)
    return "UTF-16LE";
  if (len >= 4 && d[0] == 0 && d[1] == '<' && d[2] == 0 && d[3] == '?')
    return "UTF-16BE";
  return NULL;
}

/* encoding="…" of the XML declaration, if the document starts with one. */
static char *
sniff_declaration (const char *d,
                   gsize       len)
{
  gsize limit = MIN (len, 512);
  const char *end, *enc, *stop;
  char quote;

  while (limit > 0 && g_ascii_isspace (*d))
    d++, limit--;
  if (limit < 6 || strncmp (d, "<?xml", 5) != 0)
    return NULL;
  end = memchr (d, '>', limit);
  if (end == NULL)
    return NULL;
  enc = g_strstr_len (d, end - d, "encoding");
  if (enc == NULL)
    return NULL;
  enc += strlen ("encoding");
  while (enc < end && (g_ascii_isspace (*enc) || *enc == '='))
    enc++;
  if (enc >= end || (*enc != '"' && *enc != '\''))
    return NULL;
  quote = *enc++;
  stop = memchr (enc, quote, end - enc);
  if (stop == NULL || stop == enc || stop - enc > 40)
    return NULL;
  return g_strndup (enc, stop - enc);
}

/**
 * vankho_feed_page_to_utf8:
 * @html: a web page's bytes
 * @len: their length
 * @out_len: (out): length of the result
 *
 * Decodes a page before it is parsed, so that libxml2 never switches
 * charsets on its own (a page declaring UTF-7 could otherwise hide markup
 * from vankho_markup_guard_check_html()): UTF-8 as it is, else the charset
 * its <meta> names, else as vankho_feed_decode_text() guesses.
 *
 * Returns: (transfer full): valid UTF-8, nul-terminated
 */
char *
vankho_feed_page_to_utf8 (const char *html,
                          gsize       len,
                          gsize      *out_len)
{
  g_autofree char *charset = NULL;
  const char *meta;

  if (g_utf8_validate_len (html, len, NULL))
    {
      *out_len = len;
      return g_strndup (html, len);
    }

  /* <meta charset="…"> or http-equiv's 'charset=…' near the top */
  meta = g_strstr_len (html, MIN (len, 8192), "charset=");
  if (meta != NULL)
    {
      const char *start = meta + strlen ("charset=");
      const char *end;

      while (start < html + len && (*start == '"' || *start == '\''))
        start++;
      end = start;
      while (end < html + len && (g_ascii_isalnum (*end) || *end == '-' || *end == '_'))
        end++;
      if (end > start && end - start < 40)
        charset = g_strndup (start, end - start);
    }

  return vankho_feed_decode_text (html, len, charset, out_len);
}

/**
 * vankho_feed_document_to_utf8:
 * @data: an XML document's bytes
 * @len: their length
 * @http_charset: (nullable): the charset of the HTTP Content-Type, if any
 * @copy: (out) (transfer full) (nullable): the decoded text, when a copy
 *   was needed
 * @out_len: (out): the length of the text returned
 *
 * The document in UTF-8, in the charset its BOM names, else its XML
 * declaration, else @http_charset (see vankho_feed_decode_text()). libxml2
 * is then told to read UTF-8 whatever the document declares. Most
 * documents are UTF-8 as they come: @data itself is returned then, past
 * its BOM, and no copy is made.
 *
 * Returns: (transfer none): the text, in @data or in @copy
 */
const char *
vankho_feed_document_to_utf8 (const char  *data,
                              gsize        len,
                              const char  *http_charset,
                              char       **copy,
                              gsize       *out_len)
{
  g_autofree char *declared = NULL;
  const char *charset;
  gsize bom_len;

  *copy = NULL;
  charset = sniff_bom ((const guchar *) data, len, &bom_len);
  if (charset == NULL)
    {
      declared = sniff_declaration (data, len);
      charset = declared != NULL ? declared : http_charset;
    }

  if ((charset == NULL || charset_is_utf8 (charset)) &&
      g_utf8_validate_len (data + bom_len, len - bom_len, NULL))
    {
      *out_len = len - bom_len;
      return data + bom_len;
    }

  *copy = vankho_feed_decode_text (data + bom_len, len - bom_len, charset, out_len);
  return *copy;
}

/* ---------------------------------------------------------------- */
/* Cleaning the UTF-8 text before libxml2 sees it                    */
/* ---------------------------------------------------------------- */

static GHashTable *
declared_entities (const char *d,
                   gsize       len)
{
  GHashTable *names = NULL;
  const char *doctype = g_strstr_len (d, MIN (len, 4096), "<!DOCTYPE");
  const char *p;

  if (doctype == NULL)
    return NULL;

  p = doctype;
  while ((p = g_strstr_len (p, d + len - p, "<!ENTITY")) != NULL)
    {
      const char *start;

      p += strlen ("<!ENTITY");
      while (p < d + len && g_ascii_isspace (*p))
        p++;
      if (p < d + len && *p == '%')
        continue;
      start = p;
      while (p < d + len && !g_ascii_isspace (*p) && *p != '"' && *p != '\'' && *p != '>')
        p++;
      if (p > start)
        {
          if (names == NULL)
            names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_add (names, g_strndup (start, p - start));
        }
    }

  return names;
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-' || c == '.' || c == ':';
}

/* Length of a valid reference starting at p ('&…;'), or 0. Sets *name
 * and *name_len for named references. */
static gsize
reference_length (const char  *p,
                  const char  *end,
                  const char **name,
                  gsize       *name_len)
{
  const char *q = p + 1;

  *name = NULL;
  if (q < end && *q == '#')
    {
      q++;
      if (q < end && (*q == 'x' || *q == 'X'))
        {
          q++;
          if (q >= end || !g_ascii_isxdigit (*q))
            return 0;
          while (q < end && g_ascii_isxdigit (*q))
            q++;
        }
      else
        {
          if (q >= end || !g_ascii_isdigit (*q))
            return 0;
          while (q < end && g_ascii_isdigit (*q))
            q++;
        }
      return (q < end && *q == ';') ? (gsize) (q + 1 - p) : 0;
    }

  if (q >= end || !(g_ascii_isalpha (*q) || *q == '_'))
    return 0;
  *name = q;
  while (q < end && is_name_char (*q) && q - p < 40)
    q++;
  if (q >= end || *q != ';')
    return 0;
  *name_len = q - *name;
  return q + 1 - p;
}

static gboolean
is_xml_entity (const char *name,
               gsize       len)
{
  return (len == 3 && strncmp (name, "amp", 3) == 0) ||
         (len == 2 && strncmp (name, "lt", 2) == 0) ||
         (len == 2 && strncmp (name, "gt", 2) == 0) ||
         (len == 4 && strncmp (name, "quot", 4) == 0) ||
         (len == 4 && strncmp (name, "apos", 4) == 0);
}

/* The first @needle in [@p, @end), or NULL. g_strstr_len() compares at
 * every byte; memchr() skips to the candidates, and a feed's CDATA
 * sections are most of it. */
static const char *
find_bytes (const char *p,
            const char *end,
            const char *needle)
{
  gsize n = strlen (needle);

  while (end - p >= (gssize) n)
    {
      const char *hit = memchr (p, needle[0], end - p - n + 1);

      if (hit == NULL)
        return NULL;
      if (memcmp (hit, needle, n) == 0)
        return hit;
      p = hit + 1;
    }

  return NULL;
}

/* A CDATA section's text, taken out of the document before libxml2 reads
 * it: see clean_xml_text(). */
typedef struct
{
  const char *text;
  gsize       len;
  char       *copy;   /* owned, when the text had to be cleaned */
} CDataSlice;

static void
cdata_slice_clear (gpointer data)
{
  CDataSlice *slice = data;

  g_free (slice->copy);
}

/* @text with the control characters XML does not allow (libxml2 would
 * end the section there) as spaces, as clean_xml_text() writes them
 * outside CDATA; NULL when it has none. */
static char *
clean_control_bytes (const char *text,
                     gsize       len)
{
  char *copy = NULL;

  for (gsize i = 0; i < len; i += 8)
    {
      gsize n = MIN (len - i, 8);
      guint64 word;

      /* Eight bytes at a time, looked at one by one only when one is
       * below 0x20 (a byte of 0x80 or more never counts: its high bit is
       * set in the word, so clear in ~word). */
      if (n == 8)
        {
          memcpy (&word, text + i, sizeof word);
          if (((word - G_GUINT64_CONSTANT (0x2020202020202020)) & ~word &
               G_GUINT64_CONSTANT (0x8080808080808080)) == 0)
            continue;
        }

      for (gsize j = i; j < i + n; j++)
        {
          guchar c = text[j];

          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            {
              if (copy == NULL)
                copy = g_strndup (text, len);
              copy[j] = ' ';
            }
        }
    }

  return copy;
}

/* What a CDATA section taken out is replaced with, before its number: a
 * character of the private use area, U+E000. */
#define CDATA_MARK "\xee\x80\x80"
#define CDATA_MARK_LEN 3
/* Shorter sections are left to libxml2, unless they begin with the mark. */
#define CDATA_TAKEN_MIN 64

/* Whether the '<' at @p opens an element: a name follows it. */
static inline gboolean
opens_element (const char *p,
               const char *end)
{
  return end - p >= 2 && (g_ascii_isalpha (p[1]) || p[1] == '_' || p[1] == ':' || (guchar) p[1] >= 0x80);
}

/* Returns a cleaned copy, or NULL when the text needs no change.
 *
 * The text of long CDATA sections is also taken out, into @taken_out
 * (CDataSlice, pointing into @d), each replaced by the mark and its index
 * there: libxml2 reads CDATA a character at a time, and a feed's entries
 * are mostly CDATA (a quarter of the parse of a 10 MB feed). Only
 * sections inside the root element are taken (not a DTD's), none inside a
 * processing instruction; comments are skipped whole. @d is valid UTF-8:
 * see vankho_feed_document_to_utf8().
 */
static char *
clean_xml_text (const char *d,
                gsize       len,
                GArray     *taken_out,
                gsize      *out_len)
{
  g_autoptr(GHashTable) declared = declared_entities (d, len);
  GString *out = NULL;
  const char *end = d + len;
  const char *copied = d;   /* everything before this is in out */
  const char *p = d;
  const char *in_pi_until = d;
  gboolean in_root = FALSE;

  while (p < end)
    {
      guchar c = *p;
      const char *replacement = NULL;
      char numeric[16];
      gsize skip = 1;

      if (c == '<')
        {
          /* CDATA and comments are left exactly as written. */
          const char *close = NULL;

          if (end - p >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
            {
              const char *text = p + 9;

              close = find_bytes (text, end, "]]>");
              /* libxml2 joins sections that touch ("]]]]><![CDATA[>",
               * how CDATA holds its own end) into one node: those are
               * left to it. */
              if (close != NULL && in_root && p >= in_pi_until &&
                  !(p - d >= 3 && memcmp (p - 3, "]]>", 3) == 0) &&
                  !(end - close >= 12 && memcmp (close + 3, "<![CDATA[", 9) == 0) &&
                  ((gsize) (close - text) >= CDATA_TAKEN_MIN ||
                   (close - text >= CDATA_MARK_LEN && memcmp (text, CDATA_MARK, CDATA_MARK_LEN) == 0)))
                {
                  CDataSlice slice = { text, close - text, clean_control_bytes (text, close - text) };

                  if (slice.copy != NULL)
                    slice.text = slice.copy;

                  if (out == NULL)
                    out = g_string_sized_new (len / 4 + 64);
                  g_string_append_len (out, copied, text - copied);
                  g_string_append_printf (out, CDATA_MARK "%u", taken_out->len);
                  g_array_append_val (taken_out, slice);
                  copied = close;
                }
            }
          else if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
            close = find_bytes (p + 4, end, "-->");
          else if (p < in_pi_until
                   || (end - p >= 2 && (p[1] == '?' || p[1] == '/' || p[1] == '!' || opens_element (p, end))))
            {
              if (p >= in_pi_until && p[1] == '?')
                {
                  const char *pi_end = find_bytes (p + 2, end, "?>");

                  in_pi_until = pi_end != NULL ? pi_end : end;
                }
              else if (p >= in_pi_until && opens_element (p, end))
                in_root = TRUE;
              p++;
              continue;
            }
          else
            /* 'Nhiệt độ < 20 độ C' written raw: no markup starts so, and
             * libxml2 would drop the '<'. Text, as a browser reads it. */
            replacement = "&lt;";

          if (replacement == NULL)
            {
              p = close != NULL ? close + 3 : end;
              continue;
            }
        }
      else if (c == '&')
        {
          const char *name;
          gsize name_len = 0;
          gsize ref = reference_length (p, end, &name, &name_len);

          if (ref > 0 && name == NULL)
            skip = ref;
          else if (ref > 0 && (is_xml_entity (name, name_len) ||
                               (declared != NULL && ({
                                  g_autofree char *n = g_strndup (name, name_len);
                                  g_hash_table_contains (declared, n); }))))
            skip = ref;
          else if (ref > 0)
            {
              g_autofree char *n = g_strndup (name, name_len);
              const htmlEntityDesc *desc = htmlEntityLookup (BAD_CAST n);

              skip = ref;
              if (desc != NULL)
                {
                  g_snprintf (numeric, sizeof numeric, "&#%u;", desc->value);
                  replacement = numeric;
                }
              else
                replacement = "&amp;";  /* keep '&name;' as text */
              if (desc == NULL)
                skip = 1;
            }
          else
            replacement = "&amp;";
        }
      else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        replacement = " ";
      else
        {
          /* Nothing to look at until the next '<', '&' or control byte. */
          p++;
          while (p < end && *p != '<' && *p != '&' && (guchar) *p >= 0x20)
            p++;
          continue;
        }

      if (replacement != NULL)
        {
          if (out == NULL)
            out = g_string_sized_new (len + 64);
          g_string_append_len (out, copied, p - copied);
          g_string_append (out, replacement);
          p += (c == '&' && replacement[1] == '#') ? skip : 1;
          copied = p;
          continue;
        }
      p += skip;
    }

  if (out == NULL)
    return NULL;
  g_string_append_len (out, copied, end - copied);
  *out_len = out->len;
  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------- */
/* Reading the tree                                                   */
/* ---------------------------------------------------------------- */

static Namespace
classify_prefix (const char *prefix,
                 gsize       len)
{
  static const struct { const char *prefix; Namespace ns; } prefixes[] = {
    { "dc", NS_DC }, { "dcterms", NS_DCTERMS }, { "content", NS_CONTENT },
    { "media", NS_MEDIA }, { "itunes", NS_ITUNES }, { "xhtml", NS_XHTML },
    { "rdf", NS_RDF }, { "atom", NS_CORE }, { "rss", NS_CORE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (strlen (prefixes[i].prefix) == len && strncmp (prefix, prefixes[i].prefix, len) == 0)
      return prefixes[i].ns;
  return NS_OTHER;
}

static Namespace
classify_ns (const xmlNode *node,
             const char   **local)
{
  const char *href;

  *local = (const char *) node->name;

  if (node->ns == NULL || node->ns->href == NULL)
    {
      /* An undeclared prefix: libxml2 keeps 'dc:creator' as the name. */
      const char *colon = strchr (*local, ':');

      if (colon == NULL)
        return NS_CORE;
      *local = colon + 1;
      return classify_prefix ((const char *) node->name, colon - (const char *) node->name);
    }

  href = (const char *) node->ns->href;
  if (g_str_has_prefix (href, "http://www.w3.org/2005/Atom") ||
      g_str_has_prefix (href, "http://purl.org/atom/ns") ||
      (g_str_has_prefix (href, "http://purl.org/rss/1.0/") &&
       !g_str_has_prefix (href, "http://purl.org/rss/1.0/modules")) ||
      strcmp (href, "http://my.netscape.com/rdf/simple/0.9/") == 0 ||
      strcmp (href, "http://backend.userland.com/rss2") == 0 ||
      strcmp (href, "http://blogs.law.harvard.edu/tech/rss") == 0 ||
      strcmp (href, "http://backend.userland.com/rss") == 0)
    return NS_CORE;
  if (strcmp (href, "http://purl.org/dc/elements/1.1/") == 0 ||
      strcmp (href, "http://purl.org/dc/elements/1.0/") == 0)
    return NS_DC;
  if (strcmp (href, "http://purl.org/dc/terms/") == 0)
    return NS_DCTERMS;
  if (strcmp (href, "http://purl.org/rss/1.0/modules/content/") == 0)
    return NS_CONTENT;
  if (g_str_has_prefix (href, "http://search.yahoo.com/mrss"))
    return NS_MEDIA;
  if (strcmp (href, "http://www.itunes.com/dtds/podcast-1.0.dtd") == 0)
    return NS_ITUNES;
  if (strcmp (href, "http://www.w3.org/1999/xhtml") == 0)
    return NS_XHTML;
  if (strcmp (href, "http://www.w3.org/1999/02/22-rdf-syntax-ns#") == 0)
    return NS_RDF;
  return NS_OTHER;
}

static gboolean
name_is (const char *local,
         const char *name)
{
  return g_ascii_strcasecmp (local, name) == 0;
}

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value;
  char *ret;

  if (node->properties == NULL)
    return NULL;
  value = xmlGetProp (node, BAD_CAST name);
  if (value == NULL)
    return NULL;
  ret = g_strstrip (g_strdup ((const char *) value));
  xmlFree (value);
  if (ret[0] == '\0')
    g_clear_pointer (&ret, g_free);
  return ret;
}

/* rdf:about, xml:base, xml:lang */
static char *
get_ns_attr (xmlNode    *node,
             const char *name,
             const char *ns)
{
  xmlChar *value;
  char *ret;

  if (node->properties == NULL)
    return NULL;
  value = xmlGetNsProp (node, BAD_CAST name, BAD_CAST ns);
  if (value == NULL)
    return NULL;
  ret = g_strstrip (g_strdup ((const char *) value));
  xmlFree (value);
  if (ret[0] == '\0')
    g_clear_pointer (&ret, g_free);
  return ret;
}

/* The items and entries of @doc where a feed has them, in its channel or
 * its root (not those a broken element swallowed): walked without
 * recursion, as the tree may be deep. */
static guint
count_entries (xmlDocPtr doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *node = root;
  guint n = 0;

  while (node != NULL)
    {
      if (node->type == XML_ELEMENT_NODE && node->parent != NULL
          && node->parent->type == XML_ELEMENT_NODE
          && (node->parent == root || name_is ((const char *) node->parent->name, "channel"))
          && (name_is ((const char *) node->name, "item") || name_is ((const char *) node->name, "entry")))
        n++;
      if (node->children != NULL && node->type == XML_ELEMENT_NODE)
        {
          node = node->children;
          continue;
        }
      while (node != NULL && node != root && node->next == NULL)
        node = node->parent;
      node = node == NULL || node == root ? NULL : node->next;
    }
  return n;
}

/* HTML's void elements, which feeds write open ('<br>', '<img src="…">')
 * in markup that XML reads as its own. */
static const char * const void_elements[] = {
  "br", "img", "hr", "wbr", "embed", "source", "param", "area", "col", "input", NULL,
};

/* @xml with every open void element closed ('<br>' → '<br/>'), or NULL if
 * it has none. Quoted attribute values are skipped whole.
 */
static char *
close_void_elements (const char *xml,
                     gsize       len,
                     gsize      *out_len)
{
  g_autoptr(GString) out = NULL;
  const char *end = xml + len;
  const char *copied = xml;

  for (const char *p = memchr (xml, '<', len); p != NULL && p < end;
       p = memchr (p + 1, '<', end - p - 1))
    {
      const char *q = p + 1;
      const char *close;
      char quote = 0;
      gsize name_len = 0;
      gboolean is_void = FALSE;

      while (q + name_len < end && g_ascii_isalpha (q[name_len]))
        name_len++;
      for (guint i = 0; void_elements[i] != NULL && !is_void; i++)
        is_void = strlen (void_elements[i]) == name_len
                  && g_ascii_strncasecmp (q, void_elements[i], name_len) == 0;
      if (!is_void || q + name_len >= end
          || !(q[name_len] == '>' || q[name_len] == '/' || g_ascii_isspace (q[name_len])))
        continue;

      for (close = q + name_len; close < end; close++)
        {
          if (quote != 0)
            quote = *close == quote ? 0 : quote;
          else if (*close == '"' || *close == '\'')
            quote = *close;
          else if (*close == '>' || *close == '<')
            break;
        }
      if (close >= end || *close != '>' || close[-1] == '/')
        continue;

      if (out == NULL)
        out = g_string_sized_new (len + 64);
      g_string_append_len (out, copied, close - copied);
      g_string_append (out, "/>");
      copied = close + 1;
      p = close;
    }

  if (out == NULL)
    return NULL;
  g_string_append_len (out, copied, end - copied);
  *out_len = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The last base parsed on this thread: a feed's entries are resolved
 * against the same one, and parsing it was a twentieth of a feed's parse. */
typedef struct
{
  char *base;
  GUri *uri;
} ParsedBase;

static void
parsed_base_free (gpointer data)
{
  ParsedBase *cache = data;

  g_free (cache->base);
  g_clear_pointer (&cache->uri, g_uri_unref);
  g_free (cache);
}

static GPrivate parsed_base_cache = G_PRIVATE_INIT (parsed_base_free);

/* Returns: (transfer none) (nullable): @base parsed, or NULL if it does not */
static GUri *
parsed_base (const char *base)
{
  ParsedBase *cache = g_private_get (&parsed_base_cache);

  if (cache == NULL)
    {
      cache = g_new0 (ParsedBase, 1);
      g_private_set (&parsed_base_cache, cache);
    }

  if (g_strcmp0 (cache->base, base) != 0)
    {
      g_free (cache->base);
      g_clear_pointer (&cache->uri, g_uri_unref);
      cache->base = g_strdup (base);
      cache->uri = g_uri_parse (base, G_URI_FLAGS_PARSE_RELAXED, NULL);
    }

  return cache->uri;
}

/* A host and a path without its leading '/': GLib (2.74) fails an
 * assertion in g_uri_join_internal() on such a URI instead of returning
 * NULL, whether it is the base or the link resolved against it. */
static gboolean
has_bare_path (GUri *uri)
{
  const char *path = g_uri_get_path (uri);

  return g_uri_get_host (uri) != NULL && path[0] != '\0' && path[0] != '/';
}

/**
 * vankho_feed_resolve_url:
 * @base: (nullable): the base URL
 * @href: a URL as written, perhaps relative
 *
 * Returns: (transfer full) (nullable): @href made absolute when it can be
 */
char *
vankho_feed_resolve_url (const char *base,
                         const char *href)
{
  g_autofree char *trimmed = NULL;
  GUri *base_uri;
  g_autoptr(GUri) resolved_uri = NULL;

  if (href == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (href));
  if (base == NULL || g_uri_peek_scheme (trimmed) != NULL)
    return g_steal_pointer (&trimmed);

  /* A hostile base such as "https://a;b/x/" resolves nothing: keep the
   * link as written. */
  base_uri = parsed_base (base);
  if (base_uri == NULL || has_bare_path (base_uri))
    return g_steal_pointer (&trimmed);

  /* Nor a link that the relaxed parser, dropping the line break in
   * 'htt\nThttp://x…', reads as a host with a bare path of its own. */
  resolved_uri = g_uri_parse_relative (base_uri, trimmed, G_URI_FLAGS_PARSE_RELAXED, NULL);
  if (resolved_uri == NULL || has_bare_path (resolved_uri))
    return g_steal_pointer (&trimmed);
  return g_uri_to_string (resolved_uri);
}

static char *
child_base (xmlNode    *node,
            const char *base)
{
  g_autofree char *xml_base = get_ns_attr (node, "base", (const char *) XML_XML_NAMESPACE);

  if (xml_base == NULL)
    return g_strdup (base);
  return vankho_feed_resolve_url (base, xml_base);
}

static void collect_text (Ctx *ctx, xmlNode *node, GString *out, guint depth);

static void
append_entity (Ctx      *ctx,
               xmlNode  *ref,
               GString  *out,
               gboolean  escape,
               guint     depth)
{
  xmlEntityPtr ent = xmlGetDocEntity (ctx->doc, ref->name);

  if (ent == NULL)
    {
      /* HTML entities were made numeric before parsing; any other
       * unknown name stays visible as written. */
      const htmlEntityDesc *desc = htmlEntityLookup (ref->name);

      if (desc != NULL)
        g_string_append_unichar (out, desc->value);
      else
        g_string_append_printf (out, escape ? "&amp;%s;" : "&%s;", ref->name);
      return;
    }

  /* External entities are never read (XXE), nor unparsed ones shown. */
  if (ent->etype != XML_INTERNAL_GENERAL_ENTITY &&
      ent->etype != XML_INTERNAL_PREDEFINED_ENTITY)
    return;

  if (depth >= MAX_ENTITY_DEPTH || ctx->entity_budget == 0)
    {
      ctx->entity_budget_hit = TRUE;
      return;
    }

  {
    GString *tmp = g_string_new (NULL);

    if (ent->children != NULL)
      collect_text (ctx, (xmlNode *) ent, tmp, depth + 1);
    else if (ent->content != NULL && strchr ((const char *) ent->content, '&') == NULL)
      g_string_append (tmp, (const char *) ent->content);

    if (tmp->len > ctx->entity_budget)
      {
        ctx->entity_budget_hit = TRUE;
        ctx->entity_budget = 0;
      }
    else
      {
        ctx->entity_budget -= tmp->len;
        if (escape)
          {
            g_autofree char *escaped = g_markup_escape_text (tmp->str, tmp->len);

            g_string_append (out, escaped);
          }
        else
          g_string_append_len (out, tmp->str, tmp->len);
      }
    g_string_free (tmp, TRUE);
  }
}

/* The text of a text or CDATA node, a CDATA section clean_xml_text() took
 * out put back: not NUL-terminated then. */
static const char *
node_text (Ctx     *ctx,
           xmlNode *node,
           gsize   *len)
{
  const char *content = (const char *) node->content;

  *len = 0;
  if (content == NULL)
    return NULL;

  if (node->type == XML_CDATA_SECTION_NODE && ctx->taken_out != NULL &&
      strncmp (content, CDATA_MARK, CDATA_MARK_LEN) == 0)
    {
      char *index_end = NULL;
      guint64 index = g_ascii_strtoull (content + CDATA_MARK_LEN, &index_end, 10);

      if (index_end != content + CDATA_MARK_LEN && *index_end == '\0' && index < ctx->taken_out->len)
        {
          const CDataSlice *slice = &g_array_index (ctx->taken_out, CDataSlice, index);

          *len = slice->len;
          return slice->text;
        }
    }

  *len = strlen (content);
  return content;
}

/* All the text under @node, markup ignored. @depth counts entity levels. */
static void
collect_text (Ctx     *ctx,
              xmlNode *node,
              GString *out,
              guint    depth)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      switch (child->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          {
            gsize len;
            const char *text = node_text (ctx, child, &len);

            g_string_append_len (out, text, len);
          }
          break;
        case XML_ENTITY_REF_NODE:
          append_entity (ctx, child, out, FALSE, depth);
          break;
        case XML_ELEMENT_NODE:
          collect_text (ctx, child, out, depth);
          break;
        default:
          break;
        }
    }
}

static gboolean
has_element_children (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      return TRUE;
  return FALSE;
}

static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '&': g_string_append (out, "&amp;"); break;
        case '"':
          if (attribute)
            g_string_append (out, "&quot;");
          else
            g_string_append_c (out, '"');
          break;
        default: g_string_append_c (out, *p); break;
        }
    }
}

/* Inline markup under @node written back as HTML for the HTML parser:
 * namespace prefixes dropped, CDATA (already HTML) as is. */
static void
serialize_inner (Ctx     *ctx,
                 xmlNode *node,
                 GString *out)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      switch (child->type)
        {
        case XML_TEXT_NODE:
          if (child->content != NULL)
            append_escaped (out, (const char *) child->content, FALSE);
          break;
        case XML_CDATA_SECTION_NODE:
          {
            gsize len;
            const char *text = node_text (ctx, child, &len);

            g_string_append_len (out, text, len);
          }
          break;
        case XML_ENTITY_REF_NODE:
          append_entity (ctx, child, out, TRUE, 0);
          break;
        case XML_ELEMENT_NODE:
          {
            const char *local = strchr ((const char *) child->name, ':');

            local = local != NULL ? local + 1 : (const char *) child->name;
            g_string_append_c (out, '<');
            g_string_append (out, local);
            for (xmlAttr *attr = child->properties; attr != NULL; attr = attr->next)
              {
                xmlChar *value = xmlNodeListGetString (ctx->doc, attr->children, 1);

                if (value == NULL)
                  continue;
                g_string_append_printf (out, " %s=\"", (const char *) attr->name);
                append_escaped (out, (const char *) value, TRUE);
                g_string_append_c (out, '"');
                xmlFree (value);
              }
            g_string_append_c (out, '>');
            serialize_inner (ctx, child, out);
            g_string_append_printf (out, "</%s>", local);
          }
          break;
        default:
          break;
        }
    }
}

static gboolean
looks_like_html (const char *text,
                 gsize       len)
{
  const char *end = text + len;

  for (const char *p = memchr (text, '<', len); p != NULL; p = memchr (p + 1, '<', end - p - 1))
    {
      gsize left = end - p - 1;

      if ((left >= 2 && p[1] == '/' && g_ascii_isalpha (p[2])) ||
          (left >= 2 && g_ascii_strncasecmp (p + 1, "br", 2) == 0) ||
          (left >= 2 && g_ascii_strncasecmp (p + 1, "p>", 2) == 0) ||
          (left >= 3 && g_ascii_strncasecmp (p + 1, "img", 3) == 0))
        return TRUE;
    }

  for (const char *p = memchr (text, '&', len); p != NULL; p = memchr (p + 1, '&', end - p - 1))
    {
      const char *name;
      gsize name_len;

      if (reference_length (p, end, &name, &name_len) > 0)
        return TRUE;
    }

  return FALSE;
}

/* '&lt;![CDATA[Khen thưởng…]]&gt;': a CMS that escaped its CDATA once
 * more. Narrows @str and @len to what the section holds. */
static void
unwrap_escaped_cdata (const char **str,
                      gsize       *len)
{
  const char *s = *str;
  const char *e = *str + *len;

  while (s < e && g_ascii_isspace (*s))
    s++;
  while (e > s && g_ascii_isspace (e[-1]))
    e--;
  if (e - s >= 12 && memcmp (s, "<![CDATA[", 9) == 0 && memcmp (e - 3, "]]>", 3) == 0)
    {
      *str = s + 9;
      *len = (e - 3) - (s + 9);
    }
}

/* The text that base64 @str decodes to, or NULL when it is not UTF-8
 * text. GLib's decoder passes over the line breaks and spaces around it. */
static char *
decode_base64_text (const char *str,
                    gsize       len,
                    gsize      *out_len)
{
  g_autofree char *encoded = g_strndup (str, len);
  g_autofree guchar *decoded = NULL;
  gsize decoded_len;

  decoded = g_base64_decode (encoded, &decoded_len);
  if (decoded_len == 0 || !g_utf8_validate_len ((const char *) decoded, decoded_len, NULL))
    return NULL;
  *out_len = decoded_len;
  return g_strndup ((const char *) decoded, decoded_len);
}

/* The plain text of a text construct, or NULL when it is empty. */
static char *
element_text (Ctx      *ctx,
              xmlNode  *node,
              TextKind  kind,
              char    **first_image)
{
  g_autoptr(GString) raw = g_string_new (NULL);
  char *text;

  if (first_image != NULL)
    *first_image = NULL;

  if (kind == KIND_XHTML)
    {
      xmlNode *div = NULL;

      for (xmlNode *child = node->children; child != NULL; child = child->next)
        if (child->type == XML_ELEMENT_NODE)
          {
            div = child;
            break;
          }
      if (div != NULL && name_is ((const char *) div->name, "div"))
        serialize_inner (ctx, div, raw);
      else
        serialize_inner (ctx, node, raw);
      text = vankho_html_fragment_to_text (raw->str, raw->len, first_image);
    }
  else if (has_element_children (node) && kind != KIND_PLAIN)
    {
      /* Unescaped HTML straight in the XML, as many RSS feeds write it. */
      serialize_inner (ctx, node, raw);
      text = vankho_html_fragment_to_text (raw->str, raw->len, first_image);
    }
  else
    {
      xmlNode *only = node->children;
      g_autofree char *decoded = NULL;
      const char *str;
      gsize len;

      /* Mostly the text is one CDATA section or text node: no copy then. */
      if (only != NULL && only->next == NULL && only->content != NULL &&
          (only->type == XML_TEXT_NODE || only->type == XML_CDATA_SECTION_NODE))
        {
          str = node_text (ctx, only, &len);
        }
      else
        {
          collect_text (ctx, node, raw, 0);
          str = raw->str;
          len = raw->len;
        }

      unwrap_escaped_cdata (&str, &len);
      if (kind == KIND_BASE64)
        {
          /* An image or other binary data has no text to show. */
          decoded = decode_base64_text (str, len, &len);
          if (decoded == NULL)
            return NULL;
          str = decoded;
          kind = KIND_GUESS;
        }
      if (kind == KIND_HTML || (kind == KIND_GUESS && looks_like_html (str, len)))
        text = vankho_html_fragment_to_text (str, len, first_image);
      else
        text = vankho_plain_text_clean (str, len);
    }

  if (text != NULL && text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static char *
element_raw (Ctx     *ctx,
             xmlNode *node)
{
  g_autoptr(GString) raw = g_string_new (NULL);

  collect_text (ctx, node, raw, 0);
  g_strstrip (raw->str);
  if (raw->str[0] == '\0')
    return NULL;
  return g_strdup (raw->str);
}

static TextKind
atom_kind (Ctx     *ctx,
           xmlNode *node)
{
  g_autofree char *type = get_attr (node, "type");
  g_autofree char *mode = NULL;

  if (ctx->format == FORMAT_ATOM03)
    {
      mode = get_attr (node, "mode");
      if (mode != NULL && g_ascii_strcasecmp (mode, "base64") == 0)
        return KIND_BASE64;
      if (type == NULL)
        return KIND_PLAIN;
      if (mode != NULL && g_ascii_strcasecmp (mode, "escaped") == 0)
        return (strstr (type, "html") != NULL) ? KIND_HTML : KIND_PLAIN;
    }

  if (type == NULL || g_ascii_strcasecmp (type, "text") == 0 ||
      g_ascii_strcasecmp (type, "text/plain") == 0)
    return KIND_PLAIN;
  if (g_ascii_strcasecmp (type, "html") == 0 ||
      g_ascii_strcasecmp (type, "text/html") == 0 ||
      g_ascii_strcasecmp (type, "escaped") == 0)
    return KIND_HTML;
  if (g_ascii_strcasecmp (type, "xhtml") == 0 ||
      g_ascii_strcasecmp (type, "application/xhtml+xml") == 0)
    return ctx->format == FORMAT_ATOM03 ? KIND_HTML : KIND_XHTML;
  if (g_str_has_prefix (type, "text/"))
    return KIND_PLAIN;
  if (g_str_has_suffix (type, "xml"))
    return KIND_HTML;
  /* Any other media type is base64 (RFC 4287 §4.1.3.3). */
  return KIND_BASE64;
}

/* Elements that carry a text construct are read by their own rules in
 * Atom (type attribute) and RSS (titles are text unless they look like
 * HTML; descriptions are HTML). */
static TextKind
text_kind (Ctx        *ctx,
           xmlNode    *node,
           Namespace   ns,
           gboolean    is_title)
{
  if (ns == NS_CORE && (ctx->format == FORMAT_ATOM10 || ctx->format == FORMAT_ATOM03 ||
                        (node->ns != NULL && g_str_has_prefix ((const char *) node->ns->href,
                                                               "http://www.w3.org/2005/Atom"))))
    return atom_kind (ctx, node);
  return is_title ? KIND_GUESS : KIND_HTML;
}

static void
set_feed_field (Ctx             *ctx,
                VankhoFeed      *feed,
                VankhoFeedField  field,
                guint8           rank,
                char            *value)
{
  if (value == NULL)
    return;
  if (rank >= ctx->feed_rank[field])
    {
      g_free (value);
      return;
    }
  ctx->feed_rank[field] = rank;
  vankho_feed_take_field (feed, field, value);
}

static void
set_entry_field (Ctx             *ctx,
                 VankhoFeedEntry *entry,
                 VankhoFeedField  field,
                 guint8           rank,
                 char            *value)
{
  if (value == NULL)
    return;
  if (rank >= ctx->entry_rank[field])
    {
      g_free (value);
      return;
    }
  ctx->entry_rank[field] = rank;
  vankho_feed_entry_take_field (entry, field, value);
}

/* 'jdoe@example.com (John Doe)' → 'John Doe'; 'John <j@x>' → 'John' */
static char *
author_name_from_string (const char *author)
{
  g_autofree char *copy = g_strdup (author);
  const char *open = strchr (copy, '(');
  const char *lt = strchr (copy, '<');

  if (open != NULL && strchr (open, ')') != NULL && strchr (copy, '@') != NULL &&
      strchr (copy, '@') < open)
    {
      char *close = strrchr (copy, ')');

      *close = '\0';
      return g_strstrip (g_strdup (open + 1));
    }
  if (lt != NULL && lt > copy && strchr (lt, '@') != NULL)
    {
      copy[lt - copy] = '\0';
      g_strstrip (copy);
      if (copy[0] == '"' && copy[strlen (copy) - 1] == '"' && strlen (copy) > 1)
        {
          copy[strlen (copy) - 1] = '\0';
          return g_strdup (copy + 1);
        }
      return g_strdup (copy);
    }
  return NULL;
}

/* An Atom person: 'name (email)' as feedparser writes it, and the name. */
static void
read_person (Ctx      *ctx,
             xmlNode  *node,
             char    **author,
             char    **name_out)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;

  *author = NULL;
  *name_out = NULL;

  if (!has_element_children (node))
    {
      /* RSS's <author>, or a person written as bare text */
      g_autofree char *text = element_text (ctx, node, KIND_PLAIN, NULL);

      if (text != NULL)
        {
          *name_out = author_name_from_string (text);
          *author = g_steal_pointer (&text);
        }
      return;
    }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      const char *local;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      classify_ns (child, &local);
      if (name_is (local, "name") && name == NULL)
        name = element_text (ctx, child, KIND_PLAIN, NULL);
      else if (name_is (local, "email") && email == NULL)
        email = element_text (ctx, child, KIND_PLAIN, NULL);
    }

  if (name != NULL && email != NULL)
    *author = g_strdup_printf ("%s (%s)", name, email);
  else if (name != NULL)
    *author = g_strdup (name);
  else if (email != NULL)
    *author = g_strdup (email);
  *name_out = g_steal_pointer (&name);
}

static void
set_date (guint8      *current_rank,
          guint8       rank,
          GDateTime  **slot,
          GDateTime   *value)
{
  if (value == NULL)
    return;
  if (rank >= *current_rank)
    {
      g_date_time_unref (value);
      return;
    }
  *current_rank = rank;
  if (*slot != NULL)
    g_date_time_unref (*slot);
  *slot = value;
}

static gboolean
is_html_type (const char *type)
{
  return type == NULL ||
         g_ascii_strcasecmp (type, "text/html") == 0 ||
         g_ascii_strcasecmp (type, "application/xhtml+xml") == 0 ||
         g_ascii_strcasecmp (type, "html") == 0;
}

typedef struct
{
  char *href;
  char *rel;
  char *type;
  gboolean is_atom;   /* href attribute, rather than text */
} Link;

static void
read_link (Ctx        *ctx,
           xmlNode    *node,
           const char *base,
           Link       *link)
{
  g_autofree char *href = get_attr (node, "href");
  g_autofree char *elem_base = child_base (node, base);

  memset (link, 0, sizeof *link);
  if (href != NULL)
    {
      link->is_atom = TRUE;
      link->rel = get_attr (node, "rel");
      link->type = get_attr (node, "type");
      link->href = vankho_feed_resolve_url (elem_base, href);
      if (link->rel == NULL)
        link->rel = g_strdup ("alternate");
    }
  else
    {
      g_autofree char *rel = get_attr (node, "rel");
      g_autofree char *text = NULL;

      /* An Atom link that lost its href, such as an enclosure with its
       * address as text, does not name the entry's page. */
      if (rel != NULL && g_ascii_strcasecmp (rel, "alternate") != 0)
        return;
      text = element_raw (ctx, node);
      if (text != NULL)
        link->href = vankho_feed_resolve_url (elem_base, text);
    }
}

static void
clear_link (Link *link)
{
  g_free (link->href);
  g_free (link->rel);
  g_free (link->type);
}

typedef struct
{
  VankhoFeedEntry *entry;
  char            *guid_link;
  char            *content_image;
  GDateTime       *published;
  GDateTime       *updated;
} EntryState;

static void entry_media (Ctx *ctx, EntryState *st, xmlNode *node, const char *local, const char *base);

static void
handle_entry_children_media (Ctx        *ctx,
                             EntryState *st,
                             xmlNode    *parent,
                             const char *base)
{
  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    {
      const char *local;

      if (child->type == XML_ELEMENT_NODE && classify_ns (child, &local) == NS_MEDIA)
        entry_media (ctx, st, child, local, base);
    }
}

static void
entry_date (Ctx        *ctx,
            EntryState *st,
            xmlNode    *node,
            gboolean    published,
            guint8      rank)
{
  g_autofree char *raw = element_raw (ctx, node);
  GDateTime *dt = vankho_feed_date_parse (raw);

  if (published)
    set_date (&ctx->entry_published_rank, rank, &st->published, dt);
  else
    set_date (&ctx->entry_updated_rank, rank, &st->updated, dt);
}

static void
entry_author (Ctx        *ctx,
              EntryState *st,
              xmlNode    *node,
              guint8      rank)
{
  char *author, *name;

  read_person (ctx, node, &author, &name);
  if (author != NULL && rank < ctx->entry_rank[VANKHO_FEED_FIELD_AUTHOR])
    {
      ctx->entry_rank[VANKHO_FEED_FIELD_AUTHOR_NAME] = UNSET_RANK;
      vankho_feed_entry_take_field (st->entry, VANKHO_FEED_FIELD_AUTHOR_NAME, NULL);
      set_entry_field (ctx, st->entry, VANKHO_FEED_FIELD_AUTHOR_NAME, rank, name);
      set_entry_field (ctx, st->entry, VANKHO_FEED_FIELD_AUTHOR, rank, author);
    }
  else
    {
      g_free (author);
      g_free (name);
    }
}

static void
entry_media (Ctx        *ctx,
             EntryState *st,
             xmlNode    *node,
             const char *local,
             const char *base)
{
  VankhoFeedEntry *entry = st->entry;

  if (name_is (local, "thumbnail"))
    {
      g_autofree char *url = get_attr (node, "url");

      if (url != NULL)
        set_entry_field (ctx, entry, VANKHO_FEED_FIELD_IMAGE_URL, 0,
                         vankho_feed_resolve_url (base, url));
    }
  else if (name_is (local, "content"))
    {
      g_autofree char *url = get_attr (node, "url");
      g_autofree char *type = get_attr (node, "type");
      g_autofree char *medium = get_attr (node, "medium");

      if (url != NULL &&
          ((medium != NULL && g_ascii_strcasecmp (medium, "image") == 0) ||
           (type != NULL && g_str_has_prefix (type, "image/"))))
        set_entry_field (ctx, entry, VANKHO_FEED_FIELD_IMAGE_URL, 1,
                         vankho_feed_resolve_url (base, url));
      handle_entry_children_media (ctx, st, node, base);
    }
  else if (name_is (local, "group"))
    handle_entry_children_media (ctx, st, node, base);
  else if (name_is (local, "title"))
    set_entry_field (ctx, entry, VANKHO_FEED_FIELD_TITLE, 2,
                     element_text (ctx, node, KIND_GUESS, NULL));
  else if (name_is (local, "description"))
    {
      g_autofree char *type = get_attr (node, "type");

      set_entry_field (ctx, entry, VANKHO_FEED_FIELD_SUMMARY, 3,
                       element_text (ctx, node,
                                     type != NULL && g_ascii_strcasecmp (type, "html") == 0
                                     ? KIND_HTML : KIND_GUESS, NULL));
    }
}

static void
keep_image (EntryState *st,
            char       *image)
{
  if (image != NULL && st->content_image == NULL)
    st->content_image = image;
  else
    g_free (image);
}

static void
handle_entry_element (Ctx        *ctx,
                      EntryState *st,
                      xmlNode    *node,
                      const char *parent_base)
{
  VankhoFeedEntry *entry = st->entry;
  const char *local;
  Namespace ns = classify_ns (node, &local);
  g_autofree char *base = child_base (node, parent_base);
  char *image = NULL;

  switch (ns)
    {
    case NS_CORE:
      if (name_is (local, "title"))
        set_entry_field (ctx, entry, VANKHO_FEED_FIELD_TITLE, 0,
                         element_text (ctx, node, text_kind (ctx, node, ns, TRUE), NULL));
      else if (name_is (local, "link"))
        {
          Link link;

          read_link (ctx, node, parent_base, &link);
          if (link.href == NULL)
            ;
          else if (!link.is_atom)
            set_entry_field (ctx, entry, VANKHO_FEED_FIELD_LINK, 0, g_steal_pointer (&link.href));
          else if (g_ascii_strcasecmp (link.rel, "alternate") == 0)
            set_entry_field (ctx, entry, VANKHO_FEED_FIELD_LINK,
                             is_html_type (link.type) ? 0 : 1, g_steal_pointer (&link.href));
          else if (g_ascii_strcasecmp (link.rel, "enclosure") == 0)
            {
              if (link.type != NULL && g_str_has_prefix (link.type, "image/"))
                set_entry_field (ctx, entry, VANKHO_FEED_FIELD_IMAGE_URL, 2, g_strdup (link.href));
              if (ctx->entry_rank[VANKHO_FEED_FIELD_ENCLOSURE_URL] == UNSET_RANK)
                set_entry_field (ctx, entry, VANKHO_FEED_FIELD_ENCLOSURE_TYPE, 0,
                                 g_strdup (link.type));
              set_entry_field (ctx, entry, VANKHO_FEED_FIELD_ENCLOSURE_URL, 0,
                               g_steal_pointer (&link.href));
            }
          clear_link (&link);
        }
      else if (name_is (local, "enclosure"))
        {
          g_autofree char *url = get_attr (node, "url");
          g_autofree char *type = get_attr (node, "type");

          if (url == NULL)
            url = get_ns_attr (node, "resource", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
          if (url != NULL)
            {
              g_autofree char *abs = vankho_feed_resolve_url (base, url);

              if (type != NULL && g_str_has_prefix (type, "image/"))
                set_entry_field (ctx, entry, VANKHO_FEED_FIELD_IMAGE_URL, 2, g_strdup (abs));
              if (ctx->entry_rank[VANKHO_FEED_FIELD_ENCLOSURE_URL] == UNSET_RANK)
                set_entry_field (ctx, entry, VANKHO_FEED_FIELD_ENCLOSURE_TYPE, 0,
                                 g_steal_pointer (&type));
              set_entry_field (ctx, entry, VANKHO_FEED_FIELD_ENCLOSURE_URL, 0,
                               g_steal_pointer (&abs));
            }
        }
      else if (name_is (local, "guid"))
        {
          g_autofree char *permalink = get_attr (node, "isPermaLink");
          g_autofree char *guid = element_raw (ctx, node);

          if (guid != NULL && st->guid_link == NULL &&
              (permalink == NULL || g_ascii_strcasecmp (permalink, "false") != 0) &&
              (g_str_has_prefix (guid, "http://") || g_str_has_prefix (guid, "https://")))
            st->guid_link = g_strdup (guid);
          set_entry_field (ctx, entry, VANKHO_FEED_FIELD_ID, 0, g_steal_pointer (&guid));
        }
      else if (name_is (local, "id"))
        set_entry_field (ctx, entry, VANKHO_FEED_FIELD_ID, 0, element_raw (ctx, node));
      else if (name_is (local, "description") || name_is (local, "summary"))
        set_entry_field (ctx, entry, VANKHO_FEED_FIELD_SUMMARY, 0,
                         element_text (ctx, node, text_kind (ctx, node, ns, FALSE), &image));
      else if (name_is (local, "content"))
        {
          g_autofree char *src = get_attr (node, "src");

          /* Out-of-line content is somewhere else: nothing to read here. */
          if (src == NULL)
            set_entry_field (ctx, entry, VANKHO_FEED_FIELD_CONTENT, 0,
                             element_text (ctx, node, text_kind (ctx, node, ns, FALSE), &image));
        }
      else if (name_is (local, "fullitem") || name_is (local, "body"))
        set_entry_field (ctx, entry, VANKHO_FEED_FIELD_CONTENT, 2,
                         element_text (ctx, node, KIND_HTML, &image));
      else if (name_is (local, "pubDate") || name_is (local, "published"))
        entry_date (ctx, st, node, TRUE, 0);
      else if (name_is (local, "issued"))
        entry_date (ctx, st, node, TRUE, 1);
      else if (name_is (local, "updated") || name_is (local, "modified"))
        entry_date (ctx, st, node, FALSE, 0);
      else if (name_is (local, "author"))
        entry_author (ctx, st, node, 0);
      else if (name_is (local, "language"))
        set_entry_field (ctx, entry, VANKHO_FEED_FIELD_LANGUAGE, 0, element_raw (ctx, node));
      /* 'source' holds another feed's metadata, 'comments' a URL that is
       * not the entry's: neither may override the entry's own values. */
      break;

    case NS_DC:
      if (name_is (local, "title"))
        set_entry_field (ctx, entry, VANKHO_FEED_FIELD_TITLE, 1,
                         element_text (ctx, node, KIND_GUESS, NULL));
      else if (name_is (local, "creator") || name_is (local, "author"))
        entry_author (ctx, st, node, 1);
      else if (name_is (local, "contributor") || name_is (local, "publisher"))
        entry_author (ctx, st, node, 3);
      else if (name_is (local, "date"))
        entry_date (ctx, st, node, FALSE, 1);
      else if (name_is (local, "description"))
        set_entry_field (ctx, entry, VANKHO_FEED_FIELD_SUMMARY, 1,
                         element_text (ctx, node, KIND_HTML, &image));
      else if (name_is (local, "identifier"))
        set_entry_field (ctx, entry, VANKHO_FEED_FIELD_ID, 3, element_raw (ctx, node));
      else if (name_is (local, "language"))
        set_entry_field (ctx, entry, VANKHO_FEED_FIELD_LANGUAGE, 1, element_raw (ctx, node));
      break;

    case NS_DCTERMS:
      if (name_is (local, "issued"))
        entry_date (ctx, st, node, TRUE, 2);
      else if (name_is (local, "modified"))
        entry_date (ctx, st, node, FALSE, 2);
      else if (name_is (local, "created"))
        entry_date (ctx, st, node, TRUE, 3);
      break;

    case NS_CONTENT:
      if (name_is (local, "encoded"))
        set_entry_field (ctx, entry, VANKHO_FEED_FIELD_CONTENT, 0,
                         element_text (ctx, node, KIND_HTML, &image));
      break;

    case NS_XHTML:
      if (name_is (local, "body"))
        {
          g_autoptr(GString) raw = g_string_new (NULL);

          serialize_inner (ctx, node, raw);
          set_entry_field (ctx, entry, VANKHO_FEED_FIELD_CONTENT, 1,
                           vankho_html_to_text_full (raw->str, raw->len, &image));
        }
      break;

    case NS_ITUNES:
      if (name_is (local, "author"))
        entry_author (ctx, st, node, 2);
      else if (name_is (local, "summary"))
        set_entry_field (ctx, entry, VANKHO_FEED_FIELD_SUMMARY, 2,
                         element_text (ctx, node, KIND_GUESS, NULL));
      else if (name_is (local, "image"))
        {
          g_autofree char *href = get_attr (node, "href");

          if (href != NULL)
            set_entry_field (ctx, entry, VANKHO_FEED_FIELD_IMAGE_URL, 3,
                             vankho_feed_resolve_url (base, href));
        }
      break;

    case NS_MEDIA:
      entry_media (ctx, st, node, local, base);
      break;

    case NS_RDF:
    case NS_OTHER:
    default:
      break;
    }

  /* Relative to the element that held it (xml:base on <content>). */
  if (image != NULL)
    {
      char *resolved = vankho_feed_resolve_url (base, image);

      g_free (image);
      image = resolved;
    }
  keep_image (st, image);
}

static void
handle_entry_children (Ctx        *ctx,
                       EntryState *st,
                       xmlNode    *parent,
                       const char *base)
{
  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      handle_entry_element (ctx, st, child, base);
}

static VankhoFeedEntry *
parse_entry (Ctx        *ctx,
             xmlNode    *node,
             const char *parent_base)
{
  g_autofree char *base = child_base (node, parent_base);
  g_autofree char *about = NULL;
  EntryState st = { 0 };

  st.entry = vankho_feed_entry_new ();
  memset (ctx->entry_rank, UNSET_RANK, sizeof ctx->entry_rank);
  ctx->entry_published_rank = UNSET_RANK;
  ctx->entry_updated_rank = UNSET_RANK;

  about = get_ns_attr (node, "about", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
  if (about != NULL)
    set_entry_field (ctx, st.entry, VANKHO_FEED_FIELD_ID, 2, g_steal_pointer (&about));

  handle_entry_children (ctx, &st, node, base);

  /* A permalink guid is the link of an item that has none (RSS 2.0). */
  if (vankho_feed_entry_get_link (st.entry) == NULL && st.guid_link != NULL)
    vankho_feed_entry_take_field (st.entry, VANKHO_FEED_FIELD_LINK, g_steal_pointer (&st.guid_link));

  if (st.content_image != NULL)
    set_entry_field (ctx, st.entry, VANKHO_FEED_FIELD_IMAGE_URL, 4,
                     g_steal_pointer (&st.content_image));

  if (vankho_feed_entry_get_language (st.entry) == NULL)
    set_entry_field (ctx, st.entry, VANKHO_FEED_FIELD_LANGUAGE, 5,
                     get_ns_attr (node, "lang", (const char *) XML_XML_NAMESPACE));

  /* Atom entries without an author inherit the feed's (RFC 4287 §4.2.1). */
  if ((ctx->format == FORMAT_ATOM10 || ctx->format == FORMAT_ATOM03) &&
      vankho_feed_entry_get_author (st.entry) == NULL && ctx->feed_author != NULL)
    {
      vankho_feed_entry_take_field (st.entry, VANKHO_FEED_FIELD_AUTHOR, g_strdup (ctx->feed_author));
      vankho_feed_entry_take_field (st.entry, VANKHO_FEED_FIELD_AUTHOR_NAME,
                                    g_strdup (ctx->feed_author_name));
    }

  vankho_feed_entry_set_published (st.entry, st.published);
  vankho_feed_entry_set_updated (st.entry, st.updated);
  g_clear_pointer (&st.published, g_date_time_unref);
  g_clear_pointer (&st.updated, g_date_time_unref);
  g_free (st.guid_link);
  g_free (st.content_image);

  return st.entry;
}

static void
feed_date (Ctx        *ctx,
           VankhoFeed *feed,
           xmlNode    *node,
           gboolean    published,
           guint8      rank)
{
  g_autofree char *raw = element_raw (ctx, node);
  GDateTime *dt = vankho_feed_date_parse (raw);
  guint8 ignored = UNSET_RANK;

  if (dt == NULL)
    return;

  if (published)
    {
      set_date (&ignored, 0, &ctx->feed_published, ctx->feed_published == NULL ? dt : NULL);
      if (ctx->feed_published != dt)
        g_date_time_unref (dt);
    }
  else if (rank < ctx->feed_updated_rank)
    {
      ctx->feed_updated_rank = rank;
      vankho_feed_set_updated (feed, dt);
      g_date_time_unref (dt);
    }
  else
    g_date_time_unref (dt);
}

static void
feed_image (Ctx        *ctx,
            VankhoFeed *feed,
            xmlNode    *node,
            const char *base,
            guint8      rank)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      const char *local;

      if (child->type == XML_ELEMENT_NODE && classify_ns (child, &local) == NS_CORE &&
          name_is (local, "url"))
        {
          g_autofree char *url = element_raw (ctx, child);

          if (url != NULL)
            set_feed_field (ctx, feed, VANKHO_FEED_FIELD_IMAGE_URL, rank,
                            vankho_feed_resolve_url (base, url));
        }
    }
}

static void
handle_feed_children (Ctx        *ctx,
                      VankhoFeed *feed,
                      xmlNode    *parent,
                      const char *parent_base);

static void
handle_feed_element (Ctx        *ctx,
                     VankhoFeed *feed,
                     xmlNode    *node,
                     const char *parent_base)
{
  const char *local;
  Namespace ns = classify_ns (node, &local);
  g_autofree char *base = child_base (node, parent_base);

  switch (ns)
    {
    case NS_CORE:
      if (name_is (local, "item") || name_is (local, "entry"))
        {
          g_autoptr(VankhoFeedEntry) entry = parse_entry (ctx, node, parent_base);

          vankho_feed_add_entry (feed, entry);
        }
      else if (name_is (local, "channel"))
        {
          /* RSS 1.0 and 0.90 put items beside the channel, not in it. */
          handle_feed_children (ctx, feed, node, base);
        }
      else if (name_is (local, "title"))
        set_feed_field (ctx, feed, VANKHO_FEED_FIELD_TITLE, 0,
                        element_text (ctx, node, text_kind (ctx, node, ns, TRUE), NULL));
      else if (name_is (local, "link"))
        {
          Link link;

          read_link (ctx, node, parent_base, &link);
          if (link.href != NULL &&
              (!link.is_atom || g_ascii_strcasecmp (link.rel, "alternate") == 0))
            set_feed_field (ctx, feed, VANKHO_FEED_FIELD_LINK,
                            !link.is_atom || is_html_type (link.type) ? 0 : 1,
                            g_steal_pointer (&link.href));
          clear_link (&link);
        }
      else if (name_is (local, "subtitle") || name_is (local, "tagline") ||
               name_is (local, "description"))
        set_feed_field (ctx, feed, VANKHO_FEED_FIELD_SUBTITLE, 0,
                        element_text (ctx, node, text_kind (ctx, node, ns, FALSE), NULL));
      else if (name_is (local, "language"))
        set_feed_field (ctx, feed, VANKHO_FEED_FIELD_LANGUAGE, 0, element_raw (ctx, node));
      else if (name_is (local, "updated") || name_is (local, "modified") ||
               name_is (local, "lastBuildDate"))
        feed_date (ctx, feed, node, FALSE, 0);
      else if (name_is (local, "pubDate") || name_is (local, "published") ||
               name_is (local, "issued"))
        feed_date (ctx, feed, node, TRUE, 0);
      else if (name_is (local, "author") &&
               (ctx->format == FORMAT_ATOM10 || ctx->format == FORMAT_ATOM03))
        {
          char *author, *name;

          read_person (ctx, node, &author, &name);
          if (ctx->feed_author == NULL)
            {
              ctx->feed_author = author;
              ctx->feed_author_name = name;
              set_feed_field (ctx, feed, VANKHO_FEED_FIELD_AUTHOR, 0, g_strdup (author));
            }
          else
            {
              g_free (author);
              g_free (name);
            }
        }
      else if (name_is (local, "managingEditor"))
        set_feed_field (ctx, feed, VANKHO_FEED_FIELD_AUTHOR, 1, element_raw (ctx, node));
      else if (name_is (local, "image"))
        feed_image (ctx, feed, node, base, 0);
      else if (name_is (local, "logo") || name_is (local, "icon"))
        {
          g_autofree char *url = element_raw (ctx, node);

          if (url != NULL)
            set_feed_field (ctx, feed, VANKHO_FEED_FIELD_IMAGE_URL,
                            name_is (local, "logo") ? 0 : 2,
                            vankho_feed_resolve_url (base, url));
        }
      /* textInput, image titles, skipHours… never name the feed. */
      break;

    case NS_DC:
      if (name_is (local, "title"))
        set_feed_field (ctx, feed, VANKHO_FEED_FIELD_TITLE, 1,
                        element_text (ctx, node, KIND_GUESS, NULL));
      else if (name_is (local, "description"))
        set_feed_field (ctx, feed, VANKHO_FEED_FIELD_SUBTITLE, 1,
                        element_text (ctx, node, KIND_HTML, NULL));
      else if (name_is (local, "language"))
        set_feed_field (ctx, feed, VANKHO_FEED_FIELD_LANGUAGE, 1, element_raw (ctx, node));
      else if (name_is (local, "date"))
        feed_date (ctx, feed, node, FALSE, 1);
      else if (name_is (local, "creator") || name_is (local, "publisher"))
        set_feed_field (ctx, feed, VANKHO_FEED_FIELD_AUTHOR, 2,
                        element_text (ctx, node, KIND_PLAIN, NULL));
      break;

    case NS_DCTERMS:
      if (name_is (local, "modified"))
        feed_date (ctx, feed, node, FALSE, 2);
      else if (name_is (local, "issued"))
        feed_date (ctx, feed, node, TRUE, 0);
      break;

    case NS_ITUNES:
      if (name_is (local, "subtitle"))
        set_feed_field (ctx, feed, VANKHO_FEED_FIELD_SUBTITLE, 2,
                        element_text (ctx, node, KIND_GUESS, NULL));
      else if (name_is (local, "summary"))
        set_feed_field (ctx, feed, VANKHO_FEED_FIELD_SUBTITLE, 3,
                        element_text (ctx, node, KIND_GUESS, NULL));
      else if (name_is (local, "image"))
        {
          g_autofree char *href = get_attr (node, "href");

          if (href != NULL)
            set_feed_field (ctx, feed, VANKHO_FEED_FIELD_IMAGE_URL, 1,
                            vankho_feed_resolve_url (base, href));
        }
      break;

    default:
      break;
    }
}

static void
handle_feed_children (Ctx        *ctx,
                      VankhoFeed *feed,
                      xmlNode    *parent,
                      const char *base)
{
  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      handle_feed_element (ctx, feed, child, base);
}

static gboolean
detect_format (xmlNode *root,
               Format  *format,
               const char **name)
{
  const char *local;
  Namespace ns = classify_ns (root, &local);
  const char *href = root->ns != NULL ? (const char *) root->ns->href : NULL;

  if (ns == NS_RDF && name_is (local, "RDF"))
    {
      *format = FORMAT_RDF;
      *name = "rss10";
      for (xmlNode *child = root->children; child != NULL; child = child->next)
        if (child->type == XML_ELEMENT_NODE && child->ns != NULL &&
            strcmp ((const char *) child->ns->href, "http://my.netscape.com/rdf/simple/0.9/") == 0)
          *name = "rss090";
      return TRUE;
    }
  if (ns != NS_CORE)
    return FALSE;

  if (name_is (local, "rss") || name_is (local, "channel"))
    {
      g_autofree char *version = get_attr (root, "version");

      *format = FORMAT_RSS;
      if (version == NULL)
        *name = "rss";
      else if (g_str_has_prefix (version, "0.91"))
        *name = "rss091";
      else if (g_str_has_prefix (version, "0.92"))
        *name = "rss092";
      else if (g_str_has_prefix (version, "0.93"))
        *name = "rss093";
      else if (g_str_has_prefix (version, "0.94"))
        *name = "rss094";
      else
        *name = "rss20";
      return TRUE;
    }
  if (name_is (local, "feed"))
    {
      g_autofree char *version = get_attr (root, "version");

      if ((href != NULL && g_str_has_prefix (href, "http://purl.org/atom/ns")) ||
          (version != NULL && g_str_has_prefix (version, "0.")))
        {
          *format = FORMAT_ATOM03;
          *name = "atom03";
        }
      else
        {
          *format = FORMAT_ATOM10;
          *name = "atom10";
        }
      return TRUE;
    }
  return FALSE;
}

static char *
describe_error (const xmlError *err)
{
  g_autofree char *message = NULL;

  if (err == NULL || err->message == NULL)
    return g_strdup (_("not a well-formed XML document"));
  message = g_strstrip (g_strdup (err->message));
  /* TRANSLATORS: first %d is a line number, %s libxml2's (English) message */
  return g_strdup_printf (_("line %d: %s"), err->line, message);
}

/**
 * vankho_feed_parse_full:
 * @data: the document's bytes
 * @base_url: (nullable): the feed's URL, against which relative links resolve
 * @http_charset: (nullable): the charset of the HTTP Content-Type, if any
 * @max_size: documents larger than this are refused; 0 for the default
 * @error: return location for a #VANKHO_FEED_ERROR
 *
 * Like vankho_feed_parse(), with the HTTP charset (used when the document
 * declares none) and a size cap of the caller's choosing.
 *
 * Returns: (transfer full) (nullable): the feed
 */
VankhoFeed *
vankho_feed_parse_full (GBytes      *data,
                        const char  *base_url,
                        const char  *http_charset,
                        gsize        max_size,
                        GError     **error)
{
  g_autoptr(VankhoFeed) feed = NULL;
  g_autofree char *utf8 = NULL;
  g_autofree char *cleaned = NULL;
  g_autoptr(GArray) taken_out = NULL;
  g_autofree char *base = NULL;
  const char *bytes, *text, *format_name = NULL;
  gsize len, text_len, cleaned_len = 0;
  xmlParserCtxtPtr pctx;
  xmlDocPtr doc = NULL;
  xmlNode *root;
  gboolean refused;
  Ctx ctx = { 0 };

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (max_size == 0)
    max_size = VANKHO_FEED_MAX_SIZE;

  bytes = g_bytes_get_data (data, &len);
  /* An empty body (an empty HTTP response) has no data pointer at all, and
   * pointer arithmetic on NULL is undefined even by zero.
   */
  if (bytes == NULL)
    bytes = "";
  if (len > max_size)
    {
      g_set_error (error, VANKHO_FEED_ERROR, VANKHO_FEED_ERROR_TOO_LARGE,
                   _("The feed is too large (%zu bytes, at most %zu)"),
                   len, max_size);
      return NULL;
    }

  text = vankho_feed_document_to_utf8 (bytes, len, http_charset, &utf8, &text_len);
  if (text_len >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    text += 3, text_len -= 3;

  while (text_len > 0 && g_ascii_isspace (*text))
    text++, text_len--;
  if (text_len == 0)
    {
      g_set_error (error, VANKHO_FEED_ERROR, VANKHO_FEED_ERROR_EMPTY,
                   _("The feed is empty"));
      return NULL;
    }

  taken_out = g_array_new (FALSE, FALSE, sizeof (CDataSlice));
  g_array_set_clear_func (taken_out, cdata_slice_clear);
  cleaned = clean_xml_text (text, text_len, taken_out, &cleaned_len);
  /* The guard counts attributes inside CDATA too, so with sections taken
   * out it reads the document as it came; vankho_markup_guard_read_xml()
   * reads what is left, which alone is enough otherwise. */
  refused = taken_out->len > 0 && !vankho_markup_guard_check_xml (text, text_len);
  if (cleaned != NULL)
    text = cleaned, text_len = cleaned_len;

  if (text_len > G_MAXINT)
    {
      g_set_error (error, VANKHO_FEED_ERROR, VANKHO_FEED_ERROR_TOO_LARGE,
                   _("The feed is too large"));
      return NULL;
    }

  xmlInitParser ();
  pctx = xmlNewParserCtxt ();
  if (pctx == NULL)
    {
      g_set_error (error, VANKHO_FEED_ERROR, VANKHO_FEED_ERROR_MALFORMED,
                   _("Out of memory"));
      return NULL;
    }

  /* No NOENT, no DTDLOAD, no HUGE: see the comment at the top. */
  if (!refused)
    doc = vankho_markup_guard_read_xml (pctx, text, text_len, base_url,
                                        XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                                        XML_PARSE_NOWARNING | XML_PARSE_COMPACT, &refused);
  if (refused)
    {
      g_set_error (error, VANKHO_FEED_ERROR, VANKHO_FEED_ERROR_MALFORMED,
                   /* TRANSLATORS: %d are numbers, 1000 and 100 */
                   _("The feed is not read: it has an element with more than %d attributes, "
                     "or more than %d namespaces"),
                   VANKHO_MARKUP_MAX_ATTRIBUTES, VANKHO_MARKUP_MAX_NAMESPACES);
      xmlFreeParserCtxt (pctx);
      return NULL;
    }
  /* HTML straight in the XML, its <br> and <img> left open, nests every
   * later entry inside them: read it again with those elements closed. */
  if (doc != NULL && !pctx->wellFormed)
    {
      gsize closed_len;
      g_autofree char *closed = close_void_elements (text, text_len, &closed_len);
      xmlParserCtxtPtr again = closed != NULL ? xmlNewParserCtxt () : NULL;
      xmlDocPtr doc_again = NULL;
      gboolean refused_again = FALSE;

      if (again != NULL)
        doc_again = vankho_markup_guard_read_xml (again, closed, closed_len, base_url,
                                                  XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                  XML_PARSE_NOWARNING | XML_PARSE_COMPACT, &refused_again);
      if (doc_again != NULL && (again->wellFormed || count_entries (doc_again) > count_entries (doc)))
        {
          xmlFreeDoc (doc);
          xmlFreeParserCtxt (pctx);
          doc = g_steal_pointer (&doc_again);
          pctx = g_steal_pointer (&again);
        }
      g_clear_pointer (&doc_again, xmlFreeDoc);
      g_clear_pointer (&again, xmlFreeParserCtxt);
    }

  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;

  if (root == NULL)
    {
      g_autofree char *what = describe_error (xmlCtxtGetLastError (pctx));

      g_set_error (error, VANKHO_FEED_ERROR, VANKHO_FEED_ERROR_MALFORMED,
                   _("Not a feed: %s"), what);
      g_clear_pointer (&doc, xmlFreeDoc);
      xmlFreeParserCtxt (pctx);
      return NULL;
    }

  if (!detect_format (root, &ctx.format, &format_name))
    {
      g_set_error (error, VANKHO_FEED_ERROR, VANKHO_FEED_ERROR_NOT_A_FEED,
                   _("Not an RSS or Atom feed: the document is <%s>"),
                   (const char *) root->name);
      xmlFreeDoc (doc);
      xmlFreeParserCtxt (pctx);
      return NULL;
    }

  feed = vankho_feed_new ();
  vankho_feed_take_field (feed, VANKHO_FEED_FIELD_FORMAT, g_strdup (format_name));
  if (!pctx->wellFormed)
    vankho_feed_take_field (feed, VANKHO_FEED_FIELD_WARNING,
                            describe_error (xmlCtxtGetLastError (pctx)));

  ctx.doc = doc;
  ctx.taken_out = taken_out;
  ctx.entity_budget = MAX_ENTITY_EXPANSION;
  memset (ctx.feed_rank, UNSET_RANK, sizeof ctx.feed_rank);
  ctx.feed_updated_rank = UNSET_RANK;

  base = child_base (root, base_url);
  if (ctx.format == FORMAT_ATOM10 || ctx.format == FORMAT_ATOM03)
    handle_feed_children (&ctx, feed, root, base);
  else if (name_is ((const char *) root->name, "channel"))
    handle_feed_children (&ctx, feed, root, base);
  else
    {
      /* <rss><channel>…</channel></rss>, or RDF's channel and items side
       * by side; the image of RSS 1.0 sits beside the channel too. */
      for (xmlNode *child = root->children; child != NULL; child = child->next)
        {
          const char *local;

          if (child->type != XML_ELEMENT_NODE)
            continue;
          if (classify_ns (child, &local) == NS_CORE && name_is (local, "image"))
            feed_image (&ctx, feed, child, base, 1);
          else
            handle_feed_element (&ctx, feed, child, base);
        }
    }

  if (vankho_feed_get_updated (feed) == NULL && ctx.feed_published != NULL)
    vankho_feed_set_updated (feed, ctx.feed_published);
  if (vankho_feed_get_language (feed) == NULL)
    {
      char *lang = get_ns_attr (root, "lang", (const char *) XML_XML_NAMESPACE);

      if (lang == NULL)
        for (xmlNode *child = root->children; child != NULL && lang == NULL; child = child->next)
          if (child->type == XML_ELEMENT_NODE && name_is ((const char *) child->name, "channel"))
            lang = get_ns_attr (child, "lang", (const char *) XML_XML_NAMESPACE);
      vankho_feed_take_field (feed, VANKHO_FEED_FIELD_LANGUAGE, lang);
    }

  if (ctx.entity_budget_hit && vankho_feed_get_warning (feed) == NULL)
    vankho_feed_take_field (feed, VANKHO_FEED_FIELD_WARNING,
                            g_strdup (_("entities expand too much; the expansion was cut")));

  g_clear_pointer (&ctx.feed_published, g_date_time_unref);
  g_free (ctx.feed_author);
  g_free (ctx.feed_author_name);
  xmlFreeDoc (doc);
  xmlFreeParserCtxt (pctx);

  return g_steal_pointer (&feed);
}

/**
 * vankho_feed_parse:
 * @data: the document's bytes
 * @base_url: (nullable): the feed's URL, against which relative links resolve
 * @error: return location for a #VANKHO_FEED_ERROR
 *
 * Parses an RSS 0.9x/2.0, RSS 1.0 (RDF) or Atom 1.0/0.3 document. Broken
 * documents are read as far as possible (see vankho_feed_get_warning());
 * an error is returned only when nothing of a feed can be found.
 *
 * Returns: (transfer full) (nullable): the feed, or %NULL with @error set
 */
VankhoFeed *
vankho_feed_parse (GBytes      *data,
                   const char  *base_url,
                   GError     **error)
{
  return vankho_feed_parse_full (data, base_url, NULL, 0, error);
}
