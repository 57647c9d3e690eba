import { describe, expect, it } from 'vitest';
import { fieldLabel, labelsIn } from '../labels.ts';
import { messageInNynorsk, messagesNn } from './messages.nn.ts';
import { messagesNb, type MessageId } from './messages.nb.ts';
import { fieldMessageInNynorsk, message } from '../messages.ts';
import { parseRiskTable, RISK_COLUMNS, riskTableRows } from '../risk-import.ts';

describe('the label catalogues', () => {
  it('have the same records and keys in bokmål and nynorsk, none empty', () => {
    const nb = labelsIn('nb');
    const nn = labelsIn('nn');
    expect(Object.keys(nn).sort()).toEqual(Object.keys(nb).sort());
    for (const name of Object.keys(nb) as Array<keyof typeof nb>) {
      expect(Object.keys(nn[name]).sort(), name).toEqual(Object.keys(nb[name]).sort());
      for (const value of Object.values(nn[name] as Record<string, string>)) expect(value.trim(), name).not.toBe('');
    }
  });

  it('name fields in the language, with the row of a list item', () => {
    expect(fieldLabel(['users'], 'nb')).toBe('Antall brukere');
    expect(fieldLabel(['users'], 'nn')).toBe('Tal på brukarar');
    expect(fieldLabel(['lines', 2, 'amount'], 'nn')).toBe('Beløp (rad 3)');
    expect(labelsIn('nn').MEASURE_STATUS_LABELS.planned).toBe('Ikkje starta');
  });
});

describe('messageInNynorsk', () => {
  it('renders the common validation messages in nynorsk and keeps quoted input as typed', () => {
    expect(messageInNynorsk('Tittel må fylles ut.')).toBe('Tittel må fyllast ut.');
    expect(messageInNynorsk('Navn kan ha høyst 200 tegn')).toBe('Namn kan ha høgst 200 teikn');
    expect(messageInNynorsk('Beløp kan ikke være negativt')).toBe('Beløp kan ikkje vere negativt');
    expect(messageInNynorsk('Systemet eies av en annen organisasjon; bare eieren kan endre det.')).toBe(
      'Systemet er eigd av ein annan organisasjon; berre eigaren kan endre det.',
    );
    expect(messageInNynorsk('Finnes ikke')).toBe('Finst ikkje');
    expect(messageInNynorsk('«ikke et tall» er ikke et helt tall')).toBe('«ikke et tall» er ikkje eit heilt tal');
  });
});

describe('the message catalogues', () => {
  // Words that are bokmål only (nynorsk: ikkje, kva, kven, kvar, korleis, viss, òg, nokon, noko, frå, vere, …).
  const BOKMAL_ONLY = ['ikke', 'hva', 'hvem', 'hvor', 'hvordan', 'hvis', 'også', 'noen', 'noe', 'fra', 'være', 'høyst', 'tegn', 'bare', 'enten', 'finnes', 'ble', 'endret', 'ukjente', 'inneholder', 'eies', 'velges', 'senere', 'tidligere', 'sifre', 'heltall', 'tall', 'en', 'et', 'mer', 'uten', 'utenfor', 'innenfor', 'flere', 'lavere', 'mangler', 'ennå', 'fant', 'hele', 'velg', 'gjelder', 'regnes', 'kjent', 'lager'];

  it('has a hand-written nynorsk text for every bokmål message, with the same parameters and no bokmål-only word', () => {
    expect(Object.keys(messagesNn).sort()).toEqual(Object.keys(messagesNb).sort());
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [id, nn] of Object.entries(messagesNn)) {
      expect(params(nn), id).toEqual(params(messagesNb[id as MessageId]));
      const words = nn.toLowerCase().split(/[^\p{L}]+/u);
      for (const word of BOKMAL_ONLY) expect(words, `${id}: «${nn}»`).not.toContain(word);
    }
  });

  it('renders parameterised messages, and finds the message a bokmål text was made from', () => {
    expect(message('maxLength', { max: 50 })).toBe('kan ha høyst 50 tegn');
    expect(message('maxLength', { max: 50 }, 'nn')).toBe('kan ha høgst 50 teikn');
    expect(messageInNynorsk('Systemet finnes ikke, eller du har ikke tilgang til den.')).toBe('Systemet finst ikkje, eller du har ikkje tilgang til den.');
    expect(messageInNynorsk('må være 2010 eller senere')).toBe('må vere 2010 eller seinare');
    expect(fieldMessageInNynorsk('softwareVersion', 'Versjon kan ha høyst 50 tegn')).toBe('Versjon kan ha høgst 50 teikn');
    expect(messageInNynorsk('Rad 2, kolonne «versjon»: teksten kan ha høyst 50 tegn; feltet er ikke importert.')).toBe(
      'Rad 2, kolonne «versjon»: teksten kan ha høgst 50 teikn; feltet er ikkje importert.',
    );
    expect(fieldMessageInNynorsk('lines.2.users', 'Antall brukere (rad 3) kan ikke være negativt')).toBe('Tal på brukarar (rad 3) kan ikkje vere negativt');
  });
});

describe('the messages moved into the catalogue', () => {
  it('render in nynorsk from the text the domain writes, parameters kept', () => {
    expect(messageInNynorsk(message('actuals.outsidePeriod', { row: 4, year: 2031, from: 2025, to: 2028 }))).toBe('Rad 4: 2031 er utanfor planperioden 2025–2028.');
    expect(messageInNynorsk(message('notAllowed', { text: 'ikke', allowed: 'en kjent linjetype (bruk Fiber, Annet)' }))).toBe('«ikke» er ikkje ein kjend linjetype (bruk Fiber, Anna)');
    expect(fieldMessageInNynorsk('closeReason', `Begrunnelse ${message('risk.closeReasonRequired')}`)).toMatch(/må fyllast ut når risikoen blir akseptert eller lukka$/);
    expect(message('plan.olderDraft', { inForce: 3, number: 2 }, 'nn')).toContain('lag ein ny revisjon av revisjon 3 i staden');
    // Refusals still written as literals (e.g. in cost-sharing.ts and the routes' conflicts) are found by their text.
    expect(messageInNynorsk('Revisjonen er vedtatt og kan ikke endres. Lag en ny revisjon for å gjøre endringer.')).toBe('Revisjonen er vedteken og kan ikkje endrast. Lag ein ny revisjon for å gjere endringar.');
    expect(messageInNynorsk('Fordelingen «Drift» har ikke noe beløp for året.')).toBe('Fordelinga «Drift» har ikkje noko beløp for året.');
  });
});

describe('risk export headers', () => {
  it('are nynorsk for a nynorsk organization, and the import knows every one of them', () => {
    const header = riskTableRows([], 'nn')[0] ?? [];
    expect(header).toEqual(RISK_COLUMNS.map((c) => c.nn));
    const read = parseRiskTable([header, ['Løsepengevirus', ...header.slice(1).map(() => '')]], 2026);
    expect(JSON.stringify(read)).not.toContain('ukjent');
  });
});
