/**
 * The acceptance matrix (akseptkriterier): a 5×5 grid of levels, stored as data per organization.
 * Rows are probability 1–5, columns consequence 1–5. A risk's score (probability × consequence)
 * and its level are derived from its two values and the grid, never stored.
 */
import { z } from 'zod';
import { message } from './messages.ts';

export const LEVELS = ['low', 'medium', 'high'] as const;
export type Level = (typeof LEVELS)[number];
export const SCALE = [1, 2, 3, 4, 5] as const;
export type ScaleValue = (typeof SCALE)[number];

/** grid[probability − 1][consequence − 1]. */
export type RiskMatrix = Level[][];

export const LEVEL_LABELS: Record<Level, string> = { low: 'Lav', medium: 'Middels', high: 'Høy' };

export const RiskMatrixSchema = z
  .array(z.array(z.enum(LEVELS, { error: message('risk.level') })).length(5, { error: message('risk.fiveColumns') }), {
    error: message('risk.fiveRowsTable'),
  })
  .length(5, { error: message('risk.fiveRows') });

/**
 * NS 5814-style defaults (as in DSB's guidance): green up to score 4, yellow 5–10, red from 12.
 * A very unlikely event with a very serious consequence (1 × 5) is yellow: it must be considered.
 */
export function levelOfScore(score: number): Level {
  if (score <= 4) return 'low';
  if (score <= 10) return 'medium';
  return 'high';
}

export const DEFAULT_MATRIX: RiskMatrix = SCALE.map((p) => SCALE.map((c) => levelOfScore(p * c)));

export function isScaleValue(n: unknown): n is ScaleValue {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 5;
}

export function riskScore(probability: number, consequence: number): number {
  return probability * consequence;
}

/** The level of a cell in the organization's grid (defaults where it has none). */
export function levelOf(matrix: RiskMatrix | null | undefined, probability: number, consequence: number): Level {
  if (!isScaleValue(probability) || !isScaleValue(consequence)) throw new RangeError(`probability and consequence must be 1–5, got ${probability}, ${consequence}`);
  const grid = matrix ?? DEFAULT_MATRIX;
  return grid[probability - 1]?.[consequence - 1] ?? DEFAULT_MATRIX[probability - 1]![consequence - 1]!;
}

const RANK: Record<Level, number> = { low: 0, medium: 1, high: 2 };

/** Above the acceptance line: any level but low. */
export function aboveAcceptance(level: Level): boolean {
  return level !== 'low';
}

export function higherLevel(a: Level, b: Level): Level {
  return RANK[a] >= RANK[b] ? a : b;
}

/**
 * A grid is consistent when a level never falls as probability or consequence grows (a worse
 * event is never more acceptable). The API refuses an inconsistent grid with the first cell.
 */
export function matrixProblem(matrix: RiskMatrix): { probability: number; consequence: number } | null {
  for (const p of SCALE) {
    for (const c of SCALE) {
      const here = RANK[matrix[p - 1]![c - 1]!];
      if (p > 1 && here < RANK[matrix[p - 2]![c - 1]!]) return { probability: p, consequence: c };
      if (c > 1 && here < RANK[matrix[p - 1]![c - 2]!]) return { probability: p, consequence: c };
    }
  }
  return null;
}

/** Counts per cell (probability row × consequence column) and per level. */
export interface MatrixCounts {
  cells: number[][];
  levels: Record<Level, number>;
}

export function matrixCounts(matrix: RiskMatrix | null | undefined, risks: Iterable<{ probability: number; consequence: number }>): MatrixCounts {
  const cells = SCALE.map(() => SCALE.map(() => 0));
  const levels: Record<Level, number> = { low: 0, medium: 0, high: 0 };
  for (const r of risks) {
    cells[r.probability - 1]![r.consequence - 1]! += 1;
    levels[levelOf(matrix, r.probability, r.consequence)] += 1;
  }
  return { cells, levels };
}
