/**
 * Accounts per ansvar (cost centre): an ansvar has a number and a name per organization; per year
 * it has a budget and accounts (regnskap), or only the deviation when the source prints only that.
 * The deviation is budget − accounts: positive is mindreforbruk, negative merforbruk. It is derived
 * (stored only when the source gave nothing else), and every sum is derived with the money module.
 */
import { z } from 'zod';
import { add, subtract, sum, type Kroner } from './money.ts';

export interface AccountFigures {
  budget: number | null;
  actual: number | null;
  /** The printed deviation, only for a line that has neither budget nor accounts. */
  printedDeviation: number | null;
}

/** budget − actual, or the printed deviation when the line has only that. */
export function deviationOf(line: AccountFigures): Kroner {
  if (line.budget !== null && line.actual !== null) return subtract(line.budget, line.actual);
  return subtract(line.printedDeviation ?? 0, 0);
}

export type DeviationWord = 'mindreforbruk' | 'merforbruk' | 'balanse';
export function deviationWord(deviation: number): DeviationWord {
  return deviation > 0 ? 'mindreforbruk' : deviation < 0 ? 'merforbruk' : 'balanse';
}

/** The sum of lines: budget and actual null when no line has them; deviation always. */
export function accountsTotal(lines: readonly AccountFigures[]): { budget: number | null; actual: number | null; deviation: number } {
  const budgets = lines.map((l) => l.budget).filter((b): b is number => b !== null);
  const actuals = lines.map((l) => l.actual).filter((a): a is number => a !== null);
  return {
    budget: budgets.length === 0 ? null : sum(budgets),
    actual: actuals.length === 0 ? null : sum(actuals),
    deviation: lines.reduce<number>((s, l) => add(s, deviationOf(l)), 0),
  };
}

export const AccountLineSchema = z.object({
  ansvarId: z.uuid(),
  ansvar: z.string(),
  name: z.string(),
  budget: z.int().nullable(),
  actual: z.int().nullable(),
  deviation: z.int(),
});
export type AccountLine = z.infer<typeof AccountLineSchema>;

export const AccountsYearSchema = z.object({
  year: z.int(),
  years: z.array(z.int()),
  lines: z.array(AccountLineSchema),
  total: z.object({ budget: z.int().nullable(), actual: z.int().nullable(), deviation: z.int() }),
  /** Every ansvar of the organization, also those without a line this year (for the pool form). */
  ansvar: z.array(z.object({ id: z.uuid(), number: z.string(), name: z.string() })),
});
export type AccountsYear = z.infer<typeof AccountsYearSchema>;
