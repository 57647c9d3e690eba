/**
 * The internal risk report (`report risks`) and the plan document's internal appendix
 * "Risikobilde": the matrix with its counts, and each risk with its options, their costs and the
 * residual level. Built as the plan document's model, so the same DOCX and PDF renderers print it.
 * Exempt from public access (offentleglova §24): never part of innsyn or the public PDF.
 */
import { formatDate, formatDateTime } from '../domain/format.ts';
import { formatKroner } from '../domain/money.ts';
import { levelOf, matrixCounts, SCALE, type Level, type RiskMatrix } from '../domain/risk-matrix.ts';
import { labelsIn, type Labels } from '../domain/labels.ts';
import { risksAboveLine, type Risk } from '../domain/risk.ts';
import type { Block, DocTable, PlanDocument } from './plan-document/model.ts';
import { DOCUMENT_STRINGS, type DocLanguage } from './plan-document/strings.ts';

interface RiskStrings {
  title: string;
  appendix: string;
  confidential: string;
  matrix: string;
  matrixCaption: string;
  axis: string;
  levels: string;
  level: string;
  count: string;
  risks: string;
  none: string;
  aboveLine: string;
  facts: { objects: string; organization: string; score: string; status: string; owner: string; review: string; controls: string; hazard: string; consequence: string; residual: string };
  options: string;
  option: string;
  invest: string;
  drift: string;
  chosen: string;
  measure: string;
  yes: string;
  generated: string;
}

const NB: RiskStrings = {
  title: 'Risikovurdering (ROS) for IKT',
  appendix: 'Risikobilde',
  confidential: 'Unntatt offentlighet, jf. offentleglova § 24. Internt dokument.',
  matrix: 'Risikomatrise',
  matrixCaption: 'Antall risikoer per sannsynlighet og konsekvens (nivå i parentes)',
  axis: 'Sannsynlighet \\ konsekvens',
  levels: 'Risikoer per nivå før tiltak',
  level: 'Nivå',
  count: 'Antall',
  risks: 'Risikoer',
  none: 'Ingen risikoer er registrert.',
  aboveLine: 'Risikoer over akseptgrensen',
  facts: {
    objects: 'Objekt',
    organization: 'Hele organisasjonen',
    score: 'Risiko',
    status: 'Status',
    owner: 'Eier',
    review: 'Neste gjennomgang',
    controls: 'Eksisterende tiltak',
    hazard: 'Fare og årsak',
    consequence: 'Hva kan skje',
    residual: 'Nivå etter valgt tiltak',
  },
  options: 'Tiltaksalternativer',
  option: 'Alternativ',
  invest: 'Investering',
  drift: 'Drift',
  chosen: 'Valgt',
  measure: 'Tiltak i handlingsplanen',
  yes: 'Ja',
  generated: 'Generert',
};
const NN: RiskStrings = {
  ...NB,
  title: 'Risikovurdering (ROS) for IKT',
  confidential: 'Unnateke offentlegheit, jf. offentleglova § 24. Internt dokument.',
  matrixCaption: 'Tal på risikoar per sannsyn og konsekvens (nivå i parentes)',
  axis: 'Sannsyn \\ konsekvens',
  levels: 'Risikoar per nivå før tiltak',
  count: 'Tal',
  risks: 'Risikoar',
  none: 'Ingen risikoar er registrerte.',
  aboveLine: 'Risikoar over akseptgrensa',
  facts: { ...NB.facts, organization: 'Heile organisasjonen', owner: 'Eigar', consequence: 'Kva kan skje', residual: 'Nivå etter valt tiltak', controls: 'Eksisterande tiltak' },
  options: 'Tiltaksalternativ',
  chosen: 'Valt',
};
export const RISK_STRINGS: Record<DocLanguage, RiskStrings> = { nb: NB, nn: NN };

/** The risk labels in the document's language (the one catalogue per language, src/domain/i18n). */
const labelsOf = (s: RiskStrings): Labels => labelsIn(s === NN ? 'nn' : 'nb');
const levelText = (l: Level | null, s: RiskStrings): string => (l ? labelsOf(s).RISK_LEVEL_LABELS[l] : '–');

function matrixTable(matrix: RiskMatrix, risks: readonly Risk[], s: RiskStrings, id: string): DocTable {
  const counts = matrixCounts(matrix, risks.map((r) => ({ probability: r.probability, consequence: r.effectiveConsequence })));
  return {
    id,
    caption: s.matrixCaption,
    columns: [{ header: s.axis, align: 'left', width: 3 }, ...SCALE.map((c) => ({ header: `${c} ${labelsOf(s).CONSEQUENCE_LABELS[c]}`, align: 'right' as const, width: 2 }))],
    header: [s.axis, ...SCALE.map((c) => `${c} ${labelsOf(s).CONSEQUENCE_LABELS[c]}`)],
    body: [...SCALE].reverse().map((p) => ({
      kind: 'data' as const,
      cells: [`${p} ${labelsOf(s).PROBABILITY_LABELS[p]}`, ...SCALE.map((c) => `${counts.cells[p - 1]![c - 1]} (${labelsOf(s).RISK_LEVEL_LABELS[levelOf(matrix, p, c)]})`)],
    })),
    footer: [],
    compact: true,
  };
}

function levelsTable(matrix: RiskMatrix, risks: readonly Risk[], s: RiskStrings, id: string): DocTable {
  const counts = matrixCounts(matrix, risks.map((r) => ({ probability: r.probability, consequence: r.effectiveConsequence })));
  return {
    id,
    caption: s.levels,
    columns: [
      { header: s.level, align: 'left', width: 3 },
      { header: s.count, align: 'right', width: 1 },
    ],
    header: [s.level, s.count],
    body: (['high', 'medium', 'low'] as const).map((l) => ({ kind: 'data' as const, cells: [labelsOf(s).RISK_LEVEL_LABELS[l], String(counts.levels[l])] })),
    footer: [{ kind: 'total', cells: ['Sum', String(risks.length)] }],
    compact: false,
  };
}

function riskBlocks(r: Risk, s: RiskStrings, idPrefix: string, level: 2 | 3): Block[] {
  const blocks: Block[] = [
    { type: 'heading', level, text: r.title, id: `${idPrefix}-${r.id}` },
    {
      type: 'facts',
      facts: [
        { label: s.facts.objects, value: r.objects.length > 0 ? r.objects.map((o) => o.name).join(', ') : s.facts.organization },
        { label: s.facts.score, value: `${labelsOf(s).RISK_LEVEL_LABELS[r.level]} (${r.probability} × ${r.effectiveConsequence} = ${r.score})` },
        { label: s.facts.residual, value: levelText(r.residualLevel, s) },
        { label: s.facts.status, value: labelsOf(s).RISK_STATUS_LABELS[r.status] + (r.closeReason ? `: ${r.closeReason}` : '') },
        ...(r.ownerName ? [{ label: s.facts.owner, value: r.ownerName }] : []),
        ...(r.reviewDate ? [{ label: s.facts.review, value: formatDate(r.reviewDate) }] : []),
      ],
    },
  ];
  if (r.hazard) blocks.push({ type: 'paragraph', role: 'body', runs: [{ text: `${s.facts.hazard}: `, bold: true }, { text: r.hazard }] });
  if (r.consequenceText) blocks.push({ type: 'paragraph', role: 'body', runs: [{ text: `${s.facts.consequence}: `, bold: true }, { text: r.consequenceText }] });
  if (r.controls.length > 0) {
    blocks.push({ type: 'paragraph', role: 'body', runs: [{ text: `${s.facts.controls}:`, bold: true }] });
    blocks.push({ type: 'bullets', items: r.controls.map((c) => [{ text: c }]) });
  }
  if (r.options.length > 0) {
    blocks.push({
      type: 'table',
      table: {
        id: `${idPrefix}-${r.id}-options`,
        caption: `${s.options}: ${r.title}`,
        columns: [
          { header: s.option, align: 'left', width: 5 },
          { header: s.invest, align: 'right', width: 2 },
          { header: s.drift, align: 'right', width: 2 },
          { header: s.facts.residual, align: 'left', width: 2 },
          { header: s.chosen, align: 'left', width: 1 },
          { header: s.measure, align: 'left', width: 3 },
        ],
        header: [s.option, s.invest, s.drift, s.facts.residual, s.chosen, s.measure],
        body: r.options.map((o) => ({
          kind: 'data' as const,
          cells: [o.description, formatKroner(o.invest), formatKroner(o.drift), levelText(o.residualLevel, s), o.chosen ? s.yes : '–', o.measure ? `${o.measure.number ? `${o.measure.number} ` : ''}${o.measure.title}` : '–'],
        })),
        footer: [],
        compact: true,
      },
    });
  }
  return blocks;
}

/** The appendix "Risikobilde" for the internal plan document: the matrix and the risks above the acceptance line. */
export function riskPictureBlocks(matrix: RiskMatrix, risks: readonly Risk[], language: DocLanguage): Block[] {
  const s = RISK_STRINGS[language];
  const above = risksAboveLine(risks);
  return [
    { type: 'heading', level: 2, text: s.appendix, id: 'risikobilde' },
    { type: 'paragraph', role: 'note', runs: [{ text: s.confidential, italic: true }] },
    { type: 'table', table: matrixTable(matrix, risks, s, 'risikobilde-matrise') },
    { type: 'heading', level: 3, text: s.aboveLine, id: 'risikobilde-over' },
    ...(above.length > 0
      ? above.flatMap((r) => riskBlocks(r, s, 'risikobilde', 3).map((b): Block => (b.type === 'heading' ? { ...b, level: 4 } : b)))
      : [{ type: 'paragraph' as const, role: 'body' as const, runs: [{ text: s.none }] }]),
  ];
}

export interface RiskReportInput {
  organization: { name: string; kommunenummer: string | null };
  matrix: RiskMatrix;
  risks: readonly Risk[];
  generatedAt: Date;
  language: DocLanguage;
}

export function buildRiskReport(input: RiskReportInput): PlanDocument {
  const s = RISK_STRINGS[input.language];
  const strings = DOCUMENT_STRINGS[input.language];
  const risks = [...input.risks].sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, 'nb'));
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: s.matrix, id: 'matrise' },
    { type: 'paragraph', role: 'note', runs: [{ text: s.confidential, italic: true }] },
    { type: 'table', table: matrixTable(input.matrix, risks, s, 'matrise-tabell') },
    { type: 'table', table: levelsTable(input.matrix, risks, s, 'nivaa-tabell') },
    { type: 'heading', level: 1, text: s.risks, id: 'risikoer', newPage: true },
    ...(risks.length > 0 ? risks.flatMap((r) => riskBlocks(r, s, 'risiko', 2)) : [{ type: 'paragraph' as const, role: 'body' as const, runs: [{ text: s.none }] }]),
  ];
  const generated = formatDateTime(input.generatedAt).slice(0, 10);
  return {
    language: input.language,
    languageTag: input.language === 'nn' ? 'nn-NO' : 'nb-NO',
    strings,
    meta: { title: `${s.title} \u2014 ${input.organization.name}`, author: input.organization.name, subject: s.confidential, keywords: ['ROS', 'risiko', input.organization.name] },
    runningTitle: `${s.title} \u00b7 ${input.organization.name}`,
    draftMark: null,
    titlePage: {
      organization: input.organization.name,
      organizationDetail: input.organization.kommunenummer ? `${strings.kommunenummer} ${input.organization.kommunenummer}` : null,
      title: s.title,
      period: generated,
      periodName: null,
      revision: s.confidential,
      status: '',
      adopted: true,
      generated: `${s.generated} ${generated}`,
    },
    toc: { title: strings.contents, depth: 1, entries: [{ level: 1, text: s.matrix, id: 'matrise' }, { level: 1, text: s.risks, id: 'risikoer' }] },
    sections: [{ id: 'risiko', orientation: 'portrait', blocks }],
    chart: null,
  };
}
