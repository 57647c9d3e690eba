-- A user's own interface language (issue 12): bokmål or nynorsk; NULL follows the organization's.
-- The users table keeps its row-level security and audit trigger (0001); the column needs none of its own.
ALTER TABLE users ADD COLUMN IF NOT EXISTS language text;
--> statement-breakpoint
ALTER TABLE users ADD CONSTRAINT users_language_known CHECK (language IS NULL OR language IN ('nb', 'nn'));
