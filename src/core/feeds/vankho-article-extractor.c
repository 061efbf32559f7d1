/* vankho-article-extractor.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <libxml/HTMLparser.h>

#include "vankho-article-extractor.h"
#include "vankho-feed-date.h"
#include "vankho-feed-parser.h"
#include "vankho-html-text.h"
#include "vankho-text.h"

/* Finds the article in a news page the way Readability does: every
 * paragraph with real text scores for its parent and grandparent; class
 * and id names that mean 'content' or 'comments' weigh in; the block with
 * the best score, discounted by how much of its text is links, is the
 * article. Its text is then taken without the share bars, related-links
 * lists and comment boxes that Vietnamese news sites put inside it.
 *
 * A pure function: HTML in, results out, no network, no files.
 */

#define MIN_PARAGRAPH_CHARS 25

G_DEFINE_BOXED_TYPE (VankhoExtractedPage, vankho_extracted_page,
                     vankho_extracted_page_copy, vankho_extracted_page_free)

VankhoExtractedPage *
vankho_extracted_page_copy (const VankhoExtractedPage *page)
{
  VankhoExtractedPage *copy = g_new0 (VankhoExtractedPage, 1);

  copy->title = g_strdup (page->title);
  copy->byline = g_strdup (page->byline);
  copy->date = g_strdup (page->date);
  copy->published = page->published ? g_date_time_ref (page->published) : NULL;
  copy->text = g_strdup (page->text);
  return copy;
}

void
vankho_extracted_page_free (VankhoExtractedPage *page)
{
  if (page == NULL)
    return;
  g_free (page->title);
  g_free (page->byline);
  g_free (page->date);
  g_clear_pointer (&page->published, g_date_time_unref);
  g_free (page->text);
  g_free (page);
}

static const char * const positive_names[] = {
  "article", "content", "detail", "body", "entry", "main", "post", "story",
  "text", "noidung", "noi-dung", "chitiet", "chi-tiet", "fck", "singular",
};

static const char * const negative_names[] = {
  "comment", "binhluan", "binh-luan", "footer", "sidebar", "side-bar",
  "related", "relate", "lienquan", "lien-quan", "share", "social", "menu",
  "nav", "breadcrumb", "banner", "advert", "quangcao", "quang-cao", "ads",
  "tag", "popup", "widget", "tinkhac", "tin-khac", "other", "more-news",
  "most", "docnhieu", "doc-nhieu", "xemthem", "xem-them", "subscribe",
  "print", "toolbar", "rating", "vote", "masthead", "header", "sponsor",
  "login", "hidden", "skip", "cookie", "newsletter", "zalo", "facebook",
};

static const char * const byline_names[] = {
  "author", "byline", "tacgia", "tac-gia", "writer", "reporter",
};

static const char * const date_names[] = {
  "date", "time", "publish", "ngay", "thoigian", "thoi-gian", "posted",
};

static char *
class_and_id (xmlNode *node)
{
  xmlChar *cls = xmlGetProp (node, BAD_CAST "class");
  xmlChar *id = xmlGetProp (node, BAD_CAST "id");
  g_autofree char *both = g_strconcat (cls ? (char *) cls : "", " ",
                                       id ? (char *) id : "", NULL);

  xmlFree (cls);
  xmlFree (id);
  return g_ascii_strdown (both, -1);
}

static gboolean
matches_any (const char         *names,
             const char * const *patterns,
             guint               n_patterns)
{
  for (guint i = 0; i < n_patterns; i++)
    if (strstr (names, patterns[i]) != NULL)
      return TRUE;
  return FALSE;
}

static int
class_weight (xmlNode *node)
{
  g_autofree char *names = NULL;
  int weight = 0;

  if (node->properties == NULL)
    return 0;
  names = class_and_id (node);
  if (matches_any (names, positive_names, G_N_ELEMENTS (positive_names)))
    weight += 25;
  if (matches_any (names, negative_names, G_N_ELEMENTS (negative_names)))
    weight -= 25;
  return weight;
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrcmp (node->name, BAD_CAST name) == 0;
}

/* Characters of text under @node, and how many of them are in links. */
static void
measure (xmlNode *root,
         gsize   *chars,
         gsize   *link_chars,
         guint   *commas)
{
  xmlNode *node = root;
  guint in_link = 0;

  *chars = 0;
  *link_chars = 0;
  if (commas)
    *commas = 0;

  while (node != NULL)
    {
      gboolean descend = FALSE;

      if (node->type == XML_TEXT_NODE && node->content != NULL)
        {
          gsize n = 0;

          for (const char *p = (const char *) node->content; *p; p++)
            {
              if (((guchar) *p & 0xC0) != 0x80 && !g_ascii_isspace (*p))
                n++;
              if (commas && *p == ',')
                (*commas)++;
            }
          *chars += n;
          if (in_link)
            *link_chars += n;
        }
      else if (node->type == XML_ELEMENT_NODE && !vankho_html_is_dropped (node->name))
        {
          descend = node->children != NULL;
          if (descend && is_element (node, "a"))
            in_link++;
        }

      if (descend)
        {
          node = node->children;
          continue;
        }
      while (node != NULL && node != root && node->next == NULL)
        {
          node = node->parent;
          if (node != NULL && node != root && is_element (node, "a") && in_link > 0)
            in_link--;
        }
      if (node == NULL || node == root)
        break;
      if (is_element (node, "a") && node->children != NULL && in_link > 0)
        in_link--;
      node = node->next;
    }
}

static int
tag_base_score (xmlNode *node)
{
  const char *name = (const char *) node->name;

  if (strcmp (name, "article") == 0)
    return 10;
  if (strcmp (name, "div") == 0 || strcmp (name, "section") == 0 || strcmp (name, "main") == 0)
    return 5;
  if (strcmp (name, "pre") == 0 || strcmp (name, "td") == 0 || strcmp (name, "blockquote") == 0)
    return 3;
  if (strcmp (name, "form") == 0 || strcmp (name, "ol") == 0 || strcmp (name, "ul") == 0 ||
      strcmp (name, "li") == 0 || strcmp (name, "address") == 0)
    return -3;
  if (name[0] == 'h' && g_ascii_isdigit (name[1]))
    return -5;
  return 0;
}

static gboolean
inside_dropped (xmlNode *node)
{
  for (xmlNode *p = node->parent; p != NULL && p->type == XML_ELEMENT_NODE; p = p->parent)
    if (vankho_html_is_dropped (p->name) || is_element (p, "footer") || is_element (p, "aside"))
      return TRUE;
  return FALSE;
}

static gboolean
is_paragraph_like (xmlNode *node)
{
  if (is_element (node, "p") || is_element (node, "pre") || is_element (node, "blockquote"))
    return TRUE;

  /* A div used as a paragraph: text and inline markup, no blocks. */
  if (is_element (node, "div") || is_element (node, "td"))
    {
      gboolean has_text = FALSE;

      for (xmlNode *child = node->children; child != NULL; child = child->next)
        {
          if (child->type == XML_ELEMENT_NODE && vankho_html_is_block (child->name) &&
              !is_element (child, "br"))
            return FALSE;
          if (child->type == XML_TEXT_NODE && child->content != NULL)
            for (const char *p = (const char *) child->content; *p && !has_text; p++)
              if (!g_ascii_isspace (*p))
                has_text = TRUE;
        }
      return has_text;
    }
  return FALSE;
}

typedef struct
{
  xmlNode *node;
  double   score;
} Candidate;

static Candidate *
candidate_for (GHashTable *candidates,
               xmlNode    *node)
{
  Candidate *c = g_hash_table_lookup (candidates, node);

  if (c == NULL)
    {
      c = g_new0 (Candidate, 1);
      c->node = node;
      c->score = tag_base_score (node) + class_weight (node);
      g_hash_table_insert (candidates, node, c);
    }
  return c;
}

static void
score_paragraphs (xmlNode    *root,
                  GHashTable *candidates)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      gboolean descend = FALSE;

      if (node->type == XML_ELEMENT_NODE)
        {
          if (vankho_html_is_dropped (node->name) || is_element (node, "footer") ||
              is_element (node, "aside"))
            descend = FALSE;
          else if (is_paragraph_like (node))
            {
              gsize chars, link_chars;
              guint commas;

              measure (node, &chars, &link_chars, &commas);
              if (chars >= MIN_PARAGRAPH_CHARS && link_chars * 2 < chars)
                {
                  double score = 1 + commas + MIN (chars / 100, 3);
                  xmlNode *parent = node->parent;

                  if (parent != NULL && parent->type == XML_ELEMENT_NODE)
                    {
                      candidate_for (candidates, parent)->score += score;
                      if (parent->parent != NULL && parent->parent->type == XML_ELEMENT_NODE)
                        candidate_for (candidates, parent->parent)->score += score / 2;
                    }
                }
              /* a div-paragraph may still hold p elements deeper down */
              descend = is_element (node, "div") && node->children != NULL;
            }
          else
            descend = node->children != NULL;
        }
      else if (node->type == XML_HTML_DOCUMENT_NODE || node->type == XML_DOCUMENT_NODE)
        descend = node->children != NULL;

      if (descend)
        {
          node = node->children;
          continue;
        }
      while (node != NULL && node != root && node->next == NULL)
        node = node->parent;
      if (node == NULL || node == root)
        break;
      node = node->next;
    }
}

static xmlNode *
best_candidate (GHashTable *candidates)
{
  GHashTableIter iter;
  Candidate *c;
  xmlNode *best = NULL;
  double best_score = 0;

  g_hash_table_iter_init (&iter, candidates);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &c))
    {
      gsize chars, link_chars;
      double score;

      if (c->score <= 0 || inside_dropped (c->node))
        continue;
      measure (c->node, &chars, &link_chars, NULL);
      if (chars == 0)
        continue;
      score = c->score * (1.0 - (double) link_chars / chars);
      if (score > best_score)
        {
          best_score = score;
          best = c->node;
        }
    }

  return best;
}

typedef struct
{
  const char *title;
  xmlNode    *byline_node;
} SkipData;

/* Inside the article block: what is not the article. */
static gboolean
skip_boilerplate (xmlNode  *node,
                  gpointer  user_data)
{
  SkipData *data = user_data;
  const char *name = (const char *) node->name;
  int weight;

  if (strcmp (name, "aside") == 0 || strcmp (name, "footer") == 0 ||
      strcmp (name, "header") == 0 || strcmp (name, "h1") == 0)
    return TRUE;
  if (node == data->byline_node)
    return TRUE;

  weight = class_weight (node);
  if (weight < 0)
    return TRUE;

  if (strcmp (name, "ul") == 0 || strcmp (name, "ol") == 0 || strcmp (name, "div") == 0 ||
      strcmp (name, "table") == 0 || strcmp (name, "section") == 0 || strcmp (name, "p") == 0)
    {
      gsize chars, link_chars;

      measure (node, &chars, &link_chars, NULL);
      /* lists of links: 'Tin liên quan', tags, 'Xem thêm' */
      if (chars > 0 && link_chars * 2 > chars && weight <= 0)
        return TRUE;
    }

  return FALSE;
}

static char *
meta_content (xmlNode    *head,
              const char *attr,
              const char *value)
{
  xmlNode *node = head;

  while (node != NULL)
    {
      if (is_element (node, "meta"))
        {
          xmlChar *v = xmlGetProp (node, BAD_CAST attr);

          if (v != NULL && g_ascii_strcasecmp ((const char *) v, value) == 0)
            {
              xmlChar *content = xmlGetProp (node, BAD_CAST "content");
              char *ret = NULL;

              if (content != NULL && *content)
                ret = vankho_plain_text_clean ((const char *) content, -1);
              xmlFree (content);
              xmlFree (v);
              if (ret != NULL && *ret)
                return ret;
              g_free (ret);
              return NULL;
            }
          xmlFree (v);
        }

      if (node->type == XML_ELEMENT_NODE && node->children != NULL &&
          !is_element (node, "script") && !is_element (node, "style"))
        {
          node = node->children;
          continue;
        }
      while (node != NULL && node != head && node->next == NULL)
        node = node->parent;
      if (node == NULL || node == head)
        break;
      node = node->next;
    }
  return NULL;
}

/* The first element (in document order) whose class or id names one of
 * @patterns and whose text is short, as bylines and dates are. */
static xmlNode *
find_by_class (xmlNode            *root,
               const char * const *patterns,
               guint               n_patterns,
               gsize               max_chars,
               char              **text_out)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      if (node->type == XML_ELEMENT_NODE && node->properties != NULL &&
          !vankho_html_is_dropped (node->name))
        {
          g_autofree char *names = class_and_id (node);

          if (matches_any (names, patterns, n_patterns))
            {
              char *text = vankho_html_node_to_text (node, NULL, NULL);

              if (text != NULL && *text != '\0' && g_utf8_strlen (text, -1) <= (glong) max_chars)
                {
                  *text_out = text;
                  return node;
                }
              g_free (text);
            }
        }

      if (node->type != XML_TEXT_NODE && node->children != NULL &&
          !(node->type == XML_ELEMENT_NODE && vankho_html_is_dropped (node->name)))
        {
          node = node->children;
          continue;
        }
      while (node != NULL && node != root && node->next == NULL)
        node = node->parent;
      if (node == NULL || node == root)
        break;
      node = node->next;
    }
  return NULL;
}

static xmlNode *
find_element (xmlNode    *root,
              const char *name)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      if (is_element (node, name))
        return node;
      if (node->type != XML_TEXT_NODE && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      while (node != NULL && node != root && node->next == NULL)
        node = node->parent;
      if (node == NULL || node == root)
        break;
      node = node->next;
    }
  return NULL;
}

/* '<title>Headline - Báo Công an Nhân dân</title>' → 'Headline' */
static char *
strip_site_name (char *title)
{
  static const char * const separators[] = { " | ", " - ", " – ", " — ", " :: " };

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      char *sep = g_strrstr (title, separators[i]);

      if (sep != NULL && g_utf8_strlen (title, sep - title) >= 15)
        {
          *sep = '\0';
          break;
        }
    }
  return title;
}

/* A short last paragraph in bold or right-aligned is the byline
 * Vietnamese papers put at the end ('Hoàng Anh', 'ĐTO'). */
static xmlNode *
trailing_byline (xmlNode  *content,
                 char    **text_out)
{
  xmlNode *last = NULL;

  for (xmlNode *child = content->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && (is_element (child, "p") || is_element (child, "div")))
      {
        gsize chars, link_chars;

        measure (child, &chars, &link_chars, NULL);
        if (chars > 0)
          last = child;
      }

  if (last != NULL)
    {
      g_autofree char *text = vankho_html_node_to_text (last, NULL, NULL);
      xmlChar *style = xmlGetProp (last, BAD_CAST "style");
      gboolean right = style != NULL && strstr ((const char *) style, "right") != NULL;
      xmlChar *align = xmlGetProp (last, BAD_CAST "align");
      gboolean bold = FALSE;
      guint words = 0;

      right = right || (align != NULL && g_ascii_strcasecmp ((const char *) align, "right") == 0);
      xmlFree (style);
      xmlFree (align);

      for (xmlNode *c = last->children; c != NULL; c = c->next)
        if (is_element (c, "strong") || is_element (c, "b"))
          bold = TRUE;
      if (text != NULL)
        for (const char *p = text; *p; p++)
          if (*p == ' ')
            words++;

      if (text != NULL && *text && g_utf8_strlen (text, -1) <= 40 && words < 6 && (bold || right))
        {
          *text_out = g_steal_pointer (&text);
          return last;
        }
    }
  return NULL;
}

/**
 * vankho_article_extractor_extract:
 * @html: the page's bytes (UTF-8, or the charset its <meta> declares)
 * @len: their length
 * @url: (nullable): the page's URL (for the record; nothing is fetched)
 *
 * Finds a news page's article: the content block by text density and
 * paragraph structure, without navigation, comments, related links or
 * share bars; and the headline, byline and date when the page gives them.
 *
 * Returns: (transfer full) (nullable): what was found, or %NULL when the
 *   bytes are not HTML at all
 */
VankhoExtractedPage *
vankho_article_extractor_extract (const char *html,
                                  gsize       len,
                                  const char *url)
{
  g_autoptr(VankhoExtractedPage) page = NULL;
  g_autoptr(GHashTable) candidates = NULL;
  g_autofree char *utf8 = NULL;
  gsize utf8_len;
  htmlDocPtr doc;
  xmlNode *root, *content, *node;
  SkipData skip = { 0 };

  g_return_val_if_fail (html != NULL, NULL);

  if (len == 0 || len > VANKHO_FEED_MAX_SIZE)
    return NULL;

  utf8 = vankho_feed_page_to_utf8 (html, len, &utf8_len);
  doc = vankho_html_parse (utf8, utf8_len);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  if (root == NULL)
    {
      xmlFreeDoc (doc);
      return NULL;
    }

  page = g_new0 (VankhoExtractedPage, 1);

  /* Title: what the page offers to share, then its headline, then <title>. */
  page->title = meta_content (root, "property", "og:title");
  if (page->title == NULL && (node = find_element (root, "h1")) != NULL)
    {
      page->title = vankho_html_node_to_text (node, NULL, NULL);
      if (page->title != NULL && *page->title == '\0')
        g_clear_pointer (&page->title, g_free);
    }
  if (page->title == NULL && (node = find_element (root, "title")) != NULL)
    {
      g_autoptr(GString) raw = g_string_new (NULL);

      for (xmlNode *c = node->children; c != NULL; c = c->next)
        if (c->type == XML_TEXT_NODE && c->content != NULL)
          g_string_append (raw, (const char *) c->content);
      page->title = strip_site_name (vankho_plain_text_clean (raw->str, raw->len));
    }

  /* Date: machine-readable first, then what the reader sees. */
  page->date = meta_content (root, "property", "article:published_time");
  if (page->date == NULL)
    page->date = meta_content (root, "itemprop", "datePublished");
  if (page->date == NULL)
    page->date = meta_content (root, "name", "pubdate");
  if (page->date == NULL)
    page->date = meta_content (root, "name", "dc.date.issued");
  if (page->date == NULL && (node = find_element (root, "time")) != NULL)
    {
      xmlChar *dt = xmlGetProp (node, BAD_CAST "datetime");

      page->date = dt != NULL ? g_strstrip (g_strdup ((const char *) dt))
                              : vankho_html_node_to_text (node, NULL, NULL);
      xmlFree (dt);
    }
  if (page->date == NULL)
    find_by_class (root, date_names, G_N_ELEMENTS (date_names), 80, &page->date);
  if (page->date != NULL)
    page->published = vankho_feed_date_parse (page->date);

  page->byline = meta_content (root, "name", "author");
  if (page->byline == NULL)
    skip.byline_node = find_by_class (root, byline_names, G_N_ELEMENTS (byline_names), 80,
                                      &page->byline);

  candidates = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  score_paragraphs ((xmlNode *) doc, candidates);
  content = best_candidate (candidates);

  if (content != NULL)
    {
      if (page->byline == NULL)
        skip.byline_node = trailing_byline (content, &page->byline);
      skip.title = page->title;
      page->text = vankho_html_node_to_text (content, skip_boilerplate, &skip);
      if (page->text != NULL && *page->text == '\0')
        g_clear_pointer (&page->text, g_free);
    }

  xmlFreeDoc (doc);
  return g_steal_pointer (&page);
}
