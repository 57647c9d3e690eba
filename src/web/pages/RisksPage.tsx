/** "Risiko": the ROS register with its 5×5 matrix, the risk list, one risk's options and the form. */
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { Person, SystemListItem } from '../../domain/portfolio.ts';
import { type RiskMatrix } from '../../domain/risk-matrix.ts';
import { type Risk, type RiskSettings } from '../../domain/risk.ts';
import type { Site } from '../../domain/site.ts';
import { orgPath } from '../api.ts';
import { useApi } from '../hooks.ts';
import { useT } from '../i18n/index.tsx';
import { useOrganization } from '../session.tsx';
import { LoadError, Loading, Page, StatusMessage, TableScroll } from '../components/ui.tsx';
import { RiskDetails } from '../features/risk/RiskDetails.tsx';
import { RiskExportLinks, RiskImport } from '../features/risk/RiskFiles.tsx';
import { RiskForm } from '../features/risk/RiskForm.tsx';
import { RiskMatrixTable } from '../features/risk/RiskMatrix.tsx';
import { RiskSettingsForm } from '../features/risk/RiskSettingsForm.tsx';
import { SecurityDocuments } from '../features/risk/SecurityDocuments.tsx';
import { ReviewDate } from '../features/risk/RiskAlerts.tsx';
import '../features/risk/risk.css';
import { RISK_LEVEL_LABELS as LEVEL_LABELS, RISK_STATUS_LABELS } from '../labels.ts';

const LEVEL_COLOR = { low: 'success', medium: 'warning', high: 'danger' } as const;

export function RisksPage() {
  const t = useT();
  const org = useOrganization();
  const [params, setParams] = useSearchParams();
  const settings = useApi<RiskSettings>(orgPath(org.id, '/risk-settings'));
  const canSee = settings.data?.canSee ?? false;
  const risks = useApi<Risk[]>(canSee ? orgPath(org.id, '/risks') : null);
  const canEdit = org.abilities.edit;
  const sites = useApi<Site[]>(canEdit ? orgPath(org.id, '/sites') : null);
  const systems = useApi<SystemListItem[]>(canEdit ? orgPath(org.id, '/systems?limit=1000') : null);
  const persons = useApi<Person[]>(canEdit ? orgPath(org.id, '/persons') : null);
  const [editing, setEditing] = useState<Risk | 'new' | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const p = Number(params.get('p') ?? 0);
  const c = Number(params.get('c') ?? 0);
  const selectedId = params.get('risiko');
  const list = risks.data ?? [];
  const shown = p && c ? list.filter((r) => r.probability === p && r.effectiveConsequence === c) : list;
  const selected = list.find((r) => r.id === selectedId) ?? null;
  const year = Number(new Date().toISOString().slice(0, 4));

  useEffect(() => {
    if (editing === null && selected) document.getElementById('risk-details-heading')?.scrollIntoView({ block: 'start' });
  }, [selectedId, editing, selected]);

  const select = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('risiko', id);
    else next.delete('risiko');
    setParams(next);
  };

  if (settings.loading) return <Loading />;
  if (settings.error) return <LoadError error={settings.error} onRetry={settings.reload} />;

  return (
    <Page title={`${t('risk.title')} – ${org.name}`} heading={t('risk.title')} intro={t('risk.intro')}>
      {!canSee ? (
        <Alert data-color="info">{t('risk.hidden')}</Alert>
      ) : (
        <>
          {risks.error ? <LoadError error={risks.error} onRetry={risks.reload} /> : null}
          <section aria-labelledby="risk-matrix-heading">
            <Heading level={2} data-size="sm" id="risk-matrix-heading">
              {t('risk.matrix')}
            </Heading>
            {settings.data ? (
              <RiskMatrixTable matrix={settings.data.matrix as RiskMatrix} risks={list} cellUrl={(pp, cc) => `/o/${org.slug}/risiko?p=${pp}&c=${cc}#risk-list-heading`} />
            ) : null}
          </section>
          <section aria-labelledby="risk-list-heading">
            <Heading level={2} data-size="sm" id="risk-list-heading">
              {t('risk.list')}
            </Heading>
            <StatusMessage message={status} />
            <RiskExportLinks orgId={org.id} />
            {p && c ? (
              <Paragraph>
                {t('risk.filtered', { p, c })}{' '}
                <Button type="button" variant="tertiary" data-size="sm" onClick={() => setParams(new URLSearchParams())}>
                  {t('risk.showAll')}
                </Button>
              </Paragraph>
            ) : null}
            {canEdit ? (
              <Button type="button" data-size="sm" onClick={() => setEditing('new')}>
                {t('risk.add')}
              </Button>
            ) : null}
            {risks.loading ? (
              <Loading />
            ) : shown.length === 0 ? (
              <Paragraph>{t('risk.none')}</Paragraph>
            ) : (
              <TableScroll label={t('risk.list')}>
                <Table data-size="sm" className="data-table">
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{t('risk.colTitle')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('risk.colObjects')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('risk.colScore')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('risk.level')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('risk.colResidual')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('risk.colStatus')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('risk.colReview')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {shown.map((r) => (
                      <Table.Row key={r.id}>
                        <Table.HeaderCell scope="row">
                          <Button type="button" variant="tertiary" data-size="sm" aria-label={t('risk.show', { title: r.title })} onClick={() => { setEditing(null); select(r.id); }}>
                            {r.title}
                          </Button>
                        </Table.HeaderCell>
                        <Table.Cell>{r.objects.length > 0 ? r.objects.map((o) => o.name).join(', ') : t('risk.organization')}</Table.Cell>
                        <Table.Cell>
                          {r.probability} × {r.effectiveConsequence} = {r.score}
                        </Table.Cell>
                        <Table.Cell>
                          <Tag data-color={LEVEL_COLOR[r.level]} data-size="sm">
                            {LEVEL_LABELS[r.level]}
                          </Tag>
                        </Table.Cell>
                        <Table.Cell>{r.residualLevel ? LEVEL_LABELS[r.residualLevel] : '–'}</Table.Cell>
                        <Table.Cell>{RISK_STATUS_LABELS[r.status]}</Table.Cell>
                        <Table.Cell>
                          <ReviewDate date={r.reviewDate} overdue={r.reviewOverdue} />
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </TableScroll>
            )}
          </section>
          {editing !== null && canEdit ? (
            <RiskForm
              key={editing === 'new' ? 'new' : editing.id}
              orgId={org.id}
              risk={editing === 'new' ? null : editing}
              sites={sites.data ?? []}
              systems={(systems.data ?? []).filter((s) => s.host === null)}
              persons={persons.data ?? []}
              defaultYear={year}
              onCancel={() => setEditing(null)}
              onSaved={(r) => {
                setEditing(null);
                setStatus(t('risk.saved', { title: r.title }));
                risks.reload();
                select(r.id);
              }}
            />
          ) : selected ? (
            <RiskDetails key={selected.id} orgId={org.id} slug={org.slug} risk={selected} canEdit={canEdit} onChanged={() => risks.reload()} onEdit={() => setEditing(selected)} />
          ) : null}
          {canEdit ? <RiskImport orgId={org.id} onImported={() => risks.reload()} /> : null}
          <SecurityDocuments orgId={org.id} canEdit={canEdit} persons={persons.data ?? []} />
          {org.abilities.admin && settings.data ? <RiskSettingsForm orgId={org.id} settings={settings.data} onSaved={settings.reload} /> : null}
        </>
      )}
    </Page>
  );
}
