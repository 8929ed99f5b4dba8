/* clw-sync-status.c: where this copy stands with the copies it syncs with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-enums.h"
#include "clw-sync-private.h"
#include "clw-record.h"

G_DEFINE_FINAL_TYPE (ClwSyncStatus, clw_sync_status, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE_ID,
  PROP_NAME,
  PROP_SCOPE,
  PROP_SCOPE_ID,
  PROP_LAST_SYNC_AT,
  PROP_LAST_SYNC_PEER,
  PROP_N_PENDING,
  PROP_N_UNCONFIRMED,
  PROP_N_CONFLICTS,
  PROP_PEERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clw_sync_status_dispose (GObject *object)
{
  ClwSyncStatus *self = (ClwSyncStatus *) object;

  g_clear_object (&self->peers);

  G_OBJECT_CLASS (clw_sync_status_parent_class)->dispose (object);
}

static void
clw_sync_status_finalize (GObject *object)
{
  ClwSyncStatus *self = (ClwSyncStatus *) object;

  g_free (self->database_id);
  g_free (self->name);
  g_free (self->scope_id);
  g_free (self->last_sync_at);
  g_free (self->last_sync_peer);

  G_OBJECT_CLASS (clw_sync_status_parent_class)->finalize (object);
}

static void
clw_sync_status_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ClwSyncStatus *self = CLW_SYNC_STATUS (object);

  switch (prop_id)
    {
    case PROP_DATABASE_ID: g_value_set_string (value, self->database_id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_SCOPE: g_value_set_enum (value, self->scope); break;
    case PROP_SCOPE_ID: g_value_set_string (value, self->scope_id); break;
    case PROP_LAST_SYNC_AT: g_value_set_string (value, self->last_sync_at); break;
    case PROP_LAST_SYNC_PEER: g_value_set_string (value, self->last_sync_peer); break;
    case PROP_N_PENDING: g_value_set_uint (value, self->n_pending); break;
    case PROP_N_UNCONFIRMED: g_value_set_uint (value, self->n_unconfirmed); break;
    case PROP_N_CONFLICTS: g_value_set_uint (value, self->n_conflicts); break;
    case PROP_PEERS: g_value_set_object (value, self->peers); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
count_property (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
clw_sync_status_class_init (ClwSyncStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = clw_sync_status_dispose;
  object_class->finalize = clw_sync_status_finalize;
  object_class->get_property = clw_sync_status_get_property;

  properties[PROP_DATABASE_ID] = string_property ("database-id");
  properties[PROP_NAME] = string_property ("name");
  properties[PROP_SCOPE] =
    g_param_spec_enum ("scope", NULL, NULL, CLW_TYPE_SCOPE, CLW_SCOPE_ALL,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCOPE_ID] = string_property ("scope-id");
  properties[PROP_LAST_SYNC_AT] = string_property ("last-sync-at");
  properties[PROP_LAST_SYNC_PEER] = string_property ("last-sync-peer");
  properties[PROP_N_PENDING] = count_property ("n-pending");
  properties[PROP_N_UNCONFIRMED] = count_property ("n-unconfirmed");
  properties[PROP_N_CONFLICTS] = count_property ("n-conflicts");
  properties[PROP_PEERS] =
    g_param_spec_object ("peers", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clw_sync_status_init (ClwSyncStatus *self)
{
  self->peers = g_list_store_new (CLW_TYPE_SYNC_PEER);
}

const char *
clw_sync_status_get_database_id (ClwSyncStatus *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_STATUS (self), NULL);
  return self->database_id;
}

const char *
clw_sync_status_get_name (ClwSyncStatus *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_STATUS (self), NULL);
  return self->name;
}

ClwScope
clw_sync_status_get_scope (ClwSyncStatus *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_STATUS (self), CLW_SCOPE_ALL);
  return self->scope;
}

const char *
clw_sync_status_get_scope_id (ClwSyncStatus *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_STATUS (self), NULL);
  return self->scope_id;
}

const char *
clw_sync_status_get_last_sync_at (ClwSyncStatus *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_STATUS (self), NULL);
  return self->last_sync_at;
}

const char *
clw_sync_status_get_last_sync_peer (ClwSyncStatus *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_STATUS (self), NULL);
  return self->last_sync_peer;
}

guint
clw_sync_status_get_n_pending (ClwSyncStatus *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_STATUS (self), 0);
  return self->n_pending;
}

guint
clw_sync_status_get_n_unconfirmed (ClwSyncStatus *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_STATUS (self), 0);
  return self->n_unconfirmed;
}

guint
clw_sync_status_get_n_conflicts (ClwSyncStatus *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_STATUS (self), 0);
  return self->n_conflicts;
}

GListModel *
clw_sync_status_get_peers (ClwSyncStatus *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_STATUS (self), NULL);
  return G_LIST_MODEL (self->peers);
}

/* "2022-03-01T14:05:09.123Z" as "1 Mar 2022 at 14:05", local time. */
static char *
format_timestamp (const char *timestamp)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (timestamp, NULL);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (utc == NULL)
    return g_strdup (timestamp);

  local = g_date_time_to_local (utc);
  date = g_date_time_format (local, "%Y-%m-%d");
  time = g_date_time_format (local, "%H:%M");
  {
    g_autofree char *display = clw_date_format_display (date);
    /* Translators: a date and a time, "1 Mar 2022 at 14:05" */
    return g_strdup_printf (_("%s at %s"), display, time);
  }
}

char *
clw_sync_status_dup_summary (ClwSyncStatus *self)
{
  g_autoptr(GString) summary = g_string_new (NULL);

  g_return_val_if_fail (CLW_IS_SYNC_STATUS (self), NULL);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->peers)) == 0)
    return g_strdup (_("Not synced: there is no copy of this database to sync with."));

  if (self->last_sync_at != NULL)
    {
      g_autofree char *when = format_timestamp (self->last_sync_at);
      g_string_append_printf (summary, _("Last synced with %s on %s"), self->last_sync_peer, when);
    }
  else
    g_string_append (summary, _("Never synced yet"));

  if (self->n_pending > 0)
    {
      g_string_append (summary, "; ");
      g_string_append_printf (summary,
                              ngettext ("%u change waiting to go out",
                                        "%u changes waiting to go out", self->n_pending),
                              self->n_pending);
    }
  else
    {
      g_string_append (summary, "; ");
      g_string_append (summary, _("nothing waiting to go out"));
    }

  if (self->n_conflicts > 0)
    {
      g_string_append (summary, "; ");
      g_string_append_printf (summary,
                              ngettext ("%u conflict to resolve", "%u conflicts to resolve",
                                        self->n_conflicts),
                              self->n_conflicts);
    }

  g_string_append_c (summary, '.');
  return g_string_free (g_steal_pointer (&summary), FALSE);
}
