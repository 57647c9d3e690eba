/**
 * The fallback for API messages not yet in the hand-written catalogue (messages.nb.ts and
 * messages.nn.ts): renders a bokmål message in nynorsk phrase by phrase and word by word. Messages
 * move from here into the catalogue; `messageInNynorsk` (messages.nn.ts) tries the catalogue first.
 * Longer phrases come first, so they win over their words.
 */
const PHRASES: ReadonlyArray<readonly [string, string]> = [
  ['må fylles ut', 'må fyllast ut'],
  ['fylles ut', 'fyllast ut'],
  ['for eksempel', 'til dømes'],
  ['flere ganger', 'fleire gonger'],
  ['i stedet', 'i staden'],
  ['regnes ut', 'blir rekna ut'],
  ['eies av', 'er eigd av'],
  ['du har ikke tilgang', 'du har ikkje tilgang'],
  ['Du må logge inn', 'Du må logge inn'],
  ['Noe gikk galt hos oss', 'Noko gjekk gale hos oss'],
  ['last inn på nytt', 'last inn på nytt'],
];

const WORDS: Readonly<Record<string, string>> = {
  være: 'vere',
  ikke: 'ikkje',
  høyst: 'høgst',
  tegn: 'teikn',
  en: 'ein',
  et: 'eit',
  heltall: 'heiltal',
  helt: 'heilt',
  tall: 'tal',
  finnes: 'finst',
  hører: 'høyrer',
  velg: 'vel',
  velges: 'veljast',
  enten: 'anten',
  mangler: 'manglar',
  regneark: 'rekneark',
  tidligere: 'tidlegare',
  senere: 'seinare',
  bare: 'berre',
  allerede: 'allereie',
  nyere: 'nyare',
  vedtas: 'vedtakast',
  vedtatt: 'vedteken',
  innenfor: 'innanfor',
  starter: 'startar',
  samme: 'same',
  sifre: 'siffer',
  inneholde: 'innehalde',
  inneholder: 'inneheld',
  bokstaver: 'bokstavar',
  begynne: 'byrje',
  begynner: 'byrjar',
  kjent: 'kjend',
  settes: 'setjast',
  antall: 'tal',
  enhetspris: 'einingspris',
  godkjent: 'godkjend',
  eierkommune: 'eigarkommune',
  eierkommuner: 'eigarkommunar',
  eieren: 'eigaren',
  annen: 'annan',
  annet: 'anna',
  noe: 'noko',
  noen: 'nokon',
  fra: 'frå',
  hva: 'kva',
  hvem: 'kven',
  hvis: 'viss',
  forespørsel: 'førespurnad',
  forespørselen: 'førespurnaden',
  brukernavn: 'brukarnamn',
  brukernavnet: 'brukarnamnet',
  navn: 'namn',
  navnet: 'namnet',
  kortnavnet: 'kortnamnet',
  nåværende: 'noverande',
  mer: 'meir',
  ble: 'vart',
  fant: 'fann',
  funnet: 'funne',
  uten: 'utan',
  også: 'òg',
  samarbeidene: 'samarbeida',
  erstattet: 'erstatta',
  innlogget: 'innlogga',
  mislykkede: 'mislukka',
  innlogginger: 'innloggingar',
  minutter: 'minutt',
  prøv: 'prøv',
  igjen: 'igjen',
  behandles: 'behandlast',
  leses: 'lesast',
  kom: 'kom',
  fram: 'fram',
  gjøre: 'gjere',
  endringer: 'endringar',
  fortsatt: 'framleis',
  viser: 'viser',
  lagret: 'lagra',
  brukerstøtte: 'brukarstøtte',
  kontakt: 'kontakt',
  ugyldige: 'ugyldige',
  overskriftene: 'overskriftene',
  passer: 'passar',
  gjelder: 'gjeld',
  lag: 'lag',
  nettadresse: 'nettadresse',
  leverandør: 'leverandør',
  bruker: 'brukar',
  brukere: 'brukarar',
  sluttdato: 'sluttdato',
  startdatoen: 'startdatoen',
  kolonne: 'kolonne',
  medlemmer: 'medlemmer',
  linjer: 'linjer',
  stort: 'stort',
  objekttype: 'objekttype',
  endringsloggen: 'endringsloggen',
  kommunelisten: 'kommunelista',
  små: 'små',
  mellomrom: 'mellomrom',
  parentes: 'parentes',
  bindestrek: 'bindestrek',
  importert: 'importert',
  vertskommune: 'vertskommune',
  blant: 'blant',
  dette: 'dette',
  tilgang: 'tilgang',
  selv: 'sjølv',
  revisjonen: 'revisjonen',
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD = new RegExp(`(?<![\\p{L}\\p{N}_-])(${Object.keys(WORDS).sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{N}_-])`, 'giu');

function sameCase(original: string, replacement: string): string {
  return original[0] !== undefined && original[0] !== original[0].toLowerCase() ? replacement[0]?.toUpperCase() + replacement.slice(1) : replacement;
}

/** A bokmål message rendered word by word. Text inside «» (what the user typed, names) is left as it is. */
export function wordByWordNynorsk(message: string): string {
  return message
    .split(/(«[^»]*»)/)
    .map((part) => {
      if (part.startsWith('«')) return part;
      let text = part;
      for (const [nb, nn] of PHRASES) text = text.replace(new RegExp(`(?<![\\p{L}])${escape(nb)}(?![\\p{L}])`, 'giu'), (m) => sameCase(m, nn));
      return text.replace(WORD, (m) => sameCase(m, WORDS[m.toLowerCase()] ?? m));
    })
    .join('');
}
