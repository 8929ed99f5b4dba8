/* clw-indicator.c: a QAIF indicator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-indicator"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-database-private.h"
#include "clw-enums.h"
#include "clw-decision.h"
#include "clw-error.h"
#include "clw-rules-private.h"
#include "clw-indicator.h"

#include "clw-cycle.h"

struct _ClwIndicator
{
  ClwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ClwIndicator, clw_indicator, CLW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CYCLE_ID,
  PROP_CODE,
  PROP_POSITION,
  PROP_POINTS,
  PROP_RULE,
  PROP_SCORING,
  PROP_THRESHOLD,
  PROP_RISK_WINDOW_DAYS,
  PROP_TITLE,
  PROP_TITLE_CY,
  PROP_DESCRIPTION,
  PROP_DESCRIPTION_CY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
clw_indicator_describe (ClwRecord *record)
{
  const char *value = clw_record_get_string (record, PROP_CODE);

  return g_strdup_printf (_("Indicator %s"), value != NULL ? value : "");
}

static gboolean
clw_indicator_validate (ClwRecord    *record,
                        ClwDatabase  *db,
                        GError      **error)
{
  ClwIndicator *self = CLW_INDICATOR (record);
  g_autoptr(ClwStmt) stmt = NULL;

  if (clw_indicator_get_rule (self) == CLW_INDICATOR_RULE_ATTENDANCE &&
      clw_indicator_get_threshold (self) < 1)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                   _("An attendance indicator needs the number of meetings to attend "
                     "(its threshold) to be at least 1."));
      return FALSE;
    }

  stmt = _clw_database_prepare (db,
                                "SELECT 1 FROM indicator WHERE cycle_id = ?1 AND code = ?2 AND id IS NOT ?3",
                                error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, clw_indicator_get_cycle_id (self));
  _clw_bind_text (stmt, 2, clw_indicator_get_code (self));
  _clw_bind_text (stmt, 3, clw_record_get_id (record));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_DUPLICATE,
                   _("The cycle already has an indicator %s."), clw_indicator_get_code (self));
      return FALSE;
    }

  return TRUE;
}

static void
clw_indicator_class_init (ClwIndicatorClass *klass)
{
  ClwRecordClass *record_class = CLW_RECORD_CLASS (klass);

  record_class->table_name = "indicator";
  record_class->order_by = "cycle_id, position, code";
  record_class->validate = clw_indicator_validate;
  record_class->describe = clw_indicator_describe;

  properties[PROP_CYCLE_ID] =
    g_param_spec_string ("cycle-id", N_("cycle"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_CYCLE_ID,
                                   properties[PROP_CYCLE_ID],
                                   CLW_COLUMN_REFERENCE, CLW_COLUMN_REQUIRED, CLW_TYPE_CYCLE);
  properties[PROP_CODE] =
    g_param_spec_string ("code", N_("code"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_CODE,
                                   properties[PROP_CODE],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_REQUIRED, G_TYPE_INVALID);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", N_("position"), NULL,
                      0, 1000, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_POSITION,
                                   properties[PROP_POSITION],
                                   CLW_COLUMN_INTEGER, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_POINTS] =
    g_param_spec_int ("points", N_("points"), NULL,
                      0, 1000, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_POINTS,
                                   properties[PROP_POINTS],
                                   CLW_COLUMN_INTEGER, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_RULE] =
    g_param_spec_enum ("rule", N_("rule"), NULL,
                       CLW_TYPE_INDICATOR_RULE, CLW_INDICATOR_RULE_ATTENDANCE,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_RULE,
                                   properties[PROP_RULE],
                                   CLW_COLUMN_ENUM, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_SCORING] =
    g_param_spec_enum ("scoring", N_("scoring"), NULL,
                       CLW_TYPE_SCORING, CLW_SCORING_ALL_OR_NOTHING,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_SCORING,
                                   properties[PROP_SCORING],
                                   CLW_COLUMN_ENUM, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_THRESHOLD] =
    g_param_spec_int ("threshold", N_("threshold"), NULL,
                      0, 1000, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_THRESHOLD,
                                   properties[PROP_THRESHOLD],
                                   CLW_COLUMN_INTEGER, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_RISK_WINDOW_DAYS] =
    g_param_spec_int ("risk-window-days", N_("days before the deadline when unfinished work is at risk"), NULL,
                      0, 366, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_RISK_WINDOW_DAYS,
                                   properties[PROP_RISK_WINDOW_DAYS],
                                   CLW_COLUMN_INTEGER, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", N_("title"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_TITLE,
                                   properties[PROP_TITLE],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_REQUIRED, G_TYPE_INVALID);
  properties[PROP_TITLE_CY] =
    g_param_spec_string ("title-cy", N_("Welsh title"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_TITLE_CY,
                                   properties[PROP_TITLE_CY],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", N_("description"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_DESCRIPTION,
                                   properties[PROP_DESCRIPTION],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_REQUIRED | CLW_COLUMN_LONG, G_TYPE_INVALID);
  properties[PROP_DESCRIPTION_CY] =
    g_param_spec_string ("description-cy", N_("Welsh description"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_DESCRIPTION_CY,
                                   properties[PROP_DESCRIPTION_CY],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_LONG, G_TYPE_INVALID);
}

static void
clw_indicator_init (ClwIndicator *self)
{
}

ClwIndicator *
clw_indicator_new (void)
{
  return g_object_new (CLW_TYPE_INDICATOR, NULL);
}

const char *
clw_indicator_get_cycle_id (ClwIndicator *self)
{
  g_return_val_if_fail (CLW_IS_INDICATOR (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_CYCLE_ID);
}

const char *
clw_indicator_get_code (ClwIndicator *self)
{
  g_return_val_if_fail (CLW_IS_INDICATOR (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_CODE);
}

int
clw_indicator_get_position (ClwIndicator *self)
{
  g_return_val_if_fail (CLW_IS_INDICATOR (self), 0);

  return (int) clw_record_get_integer (CLW_RECORD (self), PROP_POSITION);
}

int
clw_indicator_get_points (ClwIndicator *self)
{
  g_return_val_if_fail (CLW_IS_INDICATOR (self), 0);

  return (int) clw_record_get_integer (CLW_RECORD (self), PROP_POINTS);
}

ClwIndicatorRule
clw_indicator_get_rule (ClwIndicator *self)
{
  g_return_val_if_fail (CLW_IS_INDICATOR (self), 0);

  return clw_record_get_enum (CLW_RECORD (self), PROP_RULE);
}

ClwScoring
clw_indicator_get_scoring (ClwIndicator *self)
{
  g_return_val_if_fail (CLW_IS_INDICATOR (self), 0);

  return clw_record_get_enum (CLW_RECORD (self), PROP_SCORING);
}

int
clw_indicator_get_threshold (ClwIndicator *self)
{
  g_return_val_if_fail (CLW_IS_INDICATOR (self), 0);

  return (int) clw_record_get_integer (CLW_RECORD (self), PROP_THRESHOLD);
}

int
clw_indicator_get_risk_window_days (ClwIndicator *self)
{
  g_return_val_if_fail (CLW_IS_INDICATOR (self), 0);

  return (int) clw_record_get_integer (CLW_RECORD (self), PROP_RISK_WINDOW_DAYS);
}

const char *
clw_indicator_get_title (ClwIndicator *self)
{
  g_return_val_if_fail (CLW_IS_INDICATOR (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_TITLE);
}

const char *
clw_indicator_get_title_cy (ClwIndicator *self)
{
  g_return_val_if_fail (CLW_IS_INDICATOR (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_TITLE_CY);
}

const char *
clw_indicator_get_description (ClwIndicator *self)
{
  g_return_val_if_fail (CLW_IS_INDICATOR (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_DESCRIPTION);
}

const char *
clw_indicator_get_description_cy (ClwIndicator *self)
{
  g_return_val_if_fail (CLW_IS_INDICATOR (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_DESCRIPTION_CY);
}
