/* clw-demo.h: a realistic, invented dataset of all of Wales
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo is what `make run`, the screenshots, the tests of the screens and
 * the benchmarks work on: about 390 invented practices (at scale 1) in the
 * 60 real clusters, two QAIF cycles of GP Collaborative meetings with their
 * agendas, minutes, actions and attendance, representation and buddy
 * requests, evidence and IMTP contributions in every state. Every row goes
 * through the record API, so it passes the rules of the domain. The same
 * seed always gives the same database, ids and timestamps included.
 */

#pragma once

#include <glib.h>

#include "clw-types.h"

G_BEGIN_DECLS

/* The demo is frozen in the middle of the 2022-23 QAIF cycle: the 2021-22
 * cycle is over (its IMTP contributions were due on 30 September 2022),
 * meetings of 2022-23 are held up to this date and planned after it. It is
 * stored as the meta key "reference-date" (see clw_database_get_today()). */
#define CLW_DEMO_REFERENCE_DATE "2023-06-15"

#define CLW_DEMO_DEFAULT_SEED 2023
#define CLW_DEMO_MAX_SCALE 1000

/* What one run made. */
typedef struct
{
  guint practices;
  guint meetings;
  guint meetings_held;
  guint meetings_planned;
  guint meetings_cancelled;
  guint agenda_items;
  guint action_items;
  guint attendances;
  guint representations;
  guint buddy_arrangements;
  guint buddy_engagements;
  guint evidence;
  guint imtp_contributions;
  guint imtp_sections;
  guint imtp_workforce;
  guint rows;          /* every row written, the reference data excepted */
} ClwDemoCounts;

/* Fill @db, which must hold no practice yet, with the demo dataset: about
 * 390 × @scale practices (1 ≤ @scale ≤ CLW_DEMO_MAX_SCALE) in the real 60
 * clusters. Loads the reference data first when the database has none. All
 * or nothing: one transaction, written without audit log (generated data
 * has no history). */
gboolean clw_demo_generate             (ClwDatabase    *db,
                                        guint           scale,
                                        guint32         seed,
                                        GError        **error);
/* The same, saying what it made in @counts. */
gboolean clw_demo_generate_with_counts (ClwDatabase    *db,
                                        guint           scale,
                                        guint32         seed,
                                        ClwDemoCounts  *counts,
                                        GError        **error);

G_END_DECLS
