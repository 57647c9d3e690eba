/**
 * Follow-up of a plan (migration 0030): benefits per measure (plan text, guarded once adopted),
 * their measured values and dated status reports (follow-up, recorded after adoption too).
 */
import { bigint, date, foreignKey, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { BENEFIT_DISPOSITIONS, BENEFIT_KINDS, type BenefitTarget } from '../../domain/benefit.ts';
import { REPORT_STATUSES } from '../../domain/followup.ts';
import { createdAt, id, updatedAt, version } from './columns.ts';
import { measures } from './plan.ts';
import { organizations } from './organizations.ts';

export const benefits = pgTable(
  'benefits',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    revisionId: uuid('revision_id').notNull(),
    measureId: uuid('measure_id').notNull(),
    lineageId: uuid('lineage_id').notNull().defaultRandom(),
    position: integer('position').notNull().default(0),
    kind: text('kind', { enum: BENEFIT_KINDS }).notNull(),
    indicator: text('indicator').notNull(),
    unit: text('unit'),
    baseline: bigint('baseline', { mode: 'number' }),
    owner: text('owner'),
    disposition: text('disposition', { enum: BENEFIT_DISPOSITIONS }),
    targets: jsonb('targets').$type<BenefitTarget[]>().notNull().default([]),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('benefits_revision').on(t.revisionId, t.position),
    uniqueIndex('benefits_id_revision_org').on(t.id, t.revisionId, t.organizationId),
    foreignKey({ name: 'benefits_measure_fk', columns: [t.measureId, t.revisionId, t.organizationId], foreignColumns: [measures.id, measures.revisionId, measures.organizationId] }).onDelete('cascade'),
  ],
);

export const benefitResults = pgTable(
  'benefit_results',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    revisionId: uuid('revision_id').notNull(),
    benefitId: uuid('benefit_id').notNull(),
    year: integer('year').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
    comment: text('comment'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('benefit_results_benefit_year').on(t.benefitId, t.year),
    index('benefit_results_revision').on(t.revisionId),
    foreignKey({ name: 'benefit_results_benefit_fk', columns: [t.benefitId, t.revisionId, t.organizationId], foreignColumns: [benefits.id, benefits.revisionId, benefits.organizationId] }).onDelete('cascade'),
  ],
);

export const statusReports = pgTable(
  'status_reports',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    revisionId: uuid('revision_id').notNull(),
    measureId: uuid('measure_id').notNull(),
    reportDate: date('report_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: REPORT_STATUSES }).notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    index('status_reports_revision').on(t.revisionId, t.reportDate),
    foreignKey({ name: 'status_reports_measure_fk', columns: [t.measureId, t.revisionId, t.organizationId], foreignColumns: [measures.id, measures.revisionId, measures.organizationId] }).onDelete('cascade'),
  ],
);
