/** Who may read the risk register and security documents (shared by their route modules). */
import { getRiskSettings, type StoredRiskSettings } from '../db/queries/risks.ts';
import type { Tx } from '../db/tx.ts';
import { can, type Role } from '../domain/roles.ts';
import type { OrgScope } from './context.ts';
import { forbidden } from './problem.ts';

export const CONFIDENTIAL =
  'Risikoregisteret er unntatt offentlighet (offentleglova § 24). Lesere ser det bare når organisasjonen tillater det; spør en administrator.';

/** May this user read the organization's risks and security documents? */
export function seesRisks(scope: Pick<OrgScope, 'role' | 'auth'>, settings: Pick<StoredRiskSettings, 'readersSee'>): boolean {
  const actor = { systemAdmin: scope.auth.user.systemAdmin, role: scope.role as Role | null };
  return can(actor, 'data:write') || (settings.readersSee && can(actor, 'data:read'));
}

/** Settings, after the visibility check: 403 for a reader where readers may not see the register. */
export async function riskAccess(tx: Tx, scope: OrgScope, organizationId: string): Promise<StoredRiskSettings> {
  const settings = await getRiskSettings(tx, organizationId);
  if (!seesRisks(scope, settings)) throw forbidden(CONFIDENTIAL);
  return settings;
}

