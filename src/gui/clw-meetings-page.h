/* clw-meetings-page.h: the meetings of a cluster's GP Collaborative in the cycle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clw-session.h"

G_BEGIN_DECLS

#define CLW_TYPE_MEETINGS_PAGE (clw_meetings_page_get_type ())

G_DECLARE_FINAL_TYPE (ClwMeetingsPage, clw_meetings_page, CLW, MEETINGS_PAGE, GtkWidget)

void clw_meetings_page_set_session    (ClwMeetingsPage *self,
                                       ClwSession      *session);
void clw_meetings_page_set_cluster_id (ClwMeetingsPage *self,
                                       const char      *cluster_id);

G_END_DECLS
