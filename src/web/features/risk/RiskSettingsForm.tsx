/** Administrators: the acceptance criteria (a level per cell) and whether readers see the register. */
import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Heading, Table } from '@digdir/designsystemet-react';
import { LEVELS, SCALE, type Level, type RiskMatrix } from '../../../domain/risk-matrix.ts';
import type { RiskSettings } from '../../../domain/risk.ts';
import { api, orgPath } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { errorsFrom, FormFeedback, NO_ERRORS, type FormErrors } from '../../forms.tsx';
import { StatusMessage, TableScroll } from '../../components/ui.tsx';
import { RISK_LEVEL_LABELS as LEVEL_LABELS } from '../../labels.ts';

export function RiskSettingsForm({ orgId, settings, onSaved }: { orgId: string; settings: RiskSettings; onSaved: () => void }) {
  const t = useT();
  const [matrix, setMatrix] = useState<RiskMatrix>(settings.matrix as RiskMatrix);
  const [readersSee, setReadersSee] = useState(settings.readersSee);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  const setCell = (p: number, c: number, level: Level) => setMatrix((m) => m.map((row, i) => (i === p - 1 ? row.map((v, j) => (j === c - 1 ? level : v)) : row)));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    try {
      await api.put(orgPath(orgId, '/risk-settings'), { version: settings.version, matrix, readersSee });
      setErrors(NO_ERRORS);
      setSaved(true);
      onSaved();
    } catch (error) {
      setErrors((prev) => errorsFrom(error, t, prev));
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="risk-settings-heading" className="block">
      <Heading level={2} data-size="sm" id="risk-settings-heading">
        {t('risk.settings')}
      </Heading>
      <FormFeedback errors={errors} idFor={(f) => (f.startsWith('matrix.') ? `risk-cell-${f.split('.')[1]}-${f.split('.')[2]}` : undefined)} />
      <TableScroll label={t('risk.settings')}>
        <Table data-size="sm" className="risk-matrix-editor">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">
                {t('risk.probability')} \ {t('risk.consequence')}
              </Table.HeaderCell>
              {SCALE.map((c) => (
                <Table.HeaderCell key={c} scope="col">
                  {c}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {[...SCALE].reverse().map((p) => (
              <Table.Row key={p}>
                <Table.HeaderCell scope="row">{p}</Table.HeaderCell>
                {SCALE.map((c) => (
                  <Table.Cell key={c}>
                    <select
                      id={`risk-cell-${p - 1}-${c - 1}`}
                      aria-label={t('risk.cellLevel', { p, c })}
                      value={matrix[p - 1]?.[c - 1] ?? 'low'}
                      onChange={(e) => setCell(p, c, e.target.value as Level)}
                      className="ds-input"
                    >
                      {LEVELS.map((l) => (
                        <option key={l} value={l}>
                          {LEVEL_LABELS[l]}
                        </option>
                      ))}
                    </select>
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      <Checkbox id="risk-readersSee" label={t('risk.readersSee')} checked={readersSee} onChange={(e) => setReadersSee(e.target.checked)} />
      <Button type="submit" data-size="sm">
        {t('risk.saveSettings')}
      </Button>
      <StatusMessage message={saved ? t('risk.settingsSaved') : null} />
    </form>
  );
}
