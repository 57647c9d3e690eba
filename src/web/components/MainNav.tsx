/**
 * The main navigation (issue 12): the everyday pages as links; the year pages and the administration pages in
 * groups that open with a disclosure button (aria-expanded, not a hover menu). One row at 1 280 px. Below 64rem
 * the whole list folds behind a «Meny» button and the groups open in place.
 * A group or the folded menu closes on Escape (focus back on its button), on a click outside it, when focus
 * leaves it, and when the page changes.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { Link as RouterLink, NavLink, useLocation } from 'react-router';
import { useCurrentOrganization, useSession } from '../session.tsx';
import { useT } from '../i18n/index.tsx';
import { PORTFOLIO_SEGMENTS } from '../features/portfolio/PortfolioLayout.tsx';

interface GroupLink {
  readonly to: string;
  readonly text: string;
}

/** Open/closed state of a disclosure inside `ref`: closes on navigation, Escape, an outside click or focus leaving. */
function useDisclosure(ref: RefObject<HTMLElement | null>, buttonRef: RefObject<HTMLButtonElement | null>) {
  const [open, setOpen] = useState(false);
  const location = useLocation();
  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: MouseEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) setOpen(false);
    };
    const onFocus = (event: FocusEvent) => {
      if (ref.current && event.target instanceof Node && !ref.current.contains(event.target)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('focusin', onFocus);
    };
  }, [open, ref]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    }
  };
  return { open, toggle: () => setOpen((o) => !o), onKeyDown };
}

function NavGroup({ label, links, className }: { label: string; links: readonly GroupLink[]; className?: string }) {
  const listId = useId();
  const ref = useRef<HTMLLIElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { open, toggle, onKeyDown } = useDisclosure(ref, buttonRef);
  const location = useLocation();
  const current = links.some((l) => location.pathname === l.to || location.pathname.startsWith(`${l.to}/`));
  return (
    <li ref={ref} className={['main-nav__group', className ?? ''].join(' ').trim()} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className={current ? 'main-nav__toggle main-nav__toggle--current' : 'main-nav__toggle'}
        aria-expanded={open}
        aria-controls={listId}
        onClick={toggle}
      >
        {label}
        <span aria-hidden="true" className="main-nav__chevron">
          {open ? '▴' : '▾'}
        </span>
      </button>
      <ul id={listId} className="main-nav__menu" hidden={!open}>
        {links.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to}>{l.text}</NavLink>
          </li>
        ))}
      </ul>
    </li>
  );
}

/** The list folds behind a «Meny» button on a narrow screen (CSS decides when the button shows). */
function Folding({ label, children }: { label: string; children: ReactNode }) {
  const t = useT();
  const listId = useId();
  const ref = useRef<HTMLElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { open, toggle, onKeyDown } = useDisclosure(ref, buttonRef);
  return (
    <nav ref={ref} aria-label={label} className="main-nav" onKeyDown={onKeyDown}>
      <button ref={buttonRef} type="button" className="main-nav__toggle main-nav__fold" aria-expanded={open} aria-controls={listId} onClick={toggle}>
        {t('nav.menu')}
        <span aria-hidden="true" className="main-nav__chevron">
          {open ? '▴' : '▾'}
        </span>
      </button>
      <ul id={listId} className={open ? 'main-nav__list main-nav__list--open' : 'main-nav__list'}>
        {children}
      </ul>
    </nav>
  );
}

export function MainNav() {
  const t = useT();
  const session = useSession();
  const org = useCurrentOrganization();
  const base = org ? `/o/${org.slug}` : null;
  const location = useLocation();
  const segment = /^\/o\/[^/]+\/([^/]+)/.exec(location.pathname)?.[1] ?? '';
  const inPortfolio = PORTFOLIO_SEGMENTS.includes(segment);
  const admin: GroupLink[] =
    base && org?.abilities.admin
      ? [
          { to: `${base}/admin/medlemmer`, text: t('nav.members') },
          { to: `${base}/admin/endringslogg`, text: t('nav.audit') },
          { to: `${base}/admin/innstillinger`, text: t('nav.settings') },
          { to: `${base}/admin/innlogging`, text: t('nav.signIn') },
        ]
      : [];
  if (session.user.systemAdmin) admin.push({ to: '/admin/organisasjoner', text: t('nav.organizations') });
  return (
    <Folding label={t('nav.label')}>
      {base ? (
        <>
          <li>
            <NavLink to={base} end>
              {t('nav.overview')}
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/hvem-kontakter-jeg`} className="main-nav__support">
              {t('nav.support')}
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/plan`}>{t('nav.plan')}</NavLink>
          </li>
          <li>
            {/* "Systemer" stays marked on every page of the portfolio (contracts, persons, …). */}
            <RouterLink to={`${base}/systemer`} aria-current={inPortfolio ? 'page' : undefined}>
              {t('nav.systems')}
            </RouterLink>
          </li>
          <li>
            <NavLink to={`${base}/lokasjoner`}>{t('nav.sites')}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/utstyr`}>{t('nav.assets')}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/risiko`}>{t('nav.risk')}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/samarbeid`}>{t('nav.cooperations')}</NavLink>
          </li>
          <NavGroup
            label={t('nav.yearGroup')}
            links={[
              { to: `${base}/ar`, text: t('nav.yearFigures') },
              { to: `${base}/arsmelding`, text: t('nav.annualReport') },
            ]}
          />
        </>
      ) : null}
      {admin.length > 0 ? <NavGroup label={t('nav.admin')} links={admin} className="main-nav__system" /> : null}
    </Folding>
  );
}
