-- 0001-initial.sql: the first Clwstwr schema.
--
-- Conventions, relied on by the audit log, undo, the dataset format and sync:
-- * every table that holds user or reference data has `id TEXT PRIMARY KEY`,
--   a random UUID, and `created_at`, `updated_at` (UTC, ISO 8601) and
--   `updated_by`; no AUTOINCREMENT and no rowid keys;
-- * enumerations are stored as their nicks (see src/core/clw-types.h);
-- * dates are 'YYYY-MM-DD', meeting times local 'YYYY-MM-DDTHH:MM';
-- * a CHECK on an enumeration of more than two values is written as
--   `a = 'x' OR a = 'y' OR ...`, not `a IN ('x', 'y', ...)`: SQLite builds a
--   temporary index for such an IN list on every INSERT, which made imports
--   several times slower;
-- * foreign keys are deferred to the end of the transaction, so a change
--   and its undo can be written in any order.
-- Audit triggers are not written here: the database layer generates them
-- from the schema after every migration.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT
) STRICT;

CREATE TABLE audit_log (
  id         TEXT PRIMARY KEY NOT NULL,
  change_id  TEXT NOT NULL,
  at         TEXT NOT NULL,
  user       TEXT NOT NULL,
  table_name TEXT NOT NULL,
  row_id     TEXT NOT NULL,
  action     TEXT NOT NULL CHECK (action = 'insert' OR action = 'update' OR action = 'delete'),
  old_values TEXT,
  new_values TEXT,
  reverts    TEXT
) STRICT;
CREATE INDEX audit_log_change ON audit_log (change_id);
CREATE INDEX audit_log_row ON audit_log (table_name, row_id);

-- Reference data ----------------------------------------------------------

CREATE TABLE health_board (
  id          TEXT PRIMARY KEY NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL,
  code        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  name_cy     TEXT,
  short_name  TEXT,
  cluster_term TEXT,
  valid_from  TEXT NOT NULL,
  valid_to    TEXT
) STRICT;

CREATE TABLE pcpg (
  id              TEXT PRIMARY KEY NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL,
  health_board_id TEXT NOT NULL REFERENCES health_board (id) DEFERRABLE INITIALLY DEFERRED,
  name            TEXT NOT NULL,
  name_cy         TEXT,
  valid_from      TEXT NOT NULL,
  valid_to        TEXT
) STRICT;
CREATE INDEX pcpg_health_board ON pcpg (health_board_id);

CREATE TABLE cluster (
  id              TEXT PRIMARY KEY NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL,
  health_board_id TEXT NOT NULL REFERENCES health_board (id) DEFERRABLE INITIALLY DEFERRED,
  pcpg_id         TEXT REFERENCES pcpg (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  code            TEXT NOT NULL UNIQUE,
  name            TEXT NOT NULL,
  name_cy         TEXT,
  valid_from      TEXT NOT NULL,
  valid_to        TEXT
) STRICT;
CREATE INDEX cluster_health_board ON cluster (health_board_id);

CREATE TABLE collaborative (
  id          TEXT PRIMARY KEY NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL,
  cluster_id  TEXT NOT NULL REFERENCES cluster (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  profession  TEXT NOT NULL CHECK (profession = 'gp' OR profession = 'dental' OR profession = 'community-pharmacy' OR profession = 'optometry' OR profession = 'community-nursing' OR profession = 'allied-health' OR profession = 'social-care'),
  name        TEXT NOT NULL,
  lead_name   TEXT,
  UNIQUE (cluster_id, profession)
) STRICT;

CREATE TABLE cycle (
  id              TEXT PRIMARY KEY NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL,
  code            TEXT NOT NULL UNIQUE,
  starts_on       TEXT NOT NULL,
  ends_on         TEXT NOT NULL,
  pence_per_point INTEGER NOT NULL DEFAULT 0,
  CHECK (starts_on < ends_on)
) STRICT;

CREATE TABLE indicator (
  id               TEXT PRIMARY KEY NOT NULL,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  updated_by       TEXT NOT NULL,
  cycle_id         TEXT NOT NULL REFERENCES cycle (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  code             TEXT NOT NULL,
  position         INTEGER NOT NULL DEFAULT 0,
  points           INTEGER NOT NULL CHECK (points >= 0),
  rule             TEXT NOT NULL CHECK (rule = 'attendance' OR rule = 'imtp-contribution' OR rule = 'cluster-outcomes'),
  scoring          TEXT NOT NULL DEFAULT 'all-or-nothing' CHECK (scoring IN ('all-or-nothing', 'proportional')),
  threshold        INTEGER NOT NULL DEFAULT 0,
  risk_window_days INTEGER NOT NULL DEFAULT 0,
  title            TEXT NOT NULL,
  title_cy         TEXT,
  description      TEXT NOT NULL,
  description_cy   TEXT,
  UNIQUE (cycle_id, code)
) STRICT;

CREATE TABLE evidence_requirement (
  id             TEXT PRIMARY KEY NOT NULL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  updated_by     TEXT NOT NULL,
  cycle_id       TEXT NOT NULL REFERENCES cycle (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  indicator_id   TEXT REFERENCES indicator (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  kind           TEXT NOT NULL CHECK (kind = 'qi-participation' OR kind = 'peer-review' OR kind = 'incident-discussion' OR kind = 'cgsat' OR kind = 'ig-toolkit' OR kind = 'partnership-working' OR kind = 'demand-capacity' OR kind = 'pna-contribution' OR kind = 'other'),
  mode           TEXT NOT NULL DEFAULT 'upload' CHECK (mode IN ('upload', 'declaration')),
  due_on         TEXT NOT NULL,
  blocking       INTEGER NOT NULL DEFAULT 0 CHECK (blocking IN (0, 1)),
  description    TEXT NOT NULL,
  description_cy TEXT
) STRICT;
CREATE INDEX evidence_requirement_cycle ON evidence_requirement (cycle_id);

-- Practices and what they do ----------------------------------------------

CREATE TABLE practice (
  id                    TEXT PRIMARY KEY NOT NULL,
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  updated_by            TEXT NOT NULL,
  cluster_id            TEXT NOT NULL REFERENCES cluster (id) DEFERRABLE INITIALLY DEFERRED,
  code                  TEXT NOT NULL UNIQUE,
  name                  TEXT NOT NULL,
  partners              INTEGER NOT NULL DEFAULT 0 CHECK (partners >= 0),
  list_size             INTEGER NOT NULL DEFAULT 0 CHECK (list_size >= 0),
  sustainability_issues INTEGER NOT NULL DEFAULT 0 CHECK (sustainability_issues IN (0, 1)),
  branch_surgeries      INTEGER NOT NULL DEFAULT 0 CHECK (branch_surgeries >= 0)
) STRICT;
CREATE INDEX practice_cluster ON practice (cluster_id);

CREATE TABLE meeting (
  id               TEXT PRIMARY KEY NOT NULL,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  updated_by       TEXT NOT NULL,
  collaborative_id TEXT NOT NULL REFERENCES collaborative (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  starts_at        TEXT NOT NULL,
  place            TEXT NOT NULL DEFAULT '',
  status           TEXT NOT NULL CHECK (status = 'planned' OR status = 'held' OR status = 'cancelled'),
  minutes          TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX meeting_collaborative ON meeting (collaborative_id, starts_at);

CREATE TABLE agenda_item (
  id          TEXT PRIMARY KEY NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL,
  meeting_id  TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  section     TEXT NOT NULL CHECK (section = 'welcome' OR section = 'declarations' OR section = 'minutes' OR section = 'matters-arising' OR section = 'decision' OR section = 'information'),
  position    INTEGER NOT NULL DEFAULT 0,
  title       TEXT NOT NULL,
  presenter   TEXT NOT NULL DEFAULT '',
  notes       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX agenda_item_meeting ON agenda_item (meeting_id);

CREATE TABLE action_item (
  id          TEXT PRIMARY KEY NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL,
  meeting_id  TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  description TEXT NOT NULL,
  owner       TEXT NOT NULL,
  due_on      TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status = 'open' OR status = 'in-progress' OR status = 'done'),
  notes       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX action_item_meeting ON action_item (meeting_id);

CREATE TABLE attendance (
  id                  TEXT PRIMARY KEY NOT NULL,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  updated_by          TEXT NOT NULL,
  meeting_id          TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  practice_id         TEXT NOT NULL REFERENCES practice (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  status              TEXT NOT NULL CHECK (status = 'attended' OR status = 'apologies' OR status = 'absent'),
  representative_name TEXT NOT NULL DEFAULT '',
  representative_role TEXT CHECK (representative_role = 'clinical-partner' OR representative_role = 'salaried-gp' OR representative_role = 'other-senior-clinician' OR representative_role = 'practice-manager' OR representative_role = 'senior-administrator' OR representative_role = 'other'),
  notes               TEXT NOT NULL DEFAULT '',
  UNIQUE (meeting_id, practice_id)
) STRICT;
CREATE INDEX attendance_practice ON attendance (practice_id);

CREATE TABLE representation (
  id                  TEXT PRIMARY KEY NOT NULL,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  updated_by          TEXT NOT NULL,
  practice_id         TEXT NOT NULL REFERENCES practice (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  kind                TEXT NOT NULL CHECK (kind IN ('practice-manager', 'alternative')),
  meeting_id          TEXT REFERENCES meeting (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  representative_name TEXT NOT NULL DEFAULT '',
  representative_role TEXT CHECK (representative_role = 'clinical-partner' OR representative_role = 'salaried-gp' OR representative_role = 'other-senior-clinician' OR representative_role = 'practice-manager' OR representative_role = 'senior-administrator' OR representative_role = 'other'),
  starts_on           TEXT,
  ends_on             TEXT,
  status              TEXT NOT NULL CHECK (status = 'requested' OR status = 'agreed' OR status = 'refused' OR status = 'ended'),
  requested_on        TEXT NOT NULL,
  decision_on         TEXT,
  explanation         TEXT NOT NULL DEFAULT '',
  notes               TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX representation_practice ON representation (practice_id);

CREATE TABLE buddy_arrangement (
  id                TEXT PRIMARY KEY NOT NULL,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  updated_by        TEXT NOT NULL,
  small_practice_id TEXT NOT NULL REFERENCES practice (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  buddy_practice_id TEXT NOT NULL REFERENCES practice (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  starts_on         TEXT NOT NULL,
  ends_on           TEXT,
  status            TEXT NOT NULL CHECK (status = 'requested' OR status = 'agreed' OR status = 'refused' OR status = 'ended'),
  requested_on      TEXT NOT NULL,
  decision_on       TEXT,
  explanation       TEXT NOT NULL DEFAULT '',
  notes             TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX buddy_arrangement_small ON buddy_arrangement (small_practice_id);
CREATE INDEX buddy_arrangement_buddy ON buddy_arrangement (buddy_practice_id);

CREATE TABLE buddy_engagement (
  id          TEXT PRIMARY KEY NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL,
  practice_id TEXT NOT NULL REFERENCES practice (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  meeting_id  TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  kind        TEXT NOT NULL CHECK (kind IN ('email-participation', 'comments-to-buddy')),
  recorded_on TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX buddy_engagement_practice ON buddy_engagement (practice_id, meeting_id);
CREATE INDEX buddy_engagement_meeting ON buddy_engagement (meeting_id);

CREATE TABLE evidence (
  id           TEXT PRIMARY KEY NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind = 'qi-participation' OR kind = 'peer-review' OR kind = 'incident-discussion' OR kind = 'cgsat' OR kind = 'ig-toolkit' OR kind = 'partnership-working' OR kind = 'demand-capacity' OR kind = 'pna-contribution' OR kind = 'other'),
  title        TEXT NOT NULL,
  evidence_on  TEXT NOT NULL,
  practice_id  TEXT REFERENCES practice (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  meeting_id   TEXT REFERENCES meeting (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  indicator_id TEXT REFERENCES indicator (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  notes        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX evidence_practice ON evidence (practice_id);
CREATE INDEX evidence_meeting ON evidence (meeting_id);

CREATE TABLE imtp_contribution (
  id           TEXT PRIMARY KEY NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   TEXT NOT NULL,
  practice_id  TEXT NOT NULL REFERENCES practice (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  cycle_id     TEXT NOT NULL REFERENCES cycle (id) DEFERRABLE INITIALLY DEFERRED,
  status       TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
  submitted_on TEXT,
  notes        TEXT NOT NULL DEFAULT '',
  UNIQUE (practice_id, cycle_id)
) STRICT;
CREATE INDEX imtp_contribution_cycle ON imtp_contribution (cycle_id);

CREATE TABLE imtp_section (
  id              TEXT PRIMARY KEY NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL,
  contribution_id TEXT NOT NULL REFERENCES imtp_contribution (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  kind            TEXT NOT NULL CHECK (kind = 'population-needs' OR kind = 'services-gaps' OR kind = 'workforce' OR kind = 'performance' OR kind = 'demand-capacity'),
  status          TEXT NOT NULL CHECK (status = 'not-started' OR status = 'in-progress' OR status = 'complete'),
  body            TEXT NOT NULL DEFAULT '',
  body_cy         TEXT NOT NULL DEFAULT '',
  UNIQUE (contribution_id, kind)
) STRICT;
