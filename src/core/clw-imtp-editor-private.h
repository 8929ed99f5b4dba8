/* clw-imtp-editor-private.h: what the IMTP editor shares with its cluster view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-imtp-practice-status.h"

G_BEGIN_DECLS

/* The one definition of a counted workforce: every role entered (zero is a
 * count) and somebody counted. */
gboolean               _clw_imtp_workforce_is_counted  (guint                  n_roles_entered,
                                                        gint64                 total_headcount);
/* The one definition of a contribution ready to submit. */
gboolean               _clw_imtp_contribution_is_ready (guint                  sections_complete,
                                                        gboolean               workforce_counted);

ClwImtpPracticeStatus *_clw_imtp_practice_status_new   (const char            *practice_id,
                                                        const char            *code,
                                                        const char            *name,
                                                        const char            *contribution_id,
                                                        ClwContributionStatus  status,
                                                        const char            *submitted_on,
                                                        gboolean               late,
                                                        guint                  sections_complete,
                                                        gboolean               workforce_counted);

G_END_DECLS
