-- One save = one transaction: audit rows carry the transaction id so the log can group them.
-- Old rows keep txid NULL (the log then groups them by their timestamp, which is the
-- transaction's start time). The column is added without a default first so the existing rows
-- are not all stamped with this migration's transaction id.
ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS txid bigint;
--> statement-breakpoint
ALTER TABLE audit_log ALTER COLUMN txid SET DEFAULT txid_current();
--> statement-breakpoint
-- Contracts: a link to the contract document and the archive case number (saksnummer).
ALTER TABLE contracts ADD COLUMN IF NOT EXISTS document_url text;
--> statement-breakpoint
ALTER TABLE contracts ADD COLUMN IF NOT EXISTS case_number text;
--> statement-breakpoint
ALTER TABLE contracts ADD CONSTRAINT contracts_document_url_http CHECK (document_url IS NULL OR document_url ~* '^https?://');
