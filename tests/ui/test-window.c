/* test-window.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Opens the real window on a temporary library under a display (Xvfb in
 * `make test`) and checks what a user would see: the rows, the reader, the
 * search, and the offer of sample articles on an empty library.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vankho-application.h"
#include "vankho-article-list-model.h"
#include "vankho-article-row.h"
#include "vankho-filter-popover.h"
#include "vankho-importer.h"
#include "vankho-map-view.h"
#include "vankho-reader.h"
#include "vankho-resolutions-view.h"
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

/* Text that looks like markup, as a feed leaves it when its HTML was
 * escaped twice, and an address as sync stores a look-alike host.
 */
static const char hostile_title[] = "Bài <b>lạ</b> <a href=\"javascript:alert(1)\">x</a>";
static const char hostile_body[] =
  "<script>alert('SCRIPT')</script> <a href=\"javascript:alert(1)\">bấm</a> "
  "<span foreground=\"red\" size=\"900000\">đỏ</span> <img src=x onerror=alert(1)>\n\n"
  "Đoạn hai &amp; <i>ba</i> & bốn";
static const char hostile_url[] = "https://xn--80ak6aa92e.com/tin/1";

static void
add_hostile_article (VankhoLibrary *library)
{
  g_autoptr(VankhoArticle) article = vankho_article_new ();
  g_autoptr(GError) error = NULL;
  gboolean duplicate;

  vankho_article_set_title (article, hostile_title);
  vankho_article_set_body (article, hostile_body);
  vankho_article_set_url (article, hostile_url);
  g_assert_true (vankho_library_add_article (library, article, 0, &duplicate, &error));
  g_assert_no_error (error);
}

#define MANY_ARTICLES 150

static void
add_many_articles (VankhoLibrary *library)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (vankho_library_begin (library, &error));
  for (guint i = 0; i < MANY_ARTICLES; i++)
    {
      g_autoptr(VankhoArticle) article = vankho_article_new ();
      g_autofree char *title = g_strdup_printf ("Bài số %u", i);

      vankho_article_set_title (article, title);
      vankho_article_set_body (article, title);
      g_assert_true (vankho_library_add_article (library, article, 0, NULL, &error));
    }
  g_assert_true (vankho_library_commit (library, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int contents = GPOINTER_TO_INT (data);  /* 0 none, 1 the samples, 2 a hostile article, 3 many */

  fixture->dir = g_dir_make_tmp ("vankho-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->library = vankho_library_open (path, &error);
  g_assert_no_error (error);

  if (contents == 1)
    {
      g_autoptr(VankhoImporter) importer = vankho_importer_new (fixture->library);
      g_assert_true (vankho_importer_import_samples (importer, NULL, &error));
      g_assert_no_error (error);
    }
  else if (contents == 2)
    add_hostile_article (fixture->library);
  else if (contents == 3)
    add_many_articles (fixture->library);

  /* Every test starts on the Articles view, whatever the one before showed:
   * the settings live in memory for the whole process. */
  settings = g_settings_new (APPLICATION_ID);
  g_settings_reset (settings, "last-view");

  fixture->window = vankho_window_new (app, fixture->library);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->library);
  g_unlink (g_build_filename (fixture->dir, "library.db", NULL));
  g_unlink (g_build_filename (fixture->dir, "library.db-wal", NULL));
  g_unlink (g_build_filename (fixture->dir, "library.db-shm", NULL));
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
model_loaded (Fixture *fixture)
{
  VankhoArticleListModel *model = VANKHO_ARTICLE_LIST_MODEL (vankho_window_get_articles (fixture->window));

  return !vankho_article_list_model_get_loading (model);
}

static void
test_lists_articles (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  GListModel *articles = vankho_window_get_articles (fixture->window);

  spin_until (rows_shown, fixture);

  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 10);
  rows = ui_test_find_mapped (GTK_WIDGET (fixture->window), VANKHO_TYPE_ARTICLE_ROW);
  g_assert_cmpuint (rows->len, >=, 3);

  /* Newest first: the first row is the newest sample. */
  {
    g_autoptr(VankhoArticle) first = g_list_model_get_item (articles, 0);
    g_autoptr(VankhoArticle) last = g_list_model_get_item (articles, 9);

    g_assert_cmpint (vankho_date_compare (vankho_article_get_published (first),
                                          vankho_article_get_published (last)), >, 0);
    g_assert_true (ui_test_label_shows (GTK_WIDGET (fixture->window), vankho_article_get_title (first)));
  }

  g_assert_true (ui_test_label_shows (GTK_WIDGET (fixture->window), "10"));
}

static gboolean
list_shows_all (Fixture *fixture)
{
  g_autoptr(GPtrArray) lists = ui_test_find_mapped (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_VIEW);

  return model_loaded (fixture) && lists->len == 1 &&
         g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (g_ptr_array_index (lists, 0)))) == MANY_ARTICLES;
}

/* The list view is shown the first rows alone until its first frame, and
 * every article after it. */
static void
test_many_articles (Fixture       *fixture,
                    gconstpointer  data)
{
  spin_until (rows_shown, fixture);
  spin_until (list_shows_all, fixture);

  g_assert_cmpuint (g_list_model_get_n_items (vankho_window_get_articles (fixture->window)), ==, MANY_ARTICLES);
}

static gboolean
reader_has_article (Fixture *fixture)
{
  g_autoptr(GPtrArray) readers = ui_test_find_mapped (GTK_WIDGET (fixture->window), VANKHO_TYPE_READER);

  return readers->len == 1 && vankho_reader_get_article (g_ptr_array_index (readers, 0)) != NULL;
}

static void
test_reader (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) readers = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(VankhoArticle) first = NULL;
  g_autofree char *text = NULL;
  GtkSelectionModel *selection;

  spin_until (rows_shown, fixture);

  lists = ui_test_find_mapped (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_VIEW);
  g_assert_cmpuint (lists->len, ==, 1);
  selection = gtk_list_view_get_model (g_ptr_array_index (lists, 0));
  gtk_selection_model_select_item (selection, 0, TRUE);

  spin_until (reader_has_article, fixture);

  readers = ui_test_find_mapped (GTK_WIDGET (fixture->window), VANKHO_TYPE_READER);
  first = g_list_model_get_item (vankho_window_get_articles (fixture->window), 0);
  text = vankho_reader_dup_text (g_ptr_array_index (readers, 0));
  g_assert_cmpuint (strlen (text), >, 500);
  g_assert_nonnull (strstr (text, "\n\n"));
  /* Dates, provinces and cited documents are marked and linked. */
  g_assert_cmpuint (vankho_reader_count_links (g_ptr_array_index (readers, 0), "date"), >, 0);
  g_assert_cmpuint (vankho_reader_count_links (g_ptr_array_index (readers, 0), "document"), >, 0);
  g_assert_true (ui_test_label_shows (g_ptr_array_index (readers, 0), vankho_article_get_title (first)));
}

/* The reader shows text as written: no markup of the article's is read,
 * no link made of it (RELIABILITY.md, 6).
 */
static void
test_reader_hostile_text (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GPtrArray) readers = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  g_autofree char *text = NULL;
  GtkSelectionModel *selection;
  gboolean original_shown = FALSE;

  spin_until (rows_shown, fixture);
  lists = ui_test_find_mapped (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_VIEW);
  selection = gtk_list_view_get_model (g_ptr_array_index (lists, 0));
  gtk_selection_model_select_item (selection, 0, TRUE);
  spin_until (reader_has_article, fixture);
  ui_test_settle ();

  readers = ui_test_find_mapped (GTK_WIDGET (fixture->window), VANKHO_TYPE_READER);
  text = vankho_reader_dup_text (g_ptr_array_index (readers, 0));
  g_assert_cmpstr (text, ==, hostile_body);

  labels = ui_test_find_mapped (g_ptr_array_index (readers, 0), GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      /* A label that reads markup has the article's escaped. */
      if (gtk_label_get_use_markup (label))
        {
          g_assert_null (strstr (gtk_label_get_label (label), "<a href=\"javascript"));
          g_assert_null (strstr (gtk_label_get_label (label), "<span"));
          g_assert_null (strstr (gtk_label_get_label (label), "<script"));
        }
      g_assert_null (gtk_label_get_current_uri (label));
    }
  g_assert_true (ui_test_label_shows (g_ptr_array_index (readers, 0), hostile_title));

  /* The original's address, shown in its tooltip as DNS sees it. */
  buttons = ui_test_find_mapped (g_ptr_array_index (readers, 0), GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), hostile_url) == 0)
      original_shown = TRUE;
  g_assert_true (original_shown);
}

static gboolean
search_entry_shown (Fixture *fixture)
{
  g_autoptr(GPtrArray) entries = ui_test_find_mapped (GTK_WIDGET (fixture->window), GTK_TYPE_SEARCH_ENTRY);

  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  /* Shown, and the typing goes into it. */
  return entries->len == 1 && focus != NULL &&
         gtk_widget_is_ancestor (focus, g_ptr_array_index (entries, 0));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  VankhoArticleFilter *filter = vankho_window_get_filter (fixture->window);
  GListModel *articles = vankho_window_get_articles (fixture->window);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(VankhoArticle) first = NULL;

  spin_until (rows_shown, fixture);

  /* Ctrl+F opens the search; typing goes to the filter. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  spin_until (search_entry_shown, fixture);
  entries = ui_test_find_mapped (GTK_WIDGET (fixture->window), GTK_TYPE_SEARCH_ENTRY);
  g_assert_cmpuint (entries->len, ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "THANH HOA");
  while (vankho_article_filter_get_query (filter) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (vankho_article_filter_get_query (filter), ==, "THANH HOA");

  spin_until (model_loaded, fixture);
  g_assert_cmpuint (g_list_model_get_n_items (articles), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (articles), <, 10);
  first = g_list_model_get_item (articles, 0);
  g_assert_nonnull (vankho_article_get_snippet (first));

  vankho_article_filter_set_query (filter, "khongcotu");
  spin_until (model_loaded, fixture);
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 0);
  g_assert_true (ui_test_label_shows (GTK_WIDGET (fixture->window), _("No Results Found")));
}

static gboolean
has_ten_articles (Fixture *fixture)
{
  return g_list_model_get_n_items (vankho_window_get_articles (fixture->window)) == 10;
}

static void
test_empty_offers_samples (Fixture       *fixture,
                           gconstpointer  data)
{
  spin_until (model_loaded, fixture);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpuint (g_list_model_get_n_items (vankho_window_get_articles (fixture->window)), ==, 0);
  g_assert_true (ui_test_label_shows (GTK_WIDGET (fixture->window), _("The Library Is Empty")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.load-samples", NULL));
  spin_until (has_ten_articles, fixture);
  spin_until (rows_shown, fixture);
}

static gboolean
window_sized (Fixture *fixture)
{
  int want = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (fixture->window), "want-width"));

  /* The window's own width is the default size less its frame. */
  return ABS (gtk_widget_get_width (GTK_WIDGET (fixture->window)) - want) <= 32 && rows_shown (fixture);
}

/* A window is sized when it is first shown; a new one is the sure way. */
static void
reopen_window (Fixture *fixture,
               int      width,
               int      height)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = vankho_window_new (app, fixture->library);
  g_object_set_data (G_OBJECT (fixture->window), "want-width", GINT_TO_POINTER (width));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "articles");
  gtk_window_present (GTK_WINDOW (fixture->window));
  spin_until (window_sized, fixture);
}

static void
select_first (Fixture *fixture)
{
  g_autoptr(GPtrArray) lists = ui_test_find_mapped (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_VIEW);

  gtk_selection_model_select_item (gtk_list_view_get_model (g_ptr_array_index (lists, 0)), 0, TRUE);
  spin_until (reader_has_article, fixture);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *lang = g_getenv ("VANKHO_SCREENSHOT_LANG") ? g_getenv ("VANKHO_SCREENSHOT_LANG") : "en";
  g_autofree char *wide = g_strdup_printf ("articles-wide-%s.png", lang);
  g_autofree char *narrow = g_strdup_printf ("articles-narrow-%s.png", lang);
  g_autofree char *narrow_list = g_strdup_printf ("articles-narrow-list-%s.png", lang);
  g_autofree char *search = g_strdup_printf ("articles-search-%s.png", lang);
  g_autofree char *filters_narrow = g_strdup_printf ("filters-narrow-%s.png", lang);
  g_autofree char *resolutions = g_strdup_printf ("resolutions-%s.png", lang);
  g_autofree char *map = g_strdup_printf ("map-%s.png", lang);
  g_autoptr(GPtrArray) leaflets = NULL;
  VankhoArticleFilter *filter;

  reopen_window (fixture, 1200, 760);
  select_first (fixture);
  ui_test_settle ();
  ui_test_render_png (GTK_WIDGET (fixture->window), wide);

  reopen_window (fixture, 400, 760);
  ui_test_settle ();
  ui_test_render_png (GTK_WIDGET (fixture->window), narrow_list);
  leaflets = ui_test_find_mapped (GTK_WIDGET (fixture->window), ADW_TYPE_LEAFLET);
  g_assert_cmpuint (leaflets->len, >=, 1);
  g_assert_true (adw_leaflet_get_folded (g_ptr_array_index (leaflets, 0)));
  select_first (fixture);
  ui_test_settle ();
  ui_test_render_png (GTK_WIDGET (fixture->window), narrow);

  reopen_window (fixture, 1200, 760);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "resolutions"));
  ui_test_settle ();
  ui_test_settle ();
  ui_test_render_png (GTK_WIDGET (fixture->window), resolutions);

  reopen_window (fixture, 1200, 760);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "map"));
  for (guint i = 0; i < 6; i++)
    ui_test_settle ();
  ui_test_render_png (GTK_WIDGET (fixture->window), map);

  reopen_window (fixture, 1200, 760);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "articles"));
  filter = vankho_window_get_filter (fixture->window);
  vankho_article_filter_set_query (filter, "nghị quyết 12");
  vankho_article_filter_set_unread_only (filter, TRUE);
  spin_until (model_loaded, fixture);
  ui_test_settle ();
  /* Every part of the filter shows as a chip. */
  g_assert_true (ui_test_label_shows (GTK_WIDGET (fixture->window), _("Unread")));
  ui_test_render_png (GTK_WIDGET (fixture->window), search);

  /* Narrow, the chips of a larger filter wrap onto rows of their own. */
  reopen_window (fixture, 400, 760);
  filter = vankho_window_get_filter (fixture->window);
  vankho_article_filter_set_query (filter, "nghị quyết 12");
  vankho_article_filter_set_unread_only (filter, TRUE);
  vankho_article_filter_set_province (filter, "Gia Lai");
  vankho_article_filter_set_starred_only (filter, TRUE);
  spin_until (model_loaded, fixture);
  ui_test_settle ();
  ui_test_render_png (GTK_WIDGET (fixture->window), filters_narrow);
}

static guint
count_descendants (GtkWidget *widget,
                   GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_descendants (child, type);

  return n;
}

/* The Resolutions and Map views are built when first needed, not before
 * the window's first frame: when the switcher shows them, when a link
 * from the reader leads to them (the view then shows what the link asked
 * for), or at once when the window opens on the view last shown.
 */
static void
test_views_built_when_needed (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *articles_view = GTK_WIDGET (vankho_window_get_articles_view (fixture->window));
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GError) error = NULL;
  VankhoDocumentSummary *document;

  ui_test_settle ();
  g_assert_cmpuint (count_descendants (window, VANKHO_TYPE_RESOLUTIONS_VIEW), ==, 0);
  g_assert_cmpuint (count_descendants (window, VANKHO_TYPE_MAP_VIEW), ==, 0);

  /* The switcher. */
  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "map"));
  ui_test_settle ();
  shown = ui_test_find_mapped (window, VANKHO_TYPE_MAP_VIEW);
  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_cmpuint (count_descendants (window, VANKHO_TYPE_RESOLUTIONS_VIEW), ==, 0);
  g_clear_pointer (&shown, g_ptr_array_unref);

  /* A link to a document. */
  documents = vankho_library_find_documents (fixture->library, NULL, VANKHO_DOCUMENT_GROUP_NONE,
                                             VANKHO_DOCUMENT_SORT_COUNT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, >, 0);
  document = g_ptr_array_index (documents, 0);
  g_signal_emit_by_name (articles_view, "show-document", document->id);
  ui_test_settle ();
  shown = ui_test_find_mapped (window, VANKHO_TYPE_RESOLUTIONS_VIEW);
  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_cmpint (vankho_resolutions_view_get_selected_document (g_ptr_array_index (shown, 0)), ==, document->id);
  g_clear_pointer (&shown, g_ptr_array_unref);

  /* A link to a province, on the map built before. */
  g_signal_emit_by_name (articles_view, "show-province", "Gia Lai");
  ui_test_settle ();
  shown = ui_test_find_mapped (window, VANKHO_TYPE_MAP_VIEW);
  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_cmpstr (vankho_article_filter_get_province (vankho_window_get_filter (fixture->window)), ==, "Gia Lai");
  g_assert_cmpuint (count_descendants (window, VANKHO_TYPE_MAP_VIEW), ==, 1);
  g_assert_cmpuint (count_descendants (window, VANKHO_TYPE_RESOLUTIONS_VIEW), ==, 1);
  g_clear_pointer (&shown, g_ptr_array_unref);

  /* A window opened on the map, the view last shown, builds it at once. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = vankho_window_new (app, fixture->library);
  window = GTK_WIDGET (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  ui_test_settle ();
  shown = ui_test_find_mapped (window, VANKHO_TYPE_MAP_VIEW);
  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_cmpuint (count_descendants (window, VANKHO_TYPE_RESOLUTIONS_VIEW), ==, 0);
}

/* The selected item of a dropdown whose model holds @text, or NULL. */
static const char *
document_choice (GtkWidget *popover)
{
  g_autoptr(GPtrArray) dropdowns = ui_test_find_mapped (popover, GTK_TYPE_DROP_DOWN);

  for (guint i = 0; i < dropdowns->len; i++)
    {
      GtkDropDown *dropdown = g_ptr_array_index (dropdowns, i);
      GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

      if (item != NULL && strstr (gtk_string_object_get_string (item), "/TW") != NULL)
        return gtk_string_object_get_string (item);
    }
  return NULL;
}

/* The document list is read on a worker thread when the popover opens,
 * and comes back with the filter's document selected. */
static void
test_filter_popover (Fixture       *fixture,
                     gconstpointer  data)
{
  VankhoArticleFilter *filter = vankho_window_get_filter (fixture->window);
  g_autoptr(GPtrArray) buttons = ui_test_find_mapped (GTK_WIDGET (fixture->window), GTK_TYPE_MENU_BUTTON);
  GtkWidget *popover = NULL;
  gint64 document_id = vankho_library_lookup_document (fixture->library, "nq:12-nq/tw");

  g_assert_cmpint (document_id, >, 0);
  vankho_article_filter_set_document (filter, document_id);

  for (guint i = 0; i < buttons->len && popover == NULL; i++)
    {
      GtkMenuButton *button = g_ptr_array_index (buttons, i);

      /* The popover is made when the button first opens it. */
      if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (button)), "filter_button") == 0)
        {
          g_assert_null (gtk_menu_button_get_popover (button));
          gtk_menu_button_popup (button);
          popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
          g_assert_true (VANKHO_IS_FILTER_POPOVER (popover));
        }
    }
  g_assert_nonnull (popover);

  spin_until (document_choice, popover);
  g_assert_cmpstr (document_choice (popover), ==, "Nghị quyết 12-NQ/TW");
  gtk_popover_popdown (GTK_POPOVER (popover));
}

int
main (int    argc,
      char **argv)
{
  /* The labels checked are the English ones; screenshots may be taken in
   * another language.
   */
  g_setenv ("LANGUAGE", g_getenv ("VANKHO_SCREENSHOT_LANG") ? g_getenv ("VANKHO_SCREENSHOT_LANG") : "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("VANKHO_LOCALEDIR") ? g_getenv ("VANKHO_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = vankho_application_new ();
  if (!g_application_register (G_APPLICATION (app), NULL, NULL))
    g_error ("Could not register the application");

  g_test_add ("/ui/window/lists-articles", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_lists_articles, fixture_teardown);
  g_test_add ("/ui/window/many-articles", Fixture, GINT_TO_POINTER (3),
              fixture_setup, test_many_articles, fixture_teardown);
  g_test_add ("/ui/window/filter-popover", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_filter_popover, fixture_teardown);
  g_test_add ("/ui/window/reader", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_reader, fixture_teardown);
  g_test_add ("/ui/window/reader-hostile-text", Fixture, GINT_TO_POINTER (2),
              fixture_setup, test_reader_hostile_text, fixture_teardown);
  g_test_add ("/ui/window/search", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_search, fixture_teardown);
  g_test_add ("/ui/window/views-built-when-needed", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_views_built_when_needed, fixture_teardown);
  g_test_add ("/ui/window/screenshots", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_screenshots, fixture_teardown);
  g_test_add ("/ui/window/empty-offers-samples", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_empty_offers_samples, fixture_teardown);

  return g_test_run ();
}
