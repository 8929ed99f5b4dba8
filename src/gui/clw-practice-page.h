/* clw-practice-page.h: one practice: details, attendance, arrangements, evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clw-session.h"

G_BEGIN_DECLS

#define CLW_TYPE_PRACTICE_PAGE (clw_practice_page_get_type ())

G_DECLARE_FINAL_TYPE (ClwPracticePage, clw_practice_page, CLW, PRACTICE_PAGE, GtkWidget)

void        clw_practice_page_set_session     (ClwPracticePage *self,
                                               ClwSession      *session);
void        clw_practice_page_set_practice_id (ClwPracticePage *self,
                                               const char      *practice_id);
/* The practice's code and name, for the header bar. */
const char *clw_practice_page_get_title       (ClwPracticePage *self);

G_END_DECLS
