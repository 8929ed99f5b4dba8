/* clw-record-types.c: every table of the schema, parents first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The order is that of the foreign keys: a table comes after the tables it
 * refers to. Exports write in this order and imports read in it.
 */

#define G_LOG_DOMAIN "clw-record"

#include "config.h"

#include <string.h>

#include "clw-core.h"

#define N_RECORD_TYPES 19

const GType *
clw_record_types_in_order (guint *n_types)
{
  static GType types[N_RECORD_TYPES];
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      const GType all[] = {
        CLW_TYPE_HEALTH_BOARD,
        CLW_TYPE_PCPG,
        CLW_TYPE_CLUSTER,
        CLW_TYPE_COLLABORATIVE,
        CLW_TYPE_CYCLE,
        CLW_TYPE_INDICATOR,
        CLW_TYPE_EVIDENCE_REQUIREMENT,
        CLW_TYPE_PRACTICE,
        CLW_TYPE_MEETING,
        CLW_TYPE_AGENDA_ITEM,
        CLW_TYPE_ACTION_ITEM,
        CLW_TYPE_ATTENDANCE,
        CLW_TYPE_REPRESENTATION,
        CLW_TYPE_BUDDY_ARRANGEMENT,
        CLW_TYPE_BUDDY_ENGAGEMENT,
        CLW_TYPE_EVIDENCE,
        CLW_TYPE_IMTP_CONTRIBUTION,
        CLW_TYPE_IMTP_SECTION,
        CLW_TYPE_IMTP_WORKFORCE,
      };

      G_STATIC_ASSERT (G_N_ELEMENTS (all) == N_RECORD_TYPES);
      memcpy (types, all, sizeof all);
      g_once_init_leave (&initialized, 1);
    }

  if (n_types != NULL)
    *n_types = N_RECORD_TYPES;
  return types;
}

GType
clw_record_type_from_table (const char *table)
{
  guint n;
  const GType *types = clw_record_types_in_order (&n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (clw_record_type_get_table (types[i]), table) == 0)
      return types[i];

  return G_TYPE_INVALID;
}
