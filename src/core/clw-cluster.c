/* clw-cluster.c: a cluster
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-cluster"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-database-private.h"
#include "clw-enums.h"
#include "clw-decision.h"
#include "clw-error.h"
#include "clw-rules-private.h"
#include "clw-cluster.h"

#include "clw-health-board.h"
#include "clw-pcpg.h"

struct _ClwCluster
{
  ClwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ClwCluster, clw_cluster, CLW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_HEALTH_BOARD_ID,
  PROP_PCPG_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_NAME_CY,
  PROP_VALID_FROM,
  PROP_VALID_TO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
clw_cluster_describe (ClwRecord *record)
{
  const char *value = clw_record_get_string (record, PROP_NAME);

  return g_strdup_printf (_("Cluster “%s”"), value != NULL ? value : "");
}

static gboolean
clw_cluster_validate (ClwRecord    *record,
                      ClwDatabase  *db,
                      GError      **error)
{
  ClwCluster *self = CLW_CLUSTER (record);
  const char *pcpg_id = clw_cluster_get_pcpg_id (self);

  if (!clw_check_date_order (clw_cluster_get_valid_from (self), clw_cluster_get_valid_to (self),
                             _("start date"), _("end date"), error))
    return FALSE;

  if (!clw_text_is_blank (pcpg_id))
    {
      g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, "SELECT health_board_id FROM pcpg WHERE id = ?", error);

      if (stmt == NULL)
        return FALSE;
      _clw_bind_text (stmt, 1, pcpg_id);
      if (sqlite3_step (stmt) == SQLITE_ROW &&
          g_strcmp0 (_clw_column_text (stmt, 0), clw_cluster_get_health_board_id (self)) != 0)
        {
          g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE,
                       _("The pan cluster planning group belongs to another health board."));
          return FALSE;
        }
    }

  return TRUE;
}

static void
clw_cluster_class_init (ClwClusterClass *klass)
{
  ClwRecordClass *record_class = CLW_RECORD_CLASS (klass);

  record_class->table_name = "cluster";
  record_class->order_by = "name";
  record_class->validate = clw_cluster_validate;
  record_class->describe = clw_cluster_describe;

  properties[PROP_HEALTH_BOARD_ID] =
    g_param_spec_string ("health-board-id", N_("health board"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_HEALTH_BOARD_ID,
                                   properties[PROP_HEALTH_BOARD_ID],
                                   CLW_COLUMN_REFERENCE, CLW_COLUMN_REQUIRED, CLW_TYPE_HEALTH_BOARD);
  properties[PROP_PCPG_ID] =
    g_param_spec_string ("pcpg-id", N_("pan cluster planning group"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_PCPG_ID,
                                   properties[PROP_PCPG_ID],
                                   CLW_COLUMN_REFERENCE, CLW_COLUMN_FLAGS_NONE, CLW_TYPE_PCPG);
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
clw_cluster_init (ClwCluster *self)
{
}

ClwCluster *
clw_cluster_new (void)
{
  return g_object_new (CLW_TYPE_CLUSTER, NULL);
}

const char *
clw_cluster_get_health_board_id (ClwCluster *self)
{
  g_return_val_if_fail (CLW_IS_CLUSTER (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_HEALTH_BOARD_ID);
}

const char *
clw_cluster_get_pcpg_id (ClwCluster *self)
{
  g_return_val_if_fail (CLW_IS_CLUSTER (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_PCPG_ID);
}

const char *
clw_cluster_get_code (ClwCluster *self)
{
  g_return_val_if_fail (CLW_IS_CLUSTER (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_CODE);
}

const char *
clw_cluster_get_name (ClwCluster *self)
{
  g_return_val_if_fail (CLW_IS_CLUSTER (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_NAME);
}

const char *
clw_cluster_get_name_cy (ClwCluster *self)
{
  g_return_val_if_fail (CLW_IS_CLUSTER (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_NAME_CY);
}

const char *
clw_cluster_get_valid_from (ClwCluster *self)
{
  g_return_val_if_fail (CLW_IS_CLUSTER (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_VALID_FROM);
}

const char *
clw_cluster_get_valid_to (ClwCluster *self)
{
  g_return_val_if_fail (CLW_IS_CLUSTER (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_VALID_TO);
}

GListStore *
clw_cluster_list_for_health_board (ClwDatabase  *db,
                                   const char   *health_board_id,
                                   const char   *on_date,
                                   GError      **error)
{
  const char *params[3] = { NULL, };
  const char *where;
  guint n = 0;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);

  if (health_board_id != NULL)
    params[n++] = health_board_id;
  if (on_date != NULL)
    params[n++] = on_date;

  if (health_board_id != NULL && on_date != NULL)
    where = "health_board_id = ?1 AND valid_from <= ?2 AND (valid_to IS NULL OR valid_to >= ?2)";
  else if (health_board_id != NULL)
    where = "health_board_id = ?1";
  else if (on_date != NULL)
    where = "valid_from <= ?1 AND (valid_to IS NULL OR valid_to >= ?1)";
  else
    where = NULL;

  return clw_record_list (db, CLW_TYPE_CLUSTER, where, params, error);
}
