/**
 * The IKS year: statistics (metrics and values), accounts per ansvar and cost pools. Row-level
 * security, derived-figure checks and the owners' read function in migration 0026_iks_year.
 */
import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { COST_POOL_BASES, COST_SHARE_KEYS } from '../../domain/cost-sharing.ts';
import { createdAt, id, updatedAt, version } from './columns.ts';
import { organizations } from './organizations.ts';
import { systems } from './portfolio.ts';

export const metrics = pgTable(
  'metrics',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    unit: text('unit'),
    description: text('description'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('metrics_org_name').on(t.organizationId, sql`lower(${t.name})`), uniqueIndex('metrics_id_org').on(t.id, t.organizationId)],
);

/** One value of a metric about a subject (an owner, or the organization itself) for a year (and month). */
export const statisticValues = pgTable(
  'statistic_values',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    metricId: uuid('metric_id').notNull(),
    subjectId: uuid('subject_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    year: smallint('year').notNull(),
    month: smallint('month'),
    value: bigint('value', { mode: 'number' }).notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('statistic_values_key').on(t.metricId, t.subjectId, t.year, sql`coalesce(${t.month}, 0)`),
    index('statistic_values_org_year').on(t.organizationId, t.year),
    index('statistic_values_subject').on(t.subjectId, t.year),
  ],
);

export const ansvar = pgTable(
  'ansvar',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    number: text('number').notNull(),
    name: text('name').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('ansvar_org_number').on(t.organizationId, t.number), uniqueIndex('ansvar_id_org').on(t.id, t.organizationId)],
);

/** Budget and accounts of an ansvar for a year, or only the printed deviation (never both). */
export const accountLines = pgTable(
  'account_lines',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    ansvarId: uuid('ansvar_id').notNull(),
    year: smallint('year').notNull(),
    budget: bigint('budget', { mode: 'number' }),
    actual: bigint('actual', { mode: 'number' }),
    printedDeviation: bigint('printed_deviation', { mode: 'number' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('account_lines_key').on(t.ansvarId, t.year), index('account_lines_org_year').on(t.organizationId, t.year)],
);

export const costPools = pgTable(
  'cost_pools',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    year: smallint('year').notNull(),
    name: text('name').notNull(),
    ansvarId: uuid('ansvar_id'),
    systemId: uuid('system_id').references(() => systems.id, { onDelete: 'cascade' }),
    basis: text('basis', { enum: COST_POOL_BASES }).notNull(),
    key: text('key', { enum: COST_SHARE_KEYS }).notNull(),
    metricId: uuid('metric_id'),
    ownerIds: uuid('owner_ids').array(),
    percentages: integer('percentages').array(),
    typedAmount: bigint('typed_amount', { mode: 'number' }),
    /** The host's own cooperation whose accepted members share the pool (migration 0035); null = the owners. */
    cooperationId: uuid('cooperation_id'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('cost_pools_org_year').on(t.organizationId, t.year)],
);
