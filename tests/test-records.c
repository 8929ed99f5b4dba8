/* test-records.c: the rules of the domain, one by one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every rule refuses what it should with a CLW_DOMAIN_ERROR that names the
 * problem, and a refused write leaves the database exactly as it was: the
 * same rows, the same audit log.
 */

#include "config.h"

#include "clw-database-private.h"
#include "clw-test-fixture.h"

#define SHA256_OK "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

static ClwDatabase *db;
static ClwTestFixture *fx;

static void
setup (void)
{
  db = clw_test_new_database ();
  fx = clw_test_fixture_new (db);
}

static void
teardown (void)
{
  g_clear_pointer (&fx, clw_test_fixture_free);
  g_clear_object (&db);
}

/* Writing @record (transfer full) must fail with @code, say @fragment, and
 * change nothing at all. */
static void
refused_at (int         line,
            gpointer    record,
            gboolean    update,
            int         code,
            const char *fragment)
{
  g_autoptr(ClwRecord) owned = record;
  g_autoptr(ClwTestSnapshot) snapshot = clw_test_snapshot_take (db);
  g_autoptr(GError) error = NULL;
  g_autofree char *id_before = g_strdup (clw_record_get_id (owned));
  g_autofree char *updated_before = g_strdup (clw_record_get_updated_at (owned));
  gboolean ok;

  if (update)
    ok = clw_record_update (owned, db, CLW_WRITE_DEFAULT, &error);
  else
    ok = clw_record_insert (owned, db, CLW_WRITE_DEFAULT, &error);

  ck_assert_msg (!ok, "line %d: the write was accepted", line);
  ck_assert_msg (error != NULL && error->domain == CLW_DOMAIN_ERROR && error->code == code,
                 "line %d: expected domain error %d, got %s %d: %s", line, code,
                 error ? g_quark_to_string (error->domain) : "none", error ? error->code : -1,
                 error ? error->message : "");
  ck_assert_msg (strstr (error->message, fragment) != NULL,
                 "line %d: “%s” does not say “%s”", line, error->message, fragment);
  ck_assert_msg (!clw_database_in_transaction (db), "line %d: a transaction was left open", line);
  /* The caller's object is as it was given. */
  ck_assert_msg (g_strcmp0 (clw_record_get_id (owned), id_before) == 0, "line %d: id changed", line);
  ck_assert_msg (g_strcmp0 (clw_record_get_updated_at (owned), updated_before) == 0,
                 "line %d: updated-at changed", line);
  ck_assert_unchanged (db, snapshot);
}

#define refused(record, code, fragment) refused_at (__LINE__, (record), FALSE, (code), (fragment))
#define refused_update(record, code, fragment) refused_at (__LINE__, (record), TRUE, (code), (fragment))

/* Inserting @record (transfer full) works and stores it: one more row, one
 * more audit row. Returns the id. */
static char *
stored_at (int      line,
           gpointer record)
{
  g_autoptr(ClwRecord) owned = record;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwRecord) loaded = NULL;
  const char *table = clw_record_type_get_table (G_OBJECT_TYPE (owned));
  gint64 rows = clw_test_count_rows (db, table);
  gint64 audit_rows = clw_test_count_rows (db, "audit_log");
  guint n_columns;
  const ClwColumn *columns;

  clw_record_insert (owned, db, CLW_WRITE_DEFAULT, &error);
  ck_assert_msg (error == NULL, "line %d: %s", line, error ? error->message : "");
  ck_assert_msg (clw_test_count_rows (db, table) == rows + 1, "line %d: no new row", line);
  ck_assert_msg (clw_test_count_rows (db, "audit_log") == audit_rows + 1, "line %d: not audited", line);

  /* What is stored is what was written. */
  loaded = clw_record_load (db, G_OBJECT_TYPE (owned), clw_record_get_id (owned), &error);
  ck_assert_no_error (error);
  columns = clw_record_class_get_columns (CLW_RECORD_GET_CLASS (owned), &n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *written = clw_record_dup_string (owned, &columns[i]);
      g_autofree char *read = clw_record_dup_string (loaded, &columns[i]);

      /* Text is never NULL in the database. */
      if (columns[i].kind == CLW_COLUMN_TEXT && written == NULL)
        written = g_strdup ("");
      ck_assert_msg (g_strcmp0 (written, read) == 0, "line %d: %s written “%s”, read “%s”",
                     line, columns[i].name, written, read);
    }

  return g_strdup (clw_record_get_id (owned));
}

#define stored(record) stored_at (__LINE__, (record))

static ClwRecord *
practice_new (const char *cluster_id,
              const char *code,
              const char *name)
{
  return g_object_new (CLW_TYPE_PRACTICE, "cluster-id", cluster_id, "code", code, "name", name, NULL);
}

/* Generic constraints ---------------------------------------------------------------- */

START_TEST (test_required_fields)
{
  refused (g_object_new (CLW_TYPE_PRACTICE, "cluster-id", fx->cluster_id, "code", "W11111", NULL),
           CLW_DOMAIN_ERROR_INVALID, "The name is required");
  refused (practice_new (fx->cluster_id, "W11111", "   \t"),
           CLW_DOMAIN_ERROR_INVALID, "The name is required");
  refused (g_object_new (CLW_TYPE_PRACTICE, "code", "W11111", "name", "No Cluster", NULL),
           CLW_DOMAIN_ERROR_INVALID, "The cluster is required");
  refused (g_object_new (CLW_TYPE_MEETING, "collaborative-id", fx->gp_collaborative_id, NULL),
           CLW_DOMAIN_ERROR_INVALID, "is required");
  refused (g_object_new (CLW_TYPE_ACTION_ITEM, "meeting-id", fx->meeting_id, "description", "Write it",
                         "due-on", "2021-12-01", NULL),
           CLW_DOMAIN_ERROR_INVALID, "The owner is required");
  refused (g_object_new (CLW_TYPE_EVIDENCE, "title", "Peer review", "practice-id", fx->small_id, NULL),
           CLW_DOMAIN_ERROR_INVALID, "is required");
}
END_TEST

START_TEST (test_malformed_dates)
{
  static const char *bad_dates[] = {
    "2022-02-30", "2021-13-01", "2021-1-01", "01/10/2021", "2021-10-01T10:00", "1850-01-01", "yesterday",
  };
  static const char *bad_times[] = {
    "2021-11-10", "2021-11-10T25:00", "2021-11-10 13:00", "2021-11-31T13:00", "2021-11-10T13:60",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    refused (g_object_new (CLW_TYPE_ACTION_ITEM, "meeting-id", fx->meeting_id, "description", "Write it",
                           "owner", "Dr Evans", "due-on", bad_dates[i], NULL),
             CLW_DOMAIN_ERROR_INVALID, "must be a date written YYYY-MM-DD");

  for (guint i = 0; i < G_N_ELEMENTS (bad_times); i++)
    refused (g_object_new (CLW_TYPE_MEETING, "collaborative-id", fx->gp_collaborative_id,
                           "starts-at", bad_times[i], NULL),
             CLW_DOMAIN_ERROR_INVALID, "must be a date and time written YYYY-MM-DDTHH:MM");

  /* A leap day is a date. */
  g_free (stored (g_object_new (CLW_TYPE_ACTION_ITEM, "meeting-id", fx->meeting_id, "description", "Write it",
                                "owner", "Dr Evans", "due-on", "2024-02-29", NULL)));
}
END_TEST

START_TEST (test_references)
{
  g_autofree char *missing = clw_uuid_new ();
  g_autofree char *message = g_strdup_printf ("refers to %s, which does not exist", missing);

  refused (practice_new (missing, "W11111", "Nowhere Surgery"), CLW_DOMAIN_ERROR_INVALID, message);
  refused (practice_new ("AB01", "W11111", "Nowhere Surgery"),
           CLW_DOMAIN_ERROR_INVALID, "must be an id (a UUID), not “AB01”");
  /* A reference to a row of the wrong table is a missing row. */
  refused (practice_new (fx->board_id, "W11111", "Nowhere Surgery"),
           CLW_DOMAIN_ERROR_INVALID, "which does not exist");
  refused (g_object_new (CLW_TYPE_ATTENDANCE, "meeting-id", missing, "practice-id", fx->small_id,
                         "status", CLW_ATTENDANCE_STATUS_APOLOGIES, NULL),
           CLW_DOMAIN_ERROR_INVALID, "which does not exist");
  refused (g_object_new (CLW_TYPE_EVIDENCE, "kind", CLW_EVIDENCE_KIND_PEER_REVIEW, "title", "Peer review",
                         "evidence-on", "2021-11-10", "indicator-id", missing, NULL),
           CLW_DOMAIN_ERROR_INVALID, "which does not exist");

  /* The row's own id must be a UUID too. */
  refused (g_object_new (CLW_TYPE_PRACTICE, "id", "practice-1", "cluster-id", fx->cluster_id,
                         "code", "W11111", "name", "Odd Id Surgery", NULL),
           CLW_DOMAIN_ERROR_INVALID, "The id must be a UUID, not “practice-1”");

  /* An update of a row that is gone says so. */
  {
    g_autoptr(ClwRecord) ghost = practice_new (fx->cluster_id, "W11112", "Ghost Surgery");
    g_autoptr(GError) error = NULL;
    g_autoptr(ClwTestSnapshot) snapshot = clw_test_snapshot_take (db);

    clw_record_set_id (ghost, missing);
    ck_assert (!clw_record_update (ghost, db, CLW_WRITE_DEFAULT, &error));
    ck_assert_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND, "no longer exists");
    ck_assert_unchanged (db, snapshot);
  }
}
END_TEST

START_TEST (test_text_length)
{
  g_autofree char *longest = g_strnfill (100000, 'a');
  g_autofree char *too_long = g_strnfill (100001, 'a');
  g_autoptr(GString) welsh = g_string_new (NULL);
  g_autofree char *id = NULL;

  /* The dataset format carries text of up to 100,000 characters: the
   * database holds no more, or an export could not be imported again. */
  id = stored (g_object_new (CLW_TYPE_MEETING, "collaborative-id", fx->gp_collaborative_id,
                             "starts-at", "2022-03-09T13:00", "minutes", longest, NULL));
  refused (g_object_new (CLW_TYPE_MEETING, "collaborative-id", fx->gp_collaborative_id,
                         "starts-at", "2022-03-09T13:00", "minutes", too_long, NULL),
           CLW_DOMAIN_ERROR_INVALID, "100000");

  /* Characters, not bytes: 100,000 ŵ are 200,000 bytes and fit. */
  for (guint i = 0; i < 100000; i++)
    g_string_append (welsh, "ŵ");
  g_free (stored (g_object_new (CLW_TYPE_MEETING, "collaborative-id", fx->gp_collaborative_id,
                                "starts-at", "2022-03-10T13:00", "minutes", welsh->str, NULL)));
}
END_TEST

/* Practices ------------------------------------------------------------------------- */

START_TEST (test_practice_code)
{
  static const char *bad_codes[] = { "w12345", "W1234", "W123456", "12345W", "WW2345", "W12 45", "" };

  for (guint i = 0; i < G_N_ELEMENTS (bad_codes); i++)
    refused (practice_new (fx->cluster_id, bad_codes[i], "Code Surgery"),
             CLW_DOMAIN_ERROR_INVALID, *bad_codes[i] ? "capital letter and five digits" : "is required");

  refused (practice_new (fx->other_cluster_id, "W10001", "Second Penybryn"),
           CLW_DOMAIN_ERROR_DUPLICATE, "The code W10001 is already used by Penybryn Surgery");

  /* Renaming a practice to another's code is refused too. */
  {
    g_autoptr(GError) error = NULL;
    ClwRecord *large = clw_record_load (db, CLW_TYPE_PRACTICE, fx->large_id, &error);

    ck_assert_no_error (error);
    g_object_set (large, "code", "W10001", NULL);
    refused_update (large, CLW_DOMAIN_ERROR_DUPLICATE, "already used by Penybryn Surgery");
  }

  g_free (stored (g_object_new (CLW_TYPE_PRACTICE, "cluster-id", fx->cluster_id, "code", "W12345",
                                "name", "Good Surgery", "partners", 5, "list-size", 9000,
                                "sustainability-issues", TRUE, "branch-surgeries", 2, NULL)));
}
END_TEST

/* Buddying -------------------------------------------------------------------------- */

static ClwRecord *
buddy_new (const char           *small_id,
           const char           *buddy_id,
           ClwArrangementStatus  status,
           const char           *starts_on,
           const char           *ends_on)
{
  gboolean decided = status != CLW_ARRANGEMENT_STATUS_REQUESTED;

  return g_object_new (CLW_TYPE_BUDDY_ARRANGEMENT,
                       "small-practice-id", small_id,
                       "buddy-practice-id", buddy_id,
                       "starts-on", starts_on,
                       "ends-on", ends_on,
                       "status", status,
                       "requested-on", "2021-09-01",
                       "decision-on", decided ? "2021-09-20" : NULL,
                       "explanation", status == CLW_ARRANGEMENT_STATUS_REFUSED ? "Not a small practice." : "",
                       NULL);
}

START_TEST (test_buddy_pair)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *smaller = NULL;

  refused (buddy_new (fx->small_id, fx->small_id, CLW_ARRANGEMENT_STATUS_REQUESTED, "2021-10-01", NULL),
           CLW_DOMAIN_ERROR_RULE, "cannot be its own buddy");
  refused (buddy_new (fx->small_id, fx->other_id, CLW_ARRANGEMENT_STATUS_REQUESTED, "2021-10-01", NULL),
           CLW_DOMAIN_ERROR_RULE, "W10001 and W20001 are in different clusters");
  /* Four partners and no sustainability issues: not small. */
  refused (buddy_new (fx->medium_id, fx->large_id, CLW_ARRANGEMENT_STATUS_REQUESTED, "2021-10-01", NULL),
           CLW_DOMAIN_ERROR_RULE, "W10003 has 4 partners and no sustainability issues");

  smaller = clw_test_insert (db, g_object_new (CLW_TYPE_PRACTICE, "cluster-id", fx->cluster_id,
                                               "code", "W10004", "name", "Nantybwch Surgery",
                                               "partners", 1, "list-size", 2000, NULL));
  refused (buddy_new (fx->small_id, smaller, CLW_ARRANGEMENT_STATUS_REQUESTED, "2021-10-01", NULL),
           CLW_DOMAIN_ERROR_RULE, "W10004 (2000 registered patients) is not larger than W10001 (3000)");
  /* The same size is not larger either. */
  {
    ClwRecord *same = clw_record_load (db, CLW_TYPE_PRACTICE, smaller, &error);
    ck_assert_no_error (error);
    g_object_set (same, "list-size", 3000, NULL);
    clw_record_update (same, db, CLW_WRITE_DEFAULT, &error);
    ck_assert_no_error (error);
    g_object_unref (same);
  }
  refused (buddy_new (fx->small_id, smaller, CLW_ARRANGEMENT_STATUS_REQUESTED, "2021-10-01", NULL),
           CLW_DOMAIN_ERROR_RULE, "is not larger than");

  /* Single-handed, two or three partners, or sustainability issues. */
  g_free (stored (buddy_new (fx->small_id, fx->large_id, CLW_ARRANGEMENT_STATUS_REQUESTED, "2021-10-01", NULL)));
  g_free (stored (buddy_new (smaller, fx->large_id, CLW_ARRANGEMENT_STATUS_REQUESTED, "2021-10-01", NULL)));
  {
    ClwRecord *medium = clw_record_load (db, CLW_TYPE_PRACTICE, fx->medium_id, &error);
    ck_assert_no_error (error);
    g_object_set (medium, "sustainability-issues", TRUE, NULL);
    clw_record_update (medium, db, CLW_WRITE_DEFAULT, &error);
    ck_assert_no_error (error);
    g_object_unref (medium);
  }
  g_free (stored (buddy_new (fx->medium_id, fx->large_id, CLW_ARRANGEMENT_STATUS_REQUESTED, "2021-10-01", NULL)));
}
END_TEST

START_TEST (test_buddy_one_at_a_time)
{
  g_autofree char *first = NULL;

  first = stored (buddy_new (fx->small_id, fx->large_id, CLW_ARRANGEMENT_STATUS_AGREED, "2021-10-01", NULL));

  /* Another agreed buddy while the first has no end. */
  refused (buddy_new (fx->small_id, fx->medium_id, CLW_ARRANGEMENT_STATUS_AGREED, "2022-01-01", "2022-06-30"),
           CLW_DOMAIN_ERROR_RULE, "already has an agreed buddy (W10002, from 2021-10-01)");
  /* Starting before the first and running into it. */
  refused (buddy_new (fx->small_id, fx->medium_id, CLW_ARRANGEMENT_STATUS_AGREED, "2021-01-01", "2021-10-01"),
           CLW_DOMAIN_ERROR_RULE, "already has an agreed buddy");
  /* An ended arrangement held the place as well. */
  refused (buddy_new (fx->small_id, fx->medium_id, CLW_ARRANGEMENT_STATUS_ENDED, "2021-11-01", "2021-12-01"),
           CLW_DOMAIN_ERROR_RULE, "already has an agreed buddy");
  /* A request may wait while another is agreed. */
  g_free (stored (buddy_new (fx->small_id, fx->medium_id, CLW_ARRANGEMENT_STATUS_REQUESTED, "2022-01-01", NULL)));

  /* Once the first one ends, the next may follow. */
  {
    g_autoptr(GError) error = NULL;
    ClwRecord *arrangement = clw_record_load (db, CLW_TYPE_BUDDY_ARRANGEMENT, first, &error);

    ck_assert_no_error (error);
    g_object_set (arrangement, "status", CLW_ARRANGEMENT_STATUS_ENDED, NULL);
    refused_update (g_object_ref (arrangement), CLW_DOMAIN_ERROR_INVALID, "needs the date it ended");
    g_object_set (arrangement, "ends-on", "2021-12-31", NULL);
    clw_record_update (arrangement, db, CLW_WRITE_DEFAULT, &error);
    ck_assert_no_error (error);
    g_object_unref (arrangement);
  }
  g_free (stored (buddy_new (fx->small_id, fx->medium_id, CLW_ARRANGEMENT_STATUS_AGREED, "2022-01-01", NULL)));

  /* An end before the start. */
  refused (buddy_new (fx->small_id, fx->large_id, CLW_ARRANGEMENT_STATUS_REQUESTED, "2022-10-01", "2022-09-30"),
           CLW_DOMAIN_ERROR_INVALID, "The end date (2022-09-30) is before the start date (2022-10-01)");
}
END_TEST

/* Decisions on requests --------------------------------------------------------------- */

START_TEST (test_decision_rules)
{
  ClwRecord *r;

  /* Buddy requests. */
  r = buddy_new (fx->small_id, fx->large_id, CLW_ARRANGEMENT_STATUS_REFUSED, "2021-10-01", NULL);
  g_object_set (r, "explanation", "  ", NULL);
  refused (r, CLW_DOMAIN_ERROR_RULE, "A refusal must carry an explanation");

  r = buddy_new (fx->small_id, fx->large_id, CLW_ARRANGEMENT_STATUS_AGREED, "2021-10-01", NULL);
  g_object_set (r, "decision-on", "2021-08-31", NULL);
  refused (r, CLW_DOMAIN_ERROR_INVALID, "The date of the decision (2021-08-31) is before the date of the request (2021-09-01)");

  r = buddy_new (fx->small_id, fx->large_id, CLW_ARRANGEMENT_STATUS_REQUESTED, "2021-10-01", NULL);
  g_object_set (r, "decision-on", "2021-09-20", NULL);
  refused (r, CLW_DOMAIN_ERROR_RULE, "cannot have a decision date (2021-09-20)");

  r = buddy_new (fx->small_id, fx->large_id, CLW_ARRANGEMENT_STATUS_AGREED, "2021-10-01", NULL);
  g_object_set (r, "decision-on", NULL, NULL);
  refused (r, CLW_DOMAIN_ERROR_RULE, "needs the date of the health board's decision");

  r = buddy_new (fx->small_id, fx->large_id, CLW_ARRANGEMENT_STATUS_ENDED, "2021-10-01", NULL);
  refused (r, CLW_DOMAIN_ERROR_INVALID, "An ended arrangement needs the date it ended");

  /* Representation requests: the same rules. */
  r = g_object_new (CLW_TYPE_REPRESENTATION, "practice-id", fx->small_id,
                    "kind", CLW_REPRESENTATION_KIND_PRACTICE_MANAGER, "starts-on", "2021-10-01",
                    "status", CLW_ARRANGEMENT_STATUS_REFUSED, "requested-on", "2021-09-01",
                    "decision-on", "2021-09-10", NULL);
  refused (r, CLW_DOMAIN_ERROR_RULE, "A refusal must carry an explanation");

  r = g_object_new (CLW_TYPE_REPRESENTATION, "practice-id", fx->small_id,
                    "kind", CLW_REPRESENTATION_KIND_PRACTICE_MANAGER, "starts-on", "2021-10-01",
                    "status", CLW_ARRANGEMENT_STATUS_AGREED, "requested-on", "2021-09-01",
                    "decision-on", "2021-08-01", NULL);
  refused (r, CLW_DOMAIN_ERROR_INVALID, "is before the date of the request");

  r = g_object_new (CLW_TYPE_REPRESENTATION, "practice-id", fx->small_id,
                    "kind", CLW_REPRESENTATION_KIND_PRACTICE_MANAGER, "starts-on", "2021-10-01",
                    "status", CLW_ARRANGEMENT_STATUS_REQUESTED, "requested-on", "2021-09-01",
                    "decision-on", "2021-09-10", NULL);
  refused (r, CLW_DOMAIN_ERROR_RULE, "cannot have a decision date");

  r = g_object_new (CLW_TYPE_REPRESENTATION, "practice-id", fx->small_id,
                    "kind", CLW_REPRESENTATION_KIND_PRACTICE_MANAGER, "starts-on", "2021-10-01",
                    "status", CLW_ARRANGEMENT_STATUS_AGREED, "requested-on", "2021-09-01", NULL);
  refused (r, CLW_DOMAIN_ERROR_RULE, "needs the date of the health board's decision");

  g_free (stored (g_object_new (CLW_TYPE_REPRESENTATION, "practice-id", fx->small_id,
                                "kind", CLW_REPRESENTATION_KIND_PRACTICE_MANAGER, "starts-on", "2021-10-01",
                                "status", CLW_ARRANGEMENT_STATUS_REFUSED, "requested-on", "2021-09-01",
                                "decision-on", "2021-09-01", "explanation", "The practice has partners who can attend.",
                                NULL)));
}
END_TEST

START_TEST (test_representation)
{
  refused (g_object_new (CLW_TYPE_REPRESENTATION, "practice-id", fx->small_id,
                         "kind", CLW_REPRESENTATION_KIND_ALTERNATIVE,
                         "representative-name", "Tom Pryce", "representative-role", "other",
                         "requested-on", "2021-11-01", NULL),
           CLW_DOMAIN_ERROR_INVALID, "An alternative representative is agreed for one meeting");
  refused (g_object_new (CLW_TYPE_REPRESENTATION, "practice-id", fx->small_id,
                         "kind", CLW_REPRESENTATION_KIND_PRACTICE_MANAGER,
                         "representative-name", "Meinir Huws", "representative-role", "practice-manager",
                         "requested-on", "2021-09-01", NULL),
           CLW_DOMAIN_ERROR_INVALID, "A practice manager arrangement needs the date it starts from");
  /* For a meeting of another cluster's collaborative. */
  refused (g_object_new (CLW_TYPE_REPRESENTATION, "practice-id", fx->small_id,
                         "kind", CLW_REPRESENTATION_KIND_ALTERNATIVE, "meeting-id", fx->other_meeting_id,
                         "requested-on", "2021-11-01", NULL),
           CLW_DOMAIN_ERROR_RULE, "is not a member of");
  refused (g_object_new (CLW_TYPE_REPRESENTATION, "practice-id", fx->small_id,
                         "kind", CLW_REPRESENTATION_KIND_ALTERNATIVE, "meeting-id", fx->meeting_id,
                         "representative-role", "surgeon", "requested-on", "2021-11-01", NULL),
           CLW_DOMAIN_ERROR_INVALID, "must be one of clinical-partner");

  g_free (stored (g_object_new (CLW_TYPE_REPRESENTATION, "practice-id", fx->small_id,
                                "kind", CLW_REPRESENTATION_KIND_ALTERNATIVE, "meeting-id", fx->meeting_id,
                                "representative-name", "Tom Pryce", "representative-role", "other-senior-clinician",
                                "requested-on", "2021-11-01", NULL)));
  g_free (stored (g_object_new (CLW_TYPE_REPRESENTATION, "practice-id", fx->small_id,
                                "kind", CLW_REPRESENTATION_KIND_PRACTICE_MANAGER,
                                "representative-name", "Meinir Huws", "representative-role", "practice-manager",
                                "starts-on", "2021-10-01", "ends-on", "2022-09-30",
                                "status", CLW_ARRANGEMENT_STATUS_AGREED, "requested-on", "2021-09-01",
                                "decision-on", "2021-09-15", NULL)));
}
END_TEST

/* Attendance and engagement --------------------------------------------------------- */

static ClwRecord *
attendance_new (const char          *meeting_id,
                const char          *practice_id,
                ClwAttendanceStatus  status,
                const char          *role)
{
  return g_object_new (CLW_TYPE_ATTENDANCE, "meeting-id", meeting_id, "practice-id", practice_id,
                       "status", status, "representative-name", role ? "Dr Evans" : "",
                       "representative-role", role, NULL);
}

START_TEST (test_attendance)
{
  g_autofree char *first = NULL;

  refused (attendance_new (fx->other_meeting_id, fx->small_id, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner"),
           CLW_DOMAIN_ERROR_RULE, "Practice W10001 is not a member of “Blaenau Gwent West GP Collaborative”");
  refused (attendance_new (fx->dental_meeting_id, fx->small_id, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner"),
           CLW_DOMAIN_ERROR_RULE, "this meeting is of “Blaenau Gwent East Dental Collaborative”");
  refused (attendance_new (fx->meeting_id, fx->small_id, CLW_ATTENDANCE_STATUS_ATTENDED, NULL),
           CLW_DOMAIN_ERROR_INVALID, "Say in what role the practice's representative attended");
  refused (attendance_new (fx->cancelled_meeting_id, fx->small_id, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner"),
           CLW_DOMAIN_ERROR_RULE, "The meeting was cancelled");

  first = stored (attendance_new (fx->meeting_id, fx->small_id, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner"));
  refused (attendance_new (fx->meeting_id, fx->small_id, CLW_ATTENDANCE_STATUS_APOLOGIES, NULL),
           CLW_DOMAIN_ERROR_DUPLICATE, "attendance at this meeting is recorded already");

  /* Apologies for a cancelled meeting, absence without a role: fine. */
  g_free (stored (attendance_new (fx->cancelled_meeting_id, fx->small_id, CLW_ATTENDANCE_STATUS_APOLOGIES, NULL)));
  g_free (stored (attendance_new (fx->meeting_id, fx->large_id, CLW_ATTENDANCE_STATUS_ABSENT, NULL)));

  /* Changing the recorded row is an update, not a second row. */
  {
    g_autoptr(GError) error = NULL;
    ClwRecord *row = clw_record_load (db, CLW_TYPE_ATTENDANCE, first, &error);

    ck_assert_no_error (error);
    g_object_set (row, "representative-role", NULL, NULL);
    refused_update (g_object_ref (row), CLW_DOMAIN_ERROR_INVALID, "in what role");
    g_object_set (row, "representative-role", "senior-administrator", NULL);
    clw_record_update (row, db, CLW_WRITE_DEFAULT, &error);
    ck_assert_no_error (error);
    g_object_unref (row);
  }
}
END_TEST

START_TEST (test_engagement)
{
  refused (g_object_new (CLW_TYPE_BUDDY_ENGAGEMENT, "practice-id", fx->small_id,
                         "meeting-id", fx->other_meeting_id, "kind", CLW_ENGAGEMENT_KIND_EMAIL_PARTICIPATION,
                         "recorded-on", "2021-11-12", NULL),
           CLW_DOMAIN_ERROR_RULE, "is not a member of “Blaenau Gwent West GP Collaborative”");
  refused (g_object_new (CLW_TYPE_BUDDY_ENGAGEMENT, "practice-id", fx->small_id,
                         "meeting-id", fx->dental_meeting_id, "kind", CLW_ENGAGEMENT_KIND_EMAIL_PARTICIPATION,
                         "recorded-on", "2021-11-12", NULL),
           CLW_DOMAIN_ERROR_RULE, "Dental Collaborative");
  refused (g_object_new (CLW_TYPE_BUDDY_ENGAGEMENT, "practice-id", fx->small_id,
                         "meeting-id", fx->meeting_id, "kind", CLW_ENGAGEMENT_KIND_EMAIL_PARTICIPATION, NULL),
           CLW_DOMAIN_ERROR_INVALID, "is required");
  g_free (stored (g_object_new (CLW_TYPE_BUDDY_ENGAGEMENT, "practice-id", fx->small_id,
                                "meeting-id", fx->meeting_id, "kind", CLW_ENGAGEMENT_KIND_COMMENTS_TO_BUDDY,
                                "recorded-on", "2021-11-09", "note", "Comments sent to Tredegar.", NULL)));
}
END_TEST

/* Evidence ------------------------------------------------------------------------- */

START_TEST (test_evidence)
{
  static const char *bad_sha256[] = {
    "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08",
    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0",
    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a088",
    "zf86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
  };

  refused (g_object_new (CLW_TYPE_EVIDENCE, "kind", CLW_EVIDENCE_KIND_PEER_REVIEW, "title", "Peer review",
                         "evidence-on", "2021-11-10", NULL),
           CLW_DOMAIN_ERROR_INVALID, "link it to a practice, a meeting or an indicator");

  for (guint i = 0; i < G_N_ELEMENTS (bad_sha256); i++)
    refused (g_object_new (CLW_TYPE_EVIDENCE, "kind", CLW_EVIDENCE_KIND_PEER_REVIEW, "title", "Peer review",
                           "evidence-on", "2021-11-10", "practice-id", fx->small_id,
                           "sha256", bad_sha256[i], NULL),
             CLW_DOMAIN_ERROR_INVALID, "The SHA-256 of the file must be 64 lower-case hexadecimal digits");

  /* Each link alone is enough. */
  g_free (stored (g_object_new (CLW_TYPE_EVIDENCE, "kind", CLW_EVIDENCE_KIND_PEER_REVIEW, "title", "Peer review",
                                "evidence-on", "2021-11-10", "practice-id", fx->small_id,
                                "original-name", "review.pdf", "content-type", "application/pdf",
                                "size", 1024, "sha256", SHA256_OK, "attached-by", "Eleri", NULL)));
  g_free (stored (g_object_new (CLW_TYPE_EVIDENCE, "kind", CLW_EVIDENCE_KIND_QI_PARTICIPATION, "title", "QI",
                                "evidence-on", "2021-11-10", "meeting-id", fx->meeting_id, NULL)));
  g_free (stored (g_object_new (CLW_TYPE_EVIDENCE, "kind", CLW_EVIDENCE_KIND_DEMAND_CAPACITY, "title", "D&C",
                                "evidence-on", "2021-11-10", "indicator-id", fx->indicator_id, NULL)));
}
END_TEST

/* The IMTP contribution ---------------------------------------------------------------- */

START_TEST (test_imtp)
{
  g_autofree char *contribution = NULL;
  g_autofree char *section = NULL;
  g_autofree char *workforce = NULL;

  refused (g_object_new (CLW_TYPE_IMTP_CONTRIBUTION, "practice-id", fx->small_id, "cycle-id", fx->cycle_id,
                         "status", CLW_CONTRIBUTION_STATUS_SUBMITTED, NULL),
           CLW_DOMAIN_ERROR_INVALID, "A submitted contribution needs the date it was submitted");
  refused (g_object_new (CLW_TYPE_IMTP_CONTRIBUTION, "practice-id", fx->small_id, "cycle-id", fx->cycle_id,
                         "status", CLW_CONTRIBUTION_STATUS_DRAFT, "submitted-on", "2022-09-01", NULL),
           CLW_DOMAIN_ERROR_INVALID, "A draft contribution has no submission date");

  contribution = stored (g_object_new (CLW_TYPE_IMTP_CONTRIBUTION, "practice-id", fx->small_id,
                                       "cycle-id", fx->cycle_id, "status", CLW_CONTRIBUTION_STATUS_DRAFT, NULL));
  refused (g_object_new (CLW_TYPE_IMTP_CONTRIBUTION, "practice-id", fx->small_id, "cycle-id", fx->cycle_id,
                         "status", CLW_CONTRIBUTION_STATUS_SUBMITTED, "submitted-on", "2022-09-01", NULL),
           CLW_DOMAIN_ERROR_DUPLICATE, "already has an IMTP contribution for this cycle");

  section = stored (g_object_new (CLW_TYPE_IMTP_SECTION, "contribution-id", contribution,
                                  "kind", CLW_IMTP_SECTION_KIND_POPULATION_NEEDS,
                                  "status", CLW_SECTION_STATUS_IN_PROGRESS, "body", "Ageing population.", NULL));
  refused (g_object_new (CLW_TYPE_IMTP_SECTION, "contribution-id", contribution,
                         "kind", CLW_IMTP_SECTION_KIND_POPULATION_NEEDS, NULL),
           CLW_DOMAIN_ERROR_DUPLICATE, "The contribution already has this section");

  workforce = stored (g_object_new (CLW_TYPE_IMTP_WORKFORCE, "contribution-id", contribution,
                                    "role", CLW_WORKFORCE_ROLE_GPS, "headcount", 4, "wte", 3.5, NULL));
  refused (g_object_new (CLW_TYPE_IMTP_WORKFORCE, "contribution-id", contribution,
                         "role", CLW_WORKFORCE_ROLE_GPS, "headcount", 1, "wte", 1.0, NULL),
           CLW_DOMAIN_ERROR_DUPLICATE, "The contribution already counts this role");
  refused (g_object_new (CLW_TYPE_IMTP_WORKFORCE, "contribution-id", contribution,
                         "role", CLW_WORKFORCE_ROLE_NURSES, "headcount", 2, "wte", 2.5, NULL),
           CLW_DOMAIN_ERROR_INVALID, "The whole-time equivalent (2.50) cannot be more than the headcount (2)");
  g_free (stored (g_object_new (CLW_TYPE_IMTP_WORKFORCE, "contribution-id", contribution,
                                "role", CLW_WORKFORCE_ROLE_NURSES, "headcount", 2, "wte", 2.0, NULL)));

  /* Submitting it, dated: an update. */
  {
    g_autoptr(GError) error = NULL;
    ClwRecord *row = clw_record_load (db, CLW_TYPE_IMTP_CONTRIBUTION, contribution, &error);

    ck_assert_no_error (error);
    g_object_set (row, "status", CLW_CONTRIBUTION_STATUS_SUBMITTED, NULL);
    refused_update (g_object_ref (row), CLW_DOMAIN_ERROR_INVALID, "needs the date it was submitted");
    g_object_set (row, "submitted-on", "2022-09-28", NULL);
    clw_record_update (row, db, CLW_WRITE_DEFAULT, &error);
    ck_assert_no_error (error);
    g_object_unref (row);
  }
}
END_TEST

/* Every table's good path ---------------------------------------------------------------- */

START_TEST (test_every_table_stores)
{
  g_autoptr(ClwDatabase) empty = clw_test_new_empty_database ();
  guint n_types;
  const GType *types = clw_record_types_in_order (&n_types);
  guint added = clw_test_fill_every_table (empty);

  ck_assert_uint_eq (n_types, 19);
  for (guint i = 0; i < n_types; i++)
    {
      const char *table = clw_record_type_get_table (types[i]);
      ck_assert_msg (clw_test_count_rows (empty, table) >= 1, "nothing in %s", table);
    }
  ck_assert_int_eq (clw_test_count_rows (empty, "audit_log"), added);
}
END_TEST

/* clw_decision_apply ------------------------------------------------------------------- */

START_TEST (test_decision_apply)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwRecord) request = NULL;
  g_autoptr(ClwRecord) loaded = NULL;
  g_autoptr(ClwRecord) representation = NULL;
  g_autoptr(ClwTestSnapshot) snapshot = NULL;
  g_autofree char *id = NULL;
  g_autofree char *explanation = NULL;
  g_autofree char *decision_on = NULL;
  ClwArrangementStatus status;

  id = clw_test_insert (db, buddy_new (fx->small_id, fx->large_id, CLW_ARRANGEMENT_STATUS_REQUESTED,
                                       "2021-10-01", NULL));
  request = clw_record_load (db, CLW_TYPE_BUDDY_ARRANGEMENT, id, &error);
  ck_assert_no_error (error);

  /* Refusing needs an explanation: nothing changes without one. */
  snapshot = clw_test_snapshot_take (db);
  ck_assert (!clw_decision_apply (request, db, FALSE, "2021-09-20", "  ", &error));
  ck_assert_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE, "A refusal must carry an explanation");
  ck_assert_unchanged (db, snapshot);
  g_object_get (request, "status", &status, NULL);
  ck_assert_int_eq (status, CLW_ARRANGEMENT_STATUS_REQUESTED);
  g_clear_error (&error);

  /* Nor before it was asked. */
  ck_assert (!clw_decision_apply (request, db, TRUE, "2021-08-01", NULL, &error));
  ck_assert_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID, "is before the date of the request");
  ck_assert_unchanged (db, snapshot);
  g_clear_error (&error);

  /* Agree. */
  clw_decision_apply (request, db, TRUE, "2021-09-20", NULL, &error);
  ck_assert_no_error (error);
  g_object_get (request, "status", &status, "decision-on", &decision_on, NULL);
  ck_assert_int_eq (status, CLW_ARRANGEMENT_STATUS_AGREED);
  ck_assert_str_eq (decision_on, "2021-09-20");
  loaded = clw_record_load (db, CLW_TYPE_BUDDY_ARRANGEMENT, id, &error);
  ck_assert_no_error (error);
  g_object_get (loaded, "status", &status, NULL);
  ck_assert_int_eq (status, CLW_ARRANGEMENT_STATUS_AGREED);
  ck_assert_str_eq (clw_record_get_updated_at (loaded), clw_record_get_updated_at (request));
  ck_assert_str_eq (clw_database_get_undo_label (db), "Agree request");

  /* Deciding twice is refused, on a stale copy too. */
  g_clear_pointer (&snapshot, clw_test_snapshot_free);
  snapshot = clw_test_snapshot_take (db);
  ck_assert (!clw_decision_apply (request, db, FALSE, "2021-09-21", "Changed our mind.", &error));
  ck_assert_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE, "has been decided already");
  ck_assert_unchanged (db, snapshot);
  g_clear_error (&error);

  /* Refuse a representation request, with the explanation kept. */
  g_free (id);
  id = clw_test_insert (db, g_object_new (CLW_TYPE_REPRESENTATION, "practice-id", fx->small_id,
                                          "kind", CLW_REPRESENTATION_KIND_ALTERNATIVE, "meeting-id", fx->meeting_id,
                                          "representative-name", "Tom Pryce", "representative-role", "other",
                                          "requested-on", "2021-11-01", NULL));
  representation = clw_record_load (db, CLW_TYPE_REPRESENTATION, id, &error);
  ck_assert_no_error (error);
  clw_decision_apply (representation, db, FALSE, "2021-11-03", "Not a senior clinician.", &error);
  ck_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = clw_record_load (db, CLW_TYPE_REPRESENTATION, id, &error);
  ck_assert_no_error (error);
  g_object_get (loaded, "status", &status, "explanation", &explanation, NULL);
  ck_assert_int_eq (status, CLW_ARRANGEMENT_STATUS_REFUSED);
  ck_assert_str_eq (explanation, "Not a senior clinician.");
  ck_assert_str_eq (clw_database_get_undo_label (db), "Refuse request");

  /* A stale copy still saying "requested" cannot decide it again. */
  {
    g_autoptr(ClwRecord) stale = clw_record_copy (loaded);

    g_object_set (stale, "status", CLW_ARRANGEMENT_STATUS_REQUESTED, "decision-on", NULL, "explanation", "", NULL);
    g_clear_pointer (&snapshot, clw_test_snapshot_free);
    snapshot = clw_test_snapshot_take (db);
    ck_assert (!clw_decision_apply (stale, db, TRUE, "2021-11-04", NULL, &error));
    ck_assert_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE, "has been decided already");
    ck_assert_unchanged (db, snapshot);
  }
}
END_TEST

static Suite *
records_suite (void)
{
  Suite *s = suite_create ("records");
  TCase *tc;

  tc = tcase_create ("generic");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_required_fields);
  tcase_add_test (tc, test_malformed_dates);
  tcase_add_test (tc, test_references);
  tcase_add_test (tc, test_text_length);
  tcase_add_test (tc, test_every_table_stores);
  suite_add_tcase (s, tc);

  tc = tcase_create ("rules");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_practice_code);
  tcase_add_test (tc, test_buddy_pair);
  tcase_add_test (tc, test_buddy_one_at_a_time);
  tcase_add_test (tc, test_decision_rules);
  tcase_add_test (tc, test_representation);
  tcase_add_test (tc, test_attendance);
  tcase_add_test (tc, test_engagement);
  tcase_add_test (tc, test_evidence);
  tcase_add_test (tc, test_imtp);
  tcase_add_test (tc, test_decision_apply);
  suite_add_tcase (s, tc);

  return s;
}

int
main (int    argc,
      char **argv)
{
  return clw_test_run (records_suite (), argc, argv);
}
