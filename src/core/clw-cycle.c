/* clw-cycle.c: a QAIF cycle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-cycle"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-database-private.h"
#include "clw-enums.h"
#include "clw-decision.h"
#include "clw-error.h"
#include "clw-rules-private.h"
#include "clw-cycle.h"


struct _ClwCycle
{
  ClwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ClwCycle, clw_cycle, CLW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CODE,
  PROP_STARTS_ON,
  PROP_ENDS_ON,
  PROP_PENCE_PER_POINT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
clw_cycle_describe (ClwRecord *record)
{
  const char *value = clw_record_get_string (record, PROP_CODE);

  return g_strdup_printf (_("QAIF cycle %s"), value != NULL ? value : "");
}

static gboolean
clw_cycle_validate (ClwRecord    *record,
                    ClwDatabase  *db,
                    GError      **error)
{
  ClwCycle *self = CLW_CYCLE (record);
  const char *starts_on = clw_cycle_get_starts_on (self);
  const char *ends_on = clw_cycle_get_ends_on (self);

  if (g_strcmp0 (starts_on, ends_on) >= 0)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                   _("The cycle must end (%s) after it starts (%s)."), ends_on, starts_on);
      return FALSE;
    }

  return TRUE;
}

static void
clw_cycle_class_init (ClwCycleClass *klass)
{
  ClwRecordClass *record_class = CLW_RECORD_CLASS (klass);

  record_class->table_name = "cycle";
  record_class->order_by = "starts_on";
  record_class->validate = clw_cycle_validate;
  record_class->describe = clw_cycle_describe;

  properties[PROP_CODE] =
    g_param_spec_string ("code", N_("code"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_CODE,
                                   properties[PROP_CODE],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_REQUIRED, G_TYPE_INVALID);
  properties[PROP_STARTS_ON] =
    g_param_spec_string ("starts-on", N_("start date"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_STARTS_ON,
                                   properties[PROP_STARTS_ON],
                                   CLW_COLUMN_DATE, CLW_COLUMN_REQUIRED, G_TYPE_INVALID);
  properties[PROP_ENDS_ON] =
    g_param_spec_string ("ends-on", N_("end date"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_ENDS_ON,
                                   properties[PROP_ENDS_ON],
                                   CLW_COLUMN_DATE, CLW_COLUMN_REQUIRED, G_TYPE_INVALID);
  properties[PROP_PENCE_PER_POINT] =
    g_param_spec_int ("pence-per-point", N_("value of a point in pence"), NULL,
                      0, 1000000, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_PENCE_PER_POINT,
                                   properties[PROP_PENCE_PER_POINT],
                                   CLW_COLUMN_INTEGER, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
}

static void
clw_cycle_init (ClwCycle *self)
{
}

ClwCycle *
clw_cycle_new (void)
{
  return g_object_new (CLW_TYPE_CYCLE, NULL);
}

const char *
clw_cycle_get_code (ClwCycle *self)
{
  g_return_val_if_fail (CLW_IS_CYCLE (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_CODE);
}

const char *
clw_cycle_get_starts_on (ClwCycle *self)
{
  g_return_val_if_fail (CLW_IS_CYCLE (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_STARTS_ON);
}

const char *
clw_cycle_get_ends_on (ClwCycle *self)
{
  g_return_val_if_fail (CLW_IS_CYCLE (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_ENDS_ON);
}

int
clw_cycle_get_pence_per_point (ClwCycle *self)
{
  g_return_val_if_fail (CLW_IS_CYCLE (self), 0);

  return (int) clw_record_get_integer (CLW_RECORD (self), PROP_PENCE_PER_POINT);
}

ClwCycle *
clw_cycle_find_by_code (ClwDatabase  *db,
                        const char   *code,
                        GError      **error)
{
  const char *params[] = { code, NULL };
  g_autoptr(GListStore) found = NULL;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  found = clw_record_list (db, CLW_TYPE_CYCLE, "code = ?1", params, error);
  if (found == NULL)
    return NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (found)) == 0)
    {
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
                   _("The database has no QAIF cycle %s. Load the reference data of "
                     "a newer Clwstwr."), code);
      return NULL;
    }

  return g_list_model_get_item (G_LIST_MODEL (found), 0);
}
