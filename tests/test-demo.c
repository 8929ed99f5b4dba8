/* test-demo.c: the demo generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clw-database-private.h"
#include "clw-dataset.h"
#include "clw-test-util.h"

#define SEED 7

static ClwDatabase *
new_demo (const char    *name,
          guint32        seed,
          ClwDemoCounts *counts)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = clw_test_path (name);
  ClwDatabase *db = clw_database_open (path, CLW_DATABASE_OPEN_CREATE, &error);

  ck_assert_no_error (error);
  clw_demo_generate_with_counts (db, 1, seed, counts, &error);
  ck_assert_no_error (error);
  return db;
}

static gint64
query_int (ClwDatabase *db,
           const char  *sql)
{
  return clw_test_query_int (db, sql);
}

START_TEST (test_demo_shape)
{
  g_autoptr(ClwDatabase) db = NULL;
  g_autoptr(GDate) today = NULL;
  g_autofree char *reference = NULL;
  ClwDemoCounts counts = { 0 };
  static const struct { const char *board; int practices; } boards[] = {
    { "7A6", 72 }, { "7A1", 96 }, { "7A4", 58 }, { "7A5", 50 }, { "7A2", 47 }, { "7A7", 16 }, { "7A3", 48 },
  };
  gint64 attendances, n;

  db = new_demo ("shape.db", SEED, &counts);

  /* Frozen in the middle of the 2022-23 cycle. */
  reference = clw_database_get_meta (db, "reference-date");
  ck_assert_str_eq (reference, CLW_DEMO_REFERENCE_DATE);
  today = clw_database_get_today (db);
  ck_assert_int_eq (g_date_get_year (today), 2023);
  ck_assert_int_eq (g_date_get_month (today), 6);
  ck_assert_int_eq (g_date_get_day (today), 15);

  /* The counts say what is stored. */
  ck_assert_int_eq (counts.practices, query_int (db, "SELECT count(*) FROM practice"));
  ck_assert_int_eq (counts.meetings, query_int (db, "SELECT count(*) FROM meeting"));
  ck_assert_int_eq (counts.attendances, query_int (db, "SELECT count(*) FROM attendance"));
  ck_assert_int_eq (counts.evidence, query_int (db, "SELECT count(*) FROM evidence"));
  ck_assert_int_eq (counts.imtp_workforce, query_int (db, "SELECT count(*) FROM imtp_workforce"));
  ck_assert_int_eq (counts.meetings, counts.meetings_held + counts.meetings_planned + counts.meetings_cancelled);

  /* Practices: as many per health board as in Wales, 3 to 9 per cluster,
   * unique codes W + 5 digits, an average list near 8,400. */
  for (guint i = 0; i < G_N_ELEMENTS (boards); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM practice p JOIN cluster c ON c.id = p.cluster_id "
                                              "JOIN health_board h ON h.id = c.health_board_id WHERE h.code = '%s'",
                                              boards[i].board);
      ck_assert_int_eq (query_int (db, sql), boards[i].practices);
    }
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM cluster c WHERE (SELECT count(*) FROM practice p "
                                   "WHERE p.cluster_id = c.id) NOT BETWEEN 3 AND 9"), 0);
  ck_assert_int_eq (query_int (db, "SELECT count(DISTINCT code) FROM practice"), counts.practices);
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM practice WHERE code NOT GLOB 'W[0-9][0-9][0-9][0-9][0-9]'"), 0);
  n = query_int (db, "SELECT avg(list_size) FROM practice");
  ck_assert_msg (n > 7000 && n < 9800, "average list size %" G_GINT64_FORMAT, n);
  n = query_int (db, "SELECT 100 * sum(partners = 1) / count(*) FROM practice");
  ck_assert_msg (n >= 3 && n <= 14, "single-handed %" G_GINT64_FORMAT "%%", n);
  n = query_int (db, "SELECT 100 * sum(sustainability_issues) / count(*) FROM practice");
  ck_assert_msg (n >= 5 && n <= 16, "sustainability issues %" G_GINT64_FORMAT "%%", n);
  ck_assert_int_gt (query_int (db, "SELECT count(*) FROM practice WHERE branch_surgeries > 0"), 0);

  /* Meetings: 3 to 6 a cycle for each GP Collaborative, a couple with only
   * 3, a few in winter, held up to the reference date and planned after. */
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM (SELECT collaborative_id, substr(starts_at, 1, 4) + "
                                   "(substr(starts_at, 6, 2) >= '10') AS y, count(*) AS n FROM meeting "
                                   "GROUP BY 1, 2 HAVING n NOT BETWEEN 3 AND 6)"), 0);
  ck_assert_int_ge (query_int (db, "SELECT count(*) FROM (SELECT collaborative_id, substr(starts_at, 1, 4) + "
                                   "(substr(starts_at, 6, 2) >= '10') AS y FROM meeting GROUP BY 1, 2 "
                                   "HAVING count(*) = 3)"), 2);
  ck_assert_int_gt (query_int (db, "SELECT count(*) FROM meeting WHERE substr(starts_at, 6, 2) IN ('12', '01', '02')"), 0);
  ck_assert_int_lt (query_int (db, "SELECT count(*) FROM meeting WHERE substr(starts_at, 6, 2) IN ('12', '01', '02')"),
                    counts.meetings / 10);
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM meeting WHERE status = 'planned' AND starts_at < '2023-06-16'"), 0);
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM meeting WHERE status != 'planned' AND starts_at > '2023-06-16'"), 0);
  ck_assert_int_gt (counts.meetings_planned, 0);
  ck_assert_int_gt (counts.meetings_cancelled, 0);
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM meeting WHERE substr(starts_at, 12) NOT IN ('12:30', '13:00', '18:30')"), 0);
  ck_assert_int_gt (query_int (db, "SELECT count(*) FROM meeting WHERE place = 'Microsoft Teams'"), 0);
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM meeting WHERE status = 'held' AND minutes = ''"), 0);

  /* Agendas in the NHS Wales order; actions only for held meetings, some overdue. */
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM agenda_item a JOIN agenda_item b ON a.meeting_id = b.meeting_id "
                                   "AND a.position < b.position AND "
                                   "instr('welcome declarations minutes matters-arising decision information', a.section) > "
                                   "instr('welcome declarations minutes matters-arising decision information', b.section)"), 0);
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM meeting m WHERE (SELECT count(*) FROM agenda_item a "
                                   "WHERE a.meeting_id = m.id AND a.section = 'welcome') != 1"), 0);
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM action_item a JOIN meeting m ON m.id = a.meeting_id "
                                   "WHERE m.status != 'held'"), 0);
  ck_assert_int_gt (query_int (db, "SELECT count(*) FROM action_item WHERE status != 'done' AND due_on < '2023-06-15'"), 0);

  /* Attendance for every practice at every held meeting, and only there. */
  attendances = query_int (db, "SELECT count(*) FROM meeting m JOIN collaborative c ON c.id = m.collaborative_id "
                               "JOIN practice p ON p.cluster_id = c.cluster_id WHERE m.status = 'held'");
  ck_assert_int_eq (attendances, counts.attendances);

  /* The mix of representatives. */
  n = query_int (db, "SELECT 1000 * sum(representative_role IN ('clinical-partner', 'salaried-gp', "
                     "'other-senior-clinician')) / count(*) FROM attendance");
  ck_assert_msg (n > 700 && n < 900, "clinical attendance %" G_GINT64_FORMAT "‰", n);
  n = query_int (db, "SELECT 1000 * count(*) / (SELECT count(*) FROM attendance) FROM attendance a "
                     "WHERE a.representative_role IN ('practice-manager', 'senior-administrator') AND EXISTS "
                     "(SELECT 1 FROM representation r JOIN meeting m ON m.id = a.meeting_id "
                     " WHERE r.practice_id = a.practice_id AND r.kind = 'practice-manager' "
                     " AND r.status IN ('agreed', 'ended') AND r.decision_on < substr(m.starts_at, 1, 10) "
                     " AND r.starts_on <= substr(m.starts_at, 1, 10) "
                     " AND coalesce(r.ends_on, '9999') >= substr(m.starts_at, 1, 10))");
  ck_assert_msg (n >= 50 && n <= 120, "managers with prior agreement %" G_GINT64_FORMAT "‰", n);
  n = query_int (db, "SELECT 1000 * count(*) / (SELECT count(*) FROM attendance) FROM attendance a "
                     "WHERE a.representative_role IN ('practice-manager', 'senior-administrator') AND NOT EXISTS "
                     "(SELECT 1 FROM representation r WHERE r.practice_id = a.practice_id "
                     " AND r.kind = 'practice-manager')");
  ck_assert_msg (n >= 10 && n <= 60, "managers with no request %" G_GINT64_FORMAT "‰", n);
  /* A few managers attended before the health board agreed. */
  ck_assert_int_gt (query_int (db, "SELECT count(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id "
                                   "JOIN representation r ON r.practice_id = a.practice_id AND r.kind = 'practice-manager' "
                                   "WHERE a.representative_role IN ('practice-manager', 'senior-administrator') "
                                   "AND r.status = 'agreed' AND r.decision_on >= substr(m.starts_at, 1, 10)"), 0);
  ck_assert_int_gt (query_int (db, "SELECT count(*) FROM attendance WHERE status = 'apologies'"), 0);
  ck_assert_int_gt (query_int (db, "SELECT count(*) FROM attendance WHERE status = 'absent'"), 0);

  /* Alternative representatives with and without prior agreement. */
  ck_assert_int_gt (query_int (db, "SELECT count(*) FROM representation r JOIN meeting m ON m.id = r.meeting_id "
                                   "WHERE r.kind = 'alternative' AND r.status = 'agreed' "
                                   "AND r.decision_on < substr(m.starts_at, 1, 10)"), 0);
  ck_assert_int_gt (query_int (db, "SELECT count(*) FROM representation r JOIN meeting m ON m.id = r.meeting_id "
                                   "WHERE r.kind = 'alternative' AND r.status = 'agreed' "
                                   "AND r.decision_on > substr(m.starts_at, 1, 10)"), 0);
  ck_assert_int_gt (query_int (db, "SELECT count(*) FROM attendance a WHERE a.representative_role = 'other' AND NOT EXISTS "
                                   "(SELECT 1 FROM representation r WHERE r.meeting_id = a.meeting_id "
                                   " AND r.practice_id = a.practice_id)"), 0);
  for (guint i = 0; i < 3; i++)
    {
      static const char *statuses[] = { "agreed", "refused", "requested" };
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM representation WHERE status = '%s'", statuses[i]);
      ck_assert_int_gt (query_int (db, sql), 0);
    }
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM representation WHERE status = 'refused' AND trim(explanation) = ''"), 0);

  /* Buddying: every state, pairs of the same cluster, the buddy larger,
   * engagement recorded for most of the meetings a buddied practice missed. */
  for (guint i = 0; i < 4; i++)
    {
      static const char *statuses[] = { "agreed", "refused", "requested", "ended" };
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM buddy_arrangement WHERE status = '%s'", statuses[i]);
      ck_assert_int_gt (query_int (db, sql), 0);
    }
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM buddy_arrangement a JOIN practice s ON s.id = a.small_practice_id "
                                   "JOIN practice b ON b.id = a.buddy_practice_id "
                                   "WHERE s.cluster_id != b.cluster_id OR b.list_size <= s.list_size "
                                   "OR (s.partners > 3 AND s.sustainability_issues = 0)"), 0);
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM buddy_arrangement WHERE status = 'refused' AND trim(explanation) = ''"), 0);
  ck_assert_int_gt (counts.buddy_engagements, 0);
  ck_assert_int_gt (query_int (db, "SELECT count(*) FROM attendance a JOIN buddy_arrangement b "
                                   "ON b.small_practice_id = a.practice_id AND b.status IN ('agreed', 'ended') "
                                   "JOIN meeting m ON m.id = a.meeting_id "
                                   "WHERE a.status != 'attended' AND substr(m.starts_at, 1, 10) >= b.starts_on "
                                   "AND NOT EXISTS (SELECT 1 FROM buddy_engagement e WHERE e.meeting_id = a.meeting_id "
                                   "AND e.practice_id = a.practice_id)"), 0);

  /* Evidence of every kind, for most practices and not all. */
  n = query_int (db, "SELECT count(DISTINCT kind) FROM evidence");
  ck_assert_int_eq (n, 8);
  n = query_int (db, "SELECT 100 * count(DISTINCT e.practice_id) / (SELECT count(*) FROM practice) FROM evidence e "
                     "WHERE e.kind = 'partnership-working' AND e.evidence_on BETWEEN '2021-10-01' AND '2022-09-30'");
  ck_assert_msg (n >= 70 && n <= 90, "partnership working %" G_GINT64_FORMAT "%%", n);
  ck_assert_int_gt (query_int (db, "SELECT count(*) FROM evidence WHERE meeting_id IS NOT NULL"), 0);
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM evidence WHERE evidence_on > '2023-06-15'"), 0);

  /* IMTP contributions in every state. */
  ck_assert_int_gt (query_int (db, "SELECT count(*) FROM imtp_contribution i JOIN cycle c ON c.id = i.cycle_id "
                                   "WHERE c.code = '2021-22' AND i.status = 'submitted' AND i.submitted_on <= c.ends_on"),
                    counts.practices / 2);
  ck_assert_int_gt (query_int (db, "SELECT count(*) FROM imtp_contribution i JOIN cycle c ON c.id = i.cycle_id "
                                   "WHERE c.code = '2021-22' AND i.submitted_on > c.ends_on"), 0);
  ck_assert_int_gt (query_int (db, "SELECT count(*) FROM imtp_contribution i JOIN cycle c ON c.id = i.cycle_id "
                                   "WHERE c.code = '2021-22' AND i.status = 'draft'"), 0);
  ck_assert_int_gt (query_int (db, "SELECT count(*) FROM imtp_contribution i JOIN cycle c ON c.id = i.cycle_id "
                                   "WHERE c.code = '2022-23' AND i.status = 'submitted'"), 0);
  ck_assert_int_eq (query_int (db, "SELECT count(DISTINCT s.status) FROM imtp_section s JOIN imtp_contribution i "
                                   "ON i.id = s.contribution_id JOIN cycle c ON c.id = i.cycle_id "
                                   "WHERE c.code = '2022-23' AND i.status = 'draft'"), 3);
  ck_assert_int_gt (query_int (db, "SELECT count(*) FROM imtp_section WHERE body_cy != ''"), 0);
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM imtp_workforce WHERE wte > headcount"), 0);
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM imtp_contribution WHERE submitted_on > '2023-06-15'"), 0);

  /* Generated data has no history, and its stamps tell a plausible story:
   * v4 ids, never after the reference date, updated after created. */
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM audit_log"), 0);
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM meeting WHERE substr(id, 15, 1) != '4' "
                                   "OR substr(id, 20, 1) NOT IN ('8', '9', 'a', 'b')"), 0);
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM attendance WHERE updated_at < created_at "
                                   "OR updated_at > '2023-06-16'"), 0);
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM evidence WHERE updated_by = ''"), 0);

  /* Whole and sound. */
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
  ck_assert (clw_database_check_integrity (db, NULL));
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM search_index"),
                    query_int (db, "SELECT count(*) FROM search_source"));
}
END_TEST

START_TEST (test_demo_is_deterministic)
{
  g_autoptr(ClwDatabase) a = new_demo ("a.db", SEED, NULL);
  g_autoptr(ClwDatabase) b = new_demo ("b.db", SEED, NULL);
  g_autoptr(ClwDatabase) c = new_demo ("c.db", SEED + 1, NULL);
  g_autoptr(GBytes) bytes_a = clw_dataset_export_bytes (a, CLW_SCOPE_ALL, NULL, NULL);
  g_autoptr(GBytes) bytes_b = clw_dataset_export_bytes (b, CLW_SCOPE_ALL, NULL, NULL);
  g_autoptr(GBytes) bytes_c = clw_dataset_export_bytes (c, CLW_SCOPE_ALL, NULL, NULL);

  ck_assert_ptr_nonnull (bytes_a);
  ck_assert_ptr_nonnull (bytes_c);
  /* Ids and timestamps included. */
  ck_assert (g_bytes_equal (bytes_a, bytes_b));
  ck_assert (!g_bytes_equal (bytes_a, bytes_c));
}
END_TEST

START_TEST (test_demo_refuses_practices)
{
  g_autoptr(ClwDatabase) db = new_demo ("twice.db", SEED, NULL);
  g_autoptr(GError) error = NULL;
  gint64 practices = query_int (db, "SELECT count(*) FROM practice");
  gint64 meetings = query_int (db, "SELECT count(*) FROM meeting");

  ck_assert (!clw_demo_generate (db, 1, SEED + 1, &error));
  ck_assert (g_error_matches (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE));
  ck_assert_msg (strstr (error->message, "practices") != NULL, "%s", error->message);

  /* Nothing changed, and the database works as before. */
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM practice"), practices);
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM meeting"), meetings);
  ck_assert (!clw_database_in_transaction (db));
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM audit_log"), 0);
}
END_TEST

START_TEST (test_demo_loads_reference)
{
  g_autoptr(ClwDatabase) empty = clw_test_new_empty_database ();
  g_autoptr(ClwDatabase) loaded = clw_test_new_database ();
  g_autoptr(GError) error = NULL;

  /* Without reference data the generator loads it; with it, it uses it. */
  ck_assert_int_eq (query_int (empty, "SELECT count(*) FROM health_board"), 0);
  ck_assert (clw_demo_generate (empty, 1, SEED, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (query_int (empty, "SELECT count(*) FROM health_board"), 7);
  ck_assert_int_eq (query_int (empty, "SELECT count(*) FROM cluster"), 60);

  ck_assert (clw_demo_generate (loaded, 1, SEED, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (query_int (loaded, "SELECT count(*) FROM practice"),
                    query_int (empty, "SELECT count(*) FROM practice"));
}
END_TEST

START_TEST (test_demo_refuses_bad_scale)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(GError) error = NULL;

  ck_assert (!clw_demo_generate (db, 0, SEED, &error));
  ck_assert (g_error_matches (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID));
  g_clear_error (&error);

  ck_assert (!clw_demo_generate (db, CLW_DEMO_MAX_SCALE + 1, SEED, &error));
  ck_assert (g_error_matches (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID));
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM practice"), 0);
  ck_assert_ptr_null (clw_database_get_meta (db, "reference-date"));
}
END_TEST

/* The search index: what a bulk import makes is what the triggers make. */
static char *
index_digest (ClwDatabase *db)
{
  return clw_test_query_string (db,
                                "SELECT count(*) || ' ' || total(length(title)) || ' ' || total(length(body)) || ' ' || "
                                "(SELECT count(*) FROM search_map) || ' ' || "
                                "(SELECT count(*) FROM search_index WHERE search_index MATCH 'phlebotomy') "
                                "FROM search_index");
}

START_TEST (test_import_indexes_in_bulk)
{
  g_autoptr(ClwDatabase) db = new_demo ("source.db", SEED, NULL);
  g_autoptr(ClwDatabase) copy = clw_test_new_empty_database ();
  g_autoptr(GBytes) bytes = clw_dataset_export_bytes (db, CLW_SCOPE_ALL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwMeeting) meeting = NULL;
  g_autofree char *meeting_id = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *copy_digest = NULL;
  ClwImportCounts counts = { 0 };

  /* Every row new: indexed together, the same documents as the source's. */
  ck_assert (clw_dataset_import_bytes (copy, bytes, "demo.xml", &counts, NULL, &error));
  ck_assert_no_error (error);
  ck_assert_int_gt (counts.inserted, 10000);
  digest = index_digest (db);
  copy_digest = index_digest (copy);
  ck_assert_str_eq (digest, copy_digest);
  ck_assert_int_eq (query_int (copy, "SELECT count(*) FROM search_index"),
                    query_int (copy, "SELECT count(*) FROM search_source"));
  /* The triggers are back and nothing is left over. */
  ck_assert_int_eq (query_int (copy, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'search%'"),
                    query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'search%'"));
  ck_assert_int_eq (query_int (copy, "SELECT count(*) FROM sqlite_temp_schema"), 0);

  /* A row changed at the source: importing again replaces its document. */
  meeting_id = clw_test_query_string (db, "SELECT id FROM meeting ORDER BY starts_at LIMIT 1");
  meeting = CLW_MEETING (clw_record_load (db, CLW_TYPE_MEETING, meeting_id, &error));
  ck_assert_no_error (error);
  g_object_set (meeting, "place", "Ysgoldy Capel Bethesda", NULL);
  ck_assert (clw_record_update (CLW_RECORD (meeting), db, CLW_WRITE_DEFAULT, &error));
  ck_assert_no_error (error);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = clw_dataset_export_bytes (db, CLW_SCOPE_ALL, NULL, NULL);

  ck_assert (clw_dataset_import_bytes (copy, bytes, "demo.xml", &counts, NULL, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (counts.updated, 1);
  ck_assert_int_eq (query_int (copy, "SELECT count(*) FROM search_index WHERE search_index MATCH 'Ysgoldy'"), 1);
  g_clear_pointer (&digest, g_free);
  g_clear_pointer (&copy_digest, g_free);
  digest = index_digest (db);
  copy_digest = index_digest (copy);
  ck_assert_str_eq (digest, copy_digest);
}
END_TEST

static Suite *
demo_suite (void)
{
  Suite *s = suite_create ("demo");
  TCase *tc = tcase_create ("generate");

  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_demo_shape);
  tcase_add_test (tc, test_demo_is_deterministic);
  tcase_add_test (tc, test_demo_refuses_practices);
  tcase_add_test (tc, test_demo_loads_reference);
  tcase_add_test (tc, test_demo_refuses_bad_scale);
  tcase_add_test (tc, test_import_indexes_in_bulk);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int    argc,
      char **argv)
{
  return clw_test_run (demo_suite (), argc, argv);
}
