/** Norwegian display formats for dates and numbers (nb-NO), used by web, API messages and documents. */

const twoDigits = (n: number): string => String(n).padStart(2, '0');

/** `2026-11-22` or a Date → `22.11.2026`. Date-only strings are read as calendar dates, not UTC instants. */
export function formatDate(value: string | Date): string {
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
    if (m && value.length === 10) return `${m[3]}.${m[2]}.${m[1]}`;
    value = new Date(value);
  }
  if (Number.isNaN(value.getTime())) throw new RangeError('Ugyldig dato');
  return `${twoDigits(value.getDate())}.${twoDigits(value.getMonth() + 1)}.${value.getFullYear()}`;
}

/** A timestamp → `22.11.2026 kl. 14:05` in the given time zone (default Europe/Oslo). */
export function formatDateTime(value: string | Date, timeZone = 'Europe/Oslo'): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) throw new RangeError('Ugyldig tidspunkt');
  const parts = new Intl.DateTimeFormat('nb-NO', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}.${get('month')}.${get('year')} kl. ${get('hour')}:${get('minute')}`;
}

const intFormatter = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });

/** Whole numbers with Norwegian grouping: `1 139` (U+00A0). */
export function formatInteger(n: number): string {
  return intFormatter.format(n).replace(/[\s\u202f]/g, '\u00a0');
}
