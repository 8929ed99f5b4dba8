/* clw-test-fixture.c: rows the Check programs of core build on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clw-test-fixture.h"

static char *
query_id (ClwDatabase *db,
          const char  *sql)
{
  char *id = clw_test_query_string (db, sql);

  ck_assert_msg (id != NULL, "no row for %s", sql);
  return id;
}

ClwTestFixture *
clw_test_fixture_new (ClwDatabase *db)
{
  ClwTestFixture *f = g_new0 (ClwTestFixture, 1);

  f->board_id = query_id (db, "SELECT id FROM health_board WHERE code = '7A6'");
  f->cluster_id = query_id (db, "SELECT id FROM cluster WHERE code = 'AB01'");
  f->other_cluster_id = query_id (db, "SELECT id FROM cluster WHERE code = 'AB02'");
  f->gp_collaborative_id =
    query_id (db, "SELECT c.id FROM collaborative c JOIN cluster k ON k.id = c.cluster_id "
                  "WHERE k.code = 'AB01' AND c.profession = 'gp'");
  f->dental_collaborative_id =
    query_id (db, "SELECT c.id FROM collaborative c JOIN cluster k ON k.id = c.cluster_id "
                  "WHERE k.code = 'AB01' AND c.profession = 'dental'");
  f->other_gp_collaborative_id =
    query_id (db, "SELECT c.id FROM collaborative c JOIN cluster k ON k.id = c.cluster_id "
                  "WHERE k.code = 'AB02' AND c.profession = 'gp'");
  f->cycle_id = query_id (db, "SELECT id FROM cycle WHERE code = '2021-22'");
  f->indicator_id = query_id (db, "SELECT i.id FROM indicator i JOIN cycle c ON c.id = i.cycle_id "
                                  "WHERE c.code = '2021-22' AND i.code = 'CND015W'");

  f->small_id = clw_test_insert (db, g_object_new (CLW_TYPE_PRACTICE,
                                                   "cluster-id", f->cluster_id,
                                                   "code", "W10001",
                                                   "name", "Penybryn Surgery",
                                                   "partners", 2,
                                                   "list-size", 3000,
                                                   NULL));
  f->large_id = clw_test_insert (db, g_object_new (CLW_TYPE_PRACTICE,
                                                   "cluster-id", f->cluster_id,
                                                   "code", "W10002",
                                                   "name", "Tredegar Health Centre",
                                                   "partners", 6,
                                                   "list-size", 12000,
                                                   NULL));
  f->medium_id = clw_test_insert (db, g_object_new (CLW_TYPE_PRACTICE,
                                                    "cluster-id", f->cluster_id,
                                                    "code", "W10003",
                                                    "name", "Ebbw Vale Medical Practice",
                                                    "partners", 4,
                                                    "list-size", 5000,
                                                    NULL));
  f->other_id = clw_test_insert (db, g_object_new (CLW_TYPE_PRACTICE,
                                                   "cluster-id", f->other_cluster_id,
                                                   "code", "W20001",
                                                   "name", "Abertillery Surgery",
                                                   "partners", 3,
                                                   "list-size", 7000,
                                                   NULL));

  f->meeting_id = clw_test_insert (db, g_object_new (CLW_TYPE_MEETING,
                                                     "collaborative-id", f->gp_collaborative_id,
                                                     "starts-at", "2021-11-10T13:00",
                                                     "place", "Tredegar Health Centre",
                                                     "status", CLW_MEETING_STATUS_HELD,
                                                     NULL));
  f->cancelled_meeting_id = clw_test_insert (db, g_object_new (CLW_TYPE_MEETING,
                                                               "collaborative-id", f->gp_collaborative_id,
                                                               "starts-at", "2022-01-12T13:00",
                                                               "status", CLW_MEETING_STATUS_CANCELLED,
                                                               NULL));
  f->dental_meeting_id = clw_test_insert (db, g_object_new (CLW_TYPE_MEETING,
                                                            "collaborative-id", f->dental_collaborative_id,
                                                            "starts-at", "2021-11-17T18:00",
                                                            "status", CLW_MEETING_STATUS_HELD,
                                                            NULL));
  f->other_meeting_id = clw_test_insert (db, g_object_new (CLW_TYPE_MEETING,
                                                           "collaborative-id", f->other_gp_collaborative_id,
                                                           "starts-at", "2021-11-11T13:00",
                                                           "status", CLW_MEETING_STATUS_HELD,
                                                           NULL));
  return f;
}

void
clw_test_fixture_free (ClwTestFixture *f)
{
  if (f == NULL)
    return;

  g_free (f->board_id);
  g_free (f->cluster_id);
  g_free (f->other_cluster_id);
  g_free (f->gp_collaborative_id);
  g_free (f->dental_collaborative_id);
  g_free (f->other_gp_collaborative_id);
  g_free (f->cycle_id);
  g_free (f->indicator_id);
  g_free (f->small_id);
  g_free (f->large_id);
  g_free (f->medium_id);
  g_free (f->other_id);
  g_free (f->meeting_id);
  g_free (f->cancelled_meeting_id);
  g_free (f->dental_meeting_id);
  g_free (f->other_meeting_id);
  g_free (f);
}

guint
clw_test_fill_every_table (ClwDatabase *db)
{
  g_autofree char *board = NULL;
  g_autofree char *pcpg = NULL;
  g_autofree char *cluster = NULL;
  g_autofree char *gp = NULL;
  g_autofree char *social = NULL;
  g_autofree char *cycle = NULL;
  g_autofree char *indicator = NULL;
  g_autofree char *requirement = NULL;
  g_autofree char *small = NULL;
  g_autofree char *large = NULL;
  g_autofree char *third = NULL;
  g_autofree char *held = NULL;
  g_autofree char *cancelled = NULL;
  g_autofree char *agenda = NULL;
  g_autofree char *action = NULL;
  g_autofree char *attended = NULL;
  g_autofree char *apologies = NULL;
  g_autofree char *manager = NULL;
  g_autofree char *alternative = NULL;
  g_autofree char *buddy = NULL;
  g_autofree char *engagement = NULL;
  g_autofree char *evidence = NULL;
  g_autofree char *contribution = NULL;
  g_autofree char *section = NULL;
  g_autofree char *workforce = NULL;

  board = clw_test_insert (db, g_object_new (CLW_TYPE_HEALTH_BOARD,
                                             "code", CLW_TEST_FILL_BOARD_CODE,
                                             "name", "Bwrdd Prawf & \"Test\" University Health Board",
                                             "name-cy", "Bwrdd Iechyd Prifysgol Prawf ‘Ŵy’",
                                             "short-name", "Prawf <Test>",
                                             "cluster-term", "rhwydwaith gofal",
                                             "valid-from", "2020-04-01",
                                             "valid-to", "2035-03-31",
                                             NULL));
  pcpg = clw_test_insert (db, g_object_new (CLW_TYPE_PCPG,
                                            "health-board-id", board,
                                            "name", "Prawf Pan Cluster Planning Group",
                                            "name-cy", "Grŵp Cynllunio Pan-Glwstwr Prawf",
                                            "valid-from", "2022-04-01",
                                            "valid-to", "2035-03-31",
                                            NULL));
  cluster = clw_test_insert (db, g_object_new (CLW_TYPE_CLUSTER,
                                               "health-board-id", board,
                                               "pcpg-id", pcpg,
                                               "code", CLW_TEST_FILL_CLUSTER_CODE,
                                               "name", "Cwm Prawf & Dyffryn",
                                               "name-cy", "Cwm Prawf a'r Dyffryn",
                                               "valid-from", "2020-04-01",
                                               "valid-to", "2035-03-31",
                                               NULL));
  gp = clw_test_insert (db, g_object_new (CLW_TYPE_COLLABORATIVE,
                                          "cluster-id", cluster,
                                          "profession", CLW_PROFESSION_GP,
                                          "name", "Cwm Prawf GP Collaborative",
                                          "lead-name", "Dr Siân O'Brien",
                                          NULL));
  social = clw_test_insert (db, g_object_new (CLW_TYPE_COLLABORATIVE,
                                              "cluster-id", cluster,
                                              "profession", CLW_PROFESSION_SOCIAL_CARE,
                                              "name", "Cwm Prawf Social Care Collaborative",
                                              NULL));
  cycle = clw_test_insert (db, g_object_new (CLW_TYPE_CYCLE,
                                             "code", "2030-31",
                                             "starts-on", "2030-10-01",
                                             "ends-on", "2031-09-30",
                                             "pence-per-point", 18250,
                                             NULL));
  indicator = clw_test_insert (db, g_object_new (CLW_TYPE_INDICATOR,
                                                 "cycle-id", cycle,
                                                 "code", "CND099W",
                                                 "position", 4,
                                                 "points", 15,
                                                 "rule", CLW_INDICATOR_RULE_CLUSTER_OUTCOMES,
                                                 "scoring", CLW_SCORING_PROPORTIONAL,
                                                 "threshold", 2,
                                                 "risk-window-days", 45,
                                                 "title", "Outcomes & “impact”",
                                                 "title-cy", "Canlyniadau & ‘effaith’",
                                                 "description", CLW_TEST_LONG_TEXT,
                                                 "description-cy", CLW_TEST_LONG_TEXT_CY,
                                                 NULL));
  requirement = clw_test_insert (db, g_object_new (CLW_TYPE_EVIDENCE_REQUIREMENT,
                                                   "cycle-id", cycle,
                                                   "indicator-id", indicator,
                                                   "kind", CLW_EVIDENCE_KIND_CGSAT,
                                                   "mode", CLW_EVIDENCE_MODE_DECLARATION,
                                                   "due-on", "2031-03-31",
                                                   "blocking", TRUE,
                                                   "description", CLW_TEST_LONG_TEXT,
                                                   "description-cy", CLW_TEST_LONG_TEXT_CY,
                                                   NULL));
  small = clw_test_insert (db, g_object_new (CLW_TYPE_PRACTICE,
                                             "cluster-id", cluster,
                                             "code", "X10001",
                                             "name", "Meddygfa'r \"Bont\" & Co",
                                             "partners", 1,
                                             "list-size", 2500,
                                             "sustainability-issues", TRUE,
                                             "branch-surgeries", 2,
                                             NULL));
  large = clw_test_insert (db, g_object_new (CLW_TYPE_PRACTICE,
                                             "cluster-id", cluster,
                                             "code", "X10002",
                                             "name", "Canolfan Iechyd Prawf",
                                             "partners", 7,
                                             "list-size", 14000,
                                             "branch-surgeries", 1,
                                             NULL));
  third = clw_test_insert (db, g_object_new (CLW_TYPE_PRACTICE,
                                             "cluster-id", cluster,
                                             "code", "X10003",
                                             "name", "Ty'r Felin Surgery",
                                             "partners", 3,
                                             "list-size", 6000,
                                             NULL));
  held = clw_test_insert (db, g_object_new (CLW_TYPE_MEETING,
                                            "collaborative-id", gp,
                                            "starts-at", "2030-11-12T18:30",
                                            "place", "Neuadd y Dref, Llanfair\nStryd Fawr & Heol \"Las\"",
                                            "status", CLW_MEETING_STATUS_HELD,
                                            "minutes", CLW_TEST_LONG_TEXT,
                                            NULL));
  cancelled = clw_test_insert (db, g_object_new (CLW_TYPE_MEETING,
                                                 "collaborative-id", gp,
                                                 "starts-at", "2031-01-14T09:00",
                                                 "status", CLW_MEETING_STATUS_CANCELLED,
                                                 NULL));
  agenda = clw_test_insert (db, g_object_new (CLW_TYPE_AGENDA_ITEM,
                                              "meeting-id", held,
                                              "section", CLW_AGENDA_SECTION_DECISION,
                                              "position", 3,
                                              "title", "Cluster plan & budget",
                                              "presenter", "Rhian Ŵyn",
                                              "notes", CLW_TEST_LONG_TEXT,
                                              NULL));
  action = clw_test_insert (db, g_object_new (CLW_TYPE_ACTION_ITEM,
                                              "meeting-id", held,
                                              "description", "Send the “demand & capacity” figures",
                                              "owner", "Dr O'Brien",
                                              "due-on", "2030-12-01",
                                              "status", CLW_ACTION_STATUS_IN_PROGRESS,
                                              "notes", CLW_TEST_LONG_TEXT_CY,
                                              NULL));
  attended = clw_test_insert (db, g_object_new (CLW_TYPE_ATTENDANCE,
                                                "meeting-id", held,
                                                "practice-id", large,
                                                "status", CLW_ATTENDANCE_STATUS_ATTENDED,
                                                "representative-name", "Dr Gwenllïan Jones",
                                                "representative-role", "salaried-gp",
                                                "notes", CLW_TEST_LONG_TEXT,
                                                NULL));
  apologies = clw_test_insert (db, g_object_new (CLW_TYPE_ATTENDANCE,
                                                 "meeting-id", held,
                                                 "practice-id", small,
                                                 "status", CLW_ATTENDANCE_STATUS_APOLOGIES,
                                                 NULL));
  manager = clw_test_insert (db, g_object_new (CLW_TYPE_REPRESENTATION,
                                               "practice-id", small,
                                               "kind", CLW_REPRESENTATION_KIND_PRACTICE_MANAGER,
                                               "representative-name", "Meinir Huws",
                                               "representative-role", "practice-manager",
                                               "starts-on", "2030-10-01",
                                               "ends-on", "2031-09-30",
                                               "status", CLW_ARRANGEMENT_STATUS_AGREED,
                                               "requested-on", "2030-09-01",
                                               "decision-on", "2030-09-15",
                                               "explanation", CLW_TEST_LONG_TEXT_CY,
                                               "notes", CLW_TEST_LONG_TEXT,
                                               NULL));
  alternative = clw_test_insert (db, g_object_new (CLW_TYPE_REPRESENTATION,
                                                   "practice-id", third,
                                                   "kind", CLW_REPRESENTATION_KIND_ALTERNATIVE,
                                                   "meeting-id", held,
                                                   "representative-name", "Tom Pryce",
                                                   "representative-role", "other",
                                                   "status", CLW_ARRANGEMENT_STATUS_REFUSED,
                                                   "requested-on", "2030-11-01",
                                                   "decision-on", "2030-11-05",
                                                   "explanation", "Not a senior clinician & the request came late.",
                                                   NULL));
  buddy = clw_test_insert (db, g_object_new (CLW_TYPE_BUDDY_ARRANGEMENT,
                                             "small-practice-id", small,
                                             "buddy-practice-id", large,
                                             "starts-on", "2030-10-01",
                                             "ends-on", "2031-09-30",
                                             "status", CLW_ARRANGEMENT_STATUS_AGREED,
                                             "requested-on", "2030-09-10",
                                             "decision-on", "2030-09-20",
                                             "explanation", "Agreed: single-handed & “sustainability issues”.",
                                             "notes", CLW_TEST_LONG_TEXT,
                                             NULL));
  engagement = clw_test_insert (db, g_object_new (CLW_TYPE_BUDDY_ENGAGEMENT,
                                                  "practice-id", small,
                                                  "meeting-id", held,
                                                  "kind", CLW_ENGAGEMENT_KIND_COMMENTS_TO_BUDDY,
                                                  "recorded-on", "2030-11-10",
                                                  "note", CLW_TEST_LONG_TEXT,
                                                  NULL));
  evidence = clw_test_insert (db, g_object_new (CLW_TYPE_EVIDENCE,
                                                "kind", CLW_EVIDENCE_KIND_PEER_REVIEW,
                                                "title", "Adolygiad cymheiriaid & “peer review”",
                                                "evidence-on", "2030-11-12",
                                                "practice-id", small,
                                                "meeting-id", held,
                                                "indicator-id", indicator,
                                                "notes", CLW_TEST_LONG_TEXT,
                                                "original-name", "Adroddiad ‘cymheiriaid’ & Co.pdf",
                                                "content-type", "application/pdf",
                                                "size", 123456,
                                                "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                                                "attached-by", "Siân O'Brien",
                                                NULL));
  contribution = clw_test_insert (db, g_object_new (CLW_TYPE_IMTP_CONTRIBUTION,
                                                    "practice-id", small,
                                                    "cycle-id", cycle,
                                                    "status", CLW_CONTRIBUTION_STATUS_SUBMITTED,
                                                    "submitted-on", "2031-09-28",
                                                    "notes", CLW_TEST_LONG_TEXT_CY,
                                                    NULL));
  section = clw_test_insert (db, g_object_new (CLW_TYPE_IMTP_SECTION,
                                               "contribution-id", contribution,
                                               "kind", CLW_IMTP_SECTION_KIND_WORKFORCE,
                                               "status", CLW_SECTION_STATUS_COMPLETE,
                                               "body", CLW_TEST_LONG_TEXT,
                                               "body-cy", CLW_TEST_LONG_TEXT_CY,
                                               NULL));
  workforce = clw_test_insert (db, g_object_new (CLW_TYPE_IMTP_WORKFORCE,
                                                 "contribution-id", contribution,
                                                 "role", CLW_WORKFORCE_ROLE_PHARMACISTS,
                                                 "headcount", 3,
                                                 "wte", 2.75,
                                                 NULL));

  /* One row in each of the 19 tables, and the rows that cover what one
   * row cannot: a second collaborative, two more practices, a cancelled
   * meeting, apologies and an alternative representative. */
  return 25;
}
