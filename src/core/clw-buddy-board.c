/* clw-buddy-board.c: buddying in one GP Collaborative, for one cycle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-buddy-board"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-database-private.h"
#include "clw-decision.h"
#include "clw-enums.h"
#include "clw-error.h"
#include "clw-buddy-arrangement-private.h"
#include "clw-buddy-board-private.h"
#include "clw-buddy-board.h"
#include "clw-cycle.h"

struct _ClwBuddyBoard
{
  GObject      parent_instance;

  ClwDatabase *db;               /* owned */
  char        *cluster_id;
  char        *collaborative_id;
  char        *cycle_id;
  char        *cycle_starts_on;
  char        *cycle_ends_on;
  char        *as_of;

  GListStore  *small_practices;  /* owned: ClwBuddyCandidate */
  GListStore  *buddy_practices;  /* owned: ClwBuddyCandidate */
  GListStore  *pairs;            /* owned: ClwBuddyPair */
};

G_DEFINE_FINAL_TYPE (ClwBuddyBoard, clw_buddy_board, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_CLUSTER_ID,
  PROP_COLLABORATIVE_ID,
  PROP_CYCLE_ID,
  PROP_AS_OF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Whether the arrangement is agreed (or since ended) and its period covers @date. */
static gboolean
in_force_on (ClwBuddyArrangement *arrangement,
             const char          *date)
{
  ClwArrangementStatus status = clw_buddy_arrangement_get_status (arrangement);
  const char *ends_on = clw_buddy_arrangement_get_ends_on (arrangement);

  if (status != CLW_ARRANGEMENT_STATUS_AGREED && status != CLW_ARRANGEMENT_STATUS_ENDED)
    return FALSE;

  return g_strcmp0 (clw_buddy_arrangement_get_starts_on (arrangement), date) <= 0 &&
         (clw_text_is_blank (ends_on) || g_strcmp0 (ends_on, date) >= 0);
}

static gboolean
overlaps_cycle (ClwBuddyBoard       *self,
                ClwBuddyArrangement *arrangement)
{
  const char *ends_on = clw_buddy_arrangement_get_ends_on (arrangement);

  return g_strcmp0 (clw_buddy_arrangement_get_starts_on (arrangement), self->cycle_ends_on) <= 0 &&
         (clw_text_is_blank (ends_on) || g_strcmp0 (ends_on, self->cycle_starts_on) >= 0);
}

static ClwPractice *
find_practice (GListModel *practices,
               const char *id)
{
  guint n = g_list_model_get_n_items (practices);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwPractice) practice = g_list_model_get_item (practices, i);

      if (g_strcmp0 (clw_record_get_id (CLW_RECORD (practice)), id) == 0)
        return practice;
    }

  return NULL;
}

static int
compare_list_size_desc (gconstpointer a,
                        gconstpointer b)
{
  ClwBuddyCandidate *ca = *(ClwBuddyCandidate * const *) a;
  ClwBuddyCandidate *cb = *(ClwBuddyCandidate * const *) b;
  int la = clw_buddy_candidate_get_list_size (ca);
  int lb = clw_buddy_candidate_get_list_size (cb);

  if (la != lb)
    return la > lb ? -1 : 1;
  return g_strcmp0 (clw_buddy_candidate_get_code (ca), clw_buddy_candidate_get_code (cb));
}

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  ClwBuddyPair *pa = *(ClwBuddyPair * const *) a;
  ClwBuddyPair *pb = *(ClwBuddyPair * const *) b;
  int cmp = g_strcmp0 (clw_buddy_pair_get_small_code (pa), clw_buddy_pair_get_small_code (pb));

  if (cmp == 0)
    cmp = g_strcmp0 (clw_buddy_pair_get_starts_on (pa), clw_buddy_pair_get_starts_on (pb));
  if (cmp == 0)
    cmp = g_strcmp0 (clw_buddy_pair_get_id (pa), clw_buddy_pair_get_id (pb));
  return cmp;
}

static void
replace_items (GListStore *store,
               GPtrArray  *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

static void
database_changed_cb (ClwBuddyBoard  *self,
                     const char    **tables,
                     ClwDatabase    *db)
{
  g_autoptr(GError) error = NULL;

  if (tables == NULL ||
      !(g_strv_contains (tables, "practice") || g_strv_contains (tables, "buddy_arrangement") ||
        g_strv_contains (tables, "collaborative") || g_strv_contains (tables, "cycle")))
    return;

  if (!clw_buddy_board_reload (self, &error))
    g_warning ("Could not reload the buddy board: %s", error->message);
}

static void
clw_buddy_board_dispose (GObject *object)
{
  ClwBuddyBoard *self = (ClwBuddyBoard *) object;

  g_clear_object (&self->small_practices);
  g_clear_object (&self->buddy_practices);
  g_clear_object (&self->pairs);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (clw_buddy_board_parent_class)->dispose (object);
}

static void
clw_buddy_board_finalize (GObject *object)
{
  ClwBuddyBoard *self = (ClwBuddyBoard *) object;

  g_clear_pointer (&self->cluster_id, g_free);
  g_clear_pointer (&self->collaborative_id, g_free);
  g_clear_pointer (&self->cycle_id, g_free);
  g_clear_pointer (&self->cycle_starts_on, g_free);
  g_clear_pointer (&self->cycle_ends_on, g_free);
  g_clear_pointer (&self->as_of, g_free);

  G_OBJECT_CLASS (clw_buddy_board_parent_class)->finalize (object);
}

static void
clw_buddy_board_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ClwBuddyBoard *self = CLW_BUDDY_BOARD (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;

    case PROP_CLUSTER_ID:
      g_value_set_string (value, self->cluster_id);
      break;

    case PROP_COLLABORATIVE_ID:
      g_value_set_string (value, self->collaborative_id);
      break;

    case PROP_CYCLE_ID:
      g_value_set_string (value, self->cycle_id);
      break;

    case PROP_AS_OF:
      g_value_set_string (value, self->as_of);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_buddy_board_class_init (ClwBuddyBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = clw_buddy_board_dispose;
  object_class->finalize = clw_buddy_board_finalize;
  object_class->get_property = clw_buddy_board_get_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CLW_TYPE_DATABASE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLUSTER_ID] =
    g_param_spec_string ("cluster-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLLABORATIVE_ID] =
    g_param_spec_string ("collaborative-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CYCLE_ID] =
    g_param_spec_string ("cycle-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AS_OF] =
    g_param_spec_string ("as-of", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clw_buddy_board_init (ClwBuddyBoard *self)
{
  self->small_practices = g_list_store_new (CLW_TYPE_BUDDY_CANDIDATE);
  self->buddy_practices = g_list_store_new (CLW_TYPE_BUDDY_CANDIDATE);
  self->pairs = g_list_store_new (CLW_TYPE_BUDDY_PAIR);
}

ClwBuddyBoard *
clw_buddy_board_new (ClwDatabase  *db,
                     const char   *cluster_id,
                     const char   *cycle_id,
                     const char   *as_of,
                     GError      **error)
{
  g_autoptr(ClwBuddyBoard) self = NULL;
  g_autoptr(ClwCycle) cycle = NULL;
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (cluster_id != NULL, NULL);
  g_return_val_if_fail (cycle_id != NULL, NULL);

  if (as_of != NULL && !clw_date_is_valid (as_of))
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                   _("The date of the buddy board must be written YYYY-MM-DD, not “%s”."), as_of);
      return NULL;
    }

  cycle = (ClwCycle *) clw_record_load (db, CLW_TYPE_CYCLE, cycle_id, error);
  if (cycle == NULL)
    return NULL;

  stmt = _clw_database_prepare (db,
                                "SELECT c.id FROM cluster k LEFT JOIN collaborative c "
                                "ON c.cluster_id = k.id AND c.profession = 'gp' WHERE k.id = ?",
                                error);
  if (stmt == NULL)
    return NULL;
  _clw_bind_text (stmt, 1, cluster_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        _clw_database_set_error (db, rc, _("opening the buddy board"), error);
      else
        g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
                     _("There is no cluster with the id %s."), cluster_id);
      return NULL;
    }
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE,
                   _("The cluster has no GP Collaborative: add one before buddying its practices."));
      return NULL;
    }

  self = g_object_new (CLW_TYPE_BUDDY_BOARD, NULL);
  self->db = g_object_ref (db);
  self->cluster_id = g_strdup (cluster_id);
  self->collaborative_id = _clw_column_dup (stmt, 0);
  self->cycle_id = g_strdup (cycle_id);
  self->cycle_starts_on = g_strdup (clw_cycle_get_starts_on (cycle));
  self->cycle_ends_on = g_strdup (clw_cycle_get_ends_on (cycle));
  if (as_of != NULL)
    self->as_of = g_strdup (as_of);
  else
    {
      g_autoptr(GDate) today = clw_database_get_today (db);
      self->as_of = clw_date_format_iso (today);
    }
  g_clear_pointer (&stmt, _clw_stmt_release);

  if (!clw_buddy_board_reload (self, error))
    return NULL;

  g_signal_connect_object (db, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return g_steal_pointer (&self);
}

ClwDatabase *
clw_buddy_board_get_database (ClwBuddyBoard *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_BOARD (self), NULL);

  return self->db;
}

const char *
clw_buddy_board_get_cluster_id (ClwBuddyBoard *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_BOARD (self), NULL);

  return self->cluster_id;
}

const char *
clw_buddy_board_get_collaborative_id (ClwBuddyBoard *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_BOARD (self), NULL);

  return self->collaborative_id;
}

const char *
clw_buddy_board_get_cycle_id (ClwBuddyBoard *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_BOARD (self), NULL);

  return self->cycle_id;
}

const char *
clw_buddy_board_get_as_of (ClwBuddyBoard *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_BOARD (self), NULL);

  return self->as_of;
}

GListModel *
clw_buddy_board_get_small_practices (ClwBuddyBoard *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_BOARD (self), NULL);

  return G_LIST_MODEL (self->small_practices);
}

GListModel *
clw_buddy_board_get_buddy_practices (ClwBuddyBoard *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_BOARD (self), NULL);

  return G_LIST_MODEL (self->buddy_practices);
}

GListModel *
clw_buddy_board_get_pairs (ClwBuddyBoard *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_BOARD (self), NULL);

  return G_LIST_MODEL (self->pairs);
}

gboolean
clw_buddy_board_reload (ClwBuddyBoard  *self,
                        GError        **error)
{
  const char *params[] = { self->cluster_id, NULL };
  g_autoptr(GListStore) practices = NULL;
  g_autoptr(GListStore) arrangements = NULL;
  g_autoptr(GPtrArray) small = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) buddies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_practices;
  guint n_arrangements;
  int smallest = G_MAXINT;

  g_return_val_if_fail (CLW_IS_BUDDY_BOARD (self), FALSE);

  practices = clw_record_list (self->db, CLW_TYPE_PRACTICE, "cluster_id = ?", params, error);
  if (practices == NULL)
    return FALSE;
  arrangements = clw_record_list (self->db, CLW_TYPE_BUDDY_ARRANGEMENT,
                                  "small_practice_id IN (SELECT id FROM practice WHERE cluster_id = ?1) "
                                  "OR buddy_practice_id IN (SELECT id FROM practice WHERE cluster_id = ?1)",
                                  params, error);
  if (arrangements == NULL)
    return FALSE;

  n_practices = g_list_model_get_n_items (G_LIST_MODEL (practices));
  n_arrangements = g_list_model_get_n_items (G_LIST_MODEL (arrangements));

  for (guint i = 0; i < n_practices; i++)
    {
      g_autoptr(ClwPractice) practice = g_list_model_get_item (G_LIST_MODEL (practices), i);

      if (clw_buddy_arrangement_small_practice_qualifies (clw_practice_get_partners (practice),
                                                          clw_practice_get_sustainability_issues (practice)))
        smallest = MIN (smallest, clw_practice_get_list_size (practice));
    }

  for (guint i = 0; i < n_practices; i++)
    {
      g_autoptr(ClwPractice) practice = g_list_model_get_item (G_LIST_MODEL (practices), i);
      const char *id = clw_record_get_id (CLW_RECORD (practice));
      ClwPractice *buddy = NULL;
      gboolean buddied = FALSE;
      guint n_buddying = 0;

      for (guint j = 0; j < n_arrangements; j++)
        {
          g_autoptr(ClwBuddyArrangement) a = g_list_model_get_item (G_LIST_MODEL (arrangements), j);

          if (!in_force_on (a, self->as_of))
            continue;
          if (g_strcmp0 (clw_buddy_arrangement_get_small_practice_id (a), id) == 0)
            {
              buddied = TRUE;
              buddy = find_practice (G_LIST_MODEL (practices),
                                     clw_buddy_arrangement_get_buddy_practice_id (a));
            }
          if (g_strcmp0 (clw_buddy_arrangement_get_buddy_practice_id (a), id) == 0)
            n_buddying++;
        }

      if (clw_buddy_arrangement_small_practice_qualifies (clw_practice_get_partners (practice),
                                                          clw_practice_get_sustainability_issues (practice)))
        g_ptr_array_add (small, _clw_buddy_candidate_new (practice,
                                                          buddy ? clw_practice_get_code (buddy) : NULL,
                                                          n_buddying));

      if (!buddied && clw_practice_get_list_size (practice) > smallest)
        g_ptr_array_add (buddies, _clw_buddy_candidate_new (practice,
                                                            buddy ? clw_practice_get_code (buddy) : NULL,
                                                            n_buddying));
    }
  g_ptr_array_sort (buddies, compare_list_size_desc);

  for (guint j = 0; j < n_arrangements; j++)
    {
      g_autoptr(ClwBuddyArrangement) a = g_list_model_get_item (G_LIST_MODEL (arrangements), j);
      ClwPractice *sp;
      ClwPractice *bp;

      if (clw_buddy_arrangement_get_status (a) != CLW_ARRANGEMENT_STATUS_REQUESTED &&
          !overlaps_cycle (self, a))
        continue;

      sp = find_practice (G_LIST_MODEL (practices), clw_buddy_arrangement_get_small_practice_id (a));
      bp = find_practice (G_LIST_MODEL (practices), clw_buddy_arrangement_get_buddy_practice_id (a));
      /* Both practices are of this cluster: the rules allow nothing else. */
      if (sp == NULL || bp == NULL)
        continue;

      g_ptr_array_add (pairs, _clw_buddy_pair_new (a,
                                                   clw_practice_get_code (sp),
                                                   clw_practice_get_name (sp),
                                                   clw_practice_get_code (bp),
                                                   clw_practice_get_name (bp),
                                                   in_force_on (a, self->as_of)));
    }
  g_ptr_array_sort (pairs, compare_pairs);

  replace_items (self->small_practices, small);
  replace_items (self->buddy_practices, buddies);
  replace_items (self->pairs, pairs);
  return TRUE;
}

GListModel *
clw_buddy_board_check (ClwBuddyBoard  *self,
                       const char     *small_practice_id,
                       const char     *buddy_practice_id,
                       const char     *starts_on,
                       GError        **error)
{
  g_autoptr(GArray) outcomes = NULL;
  GListStore *checks;

  g_return_val_if_fail (CLW_IS_BUDDY_BOARD (self), NULL);
  g_return_val_if_fail (small_practice_id != NULL, NULL);
  g_return_val_if_fail (buddy_practice_id != NULL, NULL);

  if (starts_on != NULL && !clw_date_is_valid (starts_on))
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                   _("The start date must be written YYYY-MM-DD, not “%s”."), starts_on);
      return NULL;
    }

  outcomes = _clw_buddy_rules_evaluate (self->db, CLW_BUDDY_RULES_ALL, NULL,
                                        small_practice_id, buddy_practice_id,
                                        starts_on != NULL ? starts_on : self->as_of, NULL,
                                        error);
  if (outcomes == NULL)
    return NULL;

  checks = g_list_store_new (CLW_TYPE_BUDDY_RULE_CHECK);
  for (guint i = 0; i < outcomes->len; i++)
    {
      const ClwBuddyRuleOutcome *o = &g_array_index (outcomes, ClwBuddyRuleOutcome, i);
      g_autoptr(ClwBuddyRuleCheck) check = NULL;

      /* What a stored request must keep blocks the request; the rest must
       * be kept by the time the health board agrees it. */
      check = clw_buddy_rule_check_new (o->rule, o->passed,
                                        _clw_buddy_rule_applies (o->rule, CLW_ARRANGEMENT_STATUS_REQUESTED),
                                        o->message);
      g_list_store_append (checks, check);
    }

  return G_LIST_MODEL (checks);
}

static char *
practice_code (ClwBuddyBoard *self,
               const char    *practice_id)
{
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (self->db, "SELECT code FROM practice WHERE id = ?", NULL);

  if (stmt == NULL)
    return g_strdup (practice_id);
  _clw_bind_text (stmt, 1, practice_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return _clw_column_dup (stmt, 0);
  return g_strdup (practice_id);
}

ClwBuddyArrangement *
clw_buddy_board_request (ClwBuddyBoard  *self,
                         const char     *small_practice_id,
                         const char     *buddy_practice_id,
                         const char     *requested_on,
                         const char     *starts_on,
                         const char     *notes,
                         GError        **error)
{
  g_autoptr(ClwBuddyArrangement) arrangement = NULL;
  g_autofree char *small_code = NULL;
  g_autofree char *buddy_code = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (CLW_IS_BUDDY_BOARD (self), NULL);
  g_return_val_if_fail (small_practice_id != NULL, NULL);
  g_return_val_if_fail (buddy_practice_id != NULL, NULL);

  if (requested_on == NULL)
    requested_on = self->as_of;
  if (starts_on == NULL)
    starts_on = requested_on;

  arrangement = clw_buddy_arrangement_new ();
  g_object_set (arrangement,
                "small-practice-id", small_practice_id,
                "buddy-practice-id", buddy_practice_id,
                "status", CLW_ARRANGEMENT_STATUS_REQUESTED,
                "requested-on", requested_on,
                "starts-on", starts_on,
                "notes", notes != NULL ? notes : "",
                NULL);

  small_code = practice_code (self, small_practice_id);
  buddy_code = practice_code (self, buddy_practice_id);
  /* TRANSLATORS: an undo label, "Request W12346 as the buddy of W12345" */
  label = g_strdup_printf (_("Request %s as the buddy of %s"), buddy_code, small_code);

  /* The row's validation applies the rules a request must keep, the same
   * ones clw_buddy_board_check() marks as blocking. */
  if (!clw_database_begin (self->db, error))
    return NULL;
  clw_database_set_change_label (self->db, label);
  if (!clw_record_insert (CLW_RECORD (arrangement), self->db, CLW_WRITE_DEFAULT, error))
    {
      clw_database_rollback (self->db);
      return NULL;
    }
  if (!clw_database_commit (self->db, error))
    return NULL;

  return g_steal_pointer (&arrangement);
}

static ClwBuddyArrangement *
load_arrangement (ClwBuddyBoard  *self,
                  const char     *arrangement_id,
                  GError        **error)
{
  return (ClwBuddyArrangement *) clw_record_load (self->db, CLW_TYPE_BUDDY_ARRANGEMENT,
                                                  arrangement_id, error);
}

gboolean
clw_buddy_board_decide (ClwBuddyBoard  *self,
                        const char     *arrangement_id,
                        gboolean        agree,
                        const char     *decision_on,
                        const char     *explanation,
                        GError        **error)
{
  g_autoptr(ClwBuddyArrangement) arrangement = NULL;
  g_autofree char *small_code = NULL;
  g_autofree char *buddy_code = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (CLW_IS_BUDDY_BOARD (self), FALSE);
  g_return_val_if_fail (arrangement_id != NULL, FALSE);

  arrangement = load_arrangement (self, arrangement_id, error);
  if (arrangement == NULL)
    return FALSE;

  small_code = practice_code (self, clw_buddy_arrangement_get_small_practice_id (arrangement));
  buddy_code = practice_code (self, clw_buddy_arrangement_get_buddy_practice_id (arrangement));
  if (agree)
    /* TRANSLATORS: an undo label, "Agree W12346 as the buddy of W12345" */
    label = g_strdup_printf (_("Agree %s as the buddy of %s"), buddy_code, small_code);
  else
    /* TRANSLATORS: an undo label, "Refuse W12346 as the buddy of W12345" */
    label = g_strdup_printf (_("Refuse %s as the buddy of %s"), buddy_code, small_code);

  if (!clw_database_begin (self->db, error))
    return FALSE;
  clw_database_set_change_label (self->db, label);
  if (!clw_decision_apply (CLW_RECORD (arrangement), self->db, agree,
                           decision_on != NULL ? decision_on : self->as_of,
                           explanation, error))
    {
      clw_database_rollback (self->db);
      return FALSE;
    }

  return clw_database_commit (self->db, error);
}

gboolean
clw_buddy_board_end (ClwBuddyBoard  *self,
                     const char     *arrangement_id,
                     const char     *ends_on,
                     GError        **error)
{
  g_autoptr(ClwBuddyArrangement) arrangement = NULL;
  g_autofree char *small_code = NULL;
  g_autofree char *buddy_code = NULL;
  g_autofree char *label = NULL;
  ClwArrangementStatus status;

  g_return_val_if_fail (CLW_IS_BUDDY_BOARD (self), FALSE);
  g_return_val_if_fail (arrangement_id != NULL, FALSE);

  arrangement = load_arrangement (self, arrangement_id, error);
  if (arrangement == NULL)
    return FALSE;

  status = clw_buddy_arrangement_get_status (arrangement);
  if (status != CLW_ARRANGEMENT_STATUS_AGREED)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE,
                   _("Only an agreed arrangement can be ended; this one is %s."),
                   clw_arrangement_status_to_label (status));
      return FALSE;
    }

  if (ends_on == NULL)
    ends_on = self->as_of;

  g_object_set (arrangement,
                "status", CLW_ARRANGEMENT_STATUS_ENDED,
                "ends-on", ends_on,
                NULL);

  small_code = practice_code (self, clw_buddy_arrangement_get_small_practice_id (arrangement));
  buddy_code = practice_code (self, clw_buddy_arrangement_get_buddy_practice_id (arrangement));
  /* TRANSLATORS: an undo label, "End the buddying of W12345 by W12346" */
  label = g_strdup_printf (_("End the buddying of %s by %s"), small_code, buddy_code);

  if (!clw_database_begin (self->db, error))
    return FALSE;
  clw_database_set_change_label (self->db, label);
  if (!clw_record_update (CLW_RECORD (arrangement), self->db, CLW_WRITE_DEFAULT, error))
    {
      clw_database_rollback (self->db);
      return FALSE;
    }

  return clw_database_commit (self->db, error);
}
