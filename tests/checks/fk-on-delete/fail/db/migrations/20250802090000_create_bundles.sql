-- migrate:up
CREATE TABLE bundles (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id   uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
  name        text NOT NULL
);

-- Items exist only as part of their bundle: deleting the bundle deletes them.
CREATE TABLE bundle_items (
  bundle_id   uuid NOT NULL REFERENCES bundles (id) ON DELETE CASCADE,
  sku         text NOT NULL,
  quantity    integer NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (bundle_id, sku)
);

-- migrate:down
DROP TABLE bundle_items;
DROP TABLE bundles;
