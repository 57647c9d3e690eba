/** The one plan order of measures, used by the pages and the plan document alike. */

const collator = new Intl.Collator('nb', { numeric: true });

/** Measures by number (natural order: 2 before 10), numberless last, then by title (A–Å). */
export function compareMeasures(a: { readonly number: string | null; readonly title: string }, b: { readonly number: string | null; readonly title: string }): number {
  const na = a.number ?? '';
  const nb = b.number ?? '';
  if (na !== nb) {
    if (na === '') return 1;
    if (nb === '') return -1;
    return collator.compare(na, nb);
  }
  return collator.compare(a.title, b.title);
}
