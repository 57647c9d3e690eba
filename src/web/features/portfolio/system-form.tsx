/** The editable fields of a system (create and update), and the read-only facts for those who cannot edit. */
import { useState, type FormEvent } from 'react';
import { Button, Fieldset } from '@digdir/designsystemet-react';
import type { Cooperation } from '../../../domain/cooperation.ts';
import type { SystemDetail } from '../../../domain/portfolio.ts';
import { SYSTEM_TEXT_FIELDS, type SystemTextKey } from '../../../domain/system-fields.ts';
import { CRITICALITY_LABELS, HOSTING_LABELS, LIFECYCLE_LABELS } from '../../labels.ts';
import { api, orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import type { AccessibleOrganization } from '../../../domain/organization.ts';
import { choicesFrom, errorsFrom, fieldError, FormFeedback, label, NO_ERRORS, parseCount, clientErrors, SelectInput, TextInput, type FormErrors } from '../../forms.tsx';
import { dateInputValue, parseDateInput } from '../plan/common.tsx';
import { date, dash, int, supplierChoice, useAllSystems, useSuppliers } from './common.tsx';
import { CheckboxInput, orNull } from '../../components/register/register.tsx';

export interface SystemFormValues extends Record<SystemTextKey, string> {
  name: string;
  description: string;
  vendorId: string;
  operatorId: string;
  hosting: string;
  users: string;
  units: string;
  cooperationId: string;
  lifecycle: string;
  introducedYear: string;
  plannedEnd: string;
  replacedById: string;
  criticality: string;
  personalData: boolean;
  specialCategoryData: boolean;
}

/** The declared text fields (system-fields.ts) as the form holds and sends them: '' for none. */
function textValues(source: Partial<Record<SystemTextKey, string | null>>): Record<SystemTextKey, string> {
  return Object.fromEntries(SYSTEM_TEXT_FIELDS.map((f) => [f.key, source[f.key] ?? ''])) as Record<SystemTextKey, string>;
}

const EMPTY: SystemFormValues = {
  name: '',
  description: '',
  vendorId: '',
  operatorId: '',
  hosting: '',
  ...textValues({}),
  users: '',
  units: '',
  cooperationId: '',
  lifecycle: 'in_operation',
  introducedYear: '',
  plannedEnd: '',
  replacedById: '',
  criticality: '',
  personalData: false,
  specialCategoryData: false,
};
const FIELDS = Object.keys(EMPTY);
export const systemFieldId = (field: string): string | undefined => (FIELDS.includes(field) ? `system-${field}` : undefined);

function valuesOf(s: SystemDetail): SystemFormValues {
  return {
    name: s.name,
    description: s.description ?? '',
    vendorId: s.vendor?.id ?? '',
    operatorId: s.operator?.id ?? '',
    hosting: s.hosting ?? '',
    ...textValues(s),
    users: s.users === null ? '' : String(s.users),
    units: s.units ?? '',
    cooperationId: s.cooperation?.id ?? '',
    lifecycle: s.lifecycle,
    introducedYear: s.introducedYear === null ? '' : String(s.introducedYear),
    plannedEnd: dateInputValue(s.plannedEnd),
    replacedById: s.replacedBy?.id ?? '',
    criticality: s.criticality ?? '',
    personalData: s.personalData,
    specialCategoryData: s.specialCategoryData,
  };
}

/**
 * Create (system undefined) or edit. Calls `onSaved` with the saved system. Dates are typed as 22.11.2026;
 * a date that cannot be read is reported here, everything else by the API.
 */
export function SystemForm({
  org,
  system,
  onSaved,
  onConflictReload,
  onCancel,
}: {
  org: AccessibleOrganization;
  system?: SystemDetail;
  onSaved: (saved: SystemDetail) => void;
  onConflictReload?: () => void;
  /** Closes the form without saving (the system page's read view). */
  onCancel?: () => void;
}) {
  const t = useT();
  const suppliers = useSuppliers(org.id);
  const cooperations = useApi<Cooperation[]>(orgPath(org.id, '/cooperations'));
  const systems = useAllSystems(org.id);
  const [form, setForm] = useState<SystemFormValues>(() => (system ? valuesOf(system) : EMPTY));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof SystemFormValues>(field: K) =>
    (value: SystemFormValues[K]) =>
      setForm((f) => ({ ...f, [field]: value }));

  const supplierChoices = (suppliers.data ?? []).map(supplierChoice);
  const coopChoices = (cooperations.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  const systemChoices = (systems.data ?? []).filter((s) => s.id !== system?.id && s.host === null).map((s) => ({ value: s.id, label: s.name }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const plannedEnd = parseDateInput(form.plannedEnd);
    if (plannedEnd === undefined) {
      setErrors((prev) => clientErrors([{ field: 'plannedEnd', message: t('portfolio.dateInvalid', { field: label('plannedEnd') }) }], prev));
      return;
    }
    const body = {
      name: form.name,
      description: orNull(form.description),
      vendorId: orNull(form.vendorId),
      operatorId: orNull(form.operatorId),
      hosting: orNull(form.hosting),
      ...textValues(form),
      users: parseCount(form.users),
      units: form.units,
      cooperationId: orNull(form.cooperationId),
      lifecycle: form.lifecycle,
      introducedYear: parseCount(form.introducedYear),
      plannedEnd,
      replacedById: orNull(form.replacedById),
      criticality: orNull(form.criticality),
      personalData: form.personalData,
      specialCategoryData: form.specialCategoryData,
    };
    setBusy(true);
    const request = system
      ? api.patch<SystemDetail>(orgPath(org.id, `/systems/${system.id}`), { version: system.version, ...body })
      : api.post<SystemDetail>(orgPath(org.id, '/systems'), body);
    request.then(
      (saved) => {
        setBusy(false);
        setErrors(NO_ERRORS);
        onSaved(saved);
      },
      (error: unknown) => {
        setBusy(false);
        setErrors((prev) => errorsFrom(error, t, prev));
      },
    );
  };

  return (
    <>
      <FormFeedback errors={errors} idFor={systemFieldId} onReload={onConflictReload} />
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="system-form-heading">
        <TextInput id="system-name" label={label('name')} value={form.name} onChange={set('name')} error={fieldError(errors, 'name')} autoComplete="off" />
        <TextInput id="system-description" label={label('description')} value={form.description} onChange={set('description')} multiline error={fieldError(errors, 'description')} />
        <div className="form-row">
          <SelectInput
            id="system-vendorId"
            label={label('vendorId')}
            value={form.vendorId}
            onChange={set('vendorId')}
            choices={supplierChoices}
            emptyLabel={t('common.notSet')}
            description={t('portfolio.supplierHint')}
            error={fieldError(errors, 'vendorId')}
          />
          <SelectInput
            id="system-operatorId"
            label={label('operatorId')}
            value={form.operatorId}
            onChange={set('operatorId')}
            choices={supplierChoices}
            emptyLabel={t('common.notSet')}
            description={t('portfolio.supplierHint')}
            error={fieldError(errors, 'operatorId')}
          />
        </div>
        <div className="form-row">
          <SelectInput
            id="system-hosting"
            label={label('hosting')}
            value={form.hosting}
            onChange={set('hosting')}
            choices={choicesFrom(HOSTING_LABELS)}
            emptyLabel={t('common.notSet')}
            error={fieldError(errors, 'hosting')}
          />
          <TextInput id="system-serverLocation" label={label('serverLocation')} value={form.serverLocation} onChange={set('serverLocation')} error={fieldError(errors, 'serverLocation')} />
        </div>
        <div className="form-row">
          <TextInput id="system-database" label={label('database')} value={form.database} onChange={set('database')} error={fieldError(errors, 'database')} />
          <TextInput
            id="system-users"
            label={label('users')}
            value={form.users}
            onChange={set('users')}
            inputMode="numeric"
            description={t('sites.numberHint')}
            error={fieldError(errors, 'users')}
          />
        </div>
        <TextInput
          id="system-softwareVersion"
          label={label('softwareVersion')}
          value={form.softwareVersion}
          onChange={set('softwareVersion')}
          error={fieldError(errors, 'softwareVersion')}
        />
        <TextInput id="system-units" label={label('units')} value={form.units} onChange={set('units')} error={fieldError(errors, 'units')} />
        <SelectInput
          id="system-cooperationId"
          label={label('cooperationId')}
          value={form.cooperationId}
          onChange={set('cooperationId')}
          choices={coopChoices}
          emptyLabel={t('common.notSet')}
          error={fieldError(errors, 'cooperationId')}
        />
        <div className="form-row">
          <SelectInput
            id="system-lifecycle"
            label={label('lifecycle')}
            value={form.lifecycle}
            onChange={set('lifecycle')}
            choices={choicesFrom(LIFECYCLE_LABELS)}
            error={fieldError(errors, 'lifecycle')}
          />
          <SelectInput
            id="system-criticality"
            label={label('criticality')}
            value={form.criticality}
            onChange={set('criticality')}
            choices={choicesFrom(CRITICALITY_LABELS)}
            emptyLabel={t('common.notSet')}
            error={fieldError(errors, 'criticality')}
          />
        </div>
        <div className="form-row">
          <TextInput
            id="system-introducedYear"
            label={label('introducedYear')}
            value={form.introducedYear}
            onChange={set('introducedYear')}
            inputMode="numeric"
            error={fieldError(errors, 'introducedYear')}
          />
          <TextInput
            id="system-plannedEnd"
            label={label('plannedEnd')}
            value={form.plannedEnd}
            onChange={set('plannedEnd')}
            description={t('portfolio.dateHint')}
            error={fieldError(errors, 'plannedEnd')}
          />
        </div>
        <SelectInput
          id="system-replacedById"
          label={label('replacedById')}
          value={form.replacedById}
          onChange={set('replacedById')}
          choices={systemChoices}
          emptyLabel={t('common.notSet')}
          error={fieldError(errors, 'replacedById')}
        />
        <Fieldset>
          <Fieldset.Legend>{t('portfolio.privacy')}</Fieldset.Legend>
          <CheckboxInput id="system-personalData" label={t('portfolio.personalDataLabel')} checked={form.personalData} onChange={set('personalData')} />
          <CheckboxInput
            id="system-specialCategoryData"
            label={t('portfolio.specialCategoryLabel')}
            checked={form.specialCategoryData}
            onChange={set('specialCategoryData')}
          />
        </Fieldset>
        <div className="form-actions">
          <Button type="submit" loading={busy}>
            {system ? t('common.saveChanges') : t('systems.create')}
          </Button>
          {onCancel ? (
            <Button type="button" variant="secondary" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          ) : null}
        </div>
      </form>
    </>
  );
}

/** The same fields, read-only. */
export function SystemFacts({ system }: { system: SystemDetail }) {
  const t = useT();
  const rows: [string, string][] = [
    [label('description'), dash(system.description)],
    [label('vendorId'), system.vendor?.name ?? '–'],
    [label('operatorId'), system.operator?.name ?? '–'],
    [label('hosting'), system.hosting ? HOSTING_LABELS[system.hosting] : '–'],
    [label('serverLocation'), dash(system.serverLocation)],
    [label('database'), dash(system.database)],
    [label('softwareVersion'), dash(system.softwareVersion)],
    [label('users'), int(system.users)],
    [label('units'), dash(system.units)],
    [label('cooperationId'), system.cooperation?.name ?? '–'],
    [label('lifecycle'), LIFECYCLE_LABELS[system.lifecycle]],
    [label('criticality'), system.criticality ? CRITICALITY_LABELS[system.criticality] : '–'],
    [label('introducedYear'), system.introducedYear === null ? '–' : String(system.introducedYear)],
    [label('plannedEnd'), date(system.plannedEnd)],
    [label('replacedById'), system.replacedBy?.name ?? '–'],
    [label('personalData'), system.specialCategoryData ? t('systems.sensitive') : system.personalData ? t('common.yes') : t('common.no')],
  ];
  return (
    <dl className="facts">
      {rows.map(([k, v]) => (
        <div className="facts__row" key={k}>
          <dt>{k}</dt>
          <dd className="prewrap">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
