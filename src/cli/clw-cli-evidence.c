/* clw-cli-evidence.c: evidence add, list, export, verify and prune
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clwstwr-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "clw-cli.h"

/* A mistake on the command line: exit status 2. */
static int
usage_error (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, message);
  return 2;
}

/* The cycle of that code, or the one whose year holds @date. */
static ClwCycle *
find_cycle (ClwDatabase  *db,
            const char   *code,
            const char   *date,
            GError      **error)
{
  g_autoptr(GListStore) cycles = clw_record_list (db, CLW_TYPE_CYCLE, NULL, NULL, error);

  if (cycles == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (cycles)); i++)
    {
      g_autoptr(ClwCycle) cycle = g_list_model_get_item (G_LIST_MODEL (cycles), i);

      if (code != NULL ? g_strcmp0 (clw_cycle_get_code (cycle), code) == 0
                       : (g_strcmp0 (clw_cycle_get_starts_on (cycle), date) <= 0 &&
                          g_strcmp0 (clw_cycle_get_ends_on (cycle), date) >= 0))
        return g_steal_pointer (&cycle);
    }

  if (code != NULL)
    g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
                 _("There is no QAIF cycle “%s”; cycles are written as 2021-22."), code);
  else
    g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
                 _("No QAIF cycle holds %s: give the cycle with --cycle."), date);
  return NULL;
}

static char *
find_indicator (ClwDatabase  *db,
                const char   *code,
                ClwCycle     *cycle,
                GError      **error)
{
  g_autoptr(GListStore) indicators = clw_record_list (db, CLW_TYPE_INDICATOR, NULL, NULL, error);

  if (indicators == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (indicators)); i++)
    {
      g_autoptr(ClwIndicator) indicator = g_list_model_get_item (G_LIST_MODEL (indicators), i);

      if (g_strcmp0 (clw_indicator_get_cycle_id (indicator), clw_record_get_id (CLW_RECORD (cycle))) == 0 &&
          g_ascii_strcasecmp (clw_indicator_get_code (indicator), code) == 0)
        return g_strdup (clw_record_get_id (CLW_RECORD (indicator)));
    }

  g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
               _("The cycle %s has no indicator %s."), clw_cycle_get_code (cycle), code);
  return NULL;
}

static void
progress_cb (goffset  current,
             goffset  total,
             gpointer data)
{
  int *last = data;
  int percent = total > 0 ? (int) (current * 100 / total) : 100;

  if (percent == *last)
    return;
  *last = percent;
  g_printerr ("\r");
  /* TRANSLATORS: progress of copying a file into the evidence folder */
  g_printerr (_("Storing the file: %d%%"), percent);
  if (current == total)
    g_printerr ("\n");
}

static int
evidence_add (const ClwCliGlobals  *globals,
              int                   argc,
              char                **argv,
              GError              **error)
{
  g_autoptr(ClwDatabase) db = NULL;
  g_autoptr(ClwEvidence) evidence = NULL;
  g_autoptr(ClwEvidence) row = NULL;
  g_autoptr(ClwCycle) cycle = NULL;
  g_autofree char *practice = NULL;
  g_autofree char *meeting = NULL;
  g_autofree char *indicator = NULL;
  g_autofree char *cycle_code = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *practice_id = NULL;
  g_autofree char *indicator_id = NULL;
  g_autofree char *size = NULL;
  int max_size_mb = CLW_EVIDENCE_DEFAULT_MAX_SIZE / (1024 * 1024);
  int last_percent = -1;
  int kind_value;
  ClwScope scope;
  GOptionEntry entries[] = {
    { "practice", 0, 0, G_OPTION_ARG_STRING, &practice, N_("Evidence of this practice (code or id)"), N_("CODE") },
    { "meeting", 0, 0, G_OPTION_ARG_STRING, &meeting, N_("Evidence of this meeting"), N_("ID") },
    { "indicator", 0, 0, G_OPTION_ARG_STRING, &indicator, N_("For this indicator, as CND015W"), N_("CODE") },
    { "cycle", 0, 0, G_OPTION_ARG_STRING, &cycle_code, N_("The cycle of the indicator, as 2021-22 (default: that of the date)"), N_("CYCLE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("What it shows, as partnership-working"), N_("KIND") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Its title"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Its date (default: today)"), N_("YYYY-MM-DD") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("Notes"), N_("TEXT") },
    { "max-size", 0, 0, G_OPTION_ARG_INT, &max_size_mb, N_("Refuse files larger than this (default 50)"), N_("MB") },
    { NULL }
  };

  if (!clw_cli_parse_options ("evidence add", "FILE",
                              _("Attach a file as evidence of a practice or a meeting, and of an "
                                "indicator. The file is stored once beside the database, however "
                                "often it is attached. A file that is too large or cannot be read "
                                "stores nothing."),
                              entries, &argc, &argv, error))
    return 2;

  if (argc != 2)
    return usage_error (error, _("Name one file to attach."));
  if (practice != NULL && meeting != NULL)
    return usage_error (error, _("Give --practice or --meeting, not both."));
  if (practice == NULL && meeting == NULL && indicator == NULL)
    return usage_error (error, _("Say what the evidence is of: --practice, --meeting or --indicator."));
  if (cycle_code != NULL && indicator == NULL)
    return usage_error (error, _("--cycle goes with --indicator."));
  if (kind == NULL)
    return usage_error (error, _("Give the kind of evidence with --kind."));
  if (!clw_enum_from_nick (CLW_TYPE_EVIDENCE_KIND, kind, &kind_value))
    {
      g_autofree char *accepted = clw_enum_list_nicks (CLW_TYPE_EVIDENCE_KIND);
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--kind must be one of %s, not “%s”."), accepted, kind);
      return 2;
    }
  if (title == NULL || clw_text_is_blank (title))
    return usage_error (error, _("Give the evidence a title with --title."));
  if (date != NULL && !clw_date_is_valid (date))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--date must be written YYYY-MM-DD, not “%s”."), date);
      return 2;
    }
  if (max_size_mb <= 0 || max_size_mb > 2047)
    return usage_error (error, _("--max-size must be from 1 to 2047."));

  db = clw_cli_open_database (globals, FALSE, error);
  if (db == NULL)
    return 1;

  if (date == NULL)
    {
      g_autoptr(GDate) today = clw_database_get_today (db);
      date = clw_date_format_iso (today);
    }

  if (practice != NULL &&
      !clw_cli_resolve_scope (db, NULL, NULL, practice, &scope, &practice_id, error))
    return 1;
  if (meeting != NULL && !clw_record_exists (db, CLW_TYPE_MEETING, meeting))
    {
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
                   _("There is no meeting with the id “%s”."), meeting);
      return 1;
    }
  if (indicator != NULL)
    {
      cycle = find_cycle (db, cycle_code, date, error);
      if (cycle == NULL)
        return 1;
      indicator_id = find_indicator (db, indicator, cycle, error);
      if (indicator_id == NULL)
        return 1;
    }

  evidence = clw_evidence_new ();
  g_object_set (evidence,
                "kind", kind_value,
                "title", title,
                "evidence-on", date,
                "practice-id", practice_id,
                "meeting-id", meeting,
                "indicator-id", indicator_id,
                "notes", notes != NULL ? notes : "",
                NULL);

  row = clw_evidence_attach_file (db, evidence, argv[1], (guint64) max_size_mb * 1024 * 1024,
                                  isatty (STDERR_FILENO) ? progress_cb : NULL, &last_percent,
                                  NULL, error);
  if (row == NULL)
    return 1;

  size = g_format_size (clw_evidence_get_size (row));
  g_print (_("Attached “%s” (%s, %s) as evidence %s\n"),
           clw_evidence_get_title (row), clw_evidence_get_original_name (row), size,
           clw_record_get_id (CLW_RECORD (row)));
  return 0;
}

/* A field of CSV (RFC 4180), made safe for spreadsheets: text that starts
 * like a formula is prefixed with an apostrophe. */
static void
append_csv_field (GString    *line,
                  const char *value,
                  gboolean    last)
{
  const char *text = value != NULL ? value : "";
  gboolean formula = text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                     text[0] == '\t' || text[0] == '\r';
  gboolean quote = formula || strpbrk (text, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (line, '"');
  if (formula)
    g_string_append_c (line, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  if (quote)
    g_string_append_c (line, '"');
  g_string_append (line, last ? "\r\n" : ",");
}

static GHashTable *
index_records (ClwDatabase  *db,
               GType         type,
               const char   *property,
               GError      **error)
{
  g_autoptr(GListStore) rows = clw_record_list (db, type, NULL, NULL, error);
  GHashTable *map;

  if (rows == NULL)
    return NULL;

  map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rows)); i++)
    {
      g_autoptr(ClwRecord) row = g_list_model_get_item (G_LIST_MODEL (rows), i);
      char *value = NULL;

      g_object_get (row, property, &value, NULL);
      g_hash_table_insert (map, g_strdup (clw_record_get_id (row)), value);
    }

  return map;
}

static int
evidence_list (const ClwCliGlobals  *globals,
               int                   argc,
               char                **argv,
               GError              **error)
{
  g_autoptr(ClwDatabase) db = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GHashTable) practices = NULL;
  g_autoptr(GHashTable) meetings = NULL;
  g_autoptr(GHashTable) indicators = NULL;
  g_autofree char *practice = NULL;
  g_autofree char *meeting = NULL;
  g_autofree char *format = NULL;
  g_autofree char *practice_id = NULL;
  gboolean csv;
  ClwScope scope;
  guint n;
  GOptionEntry entries[] = {
    { "practice", 0, 0, G_OPTION_ARG_STRING, &practice, N_("Only the evidence of this practice (code or id)"), N_("CODE") },
    { "meeting", 0, 0, G_OPTION_ARG_STRING, &meeting, N_("Only the evidence of this meeting"), N_("ID") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text (the default) or csv"), N_("FORMAT") },
    { NULL }
  };

  if (!clw_cli_parse_options ("evidence list", NULL,
                              _("List the evidence, of one practice or meeting or all of it, by date."),
                              entries, &argc, &argv, error))
    return 2;

  if (argc != 1)
    return usage_error (error, _("evidence list takes no file."));
  if (practice != NULL && meeting != NULL)
    return usage_error (error, _("Give --practice or --meeting, not both."));
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "csv"))
    return usage_error (error, _("--format must be text or csv."));
  csv = format != NULL && g_str_equal (format, "csv");

  db = clw_cli_open_database (globals, FALSE, error);
  if (db == NULL)
    return 1;

  if (practice != NULL &&
      !clw_cli_resolve_scope (db, NULL, NULL, practice, &scope, &practice_id, error))
    return 1;
  if (meeting != NULL && !clw_record_exists (db, CLW_TYPE_MEETING, meeting))
    {
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
                   _("There is no meeting with the id “%s”."), meeting);
      return 1;
    }

  items = clw_evidence_list (db, practice_id, meeting, error);
  practices = index_records (db, CLW_TYPE_PRACTICE, "code", error);
  meetings = practices != NULL ? index_records (db, CLW_TYPE_MEETING, "starts-at", error) : NULL;
  indicators = meetings != NULL ? index_records (db, CLW_TYPE_INDICATOR, "code", error) : NULL;
  if (items == NULL || indicators == NULL)
    return 1;

  n = g_list_model_get_n_items (items);
  if (csv)
    g_print ("id,date,kind,title,practice,meeting,indicator,file_name,content_type,size,sha256,attached_by\r\n");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwEvidence) e = g_list_model_get_item (items, i);
      const char *practice_code = clw_evidence_get_practice_id (e) != NULL
        ? g_hash_table_lookup (practices, clw_evidence_get_practice_id (e)) : NULL;
      const char *meeting_at = clw_evidence_get_meeting_id (e) != NULL
        ? g_hash_table_lookup (meetings, clw_evidence_get_meeting_id (e)) : NULL;
      const char *indicator_code = clw_evidence_get_indicator_id (e) != NULL
        ? g_hash_table_lookup (indicators, clw_evidence_get_indicator_id (e)) : NULL;
      const char *kind = clw_enum_to_nick (CLW_TYPE_EVIDENCE_KIND, clw_evidence_get_kind (e));

      if (csv)
        {
          g_autoptr(GString) line = g_string_new (NULL);
          g_autofree char *bytes = g_strdup_printf ("%d", clw_evidence_get_size (e));

          append_csv_field (line, clw_record_get_id (CLW_RECORD (e)), FALSE);
          append_csv_field (line, clw_evidence_get_evidence_on (e), FALSE);
          append_csv_field (line, kind, FALSE);
          append_csv_field (line, clw_evidence_get_title (e), FALSE);
          append_csv_field (line, practice_code, FALSE);
          append_csv_field (line, meeting_at, FALSE);
          append_csv_field (line, indicator_code, FALSE);
          append_csv_field (line, clw_evidence_get_original_name (e), FALSE);
          append_csv_field (line, clw_evidence_get_content_type (e), FALSE);
          append_csv_field (line, bytes, FALSE);
          append_csv_field (line, clw_evidence_get_sha256 (e), FALSE);
          append_csv_field (line, clw_evidence_get_attached_by (e), TRUE);
          g_print ("%s", line->str);
        }
      else
        {
          g_autofree char *about = NULL;
          g_autofree char *file = NULL;

          if (practice_code != NULL)
            about = g_strdup (practice_code);
          else if (meeting_at != NULL)
            /* TRANSLATORS: what a piece of evidence is of, "meeting 2022-01-12T14:00" */
            about = g_strdup_printf (_("meeting %s"), meeting_at);
          else
            about = g_strdup ("");
          if (indicator_code != NULL)
            {
              char *with = g_strdup_printf ("%s%s%s", about, *about ? " " : "", indicator_code);
              g_free (about);
              about = with;
            }

          if (*clw_evidence_get_sha256 (e) != '\0')
            {
              g_autofree char *size = g_format_size (clw_evidence_get_size (e));
              file = g_strdup_printf ("%s (%s)", clw_evidence_get_original_name (e), size);
            }
          else
            file = g_strdup (_("no file"));

          g_print ("%s  %s  %-22s  %s  [%s]  %s\n",
                   clw_evidence_get_evidence_on (e), clw_record_get_id (CLW_RECORD (e)),
                   kind, clw_evidence_get_title (e), about, file);
        }
    }

  if (!csv && n == 0)
    g_print ("%s\n", _("No evidence."));
  return 0;
}

static int
evidence_export (const ClwCliGlobals  *globals,
                 int                   argc,
                 char                **argv,
                 GError              **error)
{
  g_autoptr(ClwDatabase) db = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("FILE") },
    { NULL }
  };

  if (!clw_cli_parse_options ("evidence export", "ID",
                              _("Write the file of an evidence item, checked against its SHA-256. "
                                "The file is written whole or not at all, readable by you only."),
                              entries, &argc, &argv, error))
    return 2;

  if (argc != 2)
    return usage_error (error, _("Give the id of one evidence item."));
  if (output == NULL)
    return usage_error (error, _("Name the file to write with -o."));

  db = clw_cli_open_database (globals, FALSE, error);
  if (db == NULL || !clw_evidence_export_file (db, argv[1], output, error))
    return 1;

  g_print (_("Wrote %s\n"), output);
  return 0;
}

static int
evidence_verify (const ClwCliGlobals  *globals,
                 int                   argc,
                 char                **argv,
                 GError              **error)
{
  g_autoptr(ClwDatabase) db = NULL;
  g_autoptr(GListModel) problems = NULL;
  guint checked = 0;
  guint n;

  if (!clw_cli_parse_options ("evidence verify", NULL,
                              _("Check every stored evidence file against its SHA-256, and that every "
                                "file the evidence refers to is there. Names each file that is missing "
                                "or damaged and then fails."),
                              NULL, &argc, &argv, error))
    return 2;

  if (argc != 1)
    return usage_error (error, _("evidence verify takes no file."));

  db = clw_cli_open_database (globals, FALSE, error);
  if (db == NULL)
    return 1;

  problems = clw_evidence_verify (db, &checked, NULL, error);
  if (problems == NULL)
    return 1;

  n = g_list_model_get_n_items (problems);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwEvidenceProblem) problem = g_list_model_get_item (problems, i);
      g_print ("%s: %s\n", clw_file_problem_to_label (clw_evidence_problem_get_problem (problem)),
               clw_evidence_problem_get_message (problem));
    }

  if (n > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   ngettext ("%u evidence file is missing or damaged.",
                             "%u evidence files are missing or damaged.", n), n);
      return 1;
    }

  g_print (ngettext ("Checked %u evidence file: it matches its SHA-256.\n",
                     "Checked %u evidence files: all match their SHA-256.\n", checked), checked);
  return 0;
}

static int
evidence_prune (const ClwCliGlobals  *globals,
                int                   argc,
                char                **argv,
                GError              **error)
{
  g_autoptr(ClwDatabase) db = NULL;
  int keep_days = CLW_EVIDENCE_DEFAULT_KEEP_DAYS;
  guint removed = 0;
  GOptionEntry entries[] = {
    { "keep-days", 0, 0, G_OPTION_ARG_INT, &keep_days,
      N_("Keep the files of evidence removed in the last DAYS days (default 30)"), N_("DAYS") },
    { NULL }
  };

  if (!clw_cli_parse_options ("evidence prune", NULL,
                              _("Delete the stored files that no evidence refers to."),
                              entries, &argc, &argv, error))
    return 2;

  if (argc != 1)
    return usage_error (error, _("evidence prune takes no file."));
  if (keep_days < 0)
    return usage_error (error, _("--keep-days cannot be negative."));

  db = clw_cli_open_database (globals, FALSE, error);
  if (db == NULL || !clw_evidence_prune (db, keep_days, &removed, error))
    return 1;

  g_print (ngettext ("Deleted %u file that no evidence refers to.\n",
                     "Deleted %u files that no evidence refers to.\n", removed), removed);
  return 0;
}

int
clw_cli_evidence (const ClwCliGlobals  *globals,
                  int                   argc,
                  char                **argv,
                  GError              **error)
{
  static const struct {
    const char *name;
    const char *summary;
    ClwCliCommandFunc func;
  } subcommands[] = {
    { "add", N_("Attach a file as evidence"), evidence_add },
    { "list", N_("List the evidence"), evidence_list },
    { "export", N_("Write the file of an evidence item"), evidence_export },
    { "verify", N_("Check every stored file against its SHA-256"), evidence_verify },
    { "prune", N_("Delete the stored files nothing refers to"), evidence_prune },
  };

  if (argc >= 2)
    for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
      if (g_str_equal (argv[1], subcommands[i].name))
        return subcommands[i].func (globals, argc - 1, argv + 1, error);

  if (argc >= 2 && !g_str_equal (argv[1], "--help") && !g_str_equal (argv[1], "-h"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION,
                   _("Unknown evidence command “%s”; run “clwstwr-cli evidence --help”."), argv[1]);
      return 2;
    }

  g_print ("%s\n\n", _("Usage: clwstwr-cli evidence COMMAND [OPTION…]"));
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    g_print ("  %-10s %s\n", subcommands[i].name, _(subcommands[i].summary));
  g_print ("\n%s\n", _("Run “clwstwr-cli evidence COMMAND --help” for the options of a command."));
  return argc >= 2 ? 0 : 2;
}
