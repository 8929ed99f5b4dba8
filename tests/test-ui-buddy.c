/* test-ui-buddy.c: the buddying board, by a real drag and drop and from the keyboard, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pairs are chosen with core's own checks, never written here: one a
 * request can be made for, one it cannot. The drag is real (xdotool moves
 * the X pointer); the keyboard path sends real key presses.
 */

#include "config.h"

#include "clw-buddy-page.h"
#include "clw-buddy-pair-row.h"
#include "clw-buddy-practice-row.h"
#include "clw-buddy-request-dialog.h"
#include "clw-buddy-with-dialog.h"
#include "clw-refuse-dialog.h"
#include "clw-ui-fixture.h"

typedef struct
{
  char *cluster_id;
  char *small_id;
  char *buddy_id;
} Pair;

static void
pair_clear (Pair *pair)
{
  g_clear_pointer (&pair->cluster_id, g_free);
  g_clear_pointer (&pair->small_id, g_free);
  g_clear_pointer (&pair->buddy_id, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pair, pair_clear)

/* A small practice and a practice of the buddy side for which core's
 * checks allow a request (@allowed) or break a blocking rule. */
static gboolean
find_pair (gboolean  allowed,
           Pair     *pair)
{
  GListModel *clusters = clw_qaif_report_get_clusters (clw_ui_report ());
  const char *cycle_id = clw_record_get_id (CLW_RECORD (clw_session_get_cycle (clw_ui_session ())));

  for (guint c = 0; c < g_list_model_get_n_items (clusters); c++)
    {
      g_autoptr(ClwClusterSummary) summary = g_list_model_get_item (clusters, c);
      g_autoptr(ClwBuddyBoard) board = NULL;
      GListModel *small;
      GListModel *buddies;

      if (clw_cluster_summary_get_n_practices (summary) > 8)
        continue;
      board = clw_buddy_board_new (clw_ui_database (), clw_cluster_summary_get_cluster_id (summary),
                                   cycle_id, NULL, NULL);
      if (board == NULL)
        continue;
      small = clw_buddy_board_get_small_practices (board);
      buddies = clw_buddy_board_get_buddy_practices (board);

      for (guint s = 0; s < g_list_model_get_n_items (small); s++)
        for (guint b = 0; b < g_list_model_get_n_items (buddies); b++)
          {
            g_autoptr(ClwBuddyCandidate) sc = g_list_model_get_item (small, s);
            g_autoptr(ClwBuddyCandidate) bc = g_list_model_get_item (buddies, b);
            g_autoptr(GListModel) checks = NULL;

            if (g_str_equal (clw_buddy_candidate_get_practice_id (sc), clw_buddy_candidate_get_practice_id (bc)))
              continue;
            checks = clw_buddy_board_check (board, clw_buddy_candidate_get_practice_id (sc),
                                            clw_buddy_candidate_get_practice_id (bc), NULL, NULL);
            if (checks == NULL || clw_buddy_rule_checks_allow_request (checks) != allowed)
              continue;
            /* An allowed pair the health board could agree as it stands. */
            if (allowed && !clw_buddy_rule_checks_all_passed (checks))
              continue;

            pair->cluster_id = g_strdup (clw_cluster_summary_get_cluster_id (summary));
            pair->small_id = g_strdup (clw_buddy_candidate_get_practice_id (sc));
            pair->buddy_id = g_strdup (clw_buddy_candidate_get_practice_id (bc));
            return TRUE;
          }
    }

  return FALSE;
}

static ClwBuddyPage *
show_board (const char *cluster_id)
{
  GtkWidget *page;

  ck_assert (clw_window_show_item (clw_ui_fx.window, cluster_id));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (clw_ui_fx.window), "win.show-cluster-view", "s", "buddying"));
  clw_ui_wait_for_paint (GTK_WIDGET (clw_ui_fx.window), CLW_UI_TIMEOUT_MS);
  page = clw_ui_find (GTK_WIDGET (clw_ui_fx.window), NULL, CLW_TYPE_BUDDY_PAGE);
  ck_assert_ptr_nonnull (page);
  ck_assert (gtk_widget_get_mapped (page));
  ck_assert_ptr_nonnull (clw_buddy_page_get_board (CLW_BUDDY_PAGE (page)));
  return CLW_BUDDY_PAGE (page);
}

static ClwBuddyPracticeRow *
practice_row (ClwBuddyPage *page,
              const char   *practice_id,
              gboolean      small)
{
  g_autoptr(GPtrArray) rows = clw_ui_find_all (GTK_WIDGET (page), CLW_TYPE_BUDDY_PRACTICE_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      ClwBuddyPracticeRow *row = g_ptr_array_index (rows, i);
      ClwBuddyCandidate *candidate = clw_buddy_practice_row_get_candidate (row);

      if (candidate != NULL && clw_buddy_practice_row_get_small (row) == small &&
          g_str_equal (clw_buddy_candidate_get_practice_id (candidate), practice_id))
        return row;
    }

  return NULL;
}

/* The arrangements between two practices, as stored. */
static GListStore *
arrangements_between (const char *small_id,
                      const char *buddy_id)
{
  const char *params[] = { small_id, buddy_id, NULL };
  g_autoptr(GError) error = NULL;
  GListStore *found = clw_record_list (clw_ui_database (), CLW_TYPE_BUDDY_ARRANGEMENT,
                                       "small_practice_id = ? AND buddy_practice_id = ?", params, &error);

  ck_assert_no_error (error);
  return found;
}

/* Watching GTK's signals, whoever emits them ------------------------------------------ */

typedef struct
{
  guint drag_begin;
  guint enter;
  guint motion;
  guint drop;
} Seen;

static Seen seen;

static gboolean
count_cb (GSignalInvocationHint *hint,
          guint                  n_params,
          const GValue          *params,
          gpointer               user_data)
{
  (*(guint *) user_data)++;
  return TRUE;
}

static void
watch_drag_and_drop (void)
{
  memset (&seen, 0, sizeof seen);
  g_signal_add_emission_hook (g_signal_lookup ("drag-begin", GTK_TYPE_DRAG_SOURCE), 0, count_cb, &seen.drag_begin, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("enter", GTK_TYPE_DROP_TARGET), 0, count_cb, &seen.enter, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("motion", GTK_TYPE_DROP_TARGET), 0, count_cb, &seen.motion, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("drop", GTK_TYPE_DROP_TARGET), 0, count_cb, &seen.drop, NULL);
}

/* Spin until *@counter passes @at_least. */
static gboolean
wait_count (guint *counter,
            guint  at_least)
{
  gint64 deadline = g_get_monotonic_time () + CLW_UI_TIMEOUT_MS * 1000;

  while (*counter < at_least && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);

  return *counter >= at_least;
}

/* Let the X server's events in. */
static void
settle (void)
{
  for (int i = 0; i < 5; i++)
    {
      g_usleep (20000);
      clw_ui_flush ();
    }
}

START_TEST (test_drag_small_practice_onto_buddy)
{
  g_auto(Pair) pair = { 0 };
  g_autoptr(GListStore) before = NULL;
  g_autoptr(GListStore) after = NULL;
  g_autoptr(ClwBuddyArrangement) made = NULL;
  ClwBuddyPage *page;
  ClwBuddyPracticeRow *source, *target;
  GtkWindow *dialog;
  int sw, sh, tw, th;

  ck_assert_msg (find_pair (TRUE, &pair), "the demo has no pair a request can be made for");
  page = show_board (pair.cluster_id);
  source = practice_row (page, pair.small_id, TRUE);
  target = practice_row (page, pair.buddy_id, FALSE);
  ck_assert_ptr_nonnull (source);
  ck_assert_ptr_nonnull (target);
  before = arrangements_between (pair.small_id, pair.buddy_id);

  sw = gtk_widget_get_width (GTK_WIDGET (source));
  sh = gtk_widget_get_height (GTK_WIDGET (source));
  tw = gtk_widget_get_width (GTK_WIDGET (target));
  th = gtk_widget_get_height (GTK_WIDGET (target));
  watch_drag_and_drop ();

  /* Press on the small practice, move past the drag threshold... */
  clw_ui_pointer_to (GTK_WIDGET (source), sw / 3.0, sh / 2.0);
  settle ();
  clw_ui_xdotool ("mousedown", "1", NULL);
  settle ();
  clw_ui_pointer_to (GTK_WIDGET (source), sw / 3.0 + 30, sh / 2.0 + 10);
  ck_assert_msg (wait_count (&seen.drag_begin, 1), "the drag did not begin");

  /* ...into the larger practice, and about inside it: GTK takes the drop
   * after two motions inside the target at least. */
  clw_ui_pointer_to (GTK_WIDGET (target), tw / 2.0, th / 2.0);
  settle ();
  for (int step = 1; step <= 10 && seen.motion < 2; step++)
    {
      clw_ui_pointer_to (GTK_WIDGET (target), tw / 2.0 + 3 * step, th / 2.0 + step);
      settle ();
    }
  ck_assert_msg (seen.enter >= 1, "the drag did not enter the larger practice");
  ck_assert_msg (seen.motion >= 2, "the drag did not move in the larger practice");

  /* ...and let go. */
  clw_ui_xdotool ("mouseup", "1", NULL);
  ck_assert_msg (wait_count (&seen.drop, 1), "nothing was dropped");

  /* The confirmation, with every rule kept; nothing stored before it. */
  dialog = clw_ui_wait_for_toplevel (CLW_TYPE_BUDDY_REQUEST_DIALOG, CLW_UI_TIMEOUT_MS);
  ck_assert_ptr_nonnull (dialog);
  ck_assert (clw_buddy_request_dialog_get_allowed (CLW_BUDDY_REQUEST_DIALOG (dialog)));
  after = arrangements_between (pair.small_id, pair.buddy_id);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (after)), g_list_model_get_n_items (G_LIST_MODEL (before)));
  g_clear_object (&after);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "request");
  clw_ui_flush ();

  after = arrangements_between (pair.small_id, pair.buddy_id);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (after)),
                     g_list_model_get_n_items (G_LIST_MODEL (before)) + 1);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (after)); i++)
    {
      g_autoptr(ClwBuddyArrangement) a = g_list_model_get_item (G_LIST_MODEL (after), i);
      if (clw_buddy_arrangement_get_status (a) == CLW_ARRANGEMENT_STATUS_REQUESTED)
        g_set_object (&made, a);
    }
  ck_assert_ptr_nonnull (made);
  ck_assert (g_str_has_prefix (clw_database_get_undo_label (clw_ui_database ()), "Request "));

  /* The pairs show it, waiting for the health board. */
  {
    GListModel *pairs = clw_buddy_board_get_pairs (clw_buddy_page_get_board (page));
    gboolean shown = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (pairs); i++)
      {
        g_autoptr(ClwBuddyPair) p = g_list_model_get_item (pairs, i);
        shown |= g_str_equal (clw_buddy_pair_get_id (p), clw_record_get_id (CLW_RECORD (made))) &&
                 clw_buddy_pair_get_status (p) == CLW_ARRANGEMENT_STATUS_REQUESTED;
      }
    ck_assert (shown);
  }
}
END_TEST

START_TEST (test_refused_drop_names_the_rule)
{
  g_auto(Pair) pair = { 0 };
  g_autoptr(ClwTestSnapshot) before = NULL;
  g_autoptr(ClwTestSnapshot) after = NULL;
  g_autoptr(GListModel) controllers = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  ClwBuddyPage *page;
  ClwBuddyPracticeRow *source, *target;
  GtkDropTarget *drop_target = NULL;
  GtkWindow *dialog;
  gboolean dropped = FALSE;
  const char *body;

  ck_assert_msg (find_pair (FALSE, &pair), "the demo has no pair the rules refuse");
  page = show_board (pair.cluster_id);
  source = practice_row (page, pair.small_id, TRUE);
  target = practice_row (page, pair.buddy_id, FALSE);
  ck_assert_ptr_nonnull (source);
  ck_assert_ptr_nonnull (target);
  before = clw_test_snapshot_take (clw_ui_database ());

  /* What a drop of the small practice on the other hands the target. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (target));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        drop_target = GTK_DROP_TARGET (controller);
    }
  ck_assert_ptr_nonnull (drop_target);
  g_value_init (&value, CLW_TYPE_BUDDY_CANDIDATE);
  g_value_set_object (&value, clw_buddy_practice_row_get_candidate (source));
  g_signal_emit_by_name (drop_target, "drop", &value, 10.0, 10.0, &dropped);
  ck_assert (dropped);

  dialog = clw_ui_wait_for_toplevel (CLW_TYPE_BUDDY_REQUEST_DIALOG, CLW_UI_TIMEOUT_MS);
  ck_assert_ptr_nonnull (dialog);
  ck_assert (!clw_buddy_request_dialog_get_allowed (CLW_BUDDY_REQUEST_DIALOG (dialog)));
  ck_assert (!adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "request"));
  ck_assert (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                     clw_buddy_candidate_get_code (clw_buddy_practice_row_get_candidate (source))) != NULL);

  /* The body names the first blocking rule broken, as core labels it. */
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  {
    g_autoptr(GListModel) checks = clw_buddy_board_check (clw_buddy_page_get_board (page), pair.small_id,
                                                          pair.buddy_id, NULL, NULL);
    gboolean named = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (checks) && !named; i++)
      {
        g_autoptr(ClwBuddyRuleCheck) check = g_list_model_get_item (checks, i);

        if (!clw_buddy_rule_check_get_passed (check) && clw_buddy_rule_check_get_blocking (check))
          {
            ck_assert_msg (strstr (body, clw_buddy_rule_check_get_label (check)) != NULL, "%s", body);
            ck_assert_msg (strstr (body, clw_buddy_rule_check_get_message (check)) != NULL, "%s", body);
            named = TRUE;
          }
      }
    ck_assert (named);
  }

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  clw_ui_flush ();
  after = clw_test_snapshot_take (clw_ui_database ());
  ck_assert_str_eq (after->export, before->export);
  ck_assert_int_eq (after->audit_rows, before->audit_rows);
}
END_TEST

/* Real key presses go to the X window that has the keyboard. */
static void
keys (const char *first,
      ...)
{
  va_list args;

  va_start (args, first);
  for (const char *key = first; key != NULL; key = va_arg (args, const char *))
    {
      clw_ui_xdotool ("key", "--clearmodifiers", key, NULL);
      settle ();
    }
  va_end (args);
}

START_TEST (test_buddy_with_from_the_keyboard)
{
  g_auto(Pair) pair = { 0 };
  ClwBuddyPage *page;
  ClwBuddyPracticeRow *row;
  GtkWidget *item;
  GtkWindow *dialog;
  ClwBuddyCandidate *chosen;
  g_autoptr(GListStore) after = NULL;
  g_autofree char *chosen_id = NULL;

  ck_assert_msg (find_pair (TRUE, &pair), "the demo has no pair a request can be made for");
  page = show_board (pair.cluster_id);
  row = practice_row (page, pair.small_id, TRUE);
  ck_assert_ptr_nonnull (row);

  /* The keyboard on the small practice's line; the pointer out of the way. */
  clw_ui_pointer_to (GTK_WIDGET (clw_ui_fx.window), 5, 5);
  item = gtk_widget_get_parent (GTK_WIDGET (row));
  ck_assert (gtk_widget_grab_focus (item));
  settle ();

  /* Shift+F10 opens its menu, with the keyboard on its first item,
   * “Buddy with…”. */
  keys ("shift+F10", NULL);
  {
    GtkWidget *menu = clw_ui_find (GTK_WIDGET (row), NULL, GTK_TYPE_POPOVER_MENU);
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (clw_ui_fx.window));

    ck_assert (gtk_widget_get_visible (menu));
    ck_assert (focus != NULL && gtk_widget_is_ancestor (focus, menu));
  }
  keys ("Return", NULL);

  dialog = clw_ui_wait_for_toplevel (CLW_TYPE_BUDDY_WITH_DIALOG, CLW_UI_TIMEOUT_MS);
  ck_assert_ptr_nonnull (dialog);
  clw_ui_wait_for_paint (GTK_WIDGET (dialog), CLW_UI_TIMEOUT_MS);
  settle ();

  /* The practices allowed come first, each with core's checks; the first
   * is chosen. */
  {
    GListModel *options = clw_buddy_with_dialog_get_options (CLW_BUDDY_WITH_DIALOG (dialog));
    ck_assert_uint_gt (g_list_model_get_n_items (options), 0);
  }
  chosen = clw_buddy_with_dialog_get_chosen (CLW_BUDDY_WITH_DIALOG (dialog));
  ck_assert_ptr_nonnull (chosen);
  chosen_id = g_strdup (clw_buddy_candidate_get_practice_id (chosen));
  ck_assert (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "request"));

  /* Enter asks for it (with no window manager, the keyboard goes to the
   * window under the pointer). */
  clw_ui_pointer_to (GTK_WIDGET (dialog), 5, 5);
  settle ();
  keys ("Return", NULL);
  clw_ui_flush ();
  ck_assert_ptr_null (clw_ui_find_toplevel (CLW_TYPE_BUDDY_WITH_DIALOG));

  after = arrangements_between (pair.small_id, chosen_id);
  {
    gboolean requested = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (after)); i++)
      {
        g_autoptr(ClwBuddyArrangement) a = g_list_model_get_item (G_LIST_MODEL (after), i);
        requested |= clw_buddy_arrangement_get_status (a) == CLW_ARRANGEMENT_STATUS_REQUESTED;
      }
    ck_assert (requested);
  }
}
END_TEST

/* The health board refuses from the board, with the explanation it owes. */
START_TEST (test_refuse_from_the_board)
{
  g_auto(Pair) pair = { 0 };
  g_autoptr(ClwBuddyArrangement) arrangement = NULL;
  g_autoptr(ClwRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  ClwBuddyPage *page;
  GtkWindow *dialog;

  ck_assert_msg (find_pair (TRUE, &pair), "the demo has no pair a request can be made for");
  page = show_board (pair.cluster_id);
  arrangement = clw_buddy_board_request (clw_buddy_page_get_board (page), pair.small_id, pair.buddy_id,
                                         NULL, NULL, NULL, &error);
  ck_assert_no_error (error);
  clw_ui_flush ();

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "buddy.refuse", "s",
                                         clw_record_get_id (CLW_RECORD (arrangement))));
  dialog = clw_ui_wait_for_toplevel (CLW_TYPE_REFUSE_DIALOG, CLW_UI_TIMEOUT_MS);
  ck_assert_ptr_nonnull (dialog);
  ck_assert (!adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "refuse"));
  clw_refuse_dialog_set_explanation (CLW_REFUSE_DIALOG (dialog), "The buddy practice is itself short of partners.");
  ck_assert (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "refuse"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "refuse");
  clw_ui_flush ();

  stored = clw_record_load (clw_ui_database (), CLW_TYPE_BUDDY_ARRANGEMENT,
                            clw_record_get_id (CLW_RECORD (arrangement)), &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (clw_buddy_arrangement_get_status (CLW_BUDDY_ARRANGEMENT (stored)), CLW_ARRANGEMENT_STATUS_REFUSED);
  ck_assert_str_eq (clw_buddy_arrangement_get_explanation (CLW_BUDDY_ARRANGEMENT (stored)),
                    "The buddy practice is itself short of partners.");

  /* And Ctrl+Z takes it back to waiting. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (clw_ui_fx.window), "win.undo", NULL));
  clw_ui_flush ();
  g_clear_object (&stored);
  stored = clw_record_load (clw_ui_database (), CLW_TYPE_BUDDY_ARRANGEMENT,
                            clw_record_get_id (CLW_RECORD (arrangement)), &error);
  ck_assert_int_eq (clw_buddy_arrangement_get_status (CLW_BUDDY_ARRANGEMENT (stored)), CLW_ARRANGEMENT_STATUS_REQUESTED);
}
END_TEST

/* Dragging an agreed arrangement onto the small practices ends it. */
START_TEST (test_drop_pair_to_end_it)
{
  GListModel *clusters = clw_qaif_report_get_clusters (clw_ui_report ());
  const char *cycle_id = clw_record_get_id (CLW_RECORD (clw_session_get_cycle (clw_ui_session ())));
  g_autofree char *cluster_id = NULL;
  g_autofree char *arrangement_id = NULL;
  g_autoptr(GListModel) controllers = NULL;
  g_autoptr(ClwRecord) stored = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  GtkDropTarget *drop_target = NULL;
  GtkWidget *small_list;
  ClwBuddyPage *page;
  ClwBuddyPair *pair = NULL;
  gboolean dropped = FALSE;

  for (guint c = 0; c < g_list_model_get_n_items (clusters) && cluster_id == NULL; c++)
    {
      g_autoptr(ClwClusterSummary) summary = g_list_model_get_item (clusters, c);
      g_autoptr(ClwBuddyBoard) board = clw_buddy_board_new (clw_ui_database (),
                                                            clw_cluster_summary_get_cluster_id (summary),
                                                            cycle_id, NULL, NULL);
      GListModel *pairs = board != NULL ? clw_buddy_board_get_pairs (board) : NULL;

      for (guint i = 0; pairs != NULL && i < g_list_model_get_n_items (pairs) && cluster_id == NULL; i++)
        {
          g_autoptr(ClwBuddyPair) p = g_list_model_get_item (pairs, i);

          if (clw_buddy_pair_get_status (p) == CLW_ARRANGEMENT_STATUS_AGREED &&
              clw_cluster_summary_get_n_practices (summary) <= 8)
            {
              cluster_id = g_strdup (clw_cluster_summary_get_cluster_id (summary));
              arrangement_id = g_strdup (clw_buddy_pair_get_id (p));
            }
        }
    }
  ck_assert_msg (cluster_id != NULL, "the demo has no agreed arrangement");

  page = show_board (cluster_id);
  {
    g_autoptr(GPtrArray) rows = clw_ui_find_all (GTK_WIDGET (page), CLW_TYPE_BUDDY_PAIR_ROW);

    for (guint i = 0; i < rows->len; i++)
      {
        ClwBuddyPair *p = clw_buddy_pair_row_get_pair (g_ptr_array_index (rows, i));
        if (p != NULL && g_str_equal (clw_buddy_pair_get_id (p), arrangement_id))
          pair = p;
      }
  }
  ck_assert_ptr_nonnull (pair);

  /* The small practices' side takes an arrangement dropped on it. */
  small_list = gtk_widget_get_ancestor (GTK_WIDGET (clw_ui_find (GTK_WIDGET (page), NULL, CLW_TYPE_BUDDY_PRACTICE_ROW)),
                                        GTK_TYPE_STACK);
  controllers = gtk_widget_observe_controllers (gtk_widget_get_parent (small_list));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        drop_target = GTK_DROP_TARGET (controller);
    }
  ck_assert_ptr_nonnull (drop_target);
  g_value_init (&value, CLW_TYPE_BUDDY_PAIR);
  g_value_set_object (&value, pair);
  g_signal_emit_by_name (drop_target, "drop", &value, 10.0, 10.0, &dropped);
  ck_assert (dropped);
  clw_ui_flush ();

  stored = clw_record_load (clw_ui_database (), CLW_TYPE_BUDDY_ARRANGEMENT, arrangement_id, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (clw_buddy_arrangement_get_status (CLW_BUDDY_ARRANGEMENT (stored)), CLW_ARRANGEMENT_STATUS_ENDED);
  ck_assert (g_str_has_prefix (clw_database_get_undo_label (clw_ui_database ()), "End the buddying of "));
}
END_TEST

static Suite *
buddy_suite (void)
{
  Suite *s = suite_create ("ui-buddy");
  TCase *tc = tcase_create ("board");

  tcase_add_checked_fixture (tc, clw_ui_fixture_setup, clw_ui_fixture_teardown);
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_drag_small_practice_onto_buddy);
  tcase_add_test (tc, test_refused_drop_names_the_rule);
  tcase_add_test (tc, test_buddy_with_from_the_keyboard);
  tcase_add_test (tc, test_refuse_from_the_board);
  tcase_add_test (tc, test_drop_pair_to_end_it);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int    argc,
      char **argv)
{
  return clw_ui_fixture_run (buddy_suite (), argc, argv);
}
