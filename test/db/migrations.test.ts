/**
 * Migrations are hand-written SQL (README "Migrations"): src/db/migrations/NNNN_name.sql plus an
 * entry in meta/_journal.json, which drizzle's migrator reads to know what to run and in what
 * order. It skips a file without an entry silently, and runs only entries whose `when` is later
 * than the last one applied, so the two must match one to one, in order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../src/db/database.ts';

interface JournalEntry {
  idx: number;
  version: string;
  when: number;
  tag: string;
  breakpoints: boolean;
}

const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { dialect: string; entries: JournalEntry[] };
const sqlFiles = readdirSync(MIGRATIONS_DIR)
  .filter((name) => name.endsWith('.sql'))
  .sort();

describe('migrations and their journal', () => {
  it('has exactly one journal entry per .sql file and one file per entry, in the same order', () => {
    expect(sqlFiles.length).toBeGreaterThan(20);
    expect(journal.entries.map((e) => `${e.tag}.sql`)).toEqual(sqlFiles);
  });

  it('numbers the entries 0, 1, 2, … as their file names do, with `when` rising', () => {
    expect(journal.dialect).toBe('postgresql');
    journal.entries.forEach((entry, i) => {
      expect(entry.idx, entry.tag).toBe(i);
      expect(entry.tag, entry.tag).toMatch(/^\d{4}_[a-z0-9_]+$/);
      expect(Number(entry.tag.slice(0, 4)), entry.tag).toBe(i);
      expect(entry.version, entry.tag).toBe('7');
      expect(entry.breakpoints, entry.tag).toBe(true);
      if (i > 0) expect(entry.when, `${entry.tag}: "when" must be later than the entry before`).toBeGreaterThan(journal.entries[i - 1]!.when);
    });
  });

  it('keeps no drizzle-kit snapshots (they stopped at 0015; the SQL files are the only schema history)', () => {
    expect(readdirSync(join(MIGRATIONS_DIR, 'meta'))).toEqual(['_journal.json']);
  });
});
