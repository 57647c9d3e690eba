/**
 * Cost sharing between an IKS's owners: cost pools (an ansvar's budget, accounts or deviation for a
 * year, or a shared system's yearly contract cost), their keys, and THE share rule `shareAmount`.
 *
 * The share rule is the largest-remainder method in exact integer (BigInt) arithmetic: each owner
 * first gets the whole kroner of its quota amount × weight / Σweights, and the kroner left over go
 * one each to the largest remainders, ties broken by kommunenummer (then slug). A negative amount
 * (a refund) is shared as its absolute value and negated, so a refund is split exactly like a cost.
 * A zero weight has remainder 0 and never gets a leftover krone (the leftovers k are fewer than the
 * positive remainders, whose sum is k × Σweights with each below Σweights).
 */
import { z } from 'zod';
import type { CostKey } from './cooperation.ts';
import type { CostPoolBasis, CostShareKey } from './annual-figures.ts';
import { kroner, sum, withinLimit, MAX_KRONER_TEXT, type Kroner } from './money.ts';
import { choiceError } from './choice.ts';
import { optionalText } from './validation.ts';

export type { CostPoolBasis, CostShareKey };
export const COST_POOL_BASES = ['budget', 'actual', 'deviation', 'system', 'amount'] as const satisfies readonly CostPoolBasis[];
export const COST_SHARE_KEYS = ['equal', 'fixed', 'metric', 'users'] as const satisfies readonly CostShareKey[];

/** The words of files and the command line (`grunnlag`, `nøkkel`). */
export const BASIS_WORDS: Record<CostPoolBasis, string> = { budget: 'budsjett', actual: 'regnskap', deviation: 'avvik', system: 'system', amount: 'beløp' };
export const KEY_WORDS: Record<CostShareKey, string> = { equal: 'lik', fixed: 'fast', metric: 'måltall', users: 'brukere' };

/**
 * The cooperation cost key (src/domain/cooperation.ts) in this model: a cooperation that shares an
 * amount uses the same `shareAmount`, with `innbyggere` and `forbruk` as metrics.
 */
export const COOPERATION_SHARE_KEY: Record<CostKey, CostShareKey> = {
  like: 'equal',
  fast: 'fixed',
  brukere: 'users',
  innbyggere: 'metric',
  forbruk: 'metric',
};

export class CostShareError extends Error {
  override name = 'CostShareError';
}

export interface ShareWeight {
  /** Tie-break key: the owner's kommunenummer, or its slug when it has none. */
  readonly key: string;
  /** A non-negative whole number: 1 for equal shares, hundredths of a percent, a metric value or users. */
  readonly weight: number;
}

/**
 * Shares `amount` (whole kroner, may be negative) by `weights`: whole kroner that add up exactly to
 * the amount. Throws CostShareError naming `poolName` when every weight is zero or a weight is bad.
 */
export function shareAmount(amount: number, weights: readonly ShareWeight[], poolName: string): Kroner[] {
  const total = kroner(amount);
  if (weights.length === 0) throw new CostShareError(`Fordelingen «${poolName}» har ingen eiere å fordele på.`);
  for (const w of weights) {
    if (!Number.isSafeInteger(w.weight) || w.weight < 0) {
      throw new CostShareError(`Fordelingen «${poolName}»: vekten for ${w.key} må være et heltall som ikke er negativt (fikk ${String(w.weight)}).`);
    }
  }
  const sumWeights = weights.reduce((s, w) => s + BigInt(w.weight), 0n);
  if (sumWeights === 0n) throw new CostShareError(`Fordelingen «${poolName}» kan ikke fordeles: alle vektene er null.`);
  const abs = BigInt(Math.abs(total));
  const quotas = weights.map((w) => abs * BigInt(w.weight));
  const shares = quotas.map((q) => q / sumWeights);
  let left = abs - shares.reduce((s, q) => s + q, 0n);
  const order = weights
    .map((w, i) => ({ i, rest: quotas[i]! % sumWeights, key: w.key }))
    .sort((a, b) => (a.rest === b.rest ? (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i) : a.rest > b.rest ? -1 : 1));
  for (const o of order) {
    if (left === 0n) break;
    shares[o.i] = shares[o.i]! + 1n;
    left -= 1n;
  }
  const sign = total < 0 ? -1 : 1;
  return shares.map((s) => kroner(sign * Number(s) || 0));
}

/** Percentages as typed (`33,33`, `33.33`, `25`) → hundredths of a percent; null when not one. */
export function parsePercent(text: string): number | null {
  const t = text.trim().replace(/%$/, '').trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t)) return null;
  const [whole, frac = ''] = t.split('.');
  const value = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return value <= 10_000 ? value : null;
}

/** Hundredths of a percent → `33,33 %`. */
export function formatPercent(hundredths: number): string {
  const whole = Math.trunc(hundredths / 100);
  const frac = hundredths % 100;
  return frac === 0 ? `${whole}\u00a0%` : `${whole},${String(frac).padStart(2, '0').replace(/0$/, '')}\u00a0%`;
}

/** Fixed percentages (hundredths) must add up to exactly 100 %. Returns the message, or null. */
export function percentagesProblem(hundredths: readonly number[]): string | null {
  const total = hundredths.reduce((s, p) => s + p, 0);
  return total === 10_000 ? null : `Prosentene må til sammen bli 100 (de blir ${formatPercent(total).replace('\u00a0%', '')}).`;
}

// ------------------------------------------------------------------ pools as the API takes them

const amountSchema = z
  .int({ error: 'må være et helt kronebeløp' })
  .refine(withinLimit, { error: `kan være høyst ${MAX_KRONER_TEXT}` });

export const CostPoolInputSchema = z
  .object({
    name: optionalText(200),
    ansvarId: z.uuid({ error: 'må være en gyldig ID' }).nullish(),
    systemId: z.uuid({ error: 'må være en gyldig ID' }).nullish(),
    basis: z.enum(COST_POOL_BASES, { error: choiceError('må være budget, actual, deviation, system eller amount') }),
    /** Left out for a cooperation's pool: the cooperation's own cost key (COOPERATION_SHARE_KEY). */
    key: z.enum(COST_SHARE_KEYS, { error: choiceError('må være equal, fixed, metric eller users') }).nullish(),
    /** Share among this cooperation's participants (the host's own cooperation) instead of the owners. */
    cooperationId: z.uuid({ error: 'må være en gyldig ID' }).nullish(),
    metricId: z.uuid({ error: 'må være en gyldig ID' }).nullish(),
    /** The owners that share the pool; null or left out = every owner. */
    ownerIds: z.array(z.uuid({ error: 'må være en gyldig ID' })).max(100).nullish(),
    /** For key fixed: hundredths of a percent per owner in `ownerIds` order (all owners when null). */
    percentages: z.array(z.int().min(0, { error: 'kan ikke være negativ' }).max(10_000, { error: 'kan være høyst 100 %' })).max(100).nullish(),
    /** For basis amount, or a system pool without a yearly contract cost: the amount typed in. */
    amount: amountSchema.nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.basis === 'system' && !v.systemId) ctx.addIssue({ code: 'custom', path: ['systemId'], message: 'må velges når grunnlaget er et system' });
    if (v.basis !== 'system' && v.basis !== 'amount' && !v.ansvarId) ctx.addIssue({ code: 'custom', path: ['ansvarId'], message: 'må velges når grunnlaget er budsjett, regnskap eller avvik' });
    if (v.basis === 'amount' && (v.amount === null || v.amount === undefined)) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'må fylles ut når grunnlaget er et beløp' });
    if (!v.key && !v.cooperationId) ctx.addIssue({ code: 'custom', path: ['key'], message: 'må velges (bare et samarbeid har en nøkkel fra før)' });
    if (v.key) for (const issue of keyIssues(v, v.key)) ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
  });

/**
 * What the key of a pool needs from its other fields (field → message without the field's label).
 * Also checked by the API once a cooperation's pool has its key from the cooperation.
 */
export function keyIssues(
  v: { metricId?: string | null; systemId?: string | null; ownerIds?: readonly string[] | null; percentages?: readonly number[] | null },
  key: CostShareKey,
): { field: 'metricId' | 'systemId' | 'percentages'; message: string }[] {
  const issues: { field: 'metricId' | 'systemId' | 'percentages'; message: string }[] = [];
  if (key === 'metric' && !v.metricId) issues.push({ field: 'metricId', message: 'må velges for nøkkelen måltall' });
  if (key === 'users' && !v.systemId) issues.push({ field: 'systemId', message: 'må velges for nøkkelen brukere' });
  if (key === 'fixed') {
    if (!v.percentages || v.percentages.length === 0) issues.push({ field: 'percentages', message: 'må fylles ut for nøkkelen fast' });
    else {
      const problem = percentagesProblem(v.percentages);
      if (problem) issues.push({ field: 'percentages', message: `er feil: ${problem}` });
      if (v.ownerIds && v.ownerIds.length > 0 && v.ownerIds.length !== v.percentages.length) issues.push({ field: 'percentages', message: 'må ha én prosent per valgt eier' });
    }
  }
  return issues;
}
export type CostPoolInput = z.infer<typeof CostPoolInputSchema>;

export const CostPoolSchema = z.object({
  id: z.uuid(),
  year: z.int(),
  name: z.string(),
  ansvarId: z.uuid().nullable(),
  ansvar: z.string().nullable(),
  systemId: z.uuid().nullable(),
  system: z.string().nullable(),
  basis: z.enum(COST_POOL_BASES),
  key: z.enum(COST_SHARE_KEYS),
  metricId: z.uuid().nullable(),
  metric: z.string().nullable(),
  ownerIds: z.array(z.uuid()).nullable(),
  percentages: z.array(z.int()).nullable(),
  typedAmount: z.int().nullable(),
  cooperationId: z.uuid().nullable(),
  version: z.int(),
});
export type CostPool = z.infer<typeof CostPoolSchema>;

/** A pool's definition as stored (ids resolved). */
export interface PoolDefinition {
  name: string;
  ansvarId: string | null;
  systemId: string | null;
  basis: CostPoolBasis;
  key: CostShareKey;
  metricId: string | null;
  ownerIds: string[] | null;
  percentages: number[] | null;
  typedAmount: number | null;
  /** The host's cooperation whose participants share the pool; null = the owners. */
  cooperationId?: string | null;
}

/** One owner as a pool sees it. */
export interface PoolOwner {
  organizationId: string;
  name: string;
  kommunenummer: string | null;
  slug: string;
}

/** What computing a pool's shares needs, all read from the database by the caller. */
export interface PoolFacts {
  name: string;
  key: CostShareKey;
  /** The pool's amount, or null when its basis has no figure for the year. */
  amount: number | null;
  ownerIds: readonly string[] | null;
  percentages: readonly number[] | null;
  /** Metric value (key metric) or users (key users) per owner id; missing = 0. */
  weights: ReadonlyMap<string, number>;
}

export type PoolShares =
  | { ok: true; amount: number; shares: { owner: PoolOwner; amount: number; weight: number }[] }
  | { ok: false; amount: number | null; message: string };

/** The shares of a pool for every owner (0 for those outside its subset), ordered by kommunenummer. */
export function poolShares(pool: PoolFacts, owners: readonly PoolOwner[]): PoolShares {
  const ordered = [...owners].sort(byKommunenummer);
  if (pool.amount === null) return { ok: false, amount: null, message: `Fordelingen «${pool.name}» har ikke noe beløp for året.` };
  const chosen = pool.ownerIds ?? ordered.map((o) => o.organizationId);
  const weightOf = (id: string): number => {
    if (!chosen.includes(id)) return 0;
    switch (pool.key) {
      case 'equal':
        return 1;
      case 'fixed':
        return pool.percentages?.[chosen.indexOf(id)] ?? 0;
      default:
        return pool.weights.get(id) ?? 0;
    }
  };
  const weights = ordered.map((o) => ({ key: tieKey(o), weight: weightOf(o.organizationId) }));
  if (pool.key === 'fixed') {
    const problem = percentagesProblem(pool.percentages ?? []);
    if (problem) return { ok: false, amount: pool.amount, message: `Fordelingen «${pool.name}»: ${problem}` };
  }
  try {
    const amounts = shareAmount(pool.amount, weights, pool.name);
    return { ok: true, amount: pool.amount, shares: ordered.map((owner, i) => ({ owner, amount: amounts[i]!, weight: weights[i]!.weight })) };
  } catch (err) {
    if (err instanceof CostShareError) return { ok: false, amount: pool.amount, message: err.message };
    throw err;
  }
}

export function tieKey(o: Pick<PoolOwner, 'kommunenummer' | 'slug'>): string {
  return o.kommunenummer ?? `~${o.slug}`;
}

export function byKommunenummer(a: Pick<PoolOwner, 'kommunenummer' | 'slug'>, b: Pick<PoolOwner, 'kommunenummer' | 'slug'>): number {
  const ka = tieKey(a);
  const kb = tieKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Yearly contract cost of a system for `year`: the contracts that run at any time in the year. */
export function yearlyContractCost(list: readonly { startDate: string | null; endDate: string | null; yearlyCost: number | null }[], year: number): number | null {
  const running = list.filter((c) => (c.startDate === null || c.startDate <= `${year}-12-31`) && (c.endDate === null || c.endDate >= `${year}-01-01`));
  const costs = running.map((c) => c.yearlyCost).filter((c): c is number => c !== null);
  return costs.length === 0 ? null : sum(costs);
}

// ------------------------------------------------------------------ a cooperation's pools

/** A membership of a cooperation as the pool sees it (the host is an accepted member of its own). */
export interface CooperationMembership extends PoolOwner {
  state: 'invited' | 'accepted' | 'declined';
}

/**
 * The participants of a cooperation's pool: its accepted members, the host included (a 2K shares
 * between all its kommuner), ordered by kommunenummer. Invited and declined members take no part.
 */
export function cooperationParticipants(members: readonly CooperationMembership[]): PoolOwner[] {
  const seen = new Set<string>();
  const out: PoolOwner[] = [];
  for (const m of members) {
    if (m.state !== 'accepted' || seen.has(m.organizationId)) continue;
    seen.add(m.organizationId);
    out.push({ organizationId: m.organizationId, name: m.name, kommunenummer: m.kommunenummer, slug: m.slug });
  }
  return out.sort(byKommunenummer);
}

/** The key of a pool: the one chosen, else the cooperation's own cost key, else none (an error for the caller). */
export function poolKey(chosen: CostShareKey | null | undefined, cooperationCostKey: CostKey | null): CostShareKey | null {
  return chosen ?? (cooperationCostKey === null ? null : COOPERATION_SHARE_KEY[cooperationCostKey]);
}

/** One of the host's cooperations as the pool form and its checks see it. */
export interface PoolCooperation {
  id: string;
  name: string;
  costKey: CostKey;
  members: CooperationMembership[];
}

/**
 * Why a pool cannot be shared in this cooperation (a message for the field `cooperationId`), or null:
 * it must be one of the host's own cooperations, with at least one accepted member besides the host.
 */
export function cooperationPoolProblem(cooperation: PoolCooperation | undefined, hostId: string): string | null {
  if (!cooperation) return 'Samarbeidet finnes ikke i organisasjonen';
  if (!cooperationParticipants(cooperation.members).some((p) => p.organizationId !== hostId)) {
    return `Samarbeidet «${cooperation.name}» har ingen medlemmer som har godtatt invitasjonen`;
  }
  return null;
}
