/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-public-list"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zx-public-list.h"

/* The published list: one read of the entries in state "published" with their party and case,
 * each passed through zx_list_public_view(), which alone decides what the public may see (the
 * SQL only narrows the candidates to the state that function ever shows). The court name is
 * read in the same read transaction, so the header and the rows come from one snapshot. */

static const char candidates_sql[] =
  "SELECT e.id, e.state, e.decided_on, e.published_on, e.period_end, e.grace_until,"
  "       e.removed_on, e.ground, e.conduct,"
  "       p.kind, p.name, p.id_no, p.legal_rep,"
  "       c.amount_applied, c.amount_realized, c.basis_org, c.basis_doc_no, c.case_no,"
  "       c.filed_on"
  " FROM blacklist_entries e"
  " JOIN parties p ON p.id = e.party_id"
  " JOIN cases c ON c.id = e.case_id"
  " WHERE e.state = 'published'"
  " ORDER BY e.published_on DESC, e.id DESC";

enum
{
  COL_ID,
  COL_STATE,
  COL_DECIDED_ON,
  COL_PUBLISHED_ON,
  COL_PERIOD_END,
  COL_GRACE_UNTIL,
  COL_REMOVED_ON,
  COL_GROUND,
  COL_CONDUCT,
  COL_KIND,
  COL_NAME,
  COL_ID_NO,
  COL_LEGAL_REP,
  COL_AMOUNT_APPLIED,
  COL_AMOUNT_REALIZED,
  COL_BASIS_ORG,
  COL_BASIS_DOC_NO,
  COL_CASE_NO,
  COL_FILED_ON,
};

/* Art. 1 of the provisions, for an entry recorded without its specific conduct. */
static const char *
ground_wording (int ground)
{
  switch (ground)
    {
    case 1:
      return _("Able to perform the obligations of an effective legal document but refuses to");
    case 2:
      return _("Obstructs or resists enforcement by forgery, violence or threats");
    case 3:
      return _("Evades enforcement by false litigation, false arbitration or hiding or "
               "transferring assets");
    case 4:
      return _("Breaches the duty to report property");
    case 5:
      return _("Breaches the consumption restriction order");
    case 6:
      return _("Refuses without good reason to perform a settlement agreement");
    default:
      return "";
    }
}

static const char *
column_text (sqlite3_stmt *stmt, int col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

static void
row_free (gpointer data)
{
  ZxPublicListRow *row = data;

  zx_public_entry_free (row->entry);
  g_free (row);
}

static void
public_list_clear (gpointer data)
{
  ZxPublicList *list = data;

  g_free (list->court_name);
  g_free (list->today);
  g_clear_pointer (&list->rows, g_ptr_array_unref);
}

ZxPublicList *
zx_public_list_ref (ZxPublicList *list)
{
  g_return_val_if_fail (list != NULL, NULL);

  return g_atomic_rc_box_acquire (list);
}

void
zx_public_list_unref (ZxPublicList *list)
{
  if (list != NULL)
    g_atomic_rc_box_release_full (list, public_list_clear);
}

static gboolean
read_candidates (ZxStore *store, ZxPublicList *list, GError **error)
{
  sqlite3 *db = zx_store_get_db (store);
  g_autofree char *court = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  court = zx_store_get_meta (store, "court_name");
  list->court_name = g_strdup (court != NULL ? court : "");

  rc = sqlite3_prepare_v2 (db, candidates_sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      zx_set_sqlite_error (error, db, rc, _("Reading the published list"));
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *conduct = column_text (stmt, COL_CONDUCT);
      ZxListEntryFacts facts = {
        .state = column_text (stmt, COL_STATE),
        .decided_on = column_text (stmt, COL_DECIDED_ON),
        .published_on = column_text (stmt, COL_PUBLISHED_ON),
        .period_end = column_text (stmt, COL_PERIOD_END),
        .grace_until = column_text (stmt, COL_GRACE_UNTIL),
        .removed_on = column_text (stmt, COL_REMOVED_ON),
        .is_person = g_strcmp0 (column_text (stmt, COL_KIND), "person") == 0,
        .name = column_text (stmt, COL_NAME),
        .id_no = column_text (stmt, COL_ID_NO),
        .legal_rep = column_text (stmt, COL_LEGAL_REP),
        .obligation = NULL,
        .amount_due = sqlite3_column_int64 (stmt, COL_AMOUNT_APPLIED),
        .amount_performed = sqlite3_column_int64 (stmt, COL_AMOUNT_REALIZED),
        .conduct = conduct != NULL && *conduct != '\0'
                     ? conduct
                     : ground_wording (sqlite3_column_int (stmt, COL_GROUND)),
        .basis_org = column_text (stmt, COL_BASIS_ORG),
        .basis_doc_no = column_text (stmt, COL_BASIS_DOC_NO),
        .case_no = column_text (stmt, COL_CASE_NO),
        .filed_on = column_text (stmt, COL_FILED_ON),
        .court = list->court_name,
      };
      ZxPublicEntry *entry = zx_list_public_view (&facts, list->today);

      if (entry != NULL)
        {
          ZxPublicListRow *row = g_new0 (ZxPublicListRow, 1);

          row->entry_id = sqlite3_column_int64 (stmt, COL_ID);
          row->entry = entry;
          g_ptr_array_add (list->rows, row);
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, db, rc, _("Reading the published list"));
      return FALSE;
    }
  return TRUE;
}

ZxPublicList *
zx_public_list_load (ZxStore *store, const char *today, GError **error)
{
  g_autoptr (ZxPublicList) list = NULL;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (ZX_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  list = g_atomic_rc_box_new0 (ZxPublicList);
  list->today = g_strdup (today);
  list->rows = g_ptr_array_new_with_free_func (row_free);

  /* One read transaction: the court name and the rows from the same snapshot. */
  db = zx_store_get_db (store);
  if (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    {
      zx_set_sqlite_error (error, db, sqlite3_errcode (db), _("Reading the published list"));
      return NULL;
    }
  ok = read_candidates (store, list, error);
  if (sqlite3_exec (db, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK && ok)
    {
      zx_set_sqlite_error (error, db, sqlite3_errcode (db), _("Reading the published list"));
      ok = FALSE;
    }
  if (!ok)
    {
      /* A failed COMMIT of a read leaves the transaction open: never keep a lock. */
      if (!sqlite3_get_autocommit (db))
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return NULL;
    }

  return g_steal_pointer (&list);
}

gboolean
zx_public_entry_equal (const ZxPublicEntry *a, const ZxPublicEntry *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->is_person == b->is_person && a->sex == b->sex && a->age == b->age
         && a->amount_due == b->amount_due && a->amount_performed == b->amount_performed
         && a->performance == b->performance && g_str_equal (a->name, b->name)
         && g_str_equal (a->id_shown, b->id_shown) && g_str_equal (a->legal_rep, b->legal_rep)
         && g_str_equal (a->obligation, b->obligation) && g_str_equal (a->conduct, b->conduct)
         && g_str_equal (a->basis_org, b->basis_org)
         && g_str_equal (a->basis_doc_no, b->basis_doc_no)
         && g_str_equal (a->case_no, b->case_no) && g_str_equal (a->filed_on, b->filed_on)
         && g_str_equal (a->court, b->court) && g_str_equal (a->published_on, b->published_on);
}

gboolean
zx_public_list_equal (const ZxPublicList *a, const ZxPublicList *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || a->rows->len != b->rows->len
      || g_strcmp0 (a->court_name, b->court_name) != 0)
    return FALSE;

  for (guint i = 0; i < a->rows->len; i++)
    {
      const ZxPublicListRow *ra = g_ptr_array_index (a->rows, i);
      const ZxPublicListRow *rb = g_ptr_array_index (b->rows, i);

      if (ra->entry_id != rb->entry_id || !zx_public_entry_equal (ra->entry, rb->entry))
        return FALSE;
    }
  return TRUE;
}

gint64
zx_public_entry_unperformed (const ZxPublicEntry *entry)
{
  g_return_val_if_fail (entry != NULL, 0);

  return MAX (entry->amount_due - entry->amount_performed, 0);
}

char *
zx_public_format_yuan (gint64 fen, gboolean grouped)
{
  GString *s = g_string_new (NULL);
  guint64 magnitude = fen < 0 ? (guint64) (-(fen + 1)) + 1 : (guint64) fen;
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude / 100);
  gsize n = strlen (digits);

  if (fen < 0)
    g_string_append_c (s, '-');
  for (gsize i = 0; i < n; i++)
    {
      if (grouped && i > 0 && (n - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  g_string_append_printf (s, ".%02u", (guint) (magnitude % 100));

  return g_string_free (s, FALSE);
}

/* ---- CSV --------------------------------------------------------------------------------- */

/* RFC 4180, as io/zx-csv.c writes it (stats/ sits below io/, so it does not call it). */
static void
append_csv_record (GString *out, const char *const *fields, guint n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const char *field = fields[i] != NULL ? fields[i] : "";

      if (i > 0)
        g_string_append_c (out, ',');
      if (strpbrk (field, ",\"\r\n") == NULL)
        {
          g_string_append (out, field);
          continue;
        }
      g_string_append_c (out, '"');
      for (const char *p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, "\r\n");
}

/* Machine-readable column names, as the case export has them. */
static const char *const csv_header[] = {
  "name", "kind", "sex", "age", "id_no", "legal_rep", "case_no", "court", "filed_on",
  "basis_org", "basis_doc_no", "obligation", "amount_due", "amount_performed",
  "amount_unperformed", "performance", "conduct", "published_on",
};

static const char *
performance_name (ZxPerformance performance)
{
  switch (performance)
    {
    case ZX_PERFORMANCE_NONE:
      return "none";
    case ZX_PERFORMANCE_PARTIAL:
      return "partial";
    case ZX_PERFORMANCE_FULL:
      return "full";
    default:
      return "";
    }
}

static void
append_csv_row (GString *out, const ZxPublicEntry *e)
{
  g_autofree char *age = e->is_person ? g_strdup_printf ("%d", e->age) : g_strdup ("");
  g_autofree char *due = zx_public_format_yuan (e->amount_due, FALSE);
  g_autofree char *performed = zx_public_format_yuan (e->amount_performed, FALSE);
  g_autofree char *unperformed = zx_public_format_yuan (zx_public_entry_unperformed (e), FALSE);
  const char *sex = !e->is_person ? "" : e->sex == 'F' ? "F" : "M";
  const char *fields[] = {
    e->name, e->is_person ? "person" : "entity", sex, age, e->id_shown, e->legal_rep,
    e->case_no, e->court, e->filed_on, e->basis_org, e->basis_doc_no, e->obligation, due,
    performed, unperformed, performance_name (e->performance), e->conduct, e->published_on,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == G_N_ELEMENTS (csv_header));
  append_csv_record (out, fields, G_N_ELEMENTS (fields));
}

gboolean
zx_public_list_export_csv (ZxStore *store, const char *today, GOutputStream *out,
                           GError **error)
{
  g_autoptr (ZxPublicList) list = NULL;
  g_autoptr (GString) buffer = g_string_new (NULL);

  g_return_val_if_fail (ZX_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  list = zx_public_list_load (store, today, error);
  if (list == NULL)
    return FALSE;

  append_csv_record (buffer, csv_header, G_N_ELEMENTS (csv_header));
  for (guint i = 0; i < list->rows->len; i++)
    {
      const ZxPublicListRow *row = g_ptr_array_index (list->rows, i);

      append_csv_row (buffer, row->entry);
      if (buffer->len < 64 * 1024)
        continue;
      if (!g_output_stream_write_all (out, buffer->str, buffer->len, NULL, NULL, error))
        return FALSE;
      g_string_truncate (buffer, 0);
    }

  return g_output_stream_write_all (out, buffer->str, buffer->len, NULL, NULL, error);
}
