/* clw-dataset.h: a whole database, or part of it, as one XML document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format is documented in docs/dataset-format.md and its schema is
 * data/dataset.xsd. An import is all or nothing: a document that is not
 * well-formed, does not follow the schema or breaks a rule of the domain
 * changes nothing, and every problem is reported with its line.
 */

#pragma once

#include <gio/gio.h>

#include "clw-types.h"

G_BEGIN_DECLS

#define CLW_DATASET_NAMESPACE "https://clwstwr.github.io/ns/dataset/1"
#define CLW_DATASET_SCHEMA_RESOURCE "/io/github/clwstwr/Clwstwr/core/dataset.xsd"

typedef struct
{
  guint inserted;
  guint updated;
  guint unchanged;
} ClwImportCounts;

GBytes   *clw_dataset_export_bytes   (ClwDatabase       *db,
                                      ClwScope           scope,
                                      const char        *scope_id,
                                      GError           **error);
gboolean  clw_dataset_export         (ClwDatabase       *db,
                                      ClwScope           scope,
                                      const char        *scope_id,
                                      const char        *path,
                                      GError           **error);

/* Import @bytes; @filename names it in messages. @problems, when not NULL,
 * receives every problem found (ClwXmlProblem); @error summarises them. */
gboolean  clw_dataset_import_bytes   (ClwDatabase       *db,
                                      GBytes            *bytes,
                                      const char        *filename,
                                      ClwImportCounts   *counts,
                                      GPtrArray        **problems,
                                      GError           **error);
gboolean  clw_dataset_import         (ClwDatabase       *db,
                                      const char        *path,
                                      gsize              max_size,
                                      ClwImportCounts   *counts,
                                      GPtrArray        **problems,
                                      GError           **error);

/* Load the reference data shipped with Clwstwr: the Welsh health boards,
 * their clusters and the QAIF cycles with their indicators. */
gboolean  clw_dataset_load_reference (ClwDatabase       *db,
                                      GError           **error);

G_END_DECLS
