-- migrate:up
CREATE TABLE coupons (
  id     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code   text NOT NULL UNIQUE
);

CREATE TABLE payments (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id     uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
  bundle_id     uuid REFERENCES bundles (id),
  coupon_id     uuid REFERENCES coupons (id) ON DELETE SET NULL,
  amount_cents  bigint NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- migrate:down
DROP TABLE payments;
DROP TABLE coupons;
