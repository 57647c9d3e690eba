/**
 * Messages about a measure's money lines that name the line by kind and year, the way the budget
 * grid shows it ("Beløp for investering 2027 er for stort"), instead of by position ("rad 1").
 */
import { COST_KIND_LABELS, FIELD_LABELS } from './labels.ts';
import { COST_KINDS, type CostKind } from './plan-totals.ts';
import type { FieldError } from './validation.ts';

const LINE_FIELD = /^(lines|actuals)\.(\d+)\.([A-Za-z]+)$/;

/** The error with its line named by kind and year when the sent line has them; otherwise unchanged. */
export function nameLineError(error: FieldError, body: unknown): FieldError {
  const m = LINE_FIELD.exec(error.field);
  if (!m?.[1] || !m[2] || !m[3]) return error;
  const list = (body as Record<string, unknown> | null)?.[m[1]];
  const line = Array.isArray(list) ? (list[Number(m[2])] as { kind?: unknown; year?: unknown } | undefined) : undefined;
  const kind = line?.kind;
  const year = line?.year;
  if (typeof kind !== 'string' || !(COST_KINDS as readonly string[]).includes(kind) || typeof year !== 'number' || !Number.isInteger(year)) return error;
  const field = FIELD_LABELS[m[3]] ?? m[3];
  const prefix = `${field} (rad ${Number(m[2]) + 1})`;
  if (!error.message.startsWith(prefix)) return error;
  const where = `${COST_KIND_LABELS[kind as CostKind].toLowerCase()} ${year}`;
  const label = m[1] === 'actuals' ? `${FIELD_LABELS.actuals ?? 'Regnskap'} for ${where}` : `${field} for ${where}`;
  return { field: error.field, message: label + error.message.slice(prefix.length) };
}
