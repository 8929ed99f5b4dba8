/* clw-agenda-item.c: an agenda item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-agenda-item"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-database-private.h"
#include "clw-enums.h"
#include "clw-decision.h"
#include "clw-error.h"
#include "clw-rules-private.h"
#include "clw-agenda-item.h"

#include "clw-meeting.h"

struct _ClwAgendaItem
{
  ClwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ClwAgendaItem, clw_agenda_item, CLW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_MEETING_ID,
  PROP_SECTION,
  PROP_POSITION,
  PROP_TITLE,
  PROP_PRESENTER,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
clw_agenda_item_describe (ClwRecord *record)
{
  const char *value = clw_record_get_string (record, PROP_TITLE);

  return g_strdup_printf (_("Agenda item “%s”"), value != NULL ? value : "");
}

static gboolean
clw_agenda_item_validate (ClwRecord    *record,
                          ClwDatabase  *db,
                          GError      **error)
{
  return TRUE;
}

static void
clw_agenda_item_class_init (ClwAgendaItemClass *klass)
{
  ClwRecordClass *record_class = CLW_RECORD_CLASS (klass);

  record_class->table_name = "agenda_item";
  record_class->order_by = "meeting_id, position, id";
  record_class->validate = clw_agenda_item_validate;
  record_class->describe = clw_agenda_item_describe;

  properties[PROP_MEETING_ID] =
    g_param_spec_string ("meeting-id", N_("meeting"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_MEETING_ID,
                                   properties[PROP_MEETING_ID],
                                   CLW_COLUMN_REFERENCE, CLW_COLUMN_REQUIRED, CLW_TYPE_MEETING);
  properties[PROP_SECTION] =
    g_param_spec_enum ("section", N_("section"), NULL,
                       CLW_TYPE_AGENDA_SECTION, CLW_AGENDA_SECTION_INFORMATION,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_SECTION,
                                   properties[PROP_SECTION],
                                   CLW_COLUMN_ENUM, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", N_("position"), NULL,
                      0, 100000, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_POSITION,
                                   properties[PROP_POSITION],
                                   CLW_COLUMN_INTEGER, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", N_("title"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_TITLE,
                                   properties[PROP_TITLE],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_REQUIRED, G_TYPE_INVALID);
  properties[PROP_PRESENTER] =
    g_param_spec_string ("presenter", N_("presenter"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_PRESENTER,
                                   properties[PROP_PRESENTER],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", N_("notes"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_NOTES,
                                   properties[PROP_NOTES],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_LONG, G_TYPE_INVALID);
}

static void
clw_agenda_item_init (ClwAgendaItem *self)
{
}

ClwAgendaItem *
clw_agenda_item_new (void)
{
  return g_object_new (CLW_TYPE_AGENDA_ITEM, NULL);
}

const char *
clw_agenda_item_get_meeting_id (ClwAgendaItem *self)
{
  g_return_val_if_fail (CLW_IS_AGENDA_ITEM (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_MEETING_ID);
}

ClwAgendaSection
clw_agenda_item_get_section (ClwAgendaItem *self)
{
  g_return_val_if_fail (CLW_IS_AGENDA_ITEM (self), 0);

  return clw_record_get_enum (CLW_RECORD (self), PROP_SECTION);
}

int
clw_agenda_item_get_position (ClwAgendaItem *self)
{
  g_return_val_if_fail (CLW_IS_AGENDA_ITEM (self), 0);

  return (int) clw_record_get_integer (CLW_RECORD (self), PROP_POSITION);
}

const char *
clw_agenda_item_get_title (ClwAgendaItem *self)
{
  g_return_val_if_fail (CLW_IS_AGENDA_ITEM (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_TITLE);
}

const char *
clw_agenda_item_get_presenter (ClwAgendaItem *self)
{
  g_return_val_if_fail (CLW_IS_AGENDA_ITEM (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_PRESENTER);
}

const char *
clw_agenda_item_get_notes (ClwAgendaItem *self)
{
  g_return_val_if_fail (CLW_IS_AGENDA_ITEM (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_NOTES);
}

static int
compare_agenda_order (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  ClwAgendaItem *first = (ClwAgendaItem *) a;
  ClwAgendaItem *second = (ClwAgendaItem *) b;
  int diff;

  diff = (int) clw_agenda_item_get_section (first) - (int) clw_agenda_item_get_section (second);
  if (diff == 0)
    diff = clw_agenda_item_get_position (first) - clw_agenda_item_get_position (second);
  if (diff == 0)
    diff = g_strcmp0 (clw_record_get_id (CLW_RECORD (first)), clw_record_get_id (CLW_RECORD (second)));
  return diff;
}

GListStore *
clw_agenda_item_list_for_meeting (ClwDatabase  *db,
                                  const char   *meeting_id,
                                  GError      **error)
{
  const char *params[] = { meeting_id, NULL };
  GListStore *items;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (meeting_id != NULL, NULL);

  items = clw_record_list (db, CLW_TYPE_AGENDA_ITEM, "meeting_id = ?1", params, error);
  if (items != NULL)
    g_list_store_sort (items, compare_agenda_order, NULL);
  return items;
}
