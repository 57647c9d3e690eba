-- The version of a system's software (issue 12: Karlsøy's plan asks which systems run outdated
-- versions): free text such as "4.2.1", optional, at most 50 characters (declared in
-- src/domain/system-fields.ts). The systems table keeps its row-level security and audit trigger.
ALTER TABLE systems ADD COLUMN IF NOT EXISTS software_version text;
