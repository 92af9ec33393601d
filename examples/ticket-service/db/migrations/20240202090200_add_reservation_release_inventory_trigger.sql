-- Releasing: a pending or confirmed reservation that becomes expired or cancelled gives its
-- quantity back to ticket_types.available_quantity and records when it was released.
-- migrate:up
-- CREATE TRIGGER takes SHARE ROW EXCLUSIVE on reservations.
SET LOCAL lock_timeout = '5s';
CREATE OR REPLACE FUNCTION ticket_reservation_release_inventory() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE ticket_types
     SET available_quantity = available_quantity + OLD.quantity,
         reserved_quantity = reserved_quantity - OLD.quantity,
         updated_at = now()
   WHERE id = OLD.ticket_type_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'reservation %: ticket type % not found', OLD.id, OLD.ticket_type_id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  NEW.released_at := COALESCE(NEW.released_at, now());
  RETURN NEW;
END
$$;
CREATE TRIGGER reservations_release_inventory
  BEFORE UPDATE OF status ON reservations
  FOR EACH ROW
  WHEN (OLD.status IN ('pending', 'confirmed') AND NEW.status IN ('expired', 'cancelled'))
  EXECUTE FUNCTION ticket_reservation_release_inventory();

-- migrate:down
SET LOCAL lock_timeout = '5s';
DROP TRIGGER IF EXISTS reservations_release_inventory ON reservations;
DROP FUNCTION IF EXISTS ticket_reservation_release_inventory();
