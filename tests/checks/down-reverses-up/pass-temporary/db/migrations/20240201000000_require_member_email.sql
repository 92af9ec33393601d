-- migrate:up
SET LOCAL lock_timeout = '5s';
-- A temporary CHECK lets SET NOT NULL skip its scan; the up drops it again itself.
ALTER TABLE members ADD CONSTRAINT members_email_not_null CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE members VALIDATE CONSTRAINT members_email_not_null;
ALTER TABLE members ALTER COLUMN email SET NOT NULL;
ALTER TABLE members DROP CONSTRAINT members_email_not_null;

-- migrate:down
SET LOCAL lock_timeout = '5s';
ALTER TABLE members ALTER COLUMN email DROP NOT NULL;
