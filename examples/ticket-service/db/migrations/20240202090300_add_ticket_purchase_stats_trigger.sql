-- Purchase statistics: every ticket inserted as active counts one purchase for its holder
-- (users.ticket_purchase_count, added by 20240202090000_add_users_ticket_stats_columns).
-- migrate:up
-- CREATE TRIGGER takes SHARE ROW EXCLUSIVE on tickets.
SET LOCAL lock_timeout = '5s';
CREATE OR REPLACE FUNCTION ticket_count_purchase() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE users
     SET ticket_purchase_count = ticket_purchase_count + 1
   WHERE id = NEW.user_id;
  IF NOT FOUND THEN
    -- The foreign key guarantees the user exists; not seeing it means another tenant's user.
    RAISE EXCEPTION 'ticket %: user % not found in this tenant', NEW.id, NEW.user_id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER tickets_count_purchase
  AFTER INSERT ON tickets
  FOR EACH ROW
  WHEN (NEW.status = 'active')
  EXECUTE FUNCTION ticket_count_purchase();

-- migrate:down
SET LOCAL lock_timeout = '5s';
DROP TRIGGER IF EXISTS tickets_count_purchase ON tickets;
DROP FUNCTION IF EXISTS ticket_count_purchase();
