/**
 * Reference catalogue of national shared components (nasjonale fellesløsninger) that integrations
 * can point to. Upserted at start by code; entries are never removed (integrations refer to them).
 */
export interface ComponentEntry {
  readonly code: string;
  readonly name: string;
  readonly provider: string;
  readonly description: string;
}

export const NATIONAL_COMPONENTS: readonly ComponentEntry[] = [
  { code: 'id-porten', name: 'ID-porten', provider: 'Digdir', description: 'Innlogging for innbyggere til offentlige tjenester.' },
  { code: 'maskinporten', name: 'Maskinporten', provider: 'Digdir', description: 'Sikker tilgang mellom virksomheters systemer (API-er).' },
  { code: 'altinn', name: 'Altinn', provider: 'Digdir', description: 'Skjema, meldinger og tilgangsstyring for næringsliv og innbyggere.' },
  { code: 'folkeregisteret', name: 'Folkeregisteret', provider: 'Skatteetaten', description: 'Opplysninger om personer bosatt i Norge.' },
  { code: 'enhetsregisteret', name: 'Enhetsregisteret', provider: 'Brønnøysundregistrene', description: 'Opplysninger om virksomheter og organisasjonsnummer.' },
  { code: 'matrikkelen', name: 'Matrikkelen', provider: 'Kartverket', description: 'Eiendom, adresser og bygninger.' },
  { code: 'krr', name: 'Kontakt- og reservasjonsregisteret (KRR)', provider: 'Digdir', description: 'Innbyggeres kontaktinformasjon og reservasjon mot digital kommunikasjon.' },
  { code: 'digital-postkasse', name: 'Digital postkasse til innbyggere', provider: 'Digdir', description: 'Digital post til innbyggere (Digipost, e-Boks).' },
  { code: 'eformidling', name: 'eFormidling', provider: 'Digdir', description: 'Meldingsformidling mellom offentlige virksomheter og til innbyggere.' },
  { code: 'svarut-svarinn', name: 'SvarUt / SvarInn', provider: 'KS Digital (Fiks)', description: 'Sending og mottak av digital post for kommuner.' },
  { code: 'fiks-io', name: 'Fiks IO', provider: 'KS Digital (Fiks)', description: 'Meldingsutveksling mellom systemer i kommunal sektor.' },
];
