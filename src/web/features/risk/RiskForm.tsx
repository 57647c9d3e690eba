/** Add or edit a risk with its mitigation options (one may be chosen). Errors name the field. */
import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import { formatDate } from '../../../domain/format.ts';
import { parseKroner } from '../../../domain/money.ts';
import type { Person } from '../../../domain/portfolio.ts';
import { CONSEQUENCE_DIMENSIONS, consequenceDrivers, effectiveConsequence, RISK_STATUSES, type ConsequenceDimension, type Risk } from '../../../domain/risk.ts';
import type { Site } from '../../../domain/site.ts';
import { api, orgPath } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { FIELD_LABELS, CONSEQUENCE_LABELS, PROBABILITY_LABELS, RISK_STATUS_LABELS } from '../../labels.ts';
import { errorsFrom, fieldError, FormFeedback, NO_ERRORS, parseCount, SelectInput, TextInput, type FormErrors } from '../../forms.tsx';
import { parseDateInput } from '../plan/common.tsx';

interface OptionForm {
  id?: string;
  linked: boolean;
  description: string;
  year: string;
  invest: string;
  drift: string;
  residualProbability: string;
  residualConsequence: string;
  chosen: boolean;
}

interface Form {
  title: string;
  siteIds: string[];
  systemIds: string[];
  hazard: string;
  consequenceText: string;
  controls: string;
  probability: string;
  consequence: string;
  /** Consequence per dimension ('' = not assessed); the highest of these and the overall counts. */
  dimensions: Record<ConsequenceDimension, string>;
  ownerId: string;
  status: string;
  closeReason: string;
  reviewDate: string;
  references: string;
  options: OptionForm[];
}

const NO_DIMENSIONS: Record<ConsequenceDimension, string> = { life: '', service: '', economy: '', reputation: '', privacy: '' };

const SCALE_CHOICES = (labels: Record<number, string>) => [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n} – ${labels[n]}` }));

function formOf(risk: Risk | null, year: number): Form {
  if (!risk) {
    return { title: '', siteIds: [], systemIds: [], hazard: '', consequenceText: '', controls: '', probability: '', consequence: '', dimensions: NO_DIMENSIONS, ownerId: '', status: 'open', closeReason: '', reviewDate: '', references: '', options: [] };
  }
  return {
    title: risk.title,
    siteIds: risk.siteIds,
    systemIds: risk.systemIds,
    hazard: risk.hazard ?? '',
    consequenceText: risk.consequenceText ?? '',
    controls: risk.controls.join('\n'),
    probability: String(risk.probability),
    consequence: risk.consequence === null ? '' : String(risk.consequence),
    dimensions: Object.fromEntries(CONSEQUENCE_DIMENSIONS.map((d) => [d, risk.dimensions[d] === undefined ? '' : String(risk.dimensions[d])])) as Record<ConsequenceDimension, string>,
    ownerId: risk.ownerId ?? '',
    status: risk.status,
    closeReason: risk.closeReason ?? '',
    reviewDate: risk.reviewDate ? formatDate(risk.reviewDate) : '',
    references: risk.references ?? '',
    options: risk.options.map((o) => ({
      id: o.id,
      linked: o.measure !== null,
      description: o.description,
      year: String(o.lines[0]?.year ?? year),
      invest: o.invest ? String(o.invest) : '',
      drift: o.drift ? String(o.drift) : '',
      residualProbability: o.residualProbability === null ? '' : String(o.residualProbability),
      residualConsequence: o.residualConsequence === null ? '' : String(o.residualConsequence),
      chosen: o.chosen,
    })),
  };
}

const kroner = (text: string): number | string | null => (text.trim() === '' ? null : (parseKroner(text) ?? text));
const scale = (text: string): number | null => (text === '' ? null : Number(text));

function body(form: Form) {
  const date = parseDateInput(form.reviewDate);
  return {
    title: form.title,
    siteIds: form.siteIds,
    systemIds: form.systemIds,
    hazard: form.hazard,
    consequenceText: form.consequenceText,
    controls: form.controls.split('\n').map((s) => s.trim()).filter((s) => s !== ''),
    probability: scale(form.probability),
    consequence: scale(form.consequence),
    dimensions: Object.fromEntries(CONSEQUENCE_DIMENSIONS.map((d) => [d, scale(form.dimensions[d])])),
    ownerId: form.ownerId === '' ? null : form.ownerId,
    status: form.status,
    closeReason: form.closeReason,
    reviewDate: date === undefined ? form.reviewDate : date,
    references: form.references,
    options: form.options.map((o) => {
      const year = parseCount(o.year);
      const lines = [
        ...(o.invest.trim() !== '' ? [{ kind: 'invest', year, amount: kroner(o.invest) }] : []),
        ...(o.drift.trim() !== '' ? [{ kind: 'drift', year, amount: kroner(o.drift) }] : []),
      ];
      return {
        ...(o.id ? { id: o.id } : {}),
        description: o.description,
        lines,
        residualProbability: scale(o.residualProbability),
        residualConsequence: scale(o.residualConsequence),
        chosen: o.chosen,
      };
    }),
  };
}

export function RiskForm({
  orgId,
  risk,
  sites,
  systems,
  persons,
  defaultYear,
  onSaved,
  onCancel,
}: {
  orgId: string;
  risk: Risk | null;
  sites: readonly Site[];
  systems: ReadonlyArray<{ id: string; name: string }>;
  persons: readonly Person[];
  defaultYear: number;
  onSaved: (risk: Risk) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [form, setForm] = useState<Form>(() => formOf(risk, defaultYear));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setOption = (i: number, patch: Partial<OptionForm>) =>
    setForm((f) => ({ ...f, options: f.options.map((o, j) => (j === i ? { ...o, ...patch } : patch.chosen ? { ...o, chosen: false } : o)) }));
  const toggle = (key: 'siteIds' | 'systemIds', id: string, on: boolean) =>
    setForm((f) => ({ ...f, [key]: on ? [...f[key], id] : f[key].filter((x) => x !== id) }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    try {
      const saved = risk
        ? await api.patch<Risk>(orgPath(orgId, `/risks/${risk.id}`), { version: risk.version, ...body(form) })
        : await api.post<Risk>(orgPath(orgId, '/risks'), body(form));
      setErrors(NO_ERRORS);
      onSaved(saved);
    } catch (error) {
      setErrors((prev) => errorsFrom(error, t, prev));
    } finally {
      setBusy(false);
    }
  };

  const id = (field: string) => `risk-${field}`;
  const idFor = (field: string): string | undefined => {
    const m = /^options\.(\d+)\.(\w+)/.exec(field);
    if (m) {
      const key = m[2] === 'lines' ? (field.includes('year') ? 'year' : 'invest') : m[2];
      return `risk-option-${m[1]}-${key}`;
    }
    const dim = /^dimensions\.(\w+)/.exec(field);
    if (dim) return `risk-dim-${dim[1]}`;
    const root = field.split('.')[0] ?? field;
    return root === 'siteIds' || root === 'systemIds' ? 'risk-objects' : id(root);
  };
  const err = (field: string) => fieldError(errors, field);
  const dims = Object.fromEntries(CONSEQUENCE_DIMENSIONS.map((d) => [d, scale(form.dimensions[d])]));
  const drivers = consequenceDrivers(scale(form.consequence), dims);
  const effective = drivers.length === 0 ? 0 : effectiveConsequence(scale(form.consequence), dims);

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="risk-form-heading" className="block">
      <Heading level={2} data-size="sm" id="risk-form-heading">
        {risk ? t('risk.details', { title: risk.title }) : t('risk.add')}
      </Heading>
      <FormFeedback errors={errors} idFor={idFor} />
      <TextInput id={id('title')} label={t('risk.colTitle')} value={form.title} onChange={(v) => set('title', v)} error={err('title')} />
      <Fieldset id="risk-objects" tabIndex={-1}>
        <Fieldset.Legend>{t('risk.objects')}</Fieldset.Legend>
        <div className="risk-objects">
          {sites.map((s) => (
            <Checkbox key={s.id} id={`risk-site-${s.id}`} label={s.name} checked={form.siteIds.includes(s.id)} onChange={(e) => toggle('siteIds', s.id, e.target.checked)} />
          ))}
          {systems.map((s) => (
            <Checkbox key={s.id} id={`risk-system-${s.id}`} label={s.name} checked={form.systemIds.includes(s.id)} onChange={(e) => toggle('systemIds', s.id, e.target.checked)} />
          ))}
        </div>
        {err('siteIds') || err('systemIds') ? <Paragraph data-color="danger">{[err('siteIds'), err('systemIds')].filter(Boolean).join(' ')}</Paragraph> : null}
      </Fieldset>
      <TextInput id={id('hazard')} label={t('risk.hazard')} value={form.hazard} onChange={(v) => set('hazard', v)} error={err('hazard')} multiline />
      <TextInput id={id('consequenceText')} label={t('risk.consequenceText')} value={form.consequenceText} onChange={(v) => set('consequenceText', v)} error={err('consequenceText')} multiline />
      <TextInput id={id('controls')} label={t('risk.controls')} description={t('risk.controlsHint')} value={form.controls} onChange={(v) => set('controls', v)} error={err('controls')} multiline />
      <SelectInput id={id('probability')} label={t('risk.probability')} value={form.probability} onChange={(v) => set('probability', v)} choices={SCALE_CHOICES(PROBABILITY_LABELS)} emptyLabel="" error={err('probability')} />
      <SelectInput id={id('consequence')} label={t('risk.consequence')} description={t('riskDims.overallHint')} value={form.consequence} onChange={(v) => set('consequence', v)} choices={SCALE_CHOICES(CONSEQUENCE_LABELS)} emptyLabel={t('risk.notSet')} error={err('consequence')} />
      <Fieldset className="risk-dimensions">
        <Fieldset.Legend>{t('riskDims.legend')}</Fieldset.Legend>
        <Fieldset.Description>{t('riskDims.hint')}</Fieldset.Description>
        {CONSEQUENCE_DIMENSIONS.map((d) => (
          <SelectInput
            key={d}
            id={`risk-dim-${d}`}
            label={FIELD_LABELS[d] ?? d}
            value={form.dimensions[d]}
            onChange={(v) => setForm((f) => ({ ...f, dimensions: { ...f.dimensions, [d]: v } }))}
            choices={SCALE_CHOICES(CONSEQUENCE_LABELS)}
            emptyLabel={t('risk.notSet')}
            error={err(`dimensions.${d}`)}
          />
        ))}
      </Fieldset>
      <Paragraph id="risk-consequence-driver" role="status" data-size="sm">
        {drivers.length === 0
          ? t('riskDims.none')
          : t('riskDims.counts', { value: effective, label: CONSEQUENCE_LABELS[effective] ?? '', from: drivers.map((k) => (k === 'overall' ? t('riskDims.overall') : (FIELD_LABELS[k] ?? k))).join(', ') })}
      </Paragraph>
      <SelectInput id={id('ownerId')} label={t('risk.owner')} value={form.ownerId} onChange={(v) => set('ownerId', v)} choices={persons.map((p) => ({ value: p.id, label: p.name }))} emptyLabel={t('risk.noOwner')} error={err('ownerId')} />
      <SelectInput id={id('status')} label={t('risk.status')} value={form.status} onChange={(v) => set('status', v)} choices={RISK_STATUSES.map((s) => ({ value: s, label: RISK_STATUS_LABELS[s] }))} error={err('status')} />
      <TextInput id={id('closeReason')} label={t('risk.closeReason')} value={form.closeReason} onChange={(v) => set('closeReason', v)} error={err('closeReason')} />
      <TextInput id={id('reviewDate')} label={t('risk.reviewDate')} description="dd.mm.åååå" value={form.reviewDate} onChange={(v) => set('reviewDate', v)} error={err('reviewDate')} />
      <TextInput id={id('references')} label={t('risk.references')} value={form.references} onChange={(v) => set('references', v)} error={err('references')} />

      <Heading level={3} data-size="xs">
        {t('risk.options')}
      </Heading>
      {form.options.map((o, i) => (
        <Fieldset key={o.id ?? `new-${i}`} className="risk-option">
          <Fieldset.Legend>{t('risk.option', { n: i + 1 })}</Fieldset.Legend>
          <TextInput id={`risk-option-${i}-description`} label={t('risk.optionDescription', { n: i + 1 })} value={o.description} onChange={(v) => setOption(i, { description: v })} error={err(`options.${i}.description`)} />
          {o.linked ? (
            <Paragraph data-size="sm">{t('risk.linkedLines')}</Paragraph>
          ) : (
            <>
              <TextInput id={`risk-option-${i}-year`} label={t('risk.optionYear')} inputMode="numeric" value={o.year} onChange={(v) => setOption(i, { year: v })} error={fieldError(errors, `options.${i}.lines.0.year`)} />
              <TextInput id={`risk-option-${i}-invest`} label={t('risk.optionInvest')} inputMode="numeric" value={o.invest} onChange={(v) => setOption(i, { invest: v })} error={err(`options.${i}.lines`)} />
              <TextInput id={`risk-option-${i}-drift`} label={t('risk.optionDrift')} inputMode="numeric" value={o.drift} onChange={(v) => setOption(i, { drift: v })} />
            </>
          )}
          <SelectInput id={`risk-option-${i}-residualProbability`} label={t('risk.residualProbability')} value={o.residualProbability} onChange={(v) => setOption(i, { residualProbability: v })} choices={SCALE_CHOICES(PROBABILITY_LABELS)} emptyLabel={t('risk.notSet')} error={err(`options.${i}.residualProbability`)} />
          <SelectInput id={`risk-option-${i}-residualConsequence`} label={t('risk.residualConsequence')} value={o.residualConsequence} onChange={(v) => setOption(i, { residualConsequence: v })} choices={SCALE_CHOICES(CONSEQUENCE_LABELS)} emptyLabel={t('risk.notSet')} error={err(`options.${i}.residualConsequence`)} />
          <Checkbox id={`risk-option-${i}-chosen`} label={t('risk.chosen')} checked={o.chosen} onChange={(e) => setOption(i, { chosen: e.target.checked })} />
          {err(`options.${i}.chosen`) ? <Paragraph data-color="danger">{err(`options.${i}.chosen`)}</Paragraph> : null}
          {!o.linked ? (
            <Button type="button" variant="tertiary" data-size="sm" onClick={() => setForm((f) => ({ ...f, options: f.options.filter((_, j) => j !== i) }))}>
              {t('risk.removeOption', { n: i + 1 })}
            </Button>
          ) : null}
        </Fieldset>
      ))}
      <p>
        <Button
          type="button"
          variant="secondary"
          data-size="sm"
          onClick={() =>
            setForm((f) => ({ ...f, options: [...f.options, { linked: false, description: '', year: String(defaultYear), invest: '', drift: '', residualProbability: '', residualConsequence: '', chosen: false }] }))
          }
        >
          {t('risk.addOption')}
        </Button>
      </p>
      <div className="form-actions">
        <Button type="submit" disabled={busy}>
          {t('risk.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('risk.cancel')}
        </Button>
      </div>
    </form>
  );
}
