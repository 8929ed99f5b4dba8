/* clw-decisions-page.h: the requests waiting for a health board's decision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clw-session.h"

G_BEGIN_DECLS

#define CLW_TYPE_DECISIONS_PAGE (clw_decisions_page_get_type ())

G_DECLARE_FINAL_TYPE (ClwDecisionsPage, clw_decisions_page, CLW, DECISIONS_PAGE, GtkWidget)

void clw_decisions_page_set_session         (ClwDecisionsPage *self,
                                             ClwSession       *session);
void clw_decisions_page_set_health_board_id (ClwDecisionsPage *self,
                                             const char       *health_board_id);

G_END_DECLS
