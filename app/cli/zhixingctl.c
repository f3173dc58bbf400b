/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zhixingctl"

#include "config.h"

#include <inttypes.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>

#include "domain/zx-case-no.h"
#include "domain/zx-validate.h"
#include "io/zx-case-io.h"
#include "io/zx-demo.h"
#include "reports/zx-public-notice.h"
#include "stats/zx-deadlines-report.h"
#include "stats/zx-public-list.h"
#include "stats/zx-stats.h"
#include "store/zx-cases.h"
#include "store/zx-store.h"

/* zhixingctl: the command-line contract of DESIGN.md. Exit codes: 0 success, 1 invalid input or
 * rule violation, 2 usage, 3 database unavailable or busy. */

#define EXIT_INVALID 1
#define EXIT_USAGE   2
#define EXIT_DB      3

typedef struct
{
  char *db;
  char *today;
  char *user;
} Globals;

typedef int (*CommandFunc) (Globals *g, int argc, char **argv);

static int
fail (const GError *error)
{
  g_printerr ("zhixingctl: %s\n", error->message);
  return zx_error_exit_code (error);
}

static int
usage_error (const char *message)
{
  g_printerr ("zhixingctl: %s\n%s\n", message, _("Run “zhixingctl --help” for usage."));
  return EXIT_USAGE;
}

static ZxStore *
open_store (Globals *g, ZxStoreOpenFlags flags, GError **error)
{
  g_autofree char *path = zx_store_resolve_path (g->db, NULL);
  ZxStore *store = zx_store_open (path, flags, error);

  if (store != NULL && g->user != NULL)
    zx_store_set_actor (store, g->user);
  return store;
}

/* Parses the options of one command; ARGV[0] is the command name. */
static gboolean
parse_options (const char *name, const char *params, const GOptionEntry *entries, int *argc,
               char ***argv, int *out_status)
{
  g_autoptr (GOptionContext) context = g_option_context_new (params);
  g_autoptr (GError) error = NULL;
  g_autofree char *prog = g_strdup_printf ("zhixingctl %s", name);

  g_set_prgname (prog);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *out_status = usage_error (error->message);
      return FALSE;
    }
  return TRUE;
}

static int
cmd_init (Globals *g, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxStore) store = NULL;
  int status = 0;

  if (!parse_options ("init", "", NULL, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return usage_error (_("init takes no arguments"));
  store = open_store (g, ZX_STORE_OPEN_CREATE | ZX_STORE_OPEN_MIGRATE, &error);
  if (store == NULL)
    return fail (error);
  g_print (_("%s: schema %d, journal mode %s, %s file system\n"), zx_store_get_path (store),
           zx_store_get_schema_version (store), zx_store_get_journal_mode (store),
           zx_fs_kind_to_string (zx_store_get_fs_kind (store)));
  return 0;
}

static int
cmd_demo (Globals *g, int argc, char **argv)
{
  int cases = 2000;
  gint64 seed = 1;
  const GOptionEntry entries[] = {
    { "cases", 0, 0, G_OPTION_ARG_INT, &cases, N_("Number of cases (default 2000)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Random seed (default 1)"), "S" },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxStore) store = NULL;
  ZxDemoOptions options = { 0 };
  gint64 start;
  int status = 0;

  if (!parse_options ("demo", "", entries, &argc, &argv, &status))
    return status;
  if (argc != 1 || cases < 0)
    return usage_error (_("demo takes --cases N (N ≥ 0) and --seed S"));
  store = open_store (g, ZX_STORE_OPEN_CREATE | ZX_STORE_OPEN_MIGRATE, &error);
  if (store == NULL)
    return fail (error);

  options.n_cases = (guint) cases;
  options.seed = (guint64) seed;
  options.today = g->today;
  start = g_get_monotonic_time ();
  if (!zx_demo_generate (store, &options, &error))
    return fail (error);
  g_print (_("Generated %d demo cases (seed %" PRId64 ", today %s) in %.1f s\n"), cases,
           seed, g->today, (g_get_monotonic_time () - start) / 1e6);
  return 0;
}

static void
print_check_json (ZxCheckReport *report)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "ok");
  json_builder_add_boolean_value (b, report->ok);
  json_builder_set_member_name (b, "audit_rows");
  json_builder_add_int_value (b, report->audit_rows);
  json_builder_set_member_name (b, "first_bad_audit_seq");
  json_builder_add_int_value (b, report->first_bad_audit);
  json_builder_set_member_name (b, "problems");
  json_builder_begin_array (b);
  for (guint i = 0; i < report->problems->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (report->problems, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  text = json_to_string (root, TRUE);
  g_print ("%s\n", text);
}

static int
cmd_check (Globals *g, int argc, char **argv)
{
  gboolean quick = FALSE, json = FALSE;
  const GOptionEntry entries[] = {
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, N_("quick_check instead of integrity_check"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("One JSON document on stdout"), NULL },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxStore) store = NULL;
  g_autoptr (ZxCheckReport) report = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  if (!parse_options ("check", "", entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return usage_error (_("check takes no arguments"));
  /* A viewer: reads only, but can still roll back a hot journal left by a crashed writer. */
  store = open_store (g, ZX_STORE_OPEN_VIEWER, &error);
  if (store == NULL)
    return fail (error);
  report = zx_store_check (store, quick, &error);
  if (report == NULL)
    return fail (error);

  if (json)
    print_check_json (report);
  else
    {
      for (guint i = 0; i < report->problems->len; i++)
        g_printerr ("%s\n", (const char *) g_ptr_array_index (report->problems, i));
      if (report->ok)
        g_print (_("ok: integrity, foreign keys, counters and %" PRId64
                   " audit rows verified in %.2f s\n"),
                 report->audit_rows, (g_get_monotonic_time () - start) / 1e6);
    }
  return report->ok ? 0 : EXIT_INVALID;
}

static int
cmd_backup (Globals *g, int argc, char **argv)
{
  int keep = 14;
  const GOptionEntry entries[] = {
    { "keep", 0, 0, G_OPTION_ARG_INT, &keep, N_("Keep the newest N backups (0 keeps all)"), "N" },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxStore) store = NULL;
  g_autofree char *path = NULL;
  int status = 0;

  if (!parse_options ("backup", _("DIR"), entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || keep < 0)
    return usage_error (_("backup needs the backup folder: zhixingctl backup DIR"));
  store = open_store (g, ZX_STORE_OPEN_VIEWER, &error);
  if (store == NULL)
    return fail (error);
  path = zx_store_backup (store, argv[1], (guint) keep, NULL, &error);
  if (path == NULL)
    return fail (error);
  g_print ("%s\n", path);
  return 0;
}

static int
cmd_import (Globals *g, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxStore) store = NULL;
  g_autoptr (GPtrArray) errors = NULL;
  guint imported = 0;
  int status = 0;

  if (!parse_options ("import", _("cases FILE.csv"), NULL, &argc, &argv, &status))
    return status;
  if (argc != 3 || !g_str_equal (argv[1], "cases"))
    return usage_error (_("usage: zhixingctl import cases FILE.csv"));
  store = open_store (g, ZX_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return fail (error);
  if (!zx_case_import_file (store, argv[2], g->today, &imported, &errors, &error))
    {
      for (guint i = 0; errors != NULL && i < errors->len; i++)
        g_printerr ("%s:%s\n", argv[2], (const char *) g_ptr_array_index (errors, i));
      return fail (error);
    }
  g_print (_("Imported %u cases from %s\n"), imported, argv[2]);
  return 0;
}

static int
cmd_export (Globals *g, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxStore) store = NULL;
  g_autoptr (GOutputStream) out = NULL;
  g_autofree char *target = NULL;
  gboolean public_only = FALSE;
  const GOptionEntry entries[] = {
    { "public", 0, 0, G_OPTION_ARG_NONE, &public_only, N_("Mask ID numbers as published"), NULL },
    { NULL }
  };
  int status = 0;

  if (!parse_options ("export", _("cases|blacklist FILE.csv|-"), entries, &argc, &argv, &status))
    return status;
  if (argc != 3 || (!g_str_equal (argv[1], "cases") && !g_str_equal (argv[1], "blacklist")))
    return usage_error (_("usage: zhixingctl export cases|blacklist FILE.csv|-"));
  /* What the public may see is the only form of the list that leaves the court. */
  if (g_str_equal (argv[1], "blacklist") && !public_only)
    return usage_error (_("the list is exported only as published: add --public"));

  store = open_store (g, ZX_STORE_OPEN_VIEWER, &error);
  if (store == NULL)
    return fail (error);
  target = g_ascii_strdown (argv[2], -1);
  /* The printable notice: blacklist --public FILE.pdf. */
  if (g_str_equal (argv[1], "blacklist") && g_str_has_suffix (target, ".pdf"))
    {
      if (!zx_public_notice_write_pdf (store, g->today, argv[2], &error))
        return fail (error);
      return 0;
    }
  if (g_str_equal (argv[2], "-"))
    out = g_unix_output_stream_new (1, FALSE);
  else
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (argv[2]);
      out = G_OUTPUT_STREAM (
          g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &error));
      if (out == NULL)
        {
          g_printerr ("zhixingctl: %s\n", error->message);
          return EXIT_INVALID;
        }
    }
  if (!(g_str_equal (argv[1], "cases") ? zx_case_export (store, out, NULL, &error)
                                        : zx_public_list_export_csv (store, g->today, out, &error))
      || !g_output_stream_close (out, NULL, &error))
    return fail (error);
  return 0;
}

static int
cmd_validate (Globals *g, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *normalized = NULL;
  ZxIdFlags flags = ZX_ID_FLAG_NONE;
  int status = 0;

  if (!parse_options ("validate", _("id|uscc|case-no VALUE"), NULL, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return usage_error (_("usage: zhixingctl validate id|uscc|case-no VALUE"));

  if (g_str_equal (argv[1], "id"))
    {
      char sex = 0, birth[11];

      if (!zx_validate_resident_id (argv[2], g->today, TRUE, &normalized, &flags, &error))
        return fail (error);
      zx_resident_id_info (normalized, &sex, birth);
      g_print (_("valid: %s, %s, born %s, age %d%s\n"), normalized,
               sex == 'M' ? _("male") : _("female"), birth,
               zx_resident_id_age (normalized, g->today),
               (flags & ZX_ID_FLAG_LEGACY_15) ? _(" (upgraded from 15 digits)") : "");
    }
  else if (g_str_equal (argv[1], "uscc"))
    {
      if (!zx_validate_uscc (argv[2], &normalized, &flags, &error))
        return fail (error);
      g_print (_("valid: %s%s\n"), normalized,
               (flags & ZX_ID_FLAG_INNER_CHECK)
                   ? _(" (warning: the inner organization-code check is wrong; verify it)")
                   : "");
    }
  else if (g_str_equal (argv[1], "case-no"))
    {
      ZxCaseNo no = { 0 };

      if (!zx_case_no_parse (argv[2], &no, &error))
        return fail (error);
      g_print (_("valid: %s, year %d, court %s, type %s, number %" PRId64 "%s\n"),
               no.normalized, no.year, no.court_code, no.type_code, no.seq,
               no.legacy ? _(" (pre-2016 form, read-only)") : "");
      zx_case_no_clear (&no);
    }
  else
    return usage_error (_("validate what? id, uscc or case-no"));
  return 0;
}

static void
print_json (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, TRUE);

  g_print ("%s\n", text);
}

static const char *
rate_text (JsonObject *o, const char *member, char *buf, gsize size)
{
  JsonNode *node = json_object_get_member (o, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return "—";
  g_snprintf (buf, size, "%.1f%%", json_node_get_double (node));
  return buf;
}

/* TEXT padded to WIDTH terminal columns (CJK characters take two), on the left when RIGHT. */
static char *
pad_text (const char *text, int width, gboolean right)
{
  GString *s = g_string_new (NULL);
  int used = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    used += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  for (; right && used < width; used++)
    g_string_append_c (s, ' ');
  g_string_append (s, text);
  for (; used < width; used++)
    g_string_append_c (s, ' ');
  return g_string_free (s, FALSE);
}

static void
print_stats_row (const char *label, JsonObject *o)
{
  g_autofree char *padded = pad_text (label, 16, FALSE);
  JsonObject *ind = json_object_get_object_member (o, "indicators");
  char r1[16], r2[16], r3[16], r4[16];

  g_print ("%s %6" PRId64 " %6" PRId64 " %6" PRId64 " %7s %7s %7s %7s %6"
           PRId64 "\n",
           padded, json_object_get_int_member (o, "filed"),
           json_object_get_int_member (o, "concluded"),
           json_object_get_int_member (o, "in_progress"),
           rate_text (o, "closure_rate", r1, sizeof r1),
           rate_text (o, "realization_rate", r2, sizeof r2),
           rate_text (ind, "on_time_rate", r3, sizeof r3),
           rate_text (ind, "zhongben_compliance_rate", r4, sizeof r4),
           json_object_get_int_member (o, "overdue_nodes"));
}

static int
cmd_stats (Globals *g, int argc, char **argv)
{
  g_autofree char *from = NULL, *to = NULL;
  gint64 team = 0, officer = 0;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day (default: 1 January of this year)"), "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day (default: today)"), "YYYY-MM-DD" },
    { "team", 0, 0, G_OPTION_ARG_INT64, &team, N_("Only this team (id)"), "T" },
    { "officer", 0, 0, G_OPTION_ARG_INT64, &officer, N_("Only this officer (id)"), "O" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("One JSON document on stdout"), NULL },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxStore) store = NULL;
  g_autoptr (JsonNode) root = NULL;
  ZxStatsQuery query = { 0 };
  JsonObject *o;
  JsonArray *teams;
  int status = 0;

  if (!parse_options ("stats", "", entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return usage_error (_("stats takes only options"));
  if (from == NULL)
    from = g_strdup_printf ("%.4s-01-01", g->today);
  if (to == NULL)
    to = g_strdup (g->today);
  if (!zx_validate_date (from, &error) || !zx_validate_date (to, &error))
    return usage_error (error->message);

  store = open_store (g, ZX_STORE_OPEN_VIEWER, &error);
  if (store == NULL)
    return fail (error);
  query.from = from;
  query.to = to;
  query.today = g->today;
  query.team_id = team;
  query.officer_id = officer;
  root = zx_stats_compute (store, &query, &error);
  if (root == NULL)
    return fail (error);
  if (json)
    {
      print_json (root);
      return 0;
    }

  o = json_node_get_object (root);
  g_print (_("%s, %s to %s\n"), json_object_get_string_member (o, "court"), from, to);
  {
    const char *heads[] = { _("filed"), _("closed"), _("open"), _("closure"), _("realized"),
                            _("on time"), _("zhongben"), _("overdue") };
    const int widths[] = { 6, 6, 6, 7, 7, 7, 7, 6 };

    g_print ("%16s", "");
    for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
      {
        g_autofree char *cell = pad_text (heads[i], widths[i], TRUE);
        g_print (" %s", cell);
      }
    g_print ("\n");
  }
  teams = json_object_get_array_member (o, "teams");
  for (guint i = 0; i < json_array_get_length (teams); i++)
    {
      JsonObject *t = json_array_get_object_element (teams, i);
      const char *name = json_object_get_string_member (t, "name");
      print_stats_row (*name ? name : _("(no team)"), t);
    }
  print_stats_row (_("Court"), json_object_get_object_member (o, "total"));
  return 0;
}

static int
cmd_assign (Globals *g, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxStore) store = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  gint64 checked;
  int status = 0;

  if (!parse_options ("assign", _("verify"), NULL, &argc, &argv, &status))
    return status;
  if (argc != 2 || !g_str_equal (argv[1], "verify"))
    return usage_error (_("usage: zhixingctl assign verify"));
  store = open_store (g, ZX_STORE_OPEN_VIEWER, &error);
  if (store == NULL)
    return fail (error);
  checked = zx_store_verify_assignments (store, &problems, &error);
  if (checked < 0)
    return fail (error);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    return EXIT_INVALID;
  g_print (_("%" PRId64 " random draws re-derived from the log; all match\n"), checked);
  return 0;
}

static int
cmd_deadlines (Globals *g, int argc, char **argv)
{
  gint64 team = 0, officer = 0;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "team", 0, 0, G_OPTION_ARG_INT64, &team, N_("Only this team (id)"), "T" },
    { "officer", 0, 0, G_OPTION_ARG_INT64, &officer, N_("Only this officer (id)"), "O" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("One JSON document on stdout"), NULL },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxStore) store = NULL;
  g_autoptr (JsonNode) root = NULL;
  ZxDeadlinesQuery query = { 0 };
  JsonArray *items;
  int status = 0;

  if (!parse_options ("deadlines", "", entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return usage_error (_("deadlines takes only options"));
  store = open_store (g, ZX_STORE_OPEN_VIEWER, &error);
  if (store == NULL)
    return fail (error);
  query.today = g->today;
  query.team_id = team;
  query.officer_id = officer;
  root = zx_deadlines_report (store, &query, &error);
  if (root == NULL)
    return fail (error);
  if (json)
    {
      print_json (root);
      return 0;
    }
  items = json_object_get_array_member (json_node_get_object (root), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *it = json_array_get_object_element (items, i);
      gint64 days = json_object_get_int_member (it, "days");

      g_print ("%s  %-9s %5" PRId64 "  %s  %s  %s\n", json_object_get_string_member (it, "due_on"),
               g_str_equal (json_object_get_string_member (it, "status"), "overdue") ? _("OVERDUE")
                                                                                   : _("due soon"),
               days, json_object_get_string_member (it, "case_no"),
               json_object_get_string_member (it, "team"),
               json_object_get_string_member (it, "label"));
    }
  g_print (_("%u items\n"), json_array_get_length (items));
  return 0;
}

/* The second process of the lock self-test: exit 0 if refused the write lock, 4 if it got it. */
static int
cmd_lock_probe (Globals *g, int argc, char **argv)
{
  g_autofree char *vfs = NULL;
  const GOptionEntry entries[] = {
    { "vfs", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &vfs, NULL, NULL },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *path = zx_store_resolve_path (g->db, NULL);
  gboolean refused = FALSE;
  int status = 0;

  if (!parse_options ("lock-probe", "", entries, &argc, &argv, &status))
    return status;
  if (!zx_store_lock_probe (path, vfs, &refused, &error))
    return fail (error);
  return refused ? 0 : 4;
}

static int
cmd_lock_test (Globals *g, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxStore) store = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *vfs = NULL;
  const GOptionEntry entries[] = {
    { "probe-vfs", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &vfs, NULL, NULL },
    { NULL }
  };
  int status = 0;

  if (!parse_options ("lock-test", "", entries, &argc, &argv, &status))
    return status;
  store = open_store (g, ZX_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return fail (error);
  {
    const char *argv_probe[] = { self, "--db", zx_store_get_path (store), "lock-probe",
                                 vfs != NULL ? "--vfs" : NULL, vfs, NULL };
    if (!zx_store_lock_self_test (store, argv_probe, &error))
      return fail (error);
  }
  g_print (_("Locking works on %s (%s file system).\n"), zx_store_get_path (store),
           zx_fs_kind_to_string (zx_store_get_fs_kind (store)));
  return 0;
}

static const struct
{
  const char *name;
  CommandFunc func;
  const char *summary;
} commands[] = {
  { "init", cmd_init, N_("create or migrate the schema") },
  { "demo", cmd_demo, N_("fill with realistic, deterministic demo data (--cases N --seed S)") },
  { "import", cmd_import, N_("import cases FILE.csv (all-or-nothing)") },
  { "export", cmd_export, N_("export cases FILE.csv|-, or blacklist --public FILE.csv|-") },
  { "validate", cmd_validate, N_("validate id|uscc|case-no VALUE") },
  { "deadlines", cmd_deadlines, N_("overdue and soon-due nodes, seizures, removals, approvals") },
  { "stats", cmd_stats, N_("workload, indicators and work-report figures (--from --to --json)") },
  { "assign", cmd_assign, N_("assign verify: re-derive every logged random draw") },
  { "lock-test", cmd_lock_test, N_("check that another process is refused a held write lock") },
  { "lock-probe", cmd_lock_probe, N_("the second process of lock-test (internal)") },
  { "check", cmd_check, N_("integrity check and audit chain verification") },
  { "backup", cmd_backup, N_("verified online backup to DIR") },
};

static char *
commands_summary (void)
{
  GString *s = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (s, "\n  %-10s %s", commands[i].name, _(commands[i].summary));
  return g_string_free (s, FALSE);
}

static char *
local_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

int
main (int argc, char **argv)
{
  Globals g = { 0 };
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &g.db, N_("Database file"), "PATH" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &g.today, N_("Use this date as today"), "YYYY-MM-DD" },
    { "user", 0, 0, G_OPTION_ARG_STRING, &g.user, N_("Act as this user"), "NAME" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = NULL;
  int status = EXIT_USAGE;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ZHIXING_LOCALEDIR") ? g_getenv ("ZHIXING_LOCALEDIR")
                                                                   : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("COMMAND [ARGS…]"));
  summary = commands_summary ();
  g_option_context_set_description (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Global options come before the command; the command parses its own. */
  g_option_context_set_strict_posix (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);
  if (argc < 2)
    return usage_error (_("no command given"));

  if (g.today == NULL)
    g.today = local_today ();
  else if (!zx_validate_date (g.today, &error))
    return usage_error (error->message);

  status = -1;
  for (guint i = 0; i < G_N_ELEMENTS (commands) && status < 0; i++)
    if (g_str_equal (argv[1], commands[i].name))
      status = commands[i].func (&g, argc - 1, argv + 1);
  if (status < 0)
    status = usage_error (_("unknown command"));

  g_free (g.db);
  g_free (g.today);
  g_free (g.user);
  return status;
}
