/* clw-sync-peer.c: another copy this one syncs with, and where they stand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-sync"

#include "config.h"

#include "clw-enums.h"
#include "clw-sync-private.h"

G_DEFINE_FINAL_TYPE (ClwSyncPeer, clw_sync_peer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SCOPE,
  PROP_SCOPE_ID,
  PROP_SCOPE_NAME,
  PROP_MADE_AT,
  PROP_LAST_IMPORT_AT,
  PROP_LAST_IMPORT_AUTHOR,
  PROP_LAST_EXPORT_AT,
  PROP_N_PENDING,
  PROP_N_UNCONFIRMED,
  PROP_N_CONFLICTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clw_sync_peer_finalize (GObject *object)
{
  ClwSyncPeer *self = (ClwSyncPeer *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->scope_id);
  g_free (self->scope_name);
  g_free (self->made_at);
  g_free (self->last_import_at);
  g_free (self->last_import_author);
  g_free (self->last_export_at);

  G_OBJECT_CLASS (clw_sync_peer_parent_class)->finalize (object);
}

static void
clw_sync_peer_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ClwSyncPeer *self = CLW_SYNC_PEER (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_SCOPE: g_value_set_enum (value, self->scope); break;
    case PROP_SCOPE_ID: g_value_set_string (value, self->scope_id); break;
    case PROP_SCOPE_NAME: g_value_set_string (value, self->scope_name); break;
    case PROP_MADE_AT: g_value_set_string (value, self->made_at); break;
    case PROP_LAST_IMPORT_AT: g_value_set_string (value, self->last_import_at); break;
    case PROP_LAST_IMPORT_AUTHOR: g_value_set_string (value, self->last_import_author); break;
    case PROP_LAST_EXPORT_AT: g_value_set_string (value, self->last_export_at); break;
    case PROP_N_PENDING: g_value_set_uint (value, self->n_pending); break;
    case PROP_N_UNCONFIRMED: g_value_set_uint (value, self->n_unconfirmed); break;
    case PROP_N_CONFLICTS: g_value_set_uint (value, self->n_conflicts); break;
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
clw_sync_peer_class_init (ClwSyncPeerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clw_sync_peer_finalize;
  object_class->get_property = clw_sync_peer_get_property;

  properties[PROP_ID] = string_property ("id");
  properties[PROP_NAME] = string_property ("name");
  properties[PROP_SCOPE] =
    g_param_spec_enum ("scope", NULL, NULL, CLW_TYPE_SCOPE, CLW_SCOPE_ALL,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCOPE_ID] = string_property ("scope-id");
  properties[PROP_SCOPE_NAME] = string_property ("scope-name");
  properties[PROP_MADE_AT] = string_property ("made-at");
  properties[PROP_LAST_IMPORT_AT] = string_property ("last-import-at");
  properties[PROP_LAST_IMPORT_AUTHOR] = string_property ("last-import-author");
  properties[PROP_LAST_EXPORT_AT] = string_property ("last-export-at");
  properties[PROP_N_PENDING] = count_property ("n-pending");
  properties[PROP_N_UNCONFIRMED] = count_property ("n-unconfirmed");
  properties[PROP_N_CONFLICTS] = count_property ("n-conflicts");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clw_sync_peer_init (ClwSyncPeer *self)
{
}

const char *
clw_sync_peer_get_id (ClwSyncPeer *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_PEER (self), NULL);
  return self->id;
}

const char *
clw_sync_peer_get_name (ClwSyncPeer *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_PEER (self), NULL);
  return self->name;
}

ClwScope
clw_sync_peer_get_scope (ClwSyncPeer *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_PEER (self), CLW_SCOPE_ALL);
  return self->scope;
}

const char *
clw_sync_peer_get_scope_id (ClwSyncPeer *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_PEER (self), NULL);
  return self->scope_id;
}

const char *
clw_sync_peer_get_scope_name (ClwSyncPeer *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_PEER (self), NULL);
  return self->scope_name;
}

const char *
clw_sync_peer_get_made_at (ClwSyncPeer *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_PEER (self), NULL);
  return self->made_at;
}

const char *
clw_sync_peer_get_last_import_at (ClwSyncPeer *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_PEER (self), NULL);
  return self->last_import_at;
}

const char *
clw_sync_peer_get_last_import_author (ClwSyncPeer *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_PEER (self), NULL);
  return self->last_import_author;
}

const char *
clw_sync_peer_get_last_export_at (ClwSyncPeer *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_PEER (self), NULL);
  return self->last_export_at;
}

guint
clw_sync_peer_get_n_pending (ClwSyncPeer *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_PEER (self), 0);
  return self->n_pending;
}

guint
clw_sync_peer_get_n_unconfirmed (ClwSyncPeer *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_PEER (self), 0);
  return self->n_unconfirmed;
}

guint
clw_sync_peer_get_n_conflicts (ClwSyncPeer *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_PEER (self), 0);
  return self->n_conflicts;
}
