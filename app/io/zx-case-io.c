/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-case-io"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "domain/zx-case-no.h"
#include "domain/zx-validate.h"
#include "store/zx-roles.h"
#include "zx-case-io.h"
#include "zx-csv.h"

/* Case import and export in one CSV format (see the column table below).
 *
 * Import is all-or-nothing. Every row is checked first, with no transaction open, and every
 * problem is collected as "line:column: message" (line = the physical line on which the record
 * starts, column = the 1-based field number). Only a file without problems is written, in one
 * write transaction, through zx_txn_insert (a change_log and an audit row per case and party)
 * plus one summary audit row.
 *
 * Decisions:
 * - Headers: English or Chinese names, mixed and in any order, matched exactly after trimming.
 *   Unknown or repeated headers, and missing required ones, stop the import before any row.
 * - Values are trimmed (ASCII and Unicode spaces), except the note, which is kept verbatim.
 *   Empty optional values are stored as NULL; an all-empty record is skipped.
 * - Pre-2016 case numbers are accepted and stored with legacy_no = 1; they do not move the case
 *   counters. The other numbers raise case_counters to at least the largest imported seq.
 * - Empty basis type means judgment, empty status means in_progress, empty amount realized 0.
 * - amount_realized above amount_applied is allowed (interest and delay payments add to it).
 * - Dates may not be after TODAY; concluded_on may not be before filed_on. concluded_on is
 *   required for the concluded states and refused for in_progress and suspended.
 * - team is a team name; officer a staff name, looked up in that team, or among all staff when
 *   team is empty. Inactive teams and staff count (old cases keep their people). A name that
 *   is ambiguous there is an error.
 * - Parties: names and ID numbers separated by ";" or "；", paired by position; an empty ID
 *   column means no IDs. An ID that is a resident ID (15-digit ones upgraded, flagged legacy15)
 *   makes a person; a credit code (inner check wrong: flagged inner_check) or an organization
 *   code makes an entity; anything else is an error. Without an ID: a person if the name has at
 *   most 4 characters and none of the organization words below, otherwise an entity.
 * - A record with fewer fields than the header, or a value beyond the header's last column, is
 *   an error; empty trailing fields (spreadsheets write them) are not.
 * - The format does not carry third parties, legal representatives, phones, addresses, ID
 *   flags (re-derived from the number), the trial judge, small-amount and non-litigation flags,
 *   assigned_on or deadline_on, and the import creates no process nodes.
 *
 * Export writes every case by id in keyset pages: each page is one SELECT (one consistent
 * snapshot, a short read lock), rendered and written before the next. */

typedef enum
{
  COL_CASE_NO,
  COL_FILED_ON,
  COL_BASIS_TYPE,
  COL_BASIS_DOC_NO,
  COL_BASIS_ORG,
  COL_BASIS_EFFECTIVE_ON,
  COL_AMOUNT_APPLIED,
  COL_AMOUNT_REALIZED,
  COL_TEAM,
  COL_OFFICER,
  COL_STATUS,
  COL_CONCLUDED_ON,
  COL_LIVELIHOOD,
  COL_APPLICANT_NAME,
  COL_APPLICANT_ID,
  COL_RESPONDENT_NAME,
  COL_RESPONDENT_ID,
  COL_NOTE,
  N_COLUMNS
} Column;

G_STATIC_ASSERT (N_COLUMNS <= 32);  /* ImportRow.bad is a bit mask */

typedef struct
{
  const char *en;
  const char *zh;
  gboolean    required;
} ColumnInfo;

static const ColumnInfo columns[N_COLUMNS] = {
  [COL_CASE_NO] = { "case_no", "案号", TRUE },
  [COL_FILED_ON] = { "filed_on", "立案日期", TRUE },
  [COL_BASIS_TYPE] = { "basis_type", "执行依据类型", FALSE },
  [COL_BASIS_DOC_NO] = { "basis_doc_no", "执行依据文号", FALSE },
  [COL_BASIS_ORG] = { "basis_org", "作出执行依据单位", FALSE },
  [COL_BASIS_EFFECTIVE_ON] = { "basis_effective_on", "生效日期", FALSE },
  [COL_AMOUNT_APPLIED] = { "amount_applied", "申请执行标的", TRUE },
  [COL_AMOUNT_REALIZED] = { "amount_realized", "实际到位", FALSE },
  [COL_TEAM] = { "team", "执行团队", FALSE },
  [COL_OFFICER] = { "officer", "承办人", FALSE },
  [COL_STATUS] = { "status", "状态", FALSE },
  [COL_CONCLUDED_ON] = { "concluded_on", "结案日期", FALSE },
  [COL_LIVELIHOOD] = { "livelihood", "涉民生", FALSE },
  [COL_APPLICANT_NAME] = { "applicant_name", "申请执行人", TRUE },
  [COL_APPLICANT_ID] = { "applicant_id", "申请执行人证件号码", FALSE },
  [COL_RESPONDENT_NAME] = { "respondent_name", "被执行人", TRUE },
  [COL_RESPONDENT_ID] = { "respondent_id", "被执行人证件号码", FALSE },
  [COL_NOTE] = { "note", "备注", FALSE },
};

typedef struct
{
  const char *value;  /* as stored */
  const char *word;   /* also accepted on import */
} Word;

static const Word basis_types[] = {
  { "judgment", "判决书" },
  { "ruling", "裁定书" },
  { "mediation", "调解书" },
  { "arbitration", "仲裁裁决" },
  { "notarized", "公证债权文书" },
  { "payment_order", "支付令" },
  { "administrative", "行政决定" },
  { "other", "其他" },
  { NULL, NULL },
};

static const Word statuses[] = {
  { "in_progress", "执行中" },
  { "suspended", "中止" },
  { "executed", "执行完毕" },
  { "zhongben", "终本" },
  { "zhongben", "终结本次执行程序" },
  { "terminated", "终结" },
  { "terminated", "终结执行" },
  { "not_executed", "不予执行" },
  { "rejected", "驳回" },
  { "rejected", "驳回申请" },
  { "withdrawn", "销案" },
  { NULL, NULL },
};

/* A name without an ID that contains one of these is an organization. */
static const char *const entity_words[] = {
  "公司", "厂", "店", "中心", "银行", "集团", "协会", "合作社", "事务所", "医院", "学校",
  "委员会", "政府", "局", NULL,
};

#define PERSON_NAME_MAX_CHARS 4
#define EXPORT_PAGE_ROWS 2000

/* ---- small helpers ----------------------------------------------------------------------- */

/* Copy of VALUE without leading and trailing white space (ASCII or Unicode, such as the
 * full-width space); NULL when nothing is left. VALUE is valid UTF-8 (the reader checked). */
static char *
trim_copy (const char *value)
{
  const char *start = value;
  const char *end = value + strlen (value);

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);

      if (prev == NULL || !g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return end > start ? g_strndup (start, (gsize) (end - start)) : NULL;
}

static const char *
word_lookup (const Word *words, const char *text)
{
  for (const Word *w = words; w->value != NULL; w++)
    if (g_str_equal (text, w->value) || g_str_equal (text, w->word))
      return w->value;
  return NULL;
}

/* "judgment/判决书, ruling/裁定书, …" for messages. */
static char *
words_text (const Word *words)
{
  GString *text = g_string_new (NULL);

  for (const Word *w = words; w->value != NULL; w++)
    g_string_append_printf (text, "%s%s/%s", w == words ? "" : ", ", w->value, w->word);
  return g_string_free (text, FALSE);
}

static gint64 *
id_dup (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static char *
today_string (const char *today)
{
  g_autoptr (GDateTime) now = NULL;

  if (today != NULL)
    return g_strdup (today);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
prepare (sqlite3 *db, const char *sql, sqlite3_stmt **stmt, GError **error)
{
  int rc = sqlite3_prepare_v2 (db, sql, -1, stmt, NULL);

  if (rc != SQLITE_OK)
    zx_set_sqlite_error (error, db, rc, _("Preparing a statement"));
  return rc == SQLITE_OK;
}

static gboolean
step_failed (sqlite3 *db, int rc, GError **error)
{
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return FALSE;
  zx_set_sqlite_error (error, db, rc, _("Reading cases"));
  return TRUE;
}

/* ---- import: data ---------------------------------------------------------------------- */

typedef struct
{
  const char *role;
  const char *kind;
  char       *name;
  char       *id_no;
  const char *id_flag;
} ImportParty;

typedef struct
{
  guint        line;
  char        *text[N_COLUMNS];  /* trimmed (the note verbatim), NULL when empty */
  ZxCaseNo     no;
  const char  *basis_type;
  const char  *status;
  gint64       applied;
  gint64       realized;
  gint64       team_id;          /* 0: none */
  gint64       officer_id;       /* 0: none */
  gboolean     livelihood;
  guint32      bad;              /* 1 << Column for each value that failed its check */
  GArray      *parties;          /* ImportParty */
} ImportRow;

typedef struct
{
  guint  line;
  guint  column;
  guint  order;
  char  *message;  /* complete "line:column: …" text */
} ImportProblem;

typedef struct
{
  ZxStore    *store;
  char       *today;
  int         field_of[N_COLUMNS];  /* field index in the file, -1 when absent */
  GPtrArray  *header;               /* the file's header texts, trimmed */
  GHashTable *teams;                /* name → gint64 id */
  GHashTable *staff_in_team;        /* staff_key () → gint64 id, -1 if ambiguous */
  GHashTable *staff_by_name;        /* name → gint64 id, -1 if ambiguous */
  GHashTable *case_nos;             /* normalized case number → ImportRow* (first one) */
  GPtrArray  *rows;                 /* ImportRow* */
  GArray     *problems;             /* ImportProblem */
  guint       n_parties;
} Import;

static void
import_party_clear (ImportParty *party)
{
  g_free (party->name);
  g_free (party->id_no);
}

static ImportRow *
import_row_new (guint line)
{
  ImportRow *row = g_new0 (ImportRow, 1);

  row->line = line;
  row->parties = g_array_new (FALSE, TRUE, sizeof (ImportParty));
  g_array_set_clear_func (row->parties, (GDestroyNotify) import_party_clear);
  return row;
}

static void
import_row_free (ImportRow *row)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (row->text[i]);
  zx_case_no_clear (&row->no);
  g_array_unref (row->parties);
  g_free (row);
}

static void
import_problem_clear (ImportProblem *problem)
{
  g_free (problem->message);
}

static Import *
import_new (ZxStore *store, const char *today)
{
  Import *imp = g_new0 (Import, 1);

  imp->store = store;
  imp->today = today_string (today);
  imp->teams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp->staff_in_team = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp->staff_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp->case_nos = g_hash_table_new (g_str_hash, g_str_equal);
  imp->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) import_row_free);
  imp->problems = g_array_new (FALSE, TRUE, sizeof (ImportProblem));
  g_array_set_clear_func (imp->problems, (GDestroyNotify) import_problem_clear);
  return imp;
}

static void
import_free (Import *imp)
{
  g_free (imp->today);
  g_clear_pointer (&imp->header, g_ptr_array_unref);
  g_hash_table_unref (imp->teams);
  g_hash_table_unref (imp->staff_in_team);
  g_hash_table_unref (imp->staff_by_name);
  g_hash_table_unref (imp->case_nos);
  g_ptr_array_unref (imp->rows);
  g_array_unref (imp->problems);
  g_free (imp);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Import, import_free)

/* Records a problem; COLUMN is 1-based (0 sorts a reader error before the row's others). */
static void
add_problem (Import *imp, guint line, guint column, const char *message)
{
  ImportProblem problem = { line, column, imp->problems->len, NULL };

  if (column > 0)
    problem.message = g_strdup_printf ("%u:%u: %s", line, column, message);
  else
    problem.message = g_strdup (message);
  g_array_append_val (imp->problems, problem);
}

static void
add_field_problem (Import *imp, ImportRow *row, Column col, const char *message)
{
  add_problem (imp, row->line, (guint) imp->field_of[col] + 1, message);
}

static int
compare_problems (gconstpointer a, gconstpointer b)
{
  const ImportProblem *pa = a, *pb = b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  if (pa->column != pb->column)
    return pa->column < pb->column ? -1 : 1;
  return pa->order < pb->order ? -1 : (pa->order > pb->order);
}

static GPtrArray *
take_problem_messages (Import *imp)
{
  GPtrArray *messages = g_ptr_array_new_with_free_func (g_free);

  g_array_sort (imp->problems, compare_problems);
  for (guint i = 0; i < imp->problems->len; i++)
    {
      ImportProblem *problem = &g_array_index (imp->problems, ImportProblem, i);

      g_ptr_array_add (messages, g_steal_pointer (&problem->message));
    }
  return messages;
}

/* The header as the file wrote it, for messages. */
static const char *
header_name (Import *imp, Column col)
{
  return g_ptr_array_index (imp->header, imp->field_of[col]);
}

/* ---- import: teams, staff and existing case numbers --------------------------------------- */

static char *
staff_key (gint64 team_id, const char *name)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s", team_id, name);
}

static void
add_staff_key (GHashTable *table, char *key, gint64 id)
{
  gint64 *old = g_hash_table_lookup (table, key);

  if (old != NULL)
    {
      *old = -1;
      g_free (key);
      return;
    }
  g_hash_table_insert (table, key, id_dup (id));
}

static gboolean
load_people (Import *imp, GError **error)
{
  sqlite3 *db = zx_store_get_db (imp->store);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!prepare (db, "SELECT id, name FROM teams", &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (imp->teams, g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                         id_dup (sqlite3_column_int64 (stmt, 0)));
  sqlite3_finalize (stmt);
  if (step_failed (db, rc, error))
    return FALSE;

  if (!prepare (db, "SELECT id, name, coalesce(team_id, 0) FROM staff", &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      gint64 team_id = sqlite3_column_int64 (stmt, 2);

      add_staff_key (imp->staff_in_team, staff_key (team_id, name), id);
      add_staff_key (imp->staff_by_name, g_strdup (name), id);
    }
  sqlite3_finalize (stmt);
  return !step_failed (db, rc, error);
}

static char *
case_nos_json (Import *imp)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  GHashTableIter iter;
  gpointer key;

  json_builder_begin_array (builder);
  g_hash_table_iter_init (&iter, imp->case_nos);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    json_builder_add_string_value (builder, key);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* One statement for the whole file: a single short read, not one per row. */
static gboolean
check_existing_case_nos (Import *imp, GError **error)
{
  sqlite3 *db = zx_store_get_db (imp->store);
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (g_hash_table_size (imp->case_nos) == 0)
    return TRUE;
  json = case_nos_json (imp);
  if (!prepare (db, "SELECT case_no FROM cases WHERE case_no IN (SELECT value FROM json_each (?))",
                &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *case_no = (const char *) sqlite3_column_text (stmt, 0);
      ImportRow *row = g_hash_table_lookup (imp->case_nos, case_no);
      g_autofree char *message = NULL;

      if (row == NULL)
        continue;
      message = g_strdup_printf (_("case number %s is already in the database"), case_no);
      add_field_problem (imp, row, COL_CASE_NO, message);
    }
  sqlite3_finalize (stmt);
  return !step_failed (db, rc, error);
}

/* ---- import: the header ------------------------------------------------------------------ */

static int
column_for_header (const char *text)
{
  for (int c = 0; c < N_COLUMNS; c++)
    if (g_strcmp0 (text, columns[c].en) == 0 || g_strcmp0 (text, columns[c].zh) == 0)
      return c;
  return -1;
}

static char *
unknown_column_message (const char *text)
{
  g_autoptr (GString) known = g_string_new (NULL);

  for (int c = 0; c < N_COLUMNS; c++)
    g_string_append_printf (known, "%s%s/%s", c > 0 ? ", " : "", columns[c].en, columns[c].zh);
  return g_strdup_printf (_("unknown column “%s”; the columns are %s"), text != NULL ? text : "",
                          known->str);
}

static void
read_header (Import *imp, GPtrArray *fields, guint line)
{
  imp->header = g_ptr_array_new_with_free_func (g_free);
  for (int c = 0; c < N_COLUMNS; c++)
    imp->field_of[c] = -1;

  for (guint i = 0; i < fields->len; i++)
    {
      char *text = trim_copy (g_ptr_array_index (fields, i));
      int col = column_for_header (text);
      g_autofree char *message = NULL;

      g_ptr_array_add (imp->header, text != NULL ? text : g_strdup (""));
      if (col < 0)
        message = unknown_column_message (text);
      else if (imp->field_of[col] >= 0)
        message = g_strdup_printf (_("column “%s” appears twice (also column %d)"), text,
                                   imp->field_of[col] + 1);
      else
        imp->field_of[col] = (int) i;
      if (message != NULL)
        add_problem (imp, line, i + 1, message);
    }

  for (int c = 0; c < N_COLUMNS; c++)
    if (columns[c].required && imp->field_of[c] < 0)
      {
        g_autofree char *message = g_strdup_printf (_("required column “%s” (%s) is missing"),
                                                    columns[c].en, columns[c].zh);
        add_problem (imp, line, 1, message);
      }
}

/* ---- import: one value per column ---------------------------------------------------------- */

typedef gboolean (*CheckFunc) (Import *imp, ImportRow *row, const char *value, GError **error);

static gboolean
check_case_no (Import *imp, ImportRow *row, const char *value, GError **error)
{
  ImportRow *first;

  if (!zx_case_no_parse (value, &row->no, error))
    return FALSE;
  first = g_hash_table_lookup (imp->case_nos, row->no.normalized);
  if (first != NULL)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("case number %s already appears on line %u"), row->no.normalized,
                   first->line);
      return FALSE;
    }
  g_hash_table_insert (imp->case_nos, row->no.normalized, row);
  return TRUE;
}

static gboolean
check_date (Import *imp, ImportRow *row, const char *value, GError **error)
{
  if (!zx_validate_date (value, error))
    return FALSE;
  if (strcmp (value, imp->today) > 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("date %s is after today (%s)"), value,
                   imp->today);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_basis_type (Import *imp, ImportRow *row, const char *value, GError **error)
{
  const char *found = word_lookup (basis_types, value);
  g_autofree char *known = NULL;

  if (found != NULL)
    {
      row->basis_type = found;
      return TRUE;
    }
  known = words_text (basis_types);
  g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("basis type “%s” is not one of %s"), value,
               known);
  return FALSE;
}

static gboolean
check_applied (Import *imp, ImportRow *row, const char *value, GError **error)
{
  return zx_parse_amount_fen (value, &row->applied, error);
}

static gboolean
check_realized (Import *imp, ImportRow *row, const char *value, GError **error)
{
  return zx_parse_amount_fen (value, &row->realized, error);
}

static gboolean
check_team (Import *imp, ImportRow *row, const char *value, GError **error)
{
  gint64 *id = g_hash_table_lookup (imp->teams, value);

  if (id == NULL)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("team “%s” does not exist (add it in Settings first)"), value);
      return FALSE;
    }
  row->team_id = *id;
  return TRUE;
}

static gboolean
check_officer (Import *imp, ImportRow *row, const char *value, GError **error)
{
  g_autofree char *key = NULL;
  gint64 *id;

  if (row->bad & (1u << COL_TEAM))
    return TRUE;  /* the team's problem is reported; guessing here would only add noise */
  if (row->team_id == 0)
    id = g_hash_table_lookup (imp->staff_by_name, value);
  else
    {
      key = staff_key (row->team_id, value);
      id = g_hash_table_lookup (imp->staff_in_team, key);
    }

  if (id != NULL && *id > 0)
    {
      row->officer_id = *id;
      return TRUE;
    }
  if (id != NULL)
    g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                 _("there are several staff members named “%s”; the officer cannot be told "
                   "apart"),
                 value);
  else if (row->team_id != 0)
    g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                 _("officer “%s” is not a member of team “%s”"), value, row->text[COL_TEAM]);
  else
    g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("there is no staff member named “%s”"),
                 value);
  return FALSE;
}

static gboolean
check_status (Import *imp, ImportRow *row, const char *value, GError **error)
{
  const char *found = word_lookup (statuses, value);
  g_autofree char *known = NULL;

  if (found != NULL)
    {
      row->status = found;
      return TRUE;
    }
  known = words_text (statuses);
  g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("status “%s” is not one of %s"), value,
               known);
  return FALSE;
}

static gboolean
check_livelihood (Import *imp, ImportRow *row, const char *value, GError **error)
{
  if (g_str_equal (value, "1") || g_str_equal (value, "是"))
    row->livelihood = TRUE;
  else if (!g_str_equal (value, "0") && !g_str_equal (value, "否"))
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("livelihood must be 0 or 1 (or 否 or 是), not “%s”"), value);
      return FALSE;
    }
  return TRUE;
}

/* Columns whose value is checked on its own, in this order (team before officer); free text
 * needs no check. Parties and the rules across columns come after. */
static const struct
{
  Column    col;
  CheckFunc check;
} value_checks[] = {
  { COL_CASE_NO, check_case_no },
  { COL_FILED_ON, check_date },
  { COL_BASIS_TYPE, check_basis_type },
  { COL_BASIS_EFFECTIVE_ON, check_date },
  { COL_AMOUNT_APPLIED, check_applied },
  { COL_AMOUNT_REALIZED, check_realized },
  { COL_TEAM, check_team },
  { COL_OFFICER, check_officer },
  { COL_STATUS, check_status },
  { COL_CONCLUDED_ON, check_date },
  { COL_LIVELIHOOD, check_livelihood },
};

/* ---- import: parties --------------------------------------------------------------------- */

static gboolean
name_looks_like_person (const char *name)
{
  if (g_utf8_strlen (name, -1) > PERSON_NAME_MAX_CHARS)
    return FALSE;
  for (guint i = 0; entity_words[i] != NULL; i++)
    if (strstr (name, entity_words[i]) != NULL)
      return FALSE;
  return TRUE;
}

/* 15 digits, or 17 digits and a check character: read as a resident ID. */
static gboolean
id_looks_like_resident (const char *id)
{
  gsize len = strlen (id);
  gsize digits = 0;

  while (digits < len && g_ascii_isdigit (id[digits]))
    digits++;
  return (len == 15 && digits == 15) || (len == 18 && digits >= 17);
}

static gboolean
classify_id (Import *imp, ImportParty *party, const char *id, GError **error)
{
  g_autoptr (GError) person_error = NULL;
  g_autoptr (GError) entity_error = NULL;
  ZxIdFlags flags = ZX_ID_FLAG_NONE;

  if (zx_validate_resident_id (id, imp->today, TRUE, &party->id_no, &flags, &person_error))
    {
      party->kind = "person";
      party->id_flag = (flags & ZX_ID_FLAG_LEGACY_15) ? "legacy15" : NULL;
      return TRUE;
    }
  if (zx_validate_uscc (id, &party->id_no, &flags, &entity_error)
      || zx_validate_org_code (id, &party->id_no, NULL))
    {
      party->kind = "entity";
      party->id_flag = (flags & ZX_ID_FLAG_INNER_CHECK) ? "inner_check" : NULL;
      return TRUE;
    }
  g_propagate_error (error, id_looks_like_resident (id) ? g_steal_pointer (&person_error)
                                                        : g_steal_pointer (&entity_error));
  return FALSE;
}

/* Splits on ";" and "；", trimming each piece (NULL for an empty one). */
static GPtrArray *
split_list (const char *value)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) unified = NULL;
  g_auto (GStrv) pieces = NULL;

  if (value == NULL)
    return items;
  unified = g_string_new (value);
  g_string_replace (unified, "；", ";", 0);
  pieces = g_strsplit (unified->str, ";", -1);
  for (guint i = 0; pieces[i] != NULL; i++)
    g_ptr_array_add (items, trim_copy (pieces[i]));
  return items;
}

static void
read_parties (Import *imp, ImportRow *row, const char *role, Column name_col, Column id_col)
{
  g_autoptr (GPtrArray) names = split_list (row->text[name_col]);
  g_autoptr (GPtrArray) ids = split_list (id_col < N_COLUMNS ? row->text[id_col] : NULL);

  if (names->len == 0)
    return;  /* reported as a missing required value */
  if (ids->len > 0 && ids->len != names->len)
    {
      g_autofree char *message = g_strdup_printf (
          _("names: %u in “%s”, ID numbers: %u; list the ID numbers in the same order, "
            "separated by “;”, leaving a place empty for a party without one"),
          names->len, header_name (imp, name_col), ids->len);
      add_field_problem (imp, row, id_col, message);
      return;
    }

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      const char *id = ids->len > 0 ? g_ptr_array_index (ids, i) : NULL;
      ImportParty party = { role, NULL, g_strdup (name), NULL, NULL };
      g_autoptr (GError) error = NULL;

      if (name == NULL)
        {
          add_field_problem (imp, row, name_col, _("a name in the list is empty (two “;” in a "
                                                   "row, or one at the start or end)"));
          import_party_clear (&party);
          return;
        }
      if (id == NULL)
        party.kind = name_looks_like_person (name) ? "person" : "entity";
      else if (!classify_id (imp, &party, id, &error))
        add_field_problem (imp, row, id_col, error->message);
      g_array_append_val (row->parties, party);
    }
}

/* ---- import: rows ------------------------------------------------------------------------ */

static void
check_conclusion (Import *imp, ImportRow *row)
{
  const char *concluded = row->text[COL_CONCLUDED_ON];
  gboolean open = g_str_equal (row->status, "in_progress")
                  || g_str_equal (row->status, "suspended");
  g_autofree char *message = NULL;

  if (row->bad & ((1u << COL_STATUS) | (1u << COL_CONCLUDED_ON)))
    return;  /* already reported; the rules below would repeat it */
  if (open && concluded != NULL)
    message = g_strdup_printf (_("a case with status %s has no conclusion date; leave %s empty"),
                               row->status, header_name (imp, COL_CONCLUDED_ON));
  else if (!open && concluded == NULL)
    message = g_strdup_printf (_("status %s needs a conclusion date (%s / %s)"), row->status,
                               columns[COL_CONCLUDED_ON].en, columns[COL_CONCLUDED_ON].zh);
  else if (concluded != NULL && row->text[COL_FILED_ON] != NULL
           && !(row->bad & (1u << COL_FILED_ON)) && strcmp (concluded, row->text[COL_FILED_ON]) < 0)
    message = g_strdup_printf (_("conclusion date %s is before the filing date %s"), concluded,
                               row->text[COL_FILED_ON]);
  if (message == NULL)
    return;
  add_problem (imp, row->line,
               (guint) (imp->field_of[COL_CONCLUDED_ON] >= 0 ? imp->field_of[COL_CONCLUDED_ON]
                                                             : imp->field_of[COL_STATUS]) + 1,
               message);
}

/* Takes the row's values, trimmed. Returns FALSE (with a problem recorded) if the record does
 * not fit the header, or (without one) if it is blank. */
static gboolean
take_values (Import *imp, ImportRow *row, GPtrArray *fields)
{
  gboolean blank = TRUE;

  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *value = trim_copy (g_ptr_array_index (fields, i));

      if (value == NULL)
        continue;
      blank = FALSE;
      if (i >= imp->header->len)
        {
          g_autofree char *message = g_strdup_printf (
              _("the row has a value in column %u, but the header has only %u columns"), i + 1,
              imp->header->len);
          add_problem (imp, row->line, i + 1, message);
          return FALSE;
        }
    }
  if (blank)
    return FALSE;
  if (fields->len < imp->header->len)
    {
      g_autofree char *message = g_strdup_printf (
          _("the row has %u columns but the header has %u (a comma is missing, or a note with "
            "a line break was not put in quotes)"),
          fields->len, imp->header->len);
      add_problem (imp, row->line, fields->len + 1, message);
      return FALSE;
    }

  for (int c = 0; c < N_COLUMNS; c++)
    {
      const char *raw = imp->field_of[c] >= 0 ? g_ptr_array_index (fields, imp->field_of[c]) : "";

      row->text[c] = c == COL_NOTE ? (*raw != '\0' ? g_strdup (raw) : NULL) : trim_copy (raw);
    }
  return TRUE;
}

static void
check_required (Import *imp, ImportRow *row)
{
  for (int c = 0; c < N_COLUMNS; c++)
    if (columns[c].required && row->text[c] == NULL)
      {
        g_autofree char *message = g_strdup_printf (_("%s is required but empty"),
                                                    header_name (imp, (Column) c));
        add_field_problem (imp, row, (Column) c, message);
      }
}

static void
check_row (Import *imp, ImportRow *row)
{
  row->basis_type = "judgment";
  row->status = "in_progress";

  check_required (imp, row);
  for (guint i = 0; i < G_N_ELEMENTS (value_checks); i++)
    {
      Column col = value_checks[i].col;
      g_autoptr (GError) error = NULL;

      if (row->text[col] == NULL)
        continue;
      if (!value_checks[i].check (imp, row, row->text[col], &error))
        {
          add_field_problem (imp, row, col, error->message);
          row->bad |= 1u << col;
        }
    }
  check_conclusion (imp, row);
  read_parties (imp, row, "applicant", COL_APPLICANT_NAME,
                imp->field_of[COL_APPLICANT_ID] >= 0 ? COL_APPLICANT_ID : N_COLUMNS);
  read_parties (imp, row, "respondent", COL_RESPONDENT_NAME,
                imp->field_of[COL_RESPONDENT_ID] >= 0 ? COL_RESPONDENT_ID : N_COLUMNS);
}

static void
read_rows (Import *imp, ZxCsvReader *reader)
{
  for (;;)
    {
      g_autoptr (GPtrArray) fields = NULL;
      g_autoptr (GError) error = NULL;
      ImportRow *row;
      guint line = 0;

      if (!zx_csv_reader_next (reader, &fields, &line, &error))
        {
          if (error == NULL)
            break;
          add_problem (imp, line, 0, error->message);
          continue;
        }
      row = import_row_new (line);
      if (!take_values (imp, row, fields))
        {
          import_row_free (row);
          continue;
        }
      check_row (imp, row);
      g_ptr_array_add (imp->rows, row);
    }
}

/* Reads and checks the whole file; returns FALSE only when the store could not be read. */
static gboolean
import_check (Import *imp, const char *data, gsize length, GError **error)
{
  g_autoptr (ZxCsvReader) reader = zx_csv_reader_new (data, length);
  g_autoptr (GPtrArray) header = NULL;
  g_autoptr (GError) csv_error = NULL;
  guint line = 1;

  if (!zx_csv_reader_next (reader, &header, &line, &csv_error))
    {
      if (csv_error != NULL)
        add_problem (imp, line, 0, csv_error->message);
      else
        add_problem (imp, 1, 1, _("the file is empty; the first line must name the columns"));
      return TRUE;
    }
  read_header (imp, header, line);
  if (imp->problems->len > 0)
    return TRUE;

  if (!load_people (imp, error))
    return FALSE;
  read_rows (imp, reader);
  return check_existing_case_nos (imp, error);
}

/* ---- import: writing --------------------------------------------------------------------- */

#define COUNTER_SQL                                                                           \
  "INSERT INTO case_counters (court_code, type_code, year, last_seq) VALUES (?, ?, ?, ?) "    \
  "ON CONFLICT (court_code, type_code, year) DO UPDATE SET last_seq = max (last_seq, "        \
  "excluded.last_seq)"

static void
set_text_member (JsonObject *object, const char *name, const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
}

static void
set_id_member (JsonObject *object, const char *name, gint64 id)
{
  if (id > 0)
    json_object_set_int_member (object, name, id);
}

static JsonObject *
case_fields (ImportRow *row)
{
  JsonObject *fields = json_object_new ();

  json_object_set_string_member (fields, "case_no", row->no.normalized);
  json_object_set_int_member (fields, "case_year", row->no.year);
  json_object_set_string_member (fields, "court_code",
                                 row->no.court_code != NULL ? row->no.court_code : "");
  json_object_set_string_member (fields, "type_code",
                                 row->no.type_code != NULL ? row->no.type_code : "");
  json_object_set_int_member (fields, "seq", row->no.seq);
  json_object_set_int_member (fields, "legacy_no", row->no.legacy ? 1 : 0);
  json_object_set_string_member (fields, "filed_on", row->text[COL_FILED_ON]);
  json_object_set_string_member (fields, "basis_type", row->basis_type);
  set_text_member (fields, "basis_doc_no", row->text[COL_BASIS_DOC_NO]);
  set_text_member (fields, "basis_org", row->text[COL_BASIS_ORG]);
  set_text_member (fields, "basis_effective_on", row->text[COL_BASIS_EFFECTIVE_ON]);
  json_object_set_int_member (fields, "amount_applied", row->applied);
  json_object_set_int_member (fields, "amount_realized", row->realized);
  json_object_set_int_member (fields, "livelihood", row->livelihood ? 1 : 0);
  set_id_member (fields, "team_id", row->team_id);
  set_id_member (fields, "officer_id", row->officer_id);
  json_object_set_string_member (fields, "status", row->status);
  set_text_member (fields, "concluded_on", row->text[COL_CONCLUDED_ON]);
  set_text_member (fields, "note", row->text[COL_NOTE]);
  return fields;
}

static JsonObject *
party_fields (gint64 case_id, const ImportParty *party)
{
  JsonObject *fields = json_object_new ();

  json_object_set_int_member (fields, "case_id", case_id);
  json_object_set_string_member (fields, "role", party->role);
  json_object_set_string_member (fields, "kind", party->kind);
  json_object_set_string_member (fields, "name", party->name);
  set_text_member (fields, "id_no", party->id_no);
  set_text_member (fields, "id_flag", party->id_flag);
  return fields;
}

static gboolean
bump_counter (sqlite3 *db, sqlite3_stmt *stmt, const ZxCaseNo *no, GError **error)
{
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, no->court_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, no->type_code, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, no->year);
  sqlite3_bind_int64 (stmt, 4, no->seq);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, db, rc, _("Updating the case number counters"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_row (ZxTxn *txn, Import *imp, ImportRow *row, sqlite3_stmt *counter, GError **error)
{
  g_autoptr (JsonObject) fields = case_fields (row);
  gint64 case_id = 0;

  if (!zx_txn_insert (txn, "cases", fields, &case_id, error))
    return FALSE;
  for (guint i = 0; i < row->parties->len; i++)
    {
      g_autoptr (JsonObject) party =
          party_fields (case_id, &g_array_index (row->parties, ImportParty, i));

      if (!zx_txn_insert (txn, "parties", party, NULL, error))
        return FALSE;
      imp->n_parties++;
    }
  return row->no.legacy || bump_counter (zx_txn_get_db (txn), counter, &row->no, error);
}

static gboolean
write_summary (ZxTxn *txn, Import *imp, GError **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *json = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, "csv");
  json_builder_set_member_name (builder, "cases");
  json_builder_add_int_value (builder, imp->rows->len);
  json_builder_set_member_name (builder, "parties");
  json_builder_add_int_value (builder, imp->n_parties);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  return zx_txn_audit (txn, "import", "cases", 0, NULL, json, error);
}

static gboolean
import_write_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  Import *imp = user_data;
  sqlite3 *db = zx_txn_get_db (txn);
  sqlite3_stmt *counter = NULL;
  gboolean ok = TRUE;

  imp->n_parties = 0;  /* a retried transaction starts again */
  if (!zx_roles_require (zx_txn_get_store (txn), ZX_ACTION_CASE_FILE, NULL, NULL, error))
    return FALSE;
  if (!prepare (db, COUNTER_SQL, &counter, error))
    return FALSE;
  for (guint i = 0; ok && i < imp->rows->len; i++)
    {
      ImportRow *row = g_ptr_array_index (imp->rows, i);

      ok = insert_row (txn, imp, row, counter, error);
      if (!ok)
        g_prefix_error (error, "%u:%d: ", row->line, imp->field_of[COL_CASE_NO] + 1);
    }
  sqlite3_finalize (counter);
  return ok && write_summary (txn, imp, error);
}

/* ---- import: entry points ---------------------------------------------------------------- */

gboolean
zx_case_import_data (ZxStore *store, const char *data, gsize length, const char *today,
                     guint *out_imported, GPtrArray **out_errors, GError **error)
{
  g_autoptr (Import) imp = NULL;
  g_autoptr (GPtrArray) messages = NULL;
  guint n;

  g_return_val_if_fail (ZX_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (out_imported != NULL)
    *out_imported = 0;
  if (out_errors != NULL)
    *out_errors = g_ptr_array_new_with_free_func (g_free);

  imp = import_new (store, today);
  if (!import_check (imp, data, length, error))
    return FALSE;

  n = imp->problems->len;
  if (n > 0)
    {
      messages = take_problem_messages (imp);
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "%u problem in the file; nothing was imported",
                                "%u problems in the file; nothing was imported", n),
                   n);
      if (out_errors != NULL)
        {
          g_ptr_array_unref (*out_errors);
          *out_errors = g_steal_pointer (&messages);
        }
      return FALSE;
    }

  if (!zx_store_write (store, import_write_txn, imp, error))
    return FALSE;
  if (out_imported != NULL)
    *out_imported = imp->rows->len;
  return TRUE;
}

gboolean
zx_case_import_file (ZxStore *store, const char *path, const char *today, guint *out_imported,
                     GPtrArray **out_errors, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      if (out_imported != NULL)
        *out_imported = 0;
      if (out_errors != NULL)
        *out_errors = g_ptr_array_new_with_free_func (g_free);
      g_set_error (error, ZX_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                       ? ZX_ERROR_NOT_FOUND
                       : ZX_ERROR_IO,
                   _("Cannot read %s: %s"), path, local_error->message);
      return FALSE;
    }
  return zx_case_import_data (store, data, length, today, out_imported, out_errors, error);
}

/* ---- export ------------------------------------------------------------------------------ */

/* One page of cases after ?1, at most ?2, with team, officer and parties, in one statement. */
#define EXPORT_SQL                                                                            \
  "SELECT c.id, c.case_no, c.filed_on, c.basis_type, c.basis_doc_no, c.basis_org, "           \
  "c.basis_effective_on, c.amount_applied, c.amount_realized, t.name, s.name, c.status, "      \
  "c.concluded_on, c.livelihood, c.note, p.role, p.name, p.id_no "                            \
  "FROM (SELECT * FROM cases WHERE id > ?1 ORDER BY id LIMIT ?2) AS c "                       \
  "LEFT JOIN teams AS t ON t.id = c.team_id "                                                 \
  "LEFT JOIN staff AS s ON s.id = c.officer_id "                                              \
  "LEFT JOIN parties AS p ON p.case_id = c.id AND p.role IN ('applicant', 'respondent') "    \
  "ORDER BY c.id, p.id"

typedef struct
{
  gint64     id;
  char      *values[N_COLUMNS];
  GPtrArray *names[2];  /* applicants, respondents */
  GPtrArray *ids[2];
} ExportCase;

static void
export_case_clear (ExportCase *ec)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_pointer (&ec->values[i], g_free);
  for (guint r = 0; r < 2; r++)
    {
      g_clear_pointer (&ec->names[r], g_ptr_array_unref);
      g_clear_pointer (&ec->ids[r], g_ptr_array_unref);
    }
  ec->id = 0;
}

static char *
column_dup (sqlite3_stmt *stmt, int i)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, i));
}

static void
export_case_start (ExportCase *ec, sqlite3_stmt *stmt)
{
  static const Column text_columns[] = {
    COL_CASE_NO, COL_FILED_ON, COL_BASIS_TYPE, COL_BASIS_DOC_NO, COL_BASIS_ORG,
    COL_BASIS_EFFECTIVE_ON,
  };

  ec->id = sqlite3_column_int64 (stmt, 0);
  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    ec->values[text_columns[i]] = column_dup (stmt, (int) i + 1);
  ec->values[COL_AMOUNT_APPLIED] = zx_format_fen (sqlite3_column_int64 (stmt, 7));
  ec->values[COL_AMOUNT_REALIZED] = zx_format_fen (sqlite3_column_int64 (stmt, 8));
  ec->values[COL_TEAM] = column_dup (stmt, 9);
  ec->values[COL_OFFICER] = column_dup (stmt, 10);
  ec->values[COL_STATUS] = column_dup (stmt, 11);
  ec->values[COL_CONCLUDED_ON] = column_dup (stmt, 12);
  ec->values[COL_LIVELIHOOD] = g_strdup (sqlite3_column_int (stmt, 13) ? "1" : "0");
  ec->values[COL_NOTE] = column_dup (stmt, 14);
  for (guint r = 0; r < 2; r++)
    {
      ec->names[r] = g_ptr_array_new_with_free_func (g_free);
      ec->ids[r] = g_ptr_array_new_with_free_func (g_free);
    }
}

static void
export_case_add_party (ExportCase *ec, sqlite3_stmt *stmt)
{
  const char *role = (const char *) sqlite3_column_text (stmt, 15);
  guint r;

  if (role == NULL)
    return;  /* a case without parties */
  r = g_str_equal (role, "applicant") ? 0 : 1;
  g_ptr_array_add (ec->names[r], column_dup (stmt, 16));
  g_ptr_array_add (ec->ids[r], column_dup (stmt, 17));
}

/* "a;b" for names; IDs the same, or "" when no party has one. */
static char *
join_list (GPtrArray *items, gboolean empty_if_none)
{
  GString *out = g_string_new (NULL);
  gboolean any = FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      const char *item = g_ptr_array_index (items, i);

      if (i > 0)
        g_string_append_c (out, ';');
      if (item != NULL)
        {
          g_string_append (out, item);
          any = TRUE;
        }
    }
  if (empty_if_none && !any)
    g_string_truncate (out, 0);
  return g_string_free (out, FALSE);
}

static void
export_case_finish (ExportCase *ec, GString *out)
{
  if (ec->id == 0)
    return;
  ec->values[COL_APPLICANT_NAME] = join_list (ec->names[0], FALSE);
  ec->values[COL_APPLICANT_ID] = join_list (ec->ids[0], TRUE);
  ec->values[COL_RESPONDENT_NAME] = join_list (ec->names[1], FALSE);
  ec->values[COL_RESPONDENT_ID] = join_list (ec->ids[1], TRUE);
  zx_csv_append_row (out, (const char *const *) ec->values, N_COLUMNS);
  export_case_clear (ec);
}

/* Renders the page after *LAST_ID into OUT; returns the number of cases, or -1 on error. */
static int
export_page (sqlite3 *db, sqlite3_stmt *stmt, gint64 *last_id, GString *out, GError **error)
{
  ExportCase ec = { 0 };
  int n_cases = 0;
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, *last_id);
  sqlite3_bind_int (stmt, 2, EXPORT_PAGE_ROWS);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (sqlite3_column_int64 (stmt, 0) != ec.id)
        {
          export_case_finish (&ec, out);
          export_case_start (&ec, stmt);
          *last_id = ec.id;
          n_cases++;
        }
      export_case_add_party (&ec, stmt);
    }
  sqlite3_reset (stmt);  /* ends the read before the page is written out */
  if (step_failed (db, rc, error))
    {
      export_case_clear (&ec);
      return -1;
    }
  export_case_finish (&ec, out);
  return n_cases;
}

static gboolean
write_out (GOutputStream *out, GString *buffer, GCancellable *cancellable, GError **error)
{
  gboolean ok = g_output_stream_write_all (out, buffer->str, buffer->len, NULL, cancellable,
                                           error);

  g_string_truncate (buffer, 0);
  return ok;
}

gboolean
zx_case_export (ZxStore *store, GOutputStream *out, GCancellable *cancellable, GError **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  g_autoptr (GString) buffer = g_string_new (NULL);
  const char *header[N_COLUMNS];
  gint64 last_id = 0;
  gboolean ok = TRUE;
  int n;

  g_return_val_if_fail (ZX_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  for (guint c = 0; c < N_COLUMNS; c++)
    header[c] = columns[c].en;
  zx_csv_append_row (buffer, header, N_COLUMNS);

  db = zx_store_get_db (store);
  if (!prepare (db, EXPORT_SQL, &stmt, error))
    return FALSE;
  do
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      n = export_page (db, stmt, &last_id, buffer, error);
      ok = n >= 0 && write_out (out, buffer, cancellable, error);
    }
  while (ok && n == EXPORT_PAGE_ROWS);
  sqlite3_finalize (stmt);
  return ok;
}
