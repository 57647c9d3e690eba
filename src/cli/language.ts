/**
 * CLI output in the language of the organization given with --org: texts from the message
 * catalogue (src/domain/i18n/messages.nb.ts and messages.nn.ts). `--json` output keeps its keys.
 */
import type { ImportProblem } from '../domain/actionplan-import.ts';
import { messageInNynorsk } from '../domain/i18n/messages.nn.ts';
import { message, type MessageId } from '../domain/messages.ts';
import type { Language } from '../domain/organization.ts';

export function say(language: Language, id: MessageId, params: Readonly<Record<string, string | number>> = {}): string {
  return message(id, params, language);
}

/** A bokmål message of the API or an import (a problem, a refusal) in the language. */
export const inLanguage = (language: Language, text: string): string => (language === 'nn' ? messageInNynorsk(text) : text);

/** «Importen ble avbrutt; ingenting er lagret:» and each problem, as a CliError's text. */
export const abortedLines = (language: Language, problems: ReadonlyArray<{ message: string }>): string =>
  [say(language, 'cli.importAborted'), ...problems.map((p) => `  ${inLanguage(language, p.message)}`)].join('\n');

/** «Ingen problemer.» or the count and each problem on its own line, in the language. */
export function problemLines(language: Language, problems: readonly ImportProblem[]): string[] {
  if (problems.length === 0) return [say(language, 'cli.noProblems')];
  return [say(language, 'cli.problems', { count: problems.length }), ...problems.map((p) => `  ${inLanguage(language, p.message)}`)];
}
