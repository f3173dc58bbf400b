/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "store/zx-case-query.h"
#include "zx-test-util.h"

/* The case register's search and filters: trigram search for three characters or more, the base
 * tables for one or two, and both give what a plain LIKE over the data gives. */

static gint64
add_case (ZxStore *store, const char *no, const char *filed, const char *doc, const char *status)
{
  g_autoptr (JsonObject) f = json_object_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  json_object_set_string_member (f, "case_no", no);
  json_object_set_string_member (f, "filed_on", filed);
  json_object_set_string_member (f, "basis_doc_no", doc);
  json_object_set_string_member (f, "status", status);
  if (!g_str_equal (status, "in_progress"))
    json_object_set_string_member (f, "concluded_on", "2026-06-30");
  id = zx_store_create (store, "cases", f, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_party (ZxStore *store, gint64 case_id, const char *role, const char *kind, const char *name,
           const char *id_no)
{
  g_autoptr (JsonObject) f = json_object_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  json_object_set_int_member (f, "case_id", case_id);
  json_object_set_string_member (f, "role", role);
  json_object_set_string_member (f, "kind", kind);
  json_object_set_string_member (f, "name", name);
  if (id_no != NULL)
    json_object_set_string_member (f, "id_no", id_no);
  id = zx_store_create (store, "parties", f, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static GArray *
search (ZxStore *store, const char *text, const char *status)
{
  g_autoptr (GError) error = NULL;
  ZxCaseFilter f = { 0 };
  GArray *ids;

  f.text = text;
  f.status = status;
  f.today = "2026-11-28";
  ids = zx_case_query_ids (store, &f, NULL, &error);
  g_assert_no_error (error);
  return ids;
}

typedef struct
{
  const char *text;
  guint       n;
} Expect;

static void
test_search (void)
{
  g_autofree char *dir = zx_test_tmpdir_new ();
  g_autoptr (ZxStore) store = zx_test_new_store (dir, "s.db");
  gint64 a = add_case (store, "（2026）冀0802执101号", "2026-01-05", "（2025）冀0802民初77号", "in_progress");
  gint64 b = add_case (store, "（2026）冀0802执102号", "2026-02-05", "（2025）冀0802民初88号", "executed");
  gint64 c = add_case (store, "（2025）冀0802执恢9号", "2025-11-05", "承仲裁字第3号", "in_progress");
  gint64 party;
  const Expect expect[] = {
    { "张伟", 2 },              /* two characters: the base tables */
    { "张", 2 },
    { "张伟华", 1 },            /* three: the trigram index */
    { "承德宏达商贸有限公司", 1 },
    { "宏达", 1 },
    { "执恢9", 1 },
    { "执10", 2 },
    { "民初88", 1 },
    { "0519491231", 1 },        /* a fragment of an ID number */
    { "M000100Y", 1 },          /* of a credit code */
    { "王", 0 },
    { "%", 0 },                 /* LIKE wildcards are plain characters */
    { "\"", 0 },
  };

  add_party (store, a, "applicant", "person", "张伟华", "11010519491231002X");
  add_party (store, a, "respondent", "entity", "承德宏达商贸有限公司", "91350100M000100Y43");
  party = add_party (store, b, "respondent", "person", "张伟", NULL);
  add_party (store, c, "respondent", "person", "李娜", "320106199003070012");

  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      g_autoptr (GArray) ids = search (store, expect[i].text, NULL);
      if (ids->len != expect[i].n)
        g_error ("search “%s”: %u cases, expected %u", expect[i].text, ids->len, expect[i].n);
    }

  /* Filters combine with the text; newest first by default order descending. */
  {
    g_autoptr (GArray) open = search (store, "张", "open");
    g_assert_cmpuint (open->len, ==, 1);
    g_assert_cmpint (g_array_index (open, gint64, 0), ==, a);
  }

  /* An edit reaches the index in the same transaction. */
  {
    g_autoptr (JsonObject) change = json_object_new ();
    g_autoptr (GError) error = NULL;
    g_autoptr (GArray) before = search (store, "赵敏敏", NULL);
    g_autoptr (GArray) after = NULL;

    g_assert_cmpuint (before->len, ==, 0);
    json_object_set_string_member (change, "name", "赵敏敏");
    g_assert_true (zx_store_update (store, "parties", party, 1, change, NULL, &error));
    after = search (store, "赵敏敏", NULL);
    g_assert_cmpuint (after->len, ==, 1);
    g_assert_cmpint (g_array_index (after, gint64, 0), ==, b);
  }
  zx_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_rows_and_sort (void)
{
  g_autofree char *dir = zx_test_tmpdir_new ();
  g_autoptr (ZxStore) store = zx_test_new_store (dir, "r.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  ZxCaseFilter f = { 0 };
  gint64 missing[2];

  for (int i = 1; i <= 30; i++)
    {
      g_autofree char *no = g_strdup_printf ("（2026）冀0802执%d号", i);
      g_autofree char *filed = g_strdup_printf ("2026-03-%02d", i);
      gint64 id = add_case (store, no, filed, "x", "in_progress");
      add_party (store, id, "respondent", "person", i % 2 ? "王芳" : "刘洋", NULL);
    }
  f.today = "2026-11-28";
  f.sort = ZX_CASE_SORT_CASE_NO;
  f.descending = TRUE;
  ids = zx_case_query_ids (store, &f, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 30);
  rows = zx_case_query_rows (store, (gint64 *) (gpointer) ids->data, 3, f.today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (((ZxCaseRow *) rows->pdata[0])->case_no, ==, "（2026）冀0802执30号");
  g_assert_cmpstr (((ZxCaseRow *) rows->pdata[1])->case_no, ==, "（2026）冀0802执29号");
  g_assert_cmpstr (((ZxCaseRow *) rows->pdata[0])->respondent, ==, "刘洋");

  /* A case deleted since the snapshot comes back as an empty slot. */
  missing[0] = g_array_index (ids, gint64, 0);
  missing[1] = 999999;
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = zx_case_query_rows (store, missing, 2, f.today, &error);
  g_assert_nonnull (rows->pdata[0]);
  g_assert_null (rows->pdata[1]);
  zx_test_tmpdir_free (g_steal_pointer (&dir));
}

static gint64
add_row (ZxStore *store, const char *table, JsonObject *f)
{
  g_autoptr (GError) error = NULL;
  gint64 id = zx_store_create (store, table, f, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static GArray *
sql_ids (ZxStore *store, const char *sql)
{
  sqlite3 *db = zx_store_get_db (store);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return ids;
}

/* The sorts by a related table (parties, staff, nodes) give what a plain ORDER BY gives. Some
 * cases lack respondents, applicants, an officer or an open node, names and dates repeat, and
 * done nodes must not count. */
static void
test_sort_related (void)
{
  g_autofree char *dir = zx_test_tmpdir_new ();
  g_autoptr (ZxStore) store = zx_test_new_store (dir, "o.db");
  static const char *const names[] = { "王芳", "刘洋", "张伟", "李娜", "陈静", "杨磊", "赵敏" };
  static const char *const officers[] = { "孙志强", "周丽", "吴刚", "郑红" };
  gint64 staff[G_N_ELEMENTS (officers)];
  static const struct
  {
    ZxCaseSort  sort;
    const char *order;  /* %1$s: the direction */
  } sorts[] = {
    { ZX_CASE_SORT_RESPONDENT,
      "(SELECT min(p.name) FROM parties p WHERE p.case_id = c.id AND p.role = 'respondent') %1$s,"
      " c.id %1$s" },
    { ZX_CASE_SORT_APPLICANT,
      "(SELECT min(p.name) FROM parties p WHERE p.case_id = c.id AND p.role = 'applicant') %1$s,"
      " c.id %1$s" },
    { ZX_CASE_SORT_OFFICER,
      "(SELECT name FROM staff WHERE id = c.officer_id) %1$s, c.filed_on %1$s, c.id %1$s" },
    { ZX_CASE_SORT_NEXT_DUE,
      "(SELECT min(n.due_on) FROM nodes n WHERE n.case_id = c.id AND n.done_on IS NULL)"
      " IS NULL, (SELECT min(n.due_on) FROM nodes n WHERE n.case_id = c.id"
      " AND n.done_on IS NULL) %1$s, c.id %1$s" },
  };

  /* Staff without logins: the store checks roles only once a login exists. */
  for (guint i = 0; i < G_N_ELEMENTS (officers); i++)
    {
      g_autoptr (JsonObject) f = json_object_new ();

      json_object_set_string_member (f, "name", officers[i]);
      json_object_set_string_member (f, "role", "officer");
      staff[i] = add_row (store, "staff", f);
    }

  for (int i = 1; i <= 26; i++)
    {
      g_autofree char *no = g_strdup_printf ("（2026）冀0802执%d号", i);
      g_autofree char *filed = g_strdup_printf ("2026-0%d-%02d", 1 + i % 3, 1 + i % 7);
      gint64 id = add_case (store, no, filed, "x", "in_progress");

      if (i % 5 != 0)
        add_party (store, id, "respondent", "person", names[(i * 3) % G_N_ELEMENTS (names)],
                   NULL);
      if (i % 3 == 0)
        add_party (store, id, "respondent", "entity", names[i % G_N_ELEMENTS (names)], NULL);
      if (i % 4 != 0)
        add_party (store, id, "applicant", "person", names[(i * 5) % G_N_ELEMENTS (names)],
                   NULL);
      if (i % 6 == 1)
        add_party (store, id, "applicant", "person", names[(i + 2) % G_N_ELEMENTS (names)],
                   NULL);
      if (i % 7 != 0)
        {
          g_autoptr (JsonObject) change = json_object_new ();
          g_autoptr (GError) error = NULL;

          json_object_set_int_member (change, "officer_id", staff[i % G_N_ELEMENTS (staff)]);
          g_assert_true (zx_store_update (store, "cases", id, 1, change, NULL, &error));
          g_assert_no_error (error);
        }
      /* Open nodes on most cases; a done node earlier than any open one on some; none on a few. */
      for (int k = 0; k < i % 3 + (i % 8 == 0 ? -i % 3 : 0); k++)
        {
          g_autoptr (JsonObject) f = json_object_new ();
          g_autofree char *due = g_strdup_printf ("2026-%02d-%02d", 4 + (i * 7 + k * 5) % 8,
                                                  1 + (i + k) % 5);

          json_object_set_int_member (f, "case_id", id);
          json_object_set_string_member (f, "kind", "report");
          json_object_set_string_member (f, "due_on", due);
          add_row (store, "nodes", f);
        }
      if (i % 4 == 1)
        {
          g_autoptr (JsonObject) f = json_object_new ();

          json_object_set_int_member (f, "case_id", id);
          json_object_set_string_member (f, "kind", "report");
          json_object_set_string_member (f, "due_on", "2026-01-01");
          json_object_set_string_member (f, "done_on", "2026-01-01");
          add_row (store, "nodes", f);
        }
    }
  /* The data covers what the sorts must handle. */
  {
    sqlite3 *db = zx_store_get_db (store);

    g_assert_cmpint (zx_test_query_int (db, "SELECT count(*) FROM cases"), ==, 26);
    g_assert_cmpint (zx_test_query_int (db, "SELECT count(*) FROM cases WHERE officer_id IS NULL"),
                     >, 0);
    g_assert_cmpint (zx_test_query_int (db, "SELECT count(*) FROM cases c WHERE NOT EXISTS"
                                            " (SELECT 1 FROM nodes WHERE case_id = c.id"
                                            " AND done_on IS NULL)"), >, 0);
    g_assert_cmpint (zx_test_query_int (db, "SELECT count(*) FROM cases c WHERE NOT EXISTS"
                                            " (SELECT 1 FROM parties WHERE case_id = c.id"
                                            " AND role = 'applicant')"), >, 0);
    g_assert_cmpint (zx_test_query_int (db, "SELECT count(*) FROM nodes WHERE done_on IS NOT NULL"),
                     >, 0);
  }

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    for (int descending = 0; descending <= 1; descending++)
      {
        const char *dir = descending ? "DESC" : "ASC";
        g_autofree char *order = g_strdup_printf (sorts[i].order, dir);
        g_autofree char *sql = g_strdup_printf ("SELECT c.id FROM cases c ORDER BY %s", order);
        g_autoptr (GArray) expected = sql_ids (store, sql);
        g_autoptr (GArray) actual = NULL;
        g_autoptr (GError) error = NULL;
        ZxCaseFilter f = { 0 };

        f.today = "2026-11-28";
        f.sort = sorts[i].sort;
        f.descending = descending;
        actual = zx_case_query_ids (store, &f, NULL, &error);
        g_assert_no_error (error);
        g_test_message ("sort %d %s", sorts[i].sort, dir);
        g_assert_cmpuint (actual->len, ==, expected->len);
        for (guint k = 0; k < actual->len; k++)
          g_assert_cmpint (g_array_index (actual, gint64, k), ==,
                           g_array_index (expected, gint64, k));

        /* With a filter too (the officer sort's join must not disturb the WHERE clause). */
        {
          g_autoptr (GArray) filtered = NULL;
          guint n = 0;

          f.officer_id = staff[1];
          f.text = "刘";
          filtered = zx_case_query_ids (store, &f, NULL, &error);
          g_assert_no_error (error);
          for (guint k = 0; k < expected->len; k++)
            {
              gint64 id = g_array_index (expected, gint64, k);
              g_autofree char *q = g_strdup_printf (
                "SELECT count(*) FROM cases c WHERE id = %" G_GINT64_FORMAT
                " AND officer_id = %" G_GINT64_FORMAT " AND EXISTS (SELECT 1 FROM parties"
                " WHERE case_id = c.id AND name LIKE '%%刘%%')", id, staff[1]);

              if (zx_test_query_int (zx_store_get_db (store), q) == 0)
                continue;
              g_assert_cmpuint (n, <, filtered->len);
              g_assert_cmpint (g_array_index (filtered, gint64, n), ==, id);
              n++;
            }
          g_assert_cmpuint (n, ==, filtered->len);
          g_assert_cmpuint (n, >, 0);
        }
      }
  zx_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/search/text", test_search);
  g_test_add_func ("/store/search/rows-and-sort", test_rows_and_sort);
  g_test_add_func ("/store/search/sort-related", test_sort_related);
  return g_test_run ();
}
