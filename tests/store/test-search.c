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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/search/text", test_search);
  g_test_add_func ("/store/search/rows-and-sort", test_rows_and_sort);
  return g_test_run ();
}
