-- Zhixing schema version 1.
-- Every editable row carries version / created_at / updated_at / updated_by: updates are
-- "... WHERE id = ? AND version = ?" and bump version (see zx-store-mutation.c).
-- Money is integer fen. Dates are ISO YYYY-MM-DD text; timestamps are ISO 8601 UTC text.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT
) WITHOUT ROWID;

CREATE TABLE teams (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  kind        TEXT NOT NULL DEFAULT 'execution'
              CHECK (kind IN ('execution', 'fast_track', 'preservation', 'other')),
  sort_order  INTEGER NOT NULL DEFAULT 0,
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL
);

CREATE TABLE staff (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  login       TEXT UNIQUE,                       -- the OS user name, for "who is working"
  role        TEXT NOT NULL
              CHECK (role IN ('clerk', 'officer', 'judge', 'team_leader', 'director',
                              'president', 'police', 'admin')),
  team_id     INTEGER REFERENCES teams (id),
  phone       TEXT,
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL
);
CREATE INDEX staff_team ON staff (team_id);

-- Next sequence number per court, type and year; read and written inside the write transaction.
CREATE TABLE case_counters (
  court_code  TEXT NOT NULL,
  type_code   TEXT NOT NULL,
  year        INTEGER NOT NULL,
  last_seq    INTEGER NOT NULL,
  PRIMARY KEY (court_code, type_code, year)
) WITHOUT ROWID;

CREATE TABLE cases (
  id                 INTEGER PRIMARY KEY,
  case_no            TEXT NOT NULL UNIQUE,          -- （2018）冀0802执123号, normalized to full-width brackets
  case_year          INTEGER NOT NULL,
  court_code         TEXT NOT NULL,
  type_code          TEXT NOT NULL,                 -- 执 执恢 执保 执异 执复 执监 执协 执他 司救执
  seq                INTEGER NOT NULL,
  legacy_no          INTEGER NOT NULL DEFAULT 0 CHECK (legacy_no IN (0, 1)),
  filed_on           TEXT NOT NULL,
  basis_type         TEXT NOT NULL DEFAULT 'judgment'
                     CHECK (basis_type IN ('judgment', 'ruling', 'mediation', 'arbitration',
                                           'notarized', 'payment_order', 'administrative', 'other')),
  basis_doc_no       TEXT,                           -- 执行依据文号
  basis_org          TEXT,                           -- body that made the basis document
  basis_effective_on TEXT,
  trial_judge_id     INTEGER REFERENCES staff (id),
  amount_applied     INTEGER NOT NULL DEFAULT 0 CHECK (amount_applied >= 0),
  amount_realized    INTEGER NOT NULL DEFAULT 0 CHECK (amount_realized >= 0),
  livelihood         INTEGER NOT NULL DEFAULT 0 CHECK (livelihood IN (0, 1)),
  small_amount       INTEGER NOT NULL DEFAULT 0 CHECK (small_amount IN (0, 1)),
  non_litigation     INTEGER NOT NULL DEFAULT 0 CHECK (non_litigation IN (0, 1)),
  team_id            INTEGER REFERENCES teams (id),
  officer_id         INTEGER REFERENCES staff (id),
  assigned_on        TEXT,
  status             TEXT NOT NULL DEFAULT 'in_progress'
                     CHECK (status IN ('in_progress', 'suspended', 'executed', 'zhongben',
                                       'terminated', 'not_executed', 'rejected', 'withdrawn')),
  concluded_on       TEXT,
  deadline_on        TEXT,                           -- statutory limit incl. extensions
  note               TEXT,
  version            INTEGER NOT NULL DEFAULT 1,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  updated_by         TEXT NOT NULL
);
CREATE INDEX cases_filed ON cases (filed_on);
CREATE INDEX cases_team_status ON cases (team_id, status);
CREATE INDEX cases_officer_status ON cases (officer_id, status);
CREATE INDEX cases_status_filed ON cases (status, filed_on);

CREATE TABLE parties (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  role        TEXT NOT NULL CHECK (role IN ('applicant', 'respondent', 'third_party')),
  kind        TEXT NOT NULL CHECK (kind IN ('person', 'entity')),
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  id_no       TEXT,                                 -- resident ID (person) or credit code (entity)
  id_flag     TEXT,                                 -- legacy15, inner_check, … (accepted with a warning)
  legal_rep   TEXT,
  phone       TEXT,
  address     TEXT,
  photo       BLOB,
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL
);
CREATE INDEX parties_case ON parties (case_id, role);
CREATE INDEX parties_id_no ON parties (id_no);

CREATE TABLE nodes (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,                        -- node_rules.kind
  occurrence  INTEGER NOT NULL DEFAULT 1,           -- n-th re-query after 终本, n-th lead, …
  ref_id      INTEGER,                              -- the lead, seizure or list entry it belongs to
  due_on      TEXT NOT NULL,
  done_on     TEXT,
  note        TEXT,
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL
);
CREATE INDEX nodes_case ON nodes (case_id);
CREATE INDEX nodes_open_due ON nodes (due_on) WHERE done_on IS NULL;

CREATE TABLE asset_queries (
  id            INTEGER PRIMARY KEY,
  case_id       INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  party_id      INTEGER REFERENCES parties (id),
  kind          TEXT NOT NULL
                CHECK (kind IN ('bank', 'real_estate', 'vehicle', 'business', 'equity',
                                'securities', 'social_insurance', 'pension', 'housing_fund',
                                'online_payment', 'tax', 'other')),
  channel       TEXT NOT NULL CHECK (channel IN ('national', 'local', 'onsite')),
  requested_on  TEXT NOT NULL,
  answered_on   TEXT,
  result        TEXT NOT NULL DEFAULT 'pending' CHECK (result IN ('pending', 'found', 'none')),
  found_amount  INTEGER CHECK (found_amount IS NULL OR found_amount >= 0),
  note          TEXT,
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL
);
CREATE INDEX asset_queries_case ON asset_queries (case_id);

CREATE TABLE seizures (
  id             INTEGER PRIMARY KEY,
  case_id        INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  party_id       INTEGER REFERENCES parties (id),
  object         TEXT NOT NULL CHECK (length(trim(object)) > 0),
  kind           TEXT NOT NULL
                 CHECK (kind IN ('deposit', 'movable', 'real_estate', 'equity', 'vehicle', 'other')),
  state          TEXT NOT NULL DEFAULT 'effective'
                 CHECK (state IN ('effective', 'waiting', 'released', 'lapsed')),
  waiting_rank   INTEGER,                             -- 轮候 order, NULL when effective
  start_on       TEXT,                                -- NULL while waiting
  expires_on     TEXT,
  renewed_count  INTEGER NOT NULL DEFAULT 0 CHECK (renewed_count >= 0),
  released_on    TEXT,
  amount         INTEGER CHECK (amount IS NULL OR amount >= 0),
  note           TEXT,
  version        INTEGER NOT NULL DEFAULT 1,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  updated_by     TEXT NOT NULL
);
CREATE INDEX seizures_case ON seizures (case_id);
CREATE INDEX seizures_expiry ON seizures (expires_on) WHERE state = 'effective';
CREATE INDEX seizures_object ON seizures (object) WHERE state IN ('effective', 'waiting');

CREATE TABLE measures (
  id            INTEGER PRIMARY KEY,
  case_id       INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  party_id      INTEGER REFERENCES parties (id),
  kind          TEXT NOT NULL
                CHECK (kind IN ('notice', 'consumption_restriction', 'listing', 'summons',
                                'detention', 'fine', 'referral', 'bounty')),
  state         TEXT NOT NULL DEFAULT 'proposed'
                CHECK (state IN ('proposed', 'approved', 'executed', 'withdrawn', 'rejected',
                                 'lifted')),
  proposed_on   TEXT NOT NULL,
  proposed_by   INTEGER REFERENCES staff (id),
  approved_on   TEXT,
  approver_id   INTEGER REFERENCES staff (id),
  executed_on   TEXT,
  executed_by   INTEGER REFERENCES staff (id),
  days          INTEGER CHECK (days IS NULL OR (days >= 1 AND days <= 15)),
  amount        INTEGER CHECK (amount IS NULL OR amount >= 0),
  note          TEXT,
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL
);
CREATE INDEX measures_case ON measures (case_id);
CREATE INDEX measures_state ON measures (state, kind);

CREATE TABLE blacklist_entries (
  id                INTEGER PRIMARY KEY,
  case_id           INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  party_id          INTEGER NOT NULL REFERENCES parties (id),
  ground            INTEGER NOT NULL CHECK (ground BETWEEN 1 AND 6),
  conduct           TEXT,                              -- 失信行为具体情形
  state             TEXT NOT NULL DEFAULT 'proposed'
                    CHECK (state IN ('proposed', 'decided', 'grace', 'published', 'removed',
                                     'revoked')),
  applied_on        TEXT,
  decided_on        TEXT,
  grace_until       TEXT,
  published_on      TEXT,
  period_end        TEXT,                              -- NULL for ground 1 (no fixed period)
  removal_due_on    TEXT,                              -- 3 working days after a removal ground
  removed_on        TEXT,
  removal_reason    TEXT,
  version           INTEGER NOT NULL DEFAULT 1,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  updated_by        TEXT NOT NULL
);
CREATE INDEX blacklist_case ON blacklist_entries (case_id);
CREATE INDEX blacklist_state ON blacklist_entries (state, published_on);
CREATE INDEX blacklist_removal_due ON blacklist_entries (removal_due_on)
  WHERE removal_due_on IS NOT NULL AND removed_on IS NULL;

CREATE TABLE auctions (
  id             INTEGER PRIMARY KEY,
  case_id        INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  seizure_id     INTEGER REFERENCES seizures (id),
  item           TEXT NOT NULL CHECK (length(trim(item)) > 0),
  round          INTEGER NOT NULL DEFAULT 1 CHECK (round BETWEEN 1 AND 3),  -- 3 = 变卖
  appraisal      INTEGER CHECK (appraisal IS NULL OR appraisal >= 0),
  reserve        INTEGER CHECK (reserve IS NULL OR reserve >= 0),
  deposit        INTEGER CHECK (deposit IS NULL OR deposit >= 0),
  announced_on   TEXT,
  auction_on     TEXT,
  result         TEXT NOT NULL DEFAULT 'pending'
                 CHECK (result IN ('pending', 'sold', 'failed', 'withdrawn')),
  price          INTEGER CHECK (price IS NULL OR price >= 0),
  note           TEXT,
  version        INTEGER NOT NULL DEFAULT 1,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  updated_by     TEXT NOT NULL
);
CREATE INDEX auctions_case ON auctions (case_id);

CREATE TABLE aid (
  id             INTEGER PRIMARY KEY,
  case_id        INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  party_id       INTEGER REFERENCES parties (id),
  amount         INTEGER NOT NULL CHECK (amount >= 0),
  state          TEXT NOT NULL DEFAULT 'applied'
                 CHECK (state IN ('applied', 'filing_review', 'handler_review', 'committee',
                                  'granted', 'rejected', 'paid')),
  applied_on     TEXT NOT NULL,
  decided_on     TEXT,
  paid_on        TEXT,
  note           TEXT,
  version        INTEGER NOT NULL DEFAULT 1,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  updated_by     TEXT NOT NULL
);
CREATE INDEX aid_case ON aid (case_id);

-- Random round-robin draws, with what is needed to re-derive them (pool, cycle seed, position).
CREATE TABLE assignment_log (
  id            INTEGER PRIMARY KEY,
  case_id       INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  pool_key      TEXT NOT NULL,
  pool_members  TEXT NOT NULL,                          -- JSON array of member ids, in pool order
  cycle_no      INTEGER,
  cycle_seed    INTEGER,
  position      INTEGER,
  chosen_kind   TEXT NOT NULL CHECK (chosen_kind IN ('team', 'judge', 'officer')),
  chosen_id     INTEGER NOT NULL,
  manual        INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0, 1)),
  reason        TEXT,
  at            TEXT NOT NULL,
  actor         TEXT NOT NULL,
  CHECK (manual = 0 OR length(trim(coalesce(reason, ''))) > 0)
);
CREATE INDEX assignment_log_pool ON assignment_log (pool_key, id);

-- Routing rules: which pool a new case goes to. Conditions left NULL match anything.
CREATE TABLE routing_rules (
  id                  INTEGER PRIMARY KEY,
  priority            INTEGER NOT NULL,
  name                TEXT NOT NULL,
  filed_before        TEXT,
  filed_from          TEXT,
  basis_type          TEXT,
  effective_from      TEXT,
  type_code           TEXT,
  pool_kind           TEXT NOT NULL CHECK (pool_kind IN ('teams', 'trial_judge')),
  pool_team_ids       TEXT,                               -- JSON array when pool_kind = 'teams'
  active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version             INTEGER NOT NULL DEFAULT 1,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  updated_by          TEXT NOT NULL
);

-- Process-node rules: a node of KIND is due AMOUNT UNITs after its trigger event.
CREATE TABLE node_rules (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  trigger     TEXT NOT NULL
              CHECK (trigger IN ('filed', 'assigned', 'lead', 'lead_urgent', 'zhongben',
                                 'seizure', 'listing', 'money_received')),
  amount      INTEGER NOT NULL CHECK (amount >= 0),
  unit        TEXT NOT NULL CHECK (unit IN ('days', 'working_days', 'months')),
  repeat_count INTEGER NOT NULL DEFAULT 1 CHECK (repeat_count >= 1),
  warn_days   INTEGER NOT NULL DEFAULT 3 CHECK (warn_days >= 0),
  source      TEXT,
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL
);

-- Other periods and limits (seizure terms, list periods, grace, removal deadline …).
CREATE TABLE rule_params (
  key          TEXT PRIMARY KEY,
  value        INTEGER NOT NULL,
  unit         TEXT NOT NULL CHECK (unit IN ('days', 'working_days', 'months', 'years', 'fen',
                                             'count', 'percent')),
  description  TEXT,
  version      INTEGER NOT NULL DEFAULT 1,
  updated_at   TEXT NOT NULL,
  updated_by   TEXT NOT NULL
) WITHOUT ROWID;

-- Deviations from the Monday–Friday pattern: public holidays (off) and make-up working days (work).
CREATE TABLE calendar (
  day   TEXT PRIMARY KEY,
  kind  TEXT NOT NULL CHECK (kind IN ('off', 'work')),
  name  TEXT
) WITHOUT ROWID;

-- Client save ids: a save whose reply was lost is not applied twice.
CREATE TABLE saves (
  op_id      TEXT PRIMARY KEY,
  entity     TEXT NOT NULL,
  entity_id  INTEGER,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL
) WITHOUT ROWID;

-- The change feed other clients poll after PRAGMA data_version moves.
CREATE TABLE change_log (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  entity     TEXT NOT NULL,
  entity_id  INTEGER NOT NULL,
  op         TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL
);

-- 全程留痕: hash-chained audit, hash = SHA-256(prev_hash ‖ fields).
CREATE TABLE audit (
  seq          INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  host         TEXT NOT NULL,
  action       TEXT NOT NULL,
  entity       TEXT NOT NULL,
  entity_id    INTEGER,
  before_json  TEXT,
  after_json   TEXT,
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit (entity, entity_id);
