/* clw-imtp-practice-status.h: where one practice's IMTP contribution stands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An item of the cluster view (clw_imtp_editor_list_cluster()).
 */

#pragma once

#include <gio/gio.h>

#include "clw-types.h"

G_BEGIN_DECLS

#define CLW_TYPE_IMTP_PRACTICE_STATUS (clw_imtp_practice_status_get_type ())

G_DECLARE_FINAL_TYPE (ClwImtpPracticeStatus, clw_imtp_practice_status, CLW, IMTP_PRACTICE_STATUS, GObject)

const char            *clw_imtp_practice_status_get_practice_id       (ClwImtpPracticeStatus *self);
const char            *clw_imtp_practice_status_get_code              (ClwImtpPracticeStatus *self);
const char            *clw_imtp_practice_status_get_name              (ClwImtpPracticeStatus *self);
/* NULL while the practice has not started its contribution. */
const char            *clw_imtp_practice_status_get_contribution_id   (ClwImtpPracticeStatus *self);
gboolean               clw_imtp_practice_status_get_started           (ClwImtpPracticeStatus *self);
ClwContributionStatus  clw_imtp_practice_status_get_status            (ClwImtpPracticeStatus *self);
const char            *clw_imtp_practice_status_get_submitted_on      (ClwImtpPracticeStatus *self);
/* Submitted after the cycle's last day. */
gboolean               clw_imtp_practice_status_get_late              (ClwImtpPracticeStatus *self);
/* Of the five sections. */
guint                  clw_imtp_practice_status_get_sections_complete (ClwImtpPracticeStatus *self);
gboolean               clw_imtp_practice_status_get_workforce_counted (ClwImtpPracticeStatus *self);
/* Every section complete and the workforce counted: it may be submitted. */
gboolean               clw_imtp_practice_status_get_ready             (ClwImtpPracticeStatus *self);
/* "Submitted on 12 Sep 2022", "Draft, 3 of 5 sections complete", "Not started". */
char                  *clw_imtp_practice_status_describe              (ClwImtpPracticeStatus *self);

G_END_DECLS
