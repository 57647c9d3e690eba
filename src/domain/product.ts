/**
 * Product identity for systems (issue 18): a shared catalogue of products and vendors — reference
 * data, not any organization's — matched by normalized name, and the opt-in network "Hvem andre
 * bruker dette systemet?". An organization that has not opted in is never listed nor counted; a
 * count below 3 is shown as "færre enn 3".
 */
import { z } from 'zod';
import { LIMITS, uuid } from './organization.ts';
import { optionalText, requiredText } from './validation.ts';
import { message } from './messages.ts';

/** "  Visma   Flyt skole " → "visma flyt skole" (what the database's name_key holds). */
export function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export const SMALL_COUNT = 3;
export const FEWER_THAN_3 = 'færre enn 3';

/** A count of organizations as shown: below 3 it says "færre enn 3". */
export function displayCount(n: number): string {
  return n < SMALL_COUNT ? FEWER_THAN_3 : String(n);
}

const email = (s: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);

export const ProductInputSchema = z.object({ name: requiredText(LIMITS.name), vendorName: optionalText(LIMITS.name) });
export type ProductInput = z.infer<typeof ProductInputSchema>;
export const SystemProductInputSchema = z.object({ productId: uuid.nullable() });
export const NetworkInputSchema = z.object({
  optedIn: z.boolean({ error: 'må være true eller false' }),
  contactName: optionalText(LIMITS.name),
  contactEmail: optionalText(LIMITS.name, { test: email, message: message('emailShort') }),
});
export type NetworkInput = z.infer<typeof NetworkInputSchema>;

export const ProductSchema = z.object({ id: z.uuid(), name: z.string(), vendorId: z.uuid().nullable(), vendorName: z.string().nullable() });
export type Product = z.infer<typeof ProductSchema>;

export const NetworkSchema = z.object({ optedIn: z.boolean(), contactName: z.string().nullable(), contactEmail: z.string().nullable() });
export type Network = z.infer<typeof NetworkSchema>;

export const PeerSchema = z.object({
  organization: z.string(),
  system: z.string(),
  users: z.int().nullable(),
  operator: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
});
export type Peer = z.infer<typeof PeerSchema>;

const PeerGroup = z.object({ count: z.string(), peers: z.array(PeerSchema) });
export const PeersSchema = z.object({
  optedIn: z.boolean(),
  product: ProductSchema.nullable(),
  byProduct: PeerGroup,
  byVendor: PeerGroup,
  byName: PeerGroup,
});
export type Peers = z.infer<typeof PeersSchema>;

export const UsageSchema = z.object({ productId: z.uuid(), product: z.string(), vendor: z.string().nullable(), organizations: z.string() });
export type Usage = z.infer<typeof UsageSchema>;

export interface PeerRow {
  readonly organizationId: string;
  readonly organizationName: string;
  readonly systemName: string;
  readonly productId: string | null;
  readonly vendorId: string | null;
  readonly users: number | null;
  readonly operator: string | null;
  readonly contactName: string | null;
  readonly contactEmail: string | null;
}

/** Groups the opted-in peers: same product, else same vendor, else same system name; counts of organizations as shown. */
export function groupPeers(rows: readonly PeerRow[], product: Product | null, optedIn: boolean): Peers {
  const peer = (r: PeerRow): Peer => ({ organization: r.organizationName, system: r.systemName, users: r.users, operator: r.operator, contactName: r.contactName, contactEmail: r.contactEmail });
  const group = (list: readonly PeerRow[]) => ({ count: displayCount(new Set(list.map((r) => r.organizationId)).size), peers: list.map(peer) });
  const byProduct = rows.filter((r) => product && r.productId === product.id);
  const byVendor = rows.filter((r) => product?.vendorId && r.vendorId === product.vendorId && r.productId !== product.id);
  const byName = rows.filter((r) => !byProduct.includes(r) && !byVendor.includes(r));
  return { optedIn, product, byProduct: group(byProduct), byVendor: group(byVendor), byName: group(byName) };
}
