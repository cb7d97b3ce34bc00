-- crm-roi schema, version 10 (part 13): each stored order remembers the newest order date of the
-- file that wrote it (`file_newest`, YYYY-MM-DD), so that re-importing an older export never
-- undoes what a newer one wrote (a refund, a cancellation). NULL for orders stored before: any
-- file may replace them.

ALTER TABLE orders ADD COLUMN file_newest TEXT CHECK (file_newest IS NULL OR file_newest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');
