/* clw-search.c: full-text search across practices, meetings, actions, evidence and IMTP text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-search"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clw-search.h"
#include "clw-database-private.h"
#include "clw-enums.h"
#include "clw-error.h"
#include "clw-record.h"
#include "clw-search-private.h"

/* Titles weigh more than bodies; kind and row_id are not indexed. */
#define CLW_SEARCH_MIN_PREFIX_CHARS 2

#define RANK_SQL "bm25(search_index, 0.0, 0.0, 10.0, 1.0)"

/* The query ------------------------------------------------------------- */

/* What the tokenizer (unicode61) keeps in a token: letters, numbers and
 * the marks of letters; anything else separates words. */
static gboolean
is_token_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
      return TRUE;

    default:
      return FALSE;
    }
}

/* Append @word as one quoted FTS5 string: only token characters and single
 * spaces, so it can hold no quote, operator, column filter or bracket.
 * Returns the number of characters of its last token, 0 when the word had
 * nothing to search for. */
static guint
append_term (GString    *query,
             const char *word)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  guint n_chars = 0;
  guint last_token = 0;
  gboolean space = FALSE;

  for (const char *p = word; *p != '\0' && n_chars < CLW_SEARCH_MAX_TERM_CHARS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_token_char (c))
        {
          if (space && clean->len > 0)
            {
              g_string_append_c (clean, ' ');
              last_token = 0;
            }
          g_string_append_unichar (clean, c);
          space = FALSE;
          n_chars++;
          last_token++;
        }
      else
        space = TRUE;
    }

  if (clean->len == 0)
    return 0;

  g_string_append_printf (query, "%s\"%s\"", query->len ? " " : "", clean->str);
  return last_token;
}

char *
clw_search_build_query (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *normal = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) query = g_string_new (NULL);
  gboolean truncated = FALSE;
  guint n_terms = 0;
  guint last_token = 0;
  gsize len;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  /* "ô" typed as "o" and a combining circumflex is one character. */
  normal = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  if (normal == NULL)
    return NULL;

  {
    g_autoptr(GString) spaced = g_string_new (NULL);

    /* Any space (a no-break space, a tab) separates words. */
    for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);
        g_string_append_unichar (spaced, g_unichar_isspace (c) ? ' ' : c);
      }
    words = g_strsplit (spaced->str, " ", -1);
  }

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint n;

      if (n_terms == CLW_SEARCH_MAX_TERMS)
        {
          truncated = TRUE;
          break;
        }

      n = append_term (query, words[i]);
      if (n > 0)
        {
          n_terms++;
          last_token = n;
          /* "physio*": the person asks for a prefix. */
          if (g_str_has_suffix (words[i], "*") && words[i + 1] != NULL &&
              n >= CLW_SEARCH_MIN_PREFIX_CHARS)
            g_string_append (query, " *");
        }
    }

  if (n_terms == 0)
    return NULL;

  /* The word being typed matches as a prefix; one followed by a space or
   * punctuation is complete. A single letter is not a prefix: it would
   * match most of the index and tell nothing. */
  len = strlen (normal);
  if (!truncated && len > 0 && last_token >= CLW_SEARCH_MIN_PREFIX_CHARS &&
      (is_token_char (g_utf8_get_char (g_utf8_prev_char (normal + len))) || normal[len - 1] == '*'))
    g_string_append (query, " *");

  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* Running it ------------------------------------------------------------ */

static int
progress_cb (void *data)
{
  /* Non-zero interrupts the statement. */
  return g_cancellable_is_cancelled (G_CANCELLABLE (data));
}

static gboolean
kind_from_nick (const char    *nick,
                ClwSearchKind *kind)
{
  /* The kinds of search_index (see the view search_source). */
  static const char * const nicks[CLW_N_SEARCH_KINDS] = {
    "practice", "meeting", "action", "evidence", "imtp-section",
  };

  for (guint k = 0; k < CLW_N_SEARCH_KINDS; k++)
    if (g_strcmp0 (nick, nicks[k]) == 0)
      {
        *kind = k;
        return TRUE;
      }

  return FALSE;
}

static gboolean
step_error (ClwDatabase   *db,
            int            rc,
            GCancellable  *cancellable,
            GError       **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return _clw_database_set_error (db, rc, _("searching"), error);
}

static char *
cycle_of_day (ClwDatabase *db,
              const char  *date)
{
  g_autoptr(ClwStmt) stmt = NULL;
  g_autofree char *day = NULL;

  if (date == NULL || strlen (date) < 10)
    return NULL;

  stmt = _clw_database_prepare (db, "SELECT id FROM cycle WHERE ?1 BETWEEN starts_on AND ends_on", NULL);
  if (stmt == NULL)
    return NULL;
  day = g_strndup (date, 10);
  _clw_bind_text (stmt, 1, day);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return _clw_column_dup (stmt, 0);
  return NULL;
}

/* Fill in what the app shows and opens for @hit; FALSE when the row has
 * gone (it cannot, while the triggers hold) or on error. */
static gboolean
describe_hit (ClwDatabase   *db,
              ClwSearchHit  *hit,
              GError       **error)
{
  g_autoptr(ClwStmt) stmt = NULL;
  static const char * const sql[CLW_N_SEARCH_KINDS] = {
    [CLW_SEARCH_KIND_PRACTICE] =
      "SELECT p.code || ' ' || p.name, k.name, p.cluster_id "
      "FROM practice p JOIN cluster k ON k.id = p.cluster_id WHERE p.id = ?1",
    [CLW_SEARCH_KIND_MEETING] =
      "SELECT m.starts_at, m.place, c.name, c.cluster_id "
      "FROM meeting m JOIN collaborative c ON c.id = m.collaborative_id WHERE m.id = ?1",
    [CLW_SEARCH_KIND_ACTION] =
      "SELECT a.description, a.owner, a.meeting_id, m.starts_at, c.cluster_id "
      "FROM action_item a JOIN meeting m ON m.id = a.meeting_id "
      "JOIN collaborative c ON c.id = m.collaborative_id WHERE a.id = ?1",
    [CLW_SEARCH_KIND_EVIDENCE] =
      "SELECT e.title, e.kind, e.evidence_on, e.practice_id, e.meeting_id, "
      "coalesce(p.cluster_id, c.cluster_id), i.cycle_id, p.code "
      "FROM evidence e LEFT JOIN practice p ON p.id = e.practice_id "
      "LEFT JOIN meeting m ON m.id = e.meeting_id "
      "LEFT JOIN collaborative c ON c.id = m.collaborative_id "
      "LEFT JOIN indicator i ON i.id = e.indicator_id WHERE e.id = ?1",
    [CLW_SEARCH_KIND_IMTP_SECTION] =
      "SELECT s.kind, s.contribution_id, t.practice_id, t.cycle_id, p.code, p.name, "
      "p.cluster_id, y.code "
      "FROM imtp_section s JOIN imtp_contribution t ON t.id = s.contribution_id "
      "JOIN practice p ON p.id = t.practice_id JOIN cycle y ON y.id = t.cycle_id WHERE s.id = ?1",
  };
  int rc;

  stmt = _clw_database_prepare (db, sql[hit->kind], error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, hit->row_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return FALSE;
  if (rc != SQLITE_ROW)
    return _clw_database_set_error (db, rc, _("searching"), error);

  switch (hit->kind)
    {
    case CLW_SEARCH_KIND_PRACTICE:
      hit->title = _clw_column_dup (stmt, 0);
      hit->subtitle = _clw_column_dup (stmt, 1);
      hit->practice_id = g_strdup (hit->row_id);
      hit->cluster_id = _clw_column_dup (stmt, 2);
      break;

    case CLW_SEARCH_KIND_MEETING:
      {
        g_autofree char *when = clw_date_format_display (_clw_column_text (stmt, 0));
        const char *place = _clw_column_text (stmt, 1);

        if (place != NULL && *place != '\0')
          hit->title = g_strdup_printf (_("Meeting of %s, %s"), when, place);
        else
          hit->title = g_strdup_printf (_("Meeting of %s"), when);
        hit->subtitle = _clw_column_dup (stmt, 2);
        hit->meeting_id = g_strdup (hit->row_id);
        hit->cluster_id = _clw_column_dup (stmt, 3);
        hit->cycle_id = cycle_of_day (db, _clw_column_text (stmt, 0));
      }
      break;

    case CLW_SEARCH_KIND_ACTION:
      {
        g_autofree char *when = clw_date_format_display (_clw_column_text (stmt, 3));

        hit->title = _clw_column_dup (stmt, 0);
        /* TRANSLATORS: "Action for Dr Jones, from the meeting of 12 Jan 2022" */
        hit->subtitle = g_strdup_printf (_("Action for %s, from the meeting of %s"),
                                         _clw_column_text (stmt, 1), when);
        hit->meeting_id = _clw_column_dup (stmt, 2);
        hit->cluster_id = _clw_column_dup (stmt, 4);
        hit->cycle_id = cycle_of_day (db, _clw_column_text (stmt, 3));
      }
      break;

    case CLW_SEARCH_KIND_EVIDENCE:
      {
        g_autofree char *when = clw_date_format_display (_clw_column_text (stmt, 2));
        const char *code = _clw_column_text (stmt, 7);
        int kind = CLW_EVIDENCE_KIND_OTHER;

        clw_enum_from_nick (CLW_TYPE_EVIDENCE_KIND, _clw_column_text (stmt, 1), &kind);
        hit->title = _clw_column_dup (stmt, 0);
        if (code != NULL)
          /* TRANSLATORS: "Partnership working, W12345, 12 Jan 2022" */
          hit->subtitle = g_strdup_printf (_("%s, %s, %s"), clw_evidence_kind_to_label (kind), code, when);
        else
          hit->subtitle = g_strdup_printf (_("%s, %s"), clw_evidence_kind_to_label (kind), when);
        hit->practice_id = _clw_column_dup (stmt, 3);
        hit->meeting_id = _clw_column_dup (stmt, 4);
        hit->cluster_id = _clw_column_dup (stmt, 5);
        hit->cycle_id = _clw_column_dup (stmt, 6);
        if (hit->cycle_id == NULL)
          hit->cycle_id = cycle_of_day (db, _clw_column_text (stmt, 2));
      }
      break;

    case CLW_SEARCH_KIND_IMTP_SECTION:
      {
        int kind = CLW_IMTP_SECTION_KIND_POPULATION_NEEDS;

        clw_enum_from_nick (CLW_TYPE_IMTP_SECTION_KIND, _clw_column_text (stmt, 0), &kind);
        hit->title = g_strdup (clw_imtp_section_kind_to_label (kind));
        /* TRANSLATORS: "W12345 Meddygfa Ynys Môn, IMTP contribution 2021-22" */
        hit->subtitle = g_strdup_printf (_("%s %s, IMTP contribution %s"),
                                         _clw_column_text (stmt, 4), _clw_column_text (stmt, 5),
                                         _clw_column_text (stmt, 7));
        hit->contribution_id = _clw_column_dup (stmt, 1);
        hit->practice_id = _clw_column_dup (stmt, 2);
        hit->cycle_id = _clw_column_dup (stmt, 3);
        hit->cluster_id = _clw_column_dup (stmt, 6);
      }
      break;

    default:
      g_return_val_if_reached (FALSE);
    }

  return TRUE;
}

/* One pass over the matches ---------------------------------------------- *
 *
 * A snippet costs far more than a rank, and asking FTS5 for one row's
 * snippet afterwards runs the whole query again. So the query keeps, as it
 * goes, the best rows of each kind so far (clw_search_keep() in its WHERE
 * clause) and only those rows have their id and snippet read: about
 * limit × (1 + ln (matches / limit)) rows of each kind instead of all of
 * them.
 *
 * A rank (bm25) costs about a microsecond and a half a row, as it reads the
 * row's column sizes; a very common word (“practice” matches 30,000 rows of
 * the demo at scale 10) would spend most of the search ranking rows of
 * which only the best 20 of each kind are shown. So the matches are read
 * newest first and each kind ranks at most CLW_SEARCH_MAX_RANKED of them
 * (clw_search_count(), before the rank in a CASE, which SQLite evaluates
 * lazily); the rest are only counted. The kind is read from the index's
 * content table by its rowid: through FTS5's own column it costs a lookup
 * statement per row, three times as much. */

typedef struct
{
  gint64 fts_rowid;
  double rank;
} Candidate;

typedef struct
{
  guint      limit;
  guint      max_ranked;
  guint      n_total[CLW_N_SEARCH_KINDS];
  guint      n_ranked[CLW_N_SEARCH_KINDS];
  GArray    *best[CLW_N_SEARCH_KINDS];   /* of Candidate, at most limit */
} KeepState;

typedef struct
{
  char *row_id;
  char *snippet;
} Kept;

static void
kept_free (gpointer data)
{
  Kept *kept = data;

  g_free (kept->row_id);
  g_free (kept->snippet);
  g_free (kept);
}

#define KEEP_STATE_TYPE "ClwSearchKeepState"

/* clw_search_count(state, kind): count the match; whether to rank it. */
static void
sql_search_count (sqlite3_context  *ctx,
                  int               argc,
                  sqlite3_value   **argv)
{
  KeepState *state = sqlite3_value_pointer (argv[0], KEEP_STATE_TYPE);
  ClwSearchKind kind;

  if (state == NULL || !kind_from_nick ((const char *) sqlite3_value_text (argv[1]), &kind))
    {
      sqlite3_result_int (ctx, 0);
      return;
    }

  state->n_total[kind]++;
  if (state->n_ranked[kind] >= state->max_ranked)
    {
      sqlite3_result_int (ctx, 0);
      return;
    }

  state->n_ranked[kind]++;
  sqlite3_result_int (ctx, 1);
}

/* clw_search_keep(state, rowid, kind, rank): whether the row is among the
 * best of its kind so far. */
static void
sql_search_keep (sqlite3_context  *ctx,
                 int               argc,
                 sqlite3_value   **argv)
{
  KeepState *state = sqlite3_value_pointer (argv[0], KEEP_STATE_TYPE);
  Candidate candidate;
  ClwSearchKind kind;
  GArray *best;
  guint worst = 0;

  if (state == NULL || !kind_from_nick ((const char *) sqlite3_value_text (argv[2]), &kind))
    {
      sqlite3_result_int (ctx, 0);
      return;
    }

  candidate.fts_rowid = sqlite3_value_int64 (argv[1]);
  candidate.rank = sqlite3_value_double (argv[3]);
  best = state->best[kind];

  if (best->len < state->limit)
    {
      g_array_append_val (best, candidate);
      sqlite3_result_int (ctx, 1);
      return;
    }

  for (guint i = 1; i < best->len; i++)
    if (g_array_index (best, Candidate, i).rank > g_array_index (best, Candidate, worst).rank)
      worst = i;

  if (candidate.rank < g_array_index (best, Candidate, worst).rank)
    {
      g_array_index (best, Candidate, worst) = candidate;
      sqlite3_result_int (ctx, 1);
      return;
    }

  sqlite3_result_int (ctx, 0);
}

static void
ensure_keep_function (ClwDatabase *db)
{
  if (g_object_get_data (G_OBJECT (db), "clw-search-keep") != NULL)
    return;

  sqlite3_create_function (_clw_database_get_handle (db), "clw_search_count", 2,
                           SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL, sql_search_count, NULL, NULL);
  sqlite3_create_function (_clw_database_get_handle (db), "clw_search_keep", 4,
                           SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL, sql_search_keep, NULL, NULL);
  g_object_set_data (G_OBJECT (db), "clw-search-keep", GINT_TO_POINTER (1));
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;

  if (ca->rank != cb->rank)
    return ca->rank < cb->rank ? -1 : 1;
  return ca->fts_rowid < cb->fts_rowid ? -1 : ca->fts_rowid > cb->fts_rowid;
}

static GListModel *
search_run (ClwDatabase   *db,
            const char    *text,
            guint          limit,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *query = clw_search_build_query (text);
  g_autoptr(GListStore) groups = g_list_store_new (CLW_TYPE_SEARCH_GROUP);
  g_autoptr(GHashTable) kept = NULL;
  g_autoptr(ClwStmt) stmt = NULL;
  KeepState state = { 0, };
  gboolean ok = FALSE;
  int rc;

  if (limit == 0)
    limit = CLW_SEARCH_DEFAULT_LIMIT;

  if (query == NULL)
    return G_LIST_MODEL (g_steal_pointer (&groups));

  state.limit = limit;
  state.max_ranked = MAX (limit, CLW_SEARCH_MAX_RANKED);
  for (guint k = 0; k < CLW_N_SEARCH_KINDS; k++)
    state.best[k] = g_array_new (FALSE, FALSE, sizeof (Candidate));
  kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, kept_free);

  ensure_keep_function (db);
  if (cancellable != NULL)
    sqlite3_progress_handler (_clw_database_get_handle (db), 1000, progress_cb, cancellable);

  /* The passage: the title of a practice, the text of an IMTP section (its
   * title is its kind), the best column otherwise. Newest first, the index
   * leading the join (FTS5 walks its rowids backwards, no sorting). */
  stmt = _clw_database_prepare (db,
                                "SELECT search_index.rowid, search_index.row_id, CASE c.c0 "
                                "  WHEN 'practice' THEN snippet(search_index, 2, ?3, ?4, '…', 16) "
                                "  WHEN 'imtp-section' THEN snippet(search_index, 3, ?3, ?4, '…', 16) "
                                "  ELSE snippet(search_index, -1, ?3, ?4, '…', 16) END "
                                "FROM search_index CROSS JOIN search_index_content AS c "
                                "ON c.id = search_index.rowid "
                                "WHERE search_index MATCH ?1 "
                                "AND CASE WHEN clw_search_count(?2, c.c0) "
                                "  THEN clw_search_keep(?2, search_index.rowid, c.c0, " RANK_SQL ") "
                                "  ELSE 0 END "
                                "ORDER BY search_index.rowid DESC",
                                error);
  if (stmt == NULL)
    goto out;
  _clw_bind_text (stmt, 1, query);
  sqlite3_bind_pointer (stmt, 2, &state, KEEP_STATE_TYPE, NULL);
  _clw_bind_text (stmt, 3, CLW_SEARCH_MARK_START);
  _clw_bind_text (stmt, 4, CLW_SEARCH_MARK_END);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 fts_rowid = sqlite3_column_int64 (stmt, 0);
      Kept *row = g_new0 (Kept, 1);

      row->row_id = _clw_column_dup (stmt, 1);
      row->snippet = _clw_column_dup (stmt, 2);
      g_hash_table_insert (kept, g_memdup2 (&fts_rowid, sizeof fts_rowid), row);
    }
  if (rc != SQLITE_DONE)
    {
      step_error (db, rc, cancellable, error);
      goto out;
    }
  g_clear_pointer (&stmt, _clw_stmt_release);

  for (guint k = 0; k < CLW_N_SEARCH_KINDS; k++)
    {
      g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(ClwSearchGroup) group = NULL;
      GArray *best = state.best[k];

      if (state.n_total[k] == 0)
        continue;

      g_array_sort (best, compare_candidates);

      for (guint i = 0; i < best->len; i++)
        {
          const Candidate *c = &g_array_index (best, Candidate, i);
          Kept *row = g_hash_table_lookup (kept, &c->fts_rowid);
          ClwSearchHit hit = { .kind = k, .rank = c->rank };
          g_autoptr(GError) local_error = NULL;

          if (row == NULL || row->row_id == NULL)
            continue;
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto out;

          hit.row_id = g_strdup (row->row_id);
          hit.snippet = g_strdup (row->snippet);
          if (describe_hit (db, &hit, &local_error))
            g_ptr_array_add (results, _clw_search_result_new (&hit));
          _clw_search_hit_clear (&hit);

          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              goto out;
            }
        }

      group = _clw_search_group_new (k, state.n_total[k], results);
      g_list_store_append (groups, group);
    }

  ok = TRUE;

out:
  if (stmt != NULL)
    g_clear_pointer (&stmt, _clw_stmt_release);
  if (cancellable != NULL)
    sqlite3_progress_handler (_clw_database_get_handle (db), 0, NULL, NULL);
  for (guint k = 0; k < CLW_N_SEARCH_KINDS; k++)
    g_array_unref (state.best[k]);

  return ok ? G_LIST_MODEL (g_steal_pointer (&groups)) : NULL;
}

GListModel *
clw_search (ClwDatabase  *db,
            const char   *text,
            guint         limit_per_kind,
            GError      **error)
{
  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);

  return search_run (db, text, limit_per_kind, NULL, error);
}

typedef struct
{
  char  *db_path;
  char  *text;
  guint  limit;
} SearchData;

static void
search_data_free (gpointer data)
{
  SearchData *sd = data;

  g_free (sd->db_path);
  g_free (sd->text);
  g_free (sd);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchData *sd = task_data;
  g_autoptr(ClwDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *groups;

  db = clw_database_open (sd->db_path, CLW_DATABASE_OPEN_READ_ONLY | CLW_DATABASE_OPEN_TRUSTED, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  groups = search_run (db, sd->text, sd->limit, cancellable, &error);
  if (groups == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, groups, g_object_unref);
}

void
clw_search_async (const char          *db_path,
                  const char          *text,
                  guint                limit_per_kind,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SearchData *sd;

  g_return_if_fail (db_path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, clw_search_async);
  g_task_set_return_on_cancel (task, TRUE);

  sd = g_new0 (SearchData, 1);
  sd->db_path = g_strdup (db_path);
  sd->text = g_strdup (text);
  sd->limit = limit_per_kind;
  g_task_set_task_data (task, sd, search_data_free);

  g_task_run_in_thread (task, search_thread);
}

GListModel *
clw_search_finish (GAsyncResult  *result,
                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == clw_search_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
