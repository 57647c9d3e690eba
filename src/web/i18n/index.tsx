import { createContext, useCallback, useContext, type ReactNode } from 'react';
import type { Language } from '../../domain/organization.ts';
import { nb, type Catalogue, type MessageKey } from '../../domain/i18n/nb.ts';
import { nn } from '../../domain/i18n/nn.ts';
import { setLabelLanguage } from '../labels.ts';

export type { MessageKey } from '../../domain/i18n/nb.ts';

const catalogues: Record<Language, Catalogue> = { nb, nn };

export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function translate(language: Language, key: MessageKey, params?: Params): string {
  const text = catalogues[language][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

const LanguageContext = createContext<Language>('nb');

export function LanguageProvider({ language, children }: { language: Language; children: ReactNode }) {
  // The domain's labels follow the interface language (src/web/labels.ts); set before the children render.
  setLabelLanguage(language);
  return <LanguageContext.Provider value={language}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

export function useT(): Translate {
  const language = useLanguage();
  return useCallback<Translate>((key, params) => translate(language, key, params), [language]);
}
