-- The ticket types in a bundle. The items belong to their bundle (ON DELETE CASCADE);
-- they have no tenant_id of their own and are isolated through their bundle.
-- migrate:up
-- The foreign keys take SHARE ROW EXCLUSIVE on the tables they reference: fail fast.
SET LOCAL lock_timeout = '5s';
CREATE TABLE IF NOT EXISTS ticket_bundle_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bundle_id uuid NOT NULL REFERENCES ticket_bundles (id) ON DELETE CASCADE,
  ticket_type_id uuid NOT NULL REFERENCES ticket_types (id) ON DELETE RESTRICT,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT ticket_bundle_items_bundle_ticket_type_key UNIQUE (bundle_id, ticket_type_id)
);
CREATE INDEX IF NOT EXISTS idx_ticket_bundle_items_ticket_type ON ticket_bundle_items (ticket_type_id);

-- Row level security through the bundle and the ticket type (both tenant-isolated): a tenant
-- sees only items of its own bundles and cannot attach another tenant's ticket type.
ALTER TABLE ticket_bundle_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_bundle_items FORCE ROW LEVEL SECURITY;
CREATE POLICY ticket_bundle_items_tenant_isolation ON ticket_bundle_items
  USING (EXISTS (SELECT 1 FROM ticket_bundles b
                  WHERE b.id = ticket_bundle_items.bundle_id
                    AND b.tenant_id = current_setting('app.current_tenant_id', true)::uuid))
  WITH CHECK (EXISTS (SELECT 1 FROM ticket_bundles b
                       WHERE b.id = ticket_bundle_items.bundle_id
                         AND b.tenant_id = current_setting('app.current_tenant_id', true)::uuid)
              AND EXISTS (SELECT 1 FROM ticket_types tt
                           WHERE tt.id = ticket_bundle_items.ticket_type_id
                             AND tt.tenant_id = current_setting('app.current_tenant_id', true)::uuid));

-- migrate:down
SET LOCAL lock_timeout = '5s';
DROP POLICY IF EXISTS ticket_bundle_items_tenant_isolation ON ticket_bundle_items;
DROP TABLE IF EXISTS ticket_bundle_items;
