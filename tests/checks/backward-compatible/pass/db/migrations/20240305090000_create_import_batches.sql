-- migrate:up
-- a table created and reshaped in the same file: no running code knows it yet
CREATE TABLE import_batch (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source text NOT NULL,
  tmp_flag boolean
);
ALTER TABLE import_batch RENAME TO import_batches;
ALTER TABLE import_batches RENAME COLUMN source TO source_system;
ALTER TABLE import_batches DROP COLUMN tmp_flag;

-- migrate:down
DROP TABLE import_batches;
