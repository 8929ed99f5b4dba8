/* clw-opener.h: opening a database, and its first report, in a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "clw-core.h"
#include "clw-qaif.h"

G_BEGIN_DECLS

#define CLW_TYPE_OPENER (clw_opener_get_type ())

G_DECLARE_FINAL_TYPE (ClwOpener, clw_opener, CLW, OPENER, GObject)

typedef enum
{
  CLW_OPEN_EXISTING,   /* a database of the user's */
  CLW_OPEN_NEW,        /* a new file, with the reference data */
  CLW_OPEN_DEMO,       /* the demo data, generated the first time */
} ClwOpenMode;

/* Start opening @path at once, in a worker thread: the cheap checks, the
 * migration if one is needed, then the all-Wales report of @cycle_code
 * (NULL, or a cycle the database does not know: today's) on the same
 * connection. SQLite's full integrity check is left for later
 * (clw_database_verify_async()). */
ClwOpener   *clw_opener_new         (const char           *path,
                                     ClwOpenMode           mode,
                                     const char           *cycle_code);

const char  *clw_opener_get_path    (ClwOpener            *self);
ClwOpenMode  clw_opener_get_mode    (ClwOpener            *self);
gboolean     clw_opener_is_done     (ClwOpener            *self);
/* Give up: the result, when it comes, is thrown away. */
void         clw_opener_cancel      (ClwOpener            *self);

/* Wait for the opening to end (at once if it has). */
void         clw_opener_wait_async  (ClwOpener            *self,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
/* The database, and the cycle and report worked out with it (@report is
 * NULL when the report could not be evaluated: evaluate it again). */
ClwDatabase *clw_opener_wait_finish (ClwOpener            *self,
                                     GAsyncResult         *result,
                                     char                **cycle_code,
                                     ClwQaifReport       **report,
                                     GError              **error);

G_END_DECLS
