/**
 * Import of a site list (lokasjoner, e.g. a plan's appendix «Datakommunikasjonslinjer»): pure.
 * `parseSiteTable` reads rows of cell text with SITE_COLUMNS; `planSiteImport` matches the rows
 * with the organization's sites by name (case-insensitive; the stored spelling is kept) and says
 * what to create and change. As in the system import: a column present sets its field (a blank
 * cell clears it), an absent column leaves it, a refused cell is reported and not imported.
 * «Leid Eidsiva» in the ownership column also gives the provider when no provider is given.
 */
import { MAX_PROBLEMS } from './actionplan-import.ts';
import { parseRegisterTable, type ImportProblem, type RegisterTable, type RegisterTableResult } from './register.ts';
import { leasedFrom, SITE_COLUMNS, type LineType, type Ownership, type Site } from './site.ts';

export type SiteValues = Pick<Site, 'users' | 'capacityMbps' | 'lineType' | 'ownership' | 'provider' | 'note'>;
const VALUE_KEYS = ['users', 'capacityMbps', 'lineType', 'ownership', 'provider', 'note'] as const satisfies ReadonlyArray<keyof SiteValues>;
const EMPTY: SiteValues = { users: null, capacityMbps: null, lineType: null, ownership: null, provider: null, note: null };

/** Columns of a printed appendix that carry nothing to store (reported as not used). */
const IGNORED = ['users printed', 'footnote', 'fotnote'];

export function parseSiteTable(rows: readonly string[][]): RegisterTableResult {
  const parsed = parseRegisterTable(SITE_COLUMNS, rows, 'name', { what: 'lokasjonen', ignored: IGNORED });
  if (!parsed.ok) return parsed;
  for (const r of parsed.value.rows) {
    const provider = leasedFrom(r.raw.ownership ?? '');
    if (provider && !r.values.provider) r.values.provider = provider.slice(0, 200);
  }
  return parsed;
}

export interface SiteImportSummaryRow {
  row: number;
  name: string;
  users: number | null;
  capacityMbps: number | null;
  lineType: LineType | null;
  ownership: Ownership | null;
  provider: string | null;
  /** create, update or unchanged. */
  action: 'create' | 'update' | 'unchanged';
}

export interface SiteImportPlan {
  creates: Array<{ name: string } & SiteValues>;
  updates: Array<{ id: string; version: number } & SiteValues>;
  unchanged: number;
  rows: SiteImportSummaryRow[];
  problems: ImportProblem[];
}

export function planSiteImport(table: RegisterTable, existing: readonly Site[]): SiteImportPlan {
  const byName = new Map<string, Site>();
  for (const s of existing) if (!byName.has(s.name.toLowerCase())) byName.set(s.name.toLowerCase(), s);
  const plan: SiteImportPlan = { creates: [], updates: [], unchanged: 0, rows: [], problems: [...table.problems] };
  for (const r of table.rows) {
    const current = byName.get(r.name.toLowerCase());
    const values = Object.fromEntries(
      VALUE_KEYS.map((key) => [key, r.values[key] !== undefined ? r.values[key] : (current ?? EMPTY)[key]]),
    ) as unknown as SiteValues;
    let action: SiteImportSummaryRow['action'] = 'unchanged';
    if (!current) {
      plan.creates.push({ name: r.name, ...values });
      action = 'create';
    } else if (VALUE_KEYS.some((key) => values[key] !== current[key])) {
      plan.updates.push({ id: current.id, version: current.version, ...values });
      action = 'update';
    } else plan.unchanged += 1;
    plan.rows.push({ row: r.row, name: current?.name ?? r.name, users: values.users, capacityMbps: values.capacityMbps, lineType: values.lineType, ownership: values.ownership, provider: values.provider, action });
  }
  plan.problems.sort((a, b) => a.row - b.row);
  plan.problems.splice(MAX_PROBLEMS);
  return plan;
}
