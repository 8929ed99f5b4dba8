/* clw-agreement-dialog.h: the dates of a health board's agreement to a representative
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CLW_TYPE_AGREEMENT_DIALOG (clw_agreement_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ClwAgreementDialog, clw_agreement_dialog, CLW, AGREEMENT_DIALOG, AdwMessageDialog)

/* @kind says what is agreed; @body why it matters; @date the first
 * guess of both dates. */
ClwAgreementDialog *clw_agreement_dialog_new              (GtkWindow          *parent,
                                                           const char         *kind,
                                                           const char         *body,
                                                           const char         *date);
const char         *clw_agreement_dialog_get_requested_on (ClwAgreementDialog *self);
const char         *clw_agreement_dialog_get_agreed_on    (ClwAgreementDialog *self);

G_END_DECLS
