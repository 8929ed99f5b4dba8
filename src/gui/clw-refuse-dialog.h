/* clw-refuse-dialog.h: refusing a request, with the explanation it must carry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CLW_TYPE_REFUSE_DIALOG (clw_refuse_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ClwRefuseDialog, clw_refuse_dialog, CLW, REFUSE_DIALOG, AdwMessageDialog)

/* @request describes what is refused. The "refuse" response stays
 * disabled until the explanation has some text. */
ClwRefuseDialog *clw_refuse_dialog_new             (GtkWindow       *parent,
                                                    const char      *request);
char            *clw_refuse_dialog_dup_explanation (ClwRefuseDialog *self);
/* For tests and scripts: type the explanation. */
void             clw_refuse_dialog_set_explanation (ClwRefuseDialog *self,
                                                    const char      *explanation);

G_END_DECLS
