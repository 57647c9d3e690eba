/** The application's "today" (Europe/Oslo), for date rules. Tests and benchmarks may pin it with VEIKART_TODAY. */
import { todayInOslo } from '../domain/portfolio-quality.ts';

export function today(): string {
  const pinned = process.env.VEIKART_TODAY;
  return pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned) ? pinned : todayInOslo();
}
