/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "domain/zx-assign.h"
#include "domain/zx-case-no.h"
#include "domain/zx-deadlines.h"
#include "domain/zx-validate.h"
#include "zx-cases.h"
#include "zx-nodes.h"
#include "zx-roles.h"
#include "zx-store-private.h"

/* Filing, routing and the random cycles. The counter and the last draw of a pool are read and
 * written inside the same BEGIN IMMEDIATE transaction, so two desktops filing at the same moment
 * can never get the same number or the same cycle position. */

void
zx_filed_case_clear (ZxFiledCase *filed)
{
  g_clear_pointer (&filed->case_no, g_free);
  g_clear_pointer (&filed->rule_name, g_free);
}

static gboolean
sql_fail (sqlite3 *db, int rc, const char *what, GError **error)
{
  zx_set_sqlite_error (error, db, rc, what);
  return FALSE;
}

/* ---- numbering ------------------------------------------------------------------------- */

static gboolean
next_seq (ZxTxn *txn, const char *court, const char *type, int year, gint64 *out_seq,
          GError **error)
{
  ZxStore *store = zx_txn_get_store (txn);
  sqlite3_stmt *stmt = zx_store_prepare (store,
                                         "INSERT INTO case_counters (court_code, type_code, year, "
                                         "last_seq) VALUES (?, ?, ?, 1) "
                                         "ON CONFLICT (court_code, type_code, year) "
                                         "DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq",
                                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, court, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, type, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_seq = sqlite3_column_int64 (stmt, 0);
  /* RETURNING needs the statement run to its end before the row is final. */
  while (rc == SQLITE_ROW)
    rc = sqlite3_step (stmt);
  zx_store_release (stmt);
  if (rc != SQLITE_DONE)
    return sql_fail (zx_txn_get_db (txn), rc, _("Drawing the case number"), error);
  return TRUE;
}

char *
zx_store_peek_case_no (ZxStore *store, const char *type_code, int year, GError **error)
{
  g_autofree char *court = zx_store_get_meta (store, "court_code");
  sqlite3_stmt *stmt = NULL;
  gint64 last = 0;
  int rc;

  if (type_code == NULL)
    type_code = "执";
  rc = sqlite3_prepare_v2 (zx_store_get_db (store),
                           "SELECT last_seq FROM case_counters WHERE court_code = ? "
                           "AND type_code = ? AND year = ?",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, court, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, type_code, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, year);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        last = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sql_fail (zx_store_get_db (store), rc, _("Reading the case number counter"), error);
      return NULL;
    }
  return zx_case_no_format (year, court, type_code, last + 1);
}

/* ---- routing --------------------------------------------------------------------------- */

static GArray *
parse_id_array (const char *json)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonNode *root;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return ids;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return ids;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (root)); i++)
    {
      gint64 id = json_array_get_int_element (json_node_get_array (root), i);
      g_array_append_val (ids, id);
    }
  return ids;
}

static char *
id_array_json (const gint64 *ids, gsize n)
{
  GString *s = g_string_new ("[");

  for (gsize i = 0; i < n; i++)
    g_string_append_printf (s, "%s%" PRId64, i ? "," : "", ids[i]);
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

#define DUP_COL(i) g_strdup ((const char *) sqlite3_column_text (stmt, (i)))

static GPtrArray *
load_rules (ZxStore *store, GError **error)
{
  sqlite3 *db = zx_store_get_db (store);
  g_autoptr (GPtrArray) rules = g_ptr_array_new_with_free_func (
      (GDestroyNotify) zx_routing_rule_free);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db,
                               "SELECT id, priority, name, filed_before, filed_from, basis_type, "
                               "effective_from, type_code, pool_kind, pool_team_ids "
                               "FROM routing_rules WHERE active = 1 ORDER BY priority, id",
                               -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZxRoutingRule *rule = zx_routing_rule_new ();

      rule->id = sqlite3_column_int64 (stmt, 0);
      rule->priority = sqlite3_column_int (stmt, 1);
      rule->name = DUP_COL (2);
      rule->filed_before = DUP_COL (3);
      rule->filed_from = DUP_COL (4);
      rule->basis_type = DUP_COL (5);
      rule->effective_from = DUP_COL (6);
      rule->type_code = DUP_COL (7);
      zx_pool_kind_from_string ((const char *) sqlite3_column_text (stmt, 8), &rule->pool_kind);
      g_array_unref (rule->pool_team_ids);
      rule->pool_team_ids = parse_id_array ((const char *) sqlite3_column_text (stmt, 9));
      g_ptr_array_add (rules, rule);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      sql_fail (db, rc, _("Reading the routing rules"), error);
      return NULL;
    }
  return g_steal_pointer (&rules);
}

static GArray *
active_team_ids (sqlite3 *db)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT id FROM teams WHERE active = 1 ORDER BY sort_order, id", -1,
                          &stmt, NULL)
      == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (ids, id);
      }
  sqlite3_finalize (stmt);
  return ids;
}

/* ---- the draw -------------------------------------------------------------------------- */

typedef struct
{
  const ZxNewCase *nc;
  ZxFiledCase     *out;
  gint64           case_id;
} FileData;

static gboolean
last_draw (ZxStore *store, const char *pool_key, GArray **out_pool, ZxAssignDraw *out_draw,
           gboolean *out_found, GError **error)
{
  sqlite3_stmt *stmt = zx_store_prepare (store,
                                         "SELECT pool_members, cycle_no, cycle_seed, position, "
                                         "chosen_id FROM assignment_log WHERE pool_key = ? "
                                         "AND manual = 0 ORDER BY id DESC LIMIT 1",
                                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, pool_key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *out_found = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW)
    {
      *out_pool = parse_id_array ((const char *) sqlite3_column_text (stmt, 0));
      out_draw->cycle_no = sqlite3_column_int64 (stmt, 1);
      out_draw->cycle_seed = sqlite3_column_int64 (stmt, 2);
      out_draw->position = sqlite3_column_int (stmt, 3);
      out_draw->member = sqlite3_column_int64 (stmt, 4);
      rc = SQLITE_DONE;
    }
  zx_store_release (stmt);
  if (rc != SQLITE_DONE)
    return sql_fail (zx_store_get_db (store), rc, _("Reading the assignment log"), error);
  return TRUE;
}

static guint64
fresh_seed (void)
{
  /* GLib seeds its global generator from /dev/urandom. */
  return (((guint64) g_random_int () << 32) | g_random_int ()) & G_MAXINT64;
}

static gboolean
log_draw (ZxTxn *txn, gint64 case_id, const char *pool_key, const char *members,
          const ZxAssignDraw *draw, const char *kind, gint64 chosen, const char *reason,
          GError **error)
{
  ZxStore *store = zx_txn_get_store (txn);
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt = zx_store_prepare (store,
                                         "INSERT INTO assignment_log (case_id, pool_key, "
                                         "pool_members, cycle_no, cycle_seed, position, "
                                         "chosen_kind, chosen_id, manual, reason, at, actor) "
                                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, pool_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, members, -1, SQLITE_STATIC);
  if (draw != NULL)
    {
      sqlite3_bind_int64 (stmt, 4, draw->cycle_no);
      sqlite3_bind_int64 (stmt, 5, draw->cycle_seed);
      sqlite3_bind_int (stmt, 6, draw->position);
    }
  sqlite3_bind_text (stmt, 7, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, chosen);
  sqlite3_bind_int (stmt, 9, reason != NULL);
  sqlite3_bind_text (stmt, 10, reason, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, zx_txn_get_now (txn), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, zx_store_get_actor (store), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  zx_store_release (stmt);
  if (rc != SQLITE_DONE)
    return sql_fail (zx_txn_get_db (txn), rc, _("Writing the assignment log"), error);

  after = draw != NULL
              ? g_strdup_printf ("{\"pool\":\"%s\",\"members\":%s,\"cycle\":%" PRId64
                                 ",\"seed\":%" PRId64 ",\"position\":%d,\"%s\":%" PRId64 "}",
                                 pool_key, members, draw->cycle_no, draw->cycle_seed,
                                 draw->position, kind, chosen)
              : g_strdup_printf ("{\"pool\":\"%s\",\"%s\":%" PRId64 "}", pool_key, kind, chosen);
  return zx_txn_audit (txn, reason != NULL ? "reassign" : "assign", "cases", case_id, NULL, after,
                       error);
}

/* Chooses the pool and draws from it; sets team_id or officer_id in FIELDS. The log is written
 * after the case exists (it refers to it), from PENDING. */
typedef struct
{
  char        *pool_key;
  char        *members;
  ZxAssignDraw draw;
  gboolean     is_judge;
  gint64       chosen;
} Pending;

static void
pending_clear (Pending *p)
{
  g_free (p->pool_key);
  g_free (p->members);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pending, pending_clear)

static gboolean
route_and_draw (ZxTxn *txn, const ZxNewCase *nc, JsonObject *fields, ZxFiledCase *out,
                Pending *pending, GError **error)
{
  ZxStore *store = zx_txn_get_store (txn);
  g_autoptr (GPtrArray) rules = load_rules (store, error);
  g_autoptr (GArray) pool = NULL;
  g_autoptr (GArray) last_pool = NULL;
  const ZxRoutingRule *rule;
  ZxRoutingCase rc = { 0 };
  ZxAssignDraw last = { 0 };
  gboolean found = FALSE;

  if (rules == NULL)
    return FALSE;
  rc.filed_on = nc->filed_on;
  rc.basis_type = json_object_get_string_member_with_default (fields, "basis_type", "judgment");
  rc.basis_effective_on = json_object_get_string_member_with_default (fields,
                                                                      "basis_effective_on", NULL);
  rc.type_code = nc->type_code != NULL ? nc->type_code : "执";
  rule = zx_routing_match (rules, &rc);

  if (rule != NULL && rule->pool_kind == ZX_POOL_TRIAL_JUDGE)
    {
      gint64 judge = json_object_get_int_member_with_default (fields, "trial_judge_id", 0);

      if (judge <= 0)
        {
          g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                       _("Routing rule “%s” sends this case to the judge who tried it: choose "
                         "the trial judge."),
                       rule->name);
          return FALSE;
        }
      json_object_set_int_member (fields, "officer_id", judge);
      out->judge_id = judge;
      out->rule_name = g_strdup (rule->name);
      pending->is_judge = TRUE;
      pending->chosen = judge;
      pending->pool_key = g_strdup_printf ("rule:%" PRId64, rule->id);
      pending->members = g_strdup ("[]");
      return TRUE;
    }

  if (rule != NULL && rule->pool_team_ids->len > 0)
    {
      pool = g_array_ref (rule->pool_team_ids);
      pending->pool_key = g_strdup_printf ("rule:%" PRId64, rule->id);
      out->rule_name = g_strdup (rule->name);
    }
  else
    {
      /* No rule (a court that has not set any up): every active team. */
      pool = active_team_ids (zx_txn_get_db (txn));
      pending->pool_key = g_strdup ("all-teams");
      out->rule_name = g_strdup (_("all teams"));
    }
  if (pool->len == 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("There is no execution team to assign the case to; add teams in Settings."));
      return FALSE;
    }

  if (!last_draw (store, pending->pool_key, &last_pool, &last, &found, error))
    return FALSE;
  if (!zx_assign_next ((const gint64 *) (gpointer) pool->data, pool->len,
                       found ? (const gint64 *) (gpointer) last_pool->data : NULL,
                       found ? last_pool->len : 0, found ? &last : NULL, fresh_seed (),
                       &pending->draw, error))
    return FALSE;

  pending->members = id_array_json ((const gint64 *) (gpointer) pool->data, pool->len);
  pending->chosen = pending->draw.member;
  json_object_set_int_member (fields, "team_id", pending->chosen);
  out->team_id = pending->chosen;
  out->cycle_no = pending->draw.cycle_no;
  out->position = pending->draw.position;
  return TRUE;
}

static gboolean
insert_parties (ZxTxn *txn, gint64 case_id, JsonArray *parties, GError **error)
{
  for (guint i = 0; parties != NULL && i < json_array_get_length (parties); i++)
    {
      JsonObject *p = json_array_get_object_element (parties, i);
      g_autoptr (JsonObject) fields = json_object_new ();
      g_autoptr (GList) names = json_object_get_members (p);

      for (GList *l = names; l != NULL; l = l->next)
        json_object_set_member (fields, l->data,
                                json_node_copy (json_object_get_member (p, l->data)));
      json_object_set_int_member (fields, "case_id", case_id);
      if (!zx_txn_insert (txn, "parties", fields, NULL, error))
        {
          g_prefix_error (error, _("Party %u: "), i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

static JsonObject *
copy_object (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  g_autoptr (GList) names = object != NULL ? json_object_get_members (object) : NULL;

  for (GList *l = names; l != NULL; l = l->next)
    json_object_set_member (copy, l->data, json_node_copy (json_object_get_member (object, l->data)));
  return copy;
}

static gboolean
file_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  FileData *data = user_data;
  const ZxNewCase *nc = data->nc;
  ZxStore *store = zx_txn_get_store (txn);
  const char *type = nc->type_code != NULL ? nc->type_code : "执";
  g_autofree char *court = zx_store_get_meta (store, "court_code");
  g_autoptr (JsonObject) fields = copy_object (nc->fields);
  g_autofree char *deadline = NULL;
  g_auto (Pending) pending = { 0 };
  gint64 seq = 0, earlier = 0;
  int months;

  if (!zx_roles_require (store, ZX_ACTION_CASE_FILE, NULL, NULL, error))
    return FALSE;
  /* A transaction retried after BUSY starts over. */
  zx_filed_case_clear (data->out);
  memset (data->out, 0, sizeof *data->out);

  if (zx_txn_lookup_save (store, nc->op_id, &earlier, NULL))
    {
      g_autoptr (JsonObject) row = zx_txn_get_row (txn, "cases", earlier, error);

      if (row == NULL)
        return FALSE;
      data->case_id = earlier;
      data->out->case_no = g_strdup (json_object_get_string_member (row, "case_no"));
      data->out->team_id = json_object_get_int_member_with_default (row, "team_id", 0);
      return TRUE;
    }
  if (!route_and_draw (txn, nc, fields, data->out, &pending, error)
      || !next_seq (txn, court, type, atoi (nc->filed_on), &seq, error))
    return FALSE;

  data->out->case_no = zx_case_no_format (atoi (nc->filed_on), court, type, seq);
  months = json_object_get_int_member_with_default (fields, "non_litigation", 0) ? 3 : 6;
  deadline = zx_case_deadline (nc->filed_on, months, 0, 0);
  json_object_set_string_member (fields, "case_no", data->out->case_no);
  json_object_set_string_member (fields, "filed_on", nc->filed_on);
  json_object_set_string_member (fields, "assigned_on", nc->filed_on);
  json_object_set_string_member (fields, "deadline_on", deadline);

  if (!zx_txn_insert (txn, "cases", fields, &data->case_id, error)
      || !insert_parties (txn, data->case_id, nc->parties, error)
      || !log_draw (txn, data->case_id, pending.pool_key, pending.members,
                    pending.is_judge ? NULL : &pending.draw, pending.is_judge ? "judge" : "team",
                    pending.chosen, NULL, error)
      || !zx_nodes_on_event (txn, data->case_id, "filed", nc->filed_on, 0, error))
    return FALSE;
  /* A case routed to its trial judge has its handler at once; a team names one later. */
  if (pending.is_judge && !zx_nodes_on_event (txn, data->case_id, "assigned", nc->filed_on, 0, error))
    return FALSE;
  return zx_txn_record_save (txn, nc->op_id, "cases", data->case_id, error);
}

gboolean
zx_store_file_case (ZxStore *store, const ZxNewCase *new_case, ZxFiledCase *out, GError **error)
{
  g_autofree char *own_op = new_case->op_id == NULL ? zx_new_op_id () : NULL;
  ZxNewCase nc = *new_case;
  FileData data = { &nc, out, 0 };
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (out != NULL, FALSE);
  memset (out, 0, sizeof *out);
  if (nc.op_id == NULL)
    nc.op_id = own_op;
  if (nc.filed_on == NULL || !zx_validate_date (nc.filed_on, &local_error))
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("The filing date is missing or wrong: %s"),
                   local_error != NULL ? local_error->message : "");
      return FALSE;
    }

  if (!zx_store_write (store, file_txn, &data, error))
    {
      zx_filed_case_clear (out);
      return FALSE;
    }
  out->case_id = data.case_id;
  return TRUE;
}

/* ---- manual reassignment ------------------------------------------------------------------ */

typedef struct
{
  gint64      case_id, version, team_id;
  const char *reason;
} Reassign;

static gboolean
reassign_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  Reassign *r = user_data;
  g_autoptr (JsonObject) change = json_object_new ();
  g_autofree char *members = g_strdup_printf ("[%" PRId64 "]", r->team_id);

  json_object_set_int_member (change, "team_id", r->team_id);
  json_object_set_null_member (change, "officer_id");
  return zx_txn_update (txn, "cases", r->case_id, r->version, change, error)
         && log_draw (txn, r->case_id, "manual", members, NULL, "team", r->team_id, r->reason,
                      error);
}

gboolean
zx_store_reassign_case (ZxStore *store, gint64 case_id, gint64 expected_version, gint64 team_id,
                        const char *reason, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  Reassign r = { case_id, expected_version, team_id, trimmed };

  if (*trimmed == '\0')
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("A case is moved to another team by hand only with a reason."));
      return FALSE;
    }
  return zx_store_write (store, reassign_txn, &r, error);
}

/* ---- routing seed ------------------------------------------------------------------------ */

static gboolean
seed_routing_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  /* The store's own default rules, inserted once: not a clerk's change of settings. */
  txn->system = TRUE;
  sqlite3 *db = zx_txn_get_db (txn);
  g_autoptr (GArray) teams = NULL;
  g_autoptr (GPtrArray) rules = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize n_original;
  gboolean any;

  sqlite3_prepare_v2 (db, "SELECT count(*) > 0 FROM routing_rules", -1, &stmt, NULL);
  any = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  teams = active_team_ids (db);
  if (any || teams->len == 0)
    return TRUE;

  n_original = MIN (teams->len, 8);
  rules = zx_routing_default_rules ((const gint64 *) (gpointer) teams->data, n_original,
                                    (const gint64 *) (gpointer) teams->data + n_original,
                                    teams->len - n_original);
  for (guint i = 0; i < rules->len; i++)
    {
      ZxRoutingRule *rule = g_ptr_array_index (rules, i);
      g_autoptr (JsonObject) f = json_object_new ();
      g_autofree char *pool = id_array_json ((const gint64 *) (gpointer) rule->pool_team_ids->data,
                                             rule->pool_team_ids->len);
#define SET_OPT(name, value) \
  if ((value) != NULL) \
    json_object_set_string_member (f, name, value)

      json_object_set_int_member (f, "priority", rule->priority);
      json_object_set_string_member (f, "name", rule->name);
      SET_OPT ("filed_before", rule->filed_before);
      SET_OPT ("filed_from", rule->filed_from);
      SET_OPT ("basis_type", rule->basis_type);
      SET_OPT ("effective_from", rule->effective_from);
      SET_OPT ("type_code", rule->type_code);
#undef SET_OPT
      json_object_set_string_member (f, "pool_kind", zx_pool_kind_to_string (rule->pool_kind));
      if (rule->pool_kind == ZX_POOL_TEAMS)
        json_object_set_string_member (f, "pool_team_ids", pool);
      if (!zx_txn_insert (txn, "routing_rules", f, NULL, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
zx_store_seed_routing (ZxStore *store, GError **error)
{
  return zx_store_write (store, seed_routing_txn, NULL, error);
}

/* ---- verification -------------------------------------------------------------------------- */

typedef struct
{
  gint64  log_id, case_id;
  GArray *pool;
} LoggedDraw;

static void
logged_draw_clear (gpointer data)
{
  g_clear_pointer (&((LoggedDraw *) data)->pool, g_array_unref);
}

static void
verify_pool (GArray *logged, GArray *entries, GPtrArray *problems)
{
  g_autoptr (GError) error = NULL;
  gssize bad;

  /* The pool pointers are filled only now: the arrays may have moved while they grew. */
  for (guint i = 0; i < entries->len; i++)
    {
      ZxAssignLogEntry *e = &g_array_index (entries, ZxAssignLogEntry, i);
      LoggedDraw *d = &g_array_index (logged, LoggedDraw, i);

      e->pool = (const gint64 *) (gpointer) d->pool->data;
      e->n_pool = d->pool->len;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      ZxAssignLogEntry *e = &g_array_index (entries, ZxAssignLogEntry, i);
      LoggedDraw *d = &g_array_index (logged, LoggedDraw, i);

      if (!zx_assign_verify (e->pool, e->n_pool, &e->draw, &error))
        {
          g_ptr_array_add (problems,
                           g_strdup_printf (_("assignment log id %" PRId64 ", case %" PRId64
                                              ": %s"),
                                            d->log_id, d->case_id, error->message));
          g_clear_error (&error);
        }
    }
  bad = zx_assign_verify_log ((ZxAssignLogEntry *) (gpointer) entries->data, entries->len, &error);
  if (bad >= 0)
    {
      LoggedDraw *d = &g_array_index (logged, LoggedDraw, bad);
      g_ptr_array_add (problems, g_strdup_printf (_("assignment log id %" PRId64 ", case %" PRId64
                                                    ": %s"),
                                                  d->log_id, d->case_id, error->message));
    }
  g_array_set_size (entries, 0);
  g_array_set_size (logged, 0);
}

gint64
zx_store_verify_assignments (ZxStore *store, GPtrArray **out_problems, GError **error)
{
  sqlite3 *db = zx_store_get_db (store);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) logged = g_array_new (FALSE, TRUE, sizeof (LoggedDraw));
  g_autoptr (GArray) entries = g_array_new (FALSE, TRUE, sizeof (ZxAssignLogEntry));
  g_autofree char *pool_key = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 checked = 0;
  int rc;

  g_array_set_clear_func (logged, logged_draw_clear);
  rc = sqlite3_prepare_v2 (db,
                           "SELECT id, case_id, pool_key, pool_members, cycle_no, cycle_seed, "
                           "position, chosen_id FROM assignment_log "
                           "WHERE manual = 0 AND chosen_kind = 'team' ORDER BY pool_key, id",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 2);
      LoggedDraw d = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                       parse_id_array ((const char *) sqlite3_column_text (stmt, 3)) };
      ZxAssignLogEntry e = { 0 };

      if (pool_key != NULL && g_strcmp0 (pool_key, key) != 0)
        verify_pool (logged, entries, problems);
      g_free (pool_key);
      pool_key = g_strdup (key);

      g_array_append_val (logged, d);
      e.draw.cycle_no = sqlite3_column_int64 (stmt, 4);
      e.draw.cycle_seed = sqlite3_column_int64 (stmt, 5);
      e.draw.position = sqlite3_column_int (stmt, 6);
      e.draw.member = sqlite3_column_int64 (stmt, 7);
      g_array_append_val (entries, e);
      checked++;
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      sql_fail (db, rc, _("Reading the assignment log"), error);
      return -1;
    }
  if (entries->len > 0)
    verify_pool (logged, entries, problems);
  if (out_problems != NULL)
    *out_problems = g_steal_pointer (&problems);
  return checked;
}
