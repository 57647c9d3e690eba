/**
 * Table definitions (drizzle), one module per area under ./schema/. Every domain table carries
 * `organization_id`; row-level security policies (migration 0001) make PostgreSQL itself refuse
 * rows of other organizations. database.ts does `import * as schema from './schema.ts'`, so every
 * table is re-exported here.
 */
export * from './schema/organizations.ts';
export * from './schema/identity.ts';
export * from './schema/audit.ts';
export * from './schema/plan.ts';
export * from './schema/portfolio.ts';
export * from './schema/iks-year.ts';
export * from './schema/annual-report.ts';
export * from './schema/identity-providers.ts';
export * from './schema/risk.ts';
export * from './schema/followup.ts';
export * from './schema/products.ts';
export * from './schema/assets.ts';
