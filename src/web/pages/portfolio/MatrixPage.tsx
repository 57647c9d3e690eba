/** The IKS matrix: every system × every member municipality (uses it, users, superbrukere). */
import { Link as RouterLink } from 'react-router';
import { Paragraph, Table } from '@digdir/designsystemet-react';
import type { SystemMatrix } from '../../../domain/portfolio.ts';
import { orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { LoadError, Loading, Page, TableScroll, VisuallyHidden } from '../../components/ui.tsx';
import { int, orgTitle, systemUrl } from '../../features/portfolio/common.tsx';

export function MatrixPage() {
  const t = useT();
  const org = useOrganization();
  const matrix = useApi<SystemMatrix>(orgPath(org.id, '/system-matrix'));
  const data = matrix.data;
  const caption = t('matrix.caption', { org: org.name });

  return (
    <Page title={orgTitle(t('matrix.title'), org)} heading={t('matrix.title')} intro={t('matrix.intro')}>
      {matrix.error ? <LoadError error={matrix.error} onRetry={matrix.reload} /> : null}
      {matrix.loading && !data ? <Loading /> : null}
      {data && (data.systems.length === 0 || data.members.length === 0) ? <Paragraph>{t('matrix.empty')}</Paragraph> : null}
      {data && data.systems.length > 0 && data.members.length > 0 ? (
        <TableScroll label={caption}>
          <Table border className="data-table matrix-table">
            <caption>{caption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('matrix.colSystem')}</Table.HeaderCell>
                {data.members.map((m) => (
                  <Table.HeaderCell key={m.id} scope="col">
                    {m.name}
                    {m.kommunenummer ? <span className="cell-sub">{m.kommunenummer}</span> : null}
                  </Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.systems.map((s) => (
                <Table.Row key={s.id}>
                  <Table.HeaderCell scope="row">
                    <RouterLink to={systemUrl(org.slug, s.id)}>{s.name}</RouterLink>
                  </Table.HeaderCell>
                  {data.members.map((m) => {
                    const cell = s.cells.find((c) => c.organizationId === m.id);
                    if (!cell?.uses) {
                      return (
                        <Table.Cell key={m.id} className="matrix-cell matrix-cell--none">
                          <span aria-hidden="true">–</span>
                          <VisuallyHidden>{t('matrix.notUsed')}</VisuallyHidden>
                        </Table.Cell>
                      );
                    }
                    return (
                      <Table.Cell key={m.id} className="matrix-cell">
                        <span className="matrix-cell__uses">
                          <span aria-hidden="true">✓</span>
                          <VisuallyHidden>{t('matrix.used')}</VisuallyHidden>
                        </span>
                        {cell.users !== null ? <span className="cell-sub">{t('matrix.users', { users: int(cell.users) })}</span> : null}
                        {cell.superUsers.length > 0 ? (
                          <span className="cell-sub">{t('matrix.superUsers', { names: cell.superUsers.join(', ') })}</span>
                        ) : null}
                      </Table.Cell>
                    );
                  })}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
    </Page>
  );
}
