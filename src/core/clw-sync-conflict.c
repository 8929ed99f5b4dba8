/* clw-sync-conflict.c: a conflict found while applying another copy's changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-enums.h"
#include "clw-sync-private.h"

G_DEFINE_FINAL_TYPE (ClwSyncConflict, clw_sync_conflict, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_PEER_ID,
  PROP_PEER_NAME,
  PROP_TABLE_NAME,
  PROP_ROW_ID,
  PROP_COLUMN_NAME,
  PROP_TITLE,
  PROP_FIELD_LABEL,
  PROP_BASE_TEXT,
  PROP_MINE_TEXT,
  PROP_THEIRS_TEXT,
  PROP_MINE_BY,
  PROP_MINE_AT,
  PROP_THEIRS_BY,
  PROP_THEIRS_AT,
  PROP_AUTHOR,
  PROP_MESSAGE,
  PROP_DETECTED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clw_sync_conflict_finalize (GObject *object)
{
  ClwSyncConflict *self = (ClwSyncConflict *) object;

  g_free (self->id);
  g_free (self->peer_id);
  g_free (self->peer_name);
  g_free (self->table_name);
  g_free (self->row_id);
  g_free (self->column_name);
  g_free (self->title);
  g_free (self->field_label);
  g_free (self->base_text);
  g_free (self->mine_text);
  g_free (self->theirs_text);
  g_free (self->mine_by);
  g_free (self->mine_at);
  g_free (self->theirs_by);
  g_free (self->theirs_at);
  g_free (self->author);
  g_free (self->message);
  g_free (self->detected_at);

  G_OBJECT_CLASS (clw_sync_conflict_parent_class)->finalize (object);
}

static void
clw_sync_conflict_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ClwSyncConflict *self = CLW_SYNC_CONFLICT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_PEER_ID: g_value_set_string (value, self->peer_id); break;
    case PROP_PEER_NAME: g_value_set_string (value, self->peer_name); break;
    case PROP_TABLE_NAME: g_value_set_string (value, self->table_name); break;
    case PROP_ROW_ID: g_value_set_string (value, self->row_id); break;
    case PROP_COLUMN_NAME: g_value_set_string (value, self->column_name); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_FIELD_LABEL: g_value_set_string (value, self->field_label); break;
    case PROP_BASE_TEXT: g_value_set_string (value, self->base_text); break;
    case PROP_MINE_TEXT: g_value_set_string (value, self->mine_text); break;
    case PROP_THEIRS_TEXT: g_value_set_string (value, self->theirs_text); break;
    case PROP_MINE_BY: g_value_set_string (value, self->mine_by); break;
    case PROP_MINE_AT: g_value_set_string (value, self->mine_at); break;
    case PROP_THEIRS_BY: g_value_set_string (value, self->theirs_by); break;
    case PROP_THEIRS_AT: g_value_set_string (value, self->theirs_at); break;
    case PROP_AUTHOR: g_value_set_string (value, self->author); break;
    case PROP_MESSAGE: g_value_set_string (value, self->message); break;
    case PROP_DETECTED_AT: g_value_set_string (value, self->detected_at); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
clw_sync_conflict_class_init (ClwSyncConflictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clw_sync_conflict_finalize;
  object_class->get_property = clw_sync_conflict_get_property;

  properties[PROP_ID] = string_property ("id");
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CLW_TYPE_SYNC_CONFLICT_KIND, CLW_SYNC_CONFLICT_FIELD,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PEER_ID] = string_property ("peer-id");
  properties[PROP_PEER_NAME] = string_property ("peer-name");
  properties[PROP_TABLE_NAME] = string_property ("table-name");
  properties[PROP_ROW_ID] = string_property ("row-id");
  properties[PROP_COLUMN_NAME] = string_property ("column-name");
  properties[PROP_TITLE] = string_property ("title");
  properties[PROP_FIELD_LABEL] = string_property ("field-label");
  properties[PROP_BASE_TEXT] = string_property ("base-text");
  properties[PROP_MINE_TEXT] = string_property ("mine-text");
  properties[PROP_THEIRS_TEXT] = string_property ("theirs-text");
  properties[PROP_MINE_BY] = string_property ("mine-by");
  properties[PROP_MINE_AT] = string_property ("mine-at");
  properties[PROP_THEIRS_BY] = string_property ("theirs-by");
  properties[PROP_THEIRS_AT] = string_property ("theirs-at");
  properties[PROP_AUTHOR] = string_property ("author");
  properties[PROP_MESSAGE] = string_property ("message");
  properties[PROP_DETECTED_AT] = string_property ("detected-at");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clw_sync_conflict_init (ClwSyncConflict *self)
{
}

const char *
clw_sync_conflict_get_id (ClwSyncConflict *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_CONFLICT (self), NULL);
  return self->id;
}

ClwSyncConflictKind
clw_sync_conflict_get_kind (ClwSyncConflict *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_CONFLICT (self), 0);
  return self->kind;
}

const char *
clw_sync_conflict_get_peer_id (ClwSyncConflict *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_CONFLICT (self), NULL);
  return self->peer_id;
}

const char *
clw_sync_conflict_get_peer_name (ClwSyncConflict *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_CONFLICT (self), NULL);
  return self->peer_name;
}

const char *
clw_sync_conflict_get_table_name (ClwSyncConflict *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_CONFLICT (self), NULL);
  return self->table_name;
}

const char *
clw_sync_conflict_get_row_id (ClwSyncConflict *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_CONFLICT (self), NULL);
  return self->row_id;
}

const char *
clw_sync_conflict_get_column_name (ClwSyncConflict *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_CONFLICT (self), NULL);
  return self->column_name;
}

const char *
clw_sync_conflict_get_title (ClwSyncConflict *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_CONFLICT (self), NULL);
  return self->title;
}

const char *
clw_sync_conflict_get_field_label (ClwSyncConflict *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_CONFLICT (self), NULL);
  return self->field_label;
}

const char *
clw_sync_conflict_get_base_text (ClwSyncConflict *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_CONFLICT (self), NULL);
  return self->base_text;
}

const char *
clw_sync_conflict_get_mine_text (ClwSyncConflict *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_CONFLICT (self), NULL);
  return self->mine_text;
}

const char *
clw_sync_conflict_get_theirs_text (ClwSyncConflict *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_CONFLICT (self), NULL);
  return self->theirs_text;
}

const char *
clw_sync_conflict_get_mine_by (ClwSyncConflict *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_CONFLICT (self), NULL);
  return self->mine_by;
}

const char *
clw_sync_conflict_get_mine_at (ClwSyncConflict *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_CONFLICT (self), NULL);
  return self->mine_at;
}

const char *
clw_sync_conflict_get_theirs_by (ClwSyncConflict *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_CONFLICT (self), NULL);
  return self->theirs_by;
}

const char *
clw_sync_conflict_get_theirs_at (ClwSyncConflict *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_CONFLICT (self), NULL);
  return self->theirs_at;
}

const char *
clw_sync_conflict_get_author (ClwSyncConflict *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_CONFLICT (self), NULL);
  return self->author;
}

const char *
clw_sync_conflict_get_message (ClwSyncConflict *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_CONFLICT (self), NULL);
  return self->message;
}

const char *
clw_sync_conflict_get_detected_at (ClwSyncConflict *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_CONFLICT (self), NULL);
  return self->detected_at;
}

gboolean
clw_sync_conflict_accepts_value (ClwSyncConflict *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_CONFLICT (self), FALSE);
  return self->kind == CLW_SYNC_CONFLICT_FIELD;
}

const char *
clw_sync_conflict_kind_to_label (ClwSyncConflictKind kind)
{
  switch (kind)
    {
    case CLW_SYNC_CONFLICT_FIELD:
      return _("Changed on both sides");
    case CLW_SYNC_CONFLICT_DELETED_THEIRS:
      return _("Deleted there, changed here");
    case CLW_SYNC_CONFLICT_DELETED_MINE:
      return _("Changed there, deleted here");
    case CLW_SYNC_CONFLICT_DUPLICATE:
      return _("Added on both sides");
    case CLW_SYNC_CONFLICT_RULE:
      return _("Breaks a rule");
    case CLW_SYNC_CONFLICT_PARENT_MISSING:
      return _("Added there to something deleted here");
    default:
      g_return_val_if_reached (NULL);
    }
}
