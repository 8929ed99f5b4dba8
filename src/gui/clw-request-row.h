/* clw-request-row.h: one request of the decisions list, with Agree and Refuse
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "clw-request.h"

G_BEGIN_DECLS

#define CLW_TYPE_REQUEST_ROW (clw_request_row_get_type ())

G_DECLARE_FINAL_TYPE (ClwRequestRow, clw_request_row, CLW, REQUEST_ROW, GtkWidget)

void        clw_request_row_set_request (ClwRequestRow *self,
                                         ClwRequest    *request);
ClwRequest *clw_request_row_get_request (ClwRequestRow *self);

G_END_DECLS
