/** Risk and security (migration 0028): ROS register, mitigation options, settings, security documents, continuity. */
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { RiskMatrix } from '../../domain/risk-matrix.ts';
import type { OptionLine } from '../../domain/risk.ts';
import { RISK_STATUSES } from '../../domain/risk.ts';
import { DOCUMENT_KINDS } from '../../domain/security-documents.ts';
import { createdAt, id, updatedAt, version } from './columns.ts';
import { organizations } from './organizations.ts';
import { persons, systems } from './portfolio.ts';

/** Per organization: the acceptance matrix and whether readers see the register. No row: defaults. */
export const riskSettings = pgTable('risk_settings', {
  id: id(),
  organizationId: uuid('organization_id').notNull().unique().references(() => organizations.id, { onDelete: 'cascade' }),
  matrix: jsonb('matrix').$type<RiskMatrix>().notNull(),
  readersSee: boolean('readers_see').notNull().default(false),
  version: version(),
  updatedAt: updatedAt(),
});

export const risks = pgTable(
  'risks',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    title: text('title').notNull(),
    siteIds: uuid('site_ids').array().notNull().default(sql`'{}'`),
    systemIds: uuid('system_ids').array().notNull().default(sql`'{}'`),
    hazard: text('hazard'),
    consequenceText: text('consequence_text'),
    controls: text('controls').array().notNull().default(sql`'{}'`),
    probability: integer('probability').notNull(),
    consequence: integer('consequence'),
    dimensions: jsonb('dimensions').$type<Record<string, number>>().notNull().default({}),
    ownerId: uuid('owner_id').references(() => persons.id, { onDelete: 'set null' }),
    status: text('status', { enum: RISK_STATUSES }).notNull().default('open'),
    closeReason: text('close_reason'),
    reviewDate: date('review_date', { mode: 'string' }),
    references: text('references'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('risks_org').on(t.organizationId, t.title, t.id), uniqueIndex('risks_id_org').on(t.id, t.organizationId)],
);

export const riskOptions = pgTable(
  'risk_options',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull(),
    riskId: uuid('risk_id').notNull(),
    position: integer('position').notNull().default(0),
    description: text('description').notNull(),
    lines: jsonb('lines').$type<OptionLine[]>().notNull().default([]),
    residualProbability: integer('residual_probability'),
    residualConsequence: integer('residual_consequence'),
    chosen: boolean('chosen').notNull().default(false),
    /** The lineage of the measure made from the option ("Lag tiltak"); kept across revision copies. */
    measureLineageId: uuid('measure_lineage_id'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [index('risk_options_risk').on(t.riskId, t.position)],
);

export const securityDocuments = pgTable(
  'security_documents',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    title: text('title').notNull(),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    ownerId: uuid('owner_id').references(() => persons.id, { onDelete: 'set null' }),
    adoptedDate: date('adopted_date', { mode: 'string' }),
    reviewMonths: integer('review_months'),
    link: text('link'),
    reference: text('reference'),
    note: text('note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('security_documents_org').on(t.organizationId, t.title, t.id)],
);

export const systemContinuity = pgTable(
  'system_continuity',
  {
    id: id(),
    systemId: uuid('system_id').notNull().unique().references(() => systems.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    backupLocation: text('backup_location'),
    backupFrequency: text('backup_frequency'),
    restoreTested: date('restore_tested', { mode: 'string' }),
    rtoHours: integer('rto_hours'),
    rpoHours: integer('rpo_hours'),
    fallbackSite: boolean('fallback_site'),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [index('system_continuity_org').on(t.organizationId)],
);
