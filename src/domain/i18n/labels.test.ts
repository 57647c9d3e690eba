import { describe, expect, it } from 'vitest';
import { fieldLabel, labelsIn } from '../labels.ts';
import { messageInNynorsk } from './messages.nn.ts';

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
