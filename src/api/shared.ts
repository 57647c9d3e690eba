/** Parameters, limits and problems that several route modules share (routes don't import other routes). */
import { z } from 'zod';
import { uuid } from '../domain/organization.ts';
import { SpreadsheetTooLargeError } from '../reports/spreadsheet.ts';
import { Problem, conflict } from './problem.ts';

export const OrgParams = z.object({ orgId: uuid });

/** Largest spreadsheet an import accepts (raw file body). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export const adoptedProblem = () =>
  conflict('Revisjonen er vedtatt og kan ikke endres. Lag en ny revisjon for å gjøre endringer.');

/** A spreadsheet beyond the row, column or unpacked-size limits: 413 with the reader's message. */
export async function tooLargeAs413<T>(reading: Promise<T>): Promise<T> {
  try {
    return await reading;
  } catch (err) {
    if (err instanceof SpreadsheetTooLargeError) throw new Problem(413, 'For stor fil', err.message, [{ field: 'file', message: err.message }]);
    throw err;
  }
}
