/* clw-cluster-dashboard.c: the main screen: one cluster's QAIF figures and practices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure here is read from the session's report: the dashboard
 * formats, it never counts. The indicators are data, so their columns are
 * made from the report's list of indicators.
 */

#define G_LOG_DOMAIN "clw-cluster-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-attendance-chart.h"
#include "clw-cluster-dashboard.h"
#include "clw-gui-util.h"
#include "clw-practice-row.h"
#include "clw-stat-tile.h"

struct _ClwClusterDashboard
{
  GtkWidget           parent_instance;

  ClwSession         *session;             /* owned */
  char               *cluster_id;          /* owned */
  GListStore         *rows;                /* owned: ClwPracticeRow */
  GPtrArray          *indicator_columns;   /* owned: GtkColumnViewColumn */
  GStrv               indicator_codes;     /* owned: of the columns shown */
  GStrv               grid_codes;          /* owned: of the indicators card's rows */
  gulong              report_id;
  guint               chart_source;

  gboolean            dirty;          /* to refresh when shown */

  /* Template children */
  GtkLabel           *as_of_label;
  ClwAttendanceChart *chart;
  GtkBox             *band;
  GtkWidget          *side_column;
  GtkGrid            *indicators_grid;
  ClwStatTile        *days_tile;
  AdwStatusPage      *empty_page;
  ClwStatTile        *imtp_tile;
  ClwStatTile        *meetings_tile;
  GtkColumnViewColumn *points_column;
  ClwStatTile        *points_tile;
  GtkScrolledWindow  *practices_scroller;
  GtkSortListModel   *practices_sorted;
  GtkColumnView      *practices_view;
  ClwStatTile        *requests_tile;
  GtkStack           *stack;
  GtkFlowBox         *tiles;
};

G_DEFINE_FINAL_TYPE (ClwClusterDashboard, clw_cluster_dashboard, GTK_TYPE_WIDGET)

/* Closures of the template, for sorting: the item is a ClwPracticeRow. */

static ClwPracticeResult *
row_result (ClwPracticeRow *row)
{
  return row != NULL ? clw_practice_row_get_result (row) : NULL;
}

static char *
result_code_cb (ClwPracticeRow *row)
{
  ClwPracticeResult *result = row_result (row);

  return g_strdup (result != NULL ? clw_practice_result_get_code (result) : "");
}

static char *
result_name_cb (ClwPracticeRow *row)
{
  ClwPracticeResult *result = row_result (row);

  return g_strdup (result != NULL ? clw_practice_result_get_name (result) : "");
}

static int
result_partners_cb (ClwPracticeRow *row)
{
  ClwPracticeResult *result = row_result (row);

  return result != NULL ? clw_practice_result_get_partners (result) : 0;
}

static int
result_list_size_cb (ClwPracticeRow *row)
{
  ClwPracticeResult *result = row_result (row);

  return result != NULL ? clw_practice_result_get_list_size (result) : 0;
}

static int
result_meetings_cb (ClwPracticeRow *row)
{
  ClwPracticeResult *result = row_result (row);

  return result != NULL ? clw_practice_result_get_meetings_counted (result) : 0;
}

static char *
result_buddy_cb (ClwPracticeRow *row)
{
  ClwPracticeResult *result = row_result (row);
  const char *buddy = result != NULL ? clw_practice_result_get_buddy_code (result) : NULL;

  return g_strdup (buddy != NULL ? buddy : "");
}

static int
result_points_cb (ClwPracticeRow *row)
{
  ClwPracticeResult *result = row_result (row);

  return result != NULL ? clw_practice_result_get_points (result) : 0;
}

/* The cells: a label each, made once and recycled (GtkBuilder templates
 * made per cell cost too much when a cluster of 600 practices is shown). */

/* A GtkInscription each: its size does not depend on its text, so that
 * showing another cluster in the lines costs no new layout of the table. */
static GtkWidget *
setup_cell (GtkListItem *list_item,
            float        xalign,
            guint        min_chars,
            guint        nat_chars,
            const char  *css_class)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), xalign);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), nat_chars);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (cell, css_class);
  gtk_list_item_set_child (list_item, cell);
  return cell;
}

static void
text_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  setup_cell (list_item, 0, 4, 5, "numeric");
}

static void
mono_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  setup_cell (list_item, 0, 6, 7, "monospace");
}

static void
number_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  setup_cell (list_item, 1, 4, 6, "numeric");
}

static void
points_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  /* "100 / 100" whole. */
  setup_cell (list_item, 1, 9, 9, "numeric");
}

/* The whole name, where the column is too narrow for it; asked for only
 * when the pointer rests on the cell. */
static gboolean
name_query_tooltip_cb (GtkWidget   *cell,
                       int          x,
                       int          y,
                       gboolean     keyboard,
                       GtkTooltip  *tooltip,
                       GtkListItem *list_item)
{
  ClwPracticeRow *row = gtk_list_item_get_item (list_item);
  ClwPracticeResult *result = row != NULL ? clw_practice_row_get_result (row) : NULL;

  if (result == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, clw_practice_result_get_name (result));
  return TRUE;
}

static void
name_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  /* Most names of practices whole in a window of 1280 pixels: the column
   * view gives the other columns their natural width first and the rest to
   * this one. Its minimum is small so that languages with longer column
   * titles (Welsh) shorten the names, which have a tooltip, rather than
   * push the points out of sight. */
  GtkWidget *cell = setup_cell (list_item, 0, 10, 30, NULL);

  gtk_widget_set_has_tooltip (cell, TRUE);
  g_signal_connect (cell, "query-tooltip", G_CALLBACK (name_query_tooltip_cb), list_item);
}

/* What a cell shows of its line's practice; @data is the column's. */
typedef void (*CellUpdate) (GtkWidget         *cell,
                            ClwPracticeResult *result,
                            gpointer           data);

static void
cell_update (GtkListItem *list_item)
{
  CellUpdate update = g_object_get_data (G_OBJECT (list_item), "clw-update");
  ClwPracticeRow *row = gtk_list_item_get_item (list_item);

  if (update != NULL && row != NULL)
    update (gtk_list_item_get_child (list_item), clw_practice_row_get_result (row),
            g_object_get_data (G_OBJECT (list_item), "clw-update-data"));
}

static void
row_changed_cb (ClwPracticeRow *row,
                GParamSpec     *pspec,
                GtkListItem    *list_item)
{
  cell_update (list_item);
}

/* Show the line's practice now, and whenever the line shows another. */
static void
bind_cell (GtkListItem *list_item,
           CellUpdate   update,
           gpointer     data)
{
  ClwPracticeRow *row = gtk_list_item_get_item (list_item);
  gulong id;

  g_object_set_data (G_OBJECT (list_item), "clw-update", update);
  g_object_set_data (G_OBJECT (list_item), "clw-update-data", data);
  cell_update (list_item);

  id = g_signal_connect (row, "notify::result", G_CALLBACK (row_changed_cb), list_item);
  g_object_set_data (G_OBJECT (list_item), "clw-row", row);
  g_object_set_data (G_OBJECT (list_item), "clw-row-handler", GSIZE_TO_POINTER (id));
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  ClwPracticeRow *row = g_object_get_data (G_OBJECT (list_item), "clw-row");
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "clw-row-handler"));

  if (row != NULL && id != 0)
    g_signal_handler_disconnect (row, id);
  g_object_set_data (G_OBJECT (list_item), "clw-row", NULL);
  g_object_set_data (G_OBJECT (list_item), "clw-row-handler", NULL);
}

static void
set_text (GtkWidget *cell,
          char      *text)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  g_free (text);
}

static void
update_code (GtkWidget         *cell,
             ClwPracticeResult *result,
             gpointer           data)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), clw_practice_result_get_code (result));
}

static void
update_name (GtkWidget         *cell,
             ClwPracticeResult *result,
             gpointer           data)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), clw_practice_result_get_name (result));
}

static void
update_partners (GtkWidget         *cell,
                 ClwPracticeResult *result,
                 gpointer           data)
{
  set_text (cell, g_strdup_printf ("%d", clw_practice_result_get_partners (result)));
}

static void
update_list_size (GtkWidget         *cell,
                  ClwPracticeResult *result,
                  gpointer           data)
{
  set_text (cell, clw_format_count (clw_practice_result_get_list_size (result)));
}

static void
update_meetings (GtkWidget         *cell,
                 ClwPracticeResult *result,
                 gpointer           data)
{
  /* Translators: meetings whose attendance counted, and how many are required: "3 / 4" */
  set_text (cell, g_strdup_printf (_("%d / %d"),
                                   clw_practice_result_get_meetings_counted (result),
                                   clw_practice_result_get_meetings_required (result)));
}

static void
update_buddy (GtkWidget         *cell,
              ClwPracticeResult *result,
              gpointer           data)
{
  const char *buddy = clw_practice_result_get_buddy_code (result);

  /* Translators: no buddy practice */
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), buddy != NULL ? buddy : C_("buddy", "—"));
}

static void
update_points (GtkWidget         *cell,
               ClwPracticeResult *result,
               gpointer           data)
{
  /* Translators: QAIF points earned, and those possible: "60 / 100" */
  set_text (cell, g_strdup_printf (_("%d / %d"),
                                   clw_practice_result_get_points (result),
                                   clw_practice_result_get_points_possible (result)));
}

/* A verdict in a chip of the table, where four columns of chips share the
 * width with the practices' names: a language may give a shorter word
 * here than the verdict's label elsewhere. */
static const char *
chip_label (ClwVerdict verdict)
{
  switch (verdict)
    {
    case CLW_VERDICT_ACHIEVED:
      return C_("verdict chip", "Achieved");
    case CLW_VERDICT_ON_TRACK:
      return C_("verdict chip", "On track");
    case CLW_VERDICT_AT_RISK:
      return C_("verdict chip", "At risk");
    case CLW_VERDICT_NOT_ACHIEVED:
    default:
      return C_("verdict chip", "Not achieved");
    }
}

/* How many of its characters @chip needs for the widest chip in its own
 * font, whatever the language: GtkInscription sizes itself in
 * characters of an average width, which names of verdicts are not. */
static guint
chip_chars (GtkWidget *chip)
{
  PangoContext *context = gtk_widget_get_pango_context (chip);
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  /* What GtkInscription counts a character as. */
  int char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                        pango_font_metrics_get_approximate_digit_width (metrics));
  int widest = 0;

  pango_font_metrics_unref (metrics);

  for (int v = 0; v < CLW_N_VERDICTS; v++)
    {
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      int width;

      pango_layout_set_text (layout, chip_label (v), -1);
      pango_layout_get_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }

  if (char_width <= 0)
    return 12;
  return (guint) ((widest + char_width - 1) / char_width);
}

static void
update_verdict (GtkWidget         *cell,
                ClwPracticeResult *result,
                gpointer           data)
{
  guint index = GPOINTER_TO_UINT (data);
  ClwVerdict verdict;

  if (index >= clw_practice_result_get_n_indicators (result))
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), NULL);
      return;
    }

  verdict = clw_practice_result_get_verdict (result, index);
  for (int v = 0; v < CLW_N_VERDICTS; v++)
    gtk_widget_remove_css_class (cell, clw_verdict_css_class (v));
  gtk_widget_add_css_class (cell, "verdict-chip");
  gtk_widget_add_css_class (cell, clw_verdict_css_class (verdict));
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), chip_label (verdict));
}

static void
code_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  bind_cell (list_item, update_code, NULL);
}

static void
name_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  bind_cell (list_item, update_name, NULL);
}

static void
partners_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  bind_cell (list_item, update_partners, NULL);
}

static void
list_size_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  bind_cell (list_item, update_list_size, NULL);
}

static void
meetings_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  bind_cell (list_item, update_meetings, NULL);
}

static void
buddy_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  bind_cell (list_item, update_buddy, NULL);
}

static void
points_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  bind_cell (list_item, update_points, NULL);
}

/* The columns of the indicators ------------------------------------------------ */

/* The engine's first reason, asked for only when the pointer rests on the
 * chip: setting a tooltip on every chip bound would cost a round trip to
 * the display server each. */
static gboolean
verdict_query_tooltip_cb (GtkWidget   *label,
                          int          x,
                          int          y,
                          gboolean     keyboard,
                          GtkTooltip  *tooltip,
                          GtkListItem *list_item)
{
  ClwPracticeRow *row = gtk_list_item_get_item (list_item);
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "indicator"));
  ClwPracticeResult *result = row != NULL ? clw_practice_row_get_result (row) : NULL;
  const ClwIndicatorResult *indicator;

  if (result == NULL || index >= clw_practice_result_get_n_indicators (result))
    return FALSE;

  indicator = clw_practice_result_get_indicator (result, index);
  if (indicator->reasons == NULL || indicator->reasons[0] == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, indicator->reasons[0]);
  return TRUE;
}

static void
verdict_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  GtkWidget *label = gtk_inscription_new (NULL);
  guint chars;

  /* The chip's font (smaller, bold) before measuring in it. */
  gtk_widget_add_css_class (label, "verdict-chip");
  chars = chip_chars (label);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), chars);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), chars);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (label), 0.5);
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  g_object_set_data (G_OBJECT (label), "indicator", g_object_get_data (G_OBJECT (factory), "indicator"));
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (verdict_query_tooltip_cb), list_item);
  gtk_list_item_set_child (list_item, label);
}

static void
verdict_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  bind_cell (list_item, update_verdict, g_object_get_data (G_OBJECT (factory), "indicator"));
}

static int
compare_verdicts (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  guint index = GPOINTER_TO_UINT (user_data);
  ClwPracticeResult *first = row_result ((ClwPracticeRow *) a);
  ClwPracticeResult *second = row_result ((ClwPracticeRow *) b);
  int x = index < clw_practice_result_get_n_indicators (first) ? (int) clw_practice_result_get_verdict (first, index) : 0;
  int y = index < clw_practice_result_get_n_indicators (second) ? (int) clw_practice_result_get_verdict (second, index) : 0;

  return x < y ? GTK_ORDERING_SMALLER : x > y ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
rebuild_indicator_columns (ClwClusterDashboard *self,
                           ClwQaifReport       *report)
{
  GListModel *indicators = clw_qaif_report_get_indicators (report);
  guint n = g_list_model_get_n_items (indicators);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) codes = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwIndicator) indicator = g_list_model_get_item (indicators, i);
      g_strv_builder_add (builder, clw_indicator_get_code (indicator));
    }
  codes = g_strv_builder_end (builder);

  if (self->indicator_codes != NULL &&
      g_strv_equal ((const char * const *) codes, (const char * const *) self->indicator_codes))
    return;

  for (guint i = 0; i < self->indicator_columns->len; i++)
    gtk_column_view_remove_column (self->practices_view, g_ptr_array_index (self->indicator_columns, i));
  g_ptr_array_set_size (self->indicator_columns, 0);

  /* The points come last: take the column out and put it back after. */
  g_object_ref (self->points_column);
  gtk_column_view_remove_column (self->practices_view, self->points_column);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_verdicts,
                                                                      GUINT_TO_POINTER (i), NULL));
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "indicator", GUINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (verdict_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (verdict_bind_cb), NULL);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), NULL);

      column = gtk_column_view_column_new (codes[i], g_object_ref (factory));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_append_column (self->practices_view, column);
      g_ptr_array_add (self->indicator_columns, column);
    }

  gtk_column_view_append_column (self->practices_view, self->points_column);
  g_object_unref (self->points_column);

  g_clear_pointer (&self->indicator_codes, g_strfreev);
  self->indicator_codes = g_steal_pointer (&codes);
}

/* The tiles ------------------------------------------------------------------- */

/* One row an indicator: how many practices have each verdict. The grid is
 * made again only when the indicators change; otherwise its cells are. */
static void
build_indicator_grid (ClwClusterDashboard *self,
                      ClwQaifReport       *report,
                      ClwClusterSummary   *summary)
{
  GListModel *indicators = clw_qaif_report_get_indicators (report);
  guint n = clw_cluster_summary_get_n_indicators (summary);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->indicators_grid))) != NULL)
    gtk_grid_remove (self->indicators_grid, child);

  for (int v = 0; v < CLW_N_VERDICTS; v++)
    {
      /* The chips' short words, so that the card keeps its height in Welsh. */
      GtkWidget *header = gtk_label_new (chip_label (v));

      gtk_widget_set_tooltip_text (header, clw_verdict_to_label (v));
      gtk_label_set_wrap (GTK_LABEL (header), TRUE);
      gtk_label_set_justify (GTK_LABEL (header), GTK_JUSTIFY_CENTER);
      gtk_label_set_max_width_chars (GTK_LABEL (header), 8);
      gtk_widget_add_css_class (header, "caption");
      gtk_widget_add_css_class (header, "verdict-text");
      gtk_widget_add_css_class (header, clw_verdict_css_class (v));
      gtk_grid_attach (self->indicators_grid, header, v + 1, 0, 1, 1);
    }

  for (guint i = 0; i < n; i++)
    {
      const char *code = clw_cluster_summary_get_indicator_code (summary, i);
      g_autoptr(ClwIndicator) indicator = i < g_list_model_get_n_items (indicators)
                                            ? g_list_model_get_item (indicators, i) : NULL;
      GtkWidget *label = gtk_label_new (code);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "monospace");
      if (indicator != NULL)
        clw_widget_set_lazy_tooltip (label, clw_indicator_get_title (indicator));
      gtk_grid_attach (self->indicators_grid, label, 0, i + 1, 1, 1);

      for (int v = 0; v < CLW_N_VERDICTS; v++)
        {
          g_autofree char *name = g_strdup_printf ("indicator-%s-%s", code, clw_verdict_css_class (v));
          GtkWidget *cell = gtk_label_new (NULL);

          gtk_widget_set_name (cell, name);
          gtk_widget_add_css_class (cell, "numeric");
          gtk_grid_attach (self->indicators_grid, cell, v + 1, i + 1, 1, 1);
        }
    }
}

static void
update_indicator_grid (ClwClusterDashboard *self,
                       ClwQaifReport       *report,
                       ClwClusterSummary   *summary)
{
  guint n = clw_cluster_summary_get_n_indicators (summary);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) codes = NULL;

  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, clw_cluster_summary_get_indicator_code (summary, i));
  codes = g_strv_builder_end (builder);

  if (self->grid_codes == NULL ||
      !g_strv_equal ((const char * const *) codes, (const char * const *) self->grid_codes))
    {
      build_indicator_grid (self, report, summary);
      g_strfreev (self->grid_codes);
      self->grid_codes = g_steal_pointer (&codes);
    }

  for (guint i = 0; i < n; i++)
    {
      const char *code = clw_cluster_summary_get_indicator_code (summary, i);

      for (int v = 0; v < CLW_N_VERDICTS; v++)
        {
          int count = clw_cluster_summary_count_verdict (summary, i, v);
          GtkWidget *cell = gtk_grid_get_child_at (self->indicators_grid, v + 1, i + 1);
          g_autofree char *text = g_strdup_printf ("%d", count);
          g_autofree char *description = NULL;
          gboolean alarming = count > 0 && v >= CLW_VERDICT_AT_RISK;

          /* Translators: for screen readers, a cell of the indicators card: "CND014W: 3 practices achieved" */
          description = g_strdup_printf (ngettext ("%s: %d practice %s", "%s: %d practices %s", count),
                                         code, count, clw_verdict_to_label (v));
          gtk_label_set_label (GTK_LABEL (cell), text);
          gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);

          for (int w = 0; w < CLW_N_VERDICTS; w++)
            gtk_widget_remove_css_class (cell, clw_verdict_css_class (w));
          gtk_widget_remove_css_class (cell, "verdict-text");
          gtk_widget_remove_css_class (cell, "heading");
          gtk_widget_remove_css_class (cell, "dim-label");
          if (alarming)
            {
              gtk_widget_add_css_class (cell, "verdict-text");
              gtk_widget_add_css_class (cell, clw_verdict_css_class (v));
              gtk_widget_add_css_class (cell, "heading");
            }
          else if (count == 0)
            gtk_widget_add_css_class (cell, "dim-label");
        }
    }
}

static void
update_tiles (ClwClusterDashboard *self,
              ClwQaifReport       *report,
              ClwClusterSummary   *summary)
{
  int pence = clw_qaif_report_get_pence_per_point (report);
  int points = clw_cluster_summary_get_points (summary);
  int possible = clw_cluster_summary_get_points_possible (summary);
  int held = clw_cluster_summary_get_meetings_held (summary);
  int planned = clw_cluster_summary_get_meetings_planned (summary);
  int required = clw_cluster_summary_get_meetings_required (summary);
  int days = clw_cluster_summary_get_days_left (summary);
  int submitted = clw_cluster_summary_get_imtp_submitted (summary);
  int total = clw_cluster_summary_get_imtp_total (summary);
  int pending = clw_cluster_summary_get_pending_requests (summary);
  g_autofree char *deadline = NULL;
  g_autofree char *text = NULL;

  {
    const GDate *date = clw_qaif_report_get_deadline (report);
    g_autofree char *iso = date != NULL ? clw_date_format_iso (date) : NULL;
    deadline = clw_format_date (iso);
  }

  {
    g_autofree char *earned = clw_format_count (points);
    g_autofree char *all = clw_format_count (possible);

    /* Translators: QAIF points earned of those possible: "1,240 of 1,500" */
    text = g_strdup_printf (_("%s of %s"), earned, all);
    clw_stat_tile_set_value (self->points_tile, text);
    g_clear_pointer (&text, g_free);
  }
  if (pence > 0)
    {
      g_autofree char *earned = clw_format_money ((gint64) points * pence);
      g_autofree char *all = clw_format_money ((gint64) possible * pence);
      /* Translators: the money QAIF points are worth: "£22,196 of £26,850" */
      text = g_strdup_printf (_("Worth %s of %s"), earned, all);
    }
  clw_stat_tile_set_caption (self->points_tile, text != NULL ? text : "");
  g_clear_pointer (&text, g_free);

  text = g_strdup_printf (ngettext ("%d held", "%d held", held), held);
  clw_stat_tile_set_value (self->meetings_tile, text);
  g_clear_pointer (&text, g_free);
  /* Translators: "2 planned · 4 required this cycle" */
  text = g_strdup_printf (ngettext ("%d planned · %d required",
                                    "%d planned · %d required", planned),
                          planned, required);
  clw_stat_tile_set_caption (self->meetings_tile, text);
  g_clear_pointer (&text, g_free);
  clw_stat_tile_set_level (self->meetings_tile,
                           held + planned < required ? CLW_STAT_TILE_ERROR
                           : held < required && days == 0 ? CLW_STAT_TILE_ERROR
                           : CLW_STAT_TILE_NORMAL);

  /* Translators: the heading of the tile of days left, with the deadline: "Until 30 Sep 2023" */
  text = g_strdup_printf (_("Until %s"), deadline);
  g_object_set (self->days_tile, "heading", text, NULL);
  g_clear_pointer (&text, g_free);
  if (days > 0)
    text = g_strdup_printf (ngettext ("%d day", "%d days", days), days);
  else
    text = g_strdup (_("Passed"));
  clw_stat_tile_set_value (self->days_tile, text);
  clw_stat_tile_set_caption (self->days_tile, _("IMTP contributions are due then"));
  g_clear_pointer (&text, g_free);

  /* Translators: IMTP contributions submitted of all: "5 of 8" */
  text = g_strdup_printf (_("%d of %d"), submitted, total);
  clw_stat_tile_set_value (self->imtp_tile, text);
  clw_stat_tile_set_caption (self->imtp_tile, _("submitted to the health board"));
  clw_stat_tile_set_level (self->imtp_tile,
                           submitted < total && days == 0 ? CLW_STAT_TILE_ERROR
                           : submitted < total && days <= 30 ? CLW_STAT_TILE_WARNING
                           : CLW_STAT_TILE_NORMAL);
  g_clear_pointer (&text, g_free);

  text = g_strdup_printf ("%d", pending);
  clw_stat_tile_set_value (self->requests_tile, text);
  clw_stat_tile_set_caption (self->requests_tile,
                             ngettext ("request for the health board",
                                       "requests for the health board",
                                       pending));
  clw_stat_tile_set_level (self->requests_tile, pending > 0 ? CLW_STAT_TILE_WARNING : CLW_STAT_TILE_NORMAL);

  update_indicator_grid (self, report, summary);
  clw_attendance_chart_set_summary (self->chart, summary);
}

/* The lines keep their widgets: they take the new practices in order,
 * lines are added or removed only for the difference in number. */
static void
show_practices (ClwClusterDashboard *self,
                GListModel          *practices)
{
  guint n_new = practices != NULL ? g_list_model_get_n_items (practices) : 0;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint n_kept = MIN (n_new, n_old);

  for (guint i = 0; i < n_kept; i++)
    {
      g_autoptr(ClwPracticeRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      g_autoptr(ClwPracticeResult) result = g_list_model_get_item (practices, i);

      clw_practice_row_set_result (row, result);
    }

  if (n_new > n_old)
    {
      g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = n_old; i < n_new; i++)
        {
          g_autoptr(ClwPracticeResult) result = g_list_model_get_item (practices, i);
          g_ptr_array_add (added, clw_practice_row_new (result));
        }
      g_list_store_splice (self->rows, n_old, 0, added->pdata, added->len);
    }
  else if (n_new < n_old)
    g_list_store_splice (self->rows, n_new, n_old - n_new, NULL, 0);

  /* The lines show other practices: sort them again. */
  gtk_sorter_changed (gtk_column_view_get_sorter (self->practices_view), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
refresh_now (ClwClusterDashboard *self)
{
  ClwQaifReport *report = self->session != NULL ? clw_session_get_report (self->session) : NULL;
  ClwClusterSummary *summary;
  g_autoptr(GListModel) practices = NULL;
  GtkAdjustment *vadjustment;
  double scrolled;

  if (self->cluster_id == NULL || report == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }

  summary = clw_qaif_report_lookup_cluster (report, self->cluster_id);
  if (summary == NULL)
    {
      g_autofree char *description =
        g_strdup_printf (_("This cluster was not in being in the %s cycle. Choose another cycle "
                           "at the top of the window."), clw_qaif_report_get_cycle_code (report));

      adw_status_page_set_title (self->empty_page, _("Not a Cluster This Cycle"));
      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (clw_cluster_summary_get_n_practices (summary) == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Practices"));
      adw_status_page_set_description (self->empty_page,
                                       _("The cluster has no practices yet. Import them from a "
                                         "dataset file with “clwstwr-cli import FILE”, then "
                                         "their meetings and attendance can be recorded here."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  {
    const GDate *as_of = clw_qaif_report_get_as_of (report);
    g_autofree char *iso = as_of != NULL ? clw_date_format_iso (as_of) : NULL;
    g_autofree char *date = clw_format_date (iso);
    g_autofree char *text = NULL;

    /* Translators: above the dashboard: "QAIF cycle 2022-23, as of 15 Jun 2023" */
    text = g_strdup_printf (_("QAIF cycle %s, as of %s"), clw_qaif_report_get_cycle_code (report), date);
    gtk_label_set_label (self->as_of_label, text);
  }

  update_tiles (self, report, summary);
  rebuild_indicator_columns (self, report);

  /* Keep the place in the list when the same cluster is shown again after
   * an edit. */
  vadjustment = gtk_scrolled_window_get_vadjustment (self->practices_scroller);
  scrolled = gtk_adjustment_get_value (vadjustment);
  practices = clw_session_list_cluster_practices (self->session, self->cluster_id);
  show_practices (self, practices);
  gtk_adjustment_set_value (vadjustment, scrolled);

  gtk_stack_set_visible_child_name (self->stack, "dashboard");
}

/* Only what is on screen is kept up to date; the rest when it is shown. */
static void
refresh (ClwClusterDashboard *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = FALSE;
      refresh_now (self);
    }
  else
    self->dirty = TRUE;
}

static void
clw_cluster_dashboard_map (GtkWidget *widget)
{
  ClwClusterDashboard *self = CLW_CLUSTER_DASHBOARD (widget);

  GTK_WIDGET_CLASS (clw_cluster_dashboard_parent_class)->map (widget);

  if (self->dirty)
    {
      self->dirty = FALSE;
      refresh_now (self);
    }
}

static void
practice_activated_cb (ClwClusterDashboard *self,
                       guint                position)
{
  g_autoptr(ClwPracticeRow) row = g_list_model_get_item (G_LIST_MODEL (self->practices_sorted), position);

  if (row != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-practice", "s",
                                clw_practice_result_get_practice_id (clw_practice_row_get_result (row)));
}

static void
tile_activated_cb (ClwClusterDashboard *self,
                   GtkFlowBoxChild     *child)
{
  if (gtk_flow_box_child_get_child (child) == GTK_WIDGET (self->requests_tile))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-decisions", NULL);
  else if (gtk_flow_box_child_get_child (child) == GTK_WIDGET (self->meetings_tile))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.view", "i", 1);
  else if (gtk_flow_box_child_get_child (child) == GTK_WIDGET (self->imtp_tile))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-cluster-view", "s", "imtp");
}

/* Below this width the chart and the indicators go under the tiles
 * instead of beside them. */
#define SIDE_BY_SIDE_MIN_WIDTH 760

static void
update_band_cb (gpointer user_data)
{
  ClwClusterDashboard *self = user_data;
  gboolean wide = gtk_widget_get_width (GTK_WIDGET (self)) >= SIDE_BY_SIDE_MIN_WIDTH;

  self->chart_source = 0;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->band),
                                  wide ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_size_request (self->side_column, wide ? 320 : -1, -1);
}

static void
clw_cluster_dashboard_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  ClwClusterDashboard *self = CLW_CLUSTER_DASHBOARD (widget);
  gboolean wide = width >= SIDE_BY_SIDE_MIN_WIDTH;
  gboolean horizontal = gtk_orientable_get_orientation (GTK_ORIENTABLE (self->band)) == GTK_ORIENTATION_HORIZONTAL;

  GTK_WIDGET_CLASS (clw_cluster_dashboard_parent_class)->size_allocate (widget, width, height, baseline);

  /* Not during the allocation: changing the layout queues another. */
  if (wide != horizontal && self->chart_source == 0)
    self->chart_source = g_idle_add_once (update_band_cb, self);
}

static void
clw_cluster_dashboard_dispose (GObject *object)
{
  ClwClusterDashboard *self = (ClwClusterDashboard *) object;

  g_clear_handle_id (&self->chart_source, g_source_remove);

  clw_cluster_dashboard_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_CLUSTER_DASHBOARD);
  clw_widget_unparent_children (GTK_WIDGET (self));
  g_clear_pointer (&self->indicator_columns, g_ptr_array_unref);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (clw_cluster_dashboard_parent_class)->dispose (object);
}

static void
clw_cluster_dashboard_finalize (GObject *object)
{
  ClwClusterDashboard *self = (ClwClusterDashboard *) object;

  g_free (self->cluster_id);
  g_strfreev (self->indicator_codes);
  g_strfreev (self->grid_codes);

  G_OBJECT_CLASS (clw_cluster_dashboard_parent_class)->finalize (object);
}

static void
clw_cluster_dashboard_class_init (ClwClusterDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_cluster_dashboard_dispose;
  object_class->finalize = clw_cluster_dashboard_finalize;

  widget_class->map = clw_cluster_dashboard_map;

  widget_class->size_allocate = clw_cluster_dashboard_size_allocate;

  g_type_ensure (CLW_TYPE_ATTENDANCE_CHART);
  g_type_ensure (CLW_TYPE_STAT_TILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clwstwr/Clwstwr/ui/clw-cluster-dashboard.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwClusterDashboard, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, ClwClusterDashboard, band);
  gtk_widget_class_bind_template_child (widget_class, ClwClusterDashboard, chart);
  gtk_widget_class_bind_template_child (widget_class, ClwClusterDashboard, days_tile);
  gtk_widget_class_bind_template_child (widget_class, ClwClusterDashboard, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ClwClusterDashboard, imtp_tile);
  gtk_widget_class_bind_template_child (widget_class, ClwClusterDashboard, indicators_grid);
  gtk_widget_class_bind_template_child (widget_class, ClwClusterDashboard, meetings_tile);
  gtk_widget_class_bind_template_child (widget_class, ClwClusterDashboard, points_column);
  gtk_widget_class_bind_template_child (widget_class, ClwClusterDashboard, points_tile);
  gtk_widget_class_bind_template_child (widget_class, ClwClusterDashboard, practices_scroller);
  gtk_widget_class_bind_template_child (widget_class, ClwClusterDashboard, practices_sorted);
  gtk_widget_class_bind_template_child (widget_class, ClwClusterDashboard, practices_view);
  gtk_widget_class_bind_template_child (widget_class, ClwClusterDashboard, requests_tile);
  gtk_widget_class_bind_template_child (widget_class, ClwClusterDashboard, side_column);
  gtk_widget_class_bind_template_child (widget_class, ClwClusterDashboard, stack);
  gtk_widget_class_bind_template_child (widget_class, ClwClusterDashboard, tiles);
  gtk_widget_class_bind_template_callback (widget_class, buddy_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, cell_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, code_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_size_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, meetings_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, mono_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, number_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, points_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, partners_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, points_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, practice_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_buddy_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_code_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_list_size_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_meetings_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_partners_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_points_cb);
  gtk_widget_class_bind_template_callback (widget_class, tile_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
clw_cluster_dashboard_init (ClwClusterDashboard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->indicator_columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_list_store_new (CLW_TYPE_PRACTICE_ROW);
  gtk_sort_list_model_set_model (self->practices_sorted, G_LIST_MODEL (self->rows));
  gtk_sort_list_model_set_sorter (self->practices_sorted, gtk_column_view_get_sorter (self->practices_view));
}

void
clw_cluster_dashboard_set_session (ClwClusterDashboard *self,
                                   ClwSession          *session)
{
  g_return_if_fail (CLW_IS_CLUSTER_DASHBOARD (self));
  g_return_if_fail (session == NULL || CLW_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_clear_signal_handler (&self->report_id, self->session);
  g_set_object (&self->session, session);
  if (session != NULL)
    self->report_id = g_signal_connect_object (session, "notify::report",
                                               G_CALLBACK (refresh), self,
                                               G_CONNECT_SWAPPED);
  g_clear_pointer (&self->cluster_id, g_free);

  if (self->rows != NULL)
    {
      g_list_store_remove_all (self->rows);
      refresh (self);
    }
}

void
clw_cluster_dashboard_set_cluster_id (ClwClusterDashboard *self,
                                      const char          *cluster_id)
{
  g_return_if_fail (CLW_IS_CLUSTER_DASHBOARD (self));

  if (g_strcmp0 (self->cluster_id, cluster_id) == 0)
    return;

  g_free (self->cluster_id);
  self->cluster_id = g_strdup (cluster_id);

  /* Another cluster starts at the top of its list. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->practices_scroller), 0);
  refresh (self);
}
