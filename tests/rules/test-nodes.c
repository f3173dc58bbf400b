/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "store/zx-nodes.h"
#include "zx-rules-test.h"

/* Process nodes in the store: created from node_rules when their trigger happens, done by the
 * events that fulfil them; the 终本 re-query schedule; a working-day rule across the 2026
 * Spring Festival with its make-up working days. */

typedef struct
{
  gint64      case_id;
  const char *trigger;
  const char *date;
  const char *event;
} EventData;

static gboolean
create_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  EventData *d = user_data;

  return zx_nodes_create_for_event (txn, d->case_id, d->trigger, d->date, NULL, NULL, error);
}

static void
create_nodes (RulesFixture *f, gint64 case_id, const char *trigger, const char *date)
{
  g_autoptr (GError) error = NULL;
  EventData d = { case_id, trigger, date, NULL };

  zx_store_write (f->store, create_txn, &d, &error);
  g_assert_no_error (error);
}

static void
event (RulesFixture *f, gint64 case_id, const char *name, const char *date)
{
  g_autoptr (GError) error = NULL;

  zx_nodes_record_event (f->store, case_id, name, date, 0, &error);
  g_assert_no_error (error);
}

/* due_on and done_on ("-" when open) of the case's node KIND, occurrence N. */
static char *
node (RulesFixture *f, gint64 case_id, const char *kind, int n)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (zx_store_get_db (f->store),
                                       "SELECT due_on || ' ' || coalesce(done_on, '-') FROM nodes"
                                       " WHERE case_id = ? AND kind = ? AND occurrence = ?",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, n);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static void
assert_node (RulesFixture *f, gint64 case_id, const char *kind, int n, const char *expected)
{
  g_autofree char *value = node (f, case_id, kind, n);

  g_assert_cmpstr (value, ==, expected);
}

static gint64
count_nodes (RulesFixture *f)
{
  return rules_count (f, "SELECT count(*) FROM nodes");
}

static void
test_filed_and_events (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) query = json_object_new ();
  gint64 kase = rules_add_case (f, "（2026）冀0802执20号", "2026-02-10", f->team_a, 0, FALSE,
                                FALSE);
  gint64 query_id;

  create_nodes (f, kase, "filed", "2026-02-10");
  assert_node (f, kase, "officer_assigned", 1, "2026-02-17 -");
  assert_node (f, kase, "network_query", 1, "2026-02-13 -");
  assert_node (f, kase, "property_report", 1, "2026-02-17 -");
  assert_node (f, kase, "p2p_query", 1, "2026-02-25 -");
  assert_node (f, kase, "four_checks", 1, "2026-05-10 -");
  assert_node (f, kase, "case_concluded", 1, "2026-08-10 -");
  g_assert_cmpint (count_nodes (f), ==, 6);
  /* The same trigger again creates nothing more. */
  create_nodes (f, kase, "filed", "2026-02-10");
  g_assert_cmpint (count_nodes (f), ==, 6);

  event (f, kase, "assigned", "2026-02-12");
  assert_node (f, kase, "officer_assigned", 1, "2026-02-17 2026-02-12");
  assert_node (f, kase, "execution_notice", 1, "2026-02-15 -");
  event (f, kase, "execution_notice", "2026-02-14");
  assert_node (f, kase, "execution_notice", 1, "2026-02-15 2026-02-14");
  event (f, kase, "property_report_order", "2026-02-14");
  assert_node (f, kase, "property_report", 1, "2026-02-17 2026-02-14");

  /* An asset query through the national network (总对总) completes network_query. */
  json_object_set_int_member (query, "case_id", kase);
  json_object_set_string_member (query, "kind", "bank");
  json_object_set_string_member (query, "channel", "national");
  json_object_set_string_member (query, "requested_on", "2026-02-12");
  query_id = zx_nodes_record_query (f->store, query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_id, >, 0);
  assert_node (f, kase, "network_query", 1, "2026-02-13 2026-02-12");
  assert_node (f, kase, "p2p_query", 1, "2026-02-25 -");
  /* 点对点 completes p2p_query. */
  json_object_set_string_member (query, "channel", "local");
  json_object_set_string_member (query, "requested_on", "2026-02-27");
  zx_nodes_record_query (f->store, query, &error);
  g_assert_no_error (error);
  assert_node (f, kase, "p2p_query", 1, "2026-02-25 2026-02-27");
  /* Every completion is audited. */
  g_assert_cmpint (rules_count (f, "SELECT count(*) FROM audit WHERE entity = 'nodes'"
                                   " AND action = 'update'"),
                   ==, 5);

  /* Nothing open of that kind: nothing happens. */
  event (f, kase, "execution_notice", "2026-02-20");
  assert_node (f, kase, "execution_notice", 1, "2026-02-15 2026-02-14");

  g_assert_false (zx_nodes_record_event (f->store, kase, "party", "2026-02-20", 0, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (zx_nodes_record_event (f->store, kase, "assigned", "2026-02-30", 0, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
}

/* 终本 on 2026-08-31: ten re-queries every 6 months, counted from the conclusion itself, so
 * month-end clamping never drifts. */
static void
test_zhongben_requeries (RulesFixture *f, gconstpointer data)
{
  static const char *const due[] = {
    "2027-02-28", "2027-08-31", "2028-02-29", "2028-08-31", "2029-02-28",
    "2029-08-31", "2030-02-28", "2030-08-31", "2031-02-28", "2031-08-31",
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) query = json_object_new ();
  g_autoptr (JsonObject) change = json_object_new ();
  gint64 kase = rules_add_case (f, "（2026）冀0802执21号", "2026-02-10", f->team_a, 0, FALSE,
                                FALSE);

  create_nodes (f, kase, "filed", "2026-02-10");
  event (f, kase, "zhongben", "2026-08-31");
  assert_node (f, kase, "case_concluded", 1, "2026-08-10 2026-08-31");
  for (int k = 1; k <= 10; k++)
    {
      g_autofree char *expected = g_strdup_printf ("%s -", due[k - 1]);

      assert_node (f, kase, "zhongben_requery", k, expected);
    }
  g_assert_cmpint (rules_count (f, "SELECT count(*) FROM nodes WHERE kind = 'zhongben_requery'"),
                   ==, 10);

  /* The case is concluded as 终本 (the lead's case mutation does this; here by hand). */
  json_object_set_string_member (change, "status", "zhongben");
  json_object_set_string_member (change, "concluded_on", "2026-08-31");
  zx_store_update (f->store, "cases", kase, 1, change, NULL, &error);
  g_assert_no_error (error);

  /* A national query after the conclusion is the first re-query. */
  json_object_set_int_member (query, "case_id", kase);
  json_object_set_string_member (query, "kind", "bank");
  json_object_set_string_member (query, "channel", "national");
  json_object_set_string_member (query, "requested_on", "2027-02-20");
  zx_nodes_record_query (f->store, query, &error);
  g_assert_no_error (error);
  assert_node (f, kase, "zhongben_requery", 1, "2027-02-28 2027-02-20");
  assert_node (f, kase, "zhongben_requery", 2, "2027-08-31 -");
  event (f, kase, "requery", "2027-08-30");
  assert_node (f, kase, "zhongben_requery", 2, "2027-08-31 2027-08-30");
}

typedef struct
{
  gint64 case_id;
  gint64 lead_id;
} LeadData;

static gboolean
lead_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  LeadData *d = user_data;

  return zx_nodes_on_event (txn, d->case_id, "lead_urgent", "2026-03-02", d->lead_id, error)
         && zx_nodes_on_event (txn, d->case_id, "lead", "2026-03-02", d->lead_id + 1, error)
         && zx_nodes_complete_ref (txn, d->case_id, "lead_verified", d->lead_id + 1,
                                   "2026-03-04", error);
}

static void
test_leads_by_ref (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 kase = rules_add_case (f, "（2026）冀0802执22号", "2026-02-10", f->team_a, 0, FALSE,
                                FALSE);
  LeadData d = { kase, 100 };

  zx_store_write (f->store, lead_txn, &d, &error);
  g_assert_no_error (error);
  assert_node (f, kase, "lead_verified_urgent", 1, "2026-03-05 -");
  assert_node (f, kase, "lead_verified", 1, "2026-03-09 2026-03-04");
  g_assert_cmpint (rules_count (f, "SELECT ref_id FROM nodes WHERE kind = 'lead_verified_urgent'"),
                   ==, 100);
  zx_nodes_record_event (f->store, kase, "lead_verified", "2026-03-03", 100, &error);
  g_assert_no_error (error);
  assert_node (f, kase, "lead_verified_urgent", 1, "2026-03-05 2026-03-03");
}

/* A court that counts the execution notice in working days: assigned on Thursday 2026-02-12;
 * Friday 02-13 works, Saturday 02-14 is a make-up working day, 02-15 … 02-23 are the Spring
 * Festival holiday, so the third working day is Tuesday 02-24. */
static void
test_working_day_rule_across_spring_festival (RulesFixture *f, gconstpointer data)
{
  gint64 kase = rules_add_case (f, "（2026）冀0802执23号", "2026-02-10", f->team_a, 0, FALSE,
                                FALSE);

  g_assert_cmpint (sqlite3_exec (zx_store_get_db (f->store),
                                 "UPDATE node_rules SET unit = 'working_days'"
                                 " WHERE kind = 'execution_notice'",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  event (f, kase, "assigned", "2026-02-12");
  assert_node (f, kase, "execution_notice", 1, "2026-02-24 -");
}

/* An inactive rule creates nothing. */
static void
test_inactive_rule (RulesFixture *f, gconstpointer data)
{
  gint64 kase = rules_add_case (f, "（2026）冀0802执24号", "2026-02-10", f->team_a, 0, FALSE,
                                FALSE);

  g_assert_cmpint (sqlite3_exec (zx_store_get_db (f->store),
                                 "UPDATE node_rules SET active = 0 WHERE kind = 'four_checks'",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  create_nodes (f, kase, "filed", "2026-02-10");
  g_assert_cmpint (count_nodes (f), ==, 5);
  g_assert_null (node (f, kase, "four_checks", 1));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  RULES_TEST ("/nodes/filed-and-events", test_filed_and_events);
  RULES_TEST ("/nodes/zhongben-requeries", test_zhongben_requeries);
  RULES_TEST ("/nodes/leads-by-ref", test_leads_by_ref);
  RULES_TEST ("/nodes/working-days-across-spring-festival",
              test_working_day_rule_across_spring_festival);
  RULES_TEST ("/nodes/inactive-rule", test_inactive_rule);

  return g_test_run ();
}
