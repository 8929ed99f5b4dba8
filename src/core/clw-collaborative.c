/* clw-collaborative.c: a professional collaborative
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-collaborative"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-database-private.h"
#include "clw-enums.h"
#include "clw-decision.h"
#include "clw-error.h"
#include "clw-rules-private.h"
#include "clw-collaborative.h"

#include "clw-cluster.h"

struct _ClwCollaborative
{
  ClwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ClwCollaborative, clw_collaborative, CLW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CLUSTER_ID,
  PROP_PROFESSION,
  PROP_NAME,
  PROP_LEAD_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
clw_collaborative_describe (ClwRecord *record)
{
  const char *value = clw_record_get_string (record, PROP_NAME);

  return g_strdup_printf (_("Collaborative “%s”"), value != NULL ? value : "");
}

static gboolean
clw_collaborative_validate (ClwRecord    *record,
                            ClwDatabase  *db,
                            GError      **error)
{
  ClwCollaborative *self = CLW_COLLABORATIVE (record);
  g_autoptr(ClwStmt) stmt = NULL;

  stmt = _clw_database_prepare (db,
                                "SELECT 1 FROM collaborative "
                                "WHERE cluster_id = ?1 AND profession = ?2 AND id IS NOT ?3",
                                error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, clw_collaborative_get_cluster_id (self));
  _clw_bind_text (stmt, 2, clw_enum_to_nick (CLW_TYPE_PROFESSION, clw_collaborative_get_profession (self)));
  _clw_bind_text (stmt, 3, clw_record_get_id (record));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_DUPLICATE,
                   _("The cluster already has a %s collaborative."),
                   clw_profession_to_label (clw_collaborative_get_profession (self)));
      return FALSE;
    }

  return TRUE;
}

static void
clw_collaborative_class_init (ClwCollaborativeClass *klass)
{
  ClwRecordClass *record_class = CLW_RECORD_CLASS (klass);

  record_class->table_name = "collaborative";
  record_class->order_by = "cluster_id, profession";
  record_class->validate = clw_collaborative_validate;
  record_class->describe = clw_collaborative_describe;

  properties[PROP_CLUSTER_ID] =
    g_param_spec_string ("cluster-id", N_("cluster"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_CLUSTER_ID,
                                   properties[PROP_CLUSTER_ID],
                                   CLW_COLUMN_REFERENCE, CLW_COLUMN_REQUIRED, CLW_TYPE_CLUSTER);
  properties[PROP_PROFESSION] =
    g_param_spec_enum ("profession", N_("profession"), NULL,
                       CLW_TYPE_PROFESSION, CLW_PROFESSION_GP,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_PROFESSION,
                                   properties[PROP_PROFESSION],
                                   CLW_COLUMN_ENUM, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_NAME] =
    g_param_spec_string ("name", N_("name"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_NAME,
                                   properties[PROP_NAME],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_REQUIRED, G_TYPE_INVALID);
  properties[PROP_LEAD_NAME] =
    g_param_spec_string ("lead-name", N_("collaborative lead"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_LEAD_NAME,
                                   properties[PROP_LEAD_NAME],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
}

static void
clw_collaborative_init (ClwCollaborative *self)
{
}

ClwCollaborative *
clw_collaborative_new (void)
{
  return g_object_new (CLW_TYPE_COLLABORATIVE, NULL);
}

const char *
clw_collaborative_get_cluster_id (ClwCollaborative *self)
{
  g_return_val_if_fail (CLW_IS_COLLABORATIVE (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_CLUSTER_ID);
}

ClwProfession
clw_collaborative_get_profession (ClwCollaborative *self)
{
  g_return_val_if_fail (CLW_IS_COLLABORATIVE (self), 0);

  return clw_record_get_enum (CLW_RECORD (self), PROP_PROFESSION);
}

const char *
clw_collaborative_get_name (ClwCollaborative *self)
{
  g_return_val_if_fail (CLW_IS_COLLABORATIVE (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_NAME);
}

const char *
clw_collaborative_get_lead_name (ClwCollaborative *self)
{
  g_return_val_if_fail (CLW_IS_COLLABORATIVE (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_LEAD_NAME);
}

ClwCollaborative *
clw_collaborative_find_for_cluster (ClwDatabase    *db,
                                    const char     *cluster_id,
                                    ClwProfession   profession,
                                    GError        **error)
{
  const char *params[] = { cluster_id, clw_enum_to_nick (CLW_TYPE_PROFESSION, profession), NULL };
  g_autoptr(GListStore) found = NULL;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (cluster_id != NULL, NULL);

  found = clw_record_list (db, CLW_TYPE_COLLABORATIVE, "cluster_id = ?1 AND profession = ?2",
                           params, error);
  if (found == NULL)
    return NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (found)) == 0)
    {
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
                   _("The cluster has no %s Collaborative. Add it to the cluster's "
                     "reference data."), clw_profession_to_label (profession));
      return NULL;
    }

  return g_list_model_get_item (G_LIST_MODEL (found), 0);
}
