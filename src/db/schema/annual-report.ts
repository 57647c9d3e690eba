/**
 * The annual report (årsmelding): the year's introduction per organization. Row-level security,
 * audit triggers and the measures' `result` column in migration 0027_annual_report.
 */
import { check, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, updatedAt, version } from './columns.ts';
import { organizations } from './organizations.ts';

export const annualReports = pgTable(
  'annual_reports',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    year: integer('year').notNull(),
    title: text('title'),
    introduction: text('introduction').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('annual_reports_org_year').on(t.organizationId, t.year), check('annual_reports_year_range', sql`${t.year} between 1900 and 2200`)],
);
