/* clw-engagement-dialog.h: how a buddied practice fed in to a meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clw-core.h"

G_BEGIN_DECLS

#define CLW_TYPE_ENGAGEMENT_DIALOG (clw_engagement_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ClwEngagementDialog, clw_engagement_dialog, CLW, ENGAGEMENT_DIALOG, AdwMessageDialog)

ClwEngagementDialog *clw_engagement_dialog_new             (GtkWindow           *parent,
                                                            const char          *body,
                                                            const char          *date);
ClwEngagementKind    clw_engagement_dialog_get_kind        (ClwEngagementDialog *self);
const char          *clw_engagement_dialog_get_recorded_on (ClwEngagementDialog *self);
const char          *clw_engagement_dialog_get_note        (ClwEngagementDialog *self);

G_END_DECLS
