/* test-ui-returns.c: IMTP returns, meeting packs and practice lists through the app, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test runs in a process of its own (Check forks), calls gtk_init
 * there, and works on its own copy of one demo database generated before
 * the tests start. What the app writes is checked by other tools than
 * Clwstwr's: xmllint against the schema, poppler's pdfinfo and pdftotext.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "clw-cluster-dashboard.h"
#include "clw-gui-util.h"
#include "clw-practice-import-dialog.h"
#include "clw-test-util.h"
#include "clw-ui-fixture.h"
#include "clw-ui-util.h"
#include "clw-window-returns.h"

#define TIMEOUT_MS 60000
#define CYCLE "2022-23"
/* An NHS number with a valid check digit, as a careless text would hold it. */
#define NHS_NUMBER "943 476 5919"


/* The window on a copy of the demo: clw-ui-fixture.c. */
#define fx clw_ui_fx

static void
setup (void)
{
  /* Accessible properties kept where a test can read them. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  clw_ui_fixture_setup ();
}

static void
teardown (void)
{
  clw_ui_fixture_teardown ();
}

/* Helpers ---------------------------------------------------------------------------- */

static ClwSession *
session (void)
{
  return clw_window_get_session (fx.window);
}

static ClwDatabase *
db (void)
{
  return clw_session_get_database (session ());
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

typedef gboolean (*Condition) (gconstpointer data);

/* Spin the main loop until @condition holds; fail the test after a while. */
static void
spin_until (Condition      condition,
            gconstpointer  data,
            const char    *what)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) TIMEOUT_MS * 1000;
  guint wake = g_timeout_add (20, wake_cb, NULL);

  while (!condition (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  ck_assert_msg (condition (data), "waited in vain for %s", what);
}

static gboolean
idle_condition (gconstpointer data)
{
  return !clw_window_is_working (fx.window);
}

static void
wait_for_work (void)
{
  spin_until (idle_condition, NULL, "the window's job to end");
  clw_ui_flush ();
}

/* The toplevel named @name, or of @type when @name is NULL; NULL if none. */
static GtkWindow *
find_toplevel (const char *name,
               GType       type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (!gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        continue;
      if (name != NULL ? g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (toplevel)), name) == 0
                       : G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return toplevel;
    }
  return NULL;
}

typedef struct
{
  const char *name;
  GType       type;
} Wanted;

static gboolean
toplevel_condition (gconstpointer data)
{
  const Wanted *wanted = data;

  return find_toplevel (wanted->name, wanted->type) != NULL;
}

static GtkWindow *
wait_for_toplevel (const char *name,
                   GType       type)
{
  Wanted wanted = { name, type };

  spin_until (toplevel_condition, &wanted, name != NULL ? name : g_type_name (type));
  return find_toplevel (name, type);
}

/* Every label's and inscription's text under @widget, one a line. */
static char *
all_text (GtkWidget *widget)
{
  g_autoptr(GPtrArray) labels = clw_ui_find_all (widget, GTK_TYPE_LABEL);
  g_autoptr(GPtrArray) inscriptions = clw_ui_find_all (widget, GTK_TYPE_INSCRIPTION);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    {
      g_string_append (text, gtk_label_get_label (g_ptr_array_index (labels, i)));
      g_string_append_c (text, '\n');
    }
  for (guint i = 0; i < inscriptions->len; i++)
    {
      const char *inscription = gtk_inscription_get_text (g_ptr_array_index (inscriptions, i));

      g_string_append (text, inscription != NULL ? inscription : "");
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* What a message dialog says: heading, body and the labels of its extra child. */
static char *
dialog_text (GtkWindow *dialog)
{
  g_autofree char *labels = all_text (GTK_WIDGET (dialog));

  ck_assert (ADW_IS_MESSAGE_DIALOG (dialog));
  return g_strdup_printf ("%s\n%s\n%s", adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                          adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), labels);
}

static char *
run (const char * const *argv,
     int                *status)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, status, &error);
  ck_assert_msg (error == NULL, "cannot run %s: %s", argv[0], error != NULL ? error->message : "");
  return g_strconcat (out, err, NULL);
}

static void
assert_valid_return (const char *path)
{
  g_autofree char *schema = clw_test_source_path ("../data/imtp-return.xsd");
  const char *argv[] = { "xmllint", "--noout", "--nonet", "--schema", schema, path, NULL };
  int status = -1;
  g_autofree char *out = run (argv, &status);

  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "xmllint refuses %s:\n%s", path, out);
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  int status = -1;
  g_autofree char *info = run (argv, &status);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("^Pages:\\s+(\\d+)$", G_REGEX_MULTILINE, 0, NULL);
  g_autofree char *pages = NULL;

  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "pdfinfo refuses %s:\n%s", path, info);
  ck_assert_msg (g_regex_match_simple ("(?m)^Page size:\\s+595.27\\d* x 841.8\\d* pts \\(A4\\)", info, 0, 0),
                 "%s is not A4:\n%s", path, info);
  ck_assert_msg (g_regex_match (regex, info, 0, &match), "%s", info);
  pages = g_match_info_fetch (match, 1);
  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  int status = -1;
  char *text = run (argv, &status);

  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "pdftotext refuses %s", path);
  return text;
}

static char *
cluster_id_of (const char *code)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM cluster WHERE code = '%s'", code);

  return clw_test_query_string (db (), sql);
}

/* A held meeting of the GP Collaborative of @cluster_id, with actions. */
static char *
meeting_of (const char *cluster_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT m.id FROM meeting m JOIN collaborative c ON c.id = m.collaborative_id "
                                          "WHERE c.cluster_id = '%s' AND c.profession = 'gp' "
                                          "ORDER BY m.starts_at DESC LIMIT 1", cluster_id);

  return clw_test_query_string (db (), sql);
}

static gboolean
chosen_condition (gconstpointer data)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (find_toplevel (NULL, GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_autoptr(GFile) chosen = NULL;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  chosen = chooser != NULL ? gtk_file_chooser_get_file (chooser) : NULL;
  G_GNUC_END_IGNORE_DEPRECATIONS
  return chosen != NULL && g_file_equal (chosen, G_FILE (data));
}

/* Answer the file chooser the window opened (the dialog GTK falls back to
 * without a portal) with the name it suggests, in @folder, as a user would. */
static void
answer_file_chooser (const char *folder,
                     const char *expected_name)
{
  GtkWindow *dialog = wait_for_toplevel (NULL, GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
  ck_assert_str_eq (name, expected_name);
  path = g_build_filename (folder, name, NULL);
  file = g_file_new_for_path (path);
  /* Typed in full into the name, as a user may. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), path);
  G_GNUC_END_IGNORE_DEPRECATIONS

  spin_until (chosen_condition, file, "the file chooser to choose the file");
  clw_ui_flush ();

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static gboolean
file_exists_condition (gconstpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* The button @name is on screen, can be used, and says what it does to
 * the mouse (a tooltip) and to a screen reader (an accessible label). */
static void
assert_button_ready (const char *name)
{
  GtkWidget *button = clw_ui_find (GTK_WIDGET (fx.window), name, G_TYPE_INVALID);

  ck_assert_msg (button != NULL, "no %s", name);
  ck_assert_msg (gtk_widget_is_sensitive (button) && gtk_widget_get_mapped (button), "%s is not usable", name);
  ck_assert_msg (gtk_widget_get_tooltip_text (button) != NULL, "%s has no tooltip", name);
  ck_assert_msg (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL),
                 "%s has no accessible label", name);
}

/* Tests ---------------------------------------------------------------------------- */

/* The actions follow what is shown. */
START_TEST (test_actions_follow_the_page)
{
  g_autofree char *cluster_id = cluster_id_of ("AB01");
  g_autofree char *board_id = clw_test_query_string (db (), "SELECT health_board_id FROM cluster WHERE code = 'AB01'");
  g_autofree char *meeting_id = meeting_of (cluster_id);

  ck_assert (clw_window_show_item (fx.window, cluster_id));
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
  assert_button_ready ("export-return-button");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.import-practices", NULL));

  /* The chooser it opened is modal: close it before going on. */
  gtk_window_destroy (wait_for_toplevel (NULL, GTK_TYPE_FILE_CHOOSER_DIALOG));
  clw_ui_flush ();

  ck_assert (clw_window_show_item (fx.window, board_id));
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
  assert_button_ready ("export-returns-button");
  assert_button_ready ("import-practices-button");
  /* Nothing of a meeting's on a board's page. */
  gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.print-meeting-pack", NULL);
  ck_assert (!clw_window_is_working (fx.window));

  clw_window_show_meeting (fx.window, meeting_id);
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
  assert_button_ready ("save-pack-button");
  assert_button_ready ("print-pack-button");
  /* Nor a return's on a meeting's. */
  gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.export-imtp-return", NULL);
  clw_ui_flush ();
  ck_assert_ptr_null (find_toplevel (NULL, GTK_TYPE_FILE_CHOOSER_DIALOG));
}
END_TEST

/* A cluster's return through the action and its file chooser: the name
 * core gives, a file xmllint finds valid, and the text that looks like
 * patient data named in a dialog, without its NHS number. */
START_TEST (test_export_cluster_return)
{
  g_autofree char *cluster_id = cluster_id_of ("AB01");
  g_autofree char *section_id = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(ClwRecord) section = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  /* A contribution of the cluster's in words that identify a patient. */
  sql = g_strdup_printf ("SELECT s.id FROM imtp_section s JOIN imtp_contribution c ON c.id = s.contribution_id "
                         "JOIN practice p ON p.id = c.practice_id JOIN cycle y ON y.id = c.cycle_id "
                         "WHERE p.cluster_id = '%s' AND y.code = '" CYCLE "' ORDER BY p.code, s.kind LIMIT 1",
                         cluster_id);
  section_id = clw_test_query_string (db (), sql);
  section = clw_record_load (db (), CLW_TYPE_IMTP_SECTION, section_id, &error);
  ck_assert_no_error (error);
  g_object_set (section, "body", "Mrs Y (NHS no. " NHS_NUMBER ") waited eleven weeks for a review.", NULL);
  ck_assert (clw_session_save (session (), section, "Edit a section", &error));
  ck_assert_no_error (error);

  ck_assert (clw_window_show_item (fx.window, cluster_id));
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);

  name = clw_imtp_return_dup_file_name_for (db (), cluster_id, CYCLE, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (name, "AB01-" CYCLE "-imtp-return.xml");
  path = g_build_filename (clw_test_tmpdir (), name, NULL);

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.export-imtp-return", NULL));
  answer_file_chooser (clw_test_tmpdir (), name);
  spin_until (file_exists_condition, path, "the return");
  wait_for_work ();

  assert_valid_return (path);

  dialog = wait_for_toplevel ("patient-data-dialog", G_TYPE_INVALID);
  text = dialog_text (dialog);
  ck_assert_msg (strstr (text, "an NHS number (ending 5919)") != NULL, "%s", text);
  ck_assert_msg (strstr (text, NHS_NUMBER) == NULL && strstr (text, "9434765919") == NULL,
                 "the dialog repeats the NHS number:\n%s", text);
  ck_assert_msg (strstr (text, name) != NULL, "the dialog does not name the file:\n%s", text);
}
END_TEST

/* A return or a pack that cannot be written: a dialog says what happened
 * and what to do, and nothing is left behind. */
START_TEST (test_write_errors_say_what_to_do)
{
  g_autofree char *cluster_id = cluster_id_of ("AB01");
  g_autofree char *meeting_id = meeting_of (cluster_id);
  g_autofree char *missing = clw_test_path ("no-such-folder");
  g_autofree char *return_path = g_build_filename (missing, "return.xml", NULL);
  g_autofree char *pack_path = g_build_filename (missing, "pack.pdf", NULL);
  g_autoptr(GFile) return_file = g_file_new_for_path (return_path);
  g_autoptr(GFile) pack_file = g_file_new_for_path (pack_path);
  g_autofree char *text = NULL;
  GtkWindow *dialog;

  ck_assert (clw_window_show_item (fx.window, cluster_id));
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
  clw_window_export_imtp_return (fx.window, cluster_id, return_file);
  wait_for_work ();
  dialog = wait_for_toplevel (NULL, ADW_TYPE_MESSAGE_DIALOG);
  text = dialog_text (dialog);
  ck_assert_msg (g_str_has_prefix (text, "Could Not Export the IMTP Return\n"), "%s", text);
  ck_assert_msg (strstr (text, return_path) != NULL && strstr (text, "Nothing was written") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "Choose a folder you can write to") != NULL, "%s", text);
  gtk_window_destroy (dialog);
  clw_ui_flush ();

  clw_window_show_meeting (fx.window, meeting_id);
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
  clw_window_save_meeting_pack (fx.window, meeting_id, pack_file);
  wait_for_work ();
  dialog = wait_for_toplevel (NULL, ADW_TYPE_MESSAGE_DIALOG);
  g_free (text);
  text = dialog_text (dialog);
  ck_assert_msg (g_str_has_prefix (text, "Could Not Save the Meeting Pack\n"), "%s", text);
  ck_assert_msg (strstr (text, "Choose a folder you can write to") != NULL, "%s", text);
  ck_assert (!g_file_test (missing, G_FILE_TEST_EXISTS));
}
END_TEST

/* Every cluster of a board into a folder: one valid file a cluster and a
 * toast saying so; a second export asks before replacing them. */
START_TEST (test_export_board_returns)
{
  g_autofree char *board_id = clw_test_query_string (db (), "SELECT health_board_id FROM cluster WHERE code = 'AB01'");
  g_autofree char *folder = clw_test_path ("returns");
  g_autoptr(GFile) dir = g_file_new_for_path (folder);
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GDir) listing2 = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *sql = NULL;
  const char *entry;
  GtkWindow *dialog;
  guint n_files = 0;
  gint64 n_clusters;

  sql = g_strdup_printf ("SELECT count(*) FROM cluster WHERE health_board_id = '%s'", board_id);
  n_clusters = clw_test_query_int (db (), sql);

  ck_assert (clw_window_show_item (fx.window, board_id));
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
  ck_assert_int_eq (g_mkdir (folder, 0700), 0);

  clw_window_export_imtp_returns (fx.window, board_id, dir);
  wait_for_work ();

  listing = g_dir_open (folder, 0, NULL);
  while ((entry = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, entry, NULL);

      ck_assert (g_str_has_suffix (entry, "-" CYCLE "-imtp-return.xml"));
      assert_valid_return (path);
      n_files++;
    }
  ck_assert_int_eq (n_files, n_clusters);

  /* A toast says how many and where, and offers to open the folder. */
  clw_ui_flush ();
  text = all_text (GTK_WIDGET (fx.window));
  expected = g_strdup_printf ("%" G_GINT64_FORMAT " IMTP returns of Aneurin Bevan", n_clusters);
  ck_assert_msg (strstr (text, expected) != NULL && strstr (text, "saved in “returns”") != NULL
                 && strstr (text, "Open Folder") != NULL, "no toast in:\n%s", text);

  /* Again: the returns there are not replaced without asking. */
  clw_window_export_imtp_returns (fx.window, board_id, dir);
  dialog = wait_for_toplevel ("replace-dialog", G_TYPE_INVALID);
  ck_assert (!clw_window_is_working (fx.window));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "replace");
  clw_ui_flush ();
  wait_for_work ();
  listing2 = g_dir_open (folder, 0, NULL);
  n_files = 0;
  while (g_dir_read_name (listing2) != NULL)
    n_files++;
  ck_assert_int_eq (n_files, n_clusters);
}
END_TEST

/* The meeting pack saved through its button's action and file chooser,
 * then printed to a PDF through the print path: the same pages. */
START_TEST (test_meeting_pack_save_and_print)
{
  g_autofree char *cluster_id = cluster_id_of ("AB01");
  g_autofree char *meeting_id = meeting_of (cluster_id);
  g_autofree char *name = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *printed = clw_test_path ("printed.pdf");
  g_autofree char *text = NULL;
  g_autofree char *printed_text = NULL;
  g_autoptr(ClwMeetingPack) pack = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pages, pack_pages;

  clw_window_show_meeting (fx.window, meeting_id);
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);

  name = clw_meeting_pack_dup_file_name_for (db (), meeting_id, &error);
  ck_assert_no_error (error);
  ck_assert (g_str_has_prefix (name, "AB01-") && g_str_has_suffix (name, "-meeting-pack.pdf"));
  saved = g_build_filename (clw_test_tmpdir (), name, NULL);

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.save-meeting-pack", NULL));
  answer_file_chooser (clw_test_tmpdir (), name);
  spin_until (file_exists_condition, saved, "the pack");
  wait_for_work ();

  pack = clw_meeting_pack_new (db (), meeting_id, &error);
  ck_assert_no_error (error);
  pack_pages = clw_meeting_pack_paginate (pack, CLW_PRINT_A4_WIDTH, CLW_PRINT_A4_HEIGHT);

  n_pages = pdf_pages (saved);
  ck_assert_uint_eq (n_pages, pack_pages);
  text = pdf_text (saved);
  ck_assert_msg (strstr (text, "Blaenau Gwent East GP Collaborative") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "Action log") != NULL && strstr (text, "Contents") != NULL, "%s", text);

  /* The print path: begin-print paginates for the print context, draw-page
   * draws each page, into a PDF as "Print to File" does. */
  clw_window_print_meeting_pack (fx.window, meeting_id, printed);
  wait_for_work ();
  ck_assert (g_file_test (printed, G_FILE_TEST_EXISTS));
  ck_assert_uint_eq (pdf_pages (printed), pack_pages);
  printed_text = pdf_text (printed);
  ck_assert_msg (strstr (printed_text, "Blaenau Gwent East GP Collaborative") != NULL, "%s", printed_text);
  {
    g_autofree char *last = g_strdup_printf ("Page %u of %u", pack_pages, pack_pages);
    ck_assert_msg (strstr (printed_text, last) != NULL, "%s", printed_text);
  }
}
END_TEST

/* A practice list cancelled changes nothing; one with a rejected row:
 * Import disabled, and why; the file corrected and read again, imported, shown on the cluster's dashboard,
 * and undone. */
START_TEST (test_import_practices)
{
  g_autofree char *cluster_id = cluster_id_of ("AB01");
  g_autofree char *csv = clw_test_path ("practices.csv");
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  const char *bad =
    "Practice Code,Practice Name,Cluster,Partners,List Size,Notes\r\n"
    "W00001,Meddygfa'r Afon,AB01,3,5200,new\r\n"
    "W00002,Canolfan Iechyd y Bryn,AB01,2,8400.5,new\r\n";
  const char *good =
    "Practice Code,Practice Name,Cluster,Partners,List Size,Notes\r\n"
    "W00001,Meddygfa'r Afon,AB01,3,5200,new\r\n"
    "W00002,Canolfan Iechyd y Bryn,AB01,2,8400,new\r\n";
  ClwPracticeImportDialog *dialog;
  ClwQaifReport *before;
  GtkWidget *reason;
  GtkWidget *import_button;
  GtkWidget *view;
  g_autofree char *cells = NULL;
  GtkColumnView *practices;
  GListModel *model;
  guint n_before;

  ck_assert_int_eq (clw_test_query_int (db (), "SELECT count(*) FROM practice WHERE code IN ('W00001', 'W00002')"), 0);
  ck_assert (clw_window_show_item (fx.window, cluster_id));
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
  practices = GTK_COLUMN_VIEW (clw_ui_find (clw_ui_find (GTK_WIDGET (fx.window), NULL, CLW_TYPE_CLUSTER_DASHBOARD),
                                            NULL, GTK_TYPE_COLUMN_VIEW));
  model = G_LIST_MODEL (gtk_column_view_get_model (practices));
  n_before = g_list_model_get_n_items (model);

  /* Cancelled with nothing wrong in the file: nothing is imported. */
  clw_test_write_file (csv, good, -1);
  clw_window_import_practices (fx.window, file);
  wait_for_work ();
  dialog = CLW_PRACTICE_IMPORT_DIALOG (wait_for_toplevel (NULL, CLW_TYPE_PRACTICE_IMPORT_DIALOG));
  clw_ui_wait_for_paint (GTK_WIDGET (dialog), TIMEOUT_MS);
  ck_assert (gtk_widget_is_sensitive (clw_ui_find (GTK_WIDGET (dialog), "import-button", G_TYPE_INVALID)));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  clw_ui_flush ();
  ck_assert_ptr_null (find_toplevel (NULL, CLW_TYPE_PRACTICE_IMPORT_DIALOG));
  ck_assert_int_eq (clw_test_query_int (db (), "SELECT count(*) FROM practice WHERE code IN ('W00001', 'W00002')"), 0);

  clw_test_write_file (csv, bad, -1);
  clw_window_import_practices (fx.window, file);
  wait_for_work ();
  dialog = CLW_PRACTICE_IMPORT_DIALOG (wait_for_toplevel (NULL, CLW_TYPE_PRACTICE_IMPORT_DIALOG));
  clw_ui_wait_for_paint (GTK_WIDGET (dialog), TIMEOUT_MS);

  import_button = clw_ui_find (GTK_WIDGET (dialog), "import-button", G_TYPE_INVALID);
  reason = clw_ui_find (GTK_WIDGET (dialog), "reason-label", G_TYPE_INVALID);
  view = clw_ui_find (GTK_WIDGET (dialog), "rows-view", G_TYPE_INVALID);
  ck_assert (!gtk_widget_is_sensitive (import_button));
  ck_assert (gtk_widget_is_drawable (reason));
  ck_assert_msg (strstr (gtk_label_get_label (GTK_LABEL (reason)), "Row 3 is rejected") != NULL,
                 "%s", gtk_label_get_label (GTK_LABEL (reason)));
  /* The rejected row, its number and its reason, and the row to add. */
  cells = all_text (view);
  ck_assert_msg (strstr (cells, "Rejected") != NULL && strstr (cells, "8400.5") != NULL, "%s", cells);
  ck_assert_msg (strstr (cells, "To add") != NULL && strstr (cells, "W00001") != NULL, "%s", cells);
  ck_assert_msg (strstr (all_text (GTK_WIDGET (dialog)), "1 rejected") != NULL, "no count of the rejected");
  /* Nor does its action (core would refuse it too). */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
  clw_ui_flush ();
  ck_assert_ptr_nonnull (find_toplevel (NULL, CLW_TYPE_PRACTICE_IMPORT_DIALOG));
  ck_assert_int_eq (clw_test_query_int (db (), "SELECT count(*) FROM practice WHERE code IN ('W00001', 'W00002')"), 0);

  /* Corrected, and read again. */
  clw_test_write_file (csv, good, -1);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.read-again", NULL));
  while (clw_practice_import_dialog_get_busy (dialog))
    g_main_context_iteration (NULL, TRUE);
  clw_ui_flush ();
  ck_assert_uint_eq (clw_practice_import_count (clw_practice_import_dialog_get_import (dialog),
                                                CLW_IMPORT_ACTION_ADD), 2);
  ck_assert (gtk_widget_is_sensitive (import_button));
  ck_assert (!gtk_widget_get_visible (gtk_widget_get_parent (reason)));

  before = clw_session_get_report (session ());
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  ck_assert_ptr_null (find_toplevel (NULL, CLW_TYPE_PRACTICE_IMPORT_DIALOG));
  ck_assert_int_eq (clw_test_query_int (db (), "SELECT count(*) FROM practice WHERE code IN ('W00001', 'W00002')"), 2);
  ck_assert (clw_ui_wait_for_report (session (), before, TIMEOUT_MS));
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);

  /* On the cluster's dashboard, as lines of its table. */
  ck_assert_uint_eq (g_list_model_get_n_items (model), n_before + 2);
  g_free (cells);
  cells = all_text (GTK_WIDGET (practices));
  ck_assert_msg (strstr (cells, "W00001") != NULL && strstr (cells, "W00002") != NULL,
                 "the new practices are not on the dashboard:\n%s", cells);

  /* One Undo takes the whole import back. */
  before = clw_session_get_report (session ());
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.undo", NULL));
  ck_assert_int_eq (clw_test_query_int (db (), "SELECT count(*) FROM practice WHERE code IN ('W00001', 'W00002')"), 0);
  ck_assert (clw_ui_wait_for_report (session (), before, TIMEOUT_MS));
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
  g_free (cells);
  cells = all_text (GTK_WIDGET (practices));
  ck_assert_msg (strstr (cells, "W00001") == NULL && strstr (cells, "W00002") == NULL, "%s", cells);
  ck_assert_uint_eq (g_list_model_get_n_items (model), n_before);
}
END_TEST

/* Files that cannot be read as a practice list are explained, and change
 * nothing. */
START_TEST (test_bad_practice_lists)
{
  struct
  {
    const char *name;
    const char *contents;
    const char *says;
  } cases[] = {
    /* Windows-1252, as Excel's plain "CSV (Comma delimited)" writes it. */
    { "cp1252.csv", "Code,Name,Cluster\nW00001,Caf\xe9 Surgery,AB01\n", "CSV UTF-8" },
    { "quotes.csv", "Code,Name,Cluster\nW00001,\"Surgery,AB01\n", "quote" },
    { "columns.csv", "Name,Cluster\nA Surgery,AB01\n", "practice code" },
  };
  gint64 practices = clw_test_query_int (db (), "SELECT count(*) FROM practice");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = clw_test_path (cases[i].name);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *heading = g_strdup_printf ("Could Not Read “%s”", cases[i].name);
      g_autofree char *text = NULL;
      GtkWindow *dialog;

      clw_test_write_file (path, cases[i].contents, -1);
      clw_window_import_practices (fx.window, file);
      wait_for_work ();
      dialog = wait_for_toplevel (NULL, ADW_TYPE_MESSAGE_DIALOG);
      text = dialog_text (dialog);
      ck_assert_msg (strstr (text, heading) != NULL, "%s", text);
      ck_assert_msg (strstr (text, cases[i].says) != NULL, "%s does not say “%s”:\n%s",
                     cases[i].name, cases[i].says, text);
      ck_assert_ptr_null (find_toplevel (NULL, CLW_TYPE_PRACTICE_IMPORT_DIALOG));
      gtk_window_destroy (dialog);
      clw_ui_flush ();
    }

  ck_assert_int_eq (clw_test_query_int (db (), "SELECT count(*) FROM practice"), practices);
}
END_TEST

static Suite *
returns_suite (void)
{
  Suite *s = suite_create ("ui-returns");
  TCase *tc = tcase_create ("returns");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 600);
  tcase_add_test (tc, test_actions_follow_the_page);
  tcase_add_test (tc, test_export_cluster_return);
  tcase_add_test (tc, test_write_errors_say_what_to_do);
  tcase_add_test (tc, test_export_board_returns);
  tcase_add_test (tc, test_meeting_pack_save_and_print);
  tcase_add_test (tc, test_import_practices);
  tcase_add_test (tc, test_bad_practice_lists);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int    argc,
      char **argv)
{
  /* The name the file chooser gives the recent files. */
  g_set_prgname ("clwstwr");
  return clw_ui_fixture_run (returns_suite (), argc, argv);
}
