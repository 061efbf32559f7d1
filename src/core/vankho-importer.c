/* vankho-importer.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Imports text files into the library. Each file is read, decoded, cleaned
 * and split into title and body; a file that cannot be read is reported by
 * name with the reason and the others go on. Writes happen in batches, one
 * transaction each, so a failure never leaves half an article behind.
 */

#define G_LOG_DOMAIN "vankho-importer"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#ifdef __linux__
#include <sys/resource.h>
#endif

#include "vankho-analysis.h"
#include "vankho-importer.h"
#include "vankho-text.h"

#define BATCH_SIZE 200
#define MAX_TITLE_CHARS 160
#define MAX_HEADLINE_CHARS 250
#define MAX_FOLDER_DEPTH 32
#define SAMPLE_RESOURCE_DIR RESOURCE_PREFIX "/sample"

struct _VankhoImporter
{
  GObject        parent_instance;

  VankhoLibrary *library;
  GPtrArray     *failures;
  guint          n_added;
  guint          n_duplicates;
};

G_DEFINE_FINAL_TYPE (VankhoImporter, vankho_importer, G_TYPE_OBJECT)

G_DEFINE_QUARK (vankho-import-error-quark, vankho_import_error)

static void
import_failure_free (VankhoImportFailure *failure)
{
  g_free (failure->path);
  g_free (failure->reason);
  g_free (failure);
}

static void
vankho_importer_finalize (GObject *object)
{
  VankhoImporter *self = (VankhoImporter *)object;

  g_clear_object (&self->library);
  g_clear_pointer (&self->failures, g_ptr_array_unref);

  G_OBJECT_CLASS (vankho_importer_parent_class)->finalize (object);
}

static void
vankho_importer_class_init (VankhoImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vankho_importer_finalize;
}

static void
vankho_importer_init (VankhoImporter *self)
{
  self->failures = g_ptr_array_new_with_free_func ((GDestroyNotify) import_failure_free);
}

VankhoImporter *
vankho_importer_new (VankhoLibrary *library)
{
  VankhoImporter *self;

  g_return_val_if_fail (VANKHO_IS_LIBRARY (library), NULL);

  self = g_object_new (VANKHO_TYPE_IMPORTER, NULL);
  self->library = g_object_ref (library);

  return self;
}

/* Turns the bytes of a file into UTF-8: a UTF-8 byte order mark is dropped,
 * UTF-16 with a byte order mark is converted, anything else must be UTF-8.
 */
static char *
decode (const char  *data,
        gsize        len,
        GError     **error)
{
  const char *end = NULL;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  else if (len >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      const char *charset = data[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
      g_autoptr(GError) local_error = NULL;
      char *converted;

      converted = g_convert (data + 2, len - 2, "UTF-8", charset, NULL, NULL, &local_error);
      if (converted == NULL)
        {
          g_set_error (error, VANKHO_IMPORT_ERROR, VANKHO_IMPORT_ERROR_ENCODING,
                       _("not valid %s text: %s"), charset, local_error->message);
          return NULL;
        }
      return converted;
    }

  if (memchr (data, '\0', len) != NULL)
    {
      g_set_error (error, VANKHO_IMPORT_ERROR, VANKHO_IMPORT_ERROR_BINARY,
                   _("a binary file, not text"));
      return NULL;
    }

  if (!g_utf8_validate_len (data, len, &end))
    {
      g_set_error (error, VANKHO_IMPORT_ERROR, VANKHO_IMPORT_ERROR_ENCODING,
                   _("not UTF-8 text (invalid byte at offset %zu)"),
                   (gsize) (end - data));
      return NULL;
    }

  return g_strndup (data, len);
}

/* The seeds carry the month the archive took an article from its source as
 * ' date YYYY-MM' at the very start, on a line of its own or before the text.
 */
static const char *
strip_date_header (const char *text,
                   VankhoDate *header_date)
{
  const char *p = text;
  guint year;
  guint month;

  while (*p == ' ' || *p == '\t')
    p++;

  if (strncmp (p, "date ", 5) != 0)
    return text;
  p += 5;
  while (*p == ' ')
    p++;

  if (!(g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
        g_ascii_isdigit (p[3]) && p[4] == '-' && g_ascii_isdigit (p[5]) && g_ascii_isdigit (p[6])) ||
      g_ascii_isdigit (p[7]))
    return text;

  year = g_ascii_strtoull (p, NULL, 10);
  month = g_ascii_strtoull (p + 5, NULL, 10);
  if (!vankho_date_set (header_date, year, month, 0))
    return text;

  return p + 7;
}

static guint
count_words (const char *line,
             gsize       len)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      gboolean space = line[i] == ' ';

      if (!space && !in_word)
        n++;
      in_word = !space;
    }

  return n;
}

/* A short line in capitals at the top is a section label ('TIN TỨC SỰ KIỆN'),
 * page furniture above the headline.
 */
static gboolean
is_section_label (const char *line,
                  gsize       len)
{
  gboolean has_letter = FALSE;

  if (count_words (line, len) > 6)
    return FALSE;

  for (const char *p = line; p < line + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c) || g_unichar_isdigit (c))
        return FALSE;
      if (g_unichar_isalpha (c))
        has_letter = TRUE;
    }

  return has_letter;
}

/* Reads 'd/m/yyyy' (or with '-' or '.') at @p, before @end. */
static gboolean
reads_full_date (const char *p,
                 const char *end)
{
  static const guint widths[] = { 2, 2, 4 };

  for (guint part = 0; part < G_N_ELEMENTS (widths); part++)
    {
      guint n = 0;

      for (; p < end && g_ascii_isdigit (*p) && n < widths[part]; p++)
        n++;
      if (n == 0 || (part == 2 && n != 4) || (p < end && g_ascii_isdigit (*p)))
        return FALSE;
      if (part < 2)
        {
          if (p >= end || (*p != '/' && *p != '-' && *p != '.'))
            return FALSE;
          p++;
        }
    }
  return TRUE;
}

/* Page furniture above the headline: the site's clock or the time the page
 * was updated ('Thứ Năm, 02/10/2025 - 14:30', 'Cập nhật ngày: 17/06/2024
 * 16:05:12'). A full date, and few words besides.
 */
static gboolean
is_page_date_line (const char *line,
                   gsize       len)
{
  const char *end = line + len;
  gboolean has_date = FALSE;

  if (g_utf8_strlen (line, len) > 60)
    return FALSE;
  for (const char *p = line; p < end; p++)
    if (g_ascii_isdigit (*p) && (p == line || !g_ascii_isdigit (p[-1])) && reads_full_date (p, end))
      has_date = TRUE;

  return has_date && count_words (line, len) <= 7;
}

static gboolean
reads_as_headline (const char *line,
                   gsize       len)
{
  glong n_chars = g_utf8_strlen (line, len);
  char last = line[len - 1];

  return n_chars <= MAX_HEADLINE_CHARS
      && count_words (line, len) >= 3
      && last != '.' && last != ',' && last != ';' && last != ':';
}

static gboolean
is_abbreviation_before (const char *text,
                        const char *dot)
{
  static const char * const abbreviations[] = {
    "TP", "Tp", "TX", "Q", "P", "ThS", "TS", "PGS", "GS", "BS", "KS", "St", "Th", "v.v", NULL
  };
  const char *start = dot;

  while (start > text && start[-1] != ' ' && start[-1] != '\n' && start[-1] != '(')
    start--;

  for (guint i = 0; abbreviations[i]; i++)
    if ((gsize) (dot - start) == strlen (abbreviations[i]) &&
        strncmp (start, abbreviations[i], dot - start) == 0)
      return TRUE;

  return FALSE;
}

/* The first sentence: up to '. ', '? ' or '! ' before a capital letter,
 * skipping 'TP. Hồ Chí Minh' and the like.
 */
static char *
first_sentence (const char *text)
{
  const char *line_end = strchr (text, '\n');
  const char *end = line_end ? line_end : text + strlen (text);

  for (const char *p = text; p < end; p++)
    {
      if ((*p == '.' || *p == '?' || *p == '!') && p[1] == ' ')
        {
          gunichar next = g_utf8_get_char (p + 2);

          if (g_unichar_isupper (next) && !(*p == '.' && is_abbreviation_before (text, p)))
            return g_strndup (text, *p == '.' ? p - text : p + 1 - text);
        }
    }

  if (end > text && end[-1] == '.')
    end--;

  return g_strndup (text, end - text);
}

/* An outlet's mark opening the first paragraph: 'BBK - ', 'ĐTO - ',
 * '(Congan.nghean.gov.vn)-'. @after is set to the text that follows it.
 */
static char *
find_outlet_prefix (const char  *body,
                    const char **after)
{
  const char *p = body;
  const char *start;
  const char *end;
  gboolean parenthesised = FALSE;
  gboolean has_dot = FALSE;
  gboolean all_upper = TRUE;

  if (*p == '(')
    {
      parenthesised = TRUE;
      p++;
    }

  start = p;
  while (*p && *p != ')' && *p != ' ' && *p != '\n' && (p - start) < 40)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '.')
        has_dot = TRUE;
      else if (!g_unichar_isupper (c))
        all_upper = FALSE;
      p = g_utf8_next_char (p);
    }
  end = p;

  if (end == start)
    return NULL;
  if (parenthesised)
    {
      if (*p != ')')
        return NULL;
      p++;
    }

  while (*p == ' ')
    p++;

  if (strncmp (p, "-", 1) != 0 && strncmp (p, "–", strlen ("–")) != 0)
    return NULL;

  if (!(has_dot || (all_upper && g_utf8_strlen (start, end - start) >= 2 &&
                    g_utf8_strlen (start, end - start) <= 8)))
    return NULL;

  p = g_utf8_next_char (p);
  while (*p == ' ')
    p++;
  *after = p;

  return g_strndup (start, end - start);
}

/* Ranks that stand before a name in a byline, their second word in lower
 * case: 'Đại úy Lê Văn Hùng'. */
static const char * const byline_ranks[] = {
  "Đại úy ", "Đại uý ", "Thượng úy ", "Thượng uý ", "Trung úy ", "Trung uý ",
  "Thiếu úy ", "Thiếu uý ", "Thiếu tá ", "Trung tá ", "Thượng tá ", "Đại tá ",
  NULL,
};

/* Labels before a byline: 'Bài, ảnh: Minh Anh'. */
static const char * const byline_labels[] = {
  "Bài và ảnh:", "Bài, ảnh:", "Bài và ảnh :", "Tin, ảnh:", "Tin và ảnh:", "Bài:", "Tin:",
  NULL,
};

/* A last line of a few capitalised words is the byline: 'Ngọc Ánh – Minh
 * Trung', 'Bài, ảnh: Minh Anh', 'Đại úy Lê Văn Hùng (Công an huyện Kỳ
 * Anh)'. The writer's unit in brackets stays with it; a label goes.
 */
static char *
find_byline (const char *body,
             gsize       body_len)
{
  g_autofree char *copy = NULL;
  const char *last;
  const char *line;
  const char *names;
  const char *names_end;
  gsize len;
  gboolean word_start = TRUE;

  while (body_len > 0 && g_ascii_isspace (body[body_len - 1]))
    body_len--;
  copy = g_strndup (body, body_len);
  last = strrchr (copy, '\n');
  line = last ? last + 1 : copy;
  len = strlen (line);

  if (last == NULL || len == 0 || g_utf8_strlen (line, len) > 80)
    return NULL;

  for (guint i = 0; byline_labels[i] != NULL; i++)
    if (g_str_has_prefix (line, byline_labels[i]))
      {
        line += strlen (byline_labels[i]);
        while (*line == ' ')
          line++;
        len = strlen (line);
        break;
      }
  if (len == 0)
    return NULL;

  /* The names: after a rank, up to the writer's unit in brackets. */
  names = line;
  for (guint i = 0; byline_ranks[i] != NULL; i++)
    if (g_str_has_prefix (line, byline_ranks[i]))
      {
        names = line + strlen (byline_ranks[i]);
        break;
      }
  names_end = strstr (names, " (");
  if (names_end == NULL || line[len - 1] != ')')
    names_end = line + len;

  if (names_end <= names || count_words (names, names_end - names) > 10)
    return NULL;

  for (const char *p = names; p < names_end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (word_start && g_unichar_isalpha (c) && !g_unichar_isupper (c))
        return NULL;
      if (g_unichar_isdigit (c) || c == '.' || c == ':' || c == '!' || c == '?')
        return NULL;
      word_start = (c == ' ');
    }

  return g_strdup (line);
}

/* A last line that names the outlet rather than the writer: 'Theo
 * TTXVN', '(Theo Báo Nhân Dân)', 'Nguồn: Công an tỉnh Quảng Ninh', 'Báo Hà
 * Tĩnh'. Sets @line_start to where that line starts.
 */
static char *
find_closing_outlet (const char  *body,
                     const char **line_start)
{
  const char *last = strrchr (body, '\n');
  const char *line = last ? last + 1 : body;
  g_autofree char *text = NULL;
  gsize len;

  if (last == NULL)
    return NULL;
  text = g_strstrip (g_strdup (line));
  len = strlen (text);
  if (len > 2 && text[0] == '(' && text[len - 1] == ')')
    {
      text[len - 1] = '\0';
      memmove (text, text + 1, len - 1);
      g_strstrip (text);
    }
  if (g_utf8_strlen (text, -1) > 60 || count_words (text, strlen (text)) > 8)
    return NULL;

  *line_start = line;
  if (g_str_has_prefix (text, "Theo ") && g_unichar_isupper (g_utf8_get_char (text + 5)))
    return g_strdup (text + 5);
  if (g_str_has_prefix (text, "Nguồn:") || g_str_has_prefix (text, "Nguồn :"))
    {
      const char *rest = strchr (text, ':') + 1;

      while (*rest == ' ')
        rest++;
      return *rest != '\0' ? g_strdup (rest) : NULL;
    }
  if (g_str_has_prefix (text, "Báo ") && g_unichar_isupper (g_utf8_get_char (text + strlen ("Báo "))))
    return g_strdup (text);
  return NULL;
}

/**
 * vankho_importer_parse_text:
 * @data: the bytes of a file
 * @len: their length
 *
 * Decodes and cleans a text file and splits it into an article: the date
 * header of the seeds' format, the title (the first line when it reads as a
 * headline, otherwise the first sentence, shortened), the body with its
 * paragraphs, and the outlet and byline where the text shows them.
 *
 * Returns: (transfer full) (nullable): the article, not yet stored
 */
VankhoArticle *
vankho_importer_parse_text (const char  *data,
                            gsize        len,
                            GError     **error)
{
  g_autoptr(VankhoArticle) article = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *outlet = NULL;
  g_autofree char *byline = NULL;
  g_autoptr(GString) furniture = NULL;
  g_autofree char *closing_outlet = NULL;
  const char *closing_line = NULL;
  VankhoDate header_date = { 0 };
  const char *after_outlet = NULL;
  const char *rest;
  const char *line;
  const char *body;

  decoded = decode (data, len, error);
  if (decoded == NULL)
    return NULL;

  rest = strip_date_header (decoded, &header_date);
  text = vankho_text_normalize (rest, -1);
  if (text == NULL || *text == '\0')
    {
      g_set_error (error, VANKHO_IMPORT_ERROR, VANKHO_IMPORT_ERROR_EMPTY,
                   _("the file holds no text"));
      return NULL;
    }

  body = text;
  line = text;
  for (;;)
    {
      const char *eol = strchr (line, '\n');
      gsize line_len;

      if (eol == NULL)
        break;
      line_len = eol - line;

      if (is_section_label (line, line_len))
        {
          line = eol + 1 + (eol[1] == '\n');
          continue;
        }

      if (is_page_date_line (line, line_len))
        {
          if (furniture == NULL)
            furniture = g_string_new (NULL);
          else
            g_string_append_c (furniture, '\n');
          g_string_append_len (furniture, line, line_len);
          line = eol + 1 + (eol[1] == '\n');
          continue;
        }

      if (reads_as_headline (line, line_len))
        {
          title = g_strndup (line, line_len);
          body = eol + 1 + (eol[1] == '\n');
        }
      break;
    }

  /* Without a headline, the text starts after the furniture. */
  if (furniture != NULL && title == NULL)
    body = line;

  outlet = find_outlet_prefix (body, &after_outlet);

  if (title == NULL)
    {
      /* The outlet's mark is not part of what the article says. */
      g_autofree char *sentence = first_sentence (outlet ? after_outlet : body);
      title = vankho_text_shorten (sentence, MAX_TITLE_CHARS);
    }

  /* The furniture stays at the head of the body, where the date extractor
   * reads it. */
  if (furniture != NULL)
    {
      g_string_append (furniture, "\n\n");
      g_string_append (furniture, body);
      body = furniture->str;
    }

  /* An outlet named at the end; the byline, if any, is above it. */
  closing_outlet = find_closing_outlet (body, &closing_line);
  if (closing_outlet != NULL)
    {
      byline = find_byline (body, closing_line - body - 1);
      if (outlet == NULL)
        outlet = g_steal_pointer (&closing_outlet);
    }
  else
    byline = find_byline (body, strlen (body));

  article = vankho_article_new ();
  vankho_article_set_title (article, title);
  vankho_article_set_body (article, body);
  vankho_article_set_outlet (article, outlet);
  vankho_article_set_byline (article, byline);
  vankho_article_set_published (article, &header_date);
  vankho_article_set_source_date (article, &header_date);

  return g_steal_pointer (&article);
}

static void
add_failure (VankhoImporter *self,
             const char     *path,
             const char     *reason)
{
  VankhoImportFailure *failure = g_new0 (VankhoImportFailure, 1);

  failure->path = g_strdup (path);
  failure->reason = g_strdup (reason);
  g_ptr_array_add (self->failures, failure);
}

static int compare_names (gconstpointer a,
                          gconstpointer b);

static void
collect_files (VankhoImporter *self,
               GFile          *file,
               guint           depth,
               GPtrArray      *files,
               GCancellable   *cancellable)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) children = NULL;
  g_autofree char *path = g_file_get_path (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &error);
  if (info == NULL)
    {
      add_failure (self, path, error->message);
      return;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
    {
      g_ptr_array_add (files, g_object_ref (file));
      return;
    }

  if (depth >= MAX_FOLDER_DEPTH)
    {
      add_failure (self, path, _("folders nested too deeply"));
      return;
    }

  enumerator = g_file_enumerate_children (file,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                          G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (enumerator == NULL)
    {
      add_failure (self, path, error->message);
      return;
    }

  children = g_ptr_array_new_with_free_func (g_free);
  for (;;)
    {
      GFileInfo *child_info = NULL;

      if (!g_file_enumerator_iterate (enumerator, &child_info, NULL, cancellable, &error))
        {
          add_failure (self, path, error->message);
          break;
        }
      if (child_info == NULL)
        break;
      /* Dot files are editor backups and system files, not articles. */
      if (g_file_info_get_is_hidden (child_info))
        continue;
      g_ptr_array_add (children, g_strdup (g_file_info_get_name (child_info)));
    }

  g_ptr_array_sort (children, compare_names);
  for (guint i = 0; i < children->len; i++)
    {
      const char *name = g_ptr_array_index (children, i);
      g_autoptr(GFile) child = g_file_get_child (file, name);

      collect_files (self, child, depth + 1, files, cancellable);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static VankhoArticle *
read_article_file (GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_size (info) > VANKHO_IMPORT_MAX_FILE_SIZE)
    {
      g_set_error (error, VANKHO_IMPORT_ERROR, VANKHO_IMPORT_ERROR_TOO_LARGE,
                   _("larger than %d MB"), VANKHO_IMPORT_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &len, NULL, error))
    return NULL;

  /* The file may have grown since we looked. */
  if (len > VANKHO_IMPORT_MAX_FILE_SIZE)
    {
      g_set_error (error, VANKHO_IMPORT_ERROR, VANKHO_IMPORT_ERROR_TOO_LARGE,
                   _("larger than %d MB"), VANKHO_IMPORT_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  return vankho_importer_parse_text (contents, len, error);
}

/* @extraction: (nullable): what the extractors found, when a worker already
 * ran them; %NULL runs them here.
 */
static gboolean
store_article (VankhoImporter    *self,
               VankhoArticle     *article,
               VankhoExtraction  *extraction,
               gint64             source_id,
               GError           **error)
{
  g_autoptr(VankhoExtraction) owned = extraction ? NULL : vankho_analysis_run (article);
  const VankhoDate *published;
  gboolean duplicate = FALSE;

  if (extraction == NULL)
    extraction = owned;
  published = vankho_extraction_get_published (extraction);

  if (published->precision != VANKHO_DATE_PRECISION_UNKNOWN)
    vankho_article_set_published (article, published);

  if (!vankho_library_add_article (self->library, article, source_id, &duplicate, error))
    return FALSE;

  if (duplicate)
    {
      self->n_duplicates++;
      return TRUE;
    }

  self->n_added++;
  return vankho_library_store_extraction (self->library, vankho_article_get_id (article),
                                          extraction, error);
}

/* Reading, decoding, parsing and extraction need nothing but the file, and
 * take more than half of an import; they run on worker threads, a window of
 * files ahead, while this thread writes to the library in file order. The
 * window outlasts a commit, when this thread indexes a whole batch: with 64
 * files the workers had finished them long before and waited (a 10 000
 * import used 77 % of two cores). */
#define READ_AHEAD 256

typedef struct
{
  GFile            *file;
  VankhoArticle    *article;
  VankhoExtraction *extraction;
  GError           *error;
  gboolean          done;
} ReadJob;

typedef struct
{
  GMutex        lock;
  GCond         cond;
  GCancellable *cancellable;
  int           worker_nice;
} ReadPipeline;

static void
read_job_clear (ReadJob *job)
{
  g_clear_object (&job->article);
  g_clear_object (&job->extraction);
  g_clear_error (&job->error);
}

static void
read_job_run (gpointer data,
              gpointer user_data)
{
  ReadJob *job = data;
  ReadPipeline *pipeline = user_data;
  g_autoptr(VankhoArticle) article = NULL;
  g_autoptr(VankhoExtraction) extraction = NULL;
  GError *error = NULL;

#ifdef __linux__
  /* On Linux this sets the calling thread's niceness only; setting the
   * same value again is harmless, so no thread needs to remember it. */
  setpriority (PRIO_PROCESS, 0, pipeline->worker_nice);
#endif

  if (!g_cancellable_is_cancelled (pipeline->cancellable))
    {
      article = read_article_file (job->file, pipeline->cancellable, &error);
      if (article != NULL)
        extraction = vankho_analysis_run (article);
    }

  g_mutex_lock (&pipeline->lock);
  job->article = g_steal_pointer (&article);
  job->extraction = g_steal_pointer (&extraction);
  job->error = error;
  job->done = TRUE;
  g_cond_broadcast (&pipeline->cond);
  g_mutex_unlock (&pipeline->lock);
}

static void
forward_cancel (GCancellable *cancellable,
                gpointer      user_data)
{
  g_cancellable_cancel (user_data);
}

/**
 * vankho_importer_import_paths:
 * @paths: files and folders; folders are read recursively, dot files skipped
 * @cancellable: (nullable): stops the import between files; what was
 *   committed stays
 * @progress: (nullable) (scope call): called after each file
 * @error: set only when the library itself fails, not for a bad file
 *
 * Imports every file it can. Files that fail are listed by
 * vankho_importer_get_failures() with the reason.
 *
 * Returns: %FALSE if the library failed or the import was cancelled
 */
gboolean
vankho_importer_import_paths (VankhoImporter            *self,
                              const char * const        *paths,
                              GCancellable              *cancellable,
                              VankhoImportProgressFunc   progress,
                              gpointer                   user_data,
                              GError                   **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GCancellable) stop = g_cancellable_new ();
  g_autofree ReadJob *jobs = NULL;
  ReadPipeline pipeline = { 0, };
  GThreadPool *pool;
  gboolean in_batch = FALSE;
  guint n_added_before = self->n_added;
  guint n_added_committed = self->n_added;
  guint n_duplicates_committed = self->n_duplicates;
  guint n_queued = 0;
  gulong cancel_id = 0;
  gboolean ok = TRUE;
  gint64 source_id;
  GError *pool_error = NULL;

  g_return_val_if_fail (VANKHO_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (paths != NULL, FALSE);

  for (guint i = 0; paths[i]; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);
      collect_files (self, file, 0, files, cancellable);
    }

  source_id = vankho_library_ensure_source (self->library, VANKHO_SOURCE_KIND_IMPORT,
                                            _("Imported files"), error);
  if (source_id == 0)
    return FALSE;

  /* The workers stop early when the caller cancels or the library fails. */
  g_mutex_init (&pipeline.lock);
  g_cond_init (&pipeline.cond);
  pipeline.cancellable = stop;
  if (cancellable != NULL)
    cancel_id = g_cancellable_connect (cancellable, G_CALLBACK (forward_cancel),
                                       g_object_ref (stop), g_object_unref);
  jobs = g_new0 (ReadJob, files->len);
  vankho_library_set_bulk_writing (self->library, TRUE);

  /* This thread limits the import: on two cores it spent a quarter of its
   * time runnable but waiting for a CPU the workers held. Workers at a lower
   * priority let it run as soon as a file is ready (a 20 000-file import
   * took 11 % less time); the pool is exclusive so that no other work ever
   * runs on its lowered threads. */
#ifdef __linux__
  pipeline.worker_nice = MIN (getpriority (PRIO_PROCESS, 0) + 10, 19);
#endif
  pool = g_thread_pool_new (read_job_run, &pipeline, MAX (1, (int) g_get_num_processors ()),
                            TRUE, &pool_error);
  if (pool_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&pool_error));
      ok = FALSE;
    }

  for (guint i = 0; i < files->len && ok; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autofree char *path = g_file_get_path (file);
      ReadJob *job = &jobs[i];

      for (; n_queued < files->len && n_queued < i + READ_AHEAD; n_queued++)
        {
          jobs[n_queued].file = g_ptr_array_index (files, n_queued);
          g_thread_pool_push (pool, &jobs[n_queued], NULL);
        }

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }

      g_mutex_lock (&pipeline.lock);
      while (!job->done)
        g_cond_wait (&pipeline.cond, &pipeline.lock);
      g_mutex_unlock (&pipeline.lock);

      if (job->article == NULL)
        {
          /* Cancelled while a worker read it: a cancellation, not a bad file. */
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              ok = FALSE;
              break;
            }
          add_failure (self, path, job->error->message);
        }
      else
        {
          vankho_article_set_file_path (job->article, path);

          if (!in_batch && !(in_batch = vankho_library_begin (self->library, error)))
            ok = FALSE;
          else if (!store_article (self, job->article, job->extraction, source_id, error))
            ok = FALSE;
        }
      read_job_clear (job);

      if (ok && in_batch && ((i + 1) % BATCH_SIZE == 0))
        {
          in_batch = FALSE;
          ok = vankho_library_commit (self->library, error);
          if (ok)
            {
              n_added_committed = self->n_added;
              n_duplicates_committed = self->n_duplicates;
            }
        }

      if (progress != NULL)
        progress (i + 1, files->len, path, user_data);
    }

  /* Let the workers finish what they started, then drop what they read. */
  g_cancellable_cancel (stop);
  if (pool != NULL)
    g_thread_pool_free (pool, TRUE, TRUE);
  if (cancel_id != 0)
    g_cancellable_disconnect (cancellable, cancel_id);
  for (guint i = 0; i < n_queued; i++)
    read_job_clear (&jobs[i]);
  g_cond_clear (&pipeline.cond);
  g_mutex_clear (&pipeline.lock);

  if (in_batch)
    {
      if (ok)
        ok = vankho_library_commit (self->library, error);
      else
        vankho_library_rollback (self->library);
    }
  vankho_library_set_bulk_writing (self->library, FALSE);

  /* A batch rolled back added nothing: count only what was committed. */
  if (!ok)
    {
      self->n_added = n_added_committed;
      self->n_duplicates = n_duplicates_committed;
    }

  if (self->n_added > n_added_before)
    vankho_library_articles_changed (self->library);

  return ok;
}

/**
 * vankho_importer_import_samples:
 *
 * Adds the sample articles shipped with Văn Khố, marked as samples.
 */
gboolean
vankho_importer_import_samples (VankhoImporter  *self,
                                GCancellable    *cancellable,
                                GError         **error)
{
  g_auto(GStrv) names = NULL;
  guint n_added_before = self->n_added;
  guint n_duplicates_before = self->n_duplicates;
  gint64 source_id;

  g_return_val_if_fail (VANKHO_IS_IMPORTER (self), FALSE);

  names = g_resources_enumerate_children (SAMPLE_RESOURCE_DIR, 0, error);
  if (names == NULL)
    return FALSE;

  if (!vankho_library_begin (self->library, error))
    return FALSE;

  source_id = vankho_library_ensure_source (self->library, VANKHO_SOURCE_KIND_SAMPLE,
                                            _("Sample articles"), error);
  if (source_id == 0)
    goto fail;

  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *path = g_build_path ("/", SAMPLE_RESOURCE_DIR, names[i], NULL);
      g_autoptr(VankhoArticle) article = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize len;
      const char *data;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;

      bytes = g_resources_lookup_data (path, 0, error);
      if (bytes == NULL)
        goto fail;

      data = g_bytes_get_data (bytes, &len);
      article = vankho_importer_parse_text (data, len, error);
      if (article == NULL)
        {
          g_prefix_error (error, "%s: ", path);
          goto fail;
        }

      vankho_article_set_is_sample (article, TRUE);
      if (!store_article (self, article, NULL, source_id, error))
        goto fail;
    }

  if (!vankho_library_commit (self->library, error))
    goto rolled_back;

  if (self->n_added > n_added_before)
    vankho_library_articles_changed (self->library);

  return TRUE;

fail:
  vankho_library_rollback (self->library);
rolled_back:
  self->n_added = n_added_before;
  self->n_duplicates = n_duplicates_before;
  return FALSE;
}

/**
 * vankho_importer_get_n_added:
 *
 * Returns: the articles added and committed: a batch rolled back by an
 *   error or a cancellation does not count
 */
guint
vankho_importer_get_n_added (VankhoImporter *self)
{
  g_return_val_if_fail (VANKHO_IS_IMPORTER (self), 0);

  return self->n_added;
}

guint
vankho_importer_get_n_duplicates (VankhoImporter *self)
{
  g_return_val_if_fail (VANKHO_IS_IMPORTER (self), 0);

  return self->n_duplicates;
}

/**
 * vankho_importer_get_failures:
 *
 * Returns: (transfer none) (element-type VankhoImportFailure): the files that
 *   could not be imported, with the reason
 */
GPtrArray *
vankho_importer_get_failures (VankhoImporter *self)
{
  g_return_val_if_fail (VANKHO_IS_IMPORTER (self), NULL);

  return self->failures;
}
