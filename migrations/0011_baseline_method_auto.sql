-- crm-roi schema, version 11 (part 14): `baseline_method` takes 'auto', a new database's setting:
-- each report takes the seasonal baseline when a money metric's months before go-live have a
-- calendar month that stands out and enough values of each, the mean otherwise. SQLite cannot
-- change a CHECK in place, so the table is rebuilt; existing databases keep their setting.

CREATE TABLE settings_new (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  currency          TEXT    NOT NULL CHECK (length(currency) = 3 AND currency GLOB '[A-Z][A-Z][A-Z]'),
  minor_units       INTEGER NOT NULL CHECK (minor_units IN (0, 2, 3)),
  go_live           TEXT    NOT NULL CHECK (go_live GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  baseline_months   INTEGER NOT NULL CHECK (baseline_months BETWEEN 1 AND 120),
  horizon_years     INTEGER NOT NULL CHECK (horizon_years BETWEEN 1 AND 50),
  fiscal_year_start INTEGER NOT NULL CHECK (fiscal_year_start BETWEEN 1 AND 12),
  is_demo           INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
  baseline_method   TEXT    NOT NULL DEFAULT 'auto'
    CHECK (baseline_method = 'mean' OR baseline_method = 'seasonal' OR baseline_method = 'auto'),
  customer_key      TEXT    CHECK (customer_key IS NULL OR (length(customer_key) = 32 AND customer_key NOT GLOB '*[^0-9a-f]*')),
  language          TEXT    CHECK (language IS NULL OR language = 'en' OR language = 'fr')
) STRICT;

INSERT INTO settings_new (id, currency, minor_units, go_live, baseline_months, horizon_years, fiscal_year_start, is_demo,
                          baseline_method, customer_key, language)
  SELECT id, currency, minor_units, go_live, baseline_months, horizon_years, fiscal_year_start, is_demo,
         baseline_method, customer_key, language FROM settings;

DROP TABLE settings;
ALTER TABLE settings_new RENAME TO settings;
