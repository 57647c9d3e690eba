/** Compare a revision with another (normally the one it was copied from): added, removed and changed measures. */
import { useEffect, useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { AmountDelta, ComparedField, RevisionComparison } from '../../../domain/plan-compare.ts';
import { COST_KIND_LABELS, FIELD_LABELS, MEASURE_STATUS_LABELS, PRIORITY_LABELS } from '../../labels.ts';
import { formatDate } from '../../../domain/format.ts';
import type { MeasureStatus, Priority } from '../../../domain/plan.ts';
import { orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { LoadError, Loading, Page, TableScroll } from '../../components/ui.tsx';
import { SelectInput } from '../../forms.tsx';
import { BackToRevision, kr, REVISION_STATE_KEYS, signedKroner, usePlans, useRevision } from '../../features/plan/common.tsx';
import { BenefitChanges } from '../../features/followup/BenefitChanges.tsx';

type Comparison = RevisionComparison & { before: { id: string; number: number }; after: { id: string; number: number } };

function fieldName(field: ComparedField, t: ReturnType<typeof useT>): string {
  return field === 'focusAreaTitle' ? t('compare.focusArea') : (FIELD_LABELS[field] ?? field);
}

function fieldValue(field: ComparedField, value: string | null): string {
  if (value === null || value === '') return '–';
  if (field === 'status') return MEASURE_STATUS_LABELS[value as MeasureStatus] ?? value;
  if (field === 'priority') return PRIORITY_LABELS[value as Priority] ?? value;
  if (field === 'startDate' || field === 'endDate') return formatDate(value);
  return value;
}

export function ComparePage() {
  const t = useT();
  const org = useOrganization();
  const { revisionId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const other = params.get('med');
  const revision = useRevision(org.id, revisionId);
  const plans = usePlans(org.id);
  const rev = revision.data;
  const period = plans.data?.find((p) => p.id === rev?.periodId);
  const choices = (period?.revisions ?? [])
    .filter((r) => r.id !== revisionId)
    .sort((a, b) => b.number - a.number)
    .map((r) => ({ value: r.id, label: t('compare.choice', { number: r.number, status: t(REVISION_STATE_KEYS[r.state]) }) }));
  const [selected, setSelected] = useState(other ?? '');
  useEffect(() => {
    if (other) setSelected(other);
    else if (rev?.basedOnId) setSelected(rev.basedOnId);
  }, [other, rev?.basedOnId]);
  const comparison = useApi<Comparison>(other ? orgPath(org.id, `/revisions/${revisionId}/compare?with=${encodeURIComponent(other)}`) : null);
  const title = rev ? t('compare.title', { plan: rev.period.name, number: rev.number }) : t('compare.titleShort');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (selected) setParams({ med: selected });
  };

  return (
    <>
      {rev ? <BackToRevision slug={org.slug} revision={rev} /> : null}
      <Page title={title}>
        {revision.error ? <LoadError error={revision.error} onRetry={revision.reload} /> : null}
        {(revision.loading && !rev) || (plans.loading && !plans.data) ? <Loading /> : null}
        {rev && plans.data ? (
          choices.length === 0 ? (
            <Paragraph>{t('compare.nothing')}</Paragraph>
          ) : (
            <form className="inline-form compare-form" onSubmit={onSubmit} noValidate>
              <SelectInput
                id="compare-with"
                label={t('compare.with')}
                value={selected}
                onChange={setSelected}
                choices={choices}
                emptyLabel={selected === '' ? t('common.notSet') : undefined}
              />
              <Button type="submit" variant="secondary">
                {t('compare.submit')}
              </Button>
            </form>
          )
        ) : null}
        {comparison.error ? <LoadError error={comparison.error} onRetry={comparison.reload} /> : null}
        {comparison.loading && !comparison.data ? <Loading /> : null}
        {comparison.data ? <ComparisonView comparison={comparison.data} /> : null}
        {comparison.data && other ? <BenefitChanges revisionId={revisionId} other={other} /> : null}
      </Page>
    </>
  );
}

function DeltaTable({ rows, caption }: { rows: readonly AmountDelta[]; caption: string }) {
  const t = useT();
  return (
    <TableScroll label={caption}>
      <Table zebra border className="data-table data-table--minor">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('plan.colKind')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('plan.colYear')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="num">
              {t('compare.before')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="num">
              {t('compare.after')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="num">
              {t('compare.delta')}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={`${r.kind}-${r.year}`}>
              <Table.HeaderCell scope="row">{COST_KIND_LABELS[r.kind]}</Table.HeaderCell>
              <Table.Cell>{r.year}</Table.Cell>
              <Table.Cell className="num">{kr(r.before)}</Table.Cell>
              <Table.Cell className="num">{kr(r.after)}</Table.Cell>
              <Table.Cell className="num">
                {signedKroner(r.delta)}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

function ComparisonView({ comparison }: { comparison: Comparison }) {
  const t = useT();
  const { before, after } = comparison;
  const nothing = comparison.added.length === 0 && comparison.removed.length === 0 && comparison.changed.length === 0;
  return (
    <>
      <Paragraph className="page-intro" role="status">
        {t('compare.summary', {
          before: before.number,
          after: after.number,
          added: t(comparison.added.length === 1 ? 'compare.newOne' : 'compare.newMany', { count: comparison.added.length }),
          removed: comparison.removed.length,
          changed: t(comparison.changed.length === 1 ? 'compare.changedOne' : 'compare.changedMany', { count: comparison.changed.length }),
        })}
      </Paragraph>
      {nothing ? <Paragraph>{t('compare.noChanges')}</Paragraph> : null}
      {comparison.added.length > 0 ? (
        <section aria-labelledby="cmp-added">
          <Heading level={2} data-size="sm" id="cmp-added">
            {t('compare.added')}
          </Heading>
          <ul className="plain-list">
            {comparison.added.map((m) => (
              <li key={m.lineageId}>
                {m.title} <span className="muted">({kr(m.total)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {comparison.removed.length > 0 ? (
        <section aria-labelledby="cmp-removed">
          <Heading level={2} data-size="sm" id="cmp-removed">
            {t('compare.removed')}
          </Heading>
          <ul className="plain-list">
            {comparison.removed.map((m) => (
              <li key={m.lineageId}>
                {m.title} <span className="muted">({kr(m.total)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {comparison.changed.length > 0 ? (
        <section aria-labelledby="cmp-changed">
          <Heading level={2} data-size="sm" id="cmp-changed">
            {t('compare.changed')}
          </Heading>
          {comparison.changed.map((c) => (
            <article key={c.lineageId} className="change" aria-labelledby={`chg-${c.lineageId}`}>
              <Heading level={3} data-size="xs" id={`chg-${c.lineageId}`}>
                {c.title}
              </Heading>
              {c.fields.length > 0 ? (
                <TableScroll label={t('compare.fieldsCaption', { title: c.title })}>
                  <Table border className="data-table data-table--minor">
                    <caption>{t('compare.fieldsCaption', { title: c.title })}</caption>
                    <Table.Head>
                      <Table.Row>
                        <Table.HeaderCell scope="col">{t('compare.field')}</Table.HeaderCell>
                        <Table.HeaderCell scope="col">{t('compare.before')}</Table.HeaderCell>
                        <Table.HeaderCell scope="col">{t('compare.after')}</Table.HeaderCell>
                      </Table.Row>
                    </Table.Head>
                    <Table.Body>
                      {c.fields.map((f) => (
                        <Table.Row key={f.field}>
                          <Table.HeaderCell scope="row">{fieldName(f.field, t)}</Table.HeaderCell>
                          <Table.Cell>{fieldValue(f.field, f.before)}</Table.Cell>
                          <Table.Cell>{fieldValue(f.field, f.after)}</Table.Cell>
                        </Table.Row>
                      ))}
                    </Table.Body>
                  </Table>
                </TableScroll>
              ) : null}
              {c.amounts.length > 0 ? <DeltaTable rows={c.amounts} caption={t('compare.amountsCaption', { title: c.title })} /> : null}
            </article>
          ))}
        </section>
      ) : null}
      <section aria-labelledby="cmp-totals">
        <Heading level={2} data-size="sm" id="cmp-totals">
          {t('compare.totals')}
        </Heading>
        {comparison.totals.length === 0 ? (
          <Paragraph>{t('compare.noTotalChanges')}</Paragraph>
        ) : (
          <DeltaTable rows={comparison.totals} caption={t('compare.totalsCaption', { before: before.number, after: after.number })} />
        )}
      </section>
    </>
  );
}
