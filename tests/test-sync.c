/* test-sync.c: copies for meetings, bundles, conflicts, convergence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixture is a health board's database (M) with one cluster's
 * collaborative, practices, meetings, agenda, actions, attendance, a buddy
 * arrangement, evidence with a file and an IMTP contribution, and a copy
 * of that cluster made for a meeting (L, the cluster lead's laptop).
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "clw-dataset.h"
#include "clw-sync-bench.h"
#include "clw-sync-private.h"
#include "clw-test-util.h"

typedef struct
{
  ClwDatabase *m;            /* the health board's database */
  ClwDatabase *l;            /* the meeting copy */
  char        *m_path;
  char        *l_path;
  char        *cluster;
  char        *other_cluster;
  char        *cycle;
  char        *indicator;
  char        *collaborative;
  char        *p_small;
  char        *p_big;
  char        *p_mid;
  char        *p_other;      /* a practice of another cluster */
  char        *meeting;
  char        *meeting2;
  char        *agenda;
  char        *action;
  char        *attendance;
  char        *buddy;
  char        *evidence;
  char        *evidence_sha;
  char        *contribution;
  char        *section;
  char        *workforce;
  guint        n_bundles;

  /* Made by diverge(). */
  char        *action_m;
  char        *action_l;
  char        *att_m;
  char        *att_l;
  char        *buddy2;
  char        *evidence2;
  char        *evidence2_sha;
} Fixture;

/* Rows ------------------------------------------------------------------------ */

static void
set_columns (ClwRecord *record,
             va_list    args)
{
  const char *property;

  while ((property = va_arg (args, const char *)) != NULL)
    {
      const char *text = va_arg (args, const char *);
      const ClwColumn *column = clw_record_class_find_column (CLW_RECORD_GET_CLASS (record), property);
      g_autoptr(GError) error = NULL;

      ck_assert_msg (column != NULL, "no column %s", property);
      clw_record_set_from_string (record, column, text, &error);
      ck_assert_no_error (error);
    }
}

static char *insert_row (ClwDatabase *db, GType type, ...) G_GNUC_NULL_TERMINATED;

static char *
insert_row (ClwDatabase *db,
            GType        type,
            ...)
{
  g_autoptr(ClwRecord) record = clw_record_new (type);
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, type);
  set_columns (record, args);
  va_end (args);

  clw_record_insert (record, db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);
  return g_strdup (clw_record_get_id (record));
}

static void update_row (ClwDatabase *db, GType type, const char *id, ...) G_GNUC_NULL_TERMINATED;

static void
update_row (ClwDatabase *db,
            GType        type,
            const char  *id,
            ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwRecord) record = clw_record_load (db, type, id, &error);
  va_list args;

  ck_assert_no_error (error);
  va_start (args, id);
  set_columns (record, args);
  va_end (args);

  clw_record_update (record, db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);
}

static void
delete_row (ClwDatabase *db,
            GType        type,
            const char  *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwRecord) record = clw_record_load (db, type, id, &error);

  ck_assert_no_error (error);
  clw_record_delete (record, db, &error);
  ck_assert_no_error (error);
}

/* The text of a column, or NULL when the row is not there. */
static char *
get_text (ClwDatabase *db,
          GType        type,
          const char  *id,
          const char  *property)
{
  g_autoptr(ClwRecord) record = clw_record_load (db, type, id, NULL);

  if (record == NULL)
    return NULL;
  return clw_record_dup_string (record,
                                clw_record_class_find_column (CLW_RECORD_GET_CLASS (record), property));
}

#define ck_assert_text(db, type, id, property, expected) \
  G_STMT_START { \
    g_autofree char *_t = get_text ((db), (type), (id), (property)); \
    ck_assert_msg (g_strcmp0 (_t, (expected)) == 0, "%s of %s: “%s”, expected “%s”", \
                   (property), (id), _t ? _t : "(no row)", (expected) ? (expected) : "(null)"); \
  } G_STMT_END

/* The fixture ---------------------------------------------------------------------- */

static char *
query (ClwDatabase *db,
       const char  *sql)
{
  char *text = clw_test_query_string (db, sql);

  ck_assert_msg (text != NULL, "nothing for %s", sql);
  return text;
}

static ClwDatabase *
open_database (const char *path,
               const char *user)
{
  g_autoptr(GError) error = NULL;
  ClwDatabase *db = clw_database_open (path, CLW_DATABASE_OPEN_DEFAULT, &error);

  ck_assert_no_error (error);
  clw_database_set_user (db, user);
  return db;
}

static void
fixture_init (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwAttachmentStore) store = NULL;
  g_autoptr(GBytes) file = g_bytes_new_static ("Peer review notes, March 2022\n", 30);
  g_autoptr(ClwSyncReport) report = NULL;

  memset (f, 0, sizeof *f);
  f->m_path = clw_test_path ("board/clwstwr.db");
  f->l_path = clw_test_path ("laptop/meeting.db");

  f->m = clw_database_open (f->m_path, CLW_DATABASE_OPEN_CREATE, &error);
  ck_assert_no_error (error);
  clw_dataset_load_reference (f->m, &error);
  ck_assert_no_error (error);
  clw_database_set_user (f->m, "Health Board Team");

  f->cluster = query (f->m, "SELECT id FROM cluster ORDER BY code LIMIT 1");
  f->other_cluster = query (f->m, "SELECT id FROM cluster ORDER BY code LIMIT 1 OFFSET 1");
  f->cycle = query (f->m, "SELECT id FROM cycle WHERE code = '2021-22'");
  f->indicator = query (f->m, "SELECT id FROM indicator WHERE code = 'CND014W' ORDER BY id LIMIT 1");

  {
    g_autofree char *sql = g_strdup_printf ("SELECT id FROM collaborative WHERE cluster_id = '%s' "
                                            "AND profession = 'gp'", f->cluster);
    f->collaborative = query (f->m, sql);
  }
  f->p_small = insert_row (f->m, CLW_TYPE_PRACTICE, "cluster-id", f->cluster, "code", "W10001",
                           "name", "Small Surgery", "partners", "2", "list-size", "3000", NULL);
  f->p_big = insert_row (f->m, CLW_TYPE_PRACTICE, "cluster-id", f->cluster, "code", "W10002",
                         "name", "Big Surgery", "partners", "8", "list-size", "12000", NULL);
  f->p_mid = insert_row (f->m, CLW_TYPE_PRACTICE, "cluster-id", f->cluster, "code", "W10003",
                         "name", "Middle Surgery", "partners", "5", "list-size", "9000", NULL);
  f->p_other = insert_row (f->m, CLW_TYPE_PRACTICE, "cluster-id", f->other_cluster, "code", "W20001",
                           "name", "Elsewhere Surgery", "partners", "4", "list-size", "7000", NULL);

  f->meeting = insert_row (f->m, CLW_TYPE_MEETING, "collaborative-id", f->collaborative,
                           "starts-at", "2022-03-01T14:00", "place", "Tenby", "status", "planned", NULL);
  f->meeting2 = insert_row (f->m, CLW_TYPE_MEETING, "collaborative-id", f->collaborative,
                            "starts-at", "2022-06-07T14:00", "place", "Narberth", "status", "planned", NULL);
  f->agenda = insert_row (f->m, CLW_TYPE_AGENDA_ITEM, "meeting-id", f->meeting, "section", "decision",
                          "position", "1", "title", "Cluster plan", NULL);
  f->action = insert_row (f->m, CLW_TYPE_ACTION_ITEM, "meeting-id", f->meeting,
                          "description", "Send the demand and capacity figures", "owner", "Dr Jones",
                          "due-on", "2022-03-31", "status", "open", NULL);
  f->attendance = insert_row (f->m, CLW_TYPE_ATTENDANCE, "meeting-id", f->meeting, "practice-id", f->p_big,
                              "status", "attended", "representative-name", "Dr Evans",
                              "representative-role", "clinical-partner", NULL);
  f->buddy = insert_row (f->m, CLW_TYPE_BUDDY_ARRANGEMENT, "small-practice-id", f->p_small,
                         "buddy-practice-id", f->p_big, "starts-on", "2022-01-01", "status", "requested",
                         "requested-on", "2021-12-01", NULL);

  store = clw_attachment_store_new (f->m_path);
  f->evidence_sha = clw_attachment_store_add_bytes (store, file, NULL, &error);
  ck_assert_no_error (error);
  f->evidence = insert_row (f->m, CLW_TYPE_EVIDENCE, "kind", "peer-review", "title", "Peer review",
                            "evidence-on", "2022-03-01", "practice-id", f->p_small,
                            "original-name", "peer-review.txt", "size", "30", "sha256", f->evidence_sha, NULL);
  f->contribution = insert_row (f->m, CLW_TYPE_IMTP_CONTRIBUTION, "practice-id", f->p_small,
                                "cycle-id", f->cycle, "status", "draft", NULL);
  f->section = insert_row (f->m, CLW_TYPE_IMTP_SECTION, "contribution-id", f->contribution,
                           "kind", "workforce", "status", "in-progress", "body", "Two partners", NULL);
  f->workforce = insert_row (f->m, CLW_TYPE_IMTP_WORKFORCE, "contribution-id", f->contribution,
                             "role", "gps", "headcount", "2", "wte", "1.5", NULL);

  report = clw_sync_make_copy (f->m, CLW_SCOPE_CLUSTER, f->cluster, f->l_path, "Laptop", &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (clw_sync_report_get_n_files (report), 1);

  f->l = open_database (f->l_path, "Dr Lead");
}

static void
fixture_clear (Fixture *f)
{
  g_clear_object (&f->m);
  g_clear_object (&f->l);
  g_free (f->m_path);
  g_free (f->l_path);
  g_free (f->cluster);
  g_free (f->other_cluster);
  g_free (f->cycle);
  g_free (f->indicator);
  g_free (f->collaborative);
  g_free (f->p_small);
  g_free (f->p_big);
  g_free (f->p_mid);
  g_free (f->p_other);
  g_free (f->meeting);
  g_free (f->meeting2);
  g_free (f->agenda);
  g_free (f->action);
  g_free (f->attendance);
  g_free (f->buddy);
  g_free (f->evidence);
  g_free (f->evidence_sha);
  g_free (f->contribution);
  g_free (f->section);
  g_free (f->workforce);
  g_free (f->action_m);
  g_free (f->action_l);
  g_free (f->att_m);
  g_free (f->att_l);
  g_free (f->buddy2);
  g_free (f->evidence2);
  g_free (f->evidence2_sha);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fixture, fixture_clear)

/* Exchanging -------------------------------------------------------------------------- */

/* A bundle from @from; from the master, for the laptop of the fixture. */
static char *
send (Fixture     *f,
      ClwDatabase *from)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("bundle-%u.clwsync", ++f->n_bundles);
  g_autofree char *peer = from == f->m ? clw_sync_get_database_id (f->l) : NULL;
  char *path = clw_test_path (name);
  g_autoptr(ClwSyncReport) report = clw_sync_export (from, peer, path, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (report);
  return path;
}

static ClwSyncReport *
receive (ClwDatabase *to,
         const char  *path)
{
  g_autoptr(GError) error = NULL;
  ClwSyncReport *report = clw_sync_import (to, path, &error);

  ck_assert_no_error (error);
  return report;
}

static void
exchange (Fixture     *f,
          ClwDatabase *from,
          ClwDatabase *to)
{
  g_autofree char *path = send (f, from);
  g_autoptr(ClwSyncReport) report = receive (to, path);
}

static guint
count_open (ClwDatabase *db,
            const char  *kind)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sync_conflict WHERE state = 'open'%s%s%s",
                                          kind ? " AND kind = '" : "", kind ? kind : "", kind ? "'" : "");
  return (guint) clw_test_query_int (db, sql);
}

static char *
conflict_id (ClwDatabase *db,
             const char  *kind,
             const char  *row_id)
{
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (db,
                                                   "SELECT id FROM sync_conflict WHERE state = 'open' "
                                                   "AND kind = ?1 AND row_id = ?2",
                                                   NULL);
  ck_assert_ptr_nonnull (stmt);
  _clw_bind_text (stmt, 1, kind);
  _clw_bind_text (stmt, 2, row_id);
  ck_assert_msg (sqlite3_step (stmt) == SQLITE_ROW, "no open %s conflict on %s", kind, row_id);
  return _clw_column_dup (stmt, 0);
}

static void
resolve (ClwDatabase   *db,
         const char    *kind,
         const char    *row_id,
         ClwSyncChoice  choice,
         const char    *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = conflict_id (db, kind, row_id);

  clw_sync_resolve (db, id, choice, value, &error);
  ck_assert_no_error (error);
}

/* Every row of the cluster and of the reference data, as JSON, by table/id. */
static GHashTable *
snapshot (ClwDatabase *db,
          const char  *cluster)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SyncSchema) schema = _clw_sync_schema_load (db, &error);
  GHashTable *rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  ck_assert_no_error (error);
  for (guint i = 0; i < schema->tables->len; i++)
    {
      SyncTable *t = g_ptr_array_index (schema->tables, i);
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM main.\"%s\"", t->name);
      g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
      SyncScopeKind kind = _clw_sync_scope_of_table (t->name, NULL);
      g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, sql, NULL);

      if (kind == SYNC_SCOPE_NONE)
        continue;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (ids, _clw_column_dup (stmt, 0));
      g_clear_pointer (&stmt, _clw_stmt_release);

      for (guint k = 0; k < ids->len; k++)
        {
          const char *id = g_ptr_array_index (ids, k);
          g_autoptr(SyncValues) row = NULL;
          gboolean in = TRUE;

          if (kind == SYNC_SCOPE_CLUSTER)
            {
              _clw_sync_row_in_cluster (db, t, id, cluster, &in, &error);
              ck_assert_no_error (error);
            }
          if (!in)
            continue;
          _clw_sync_main_fetch (db, t, id, &row, &error);
          ck_assert_no_error (error);
          g_hash_table_insert (rows, g_strconcat (t->name, "/", id, NULL),
                               _clw_sync_values_to_json (db, t, row, FALSE));
        }
    }

  return rows;
}

/* The rows any open conflict is about, on either side. */
static void
add_conflict_rows (ClwDatabase *db,
                   GHashTable  *skip)
{
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (db,
                                                   "SELECT table_name, row_id, "
                                                   "json_extract(mine_row, '$.id') FROM sync_conflict "
                                                   "WHERE state = 'open'",
                                                   NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_hash_table_add (skip, g_strconcat (_clw_column_text (stmt, 0), "/", _clw_column_text (stmt, 1), NULL));
      if (_clw_column_text (stmt, 2) != NULL)
        g_hash_table_add (skip, g_strconcat (_clw_column_text (stmt, 0), "/", _clw_column_text (stmt, 2), NULL));
    }
}

/* Both copies hold the same, except the rows in conflict. */
static void
assert_converged (Fixture *f)
{
  g_autoptr(GHashTable) m = snapshot (f->m, f->cluster);
  g_autoptr(GHashTable) l = snapshot (f->l, f->cluster);
  g_autoptr(GHashTable) skip = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  const char *key, *json;
  guint compared = 0;

  add_conflict_rows (f->m, skip);
  add_conflict_rows (f->l, skip);

  g_hash_table_iter_init (&iter, m);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &json))
    {
      const char *other = g_hash_table_lookup (l, key);

      if (g_hash_table_contains (skip, key))
        continue;
      ck_assert_msg (g_strcmp0 (json, other) == 0, "%s differs:\n M: %s\n L: %s", key, json, other);
      compared++;
    }
  g_hash_table_iter_init (&iter, l);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &json))
    ck_assert_msg (g_hash_table_contains (skip, key) || g_hash_table_contains (m, key),
                   "%s is only in the copy: %s", key, json);

  ck_assert_uint_gt (compared, 100);
}

static void
assert_same_bytes (GBytes *a,
                   GBytes *b)
{
  gsize na, nb;
  const char *da = g_bytes_get_data (a, &na);
  const char *db = g_bytes_get_data (b, &nb);
  gsize i = 0;

  while (i < na && i < nb && da[i] == db[i])
    i++;
  if (i == na && i == nb)
    return;

  {
    gsize start = i > 200 ? i - 200 : 0;
    g_autofree char *ea = g_strndup (da + start, MIN (na - start, 400));
    g_autofree char *eb = g_strndup (db + start, MIN (nb - start, 400));
    ck_abort_msg ("the exports differ at byte %" G_GSIZE_FORMAT ":\n M: …%s…\n L: …%s…", i, ea, eb);
  }
}

/* Resolved and synced: identical, as the dataset export of the cluster shows. */
static void
assert_identical (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) m = clw_dataset_export_bytes (f->m, CLW_SCOPE_CLUSTER, f->cluster, &error);
  g_autoptr(GBytes) l = NULL;

  ck_assert_no_error (error);
  l = clw_dataset_export_bytes (f->l, CLW_SCOPE_CLUSTER, f->cluster, &error);
  ck_assert_no_error (error);

  ck_assert_uint_eq (count_open (f->m, NULL), 0);
  ck_assert_uint_eq (count_open (f->l, NULL), 0);
  assert_same_bytes (m, l);
}

static guint
pending (ClwDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwSyncStatus) status = clw_sync_get_status (db, &error);

  ck_assert_no_error (error);
  return clw_sync_status_get_n_pending (status);
}

/* The edits of both sides, in every combination. */
static void
diverge (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwAttachmentStore) store = clw_attachment_store_new (f->l_path);
  g_autoptr(GBytes) file = g_bytes_new_static ("Notes of the QI project, from the laptop\n", 41);

  /* The health board team, on the master. */
  update_row (f->m, CLW_TYPE_PRACTICE, f->p_mid, "list-size", "9100", NULL);
  update_row (f->m, CLW_TYPE_PRACTICE, f->p_big, "name", "Big Surgery Renamed", NULL);
  update_row (f->m, CLW_TYPE_MEETING, f->meeting, "place", "Board Room",
              "minutes", "Minutes by the board", NULL);
  delete_row (f->m, CLW_TYPE_ACTION_ITEM, f->action);
  update_row (f->m, CLW_TYPE_AGENDA_ITEM, f->agenda, "notes", "Board notes", NULL);
  f->action_m = insert_row (f->m, CLW_TYPE_ACTION_ITEM, "meeting-id", f->meeting,
                            "description", "Book the room", "owner", "Board", "due-on", "2022-04-01",
                            "status", "open", NULL);
  f->att_m = insert_row (f->m, CLW_TYPE_ATTENDANCE, "meeting-id", f->meeting, "practice-id", f->p_mid,
                         "status", "apologies", "notes", "Phoned the board", NULL);
  update_row (f->m, CLW_TYPE_BUDDY_ARRANGEMENT, f->buddy, "status", "agreed",
              "decision-on", "2021-12-20", NULL);
  update_row (f->m, CLW_TYPE_INDICATOR, f->indicator, "title", "Attendance at the collaborative", NULL);

  /* The cluster lead, on the laptop at the meeting. */
  update_row (f->l, CLW_TYPE_PRACTICE, f->p_mid, "list-size", "9200", NULL);
  update_row (f->l, CLW_TYPE_PRACTICE, f->p_big, "partners", "9", NULL);
  update_row (f->l, CLW_TYPE_MEETING, f->meeting, "place", "Village Hall", "status", "held", NULL);
  update_row (f->l, CLW_TYPE_ACTION_ITEM, f->action, "notes", "Done at the meeting", NULL);
  delete_row (f->l, CLW_TYPE_AGENDA_ITEM, f->agenda);
  f->action_l = insert_row (f->l, CLW_TYPE_ACTION_ITEM, "meeting-id", f->meeting,
                            "description", "Write to the practices", "owner", "Dr Lead",
                            "due-on", "2022-03-15", "status", "open", NULL);
  f->att_l = insert_row (f->l, CLW_TYPE_ATTENDANCE, "meeting-id", f->meeting, "practice-id", f->p_mid,
                         "status", "apologies", "notes", "Sent a message", NULL);
  f->buddy2 = insert_row (f->l, CLW_TYPE_BUDDY_ARRANGEMENT, "small-practice-id", f->p_small,
                          "buddy-practice-id", f->p_mid, "starts-on", "2022-01-01", "status", "agreed",
                          "requested-on", "2021-12-01", "decision-on", "2021-12-15", NULL);
  f->evidence2_sha = clw_attachment_store_add_bytes (store, file, NULL, &error);
  ck_assert_no_error (error);
  f->evidence2 = insert_row (f->l, CLW_TYPE_EVIDENCE, "kind", "qi-participation", "title", "QI project",
                             "evidence-on", "2022-03-01", "practice-id", f->p_small,
                             "original-name", "qi.txt", "size", "41", "sha256", f->evidence2_sha, NULL);
  update_row (f->l, CLW_TYPE_MEETING, f->meeting2, "minutes",
              "We discussed the Llanwrtyd winter rota", NULL);
}

/* What each copy lists once both have heard the other. */
static void
assert_conflicts_listed (Fixture *f)
{
  ck_assert_uint_eq (count_open (f->m, "field"), 2);
  ck_assert_uint_eq (count_open (f->l, "field"), 2);
  g_free (conflict_id (f->m, "field", f->p_mid));
  g_free (conflict_id (f->l, "field", f->p_mid));
  g_free (conflict_id (f->m, "field", f->meeting));
  g_free (conflict_id (f->l, "field", f->meeting));

  /* Deleted on one side, changed on the other, both ways. */
  g_free (conflict_id (f->m, "deleted-mine", f->action));
  g_free (conflict_id (f->l, "deleted-theirs", f->action));
  g_free (conflict_id (f->m, "deleted-theirs", f->agenda));
  g_free (conflict_id (f->l, "deleted-mine", f->agenda));

  /* The same attendance added on both sides. */
  g_free (conflict_id (f->m, "duplicate", f->att_l));
  g_free (conflict_id (f->l, "duplicate", f->att_m));

  /* Two agreed buddies for one practice. */
  g_free (conflict_id (f->m, "rule", f->buddy2));
  g_free (conflict_id (f->l, "rule", f->buddy));

  ck_assert_uint_eq (count_open (f->m, NULL), 6);
  ck_assert_uint_eq (count_open (f->l, NULL), 6);

  /* Until resolved, the local value stays. */
  ck_assert_text (f->m, CLW_TYPE_PRACTICE, f->p_mid, "list-size", "9100");
  ck_assert_text (f->l, CLW_TYPE_PRACTICE, f->p_mid, "list-size", "9200");
  ck_assert_text (f->m, CLW_TYPE_MEETING, f->meeting, "place", "Board Room");
  ck_assert_text (f->l, CLW_TYPE_MEETING, f->meeting, "place", "Village Hall");
  ck_assert (!clw_record_exists (f->m, CLW_TYPE_ACTION_ITEM, f->action));
  ck_assert (clw_record_exists (f->l, CLW_TYPE_ACTION_ITEM, f->action));
  ck_assert_text (f->m, CLW_TYPE_BUDDY_ARRANGEMENT, f->buddy, "status", "agreed");
  ck_assert_text (f->l, CLW_TYPE_BUDDY_ARRANGEMENT, f->buddy, "status", "requested");

  /* Different fields of one row merged without asking, also where another
   * field of the row conflicts. */
  ck_assert_text (f->m, CLW_TYPE_PRACTICE, f->p_big, "name", "Big Surgery Renamed");
  ck_assert_text (f->m, CLW_TYPE_PRACTICE, f->p_big, "partners", "9");
  ck_assert_text (f->l, CLW_TYPE_PRACTICE, f->p_big, "name", "Big Surgery Renamed");
  ck_assert_text (f->l, CLW_TYPE_PRACTICE, f->p_big, "partners", "9");
  ck_assert_text (f->m, CLW_TYPE_MEETING, f->meeting, "minutes", "Minutes by the board");
  ck_assert_text (f->m, CLW_TYPE_MEETING, f->meeting, "status", "held");
  ck_assert_text (f->l, CLW_TYPE_MEETING, f->meeting, "minutes", "Minutes by the board");
  ck_assert_text (f->l, CLW_TYPE_MEETING, f->meeting, "status", "held");

  /* Rows added on both sides are on both sides. */
  ck_assert (clw_record_exists (f->m, CLW_TYPE_ACTION_ITEM, f->action_l));
  ck_assert (clw_record_exists (f->l, CLW_TYPE_ACTION_ITEM, f->action_m));

  /* The reference data reached the copy. */
  ck_assert_text (f->l, CLW_TYPE_INDICATOR, f->indicator, "title", "Attendance at the collaborative");

  /* The evidence file went with its row. */
  {
    g_autoptr(ClwAttachmentStore) store = clw_attachment_store_new (f->m_path);
    g_autoptr(GError) error = NULL;

    ck_assert (clw_record_exists (f->m, CLW_TYPE_EVIDENCE, f->evidence2));
    ck_assert (clw_attachment_store_verify (store, f->evidence2_sha, NULL, &error));
    ck_assert_no_error (error);
  }

  assert_converged (f);
}

static void
resolve_on_master (Fixture *f)
{
  resolve (f->m, "field", f->p_mid, CLW_SYNC_CHOICE_VALUE, "9150");
  resolve (f->m, "field", f->meeting, CLW_SYNC_CHOICE_THEIRS, NULL);
  resolve (f->m, "deleted-mine", f->action, CLW_SYNC_CHOICE_THEIRS, NULL);
  resolve (f->m, "deleted-theirs", f->agenda, CLW_SYNC_CHOICE_MINE, NULL);
  resolve (f->m, "duplicate", f->att_l, CLW_SYNC_CHOICE_MINE, NULL);
  resolve (f->m, "rule", f->buddy2, CLW_SYNC_CHOICE_MINE, NULL);
  ck_assert_uint_eq (count_open (f->m, NULL), 0);
}

static void
resolve_on_laptop (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rule = conflict_id (f->l, "rule", f->buddy);

  resolve (f->l, "field", f->p_mid, CLW_SYNC_CHOICE_VALUE, "9150");
  resolve (f->l, "field", f->meeting, CLW_SYNC_CHOICE_MINE, NULL);
  resolve (f->l, "deleted-theirs", f->action, CLW_SYNC_CHOICE_MINE, NULL);
  resolve (f->l, "deleted-mine", f->agenda, CLW_SYNC_CHOICE_THEIRS, NULL);
  resolve (f->l, "duplicate", f->att_m, CLW_SYNC_CHOICE_THEIRS, NULL);

  /* Theirs breaks the rule while the other agreed buddy is there. */
  ck_assert (!clw_sync_resolve (f->l, rule, CLW_SYNC_CHOICE_THEIRS, NULL, &error));
  ck_assert (g_error_matches (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_RESOLVE));
  ck_assert_ptr_nonnull (strstr (error->message, "agreed buddy"));
  g_clear_error (&error);
  ck_assert_text (f->l, CLW_TYPE_BUDDY_ARRANGEMENT, f->buddy, "status", "requested");

  delete_row (f->l, CLW_TYPE_BUDDY_ARRANGEMENT, f->buddy2);
  clw_sync_resolve (f->l, rule, CLW_SYNC_CHOICE_THEIRS, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (count_open (f->l, NULL), 0);
}

/* After resolving on one side and syncing again. */
static void
assert_final (Fixture *f)
{
  ClwDatabase *both[] = { f->m, f->l };

  assert_identical (f);

  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    {
      ClwDatabase *db = both[i];

      ck_assert_text (db, CLW_TYPE_PRACTICE, f->p_mid, "list-size", "9150");
      ck_assert_text (db, CLW_TYPE_MEETING, f->meeting, "place", "Village Hall");
      ck_assert_text (db, CLW_TYPE_ACTION_ITEM, f->action, "notes", "Done at the meeting");
      ck_assert_text (db, CLW_TYPE_AGENDA_ITEM, f->agenda, "notes", "Board notes");
      ck_assert (clw_record_exists (db, CLW_TYPE_ATTENDANCE, f->att_m));
      ck_assert (!clw_record_exists (db, CLW_TYPE_ATTENDANCE, f->att_l));
      ck_assert_text (db, CLW_TYPE_BUDDY_ARRANGEMENT, f->buddy, "status", "agreed");
      ck_assert (!clw_record_exists (db, CLW_TYPE_BUDDY_ARRANGEMENT, f->buddy2));
      ck_assert_uint_eq (clw_database_check_integrity (db, NULL), TRUE);
    }

  /* Nothing settled is sent again. */
  ck_assert_uint_eq (pending (f->m), 0);
  ck_assert_uint_eq (pending (f->l), 0);
}

static void
settle_rounds (Fixture     *f,
               ClwDatabase *first,
               ClwDatabase *second)
{
  for (guint i = 0; i < 2; i++)
    {
      exchange (f, first, second);
      exchange (f, second, first);
    }
}

/* The tests --------------------------------------------------------------------------- */

START_TEST (test_copy_for_meeting)
{
  g_auto(Fixture) f;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwSyncStatus) m_status = NULL;
  g_autoptr(ClwSyncStatus) l_status = NULL;
  g_autoptr(ClwSyncPeer) peer = NULL;
  g_autoptr(ClwAttachmentStore) store = NULL;
  g_autofree char *m_id = NULL;
  g_autofree char *l_id = NULL;
  g_autofree char *base = NULL;
  GStatBuf st;

  fixture_init (&f);

  /* The cluster's data and the reference data, nothing else. */
  ck_assert (clw_record_exists (f.l, CLW_TYPE_PRACTICE, f.p_small));
  ck_assert (clw_record_exists (f.l, CLW_TYPE_IMTP_WORKFORCE, f.workforce));
  ck_assert (!clw_record_exists (f.l, CLW_TYPE_PRACTICE, f.p_other));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM collaborative WHERE cluster_id != '%s'",
                                            f.cluster);
    ck_assert_int_eq (clw_test_query_int (f.l, sql), 0);
    ck_assert_int_gt (clw_test_query_int (f.l, "SELECT count(*) FROM collaborative"), 0);
  }
  ck_assert_int_eq (clw_test_query_int (f.l, "SELECT count(*) FROM cluster"),
                    clw_test_query_int (f.m, "SELECT count(*) FROM cluster"));
  ck_assert_int_eq (clw_test_query_int (f.l, "SELECT count(*) FROM indicator"),
                    clw_test_query_int (f.m, "SELECT count(*) FROM indicator"));
  ck_assert_int_eq (clw_test_query_int (f.l, "SELECT count(*) FROM audit_log"), 0);
  ck_assert_int_eq (clw_test_query_int (f.l, "SELECT count(*) FROM search_index "
                                              "WHERE search_index MATCH 'Elsewhere'"), 0);

  /* Its own identity; the evidence file went with it. */
  m_id = clw_sync_get_database_id (f.m);
  l_id = clw_sync_get_database_id (f.l);
  ck_assert_str_ne (m_id, l_id);
  store = clw_attachment_store_new (f.l_path);
  ck_assert (clw_attachment_store_verify (store, f.evidence_sha, NULL, &error));
  ck_assert_no_error (error);

  /* The files are private. */
  ck_assert_int_eq (g_stat (f.l_path, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
  base = _clw_sync_base_path (f.l_path, m_id);
  ck_assert_int_eq (g_stat (base, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
  g_free (base);
  base = _clw_sync_base_path (f.m_path, l_id);
  ck_assert_int_eq (g_stat (base, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);

  /* Each knows the other; nothing waits yet. */
  m_status = clw_sync_get_status (f.m, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (clw_sync_status_get_peers (m_status)), 1);
  peer = g_list_model_get_item (clw_sync_status_get_peers (m_status), 0);
  ck_assert_str_eq (clw_sync_peer_get_name (peer), "Laptop");
  ck_assert_int_eq (clw_sync_peer_get_scope (peer), CLW_SCOPE_CLUSTER);
  ck_assert_str_eq (clw_sync_peer_get_scope_id (peer), f.cluster);
  ck_assert_uint_eq (clw_sync_status_get_n_pending (m_status), 0);
  ck_assert_ptr_null (clw_sync_status_get_last_sync_at (m_status));

  l_status = clw_sync_get_status (f.l, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (clw_sync_status_get_scope (l_status), CLW_SCOPE_CLUSTER);
  ck_assert_uint_eq (clw_sync_status_get_n_pending (l_status), 0);

  /* A change here is waiting to go out, there is not. */
  update_row (f.l, CLW_TYPE_PRACTICE, f.p_small, "partners", "3", NULL);
  ck_assert_uint_eq (pending (f.l), 1);
  ck_assert_uint_eq (pending (f.m), 0);
  update_row (f.m, CLW_TYPE_PRACTICE, f.p_other, "partners", "5", NULL);
  ck_assert_uint_eq (pending (f.m), 0);

  /* A copy that is gone can be forgotten, with its base. */
  {
    g_autofree char *other = clw_test_path ("laptop/spare.db");
    g_autoptr(ClwSyncReport) report = clw_sync_make_copy (f.m, CLW_SCOPE_CLUSTER, f.cluster, other,
                                                          "Spare laptop", &error);
    g_autofree char *spare_id = NULL;
    g_autofree char *spare_base = NULL;

    ck_assert_no_error (error);
    {
      g_autoptr(ClwDatabase) spare = open_database (other, "Nobody");
      spare_id = clw_sync_get_database_id (spare);
    }
    spare_base = _clw_sync_base_path (f.m_path, spare_id);
    ck_assert (g_file_test (spare_base, G_FILE_TEST_EXISTS));
    ck_assert (clw_sync_forget_peer (f.m, "Spare laptop", &error));
    ck_assert_no_error (error);
    ck_assert (!g_file_test (spare_base, G_FILE_TEST_EXISTS));
    ck_assert_int_eq (clw_test_query_int (f.m, "SELECT count(*) FROM sync_peer"), 1);
    ck_assert (!clw_sync_forget_peer (f.m, "Spare laptop", &error));
    ck_assert (g_error_matches (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_NO_PEER));
    g_clear_error (&error);
  }

  /* A copy of the copy holds the same cluster only. */
  {
    g_autofree char *elsewhere = clw_test_path ("laptop/other.db");
    g_autoptr(ClwSyncReport) report = clw_sync_make_copy (f.l, CLW_SCOPE_CLUSTER, f.other_cluster,
                                                          elsewhere, NULL, &error);
    ck_assert_ptr_null (report);
    ck_assert (g_error_matches (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_OUT_OF_SCOPE));
    ck_assert (!g_file_test (elsewhere, G_FILE_TEST_EXISTS));
    g_clear_error (&error);

    report = clw_sync_make_copy (f.m, CLW_SCOPE_CLUSTER, f.cluster, f.l_path, NULL, &error);
    ck_assert_ptr_null (report);
    ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS));
  }
}
END_TEST

START_TEST (test_converge_laptop_first)
{
  g_auto(Fixture) f;

  fixture_init (&f);
  diverge (&f);

  exchange (&f, f.l, f.m);
  exchange (&f, f.m, f.l);
  assert_conflicts_listed (&f);

  resolve_on_master (&f);
  settle_rounds (&f, f.m, f.l);
  assert_final (&f);
}
END_TEST

START_TEST (test_converge_master_first)
{
  g_auto(Fixture) f;

  fixture_init (&f);
  diverge (&f);

  exchange (&f, f.m, f.l);
  exchange (&f, f.l, f.m);
  assert_conflicts_listed (&f);

  resolve_on_master (&f);
  settle_rounds (&f, f.l, f.m);
  assert_final (&f);
}
END_TEST

START_TEST (test_converge_crossing)
{
  g_auto(Fixture) f;
  g_autofree char *from_l = NULL;
  g_autofree char *from_m = NULL;

  fixture_init (&f);
  diverge (&f);

  /* Both export before either imports. */
  from_l = send (&f, f.l);
  from_m = send (&f, f.m);
  g_object_unref (receive (f.m, from_l));
  g_object_unref (receive (f.l, from_m));
  assert_conflicts_listed (&f);

  /* Again crossing: what each already knows does not conflict again. */
  g_free (from_l);
  g_free (from_m);
  from_l = send (&f, f.l);
  from_m = send (&f, f.m);
  g_object_unref (receive (f.l, from_m));
  g_object_unref (receive (f.m, from_l));
  ck_assert_uint_eq (count_open (f.m, NULL), 6);
  ck_assert_uint_eq (count_open (f.l, NULL), 6);

  resolve_on_laptop (&f);
  settle_rounds (&f, f.l, f.m);
  assert_final (&f);
}
END_TEST

START_TEST (test_conflict_details)
{
  g_auto(Fixture) f;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) conflicts = NULL;
  g_autofree char *id = NULL;
  g_autoptr(ClwSyncConflict) c = NULL;

  fixture_init (&f);
  diverge (&f);
  exchange (&f, f.l, f.m);

  conflicts = clw_sync_list_conflicts (f.m, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (conflicts), 6);

  id = conflict_id (f.m, "field", f.p_mid);
  c = clw_sync_get_conflict (f.m, id, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (clw_sync_conflict_get_kind (c), CLW_SYNC_CONFLICT_FIELD);
  ck_assert_str_eq (clw_sync_conflict_get_column_name (c), "list_size");
  ck_assert_str_eq (clw_sync_conflict_get_base_text (c), "9000");
  ck_assert_str_eq (clw_sync_conflict_get_mine_text (c), "9100");
  ck_assert_str_eq (clw_sync_conflict_get_theirs_text (c), "9200");
  ck_assert_str_eq (clw_sync_conflict_get_mine_by (c), "Health Board Team");
  ck_assert_str_eq (clw_sync_conflict_get_theirs_by (c), "Dr Lead");
  ck_assert_str_eq (clw_sync_conflict_get_author (c), "Dr Lead");
  ck_assert_str_eq (clw_sync_conflict_get_peer_name (c), "Laptop");
  ck_assert_ptr_nonnull (clw_sync_conflict_get_mine_at (c));
  ck_assert_ptr_nonnull (clw_sync_conflict_get_theirs_at (c));
  ck_assert_ptr_nonnull (strstr (clw_sync_conflict_get_title (c), "W10003"));
  ck_assert (clw_sync_conflict_accepts_value (c));

  /* The list survives a restart. */
  g_clear_object (&f.m);
  f.m = open_database (f.m_path, "Health Board Team");
  ck_assert_uint_eq (count_open (f.m, NULL), 6);

  /* A value that does not fit the field is refused, and nothing changes. */
  ck_assert (!clw_sync_resolve (f.m, id, CLW_SYNC_CHOICE_VALUE, "lots", &error));
  ck_assert (g_error_matches (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_RESOLVE));
  g_clear_error (&error);
  ck_assert_uint_eq (count_open (f.m, NULL), 6);
  ck_assert_text (f.m, CLW_TYPE_PRACTICE, f.p_mid, "list-size", "9100");

  /* A row conflict takes mine or theirs, not a value. */
  {
    g_autofree char *row = conflict_id (f.m, "deleted-mine", f.action);
    ck_assert (!clw_sync_resolve (f.m, row, CLW_SYNC_CHOICE_VALUE, "x", &error));
    ck_assert (g_error_matches (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_RESOLVE));
    g_clear_error (&error);
  }

  /* Resolved once only. */
  resolve (f.m, "field", f.p_mid, CLW_SYNC_CHOICE_MINE, NULL);
  ck_assert (!clw_sync_resolve (f.m, id, CLW_SYNC_CHOICE_THEIRS, NULL, &error));
  ck_assert (g_error_matches (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_RESOLVE));
}
END_TEST

/* Bundles that must change nothing --------------------------------------------------------- */

/* What an import could change: the data, the sync state, the base. */
static char *
fingerprint (ClwDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = clw_dataset_export_bytes (db, CLW_SCOPE_ALL, NULL, &error);
  g_autofree char *data_sum = NULL;
  g_autofree char *state = NULL;
  g_autoptr(GPtrArray) peers = NULL;
  g_autoptr(GString) bases = g_string_new (NULL);

  ck_assert_no_error (error);
  data_sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  state = clw_test_query_string (db,
                                 "SELECT group_concat(id || ':' || in_seq || ':' || out_seq || ':' || "
                                 "confirmed_seq || ':' || base_generation, ',') || '|' || "
                                 "(SELECT count(*) FROM sync_conflict) || '|' || "
                                 "(SELECT count(*) FROM sync_applied) || '|' || "
                                 "(SELECT count(*) FROM audit_log) FROM sync_peer");

  peers = _clw_sync_peer_list (db, &error);
  ck_assert_no_error (error);
  for (guint i = 0; i < peers->len; i++)
    {
      SyncPeerRow *peer = g_ptr_array_index (peers, i);
      g_autofree char *path = _clw_sync_base_path (clw_database_get_path (db), peer->id);
      g_autofree char *contents = NULL;
      g_autofree char *sum = NULL;
      gsize length;

      g_file_get_contents (path, &contents, &length, &error);
      ck_assert_no_error (error);
      sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, length);
      g_string_append (bases, sum);
    }

  return g_strdup_printf ("%s|%s|%s", data_sum, state, bases->str);
}

static void
assert_refused (ClwDatabase *db,
                const char  *path,
                int          code,
                const char  *in_message)
{
  g_autofree char *before = fingerprint (db);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwSyncReport) report = clw_sync_import (db, path, &error);

  ck_assert_ptr_null (report);
  ck_assert_msg (g_error_matches (error, CLW_SYNC_ERROR, code), "expected code %d, got %s", code,
                 error ? error->message : "no error");
  ck_assert_msg (strstr (error->message, "changed") != NULL, "unclear message: %s", error->message);
  if (in_message != NULL)
    ck_assert_msg (strstr (error->message, in_message) != NULL, "“%s” not in: %s", in_message, error->message);

  after = fingerprint (db);
  ck_assert_str_eq (before, after);
  ck_assert (clw_database_check_integrity (db, NULL));
}

static char *
write_variant (const char *path,
               const char *name,
               GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  char *variant = clw_test_path (name);

  g_file_set_contents (variant, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  ck_assert_no_error (error);
  return variant;
}

START_TEST (test_truncated_and_tampered)
{
  g_auto(Fixture) f;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  fixture_init (&f);
  diverge (&f);
  path = send (&f, f.l);
  g_file_get_contents (path, &contents, &length, &error);
  ck_assert_no_error (error);

  /* Cut short anywhere. */
  for (gsize cut = 1; cut < length; cut += length / 7)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (contents, cut);
      g_autofree char *variant = write_variant (path, "truncated.clwsync", bytes);
      assert_refused (f.m, variant, CLW_SYNC_ERROR_DAMAGED, NULL);
    }

  /* A byte changed on the way. */
  {
    g_autofree char *copy = g_memdup2 (contents, length);
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *variant = NULL;

    copy[length / 2] ^= 0x20;
    bytes = g_bytes_new (copy, length);
    variant = write_variant (path, "tampered.clwsync", bytes);
    assert_refused (f.m, variant, CLW_SYNC_ERROR_DAMAGED, "checksum");
  }

  /* A file changed and the checksum recomputed: the file's own hash tells. */
  {
    g_autofree char *copy = g_memdup2 (contents, length);
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *variant = NULL;
    char *found = NULL;
    g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
    gsize digest_len = 32;

    for (gsize k = 0; found == NULL && k + 23 <= length; k++)
      if (memcmp (copy + k, "Notes of the QI project", 23) == 0)
        found = copy + k;
    ck_assert_ptr_nonnull (found);
    found[0] = 'n';
    g_checksum_update (sum, (guchar *) copy, length - 32);
    g_checksum_get_digest (sum, (guint8 *) copy + length - 32, &digest_len);
    bytes = g_bytes_new (copy, length);
    variant = write_variant (path, "file-changed.clwsync", bytes);
    assert_refused (f.m, variant, CLW_SYNC_ERROR_DAMAGED, f.evidence2_sha);
  }

  /* Not a bundle at all. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("<dataset/>", 10);
    g_autofree char *variant = write_variant (path, "dataset.clwsync", bytes);
    assert_refused (f.m, variant, CLW_SYNC_ERROR_DAMAGED, NULL);
  }

  /* The bundle itself still imports. */
  g_object_unref (receive (f.m, path));
}
END_TEST

START_TEST (test_applied_twice_and_superseded)
{
  g_auto(Fixture) f;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  fixture_init (&f);
  update_row (f.l, CLW_TYPE_PRACTICE, f.p_small, "partners", "3", NULL);
  first = send (&f, f.l);
  update_row (f.l, CLW_TYPE_PRACTICE, f.p_big, "partners", "7", NULL);
  second = send (&f, f.l);

  /* The second carries everything the first did. */
  {
    g_autoptr(ClwSyncReport) report = receive (f.m, second);
    ck_assert_uint_eq (clw_sync_report_get_n_applied (report), 2);
  }
  ck_assert_text (f.m, CLW_TYPE_PRACTICE, f.p_small, "partners", "3");

  assert_refused (f.m, second, CLW_SYNC_ERROR_ALREADY_APPLIED, "imported already");
  assert_refused (f.m, first, CLW_SYNC_ERROR_SUPERSEDED, "older");
}
END_TEST

START_TEST (test_other_base)
{
  g_auto(Fixture) f;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwDatabase) backup = NULL;
  g_autoptr(ClwDatabase) l2 = NULL;
  g_autoptr(ClwDatabase) stranger = NULL;
  g_autoptr(ClwSyncReport) report = NULL;
  g_autofree char *backup_path = clw_test_path ("board/backup.db");
  g_autofree char *l2_path = clw_test_path ("laptop2/meeting.db");
  g_autofree char *stranger_path = clw_test_path ("elsewhere/clwstwr.db");
  g_autofree char *from_l2 = NULL;
  g_autofree char *from_l = NULL;
  g_autofree char *copy_of_stranger = clw_test_path ("elsewhere/copy.db");

  fixture_init (&f);

  /* A backup of the master, taken now. */
  {
    g_autoptr(ClwStmt) stmt = _clw_database_prepare (f.m, "VACUUM INTO ?1", NULL);
    _clw_bind_text (stmt, 1, backup_path);
    ck_assert_int_eq (sqlite3_step (stmt), SQLITE_DONE);
    g_clear_pointer (&stmt, _clw_stmt_release);
    {
      g_autofree char *l_id = clw_sync_get_database_id (f.l);
      g_autofree char *src = _clw_sync_base_path (f.m_path, l_id);
      g_autofree char *dst = _clw_sync_base_path (backup_path, l_id);
      _clw_sync_copy_private_file (src, dst, &error);
      ck_assert_no_error (error);
    }
  }
  backup = open_database (backup_path, "Health Board Team");

  /* Another copy of the same cluster: its bundles are for the master, not for this laptop. */
  report = clw_sync_make_copy (f.m, CLW_SCOPE_CLUSTER, f.cluster, l2_path, "Second laptop", &error);
  ck_assert_no_error (error);
  g_clear_object (&report);
  l2 = open_database (l2_path, "Practice manager");
  update_row (l2, CLW_TYPE_PRACTICE, f.p_small, "partners", "3", NULL);
  from_l2 = send (&f, l2);
  assert_refused (f.l, from_l2, CLW_SYNC_ERROR_NOT_FOR_US, "for another copy");
  assert_refused (backup, from_l2, CLW_SYNC_ERROR_UNKNOWN_COPY, "never synced");

  /* A database that has nothing to do with this one. */
  stranger = clw_database_open (stranger_path, CLW_DATABASE_OPEN_CREATE, &error);
  ck_assert_no_error (error);
  clw_dataset_load_reference (stranger, &error);
  ck_assert_no_error (error);
  report = clw_sync_make_copy (stranger, CLW_SCOPE_ALL, NULL, copy_of_stranger, NULL, &error);
  ck_assert_no_error (error);
  g_clear_object (&report);
  {
    g_autofree char *bundle = send (&f, stranger);
    assert_refused (f.m, bundle, CLW_SYNC_ERROR_NOT_FOR_US, NULL);
  }

  /* The master answers the laptop; the laptop answers back; but the
   * master was meanwhile restored from the backup, which never sent that. */
  update_row (f.l, CLW_TYPE_PRACTICE, f.p_big, "partners", "7", NULL);
  exchange (&f, f.l, f.m);
  exchange (&f, f.m, f.l);
  update_row (f.l, CLW_TYPE_PRACTICE, f.p_big, "partners", "6", NULL);
  from_l = send (&f, f.l);
  assert_refused (backup, from_l, CLW_SYNC_ERROR_OTHER_BASE, "backup");

  /* The master itself takes it. */
  g_object_unref (receive (f.m, from_l));
  ck_assert_text (f.m, CLW_TYPE_PRACTICE, f.p_big, "partners", "6");
}
END_TEST

START_TEST (test_out_of_scope)
{
  g_auto(Fixture) f;
  g_autofree char *path = NULL;
  g_autofree char *ours = NULL;

  fixture_init (&f);

  /* A valid change, and one outside the cluster: the reference data. */
  update_row (f.l, CLW_TYPE_PRACTICE, f.p_small, "partners", "3", NULL);
  update_row (f.l, CLW_TYPE_CLUSTER, f.other_cluster, "name", "Renamed from a laptop", NULL);
  path = send (&f, f.l);
  assert_refused (f.m, path, CLW_SYNC_ERROR_OUT_OF_SCOPE, "outside that cluster");
  ck_assert_text (f.m, CLW_TYPE_PRACTICE, f.p_small, "partners", "2");

  /* A practice added to another cluster. */
  g_clear_object (&f.l);
  g_free (f.l_path);
  f.l_path = clw_test_path ("laptop/second.db");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ClwSyncReport) report = clw_sync_make_copy (f.m, CLW_SCOPE_CLUSTER, f.cluster, f.l_path,
                                                          "Second", &error);
    ck_assert_no_error (error);
  }
  f.l = open_database (f.l_path, "Dr Lead");
  insert_row (f.l, CLW_TYPE_PRACTICE, "cluster-id", f.other_cluster, "code", "W20009",
              "name", "Smuggled Surgery", "partners", "1", "list-size", "100", NULL);
  ours = send (&f, f.l);
  assert_refused (f.m, ours, CLW_SYNC_ERROR_OUT_OF_SCOPE, "W20009");

  /* A practice moved out of the cluster. */
  {
    g_autofree char *moved = NULL;
    g_clear_object (&f.l);
    g_free (f.l_path);
    f.l_path = clw_test_path ("laptop/third.db");
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ClwSyncReport) report = clw_sync_make_copy (f.m, CLW_SCOPE_CLUSTER, f.cluster, f.l_path,
                                                            "Third", &error);
      ck_assert_no_error (error);
    }
    f.l = open_database (f.l_path, "Dr Lead");
    update_row (f.l, CLW_TYPE_PRACTICE, f.p_mid, "cluster-id", f.other_cluster, NULL);
    moved = send (&f, f.l);
    assert_refused (f.m, moved, CLW_SYNC_ERROR_OUT_OF_SCOPE, "W10003");
  }
}
END_TEST

/* Killing an import ------------------------------------------------------------------------ */

typedef struct
{
  int         fd;
  const char *stage;
} StopAt;

static StopAt stop_at;

static void
stop_here (const char *stage,
           gpointer    user_data)
{
  StopAt *at = user_data;

  if (!g_str_equal (stage, at->stage))
    return;

  /* Tell the parent, and wait to be killed. */
  if (write (at->fd, "x", 1) != 1)
    _exit (3);
  for (;;)
    pause ();
}

/* Import @bundle into @db_path in a child process, and SIGKILL it when it
 * reaches @stage. */
static void
kill_import_at (const char *db_path,
                const char *bundle,
                const char *stage)
{
  int fds[2];
  pid_t pid;
  char c;
  int status;

  ck_assert_int_eq (pipe (fds), 0);
  pid = fork ();
  ck_assert_int_ge (pid, 0);

  if (pid == 0)
    {
      /* A new connection, as a new process of the app would open. */
      ClwDatabase *db;

      close (fds[0]);
      db = clw_database_open (db_path, CLW_DATABASE_OPEN_DEFAULT, NULL);
      if (db == NULL)
        _exit (2);
      stop_at.fd = fds[1];
      stop_at.stage = stage;
      _clw_sync_set_test_hook (stop_here, &stop_at);
      clw_sync_import (db, bundle, NULL);
      /* The stage was never reached. */
      _exit (4);
    }

  close (fds[1]);
  ck_assert_msg (read (fds[0], &c, 1) == 1, "the import never reached %s", stage);
  kill (pid, SIGKILL);
  ck_assert_int_eq (waitpid (pid, &status, 0), pid);
  ck_assert (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  close (fds[0]);
}

START_TEST (test_killed_during_import)
{
  static const char *stages[] = { "import-applied", "import-base-written" };
  g_auto(Fixture) f;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *l_id = NULL;
  g_autofree char *base = NULL;
  g_autofree char *next = NULL;

  fixture_init (&f);
  l_id = clw_sync_get_database_id (f.l);
  base = _clw_sync_base_path (f.m_path, l_id);
  next = g_strconcat (base, ".next", NULL);

  /* A large bundle. */
  clw_database_begin (f.l, &error);
  ck_assert_no_error (error);
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *description = g_strdup_printf ("Action %u of the meeting", i);
      g_free (insert_row (f.l, CLW_TYPE_ACTION_ITEM, "meeting-id", f.meeting, "description", description,
                          "owner", "Dr Lead", "due-on", "2022-04-01", "status", "open", NULL));
    }
  clw_database_commit (f.l, &error);
  ck_assert_no_error (error);
  update_row (f.l, CLW_TYPE_PRACTICE, f.p_small, "partners", "3", NULL);
  path = send (&f, f.l);

  before = fingerprint (f.m);
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      g_autofree char *after = NULL;

      kill_import_at (f.m_path, path, stages[i]);

      /* As the next start of the app finds it: unchanged, and whole. */
      g_clear_object (&f.m);
      f.m = open_database (f.m_path, "Health Board Team");
      ck_assert (clw_database_check_integrity (f.m, &error));
      ck_assert_no_error (error);
      after = fingerprint (f.m);
      ck_assert_str_eq (before, after);
    }

  /* The import can simply be run again; the copy of the base the killed
   * one left is dropped. */
  {
    g_autoptr(ClwSyncReport) report = receive (f.m, path);
    ck_assert_uint_eq (clw_sync_report_get_n_applied (report), 2001);
    ck_assert (!g_file_test (next, G_FILE_TEST_EXISTS));
  }

  /* Killed after the commit, before the base was renamed into place: the
   * next sync finishes the job, and nothing is sent back. */
  update_row (f.l, CLW_TYPE_PRACTICE, f.p_big, "partners", "7", NULL);
  g_free (path);
  path = send (&f, f.l);
  kill_import_at (f.m_path, path, "import-committed");
  g_clear_object (&f.m);
  f.m = open_database (f.m_path, "Health Board Team");
  ck_assert (clw_database_check_integrity (f.m, NULL));
  ck_assert_text (f.m, CLW_TYPE_PRACTICE, f.p_big, "partners", "7");
  ck_assert (g_file_test (next, G_FILE_TEST_EXISTS));
  ck_assert_uint_eq (pending (f.m), 0);
  ck_assert (!g_file_test (next, G_FILE_TEST_EXISTS));
  exchange (&f, f.m, f.l);
  exchange (&f, f.l, f.m);
  ck_assert_uint_eq (pending (f.m), 0);
  ck_assert_uint_eq (pending (f.l), 0);
}
END_TEST

START_TEST (test_search_finds_synced_text)
{
  g_auto(Fixture) f;

  fixture_init (&f);
  ck_assert_int_eq (clw_test_query_int (f.m, "SELECT count(*) FROM search_index "
                                              "WHERE search_index MATCH 'Llanwrtyd'"), 0);
  update_row (f.l, CLW_TYPE_MEETING, f.meeting2, "minutes", "We discussed the Llanwrtyd winter rota", NULL);
  insert_row (f.l, CLW_TYPE_ACTION_ITEM, "meeting-id", f.meeting2, "description", "Ask Builth about rotas",
              "owner", "Dr Lead", "due-on", "2022-07-01", "status", "open", NULL);
  exchange (&f, f.l, f.m);

  ck_assert_int_eq (clw_test_query_int (f.m, "SELECT count(*) FROM search_index "
                                              "WHERE search_index MATCH 'Llanwrtyd'"), 1);
  ck_assert_int_eq (clw_test_query_int (f.m, "SELECT count(*) FROM search_index "
                                              "WHERE search_index MATCH 'Builth'"), 1);
  {
    g_autofree char *row = clw_test_query_string (f.m, "SELECT row_id FROM search_index "
                                                       "WHERE search_index MATCH 'Llanwrtyd'");
    ck_assert_str_eq (row, f.meeting2);
  }

  /* And it forgets what a bundle deletes. */
  delete_row (f.l, CLW_TYPE_MEETING, f.meeting2);
  exchange (&f, f.l, f.m);
  ck_assert_int_eq (clw_test_query_int (f.m, "SELECT count(*) FROM search_index "
                                              "WHERE search_index MATCH 'Llanwrtyd OR Builth'"), 0);
}
END_TEST

START_TEST (test_folder_exchange)
{
  g_auto(Fixture) f;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = clw_test_path ("shared");
  ClwDatabase *order[] = { NULL, NULL };

  fixture_init (&f);
  g_mkdir_with_parents (folder, 0700);
  order[0] = f.l;
  order[1] = f.m;

  update_row (f.l, CLW_TYPE_PRACTICE, f.p_small, "partners", "3", NULL);
  update_row (f.m, CLW_TYPE_PRACTICE, f.p_big, "name", "Big Surgery Renamed", NULL);

  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(ClwSyncReport) report = clw_sync_exchange_folder (order[i], folder, &error);
        ck_assert_no_error (error);
        ck_assert_uint_eq (clw_sync_report_get_n_refused (report), 0);
      }

  ck_assert_text (f.m, CLW_TYPE_PRACTICE, f.p_small, "partners", "3");
  ck_assert_text (f.l, CLW_TYPE_PRACTICE, f.p_big, "name", "Big Surgery Renamed");
  assert_identical (&f);
  ck_assert_uint_eq (pending (f.m), 0);
  ck_assert_uint_eq (pending (f.l), 0);

  /* Once in step, nothing more is written, and nothing is left behind. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ClwSyncReport) report = clw_sync_exchange_folder (order[i], folder, &error);
      ck_assert_no_error (error);
      ck_assert_uint_eq (clw_sync_report_get_n_written (report), 0);
    }
  {
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    ck_assert_ptr_null (g_dir_read_name (dir));
  }

  /* A file still arriving is left for next time. */
  {
    g_autofree char *name = NULL;
    g_autofree char *partial = NULL;
    g_autofree char *m_id = clw_sync_get_database_id (f.m);
    g_autofree char *l_id = clw_sync_get_database_id (f.l);
    g_autoptr(ClwSyncReport) report = NULL;

    name = g_strdup_printf ("%s_to_%s_%08d.clwsync", l_id, m_id, 99);
    partial = g_build_filename (folder, name, NULL);
    g_file_set_contents (partial, "CLWSYNC", -1, &error);
    ck_assert_no_error (error);
    report = clw_sync_exchange_folder (f.m, folder, &error);
    ck_assert_no_error (error);
    ck_assert_uint_eq (clw_sync_report_get_n_skipped (report), 1);
    ck_assert (g_file_test (partial, G_FILE_TEST_EXISTS));
  }

  /* No folder, no exchange. */
  {
    g_autofree char *nowhere = clw_test_path ("no-such-folder");
    g_autoptr(ClwSyncReport) report = clw_sync_exchange_folder (f.m, nowhere, &error);
    ck_assert_ptr_null (report);
    ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
  }
}
END_TEST

typedef struct
{
  GMainLoop     *loop;
  ClwSyncReport *report;
  GError        *error;
  guint          changed;
} AsyncState;

static void
changed_cb (ClwDatabase  *db,
            const char  **tables,
            AsyncState   *state)
{
  state->changed++;
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncState *state = user_data;

  state->report = clw_sync_import_finish (CLW_DATABASE (source), result, &state->error);
  g_main_loop_quit (state->loop);
}

START_TEST (test_async_import)
{
  g_auto(Fixture) f;
  g_autofree char *path = NULL;
  AsyncState state = { 0 };

  fixture_init (&f);
  update_row (f.l, CLW_TYPE_PRACTICE, f.p_small, "partners", "3", NULL);
  path = send (&f, f.l);

  state.loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect (f.m, "changed", G_CALLBACK (changed_cb), &state);
  clw_sync_import_async (f.m, path, NULL, import_done_cb, &state);
  g_main_loop_run (state.loop);

  ck_assert_no_error (state.error);
  ck_assert_uint_eq (clw_sync_report_get_n_applied (state.report), 1);
  ck_assert_uint_eq (state.changed, 1);
  ck_assert_text (f.m, CLW_TYPE_PRACTICE, f.p_small, "partners", "3");

  g_object_unref (state.report);
  g_main_loop_unref (state.loop);
}
END_TEST

START_TEST (test_successive_bundles)
{
  g_auto(Fixture) f;

  fixture_init (&f);

  /* The laptop sends twice before the master answers: the second bundle's
   * old values are the laptop's base, which does not know the master has
   * the first. Neither is a conflict. */
  update_row (f.l, CLW_TYPE_PRACTICE, f.p_small, "partners", "3", NULL);
  update_row (f.l, CLW_TYPE_ACTION_ITEM, f.action, "notes", "First", NULL);
  exchange (&f, f.l, f.m);
  update_row (f.l, CLW_TYPE_PRACTICE, f.p_small, "partners", "1", NULL);
  delete_row (f.l, CLW_TYPE_ACTION_ITEM, f.action);
  exchange (&f, f.l, f.m);

  ck_assert_uint_eq (count_open (f.m, NULL), 0);
  ck_assert_text (f.m, CLW_TYPE_PRACTICE, f.p_small, "partners", "1");
  ck_assert (!clw_record_exists (f.m, CLW_TYPE_ACTION_ITEM, f.action));

  exchange (&f, f.m, f.l);
  exchange (&f, f.l, f.m);
  assert_identical (&f);
  ck_assert_uint_eq (pending (f.m), 0);
  ck_assert_uint_eq (pending (f.l), 0);
}
END_TEST

START_TEST (test_two_laptops)
{
  g_auto(Fixture) f;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwSyncReport) report = NULL;
  g_autoptr(ClwDatabase) l2 = NULL;
  g_autofree char *l2_path = clw_test_path ("laptop2/meeting.db");
  g_autofree char *l2_id = NULL;
  g_autofree char *sub_path = clw_test_path ("laptop/sub.db");
  g_autoptr(ClwDatabase) sub = NULL;

  fixture_init (&f);
  report = clw_sync_make_copy (f.m, CLW_SCOPE_CLUSTER, f.cluster, l2_path, "Second laptop", &error);
  ck_assert_no_error (error);
  g_clear_object (&report);
  l2 = open_database (l2_path, "Practice manager");
  l2_id = clw_sync_get_database_id (l2);

  update_row (f.l, CLW_TYPE_PRACTICE, f.p_big, "name", "Named on laptop one", NULL);
  update_row (l2, CLW_TYPE_PRACTICE, f.p_big, "partners", "10", NULL);

  /* Each laptop to the master, and the master to each. */
  {
    g_autofree char *a = send (&f, f.l);
    g_autofree char *b = clw_test_path ("from-l2.clwsync");
    g_autofree char *c = clw_test_path ("to-l1.clwsync");
    g_autofree char *d = clw_test_path ("to-l2.clwsync");

    g_clear_object (&report);
    report = clw_sync_export (l2, NULL, b, &error);
    ck_assert_no_error (error);
    g_object_unref (receive (f.m, a));
    g_object_unref (receive (f.m, b));

    g_clear_object (&report);
    report = clw_sync_export (f.m, "Laptop", c, &error);
    ck_assert_no_error (error);
    g_clear_object (&report);
    report = clw_sync_export (f.m, l2_id, d, &error);
    ck_assert_no_error (error);
    g_object_unref (receive (f.l, c));
    g_object_unref (receive (l2, d));
  }

  ck_assert_text (f.l, CLW_TYPE_PRACTICE, f.p_big, "partners", "10");
  ck_assert_text (l2, CLW_TYPE_PRACTICE, f.p_big, "name", "Named on laptop one");
  ck_assert_text (f.m, CLW_TYPE_PRACTICE, f.p_big, "name", "Named on laptop one");
  ck_assert_text (f.m, CLW_TYPE_PRACTICE, f.p_big, "partners", "10");
  ck_assert_uint_eq (count_open (f.m, NULL) + count_open (f.l, NULL) + count_open (l2, NULL), 0);

  /* Without naming the copy, the master does not guess. */
  {
    g_autofree char *e = clw_test_path ("which.clwsync");
    g_clear_object (&report);
    report = clw_sync_export (f.m, NULL, e, &error);
    ck_assert_ptr_null (report);
    ck_assert (g_error_matches (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_NO_PEER));
    ck_assert_ptr_nonnull (strstr (error->message, "Second laptop"));
    g_clear_error (&error);
  }

  /* A copy of a meeting copy syncs with it. */
  report = clw_sync_make_copy (f.l, CLW_SCOPE_CLUSTER, f.cluster, sub_path, "Tablet", &error);
  ck_assert_no_error (error);
  sub = open_database (sub_path, "Secretary");
  update_row (sub, CLW_TYPE_MEETING, f.meeting, "minutes", "Typed on the tablet", NULL);
  {
    g_autofree char *g = clw_test_path ("from-tablet.clwsync");
    g_autofree char *h = clw_test_path ("to-tablet.clwsync");

    g_clear_object (&report);
    report = clw_sync_export (sub, NULL, g, &error);
    ck_assert_no_error (error);
    g_object_unref (receive (f.l, g));
    ck_assert_text (f.l, CLW_TYPE_MEETING, f.meeting, "minutes", "Typed on the tablet");

    update_row (f.l, CLW_TYPE_MEETING, f.meeting, "place", "Library", NULL);
    g_clear_object (&report);
    report = clw_sync_export (f.l, "Tablet", h, &error);
    ck_assert_no_error (error);
    g_object_unref (receive (sub, h));
    ck_assert_text (sub, CLW_TYPE_MEETING, f.meeting, "place", "Library");
  }
}
END_TEST

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

START_TEST (test_async_everything)
{
  g_auto(Fixture) f;
  g_autoptr(GError) error = NULL;
  g_autofree char *bundle = clw_test_path ("async.clwsync");
  g_autofree char *folder = clw_test_path ("async-folder");
  g_autofree char *copy = clw_test_path ("async/copy.db");
  GAsyncResult *result = NULL;

  fixture_init (&f);
  g_mkdir_with_parents (folder, 0700);
  update_row (f.l, CLW_TYPE_PRACTICE, f.p_mid, "list-size", "9200", NULL);
  update_row (f.m, CLW_TYPE_PRACTICE, f.p_mid, "list-size", "9100", NULL);

  clw_sync_get_status_async (f.l, NULL, result_cb, &result);
  {
    g_autoptr(ClwSyncStatus) status = clw_sync_get_status_finish (f.l, wait_for (&result), &error);
    ck_assert_no_error (error);
    ck_assert_uint_eq (clw_sync_status_get_n_pending (status), 1);
  }
  g_clear_object (&result);

  clw_sync_export_async (f.l, NULL, bundle, NULL, result_cb, &result);
  {
    g_autoptr(ClwSyncReport) report = clw_sync_export_finish (f.l, wait_for (&result), &error);
    ck_assert_no_error (error);
    ck_assert_uint_eq (clw_sync_report_get_n_changes (report), 1);
  }
  g_clear_object (&result);
  g_object_unref (receive (f.m, bundle));

  {
    g_autofree char *id = conflict_id (f.m, "field", f.p_mid);
    clw_sync_resolve_async (f.m, id, CLW_SYNC_CHOICE_THEIRS, NULL, NULL, result_cb, &result);
  }
  ck_assert (clw_sync_resolve_finish (f.m, wait_for (&result), &error));
  ck_assert_no_error (error);
  g_clear_object (&result);
  ck_assert_text (f.m, CLW_TYPE_PRACTICE, f.p_mid, "list-size", "9200");

  clw_sync_exchange_folder_async (f.m, folder, NULL, result_cb, &result);
  {
    g_autoptr(ClwSyncReport) report = clw_sync_exchange_folder_finish (f.m, wait_for (&result), &error);
    ck_assert_no_error (error);
    ck_assert_uint_eq (clw_sync_report_get_n_written (report), 1);
  }
  g_clear_object (&result);

  clw_sync_make_copy_async (f.m, CLW_SCOPE_CLUSTER, f.cluster, copy, NULL, NULL, result_cb, &result);
  {
    g_autoptr(ClwSyncReport) report = clw_sync_make_copy_finish (f.m, wait_for (&result), &error);
    ck_assert_no_error (error);
    ck_assert (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  }
  g_clear_object (&result);

  /* Errors come back through _finish, with nothing changed. */
  clw_sync_import_async (f.m, bundle, NULL, result_cb, &result);
  {
    g_autoptr(ClwSyncReport) report = clw_sync_import_finish (f.m, wait_for (&result), &error);
    ck_assert_ptr_null (report);
    ck_assert (g_error_matches (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_ALREADY_APPLIED));
  }
  g_clear_object (&result);
}
END_TEST

/* The master deletes a meeting while the laptop adds an action to it. */
static void
check_deleted_parent (ClwSyncChoice choice)
{
  g_auto(Fixture) f;
  g_autofree char *added = NULL;

  fixture_init (&f);
  delete_row (f.m, CLW_TYPE_MEETING, f.meeting2);
  added = insert_row (f.l, CLW_TYPE_ACTION_ITEM, "meeting-id", f.meeting2, "description", "Follow up",
                      "owner", "Dr Lead", "due-on", "2022-07-01", "status", "open", NULL);

  exchange (&f, f.l, f.m);
  exchange (&f, f.m, f.l);

  /* Both list it; neither lost anything. */
  g_free (conflict_id (f.m, "parent-missing", added));
  g_free (conflict_id (f.l, "deleted-theirs", f.meeting2));
  ck_assert (!clw_record_exists (f.m, CLW_TYPE_MEETING, f.meeting2));
  ck_assert (!clw_record_exists (f.m, CLW_TYPE_ACTION_ITEM, added));
  ck_assert (clw_record_exists (f.l, CLW_TYPE_MEETING, f.meeting2));
  ck_assert (clw_record_exists (f.l, CLW_TYPE_ACTION_ITEM, added));
  {
    g_autofree char *id = conflict_id (f.l, "deleted-theirs", f.meeting2);
    g_autoptr(ClwSyncConflict) c = clw_sync_get_conflict (f.l, id, NULL);
    ck_assert_ptr_nonnull (strstr (clw_sync_conflict_get_message (c), "under it"));
  }

  resolve (f.m, "parent-missing", added, choice, NULL);
  settle_rounds (&f, f.m, f.l);
  assert_identical (&f);

  if (choice == CLW_SYNC_CHOICE_THEIRS)
    {
      /* The meeting came back with the action. */
      ck_assert (clw_record_exists (f.m, CLW_TYPE_MEETING, f.meeting2));
      ck_assert (clw_record_exists (f.l, CLW_TYPE_ACTION_ITEM, added));
    }
  else
    {
      ck_assert (!clw_record_exists (f.l, CLW_TYPE_MEETING, f.meeting2));
      ck_assert (!clw_record_exists (f.l, CLW_TYPE_ACTION_ITEM, added));
    }
  ck_assert_uint_eq (pending (f.m), 0);
  ck_assert_uint_eq (pending (f.l), 0);
}

START_TEST (test_deleted_parent_theirs)
{
  check_deleted_parent (CLW_SYNC_CHOICE_THEIRS);
}
END_TEST

START_TEST (test_deleted_parent_mine)
{
  check_deleted_parent (CLW_SYNC_CHOICE_MINE);
}
END_TEST

START_TEST (test_bench_function)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = clw_test_path ("bench");
  double seconds;

  g_mkdir_with_parents (folder, 0700);
  /* It checks itself that every change was applied. */
  seconds = clw_sync_bench_apply (folder, 60, 40, &error);
  ck_assert_no_error (error);
  ck_assert (seconds >= 0);
}
END_TEST

/* A bundle big enough that the search index's triggers step aside while
 * its rows are written: the rows are indexed all the same, once each, and
 * the triggers are back afterwards. */
START_TEST (test_large_bundle_is_indexed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = clw_test_path ("large");
  ClwSyncBench *bench;
  ClwDatabase *db;
  gint64 triggers;

  g_mkdir_with_parents (folder, 0700);
  bench = clw_sync_bench_prepare (folder, 400, 100, &error);
  ck_assert_no_error (error);
  db = clw_sync_bench_get_database (bench);
  triggers = clw_test_query_int (db, "SELECT count(*) FROM sqlite_schema "
                                     "WHERE type = 'trigger' AND name LIKE 'search\\_%' ESCAPE '\\'");
  ck_assert_int_gt (triggers, 0);

  ck_assert (clw_sync_bench_import (bench, &error));
  ck_assert_no_error (error);

  ck_assert_int_eq (clw_test_query_int (db, "SELECT count(*) FROM sqlite_schema "
                                            "WHERE type = 'trigger' AND name LIKE 'search\\_%' ESCAPE '\\'"),
                    triggers);
  ck_assert_int_eq (clw_test_query_int (db, "SELECT count(*) FROM action_item"), 500);
  ck_assert_int_eq (clw_test_query_int (db, "SELECT count(*) FROM search_map m JOIN action_item a ON a.id = m.row_id"),
                    500);
  ck_assert_int_eq (clw_test_query_int (db, "SELECT count(*) FROM search_index "
                                            "WHERE search_index MATCH '\"Action 450 of the meeting\"'"), 1);
  /* The changed rows' new text, not the old. */
  ck_assert_int_eq (clw_test_query_int (db, "SELECT count(*) FROM search_index "
                                            "WHERE search_index MATCH '\"Discussed at the meeting\"'"), 100);
  clw_sync_bench_free (bench);
}
END_TEST

static Suite *
sync_suite (void)
{
  Suite *s = suite_create ("sync");
  TCase *tc = tcase_create ("sync");

  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_copy_for_meeting);
  tcase_add_test (tc, test_converge_laptop_first);
  tcase_add_test (tc, test_converge_master_first);
  tcase_add_test (tc, test_converge_crossing);
  tcase_add_test (tc, test_conflict_details);
  tcase_add_test (tc, test_truncated_and_tampered);
  tcase_add_test (tc, test_applied_twice_and_superseded);
  tcase_add_test (tc, test_other_base);
  tcase_add_test (tc, test_out_of_scope);
  tcase_add_test (tc, test_killed_during_import);
  tcase_add_test (tc, test_search_finds_synced_text);
  tcase_add_test (tc, test_folder_exchange);
  tcase_add_test (tc, test_async_import);
  tcase_add_test (tc, test_async_everything);
  tcase_add_test (tc, test_successive_bundles);
  tcase_add_test (tc, test_two_laptops);
  tcase_add_test (tc, test_deleted_parent_theirs);
  tcase_add_test (tc, test_deleted_parent_mine);
  tcase_add_test (tc, test_bench_function);
  tcase_add_test (tc, test_large_bundle_is_indexed);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int    argc,
      char **argv)
{
  return clw_test_run (sync_suite (), argc, argv);
}
