/**
 * System portfolio (fagsystemer) and support model: types and input schemas shared by the API, the
 * web app, import/export and documents. Codes are English; Norwegian labels live in labels.ts.
 */
import { z } from 'zod';
import { choiceError } from './choice.ts';
import { LIMITS, nameSchema, uuid, version } from './organization.ts';
import { MAX_KRONER, MAX_KRONER_TEXT } from './money.ts';
import { MAX_YEAR, MIN_YEAR } from './plan.ts';
import { dateSchema, optionalText } from './validation.ts';
import { message } from './messages.ts';
import { SYSTEM_TEXT_FIELDS, type SystemTextKey } from './system-fields.ts';

export const LIFECYCLES = ['planned', 'introducing', 'in_operation', 'phasing_out', 'retired'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];
export const CRITICALITIES = ['round_the_clock', 'office_hours'] as const;
export type Criticality = (typeof CRITICALITIES)[number];
export const HOSTINGS = ['own_server_room', 'other_municipality', 'iks', 'asp', 'saas'] as const;
export type Hosting = (typeof HOSTINGS)[number];
export const SYSTEM_ROLES = ['system_owner', 'system_manager', 'super_user', 'support_first_line', 'support_second_line'] as const;
export type SystemRole = (typeof SYSTEM_ROLES)[number];
export const CONTRACT_TYPES = ['ssa_d', 'ssa_v', 'ssa_b', 'ssa_l', 'ssa_k', 'dpa', 'other'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];
export const INTEGRATION_DIRECTIONS = ['one_way', 'two_way'] as const;
export type IntegrationDirection = (typeof INTEGRATION_DIRECTIONS)[number];
export const INTEGRATION_STANDARDS = ['noark5', 'gi_fiks_arkiv', 'svarut', 'rest', 'file', 'manual', 'other'] as const;
export type IntegrationStandard = (typeof INTEGRATION_STANDARDS)[number];
export const INTEGRATION_STATUSES = ['planned', 'active', 'retired'] as const;
export type IntegrationStatus = (typeof INTEGRATION_STATUSES)[number];
/** Databehandleravtale status, derived from the system's contracts (never stored). */
export const DPA_STATUSES = ['not_needed', 'missing', 'active', 'expired'] as const;
export type DpaStatus = (typeof DPA_STATUSES)[number];
/** What the data-quality check can find missing on a system. */
export const QUALITY_GAPS = [
  'no_system_owner',
  'no_super_user',
  'personal_data_without_dpa',
  'contract_expired',
  'past_planned_end',
  'not_reviewed',
  'critical_without_continuity',
] as const;
export type QualityGap = (typeof QUALITY_GAPS)[number];

/** Contracts ending, or whose notice deadline falls, within this many days raise an alert. */
export const RENEWAL_ALERT_DAYS = 90;
/** A system not reviewed for this many months is a data-quality gap. */
export const REVIEW_MONTHS = 12;

// ------------------------------------------------------------------ shared field schemas

const text = optionalText;
const count = z.int().min(0, { error: message('notNegativeNeuter') }).max(10_000_000, { error: message('maxValue', { max: '10 000 000' }) });
const year = z.int().min(MIN_YEAR - 50, { error: message('yearOrLater', { year: MIN_YEAR - 50 }) }).max(MAX_YEAR, { error: message('yearOrEarlier', { year: MAX_YEAR }) });
const isoDate = dateSchema;
const cost = z.int().min(0, { error: message('notNegative') }).max(MAX_KRONER, { error: message('maxValue', { max: MAX_KRONER_TEXT }) });
const email = optionalText(LIMITS.name, { test: (s) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), message: message('email') });
const phone = optionalText(40, { test: (s) => /^\+?[0-9 ()-]{3,}$/.test(s), message: message('phone') });
const url = optionalText(LIMITS.name, { test: (s) => /^https?:\/\/\S+$/.test(s), message: message('url') });

// ------------------------------------------------------------------ people and suppliers

export const PersonSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  name: z.string(),
  title: z.string().nullable(),
  unit: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** Contact details may be shown outside the person's own organization. */
  publicContact: z.boolean(),
  version: z.int(),
});
export type Person = z.infer<typeof PersonSchema>;

const personFields = {
  name: nameSchema,
  title: text(LIMITS.name),
  unit: text(LIMITS.name),
  email,
  phone,
  publicContact: z.boolean({ error: message('yesNo') }).optional(),
};
export const CreatePersonSchema = z.object(personFields);
export type CreatePerson = z.infer<typeof CreatePersonSchema>;
export const UpdatePersonSchema = z.object({ version, ...personFields }).partial({ name: true });
export type UpdatePerson = z.infer<typeof UpdatePersonSchema>;

/** Leverandør: vendor (programleverandør) and/or operator (driftsleverandør), with its support contact. */
export const SupplierSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  name: z.string(),
  organizationNumber: z.string().nullable(),
  supportPhone: z.string().nullable(),
  supportEmail: z.string().nullable(),
  supportUrl: z.string().nullable(),
  note: z.string().nullable(),
  version: z.int(),
});
export type Supplier = z.infer<typeof SupplierSchema>;

const supplierFields = {
  name: nameSchema,
  organizationNumber: z
    .string()
    .trim()
    .refine((s) => s === '' || /^\d{9}$/.test(s.replace(/\s/g, '')), { error: message('nineDigits') })
    .transform((s) => (s === '' ? null : s.replace(/\s/g, '')))
    .nullish(),
  supportPhone: phone,
  supportEmail: email,
  supportUrl: url,
  note: text(LIMITS.text),
};
export const CreateSupplierSchema = z.object(supplierFields);
export type CreateSupplier = z.infer<typeof CreateSupplierSchema>;
export const UpdateSupplierSchema = z.object({ version, ...supplierFields }).partial({ name: true });
export type UpdateSupplier = z.infer<typeof UpdateSupplierSchema>;

// ------------------------------------------------------------------ systems

const lifecycleSchema = z.enum(LIFECYCLES, { error: choiceError('må være planned, introducing, in_operation, phasing_out eller retired') });
const criticalitySchema = z.enum(CRITICALITIES, { error: choiceError('må være round_the_clock (24/7) eller office_hours (kontortid)') });
const hostingSchema = z.enum(HOSTINGS, { error: choiceError('må være own_server_room, other_municipality, iks, asp eller saas') });

/** The declared text fields (system-fields.ts) as input, and as the list and the detail send them. */
const systemTextInput = Object.fromEntries(SYSTEM_TEXT_FIELDS.map((f) => [f.key, text(f.max)])) as Record<SystemTextKey, ReturnType<typeof text>>;
const systemTextOutput = Object.fromEntries(SYSTEM_TEXT_FIELDS.map((f) => [f.key, z.string().nullable()])) as Record<SystemTextKey, z.ZodNullable<z.ZodString>>;

const systemFields = {
  name: nameSchema,
  description: text(LIMITS.text),
  vendorId: uuid.nullish(),
  operatorId: uuid.nullish(),
  hosting: hostingSchema.nullish(),
  ...systemTextInput,
  users: count.nullish(),
  units: text(LIMITS.text),
  cooperationId: uuid.nullish(),
  lifecycle: lifecycleSchema.optional(),
  introducedYear: year.nullish(),
  plannedEnd: isoDate.nullish(),
  replacedById: uuid.nullish(),
  criticality: criticalitySchema.nullish(),
  personalData: z.boolean({ error: message('yesNo') }).optional(),
  specialCategoryData: z.boolean({ error: message('yesNo') }).optional(),
};
export const CreateSystemSchema = z.object(systemFields);
export type CreateSystem = z.infer<typeof CreateSystemSchema>;
export const UpdateSystemSchema = z.object({ version, ...systemFields }).partial({ name: true });
export type UpdateSystem = z.infer<typeof UpdateSystemSchema>;

export const QualitySchema = z.object({
  /** 0–100: the share of applicable checks the system passes. */
  score: z.int(),
  gaps: z.array(z.enum(QUALITY_GAPS)),
});
export type Quality = z.infer<typeof QualitySchema>;

/** One row of the system list: only what the list shows. */
export const SystemListItemSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  /** Set when the system is owned by another organization and shared with this one. */
  host: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  name: z.string(),
  vendorName: z.string().nullable(),
  operatorName: z.string().nullable(),
  hosting: z.enum(HOSTINGS).nullable(),
  ...systemTextOutput,
  /** Users in this organization (for a shared system: this member's users). */
  users: z.int().nullable(),
  units: z.string().nullable(),
  cooperationName: z.string().nullable(),
  lifecycle: z.enum(LIFECYCLES),
  criticality: z.enum(CRITICALITIES).nullable(),
  personalData: z.boolean(),
  specialCategoryData: z.boolean(),
  quality: QualitySchema,
});
export type SystemListItem = z.infer<typeof SystemListItemSchema>;

export const SystemListSchema = z.object({
  data: z.array(SystemListItemSchema),
  total: z.int(),
});

const holder = z.object({
  kind: z.enum(['person', 'supplier']),
  id: z.uuid(),
  name: z.string(),
  title: z.string().nullable(),
  unit: z.string().nullable(),
  /** Null when hidden: people of another organization whose details are not marked public. */
  email: z.string().nullable(),
  phone: z.string().nullable(),
  url: z.string().nullable(),
});
export type RoleHolder = z.infer<typeof holder>;

export const SystemRoleAssignmentSchema = z.object({
  id: z.uuid(),
  role: z.enum(SYSTEM_ROLES),
  /** The organization this role serves (the owner, or a member of a shared system). */
  organization: z.object({ id: z.uuid(), name: z.string() }),
  holder,
  version: z.int(),
});
export type SystemRoleAssignment = z.infer<typeof SystemRoleAssignmentSchema>;

export const ContractSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  systemId: z.uuid().nullable(),
  systemName: z.string().nullable(),
  supplierId: z.uuid().nullable(),
  supplierName: z.string().nullable(),
  type: z.enum(CONTRACT_TYPES),
  title: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  noticeMonths: z.int().nullable(),
  /** Whole kroner per year. */
  yearlyCost: z.int().nullable(),
  licenceCount: z.int().nullable(),
  note: z.string().nullable(),
  /** Link to the contract document (http/https only). */
  documentUrl: z.string().nullable(),
  /** The archive case number (saksnummer). */
  caseNumber: z.string().nullable(),
  /** The lifecycle of the contract's system, null without one: an expired contract of a running system is an alert. */
  systemLifecycle: z.enum(LIFECYCLES).nullable(),
  version: z.int(),
});
export type Contract = z.infer<typeof ContractSchema>;

export const CONTRACT_ALERT_KINDS = ['notice_passed', 'notice', 'ends', 'expired'] as const;
export type ContractAlertKind = (typeof CONTRACT_ALERT_KINDS)[number];

/** A contract's alert, computed by contractAlert (src/domain/contracts.ts) on the server and sent with the contract. */
export const ContractAlertSchema = z.object({
  kind: z.enum(CONTRACT_ALERT_KINDS),
  /** The date that matters: the notice deadline or the end date. */
  date: z.string(),
  /** Days from today to `date`; negative when it has passed. */
  daysLeft: z.int(),
});
export type ContractAlert = z.infer<typeof ContractAlertSchema>;

export const ContractListItemSchema = ContractSchema.extend({
  /** The last day to give notice (end date minus the notice period), null without both. */
  noticeDate: z.string().nullable(),
  alert: ContractAlertSchema.nullable(),
});
export type ContractListItem = z.infer<typeof ContractListItemSchema>;

/** A web address for a document: http or https only (no javascript:, file: …). */
const documentUrl = z
  .string()
  .trim()
  .max(2000, { error: 'kan ha høyst 2000 tegn' })
  .transform((s) => (s === '' ? null : s))
  .refine((s) => s === null || (/^https?:\/\/[^\s/]+\S*$/i.test(s) && URL.canParse(s)), { error: message('webAddress') })
  .nullish();

const contractFields = {
  systemId: uuid.nullish(),
  supplierId: uuid.nullish(),
  type: z.enum(CONTRACT_TYPES, { error: choiceError('må være ssa_d, ssa_v, ssa_b, ssa_l, ssa_k, dpa eller other') }),
  title: nameSchema,
  startDate: isoDate.nullish(),
  endDate: isoDate.nullish(),
  noticeMonths: z.int().min(0, { error: message('notNegativeNeuter') }).max(60, { error: 'kan være høyst 60' }).nullish(),
  yearlyCost: cost.nullish(),
  licenceCount: count.nullish(),
  note: text(LIMITS.text),
  documentUrl,
  caseNumber: text(100),
};
const datesInOrder = (v: { startDate?: string | null | undefined; endDate?: string | null | undefined }, ctx: z.RefinementCtx) => {
  if (v.startDate && v.endDate && v.endDate < v.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: message('notBeforeStartDate') });
  }
};
export const CreateContractSchema = z.object(contractFields).superRefine(datesInOrder);
export type CreateContract = z.infer<typeof CreateContractSchema>;
export const UpdateContractSchema = z
  .object({ version, ...contractFields })
  .partial({ type: true, title: true })
  .superRefine(datesInOrder);
export type UpdateContract = z.infer<typeof UpdateContractSchema>;

/** A contract that ends, or must be given notice, within RENEWAL_ALERT_DAYS. */
export const RenewalAlertSchema = z.object({
  contract: ContractSchema,
  /** The contract alert kinds of src/domain/contracts.ts (CONTRACT_ALERT_KINDS). */
  kind: z.enum(['notice_passed', 'notice', 'ends', 'expired']),
  /** The date that matters: the end date, or the last day to give notice. */
  date: z.string(),
  daysLeft: z.int(),
});
export type RenewalAlert = z.infer<typeof RenewalAlertSchema>;

export const NationalComponentSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  provider: z.string(),
  description: z.string(),
});
export type NationalComponent = z.infer<typeof NationalComponentSchema>;

export const IntegrationSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  fromSystem: z.object({ id: z.uuid(), name: z.string() }),
  /** Exactly one of toSystem and toComponent is set. */
  toSystem: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  toComponent: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  direction: z.enum(INTEGRATION_DIRECTIONS),
  data: z.string().nullable(),
  standard: z.enum(INTEGRATION_STANDARDS),
  status: z.enum(INTEGRATION_STATUSES),
  version: z.int(),
});
export type Integration = z.infer<typeof IntegrationSchema>;

const integrationFields = {
  fromSystemId: uuid,
  toSystemId: uuid.nullish(),
  toComponentId: uuid.nullish(),
  direction: z.enum(INTEGRATION_DIRECTIONS, { error: choiceError('må være one_way eller two_way') }).optional(),
  data: text(LIMITS.text),
  standard: z.enum(INTEGRATION_STANDARDS, { error: choiceError('må være noark5, gi_fiks_arkiv, svarut, rest, file, manual eller other') }),
  status: z.enum(INTEGRATION_STATUSES, { error: choiceError('må være planned, active eller retired') }).optional(),
};
const oneTarget = (v: { fromSystemId?: string; toSystemId?: string | null | undefined; toComponentId?: string | null | undefined }, ctx: z.RefinementCtx) => {
  if (v.toSystemId === undefined && v.toComponentId === undefined) return;
  if (!v.toSystemId === !v.toComponentId) {
    ctx.addIssue({ code: 'custom', path: ['toSystemId'], message: message('systemOrComponent') });
  }
  if (v.toSystemId && v.fromSystemId && v.toSystemId === v.fromSystemId) {
    ctx.addIssue({ code: 'custom', path: ['toSystemId'], message: message('notSameSystem') });
  }
};
export const CreateIntegrationSchema = z
  .object(integrationFields)
  .superRefine((v, ctx) => {
    if (!v.toSystemId && !v.toComponentId) {
      ctx.addIssue({ code: 'custom', path: ['toSystemId'], message: message('systemOrComponent') });
      return;
    }
    oneTarget(v, ctx);
  });
export type CreateIntegration = z.infer<typeof CreateIntegrationSchema>;
export const UpdateIntegrationSchema = z
  .object({ version, ...integrationFields })
  .partial({ fromSystemId: true, standard: true })
  .superRefine(oneTarget);
export type UpdateIntegration = z.infer<typeof UpdateIntegrationSchema>;

/** A member organization's use of a shared system. */
export const SystemShareSchema = z.object({
  organizationId: z.uuid(),
  name: z.string(),
  users: z.int().nullable(),
  version: z.int(),
});
export type SystemShare = z.infer<typeof SystemShareSchema>;

export const SetSharesSchema = z.object({
  version,
  shares: z
    .array(z.object({ organizationId: uuid, users: count.nullish() }))
    .max(400, { error: 'kan ha høyst 400 medlemmer' }),
});
export type SetShares = z.infer<typeof SetSharesSchema>;

/** A member's own record of its use of a shared system. */
export const SetUsageSchema = z.object({ version, users: count.nullable() });
export type SetUsage = z.infer<typeof SetUsageSchema>;

export const CreateSystemRoleSchema = z
  .object({
    role: z.enum(SYSTEM_ROLES, { error: choiceError('må være system_owner, system_manager, super_user, support_first_line eller support_second_line') }),
    personId: uuid.nullish(),
    supplierId: uuid.nullish(),
  })
  .superRefine((v, ctx) => {
    if (!v.personId === !v.supplierId) ctx.addIssue({ code: 'custom', path: ['personId'], message: message('personOrSupplier') });
  });
export type CreateSystemRole = z.infer<typeof CreateSystemRoleSchema>;

export const HistoryEntrySchema = z.object({
  id: z.int(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.enum(['insert', 'update', 'delete']),
  tableName: z.string(),
  changed: z.array(z.string()),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** Everything the system page shows. */
export const SystemDetailSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  host: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  name: z.string(),
  description: z.string().nullable(),
  vendor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  operator: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  hosting: z.enum(HOSTINGS).nullable(),
  ...systemTextOutput,
  /** Users in the owner organization. */
  users: z.int().nullable(),
  units: z.string().nullable(),
  cooperation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  lifecycle: z.enum(LIFECYCLES),
  introducedYear: z.int().nullable(),
  plannedEnd: z.string().nullable(),
  replacedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  criticality: z.enum(CRITICALITIES).nullable(),
  personalData: z.boolean(),
  specialCategoryData: z.boolean(),
  lastReviewedAt: z.string().nullable(),
  dpaStatus: z.enum(DPA_STATUSES),
  quality: QualitySchema,
  roles: z.array(SystemRoleAssignmentSchema),
  /** Each contract with its notice date and alert. */
  contracts: z.array(ContractListItemSchema),
  /** The annual contract cost of the system: its contracts that run today (annualContractCost). */
  yearlyContractCost: z.int(),
  integrations: z.array(IntegrationSchema),
  shares: z.array(SystemShareSchema),
  /** Whether the asking organization owns the system (and so may edit its fields). */
  owned: z.boolean(),
  version: z.int(),
});
export type SystemDetail = z.infer<typeof SystemDetailSchema>;

/** "Hvem kontakter jeg?": the support route for one system, for the asking organization. */
export const SupportRouteSchema = z.object({
  systemId: z.uuid(),
  name: z.string(),
  host: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  lifecycle: z.enum(LIFECYCLES),
  criticality: z.enum(CRITICALITIES).nullable(),
  /** Roles for the asking organization first; the owner's roles where the member has none. */
  superUsers: z.array(holder),
  /** Registered 1st line, else the superbrukere (the usual support model: superbruker is 1st line unless defined). */
  firstLine: z.array(holder),
  firstLineIsSuperUsers: z.boolean(),
  /** Registered 2nd line, else the operator and the vendor (driftsleverandør, programleverandør). */
  secondLine: z.array(holder),
  secondLineIsSuppliers: z.boolean(),
  systemOwner: z.array(holder),
  vendor: holder.nullable(),
  operator: holder.nullable(),
});
export type SupportRoute = z.infer<typeof SupportRouteSchema>;

/** The IKS matrix: systems × member organizations. */
export const SystemMatrixSchema = z.object({
  members: z.array(z.object({ id: z.uuid(), name: z.string(), kommunenummer: z.string().nullable() })),
  systems: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      cells: z.array(
        z.object({
          organizationId: z.uuid(),
          uses: z.boolean(),
          users: z.int().nullable(),
          superUsers: z.array(z.string()),
        }),
      ),
    }),
  ),
});
export type SystemMatrix = z.infer<typeof SystemMatrixSchema>;

export const PortfolioOverviewSchema = z.object({
  systems: z.int(),
  byLifecycle: z.record(z.string(), z.int()),
  averageQuality: z.int().nullable(),
  gapCounts: z.record(z.string(), z.int()),
  alerts: z.array(RenewalAlertSchema),
  /** Sum of the yearly cost of active contracts, whole kroner. */
  yearlyContractCost: z.int(),
});
export type PortfolioOverview = z.infer<typeof PortfolioOverviewSchema>;
