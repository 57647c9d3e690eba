/** The organization's equipment classes: default lifetime and unit price, changed or added here. */
import { useState, type FormEvent } from 'react';
import { Button, Heading } from '@digdir/designsystemet-react';
import type { AssetClass } from '../../../domain/asset.ts';
import { formatInteger } from '../../../domain/format.ts';
import { formatKroner } from '../../../domain/money.ts';
import { api, orgPath } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { StatusMessage, useFocusOn, VisuallyHidden } from '../../components/ui.tsx';
import { RegisterTable, type TableColumn } from '../../components/register-table/RegisterTable.tsx';
import { errorsFrom, fieldError, FormFeedback, NO_ERRORS, parseCount, TextInput, type FormErrors } from '../../forms.tsx';

interface ClassForm {
  name: string;
  lifetime: string;
  unitPrice: string;
}
const EMPTY: ClassForm = { name: '', lifetime: '', unitPrice: '' };

export function AssetClasses({ orgId, classes, canEdit, onChanged }: { orgId: string; classes: readonly AssetClass[]; canEdit: boolean; onChanged: () => void }) {
  const t = useT();
  const [editing, setEditing] = useState<AssetClass | null>(null);
  const [form, setForm] = useState<ClassForm>(EMPTY);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [status, setStatus] = useState<string | null>(null);
  const [focus, setFocus] = useState(0);
  const headingRef = useFocusOn<HTMLHeadingElement>(focus || null);
  const set = (field: keyof ClassForm) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  const columns: TableColumn<AssetClass>[] = [
    { key: 'name', header: t('assets.className'), value: (c) => c.name },
    { key: 'lifetime', header: t('assets.defaultLifetime'), value: (c) => c.lifetime, render: (c) => (c.lifetime === null ? '–' : t('assets.years', { n: c.lifetime })), numeric: true },
    { key: 'unitPrice', header: t('assets.defaultPrice'), value: (c) => c.unitPrice, render: (c) => (c.unitPrice === null ? '–' : formatKroner(c.unitPrice)), numeric: true },
    { key: 'quantity', header: t('assets.units'), value: (c) => c.quantity, render: (c) => formatInteger(c.quantity), numeric: true },
  ];

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = { name: form.name, lifetime: parseCount(form.lifetime), unitPrice: parseCount(form.unitPrice.replace(/[\s\u00a0]|kr/g, '')) };
    try {
      const saved = editing
        ? await api.patch<AssetClass>(orgPath(orgId, `/asset-classes/${editing.id}`), { version: editing.version, ...body })
        : await api.post<AssetClass>(orgPath(orgId, '/asset-classes'), body);
      setStatus(editing ? t('common.saved', { name: saved.name }) : t('common.created', { name: saved.name }));
      setEditing(null);
      setForm(EMPTY);
      setErrors(NO_ERRORS);
      onChanged();
    } catch (error) {
      setErrors((prev) => errorsFrom(error, t, prev));
    }
  };

  return (
    <section aria-labelledby="asset-classes-heading" className="block">
      <Heading level={2} data-size="sm" id="asset-classes-heading">
        {t('assets.classesHeading')}
      </Heading>
      <StatusMessage message={status} />
      <RegisterTable
        id="asset-classes"
        caption={t('assets.classesCaption')}
        columns={columns}
        items={classes}
        rowKey={(c) => c.id}
        actions={
          canEdit
            ? (c) => (
                <Button
                  variant="tertiary"
                  data-size="sm"
                  onClick={() => {
                    setEditing(c);
                    setForm({ name: c.name, lifetime: c.lifetime === null ? '' : String(c.lifetime), unitPrice: c.unitPrice === null ? '' : String(c.unitPrice) });
                    setErrors(NO_ERRORS);
                    setFocus((n) => n + 1);
                  }}
                >
                  {t('common.edit')}
                  <VisuallyHidden> {c.name}</VisuallyHidden>
                </Button>
              )
            : undefined
        }
      />
      {canEdit ? (
        <section aria-labelledby="asset-class-form-heading" className="form-section">
          <Heading level={3} data-size="xs" id="asset-class-form-heading" ref={headingRef} tabIndex={-1}>
            {editing ? t('assets.editClass', { name: editing.name }) : t('assets.addClass')}
          </Heading>
          <FormFeedback errors={errors} idFor={(f) => (f in EMPTY ? `asset-class-${f}` : undefined)} />
          <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="asset-class-form-heading">
            <TextInput id="asset-class-name" label={t('assets.className')} value={form.name} onChange={set('name')} error={fieldError(errors, 'name')} />
            <div className="form-row">
              <TextInput id="asset-class-lifetime" label={t('assets.defaultLifetime')} value={form.lifetime} onChange={set('lifetime')} inputMode="numeric" error={fieldError(errors, 'lifetime')} />
              <TextInput id="asset-class-unitPrice" label={t('assets.defaultPrice')} value={form.unitPrice} onChange={set('unitPrice')} inputMode="numeric" error={fieldError(errors, 'unitPrice')} />
            </div>
            <div className="form-actions">
              <Button type="submit">{editing ? t('common.saveChanges') : t('assets.addClassButton')}</Button>
              {editing ? (
                <Button
                  type="button"
                  variant="secondary"
                  onClick={() => {
                    setEditing(null);
                    setForm(EMPTY);
                  }}
                >
                  {t('common.cancel')}
                </Button>
              ) : null}
            </div>
          </form>
        </section>
      ) : null}
    </section>
  );
}
