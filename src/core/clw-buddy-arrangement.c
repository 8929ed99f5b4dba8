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
#include "clw-buddy-arrangement-private.h"

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

/* The rules of buddying ---------------------------------------------------- */

typedef struct
{
  char    *code;
  char    *cluster_id;
  char    *collaborative;   /* the name of the cluster's GP Collaborative */
  int      partners;
  int      list_size;
  gboolean sustainability;
} PracticeFacts;

static void
practice_facts_clear (PracticeFacts *facts)
{
  g_clear_pointer (&facts->code, g_free);
  g_clear_pointer (&facts->cluster_id, g_free);
  g_clear_pointer (&facts->collaborative, g_free);
}

static gboolean
load_facts (ClwDatabase    *db,
            const char     *practice_id,
            PracticeFacts  *facts,
            GError        **error)
{
  g_autoptr(ClwStmt) stmt = NULL;

  stmt = _clw_database_prepare (db,
                                "SELECT p.code, p.cluster_id, p.partners, p.list_size, "
                                "p.sustainability_issues, coalesce(c.name, k.name) "
                                "FROM practice p JOIN cluster k ON k.id = p.cluster_id "
                                "LEFT JOIN collaborative c ON c.cluster_id = p.cluster_id "
                                "AND c.profession = 'gp' "
                                "WHERE p.id = ?",
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
  facts->collaborative = _clw_column_dup (stmt, 5);
  return TRUE;
}

gboolean
clw_buddy_arrangement_small_practice_qualifies (int      partners,
                                                gboolean sustainability_issues)
{
  return partners <= CLW_BUDDY_MAX_SMALL_PARTNERS || sustainability_issues;
}

gboolean
_clw_buddy_rule_applies (ClwBuddyRule          rule,
                         ClwArrangementStatus  status)
{
  switch (rule)
    {
    case CLW_BUDDY_RULE_DIFFERENT_PRACTICES:
    case CLW_BUDDY_RULE_SAME_COLLABORATIVE:
      return TRUE;

    /* Checked when the request is made and when it is agreed; a practice
     * that grows later does not make its past arrangements wrong. */
    case CLW_BUDDY_RULE_SMALL_QUALIFIES:
    case CLW_BUDDY_RULE_BUDDY_LARGER:
      return status == CLW_ARRANGEMENT_STATUS_REQUESTED ||
             status == CLW_ARRANGEMENT_STATUS_AGREED;

    case CLW_BUDDY_RULE_NO_OTHER_REQUEST:
      return status == CLW_ARRANGEMENT_STATUS_REQUESTED;

    /* A request may be made while another arrangement is still in force
     * (to change buddy); it can only be agreed once that one has ended. */
    case CLW_BUDDY_RULE_NO_OTHER_BUDDY:
    case CLW_BUDDY_RULE_BUDDY_NOT_BUDDIED:
    case CLW_BUDDY_RULE_SMALL_NOT_A_BUDDY:
      return status == CLW_ARRANGEMENT_STATUS_AGREED ||
             status == CLW_ARRANGEMENT_STATUS_ENDED;

    default:
      g_return_val_if_reached (FALSE);
    }
}

static void
add_outcome (GArray       *outcomes,
             ClwBuddyRule  rule,
             gboolean      passed,
             char         *message)
{
  ClwBuddyRuleOutcome outcome = { rule, passed, message };

  g_array_append_val (outcomes, outcome);
}

static void
outcome_clear (gpointer data)
{
  ClwBuddyRuleOutcome *outcome = data;

  g_clear_pointer (&outcome->message, g_free);
}

/* The first agreed (or ended) arrangement in which @column is @practice_id
 * and whose period overlaps [@starts_on, @ends_on]; FALSE with @error only
 * when the database fails. */
static gboolean
find_overlapping (ClwDatabase  *db,
                  gboolean      as_small,
                  const char   *practice_id,
                  const char   *arrangement_id,
                  const char   *starts_on,
                  const char   *ends_on,
                  char        **other_code,
                  char        **other_starts_on,
                  GError      **error)
{
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  *other_code = NULL;
  *other_starts_on = NULL;

  /* Periods overlap when each starts before the other ends; ISO dates
   * compare as text and an open end is the far future. */
  if (as_small)
    stmt = _clw_database_prepare (db,
                                  "SELECT p.code, a.starts_on FROM buddy_arrangement a "
                                  "JOIN practice p ON p.id = a.buddy_practice_id "
                                  "WHERE a.small_practice_id = ?1 AND a.id IS NOT ?2 "
                                  "AND a.status IN ('agreed', 'ended') "
                                  "AND a.starts_on <= coalesce(?4, '9999-12-31') "
                                  "AND coalesce(a.ends_on, '9999-12-31') >= ?3 "
                                  "ORDER BY a.starts_on LIMIT 1",
                                  error);
  else
    stmt = _clw_database_prepare (db,
                                  "SELECT p.code, a.starts_on FROM buddy_arrangement a "
                                  "JOIN practice p ON p.id = a.small_practice_id "
                                  "WHERE a.buddy_practice_id = ?1 AND a.id IS NOT ?2 "
                                  "AND a.status IN ('agreed', 'ended') "
                                  "AND a.starts_on <= coalesce(?4, '9999-12-31') "
                                  "AND coalesce(a.ends_on, '9999-12-31') >= ?3 "
                                  "ORDER BY a.starts_on LIMIT 1",
                                  error);
  if (stmt == NULL)
    return FALSE;

  _clw_bind_text (stmt, 1, practice_id);
  _clw_bind_text (stmt, 2, arrangement_id);
  _clw_bind_text (stmt, 3, starts_on);
  _clw_bind_text (stmt, 4, clw_text_is_blank (ends_on) ? NULL : ends_on);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *other_code = _clw_column_dup (stmt, 0);
      *other_starts_on = _clw_column_dup (stmt, 1);
    }
  else if (rc != SQLITE_DONE)
    return _clw_database_set_error (db, rc, _("checking the buddy arrangements"), error);

  return TRUE;
}

GArray *
_clw_buddy_rules_evaluate (ClwDatabase  *db,
                           guint         rules,
                           const char   *arrangement_id,
                           const char   *small_practice_id,
                           const char   *buddy_practice_id,
                           const char   *starts_on,
                           const char   *ends_on,
                           GError      **error)
{
  g_autoptr(GArray) outcomes = NULL;
  PracticeFacts small = { 0 };
  PracticeFacts buddy = { 0 };
  g_autofree char *from = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);

  outcomes = g_array_new (FALSE, TRUE, sizeof (ClwBuddyRuleOutcome));
  g_array_set_clear_func (outcomes, outcome_clear);

  if (!load_facts (db, small_practice_id, &small, error) ||
      !load_facts (db, buddy_practice_id, &buddy, error))
    goto out;

  from = g_strdup (starts_on != NULL ? starts_on : "");

  if (rules & (1u << CLW_BUDDY_RULE_DIFFERENT_PRACTICES))
    {
      if (g_strcmp0 (small_practice_id, buddy_practice_id) == 0)
        add_outcome (outcomes, CLW_BUDDY_RULE_DIFFERENT_PRACTICES, FALSE,
                     g_strdup (_("A practice cannot be its own buddy.")));
      else
        add_outcome (outcomes, CLW_BUDDY_RULE_DIFFERENT_PRACTICES, TRUE,
                     g_strdup_printf (_("%s and %s are two different practices."),
                                      small.code, buddy.code));
    }

  if (rules & (1u << CLW_BUDDY_RULE_SAME_COLLABORATIVE))
    {
      if (g_strcmp0 (small.cluster_id, buddy.cluster_id) != 0)
        add_outcome (outcomes, CLW_BUDDY_RULE_SAME_COLLABORATIVE, FALSE,
                     g_strdup_printf (_("%s and %s are in different clusters: a buddy must be "
                                        "a practice of the same GP Collaborative."),
                                      small.code, buddy.code));
      else
        add_outcome (outcomes, CLW_BUDDY_RULE_SAME_COLLABORATIVE, TRUE,
                     g_strdup_printf (_("%s and %s are both members of %s."),
                                      small.code, buddy.code, small.collaborative));
    }

  if (rules & (1u << CLW_BUDDY_RULE_SMALL_QUALIFIES))
    {
      if (!clw_buddy_arrangement_small_practice_qualifies (small.partners, small.sustainability))
        add_outcome (outcomes, CLW_BUDDY_RULE_SMALL_QUALIFIES, FALSE,
                     g_strdup_printf (ngettext ("%s has %d partner and no sustainability issues: "
                                                "only single-handed practices, practices of 2 or 3 "
                                                "partners and practices with sustainability issues "
                                                "may be buddied.",
                                                "%s has %d partners and no sustainability issues: "
                                                "only single-handed practices, practices of 2 or 3 "
                                                "partners and practices with sustainability issues "
                                                "may be buddied.",
                                                small.partners),
                                      small.code, small.partners));
      else if (small.partners <= CLW_BUDDY_MAX_SMALL_PARTNERS)
        add_outcome (outcomes, CLW_BUDDY_RULE_SMALL_QUALIFIES, TRUE,
                     g_strdup_printf (ngettext ("%s has %d partner: a practice of 3 partners "
                                                "or fewer may be buddied.",
                                                "%s has %d partners: a practice of 3 partners "
                                                "or fewer may be buddied.",
                                                small.partners),
                                      small.code, small.partners));
      else
        add_outcome (outcomes, CLW_BUDDY_RULE_SMALL_QUALIFIES, TRUE,
                     g_strdup_printf (_("%s reports sustainability issues: it may be buddied "
                                        "whatever its number of partners."),
                                      small.code));
    }

  if (rules & (1u << CLW_BUDDY_RULE_BUDDY_LARGER))
    {
      if (buddy.list_size <= small.list_size)
        add_outcome (outcomes, CLW_BUDDY_RULE_BUDDY_LARGER, FALSE,
                     g_strdup_printf (_("%s (%d registered patients) is not larger than %s (%d): "
                                        "the buddy must be a larger practice."),
                                      buddy.code, buddy.list_size, small.code, small.list_size));
      else
        add_outcome (outcomes, CLW_BUDDY_RULE_BUDDY_LARGER, TRUE,
                     g_strdup_printf (_("%s (%d registered patients) is larger than %s (%d)."),
                                      buddy.code, buddy.list_size, small.code, small.list_size));
    }

  if (rules & (1u << CLW_BUDDY_RULE_NO_OTHER_REQUEST))
    {
      g_autoptr(ClwStmt) stmt = NULL;
      int rc;

      stmt = _clw_database_prepare (db,
                                    "SELECT p.code, a.requested_on FROM buddy_arrangement a "
                                    "JOIN practice p ON p.id = a.buddy_practice_id "
                                    "WHERE a.small_practice_id = ?1 AND a.id IS NOT ?2 "
                                    "AND a.status = 'requested' ORDER BY a.requested_on LIMIT 1",
                                    error);
      if (stmt == NULL)
        goto out;
      _clw_bind_text (stmt, 1, small_practice_id);
      _clw_bind_text (stmt, 2, arrangement_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          add_outcome (outcomes, CLW_BUDDY_RULE_NO_OTHER_REQUEST, FALSE,
                       g_strdup_printf (_("A request to buddy %s with %s, made on %s, is waiting "
                                          "for the health board's decision: decide it first."),
                                        small.code, _clw_column_text (stmt, 0), _clw_column_text (stmt, 1)));
        }
      else if (rc == SQLITE_DONE)
        add_outcome (outcomes, CLW_BUDDY_RULE_NO_OTHER_REQUEST, TRUE,
                     g_strdup_printf (_("No other request for %s is waiting for a decision."),
                                      small.code));
      else
        {
          _clw_database_set_error (db, rc, _("checking the buddy requests"), error);
          goto out;
        }
    }

  if (rules & (1u << CLW_BUDDY_RULE_NO_OTHER_BUDDY))
    {
      g_autofree char *other = NULL;
      g_autofree char *other_from = NULL;

      if (!find_overlapping (db, TRUE, small_practice_id, arrangement_id, starts_on, ends_on,
                             &other, &other_from, error))
        goto out;
      if (other != NULL)
        {
          add_outcome (outcomes, CLW_BUDDY_RULE_NO_OTHER_BUDDY, FALSE,
                       g_strdup_printf (_("%s already has an agreed buddy (%s, from %s) for part "
                                          "of this period. End that arrangement first."),
                                        small.code, other, other_from));
        }
      else
        add_outcome (outcomes, CLW_BUDDY_RULE_NO_OTHER_BUDDY, TRUE,
                     g_strdup_printf (_("%s has no other agreed buddy from %s."), small.code, from));
    }

  if (rules & (1u << CLW_BUDDY_RULE_BUDDY_NOT_BUDDIED))
    {
      g_autofree char *other = NULL;
      g_autofree char *other_from = NULL;

      if (!find_overlapping (db, TRUE, buddy_practice_id, arrangement_id, starts_on, ends_on,
                             &other, &other_from, error))
        goto out;
      if (other != NULL)
        {
          add_outcome (outcomes, CLW_BUDDY_RULE_BUDDY_NOT_BUDDIED, FALSE,
                       g_strdup_printf (_("%s is itself buddied with %s from %s: a practice that "
                                          "relies on a buddy cannot be one."),
                                        buddy.code, other, other_from));
        }
      else
        add_outcome (outcomes, CLW_BUDDY_RULE_BUDDY_NOT_BUDDIED, TRUE,
                     g_strdup_printf (_("%s is not itself buddied from %s."), buddy.code, from));
    }

  if (rules & (1u << CLW_BUDDY_RULE_SMALL_NOT_A_BUDDY))
    {
      g_autofree char *other = NULL;
      g_autofree char *other_from = NULL;

      if (!find_overlapping (db, FALSE, small_practice_id, arrangement_id, starts_on, ends_on,
                             &other, &other_from, error))
        goto out;
      if (other != NULL)
        {
          add_outcome (outcomes, CLW_BUDDY_RULE_SMALL_NOT_A_BUDDY, FALSE,
                       g_strdup_printf (_("%s is the agreed buddy of %s from %s: it cannot be "
                                          "buddied while it is one. End that arrangement first."),
                                        small.code, other, other_from));
        }
      else
        add_outcome (outcomes, CLW_BUDDY_RULE_SMALL_NOT_A_BUDDY, TRUE,
                     g_strdup_printf (_("%s is not the buddy of another practice from %s."),
                                      small.code, from));
    }

  ok = TRUE;

out:
  practice_facts_clear (&small);
  practice_facts_clear (&buddy);
  return ok ? g_steal_pointer (&outcomes) : NULL;
}

/* The first rule of @rules that is broken, as @error. */
static gboolean
check_rules (ClwDatabase  *db,
             guint         rules,
             const char   *arrangement_id,
             const char   *small_practice_id,
             const char   *buddy_practice_id,
             const char   *starts_on,
             const char   *ends_on,
             GError      **error)
{
  g_autoptr(GArray) outcomes = NULL;

  outcomes = _clw_buddy_rules_evaluate (db, rules, arrangement_id, small_practice_id,
                                        buddy_practice_id, starts_on, ends_on, error);
  if (outcomes == NULL)
    return FALSE;

  for (guint i = 0; i < outcomes->len; i++)
    {
      const ClwBuddyRuleOutcome *outcome = &g_array_index (outcomes, ClwBuddyRuleOutcome, i);

      if (!outcome->passed)
        {
          g_set_error_literal (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE, outcome->message);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
clw_buddy_arrangement_check_pair (ClwDatabase  *db,
                                  const char   *small_practice_id,
                                  const char   *buddy_practice_id,
                                  GError      **error)
{
  g_return_val_if_fail (CLW_IS_DATABASE (db), FALSE);

  return check_rules (db,
                      (1u << CLW_BUDDY_RULE_DIFFERENT_PRACTICES) |
                      (1u << CLW_BUDDY_RULE_SAME_COLLABORATIVE) |
                      (1u << CLW_BUDDY_RULE_SMALL_QUALIFIES) |
                      (1u << CLW_BUDDY_RULE_BUDDY_LARGER),
                      NULL, small_practice_id, buddy_practice_id, NULL, NULL, error);
}

/* ClwRecord ------------------------------------------------------------------ */

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
  guint rules = 0;

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

  for (guint rule = 0; rule < CLW_N_BUDDY_RULES; rule++)
    if (_clw_buddy_rule_applies (rule, status))
      rules |= 1u << rule;

  return check_rules (db, rules, clw_record_get_id (record),
                      clw_buddy_arrangement_get_small_practice_id (self),
                      clw_buddy_arrangement_get_buddy_practice_id (self),
                      clw_buddy_arrangement_get_starts_on (self),
                      clw_buddy_arrangement_get_ends_on (self),
                      error);
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
