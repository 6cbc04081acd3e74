-- The anchoring rule: a review marked done shows its juror the others' scores and
-- comments. What it said when first done is kept (`seen_scores`, JSON), reopening it
-- needs a reason (the latest in `reopen_reason`, every one in the audit log), and a
-- review that ends up different is shown as changed after the jury's scores were seen.
ALTER TABLE reviews ADD COLUMN seen_at TEXT;
ALTER TABLE reviews ADD COLUMN seen_scores TEXT;
ALTER TABLE reviews ADD COLUMN reopen_reason TEXT;
