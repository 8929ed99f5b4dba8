/* clw-attendance-chart.c: attendance at each meeting of a cycle, as bars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One bar a meeting: its height is the number of practices of the
 * collaborative, the filled part those whose attendance counted. A planned
 * meeting is an outline, a cancelled one is crossed out. The same figures
 * are the chart's accessible description, for screen readers.
 */

#define G_LOG_DOMAIN "clw-attendance-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-attendance-chart.h"
#include "clw-gui-util.h"

#define BAR_WIDTH     36.0
#define BAR_GAP       28.0
#define LABEL_SPACE   34.0
#define TOP_SPACE     22.0

typedef struct
{
  char             *date;       /* "12 Oct" */
  ClwMeetingStatus  status;
  int               counted;
  int               practices;
} Bar;

struct _ClwAttendanceChart
{
  GtkWidget  parent_instance;

  GArray    *bars;          /* owned: of Bar */
  char      *description;   /* owned */
};

G_DEFINE_FINAL_TYPE (ClwAttendanceChart, clw_attendance_chart, GTK_TYPE_WIDGET)

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_free (bar->date);
}

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, color))
    gtk_style_context_get_color (context, color);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
append_text (ClwAttendanceChart *self,
             GtkSnapshot        *snapshot,
             const char         *text,
             double              center_x,
             double              y,
             const GdkRGBA      *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int width, height;

  /* Never over the next bar's text: a longer word (a translation) is
   * shortened; the chart's accessible description has it whole. */
  pango_layout_set_width (layout, (int) ((BAR_WIDTH + BAR_GAP) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (center_x - width / 2.0, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
clw_attendance_chart_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  ClwAttendanceChart *self = CLW_ATTENDANCE_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double plot_height = height - LABEL_SPACE - TOP_SPACE;
  double total_width;
  double x;
  int max_practices = 1;
  GdkRGBA fg, accent, track, muted;

  if (self->bars->len == 0 || plot_height <= 10)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  lookup_color (widget, "accent_bg_color", &accent);
  track = fg;
  track.alpha = 0.12;
  muted = fg;
  muted.alpha = 0.55;

  for (guint i = 0; i < self->bars->len; i++)
    max_practices = MAX (max_practices, g_array_index (self->bars, Bar, i).practices);

  total_width = self->bars->len * BAR_WIDTH + (self->bars->len - 1) * BAR_GAP;
  x = MAX (0, (width - total_width) / 2.0);

  /* The base line. */
  gtk_snapshot_append_color (snapshot, &track,
                             &GRAPHENE_RECT_INIT (0, TOP_SPACE + plot_height, width, 1));

  for (guint i = 0; i < self->bars->len; i++, x += BAR_WIDTH + BAR_GAP)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      double full = plot_height * bar->practices / max_practices;
      double filled = bar->practices > 0 ? full * bar->counted / bar->practices : 0;
      double top = TOP_SPACE + plot_height - full;
      g_autofree char *figure = NULL;
      GskRoundedRect outline;

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x, top, BAR_WIDTH, full), 4);

      switch (bar->status)
        {
        case CLW_MEETING_STATUS_HELD:
          gtk_snapshot_push_rounded_clip (snapshot, &outline);
          gtk_snapshot_append_color (snapshot, &track, &outline.bounds);
          gtk_snapshot_append_color (snapshot, &accent,
                                     &GRAPHENE_RECT_INIT (x, top + full - filled, BAR_WIDTH, filled));
          gtk_snapshot_pop (snapshot);
          figure = g_strdup_printf ("%d/%d", bar->counted, bar->practices);
          break;

        case CLW_MEETING_STATUS_PLANNED:
          {
            float widths[4] = { 1.5, 1.5, 1.5, 1.5 };
            GdkRGBA colors[4] = { muted, muted, muted, muted };

            gtk_snapshot_append_border (snapshot, &outline, widths, colors);
            /* Translators: in the attendance chart, a meeting still to come */
            figure = g_strdup (C_("meeting", "planned"));
          }
          break;

        case CLW_MEETING_STATUS_CANCELLED:
        default:
          gtk_snapshot_append_color (snapshot, &track,
                                     &GRAPHENE_RECT_INIT (x, TOP_SPACE + plot_height - 3, BAR_WIDTH, 3));
          /* Translators: in the attendance chart, a cancelled meeting */
          figure = g_strdup (C_("meeting", "cancelled"));
          top = TOP_SPACE + plot_height - 3;
          break;
        }

      append_text (self, snapshot, figure, x + BAR_WIDTH / 2, MAX (0, top - 20), &fg);
      append_text (self, snapshot, bar->date, x + BAR_WIDTH / 2, TOP_SPACE + plot_height + 6, &muted);
    }
}

static void
clw_attendance_chart_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  ClwAttendanceChart *self = CLW_ATTENDANCE_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      guint n = MAX (self->bars->len, 1);
      *minimum = n * BAR_WIDTH + (n - 1) * 12;
      *natural = n * BAR_WIDTH + (n - 1) * BAR_GAP + 24;
    }
  else
    {
      *minimum = 140;
      *natural = 170;
    }
}

static void
clw_attendance_chart_finalize (GObject *object)
{
  ClwAttendanceChart *self = (ClwAttendanceChart *) object;

  g_clear_pointer (&self->bars, g_array_unref);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (clw_attendance_chart_parent_class)->finalize (object);
}

static void
clw_attendance_chart_class_init (ClwAttendanceChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = clw_attendance_chart_finalize;

  widget_class->snapshot = clw_attendance_chart_snapshot;
  widget_class->measure = clw_attendance_chart_measure;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "clwattendancechart");
}

static void
clw_attendance_chart_init (ClwAttendanceChart *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Attendance at each meeting of the cycle"),
                                  -1);
}

GtkWidget *
clw_attendance_chart_new (void)
{
  return g_object_new (CLW_TYPE_ATTENDANCE_CHART, NULL);
}

void
clw_attendance_chart_set_summary (ClwAttendanceChart *self,
                                  ClwClusterSummary  *summary)
{
  g_autoptr(GString) description = g_string_new (NULL);
  guint n, n_before;

  g_return_if_fail (CLW_IS_ATTENDANCE_CHART (self));

  n_before = self->bars->len;
  g_array_set_size (self->bars, 0);
  n = summary != NULL ? clw_cluster_summary_get_n_meetings (summary) : 0;

  for (guint i = 0; i < n; i++)
    {
      const ClwMeetingAttendance *meeting = clw_cluster_summary_get_meeting (summary, i);
      g_autofree char *day = g_strndup (meeting->starts_at, 10);
      g_autofree char *long_date = clw_format_date (day);
      g_autoptr(GDate) date = clw_date_parse (day);
      Bar bar = { 0 };

      /* Translators: a meeting's date under its bar, see strftime(3): "12 Oct";
       * %b is the "abbreviated month" of this catalogue */
      bar.date = date != NULL ? clw_date_format (date, _("%-d %b")) : g_strdup ("");
      bar.status = meeting->status;
      bar.counted = meeting->counted;
      bar.practices = meeting->practices;
      g_array_append_val (self->bars, bar);

      if (description->len > 0)
        g_string_append (description, "; ");
      switch (meeting->status)
        {
        case CLW_MEETING_STATUS_HELD:
          g_string_append_printf (description,
                                  ngettext ("%s: %d of %d practice counted",
                                            "%s: %d of %d practices counted",
                                            meeting->practices),
                                  long_date, meeting->counted, meeting->practices);
          break;
        case CLW_MEETING_STATUS_PLANNED:
          g_string_append_printf (description, _("%s: planned"), long_date);
          break;
        case CLW_MEETING_STATUS_CANCELLED:
        default:
          g_string_append_printf (description, _("%s: cancelled"), long_date);
          break;
        }
    }

  g_free (self->description);
  if (n == 0)
    self->description = g_strdup (_("No meetings this cycle."));
  else
    self->description = g_strdup_printf (_("Practices whose attendance counted at each meeting. %s."),
                                         description->str);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
  clw_widget_set_lazy_tooltip (GTK_WIDGET (self), self->description);
  /* The size depends only on the number of bars. */
  if (n != n_before)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
clw_attendance_chart_get_description (ClwAttendanceChart *self)
{
  g_return_val_if_fail (CLW_IS_ATTENDANCE_CHART (self), NULL);

  return self->description;
}
