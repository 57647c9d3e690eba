/** What innsyn shows beside the published plan: benefits and actual spend on the politicians' dashboard, by choice. */
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Checkbox, Fieldset, Paragraph } from '@digdir/designsystemet-react';
import { api } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { StatusMessage } from '../../components/ui.tsx';
import { problemMessage } from '../../forms.tsx';
import { followupPath } from './common.ts';

interface Options {
  showBenefits: boolean;
  showActuals: boolean;
}

export function PublicationOptions({ revisionId }: { revisionId: string }) {
  const t = useT();
  const org = useOrganization();
  const path = followupPath(org.id, revisionId, '/publication-options');
  const res = useApi<Options | null>(path);
  const [form, setForm] = useState<Options>({ showBenefits: false, showActuals: false });
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (res.data) setForm(res.data);
  }, [res.data]);
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setStatus(null);
    setError(null);
    try {
      await api.put(path, form);
      setStatus(t('followup.optionsSaved'));
    } catch (err) {
      setError(problemMessage(err, t));
    }
  };
  return (
    <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} aria-label={t('followup.optionsLegend')}>
      <Fieldset>
        <Fieldset.Legend>{t('followup.optionsLegend')}</Fieldset.Legend>
        <Fieldset.Description>{t('followup.optionsHint')}</Fieldset.Description>
        <Checkbox id="publish-show-benefits" label={t('followup.showBenefits')} checked={form.showBenefits} onChange={(e) => setForm((f) => ({ ...f, showBenefits: e.target.checked }))} />
        <Checkbox id="publish-show-actuals" label={t('followup.showActuals')} checked={form.showActuals} onChange={(e) => setForm((f) => ({ ...f, showActuals: e.target.checked }))} />
      </Fieldset>
      {error ? (
        <Paragraph className="error-text" role="alert">
          {error}
        </Paragraph>
      ) : null}
      <StatusMessage message={status} />
      <div className="form-actions">
        <Button type="submit" variant="secondary">
          {t('followup.saveOptions')}
        </Button>
        <a href={`/innsyn/${encodeURIComponent(org.slug)}/oppfolging`}>{t('followup.openDashboard')}</a>
      </div>
    </form>
  );
}
