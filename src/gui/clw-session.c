/* clw-session.c: the open database, the QAIF cycle shown and its report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every screen reads its figures from one all-Wales report of the cycle
 * (the sidebar's badges, both dashboards, the practice page, the warnings
 * of the attendance sheet), so they always agree. The report is evaluated
 * off the main thread whenever the database changes or another cycle is
 * chosen; until the new one arrives the screens keep showing the last.
 */

#define G_LOG_DOMAIN "clw-session"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-session.h"

struct _ClwSession
{
  GObject        parent_instance;

  ClwDatabase   *database;      /* owned */
  GStrv          cycle_codes;   /* owned */
  char          *cycle_code;    /* owned */
  ClwCycle      *cycle;         /* owned, nullable */
  ClwQaifReport *report;        /* owned, nullable */
  GHashTable    *by_cluster;    /* owned, nullable: cluster id -> GPtrArray of the report's results */
  GCancellable  *cancellable;   /* owned, of the evaluation under way */

  gulong         changed_id;
  guint          refresh_source;
  guint          evaluating : 1;
  guint          dirty : 1;     /* changed while evaluating: again when done */
};

G_DEFINE_FINAL_TYPE (ClwSession, clw_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_CYCLE_CODE,
  PROP_REPORT,
  PROP_BUSY,
  N_PROPS
};

enum {
  CHANGED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_evaluation (ClwSession *self);

static void
evaluate_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ClwSession) self = user_data;
  g_autoptr(ClwQaifReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = clw_qaif_evaluate_finish (result, &error);
  self->evaluating = FALSE;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Another cycle was chosen, or the database changed, meanwhile. */
  if (self->dirty ||
      (report != NULL && g_strcmp0 (clw_qaif_report_get_cycle_code (report), self->cycle_code) != 0))
    {
      start_evaluation (self);
      return;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  if (report == NULL)
    {
      g_signal_emit (self, signals[FAILED], 0, error);
      return;
    }

  g_set_object (&self->report, report);
  g_clear_pointer (&self->by_cluster, g_hash_table_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

static void
start_evaluation (ClwSession *self)
{
  gboolean was_busy = self->evaluating;

  self->dirty = FALSE;
  if (self->cycle_code == NULL)
    return;

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->evaluating = TRUE;

  clw_qaif_evaluate_async (clw_database_get_path (self->database),
                           self->cycle_code,
                           CLW_SCOPE_ALL, NULL, NULL,
                           self->cancellable,
                           evaluate_cb,
                           g_object_ref (self));

  if (!was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static gboolean
refresh_cb (gpointer user_data)
{
  ClwSession *self = user_data;

  self->refresh_source = 0;
  clw_session_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
database_changed_cb (ClwSession   *self,
                     const char  **tables,
                     ClwDatabase  *database)
{
  /* One evaluation for a burst of changes. */
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT, refresh_cb, self, NULL);

  g_signal_emit (self, signals[CHANGED], 0, tables);
}

static void
load_cycles (ClwSession *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = NULL;

  g_clear_pointer (&self->cycle_codes, g_strfreev);
  self->cycle_codes = clw_qaif_list_cycles (self->database, &error);
  if (self->cycle_codes == NULL)
    {
      g_warning ("Could not list the QAIF cycles: %s", error->message);
      self->cycle_codes = g_new0 (char *, 1);
      return;
    }

  today = clw_database_get_today (self->database);
  self->cycle_code = clw_qaif_cycle_for_date (self->database, today, NULL);
  if (self->cycle_code == NULL && self->cycle_codes[0] != NULL)
    self->cycle_code = g_strdup (self->cycle_codes[g_strv_length (self->cycle_codes) - 1]);
}

static void
load_cycle (ClwSession *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->cycle);
  if (self->cycle_code == NULL)
    return;

  self->cycle = clw_cycle_find_by_code (self->database, self->cycle_code, &error);
  if (self->cycle == NULL)
    g_warning ("%s", error->message);
}

static void
clw_session_constructed (GObject *object)
{
  ClwSession *self = (ClwSession *) object;

  G_OBJECT_CLASS (clw_session_parent_class)->constructed (object);

  g_assert (CLW_IS_DATABASE (self->database));

  self->changed_id = g_signal_connect_object (self->database, "changed",
                                              G_CALLBACK (database_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  load_cycles (self);
  load_cycle (self);
}

static void
clw_session_dispose (GObject *object)
{
  ClwSession *self = (ClwSession *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->database);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->report);
  g_clear_pointer (&self->by_cluster, g_hash_table_unref);
  g_clear_object (&self->cycle);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (clw_session_parent_class)->dispose (object);
}

static void
clw_session_finalize (GObject *object)
{
  ClwSession *self = (ClwSession *) object;

  g_clear_pointer (&self->cycle_codes, g_strfreev);
  g_clear_pointer (&self->cycle_code, g_free);

  G_OBJECT_CLASS (clw_session_parent_class)->finalize (object);
}

static void
clw_session_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ClwSession *self = CLW_SESSION (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_CYCLE_CODE:
      g_value_set_string (value, self->cycle_code);
      break;

    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->evaluating);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_session_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ClwSession *self = CLW_SESSION (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_CYCLE_CODE:
      clw_session_set_cycle_code (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_session_class_init (ClwSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = clw_session_constructed;
  object_class->dispose = clw_session_dispose;
  object_class->finalize = clw_session_finalize;
  object_class->get_property = clw_session_get_property;
  object_class->set_property = clw_session_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         CLW_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CYCLE_CODE] =
    g_param_spec_string ("cycle-code", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL,
                         CLW_TYPE_QAIF_REPORT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ClwSession::changed:
   * @tables: the tables a change wrote
   *
   * Relays ClwDatabase::changed, so that screens showing rows load them
   * again.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRV);

  /**
   * ClwSession::failed:
   * @error: what went wrong
   *
   * The report could not be evaluated.
   */
  signals[FAILED] = g_signal_new ("failed",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
clw_session_init (ClwSession *self)
{
}

ClwSession *
clw_session_new (ClwDatabase *database)
{
  g_return_val_if_fail (CLW_IS_DATABASE (database), NULL);

  return g_object_new (CLW_TYPE_SESSION, "database", database, NULL);
}

ClwSession *
clw_session_new_full (ClwDatabase   *database,
                      const char    *cycle_code,
                      ClwQaifReport *report)
{
  ClwSession *self;

  g_return_val_if_fail (CLW_IS_DATABASE (database), NULL);
  g_return_val_if_fail (report == NULL || CLW_IS_QAIF_REPORT (report), NULL);

  self = clw_session_new (database);

  /* Not clw_session_set_cycle_code(): nothing is evaluated yet. */
  if (cycle_code != NULL && g_strcmp0 (cycle_code, self->cycle_code) != 0 &&
      g_strv_contains ((const char * const *) self->cycle_codes, cycle_code))
    {
      g_free (self->cycle_code);
      self->cycle_code = g_strdup (cycle_code);
      load_cycle (self);
    }

  /* Only a report of the cycle shown. */
  if (report != NULL && g_strcmp0 (clw_qaif_report_get_cycle_code (report), self->cycle_code) == 0)
    self->report = g_object_ref (report);

  return self;
}

ClwDatabase *
clw_session_get_database (ClwSession *self)
{
  g_return_val_if_fail (CLW_IS_SESSION (self), NULL);

  return self->database;
}

const char * const *
clw_session_get_cycle_codes (ClwSession *self)
{
  g_return_val_if_fail (CLW_IS_SESSION (self), NULL);

  return (const char * const *) self->cycle_codes;
}

const char *
clw_session_get_cycle_code (ClwSession *self)
{
  g_return_val_if_fail (CLW_IS_SESSION (self), NULL);

  return self->cycle_code;
}

void
clw_session_set_cycle_code (ClwSession *self,
                            const char *cycle_code)
{
  g_return_if_fail (CLW_IS_SESSION (self));

  /* Only a cycle the database knows. */
  if (cycle_code == NULL || !g_strv_contains ((const char * const *) self->cycle_codes, cycle_code))
    return;

  if (g_strcmp0 (self->cycle_code, cycle_code) == 0)
    return;

  g_free (self->cycle_code);
  self->cycle_code = g_strdup (cycle_code);
  load_cycle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CYCLE_CODE]);
  clw_session_refresh (self);
}

ClwCycle *
clw_session_get_cycle (ClwSession *self)
{
  g_return_val_if_fail (CLW_IS_SESSION (self), NULL);

  return self->cycle;
}

ClwQaifReport *
clw_session_get_report (ClwSession *self)
{
  g_return_val_if_fail (CLW_IS_SESSION (self), NULL);

  return self->report;
}

GListModel *
clw_session_list_cluster_practices (ClwSession *self,
                                    const char *cluster_id)
{
  GListStore *store;
  GPtrArray *results;

  g_return_val_if_fail (CLW_IS_SESSION (self), NULL);
  g_return_val_if_fail (cluster_id != NULL, NULL);

  store = g_list_store_new (CLW_TYPE_PRACTICE_RESULT);
  if (self->report == NULL)
    return G_LIST_MODEL (store);

  if (self->by_cluster == NULL)
    {
      GListModel *practices = clw_qaif_report_get_practices (self->report);
      guint n = g_list_model_get_n_items (practices);

      self->by_cluster = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) g_ptr_array_unref);
      for (guint i = 0; i < n; i++)
        {
          ClwPracticeResult *result = g_list_model_get_item (practices, i);
          const char *id = clw_practice_result_get_cluster_id (result);
          GPtrArray *group = g_hash_table_lookup (self->by_cluster, id);

          if (group == NULL)
            {
              group = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (self->by_cluster, g_strdup (id), group);
            }
          g_ptr_array_add (group, result);
        }
    }

  results = g_hash_table_lookup (self->by_cluster, cluster_id);
  if (results != NULL)
    g_list_store_splice (store, 0, 0, results->pdata, results->len);
  return G_LIST_MODEL (store);
}

gboolean
clw_session_get_busy (ClwSession *self)
{
  g_return_val_if_fail (CLW_IS_SESSION (self), FALSE);

  return self->evaluating;
}

GDate *
clw_session_dup_today (ClwSession *self)
{
  g_return_val_if_fail (CLW_IS_SESSION (self), NULL);

  return clw_database_get_today (self->database);
}

char *
clw_session_dup_today_iso (ClwSession *self)
{
  g_autoptr(GDate) today = clw_session_dup_today (self);

  return clw_date_format_iso (today);
}

void
clw_session_refresh (ClwSession *self)
{
  g_return_if_fail (CLW_IS_SESSION (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  if (self->evaluating)
    {
      self->dirty = TRUE;
      return;
    }

  start_evaluation (self);
}

gboolean
clw_session_save (ClwSession  *self,
                  ClwRecord   *record,
                  const char  *label,
                  GError     **error)
{
  g_return_val_if_fail (CLW_IS_SESSION (self), FALSE);
  g_return_val_if_fail (CLW_IS_RECORD (record), FALSE);

  if (!clw_database_begin (self->database, error))
    return FALSE;
  clw_database_set_change_label (self->database, label);
  if (!clw_record_upsert (record, self->database, CLW_WRITE_DEFAULT, error))
    {
      clw_database_rollback (self->database);
      return FALSE;
    }
  return clw_database_commit (self->database, error);
}

gboolean
clw_session_delete (ClwSession  *self,
                    ClwRecord   *record,
                    const char  *label,
                    GError     **error)
{
  g_return_val_if_fail (CLW_IS_SESSION (self), FALSE);
  g_return_val_if_fail (CLW_IS_RECORD (record), FALSE);

  if (!clw_database_begin (self->database, error))
    return FALSE;
  clw_database_set_change_label (self->database, label);
  if (!clw_record_delete (record, self->database, error))
    {
      clw_database_rollback (self->database);
      return FALSE;
    }
  return clw_database_commit (self->database, error);
}

char *
clw_session_dup_timing_warning (ClwSession *self,
                                const char *starts_at)
{
  g_autoptr(GDate) date = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (CLW_IS_SESSION (self), NULL);

  date = clw_date_parse (starts_at);
  if (date == NULL || !clw_qaif_is_winter_pressure (date))
    return NULL;

  day = clw_date_format_iso (date);
  {
    g_autofree char *shown = clw_date_format_display (day);

    return g_strdup_printf (_("%s falls in the winter pressure period (December to February). "
                              "The guidance asks collaboratives to meet outside it, at a time "
                              "agreed around the health board's planning: consider moving the meeting."),
                            shown);
  }
}
