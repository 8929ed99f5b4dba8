/* clw-sync-conflict.h: a conflict found while applying another copy's changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A conflict is kept until it is resolved, across restarts. It holds what
 * each side has (and, for a field, what both had before), who changed each
 * and when, and who made the bundle. Until it is resolved the local value
 * stays. See docs/sync.md.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nick of each value is its spelling in the database. */
typedef enum
{
  CLW_SYNC_CONFLICT_FIELD,           /* the same field was changed on both sides */
  CLW_SYNC_CONFLICT_DELETED_THEIRS,  /* deleted there, changed here */
  CLW_SYNC_CONFLICT_DELETED_MINE,    /* changed there, deleted here */
  CLW_SYNC_CONFLICT_DUPLICATE,       /* the same thing added on both sides */
  CLW_SYNC_CONFLICT_RULE,            /* together, the changes break a rule of the domain */
  CLW_SYNC_CONFLICT_PARENT_MISSING,  /* added there to something deleted here */
} ClwSyncConflictKind;

typedef enum
{
  CLW_SYNC_CHOICE_MINE,    /* keep what this copy has */
  CLW_SYNC_CHOICE_THEIRS,  /* take what the other copy has */
  CLW_SYNC_CHOICE_VALUE,   /* a field conflict only: a value typed by the user */
} ClwSyncChoice;

#define CLW_TYPE_SYNC_CONFLICT (clw_sync_conflict_get_type ())

G_DECLARE_FINAL_TYPE (ClwSyncConflict, clw_sync_conflict, CLW, SYNC_CONFLICT, GObject)

const char          *clw_sync_conflict_get_id           (ClwSyncConflict *self);
ClwSyncConflictKind  clw_sync_conflict_get_kind         (ClwSyncConflict *self);
/* The copy the conflict is with. */
const char          *clw_sync_conflict_get_peer_id      (ClwSyncConflict *self);
const char          *clw_sync_conflict_get_peer_name    (ClwSyncConflict *self);
const char          *clw_sync_conflict_get_table_name   (ClwSyncConflict *self);
const char          *clw_sync_conflict_get_row_id       (ClwSyncConflict *self);
/* The column of a field conflict, NULL for a conflict about a whole row. */
const char          *clw_sync_conflict_get_column_name  (ClwSyncConflict *self);
/* "Practice W12345", "Meeting 2022-03-01T14:00 at Tenby" */
const char          *clw_sync_conflict_get_title        (ClwSyncConflict *self);
/* "list size": the label of the field, NULL for a row. */
const char          *clw_sync_conflict_get_field_label  (ClwSyncConflict *self);
/* What each side holds, as text to show ("(deleted)", "(empty)" ...). */
const char          *clw_sync_conflict_get_base_text    (ClwSyncConflict *self);
const char          *clw_sync_conflict_get_mine_text    (ClwSyncConflict *self);
const char          *clw_sync_conflict_get_theirs_text  (ClwSyncConflict *self);
const char          *clw_sync_conflict_get_mine_by      (ClwSyncConflict *self);
const char          *clw_sync_conflict_get_mine_at      (ClwSyncConflict *self);
const char          *clw_sync_conflict_get_theirs_by    (ClwSyncConflict *self);
const char          *clw_sync_conflict_get_theirs_at    (ClwSyncConflict *self);
/* Who made the bundle that brought the other side's change. */
const char          *clw_sync_conflict_get_author       (ClwSyncConflict *self);
/* Why this is a conflict, in a sentence. */
const char          *clw_sync_conflict_get_message      (ClwSyncConflict *self);
const char          *clw_sync_conflict_get_detected_at  (ClwSyncConflict *self);
/* Whether CLW_SYNC_CHOICE_VALUE may be used. */
gboolean             clw_sync_conflict_accepts_value    (ClwSyncConflict *self);

const char          *clw_sync_conflict_kind_to_label    (ClwSyncConflictKind kind);

G_END_DECLS
