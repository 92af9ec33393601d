CREATE OR REPLACE VIEW reporting.overdue_invoices AS
SELECT id, customer_id, number, total_cents, due_at
  FROM billing.invoices
 WHERE due_at < now()
   AND paid_at IS NULL;
