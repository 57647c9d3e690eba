/**
 * A plan revision: vision and introduction, focus areas with goals and measures, and the revision's
 * actions (new revision, adopt, compare, export, import). Adopted revisions are read-only.
 */
import { useRef, useState } from 'react';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router';
import { Alert, Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { FocusArea, Goal, NationalGoal, Revision } from '../../../domain/plan.ts';
import { MEASURE_STATUS_LABELS } from '../../labels.ts';
import { api, orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { LoadError, Loading, Page, StatusMessage, TableScroll, useFocusOn, VisuallyHidden } from '../../components/ui.tsx';
import { problemMessage } from '../../forms.tsx';
import {
  actionPlanUrl,
  AdoptedNotice,
  byNumber,
  canEditRevision,
  compareUrl,
  exportUrl,
  importUrl,
  kr,
  measureUrl,
  newMeasureUrl,
  planUrl,
  revisionUrl,
  RevisionStatusTag,
  usePlans,
  useRevision,
} from '../../features/plan/common.tsx';
import { AdoptForm, FocusAreaForm, GoalForm, TextsForm } from '../../features/plan/revision-forms.tsx';
import { canPublish, DocumentSection, PublishSection } from '../../features/plan/publishing.tsx';

type Editing =
  | { type: 'texts' }
  | { type: 'adopt' }
  | { type: 'area'; area: FocusArea | null }
  | { type: 'goal'; focusAreaId: string; goal: Goal | null }
  | null;

type Deleting = { type: 'area'; item: FocusArea } | { type: 'goal'; item: Goal } | null;

export function RevisionPage() {
  const t = useT();
  const org = useOrganization();
  const { revisionId = '' } = useParams();
  const revision = useRevision(org.id, revisionId);
  const rev = revision.data;
  const title = rev ? t('plan.revisionTitle', { plan: rev.period.name, number: rev.number }) : t('plan.revision');
  return (
    <>
      <p className="back-link">
        <RouterLink to={planUrl(org.slug)}>{t('plan.backToPlans')}</RouterLink>
      </p>
      <Page title={title}>
        {revision.error ? <LoadError error={revision.error} onRetry={revision.reload} /> : null}
        {revision.loading && !rev ? <Loading /> : null}
        {rev ? <RevisionView key={rev.id} revision={rev} reload={revision.reload} /> : null}
      </Page>
    </>
  );
}

function RevisionView({ revision, reload }: { revision: Revision; reload: () => void }) {
  const t = useT();
  const org = useOrganization();
  const navigate = useNavigate();
  const location = useLocation();
  const editable = canEditRevision(org, revision);
  const nationalGoals = useApi<NationalGoal[]>(orgPath(org.id, '/national-goals'));
  const deletedTitle = (location.state as { deleted?: string } | null)?.deleted;
  const [status, setStatus] = useState<string | null>(deletedTitle ? t('common.deleted', { name: deletedTitle }) : null);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Deleting>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [copying, setCopying] = useState(false);
  // The period's other revisions and the organization's publication: for the confirmations of
  // "Ny revisjon" (when a draft exists) and of publishing (when another revision is published).
  const plans = usePlans(org.id);
  const draft = plans.data?.find((p) => p.id === revision.periodId)?.revisions.find((r) => r.status === 'draft') ?? (revision.status === 'draft' ? revision : undefined);
  const publishedPlan = plans.data?.find((p) => p.revisions.some((r) => r.publishedAt !== null && r.id !== revision.id));
  const published = publishedPlan?.revisions.find((r) => r.publishedAt !== null && r.id !== revision.id);
  const [confirmCopy, setConfirmCopy] = useState(false);
  const copyConfirmRef = useFocusOn<HTMLDivElement>(confirmCopy ? 'copy' : null);
  const newRevisionButton = useRef<HTMLButtonElement>(null);
  const confirmRef = useFocusOn<HTMLDivElement>(deleting ? deleting.item.id : null);
  const errorRef = useFocusOn<HTMLDivElement>(actionError);

  const areas = [...revision.focusAreas].sort((a, b) => a.position - b.position);
  const ngById = new Map((nationalGoals.data ?? []).map((g) => [g.id, g]));
  const unassigned = revision.measures.filter((m) => m.focusAreaId === null).sort(byNumber);

  // Where focus goes when an inline form closes: the control that opened it, or else the heading of its part.
  const opener = useRef<{ element: HTMLElement | null; fallbackId: string }>({ element: null, fallbackId: '' });
  const restoreFocus = () => {
    const { element, fallbackId } = opener.current;
    window.requestAnimationFrame(() => {
      const target = element?.isConnected ? element : (document.getElementById(fallbackId) ?? document.querySelector<HTMLElement>('main h1'));
      target?.focus();
    });
  };
  const close = () => {
    setEditing(null);
    restoreFocus();
  };
  const done = (message: string) => {
    close();
    setStatus(message);
    reload();
    plans.reload();
  };
  const reloadAfterConflict = () => {
    setEditing(null);
    setDeleting(null);
    setActionError(null);
    reload();
  };
  const startDelete = (next: NonNullable<Deleting>, fallbackId: string) => {
    opener.current = { element: document.activeElement instanceof HTMLElement ? document.activeElement : null, fallbackId };
    setStatus(null);
    setActionError(null);
    setDeleting(next);
  };
  const formProps = { revision, onDone: done, onCancel: close, onReload: reloadAfterConflict };
  const open = (next: Editing, fallbackId: string) => {
    opener.current = { element: document.activeElement instanceof HTMLElement ? document.activeElement : null, fallbackId };
    setStatus(null);
    setActionError(null);
    setEditing(next);
  };

  const copy = async () => {
    setConfirmCopy(false);
    setCopying(true);
    setActionError(null);
    try {
      const created = await api.post<Revision>(orgPath(org.id, `/revisions/${revision.id}/copy`), {});
      navigate(revisionUrl(org.slug, created.id), { state: { copiedFrom: revision.number } });
    } catch (error) {
      setActionError(problemMessage(error, t));
    } finally {
      setCopying(false);
    }
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    const kind = deleting.type === 'area' ? 'focus-areas' : 'goals';
    try {
      await api.delete(orgPath(org.id, `/revisions/${revision.id}/${kind}/${deleting.item.id}?version=${deleting.item.version}`));
      const name = deleting.type === 'area' ? deleting.item.title : deleting.item.text;
      setDeleting(null);
      setStatus(t('common.deleted', { name }));
      restoreFocus();
      reload();
    } catch (error) {
      setActionError(problemMessage(error, t));
    }
  };

  const copiedFrom = (location.state as { copiedFrom?: number } | null)?.copiedFrom;

  return (
    <>
      <p className="revision-meta">
        <RevisionStatusTag state={revision.state} />
        {revision.publishedAt !== null ? (
          <Tag data-color="info" data-size="sm">
            {t('plan.publishedTag')}
          </Tag>
        ) : null}
        <span>{t('plan.periodYears', { from: revision.period.startYear, to: revision.period.endYear })}</span>
      </p>
      <AdoptedNotice revision={revision} />
      {copiedFrom !== undefined && status === null ? (
        <Alert data-color="success" className="block">
          {t('plan.copied', { number: revision.number, from: copiedFrom })}
        </Alert>
      ) : null}
      <StatusMessage message={status} />
      {!org.abilities.edit ? <Paragraph className="muted">{t('common.readOnly')}</Paragraph> : null}
      {actionError ? (
        <Alert data-color="danger" className="block" role="alert" ref={errorRef} tabIndex={-1}>
          <Paragraph>{actionError}</Paragraph>
          <Button variant="secondary" data-size="sm" onClick={reloadAfterConflict}>
            {t('common.reload')}
          </Button>
        </Alert>
      ) : null}

      <nav aria-label={t('plan.revisionActions')} className="revision-actions">
        <ul>
          <li>
            <RouterLink to={actionPlanUrl(org.slug, revision.id)}>{t('plan.openActionPlan')}</RouterLink>
          </li>
          {revision.basedOnId ? (
            <li>
              <RouterLink to={compareUrl(org.slug, revision.id, revision.basedOnId)}>{t('plan.comparePrevious')}</RouterLink>
            </li>
          ) : null}
          {editable ? (
            <li>
              <RouterLink to={importUrl(org.slug, revision.id)}>{t('plan.importInto')}</RouterLink>
            </li>
          ) : null}
          <li className="revision-actions__export">
            {t('plan.export')}{' '}
            <a href={exportUrl(org.id, revision.id, 'csv')} download>
              CSV<VisuallyHidden> {t('plan.exportOf', { number: revision.number })}</VisuallyHidden>
            </a>{' '}
            <a href={exportUrl(org.id, revision.id, 'xlsx')} download>
              XLSX<VisuallyHidden> {t('plan.exportOf', { number: revision.number })}</VisuallyHidden>
            </a>{' '}
            <a href={exportUrl(org.id, revision.id, 'json')} download>
              JSON<VisuallyHidden> {t('plan.exportOf', { number: revision.number })}</VisuallyHidden>
            </a>
          </li>
        </ul>
      </nav>
      {org.abilities.edit ? (
        <div className="form-actions">
          <Button
            ref={newRevisionButton}
            variant="secondary"
            loading={copying}
            aria-expanded={draft ? confirmCopy : undefined}
            onClick={() => (draft ? setConfirmCopy(true) : void copy())}
          >
            {t('plan.newRevision')}
          </Button>
          {editable ? (
            <>
              <Button asChild variant="secondary">
                <RouterLink to={newMeasureUrl(org.slug, revision.id)}>{t('plan.newMeasure')}</RouterLink>
              </Button>
              <Button variant="secondary" onClick={() => open({ type: 'adopt' }, '')}>
                {t('plan.adopt')}
              </Button>
            </>
          ) : null}
        </div>
      ) : null}
      {confirmCopy && draft ? (
        <Alert data-color="warning" className="block confirm" ref={copyConfirmRef} tabIndex={-1}>
          <Paragraph>{t('plan.copyConfirm', { draft: draft.number, number: revision.number })}</Paragraph>
          <div className="form-actions">
            <Button onClick={() => void copy()}>{t('plan.copyConfirmYes')}</Button>
            <Button
              variant="secondary"
              onClick={() => {
                setConfirmCopy(false);
                window.requestAnimationFrame(() => newRevisionButton.current?.focus());
              }}
            >
              {t('common.cancel')}
            </Button>
          </div>
        </Alert>
      ) : null}
      {editing?.type === 'adopt' ? <AdoptForm {...formProps} /> : null}

      <DocumentSection revision={revision} />
      {canPublish(org.abilities, revision) ? (
        <PublishSection
          revision={revision}
          current={published && publishedPlan ? { number: published.number, plan: publishedPlan.name } : null}
          onChanged={(message) => {
            setStatus(message);
            reload();
            plans.reload();
          }}
          onReload={reloadAfterConflict}
        />
      ) : null}

      <section aria-labelledby="rev-texts">
        <Heading level={2} data-size="sm" id="rev-texts" tabIndex={-1}>
          {t('plan.visionAndIntro')}
        </Heading>
        {editing?.type === 'texts' ? (
          <TextsForm {...formProps} />
        ) : (
          <>
            <Heading level={3} data-size="xs">
              {t('plan.vision')}
            </Heading>
            <Paragraph className="prewrap">{revision.vision ?? t('plan.noText')}</Paragraph>
            <Heading level={3} data-size="xs">
              {t('plan.introduction')}
            </Heading>
            <Paragraph className="prewrap">{revision.introduction ?? t('plan.noText')}</Paragraph>
            {editable ? (
              <Button variant="tertiary" data-size="sm" onClick={() => open({ type: 'texts' }, 'rev-texts')}>
                {t('plan.editTexts')}
              </Button>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="rev-areas">
        <Heading level={2} data-size="sm" id="rev-areas" tabIndex={-1}>
          {t('plan.focusAreas')}
        </Heading>
        {areas.length === 0 ? <Paragraph>{t('plan.noAreas')}</Paragraph> : null}
        {areas.map((area, index) => {
          const goals = revision.goals.filter((g) => g.focusAreaId === area.id).sort((a, b) => a.position - b.position);
          const measures = revision.measures.filter((m) => m.focusAreaId === area.id).sort(byNumber);
          const areaTotal = revision.totals.perFocusArea[area.id]?.total ?? 0;
          return (
            <article key={area.id} className="focus-area" aria-labelledby={`area-${area.id}`}>
              <Heading level={3} data-size="sm" id={`area-${area.id}`} tabIndex={-1}>
                {index + 1}. {area.title}
              </Heading>
              {area.description ? <Paragraph className="prewrap">{area.description}</Paragraph> : null}
              {editable ? (
                <div className="row-actions">
                  <Button variant="tertiary" data-size="sm" onClick={() => open({ type: 'area', area }, `area-${area.id}`)}>
                    {t('common.edit')}
                    <VisuallyHidden> {area.title}</VisuallyHidden>
                  </Button>
                  <Button variant="tertiary" data-size="sm" data-color="danger" onClick={() => startDelete({ type: 'area', item: area }, 'rev-areas')}>
                    {t('common.delete')}
                    <VisuallyHidden> {area.title}</VisuallyHidden>
                  </Button>
                </div>
              ) : null}
              {editing?.type === 'area' && editing.area?.id === area.id ? <FocusAreaForm key={area.id} {...formProps} area={area} /> : null}
              {deleting?.item.id === area.id || (deleting?.type === 'goal' && deleting.item.focusAreaId === area.id) ? (
                <Alert data-color="warning" className="block confirm" ref={confirmRef} tabIndex={-1}>
                  <Paragraph>
                    {deleting.type === 'area'
                      ? t('plan.deleteAreaConfirm', { name: area.title })
                      : t('common.deleteConfirm', { name: deleting.item.text })}
                  </Paragraph>
                  <div className="form-actions">
                    <Button data-color="danger" onClick={() => void confirmDelete()}>
                      {t('common.confirmDelete')}
                    </Button>
                    <Button
                      variant="secondary"
                      onClick={() => {
                        setDeleting(null);
                        restoreFocus();
                      }}
                    >
                      {t('common.cancel')}
                    </Button>
                  </div>
                </Alert>
              ) : null}

              <Heading level={4} data-size="2xs">
                {t('plan.goals')}
              </Heading>
              {goals.length === 0 ? <Paragraph className="muted">{t('plan.noGoals')}</Paragraph> : null}
              <ul className="goal-list">
                {goals.map((g) => (
                  <li key={g.id}>
                    <span>{g.text}</span>
                    {g.nationalGoalIds.length > 0 ? (
                      <span className="goal-list__national">
                        <VisuallyHidden>{t('goal.servesNational')} </VisuallyHidden>
                        {g.nationalGoalIds.map((id) => {
                          const ng = ngById.get(id);
                          return (
                            <Tag key={id} data-size="sm" data-color="neutral" title={ng ? `${ng.framework}: ${ng.title}` : undefined}>
                              {ng ? `${ng.code} ${ng.title}` : '…'}
                            </Tag>
                          );
                        })}
                      </span>
                    ) : null}
                    {editable ? (
                      <span className="row-actions">
                        <Button variant="tertiary" data-size="sm" onClick={() => open({ type: 'goal', focusAreaId: area.id, goal: g }, `area-${area.id}`)}>
                          {t('common.edit')}
                          <VisuallyHidden> {t('goal.theGoal', { text: g.text })}</VisuallyHidden>
                        </Button>
                        <Button variant="tertiary" data-size="sm" data-color="danger" onClick={() => startDelete({ type: 'goal', item: g }, `area-${area.id}`)}>
                          {t('common.delete')}
                          <VisuallyHidden> {t('goal.theGoal', { text: g.text })}</VisuallyHidden>
                        </Button>
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
              {editing?.type === 'goal' && editing.focusAreaId === area.id ? (
                <GoalForm key={editing.goal?.id ?? 'new'} {...formProps} focusAreaId={area.id} goal={editing.goal} nationalGoals={nationalGoals.data ?? []} />
              ) : editable ? (
                <Button variant="tertiary" data-size="sm" onClick={() => open({ type: 'goal', focusAreaId: area.id, goal: null }, `area-${area.id}`)}>
                  {t('goal.add')}
                  <VisuallyHidden> {t('goal.inArea', { area: area.title })}</VisuallyHidden>
                </Button>
              ) : null}

              <Heading level={4} data-size="2xs">
                {t('plan.measures')}
              </Heading>
              <MeasureTable revision={revision} measures={measures} caption={t('plan.measuresIn', { area: area.title })} />
              <Paragraph data-size="sm">
                {t('plan.areaTotal', { amount: kr(areaTotal) })}
                {editable ? (
                  <>
                    {' · '}
                    <RouterLink to={newMeasureUrl(org.slug, revision.id, area.id)}>
                      {t('plan.newMeasureIn')}
                      <VisuallyHidden> {t('goal.inArea', { area: area.title })}</VisuallyHidden>
                    </RouterLink>
                  </>
                ) : null}
              </Paragraph>
            </article>
          );
        })}
        {unassigned.length > 0 ? (
          <article className="focus-area" aria-labelledby="area-none">
            <Heading level={3} data-size="sm" id="area-none">
              {t('plan.noFocusArea')}
            </Heading>
            <MeasureTable revision={revision} measures={unassigned} caption={t('plan.measuresWithoutArea')} />
          </article>
        ) : null}
        {editing?.type === 'area' && editing.area === null ? <FocusAreaForm key="new" {...formProps} area={null} /> : null}
        {editable && !(editing?.type === 'area' && editing.area === null) ? (
          <Button variant="secondary" onClick={() => open({ type: 'area', area: null }, 'rev-areas')}>
            {t('plan.newArea')}
          </Button>
        ) : null}
      </section>
    </>
  );
}

function MeasureTable({ revision, measures, caption }: { revision: Revision; measures: Revision['measures']; caption: string }) {
  const t = useT();
  const org = useOrganization();
  if (measures.length === 0) return <Paragraph className="muted">{t('plan.noMeasures')}</Paragraph>;
  return (
    <TableScroll label={caption}>
      <Table zebra border className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('plan.colNumber')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('plan.colMeasure')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('plan.colResponsible')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('plan.colStatus')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="num">
              {t('plan.colTotal')}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {measures.map((m) => (
            <Table.Row key={m.id}>
              <Table.Cell className="nowrap">{m.number ?? '–'}</Table.Cell>
              <Table.HeaderCell scope="row">
                <RouterLink to={measureUrl(org.slug, revision.id, m.id)}>{m.title}</RouterLink>
              </Table.HeaderCell>
              <Table.Cell>{m.responsible ?? '–'}</Table.Cell>
              <Table.Cell>{MEASURE_STATUS_LABELS[m.status]}</Table.Cell>
              <Table.Cell className="num">{kr(revision.totals.perMeasure[m.id]?.total ?? 0)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
