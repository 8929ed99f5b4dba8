/* clw-practice-import-dialog.h: what importing a practice list will do, before it does it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clw-session.h"

G_BEGIN_DECLS

#define CLW_TYPE_PRACTICE_IMPORT_DIALOG (clw_practice_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ClwPracticeImportDialog, clw_practice_import_dialog, CLW, PRACTICE_IMPORT_DIALOG, AdwWindow)

/* The preview @import of @file (made by clw_practice_import_preview_async()
 * on @session's database), for @parent's user to check and apply. */
ClwPracticeImportDialog *clw_practice_import_dialog_new        (GtkWindow               *parent,
                                                                ClwSession              *session,
                                                                GFile                   *file,
                                                                ClwPracticeImport       *import);
/* The preview shown; NULL while the file cannot be read. */
ClwPracticeImport       *clw_practice_import_dialog_get_import (ClwPracticeImportDialog *self);
/* Reading the file again (after it was corrected), off the main thread. */
gboolean                 clw_practice_import_dialog_get_busy   (ClwPracticeImportDialog *self);

G_END_DECLS
