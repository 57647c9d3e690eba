import { useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { api } from '../api.ts';
import { useT } from '../i18n/index.tsx';
import { useCurrentOrganization, useSession, useSessionContext } from '../session.tsx';
import { Page, StatusMessage } from '../components/ui.tsx';
import { clientErrors, errorsFrom, fieldError, FormFeedback, label, NO_ERRORS, SelectInput, TextInput, type FormErrors } from '../forms.tsx';
import type { Session } from '../../domain/user.ts';
import { LANGUAGE_LABELS } from '../labels.ts';

const IDS: Readonly<Record<string, string>> = {
  currentPassword: 'account-current',
  newPassword: 'account-new',
  repeatPassword: 'account-repeat',
};

/**
 * The interface language: bokmål, nynorsk or the organization's (empty). It changes the web and the
 * API's messages for this user; documents and innsyn keep the organization's language.
 */
function LanguageSection() {
  const t = useT();
  const session = useSession();
  const { setSession } = useSessionContext();
  const org = useCurrentOrganization();
  const [choice, setChoice] = useState<string>(session.language ?? '');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setStatus(null);
    try {
      const next = await api.put<Session>('/api/v1/session/language', { language: choice === '' ? null : choice });
      setErrors(NO_ERRORS);
      setSession(next);
      setStatus(t('account.languageSaved'));
    } catch (error) {
      setErrors((prev) => errorsFrom(error, t, prev));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="language-heading" className="form-section">
      <Heading level={2} data-size="sm" id="language-heading">
        {t('account.languageHeading')}
      </Heading>
      <StatusMessage message={status} />
      <FormFeedback errors={errors} idFor={(f) => (f === 'language' ? 'account-language' : undefined)} />
      <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="language-heading">
        <SelectInput
          id="account-language"
          label={t('account.languageLabel')}
          description={t('account.languageHint')}
          value={choice}
          onChange={setChoice}
          emptyLabel={t('account.languageOrganization', { language: org ? LANGUAGE_LABELS[org.language] : LANGUAGE_LABELS.nb })}
          choices={[
            { value: 'nb', label: LANGUAGE_LABELS.nb },
            { value: 'nn', label: LANGUAGE_LABELS.nn },
          ]}
          error={fieldError(errors, 'language')}
        />
        <div className="form-actions">
          <Button type="submit" loading={busy}>
            {t('account.languageSubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

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
      <LanguageSection />
    </Page>
  );
}
