/**
 * The layers of src (README "Architecture") and the size of its files, checked on the tree. The
 * rules themselves are in test/support/architecture.ts; the first block shows that they catch
 * wrong imports on a made-up tree.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkLayers,
  formatViolation,
  importCycles,
  importsOf,
  overLongFiles,
  routesReadingEnv,
  type SourceFile,
} from './support/architecture.ts';

const ROOT = join(import.meta.dirname, '..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const allFiles: SourceFile[] = walk(join(ROOT, 'src')).map((path) => ({
  path: relative(ROOT, path).split(sep).join('/'),
  text: readFileSync(path, 'utf8'),
}));
const code = allFiles.filter((f) => /\.(ts|tsx)$/.test(f.path));

const MAX_LINES = 500;
/** Data, not code: i18n catalogues, JSON (demo data, migration journal) and the official kommune list. */
const exempt = (path: string): boolean => path.startsWith('src/domain/i18n/') || path.endsWith('.json') || path === 'src/domain/kommuner.ts';
/**
 * Files that were over MAX_LINES when this check came (issue 12), each at its line count then, so
 * it can shrink but not grow. This list must shrink to empty: split a file (by entity or by
 * section), then lower or remove its entry here. Add nothing to it.
 */
const OVER_LONG_TODAY: Record<string, number> = {
};

describe('the architecture checker (on a made-up tree)', () => {
  it('reports domain importing db as `from → to (rule)`', () => {
    const files: SourceFile[] = [
      { path: 'src/domain/x.ts', text: "import { organizations } from '../db/schema.ts';\nexport const x = 1;\n" },
      { path: 'src/db/schema.ts', text: "import { sql } from 'drizzle-orm';\n" },
    ];
    const lines = checkLayers(files).map(formatViolation);
    expect(lines).toEqual(['src/domain/x.ts → src/db/schema.ts (domain imports only domain, zod)']);
  });

  it('reads every kind of import: static, multi-line, type-only, export-from, side-effect and dynamic; not comments', () => {
    const text = [
      "import a from 'pkg-a';",
      "import type { B } from '../b.ts';",
      'import {',
      '  c,',
      '  d,',
      "} from './c.ts';",
      "export { e } from './e.ts';",
      "export * from './f.ts';",
      "import './g.css';",
      "const h = await import('./h.ts');",
      "type I = import('pkg-i').I;",
      "// const j = await import('./commented.ts');",
      " * import k from './in-a-doc-comment.ts';",
      "const from = 'not an import';",
    ].join('\n');
    expect(importsOf(text).sort()).toEqual(['../b.ts', './c.ts', './e.ts', './f.ts', './g.css', './h.ts', 'pkg-a', 'pkg-i']);
  });

  it('reports every wrong-way edge, drizzle outside db and routes importing routes', () => {
    const files: SourceFile[] = [
      { path: 'src/db/seed.ts', text: "import { hashPassword } from '../api/auth/passwords.ts';" },
      { path: 'src/db/queries/doc.ts', text: "import type { Input } from '../../reports/plan-document.ts';" },
      { path: 'src/api/app.ts', text: "import { sql } from 'drizzle-orm';\nimport type { Database } from '../db/database.ts';" },
      { path: 'src/api/routes/plans.ts', text: "import { OrgParams } from './organizations.ts';\nimport { OrgParams as P } from '../shared.ts';" },
      { path: 'src/web/page.tsx', text: "import { listSystems } from '../db/queries/portfolio.ts';\nimport { useState } from 'react';" },
      { path: 'src/reports/pdf.ts', text: "import { Pool } from 'pg';" },
      { path: 'src/cli/index.ts', text: "import { seedDemo } from '../demo/seed.ts';\nimport { buildApp } from '../api/app.ts';" },
      { path: 'src/demo/seed.ts', text: "import { hashPassword } from '../api/auth/passwords.ts';\nimport { run } from '../cli/index.ts';" },
    ];
    expect(checkLayers(files).map((v) => `${v.from} → ${v.to}`)).toEqual([
      'src/db/seed.ts → src/api/auth/passwords.ts',
      'src/db/queries/doc.ts → src/reports/plan-document.ts',
      'src/api/app.ts → drizzle-orm',
      'src/api/routes/plans.ts → src/api/routes/organizations.ts',
      'src/web/page.tsx → src/db/queries/portfolio.ts',
      'src/reports/pdf.ts → pg',
      'src/demo/seed.ts → src/cli/index.ts',
    ]);
  });

  it('finds an import loop in src/db, type-only and dynamic imports included', () => {
    const files: SourceFile[] = [
      { path: 'src/db/database.ts', text: "const { sync } = await import('./queries/plans.ts');" },
      { path: 'src/db/queries/plans.ts', text: "import type { Tx } from '../database.ts';" },
      { path: 'src/db/queries/sites.ts', text: "import type { Tx } from '../database.ts';" },
    ];
    expect(importCycles(files, 'src/db/')).toEqual([['src/db/database.ts', 'src/db/queries/plans.ts']]);
  });

  it('finds routes that read process.env, and files over the limit or over their allowed count', () => {
    expect(routesReadingEnv([{ path: 'src/api/routes/x.ts', text: 'const t = process.env.VEIKART_TODAY;' }]).map(formatViolation)).toEqual([
      'src/api/routes/x.ts → process.env (routes read configuration from the app options, not process.env)',
    ]);
    const lines = (n: number): string => 'x\n'.repeat(n);
    const files: SourceFile[] = [
      { path: 'src/a.ts', text: lines(501) },
      { path: 'src/b.ts', text: lines(500) },
      { path: 'src/c.ts', text: lines(610) },
      { path: 'src/d.json', text: lines(900) },
    ];
    expect(overLongFiles(files, 500, { 'src/c.ts': 600 }, (p) => p.endsWith('.json'))).toEqual(['src/a.ts: 501 lines (at most 500)', 'src/c.ts: 610 lines (at most 600)']);
  });
});

describe('src', () => {
  it('imports only along the layers (domain ← db, reports ← api ← demo, cli; web ← domain); drizzle and pg only in src/db; routes import no routes', () => {
    expect(code.length).toBeGreaterThan(100);
    const bad = checkLayers(code).map(formatViolation);
    expect(bad, `wrong-way imports:\n${bad.join('\n')}`).toEqual([]);
  });

  it('has no import cycles between the modules of src/db', () => {
    const cycles = importCycles(code, 'src/db/').map((group) => group.join(' ↔ '));
    expect(cycles, `import cycles:\n${cycles.join('\n')}`).toEqual([]);
  });

  it('web reads labels in the interface language through web/labels.ts, never the bokmål records of domain/labels.ts', () => {
    const bad = code
      .filter((f) => f.path.startsWith('src/web/') && f.path !== 'src/web/labels.ts')
      .filter((f) => importsOf(f.text).some((spec) => /(^|\/)domain\/labels(\.ts)?$/.test(spec) || /(^|\/)domain\/i18n\/labels\.(nb|nn)(\.ts)?$/.test(spec)))
      .map((f) => f.path);
    expect(bad, `import labels from src/web/labels.ts instead:\n${bad.join('\n')}`).toEqual([]);
  });

  it("routes don't read process.env (buildApp's options carry configuration, read in main.ts)", () => {
    const bad = routesReadingEnv(code).map(formatViolation);
    expect(bad, bad.join('\n')).toEqual([]);
  });

  it(`has no file over ${MAX_LINES} lines except data files and today's allow-list (which may only shrink)`, () => {
    const long = overLongFiles(allFiles, MAX_LINES, OVER_LONG_TODAY, exempt);
    expect(long, `split these files (README "Contributing"):\n${long.join('\n')}`).toEqual([]);
    // An entry whose file is gone or back within the limit goes, so the list only shrinks.
    const stale = Object.keys(OVER_LONG_TODAY).filter((path) => {
      const file = allFiles.find((f) => f.path === path);
      return !file || overLongFiles([file], MAX_LINES, {}, () => false).length === 0;
    });
    expect(stale, `remove these entries from OVER_LONG_TODAY (gone or at most ${MAX_LINES} lines now)`).toEqual([]);
  });
});
