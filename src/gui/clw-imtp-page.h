/* clw-imtp-page.h: a practice's IMTP contribution for a cycle, edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clw-session.h"

G_BEGIN_DECLS

#define CLW_TYPE_IMTP_PAGE (clw_imtp_page_get_type ())

G_DECLARE_FINAL_TYPE (ClwImtpPage, clw_imtp_page, CLW, IMTP_PAGE, GtkWidget)

void           clw_imtp_page_set_session      (ClwImtpPage *self,
                                               ClwSession  *session);
/* The contribution of @practice_id for @cycle_id (NULL: the session's). */
void           clw_imtp_page_set_contribution (ClwImtpPage *self,
                                               const char  *practice_id,
                                               const char  *cycle_id);
/* "W12345 Meddygfa'r Bont", for the header bar. */
const char    *clw_imtp_page_get_title        (ClwImtpPage *self);
ClwImtpEditor *clw_imtp_page_get_editor       (ClwImtpPage *self);
/* Store whatever is typed and not saved yet. */
void           clw_imtp_page_flush            (ClwImtpPage *self);

G_END_DECLS
