-- crm-roi schema, version 6: orders from a shop's exports, and metrics whose values derive from them.
-- An order is known by its source and id: re-importing an overlapping export adds nothing and a
-- changed order replaces the stored one. `customer` is SipHash-2-4 of the e-mail or customer id
-- under `settings.customer_key` (16 random bytes, in hex, made with the first import): the file never holds
-- the address itself. `counted` is 0 for a cancelled, canceled or voided order.

CREATE TABLE orders (
  id               INTEGER PRIMARY KEY,
  source           TEXT    NOT NULL CHECK (source = 'shopify' OR source = 'woocommerce' OR source = 'stripe' OR source = 'generic'),
  order_id         TEXT    NOT NULL CHECK (length(order_id) BETWEEN 1 AND 256),
  date             TEXT    NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  customer         INTEGER,
  net_amount       INTEGER NOT NULL,
  refunded_amount  INTEGER NOT NULL CHECK (refunded_amount >= 0),
  status           TEXT    NOT NULL CHECK (length(status) <= 64),
  counted          INTEGER NOT NULL CHECK (counted = 0 OR counted = 1),
  UNIQUE (source, order_id)
) STRICT;

-- Repeat orders and new customers rank each customer's counted orders by date, then order id, at
-- read time; an index for it would cost the import more than it saves a read (bench/run).

ALTER TABLE settings ADD COLUMN customer_key TEXT CHECK (customer_key IS NULL OR (length(customer_key) = 32 AND customer_key NOT GLOB '*[^0-9a-f]*'));

ALTER TABLE metric ADD COLUMN from_orders TEXT CHECK (
    from_orders = 'net-sales' OR from_orders = 'refunds' OR from_orders = 'orders' OR from_orders = 'repeat-orders'
    OR from_orders = 'new-customers' OR from_orders = 'average-order-value');
