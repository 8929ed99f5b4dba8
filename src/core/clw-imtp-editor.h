/* clw-imtp-editor.h: one practice's IMTP contribution for one cycle, as it is edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model behind the IMTP contribution page. A contribution has five
 * sections (population needs assessment; services and gaps; workforce;
 * performance against the primary care measures; demand and capacity from
 * the QI domain), each with its text in English and Welsh and a status,
 * and workforce counts by role (headcount and whole-time equivalents; the
 * development needs are the text of the workforce section). It is created
 * with its five sections by the first edit, in the same change, so that
 * undoing that edit leaves no empty contribution behind.
 *
 * Undo. Each save is one small transaction with a change label, so it is
 * undone with Ctrl+Z and named in the toast. The page saves the text as it
 * is typed (debounced); to keep a run of those saves from filling the undo
 * history, consecutive saves of the same section's text are one change
 * (clw_database_set_change_merge_key()): the first names it ("Edit
 * “Workforce” of W12345") and the later ones join it, as long as nothing
 * else was changed in between and each follows the previous one within
 * the editor's merge window (five minutes by default, the "merge-seconds"
 * property). Undo then takes the section back to what it was before that
 * run of typing, which is what the person at the keyboard expects from the
 * app's Ctrl+Z; finer steps belong to the text view's own undo. The same
 * applies to the counts of one workforce role (a spin button held down).
 * Changing a section's status, submitting and reopening are always
 * changes of their own.
 *
 * The editor follows the database: after an undo, an import or a sync it
 * reloads, and items of the sections model are replaced only when their
 * stored row changed, so a text view bound to a section is left alone
 * after its own saves.
 */

#pragma once

#include <gio/gio.h>

#include "clw-imtp-contribution.h"
#include "clw-imtp-practice-status.h"
#include "clw-imtp-section.h"
#include "clw-imtp-workforce.h"

G_BEGIN_DECLS

#define CLW_TYPE_IMTP_EDITOR (clw_imtp_editor_get_type ())

G_DECLARE_FINAL_TYPE (ClwImtpEditor, clw_imtp_editor, CLW, IMTP_EDITOR, GObject)

#define CLW_IMTP_EDITOR_DEFAULT_MERGE_SECONDS 300

ClwImtpEditor         *clw_imtp_editor_new                (ClwDatabase         *db,
                                                           const char          *practice_id,
                                                           const char          *cycle_id,
                                                           GError             **error);

const char            *clw_imtp_editor_get_practice_id    (ClwImtpEditor       *self);
const char            *clw_imtp_editor_get_cycle_id       (ClwImtpEditor       *self);
/* The cycle's last day, "YYYY-MM-DD": the contribution is due by then. */
const char            *clw_imtp_editor_get_deadline       (ClwImtpEditor       *self);
guint                  clw_imtp_editor_get_merge_seconds  (ClwImtpEditor       *self);
void                   clw_imtp_editor_set_merge_seconds  (ClwImtpEditor       *self,
                                                           guint                seconds);

/* Whether the contribution has been started (it exists in the database). */
gboolean               clw_imtp_editor_get_exists         (ClwImtpEditor       *self);
/* The stored contribution, or NULL before it is started. */
ClwImtpContribution   *clw_imtp_editor_get_contribution   (ClwImtpEditor       *self);
ClwContributionStatus  clw_imtp_editor_get_status         (ClwImtpEditor       *self);
const char            *clw_imtp_editor_get_submitted_on   (ClwImtpEditor       *self);
/* Submitted after the cycle's last day (the engine does not count it). */
gboolean               clw_imtp_editor_is_late            (ClwImtpEditor       *self);
/* Whether submitting on @on (NULL: the database's today) would be late,
 * as is_late() would then say. */
gboolean               clw_imtp_editor_would_be_late      (ClwImtpEditor       *self,
                                                           const char          *on);

/* The five sections (ClwImtpSection) in the order of ClwImtpSectionKind;
 * before the contribution is started they are empty and not stored. */
GListModel            *clw_imtp_editor_get_sections       (ClwImtpEditor       *self);
ClwImtpSection        *clw_imtp_editor_get_section        (ClwImtpEditor       *self,
                                                           ClwImtpSectionKind   kind);
/* The count of @role: FALSE when it has not been entered yet. */
gboolean               clw_imtp_editor_get_workforce      (ClwImtpEditor       *self,
                                                           ClwWorkforceRole     role,
                                                           int                 *headcount,
                                                           double              *wte);

/* What stops the contribution being submitted, one sentence each; an empty
 * array when it is ready. */
GStrv                  clw_imtp_editor_list_missing       (ClwImtpEditor       *self);
gboolean               clw_imtp_editor_is_ready           (ClwImtpEditor       *self);

/* Start the contribution (its five sections, not started). Nothing is
 * written when it exists already. */
gboolean               clw_imtp_editor_ensure             (ClwImtpEditor       *self,
                                                           GError             **error);
/* Save a section's text; NULL leaves that language as it is. A section not
 * started becomes in progress once it has text. */
gboolean               clw_imtp_editor_save_section       (ClwImtpEditor       *self,
                                                           ClwImtpSectionKind   kind,
                                                           const char          *body,
                                                           const char          *body_cy,
                                                           GError             **error);
/* A section is complete only with some text. */
gboolean               clw_imtp_editor_set_section_status (ClwImtpEditor       *self,
                                                           ClwImtpSectionKind   kind,
                                                           ClwSectionStatus     status,
                                                           GError             **error);
gboolean               clw_imtp_editor_set_workforce      (ClwImtpEditor       *self,
                                                           ClwWorkforceRole     role,
                                                           int                  headcount,
                                                           double               wte,
                                                           GError             **error);
/* Submit on @submitted_on (NULL: the database's today). Refused, listing
 * what is missing, unless every section is complete and the workforce is
 * counted. After the cycle's last day it is accepted and late. */
gboolean               clw_imtp_editor_submit             (ClwImtpEditor       *self,
                                                           const char          *submitted_on,
                                                           GError             **error);
/* Take a submitted contribution back to draft. */
gboolean               clw_imtp_editor_reopen             (ClwImtpEditor       *self,
                                                           GError             **error);

gboolean               clw_imtp_editor_reload             (ClwImtpEditor       *self,
                                                           GError             **error);

/* Every practice of @cluster_id and its contribution for @cycle_id
 * (ClwImtpPracticeStatus), by practice code. */
GListModel            *clw_imtp_editor_list_cluster       (ClwDatabase         *db,
                                                           const char          *cluster_id,
                                                           const char          *cycle_id,
                                                           GError             **error);

G_END_DECLS
