/**
 * The risk register: risks with their options, objects, owner and linked measures, read in one
 * statement whatever the number of risks; the organization's risk settings; "Lag tiltak" links.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { inTurn, queryRows, type Tx } from '../tx.ts';
import { measures, persons, planPeriods, planRevisions, riskOptions, risks, riskSettings, sites, systems } from '../schema.ts';
import { DEFAULT_MATRIX, type RiskMatrix } from '../../domain/risk-matrix.ts';
import type { CreateRisk, OptionInput, StoredOption, StoredRisk, UpdateRisk } from '../../domain/risk.ts';

const uuidArray = (ids: readonly string[]): SQL => sql`${`{${ids.join(',')}}`}::uuid[]`;

// ------------------------------------------------------------------ settings

export interface StoredRiskSettings {
  matrix: RiskMatrix;
  readersSee: boolean;
  /** 0 while the organization has no settings row (defaults). */
  version: number;
}

export async function getRiskSettings(tx: Tx, organizationId: string): Promise<StoredRiskSettings> {
  const [row] = await tx
    .select({ matrix: riskSettings.matrix, readersSee: riskSettings.readersSee, version: riskSettings.version })
    .from(riskSettings)
    .where(eq(riskSettings.organizationId, organizationId))
    .limit(1);
  return row ?? { matrix: DEFAULT_MATRIX, readersSee: false, version: 0 };
}

/** Saves the settings when `version` is the one read (0: none yet). False: stale. */
export async function saveRiskSettings(tx: Tx, organizationId: string, input: { version: number; matrix?: RiskMatrix | undefined; readersSee?: boolean | undefined }): Promise<boolean> {
  const current = await getRiskSettings(tx, organizationId);
  if (current.version !== input.version) return false;
  const matrix = input.matrix ?? current.matrix;
  const readersSee = input.readersSee ?? current.readersSee;
  if (input.version === 0) {
    const rows = await tx.insert(riskSettings).values({ organizationId, matrix, readersSee }).onConflictDoNothing().returning({ id: riskSettings.id });
    return rows.length === 1;
  }
  const rows = await tx
    .update(riskSettings)
    .set({ matrix, readersSee, version: sql`${riskSettings.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(riskSettings.organizationId, organizationId), eq(riskSettings.version, input.version)))
    .returning({ id: riskSettings.id });
  return rows.length === 1;
}

// ------------------------------------------------------------------ reads

interface RiskRow extends Omit<StoredRisk, 'objects' | 'options'> {
  siteObjects: Array<{ id: string; name: string }>;
  systemObjects: Array<{ id: string; name: string }>;
  options: Array<Omit<StoredOption, 'measure'> & { measure: StoredOption['measure'] }>;
}

/** The risks of an organization (or one of them), options and linked measures included: one statement. */
function riskQuery(organizationId: string, riskId?: string): SQL {
  return sql`
    select k.id, k.organization_id as "organizationId", k.title, k.site_ids as "siteIds", k.system_ids as "systemIds",
      k.hazard, k.consequence_text as "consequenceText", k.controls, k.probability, k.consequence, k.dimensions,
      k.owner_id as "ownerId", p.name as "ownerName", k.status, k.close_reason as "closeReason",
      to_char(k.review_date, 'YYYY-MM-DD') as "reviewDate", k."references", k.version,
      coalesce((select json_agg(json_build_object('id', s.id, 'name', s.name) order by s.name, s.id) from sites s where s.id = any(k.site_ids)), '[]') as "siteObjects",
      coalesce((select json_agg(json_build_object('id', s.id, 'name', s.name) order by s.name, s.id) from systems s where s.id = any(k.system_ids)), '[]') as "systemObjects",
      coalesce((
        select json_agg(json_build_object(
          'id', o.id, 'position', o.position, 'description', o.description, 'lines', o.lines,
          'residualProbability', o.residual_probability, 'residualConsequence', o.residual_consequence,
          'chosen', o.chosen, 'measureLineageId', o.measure_lineage_id, 'version', o.version,
          'measure', (
            select json_build_object('id', m.id, 'lineageId', m.lineage_id, 'revisionId', r.id, 'revisionNumber', r.number,
              'revisionStatus', r.status, 'periodName', pp.name, 'number', m.number, 'title', m.title,
              'lines', coalesce((select json_agg(json_build_object('kind', c.kind, 'year', c.year, 'amount', c.amount, 'quantity', c.quantity, 'unitPrice', c.unit_price) order by c.position, c.id)
                                   from cost_lines c where c.measure_id = m.id), '[]'))
              from measures m join plan_revisions r on r.id = m.revision_id join plan_periods pp on pp.id = r.period_id
             where o.measure_lineage_id is not null and m.lineage_id = o.measure_lineage_id and m.organization_id = o.organization_id
             order by (r.status = 'draft') desc, pp.start_year desc, r.number desc
             limit 1)
        ) order by o.position, o.id)
        from risk_options o where o.risk_id = k.id), '[]') as options
    from risks k left join persons p on p.id = k.owner_id
    where k.organization_id = ${organizationId} ${riskId ? sql`and k.id = ${riskId}` : sql``}
    order by k.title, k.id`;
}

function stored(row: RiskRow): StoredRisk {
  const { siteObjects, systemObjects, ...rest } = row;
  return {
    ...rest,
    probability: Number(row.probability),
    consequence: row.consequence === null ? null : Number(row.consequence),
    objects: [...siteObjects.map((o) => ({ kind: 'site' as const, ...o })), ...systemObjects.map((o) => ({ kind: 'system' as const, ...o }))],
    options: row.options,
  };
}

export async function listRisks(tx: Tx, organizationId: string): Promise<StoredRisk[]> {
  return (await queryRows<RiskRow>(tx, riskQuery(organizationId))).map(stored);
}

export async function findRisk(tx: Tx, organizationId: string, id: string): Promise<StoredRisk | null> {
  const [row] = await queryRows<RiskRow>(tx, riskQuery(organizationId, id));
  return row ? stored(row) : null;
}

/** Which of the given sites, systems and persons belong to the organization (one statement each kind). */
export async function knownReferences(
  tx: Tx,
  organizationId: string,
  ids: { siteIds: readonly string[]; systemIds: readonly string[]; personIds: readonly string[] },
): Promise<{ sites: Set<string>; systems: Set<string>; persons: Set<string> }> {
  const [s, y, p] = await inTurn(
    () => (ids.siteIds.length ? tx.select({ id: sites.id }).from(sites).where(and(eq(sites.organizationId, organizationId), sql`${sites.id} = any(${uuidArray(ids.siteIds)})`)) : Promise.resolve([])),
    () => (ids.systemIds.length ? tx.select({ id: systems.id }).from(systems).where(and(eq(systems.organizationId, organizationId), sql`${systems.id} = any(${uuidArray(ids.systemIds)})`)) : Promise.resolve([])),
    () => (ids.personIds.length ? tx.select({ id: persons.id }).from(persons).where(and(eq(persons.organizationId, organizationId), sql`${persons.id} = any(${uuidArray(ids.personIds)})`)) : Promise.resolve([])),
  );
  return { sites: new Set(s.map((r) => r.id)), systems: new Set(y.map((r) => r.id)), persons: new Set(p.map((r) => r.id)) };
}

/** Sites and systems of the organization by name (for imports). */
export async function objectNames(tx: Tx, organizationId: string): Promise<Array<{ kind: 'site' | 'system'; id: string; name: string }>> {
  const [s, y] = await inTurn(
    () => tx.select({ id: sites.id, name: sites.name }).from(sites).where(eq(sites.organizationId, organizationId)),
    () => tx.select({ id: systems.id, name: systems.name }).from(systems).where(eq(systems.organizationId, organizationId)),
  );
  return [...s.map((r) => ({ kind: 'site' as const, ...r })), ...y.map((r) => ({ kind: 'system' as const, ...r }))];
}

// ------------------------------------------------------------------ writes

function riskValues(input: Partial<CreateRisk>) {
  const out: Partial<typeof risks.$inferInsert> = {};
  if (input.title !== undefined) out.title = input.title;
  if (input.siteIds !== undefined) out.siteIds = [...new Set(input.siteIds)];
  if (input.systemIds !== undefined) out.systemIds = [...new Set(input.systemIds)];
  if (input.hazard !== undefined) out.hazard = input.hazard;
  if (input.consequenceText !== undefined) out.consequenceText = input.consequenceText;
  if (input.controls !== undefined) out.controls = input.controls;
  if (input.probability !== undefined) out.probability = input.probability;
  if (input.consequence !== undefined) out.consequence = input.consequence;
  if (input.dimensions !== undefined) out.dimensions = Object.fromEntries(Object.entries(input.dimensions).filter(([, v]) => typeof v === 'number')) as Record<string, number>;
  if (input.ownerId !== undefined) out.ownerId = input.ownerId;
  if (input.status !== undefined) out.status = input.status;
  if (input.closeReason !== undefined) out.closeReason = input.closeReason;
  if (input.reviewDate !== undefined) out.reviewDate = input.reviewDate;
  if (input.references !== undefined) out.references = input.references;
  return out;
}

/**
 * Replaces a risk's options: kept ids keep their link to a measure (and, once linked, their own
 * lines are no longer the money); ids the risk does not hold are refused by the caller first.
 * Two statements: delete, insert.
 */
async function replaceOptions(tx: Tx, organizationId: string, riskId: string, options: readonly OptionInput[], kept: ReadonlyMap<string, StoredOption>): Promise<void> {
  await tx.delete(riskOptions).where(and(eq(riskOptions.organizationId, organizationId), eq(riskOptions.riskId, riskId)));
  if (options.length === 0) return;
  await tx.insert(riskOptions).values(
    options.map((o, position) => {
      const before = o.id ? kept.get(o.id) : undefined;
      return {
        ...(o.id ? { id: o.id } : {}),
        organizationId,
        riskId,
        position,
        description: o.description,
        lines: before?.measure ? before.lines : o.lines.map((l) => ({ kind: l.kind, year: l.year, amount: l.amount ?? null, quantity: l.quantity ?? null, unitPrice: l.unitPrice ?? null })),
        residualProbability: o.residualProbability ?? null,
        residualConsequence: o.residualConsequence ?? null,
        chosen: o.chosen,
        measureLineageId: before?.measureLineageId ?? null,
        version: before ? before.version + (changed(before, o) ? 1 : 0) : 1,
      };
    }),
  );
}

function changed(before: StoredOption, o: OptionInput): boolean {
  return before.description !== o.description || before.chosen !== o.chosen || before.residualProbability !== (o.residualProbability ?? null) || before.residualConsequence !== (o.residualConsequence ?? null) || JSON.stringify(before.lines) !== JSON.stringify(o.lines);
}

export async function insertRisk(tx: Tx, organizationId: string, input: CreateRisk): Promise<string> {
  const [row] = await tx
    .insert(risks)
    .values({ ...riskValues(input), organizationId, title: input.title, probability: input.probability })
    .returning({ id: risks.id });
  if (!row) throw new Error('insert risks returned no row');
  await replaceOptions(tx, organizationId, row.id, input.options, new Map());
  return row.id;
}

/** Updates a risk at `version`; options (when given) replace the old ones. */
export async function updateRisk(tx: Tx, organizationId: string, id: string, input: UpdateRisk, before: StoredRisk): Promise<'ok' | 'stale'> {
  const { version, options, ...rest } = input;
  const rows = await tx
    .update(risks)
    .set({ ...riskValues(rest), version: sql`${risks.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(risks.organizationId, organizationId), eq(risks.id, id), eq(risks.version, version)))
    .returning({ id: risks.id });
  if (rows.length !== 1) return 'stale';
  if (options !== undefined) await replaceOptions(tx, organizationId, id, options, new Map(before.options.map((o) => [o.id, o])));
  return 'ok';
}

export async function deleteRisk(tx: Tx, organizationId: string, id: string, version: number): Promise<boolean> {
  const rows = await tx
    .delete(risks)
    .where(and(eq(risks.organizationId, organizationId), eq(risks.id, id), eq(risks.version, version)))
    .returning({ id: risks.id });
  return rows.length === 1;
}

// ------------------------------------------------------------------ "Lag tiltak"

/** The current draft revision: the draft of the latest period (highest number), or null. */
export async function currentDraftRevision(tx: Tx, organizationId: string): Promise<{ id: string; periodId: string; startYear: number; endYear: number } | null> {
  const [row] = await tx
    .select({ id: planRevisions.id, periodId: planRevisions.periodId, startYear: planPeriods.startYear, endYear: planPeriods.endYear })
    .from(planRevisions)
    .innerJoin(planPeriods, eq(planPeriods.id, planRevisions.periodId))
    .where(and(eq(planRevisions.organizationId, organizationId), eq(planRevisions.status, 'draft')))
    .orderBy(sql`${planPeriods.startYear} desc, ${planRevisions.number} desc`)
    .limit(1);
  return row ?? null;
}

/** Links an option to a measure's lineage (the option must be unlinked and at `version`). */
export async function linkOption(tx: Tx, organizationId: string, optionId: string, lineageId: string): Promise<boolean> {
  const rows = await tx
    .update(riskOptions)
    .set({ measureLineageId: lineageId, version: sql`${riskOptions.version} + 1` })
    .where(and(eq(riskOptions.organizationId, organizationId), eq(riskOptions.id, optionId), sql`${riskOptions.measureLineageId} is null`))
    .returning({ id: riskOptions.id });
  return rows.length === 1;
}

/** The risks whose options became the measure of this lineage (the measure page's link back). */
export async function risksOfMeasure(tx: Tx, organizationId: string, lineageId: string): Promise<Array<{ riskId: string; title: string; optionId: string; description: string }>> {
  return tx
    .select({ riskId: risks.id, title: risks.title, optionId: riskOptions.id, description: riskOptions.description })
    .from(riskOptions)
    .innerJoin(risks, eq(risks.id, riskOptions.riskId))
    .where(and(eq(riskOptions.organizationId, organizationId), eq(riskOptions.measureLineageId, lineageId)))
    .orderBy(risks.title);
}

export async function measureLineage(tx: Tx, measureId: string): Promise<string | null> {
  const [row] = await tx.select({ lineageId: measures.lineageId }).from(measures).where(eq(measures.id, measureId)).limit(1);
  return row?.lineageId ?? null;
}

/** The chosen option of a risk (demo data and import link it to a measure). */
export async function chosenOptionId(tx: Tx, riskId: string): Promise<string | null> {
  const [row] = await tx.select({ id: riskOptions.id }).from(riskOptions).where(and(eq(riskOptions.riskId, riskId), eq(riskOptions.chosen, true))).limit(1);
  return row?.id ?? null;
}

/** The lineage of a measure by its number and title in any revision of the organization. */
export async function measureLineageByNumber(tx: Tx, organizationId: string, number: string, title: string): Promise<string | null> {
  const [row] = await tx
    .select({ lineageId: measures.lineageId })
    .from(measures)
    .where(and(eq(measures.organizationId, organizationId), eq(measures.number, number), eq(measures.title, title)))
    .limit(1);
  return row?.lineageId ?? null;
}
