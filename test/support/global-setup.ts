/**
 * Once per vitest run: the migrated database templates (see templates.ts). The PGlite tarballs go
 * to a temporary directory; workers get the paths, and the PostgreSQL template's name, by inject().
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createTemplates, dropTemplates } from './templates.ts';

export interface TemplatePaths {
  /** Tarball of a migrated PGlite data directory. */
  readonly pgliteMigrated: string;
  /** The same after seedDemo (browser tests). */
  readonly pgliteSeeded: string;
  /** Name of the migrated PostgreSQL template database (TEST_DATABASE_URL set). */
  readonly postgres: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    veikartTemplates: TemplatePaths;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const templates = await createTemplates();
  const dir = mkdtempSync(join(tmpdir(), 'veikart-templates-'));
  const pgliteMigrated = join(dir, 'migrated.tar');
  const pgliteSeeded = join(dir, 'seeded.tar');
  writeFileSync(pgliteMigrated, templates.pglite.migrated);
  writeFileSync(pgliteSeeded, templates.pglite.seeded);
  project.provide('veikartTemplates', { pgliteMigrated, pgliteSeeded, postgres: templates.postgres ?? null });
  console.log(`Database templates made once for the run in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return async () => {
    await dropTemplates(templates);
    rmSync(dir, { recursive: true, force: true });
  };
}
