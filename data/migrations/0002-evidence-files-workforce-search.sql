-- 0002-evidence-files-workforce-search.sql
--
-- * An evidence item may carry one file, stored once by its SHA-256 in the
--   attachments folder beside the database; the row keeps what describes it.
-- * The workforce part of an IMTP contribution has counts by role.
-- * A full-text index over practices, meetings, actions, evidence and IMTP
--   text, kept up to date by triggers, so that it is right after every edit,
--   import, undo or sync without anyone remembering to refresh it.

ALTER TABLE evidence ADD COLUMN original_name TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence ADD COLUMN content_type TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence ADD COLUMN size INTEGER NOT NULL DEFAULT 0 CHECK (size >= 0);
ALTER TABLE evidence ADD COLUMN sha256 TEXT NOT NULL DEFAULT '' CHECK (sha256 = '' OR (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'));
ALTER TABLE evidence ADD COLUMN attached_by TEXT NOT NULL DEFAULT '';
CREATE INDEX evidence_sha256 ON evidence (sha256) WHERE sha256 != '';

CREATE TABLE imtp_workforce (
  id              TEXT PRIMARY KEY NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL,
  contribution_id TEXT NOT NULL REFERENCES imtp_contribution (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  role            TEXT NOT NULL CHECK (role = 'gps' OR role = 'nurses' OR role = 'pharmacists' OR role = 'allied-health' OR role = 'administrative'),
  headcount       INTEGER NOT NULL DEFAULT 0 CHECK (headcount >= 0),
  wte             REAL NOT NULL DEFAULT 0 CHECK (wte >= 0),
  UNIQUE (contribution_id, role)
) STRICT;

-- Search ------------------------------------------------------------------
-- search_index holds one document per searchable row; search_map finds the
-- document of a row (FTS5 rowids are integers, our ids are UUIDs).

CREATE VIRTUAL TABLE search_index USING fts5 (
  kind UNINDEXED,
  row_id UNINDEXED,
  title,
  body,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE search_map (
  row_id     TEXT PRIMARY KEY NOT NULL,
  fts_rowid  INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- The text of each kind of row, one view per kind, so the triggers below
-- and a rebuild say the same thing.
CREATE VIEW search_source AS
  SELECT 'practice' AS kind, p.id AS row_id, p.code || ' ' || p.name AS title, '' AS body
    FROM practice p
  UNION ALL
  SELECT 'meeting', m.id, m.place, m.minutes FROM meeting m
  UNION ALL
  SELECT 'action', a.id, a.description, a.owner || ' ' || a.notes FROM action_item a
  UNION ALL
  SELECT 'evidence', e.id, e.title, e.original_name || ' ' || e.notes FROM evidence e
  UNION ALL
  SELECT 'imtp-section', s.id, s.kind, s.body || ' ' || s.body_cy FROM imtp_section s;

-- Keep the index in step with its sources (an update re-indexes a row only
-- when its searchable text changes).

CREATE TRIGGER search_practice_insert AFTER INSERT ON practice BEGIN
  INSERT INTO search_index (kind, row_id, title, body)
    SELECT kind, row_id, title, body FROM search_source WHERE kind = 'practice' AND row_id = NEW.id;
  INSERT OR REPLACE INTO search_map (row_id, fts_rowid) VALUES (NEW.id, last_insert_rowid());
END;

CREATE TRIGGER search_practice_update AFTER UPDATE OF code, name ON practice
  WHEN OLD.code IS NOT NEW.code OR OLD.name IS NOT NEW.name BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT fts_rowid FROM search_map WHERE row_id = OLD.id);
  DELETE FROM search_map WHERE row_id = OLD.id;
  INSERT INTO search_index (kind, row_id, title, body)
    SELECT kind, row_id, title, body FROM search_source WHERE kind = 'practice' AND row_id = NEW.id;
  INSERT OR REPLACE INTO search_map (row_id, fts_rowid) VALUES (NEW.id, last_insert_rowid());
END;

CREATE TRIGGER search_practice_delete AFTER DELETE ON practice BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT fts_rowid FROM search_map WHERE row_id = OLD.id);
  DELETE FROM search_map WHERE row_id = OLD.id;
END;

CREATE TRIGGER search_meeting_insert AFTER INSERT ON meeting BEGIN
  INSERT INTO search_index (kind, row_id, title, body)
    SELECT kind, row_id, title, body FROM search_source WHERE kind = 'meeting' AND row_id = NEW.id;
  INSERT OR REPLACE INTO search_map (row_id, fts_rowid) VALUES (NEW.id, last_insert_rowid());
END;

CREATE TRIGGER search_meeting_update AFTER UPDATE OF place, minutes ON meeting
  WHEN OLD.place IS NOT NEW.place OR OLD.minutes IS NOT NEW.minutes BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT fts_rowid FROM search_map WHERE row_id = OLD.id);
  DELETE FROM search_map WHERE row_id = OLD.id;
  INSERT INTO search_index (kind, row_id, title, body)
    SELECT kind, row_id, title, body FROM search_source WHERE kind = 'meeting' AND row_id = NEW.id;
  INSERT OR REPLACE INTO search_map (row_id, fts_rowid) VALUES (NEW.id, last_insert_rowid());
END;

CREATE TRIGGER search_meeting_delete AFTER DELETE ON meeting BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT fts_rowid FROM search_map WHERE row_id = OLD.id);
  DELETE FROM search_map WHERE row_id = OLD.id;
END;

CREATE TRIGGER search_action_insert AFTER INSERT ON action_item BEGIN
  INSERT INTO search_index (kind, row_id, title, body)
    SELECT kind, row_id, title, body FROM search_source WHERE kind = 'action' AND row_id = NEW.id;
  INSERT OR REPLACE INTO search_map (row_id, fts_rowid) VALUES (NEW.id, last_insert_rowid());
END;

CREATE TRIGGER search_action_update AFTER UPDATE OF description, owner, notes ON action_item
  WHEN OLD.description IS NOT NEW.description OR OLD.owner IS NOT NEW.owner OR OLD.notes IS NOT NEW.notes BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT fts_rowid FROM search_map WHERE row_id = OLD.id);
  DELETE FROM search_map WHERE row_id = OLD.id;
  INSERT INTO search_index (kind, row_id, title, body)
    SELECT kind, row_id, title, body FROM search_source WHERE kind = 'action' AND row_id = NEW.id;
  INSERT OR REPLACE INTO search_map (row_id, fts_rowid) VALUES (NEW.id, last_insert_rowid());
END;

CREATE TRIGGER search_action_delete AFTER DELETE ON action_item BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT fts_rowid FROM search_map WHERE row_id = OLD.id);
  DELETE FROM search_map WHERE row_id = OLD.id;
END;

CREATE TRIGGER search_evidence_insert AFTER INSERT ON evidence BEGIN
  INSERT INTO search_index (kind, row_id, title, body)
    SELECT kind, row_id, title, body FROM search_source WHERE kind = 'evidence' AND row_id = NEW.id;
  INSERT OR REPLACE INTO search_map (row_id, fts_rowid) VALUES (NEW.id, last_insert_rowid());
END;

CREATE TRIGGER search_evidence_update AFTER UPDATE OF title, original_name, notes ON evidence
  WHEN OLD.title IS NOT NEW.title OR OLD.original_name IS NOT NEW.original_name OR OLD.notes IS NOT NEW.notes BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT fts_rowid FROM search_map WHERE row_id = OLD.id);
  DELETE FROM search_map WHERE row_id = OLD.id;
  INSERT INTO search_index (kind, row_id, title, body)
    SELECT kind, row_id, title, body FROM search_source WHERE kind = 'evidence' AND row_id = NEW.id;
  INSERT OR REPLACE INTO search_map (row_id, fts_rowid) VALUES (NEW.id, last_insert_rowid());
END;

CREATE TRIGGER search_evidence_delete AFTER DELETE ON evidence BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT fts_rowid FROM search_map WHERE row_id = OLD.id);
  DELETE FROM search_map WHERE row_id = OLD.id;
END;

CREATE TRIGGER search_imtp_section_insert AFTER INSERT ON imtp_section BEGIN
  INSERT INTO search_index (kind, row_id, title, body)
    SELECT kind, row_id, title, body FROM search_source WHERE kind = 'imtp-section' AND row_id = NEW.id;
  INSERT OR REPLACE INTO search_map (row_id, fts_rowid) VALUES (NEW.id, last_insert_rowid());
END;

CREATE TRIGGER search_imtp_section_update AFTER UPDATE OF kind, body, body_cy ON imtp_section
  WHEN OLD.kind IS NOT NEW.kind OR OLD.body IS NOT NEW.body OR OLD.body_cy IS NOT NEW.body_cy BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT fts_rowid FROM search_map WHERE row_id = OLD.id);
  DELETE FROM search_map WHERE row_id = OLD.id;
  INSERT INTO search_index (kind, row_id, title, body)
    SELECT kind, row_id, title, body FROM search_source WHERE kind = 'imtp-section' AND row_id = NEW.id;
  INSERT OR REPLACE INTO search_map (row_id, fts_rowid) VALUES (NEW.id, last_insert_rowid());
END;

CREATE TRIGGER search_imtp_section_delete AFTER DELETE ON imtp_section BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT fts_rowid FROM search_map WHERE row_id = OLD.id);
  DELETE FROM search_map WHERE row_id = OLD.id;
END;

-- Index what the database holds already.
INSERT INTO search_index (kind, row_id, title, body) SELECT kind, row_id, title, body FROM search_source;
INSERT INTO search_map (row_id, fts_rowid) SELECT row_id, rowid FROM search_index;
