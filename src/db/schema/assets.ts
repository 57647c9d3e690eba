/** Utstyr (migration 0029): equipment classes, groups of equipment, and class → generated measure links. */
import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns.ts';
import { organizations, sites } from './organizations.ts';
import { systems } from './portfolio.ts';

export const assetClasses = pgTable('asset_classes', {
  id: id(),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  name: text('name').notNull(),
  lifetime: integer('lifetime'),
  unitPrice: bigint('unit_price', { mode: 'number' }),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const assetGroups = pgTable(
  'asset_groups',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    // (class_id, organization_id) and (site_id, organization_id) are composite keys (migration 0029).
    classId: uuid('class_id').notNull().references(() => assetClasses.id),
    description: text('description'),
    quantity: integer('quantity').notNull(),
    purchaseYear: integer('purchase_year').notNull(),
    lifetime: integer('lifetime'),
    unitPrice: bigint('unit_price', { mode: 'number' }),
    siteId: uuid('site_id').references(() => sites.id),
    systemId: uuid('system_id').references(() => systems.id, { onDelete: 'set null' }),
    note: text('note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('asset_groups_org').on(t.organizationId, t.classId, t.purchaseYear), index('asset_groups_site').on(t.siteId)],
);

/** A measure generated from a class's forecast, by the measure's lineage (kept by a revision's copy). */
export const assetClassMeasures = pgTable('asset_class_measures', {
  id: id(),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  classId: uuid('class_id').notNull().references(() => assetClasses.id, { onDelete: 'cascade' }),
  lineageId: uuid('lineage_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});
