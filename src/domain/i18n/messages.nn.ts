/**
 * The API's messages in nynorsk, written by hand: the same keys as messages.nb.ts (checked by the
 * type), the same `{name}` parameters. `messageInNynorsk` renders a bokmål message of the API in
 * nynorsk: it finds the bokmål message it was made from (parameters and all) and writes the
 * nynorsk one; a message not yet in the catalogue falls back to the word-by-word table
 * (words.nn.ts).
 */
import { messagesNb, type MessageId } from './messages.nb.ts';
import { wordByWordNynorsk } from './words.nn.ts';

export const messagesNn: Record<MessageId, string> = {
  required: 'må fyllast ut',
  'type.string': 'må vere tekst',
  'type.number': 'må vere eit tal',
  'type.int': 'må vere eit heiltal',
  'type.boolean': 'må vere ja/nei',
  'type.array': 'må vere ei liste',
  'type.object': 'må vere eit objekt',
  'type.date': 'må vere ein dato',
  'type.other': 'må vere {type}',
  minLength: 'må ha minst {min} teikn',
  minItems: 'må ha minst {min} element',
  minValue: 'må vere minst {min}',
  maxLength: 'kan ha høgst {max} teikn',
  maxItems: 'kan ha høgst {max} element',
  maxValue: 'kan vere høgst {max}',
  oneOf: 'må vere ein av: {values}',
  badFormat: 'har ugyldig format',
  unknownKeys: 'har ukjende felt: {keys}',
  invalid: 'er ugyldig',
  nul: 'inneheld eit ugyldig teikn (NUL)',
  date: 'må vere ein dato (ÅÅÅÅ-MM-DD)',
  between: 'må vere mellom {from} og {to}',
  fromTo: 'må vere frå {from} til {to}',
  yesNo: 'må vere ja eller nei',
  trueFalse: 'må vere true eller false',
  year: 'må vere eit årstal',
  yearOrLater: 'må vere {year} eller seinare',
  yearOrEarlier: 'må vere {year} eller tidlegare',
  notNegativeNeuter: 'kan ikkje vere negativt',
  notNegative: 'kan ikkje vere negativ',
  validId: 'må vere ein gyldig ID',
  tooLarge: 'er for stort',
  wholeKroner: 'må vere eit heilt tal kroner',
  organization: 'må vere ein organisasjon',
  maxLines: 'kan ha høgst {max} linjer',
  maxMeasures: 'kan ha høgst {max} tiltak',
  maxMembers: 'kan ha høgst {max} medlemmer',
  maxOptions: 'kan ha høgst {max} alternativ',
  email: 'må vere ei e-postadresse, til dømes namn@kommune.no',
  phone: 'kan berre innehalde tal, mellomrom, +, - og parentes',
  url: 'må byrje med https:// eller http://',
  nineDigits: 'må vere ni siffer',
  systemOrComponent: 'må veljast: anten eit system eller ei nasjonal fellesløysing',
  notSameSystem: 'kan ikkje vere det same systemet',
  notLoggedInTitle: 'Ikkje innlogga',
  mustLogIn: 'Du må logge inn.',
  forbiddenTitle: 'Inga tilgang',
  forbidden: 'Du har ikkje tilgang til dette.',
  notFoundTitle: 'Finst ikkje',
  notFound: '{what} finst ikkje, eller du har ikkje tilgang til den.',
  staleTitle: 'Endra av nokon andre',
  stale: '{what} er endra av nokon andre sidan du opna den. Last inn på nytt for å sjå endringane; ingenting vart lagra.',
  invalidTitle: 'Ugyldige data',
  conflictTitle: 'Konflikt',
  ownedByOther: 'Systemet er eigd av ein annan organisasjon; berre eigaren kan endre det.',
  serverErrorTitle: 'Intern feil',
  serverError: 'Noko gjekk gale hos oss. Ingenting vart lagra. Prøv igjen, eller kontakt brukarstøtta.',
  alreadyExists: 'Finst allereie.',
  fileEmpty: 'Fila er tom.',
  fileMissing: 'Fil manglar: vel eit rekneark (CSV eller XLSX).',
  noHeaderRow: 'Fann inga overskriftsrad med kolonnen «{column}». Ingenting er importert.',
  unknownColumn: 'Kolonnen «{column}» er ukjend og er ikkje importert.',
  repeatedColumn: 'Kolonnen «{column}» står fleire gonger (som «{first}»); berre den første er brukt.',
  cellTooLong: 'Rad {row}, kolonne «{column}»: teksten kan ha høgst {max} teikn; feltet er ikkje importert.',
  cellNotYesNo: 'Rad {row}, kolonne «{column}»: «{text}» er ikkje ja eller nei; feltet er ikkje importert.',
  usernameTaken: 'Brukarnamnet er allereie i bruk.',
  wrongPassword: 'Noverande passord er feil.',
  lastAdmin: 'Den siste administratoren kan ikkje fjernast.',
  systemNameTaken: 'Eit system med dette namnet finst allereie i organisasjonen.',
  supplierNameTaken: 'Ein leverandør med dette namnet finst allereie i organisasjonen.',
  slugTaken: 'Kortnamnet er allereie i bruk av ein annan organisasjon.',
  kommunenummerTaken: 'Kommunenummeret er allereie registrert på ein annan organisasjon.',
  noDraft: 'Handlingsplanen har inga revisjon under arbeid (utkast).',
  'cli.wrote': 'Skreiv {what} til {file}.',
  'cli.systemsFor': '{count} system for {org}',
  'cli.rowsFor': '{count} rader ({register}) for {org}',
  'cli.assetsFor': '{count} utstyrsgrupper for {org}',
  'cli.importedSystems': 'Importerte {systems} system til {org} ({created} {createdWord}, {updated} endra, {unchanged} uendra).',
  'cli.importedSites': 'Importerte {sites} lokasjonar til {org} ({created} nye, {updated} endra, {unchanged} uendra).',
  'cli.importedAssets': 'Importerte {rows} utstyrsgrupper ({quantity} einingar i {classes} klassar) til {org}.',
  'cli.noProblems': 'Ingen problem.',
  'cli.problems': '{count} problem:',
  'cli.importAborted': 'Importen vart avbroten; ingenting er lagra:',
  // --- languages ---
  'cli.importedActionPlan': 'Importerte {measures} tiltak for {from}–{to} til {org} ({created} {createdWord}, {updated} {updatedWord}).',
  'cli.yearTotals': '  {year}: investering {invest}, drift {drift}',
  'cli.noPrintedDiscrepancies': 'Ingen avvik i trykte summar.',
  'cli.printedDiscrepancies': '{count} avvik i trykte summar:',
  'cli.printedDiscrepancy': '  {row}, {column} ({type}, {kind}): trykt {printed}, utrekna {computed}',
  'cli.revisionOf': '{plan}, revisjon {number} ({count} tiltak)',
  'cli.revisionFor': '{plan}, revisjon {number} for {org}',
  'cli.planLine': '  {id}  {name} ({from}–{to}), revisjon {numbers}',
  'cli.noPlan': '{org} har ingen plan enno.',
  'cli.planNotFound': 'Planen «{plan}» finst ikkje i {org}. Planane er:',
  'cli.planAmbiguous': '«{plan}» passar på fleire planar i {org}. Oppgi planid med --plan:',
  'cli.revisionInNoPlan': 'Revisjon {number} finst ikkje i nokon plan i {org}. Planane er:',
  'cli.revisionInPlans': 'Revisjon {number} finst i {count} planar i {org}. Vel planen med --plan (id, namn eller periode, til dømes --plan {example}):',
  'cli.revisionNotInPlan': 'Revisjon {number} finst ikkje i {plan} ({from}–{to}). Revisjonane er {numbers}.',
  'cli.revisionMissing': 'Revisjonen finst ikkje.',
  'cli.importedRisks': 'Importerte {risks} risikoar med {options} tiltaksalternativ til {org} (før tiltak: {high} høg, {medium} middels, {low} låg).',
  'cli.acceptedWords': 'Godtok orda {words}.',
  'cli.risksFor': '{count} risikoar for {org}',
  'cli.riskReportFor': 'risikorapporten for {org} ({count} risikoar)',
  'cli.importedActuals': 'Importerte rekneskap for {count} tiltak og år til {org}.',
  'cli.allRowsUsed': 'Alle radene er brukte.',
  'cli.rowsSkipped': '{count} rader er ikkje importerte:',
  'cli.rowSumMismatch': '  Rad {row}: summen i fila er {printed}, radene over summerer seg til {computed}.',
  'cli.noPlanForYear': '{org} har ingen plan som gjeld {year}.',
  'cli.planWithoutRevision': '{plan} har ingen revisjon.',
  'cli.statusReportFor': 'statusrapport {year} ({plan}, revisjon {number}) for {org}',
  'cli.annualReportFor': 'årsmeldinga {year} for {org}',
  'cli.problemAt': '  rad {row}{column}: {message}',
  'cli.columnSuffix': ', kolonne {column}',
  'cli.importedStatistics': 'Importerte {values} verdiar for {metrics} måltal til {org} ({year}).',
  'cli.sumDiscrepancy': '  Avvik i summen for {what}: trykt {printed}, utrekna {computed}.',
  'cli.importedAccounts': 'Importerte {lines} ansvar til {org} ({year}). Avvik i alt: {deviation}.',
  'cli.definedCostPools': 'Definerte {count} fordelingar for {org} ({year}); dei tidlegare fordelingane for året er erstatta.',
  'cli.costShareFor': 'Kostnadsdeling for {org} {year}:',
  'cli.noAmount': 'ikkje noko beløp',
  'cli.noCostPools': '  Ingen fordelingar for året.',
  'cli.forecastFor': 'Utskiftingsprognose for {org}, {from}–{to}:',
  'cli.forecastYear': '  {year}: {quantity} einingar, {amount}',
  'cli.forecastOverdue': '  Forfalle før {from} (rekna med i {from}): {quantity} einingar, {amount}',
  'cli.forecastApplied': 'Lagt inn i {plan}, revisjon {number}{created}: {new} nye, {changed} endra og {unchanged} uendra tiltak.',
  'cli.newPlan': ' (ny plan)',
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each bokmål message as a pattern that captures its parameters, the longest (most specific) first. */
const PATTERNS = (Object.keys(messagesNb) as MessageId[])
  // «må være {type}» would catch any «må være …»: a type without its own message is rendered word by word.
  // The CLI's own lines (cli.*) are never a message of the API: they are not matched.
  .filter((id) => id !== 'type.other' && !id.startsWith('cli.'))
  .map((id) => {
    const names: string[] = [];
    const source = messagesNb[id].split(/(\{\w+\})/).map((part) => {
      const param = /^\{(\w+)\}$/.exec(part);
      if (!param) return escape(part);
      names.push(param[1] ?? '');
      return '(.+?)';
    });
    return { id, names, pattern: new RegExp(`^${source.join('')}$`, 'u'), length: messagesNb[id].length };
  })
  .sort((a, b) => b.length - a.length);

/** The nynorsk of a catalogue message, parameters filled in. */
export function nynorskOf(id: MessageId, params: Readonly<Record<string, string | number>> = {}): string {
  return messagesNn[id].replace(/\{(\w+)\}/g, (m, name: string) => (params[name] === undefined ? m : String(params[name])));
}

/** A catalogue message (id and parameters) the bokmål text was made from, or null. */
export function findMessage(text: string): { id: MessageId; params: Record<string, string> } | null {
  for (const p of PATTERNS) {
    const match = p.pattern.exec(text);
    if (match) return { id: p.id, params: Object.fromEntries(p.names.map((name, i) => [name, match[i + 1] ?? ''])) };
  }
  return null;
}

/** A bokmål message of the API in nynorsk: from the catalogue when it is there, else word by word. */
export function messageInNynorsk(message: string): string {
  const found = findMessage(message);
  return found ? nynorskOf(found.id, found.params) : wordByWordNynorsk(message);
}
