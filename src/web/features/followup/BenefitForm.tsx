/**
 * Adds a benefit to a measure, or changes one: kind, indicator, unit, baseline, a target per year of
 * the plan, who answers for it, and what the saving is used for. Plan text: only in a draft revision.
 */
import { useState, type FormEvent } from 'react';
import { Button, Heading } from '@digdir/designsystemet-react';
import { BENEFIT_KINDS, type Benefit, type BenefitKind } from '../../../domain/benefit.ts';
import { BENEFIT_DISPOSITION_LABELS, BENEFIT_KIND_LABELS } from '../../labels.ts';
import { api } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { StatusMessage } from '../../components/ui.tsx';
import { choicesFrom, clientErrors, errorsFrom, fieldError, FormFeedback, NO_ERRORS, SelectInput, TextInput, type FormErrors } from '../../forms.tsx';
import { followupPath, inputValue, parseValue } from './common.ts';

export function unitHint(kind: BenefitKind, t: ReturnType<typeof useT>): string {
  return kind === 'economic' ? t('followup.hintKroner') : kind === 'time' ? t('followup.hintHours') : t('followup.hintWhole');
}

interface Props {
  readonly revisionId: string;
  readonly measureId: string;
  readonly years: readonly number[];
  /** Saved (created or changed): the benefit's indicator. */
  readonly onSaved: (indicator: string) => void;
  /** The benefit to change; without it the form adds a new one. */
  readonly benefit?: Benefit;
  readonly onCancel?: () => void;
  readonly onReload?: () => void;
}

const EMPTY = { kind: 'economic', indicator: '', unit: '', baseline: '', owner: '', disposition: '' };

function formOf(b: Benefit | undefined): typeof EMPTY {
  if (!b) return EMPTY;
  return { kind: b.kind, indicator: b.indicator, unit: b.unit ?? '', baseline: inputValue(b.kind, b.baseline), owner: b.owner ?? '', disposition: b.disposition ?? '' };
}

function targetsOf(b: Benefit | undefined): Record<number, string> {
  return Object.fromEntries((b?.targets ?? []).map((x) => [x.year, inputValue(b?.kind ?? 'economic', x.value)]));
}

export function BenefitForm({ revisionId, measureId, years, onSaved, benefit, onCancel, onReload }: Props) {
  const t = useT();
  const org = useOrganization();
  const [form, setForm] = useState(() => formOf(benefit));
  const [targets, setTargets] = useState<Record<number, string>>(() => targetsOf(benefit));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [status, setStatus] = useState<string | null>(null);
  const set = (f: keyof typeof EMPTY) => (v: string) => setForm((x) => ({ ...x, [f]: v }));
  const kind = form.kind as BenefitKind;
  // Targets outside the plan's years (an older period) are kept as they are.
  const keptTargets = (benefit?.targets ?? []).filter((x) => !years.includes(x.year));
  const sentYears = years.filter((y) => (targets[y] ?? '').trim() !== '');
  const idFor = (f: string) => {
    const m = /^targets\.(\d+)/.exec(f);
    if (m) return `benefit-target-${sentYears[Number(m[1])] ?? ''}`;
    return ['kind', 'indicator', 'unit', 'baseline', 'owner', 'disposition'].includes(f) ? `benefit-${f}` : undefined;
  };
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setStatus(null);
    const problems: Array<{ field: string; message: string }> = [];
    const baseline = parseValue(kind, form.baseline);
    if (typeof baseline === 'string') problems.push({ field: 'baseline', message: `${t('followup.baseline')}: ${unitHint(kind, t)}` });
    const parsedTargets = sentYears.map((y, i) => {
      const v = parseValue(kind, targets[y] ?? '');
      if (typeof v === 'string' || v === null) problems.push({ field: `targets.${i}.value`, message: `${t('followup.targetFor', { year: y })}: ${unitHint(kind, t)}` });
      return { year: y, value: typeof v === 'number' ? v : 0 };
    });
    if (problems.length > 0) {
      setErrors((p) => clientErrors(problems, p));
      return;
    }
    const body = {
      kind,
      indicator: form.indicator,
      unit: form.unit,
      baseline,
      owner: form.owner,
      disposition: form.disposition === '' ? null : form.disposition,
      targets: [...parsedTargets, ...keptTargets],
    };
    try {
      if (benefit) await api.put(followupPath(org.id, revisionId, `/benefits/${benefit.id}`), { ...body, version: benefit.version });
      else await api.post(followupPath(org.id, revisionId, `/measures/${measureId}/benefits`), body);
      setErrors(NO_ERRORS);
      if (!benefit) {
        setStatus(t('common.created', { name: form.indicator.trim() }));
        setForm(EMPTY);
        setTargets({});
      }
      onSaved(form.indicator.trim());
    } catch (error) {
      setErrors((p) => errorsFrom(error, t, p));
    }
  };
  return (
    <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="benefit-form-heading">
      <Heading level={3} data-size="xs" id="benefit-form-heading" tabIndex={-1}>
        {benefit ? t('followup.editBenefit', { name: benefit.indicator }) : t('followup.addBenefit')}
      </Heading>
      <StatusMessage message={status} />
      <FormFeedback errors={errors} idFor={idFor} onReload={onReload} />
      <SelectInput id="benefit-kind" label={t('followup.kind')} value={form.kind} onChange={set('kind')} choices={BENEFIT_KINDS.map((k) => ({ value: k, label: BENEFIT_KIND_LABELS[k] }))} />
      <TextInput id="benefit-indicator" label={t('followup.indicator')} value={form.indicator} onChange={set('indicator')} error={fieldError(errors, 'indicator')} />
      <TextInput id="benefit-unit" label={t('followup.unit')} value={form.unit} onChange={set('unit')} error={fieldError(errors, 'unit')} />
      <TextInput id="benefit-baseline" label={t('followup.baseline')} description={unitHint(kind, t)} value={form.baseline} onChange={set('baseline')} error={fieldError(errors, 'baseline')} />
      {years.map((y) => (
        <TextInput
          key={y}
          id={`benefit-target-${y}`}
          label={t('followup.targetFor', { year: y })}
          value={targets[y] ?? ''}
          onChange={(v) => setTargets((x) => ({ ...x, [y]: v }))}
          error={fieldError(errors, `targets.${sentYears.indexOf(y)}.value`) ?? fieldError(errors, `targets.${sentYears.indexOf(y)}.year`)}
        />
      ))}
      <TextInput id="benefit-owner" label={t('followup.owner')} value={form.owner} onChange={set('owner')} error={fieldError(errors, 'owner')} />
      <SelectInput id="benefit-disposition" label={t('followup.disposition')} value={form.disposition} onChange={set('disposition')} choices={choicesFrom(BENEFIT_DISPOSITION_LABELS)} emptyLabel={t('followup.noDisposition')} />
      <div className="form-actions">
        <Button type="submit">{benefit ? t('common.saveChanges') : t('followup.addBenefit')}</Button>
        {onCancel ? (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
