-- 0003-sync.sql: what a copy knows about the copies it syncs with.
--
-- These tables are local to each copy: they are not data tables (no
-- created_at/updated_at/updated_by, so no audit triggers) and are never
-- synced. The model is described in docs/sync.md, the bundle file in
-- docs/sync-format.md.
--
-- Each peer has a base: a snapshot of the data tables as that peer is known
-- to hold them, kept as a file beside the database (NAME.db.sync-base-PEER,
-- mode 0600). The local changes for a peer are the difference between the
-- base and the database. base_generation names the snapshot the database
-- expects, so that a snapshot left behind by a crash is recognised.

CREATE TABLE sync_peer (
  id                 TEXT PRIMARY KEY NOT NULL,  -- the other copy's database-id
  name               TEXT NOT NULL,              -- how people know it
  lineage_id         TEXT NOT NULL,              -- shared by both copies since one was made from the other
  scope              TEXT NOT NULL CHECK (scope IN ('all', 'cluster')),  -- what the peer holds and may change
  scope_id           TEXT,
  made_at            TEXT NOT NULL,
  base_generation    TEXT NOT NULL,
  out_seq            INTEGER NOT NULL DEFAULT 0,  -- the last bundle made for the peer
  confirmed_seq      INTEGER NOT NULL DEFAULT 0,  -- the last of those the peer has applied
  in_seq             INTEGER NOT NULL DEFAULT 0,  -- the last bundle of the peer's applied here
  in_bundle_id       TEXT,
  in_unanswered      INTEGER NOT NULL DEFAULT 0,  -- that bundle carried changes not yet acknowledged
  last_export_at     TEXT,
  last_import_at     TEXT,
  last_import_author TEXT,
  CHECK ((scope = 'all') = (scope_id IS NULL))
) STRICT;

-- The bundles made for each peer; the changeset is kept until the peer
-- confirms it has applied it (it then becomes part of the base).
CREATE TABLE sync_sent (
  peer_id          TEXT NOT NULL REFERENCES sync_peer (id) ON DELETE CASCADE,
  seq              INTEGER NOT NULL,
  bundle_id        TEXT NOT NULL UNIQUE,
  made_at          TEXT NOT NULL,
  changeset_sha256 TEXT NOT NULL,
  changeset        BLOB,
  PRIMARY KEY (peer_id, seq)
) STRICT;

-- Every bundle applied here, so that none is applied twice.
CREATE TABLE sync_applied (
  bundle_id   TEXT PRIMARY KEY NOT NULL,
  peer_id     TEXT NOT NULL,
  seq         INTEGER NOT NULL,
  author      TEXT NOT NULL,
  made_at     TEXT NOT NULL,
  applied_at  TEXT NOT NULL,
  applied_by  TEXT NOT NULL,
  n_changes   INTEGER NOT NULL,
  n_conflicts INTEGER NOT NULL
) STRICT;

-- What of the peer's last bundle was not applied here (column '' for a
-- whole row), reported back with the acknowledgement so that the peer's
-- base does not take it for granted.
CREATE TABLE sync_rejected (
  peer_id     TEXT NOT NULL REFERENCES sync_peer (id) ON DELETE CASCADE,
  table_name  TEXT NOT NULL,
  row_id      TEXT NOT NULL,
  column_name TEXT NOT NULL,
  PRIMARY KEY (peer_id, table_name, row_id, column_name)
) STRICT, WITHOUT ROWID;

-- Conflicts found while applying a peer's bundle. A field conflict keeps
-- the three values; a row conflict keeps both rows as JSON (NULL for a row
-- that is not there). The local value stays until the conflict is resolved.
CREATE TABLE sync_conflict (
  id           TEXT PRIMARY KEY NOT NULL,
  peer_id      TEXT NOT NULL REFERENCES sync_peer (id) ON DELETE CASCADE,
  bundle_id    TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('field', 'deleted-theirs', 'deleted-mine',
                 'duplicate', 'rule', 'parent-missing')),
  table_name   TEXT NOT NULL,
  row_id       TEXT NOT NULL,
  column_name  TEXT NOT NULL DEFAULT '',
  base_value   ANY,
  mine_value   ANY,
  theirs_value ANY,
  mine_row     TEXT,
  theirs_row   TEXT,
  mine_by      TEXT,
  mine_at      TEXT,
  theirs_by    TEXT,
  theirs_at    TEXT,
  author       TEXT NOT NULL,
  message      TEXT NOT NULL DEFAULT '',
  detected_at  TEXT NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('open', 'resolved', 'settled')),
  resolution   TEXT CHECK (resolution IN ('mine', 'theirs', 'value', 'peer', 'applied')),
  resolved_by  TEXT,
  resolved_at  TEXT,
  sent_seq     INTEGER,                 -- the first bundle that told the peer
  confirmed    INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1))
) STRICT;
CREATE INDEX sync_conflict_key ON sync_conflict (peer_id, table_name, row_id, column_name);
CREATE INDEX sync_conflict_state ON sync_conflict (state);

-- What a resolution decided, row by row (or field by field), told to the
-- peer until it confirms, so that its copy of the conflict is settled too.
CREATE TABLE sync_settled (
  conflict_id TEXT NOT NULL REFERENCES sync_conflict (id) ON DELETE CASCADE,
  peer_id     TEXT NOT NULL REFERENCES sync_peer (id) ON DELETE CASCADE,
  table_name  TEXT NOT NULL,
  row_id      TEXT NOT NULL,
  column_name TEXT NOT NULL,
  value_json  TEXT NOT NULL,
  PRIMARY KEY (conflict_id, table_name, row_id, column_name)
) STRICT, WITHOUT ROWID;
