/** Roles a user holds in an organization, and what each lets them do (one table: `can`). */

export const ROLES = ['admin', 'editor', 'reader'] as const;
export type Role = (typeof ROLES)[number];

/** Access an IKS's staff get to an owner municipality's data. */
export const STAFF_ACCESS = ['none', 'reader', 'editor'] as const;
export type StaffAccess = (typeof STAFF_ACCESS)[number];

export type Action =
  | 'org:read'
  | 'org:update'
  | 'org:create'
  | 'org:manageOwners'
  | 'members:read'
  | 'members:manage'
  | 'audit:read'
  | 'data:read'
  | 'data:write';

/** The actor as seen by policies: system administrator flag and effective role in the target org. */
export interface Actor {
  readonly systemAdmin: boolean;
  /** Effective role in the organization the action targets, or null if none. */
  readonly role: Role | null;
}

const RANK: Record<Role, number> = { reader: 1, editor: 2, admin: 3 };

const NEEDS: Record<Exclude<Action, 'org:create' | 'org:manageOwners'>, Role> = {
  'org:read': 'reader',
  'data:read': 'reader',
  'members:read': 'admin',
  'audit:read': 'admin',
  'org:update': 'admin',
  'members:manage': 'admin',
  'data:write': 'editor',
};

export function can(actor: Actor, action: Action): boolean {
  if (actor.systemAdmin) return true;
  if (action === 'org:create' || action === 'org:manageOwners') return false;
  if (actor.role === null) return false;
  return RANK[actor.role] >= RANK[NEEDS[action]];
}

/** The weaker of two roles (an IKS editor with reader access to an owner is a reader there). */
export function weakerRole(a: Role, b: Role): Role {
  return RANK[a] <= RANK[b] ? a : b;
}

export function strongerRole(a: Role, b: Role): Role {
  return RANK[a] >= RANK[b] ? a : b;
}

export interface Abilities {
  readonly edit: boolean;
  readonly admin: boolean;
}

export function abilitiesFor(actor: Actor): Abilities {
  return { edit: can(actor, 'data:write'), admin: can(actor, 'members:manage') };
}
