/**
 * Reference catalogue of national strategy goals that municipal goals can serve. Versioned:
 * bump CATALOGUE_VERSION when entries change; the app upserts the catalogue at start.
 * Organizations add their own entries (stored with their organization id).
 */
export const CATALOGUE_VERSION = 1;

export interface CatalogueEntry {
  readonly framework: string;
  readonly code: string;
  readonly title: string;
  readonly validFrom: number;
  readonly validTo: number | null;
  readonly current: boolean;
}

const KS = 'KS digitaliseringsstrategi 2013–2016';
const DA = 'Digital agenda for Norge (Meld. St. 27 (2015–2016))';
const EDOS = 'Én digital offentlig sektor 2019–2025';

export const NATIONAL_CATALOGUE: readonly CatalogueEntry[] = [
  // KS: six cross-cutting areas and three sector areas.
  { framework: KS, code: 'KS-1', title: 'Digital dialog', validFrom: 2013, validTo: 2016, current: false },
  { framework: KS, code: 'KS-2', title: 'Strategisk ledelse og IKT', validFrom: 2013, validTo: 2016, current: false },
  { framework: KS, code: 'KS-3', title: 'Kompetanse', validFrom: 2013, validTo: 2016, current: false },
  { framework: KS, code: 'KS-4', title: 'Arkiv og dokumenthåndtering', validFrom: 2013, validTo: 2016, current: false },
  { framework: KS, code: 'KS-5', title: 'Personvern, taushetsplikt og informasjonssikkerhet', validFrom: 2013, validTo: 2016, current: false },
  { framework: KS, code: 'KS-6', title: 'Arkitektur og standardisering', validFrom: 2013, validTo: 2016, current: false },
  { framework: KS, code: 'KS-S1', title: 'Helse og velferd', validFrom: 2013, validTo: 2016, current: false },
  { framework: KS, code: 'KS-S2', title: 'Oppvekst og utdanning', validFrom: 2013, validTo: 2016, current: false },
  { framework: KS, code: 'KS-S3', title: 'Plan, bygg og geodata', validFrom: 2013, validTo: 2016, current: false },
  // Digital agenda: five priorities.
  { framework: DA, code: 'DA-1', title: 'Brukeren i sentrum', validFrom: 2016, validTo: null, current: false },
  { framework: DA, code: 'DA-2', title: 'IKT er en vesentlig innsatsfaktor for innovasjon og produktivitet', validFrom: 2016, validTo: null, current: false },
  { framework: DA, code: 'DA-3', title: 'Styrket digital kompetanse og deltakelse', validFrom: 2016, validTo: null, current: false },
  { framework: DA, code: 'DA-4', title: 'Effektiv digitalisering av offentlig sektor', validFrom: 2016, validTo: null, current: false },
  { framework: DA, code: 'DA-5', title: 'Godt personvern og god informasjonssikkerhet', validFrom: 2016, validTo: null, current: false },
  // Én digital offentlig sektor: its main focus areas (innsatsområder).
  { framework: EDOS, code: 'EDOS-1', title: 'Sammenhengende tjenester basert på livshendelser', validFrom: 2019, validTo: 2025, current: false },
  { framework: EDOS, code: 'EDOS-2', title: 'Deling og gjenbruk av data', validFrom: 2019, validTo: 2025, current: false },
  { framework: EDOS, code: 'EDOS-3', title: 'Felles økosystem for nasjonale felleskomponenter', validFrom: 2019, validTo: 2025, current: false },
  { framework: EDOS, code: 'EDOS-4', title: 'Digital kompetanse og ledelse', validFrom: 2019, validTo: 2025, current: false },
  { framework: EDOS, code: 'EDOS-5', title: 'Informasjonssikkerhet og personvern', validFrom: 2019, validTo: 2025, current: false },
  { framework: EDOS, code: 'EDOS-6', title: 'Samarbeid med privat sektor og innovasjon', validFrom: 2019, validTo: 2025, current: false },
];
