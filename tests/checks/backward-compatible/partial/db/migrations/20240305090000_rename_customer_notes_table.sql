-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE customer_notes RENAME TO customer_comments;

-- migrate:down
SET lock_timeout = '5s';
ALTER TABLE customer_comments RENAME TO customer_notes;
