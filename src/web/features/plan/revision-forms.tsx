/** Forms on the revision page: vision and introduction, focus area, goal (with national goals), adoption. */
import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, Checkbox, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { FocusArea, Goal, NationalGoal, Revision } from '../../../domain/plan.ts';
import { api, orgPath } from '../../api.ts';
import { useT, type Translate } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { useFocusOn } from '../../components/ui.tsx';
import { parseDateInput } from './common.tsx';
import { errorsFrom, fieldError, FormFeedback, label, NO_ERRORS, TextInput, type FormErrors } from '../../forms.tsx';

/** Submitting: busy flag and errors (API field errors, 409 with reload). */
function useSubmit(t: Translate) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      setErrors((prev) => errorsFrom(error, t, prev));
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, run };
}

/** A boxed inline form with a heading that takes focus when it opens. */
function FormBox({
  id,
  heading,
  children,
  errors,
  idFor,
  onReload,
  onSubmit,
}: {
  id: string;
  heading: string;
  children: ReactNode;
  errors: FormErrors;
  idFor: (field: string) => string | undefined;
  onReload: () => void;
  onSubmit: () => void;
}) {
  const headingRef = useFocusOn<HTMLHeadingElement>(id);
  return (
    <section aria-labelledby={`${id}-heading`} className="form-section inline-section">
      <Heading level={3} data-size="xs" id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {heading}
      </Heading>
      <FormFeedback errors={errors} idFor={idFor} onReload={onReload} />
      <form
        className="form"
        noValidate
        aria-labelledby={`${id}-heading`}
        onSubmit={(e: FormEvent<HTMLFormElement>) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {children}
      </form>
    </section>
  );
}

function Actions({ busy, submit, onCancel }: { busy: boolean; submit: string; onCancel: () => void }) {
  const t = useT();
  return (
    <div className="form-actions">
      <Button type="submit" loading={busy}>
        {submit}
      </Button>
      <Button type="button" variant="secondary" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
    </div>
  );
}

export interface FormProps {
  readonly revision: Revision;
  readonly onDone: (message: string) => void;
  readonly onCancel: () => void;
  /** After a 409: close the form and load the revision again. */
  readonly onReload: () => void;
}

export function TextsForm({ revision, onDone, onCancel, onReload }: FormProps) {
  const t = useT();
  const org = useOrganization();
  const [vision, setVision] = useState(revision.vision ?? '');
  const [introduction, setIntroduction] = useState(revision.introduction ?? '');
  const { errors, busy, run } = useSubmit(t);
  const submit = () =>
    run(async () => {
      await api.patch<Revision>(orgPath(org.id, `/revisions/${revision.id}`), { version: revision.version, vision, introduction });
      onDone(t('plan.textsSaved'));
    });
  return (
    <FormBox
      id="texts-form"
      heading={t('plan.editTexts')}
      errors={errors}
      idFor={(f) => (f === 'vision' || f === 'introduction' ? `rev-${f}` : undefined)}
      onReload={onReload}
      onSubmit={() => void submit()}
    >
      <TextInput id="rev-vision" label={label('vision')} value={vision} onChange={setVision} multiline error={fieldError(errors, 'vision')} />
      <TextInput
        id="rev-introduction"
        label={label('introduction')}
        value={introduction}
        onChange={setIntroduction}
        multiline
        error={fieldError(errors, 'introduction')}
      />
      <Actions busy={busy} submit={t('common.saveChanges')} onCancel={onCancel} />
    </FormBox>
  );
}

export function FocusAreaForm({ revision, area, onDone, onCancel, onReload }: FormProps & { area: FocusArea | null }) {
  const t = useT();
  const org = useOrganization();
  const [title, setTitle] = useState(area?.title ?? '');
  const [description, setDescription] = useState(area?.description ?? '');
  const { errors, busy, run } = useSubmit(t);
  const base = orgPath(org.id, `/revisions/${revision.id}/focus-areas`);
  const submit = () =>
    run(async () => {
      if (area) await api.patch<Revision>(`${base}/${area.id}`, { version: area.version, title, description });
      else await api.post<Revision>(base, { title, description });
      onDone(area ? t('common.saved', { name: title.trim() }) : t('common.created', { name: title.trim() }));
    });
  return (
    <FormBox
      id="area-form"
      heading={area ? t('plan.editArea', { name: area.title }) : t('plan.newArea')}
      errors={errors}
      idFor={(f) => (f === 'title' || f === 'description' ? `area-${f}` : undefined)}
      onReload={onReload}
      onSubmit={() => void submit()}
    >
      <TextInput id="area-title" label={label('title')} value={title} onChange={setTitle} error={fieldError(errors, 'title')} />
      <TextInput
        id="area-description"
        label={`${label('description')} ${t('common.optional')}`}
        value={description}
        onChange={setDescription}
        multiline
        error={fieldError(errors, 'description')}
      />
      <Actions busy={busy} submit={area ? t('common.saveChanges') : t('plan.addArea')} onCancel={onCancel} />
    </FormBox>
  );
}

/** Checkboxes for the national goals, one group per framework; code + title, non-current ones marked. */
export function NationalGoalPicker({
  goals,
  selected,
  onToggle,
  error,
}: {
  goals: readonly NationalGoal[];
  selected: readonly string[];
  onToggle: (id: string, checked: boolean) => void;
  error?: string;
}) {
  const t = useT();
  const frameworks = [...new Set(goals.map((g) => g.framework))];
  return (
    <Fieldset id="goal-nationalGoalIds" className="national-goals" aria-invalid={error ? true : undefined}>
      <Fieldset.Legend>{label('nationalGoalIds')}</Fieldset.Legend>
      <Fieldset.Description>{t('goal.nationalHint')}</Fieldset.Description>
      {error ? <Paragraph className="error-text">{error}</Paragraph> : null}
      {frameworks.map((framework, i) => (
        <Fieldset key={framework} className="national-goals__framework" data-size="sm">
          <Fieldset.Legend>{framework}</Fieldset.Legend>
          {goals
            .filter((g) => g.framework === framework)
            .map((g) => (
              <Checkbox
                key={g.id}
                id={`ng-${i}-${g.id}`}
                label={
                  <>
                    <span className="national-goals__code">{g.code}</span> {g.title}
                    {!g.current ? <span className="muted"> ({t('goal.notCurrent')})</span> : null}
                  </>
                }
                checked={selected.includes(g.id)}
                onChange={(e) => onToggle(g.id, e.target.checked)}
              />
            ))}
        </Fieldset>
      ))}
    </Fieldset>
  );
}

export function GoalForm({
  revision,
  focusAreaId,
  goal,
  nationalGoals,
  onDone,
  onCancel,
  onReload,
}: FormProps & { focusAreaId: string; goal: Goal | null; nationalGoals: readonly NationalGoal[] }) {
  const t = useT();
  const org = useOrganization();
  const [text, setText] = useState(goal?.text ?? '');
  const [selected, setSelected] = useState<readonly string[]>(goal?.nationalGoalIds ?? []);
  const { errors, busy, run } = useSubmit(t);
  const base = orgPath(org.id, `/revisions/${revision.id}/goals`);
  const submit = () =>
    run(async () => {
      if (goal) await api.patch<Revision>(`${base}/${goal.id}`, { version: goal.version, text, nationalGoalIds: selected });
      else await api.post<Revision>(base, { focusAreaId, text, nationalGoalIds: selected });
      onDone(goal ? t('goal.saved') : t('goal.created'));
    });
  return (
    <FormBox
      id="goal-form"
      heading={goal ? t('goal.editHeading') : t('goal.newHeading')}
      errors={errors}
      idFor={(f) => (f === 'text' ? 'goal-text' : f === 'nationalGoalIds' ? 'goal-nationalGoalIds' : undefined)}
      onReload={onReload}
      onSubmit={() => void submit()}
    >
      <TextInput id="goal-text" label={t('goal.text')} value={text} onChange={setText} multiline error={fieldError(errors, 'text')} />
      <NationalGoalPicker
        goals={nationalGoals}
        selected={selected}
        onToggle={(id, checked) => setSelected((s) => (checked ? [...s, id] : s.filter((x) => x !== id)))}
        error={fieldError(errors, 'nationalGoalIds')}
      />
      <Actions busy={busy} submit={goal ? t('common.saveChanges') : t('goal.add')} onCancel={onCancel} />
    </FormBox>
  );
}

export function AdoptForm({ revision, onDone, onCancel, onReload }: FormProps) {
  const t = useT();
  const org = useOrganization();
  const [adoptedDate, setAdoptedDate] = useState('');
  const [decisionRef, setDecisionRef] = useState('');
  const { errors, busy, run } = useSubmit(t);
  const submit = () =>
    run(async () => {
      const date = parseDateInput(adoptedDate);
      // An unreadable date goes to the API as typed, which names the field in its answer.
      await api.post<Revision>(orgPath(org.id, `/revisions/${revision.id}/adopt`), {
        version: revision.version,
        adoptedDate: date ?? adoptedDate,
        decisionRef,
      });
      onDone(t('plan.adopted', { number: revision.number }));
    });
  return (
    <FormBox
      id="adopt-form"
      heading={t('plan.adoptHeading', { number: revision.number })}
      errors={errors}
      idFor={(f) => (f === 'adoptedDate' || f === 'decisionRef' ? `adopt-${f}` : undefined)}
      onReload={onReload}
      onSubmit={() => void submit()}
    >
      <Paragraph>{t('plan.adoptIntro')}</Paragraph>
      <div className="form-row">
        <TextInput
          id="adopt-adoptedDate"
          label={label('adoptedDate')}
          description={t('plan.dateHint')}
          value={adoptedDate}
          onChange={setAdoptedDate}
          error={fieldError(errors, 'adoptedDate')}
        />
        <TextInput
          id="adopt-decisionRef"
          label={label('decisionRef')}
          description={t('plan.decisionRefHint')}
          value={decisionRef}
          onChange={setDecisionRef}
          error={fieldError(errors, 'decisionRef')}
        />
      </div>
      <Actions busy={busy} submit={t('plan.adopt')} onCancel={onCancel} />
    </FormBox>
  );
}
