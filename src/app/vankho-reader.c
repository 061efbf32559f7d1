/* vankho-reader.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shows one article: title, date, outlet, provinces, and the body with its
 * paragraphs, selectable. Dates, provinces and cited documents are marked
 * in the text; a province or a document is a link to the other views. The
 * user's own things live here too: star, read, note and tags.
 */

#define G_LOG_DOMAIN "vankho-reader"

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "vankho-export.h"
#include "vankho-format.h"
#include "vankho-reader.h"

#define NOTE_SAVE_DELAY_MS 600

struct _VankhoReader
{
  GtkWidget          parent_instance;

  VankhoLibrary     *library;
  VankhoArticle     *article;
  guint              note_save_source;
  gboolean           loading;

  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkLabel          *title_label;
  GtkLabel          *meta_label;
  GtkLabel          *places_label;
  GtkBox            *body_box;
  GtkWidget         *original_button;
  GtkToggleButton   *star_button;
  GtkToggleButton   *read_button;
  GtkToggleButton   *feed_text_button;
  GtkTextView       *note_view;
  GtkFlowBox        *tags_box;
  GtkEntry          *tag_entry;

  /* Marks in the body: Span, by start offset; counts by kind. */
  GArray            *spans;
  guint              n_marks[3];
};

G_DEFINE_FINAL_TYPE (VankhoReader, vankho_reader, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
  N_PROPS
};

enum {
  ARTICLE_CHANGED,
  SHOW_PROVINCE,
  SHOW_DOCUMENT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef enum
{
  MARK_DATE,
  MARK_PROVINCE,
  MARK_DOCUMENT,
} MarkKind;

static const char * const mark_names[] = { "date", "province", "document" };

/* A stretch of the body to mark: bytes [start, end), and where it leads. */
typedef struct
{
  gsize     start;
  gsize     end;
  MarkKind  kind;
  char     *target;   /* "province:VN-30", "document:12", or NULL */
} Span;

static void
span_clear (gpointer data)
{
  Span *span = data;

  g_free (span->target);
}

static void
add_span (VankhoReader *self,
          gsize         start,
          gsize         length,
          MarkKind      kind,
          char         *target)
{
  const char *body = vankho_article_get_body (self->article);
  Span span = { start, start + length, kind, target };

  /* Offsets come from stored extraction: never trust them past the text. */
  if (length == 0 || span.end > strlen (body) ||
      !g_utf8_validate (body + start, length, NULL))
    {
      g_free (target);
      return;
    }

  g_array_append_val (self->spans, span);
}

/* Dates as Vietnamese news writes them: 27/02/2023, 14/01, 31.8,
 * 'ngày 27 tháng 2 năm 2023'.
 */
static void
mark_dates (VankhoReader *self)
{
  static gsize regex_ready;
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  const char *body = vankho_article_get_body (self->article);

  if (g_once_init_enter (&regex_ready))
    {
      regex = g_regex_new ("(?<![\\d/.\\-])(?:(?:0?[1-9]|[12]\\d|3[01])[/.\\-](?:0?[1-9]|1[0-2])"
                           "(?:[/.\\-](?:19|20)\\d\\d)?"
                           "|ngày \\d{1,2} tháng \\d{1,2}(?: năm \\d{4})?)(?![\\d/]|\\.\\d)",
                           G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&regex_ready, 1);
    }

  for (g_regex_match (regex, body, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start, end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      add_span (self, start, end - start, MARK_DATE, NULL);
    }
}

static void
mark_extraction (VankhoReader     *self,
                 VankhoExtraction *extraction)
{
  GPtrArray *places = vankho_extraction_get_places (extraction);
  GPtrArray *citations = vankho_extraction_get_citations (extraction);
  g_autoptr(GString) places_text = g_string_new (NULL);

  for (guint i = 0; i < places->len; i++)
    {
      const VankhoPlace *place = g_ptr_array_index (places, i);
      g_autofree char *escaped = g_markup_escape_text (place->name ? place->name : place->code, -1);

      if (place->offset >= 0)
        add_span (self, place->offset, place->length, MARK_PROVINCE,
                  g_strconcat ("province:", place->code, NULL));

      /* The header line names each province once, primary first. */
      if (strstr (places_text->str, escaped) == NULL)
        {
          if (places_text->len > 0)
            g_string_append (places_text, ", ");
          g_string_append_printf (places_text, "<a href=\"province:%s\">%s</a>", place->code, escaped);
          if (place->role == VANKHO_PLACE_ROLE_MENTIONED)
            g_string_append_printf (places_text, " <small>(%s)</small>", _("mentioned"));
        }
    }

  for (guint i = 0; i < citations->len; i++)
    {
      const VankhoCitation *citation = g_ptr_array_index (citations, i);
      gint64 document_id = self->library ? vankho_library_lookup_document (self->library, citation->key) : 0;

      add_span (self, citation->offset, citation->length, MARK_DOCUMENT,
                document_id > 0 ? g_strdup_printf ("document:%" G_GINT64_FORMAT, document_id) : NULL);
    }

  gtk_label_set_markup (self->places_label, places_text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->places_label), places_text->len > 0);
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a;
  const Span *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  /* At one start, a province or document before a bare date. */
  return (int) y->kind - (int) x->kind;
}

static gboolean
body_link_cb (GtkLabel     *label,
              const char   *uri,
              VankhoReader *self);

/* One selectable label per paragraph: labels wrap and measure their height
 * for any width, and carry links in their markup.
 */
static void
build_body (VankhoReader *self)
{
  /* The feed's own text has no marks: they were found in the page's. */
  gboolean feed_text = gtk_toggle_button_get_active (self->feed_text_button) &&
                       vankho_article_get_feed_text (self->article) != NULL;
  const char *body = feed_text ? vankho_article_get_feed_text (self->article)
                               : vankho_article_get_body (self->article);
  gsize len = strlen (body);
  g_autoptr(GString) markup = g_string_new (NULL);
  GtkWidget *child;
  gsize pos = 0;
  guint next = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->body_box))) != NULL)
    gtk_box_remove (self->body_box, child);

  if (feed_text)
    g_array_set_size (self->spans, 0);
  g_array_sort (self->spans, compare_spans);
  memset (self->n_marks, 0, sizeof self->n_marks);

  while (pos <= len)
    {
      const char *para_end = strstr (body + pos, "\n\n");
      gsize end = para_end ? (gsize) (para_end - body) : len;
      GtkWidget *label;

      g_string_truncate (markup, 0);

      /* Spans that cross a paragraph break or overlap the last are left out. */
      while (next < self->spans->len && g_array_index (self->spans, Span, next).start < pos)
        next++;

      for (gsize at = pos; at < end; )
        {
          Span *span = next < self->spans->len ? &g_array_index (self->spans, Span, next) : NULL;
          gsize stop = (span != NULL && span->start < end) ? span->start : end;
          g_autofree char *plain = g_markup_escape_text (body + at, stop - at);

          g_string_append (markup, plain);
          at = stop;

          if (span != NULL && span->start == at && span->start < end)
            {
              if (span->end <= end)
                {
                  g_autofree char *text = g_markup_escape_text (body + span->start, span->end - span->start);

                  if (span->target != NULL)
                    {
                      g_autofree char *target = g_markup_escape_text (span->target, -1);
                      g_string_append_printf (markup, "<a href=\"%s\" title=\"\">%s</a>", target, text);
                    }
                  else if (span->kind == MARK_DATE)
                    g_string_append_printf (markup, "<b>%s</b>", text);
                  else
                    g_string_append_printf (markup, "<i>%s</i>", text);

                  self->n_marks[span->kind]++;
                  at = span->end;
                }
              next++;
              while (next < self->spans->len && g_array_index (self->spans, Span, next).start < at)
                next++;
            }
        }

      if (end > pos)
        {
          label = gtk_label_new (NULL);
          gtk_label_set_markup (GTK_LABEL (label), markup->str);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_widget_add_css_class (label, "reader-body");
          g_signal_connect (label, "activate-link", G_CALLBACK (body_link_cb), self);
          gtk_box_append (self->body_box, label);
        }

      if (para_end == NULL)
        break;
      pos = end + 2;
    }
}

static void
rebuild_tags (VankhoReader *self)
{
  const char * const *tags = vankho_article_get_tags (self->article);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))) != NULL)
    gtk_flow_box_remove (self->tags_box, child);

  for (guint i = 0; tags && tags[i]; i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      g_autofree char *tooltip = g_strdup_printf (_("Remove the tag “%s”"), tags[i]);

      gtk_box_append (GTK_BOX (box), gtk_label_new (tags[i]));
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_add_css_class (button, "filter-chip");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "reader.remove-tag");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", tags[i]);
      gtk_flow_box_append (self->tags_box, button);
    }
}

static void
update_completion (VankhoReader *self)
{
  g_auto(GStrv) tags = NULL;
  g_autoptr(GtkListStore) store = NULL;
  GtkEntryCompletion *completion;

  if (self->library == NULL)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  completion = gtk_entry_get_completion (self->tag_entry);
  store = gtk_list_store_new (1, G_TYPE_STRING);
  tags = vankho_library_list_tags (self->library, NULL);
  for (guint i = 0; tags && tags[i]; i++)
    gtk_list_store_insert_with_values (store, NULL, -1, 0, tags[i], -1);
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (store));
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
vankho_reader_update (VankhoReader     *self,
                      VankhoExtraction *extraction)
{
  g_autoptr(GPtrArray) meta = NULL;
  g_autofree char *date = NULL;
  g_autofree char *meta_text = NULL;
  const char *url;

  g_array_set_size (self->spans, 0);

  if (self->article == NULL)
    {
      GtkWidget *child;

      gtk_stack_set_visible_child_name (self->stack, "empty");
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->body_box))) != NULL)
        gtk_box_remove (self->body_box, child);
      return;
    }

  self->loading = TRUE;

  meta = g_ptr_array_new ();
  date = vankho_format_date (vankho_article_get_published (self->article));
  g_ptr_array_add (meta, date);
  if (vankho_article_get_outlet (self->article))
    g_ptr_array_add (meta, (char *) vankho_article_get_outlet (self->article));
  if (vankho_article_get_byline (self->article))
    g_ptr_array_add (meta, (char *) vankho_article_get_byline (self->article));
  if (vankho_article_get_is_sample (self->article))
    g_ptr_array_add (meta, (char *) C_("article is a sample", "Sample"));
  g_ptr_array_add (meta, NULL);
  meta_text = g_strjoinv (" · ", (char **) meta->pdata);

  gtk_label_set_label (self->title_label, vankho_article_get_title (self->article));
  gtk_label_set_label (self->meta_label, meta_text);

  if (vankho_article_get_body (self->article) == NULL)
    vankho_article_set_body (self->article, "");
  gtk_widget_set_visible (GTK_WIDGET (self->feed_text_button),
                          vankho_article_get_feed_text (self->article) != NULL);
  gtk_toggle_button_set_active (self->feed_text_button, FALSE);
  mark_dates (self);
  if (extraction != NULL)
    mark_extraction (self, extraction);
  else
    gtk_widget_set_visible (GTK_WIDGET (self->places_label), FALSE);
  build_body (self);

  url = vankho_article_get_url (self->article);
  gtk_widget_set_visible (self->original_button, url != NULL);
  gtk_widget_set_tooltip_text (self->original_button, url);

  gtk_toggle_button_set_active (self->star_button, vankho_article_get_is_starred (self->article));
  gtk_toggle_button_set_active (self->read_button, vankho_article_get_is_read (self->article));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view),
                            vankho_article_get_note (self->article) ?: "", -1);
  rebuild_tags (self);
  update_completion (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "article");

  self->loading = FALSE;
}

static void
report (VankhoReader *self,
        GError       *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
  else
    g_warning ("%s", error->message);
}

static void
feed_text_toggled_cb (VankhoReader *self)
{
  g_autoptr(VankhoExtraction) extraction = NULL;

  if (self->loading || self->article == NULL)
    return;

  /* Back to the page's text: its marks again. */
  g_array_set_size (self->spans, 0);
  if (!gtk_toggle_button_get_active (self->feed_text_button))
    {
      mark_dates (self);
      if (self->library != NULL &&
          (extraction = vankho_library_load_extraction (self->library, vankho_article_get_id (self->article), NULL)))
        mark_extraction (self, extraction);
    }
  build_body (self);
}

static void
star_toggled_cb (VankhoReader *self)
{
  g_autoptr(GError) error = NULL;
  gboolean starred = gtk_toggle_button_get_active (self->star_button);

  gtk_button_set_icon_name (GTK_BUTTON (self->star_button),
                            starred ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->star_button), starred ? _("Unstar (S)") : _("Star (S)"));

  if (self->loading || self->article == NULL || vankho_article_get_is_starred (self->article) == starred)
    return;

  if (!vankho_library_set_starred (self->library, vankho_article_get_id (self->article), starred, &error))
    {
      report (self, error);
      return;
    }

  vankho_article_set_is_starred (self->article, starred);
  g_signal_emit (self, signals[ARTICLE_CHANGED], 0);
}

static void
read_toggled_cb (VankhoReader *self)
{
  g_autoptr(GError) error = NULL;
  gboolean read = gtk_toggle_button_get_active (self->read_button);

  gtk_button_set_icon_name (GTK_BUTTON (self->read_button), read ? "mail-read-symbolic" : "mail-unread-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->read_button),
                               read ? _("Mark as Unread (M)") : _("Mark as Read (M)"));

  if (self->loading || self->article == NULL || vankho_article_get_is_read (self->article) == read)
    return;

  if (!vankho_library_set_read (self->library, vankho_article_get_id (self->article), read, &error))
    {
      report (self, error);
      return;
    }

  vankho_article_set_is_read (self->article, read);
  g_signal_emit (self, signals[ARTICLE_CHANGED], 0);
}

static gboolean
save_note_cb (gpointer user_data)
{
  VankhoReader *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  self->note_save_source = 0;

  if (self->article == NULL)
    return G_SOURCE_REMOVE;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  if (!vankho_library_set_note (self->library, vankho_article_get_id (self->article), note, &error))
    report (self, error);
  else
    vankho_article_set_note (self->article, note);

  return G_SOURCE_REMOVE;
}

/* Typing in the note saves it shortly after the last key: nothing to lose. */
static void
note_changed_cb (VankhoReader *self)
{
  if (self->loading || self->article == NULL)
    return;

  g_clear_handle_id (&self->note_save_source, g_source_remove);
  self->note_save_source = g_timeout_add (NOTE_SAVE_DELAY_MS, save_note_cb, self);
}

static void
flush_note (VankhoReader *self)
{
  if (self->note_save_source != 0)
    {
      g_clear_handle_id (&self->note_save_source, g_source_remove);
      save_note_cb (self);
    }
}

static void
reload_tags (VankhoReader *self)
{
  g_autoptr(VankhoArticle) fresh = NULL;

  fresh = vankho_library_get_article (self->library, vankho_article_get_id (self->article), NULL);
  if (fresh != NULL)
    vankho_article_set_tags (self->article, vankho_article_get_tags (fresh));

  rebuild_tags (self);
  update_completion (self);
}

static void
tag_activate_cb (VankhoReader *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->tag_entry));

  if (self->article == NULL || *text == '\0')
    return;

  if (!vankho_library_add_tag (self->library, vankho_article_get_id (self->article), text, &error))
    {
      report (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), "");
  reload_tags (self);
}

static void
remove_tag_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VankhoReader *self = VANKHO_READER (widget);
  g_autoptr(GError) error = NULL;

  if (self->article == NULL)
    return;

  if (!vankho_library_remove_tag (self->library, vankho_article_get_id (self->article),
                                  g_variant_get_string (parameter, NULL), &error))
    report (self, error);

  reload_tags (self);
}

static void
star_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VankhoReader *self = VANKHO_READER (widget);

  if (self->article != NULL)
    gtk_toggle_button_set_active (self->star_button, !gtk_toggle_button_get_active (self->star_button));
}

static void
toggle_read_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VankhoReader *self = VANKHO_READER (widget);

  if (self->article != NULL)
    gtk_toggle_button_set_active (self->read_button, !gtk_toggle_button_get_active (self->read_button));
}

static void
page_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VankhoReader *self = VANKHO_READER (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                        gtk_adjustment_get_page_increment (adjustment));
}

static void
copy_citation_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VankhoReader *self = VANKHO_READER (widget);
  g_autoptr(GString) citation = NULL;
  g_autofree char *date = NULL;
  GtkWidget *overlay;

  if (self->article == NULL)
    return;

  /* 'Title', Outlet, 31/08/2023, address. */
  citation = g_string_new (NULL);
  g_string_append_printf (citation, "“%s”", vankho_article_get_title (self->article));
  if (vankho_article_get_outlet (self->article))
    g_string_append_printf (citation, ", %s", vankho_article_get_outlet (self->article));
  date = vankho_format_date (vankho_article_get_published (self->article));
  g_string_append_printf (citation, ", %s", date);
  if (vankho_article_get_url (self->article))
    g_string_append_printf (citation, ", %s", vankho_article_get_url (self->article));
  g_string_append_c (citation, '.');

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), citation->str);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (_("Citation copied")));
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    VankhoReader    *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->article != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      VankhoExportFormat format = g_str_has_suffix (name, ".txt") ? VANKHO_EXPORT_TEXT : VANKHO_EXPORT_MARKDOWN;

      text = vankho_export_article (self->library, vankho_article_get_id (self->article), format, &error);
      if (text == NULL ||
          !g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
        report (self, error);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VankhoReader *self = VANKHO_READER (widget);
  GtkFileChooserNative *chooser;

  if (self->article == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save the Article"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Markdown, unless the name ends in .txt. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "article.md");
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_original_cb (VankhoReader *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->article != NULL && vankho_article_get_url (self->article) != NULL)
    gtk_show_uri (GTK_WINDOW (root), vankho_article_get_url (self->article), GDK_CURRENT_TIME);
}

static gboolean
places_link_cb (VankhoReader *self,
                const char   *uri)
{
  if (g_str_has_prefix (uri, "province:"))
    {
      g_signal_emit (self, signals[SHOW_PROVINCE], 0, uri + strlen ("province:"));
      return TRUE;
    }
  return FALSE;
}

static gboolean
body_link_cb (GtkLabel     *label,
              const char   *uri,
              VankhoReader *self)
{
  gint64 document_id;

  if (g_str_has_prefix (uri, "province:"))
    {
      g_signal_emit (self, signals[SHOW_PROVINCE], 0, uri + strlen ("province:"));
      return TRUE;
    }

  if (g_str_has_prefix (uri, "document:") &&
      (document_id = g_ascii_strtoll (uri + strlen ("document:"), NULL, 10)) > 0)
    {
      g_signal_emit (self, signals[SHOW_DOCUMENT], 0, document_id);
      return TRUE;
    }

  return FALSE;
}

static void
vankho_reader_dispose (GObject *object)
{
  VankhoReader *self = (VankhoReader *)object;

  flush_note (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), VANKHO_TYPE_READER);
  g_clear_object (&self->article);
  g_clear_object (&self->library);
  g_clear_pointer (&self->spans, g_array_unref);

  G_OBJECT_CLASS (vankho_reader_parent_class)->dispose (object);
}

static void
vankho_reader_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VankhoReader *self = VANKHO_READER (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vankho_reader_class_init (VankhoReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vankho_reader_dispose;
  object_class->get_property = vankho_reader_get_property;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, VANKHO_TYPE_ARTICLE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VankhoReader::article-changed:
   *
   * The user starred the article or marked it read or unread.
   */
  signals[ARTICLE_CHANGED] =
    g_signal_new ("article-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SHOW_PROVINCE] =
    g_signal_new ("show-province", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SHOW_DOCUMENT] =
    g_signal_new ("show-document", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "reader.star", NULL, star_action);
  gtk_widget_class_install_action (widget_class, "reader.toggle-read", NULL, toggle_read_action);
  gtk_widget_class_install_action (widget_class, "reader.page-down", NULL, page_down_action);
  gtk_widget_class_install_action (widget_class, "reader.copy-citation", NULL, copy_citation_action);
  gtk_widget_class_install_action (widget_class, "reader.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "reader.remove-tag", "s", remove_tag_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vankho-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, VankhoReader, stack);
  gtk_widget_class_bind_template_child (widget_class, VankhoReader, scroller);
  gtk_widget_class_bind_template_child (widget_class, VankhoReader, title_label);
  gtk_widget_class_bind_template_child (widget_class, VankhoReader, meta_label);
  gtk_widget_class_bind_template_child (widget_class, VankhoReader, places_label);
  gtk_widget_class_bind_template_child (widget_class, VankhoReader, body_box);
  gtk_widget_class_bind_template_child (widget_class, VankhoReader, original_button);
  gtk_widget_class_bind_template_child (widget_class, VankhoReader, star_button);
  gtk_widget_class_bind_template_child (widget_class, VankhoReader, read_button);
  gtk_widget_class_bind_template_child (widget_class, VankhoReader, feed_text_button);
  gtk_widget_class_bind_template_child (widget_class, VankhoReader, note_view);
  gtk_widget_class_bind_template_child (widget_class, VankhoReader, tags_box);
  gtk_widget_class_bind_template_child (widget_class, VankhoReader, tag_entry);
  gtk_widget_class_bind_template_callback (widget_class, open_original_cb);
  gtk_widget_class_bind_template_callback (widget_class, star_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, feed_text_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, read_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, places_link_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vankho_reader_init (VankhoReader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_array_set_clear_func (self->spans, span_clear);

  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (note_changed_cb), self, G_CONNECT_SWAPPED);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    g_autoptr(GtkEntryCompletion) completion = gtk_entry_completion_new ();

    gtk_entry_completion_set_text_column (completion, 0);
    gtk_entry_completion_set_inline_completion (completion, TRUE);
    gtk_entry_set_completion (self->tag_entry, completion);
  }
  G_GNUC_END_IGNORE_DEPRECATIONS
}

void
vankho_reader_set_library (VankhoReader  *self,
                           VankhoLibrary *library)
{
  g_return_if_fail (VANKHO_IS_READER (self));

  g_set_object (&self->library, library);
}

VankhoArticle *
vankho_reader_get_article (VankhoReader *self)
{
  g_return_val_if_fail (VANKHO_IS_READER (self), NULL);

  return self->article;
}

/**
 * vankho_reader_set_article:
 * @article: (nullable): a whole article, body loaded
 * @extraction: (nullable): what is stored about it, for the marks and links
 */
void
vankho_reader_set_article (VankhoReader     *self,
                           VankhoArticle    *article,
                           VankhoExtraction *extraction)
{
  g_return_if_fail (VANKHO_IS_READER (self));
  g_return_if_fail (!article || VANKHO_IS_ARTICLE (article));

  /* A note still being typed belongs to the article it was typed on. */
  flush_note (self);

  g_set_object (&self->article, article);
  vankho_reader_update (self, extraction);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

/**
 * vankho_reader_dup_text:
 *
 * Returns: (transfer full): the body text on display, paragraphs separated
 *   by a blank line
 */
char *
vankho_reader_dup_text (VankhoReader *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (VANKHO_IS_READER (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->body_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, gtk_label_get_text (GTK_LABEL (child)));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * vankho_reader_count_links:
 * @kind: "date", "province" or "document"
 *
 * Returns: how many stretches of the body carry that mark
 */
guint
vankho_reader_count_links (VankhoReader *self,
                           const char   *kind)
{
  g_return_val_if_fail (VANKHO_IS_READER (self), 0);

  for (guint i = 0; i < G_N_ELEMENTS (mark_names); i++)
    if (g_strcmp0 (kind, mark_names[i]) == 0)
      return self->n_marks[i];

  g_return_val_if_reached (0);
}
