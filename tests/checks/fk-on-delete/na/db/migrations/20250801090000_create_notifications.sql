-- migrate:up
-- Customers and orders belong to other services: their ids are stored without foreign keys.
CREATE TABLE notifications (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id  uuid NOT NULL,
  order_id     uuid,
  channel      text NOT NULL CHECK (channel IN ('email', 'sms', 'push')),
  sent_at      timestamptz
);

CREATE INDEX idx_notifications_customer_id ON notifications (customer_id);

-- migrate:down
DROP TABLE notifications;
