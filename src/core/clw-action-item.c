/* clw-action-item.c: an action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-action-item"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-database-private.h"
#include "clw-enums.h"
#include "clw-decision.h"
#include "clw-error.h"
#include "clw-rules-private.h"
#include "clw-action-item.h"

#include "clw-meeting.h"

struct _ClwActionItem
{
  ClwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ClwActionItem, clw_action_item, CLW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_MEETING_ID,
  PROP_DESCRIPTION,
  PROP_OWNER,
  PROP_DUE_ON,
  PROP_STATUS,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
clw_action_item_describe (ClwRecord *record)
{
  const char *value = clw_record_get_string (record, PROP_DESCRIPTION);

  return g_strdup_printf (_("Action “%s”"), value != NULL ? value : "");
}

static gboolean
clw_action_item_validate (ClwRecord    *record,
                          ClwDatabase  *db,
                          GError      **error)
{
  return TRUE;
}

static void
clw_action_item_class_init (ClwActionItemClass *klass)
{
  ClwRecordClass *record_class = CLW_RECORD_CLASS (klass);

  record_class->table_name = "action_item";
  record_class->order_by = "due_on, id";
  record_class->validate = clw_action_item_validate;
  record_class->describe = clw_action_item_describe;

  properties[PROP_MEETING_ID] =
    g_param_spec_string ("meeting-id", N_("meeting"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_MEETING_ID,
                                   properties[PROP_MEETING_ID],
                                   CLW_COLUMN_REFERENCE, CLW_COLUMN_REQUIRED, CLW_TYPE_MEETING);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", N_("description"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_DESCRIPTION,
                                   properties[PROP_DESCRIPTION],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_REQUIRED, G_TYPE_INVALID);
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", N_("owner"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_OWNER,
                                   properties[PROP_OWNER],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_REQUIRED, G_TYPE_INVALID);
  properties[PROP_DUE_ON] =
    g_param_spec_string ("due-on", N_("due date"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_DUE_ON,
                                   properties[PROP_DUE_ON],
                                   CLW_COLUMN_DATE, CLW_COLUMN_REQUIRED, G_TYPE_INVALID);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", N_("status"), NULL,
                       CLW_TYPE_ACTION_STATUS, CLW_ACTION_STATUS_OPEN,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_STATUS,
                                   properties[PROP_STATUS],
                                   CLW_COLUMN_ENUM, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", N_("notes"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_NOTES,
                                   properties[PROP_NOTES],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_LONG, G_TYPE_INVALID);
}

static void
clw_action_item_init (ClwActionItem *self)
{
}

ClwActionItem *
clw_action_item_new (void)
{
  return g_object_new (CLW_TYPE_ACTION_ITEM, NULL);
}

const char *
clw_action_item_get_meeting_id (ClwActionItem *self)
{
  g_return_val_if_fail (CLW_IS_ACTION_ITEM (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_MEETING_ID);
}

const char *
clw_action_item_get_description (ClwActionItem *self)
{
  g_return_val_if_fail (CLW_IS_ACTION_ITEM (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_DESCRIPTION);
}

const char *
clw_action_item_get_owner (ClwActionItem *self)
{
  g_return_val_if_fail (CLW_IS_ACTION_ITEM (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_OWNER);
}

const char *
clw_action_item_get_due_on (ClwActionItem *self)
{
  g_return_val_if_fail (CLW_IS_ACTION_ITEM (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_DUE_ON);
}

ClwActionStatus
clw_action_item_get_status (ClwActionItem *self)
{
  g_return_val_if_fail (CLW_IS_ACTION_ITEM (self), 0);

  return clw_record_get_enum (CLW_RECORD (self), PROP_STATUS);
}

const char *
clw_action_item_get_notes (ClwActionItem *self)
{
  g_return_val_if_fail (CLW_IS_ACTION_ITEM (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_NOTES);
}

GListStore *
clw_action_item_list_for_meeting (ClwDatabase  *db,
                                  const char   *meeting_id,
                                  GError      **error)
{
  const char *params[] = { meeting_id, NULL };

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (meeting_id != NULL, NULL);

  return clw_record_list (db, CLW_TYPE_ACTION_ITEM, "meeting_id = ?1", params, error);
}

GListStore *
clw_action_item_list_for_collaborative (ClwDatabase  *db,
                                        const char   *collaborative_id,
                                        GError      **error)
{
  const char *params[] = { collaborative_id, NULL };

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (collaborative_id != NULL, NULL);

  return clw_record_list (db, CLW_TYPE_ACTION_ITEM,
                          "meeting_id IN (SELECT id FROM meeting WHERE collaborative_id = ?1)",
                          params, error);
}

gboolean
clw_action_item_is_overdue (ClwActionItem *self,
                            const GDate   *today)
{
  g_autoptr(GDate) due = NULL;

  g_return_val_if_fail (CLW_IS_ACTION_ITEM (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (clw_action_item_get_status (self) == CLW_ACTION_STATUS_DONE)
    return FALSE;

  due = clw_date_parse (clw_action_item_get_due_on (self));
  return due != NULL && g_date_compare (due, today) < 0;
}
