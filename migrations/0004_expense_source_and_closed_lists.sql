-- crm-roi schema, version 4: where an imported expense came from (`source`, e.g. 'fec:AC:000123:2',
-- so that a later import of the same file can skip it), and the closed lists of expense and metric
-- rebuilt to match the Swift enums (ExpenseCategory, Frequency, MetricKind.Name), as a test checks.
-- SQLite cannot change a CHECK in place: both tables are rebuilt by its 12-step procedure
-- (crm-roi runs migrations with foreign keys off and runs PRAGMA foreign_key_check before COMMIT).

CREATE TABLE expense_new (
  id          INTEGER PRIMARY KEY,
  date        TEXT    NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  -- OR chains, not IN lists: an IN list in a CHECK builds a temporary b-tree for every row inserted.
  category    TEXT    NOT NULL CHECK (category = 'license' OR category = 'installation' OR category = 'hardware'
                                      OR category = 'labor' OR category = 'service' OR category = 'training'
                                      OR category = 'maintenance' OR category = 'other'),
  amount      INTEGER NOT NULL CHECK (amount > 0),
  note        TEXT,
  hours_centi INTEGER CHECK (hours_centi > 0),
  rate        INTEGER CHECK (rate > 0),
  every       TEXT    CHECK (every = 'month' OR every = 'quarter' OR every = 'year'),
  until_month TEXT    CHECK (until_month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  removed_at  TEXT,
  source      TEXT,
  CHECK ((hours_centi IS NULL) = (rate IS NULL)),
  CHECK (until_month IS NULL OR every IS NOT NULL),
  CHECK (until_month IS NULL OR until_month >= substr(date, 1, 7))
) STRICT;

INSERT INTO expense_new (id, date, category, amount, note, hours_centi, rate, every, until_month, removed_at)
  SELECT id, date, category, amount, note, hours_centi, rate, every, until_month, removed_at FROM expense;
DROP TABLE expense;
ALTER TABLE expense_new RENAME TO expense;
CREATE INDEX expense_by_date ON expense (date);

CREATE TABLE metric_new (
  id           INTEGER PRIMARY KEY,
  name         TEXT    NOT NULL UNIQUE CHECK (name GLOB '[a-z]*' AND name NOT GLOB '*[^a-z0-9-]*'),
  kind         TEXT    NOT NULL CHECK (kind = 'revenue' OR kind = 'cost' OR kind = 'count' OR kind = 'kpi'),
  margin       INTEGER CHECK (margin > 0 AND margin <= 1000000),
  unit_value   INTEGER CHECK (unit_value <> 0),
  target_kind  TEXT    CHECK (target_kind = 'relative' OR target_kind = 'absolute'),
  target_value INTEGER,
  attribution  INTEGER NOT NULL DEFAULT 1000000 CHECK (attribution > 0 AND attribution <= 1000000),
  CHECK ((kind = 'revenue') = (margin IS NOT NULL)),
  CHECK ((kind = 'count') = (unit_value IS NOT NULL)),
  CHECK ((target_kind IS NULL) = (target_value IS NULL))
) STRICT;

INSERT INTO metric_new (id, name, kind, margin, unit_value, target_kind, target_value, attribution)
  SELECT id, name, kind, margin, unit_value, target_kind, target_value, attribution FROM metric;
DROP TABLE metric;
ALTER TABLE metric_new RENAME TO metric;
