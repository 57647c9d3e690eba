/** Parameters, limits and problems that several route modules share (routes don't import other routes). */
import { z } from 'zod';
import { uuid } from '../domain/organization.ts';
import { conflict } from './problem.ts';

export const OrgParams = z.object({ orgId: uuid });

/** Largest spreadsheet an import accepts (raw file body). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export const adoptedProblem = () =>
  conflict('Revisjonen er vedtatt og kan ikke endres. Lag en ny revisjon for å gjøre endringer.');
