/* clw-conflicts-page.h: every conflict with another copy, to resolve
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clw-session.h"

G_BEGIN_DECLS

#define CLW_TYPE_CONFLICTS_PAGE (clw_conflicts_page_get_type ())

G_DECLARE_FINAL_TYPE (ClwConflictsPage, clw_conflicts_page, CLW, CONFLICTS_PAGE, GtkWidget)

void        clw_conflicts_page_set_session     (ClwConflictsPage *self,
                                                ClwSession       *session);
/* Read the conflicts again (changes to the database do this by themselves). */
void        clw_conflicts_page_reload          (ClwConflictsPage *self);
/* The conflicts shown: a GListModel of ClwSyncConflict. */
GListModel *clw_conflicts_page_get_conflicts   (ClwConflictsPage *self);
/* A resolution is being stored. */
gboolean    clw_conflicts_page_get_busy        (ClwConflictsPage *self);

G_END_DECLS
