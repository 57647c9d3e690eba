/**
 * Strategy and action plan. Every plan table carries organization_id (RLS) and revision_id (the
 * adopted-revision guard trigger). Sums are never stored: see src/domain/plan-totals.ts.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, foreignKey, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { MEASURE_STATUSES, PRIORITIES, REVISION_STATUSES } from '../../domain/plan.ts';
import { COST_KINDS } from '../../domain/plan-totals.ts';
import { createdAt, id, updatedAt, version } from './columns.ts';
import { organizations } from './organizations.ts';

/** National (and the organization's own) strategy goals: organization_id null = shared catalogue. */
export const nationalGoals = pgTable(
  'national_goals',
  {
    id: id(),
    organizationId: uuid('organization_id').references(() => organizations.id),
    framework: text('framework').notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    validFrom: integer('valid_from'),
    validTo: integer('valid_to'),
    current: boolean('current').notNull().default(false),
    catalogueVersion: integer('catalogue_version'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('national_goals_framework_code').on(t.organizationId, t.framework, t.code)],
);

export const planPeriods = pgTable(
  'plan_periods',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    name: text('name').notNull(),
    startYear: integer('start_year').notNull(),
    endYear: integer('end_year').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('plan_periods_org').on(t.organizationId)],
);

export const planRevisions = pgTable(
  'plan_revisions',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    periodId: uuid('period_id').notNull().references(() => planPeriods.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    basedOnId: uuid('based_on_id'),
    vision: text('vision'),
    introduction: text('introduction'),
    status: text('status', { enum: REVISION_STATUSES }).notNull().default('draft'),
    adoptedDate: date('adopted_date', { mode: 'string' }),
    decisionRef: text('decision_ref'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('plan_revisions_period_number').on(t.periodId, t.number), index('plan_revisions_org').on(t.organizationId)],
);

export const focusAreas = pgTable(
  'focus_areas',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    revisionId: uuid('revision_id').notNull().references(() => planRevisions.id, { onDelete: 'cascade' }),
    lineageId: uuid('lineage_id').notNull().default(sql`gen_random_uuid()`),
    position: integer('position').notNull().default(0),
    title: text('title').notNull(),
    description: text('description'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('focus_areas_revision').on(t.revisionId, t.position)],
);

export const goals = pgTable(
  'goals',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    revisionId: uuid('revision_id').notNull().references(() => planRevisions.id, { onDelete: 'cascade' }),
    focusAreaId: uuid('focus_area_id').notNull().references(() => focusAreas.id, { onDelete: 'cascade' }),
    lineageId: uuid('lineage_id').notNull().default(sql`gen_random_uuid()`),
    position: integer('position').notNull().default(0),
    text: text('text').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('goals_revision').on(t.revisionId, t.position)],
);

export const goalNationalLinks = pgTable(
  'goal_national_links',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    revisionId: uuid('revision_id').notNull().references(() => planRevisions.id, { onDelete: 'cascade' }),
    goalId: uuid('goal_id').notNull().references(() => goals.id, { onDelete: 'cascade' }),
    nationalGoalId: uuid('national_goal_id').notNull().references(() => nationalGoals.id),
  },
  (t) => [uniqueIndex('goal_national_links_pair').on(t.goalId, t.nationalGoalId), index('goal_national_links_revision').on(t.revisionId)],
);

export const measures = pgTable(
  'measures',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    revisionId: uuid('revision_id').notNull().references(() => planRevisions.id, { onDelete: 'cascade' }),
    focusAreaId: uuid('focus_area_id').references(() => focusAreas.id, { onDelete: 'set null' }),
    lineageId: uuid('lineage_id').notNull().default(sql`gen_random_uuid()`),
    number: text('number'),
    title: text('title').notNull(),
    description: text('description'),
    responsible: text('responsible'),
    /** What came of the measure (årsmelding); migration 0027. */
    result: text('result'),
    status: text('status', { enum: MEASURE_STATUSES }).notNull().default('planned'),
    priority: text('priority', { enum: PRIORITIES }).notNull().default('medium'),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('measures_revision').on(t.revisionId),
    index('measures_org').on(t.organizationId),
    // Target of the budget lines' composite key (migration 0017).
    uniqueIndex('measures_id_revision_org').on(t.id, t.revisionId, t.organizationId),
    // A measure number is used once per revision (migration 0023).
    uniqueIndex('measures_revision_number').on(t.revisionId, t.number).where(sql`${t.number} is not null`),
  ],
);

export const measureGoals = pgTable(
  'measure_goals',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    revisionId: uuid('revision_id').notNull().references(() => planRevisions.id, { onDelete: 'cascade' }),
    measureId: uuid('measure_id').notNull().references(() => measures.id, { onDelete: 'cascade' }),
    goalId: uuid('goal_id').notNull().references(() => goals.id, { onDelete: 'cascade' }),
  },
  (t) => [uniqueIndex('measure_goals_pair').on(t.measureId, t.goalId), index('measure_goals_revision').on(t.revisionId)],
);

/** Budget line: either an amount, or quantity × unit price (the amount is then derived, not stored). */
export const costLines = pgTable(
  'cost_lines',
  {
    id: id(),
    // Measure, revision and organization are one key into measures (migration 0017).
    organizationId: uuid('organization_id').notNull(),
    revisionId: uuid('revision_id').notNull(),
    measureId: uuid('measure_id').notNull(),
    kind: text('kind', { enum: COST_KINDS }).notNull(),
    year: integer('year').notNull(),
    amount: bigint('amount', { mode: 'number' }),
    quantity: integer('quantity'),
    unitPrice: bigint('unit_price', { mode: 'number' }),
    note: text('note'),
    /** An explicit saving (innsparing): the only kind of line with a negative amount (migration 0023). */
    saving: boolean('saving').notNull().default(false),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('cost_lines_revision').on(t.revisionId),
    foreignKey({ name: 'cost_lines_measure_fk', columns: [t.measureId, t.revisionId, t.organizationId], foreignColumns: [measures.id, measures.revisionId, measures.organizationId] }).onDelete('cascade'),
    check('cost_lines_amount_or_unit_price', sql`(${t.amount} is not null) <> (${t.quantity} is not null and ${t.unitPrice} is not null)`),
    check('cost_lines_quantity_pair', sql`(${t.quantity} is null) = (${t.unitPrice} is null)`),
    check('cost_lines_saving_sign', sql`${t.saving} = (coalesce(${t.amount}, ${t.unitPrice}) < 0)`),
  ],
);

/** Actual spend (regnskap) per measure, kind and year. */
export const actualSpend = pgTable(
  'actual_spend',
  {
    id: id(),
    // Measure, revision and organization are one key into measures (migration 0017).
    organizationId: uuid('organization_id').notNull(),
    revisionId: uuid('revision_id').notNull(),
    measureId: uuid('measure_id').notNull(),
    kind: text('kind', { enum: COST_KINDS }).notNull(),
    year: integer('year').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('actual_spend_measure_kind_year').on(t.measureId, t.kind, t.year), index('actual_spend_revision').on(t.revisionId)],
);

/** Publication of an adopted revision on the public innsyn page. Deleting the row unpublishes. */
export const publications = pgTable(
  'publications',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    revisionId: uuid('revision_id').notNull().references(() => planRevisions.id, { onDelete: 'cascade' }),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** Whether innsyn shows the benefits and the actual spend too (chosen when publishing, migration 0030). */
    showBenefits: boolean('show_benefits').notNull().default(false),
    showActuals: boolean('show_actuals').notNull().default(false),
  },
  // One published revision per organization: innsyn shows one plan (migration 0023).
  (t) => [uniqueIndex('publications_revision').on(t.revisionId), uniqueIndex('publications_one_per_org').on(t.organizationId), index('publications_org').on(t.organizationId, t.publishedAt)],
);
