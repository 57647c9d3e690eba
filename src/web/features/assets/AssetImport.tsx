/** Import of the equipment register: choose a file, preview counts and problems, confirm (replaces the register). */
import { orgPath } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { ImportPreview } from '../../components/import-preview/ImportPreview.tsx';

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
  return (
    <ImportPreview<AssetImportResult>
      id="asset-import"
      section
      label={t('assets.importHeading')}
      hint={t('assets.importHint')}
      path={orgPath(orgId, '/assets-import')}
      summary={(preview) => (
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
      )}
      problemsCaption={t('registers.problemsCaption')}
      problemsIntro={(count) => t('assets.importRefused', { count })}
      problemsTone="danger"
      // The register is replaced as a whole: a file with any problem is not imported.
      confirmLabel={(preview) => (preview.problems.length === 0 ? t('assets.importConfirm') : null)}
      done={(imported) => t('assets.importDone', { rows: imported.rows, quantity: imported.quantity, classes: imported.classes })}
      onImported={onImported}
    />
  );
}
