/* test-ui-search.c: full-text search from the header bar, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test runs in a process of its own (Check forks), calls gtk_init
 * there, and works on its own copy of one demo database generated before
 * the tests start. What is searched for is read from the demo (a
 * practice's name, a meeting's venue), never written here.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "clw-practice-page.h"
#include "clw-search-popover.h"
#include "clw-test-util.h"
#include "clw-ui-fixture.h"
#include "clw-ui-util.h"
#include "clw-window-private.h"

#define TIMEOUT_MS 30000


/* The window on a copy of the demo: clw-ui-fixture.c. */
#define fx clw_ui_fx

static void
setup (void)
{
  clw_ui_fixture_setup ();
}

static void
teardown (void)
{
  clw_ui_fixture_teardown ();
}

static void
searching_changed_cb (ClwSearchPopover *popover,
                      GParamSpec       *pspec,
                      gboolean         *done)
{
  *done = !clw_search_popover_get_searching (popover);
}

/* Open the search with Ctrl+F's action and wait for the popover. */
static ClwSearchPopover *
open_search (void)
{
  ClwSearchPopover *popover;

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.search", NULL));
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
  popover = CLW_SEARCH_POPOVER (clw_ui_find (GTK_WIDGET (fx.window), NULL, CLW_TYPE_SEARCH_POPOVER));
  ck_assert_ptr_nonnull (popover);
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (popover)));
  return popover;
}

/* Type @text in the popover's entry and wait for the results. */
static void
type_and_wait (ClwSearchPopover *popover,
               const char       *text)
{
  GtkEditable *entry = GTK_EDITABLE (clw_ui_find (GTK_WIDGET (popover), "search-entry", GTK_TYPE_SEARCH_ENTRY));
  GtkWidget *focus;
  gboolean done = FALSE;
  gulong id;

  ck_assert_ptr_nonnull (entry);
  /* Opening the search put the keyboard in its entry. */
  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (entry)));
  ck_assert (focus != NULL &&
             (focus == GTK_WIDGET (entry) || gtk_widget_is_ancestor (focus, GTK_WIDGET (entry))));

  id = g_signal_connect (popover, "notify::searching", G_CALLBACK (searching_changed_cb), &done);
  /* As typed: the entry waits for the typing to stop, then searches. */
  gtk_editable_set_text (entry, text);
  ck_assert_msg (clw_ui_wait_for (&done, TIMEOUT_MS), "no results for “%s”", text);
  g_signal_handler_disconnect (popover, id);
  clw_ui_wait_for_paint (GTK_WIDGET (popover), TIMEOUT_MS);
}

static const char *
stack_page (ClwSearchPopover *popover)
{
  GtkStack *stack = GTK_STACK (clw_ui_find (GTK_WIDGET (popover), "search-stack", GTK_TYPE_STACK));

  return gtk_stack_get_visible_child_name (stack);
}

/* A practice of the demo whose name is one no other practice's name holds. */
static ClwPracticeResult *
pick_practice (void)
{
  GListModel *practices = clw_qaif_report_get_practices (clw_session_get_report (clw_window_get_session (fx.window)));
  guint n = g_list_model_get_n_items (practices);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwPracticeResult) practice = g_list_model_get_item (practices, i);
      guint same = 0;

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(ClwPracticeResult) other = g_list_model_get_item (practices, j);

          if (g_str_equal (clw_practice_result_get_name (practice), clw_practice_result_get_name (other)))
            same++;
        }
      if (same == 1)
        return g_steal_pointer (&practice);
    }
  return NULL;
}

START_TEST (test_practice_name_opens_its_page)
{
  g_autoptr(ClwPracticeResult) practice = pick_practice ();
  ClwSearchPopover *popover;
  GtkListBox *list;
  GtkListBoxRow *row;
  GtkWidget *header;
  g_autoptr(ClwSearchGroup) group = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autofree char *count = NULL;
  const char *name;
  gboolean found = FALSE;

  ck_assert_ptr_nonnull (practice);
  name = clw_practice_result_get_name (practice);

  popover = open_search ();
  ck_assert_str_eq (stack_page (popover), "start");

  type_and_wait (popover, name);
  ck_assert_str_eq (stack_page (popover), "results");

  /* The practice is the first result, under Practices, with its count. */
  group = g_list_model_get_item (clw_search_popover_get_groups (popover), 0);
  ck_assert_int_eq (clw_search_group_get_kind (group), CLW_SEARCH_KIND_PRACTICE);
  list = GTK_LIST_BOX (clw_ui_find (GTK_WIDGET (popover), "search-results", GTK_TYPE_LIST_BOX));
  row = gtk_list_box_get_row_at_index (list, 0);
  ck_assert_ptr_nonnull (row);
  header = gtk_list_box_row_get_header (row);
  ck_assert_ptr_nonnull (header);
  labels = clw_ui_find_all (header, GTK_TYPE_LABEL);
  ck_assert_uint_eq (labels->len, 2);
  ck_assert_str_eq (gtk_label_get_text (g_ptr_array_index (labels, 0)), clw_search_group_get_label (group));
  ck_assert_str_eq (clw_search_group_get_label (group), "Practices");
  count = clw_search_group_get_n_total (group) > g_list_model_get_n_items (G_LIST_MODEL (group))
            ? g_strdup_printf ("%u of %u", g_list_model_get_n_items (G_LIST_MODEL (group)),
                               clw_search_group_get_n_total (group))
            : g_strdup_printf ("%u", clw_search_group_get_n_total (group));
  ck_assert_str_eq (gtk_label_get_text (g_ptr_array_index (labels, 1)), count);
  g_clear_pointer (&labels, g_ptr_array_unref);

  labels = clw_ui_find_all (GTK_WIDGET (row), GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), name) != NULL)
      found = TRUE;
  ck_assert_msg (found, "the first result does not show “%s”", name);

  /* Choosing it opens the practice's page, after its cluster. */
  gtk_widget_activate (GTK_WIDGET (row));
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (popover)));
  ck_assert_str_eq (gtk_stack_get_visible_child_name (fx.window->content_stack), "practice");
  ck_assert_ptr_nonnull (strstr (clw_practice_page_get_title (fx.window->practice_page), name));
  ck_assert_str_eq (clw_sidebar_item_get_id (clw_sidebar_get_selected (fx.window->sidebar)),
                    clw_practice_result_get_cluster_id (practice));
  ck_assert (gtk_widget_get_visible (fx.window->back_button));
}
END_TEST

START_TEST (test_enter_opens_the_first_result)
{
  g_autoptr(ClwPracticeResult) practice = pick_practice ();
  ClwSearchPopover *popover;
  GtkWidget *entry;

  popover = open_search ();
  type_and_wait (popover, clw_practice_result_get_code (practice));

  /* Enter in the entry: the best result, the practice of that code. */
  entry = clw_ui_find (GTK_WIDGET (popover), "search-entry", GTK_TYPE_SEARCH_ENTRY);
  g_signal_emit_by_name (entry, "activate");
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (popover)));
  ck_assert_str_eq (gtk_stack_get_visible_child_name (fx.window->content_stack), "practice");
  ck_assert_ptr_nonnull (strstr (clw_practice_page_get_title (fx.window->practice_page),
                                 clw_practice_result_get_name (practice)));
}
END_TEST

START_TEST (test_no_match_shows_the_empty_state)
{
  ClwSearchPopover *popover;
  GtkLabel *empty;
  GListModel *groups;

  popover = open_search ();
  type_and_wait (popover, "zzqxwv");

  groups = clw_search_popover_get_groups (popover);
  ck_assert_ptr_nonnull (groups);
  ck_assert_uint_eq (g_list_model_get_n_items (groups), 0);
  ck_assert_str_eq (stack_page (popover), "empty");
  empty = GTK_LABEL (clw_ui_find (GTK_WIDGET (popover), "search-empty-title", GTK_TYPE_LABEL));
  ck_assert_str_eq (gtk_label_get_text (empty), "No Results for “zzqxwv”");

  /* Clearing the entry (no query, nothing to wait for) goes back to what
   * search does. */
  gtk_editable_set_text (GTK_EDITABLE (clw_ui_find (GTK_WIDGET (popover), "search-entry", GTK_TYPE_SEARCH_ENTRY)), "");
  clw_ui_flush ();
  ck_assert (!clw_search_popover_get_searching (popover));
  ck_assert_str_eq (stack_page (popover), "start");

  /* Escape closes it (the entry's stop-search). */
  g_signal_emit_by_name (clw_ui_find (GTK_WIDGET (popover), "search-entry", GTK_TYPE_SEARCH_ENTRY), "stop-search");
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (popover)));
}
END_TEST

/* The word most practices' names share ("Surgery", "Medical"...). */
static char *
most_common_word (guint *n_practices)
{
  GListModel *practices = clw_qaif_report_get_practices (clw_session_get_report (clw_window_get_session (fx.window)));
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer word, n;
  char *best = NULL;
  guint most = 0;

  for (guint i = 0; i < g_list_model_get_n_items (practices); i++)
    {
      g_autoptr(ClwPracticeResult) practice = g_list_model_get_item (practices, i);
      g_auto(GStrv) words = g_strsplit (clw_practice_result_get_name (practice), " ", -1);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint j = 0; words[j] != NULL; j++)
        {
          if (strlen (words[j]) < 4 || !g_hash_table_add (seen, words[j]))
            continue;
          n = g_hash_table_lookup (counts, words[j]);
          g_hash_table_insert (counts, g_strdup (words[j]), GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
        }
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &word, &n))
    if (GPOINTER_TO_UINT (n) > most)
      {
        most = GPOINTER_TO_UINT (n);
        best = word;
      }
  *n_practices = most;
  return g_strdup (best);
}

/* Press @key as the keyboard would (XTEST), into the window that has the
 * keyboard. */
static void
press_key (const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *command = g_strdup_printf ("xdotool key --clearmodifiers %s", key);
  int status;

  clw_ui_flush ();
  ck_assert (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (status, 0);
}

static gboolean
focus_is_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean
wait_for_focus_in (gpointer widget)
{
  gint64 end = g_get_monotonic_time () + TIMEOUT_MS * 1000;

  ck_assert_ptr_nonnull (widget);
  while (!focus_is_in (widget) && g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return focus_is_in (widget);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

/* The best few of each kind, then all of a kind on asking; the keyboard
 * goes down from the entry into the results and on. */
START_TEST (test_show_all_and_the_keyboard)
{
  guint n_practices = 0;
  g_autofree char *word = most_common_word (&n_practices);
  ClwSearchPopover *popover;
  GtkListBox *list;
  GtkListBoxRow *more, *focus_row;
  g_autoptr(ClwSearchGroup) group = NULL;
  GtkWidget *focus;
  gboolean done = FALSE;
  guint n_rows;
  int more_index;
  gint64 end = g_get_monotonic_time () + TIMEOUT_MS * 1000;
  gulong id;

  ck_assert_uint_gt (n_practices, 6);
  popover = open_search ();
  type_and_wait (popover, word);
  group = g_list_model_get_item (clw_search_popover_get_groups (popover), 0);
  ck_assert_int_eq (clw_search_group_get_kind (group), CLW_SEARCH_KIND_PRACTICE);
  ck_assert_uint_ge (clw_search_group_get_n_total (group), n_practices);

  list = GTK_LIST_BOX (clw_ui_find (GTK_WIDGET (popover), "search-results", GTK_TYPE_LIST_BOX));

  /* Down, a real key press, from the entry to the first result. */
  press_key ("Down");
  ck_assert_msg (wait_for_focus_in (gtk_list_box_get_row_at_index (list, 0)), "Down did not reach the results");
  press_key ("Up");
  ck_assert_msg (wait_for_focus_in (clw_ui_find (GTK_WIDGET (popover), "search-entry", GTK_TYPE_SEARCH_ENTRY)),
                 "Up from the first result did not go back to the entry");

  /* A few practices, then "Show all". */
  n_rows = count_rows (list);
  more = NULL;
  for (guint i = 0; i < n_rows && more == NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      GtkWidget *label = gtk_list_box_row_get_child (row);

      if (GTK_IS_LABEL (label) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), "Show all"))
        more = row;
    }
  ck_assert_ptr_nonnull (more);
  more_index = gtk_list_box_row_get_index (more);
  ck_assert_int_lt (more_index, n_practices);

  id = g_signal_connect (popover, "notify::searching", G_CALLBACK (searching_changed_cb), &done);
  gtk_widget_activate (GTK_WIDGET (more));
  more = NULL;  /* the rows are made again */
  ck_assert (clw_ui_wait_for (&done, TIMEOUT_MS));
  g_signal_handler_disconnect (popover, id);
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (popover)));
  ck_assert_uint_ge (count_rows (list), MIN (clw_search_group_get_n_total (group), 100));

  /* The keyboard went on from the first practice not listed before. */
  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (list)));
  focus_row = GTK_LIST_BOX_ROW (gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW));
  ck_assert_ptr_nonnull (focus_row);
  ck_assert_int_eq (gtk_list_box_row_get_index (focus_row), more_index);

  /* Enter opens that practice. */
  press_key ("Return");
  while (gtk_widget_get_visible (GTK_WIDGET (popover)) && g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (popover)));
  ck_assert_str_eq (gtk_stack_get_visible_child_name (fx.window->content_stack), "practice");
}
END_TEST

/* A meeting of another cycle than the one shown opens in its cycle. */
START_TEST (test_result_of_another_cycle_shows_its_cycle)
{
  g_autoptr(GError) error = NULL;
  ClwSession *session = clw_window_get_session (fx.window);
  ClwDatabase *db = clw_session_get_database (session);
  ClwCycle *shown = clw_session_get_cycle (session);
  const char *params[] = { clw_cycle_get_starts_on (shown), NULL };
  g_autoptr(GListStore) meetings = NULL;
  g_autoptr(ClwMeeting) meeting = NULL;
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(ClwSearchResult) found = NULL;
  g_autofree char *before = g_strdup (clw_session_get_cycle_code (session));
  ClwSearchPopover *popover;

  meetings = clw_record_list (db, CLW_TYPE_MEETING, "starts_at < ?", params, &error);
  ck_assert_no_error (error);
  meeting = g_list_model_get_item (G_LIST_MODEL (meetings), 0);
  ck_assert_ptr_nonnull (meeting);

  /* Its result, as search finds it by its place. */
  groups = clw_search (db, clw_meeting_get_place (meeting), 100, &error);
  ck_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (groups) && found == NULL; i++)
    {
      g_autoptr(ClwSearchGroup) group = g_list_model_get_item (groups, i);

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (group)) && found == NULL; j++)
        {
          g_autoptr(ClwSearchResult) result = g_list_model_get_item (G_LIST_MODEL (group), j);

          if (g_strcmp0 (clw_search_result_get_meeting_id (result),
                         clw_record_get_id (CLW_RECORD (meeting))) == 0 &&
              clw_search_result_get_kind (result) == CLW_SEARCH_KIND_MEETING)
            found = g_steal_pointer (&result);
        }
    }
  ck_assert_ptr_nonnull (found);
  ck_assert_str_ne (clw_search_result_get_cycle_id (found), clw_record_get_id (CLW_RECORD (shown)));

  popover = open_search ();
  g_signal_emit_by_name (popover, "result-activated", found);
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);

  ck_assert_str_ne (clw_session_get_cycle_code (session), before);
  ck_assert_str_eq (clw_record_get_id (CLW_RECORD (clw_session_get_cycle (session))),
                    clw_search_result_get_cycle_id (found));
  ck_assert_str_eq (gtk_string_list_get_string (fx.window->cycles,
                                                gtk_drop_down_get_selected (fx.window->cycle_dropdown)),
                    clw_session_get_cycle_code (session));
  ck_assert_str_eq (gtk_stack_get_visible_child_name (fx.window->content_stack), "meeting");
  ck_assert_str_eq (clw_sidebar_item_get_id (clw_sidebar_get_selected (fx.window->sidebar)),
                    clw_search_result_get_cluster_id (found));
}
END_TEST

START_TEST (test_results_follow_edits)
{
  g_autoptr(ClwPracticeResult) picked = pick_practice ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwRecord) practice = NULL;
  ClwSession *session = clw_window_get_session (fx.window);
  ClwSearchPopover *popover;
  gboolean done = FALSE;
  gulong id;

  popover = open_search ();
  type_and_wait (popover, "Bryngwyn");
  ck_assert_str_eq (stack_page (popover), "empty");

  /* Renaming a practice while the search is open shows it at once. */
  practice = clw_record_load (clw_session_get_database (session), CLW_TYPE_PRACTICE,
                              clw_practice_result_get_practice_id (picked), &error);
  ck_assert_no_error (error);
  g_object_set (practice, "name", "Meddygfa Bryngwyn", NULL);
  id = g_signal_connect (popover, "notify::searching", G_CALLBACK (searching_changed_cb), &done);
  ck_assert (clw_session_save (session, practice, "Rename", &error));
  ck_assert_no_error (error);
  ck_assert (clw_ui_wait_for (&done, TIMEOUT_MS));
  g_signal_handler_disconnect (popover, id);
  ck_assert_str_eq (stack_page (popover), "results");
  ck_assert_uint_eq (g_list_model_get_n_items (clw_search_popover_get_groups (popover)), 1);
}
END_TEST

static Suite *
search_suite (void)
{
  Suite *s = suite_create ("ui-search");
  TCase *tc = tcase_create ("search");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_practice_name_opens_its_page);
  tcase_add_test (tc, test_enter_opens_the_first_result);
  tcase_add_test (tc, test_no_match_shows_the_empty_state);
  tcase_add_test (tc, test_results_follow_edits);
  tcase_add_test (tc, test_show_all_and_the_keyboard);
  tcase_add_test (tc, test_result_of_another_cycle_shows_its_cycle);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int    argc,
      char **argv)
{
  return clw_ui_fixture_run (search_suite (), argc, argv);
}
