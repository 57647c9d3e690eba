/**
 * Compatibility only: the portfolio queries now live in one module per noun (systems, system-list,
 * system-roles, shares, persons, suppliers, contracts, integrations, references,
 * national-components, matrix, overview, support). Import from those; this re-export is kept for
 * branches written before the split and is to be removed once they are merged.
 */
export * from './common.ts';
export * from './national-components.ts';
export * from './persons.ts';
export * from './suppliers.ts';
export * from './references.ts';
export * from './system-list.ts';
export * from './systems.ts';
export * from './system-roles.ts';
export * from './shares.ts';
export * from './contracts.ts';
export * from './integrations.ts';
export * from './matrix.ts';
export * from './overview.ts';
export { renewalAlerts } from '../../domain/portfolio-overview.ts';
