/** Import systems from a spreadsheet (CSV or XLSX): preview the rows and every problem, then confirm. */
import { Link as RouterLink } from 'react-router';
import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { orgPath } from '../../api.ts';
import { FileImportForm, useFileImport } from '../../features/file-import.tsx';
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
  const upload = useFileImport<SystemsImportResult>(
    (filename, dryRun) => orgPath(org.id, `/systems-import?filename=${encodeURIComponent(filename)}&dryRun=${dryRun ? 'true' : 'false'}`),
  );

  const { file, preview, imported, busy, previewRef, doneRef, confirm } = upload;

  if (!org.abilities.edit) return <NoAccess />;

  return (
    <>
      <p className="back-link">
        <RouterLink to={systemsUrl(org.slug)}>{t('system.backToList')}</RouterLink>
      </p>
      <Page title={orgTitle(t('systemsImport.title'), org)} heading={t('systemsImport.title')} intro={t('systemsImport.intro')}>
        <FileImportForm id="systems-import-file" label={t('systemsImport.title')} hint={t('systemsImport.fileHint')} state={upload} />

        {imported ? (
          <Alert data-color="success" className="block" ref={doneRef} tabIndex={-1}>
            <Heading level={2} data-size="xs">
              {t('systemsImport.done', { created: imported.created, updated: imported.updated })}
            </Heading>
            <Paragraph>
              <RouterLink to={systemsUrl(org.slug)}>{t('systemsImport.toList')}</RouterLink>
            </Paragraph>
          </Alert>
        ) : null}

        {preview && !imported ? (
          <section aria-labelledby="systems-import-preview" className="import-preview">
            <Heading level={2} data-size="sm" id="systems-import-preview" ref={previewRef} tabIndex={-1}>
              {t('import.previewHeading', { name: file?.name ?? '' })}
            </Heading>
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
            <Problems result={preview} />
            <Rows result={preview} />
            <div className="form-actions">
              <Button loading={busy === 'import'} onClick={confirm}>
                {t('systemsImport.confirm', { count: preview.systems })}
              </Button>
            </div>
          </section>
        ) : null}
      </Page>
    </>
  );
}

function Problems({ result }: { result: SystemsImportResult }) {
  const t = useT();
  if (result.problems.length === 0) {
    return (
      <Alert data-color="success" className="block">
        {t('systemsImport.noProblems')}
      </Alert>
    );
  }
  const caption = t('systemsImport.problemsCaption');
  return (
    <>
      <Alert data-color="warning" className="block">
        {result.problems.length === 1 ? t('systemsImport.problemsIntroOne') : t('systemsImport.problemsIntro', { count: result.problems.length })}
      </Alert>
      <TableScroll label={caption}>
        <Table zebra border className="data-table">
          <caption>{caption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('import.colRow')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('import.colColumn')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('systemsImport.colMessage')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {result.problems.map((p, i) => (
              <Table.Row key={`${p.row ?? ''}-${p.column ?? ''}-${i}`}>
                <Table.Cell>{p.row ?? '–'}</Table.Cell>
                <Table.Cell>{dash(p.column)}</Table.Cell>
                <Table.Cell>{p.message}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
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
