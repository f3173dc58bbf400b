/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "store/zx-case-checks.h"
#include "store/zx-nodes.h"
#include "zx-rules-test.h"

/* The 终本 check read from a case's records, and time-limit extensions approved by the
 * president and asked for in time. */

static gboolean
has_unmet (GArray *unmet, ZxZhongbenCondition condition)
{
  for (guint i = 0; i < unmet->len; i++)
    if (g_array_index (unmet, ZxZhongbenUnmet, i).condition == condition)
      return TRUE;
  return FALSE;
}

static void
add_query (RulesFixture *f, gint64 case_id, const char *kind, const char *channel)
{
  g_autoptr (JsonObject) q = json_object_new ();
  g_autoptr (GError) error = NULL;

  json_object_set_int_member (q, "case_id", case_id);
  json_object_set_string_member (q, "kind", kind);
  json_object_set_string_member (q, "channel", channel);
  json_object_set_string_member (q, "requested_on", "2026-02-10");
  json_object_set_string_member (q, "answered_on", "2026-02-12");
  json_object_set_string_member (q, "result", "none");
  g_assert_cmpint (zx_nodes_record_query (f->store, q, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_zhongben (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) before = NULL;
  g_autoptr (GArray) early = NULL;
  g_autoptr (GArray) after = NULL;
  gint64 c = rules_add_case (f, "（2026）冀0802执501号", "2026-02-02", f->team_a, f->officer,
                             FALSE, FALSE);
  gint64 p = rules_add_party (f, c, "respondent", "person", "王芳", ADULT_ID);
  const char *kinds[] = { "bank", "vehicle", "real_estate", "securities" };

  before = zx_store_zhongben_check (f->store, c, "2026-06-01", &error);
  g_assert_no_error (error);
  g_assert_true (has_unmet (before, ZX_ZHONGBEN_NOTICE));
  g_assert_true (has_unmet (before, ZX_ZHONGBEN_RESTRICTION));
  g_assert_true (has_unmet (before, ZX_ZHONGBEN_QUERY_VEHICLES));
  g_assert_true (has_unmet (before, ZX_ZHONGBEN_ONSITE));
  g_assert_false (has_unmet (before, ZX_ZHONGBEN_TIME));

  /* Everything done, through the workflows a desktop uses. */
  rules_act_as (f, "officer");
  g_assert_true (zx_nodes_record_event (f->store, c, "filed", "2026-02-02", 0, &error));
  g_assert_true (zx_nodes_record_event (f->store, c, "assigned", "2026-02-03", 0, &error));
  g_assert_true (zx_nodes_record_event (f->store, c, "execution_notice", "2026-02-05", 0, &error));
  g_assert_true (zx_nodes_record_event (f->store, c, "property_report_order", "2026-02-05", 0,
                                        &error));
  g_assert_no_error (error);
  rules_add_restriction (f, c, p, "2026-02-06");
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    add_query (f, c, kinds[i], "national");
  add_query (f, c, "real_estate", "onsite");

  /* Three months since filing are not yet over on 2026-05-02. */
  early = zx_store_zhongben_check (f->store, c, "2026-05-02", &error);
  g_assert_cmpuint (early->len, ==, 1);
  g_assert_true (has_unmet (early, ZX_ZHONGBEN_TIME));
  after = zx_store_zhongben_check (f->store, c, "2026-05-03", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 0);
}

static void
test_extension (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 c = rules_add_case (f, "（2026）冀0802执502号", "2026-01-10", f->team_a, f->officer,
                             FALSE, FALSE);
  g_autofree char *deadline = NULL;
  gint64 audits;

  {
    /* The case's nodes, as filing makes them: the limit node is due on 2026-07-10. */
    g_autoptr (JsonObject) change = json_object_new ();
    json_object_set_string_member (change, "deadline_on", "2026-07-10");
    g_assert_true (zx_store_update (f->store, "cases", c, 1, change, NULL, &error));
    g_assert_true (zx_nodes_record_event (f->store, c, "filed", "2026-01-10", 0, &error));
    g_assert_no_error (error);
  }
  audits = rules_count (f, "SELECT count(*) FROM audit");

  /* An officer may not extend. */
  rules_act_as (f, "officer");
  g_assert_false (zx_store_extend_case (f->store, c, 0, 3, "2026-06-20", "财产处置中", &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_DENIED);
  g_clear_error (&error);

  /* Asked four days before the limit: too late (it must be five). */
  rules_act_as (f, "president");
  g_assert_false (zx_store_extend_case (f->store, c, 0, 3, "2026-07-06", "财产处置中", &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-07-05"));
  g_clear_error (&error);
  g_assert_cmpint (rules_count (f, "SELECT count(*) FROM audit"), ==, audits);

  g_assert_true (zx_store_extend_case (f->store, c, 0, 3, "2026-07-05", "财产处置中", &error));
  g_assert_no_error (error);
  deadline = rules_get_text (f, "cases", c, "deadline_on");
  g_assert_cmpstr (deadline, ==, "2026-10-10");
  g_assert_cmpint (rules_count (f, "SELECT count(*) FROM nodes WHERE kind = 'case_concluded' "
                                   "AND due_on = '2026-10-10'"),
                   ==, 1);
  g_assert_cmpint (rules_count (f, "SELECT count(*) FROM audit WHERE action = 'extend' "
                                   "AND after_json LIKE '%财产处置中%'"),
                   ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  RULES_TEST ("/rules/case/zhongben-check", test_zhongben);
  RULES_TEST ("/rules/case/extension", test_extension);
  return g_test_run ();
}
