/** Bars of the forecast's cost per year, as SVG; the table below the chart holds the same numbers. */
import { formatKroner } from '../../../domain/money.ts';

export function ForecastChart({ years, label }: { years: ReadonlyArray<{ year: string; amount: number }>; label: string }) {
  const max = Math.max(1, ...years.map((y) => y.amount));
  const width = 640;
  const height = 220;
  const barWidth = Math.max(8, Math.floor((width - 40) / Math.max(1, years.length)) - 12);
  return (
    <figure className="forecast-chart">
      <svg viewBox={`0 0 ${width} ${height + 40}`} role="img" aria-label={label} width="100%" style={{ maxWidth: `${width}px` }}>
        {years.map((y, i) => {
          const h = Math.round((y.amount / max) * height);
          const x = 20 + i * (barWidth + 12);
          return (
            <g key={y.year}>
              <rect x={x} y={height - h + 10} width={barWidth} height={h} fill="var(--ds-color-accent-base-default, #1e5aa0)">
                <title>{`${y.year}: ${formatKroner(y.amount)}`}</title>
              </rect>
              <text x={x + barWidth / 2} y={height + 30} textAnchor="middle" fontSize="14" fill="currentColor">
                {y.year}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">{label}</figcaption>
    </figure>
  );
}
