/**
 * The shared catalogue of products and vendors (migration 0030): REFERENCE DATA, NOT ANY
 * ORGANIZATION'S. Everybody signed in reads it; any editor adds to it (`added_by` is for the audit
 * trail only). Systems name their product through system_products; product_network holds each
 * organization's opt-in to "Hvem andre bruker dette systemet?".
 */
import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.ts';
import { organizations } from './organizations.ts';
import { systems } from './portfolio.ts';

const nameKey = (column: string) => text('name_key').generatedAlwaysAs(sql.raw(`lower(regexp_replace(btrim(${column}), '\\s+', ' ', 'g'))`));

export const vendors = pgTable('vendors', {
  id: id(),
  name: text('name').notNull(),
  nameKey: nameKey('name'),
  addedBy: uuid('added_by').references(() => organizations.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

export const products = pgTable('products', {
  id: id(),
  name: text('name').notNull(),
  nameKey: nameKey('name'),
  vendorId: uuid('vendor_id').references(() => vendors.id),
  addedBy: uuid('added_by').references(() => organizations.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

export const systemProducts = pgTable('system_products', {
  /** The audit trail's record id. */
  id: uuid('id').notNull().unique().defaultRandom(),
  systemId: uuid('system_id')
    .primaryKey()
    .references(() => systems.id, { onDelete: 'cascade' }),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  productId: uuid('product_id').notNull().references(() => products.id),
});

export const productNetwork = pgTable('product_network', {
  id: uuid('id').notNull().unique().defaultRandom(),
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  contactName: text('contact_name'),
  contactEmail: text('contact_email'),
  optedInAt: timestamp('opted_in_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});
