-- crm-roi schema, version 9 (part 11): the business case, control series, risk per benefit line,
-- time saved, intangibles.
-- The metric table is rebuilt as in version 4, for the new kind 'hours' (time saved: its hourly
-- cost in minor units and the realisation share) and its new columns: `control_for`, the metric a
-- control series isolates (a control is a kpi, adds no money itself, and one metric has at most one);
-- `risk`, the share of its benefit set aside in the discounted view and the TEI table (NULL: the
-- report's --risk); `owner`, who answers for its planned benefit.

CREATE TABLE metric_new (
  id           INTEGER PRIMARY KEY,
  name         TEXT    NOT NULL UNIQUE CHECK (
    length(name) BETWEEN 1 AND 64 AND name NOT GLOB '[0-9-]*'
    AND name NOT GLOB ('*[' || char(1) || '-,./:-`{-' || char(127) || ']*')),
  kind         TEXT    NOT NULL CHECK (kind = 'revenue' OR kind = 'cost' OR kind = 'count' OR kind = 'kpi' OR kind = 'hours'),
  margin       INTEGER CHECK (margin > 0 AND margin <= 1000000),
  unit_value   INTEGER CHECK (unit_value <> 0),
  target_kind  TEXT    CHECK (target_kind = 'relative' OR target_kind = 'absolute'),
  target_value INTEGER,
  attribution  INTEGER NOT NULL DEFAULT 1000000 CHECK (attribution > 0 AND attribution <= 1000000),
  from_orders  TEXT    CHECK (
    from_orders = 'net-sales' OR from_orders = 'refunds' OR from_orders = 'orders' OR from_orders = 'repeat-orders'
    OR from_orders = 'new-customers' OR from_orders = 'average-order-value'),
  hourly_cost  INTEGER CHECK (hourly_cost > 0),
  realisation  INTEGER CHECK (realisation > 0 AND realisation <= 1000000),
  control_for  INTEGER UNIQUE REFERENCES metric (id) ON DELETE RESTRICT,
  risk         INTEGER CHECK (risk >= 0 AND risk <= 1000000),
  owner        TEXT    CHECK (length(owner) BETWEEN 1 AND 200),
  CHECK ((kind = 'revenue') = (margin IS NOT NULL)),
  CHECK ((kind = 'count') = (unit_value IS NOT NULL)),
  CHECK ((kind = 'hours') = (hourly_cost IS NOT NULL)),
  CHECK ((kind = 'hours') = (realisation IS NOT NULL)),
  CHECK ((target_kind IS NULL) = (target_value IS NULL)),
  CHECK (control_for IS NULL OR (kind = 'kpi' AND control_for <> id))
) STRICT;

INSERT INTO metric_new (id, name, kind, margin, unit_value, target_kind, target_value, attribution, from_orders)
  SELECT id, name, kind, margin, unit_value, target_kind, target_value, attribution, from_orders FROM metric;
DROP TABLE metric;
ALTER TABLE metric_new RENAME TO metric;

-- The planned costs: the columns and rules of `expense`, kept apart so that no actual figure counts them.
CREATE TABLE plan_cost (
  id          INTEGER PRIMARY KEY,
  date        TEXT    NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
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

-- The planned benefit of a metric: `monthly` minor units a month from `from_month`, rising linearly
-- over `ramp` months (month k of the ramp gets k/ramp of it; 0: the whole of it at once).
CREATE TABLE plan_benefit (
  metric_id  INTEGER PRIMARY KEY REFERENCES metric (id) ON DELETE RESTRICT,
  monthly    INTEGER NOT NULL CHECK (monthly > 0),
  from_month TEXT    NOT NULL CHECK (from_month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  ramp       INTEGER NOT NULL CHECK (ramp BETWEEN 0 AND 120)
) STRICT, WITHOUT ROWID;

-- What the CRM brings that is not counted in money (Phillips's intangibles), listed in every report.
CREATE TABLE intangible (
  id   INTEGER PRIMARY KEY,
  text TEXT    NOT NULL CHECK (length(text) BETWEEN 1 AND 500)
) STRICT;
