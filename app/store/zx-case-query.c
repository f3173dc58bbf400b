/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "domain/zx-deadlines.h"
#include "zx-case-query.h"
#include "zx-store-private.h"

/* Search goes through the FTS5 trigram table case_search (case numbers, names, document numbers)
 * for terms of three characters or more. Trigram cannot serve one or two characters (and SQLite
 * 3.40's trigram LIKE returns nothing for them), so short terms scan the base tables instead.
 * ID numbers and credit codes are not in the trigram index: they were more than half of its
 * size and of the time to build it, and clerks search them whole or by a run of at least six
 * characters, which the parties table answers (exactly through its index). */

static const char *const sort_sql[] = {
  [ZX_CASE_SORT_FILED] = "c.filed_on %s, c.id %s",
  [ZX_CASE_SORT_CASE_NO] = "c.case_year %s, c.type_code %s, c.seq %s",
  [ZX_CASE_SORT_APPLIED] = "c.amount_applied %s, c.id %s",
  [ZX_CASE_SORT_REALIZED] = "c.amount_realized %s, c.id %s",
  [ZX_CASE_SORT_TEAM] = "c.team_id %s, c.filed_on %s",
  [ZX_CASE_SORT_STATUS] = "c.status %s, c.filed_on %s",
  [ZX_CASE_SORT_DEADLINE] = "c.deadline_on %s, c.id %s",
  /* A correlated subquery per case through parties_case (case_id, role): one index probe per
   * matching case, so sorting the whole register costs a million probes at a million cases
   * (seconds, not milliseconds); the other keys read only the cases row. A case without a party
   * of the role has NULL, which SQLite puts first ascending and last descending. */
  [ZX_CASE_SORT_RESPONDENT] = "(SELECT min(name) FROM parties WHERE case_id = c.id"
                              " AND role = 'respondent') %s, c.id %s",
  [ZX_CASE_SORT_APPLICANT] = "(SELECT min(name) FROM parties WHERE case_id = c.id"
                             " AND role = 'applicant') %s, c.id %s",
  /* Needs sort_join's staff s. */
  [ZX_CASE_SORT_OFFICER] = "s.name %s, c.filed_on %s, c.id %s",
  /* Same cost as the party sorts (through nodes_case); cases with no open node come last
   * whichever the direction. */
  [ZX_CASE_SORT_NEXT_DUE] = "(SELECT min(due_on) FROM nodes WHERE case_id = c.id"
                            " AND done_on IS NULL) %s NULLS LAST, c.id %s",
};

/* The join a sort key needs, added to the id query only for that key; fixed text too. */
static const char *const sort_join[G_N_ELEMENTS (sort_sql)] = {
  [ZX_CASE_SORT_OFFICER] = " LEFT JOIN staff s ON s.id = c.officer_id",
};

static ZxCaseSort
valid_sort (ZxCaseSort sort)
{
  return (guint) sort < G_N_ELEMENTS (sort_sql) ? sort : ZX_CASE_SORT_FILED;
}

/* The ORDER BY clause: a fixed fragment per sort key, never user text. */
static void
append_order (GString *sql, ZxCaseSort sort, gboolean descending)
{
  const char *dir = descending ? "DESC" : "ASC";
  const char *pattern = sort_sql[valid_sort (sort)];

  g_string_append (sql, " ORDER BY ");
  /* Each %s of the pattern takes the same direction. */
  for (const char *p = pattern; *p; p++)
    {
      if (p[0] == '%' && p[1] == 's')
        {
          g_string_append (sql, dir);
          p++;
        }
      else
        g_string_append_c (sql, *p);
    }
}

/* "张伟" → "%张伟%" with LIKE's wildcards escaped. */
static char *
like_pattern (const char *text)
{
  GString *s = g_string_new ("%");

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '%');
  return g_string_free (s, FALSE);
}

/* A quoted FTS5 phrase: trigram matches it as a substring anywhere. */
static char *
fts_phrase (const char *text)
{
  GString *s = g_string_new ("\"");

  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

/* The query and its parameters, built together so that every value is bound, in order. */
typedef struct
{
  GPtrArray *texts;  /* the text values, in order */
  GArray    *ints;   /* the integer values (gint64), in order */
  GString   *sql;
  GArray    *kinds;  /* 't' or 'i' per parameter: which list the next value comes from */
} Params;

static void
add_text (Params *p, const char *fragment, char *value)
{
  char kind = 't';

  g_string_append (p->sql, fragment);
  g_ptr_array_add (p->texts, value);
  g_array_append_val (p->kinds, kind);
}

static void
add_int (Params *p, const char *fragment, gint64 value)
{
  char kind = 'i';

  g_string_append (p->sql, fragment);
  g_array_append_val (p->ints, value);
  g_array_append_val (p->kinds, kind);
}

static void
bind_params (sqlite3_stmt *stmt, Params *p)
{
  guint t = 0, i = 0;

  for (guint k = 0; k < p->kinds->len; k++)
    {
      if (g_array_index (p->kinds, char, k) == 't')
        sqlite3_bind_text (stmt, (int) k + 1, g_ptr_array_index (p->texts, t++), -1,
                           SQLITE_STATIC);
      else
        sqlite3_bind_int64 (stmt, (int) k + 1, g_array_index (p->ints, gint64, i++));
    }
}

/* Six or more ASCII letters and digits: possibly a piece of an ID number or credit code. */
static gboolean
looks_like_id (const char *text)
{
  gsize n = 0;

  for (const char *p = text; *p; p++, n++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return n >= 6;
}

static void
add_text_search (Params *p, const char *text)
{
  char *pattern = like_pattern (text);

  if (g_utf8_strlen (text, -1) >= 3)
    {
      add_text (p, " AND (c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH ?)",
                fts_phrase (text));
      if (looks_like_id (text))
        {
          add_text (p, " OR c.id IN (SELECT case_id FROM parties WHERE id_no = upper(?)",
                    g_strdup (text));
          add_text (p, " OR id_no LIKE ? ESCAPE '\\')", g_strdup (pattern));
        }
      g_string_append (p->sql, ")");
      g_free (pattern);
      return;
    }
  add_text (p, " AND (c.case_no LIKE ? ESCAPE '\\'", pattern);
  add_text (p, " OR c.basis_doc_no LIKE ? ESCAPE '\\'", g_strdup (pattern));
  add_text (p, " OR c.id IN (SELECT case_id FROM parties WHERE name LIKE ? ESCAPE '\\'",
            g_strdup (pattern));
  add_text (p, " OR legal_rep LIKE ? ESCAPE '\\'))", g_strdup (pattern));
}

static void
build_where (Params *p, const ZxCaseFilter *f)
{
  g_autofree char *text = f->text != NULL ? g_strstrip (g_strdup (f->text)) : NULL;

  g_string_append (p->sql, " WHERE 1");
  if (text != NULL && *text != '\0')
    add_text_search (p, text);
  if (f->team_id > 0)
    add_int (p, " AND c.team_id = ?", f->team_id);
  if (f->officer_id > 0)
    add_int (p, " AND c.officer_id = ?", f->officer_id);
  if (g_strcmp0 (f->status, "open") == 0)
    g_string_append (p->sql, " AND c.status IN ('in_progress', 'suspended')");
  else if (g_strcmp0 (f->status, "concluded") == 0)
    g_string_append (p->sql, " AND c.status NOT IN ('in_progress', 'suspended')");
  else if (f->status != NULL)
    add_text (p, " AND c.status = ?", g_strdup (f->status));
  if (f->type_code != NULL)
    add_text (p, " AND c.type_code = ?", g_strdup (f->type_code));
  if (f->year > 0)
    add_int (p, " AND c.case_year = ?", f->year);
  if (f->overdue_only && f->today != NULL)
    add_text (p, " AND EXISTS (SELECT 1 FROM nodes n WHERE n.case_id = c.id"
                 " AND n.done_on IS NULL AND n.due_on < ?)",
              g_strdup (f->today));
}

static void
interrupt_cb (GCancellable *cancellable, gpointer db)
{
  sqlite3_interrupt (db);
}

GArray *
zx_case_query_ids (ZxStore *store, const ZxCaseFilter *filter, GCancellable *cancellable,
                   GError **error)
{
  sqlite3 *db = zx_store_get_db (store);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  Params p = { g_ptr_array_new_with_free_func (g_free), g_array_new (FALSE, FALSE, sizeof (gint64)),
               g_string_new ("SELECT c.id FROM cases c"), g_array_new (FALSE, FALSE, 1) };
  sqlite3_stmt *stmt = NULL;
  gulong handler = 0;
  int rc;

  if (sort_join[valid_sort (filter->sort)] != NULL)
    g_string_append (p.sql, sort_join[valid_sort (filter->sort)]);
  build_where (&p, filter);
  append_order (p.sql, filter->sort, filter->descending);
  rc = sqlite3_prepare_v2 (db, p.sql->str, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      bind_params (stmt, &p);
      if (cancellable != NULL)
        handler = g_cancellable_connect (cancellable, G_CALLBACK (interrupt_cb), db, NULL);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (ids, id);
        }
      if (cancellable != NULL)
        g_cancellable_disconnect (cancellable, handler);
    }
  sqlite3_finalize (stmt);
  g_ptr_array_unref (p.texts);
  g_array_unref (p.ints);
  g_array_unref (p.kinds);
  g_string_free (p.sql, TRUE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, db, rc, _("Searching the cases"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

void
zx_case_row_free (ZxCaseRow *row)
{
  if (row == NULL)
    return;
  g_free (row->case_no);
  g_free (row->filed_on);
  g_free (row->applicant);
  g_free (row->respondent);
  g_free (row->team);
  g_free (row->officer);
  g_free (row->status);
  g_free (row->next_due_on);
  g_free (row->next_due_kind);
  g_free (row->next_due_status);
  g_free (row);
}

static const char rows_sql[] =
  "SELECT c.id, c.version, c.case_no, c.filed_on,"
  " (SELECT group_concat(name, '、') FROM parties WHERE case_id = c.id AND role = 'applicant'),"
  " (SELECT group_concat(name, '、') FROM parties WHERE case_id = c.id AND role = 'respondent'),"
  " c.amount_applied, c.amount_realized, coalesce(c.team_id, 0), t.name,"
  " coalesce(c.officer_id, 0), s.name, c.status,"
  " n.due_on, n.kind, coalesce(r.warn_days, 3)"
  " FROM cases c"
  " LEFT JOIN teams t ON t.id = c.team_id"
  " LEFT JOIN staff s ON s.id = c.officer_id"
  " LEFT JOIN nodes n ON n.id = (SELECT id FROM nodes WHERE case_id = c.id AND done_on IS NULL"
  "                              ORDER BY due_on LIMIT 1)"
  " LEFT JOIN node_rules r ON r.kind = n.kind"
  " WHERE c.id IN (SELECT value FROM json_each(?))";

#define DUP(i) g_strdup ((const char *) sqlite3_column_text (stmt, (i)))

GPtrArray *
zx_case_query_rows (ZxStore *store, const gint64 *ids, guint n_ids, const char *today,
                    GError **error)
{
  g_autoptr (GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                        (GDestroyNotify) zx_case_row_free);
  GString *list = g_string_new ("[");
  GPtrArray *rows;
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (list, "%s%" PRId64, i ? "," : "", ids[i]);
  g_string_append_c (list, ']');

  stmt = zx_store_prepare (store, rows_sql, error);
  if (stmt == NULL)
    {
      g_string_free (list, TRUE);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, list->str, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZxCaseRow *row = g_new0 (ZxCaseRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->version = sqlite3_column_int64 (stmt, 1);
      row->case_no = DUP (2);
      row->filed_on = DUP (3);
      row->applicant = DUP (4);
      row->respondent = DUP (5);
      row->amount_applied = sqlite3_column_int64 (stmt, 6);
      row->amount_realized = sqlite3_column_int64 (stmt, 7);
      row->team_id = sqlite3_column_int64 (stmt, 8);
      row->team = DUP (9);
      row->officer_id = sqlite3_column_int64 (stmt, 10);
      row->officer = DUP (11);
      row->status = DUP (12);
      row->next_due_on = DUP (13);
      row->next_due_kind = DUP (14);
      if (row->next_due_on != NULL && today != NULL)
        row->next_due_status = g_strdup (zx_node_status_to_string (
            zx_node_status (row->next_due_on, NULL, today, sqlite3_column_int (stmt, 15))));
      g_hash_table_insert (by_id, &row->id, row);
    }
  zx_store_release (stmt);
  g_string_free (list, TRUE);
  if (rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, zx_store_get_db (store), rc, _("Reading the cases"));
      return NULL;
    }

  rows = g_ptr_array_new_full (n_ids, (GDestroyNotify) zx_case_row_free);
  for (guint i = 0; i < n_ids; i++)
    {
      gpointer key = NULL, value = NULL;

      if (g_hash_table_lookup_extended (by_id, &ids[i], &key, &value))
        {
          g_hash_table_steal (by_id, &ids[i]);
          g_ptr_array_add (rows, value);
        }
      else
        g_ptr_array_add (rows, NULL);
    }
  return rows;
}

/* ---- the search index ------------------------------------------------------------------ */

/* One search row per case: its number, every party's name (and legal representative) and the
 * basis document number. */
#define SEARCH_ROWS_SQL \
  "INSERT INTO case_search (rowid, case_no, names, doc_no)" \
  " SELECT c.id, c.case_no," \
  "  (SELECT group_concat(name || coalesce(' ' || legal_rep, ''), ' ') FROM parties" \
  "   WHERE case_id = c.id)," \
  "  c.basis_doc_no FROM cases c"

gboolean
zx_case_search_refresh (ZxTxn *txn, gint64 case_id, GError **error)
{
  ZxStore *store = zx_txn_get_store (txn);
  sqlite3_stmt *del = zx_store_prepare (store, "DELETE FROM case_search WHERE rowid = ?", error);
  sqlite3_stmt *ins;
  int rc;

  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, case_id);
  rc = sqlite3_step (del);
  zx_store_release (del);
  if (rc == SQLITE_DONE)
    {
      ins = zx_store_prepare (store, SEARCH_ROWS_SQL " WHERE c.id = ?", error);
      if (ins == NULL)
        return FALSE;
      sqlite3_bind_int64 (ins, 1, case_id);
      rc = sqlite3_step (ins);
      zx_store_release (ins);
    }
  if (rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, zx_txn_get_db (txn), rc, _("Updating the search index"));
      return FALSE;
    }
  return TRUE;
}

/* The whole index in one pass: parties grouped once instead of a lookup per case, a bigger page
 * cache, and no incremental merging while it is built (merged once at the end): together about
 * half the time at a million cases. */
gboolean
zx_case_search_rebuild_db (sqlite3 *db, GError **error)
{
  gboolean ok;

  ok = zx_store_exec (db, "DELETE FROM case_search", error)
       && zx_store_exec (db, "PRAGMA cache_size = -256000", error)
       && zx_store_exec (db, "INSERT INTO case_search (case_search, rank) VALUES ('automerge', 0)",
                         error)
       && zx_store_exec (db,
                         "INSERT INTO case_search (rowid, case_no, names, doc_no)"
                         " SELECT c.id, c.case_no, p.names, c.basis_doc_no FROM cases c"
                         " LEFT JOIN (SELECT case_id,"
                         "   group_concat(name || coalesce(' ' || legal_rep, ''), ' ') AS names"
                         "   FROM parties GROUP BY case_id) p ON p.case_id = c.id",
                         error)
       && zx_store_exec (db, "INSERT INTO case_search (case_search, rank) VALUES ('automerge', 4)",
                         error);
  zx_store_exec (db, "PRAGMA cache_size = -32000", NULL);
  return ok;
}

static gboolean
rebuild_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  return zx_case_search_rebuild_db (zx_txn_get_db (txn), error);
}

gboolean
zx_case_search_rebuild (ZxStore *store, GError **error)
{
  return zx_store_write (store, rebuild_txn, NULL, error);
}
