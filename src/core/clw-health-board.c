/* clw-health-board.c: a health board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-health-board"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-database-private.h"
#include "clw-enums.h"
#include "clw-decision.h"
#include "clw-error.h"
#include "clw-rules-private.h"
#include "clw-health-board.h"


struct _ClwHealthBoard
{
  ClwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ClwHealthBoard, clw_health_board, CLW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_NAME_CY,
  PROP_SHORT_NAME,
  PROP_CLUSTER_TERM,
  PROP_VALID_FROM,
  PROP_VALID_TO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
clw_health_board_describe (ClwRecord *record)
{
  const char *value = clw_record_get_string (record, PROP_NAME);

  return g_strdup_printf (_("Health board “%s”"), value != NULL ? value : "");
}

static gboolean
clw_health_board_validate (ClwRecord    *record,
                           ClwDatabase  *db,
                           GError      **error)
{
  ClwHealthBoard *self = CLW_HEALTH_BOARD (record);

  return clw_check_date_order (clw_health_board_get_valid_from (self),
                               clw_health_board_get_valid_to (self),
                               _("start date"), _("end date"), error);
}

static void
clw_health_board_class_init (ClwHealthBoardClass *klass)
{
  ClwRecordClass *record_class = CLW_RECORD_CLASS (klass);

  record_class->table_name = "health_board";
  record_class->order_by = "name";
  record_class->validate = clw_health_board_validate;
  record_class->describe = clw_health_board_describe;

  properties[PROP_CODE] =
    g_param_spec_string ("code", N_("code"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_CODE,
                                   properties[PROP_CODE],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_REQUIRED, G_TYPE_INVALID);
  properties[PROP_NAME] =
    g_param_spec_string ("name", N_("name"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_NAME,
                                   properties[PROP_NAME],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_REQUIRED, G_TYPE_INVALID);
  properties[PROP_NAME_CY] =
    g_param_spec_string ("name-cy", N_("Welsh name"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_NAME_CY,
                                   properties[PROP_NAME_CY],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_SHORT_NAME] =
    g_param_spec_string ("short-name", N_("short name"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_SHORT_NAME,
                                   properties[PROP_SHORT_NAME],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_CLUSTER_TERM] =
    g_param_spec_string ("cluster-term", N_("local name for clusters"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_CLUSTER_TERM,
                                   properties[PROP_CLUSTER_TERM],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_VALID_FROM] =
    g_param_spec_string ("valid-from", N_("start date"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_VALID_FROM,
                                   properties[PROP_VALID_FROM],
                                   CLW_COLUMN_DATE, CLW_COLUMN_REQUIRED, G_TYPE_INVALID);
  properties[PROP_VALID_TO] =
    g_param_spec_string ("valid-to", N_("end date"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_VALID_TO,
                                   properties[PROP_VALID_TO],
                                   CLW_COLUMN_DATE, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
}

static void
clw_health_board_init (ClwHealthBoard *self)
{
}

ClwHealthBoard *
clw_health_board_new (void)
{
  return g_object_new (CLW_TYPE_HEALTH_BOARD, NULL);
}

const char *
clw_health_board_get_code (ClwHealthBoard *self)
{
  g_return_val_if_fail (CLW_IS_HEALTH_BOARD (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_CODE);
}

const char *
clw_health_board_get_name (ClwHealthBoard *self)
{
  g_return_val_if_fail (CLW_IS_HEALTH_BOARD (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_NAME);
}

const char *
clw_health_board_get_name_cy (ClwHealthBoard *self)
{
  g_return_val_if_fail (CLW_IS_HEALTH_BOARD (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_NAME_CY);
}

const char *
clw_health_board_get_short_name (ClwHealthBoard *self)
{
  g_return_val_if_fail (CLW_IS_HEALTH_BOARD (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_SHORT_NAME);
}

const char *
clw_health_board_get_cluster_term (ClwHealthBoard *self)
{
  g_return_val_if_fail (CLW_IS_HEALTH_BOARD (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_CLUSTER_TERM);
}

const char *
clw_health_board_get_valid_from (ClwHealthBoard *self)
{
  g_return_val_if_fail (CLW_IS_HEALTH_BOARD (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_VALID_FROM);
}

const char *
clw_health_board_get_valid_to (ClwHealthBoard *self)
{
  g_return_val_if_fail (CLW_IS_HEALTH_BOARD (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_VALID_TO);
}

GListStore *
clw_health_board_list_valid_on (ClwDatabase  *db,
                                const char   *on_date,
                                GError      **error)
{
  const char *params[] = { on_date, NULL };

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);

  if (on_date == NULL)
    return clw_record_list (db, CLW_TYPE_HEALTH_BOARD, NULL, NULL, error);

  return clw_record_list (db, CLW_TYPE_HEALTH_BOARD,
                          "valid_from <= ?1 AND (valid_to IS NULL OR valid_to >= ?1)",
                          params, error);
}
