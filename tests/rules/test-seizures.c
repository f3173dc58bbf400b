/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "stats/zx-deadlines-report.h"
#include "store/zx-seizures.h"
#include "zx-rules-test.h"

/* Seizures in the store: terms by kind, renewal, lapse (and how the deadlines report shows
 * it), the queue of waiting seizures (轮候) taking effect on release or lapse. */

#define FLAT "冀(2020)承德市不动产权第0012345号"

static gint64
add_case (RulesFixture *f, const char *case_no)
{
  return rules_add_case (f, case_no, "2024-01-15", f->team_a, f->officer, FALSE, FALSE);
}

static gint64
record (RulesFixture *f, gint64 kase, const char *kind, const char *object, const char *start,
        int months, GError **error)
{
  ZxSeizureOrder o = { kase, 0, kind, object, start, months, 0, NULL };

  return zx_seizures_record (f->store, &o, error);
}

static gint64
record_ok (RulesFixture *f, gint64 kase, const char *kind, const char *object, const char *start)
{
  g_autoptr (GError) error = NULL;
  gint64 id;

  rules_act_as (f, "officer");
  id = record (f, kase, kind, object, start, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
assert_text (RulesFixture *f, gint64 id, const char *column, const char *expected)
{
  g_autofree char *value = rules_get_text (f, "seizures", id, column);

  g_assert_cmpstr (value, ==, expected);
}

static void
test_terms_and_renewal (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 kase = add_case (f, "（2024）冀0802执7号");
  gint64 deposit = record_ok (f, kase, "deposit", "工商银行 6222 0000 1111", "2026-01-10");
  gint64 car = record_ok (f, kase, "vehicle", "冀H12345", "2026-01-10");
  gint64 flat = record_ok (f, kase, "real_estate", FLAT, "2026-01-10");

  assert_text (f, deposit, "state", "effective");
  assert_text (f, deposit, "expires_on", "2027-01-09");
  assert_text (f, car, "expires_on", "2028-01-09");
  assert_text (f, flat, "expires_on", "2029-01-09");

  /* A shorter term may be ordered, a longer one not. */
  g_assert_cmpint (record (f, kase, "deposit", "建设银行 6217", "2026-01-10", 13, &error), ==, 0);
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (record (f, kase, "boat", "渔船", "2026-01-10", 0, &error), ==, 0);
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_clear_error (&error);

  /* Renewed before expiry: the new year follows without a gap. */
  zx_seizures_renew (f->store, deposit, 0, "2027-01-05", 0, &error);
  g_assert_no_error (error);
  assert_text (f, deposit, "expires_on", "2028-01-09");
  g_assert_cmpint (rules_get_int (f, "seizures", deposit, "renewed_count"), ==, 1);
  /* On the expiry day itself still in time; the day after too late. */
  zx_seizures_renew (f->store, deposit, 0, "2028-01-09", 6, &error);
  g_assert_no_error (error);
  assert_text (f, deposit, "expires_on", "2028-07-09");
  g_assert_false (zx_seizures_renew (f->store, car, 0, "2028-01-10", 0, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "lapsed"));
  g_clear_error (&error);
  assert_text (f, car, "expires_on", "2028-01-09");

  /* Judicial police do not record seizures. */
  rules_act_as (f, "police");
  g_assert_cmpint (record (f, kase, "movable", "挖掘机", "2026-01-10", 0, &error), ==, 0);
  g_assert_error (error, ZX_ERROR, ZX_ERROR_DENIED);
}

static JsonObject *
find_item (JsonNode *report, const char *kind, gint64 id)
{
  JsonArray *items = json_object_get_array_member (json_node_get_object (report), "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (item, "kind"), kind)
          && json_object_get_int_member (item, "id") == id)
        return item;
    }
  return NULL;
}

static JsonNode *
report_on (RulesFixture *f, const char *today)
{
  g_autoptr (GError) error = NULL;
  ZxDeadlinesQuery q = { today, 0, 0 };
  JsonNode *report = zx_deadlines_report (f->store, &q, &error);

  g_assert_no_error (error);
  return report;
}

static void
assert_seizure_item (RulesFixture *f, gint64 id, const char *today, const char *subkind,
                     const char *status, int days)
{
  g_autoptr (JsonNode) report = report_on (f, today);
  JsonObject *item = find_item (report, "seizure", id);

  if (subkind == NULL)
    {
      g_assert_null (item);
      return;
    }
  g_assert_nonnull (item);
  g_assert_cmpstr (json_object_get_string_member (item, "subkind"), ==, subkind);
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, status);
  g_assert_cmpint (json_object_get_int_member (item, "days"), ==, days);
}

/* A movable seized 2024-03-01 for 24 months runs through 2026-02-28 and then lapses. */
static void
test_lapsing (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 kase = add_case (f, "（2024）冀0802执8号");
  gint64 id = record_ok (f, kase, "movable", "挖掘机 SY215", "2024-03-01");
  guint n = 0;

  assert_text (f, id, "expires_on", "2026-02-28");
  assert_seizure_item (f, id, "2026-01-20", NULL, NULL, 0);
  assert_seizure_item (f, id, "2026-01-29", "expiring", "due_soon", 30);
  assert_seizure_item (f, id, "2026-02-25", "expiring_soon", "due_soon", 3);
  assert_seizure_item (f, id, "2026-02-28", "expiring_soon", "due_soon", 0);
  assert_seizure_item (f, id, "2026-03-05", "lapsed", "overdue", -5);

  /* A release after the lapse is refused; the lapse is recorded instead. */
  rules_act_as (f, "officer");
  g_assert_false (zx_seizures_release (f->store, id, 0, "2026-03-05", NULL, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_clear_error (&error);
  zx_seizures_mark_lapsed (f->store, "2026-03-05", &n, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 1);
  assert_text (f, id, "state", "lapsed");
  assert_seizure_item (f, id, "2026-03-05", NULL, NULL, 0);
}

static void
test_waiting_takes_effect_on_release (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 case1 = add_case (f, "（2024）冀0802执9号");
  gint64 case2 = add_case (f, "（2024）冀0802执10号");
  gint64 case3 = add_case (f, "（2024）冀0802执11号");
  gint64 first = record_ok (f, case1, "real_estate", FLAT, "2026-01-05");
  gint64 second = record_ok (f, case2, "real_estate", "  " FLAT " ", "2026-02-01");
  gint64 third = record_ok (f, case3, "equity", FLAT, "2026-02-10");
  gint64 next = 0;

  assert_text (f, second, "state", "waiting");
  assert_text (f, second, "start_on", NULL);
  assert_text (f, second, "expires_on", NULL);
  g_assert_cmpint (rules_get_int (f, "seizures", second, "waiting_rank"), ==, 1);
  g_assert_cmpint (rules_get_int (f, "seizures", third, "waiting_rank"), ==, 2);
  /* A waiting seizure has no term to renew. */
  g_assert_false (zx_seizures_renew (f->store, second, 0, "2026-03-01", 0, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_clear_error (&error);

  zx_seizures_release (f->store, first, 0, "2026-06-15", &next, &error);
  g_assert_no_error (error);
  g_assert_cmpint (next, ==, second);
  assert_text (f, first, "state", "released");
  assert_text (f, first, "released_on", "2026-06-15");
  assert_text (f, second, "state", "effective");
  assert_text (f, second, "start_on", "2026-06-15");
  assert_text (f, second, "expires_on", "2029-06-14");
  g_assert_cmpint (rules_count (f, "SELECT count(*) FROM seizures WHERE waiting_rank IS NOT NULL"),
                   ==, 1);
  assert_text (f, third, "state", "waiting");
  /* Both changes in one transaction, both audited. */
  g_assert_cmpint (rules_count (f, "SELECT count(*) FROM audit WHERE entity = 'seizures'"
                                   " AND action = 'update'"),
                   ==, 2);

  /* Releasing a waiting one just takes it out of the queue. */
  zx_seizures_release (f->store, third, 0, "2026-07-01", &next, &error);
  g_assert_no_error (error);
  g_assert_cmpint (next, ==, 0);
  assert_text (f, second, "state", "effective");
}

static void
test_waiting_takes_effect_on_lapse (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 case1 = add_case (f, "（2024）冀0802执12号");
  gint64 case2 = add_case (f, "（2024）冀0802执13号");
  gint64 first = record_ok (f, case1, "deposit", "农业银行 6228", "2025-03-01");
  gint64 second = record_ok (f, case2, "deposit", "农业银行 6228", "2025-04-01");
  guint n = 0;

  assert_text (f, first, "expires_on", "2026-02-28");
  zx_seizures_mark_lapsed (f->store, "2026-03-02", &n, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 1);
  assert_text (f, first, "state", "lapsed");
  assert_text (f, second, "state", "effective");
  assert_text (f, second, "start_on", "2026-03-01");
  assert_text (f, second, "expires_on", "2027-02-28");
  /* Nothing left to lapse. */
  zx_seizures_mark_lapsed (f->store, "2026-03-02", &n, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 0);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  RULES_TEST ("/seizures/terms-and-renewal", test_terms_and_renewal);
  RULES_TEST ("/seizures/lapsing", test_lapsing);
  RULES_TEST ("/seizures/waiting/release", test_waiting_takes_effect_on_release);
  RULES_TEST ("/seizures/waiting/lapse", test_waiting_takes_effect_on_lapse);

  return g_test_run ();
}
