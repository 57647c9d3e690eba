/** The plan overview's follow-up: planned against actual money per year, benefits expected against realised, measures to look at. */
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { formatTenths } from '../../../domain/benefit.ts';
import type { Followup } from '../../../domain/followup.ts';
import { FLAG_LABELS } from '../../labels.ts';
import { formatKroner } from '../../../domain/money.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { LoadError, Loading, TableScroll } from '../../components/ui.tsx';
import { measureUrl } from '../plan/common.tsx';
import { followupPath } from './common.ts';

export function FollowupSummary({ revisionId }: { revisionId: string }) {
  const t = useT();
  const org = useOrganization();
  const res = useApi<Followup>(followupPath(org.id, revisionId, '/followup'));
  const f = res.data;
  return (
    <section aria-labelledby="followup-summary-heading">
      <Heading level={2} data-size="md" id="followup-summary-heading">
        {t('followup.summary')}
      </Heading>
      {res.error ? <LoadError error={res.error} onRetry={res.reload} /> : null}
      {!f && !res.error ? <Loading /> : null}
      {f ? (
        <>
          <TableScroll label={t('followup.planMoneyCaption')}>
            <Table zebra border className="data-table" id="followup-money">
              <caption>{t('followup.planMoneyCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('followup.year')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('followup.planned')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('followup.actual')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('followup.deviation')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {f.overview.money.years.map((y) => (
                  <Table.Row key={y.year}>
                    <Table.HeaderCell scope="row">{y.year}</Table.HeaderCell>
                    <Table.Cell className="num">{formatKroner(y.planned)}</Table.Cell>
                    <Table.Cell className="num">{formatKroner(y.actual)}</Table.Cell>
                    <Table.Cell className="num">{formatKroner(y.deviation)}</Table.Cell>
                  </Table.Row>
                ))}
                <Table.Row>
                  <Table.HeaderCell scope="row">{t('followup.total')}</Table.HeaderCell>
                  <Table.Cell className="num">{formatKroner(f.overview.money.planned)}</Table.Cell>
                  <Table.Cell className="num">{formatKroner(f.overview.money.actual)}</Table.Cell>
                  <Table.Cell className="num">{formatKroner(f.overview.money.deviation)}</Table.Cell>
                </Table.Row>
              </Table.Body>
            </Table>
          </TableScroll>
          <TableScroll label={t('followup.benefitCaption')}>
            <Table zebra border className="data-table" id="followup-benefit-sums">
              <caption>{t('followup.benefitCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('followup.year')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('followup.expectedKroner')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('followup.realisedKroner')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('followup.expectedHours')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('followup.realisedHours')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {f.years.map((y) => (
                  <Table.Row key={y}>
                    <Table.HeaderCell scope="row">{y}</Table.HeaderCell>
                    <Table.Cell className="num">{formatKroner(f.overview.benefits.economic.expected[y] ?? 0)}</Table.Cell>
                    <Table.Cell className="num">{formatKroner(f.overview.benefits.economic.realised[y] ?? 0)}</Table.Cell>
                    <Table.Cell className="num">{formatTenths(f.overview.benefits.time.expected[y] ?? 0)}</Table.Cell>
                    <Table.Cell className="num">{formatTenths(f.overview.benefits.time.realised[y] ?? 0)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
          <Heading level={3} data-size="sm">
            {t('followup.flaggedHeading')}
          </Heading>
          {f.overview.flagged.length === 0 ? (
            <Paragraph>{t('followup.noFlagged')}</Paragraph>
          ) : (
            <ul id="followup-flagged">
              {f.overview.flagged.map((m) => (
                <li key={m.id}>
                  <RouterLink to={measureUrl(org.slug, revisionId, m.id)}>{[m.number, m.title].filter(Boolean).join(' ')}</RouterLink>: {m.flags.map((x) => FLAG_LABELS[x]).join(', ')}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
