-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN IF NOT EXISTS public_id uuid NOT NULL DEFAULT gen_random_uuid();

-- migrate:down
SET lock_timeout = '5s';
ALTER TABLE orders DROP COLUMN IF EXISTS public_id;
