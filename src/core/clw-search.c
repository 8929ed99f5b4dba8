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
 * spaces, so it can hold no quote, operator, column filter or bracket. */
static gboolean
append_term (GString    *query,
             const char *word)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  guint n_chars = 0;
  gboolean space = FALSE;

  for (const char *p = word; *p != '\0' && n_chars < CLW_SEARCH_MAX_TERM_CHARS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_token_char (c))
        {
          if (space && clean->len > 0)
            g_string_append_c (clean, ' ');
          g_string_append_unichar (clean, c);
          space = FALSE;
          n_chars++;
        }
      else
        space = TRUE;
    }

  if (clean->len == 0)
    return FALSE;

  g_string_append_printf (query, "%s\"%s\"", query->len ? " " : "", clean->str);
  return TRUE;
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
  gsize len;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  /* "ô" typed as "o" and a combining circumflex is one character. */
  normal = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  if (normal == NULL)
    return NULL;

  for (char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      *p = ' ';
  words = g_strsplit (normal, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (n_terms == CLW_SEARCH_MAX_TERMS)
        {
          truncated = TRUE;
          break;
        }
      if (append_term (query, words[i]))
        {
          n_terms++;
          /* "physio*": the person asks for a prefix. */
          if (g_str_has_suffix (words[i], "*") && words[i + 1] != NULL)
            g_string_append (query, " *");
        }
    }

  if (n_terms == 0)
    return NULL;

  /* The word being typed matches as a prefix; one followed by a space or
   * punctuation is complete. */
  len = strlen (normal);
  if (!truncated && len > 0 &&
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

typedef struct
{
  gint64 fts_rowid;
  double rank;
} Candidate;

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
  g_autoptr(ClwStmt) stmt = NULL;
  GArray *candidates[CLW_N_SEARCH_KINDS] = { NULL, };
  gboolean ok = FALSE;
  int rc;

  if (limit == 0)
    limit = CLW_SEARCH_DEFAULT_LIMIT;

  if (query == NULL)
    return G_LIST_MODEL (g_steal_pointer (&groups));

  for (guint k = 0; k < CLW_N_SEARCH_KINDS; k++)
    candidates[k] = g_array_new (FALSE, FALSE, sizeof (Candidate));

  if (cancellable != NULL)
    sqlite3_progress_handler (_clw_database_get_handle (db), 1000, progress_cb, cancellable);

  /* Every match with its rank; only the ids and kinds are read here. */
  stmt = _clw_database_prepare (db,
                                "SELECT rowid, kind, " RANK_SQL " FROM search_index "
                                "WHERE search_index MATCH ?1",
                                error);
  if (stmt == NULL)
    goto out;
  _clw_bind_text (stmt, 1, query);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Candidate c = { sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 2) };
      ClwSearchKind kind;

      if (kind_from_nick (_clw_column_text (stmt, 1), &kind))
        g_array_append_val (candidates[kind], c);
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
      guint n = MIN (candidates[k]->len, limit);

      if (candidates[k]->len == 0)
        continue;

      g_array_sort (candidates[k], compare_candidates);

      for (guint i = 0; i < n; i++)
        {
          const Candidate *c = &g_array_index (candidates[k], Candidate, i);
          ClwSearchHit hit = { .kind = k, .rank = c->rank };
          g_autoptr(GError) local_error = NULL;

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto out;

          /* The passage: the title of a practice, the text of an IMTP
           * section (its title is its kind), the best column otherwise. */
          stmt = _clw_database_prepare (db,
                                        "SELECT row_id, snippet(search_index, ?3, '" CLW_SEARCH_MARK_START
                                        "', '" CLW_SEARCH_MARK_END "', '…', 16) "
                                        "FROM search_index WHERE search_index MATCH ?1 AND rowid = ?2",
                                        error);
          if (stmt == NULL)
            goto out;
          _clw_bind_text (stmt, 1, query);
          sqlite3_bind_int64 (stmt, 2, c->fts_rowid);
          sqlite3_bind_int (stmt, 3, k == CLW_SEARCH_KIND_PRACTICE ? 2 :
                                     k == CLW_SEARCH_KIND_IMTP_SECTION ? 3 : -1);
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW)
            {
              hit.row_id = _clw_column_dup (stmt, 0);
              hit.snippet = _clw_column_dup (stmt, 1);
            }
          g_clear_pointer (&stmt, _clw_stmt_release);
          if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            {
              step_error (db, rc, cancellable, error);
              goto out;
            }

          if (hit.row_id != NULL && describe_hit (db, &hit, &local_error))
            g_ptr_array_add (results, _clw_search_result_new (&hit));
          _clw_search_hit_clear (&hit);

          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              goto out;
            }
        }

      group = _clw_search_group_new (k, candidates[k]->len, results);
      g_list_store_append (groups, group);
    }

  ok = TRUE;

out:
  if (cancellable != NULL)
    sqlite3_progress_handler (_clw_database_get_handle (db), 0, NULL, NULL);
  for (guint k = 0; k < CLW_N_SEARCH_KINDS; k++)
    g_array_unref (candidates[k]);

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
