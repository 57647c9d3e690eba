import { describe, expect, it } from 'vitest';
import { matchesSearch, searchPath } from './search.ts';

describe('matchesSearch: the search rule for lists opened from a hit', () => {
  it('matches a name or any word in it by its start, ignoring case, Norwegian letters included', () => {
    expect(matchesSearch('Kari Nordmann', 'nord')).toBe(true);
    expect(matchesSearch('Kari Nordmann', 'KARI N')).toBe(true);
    expect(matchesSearch('Vågå-Åsen skole', 'åsen')).toBe(true);
    expect(matchesSearch('Kari Nordmann', 'ordm')).toBe(false);
    expect(matchesSearch('Anything', '  ')).toBe(true);
  });

  it('treats the text literally, not as a pattern', () => {
    expect(matchesSearch('Ørnes (a+b) skole', '(a+b)')).toBe(true);
    expect(matchesSearch('Ørnes skole', '.*')).toBe(false);
  });

  it('finds the hit that the path of a search hit names', () => {
    const path = searchPath('person', 'ringebu', 'id-1', 'Kari Nordmann', null);
    expect(path).toBe('/o/ringebu/personer?q=Kari%20Nordmann');
    expect(matchesSearch('Kari Nordmann', decodeURIComponent(path.split('?q=')[1]!))).toBe(true);
  });
});
