/* test-ui-imtp.c: the IMTP contribution editor and its submit, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the page stores is read back with an editor of the test's own on
 * the database, never from the page's. The first section is typed with
 * real key presses (xdotool) and must be stored without anything but a
 * pause in the typing; the demo database is frozen at 15 June 2023, and
 * the late submit moves its "today" past the deadline.
 */

#include "config.h"

#include "clw-imtp-cluster-page.h"
#include "clw-imtp-page.h"
#include "clw-imtp-section-editor.h"
#include "clw-ui-fixture.h"

static const char *
cycle_id (void)
{
  return clw_record_get_id (CLW_RECORD (clw_session_get_cycle (clw_ui_session ())));
}

/* The contribution as stored. */
static ClwImtpEditor *
stored (const char *practice_id)
{
  g_autoptr(GError) error = NULL;
  ClwImtpEditor *editor = clw_imtp_editor_new (clw_ui_database (), practice_id, cycle_id (), &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (editor);
  return editor;
}

/* A practice whose contribution is not started; failing that, one not
 * submitted. @skip is not chosen. */
static char *
practice_to_contribute (const char *skip)
{
  GListModel *practices = clw_qaif_report_get_practices (clw_ui_report ());
  g_autofree char *draft = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (practices); i++)
    {
      g_autoptr(ClwPracticeResult) result = g_list_model_get_item (practices, i);
      const char *id = clw_practice_result_get_practice_id (result);
      g_autoptr(ClwImtpEditor) editor = NULL;

      if (g_strcmp0 (id, skip) == 0)
        continue;
      editor = stored (id);
      if (!clw_imtp_editor_get_exists (editor))
        return g_strdup (id);
      if (draft == NULL && clw_imtp_editor_get_status (editor) != CLW_CONTRIBUTION_STATUS_SUBMITTED)
        draft = g_strdup (id);
    }

  return g_steal_pointer (&draft);
}

static void
settle (void)
{
  for (int i = 0; i < 5; i++)
    {
      g_usleep (20000);
      clw_ui_flush ();
    }
}

typedef gboolean (*Check) (const char *practice_id,
                           gconstpointer data);

/* Spin the main loop until @check holds of what is stored, or the timeout. */
static gboolean
wait_until_stored (Check          check,
                   const char    *practice_id,
                   gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + CLW_UI_TIMEOUT_MS * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      if (check (practice_id, data))
        return TRUE;
      g_usleep (20000);
      clw_ui_flush ();
    }

  return check (practice_id, data);
}

typedef struct
{
  ClwImtpSectionKind  kind;
  const char         *text;
} SectionText;

static gboolean
section_has_text (const char    *practice_id,
                  gconstpointer  data)
{
  const SectionText *want = data;
  g_autoptr(ClwImtpEditor) editor = stored (practice_id);
  ClwImtpSection *section = clw_imtp_editor_get_section (editor, want->kind);

  return clw_imtp_editor_get_exists (editor) && g_strcmp0 (clw_imtp_section_get_body (section), want->text) == 0;
}

static gboolean
workforce_counted (const char    *practice_id,
                   gconstpointer  data)
{
  g_autoptr(ClwImtpEditor) editor = stored (practice_id);

  for (guint role = 0; role < CLW_N_WORKFORCE_ROLES; role++)
    {
      int headcount;
      double wte;

      if (!clw_imtp_editor_get_workforce (editor, role, &headcount, &wte) ||
          headcount != (int) role + 2 || G_APPROX_VALUE (wte, role + 1.5, 0.001) == FALSE)
        return FALSE;
    }

  return TRUE;
}

static ClwImtpPage *
show_contribution (const char *practice_id)
{
  GtkWidget *page;

  clw_window_show_imtp (clw_ui_fx.window, practice_id, NULL);
  clw_ui_wait_for_paint (GTK_WIDGET (clw_ui_fx.window), CLW_UI_TIMEOUT_MS);
  page = clw_ui_find (GTK_WIDGET (clw_ui_fx.window), NULL, CLW_TYPE_IMTP_PAGE);
  ck_assert_ptr_nonnull (page);
  ck_assert (gtk_widget_get_mapped (page));
  return CLW_IMTP_PAGE (page);
}

static ClwImtpSectionEditor *
section_editor (ClwImtpPage        *page,
                ClwImtpSectionKind  kind)
{
  g_autoptr(GPtrArray) sections = clw_ui_find_all (GTK_WIDGET (page), CLW_TYPE_IMTP_SECTION_EDITOR);

  ck_assert_uint_eq (sections->len, CLW_N_IMTP_SECTION_KINDS);
  for (guint i = 0; i < sections->len; i++)
    if (clw_imtp_section_editor_get_kind (g_ptr_array_index (sections, i)) == kind)
      return g_ptr_array_index (sections, i);

  ck_abort_msg ("no editor of section %d", kind);
  return NULL;
}

/* The button of @action_name on @page, if shown. */
static gboolean
button_shown (ClwImtpPage *page,
              const char  *action_name)
{
  g_autoptr(GPtrArray) buttons = clw_ui_find_all (GTK_WIDGET (page), GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), action_name) == 0)
        return gtk_widget_is_visible (button);
    }

  return FALSE;
}

static gboolean
status_box_has_class (ClwImtpPage *page,
                      const char  *css_class)
{
  g_autoptr(GPtrArray) boxes = clw_ui_find_all (GTK_WIDGET (page), GTK_TYPE_BOX);

  for (guint i = 0; i < boxes->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (boxes, i), "imtp-status"))
      return gtk_widget_has_css_class (g_ptr_array_index (boxes, i), css_class);

  ck_abort_msg ("the page shows no status");
  return FALSE;
}

/* Activate Submit… and return the dialog it shows. */
static AdwMessageDialog *
press_submit (ClwImtpPage *page)
{
  GtkWindow *dialog;

  ck_assert (button_shown (page, "imtp.submit"));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "imtp.submit", NULL));
  dialog = clw_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, CLW_UI_TIMEOUT_MS);
  ck_assert_ptr_nonnull (dialog);
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  ck_assert (adw_message_dialog_has_response (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  clw_ui_flush ();
}

static const char * const texts[CLW_N_IMTP_SECTION_KINDS] = {
  "Needs", /* typed */
  "Evening pharmacy cover is the gap; the practice runs a minor illness clinic.",
  "Two nurse prescribers are needed; the GPs want dermoscopy training.",
  "Above the health board's median on every primary care measure but one.",
  "Demand measured for four weeks in March; a same-day hub is planned.",
};

START_TEST (test_submit_checks_then_records_the_date)
{
  g_autofree char *practice_id = practice_to_contribute (NULL);
  g_autofree char *today = clw_session_dup_today_iso (clw_ui_session ());
  g_autoptr(ClwTestSnapshot) before = NULL;
  g_autoptr(ClwImtpEditor) after = NULL;
  g_autoptr(GPtrArray) spins = NULL;
  AdwMessageDialog *dialog;
  ClwImtpPage *page;

  ck_assert_msg (practice_id != NULL, "the demo has no contribution left to submit");

  /* Reached from the practice's page, by its IMTP row. */
  clw_window_show_practice (clw_ui_fx.window, practice_id);
  clw_ui_wait_for_paint (GTK_WIDGET (clw_ui_fx.window), CLW_UI_TIMEOUT_MS);
  {
    g_autoptr(GPtrArray) rows = clw_ui_find_all (GTK_WIDGET (clw_ui_fx.window), GTK_TYPE_LIST_BOX_ROW);
    GtkWidget *imtp_row = NULL;

    for (guint i = 0; i < rows->len && imtp_row == NULL; i++)
      if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (rows, i)), "win.show-imtp") == 0)
        imtp_row = g_ptr_array_index (rows, i);
    ck_assert_ptr_nonnull (imtp_row);
    ck_assert (gtk_widget_activate (imtp_row));
  }
  clw_ui_wait_for_paint (GTK_WIDGET (clw_ui_fx.window), CLW_UI_TIMEOUT_MS);
  page = CLW_IMTP_PAGE (clw_ui_find (GTK_WIDGET (clw_ui_fx.window), NULL, CLW_TYPE_IMTP_PAGE));
  ck_assert_ptr_nonnull (page);
  ck_assert (gtk_widget_get_mapped (GTK_WIDGET (page)));
  ck_assert_str_eq (clw_imtp_editor_get_practice_id (clw_imtp_page_get_editor (page)), practice_id);
  ck_assert (!clw_imtp_editor_is_ready (clw_imtp_page_get_editor (page)));

  /* Not ready: Submit… says what is missing, and nothing is written. */
  before = clw_test_snapshot_take (clw_ui_database ());
  dialog = press_submit (page);
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Not Ready to Submit");
  ck_assert_ptr_nonnull (strstr (adw_message_dialog_get_body (dialog), "is not complete"));
  ck_assert (!adw_message_dialog_has_response (dialog, "submit"));
  answer (dialog, "close");
  ck_assert_unchanged (clw_ui_database (), before);

  /* The first section typed with real keys, the pointer out of the way:
   * stored when the typing pauses, nothing else asked. */
  {
    ClwImtpSectionEditor *first = section_editor (page, CLW_IMTP_SECTION_KIND_POPULATION_NEEDS);
    GtkWidget *view = clw_ui_find (GTK_WIDGET (first), NULL, GTK_TYPE_TEXT_VIEW);
    SectionText want = { CLW_IMTP_SECTION_KIND_POPULATION_NEEDS, texts[0] };

    clw_ui_pointer_to (GTK_WIDGET (clw_ui_fx.window), 5, 5);
    ck_assert (gtk_widget_grab_focus (view));
    settle ();
    gtk_text_buffer_set_text (clw_imtp_section_editor_get_buffer (first, FALSE), "", -1);
    clw_ui_xdotool ("type", "--delay", "30", texts[0], NULL);
    settle ();
    ck_assert_msg (wait_until_stored (section_has_text, practice_id, &want), "the typed text was not stored");
  }

  /* The other sections' text, then every section complete. */
  for (guint kind = 1; kind < CLW_N_IMTP_SECTION_KINDS; kind++)
    {
      ClwImtpSectionEditor *section = section_editor (page, kind);
      SectionText want = { kind, texts[kind] };

      gtk_text_buffer_set_text (clw_imtp_section_editor_get_buffer (section, FALSE), texts[kind], -1);
      ck_assert_msg (wait_until_stored (section_has_text, practice_id, &want), "section %u was not stored", kind);
    }
  for (guint kind = 0; kind < CLW_N_IMTP_SECTION_KINDS; kind++)
    gtk_drop_down_set_selected (clw_imtp_section_editor_get_status_dropdown (section_editor (page, kind)),
                                CLW_SECTION_STATUS_COMPLETE);
  clw_ui_flush ();
  {
    g_autoptr(ClwImtpEditor) editor = stored (practice_id);

    for (guint kind = 0; kind < CLW_N_IMTP_SECTION_KINDS; kind++)
      ck_assert_int_eq (clw_imtp_section_get_status (clw_imtp_editor_get_section (editor, kind)),
                        CLW_SECTION_STATUS_COMPLETE);
  }

  /* The workforce by role: headcount and whole-time equivalents, in the
   * grid's order. */
  spins = clw_ui_find_all (GTK_WIDGET (page), GTK_TYPE_SPIN_BUTTON);
  ck_assert_uint_eq (spins->len, 2 * CLW_N_WORKFORCE_ROLES);
  for (guint role = 0; role < CLW_N_WORKFORCE_ROLES; role++)
    {
      gtk_spin_button_set_value (g_ptr_array_index (spins, 2 * role), role + 2);
      gtk_spin_button_set_value (g_ptr_array_index (spins, 2 * role + 1), role + 1.5);
    }
  ck_assert_msg (wait_until_stored (workforce_counted, practice_id, NULL), "the workforce was not stored");
  ck_assert (clw_imtp_editor_is_ready (clw_imtp_page_get_editor (page)));

  /* Ready: Submit… asks, and records today's date; in time. */
  dialog = press_submit (page);
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Submit the IMTP Contribution?");
  ck_assert_ptr_null (strstr (adw_message_dialog_get_body (dialog), "late"));
  answer (dialog, "submit");

  after = stored (practice_id);
  ck_assert_int_eq (clw_imtp_editor_get_status (after), CLW_CONTRIBUTION_STATUS_SUBMITTED);
  ck_assert_str_eq (clw_imtp_editor_get_submitted_on (after), today);
  ck_assert (!clw_imtp_editor_is_late (after));
  ck_assert (button_shown (page, "imtp.reopen"));
  ck_assert (!button_shown (page, "imtp.submit"));
  ck_assert (status_box_has_class (page, "submitted"));

  /* Undo takes the submit back. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (clw_ui_fx.window), "win.undo", NULL));
  clw_ui_flush ();
  g_clear_object (&after);
  after = stored (practice_id);
  ck_assert_int_ne (clw_imtp_editor_get_status (after), CLW_CONTRIBUTION_STATUS_SUBMITTED);
  ck_assert (wait_until_stored (section_has_text, practice_id,
                                &(SectionText) { CLW_IMTP_SECTION_KIND_DEMAND_CAPACITY, texts[4] }));
}
END_TEST

static gboolean
role_counted_none (const char    *practice_id,
                   gconstpointer  data)
{
  g_autoptr(ClwImtpEditor) editor = stored (practice_id);
  int headcount = -1;
  double wte = -1;

  return clw_imtp_editor_get_workforce (editor, GPOINTER_TO_UINT (data), &headcount, &wte) &&
         headcount == 0 && wte == 0;
}

/* A role with none of its staff is counted by Enter on its 0. */
START_TEST (test_enter_counts_none)
{
  g_autofree char *practice_id = practice_to_contribute (NULL);
  g_autoptr(GPtrArray) spins = NULL;
  g_autoptr(ClwImtpEditor) before = NULL;
  ClwWorkforceRole role = CLW_N_WORKFORCE_ROLES - 1;
  ClwImtpPage *page;

  ck_assert_msg (practice_id != NULL, "the demo has no contribution left to submit");
  before = stored (practice_id);
  ck_assert_msg (!clw_imtp_editor_get_workforce (before, role, NULL, NULL),
                 "the practice chosen has counted its last role already");
  page = show_contribution (practice_id);
  spins = clw_ui_find_all (GTK_WIDGET (page), GTK_TYPE_SPIN_BUTTON);
  ck_assert_uint_eq (spins->len, 2 * CLW_N_WORKFORCE_ROLES);

  clw_ui_pointer_to (GTK_WIDGET (clw_ui_fx.window), 5, 5);
  ck_assert (gtk_widget_grab_focus (g_ptr_array_index (spins, 2 * role)));
  settle ();
  clw_ui_xdotool ("key", "--clearmodifiers", "Return", NULL);
  settle ();
  ck_assert_msg (wait_until_stored (role_counted_none, practice_id, GUINT_TO_POINTER (role)),
                 "Enter did not count the role");
}
END_TEST

/* The day after @date ("YYYY-MM-DD"). */
static char *
day_after (const char *date)
{
  g_autoptr(GDate) d = g_date_new ();
  char text[16];

  g_date_set_parse (d, date);
  ck_assert (g_date_valid (d));
  g_date_add_days (d, 1);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", d);
  return g_strdup (text);
}

START_TEST (test_submit_after_the_deadline_is_late)
{
  g_autofree char *practice_id = practice_to_contribute (NULL);
  g_autofree char *late_day = NULL;
  g_autoptr(ClwImtpEditor) editor = NULL;
  g_autoptr(ClwImtpEditor) after = NULL;
  g_autoptr(GError) error = NULL;
  ClwImtpClusterPage *cluster_page;
  g_autofree char *cluster_id = NULL;
  AdwMessageDialog *dialog;
  ClwImtpPage *page;
  gboolean listed = FALSE;

  ck_assert_msg (practice_id != NULL, "the demo has no contribution left to submit");
  /* Copied: the report is replaced after each change. */
  cluster_id = g_strdup (clw_practice_result_get_cluster_id (clw_qaif_report_lookup_practice (clw_ui_report (),
                                                                                              practice_id)));

  /* Complete, through core, and the database's today past the deadline. */
  editor = stored (practice_id);
  for (guint kind = 0; kind < CLW_N_IMTP_SECTION_KINDS; kind++)
    {
      ck_assert (clw_imtp_editor_save_section (editor, kind, texts[kind], NULL, &error));
      ck_assert (clw_imtp_editor_set_section_status (editor, kind, CLW_SECTION_STATUS_COMPLETE, &error));
    }
  for (guint role = 0; role < CLW_N_WORKFORCE_ROLES; role++)
    ck_assert (clw_imtp_editor_set_workforce (editor, role, 1, 1.0, &error));
  ck_assert_no_error (error);
  late_day = day_after (clw_imtp_editor_get_deadline (editor));
  ck_assert (clw_database_set_meta (clw_ui_database (), "reference-date", late_day, &error));
  ck_assert_no_error (error);

  /* The page warns before, the dialog says it will be late, and it is
   * accepted and recorded so. */
  page = show_contribution (practice_id);
  ck_assert (status_box_has_class (page, "late"));
  dialog = press_submit (page);
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Submit the IMTP Contribution?");
  ck_assert_ptr_nonnull (strstr (adw_message_dialog_get_body (dialog), "recorded as late"));
  answer (dialog, "submit");

  after = stored (practice_id);
  ck_assert_int_eq (clw_imtp_editor_get_status (after), CLW_CONTRIBUTION_STATUS_SUBMITTED);
  ck_assert_str_eq (clw_imtp_editor_get_submitted_on (after), late_day);
  ck_assert (clw_imtp_editor_is_late (after));
  ck_assert (status_box_has_class (page, "late"));

  /* The cluster's view lists it, submitted and late. */
  ck_assert (clw_window_show_item (clw_ui_fx.window, cluster_id));
  /* From the dashboard's IMTP tile. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (clw_ui_fx.window), "win.show-cluster-view", "s", "dashboard"));
  clw_ui_wait_for_paint (GTK_WIDGET (clw_ui_fx.window), CLW_UI_TIMEOUT_MS);
  {
    GtkWidget *tile = clw_ui_find (GTK_WIDGET (clw_ui_fx.window), "imtp-tile", G_TYPE_INVALID);

    ck_assert_ptr_nonnull (tile);
    ck_assert (gtk_widget_get_mapped (tile));
    ck_assert (GTK_IS_FLOW_BOX_CHILD (gtk_widget_get_parent (tile)));
    ck_assert (gtk_widget_activate (gtk_widget_get_parent (tile)));
  }
  clw_ui_wait_for_paint (GTK_WIDGET (clw_ui_fx.window), CLW_UI_TIMEOUT_MS);
  cluster_page = CLW_IMTP_CLUSTER_PAGE (clw_ui_find (GTK_WIDGET (clw_ui_fx.window), NULL, CLW_TYPE_IMTP_CLUSTER_PAGE));
  ck_assert_ptr_nonnull (cluster_page);
  ck_assert (gtk_widget_get_mapped (GTK_WIDGET (cluster_page)));
  {
    GListModel *items = clw_imtp_cluster_page_get_items (cluster_page);

    for (guint i = 0; i < g_list_model_get_n_items (items); i++)
      {
        g_autoptr(ClwImtpPracticeStatus) status = g_list_model_get_item (items, i);

        if (g_strcmp0 (clw_imtp_practice_status_get_practice_id (status), practice_id) != 0)
          continue;
        listed = TRUE;
        ck_assert_int_eq (clw_imtp_practice_status_get_status (status), CLW_CONTRIBUTION_STATUS_SUBMITTED);
        ck_assert (clw_imtp_practice_status_get_late (status));
      }
  }
  ck_assert (listed);
}
END_TEST

static Suite *
imtp_suite (void)
{
  Suite *s = suite_create ("ui-imtp");
  TCase *tc = tcase_create ("imtp");

  tcase_add_checked_fixture (tc, clw_ui_fixture_setup, clw_ui_fixture_teardown);
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_submit_checks_then_records_the_date);
  tcase_add_test (tc, test_submit_after_the_deadline_is_late);
  tcase_add_test (tc, test_enter_counts_none);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int    argc,
      char **argv)
{
  return clw_ui_fixture_run (imtp_suite (), argc, argv);
}
