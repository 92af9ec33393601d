-- migrate:up
CREATE INDEX IF NOT EXISTS idx_documents_search ON documents USING gin (search);

-- migrate:down
DROP INDEX IF EXISTS idx_documents_search;
