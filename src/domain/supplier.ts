/** Suppliers (leverandører) as a register table: the export columns. */
import { z } from 'zod';
import { CONTRACT_TYPES, type Supplier } from './portfolio.ts';
import type { RegisterColumn } from './register.ts';

export const SUPPLIER_COLUMNS: readonly RegisterColumn<Supplier>[] = [
  { key: 'name', nb: 'navn', nn: 'namn', kind: 'text', aliases: ['leverandør'], json: (s) => s.name },
  // Text, so XLSX keeps leading zeros and no thousands grouping.
  { key: 'organizationNumber', nb: 'organisasjonsnummer', nn: 'organisasjonsnummer', kind: 'text', json: (s) => s.organizationNumber },
  { key: 'supportPhone', nb: 'brukerstøtte telefon', nn: 'brukarstøtte telefon', kind: 'text', json: (s) => s.supportPhone },
  { key: 'supportEmail', nb: 'brukerstøtte e-post', nn: 'brukarstøtte e-post', kind: 'text', json: (s) => s.supportEmail },
  { key: 'supportUrl', nb: 'brukerstøtte nettside', nn: 'brukarstøtte nettstad', kind: 'text', json: (s) => s.supportUrl },
  { key: 'note', nb: 'merknad', nn: 'merknad', kind: 'text', json: (s) => s.note },
];

/** What a supplier is linked to in its organization: systems (as vendor or operator) and contracts. */
export const SupplierRelationsSchema = z.object({
  systems: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      vendor: z.boolean(),
      operator: z.boolean(),
    }),
  ),
  contracts: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      type: z.enum(CONTRACT_TYPES),
      endDate: z.string().nullable(),
      system: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    }),
  ),
});
export type SupplierRelations = z.infer<typeof SupplierRelationsSchema>;
