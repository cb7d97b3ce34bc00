-- crm-roi schema, version 8: where each change was made, the command line or the web app
-- (`crm-roi serve`), so that the history can tell them apart.

ALTER TABLE audit ADD COLUMN origin TEXT NOT NULL DEFAULT 'cli' CHECK (origin = 'cli' OR origin = 'web');
