import { describe, expect, it } from 'vitest';
import { compareMeasures } from './measure-order.ts';

describe('compareMeasures', () => {
  it('orders by number naturally, numberless last, then by title', () => {
    const list = [
      { number: null, title: 'Uten nummer' },
      { number: '10', title: 'Ti' },
      { number: '2', title: 'To' },
      { number: '2', title: 'Annen to' },
      { number: '1.3', title: 'En punkt tre' },
    ];
    expect([...list].sort(compareMeasures).map((m) => m.title)).toEqual(['En punkt tre', 'Annen to', 'To', 'Ti', 'Uten nummer']);
  });
});
