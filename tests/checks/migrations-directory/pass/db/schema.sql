SET statement_timeout = 0;
SET lock_timeout = 0;

CREATE TABLE public.carts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    customer_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone
);

CREATE TABLE public.cart_items (
    cart_id uuid NOT NULL,
    product_id uuid NOT NULL,
    quantity integer NOT NULL,
    CONSTRAINT cart_items_quantity_check CHECK ((quantity > 0))
);

CREATE TABLE public.schema_migrations (
    version character varying(128) NOT NULL
);

INSERT INTO public.schema_migrations (version) VALUES
    ('20240701090000'),
    ('20240708090000');
