/** Strategy and action plan: types and input schemas shared by API, web and documents. */
import { z } from 'zod';
import { choiceError } from './choice.ts';
import { LIMITS, nameSchema, uuid, version } from './organization.ts';
import { MAX_KRONER, MAX_KRONER_TEXT } from './money.ts';
import { COST_KINDS } from './plan-totals.ts';
import { dateSchema, optionalText, requiredText } from './validation.ts';
import { isMeasureNumber, MEASURE_NUMBER_RULE, REVISION_STATES, savingProblem } from './plan-revisions.ts';
import { message } from './messages.ts';

export const MEASURE_STATUSES = ['planned', 'in_progress', 'done', 'postponed', 'cancelled'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const REVISION_STATUSES = ['draft', 'adopted'] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/** The money limit of one field or sum: MAX_KRONER of money.ts (100 milliarder kr). */
export const MAX_AMOUNT = MAX_KRONER;

const text = optionalText;
const year = z.int().min(MIN_YEAR, { error: `må være ${MIN_YEAR} eller senere` }).max(MAX_YEAR, { error: `må være ${MAX_YEAR} eller tidligere` });
const isoDate = dateSchema;
const amount = z.int().min(-MAX_AMOUNT, { error: message('minKroner', { min: MAX_KRONER_TEXT }) }).max(MAX_AMOUNT, { error: `kan være høyst ${MAX_KRONER_TEXT}` });

// ------------------------------------------------------------------ output types

export const CostLineSchema = z.object({
  id: z.uuid(),
  kind: z.enum(COST_KINDS),
  year: z.int(),
  amount: z.int().nullable(),
  quantity: z.int().nullable(),
  unitPrice: z.int().nullable(),
  note: z.string().nullable(),
  /** An explicit saving (innsparing): the only kind of line with a negative amount. */
  saving: z.boolean(),
});
export type CostLine = z.infer<typeof CostLineSchema>;

export const ActualSpendSchema = z.object({ kind: z.enum(COST_KINDS), year: z.int(), amount: z.int() });
export type ActualSpend = z.infer<typeof ActualSpendSchema>;

export const MeasureSchema = z.object({
  id: z.uuid(),
  lineageId: z.uuid(),
  focusAreaId: z.uuid().nullable(),
  number: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  responsible: z.string().nullable(),
  /** What came of the measure, for the annual report. */
  result: z.string().nullable(),
  status: z.enum(MEASURE_STATUSES),
  priority: z.enum(PRIORITIES),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  goalIds: z.array(z.uuid()),
  lines: z.array(CostLineSchema),
  actuals: z.array(ActualSpendSchema),
  version: z.int(),
});
export type Measure = z.infer<typeof MeasureSchema>;

export const GoalSchema = z.object({
  id: z.uuid(),
  focusAreaId: z.uuid(),
  position: z.int(),
  text: z.string(),
  nationalGoalIds: z.array(z.uuid()),
  version: z.int(),
});
export type Goal = z.infer<typeof GoalSchema>;

export const FocusAreaSchema = z.object({
  id: z.uuid(),
  lineageId: z.uuid(),
  position: z.int(),
  title: z.string(),
  description: z.string().nullable(),
  version: z.int(),
});
export type FocusArea = z.infer<typeof FocusAreaSchema>;

export const RevisionSummarySchema = z.object({
  id: z.uuid(),
  periodId: z.uuid(),
  number: z.int(),
  status: z.enum(REVISION_STATUSES),
  adoptedDate: z.string().nullable(),
  decisionRef: z.string().nullable(),
  basedOnId: z.uuid().nullable(),
  createdAt: z.string(),
  /** Set when the (adopted) revision is published on the public innsyn page. */
  publishedAt: z.string().nullable(),
  version: z.int(),
  /** Draft, adopted and in force, or replaced by a newer adopted revision (`revisionState` in plan-revisions.ts). */
  state: z.enum(REVISION_STATES),
});
export type RevisionSummary = z.infer<typeof RevisionSummarySchema>;

export const PlanPeriodSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  name: z.string(),
  startYear: z.int(),
  endYear: z.int(),
  version: z.int(),
  revisions: z.array(RevisionSummarySchema),
});
export type PlanPeriod = z.infer<typeof PlanPeriodSchema>;

const YearMap = z.record(z.number(), z.int());
const KindYear = z.object({ invest: YearMap, drift: YearMap });
export const TotalsSchema = z.object({
  byYear: KindYear,
  byKind: z.object({ invest: z.int(), drift: z.int() }),
  perYear: YearMap,
  total: z.int(),
});

export const RevisionSchema = RevisionSummarySchema.extend({
  period: z.object({ id: z.uuid(), name: z.string(), startYear: z.int(), endYear: z.int() }),
  vision: z.string().nullable(),
  introduction: z.string().nullable(),
  focusAreas: z.array(FocusAreaSchema),
  goals: z.array(GoalSchema),
  measures: z.array(MeasureSchema),
  totals: z.object({
    years: z.array(z.int()).readonly(),
    perMeasure: z.record(z.string(), TotalsSchema),
    perFocusArea: z.record(z.string(), TotalsSchema),
    overall: TotalsSchema,
  }),
});
export type Revision = z.infer<typeof RevisionSchema>;

/**
 * The handlingsplan table: only what the table shows. A measure's budget lines come as columns
 * (`kinds[i]`, `years[i]`, `amounts[i]`, and `quantities[i]` × `unitPrices[i]` where the line is
 * priced that way); every sum (per measure, kind and year, focus area, overall, the økonomiplan)
 * is derived from them with `actionPlanMoney` and `compactPlanTotals` in plan-totals.ts.
 * The server sends the database's JSON as it is (no parsing or re-serializing per request).
 */
export const ActionPlanMeasureSchema = z.object({
  id: z.uuid(),
  number: z.string().nullable(),
  title: z.string(),
  focusAreaId: z.uuid().nullable(),
  status: z.enum(MEASURE_STATUSES),
  /** Null when the measure has no budget lines. */
  kinds: z.array(z.enum(COST_KINDS)).nullable(),
  years: z.array(z.int()).nullable(),
  amounts: z.array(z.int().nullable()).nullable(),
  /** Null when no line of the measure is quantity × unit price. */
  quantities: z.array(z.int().nullable()).nullable(),
  unitPrices: z.array(z.int().nullable()).nullable(),
});
export type ActionPlanMeasure = z.infer<typeof ActionPlanMeasureSchema>;

export const ActionPlanTableSchema = RevisionSummarySchema.pick({ id: true, number: true, status: true, adoptedDate: true, decisionRef: true }).extend({
  period: RevisionSchema.shape.period,
  /** The period's revisions, for `revisionState` (erstattet or in force). */
  periodRevisions: z.array(RevisionSummarySchema.pick({ id: true, number: true, status: true })),
  focusAreas: z.array(FocusAreaSchema.pick({ id: true, title: true, position: true })),
  measures: z.array(ActionPlanMeasureSchema),
});
export type ActionPlanTable = z.infer<typeof ActionPlanTableSchema>;

export const NationalGoalSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid().nullable(),
  framework: z.string(),
  code: z.string(),
  title: z.string(),
  validFrom: z.int().nullable(),
  validTo: z.int().nullable(),
  current: z.boolean(),
});
export type NationalGoal = z.infer<typeof NationalGoalSchema>;

// ------------------------------------------------------------------ inputs

export const CreatePlanSchema = z
  .object({
    name: nameSchema,
    startYear: year,
    endYear: year,
    vision: text(LIMITS.text),
  })
  .refine((v) => v.endYear >= v.startYear, { path: ['endYear'], error: message('notBeforeStartYear') })
  .refine((v) => v.endYear - v.startYear <= 11, { path: ['endYear'], error: 'kan være høyst 12 år etter startår' });
export type CreatePlan = z.infer<typeof CreatePlanSchema>;

export const UpdatePlanSchema = z.object({ version, name: nameSchema.optional() });

export const UpdateRevisionSchema = z.object({
  version,
  vision: text(LIMITS.text),
  introduction: text(20_000),
});
export type UpdateRevision = z.infer<typeof UpdateRevisionSchema>;

export const AdoptRevisionSchema = z.object({
  version,
  adoptedDate: isoDate,
  decisionRef: requiredText(100, { missing: 'må fylles ut (for eksempel «K-sak 081/12»)' }),
});
export type AdoptRevision = z.infer<typeof AdoptRevisionSchema>;

export const FocusAreaInputSchema = z.object({
  title: nameSchema,
  description: text(LIMITS.text),
  position: z.int().min(0).max(10_000).optional(),
});
export const UpdateFocusAreaSchema = FocusAreaInputSchema.partial().extend({ version });

export const GoalInputSchema = z.object({
  focusAreaId: uuid,
  text: requiredText(LIMITS.text),
  nationalGoalIds: z.array(uuid).max(50).default([]),
  position: z.int().min(0).max(10_000).optional(),
});
export const UpdateGoalSchema = z.object({
  version,
  focusAreaId: uuid.optional(),
  text: GoalInputSchema.shape.text.optional(),
  nationalGoalIds: z.array(uuid).max(50).optional(),
  position: z.int().min(0).max(10_000).optional(),
});

export const CostLineInputSchema = z
  .object({
    kind: z.enum(COST_KINDS, { error: choiceError('må være invest eller drift') }),
    year,
    amount: amount.nullish(),
    quantity: z.int().min(0, { error: 'kan ikke være negativt' }).max(1_000_000, { error: 'er for stort' }).nullish(),
    unitPrice: amount.nullish(),
    note: text(500),
    /** An explicit saving (innsparing); leave out or false for an ordinary line. */
    saving: z.boolean().optional(),
  })
  .superRefine(savingRule)
  .superRefine((line, ctx) => {
    const hasQty = line.quantity !== null && line.quantity !== undefined;
    const hasPrice = line.unitPrice !== null && line.unitPrice !== undefined;
    const hasAmount = line.amount !== null && line.amount !== undefined;
    if (hasQty !== hasPrice) {
      ctx.addIssue({ code: 'custom', path: [hasQty ? 'unitPrice' : 'quantity'], message: message('amountWithQuantity') });
    } else if (hasQty && hasAmount) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: message('amountComputed') });
    } else if (!hasQty && !hasAmount) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: message('amountOrQuantity') });
    }
  });
export type CostLineInput = z.infer<typeof CostLineInputSchema>;

/** A negative amount (or unit price) only on a line marked as a saving (innsparing). */
function savingRule(line: { amount?: number | null | undefined; unitPrice?: number | null | undefined; quantity?: number | null | undefined; saving?: boolean | undefined }, ctx: z.RefinementCtx): void {
  const priced = line.quantity !== null && line.quantity !== undefined;
  const field = priced ? 'unitPrice' : 'amount';
  const problem = savingProblem(priced ? line.unitPrice : line.amount, line.saving ?? false);
  if (problem) ctx.addIssue({ code: 'custom', path: [field], message: problem });
}

/** A measure number: `3`, `12`, `2.1` (see plan-revisions.ts). */
const measureNumber = text(40).refine((v) => v === null || v === undefined || isMeasureNumber(v), { error: MEASURE_NUMBER_RULE });

export const ActualInputSchema = z.object({ kind: z.enum(COST_KINDS, { error: choiceError('må være invest eller drift') }), year, amount });

const measureFields = {
  focusAreaId: uuid.nullish(),
  number: measureNumber,
  title: nameSchema,
  description: text(LIMITS.text),
  responsible: text(LIMITS.name),
  result: text(LIMITS.text),
  status: z.enum(MEASURE_STATUSES, { error: choiceError('må være planned, in_progress, done, postponed eller cancelled') }).default('planned'),
  priority: z.enum(PRIORITIES, { error: choiceError('må være high, medium eller low') }).default('medium'),
  startDate: isoDate.nullish(),
  endDate: isoDate.nullish(),
  goalIds: z.array(uuid).max(100).default([]),
  lines: z.array(CostLineInputSchema).max(500, { error: 'kan ha høyst 500 linjer' }).default([]),
  actuals: z.array(ActualInputSchema).max(200).default([]),
};

function datesInOrder(v: { startDate?: string | null | undefined; endDate?: string | null | undefined }, ctx: z.RefinementCtx): void {
  if (v.startDate && v.endDate && v.endDate < v.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: message('notBeforeStart') });
  }
}

export const CreateMeasureSchema = z.object(measureFields).superRefine(datesInOrder);
export type CreateMeasure = z.infer<typeof CreateMeasureSchema>;

export const UpdateMeasureSchema = z
  .object({
    version,
    focusAreaId: measureFields.focusAreaId,
    number: measureFields.number,
    title: nameSchema.optional(),
    description: measureFields.description,
    responsible: measureFields.responsible,
    result: measureFields.result,
    status: z.enum(MEASURE_STATUSES, { error: choiceError('må være planned, in_progress, done, postponed eller cancelled') }).optional(),
    priority: z.enum(PRIORITIES, { error: choiceError('må være high, medium eller low') }).optional(),
    startDate: measureFields.startDate,
    endDate: measureFields.endDate,
    goalIds: z.array(uuid).max(100).optional(),
    lines: z.array(CostLineInputSchema).max(500, { error: 'kan ha høyst 500 linjer' }).optional(),
    actuals: z.array(ActualInputSchema).max(200).optional(),
  })
  .superRefine(datesInOrder);
export type UpdateMeasure = z.infer<typeof UpdateMeasureSchema>;

export const NationalGoalInputSchema = z.object({
  framework: nameSchema,
  code: requiredText(40),
  title: nameSchema,
  validFrom: year.nullish(),
  validTo: year.nullish(),
  current: z.boolean().default(true),
});

/** A measure is late when its end date has passed and it is neither done nor cancelled. */
export function isLate(m: { endDate: string | null; status: MeasureStatus }, today: string): boolean {
  return m.endDate !== null && m.endDate < today && m.status !== 'done' && m.status !== 'cancelled';
}
