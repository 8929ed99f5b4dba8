/* clw-bench.c: the runner of the benchmarks behind `make bench`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   clw-bench [--runs N] [--list] [PATTERN…]
 *
 * Prints a header saying the machine and the date, then one line per
 * benchmark: its name and scale, the median and spread of its runs, rows per
 * second where that applies, the baseline measured in the same run and the
 * ratio to it, and the target when there is one. PATTERN keeps the rows
 * whose name contains it ("QAIF"), at one scale with "@N" ("QAIF@10",
 * "@1").
 */

#define G_LOG_DOMAIN "clw-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/xmlversion.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "clw-bench.h"
#include "clw-core.h"
#include "clw-files.h"

/* Runs: at least MIN_RUNS (or --runs), then more until MIN_SECONDS have
 * passed, at most MAX_RUNS. */
#define MIN_RUNS 5
#define MAX_RUNS 200
#define MIN_SECONDS 1.0

struct _ClwBench
{
  char  *cache_dir;
  char  *scratch_dir;
  guint  scratch_serial;
  guint  min_runs;
};

static const struct
{
  const ClwBenchCase *cases;
  const guint        *n_cases;
} groups[] = {
  { clw_bench_core_cases, &clw_bench_core_n_cases },
  { clw_bench_returns_cases, &clw_bench_returns_n_cases },
  { clw_bench_search_cases, &clw_bench_search_n_cases },
  { clw_bench_gui_cases, &clw_bench_gui_n_cases },
  { clw_bench_evidence_cases, &clw_bench_evidence_n_cases },
  { clw_bench_sync_cases, &clw_bench_sync_n_cases },
};

/* Services for the cases -------------------------------------------------- */

const char *
clw_bench_get_cache_dir (ClwBench *bench)
{
  return bench->cache_dir;
}

char *
clw_bench_scratch_path (ClwBench   *bench,
                        const char *name)
{
  return g_strdup_printf ("%s/%u-%s", bench->scratch_dir, ++bench->scratch_serial, name);
}

void
clw_bench_remove_database (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* Demo databases of the same scale and seed made for another version of
 * the schema will not be read again. */
static void
remove_stale_demos (ClwBench   *bench,
                    guint       scale,
                    const char *current)
{
  g_autofree char *prefix = g_strdup_printf ("demo-scale%u-seed%u-v", scale, CLW_DEMO_DEFAULT_SEED);
  g_autoptr(GDir) dir = g_dir_open (bench->cache_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".db") && !g_str_equal (name, current))
      {
        g_autofree char *path = g_build_filename (bench->cache_dir, name, NULL);
        clw_bench_remove_database (path);
      }
}

char *
clw_bench_ensure_demo (ClwBench  *bench,
                       guint      scale,
                       GError   **error)
{
  g_autofree char *name = g_strdup_printf ("demo-scale%u-seed%u-v%d.db", scale, CLW_DEMO_DEFAULT_SEED,
                                           clw_database_get_latest_version ());
  g_autofree char *path = g_build_filename (bench->cache_dir, name, NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autoptr(ClwDatabase) db = NULL;
  gint64 started;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&path);

  if (!clw_files_ensure_private_dir (bench->cache_dir, error))
    return NULL;
  remove_stale_demos (bench, scale, name);

  /* Made under another name and renamed once whole and closed, so that an
   * interrupted bench never leaves half a demo in the cache. */
  fprintf (stderr, "Making the demo database of scale %u for the cache (once)… ", scale);
  fflush (stderr);
  started = g_get_monotonic_time ();
  clw_bench_remove_database (partial);
  db = clw_database_open (partial, CLW_DATABASE_OPEN_CREATE, error);
  if (db == NULL || !clw_demo_generate (db, scale, CLW_DEMO_DEFAULT_SEED, error))
    {
      g_clear_object (&db);
      clw_bench_remove_database (partial);
      return NULL;
    }
  g_clear_object (&db);

  if (g_rename (partial, path) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not rename %s", partial);
      clw_bench_remove_database (partial);
      return NULL;
    }
  clw_bench_remove_database (partial);
  fprintf (stderr, "%.0f s\n", (g_get_monotonic_time () - started) / 1e6);

  return g_steal_pointer (&path);
}

/* Formatting -------------------------------------------------------------- */

static char *
format_seconds (double seconds)
{
  if (seconds < 1e-3)
    return g_strdup_printf ("%.0f µs", seconds * 1e6);
  if (seconds < 10e-3)
    return g_strdup_printf ("%.2f ms", seconds * 1e3);
  if (seconds < 1)
    return g_strdup_printf ("%.1f ms", seconds * 1e3);
  if (seconds < 10)
    return g_strdup_printf ("%.2f s", seconds);
  return g_strdup_printf ("%.1f s", seconds);
}

static char *
format_rate (double per_second)
{
  if (per_second >= 1e6)
    return g_strdup_printf ("%.2fM/s", per_second / 1e6);
  if (per_second >= 1e3)
    return g_strdup_printf ("%.0fk/s", per_second / 1e3);
  return g_strdup_printf ("%.0f/s", per_second);
}

/* Pad to @width display columns (names hold "—" and "µ"). */
static void
print_cell (const char *text,
            guint       width,
            gboolean    right)
{
  guint length = (guint) g_utf8_strlen (text, -1);

  if (right)
    for (guint i = length; i < width; i++)
      putchar (' ');
  fputs (text, stdout);
  if (!right)
    for (guint i = length; i < width; i++)
      putchar (' ');
}

static char *
cpu_model (void)
{
  g_autofree char *cpuinfo = NULL;

  if (g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL))
    {
      g_auto(GStrv) lines = g_strsplit (cpuinfo, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (g_str_has_prefix (lines[i], "model name"))
          {
            const char *colon = strchr (lines[i], ':');
            if (colon != NULL)
              return g_strstrip (g_strdup (colon + 1));
          }
    }

  return g_strdup ("unknown processor");
}

static void
print_header (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_autofree char *model = cpu_model ();

  printf ("Clwstwr benchmarks, %s, on %d cores (%s); SQLite %s, libxml2 %s, GLib %u.%u.%u. "
          "Wall-clock medians: the machine may be shared.\n\n",
          when, g_get_num_processors (), model, sqlite3_libversion (), LIBXML_DOTTED_VERSION,
          glib_major_version, glib_minor_version, glib_micro_version);

  print_cell ("operation", 34, FALSE);
  print_cell ("scale", 6, TRUE);
  print_cell ("runs", 6, TRUE);
  print_cell ("median", 11, TRUE);
  print_cell ("spread", 8, TRUE);
  print_cell ("rows/s", 10, TRUE);
  fputs ("  ", stdout);
  print_cell ("baseline", 36, FALSE);
  print_cell ("median", 10, TRUE);
  print_cell ("ratio", 8, TRUE);
  fputs ("  target\n", stdout);
  fflush (stdout);
}

/* Measuring --------------------------------------------------------------- */

typedef gboolean (*PrepareFunc) (gpointer state, GError **error);

typedef struct
{
  guint   runs;
  double  median;
  double  spread;   /* half the range, as a share of the median */
  guint64 rows;
} Measure;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static gboolean
measure (ClwBench            *bench,
         const ClwBenchCase  *c,
         gpointer             state,
         gboolean             is_baseline,
         Measure             *out,
         GError             **error)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  PrepareFunc before = is_baseline ? c->before_baseline : c->before_run;
  double total = 0;

  memset (out, 0, sizeof *out);

  while (times->len < bench->min_runs || (total < MIN_SECONDS && times->len < MAX_RUNS))
    {
      guint64 rows = 0;
      gint64 started;
      double seconds;
      gboolean ok;

      if (before != NULL && !before (state, error))
        return FALSE;

      started = g_get_monotonic_time ();
      ok = is_baseline ? c->baseline (state, error) : c->run (state, &rows, error);
      seconds = (g_get_monotonic_time () - started) / 1e6;
      if (!ok)
        return FALSE;

      g_array_append_val (times, seconds);
      total += seconds;
      out->rows = rows;
    }

  g_array_sort (times, compare_doubles);
  out->runs = times->len;
  if (times->len % 2 == 1)
    out->median = g_array_index (times, double, times->len / 2);
  else
    out->median = (g_array_index (times, double, times->len / 2 - 1) +
                   g_array_index (times, double, times->len / 2)) / 2;
  out->spread = out->median > 0
                ? (g_array_index (times, double, times->len - 1) - g_array_index (times, double, 0)) / 2 / out->median
                : 0;
  return TRUE;
}

static void
print_row (const ClwBenchCase *c,
           const Measure      *m,
           const Measure      *b)
{
  g_autofree char *scale = c->scale > 0 ? g_strdup_printf ("%u", c->scale) : g_strdup ("–");
  g_autofree char *runs = g_strdup_printf ("%u", m->runs);
  g_autofree char *median = format_seconds (m->median);
  g_autofree char *spread = g_strdup_printf ("±%.0f%%", m->spread * 100);
  g_autofree char *rate = m->rows > 0 && m->median > 0 ? format_rate (m->rows / m->median) : g_strdup ("–");
  g_autofree char *baseline_median = b != NULL ? format_seconds (b->median) : g_strdup ("–");
  g_autofree char *ratio = b != NULL && b->median > 0 ? g_strdup_printf ("%.1f×", m->median / b->median)
                                                      : g_strdup ("–");
  g_autofree char *target = NULL;

  if (c->target > 0)
    {
      g_autofree char *limit = format_seconds (c->target);
      target = g_strdup_printf ("< %s (%s)", limit, m->median < c->target ? "met" : "missed");
    }

  print_cell (c->name, 34, FALSE);
  print_cell (scale, 6, TRUE);
  print_cell (runs, 6, TRUE);
  print_cell (median, 11, TRUE);
  print_cell (spread, 8, TRUE);
  print_cell (rate, 10, TRUE);
  fputs ("  ", stdout);
  print_cell (c->baseline_name != NULL ? c->baseline_name : "–", 36, FALSE);
  print_cell (baseline_median, 10, TRUE);
  print_cell (ratio, 8, TRUE);
  printf ("  %s\n", target != NULL ? target : "–");
  fflush (stdout);
}

static gboolean
run_case (ClwBench           *bench,
          const ClwBenchCase *c,
          GError            **error)
{
  gpointer state;
  Measure m, b;
  gboolean ok;

  state = c->setup (bench, c->scale, error);
  if (state == NULL)
    return FALSE;

  ok = measure (bench, c, state, FALSE, &m, error) &&
       (c->baseline == NULL || measure (bench, c, state, TRUE, &b, error));
  if (ok)
    print_row (c, &m, c->baseline != NULL ? &b : NULL);

  c->teardown (state);
  return ok;
}

/* "QAIF" keeps every row whose name holds it; "QAIF@10" only scale 10;
 * "@1" every row of scale 1. */
static gboolean
matches (const ClwBenchCase  *c,
         char               **patterns)
{
  if (patterns == NULL || patterns[0] == NULL)
    return TRUE;

  for (guint i = 0; patterns[i] != NULL; i++)
    {
      const char *at = strrchr (patterns[i], '@');
      g_autofree char *name = g_strndup (patterns[i], at != NULL ? (gsize) (at - patterns[i]) : strlen (patterns[i]));

      if (strstr (c->name, name) == NULL)
        continue;
      if (at == NULL || g_ascii_strtoull (at + 1, NULL, 10) == c->scale)
        return TRUE;
    }

  return FALSE;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  ClwBench bench = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) patterns = NULL;
  int runs = MIN_RUNS;
  gboolean list = FALSE;
  int status = 0;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Run each benchmark at least N times (default 5)", "N" },
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, "List the benchmarks and exit", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &patterns, NULL, "[PATTERN…]" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                "Measure Clwstwr's main operations on demo data, each against a baseline "
                                "doing the raw cost of the same work. PATTERN keeps the benchmarks whose "
                                "name contains it, at one scale with @N (QAIF@10, @1).");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1)
    {
      g_printerr ("clw-bench: %s\n", error != NULL ? error->message : "--runs must be positive");
      return 2;
    }

  if (list)
    {
      for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
        for (guint i = 0; i < *groups[g].n_cases; i++)
          printf ("%s@%u\n", groups[g].cases[i].name, groups[g].cases[i].scale);
      return 0;
    }

  bench.min_runs = (guint) runs;
  bench.cache_dir = g_strdup (BENCH_CACHE_DIR);
  bench.scratch_dir = g_dir_make_tmp ("clw-bench-XXXXXX", &error);
  if (bench.scratch_dir == NULL)
    {
      g_printerr ("clw-bench: %s\n", error->message);
      return 1;
    }

  print_header ();

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (guint i = 0; i < *groups[g].n_cases; i++)
      {
        const ClwBenchCase *c = &groups[g].cases[i];

        if (!matches (c, patterns))
          continue;
        if (!run_case (&bench, c, &error))
          {
            printf ("%s (scale %u): failed: %s\n", c->name, c->scale, error->message);
            g_clear_error (&error);
            status = 1;
          }
      }

  remove_tree (bench.scratch_dir);
  g_free (bench.scratch_dir);
  g_free (bench.cache_dir);
  return status;
}
