/**
 * The global search in the header: a WAI-ARIA combobox (editable, list autocomplete) over systems,
 * persons, suppliers, contracts, measures and sites of every organization the user belongs to.
 * Arrow keys move through the hits, Enter opens one, Escape closes the list (a second Escape
 * clears the field), and "/" anywhere outside a form field focuses the search.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { SEARCH_MIN_LENGTH, SEARCH_TYPES, type SearchHit } from '../../domain/search.ts';
import { api } from '../api.ts';
import { useT } from '../i18n/index.tsx';
import { useSession } from '../session.tsx';
import './search.css';

type State = { kind: 'idle' } | { kind: 'loading' } | { kind: 'done'; q: string; hits: SearchHit[] } | { kind: 'error' };

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function GlobalSearch() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const several = session.organizations.length > 1;

  // "/" focuses the search, unless the user is typing somewhere.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      event.preventDefault();
      inputRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // Debounced: one request after a short pause in typing; a stale answer is ignored.
  const q = text.trim();
  useEffect(() => {
    if (q.length < SEARCH_MIN_LENGTH) {
      setState({ kind: 'idle' });
      return;
    }
    let current = true;
    const timer = window.setTimeout(() => {
      setState({ kind: 'loading' });
      api
        .get<SearchHit[]>(`/api/v1/search?q=${encodeURIComponent(q)}`)
        .then((hits) => {
          if (!current) return;
          setState({ kind: 'done', q, hits });
          setActive(-1);
        })
        .catch(() => current && setState({ kind: 'error' }));
    }, 250);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [q]);

  const hits = state.kind === 'done' ? state.hits : [];
  // Grouped by type in a fixed order; the flat order is the keyboard order.
  const groups = SEARCH_TYPES.map((type) => ({ type, hits: hits.filter((h) => h.type === type) })).filter((g) => g.hits.length > 0);
  const ordered = groups.flatMap((g) => g.hits);
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;
  const expanded = open && ordered.length > 0;

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    setOpen(false);
    setActive(-1);
    setText('');
    navigate(hit.path);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        if (ordered.length > 0) setActive((a) => (a + 1) % ordered.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        if (ordered.length > 0) setActive((a) => (a <= 0 ? ordered.length - 1 : a - 1));
        break;
      case 'Home':
      case 'End':
        // Home/End move the caret in the field (the pattern's default); the list keeps its choice.
        break;
      case 'Enter':
        if (expanded && active >= 0) {
          event.preventDefault();
          choose(ordered[active]);
        }
        break;
      case 'Escape':
        event.preventDefault();
        if (expanded) {
          setOpen(false);
          setActive(-1);
        } else setText('');
        break;
    }
  };

  let status = '';
  if (q.length > 0 && q.length < SEARCH_MIN_LENGTH) status = t('search.tooShort', { min: SEARCH_MIN_LENGTH });
  else if (state.kind === 'loading') status = t('search.loading');
  else if (state.kind === 'error') status = t('search.error');
  else if (state.kind === 'done' && open) status = state.hits.length === 0 ? t('search.none', { q: state.q }) : t('search.results', { count: state.hits.length });

  let index = -1;
  return (
    <div className="global-search" role="search" aria-label={t('search.region')}>
      <label htmlFor={`${id}-input`} className="global-search__label">
        {t('search.label')}
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        className="global-search__input"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      <span id={`${id}-hint`} className="visually-hidden">
        {t('search.hint', { min: SEARCH_MIN_LENGTH })}
      </span>
      <div role="listbox" id={listId} aria-label={t('search.label')} className="global-search__list" hidden={!expanded}>
        {groups.map((g) => (
          <div key={g.type} role="group" aria-labelledby={`${id}-g-${g.type}`} className="global-search__group">
            <div id={`${id}-g-${g.type}`} role="presentation" className="global-search__group-label">
              {t(`search.type.${g.type}`)}
            </div>
            {g.hits.map((hit) => {
              index += 1;
              const i = index;
              return (
                <div
                  key={`${hit.type}-${hit.id}-${hit.organizationId}`}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  className="global-search__option"
                  // mousedown would blur the field and close the list before the click.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => choose(hit)}
                >
                  <span className="global-search__name">{hit.name}</span>
                  {hit.detail || several ? (
                    <span className="global-search__detail">{[hit.detail, several ? hit.organizationName : null].filter(Boolean).join(' · ')}</span>
                  ) : null}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <div role="status" className="visually-hidden">
        {status}
      </div>
    </div>
  );
}
