/**
 * The annual report's figures (statistics, accounts, cost sharing) for one organization and year,
 * read in the caller's transaction. Placeholder until the statistics, accounts and cost-pool tables
 * exist: it returns empty sections.
 */
import type { Tx } from '../tx.ts';
import { emptyAnnualFigures, type AnnualFigures } from '../../domain/annual-figures.ts';

export async function loadAnnualFigures(_tx: Tx, _organizationId: string, year: number): Promise<AnnualFigures> {
  return emptyAnnualFigures(year);
}
