/**
 * Risk register (ROS): a risk on the organization, sites or systems, its probability and
 * consequence on 1–5 scales, and its mitigation options with cost lines. Score, level, residual
 * level and option sums are derived here (see risk-matrix.ts), never stored. Once an option has
 * become a measure of the action plan, the measure's cost lines are the option's money.
 */
import { z } from 'zod';
import { choiceError } from './choice.ts';
import { MAX_KRONER_TEXT, sum } from './money.ts';
import { LIMITS, nameSchema, uuid, version } from './organization.ts';
import { COST_KINDS, lineAmount, type CostKind, type CostLineLike } from './plan-totals.ts';
import { MAX_AMOUNT, MAX_YEAR, MIN_YEAR } from './plan.ts';
import { aboveAcceptance, isScaleValue, levelOf, LEVELS, type Level, type RiskMatrix } from './risk-matrix.ts';
import { dateSchema, optionalText, requiredText } from './validation.ts';
import { message } from './messages.ts';

export const RISK_STATUSES = ['open', 'treating', 'accepted', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];
export const CONSEQUENCE_DIMENSIONS = ['life', 'service', 'economy', 'reputation', 'privacy'] as const;
export type ConsequenceDimension = (typeof CONSEQUENCE_DIMENSIONS)[number];

export const RISK_STATUS_LABELS: Record<RiskStatus, string> = { open: 'Åpen', treating: 'Under behandling', accepted: 'Akseptert', closed: 'Lukket' };
export const PROBABILITY_LABELS: Record<number, string> = { 1: 'Svært liten', 2: 'Liten', 3: 'Middels', 4: 'Stor', 5: 'Svært stor' };
export const CONSEQUENCE_LABELS: Record<number, string> = { 1: 'Ubetydelig', 2: 'Liten', 3: 'Moderat', 4: 'Alvorlig', 5: 'Svært alvorlig' };
export const DIMENSION_LABELS: Record<ConsequenceDimension, string> = {
  life: 'Liv og helse',
  service: 'Tjenesteleveranse',
  economy: 'Økonomi',
  reputation: 'Omdømme',
  privacy: 'Personvern',
};

// ------------------------------------------------------------------ input

const scale = z
  .int({ error: message('risk.scale') })
  .min(1, { error: 'må være fra 1 til 5' })
  .max(5, { error: 'må være fra 1 til 5' });
const cost = z
  .int({ error: 'må være et helt antall kroner' })
  .min(0, { error: 'kan ikke være negativ' })
  .max(MAX_AMOUNT, { error: `kan være høyst ${MAX_KRONER_TEXT}` });

export const OptionLineInputSchema = z
  .object({
    kind: z.enum(COST_KINDS, { error: choiceError('må være invest eller drift') }),
    year: z.int().min(MIN_YEAR, { error: `må være ${MIN_YEAR} eller senere` }).max(MAX_YEAR, { error: `må være ${MAX_YEAR} eller tidligere` }),
    amount: cost.nullish(),
    quantity: z.int().min(0, { error: 'kan ikke være negativt' }).max(1_000_000, { error: 'er for stort' }).nullish(),
    unitPrice: cost.nullish(),
  })
  .superRefine((line, ctx) => {
    const hasQty = line.quantity !== null && line.quantity !== undefined;
    const hasPrice = line.unitPrice !== null && line.unitPrice !== undefined;
    const hasAmount = line.amount !== null && line.amount !== undefined;
    if (hasQty !== hasPrice) ctx.addIssue({ code: 'custom', path: [hasQty ? 'unitPrice' : 'quantity'], message: message('amountWithQuantity') });
    else if (hasQty && hasAmount) ctx.addIssue({ code: 'custom', path: ['amount'], message: message('amountComputedShort') });
    else if (!hasQty && !hasAmount) ctx.addIssue({ code: 'custom', path: ['amount'], message: message('amountOrQuantity') });
  });
export type OptionLineInput = z.infer<typeof OptionLineInputSchema>;

export const OptionInputSchema = z.object({
  /** An existing option keeps its id (and its link to a measure). */
  id: uuid.optional(),
  description: requiredText(LIMITS.text),
  lines: z.array(OptionLineInputSchema).max(50, { error: 'kan ha høyst 50 linjer' }).default([]),
  residualProbability: scale.nullish(),
  residualConsequence: scale.nullish(),
  chosen: z.boolean().default(false),
});
export type OptionInput = z.infer<typeof OptionInputSchema>;

const dimensions = z
  .object(Object.fromEntries(CONSEQUENCE_DIMENSIONS.map((d) => [d, scale.nullish()])) as Record<ConsequenceDimension, z.ZodOptional<z.ZodNullable<typeof scale>>>)
  .strict();

const riskFields = {
  title: nameSchema,
  siteIds: z.array(uuid).max(50).default([]),
  systemIds: z.array(uuid).max(50).default([]),
  hazard: optionalText(LIMITS.text),
  consequenceText: optionalText(LIMITS.text),
  controls: z.array(requiredText(500)).max(50, { error: 'kan ha høyst 50 tiltak' }).default([]),
  probability: scale,
  consequence: scale.nullish(),
  dimensions: dimensions.default({}),
  ownerId: uuid.nullish(),
  status: z.enum(RISK_STATUSES, { error: choiceError('må være open, treating, accepted eller closed') }).default('open'),
  closeReason: optionalText(LIMITS.text),
  reviewDate: dateSchema.nullish(),
  references: optionalText(LIMITS.text),
  options: z.array(OptionInputSchema).max(20, { error: 'kan ha høyst 20 alternativer' }).default([]),
};

/** Rules across fields: a consequence (overall or per dimension), one chosen option, a reason to close. */
function riskRules(v: { consequence?: number | null | undefined; dimensions?: Partial<Record<ConsequenceDimension, number | null | undefined>>; status?: RiskStatus | undefined; closeReason?: string | null | undefined; options?: OptionInput[] | undefined }, ctx: z.RefinementCtx): void {
  if (v.consequence !== undefined && (v.consequence === null || v.consequence === undefined) && dimensionValues(v.dimensions).length === 0) {
    ctx.addIssue({ code: 'custom', path: ['consequence'], message: message('risk.consequenceRequired') });
  }
  if ((v.status === 'accepted' || v.status === 'closed') && !v.closeReason) {
    ctx.addIssue({ code: 'custom', path: ['closeReason'], message: message('risk.closeReasonRequired') });
  }
  const chosen = (v.options ?? []).flatMap((o, i) => (o.chosen ? [i] : []));
  if (chosen.length > 1) {
    ctx.addIssue({ code: 'custom', path: ['options', chosen[1]!, 'chosen'], message: message('risk.oneChosen') });
  }
}

export const CreateRiskSchema = z
  .object({ ...riskFields, consequence: riskFields.consequence })
  .superRefine((v, ctx) => riskRules({ ...v, consequence: v.consequence ?? null }, ctx));
export type CreateRisk = z.infer<typeof CreateRiskSchema>;

export const UpdateRiskSchema = z
  .object({
    version,
    title: nameSchema.optional(),
    siteIds: z.array(uuid).max(50).optional(),
    systemIds: z.array(uuid).max(50).optional(),
    hazard: riskFields.hazard,
    consequenceText: riskFields.consequenceText,
    controls: z.array(requiredText(500)).max(50, { error: 'kan ha høyst 50 tiltak' }).optional(),
    probability: scale.optional(),
    consequence: scale.nullish(),
    dimensions: dimensions.optional(),
    ownerId: uuid.nullish(),
    status: z.enum(RISK_STATUSES, { error: choiceError('må være open, treating, accepted eller closed') }).optional(),
    closeReason: riskFields.closeReason,
    reviewDate: dateSchema.nullish(),
    references: riskFields.references,
    options: z.array(OptionInputSchema).max(20, { error: 'kan ha høyst 20 alternativer' }).optional(),
  })
  .superRefine(riskRules);
export type UpdateRisk = z.infer<typeof UpdateRiskSchema>;

export function dimensionValues(d: Partial<Record<ConsequenceDimension, number | null | undefined>> | undefined): number[] {
  return CONSEQUENCE_DIMENSIONS.flatMap((k) => {
    const v = d?.[k];
    return typeof v === 'number' ? [v] : [];
  });
}

/** The consequence that counts: the highest of the overall value and the dimensions given. */
export function effectiveConsequence(consequence: number | null, dims: Partial<Record<ConsequenceDimension, number | null | undefined>> | undefined): number {
  const values = [...(consequence !== null ? [consequence] : []), ...dimensionValues(dims)];
  if (values.length === 0) throw new RangeError('a risk needs a consequence');
  return Math.max(...values);
}

/**
 * What drives the consequence that counts: the overall value and/or the dimensions whose value is
 * the highest (all of them on a tie). Empty when nothing is given.
 */
export function consequenceDrivers(
  consequence: number | null,
  dims: Partial<Record<ConsequenceDimension, number | null | undefined>> | undefined,
): Array<'overall' | ConsequenceDimension> {
  const given = [...(consequence !== null ? [['overall', consequence] as const] : []), ...CONSEQUENCE_DIMENSIONS.flatMap((k) => (typeof dims?.[k] === 'number' ? [[k, dims[k]] as const] : []))];
  if (given.length === 0) return [];
  const top = Math.max(...given.map(([, v]) => v));
  return given.filter(([, v]) => v === top).map(([k]) => k);
}

// ------------------------------------------------------------------ output

export const RiskObjectSchema = z.object({ kind: z.enum(['site', 'system']), id: z.uuid(), name: z.string() });
export type RiskObject = z.infer<typeof RiskObjectSchema>;

export const OptionLineSchema = z.object({
  kind: z.enum(COST_KINDS),
  year: z.int(),
  amount: z.int().nullable(),
  quantity: z.int().nullable(),
  unitPrice: z.int().nullable(),
});
export type OptionLine = z.infer<typeof OptionLineSchema>;

export const LinkedMeasureSchema = z.object({
  id: z.uuid(),
  lineageId: z.uuid(),
  revisionId: z.uuid(),
  revisionNumber: z.int(),
  revisionStatus: z.enum(['draft', 'adopted']),
  periodName: z.string(),
  number: z.string().nullable(),
  title: z.string(),
});
export type LinkedMeasure = z.infer<typeof LinkedMeasureSchema>;

/** An option as stored (lines are the option's own until it is linked). */
export interface StoredOption {
  id: string;
  position: number;
  description: string;
  lines: OptionLine[];
  residualProbability: number | null;
  residualConsequence: number | null;
  chosen: boolean;
  measure: (LinkedMeasure & { lines: OptionLine[] }) | null;
  /** The lineage of the measure made from it, even when that measure is gone from every revision. */
  measureLineageId: string | null;
  version: number;
}

export const RiskOptionSchema = z.object({
  id: z.uuid(),
  position: z.int(),
  description: z.string(),
  /** The money: the linked measure's cost lines when there is one, else the option's own. */
  lines: z.array(OptionLineSchema),
  invest: z.int(),
  drift: z.int(),
  residualProbability: z.int().nullable(),
  residualConsequence: z.int().nullable(),
  residualLevel: z.enum(LEVELS).nullable(),
  chosen: z.boolean(),
  measure: LinkedMeasureSchema.nullable(),
  /** The option became a measure whose lineage no revision holds any more. */
  measureRemoved: z.boolean(),
  version: z.int(),
});
export type RiskOption = z.infer<typeof RiskOptionSchema>;

/** A risk as stored and read (before derivation). */
export interface StoredRisk {
  id: string;
  organizationId: string;
  title: string;
  siteIds: string[];
  systemIds: string[];
  objects: RiskObject[];
  hazard: string | null;
  consequenceText: string | null;
  controls: string[];
  probability: number;
  consequence: number | null;
  dimensions: Partial<Record<ConsequenceDimension, number>>;
  ownerId: string | null;
  ownerName: string | null;
  status: RiskStatus;
  closeReason: string | null;
  reviewDate: string | null;
  references: string | null;
  version: number;
  options: StoredOption[];
}

export const RiskSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  title: z.string(),
  siteIds: z.array(z.uuid()),
  systemIds: z.array(z.uuid()),
  objects: z.array(RiskObjectSchema),
  hazard: z.string().nullable(),
  consequenceText: z.string().nullable(),
  controls: z.array(z.string()),
  probability: z.int(),
  /** The consequence as entered (overall); `effectiveConsequence` is the one that counts. */
  consequence: z.int().nullable(),
  dimensions: z.record(z.string(), z.int()),
  effectiveConsequence: z.int(),
  score: z.int(),
  level: z.enum(LEVELS),
  residualLevel: z.enum(LEVELS).nullable(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  status: z.enum(RISK_STATUSES),
  closeReason: z.string().nullable(),
  reviewDate: z.string().nullable(),
  /** The review date has passed (and the risk is not closed). */
  reviewOverdue: z.boolean(),
  references: z.string().nullable(),
  options: z.array(RiskOptionSchema),
  version: z.int(),
});
export type Risk = z.infer<typeof RiskSchema>;

export function kindSum(lines: readonly CostLineLike[], kind: CostKind): number {
  return sum(lines.filter((l) => l.kind === kind).map(lineAmount));
}

export function optionView(o: StoredOption, matrix: RiskMatrix | null): RiskOption {
  const lines = o.measure ? o.measure.lines : o.lines;
  const residualLevel =
    isScaleValue(o.residualProbability) && isScaleValue(o.residualConsequence) ? levelOf(matrix, o.residualProbability, o.residualConsequence) : null;
  const measure = o.measure ? LinkedMeasureSchema.parse(o.measure) : null;
  return {
    id: o.id,
    position: o.position,
    description: o.description,
    lines,
    invest: kindSum(lines, 'invest'),
    drift: kindSum(lines, 'drift'),
    residualProbability: o.residualProbability,
    residualConsequence: o.residualConsequence,
    residualLevel,
    chosen: o.chosen,
    measure,
    measureRemoved: o.measure === null && o.measureLineageId !== null,
    version: o.version,
  };
}

/** A closed or accepted risk needs no review alert. */
const SETTLED: ReadonlySet<RiskStatus> = new Set(['closed', 'accepted']);

/** Everything derived about a risk: score, level, residual level (of the chosen option), overdue review. */
export function riskView(r: StoredRisk, matrix: RiskMatrix | null, today: string): Risk {
  const effective = effectiveConsequence(r.consequence, r.dimensions);
  const options = r.options.map((o) => optionView(o, matrix));
  const chosen = options.find((o) => o.chosen);
  return {
    id: r.id,
    organizationId: r.organizationId,
    title: r.title,
    siteIds: r.siteIds,
    systemIds: r.systemIds,
    objects: r.objects,
    hazard: r.hazard,
    consequenceText: r.consequenceText,
    controls: r.controls,
    probability: r.probability,
    consequence: r.consequence,
    dimensions: r.dimensions,
    effectiveConsequence: effective,
    score: r.probability * effective,
    level: levelOf(matrix, r.probability, effective),
    residualLevel: chosen?.residualLevel ?? null,
    ownerId: r.ownerId,
    ownerName: r.ownerName,
    status: r.status,
    closeReason: r.closeReason,
    reviewDate: r.reviewDate,
    reviewOverdue: r.reviewDate !== null && r.reviewDate < today && !SETTLED.has(r.status),
    references: r.references,
    options,
    version: r.version,
  };
}

/** Risks above the acceptance line (medium or high) that are not closed, worst first. */
export function risksAboveLine(risks: readonly Risk[]): Risk[] {
  return risks
    .filter((r) => aboveAcceptance(r.level) && r.status !== 'closed')
    .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, 'nb'));
}

// ------------------------------------------------------------------ alerts and settings

export const RiskAlertSchema = z.object({
  kind: z.enum(['risk_review', 'document_review']),
  id: z.uuid(),
  title: z.string(),
  date: z.string(),
  level: z.enum(LEVELS).nullable(),
});
export type RiskAlert = z.infer<typeof RiskAlertSchema>;

/** Risks past their review date (and not settled), oldest first. */
export function riskReviewAlerts(risks: readonly Risk[]): RiskAlert[] {
  return risks
    .filter((r) => r.reviewOverdue && r.reviewDate !== null)
    .map((r) => ({ kind: 'risk_review' as const, id: r.id, title: r.title, date: r.reviewDate!, level: r.level }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title, 'nb'));
}

export const RiskSettingsSchema = z.object({
  matrix: z.array(z.array(z.enum(LEVELS))),
  /** Readers of the organization see risks and security documents (off by default). */
  readersSee: z.boolean(),
  version: z.int(),
  /** The user may see the register (editor, admin, or a reader when allowed). */
  canSee: z.boolean(),
});
export type RiskSettings = z.infer<typeof RiskSettingsSchema>;

export type RiskLevelCounts = Record<Level, number>;

// ------------------------------------------------------------------ "Lag tiltak"

/** What "Lag tiltak" writes: a measure of the draft revision with the option's money as cost lines. */
export interface MeasureFromOption {
  title: string;
  description: string;
  priority: 'high' | 'medium' | 'low';
  lines: Array<{ kind: CostKind; year: number; amount: number | null; quantity: number | null; unitPrice: number | null; note: string }>;
}

export type MeasureFromOptionResult = { ok: true; value: MeasureFromOption } | { ok: false; field: string; message: string };

/**
 * The measure an option becomes. The option must be the chosen one and not yet a measure, and its
 * lines must fall inside the draft revision's period (the action plan's years).
 */
export function measureFromOption(risk: Pick<Risk, 'title' | 'level' | 'options'>, optionId: string, period: { startYear: number; endYear: number }): MeasureFromOptionResult {
  const index = risk.options.findIndex((o) => o.id === optionId);
  const option = risk.options[index];
  if (!option) return { ok: false, field: 'optionId', message: message('risk.noOption') };
  if (option.measure || option.measureRemoved) return { ok: false, field: `options.${index}`, message: message('risk.alreadyMeasure') };
  if (!option.chosen) return { ok: false, field: `options.${index}.chosen`, message: message('risk.chooseFirst') };
  const outside = option.lines.findIndex((l) => l.year < period.startYear || l.year > period.endYear);
  if (outside >= 0) {
    return {
      ok: false,
      field: `options.${index}.lines.${outside}.year`,
      message: message('risk.yearOutside', { line: outside + 1, from: period.startYear, to: period.endYear }),
    };
  }
  // The measure is public once its revision is published (innsyn); the risk is not (offentleglova
  // §24), so the measure names only the option, never the risk or its hazard.
  const title = option.description;
  return {
    ok: true,
    value: {
      title: title.length > LIMITS.name ? `${title.slice(0, LIMITS.name - 1)}…` : title,
      description: 'Tiltak fra intern risikovurdering (ROS).',
      priority: risk.level,
      lines: option.lines.map((l) => ({ ...l, note: 'Fra risikovurdering' })),
    },
  };
}
