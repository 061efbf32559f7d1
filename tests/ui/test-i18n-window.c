/* test-i18n-window.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Opens the real window under LANGUAGE=vi, with the translations of the build
 * tree (VANKHO_LOCALEDIR), and checks that what a user sees is Vietnamese:
 * no mapped label, tooltip or placeholder of the Articles view, the view
 * switcher, the Resolutions view or the primary menu may equal an English
 * message that vi.po translates differently. The English messages are read
 * from the built vankho.mo itself, so the list keeps up with the catalogue.
 * Dates must be written the Vietnamese way (31/08/2023, tháng 8/2023).
 * Screenshots go to screenshots/i18n-*-vi.png under G_TEST_BUILDDIR.
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vankho-application.h"
#include "vankho-article-list-model.h"
#include "vankho-article-row.h"
#include "vankho-importer.h"
#include "vankho-reader.h"
#include "vankho-window.h"

#include "ui-test-utils.h"

typedef struct
{
  char              *dir;
  VankhoLibrary     *library;
  VankhoWindow      *window;
} Fixture;

/* One application per process: GApplication registers only once. */
static VankhoApplication *app;
static gboolean have_vi;
/* English message (mnemonic removed) → its Vietnamese translation */
static GHashTable *english;

/* Reading the catalogue */

static char *
strip_mnemonic (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] == '_')
        g_string_append_c (out, *p++);
      else if (*p != '_')
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static guint32
mo_word (const guint8 *data,
         gsize         offset,
         gboolean      swap)
{
  guint32 word;

  memcpy (&word, data + offset, 4);
  return swap ? GUINT32_SWAP_LE_BE (word) : word;
}

/* Every message of the .mo that is translated into something else. */
static GHashTable *
load_english (const char *mo_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *data = NULL;
  gsize length = 0;
  gboolean swap;
  guint32 n, originals, translations;
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_file_get_contents (mo_path, (char **) &data, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >=, 28);
  if (mo_word (data, 0, FALSE) == 0x950412de)
    swap = FALSE;
  else if (mo_word (data, 0, TRUE) == 0x950412de)
    swap = TRUE;
  else
    g_error ("%s is not a .mo file", mo_path);

  n = mo_word (data, 8, swap);
  originals = mo_word (data, 12, swap);
  translations = mo_word (data, 16, swap);
  g_assert_cmpuint (translations + 8 * (gsize) n, <=, length);

  for (guint32 i = 0; i < n; i++)
    {
      guint32 id_len = mo_word (data, originals + 8 * i, swap);
      guint32 id_off = mo_word (data, originals + 8 * i + 4, swap);
      guint32 str_len = mo_word (data, translations + 8 * i, swap);
      guint32 str_off = mo_word (data, translations + 8 * i + 4, swap);
      const char *id;
      const char *str;
      const char *eot;
      g_autofree char *plain_id = NULL;
      g_autofree char *plain_str = NULL;

      g_assert_cmpuint ((gsize) id_off + id_len, <, length);
      g_assert_cmpuint ((gsize) str_off + str_len, <, length);
      id = (const char *) data + id_off;   /* the singular: up to the first NUL */
      str = (const char *) data + str_off; /* the first (only) plural form */
      if (*id == '\0')
        continue;  /* the header */
      eot = strchr (id, '\004');           /* msgctxt EOT msgid */
      if (eot != NULL)
        id = eot + 1;
      /* Format strings never appear as they are written. */
      if (strchr (id, '%') != NULL || strlen (id) < 3)
        continue;

      plain_id = strip_mnemonic (id);
      plain_str = strip_mnemonic (str);
      if (g_strcmp0 (plain_id, plain_str) != 0)
        g_hash_table_insert (table, g_steal_pointer (&plain_id), g_steal_pointer (&plain_str));
    }

  return table;
}

/* The window */

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(VankhoImporter) importer = NULL;

  if (!have_vi)
    return;

  fixture->dir = g_dir_make_tmp ("vankho-ui-i18n-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->library = vankho_library_open (path, &error);
  g_assert_no_error (error);

  importer = vankho_importer_new (fixture->library);
  g_assert_true (vankho_importer_import_samples (importer, NULL, &error));
  g_assert_no_error (error);

  fixture->window = vankho_window_new (app, fixture->library);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 760);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "articles");
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *db = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;

  if (fixture->window == NULL)
    return;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->library);
  db = g_build_filename (fixture->dir, "library.db", NULL);
  wal = g_build_filename (fixture->dir, "library.db-wal", NULL);
  shm = g_build_filename (fixture->dir, "library.db-shm", NULL);
  g_unlink (db);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static gboolean
rows_shown (Fixture *fixture)
{
  g_autoptr(GPtrArray) rows = ui_test_find_mapped (GTK_WIDGET (fixture->window), VANKHO_TYPE_ARTICLE_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (vankho_article_row_get_article (g_ptr_array_index (rows, i)) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
reader_has_article (Fixture *fixture)
{
  g_autoptr(GPtrArray) readers = ui_test_find_mapped (GTK_WIDGET (fixture->window), VANKHO_TYPE_READER);

  return readers->len == 1 && vankho_reader_get_article (g_ptr_array_index (readers, 0)) != NULL;
}

/* The texts a user sees: labels, tooltips and placeholders of mapped widgets. */
static GPtrArray *
visible_texts (Fixture *fixture)
{
  g_autoptr(GPtrArray) widgets = ui_test_find_mapped (GTK_WIDGET (fixture->window), GTK_TYPE_WIDGET);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < widgets->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (widgets, i);
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
        g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
      if (tooltip != NULL)
        g_ptr_array_add (texts, g_strdup (tooltip));
      if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "placeholder-text") != NULL)
        {
          char *placeholder = NULL;

          g_object_get (widget, "placeholder-text", &placeholder, NULL);
          if (placeholder != NULL)
            g_ptr_array_add (texts, placeholder);
        }
    }
  return texts;
}

/* Fails with the list of English strings among @texts. */
static void
assert_vietnamese (GPtrArray  *texts,
                   const char *where)
{
  g_autoptr(GString) left = g_string_new (NULL);

  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      g_autofree char *plain = strip_mnemonic (text);
      const char *vi = g_hash_table_lookup (english, plain);

      if (vi != NULL)
        g_string_append_printf (left, "\n  “%s” (vi: “%s”)", plain, vi);
    }

  if (left->len > 0)
    g_error ("%s: English left under LANGUAGE=vi:%s", where, left->str);
}

static gboolean
texts_contain (GPtrArray  *texts,
               const char *wanted)
{
  for (guint i = 0; i < texts->len; i++)
    {
      g_autofree char *plain = strip_mnemonic (g_ptr_array_index (texts, i));

      if (g_strcmp0 (plain, wanted) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_articles_view (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GRegex) vi_date = g_regex_new ("(^|\\s)(\\d{2}/\\d{2}/\\d{4}|tháng \\d{1,2}/\\d{4})(\\s|$)", 0, 0, NULL);
  g_autoptr(GRegex) en_date = g_regex_new ("\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4}\\b",
                                           0, 0, NULL);
  gboolean dated = FALSE;

  if (!have_vi)
    {
      g_test_skip ("The vi_VN.UTF-8 locale is not installed (see `locale -a`)");
      return;
    }

  spin_until (rows_shown, fixture);
  lists = ui_test_find_mapped (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_VIEW);
  g_assert_cmpuint (lists->len, >=, 1);
  gtk_selection_model_select_item (gtk_list_view_get_model (g_ptr_array_index (lists, 0)), 0, TRUE);
  spin_until (reader_has_article, fixture);
  ui_test_settle ();
  ui_test_render_png (GTK_WIDGET (fixture->window), "i18n-articles-vi.png");

  texts = visible_texts (fixture);
  g_assert_cmpuint (texts->len, >, 10);
  assert_vietnamese (texts, "Articles view");

  /* The view switcher and the header bar. */
  g_assert_true (texts_contain (texts, "Bài viết"));
  g_assert_true (texts_contain (texts, "Nghị quyết"));
  g_assert_true (texts_contain (texts, "Trình đơn chính"));
  g_assert_true (texts_contain (texts, "Tìm kiếm (Ctrl+F)"));

  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);

      if (g_regex_match (en_date, text, 0, NULL))
        g_error ("A date is written the English way under LANGUAGE=vi: “%s”", text);
      dated |= g_regex_match (vi_date, text, 0, NULL);
    }
  g_assert_true (dated);
}

static void
test_resolutions_view (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) texts = NULL;

  if (!have_vi)
    {
      g_test_skip ("The vi_VN.UTF-8 locale is not installed (see `locale -a`)");
      return;
    }

  spin_until (rows_shown, fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "resolutions"));
  ui_test_settle ();
  ui_test_settle ();
  ui_test_render_png (GTK_WIDGET (fixture->window), "i18n-resolutions-vi.png");

  texts = visible_texts (fixture);
  assert_vietnamese (texts, "Resolutions view");
  g_assert_true (texts_contain (texts, "Tìm văn bản"));
}

/* Appends the labels of @model and of its sections and submenus. */
static void
collect_menu_labels (GMenuModel *model,
                     GPtrArray  *labels)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);
      char *label = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_ptr_array_add (labels, label);

      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) link = g_menu_link_iter_get_value (links);

          collect_menu_labels (link, labels);
        }
    }
}

static void
test_primary_menu (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GMenuModel *primary = NULL;

  if (!have_vi)
    {
      g_test_skip ("The vi_VN.UTF-8 locale is not installed (see `locale -a`)");
      return;
    }

  spin_until (rows_shown, fixture);
  buttons = ui_test_find_mapped (GTK_WIDGET (fixture->window), GTK_TYPE_MENU_BUTTON);
  for (guint i = 0; i < buttons->len && primary == NULL; i++)
    if (gtk_menu_button_get_primary (g_ptr_array_index (buttons, i)))
      primary = gtk_menu_button_get_menu_model (g_ptr_array_index (buttons, i));
  g_assert_nonnull (primary);

  collect_menu_labels (primary, labels);
  g_assert_cmpuint (labels->len, >=, 5);
  for (guint i = 0; i < labels->len; i++)
    g_test_message ("menu: %s", (char *) g_ptr_array_index (labels, i));
  assert_vietnamese (labels, "Primary menu");

  g_assert_true (texts_contain (labels, "Nhập tệp…"));
  g_assert_true (texts_contain (labels, "Giới thiệu Văn Khố"));
  g_assert_true (texts_contain (labels, "Phím tắt"));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("VANKHO_LOCALEDIR");
  g_autofree char *mo = NULL;

  g_setenv ("LANGUAGE", "vi", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* gtk_test_init() sets a locale of its own: ask for Vietnamese after it.
   * Without an installed vi_VN.UTF-8 gettext ignores LANGUAGE; skip then.
   */
  have_vi = setlocale (LC_ALL, "vi_VN.UTF-8") != NULL || setlocale (LC_ALL, "vi_VN.utf8") != NULL;
  if (localedir == NULL)
    g_error ("VANKHO_LOCALEDIR must name the build's po directory (meson test sets it)");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  mo = g_build_filename (localedir, "vi", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  english = load_english (mo);
  g_assert_cmpuint (g_hash_table_size (english), >, 100);

  app = vankho_application_new ();
  if (!g_application_register (G_APPLICATION (app), NULL, NULL))
    g_error ("Could not register the application");

  g_test_add ("/ui/i18n/articles-view", Fixture, NULL,
              fixture_setup, test_articles_view, fixture_teardown);
  g_test_add ("/ui/i18n/resolutions-view", Fixture, NULL,
              fixture_setup, test_resolutions_view, fixture_teardown);
  g_test_add ("/ui/i18n/primary-menu", Fixture, NULL,
              fixture_setup, test_primary_menu, fixture_teardown);

  return g_test_run ();
}
