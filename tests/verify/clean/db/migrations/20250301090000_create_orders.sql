-- migrate:up
CREATE TABLE orders (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), tenant_id uuid NOT NULL, total_cents bigint NOT NULL);

-- migrate:down
DROP TABLE orders;
