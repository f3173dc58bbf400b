/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "zx-store-private.h"

void
zx_check_report_free (ZxCheckReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_free (report);
}

static void
add_problem (ZxCheckReport *report, char *line)
{
  report->ok = FALSE;
  g_ptr_array_add (report->problems, line);
}

gint64
zx_audit_verify (sqlite3 *db, gint64 *out_rows, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *expected_prev = g_strdup (ZX_AUDIT_GENESIS);
  gint64 expected_seq = 1, rows = 0, bad = 0;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT seq, at, actor, host, action, entity, entity_id, before_json, "
                           "after_json, prev_hash, hash FROM audit ORDER BY seq",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      zx_set_sqlite_error (error, db, rc, _("Reading the audit trail"));
      return -1;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
#define TEXT(i) ((const char *) sqlite3_column_text (stmt, (i)))
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      g_autofree char *hash = NULL;

      rows++;
      hash = zx_audit_hash (TEXT (9) != NULL ? TEXT (9) : "", seq, TEXT (1), TEXT (2), TEXT (3),
                            TEXT (4), TEXT (5), sqlite3_column_int64 (stmt, 6),
                            sqlite3_column_type (stmt, 6) != SQLITE_NULL, TEXT (7), TEXT (8));
      /* A gap (a deleted row), a broken link or a changed field all break the chain here. */
      if (seq != expected_seq || g_strcmp0 (TEXT (9), expected_prev) != 0
          || g_strcmp0 (TEXT (10), hash) != 0)
        {
          bad = seq;
          break;
        }
      g_free (expected_prev);
      expected_prev = g_strdup (TEXT (10));
      expected_seq = seq + 1;
#undef TEXT
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      zx_set_sqlite_error (error, db, rc, _("Reading the audit trail"));
      return -1;
    }
  if (out_rows != NULL)
    *out_rows = rows;
  return bad;
}

static gboolean
collect_rows (sqlite3 *db, const char *sql, ZxCheckReport *report, const char *prefix,
              const char *ok_value, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      zx_set_sqlite_error (error, db, rc, prefix);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (GString) line = g_string_new (prefix);

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *v = (const char *) sqlite3_column_text (stmt, i);
          g_string_append_printf (line, "%s%s", i == 0 ? ": " : " ", v != NULL ? v : "NULL");
        }
      if (ok_value != NULL && sqlite3_column_count (stmt) == 1
          && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), ok_value) == 0)
        continue;
      add_problem (report, g_string_free (g_steal_pointer (&line), FALSE));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      /* A damaged file can make the check itself fail: that is a finding, not a crash. */
      add_problem (report, g_strdup_printf ("%s: %s", prefix, sqlite3_errmsg (db)));
    }
  return TRUE;
}

ZxCheckReport *
zx_store_check (ZxStore *self, gboolean quick, GError **error)
{
  g_autoptr (ZxCheckReport) report = g_new0 (ZxCheckReport, 1);
  sqlite3 *db = zx_store_get_db (self);
  gint64 bad;

  report->ok = TRUE;
  report->problems = g_ptr_array_new_with_free_func (g_free);

  if (!collect_rows (db, quick ? "PRAGMA quick_check" : "PRAGMA integrity_check", report,
                     _("integrity"), "ok", error)
      || !collect_rows (db, "PRAGMA foreign_key_check", report, _("foreign key"), NULL, error))
    return NULL;

  /* Business totals: a case number above its counter would be handed out twice. */
  if (!collect_rows (db,
                     "SELECT c.court_code, c.type_code, c.case_year, max(c.seq) FROM cases c "
                     "LEFT JOIN case_counters k ON k.court_code = c.court_code "
                     "AND k.type_code = c.type_code AND k.year = c.case_year "
                     "WHERE c.legacy_no = 0 GROUP BY c.court_code, c.type_code, c.case_year "
                     "HAVING max(c.seq) > coalesce(max(k.last_seq), 0)",
                     report, _("case counter behind"), NULL, error))
    return NULL;

  bad = zx_audit_verify (db, &report->audit_rows, error);
  if (bad < 0)
    return NULL;
  if (bad > 0)
    {
      report->first_bad_audit = bad;
      add_problem (report, g_strdup_printf (_("audit: the chain breaks at seq %" PRId64
                                              " (row changed, removed or inserted)"),
                                            bad));
    }
  return g_steal_pointer (&report);
}
