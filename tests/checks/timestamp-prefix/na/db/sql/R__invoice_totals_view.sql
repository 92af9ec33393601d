CREATE OR REPLACE VIEW reporting.invoice_totals AS
SELECT customer_id,
       date_trunc('month', issued_at) AS month,
       sum(total_cents)               AS total_cents,
       count(*)                       AS invoices
  FROM billing.invoices
 GROUP BY customer_id, date_trunc('month', issued_at);
