/* test-resolutions-view.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shows the Resolutions view on a library of our sample articles under a
 * display (Xvfb in `make test`) and checks what a user would see: the
 * documents with their counts, a document's page (designation, timeline,
 * implementation table, citing articles), opening an article, merging and
 * undoing, the shared filter, and the folded layout. It renders the view to
 * PNGs in the build folder to be looked at.
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "vankho-document-chooser.h"
#include "vankho-document-page.h"
#include "vankho-document-row.h"
#include "vankho-importer.h"
#include "vankho-library-documents.h"
#include "vankho-resolutions-view.h"
#include "vankho-timeline.h"

#include "ui-test-utils.h"

typedef struct
{
  char                  *dir;
  VankhoLibrary         *library;
  VankhoArticleFilter   *filter;
  GtkWindow             *window;
  VankhoResolutionsView *view;
  gint64                 shown_article;
  gint64                 map_document;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(VankhoImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("vankho-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->library = vankho_library_open (path, &error);
  g_assert_no_error (error);

  importer = vankho_importer_new (fixture->library);
  g_assert_true (vankho_importer_import_samples (importer, NULL, &error));
  g_assert_no_error (error);

  fixture->filter = vankho_article_filter_new ();
  fixture->view = VANKHO_RESOLUTIONS_VIEW (vankho_resolutions_view_new (fixture->library, fixture->filter));
  fixture->window = GTK_WINDOW (adw_window_new ());
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  gtk_window_set_default_size (fixture->window, GPOINTER_TO_INT (data) ? GPOINTER_TO_INT (data) : 1200, 760);
  gtk_window_present (fixture->window);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->filter);
  g_clear_object (&fixture->library);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = ui_test_find_mapped (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

static gboolean
list_loaded (Fixture *fixture)
{
  g_autoptr(GPtrArray) rows = ui_test_find_mapped (GTK_WIDGET (fixture->view), VANKHO_TYPE_DOCUMENT_ROW);

  return !vankho_resolutions_view_get_loading (fixture->view) && rows->len > 0;
}

static gboolean
page_loaded (Fixture *fixture)
{
  VankhoDocumentPage *page = vankho_resolutions_view_get_page (fixture->view);
  const VankhoDocumentDetails *details = vankho_document_page_get_details (page);

  return !vankho_document_page_get_loading (page) && details != NULL &&
         details->id == vankho_resolutions_view_get_selected_document (fixture->view);
}

static VankhoDocumentRow *
row_named (Fixture    *fixture,
           const char *name)
{
  g_autoptr(GPtrArray) rows = ui_test_find_mapped (GTK_WIDGET (fixture->view), VANKHO_TYPE_DOCUMENT_ROW);

  /* The list's rows, not those of the page's related documents. */
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (vankho_document_row_get_name (g_ptr_array_index (rows, i)), name) == 0 &&
        gtk_widget_get_ancestor (g_ptr_array_index (rows, i), VANKHO_TYPE_DOCUMENT_PAGE) == NULL)
      return g_ptr_array_index (rows, i);
  return NULL;
}

static void
save_png (Fixture    *fixture,
          const char *name)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ?: ".", name, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (fixture->window));
  int width, height;

  ui_test_settle ();
  width = gtk_widget_get_width (GTK_WIDGET (fixture->view));
  height = gtk_widget_get_height (GTK_WIDGET (fixture->view));
  /* The window's background first: the view draws none of its own. */
  {
    GdkRGBA background = { 1, 1, 1, 1 };

    gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (fixture->window)),
                                    "window_bg_color", &background);
    gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  }
  gtk_widget_snapshot_child (gtk_widget_get_parent (GTK_WIDGET (fixture->view)), GTK_WIDGET (fixture->view),
                             snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}

static void
show_article_cb (Fixture *fixture,
                 gint64   article_id)
{
  fixture->shown_article = article_id;
}

static void
show_on_map_cb (Fixture *fixture,
                gint64   document_id)
{
  fixture->map_document = document_id;
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  VankhoDocumentRow *first;

  spin_until (list_loaded, fixture);

  /* Most cited first: 12-NQ/TW, in 7 articles. */
  rows = ui_test_find_mapped (GTK_WIDGET (fixture->view), VANKHO_TYPE_DOCUMENT_ROW);
  g_assert_cmpuint (rows->len, >=, 8);
  first = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (vankho_document_row_get_name (first), ==, "Nghị quyết 12-NQ/TW");
  g_assert_cmpint (vankho_document_row_get_n_articles (first), ==, 7);
  g_assert_true (ui_test_label_shows (GTK_WIDGET (first), "7"));
  g_assert_true (ui_test_label_shows (GTK_WIDGET (first), "Bộ Chính trị"));
  g_assert_true (ui_test_label_shows (GTK_WIDGET (fixture->view), "documents"));

  /* Folded search. */
  vankho_resolutions_view_set_search (fixture->view, "dang uy cong an trung uong");
  spin_until (list_loaded, fixture);
  g_assert_nonnull (row_named (fixture, "Nghị quyết 12-NQ/ĐUCA"));
  g_assert_null (row_named (fixture, "Nghị quyết 12-NQ/TW"));

  /* Grouped by kind: a heading per kind. */
  vankho_resolutions_view_set_search (fixture->view, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "resolutions.group", "i", 1));
  spin_until (list_loaded, fixture);
  g_assert_true (ui_test_label_shows (GTK_WIDGET (fixture->view), "Chỉ thị"));
  g_assert_true (ui_test_label_shows (GTK_WIDGET (fixture->view), "Kế hoạch"));

  save_png (fixture, "resolutions-list-grouped.png");
}

static gboolean
shows_more_label (Fixture *fixture)
{
  return ui_test_label_shows (GTK_WIDGET (fixture->view), "search to find the others");
}

/* An archive citing more documents than the list builds rows for: the
 * first 300 of the sort, and a line saying how many there are and how to
 * find the others; a search narrows below the cap and the line goes. A
 * view not shown yet does not list at all (the window's first frame does
 * not wait for it).
 */
static void
test_many (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "many", NULL);
  g_autoptr(VankhoImporter) importer = vankho_importer_new (fixture->library);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  VankhoResolutionsView *hidden;
  const char *paths[] = { folder, NULL };
  gint64 n_documents;

  g_mkdir (folder, 0700);
  for (guint i = 1; i <= 320; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/%03u.txt", folder, i);
      g_autofree char *text = g_strdup_printf ("Công an tỉnh Gia Lai triển khai Nghị quyết %u\n\n"
                                               "Sáng 2/3/2023, Công an tỉnh Gia Lai triển khai Nghị quyết số "
                                               "%u/NQ-CP ngày 1/2/2023 của Chính phủ.\n", i, i + 400);

      g_assert_true (g_file_set_contents (name, text, -1, NULL));
    }
  g_assert_true (vankho_importer_import_paths (importer, paths, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    VankhoLibraryStats stats = { 0 };

    g_assert_true (vankho_library_get_stats (fixture->library, &stats, &error));
    g_assert_no_error (error);
    n_documents = stats.documents;
    vankho_library_stats_clear (&stats);
  }
  g_assert_cmpint (n_documents, >, 320);
  for (guint i = 1; i <= 320; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/%03u.txt", folder, i);

      g_unlink (name);
    }
  g_rmdir (folder);

  hidden = VANKHO_RESOLUTIONS_VIEW (g_object_ref_sink (vankho_resolutions_view_new (fixture->library, fixture->filter)));
  ui_test_settle ();
  g_assert_false (vankho_resolutions_view_get_loading (hidden));
  rows = ui_test_find_mapped (GTK_WIDGET (hidden), VANKHO_TYPE_DOCUMENT_ROW);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_object_unref (hidden);

  vankho_library_articles_changed (fixture->library);
  spin_until (shows_more_label, fixture);
  spin_until (list_loaded, fixture);
  rows = ui_test_find_mapped (GTK_WIDGET (fixture->view), VANKHO_TYPE_DOCUMENT_ROW);
  g_assert_cmpuint (rows->len, ==, 300);
  {
    g_autofree char *total = g_strdup_printf ("of %" G_GINT64_FORMAT " documents", n_documents);

    g_assert_true (ui_test_label_shows (GTK_WIDGET (fixture->view), total));
  }
  g_clear_pointer (&rows, g_ptr_array_unref);

  vankho_resolutions_view_set_search (fixture->view, "715/NQ-CP");
  spin_until (list_loaded, fixture);
  g_assert_nonnull (row_named (fixture, "Nghị quyết 715/NQ-CP"));
  g_assert_false (shows_more_label (fixture));
}

static void
test_page (Fixture       *fixture,
           gconstpointer  data)
{
  VankhoDocumentPage *page = vankho_resolutions_view_get_page (fixture->view);
  g_autoptr(GPtrArray) timelines = NULL;
  g_autoptr(GPtrArray) grids = NULL;
  GtkWidget *cell;
  gint64 id;

  spin_until (list_loaded, fixture);
  id = vankho_document_row_get_id (row_named (fixture, "Nghị quyết 12-NQ/TW"));
  g_signal_connect_swapped (fixture->view, "show-article", G_CALLBACK (show_article_cb), fixture);
  g_signal_connect_swapped (fixture->view, "show-on-map", G_CALLBACK (show_on_map_cb), fixture);

  /* Choosing it in the list shows its page and filters the other views. */
  gtk_widget_activate (GTK_WIDGET (row_named (fixture, "Nghị quyết 12-NQ/TW")));
  spin_until (page_loaded, fixture);
  g_assert_cmpint (vankho_resolutions_view_get_selected_document (fixture->view), ==, id);
  g_assert_cmpint (vankho_article_filter_get_document (fixture->filter), ==, id);

  g_assert_true (ui_test_label_shows (GTK_WIDGET (page), "Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị về"));
  g_assert_true (ui_test_label_shows (GTK_WIDGET (page), "7 Citing Articles"));
  g_assert_true (ui_test_label_shows (GTK_WIDGET (page), "Cited in 7 articles"));

  timelines = ui_test_find_mapped (GTK_WIDGET (page), VANKHO_TYPE_TIMELINE);
  g_assert_cmpuint (timelines->len, ==, 1);
  /* June 2022 to January 2025. */
  g_assert_cmpuint (vankho_timeline_get_n_months (g_ptr_array_index (timelines, 0)), ==, 32);

  /* The table: Hải Phòng's 1-year review on 11 April 2023. */
  grids = ui_test_find_mapped (GTK_WIDGET (page), GTK_TYPE_GRID);
  g_assert_cmpuint (grids->len, ==, 1);
  g_assert_true (ui_test_label_shows (g_ptr_array_index (grids, 0), "Hải Phòng"));
  g_assert_true (ui_test_label_shows (g_ptr_array_index (grids, 0), "Interim review, 1 year"));
  g_assert_true (ui_test_label_shows (g_ptr_array_index (grids, 0), "Interim review, 2 years"));
  cell = find_button (g_ptr_array_index (grids, 0), "11 Apr 2023");
  g_assert_nonnull (cell);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (cell), "Hải Phòng"));

  /* A cell opens its article; so does a citing article. */
  g_signal_emit_by_name (cell, "clicked");
  g_assert_cmpint (fixture->shown_article, >, 0);
  {
    g_autoptr(VankhoArticle) article = vankho_library_get_article (fixture->library, fixture->shown_article, NULL);
    g_assert_nonnull (strstr (vankho_article_get_title (article), "Hải Phòng"));
  }

  fixture->shown_article = 0;
  {
    g_autoptr(GPtrArray) lists = ui_test_find_mapped (GTK_WIDGET (page), GTK_TYPE_LIST_BOX);
    GtkWidget *citing = g_ptr_array_index (lists, 0);
    GtkWidget *first = gtk_widget_get_first_child (citing);
    g_autoptr(VankhoArticle) article = NULL;
    guint n = 0;

    for (GtkWidget *row = first; row != NULL; row = gtk_widget_get_next_sibling (row))
      n++;
    g_assert_cmpuint (n, ==, 7);
    g_assert_true (ui_test_label_shows (first, "An Giang"));

    gtk_widget_activate (first);
    g_assert_cmpint (fixture->shown_article, >, 0);
    article = vankho_library_get_article (fixture->library, fixture->shown_article, NULL);
    g_assert_nonnull (strstr (vankho_article_get_title (article), "An Giang"));
  }

  /* 'Show on Map' hands the document to the window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "resolutions.show-on-map", NULL));
  g_assert_cmpint (fixture->map_document, ==, id);

  save_png (fixture, "resolutions-wide.png");

  /* A month of the timeline narrows the citing articles to it. */
  g_signal_emit_by_name (g_ptr_array_index (timelines, 0), "month-activated", "2023-04");
  g_assert_cmpstr (vankho_document_page_get_month (page), ==, "2023-04");
  spin_until (page_loaded, fixture);
  {
    g_autoptr(GPtrArray) lists = ui_test_find_mapped (GTK_WIDGET (page), GTK_TYPE_LIST_BOX);
    GtkWidget *citing = g_ptr_array_index (lists, 0);

    g_assert_nonnull (gtk_widget_get_first_child (citing));
    g_assert_null (gtk_widget_get_next_sibling (gtk_widget_get_first_child (citing)));
    g_assert_true (ui_test_label_shows (citing, "Hải Phòng"));
  }
  g_assert_true (ui_test_label_shows (GTK_WIDGET (page), "Apr 2023"));

  /* Clearing the filter elsewhere clears the choice here. */
  vankho_article_filter_set_document (fixture->filter, 0);
  g_assert_cmpint (vankho_resolutions_view_get_selected_document (fixture->view), ==, 0);
  vankho_article_filter_set_document (fixture->filter, id);
  g_assert_cmpint (vankho_resolutions_view_get_selected_document (fixture->view), ==, id);
}

static VankhoDocumentChooser *
find_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (VANKHO_IS_DOCUMENT_CHOOSER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return VANKHO_DOCUMENT_CHOOSER (window);
    }
  return NULL;
}

static gboolean
chooser_loaded (Fixture *fixture)
{
  VankhoDocumentChooser *chooser = find_chooser ();

  return chooser != NULL && vankho_document_chooser_get_n_documents (chooser) > 0;
}

static gboolean
duca_gone (Fixture *fixture)
{
  return list_loaded (fixture) && row_named (fixture, "Nghị quyết 12-NQ/ĐUCA") == NULL;
}

static gboolean
duca_back (Fixture *fixture)
{
  return list_loaded (fixture) && row_named (fixture, "Nghị quyết 12-NQ/ĐUCA") != NULL;
}

static void
test_merge_undo (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 tw, duca;

  spin_until (list_loaded, fixture);
  tw = vankho_document_row_get_id (row_named (fixture, "Nghị quyết 12-NQ/TW"));
  duca = vankho_document_row_get_id (row_named (fixture, "Nghị quyết 12-NQ/ĐUCA"));

  vankho_resolutions_view_select_document (fixture->view, duca);
  spin_until (page_loaded, fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "resolutions.merge", NULL));
  spin_until (chooser_loaded, fixture);
  g_assert_true (vankho_document_chooser_choose (find_chooser (), tw));

  /* Merged: the entry is gone from the list, 12-NQ/TW is shown with the
   * union of both (Thanh Hóa, Thái Nguyên, Bình Dương, Quảng Nam, Khánh
   * Hòa, An Giang cite ĐUCA). */
  spin_until (duca_gone, fixture);
  spin_until (page_loaded, fixture);
  g_assert_cmpint (vankho_resolutions_view_get_selected_document (fixture->view), ==, tw);
  g_assert_cmpint (vankho_document_row_get_n_articles (row_named (fixture, "Nghị quyết 12-NQ/TW")), ==, 10);
  g_assert_true (ui_test_label_shows (GTK_WIDGET (fixture->view), "Merged Nghị quyết 12-NQ/ĐUCA into Nghị quyết 12-NQ/TW"));
  save_png (fixture, "resolutions-merged.png");

  /* Undo, as the toast's button does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "resolutions.undo-merge", NULL));
  spin_until (duca_back, fixture);
  g_assert_cmpint (vankho_resolutions_view_get_selected_document (fixture->view), ==, duca);
  g_assert_cmpint (vankho_document_row_get_n_articles (row_named (fixture, "Nghị quyết 12-NQ/TW")), ==, 7);
}

static gboolean
leaflet_folded (Fixture *fixture)
{
  g_autoptr(GPtrArray) leaflets = ui_test_find_mapped (GTK_WIDGET (fixture->view), ADW_TYPE_LEAFLET);

  return leaflets->len == 1 && adw_leaflet_get_folded (g_ptr_array_index (leaflets, 0)) &&
         list_loaded (fixture);
}

static void
test_folded (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) leaflets = NULL;
  AdwLeaflet *leaflet;
  GtkWidget *back = NULL;

  spin_until (leaflet_folded, fixture);
  leaflets = ui_test_find_mapped (GTK_WIDGET (fixture->view), ADW_TYPE_LEAFLET);
  leaflet = g_ptr_array_index (leaflets, 0);

  /* The list first; the page is not shown. */
  save_png (fixture, "resolutions-narrow-list.png");
  g_assert_false (gtk_widget_is_ancestor (GTK_WIDGET (vankho_resolutions_view_get_page (fixture->view)),
                                          adw_leaflet_get_visible_child (leaflet)));

  gtk_widget_activate (GTK_WIDGET (row_named (fixture, "Luật 30/2023/QH15")));
  spin_until (page_loaded, fixture);
  ui_test_settle ();
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (vankho_resolutions_view_get_page (fixture->view)),
                                         adw_leaflet_get_visible_child (leaflet)));
  g_assert_true (ui_test_label_shows (GTK_WIDGET (fixture->view), "Luật Lực lượng tham gia bảo vệ an ninh"));
  save_png (fixture, "resolutions-narrow-page.png");

  /* Back to the list. */
  {
    g_autoptr(GPtrArray) buttons = ui_test_find_mapped (GTK_WIDGET (fixture->view), GTK_TYPE_BUTTON);

    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_button_get_icon_name (g_ptr_array_index (buttons, i)), "go-previous-symbolic") == 0)
        back = g_ptr_array_index (buttons, i);
  }
  g_assert_nonnull (back);
  g_signal_emit_by_name (back, "clicked");
  ui_test_settle ();
  g_assert_false (gtk_widget_is_ancestor (GTK_WIDGET (vankho_resolutions_view_get_page (fixture->view)),
                                          adw_leaflet_get_visible_child (leaflet)));
}

int
main (int    argc,
      char **argv)
{
  /* The labels checked are the English ones. */
  g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("LC_TIME", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/resolutions/list", Fixture, NULL, fixture_setup, test_list, fixture_teardown);
  g_test_add ("/ui/resolutions/page", Fixture, NULL, fixture_setup, test_page, fixture_teardown);
  g_test_add ("/ui/resolutions/many", Fixture, NULL, fixture_setup, test_many, fixture_teardown);
  g_test_add ("/ui/resolutions/merge-undo", Fixture, NULL, fixture_setup, test_merge_undo, fixture_teardown);
  g_test_add ("/ui/resolutions/folded", Fixture, GINT_TO_POINTER (420), fixture_setup, test_folded,
              fixture_teardown);

  return g_test_run ();
}
