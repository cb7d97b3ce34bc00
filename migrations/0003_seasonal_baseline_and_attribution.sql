-- crm-roi schema, version 3: how the baseline is taken, and each metric's share credited to the CRM.

ALTER TABLE settings ADD COLUMN baseline_method TEXT NOT NULL DEFAULT 'mean'
  CHECK (baseline_method = 'mean' OR baseline_method = 'seasonal');

-- Ten-thousandths of a percent, like margin: 100% = 1000000.
ALTER TABLE metric ADD COLUMN attribution INTEGER NOT NULL DEFAULT 1000000
  CHECK (attribution > 0 AND attribution <= 1000000);
