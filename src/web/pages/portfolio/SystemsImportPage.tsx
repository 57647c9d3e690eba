/** Import systems from a spreadsheet (CSV or XLSX): preview the rows and every problem, then confirm. */
import { Link as RouterLink } from 'react-router';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { orgPath } from '../../api.ts';
import { ImportPreview } from '../../components/import-preview/ImportPreview.tsx';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { NoAccess, Page, TableScroll } from '../../components/ui.tsx';
import { dash, int, orgTitle, systemsUrl } from '../../features/portfolio/common.tsx';

interface SystemsImportResult {
  readonly dryRun: boolean;
  readonly systems: number;
  readonly created: number;
  readonly updated: number;
  readonly rows: ReadonlyArray<{
    row: number;
    name: string;
    users: number | null;
    vendor: string | null;
    cooperation: string | null;
    cooperationMatched: boolean;
    serverLocation: string | null;
    database: string | null;
  }>;
  readonly problems: ReadonlyArray<{ row: number | null; column: string | null; message: string }>;
}


export function SystemsImportPage() {
  const t = useT();
  const org = useOrganization();
  if (!org.abilities.edit) return <NoAccess />;
  return (
    <>
      <p className="back-link">
        <RouterLink to={systemsUrl(org.slug)}>{t('system.backToList')}</RouterLink>
      </p>
      <Page title={orgTitle(t('systemsImport.title'), org)} heading={t('systemsImport.title')} intro={t('systemsImport.intro')}>
        <ImportPreview<SystemsImportResult>
          id="systems-import"
          label={t('systemsImport.title')}
          hint={t('systemsImport.fileHint')}
          path={orgPath(org.id, '/systems-import')}
          summary={(preview) => (
            <dl className="facts">
              <dt>{t('systemsImport.systems')}</dt>
              <dd>{preview.systems}</dd>
              <dt>{t('systemsImport.willCreate')}</dt>
              <dd>{preview.created}</dd>
              <dt>{t('systemsImport.willUpdate')}</dt>
              <dd>{preview.updated}</dd>
              <dt>{t('systemsImport.problems')}</dt>
              <dd>{preview.problems.length}</dd>
            </dl>
          )}
          problemsCaption={t('systemsImport.problemsCaption')}
          problemsIntro={(count) => (count === 1 ? t('systemsImport.problemsIntroOne') : t('systemsImport.problemsIntro', { count }))}
          noProblems={t('systemsImport.noProblems')}
          details={(preview) => <Rows result={preview} />}
          confirmLabel={(preview) => t('systemsImport.confirm', { count: preview.systems })}
          done={(imported) => (
            <>
              <Heading level={2} data-size="xs">
                {t('systemsImport.done', { created: imported.created, updated: imported.updated })}
              </Heading>
              <Paragraph>
                <RouterLink to={systemsUrl(org.slug)}>{t('systemsImport.toList')}</RouterLink>
              </Paragraph>
            </>
          )}
        />
      </Page>
    </>
  );
}

function Rows({ result }: { result: SystemsImportResult }) {
  const t = useT();
  if (result.rows.length === 0) return null;
  const caption = t('systemsImport.rowsCaption');
  return (
    <TableScroll label={caption}>
      <Table zebra border className="data-table">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('import.colRow')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('matrix.colSystem')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="num">
              {t('systems.colUsers')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('systems.colVendor')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('systemsImport.colCooperation')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('systemsImport.colServer')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('systemsImport.colDatabase')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {result.rows.map((r) => (
            <Table.Row key={r.row}>
              <Table.Cell>{r.row}</Table.Cell>
              <Table.HeaderCell scope="row">{r.name}</Table.HeaderCell>
              <Table.Cell className="num">{int(r.users)}</Table.Cell>
              <Table.Cell>{dash(r.vendor)}</Table.Cell>
              <Table.Cell>
                {dash(r.cooperation)}
                {r.cooperation && !r.cooperationMatched ? <span className="cell-sub error-text">{t('systemsImport.cooperationUnknown')}</span> : null}
              </Table.Cell>
              <Table.Cell>{dash(r.serverLocation)}</Table.Cell>
              <Table.Cell>{dash(r.database)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
