/* clw-imtp-contribution.h: an IMTP contribution, a row of the table `imtp_contribution`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-record.h"

G_BEGIN_DECLS

#define CLW_TYPE_IMTP_CONTRIBUTION (clw_imtp_contribution_get_type ())

G_DECLARE_FINAL_TYPE (ClwImtpContribution, clw_imtp_contribution, CLW, IMTP_CONTRIBUTION, ClwRecord)

ClwImtpContribution *clw_imtp_contribution_new (void);

const char            *clw_imtp_contribution_get_practice_id  (ClwImtpContribution *self);
const char            *clw_imtp_contribution_get_cycle_id     (ClwImtpContribution *self);
ClwContributionStatus  clw_imtp_contribution_get_status       (ClwImtpContribution *self);
const char            *clw_imtp_contribution_get_submitted_on (ClwImtpContribution *self);
const char            *clw_imtp_contribution_get_notes        (ClwImtpContribution *self);

G_END_DECLS
