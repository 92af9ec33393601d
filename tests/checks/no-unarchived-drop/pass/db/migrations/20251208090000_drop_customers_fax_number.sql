-- migrate:up
CREATE SCHEMA IF NOT EXISTS archive;
CREATE TABLE archive.customers_fax_number AS
  SELECT id, fax_number FROM customers WHERE fax_number IS NOT NULL;
ALTER TABLE customers DROP COLUMN IF EXISTS fax_number;

-- migrate:down
ALTER TABLE customers ADD COLUMN IF NOT EXISTS fax_number text;
UPDATE customers c SET fax_number = a.fax_number
  FROM archive.customers_fax_number a WHERE a.id = c.id;
