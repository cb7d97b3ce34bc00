-- crm-roi schema, version 10 (part 13): the orders table rebuilt, for two changes its CHECKs need.
-- `source` takes 'prestashop' (PrestaShop's Orders list export). Each stored order remembers the
-- newest order date of the file that wrote it (`file_newest`, YYYY-MM-DD), so that re-importing
-- an older export never undoes what a newer one wrote (a refund, a cancellation); NULL for orders
-- stored before, which any file may replace.

CREATE TABLE orders_new (
  id               INTEGER PRIMARY KEY,
  source           TEXT    NOT NULL CHECK (source = 'shopify' OR source = 'woocommerce' OR source = 'stripe' OR source = 'prestashop' OR source = 'generic'),
  order_id         TEXT    NOT NULL CHECK (length(order_id) BETWEEN 1 AND 256),
  date             TEXT    NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  customer         INTEGER,
  net_amount       INTEGER NOT NULL,
  refunded_amount  INTEGER NOT NULL CHECK (refunded_amount >= 0),
  status           TEXT    NOT NULL CHECK (length(status) <= 64),
  counted          INTEGER NOT NULL CHECK (counted = 0 OR counted = 1),
  file_newest      TEXT    CHECK (file_newest IS NULL OR file_newest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  UNIQUE (source, order_id)
) STRICT;

INSERT INTO orders_new (id, source, order_id, date, customer, net_amount, refunded_amount, status, counted)
  SELECT id, source, order_id, date, customer, net_amount, refunded_amount, status, counted FROM orders;

DROP TABLE orders;
ALTER TABLE orders_new RENAME TO orders;
