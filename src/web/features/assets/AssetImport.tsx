/** Import of the equipment register: choose a file, preview counts and problems, confirm (replaces the register). */
import { useEffect } from 'react';
import { Alert, Button, Heading, Table } from '@digdir/designsystemet-react';
import { orgPath } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { TableScroll } from '../../components/ui.tsx';
import { FileImportForm, useFileImport } from '../file-import.tsx';

interface AssetImportResult {
  readonly dryRun: boolean;
  readonly saved: boolean;
  readonly rows: number;
  readonly classes: number;
  readonly quantity: number;
  readonly newClasses: readonly string[];
  readonly problems: ReadonlyArray<{ row: number; column: string; message: string }>;
}

export function AssetImport({ orgId, onImported }: { orgId: string; onImported: () => void }) {
  const t = useT();
  const upload = useFileImport<AssetImportResult>((filename, dryRun) => orgPath(orgId, `/assets-import?filename=${encodeURIComponent(filename)}&dryRun=${dryRun ? 'true' : 'false'}`));
  const { file, preview, imported, busy, previewRef, doneRef } = upload;
  useEffect(() => {
    if (imported) onImported();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per import
  }, [imported]);
  return (
    <section aria-labelledby="asset-import-heading" className="block">
      <Heading level={2} data-size="sm" id="asset-import-heading">
        {t('assets.importHeading')}
      </Heading>
      <FileImportForm id="asset-import-file" label={t('assets.importHeading')} hint={t('assets.importHint')} state={upload} />
      {imported ? (
        <Alert data-color="success" className="block" ref={doneRef} tabIndex={-1}>
          {t('assets.importDone', { rows: imported.rows, quantity: imported.quantity, classes: imported.classes })}
        </Alert>
      ) : null}
      {preview && !imported ? (
        <section aria-labelledby="asset-import-preview" className="import-preview">
          <Heading level={3} data-size="xs" id="asset-import-preview" ref={previewRef} tabIndex={-1}>
            {t('import.previewHeading', { name: file?.name ?? '' })}
          </Heading>
          <dl className="facts">
            <dt>{t('assets.importRows')}</dt>
            <dd>{preview.rows}</dd>
            <dt>{t('assets.importUnits')}</dt>
            <dd>{preview.quantity}</dd>
            <dt>{t('assets.importClasses')}</dt>
            <dd>{preview.classes}</dd>
            <dt>{t('assets.importNewClasses')}</dt>
            <dd>{preview.newClasses.length > 0 ? preview.newClasses.join(', ') : '–'}</dd>
          </dl>
          {preview.problems.length > 0 ? (
            <>
              <Alert data-color="danger">{t('assets.importRefused', { count: preview.problems.length })}</Alert>
              <TableScroll label={t('registers.problemsCaption')}>
                <Table zebra border className="data-table">
                  <caption>{t('registers.problemsCaption')}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{t('import.colRow')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('import.colColumn')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('registers.colMessage')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {preview.problems.map((p, i) => (
                      <Table.Row key={`${p.row}-${p.column}-${i}`}>
                        <Table.Cell>{p.row}</Table.Cell>
                        <Table.Cell>{p.column || '–'}</Table.Cell>
                        <Table.Cell>{p.message}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </TableScroll>
            </>
          ) : (
            <div className="form-actions">
              <Button onClick={upload.confirm} loading={busy === 'import'}>
                {t('assets.importConfirm')}
              </Button>
            </div>
          )}
        </section>
      ) : null}
    </section>
  );
}
