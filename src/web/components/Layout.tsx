import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link as RouterLink, Outlet, useLocation, useNavigate } from 'react-router';
import { Button, Field, Label, Select, SkipLink } from '@digdir/designsystemet-react';
import { useCurrentOrganization, useSession, useSessionContext } from '../session.tsx';
import { useT } from '../i18n/index.tsx';
import { MainNav } from './MainNav.tsx';
import { GlobalSearch } from './GlobalSearch.tsx';

/** Path of the same sub-page in another organization (admin pages fall back to the overview without admin rights). */
export function samePageIn(pathname: string, slug: string, admin: boolean): string {
  const m = /^\/o\/[^/]+(\/.*)?$/.exec(pathname);
  const rest = m?.[1] ?? '';
  if (rest.startsWith('/admin') && !admin) return `/o/${slug}`;
  // A revision or measure belongs to one organization: in another, start at its plan overview.
  if (rest.startsWith('/plan/')) return `/o/${slug}/plan`;
  return `/o/${slug}${rest}`;
}

function OrganizationSwitcher() {
  const t = useT();
  const session = useSession();
  const current = useCurrentOrganization();
  const navigate = useNavigate();
  const location = useLocation();
  const [selected, setSelected] = useState(current?.slug ?? '');

  useEffect(() => {
    setSelected(current?.slug ?? '');
  }, [current?.slug]);

  if (session.organizations.length === 0) return null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = session.organizations.find((o) => o.slug === selected);
    if (!target) return;
    navigate(samePageIn(location.pathname, target.slug, target.abilities.admin));
  };

  return (
    <form className="org-switcher" onSubmit={onSubmit}>
      <Field className="org-switcher__field">
        <Label htmlFor="org-switcher">{t('header.orgSwitcher')}</Label>
        <Select id="org-switcher" value={selected} onChange={(e) => setSelected(e.target.value)} data-size="sm">
          {session.organizations.map((o) => (
            <Select.Option key={o.id} value={o.slug}>
              {o.name}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Button type="submit" variant="secondary" data-size="sm">
        {t('header.switch')}
      </Button>
    </form>
  );
}

/** Moves focus to the page's h1 after client-side navigation (not on the first load). */
function useFocusHeadingOnNavigation() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = document.querySelector<HTMLElement>('main h1');
    heading?.focus({ preventScroll: false });
  }, [location.pathname]);
}

export function Layout() {
  const t = useT();
  const session = useSession();
  const { logout } = useSessionContext();
  useFocusHeadingOnNavigation();

  const onLogout = async () => {
    try {
      await logout();
    } finally {
      // A full load clears every piece of state the signed-in user left in memory.
      window.location.assign('/logg-inn?utlogget=1');
    }
  };

  return (
    <div className="app">
      <SkipLink href="#main">{t('app.skipLink')}</SkipLink>
      <header className="app-header">
        <div className="app-header__bar">
          <RouterLink to="/" className="app-brand">
            {t('app.name')}
          </RouterLink>
          <OrganizationSwitcher />
          {session.organizations.length > 0 ? <GlobalSearch /> : null}
          <div className="app-user">
            <RouterLink to="/konto" className="app-user__link" aria-label={t('header.account', { name: session.user.displayName })}>
              {session.user.displayName}
            </RouterLink>
            <Button variant="tertiary" data-size="sm" onClick={() => void onLogout()}>
              {t('header.logout')}
            </Button>
          </div>
        </div>
        <MainNav />
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
    </div>
  );
}

/** Frame for pages shown without a session (login, 404 when logged out). */
export function PublicLayout({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <div className="app">
      <SkipLink href="#main">{t('app.skipLink')}</SkipLink>
      <header className="app-header">
        <div className="app-header__bar">
          <RouterLink to="/" className="app-brand">
            {t('app.name')}
          </RouterLink>
          <span className="app-tagline">{t('app.tagline')}</span>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main app-main--narrow">
        {children}
      </main>
    </div>
  );
}
