-- Ticket types of an event: price and inventory. available_quantity can never go
-- negative, so an oversell fails with an error (the reservation triggers rely on it).
-- migrate:up
-- The foreign keys take SHARE ROW EXCLUSIVE on the tables they reference: fail fast.
SET LOCAL lock_timeout = '5s';
CREATE TABLE IF NOT EXISTS ticket_types (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
  event_id uuid NOT NULL REFERENCES events (id) ON DELETE RESTRICT,
  name text NOT NULL,
  description text,
  price_cents bigint NOT NULL CHECK (price_cents >= 0),
  quantity integer NOT NULL CHECK (quantity >= 0),
  available_quantity integer NOT NULL,
  reserved_quantity integer NOT NULL DEFAULT 0,
  sold_quantity integer NOT NULL DEFAULT 0,
  min_purchase integer NOT NULL DEFAULT 1,
  max_purchase integer NOT NULL DEFAULT 10,
  sale_start timestamptz NOT NULL,
  sale_end timestamptz NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  metadata jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT ticket_types_available_quantity_check CHECK (available_quantity >= 0),
  CONSTRAINT ticket_types_reserved_quantity_check CHECK (reserved_quantity >= 0),
  CONSTRAINT ticket_types_sold_quantity_check CHECK (sold_quantity >= 0),
  CONSTRAINT ticket_types_inventory_check CHECK (available_quantity + reserved_quantity + sold_quantity <= quantity),
  CONSTRAINT ticket_types_purchase_limits_check CHECK (min_purchase >= 1 AND max_purchase >= min_purchase),
  CONSTRAINT ticket_types_sale_window_check CHECK (sale_end > sale_start),
  CONSTRAINT ticket_types_tenant_event_name_key UNIQUE (tenant_id, event_id, name)
);
CREATE INDEX IF NOT EXISTS idx_ticket_types_event ON ticket_types (event_id);
CREATE INDEX IF NOT EXISTS idx_ticket_types_tenant_active_sale ON ticket_types (tenant_id, is_active, sale_start);

ALTER TABLE ticket_types ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_types FORCE ROW LEVEL SECURITY;
CREATE POLICY ticket_types_tenant_isolation ON ticket_types
  USING (tenant_id = current_setting('app.current_tenant_id', true)::uuid)
  WITH CHECK (tenant_id = current_setting('app.current_tenant_id', true)::uuid);

-- migrate:down
SET LOCAL lock_timeout = '5s';
DROP POLICY IF EXISTS ticket_types_tenant_isolation ON ticket_types;
DROP TABLE IF EXISTS ticket_types;
