/* clw-evidence-list.h: the evidence of a practice or a meeting, with its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clw-session.h"

G_BEGIN_DECLS

#define CLW_TYPE_EVIDENCE_LIST (clw_evidence_list_get_type ())

G_DECLARE_FINAL_TYPE (ClwEvidenceList, clw_evidence_list, CLW, EVIDENCE_LIST, GtkWidget)

void        clw_evidence_list_set_session     (ClwEvidenceList *self,
                                               ClwSession      *session);
/* What the list shows and what attached files are linked to: a practice,
 * or a meeting (setting one clears the other). */
void        clw_evidence_list_set_practice_id (ClwEvidenceList *self,
                                               const char      *practice_id);
void        clw_evidence_list_set_meeting_id  (ClwEvidenceList *self,
                                               const char      *meeting_id);
/* The evidence shown (ClwEvidence), newest first unless sorted otherwise. */
GListModel *clw_evidence_list_get_items       (ClwEvidenceList *self);
/* Whether files are being attached. */
gboolean    clw_evidence_list_get_busy        (ClwEvidenceList *self);

/* Choose files to attach (Attach…); @kind, when not -1, is the kind the
 * dialog proposes, @indicator_id (or NULL) the indicator they are
 * evidence for. */
void        clw_evidence_list_choose_files    (ClwEvidenceList *self,
                                               int              kind,
                                               const char      *indicator_id);
/* Attach @files (of GFile), as a drop does: each is checked (readable,
 * within the size limit of the preferences), then the kind, title and date
 * are asked, then the files are stored off the main thread. */
void        clw_evidence_list_attach_files    (ClwEvidenceList *self,
                                               GSList          *files,
                                               int              kind,
                                               const char      *indicator_id);
/* Let files dropped anywhere on @widget be attached here. */
void        clw_evidence_list_add_drop_target (ClwEvidenceList *self,
                                               GtkWidget       *widget);

G_END_DECLS
