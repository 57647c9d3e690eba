/**
 * Utstyr (issue 17): equipment classes with a default lifetime and unit price per organization,
 * and groups of equipment (class, quantity, purchase year, …). The replacement forecast is in
 * asset-forecast.ts, the spreadsheet import in asset-import.ts.
 *
 * A group's lifetime and unit price are its own when set, otherwise its class's default
 * (`effectiveLifetime`, `effectiveUnitPrice`). A group that has neither is refused on write.
 */
import { z } from 'zod';
import { LIMITS, nameSchema, uuid, version } from './organization.ts';
import { MAX_KRONER, MAX_KRONER_TEXT } from './money.ts';
import { optionalText } from './validation.ts';
import type { RegisterColumn } from './register.ts';
import { message } from './messages.ts';

export const MIN_PURCHASE_YEAR = 1950;
export const MAX_LIFETIME = 50;
export const MAX_QUANTITY = 1_000_000;

/**
 * The classes a new organization starts with (migration 0029 inserts the same list; a test checks
 * that they agree). Each default says where it comes from; a default without a source is blank.
 */
export const DEFAULT_ASSET_CLASSES: ReadonlyArray<{ name: string; lifetime: number | null; unitPrice: number | null; source: string | null }> = [
  { name: 'PC', lifetime: 4, unitPrice: 8500, source: 'Levetid: Måsøy kommune (en PC lever 4 år). Pris: Balsfjord kommune (Pc/skjerm/bærbar 8 500 kr).' },
  { name: 'Bærbar', lifetime: 4, unitPrice: 8500, source: 'Levetid: som PC (Måsøy, 4 år). Pris: Balsfjord kommune (Pc/skjerm/bærbar 8 500 kr).' },
  { name: 'Nettbrett', lifetime: null, unitPrice: null, source: null },
  { name: 'Skjerm', lifetime: null, unitPrice: 8500, source: 'Pris: Balsfjord kommune (Pc/skjerm/bærbar 8 500 kr).' },
  { name: 'Skriver', lifetime: null, unitPrice: null, source: null },
  { name: 'IP-telefon', lifetime: null, unitPrice: null, source: null },
  { name: 'Server', lifetime: 4, unitPrice: null, source: 'Levetid: omtrent 4 år (domeneordlisten, kommunale IKT-planer).' },
  { name: 'Lagring/SAN', lifetime: null, unitPrice: null, source: null },
  { name: 'Switch', lifetime: null, unitPrice: null, source: null },
  { name: 'Brannmur', lifetime: null, unitPrice: null, source: null },
  { name: 'Trådløst aksesspunkt', lifetime: null, unitPrice: null, source: null },
  { name: 'Radiolink', lifetime: null, unitPrice: null, source: null },
  { name: 'Infoskjerm', lifetime: null, unitPrice: null, source: null },
  { name: 'Annet', lifetime: null, unitPrice: null, source: null },
];

export const AssetClassSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  name: z.string(),
  lifetime: z.int().nullable(),
  unitPrice: z.int().nullable(),
  /** Units in the register of this class (derived). */
  quantity: z.int(),
  version: z.int(),
});
export type AssetClass = z.infer<typeof AssetClassSchema>;

export const AssetGroupSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  classId: z.uuid(),
  className: z.string(),
  description: z.string().nullable(),
  quantity: z.int(),
  purchaseYear: z.int(),
  /** The group's own lifetime; null: the class default. */
  lifetime: z.int().nullable(),
  /** The group's own unit price; null: the class default. */
  unitPrice: z.int().nullable(),
  siteId: z.uuid().nullable(),
  siteName: z.string().nullable(),
  systemId: z.uuid().nullable(),
  systemName: z.string().nullable(),
  note: z.string().nullable(),
  version: z.int(),
});
export type AssetGroup = z.infer<typeof AssetGroupSchema>;

const lifetimeSchema = z.int({ error: message('wholeYears') }).min(1, { error: 'må være minst 1 år' }).max(MAX_LIFETIME, { error: `kan være høyst ${MAX_LIFETIME} år` });
const priceSchema = z.int({ error: 'må være et helt antall kroner' }).min(0, { error: 'kan ikke være negativ' }).max(MAX_KRONER, { error: `kan være høyst ${MAX_KRONER_TEXT}` });
const quantitySchema = z.int({ error: message('wholeNumber') }).min(1, { error: 'må være minst 1' }).max(MAX_QUANTITY, { error: `kan være høyst ${MAX_QUANTITY}` });

/** A purchase year from 1950 to this year (`today`'s year): the schema is made per request. */
export function purchaseYearSchema(currentYear: number) {
  return z
    .int({ error: 'må være et årstall' })
    .min(MIN_PURCHASE_YEAR, { error: `må være ${MIN_PURCHASE_YEAR} eller senere` })
    .max(currentYear, { error: message('notAfterThisYear', { year: currentYear }) });
}

export const CreateAssetClassSchema = z.object({
  name: nameSchema,
  lifetime: lifetimeSchema.nullish(),
  unitPrice: priceSchema.nullish(),
});
export type CreateAssetClass = z.infer<typeof CreateAssetClassSchema>;
export const UpdateAssetClassSchema = z.object({ version, ...CreateAssetClassSchema.shape }).partial({ name: true });
export type UpdateAssetClass = z.infer<typeof UpdateAssetClassSchema>;

function groupFields(currentYear: number) {
  return {
    classId: uuid,
    description: optionalText(LIMITS.name),
    quantity: quantitySchema,
    purchaseYear: purchaseYearSchema(currentYear),
    lifetime: lifetimeSchema.nullish(),
    unitPrice: priceSchema.nullish(),
    siteId: uuid.nullish(),
    systemId: uuid.nullish(),
    note: optionalText(LIMITS.text),
  };
}
export const createAssetGroupSchema = (currentYear: number) => z.object(groupFields(currentYear));
export const updateAssetGroupSchema = (currentYear: number) =>
  z.object({ version, ...groupFields(currentYear) }).partial({ classId: true, quantity: true, purchaseYear: true });
/** For the OpenAPI document and types: the schema with no upper year. */
export const CreateAssetGroupSchema = createAssetGroupSchema(9999);
export type CreateAssetGroup = z.infer<typeof CreateAssetGroupSchema>;
export const UpdateAssetGroupSchema = updateAssetGroupSchema(9999);
export type UpdateAssetGroup = z.infer<typeof UpdateAssetGroupSchema>;

export function effectiveLifetime(group: { lifetime: number | null }, cls: { lifetime: number | null } | undefined): number | null {
  return group.lifetime ?? cls?.lifetime ?? null;
}
export function effectiveUnitPrice(group: { unitPrice: number | null }, cls: { unitPrice: number | null } | undefined): number | null {
  return group.unitPrice ?? cls?.unitPrice ?? null;
}

export const MISSING_LIFETIME = 'mangler; klassen har ingen standard levetid';
export const MISSING_PRICE = 'mangler; klassen har ingen standard enhetspris';

/** Field problems of a group against its class (lifetime and price must come from somewhere). */
export function groupDefaultsProblems(group: { lifetime?: number | null | undefined; unitPrice?: number | null | undefined }, cls: { lifetime: number | null; unitPrice: number | null }): Array<{ field: 'lifetime' | 'unitPrice'; message: string }> {
  const out: Array<{ field: 'lifetime' | 'unitPrice'; message: string }> = [];
  if ((group.lifetime ?? null) === null && cls.lifetime === null) out.push({ field: 'lifetime', message: `Levetid ${MISSING_LIFETIME}` });
  if ((group.unitPrice ?? null) === null && cls.unitPrice === null) out.push({ field: 'unitPrice', message: `Enhetspris ${MISSING_PRICE}` });
  return out;
}

/** The measure a class's replacements are written to in the action plan. */
export function replacementTitle(className: string): string {
  return `Utskifting ${className}`;
}

// ---------------------------------------------------------------------------------------------
// The register as a table: columns exactly as issue 17 names them, declared once for import
// headers, export and the web table. The note is not a column (the list has none).

export const ASSET_COLUMNS: readonly RegisterColumn<AssetGroup>[] = [
  { key: 'class', nb: 'klasse', nn: 'klasse', kind: 'text', aliases: ['class', 'utstyrsklasse', 'type'], json: (g) => g.className },
  { key: 'description', nb: 'beskrivelse', nn: 'skildring', kind: 'text', aliases: ['description', 'beskrivelse'], json: (g) => g.description },
  { key: 'quantity', nb: 'antall', nn: 'tal', kind: 'number', aliases: ['quantity', 'antall', 'ant'], json: (g) => g.quantity },
  { key: 'purchaseYear', nb: 'innkjøpsår', nn: 'innkjøpsår', kind: 'number', aliases: ['purchase year', 'innkjopsar', 'kjøpt', 'år'], json: (g) => g.purchaseYear },
  { key: 'lifetime', nb: 'levetid', nn: 'levetid', kind: 'number', aliases: ['lifetime', 'levetid (år)'], json: (g) => g.lifetime },
  { key: 'unitPrice', nb: 'enhetspris', nn: 'einingspris', kind: 'number', aliases: ['unit price', 'enhetspris', 'pris'], json: (g) => g.unitPrice },
  { key: 'site', nb: 'lokasjon', nn: 'lokasjon', kind: 'text', aliases: ['site', 'sted'], json: (g) => g.siteName },
  { key: 'system', nb: 'system', nn: 'system', kind: 'text', aliases: ['system', 'fagsystem'], json: (g) => g.systemName },
];

/** The forecast's query: from and to years (at most 12, as a plan period) and a yearly price change in percent. */
export const ForecastQuerySchema = z
  .object({
    from: z.coerce.number().pipe(z.int({ error: 'må være et årstall' }).min(2000, { error: 'må være 2000 eller senere' }).max(2100, { error: 'må være 2100 eller tidligere' })),
    to: z.coerce.number().pipe(z.int({ error: 'må være et årstall' }).min(2000, { error: 'må være 2000 eller senere' }).max(2100, { error: 'må være 2100 eller tidligere' })),
    priceChange: z.coerce
      .number()
      .pipe(z.number({ error: 'må være et tall' }).min(-50, { error: message('minusFiftyPercent') }).max(100, { error: 'kan være høyst 100 %' }))
      .default(0),
  })
  .refine((v) => v.to >= v.from, { path: ['to'], error: message('notBeforeFromYear') })
  .refine((v) => v.to - v.from <= 11, { path: ['to'], error: 'kan være høyst 12 år etter fra-året' });
