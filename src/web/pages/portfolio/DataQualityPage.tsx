/** Organization-wide data quality: each system with its score and what is missing, worst first. */
import { Link as RouterLink } from 'react-router';
import { Paragraph, Table } from '@digdir/designsystemet-react';
import type { SystemListItem } from '../../../domain/portfolio.ts';
import { orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { LoadError, Loading, Page, TableScroll } from '../../components/ui.tsx';
import { GapList, orgTitle, QualityTag, SharedFrom, systemUrl } from '../../features/portfolio/common.tsx';

export function DataQualityPage() {
  const t = useT();
  const org = useOrganization();
  const quality = useApi<SystemListItem[]>(orgPath(org.id, '/data-quality'));
  const rows = quality.data ?? [];
  const caption = t('quality.caption', { org: org.name });
  const average = rows.length > 0 ? Math.round(rows.reduce((s, r) => s + r.quality.score, 0) / rows.length) : null;
  return (
    <Page title={orgTitle(t('quality.title'), org)} heading={t('quality.title')} intro={t('quality.intro')}>
      {quality.error ? <LoadError error={quality.error} onRetry={quality.reload} /> : null}
      {quality.loading && !quality.data ? <Loading /> : null}
      {quality.data && rows.length === 0 ? <Paragraph>{t('systems.empty')}</Paragraph> : null}
      {average !== null ? <Paragraph>{t('quality.average', { score: average, count: rows.length })}</Paragraph> : null}
      {rows.length > 0 ? (
        <TableScroll label={caption}>
          <Table zebra border className="data-table">
            <caption>{caption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('matrix.colSystem')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('systems.colQuality')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('quality.colGaps')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((s) => (
                <Table.Row key={s.id}>
                  <Table.HeaderCell scope="row">
                    <RouterLink to={systemUrl(org.slug, s.id)}>{s.name}</RouterLink>
                    {s.host ? (
                      <span className="cell-note">
                        <SharedFrom host={s.host} />
                      </span>
                    ) : null}
                  </Table.HeaderCell>
                  <Table.Cell>
                    <QualityTag quality={s.quality} />
                  </Table.Cell>
                  <Table.Cell>
                    <GapList gaps={s.quality.gaps} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
    </Page>
  );
}
