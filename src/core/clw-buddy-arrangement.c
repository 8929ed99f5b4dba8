/* clw-buddy-arrangement.c: a buddy arrangement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-buddy-arrangement"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-database-private.h"
#include "clw-enums.h"
#include "clw-decision.h"
#include "clw-error.h"
#include "clw-rules-private.h"
#include "clw-buddy-arrangement.h"

#include "clw-practice.h"

struct _ClwBuddyArrangement
{
  ClwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ClwBuddyArrangement, clw_buddy_arrangement, CLW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_SMALL_PRACTICE_ID,
  PROP_BUDDY_PRACTICE_ID,
  PROP_STARTS_ON,
  PROP_ENDS_ON,
  PROP_STATUS,
  PROP_REQUESTED_ON,
  PROP_DECISION_ON,
  PROP_EXPLANATION,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
clw_buddy_arrangement_describe (ClwRecord *record)
{
  return g_strdup (_("Buddy arrangement"));
}

static gboolean
clw_buddy_arrangement_validate (ClwRecord    *record,
                                ClwDatabase  *db,
                                GError      **error)
{
  ClwBuddyArrangement *self = CLW_BUDDY_ARRANGEMENT (record);
  ClwArrangementStatus status = clw_buddy_arrangement_get_status (self);

  if (!clw_buddy_arrangement_check_pair (db,
                                         clw_buddy_arrangement_get_small_practice_id (self),
                                         clw_buddy_arrangement_get_buddy_practice_id (self),
                                         error))
    return FALSE;

  if (!clw_check_date_order (clw_buddy_arrangement_get_starts_on (self),
                             clw_buddy_arrangement_get_ends_on (self),
                             _("start date"), _("end date"), error))
    return FALSE;

  if (!clw_decision_validate (status,
                              clw_buddy_arrangement_get_requested_on (self),
                              clw_buddy_arrangement_get_decision_on (self),
                              clw_buddy_arrangement_get_explanation (self),
                              error))
    return FALSE;

  if (status == CLW_ARRANGEMENT_STATUS_ENDED &&
      clw_text_is_blank (clw_buddy_arrangement_get_ends_on (self)))
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                   _("An ended arrangement needs the date it ended."));
      return FALSE;
    }

  if (status == CLW_ARRANGEMENT_STATUS_AGREED || status == CLW_ARRANGEMENT_STATUS_ENDED)
    {
      g_autoptr(ClwStmt) stmt = NULL;

      /* One agreed buddy at a time. */
      stmt = _clw_database_prepare (db,
                                    "SELECT p.code, a.starts_on FROM buddy_arrangement a "
                                    "JOIN practice p ON p.id = a.buddy_practice_id "
                                    "WHERE a.small_practice_id = ?1 AND a.id IS NOT ?2 "
                                    "AND a.status IN ('agreed', 'ended') "
                                    "AND a.starts_on <= coalesce(?4, '9999-12-31') "
                                    "AND coalesce(a.ends_on, '9999-12-31') >= ?3",
                                    error);
      if (stmt == NULL)
        return FALSE;
      _clw_bind_text (stmt, 1, clw_buddy_arrangement_get_small_practice_id (self));
      _clw_bind_text (stmt, 2, clw_record_get_id (record));
      _clw_bind_text (stmt, 3, clw_buddy_arrangement_get_starts_on (self));
      _clw_bind_text (stmt, 4, clw_text_is_blank (clw_buddy_arrangement_get_ends_on (self))
                                 ? NULL : clw_buddy_arrangement_get_ends_on (self));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE,
                       _("The small practice already has an agreed buddy (%s, from %s) "
                         "for part of this period. End that arrangement first."),
                       _clw_column_text (stmt, 0), _clw_column_text (stmt, 1));
          return FALSE;
        }
    }

  return TRUE;
}

typedef struct
{
  char    *code;
  char    *cluster_id;
  int      partners;
  int      list_size;
  gboolean sustainability;
} PracticeFacts;

static void
practice_facts_clear (PracticeFacts *facts)
{
  g_clear_pointer (&facts->code, g_free);
  g_clear_pointer (&facts->cluster_id, g_free);
}

static gboolean
load_facts (ClwDatabase    *db,
            const char     *practice_id,
            PracticeFacts  *facts,
            GError        **error)
{
  g_autoptr(ClwStmt) stmt = NULL;

  stmt = _clw_database_prepare (db,
                                "SELECT code, cluster_id, partners, list_size, sustainability_issues "
                                "FROM practice WHERE id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, practice_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                   _("There is no practice with the id %s."), practice_id);
      return FALSE;
    }

  facts->code = _clw_column_dup (stmt, 0);
  facts->cluster_id = _clw_column_dup (stmt, 1);
  facts->partners = sqlite3_column_int (stmt, 2);
  facts->list_size = sqlite3_column_int (stmt, 3);
  facts->sustainability = sqlite3_column_int (stmt, 4) != 0;
  return TRUE;
}

gboolean
clw_buddy_arrangement_small_practice_qualifies (int      partners,
                                                gboolean sustainability_issues)
{
  return partners <= CLW_BUDDY_MAX_SMALL_PARTNERS || sustainability_issues;
}

gboolean
clw_buddy_arrangement_check_pair (ClwDatabase  *db,
                                  const char   *small_practice_id,
                                  const char   *buddy_practice_id,
                                  GError      **error)
{
  PracticeFacts small = { 0 };
  PracticeFacts buddy = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (CLW_IS_DATABASE (db), FALSE);

  if (g_strcmp0 (small_practice_id, buddy_practice_id) == 0)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE,
                   _("A practice cannot be its own buddy."));
      return FALSE;
    }

  if (!load_facts (db, small_practice_id, &small, error) ||
      !load_facts (db, buddy_practice_id, &buddy, error))
    goto out;

  if (g_strcmp0 (small.cluster_id, buddy.cluster_id) != 0)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE,
                   _("%s and %s are in different clusters: a buddy must be a practice "
                     "of the same GP Collaborative."), small.code, buddy.code);
      goto out;
    }

  if (!clw_buddy_arrangement_small_practice_qualifies (small.partners, small.sustainability))
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE,
                   ngettext ("%s has %d partner and no sustainability issues: only single-handed "
                             "practices, practices of 2 or 3 partners and practices with "
                             "sustainability issues may be buddied.",
                             "%s has %d partners and no sustainability issues: only single-handed "
                             "practices, practices of 2 or 3 partners and practices with "
                             "sustainability issues may be buddied.",
                             small.partners),
                   small.code, small.partners);
      goto out;
    }

  if (buddy.list_size <= small.list_size)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE,
                   _("%s (%d registered patients) is not larger than %s (%d): "
                     "the buddy must be a larger practice."),
                   buddy.code, buddy.list_size, small.code, small.list_size);
      goto out;
    }

  ok = TRUE;

out:
  practice_facts_clear (&small);
  practice_facts_clear (&buddy);
  return ok;
}

static void
clw_buddy_arrangement_class_init (ClwBuddyArrangementClass *klass)
{
  ClwRecordClass *record_class = CLW_RECORD_CLASS (klass);

  record_class->table_name = "buddy_arrangement";
  record_class->order_by = "starts_on, id";
  record_class->validate = clw_buddy_arrangement_validate;
  record_class->describe = clw_buddy_arrangement_describe;

  properties[PROP_SMALL_PRACTICE_ID] =
    g_param_spec_string ("small-practice-id", N_("small practice"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_SMALL_PRACTICE_ID,
                                   properties[PROP_SMALL_PRACTICE_ID],
                                   CLW_COLUMN_REFERENCE, CLW_COLUMN_REQUIRED, CLW_TYPE_PRACTICE);
  properties[PROP_BUDDY_PRACTICE_ID] =
    g_param_spec_string ("buddy-practice-id", N_("buddy practice"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_BUDDY_PRACTICE_ID,
                                   properties[PROP_BUDDY_PRACTICE_ID],
                                   CLW_COLUMN_REFERENCE, CLW_COLUMN_REQUIRED, CLW_TYPE_PRACTICE);
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
                                   CLW_COLUMN_DATE, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", N_("status"), NULL,
                       CLW_TYPE_ARRANGEMENT_STATUS, CLW_ARRANGEMENT_STATUS_REQUESTED,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_STATUS,
                                   properties[PROP_STATUS],
                                   CLW_COLUMN_ENUM, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_REQUESTED_ON] =
    g_param_spec_string ("requested-on", N_("date of the request"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_REQUESTED_ON,
                                   properties[PROP_REQUESTED_ON],
                                   CLW_COLUMN_DATE, CLW_COLUMN_REQUIRED, G_TYPE_INVALID);
  properties[PROP_DECISION_ON] =
    g_param_spec_string ("decision-on", N_("date of the decision"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_DECISION_ON,
                                   properties[PROP_DECISION_ON],
                                   CLW_COLUMN_DATE, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_EXPLANATION] =
    g_param_spec_string ("explanation", N_("explanation"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_EXPLANATION,
                                   properties[PROP_EXPLANATION],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_LONG, G_TYPE_INVALID);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", N_("notes"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_NOTES,
                                   properties[PROP_NOTES],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_LONG, G_TYPE_INVALID);
}

static void
clw_buddy_arrangement_init (ClwBuddyArrangement *self)
{
}

ClwBuddyArrangement *
clw_buddy_arrangement_new (void)
{
  return g_object_new (CLW_TYPE_BUDDY_ARRANGEMENT, NULL);
}

const char *
clw_buddy_arrangement_get_small_practice_id (ClwBuddyArrangement *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_ARRANGEMENT (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_SMALL_PRACTICE_ID);
}

const char *
clw_buddy_arrangement_get_buddy_practice_id (ClwBuddyArrangement *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_ARRANGEMENT (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_BUDDY_PRACTICE_ID);
}

const char *
clw_buddy_arrangement_get_starts_on (ClwBuddyArrangement *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_ARRANGEMENT (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_STARTS_ON);
}

const char *
clw_buddy_arrangement_get_ends_on (ClwBuddyArrangement *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_ARRANGEMENT (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_ENDS_ON);
}

ClwArrangementStatus
clw_buddy_arrangement_get_status (ClwBuddyArrangement *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_ARRANGEMENT (self), 0);

  return clw_record_get_enum (CLW_RECORD (self), PROP_STATUS);
}

const char *
clw_buddy_arrangement_get_requested_on (ClwBuddyArrangement *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_ARRANGEMENT (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_REQUESTED_ON);
}

const char *
clw_buddy_arrangement_get_decision_on (ClwBuddyArrangement *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_ARRANGEMENT (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_DECISION_ON);
}

const char *
clw_buddy_arrangement_get_explanation (ClwBuddyArrangement *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_ARRANGEMENT (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_EXPLANATION);
}

const char *
clw_buddy_arrangement_get_notes (ClwBuddyArrangement *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_ARRANGEMENT (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_NOTES);
}

GListStore *
clw_buddy_arrangement_list_for_practice (ClwDatabase  *db,
                                         const char   *practice_id,
                                         GError      **error)
{
  const char *params[] = { practice_id, NULL };

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (practice_id != NULL, NULL);

  return clw_record_list (db, CLW_TYPE_BUDDY_ARRANGEMENT,
                          "small_practice_id = ?1 OR buddy_practice_id = ?1", params, error);
}

GListStore *
clw_buddy_arrangement_list_pending (ClwDatabase  *db,
                                    const char   *health_board_id,
                                    GError      **error)
{
  const char *params[] = { health_board_id, NULL };

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);

  if (health_board_id == NULL)
    return clw_record_list (db, CLW_TYPE_BUDDY_ARRANGEMENT, "status = 'requested'", NULL, error);

  return clw_record_list (db, CLW_TYPE_BUDDY_ARRANGEMENT,
                          "status = 'requested' AND small_practice_id IN "
                          "(SELECT p.id FROM practice p JOIN cluster c ON c.id = p.cluster_id "
                          "WHERE c.health_board_id = ?1)",
                          params, error);
}
