/** "Hvem andre bruker dette systemet?" on the system page: its product from the shared catalogue, and the opted-in organizations that run it. */
import { useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Peer, Peers, Product } from '../../../domain/product.ts';
import { api, orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { LoadError, Loading, StatusMessage, TableScroll } from '../../components/ui.tsx';
import { errorsFrom, fieldError, FormFeedback, NO_ERRORS, SelectInput, TextInput, type FormErrors } from '../../forms.tsx';

function PeerTable({ id, caption, peers }: { id: string; caption: string; peers: readonly Peer[] }) {
  const t = useT();
  if (peers.length === 0) return null;
  return (
    <TableScroll label={caption}>
      <Table zebra border className="data-table" id={id}>
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('products.organization')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('products.system')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('products.users')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('products.operator')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('products.contact')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {peers.map((p, i) => (
            <Table.Row key={`${p.organization}-${p.system}-${i}`}>
              <Table.HeaderCell scope="row">{p.organization}</Table.HeaderCell>
              <Table.Cell>{p.system}</Table.Cell>
              <Table.Cell className="num">{p.users ?? '–'}</Table.Cell>
              <Table.Cell>{p.operator ?? '–'}</Table.Cell>
              <Table.Cell>
                {p.contactName ?? '–'}
                {p.contactEmail ? (
                  <>
                    {' '}
                    <a href={`mailto:${p.contactEmail}`}>{p.contactEmail}</a>
                  </>
                ) : null}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

export function SystemPeers({ systemId, owned }: { systemId: string; owned: boolean }) {
  const t = useT();
  const org = useOrganization();
  const res = useApi<Peers>(owned ? orgPath(org.id, `/systems/${systemId}/peers`) : null);
  const catalogue = useApi<Product[]>(owned && org.abilities.edit ? orgPath(org.id, '/products') : null);
  const [productId, setProductId] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [newVendor, setNewVendor] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [status, setStatus] = useState<string | null>(null);
  if (!owned) return null;
  const peers = res.data;
  const chosen = productId ?? peers?.product?.id ?? '';
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setStatus(null);
    try {
      let id: string | null = chosen === '' ? null : chosen;
      if (newName.trim() !== '') {
        const added = await api.post<Product>(orgPath(org.id, '/products'), { name: newName, vendorName: newVendor });
        id = added.id;
        catalogue.reload();
      }
      await api.put(orgPath(org.id, `/systems/${systemId}/product`), { productId: id });
      setErrors(NO_ERRORS);
      setNewName('');
      setNewVendor('');
      setProductId(null);
      setStatus(t('products.saved'));
      res.reload();
    } catch (error) {
      setErrors((p) => errorsFrom(error, t, p));
    }
  };
  return (
    <section aria-labelledby="system-peers" className="form-section">
      <Heading level={2} data-size="sm" id="system-peers">
        {t('products.heading')}
      </Heading>
      {res.error ? <LoadError error={res.error} onRetry={res.reload} /> : null}
      {!peers && !res.error ? <Loading /> : null}
      {peers ? (
        <>
          <Paragraph>{peers.product ? t('products.isProduct', { name: peers.product.name, vendor: peers.product.vendorName ?? '–' }) : t('products.noProduct')}</Paragraph>
          {!peers.optedIn ? (
            <Paragraph>
              {t('products.notOptedIn')} <RouterLink to={`/o/${org.slug}/mest-brukte-systemer`}>{t('products.settingsLink')}</RouterLink>
            </Paragraph>
          ) : (
            <>
              <Paragraph>{t('products.counts', { product: peers.byProduct.count, vendor: peers.byVendor.count, name: peers.byName.count })}</Paragraph>
              {peers.byProduct.peers.length + peers.byVendor.peers.length + peers.byName.peers.length === 0 ? <Paragraph>{t('products.nobody')}</Paragraph> : null}
              <PeerTable id="peers-product" caption={t('products.byProduct')} peers={peers.byProduct.peers} />
              <PeerTable id="peers-vendor" caption={t('products.byVendor')} peers={peers.byVendor.peers} />
              <PeerTable id="peers-name" caption={t('products.byName')} peers={peers.byName.peers} />
              <Paragraph data-size="sm">
                <RouterLink to={`/o/${org.slug}/mest-brukte-systemer`}>{t('products.usageLink')}</RouterLink>
              </Paragraph>
            </>
          )}
        </>
      ) : null}
      {org.abilities.edit && catalogue.data ? (
        <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} aria-label={t('products.formLabel')}>
          <StatusMessage message={status} />
          <FormFeedback errors={errors} idFor={(f) => (f === 'name' ? 'product-new-name' : f === 'vendorName' ? 'product-new-vendor' : f === 'productId' ? 'product-choice' : undefined)} />
          <SelectInput id="product-choice" label={t('products.choose')} value={chosen} onChange={setProductId} emptyLabel={t('products.none')} choices={catalogue.data.map((p) => ({ value: p.id, label: p.vendorName ? `${p.name} (${p.vendorName})` : p.name }))} />
          <TextInput id="product-new-name" label={t('products.newName')} description={t('products.newHint')} value={newName} onChange={setNewName} error={fieldError(errors, 'name')} />
          <TextInput id="product-new-vendor" label={t('products.newVendor')} value={newVendor} onChange={setNewVendor} error={fieldError(errors, 'vendorName')} />
          <div className="form-actions">
            <Button type="submit" variant="secondary">
              {t('products.save')}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
