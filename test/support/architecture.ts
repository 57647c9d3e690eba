/**
 * The layer rules of src (README "Architecture"), as pure functions of a list of files and their
 * text, so test/architecture.test.ts can run them on the real tree and on a synthetic one.
 *
 *   domain  → domain, zod
 *   db      → db, domain; drizzle-orm, pg, @electric-sql/pglite, node: builtins
 *   reports → reports, domain; its rendering libraries, node: builtins
 *   api     → api, db, reports, domain; fastify and its plugins, node: builtins
 *   web     → web, domain; react, designsystemet …
 *   demo, cli, main.ts → anything below them (not web)
 *   drizzle and pg only in src/db; routes don't import other routes; no import cycles in src/db.
 */
import { posix } from 'node:path';

export interface SourceFile {
  /** Path from the repository root with forward slashes, e.g. `src/db/schema.ts`. */
  readonly path: string;
  readonly text: string;
}

export interface Violation {
  readonly from: string;
  /** A file path for an import inside the repository, else the package name (`drizzle-orm`, `node:fs`). */
  readonly to: string;
  readonly rule: string;
}

export const formatViolation = (v: Violation): string => `${v.from} → ${v.to} (${v.rule})`;

type Layer = 'domain' | 'db' | 'reports' | 'api' | 'web' | 'demo' | 'cli' | 'main';

const INTERNAL: Record<Layer, readonly Layer[]> = {
  domain: ['domain'],
  db: ['db', 'domain'],
  reports: ['reports', 'domain'],
  api: ['api', 'db', 'reports', 'domain'],
  web: ['web', 'domain'],
  demo: ['demo', 'api', 'db', 'reports', 'domain'],
  cli: ['cli', 'demo', 'api', 'db', 'reports', 'domain'],
  main: ['cli', 'demo', 'api', 'db', 'reports', 'domain'],
};

const NODE = 'node: builtins';
const PACKAGES: Record<Layer, readonly string[]> = {
  domain: ['zod'],
  db: ['drizzle-orm', 'pg', '@electric-sql/pglite', NODE],
  reports: ['docx', 'echarts', 'exceljs', 'csv-parse', '@myriaddreamin/typst-ts-node-compiler', 'zod', NODE],
  api: ['fastify', '@fastify/*', 'fastify-type-provider-zod', 'helmet', '@node-rs/argon2', 'openid-client', 'zod', NODE],
  web: ['react', 'react-dom', 'react-router', '@digdir/*', '@fontsource/*', 'zod'],
  demo: ['zod', NODE],
  cli: ['zod', NODE],
  main: [NODE],
};
/** Test files inside src (src/domain/*.test.ts) may use the test libraries too. */
const TEST_PACKAGES = ['vitest', 'fast-check', NODE];

const DB_ONLY = new Set(['drizzle-orm', 'pg', '@electric-sql/pglite']);

function layerOf(path: string): Layer | null {
  if (path === 'src/main.ts') return 'main';
  const m = /^src\/(domain|db|reports|api|web|demo|cli)\//.exec(path);
  return m ? (m[1] as Layer) : null;
}

/** Every module specifier a file imports: `import … from`, `export … from`, `import '…'`, `import(…)`, `import type`. */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  const staticImport = /^[ \t]*(?:import|export)\b[^;'"`]*?\bfrom\s*['"]([^'"\n]+)['"]/gm;
  const bareImport = /^[ \t]*import\s*['"]([^'"\n]+)['"]/gm;
  const dynamicImport = /\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g;
  for (const m of text.matchAll(staticImport)) found.push(m[1]!);
  for (const m of text.matchAll(bareImport)) found.push(m[1]!);
  for (const m of text.matchAll(dynamicImport)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const line = text.slice(lineStart, m.index).trimStart();
    if (line.startsWith('//') || line.startsWith('*') || line.startsWith('/*')) continue; // a comment
    found.push(m[1]!);
  }
  return found;
}

/** A relative specifier as a repository path; a package specifier as its package name (`@scope/name`, `node:fs`). */
export function resolveImport(from: string, specifier: string): { kind: 'file' | 'package'; name: string } {
  if (specifier.startsWith('.')) return { kind: 'file', name: posix.normalize(posix.join(posix.dirname(from), specifier)) };
  if (specifier.startsWith('node:')) return { kind: 'package', name: specifier };
  const parts = specifier.split('/');
  return { kind: 'package', name: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]! };
}

function packageAllowed(allowed: readonly string[], name: string): boolean {
  return allowed.some((a) => (a === NODE ? name.startsWith('node:') : a.endsWith('/*') ? name.startsWith(a.slice(0, -1)) : a === name));
}

function describeLayer(layer: Layer): string {
  const packages = PACKAGES[layer];
  return `${layer} imports only ${[...INTERNAL[layer], ...packages].join(', ')}`;
}

const isRoute = (path: string): boolean => path.startsWith('src/api/routes/');

/** Every import of a file in src that breaks a layer rule. */
export function checkLayers(files: readonly SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    const layer = layerOf(file.path);
    if (!layer) continue;
    for (const specifier of importsOf(file.text)) {
      const target = resolveImport(file.path, specifier);
      if (target.kind === 'package') {
        if (DB_ONLY.has(target.name) && layer !== 'db') {
          violations.push({ from: file.path, to: target.name, rule: 'drizzle and pg only in src/db' });
        } else if (!packageAllowed(PACKAGES[layer], target.name) && !(file.path.endsWith('.test.ts') && packageAllowed(TEST_PACKAGES, target.name))) {
          violations.push({ from: file.path, to: target.name, rule: describeLayer(layer) });
        }
        continue;
      }
      const targetLayer = layerOf(target.name);
      if (!targetLayer || !INTERNAL[layer].includes(targetLayer)) {
        violations.push({ from: file.path, to: target.name, rule: describeLayer(layer) });
      } else if (isRoute(file.path) && isRoute(target.name) && target.name !== file.path) {
        violations.push({ from: file.path, to: target.name, rule: "routes don't import other routes (shared params go in src/api/shared.ts)" });
      }
    }
  }
  return violations;
}

/** The import cycles among files under `dir`: each group of files that import one another, directly or not (`import type` too). */
export function importCycles(files: readonly SourceFile[], dir: string): string[][] {
  const inDir = files.filter((f) => f.path.startsWith(dir));
  const known = new Set(inDir.map((f) => f.path));
  const edges = new Map<string, string[]>();
  for (const f of inDir) {
    const targets = importsOf(f.text)
      .map((s) => resolveImport(f.path, s))
      .filter((t) => t.kind === 'file' && known.has(t.name))
      .map((t) => t.name);
    edges.set(f.path, [...new Set(targets)]);
  }
  // Tarjan's strongly connected components.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (edges.get(v) ?? []).includes(v)) groups.push(group.reverse());
    }
  };
  for (const v of [...known].sort()) if (!index.has(v)) visit(v);
  return groups;
}

/** Files under src/api/routes that read process.env: the app's options (buildApp) carry configuration instead. */
export function routesReadingEnv(files: readonly SourceFile[]): Violation[] {
  return files
    .filter((f) => isRoute(f.path) && /\bprocess\.env\b/.test(f.text))
    .map((f) => ({ from: f.path, to: 'process.env', rule: 'routes read configuration from the app options, not process.env' }));
}

/** Files over `limit` lines that are not exempt; a file on `allowed` may not grow past its listed count. */
export function overLongFiles(
  files: ReadonlyArray<SourceFile>,
  limit: number,
  allowed: Readonly<Record<string, number>>,
  exempt: (path: string) => boolean,
): string[] {
  const problems: string[] = [];
  for (const f of files) {
    if (exempt(f.path)) continue;
    const lines = f.text.split('\n').length - (f.text.endsWith('\n') ? 1 : 0);
    const ceiling = allowed[f.path] ?? limit;
    if (lines > ceiling) problems.push(`${f.path}: ${lines} lines (at most ${ceiling})`);
  }
  return problems;
}
