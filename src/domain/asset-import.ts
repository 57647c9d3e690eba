/**
 * Import of an equipment register from rows of cell text (CSV/XLSX/JSON export), pure.
 *
 * Columns (issue 17): klasse (required; matched by name, case-insensitive; a new name creates a
 * class from the row's levetid and enhetspris), beskrivelse, antall (required), innkjøpsår
 * (required), levetid and enhetspris (optional when the class has them), lokasjon (a site's name)
 * and system (a system's name). The import replaces the organization's asset groups; a file with
 * any problem imports nothing, and each problem names its row and column.
 */
import { cellAt, isBlankRow, Problems, type ImportProblem } from './actionplan-import.ts';
import { ASSET_COLUMNS, MAX_LIFETIME, MAX_QUANTITY, MIN_PURCHASE_YEAR } from './asset.ts';
import { MAX_KRONER, parseKroner } from './money.ts';
import { LIMITS } from './organization.ts';
import { headerIndex, headerKey } from './register.ts';
import { message } from './messages.ts';

export interface KnownClass {
  readonly id: string;
  readonly name: string;
  readonly lifetime: number | null;
  readonly unitPrice: number | null;
}
export interface Named {
  readonly id: string;
  readonly name: string;
}

export interface ImportedGroup {
  row: number;
  /** The class's name as stored (an existing class's spelling, or the new class's). */
  className: string;
  description: string | null;
  quantity: number;
  purchaseYear: number;
  lifetime: number | null;
  unitPrice: number | null;
  siteId: string | null;
  systemId: string | null;
}

export interface AssetImport {
  groups: ImportedGroup[];
  /** Classes to create, from the first row that names them. */
  newClasses: Array<{ name: string; lifetime: number | null; unitPrice: number | null }>;
  /** Rows read, distinct classes used, total units. */
  rows: number;
  classes: number;
  quantity: number;
  problems: ImportProblem[];
}

function wholeNumber(text: string): number | null {
  const t = text.replace(/[\s\u00a0\u202f]/g, '');
  return /^-?\d+$/.test(t) ? Number(t) : null;
}

export function parseAssetTable(rows: readonly string[][], context: { currentYear: number; classes: readonly KnownClass[]; sites: readonly Named[]; systems: readonly Named[] }): AssetImport {
  const out: AssetImport = { groups: [], newClasses: [], rows: 0, classes: 0, quantity: 0, problems: [] };
  const problems = new Problems();
  const index = headerIndex(ASSET_COLUMNS);
  const headerAt = rows.findIndex((row) => row.some((cell) => index.get(headerKey(cell))?.key === 'class'));
  if (headerAt < 0) {
    out.problems.push({ row: 0, column: 'klasse', message: 'Fant ingen overskriftsrad med kolonnen «klasse». Ingenting er importert.' });
    return out;
  }
  const at = new Map<string, number>();
  const header: Record<string, string> = {};
  (rows[headerAt] ?? []).forEach((cell, i) => {
    const text = cell.trim();
    if (text === '') return;
    const column = index.get(headerKey(text));
    if (!column) problems.add(headerAt + 1, text, `Rad ${headerAt + 1}, kolonne «${text}»: kolonnen er ukjent. Bruk klasse, beskrivelse, antall, innkjøpsår, levetid, enhetspris, lokasjon og system.`);
    else if (at.has(column.key)) problems.add(headerAt + 1, text, `Rad ${headerAt + 1}, kolonne «${text}»: kolonnen står flere ganger.`);
    else {
      at.set(column.key, i);
      header[column.key] = text;
    }
  });
  for (const required of ['quantity', 'purchaseYear'] as const) {
    if (!at.has(required)) {
      const name = ASSET_COLUMNS.find((c) => c.key === required)!.nb;
      problems.add(headerAt + 1, name, `Rad ${headerAt + 1}, kolonne «${name}»: kolonnen mangler.`);
    }
  }
  const lower = <T extends Named>(list: readonly T[]) => new Map(list.map((x) => [x.name.trim().toLowerCase(), x]));
  const classes = lower(context.classes);
  const sites = lower(context.sites);
  const systems = lower(context.systems);
  const created = new Map<string, { name: string; lifetime: number | null; unitPrice: number | null }>();
  const used = new Set<string>();

  for (let r = headerAt + 1; r < rows.length; r++) {
    const row = [...(rows[r] ?? [])];
    if (isBlankRow(row)) continue;
    const rowNumber = r + 1;
    const cell = (key: string) => cellAt(row, at.get(key) ?? null);
    const problem = (key: string, message: string) => {
      const column = header[key] ?? ASSET_COLUMNS.find((c) => c.key === key)?.nb ?? key;
      problems.add(rowNumber, column, `Rad ${rowNumber}, kolonne «${column}»: ${message}.`);
    };
    const before = problems.count;
    out.rows += 1;

    const className = cell('class');
    if (className === '') problem('class', 'klassen mangler');
    else if (className.length > LIMITS.name) problem('class', `teksten kan ha høyst ${LIMITS.name} tegn`);

    const quantityText = cell('quantity');
    const quantity = wholeNumber(quantityText);
    if (quantityText === '') problem('quantity', 'antall mangler');
    else if (quantity === null) problem('quantity', `«${quantityText}» er ikke et helt tall`);
    else if (quantity < 1) problem('quantity', `må være minst 1 (fikk ${quantity})`);
    else if (quantity > MAX_QUANTITY) problem('quantity', `kan være høyst ${MAX_QUANTITY}`);

    const yearText = cell('purchaseYear');
    const year = wholeNumber(yearText);
    if (yearText === '') problem('purchaseYear', 'innkjøpsåret mangler');
    else if (year === null) problem('purchaseYear', `«${yearText}» er ikke et årstall`);
    else if (year > context.currentYear) problem('purchaseYear', `${year} er i fremtiden (i år er ${context.currentYear})`);
    else if (year < MIN_PURCHASE_YEAR) problem('purchaseYear', `må være ${MIN_PURCHASE_YEAR} eller senere`);

    const lifetimeText = cell('lifetime');
    const lifetime = lifetimeText === '' ? null : wholeNumber(lifetimeText.replace(/år$/i, ''));
    if (lifetimeText !== '' && lifetime === null) problem('lifetime', `«${lifetimeText}» er ikke et helt antall år`);
    else if (lifetime !== null && (lifetime < 1 || lifetime > MAX_LIFETIME)) problem('lifetime', `må være mellom 1 og ${MAX_LIFETIME} år (fikk ${lifetime})`);

    const priceText = cell('unitPrice');
    const price = priceText === '' ? null : parseKroner(priceText);
    if (priceText !== '' && price === null) problem('unitPrice', `«${priceText}» er ikke et beløp i hele kroner (høyst ${MAX_KRONER})`);
    else if (price !== null && price < 0) problem('unitPrice', `kan ikke være negativ (fikk ${priceText})`);

    const known = className === '' ? undefined : classes.get(className.toLowerCase());
    const fresh = className === '' || known ? undefined : created.get(className.toLowerCase());
    if (className !== '' && !known) {
      const cls = fresh ?? { name: className, lifetime, unitPrice: price };
      if (!fresh && lifetime === null && lifetimeText === '') problem('lifetime', `klassen «${className}» er ny og har ingen standard levetid; oppgi levetid`);
      if (!fresh && price === null && priceText === '') problem('unitPrice', `klassen «${className}» er ny og har ingen standard enhetspris; oppgi enhetspris`);
      if (fresh && lifetime === null && lifetimeText === '' && fresh.lifetime === null) problem('lifetime', `klassen «${className}» har ingen standard levetid; oppgi levetid`);
      if (fresh && price === null && priceText === '' && fresh.unitPrice === null) problem('unitPrice', `klassen «${className}» har ingen standard enhetspris; oppgi enhetspris`);
      if (!fresh) created.set(className.toLowerCase(), cls);
    } else if (known) {
      if (lifetimeText === '' && known.lifetime === null) problem('lifetime', `klassen «${known.name}» har ingen standard levetid; oppgi levetid`);
      if (priceText === '' && known.unitPrice === null) problem('unitPrice', `klassen «${known.name}» har ingen standard enhetspris; oppgi enhetspris`);
    }

    const siteText = cell('site');
    const site = siteText === '' ? null : (sites.get(siteText.toLowerCase()) ?? null);
    if (siteText !== '' && !site) problem('site', `lokasjonen «${siteText}» finnes ikke (legg den inn under Lokasjoner først)`);
    const systemText = cell('system');
    const system = systemText === '' ? null : (systems.get(systemText.toLowerCase()) ?? null);
    if (systemText !== '' && !system) problem('system', `systemet «${systemText}» finnes ikke i porteføljen`);
    const description = cell('description');
    if (description.length > LIMITS.name) problem('description', `teksten kan ha høyst ${LIMITS.name} tegn`);

    if (problems.count > before || quantity === null || year === null) continue;
    const storedName = known?.name ?? created.get(className.toLowerCase())!.name;
    used.add(storedName.toLowerCase());
    out.quantity += quantity;
    out.groups.push({
      row: rowNumber,
      className: storedName,
      description: description === '' ? null : description,
      quantity,
      purchaseYear: year,
      lifetime,
      unitPrice: price,
      siteId: site?.id ?? null,
      systemId: system?.id ?? null,
    });
  }
  out.newClasses = [...created.values()];
  out.classes = used.size;
  out.problems = problems.list;
  if (problems.count > problems.list.length) {
    out.problems.push({ row: 0, column: '', message: message('moreProblems', { count: problems.count - problems.list.length }) });
  }
  return out;
}
