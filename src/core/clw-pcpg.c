/* clw-pcpg.c: a pan cluster planning group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-pcpg"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-database-private.h"
#include "clw-enums.h"
#include "clw-decision.h"
#include "clw-error.h"
#include "clw-rules-private.h"
#include "clw-pcpg.h"

#include "clw-health-board.h"

struct _ClwPcpg
{
  ClwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ClwPcpg, clw_pcpg, CLW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_HEALTH_BOARD_ID,
  PROP_NAME,
  PROP_NAME_CY,
  PROP_VALID_FROM,
  PROP_VALID_TO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
clw_pcpg_describe (ClwRecord *record)
{
  const char *value = clw_record_get_string (record, PROP_NAME);

  return g_strdup_printf (_("Pan cluster planning group “%s”"), value != NULL ? value : "");
}

static gboolean
clw_pcpg_validate (ClwRecord    *record,
                   ClwDatabase  *db,
                   GError      **error)
{
  ClwPcpg *self = CLW_PCPG (record);

  return clw_check_date_order (clw_pcpg_get_valid_from (self), clw_pcpg_get_valid_to (self),
                               _("start date"), _("end date"), error);
}

static void
clw_pcpg_class_init (ClwPcpgClass *klass)
{
  ClwRecordClass *record_class = CLW_RECORD_CLASS (klass);

  record_class->table_name = "pcpg";
  record_class->order_by = "name";
  record_class->validate = clw_pcpg_validate;
  record_class->describe = clw_pcpg_describe;

  properties[PROP_HEALTH_BOARD_ID] =
    g_param_spec_string ("health-board-id", N_("health board"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_HEALTH_BOARD_ID,
                                   properties[PROP_HEALTH_BOARD_ID],
                                   CLW_COLUMN_REFERENCE, CLW_COLUMN_REQUIRED, CLW_TYPE_HEALTH_BOARD);
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
clw_pcpg_init (ClwPcpg *self)
{
}

ClwPcpg *
clw_pcpg_new (void)
{
  return g_object_new (CLW_TYPE_PCPG, NULL);
}

const char *
clw_pcpg_get_health_board_id (ClwPcpg *self)
{
  g_return_val_if_fail (CLW_IS_PCPG (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_HEALTH_BOARD_ID);
}

const char *
clw_pcpg_get_name (ClwPcpg *self)
{
  g_return_val_if_fail (CLW_IS_PCPG (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_NAME);
}

const char *
clw_pcpg_get_name_cy (ClwPcpg *self)
{
  g_return_val_if_fail (CLW_IS_PCPG (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_NAME_CY);
}

const char *
clw_pcpg_get_valid_from (ClwPcpg *self)
{
  g_return_val_if_fail (CLW_IS_PCPG (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_VALID_FROM);
}

const char *
clw_pcpg_get_valid_to (ClwPcpg *self)
{
  g_return_val_if_fail (CLW_IS_PCPG (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_VALID_TO);
}
