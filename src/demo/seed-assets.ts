/**
 * A demo equipment register for Ringebu (issue 17). INVENTED: the quantities, years and prices
 * are plausible for a kommune of Ringebu's size, not taken from any Ringebu document. It goes
 * through the same import as a user's spreadsheet, so it is checked by the same rules.
 */
import type { Tx } from '../db/tx.ts';
import { importAssetRows, listAssetGroups } from '../db/queries/assets.ts';

const RINGEBU_ASSETS: readonly string[][] = [
  ['klasse', 'beskrivelse', 'antall', 'innkjøpsår', 'levetid', 'enhetspris', 'lokasjon', 'system'],
  ['PC', 'Saksbehandlere, rådhuset', '40', '2021', '', '', 'Ringebu rådhus (LAN-interkommunalt)', ''],
  ['PC', 'Helse og omsorg', '25', '2022', '', '', 'Ringebu helsesenter', 'Profdoc Vision'],
  ['Bærbar', 'Lærere, Ringebu skole', '30', '2020', '', '', 'Ringebu skole', 'Visma skole'],
  ['Nettbrett', 'Elever 1.–4. trinn, Fåvang skole', '60', '2022', '3', '4 500', 'Fåvang skole', ''],
  ['Skjerm', 'Kontorplasser, rådhuset', '50', '2019', '6', '', 'Ringebu rådhus (LAN-interkommunalt)', ''],
  ['Skriver', 'Multifunksjonsskrivere', '8', '2019', '6', '25 000', '', ''],
  ['IP-telefon', 'Sentralbord og kontorer', '35', '2018', '8', '2 500', 'Ringebu rådhus (LAN-interkommunalt)', ''],
  ['Server', 'Vertsmaskiner, serverrommet', '3', '2021', '', '180 000', 'Ringebu rådhus (LAN-interkommunalt)', ''],
  ['Lagring/SAN', 'Lagringssystem', '1', '2020', '6', '350 000', 'Ringebu rådhus (LAN-interkommunalt)', ''],
  ['Switch', 'Kantsvitsjer på skolene og barnehagene', '12', '2017', '8', '18 000', '', ''],
  ['Brannmur', 'Brannmur mot internett', '2', '2021', '5', '60 000', 'Ringebu rådhus (WAN-internett)', ''],
  ['Trådløst aksesspunkt', 'Skolene', '40', '2019', '6', '5 000', '', ''],
  ['Radiolink', 'Link til Frya renseanlegg', '2', '2016', '10', '40 000', 'Frya renseanlegg', ''],
  ['Infoskjerm', 'Servicetorget og biblioteket', '3', '2020', '7', '15 000', 'Ringebu folkebibliotek', ''],
];

export async function ensureRingebuAssets(tx: Tx, organizationId: string, currentYear: number): Promise<void> {
  if ((await listAssetGroups(tx, organizationId)).length > 0) return;
  const outcome = await importAssetRows(tx, organizationId, RINGEBU_ASSETS, { currentYear, dryRun: false });
  if (outcome.problems.length > 0) throw new Error(`demo assets: ${outcome.problems.map((p) => p.message).join(' ')}`);
}
