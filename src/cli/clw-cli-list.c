/* clw-cli-list.c: list health-boards|clusters|practices|meetings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clwstwr-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clw-cli.h"

typedef enum
{
  LIST_HEALTH_BOARDS,
  LIST_CLUSTERS,
  LIST_PRACTICES,
  LIST_MEETINGS,
} ListKind;

static const char *kinds[] = { "health-boards", "clusters", "practices", "meetings" };

/* What every listing needs to know of the structure. */
typedef struct
{
  GListStore *boards;
  GListStore *clusters;
  GHashTable *board_by_id;     /* id -> ClwHealthBoard, borrowed */
  GHashTable *cluster_by_id;   /* id -> ClwCluster, borrowed */
} Structure;

static void
structure_clear (Structure *s)
{
  g_clear_pointer (&s->board_by_id, g_hash_table_unref);
  g_clear_pointer (&s->cluster_by_id, g_hash_table_unref);
  g_clear_object (&s->boards);
  g_clear_object (&s->clusters);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Structure, structure_clear)

static GHashTable *
index_by_id (GListStore *store)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      ClwRecord *record = g_list_model_get_item (G_LIST_MODEL (store), i);
      /* The store keeps the record alive. */
      g_object_unref (record);
      g_hash_table_insert (index, (gpointer) clw_record_get_id (record), record);
    }

  return index;
}

static int
compare_cluster_codes (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  return g_strcmp0 (clw_cluster_get_code ((ClwCluster *) a), clw_cluster_get_code ((ClwCluster *) b));
}

static gboolean
load_structure (ClwDatabase  *db,
                Structure    *s,
                GError      **error)
{
  s->boards = clw_record_list (db, CLW_TYPE_HEALTH_BOARD, NULL, NULL, error);
  if (s->boards == NULL)
    return FALSE;
  s->clusters = clw_record_list (db, CLW_TYPE_CLUSTER, NULL, NULL, error);
  if (s->clusters == NULL)
    return FALSE;
  g_list_store_sort (s->clusters, compare_cluster_codes, NULL);

  s->board_by_id = index_by_id (s->boards);
  s->cluster_by_id = index_by_id (s->clusters);
  return TRUE;
}

static const char *
board_short_name (Structure  *s,
                  const char *board_id)
{
  ClwHealthBoard *board = g_hash_table_lookup (s->board_by_id, board_id);

  if (board == NULL)
    return "";
  return clw_health_board_get_short_name (board) != NULL ? clw_health_board_get_short_name (board)
                                                         : clw_health_board_get_name (board);
}

/* Whether a cluster is in the scope asked for. */
static gboolean
cluster_in_scope (Structure  *s,
                  const char *cluster_id,
                  ClwScope    scope,
                  const char *scope_id)
{
  ClwCluster *cluster;

  switch (scope)
    {
    case CLW_SCOPE_CLUSTER:
      return g_strcmp0 (cluster_id, scope_id) == 0;
    case CLW_SCOPE_HEALTH_BOARD:
      cluster = g_hash_table_lookup (s->cluster_by_id, cluster_id);
      return cluster != NULL && g_strcmp0 (clw_cluster_get_health_board_id (cluster), scope_id) == 0;
    case CLW_SCOPE_ALL:
    case CLW_SCOPE_PRACTICE:
    default:
      return TRUE;
    }
}

static char *
format_int (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* Practices per cluster. */
static GHashTable *
count_practices (GListStore *practices)
{
  GHashTable *counts = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (practices));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwPractice) practice = g_list_model_get_item (G_LIST_MODEL (practices), i);
      const char *cluster_id = clw_practice_get_cluster_id (practice);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, cluster_id));

      /* The ids live as long as the store. */
      g_hash_table_insert (counts, (gpointer) cluster_id, GUINT_TO_POINTER (count + 1));
    }

  return counts;
}

static ClwCliTable *
list_health_boards (ClwDatabase  *db,
                    Structure    *s,
                    ClwScope      scope,
                    const char   *scope_id,
                    GError      **error)
{
  static const ClwCliColumn columns[] = {
    { "id", N_("Id"), FALSE },
    { "code", N_("Code"), FALSE },
    { "name", N_("Name"), FALSE },
    { "short_name", N_("Short name"), FALSE },
    { "cluster_term", N_("Clusters are called"), FALSE },
    { "clusters", N_("Clusters"), TRUE },
    { "practices", N_("Practices"), TRUE },
  };
  g_autoptr(ClwCliTable) table = clw_cli_table_new (columns, G_N_ELEMENTS (columns));
  g_autoptr(GListStore) practices = NULL;
  g_autoptr(GHashTable) per_cluster = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (s->boards));
  guint n_clusters = g_list_model_get_n_items (G_LIST_MODEL (s->clusters));

  practices = clw_record_list (db, CLW_TYPE_PRACTICE, NULL, NULL, error);
  if (practices == NULL)
    return NULL;
  per_cluster = count_practices (practices);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwHealthBoard) board = g_list_model_get_item (G_LIST_MODEL (s->boards), i);
      const char *id = clw_record_get_id (CLW_RECORD (board));
      g_autofree char *clusters_text = NULL;
      g_autofree char *practices_text = NULL;
      guint clusters = 0, practice_count = 0;

      if (scope == CLW_SCOPE_HEALTH_BOARD && g_strcmp0 (id, scope_id) != 0)
        continue;
      if (scope == CLW_SCOPE_CLUSTER)
        {
          ClwCluster *cluster = g_hash_table_lookup (s->cluster_by_id, scope_id);
          if (cluster == NULL || g_strcmp0 (clw_cluster_get_health_board_id (cluster), id) != 0)
            continue;
        }

      for (guint c = 0; c < n_clusters; c++)
        {
          g_autoptr(ClwCluster) cluster = g_list_model_get_item (G_LIST_MODEL (s->clusters), c);
          if (g_strcmp0 (clw_cluster_get_health_board_id (cluster), id) == 0)
            {
              clusters++;
              practice_count += GPOINTER_TO_UINT (g_hash_table_lookup (per_cluster,
                                                                       clw_record_get_id (CLW_RECORD (cluster))));
            }
        }

      clusters_text = format_int (clusters);
      practices_text = format_int (practice_count);
      clw_cli_table_add_row (table, (const char *[]) {
                               id,
                               clw_health_board_get_code (board),
                               clw_health_board_get_name (board),
                               clw_health_board_get_short_name (board),
                               clw_health_board_get_cluster_term (board),
                               clusters_text,
                               practices_text,
                             });
    }

  return g_steal_pointer (&table);
}

static ClwCliTable *
list_clusters (ClwDatabase  *db,
               Structure    *s,
               ClwScope      scope,
               const char   *scope_id,
               GError      **error)
{
  static const ClwCliColumn columns[] = {
    { "id", N_("Id"), FALSE },
    { "code", N_("Code"), FALSE },
    { "name", N_("Name"), FALSE },
    { "name_cy", N_("Welsh name"), FALSE },
    { "health_board", N_("Health board"), FALSE },
    { "practices", N_("Practices"), TRUE },
  };
  g_autoptr(ClwCliTable) table = clw_cli_table_new (columns, G_N_ELEMENTS (columns));
  g_autoptr(GListStore) practices = NULL;
  g_autoptr(GHashTable) per_cluster = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (s->clusters));

  practices = clw_record_list (db, CLW_TYPE_PRACTICE, NULL, NULL, error);
  if (practices == NULL)
    return NULL;
  per_cluster = count_practices (practices);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwCluster) cluster = g_list_model_get_item (G_LIST_MODEL (s->clusters), i);
      const char *id = clw_record_get_id (CLW_RECORD (cluster));
      g_autofree char *practices_text = NULL;

      if (!cluster_in_scope (s, id, scope, scope_id))
        continue;

      practices_text = format_int (GPOINTER_TO_UINT (g_hash_table_lookup (per_cluster, id)));
      clw_cli_table_add_row (table, (const char *[]) {
                               id,
                               clw_cluster_get_code (cluster),
                               clw_cluster_get_name (cluster),
                               clw_cluster_get_name_cy (cluster),
                               board_short_name (s, clw_cluster_get_health_board_id (cluster)),
                               practices_text,
                             });
    }

  return g_steal_pointer (&table);
}

static int
compare_practices (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  Structure *s = user_data;
  ClwCluster *ca = g_hash_table_lookup (s->cluster_by_id, clw_practice_get_cluster_id ((ClwPractice *) a));
  ClwCluster *cb = g_hash_table_lookup (s->cluster_by_id, clw_practice_get_cluster_id ((ClwPractice *) b));
  int order = g_strcmp0 (ca != NULL ? clw_cluster_get_code (ca) : NULL,
                         cb != NULL ? clw_cluster_get_code (cb) : NULL);

  return order != 0 ? order : g_strcmp0 (clw_practice_get_code ((ClwPractice *) a),
                                         clw_practice_get_code ((ClwPractice *) b));
}

static ClwCliTable *
list_practices (ClwDatabase   *db,
                Structure     *s,
                ClwScope       scope,
                const char    *scope_id,
                ClwCliFormat   format,
                GError       **error)
{
  static const ClwCliColumn columns[] = {
    { "id", N_("Id"), FALSE },
    { "code", N_("Code"), FALSE },
    { "name", N_("Name"), FALSE },
    { "cluster", N_("Cluster"), FALSE },
    { "health_board", N_("Health board"), FALSE },
    { "partners", N_("Partners"), TRUE },
    { "list_size", N_("List size"), TRUE },
    { "sustainability_issues", N_("Sustainability issues"), FALSE },
    { "branch_surgeries", N_("Branches"), TRUE },
  };
  g_autoptr(ClwCliTable) table = clw_cli_table_new (columns, G_N_ELEMENTS (columns));
  g_autoptr(GListStore) practices = NULL;
  guint n;

  if (scope == CLW_SCOPE_CLUSTER)
    {
      const char *params[] = { scope_id, NULL };
      practices = clw_record_list (db, CLW_TYPE_PRACTICE, "cluster_id = ?", params, error);
    }
  else
    practices = clw_record_list (db, CLW_TYPE_PRACTICE, NULL, NULL, error);
  if (practices == NULL)
    return NULL;
  g_list_store_sort (practices, compare_practices, s);

  n = g_list_model_get_n_items (G_LIST_MODEL (practices));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwPractice) practice = g_list_model_get_item (G_LIST_MODEL (practices), i);
      ClwCluster *cluster = g_hash_table_lookup (s->cluster_by_id, clw_practice_get_cluster_id (practice));
      g_autofree char *partners = NULL;
      g_autofree char *list_size = NULL;
      g_autofree char *branches = NULL;
      gboolean issues = clw_practice_get_sustainability_issues (practice);

      if (!cluster_in_scope (s, clw_practice_get_cluster_id (practice), scope, scope_id))
        continue;

      partners = format_int (clw_practice_get_partners (practice));
      list_size = format_int (clw_practice_get_list_size (practice));
      branches = format_int (clw_practice_get_branch_surgeries (practice));
      clw_cli_table_add_row (table, (const char *[]) {
                               clw_record_get_id (CLW_RECORD (practice)),
                               clw_practice_get_code (practice),
                               clw_practice_get_name (practice),
                               cluster != NULL ? clw_cluster_get_code (cluster) : "",
                               cluster != NULL ? board_short_name (s, clw_cluster_get_health_board_id (cluster)) : "",
                               partners,
                               list_size,
                               format == CLW_CLI_FORMAT_CSV ? (issues ? "true" : "false")
                                                            : (issues ? _("yes") : ""),
                               branches,
                             });
    }

  return g_steal_pointer (&table);
}

static ClwCycle *
find_cycle_of (GListStore *cycles,
               const char *date)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (cycles));

  for (guint i = 0; i < n; i++)
    {
      ClwCycle *cycle = g_list_model_get_item (G_LIST_MODEL (cycles), i);

      g_object_unref (cycle);  /* the store keeps it */
      if (strcmp (date, clw_cycle_get_starts_on (cycle)) >= 0 &&
          strcmp (date, clw_cycle_get_ends_on (cycle)) <= 0)
        return cycle;
    }

  return NULL;
}

static ClwCliTable *
list_meetings (ClwDatabase   *db,
               Structure     *s,
               ClwScope       scope,
               const char    *scope_id,
               const char    *cycle_code,
               ClwCliFormat   format,
               GError       **error)
{
  static const ClwCliColumn columns[] = {
    { "id", N_("Id"), FALSE },
    { "cluster", N_("Cluster"), FALSE },
    { "collaborative", N_("Collaborative"), FALSE },
    { "cycle", N_("Cycle"), FALSE },
    { "starts_at", N_("Date and time"), FALSE },
    { "status", N_("Status"), FALSE },
    { "place", N_("Place"), FALSE },
  };
  g_autoptr(ClwCliTable) table = clw_cli_table_new (columns, G_N_ELEMENTS (columns));
  g_autoptr(GListStore) collaboratives = NULL;
  g_autoptr(GListStore) cycles = NULL;
  g_autoptr(GListStore) meetings = NULL;
  g_autoptr(GHashTable) collaborative_by_id = NULL;
  ClwCycle *only = NULL;
  guint n;

  collaboratives = clw_record_list (db, CLW_TYPE_COLLABORATIVE, NULL, NULL, error);
  if (collaboratives == NULL)
    return NULL;
  collaborative_by_id = index_by_id (collaboratives);

  cycles = clw_record_list (db, CLW_TYPE_CYCLE, NULL, NULL, error);
  if (cycles == NULL)
    return NULL;

  if (cycle_code != NULL)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (cycles));
      for (guint i = 0; i < n && only == NULL; i++)
        {
          ClwCycle *cycle = g_list_model_get_item (G_LIST_MODEL (cycles), i);
          g_object_unref (cycle);
          if (g_strcmp0 (clw_cycle_get_code (cycle), cycle_code) == 0)
            only = cycle;
        }
      if (only == NULL)
        {
          g_autoptr(GString) known = g_string_new (NULL);

          for (guint i = 0; i < n; i++)
            {
              g_autoptr(ClwCycle) cycle = g_list_model_get_item (G_LIST_MODEL (cycles), i);
              g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", clw_cycle_get_code (cycle));
            }
          g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
                       _("There is no QAIF cycle “%s”; the database knows %s."),
                       cycle_code, known->len > 0 ? known->str : _("none"));
          return NULL;
        }
    }

  if (only != NULL)
    {
      g_autofree char *from = g_strconcat (clw_cycle_get_starts_on (only), "T00:00", NULL);
      g_autofree char *to = g_strconcat (clw_cycle_get_ends_on (only), "T23:59", NULL);
      const char *params[] = { from, to, NULL };

      meetings = clw_record_list (db, CLW_TYPE_MEETING, "starts_at BETWEEN ? AND ?", params, error);
    }
  else
    meetings = clw_record_list (db, CLW_TYPE_MEETING, NULL, NULL, error);
  if (meetings == NULL)
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (meetings));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (meetings), i);
      ClwCollaborative *collaborative = g_hash_table_lookup (collaborative_by_id,
                                                             clw_meeting_get_collaborative_id (meeting));
      const char *cluster_id = collaborative != NULL ? clw_collaborative_get_cluster_id (collaborative) : NULL;
      ClwCluster *cluster = cluster_id != NULL ? g_hash_table_lookup (s->cluster_by_id, cluster_id) : NULL;
      const char *starts_at = clw_meeting_get_starts_at (meeting);
      g_autofree char *date = g_strndup (starts_at, 10);
      g_autofree char *when = NULL;
      ClwCycle *cycle = find_cycle_of (cycles, date);
      ClwMeetingStatus status = clw_meeting_get_status (meeting);

      if (!cluster_in_scope (s, cluster_id, scope, scope_id))
        continue;

      /* "2023-03-14 12:30" reads better than the ISO form in a terminal. */
      when = format == CLW_CLI_FORMAT_CSV ? g_strdup (starts_at) : g_strdelimit (g_strdup (starts_at), "T", ' ');
      clw_cli_table_add_row (table, (const char *[]) {
                               clw_record_get_id (CLW_RECORD (meeting)),
                               cluster != NULL ? clw_cluster_get_code (cluster) : "",
                               collaborative != NULL ? clw_collaborative_get_name (collaborative) : "",
                               cycle != NULL ? clw_cycle_get_code (cycle) : "",
                               when,
                               format == CLW_CLI_FORMAT_CSV ? clw_enum_to_nick (CLW_TYPE_MEETING_STATUS, status)
                                                            : clw_meeting_status_to_label (status),
                               clw_meeting_get_place (meeting),
                             });
    }

  return g_steal_pointer (&table);
}

int
clw_cli_list (const ClwCliGlobals  *globals,
              int                   argc,
              char                **argv,
              GError              **error)
{
  g_autoptr(ClwDatabase) db = NULL;
  g_autoptr(ClwCliTable) table = NULL;
  g_auto(Structure) structure = { 0 };
  g_autofree char *health_board = NULL;
  g_autofree char *cluster = NULL;
  g_autofree char *cycle = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *scope_id = NULL;
  g_autofree char *text = NULL;
  ClwCliFormat format;
  ClwScope scope;
  ListKind kind = LIST_HEALTH_BOARDS;
  gboolean found = FALSE;
  GOptionEntry entries[] = {
    { "health-board", 0, 0, G_OPTION_ARG_STRING, &health_board, N_("Only this health board (id or code)"), N_("ID") },
    { "cluster", 0, 0, G_OPTION_ARG_STRING, &cluster, N_("Only this cluster (id or code)"), N_("ID") },
    { "cycle", 0, 0, G_OPTION_ARG_STRING, &cycle, N_("Meetings only: those of this QAIF cycle (as 2021-22)"), N_("CODE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("text (the default) or csv"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of the standard output"), N_("FILE") },
    { NULL }
  };

  if (!clw_cli_parse_options ("list", "health-boards|clusters|practices|meetings",
                              _("List the health boards, clusters, practices or meetings, as an aligned "
                                "table or as CSV (RFC 4180, a header row, the id in the first column). "
                                "--health-board and --cluster take an id or a code."),
                              entries, &argc, &argv, error))
    return 2;

  if (argc != 2)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   argc < 2 ? _("Say what to list: health-boards, clusters, practices or meetings.")
                            : _("List one thing at a time: health-boards, clusters, practices or meetings."));
      return 2;
    }

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (argv[1], kinds[i]))
      {
        kind = (ListKind) i;
        found = TRUE;
      }
  if (!found)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Cannot list “%s”: say health-boards, clusters, practices or meetings."), argv[1]);
      return 2;
    }

  if (!clw_cli_parse_format (format_name, FALSE, &format, error))
    return 2;

  if (cycle != NULL && kind != LIST_MEETINGS)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--cycle applies to meetings only."));
      return 2;
    }
  if (health_board != NULL && cluster != NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Give --health-board or --cluster, not both."));
      return 2;
    }

  db = clw_cli_open_database (globals, FALSE, error);
  if (db == NULL ||
      !clw_cli_resolve_scope (db, health_board, cluster, NULL, &scope, &scope_id, error) ||
      !load_structure (db, &structure, error))
    return 1;

  switch (kind)
    {
    case LIST_HEALTH_BOARDS:
      table = list_health_boards (db, &structure, scope, scope_id, error);
      break;
    case LIST_CLUSTERS:
      table = list_clusters (db, &structure, scope, scope_id, error);
      break;
    case LIST_PRACTICES:
      table = list_practices (db, &structure, scope, scope_id, format, error);
      break;
    case LIST_MEETINGS:
    default:
      table = list_meetings (db, &structure, scope, scope_id, cycle, format, error);
      break;
    }
  if (table == NULL)
    return 1;

  text = format == CLW_CLI_FORMAT_CSV ? clw_cli_table_to_csv (table) : clw_cli_table_to_text (table);
  return clw_cli_write_output (output, text, strlen (text), error) ? 0 : 1;
}
