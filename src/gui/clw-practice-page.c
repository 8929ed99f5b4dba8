/* clw-practice-page.c: one practice: details, attendance, arrangements, evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The verdicts, the reason each meeting counted or not, the missing
 * evidence and the IMTP status come from the session's report; the
 * details, arrangements and evidence are the practice's records. Details
 * are stored as they are edited (a burst of clicks on a spin button is one
 * change).
 */

#define G_LOG_DOMAIN "clw-practice-page"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-evidence-list.h"
#include "clw-gui-util.h"
#include "clw-practice-page.h"

#define DETAILS_PAUSE_MS 700

struct _ClwPracticePage
{
  GtkWidget            parent_instance;

  ClwSession          *session;         /* owned */
  char                *practice_id;     /* owned */
  ClwPractice         *practice;        /* owned */
  char                *title;           /* owned */
  GHashTable          *rows;            /* owned: group -> GPtrArray of the rows made */
  gulong               changed_id;
  gulong               report_id;
  guint                details_source;
  gboolean             updating;

  /* Template children */
  AdwPreferencesGroup *arrangements_group;
  GtkSpinButton       *branches_spin;
  ClwEvidenceList     *evidence_list;
  AdwPreferencesGroup *imtp_group;
  GtkSpinButton       *list_size_spin;
  AdwPreferencesGroup *meetings_group;
  AdwPreferencesGroup *missing_group;
  AdwEntryRow         *name_row;
  GtkSpinButton       *partners_spin;
  GtkStack            *stack;
  GtkLabel            *subtitle_label;
  GtkSwitch           *sustainability_switch;
  GtkLabel            *title_label;
  AdwPreferencesGroup *verdicts_group;
};

G_DEFINE_FINAL_TYPE (ClwPracticePage, clw_practice_page, GTK_TYPE_WIDGET)

/* Rows made in code ------------------------------------------------------------- */

static void
clear_group (ClwPracticePage     *self,
             AdwPreferencesGroup *group)
{
  GPtrArray *rows = g_hash_table_lookup (self->rows, group);

  if (rows == NULL)
    return;

  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
add_row (ClwPracticePage     *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  GPtrArray *rows = g_hash_table_lookup (self->rows, group);

  if (rows == NULL)
    {
      rows = g_ptr_array_new ();
      g_hash_table_insert (self->rows, group, rows);
    }

  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle,
          const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon_name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  return row;
}

static GtkWidget *
chip (ClwVerdict verdict)
{
  GtkWidget *label = gtk_label_new (NULL);

  clw_verdict_chip_set (GTK_LABEL (label), verdict);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

/* A button that attaches files as evidence of @kind (or -1) for the
 * indicator @indicator_id (or NULL); @what names it for screen readers. */
static void
attach_clicked_cb (GtkButton       *button,
                   ClwPracticePage *self)
{
  clw_evidence_list_choose_files (self->evidence_list,
                                  GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "kind")),
                                  g_object_get_data (G_OBJECT (button), "indicator-id"));
}

static GtkWidget *
attach_button (ClwPracticePage *self,
               int              kind,
               const char      *indicator_id,
               const char      *what)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Attach…"));
  /* Translators: the accessible label of a button: "Attach evidence: Partnership working" */
  g_autofree char *label = g_strdup_printf (_("Attach evidence: %s"), what);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (button), "indicator-id", g_strdup (indicator_id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (attach_clicked_cb), self);
  return button;
}

static GtkWidget *
attach_row (ClwPracticePage *self,
            const char      *title,
            int              kind,
            const char      *indicator_id,
            const char      *what)
{
  GtkWidget *row = text_row (title, NULL, "mail-attachment-symbolic");

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), attach_button (self, kind, indicator_id, what));
  return row;
}

/* From the report ----------------------------------------------------------------- */

static void
show_result (ClwPracticePage *self)
{
  ClwQaifReport *report = self->session != NULL ? clw_session_get_report (self->session) : NULL;
  ClwPracticeResult *result = NULL;
  GListModel *indicators;

  clear_group (self, self->verdicts_group);
  clear_group (self, self->meetings_group);
  clear_group (self, self->imtp_group);
  clear_group (self, self->missing_group);
  gtk_widget_set_visible (GTK_WIDGET (self->missing_group), FALSE);

  if (report != NULL && self->practice_id != NULL)
    result = clw_qaif_report_lookup_practice (report, self->practice_id);

  if (result == NULL)
    {
      add_row (self, self->verdicts_group,
               text_row (report == NULL ? _("Working out the verdicts…")
                                        : _("The practice is not in this cycle’s report"),
                         NULL, NULL));
      return;
    }

  {
    g_autofree char *points = g_strdup_printf (_("%d of %d QAIF points"),
                                               clw_practice_result_get_points (result),
                                               clw_practice_result_get_points_possible (result));
    g_autofree char *subtitle = g_strdup_printf (_("%s · cycle %s"), points, clw_qaif_report_get_cycle_code (report));

    adw_preferences_group_set_description (self->verdicts_group, subtitle);
  }

  /* One row an indicator, with every reason the engine gives. */
  indicators = clw_qaif_report_get_indicators (report);
  for (guint i = 0; i < clw_practice_result_get_n_indicators (result); i++)
    {
      const ClwIndicatorResult *indicator = clw_practice_result_get_indicator (result, i);
      g_autoptr(ClwIndicator) definition = i < g_list_model_get_n_items (indicators)
                                             ? g_list_model_get_item (indicators, i) : NULL;
      GtkWidget *row = adw_expander_row_new ();
      g_autofree char *title = definition != NULL
                                 ? g_strdup_printf (_("%s · %s"), indicator->code, clw_indicator_get_title (definition))
                                 : g_strdup (indicator->code);
      g_autofree char *points = g_strdup_printf (_("%d of %d points"), indicator->points, indicator->points_possible);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row),
                                     indicator->reasons != NULL && indicator->reasons[0] != NULL
                                       ? indicator->reasons[0] : points);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), chip (indicator->verdict));

      add_row (self, self->verdicts_group, row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text_row (points, NULL, NULL));
      for (guint r = 0; indicator->reasons != NULL && indicator->reasons[r] != NULL; r++)
        {
          GtkWidget *reason = text_row (indicator->reasons[r], NULL, NULL);
          adw_action_row_set_title_lines (ADW_ACTION_ROW (reason), 0);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), reason);
        }
      if (definition != NULL)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                  attach_row (self, _("Evidence for this indicator"), -1,
                                              clw_record_get_id (CLW_RECORD (definition)), indicator->code));
    }

  /* The meetings, with the reason each counted or not. */
  if (clw_practice_result_get_n_meetings (result) == 0)
    add_row (self, self->meetings_group,
             text_row (_("No meetings of the collaborative this cycle"), NULL, NULL));
  for (guint i = 0; i < clw_practice_result_get_n_meetings (result); i++)
    {
      const ClwMeetingOutcome *outcome = clw_practice_result_get_meeting (result, i);
      g_autofree char *when = clw_format_datetime (outcome->starts_at);
      const char *icon;
      GtkWidget *row;

      if (outcome->status == CLW_MEETING_STATUS_CANCELLED)
        icon = "edit-delete-symbolic";
      else if (outcome->in_future)
        icon = "x-office-calendar-symbolic";
      else if (outcome->counted)
        icon = "emblem-ok-symbolic";
      else
        icon = "dialog-warning-symbolic";

      row = text_row (when, outcome->warning != NULL ? outcome->warning : outcome->reason, icon);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-meeting");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", outcome->meeting_id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      add_row (self, self->meetings_group, row);
    }

  /* The IMTP contribution. */
  {
    const char *status;
    g_autofree char *subtitle = NULL;

    if (!clw_practice_result_has_imtp_contribution (result))
      status = _("Not started");
    else
      status = clw_contribution_status_to_label (clw_practice_result_get_imtp_status (result));

    {
      const GDate *deadline = clw_qaif_report_get_deadline (report);
      g_autofree char *iso = deadline != NULL ? clw_date_format_iso (deadline) : NULL;
      g_autofree char *date = clw_format_date (iso);
      subtitle = g_strdup_printf (_("Due to the health board by %s"), date);
    }
    {
      GtkWidget *row = text_row (status, subtitle, NULL);

      /* The contribution itself, in its editor. */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", self->practice_id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-imtp");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      add_row (self, self->imtp_group, row);
    }
  }

  /* Evidence the cycle asks for that is still missing. */
  for (guint i = 0; i < clw_practice_result_get_n_missing_evidence (result); i++)
    {
      const ClwMissingEvidence *missing = clw_practice_result_get_missing_evidence (result, i);
      g_autofree char *due = clw_format_date (missing->due_on);
      g_autofree char *title = g_strdup_printf (_("Missing: %s"), clw_evidence_kind_to_label (missing->kind));
      g_autofree char *subtitle = g_strdup_printf (missing->overdue ? _("%s · was due %s") : _("%s · due %s"),
                                                   missing->description, due);
      GtkWidget *row = text_row (title, subtitle, missing->blocking ? "dialog-warning-symbolic" : NULL);

      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 attach_button (self, missing->kind, NULL,
                                                clw_evidence_kind_to_label (missing->kind)));
      add_row (self, self->missing_group, row);
      gtk_widget_set_visible (GTK_WIDGET (self->missing_group), TRUE);
    }
}

/* From the records ------------------------------------------------------------------ */

static char *
describe_representation (ClwRepresentation *representation)
{
  const char *name = clw_representation_get_representative_name (representation);
  int role = clw_representation_get_representative_role (representation);

  if (role >= 0 && name != NULL && *name != '\0')
    return g_strdup_printf (_("%s (%s)"), name, clw_representative_role_to_label (role));
  if (name != NULL && *name != '\0')
    return g_strdup (name);
  return g_strdup (role >= 0 ? clw_representative_role_to_label (role) : "");
}

static char *
describe_decision (ClwArrangementStatus  status,
                   const char           *requested_on,
                   const char           *decision_on,
                   const char           *explanation)
{
  g_autofree char *requested = clw_format_date (requested_on);
  g_autofree char *decided = clw_format_date (decision_on);

  switch (status)
    {
    case CLW_ARRANGEMENT_STATUS_REQUESTED:
      return g_strdup_printf (_("Requested %s, waiting for the health board"), requested);
    case CLW_ARRANGEMENT_STATUS_AGREED:
      return g_strdup_printf (_("Agreed %s"), decided);
    case CLW_ARRANGEMENT_STATUS_REFUSED:
      return g_strdup_printf (_("Refused %s: %s"), decided, explanation != NULL ? explanation : "");
    case CLW_ARRANGEMENT_STATUS_ENDED:
    default:
      return g_strdup_printf (_("Ended (agreed %s)"), decided);
    }
}

static char *
practice_label (ClwDatabase *db,
                const char  *practice_id)
{
  g_autoptr(ClwRecord) practice = clw_record_load (db, CLW_TYPE_PRACTICE, practice_id, NULL);

  if (practice == NULL)
    return g_strdup (practice_id);
  return g_strdup_printf ("%s %s", clw_practice_get_code (CLW_PRACTICE (practice)),
                          clw_practice_get_name (CLW_PRACTICE (practice)));
}

static void
show_records (ClwPracticePage *self)
{
  ClwDatabase *db = clw_session_get_database (self->session);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) representations = NULL;
  g_autoptr(GListStore) buddies = NULL;
  guint n_arrangements = 0;

  clear_group (self, self->arrangements_group);

  representations = clw_representation_list_for_practice (db, self->practice_id, &error);
  if (representations != NULL)
    buddies = clw_buddy_arrangement_list_for_practice (db, self->practice_id, &error);
  if (buddies == NULL)
    {
      clw_show_error (GTK_WIDGET (self), _("Could Not Read the Practice’s Records"), error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (representations)); i++)
    {
      g_autoptr(ClwRepresentation) r = g_list_model_get_item (G_LIST_MODEL (representations), i);
      g_autofree char *who = describe_representation (r);
      g_autofree char *title = g_strdup_printf (_("%s: %s"), clw_representation_kind_to_label (clw_representation_get_kind (r)), who);
      g_autofree char *decision = describe_decision (clw_representation_get_status (r),
                                                     clw_representation_get_requested_on (r),
                                                     clw_representation_get_decision_on (r),
                                                     clw_representation_get_explanation (r));
      GtkWidget *row = text_row (title, decision, NULL);

      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      add_row (self, self->arrangements_group, row);
      n_arrangements++;
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (buddies)); i++)
    {
      g_autoptr(ClwBuddyArrangement) b = g_list_model_get_item (G_LIST_MODEL (buddies), i);
      gboolean small = g_strcmp0 (clw_buddy_arrangement_get_small_practice_id (b), self->practice_id) == 0;
      g_autofree char *other = practice_label (db, small ? clw_buddy_arrangement_get_buddy_practice_id (b)
                                                         : clw_buddy_arrangement_get_small_practice_id (b));
      g_autofree char *from = clw_format_date (clw_buddy_arrangement_get_starts_on (b));
      g_autofree char *title = small ? g_strdup_printf (_("Buddied with %s from %s"), other, from)
                                     : g_strdup_printf (_("Buddy of %s from %s"), other, from);
      g_autofree char *decision = describe_decision (clw_buddy_arrangement_get_status (b),
                                                     clw_buddy_arrangement_get_requested_on (b),
                                                     clw_buddy_arrangement_get_decision_on (b),
                                                     clw_buddy_arrangement_get_explanation (b));
      GtkWidget *row = text_row (title, decision, NULL);

      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      add_row (self, self->arrangements_group, row);
      n_arrangements++;
    }

  if (n_arrangements == 0)
    add_row (self, self->arrangements_group,
             text_row (_("No representation or buddy arrangements"),
                       _("A clinical partner or senior clinician represents the practice at its meetings."),
                       NULL));
}

static void
show_details (ClwPracticePage *self)
{
  ClwDatabase *db = clw_session_get_database (self->session);
  g_autoptr(ClwRecord) cluster = NULL;
  g_autofree char *subtitle = NULL;

  g_free (self->title);
  self->title = g_strdup_printf ("%s %s", clw_practice_get_code (self->practice), clw_practice_get_name (self->practice));
  gtk_label_set_label (self->title_label, clw_practice_get_name (self->practice));

  cluster = clw_record_load (db, CLW_TYPE_CLUSTER, clw_practice_get_cluster_id (self->practice), NULL);
  /* Translators: under a practice's name: its code and cluster */
  subtitle = g_strdup_printf (_("%s · %s"), clw_practice_get_code (self->practice),
                              cluster != NULL ? clw_cluster_get_name (CLW_CLUSTER (cluster)) : "");
  gtk_label_set_label (self->subtitle_label, subtitle);

  if (self->details_source != 0)
    return;

  self->updating = TRUE;
  if (!gtk_widget_has_focus (GTK_WIDGET (self->name_row)))
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), clw_practice_get_name (self->practice));
  gtk_spin_button_set_value (self->partners_spin, clw_practice_get_partners (self->practice));
  gtk_spin_button_set_value (self->list_size_spin, clw_practice_get_list_size (self->practice));
  gtk_switch_set_active (self->sustainability_switch, clw_practice_get_sustainability_issues (self->practice));
  gtk_spin_button_set_value (self->branches_spin, clw_practice_get_branch_surgeries (self->practice));
  self->updating = FALSE;
}

static void
load (ClwPracticePage *self)
{
  g_autoptr(ClwRecord) practice = NULL;
  g_autoptr(GError) error = NULL;

  if (self->session != NULL && self->practice_id != NULL)
    practice = clw_record_load (clw_session_get_database (self->session), CLW_TYPE_PRACTICE,
                                self->practice_id, &error);

  if (practice == NULL)
    {
      /* Gone (deleted, or its adding undone) is said on the page itself. */
      if (error != NULL && !g_error_matches (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND))
        clw_show_error (GTK_WIDGET (self), _("Could Not Read the Practice"), error);
      g_clear_object (&self->practice);
      gtk_stack_set_visible_child_name (self->stack, "missing");
      return;
    }

  g_set_object (&self->practice, CLW_PRACTICE (practice));
  clw_evidence_list_set_practice_id (self->evidence_list, self->practice_id);
  show_details (self);
  show_records (self);
  show_result (self);
  gtk_stack_set_visible_child_name (self->stack, "page");
}

/* Editing --------------------------------------------------------------------------- */

static gboolean
store_details (ClwPracticePage *self,
               const char      *label)
{
  g_autoptr(ClwRecord) changed = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->details_source, g_source_remove);
  if (self->practice == NULL || self->session == NULL)
    return FALSE;

  changed = clw_record_copy (CLW_RECORD (self->practice));
  g_object_set (changed,
                "partners", gtk_spin_button_get_value_as_int (self->partners_spin),
                "list-size", gtk_spin_button_get_value_as_int (self->list_size_spin),
                "sustainability-issues", gtk_switch_get_active (self->sustainability_switch),
                "branch-surgeries", gtk_spin_button_get_value_as_int (self->branches_spin),
                NULL);

  if (!clw_session_save (self->session, changed, label, &error))
    {
      clw_show_error (GTK_WIDGET (self), _("Could Not Change the Practice"), error);
      show_details (self);
      return FALSE;
    }
  return TRUE;
}

static gboolean
details_pause_cb (gpointer user_data)
{
  ClwPracticePage *self = user_data;

  self->details_source = 0;
  store_details (self, _("Edit the practice’s details"));
  return G_SOURCE_REMOVE;
}

static void
details_changed_cb (ClwPracticePage *self)
{
  if (self->updating)
    return;

  g_clear_handle_id (&self->details_source, g_source_remove);
  self->details_source = g_timeout_add (DETAILS_PAUSE_MS, details_pause_cb, self);
}

static void
name_applied_cb (ClwPracticePage *self)
{
  g_autoptr(ClwRecord) changed = NULL;
  g_autoptr(GError) error = NULL;

  if (self->practice == NULL)
    return;

  changed = clw_record_copy (CLW_RECORD (self->practice));
  g_object_set (changed, "name", gtk_editable_get_text (GTK_EDITABLE (self->name_row)), NULL);
  if (!clw_session_save (self->session, changed, _("Rename the practice"), &error))
    {
      clw_show_error (GTK_WIDGET (self), _("Could Not Rename the Practice"), error);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), clw_practice_get_name (self->practice));
    }
}

static void
flush_details (ClwPracticePage *self)
{
  if (self->details_source != 0)
    store_details (self, _("Edit the practice’s details"));
}

static void
database_changed_cb (ClwPracticePage  *self,
                     const char      **tables)
{
  if (self->practice_id == NULL)
    return;

  if (g_strv_contains (tables, "practice"))
    load (self);
  else if (g_strv_contains (tables, "representation") || g_strv_contains (tables, "buddy_arrangement"))
    show_records (self);
}

/* GObject ------------------------------------------------------------------------------ */

static void
clw_practice_page_unmap (GtkWidget *widget)
{
  flush_details (CLW_PRACTICE_PAGE (widget));

  GTK_WIDGET_CLASS (clw_practice_page_parent_class)->unmap (widget);
}

static void
clw_practice_page_dispose (GObject *object)
{
  ClwPracticePage *self = (ClwPracticePage *) object;

  flush_details (self);
  clw_practice_page_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_PRACTICE_PAGE);
  clw_widget_unparent_children (GTK_WIDGET (self));
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (clw_practice_page_parent_class)->dispose (object);
}

static void
clw_practice_page_finalize (GObject *object)
{
  ClwPracticePage *self = (ClwPracticePage *) object;

  g_free (self->practice_id);
  g_free (self->title);

  G_OBJECT_CLASS (clw_practice_page_parent_class)->finalize (object);
}

static void
clw_practice_page_class_init (ClwPracticePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_practice_page_dispose;
  object_class->finalize = clw_practice_page_finalize;

  widget_class->unmap = clw_practice_page_unmap;

  g_type_ensure (CLW_TYPE_EVIDENCE_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clwstwr/Clwstwr/ui/clw-practice-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwPracticePage, arrangements_group);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticePage, branches_spin);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticePage, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticePage, imtp_group);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticePage, list_size_spin);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticePage, meetings_group);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticePage, missing_group);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticePage, partners_spin);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticePage, stack);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticePage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticePage, sustainability_switch);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticePage, verdicts_group);
  gtk_widget_class_bind_template_callback (widget_class, details_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_applied_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
clw_practice_page_init (ClwPracticePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  /* Files dropped anywhere on the page are the practice's evidence. */
  clw_evidence_list_add_drop_target (self->evidence_list, GTK_WIDGET (self));
}

void
clw_practice_page_set_session (ClwPracticePage *self,
                               ClwSession      *session)
{
  g_return_if_fail (CLW_IS_PRACTICE_PAGE (self));
  g_return_if_fail (session == NULL || CLW_IS_SESSION (session));

  if (self->session == session)
    return;

  flush_details (self);
  if (self->session != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->session);
      g_clear_signal_handler (&self->report_id, self->session);
    }
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      self->changed_id = g_signal_connect_object (session, "changed",
                                                  G_CALLBACK (database_changed_cb), self,
                                                  G_CONNECT_SWAPPED);
      self->report_id = g_signal_connect_object (session, "notify::report",
                                                 G_CALLBACK (show_result), self,
                                                 G_CONNECT_SWAPPED);
    }
  g_clear_pointer (&self->practice_id, g_free);
  g_clear_object (&self->practice);
  if (self->evidence_list != NULL)
    clw_evidence_list_set_session (self->evidence_list, session);
  if (self->stack != NULL)
    gtk_stack_set_visible_child_name (self->stack, "missing");
}

void
clw_practice_page_set_practice_id (ClwPracticePage *self,
                                   const char      *practice_id)
{
  g_return_if_fail (CLW_IS_PRACTICE_PAGE (self));

  flush_details (self);
  g_free (self->practice_id);
  self->practice_id = g_strdup (practice_id);
  load (self);
}

const char *
clw_practice_page_get_title (ClwPracticePage *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_PAGE (self), NULL);

  return self->title != NULL ? self->title : "";
}
