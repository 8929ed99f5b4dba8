/* clw-imtp-workforce.h: a workforce count of an IMTP contribution, a row of the table `imtp_workforce`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-record.h"

G_BEGIN_DECLS

#define CLW_TYPE_IMTP_WORKFORCE (clw_imtp_workforce_get_type ())

G_DECLARE_FINAL_TYPE (ClwImtpWorkforce, clw_imtp_workforce, CLW, IMTP_WORKFORCE, ClwRecord)

ClwImtpWorkforce *clw_imtp_workforce_new (void);

const char       *clw_imtp_workforce_get_contribution_id (ClwImtpWorkforce *self);
ClwWorkforceRole  clw_imtp_workforce_get_role            (ClwImtpWorkforce *self);
int               clw_imtp_workforce_get_headcount       (ClwImtpWorkforce *self);
double            clw_imtp_workforce_get_wte             (ClwImtpWorkforce *self);

G_END_DECLS
