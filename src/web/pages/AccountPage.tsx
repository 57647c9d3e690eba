import { useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { api } from '../api.ts';
import { useT } from '../i18n/index.tsx';
import { useSession } from '../session.tsx';
import { Page, StatusMessage } from '../components/ui.tsx';
import { clientErrors, errorsFrom, fieldError, FormFeedback, label, NO_ERRORS, TextInput, type FormErrors } from '../forms.tsx';

const IDS: Readonly<Record<string, string>> = {
  currentPassword: 'account-current',
  newPassword: 'account-new',
  repeatPassword: 'account-repeat',
};

export function AccountPage() {
  const t = useT();
  const session = useSession();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setStatus(null);
    if (newPassword !== '' && newPassword !== repeat) {
      setErrors((prev) => clientErrors([{ field: 'repeatPassword', message: t('account.mismatch') }], prev));
      return;
    }
    setBusy(true);
    try {
      await api.post<void>('/api/v1/session/password', { currentPassword, newPassword });
      setCurrent('');
      setNew('');
      setRepeat('');
      setErrors(NO_ERRORS);
      setStatus(t('account.changed'));
    } catch (error) {
      setErrors((prev) => errorsFrom(error, t, prev));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('account.title')}>
      <Paragraph>{t('account.signedInAs', { name: session.user.displayName, username: session.user.username })}</Paragraph>
      <StatusMessage message={status} />
      <section aria-labelledby="password-heading" className="form-section">
        <Heading level={2} data-size="sm" id="password-heading">
          {t('account.passwordHeading')}
        </Heading>
        <FormFeedback errors={errors} idFor={(f) => IDS[f]} />
        <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="password-heading">
          <TextInput
            id="account-current"
            type="password"
            label={label('currentPassword')}
            value={currentPassword}
            onChange={setCurrent}
            autoComplete="current-password"
            error={fieldError(errors, 'currentPassword')}
          />
          <TextInput
            id="account-new"
            type="password"
            label={label('newPassword')}
            description={t('account.passwordHint')}
            value={newPassword}
            onChange={setNew}
            autoComplete="new-password"
            error={fieldError(errors, 'newPassword')}
          />
          <TextInput
            id="account-repeat"
            type="password"
            label={t('account.repeatPassword')}
            value={repeat}
            onChange={setRepeat}
            autoComplete="new-password"
            error={fieldError(errors, 'repeatPassword')}
          />
          <div className="form-actions">
            <Button type="submit" loading={busy}>
              {t('account.submit')}
            </Button>
          </div>
        </form>
      </section>
    </Page>
  );
}
