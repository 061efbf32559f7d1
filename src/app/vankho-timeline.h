/* vankho-timeline.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VANKHO_TYPE_TIMELINE (vankho_timeline_get_type ())

G_DECLARE_FINAL_TYPE (VankhoTimeline, vankho_timeline, VANKHO, TIMELINE, GtkWidget)

GtkWidget  *vankho_timeline_new            (void);
void        vankho_timeline_set_months     (VankhoTimeline *self,
                                            GArray         *months);
guint       vankho_timeline_get_n_months   (VankhoTimeline *self);
const char *vankho_timeline_get_selected   (VankhoTimeline *self);
void        vankho_timeline_set_selected   (VankhoTimeline *self,
                                            const char     *month);
char       *vankho_timeline_dup_month_at   (VankhoTimeline *self,
                                            double          x,
                                            guint          *n_articles);

G_END_DECLS
