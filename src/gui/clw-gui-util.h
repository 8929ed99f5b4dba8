/* clw-gui-util.h: small helpers the widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clw-core.h"

G_BEGIN_DECLS

/* A dialog that says what happened (@heading) and, from @error's message,
 * where and what to do. */
void        clw_show_error             (GtkWidget     *parent,
                                        const char    *heading,
                                        const GError  *error);

/* "12 Oct 2022" from "2022-10-12"; "" for NULL. */
char       *clw_format_date            (const char    *iso_date);
/* "Wed 12 Oct 2022, 14:00" from "2022-10-12T14:00". */
char       *clw_format_datetime        (const char    *iso_datetime);
/* "1 Mar 2022 at 14:05", local time, from a UTC timestamp as the audit
 * log and sync write them ("2022-03-01T14:05:09.123Z"); "" for NULL. */
char       *clw_format_timestamp       (const char    *iso_timestamp);
/* "£1,250" from pence. */
char       *clw_format_money           (gint64         pence);
/* "12,345" */
char       *clw_format_count           (gint64         count);

/* The style class of a verdict chip: "achieved", "on-track", "at-risk",
 * "not-achieved". */
const char *clw_verdict_css_class      (ClwVerdict     verdict);
/* Give @label the look of a verdict chip. */
void        clw_verdict_chip_set       (GtkLabel      *label,
                                        ClwVerdict     verdict);

/* Unparent what is left of @widget's children after
 * gtk_widget_dispose_template(): the template's children without an id. */
void        clw_widget_unparent_children (GtkWidget   *widget);

/* A tooltip asked for only when the pointer rests on @widget: cheaper than
 * gtk_widget_set_tooltip_text(), which asks the display server where the
 * pointer is each time. */
void        clw_widget_set_lazy_tooltip  (GtkWidget   *widget,
                                          const char  *text);

/* The window a widget is in, for dialogs. */
GtkWindow  *clw_widget_get_window      (GtkWidget     *widget);

/* Show a toast in the window @widget is in; with @undo, an Undo button. */
void        clw_widget_add_toast       (GtkWidget     *widget,
                                        const char    *title,
                                        gboolean       undo);

G_END_DECLS
