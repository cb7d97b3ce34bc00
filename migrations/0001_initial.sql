-- crm-roi schema, version 1.
-- Money is INTEGER minor units of settings.currency; metric values are INTEGER ten-thousandths;
-- percents are INTEGER ten-thousandths of a percent (35% = 350000). Months are 'YYYY-MM' text.

CREATE TABLE settings (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  currency          TEXT    NOT NULL CHECK (length(currency) = 3 AND currency GLOB '[A-Z][A-Z][A-Z]'),
  minor_units       INTEGER NOT NULL CHECK (minor_units IN (0, 2, 3)),
  go_live           TEXT    NOT NULL CHECK (go_live GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  baseline_months   INTEGER NOT NULL CHECK (baseline_months BETWEEN 1 AND 120),
  horizon_years     INTEGER NOT NULL CHECK (horizon_years BETWEEN 1 AND 50),
  fiscal_year_start INTEGER NOT NULL CHECK (fiscal_year_start BETWEEN 1 AND 12),
  is_demo           INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1))
) STRICT;

CREATE TABLE expense (
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
  CHECK ((hours_centi IS NULL) = (rate IS NULL)),
  CHECK (until_month IS NULL OR every IS NOT NULL),
  CHECK (until_month IS NULL OR until_month >= substr(date, 1, 7))
) STRICT;

CREATE INDEX expense_by_date ON expense (date);

CREATE TABLE metric (
  id           INTEGER PRIMARY KEY,
  name         TEXT    NOT NULL UNIQUE CHECK (name GLOB '[a-z]*' AND name NOT GLOB '*[^a-z0-9-]*'),
  kind         TEXT    NOT NULL CHECK (kind IN ('revenue', 'cost', 'count', 'kpi')),
  margin       INTEGER CHECK (margin > 0 AND margin <= 1000000),
  unit_value   INTEGER CHECK (unit_value <> 0),
  target_kind  TEXT    CHECK (target_kind IN ('relative', 'absolute')),
  target_value INTEGER,
  CHECK ((kind = 'revenue') = (margin IS NOT NULL)),
  CHECK ((kind = 'count') = (unit_value IS NOT NULL)),
  CHECK ((target_kind IS NULL) = (target_value IS NULL))
) STRICT;

CREATE TABLE snapshot (
  metric_id INTEGER NOT NULL REFERENCES metric (id) ON DELETE RESTRICT,
  month     TEXT    NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  value     INTEGER NOT NULL,
  PRIMARY KEY (metric_id, month)
) STRICT, WITHOUT ROWID;

CREATE INDEX snapshot_by_month ON snapshot (month);
