-- crm-roi schema, version 2: the audit trail, and expenses that are removed but kept recoverable.

ALTER TABLE expense ADD COLUMN removed_at TEXT;

-- Every change, written in the same transaction as the change itself.
CREATE TABLE audit (
  id        INTEGER PRIMARY KEY,
  at        TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  action    TEXT    NOT NULL CHECK (action = 'init' OR action = 'settings' OR action = 'add' OR action = 'replace'
                                      OR action = 'remove' OR action = 'restore' OR action = 'import'),
  subject   TEXT    NOT NULL,
  old_value TEXT,
  new_value TEXT
) STRICT;
