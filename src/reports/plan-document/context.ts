/** The shared state of one plan document build. */
import type { FocusArea, Goal, Measure, NationalGoal, Revision } from '../../domain/plan.ts';
import type { PlanDocumentInput } from '../../domain/plan-document-input.ts';
import type { Block, DocLanguage } from './model.ts';
import { DOCUMENT_STRINGS, type DocStrings } from './strings.ts';
import { byNumber, collator, columnYears, EN_DASH, uniqueIds } from './helpers.ts';

/**
 * What the section builders share: the strings, the plan's years, headings with unique ids, table and
 * figure numbers in document order, and the revision's goals and measures grouped by focus area.
 * The sections must be built in document order (strategy, action plan, economy plan, appendices).
 */
export interface BuildContext {
  input: PlanDocumentInput;
  revision: Revision;
  language: DocLanguage;
  s: DocStrings;
  periodText: string;
  years: number[];
  heading: (level: 1 | 2 | 3 | 4, text: string) => Block;
  /** The next table's caption: "Tabell n: text". */
  caption: (text: string) => string;
  /** The next figure's number. */
  nextFigure: () => number;
  nationalById: Map<string, NationalGoal>;
  goalsByArea: Map<string, Goal[]>;
  areas: FocusArea[];
  measuresByArea: Map<string, Measure[]>;
  orphanMeasures: Measure[];
}

export function buildContext(input: PlanDocumentInput): BuildContext {
  const { organization, revision } = input;
  const language: DocLanguage = organization.language === 'nn' ? 'nn' : 'nb';
  const s = DOCUMENT_STRINGS[language];
  const periodText = `${revision.period.startYear}${EN_DASH}${revision.period.endYear}`;
  const years = columnYears(revision);
  const uniqueId = uniqueIds();
  const heading = (level: 1 | 2 | 3 | 4, text: string): Block => ({ type: 'heading', level, text, id: uniqueId(text) });
  let tableNo = 0;
  let figureNo = 0;
  const caption = (text: string): string => `${s.table} ${++tableNo}: ${text}`;

  const nationalById = new Map(input.nationalGoals.map((g) => [g.id, g]));
  const goalsByArea = new Map<string, Goal[]>();
  for (const g of [...revision.goals].sort((a, b) => a.position - b.position)) {
    const list = goalsByArea.get(g.focusAreaId) ?? [];
    list.push(g);
    goalsByArea.set(g.focusAreaId, list);
  }
  const areas = [...revision.focusAreas].sort((a, b) => a.position - b.position || collator.compare(a.title, b.title));
  const areaIds = new Set(areas.map((a) => a.id));
  const measuresByArea = new Map<string, Measure[]>();
  for (const m of revision.measures) {
    const key = m.focusAreaId !== null && areaIds.has(m.focusAreaId) ? m.focusAreaId : '';
    const list = measuresByArea.get(key) ?? [];
    list.push(m);
    measuresByArea.set(key, list);
  }
  for (const list of measuresByArea.values()) list.sort(byNumber);
  const orphanMeasures = measuresByArea.get('') ?? [];

  return {
    input,
    revision,
    language,
    s,
    periodText,
    years,
    heading,
    caption,
    nextFigure: () => ++figureNo,
    nationalById,
    goalsByArea,
    areas,
    measuresByArea,
    orphanMeasures,
  };
}
