-- migrate:up
CREATE TABLE gift_bundles (
  id     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name   text NOT NULL
);

CREATE TABLE gift_bundle_items (
  bundle_id  uuid NOT NULL REFERENCES gift_bundles (id) ON DELETE CASCADE,
  sku        text NOT NULL,
  PRIMARY KEY (bundle_id, sku)
);

-- migrate:down
DROP TABLE gift_bundles;
DROP TABLE gift_bundle_items;
