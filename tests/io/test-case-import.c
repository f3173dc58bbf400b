/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include "io/zx-case-io.h"
#include "io/zx-csv.h"
#include "zx-test-util.h"

#define TODAY "2025-01-15"
#define N_GOOD 1000

/* English header order = the export order; 1-based column numbers in messages. */
enum
{
  F_CASE_NO, F_FILED_ON, F_BASIS_TYPE, F_BASIS_DOC_NO, F_BASIS_ORG, F_BASIS_EFFECTIVE_ON,
  F_AMOUNT_APPLIED, F_AMOUNT_REALIZED, F_TEAM, F_OFFICER, F_STATUS, F_CONCLUDED_ON,
  F_LIVELIHOOD, F_APPLICANT_NAME, F_APPLICANT_ID, F_RESPONDENT_NAME, F_RESPONDENT_ID, F_NOTE,
  N_FIELDS
};

static const char *const header_en[N_FIELDS] = {
  "case_no", "filed_on", "basis_type", "basis_doc_no", "basis_org", "basis_effective_on",
  "amount_applied", "amount_realized", "team", "officer", "status", "concluded_on", "livelihood",
  "applicant_name", "applicant_id", "respondent_name", "respondent_id", "note",
};

static const char *const header_zh[N_FIELDS] = {
  "案号", "立案日期", "执行依据类型", "执行依据文号", "作出执行依据单位", "生效日期",
  "申请执行标的", "实际到位", "执行团队", "承办人", "状态", "结案日期", "涉民生",
  "申请执行人", "申请执行人证件号码", "被执行人", "被执行人证件号码", "备注",
};

/* ---- fixture: a database with two teams and three officers ------------------------------- */

typedef struct
{
  char    *dir;
  ZxStore *store;
  sqlite3 *db;
} Fixture;

static gint64
add_staff (ZxStore *store, const char *name, gint64 team_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) fields = json_object_new ();
  gint64 id;

  json_object_set_string_member (fields, "name", name);
  json_object_set_string_member (fields, "role", "officer");
  json_object_set_int_member (fields, "team_id", team_id);
  id = zx_store_create (store, "staff", fields, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static ZxStore *
new_people_store (const char *dir, const char *name)
{
  ZxStore *store = zx_test_new_store (dir, name);
  gint64 one = zx_test_add_team (store, "执行一组");
  gint64 two = zx_test_add_team (store, "执行二组");

  add_staff (store, "王法官", one);
  add_staff (store, "李执行", one);
  add_staff (store, "赵强", two);
  return store;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = zx_test_tmpdir_new ();
  f->store = new_people_store (f->dir, "a.db");
  f->db = zx_store_get_db (f->store);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  zx_test_tmpdir_free (f->dir);
}

/* ---- generating files -------------------------------------------------------------------- */

/* The 18th character of a resident ID from the first 17 (GB 11643). */
static char *
resident_id (const char *first17)
{
  static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  int sum = 0;

  for (int i = 0; i < 17; i++)
    sum += (first17[i] - '0') * weights[i];
  return g_strdup_printf ("%s%c", first17, "10X98765432"[sum % 11]);
}

static char *
person_id (guint i)
{
  g_autofree char *first17 = g_strdup_printf ("32010619900307%03u", i % 999 + 1);

  return resident_id (first17);
}

static char *
date_plus (const char *iso, guint days)
{
  GDate date;
  char buf[16];

  g_date_clear (&date, 1);
  g_date_set_parse (&date, iso);
  g_date_add_days (&date, days);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &date);
  return g_strdup (buf);
}

/* One good row: N varies every column the format has. */
static GStrv
good_row (guint n, guint *out_parties)
{
  static const char *const basis[] = { "judgment", "调解书", "arbitration", "公证债权文书", "" };
  static const char *const teams[] = { "执行一组", "执行二组", "" };
  static const char *const officers[] = { "王法官", "赵强", "" };
  char **f = g_new0 (char *, N_FIELDS + 1);

  f[F_CASE_NO] = g_strdup_printf (n % 2 ? "(2023)冀0802执%u号" : "（2023）冀0802执%u号", n + 1);
  f[F_FILED_ON] = date_plus ("2023-01-01", n % 300);
  f[F_BASIS_TYPE] = g_strdup (basis[n % 5]);
  f[F_BASIS_DOC_NO] = g_strdup_printf ("（2022）冀0802民初%u号", n + 1);
  f[F_BASIS_ORG] = g_strdup (n % 3 ? "邢台市桥东区人民法院" : "");
  f[F_BASIS_EFFECTIVE_ON] = g_strdup (n % 4 ? "2022-12-01" : "");
  f[F_AMOUNT_APPLIED] = n % 3 == 0 ? g_strdup ("1,234.56")
                                   : g_strdup_printf ("%u.%02u", n * 7, n % 100);
  f[F_AMOUNT_REALIZED] = g_strdup (n % 4 == 0 ? "" : "100");
  f[F_TEAM] = g_strdup (teams[n % 3]);
  f[F_OFFICER] = g_strdup (n % 2 ? officers[n % 3] : "");
  f[F_STATUS] = g_strdup (n % 5 == 0 ? "执行完毕" : n % 5 == 1 ? "zhongben" : "");
  f[F_CONCLUDED_ON] = g_strdup (n % 5 <= 1 ? "2024-06-30" : "");
  f[F_LIVELIHOOD] = g_strdup (n % 6 == 0 ? "是" : n % 6 == 1 ? "1" : n % 6 == 2 ? "" : "0");
  if (n % 3 == 0)
    {
      g_autofree char *id = person_id (n);

      f[F_APPLICANT_NAME] = g_strdup ("张三；北京某某科技有限公司");
      f[F_APPLICANT_ID] = g_strdup_printf ("%s；91110108551385082Q", id);
      *out_parties = 2;
    }
  else
    {
      f[F_APPLICANT_NAME] = g_strdup ("李四");
      f[F_APPLICANT_ID] = n % 2 ? person_id (n) : g_strdup ("");
      *out_parties = 1;
    }
  if (n % 7 == 0)
    {
      f[F_RESPONDENT_NAME] = g_strdup ("河北某某建材有限公司;王五");
      f[F_RESPONDENT_ID] = g_strdup (n % 2 ? "91350100M000100Y43;" : "");
      *out_parties += 2;
    }
  else
    {
      f[F_RESPONDENT_NAME] = g_strdup ("王五");
      f[F_RESPONDENT_ID] = person_id (n + 5000);
      *out_parties += 1;
    }
  f[F_NOTE] = g_strdup (n % 10 == 0 ? "还款计划:\n第一期, \"首付\"\r\n第二期" : "");
  return f;
}

/* The mistakes of the bad rows: each yields exactly one problem, in column FIELD. */
typedef struct
{
  guint       field;
  const char *what;
} Mistake;

static const Mistake mistakes[] = {
  { F_APPLICANT_ID, "bad ID check digit" },
  { F_CASE_NO, "bad case number" },
  { F_AMOUNT_APPLIED, "negative amount" },
  { F_TEAM, "unknown team" },
  { F_RESPONDENT_NAME, "missing required field" },
};

static GStrv
bad_row (guint k)
{
  guint parties = 0;
  char **f = good_row (100000 + k, &parties);

  g_free (f[F_CASE_NO]);
  f[F_CASE_NO] = g_strdup_printf ("（2023）冀0802执%u号", 100000 + k);
  switch (mistakes[k].field)
    {
    case F_APPLICANT_ID:
      g_free (f[F_APPLICANT_NAME]);
      g_free (f[F_APPLICANT_ID]);
      f[F_APPLICANT_NAME] = g_strdup ("张三");
      f[F_APPLICANT_ID] = g_strdup ("320106199003070013"); /* …0012 is right */
      break;
    case F_CASE_NO:
      g_free (f[F_CASE_NO]);
      f[F_CASE_NO] = g_strdup ("（2023）冀0802执12");
      break;
    case F_AMOUNT_APPLIED:
      g_free (f[F_AMOUNT_APPLIED]);
      f[F_AMOUNT_APPLIED] = g_strdup ("-100");
      break;
    case F_TEAM:
      g_free (f[F_TEAM]);
      f[F_TEAM] = g_strdup ("执行九组");
      break;
    case F_RESPONDENT_NAME:
      g_free (f[F_RESPONDENT_NAME]);
      g_free (f[F_RESPONDENT_ID]);
      f[F_RESPONDENT_NAME] = g_strdup ("");
      f[F_RESPONDENT_ID] = g_strdup ("");
      break;
    default:
      g_assert_not_reached ();
    }
  return f;
}

typedef struct
{
  const char *const *header;
  const guint       *order;  /* file column i holds field order[i] */
  gboolean           bom;
  gboolean           with_bad;
} FileSpec;

static const guint order_en[N_FIELDS] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
                                          16, 17 };
static const guint order_mixed[N_FIELDS] = { 17, 15, 16, 0, 13, 14, 1, 6, 7, 8, 9, 10, 11, 12,
                                             2, 3, 4, 5 };

static guint
count_line_breaks (const GString *s)
{
  guint n = 0;

  for (gsize i = 0; i < s->len; i++)
    if (s->str[i] == '\n' || (s->str[i] == '\r' && (i + 1 == s->len || s->str[i + 1] != '\n')))
      n++;
  return n;
}

static void
append_fields (GString *out, char **f, const guint *order)
{
  const char *cols[N_FIELDS];

  for (guint i = 0; i < N_FIELDS; i++)
    cols[i] = f[order[i]];
  zx_csv_append_row (out, cols, N_FIELDS);
}

/* Builds a file; EXPECTED (if not NULL) gets "line:column:" for each bad row, in order. */
static GString *
make_file (const FileSpec *spec, guint *out_parties, GPtrArray *expected)
{
  GString *out = g_string_new (spec->bom ? "\xEF\xBB\xBF" : "");
  const char *head[N_FIELDS];
  guint parties = 0;

  for (guint i = 0; i < N_FIELDS; i++)
    head[i] = spec->header[spec->order[i]];
  zx_csv_append_row (out, head, N_FIELDS);

  for (guint n = 0; n < N_GOOD; n++)
    {
      g_auto (GStrv) f = NULL;
      guint row_parties = 0;

      if (spec->with_bad && n % 200 == 100)
        {
          guint k = n / 200;
          g_auto (GStrv) bad = bad_row (k);
          guint column = 0;

          while (spec->order[column] != mistakes[k].field)
            column++;
          if (expected != NULL)
            g_ptr_array_add (expected, g_strdup_printf ("%u:%u:", count_line_breaks (out) + 1,
                                                        column + 1));
          append_fields (out, bad, spec->order);
        }
      f = good_row (n, &row_parties);
      parties += row_parties;
      append_fields (out, f, spec->order);
    }
  if (out_parties != NULL)
    *out_parties = parties;
  return out;
}

static char *
export_to_string (ZxStore *store)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;

  g_assert_true (zx_case_export (store, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* A cancelled export writes nothing and fails with CANCELLED. */
static void
test_export_cancelled (Fixture *f, gconstpointer data)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (zx_case_export (f->store, out, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), ==, 0);
}

static gboolean
import_string (ZxStore *store, const GString *data, guint *out_imported, GPtrArray **out_errors)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = zx_case_import_data (store, data->str, data->len, TODAY, out_imported,
                                     out_errors, &error);

  if (ok)
    g_assert_no_error (error);
  else
    g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  return ok;
}

/* ---- (a) bad rows: nothing imported, exactly the five problems ----------------------------- */

static void
test_bad_rows (Fixture *f, gconstpointer data)
{
  const FileSpec *spec = data;
  g_autoptr (GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) errors = NULL;
  g_autoptr (GString) file = make_file (spec, NULL, expected);
  gint64 audit_before = zx_test_query_int (f->db, "SELECT count(*) FROM audit");
  guint imported = 99;

  g_assert_false (import_string (f->store, file, &imported, &errors));
  g_assert_cmpuint (imported, ==, 0);
  g_assert_cmpint (zx_test_query_int (f->db, "SELECT count(*) FROM cases"), ==, 0);
  g_assert_cmpint (zx_test_query_int (f->db, "SELECT count(*) FROM parties"), ==, 0);
  g_assert_cmpint (zx_test_query_int (f->db, "SELECT count(*) FROM audit"), ==, audit_before);

  for (guint i = 0; i < errors->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (errors, i));
  g_assert_cmpuint (errors->len, ==, G_N_ELEMENTS (mistakes));
  for (guint i = 0; i < errors->len; i++)
    if (!g_str_has_prefix (g_ptr_array_index (errors, i), g_ptr_array_index (expected, i)))
      g_error ("%s: got “%s”, expected it at %s", mistakes[i].what,
               (char *) g_ptr_array_index (errors, i), (char *) g_ptr_array_index (expected, i));
}

/* ---- (b), (c) good files import fully -------------------------------------------------- */

static void
test_good_file (Fixture *f, gconstpointer data)
{
  const FileSpec *spec = data;
  g_autoptr (GPtrArray) errors = NULL;
  guint parties = 0;
  g_autoptr (GString) file = make_file (spec, &parties, NULL);
  gint64 audit_before = zx_test_query_int (f->db, "SELECT count(*) FROM audit");
  guint imported = 0;
  gint64 t0 = g_get_monotonic_time ();

  g_assert_true (import_string (f->store, file, &imported, &errors));
  g_test_message ("imported %u cases in %.2f s", imported,
                  (g_get_monotonic_time () - t0) / 1e6);
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_cmpuint (imported, ==, N_GOOD);
  g_assert_cmpint (zx_test_query_int (f->db, "SELECT count(*) FROM cases"), ==, N_GOOD);
  g_assert_cmpint (zx_test_query_int (f->db, "SELECT count(*) FROM parties"), ==, parties);
  /* one audit row per case and party, one for the import */
  g_assert_cmpint (zx_test_query_int (f->db, "SELECT count(*) FROM audit"), ==,
                   audit_before + N_GOOD + parties + 1);
  g_assert_cmpint (zx_test_query_int (f->db, "SELECT count(*) FROM audit WHERE action = 'import'"),
                   ==, 1);
  g_assert_cmpint (zx_test_query_int (f->db, "SELECT last_seq FROM case_counters "
                                             "WHERE court_code = '冀0802' AND type_code = '执' "
                                             "AND year = 2023"),
                   ==, N_GOOD);
  /* half-width brackets normalized, Chinese words mapped, amounts in fen */
  g_assert_cmpint (zx_test_query_int (f->db, "SELECT count(*) FROM cases WHERE case_no LIKE '(%'"),
                   ==, 0);
  g_assert_cmpint (zx_test_query_int (f->db, "SELECT count(*) FROM cases "
                                             "WHERE basis_type = 'mediation'"),
                   ==, N_GOOD / 5);
  g_assert_cmpint (zx_test_query_int (f->db, "SELECT amount_applied FROM cases WHERE seq = 1"), ==,
                   123456);
  g_assert_cmpint (zx_test_query_int (f->db, "SELECT count(*) FROM cases "
                                             "WHERE status = 'executed'"),
                   ==, N_GOOD / 5);
  g_assert_cmpint (zx_test_query_int (f->db, "SELECT count(*) FROM cases WHERE note LIKE '%首付%'"),
                   ==, N_GOOD / 10);
  g_assert_cmpint (zx_test_query_int (f->db, "SELECT count(*) FROM cases c JOIN staff s "
                                             "ON s.id = c.officer_id AND s.team_id = c.team_id"),
                   ==, zx_test_query_int (f->db, "SELECT count(*) FROM cases "
                                                 "WHERE officer_id IS NOT NULL"));
}

/* ---- single-row rules, table-driven --------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *csv;       /* after the English header line */
  const char *expected;  /* "" = imports; else the problems' "line:column:" prefixes, "|"-joined */
} RowCase;

#define ROW_OK "（2023）冀0802执1号,2023-03-01,判决书,,,,1000,,,,,,,张三,,李四,,"

static const RowCase row_cases[] = {
  { "ok", ROW_OK "\r\n", "" },
  { "blank lines skipped", "\r\n" ROW_OK "\r\n,,,,,,,,,,,,,,,,,\r\n", "" },
  { "future filing date", "（2023）冀0802执1号,2025-01-16,,,,,1,,,,,,,张三,,李四,,\n", "2:2:" },
  { "not a date", "（2023）冀0802执1号,2023-02-30,,,,,1,,,,,,,张三,,李四,,\n", "2:2:" },
  { "missing filing date", "（2023）冀0802执1号,,,,,,1,,,,,,,张三,,李四,,\n", "2:2:" },
  { "unknown basis type", "（2023）冀0802执1号,2023-03-01,判决,,,,1,,,,,,,张三,,李四,,\n", "2:3:" },
  { "effective date in future",
    "（2023）冀0802执1号,2023-03-01,,,,2026-01-01,1,,,,,,,张三,,李四,,\n", "2:6:" },
  { "three decimals", "（2023）冀0802执1号,2023-03-01,,,,,1.234,,,,,,,张三,,李四,,\n", "2:7:" },
  { "realized above applied allowed",
    "（2023）冀0802执1号,2023-03-01,,,,,1,2,,,,,,张三,,李四,,\n", "" },
  { "officer not in team",
    "（2023）冀0802执1号,2023-03-01,,,,,1,,执行一组,赵强,,,,张三,,李四,,\n", "2:10:" },
  { "officer without team", "（2023）冀0802执1号,2023-03-01,,,,,1,,,赵强,,,,张三,,李四,,\n", "" },
  { "unknown officer", "（2023）冀0802执1号,2023-03-01,,,,,1,,,钱七,,,,张三,,李四,,\n", "2:10:" },
  { "unknown team, officer not checked",
    "（2023）冀0802执1号,2023-03-01,,,,,1,,九组,钱七,,,,张三,,李四,,\n", "2:9:" },
  { "unknown status", "（2023）冀0802执1号,2023-03-01,,,,,1,,,,完了,,,张三,,李四,,\n", "2:11:" },
  { "concluded needs date", "（2023）冀0802执1号,2023-03-01,,,,,1,,,,终本,,,张三,,李四,,\n",
    "2:12:" },
  { "in progress refuses date",
    "（2023）冀0802执1号,2023-03-01,,,,,1,,,,执行中,2023-05-01,,张三,,李四,,\n", "2:12:" },
  { "concluded before filed",
    "（2023）冀0802执1号,2023-03-01,,,,,1,,,,executed,2023-02-01,,张三,,李四,,\n", "2:12:" },
  { "bad livelihood", "（2023）冀0802执1号,2023-03-01,,,,,1,,,,,,maybe,张三,,李四,,\n", "2:13:" },
  { "id count mismatch",
    "（2023）冀0802执1号,2023-03-01,,,,,1,,,,,,,张三;李四,11010519491231002X,王五,,\n", "2:15:" },
  { "empty name in list", "（2023）冀0802执1号,2023-03-01,,,,,1,,,,,,,张三;;李四,,王五,,\n",
    "2:14:" },
  { "bad credit code", "（2023）冀0802执1号,2023-03-01,,,,,1,,,,,,,某公司,91350100M000100Y44,王五,,\n",
    "2:15:" },
  { "duplicate in file", ROW_OK "\n" ROW_OK "\n", "3:1:" },
  { "half and full width are the same number",
    ROW_OK "\n(2023)冀0802执1号,2023-03-01,,,,,1,,,,,,,张三,,李四,,\n", "3:1:" },
  { "legacy number accepted", "(2014)冀0802执字第00232号,2014-03-01,,,,,1,,,,,,,张三,,李四,,\n", "" },
  { "too few fields", "（2023）冀0802执1号,2023-03-01\n", "2:3:" },
  { "extra value", ROW_OK ",x\n", "2:19:" },
  { "extra empty field tolerated", ROW_OK ",\n", "" },
  { "several problems, sorted by column",
    "bad,2099-01-01,,,,,-1,,,,,,,,,,,\n", "2:1:|2:2:|2:7:|2:14:|2:16:" },
  { "csv error then more rows",
    "（2023）冀0802执1号,2023-03-01,,,,,1,,,,,,,张\"三,,李四,,\n" ROW_OK "\n", "2:14:" },
  { "multi-line note moves the next line",
    "（2023）冀0802执2号,2023-03-01,,,,,1,,,,,,,张三,,李四,,\"a\nb\nc\"\n"
    "（2023）冀0802执3号,2023-03-01,,,,,x,,,,,,,张三,,李四,,\n",
    "5:7:" },
};

static char *
join_prefixes (GPtrArray *errors)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < errors->len; i++)
    {
      const char *message = g_ptr_array_index (errors, i);
      const char *colon = strchr (message, ':');

      colon = colon != NULL ? strchr (colon + 1, ':') : NULL;
      g_assert_nonnull (colon);
      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append_len (out, message, colon + 1 - message);
    }
  return g_string_free (out, FALSE);
}

static void
test_row_case (Fixture *f, gconstpointer data)
{
  const RowCase *c = data;
  g_autoptr (GString) file = g_string_new (NULL);
  g_autoptr (GPtrArray) errors = NULL;
  g_autofree char *got = NULL;
  guint imported = 0;
  gboolean ok;

  zx_csv_append_row (file, header_en, N_FIELDS);
  g_string_append (file, c->csv);
  ok = import_string (f->store, file, &imported, &errors);
  for (guint i = 0; i < errors->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (errors, i));
  got = join_prefixes (errors);
  g_assert_cmpstr (got, ==, c->expected);
  g_assert_true (ok == (c->expected[0] == '\0'));
  if (!ok)
    g_assert_cmpint (zx_test_query_int (f->db, "SELECT count(*) FROM cases"), ==, 0);
}

/* ---- headers ---------------------------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *header;
  const char *expected;
} HeaderCase;

static const HeaderCase header_cases[] = {
  { "empty file", "", "1:1:" },
  { "unknown column", "case_no,filed_on,amount_applied,applicant_name,respondent_name,remark\n",
    "1:6:" },
  { "same column twice", "case_no,案号,filed_on,amount_applied,applicant_name,respondent_name\n",
    "1:2:" },
  { "required missing", "case_no,filed_on,applicant_name,respondent_name\n", "1:1:" },
  { "trimmed and mixed ok", " 案号 ,filed_on,申请执行标的,applicant_name,被执行人\n", "" },
};

static void
test_header_case (Fixture *f, gconstpointer data)
{
  const HeaderCase *c = data;
  g_autoptr (GString) file = g_string_new (c->header);
  g_autoptr (GPtrArray) errors = NULL;
  g_autofree char *got = NULL;

  import_string (f->store, file, NULL, &errors);
  got = join_prefixes (errors);
  g_assert_cmpstr (got, ==, c->expected);
}

/* ---- parties ---------------------------------------------------------------------------- */

static void
test_party_kinds (Fixture *f, gconstpointer data)
{
  g_autoptr (GString) file = g_string_new (NULL);
  g_autoptr (GPtrArray) errors = NULL;

  zx_csv_append_row (file, header_en, N_FIELDS);
  g_string_append (file,
                   "（2023）冀0802执1号,2023-03-01,,,,,1,,,,,,,"
                   "张三;石家庄某某商贸有限公司;欧阳娜娜,"
                   "320106900307001;91130802MA00000013;,"
                   "某某县城市建设投资集团;李四,;11010519491231002x,\n");
  g_assert_true (import_string (f->store, file, NULL, &errors));

#define KIND_OF(name) \
  "SELECT kind = 'person' FROM parties WHERE name = '" name "'"
  g_assert_cmpint (zx_test_query_int (f->db, KIND_OF ("张三")), ==, 1);
  g_assert_cmpint (zx_test_query_int (f->db, KIND_OF ("石家庄某某商贸有限公司")), ==, 0);
  g_assert_cmpint (zx_test_query_int (f->db, KIND_OF ("欧阳娜娜")), ==, 1);
  g_assert_cmpint (zx_test_query_int (f->db, KIND_OF ("某某县城市建设投资集团")), ==, 0);
  g_assert_cmpint (zx_test_query_int (f->db, KIND_OF ("李四")), ==, 1);
#undef KIND_OF
  g_assert_cmpint (zx_test_query_int (f->db, "SELECT count(*) FROM parties WHERE name = '张三' "
                                             "AND id_no = '320106199003070012' "
                                             "AND id_flag = 'legacy15'"),
                   ==, 1);
  g_assert_cmpint (zx_test_query_int (f->db, "SELECT count(*) FROM parties "
                                             "WHERE id_flag = 'inner_check'"),
                   ==, 1);
  g_assert_cmpint (zx_test_query_int (f->db, "SELECT count(*) FROM parties "
                                             "WHERE id_no = '11010519491231002X'"),
                   ==, 1);
  g_assert_cmpint (zx_test_query_int (f->db, "SELECT count(*) FROM parties "
                                             "WHERE role = 'respondent'"),
                   ==, 2);
}

static void
test_duplicate_in_database (Fixture *f, gconstpointer data)
{
  g_autoptr (GString) file = g_string_new (NULL);
  g_autoptr (GPtrArray) errors = NULL;
  g_autofree char *got = NULL;

  zx_csv_append_row (file, header_en, N_FIELDS);
  g_string_append (file, ROW_OK "\r\n");
  g_assert_true (import_string (f->store, file, NULL, &errors));
  g_clear_pointer (&errors, g_ptr_array_unref);

  g_string_append (file, "（2023）冀0802执2号,2023-03-01,,,,,1,,,,,,,张三,,李四,,\r\n");
  g_assert_false (import_string (f->store, file, NULL, &errors));
  got = join_prefixes (errors);
  g_assert_cmpstr (got, ==, "2:1:");
  g_assert_cmpint (zx_test_query_int (f->db, "SELECT count(*) FROM cases"), ==, 1);
}

/* ---- (d) export → import → export ----------------------------------------------------------- */

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  FileSpec spec = { header_en, order_en, FALSE, FALSE };
  g_autoptr (GString) file = make_file (&spec, NULL, NULL);
  g_autoptr (GPtrArray) errors = NULL;
  g_autoptr (ZxStore) b = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr (GString) again = NULL;

  /* a few cases the generator does not make */
  g_string_append (file, "(2014)冀0802执字第00232号,2014-03-01,other,,,,0,0,,,rejected,2014-05-01,"
                         "0,张三,,李四,,\" 前后空格 \"\r\n"
                         "（2024）冀0802执恢7号,2024-03-01,,,,,1,,,,,,,\"a,b\",,c,,\"多行\r\n"
                         "备注，含逗号, 和\"\"引号\"\"\n和换行\"\r\n");
  g_assert_true (import_string (f->store, file, NULL, &errors));
  first = export_to_string (f->store);
  g_assert_true (g_str_has_prefix (first, "case_no,filed_on,basis_type,"));
  g_assert_true (g_str_has_suffix (first, "\r\n"));
  g_assert_nonnull (strstr (first, "\"多行\r\n备注，含逗号, 和\"\"引号\"\"\n和换行\""));
  g_assert_nonnull (strstr (first, ",1234.56,"));

  b = new_people_store (f->dir, "b.db");
  again = g_string_new (first);
  g_clear_pointer (&errors, g_ptr_array_unref);
  g_assert_true (import_string (b, again, NULL, &errors));
  second = export_to_string (b);
  g_assert_cmpstr (first, ==, second);
}

/* ---- (e) the command line ------------------------------------------------------------------- */

static void
test_command_line (Fixture *f, gconstpointer data)
{
  FileSpec spec = { header_en, order_en, FALSE, TRUE };
  g_autoptr (GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) file = make_file (&spec, NULL, expected);
  g_autofree char *db = g_build_filename (f->dir, "a.db", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "bad.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *exported = NULL;
  const char *ctl = g_getenv ("ZHIXINGCTL");
  int status;

  if (ctl == NULL || !g_file_test (ctl, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("zhixingctl is not built");
      return;
    }
  g_assert_true (g_file_set_contents (csv, file->str, (gssize) file->len, NULL));
  {
    const char *argv[] = { ctl, "--db", db, "--today", TODAY, "import", "cases", csv, NULL };

    status = zx_test_spawn (argv, &out, &err);
  }
  g_test_message ("stderr: %s", err);
  g_assert_cmpint (status, ==, 1);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autofree char *needle = g_strdup_printf ("%s:%s", csv,
                                                 (char *) g_ptr_array_index (expected, i));
      g_assert_nonnull (strstr (err, needle));
    }
  g_assert_cmpint (zx_test_query_int (f->db, "SELECT count(*) FROM cases"), ==, 0);

  /* the same file without its mistakes imports, and exports to stdout as the library does */
  spec.with_bad = FALSE;
  g_string_free (file, TRUE);
  file = make_file (&spec, NULL, NULL);
  g_assert_true (g_file_set_contents (csv, file->str, (gssize) file->len, NULL));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *argv[] = { ctl, "--db", db, "--today", TODAY, "import", "cases", csv, NULL };

    g_assert_cmpint (zx_test_spawn (argv, &out, &err), ==, 0);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *argv[] = { ctl, "--db", db, "export", "cases", "-", NULL };

    g_assert_cmpint (zx_test_spawn (argv, &out, &err), ==, 0);
  }
  exported = export_to_string (f->store);
  g_assert_cmpuint (strlen (out), ==, strlen (exported));
  g_assert_cmpstr (out, ==, exported);
}

/* ---- timing (-m perf): IMPORT_ROWS env, default 100000 ------------------------------------ */

static void
test_perf (Fixture *f, gconstpointer data)
{
  guint rows = (guint) g_ascii_strtoull (g_getenv ("IMPORT_ROWS") ? g_getenv ("IMPORT_ROWS")
                                                                  : "100000", NULL, 10);
  g_autoptr (GString) file = g_string_new (NULL);
  g_autoptr (GPtrArray) errors = NULL;
  g_autofree char *exported = NULL;
  guint imported = 0;
  gint64 t0, t1, t2;

  zx_csv_append_row (file, header_en, N_FIELDS);
  for (guint n = 0; n < rows; n++)
    {
      guint parties = 0;
      g_auto (GStrv) fields = good_row (n, &parties);

      append_fields (file, fields, order_en);
    }
  t0 = g_get_monotonic_time ();
  g_assert_true (import_string (f->store, file, &imported, &errors));
  t1 = g_get_monotonic_time ();
  exported = export_to_string (f->store);
  t2 = g_get_monotonic_time ();
  g_test_minimized_result ((t1 - t0) / 1e6, "import %u rows (%" G_GSIZE_FORMAT " bytes): %.2f s",
                           imported, file->len, (t1 - t0) / 1e6);
  g_test_minimized_result ((t2 - t1) / 1e6, "export %u rows: %.2f s", imported, (t2 - t1) / 1e6);
  g_assert_cmpuint (imported, ==, rows);
}

int
main (int argc, char **argv)
{
  static const FileSpec english_bad = { header_en, order_en, FALSE, TRUE };
  static const FileSpec english_good = { header_en, order_en, FALSE, FALSE };
  static const FileSpec chinese_bad = { header_zh, order_mixed, TRUE, TRUE };
  static const FileSpec chinese_good = { header_zh, order_mixed, TRUE, FALSE };

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/case-import/bad-rows/english", &english_bad, test_bad_rows);
  ADD ("/case-import/bad-rows/chinese-bom-reordered", &chinese_bad, test_bad_rows);
  ADD ("/case-import/good/english", &english_good, test_good_file);
  ADD ("/case-import/good/chinese-bom-reordered", &chinese_good, test_good_file);
  for (guint i = 0; i < G_N_ELEMENTS (row_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/case-import/row/%s", row_cases[i].name);
      ADD (path, &row_cases[i], test_row_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (header_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/case-import/header/%s", header_cases[i].name);
      ADD (path, &header_cases[i], test_header_case);
    }
  ADD ("/case-import/parties", NULL, test_party_kinds);
  ADD ("/case-import/duplicate-in-database", NULL, test_duplicate_in_database);
  ADD ("/case-import/round-trip", NULL, test_round_trip);
  ADD ("/case-import/export-cancelled", NULL, test_export_cancelled);
  ADD ("/case-import/command-line", NULL, test_command_line);
  if (g_test_perf ())
    ADD ("/case-import/perf", NULL, test_perf);
#undef ADD
  return g_test_run ();
}
