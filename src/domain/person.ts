/** Persons (personregister) as a register table: the export columns. */
import { z } from 'zod';
import { SYSTEM_ROLES, type Person } from './portfolio.ts';
import type { RegisterColumn } from './register.ts';

export const PERSON_COLUMNS: readonly RegisterColumn<Person>[] = [
  { key: 'name', nb: 'navn', nn: 'namn', kind: 'text', json: (p) => p.name },
  { key: 'title', nb: 'stilling', nn: 'stilling', kind: 'text', json: (p) => p.title },
  { key: 'unit', nb: 'enhet', nn: 'eining', kind: 'text', json: (p) => p.unit },
  { key: 'email', nb: 'e-post', nn: 'e-post', kind: 'text', json: (p) => p.email },
  { key: 'phone', nb: 'telefon', nn: 'telefon', kind: 'text', json: (p) => p.phone },
  { key: 'publicContact', nb: 'offentlig kontakt', nn: 'offentleg kontakt', kind: 'text', json: (p) => p.publicContact },
];

/** The systems a person holds roles on (in the person's organization's capacity). */
export const PersonSystemRoleSchema = z.object({
  roleId: z.uuid(),
  role: z.enum(SYSTEM_ROLES),
  system: z.object({ id: z.uuid(), name: z.string() }),
  /** The owner of a shared system; null when the organization owns it. */
  host: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type PersonSystemRole = z.infer<typeof PersonSystemRoleSchema>;
