/** A measure (tiltak): its fields, goals and budget grid; read-only for readers and adopted revisions. */
import { MeasureRisks } from '../../features/risk/MeasureRisks.tsx';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router';
import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Measure, Revision } from '../../../domain/plan.ts';
import { MEASURE_STATUS_LABELS, PRIORITY_LABELS } from '../../labels.ts';
import { formatDate } from '../../../domain/format.ts';
import { api, orgPath } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { LoadError, Loading, Page, StatusMessage, useFocusOn } from '../../components/ui.tsx';
import {
  choicesFrom,
  clientErrors,
  errorsFrom,
  fieldError,
  FormFeedback,
  label,
  NO_ERRORS,
  problemMessage,
  SelectInput,
  TextInput,
  type FormErrors,
} from '../../forms.tsx';
import {
  AdoptedNotice,
  BackToRevision,
  canEditRevision,
  dateInputValue,
  measureUrl,
  parseDateInput,
  revisionUrl,
  useRevision,
} from '../../features/plan/common.tsx';
import {
  BudgetGrid,
  cellInputId,
  cellLabel,
  cellsOf,
  EMPTY_CELL,
  parseGrid,
  type CellField,
  type Cells,
} from '../../features/plan/budget.tsx';
import { MeasureFollowup } from '../../features/followup/MeasureFollowup.tsx';

interface MeasureForm {
  number: string;
  title: string;
  description: string;
  responsible: string;
  status: string;
  priority: string;
  startDate: string;
  endDate: string;
  focusAreaId: string;
  goalIds: readonly string[];
}

const FIELDS = ['number', 'title', 'description', 'responsible', 'status', 'priority', 'startDate', 'endDate', 'focusAreaId', 'goalIds'];

function formOf(m: Measure | undefined, focusAreaId: string): MeasureForm {
  return {
    number: m?.number ?? '',
    title: m?.title ?? '',
    description: m?.description ?? '',
    responsible: m?.responsible ?? '',
    status: m?.status ?? 'planned',
    priority: m?.priority ?? 'medium',
    startDate: dateInputValue(m?.startDate ?? null),
    endDate: dateInputValue(m?.endDate ?? null),
    focusAreaId: m ? (m.focusAreaId ?? '') : focusAreaId,
    goalIds: m?.goalIds ?? [],
  };
}

export function MeasurePage() {
  const t = useT();
  const org = useOrganization();
  const { revisionId = '', measureId } = useParams();
  const revision = useRevision(org.id, revisionId);
  const rev = revision.data;
  const measure = measureId ? rev?.measures.find((m) => m.id === measureId) : undefined;
  // Right after a create the revision is reloading; the new measure is not "missing" until that is done.
  const missing = rev !== undefined && measureId !== undefined && measure === undefined && !revision.loading;
  const title = measureId === undefined ? t('measure.newTitle') : (measure?.title ?? t('measure.title'));

  return (
    <>
      {rev ? <BackToRevision slug={org.slug} revision={rev} /> : null}
      <Page title={missing ? t('error.notFound') : title}>
        {revision.error ? <LoadError error={revision.error} onRetry={revision.reload} /> : null}
        {revision.loading && (!rev || (measureId !== undefined && !measure)) ? <Loading /> : null}
        {missing ? <Paragraph>{t('measure.missing')}</Paragraph> : null}
        {measure ? <MeasureRisks orgId={org.id} slug={org.slug} lineageId={measure.lineageId} /> : null}
        {rev && (measureId === undefined || measure) ? (
          <MeasureEditor key={`${measure?.id ?? 'new'}`} revision={rev} measure={measure} onReload={revision.reload} />
        ) : null}
        {rev && measure ? <MeasureFollowup key={`followup-${measure.id}`} revision={rev} measure={measure} /> : null}
      </Page>
    </>
  );
}

function MeasureEditor({ revision, measure, onReload }: { revision: Revision; measure: Measure | undefined; onReload: () => void }) {
  const t = useT();
  const org = useOrganization();
  const navigate = useNavigate();
  const location = useLocation();
  const editable = canEditRevision(org, revision);
  const years = revision.totals.years;
  const initialArea = new URLSearchParams(location.search).get('omrade') ?? '';
  const [form, setForm] = useState<MeasureForm>(() => formOf(measure, initialArea));
  const [cells, setCells] = useState<Cells>(() => cellsOf(measure?.lines ?? []));
  const [showQuantity, setShowQuantity] = useState(() => (measure?.lines ?? []).some((l) => l.quantity !== null));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [sentKeys, setSentKeys] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState(false);
  const createdTitle = (location.state as { created?: string } | null)?.created ?? null;
  const [status, setStatus] = useState<string | null>(createdTitle ? t('common.created', { name: createdTitle }) : null);
  const [confirming, setConfirming] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const confirmRef = useFocusOn<HTMLDivElement>(confirming || null);

  // A newer version from the server (after save or reload) replaces the form.
  useEffect(() => {
    if (!measure) return;
    setForm(formOf(measure, ''));
    setCells(cellsOf(measure.lines));
  }, [measure]);

  const set = (field: keyof MeasureForm) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const areas = useMemo(() => [...revision.focusAreas].sort((a, b) => a.position - b.position), [revision.focusAreas]);
  const parsed = parseGrid(cells, years, t);

  // API messages for budget lines (`lines.3.amount`) belong to the cell line 3 came from.
  const serverCellErrors: Record<string, string> = {};
  for (const e of errors.fields) {
    const m = /^lines\.(\d+)/.exec(e.field);
    const key = m ? sentKeys[Number(m[1])] : undefined;
    if (key) serverCellErrors[key] = [serverCellErrors[key], e.message].filter(Boolean).join(' ');
  }
  const idFor = (field: string): string | undefined => {
    if (FIELDS.includes(field)) return `measure-${field}`;
    const cell = /^cell\.([a-z]+-\d+)\.(amount|quantity|unitPrice)$/.exec(field);
    if (cell?.[1] && cell[2]) return cellInputId(cell[1], cell[2] as CellField);
    const line = /^lines\.(\d+)/.exec(field);
    const key = line ? sentKeys[Number(line[1])] : undefined;
    return key ? cellInputId(key, 'amount') : undefined;
  };

  const onCell = (key: string, field: CellField, value: string) =>
    setCells((c) => ({ ...c, [key]: { ...(c[key] ?? EMPTY_CELL), [field]: value } }));
  const onSaving = (key: string, saving: boolean) => setCells((c) => ({ ...c, [key]: { ...(c[key] ?? EMPTY_CELL), saving } }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setStatus(null);
    const startDate = parseDateInput(form.startDate);
    const endDate = parseDateInput(form.endDate);
    const problems = [
      ...(startDate === undefined ? [{ field: 'startDate', message: t('plan.dateInvalid', { field: label('startDate') }) }] : []),
      ...(endDate === undefined ? [{ field: 'endDate', message: t('plan.dateInvalid', { field: label('endDate') }) }] : []),
      ...parsed.problems.map((p) => {
        const [kind, year] = p.key.split('-') as ['invest' | 'drift', string];
        return { field: `cell.${p.key}.${p.field}`, message: `${cellLabel(kind, Number(year))}: ${p.message}` };
      }),
    ];
    if (problems.length > 0) {
      setErrors((prev) => clientErrors(problems, prev));
      return;
    }
    const body = {
      focusAreaId: form.focusAreaId === '' ? null : form.focusAreaId,
      number: form.number,
      title: form.title,
      description: form.description,
      responsible: form.responsible,
      status: form.status,
      priority: form.priority,
      startDate,
      endDate,
      goalIds: form.goalIds,
      lines: parsed.lines.map(({ line }) =>
        line.quantity !== null && line.unitPrice !== null
          ? { kind: line.kind, year: line.year, quantity: line.quantity, unitPrice: line.unitPrice, note: line.note, saving: line.saving }
          : { kind: line.kind, year: line.year, amount: line.amount, note: line.note, saving: line.saving },
      ),
    };
    setSentKeys(parsed.lines.map((l) => l.key));
    setBusy(true);
    try {
      if (measure) {
        await api.patch<Revision>(orgPath(org.id, `/revisions/${revision.id}/measures/${measure.id}`), { version: measure.version, ...body });
        setErrors(NO_ERRORS);
        setStatus(t('common.saved', { name: form.title.trim() }));
        onReload();
      } else {
        const before = new Set(revision.measures.map((m) => m.id));
        const saved = await api.post<Revision>(orgPath(org.id, `/revisions/${revision.id}/measures`), body);
        const created = saved.measures.find((m) => !before.has(m.id));
        onReload();
        navigate(created ? measureUrl(org.slug, revision.id, created.id) : revisionUrl(org.slug, revision.id), {
          replace: true,
          state: { created: form.title.trim() },
        });
      }
    } catch (error) {
      setErrors((prev) => errorsFrom(error, t, prev));
    } finally {
      setBusy(false);
    }
  };

  const onDelete = async () => {
    if (!measure) return;
    setDeleteError(null);
    try {
      await api.delete(orgPath(org.id, `/revisions/${revision.id}/measures/${measure.id}?version=${measure.version}`));
      navigate(revisionUrl(org.slug, revision.id), { state: { deleted: measure.title } });
    } catch (error) {
      setDeleteError(problemMessage(error, t));
    }
  };

  const reloadAfterConflict = () => {
    setErrors(NO_ERRORS);
    setConfirming(false);
    setDeleteError(null);
    if (measure) {
      setForm(formOf(measure, ''));
      setCells(cellsOf(measure.lines));
    }
    onReload();
  };

  const areaChoices = areas.map((a) => ({ value: a.id, label: a.title }));
  const goalsByArea = areas
    .map((a) => ({ area: a, goals: revision.goals.filter((g) => g.focusAreaId === a.id).sort((x, y) => x.position - y.position) }))
    .filter((x) => x.goals.length > 0);

  if (!editable) {
    return (
      <>
        <AdoptedNotice revision={revision} />
        {measure ? <MeasureFacts revision={revision} measure={measure} /> : <Paragraph>{t('common.readOnly')}</Paragraph>}
        {measure ? (
          <section aria-labelledby="measure-budget-heading">
            <Heading level={2} data-size="sm" id="measure-budget-heading">
              {t('budget.heading')}
            </Heading>
            <BudgetGrid
              years={years}
              cells={cellsOf(measure.lines)}
              onChange={() => undefined}
              showQuantity={false}
              onShowQuantity={() => undefined}
              problems={[]}
              serverErrors={{}}
              readOnly
            />
          </section>
        ) : null}
      </>
    );
  }

  return (
    <>
      <StatusMessage message={status} />
      <FormFeedback errors={errors} idFor={idFor} onReload={reloadAfterConflict} />
      <form className="form form--wide" noValidate onSubmit={(e) => void onSubmit(e)} aria-label={t('measure.formLabel')}>
        <div className="form-row form-row--number">
          <TextInput id="measure-number" label={label('number')} value={form.number} onChange={set('number')} error={fieldError(errors, 'number')} />
          <TextInput id="measure-title" label={label('title')} value={form.title} onChange={set('title')} error={fieldError(errors, 'title')} />
        </div>
        <TextInput
          id="measure-description"
          label={`${label('description')} ${t('common.optional')}`}
          value={form.description}
          onChange={set('description')}
          multiline
          error={fieldError(errors, 'description')}
        />
        <div className="form-row">
          <TextInput
            id="measure-responsible"
            label={`${label('responsible')} ${t('common.optional')}`}
            value={form.responsible}
            onChange={set('responsible')}
            error={fieldError(errors, 'responsible')}
          />
          <SelectInput
            id="measure-focusAreaId"
            label={label('focusAreaId')}
            value={form.focusAreaId}
            onChange={set('focusAreaId')}
            choices={areaChoices}
            emptyLabel={t('plan.noFocusArea')}
            error={fieldError(errors, 'focusAreaId')}
          />
        </div>
        <div className="form-row">
          <SelectInput
            id="measure-status"
            label={label('status')}
            value={form.status}
            onChange={set('status')}
            choices={choicesFrom(MEASURE_STATUS_LABELS)}
            error={fieldError(errors, 'status')}
          />
          <SelectInput
            id="measure-priority"
            label={label('priority')}
            value={form.priority}
            onChange={set('priority')}
            choices={choicesFrom(PRIORITY_LABELS)}
            error={fieldError(errors, 'priority')}
          />
        </div>
        <div className="form-row">
          <TextInput
            id="measure-startDate"
            label={`${label('startDate')} ${t('common.optional')}`}
            description={t('plan.dateHint')}
            value={form.startDate}
            onChange={set('startDate')}
            error={fieldError(errors, 'startDate')}
          />
          <TextInput
            id="measure-endDate"
            label={`${label('endDate')} ${t('common.optional')}`}
            description={t('plan.dateHint')}
            value={form.endDate}
            onChange={set('endDate')}
            error={fieldError(errors, 'endDate')}
          />
        </div>
        {goalsByArea.length > 0 ? (
          <Fieldset id="measure-goalIds" className="goal-picker">
            <Fieldset.Legend>{t('measure.goals')}</Fieldset.Legend>
            <Fieldset.Description>{t('measure.goalsHint')}</Fieldset.Description>
            {fieldError(errors, 'goalIds') ? <Paragraph className="error-text">{fieldError(errors, 'goalIds')}</Paragraph> : null}
            {goalsByArea.map(({ area, goals }) => (
              <div key={area.id} className="goal-picker__group" role="group" aria-labelledby={`goals-area-${area.id}`}>
                <p className="goal-picker__area" id={`goals-area-${area.id}`}>
                  {area.title}
                </p>
                {goals.map((g) => (
                  <Checkbox
                    key={g.id}
                    id={`measure-goal-${g.id}`}
                    label={g.text}
                    checked={form.goalIds.includes(g.id)}
                    onChange={(e) =>
                      setForm((f) => ({
                        ...f,
                        goalIds: e.target.checked ? [...f.goalIds, g.id] : f.goalIds.filter((id) => id !== g.id),
                      }))
                    }
                  />
                ))}
              </div>
            ))}
          </Fieldset>
        ) : null}
        <section aria-labelledby="measure-budget-heading">
          <Heading level={2} data-size="sm" id="measure-budget-heading">
            {t('budget.heading')}
          </Heading>
          <Paragraph className="muted" data-size="sm">
            {t('budget.intro', { from: revision.period.startYear, to: revision.period.endYear })}
          </Paragraph>
          <BudgetGrid
            years={years}
            cells={cells}
            onChange={onCell}
            onSaving={onSaving}
            showQuantity={showQuantity}
            onShowQuantity={setShowQuantity}
            problems={parsed.problems}
            serverErrors={serverCellErrors}
            readOnly={false}
          />
        </section>
        <div className="form-actions">
          <Button type="submit" loading={busy}>
            {measure ? t('common.saveChanges') : t('measure.create')}
          </Button>
          <Button asChild variant="secondary">
            <RouterLink to={revisionUrl(org.slug, revision.id)}>{t('measure.backWithoutSaving')}</RouterLink>
          </Button>
          {measure ? (
            <Button type="button" variant="tertiary" data-color="danger" onClick={() => setConfirming(true)}>
              {t('measure.delete')}
            </Button>
          ) : null}
        </div>
      </form>
      {confirming && measure ? (
        <Alert data-color="warning" className="block confirm" ref={confirmRef} tabIndex={-1}>
          <Paragraph>{t('common.deleteConfirm', { name: measure.title })}</Paragraph>
          {deleteError ? (
            <Paragraph className="error-text" role="alert">
              {deleteError}
            </Paragraph>
          ) : null}
          <div className="form-actions">
            <Button data-color="danger" onClick={() => void onDelete()}>
              {t('common.confirmDelete')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            {deleteError ? (
              <Button variant="tertiary" onClick={reloadAfterConflict}>
                {t('common.reload')}
              </Button>
            ) : null}
          </div>
        </Alert>
      ) : null}
    </>
  );
}

function MeasureFacts({ revision, measure }: { revision: Revision; measure: Measure }) {
  const t = useT();
  const area = revision.focusAreas.find((a) => a.id === measure.focusAreaId);
  const goals = revision.goals.filter((g) => measure.goalIds.includes(g.id));
  const rows: [string, string][] = [
    [label('number'), measure.number ?? '–'],
    [label('focusAreaId'), area?.title ?? t('plan.noFocusArea')],
    [label('responsible'), measure.responsible ?? '–'],
    [label('status'), MEASURE_STATUS_LABELS[measure.status]],
    [label('priority'), PRIORITY_LABELS[measure.priority]],
    [label('startDate'), measure.startDate ? formatDate(measure.startDate) : '–'],
    [label('endDate'), measure.endDate ? formatDate(measure.endDate) : '–'],
  ];
  return (
    <>
      {measure.description ? <Paragraph>{measure.description}</Paragraph> : null}
      <dl className="facts">
        {rows.map(([k, v]) => (
          <div key={k} className="facts__row">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {goals.length > 0 ? (
        <>
          <Heading level={2} data-size="sm">
            {t('measure.goals')}
          </Heading>
          <ul>
            {goals.map((g) => (
              <li key={g.id}>{g.text}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
