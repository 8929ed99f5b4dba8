/* clw-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clw-error.h"

G_DEFINE_QUARK (clw-db-error-quark, clw_db_error)
G_DEFINE_QUARK (clw-domain-error-quark, clw_domain_error)
G_DEFINE_QUARK (clw-import-error-quark, clw_import_error)
G_DEFINE_QUARK (clw-sync-error-quark, clw_sync_error)
