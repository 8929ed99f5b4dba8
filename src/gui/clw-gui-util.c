/* clw-gui-util.c: small helpers the widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clw-date-format.h"
#include "clw-gui-util.h"

void
clw_widget_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

static gboolean
lazy_tooltip_cb (GtkWidget  *widget,
                 int         x,
                 int         y,
                 gboolean    keyboard,
                 GtkTooltip *tooltip)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "clw-tooltip");

  if (text == NULL || *text == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
clw_widget_set_lazy_tooltip (GtkWidget  *widget,
                             const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_object_get_data (G_OBJECT (widget), "clw-tooltip-connected") == NULL)
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (lazy_tooltip_cb), NULL);
      g_object_set_data (G_OBJECT (widget), "clw-tooltip-connected", GINT_TO_POINTER (TRUE));
      gtk_widget_set_has_tooltip (widget, TRUE);
    }
  g_object_set_data_full (G_OBJECT (widget), "clw-tooltip", g_strdup (text), g_free);
}

GtkWindow *
clw_widget_get_window (GtkWidget *widget)
{
  GtkRoot *root;

  if (widget == NULL)
    return NULL;
  if (GTK_IS_WINDOW (widget))
    return GTK_WINDOW (widget);

  root = gtk_widget_get_root (widget);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
clw_show_error (GtkWidget    *parent,
                const char   *heading,
                const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (heading != NULL);

  dialog = adw_message_dialog_new (clw_widget_get_window (parent), heading,
                                   error != NULL ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
clw_widget_add_toast (GtkWidget  *widget,
                      const char *title,
                      gboolean    undo)
{
  GtkWidget *ancestor = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (ancestor == NULL)
    {
      GtkWindow *window = clw_widget_get_window (widget);
      GtkWidget *child = window != NULL ? gtk_window_get_child (window) : NULL;

      /* An AdwApplicationWindow keeps its content below a box of its own. */
      while (child != NULL && !ADW_IS_TOAST_OVERLAY (child))
        child = gtk_widget_get_first_child (child);
      ancestor = child;
    }
  if (ancestor == NULL)
    return;

  toast = adw_toast_new (title);
  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (ancestor), toast);
}

char *
clw_format_date (const char *iso_date)
{
  if (iso_date == NULL || *iso_date == '\0')
    return g_strdup ("");

  return clw_date_format_display (iso_date);
}

char *
clw_format_datetime (const char *iso_datetime)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = NULL;

  if (iso_datetime == NULL || *iso_datetime == '\0')
    return g_strdup ("");

  iso = g_strdup_printf ("%s:00", iso_datetime);
  tz = g_time_zone_new_local ();
  dt = g_date_time_new_from_iso8601 (iso, tz);
  if (dt == NULL)
    return g_strdup (iso_datetime);

  /* Translators: a meeting's date and time, see strftime(3): "Wed 12 Oct 2022, 14:00";
   * %a and %b are the "abbreviated weekday" and "abbreviated month" of this catalogue */
  return clw_date_time_format (dt, _("%a %-d %b %Y, %H:%M"));
}

char *
clw_format_timestamp (const char *iso_timestamp)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso_timestamp == NULL || *iso_timestamp == '\0')
    return g_strdup ("");

  utc = g_date_time_new_from_iso8601 (iso_timestamp, NULL);
  if (utc == NULL)
    return g_strdup (iso_timestamp);

  local = g_date_time_to_local (utc);
  /* Translators: when something happened, see strftime(3): "1 Mar 2022 at 14:05" */
  /* xgettext:no-c-format */
  return clw_date_time_format (local, _("%-d %b %Y at %H:%M"));
}

char *
clw_format_count (gint64 count)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, count < 0 ? -count : count);
  GString *out = g_string_new (count < 0 ? "-" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      /* Translators: the separator of thousands in numbers, as "12,345" */
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, C_("thousands separator", ","));
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

char *
clw_format_money (gint64 pence)
{
  g_autofree char *pounds = clw_format_count ((pence + 50) / 100);

  /* Translators: an amount of money in pounds sterling */
  return g_strdup_printf (_("£%s"), pounds);
}

const char *
clw_verdict_css_class (ClwVerdict verdict)
{
  switch (verdict)
    {
    case CLW_VERDICT_ACHIEVED:
      return "achieved";
    case CLW_VERDICT_ON_TRACK:
      return "on-track";
    case CLW_VERDICT_AT_RISK:
      return "at-risk";
    case CLW_VERDICT_NOT_ACHIEVED:
    default:
      return "not-achieved";
    }
}

void
clw_verdict_chip_set (GtkLabel   *label,
                      ClwVerdict  verdict)
{
  GtkWidget *widget = GTK_WIDGET (label);

  for (int v = 0; v < CLW_N_VERDICTS; v++)
    gtk_widget_remove_css_class (widget, clw_verdict_css_class (v));
  gtk_widget_add_css_class (widget, "verdict-chip");
  gtk_widget_add_css_class (widget, clw_verdict_css_class (verdict));
  gtk_label_set_label (label, clw_verdict_to_label (verdict));
}
