/** One risk's options with their money (the measure's once linked), residual level and "Lag tiltak". */
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { formatKroner } from '../../../domain/money.ts';
import type { Risk } from '../../../domain/risk.ts';
import { api, orgPath } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { errorsFrom, FormFeedback, NO_ERRORS, type FormErrors } from '../../forms.tsx';
import { StatusMessage, TableScroll } from '../../components/ui.tsx';
import { RISK_LEVEL_LABELS as LEVEL_LABELS } from '../../labels.ts';

export function RiskDetails({ orgId, slug, risk, canEdit, onChanged, onEdit }: { orgId: string; slug: string; risk: Risk; canEdit: boolean; onChanged: (risk: Risk) => void; onEdit: () => void }) {
  const t = useT();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const makeMeasure = async (optionId: string) => {
    setBusy(true);
    try {
      const updated = await api.post<Risk>(orgPath(orgId, `/risks/${risk.id}/options/${optionId}/measure`), {});
      setErrors(NO_ERRORS);
      const measure = updated.options.find((o) => o.id === optionId)?.measure;
      setStatus(measure ? t('risk.measureMade', { title: measure.title }) : null);
      onChanged(updated);
    } catch (error) {
      setErrors((prev) => errorsFrom(error, t, prev));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="risk-details-heading" className="block">
      <Heading level={2} data-size="sm" id="risk-details-heading">
        {t('risk.details', { title: risk.title })}
      </Heading>
      <Paragraph>
        {LEVEL_LABELS[risk.level]} ({risk.probability} × {risk.effectiveConsequence} = {risk.score})
        {risk.residualLevel ? ` · ${t('risk.residualLevel', { level: LEVEL_LABELS[risk.residualLevel] })}` : ''}
      </Paragraph>
      {risk.hazard ? <Paragraph>{risk.hazard}</Paragraph> : null}
      <FormFeedback errors={errors} idFor={() => undefined} />
      <StatusMessage message={status} />
      {risk.options.length > 0 ? (
        <TableScroll label={t('risk.options')}>
          <Table data-size="sm" className="data-table">
            <caption>{t('risk.options')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('risk.colOption')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('risk.colInvest')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('risk.colDrift')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('risk.colResidual')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('risk.colChosen')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('risk.colMeasure')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {risk.options.map((o) => (
                <Table.Row key={o.id}>
                  <Table.HeaderCell scope="row">{o.description}</Table.HeaderCell>
                  <Table.Cell>{formatKroner(o.invest)}</Table.Cell>
                  <Table.Cell>{formatKroner(o.drift)}</Table.Cell>
                  <Table.Cell>{o.residualLevel ? LEVEL_LABELS[o.residualLevel] : '–'}</Table.Cell>
                  <Table.Cell>{o.chosen ? t('risk.yes') : '–'}</Table.Cell>
                  <Table.Cell>
                    {o.measure ? (
                      <RouterLink to={`/o/${slug}/plan/r/${o.measure.revisionId}/tiltak/${o.measure.id}`}>{o.measure.title}</RouterLink>
                    ) : o.measureRemoved ? (
                      t('risk.measureRemoved')
                    ) : o.chosen && canEdit ? (
                      <Button type="button" data-size="sm" disabled={busy} onClick={() => void makeMeasure(o.id)}>
                        {t('risk.makeMeasure')}
                      </Button>
                    ) : (
                      '–'
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
      {canEdit ? (
        <Button type="button" variant="secondary" data-size="sm" onClick={onEdit}>
          {t('risk.edit')}
        </Button>
      ) : null}
    </section>
  );
}
