/* clw-practice.h: a practice, a row of the table `practice`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-record.h"

G_BEGIN_DECLS

#define CLW_TYPE_PRACTICE (clw_practice_get_type ())

G_DECLARE_FINAL_TYPE (ClwPractice, clw_practice, CLW, PRACTICE, ClwRecord)

ClwPractice *clw_practice_new (void);

gboolean clw_practice_code_is_valid (const char *code);

const char *clw_practice_get_cluster_id            (ClwPractice *self);
const char *clw_practice_get_code                  (ClwPractice *self);
const char *clw_practice_get_name                  (ClwPractice *self);
int         clw_practice_get_partners              (ClwPractice *self);
int         clw_practice_get_list_size             (ClwPractice *self);
gboolean    clw_practice_get_sustainability_issues (ClwPractice *self);
int         clw_practice_get_branch_surgeries      (ClwPractice *self);

/* The practices of a cluster, by code. */
GListStore *clw_practice_list_for_cluster  (ClwDatabase  *db,
                                            const char   *cluster_id,
                                            GError      **error);

G_END_DECLS
