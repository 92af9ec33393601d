-- migrate:up
CREATE TABLE documents (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id   uuid NOT NULL,
  title       text NOT NULL,
  body        text NOT NULL DEFAULT '',
  search      tsvector,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- migrate:down
DROP TABLE documents;
