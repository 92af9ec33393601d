-- migrate:up
-- an index name is invisible to application queries
SET lock_timeout = '5s';
ALTER INDEX idx_customers_email RENAME TO customers_email_key;

-- migrate:down
SET lock_timeout = '5s';
ALTER INDEX customers_email_key RENAME TO idx_customers_email;
