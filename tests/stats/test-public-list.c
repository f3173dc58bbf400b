/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "io/zx-csv.h"
#include "stats/zx-public-list.h"
#include "zx-test-util.h"

/* The public list (wall display, `export blacklist --public`) on a demo database: exactly the
 * entries an independent SQL selection calls published, in period, not removed, out of grace,
 * of adults and entities; every person's ID masked as published; the CSV export the same rows.
 * Then entries are broken one way each (a minor, in grace, removed, period ended, published
 * tomorrow, revoked, a minor on the decision day) and must drop out. */

static char *dir;
static char *db_path;
static char *today;

/* The same selection, written out in SQL (without zx_list_public_view): ages from the birth
 * date in the ID (digits 7–14). ?1 is today. */
static const char independent_sql[] =
  "SELECT e.id FROM blacklist_entries e"
  " JOIN parties p ON p.id = e.party_id JOIN cases c ON c.id = e.case_id"
  " WHERE e.state = 'published' AND e.removed_on IS NULL"
  "   AND e.published_on IS NOT NULL AND e.published_on <= ?1"
  "   AND (e.grace_until IS NULL OR e.grace_until < ?1)"
  "   AND (e.period_end IS NULL OR e.period_end >= ?1)"
  "   AND (p.kind = 'entity'"
  "        OR (length(p.id_no) = 18"
  "            AND date(substr(p.id_no, 7, 4) || '-' || substr(p.id_no, 11, 2) || '-'"
  "                     || substr(p.id_no, 13, 2), '+18 years') <= ?1"
  "            AND (e.decided_on IS NULL"
  "                 OR date(substr(p.id_no, 7, 4) || '-' || substr(p.id_no, 11, 2) || '-'"
  "                         || substr(p.id_no, 13, 2), '+18 years') <= e.decided_on)))"
  " ORDER BY e.id";

static char *
local_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static sqlite3 *
open_raw (void)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  return db;
}

static GArray *
independent_ids (void)
{
  sqlite3 *db = open_raw ();
  sqlite3_stmt *stmt = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_cmpint (sqlite3_prepare_v2 (db, independent_sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ids;
}

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static ZxPublicList *
load_list (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxStore) store = zx_store_open (db_path, ZX_STORE_OPEN_VIEWER, &error);
  ZxPublicList *list;

  g_assert_no_error (error);
  list = zx_public_list_load (store, today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static void
assert_same_as_sql (ZxPublicList *list)
{
  g_autoptr (GArray) expected = independent_ids ();
  g_autoptr (GArray) got = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < list->rows->len; i++)
    {
      ZxPublicListRow *row = g_ptr_array_index (list->rows, i);
      g_array_append_val (got, row->entry_id);
    }
  g_array_sort (got, compare_ids);

  g_assert_cmpuint (got->len, ==, expected->len);
  for (guint i = 0; i < got->len; i++)
    g_assert_cmpint (g_array_index (got, gint64, i), ==, g_array_index (expected, gint64, i));
}

static gboolean
list_has (ZxPublicList *list, gint64 entry_id)
{
  for (guint i = 0; i < list->rows->len; i++)
    {
      ZxPublicListRow *row = g_ptr_array_index (list->rows, i);

      if (row->entry_id == entry_id)
        return TRUE;
    }
  return FALSE;
}

static void
test_matches_sql (void)
{
  g_autoptr (ZxPublicList) list = load_list ();
  sqlite3 *db = open_raw ();
  gint64 all = zx_test_query_int (db, "SELECT count(*) FROM blacklist_entries");
  guint persons = 0;
  guint entities = 0;

  sqlite3_close (db);
  g_test_message ("%u of %" G_GINT64_FORMAT " entries are public on %s", list->rows->len, all,
                  today);

  /* A meaningful demo: some shown, some not, persons and entities. */
  g_assert_cmpuint (list->rows->len, >, 20);
  g_assert_cmpint (all, >, list->rows->len);
  assert_same_as_sql (list);

  for (guint i = 0; i < list->rows->len; i++)
    {
      ZxPublicListRow *row = g_ptr_array_index (list->rows, i);

      if (row->entry->is_person)
        persons++;
      else
        entities++;
      g_assert_cmpstr (row->entry->court, ==, list->court_name);
      /* Newest publication first. */
      if (i > 0)
        {
          ZxPublicListRow *before = g_ptr_array_index (list->rows, i - 1);
          g_assert_cmpstr (before->entry->published_on, >=, row->entry->published_on);
        }
    }
  g_assert_cmpuint (persons, >, 0);
  g_assert_cmpuint (entities, >, 0);
  g_assert_cmpstr (list->court_name, !=, "");
}

static void
test_ids_masked (void)
{
  g_autoptr (ZxPublicList) list = load_list ();
  sqlite3 *db = open_raw ();
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT p.id_no FROM blacklist_entries e"
                                       " JOIN parties p ON p.id = e.party_id WHERE e.id = ?",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);

  for (guint i = 0; i < list->rows->len; i++)
    {
      ZxPublicListRow *row = g_ptr_array_index (list->rows, i);
      const char *shown = row->entry->id_shown;
      g_autofree char *stored = NULL;

      sqlite3_bind_int64 (stmt, 1, row->entry_id);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      stored = g_ascii_strup ((const char *) sqlite3_column_text (stmt, 0), -1);
      sqlite3_reset (stmt);

      if (row->entry->is_person)
        {
          /* 3423011964****3224: digits 11–14 hidden, the rest as stored. */
          g_assert_cmpuint (strlen (shown), ==, 18);
          g_assert_true (strncmp (shown + 10, "****", 4) == 0);
          g_assert_true (strncmp (shown, stored, 10) == 0);
          g_assert_cmpstr (shown + 14, ==, stored + 14);
          g_assert_cmpint (row->entry->age, >=, 18);
          g_assert_true (row->entry->sex == 'M' || row->entry->sex == 'F');
          g_assert_null (strstr (shown, stored + 10));
        }
      else
        {
          /* Entity codes are published whole. */
          g_assert_cmpstr (shown, ==, stored);
          g_assert_null (strstr (shown, "*"));
        }
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_csv_export (void)
{
  g_autoptr (ZxPublicList) list = load_list ();
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxStore) store = zx_store_open (db_path, ZX_STORE_OPEN_VIEWER, &error);
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (ZxCsvReader) reader = NULL;
  g_autoptr (GPtrArray) header = NULL;
  GPtrArray *fields = NULL;
  int name_col = -1;
  int id_col = -1;
  int case_col = -1;
  int unperformed_col = -1;
  guint line;
  guint n = 0;

  g_assert_no_error (error);
  g_assert_true (zx_public_list_export_csv (store, today, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));

  reader = zx_csv_reader_new (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_true (zx_csv_reader_next (reader, &header, &line, &error));
  g_assert_no_error (error);
  for (guint c = 0; c < header->len; c++)
    {
      const char *h = g_ptr_array_index (header, c);

      if (g_str_equal (h, "name"))
        name_col = c;
      else if (g_str_equal (h, "id_no"))
        id_col = c;
      else if (g_str_equal (h, "case_no"))
        case_col = c;
      else if (g_str_equal (h, "amount_unperformed"))
        unperformed_col = c;
    }
  g_assert_cmpint (name_col, >=, 0);
  g_assert_cmpint (id_col, >=, 0);
  g_assert_cmpint (case_col, >=, 0);
  g_assert_cmpint (unperformed_col, >=, 0);

  while (zx_csv_reader_next (reader, &fields, &line, &error))
    {
      ZxPublicListRow *row;
      g_autofree char *yuan = NULL;

      g_assert_cmpuint (n, <, list->rows->len);
      row = g_ptr_array_index (list->rows, n);
      g_assert_cmpuint (fields->len, ==, header->len);
      g_assert_cmpstr (g_ptr_array_index (fields, name_col), ==, row->entry->name);
      g_assert_cmpstr (g_ptr_array_index (fields, id_col), ==, row->entry->id_shown);
      g_assert_cmpstr (g_ptr_array_index (fields, case_col), ==, row->entry->case_no);
      yuan = zx_public_format_yuan (zx_public_entry_unperformed (row->entry), FALSE);
      g_assert_cmpstr (g_ptr_array_index (fields, unperformed_col), ==, yuan);
      g_clear_pointer (&fields, g_ptr_array_unref);
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, list->rows->len);
}

static void
test_format_yuan (void)
{
  const struct
  {
    gint64      fen;
    const char *plain;
    const char *grouped;
  } cases[] = {
    { 0, "0.00", "0.00" },
    { 5, "0.05", "0.05" },
    { 123456789, "1234567.89", "1,234,567.89" },
    { 100000, "1000.00", "1,000.00" },
    { 99999, "999.99", "999.99" },
    { -150, "-1.50", "-1.50" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *plain = zx_public_format_yuan (cases[i].fen, FALSE);
      g_autofree char *grouped = zx_public_format_yuan (cases[i].fen, TRUE);

      g_assert_cmpstr (plain, ==, cases[i].plain);
      g_assert_cmpstr (grouped, ==, cases[i].grouped);
    }
}

/* An 18-digit resident ID of someone born on BIRTH (YYYYMMDD), with its check character. */
static char *
make_id (const char *birth)
{
  static const int weights[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char checks[] = "10X98765432";
  g_autofree char *body = g_strdup_printf ("130802%s013", birth);
  int sum = 0;

  for (guint i = 0; i < 17; i++)
    sum += (body[i] - '0') * weights[i];
  return g_strdup_printf ("%s%c", body, checks[sum % 11]);
}

static char *
shifted_day (int days)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static void
exec_sql (sqlite3 *db, const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Raw edits (a test fixture, not how the app writes): each breaks one published entry. */
static void
test_hidden_entries (void)
{
  g_autoptr (ZxPublicList) before = load_list ();
  g_autoptr (ZxPublicList) after = NULL;
  g_autofree char *minor_id = make_id ("20120510");
  g_autofree char *young_id = NULL;
  g_autofree char *tomorrow = shifted_day (1);
  g_autofree char *yesterday = shifted_day (-1);
  g_autofree char *last_year = shifted_day (-300);
  g_autofree char *young_birth = NULL;
  gint64 victims[7];
  guint n_victims = 0;
  sqlite3 *db;

  /* Someone who turned 18 two days ago, listed (decided) a year before. */
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();
    g_autoptr (GDateTime) birth = g_date_time_add_days (now, -2);
    g_autoptr (GDateTime) birth18 = g_date_time_add_years (birth, -18);

    young_birth = g_date_time_format (birth18, "%Y%m%d");
    young_id = make_id (young_birth);
  }

  /* Seven published persons: 0 becomes a minor, 1 in grace, 2 removed, 3 past its period,
   * 4 published tomorrow, 5 revoked, 6 adult today but a minor when the listing was decided. */
  for (guint i = 0; i < before->rows->len && n_victims < G_N_ELEMENTS (victims); i++)
    {
      ZxPublicListRow *row = g_ptr_array_index (before->rows, i);

      if (row->entry->is_person)
        victims[n_victims++] = row->entry_id;
    }
  g_assert_cmpuint (n_victims, ==, G_N_ELEMENTS (victims));

  db = open_raw ();
  {
    g_autofree char *sql = g_strdup_printf (
      "UPDATE parties SET id_no = '%s' WHERE id = (SELECT party_id FROM blacklist_entries"
      " WHERE id = %" G_GINT64_FORMAT ");"
      "UPDATE blacklist_entries SET grace_until = '%s' WHERE id = %" G_GINT64_FORMAT ";"
      "UPDATE blacklist_entries SET removed_on = '%s' WHERE id = %" G_GINT64_FORMAT ";"
      "UPDATE blacklist_entries SET period_end = '%s' WHERE id = %" G_GINT64_FORMAT ";"
      "UPDATE blacklist_entries SET published_on = '%s' WHERE id = %" G_GINT64_FORMAT ";"
      "UPDATE blacklist_entries SET state = 'revoked' WHERE id = %" G_GINT64_FORMAT ";"
      "UPDATE parties SET id_no = '%s' WHERE id = (SELECT party_id FROM blacklist_entries"
      " WHERE id = %" G_GINT64_FORMAT ");"
      "UPDATE blacklist_entries SET decided_on = '%s', published_on = '%s' WHERE id = %"
      G_GINT64_FORMAT ";",
      minor_id, victims[0], tomorrow, victims[1], yesterday, victims[2], yesterday, victims[3],
      tomorrow, victims[4], victims[5], young_id, victims[6], last_year, yesterday, victims[6]);

    exec_sql (db, sql);
  }
  sqlite3_close (db);

  after = load_list ();
  g_assert_cmpuint (after->rows->len, ==, before->rows->len - n_victims);
  for (guint i = 0; i < n_victims; i++)
    g_assert_false (list_has (after, victims[i]));
  assert_same_as_sql (after);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = zx_test_tmpdir_new ();
  db_path = g_build_filename (dir, "court.db", NULL);
  today = local_today ();
  {
    const char *init[] = { zx_test_ctl (), "--db", db_path, "init", NULL };
    const char *demo[] = {
      zx_test_ctl (), "--db", db_path, "demo", "--cases", "1500", "--seed", "4", NULL
    };
    g_autofree char *err = NULL;

    g_assert_cmpint (zx_test_spawn (init, NULL, &err), ==, 0);
    g_clear_pointer (&err, g_free);
    if (zx_test_spawn (demo, NULL, &err) != 0)
      g_error ("zhixingctl demo: %s", err);
  }

  g_test_add_func ("/stats/public-list/matches-sql", test_matches_sql);
  g_test_add_func ("/stats/public-list/ids-masked", test_ids_masked);
  g_test_add_func ("/stats/public-list/csv-export", test_csv_export);
  g_test_add_func ("/stats/public-list/format-yuan", test_format_yuan);
  /* Last: it edits the database. */
  g_test_add_func ("/stats/public-list/hidden-entries", test_hidden_entries);

  status = g_test_run ();

  zx_test_tmpdir_free (dir);
  g_free (db_path);
  g_free (today);
  return status;
}
