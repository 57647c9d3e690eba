/**
 * The API's messages by id, in the language asked for: one catalogue per language
 * (src/domain/i18n/messages.nb.ts and messages.nn.ts, same keys).
 */
import type { Language } from './organization.ts';
import { messagesNb, type MessageId } from './i18n/messages.nb.ts';
import { messageInNynorsk, nynorskOf } from './i18n/messages.nn.ts';
import { fieldLabel } from './labels.ts';

export type { MessageId } from './i18n/messages.nb.ts';

/** The message `id` with its `{name}` parameters filled in. */
export function message(id: MessageId, params: Readonly<Record<string, string | number>> = {}, language: Language = 'nb'): string {
  if (language === 'nn') return nynorskOf(id, params);
  return messagesNb[id].replace(/\{(\w+)\}/g, (m, name: string) => (params[name] === undefined ? m : String(params[name])));
}

/**
 * A field error's message («Navn må fylles ut», as fieldErrors writes it) in nynorsk: the field's
 * nynorsk label, then the predicate from the catalogue. `field` is the dotted path of the error.
 */
export function fieldMessageInNynorsk(field: string, text: string): string {
  const path = field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  for (const language of ['nb', 'nn'] as const) {
    const label = `${fieldLabel(path, language)} `;
    if (text.startsWith(label)) return `${fieldLabel(path, 'nn')} ${messageInNynorsk(text.slice(label.length))}`;
  }
  return messageInNynorsk(text);
}
