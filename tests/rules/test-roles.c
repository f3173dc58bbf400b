/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "io/zx-case-io.h"
#include "store/zx-cases.h"
#include "zx-rules-test.h"

/* Filing, importing and the court's settings are checked in the store, not only in the window:
 * once any staff member has a login, the role decides. */

static gboolean
file_case (RulesFixture *f, GError **error)
{
  g_autoptr (JsonObject) fields = json_object_new ();
  ZxNewCase nc = { NULL, "2026-03-02", fields, NULL, NULL };
  ZxFiledCase filed = { 0 };
  gboolean ok;

  json_object_set_int_member (fields, "amount_applied", 100000);
  ok = zx_store_file_case (f->store, &nc, &filed, error);
  zx_filed_case_clear (&filed);
  return ok;
}

static void
test_filing_and_import (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) errors = NULL;
  const char csv[] = "case_no,filed_on,amount_applied,applicant_name,respondent_name\n"
                     "（2026）冀0802执700号,2026-03-01,1000.00,张伟,李娜\n";
  guint imported = 0;
  gint64 cases = rules_count (f, "SELECT count(*) FROM cases");

  rules_act_as (f, "officer");
  g_assert_false (file_case (f, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "王强"));
  g_clear_error (&error);
  g_assert_false (zx_case_import_data (f->store, csv, sizeof csv - 1, "2026-11-28", &imported,
                                       &errors, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (rules_count (f, "SELECT count(*) FROM cases"), ==, cases);

  rules_act_as (f, "clerk");
  g_assert_true (file_case (f, &error));
  g_assert_no_error (error);
  g_clear_pointer (&errors, g_ptr_array_unref);
  g_assert_true (zx_case_import_data (f->store, csv, sizeof csv - 1, "2026-11-28", &imported,
                                      &errors, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rules_count (f, "SELECT count(*) FROM cases"), ==, cases + 2);
}

static void
test_settings (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) change = json_object_new ();
  gint64 audits = rules_count (f, "SELECT count(*) FROM audit");

  json_object_set_string_member (change, "name", "执行一组（速执）");
  rules_act_as (f, "clerk");
  g_assert_false (zx_store_update (f->store, "teams", f->team_a, 1, change, NULL, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (zx_store_set_meta (f->store, "court_name", "某法院", &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (rules_count (f, "SELECT count(*) FROM audit"), ==, audits);

  rules_act_as (f, "admin");
  g_assert_true (zx_store_update (f->store, "teams", f->team_a, 1, change, NULL, &error));
  g_assert_no_error (error);
  rules_act_as (f, "director");
  g_assert_true (zx_store_set_meta (f->store, "court_name", "承德市双桥区人民法院", &error));
  g_assert_no_error (error);
}

/* Before anyone has a login, setting up is open. */
static void
test_bootstrap (void)
{
  g_autofree char *dir = zx_test_tmpdir_new ();
  g_autoptr (ZxStore) store = zx_test_new_store (dir, "b.db");
  g_autoptr (GError) error = NULL;

  zx_test_add_team (store, "执行一组");
  g_assert_true (zx_store_set_meta (store, "court_code", "冀0803", &error));
  g_assert_no_error (error);
  zx_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  RULES_TEST ("/rules/roles/filing-and-import", test_filing_and_import);
  RULES_TEST ("/rules/roles/settings", test_settings);
  g_test_add_func ("/rules/roles/bootstrap", test_bootstrap);
  return g_test_run ();
}
