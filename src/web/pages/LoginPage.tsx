import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { Alert, Button } from '@digdir/designsystemet-react';
import type { Session } from '../../domain/user.ts';
import type { LoginProvider } from '../../domain/identity-provider.ts';
import { useApi } from '../hooks.ts';
import { api } from '../api.ts';
import { useSessionContext } from '../session.tsx';
import { useT } from '../i18n/index.tsx';
import { PublicLayout } from '../components/Layout.tsx';
import { Loading, Page } from '../components/ui.tsx';
import { clientErrors, errorsFrom, fieldError, FormFeedback, NO_ERRORS, TextInput, type FormErrors } from '../forms.tsx';

/** Only same-site paths are followed after login (no `//evil.example`). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/logg-inn')) return '/';
  return next;
}

const USERNAME_ID = 'login-username';
const PASSWORD_ID = 'login-password';
const IDS: Readonly<Record<string, string>> = { username: USERNAME_ID, password: PASSWORD_ID };

export function LoginPage() {
  const t = useT();
  const { state, setSession } = useSessionContext();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const providers = useApi<LoginProvider[]>('/api/v1/auth/providers');

  if (state.status === 'ready') return <Navigate to={safeNext(params.get('neste'))} replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing = [
      ...(username.trim() === '' ? [{ field: 'username', message: t('login.usernameRequired') }] : []),
      ...(password === '' ? [{ field: 'password', message: t('login.passwordRequired') }] : []),
    ];
    if (missing.length > 0) {
      setErrors((prev) => clientErrors(missing, prev));
      return;
    }
    setBusy(true);
    try {
      const session = await api.post<Session>('/api/v1/auth/login', { username, password }, { allowUnauthorized: true });
      setSession(session);
    } catch (error) {
      setPassword('');
      setErrors((prev) => errorsFrom(error, t, prev));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicLayout>
      <Page title={t('login.title')} intro={t('login.intro')}>
        {state.status === 'loading' ? (
          <Loading />
        ) : (
          <>
            {params.get('utlogget') && errors.attempt === 0 ? (
              <div role="status">
                <Alert data-color="info" className="block">
                  {t('login.loggedOut')}
                </Alert>
              </div>
            ) : null}
            {providers.data && providers.data.length > 0 ? (
              <section aria-labelledby="login-providers" className="form-section">
                <h2 id="login-providers" className="ds-heading" data-size="xs">
                  {t('login.providersHeading')}
                </h2>
                <ul className="login-providers">
                  {providers.data.map((p) => (
                    <li key={p.id}>
                      <Button asChild variant="secondary">
                        <a href={`/api/v1/auth/oidc/start/${encodeURIComponent(p.id)}`}>{t('login.withProvider', { name: p.displayName })}</a>
                      </Button>
                    </li>
                  ))}
                </ul>
                <h2 className="ds-heading" data-size="xs">
                  {t('login.passwordHeading')}
                </h2>
              </section>
            ) : null}
            <FormFeedback errors={errors} idFor={(f) => IDS[f]} />
            <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} aria-label={t('login.title')}>
              <TextInput
                id={USERNAME_ID}
                label={t('login.username')}
                value={username}
                onChange={setUsername}
                autoComplete="username"
                error={fieldError(errors, 'username')}
              />
              <TextInput
                id={PASSWORD_ID}
                label={t('login.password')}
                type="password"
                value={password}
                onChange={setPassword}
                autoComplete="current-password"
                error={fieldError(errors, 'password')}
              />
              <div className="form-actions">
                <Button type="submit" loading={busy}>
                  {t('login.submit')}
                </Button>
              </div>
            </form>
          </>
        )}
      </Page>
    </PublicLayout>
  );
}
