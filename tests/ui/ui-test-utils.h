/* ui-test-utils.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*UiTestPredicate) (gpointer data);

void       ui_test_spin_until  (UiTestPredicate  done,
                                gpointer         data);
void       ui_test_settle      (void);
GPtrArray *ui_test_find_mapped (GtkWidget       *root,
                                GType            type);
gboolean   ui_test_label_shows (GtkWidget       *root,
                                const char      *text);
void       ui_test_render_png  (GtkWidget       *widget,
                                const char      *name);

/* Predicates take the test's own fixture type. */
#define spin_until(done, data) \
  ui_test_spin_until ((UiTestPredicate) (void (*) (void)) (done), (data))

G_END_DECLS
