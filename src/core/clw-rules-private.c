/* clw-rules-private.c: checks of the domain shared by several tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-rules"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-database-private.h"
#include "clw-error.h"
#include "clw-rules-private.h"

gboolean
_clw_check_practice_in_collaborative (ClwDatabase  *db,
                                      const char   *practice_id,
                                      const char   *meeting_id,
                                      GError      **error)
{
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  stmt = _clw_database_prepare (db,
                                "SELECT p.code, c.profession, c.cluster_id = p.cluster_id, c.name "
                                "FROM practice p, meeting m "
                                "JOIN collaborative c ON c.id = m.collaborative_id "
                                "WHERE p.id = ?1 AND m.id = ?2",
                                error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, practice_id);
  _clw_bind_text (stmt, 2, meeting_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    /* A missing practice or meeting is reported by the reference checks. */
    return TRUE;

  if (g_strcmp0 (_clw_column_text (stmt, 1), "gp") != 0)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE,
                   _("Practice %s belongs to a GP Collaborative; this meeting is of “%s”."),
                   _clw_column_text (stmt, 0), _clw_column_text (stmt, 3));
      return FALSE;
    }

  if (sqlite3_column_int (stmt, 2) == 0)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE,
                   _("Practice %s is not a member of “%s”: the meeting belongs to "
                     "another collaborative."),
                   _clw_column_text (stmt, 0), _clw_column_text (stmt, 3));
      return FALSE;
    }

  return TRUE;
}
