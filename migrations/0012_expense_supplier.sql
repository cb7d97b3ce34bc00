-- crm-roi schema, version 12 (part 15): who was paid. `supplier` is an optional name on an expense
-- and on a planned cost, as the invoice or the FEC's CompAuxLib gives it; NULL when not known.
ALTER TABLE expense ADD COLUMN supplier TEXT;
ALTER TABLE plan_cost ADD COLUMN supplier TEXT;
