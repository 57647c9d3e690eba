/** Integrations between systems, or from a system to a national shared component. */
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../tx.ts';
import { integrations } from '../schema.ts';
import { definedOnly } from './common.ts';
import type { CreateIntegration, Integration, UpdateIntegration } from '../../domain/portfolio.ts';

export const integrationSelect = sql`select i.id, i.organization_id as "organizationId", i.from_system_id as "fromId", f.name as "fromName",
    i.to_system_id as "toId", t.name as "toName", i.to_component_id as "componentId", nc.name as "componentName",
    i.direction, i.data, i.standard, i.status, i.version
  from integrations i
  left join systems f on f.id = i.from_system_id
  left join systems t on t.id = i.to_system_id
  left join national_components nc on nc.id = i.to_component_id`;

/** A system at the other end of a shared system's integration that is not shared with the viewer. */
const HIDDEN_SYSTEM = 'Annet system hos eieren';

export interface IntegrationRow {
  id: string;
  organizationId: string;
  fromId: string;
  fromName: string | null;
  toId: string | null;
  toName: string | null;
  componentId: string | null;
  componentName: string | null;
  direction: Integration['direction'];
  data: string | null;
  standard: Integration['standard'];
  status: Integration['status'];
  version: number;
}

export function integrationOf(r: IntegrationRow): Integration {
  return {
    id: r.id,
    organizationId: r.organizationId,
    fromSystem: { id: r.fromId, name: r.fromName ?? HIDDEN_SYSTEM },
    toSystem: r.toId ? { id: r.toId, name: r.toName ?? HIDDEN_SYSTEM } : null,
    toComponent: r.componentId ? { id: r.componentId, name: r.componentName ?? '' } : null,
    direction: r.direction,
    data: r.data,
    standard: r.standard,
    status: r.status,
    version: r.version,
  };
}

export async function listIntegrations(tx: Tx, organizationId: string, id?: string): Promise<Integration[]> {
  const rows = await queryRows<IntegrationRow>(
    tx,
    sql`${integrationSelect} where i.organization_id = ${organizationId} ${id ? sql`and i.id = ${id}` : sql``} order by lower(f.name), lower(coalesce(t.name, nc.name)), i.id`,
  );
  return rows.map(integrationOf);
}

export async function insertIntegration(tx: Tx, organizationId: string, input: CreateIntegration): Promise<string> {
  const [row] = await tx
    .insert(integrations)
    .values({ ...(definedOnly(input) as Partial<typeof integrations.$inferInsert>), fromSystemId: input.fromSystemId, standard: input.standard, organizationId })
    .returning({ id: integrations.id });
  if (!row) throw new Error('insert integrations returned no row');
  return row.id;
}

export async function updateIntegration(tx: Tx, organizationId: string, id: string, input: UpdateIntegration): Promise<boolean> {
  const { version, ...rest } = input;
  const values = definedOnly(rest) as Partial<typeof integrations.$inferInsert>;
  // Choosing one target clears the other.
  if (rest.toSystemId) values.toComponentId = null;
  if (rest.toComponentId) values.toSystemId = null;
  const rows = await tx
    .update(integrations)
    .set({ ...values, version: sql`${integrations.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(integrations.organizationId, organizationId), eq(integrations.id, id), eq(integrations.version, version)))
    .returning({ id: integrations.id });
  return rows.length === 1;
}

export async function deleteIntegration(tx: Tx, organizationId: string, id: string, version: number): Promise<boolean> {
  const rows = await tx
    .delete(integrations)
    .where(and(eq(integrations.organizationId, organizationId), eq(integrations.id, id), eq(integrations.version, version)))
    .returning({ id: integrations.id });
  return rows.length === 1;
}
