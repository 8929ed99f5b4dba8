/* clw-test-fixture.h: rows the Check programs of core build on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-test-util.h"

G_BEGIN_DECLS

/* Text that has tripped up file formats before: several lines, Welsh
 * letters, both quotes, an ampersand, angle brackets, a tab, a CR LF and
 * spaces at both ends. */
#define CLW_TEST_LONG_TEXT \
  "  Croeso — welcome to the “Collaborative” & its <partners>.\n" \
  "Agreed: Dr Siân O'Brien & \"Dai\" Jones write the plan;\ttab here.\r\n" \
  "Ŵyn, ŷd, â, ê, î, ô, û, ẁ, ẃ, ẅ, ỳ, ŵ — trailing spaces   \n\n"
#define CLW_TEST_LONG_TEXT_CY \
  "Cytunwyd: bydd y practis yn cyfrannu at y cynllun “tair blynedd”.\n" \
  "Ail baragraff: ‘gofal sylfaenol’ & <iechyd> y boblogaeth."

/* Rows in the reference data's cluster AB01 (Blaenau Gwent East, Aneurin
 * Bevan) and its neighbour AB02, for the tests of the rules. */
typedef struct
{
  char *board_id;                  /* Aneurin Bevan */
  char *cluster_id;                /* AB01 */
  char *other_cluster_id;          /* AB02, same board */
  char *gp_collaborative_id;       /* of AB01 */
  char *dental_collaborative_id;   /* of AB01 */
  char *other_gp_collaborative_id; /* of AB02 */
  char *cycle_id;                  /* 2021-22 */
  char *indicator_id;              /* CND015W of 2021-22 */
  char *small_id;                  /* W10001: 2 partners, 3,000 patients */
  char *large_id;                  /* W10002: 6 partners, 12,000 patients */
  char *medium_id;                 /* W10003: 4 partners, no sustainability issues, 5,000 */
  char *other_id;                  /* W20001, in AB02 */
  char *meeting_id;                /* held, of the GP Collaborative of AB01 */
  char *cancelled_meeting_id;      /* cancelled, same collaborative */
  char *dental_meeting_id;         /* of the dental collaborative of AB01 */
  char *other_meeting_id;          /* of the GP Collaborative of AB02 */
} ClwTestFixture;

/* Needs the reference data (clw_test_new_database ()). */
ClwTestFixture *clw_test_fixture_new     (ClwDatabase    *db);
void            clw_test_fixture_free    (ClwTestFixture *fixture);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClwTestFixture, clw_test_fixture_free)

/* A health board of its own ("7X9") with a row in every table of the
 * schema and every column set to something other than its default, with
 * long texts of CLW_TEST_LONG_TEXT. Returns the number of rows added.
 * Needs nothing in the database. */
guint           clw_test_fill_every_table (ClwDatabase   *db);

/* The id of the health board clw_test_fill_every_table () adds. */
#define CLW_TEST_FILL_BOARD_CODE "7X9"
#define CLW_TEST_FILL_CLUSTER_CODE "TX01"

G_END_DECLS
