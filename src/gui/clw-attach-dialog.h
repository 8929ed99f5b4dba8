/* clw-attach-dialog.h: what files are evidence of, asked before they are attached
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clw-core.h"

G_BEGIN_DECLS

#define CLW_TYPE_ATTACH_DIALOG (clw_attach_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ClwAttachDialog, clw_attach_dialog, CLW, ATTACH_DIALOG, AdwMessageDialog)

/* @names: the display names of the files. With one file, the title is
 * asked (its name by default); with several, each is titled by its name.
 * The "attach" response is enabled when the answers can be stored. */
ClwAttachDialog *clw_attach_dialog_new       (GtkWindow        *parent,
                                              const char * const *names,
                                              ClwEvidenceKind   kind,
                                              const char       *date);

ClwEvidenceKind  clw_attach_dialog_get_kind  (ClwAttachDialog  *self);
void             clw_attach_dialog_set_kind  (ClwAttachDialog  *self,
                                              ClwEvidenceKind   kind);
/* The title typed, or NULL with several files. */
char            *clw_attach_dialog_dup_title (ClwAttachDialog  *self);
void             clw_attach_dialog_set_title (ClwAttachDialog  *self,
                                              const char       *title);
const char      *clw_attach_dialog_get_date  (ClwAttachDialog  *self);

G_END_DECLS
