/**
 * The risk register as a file on the Risiko page: export (XLSX, CSV) for those who see the
 * register, and for editors an import with a preview of every row and cell it cannot use
 * before anything is written (the same reading as `import risks`).
 */
import { useEffect } from 'react';
import { Alert, Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { orgPath } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { TableScroll } from '../../components/ui.tsx';
import { FileImportForm, useFileImport } from '../file-import.tsx';
import { RISK_LEVEL_LABELS as LEVEL_LABELS } from '../../labels.ts';

interface RiskImportResult {
  readonly dryRun: boolean;
  readonly risks: number;
  readonly options: number;
  readonly levels: { low: number; medium: number; high: number };
  readonly rows: ReadonlyArray<{ row: number; title: string; action: 'create' | 'update'; options: number; level: 'low' | 'medium' | 'high' }>;
  readonly acceptedWords: readonly string[];
  readonly problems: ReadonlyArray<{ row: number; column: string; message: string }>;
}

export function RiskExportLinks({ orgId }: { orgId: string }) {
  const t = useT();
  return (
    <ul className="page-actions">
      <li>
        <Link href={orgPath(orgId, '/risks-export?format=xlsx')} download>
          {t('riskFiles.exportXlsx')}
        </Link>
      </li>
      <li>
        <Link href={orgPath(orgId, '/risks-export?format=csv')} download>
          {t('riskFiles.exportCsv')}
        </Link>
      </li>
    </ul>
  );
}

function Problems({ problems }: { problems: RiskImportResult['problems'] }) {
  const t = useT();
  return (
    <TableScroll label={t('riskFiles.problemsCaption')}>
      <Table zebra border data-size="sm" className="data-table">
        <caption>{t('riskFiles.problemsCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('import.colRow')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('import.colColumn')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('registers.colMessage')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {problems.map((p, i) => (
            <Table.Row key={`${p.row}-${p.column}-${i}`}>
              <Table.Cell>{p.row}</Table.Cell>
              <Table.Cell>{p.column || '–'}</Table.Cell>
              <Table.Cell>{p.message}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

export function RiskImport({ orgId, onImported }: { orgId: string; onImported: () => void }) {
  const t = useT();
  const upload = useFileImport<RiskImportResult>((filename, dryRun) => orgPath(orgId, `/risks-import?filename=${encodeURIComponent(filename)}&dryRun=${dryRun ? 'true' : 'false'}`));
  const { file, preview, imported, busy, previewRef, doneRef } = upload;
  useEffect(() => {
    if (imported) onImported();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per import
  }, [imported]);
  return (
    <section aria-labelledby="risk-import-heading" className="block">
      <Heading level={2} data-size="sm" id="risk-import-heading">
        {t('riskFiles.importHeading')}
      </Heading>
      <FileImportForm id="risk-import-file" label={t('riskFiles.importHeading')} hint={t('riskFiles.importHint')} state={upload} />
      {imported ? (
        <Alert data-color="success" className="block" ref={doneRef} tabIndex={-1}>
          {t('riskFiles.importDone', { risks: imported.risks, options: imported.options })}
          {imported.problems.length > 0 ? ` ${t('riskFiles.skipped', { count: imported.problems.length })}` : ''}
        </Alert>
      ) : null}
      {preview && !imported ? (
        <section aria-labelledby="risk-import-preview" className="import-preview">
          <Heading level={3} data-size="xs" id="risk-import-preview" ref={previewRef} tabIndex={-1}>
            {t('import.previewHeading', { name: file?.name ?? '' })}
          </Heading>
          <Paragraph>{t('riskFiles.previewSummary', { risks: preview.risks, options: preview.options, high: preview.levels.high, medium: preview.levels.medium, low: preview.levels.low })}</Paragraph>
          {preview.acceptedWords.length > 0 ? <Paragraph data-size="sm">{t('riskFiles.acceptedWords', { words: preview.acceptedWords.join(', ') })}</Paragraph> : null}
          {preview.rows.length > 0 ? (
            <TableScroll label={t('riskFiles.rowsCaption')}>
              <Table data-size="sm" className="data-table">
                <caption>{t('riskFiles.rowsCaption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('import.colRow')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('risk.colTitle')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('riskFiles.colAction')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('risk.options')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('risk.level')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {preview.rows.map((r) => (
                    <Table.Row key={r.row}>
                      <Table.Cell>{r.row}</Table.Cell>
                      <Table.HeaderCell scope="row">{r.title}</Table.HeaderCell>
                      <Table.Cell>{r.action === 'create' ? t('riskFiles.actionCreate') : t('riskFiles.actionUpdate')}</Table.Cell>
                      <Table.Cell>{r.options}</Table.Cell>
                      <Table.Cell>{LEVEL_LABELS[r.level]}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
          ) : null}
          {preview.problems.length > 0 ? (
            <>
              <Alert data-color="warning">{t('riskFiles.problemsIntro', { count: preview.problems.length })}</Alert>
              <Problems problems={preview.problems} />
            </>
          ) : (
            <Paragraph>{t('riskFiles.noProblems')}</Paragraph>
          )}
          {preview.risks > 0 ? (
            <div className="form-actions">
              <Button onClick={upload.confirm} loading={busy === 'import'}>
                {t('riskFiles.importConfirm', { count: preview.risks })}
              </Button>
            </div>
          ) : (
            <Alert data-color="danger">{t('riskFiles.nothingToImport')}</Alert>
          )}
        </section>
      ) : null}
    </section>
  );
}
