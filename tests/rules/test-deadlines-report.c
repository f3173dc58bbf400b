/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>
#include <locale.h>

#include "stats/zx-deadlines-report.h"
#include "store/zx-listing.h"
#include "store/zx-measures.h"
#include "store/zx-nodes.h"
#include "store/zx-seizures.h"
#include "zx-rules-test.h"

/* The deadlines report with a fixed today (Monday 2026-03-02): open nodes, seizures about to
 * expire, list entries due for removal and proposals waiting for approval, filtered by team
 * and officer. */

#define TODAY "2026-03-02"

typedef struct
{
  gint64 a1, a2, a3, b1;    /* cases: team A (王强) ×3, team B (孙丽) */
  gint64 seizure;
  gint64 entry;
  gint64 detention;
} World;

typedef struct
{
  gint64      case_id;
  const char *event;
  const char *date;
} EventData;

static gboolean
event_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  EventData *d = user_data;

  return zx_nodes_on_event (txn, d->case_id, d->event, d->date, 0, error);
}

static void
event (RulesFixture *f, gint64 case_id, const char *name, const char *date)
{
  g_autoptr (GError) error = NULL;
  EventData d = { case_id, name, date };

  zx_store_write (f->store, event_txn, &d, &error);
  g_assert_no_error (error);
}

static void
conclude (RulesFixture *f, gint64 case_id, const char *status, const char *on)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) change = json_object_new ();

  json_object_set_string_member (change, "status", status);
  json_object_set_string_member (change, "concluded_on", on);
  zx_store_update (f->store, "cases", case_id, 0, change, NULL, &error);
  if (g_error_matches (error, ZX_ERROR, ZX_ERROR_CONFLICT))
    {
      g_clear_error (&error);
      zx_store_update (f->store, "cases", case_id,
                       rules_get_int (f, "cases", case_id, "version"), change, NULL, &error);
    }
  g_assert_no_error (error);
}

static void
add_cases (RulesFixture *f, World *w)
{
  w->a1 = rules_add_case (f, "（2026）冀0802执31号", "2026-02-10", f->team_a, f->officer, FALSE,
                          FALSE);
  w->a2 = rules_add_case (f, "（2025）冀0802执32号", "2025-06-01", f->team_a, f->officer, FALSE,
                          FALSE);
  w->a3 = rules_add_case (f, "（2025）冀0802执33号", "2025-03-01", f->team_a, f->officer, FALSE,
                          FALSE);
  w->b1 = rules_add_case (f, "（2026）冀0802执34号", "2026-02-27", f->team_b, f->officer_b, FALSE,
                          FALSE);
  event (f, w->a1, "filed", "2026-02-10");
  event (f, w->a1, "query_national", "2026-02-11");
  event (f, w->a2, "filed", "2025-06-01");
  conclude (f, w->a2, "executed", "2025-12-01");
  /* 终本 on 2025-09-03: the first re-query is due on 2026-03-03. */
  event (f, w->a3, "zhongben", "2025-09-03");
  conclude (f, w->a3, "zhongben", "2025-09-03");
  event (f, w->b1, "filed", "2026-02-27");
}

static void
add_others (RulesFixture *f, World *w)
{
  g_autoptr (GError) error = NULL;
  gint64 person = rules_add_party (f, w->a1, "respondent", "person", "乙被执行人", ADULT_ID);
  ZxSeizureOrder order = { w->b1, 0, "deposit", "邮储银行 6210", "2025-03-20", 0, 0, NULL };
  ZxListingApplication application = { w->a1, person, 2, NULL, "2026-02-11" };
  ZxMeasureProposal detention = { w->a1, person, "detention", "2026-02-25", 10, 0, NULL };

  rules_act_as (f, "officer");
  w->seizure = zx_seizures_record (f->store, &order, &error);
  g_assert_no_error (error);
  rules_add_restriction (f, w->a1, person, "2026-02-11");
  w->entry = zx_listing_propose (f->store, &application, &error);
  g_assert_no_error (error);
  w->detention = zx_measures_propose (f->store, &detention, &error);
  g_assert_no_error (error);
  rules_act_as (f, "director");
  zx_listing_decide (f->store, w->entry, 0, "2026-02-12", 0, &error);
  g_assert_no_error (error);
  rules_act_as (f, "clerk");
  zx_listing_publish (f->store, w->entry, 0, "2026-02-12", &error);
  g_assert_no_error (error);
  /* Paid in full on Friday 2026-02-27: Saturday 02-28 is a make-up working day of the Spring
   * Festival, so the third working day is Tuesday 03-03. */
  zx_listing_record_ground (f->store, w->entry, 0, ZX_LISTING_PERFORMED, "2026-02-27", &error);
  g_assert_no_error (error);
}

static JsonNode *
report (RulesFixture *f, gint64 team, gint64 officer)
{
  g_autoptr (GError) error = NULL;
  ZxDeadlinesQuery q = { TODAY, team, officer };
  JsonNode *node = zx_deadlines_report (f->store, &q, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static JsonArray *
items_of (JsonNode *node)
{
  return json_object_get_array_member (json_node_get_object (node), "items");
}

/* "kind/subkind/case_id/status/days" of each item, in report order. */
static char *
summary (JsonNode *node)
{
  JsonArray *items = items_of (node);
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      g_string_append_printf (s, "%s%s/%s/%" PRId64 "/%s/%" PRId64,
                              i > 0 ? " " : "", json_object_get_string_member (item, "kind"),
                              json_object_get_string_member (item, "subkind"),
                              json_object_get_int_member (item, "case_id"),
                              json_object_get_string_member (item, "status"),
                              json_object_get_int_member (item, "days"));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
test_whole_court (RulesFixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *got = NULL;
  g_autofree char *expected = NULL;
  JsonObject *root, *counts;
  World w;

  add_cases (f, &w);
  add_others (f, &w);
  node = report (f, 0, 0);
  got = summary (node);
  /* By due date: A1's nodes (network_query done, so not listed), the detention waiting since
   * 02-25 (due 02-28), B1's national query due today, A1's removal and A3's first re-query
   * on 03-03 (A3 is concluded but its re-queries outlive it; A2's nodes do not), B1's
   * deposit. */
  expected = g_strdup_printf (
      "node/officer_assigned/%1$" PRId64 "/overdue/-13"
      " node/property_report/%1$" PRId64 "/overdue/-13"
      " node/p2p_query/%1$" PRId64 "/overdue/-5"
      " approval/detention/%1$" PRId64 "/overdue/-2"
      " node/network_query/%2$" PRId64 "/due_soon/0"
      " list_removal/performed/%1$" PRId64 "/due_soon/1"
      " node/zhongben_requery/%3$" PRId64 "/due_soon/1"
      " seizure/expiring/%2$" PRId64 "/due_soon/17",
      w.a1, w.b1, w.a3);
  g_assert_cmpstr (got, ==, expected);

  root = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (root, "today"), ==, TODAY);
  g_assert_true (json_object_get_null_member (root, "team_id"));
  g_assert_true (json_object_get_null_member (root, "officer_id"));
  counts = json_object_get_object_member (root, "counts");
  g_assert_cmpint (json_object_get_int_member (counts, "total"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (counts, "overdue"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (counts, "due_soon"), ==, 4);
}

static void
test_item_fields (RulesFixture *f, gconstpointer data)
{
  static const char *const fields[] = {
    "kind", "subkind", "entity", "id", "case_id", "case_no", "team_id", "team", "officer_id",
    "officer", "due_on", "status", "days", "label",
  };
  g_autoptr (JsonNode) node = NULL;
  JsonArray *items;
  JsonObject *approval = NULL, *removal = NULL;
  World w;

  add_cases (f, &w);
  add_others (f, &w);
  node = report (f, 0, 0);
  items = items_of (node);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *kind = json_object_get_string_member (item, "kind");

      g_assert_cmpint (json_object_get_size (item), ==, G_N_ELEMENTS (fields));
      for (guint k = 0; k < G_N_ELEMENTS (fields); k++)
        g_assert_true (json_object_has_member (item, fields[k]));
      if (g_str_equal (kind, "approval"))
        approval = item;
      else if (g_str_equal (kind, "list_removal"))
        removal = item;
    }
  g_assert_nonnull (approval);
  g_assert_cmpstr (json_object_get_string_member (approval, "entity"), ==, "measures");
  g_assert_cmpint (json_object_get_int_member (approval, "id"), ==, w.detention);
  g_assert_cmpstr (json_object_get_string_member (approval, "case_no"), ==, "（2026）冀0802执31号");
  g_assert_cmpstr (json_object_get_string_member (approval, "team"), ==, "执行一组");
  g_assert_cmpint (json_object_get_int_member (approval, "team_id"), ==, f->team_a);
  g_assert_cmpstr (json_object_get_string_member (approval, "officer"), ==, "王强");
  g_assert_cmpint (json_object_get_int_member (approval, "officer_id"), ==, f->officer);
  g_assert_cmpstr (json_object_get_string_member (approval, "due_on"), ==, "2026-02-28");
  g_assert_nonnull (strstr (json_object_get_string_member (approval, "label"), "乙被执行人"));
  g_assert_nonnull (removal);
  g_assert_cmpstr (json_object_get_string_member (removal, "entity"), ==, "blacklist_entries");
  g_assert_cmpint (json_object_get_int_member (removal, "id"), ==, w.entry);
  g_assert_cmpstr (json_object_get_string_member (removal, "due_on"), ==, "2026-03-03");
}

static void
test_filters (RulesFixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) team_b = NULL;
  g_autoptr (JsonNode) officer_a = NULL;
  g_autoptr (JsonNode) mismatch = NULL;
  g_autofree char *got_b = NULL;
  g_autofree char *expected_b = NULL;
  JsonArray *items;
  World w;

  add_cases (f, &w);
  add_others (f, &w);
  team_b = report (f, f->team_b, 0);
  got_b = summary (team_b);
  expected_b = g_strdup_printf ("node/network_query/%1$" PRId64 "/due_soon/0"
                                " seizure/expiring/%1$" PRId64 "/due_soon/17",
                                w.b1);
  g_assert_cmpstr (got_b, ==, expected_b);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (team_b), "team_id"), ==,
                   f->team_b);

  officer_a = report (f, 0, f->officer);
  items = items_of (officer_a);
  g_assert_cmpint (json_array_get_length (items), ==, 6);
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, i),
                                                 "officer_id"),
                     ==, f->officer);

  /* Team B's officer in team A: nothing. */
  mismatch = report (f, f->team_a, f->officer_b);
  g_assert_cmpint (json_array_get_length (items_of (mismatch)), ==, 0);
}

/* Done items leave the report: the node completed, the detention approved, the entry removed,
 * the deposit renewed. */
static void
test_done_items_leave (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *got = NULL;
  g_autofree char *expected = NULL;
  World w;

  add_cases (f, &w);
  add_others (f, &w);
  rules_act_as (f, "president");
  zx_measures_approve (f->store, w.detention, 0, "2026-03-01", &error);
  g_assert_no_error (error);
  rules_act_as (f, "clerk");
  zx_listing_remove (f->store, w.entry, 0, NULL, NULL, "2026-03-02", NULL, &error);
  g_assert_no_error (error);
  zx_seizures_renew (f->store, w.seizure, 0, "2026-03-02", 0, &error);
  g_assert_no_error (error);
  event (f, w.b1, "query_national", "2026-03-02");
  event (f, w.a1, "assigned", "2026-02-28");
  event (f, w.a3, "requery", "2026-03-01");

  node = report (f, 0, 0);
  got = summary (node);
  /* What is left: A1's property report and p2p query, and the execution notice the late
   * assignment started (due 03-03, within its one warn day). */
  expected = g_strdup_printf ("node/property_report/%1$" PRId64 "/overdue/-13"
                              " node/p2p_query/%1$" PRId64 "/overdue/-5"
                              " node/execution_notice/%1$" PRId64 "/due_soon/1",
                              w.a1);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_bad_today (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  ZxDeadlinesQuery q = { "2026-02-30", 0, 0 };

  g_assert_null (zx_deadlines_report (f->store, &q, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  RULES_TEST ("/deadlines/whole-court", test_whole_court);
  RULES_TEST ("/deadlines/item-fields", test_item_fields);
  RULES_TEST ("/deadlines/filters", test_filters);
  RULES_TEST ("/deadlines/done-items-leave", test_done_items_leave);
  RULES_TEST ("/deadlines/bad-today", test_bad_today);

  return g_test_run ();
}
