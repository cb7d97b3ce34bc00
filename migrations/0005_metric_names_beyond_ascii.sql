-- crm-roi schema, version 5: metric names may hold letters beyond ASCII (`coût-retours`).
-- The Swift check (Metric.validateName) is the rule: lower case, a letter first, then letters,
-- digits or '-'. This CHECK is the second guard: 1 to 64 characters, not starting with a digit or
-- '-', and no ASCII character but a-z, 0-9 and '-'. The table is rebuilt as in version 4.

CREATE TABLE metric_new (
  id           INTEGER PRIMARY KEY,
  name         TEXT    NOT NULL UNIQUE CHECK (
    length(name) BETWEEN 1 AND 64 AND name NOT GLOB '[0-9-]*'
    AND name NOT GLOB ('*[' || char(1) || '-,./:-`{-' || char(127) || ']*')),
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
