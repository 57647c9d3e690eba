/** "Mest brukte systemer": opted-in organizations per product (counts only), and the organization's own opt-in. */
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Checkbox, Fieldset, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Network, Usage } from '../../../domain/product.ts';
import { api, orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { LoadError, Loading, Page, StatusMessage, TableScroll } from '../../components/ui.tsx';
import { errorsFrom, fieldError, FormFeedback, NO_ERRORS, TextInput, type FormErrors } from '../../forms.tsx';

function OptInForm() {
  const t = useT();
  const org = useOrganization();
  const res = useApi<Network>(orgPath(org.id, '/product-network'));
  const [form, setForm] = useState({ optedIn: false, contactName: '', contactEmail: '' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    if (res.data) setForm({ optedIn: res.data.optedIn, contactName: res.data.contactName ?? '', contactEmail: res.data.contactEmail ?? '' });
  }, [res.data]);
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setStatus(null);
    try {
      await api.put(orgPath(org.id, '/product-network'), form);
      setErrors(NO_ERRORS);
      setStatus(t('products.optInSaved'));
      res.reload();
    } catch (error) {
      setErrors((p) => errorsFrom(error, t, p));
    }
  };
  if (!org.abilities.admin) return <Paragraph>{res.data?.optedIn ? t('products.optedInInfo') : t('products.notOptedInInfo')}</Paragraph>;
  return (
    <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} aria-label={t('products.optInLegend')}>
      <StatusMessage message={status} />
      <FormFeedback errors={errors} idFor={(f) => (f === 'contactName' ? 'network-contact-name' : f === 'contactEmail' ? 'network-contact-email' : undefined)} />
      <Fieldset>
        <Fieldset.Legend>{t('products.optInLegend')}</Fieldset.Legend>
        <Fieldset.Description>{t('products.optInHint')}</Fieldset.Description>
        <Checkbox id="network-opt-in" label={t('products.optIn')} checked={form.optedIn} onChange={(e) => setForm((f) => ({ ...f, optedIn: e.target.checked }))} />
      </Fieldset>
      <TextInput id="network-contact-name" label={t('products.contactName')} value={form.contactName} onChange={(v) => setForm((f) => ({ ...f, contactName: v }))} error={fieldError(errors, 'contactName')} />
      <TextInput id="network-contact-email" label={t('products.contactEmail')} type="email" value={form.contactEmail} onChange={(v) => setForm((f) => ({ ...f, contactEmail: v }))} error={fieldError(errors, 'contactEmail')} />
      <div className="form-actions">
        <Button type="submit">{t('products.saveOptIn')}</Button>
      </div>
    </form>
  );
}

export function ProductUsagePage() {
  const t = useT();
  const org = useOrganization();
  const usage = useApi<Usage[]>(orgPath(org.id, '/product-usage'));
  return (
    <Page title={`${t('products.usageTitle')} – ${org.name}`} heading={t('products.usageTitle')} intro={t('products.usageIntro')}>
      <OptInForm />
      {usage.error ? <LoadError error={usage.error} onRetry={usage.reload} /> : null}
      {!usage.data && !usage.error ? <Loading /> : null}
      {usage.data ? (
        usage.data.length === 0 ? (
          <Paragraph>{t('products.noUsage')}</Paragraph>
        ) : (
          <TableScroll label={t('products.usageCaption')}>
            <Table zebra border className="data-table" id="product-usage">
              <caption>{t('products.usageCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('products.product')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('products.vendor')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('products.organizations')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {usage.data.map((u) => (
                  <Table.Row key={u.productId}>
                    <Table.HeaderCell scope="row">{u.product}</Table.HeaderCell>
                    <Table.Cell>{u.vendor ?? '–'}</Table.Cell>
                    <Table.Cell className="num">{u.organizations}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )
      ) : null}
    </Page>
  );
}
